"""Issue 17: initiative lists as union offices keep them go in the first time.

Every file here is written the way an office writes it, with the writers they use (XlsxWriter,
openpyxl, xlwt for .xls, odfpy and LibreOffice for .ods): STT, Tên sáng kiến, Lĩnh vực, Tác giả,
Tỷ lệ đóng góp (%), Ngày áp dụng lần đầu, Giá trị làm lợi (VNĐ), Cấp công nhận, Số quyết định,
Ngày quyết định — no "Năm", no "Trạng thái", no "Cơ quan quyết định".
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest

from tests.sheets import write_ods, write_xls, write_xlsx
from thidua_desktop.cli.main import main as thidua_main
from thidua_desktop.core import initiatives as core
from thidua_desktop.exchange.initiatives_io import header_signature, match_column, parse_benefit, parse_shares
from thidua_desktop.services import initiatives, initiatives_io, roster, year
from thidua_desktop.services.roster import PersonDetail

TODAY = dt.date(2021, 12, 20)
HEADER = [
    "STT",
    "Tên sáng kiến",
    "Lĩnh vực",
    "Tác giả",
    "Tỷ lệ đóng góp (%)",
    "Ngày áp dụng lần đầu",
    "Giá trị làm lợi (VNĐ)",
    "Cấp công nhận",
    "Số quyết định",
    "Ngày quyết định",
]
COL = {name: chr(ord("A") + i) for i, name in enumerate(HEADER)}
TITLE_BLOCK = [["CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY HOA LƯ"], ["DANH SÁCH SÁNG KIẾN NĂM 2021"], []]
FIRST_ROW = len(TITLE_BLOCK) + 2  # the Excel row of the first initiative
TRIO = "Nguyễn Thị Huệ; Đặng Quốc Giang; Võ Việt Long"


@pytest.fixture
def authors(seeded_db):
    made = {}
    for key, fm, given, born in [
        ("hue", "Nguyễn Thị", "Huệ", dt.date(1984, 2, 3)),
        ("giang", "Đặng Quốc", "Giang", dt.date(1988, 9, 1)),
        ("long", "Võ Việt", "Long", dt.date(1991, 5, 17)),
        ("hoa", "Phạm Thị", "Hoa", dt.date(1985, 3, 12)),
    ]:
        made[key] = roster.save_person(seeded_db, PersonDetail(fm, given, birth_date=born)).id
    return made


def usual_rows():
    return [
        [
            1,
            "Cải tiến gá may túi áo sơ mi",
            "Công nghệ may",
            TRIO,
            "80%; 10%; 10%",
            dt.date(2021, 3, 15),
            "135.460.000",
            "Cơ sở",
            "05/QĐ-HL",
            dt.date(2021, 5, 20),
        ],
        [
            2,
            "Hệ thống hút bụi chuyền cắt",
            "Cơ điện",
            "Phạm Thị Hoa, Võ Việt Long",
            "60, 40",
            "02/04/2020",
            84_000_000,
            "Ngành",
            "112/QĐ-CĐN",
            "10/11/2020",
        ],
        [
            3,
            "Số hóa sổ theo dõi năng suất",
            "Quản lý sản xuất",
            "Đặng Quốc Giang",
            "",
            dt.date(2021, 1, 11),
            "36.000.000 đ",
            "Tỉnh",
            "2034/QĐ-UBND",
            dt.date(2021, 6, 1),
        ],
        [
            4,
            "Đèn LED cho khu hoàn thiện",
            "Tiết kiệm năng lượng",
            "Nguyễn Thị Huệ; Phạm Thị Hoa",
            "50; 50",
            dt.date(2021, 2, 1),
            "",
            "",
            "",
            "",
        ],
    ]


def sheet(rows, header=HEADER):
    return [*TITLE_BLOCK, header, *rows, [], ["", "Tổng cộng: 4 sáng kiến"]]


# --- the writers an office uses -------------------------------------------------------------


def by_xlsxwriter(path, rows):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Danh sách")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value)
            elif value not in ("", None):
                ws.write_string(r, c, value)
    book.close()
    return path


def by_openpyxl(path, rows):
    return write_xlsx(path, rows, title="Danh sách")


def by_xlwt(path, rows):
    return write_xls(path, rows, title="Danh sách")


def by_odfpy(path, rows):
    return write_ods(path, rows, title="Danh sách")


def by_libreoffice(path, rows):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = by_openpyxl(path.with_suffix(".xlsx"), rows)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "ods", "--outdir", str(path.parent), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path.with_suffix(".ods")


WRITERS = {
    "xlsxwriter": (by_xlsxwriter, "xlsx"),
    "openpyxl": (by_openpyxl, "xlsx"),
    "xlwt": (by_xlwt, "xls"),
    "odfpy": (by_odfpy, "ods"),
    "libreoffice": (by_libreoffice, "ods"),
}


def write(tmp_path, rows, writer="openpyxl", name="danh-sach", header=HEADER):
    make, ext = WRITERS[writer]
    return make(tmp_path / f"{name}.{ext}", sheet(rows, header))


def run_import(db, capsys, path, *extra):
    """``thidua initiatives import``: the exit code, what it printed, and its error lines."""
    code = thidua_main(["initiatives", "import", str(path), *extra, "--data-dir", str(db.paths.root)])
    captured = capsys.readouterr()
    return code, captured, [line for line in captured.err.splitlines() if line.startswith("LỖI")]


def details(db):
    return {r.title: initiatives.get_initiative(db, r.id) for r in initiatives.list_initiatives(db)}


# --- the usual list --------------------------------------------------------------------------


@pytest.mark.parametrize("writer", list(WRITERS))
def test_the_usual_list_goes_in_the_first_time(seeded_db, authors, tmp_path, writer):
    path = write(tmp_path, usual_rows(), writer)
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    assert preview.errors == [], [str(p) for p in preview.errors]
    assert preview.added == 4 and preview.default_year is None
    initiatives_io.commit(seeded_db, preview, today=TODAY)
    got = details(seeded_db)
    ga = got["Cải tiến gá may túi áo sơ mi"]
    assert [(a.person_id, a.share) for a in ga.authors] == [
        (authors["hue"], 80),
        (authors["giang"], 10),
        (authors["long"], 10),
    ]
    assert (ga.year, ga.economic_benefit, ga.status, ga.recognition_level) == (2021, 135_460_000, "recognised", "co_so")
    profile = year.get_unit(seeded_db)
    assert ga.decision_issuer == profile.employer_name == "Công ty TNHH May Hoa Lư"  # the employer's profile
    hut = got["Hệ thống hút bụi chuyền cắt"]
    assert hut.year == 2020 and [a.share for a in hut.authors] == [60, 40]  # the year of its first application
    assert hut.decision_issuer == profile.upper_union and hut.decision_date == dt.date(2020, 11, 10)
    so = got["Số hóa sổ theo dõi năng suất"]
    assert [a.share for a in so.authors] == [100] and so.economic_benefit == 36_000_000
    assert so.decision_issuer == profile.upper_union_parent == "LĐLĐ tỉnh Ninh Bình"
    led = got["Đèn LED cho khu hoàn thiện"]
    assert (led.status, led.economic_benefit, led.decision_issuer) == ("applying", None, "")


def test_the_preview_says_what_it_filled_in(seeded_db, authors, tmp_path):
    path = write(tmp_path, usual_rows())
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    notes = {item.source_row: [str(n) for n in item.inferred] for item in preview.items}
    where = "Tệp danh-sach.xlsx, trang 'Danh sách', dòng"
    assert notes[FIRST_ROW] == [
        f"{where} {FIRST_ROW}, cột F (Ngày áp dụng lần đầu): năm 2021: theo ngày áp dụng lần đầu 15/03/2021 "
        "(bảng không có cột Năm)",
        f"{where} {FIRST_ROW}, (Cơ quan quyết định): cơ quan quyết định: Công ty TNHH May Hoa Lư "
        "(đơn vị sử dụng lao động, theo cấp cơ sở; tệp không có cột này)",
    ]
    assert "năm 2020: theo ngày áp dụng lần đầu 02/04/2020" in notes[FIRST_ROW + 1][0]
    assert (
        "cơ quan quyết định: LĐLĐ huyện Gia Viễn (công đoàn cấp trên trực tiếp, theo cấp ngành"
        in notes[FIRST_ROW + 1][1]
    )
    assert "cơ quan quyết định: LĐLĐ tỉnh Ninh Bình (công đoàn cấp trên, theo cấp tỉnh" in notes[FIRST_ROW + 2][1]
    assert len(notes[FIRST_ROW + 3]) == 1  # not recognised: only the year
    assert len(preview.warnings) == 1 and len(preview.inferred) == 7  # the warning: the "Tổng cộng" footer

    preview = initiatives_io.preview_file(seeded_db, path, default_year=2021, today=TODAY)
    assert {i.draft.year for i in preview.items} == {2021}
    assert all("năm 2021: năm đã chọn khi nhập (bảng không có cột Năm)" in str(i.inferred[0]) for i in preview.items)


def test_the_union_decides_at_the_base_when_the_profile_names_no_employer(seeded_db, authors, tmp_path):
    profile = year.get_unit(seeded_db)
    profile.employer_name = ""
    year.save_unit(seeded_db, profile)
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, usual_rows()[:1]), today=TODAY)
    assert preview.errors == []
    assert preview.items[0].draft.decision_issuer == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert "(công đoàn cơ sở, theo cấp cơ sở" in str(preview.items[0].inferred[-1])


def test_a_deciding_body_written_in_the_file_is_kept(seeded_db, authors, tmp_path):
    header = [*HEADER, "Cơ quan quyết định"]
    rows = [[*r, ""] for r in usual_rows()]
    rows[0][-1] = "Hội đồng sáng kiến Công ty TNHH May Hoa Lư"
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, rows, header=header), today=TODAY)
    assert preview.errors == []
    first, second = preview.items[0], preview.items[1]
    assert first.draft.decision_issuer == "Hội đồng sáng kiến Công ty TNHH May Hoa Lư"
    assert [n.field for n in first.inferred] == ["Ngày áp dụng lần đầu"]
    assert second.draft.decision_issuer == "LĐLĐ huyện Gia Viễn"
    assert "cột K (Cơ quan quyết định)" in str(second.inferred[-1]) and "ô để trống" in str(second.inferred[-1])


def test_reimporting_the_usual_list_changes_nothing(seeded_db, authors, tmp_path):
    path = write(tmp_path, usual_rows())
    initiatives_io.commit(seeded_db, initiatives_io.preview_file(seeded_db, path, today=TODAY), today=TODAY)
    again = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    assert again.errors == [] and (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_the_deciding_body_of_each_level():
    chain = {
        "unit_name": "CĐCS Bệnh viện Đa khoa tỉnh",
        "upper_union": "LĐLĐ thành phố Ninh Bình",
        "upper_union_parent": "Công đoàn ngành Y tế Ninh Bình",
    }
    assert core.deciding_body("co_so", **chain) == ("CĐCS Bệnh viện Đa khoa tỉnh", "công đoàn cơ sở")
    assert core.deciding_body("co_so", employer_name="Bệnh viện Đa khoa tỉnh", **chain)[0] == "Bệnh viện Đa khoa tỉnh"
    assert core.deciding_body("nganh", **chain) == ("Công đoàn ngành Y tế Ninh Bình", "công đoàn cấp trên")
    assert core.deciding_body("tinh", **chain) == ("LĐLĐ thành phố Ninh Bình", "công đoàn cấp trên trực tiếp")
    assert core.deciding_body("tinh", upper_union="LĐLĐ huyện Gia Viễn")[0] == "LĐLĐ huyện Gia Viễn"
    assert core.deciding_body("toan_quoc")[0] == core.NATIONAL_BODY
    assert core.deciding_body("co_so") == ("", "")


# --- shares ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authors_cell, shares_cell",
    [
        ("Nguyễn Thị Huệ; Đặng Quốc Giang; Võ Việt Long", "80%; 10%; 10%"),
        ("Nguyễn Thị Huệ; Đặng Quốc Giang; Võ Việt Long", "80; 10; 10"),
        ("Nguyễn Thị Huệ, Đặng Quốc Giang, Võ Việt Long", "80%, 10%, 10%"),
        ("Nguyễn Thị Huệ, Đặng Quốc Giang, Võ Việt Long", "80, 10, 10"),
        ("Nguyễn Thị Huệ, Đặng Quốc Giang, Võ Việt Long", "80,10,10"),
        ("Nguyễn Thị Huệ\nĐặng Quốc Giang\nVõ Việt Long", "80%\n10%\n10%"),
        ("Nguyễn Thị Huệ (80%); Đặng Quốc Giang (10%); Võ Việt Long (10%)", ""),
        ("Nguyễn Thị Huệ (80%); Đặng Quốc Giang (10%); Võ Việt Long (10%)", "80%; 10%; 10%"),
    ],
)
@pytest.mark.parametrize("writer", ["xlsxwriter", "xlwt"])
def test_shares_in_their_own_column(seeded_db, authors, tmp_path, writer, authors_cell, shares_cell):
    rows = usual_rows()[:1]
    rows[0][3], rows[0][4] = authors_cell, shares_cell
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, rows, writer), today=TODAY)
    assert preview.errors == [], [str(p) for p in preview.errors]
    assert [(a.person_id, a.share) for a in preview.items[0].draft.authors] == [
        (authors["hue"], 80),
        (authors["giang"], 10),
        (authors["long"], 10),
    ]


@pytest.mark.parametrize("shares_cell, share", [("", 100), ("100%", 100), (100, 100), (1.0, 100), ("100", 100)])
def test_a_single_author_without_a_share_has_it_all(seeded_db, authors, tmp_path, shares_cell, share):
    rows = usual_rows()[2:3]
    rows[0][4] = shares_cell
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, rows), today=TODAY)
    assert preview.errors == [] and [a.share for a in preview.items[0].draft.authors] == [share]


def _shares_bad(authors_cell, shares_cell):
    rows = usual_rows()
    rows[0][3], rows[0][4] = authors_cell, shares_cell
    return rows


SHARE_ERRORS = [
    pytest.param(_shares_bad(TRIO, "80%; 20%"), "có 3 tác giả nhưng 2 tỷ lệ đóng góp", id="count"),
    pytest.param(_shares_bad(TRIO, "80%; 10%; 5%"), "tổng tỷ lệ đóng góp là 95%, phải bằng 100%", id="sum"),
    pytest.param(_shares_bad(TRIO, "80%; mười; 10%"), "tỷ lệ đóng góp 'mười' không phải là số", id="not-a-number"),
    pytest.param(_shares_bad(TRIO, "110%; -20%; 10%"), "tỷ lệ đóng góp -20% âm", id="negative"),
    pytest.param(_shares_bad(TRIO, "80%; ; 20%"), "thiếu tỷ lệ đóng góp thứ 2", id="empty-entry"),
    pytest.param(
        _shares_bad(TRIO, ""), "chưa ghi tỷ lệ đóng góp của Nguyễn Thị Huệ, Đặng Quốc Giang, Võ Việt Long", id="missing"
    ),
    pytest.param(
        _shares_bad("Nguyễn Thị Huệ (70%); Đặng Quốc Giang (20%); Võ Việt Long (10%)", "80%; 10%; 10%"),
        "khác với tỷ lệ ghi trong ô tác giả",
        id="disagrees",
    ),
    pytest.param(
        _shares_bad("Nguyễn Thị Huệ; Đặng Quốc Giang", "100%; 0%"),
        "Tỷ lệ đóng góp của Đặng Quốc Giang phải lớn hơn 0",
        id="zero",
    ),
]


@pytest.mark.parametrize("rows, message", SHARE_ERRORS)
def test_a_bad_share_is_an_error_of_its_row_and_column(seeded_db, authors, tmp_path, capsys, rows, message):
    code, captured, errors = run_import(seeded_db, capsys, write(tmp_path, rows))
    assert code == 1
    expected = f"Tệp danh-sach.xlsx, trang 'Danh sách', dòng {FIRST_ROW}, cột E (Tỷ lệ đóng góp (%))"
    assert any(expected in line and message in line for line in errors), captured.err
    assert len(errors) == 1, errors  # one message for the cell, not one more from the checks
    assert initiatives.list_initiatives(seeded_db) == []


def test_parse_shares_alone():
    assert parse_shares("33,33%; 33,33%; 33,34%", 3) == ([Decimal("33.33"), Decimal("33.33"), Decimal("33.34")], None)
    assert parse_shares("33,33, 33,33, 33,34", 3)[0] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert parse_shares("80% 10% 10%", 3)[0] == [80, 10, 10]
    assert parse_shares(0.8, 1)[1] == "tổng tỷ lệ đóng góp là 80%, phải bằng 100%"
    assert parse_shares(dt.date(2021, 1, 1), 1)[1].endswith("không phải là tỷ lệ đóng góp")


@pytest.mark.parametrize(
    "header",
    [
        "Tỷ lệ đóng góp (%)",
        "Tỷ lệ đóng góp",
        "% đóng góp",
        "Tỷ lệ (%)",
        "Tỷ lệ",
        "Tỷ lệ % đóng góp của mỗi tác giả",
        "Phần trăm đóng góp",
        "%",
    ],
)
def test_any_header_meaning_the_shares(header):
    assert match_column(header) == "shares"
    assert match_column("Tác giả (tỷ lệ đóng góp)") == "authors"


# --- year, values, dates -----------------------------------------------------------------------


def test_a_row_without_a_year_or_a_date_is_an_error_unless_a_year_is_chosen(seeded_db, authors, tmp_path, capsys):
    rows = usual_rows()
    rows[3][5] = ""
    path = write(tmp_path, rows)
    code, captured, _errors = run_import(seeded_db, capsys, path)
    assert code == 1
    assert (
        f"LỖI: Tệp danh-sach.xlsx, trang 'Danh sách', dòng {FIRST_ROW + 3}, cột F (Ngày áp dụng lần đầu): "
        "không biết sáng kiến thuộc năm nào"
    ) in captured.err
    assert "năm của ngày áp dụng lần đầu (không có --year)" in captured.out
    assert f"Suy ra: Tệp danh-sach.xlsx, trang 'Danh sách', dòng {FIRST_ROW}, cột F" in captured.out

    code, captured, _errors = run_import(seeded_db, capsys, path, "--year", "2021")
    assert code == 0, captured.err
    assert "Năm của các dòng không ghi năm: 2021 (--year)." in captured.out
    assert f"dòng {FIRST_ROW + 3}, (Năm): năm 2021: năm đã chọn khi nhập (bảng không có cột Năm)" in captured.out
    assert "Đã thêm 4 sáng kiến" in captured.out
    assert {r.year for r in initiatives.list_initiatives(seeded_db)} == {2021}
    # A registration, not yet applied, whose year the file does not say: it takes the chosen one.
    led = details(seeded_db)["Đèn LED cho khu hoàn thiện"]
    assert (led.year, led.status, led.first_applied_on) == (2021, "registered", None)


def test_a_blank_year_cell_takes_the_first_application_date(seeded_db, authors, tmp_path):
    header = [*HEADER, "Năm"]
    rows = [[*r, 2021] for r in usual_rows()]
    rows[1][-1] = ""
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, rows, header=header), today=TODAY)
    assert [i.draft.year for i in preview.items] == [2021, 2020, 2021, 2021]
    assert [len(i.inferred) for i in preview.items] == [1, 2, 1, 0]  # the body of the recognised, the blank year
    assert "cột K (Năm): năm 2020: theo ngày áp dụng lần đầu 02/04/2020 (ô Năm để trống)" in str(
        preview.items[1].inferred[0]
    )


@pytest.mark.parametrize(
    "cell, amount",
    [
        ("135.460.000", 135_460_000),
        ("135.460.000 đ", 135_460_000),
        ("135.460.000đ", 135_460_000),
        ("135.460.000 đồng", 135_460_000),
        ("135.460.000 VNĐ", 135_460_000),
        ("VNĐ 135.460.000", 135_460_000),
        ("135,460,000", 135_460_000),
        (135_460_000, 135_460_000),
        (135_460_000.0, 135_460_000),
        ("", None),
        ("-", None),
        ("  ", None),
        ("84 triệu", 84_000_000),
    ],
)
def test_values_as_offices_write_them(cell, amount):
    assert parse_benefit(cell) == (None if amount is None else Decimal(amount), None)


@pytest.mark.parametrize("writer", ["xlsxwriter", "openpyxl", "xlwt", "odfpy"])
def test_text_values_with_dots_and_dates_three_ways(seeded_db, authors, tmp_path, writer):
    rows = usual_rows()
    rows[0][5] = 44270  # an Excel serial: 15/03/2021
    rows[0][6] = "1.234.567.000 đồng"
    rows[1][6] = "84.000.000 VNĐ"
    rows[2][5] = "11/01/2021"
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, rows, writer), today=TODAY)
    assert preview.errors == [], [str(p) for p in preview.errors]
    drafts = [i.draft for i in preview.items]
    assert [d.first_applied_on for d in drafts] == [
        dt.date(2021, 3, 15),
        dt.date(2020, 4, 2),
        dt.date(2021, 1, 11),
        dt.date(2021, 2, 1),
    ]
    assert [d.economic_benefit for d in drafts] == [1_234_567_000, 84_000_000, 36_000_000, None]


# --- the column mapping ------------------------------------------------------------------------


ODD_HEADER = [
    "TT",
    "Nội dung giải pháp",
    "Người thực hiện",
    "Phần đóng góp",
    "Thời điểm áp dụng",
    "Làm lợi",
    "Mức",
    "QĐ",
    "Ngày ký",
]


def odd_rows():
    return [[r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9]] for r in usual_rows()]


ODD_MAPPING = {
    "stt": 0,
    "title": 1,
    "authors": 2,
    "shares": 3,
    "first_applied": 4,
    "benefit": 5,
    "level": 6,
    "decision_number": 7,
    "decision_date": 8,
}


def test_a_mapping_reads_headers_the_names_do_not_match(seeded_db, authors, tmp_path):
    path = write(tmp_path, odd_rows(), header=ODD_HEADER)
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    assert preview.header_row is None and "không tìm thấy dòng tiêu đề" in str(preview.errors[0])
    assert preview.columns == ODD_HEADER and preview.signature == header_signature(ODD_HEADER)
    chosen = initiatives_io.preview_file(seeded_db, path, today=TODAY, mapping=ODD_MAPPING)
    assert chosen.errors == [] and chosen.added == 4 and chosen.mapping_source == "chosen"
    assert [a.share for a in chosen.items[0].draft.authors] == [80, 10, 10]
    incomplete = initiatives_io.preview_file(seeded_db, path, today=TODAY, mapping={"title": 1})
    assert "chưa chọn cột nào là 'Tác giả'" in str(incomplete.errors[0])
    remembered = initiatives_io.preview_file(seeded_db, path, today=TODAY, remembered={preview.signature: ODD_MAPPING})
    assert remembered.errors == [] and remembered.mapping_source == "remembered" and remembered.added == 4
