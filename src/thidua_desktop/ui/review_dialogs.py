"""Dialogs of the review panel: a person's days off and discipline, a proposal line by hand.

Each dialog saves through the worker (``review_ops``) as one transaction; a refusal shows the
service's Vietnamese message in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui.operations import review as review_ops
from thidua_desktop.ui.pages.base import ErrorLine, note, subheading
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.person_picker import PersonPicker, describe

NOT_STATED = -1


def store_error(exc: BaseException) -> str:
    """The Vietnamese message of a refusal; anything else is a bug and goes to the crash handler."""
    from thidua_desktop.errors import UserError

    if not isinstance(exc, UserError):
        raise exc
    return exc.message


class _SavingDialog(QDialog):
    """OK runs the subclass's ``save`` (which hands its work to :meth:`_run`, on the worker); done
    closes the dialog, a refusal keeps it open."""

    def _finish_layout(self, box: QVBoxLayout) -> None:
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _run(self, fn, *args, **kwargs) -> None:
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(fn, *args, on_done=self._saved, on_error=self._failed, owner=self, **kwargs)

    def _saved(self, result) -> None:
        self.result_value = result
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(store_error(exc))


class InputsDialog(_SavingDialog):
    """Days off (maternity leave not counted) and a disciplinary measure of one person for the review."""

    def __init__(self, ctx, year: int, row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.row = row
        self.result_value = None
        self.setWindowTitle(self.tr("Days off and discipline"))
        self.days_off = QSpinBox()
        self.days_off.setRange(NOT_STATED, 999)
        self.days_off.setSpecialValueText(self.tr("Not stated"))
        self.days_off.setValue(NOT_STATED if row.days_off is None else row.days_off)
        self.days_off.setMinimumWidth(120)
        self.discipline = QLineEdit(row.discipline)
        self.discipline.setPlaceholderText(self.tr("e.g. Reprimand; empty: none"))
        form = QFormLayout()
        form.addRow(self.tr("Working days off in the year"), self.days_off)
        form.addRow(self.tr("Disciplinary measure"), self.discipline)
        box = QVBoxLayout(self)
        box.addWidget(subheading(row.full_name))
        explanation = note(
            self.tr(
                "Maternity leave is not counted. The rule table says from how many days off a "
                "person cannot be recognised a state title; a disciplined person cannot be "
                "recognised any title. Every title of the person is checked again."
            )
        )
        explanation.setMinimumHeight(explanation.fontMetrics().lineSpacing() * 4)
        box.addWidget(explanation)
        box.addLayout(form)
        self._finish_layout(box)
        self.setMinimumWidth(520)
        screen_fit.fit_dialog(self)

    def save(self) -> None:
        days = self.days_off.value()
        stated = days != NOT_STATED
        self._run(
            review_ops.set_inputs,
            self.ctx.db,
            self.year,
            self.row.person_id,
            days if stated else None,
            self.discipline.text(),
            not stated and self.row.days_off is not None,
        )


class ProposalDialog(_SavingDialog):
    """Add a proposal line (a person, a union group or the CĐCS itself) or edit one's award, level, summary."""

    PERSON, GROUP, UNIT = "person", "group", "unit"

    def __init__(
        self, ctx, year: int, choices: review_ops.ProposalChoices, proposal=None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.choices = choices
        self.proposal = proposal
        self.person = None
        self.result_value = None
        self.setWindowTitle(self.tr("Edit a proposal line") if proposal else self.tr("Add a proposal line"))
        box = QVBoxLayout(self)

        # -- who ---------------------------------------------------------------------------------
        self.kind_buttons: dict[str, QRadioButton] = {}
        self.stack = QStackedWidget()
        if proposal is None:
            self.kinds = QButtonGroup(self)
            kinds_row = QHBoxLayout()
            for key, label in (
                (self.PERSON, self.tr("A person")),
                (self.GROUP, self.tr("A union group")),
                (self.UNIT, self.tr("The union itself")),
            ):
                button = QRadioButton(label)
                self.kind_buttons[key] = button
                self.kinds.addButton(button)
                kinds_row.addWidget(button)
                button.toggled.connect(lambda on, k=key: on and self._kind_changed(k))
            kinds_row.addStretch(1)
            box.addLayout(kinds_row)
            person_page = QWidget()
            pbox = QVBoxLayout(person_page)
            pbox.setContentsMargins(0, 0, 0, 0)
            self.picker = PersonPicker()
            self.picker.set_people(choices.people)
            self.picker.picked.connect(self._person_picked)
            self.picker.results.currentItemChanged.connect(lambda *_: self._person_picked(self.picker.current_person()))
            self.chosen = QLabel(self.tr("No one chosen yet: type part of a name."))
            self.chosen.setWordWrap(True)
            pbox.addWidget(self.picker, 1)
            pbox.addWidget(self.chosen)
            group_page = QWidget()
            gform = QFormLayout(group_page)
            gform.setContentsMargins(0, 0, 0, 0)
            self.group = QComboBox()
            for g in choices.groups:
                self.group.addItem(g.name, g.id)
            gform.addRow(self.tr("Union group"), self.group)
            unit_page = QWidget()
            uform = QVBoxLayout(unit_page)
            uform.setContentsMargins(0, 0, 0, 0)
            uform.addWidget(QLabel(choices.unit_name))
            uform.addStretch(1)
            for page in (person_page, group_page, unit_page):
                self.stack.addWidget(page)
            box.addWidget(self.stack, 1)
        else:
            where = ", ".join(x for x in (proposal.position, proposal.group_name) if x)
            box.addWidget(subheading(proposal.name + (f" — {where}" if where else "")))

        # -- what --------------------------------------------------------------------------------
        self.award = QComboBox()
        self.award.currentIndexChanged.connect(self._award_changed)
        self.level = QComboBox()
        self.level.addItem(self.tr("Own union (the union's own certificate of merit)"), "own")
        self.level.addItem(self.tr("Proposed to the upper union"), "upper")
        self.summary = QPlainTextEdit(proposal.summary if proposal else "")
        self.summary.setPlaceholderText(
            self.tr("Summary of achievements: what the person or the collective did this year")
        )
        self.summary.setMinimumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Award or title proposed"), self.award)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Summary of achievements"), self.summary)
        box.addLayout(form)
        self._finish_layout(box)
        self.setMinimumWidth(620)
        if proposal is None:
            self.kind_buttons[self.PERSON].setChecked(True)
        else:
            self._fill_awards("individual" if proposal.person_id else "collective", proposal.award_code)
            self.level.setCurrentIndex(self.level.findData(proposal.level))
        screen_fit.fit_dialog(self)

    # -- choices ---------------------------------------------------------------------------------

    def kind(self) -> str:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), self.PERSON)

    def _kind_changed(self, key: str) -> None:
        self.stack.setCurrentIndex((self.PERSON, self.GROUP, self.UNIT).index(key))
        self._fill_awards("individual" if key == self.PERSON else "collective")

    def _fill_awards(self, subject: str, current: str | None = None) -> None:
        self.award.blockSignals(True)
        self.award.clear()
        fitting = [a for a in self.choices.awards if a.subject == subject]
        for a in sorted(fitting, key=lambda a: a.category != "award"):  # the forms of commendation first
            self.award.addItem(a.name, a.code)
        self.award.blockSignals(False)
        index = self.award.findData(current) if current else -1
        self.award.setCurrentIndex(index if index >= 0 else 0)
        if current is None:
            self._award_changed()

    def _award_changed(self, *_args) -> None:
        code = self.award.currentData()
        award = next((a for a in self.choices.awards if a.code == code), None)
        if award is not None and self.proposal is None:
            self.level.setCurrentIndex(self.level.findData("own" if award.own else "upper"))

    def _person_picked(self, person) -> None:
        if person is None:
            return
        self.person = person
        self.chosen.setText(self.tr("Chosen: {person}").format(person=describe(person)))

    def select_award(self, code: str) -> None:
        self.award.setCurrentIndex(self.award.findData(code))

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        code = self.award.currentData() or ""
        level = self.level.currentData()
        summary = self.summary.toPlainText()
        if self.proposal is not None:
            self._run(
                review_ops.update_proposal, self.ctx.db, self.proposal.id, award_code=code, level=level, summary=summary
            )
            return
        kind = self.kind()
        if kind == self.PERSON and self.person is None:
            self.error.show_message(self.tr("Choose the person: type part of the name and pick them from the list."))
            return
        if kind == self.GROUP and self.group.currentData() is None:
            self.error.show_message(self.tr("The roster has no union group yet."))
            return
        self._run(
            review_ops.add_proposal,
            self.ctx.db,
            self.year,
            award_code=code,
            level=level,
            person_id=self.person.id if kind == self.PERSON else None,
            union_group_id=self.group.currentData() if kind == self.GROUP else None,
            collective_name=self.choices.unit_name if kind == self.UNIT else "",
            summary=summary,
        )
