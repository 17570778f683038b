"""Nhập sổ sáng kiến từ Excel: read an initiatives register, show what will happen, import all
or nothing (``services.initiatives_io``).

The file is read and checked by the worker; nothing is written until Nhập, which is enabled
only when the file has no error. The commit runs in the worker too, in one transaction
(``ui/import_common.py``: what this shares with the roster import).

Every correction reads the file again: the sheet, the year of the rows that do not say it (a year,
or each row's first application date), and what each column holds. A column choice is remembered
(QSettings, ``ui/settings.py``) for the headers it was made for, and used for the next file with
the same headers. The preview says per row what was filled in (the year, the deciding body).
"""

from __future__ import annotations

import json
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels, settings
from thidua_desktop.ui.import_common import ColumnMapping, SpreadsheetImportDialog
from thidua_desktop.ui.operations import initiatives as initiatives_ops
from thidua_desktop.ui.pages.base import note
from thidua_desktop.ui.widgets.table import Column

MAPPINGS_GROUP = "initiatives_import/mappings"  # header signature → the column choice, as JSON
YEARS_BACK = 10  # how many years before the current one the year choice offers


def remembered_mappings() -> dict[str, dict[str, int]]:
    """The column choices made before, by header signature."""
    s = settings.settings()
    s.beginGroup(MAPPINGS_GROUP)
    found: dict[str, dict[str, int]] = {}
    for signature in s.childKeys():
        try:
            value = json.loads(str(s.value(signature, "")))
            found[signature] = {str(k): int(c) for k, c in value.items()}
        except (ValueError, TypeError, AttributeError):
            continue  # a damaged entry is forgotten, not a reason to refuse the file
    s.endGroup()
    return found


def remember_mapping(signature: str, mapping: dict[str, int] | None) -> None:
    """Keep ``mapping`` for files with these headers (None: forget it)."""
    s = settings.settings()
    s.beginGroup(MAPPINGS_GROUP)
    if mapping is None:
        s.remove(signature)
    else:
        s.setValue(signature, json.dumps(mapping, sort_keys=True))
    s.endGroup()
    s.sync()


def _preview(db, path, sheet, default_year, today, mapping, remembered) -> initiatives_ops.InitiativesImport:
    """Read and check the file on the worker (``initiatives_ops.preview_initiatives`` with the
    column choice and the remembered ones)."""
    from thidua_desktop.services import initiatives_io

    preview, sheets = initiatives_io.preview_with_sheets(
        db, path, sheet, default_year=default_year, today=today, mapping=mapping, remembered=remembered
    )
    return initiatives_ops.InitiativesImport(preview, sheets)


def _authors_text(draft) -> str:
    return "; ".join(f"{a.display_name} ({vntext.format_number(a.share)}%)" for a in draft.authors)


def _inferred_text(item) -> str:
    return "; ".join(n.message_vi for n in item.inferred)


def import_summary(result) -> str:
    return QCoreApplication.translate(
        "InitiativesImportDialog", "{added} initiatives added, {updated} updated, {unchanged} unchanged."
    ).format(
        added=vntext.format_number(result.added),
        updated=vntext.format_number(result.updated),
        unchanged=vntext.format_number(result.unchanged),
    )


