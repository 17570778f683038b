"""Năm › Sửa kế hoạch năm…: the year's plan in four tabs (plan, phases, movements, indicators).

The dialog edits a :class:`~thidua_desktop.services.plan_editor.PlanDraft` read on the worker;
every field writes into the draft at once, and **Save** sends the whole draft to
``services.plan_editor.save_plan`` — one transaction, the same checks as the command line. A
refused value keeps the dialog open with the Vietnamese message. Removing something that
entered data uses (an indicator's registered figures and results, a phase's reports, the
collective registration's choice of a movement) asks first, naming the count; the data is
deleted only when the plan is saved. Each tab scrolls, so the dialog works at 1024×768.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import applicability, vntext
from thidua_desktop.core.plan import INDICATOR_KINDS, INDICATOR_SOURCES, format_target
from thidua_desktop.services import plan_editor as pe
from thidua_desktop.ui import context, labels, messages
from thidua_desktop.ui.operations import plan_editor as plan_editor_ops
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.fields import CodeCombo, DateField, date_edit, edit_value, set_date
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table

_CTX = "PlanEditor"
_COMPUTED = {
    "members_admitted": QT_TRANSLATE_NOOP("PlanEditor", "Members admitted in the year"),
    "women_gvn_dvn": QT_TRANSLATE_NOOP("PlanEditor", "Women recognised as good at work and at home"),
    "officers_trained": QT_TRANSLATE_NOOP("PlanEditor", "Union officers trained"),
    "initiatives_recognised": QT_TRANSLATE_NOOP("PlanEditor", "Initiatives recognised"),
    "ldst_authors": QT_TRANSLATE_NOOP("PlanEditor", "Authors awarded the Bằng Lao động sáng tạo"),
    "members_introduced_to_party": QT_TRANSLATE_NOOP("PlanEditor", "Members introduced to the Party"),
}
_TOKENS = {
    "state": QT_TRANSLATE_NOOP("PlanEditor", "State sector"),
    "non_state": QT_TRANSLATE_NOOP("PlanEditor", "Non-state sector"),
    "state_agency": QT_TRANSLATE_NOOP("PlanEditor", "State agencies"),
    "public_service": QT_TRANSLATE_NOOP("PlanEditor", "Public service units"),
    "soe": QT_TRANSLATE_NOOP("PlanEditor", "State-owned enterprises"),
    "private": QT_TRANSLATE_NOOP("PlanEditor", "Private enterprises"),
    "fdi": QT_TRANSLATE_NOOP("PlanEditor", "Foreign-invested enterprises"),
    "cooperative": QT_TRANSLATE_NOOP("PlanEditor", "Cooperatives and others"),
}
_LEVELS = ("cdcs", "upper")


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def _text_box(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _set_text(widget, text: str) -> None:
    widget.blockSignals(True)
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
    widget.blockSignals(False)


def _set_day(edit: QDateEdit, value: date) -> None:
    edit.blockSignals(True)
    set_date(edit, value)
    edit.blockSignals(False)


class _ListTab(QWidget):
    """A table of the draft's rows above a form for the selected one, with Add and Remove."""

    def __init__(self, dialog: PlanEditorDialog) -> None:
        super().__init__()
        self.dialog = dialog
        columns, add_text, remove_text = self.layout_texts()
        self.model = RowsModel(columns, self)
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(150)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.add_button = QPushButton(add_text)
        self.add_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_box = QWidget()
        self.form_box.setLayout(self.form)
        content = QWidget()
        box = QVBoxLayout(content)
        box.addWidget(self.view, 1)
        box.addLayout(row)
        box.addWidget(self.form_box)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(content))
        self.current = None

    # subclasses: layout_texts(), rows(), show_current(), add(), remove()
    def layout_texts(self) -> tuple[list[Column], str, str]:
        """The table's columns and the texts of the Add and Remove buttons."""
        raise NotImplementedError

    def rows(self) -> list:
        raise NotImplementedError

    def show_current(self) -> None:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def reload(self, select=None) -> None:
        """Show the draft's rows again and select ``select`` (default: the current row)."""
        wanted = select if select is not None else self.current
        self.model.set_rows(self.rows())
        rows = self.model.rows()
        index = next((n for n, r in enumerate(rows) if r is wanted), 0 if rows else None)
        if index is None:
            self.current = None
            self._selected()
        else:
            self.view.selectRow(index)
            self._selected()

    def refresh_current_row(self) -> None:
        self.model.layoutChanged.emit()

    def _selected(self) -> None:
        indexes = self.view.selectionModel().selectedRows()
        self.current = self.model.row_at(indexes[0].row()) if indexes else None
        self.form_box.setEnabled(self.current is not None)
        self.remove_button.setEnabled(self.current is not None and self.can_remove(self.current))
        if self.current is not None:
            self.show_current()

    def can_remove(self, row) -> bool:
        return True

    def select_row(self, index: int) -> None:
        self.view.selectRow(index)


