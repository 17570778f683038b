"""The two writers, read back: PDFs with pdftotext/pdffonts/pdfplumber, workbooks with openpyxl."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest

from thidua_desktop.documents import machine, pdf, workbook
from thidua_desktop.documents.layout import (
    Annex,
    Column,
    Document,
    Header,
    Heading,
    Num,
    Paragraph,
    Signature,
    Table,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)

MM = 72 / 25.4
NFD_NAME = unicodedata.normalize("NFD", "Đặng Quốc Hưng")
LONG_TEXT = (
    "Cải tiến gá may túi cho chuyền may số 3 nhằm giảm thao tác thừa, tăng năng suất lao động và bảo đảm "
    "chất lượng đường may theo yêu cầu của khách hàng xuất khẩu"
)
ROWS = 150


def people_rows(n: int = ROWS) -> list[list]:
    rows = []
    for i in range(n):
        name = NFD_NAME if i == 3 else f"Nguyễn Thị Ánh Tuyết {i + 1}"
        initiative = LONG_TEXT if i % 10 == 0 else ""
        if i == 1:
            initiative = "=1+1"
        rows.append([i + 1, name, "Công nhân may / Tổ may 3", "Lao động tiên tiến", initiative])
    return rows


def sample_document(*, signer: str = "deputy", rows: int = ROWS) -> Document:
    signature = (
        Signature(("TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Trần Văn Nam")
        if signer == "deputy"
        else Signature(("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"), "Phạm Thị Hoa")
    )
    return Document(
        kind="registration",
        header=Header(
            "LĐLĐ huyện Gia Viễn",
            "CĐCS Công ty TNHH May Hoa Lư",
            "Số: 05/ĐK-CĐCS",
            "Gia Viễn, ngày 18 tháng 02 năm 2021",
        ),
        type_name="BẢN ĐĂNG KÝ THI ĐUA",
        subject="Năm 2021",
        recipient="Ban Thường vụ LĐLĐ huyện Gia Viễn",
        body=[
            Paragraph(
                "Căn cứ Kế hoạch số 02/KH-LĐLĐ ngày 20/01/2021 của Liên đoàn Lao động tỉnh Ninh Bình về phát "
                "động phong trào thi đua năm 2021, Ban Chấp hành đăng ký thi đua như sau:"
            ),
            Heading("A. ĐĂNG KÝ CỦA TẬP THỂ"),
            Table(
                [
                    Column("TT", 0.5, "center"),
                    Column("Chỉ tiêu", 5),
                    Column("Đơn vị tính", 1.3, "center"),
                    Column("Số đăng ký", 1.3, "right", "number"),
                    Column("Ghi chú", 1.5),
                ],
                [
                    [1, "Kết nạp mới đoàn viên công đoàn", "đoàn viên", Num(1200, "number"), ""],
                    [
                        2,
                        "Nữ CNVCLĐ đạt danh hiệu “Giỏi việc nước, đảm việc nhà”",
                        "%",
                        Num(Decimal("85.5"), "percent"),
                        "",
                    ],
                    [3, "Hoàn thành đổi thẻ đoàn viên", "CĐCS", Num(1, "yesno"), ""],
                    [4, "Giá trị làm lợi", "đồng", Num(Decimal(84_000_000), "money"), "+84 912 345 678"],
                ],
                sheet="Chỉ tiêu",
                caption="CÁC CHỈ TIÊU",
            ),
            Paragraph("Danh sách cá nhân kèm theo./."),
        ],
        signatures=[signature],
        recipients=["- LĐLĐ huyện Gia Viễn (b/c);", "- Lưu: VT, BCH."],
        annexes=[
            Annex(
                "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2021",
                "(Kèm theo Bản đăng ký số 05/ĐK-CĐCS)",
                blocks=[
                    Table(
                        [
                            Column("STT", 0.5, "center", "int"),
                            Column("Họ và tên", 2.3),
                            Column("Chức vụ / Tổ công đoàn", 2.8),
                            Column("Danh hiệu đăng ký", 3),
                            Column("Sáng kiến đăng ký", 3),
                        ],
                        people_rows(rows),
                        sheet="Cá nhân",
                    )
                ],
                landscape=True,
            )
        ],
        title="Bản đăng ký thi đua năm 2021",
        author="CĐCS Công ty TNHH May Hoa Lư",
        text_sheet=True,
    )


def pdftext(path, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_texts(path) -> list[str]:
    return pdftext(path).split("\f")[:-1]


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "dang-ky.pdf"
    pdf.write_pdf(sample_document(), path)
    return path


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "dang-ky.xlsx"
    data = machine.MachineData(
        {
            "schema": machine.SCHEMA,
            "schema_version": machine.SCHEMA_VERSION,
            "document_kind": "registration",
            "document_code": "05/ĐK-CĐCS",
            "year": 2021,
            "issued_on": dt.date(2021, 2, 18),
        },
        [
            machine.MachineTable(
                "people",
                ["record_id", "full_name", "share", "active", "joined"],
                [["a" * 32, "=1+1", Decimal("60.5"), True, dt.date(2020, 5, 1)], ["b" * 32, NFD_NAME, 40, False, None]],
            )
        ],
    )
    doc = sample_document()
    doc.body.append(
        Table(
            [Column("Ngày", 1, "center", "date"), Column("Ghi chú", 2)],
            [[dt.date(2021, 1, 20), "@mention"], [dt.date(2021, 6, 30), "-5"]],
            sheet="Ngày",
        )
    )
    workbook.write_workbook(doc, data, path)
    return path


# --- PDF ----------------------------------------------------------------------------------------


@needs_poppler
def test_pdf_fonts_are_liberation_serif_embedded_and_subset(sample_pdf):
    out = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    names = {row[0].split("+")[-1] for row in rows}
    assert names <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }, out
    for row in rows:
        assert row[0].count("+") == 1 and len(row[0].split("+")[0]) == 6, f"not a subset: {row}"
        emb, sub, uni = row[-5], row[-4], row[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


@needs_poppler
def test_pdf_first_page_has_the_official_heading_and_closing(sample_pdf):
    first = page_texts(sample_pdf)[0]
    for needle in (
        "LĐLĐ HUYỆN GIA VIỄN",
        "CĐCS CÔNG TY",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/ĐK-CĐCS",
        "Gia Viễn, ngày 18 tháng 02 năm 2021",
        "BẢN ĐĂNG KÝ THI ĐUA",
        "Năm 2021",
        "Kính gửi: Ban Thường vụ LĐLĐ huyện Gia Viễn",
        "TM. BAN CHẤP HÀNH",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Nam",
        "Nơi nhận:",
        "- Lưu: VT, BCH.",
        "1.200",
        "85,5%",
        "84.000.000",
    ):
        assert needle in first, needle
    # the motto is on the same line as the national name's column, right of the issuer
    lines = first.splitlines()
    national = next(i for i, line in enumerate(lines) if "CỘNG HÒA" in line)
    assert "LĐLĐ HUYỆN GIA VIỄN" in lines[national]
    number = next(line for line in lines if "Số: 05/ĐK-CĐCS" in line)
    assert "Gia Viễn, ngày 18 tháng 02 năm 2021" in number  # number and date share a line


@needs_poppler
def test_pdf_page_numbers_from_page_two(sample_pdf):
    """The document's pages from its second; an annex numbers its own pages, from its second (issue 16)."""
    pages = page_texts(sample_pdf)
    assert len(pages) >= 4
    assert pages[0].strip().splitlines()[0].strip() != "1"
    assert not re.fullmatch(r"\s*\d+\s*", pages[0].strip().splitlines()[0])
    number, annexes = 1, 0
    for text in pages[1:]:
        first = text.strip().splitlines()[0].strip()
        if first == "Phụ lục":  # an annex starts: no number on its first page, 2 on the next
            number, annexes = 1, annexes + 1
            continue
        number += 1
        assert first == str(number)
    assert annexes >= 1


