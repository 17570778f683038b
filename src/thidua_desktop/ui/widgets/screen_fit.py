"""Windows and dialogs that fit the screen they open on (1366×768 and 1024×768 office screens too).

``fit_dialog(dialog)`` is called once from a dialog's ``__init__``; when the dialog is first shown
it is sized from the screen's available geometry (its own size or size hint, at least
``preferred`` where there is room, never more than the screen minus the window frame), placed
inside the screen, and, when its content cannot fit, the content scrolls while the dialog's button
box stays at the bottom, in view. When the content grows later (an error line appearing, a
longer text) the dialog grows with it as far as the screen allows, so a wrapped message is never
cut.

``available_geometry`` is the one place the screen is read (``THIDUA_SCREEN_AREA`` plays another
one); ``fits_preferred`` tells the main window whether its preferred size fits or it should
start maximised.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

# What the window system adds around a window's client area (Windows 10/11 and the common Linux
# desktops: a title bar of up to ~32 px and thin borders); the client area must fit within what is left.
FRAME_LEFT, FRAME_TOP, FRAME_RIGHT, FRAME_BOTTOM = 8, 36, 8, 8
DEFAULT_WIDTH = 560  # a dialog narrower than this wraps its messages into a tall thin column
CONTENT_NAME = "screenFitContent"
SCREEN_AREA = "THIDUA_SCREEN_AREA"


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen area (without task bars) where ``widget`` (or its parent window) opens.

    ``THIDUA_SCREEN_AREA=WIDTHxHEIGHT`` plays another screen (the tests, a look at a small screen)."""
    played = os.environ.get(SCREEN_AREA, "")
    if "x" in played:
        width, height = played.lower().split("x", 1)
        return QRect(0, 0, int(width), int(height))
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def client_area(widget: QWidget | None = None) -> QRect:
    """Where a window's client area can lie so that its frame and title bar stay on the screen too."""
    return available_geometry(widget).adjusted(FRAME_LEFT, FRAME_TOP, -FRAME_RIGHT, -FRAME_BOTTOM)


def fits_preferred(size: QSize, widget: QWidget | None = None) -> bool:
    """Whether a window of ``size`` (client area) fits the screen with its frame."""
    area = client_area(widget)
    return size.width() <= area.width() and size.height() <= area.height()


def fit_dialog(dialog: QDialog, preferred: QSize | tuple[int, int] | None = None) -> None:
    """Size ``dialog`` from the screen when it is first shown, and let it grow with its content."""
    if isinstance(preferred, tuple):
        preferred = QSize(*preferred)
    fitter = dialog.findChild(_Fitter, "screenFitter")
    if fitter is None:
        fitter = _Fitter(dialog)
        dialog.installEventFilter(fitter)
    if preferred is not None:
        fitter.preferred = preferred
    if dialog.isVisible():
        fitter.fit()


def is_scrolled(dialog: QWidget) -> bool:
    """Whether ``fit_dialog`` had to put the dialog's content in a scrolling area."""
    return dialog.findChild(QWidget, CONTENT_NAME) is not None


class _Fitter(QObject):
    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("screenFitter")
        self.dialog = dialog
        self.preferred: QSize | None = None
        self.fitted = False
        self._growing = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.dialog:
            if event.type() == QEvent.Type.Show and not self.fitted:
                self.fit()
            elif event.type() == QEvent.Type.LayoutRequest and self.fitted and not self._growing:
                QTimer.singleShot(0, self, self.grow)
        return False

    # -- the first show ----------------------------------------------------------------------

    def fit(self) -> None:
        dialog = self.dialog
        self.fitted = True
        area = client_area(dialog)
        layout = dialog.layout()
        if layout is not None:
            layout.activate()
        wanted = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
            wanted = wanted.expandedTo(dialog.size())
        wanted = wanted.expandedTo(self.preferred or QSize(DEFAULT_WIDTH, 0))
        width = min(wanted.width(), area.width())
        height = max(wanted.height(), self._height_for(width))
        minimum = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if (
            height > area.height() or minimum.width() > area.width() or minimum.height() > area.height()
        ) and not isinstance(dialog, QWizard):
            self._scroll_content()
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(area.size()))
        dialog.resize(width, min(height, area.height()))
        self._place(area)
        QTimer.singleShot(0, self, self.grow)  # once laid out: no wrapped text left short of its lines

    def _height_for(self, width: int) -> int:
        layout = self.dialog.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return 0

    def _scroll_content(self) -> None:
        """Move the dialog's content into a scrolling area; its button boxes stay below, in view."""
        dialog = self.dialog
        layout = dialog.layout()
        if layout is None or is_scrolled(dialog):
            return
        buttons = []
        for n in reversed(range(layout.count())):
            widget = layout.itemAt(n).widget()
            if isinstance(widget, QDialogButtonBox):
                layout.removeWidget(widget)
                buttons.insert(0, widget)
        margins = layout.contentsMargins()
        content = QWidget()
        content.setObjectName(CONTENT_NAME)
        content.setLayout(layout)  # takes the layout, and the widgets in it, from the dialog
        area = QScrollArea(dialog)
        area.setObjectName("screenFitScroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        outer = QVBoxLayout(dialog)
        outer.setContentsMargins(0, 0, 0, margins.bottom())
        outer.setSpacing(layout.spacing() if layout.spacing() >= 0 else 6)
        outer.addWidget(area, 1)
        for box in buttons:
            row = QVBoxLayout()
            row.setContentsMargins(margins.left(), 0, margins.right(), 0)
            row.addWidget(box)
            outer.addLayout(row)

    def _place(self, area: QRect) -> None:
        """Over the parent window's middle (where Qt puts it), moved inside the screen."""
        dialog = self.dialog
        frame = dialog.geometry()
        parent = dialog.parentWidget()
        centre = parent.window().geometry().center() if parent is not None else area.center()
        frame.moveCenter(centre)
        x = max(area.left(), min(frame.left(), area.right() - frame.width() + 1))
        y = max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1))
        dialog.move(x, y)

    # -- later growth ------------------------------------------------------------------------

    def _unclip_labels(self) -> None:
        """A wrapped text beside other widgets (a form, a row with a button) may get fewer lines than
        it needs: Qt's layouts do not all ask a label its height for its width. Such a label is given
        the height it needs, and the dialog grows to hold it."""
        layout = self.dialog.layout()
        if layout is not None:
            layout.activate()
        for label in self.dialog.findChildren(QLabel):
            if not label.wordWrap() or not label.isVisibleTo(self.dialog) or label.window() is not self.dialog:
                continue
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                label.setMinimumHeight(needed)

    def grow(self) -> None:
        """The content asks for more room than it has (a message appeared): take it, up to the screen."""
        dialog = self.dialog
        if not dialog.isVisible() or dialog.layout() is None:
            return
        self._growing = True
        try:
            self._unclip_labels()
            area = client_area(dialog)
            needed = max(dialog.layout().totalMinimumSize().height(), self._height_for(dialog.width()))
            if needed <= dialog.height():
                return
            if needed > area.height() and not isinstance(dialog, QWizard):
                self._scroll_content()
                needed = area.height()
            dialog.resize(dialog.width(), min(needed, area.height()))
            geometry = dialog.geometry()
            if geometry.bottom() > area.bottom():
                dialog.move(geometry.left(), max(area.top(), area.bottom() - geometry.height() + 1))
        finally:
            self._growing = False