class PlanTab(QWidget):
    def __init__(self, dialog: PlanEditorDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. 02/KH-LĐLĐ"))
        self.issued_on = DateField()
        self.issuer = QLineEdit()
        self.title = _text_box(3)
        self.theme = _text_box(3)
        self.registration_due = DateField()
        self.report_days = QSpinBox()
        self.report_days.setRange(0, 366)
        self.report_days.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Plan number"), self.number)
        form.addRow(self.tr("Issued on"), self.issued_on)
        form.addRow(self.tr("Issued by"), self.issuer)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Registration due"), self.registration_due)
        form.addRow(self.tr("Reports due after a phase ends"), self.report_days)
        content = QWidget()
        box = QVBoxLayout(content)
        box.addWidget(
            note(
                self.tr(
                    "Type the plan's number, date, issuer, title and theme as the upper union's plan "
                    "gives them; the program never changes them by itself."
                )
            )
        )
        box.addLayout(form)
        box.addWidget(
            note(
                self.tr(
                    "The number of days is the usual rule for a new phase or a moved end date (the "
                    "2021 plan: within 5 days). Each phase's own deadline can differ; change it on the "
                    "Phases tab."
                )
            )
        )
        box.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(content))
        self.number.textEdited.connect(lambda text: self._set("plan_number", text))
        self.issuer.textEdited.connect(lambda text: self._set("plan_issuer", text))
        self.title.textChanged.connect(lambda: self._set("plan_title", self.title.toPlainText()))
        self.theme.textChanged.connect(lambda: self._set("theme", self.theme.toPlainText()))
        self.report_days.valueChanged.connect(lambda value: self._set("report_due_days", value))

    def _set(self, attr: str, value) -> None:
        if self.dialog.draft is not None:
            setattr(self.dialog.draft, attr, value)

    def show_draft(self, draft: pe.PlanDraft) -> None:
        _set_text(self.number, draft.plan_number)
        _set_text(self.issuer, draft.plan_issuer)
        _set_text(self.title, draft.plan_title)
        _set_text(self.theme, draft.theme)
        self.issued_on.set_value(draft.plan_issued_on)
        self.registration_due.set_value(draft.registration_due)
        self.report_days.blockSignals(True)
        self.report_days.setValue(draft.report_due_days)
        self.report_days.blockSignals(False)

    def take_dates(self, draft: pe.PlanDraft) -> None:
        """The two typed dates into the draft; raises ``ValueError`` with the message to show."""
        draft.plan_issued_on = self.issued_on.date_value()
        draft.registration_due = self.registration_due.date_value()