@needs_poppler
def test_long_table_splits_with_the_header_repeated(sample_pdf):
    pages = page_texts(sample_pdf)
    annex = [p for p in pages if "Họ và tên" in p]
    assert len(annex) >= 3  # 150 rows over several landscape pages
    for text in annex:
        assert "Chức vụ / Tổ công đoàn" in text and "Danh hiệu đăng ký" in text
    numbers = []
    for text in annex:
        for line in text.splitlines():
            m = re.match(r"\s*(\d+)\s+(Nguyễn|Đặng)", line)
            if m:
                numbers.append(int(m.group(1)))
    assert numbers == list(range(1, ROWS + 1))  # every row once, in order, none lost at a break


@needs_poppler
def test_nfd_input_is_drawn_as_nfc(sample_pdf):
    text = pdftext(sample_pdf)
    assert "Đặng Quốc Hưng" in text
    assert not any(0x300 <= ord(ch) <= 0x36F for ch in text)


def test_page_size_and_margins_from_text_positions(sample_pdf):
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(str(sample_pdf)) as doc:
        first = doc.pages[0]
        assert (round(first.width, 1), round(first.height, 1)) == (595.3, 841.9)  # A4 portrait
        for page in doc.pages:
            w, h = page.width, page.height
            landscape = w > h
            left, right, top, bottom = (20, 20, 30, 20) if landscape else (30, 15, 20, 20)
            chars = [c for c in page.chars if c["text"].strip()]
            assert chars
            body = [c for c in chars if c["top"] > 15 * MM]  # the page number sits in the top margin
            assert body
            assert min(c["x0"] for c in body) >= left * MM - 0.5
            assert max(c["x1"] for c in body) <= w - right * MM + 0.5
            assert min(c["top"] for c in body) >= top * MM - 0.5
            assert max(c["bottom"] for c in body) <= h - bottom * MM + 0.5
            numbers = [c for c in chars if c["top"] <= 15 * MM]
            if page.page_number == 1 or (page.extract_text() or "").lstrip().startswith("Phụ lục"):
                assert numbers == []  # the first page, and an annex's first page
            else:
                centre = (left * MM + w - right * MM) / 2
                assert abs((min(c["x0"] for c in numbers) + max(c["x1"] for c in numbers)) / 2 - centre) < 2
        assert any(p.width > p.height for p in doc.pages)  # the annex is landscape


