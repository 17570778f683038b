"""Issue 17, rosters as union offices keep them: two-digit years, namesakes born the same day, names
in TCVN3/VNI with one-letter toned given names, names that are numbers or look like formulas — in
files written by XlsxWriter, openpyxl, xlwt, odfpy and LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from tests import sheets
from tests.test_cli import SETUP, thidua
from thidua_desktop.exchange.roster_import import build_preview
from thidua_desktop.exchange.spreadsheet import read_workbook
from thidua_desktop.exchange.table_reading import birth_century, parse_date
from thidua_desktop.services import roster, roster_io
from thidua_desktop.services.roster import PersonDetail
from thidua_desktop.store.errors import ValidationError

TODAY = dt.date(2021, 1, 20)
HEADER = ["STT", "Mã NV", "Họ và tên", "Ngày sinh", "Giới tính", "Tổ công đoàn", "Điện thoại"]


def by_xlsxwriter(path, rows, fonts):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("DS")
    formats = {font: book.add_format({"font_name": font}) for font in set(fonts.values())}
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    cells = ((r, c, v) for r, values in enumerate(rows) for c, v in enumerate(values) if v not in ("", None))
    for r, c, value in cells:
        if isinstance(value, str):
            ws.write_string(r, c, value, formats.get(fonts.get(c)))  # a string, even "=…"
        else:  # numbers; dates as Excel dates
            ws.write(r, c, value, day if isinstance(value, dt.date) else None)
    book.close()
    return path


def by_openpyxl(path, rows, fonts):
    return sheets.write_xlsx(path, rows, column_fonts=fonts)


def by_xlwt(path, rows, fonts):
    return sheets.write_xls(path, rows, column_fonts=fonts)


def by_odfpy(path, rows, fonts):
    return sheets.write_ods(path, rows, column_fonts=fonts)


def by_libreoffice(path, rows, fonts):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = by_openpyxl(path.with_suffix(".xlsx"), rows, fonts)
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
ALL = list(WRITERS)


def write(tmp_path, rows, writer, *, fonts=None, header=HEADER):
    make, ext = WRITERS[writer]
    return make(tmp_path / f"danh-sach.{ext}", [header, *rows], fonts or {})


def read(path):
    with read_workbook(path) as wb:
        return build_preview(wb, today=TODAY)


def errors(preview) -> list[str]:
    return [str(p) for p in preview.errors]


# --- two-digit years ---------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ALL)
def test_two_digit_years_take_the_century_of_a_working_age(tmp_path, writer):
    rows = [
        [1, "", "Nguyễn Văn An", "29/6/79", "Nam", "", ""],
        [2, "", "Trần Thị Bình", "03/02/05", "Nữ", "", ""],
        [3, "", "Lê Văn Cường", "1985", "Nam", "", ""],
        [4, "", "Phạm Thị Dung", 1990, "Nữ", "", ""],
        [5, "", "Hoàng Văn Em", dt.date(1970, 5, 1), "Nam", "", ""],
    ]
    p = read(write(tmp_path, rows, writer))
    assert errors(p) == []
    born = {d.full_name: (d.birth_date, d.birth_year) for d in p.drafts}
    assert born == {"Nguyễn Văn An": (dt.date(1979, 6, 29), 1979), "Trần Thị Bình": (dt.date(2005, 2, 3), 2005),
                    "Lê Văn Cường": (None, 1985), "Phạm Thị Dung": (None, 1990),
                    "Hoàng Văn Em": (dt.date(1970, 5, 1), 1970)}  # fmt: skip
    assert p.inferred() == {
        2: ["cột D (Ngày sinh): năm ghi 2 chữ số, hiểu là 1979"],
        3: ["cột D (Ngày sinh): năm ghi 2 chữ số, hiểu là 2005"],
    }
    assert str(p.inferences[0]) == (
        "Tệp " + p.file + ", trang 'DS', dòng 2, cột D (Ngày sinh): năm ghi 2 chữ số, hiểu là 1979"
    )


def test_the_birth_century_and_the_other_dates():
    century = birth_century(dt.date(2021, 1, 20))
    assert century(79, 6, 29) == 1979 and century(5, 2, 3) == 2005 and century(41, 1, 1) == 1941
    assert century(6, 1, 2) is None and century(40, 6, 1) == 1940 and century(39, 6, 1) is None
    assert parse_date("12/03/87").error  # without a century (the initiatives import) four digits are asked for
    assert parse_date("12/3/87", century).inferred == "năm ghi 2 chữ số, hiểu là 1987"


def test_a_two_digit_year_in_another_date_column_is_a_past_year(tmp_path):
    header = ["Họ và tên", "Ngày sinh", "Ngày vào công đoàn"]
    p = read(write(tmp_path, [["Nguyễn Văn An", "29/6/79", "1/5/15"]], "openpyxl", header=header))
    assert errors(p) == [] and p.drafts[0].joined_union_on == dt.date(2015, 5, 1)
    assert p.inferred()[2][1] == "cột C (Ngày vào công đoàn): năm ghi 2 chữ số, hiểu là 2015"


# --- namesakes born the same day ---------------------------------------------------------------


@pytest.mark.parametrize("writer", ALL)
def test_same_name_and_birth_date_differing_in_one_field_are_two_people_flagged(tmp_path, writer):
    born = dt.date(1985, 3, 12)
    rows = [
        [1, "NV01", "Nguyễn Văn An", born, "Nam", "Tổ 1", "0912345678"],
        [2, "NV02", "Nguyễn Văn An", born, "Nam", "Tổ 1", "0912345678"],  # another employee code
        [3, "", "Trần Thị Hoa", born, "Nữ", "Tổ 2", "0987000111"],
        [4, "", "Trần Thị Hoa", born, "Nữ", "Tổ 2", "0987000222"],  # another phone
        [5, "", "Lê Văn Tâm", born, "Nam", "Tổ 3", ""],
        [6, "", "Lê Văn Tâm", born, "Nam", "Tổ 4", ""],  # another union group
        [7, "", "Đỗ Minh Hải", born, "Nam", "", ""],
        [8, "", "Đỗ Minh Hải", born, "Nữ", "", ""],  # another sex
        [9, "NV09", "Vũ Thị Lan", born, "Nữ", "Tổ 1", "0900000009"],
        [10, "nv09", "Vũ Thị Lan", born, "Nữ", "tổ 1", "+84 900 000 009"],
    ]  # the same, written twice
    p = read(write(tmp_path, rows, writer))
    assert errors(p) == []
    assert [(x.first, x.repeated, x.differs) for x in p.pairs] == [
        (2, 3, ("mã nhân viên",)),
        (4, 5, ("điện thoại",)),
        (6, 7, ("tổ công đoàn",)),
        (8, 9, ("giới tính",)),
        (10, 11, ()),
    ]
    warnings = [str(w) for w in p.warnings]
    assert (
        f"Tệp {p.file}, trang 'DS', dòng 5, cột C (Họ và tên): có thể trùng với dòng 4 (Trần Thị Hoa, "
        "12/03/1985): cùng họ tên và ngày sinh nhưng khác điện thoại — là hai người, trừ khi bạn chọn gộp"
    ) in warnings
    assert any("dòng 11" in w and "trùng họ tên và ngày sinh với dòng 10" in w for w in warnings)


def test_five_pairs_of_namesakes_are_never_merged_silently(seeded_db, tmp_path):
    rows = []
    for n in range(5):  # different people sharing a name and a birth date: different STT, group, phone
        for k in range(2):
            rows.append(
                [
                    len(rows) + 1,
                    "",
                    f"Nguyễn Văn Tên{'ABCDE'[n]}",
                    dt.date(1980 + n, 1, 2),
                    "Nam",
                    f"Tổ {k + 1}",
                    f"09{n}{k}000000",
                ]
            )
    rim = roster_io.preview_file(seeded_db, write(tmp_path, rows, "openpyxl"), today=TODAY)
    assert len(rim.flags) == 5 and all(f.differs == ("điện thoại", "tổ công đoàn") for f in rim.flags)
    with pytest.raises(ValidationError, match="5 cặp cùng họ tên và ngày sinh chưa được quyết định"):
        roster_io.commit(seeded_db, rim, duplicates={})
    partly = {rim.flags[0].key: "merge"}
    with pytest.raises(ValidationError, match=r"dòng 4 và 5, 6 và 7"):
        roster_io.commit(seeded_db, rim, duplicates=partly)
    assert roster.list_people(seeded_db) == []
    result = roster_io.commit(seeded_db, rim)  # the default: everyone kept, nobody lost
    assert (result.added, result.merged) == (10, 0) and len(roster.list_people(seeded_db)) == 10


def test_a_person_on_the_roster_with_another_phone_is_flagged_not_updated(seeded_db, tmp_path):
    roster.save_person(
        seeded_db, PersonDetail("Nguyễn Văn", "An", birth_date=dt.date(1985, 3, 12), gender="M", phone="0911111111")
    )
    roster.save_person(seeded_db, PersonDetail("Trần Thị", "Hoa", birth_date=dt.date(1979, 1, 1), gender="F"))
    rows = [
        [1, "", "Nguyễn Văn An", dt.date(1985, 3, 12), "Nam", "", "0922222222"],
        [2, "", "Trần Thị Hoa", dt.date(1979, 1, 1), "Nữ", "Tổ 1", "0933333333"],
        [3, "", "Nguyễn Văn Ân", dt.date(1985, 3, 12), "Nam", "", ""],
    ]  # another name: a new person
    rim = roster_io.preview_file(seeded_db, write(tmp_path, rows, "openpyxl"), today=TODAY)
    assert list(rim.existing) == [3]  # Hoa: every field both have agrees
    assert [(f.key, f.row, f.first, f.differs) for f in rim.flags] == [("2-ds", 2, None, ("điện thoại",))]
    assert "dòng 2: Nguyễn Văn An, 12/03/1985 — có thể trùng với người đã có" in rim.flags[0].text
    keep = roster_io.plan(rim, {"2-ds": "keep"})
    assert (keep.added, keep.updated) == (2, 1)
    assert keep.notes[2] == ["người khác với người đã có cùng họ tên, ngày sinh: thêm mới"]
    merge = roster_io.plan(rim, {"2-ds": "merge"})
    assert (merge.added, merge.updated, merge.merged) == (1, 2, 1)
    result = roster_io.commit(seeded_db, rim, duplicates={"2-ds": "merge"})
    assert (result.added, result.updated) == (1, 2)
    an = next(p for p in roster.list_people(seeded_db) if p.full_name == "Nguyễn Văn An")
    assert roster.get_person(seeded_db, an.id).phone == "0922222222"


def test_the_command_refuses_to_guess(tmp_path):
    folder = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(folder), *SETUP).returncode == 0
    born = dt.date(1985, 3, 12)
    rows = [[1, "", "Nguyễn Văn An", born, "Nam", "Tổ 1", ""], [2, "", "Nguyễn Văn An", born, "Nam", "Tổ 2", ""]]
    path = write(tmp_path, rows, "openpyxl")
    refused = thidua("--data-dir", str(folder), "members", "import", str(path))
    assert refused.returncode == 1
    assert "dòng 2 và dòng 3: Nguyễn Văn An, 12/03/1985 — có thể trùng (khác tổ công đoàn)" in refused.stderr
    assert "--merge-duplicates" in refused.stderr and "Dữ liệu không bị thay đổi" in refused.stderr
    kept = thidua("--data-dir", str(folder), "members", "import", str(path), "--keep-duplicates")
    assert kept.returncode == 0 and "Đã thêm 2 người" in kept.stdout
    assert "dòng 3: người khác với dòng 2: giữ cả hai" in kept.stdout
    both = thidua("--data-dir", str(folder), "members", "import", str(path), "--keep-duplicates", "--merge-duplicates")
    assert both.returncode == 1
    merged = thidua("--data-dir", str(tmp_path / "khac"), *SETUP)
    assert merged.returncode == 0
    merged = thidua("--data-dir", str(tmp_path / "khac"), "members", "import", str(path), "--merge-duplicates")
    assert merged.returncode == 0 and "Đã thêm 1 người" in merged.stdout and "gộp 1 dòng trùng" in merged.stdout


# --- legacy fonts --------------------------------------------------------------------------------

NAMES = ["Nguyễn Thị Ỷ", "Lê Văn Ý", "Trần Ánh Ế", "Phạm Thị Ủ"]


def tcvn3(name: str) -> str:
    """As typed in .VnTime, which has no toned capitals: the one-letter given name in lower case."""
    return sheets.to_tcvn3("".join(ch.lower() if ch in "ỶÝẾÁỦ" else ch for ch in name))


@pytest.mark.parametrize("writer", ["xlsxwriter", "openpyxl", "xlwt", "odfpy", "libreoffice"])
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_names_with_one_letter_toned_given_names(tmp_path, writer, encoding):
    encode, font = (tcvn3, ".VnTime") if encoding == "tcvn3" else (sheets.to_vni, "VNI-Times")
    rows = [[n, "", encode(name), dt.date(1980 + n, 1, 1), "", "", ""] for n, name in enumerate(NAMES, 1)]
    p = read(write(tmp_path, rows, writer, fonts={2: font}))
    assert errors(p) == []
    assert [d.full_name for d in p.drafts] == NAMES
    assert [d.given_name for d in p.drafts] == ["Ỷ", "Ý", "Ế", "Ủ"]


def test_legacy_names_without_a_font_and_a_header_in_an_all_caps_font(tmp_path):
    header = [sheets.to_tcvn3_upper(h) for h in ["STT", "Họ và tên", "Ngày sinh"]]
    rows = [[n, tcvn3(name), dt.date(1980 + n, 1, 1)] for n, name in enumerate(NAMES, 1)]
    p = read(write(tmp_path, rows, "openpyxl", header=header))  # no font said: guessed
    assert [d.full_name for d in p.drafts] == NAMES
    assert p.columns == ["STT", "HỌ VÀ TÊN", "NGÀY SINH"]


# --- names that are numbers or formulas: refused, every one -----------------------------------


@pytest.mark.parametrize("writer", ["xlsxwriter", "odfpy"])  # they write "=…" as text, as typed with a '
def test_a_name_that_is_a_number_or_looks_like_a_formula_refuses_its_row(tmp_path, writer):
    born = dt.date(1985, 3, 12)
    rows = [
        [1, "", "Nguyễn Văn An", born, "Nam", "", ""],
        [2, "", 12345, born, "Nam", "", ""],
        [3, "", '=HYPERLINK("http://x","An")', born, "Nam", "", ""],
        [4, "", "+Nguyễn Văn Bình", born, "Nam", "", ""],
        [5, "", "@Lê Thị Cúc", born, "Nữ", "", ""],
        [6, "", "#REF!", born, "Nữ", "", ""],
    ]
    p = read(write(tmp_path, rows, writer))
    assert not p.can_commit and sorted(p.error_rows) == [3, 4, 5, 6, 7]
    by_row = {e.row: e for e in p.errors}
    assert all(e.column == "C" and e.field == "Họ và tên" for e in p.errors)
    assert "chứa số hoặc ngày ('12345')" in by_row[3].message_vi
    for row in (4, 5, 6, 7):
        assert "trông như một công thức Excel" in by_row[row].message_vi
        assert "dòng không được nhập" in by_row[row].message_vi
