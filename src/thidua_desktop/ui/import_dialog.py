"""Nhập danh sách từ Excel: read any roster file, show what will happen, import all or nothing.

The file is read and checked by the worker (``roster_io.preview_file``); every correction
(sheet, header row, a column's field) reads it again with that choice. Nothing is written
until Nhập, which is enabled only when the file has no error; the commit runs in the worker
too, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import roster as roster_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table

ERROR_COLOR = QColor("#a61b1b")
WARNING_COLOR = QColor("#b26a00")
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def problem_text(problem) -> str:
    """"dòng 12, cột C (Ngày sinh): …" — a problem of the file without the file's name."""
    message = problem.message_vi
    if problem.row is not None and problem.column is not None and problem.field:
        return QCoreApplication.translate("ImportDialog", "row {row}, column {column} ({field}): {message}").format(
            row=problem.row, column=problem.column, field=problem.field, message=message)
    if problem.row is not None and problem.column is not None:
        return QCoreApplication.translate("ImportDialog", "row {row}, column {column}: {message}").format(
            row=problem.row, column=problem.column, message=message)
    if problem.row is not None:
        return QCoreApplication.translate("ImportDialog", "row {row}: {message}").format(
            row=problem.row, message=message)
    if problem.column is not None:
        return QCoreApplication.translate("ImportDialog", "column {column}: {message}").format(
            column=f"{problem.column} ({problem.field})" if problem.field else problem.column, message=message)
    if problem.field:
        return f"{problem.field}: {message}"
    return message[:1].upper() + message[1:]


def _date_or_year(d) -> str:
    if d.birth_date is not None:
        return vntext.format_date(d.birth_date)
    return str(d.birth_year) if d.birth_year else ""