def test_pdf_type_sizes_follow_the_decree(sample_pdf):
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(str(sample_pdf)) as doc:
        page = doc.pages[0]
        words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)

    def word(text):
        found = next(w for w in words if w["text"] == text)
        return found["fontname"], found["size"]

    font, size = word("CỘNG")
    assert "Bold" in font and 12 <= size <= 13
    font, size = word("Độc")
    assert "Bold" in font and 13 <= size <= 14
    font, size = word("ngày")
    assert "Italic" in font and 13 <= size <= 14
    font, size = word("nhận:")
    assert "BoldItalic" in font and size == pytest.approx(12)
    assert word("Lưu:")[1] == pytest.approx(11)
    assert word("Căn")[1] == pytest.approx(14)
    assert "Bold" in word("TM.")[0]


def test_motto_rule_is_as_long_as_the_motto(sample_pdf):
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(str(sample_pdf)) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        motto = [w for w in words if w["text"] in ("Độc", "phúc")]
        span = (min(w["x0"] for w in motto), max(w["x1"] for w in motto))
        rules = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.5]
        assert any(abs(ln["x0"] - span[0]) < 1.5 and abs(ln["x1"] - span[1]) < 1.5 for ln in rules)


def test_long_cells_wrap_inside_their_column(sample_pdf):
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(str(sample_pdf)) as doc:
        page = next(p for p in doc.pages if p.width > p.height)
        words = [w["text"] for w in page.extract_words()]
        for w in LONG_TEXT.split():
            assert w in words  # nothing clipped
        right_edge = page.width - 20 * MM
        assert max(c["x1"] for c in page.chars) <= right_edge + 0.5  # nothing past the frame


def test_balanced_wrap_keeps_every_word():
    from thidua_desktop.documents import fonts

    fonts.register()
    text = "Sơ kết phong trào thi đua đợt 1 (6 tháng đầu năm) năm 2021 và phương hướng, nhiệm vụ đợt 2"
    lines = pdf.wrap_balanced(text, fonts.BOLD, 14, 300)
    assert len(lines) == 2 and " ".join(lines) == text


# --- workbook -----------------------------------------------------------------------------------


