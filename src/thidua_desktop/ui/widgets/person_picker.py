"""Pick a person from the roster by typing part of the name (accents not needed).

The people are given once (``set_people``); each keystroke filters their precomputed search
keys in Python (``table.match_rows``, the roster page's rule) and shows the first matches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui.widgets.fields import enter_stays
from thidua_desktop.ui.widgets.table import match_rows, query_tokens

MAX_SHOWN = 60
_PERSON = Qt.ItemDataRole.UserRole


def describe(person) -> str:
    """ "Phạm Thị Hoa — Tổ may 1, Chủ tịch CĐCS, 1979": enough to tell namesakes apart."""
    parts = [p for p in (person.group_name, person.position) if p]
    if person.birth_date is not None:
        parts.append(vntext.format_date(person.birth_date))
    elif person.birth_year:
        parts.append(str(person.birth_year))
    return f"{person.full_name} — {', '.join(parts)}" if parts else person.full_name


class PersonPicker(QWidget):
    """A search box over the roster and the matching people; Enter or a double-click picks."""

    picked = Signal(object)  # the PersonRow chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list = []
        self._keys: list[str] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, e.g. pham thi hoa"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.pick_current)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.results.itemActivated.connect(lambda _item: self.pick_current())
        self.results.itemDoubleClicked.connect(lambda _item: self.pick_current())
        enter_stays(self.search, self.results)
        self.count = QLabel()
        self.count.setStyleSheet("color: #5f6673;")
        self.count.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.search)
        box.addWidget(self.results, 1)
        box.addWidget(self.count)

    def set_people(self, people: list) -> None:
        self._people = list(people)
        self._keys = [p.search_key for p in self._people]
        self._filter(self.search.text())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Up and down in the search box move through the results.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
            return
        super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        self.results.clear()
        tokens = query_tokens(text)
        if not tokens:
            self.count.setText(self.tr("Type part of a name to find a person on the roster."))
            return
        found = match_rows(list(range(len(self._people))), self._keys, tokens)
        for i in found[:MAX_SHOWN]:
            person = self._people[i]
            item = QListWidgetItem(describe(person))
            if person.left_on is not None:
                item.setText(self.tr("{person} (left work)").format(person=describe(person)))
                item.setForeground(Qt.GlobalColor.darkGray)
            item.setData(_PERSON, person)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        if not found:
            self.count.setText(
                self.tr(
                    "No one on the roster matches. An author from outside the union is added with “Add an outsider”."
                )
            )
        elif len(found) > MAX_SHOWN:
            self.count.setText(
                self.tr("{shown} of {count} people shown: type more of the name.").format(
                    shown=MAX_SHOWN, count=vntext.format_number(len(found))
                )
            )
        else:
            self.count.setText(self.tr("{count} found: double-click or press Enter to add.").format(count=len(found)))

    def current_person(self):
        item = self.results.currentItem()
        return item.data(_PERSON) if item is not None else None

    def shown_people(self) -> list:
        return [self.results.item(n).data(_PERSON) for n in range(self.results.count())]

    def pick_current(self) -> None:
        person = self.current_person()
        if person is not None:
            self.picked.emit(person)
            self.search.clear()