class PhasesTab(_ListTab):
    def layout_texts(self):
        fd = vntext.format_date
        return (
            [
                Column(self.tr("Phase"), lambda p: p.name, sort_key=STORED_ORDER, width=160),
                Column(self.tr("From"), lambda p: fd(p.start), width=100),
                Column(self.tr("To"), lambda p: fd(p.end), width=100),
                Column(self.tr("Report due"), lambda p: fd(p.report_due), width=110),
                Column(self.tr("Figures locked on"), lambda p: fd(p.lock_date), width=130),
            ],
            self.tr("Add a phase at the end"),
            self.tr("Remove the last phase"),
        )

    def __init__(self, dialog: PlanEditorDialog) -> None:
        super().__init__(dialog)
        self.name = QLineEdit()
        self.start = date_edit()
        self.end = date_edit()
        self.report_due = date_edit()
        self.lock_date = date_edit()
        self.description = _text_box(3)
        for edit in (self.start, self.end, self.report_due, self.lock_date):
            edit.setMaximumWidth(180)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("From"), self.start)
        self.form.addRow(self.tr("To"), self.end)
        self.form.addRow(self.tr("Report due"), self.report_due)
        self.form.addRow(self.tr("Figures locked on"), self.lock_date)
        self.form.addRow(self.tr("What the phase is about"), self.description)
        self.form.addRow(
            note(
                self.tr(
                    "Phases follow each other without a gap inside the year: a new end date moves "
                    "the next phase's start, a new start the previous phase's end. A deadline that "
                    "followed the usual rule follows the end date."
                )
            )
        )
        self.name.textEdited.connect(self._name_edited)
        self.description.textChanged.connect(self._description_edited)
        for edit, key in (
            (self.start, "start"),
            (self.end, "end"),
            (self.report_due, "report_due"),
            (self.lock_date, "lock_date"),
        ):
            edit.dateChanged.connect(lambda _d, edit=edit, key=key: self._date_edited(key, edit))

    def rows(self) -> list:
        return list(self.dialog.draft.phases) if self.dialog.draft else []

    def can_remove(self, row) -> bool:
        phases = self.dialog.draft.phases
        return len(phases) > 1 and row is phases[-1]

    def show_current(self) -> None:
        p = self.current
        _set_text(self.name, p.name)
        _set_text(self.description, p.description)
        for edit, value in (
            (self.start, p.start),
            (self.end, p.end),
            (self.report_due, p.report_due),
            (self.lock_date, p.lock_date),
        ):
            _set_day(edit, value)

    def _name_edited(self, text: str) -> None:
        if self.current is not None:
            self.current.name = text
            self.refresh_current_row()

    def _description_edited(self) -> None:
        if self.current is not None:
            self.current.description = self.description.toPlainText()

    def _date_edited(self, key: str, edit: QDateEdit) -> None:
        if self.current is None:
            return
        pe.change_phase(self.dialog.draft, self.current.number, **{key: edit_value(edit)})
        self.refresh_current_row()
        self.show_current()

    def add(self) -> None:
        self.dialog.error.clear_message()
        try:
            phase = pe.append_phase(self.dialog.draft)
        except pe.ValidationError as exc:
            self.dialog.error.show_message(exc.message)
            return
        self.reload(select=phase)

    def remove(self) -> None:
        draft = self.dialog.draft
        if len(draft.phases) <= 1:
            return
        phase = draft.phases[-1]
        if not self.dialog.ask_removal(
            f"phase:{phase.number}",
            self.dialog.usage_of_phase(phase.number),
            self.tr("Removing {phase} deletes {what}. Remove it anyway?").format(phase=phase.name, what="{what}"),
        ):
            return
        draft.phases.pop()
        self.reload(select=draft.phases[-1])


