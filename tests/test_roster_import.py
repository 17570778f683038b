"""From any roster spreadsheet to checked person drafts: header, mapping, parsing, checks."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from tests.sheets import (
    PEOPLE,
    TITLE_BLOCK,
    encrypt_xlsx,
    simple_roster,
    to_tcvn3,
    to_tcvn3_upper,
    to_vni,
    write_ods,
    write_xls,
    write_xlsx,
    zip_bomb,
)
from thidua_desktop.exchange.roster_import import (
    FIELDS,
    ImportPreview,
    Problem,
    build_preview,
    find_header,
    guess_mapping,
    match_field,
    person_key,
)
from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook

TODAY = dt.date(2021, 1, 20)


def preview_of(path: Path, **kw) -> ImportPreview:
    with read_workbook(path) as wb:
        return build_preview(wb, today=TODAY, **kw)


def only(problems: list[Problem], severity: str = "error") -> list[str]:
    return [str(p) for p in problems if p.severity == severity]


def names(preview: ImportPreview) -> list[str]:
    return [d.full_name for d in preview.drafts]


# --- the ordinary case ------------------------------------------------------------------------


def test_header_on_row_6_under_a_title_block_with_numbering_row(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", simple_roster(), title="DS CBCNV")
    p = preview_of(path)
    assert p.sheet == "DS CBCNV"
    assert p.header_row == 5 and p.data_start == 7  # Excel row 6 header, row 7 numbering skipped
    assert p.mapping == {"stt": 0, "full_name": 1, "birth_date": 2, "gender": 3, "position": 4,
                         "group_name": 5, "is_member": 6}  # fmt: skip
    assert p.columns[:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert p.problems == [] and p.can_commit
    assert names(p) == [n for n, *_ in PEOPLE]
    first = p.drafts[0]
    assert (first.source_row, first.family_middle, first.given_name) == (8, "Nguyễn Văn", "An")
    assert (first.birth_date, first.birth_year, first.gender) == (dt.date(1985, 3, 12), 1985, "M")
    assert (first.position, first.group_name, first.is_member) == ("Công nhân may", "Tổ 1", True)
    assert p.drafts[1].gender == "F"
    assert p.counts["drafts"] == 4 and p.counts["women"] == 2 and p.counts["members"] == 4
    assert p.confidence >= 0.9


def test_header_on_row_7(tmp_path):
    rows = [list(r) for r in TITLE_BLOCK] + [["Kèm theo công văn số 12/CĐCS"]]
    rows += [["TT", "Họ và tên", "Năm sinh", "Chức danh"], ["1", "Lê Thị Mai", 1980, "Kế toán"]]
    p = preview_of(write_xlsx(tmp_path / "r7.xlsx", rows))
    assert p.header_row == 6
    assert [(d.full_name, d.birth_year, d.birth_date, d.position) for d in p.drafts] == [
        ("Lê Thị Mai", 1980, None, "Kế toán")
    ]


def test_problem_text_names_file_sheet_row_column_and_field():
    problem = Problem("ds.xlsx", "DS CBCNV", 12, "C", "Ngày sinh", "ngày 31/02/1990 không tồn tại")
    assert str(problem) == "Tệp ds.xlsx, trang 'DS CBCNV', dòng 12, cột C (Ngày sinh): ngày 31/02/1990 không tồn tại"
    assert str(Problem("a.xls", None, None, None, None, "x")) == "Tệp a.xls: x"


# --- bad files: a clear message and nothing to commit ----------------------------------------


def _csv(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ tên;Ngày sinh\nAn;1/1/1990\n", encoding="utf-8")
    return path


def _pdf(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n")
    return path


def _random(tmp_path):
    path = tmp_path / "ds.xls"
    path.write_bytes(bytes((i * 37) % 256 for i in range(5000)))
    return path


def _locked(tmp_path):
    return encrypt_xlsx(write_xlsx(tmp_path / "p.xlsx", simple_roster()), tmp_path / "ds.xlsx")


def _bomb(tmp_path):
    return zip_bomb(tmp_path / "ds.xlsx", size=30 * 1024 * 1024)


@pytest.mark.parametrize("make", [_csv, _pdf, _random, _locked, _bomb])
def test_files_that_are_not_readable_spreadsheets(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(SpreadsheetError) as info:
        preview_of(path)
    assert info.value.message_vi.startswith("Tệp ds.xls")


def test_over_the_size_limit(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", simple_roster())
    with pytest.raises(SpreadsheetError, match="vượt giới hạn"):
        read_workbook(path, max_bytes=2048)


def test_empty_sheet_chosen_by_hand(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", simple_roster(), extra_sheets=[("Trống", [], "visible")])
    p = preview_of(path, sheet="Trống")
    assert only(p.problems) == ["Tệp ds.xlsx, trang 'Trống': trang này không có dữ liệu"]
    assert p.drafts == [] and not p.can_commit


def test_no_name_column(tmp_path):
    rows = [["Số", "Ngày sinh", "Chức vụ"], [1, dt.date(1980, 1, 1), "Kế toán"]]
    p = preview_of(write_xlsx(tmp_path / "ds.xlsx", rows, title="Trang 1"))
    assert only(p.problems) == [
        "Tệp ds.xlsx, trang 'Trang 1': Không tìm thấy cột họ tên trong trang 'Trang 1' — hãy chọn cột bằng tay"
    ]
    assert p.drafts == [] and not p.can_commit
    # the caller chooses the column by hand
    fixed = preview_of(tmp_path / "ds.xlsx", header_row=0, mapping={"full_name": 2, "birth_date": 1})
    assert names(fixed) == ["Kế toán"] and fixed.drafts[0].birth_date == dt.date(1980, 1, 1)


# --- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Họ và tên", "full_name"),
        ("HỌ VÀ TÊN", "full_name"),
        ("Họ và\ntên", "full_name"),
        ("Ho va ten", "full_name"),
        ("Họ và tên đoàn viên", "full_name"),
        ("Họ, tên", "full_name"),
        ("Họ đệm", "family_middle"),
        ("Họ", "family_middle"),
        ("Tên", "given_name"),
        ("Ngày, tháng, năm sinh", "birth_date"),
        ("Ngày sinh (dd/mm/yyyy)", "birth_date"),
        ("Năm sinh", "birth_date"),
        ("Nam", "male"),
        ("Nữ", "female"),
        ("GT", "gender"),
        ("Tổ CĐ", "group_name"),
        ("Phòng ban", "department"),
        ("ĐVCĐ", "is_member"),
        ("Ngày vào CĐ", "joined_union_on"),
        ("Ngày tuyển dụng", "employed_since"),
        ("SĐT", "phone"),
        ("E-mail", "email"),
        ("Ngày nghỉ việc", "left_on"),
        ("Ghi chú", "note"),
        ("STT", "stt"),
        ("Hä vµ tªn", "full_name"),  # TCVN3 without its font
        ("Hoï vaø teân", "full_name"),  # VNI without its font
        ("Quê quán", None),
        ("", None),
    ],
)
def test_match_field(text, key):
    assert match_field(text) == key


def test_every_synonym_maps_to_its_own_field():
    for f in FIELDS:
        for synonym in f.synonyms:
            assert match_field(synonym) == f.key, synonym


def test_guess_mapping_first_column_wins():
    assert guess_mapping(["STT", "Họ tên", "Họ tên", 3, None, "Ngày sinh"]) == {
        "stt": 0, "full_name": 1, "birth_date": 5,
    }  # fmt: skip


def test_merged_two_row_header_birth_date_under_nam_nu(tmp_path):
    """The classic layout: "Ngày sinh" merged over "Nam" | "Nữ", the date in one of them."""
    rows = [list(r) for r in TITLE_BLOCK]
    rows.append(["TT", "Họ và tên", "Ngày sinh", "", "Chức vụ"])
    rows.append(["", "", "Nam", "Nữ", ""])
    rows.append(["1", "2", "3", "4", "5"])
    rows.append([1, "Nguyễn Văn An", dt.date(1985, 3, 12), "", "Tổ trưởng"])
    rows.append([2, "Phạm Thị Hoa", "", "02/11/1979", "Chủ tịch CĐCS"])
    rows.append([3, "Lê Thị Mai", "", 1980, "Kế toán"])
    path = write_xlsx(tmp_path / "gop.xlsx", rows, merged=["C6:D6", "A6:A7", "B6:B7", "E6:E7"])
    p = preview_of(path)
    assert (p.header_row, p.sub_header_row, p.data_start) == (5, 6, 8)
    assert p.mapping["male"] == 2 and p.mapping["female"] == 3 and "birth_date" not in p.mapping
    assert p.columns[2] == "Ngày sinh / Nam"
    got = [(d.full_name, d.gender, d.birth_date, d.birth_year) for d in p.drafts]
    assert got == [
        ("Nguyễn Văn An", "M", dt.date(1985, 3, 12), 1985),
        ("Phạm Thị Hoa", "F", dt.date(1979, 11, 2), 1979),
        ("Lê Thị Mai", "F", None, 1980),
    ]
    assert p.can_commit


def test_two_row_header_without_merge_information_and_gender_marks(tmp_path):
    rows = [["STT", "Họ và tên", "Giới tính", "", "Tổ"], ["", "", "Nam", "Nữ", ""]]
    rows += [[1, "Nguyễn Văn An", "x", "", "Tổ 1"], [2, "Phạm Thị Hoa", "", "x", "Tổ 2"],
             [3, "Đinh Văn Tùng", "x", "x", ""]]  # fmt: skip
    p = preview_of(write_xlsx(tmp_path / "gt.xlsx", rows))
    assert p.sub_header_row == 1
    assert [d.gender for d in p.drafts] == ["M", "F", ""]
    assert only(p.problems) == ["Tệp gt.xlsx, trang 'DS', dòng 5, cột D (Nữ): đánh dấu cả Nam và Nữ"]


def test_first_data_row_is_not_taken_for_a_second_header_row(tmp_path):
    rows = [["STT", "Họ và tên", "Giới tính", "", "Tổ"], [1, "Nguyễn Văn An", "Nam", "x", "Tổ 1"],
            [2, "Phạm Thị Hoa", "Nữ", "", "Tổ 2"]]  # fmt: skip
    p = preview_of(write_xlsx(tmp_path / "mot.xlsx", rows))
    assert (p.header_row, p.sub_header_row, p.data_start) == (0, None, 1)
    assert [(d.full_name, d.gender) for d in p.drafts] == [("Nguyễn Văn An", "M"), ("Phạm Thị Hoa", "F")]


def test_full_name_merged_over_two_columns(tmp_path):
    rows = [["STT", "Họ và tên", "", "Ngày sinh"], [1, "Nguyễn Văn", "An", "12/03/1985"],
            [2, "Phạm Thị", "Hoa", "02/11/1979"]]  # fmt: skip
    p = preview_of(write_xlsx(tmp_path / "ten.xlsx", rows, merged=["B1:C1"]))
    assert p.mapping["family_middle"] == 1 and p.mapping["given_name"] == 2
    assert [(d.family_middle, d.given_name) for d in p.drafts] == [("Nguyễn Văn", "An"), ("Phạm Thị", "Hoa")]


def test_family_and_given_name_columns(tmp_path):
    rows = [["Họ và đệm", "Tên", "Nữ"], ["Nguyễn Văn", "An", ""], ["Phạm Thị", "Hoa", "x"], ["Trần Văn", "", ""]]
    p = preview_of(write_xlsx(tmp_path / "hoten.xlsx", rows))
    assert [(d.family_middle, d.given_name, d.gender) for d in p.drafts][:2] == [
        ("Nguyễn Văn", "An", "M"),  # only a "Nữ" column: unmarked is a man
        ("Phạm Thị", "Hoa", "F"),
    ]
    assert only(p.problems) == [
        "Tệp hoten.xlsx, trang 'DS', dòng 4, cột B (Tên): thiếu tên (cột Tên trống, họ đệm là 'Trần Văn')"
    ]


def test_find_header_returns_nothing_for_a_sheet_of_numbers(tmp_path):
    path = write_xlsx(tmp_path / "so.xlsx", [[1, 2, 3], [4, 5, 6]])
    with read_workbook(path) as wb:
        guess = find_header(wb.read_sheet(0))
    assert guess.row_index is None and guess.mapping == {} and not guess.has_name


# --- dates ------------------------------------------------------------------------------------


def test_dates_in_every_form(tmp_path):
    rows = [["Họ và tên", "Ngày sinh", "Ngày vào CĐ"]]
    rows += [
        ["Nguyễn Văn An", dt.date(1985, 3, 12), dt.datetime(2010, 5, 1, 0, 0)],  # real dates
        ["Phạm Thị Hoa", 29161, 40299],  # serial numbers in cells not formatted as dates
        ["Đinh Văn Tùng", "30/07/1990", "1/5/2012"],  # text dd/mm/yyyy and d/m/yyyy
        ["Trần Thị Hương", 1995, ""],  # a year alone
        ["Lê Văn Bình", "1988", "05-06-2015"],  # a year as text; dd-mm-yyyy
        ["Võ Thị Lan", "ngày 5 tháng 6 năm 1992", "2014-02-03"],
    ]
    p = preview_of(write_xlsx(tmp_path / "ngay.xlsx", rows))
    assert p.problems == []
    got = [(d.birth_date, d.birth_year, d.joined_union_on) for d in p.drafts]
    assert got == [
        (dt.date(1985, 3, 12), 1985, dt.date(2010, 5, 1)),
        (dt.date(1979, 11, 2), 1979, dt.date(2010, 5, 1)),
        (dt.date(1990, 7, 30), 1990, dt.date(2012, 5, 1)),
        (None, 1995, None),
        (None, 1988, dt.date(2015, 6, 5)),
        (dt.date(1992, 6, 5), 1992, dt.date(2014, 2, 3)),
    ]


def test_impossible_and_implausible_dates_are_errors_naming_the_cell(tmp_path):
    rows = [["Họ và tên", "Ngày sinh", "Ngày vào CĐ"]]
    rows += [
        ["Nguyễn Văn An", "31/02/1990", ""],
        ["Phạm Thị Hoa", 1890, ""],
        ["Đinh Văn Tùng", "01/05/1890", ""],
        ["Trần Thị Hương", "12/03/30", ""],  # 1930 is 90, 2030 to come: no century fits
        ["Lê Văn Bình", dt.date(2010, 1, 1), ""],
        ["Võ Thị Lan", dt.date(2022, 1, 1), ""],
        ["Ngô Minh Tuấn", "không rõ", ""],
        ["Bùi Thị Nga", dt.date(1980, 1, 1), dt.date(1975, 1, 1)],
        ["Hoàng Văn Nam", 2015, ""],
    ]
    p = preview_of(write_xlsx(tmp_path / "sai.xlsx", rows))
    assert only(p.problems) == [
        "Tệp sai.xlsx, trang 'DS', dòng 2, cột B (Ngày sinh): ngày 31/02/1990 không tồn tại",
        "Tệp sai.xlsx, trang 'DS', dòng 3, cột B (Ngày sinh): năm sinh 1890 trước năm 1900",
        "Tệp sai.xlsx, trang 'DS', dòng 4, cột B (Ngày sinh): ngày sinh 01/05/1890 trước năm 1900",
        "Tệp sai.xlsx, trang 'DS', dòng 5, cột B (Ngày sinh): năm trong '12/03/30' ghi 2 chữ số, không rõ là "
        "năm 1930 hay 2030 — hãy ghi đủ 4 chữ số",
        "Tệp sai.xlsx, trang 'DS', dòng 6, cột B (Ngày sinh): ngày sinh 01/01/2010: chưa đủ 15 tuổi",
        "Tệp sai.xlsx, trang 'DS', dòng 7, cột B (Ngày sinh): ngày sinh 01/01/2022 sau ngày hôm nay",
        "Tệp sai.xlsx, trang 'DS', dòng 8, cột B (Ngày sinh): không đọc được ngày 'không rõ' "
        "(hãy ghi theo dạng ngày/tháng/năm, ví dụ 20/01/1990)",
        "Tệp sai.xlsx, trang 'DS', dòng 9, cột C (Ngày vào công đoàn): ngày vào công đoàn 01/01/1975 trước ngày sinh",
        "Tệp sai.xlsx, trang 'DS', dòng 10, cột B (Ngày sinh): năm sinh 2015: chưa đủ 15 tuổi",
    ]
    assert not p.can_commit
    assert p.error_rows == set(range(2, 11))
    assert all(d.birth_date is None and d.birth_year is None for d in p.drafts[:7])


# --- names, duplicates, empty and hidden rows ----------------------------------------------


def test_name_of_spaces_and_row_without_name(tmp_path):
    rows = [["STT", "Họ và tên", "Ngày sinh"], [1, "   ", dt.date(1980, 1, 1)], [2, "", dt.date(1981, 1, 1)],
            [3, "Nguyễn Văn An", dt.date(1985, 3, 12)]]  # fmt: skip
    p = preview_of(write_xlsx(tmp_path / "ten.xlsx", rows))
    assert only(p.problems) == [
        "Tệp ten.xlsx, trang 'DS', dòng 2, cột B (Họ và tên): họ tên chỉ có dấu cách",
        "Tệp ten.xlsx, trang 'DS', dòng 3, cột B (Họ và tên): dòng có dữ liệu nhưng thiếu họ tên",
    ]
    assert not p.can_commit


def test_a_number_is_not_a_name(tmp_path):
    rows = [["Họ và tên", "Năm sinh"], [12345, 1980], ["Nguyễn Văn An 2", 1985]]
    p = preview_of(write_xlsx(tmp_path / "so.xlsx", rows))
    assert only(p.problems) == [
        "Tệp so.xlsx, trang 'DS', dòng 2, cột A (Họ và tên): ô họ tên chứa số hoặc ngày "
        "('12345'), không phải chữ — dòng không được nhập; hãy ghi họ tên bằng chữ"
    ]
    assert only(p.problems, "warning") == [
        "Tệp so.xlsx, trang 'DS', dòng 3, cột A (Họ và tên): họ tên 'Nguyễn Văn An 2' có ký tự lạ"
    ]


def test_same_person_twice_is_reported_as_a_duplicate_pair(tmp_path):
    people = PEOPLE + [PEOPLE[0], ("Nguyễn Văn An", dt.date(1990, 1, 1), "M", "Kế toán", "Tổ 2")]
    p = preview_of(write_xlsx(tmp_path / "trung.xlsx", simple_roster(people)))
    assert p.duplicates == [(8, 12)]  # the namesake born another day is not a duplicate
    assert only(p.problems, "warning") == [
        "Tệp trung.xlsx, trang 'DS', dòng 12, cột B (Họ và tên): trùng họ tên và ngày sinh với dòng 8 "
        "(Nguyễn Văn An, 12/03/1985) — chọn gộp thành một người hay giữ cả hai"
    ]
    assert p.pairs[0].likely_same  # every identifying field agrees
    assert p.can_commit  # a warning: the user decides to merge or keep both
    assert p.counts["duplicates"] == 1


def test_empty_rows_numbered_template_rows_sections_and_footer(tmp_path):
    rows = [["STT", "Họ và tên", "Ngày sinh", "Chức vụ"]]
    rows += [
        ["I", "Khối văn phòng", "", ""],
        [1, "Phạm Thị Hoa", dt.date(1979, 11, 2), "Chủ tịch CĐCS"],
        [],
        ["", "Tổ 1 - Tổ may", "", ""],
        [2, "Nguyễn Văn An", dt.date(1985, 3, 12), "Công nhân may"],
        [3, "Tô Văn Lâm", dt.date(1988, 8, 8), ""],  # the family name Tô is not a "Tổ" heading
        [4, "", "", ""],  # a numbered empty line of the template
        ["", "Tổng cộng: 3 người", "", ""],
        ["", "", "Gia Viễn, ngày 20 tháng 01 năm 2021", ""],
        ["", "Người lập biểu", "", "CHỦ TỊCH"],
        ["", "Nguyễn Thị Mai", "", "Phạm Thị Hoa"],
    ]
    p = preview_of(write_xlsx(tmp_path / "khoi.xlsx", rows))
    assert names(p) == ["Phạm Thị Hoa", "Nguyễn Văn An", "Tô Văn Lâm"]
    assert [d.department for d in p.drafts] == ["Khối văn phòng", "Khối văn phòng", "Khối văn phòng"]
    assert [d.group_name for d in p.drafts] == ["", "Tổ 1 - Tổ may", "Tổ 1 - Tổ may"]
    assert p.can_commit, only(p.problems)
    assert p.counts["skipped_sections"] == 2 and p.counts["footer_rows"] == 4
    assert any("dòng 9" in w and "phần cuối bảng" in w for w in only(p.problems, "warning"))


def test_subtotal_rows_space_cleared_rows_and_non_breaking_spaces(tmp_path):
    rows = [["STT", "Họ và tên", "Năm sinh"]]
    rows += [
        [1, "Nguyễn Văn An", 1985],
        ["", "Cộng tổ 1: 1 người", 1],
        [" ", "  ", " "],  # a row "cleared" with the space bar
        [2, "\u00a0\u00a0", 1980],  # a name of non-breaking spaces
        [3, "Phạm Thị Hoa", 1979],
        ["", "Tổng cộng: 2 người", 2],
    ]
    p = preview_of(write_xlsx(tmp_path / "cong.xlsx", rows))
    assert names(p) == ["Nguyễn Văn An", "", "Phạm Thị Hoa"]
    assert only(p.problems) == ["Tệp cong.xlsx, trang 'DS', dòng 5, cột B (Họ và tên): họ tên chỉ có dấu cách"]
    warnings = only(p.problems, "warning")
    assert "dòng 3, cột B: dòng cộng 'Cộng tổ 1: 1 người' — không phải một người" in warnings[0]
    assert "dòng 7: từ dòng này trở xuống là phần cuối bảng" in warnings[1]
    assert p.counts["skipped_empty"] == 1


def test_an_unlabelled_column_next_to_the_name_is_not_a_given_name(tmp_path):
    rows = [["Họ và tên", "", "Năm sinh"], ["Nguyễn Văn An", "x", 1985], ["Phạm Thị Hoa", "x", 1979]]
    p = preview_of(write_xlsx(tmp_path / "x.xlsx", rows))
    assert p.mapping == {"full_name": 0, "birth_date": 2}
    assert names(p) == ["Nguyễn Văn An", "Phạm Thị Hoa"]


def test_hidden_rows_are_skipped_with_a_warning(tmp_path):
    path = write_xlsx(tmp_path / "an.xlsx", simple_roster(), hidden_rows=[8])
    p = preview_of(path)
    assert names(p) == ["Nguyễn Văn An", "Đinh Văn Tùng", "Trần Thị Hương"]
    assert only(p.problems, "warning") == ["Tệp an.xlsx, trang 'DS', dòng 9: dòng bị ẩn trong Excel — đã bỏ qua"]
    assert p.counts["skipped_hidden"] == 1 and p.can_commit


def test_hidden_sheets_are_never_chosen_by_default(tmp_path):
    first = ("Cũ", simple_roster(PEOPLE[:1]), "hidden")
    path = write_xlsx(tmp_path / "sheets.xlsx", simple_roster(PEOPLE[1:]), title="Mới", first=first,
                      extra_sheets=[("Hướng dẫn", [["Điền danh sách vào trang Mới"]], "visible")])  # fmt: skip
    p = preview_of(path)
    assert p.sheet == "Mới" and names(p) == [n for n, *_ in PEOPLE[1:]]
    assert [s.name for s in p.sheets] == ["Cũ", "Mới", "Hướng dẫn"]
    hidden = preview_of(path, sheet="Cũ")  # chosen by hand: read, with a warning
    assert names(hidden) == ["Nguyễn Văn An"]
    assert "trang này đang bị ẩn trong Excel" in only(hidden.problems, "warning")[0]


def test_instructions_sheet_first_is_passed_over(tmp_path):
    first = ("Hướng dẫn", [["Hướng dẫn điền"], ["Ghi ngày theo dạng dd/mm/yyyy"]], "visible")
    p = preview_of(write_xlsx(tmp_path / "hd.xlsx", simple_roster(), title="Danh sách", first=first))
    assert p.sheet == "Danh sách" and len(p.drafts) == 4


def test_formulas_give_cached_values(tmp_path):
    rows = [["STT", "Họ", "Tên", "Họ và tên", "Ngày sinh"],
            [1, "Nguyễn Văn", "An", '=B2&" "&C2', "=DATE(1985,3,12)"]]  # fmt: skip
    path = write_xlsx(tmp_path / "ct.xlsx", rows, cached={"D2": "Nguyễn Văn An", "E2": 31118})
    p = preview_of(path, header_row=0, mapping={"full_name": 3, "birth_date": 4})
    assert [(d.full_name, d.birth_date) for d in p.drafts] == [("Nguyễn Văn An", dt.date(1985, 3, 12))]


# --- text: NFC, case, legacy fonts ------------------------------------------------------------


def test_nfd_input_becomes_nfc_and_all_caps_names_are_title_cased(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn   Thị  Hương")
    rows = [["Họ và tên", "Chức vụ"], [nfd, unicodedata.normalize("NFD", "Công nhân")], ["ĐINH VĂN TÙNG", ""]]
    p = preview_of(write_xlsx(tmp_path / "nfd.xlsx", rows))
    assert names(p) == ["Nguyễn Thị Hương", "Đinh Văn Tùng"]
    texts = [v for d in p.drafts for v in (d.family_middle, d.given_name, d.position)]
    assert all(unicodedata.is_normalized("NFC", v) for v in texts)
    assert p.drafts[0].position == "Công nhân"


def _legacy_rows(encode_name, encode_text):
    rows = [list(r) for r in TITLE_BLOCK]
    rows.append([encode_text(h) for h in ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ")])
    for i, (name, born, gender, position, _) in enumerate(PEOPLE, start=1):
        rows.append([i, encode_name(name), born, encode_text("Nam" if gender == "M" else "Nữ"), encode_text(position)])
    return rows


def test_tcvn3_cells_in_xlsx_converted_by_font(tmp_path):
    rows = _legacy_rows(lambda n: to_tcvn3_upper(n), to_tcvn3)
    fonts = {(r, c): ".VnTime" for r in range(5, 10) for c in (1, 2, 3, 4)}
    fonts.update({(r, 1): ".VnTimeH" for r in range(6, 10)})  # names typed in the capitals font
    p = preview_of(write_xlsx(tmp_path / "abc.xlsx", rows, fonts=fonts))
    assert p.header_row == 5
    assert names(p) == [n for n, *_ in PEOPLE]  # "NGUYỄN VĂN AN" title-cased
    assert [d.position for d in p.drafts] == [pos for *_, pos, _ in PEOPLE]
    assert [d.gender for d in p.drafts] == ["M", "F", "M", "F"]
    assert p.legacy_conversions == {1: "tcvn3_upper", 3: "tcvn3", 4: "tcvn3"}
    assert p.columns[1] == "Họ và tên"
    assert p.can_commit


def test_vni_cells_in_xlsx_converted_by_font(tmp_path):
    rows = _legacy_rows(to_vni, to_vni)
    p = preview_of(write_xlsx(tmp_path / "vni.xlsx", rows, row_fonts={r: "VNI-Times" for r in range(5, 10)}))
    assert names(p) == [n for n, *_ in PEOPLE]
    assert p.drafts[1].position == "Chủ tịch CĐCS"
    assert p.legacy_conversions[1] == "vni"


def test_legacy_text_without_font_is_guessed_per_column(tmp_path):
    rows = _legacy_rows(to_vni, to_tcvn3)  # names VNI, other texts TCVN3, all in Calibri
    p = preview_of(write_xlsx(tmp_path / "doan.xlsx", rows))
    assert p.header_row == 5  # headers matched through a conversion
    assert names(p) == [n for n, *_ in PEOPLE]
    assert [d.position for d in p.drafts] == [pos for *_, pos, _ in PEOPLE]
    assert p.legacy_conversions == {1: "vni", 3: "tcvn3", 4: "tcvn3"}
    assert p.columns[1:5] == ["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]


def test_unicode_typed_into_a_legacy_font_cell_is_kept(tmp_path):
    rows = [["Họ và tên"], ["Nguyễn Văn An"], [to_tcvn3("Phạm Thị Hoa")]]
    p = preview_of(write_xlsx(tmp_path / "tron.xlsx", rows, column_fonts={0: ".VnTime"}))
    assert names(p) == ["Nguyễn Văn An", "Phạm Thị Hoa"]


# --- other formats -----------------------------------------------------------------------------


def test_xls_with_vntime_header_on_row_6(tmp_path):
    """The journey's file: an old .xls typed in .VnTime, the header under a title block."""
    rows = _legacy_rows(to_tcvn3, to_tcvn3)
    rows[9][2] = "31/02/1987"
    path = write_xls(tmp_path / "cu.xls", rows, column_fonts={1: ".VnTime", 3: ".VnTime", 4: ".VnTime"})
    p = preview_of(path)
    assert p.header_row == 5 and names(p) == [n for n, *_ in PEOPLE]
    assert only(p.problems) == ["Tệp cu.xls, trang 'DS', dòng 10, cột C (Ngày sinh): ngày 31/02/1987 không tồn tại"]


