"""The roster import dialog (journey step 2): an old .VnTime list with a title block, people twice,
an impossible date — read, checked, fixed in the file, read again, imported all at once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests import sheets
from tests.ui_helpers import (  # noqa: F401 - fixtures
    dialogs,
    make_window,
    today,
    ui_settings,
    vietnamese,
)
from thidua_desktop.services import roster
from thidua_desktop.services.roster import PersonDetail
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.import_dialog import ImportDialog

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Tổ công đoàn", "Đoàn viên"]
PEOPLE = [
    ("Nguyễn Văn An", dt.date(1985, 3, 12), "Nam", "Công nhân may", "Tổ may 1"),
    ("Phạm Thị Hoa", dt.date(1979, 11, 2), "Nữ", "Chủ tịch CĐCS", "Khối văn phòng"),
    ("Đinh Văn Tùng", "31/02/1987", "Nam", "Tổ trưởng", "Tổ may 1"),
    ("Trần Thị Hương", dt.date(1995, 1, 5), "Nữ", "Công nhân may", "Tổ may 2"),
    ("Lê Thị Tuấn Anh", dt.date(1992, 6, 30), "Nữ", "Công nhân cắt", "Tổ cắt"),
    ("Vũ Đức Thắng", dt.date(1988, 9, 9), "Nam", "Thợ máy", "Tổ cơ điện"),
    ("Hoàng Thị Mỹ", dt.date(1990, 12, 1), "Nữ", "Công nhân may", "Tổ may 2"),
    ("Nguyễn Văn An", dt.date(1985, 3, 12), "Nam", "", "Tổ may 1"),
    ("Phạm Thị Hoa", dt.date(1979, 11, 2), "Nữ", "", ""),
    ("Bùi Quang Định", dt.date(1983, 4, 17), "Nam", "Bảo vệ", "Khối văn phòng"),
    ("Hoàng Thị Mỹ", dt.date(1990, 12, 1), "Nữ", "", "Tổ may 2"),
]
FIRST_DATA_ROW = 7  # Excel row of the first person: five title rows, the header on row 6


def roster_file(path, people=PEOPLE, *, hidden_sheet: bool = False):
    """The HR list: a title block, the header on row 6, names typed in .VnTime."""
    rows = [list(r) for r in sheets.TITLE_BLOCK] + [HEADER]
    for n, (name, born, gender, position, group) in enumerate(people, 1):
        rows.append([n, sheets.to_tcvn3(name), born, gender, position, group, "x"])
    extra = [("Ghi chú", [["Bảng cũ"]], "hidden")] if hidden_sheet else ()
    return sheets.write_xlsx(path, rows, column_fonts={1: ".VnTime"}, extra_sheets=extra)


def fixed(people=PEOPLE):
    return [(n, dt.date(1987, 2, 28) if b == "31/02/1987" else b, g, p, t) for n, b, g, p, t in people]


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    roster.save_person(seeded_db, PersonDetail("Đỗ Thị", "Lan", birth_date=dt.date(1980, 1, 1), gender="F"))
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def open_dialog(window, path) -> ImportDialog:
    page = window.show_page(mw.PAGE_ROSTER)
    page.open_import(path)
    dialog = page.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def problems(dialog) -> list[str]:
    return [dialog.problems.item(n).text() for n in range(dialog.problems.count())]


def cell(dialog, row: int, column: int) -> str:
    return dialog.preview.data(dialog.preview.index(row, column))


def test_a_legacy_file_with_errors_is_shown_and_not_imported(qtbot, window, tmp_path):
    dialog = open_dialog(window, roster_file(tmp_path / "ds-cu.xlsx", hidden_sheet=True))
    assert dialog.header_row.value() == 6, "the header under the title block is found"
    assert [dialog.sheet.itemText(n) for n in range(dialog.sheet.count())] == ["DS", "Ghi chú (ẩn)"]
    assert dialog.conversions.text() == "Cột B: đã chuyển từ TCVN3 (.VnTime)"
    assert dialog.mapping_combos[1].currentText() == "Họ và tên"
    assert dialog.mapping_combos[2].currentText() == "Ngày sinh"
    assert (cell(dialog, 0, 2), cell(dialog, 0, 3)) == ("Nguyễn Văn", "An"), "legacy text read as Vietnamese"
    assert cell(dialog, 2, 2) == "Đinh Văn" and cell(dialog, 2, 1) == "Lỗi"

    bad_row = FIRST_DATA_ROW + 2
    lines = problems(dialog)
    assert f"dòng {bad_row}, cột C (Ngày sinh): ngày 31/02/1987 không tồn tại" in lines
    assert (
        dialog.problems.item(lines.index(next(t for t in lines if "31/02/1987" in t))).foreground().color().name()
        == "#a61b1b"
    ), "errors in red"
    assert dialog.duplicates.count() == 3
    assert dialog.duplicates.item(0).text() == (
        f"Dòng {FIRST_DATA_ROW} và dòng {FIRST_DATA_ROW + 7}: Nguyễn Văn An, "
        "12/03/1985 — trùng mọi thông tin khác\n→ chưa quyết định"
    )
    assert dialog.side.tabText(1) == "Dòng trùng (3)"

    assert not dialog.import_button.isEnabled()
    assert "chưa nhập gì cho đến khi tệp được sửa" in dialog.error.text()
    assert "Đọc lại tệp" in dialog.error.text()
    assert dialog.counts.text().startswith("Đọc được 11 người từ 11 dòng")

    dialog.problems.setCurrentRow(lines.index(f"dòng {bad_row}, cột C (Ngày sinh): ngày 31/02/1987 không tồn tại"))
    dialog._problem_clicked(dialog.problems.currentItem())
    chosen = dialog.preview_view.selectionModel().selectedRows()
    assert [dialog.preview.row_at(i.row()).source_row for i in chosen] == [bad_row], "the row is selected"

    dialog.commit()  # even asked directly, nothing is written
    assert [p.full_name for p in roster.list_people(window.ctx.db)] == ["Đỗ Thị Lan"]


def test_fix_the_file_read_it_again_merge_and_import(qtbot, window, tmp_path, dialogs):
    path = roster_file(tmp_path / "ds-cu.xlsx")
    dialog = open_dialog(window, path)
    assert not dialog.import_button.isEnabled()
    roster_file(path, fixed())  # she fixes the date in Excel and saves
    dialog.reread_button.click()
    assert not dialog.import_button.isEnabled(), "three pairs to decide first"
    assert "3 cặp cùng họ tên và ngày sinh" in dialog.error.text()
    assert cell(dialog, 7, 1) == "Cần quyết định"
    dialog.keep.click()
    assert dialog.import_button.isEnabled() and not dialog.error.isVisibleTo(dialog)
    assert dialog.ready.text() == "Sẵn sàng nhập: 11 người mới, 0 người được cập nhật."
    assert "người khác với dòng 7: giữ cả hai" in cell(dialog, 7, 17)
    dialog.merge.click()
    assert dialog.ready.text() == "Sẵn sàng nhập: 8 người mới, 0 người được cập nhật."
    assert "gộp 3 cặp trùng" in dialog.counts.text()
    assert cell(dialog, 7, 1) == "Đã gộp" and cell(dialog, 7, 17) == "gộp vào dòng 7"

    page = window.page(mw.PAGE_ROSTER)
    dialog.import_button.click()
    assert not dialog.isVisible()
    assert (dialog.result.added, dialog.result.updated, dialog.result.merged) == (8, 0, 3)
    assert dialogs.last("info")["text"] == "Đã nhập danh sách."
    assert dialogs.last("info")["informative"].startswith("Thêm 8 người, cập nhật 0 người, gộp 3 cặp trùng.")
    assert page.count.text() == "Hiển thị 9 / 9 người", "the roster reloads"
    people = {p.full_name: p for p in roster.list_people(window.ctx.db)}
    assert people["Đinh Văn Tùng"].birth_date == dt.date(1987, 2, 28)
    assert people["Nguyễn Văn An"].position == "Công nhân may"
    assert people["Phạm Thị Hoa"].group_name == "Khối văn phòng"

    again = open_dialog(window, path)  # the same file a second time updates, adds nobody
    assert not again.import_button.isEnabled()  # decisions are never carried over to another reading
    again.merge.click()
    assert again.ready.text() == "Sẵn sàng nhập: 0 người mới, 8 người được cập nhật."
    assert again.preview.data(again.preview.index(0, 1)) == "Cập nhật"
    again.reject()


def test_changing_a_column_reads_the_file_again(qtbot, window, tmp_path, monkeypatch):
    from thidua_desktop.ui.operations import roster as roster_ops

    calls = []
    real = roster_ops.preview_roster
    monkeypatch.setattr(roster_ops, "preview_roster", lambda *args: calls.append(args[2:]) or real(*args))
    dialog = open_dialog(window, roster_file(tmp_path / "ds.xlsx", fixed()))
    assert calls == [(None, None, None)]
    assert cell(dialog, 0, 6) == "Công nhân may"
    dialog.set_field(4, "note")  # column E holds a note, not the position
    sheet, header, mapping = calls[-1]
    assert (sheet, header) == ("DS", 5)
    assert mapping["note"] == 4 and "position" not in mapping and mapping["full_name"] == 1
    assert cell(dialog, 0, 6) == "" and cell(dialog, 0, 16) == "Công nhân may"
    assert dialog.mapping_combos[4].currentText() == "Ghi chú"

    dialog.set_field(5, "note")  # a field comes from one column: E gives it up
    assert dialog.mapping_combos[4].currentText() == "— không nhập —"
    assert cell(dialog, 0, 16) == "Tổ may 1" and cell(dialog, 0, 7) == ""

    dialog.header_row.setValue(1)
    assert calls[-1] == ("DS", 0, None)
    assert not dialog.import_button.isEnabled()
    dialog.header_row.setValue(6)
    assert dialog.mapping_combos[4].currentText() == "Chức vụ"
    dialog.keep.click()  # the pairs of the same name and birth date: two people each
    assert dialog.import_button.isEnabled()


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_the_dialog(qtbot, window, tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    dialog = open_dialog(window, path)
    assert "danh-sach.xlsx" in dialog.error.text() and "không bị thay đổi" in dialog.error.text()
    assert not dialog.import_button.isEnabled() and dialog.preview.rowCount() == 0
    good = roster_file(tmp_path / "ds.xlsx", fixed())
    dialog.read(good)
    dialog.merge.click()
    assert not dialog.error.isVisibleTo(dialog) and dialog.import_button.isEnabled()
    assert dialog.preview.data(dialog.preview.index(0, 2), Qt.ItemDataRole.DisplayRole) == "Nguyễn Văn"