class MovementsTab(_ListTab):
    def layout_texts(self):
        return (
            [
                Column(self.tr("Code"), lambda m: m.code, sort_key=STORED_ORDER, width=110),
                Column(self.tr("Movement"), lambda m: m.name, width=420),
                Column(self.tr("Launched by"), lambda m: m.launched_by),
            ],
            self.tr("Add a movement"),
            self.tr("Remove the movement"),
        )

    def __init__(self, dialog: PlanEditorDialog) -> None:
        super().__init__(dialog)
        self.name = _text_box(2)
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.launched_by = QLineEdit()
        self.launched_by.setPlaceholderText(self.tr("e.g. Tổng Liên đoàn"))
        self.description = _text_box(2)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Launched by"), self.launched_by)
        self.form.addRow(self.tr("Description"), self.description)
        self.name.textChanged.connect(self._name_edited)
        self.code.textEdited.connect(self._code_edited)
        self.launched_by.textEdited.connect(lambda text: self._set("launched_by", text))
        self.description.textChanged.connect(lambda: self._set("description", self.description.toPlainText()))
        self._auto_code: dict[int, str] = {}  # id of a new movement → the code made from its name

    def rows(self) -> list:
        return list(self.dialog.draft.movements) if self.dialog.draft else []

    def show_current(self) -> None:
        m = self.current
        _set_text(self.name, m.name)
        _set_text(self.code, m.code)
        _set_text(self.launched_by, m.launched_by)
        _set_text(self.description, m.description)

    def _set(self, attr: str, value) -> None:
        if self.current is not None:
            setattr(self.current, attr, value)
            self.refresh_current_row()

    def _name_edited(self) -> None:
        m = self.current
        if m is None:
            return
        m.name = self.name.toPlainText()
        if m.original_code is None and self._auto_code.get(id(m)) == m.code:
            old, m.code = m.code, ""  # not taken by itself
            code = pe.new_movement_code(self.dialog.draft, m.name)
            m.code = code
            for x in self.dialog.draft.indicators:
                if x.movement_code and x.movement_code == old:
                    x.movement_code = code
            self._auto_code[id(m)] = code
            _set_text(self.code, code)
        self.refresh_current_row()
        self.dialog.movements_changed()

    def _code_edited(self, text: str) -> None:
        if self.current is not None:
            for x in self.dialog.draft.indicators:  # the indicators tied to it follow the new code
                if x.movement_code and x.movement_code == self.current.code:
                    x.movement_code = text
            self.current.code = text
            self._auto_code.pop(id(self.current), None)
            self.refresh_current_row()
            self.dialog.movements_changed()

    def add(self) -> None:
        name = self.tr("New movement")
        movement = pe.MovementDraft(pe.new_movement_code(self.dialog.draft, name), name)
        self._auto_code[id(movement)] = movement.code
        self.dialog.draft.movements.append(movement)
        self.reload(select=movement)
        self.dialog.movements_changed()
        self.name.setFocus()
        self.name.selectAll()

    def remove(self) -> None:
        m = self.current
        if m is None:
            return
        impact = self.dialog.usage_of_movement(m.original_code)
        if not self.dialog.ask_removal(
            f"movement:{m.original_code}",
            impact,
            self.tr("Removing this movement takes away {what}. Remove it anyway?"),
        ):
            return
        index = self.dialog.draft.movements.index(m)
        self.dialog.draft.movements.remove(m)
        rest = self.dialog.draft.movements
        self.reload(select=rest[min(index, len(rest) - 1)] if rest else None)
        self.dialog.movements_changed()


