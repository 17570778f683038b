"""Import a plan package (gói kế hoạch) from the upper union: verify, show what changes, apply.

The file is verified and compared with the year on the worker (``services.plan_package``); the
dialog shows the signature's verdict (a warning with the fingerprint when the signer is not
trusted), then a table of every change — added, changed (old → new, field by field), removed,
or kept because records use it — and applies only when the user presses "Apply". Nothing here
imports the services at module level: the main window opens this dialog lazily.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import subheading
from thidua_desktop.ui.signed_file_dialog import SignedFileDialog
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table

ADDED, CHANGED, REMOVED, KEPT = "#1e6b2f", "#123f7a", "#a4262c", "#8a5300"


def preview_job(db, paths, path: Path):
    from thidua_desktop.services import plan_package

    return plan_package.preview_import(db, paths, path)


def apply_job(db, paths, path: Path, sha256: str):
    from thidua_desktop.services import plan_package

    return plan_package.apply_and_list_years(db, paths, path, sha256)


class PlanPackageDialog(SignedFileDialog):
    """Choose a package file; see the verdict and the changes; apply them in one go."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Import a plan package"),
            action=self.tr("Apply"),
            intro=self.tr(
                "A plan package is the signed workbook in which the upper union sends its plan: phases, "
                "deadlines, movements, indicators with targets, titles and rule values. Nothing changes "
                "until you press Apply."
            ),
            choose_title=self.tr("Choose the plan package"),
            reading=self.tr("Checking the signature and reading the package…"),
            blocked=self.tr("This package cannot be applied:"),
        )
        self.outcome = None
        self.apply_button = self.action_button
        self.summary = subheading()
        self.summary.setWordWrap(True)
        self.model = RowsModel(
            [
                Column(self.tr("Part"), self._section, sort_key=STORED_ORDER, width=100),
                Column(self.tr("Code"), lambda c: c.key, width=90),
                Column(self.tr("Name"), lambda c: c.name, width=260, tooltip=lambda c: c.name or None),
                Column(self.tr("Change"), self._action, width=90, foreground=self._action_color),
                Column(self.tr("Details (old → new)"), self._details, tooltip=self._details_tooltip),
            ],
            self,
        )
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumSize(820, 280)
        self._lay_out(self.summary, self.view, path=path)

    # -- labels ------------------------------------------------------------------------------

    def _section(self, change) -> str:
        return {
            "plan": self.tr("Plan"),
            "phase": self.tr("Phase"),
            "movement": self.tr("Movement"),
            "indicator": self.tr("Indicator"),
            "title": self.tr("Title"),
            "rule": self.tr("Rule"),
        }.get(change.section, change.section)

    def _action(self, change) -> str:
        return {
            "added": self.tr("added"),
            "changed": self.tr("changed"),
            "removed": self.tr("removed"),
            "kept": self.tr("kept"),
        }.get(change.action, change.action)

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

    # -- the file ----------------------------------------------------------------------------

    def _reader(self, path: Path):
        return partial(preview_job, self.ctx.db, self.ctx.paths, path)

    def _show_content(self, preview) -> None:
        self.model.set_rows(list(preview.changes) if preview is not None else [])
        self.view.setVisible(preview is not None and bool(preview.changes))
        self.summary.setVisible(preview is not None)

    def _show_details(self, preview) -> None:
        counts = preview.counts
        if preview.creates_year:
            text = self.tr(
                "The year {year} does not exist yet: it will be created with {phases} phases, {movements} "
                "movements, {indicators} indicators, {titles} titles and {rules} rule values."
            ).format(year=preview.year, **counts)
        elif not preview.has_changes:
            text = self.tr("The year {year} already matches this package: nothing to change.").format(year=preview.year)
        else:
            n = {a: sum(1 for c in preview.changes if c.action == a) for a in ("added", "changed", "removed", "kept")}
            text = self.tr(
                "Changes to the year {year}: {added} added, {changed} changed, {removed} removed, {kept} kept."
            ).format(year=preview.year, **n)
        self.summary.setText(text)

    # -- applying ----------------------------------------------------------------------------

    def _actor(self, preview):
        return partial(apply_job, self.ctx.db, self.ctx.paths, preview.path, preview.sha256)

    def _done(self, result) -> None:
        outcome, years = result
        self.outcome = outcome
        self.ctx.set_year(outcome.year)  # first, so the year selector refilled by set_years shows it
        self.ctx.set_years(years)
        self.ctx.changed(context.YEAR)
