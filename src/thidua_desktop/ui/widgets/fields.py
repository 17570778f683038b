"""Small input widgets the forms share: a date that may be left empty, a code combo."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QLineEdit, QWidget

from thidua_desktop.core import vntext

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DATE_FORMAT = "dd/MM/yyyy"
_YEAR_RE = re.compile(r"\d{4}")


class DateField(QLineEdit):
    """A day/month/year typed as text, which may stay empty (QDateEdit cannot be empty).

    With ``allow_year`` a year alone is accepted too (a birth year without the day).
    """

    def __init__(self, value: date | None = None, *, allow_year: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_year = allow_year
        self.setPlaceholderText(self.tr("dd/mm/yyyy or the year") if allow_year else self.tr("dd/mm/yyyy"))
        self.setMaximumWidth(170)
        self.set_value(value)

    def set_value(self, value: date | None, year: int | None = None) -> None:
        if value is not None:
            self.setText(vntext.format_date(value))
        elif year is not None and self.allow_year:
            self.setText(str(year))
        else:
            self.clear()

    def parsed(self) -> tuple[date | None, int | None]:
        """(date, year) as typed; raises ``ValueError`` with a message to show."""
        text = self.text().strip()
        if not text:
            return None, None
        if self.allow_year and _YEAR_RE.fullmatch(text):
            return None, int(text)
        try:
            value = vntext.parse_date(text)
        except ValueError:
            if self.allow_year:
                raise ValueError(
                    self.tr("“{text}” is not a date: write day/month/year, e.g. 05/03/1987, or the year alone.").format(
                        text=text
                    )
                ) from None
            raise ValueError(
                self.tr("“{text}” is not a date: write day/month/year, e.g. 05/03/1987.").format(text=text)
            ) from None
        return value, value.year

    def date_value(self) -> date | None:
        return self.parsed()[0]


def date_edit(value: date | None = None) -> QDateEdit:
    """A required date with a calendar, shown day/month/year."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(130)
    if value is not None:
        set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def edit_value(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class CodeCombo(QComboBox):
    """A combo of (code, text) items; ``code()`` is the chosen code."""

    def set_items(self, items: list[tuple[object, str]], current: object = None) -> None:
        self.blockSignals(True)
        self.clear()
        for code, text in items:
            self.addItem(text, code)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)

    def code(self):
        return self.currentData()

    def select_code(self, code: object) -> bool:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class _EnterStays(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.key() not in ENTER_KEYS:
            return False
        # the field's own Enter (its key handler would pass it on to the dialog's default button)
        if isinstance(watched, QLineEdit):
            watched.returnPressed.emit()
        elif isinstance(watched, QAbstractItemView) and watched.currentIndex().isValid():
            watched.activated.emit(watched.currentIndex())
        return True


def enter_stays(*widgets: QWidget) -> None:
    """Enter in a search or list field does that field's action, never the dialog's default button.

    A line edit or an item view passes Enter on to its dialog once it has emitted ``returnPressed``
    (``activated``): "type a name and press Enter to add" would also save and close the dialog."""
    for widget in widgets:
        keeper = _EnterStays(widget)
        widget.installEventFilter(keeper)
