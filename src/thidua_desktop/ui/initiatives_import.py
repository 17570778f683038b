"""Nhập sổ sáng kiến từ Excel: read an initiatives register, show what will happen, import all
or nothing (``services.initiatives_io``).

The file is read and checked by the worker; nothing is written until Nhập, which is enabled
only when the file has no error. The commit runs in the worker too, in one transaction
(``ui/import_common.py``: what this shares with the roster import).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.import_common import SpreadsheetImportDialog
from thidua_desktop.ui.operations import initiatives as initiatives_ops
from thidua_desktop.ui.pages.base import note
from thidua_desktop.ui.widgets.table import Column


def _authors_text(draft) -> str:
    return "; ".join(f"{a.display_name} ({vntext.format_number(a.share)}%)" for a in draft.authors)


def import_summary(result) -> str:
    return QCoreApplication.translate(
        "InitiativesImportDialog", "{added} initiatives added, {updated} updated, {unchanged} unchanged.").format(
        added=vntext.format_number(result.added), updated=vntext.format_number(result.updated),
        unchanged=vntext.format_number(result.unchanged))


class InitiativesImportDialog(SpreadsheetImportDialog):
    reading: initiatives_ops.InitiativesImport | None

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, *,
                 default_year: int | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Import initiatives from Excel"),
                         choose_title=self.tr("Choose the register of initiatives"), size=(1180, 680),
                         margins=(40, 60))
        self.default_year = default_year
        file_row = self._file_row(self.sheet_label, self.sheet)
        self._preview_table([
            Column(self.tr("Row"), lambda i: str(i.source_row), sort_key=lambda i: i.source_row, align_right=True,
                   width=50),
            Column(self.tr("Action"), self._action_text, width=100),
            Column(self.tr("Initiative"), lambda i: i.draft.title, tooltip=lambda i: i.draft.title, width=240),
            Column(self.tr("Year"), lambda i: str(i.draft.year), width=50),
            Column(self.tr("Phase"), lambda i: str(i.draft.phase_number or ""), width=45),
            Column(self.tr("Authors"), lambda i: _authors_text(i.draft), tooltip=lambda i: _authors_text(i.draft),
                   width=220),
            Column(self.tr("Benefit (VND)"), lambda i: vntext.format_number(int(i.draft.economic_benefit))
                   if i.draft.economic_benefit is not None else "", align_right=True, width=105),
            Column(self.tr("Status"), lambda i: labels.initiative_status(i.draft.status), width=110),
            Column(self.tr("Level"), lambda i: labels.recognition_level(i.draft.recognition_level), width=80),
            Column(self.tr("Decision"), lambda i: i.draft.decision_number, width=110),
        ])
        self.problems_caption = QLabel(self.tr("Problems"))
        self.problems_caption.setStyleSheet("font-weight: bold;")
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(4, 0, 0, 0)
        side_box.addWidget(self.problems_caption)
        side_box.addWidget(self.problems, 1)

        explanation = self.tr(
            "One row per initiative, with at least the columns “Tên sáng kiến” and “Tác giả” (e.g. “Phạm Thị Hoa "
            "(60%); Đinh Văn Tùng (40%)”); authors are found on the roster by name, and by date of birth when two "
            "people share a name. A row whose title and year are already in the register updates it.")
        if default_year is not None:
            explanation += " " + self.tr("Rows without a year are taken as {year}.").format(year=default_year)
        box = QVBoxLayout(self)
        box.addLayout(file_row)
        box.addWidget(note(explanation))
        box.addWidget(self.error)
        box.addWidget(self.ready)
        box.addWidget(self.counts)
        box.addWidget(self._splitter(side), 1)
        box.addWidget(note(self.tr("Nothing is written until you press Import; then the whole file goes in at once, "
                                   "or nothing does.")))
        box.addWidget(self.buttons)
        self._ready_to_go()

    # -- reading and importing ---------------------------------------------------------------

    def _reader(self, sheet: str | None):
        return partial(initiatives_ops.preview_initiatives, self.ctx.db, self.path, sheet, self.default_year,
                       self.ctx.today())

    def _committer(self):
        return partial(initiatives_ops.commit_initiatives, self.ctx.db, self.reading.preview, self.ctx.today())

    def _can_commit(self) -> bool:
        return self.reading.preview.can_commit

    def _sheets(self) -> list:
        return self.reading.sheets

    def _set_choices_enabled(self, enabled: bool) -> None:
        self.sheet.setEnabled(enabled and self.sheet.count() > 1)

    # -- showing -----------------------------------------------------------------------------

    def _clear(self) -> None:
        self.sheet.setEnabled(False)
        self.problems_caption.setText(self.tr("Problems"))

    def _show_reading(self) -> None:
        preview = self.reading.preview
        self.sheet.setEnabled(self.sheet.count() > 1)
        self._error_rows = {p.row for p in preview.errors if p.row is not None}
        self.preview.set_rows(preview.items)

    def _nothing_found(self) -> str | None:
        if self.reading.preview.items:
            return None
        return self.tr("No initiative was found in this sheet. Choose another sheet or check the column names.")

    def _show_problem_count(self, text: str) -> None:
        self.problems_caption.setText(text)

    def _show_counts(self) -> None:
        preview = self.reading.preview
        self.counts.setText(self.tr("{read} initiatives read · {added} new · {updated} to be updated · {unchanged} "
                                    "already in the register, unchanged").format(
            read=vntext.format_number(len(preview.items)), added=vntext.format_number(preview.added),
            updated=vntext.format_number(preview.updated), unchanged=vntext.format_number(preview.unchanged)))
        if preview.can_commit:
            self.ready.show_message(self.tr("Ready to import: {added} new initiatives, {updated} updated.").format(
                added=vntext.format_number(preview.added), updated=vntext.format_number(preview.updated)))
        else:
            self.ready.clear_message()
        self._update_import_button()

    def _action_text(self, item) -> str:
        if item.source_row in self._error_rows:
            return self.tr("Error")
        return {"add": self.tr("New"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged")}[item.action]
