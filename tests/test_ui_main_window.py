"""The main window on a set-up data folder: pages, year selector, edits, search."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tests.ui_helpers import (  # noqa: F401 - fixtures
    add_people,
    dialogs,
    make_window,
    today,
    type_text,
    ui_settings,
    vietnamese,
)
from thidua_desktop.services import year as year_service
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def test_every_sidebar_page_shows_the_year(qtbot, window):
    assert window.page_titles() == [
        "Tổng quan",
        "Đơn vị",
        "Đoàn viên",
        "Đăng ký thi đua",
        "Sáng kiến",
        "Sơ kết – Tổng kết",
        "Bình xét – Khen thưởng",
        "Văn bản & gửi",
    ]
    assert window.ctx.year == 2021
    overview = window.overview
    assert overview.title.text() == "Năm thi đua 2021"
    assert "02/KH-LĐLĐ" in overview.plan_line.text() and "20/01/2021" in overview.plan_line.text()
    assert "Đang trong Đợt 1" in overview.phase_now.text()
    assert "05/07/2021" in overview.next_due.text() and "Còn 5 ngày" in overview.next_due.text()
    assert overview.events.total_count >= 10
    texts = [overview.events.data(overview.events.index(r, 1)) for r in range(overview.events.rowCount())]
    assert "Hạn gửi báo cáo sơ kết Đợt 1" in texts and "Hạn gửi đăng ký thi đua" in texts

    unit = window.show_page(mw.PAGE_UNIT)
    assert unit.form.name.text() == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert unit.preview.upper.text() == "LĐLĐ HUYỆN GIA VIỄN"
    assert unit.preview.issuer.text() == "CĐCS CÔNG TY TNHH MAY HOA LƯ"
    assert unit.preview.number.text() == "Số: …/BC-CĐCS"
    assert unit.preview.place_date.text() == "Gia Viễn, ngày 30 tháng 6 năm 2021"

    roster = window.show_page(mw.PAGE_ROSTER)
    assert roster.count.text() == "Hiển thị 0 / 0 người"

    registration = window.show_page(mw.PAGE_REGISTRATION)
    assert registration.movements.total_count > 5
    assert registration.indicators.total_count > 20
    assert registration.titles.total_count > 10
    assert registration.rules.model.total_count >= 5
    upper_only = next(
        n for n in range(registration.indicators.rowCount()) if "cdcs" not in registration.indicators.row_at(n).levels
    )
    tip = registration.indicators.data(registration.indicators.index(upper_only, 1), Qt.ItemDataRole.ToolTipRole)
    assert "công đoàn cấp trên" in tip
    assert (
        registration.indicators.data(registration.indicators.index(upper_only, 0), Qt.ItemDataRole.ForegroundRole)
        is not None
    )

    initiatives = window.show_page(mw.PAGE_INITIATIVES)
    assert {r.key for r in initiatives.thresholds.model.rows()} >= {"ldst_threshold_worker_one_year"}
    assert all(r.key.startswith("ldst_") for r in initiatives.thresholds.model.rows())
    assert initiatives.indicators.total_count >= 1

    phases = window.show_page(mw.PAGE_PHASES)
    assert phases.model.total_count == 2
    assert phases.model.data(phases.model.index(0, 3)) == "05/07/2021"
    assert phases.model.data(phases.model.index(0, 5)) == "Báo cáo: Còn 5 ngày"

    documents = window.show_page(mw.PAGE_DOCUMENTS)
    assert "ldld.giavien@example.vn" in documents.recipient.text()
    assert documents.backups.total_count >= 1, "opening takes an automatic backup"
    assert str(window.ctx.paths.root) in window.folder_label.text()


def test_year_selector_lists_years_and_switches(qtbot, window, dialogs):
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2021"]
    window.copy_year_action.trigger()
    assert dialogs.last("confirm")["text"] == "Sao chép kế hoạch năm 2021 sang năm 2022?"
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2021", "2022"]
    assert window.ctx.year == 2022
    assert window.overview.title.text() == "Năm thi đua 2022"

    phases = window.show_page(mw.PAGE_PHASES)
    assert phases.model.data(phases.model.index(0, 3)) == "05/07/2022"
    window.select_year(2021)
    assert window.ctx.year == 2021
    assert phases.model.data(phases.model.index(0, 3)) == "05/07/2021"
    window.show_page(mw.PAGE_OVERVIEW)
    assert window.overview.title.text() == "Năm thi đua 2021"


def test_new_year_from_a_template(qtbot, window):
    window.new_year_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "new_year_dialog", None) is not None)
    dialog = window.new_year_dialog
    assert dialog.year.value() == 2022
    assert dialog.chooser.copy.isChecked(), "with a year already there, copying it is offered first"
    dialog.chooser.standard.setChecked(True)
    dialog.year.setValue(2021)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "2021 đã có" in dialog.error.text(), "an existing year is refused in the dialog"
    dialog.year.setValue(2023)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2021", "2023"]
    assert window.ctx.year == 2023
    assert "Năm thi đua 2023" == window.overview.title.text()


def test_new_year_by_copying_cites_nothing_and_the_package_choice_opens_its_dialog(qtbot, window, seeded_db):
    window.new_year_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "new_year_dialog", None) is not None)
    dialog = window.new_year_dialog
    assert dialog.chooser.copy.isChecked() and dialog.chooser.copy_source() == 2021
    dialog.year.setValue(2022)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.ctx.year == 2022)
    d = year_service.get_year(window.ctx.db, 2022)
    assert d.plan_source == "copy" and not d.has_plan_citation

    window.new_year_dialog = None
    window.new_year_action.trigger()
    qtbot.waitUntil(lambda: window.new_year_dialog is not None)
    dialog = window.new_year_dialog
    dialog.chooser.package.setChecked(True)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Chọn tệp gói kế hoạch…"
    ok.click()
    qtbot.waitUntil(lambda: getattr(window, "plan_package_dialog", None) is not None)
    assert not dialog.isVisible()
    window.plan_package_dialog.reject()


def test_roster_search_filters_as_you_type(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese):
    add_people(
        seeded_db,
        [("Nguyễn Văn", "An"), ("Đặng Quốc", "Hưng"), ("Trần Thị", "Tuấn"), ("Lê Văn", "Dũng")],
        gender="M",
        birth_date=date(1990, 5, 4),
    )
    window = make_window(qtbot, data_paths)
    page = window.show_page(mw.PAGE_ROSTER)
    model = page.model
    assert model.total_count == 4
    assert page.count.text() == "Hiển thị 4 / 4 người"
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == ["Nguyễn Văn An", "Lê Văn Dũng", "Đặng Quốc Hưng", "Trần Thị Tuấn"], "stored Vietnamese order"
    assert model.data(model.index(0, 1)) == "04/05/1990"
    assert model.data(model.index(0, 2)) == "Nam"

    type_text(page.search, "nguyen van an")
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Nguyễn Văn An"]
    assert page.count.text() == "Hiển thị 1 / 4 người"
    page.search.clear()
    type_text(page.search, "dang")
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Đặng Quốc Hưng"]
    page.search.setText("Tuấn")
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Trần Thị Tuấn"]
    page.search.setText("xyz")
    assert model.rowCount() == 0 and page.count.text() == "Hiển thị 0 / 4 người"
    page.search.clear()
    assert model.rowCount() == 4

    page.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Trần Thị Tuấn"
    window.close()


def _rule_row(table, key):
    return table.row_of(key)


def test_rules_edit_saves_and_a_bad_value_changes_nothing(qtbot, window):
    page = window.show_page(mw.PAGE_REGISTRATION)
    rules = page.rules
    page.tabs.setCurrentWidget(rules)
    key = "ldst_threshold_worker_one_year"
    row = rules.row_of(key)
    index = rules.model.index(row, 1)
    assert rules.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert rules.model.data(index, Qt.ItemDataRole.EditRole) == "80.000.000"

    rules.model.setData(index, "90.000.000")
    assert "Đã lưu" in rules.success.text()
    assert rules.model.data(rules.model.index(rules.row_of(key), 1)) == "90.000.000"
    stored = {r.key: r.value for r in year_service.get_year(window.ctx.db, 2021).rules}
    assert stored[key] == Decimal("90000000")

    for bad in ("chín mươi", "-5"):
        rules.model.setData(rules.model.index(rules.row_of(key), 1), bad)
        assert rules.error.isVisibleTo(page) and rules.error.text(), bad
        stored = {r.key: r.value for r in year_service.get_year(window.ctx.db, 2021).rules}
        assert stored[key] == Decimal("90000000"), f"{bad!r} must change nothing"
        assert rules.model.data(rules.model.index(rules.row_of(key), 1)) == "90.000.000"
    assert "không được âm" in rules.error.text()

    initiatives = window.show_page(mw.PAGE_INITIATIVES)
    thresholds = initiatives.thresholds.model
    assert thresholds.data(thresholds.index(initiatives.thresholds.row_of(key), 1)) == "90.000.000"


def test_phase_dates_are_edited_in_a_dialog(qtbot, window):
    page = window.show_page(mw.PAGE_PHASES)
    dialog = page.edit_phase(1)
    assert dialog.isVisible() and dialog.start.displayFormat() == "dd/MM/yyyy"
    dialog.end.setDate(QDate(2021, 1, 1))
    dialog.start.setDate(QDate(2021, 3, 1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible(), "a refused change keeps the dialog open"
    assert "Ngày bắt đầu đợt phải trước ngày kết thúc" in dialog.error.text()

    dialog.start.setDate(QDate(2021, 1, 1))
    dialog.end.setDate(QDate(2021, 6, 25))
    dialog.report_due.setDate(QDate(2021, 7, 2))
    dialog.lock_date.setDate(QDate(2021, 7, 12))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert "Đã lưu" in page.saved.text()
    assert page.model.data(page.model.index(0, 2)) == "25/06/2021"
    assert page.model.data(page.model.index(0, 3)) == "02/07/2021"
    phase = year_service.get_year(window.ctx.db, 2021).phases[0]
    assert (phase.end, phase.report_due, phase.lock_date) == (date(2021, 6, 25), date(2021, 7, 2), date(2021, 7, 12))


def test_registration_deadline_is_saved(qtbot, window):
    page = window.show_page(mw.PAGE_PHASES)
    assert not page.save_due.isEnabled()
    page.registration_due.setDate(QDate(2021, 2, 25))
    assert page.save_due.isEnabled()
    qtbot.mouseClick(page.save_due, Qt.MouseButton.LeftButton)
    assert "25/02/2021" in page.due_saved.text()
    assert year_service.get_year(window.ctx.db, 2021).registration_due == date(2021, 2, 25)
    window.show_page(mw.PAGE_OVERVIEW)
    assert "25/02/2021" in window.overview.next_due.text() or any(
        window.overview.events.data(window.overview.events.index(r, 0)) == "25/02/2021"
        for r in range(window.overview.events.rowCount())
    )


def test_unit_profile_save_round_trips(qtbot, window):
    page = window.show_page(mw.PAGE_UNIT)
    assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()
    page.form.name.setText("Công đoàn cơ sở Công ty Cổ phần Xi măng Hệ Dưỡng")
    assert page.preview.issuer.text() == "CĐCS CÔNG TY CỔ PHẦN XI MĂNG HỆ DƯỠNG"
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.form.name.text() == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"

    page.form.name.setText("Công đoàn cơ sở Công ty Cổ phần Xi măng Hệ Dưỡng")
    page.form.deputies.add_button.click()
    page.form.deputies.editors()[-1].setText("Lê Thị Mai")
    page.form.sector.setCurrentIndex(page.form.sector.findData("state"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved.text() == "Đã lưu."
    assert not page.save_button.isEnabled()
    unit = year_service.get_unit(window.ctx.db)
    assert unit.name == "Công đoàn cơ sở Công ty Cổ phần Xi măng Hệ Dưỡng"
    assert [d.full_name for d in unit.deputies] == ["Trần Văn Nam", "Lê Thị Mai"]
    assert unit.sector == "state"
    assert window.unit_label.text() == unit.name

    page.form.place_name.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Địa danh" in page.error.text() and page.error.isVisibleTo(page)
    assert year_service.get_unit(window.ctx.db).place_name == "Gia Viễn"


def test_check_data_reports_intact(qtbot, window, dialogs):
    window.check_action.trigger()
    assert dialogs.last("info")["text"] == "Dữ liệu nguyên vẹn."


def test_language_switch_to_english_shows_english_labels(qtbot, window, dialogs, data_paths):
    from thidua_desktop.ui import i18n, settings

    dialogs.choose_answers = ["later"]
    window.language_actions["en"].trigger()
    assert settings.language() == "en"
    assert dialogs.last("choose")["choices"] == ["restart", "later"]

    i18n.install(settings.language())  # what the next start does
    english = make_window(qtbot, data_paths)
    assert english.page_titles() == [
        "Overview",
        "Unit",
        "Members",
        "Emulation registration",
        "Initiatives",
        "Phase and year-end reviews",
        "Review and commendation",
        "Documents and sending",
    ]
    assert english.overview.title.text() == "Emulation year 2021"
    english.close()


def test_about_names_the_version_and_the_data_folder(qtbot, window, dialogs):
    from thidua_desktop import __version__

    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog.isVisible()
    assert __version__ in dialog.windowTitle() + " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.folder_label.text() == str(window.ctx.paths.root)
    dialog.close()
