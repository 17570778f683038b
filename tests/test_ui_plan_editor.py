"""Năm › Sửa kế hoạch năm…: the plan editor dialog (issue 13), clicked through offscreen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QScrollArea

from tests.ui_helpers import dialogs, make_window, type_text, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import plan_editor as pe
from thidua_desktop.services import year as year_service
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.plan_editor import PlanEditorDialog


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    monkeypatch.setenv("THIDUA_TODAY", "2021-06-30")
    window = make_window(qtbot, data_paths, size=(1366, 768))
    yield window
    window.close()


def add_figures(db, code: str) -> None:
    from sqlalchemy import select

    from thidua_desktop.store.models import EmulationYear, IndicatorRegistration, IndicatorResult

    with db.transaction("kiểm thử") as session:
        yid = session.scalars(select(EmulationYear.id).where(EmulationYear.year == 2021)).one()
        session.add(IndicatorRegistration(year_id=yid, indicator_code=code, value=Decimal(5)))
        for n in (1, 2):
            session.add(IndicatorResult(year_id=yid, indicator_code=code, phase_number=n, value=Decimal(3)))


def open_editor(window) -> PlanEditorDialog:
    window.edit_plan_action.trigger()
    dialog = window.plan_editor_dialog
    assert dialog is not None and dialog.isVisible() and dialog.draft is not None
    return dialog


def select(tab, code) -> int:
    rows = tab.model.rows()
    index = next(n for n, r in enumerate(rows) if getattr(r, "code", None) == code)
    tab.select_row(index)
    assert tab.current is rows[index]
    return index


def save(dialog) -> None:
    dialog.save_button.click()


def test_edit_save_reopen(qtbot, window, dialogs):
    dialog = open_editor(window)
    plan = dialog.plan_tab
    plan.number.clear()
    type_text(plan.number, "05/KH-LĐLĐ")
    plan.issued_on.setText("25/01/2021")
    plan.theme.setPlainText("Chủ đề năm: đoàn kết, sáng tạo")
    plan.registration_due.setText("28/02/2021")
    # phases: phase 1 ends a month earlier, phase 2 follows
    phases = dialog.phases_tab
    phases.select_row(0)
    phases.end.setDate(QDate(2021, 5, 31))
    assert phases.model.rows()[1].start == date(2021, 6, 1)
    assert phases.report_due.date() == QDate(2021, 6, 5), "a deadline on the usual rule follows the end"
    # movements: a new one, its code made from its name
    movements = dialog.movements_tab
    movements.add_button.click()
    movements.name.setPlainText("Phong trào Áo xanh")
    assert movements.current.code == "PTAX"
    type_text(movements.launched_by, "CĐCS")
    # indicators: a new target, a new indicator tied to the new movement
    indicators = dialog.indicators_tab
    select(indicators, "CT09")
    indicators.target.clear()
    type_text(indicators.target, "90")
    assert indicators.current.plan_target == Decimal(90)
    indicators.add_button.click()
    assert indicators.current.code == "CT31"
    indicators.name.setPlainText("Đoàn viên hiến máu")
    type_text(indicators.unit, "người")
    indicators.levels["upper"].setChecked(False)
    assert indicators.movement.select_code("PTAX")
    type_text(indicators.target, "1.200")
    save(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Đã lưu kế hoạch năm 2021." in window.statusBar().currentMessage()

    detail = year_service.get_year(window.ctx.db, 2021)
    assert (detail.plan_number, detail.plan_issued_on, detail.theme, detail.registration_due) == (
        "05/KH-LĐLĐ",
        date(2021, 1, 25),
        "Chủ đề năm: đoàn kết, sáng tạo",
        date(2021, 2, 28),
    )
    assert detail.phases[0].end == date(2021, 5, 31) and detail.phases[1].start == date(2021, 6, 1)
    assert detail.movements[-1].code == "PTAX" and detail.movements[-1].launched_by == "CĐCS"
    new = detail.indicators[-1]
    assert (new.code, new.name, new.unit_of_measure, new.levels, new.plan_target, new.movement_code) == (
        "CT31",
        "Đoàn viên hiến máu",
        "người",
        ("cdcs",),
        Decimal(1200),
        "PTAX",
    )

    again = open_editor(window)
    assert again.plan_tab.number.text() == "05/KH-LĐLĐ"
    assert again.plan_tab.issued_on.text() == "25/01/2021"
    select(again.indicators_tab, "CT09")
    assert again.indicators_tab.target.text() == "90"
    assert again.indicators_tab.current.plan_target_text == "90%"
    select(again.indicators_tab, "CT31")
    assert again.indicators_tab.code.isReadOnly(), "a saved indicator keeps its code"
    again.reject()


def test_removal_with_figures_asks_and_cancel_keeps_them(qtbot, window, dialogs):
    db = window.ctx.db
    add_figures(db, "CT09")
    dialog = open_editor(window)
    tab = dialog.indicators_tab
    select(tab, "CT09")
    dialogs.confirm_answer = False
    tab.remove_button.click()
    asked = dialogs.last("confirm")["text"]
    assert "1 đăng ký và 2 kết quả đã nhập" in asked
    assert any(x.code == "CT09" for x in tab.model.rows()), "cancelled: still there"
    save(dialog)
    assert not dialog.isVisible()
    assert any(x.code == "CT09" for x in year_service.get_year(db, 2021).indicators)
    assert pe.impact_of_removing_indicator(db, 2021, "CT09").results == 2

    dialog = open_editor(window)
    tab = dialog.indicators_tab
    select(tab, "CT09")
    dialogs.confirm_answer = True
    asked_before = len(dialogs.calls)
    tab.remove_button.click()
    assert len(dialogs.calls) == asked_before + 1
    assert not any(x.code == "CT09" for x in tab.model.rows())
    save(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert len(dialogs.calls) == asked_before + 1, "agreed once: the save does not ask again"
    assert not any(x.code == "CT09" for x in year_service.get_year(db, 2021).indicators)
    assert pe.impact_of_removing_indicator(db, 2021, "CT09") == pe.Impact()


def test_kind_change_with_figures_asks_and_reverts_when_cancelled(qtbot, window, dialogs):
    add_figures(window.ctx.db, "CT09")
    dialog = open_editor(window)
    tab = dialog.indicators_tab
    select(tab, "CT09")
    dialogs.confirm_answer = False
    tab.kind.select_code("count")
    assert "mang nghĩa khác" in dialogs.last("confirm")["text"] or "1 đăng ký" in dialogs.last("confirm")["text"]
    assert tab.kind.code() == "percent" and tab.current.kind == "percent"
    dialog.reject()


def test_bad_value_keeps_the_dialog_open(qtbot, window, dialogs):
    dialog = open_editor(window)
    phases = dialog.phases_tab
    phases.select_row(0)
    phases.name.clear()
    phases._name_edited("")
    save(dialog)
    assert dialog.isVisible()
    assert "tên đợt không được để trống" in dialog.error.text()
    dialog.plan_tab.issued_on.setText("31/02/2021")
    phases.name.setText("Đợt 1")
    phases._name_edited("Đợt 1")
    save(dialog)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert dialog.tabs.currentWidget() is dialog.plan_tab
    # adding a phase after one that ends on 31/12 says why not
    dialog.plan_tab.issued_on.setText("")
    dialog.phases_tab.add_button.click()
    assert "cuối năm 2021" in dialog.error.text()
    assert len(dialog.phases_tab.model.rows()) == 2
    dialog.reject()
    assert year_service.get_year(window.ctx.db, 2021).phases[0].name == "Đợt 1"


def test_remove_last_phase_with_reports_asks(qtbot, window, dialogs):
    from sqlalchemy import select as sql_select

    from thidua_desktop.store.models import EmulationYear, Report

    db = window.ctx.db
    with db.transaction("kiểm thử") as session:
        yid = session.scalars(sql_select(EmulationYear.id).where(EmulationYear.year == 2021)).one()
        session.add(Report(year_id=yid, kind="year", phase_number=2))
    dialog = open_editor(window)
    tab = dialog.phases_tab
    tab.select_row(0)
    assert not tab.remove_button.isEnabled(), "only the last phase can go"
    tab.select_row(1)
    dialogs.confirm_answer = False
    tab.remove_button.click()
    assert "1 báo cáo" in dialogs.last("confirm")["text"]
    assert len(tab.model.rows()) == 2
    dialog.reject()


def test_opened_from_the_phases_page(qtbot, window):
    page = window.show_page(mw.PAGE_PHASES)
    assert page.plan_button.isEnabled()
    dialog = page.edit_plan()
    assert dialog is not None and dialog.isVisible()
    dialog.phases_tab.select_row(0)
    dialog.phases_tab.name.setText("Đợt một")
    dialog.phases_tab._name_edited("Đợt một")
    save(dialog)
    assert not dialog.isVisible()
    assert page.saved.isVisibleTo(page)
    assert year_service.get_year(window.ctx.db, 2021).phases[0].name == "Đợt một"


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_dialog_fits_small_screens(qtbot, window, size):
    dialog = open_editor(window)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1] - 60, hint
    dialog.resize(size[0] - 40, size[1] - 80)
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        tab = dialog.tabs.widget(index)
        areas = tab.findChildren(QScrollArea)
        assert areas, f"tab {index} scrolls"
        assert areas[0].widgetResizable()
    dialog.reject()


def test_new_movement_code_follows_into_its_indicators(qtbot, window):
    dialog = open_editor(window)
    movements = dialog.movements_tab
    movements.add_button.click()
    movements.name.setPlainText("Phong trào Áo xanh")
    indicators = dialog.indicators_tab
    select(indicators, "CT09")
    assert indicators.movement.select_code("PTAX")
    assert indicators.current.movement_code == "PTAX"
    dialog.tabs.setCurrentWidget(movements)
    movements.code.clear()
    type_text(movements.code, "AOXANH")
    assert indicators.current.movement_code == "AOXANH"
    save(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    stored = next(x for x in year_service.get_year(window.ctx.db, 2021).indicators if x.code == "CT09")
    assert stored.movement_code == "AOXANH"