class IndicatorsTab(_ListTab):
    def layout_texts(self):
        return (
            [
                Column(self.tr("Code"), lambda x: x.code, sort_key=STORED_ORDER, width=70),
                Column(self.tr("Indicator"), lambda x: x.name, width=360),
                Column(self.tr("Kind"), lambda x: labels.indicator_kind(x.kind), width=110),
                Column(self.tr("Unit"), lambda x: x.unit_of_measure, width=90),
                Column(self.tr("Levels"), lambda x: labels.levels(x.levels), width=140),
                Column(
                    self.tr("Upper union's target"),
                    lambda x: (
                        x.plan_target_text
                        or (format_target(x.plan_target, x.kind) if x.plan_target is not None else "")
                    ),
                ),
            ],
            self.tr("Add an indicator"),
            self.tr("Remove the indicator"),
        )

    def __init__(self, dialog: PlanEditorDialog) -> None:
        super().__init__(dialog)
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.name = _text_box(2)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. đoàn viên, %, đồng"))
        self.kind = CodeCombo()
        self.kind.set_items([(k, labels.indicator_kind(k)) for k in INDICATOR_KINDS])
        self.source = CodeCombo()
        self.source.set_items([(s, labels.indicator_source(s)) for s in INDICATOR_SOURCES])
        self.computed_from = CodeCombo()
        self.computed_from.set_items([(key, _t(text)) for key, text in _COMPUTED.items()])
        self.group = QLineEdit()
        self.group.setMaxLength(20)
        self.group.setPlaceholderText(self.tr("e.g. III.1"))
        self.levels = {level: QCheckBox(labels.level(level)) for level in _LEVELS}
        levels_row = QHBoxLayout()
        for box in self.levels.values():
            levels_row.addWidget(box)
        levels_row.addStretch(1)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("empty: the upper union gave no figure"))
        self.target_text = QLineEdit()
        self.target_text.setMaxLength(200)
        self.target_text.setPlaceholderText(self.tr("as the plan words it, e.g. trên 8.000"))
        self.movement = CodeCombo()
        for combo in (self.kind, self.source, self.computed_from, self.movement):
            # a long movement name must not widen the form past a 1024-pixel screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.applies = {token: QCheckBox(_t(_TOKENS[token])) for token in applicability.TOKEN_LABELS}
        applies_grid = QGridLayout()
        for n, box in enumerate(self.applies.values()):
            box.setToolTip(applicability.TOKEN_LABELS[list(self.applies)[n]])
            applies_grid.addWidget(box, n // 2, n % 2)
        self.description = _text_box(2)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Unit of measure"), self.unit)
        self.form.addRow(self.tr("Figures come from"), self.source)
        self.form.addRow(self.tr("Computed from"), self.computed_from)
        self.form.addRow(self.tr("Group"), self.group)
        self.form.addRow(self.tr("Applies at"), self._wrap(levels_row))
        self.form.addRow(self.tr("Upper union's target"), self.target)
        self.form.addRow(self.tr("Target as worded"), self.target_text)
        self.form.addRow(self.tr("Movement"), self.movement)
        self.form.addRow(self.tr("Only for (none ticked: every unit)"), self._wrap(applies_grid))
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow(
            note(
                self.tr(
                    "A count adds up, a rate keeps its numerator and denominator, a yes/no counts "
                    "the units that did it. The code of a saved indicator stays: the registered "
                    "figures and results refer to it."
                )
            )
        )
        self.code.textEdited.connect(lambda text: self._set("code", text))
        self.name.textChanged.connect(lambda: self._set("name", self.name.toPlainText()))
        self.unit.textEdited.connect(lambda text: self._set("unit_of_measure", text))
        self.group.textEdited.connect(lambda text: self._set("group", text))
        self.target_text.textEdited.connect(lambda text: self._set("plan_target_text", text))
        self.description.textChanged.connect(lambda: self._set("description", self.description.toPlainText()))
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.source.currentIndexChanged.connect(lambda *_: self._source_changed())
        self.computed_from.currentIndexChanged.connect(lambda *_: self._computed_changed())
        self.movement.currentIndexChanged.connect(lambda *_: self._set("movement_code", self.movement.code()))
        self.target.textEdited.connect(self._target_edited)
        for box in self.levels.values():
            box.toggled.connect(
                lambda *_: self._set("levels", tuple(k for k, b in self.levels.items() if b.isChecked()))
            )
        for box in self.applies.values():
            box.toggled.connect(
                lambda *_: self._set("applies_to", tuple(k for k, b in self.applies.items() if b.isChecked()))
            )
        self.target_error: str | None = None

    @staticmethod
    def _wrap(layout) -> QWidget:
        widget = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(layout)
        return widget

    def rows(self) -> list:
        return list(self.dialog.draft.indicators) if self.dialog.draft else []

    def fill_movements(self) -> None:
        draft = self.dialog.draft
        current = self.current.movement_code if self.current is not None else None
        items = [(None, self.tr("(none)"))] + [
            (m.code, f"{m.code} — {m.name}") for m in (draft.movements if draft else [])
        ]
        self.movement.set_items(items, current)

    def show_current(self) -> None:
        x = self.current
        self.target_error = None
        _set_text(self.code, x.code)
        self.code.setReadOnly(not x.is_new)
        self.code.setToolTip("" if x.is_new else self.tr("The code of a saved indicator cannot change."))
        _set_text(self.name, x.name)
        _set_text(self.unit, x.unit_of_measure)
        _set_text(self.group, x.group)
        _set_text(self.target, vntext.format_number(x.plan_target) if x.plan_target is not None else "")
        _set_text(self.target_text, x.plan_target_text)
        _set_text(self.description, x.description)
        for combo, value in (
            (self.kind, x.kind),
            (self.source, x.source),
            (self.computed_from, x.computed_from or "members_admitted"),
        ):
            combo.blockSignals(True)
            combo.select_code(value)
            combo.blockSignals(False)
        self.computed_from.setEnabled(x.source == "computed")
        for mapping, chosen in ((self.levels, x.levels), (self.applies, x.applies_to)):
            for key, box in mapping.items():
                box.blockSignals(True)
                box.setChecked(key in chosen)
                box.blockSignals(False)
        self.fill_movements()

    def _set(self, attr: str, value) -> None:
        if self.current is not None:
            setattr(self.current, attr, value)
            self.refresh_current_row()

    def _kind_changed(self) -> None:
        x = self.current
        if x is None:
            return
        new = self.kind.code()
        stored = self.dialog.stored_kind(x)
        if stored is not None and new != stored and x.kind == stored:
            impact = self.dialog.usage_of_indicator(x.code)
            if not self.dialog.ask_removal(
                f"kind:{x.code}",
                impact,
                self.tr(
                    "Changing the kind of this indicator deletes {what} (they would mean something else). Change "
                    "it anyway?"
                ),
            ):
                self.kind.blockSignals(True)
                self.kind.select_code(x.kind)
                self.kind.blockSignals(False)
                return
        old_auto = format_target(x.plan_target, x.kind) if x.plan_target is not None else ""
        x.kind = new
        if x.plan_target is not None and x.plan_target_text == old_auto:
            x.plan_target_text = format_target(x.plan_target, new)
            _set_text(self.target_text, x.plan_target_text)
        self.refresh_current_row()

    def _source_changed(self) -> None:
        x = self.current
        if x is None:
            return
        x.source = self.source.code()
        self.computed_from.setEnabled(x.source == "computed")
        x.computed_from = self.computed_from.code() if x.source == "computed" else None
        self.refresh_current_row()

    def _computed_changed(self) -> None:
        if self.current is not None and self.current.source == "computed":
            self.current.computed_from = self.computed_from.code()

    def _target_edited(self, text: str) -> None:
        x = self.current
        if x is None:
            return
        try:
            value = pe.parse_target(text)
        except pe.ValidationError as exc:
            self.target_error = exc.message
            self.dialog.error.show_message(exc.message)
            return
        self.target_error = None
        self.dialog.error.clear_message()
        old_auto = format_target(x.plan_target, x.kind) if x.plan_target is not None else ""
        x.plan_target = value
        if x.plan_target_text in ("", old_auto):
            x.plan_target_text = format_target(value, x.kind) if value is not None else ""
            _set_text(self.target_text, x.plan_target_text)
        self.refresh_current_row()

    def add(self) -> None:
        draft = self.dialog.draft
        indicator = pe.IndicatorDraft(pe.new_indicator_code(draft), self.tr("New indicator"), is_new=True)
        draft.indicators.append(indicator)
        self.reload(select=indicator)
        self.name.setFocus()
        self.name.selectAll()

    def remove(self) -> None:
        x = self.current
        if x is None:
            return
        impact = pe.Impact() if x.is_new else self.dialog.usage_of_indicator(x.code)
        if not self.dialog.ask_removal(
            f"indicator:{x.code}", impact, self.tr("Removing this indicator deletes {what}. Remove it anyway?")
        ):
            return
        rows = self.dialog.draft.indicators
        index = rows.index(x)
        rows.remove(x)
        self.reload(select=rows[min(index, len(rows) - 1)] if rows else None)


class PlanEditorDialog(QDialog):
    """Edit the year's plan: four tabs, one Save (one transaction)."""

    def __init__(self, ctx: context.AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.draft: pe.PlanDraft | None = None
        self.usage: pe.PlanUsage | None = None
        self._stored_kinds: dict[str, str] = {}
        self.confirmed: set[str] = set()  # removals the user agreed to (keys as ConfirmationRequired names them)
        self.saved_result: pe.SaveResult | None = None
        self.setWindowTitle(self.tr("Plan of the year {year}").format(year=year))
        self.tabs = QTabWidget()
        self.plan_tab = PlanTab(self)
        self.phases_tab = PhasesTab(self)
        self.movements_tab = MovementsTab(self)
        self.indicators_tab = IndicatorsTab(self)
        self.tabs.addTab(self.plan_tab, self.tr("Plan"))
        self.tabs.addTab(self.phases_tab, self.tr("Phases"))
        self.tabs.addTab(self.movements_tab, self.tr("Movements"))
        self.tabs.addTab(self.indicators_tab, self.tr("Indicators"))
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save the plan"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.tabs.setEnabled(False)
        self.save_button.setEnabled(False)
        self._fit_to_screen()
        self.ctx.tasks.run(
            plan_editor_ops.load, self.ctx.db, year, on_done=self._loaded, on_error=self._failed, owner=self
        )

    def _fit_to_screen(self) -> None:
        self.setMinimumSize(640, 480)
        screen_fit.fit_dialog(self, (980, 700))

    # -- loading ---------------------------------------------------------------------------------

    def _loaded(self, data: plan_editor_ops.PlanData) -> None:
        self.draft = data.draft
        self.usage = data.usage
        self._stored_kinds = {x.code: x.kind for x in data.draft.indicators}
        self.plan_tab.show_draft(self.draft)
        for tab in (self.phases_tab, self.movements_tab, self.indicators_tab):
            tab.reload()
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)

    # -- what the tabs ask -------------------------------------------------------------------------

    def stored_kind(self, indicator: pe.IndicatorDraft) -> str | None:
        return None if indicator.is_new else self._stored_kinds.get(indicator.code)

    def usage_of_indicator(self, code: str) -> pe.Impact:
        return self.usage.of_indicator(code) if self.usage else pe.Impact()

    def usage_of_movement(self, code: str | None) -> pe.Impact:
        return self.usage.of_movement(code) if self.usage and code else pe.Impact()

    def usage_of_phase(self, number: int) -> pe.Impact:
        return self.usage.of_phase(number) if self.usage else pe.Impact()

    def ask_removal(self, key: str, impact: pe.Impact, question: str) -> bool:
        """Ask before a change that loses entered data (``question`` has ``{what}``); True: go on."""
        if not impact:
            return True
        if not messages.confirm(
            self,
            question.replace("{what}", impact.describe()),
            informative=self.tr("The data is deleted when you save the plan; Cancel keeps it."),
            yes_text=self.tr("Remove"),
        ):
            return False
        self.confirmed.add(key)
        return True

    def movements_changed(self) -> None:
        self.indicators_tab.fill_movements()

    # -- saving ------------------------------------------------------------------------------------

    def save(self, confirm: bool = False) -> None:
        if self.draft is None:
            return
        self.error.clear_message()
        try:
            self.plan_tab.take_dates(self.draft)
        except ValueError as exc:
            self.tabs.setCurrentWidget(self.plan_tab)
            self.error.show_message(str(exc))
            return
        if self.indicators_tab.target_error:
            self.tabs.setCurrentWidget(self.indicators_tab)
            self.error.show_message(self.indicators_tab.target_error)
            return
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            plan_editor_ops.save,
            self.ctx.db,
            copy.deepcopy(self.draft),
            confirm,
            on_done=self._saved,
            on_error=self._save_failed,
            owner=self,
        )

    def _saved(self, result: pe.SaveResult) -> None:
        self.buttons.setEnabled(True)
        self.saved_result = result
        self.ctx.changed(context.YEAR)
        self.ctx.changed(context.REGISTRATION)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.buttons.setEnabled(True)
        if isinstance(exc, pe.ConfirmationRequired):
            if all(key in self.confirmed for key, _impact in exc.impacts) or messages.confirm(
                self, exc.message, informative=self.tr("Save anyway?"), yes_text=self.tr("Save")
            ):
                self.save(confirm=True)
            return
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)

    def result_lines(self) -> list[str]:
        return self.saved_result.lines() if self.saved_result else []


def open_plan_editor(
    ctx: context.AppContext, parent: QWidget, on_saved: Callable[[list[str]], None] | None = None
) -> PlanEditorDialog | None:
    """Open the editor for the chosen year (None when there is no year)."""
    if ctx.db is None or ctx.year is None:
        return None
    dialog = PlanEditorDialog(ctx, ctx.year, parent)
    if on_saved is not None:
        dialog.accepted.connect(lambda: on_saved(dialog.result_lines()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
