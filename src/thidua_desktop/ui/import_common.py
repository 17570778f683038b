"""The dialog that imports a spreadsheet all or nothing: the roster, the register of initiatives.

The file is read and checked by the worker (the subclass's ``_reader``); every correction (the
sheet, and what else the subclass lets the user choose) reads it again with that choice, and an
answer that a newer reading overtook is dropped. The preview shows each row as it would go in,
the problems by row and cell (a click selects the row), and the verdict; nothing is written until
Import, which is enabled only when the file has no error; the commit (``_committer``) runs in the
worker too, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QWidget,
)

from thidua_desktop.ui import context, file_dialogs
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.file_drop import FileDropTarget
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table

ERROR_COLOR = QColor("#a61b1b")
WARNING_COLOR = QColor("#b26a00")


def problem_text(problem) -> str:
    """ "dòng 12, cột C (Ngày sinh): …" — a problem of the file without the file's name."""
    message = problem.message_vi
    if problem.row is not None and problem.column is not None and problem.field:
        return QCoreApplication.translate("ImportDialog", "row {row}, column {column} ({field}): {message}").format(
            row=problem.row, column=problem.column, field=problem.field, message=message
        )
    if problem.row is not None and problem.column is not None:
        return QCoreApplication.translate("ImportDialog", "row {row}, column {column}: {message}").format(
            row=problem.row, column=problem.column, message=message
        )
    if problem.row is not None:
        return QCoreApplication.translate("ImportDialog", "row {row}: {message}").format(
            row=problem.row, message=message
        )
    if problem.column is not None:
        return QCoreApplication.translate("ImportDialog", "column {column}: {message}").format(
            column=f"{problem.column} ({problem.field})" if problem.field else problem.column, message=message
        )
    if problem.field:
        return f"{problem.field}: {message}"
    return message[:1].upper() + message[1:]


