"""One table model for every list: rows are plain objects, columns say how to show them.

Filtering and sorting happen here in Python on precomputed keys, then the model is reset —
never through ``QSortFilterProxyModel``, which calls ``data()`` for every comparison and took
1.2 s per filter (33 s per sort) over 100,000 rows in tech-notes §5. Here a keystroke over
20,000 people costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from thidua_desktop.core import vntext

Index = QModelIndex | QPersistentModelIndex

# A column sorted by the order the rows were given in (the service's own order, e.g. the
# Vietnamese roster order by tên then họ đệm).
STORED_ORDER: Callable[[Any], Any] = lambda _row: None  # noqa: E731 - a sentinel, never called


@dataclass
class Column:
    title: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # default: Vietnamese order of the text
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    editable: bool = False
    edit_text: Callable[[Any], str] | None = None  # what the editor starts with
    width: int | None = None  # initial width in pixels; None = stretch/contents
    foreground: Callable[[Any], QColor | None] | None = None  # this column's colour (over the row's)
    align_center: bool = False
    header_tooltip: str | None = None


def query_tokens(query: str) -> list[str]:
    """The words a row's search key must all contain (the rule of ``vntext.matches``), longest
    first and without a word found inside another ("an" adds nothing to "van")."""
    tokens = sorted(set(vntext.search_key(query).split()), key=len, reverse=True)
    return [t for n, t in enumerate(tokens) if not any(t in longer for longer in tokens[:n])]


def match_rows(order: list[int], keys: Sequence[str], tokens: Sequence[str]) -> list[int]:
    """The rows of ``order`` whose key contains every token: one tight pass per token, each
    over what the previous one kept (the longest word first, as it keeps the fewest)."""
    result = list(order)
    for token in tokens:
        result = [i for i in result if token in keys[i]]
    return result


# Roles arrive as plain ints; comparing with these avoids enum attribute lookups per cell.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
_PLAIN_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
_EDIT_FLAGS = _PLAIN_FLAGS | Qt.ItemFlag.ItemIsEditable
_DISABLED = QColor("#8a8f98")


class RowsModel(QAbstractTableModel):
    """Rows of plain objects shown through :class:`Column` descriptions."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._keys: list[str] = []  # search keys, parallel to _rows
        self._order: list[int] = []  # row numbers in the current sort order
        self._view: list[int] = []  # the rows shown: _order filtered
        self._sort_cache: dict[int, list[Any]] = {}
        self._query = ""
        self._predicate: Callable[[Any], bool] | None = None  # a filter besides the search (status, group)
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self.row_foreground: Callable[[Any], QColor | None] | None = None
        self.row_bold: Callable[[Any], bool] | None = None
        self.row_tooltip: Callable[[Any], str | None] | None = None
        self.row_enabled: Callable[[Any], bool] | None = None
        self.on_edit: Callable[[Any, int, str], None] | None = None

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any], search_keys: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = list(search_keys) if search_keys is not None else []
        self._sort_cache.clear()
        self._order = list(range(len(self._rows)))
        if self._sorted_by is not None:
            self._order = self._sorted_order(*self._sorted_by)
        self._view = self._filtered(self._order)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[self._view[row]]

    def view_row_of(self, wanted: Callable[[Any], bool]) -> int | None:
        """The shown row number of the first row ``wanted`` accepts (None if none is shown)."""
        rows = self._rows
        for n, i in enumerate(self._view):
            if wanted(rows[i]):
                return n
        return None

    def shown_rows(self) -> list[Any]:
        return [self._rows[i] for i in self._view]

    def replace_row(self, row: int, value: Any) -> None:
        self._rows[self._view[row]] = value
        self._sort_cache.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def shown_count(self) -> int:
        return len(self._view)

    # -- filtering and sorting ---------------------------------------------------------------

    def set_filter(self, query: str) -> None:
        if query == self._query:
            return
        before, after = vntext.search_key(self._query), vntext.search_key(query)
        self.beginResetModel()
        self._query = query
        if before and after.startswith(before) and self._keys:
            # Typing on: every row the longer query keeps was kept by the shorter one.
            self._view = match_rows(self._view, self._keys, query_tokens(query))
        else:
            self._view = self._filtered(self._order)
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """Show only the rows ``predicate`` accepts (together with the search); None shows all."""
        self.beginResetModel()
        self._predicate = predicate
        self._view = self._filtered(self._order)
        self.endResetModel()

    def _filtered(self, order: list[int]) -> list[int]:
        rows, predicate = self._rows, self._predicate
        if predicate is not None:
            order = [i for i in order if predicate(rows[i])]
        if not self._query.strip() or not self._keys:
            return list(order)
        return match_rows(order, self._keys, query_tokens(self._query))

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._sort_cache.get(column)
        if keys is None:
            spec = self.columns[column]
            if spec.sort_key is STORED_ORDER:
                keys = list(range(len(self._rows)))
            else:
                key_fn = spec.sort_key or (lambda row, text=spec.text: vntext.sort_key(text(row)))
                keys = [key_fn(row) for row in self._rows]
            self._sort_cache[column] = keys
        return sorted(range(len(self._rows)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.beginResetModel()
        self._sorted_by = (column, order)
        self._order = self._sorted_order(column, order)
        self._view = self._filtered(self._order)
        self.endResetModel()

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self._view)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].header_tooltip
        return None

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Change the columns (e.g. one per title of the year); the rows stay."""
        self.beginResetModel()
        self.columns = list(columns)
        self._sort_cache.clear()
        if self._sorted_by is not None and self._sorted_by[0] >= len(self.columns):
            self._sorted_by = None
            self._order = list(range(len(self._rows)))
            self._view = self._filtered(self._order)
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.columns[index.column()].editable and self.on_edit is not None:
            return _EDIT_FLAGS
        return _PLAIN_FLAGS

    def data(self, index: Index, role: int = _DISPLAY):
        # Called about seven times per visible cell and paint: the common roles return first.
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self.columns[index.column()].text(self._rows[self._view[index.row()]])
        if role == _ALIGNMENT:
            column = self.columns[index.column()]
            return _RIGHT if column.align_right else _CENTER if column.align_center else _LEFT
        if role == _FOREGROUND:
            column = self.columns[index.column()]
            if self.row_enabled is None and column.foreground is None and self.row_foreground is None:
                return None
            row = self._rows[self._view[index.row()]]
            if self.row_enabled is not None and not self.row_enabled(row):
                return QBrush(_DISABLED)
            if column.foreground is not None:
                color = column.foreground(row)
                if color is not None:
                    return QBrush(color)
            if self.row_foreground is not None:
                color = self.row_foreground(row)
                return QBrush(color) if color is not None else None
            return None
        if role == _FONT:
            if self.row_bold is not None and self.row_bold(self._rows[self._view[index.row()]]):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == _EDIT:
            column = self.columns[index.column()]
            return (column.edit_text or column.text)(self._rows[self._view[index.row()]])
        if role == _TOOLTIP:
            column = self.columns[index.column()]
            row = self._rows[self._view[index.row()]]
            tips = [
                column.tooltip(row) if column.tooltip is not None else None,
                self.row_tooltip(row) if self.row_tooltip is not None else None,
            ]
            return "\n\n".join(t for t in tips if t) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt override
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        if not self.columns[index.column()].editable:
            return False
        row = self._rows[self._view[index.row()]]
        # The value is saved by the worker; the cell shows the stored value until it is back.
        self.on_edit(row, index.column(), str(value))
        return False


class PaddedDelegate(QStyledItemDelegate):
    """Room above and below wrapped text, so multi-line rows do not look cramped."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 8)