def test_workbook_numbers_dates_and_text(sample_xlsx):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(sample_xlsx)
    assert wb.sheetnames == ["Văn bản", "Chỉ tiêu", "Ngày", "Cá nhân", "_du_lieu"]
    ws = wb["Chỉ tiêu"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert ws["A1"].value == "LĐLĐ HUYỆN GIA VIỄN"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "Số: 05/ĐK-CĐCS" in cells and "BẢN ĐĂNG KÝ THI ĐUA" in cells
    assert cells[1200].data_type == "n" and cells[1200].number_format == "#,##0"
    assert cells[0.855].number_format == "0.0%"
    assert cells[84_000_000].number_format == "#,##0"
    phone = cells["+84 912 345 678"]
    assert phone.data_type == "s"
    dates = wb["Ngày"]
    found = [c for row in dates.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    assert [c.value.date() for c in found] == [dt.date(2021, 1, 20), dt.date(2021, 6, 30)]
    assert all(c.number_format == "dd/mm/yyyy" for c in found)
    texts = {c.value: c for row in dates.iter_rows() for c in row if isinstance(c.value, str)}
    assert texts["@mention"].data_type == "s" and texts["-5"].data_type == "s"
    people = wb["Cá nhân"]
    formula = [c for row in people.iter_rows() for c in row if c.value == "=1+1"]
    assert formula and all(c.data_type == "s" for c in formula)  # text, never a formula
    names = [c.value for row in people.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Đặng Quốc Hưng" in names  # NFC


def test_workbook_print_setup(sample_xlsx):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(sample_xlsx)
    ws = wb["Cá nhân"]
    assert ws.page_setup.paperSize in (9, "9")
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide (fitToWidth 1 is the default), any height
    assert ws.page_setup.fitToWidth in (None, 1, "1") and ws.page_setup.fitToHeight in (0, "0")
    assert ws.print_title_rows and ws.print_title_rows.startswith("$9")
    assert wb["Chỉ tiêu"].page_setup.orientation == "portrait"
    assert wb["Chỉ tiêu"].page_margins.left == pytest.approx(30 / 25.4, abs=0.01)
    assert not ws.print_options.gridLines  # the table's borders print, not a grid over the heading


def _thin_all_round(border) -> bool:
    return all(getattr(border, side).style == "thin" for side in ("left", "right", "top", "bottom"))


def test_workbook_table_grid_is_whole(sample_xlsx):
    """Every cell of the table carries its own thin border, empty ones too (a cell the reader fills
    in later keeps its border: no conditional format stands in for it); the heading has no grid."""
    openpyxl = pytest.importorskip("openpyxl")

    wb = openpyxl.load_workbook(sample_xlsx)
    for name, ncols, nrows in (("Cá nhân", 5, ROWS), ("Chỉ tiêu", 5, 4), ("Ngày", 2, 2)):
        ws = wb[name]
        header = next(r for r in range(1, 20) if ws.cell(r, 1).value in ("STT", "TT", "Ngày"))
        first, last = header + 1, header + nrows
        assert ws.max_row == last
        assert not list(ws.conditional_formatting), name
        for col in range(1, ncols + 1):
            for row in range(header, last + 1):
                assert _thin_all_round(ws.cell(row, col).border), (name, ws.cell(row, col).coordinate)
        blanks = [r for r in range(first, last + 1) if ws.cell(r, ncols).value is None]
        assert len(blanks) == {"Cá nhân": ROWS - ROWS // 10 - 1, "Chỉ tiêu": 3, "Ngày": 0}[name]
        assert not any(_thin_all_round(ws.cell(r, 1).border) for r in range(1, 4))  # the heading: no grid


def test_machine_sheet_is_very_hidden_and_reads_back(sample_xlsx):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(sample_xlsx)
    assert wb[machine.SHEET].sheet_state == "veryHidden"
    assert formula_free(wb[machine.SHEET])
    data = machine.read_sheet(sample_xlsx)
    assert data.meta["schema"] == machine.SCHEMA and data.meta["schema_version"] == 1
    assert data.meta["document_code"] == "05/ĐK-CĐCS" and data.meta["year"] == 2021
    assert data.meta["issued_on"] == "2021-02-18"
    people = data.table("people").records()
    assert people[0] == {
        "record_id": "a" * 32,
        "full_name": "=1+1",
        "share": 60.5,
        "active": True,
        "joined": "2020-05-01",
    }
    assert people[1]["full_name"] == "Đặng Quốc Hưng" and people[1]["joined"] is None


def formula_free(ws) -> bool:
    return all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_read_sheet_refuses_a_foreign_workbook(tmp_path):
    import xlsxwriter

    path = tmp_path / "khac.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Sheet1").write_string(0, 0, "x")
    book.close()
    with pytest.raises(ValueError, match="_du_lieu"):
        machine.read_sheet(path)