class ColumnMapping(QScrollArea):
    """What each column of the file holds: under each column's letter and header, a choice of the
    fields (``(key, label)``) or "not imported". A field comes from one column: giving it to a column
    takes it from the one that had it. ``changed`` says which column the user changed."""

    changed = Signal(int)

    def __init__(self, fields: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.combos: list[QComboBox] = []
        self.box = QWidget()
        self.grid = QGridLayout(self.box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.box)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(66)

    def set_columns(self, headers: Sequence[str], mapping: dict[str, int]) -> None:
        """One choice per column of ``headers``, set to the field ``mapping`` gives it."""
        from thidua_desktop.exchange.spreadsheet import column_letter

        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = []
        by_column = {col: key for key, col in mapping.items()}
        for col, header in enumerate(headers):
            letter = column_letter(col)
            caption = QLabel(f"{letter} – {header}" if header else letter)
            caption.setToolTip(header)
            caption.setFixedWidth(150)
            caption.setStyleSheet("color: #4a5260;")
            combo = QComboBox()
            combo.setFixedWidth(150)
            combo.addItem(QCoreApplication.translate("ColumnMapping", "— not imported —"), None)
            for key, label in self.fields:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(col))))
            combo.setAccessibleName(
                QCoreApplication.translate("ColumnMapping", "Column {column}").format(column=letter)
            )
            combo.currentIndexChanged.connect(lambda _i, c=col: self._chosen(c))
            self.grid.addWidget(caption, 0, col)
            self.grid.addWidget(combo, 1, col)
            self.combos.append(combo)
        self.grid.setColumnStretch(len(headers), 1)

    def mapping(self) -> dict[str, int]:
        """Field key → 0-based column, of the columns that are imported."""
        return {combo.currentData(): col for col, combo in enumerate(self.combos) if combo.currentData() is not None}

    def set_field(self, column: int, key: str | None) -> None:
        """Say that column ``column`` (0-based) holds ``key`` (None: not imported), as the user would."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def _chosen(self, column: int) -> None:
        key = self.combos[column].currentData()
        if key is not None:
            for col, combo in enumerate(self.combos):
                if col != column and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.changed.emit(column)


class SpreadsheetImportDialog(FileDropTarget, QDialog):
    """Choose a spreadsheet, see every row and problem, import it whole. ``self.reading`` is the last
    reading (it has a ``preview`` with ``sheet``, ``problems``, ``errors`` and ``warnings``)."""

    imported = Signal(object)  # the service's ImportResult

    def __init__(
        self,
        ctx: context.AppContext,
        parent: QWidget | None,
        *,
        title: str,
        choose_title: str,
        size: tuple[int, int],
        margins: tuple[int, int] = (40, 40),
    ) -> None:
        """``size``: the dialog's size where the screen has room, ``margins`` what it leaves of the screen."""
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.reading = None
        self.result = None
        self._choose_title = choose_title
        self._size, self._margins = size, margins
        self._generation = 0
        self._busy = False
        self._error_rows: set[int] = set()
        self.setWindowTitle(title)
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)

        style = self.style()
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setStyleSheet("font-weight: bold;")
        self.choose_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("Choose a file…")
        )
        self.reread_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Read the file again")
        )
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
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_label.setBuddy(self.sheet)

        self.error = ErrorLine()
        self.ready = SuccessLine()
        self.counts = QLabel()
        self.counts.setWordWrap(True)

        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems.itemActivated.connect(self._problem_clicked)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

    def _file_row(self, *extra: QWidget) -> QHBoxLayout:
        """File: name, the busy line, ``extra``, then Choose and Read again."""
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File:")))
        row.addWidget(self.file_label, 1)
        row.addWidget(self.busy_label)
        row.addWidget(self.busy_bar)
        for widget in extra:
            row.addWidget(widget)
        row.addWidget(self.choose_button)
        row.addWidget(self.reread_button)
        return row

    def _sheet_row(self, *choices: tuple[QWidget, QWidget], note: QWidget | None = None) -> QHBoxLayout:
        """Sheet: the sheet, then each choice (its label, its widget), then ``note`` taking the rest."""
        row = QHBoxLayout()
        row.addWidget(self.sheet_label)
        row.addWidget(self.sheet)
        for label, widget in choices:
            row.addSpacing(16)
            row.addWidget(label)
            row.addWidget(widget)
        if note is not None:
            row.addSpacing(16)
            row.addWidget(note, 1)
        return row

    def _preview_table(self, columns: list[Column]) -> None:
        """``self.preview`` (the rows read, each with a ``source_row``; those in error in red) and its view."""
        self.preview = RowsModel(columns, self)
        self.preview.row_foreground = lambda row: ERROR_COLOR if row.source_row in self._error_rows else None
        self.preview_view = make_table(self.preview, sortable=True)
        self.preview_view.setEditTriggers(self.preview_view.EditTrigger.NoEditTriggers)

    def _splitter(self, side: QWidget) -> QSplitter:
        """The preview on the left, ``side`` (the problems…) on the right."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.preview_view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _ready_to_go(self, path: Path | None = None) -> None:
        """The end of a subclass's ``__init__``: fit the screen, show nothing yet, read ``path`` if given."""
        self._fit_to_screen()
        screen_fit.fit_dialog(self)
        self._set_busy(False)
        self._show_nothing()
        if path is not None:
            self.read(Path(path))

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = self._size
        if screen is not None:
            width, height = (
                min(width, screen.width() - self._margins[0]),
                min(height, screen.height() - self._margins[1]),
            )
        self.resize(width, height)

    # -- what a subclass says ----------------------------------------------------------------
    # The hooks below that raise NotImplementedError are the ones every import dialog must give
    # (the roster's ImportDialog and InitiativesImportDialog do; tests/test_ui_first_hour.py checks
    # that each overrides all of them). Qt's metaclass does not mix with abc.ABCMeta, hence no @abstractmethod.

    def _reader(self, sheet: str | None, *choices: Any) -> Callable[[], Any]:
        """The job that reads ``self.path`` (``sheet`` None: the one guessed) on the worker."""
        raise NotImplementedError

    def _committer(self) -> Callable[[], Any]:
        """The job that imports ``self.reading`` on the worker, returning the ImportResult."""
        raise NotImplementedError

    def _can_commit(self) -> bool:
        raise NotImplementedError

    def _sheets(self) -> list:
        """The sheets of the file read (each with a ``name`` and ``visible``)."""
        raise NotImplementedError

    def _set_choices_enabled(self, enabled: bool) -> None:
        """Enable or not the choices of how to read the file (while it is read or imported, not)."""
        self.sheet.setEnabled(enabled)

    def _clear(self) -> None:
        """Empty what the subclass shows beyond the rows and problems."""

    def _show_reading(self) -> None:
        """Show ``self.reading`` (its rows, ``self._error_rows``…) but for the sheets and problems."""
        raise NotImplementedError

    def _nothing_found(self) -> str | None:
        """What to say when the reading found no row (None: it found some)."""
        raise NotImplementedError

    def _show_problem_count(self, text: str) -> None:
        raise NotImplementedError

    def _show_counts(self) -> None:
        """The counts and the ready line; then ``_update_import_button``."""
        raise NotImplementedError

    def _after_commit(self, result) -> None:
        """Tell the context what the import changed."""

    # -- reading -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name = file_dialogs.open_file(
            self,
            self._choose_title,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)"),
            kind=file_dialogs.SPREADSHEET,
            start=self.path.parent if self.path else "",
        )
        if name:
            self.read(Path(name))

    def read(self, path: Path) -> None:
        """Read a new file with every choice guessed."""
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self._run_preview(None)

    def reread(self) -> None:
        """Read the same file again (after it was fixed), keeping the sheet chosen."""
        if self.path is None:
            return
        self._run_preview(self.reading.preview.sheet if self.reading is not None else None)

    def file_dropped(self, path: Path) -> None:
        self.read(path)

    def _run_preview(self, sheet: str | None, *choices: Any) -> None:
        if self.path is None or self.ctx.db is None:
            return
        self._generation += 1
        generation = self._generation
        self.error.clear_message()
        self._set_busy(True, self.tr("Reading the file…"))
        self.ctx.tasks.run(
            self._reader(sheet, *choices),
            on_done=lambda r: self._previewed(generation, r),
            on_error=lambda exc: self._preview_failed(generation, exc),
            owner=self,
        )

    def _previewed(self, generation: int, reading) -> None:
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
        self._set_choices_enabled(not busy)
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
        self._clear()
        self.preview.set_rows([])
        self.problems.clear()
        self._update_import_button()

    def _show_preview(self) -> None:
        preview = self.reading.preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for info in self._sheets():
            text = info.name if info.visible else self.tr("{name} (hidden)").format(name=info.name)
            self.sheet.addItem(text, info.name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(preview.sheet)))
        self.sheet.blockSignals(False)
        self._show_reading()
        self.problems.clear()
        for problem in preview.problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            item.setForeground(ERROR_COLOR if problem.severity == "error" else WARNING_COLOR)
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        errors, warnings = len(preview.errors), len(preview.warnings)
        self._show_problem_count(
            self.tr("Problems ({errors} errors, {warnings} warnings)").format(errors=errors, warnings=warnings)
        )
        nothing = self._nothing_found()
        if errors:
            self.error.show_message(
                self.tr(
                    "The file has {count} errors: nothing will be imported until the file is fixed. Fix the rows listed "
                    "under Problems in Excel, save the file, then press “Read the file again”."
                ).format(count=errors)
            )
        elif nothing is not None:
            self.error.show_message(nothing)
        else:
            self.error.clear_message()
        self._show_counts()

    def _update_import_button(self) -> None:
        self.import_button.setEnabled(not self._busy and self.reading is not None and self._can_commit())

    def _sheet_chosen(self, _index: int) -> None:
        sheet = self.sheet.currentData()
        if sheet is not None:
            self._run_preview(sheet)

    # -- the problems --------------------------------------------------------------------------

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is not None:
            self.select_source_row(int(row))

    def select_source_row(self, source_row: int) -> bool:
        """Select the preview line of spreadsheet row ``source_row``; False when that row made none."""
        row = self.preview.view_row_of(lambda r: r.source_row == source_row)
        if row is None:
            self.preview_view.clearSelection()
            return False
        self.preview_view.selectRow(row)
        self.preview_view.scrollTo(self.preview.index(row, 0))
        return True

    # -- importing ---------------------------------------------------------------------------

    def commit(self) -> None:
        if self.reading is None or not self._can_commit() or self._busy:
            return
        self.error.clear_message()
        self._set_busy(True, self.tr("Importing…"))
        self.ctx.tasks.run(self._committer(), on_done=self._committed, on_error=self._commit_failed, owner=self)

    def _committed(self, result) -> None:
        self._set_busy(False)
        self.result = result
        self._after_commit(result)
        self.imported.emit(result)
        self.accept()

    def _commit_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self._set_busy(False)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)
