"""Reading .xlsx/.xls/.ods safely: format by content, values, hidden rows, fonts, refusals."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from tests.sheets import (
    encrypt_xlsx,
    lie_about_size,
    simple_roster,
    write_ods,
    write_xls,
    write_xlsx,
    zip_bomb,
)
from thidua_desktop.exchange.spreadsheet import (
    SpreadsheetError,
    column_letter,
    read_workbook,
)


def refused(path, **kw) -> str:
    with pytest.raises(SpreadsheetError) as info:
        read_workbook(path, **kw)
    message = info.value.message_vi
    assert path.name in message, message
    assert str(info.value) == message
    return message


# --- .xlsx -----------------------------------------------------------------------------


def test_xlsx_values_dates_and_positions(tmp_path):
    rows = [
        [],
        ["", "Họ tên", "Ngày sinh", "Số", "Bool", "Thời điểm"],
        ["", "An", dt.date(1990, 1, 2), 32874, True, dt.datetime(2020, 1, 1, 10, 30)],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    with read_workbook(path) as wb:
        assert wb.format == "xlsx" and wb.path == path
        assert [(s.name, s.visible, s.index) for s in wb.sheets] == [("DS", True, 0)]
        sheet = wb.read_sheet("DS")
        assert sheet is wb.read_sheet(0)  # cached
        # rows[i] is Excel row i + 1 even with an empty first row and column
        assert sheet.rows[1][1] == "Họ tên"
        assert sheet.rows[2][2] == dt.date(1990, 1, 2)  # date-formatted: a date
        assert sheet.rows[2][3] == 32874  # a plain number stays a number
        assert sheet.rows[2][4] is True
        assert sheet.rows[2][5] == dt.datetime(2020, 1, 1, 10, 30)
        assert sheet.rows[0] == [""] * 6
        assert sheet.hidden_rows == set() and sheet.hidden_rows_known
        assert sheet.legacy_fonts == {} and sheet.font(2, 1) is None


def test_xlsx_formulas_give_cached_values_never_formula_text(tmp_path):
    rows = [["Họ tên", "Số", "Tổng", "Chuỗi", "Ngày"], ["An", 5, "=B2*2", '="x"&"y"', "=DATE(1990,2,3)"]]
    path = write_xlsx(tmp_path / "f.xlsx", rows, cached={"C2": 10, "D2": "xy", "E2": 32907})
    with read_workbook(path) as wb:
        row = wb.read_sheet(0).rows[1]
    assert row[:4] == ["An", 5, 10, "xy"]
    assert not any(isinstance(v, str) and v.startswith("=") for v in row)


def test_xlsx_hidden_rows_sheets_and_merges(tmp_path):
    rows = [["Họ tên", "Ngày sinh", ""], ["", "Nam", "Nữ"], ["A", 1, ""], ["B", "", 1], ["C", 1, ""]]
    path = write_xlsx(
        tmp_path / "h.xlsx",
        rows,
        hidden_rows=[3],
        merged=["B1:C1"],
        extra_sheets=[("Ẩn", [["x"]], "hidden"), ("Rất ẩn", [["y"]], "veryHidden")],
    )
    with read_workbook(path) as wb:
        assert [(s.name, s.visible) for s in wb.sheets] == [("DS", True), ("Ẩn", False), ("Rất ẩn", False)]
        assert [s.name for s in wb.visible_sheets()] == ["DS"]
        sheet = wb.read_sheet("DS")
        assert sheet.hidden_rows == {3}
        assert sheet.merged_ranges == [(0, 1, 0, 2)]
        assert sheet.merged_at(0, 2) == (0, 1, 0, 2) and sheet.merged_at(1, 1) is None
        assert wb.read_sheet("Ẩn").rows == [["x"]]


def test_xlsx_legacy_fonts_per_cell(tmp_path):
    rows = [["Hä vµ tªn", "Ghi chó"], ["NguyÔn V¨n An", "Unicode"], ["TRÇN", ""]]
    fonts = {(0, 0): ".VnTime", (1, 0): ".VnTime", (2, 0): ".VnTimeH", (0, 1): ".VnTime"}
    path = write_xlsx(tmp_path / "l.xlsx", rows, fonts=fonts)
    with read_workbook(path) as wb:
        sheet = wb.read_sheet(0)
    assert sheet.font(1, 0) == ".VnTime" and sheet.font(2, 0) == ".VnTimeH"
    assert sheet.font(1, 1) is None  # Calibri: not recorded
    assert sheet.font_names() == {0: {".VnTime": 2, ".VnTimeH": 1}, 1: {".VnTime": 1}}


def test_xlsx_vni_font_detected(tmp_path):
    path = write_xlsx(tmp_path / "v.xlsx", [["Hoï teân"], ["Nguyeãn Vaên An"]], column_fonts={0: "VNI-Times"})
    with read_workbook(path) as wb:
        assert wb.read_sheet(0).legacy_fonts == {(0, 0): "VNI-Times", (1, 0): "VNI-Times"}


# --- format by content, not by name ----------------------------------------------------


def test_format_is_decided_by_content(tmp_path):
    real_xlsx = write_xlsx(tmp_path / "x.xlsx", [["Họ tên"], ["An"]])
    real_xls = write_xls(tmp_path / "y.xls", [["Họ tên"], ["An"]])
    real_ods = write_ods(tmp_path / "z.ods", [["Họ tên"], ["An"]])
    for src, fmt in ((real_xlsx, "xlsx"), (real_xls, "xls"), (real_ods, "ods")):
        for suffix in (".xls", ".xlsx", ".ods", ".dat", ""):
            renamed = tmp_path / f"{src.stem}-as{suffix or '-none'}{suffix}"
            renamed.write_bytes(src.read_bytes())
            with read_workbook(renamed) as wb:
                assert wb.format == fmt
                assert wb.read_sheet(0).rows[1][0] == "An"


# --- refusals ------------------------------------------------------------------------------


def test_csv_renamed_to_xlsx_is_refused(tmp_path):
    path = tmp_path / "danh sach.xlsx"
    path.write_text("Họ tên,Ngày sinh\nNguyễn Văn An,12/03/1985\n", encoding="utf-8")
    assert "CSV" in refused(path)


def test_pdf_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF" in refused(path)


def test_random_bytes_and_empty_file_are_refused(tmp_path):
    junk = tmp_path / "rac.xls"
    junk.write_bytes(bytes(range(256)) * 40)
    assert "không phải bảng tính" in refused(junk)
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    assert "rỗng" in refused(empty)
    assert "Không tìm thấy" in refused(tmp_path / "khong-co.xlsx")


def test_html_saved_as_xls_is_explained(tmp_path):
    path = tmp_path / "xuat.xls"
    path.write_text("<html><body><table><tr><td>Họ tên</td></tr></table></body></html>", encoding="utf-8")
    assert "HTML" in refused(path)


def test_other_zip_and_office_files_are_refused(tmp_path):
    plain = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("a.txt", "hello")
    assert "ZIP" in refused(plain)
    docx = tmp_path / "word.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert "Word" in refused(docx)


def test_truncated_xlsx_is_corrupt(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", simple_roster())
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "hỏng" in refused(bad)


def test_password_protected_xlsx_is_refused(tmp_path):
    plain = write_xlsx(tmp_path / "plain.xlsx", simple_roster())
    locked = encrypt_xlsx(plain, tmp_path / "co mat khau.xlsx")
    assert locked.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 container
    assert "mật khẩu" in refused(locked)


def test_password_protected_xls_is_refused(tmp_path):
    """An encrypted .xls keeps its streams but starts its globals with a FILEPASS record."""
    path = write_xls(tmp_path / "cu co mat khau.xls", simple_roster())
    data = bytearray(path.read_bytes())
    at = data.find(b"\xe1\x00\x02\x00\xb0\x04")  # xlwt's INTERFACEHDR right after BOF
    data[at : at + 2] = b"\x2f\x00"  # … becomes FILEPASS
    path.write_bytes(bytes(data))
    assert "mật khẩu" in refused(path)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "lon.xlsx", simple_roster())
    message = refused(path, max_bytes=1000)
    assert "vượt giới hạn" in message and "MB" in message


def test_zip_bomb_by_total_size_is_refused_before_inflating(tmp_path):
    path = zip_bomb(tmp_path / "bom.xlsx")
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "bất thường" in refused(path)


def test_zip_bomb_by_ratio_is_refused(tmp_path):
    path = zip_bomb(tmp_path / "bom2.xlsx", size=30 * 1024 * 1024)
    assert "gấp hơn 100 lần" in refused(path)


def test_member_bigger_than_declared_is_not_trusted(tmp_path):
    path = write_xlsx(tmp_path / "noi-doi.xlsx", simple_roster())
    lie_about_size(path, "xl/worksheets/sheet1.xml", 100)
    message = refused(path)  # refused by exchange.safezip before calamine (tests/test_zip_limits.py)
    assert "bất thường" in message and "'xl/worksheets/sheet1.xml' ghi 100 byte" in message


def test_workbook_without_visible_data(tmp_path):
    empty = write_xlsx(tmp_path / "trang.xlsx", [])
    assert "không có trang tính nào có dữ liệu" in refused(empty)
    hidden_only = write_xlsx(tmp_path / "an.xlsx", [], extra_sheets=[("Dữ liệu", [["Họ tên"], ["An"]], "hidden")])
    assert "'Dữ liệu'" in refused(hidden_only)


def test_unknown_sheet_name(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["x"]])
    with read_workbook(path) as wb, pytest.raises(SpreadsheetError, match="không có trang 'Khác'"):
        wb.read_sheet("Khác")


def _rewrite(path, member, fn):
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info, fn(data) if info.filename == member else data)
    return path


def test_a_value_far_away_is_refused_before_it_is_allocated(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Họ tên"
    wb.active["XFD1048576"] = "."  # a grid of 17 billion cells: calamine would abort the process
    wb.save(tmp_path / "xa.xlsx")
    assert "quá lớn (1048576 dòng × 16384 cột)" in refused(tmp_path / "xa.xlsx")


def test_an_empty_formatted_cell_far_away_is_harmless(tmp_path):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.active["A1"] = "Họ tên"
    wb.active["ZZ900000"].font = Font(bold=True)
    wb.save(tmp_path / "dinh-dang.xlsx")
    with read_workbook(tmp_path / "dinh-dang.xlsx") as wb2:
        assert wb2.read_sheet(0).rows == [["Họ tên"]]


def test_default_font_vntime_takes_the_full_scan(tmp_path):
    path = write_xlsx(tmp_path / "macdinh.xlsx", [["Hä tªn", 1], ["NguyÔn V¨n An", 2]], hidden_rows=[1])
    _rewrite(path, "xl/styles.xml", lambda d: d.replace(b'<name val="Calibri"', b'<name val=".VnTime"'))
    with read_workbook(path) as wb:
        sheet = wb.read_sheet(0)
    assert sheet.legacy_fonts == {(0, 0): ".VnTime", (0, 1): ".VnTime", (1, 0): ".VnTime", (1, 1): ".VnTime"}
    assert sheet.hidden_rows == {1}


def test_cells_without_references_are_placed_in_order(tmp_path):
    path = write_xlsx(tmp_path / "khong-r.xlsx", [["Hä tªn", "Ghi chó"], ["NguyÔn V¨n An", "x"]],
                      column_fonts={1: ".VnTime"}, hidden_rows=[1])  # fmt: skip
    import re as _re

    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: _re.sub(rb'<c r="[A-Z]+\d+"', b"<c", d))
    with read_workbook(path) as wb:
        sheet = wb.read_sheet(0)
    assert sheet.rows == [["Hä tªn", "Ghi chó"], ["NguyÔn V¨n An", "x"]]
    assert sheet.legacy_fonts == {(0, 1): ".VnTime", (1, 1): ".VnTime"}
    assert sheet.hidden_rows == {1}


# --- .xls ------------------------------------------------------------------------------------


def test_xls_values_hidden_rows_sheets_fonts_and_merges(tmp_path):
    rows = [
        ["DANH SÁCH"],
        ["Hä vµ tªn", "Ngµy sinh", ""],
        ["NguyÔn V¨n An", dt.date(1985, 3, 12), 32874],
        ["TRÇN THÞ B×NH", dt.date(1990, 1, 2), ""],
    ]
    path = write_xls(
        tmp_path / "cu.xls",
        rows,
        fonts={(1, 0): ".VnTime", (1, 1): ".VnTime", (2, 0): ".VnTime", (3, 0): ".VnTimeH"},
        hidden_rows=[3],
        merged=[(0, 0, 0, 2)],
        extra_sheets=[("Ẩn", [["x"]], True)],
    )
    with read_workbook(path) as wb:
        assert wb.format == "xls"
        assert [(s.name, s.visible) for s in wb.sheets] == [("DS", True), ("Ẩn", False)]
        sheet = wb.read_sheet(0)
    assert sheet.rows[2][0] == "NguyÔn V¨n An"
    assert sheet.rows[2][1] == dt.date(1985, 3, 12)
    assert sheet.rows[2][2] == 32874
    assert sheet.hidden_rows == {3}
    assert sheet.font(2, 0) == ".VnTime" and sheet.font(3, 0) == ".VnTimeH" and sheet.font(2, 1) is None
    assert (0, 0, 0, 2) in sheet.merged_ranges


def test_xls_without_legacy_fonts_or_hidden_rows_takes_the_fast_path(tmp_path):
    path = write_xls(tmp_path / "thuong.xls", simple_roster())
    with read_workbook(path) as wb:
        sheet = wb.read_sheet(0)
        assert wb._xlrd_book is None  # type: ignore[attr-defined]  # xlrd was not needed
    assert sheet.hidden_rows == set() and sheet.legacy_fonts == {}


# --- .ods ------------------------------------------------------------------------------------


def test_ods_values_hidden_rows_and_fonts(tmp_path):
    rows = [["Hä vµ tªn", "Ngày sinh"], ["NguyÔn V¨n An", dt.date(1985, 3, 12)], ["Ẩn", dt.date(1990, 1, 2)]]
    path = write_ods(tmp_path / "l.ods", rows, column_fonts={0: ".VnTime"}, hidden_rows=[2],
                     extra_sheets=[("Ẩn", [["x"]], True)])  # fmt: skip
    with read_workbook(path) as wb:
        assert wb.format == "ods"
        assert [(s.name, s.visible) for s in wb.sheets] == [("DS", True), ("Ẩn", False)]
        sheet = wb.read_sheet(0)
    assert sheet.rows[1] == ["NguyÔn V¨n An", dt.date(1985, 3, 12)]
    assert sheet.hidden_rows == {2}
    assert sheet.legacy_fonts == {(0, 0): ".VnTime", (1, 0): ".VnTime", (2, 0): ".VnTime"}


def test_column_letter():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def test_xls_with_a_value_far_away_is_refused(tmp_path):
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("DS")
    ws.write(0, 0, "Họ tên")
    ws.write(65535, 255, ".")
    wb.save(str(tmp_path / "xa.xls"))
    assert "quá lớn (65536 dòng × 256 cột)" in refused(tmp_path / "xa.xls")


def test_ods_with_billions_of_repeated_cells_is_refused(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="DS")
    row = TableRow(numberrowsrepeated=100_000)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=16_384)
    cell.addElement(P(text="x"))
    row.addElement(cell)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "lap.ods"))
    assert "quá lớn" in refused(tmp_path / "lap.ods")
