"""The user guide (Trợ giúp › Hướng dẫn sử dụng, F1, and the "?" beside every page's heading).

The guide is plain HTML shipped with the program (``resources/help/huong-dan.html``, its CSS and
the screenshots in ``resources/help/anh/``; the PyInstaller bundle carries all of ``resources/``).
It is shown in a small window of the program's own (:class:`GuideDialog`, a ``QTextBrowser``), not in
the system browser: it works offline, opens at the section asked for (Windows drops the ``#anchor``
of a local file handed to the browser) and follows the guide's links to its other pages
(``mat-khau-ung-dung.html``). A button there opens the same file in the web browser, to print it.

Which section each page opens is :data:`PAGE_SECTIONS`, by the page's class name; a page not
listed opens the table of contents. Tests replace :func:`_show` to see what would be opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from thidua_desktop.paths import resources_dir
from thidua_desktop.ui.widgets import screen_fit

GUIDE_FILE = "huong-dan.html"
CONTENTS = "muc-luc"  # the table of contents, at the top of the guide

# Page class → the anchor of its section in huong-dan.html (tests check each anchor exists).
PAGE_SECTIONS: dict[str, str] = {
    "OverviewPage": "tong-quan",
    "UnitPage": "don-vi",
    "RosterPage": "doan-vien",
    "RegistrationPage": "dang-ky",
    "InitiativesPage": "sang-kien",
    "PhasesPage": "so-ket-tong-ket",
    "ReviewPage": "binh-xet",
    "DocumentsPage": "van-ban",
    "UpperPage": "cap-tren",
}


def help_dir() -> Path:
    return resources_dir() / "help"


def guide_path() -> Path:
    return help_dir() / GUIDE_FILE


def section_of(page: QWidget | type | str | None) -> str:
    """The guide's section for a page (a page, its class or its class name); the contents otherwise."""
    if page is None:
        return CONTENTS
    name = page if isinstance(page, str) else (page.__name__ if isinstance(page, type) else type(page).__name__)
    return PAGE_SECTIONS.get(name, CONTENTS)


def guide_url(section: str | None = None) -> QUrl:
    """``file:///…/huong-dan.html#section``."""
    url = QUrl.fromLocalFile(str(guide_path()))
    if section:
        url.setFragment(section)
    return url


def open_guide(section: str | None = None, parent: QWidget | None = None) -> None:
    """Show the guide at ``section`` (the table of contents when None)."""
    _show(guide_url(section or CONTENTS), parent)


def open_for_page(page: QWidget, parent: QWidget | None = None) -> None:
    """The "?" of a page: the guide at that page's section."""
    open_guide(section_of(page), parent if parent is not None else page.window())


_dialog: GuideDialog | None = None


def _show(url: QUrl, parent: QWidget | None) -> None:
    """Open (or bring back) the one guide window at ``url``."""
    global _dialog
    if _dialog is None or _dialog.parentWidget() is not (parent.window() if parent is not None else None):
        if _dialog is not None:
            _dialog.deleteLater()
        _dialog = GuideDialog(parent.window() if parent is not None else None)
        _dialog.destroyed.connect(_forget)
    _dialog.show()
    _dialog.show_url(url)
    _dialog.raise_()
    _dialog.activateWindow()


def _forget(*_args) -> None:
    global _dialog
    _dialog = None


def _open_in_browser(url: QUrl) -> bool:
    """Hand the guide's file to the web browser (to print it); tests replace it."""
    return QDesktopServices.openUrl(url)


class GuideDialog(QDialog):
    """The guide in a window of its own: back, contents, open in the web browser, close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)  # an http(s) link goes to the web browser; files stay here
        self.browser.setSearchPaths([str(help_dir())])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.back_button = self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.contents_button = self.buttons.addButton(self.tr("Contents"), QDialogButtonBox.ButtonRole.ActionRole)
        self.browser_button = self.buttons.addButton(
            self.tr("Open in the web browser"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.browser_button.setToolTip(self.tr("The same guide in the web browser, for printing"))
        self.back_button.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.clicked.connect(self.browser.backward)
        self.contents_button.clicked.connect(lambda: self.show_url(guide_url(CONTENTS)))
        self.browser_button.clicked.connect(lambda: _open_in_browser(self.browser.source()))
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(self.browser, 1)
        box.addWidget(self.buttons)
        self.shown_url = QUrl()
        screen_fit.fit_dialog(self, (900, 680))

    def show_url(self, url: QUrl) -> None:
        """Show the page of ``url`` scrolled to its fragment (``setSource`` alone does not scroll
        when the page is already shown)."""
        page = QUrl(url)
        page.setFragment(None)
        current = QUrl(self.browser.source())
        current.setFragment(None)
        if current != page:
            self.browser.setSource(url)
        self.shown_url = QUrl(url)
        if url.fragment():
            anchor = url.fragment()
            self.browser.scrollToAnchor(anchor)
            QTimer.singleShot(0, lambda: self.browser.scrollToAnchor(anchor))  # once the page is laid out
