"""The upper level (issue 8): mode, units, intake, completeness, consolidation — on ~200 real,
signed workbooks from the generator (tests/upper_data.py), checked against totals computed here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_desktop import paths as app_paths
from thidua_desktop.services import demo_units as du
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError

from tests.upper_data import UPPER_NAME, build_scenario, expected_totals

YEAR = 2021


def upper_profile(name: str = UPPER_NAME, code: str = "GV") -> UnitProfile:
    return UnitProfile(
        name=name,
        issuer_code="LĐLĐ",
        upper_union="LĐLĐ tỉnh Ninh Bình",
        place_name="Gia Viễn",
        code=code,
        officers=[OfficerInfo("Nguyễn Văn An", "chair", "Chủ tịch")],
    )


def open_upper(folder: Path, profile: UnitProfile | None = None):
    from thidua_desktop.services import upper, year

    paths = app_paths.resolve(folder).ensure()
    db = Database.open(paths, actor="kiemthu")
    year.set_up(db, profile or upper_profile())
    upper.set_mode(db, "upper")
    return paths, db


@pytest.fixture(scope="module")
def received(tmp_path_factory):
    """The scenario, taken in once: (scenario, paths, db, outcomes)."""
    from thidua_desktop.services import upper

    root = tmp_path_factory.mktemp("upper")
    sc = build_scenario(root)
    paths, db = open_upper(root / "data")
    for u in sc.units:
        upper.add_unit(db, u.code, u.name, f"{u.code.lower()}@example.vn")
        upper.trust_certificate(db, u.code, du.unit_signer(u, sc.keys).certificate)
    # one file of another year, to be set aside
    other = du.synthetic_unit(1, seed=8)
    sc.wrong_year = "CD001-registration-2020.xlsx"
    from thidua_desktop.core.plan import seed_template, shift_template_year

    du.write(
        other,
        "registration",
        sc.folder / sc.wrong_year,
        du.unit_signer(other, sc.keys),
        figures=du.unit_figures(other),
        template=shift_template_year(seed_template(), 2020),
    )
    sc.files += 1
    outcomes = upper.intake(db, paths, [sc.folder], YEAR)
    yield sc, paths, db, outcomes
    db.close()


def test_the_set_is_about_200_real_signed_workbooks(received):
    sc, _paths, _db, outcomes = received
    assert 195 <= sc.files <= 210
    assert len(outcomes) == sc.files


def test_each_bad_file_is_set_aside_with_its_reason_and_the_rest_taken(received):
    from thidua_desktop.services import upper

    sc, _paths, db, outcomes = received
    by_name = {}
    for o in outcomes:
        by_name.setdefault(o.name, []).append(o)
    tampered = by_name[sc.tampered][0]
    assert tampered.status == upper.SET_ASIDE and "chữ ký số" in tampered.reason and "thay đổi" in tampered.reason
    unknown = by_name[sc.unknown][0]
    assert unknown.status == upper.SET_ASIDE and "không có trong danh sách" in unknown.reason
    assert "CD999" in unknown.reason
    first, second = by_name[sc.duplicate]  # the original and its copy sent again
    assert {first.status, second.status} == {upper.ACCEPTED, upper.SET_ASIDE}
    assert "Trùng tệp" in (first.reason + second.reason)
    assert by_name[sc.not_thidua][0].status == upper.SET_ASIDE
    assert "_du_lieu" in by_name[sc.not_thidua][0].reason
    wrong = by_name[sc.wrong_year][0]
    assert wrong.status == upper.SET_ASIDE and "Sai năm" in wrong.reason and "2020" in wrong.reason
    aside = [o for o in outcomes if o.status == upper.SET_ASIDE]
    assert len(aside) == 5
    assert all(o.reason for o in aside)
    # every set-aside file is recorded, with its copy kept under the data folder
    recorded = upper.list_received(db, YEAR, status=upper.SET_ASIDE)
    assert {r.original_name for r in recorded} >= {sc.tampered, sc.unknown, sc.not_thidua, sc.duplicate}
    assert all(r.reason for r in recorded)


def test_versions_are_kept_and_the_newest_counts(received):
    from thidua_desktop.services import upper

    sc, paths, db, _outcomes = received
    mine = [f for f in upper.list_received(db, YEAR) if f.unit_code == sc.corrected_unit and f.kind == "year-report"]
    assert sorted(f.version for f in mine) == [1, 2]
    assert [f.version for f in mine if f.counts] == [2]
    for f in mine:
        assert (paths.root / f.stored_path).is_file()


def test_completeness_finds_the_late_and_the_missing(received):
    from thidua_desktop.services import upper

    sc, _paths, db, _outcomes = received
    table = upper.completeness(db, YEAR, today=date(2022, 2, 1))
    assert len(table) == len(sc.units)
    for kind in du.KINDS:
        status = {u.code: next(e for e in u.reports if e.kind == kind).status for u in table}
        missing = set(sc.missing[kind]) | ({sc.tampered_unit} if kind == "year-report" else set())
        assert {c for c, s in status.items() if s == "missing"} == missing
        assert {c for c, s in status.items() if s == "late"} == sc.late[kind] - missing
        assert all(s == "on_time" for c, s in status.items() if c not in missing | sc.late[kind])
    remind = {u.code for u, _missing in upper.reminders(table)}
    assert remind == set().union(*sc.missing.values()) | {sc.tampered_unit}
    # before the year report is due nobody is "missing" it yet
    early = upper.completeness(db, YEAR, today=date(2021, 12, 1))
    assert all(
        next(e for e in u.reports if e.kind == "year-report").status in ("pending", "on_time", "late") for u in early
    )


def test_completeness_exports_to_a_workbook(received, tmp_path):
    from python_calamine import CalamineWorkbook

    from thidua_desktop.services import upper

    sc, _paths, db, _outcomes = received
    table = upper.completeness(db, YEAR, today=date(2022, 2, 1))
    out = upper.export_completeness(table, YEAR, tmp_path / "tinh-hinh.xlsx")
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["Tình hình nộp", "Cần nhắc"]
    rows = book.get_sheet_by_name("Cần nhắc").to_python()
    listed = {r[1] for r in rows[3:] if r and r[1]}
    assert listed == set().union(*sc.missing.values()) | {sc.tampered_unit}
    status_rows = book.get_sheet_by_name("Tình hình nộp").to_python()
    assert len([r for r in status_rows[3:] if r and r[1]]) == len(sc.units)


def test_the_status_workbook_marks_the_late_and_the_missing_and_leaves_no_partial(tmp_path):
    import openpyxl

    from thidua_desktop.documents import completeness as sheet

    units = [
        sheet.UnitRow("CD001", "=CĐCS A", "a@x.vn", (sheet.ReportCell("Muộn", "09/07/2021", sheet.LATE),)),
        sheet.UnitRow("CD002", "CĐCS B", "", (sheet.ReportCell("Chưa nộp", "", sheet.MISSING),)),
    ]
    remind = [sheet.ReminderRow("CD002", "CĐCS B", "", "Đăng ký", "31/01/2021")]
    out = sheet.write_completeness(tmp_path / "tinh-hinh.xlsx", YEAR, ["Đăng ký"], units, remind)
    assert [p.name for p in tmp_path.iterdir()] == ["tinh-hinh.xlsx"]
    book = openpyxl.load_workbook(out)
    status = book["Tình hình nộp"]
    assert [c.value for c in status[3]] == [
        "STT",
        "Mã",
        "Tên đơn vị",
        "Email",
        "Đăng ký: tình trạng",
        "Đăng ký: ngày gửi",
    ]
    assert status["C4"].value == "=CĐCS A" and status["C4"].data_type == "s"  # text, never a formula
    assert status["E4"].fill.fgColor.rgb.endswith("FFEB9C") and status["E5"].fill.fgColor.rgb.endswith("FFC7CE")
    assert [c.value for c in book["Cần nhắc"][4]] == [1, "CD002", "CĐCS B", "", "Đăng ký", "31/01/2021"]


def test_the_screen_and_its_exports_are_one_call_each(received, tmp_path):
    from python_calamine import CalamineWorkbook

    from thidua_desktop.services import upper

    _sc, _paths, db, _outcomes = received
    view = upper.overview(db, YEAR, today=date(2022, 2, 1), phase=99)  # not a phase of the plan: the year
    assert view.phase == view.phases[-1] == view.consolidation.phase
    assert [u.code for u in view.units] == [u.code for u in upper.list_units(db)]
    assert len(view.received) == len(upper.list_received(db, YEAR)) and len(view.completeness) == len(view.units)
    assert upper.overview(db, None, today=date(2022, 2, 1)).received == []
    status = upper.export_status(db, YEAR, tmp_path / "tinh-hinh.xlsx", today=date(2022, 2, 1))
    assert CalamineWorkbook.from_path(str(status)).sheet_names == ["Tình hình nộp", "Cần nhắc"]
    out = upper.export_consolidation(db, YEAR, 1, tmp_path / "tong-hop.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tinh-hinh.xlsx", "tong-hop.xlsx"]  # no partial left
    assert out.stat().st_size > 0


@pytest.mark.parametrize("phase", [1, 2])
def test_consolidation_equals_totals_computed_independently(received, phase):
    from thidua_desktop.services import upper

    sc, _paths, db, _outcomes = received
    kind = "midyear-report" if phase == 1 else "year-report"
    result = upper.consolidation(db, YEAR, phase)
    counted = sc.sent[kind]
    assert {s.unit_code for s in result.sources} == counted
    expected = expected_totals(sc, phase, counted)
    assert {x.code for x in result.lines} == set(expected)
    for line in result.lines:
        value, num, den = expected[line.code]
        assert line.value == value, line.code
        if line.kind in ("percent", "yesno"):
            assert (line.numerator, line.denominator) == (num, den), line.code
        applying = {c for c in counted if line.code in sc.figures[c].results}  # the units it applies to
        assert line.units == len(applying) == line.applicable_units
        assert len(line.details) == len(applying)  # the drill-down: one row per unit
        assert line.not_reported == []
    assert {c for c, _ in result.missing_units} == set(u.code for u in sc.units) - counted


def test_percent_is_recomputed_never_averaged(received):
    from thidua_desktop.services import upper

    sc, _paths, db, _outcomes = received
    result = upper.consolidation(db, YEAR)
    line = next(x for x in result.lines if x.kind == "percent")
    average = sum(f.value for f in line.details) / len(line.details)
    assert line.value == (line.numerator * 100 / line.denominator).quantize(Decimal("0.01"))
    assert abs(line.value - average) > Decimal("0.01")  # the seeded units differ in size: they must differ


def test_consolidated_workbook_and_pdf(received, tmp_path):
    import subprocess

    from thidua_desktop.documents.machine import read_sheet
    from thidua_desktop.services import upper

    sc, _paths, db, _outcomes = received
    result = upper.consolidation(db, YEAR)
    xlsx = upper.export_consolidated(db, result, tmp_path / "tong-hop.xlsx", issued_on=date(2022, 1, 20))
    data = read_sheet(xlsx)
    assert data.meta["document_kind"] == "consolidation"
    assert data.meta["unit_name"] == UPPER_NAME and data.meta["unit_code"] == "GV"
    assert data.meta["year"] == YEAR and data.meta["phase"] == 2
    rows = [r for r in data.table("indicators").records() if r["measure"] == "result"]
    assert len(rows) == len(result.lines)
    by_code = {r["indicator_code"]: r for r in rows}
    for line in result.lines:
        assert Decimal(str(by_code[line.code]["value"])) == line.value
    assert len(data.table("units").rows) == len(result.sources)
    pdf = upper.export_consolidated(db, result, tmp_path / "tong-hop.pdf", issued_on=date(2022, 1, 20))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "BÁO CÁO" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Tổng hợp kết quả thực hiện các chỉ tiêu thi đua năm 2021" in text
    assert "ngày 20 tháng 01 năm 2022" in text


def test_untrusted_signer_is_set_aside_then_taken_after_the_phone_check(tmp_path):
    from thidua_desktop.services import upper

    paths, db = open_upper(tmp_path / "data")
    try:
        unit = du.synthetic_unit(7, seed=3)
        upper.add_unit(db, unit.code, unit.name)
        signer = du.unit_signer(unit, tmp_path / "keys")
        path = du.write(unit, "registration", tmp_path / "dk.xlsx", signer, figures=du.unit_figures(unit))
        first = upper.intake_file(db, paths, path, YEAR)
        assert first.status == upper.SET_ASIDE and "chưa được tin cậy" in first.reason
        fp = upper.certificate_fingerprint(path)
        assert fp in first.reason
        upper.trust_certificate(db, unit.code, path)
        again = upper.intake_file(db, paths, path, YEAR)
        assert again.accepted and again.counts
        # a second signer for the same unit is not trusted on first receipt
        impostor = du.unit_signer(du.synthetic_unit(8, seed=3), tmp_path / "keys2")
        other = du.write(unit, "midyear-report", tmp_path / "sk.xlsx", impostor, figures=du.unit_figures(unit))
        third = upper.intake_file(db, paths, other, YEAR, trust_first=True)
        assert third.status == upper.SET_ASIDE and "chưa được tin cậy" in third.reason
    finally:
        db.close()


def test_trust_on_first_receipt_shows_the_fingerprint(tmp_path):
    from thidua_desktop.services import upper

    paths, db = open_upper(tmp_path / "data")
    try:
        unit = du.synthetic_unit(3, seed=4)
        upper.add_unit(db, unit.code, unit.name)
        signer = du.unit_signer(unit, tmp_path / "keys")
        path = du.write(unit, "year-report", tmp_path / "tk.xlsx", signer, figures=du.unit_figures(unit))
        outcome = upper.intake_file(db, paths, path, YEAR, trust_first=True)
        assert outcome.accepted and outcome.new_fingerprint
        (info,) = upper.list_units(db)
        assert [c.fingerprint for c in info.certificates] == [outcome.new_fingerprint]
        assert info.certificates[0].how == "first_receipt"
    finally:
        db.close()


def test_units_by_hand_and_from_a_list(tmp_path, db):
    import xlsxwriter

    from thidua_desktop.services import upper

    assert upper.get_mode(db) == "cdcs"
    upper.set_mode(db, "upper")
    assert upper.get_mode(db) == "upper"
    upper.add_unit(db, "CD001", "CĐCS Trường Tiểu học Gia Vân", "gv@example.vn")
    with pytest.raises(ValidationError, match="Đã có đơn vị mã 'CD001'"):
        upper.add_unit(db, "CD001", "Khác")
    upper.update_unit(db, "CD001", email="tieuhoc.giavan@example.vn")
    path = tmp_path / "don-vi.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Đơn vị")
    for r, row in enumerate(
        [
            ["DANH SÁCH CĐCS TRỰC THUỘC"],
            [],
            ["STT", "Mã đơn vị", "Tên đơn vị", "Email"],
            [1, "CD001", "CĐCS Trường Tiểu học Gia Vân", ""],
            [2, "CD002", "CĐCS Công ty May A", "a@x.vn"],
            [3, 103, "CĐCS Bệnh viện B", ""],
        ]
    ):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    book.close()
    assert upper.import_units(db, path) == 3
    units = {u.code: u for u in upper.list_units(db)}
    assert set(units) == {"CD001", "CD002", "103"}
    assert units["CD001"].email == "tieuhoc.giavan@example.vn"  # an empty cell keeps the email
    bad = tmp_path / "sai.xlsx"
    book = xlsxwriter.Workbook(str(bad))
    sheet = book.add_worksheet("DS")
    for r, row in enumerate([["Mã", "Tên", "Email"], ["CD009", "CĐCS C", ""], ["CD010", "", ""]]):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    book.close()
    with pytest.raises(ValidationError, match="trang 'DS', dòng 3"):
        upper.import_units(db, bad)
    assert "CD009" not in {u.code for u in upper.list_units(db)}  # all or nothing
    upper.remove_unit(db, "103")
    assert {u.code for u in upper.list_units(db)} == {"CD001", "CD002"}


def _district(folder: Path, code: str, name: str, units, tmp: Path):
    """A district union: its CĐCS' year reports taken in and consolidated into a signed workbook."""
    from thidua_desktop.services import upper
    from thidua_desktop.signing.workbook import sign_workbook

    paths, db = open_upper(folder, upper_profile(name, code))
    try:
        inbox = tmp / f"in-{code}"
        inbox.mkdir()
        for u in units:
            signer = du.unit_signer(u, tmp / "keys")
            upper.add_unit(db, u.code, u.name)
            upper.trust_certificate(db, u.code, signer.certificate)
            du.write(u, "year-report", inbox / f"{u.code}.xlsx", signer, figures=du.unit_figures(u))
        assert all(o.accepted for o in upper.intake(db, paths, [inbox], YEAR))
        result = upper.consolidation(db, YEAR)
        draft = upper.export_consolidated(db, result, tmp / f"draft-{code}.xlsx")
        district = du.SyntheticUnit(code, name, "LĐLĐ tỉnh Ninh Bình", "", "", 0, 0, "0" * 32, 0)
        signer = du.unit_signer(district, tmp / "keys")
        sign_workbook(draft, tmp / "province-in" / f"tong-hop-{code}.xlsx", signer)
        return result, signer
    finally:
        db.close()


