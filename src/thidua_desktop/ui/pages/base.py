"""What every page has: lazy loading through the worker, a heading, notes and error lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui.context import AppContext


class Page(QWidget):
    """A sidebar page. It loads its data when it is shown and something changed since.

    Subclasses implement :meth:`load` (ask the worker) and react to the topics in
    :attr:`topics` of ``AppContext.data_changed``.
    """

    loaded = Signal()  # the page shows fresh data
    topics: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        ctx.database_changed.connect(self.mark_stale)
        ctx.year_changed.connect(lambda _y: self.mark_stale())
        ctx.data_changed.connect(self._on_data_changed)

    # -- loading -----------------------------------------------------------------------------

    def _on_data_changed(self, topic: str) -> None:
        if topic in self.topics:
            self.mark_stale()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        if self.ctx.db is None:
            self.clear()
            return
        self.load()

    def load(self) -> None:
        """Read and show the page's data; every page overrides this. A page with nothing to read shows nothing."""
        self.clear()

    def clear(self) -> None:
        """Show nothing (no database yet, or no year)."""

    def fetch(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` on the worker; ``on_done`` only if no newer load started meanwhile."""
        generation = self._generation

        def done(result: Any) -> None:
            if generation == self._generation:
                on_done(result)
                self.loaded.emit()

        self.ctx.tasks.run(fn, *args, on_done=done, on_error=on_error, owner=self)


# --- building blocks ------------------------------------------------------------------------


class Heading(QLabel):
    """A page's title with a "?" at its right end that opens the user guide at the page's section
    (``ui.help``: the page is the nearest :class:`Page` holding the heading)."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setObjectName("pageHelp")
        self.help_button.setToolTip(self.tr("Help on this page"))
        self.help_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.help_button.clicked.connect(self.open_help)
        hint = self.help_button.sizeHint()
        self.setContentsMargins(0, 0, hint.width() + 8, 0)
        self.setMinimumHeight(hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        hint = self.help_button.sizeHint()
        self.help_button.setGeometry(self.width() - hint.width(), 0, hint.width(), hint.height())

    def open_help(self) -> None:
        from thidua_desktop.ui import help as user_guide

        page = self.parentWidget()
        while page is not None and not isinstance(page, Page):
            page = page.parentWidget()
        user_guide.open_guide(user_guide.section_of(page), self.window())


def heading(text: str = "") -> QLabel:
    label = Heading(text)
    font = QFont(label.font())
    plain = QFont()
    plain.setPointSizeF(font.pointSizeF())
    plain.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    label.setFont(font)
    label.help_button.setFont(plain)  # the "?" keeps the ordinary size
    label.setObjectName("pageHeading")
    label.setWordWrap(True)
    return label


def subheading(text: str = "") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note(text: str = "") -> QLabel:
    """A discreet line: what is not there yet, where to find things."""
    label = QLabel(text)
    label.setObjectName("note")
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6673; font-style: italic;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ErrorLine(QLabel):
    """A red message shown next to what it is about; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLine")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "QLabel { color: #a61b1b; background: #fdecea; border: 1px solid #f5c2c0;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


class SuccessLine(ErrorLine):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("successLine")
        self.setStyleSheet(
            "QLabel { color: #1e6b3a; background: #e8f5ec; border: 1px solid #b9dfc6;"
            " border-radius: 4px; padding: 6px 8px; }"
        )


def card(*widgets: QWidget, layout: str = "v") -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet("#card { background: palette(base); border: 1px solid #d5d9e0; border-radius: 6px; }")
    box = QVBoxLayout(frame) if layout == "v" else QHBoxLayout(frame)
    box.setContentsMargins(14, 12, 14, 12)
    box.setSpacing(6)
    for widget in widgets:
        box.addWidget(widget)
    return frame


def scroll_page(page: QWidget, content_widgets: Iterable[QWidget | None], *, stretch: bool = True) -> QVBoxLayout:
    """Put ``content_widgets`` in a scrolling column filling ``page``; return the column layout."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(20, 16, 20, 16)
    column.setSpacing(12)
    for widget in content_widgets:
        if widget is not None:
            column.addWidget(widget)
    if stretch:
        column.addStretch(1)
    area.setWidget(inner)
    outer.addWidget(area)
    return column


def fixed_height(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget
