"""The rules page (Đăng ký thi đua › Quy định) of a 2026 year, clicked through offscreen in
Vietnamese: the rule set in force and its sources, the values beside the set's figures, the
ones the union changed, "cần đối chiếu với văn bản", and the import of a signed rule set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import sample_profile
from tests.test_signing_fixtures import keydir, unit_key  # noqa: F401  (fixtures)
from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import paths as app_paths
from thidua_desktop.core.plan import standard_template
from thidua_desktop.services import rules, year
from thidua_desktop.signing import signers
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import ImportedRuleSet
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.widgets.rules import DEFAULT_COLUMN, STATUS_COLUMN, VALUE_COLUMN

BASE = (app_paths.rules_dir() / "tld-2024.toml").read_text(encoding="utf-8")


@pytest.fixture
def db2026(db):
    year.set_up(db, sample_profile(), standard_template(), 2026)
    return db


@pytest.fixture
def window(qtbot, db2026, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-04")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    yield window
    window.close()


def panel_of(window):
    page = window.show_page(mw.PAGE_REGISTRATION)
    page.tabs.setCurrentWidget(page.rules)
    return page.rules


def cell(table, key: str, column: int) -> str:
    model = table.model
    return model.data(model.index(table.row_of(key), column))


def test_the_rules_page_shows_the_2024_set_its_sources_and_the_checks(window):
    panel = panel_of(window)
    assert panel.name.text().startswith("Bộ quy định áp dụng năm 2026: Quy định thi đua, khen thưởng 2024")
    assert "Có sẵn trong chương trình; áp dụng từ năm 2024." == panel.origin.text()
    sources = panel.sources.text()
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in sources
    assert "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023" in sources
    assert "Quyết định số 999/QĐ-TLĐ ngày 29 tháng 5 năm 2024" in sources
    assert "01/2024/TT-BNV ngày 17 tháng 01 năm 2024 của Bộ trưởng Bộ Nội vụ; (cần đối chiếu với văn bản)" in sources
    shown = (
        sources
        + panel.name.text()
        + "".join(
            str(panel.model.data(panel.model.index(r, c))) for r in range(panel.model.shown_count) for c in range(6)
        )
    )
    for stale in ("1689", "91/2017", "15/2003", "39/2013"):
        assert stale not in shown
    assert panel.changes.text() == "Chưa sửa giá trị nào so với bộ quy định."
    table = panel.table
    assert not table.view.isColumnHidden(DEFAULT_COLUMN) and not table.view.isColumnHidden(STATUS_COLUMN)
    assert cell(table, "cstdcs_cap_percent_of_ldtt", DEFAULT_COLUMN) == "15"
    assert cell(table, "cstdcs_cap_percent_of_ldtt", STATUS_COLUMN) == "cần đối chiếu với văn bản"
    assert cell(table, "cstdcs_cap_percent_of_ldtt", 3) == "NĐ 98/2023/NĐ-CP"
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers[DEFAULT_COLUMN] == "Mức của bộ quy định" and headers[STATUS_COLUMN] == "Ghi chú"
    assert panel.import_button.text() == "Nhập bộ quy định…"


def test_a_value_changed_in_place_is_marked_with_the_default(window, db2026):
    panel = panel_of(window)
    table = panel.table
    index = table.model.index(table.row_of("ldtt_min_months_worked"), VALUE_COLUMN)
    table.model.setData(index, "11")  # saved by the (synchronous) worker
    assert rules.rules_in_force(db2026, 2026).changed[0].key == "ldtt_min_months_worked"
    assert cell(table, "ldtt_min_months_worked", STATUS_COLUMN).startswith("đơn vị đã sửa (bộ quy định: 10)")
    assert panel.changes.text() == "Đơn vị đã sửa 1 giá trị so với bộ quy định (ghi ở cột Ghi chú)."


@pytest.fixture
def signed_set(tmp_path, unit_key):
    """The upper union's own 2024 set (cap 20%), exported signed from its data folder."""
    paths = app_paths.resolve(tmp_path / "cap-tren").ensure()
    db = Database.open(paths, actor="capTren")
    try:
        year.set_up(db, sample_profile(), standard_template(), 2026)
        with db.transaction("kiểm thử") as s:
            s.add(
                ImportedRuleSet(
                    key="tld-2024",
                    name="Quy định 2024 (cấp trên)",
                    content=BASE.replace("value = 15\n", "value = 20\n", 1),
                )
            )
        return rules.export_rule_set(
            db, 2026, tmp_path / "bo-quy-dinh.xlsx", signers.P12Spec(unit_key[0], unit_key[1])
        ).path
    finally:
        db.close()


def test_importing_a_rule_set_shows_the_changes_then_applies(window, db2026, signed_set):
    panel = panel_of(window)
    dialog = panel.import_rule_set(signed_set)
    assert dialog.windowTitle() == "Nhập bộ quy định"
    assert "chưa có trong danh sách tin cậy" in dialog.signature.text()
    lines = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert any("cstdcs_cap_percent_of_ldtt: 15 → 20" in line for line in lines)
    assert dialog.summary.text().startswith("Bộ quy định “Quy định thi đua, khen thưởng 2024")
    assert dialog.apply_button.text() == "Áp dụng" and dialog.apply_button.isEnabled()
    assert rules.rules_in_force(db2026, 2026).rules[0].value == 15  # nothing before the click
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert rules.rules_in_force(db2026, 2026).rules[0].value == 20
    panel = panel_of(window)
    assert cell(panel.table, "cstdcs_cap_percent_of_ldtt", VALUE_COLUMN) == "20"
    assert panel.origin.text().startswith("Do công đoàn cấp trên gửi (người ký:")
    again = panel.import_rule_set(signed_set)
    assert "không có gì thay đổi" in again.summary.text() and not again.apply_button.isEnabled()
    again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_a_file_that_is_not_a_rule_set_is_refused_in_vietnamese(window, db2026, tmp_path):
    bad = tmp_path / "khong-phai.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = panel_of(window).import_rule_set(bad)
    assert "khong-phai.xlsx" in dialog.error.text() and not dialog.apply_button.isEnabled()
    assert rules.rules_in_force(db2026, 2026).rules[0].value == 15
