"""The indicator results of a year (registered figure, result after phase 1 and at year end)
and the dialog that enters one result."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.services.results import ResultCell, ResultRow
from thidua_desktop.ui import context
from thidua_desktop.ui.operations import year_end as year_end_ops
from thidua_desktop.ui.pages.base import ErrorLine, subheading
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.fields import DateField
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table

PHASE1_COLUMN, YEAR_COLUMN = 4, 5


def figure_text(kind: str, value: Decimal | None) -> str:
    if value is None:
        return ""
    if kind == "percent":
        return vntext.format_percent(value)
    if kind == "yesno":
        return (
            QCoreApplication.translate("ResultsTable", "Yes")
            if value
            else QCoreApplication.translate("ResultsTable", "No")
        )
    return vntext.format_number(value)


def cell_text(row: ResultRow, cell: ResultCell) -> str:
    if cell.not_applicable:
        return "—"
    text = figure_text(row.kind, cell.value)
    return f"{text} *" if text and not cell.stored else text


def cell_tooltip(row: ResultRow, cell: ResultCell) -> str | None:
    lines = [cell.origin] if cell.origin else []
    if cell.note:
        lines.append(cell.note)
    if cell.evidence_number:
        lines.append(
            cell.evidence_number + (f" ({vntext.format_date(cell.evidence_date)})" if cell.evidence_date else "")
        )
    if cell.lock_reason:
        lines.append(cell.lock_reason)
    return "\n".join(lines) or None


def parse_optional(text: str) -> Decimal | None:
    text = text.strip()
    return vntext.parse_number(text) if text else None


class ResultDialog(QDialog):
    """Enter the result of one indicator at the end of a phase; a refusal keeps the dialog open.

    A locked phase (its report sent, or past its lock date) is shown read-only: its fields cannot
    be typed in, OK gives way to Close and ``lock_line`` says why (the service's reason)."""

    def __init__(
        self,
        ctx: context.AppContext,
        year: int,
        row: ResultRow,
        phase_number: int,
        phase_names: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.year, self.row = ctx, year, row
        self.setWindowTitle(self.tr("Result of {code}").format(code=row.code))
        self.phase = QComboBox()
        for number, name in phase_names:
            self.phase.addItem(name, number)
        self.phase.setCurrentIndex(max(self.phase.findData(phase_number), 0))
        self.value = QLineEdit()
        self.numerator = QLineEdit()
        self.denominator = QLineEdit()
        self.note = QLineEdit()
        self.evidence_number = QLineEdit()
        self.evidence_date = DateField()
        form = QFormLayout()
        form.addRow(self.tr("Phase"), self.phase)
        if row.kind == "percent":
            form.addRow(self.tr("Achieved (numerator)"), self.numerator)
            form.addRow(self.tr("Out of (denominator)"), self.denominator)
        else:
            label = self.tr("Value (1 = yes, 0 = no)") if row.kind == "yesno" else self.tr("Value")
            form.addRow(label, self.value)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Evidence document number"), self.evidence_number)
        form.addRow(self.tr("Evidence document date"), self.evidence_date)
        self.phase.currentIndexChanged.connect(lambda *_: self._fill())
        self.error = ErrorLine()
        self.lock_line = ErrorLine()
        self.lock_line.setObjectName("lockLine")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(subheading(f"{row.code} — {row.name}"))
        box.addLayout(form)
        box.addWidget(self.lock_line)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._fill()
        screen_fit.fit_dialog(self)

    @property
    def read_only(self) -> bool:
        return self.row.cell(self.phase.currentData()).locked

    def _show_lock(self, reason: str | None) -> None:
        """Read-only with the reason when the chosen phase is locked; editable otherwise."""
        locked = reason is not None
        for edit in (self.value, self.numerator, self.denominator, self.note, self.evidence_number):
            edit.setReadOnly(locked)
        self.evidence_date.setReadOnly(locked)
        self.lock_line.show_message(self.tr("Read only: {reason}").format(reason=reason) if locked else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ok.setVisible(not locked)
        ok.setDefault(not locked)
        if not hasattr(self, "_cancel_text"):
            self._cancel_text = cancel.text()
        cancel.setText(self.tr("Close") if locked else self._cancel_text)
        cancel.setDefault(locked)

    def _fill(self) -> None:
        cell = self.row.cell(self.phase.currentData())

        def num(v):
            return vntext.format_number(v) if v is not None else ""

        self.value.setText(num(cell.value) if cell.source == "entered" else "")
        self.numerator.setText(num(cell.numerator) if cell.source == "entered" else "")
        self.denominator.setText(num(cell.denominator) if cell.source == "entered" else "")
        self.note.setText(cell.note)
        self.evidence_number.setText(cell.evidence_number)
        self.evidence_date.set_value(cell.evidence_date)
        self._show_lock(cell.lock_reason)

    def save(self) -> None:
        if self.read_only:
            return
        self.error.clear_message()
        try:
            percent = self.row.kind == "percent"
            value = None if percent else parse_optional(self.value.text())
            numerator = parse_optional(self.numerator.text()) if percent else None
            denominator = parse_optional(self.denominator.text()) if percent else None
            evidence_date = self.evidence_date.date_value()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.enter_result,
            self.ctx.db,
            self.year,
            self.row.code,
            self.phase.currentData(),
            value,
            numerator,
            denominator,
            self.note.text(),
            self.evidence_number.text(),
            evidence_date,
            self.ctx.today(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, _cell) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)


class ResultsTable(QWidget):
    """The table; double-clicking an entered indicator asks for :meth:`edit` (signal ``edit_requested``)."""

    edit_requested = Signal(object, int)  # ResultRow, phase number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase_numbers: list[int] = [1]
        self.model = RowsModel(
            [
                Column(self.tr("Code"), lambda r: r.code, sort_key=STORED_ORDER, width=60),
                Column(self.tr("Indicator"), lambda r: r.name),
                Column(self.tr("Unit"), lambda r: r.unit, width=80),
                Column(self.tr("Registered"), self._registered, align_right=True, width=100),
                Column(
                    self.tr("Phase 1 result"),
                    lambda r: cell_text(r, r.phase1),
                    align_right=True,
                    width=120,
                    tooltip=lambda r: cell_tooltip(r, r.phase1),
                ),
                Column(
                    self.tr("Year result"),
                    lambda r: cell_text(r, r.year),
                    align_right=True,
                    width=110,
                    tooltip=lambda r: cell_tooltip(r, r.year),
                ),
                Column(self.tr("% of target"), self._percent, align_right=True, width=100),
            ],
            self,
        )
        self.model.row_tooltip = self._row_tooltip
        self.view = make_table(self.model, stretch_column=1)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(320)
        self.view.doubleClicked.connect(self._double_clicked)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.phase_numbers = [c.phase_number for c in rows[0].cells]

    def _registered(self, row: ResultRow) -> str:
        text = figure_text(row.kind, row.registered)
        return f"({text})" if text and row.registered_is_default else text

    def _percent(self, row: ResultRow) -> str:
        value = row.percent_year if row.year.value is not None else row.percent_phase1
        return vntext.format_percent(value) if value is not None else ""

    def _row_tooltip(self, row: ResultRow) -> str:
        if row.source == "computed":
            source = self.tr("Counted by the program from its registers.")
        else:
            source = self.tr("Entered by hand (double-click to enter the result).")
        return "\n".join(t for t in (source, row.year.origin or row.phase1.origin) if t)

    def _double_clicked(self, index) -> None:
        row = self.model.row_at(index.row())
        phase = self.phase_numbers[-1] if index.column() == YEAR_COLUMN else self.phase_numbers[0]
        if row.source == "entered":
            self.edit_requested.emit(row, phase)
