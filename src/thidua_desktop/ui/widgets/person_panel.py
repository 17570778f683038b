"""A person's record beside the roster: details, the multi-year history of titles and the
initiatives they are an author of.

Later issues add the person's awards as a further section.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import abbreviations, vntext
from thidua_desktop.ui import labels
from thidua_desktop.ui.pages.base import note, subheading
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, fit_rows, make_table


class PersonPanel(QFrame):
    edit_requested = Signal()
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPanel")
        self.setStyleSheet("#personPanel { background: palette(base); border: 1px solid #d5d9e0; border-radius: 6px; }")
        self.person_id: str | None = None
        self.name = subheading()
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(4)
        for key, caption in (
            ("birth", self.tr("Born")),
            ("gender", self.tr("Gender")),
            ("ethnicity", self.tr("Ethnic group")),
            ("position", self.tr("Position")),
            ("group", self.tr("Union group")),
            ("department", self.tr("Department")),
            ("member", self.tr("Union member")),
            ("employed", self.tr("Employed since")),
            ("education", self.tr("Education")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("Email")),
            ("note", self.tr("Note")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label = QLabel(caption)
            caption_label.setStyleSheet("color: #5f6673;")
            form.addRow(caption_label, value)
            self.fields[key] = value
        self.history = RowsModel(
            [
                Column(self.tr("Year"), lambda h: str(h.year), sort_key=STORED_ORDER, width=50),
                Column(
                    self.tr("Title"), lambda h: h.title, tooltip=lambda h: h.detail or abbreviations.explained(h.title)
                ),
                Column(self.tr("Status"), lambda h: labels.history_kind(h.kind), width=90),
            ],
            self,
        )
        self.history_view = make_table(self.history, stretch_column=1)
        self.history_view.setEditTriggers(self.history_view.EditTrigger.NoEditTriggers)
        self.history_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_view.setColumnWidth(2, 90)
        self.no_history = note(self.tr("No title registered or achieved yet."))
        self.initiatives = RowsModel(
            [
                Column(self.tr("Year"), lambda r: str(r.year), sort_key=STORED_ORDER, width=50),
                Column(self.tr("Initiative"), lambda r: r.title, tooltip=self._initiative_tooltip),
                Column(self.tr("Status"), lambda r: labels.initiative_status(r.status), width=110),
            ],
            self,
        )
        self.initiatives_view = make_table(self.initiatives, stretch_column=1)
        self.initiatives_view.setEditTriggers(self.initiatives_view.EditTrigger.NoEditTriggers)
        self.initiatives_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.initiatives_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.initiatives_view.setColumnWidth(2, 110)
        self.no_initiatives = note(self.tr("Not an author of any initiative in the register."))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.leave_button = QPushButton(self.tr("Left work…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.leave_button.clicked.connect(self.leave_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)

        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(6)
        inner.addWidget(self.name)
        inner.addWidget(self.status)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addSpacing(6)
        inner.addWidget(subheading(self.tr("Emulation history")))
        inner.addWidget(self.no_history)
        inner.addWidget(self.history_view)
        inner.addSpacing(6)
        self.initiatives_caption = subheading(self.tr("Initiatives"))
        inner.addWidget(self.initiatives_caption)
        inner.addWidget(self.no_initiatives)
        inner.addWidget(self.initiatives_view)
        inner.addStretch(1)
        self.empty = note(self.tr("Choose a person in the list to see their record and history."))
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(12, 10, 12, 10)
        column.addWidget(self.empty)
        column.addWidget(self.details)
        column.addStretch(1)
        area.setWidget(holder)
        box = QVBoxLayout(self)
        box.setContentsMargins(1, 1, 1, 1)
        box.addWidget(area)
        self.clear()

    def clear(self) -> None:
        self.person_id = None
        self.details.hide()
        self.empty.show()

    def show_person(self, card) -> None:
        """Show a ``PersonCard``."""
        d = card.detail
        self.person_id = d.id
        self.empty.hide()
        self.details.show()
        self.name.setText(d.full_name)
        if d.left_on is not None:
            self.status.setText(self.tr("Left work on {date}").format(date=vntext.format_date(d.left_on)))
            self.status.setStyleSheet("color: #a61b1b;")
        else:
            self.status.setText(self.tr("At work"))
            self.status.setStyleSheet("color: #1e6b3a;")
        self.leave_button.setEnabled(d.left_on is None)
        if d.birth_date is not None:
            born = vntext.format_date(d.birth_date)
        else:
            born = str(d.birth_year) if d.birth_year else ""
        if d.is_member:
            member = labels.yes_no(True)
            if d.joined_union_on is not None:
                member = self.tr("Yes, since {date}").format(date=vntext.format_date(d.joined_union_on))
        else:
            member = labels.yes_no(False)
        values = {
            "birth": born,
            "gender": labels.gender(d.gender),
            "ethnicity": d.ethnicity,
            "position": d.position,
            "group": card.group_name,
            "department": d.department,
            "member": member,
            "employed": labels.date_text(d.employed_since),
            "education": d.education,
            "phone": d.phone,
            "email": d.email,
            "note": d.note,
        }
        for key, label in self.fields.items():
            label.setText(values[key] or "—")
        self.history.set_rows(card.history)
        self.no_history.setVisible(not card.history)
        self.history_view.setVisible(bool(card.history))
        fit_rows(self.history_view, len(card.history))
        rows = list(getattr(card, "initiatives", []))
        self.initiatives.set_rows(rows)
        self.initiatives_caption.setText(
            self.tr("Initiatives ({count})").format(count=len(rows)) if rows else self.tr("Initiatives")
        )
        self.no_initiatives.setVisible(not rows)
        self.initiatives_view.setVisible(bool(rows))
        fit_rows(self.initiatives_view, len(rows))

    def _initiative_tooltip(self, row) -> str:
        parts = [row.title, self.tr("Authors: {authors}").format(authors=row.authors)]
        if row.economic_benefit is not None:
            parts.append(self.tr("Benefit: {amount}").format(amount=vntext.format_vnd(int(row.economic_benefit))))
        if row.decision:
            parts.append(self.tr("Decision: {decision}").format(decision=row.decision))
        return "\n".join(parts)
