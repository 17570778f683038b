"""Nhập danh sách từ Excel: read any roster file, show what will happen, import all or nothing.

The file is read and checked by the worker (``roster_io.preview_file``); every correction
(sheet, header row, a column's field) reads it again with that choice. Nothing is written
until Nhập, which is enabled only when the file has no error; the commit runs in the worker
too, in one transaction (``ui/import_common.py``: what this shares with the initiatives import).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.import_common import SpreadsheetImportDialog
from thidua_desktop.ui.operations import roster as roster_ops
from thidua_desktop.ui.pages.base import note
from thidua_desktop.ui.widgets.table import Column


def _date_or_year(d) -> str:
    if d.birth_date is not None:
        return vntext.format_date(d.birth_date)
    return str(d.birth_year) if d.birth_year else ""


class ImportDialog(SpreadsheetImportDialog):
    """``self.reading`` is a ``roster_io.RosterImport``."""

    def __init__(self, ctx: context.AppContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Import people from Excel"),
            choose_title=self.tr("Choose the roster file"),
            size=(1180, 700),
        )
        self._repeated_rows: set[int] = set()
        self._flagged_rows: set[int] = set()
        self._flag_by_row: dict[int, str] = {}
        self._flag_texts: dict[str, str] = {}
        self._inferred: dict[int, str] = {}  # source row → what was inferred, and what the decisions do
        self.decisions: dict[str, str] = {}  # flag key → "merge" | "keep", as the officer chose
        file_row = self._file_row()

        # -- where the table is --------------------------------------------------------------
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 100000)
        self.header_row.setSpecialValueText(self.tr("not found"))
        self.header_row.setKeyboardTracking(False)
        self.header_row.setToolTip(self.tr("The Excel row that holds the column names."))
        self.header_row.valueChanged.connect(self._header_chosen)
        self.conversions = QLabel()
        self.conversions.setWordWrap(True)
        self.conversions.setStyleSheet("color: #1e6b3a;")
        sheet_row = QHBoxLayout()
        header_label = QLabel(self.tr("Header on row:"))
        header_label.setBuddy(self.header_row)
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet)
        sheet_row.addSpacing(16)
        sheet_row.addWidget(header_label)
        sheet_row.addWidget(self.header_row)
        sheet_row.addSpacing(16)
        sheet_row.addWidget(self.conversions, 1)

        # -- the columns ---------------------------------------------------------------------
        self.mapping_box = QWidget()
        self.mapping_grid = QGridLayout(self.mapping_box)
        self.mapping_grid.setContentsMargins(0, 0, 0, 0)
        self.mapping_grid.setHorizontalSpacing(6)
        self.mapping_grid.setVerticalSpacing(2)
        self.mapping_grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.mapping_combos: list[QComboBox] = []
        mapping_area = QScrollArea()
        mapping_area.setWidget(self.mapping_box)
        mapping_area.setWidgetResizable(True)
        mapping_area.setFrameShape(QFrame.Shape.NoFrame)
        mapping_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        mapping_area.setFixedHeight(66)
        self.mapping_area = mapping_area
        mapping_caption = QLabel(self.tr("What each column of the file holds (change one if it was guessed wrong):"))

        # -- preview, problems, duplicates ---------------------------------------------------
        self._preview_table(
            [
                Column(
                    self.tr("Row"),
                    lambda d: str(d.source_row),
                    sort_key=lambda d: d.source_row,
                    align_right=True,
                    width=50,
                ),
                Column(self.tr("Status"), self._status_text, width=110),
                Column(self.tr("Family and middle name"), lambda d: d.family_middle, width=150),
                Column(self.tr("Given name"), lambda d: d.given_name, width=80),
                Column(self.tr("Date of birth"), _date_or_year, width=95),
                Column(self.tr("Gender"), lambda d: labels.gender(d.gender), width=60),
                Column(self.tr("Position"), lambda d: d.position, width=140),
                Column(self.tr("Union group"), lambda d: d.group_name, width=120),
                Column(self.tr("Department"), lambda d: d.department, width=120),
                Column(
                    self.tr("Member"), lambda d: "" if d.is_member is None else labels.yes_no(d.is_member), width=70
                ),
                Column(self.tr("Joined the union"), lambda d: labels.date_text(d.joined_union_on), width=110),
                Column(self.tr("Employed since"), lambda d: labels.date_text(d.employed_since), width=100),
                Column(self.tr("Ethnic group"), lambda d: d.ethnicity, width=70),
                Column(self.tr("Education"), lambda d: d.education, width=100),
                Column(self.tr("Phone"), lambda d: d.phone, width=100),
                Column(self.tr("Email"), lambda d: d.email, width=150),
                Column(self.tr("Note"), lambda d: d.note, width=150),
                Column(self.tr("What was inferred"), lambda d: self._inferred.get(d.source_row, ""), width=260),
            ]
        )
        self.preview_view.horizontalHeader().setStretchLastSection(True)

        self.duplicates = QListWidget()
        self.duplicates.setWordWrap(True)
        self.duplicates.itemClicked.connect(self._duplicate_clicked)
        self.duplicates.currentRowChanged.connect(lambda _row: self._update_pair_buttons())
        self.merge_one = QPushButton(self.tr("Merge this pair"))
        self.keep_one = QPushButton(self.tr("Keep both of this pair"))
        self.merge = QPushButton(self.tr("Merge every pair"))
        self.keep = QPushButton(self.tr("Keep every pair as two people"))
        self.merge_one.clicked.connect(lambda: self.decide(self._current_flag_key(), "merge"))
        self.keep_one.clicked.connect(lambda: self.decide(self._current_flag_key(), "keep"))
        self.merge.clicked.connect(lambda: self.decide_all("merge"))
        self.keep.clicked.connect(lambda: self.decide_all("keep"))
        duplicates_page = QWidget()
        dup_box = QVBoxLayout(duplicates_page)
        dup_box.setContentsMargins(4, 4, 4, 4)
        dup_caption = QLabel(
            self.tr(
                "Same name and date of birth twice. They are one person only if you say so: "
                "decide for each pair, or for all of them, before importing."
            )
        )
        dup_caption.setWordWrap(True)
        dup_box.addWidget(dup_caption)
        dup_box.addWidget(self.duplicates, 1)
        one_row = QHBoxLayout()
        one_row.addWidget(self.merge_one)
        one_row.addWidget(self.keep_one)
        one_row.addStretch(1)
        all_row = QHBoxLayout()
        all_row.addWidget(self.merge)
        all_row.addWidget(self.keep)
        all_row.addStretch(1)
        dup_box.addLayout(one_row)
        dup_box.addLayout(all_row)
        self.side = QTabWidget()
        self.side.addTab(self.problems, self.tr("Problems"))
        self.side.addTab(duplicates_page, self.tr("Duplicates"))

        box = QVBoxLayout(self)
        box.addLayout(file_row)
        box.addLayout(sheet_row)
        box.addWidget(mapping_caption)
        box.addWidget(mapping_area)
        box.addWidget(self.error)
        box.addWidget(self.ready)
        box.addWidget(self.counts)
        box.addWidget(self._splitter(self.side), 1)
        box.addWidget(
            note(
                self.tr(
                    "Nothing is written until you press Import; then the whole file goes in at "
                    "once, or nothing does. A person already on the roster (same name, date of "
                    "birth, phone, union group and gender where both have them) is updated, not "
                    "added twice."
                )
            )
        )
        box.addWidget(self.buttons)
        self._ready_to_go(path)

    # -- reading and importing ---------------------------------------------------------------

    def _reader(self, sheet: str | None, header_row: int | None = None, mapping: dict[str, int] | None = None):
        return partial(roster_ops.preview_roster, self.ctx.db, self.path, sheet, header_row, mapping)

    def _committer(self):
        return partial(roster_ops.commit_roster, self.ctx.db, self.reading, self.duplicate_mode())

    def _can_commit(self) -> bool:
        return self.reading.can_commit and not self._undecided()

    def _undecided(self) -> list:
        if self.reading is None:
            return []
        return [f for f in self.reading.flags if f.key not in self.decisions]

    def _sheets(self) -> list:
        return self.reading.preview.sheets

    def _set_choices_enabled(self, enabled: bool) -> None:
        for widget in (self.sheet, self.header_row, self.mapping_box):
            widget.setEnabled(enabled)

    def _after_commit(self, result) -> None:
        self.ctx.changed(context.PEOPLE)

    # -- showing -----------------------------------------------------------------------------

    def _clear(self) -> None:
        self._repeated_rows = set()
        self._flagged_rows = set()
        self._flag_by_row = {}
        self._flag_texts = {}
        self._inferred = {}
        self.decisions = {}
        self.conversions.clear()
        self.header_row.blockSignals(True)
        self.header_row.setValue(0)
        self.header_row.blockSignals(False)
        self._set_mapping_columns([], {})
        self.duplicates.clear()

    def _show_reading(self) -> None:
        preview = self.reading.preview
        self.header_row.blockSignals(True)
        self.header_row.setValue(preview.header_row + 1 if preview.header_row is not None else 0)
        self.header_row.blockSignals(False)
        self._set_mapping_columns(preview.columns, preview.mapping)
        conversions = [
            self.tr("Column {column}: converted from {encoding}").format(
                column=column_letter(col), encoding=labels.legacy_encoding(enc)
            )
            for col, enc in sorted(preview.legacy_conversions.items())
        ]
        self.conversions.setText(" · ".join(conversions))

        self._error_rows = preview.error_rows
        flags = self.reading.flags
        # A decision stands for the same pair read again (same rows, same people), never for another.
        texts = {f.key: f.text for f in flags}
        self.decisions = {k: v for k, v in self.decisions.items() if k in texts and self._flag_texts.get(k) == texts[k]}
        self._flag_texts = texts
        self._flagged_rows = {f.row for f in flags}
        self._flag_by_row = {f.row: f.key for f in flags}
        self._plan_notes()
        self.preview.set_rows(preview.drafts)
        self.duplicates.clear()
        for flag in flags:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, flag.row)
            item.setData(Qt.ItemDataRole.UserRole + 1, flag.key)
            self.duplicates.addItem(item)
        self._show_decisions()
        self.side.setTabText(1, self.tr("Duplicates ({count})").format(count=len(flags)))
        self.merge.setEnabled(bool(flags))
        self.keep.setEnabled(bool(flags))
        self._update_pair_buttons()
        if preview.errors:
            self.side.setCurrentIndex(0)
        elif flags:
            self.side.setCurrentIndex(1)

    def _nothing_found(self) -> str | None:
        if self.reading.preview.drafts:
            return None
        return self.tr(
            "No person was found in this sheet. Choose another sheet, correct the header row or say "
            "which column holds the names."
        )

    def _show_problem_count(self, text: str) -> None:
        self.side.setTabText(0, text)

    def _show_counts(self) -> None:
        if self.reading is None:
            self.counts.clear()
            self.ready.clear_message()
            self._update_import_button()
            return
        preview = self.reading.preview
        counts = roster_ops.import_counts(self.reading, self.duplicate_mode())
        undecided = len(self._undecided())
        self.counts.setText(
            self.tr(
                "{people} people read from {rows} rows · {new} new · {updated} already on the roster, to be updated · "
                "{merged} duplicates merged"
            ).format(
                people=vntext.format_number(len(preview.drafts)),
                rows=vntext.format_number(preview.counts.get("rows", 0)),
                new=vntext.format_number(counts.added),
                updated=vntext.format_number(counts.updated),
                merged=vntext.format_number(counts.merged),
            )
        )
        if self.reading.can_commit and undecided:
            self.ready.clear_message()
            self.error.show_message(
                self.tr(
                    "{count} pairs have the same name and date of birth: say under Duplicates whether each is one person "
                    "(merge) or two (keep) before importing."
                ).format(count=undecided)
            )
        elif self.reading.can_commit:
            if self.reading.flags:
                self.error.clear_message()
            self.ready.show_message(
                self.tr("Ready to import: {new} new people, {updated} updated.").format(
                    new=vntext.format_number(counts.added), updated=vntext.format_number(counts.updated)
                )
            )
        else:
            self.ready.clear_message()
        self._update_import_button()

    def _status_text(self, draft) -> str:
        if self.reading is None:
            return ""
        if draft.source_row in self._error_rows:
            return self.tr("Error")
        if draft.source_row in self._repeated_rows:
            return self.tr("Merged")
        if draft.source_row in self._flagged_rows:
            if self._flag_by_row.get(draft.source_row) not in self.decisions:
                return self.tr("To decide")
        if draft.source_row in self.reading.existing:
            return self.tr("Update")
        return self.tr("New")

    # -- the column mapping --------------------------------------------------------------------

    def _set_mapping_columns(self, columns: list[str], mapping: dict[str, int]) -> None:
        from thidua_desktop.exchange.roster_import import FIELDS

        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.mapping_combos = []
        by_column = {col: key for key, col in mapping.items()}
        for col, header in enumerate(columns):
            caption = QLabel(f"{column_letter(col)} – {header}" if header else column_letter(col))
            caption.setToolTip(header)
            caption.setFixedWidth(150)
            caption.setStyleSheet("color: #4a5260;")
            combo = QComboBox()
            combo.setFixedWidth(150)
            combo.addItem(self.tr("— not imported —"), None)
            for spec in FIELDS:
                combo.addItem(spec.label, spec.key)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(col))))
            combo.setAccessibleName(self.tr("Column {column}").format(column=column_letter(col)))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._mapping_changed(c))
            self.mapping_grid.addWidget(caption, 0, col)
            self.mapping_grid.addWidget(combo, 1, col)
            self.mapping_combos.append(combo)
        self.mapping_grid.setColumnStretch(len(columns), 1)

    def mapping(self) -> dict[str, int]:
        return {
            combo.currentData(): col for col, combo in enumerate(self.mapping_combos) if combo.currentData() is not None
        }

    def set_field(self, column: int, key: str | None) -> None:
        """Say that file column ``column`` (0-based) holds the field ``key`` (None: not imported)."""
        combo = self.mapping_combos[column]
        combo.setCurrentIndex(combo.findData(key))

    def _mapping_changed(self, column: int) -> None:
        key = self.mapping_combos[column].currentData()
        if key is not None:  # a field comes from one column: the column that had it gives it up
            for col, combo in enumerate(self.mapping_combos):
                if col != column and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        header = self.reading.preview.header_row if self.reading is not None else None
        self._run_preview(self.sheet.currentData(), header, self.mapping())

    def _header_chosen(self, value: int) -> None:
        if value <= 0:
            return
        self._run_preview(self.sheet.currentData(), value - 1, None)

    # -- problems and duplicates ---------------------------------------------------------------

    def _duplicate_clicked(self, item: QListWidgetItem) -> None:
        self.select_source_row(int(item.data(Qt.ItemDataRole.UserRole)))

    def duplicate_mode(self) -> dict[str, str]:
        """The officer's decision per flagged pair (flag key → "merge" | "keep")."""
        return dict(self.decisions)

    def _current_flag_key(self) -> str | None:
        item = self.duplicates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None

    def _update_pair_buttons(self) -> None:
        chosen = self.duplicates.currentItem() is not None
        self.merge_one.setEnabled(chosen)
        self.keep_one.setEnabled(chosen)

    def decide(self, key: str | None, word: str) -> None:
        """Merge ("merge") or keep apart ("keep") the flagged pair *key*."""
        if key is None or self.reading is None:
            return
        self.decisions[key] = word
        self._decided()

    def decide_all(self, word: str) -> None:
        if self.reading is None:
            return
        self.decisions = {f.key: word for f in self.reading.flags}
        self._decided()

    def _decided(self) -> None:
        self._plan_notes()
        self._show_decisions()
        self.preview.set_rows(self.reading.preview.drafts)
        self._show_counts()

    def _plan_notes(self) -> None:
        """What was inferred per row (the century of a year, a merge, an update) as the preview shows it."""
        from thidua_desktop.services.roster_io import plan  # what the decisions do: no data read

        chosen = plan(self.reading, self.duplicate_mode())
        self._repeated_rows = {
            f.row for f in self.reading.flags if f.first is not None and self.decisions.get(f.key) == "merge"
        }
        inferred = {row: list(texts) for row, texts in self.reading.preview.inferred().items()}
        for row, notes in chosen.notes.items():
            inferred.setdefault(row, []).extend(notes)
        for flag in self._undecided():
            inferred.setdefault(flag.row, []).append(
                self.tr("to decide: same name and date of birth as {other}").format(other=self._other(flag))
            )
        self._inferred = {row: "; ".join(texts) for row, texts in inferred.items()}

    def _other(self, flag) -> str:
        if flag.first is None:
            return self.tr("a person on the roster")
        return self.tr("row {row}").format(row=flag.first)

    def _show_decisions(self) -> None:
        drafts = {d.source_row: d for d in self.reading.preview.drafts}
        by_key = {f.key: f for f in self.reading.flags}
        for n in range(self.duplicates.count()):
            item = self.duplicates.item(n)
            flag = by_key[item.data(Qt.ItemDataRole.UserRole + 1)]
            person = drafts.get(flag.row)
            who = f"{person.full_name}, {_date_or_year(person)}".rstrip(", ") if person else ""
            if flag.first is not None:
                head = self.tr("Rows {first} and {second}: {person}").format(
                    first=flag.first, second=flag.row, person=who
                )
            else:
                head = self.tr("Row {row} and a person on the roster: {person}").format(row=flag.row, person=who)
            kind = (
                self.tr("possible duplicate, {fields} differ: two people unless merged").format(
                    fields=", ".join(flag.differs)
                )
                if flag.differs
                else self.tr("every other detail agrees")
            )
            decision = {"merge": self.tr("merge into one person"), "keep": self.tr("keep as two people")}.get(
                self.decisions.get(flag.key), self.tr("not decided yet")
            )
            item.setText(f"{head} — {kind}\n→ {decision}")
            item.setToolTip(flag.text)


def column_letter(col: int) -> str:
    from thidua_desktop.exchange.spreadsheet import column_letter as letter

    return letter(col)


def import_summary(result) -> str:
    text = QCoreApplication.translate(
        "ImportDialog", "{added} people added, {updated} updated, {merged} duplicates merged."
    ).format(
        added=vntext.format_number(result.added),
        updated=vntext.format_number(result.updated),
        merged=vntext.format_number(result.merged),
    )
    if result.groups_created:
        text += " " + QCoreApplication.translate("ImportDialog", "{count} new union groups created.").format(
            count=result.groups_created
        )
    return text
