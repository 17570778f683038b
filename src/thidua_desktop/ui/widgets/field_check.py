"""A line edit checked where it is typed: when the user leaves it (and again as they correct it),
a red frame and one plain message under the field; ``problem()`` for the Save or Next button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from thidua_desktop.core import field_checks

ERROR_COLOR = "#a61b1b"


class FieldCheck(QObject):
    """``check(text)`` gives the message to show for ``edit``'s text, or None when it is right."""

    changed = Signal()  # the field's verdict changed

    def __init__(self, edit: QLineEdit, check: Callable[[str], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self.check = check
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.box = QWidget()
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(self.message)
        self._shown = False  # the message shows once the user has left the field (or pressed Save)
        self._last: str | None = None
        edit.editingFinished.connect(self.show_verdict)
        edit.textChanged.connect(self._typed)

    def problem(self) -> str | None:
        return self.check(self.edit.text())

    def show_verdict(self) -> str | None:
        """Show what is wrong with the field now (nothing when it is right); return it."""
        self._shown = True
        problem = self.problem()
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; }}" if problem else "")
        if problem != self._last:
            self._last = problem
            self.changed.emit()
        return problem

    def _typed(self) -> None:
        if self._shown:
            self.show_verdict()  # as they correct it: the message goes the moment it is right
        elif self.problem() != self._last:
            self._last = self.problem()
            self.changed.emit()

    def reset(self) -> None:
        self._shown = False
        self._last = None
        self.message.hide()
        self.edit.setStyleSheet("")


def first_problem(checks: list[FieldCheck]) -> FieldCheck | None:
    """Show every field's verdict; the first field that is wrong gets the focus and is returned."""
    wrong = [c for c in checks if c.show_verdict()]
    if wrong:
        wrong[0].edit.setFocus()
        return wrong[0]
    return None


def email_check(edit: QLineEdit, message: str) -> FieldCheck:
    """``message`` (with ``{text}``) when the field holds something that is not one email address."""
    return FieldCheck(
        edit,
        lambda text: message.format(text=text.strip()) if text.strip() and not field_checks.is_email(text) else None,
    )


def phone_check(edit: QLineEdit, message: str) -> FieldCheck:
    return FieldCheck(
        edit,
        lambda text: message.format(text=text.strip()) if text.strip() and not field_checks.is_phone(text) else None,
    )


def date_check(edit, label: str) -> FieldCheck:
    """A ``widgets.fields.DateField``: its own reading of the text (day/month/year, or a year)."""

    def check(_text: str) -> str | None:
        try:
            edit.parsed()
        except ValueError as exc:
            return f"{label}: {exc}"
        return None

    return FieldCheck(edit, check)
