"""The editable rule table (caps, thresholds): law changes, code does not.

``RulesTable`` edits the year's values in place. ``RuleSetPanel`` adds what the rules page shows
about the rule set in force for the year (``services.rules``): its name, the sources with the
"Căn cứ" lines the documents print, each value beside the set's own figure (the ones the union
changed are marked), "cần đối chiếu với văn bản" where a figure is still to be checked, and the
import of a rule set sent by the upper union.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import RuleInfo
from thidua_desktop.ui import context
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note, subheading
from thidua_desktop.ui.widgets.table import Column, PaddedDelegate, RowsModel, make_table

VALUE_COLUMN = 1
DEFAULT_COLUMN, STATUS_COLUMN = 4, 5
CHANGED_COLOR, CHECK_COLOR = "#123f7a", "#8a5300"


class RulesTable(QWidget):
    """Rules of the current year; the value cells are edited in place and saved at once."""

    saved = Signal(object)  # RuleInfo

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.status: dict = {}  # key → services.rules.RuleRow, when the rule set is known
        self.model = RowsModel(
            [
                Column(self.tr("Rule"), lambda r: r.description or r.key, tooltip=self._tooltip),
                Column(
                    self.tr("Value"),
                    lambda r: vntext.format_number(r.value),
                    sort_key=lambda r: r.value,
                    align_right=True,
                    editable=True,
                    width=130,
                ),
                Column(self.tr("Unit of measure"), lambda r: r.unit_of_measure, width=120),
                Column(self.tr("Legal basis"), lambda r: r.basis, width=230),
                Column(self.tr("Rule set value"), self._default, align_right=True, width=130),
                Column(self.tr("Note"), self._status, width=230, foreground=self._status_color),
            ],
            self,
        )
        self.model.on_edit = self._edit
        self.view = make_table(self.model, stretch_column=0)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(PaddedDelegate(self.view))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setToolTip(self.tr("Double-click a value to change it."))
        for column in (DEFAULT_COLUMN, STATUS_COLUMN):
            self.view.setColumnHidden(column, True)
        self.error = ErrorLine()
        self.success = SuccessLine()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.error)
        box.addWidget(self.success)
        box.addWidget(self.view, 1)

    def _default(self, rule: RuleInfo) -> str:
        row = self.status.get(rule.key)
        if row is None or row.default_value is None:
            return ""
        return vntext.format_number(row.default_value)

    def _changed(self, rule: RuleInfo) -> bool:
        row = self.status.get(rule.key)
        return row is not None and row.default_value is not None and rule.value != row.default_value

    def _status(self, rule: RuleInfo) -> str:
        row = self.status.get(rule.key)
        parts = []
        if self._changed(rule):
            parts.append(
                self.tr("changed by the union (rule set: {value})").format(
                    value=vntext.format_number(row.default_value)
                )
            )
        if row is not None and row.needs_check:
            parts.append(self.tr("to be checked against the text"))
        return "; ".join(parts)

    def _status_color(self, rule: RuleInfo) -> QColor | None:
        if self._changed(rule):
            return QColor(CHANGED_COLOR)
        row = self.status.get(rule.key)
        return QColor(CHECK_COLOR) if row is not None and row.needs_check else None

    def set_status(self, rows) -> None:
        """The rule set's view of each value (``services.rules.RuleRow``); empty hides the columns."""
        self.status = {r.key: r for r in rows}
        for column in (DEFAULT_COLUMN, STATUS_COLUMN):
            self.view.setColumnHidden(column, not self.status)
        self.model.set_rows(self.model.rows())

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
            self.error.show_message(
                self.tr("The value of “{rule}” was not changed: {reason}").format(
                    rule=rule.description or rule.key, reason=str(exc)
                )
            )
            return
        if value == rule.value:
            return
        self.ctx.tasks.run(
            year_ops.set_rule,
            self.ctx.db,
            self.year,
            rule.key,
            value,
            on_done=self._saved,
            on_error=lambda exc, r=rule: self._failed(r, exc),
            owner=self,
        )

    def _saved(self, rule: RuleInfo) -> None:
        try:
            row = self.row_of(rule.key)
        except KeyError:
            return
        self.model.replace_row(row, rule)
        self.success.show_message(
            self.tr("Saved: {rule} = {value} {unit}").format(
                rule=rule.description or rule.key, value=vntext.format_number(rule.value), unit=rule.unit_of_measure
            )
        )
        self.saved.emit(rule)
        self.ctx.changed(context.RULES)

    def _failed(self, rule: RuleInfo, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(
            self.tr("The value of “{rule}” was not changed: {reason}").format(
                rule=rule.description or rule.key, reason=exc.message
            )
        )


def rules_in_force_job(db, year: int):
    from thidua_desktop.services import rules

    return rules.rules_in_force(db, year)


class RuleSetPanel(QWidget):
    """The rules page: the set in force for the year, its sources, the values and the import."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = None
        self.import_dialog = None
        self.name = subheading()
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin = note()
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes = note()
        self.import_button = QPushButton(self.tr("Import rule set…"))
        self.import_button.setToolTip(
            self.tr(
                "A rule set sent by the upper union as a signed workbook: you see the "
                "changes first, then apply them to the year."
            )
        )
        self.import_button.clicked.connect(lambda: self.import_rule_set())
        self.table = RulesTable(ctx)
        self.table.saved.connect(lambda _rule: self.refresh())
        self.model = self.table.model
        self.view, self.error, self.success = self.table.view, self.table.error, self.table.success
        self.row_of = self.table.row_of
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(top)
        box.addWidget(self.origin)
        box.addWidget(QLabel(self.tr("Sources (the basis lines the documents print):")))
        box.addWidget(self.sources)
        box.addWidget(self.changes)
        box.addWidget(self.table, 1)

    @property
    def year(self) -> int | None:
        return self.table.year

    def set_rules(self, year: int, rules: list[RuleInfo]) -> None:
        self.table.set_rules(year, rules)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.db is None or self.table.year is None:
            return
        self.ctx.tasks.run(
            rules_in_force_job, self.ctx.db, self.table.year, on_done=self._show, on_error=self._failed, owner=self
        )

    def _show(self, info) -> None:
        if info.year != self.table.year:
            return
        self.info = info
        self.name.setText(self.tr("Rule set in force for {year}: {name}").format(year=info.year, name=info.name))
        if info.origin == "imported":
            origin = self.tr("Sent by the upper union (signed by {signer}); applies {years}.").format(
                signer=info.signer or "?", years=info.years_text
            )
        else:
            origin = self.tr("Built into the program; applies {years}.").format(years=info.years_text)
        self.origin.setText(origin)
        check = self.tr("to be checked against the text")
        self.sources.setText("\n".join(s.line + (f" ({check})" if s.needs_check else "") for s in info.sources))
        changed = info.changed
        self.changes.setText(
            self.tr("The union changed {count} of the rule set's values (marked in the Note column).").format(
                count=len(changed)
            )
            if changed
            else self.tr("No value differs from the rule set.")
        )
        self.table.set_status(info.rules)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.table.error.show_message(exc.message)

    def import_rule_set(self, path=None):
        """The import dialog (``ui.rule_set_dialog``) for the year shown."""
        from thidua_desktop.ui.rule_set_dialog import RuleSetDialog

        if self.table.year is None:
            return None
        dialog = RuleSetDialog(self.ctx, self.table.year, self, path)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog
