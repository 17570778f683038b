"""Issue 13, the unit decides what applies: an indicator marked for one sector or kind of unit is
neither suggested, registered, computed nor printed for another; the province's figure is the
upper union's target, never the CĐCS's own; reports go where the profile says; the upper level
counts a unit only for the indicators that apply to it. Read back from the real PDF and xlsx."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import openpyxl
import pdfplumber
import pytest

from tests.test_reports import send
from tests.test_results import JULY
from thidua_desktop.core import applicability, plan as plan_core
from thidua_desktop.core.consolidation import UnitFigure, consolidate, mark_applicable
from thidua_desktop.documents import machine
from thidua_desktop.services import documents, registration, reports, results, year
from thidua_desktop.store.errors import ValidationError

# indicators of the 2021 plan marked for the state sector only / for enterprises (non-state, SOE)
STATE_ONLY = {
    "CT16": "Thu tài chính công đoàn khối hành chính sự nghiệp",
    "CT22": "Cơ quan Nhà nước, đơn vị sự nghiệp công lập tổ chức hội nghị cán bộ, công chức, viên chức",
    "CT26": "Tổ chức đối thoại tại nơi làm việc ở doanh nghiệp nhà nước",
}
NON_STATE_ONLY = {
    "CT11": "Thành lập mới Ban Nữ công quần chúng trong CĐCS doanh nghiệp ngoài khu vực nhà nước",
    "CT23": "Doanh nghiệp ngoài khu vực nhà nước tổ chức hội nghị người lao động",
    "CT27": "Tổ chức đối thoại tại nơi làm việc ở doanh nghiệp ngoài khu vực nhà nước",
}
ENTERPRISES = {"CT13", "CT15", "CT17", "CT24", "CT25"}  # doanh nghiệp / khối sản xuất kinh doanh
SEED = "ke-hoach-02-KH-LDLD-2021"


# --- core ---------------------------------------------------------------------------------------


def test_tokens_and_matching():
    assert applicability.parse_tokens("public_service, state_agency") == ("state_agency", "public_service")
    assert applicability.parse_tokens(None) == ()
    with pytest.raises(ValueError, match="không hợp lệ"):
        applicability.parse_tokens(["nha_nuoc"])
    assert applicability.applies("", "non_state", "private")
    assert applicability.applies("state_agency,public_service", "state", "public_service")
    assert not applicability.applies("state_agency,public_service", "non_state", "private")
    assert not applicability.applies("state_agency,public_service", "state", "")  # kind not said: sector only
    assert applicability.applies("soe,non_state", "state", "soe")
    assert not applicability.applies("soe,non_state", "state", "public_service")
    assert applicability.applies("non_state", "non_state", "")


def test_the_2021_plan_marks_its_sector_indicators():
    template = plan_core.builtin_template(SEED)
    marks = {x.code: x.applies_to_units for x in template.indicators}
    for code in STATE_ONLY:
        assert marks[code] and all(applicability.sector_of_kind(t) == "state" for t in marks[code]), code
    for code in NON_STATE_ONLY:
        assert marks[code] == ("non_state",), code
    for code in ENTERPRISES:
        assert marks[code] == ("non_state", "soe"), code
    assert marks["CT02"] == () and marks["CT21"] == ()


def test_a_bad_token_in_a_plan_file_is_refused(tmp_path):
    from thidua_desktop import paths

    source = paths.plans_dir() / f"{SEED}.toml"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        source.read_text(encoding="utf-8").replace('applies_to = ["soe"]', 'applies_to = ["nha_nuoc"]'),
        encoding="utf-8",
    )
    with pytest.raises(plan_core.PlanError, match="applies_to"):
        plan_core.load_plan_template(bad)


# --- the profile ----------------------------------------------------------------------------------


def test_kind_must_fit_the_sector_and_a_kind_sets_the_sector(seeded_db):
    profile = year.get_unit(seeded_db)
    with pytest.raises(ValidationError, match="không khớp"):
        year.save_unit(seeded_db, replace(profile, sector="non_state", kind="public_service"))
    with pytest.raises(ValidationError, match="không hợp lệ"):
        year.save_unit(seeded_db, replace(profile, kind="bank"))
    saved = year.save_unit(seeded_db, replace(profile).with_kind("public_service"))
    assert (saved.sector, saved.kind) == ("state", "public_service")
    saved = year.save_unit(seeded_db, replace(saved, report_recipient="Ban Thường vụ Công đoàn Viên chức tỉnh"))
    assert year.get_unit(seeded_db).report_recipient == "Ban Thường vụ Công đoàn Viên chức tỉnh"


def test_the_year_carries_applies_to(seeded_db):
    by_code = {x.code: x for x in year.get_year(seeded_db, 2021).indicators}
    assert by_code["CT16"].applies_to == ("state_agency", "public_service")
    assert by_code["CT02"].applies_to == ()


# --- a non-state unit and a state one, through the services and the real files ---------------------


def _set_kind(db, kind: str, **changes):
    profile = year.get_unit(db)
    return year.save_unit(db, replace(profile, **changes).with_kind(kind))


def _register(db, values: dict[str, Decimal] | None = None):
    info = registration.get_collective(db, 2021)
    info.movement_codes = ["LDG_LDST"]
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    info.registered_on = date(2021, 2, 18)
    for figure in info.figures:
        if values and figure.indicator.code in values:
            figure.value = values[figure.indicator.code]
    return registration.save_collective(db, info)


def _cells(pdf_path) -> list[list[str]]:
    """Every table row of the PDF, each cell's text on one line."""
    rows = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                for row in table:
                    rows.append([" ".join((c or "").split()) for c in row])
    return rows


