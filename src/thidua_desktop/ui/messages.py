"""Every modal message box of the application goes through these few functions.

One place means one look (title, icon, Vietnamese buttons) and one seam for tests, which
replace these functions to answer dialogs without a person.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def _box(parent, icon, title, text, informative=None, details=None) -> QMessageBox:
    box = QMessageBox(_parent(parent))
    box.setIcon(icon)
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "Emulation manager"))
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    return box


def error(
    parent: QWidget | None,
    text: str,
    *,
    title: str | None = None,
    informative: str | None = None,
    details: str | None = None,
) -> None:
    title = title or QCoreApplication.translate("Messages", "Something went wrong")
    box = _box(parent, QMessageBox.Icon.Warning, title, text, informative, details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def info(parent: QWidget | None, text: str, *, title: str | None = None, informative: str | None = None) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text, informative)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm(
    parent: QWidget | None,
    text: str,
    *,
    title: str | None = None,
    informative: str | None = None,
    yes_text: str | None = None,
    no_text: str | None = None,
) -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text, informative)
    yes_text = yes_text or QCoreApplication.translate("Messages", "Continue")
    no_text = no_text or QCoreApplication.translate("Messages", "Cancel")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose(
    parent: QWidget | None,
    text: str,
    choices: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
    informative: str | None = None,
    details: str | None = None,
    critical: bool = False,
) -> str | None:
    """Ask the user to pick one of ``choices`` (key, button label); the last one is Escape.

    Returns the chosen key (``None`` if the box was closed some other way).
    """
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Question
    box = _box(parent, icon, title, text, informative, details)
    buttons = {}
    for index, (key, label) in enumerate(choices):
        role = QMessageBox.ButtonRole.RejectRole if index == len(choices) - 1 else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(label, role)] = key
    if choices:
        first = next(iter(buttons))
        box.setDefaultButton(first)
        box.setEscapeButton(list(buttons)[-1])
    box.exec()
    return buttons.get(box.clickedButton())


def progress(parent: QWidget | None, text: str) -> QProgressDialog:
    """A busy dialog without a Cancel button, shown at once; the caller closes it."""
    dialog = QProgressDialog(text, "", 0, 0, _parent(parent))
    dialog.setWindowTitle(QCoreApplication.translate("Messages", "Please wait"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    return dialog
