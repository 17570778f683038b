"""Tổng hợp page, the upper union's side of the plan package (issue 8 item 2, from the GUI): the export
dialog with the key choice of the signing dialog, run on the worker; the written file verifies and
imports into a fresh data folder via services.plan_package."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sample_profile
from tests.test_signing_fixtures import (  # noqa: F401 - fixtures
    P12_PASSWORD,
    ca_p12,
    keydir,
    needs_softhsm,
    signing_ca,
    softhsm_token,
)
from tests.test_upper import upper_profile
from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import paths as app_paths
from thidua_desktop.services import plan_package, signing, upper, year
from thidua_desktop.signing import keys
from thidua_desktop.signing.verify import VALID, verify
from thidua_desktop.store.database import Database
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui import signing_dialogs


@pytest.fixture
def page(qtbot, db, data_paths, dialogs, ui_settings, vietnamese, today):
    year.set_up(db, upper_profile())
    upper.set_mode(db, "upper")
    window = make_window(qtbot, data_paths)
    yield window.show_page(mw.PAGE_UPPER)
    window.close()


def fresh_cdcs(folder: Path):
    paths = app_paths.resolve(folder).ensure()
    db = Database.open(paths, actor="cdcs")
    year.save_unit(db, sample_profile())
    return paths, db


def test_export_with_the_units_own_key_verifies_and_imports_into_a_fresh_folder(qtbot, page, tmp_path):
    assert page.plan_package_button.text() == "Xuất gói kế hoạch…"
    window = page.window()
    assert window.export_plan_action.isVisible() and window.export_plan_action.isEnabled()  # Năm menu, upper mode
    window.export_plan_action.trigger()
    dialog = page.plan_dialog
    assert dialog.windowTitle() == "Xuất gói kế hoạch"
    assert dialog.year.currentData() == 2021 and dialog.out.text().endswith("goi-ke-hoach-2021.xlsx")
    out = tmp_path / "ke-hoach-gui-cdcs.xlsx"
    dialog.out.setText(str(out))

    # no key in the data folder yet: created from the dialog, its fingerprint shown
    dialog.keys.kind.setCurrentIndex(dialog.keys.kind.findData("unit"))
    assert dialog.keys.create_button.isVisibleTo(dialog)
    dialog.export_button.click()
    assert dialog.error.text() == "Đơn vị chưa có khóa; hãy tạo khóa trước." and not out.exists()
    dialog.keys.unit_password.setText(P12_PASSWORD)
    dialog.keys.unit_repeat.setText(P12_PASSWORD)
    dialog.keys.create_button.click()
    assert "Dấu vân tay" in dialog.done_line.text(), dialog.error.text()
    assert not dialog.keys.create_button.isVisibleTo(dialog)

    dialog.keys.unit_password.setText("sai-mat-khau-9")  # a wrong password: Vietnamese, nothing written
    dialog.export_button.click()
    assert "mật khẩu" in dialog.error.text().lower() and not out.exists()
    assert dialog.export_button.isEnabled() and dialog.keys.unit_password.text() == ""

    dialog.keys.unit_password.setText(P12_PASSWORD)
    dialog.export_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    result = dialog.result_
    assert result.path == out and out.exists() and dialog.keys.unit_password.text() == ""
    text = dialog.done_line.text()
    assert str(out) in text and result.fingerprint in text and "30 chỉ tiêu" in text
    assert result.signer == "Liên đoàn Lao động huyện Gia Viễn"

    # the file: a valid signature by the unit's key (fingerprint as shown), and it imports elsewhere
    cert = keys.load_key_file(signing.unit_key_path(page.ctx.paths), P12_PASSWORD).certificate
    verdict = verify(out, [cert])
    assert verdict.status == VALID and verdict.accepted and verdict.fingerprint == result.fingerprint
    assert keys.fingerprint(cert) == result.fingerprint
    cdcs_paths, cdcs_db = fresh_cdcs(tmp_path / "cdcs")
    try:
        preview = plan_package.preview_import(cdcs_db, cdcs_paths, out)
        assert preview.creates_year and preview.can_apply and preview.year == 2021
        assert preview.signature.fingerprint == result.fingerprint
        plan_package.apply_import(cdcs_db, cdcs_paths, out, expected_sha256=preview.sha256)
        assert plan_package.year_content(cdcs_db, 2021) == plan_package.year_content(page.ctx.db, 2021)
    finally:
        cdcs_db.close()
    dialog.close()
    window.upper_mode_action.trigger()  # a CĐCS does not export plan packages from the menu
    assert not window.export_plan_action.isVisible()


def test_export_with_a_key_file_and_the_save_dialog(qtbot, page, tmp_path, monkeypatch, ca_p12):
    p12, password, _ca = ca_p12
    chosen = tmp_path / "goi"  # the suffix is added
    answers = iter([str(p12)])
    monkeypatch.setattr(signing_dialogs, "ask_open_path", lambda *a, **k: next(answers))
    monkeypatch.setattr(signing_dialogs, "ask_save_path", lambda *a, **k: str(chosen))
    dialog = page.export_plan_package()
    assert dialog.keys.kind.currentData() == "p12"
    dialog.export_button.click()
    assert dialog.error.text() == "Hãy chọn tệp khóa."
    dialog.keys.p12_button.click()
    dialog.out_button.click()
    assert dialog.out.text() == str(chosen) + ".xlsx"
    dialog.keys.p12_password.setText(password)
    dialog.export_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    out = Path(str(chosen) + ".xlsx")
    assert out.exists() and "Nguyễn Thị Ánh Tuyết" in dialog.done_line.text()
    assert verify(out, []).status == VALID  # intact (the test CA is not trusted here)
    dialog.out.setText(str(tmp_path / "khong-co" / "goi.xlsx"))  # a folder that does not exist
    dialog.keys.p12_password.setText(password)
    dialog.export_button.click()
    assert "không tồn tại" in dialog.error.text()
    dialog.close()


@needs_softhsm
def test_export_signed_on_the_usb_token(qtbot, page, tmp_path, softhsm_token):
    dialog = page.export_plan_package()
    dialog.keys.kind.setCurrentIndex(dialog.keys.kind.findData("token"))
    dialog.keys.library.setText(softhsm_token.lib)
    dialog.keys.token_label.setText(softhsm_token.label)
    dialog.keys.key_label.setText(softhsm_token.key_label)
    dialog.keys.pin.setText(softhsm_token.pin)
    out = tmp_path / "goi-token.xlsx"
    dialog.out.setText(str(out))
    dialog.export_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    verdict = verify(out, [softhsm_token.ca.cert])
    assert verdict.accepted and verdict.fingerprint == dialog.result_.fingerprint
    assert dialog.keys.pin.text() == ""
    dialog.close()
