"""Import a plan package (gói kế hoạch) from the upper union: verify, show what changes, apply.

The file is verified and compared with the year on the worker (``services.plan_package``); the
dialog shows the signature's verdict (a warning with the fingerprint when the signer is not
trusted), then a table of every change — added, changed (old → new, field by field), removed,
or kept because records use it — and applies only when the user presses "Apply". Nothing here
imports the services at module level: the main window opens this dialog lazily.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import ErrorLine, note, subheading
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table

WARNING_COLOR = "#8a5300"
ADDED, CHANGED, REMOVED, KEPT = "#1e6b2f", "#123f7a", "#a4262c", "#8a5300"


def preview_job(db, paths, path: Path):
    from thidua_desktop.services import plan_package

    return plan_package.preview_import(db, paths, path)


def apply_job(db, paths, path: Path, sha256: str):
    from thidua_desktop.services import plan_package

    return plan_package.apply_and_list_years(db, paths, path, sha256)


class PlanPackageDialog(QDialog):
    """Choose a package file; see the verdict and the changes; apply them in one go."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.outcome = None
        self.setWindowTitle(self.tr("Import a plan package"))
        intro = note(self.tr("A plan package is the signed workbook in which the upper union sends its plan: phases, "
                             "deadlines, movements, indicators with targets, titles and rule values. Nothing changes "
                             "until you press Apply."))
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File")))
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)

        self.signature = QLabel()
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = subheading()
        self.summary.setWordWrap(True)
        self.model = RowsModel([
            Column(self.tr("Part"), self._section, sort_key=STORED_ORDER, width=100),
            Column(self.tr("Code"), lambda c: c.key, width=90),
            Column(self.tr("Name"), lambda c: c.name, width=260, tooltip=lambda c: c.name or None),
            Column(self.tr("Change"), self._action, width=90, foreground=self._action_color),
            Column(self.tr("Details (old → new)"), self._details, tooltip=self._details_tooltip),
        ], self)
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumSize(820, 280)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        self.error = ErrorLine()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(file_row)
        box.addWidget(self.signature)
        box.addWidget(self.summary)
        box.addWidget(self.view, 1)
        box.addWidget(self.warnings)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self._show(None)
        if path is not None:
            self.load(Path(path))

    # -- labels ------------------------------------------------------------------------------

    def _section(self, change) -> str:
        return {"plan": self.tr("Plan"), "phase": self.tr("Phase"), "movement": self.tr("Movement"),
                "indicator": self.tr("Indicator"), "title": self.tr("Title"), "rule": self.tr("Rule")}.get(
            change.section, change.section)

    def _action(self, change) -> str:
        return {"added": self.tr("added"), "changed": self.tr("changed"), "removed": self.tr("removed"),
                "kept": self.tr("kept")}.get(change.action, change.action)

    def _action_color(self, change) -> QColor | None:
        return QColor({"added": ADDED, "changed": CHANGED, "removed": REMOVED, "kept": KEPT}[change.action])

    def _details(self, change) -> str:
        parts = [f"{f.label}: {f.old} → {f.new}" for f in change.fields]
        if change.note:
            parts.append(change.note)
        return "; ".join(parts)

    def _details_tooltip(self, change) -> str | None:
        lines = [f"{f.label}: {f.old} → {f.new}" for f in change.fields]
        if change.note:
            lines.append(change.note)
        return "\n".join(lines) or None

    # -- loading -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the plan package"), str(Path.home()),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file.setText(str(path))
        self._show(None)
        self.signature.setText(self.tr("Checking the signature and reading the package…"))
        self.choose_button.setEnabled(False)
        self.ctx.tasks.run(preview_job, self.ctx.db, self.ctx.paths, path, on_done=self._show_preview,
                           on_error=self._failed, owner=self)

    def _show(self, preview) -> None:
        self.preview = preview
        self.model.set_rows(list(preview.changes) if preview is not None else [])
        self.view.setVisible(preview is not None and bool(preview.changes))
        self.summary.setVisible(preview is not None)
        self.warnings.setVisible(False)
        self.signature.setStyleSheet("")
        self.signature.setText("")
        self.error.clear_message()
        self.apply_button.setEnabled(preview is not None and preview.can_apply and preview.has_changes)

    def _show_preview(self, preview) -> None:
        self.choose_button.setEnabled(True)
        self._show(preview)
        sig = preview.signature
        if sig.trusted:
            self.signature.setText(self.tr("Signature valid: signed by {signer}, a trusted signer.").format(
                signer=sig.signer))
        else:
            self.signature.setStyleSheet(f"color: {WARNING_COLOR};")
            self.signature.setText(self.tr(
                "The data is intact, but the signer {signer} is not in the trusted list. Before applying, phone the "
                "sender and compare the certificate's fingerprint:\n{fingerprint}").format(
                signer=sig.signer or "?", fingerprint=sig.fingerprint))
        counts = preview.counts
        if preview.creates_year:
            text = self.tr("The year {year} does not exist yet: it will be created with {phases} phases, {movements} "
                           "movements, {indicators} indicators, {titles} titles and {rules} rule values.").format(
                year=preview.year, **counts)
        elif not preview.has_changes:
            text = self.tr("The year {year} already matches this package: nothing to change.").format(
                year=preview.year)
        else:
            n = {a: sum(1 for c in preview.changes if c.action == a) for a in ("added", "changed", "removed", "kept")}
            text = self.tr("Changes to the year {year}: {added} added, {changed} changed, {removed} removed, {kept} "
                           "kept.").format(year=preview.year, **n)
        self.summary.setText(text)
        others = [w for w in preview.warnings if w != sig.warning]
        if others:
            self.warnings.setText("\n".join(others))
            self.warnings.setVisible(True)
        if preview.blockers:
            self.error.show_message(self.tr("This package cannot be applied:") + "\n" + "\n".join(preview.blockers))

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.choose_button.setEnabled(True)
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.signature.setText("")
        self.error.show_message(exc.message)

    # -- applying ----------------------------------------------------------------------------

    def apply(self) -> None:
        preview = self.preview
        if preview is None or not preview.can_apply or not preview.has_changes:
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(apply_job, self.ctx.db, self.ctx.paths, preview.path, preview.sha256,
                           on_done=self._applied, on_error=self._failed, owner=self)

    def _applied(self, result) -> None:
        outcome, years = result
        self.outcome = outcome
        self.buttons.setEnabled(True)
        self.ctx.set_year(outcome.year)  # first, so the year selector refilled by set_years shows it
        self.ctx.set_years(years)
        self.ctx.changed(context.YEAR)
        self.accept()