def _page_text(pdf_path) -> str:
    with pdfplumber.open(pdf_path) as pdf:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)


def _sheet_text(xlsx_path) -> str:
    book = openpyxl.load_workbook(xlsx_path, read_only=True)
    try:
        parts = []
        for ws in book.worksheets:
            if ws.title == machine.SHEET:
                continue
            for row in ws.iter_rows(values_only=True):
                parts.extend(" ".join(str(v).split()) for v in row if v is not None)
        return "\n".join(parts)
    finally:
        book.close()


def _assert_only(text: str, present: dict[str, str], absent: dict[str, str], where: str) -> None:
    for code, name in absent.items():
        assert name not in text, f"{where}: {code} printed"
    for code, name in present.items():
        assert name in text, f"{where}: {code} missing"


@pytest.mark.parametrize(
    "kind, present, absent",
    [
        ("private", NON_STATE_ONLY, STATE_ONLY),
        ("public_service", {"CT16": STATE_ONLY["CT16"], "CT22": STATE_ONLY["CT22"]}, NON_STATE_ONLY),
    ],
)
def test_registration_reports_and_workbooks_hold_only_what_applies(
    seeded_db, data_paths, tmp_path, kind, present, absent
):
    db = seeded_db
    _set_kind(db, kind)
    info = _register(db, {"CT02": Decimal(5)})
    codes = {f.indicator.code for f in info.figures}
    assert not codes & set(absent) and set(present) <= codes
    if kind == "public_service":
        assert not codes & (ENTERPRISES | {"CT26"})
    # refused when asked for one that does not apply
    wrong = next(iter(absent))
    with pytest.raises(ValidationError, match="không áp dụng cho đơn vị"):
        results.enter_result(db, 2021, wrong, 1, value=1, today=JULY)
    table_codes = {r.code for r in results.results_table(db, 2021, today=JULY)}
    assert not table_codes & set(absent) and set(present) <= table_codes

    # the registration, PDF and workbook
    pdf = documents.produce(db, data_paths, "registration", 2021, tmp_path / "dk.pdf", on=date(2021, 2, 18)).path
    xlsx = documents.produce(db, data_paths, "registration", 2021, tmp_path / "dk.xlsx", on=date(2021, 2, 18)).path
    rows = _cells(pdf)
    table_text = "\n".join(" | ".join(r) for r in rows)
    _assert_only(table_text, present, absent, "registration PDF")
    _assert_only(_sheet_text(xlsx), present, absent, "registration workbook")
    header = next(r for r in rows if "Chỉ tiêu của cấp trên" in r)
    upper_col, own_col = header.index("Chỉ tiêu của cấp trên"), header.index("Đơn vị đăng ký")
    ct02 = next(r for r in rows if r[1:2] == ["Kết nạp mới đoàn viên công đoàn"])
    assert ct02[upper_col] == "trên 8.000" and ct02[own_col] == "5"  # the province's figure is not the unit's
    data = machine.read_sheet(xlsx)
    assert (data.meta["unit_sector"], data.meta["unit_kind"]) == (applicability.sector_of_kind(kind), kind)
    listed = set(str(data.meta["applicable_indicators"]).split(","))
    assert not listed & set(absent) and set(present) <= listed
    machine_codes = {r["indicator_code"] for r in data.table("indicators").records()}
    assert machine_codes == listed
    ct16 = [r for r in data.table("indicators").records() if r["indicator_code"] == "CT16"]
    if kind == "public_service":
        assert ct16[0]["applies_to"] == "state_agency,public_service"

    # the sơ kết: draft, PDF and workbook
    report = reports.draft_report(db, 2021, "midyear", today=JULY)
    section = reports.get_report(db, report.id).section("indicators").text
    for code, name in absent.items():
        assert name not in section, code
    send(db, report.id)
    rpdf = documents.produce(db, data_paths, "midyear-report", 2021, tmp_path / "bc.pdf", on=date(2021, 7, 4)).path
    rxlsx = documents.produce(db, data_paths, "midyear-report", 2021, tmp_path / "bc.xlsx", on=date(2021, 7, 4)).path
    _assert_only("\n".join(" | ".join(r) for r in _cells(rpdf)), present, absent, "report PDF")
    _assert_only(_sheet_text(rxlsx), present, absent, "report workbook")
    report_codes = {r["indicator_code"] for r in machine.read_sheet(rxlsx).table("indicators").records()}
    assert not report_codes & set(absent)


