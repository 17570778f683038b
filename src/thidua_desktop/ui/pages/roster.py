"""Đoàn viên: the roster in a fast table with a search that ignores diacritics."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import PersonRow
from thidua_desktop.ui import context, jobs, labels
from thidua_desktop.ui.pages.base import Page, heading, note
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table


def _birth_text(p: PersonRow) -> str:
    if p.birth_date is not None:
        return vntext.format_date(p.birth_date)
    return str(p.birth_year) if p.birth_year else ""


def _birth_key(p: PersonRow) -> tuple:
    if p.birth_date is not None:
        return (0, p.birth_date)
    if p.birth_year:
        return (0, date(p.birth_year, 1, 1))
    return (1, date.min)


def _date_key(value: date | None) -> tuple:
    return (0, value) if value is not None else (1, date.min)


class RosterModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            Column(self.tr("Full name"), lambda p: p.full_name, sort_key=STORED_ORDER, width=230),
            Column(self.tr("Date of birth"), _birth_text, sort_key=_birth_key, width=110),
            Column(self.tr("Gender"), lambda p: labels.gender(p.gender), width=80),
            Column(self.tr("Position"), lambda p: p.position, width=180),
            Column(self.tr("Union group"), lambda p: p.group_name, width=180),
            Column(self.tr("Member"), lambda p: labels.yes_no(p.is_member), sort_key=lambda p: not p.is_member,
                   width=90),
            Column(self.tr("Joined the union"), lambda p: labels.date_text(p.joined_union_on),
                   sort_key=lambda p: _date_key(p.joined_union_on), width=130),
        ], parent)

    def set_people(self, people: list[PersonRow]) -> None:
        self.set_rows(people, [p.search_key for p in people])


class RosterPage(Page):
    topics = frozenset({context.PEOPLE})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name — accents not needed, e.g. nguyen van an"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.count.setStyleSheet("color: #4a5260;")
        self.model = RosterModel(self)
        self.view = make_table(self.model, sortable=True, stretch_column=None)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.hint = note(self.tr("Adding, editing and importing people from Excel come with the roster update; "
                                 "this list shows the people already in the data."))
        self.empty = note(self.tr("No one is on the roster yet."))
        self.empty.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addSpacing(12)
        top.addWidget(self.count, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Members")))
        column.addLayout(top)
        column.addWidget(self.empty)
        column.addWidget(self.view, 1)
        column.addWidget(self.hint)
        QTimer.singleShot(0, self.search.setFocus)

    def load(self) -> None:
        self.fetch(jobs.list_people, self.ctx.db, on_done=self._show)

    def clear(self) -> None:
        self._show([])

    def _show(self, people: list[PersonRow]) -> None:
        self.model.set_people(people)
        self.model.set_filter(self.search.text())
        self.empty.setVisible(self.ctx.db is not None and not people)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("Showing {shown} / {total} people").format(
            shown=vntext.format_number(self.model.shown_count), total=vntext.format_number(self.model.total_count)))

