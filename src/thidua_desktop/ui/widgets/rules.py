"""The editable rule table (caps, thresholds): law changes, code does not."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import RuleInfo
from thidua_desktop.ui import context, jobs
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine
from thidua_desktop.ui.widgets.table import Column, PaddedDelegate, RowsModel, make_table

VALUE_COLUMN = 1


class RulesTable(QWidget):
    """Rules of the current year; the value cells are edited in place and saved at once."""

    saved = Signal(object)  # RuleInfo

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.model = RowsModel([
            Column(self.tr("Rule"), lambda r: r.description or r.key, tooltip=self._tooltip),
            Column(self.tr("Value"), lambda r: vntext.format_number(r.value), sort_key=lambda r: r.value,
                   align_right=True, editable=True, width=130),
            Column(self.tr("Unit of measure"), lambda r: r.unit_of_measure, width=120),
            Column(self.tr("Legal basis"), lambda r: r.basis, width=230),
        ], self)
        self.model.on_edit = self._edit
        self.view = make_table(self.model, stretch_column=0)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(PaddedDelegate(self.view))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setToolTip(self.tr("Double-click a value to change it."))
        self.error = ErrorLine()
        self.success = SuccessLine()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.error)
        box.addWidget(self.success)
        box.addWidget(self.view, 1)

    def _tooltip(self, rule: RuleInfo) -> str:
        return self.tr("{description}\nCode: {key}").format(description=rule.description, key=rule.key)

    def set_rules(self, year: int, rules: list[RuleInfo]) -> None:
        if year != self.year:
            self.error.clear_message()
            self.success.clear_message()
        self.year = year
        self.model.set_rows(rules)

    def row_of(self, key: str) -> int:
        for n in range(self.model.shown_count):
            if self.model.row_at(n).key == key:
                return n
        raise KeyError(key)

    def _edit(self, rule: RuleInfo, _column: int, text: str) -> None:
        self.error.clear_message()
        self.success.clear_message()
        if self.ctx.db is None or self.year is None:
            return
        try:
            value: Decimal = vntext.parse_number(text)
        except ValueError as exc:
            self.error.show_message(self.tr("The value of “{rule}” was not changed: {reason}").format(
                rule=rule.description or rule.key, reason=str(exc)))
            return
        if value == rule.value:
            return
        self.ctx.tasks.run(jobs.set_rule, self.ctx.db, self.year, rule.key, value,
                           on_done=self._saved, on_error=lambda exc, r=rule: self._failed(r, exc), owner=self)

    def _saved(self, rule: RuleInfo) -> None:
        try:
            row = self.row_of(rule.key)
        except KeyError:
            return
        self.model.replace_row(row, rule)
        self.success.show_message(self.tr("Saved: {rule} = {value} {unit}").format(
            rule=rule.description or rule.key, value=vntext.format_number(rule.value), unit=rule.unit_of_measure))
        self.saved.emit(rule)
        self.ctx.changed(context.RULES)

    def _failed(self, rule: RuleInfo, exc: BaseException) -> None:
        from thidua_desktop.store.errors import StoreError

        if not isinstance(exc, StoreError):
            raise exc
        self.error.show_message(self.tr("The value of “{rule}” was not changed: {reason}").format(
            rule=rule.description or rule.key, reason=exc.message))
