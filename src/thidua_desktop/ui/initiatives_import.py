"""Nhập sổ sáng kiến từ Excel: read an initiatives register, show what will happen, import all
or nothing (``services.initiatives_io``).

The file is read and checked by the worker; nothing is written until Nhập, which is enabled
only when the file has no error. The commit runs in the worker too, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import initiatives as initiatives_ops
from thidua_desktop.ui.import_dialog import ERROR_COLOR, WARNING_COLOR, dropped_file, problem_text
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table


def _authors_text(draft) -> str:
    return "; ".join(f"{a.display_name} ({vntext.format_number(a.share)}%)" for a in draft.authors)


def import_summary(result) -> str:
    return QCoreApplication.translate(
        "InitiativesImportDialog", "{added} initiatives added, {updated} updated, {unchanged} unchanged.").format(
        added=vntext.format_number(result.added), updated=vntext.format_number(result.updated),
        unchanged=vntext.format_number(result.unchanged))


class InitiativesImportDialog(QDialog):
    imported = Signal(object)  # initiatives_io.ImportResult

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, *,
                 default_year: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.default_year = default_year
        self.path: Path | None = None
        self.reading: initiatives_ops.InitiativesImport | None = None
        self.result = None
        self._generation = 0
        self._busy = False
        self._error_rows: set[int] = set()
        self.setWindowTitle(self.tr("Import initiatives from Excel"))
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)

        style = self.style()
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setStyleSheet("font-weight: bold;")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.sheet = QComboBox()
        self.sheet.setMinimumWidth(180)
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        sheet_label = QLabel(self.tr("Sheet:"))
        sheet_label.setBuddy(self.sheet)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.busy_label)
        file_row.addWidget(self.busy_bar)
        file_row.addWidget(sheet_label)
        file_row.addWidget(self.sheet)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reread_button)

        self.error = ErrorLine()
        self.ready = SuccessLine()
        self.counts = QLabel()
        self.counts.setWordWrap(True)

        self.preview = RowsModel([
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
        ], self)
        self.preview.row_foreground = lambda i: ERROR_COLOR if i.source_row in self._error_rows else None
        self.preview_view = make_table(self.preview, sortable=True)
        self.preview_view.setEditTriggers(self.preview_view.EditTrigger.NoEditTriggers)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems.itemActivated.connect(self._problem_clicked)
        self.problems_caption = QLabel(self.tr("Problems"))
        self.problems_caption.setStyleSheet("font-weight: bold;")
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(4, 0, 0, 0)
        side_box.addWidget(self.problems_caption)
        side_box.addWidget(self.problems, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.preview_view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

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
        box.addWidget(self.splitter, 1)
        box.addWidget(note(self.tr("Nothing is written until you press Import; then the whole file goes in at once, "
                                   "or nothing does.")))
        box.addWidget(self.buttons)
        self._fit_to_screen()
        self._set_busy(False)
        self._show_nothing()

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1180, 680
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    # -- reading -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the register of initiatives"), start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        if name:
            self.read(Path(name))

    def read(self, path: Path) -> None:
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self._run_preview(None)

    def reread(self) -> None:
        if self.path is not None:
            self._run_preview(self.reading.preview.sheet if self.reading is not None else None)

    def _sheet_chosen(self, _index: int) -> None:
        sheet = self.sheet.currentData()
        if sheet is not None:
            self._run_preview(sheet)

    def _run_preview(self, sheet: str | None) -> None:
        if self.path is None or self.ctx.db is None:
            return
        self._generation += 1
        generation = self._generation
        self.error.clear_message()
        self._set_busy(True, self.tr("Reading the file…"))
        self.ctx.tasks.run(initiatives_ops.preview_initiatives, self.ctx.db, self.path, sheet, self.default_year,
                           self.ctx.today(), on_done=lambda r: self._previewed(generation, r),
                           on_error=lambda exc: self._preview_failed(generation, exc), owner=self)

    def _previewed(self, generation: int, reading: initiatives_ops.InitiativesImport) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.reading = reading
        self._show_preview()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if generation != self._generation:
            return
        self._set_busy(False)
        if not isinstance(exc, UserError):
            raise exc
        self.reading = None
        self._show_nothing()
        self.error.show_message(exc.message)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        self.choose_button.setEnabled(not busy)
        self.sheet.setEnabled(not busy and self.sheet.count() > 1)
        self.reread_button.setEnabled(not busy and self.path is not None)
        self._update_import_button()

    # -- showing -----------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self._error_rows = set()
        self.ready.clear_message()
        self.counts.clear()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.blockSignals(False)
        self.sheet.setEnabled(False)
        self.preview.set_rows([])
        self.problems.clear()
        self.problems_caption.setText(self.tr("Problems"))
        self._update_import_button()

    def _show_preview(self) -> None:
        preview = self.reading.preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for info in self.reading.sheets:
            text = info.name if info.visible else self.tr("{name} (hidden)").format(name=info.name)
            self.sheet.addItem(text, info.name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(preview.sheet)))
        self.sheet.blockSignals(False)
        self.sheet.setEnabled(self.sheet.count() > 1)
        self._error_rows = {p.row for p in preview.errors if p.row is not None}
        self.preview.set_rows(preview.items)
        self.problems.clear()
        for problem in preview.problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            item.setForeground(ERROR_COLOR if problem.severity == "error" else WARNING_COLOR)
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        errors, warnings = len(preview.errors), len(preview.warnings)
        self.problems_caption.setText(self.tr("Problems ({errors} errors, {warnings} warnings)").format(
            errors=errors, warnings=warnings))
        if errors:
            self.error.show_message(self.tr(
                "The file has {count} errors: nothing will be imported until the file is fixed. Fix the rows listed "
                "under Problems in Excel, save the file, then press “Read the file again”.").format(count=errors))
        elif not preview.items:
            self.error.show_message(self.tr("No initiative was found in this sheet. Choose another sheet or check "
                                            "the column names."))
        else:
            self.error.clear_message()
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

    def _update_import_button(self) -> None:
        self.import_button.setEnabled(not self._busy and self.reading is not None
                                      and self.reading.preview.can_commit)

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is not None:
            self.select_source_row(int(row))

    def select_source_row(self, source_row: int) -> bool:
        row = self.preview.view_row_of(lambda i: i.source_row == source_row)
        if row is None:
            self.preview_view.clearSelection()
            return False
        self.preview_view.selectRow(row)
        self.preview_view.scrollTo(self.preview.index(row, 0))
        return True

    # -- importing ---------------------------------------------------------------------------

    def commit(self) -> None:
        if self.reading is None or not self.reading.preview.can_commit or self._busy:
            return
        self.error.clear_message()
        self._set_busy(True, self.tr("Importing…"))
        self.ctx.tasks.run(initiatives_ops.commit_initiatives, self.ctx.db, self.reading.preview, self.ctx.today(),
                           on_done=self._committed, on_error=self._commit_failed, owner=self)

    def _committed(self, result) -> None:
        self._set_busy(False)
        self.result = result
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
