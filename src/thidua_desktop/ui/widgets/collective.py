"""The collective registration (đăng ký thi đua của tập thể): movements joined, collective
titles, the unit's own signature content, commitments and the figure registered per indicator."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import abbreviations, vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note, subheading
from thidua_desktop.ui.widgets.fields import date_edit, edit_value, set_date

SUGGESTED = QColor("#7a808a")
CODE_ROLE = Qt.ItemDataRole.UserRole


def target_text(indicator) -> str:
    if indicator.plan_target_text:
        return indicator.plan_target_text
    return vntext.format_number(indicator.plan_target) if indicator.plan_target is not None else ""


class FiguresModel(QAbstractTableModel):
    """The figure registered per indicator. A suggested figure (from the plan, not saved yet) is
    grey and italic; yes/no indicators are a check box."""

    CODE, NAME, UNIT, TARGET, VALUE = range(5)
    changed = Signal()
    invalid = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.figures: list = []  # registration.IndicatorFigure (copies)
        # the plan's figure is the upper union's target, never the union's own: two columns
        self._titles = [
            self.tr("Code"),
            self.tr("Indicator"),
            self.tr("Unit"),
            self.tr("Upper union's target"),
            self.tr("The union registers"),
        ]

    def set_figures(self, figures: list) -> None:
        self.beginResetModel()
        self.figures = [replace(f) for f in figures]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def row_of(self, code: str) -> int:
        for n, figure in enumerate(self.figures):
            if figure.indicator.code == code:
                return n
        raise KeyError(code)

    @staticmethod
    def is_yes_no(figure) -> bool:
        return figure.indicator.kind == "yesno"

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == self.VALUE:
            figure = self.figures[index.row()]
            flags |= Qt.ItemFlag.ItemIsUserCheckable if self.is_yes_no(figure) else Qt.ItemFlag.ItemIsEditable
        return flags

    def value_text(self, figure) -> str:
        if self.is_yes_no(figure):
            return labels.yes_no(figure.value == 1)
        return vntext.format_number(figure.value) if figure.value is not None else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        figure = self.figures[index.row()]
        x = figure.indicator
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (x.code, x.name, x.unit_of_measure, target_text(x), self.value_text(figure))[col]
        if role == Qt.ItemDataRole.EditRole and col == self.VALUE:
            return vntext.format_number(figure.value) if figure.value is not None else ""
        if role == Qt.ItemDataRole.CheckStateRole and col == self.VALUE and self.is_yes_no(figure):
            return Qt.CheckState.Checked if figure.value == 1 else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.VALUE and not self.is_yes_no(figure):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.VALUE and figure.is_default and figure.value is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(SUGGESTED)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.NAME:
                return abbreviations.explained(x.name)
            if col in (self.UNIT, self.TARGET):  # whole when the cell cuts it
                return (x.unit_of_measure if col == self.UNIT else target_text(x)) or None
            if col == self.VALUE:
                if figure.is_default and figure.value is not None:
                    return self.tr("Suggested from the plan; press Save to register it.")
                if figure.value is None:
                    return self.tr("Double-click to enter the figure the union registers.")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt's name
        if not index.isValid() or index.column() != self.VALUE:
            return False
        figure = self.figures[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and self.is_yes_no(figure):
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            new = Decimal(1) if checked else Decimal(0)
        elif role == Qt.ItemDataRole.EditRole and not self.is_yes_no(figure):
            text = str(value).strip().rstrip("%").strip()
            if not text:
                new = None
            else:
                try:
                    new = vntext.parse_number(text)
                except ValueError as exc:
                    self.invalid.emit(
                        self.tr("{code} {name}: {reason}").format(
                            code=figure.indicator.code, name=figure.indicator.name, reason=str(exc)
                        )
                    )
                    return False
        else:
            return False
        if new == figure.value and not figure.is_default:
            return False
        self.figures[index.row()] = replace(figure, value=new, is_default=False)
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True


class Checklist(QListWidget):
    """Checkable items with a code; headings are plain bold lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSpacing(2)  # a line between the boxes: each one is read and ticked on its own
        self.fit_limit = 250  # the list grows to show its items whole, up to this height (then scrolls)

    def fit(self) -> None:
        """As tall as its items at this width (wrapped lines included), within [250, fit_limit]."""
        width = max(80, self.viewport().width() - 34)  # less the check box and the margins
        rows = 0
        for n in range(self.count()):
            item = self.item(n)
            metrics = QFontMetrics(item.font())
            rows += metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, item.text()).height()
            rows += 4 + 2 * self.spacing()
        self.setMinimumHeight(max(250, min(rows + 2 * self.frameWidth() + 4, self.fit_limit)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor("#3c4452")))
        self.addItem(item)

    def add_choice(self, code: str, text: str, checked: bool, tooltip: str | None = None) -> None:
        item = QListWidgetItem(text)
        item.setData(CODE_ROLE, code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        # every abbreviation written in full (CĐCS → Công đoàn cơ sở), then what the plan says of it
        item.setToolTip("\n".join(part for part in (abbreviations.explained(text), tooltip) if part))
        self.addItem(item)

    def _choices(self) -> list[QListWidgetItem]:
        return [self.item(n) for n in range(self.count()) if self.item(n).data(CODE_ROLE) is not None]

    def checked_codes(self) -> list[str]:
        return [item.data(CODE_ROLE) for item in self._choices() if item.checkState() == Qt.CheckState.Checked]

    def total(self) -> int:
        return len(self._choices())

    def set_checked(self, code: str, checked: bool = True) -> None:
        for item in self._choices():
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(code)


class CollectiveForm(QWidget):
    """The tab Tập thể. Edits stay local until Lưu; the service's refusal is shown here."""

    saved = Signal(object)  # RegistrationView after a save

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = None  # registration.CollectiveInfo as loaded
        self.dirty = False
        self._loading = False

        self.registered_on = date_edit()
        self.registered_on.dateChanged.connect(self._edited)
        self.movements = Checklist()
        self.movements.itemChanged.connect(self._edited)
        self.titles = Checklist()
        self.titles.itemChanged.connect(self._edited)
        self.movements_caption = subheading(self.tr("Movements joined"))
        self.titles_caption = subheading(self.tr("Collective titles registered"))
        for listing in (self.movements, self.titles):
            listing.setMinimumHeight(250)
        self.movements.fit_limit = 480  # the movements all show: each is ticked or not
        self.signature = QPlainTextEdit()
        self.signature.setPlaceholderText(
            self.tr("The union's own emulation content required by the plan, e.g. Mỗi tổ một sáng kiến an toàn")
        )
        self.signature.setFixedHeight(58)
        self.signature.textChanged.connect(self._edited)
        self.commitments = QPlainTextEdit()
        self.commitments.setPlaceholderText(self.tr("Other commitments of the union (optional)"))
        self.commitments.setFixedHeight(58)
        self.commitments.textChanged.connect(self._edited)

        self.figures = FiguresModel(self)
        self.figures.changed.connect(self._edited)
        self.figures.invalid.connect(self._invalid_figure)
        self.figures_view = QTableView()
        self.figures_view.setModel(self.figures)
        self.figures_view.verticalHeader().setVisible(False)
        self.figures_view.setAlternatingRowColors(True)
        self.figures_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.figures_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.figures_view.setWordWrap(False)
        self.figures_view.verticalHeader().setDefaultSectionSize(self.figures_view.fontMetrics().height() + 10)
        header = self.figures_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(FiguresModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (FiguresModel.CODE, 55),
            (FiguresModel.UNIT, 110),
            (FiguresModel.TARGET, 130),
            (FiguresModel.VALUE, 130),
        ):
            self.figures_view.setColumnWidth(col, width)
        self.figures_view.setMinimumHeight(260)

        self.error = ErrorLine()
        self.success = SuccessLine()
        self.state = QLabel()
        self.state.setStyleSheet("color: #5f6673;")
        self.save_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
            self.tr("Save the collective registration"),
        )
        self.save_button.clicked.connect(self.save)

        lists = QHBoxLayout()
        for caption, listing in ((self.movements_caption, self.movements), (self.titles_caption, self.titles)):
            col = QVBoxLayout()
            col.addWidget(caption)
            col.addWidget(listing, 1)
            lists.addLayout(col, 1)
        texts = QFormLayout()
        date_row = QHBoxLayout()
        date_row.addWidget(self.registered_on)
        date_row.addStretch(1)
        texts.addRow(self.tr("Registered on"), date_row)
        texts.addRow(self.tr("Signature emulation content *"), self.signature)
        texts.addRow(self.tr("Other commitments"), self.commitments)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 8, 8)
        column.setSpacing(8)
        column.addLayout(lists)
        column.addLayout(texts)
        column.addWidget(subheading(self.tr("Registered figures")))
        column.addWidget(
            note(
                self.tr(
                    "Grey italic figures are suggested from the plan and are registered when you "
                    "press Save. Double-click a figure to change it; tick the yes/no "
                    "indicators."
                )
            )
        )
        column.addWidget(self.figures_view)
        self.not_applicable = note("")
        self.not_applicable.setVisible(False)
        column.addWidget(self.not_applicable)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(area, 1)
        box.addWidget(self.error)
        box.addWidget(self.success)
        box.addLayout(bottom)

    # -- showing -----------------------------------------------------------------------------

    def set_data(self, info, detail, *, force: bool = False) -> None:
        """Show the saved registration; unsaved edits are kept unless ``force``."""
        if self.dirty and not force and self.info is not None and self.info.year == info.year:
            return
        self._loading = True
        self.info = info
        self.movements.clear()
        for m in detail.movements:
            self.movements.add_choice(m.code, m.name, m.code in info.movement_codes, m.description or None)
        self.titles.clear()
        collective = [t for t in detail.titles if t.subject == "collective"]
        for category, caption in (("title", self.tr("Emulation titles")), ("award", self.tr("Commendations"))):
            chosen = [t for t in collective if t.category == category]
            if chosen:
                self.titles.add_heading(caption)
            for t in chosen:
                self.titles.add_choice(t.code, t.name, t.code in info.title_codes, t.issuer or None)
        self.movements.fit()
        self.titles.fit()
        self.signature.setPlainText(info.signature_content)
        self.commitments.setPlainText(info.commitments)
        set_date(self.registered_on, info.registered_on or self.ctx.today())
        self.figures.set_figures(info.figures)
        self._show_not_applicable(info)
        self.figures_view.setFixedHeight(
            self.figures_view.horizontalHeader().height()
            + self.figures_view.verticalHeader().length()
            + 2 * self.figures_view.frameWidth()
            + 2
        )
        self._loading = False
        self.dirty = False
        self._update_state()

    def _show_not_applicable(self, info) -> None:
        """Figures registered before the unit's kind was set: kept in the store, never printed."""
        kept = getattr(info, "not_applicable", [])
        if kept:
            items = "; ".join(f"{f.indicator.code} {f.indicator.name}" for f in kept)
            self.not_applicable.setText(
                self.tr(
                    "Registered earlier but not applicable to the unit ({scope}), kept and not printed: {items}."
                ).format(scope=info.unit_scope, items=items)
            )
        self.not_applicable.setVisible(bool(kept))

    def clear(self) -> None:
        self._loading = True
        self.info = None
        self.movements.clear()
        self.titles.clear()
        self.signature.clear()
        self.commitments.clear()
        self.figures.set_figures([])
        self._loading = False
        self.dirty = False
        self.error.clear_message()
        self.success.clear_message()
        self._update_state()

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        self.success.clear_message()
        self._update_state()

    def _invalid_figure(self, text: str) -> None:
        self.error.show_message(text)

    def _update_state(self) -> None:
        self.movements_caption.setText(
            self.tr("Movements joined ({count}/{total})").format(
                count=len(self.movements.checked_codes()), total=self.movements.total()
            )
        )
        if self.info is None:
            self.state.clear()
        elif self.dirty:
            self.state.setText(self.tr("Changes not saved yet."))
        elif self.info.saved:
            self.state.setText(
                self.tr("Saved; registered on {date}.").format(
                    date=vntext.format_date(self.info.registered_on) if self.info.registered_on else "—"
                )
            )
        else:
            self.state.setText(self.tr("The collective registration has not been saved yet."))
        self.save_button.setEnabled(self.info is not None and self.ctx.db is not None)

    # -- saving ------------------------------------------------------------------------------

    def current_info(self):
        return replace(
            self.info,
            movement_codes=self.movements.checked_codes(),
            title_codes=self.titles.checked_codes(),
            signature_content=self.signature.toPlainText(),
            commitments=self.commitments.toPlainText(),
            registered_on=edit_value(self.registered_on),
            figures=[replace(f) for f in self.figures.figures],
        )

    def save(self) -> None:
        if self.info is None or self.ctx.db is None:
            return
        self.error.clear_message()
        self.success.clear_message()
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(
            registration_ops.save_collective,
            self.ctx.db,
            self.current_info(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, data) -> None:
        self.dirty = False
        self.save_button.setEnabled(True)
        self.success.show_message(
            self.tr("The collective registration of {year} has been saved.").format(year=data.collective.year)
        )
        self.saved.emit(data)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.save_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(self.tr("Not saved:") + "\n" + exc.message)