def fit_rows(view: QTableView, rows: int, *, minimum: int = 1) -> None:
    """Make a short table exactly as tall as its rows (no empty band below them)."""
    header = view.horizontalHeader().sizeHint().height()
    height = sum(view.rowHeight(r) for r in range(rows)) if rows else view.verticalHeader().defaultSectionSize()
    if rows < minimum:
        height += (minimum - rows) * view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(header + height + 2 * view.frameWidth() + 2)


def make_table(
    model: RowsModel,
    parent: QWidget | None = None,
    *,
    sortable: bool = False,
    stretch_column: int | None = None,
    multi_select: bool = False,
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(stretch_column is None)
    for number, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(number, column.width)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    if sortable:
        view.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    return view


def selected_rows(view: QTableView) -> list[Any]:
    """The row objects selected in ``view`` (a :class:`RowsModel`), in the order shown."""
    model = view.model()
    return [model.row_at(index.row()) for index in sorted(view.selectionModel().selectedRows(), key=QModelIndex.row)]


def select_where(view: QTableView, wanted: Callable[[Any], bool], *, scroll: bool = True) -> int:
    """Select every shown row ``wanted`` accepts (contiguous runs as ranges); return how many."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    model: RowsModel = view.model()  # type: ignore[assignment]
    selection = QItemSelection()
    last = model.columnCount() - 1
    start = None
    count = 0
    rows = model.shown_rows()
    for n, row in enumerate([*rows, None]):
        hit = row is not None and wanted(row)
        if hit:
            count += 1
            if start is None:
                start = n
        elif start is not None:
            selection.select(model.index(start, 0), model.index(n - 1, last))
            start = None
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(selection, flags)
    if count and scroll:
        first = selection.first().topLeft()
        view.scrollTo(first)
        view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
    return count
