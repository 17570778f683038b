"""Titles in full where there is room, a tooltip wherever an abbreviation stays (LĐTT → Lao động tiên
tiến), and the Đăng ký thi đua page readable on a 1366×768 office screen (issue 18, "A guided start")."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui_helpers import (  # noqa: F401 - fixtures
    SCREENS,
    add_people,
    dialogs,
    make_window,
    play_screen,
    today,
    ui_settings,
    vietnamese,
)
from thidua_desktop.core import abbreviations
from thidua_desktop.services import registration
from thidua_desktop.ui import main_window as mw


def test_abbreviations_are_spelled_out():
    assert abbreviations.spell_out("Giấy khen của Ban Chấp hành CĐCS") == "Giấy khen của Ban Chấp hành Công đoàn cơ sở"
    assert abbreviations.spell_out("Cờ thi đua của LĐLĐ tỉnh") == "Cờ thi đua của Liên đoàn Lao động tỉnh"
    assert abbreviations.spell_out("Lao động tiên tiến") is None
    assert (
        abbreviations.explained("Cờ thi đua của UBND tỉnh")
        == "Cờ thi đua của UBND tỉnh\n(Cờ thi đua của Ủy ban nhân dân tỉnh)"
    )
    assert abbreviations.initials("Lao động tiên tiến") == "LĐTT"


@pytest.fixture(params=list(SCREENS))
def small_window(request, qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today, monkeypatch):
    add_people(
        seeded_db,
        [("Phạm Thị", "Hoa"), ("Lê Thị", "Lan"), ("Trần Văn", "Nam")],
        is_member=True,
        employed_since=date(2015, 1, 1),
    )
    registration.register(seeded_db, 2021, "LDTT", everyone=True)
    area = play_screen(monkeypatch, *SCREENS[request.param])
    window = make_window(qtbot, data_paths, size=None)
    window.showNormal()  # maximised on the offscreen platform's own screen: sized as maximised on the one played
    window.setGeometry(area.adjusted(0, 30, 0, 0))
    yield window, request.param
    window.close()


def inside(widget, window) -> bool:
    right = widget.mapTo(window, widget.rect().bottomRight())
    return right.x() <= window.width() and right.y() <= window.height()


def test_individual_titles_are_spelled_out(qtbot, small_window):
    window, screen = small_window
    page = window.show_page(mw.PAGE_REGISTRATION)
    panel = page.individuals
    page.tabs.setCurrentWidget(panel)
    qtbot.wait(10)
    model = panel.model
    column = model.title_column("LDTT")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "LĐTT"
    assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Lao động tiên tiến"
    assert model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) == "Lao động tiên tiến: đã đăng ký"
    other = model.title_column("CSTDCS")
    assert model.data(model.index(0, other), Qt.ItemDataRole.ToolTipRole) == "Chiến sĩ thi đua cơ sở: chưa đăng ký"
    # in full under the table: every abbreviated column
    assert panel.legend.isVisibleTo(panel)
    assert "LĐTT: Lao động tiên tiến" in panel.legend.text()
    assert "CSTĐCS: Chiến sĩ thi đua cơ sở" in panel.legend.text()
    # the columns' headers are not cut
    header = panel.view.horizontalHeader()
    metrics = header.fontMetrics()
    for n in range(4):  # name, group, position, member
        title = model.headerData(n, Qt.Orientation.Horizontal)
        assert panel.view.columnWidth(n) >= metrics.horizontalAdvance(title) + 8, (screen, title)
    # the buttons keep their whole text and lie on the screen
    for button in panel.findChildren(QPushButton):
        if button.isVisibleTo(panel):
            assert button.width() >= button.sizeHint().width(), (screen, button.text())
            assert inside(button, window), (screen, button.text())


def test_collective_lists_are_readable(qtbot, small_window):
    window, screen = small_window
    page = window.show_page(mw.PAGE_REGISTRATION)
    form = page.collective
    page.tabs.setCurrentWidget(form)
    qtbot.wait(10)
    # every movement shows without scrolling the box
    qtbot.wait(20)
    assert form.movements.verticalScrollBar().maximum() == 0, screen
    assert form.movements.spacing() >= 2
    items = [form.titles.item(n) for n in range(form.titles.count())]
    giay_khen = next(i for i in items if i.text() == "Giấy khen của Ban Chấp hành CĐCS")
    assert "Giấy khen của Ban Chấp hành Công đoàn cơ sở" in giay_khen.toolTip()
    figures = form.figures_view.model()
    target = figures.index(0, figures.TARGET)
    assert figures.data(target, Qt.ItemDataRole.ToolTipRole) == figures.data(target)  # cut cells say it whole
    assert inside(form.save_button, window), screen


def test_review_titles_have_their_tooltip(qtbot, small_window):
    window, _screen = small_window
    panel = window.show_page(mw.PAGE_REVIEW).review
    row = SimpleNamespace(title_name="Giấy khen của Ban Chấp hành CĐCS")
    assert panel.model.columns[1].tooltip(row).endswith("(Giấy khen của Ban Chấp hành Công đoàn cơ sở)")
    award = next(c for c in panel.proposals.columns if c.title == "Hình thức khen thưởng")
    assert award.tooltip(SimpleNamespace(award_name="Bằng khen của Ban Chấp hành LĐLĐ tỉnh")).endswith(
        "(Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh)"
    )