def test_a_figure_registered_before_the_kind_changed_is_kept_but_not_printed(seeded_db, data_paths, tmp_path):
    db = seeded_db
    _set_kind(db, "public_service")
    _register(db, {"CT22": Decimal(100)})
    _set_kind(db, "private")
    info = registration.get_collective(db, 2021)
    assert "CT22" not in {f.indicator.code for f in info.figures}
    kept = {f.indicator.code: f.value for f in info.not_applicable}
    assert set(kept) == {"CT16", "CT22"} and kept["CT22"] == 100  # CT16: the plan's 100% saved as suggested
    assert info.unit_scope == "doanh nghiệp ngoài nhà nước"
    registration.save_collective(db, info)  # saving again keeps it in the store
    assert {f.indicator.code for f in registration.get_collective(db, 2021).not_applicable} == {"CT16", "CT22"}
    pdf = documents.produce(db, data_paths, "registration", 2021, tmp_path / "dk.pdf", on=date(2021, 2, 18)).path
    assert STATE_ONLY["CT22"] not in "\n".join(" | ".join(r) for r in _cells(pdf))
    progress = registration.progress(db, 2021)
    assert progress.figures_total == len(info.figures)


def test_saving_a_figure_that_does_not_apply_is_refused(seeded_db):
    db = seeded_db
    _set_kind(db, "private")
    info = registration.get_collective(db, 2021)
    state = next(x for x in year.get_year(db, 2021).indicators if x.code == "CT16")
    info.figures.append(registration.IndicatorFigure(state, Decimal(100)))
    info.signature_content = "Nội dung"
    with pytest.raises(ValidationError, match="không áp dụng cho đơn vị"):
        registration.save_collective(db, info)


