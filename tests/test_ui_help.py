"""The user guide: shipped as Vietnamese HTML, opened from Trợ giúp › Hướng dẫn sử dụng (F1) at its
contents and from the "?" of every page at that page's section, in the program's own window."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.ui import help as user_guide
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.pages.base import Heading

ROOT = Path(__file__).resolve().parent.parent
HELP = ROOT / "resources" / "help"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.charset: str | None = None
        self.anchors: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "meta" and "charset" in attrs:
            self.charset = attrs["charset"]
        for key in ("id", "name"):
            if attrs.get(key) and tag in ("a", "h1", "h2", "h3", "p", "div"):
                self.anchors.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img":
            self.images.append(attrs.get("src", ""))
            assert attrs.get("alt"), f"an image without alt text: {attrs}"
        if tag not in ("meta", "link", "img", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in ("meta", "link", "img", "br"):
            return
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def _read(name: str) -> _Page:
    raw = (HELP / name).read_bytes()
    text = raw.decode("utf-8")  # valid UTF-8, or this raises
    assert "\ufffd" not in text
    page = _Page()
    page.feed(text)
    page.close()
    return page


def test_the_guide_is_shipped_as_vietnamese_utf8_html_with_its_images():
    assert user_guide.guide_path() == HELP / "huong-dan.html"
    assert (HELP / "huong-dan.css").is_file()
    for html in sorted(HELP.glob("*.html")):
        page = _read(html.name)
        assert page.lang == "vi", html.name
        assert (page.charset or "").lower() == "utf-8", html.name
        assert not page.open, f"{html.name}: unclosed {page.open}"
    guide = _read("huong-dan.html")
    for link in guide.links:
        assert not link.startswith(("http:", "https:", "//")), f"the guide needs no external link: {link}"
        target, _, anchor = link.partition("#")
        if target:
            assert (HELP / target).is_file(), link
            if anchor:
                assert anchor in _read(target).anchors, link
        else:
            assert anchor in guide.anchors, link
    assert guide.images, "the first session shows the screenshots"
    for image in guide.images:
        assert (HELP / image).is_file(), image
    # the other help page (app passwords) is linked, not copied
    assert "mat-khau-ung-dung.html" in guide.links
    words = " ".join(guide.text)
    for what in (
        "Cài đặt",
        "USB token",
        "PKCS#11",
        "VNPT-CA",
        "Viettel-CA",
        "FPT-CA",
        "BKAV-CA",
        "dấu vân tay",
        "Năm ghi 2 chữ số",
        "Dòng trùng",
        "%APPDATA%\\thidua_desktop",
        "portable.txt",
        "Tổng hợp",
        "Hỏi – đáp",
        "Tên sáng kiến",
        "Họ và tên",
        "Releases",
    ):
        assert what in words, what


def test_every_page_of_the_window_maps_to_a_section_of_the_guide():
    anchors = _read("huong-dan.html").anchors
    assert user_guide.CONTENTS in anchors
    classes = [name for _module, name in mw._PAGE_CLASSES]
    for name in classes:
        assert name in user_guide.PAGE_SECTIONS, f"{name} has no section in ui/help.py PAGE_SECTIONS"
    for name, section in user_guide.PAGE_SECTIONS.items():
        assert section in anchors, f"{name} → #{section} is not in huong-dan.html"
    assert user_guide.section_of("NoSuchPage") == user_guide.CONTENTS


@pytest.fixture
def shown(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(user_guide, "_show", lambda url, parent: urls.append(QUrl(url)))
    return urls


def test_help_menu_and_the_question_mark_of_each_page_open_the_guide(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today, shown
):
    window = make_window(qtbot, data_paths)
    action = window.guide_action
    assert action.text().replace("&", "") == "Hướng dẫn sử dụng"
    assert action in window.menuBar().actions()[-1].menu().actions()  # Trợ giúp, the last menu
    assert window.menuBar().actions()[-1].text().replace("&", "") == "Trợ giúp"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    assert len(shown) == 1
    assert shown[0].toLocalFile() == str(user_guide.guide_path())
    assert shown[0].fragment() == user_guide.CONTENTS

    for number, (_module, name) in enumerate(mw._PAGE_CLASSES):
        page = window.page(number)
        headings = [h for h in page.findChildren(Heading)]
        assert len(headings) == 1, f"{name}: {len(headings)} headings"
        button = headings[0].help_button
        assert button.text() == "?"
        assert button.toolTip() == "Trợ giúp về trang này"
        shown.clear()
        button.click()
        assert [u.fragment() for u in shown] == [user_guide.PAGE_SECTIONS[name]], name
        assert shown[0].toLocalFile() == str(user_guide.guide_path())

    # the "?" shown on a page lies inside its heading, at its right end
    page = window.show_page(mw.PAGE_ROSTER)
    qtbot.waitUntil(page.isVisible)
    heading = page.findChildren(Heading)[0]
    button = heading.help_button
    assert button.isVisibleTo(window)
    assert heading.rect().contains(button.geometry())
    assert button.geometry().right() >= heading.width() - 2


def test_the_guide_window_opens_at_the_section_offline(qtbot, vietnamese, monkeypatch):
    user_guide.open_guide("ky-so")
    dialog = user_guide._dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Hướng dẫn sử dụng"
    assert dialog.browser.source().toLocalFile() == str(user_guide.guide_path())
    assert dialog.shown_url.fragment() == "ky-so"
    text = dialog.browser.toPlainText()
    assert "Ký số bằng tệp khóa hoặc USB token" in text
    qtbot.waitUntil(lambda: dialog.browser.verticalScrollBar().value() > 0)  # scrolled to the section
    first = dialog.browser.verticalScrollBar().value()

    # the same window, at another section; Mục lục goes back to the top
    user_guide.open_guide("hoi-dap")
    assert user_guide._dialog is dialog
    qtbot.waitUntil(lambda: dialog.browser.verticalScrollBar().value() > first)
    dialog.contents_button.click()
    qtbot.waitUntil(lambda: dialog.browser.verticalScrollBar().value() < first)
    assert [b.text() for b in (dialog.back_button, dialog.contents_button, dialog.browser_button)] == [
        "Quay lại",
        "Mục lục",
        "Mở bằng trình duyệt web",
    ]

    # the page about app passwords opens in the same window (a local file, no network)
    dialog.browser.setSource(QUrl.fromLocalFile(str(HELP / "mat-khau-ung-dung.html")))
    assert "mật khẩu ứng dụng" in dialog.browser.toPlainText()
    assert dialog.back_button.isEnabled()

    opened: list[QUrl] = []
    monkeypatch.setattr(user_guide, "_open_in_browser", lambda url: opened.append(url) or True)
    dialog.browser_button.click()
    assert opened and opened[0].isLocalFile()
    dialog.close()
