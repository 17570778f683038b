"""Import a rule set (bộ quy định) the upper union sent: verify, show what changes, apply.

The file is verified and compared with the year on the worker (``services.rules``); the dialog
shows the signature's verdict (a warning with the fingerprint when the signer is not trusted),
each change in one line, and applies the set to the year only when the user presses "Apply"
(one transaction: all or nothing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import ErrorLine, note, subheading

WARNING_COLOR = "#8a5300"


def preview_job(db, paths, path: Path, year: int):
    from thidua_desktop.services import rules

    return rules.preview_import(db, paths, path, year)


def apply_job(db, paths, path: Path, year: int, sha256: str):
    from thidua_desktop.services import rules

    return rules.apply_import(db, paths, path, year, expected_sha256=sha256)


class RuleSetDialog(QDialog):
    """Choose a rule-set file; see the verdict and the changes for the year; apply them in one go."""

    def __init__(self, ctx: context.AppContext, year: int, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.preview = None
        self.outcome = None
        self.setWindowTitle(self.tr("Import a rule set"))
        intro = note(self.tr("A rule set is the signed workbook in which the upper union sends the emulation and "
                             "commendation rules: the documents they rest on, titles, caps and thresholds. It applies "
                             "to the year {year}; nothing changes until you press Apply.").format(year=year))
        intro.setWordWrap(True)
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
        self.changes = QListWidget()
        self.changes.setWordWrap(True)
        self.changes.setMinimumSize(760, 240)
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
        box.addWidget(self.changes, 1)
        box.addWidget(self.warnings)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self._show(None)
        if path is not None:
            self.load(Path(path))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the rule set"), str(Path.home()),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file.setText(str(path))
        self._show(None)
        self.signature.setText(self.tr("Checking the signature and reading the rule set…"))
        self.choose_button.setEnabled(False)
        self.ctx.tasks.run(preview_job, self.ctx.db, self.ctx.paths, path, self.year, on_done=self._show_preview,
                           on_error=self._failed, owner=self)

    def _show(self, preview) -> None:
        self.preview = preview
        self.changes.clear()
        if preview is not None:
            self.changes.addItems(list(preview.changes))
        self.changes.setVisible(preview is not None and bool(preview.changes))
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
        if not preview.has_changes and not preview.blockers:
            text = self.tr("The year {year} already follows this rule set: nothing to change.").format(
                year=preview.year)
        else:
            text = self.tr("Rule set “{name}” ({years}) for the year {year}: {count} changes.").format(
                name=preview.name, years=preview.years_text, year=preview.year, count=len(preview.changes))
        self.summary.setText(text)
        others = [w for w in preview.warnings if w != sig.warning]
        if others:
            self.warnings.setText("\n".join(others))
            self.warnings.setVisible(True)
        if preview.blockers:
            self.error.show_message(self.tr("This rule set cannot be applied:") + "\n" + "\n".join(preview.blockers))

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.choose_button.setEnabled(True)
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.signature.setText("")
        self.error.show_message(exc.message)

    def apply(self) -> None:
        preview = self.preview
        if preview is None or not preview.can_apply or not preview.has_changes:
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(apply_job, self.ctx.db, self.ctx.paths, preview.path, self.year, preview.sha256,
                           on_done=self._applied, on_error=self._failed, owner=self)

    def _applied(self, outcome) -> None:
        self.outcome = outcome
        self.buttons.setEnabled(True)
        self.ctx.changed(context.RULES)
        self.accept()