def test_reports_are_addressed_to_the_recipient_of_the_profile(seeded_db, data_paths, tmp_path):
    db = seeded_db
    _register(db)
    pdf = documents.produce(db, data_paths, "registration", 2021, tmp_path / "a.pdf", on=date(2021, 2, 18)).path
    assert "Kính gửi: Ban Thường vụ LĐLĐ huyện Gia Viễn" in _page_text(pdf)
    _set_kind(db, "private", report_recipient="Ban Thường vụ Công đoàn các Khu công nghiệp tỉnh Ninh Bình")
    pdf = documents.produce(
        db, data_paths, "registration", 2021, tmp_path / "b.pdf", on=date(2021, 2, 18), renumber=True
    ).path
    text = _page_text(pdf)
    assert "Kính gửi: Ban Thường vụ Công đoàn các Khu công nghiệp tỉnh Ninh Bình" in text
    assert "LĐLĐ huyện Gia Viễn" in text  # still the line above the CĐCS in the header


# --- plan packages --------------------------------------------------------------------------------


def test_plan_packages_carry_applies_to_and_old_ones_still_read(seeded_db, tmp_path, monkeypatch):
    from thidua_desktop.exchange import plan_package as pkg
    from thidua_desktop.services import plan_package

    content = plan_package.year_content(seeded_db, 2021)
    issuer = pkg.Issuer("0" * 32, "Liên đoàn Lao động huyện Gia Viễn", "GV", "LĐLĐ", "LĐLĐ tỉnh Ninh Bình")
    new = tmp_path / "goi.xlsx"
    pkg.write_package(content, issuer, new, generator="test")
    read = {x.code: x.applies_to_units for x in pkg.read_package(new).content.indicators}
    assert read["CT16"] == ("state_agency", "public_service") and read["CT02"] == ()
    rows = machine.read_sheet(new).table("indicators").records()
    assert next(r for r in rows if r["indicator_code"] == "CT26")["applies_to"] == "soe"
    assert "Đơn vị áp dụng" in _sheet_text(new)
    # a package written before applies_to existed: no such column, every indicator for every unit
    old_columns = {k: v for k, v in pkg.INDICATOR_COLUMNS.items() if k != "applies_to"}
    monkeypatch.setattr(pkg, "INDICATOR_COLUMNS", old_columns)
    old = tmp_path / "goi-cu.xlsx"
    pkg.write_package(content, issuer, old, generator="test")
    assert "applies_to" not in machine.read_sheet(old).table("indicators").columns
    monkeypatch.undo()
    assert all(x.applies_to_units == () for x in pkg.read_package(old).content.indicators)


# --- the upper level ------------------------------------------------------------------------------


def test_the_upper_level_counts_a_unit_only_where_the_indicator_applies():
    def figure(unit, code, kind, value, num=None, den=None):
        return UnitFigure(unit, unit, code, code, "%", kind, value, num, den)

    figures = [
        figure("DN1", "CT23", "yesno", Decimal(1)),
        figure("DN2", "CT23", "yesno", Decimal(0)),
        figure("TH1", "CT22", "percent", Decimal(100), Decimal(1), Decimal(1)),
    ]
    applying = {"CT23": {"DN1", "DN2", "DN3"}, "CT22": {"TH1"}}  # DN3 lists CT23 but gave no result
    lines = consolidate(figures)
    mark_applicable(lines, applying)
    ct23 = next(x for x in lines if x.code == "CT23")
    ct22 = next(x for x in lines if x.code == "CT22")
    assert (ct23.applicable_units, ct23.units, ct23.not_reported) == (3, 2, ["DN3"])
    assert (ct23.numerator, ct23.denominator) == (1, 2)
    assert (ct22.applicable_units, ct22.units, ct22.not_reported) == (1, 1, [])  # DN1..3 not counted here