class ImportDialog(QDialog):
    imported = Signal(object)  # roster_io.ImportResult

    def __init__(self, ctx: context.AppContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.rim = None  # roster_io.RosterImport of the last reading
        self.result = None
        self._generation = 0
        self._busy = False
        self._rows_by_source: dict[int, int] = {}
        self._error_rows: set[int] = set()
        self._repeated_rows: set[int] = set()
        self.setWindowTitle(self.tr("Import people from Excel"))
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)

        # -- the file ------------------------------------------------------------------------
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setStyleSheet("font-weight: bold;")
        style = self.style()
        self.choose_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
                                         self.tr("Choose a file…"))
        self.reread_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
                                         self.tr("Read the file again"))
        self.reread_button.setToolTip(self.tr("After fixing the file in Excel and saving it, read it again."))
        self.choose_button.clicked.connect(self.choose_file)
        self.reread_button.clicked.connect(self.reread)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedSize(120, 14)
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #4a5260;")
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.busy_label)
        file_row.addWidget(self.busy_bar)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reread_button)

        # -- where the table is --------------------------------------------------------------
        self.sheet = QComboBox()
        self.sheet.setMinimumWidth(180)
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
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
        sheet_label = QLabel(self.tr("Sheet:"))
        sheet_label.setBuddy(self.sheet)
        header_label = QLabel(self.tr("Header on row:"))
        header_label.setBuddy(self.header_row)
        sheet_row.addWidget(sheet_label)
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

        # -- the verdict ---------------------------------------------------------------------
        self.error = ErrorLine()
        self.ready = SuccessLine()
        self.counts = QLabel()
        self.counts.setWordWrap(True)

        # -- preview, problems, duplicates ---------------------------------------------------
        self.preview = RowsModel([
            Column(self.tr("Row"), lambda d: str(d.source_row), sort_key=lambda d: d.source_row, align_right=True,
                   width=50),
            Column(self.tr("Status"), self._status_text, width=110),
            Column(self.tr("Family and middle name"), lambda d: d.family_middle, width=150),
            Column(self.tr("Given name"), lambda d: d.given_name, width=80),
            Column(self.tr("Date of birth"), _date_or_year, width=95),
            Column(self.tr("Gender"), lambda d: labels.gender(d.gender), width=60),
            Column(self.tr("Position"), lambda d: d.position, width=140),
            Column(self.tr("Union group"), lambda d: d.group_name, width=120),
            Column(self.tr("Department"), lambda d: d.department, width=120),
            Column(self.tr("Member"), lambda d: "" if d.is_member is None else labels.yes_no(d.is_member),
                   width=70),
            Column(self.tr("Joined the union"), lambda d: labels.date_text(d.joined_union_on), width=110),
            Column(self.tr("Employed since"), lambda d: labels.date_text(d.employed_since), width=100),
            Column(self.tr("Ethnic group"), lambda d: d.ethnicity, width=70),
            Column(self.tr("Education"), lambda d: d.education, width=100),
            Column(self.tr("Phone"), lambda d: d.phone, width=100),
            Column(self.tr("Email"), lambda d: d.email, width=150),
            Column(self.tr("Note"), lambda d: d.note, width=150),
        ], self)
        self.preview.row_foreground = self._row_color
        self.preview_view = make_table(self.preview, sortable=True)
        self.preview_view.setEditTriggers(self.preview_view.EditTrigger.NoEditTriggers)
        self.preview_view.horizontalHeader().setStretchLastSection(True)

        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems.itemActivated.connect(self._problem_clicked)
        self.duplicates = QListWidget()
        self.duplicates.setWordWrap(True)
        self.duplicates.itemClicked.connect(self._duplicate_clicked)
        self.merge = QRadioButton(self.tr("Merge each pair into one person"))
        self.keep = QRadioButton(self.tr("Keep both (they are different people)"))
        self.merge.setChecked(True)
        self.duplicate_choice = QButtonGroup(self)
        self.duplicate_choice.addButton(self.merge)
        self.duplicate_choice.addButton(self.keep)
        self.merge.toggled.connect(lambda _on: self._show_counts())
        duplicates_page = QWidget()
        dup_box = QVBoxLayout(duplicates_page)
        dup_box.setContentsMargins(4, 4, 4, 4)
        dup_box.addWidget(QLabel(self.tr("Same name and date of birth on two rows:")))
        dup_box.addWidget(self.duplicates, 1)
        dup_box.addWidget(self.merge)
        dup_box.addWidget(self.keep)
        self.side = QTabWidget()
        self.side.addTab(self.problems, self.tr("Problems"))
        self.side.addTab(duplicates_page, self.tr("Duplicates"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.preview_view)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        # -- buttons -------------------------------------------------------------------------
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addLayout(file_row)
        box.addLayout(sheet_row)
        box.addWidget(mapping_caption)
        box.addWidget(mapping_area)
        box.addWidget(self.error)
        box.addWidget(self.ready)
        box.addWidget(self.counts)
        box.addWidget(splitter, 1)
        box.addWidget(note(self.tr("Nothing is written until you press Import; then the whole file goes in at "
                                   "once, or nothing does. A person already on the roster (same name and date of "
                                   "birth) is updated, not added twice.")))
        box.addWidget(self.buttons)
        self._fit_to_screen()
        self._set_busy(False)
        self._show_nothing()
        if path is not None:
            self.read(Path(path))

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1180, 700
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(width, height)

    # -- reading -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster file"), start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        if name:
            self.read(Path(name))

    def read(self, path: Path) -> None:
        """Read a new file with every choice guessed."""
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self._run_preview(None, None, None)

    def reread(self) -> None:
        """Read the same file again (after it was fixed), keeping the sheet chosen."""
        if self.path is None:
            return
        sheet = self.rim.preview.sheet if self.rim is not None else None
        self._run_preview(sheet, None, None)

    def _run_preview(self, sheet: str | None, header_row: int | None, mapping: dict[str, int] | None) -> None:
        if self.path is None or self.ctx.db is None:
            return
        self._generation += 1
        generation = self._generation
        self.error.clear_message()
        self._set_busy(True, self.tr("Reading the file…"))
        self.ctx.tasks.run(roster_ops.preview_roster, self.ctx.db, self.path, sheet, header_row, mapping,
                           on_done=lambda rim: self._previewed(generation, rim),
                           on_error=lambda exc: self._preview_failed(generation, exc), owner=self)

    def _previewed(self, generation: int, rim) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.rim = rim
        self._show_preview()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if generation != self._generation:
            return
        self._set_busy(False)
        if not isinstance(exc, UserError):
            raise exc
        self.rim = None
        self._show_nothing()
        self.error.show_message(exc.message)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        for widget in (self.sheet, self.header_row, self.mapping_box, self.choose_button, self.reread_button):
            widget.setEnabled(not busy)
        self.reread_button.setEnabled(not busy and self.path is not None)
        self._update_import_button()

    # -- showing -----------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self._error_rows, self._repeated_rows = set(), set()
        self.ready.clear_message()
        self.counts.clear()
        self.conversions.clear()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setValue(0)
        self.header_row.blockSignals(False)
        self._set_mapping_columns([], {})
        self.preview.set_rows([])
        self.problems.clear()
        self.duplicates.clear()
        self._update_import_button()

    def _show_preview(self) -> None:
        preview = self.rim.preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for info in preview.sheets:
            text = info.name if info.visible else self.tr("{name} (hidden)").format(name=info.name)
            self.sheet.addItem(text, info.name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(preview.sheet)))
        self.sheet.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setValue(preview.header_row + 1 if preview.header_row is not None else 0)
        self.header_row.blockSignals(False)
        self._set_mapping_columns(preview.columns, preview.mapping)
        conversions = [
            self.tr("Column {column}: converted from {encoding}").format(
                column=column_letter(col), encoding=labels.legacy_encoding(enc))
            for col, enc in sorted(preview.legacy_conversions.items())
        ]
        self.conversions.setText(" · ".join(conversions))

        self._rows_by_source = {}
        self._error_rows = preview.error_rows
        self._repeated_rows = {repeated for _first, repeated in preview.duplicates}
        self.preview.set_rows(preview.drafts)
        self._index_rows()
        self.problems.clear()
        for problem in preview.problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            item.setForeground(ERROR_COLOR if problem.severity == "error" else WARNING_COLOR)
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        drafts = {d.source_row: d for d in preview.drafts}
        self.duplicates.clear()
        for first, repeated in preview.duplicates:
            person = drafts.get(first) or drafts.get(repeated)
            who = f"{person.full_name}, {_date_or_year(person)}".rstrip(", ") if person else ""
            item = QListWidgetItem(self.tr("Rows {first} and {second}: {person}").format(
                first=first, second=repeated, person=who))
            item.setData(Qt.ItemDataRole.UserRole, repeated)
            self.duplicates.addItem(item)
        errors, warnings = len(preview.errors), len(preview.warnings)
        self.side.setTabText(0, self.tr("Problems ({errors} errors, {warnings} warnings)").format(
            errors=errors, warnings=warnings))
        self.side.setTabText(1, self.tr("Duplicates ({count})").format(count=len(preview.duplicates)))
        self.merge.setEnabled(bool(preview.duplicates))
        self.keep.setEnabled(bool(preview.duplicates))
        if errors:
            self.error.show_message(self.tr(
                "The file has {count} errors: nothing will be imported until the file is fixed. Fix the rows "
                "listed under Problems in Excel, save the file, then press “Read the file again”.").format(
                count=errors))
            self.side.setCurrentIndex(0)
        elif not preview.drafts:
            self.error.show_message(self.tr("No person was found in this sheet. Choose another sheet, correct the "
                                            "header row or say which column holds the names."))
        else:
            self.error.clear_message()
        self._show_counts()

    def _index_rows(self) -> None:
        self._rows_by_source = {d.source_row: n for n, d in enumerate(self.preview.shown_rows())}

    def _show_counts(self) -> None:
        if self.rim is None:
            self.counts.clear()
            self.ready.clear_message()
            self._update_import_button()
            return
        preview = self.rim.preview
        counts = roster_ops.import_counts(self.rim, self.duplicate_mode())
        self.counts.setText(self.tr(
            "{people} people read from {rows} rows · {new} new · {updated} already on the roster, to be updated · "
            "{merged} duplicates merged").format(
            people=vntext.format_number(len(preview.drafts)), rows=vntext.format_number(preview.counts.get("rows", 0)),
            new=vntext.format_number(counts.added), updated=vntext.format_number(counts.updated),
            merged=vntext.format_number(counts.merged)))
        if self.rim.can_commit:
            self.ready.show_message(self.tr("Ready to import: {new} new people, {updated} updated.").format(
                new=vntext.format_number(counts.added), updated=vntext.format_number(counts.updated)))
        else:
            self.ready.clear_message()
        self._update_import_button()

    def _update_import_button(self) -> None:
        self.import_button.setEnabled(not self._busy and self.rim is not None and self.rim.can_commit)

    def _status_text(self, draft) -> str:
        if self.rim is None:
            return ""
        if draft.source_row in self._error_rows:
            return self.tr("Error")
        if draft.source_row in self._repeated_rows:
            return self.tr("Duplicate")
        if draft.source_row in self.rim.existing:
            return self.tr("Update")
        return self.tr("New")

    def _row_color(self, draft) -> QColor | None:
        return ERROR_COLOR if draft.source_row in self._error_rows else None

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
        return {combo.currentData(): col for col, combo in enumerate(self.mapping_combos)
                if combo.currentData() is not None}

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
        header = self.rim.preview.header_row if self.rim is not None else None
        self._run_preview(self._current_sheet(), header, self.mapping())

    def _current_sheet(self) -> str | None:
        return self.sheet.currentData()

    def _sheet_chosen(self, _index: int) -> None:
        self._run_preview(self._current_sheet(), None, None)

    def _header_chosen(self, value: int) -> None:
        if value <= 0:
            return
        self._run_preview(self._current_sheet(), value - 1, None)

    # -- problems and duplicates ---------------------------------------------------------------

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is not None:
            self.select_source_row(int(row))

    def _duplicate_clicked(self, item: QListWidgetItem) -> None:
        self.select_source_row(int(item.data(Qt.ItemDataRole.UserRole)))

    def select_source_row(self, source_row: int) -> bool:
        """Select the preview line of Excel row ``source_row``; False when that row made no person."""
        self._index_rows()
        row = self._rows_by_source.get(source_row)
        if row is None:
            self.preview_view.clearSelection()
            return False
        self.preview_view.selectRow(row)
        self.preview_view.scrollTo(self.preview.index(row, 0))
        return True

    def duplicate_mode(self) -> str:
        return "keep" if self.keep.isChecked() else "merge"

    # -- importing ---------------------------------------------------------------------------

    def commit(self) -> None:
        if self.rim is None or not self.rim.can_commit or self._busy:
            return
        self.error.clear_message()
        self._set_busy(True, self.tr("Importing…"))
        self.ctx.tasks.run(roster_ops.commit_roster, self.ctx.db, self.rim, self.duplicate_mode(), on_done=self._committed,
                           on_error=self._commit_failed, owner=self)

    def _committed(self, result) -> None:
        self._set_busy(False)
        self.result = result
        self.ctx.changed(context.PEOPLE)
        self.imported.emit(result)
        self.accept()

    def _commit_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self._set_busy(False)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)

    # -- dropping a file on the dialog -------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.read(path)


def column_letter(col: int) -> str:
    from thidua_desktop.exchange.spreadsheet import column_letter as letter

    return letter(col)


def dropped_file(mime) -> Path | None:
    """The one local file being dragged, if there is exactly one."""
    if mime is None or not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return Path(files[0]) if len(files) == 1 else None


def import_summary(result) -> str:
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "ImportDialog", "{added} people added, {updated} updated, {merged} duplicates merged.").format(
        added=vntext.format_number(result.added), updated=vntext.format_number(result.updated),
        merged=vntext.format_number(result.merged))
    if result.groups_created:
        text += " " + QCoreApplication.translate("ImportDialog", "{count} new union groups created.").format(
            count=result.groups_created)
    return text

