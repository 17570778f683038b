"""Issue 13 in the GUI: the kind of unit on the Đơn vị page decides what the registration page offers;
the plan's figure sits in its own column as the upper union's target; the issuer of a title is data."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import registration, year as year_service
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.widgets.collective import FiguresModel


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def _codes(model: FiguresModel) -> set[str]:
    return {f.indicator.code for f in model.figures}


def _indicator_row(page, code: str) -> int:
    model = page.indicators
    return next(r for r in range(model.rowCount()) if model.row_at(r).code == code)


def test_the_kind_of_unit_sets_the_sector_and_decides_the_registration(qtbot, window):
    page = window.show_page(mw.PAGE_UNIT)
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData("public_service"))
    assert form.sector.currentData() == "state", "a kind sets the sector"
    form.report_recipient.setText("Ban Thường vụ Công đoàn Viên chức tỉnh Ninh Bình")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    unit = year_service.get_unit(window.ctx.db)
    assert (unit.sector, unit.kind) == ("state", "public_service")
    assert unit.report_recipient == "Ban Thường vụ Công đoàn Viên chức tỉnh Ninh Bình"

    reg = window.show_page(mw.PAGE_REGISTRATION)
    codes = _codes(reg.collective.figures)
    assert {"CT16", "CT22"} <= codes and not codes & {"CT11", "CT23", "CT26", "CT27"}
    ct23 = reg.indicators.index(_indicator_row(reg, "CT23"), 1)
    ct22 = reg.indicators.index(_indicator_row(reg, "CT22"), 1)
    grey = reg.indicators.data(ct23, Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and grey != reg.indicators.data(ct22, Qt.ItemDataRole.ForegroundRole), "greyed"
    assert "Không áp dụng cho đơn vị" in reg.indicators.data(ct23, Qt.ItemDataRole.ToolTipRole)
    assert reg.indicators.data(ct22, Qt.ItemDataRole.ToolTipRole) in (
        None,
        "",
        reg.indicators.row_at(_indicator_row(reg, "CT22")).name,
    )

    # another sector: the kind of the other sector no longer fits and is cleared
    page = window.show_page(mw.PAGE_UNIT)
    page.form.sector.setCurrentIndex(page.form.sector.findData("non_state"))
    assert page.form.kind.currentData() == ""
    page.form.kind.setCurrentIndex(page.form.kind.findData("private"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert year_service.get_unit(window.ctx.db).kind == "private"
    reg = window.show_page(mw.PAGE_REGISTRATION)
    codes = _codes(reg.collective.figures)
    assert {"CT23", "CT27"} <= codes and not codes & {"CT16", "CT22", "CT26"}


def test_the_upper_target_is_not_the_unions_own_figure(qtbot, window):
    reg = window.show_page(mw.PAGE_REGISTRATION)
    model = reg.collective.figures
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[FiguresModel.TARGET] == "Chỉ tiêu của cấp trên"
    assert headers[FiguresModel.VALUE] == "Đơn vị đăng ký"
    row = model.row_of("CT02")
    assert model.data(model.index(row, FiguresModel.TARGET)) == "trên 8.000"
    assert model.data(model.index(row, FiguresModel.VALUE)) == "", "the province's figure is never suggested"


def test_figures_kept_after_the_kind_changed_are_shown_as_not_applicable(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today
):
    profile = year_service.get_unit(seeded_db)
    year_service.save_unit(seeded_db, replace(profile).with_kind("public_service"))
    info = registration.get_collective(seeded_db, 2021)
    info.signature_content = "Mỗi khoa một sáng kiến"
    for f in info.figures:
        if f.indicator.code == "CT22":
            f.value = Decimal(100)
    registration.save_collective(seeded_db, info)
    year_service.save_unit(seeded_db, replace(year_service.get_unit(seeded_db)).with_kind("private"))
    window = make_window(qtbot, data_paths)
    try:
        reg = window.show_page(mw.PAGE_REGISTRATION)
        label = reg.collective.not_applicable
        assert label.isVisibleTo(reg.collective)
        assert "CT22" in label.text() and "doanh nghiệp ngoài nhà nước" in label.text()
        assert "không áp dụng cho đơn vị" in label.text()
        assert "CT22" not in _codes(reg.collective.figures)
    finally:
        window.close()


def test_the_issuer_of_a_title_is_edited_where_titles_are_shown(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    reg = window.show_page(mw.PAGE_REGISTRATION)
    model = reg.titles
    row = next(r for r in range(model.rowCount()) if model.row_at(r).code == "GK_CTTCS")
    new = "Ban Chấp hành Công đoàn các Khu công nghiệp tỉnh Ninh Bình"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (new, True)))
    reg._edit_issuer(model.index(row, 0))
    issuers = {t.code: t.issuer for t in year_service.get_year(window.ctx.db, 2021).titles}
    assert issuers["GK_CTTCS"] == new
    qtbot.waitUntil(lambda: model.row_at(row).issuer == new, timeout=5000)