def test_ods_file(tmp_path):
    path = write_ods(tmp_path / "ds.ods", simple_roster(), hidden_rows=[9])
    p = preview_of(path)
    assert names(p) == ["Nguyễn Văn An", "Phạm Thị Hoa", "Trần Thị Hương"]
    assert p.drafts[0].birth_date == dt.date(1985, 3, 12)
    assert p.counts["skipped_hidden"] == 1


# --- other fields ------------------------------------------------------------------------------


def test_member_gender_phone_email_and_text_fields(tmp_path):
    rows = [["Họ và tên", "Giới tính", "Đoàn viên", "SĐT", "Email", "Dân tộc", "Trình độ", "Phòng ban", "Ghi chú"]]
    rows += [
        ["Nguyễn Văn An", "nam", "x", 912345678, "an@example.vn", "Kinh", "Đại học", "Kế toán", ""],
        ["Phạm Thị Hoa", "Nữ", "có", "0987 654 321", "", "Tày", "", "", "chuyển đến"],
        ["Đinh Văn Tùng", "M", "", "", "khong-hop-le", "", "", "", ""],
        ["Trần Thị Hương", "F", "không", "", "", "", "", "", ""],
        ["Lê Văn Bình", "?", "hmm", "", "", "", "", "", ""],
    ]
    p = preview_of(write_xlsx(tmp_path / "khac.xlsx", rows))
    d = p.drafts
    assert [x.gender for x in d] == ["M", "F", "M", "F", ""]
    assert [x.is_member for x in d] == [True, True, False, False, None]
    assert (d[0].phone, d[1].phone) == ("0912345678", "0987 654 321")
    assert (d[0].email, d[0].ethnicity, d[0].education) == ("an@example.vn", "Kinh", "Đại học")
    assert d[0].department == "Kế toán"
    assert d[1].note == "chuyển đến"
    assert only(p.problems) == [
        "Tệp khac.xlsx, trang 'DS', dòng 4, cột E (Email): địa chỉ email 'khong-hop-le' không hợp lệ"
    ]
    assert len(only(p.problems, "warning")) == 2  # "?" gender, "hmm" member


