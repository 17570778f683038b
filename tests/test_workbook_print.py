"""The Excel twin prints as well as the PDF (issue 16): read back with openpyxl (row heights, the
merged heading, the print header, number formats, the registration's text sheet) and printed
through LibreOffice (no heading text clipped, page numbers from page 2)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from thidua_desktop.documents import workbook
from thidua_desktop.documents.layout import Column, Document, Header, Num, Table

ISSUED = date(2021, 12, 30)
DEFAULT_HEIGHT = 15.75  # a row of one line of 12 pt Times New Roman
HEADING = ("LĐLĐ HUYỆN GIA VIỄN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import demo, documents
    from thidua_desktop.store.database import Database

    root = tmp_path_factory.mktemp("print")
    data = app_paths.DataPaths(root / "data").ensure()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("THIDUA_TODAY", ISSUED.isoformat())
        demo.build_demo(data, current_cycle=False)
    db = Database.open(data, actor="kiemthu")
    out = {}
    try:
        for kind in documents.KINDS:
            target = root / f"{kind}.xlsx"
            documents.produce(db, data, kind, 2021, target, phase=1 if kind == "midyear-report" else None, on=ISSUED)
            out[kind] = target
    finally:
        db.close()
    return out


def visible(book):
    return [ws for ws in book.worksheets if ws.sheet_state == "visible"]


def height(ws, row: int) -> float:
    value = ws.row_dimensions[row].height
    return value if value is not None else ws.sheet_format.defaultRowHeight


def needed(lines: int, size: float = 12) -> float:
    """The height a row of ``lines`` lines needs."""
    return workbook.line_height(lines, size) - 0.01


def col_width(ws, col: int) -> float:
    for dim in ws.column_dimensions.values():  # a run of equal columns is one <col min max>
        if dim.min and dim.max and dim.min <= col <= dim.max and dim.width:
            return dim.width
    return 8.43


def col_points(ws, first: int, last: int) -> float:
    return sum(workbook.column_points(col_width(ws, c)) for c in range(first, last + 1))


def test_every_sheet_numbers_its_pages_top_centre_from_page_two(books):
    for kind, path in books.items():
        for ws in visible(openpyxl.load_workbook(path)):
            assert ws.oddHeader.center.text == "&P", (kind, ws.title)
            assert ws.HeaderFooter.differentFirst, (kind, ws.title)
            assert not ws.firstHeader.center.text, (kind, ws.title)
            assert not ws.oddFooter.center.text, (kind, ws.title)
            assert ws.page_setup.firstPageNumber in (None, 1) and ws.page_setup.useFirstPageNumber


def test_the_heading_is_merged_over_columns_wide_enough_for_its_lines(books):
    for kind, path in books.items():
        for ws in visible(openpyxl.load_workbook(path)):
            merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
            for row in (1, 2, 3):
                text = ws.cell(row, 1).value
                left = merged.get((row, 1))
                last = left.max_col if left else 1
                width = col_points(ws, 1, last)
                lines = workbook.text_lines(text, width, bold=row == 2)
                assert height(ws, row) >= needed(lines), (kind, ws.title, row, text)
                right = ws.cell(row, last + 1).value
                assert right, (kind, ws.title, row)  # the right block starts where the left one ends
            assert ws.cell(1, 1).value == "LĐLĐ HUYỆN GIA VIỄN"
            left = merged[(1, 1)] if (1, 1) in merged else None
            assert workbook.text_lines("LĐLĐ HUYỆN GIA VIỄN", col_points(ws, 1, left.max_col if left else 1)) == 1, (
                kind,
                ws.title,
            )


def test_rows_with_wrapping_text_are_taller_than_the_default(books):
    taller = 0
    for kind, path in books.items():
        for ws in visible(openpyxl.load_workbook(path)):
            assert ws.sheet_format.defaultRowHeight >= DEFAULT_HEIGHT, (kind, ws.title)  # one line of 12 pt
            merged = {(m.min_row, m.min_col): m.max_col for m in ws.merged_cells.ranges}
            for row in ws.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                        continue
                    last = merged.get((cell.row, cell.column), cell.column)
                    bold = bool(cell.font.b)
                    lines = workbook.text_lines(
                        cell.value, col_points(ws, cell.column, last), cell.font.sz or 12, bold, bool(cell.font.i)
                    )
                    assert height(ws, cell.row) >= needed(lines, cell.font.sz or 12), (
                        kind,
                        ws.title,
                        cell.coordinate,
                        cell.value,
                    )
                    if lines > 1:
                        assert height(ws, cell.row) > workbook.line_height(1)
                        taller += 1
    assert taller > 20  # long names, notes and paragraphs do wrap


def test_number_formats_are_the_pdfs(tmp_path):
    doc = Document(
        "report",
        Header(
            "LĐLĐ huyện Gia Viễn",
            "CĐCS Công ty TNHH May Hoa Lư",
            "Số: 01/BC-CĐCS",
            "Gia Viễn, ngày 30 tháng 12 năm 2021",
        ),
        "BÁO CÁO",
        "Năm 2021",
        body=[
            Table(
                [Column("Chỉ tiêu", 3), Column("Số", 1, "right", "number")],
                [
                    ["whole rate", Num(85, "percent")],
                    ["rate", Num(Decimal("85.5"), "percent")],
                    ["count", Num(1200)],
                    ["half", Num(Decimal("7.5"))],
                    ["score", Num(Decimal("8.25"))],
                    ["money", Num(84_000_000, "money")],
                ],
                sheet="Số liệu",
            )
        ],
    )
    path = tmp_path / "f.xlsx"
    workbook.write_workbook(doc, None, path)
    ws = openpyxl.load_workbook(path)["Số liệu"]
    found = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 2).number_format) for r in range(1, ws.max_row + 1)}
    assert found["whole rate"] == (0.85, "0%")  # "85%", not "85.0%"
    assert found["rate"] == (0.855, "0.0%")
    assert found["count"] == (1200, "#,##0")
    assert found["half"] == (7.5, "#,##0.0")  # "7,5", not "7,50"
    assert found["score"] == (8.25, "#,##0.00")
    assert found["money"] == (84_000_000, "#,##0")


def test_the_registration_workbook_carries_the_whole_registration(books):
    book = openpyxl.load_workbook(books["registration"])
    assert book.sheetnames[0] == workbook.TEXT_SHEET
    text = "\n".join(str(c.value) for row in book[workbook.TEXT_SHEET].iter_rows() for c in row if c.value)
    for needle in (
        "BẢN ĐĂNG KÝ THI ĐUA",
        "Kính gửi:",
        "A. ĐĂNG KÝ CỦA TẬP THỂ",
        "II. DANH HIỆU THI ĐUA TẬP THỂ ĐĂNG KÝ",
        "III. NỘI DUNG THI ĐUA ĐẶC THÙ",
        "B. ĐĂNG KÝ CỦA CÁ NHÂN",
        "cam kết",
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        "Phạm Thị Hoa",
        "Nơi nhận:",
        '"Chỉ tiêu"',
    ):
        assert needle in text, needle
    titles = text.split("II. DANH HIỆU THI ĐUA TẬP THỂ ĐĂNG KÝ")[1].split("III.")[0]
    assert titles.strip().startswith("-") or "Chưa đăng ký" in titles  # the collective titles, line by line
    assert "Phong trào" in book.sheetnames and "Cá nhân" in book.sheetnames and "_du_lieu" in book.sheetnames


needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler-utils is not installed",
)


@needs_office
def test_every_workbook_prints_its_heading_whole(books, tmp_path):
    out = tmp_path / "pdf"
    out.mkdir()
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, books.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    numbered = 0
    for kind, path in books.items():
        sheets = len(visible(openpyxl.load_workbook(path)))
        text = subprocess.run(
            ["pdftotext", "-layout", str(out / f"{kind}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        for needle in HEADING:
            assert text.count(needle) == sheets, (kind, needle, text.count(needle), sheets)
        pages = text.split("\f")[:-1]
        for page in pages:
            first = next((line.strip() for line in page.splitlines() if line.strip()), "")
            if first.isdigit():
                assert int(first) >= 2, kind  # no number on a sheet's first page
                numbered += 1
            else:
                assert first.startswith(HEADING[0]), (kind, first)  # a sheet's first page starts with the heading
    assert numbered > 0  # the long sheets are numbered from their second page
