"""The app's one error vocabulary: every refusal a user is shown derives from :class:`UserError`.

A ``UserError`` carries ``message``, a plain Vietnamese sentence for the user (never an
exception's text, a path inside the program or a secret); nothing was changed when it is
raised. The GUI's task runner and the ``thidua`` command each catch it in one place and show
``message``; anything else is a bug, logged in ``logs/crash.log``.

The layers keep their own classes (``StoreError``, ``SigningError``, ``SpreadsheetError``…) so
that a caller may catch a narrower kind, but each derives from ``UserError`` and, where it
fits, from one of the kinds below. Standard library only.
"""

from __future__ import annotations

__all__ = ["Conflict", "InvalidInput", "Locked", "NotFound", "UserError"]


class UserError(Exception):
    """A refusal with a Vietnamese message for the user; nothing was changed."""

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(message, *args)
        self._message = message

    @property
    def message(self) -> str:
        return self._message or (str(self.args[0]) if self.args else "")

    @message.setter
    def message(self, value: str) -> None:
        self._message = value


class InvalidInput(UserError):
    """Input that breaks a rule (a value, a file's content)."""


class NotFound(UserError):
    """What was asked for does not exist (a year, a person, a file)."""


class Conflict(UserError):
    """The request clashes with what is already there (a year that exists, a report already sent)."""


class Locked(UserError):
    """The data cannot be changed now (a locked phase, a folder open in another program)."""
