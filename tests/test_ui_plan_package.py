"""The plan package and returned-report dialogs, clicked through offscreen (Vietnamese), with real signed files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from tests.conftest import sample_profile
from tests.test_reports import send
from tests.test_results import JULY
from tests.test_signing_fixtures import keydir, unit_key  # noqa: F401  (fixtures)
from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import paths as app_paths
from thidua_desktop.services import documents, plan_package, reports, returns, signing as signing_service, year
from thidua_desktop.signing import signers
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import Indicator
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def spec(unit_key):
    return signers.P12Spec(unit_key[0], unit_key[1])


@pytest.fixture
def package(tmp_path, spec):
    """The upper union's 2021 plan with CT02 raised to 9.000, and its 2022 plan, both signed."""
    paths = app_paths.resolve(tmp_path / "cap-tren").ensure()
    db = Database.open(paths, actor="capTren")
    try:
        year.set_up(db, sample_profile())
        with db.transaction("kiểm thử") as s:
            row = s.scalars(select(Indicator).where(Indicator.code == "CT02")).one()
            row.plan_target, row.plan_target_text = Decimal(9000), "trên 9.000"
        year.copy_year(db, 2021, 2022)
        first = plan_package.export_package(db, 2021, tmp_path / "goi-2021.xlsx", spec).path
        second = plan_package.export_package(db, 2022, tmp_path / "goi-2022.xlsx", spec).path
    finally:
        db.close()
    return first, second


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    monkeypatch.setenv("THIDUA_TODAY", "2021-06-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    yield window
    window.close()


def ct02(db) -> Decimal:
    return next(x for x in year.get_year(db, 2021).indicators if x.code == "CT02").plan_target


def test_plan_package_dialog_shows_the_diff_and_applies(window, package, seeded_db, unit_key):
    page = window.show_page(mw.PAGE_PHASES)
    assert page.package_button.isEnabled() and page.package_button.text() == "Nhập gói kế hoạch…"
    dialog = page.import_package(package[0])
    assert dialog.windowTitle() == "Nhập gói kế hoạch"
    fingerprint = signing_service.certificate_info(unit_key[2]).fingerprint
    assert fingerprint in dialog.signature.text() and "chưa có trong danh sách tin cậy" in dialog.signature.text()
    assert dialog.summary.text() == "Thay đổi của năm thi đua 2021: 0 thêm, 1 sửa, 0 bỏ, 0 giữ lại."
    rows = dialog.model.rows()
    assert len(rows) == 1
    texts = [dialog.model.data(dialog.model.index(0, c)) for c in range(5)]
    assert texts[:4] == ["Chỉ tiêu", "CT02", rows[0].name, "sửa"]
    assert "chỉ tiêu kế hoạch: 8.000 → 9.000" in texts[4]
    assert dialog.apply_button.text() == "Áp dụng" and dialog.apply_button.isEnabled()
    assert ct02(seeded_db) == 8000  # nothing applied before the click
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.outcome.applied == 1
    assert ct02(seeded_db) == 9000
    again = page.import_package(package[0])
    assert "không có gì thay đổi" in again.summary.text() and not again.apply_button.isEnabled()
    again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_a_new_year_from_the_year_menu_is_selected(window, package):
    assert window.plan_package_action.isEnabled() and window.plan_package_action.text() == "&Nhập gói kế hoạch…"
    dialog = window.import_plan_package(package[1])
    assert dialog.summary.text().startswith("Chưa có năm thi đua 2022: năm sẽ được tạo với 2 đợt")
    dialog.apply_button.click()
    assert dialog.outcome.created
    assert [y.year for y in window.ctx.years] == [2021, 2022] and window.ctx.year == 2022
    assert window.year_combo.currentText() == "2022"


def test_a_tampered_package_shows_why_and_cannot_be_applied(window, package, seeded_db, tmp_path):
    book = openpyxl.load_workbook(package[0])
    row = next(r for r in book["_du_lieu"].iter_rows() if r[1].value == "CT02")
    row[9].value = 1
    tampered = tmp_path / "da-sua.xlsx"
    book.save(tampered)
    dialog = window.show_page(mw.PAGE_PHASES).import_package(tampered)
    assert "KHÔNG hợp lệ" in dialog.error.text() and "da-sua.xlsx" in dialog.error.text()
    assert not dialog.apply_button.isEnabled() and not dialog.view.isVisible()
    assert ct02(seeded_db) == 8000


def test_return_dialog_records_the_comment_and_the_report_shows_it(
    window, seeded_db, data_paths, spec, tmp_path, unit_key
):
    info = reports.draft_report(seeded_db, 2021, "midyear", today=JULY)
    send(seeded_db, info.id)
    workbook = tmp_path / "so-ket.xlsx"
    documents.produce(seeded_db, data_paths, "midyear-report", 2021, workbook, on=date(2021, 7, 4))
    comment = "Đề nghị bổ sung số liệu chỉ tiêu CT02."
    returned = returns.make_return(
        workbook, comment, tmp_path / "tra-lai.xlsx", spec, returned_on=date(2021, 7, 8)
    ).path
    signing_service.trust_certificate(data_paths, unit_key[2])
    page = window.show_page(mw.PAGE_PHASES)
    window.ctx.changed("year")
    assert page.return_button.isEnabled()
    dialog = page.import_return(returned)
    assert dialog.signature.text().startswith("Chữ ký số hợp lệ")
    assert dialog.comment.toPlainText() == comment and "phiên bản 1" in dialog.report.text()
    assert "08/07/2021" in dialog.sender.text()
    dialog.record_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert reports.get_report(seeded_db, info.id).returned_comment == comment
    page.load()
    assert f"Công đoàn cấp trên đã trả lại với ý kiến: “{comment}”" in page.editor.status.text()
