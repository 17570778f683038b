"""Fixtures and helpers shared by the GUI tests (test_ui_*.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from thidua_desktop.ui import i18n, messages, settings


@dataclass
class DialogLog:
    """Stands in for every message box: records what the user would have seen, answers as told."""

    confirm_answer: bool = True
    choose_answers: list[str | None] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]

    def last(self, kind: str) -> dict[str, Any]:
        for k, call in reversed(self.calls):
            if k == kind:
                return call
        raise AssertionError(f"no {kind} dialog was shown; shown: {self.calls}")

    def texts(self) -> str:
        return "\n".join(f"{call.get('text', '')} {call.get('informative', '')}" for _, call in self.calls)


class _Progress:
    def __init__(self) -> None:
        self.closed = False
        self.values: list[int] = []
        self.labels: list[str] = []

    def setRange(self, _low: int, _high: int) -> None:  # noqa: N802 - Qt's name
        pass

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt's name
        self.values.append(value)

    def setLabelText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.labels.append(text)

    def close(self) -> None:
        self.closed = True

    def deleteLater(self) -> None:  # noqa: N802 - Qt's name
        pass


@pytest.fixture
def dialogs(monkeypatch) -> DialogLog:
    log = DialogLog()

    def error(parent, text, *, title=None, informative=None, details=None):
        log.calls.append(("error", {"text": text, "title": title, "informative": informative, "details": details}))

    def info(parent, text, *, title=None, informative=None):
        log.calls.append(("info", {"text": text, "title": title, "informative": informative}))

    def confirm(parent, text, *, title=None, informative=None, yes_text=None, no_text=None):
        log.calls.append(("confirm", {"text": text, "informative": informative}))
        return log.confirm_answer

    def choose(parent, text, choices, *, title=None, informative=None, details=None, critical=False):
        log.calls.append(("choose", {"text": text, "choices": [k for k, _ in choices], "informative": informative}))
        return log.choose_answers.pop(0) if log.choose_answers else choices[-1][0]

    def progress(parent, text):
        dialog = _Progress()
        log.calls.append(("progress", {"text": text, "dialog": dialog}))
        return dialog

    monkeypatch.setattr(messages, "error", error)
    monkeypatch.setattr(messages, "info", info)
    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "choose", choose)
    monkeypatch.setattr(messages, "progress", progress)
    return log


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """A data folder holding the demo union's worked 2021 year (built once per module): (paths, year)."""
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import demo

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    summary = demo.build_demo(paths, current_cycle=False)
    return paths, summary.year


@pytest.fixture
def ui_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield tmp_path / "settings.ini"
    settings.use_file(None)


@pytest.fixture
def vietnamese(qapp):
    i18n.install("vi")
    yield
    i18n.remove()


@pytest.fixture
def english(qapp):
    i18n.install("en")
    yield
    i18n.remove()


@pytest.fixture
def today(monkeypatch):
    """The app sees 30/06/2021: phase 1 ends today, its report is due in 5 days."""
    monkeypatch.setenv("THIDUA_TODAY", "2021-06-30")
    return date(2021, 6, 30)


def make_window(qtbot, paths, *, open_data: bool = True, size: tuple[int, int] | None = (1280, 720)):
    from thidua_desktop.ui.context import AppContext
    from thidua_desktop.ui.main_window import MainWindow
    from thidua_desktop.ui.tasks import TaskManager

    ctx = AppContext(paths, TaskManager(synchronous=True))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    if open_data:
        window.open_data()
    return window


def add_people(db, names: list[tuple[str, str]], **extra) -> None:
    """Put people on the roster of the (only) unit: ``[(family_middle, given_name), ...]``."""
    from sqlalchemy import select

    from thidua_desktop.store.models import Person, Unit

    with db.transaction("kiểm thử") as session:
        unit = session.scalars(select(Unit)).first()
        for family_middle, given_name in names:
            session.add(Person(unit_id=unit.id, family_middle=family_middle, given_name=given_name, **extra))


def type_text(widget, text: str) -> None:
    """Type ``text`` into a widget key by key, Vietnamese letters included.

    ``qtbot.keyClicks`` only knows ASCII (QTest aborts on "ễ"); a Vietnamese keyboard (Unikey)
    delivers each composed letter as a key event carrying its text, which is what this sends.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        key = Qt.Key.Key_Space if char == " " else (ord(char.upper()) if char.isascii() else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


# --- screens ------------------------------------------------------------------------------------

SCREENS = {"1366x768": (1366, 768), "1024x768": (1024, 768)}
TASK_BAR = 40  # the Windows task bar takes this much of the screen's height


def play_screen(monkeypatch, width: int, height: int):
    """Windows and dialogs see a ``width``×``height`` screen with a task bar; returns its available area."""
    from PySide6.QtCore import QRect

    from thidua_desktop.ui.widgets import screen_fit

    monkeypatch.setenv(screen_fit.SCREEN_AREA, f"{width}x{height - TASK_BAR}")
    return QRect(0, 0, width, height - TASK_BAR)


def _global_rect(widget):
    from PySide6.QtCore import QRect

    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _scroller(widget):
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def misfits(window, area) -> list[str]:
    """What of ``window`` a user could not see on a screen whose available area is ``area``: a button
    outside it (one in a scrolling area counts where the area is), a label whose text is cut."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    if not area.contains(_global_rect(window)):
        found.append(f"{type(window).__name__} {_global_rect(window)} is off the screen {area}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        holder = _scroller(button)
        rect = _global_rect(holder.viewport() if holder is not None else button)
        if not area.contains(rect):
            found.append(f"button {button.text()!r} at {_global_rect(button)} is off the screen {area}")
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or label.window() is not window or not label.text().strip():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"label {label.text()[:60]!r} needs {needed} px of height, has {label.height()}")
        elif label.pixmap().isNull() and label.sizeHint().width() > label.width() + 1:
            found.append(f"label {label.text()[:60]!r} needs {label.sizeHint().width()} px, has {label.width()}")
    return found