def test_mapping_override_replaces_the_guess(tmp_path):
    rows = [["A", "B", "C"], ["Nguyễn Văn An", "12/03/1985", "Nữ"]]
    path = write_xlsx(tmp_path / "tay.xlsx", rows)
    p = preview_of(path, header_row=0, mapping={"full_name": 0, "birth_date": 1, "gender": 2})
    assert [(d.full_name, d.birth_date, d.gender) for d in p.drafts] == [("Nguyễn Văn An", dt.date(1985, 3, 12), "F")]
    with pytest.raises(ValueError):
        preview_of(path, mapping={"khong_co": 0})


def test_one_person_key_for_the_rows_of_a_file_and_the_roster():
    """The name with its diacritics (case aside, NFC) and the birth date, or the year alone apart from any date."""
    born = dt.date(1990, 3, 4)
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị")
    assert person_key(nfd, "Hoa", born, None) == person_key("NGUYỄN THỊ", "hoa", born, 1990) == ("nguyễn thị hoa", born)
    assert person_key("Nguyễn Thị", "Hoà", born, None) != person_key("Nguyễn Thị", "Hoa", born, None)
    assert (
        person_key("", "Hoa", None, 1990) == ("hoa", ("year", 1990)) != person_key("", "Hoa", dt.date(1990, 1, 1), None)
    )
    assert person_key("Lê", "Hoa", None, None) == ("lê hoa", None)