def test_a_province_consolidates_the_consolidations(tmp_path):
    from thidua_desktop.services import upper

    (tmp_path / "province-in").mkdir()
    a_units = [du.synthetic_unit(i, seed=11, prefix="A") for i in range(1, 4)]
    b_units = [du.synthetic_unit(i, seed=12, prefix="B") for i in range(1, 5)]
    a, a_signer = _district(tmp_path / "a", "HGV", "Liên đoàn Lao động huyện Gia Viễn", a_units, tmp_path)
    b, b_signer = _district(tmp_path / "b", "HKS", "Liên đoàn Lao động huyện Kim Sơn", b_units, tmp_path)
    paths, db = open_upper(tmp_path / "province", upper_profile("Liên đoàn Lao động tỉnh Ninh Bình", "NB"))
    try:
        upper.add_unit(db, "HGV", "Liên đoàn Lao động huyện Gia Viễn")
        upper.add_unit(db, "HKS", "Liên đoàn Lao động huyện Kim Sơn")
        upper.trust_certificate(db, "HGV", a_signer.certificate)
        upper.trust_certificate(db, "HKS", b_signer.certificate)
        outcomes = upper.intake(db, paths, [tmp_path / "province-in"], YEAR)
        assert [o.kind for o in outcomes] == ["consolidation", "consolidation"]
        assert all(o.accepted for o in outcomes), [o.reason for o in outcomes]
        province = upper.consolidation(db, YEAR)
    finally:
        db.close()
    # the same as adding all seven CĐCS up directly
    figures = {u.code: du.unit_figures(u) for u in a_units + b_units}
    for line in province.lines:
        per_unit = [figures[c].results[line.code][2] for c in figures if line.code in figures[c].results]
        if line.kind in ("count", "money"):
            assert line.value == sum(v for v, _, _ in per_unit), line.code
        elif line.kind == "percent":
            num, den = sum(n for _, n, _ in per_unit), sum(d for _, _, d in per_unit)
            assert (line.numerator, line.denominator) == (num, den), line.code
            assert line.value == (num * 100 / den).quantize(Decimal("0.01"))
        else:
            assert line.value == sum(1 for v, _, _ in per_unit if v == 1), line.code
            assert line.denominator == len(per_unit)  # the units it applies to (7 for an indicator for all)
    assert province.line("CT02").value == a.line("CT02").value + b.line("CT02").value


def test_consolidating_a_folder_in_a_scratch_store(tmp_path):
    from thidua_desktop.documents.machine import read_sheet
    from thidua_desktop.services import upper

    inbox = tmp_path / "in"
    inbox.mkdir()
    units = [du.synthetic_unit(i, seed=21) for i in range(1, 4)]
    for u in units:
        du.write(
            u,
            "midyear-report",
            inbox / f"{u.code}.xlsx",
            du.unit_signer(u, tmp_path / "keys"),
            figures=du.unit_figures(u),
        )
    result, outcomes, out = upper.consolidate_folder([inbox], YEAR, tmp_path / "th.xlsx", phase=1)
    assert all(o.accepted for o in outcomes)
    assert len(result.sources) == 3
    assert read_sheet(out).meta["unit_name"] == "LĐLĐ huyện Gia Viễn"  # taken from the files
    with pytest.raises(ValidationError, match="không có đợt 3"):
        upper.consolidate_folder([inbox], YEAR, tmp_path / "x.xlsx", phase=3)