class InitiativesImportDialog(SpreadsheetImportDialog):
    reading: initiatives_ops.InitiativesImport | None

    def __init__(
        self, ctx: context.AppContext, parent: QWidget | None = None, *, default_year: int | None = None
    ) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Import initiatives from Excel"),
            choose_title=self.tr("Choose the register of initiatives"),
            size=(1180, 680),
            margins=(40, 60),
        )
        from thidua_desktop.exchange.initiatives_io import READ_COLUMNS

        self.default_year = default_year
        self._chosen_mapping: tuple[str | None, dict[str, int]] | None = None  # (sheet, mapping) the user chose
        file_row = self._file_row()

        self.year_choice = QComboBox()
        self.year_choice.addItem(self.tr("the year of its first application date"), None)
        if default_year is not None:
            for year in range(default_year + 1, default_year - YEARS_BACK - 1, -1):
                self.year_choice.addItem(str(year), year)
            self.year_choice.setCurrentIndex(self.year_choice.findData(default_year))
        self.year_choice.setToolTip(
            self.tr("The year of the rows that do not say it (the file may have no column for the year).")
        )
        self.year_choice.currentIndexChanged.connect(lambda _i: self._run_preview(self.sheet.currentData()))
        year_label = QLabel(self.tr("A row without a year is of:"))
        year_label.setBuddy(self.year_choice)
        self.mapping_note = QLabel()
        self.mapping_note.setWordWrap(True)
        self.mapping_note.setStyleSheet("color: #1e6b3a;")
        choices_row = self._sheet_row((year_label, self.year_choice), note=self.mapping_note)

        self.column_mapping = ColumnMapping([(c.key, c.label) for c in READ_COLUMNS])
        self.column_mapping.changed.connect(self._mapping_changed)
        mapping_caption = QLabel(
            self.tr(
                "What each column of the file holds (change one if it was guessed wrong; "
                "the choice is remembered for files with the same headers):"
            )
        )
        mapping_caption.setWordWrap(True)
        self._preview_table(
            [
                Column(
                    self.tr("Row"),
                    lambda i: str(i.source_row),
                    sort_key=lambda i: i.source_row,
                    align_right=True,
                    width=50,
                ),
                Column(self.tr("Action"), self._action_text, width=100),
                Column(self.tr("Initiative"), lambda i: i.draft.title, tooltip=lambda i: i.draft.title, width=240),
                Column(self.tr("Year"), lambda i: str(i.draft.year), width=50),
                Column(self.tr("Phase"), lambda i: str(i.draft.phase_number or ""), width=45),
                Column(
                    self.tr("Authors"),
                    lambda i: _authors_text(i.draft),
                    tooltip=lambda i: _authors_text(i.draft),
                    width=220,
                ),
                Column(
                    self.tr("Benefit (VND)"),
                    lambda i: (
                        vntext.format_number(int(i.draft.economic_benefit))
                        if i.draft.economic_benefit is not None
                        else ""
                    ),
                    align_right=True,
                    width=105,
                ),
                Column(self.tr("Status"), lambda i: labels.initiative_status(i.draft.status), width=110),
                Column(self.tr("Level"), lambda i: labels.recognition_level(i.draft.recognition_level), width=80),
                Column(self.tr("Decision"), lambda i: i.draft.decision_number, width=110),
                Column(
                    self.tr("Decided by"),
                    lambda i: i.draft.decision_issuer,
                    tooltip=lambda i: i.draft.decision_issuer,
                    width=160,
                ),
                Column(self.tr("Filled in"), _inferred_text, tooltip=_inferred_text, width=260),
            ]
        )
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
            "people share a name. A row whose title and year are already in the register updates it."
        )
        explanation += " " + self.tr(
            "The shares may also be in a column of their own (“80%; 10%; 10%”), in the authors' order. A recognised "
            "initiative whose deciding body the file does not give is taken as decided by the body of its level: "
            "the employer or the union at the base, the upper union for the sector or the province."
        )
        box = QVBoxLayout(self)
        box.addLayout(file_row)
        box.addLayout(choices_row)
        box.addWidget(mapping_caption)
        box.addWidget(self.column_mapping)
        box.addWidget(note(explanation))
        box.addWidget(self.error)
        box.addWidget(self.ready)
        box.addWidget(self.counts)
        box.addWidget(self._splitter(side), 1)
        box.addWidget(
            note(
                self.tr(
                    "Nothing is written until you press Import; then the whole file goes in at once, or nothing does."
                )
            )
        )
        box.addWidget(self.buttons)
        self._ready_to_go()

    # -- reading and importing ---------------------------------------------------------------

    def read(self, path) -> None:
        self._chosen_mapping = None  # a new file: its headers decide (or a choice remembered for them)
        super().read(path)

    def year(self) -> int | None:
        """The year of the rows that do not say it; None: each row's first application date."""
        return self.year_choice.currentData()

    def _reader(self, sheet: str | None):
        chosen = self._chosen_mapping
        mapping = chosen[1] if chosen is not None and chosen[0] in (sheet, None) else None
        return partial(
            _preview, self.ctx.db, self.path, sheet, self.year(), self.ctx.today(), mapping, remembered_mappings()
        )

    def _committer(self):
        return partial(initiatives_ops.commit_initiatives, self.ctx.db, self.reading.preview, self.ctx.today())

    def _can_commit(self) -> bool:
        return self.reading.preview.can_commit

    def _sheets(self) -> list:
        return self.reading.sheets

    def _set_choices_enabled(self, enabled: bool) -> None:
        self.sheet.setEnabled(enabled and self.sheet.count() > 1)
        self.year_choice.setEnabled(enabled)
        self.column_mapping.setEnabled(enabled)

    # -- the column mapping --------------------------------------------------------------------

    def mapping(self) -> dict[str, int]:
        return self.column_mapping.mapping()

    def set_field(self, column: int, key: str | None) -> None:
        """Say that file column ``column`` (0-based) holds the field ``key`` (None: not imported)."""
        self.column_mapping.set_field(column, key)

    def _mapping_changed(self, _column: int) -> None:
        mapping = self.column_mapping.mapping()
        sheet = self.sheet.currentData()
        self._chosen_mapping = (sheet, mapping)
        if self.reading is not None and self.reading.preview.signature:
            remember_mapping(self.reading.preview.signature, mapping)
        self._run_preview(sheet)

    # -- showing -----------------------------------------------------------------------------

    def _clear(self) -> None:
        self.sheet.setEnabled(False)
        self.problems_caption.setText(self.tr("Problems"))
        self.mapping_note.clear()
        self.column_mapping.set_columns([], {})

    def _show_reading(self) -> None:
        preview = self.reading.preview
        self.sheet.setEnabled(self.sheet.count() > 1)
        self.column_mapping.set_columns(preview.columns, preview.mapping)
        self.mapping_note.setText(
            {
                "remembered": self.tr("Columns as you chose them before for a file with these headers."),
                "chosen": self.tr("Columns as you chose them (remembered for files with these headers)."),
            }.get(preview.mapping_source, "")
        )
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
        counts = self.tr(
            "{read} initiatives read · {added} new · {updated} to be updated · {unchanged} "
            "already in the register, unchanged"
        ).format(
            read=vntext.format_number(len(preview.items)),
            added=vntext.format_number(preview.added),
            updated=vntext.format_number(preview.updated),
            unchanged=vntext.format_number(preview.unchanged),
        )
        filled = sum(1 for item in preview.items if item.inferred)
        if filled:
            counts += " · " + self.tr("{count} rows with something filled in (see the column “Filled in”)").format(
                count=vntext.format_number(filled)
            )
        self.counts.setText(counts)
        if preview.can_commit:
            self.ready.show_message(
                self.tr("Ready to import: {added} new initiatives, {updated} updated.").format(
                    added=vntext.format_number(preview.added), updated=vntext.format_number(preview.updated)
                )
            )
        else:
            self.ready.clear_message()
        self._update_import_button()

    def _action_text(self, item) -> str:
        if item.source_row in self._error_rows:
            return self.tr("Error")
        return {"add": self.tr("New"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged")}[item.action]
