"""Tổng quan for a new unit: the next steps, each with a button that goes there (issue 18, "A guided
start"); the same steps from ``thidua next``; a unit with every step done is shown no guide."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tests.test_cli import thidua
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
from thidua_desktop.services import first_steps, outbox, registration
from thidua_desktop.ui import main_window as mw


def set_up_mail(paths) -> None:
    outbox.save_smtp_settings(
        paths, outbox.SmtpSettings(host="smtp.gmail.com", port=587, user="hoa@gmail.com", from_addr="hoa@gmail.com")
    )


def everything_done(db, paths) -> None:
    add_people(db, [("Phạm Thị", "Hoa"), ("Lê Thị", "Lan")], is_member=True, employed_since=date(2015, 1, 1))
    registration.register(db, 2021, "LDTT", everyone=True)
    info = registration.get_collective(db, 2021)
    registration.save_collective(db, dataclasses.replace(info, signature_content="Mỗi tổ một sáng kiến an toàn"))
    set_up_mail(paths)


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def test_the_service_says_what_is_done(seeded_db, data_paths):
    found = first_steps.first_steps(seeded_db, data_paths, 2021)
    assert [(s.key, s.done) for s in found.steps] == [
        ("roster", False),
        ("plan", True),
        ("registration", False),
        ("mail", False),
    ]
    assert found.next_step.title == "Nhập danh sách đoàn viên"
    assert found.steps[1].detail == "Kế hoạch số 02/KH-LĐLĐ"
    everything_done(seeded_db, data_paths)
    found = first_steps.first_steps(seeded_db, data_paths, 2021)
    assert found.all_done and found.next_step is None and found.people == 2


def test_a_new_unit_sees_the_next_step_not_an_empty_progress(qtbot, window):
    overview = window.overview
    guide = overview.guide
    assert guide.isVisibleTo(overview)
    assert guide.summary.text() == "Đã xong 1/4 bước. Tiếp theo: Nhập danh sách đoàn viên."
    assert [guide.labels[k].text() for k in guide.KEYS][0].startswith("<b>Nhập danh sách đoàn viên</b>")
    assert "Nhập kế hoạch của công đoàn cấp trên — đã xong" in guide.labels["plan"].text()
    assert not guide.buttons["plan"].isVisibleTo(guide)  # done: no button
    for key in ("roster", "registration", "mail"):
        assert guide.buttons[key].isVisibleTo(guide)
    assert "Đăng ký thi đua" in guide.labels["registration"].text()
    assert "Cài đặt gửi thư" in guide.labels["mail"].text()
    # nobody on the roster: no "Hoàn thành 33%" over 0/0 people
    assert not overview.registration.isVisibleTo(overview)
    # the counters come right under the guide, above the plan
    assert overview.tiles_box.isVisibleTo(overview)
    assert overview.tiles_box.y() < overview._content[1].y()
    assert overview.tiles["total"].value.text() == "0"


def test_each_step_button_goes_there(qtbot, window, monkeypatch):
    from thidua_desktop.ui.import_dialog import ImportDialog
    from thidua_desktop.ui.plan_package_dialog import PlanPackageDialog
    from thidua_desktop.ui.signing_dialogs import SmtpDialog

    monkeypatch.setattr(ImportDialog, "choose_file", lambda self: None)
    guide = window.overview.guide

    guide.buttons["registration"].click()
    assert window.stack.currentWidget() is window.page(mw.PAGE_REGISTRATION)

    window.show_page(mw.PAGE_OVERVIEW)
    guide.buttons["roster"].click()
    assert window.stack.currentWidget() is window.page(mw.PAGE_ROSTER)
    dialog = window.page(mw.PAGE_ROSTER).findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

    window.show_page(mw.PAGE_OVERVIEW)
    guide.buttons["mail"].click()
    assert isinstance(window.smtp_dialog, SmtpDialog) and window.smtp_dialog.isVisible()
    window.smtp_dialog.reject()

    # the plan step (its button shows when the year has no plan the documents can cite)
    opened = []
    monkeypatch.setattr(PlanPackageDialog, "open", lambda self: opened.append(self))
    window.open_step("plan")
    assert len(opened) == 1 and isinstance(window.plan_package_dialog, PlanPackageDialog)


def test_the_guide_follows_the_data(qtbot, window, seeded_db, data_paths):
    add_people(seeded_db, [("Phạm Thị", "Hoa")], is_member=True)
    window.ctx.changed("people")
    guide = window.overview.guide
    assert guide.summary.text() == "Đã xong 2/4 bước. Tiếp theo: Đăng ký thi đua."
    assert window.overview.registration.isVisibleTo(window.overview)  # someone to register: the card is back


def test_a_unit_with_everything_done_shows_no_guide(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today
):
    everything_done(seeded_db, data_paths)
    window = make_window(qtbot, data_paths)
    try:
        assert window.overview.guide.steps.all_done
        assert not window.overview.guide.isVisibleTo(window.overview)
    finally:
        window.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_guide_fits_an_office_screen(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today, monkeypatch, screen
):
    area = play_screen(monkeypatch, *SCREENS[screen])
    window = make_window(qtbot, data_paths, size=(area.width(), area.height()))
    try:
        guide = window.overview.guide
        for key in ("roster", "registration", "mail"):
            button = guide.buttons[key]
            assert button.width() >= button.sizeHint().width(), (screen, key)
            assert button.mapTo(window, button.rect().bottomRight()).x() <= window.width()
    finally:
        window.close()


def test_thidua_next_says_the_same(tmp_path):
    folder = str(tmp_path / "data")
    thidua(
        "--data-dir",
        folder,
        "setup",
        "--name",
        "Công đoàn cơ sở Công ty A",
        "--upper-union",
        "LĐLĐ huyện B",
        "--place",
        "B",
        "--chair",
        "Nguyễn Văn A",
    )
    done = thidua("--data-dir", folder, "next")
    assert done.returncode == 0, done.stderr
    assert "[ ] 1. Nhập danh sách đoàn viên" in done.stdout
    assert "[ ] 4. Cài đặt gửi thư" in done.stdout
    assert "Bước tiếp theo: Nhập danh sách đoàn viên: thidua members import" in done.stdout
