"""The initiatives register in and out of Excel: all-or-nothing import, roster matching, export round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.sheets import write_xlsx
from thidua_desktop.cli.main import main as thidua_main
from thidua_desktop.exchange.initiatives_io import parse_authors, parse_benefit
from thidua_desktop.services import initiatives, initiatives_io, roster
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.store.errors import ValidationError

TODAY = dt.date(2021, 12, 20)
HEADER = [
    "STT",
    "Tên sáng kiến",
    "Lĩnh vực",
    "Năm",
    "Đợt",
    "Tác giả",
    "Ngày sinh tác giả",
    "Ngày áp dụng lần đầu",
    "Giá trị làm lợi (đồng)",
    "Hiệu quả xã hội",
    "Trạng thái",
    "Cấp công nhận",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
    "Lý do không công nhận",
    "Chương trình",
]
COL = {name: chr(ord("A") + i) for i, name in enumerate(HEADER)}
TITLE_BLOCK = [["CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY HOA LƯ"], [], ["SỔ THEO DÕI SÁNG KIẾN NĂM 2021"], []]
FIRST_DATA_ROW = len(TITLE_BLOCK) + 2  # Excel row of the first initiative
COUNCIL = "Hội đồng sáng kiến Công ty TNHH May Hoa Lư"


@pytest.fixture
def people(seeded_db):
    groups = {name: roster.save_group(seeded_db, GroupInfo(name)).id for name in ("Tổ may 1", "Tổ cơ điện", "Tổ KCS")}
    made = {}
    for key, detail in {
        "hoa": PersonDetail(
            "Phạm Thị",
            "Hoa",
            birth_date=dt.date(1985, 3, 12),
            gender="F",
            position="Tổ trưởng",
            group_id=groups["Tổ may 1"],
        ),
        "tung": PersonDetail(
            "Đinh Văn",
            "Tùng",
            birth_date=dt.date(1990, 7, 4),
            gender="M",
            position="Kỹ thuật viên",
            education="Kỹ sư cơ khí",
            group_id=groups["Tổ cơ điện"],
        ),
        "lan1": PersonDetail(
            "Nguyễn Thị",
            "Lan",
            birth_date=dt.date(1990, 3, 12),
            gender="F",
            position="Công nhân may",
            group_id=groups["Tổ may 1"],
        ),
        "lan2": PersonDetail(
            "Nguyễn Thị", "Lan", birth_year=1988, gender="F", position="Nhân viên KCS", group_id=groups["Tổ KCS"]
        ),
    }.items():
        made[key] = roster.save_person(seeded_db, detail).id
    return made


def row(
    stt,
    title,
    authors,
    *,
    births="",
    field="Công nghệ may",
    year=2021,
    phase=1,
    applied=dt.date(2021, 3, 15),
    benefit=84_000_000,
    social="",
    status="Được công nhận",
    level="Cơ sở",
    decision="05/QĐ-HL",
    decided=dt.date(2021, 5, 20),
    issuer=COUNCIL,
    reason="",
    tags="Chương trình 1 triệu sáng kiến",
):
    return [
        stt,
        title,
        field,
        year,
        phase,
        authors,
        births,
        applied,
        benefit,
        social,
        status,
        level,
        decision,
        decided,
        issuer,
        reason,
        tags,
    ]


GOOD_ROWS = [
    row(1, "Cải tiến gá may túi", "Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)"),
    row(
        2,
        "Cữ gấp nẹp áo tự động",
        "pham thi hoa 50%, Nguyễn Thị Lan 50%",
        births="; 12/03/1990",
        benefit="36.000.000",
        tags="",
    ),
    row(
        3,
        "Đèn LED cho khu vực may",
        "Đinh Văn Tùng 70%, Vũ Đức Thịnh (Công ty TNHH Điện lạnh Tam Điệp) 30%",
        status="Đang áp dụng",
        level="",
        decision="",
        decided="",
        issuer="",
        benefit="18 triệu",
        tags="",
    ),
    row(
        4,
        "Bảng theo dõi năng suất chuyền may",
        "Nguyễn Thị Lan (1988)",
        status="Không công nhận",
        level="",
        decision="",
        decided="",
        issuer="",
        benefit="",
        reason="Chưa có tính mới.",
        phase="Đợt 1",
        tags="",
    ),
    row(
        5,
        "Cữ dập khuy chống lệch",
        "Lê Văn Hưng (ngoài đơn vị)",
        status="Đăng ký",
        level="",
        decision="",
        decided="",
        issuer="",
        benefit=None,
        applied="",
        tags="",
    ),
]


def sheet(rows, header=HEADER):
    return [
        *TITLE_BLOCK,
        header,
        *rows,
        [],
        ["", "Tổng cộng: 5 sáng kiến"],
        [],
        ["", "", "", "", "", "Gia Viễn, ngày 20 tháng 12 năm 2021"],
    ]


def write(tmp_path, rows, name="so-sang-kien.xlsx", header=HEADER):
    return write_xlsx(tmp_path / name, sheet(rows, header), title="Sáng kiến")


def snapshot(db):
    return [
        (r.year, r.title, r.authors, r.status, r.recognition_level, r.economic_benefit, r.tags, r.decision)
        for r in initiatives.list_initiatives(db)
    ]


def test_parse_author_cells():
    specs, problems = parse_authors("Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)")
    assert problems == [] and [(s.name, s.share) for s in specs] == [("Phạm Thị Hoa", 60), ("Đinh Văn Tùng", 40)]
    specs, _ = parse_authors("PHẠM THỊ HOA 33,33%, Đinh Văn Tùng 66,67%")
    assert [(s.name, s.share) for s in specs] == [
        ("Phạm Thị Hoa", Decimal("33.33")),
        ("Đinh Văn Tùng", Decimal("66.67")),
    ]
    specs, _ = parse_authors("Phạm Thị Hoa")
    assert specs[0].share == 100
    specs, _ = parse_authors("Nguyễn Thị Lan (12/03/1990) 50%; Lê Văn Hưng (ngoài đơn vị: Công ty CP Cơ khí (NB)) 50%")
    assert specs[0].birth_date == dt.date(1990, 3, 12)
    assert specs[1].outside and specs[1].workplace == "Công ty CP Cơ khí (NB)"
    _, problems = parse_authors("Phạm Thị Hoa; Đinh Văn Tùng")
    assert "chưa ghi tỷ lệ đóng góp của Phạm Thị Hoa, Đinh Văn Tùng" in problems[0]
    assert parse_benefit("84.000.000 đ") == (Decimal(84_000_000), None)
    assert parse_benefit(84_000_000.0) == (Decimal(84_000_000), None)
    assert parse_benefit("1,5 tỷ") == (Decimal(1_500_000_000), None)
    assert parse_benefit("khoảng 80 triệu")[1].startswith("không đọc được số tiền")


def test_import_happy_path(seeded_db, people, tmp_path):
    path = write(tmp_path, GOOD_ROWS)
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    assert preview.errors == [], [str(p) for p in preview.errors]
    assert (preview.added, preview.updated, preview.sheet) == (5, 0, "Sáng kiến")
    result = initiatives_io.commit(seeded_db, preview, today=TODAY)
    assert (result.added, result.updated) == (5, 0)
    rows = {r.title: r for r in initiatives.list_initiatives(seeded_db)}
    assert rows["Cải tiến gá may túi"].authors == "Phạm Thị Hoa, Đinh Văn Tùng"
    assert rows["Cải tiến gá may túi"].tags == ("Chương trình 1 triệu sáng kiến",)
    assert rows["Cữ gấp nẹp áo tự động"].economic_benefit == 36_000_000
    assert people["lan1"] in rows["Cữ gấp nẹp áo tự động"].author_ids  # the birth date picked the right Lan
    assert rows["Bảng theo dõi năng suất chuyền may"].author_ids == {people["lan2"]}  # birth year in parentheses
    assert rows["Bảng theo dõi năng suất chuyền may"].status == "refused"
    led = initiatives.get_initiative(seeded_db, rows["Đèn LED cho khu vực may"].id)
    assert [(a.display_name, a.share, a.outside_workplace) for a in led.authors] == [
        ("Đinh Văn Tùng", 70, ""),
        ("Vũ Đức Thịnh", 30, "Công ty TNHH Điện lạnh Tam Điệp"),
    ]
    assert led.authors[0].category == "university"  # Kỹ sư: the default category from the roster
    assert led.economic_benefit == 18_000_000 and led.status == "applying"
    ga = initiatives.get_initiative(seeded_db, rows["Cải tiến gá may túi"].id)
    assert (ga.recognition_level, ga.decision_number, ga.decision_date, ga.decision_issuer) == (
        "co_so",
        "05/QĐ-HL",
        dt.date(2021, 5, 20),
        COUNCIL,
    )
    outsider = initiatives.get_initiative(seeded_db, rows["Cữ dập khuy chống lệch"].id)
    assert outsider.authors[0].outside_name == "Lê Văn Hưng" and outsider.authors[0].share == 100


def test_reimport_updates_instead_of_duplicating(seeded_db, people, tmp_path):
    initiatives_io.commit(
        seeded_db, initiatives_io.preview_file(seeded_db, write(tmp_path, GOOD_ROWS), today=TODAY), today=TODAY
    )
    first_ids = {r.title: r.id for r in initiatives.list_initiatives(seeded_db)}
    changed = [list(r) for r in GOOD_ROWS]
    changed[2][1] = "Đèn  LED CHO KHU VỰC MAY"  # the same search key: the same initiative
    changed[2][8] = 20_000_000
    preview = initiatives_io.preview_file(seeded_db, write(tmp_path, changed, "lan-2.xlsx"), today=TODAY)
    assert (preview.added, preview.updated, preview.unchanged) == (0, 1, 4)
    initiatives_io.commit(seeded_db, preview, today=TODAY)
    rows = initiatives.list_initiatives(seeded_db)
    assert len(rows) == 5 and {r.id for r in rows} == set(first_ids.values())
    led = next(r for r in rows if r.id == first_ids["Đèn LED cho khu vực may"])
    assert led.economic_benefit == 20_000_000


def test_year_from_the_command_when_the_sheet_has_none(seeded_db, people, tmp_path):
    header = [h for h in HEADER if h != "Năm"]
    rows = [[v for i, v in enumerate(r) if HEADER[i] != "Năm"] for r in GOOD_ROWS[:1]]
    path = write(tmp_path, rows, header=header)
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)  # issue 17: from the first application
    assert not preview.errors and preview.items[0].draft.year == 2021
    assert "theo ngày áp dụng lần đầu 15/03/2021" in str(preview.items[0].inferred[0])
    preview = initiatives_io.preview_file(seeded_db, path, default_year=2020, today=TODAY)
    assert not preview.errors and preview.items[0].draft.year == 2020


def _bad(index, column, value, *, named=None):
    """GOOD_ROWS with one cell changed; the error must name that cell (or the column ``named``)."""
    rows = [list(r) for r in GOOD_ROWS]
    rows[index][HEADER.index(column)] = value
    return rows, FIRST_DATA_ROW + index, COL[named or column]


BAD_INPUTS = [
    pytest.param(
        *_bad(0, "Tác giả", "Phạm Thị Hoa (60%); Đinh Văn Tùng (30%)"),
        "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)",
        id="shares-not-100",
    ),
    pytest.param(*_bad(0, "Tác giả", "Phạm Thị Hoa (50%); pham thi hoa (50%)"), "được ghi hai lần", id="author-twice"),
    pytest.param(*_bad(0, "Giá trị làm lợi (đồng)", -5_000_000), "Giá trị làm lợi không được âm", id="negative"),
    pytest.param(*_bad(0, "Giá trị làm lợi (đồng)", "5.000.000.000.000.000"), "quá 1.000 tỷ đồng", id="absurd"),
    pytest.param(*_bad(0, "Số quyết định", ""), "phải có số quyết định công nhận", id="no-decision-number"),
    pytest.param(
        *_bad(0, "Ngày áp dụng lần đầu", "01/01/1890"),
        "Ngày áp dụng lần đầu 01/01/1890 không hợp lý",
        id="applied-too-early",
    ),
    pytest.param(
        *_bad(2, "Ngày áp dụng lần đầu", "15/03/2030"), "không hợp lý (không được ở tương lai", id="applied-in-future"
    ),
    pytest.param(
        *_bad(0, "Tác giả", "Trần Văn Không Có (60%); Đinh Văn Tùng (40%)"),
        "không có 'Trần Văn Không Có' trong danh sách người lao động",
        id="unknown-author",
    ),
    pytest.param(
        *_bad(1, "Ngày sinh tác giả", "", named="Tác giả"),
        "có 2 người tên 'Nguyễn Thị Lan' trong danh sách: Nguyễn Thị Lan (sinh 12/03/1990, Tổ may 1); "
        "Nguyễn Thị Lan (sinh 1988, Tổ KCS)",
        id="ambiguous-author",
    ),
    pytest.param(*_bad(1, "Ngày sinh tác giả", "; 01/01/1991"), "không ai sinh 01/01/1991", id="wrong-birth-date"),
    pytest.param(*_bad(0, "Trạng thái", "Tốt"), "không rõ trạng thái 'Tốt'", id="unknown-status"),
    pytest.param(*_bad(3, "Lý do không công nhận", ""), "phải ghi lý do", id="refused-without-reason"),
    pytest.param(*_bad(0, "Đợt", 7), "Năm 2021 không có Đợt 7", id="no-such-phase"),
]


@pytest.mark.parametrize("rows, excel_row, column, message", BAD_INPUTS)
def test_bad_input_is_refused_by_row_and_column(seeded_db, people, tmp_path, capsys, rows, excel_row, column, message):
    initiatives.save_initiative(
        seeded_db,
        initiatives.InitiativeDraft(  # something already in the register
            title="Sáng kiến có sẵn",
            year=2021,
            authors=[initiatives.AuthorDraft(Decimal(100), person_id=people["hoa"])],
        ),
    )
    before = snapshot(seeded_db)
    path = write(tmp_path, rows)
    code = thidua_main(["initiatives", "import", str(path), "--data-dir", str(seeded_db.paths.root)])
    captured = capsys.readouterr()
    assert code == 1
    expected = f"Tệp so-sang-kien.xlsx, trang 'Sáng kiến', dòng {excel_row}, cột {column}"
    errors = [line for line in captured.err.splitlines() if line.startswith("LỖI")]
    assert any(expected in line and message in line for line in errors), captured.err
    assert "Dữ liệu không bị thay đổi" in captured.err
    assert snapshot(seeded_db) == before
    with pytest.raises(ValidationError):
        initiatives_io.commit(seeded_db, initiatives_io.preview_file(seeded_db, path, today=TODAY), today=TODAY)
    assert snapshot(seeded_db) == before


def test_unreadable_file_is_refused(seeded_db, tmp_path, capsys):
    bad = tmp_path / "so-sang-kien.xlsx"
    bad.write_text("Tên sáng kiến;Tác giả\n", encoding="utf-8")
    code = thidua_main(["initiatives", "import", str(bad), "--data-dir", str(seeded_db.paths.root)])
    assert code == 1 and "không phải bảng tính" in capsys.readouterr().err


def test_export_then_reimport_round_trip(seeded_db, people, tmp_path, profile):
    initiatives_io.commit(
        seeded_db, initiatives_io.preview_file(seeded_db, write(tmp_path, GOOD_ROWS), today=TODAY), today=TODAY
    )
    tricky = initiatives.InitiativeDraft(
        title='=HYPERLINK("http://x")',
        year=2021,
        description="Dòng một\nDòng hai",
        trial=True,
        first_applied_on=dt.date(2021, 4, 1),
        status="applying",
        economic_benefit=Decimal(1_234_567),
        authors=[
            initiatives.AuthorDraft(Decimal("33.33"), person_id=people["hoa"]),
            initiatives.AuthorDraft(Decimal("33.33"), person_id=people["lan2"]),
            initiatives.AuthorDraft(Decimal("33.34"), outside_name="Lê Văn Hưng"),
        ],
    )
    initiatives.save_initiative(seeded_db, tricky, today=TODAY)
    before = snapshot(seeded_db)
    out = tmp_path / "xuat.xlsx"
    assert initiatives_io.export_initiatives(seeded_db, out, year=2021, today=TODAY) == 6

    from openpyxl import load_workbook

    ws = load_workbook(out)["Sáng kiến"]
    header = [c.value for c in ws[7]]
    assert header[:2] == ["STT", "Tên sáng kiến"] and "Giá trị làm lợi (đồng)" in header
    benefit = ws.cell(8, header.index("Giá trị làm lợi (đồng)") + 1)
    assert benefit.value == 84_000_000 and benefit.number_format == "#,##0"
    applied = ws.cell(8, header.index("Ngày áp dụng lần đầu") + 1)
    assert isinstance(applied.value, dt.datetime) and applied.number_format == "dd/mm/yyyy"
    formula_like = next(c for c in ws["B"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert formula_like.data_type == "s"  # text, never a formula
    assert ws.print_title_rows == "$7:$7" and ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws["A1"].value == profile.upper_union.upper() and ws["A2"].value == profile.name.upper()

    preview = initiatives_io.preview_file(seeded_db, out, today=TODAY)
    assert preview.errors == [] and (preview.added, preview.updated, preview.unchanged) == (0, 0, 6)
    initiatives_io.commit(seeded_db, preview, today=TODAY)
    assert snapshot(seeded_db) == before
    again = initiatives.get_initiative(
        seeded_db, next(r.id for r in initiatives.list_initiatives(seeded_db) if r.title.startswith("=HYPERLINK"))
    )
    assert again.description == "Dòng một\nDòng hai" and again.trial

    # Into an empty register with the same roster: the same initiatives come back.
    for r in initiatives.list_initiatives(seeded_db):
        initiatives.delete_initiative(seeded_db, r.id)
    preview = initiatives_io.preview_file(seeded_db, out, today=TODAY)
    assert preview.errors == [] and preview.added == 6
    initiatives_io.commit(seeded_db, preview, today=TODAY)
    assert sorted(snapshot(seeded_db), key=str) == sorted(before, key=str)


def test_dry_run_writes_nothing(seeded_db, people, tmp_path, capsys):
    path = write(tmp_path, GOOD_ROWS)
    code = thidua_main(["initiatives", "import", str(path), "--dry-run", "--data-dir", str(seeded_db.paths.root)])
    assert code == 0
    assert "Sẽ thêm 5 sáng kiến" in capsys.readouterr().out
    assert initiatives.list_initiatives(seeded_db) == []


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_old_excel_and_libreoffice_files(seeded_db, people, tmp_path, fmt):
    from tests.sheets import to_tcvn3, write_ods, write_xls

    rows = [[v if v is not None else "" for v in r] for r in GOOD_ROWS]
    if fmt == "xls":  # typed years ago in .VnTime: the reader converts by font
        rows[0][HEADER.index("Tác giả")] = to_tcvn3("Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)")
        path = write_xls(
            tmp_path / "so.xls",
            sheet(rows),
            title="Sáng kiến",
            fonts={(len(TITLE_BLOCK) + 1, HEADER.index("Tác giả")): ".VnTime"},
        )
    else:
        path = write_ods(tmp_path / "so.ods", sheet(rows), title="Sáng kiến")
    preview = initiatives_io.preview_file(seeded_db, path, today=TODAY)
    assert preview.errors == [], [str(p) for p in preview.errors]
    assert preview.added == 5
    ga = next(i.draft for i in preview.items if i.draft.title == "Cải tiến gá may túi")
    assert [a.person_id for a in ga.authors] == [people["hoa"], people["tung"]]
