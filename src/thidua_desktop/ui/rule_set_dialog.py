"""Import a rule set (bộ quy định) the upper union sent: verify, show what changes, apply.

The file is verified and compared with the year on the worker (``services.rules``); the dialog
shows the signature's verdict (a warning with the fingerprint when the signer is not trusted),
each change in one line, and applies the set to the year only when the user presses "Apply"
(one transaction: all or nothing).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QListWidget, QWidget

from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import subheading
from thidua_desktop.ui.signed_file_dialog import SignedFileDialog


def preview_job(db, paths, path: Path, year: int):
    from thidua_desktop.services import rules

    return rules.preview_import(db, paths, path, year)


def apply_job(db, paths, path: Path, year: int, sha256: str):
    from thidua_desktop.services import rules

    return rules.apply_import(db, paths, path, year, expected_sha256=sha256)


class RuleSetDialog(SignedFileDialog):
    """Choose a rule-set file; see the verdict and the changes for the year; apply them in one go."""

    def __init__(
        self, ctx: context.AppContext, year: int, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Import a rule set"),
            action=self.tr("Apply"),
            intro=self.tr(
                "A rule set is the signed workbook in which the upper union sends the emulation and "
                "commendation rules: the documents they rest on, titles, caps and thresholds. It applies "
                "to the year {year}; nothing changes until you press Apply."
            ).format(year=year),
            choose_title=self.tr("Choose the rule set"),
            reading=self.tr("Checking the signature and reading the rule set…"),
            blocked=self.tr("This rule set cannot be applied:"),
        )
        self.year = year
        self.outcome = None
        self.apply_button = self.action_button
        self.summary = subheading()
        self.summary.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setWordWrap(True)
        self.changes.setMinimumSize(760, 240)
        self._lay_out(self.summary, self.changes, path=path)

    def _reader(self, path: Path):
        return partial(preview_job, self.ctx.db, self.ctx.paths, path, self.year)

    def _show_content(self, preview) -> None:
        self.changes.clear()
        if preview is not None:
            self.changes.addItems(list(preview.changes))
        self.changes.setVisible(preview is not None and bool(preview.changes))
        self.summary.setVisible(preview is not None)

    def _show_details(self, preview) -> None:
        if not preview.has_changes and not preview.blockers:
            text = self.tr("The year {year} already follows this rule set: nothing to change.").format(
                year=preview.year
            )
        else:
            text = self.tr("Rule set “{name}” ({years}) for the year {year}: {count} changes.").format(
                name=preview.name, years=preview.years_text, year=preview.year, count=len(preview.changes)
            )
        self.summary.setText(text)

    def _actor(self, preview):
        return partial(apply_job, self.ctx.db, self.ctx.paths, preview.path, self.year, preview.sha256)

    def _done(self, outcome) -> None:
        self.outcome = outcome
        self.ctx.changed(context.RULES)
