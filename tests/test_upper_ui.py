"""The Tổng hợp page (upper-level mode), clicked through offscreen: the mode switch, units, intake
with progress, the received files with their reasons, who has reported, and the drill-down."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from thidua_desktop.services import demo_units as du
from thidua_desktop.ui import main_window as mw

from tests.test_upper import upper_profile
from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401


@pytest.fixture
def upper_folder(db, data_paths, tmp_path):
    from thidua_desktop.services import upper, year

    year.set_up(db, upper_profile())
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    for i in range(1, 4):
        u = du.synthetic_unit(i, seed=31)
        signer = du.unit_signer(u, tmp_path / "keys")
        upper.add_unit(db, u.code, u.name, f"{u.code.lower()}@example.vn")
        upper.trust_certificate(db, u.code, signer.certificate)
        figures = du.unit_figures(u)
        du.write(u, "registration", inbox / f"{u.code}-dk.xlsx", signer, figures=figures)
        if i < 3:
            du.write(u, "midyear-report", inbox / f"{u.code}-sk.xlsx", signer, figures=figures)
    stranger = du.synthetic_unit(99, seed=31)
    du.write(
        stranger,
        "midyear-report",
        inbox / "la.xlsx",
        du.unit_signer(stranger, tmp_path / "keys"),
        figures=du.unit_figures(stranger),
    )
    return inbox


def test_upper_mode_page_takes_in_and_adds_up(
    qtbot, upper_folder, data_paths, dialogs, ui_settings, vietnamese, today, monkeypatch
):
    from thidua_desktop.ui.pages import upper as page_module

    window = make_window(qtbot, data_paths)
    assert "Tổng hợp" not in window.page_titles()  # a CĐCS does not see it
    window.upper_mode_action.trigger()
    assert window.upper_mode_action.isChecked()
    assert window.page_titles()[-1] == "Tổng hợp"
    page = window.show_page(mw.PAGE_UPPER)
    assert page.title.text() == "Tổng hợp"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Đơn vị",
        "Tệp đã nhận",
        "Tình hình nộp",
        "Chỉ tiêu tổng hợp",
    ]
    assert page.units_model.total_count == 3

    files = sorted(str(p) for p in upper_folder.glob("*.xlsx"))
    monkeypatch.setattr(page_module, "ask_open_paths", lambda *a, **k: files)
    page.take_files_button.click()
    progress = dialogs.last("progress")["dialog"]
    assert progress.closed and progress.values[-1] == 100
    assert page.success.text() == "Đã nhận 5 tệp, để riêng 1 tệp."
    assert "la.xlsx" in page.error.text() and "không có trong danh sách" in page.error.text()
    states = {(r.original_name, r.status) for r in page.received_model.rows()}
    assert ("la.xlsx", "set_aside") in states and len(states) == 6
    assert page.tabs.currentIndex() == 1

    # send a sơ kết back with comments (a signed return the unit imports)
    from thidua_desktop.exchange.returns import read_return
    from thidua_desktop.signing import keys

    key = Path(data_paths.root) / "cap-tren.p12"
    keys.create_unit_key("Liên đoàn Lao động huyện Gia Viễn", key, "mat-khau-1", algorithm="ec")
    row = page.received_model.view_row_of(lambda r: r.original_name == "CD001-sk.xlsx")
    page.received_view.selectRow(row)
    back = Path(data_paths.root) / "tra-lai.xlsx"
    monkeypatch.setattr(page_module, "ask_comment", lambda *a: "Bổ sung số liệu chỉ tiêu CT02.")
    monkeypatch.setattr(page_module, "unit_key", lambda paths: str(key))
    monkeypatch.setattr(page_module, "ask_password", lambda *a: "mat-khau-1")
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a, **k: str(back))
    page.return_button.click()
    assert "Đã lưu phiếu trả lại" in page.success.text(), page.error.text()
    returned = read_return(back)
    assert returned.comment == "Bổ sung số liệu chỉ tiêu CT02." and returned.unit_code == "CD001"

    status = {u.code: u for u in page.status_model.rows()}
    assert status["CD003"].reports[1].status == "pending"  # the app sees 30/06/2021: sơ kết not due yet
    assert status["CD001"].reports[0].status == "on_time"

    page.tabs.setCurrentIndex(3)
    page.phase_combo.setCurrentIndex(page.phase_combo.findData(1))
    assert page.phase_combo.currentText() == "Đợt 1"
    assert page.lines_model.total_count > 10
    assert "Đã tổng hợp 2 báo cáo" in page.sources_label.text()
    index = page.lines_model.index(0, 1)
    rect = page.lines_view.visualRect(index)
    qtbot.mouseClick(page.lines_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    line = page.lines_model.row_at(0)
    assert page.detail_model.total_count == 2
    assert line.kind == "count" and sum(f.value for f in page.detail_model.rows()) == line.value
    assert line.code in page.detail_title.text()

    out = Path(data_paths.root) / "tong-hop.xlsx"
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a, **k: str(out))
    page.export_xlsx_button.click()
    assert out.exists() and "Đã lưu" in page.success.text()

    # a unit added by hand, and dropped files
    monkeypatch.setattr(page_module, "ask_unit", lambda parent: ("CD099", "CĐCS Công ty Lạ", ""))
    page.tabs.setCurrentIndex(0)
    page.add_unit_button.click()
    assert page.units_model.total_count == 4 and "CD099" in page.success.text()
    page.units_view.selectRow(page.units_model.view_row_of(lambda u: u.code == "CD099"))
    monkeypatch.setattr(page_module, "ask_unit", lambda parent, initial=None: (initial[0], initial[1], "la@x.vn"))
    page.edit_unit_button.click()
    assert next(u for u in page.units_model.rows() if u.code == "CD099").email == "la@x.vn"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(upper_folder / "la.xlsx"))])
    event = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.trust_first.setChecked(True)
    page.dropEvent(event)
    assert page.success.text() == "Đã nhận 1 tệp, để riêng 0 tệp."
    assert "CD099" in dialogs.last("info")["informative"]  # the fingerprint to read back by phone

    window.upper_mode_action.trigger()  # back to a CĐCS
    assert "Tổng hợp" not in window.page_titles()
    window.close()


def test_the_wizard_can_set_up_an_upper_union(qtbot, data_paths, dialogs, ui_settings, vietnamese):
    from thidua_desktop.services import upper
    from thidua_desktop.ui import wizard as wizard_module

    window = make_window(qtbot, data_paths)
    wiz = window.wizard
    assert wiz is not None
    assert wiz.welcome.upper_mode.text().startswith("Đây là công đoàn cấp trên")
    wiz.welcome.upper_mode.setChecked(True)
    calls = []
    real = wizard_module._set_up

    def spy(db, profile, template, year, upper_mode):
        calls.append(upper_mode)
        return real(db, upper_profile(), template, year, upper_mode)

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(wizard_module, "_set_up", spy)
    try:
        qtbot.waitUntil(lambda: wiz.plan.current_template() is not None)
        wiz.accept()
    finally:
        monkeypatch.undo()
    assert calls == [True]
    assert upper.get_mode(window.ctx.db) == "upper"
    assert window.page_titles()[-1] == "Tổng hợp"
    window.close()


def test_consolidated_table_shows_the_registered_targets_and_percent_of_target(
    qtbot, upper_folder, db, data_paths, dialogs, ui_settings, vietnamese, today
):
    """Issue 8 follow-up: "Chỉ tiêu đăng ký" next to the result, % of target where it means something; the
    figures checked against the ones written into the units' workbooks (demo_units), not the app's sums."""
    from decimal import ROUND_HALF_UP, Decimal

    from thidua_desktop.core import vntext
    from thidua_desktop.services import upper

    upper.set_mode(db, "upper")
    upper.intake(db, data_paths, [upper_folder], 2021)
    window = make_window(qtbot, data_paths)
    page = window.show_page(mw.PAGE_UPPER)
    page.tabs.setCurrentIndex(3)
    page.phase_combo.setCurrentIndex(page.phase_combo.findData(1))
    headers = [page.lines_model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.lines_model.columnCount())]
    assert headers[4:7] == ["Chỉ tiêu đăng ký", "Kết quả", "% so với đăng ký"]
    reported = [du.unit_figures(du.synthetic_unit(i, seed=31)) for i in (1, 2)]  # CD003 sent no sơ kết
    checked = {"count": 0, "money": 0, "percent": 0}
    for row in range(page.lines_model.rowCount()):
        line = page.lines_model.row_at(row)
        cells = [page.lines_model.index(row, c).data() for c in (4, 5, 6)]
        if line.kind == "percent":
            assert cells[0] == "" and cells[2] == "", "no target sum and no % for a rate"
            checked["percent"] += 1
            continue
        if line.kind not in ("count", "money"):
            continue
        registered = [f.registered.get(line.code) for f in reported]
        results = [f.results.get(line.code, {}).get(1, (None,))[0] for f in reported]
        if any(r is None for r in registered + results):
            continue
        total_reg, total_res = sum(registered), sum(results)
        assert cells[0] == vntext.format_number(Decimal(total_reg).normalize()), line.code
        if total_reg > 0:
            expected = (Decimal(total_res) * 100 / Decimal(total_reg)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            assert cells[2] == vntext.format_percent(expected), line.code
        checked[line.kind] += 1
    assert checked["count"] >= 3 and checked["percent"] >= 1, checked

    # the drill-down shows each unit's registered figure too
    line = next(
        page.lines_model.row_at(r)
        for r in range(page.lines_model.rowCount())
        if page.lines_model.row_at(r).kind == "count" and page.lines_model.row_at(r).registered
    )
    page.show_detail(line)
    detail_headers = [
        page.detail_model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.detail_model.columnCount())
    ]
    assert detail_headers[2] == "Chỉ tiêu đăng ký"
    shown = {
        page.detail_model.index(r, 0).data(): page.detail_model.index(r, 2).data()
        for r in range(page.detail_model.rowCount())
    }
    assert shown == {
        f"CD00{i}": vntext.format_number(Decimal(reported[i - 1].registered[line.code]).normalize()) for i in (1, 2)
    }
    window.close()