def test_consolidating_real_workbooks_of_a_private_and_a_state_unit(tmp_path):
    from tests.test_upper import open_upper, upper_profile
    from thidua_desktop.services import demo_units as du, upper

    private = next(u for u in (du.synthetic_unit(i, seed=5) for i in range(1, 60)) if u.kind == "private")
    school = next(u for u in (du.synthetic_unit(i, seed=5) for i in range(1, 60)) if u.kind == "public_service")
    inbox = tmp_path / "in"
    inbox.mkdir()
    paths, db = open_upper(tmp_path / "upper", upper_profile("Liên đoàn Lao động huyện Gia Viễn", "GV"))
    try:
        for u in (private, school):
            signer = du.unit_signer(u, tmp_path / "keys")
            upper.add_unit(db, u.code, u.name)
            upper.trust_certificate(db, u.code, signer.certificate)
            made = du.write(u, "year-report", inbox / f"{u.code}.xlsx", signer, figures=du.unit_figures(u))
            data = machine.read_sheet(made)
            assert data.meta["unit_kind"] == u.kind
            codes = {r["indicator_code"] for r in data.table("indicators").records()}
            assert (u is private) == ("CT23" in codes) and (u is school) == ("CT22" in codes)
        assert all(o.accepted for o in upper.intake(db, paths, [inbox], 2021))
        result = upper.consolidation(db, 2021)
        out = upper.export_consolidated(db, result, tmp_path / "tong-hop.xlsx", issued_on=date(2022, 1, 20))
    finally:
        db.close()
    assert result.line("CT22").applicable_units == 1 and result.line("CT22").units == 1
    assert result.line("CT23").applicable_units == 1 and result.line("CT23").denominator == 1
    assert result.line("CT02").applicable_units == 2
    sheet = openpyxl.load_workbook(out, read_only=True)["Tổng hợp"]
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if "Số đơn vị áp dụng" in r)
    col = header.index("Số đơn vị áp dụng")
    by_name = {r[1]: r for r in rows if r and isinstance(r[1], str)}
    assert by_name[STATE_ONLY["CT22"]][col] == 1
    assert by_name["Kết nạp mới đoàn viên công đoàn"][col] == 2


# --- the command line -----------------------------------------------------------------------------


def test_thidua_unit_set_kind_recipient_and_title_issuer(tmp_path):
    from tests.test_cli import thidua

    folder = str(tmp_path / "du-lieu")
    made = thidua(
        "--data-dir",
        folder,
        "setup",
        "--name",
        "Công đoàn cơ sở Trường THCS Gia Sinh",
        "--upper-union",
        "Công đoàn Giáo dục huyện Gia Viễn",
        "--place",
        "Gia Viễn",
        "--chair",
        "Nguyễn Thị Lan",
        "--plan",
        SEED,
        "--kind",
        "public_service",
    )
    assert made.returncode == 0, made.stderr
    shown = thidua("--data-dir", folder, "unit", "show").stdout
    assert "nhà nước" in shown and "đơn vị sự nghiệp công lập" in shown
    assert "Kính gửi" in shown and "Ban Thường vụ Công đoàn Giáo dục huyện Gia Viễn" in shown
    reg = thidua("--data-dir", folder, "registration", "show", "--year", "2021").stdout
    assert STATE_ONLY["CT16"] in reg and NON_STATE_ONLY["CT23"] not in reg
    assert "Kết nạp mới đoàn viên công đoàn:  đoàn viên — chỉ tiêu của cấp trên: trên 8.000" in reg
    changed = thidua(
        "--data-dir",
        folder,
        "unit",
        "set",
        "--kind",
        "fdi",
        "--report-recipient",
        "Ban Thường vụ Công đoàn các Khu công nghiệp tỉnh Ninh Bình",
    )
    assert changed.returncode == 0, changed.stderr
    assert "ngoài nhà nước" in changed.stdout and "Công đoàn các Khu công nghiệp" in changed.stdout
    reg = thidua("--data-dir", folder, "registration", "show", "--year", "2021").stdout
    assert STATE_ONLY["CT16"] not in reg and NON_STATE_ONLY["CT23"] in reg
    issuer = thidua(
        "--data-dir",
        folder,
        "year",
        "set-title-issuer",
        "2021",
        "GK_CTTCS",
        "Ban Chấp hành Công đoàn các Khu công nghiệp tỉnh Ninh Bình",
    )
    assert issuer.returncode == 0 and "cấp tặng: Ban Chấp hành Công đoàn các Khu công nghiệp" in issuer.stdout
    refused = thidua("--data-dir", folder, "year", "set-title-issuer", "2021", "KHONG_CO", "x")
    assert refused.returncode == 1 and "không có trong danh mục" in refused.stdout + refused.stderr
