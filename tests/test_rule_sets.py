"""Rule sets by year (issue 13): shipped as TOML, chosen by the year, printed as the documents'
"Căn cứ" lines; the union's changes shown against the set's figures; a set sent by the upper
union as a signed workbook, previewed then applied all or nothing. Today is 04/12/2026: nothing
here assumes 2021 — the years used are 2025, 2026 and 2030."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import sample_profile
from tests.test_cli import thidua
from tests.test_signing_fixtures import keydir, unit_key  # noqa: F401  (fixtures)
from thidua_desktop import paths as app_paths
from thidua_desktop.core import rules as core
from thidua_desktop.core.plan import seed_template, standard_template
from thidua_desktop.core.review import Vote
from thidua_desktop.documents import machine
from thidua_desktop.services import documents, registration, review, roster, rules, year
from thidua_desktop.services.roster import PersonDetail
from thidua_desktop.signing import signers
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import EmulationYear, ImportedRuleSet

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

OLD = ("1689/QĐ-TLĐ", "91/2017", "15/2003", "39/2013", "Luật TĐKT 2013", "2013")
NEW = ("06/2022/QH15", "98/2023/NĐ-CP", "999/QĐ-TLĐ")
RULES_DIR = Path(__file__).resolve().parent.parent / "resources" / "rules"


def pdftext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def basis_lines(text: str) -> list[str]:
    """The "Căn cứ …;" paragraphs of a PDF's text, each joined back onto one line."""
    flat = re.sub(r"\s+", " ", text)
    return [
        m.group(0).strip()
        for m in re.finditer(
            r"Căn cứ .*?[;,](?= Căn cứ| Xét| Ban| Công đoàn|"
            r" BAN| QUYẾT| Kính| Để|$)",
            flat,
        )
    ]


# --- the files and the loader ----------------------------------------------------------------------


def test_builtin_sets_load_and_are_chosen_by_year():
    sets = core.builtin_rule_sets()
    assert [s.key for s in sets] == ["tld-2019", "tld-2024"]
    for y in (2019, 2021, 2023):
        assert core.rule_set_for_year(y).key == "tld-2019"
    for y in (2024, 2025, 2026, 2030, 2099):
        assert core.rule_set_for_year(y).key == "tld-2024"
    with pytest.raises(core.RuleSetError, match="năm 2010"):
        core.rule_set_for_year(2010)


def test_each_set_names_its_sources_by_number_and_date():
    old, new = core.rule_set_by_key("tld-2019"), core.rule_set_by_key("tld-2024")
    assert (old.first_year, old.last_year, new.first_year, new.last_year) == (2019, 2023, 2024, None)
    by = {s.key: s for s in new.sources}
    assert by["luat"].line == "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"
    assert by["luat"].issued_on == date(2022, 6, 15) and by["luat"].issuer == "Quốc hội"
    assert by["nd98"].issued_on == date(2023, 12, 31) and "của Chính phủ" in by["nd98"].citation
    assert by["qd999"].issued_on == date(2024, 5, 29) and "Tổng Liên đoàn Lao động Việt Nam" in by["qd999"].citation
    assert by["qd933"].issued_on == date(2024, 5, 14) and by["tt01"].number == "01/2024/TT-BNV"
    assert by["tt01"].needs_check  # its date and title were not found in a source
    old_by = {s.key: s for s in old.sources}
    assert old_by["nd91"].issued_on == date(2017, 7, 31) and "39/2013/QH13" in old_by["luat"].citation
    assert "1689/QĐ-TLĐ" in old_by["qd1689"].citation and old_by["qd1689"].issued_on == date(2019, 11, 12)


def test_the_2019_set_reproduces_the_2021_template_catalogue_and_rules():
    template, rs = seed_template(), core.rule_set_by_key("tld-2019")
    assert [t.spec for t in rs.titles] == list(template.titles)
    assert [(r.key, r.spec.value, r.spec.unit) for r in rs.rules] == [(r.key, r.value, r.unit) for r in template.rules]


def test_the_2024_set_keeps_the_codes_of_titles_that_persist():
    old, new = core.rule_set_by_key("tld-2019"), core.rule_set_by_key("tld-2024")
    assert {t.code for t in new.titles} <= {t.code for t in old.titles}
    assert "CDCS_VM" not in {t.code for t in new.titles}  # the 2019 rating "vững mạnh"
    assert [r.key for r in new.rules] == [r.key for r in old.rules]
    text = "\n".join(
        line
        for line in (RULES_DIR / "tld-2024.toml").read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    )
    for stale in ("1689", "91/2017", "15/2003", "2013", "Ninh Bình", "2021"):
        assert stale not in text


def write_set(tmp_path, text: str, name="bo.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BASE = (RULES_DIR / "tld-2024.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("first_year = 2024\n", "first_year = 2024\nnam = 1\n", ["bo.toml", "khóa lạ 'nam'"]),
        ('key = "luat"\n', 'key = "luat"\nghi_chu = "x"\n', ["bo.toml", "văn bản 'luat'", "khóa lạ 'ghi_chu'"]),
        (
            'proposals = ["luat", "nd98", "tt01", "qd999"]',
            'proposals = ["luat", "khong-co"]',
            ["[citations]", "'khong-co'"],
        ),
        (
            'key = "cstdcs_cap_percent_of_ldtt"\nvalue = 15\n',
            'key = "cstdcs_cap_percent_of_ldtt"\nvalue = "mười"\n',
            ["quy định 'cstdcs_cap_percent_of_ldtt'", "không phải là số"],
        ),
        ('issuer_role = "employer"', 'issuer_role = "giam-doc"', ["danh hiệu 'LDTT'", "'issuer_role'"]),
        (
            'citation = "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"',
            'citation = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"',
            ["văn bản 'luat'", "“Căn cứ”"],
        ),
        ("first_year = 2024\n", "first_year = 2024\nlast_year = 2020\n", ["'last_year' = 2020"]),
    ],
)
def test_a_bad_file_is_refused_naming_file_and_entry(tmp_path, old, new, words):
    assert old in BASE
    path = write_set(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(core.RuleSetError) as caught:
        core.load_rule_set(path)
    for word in words:
        assert word in str(caught.value)


def test_an_imported_set_replaces_the_builtin_one_with_its_key(tmp_path):
    changed = core.parse_rule_set(BASE.replace("value = 15\n", "value = 12\n", 1), "x", origin="imported")
    assert core.rule_set_for_year(2026, [changed]).rule("cstdcs_cap_percent_of_ldtt").spec.value == 12
    later = core.parse_rule_set(
        BASE.replace('key = "tld-2024"', 'key = "tld-2030"').replace("first_year = 2024", "first_year = 2030"),
        "y",
        origin="imported",
    )
    assert core.rule_set_for_year(2029, [later]).key == "tld-2024"
    assert core.rule_set_for_year(2030, [later]).key == "tld-2030"


# --- a year and its set ------------------------------------------------------------------------------


@pytest.fixture
def db2026(db):
    year.set_up(db, sample_profile(), standard_template(), 2026)
    return db


def test_a_2026_year_follows_the_2024_rules_never_the_old_ones(db2026):
    info = rules.rules_in_force(db2026, 2026)
    assert info.key == "tld-2024" and info.years_text == "từ năm 2024"
    shown = repr(info)
    for stale in OLD:
        assert stale not in shown
    for source in NEW:
        assert source in shown
    assert len(info.rules) == 10 and not info.changed
    assert all(r.default_value == r.value for r in info.rules)
    cap = next(r for r in info.rules if r.key == "cstdcs_cap_percent_of_ldtt")
    assert cap.needs_check and cap.basis == "NĐ 98/2023/NĐ-CP"
    titles = {t.code: t for t in info.titles}
    assert "CDCS_VM" not in titles
    assert titles["DVCD_XS"].decided_by == "Ban Chấp hành Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert titles["GK_CTTCS"].decided_by == "Ban Chấp hành LĐLĐ huyện Gia Viễn"
    assert titles["BK_LDLD"].decided_by == "Ban Chấp hành LĐLĐ tỉnh Ninh Bình"
    assert titles["LDTT"].decided_by == "Người đứng đầu Công ty TNHH May Hoa Lư"
    detail = year.get_year(db2026, 2026)
    assert "999/QĐ-TLĐ" in detail.rule_set and "1689" not in detail.rule_set
    with db2026.reading() as s:
        assert s.scalars(select(EmulationYear.rule_set_key)).one() == "tld-2024"


def test_values_the_union_changed_are_shown_with_the_default(db2026):
    year.set_rule(db2026, 2026, "ldtt_min_months_worked", 11)
    info = rules.rules_in_force(db2026, 2026)
    assert [(r.key, r.value, r.default_value) for r in info.changed] == [
        ("ldtt_min_months_worked", Decimal(11), Decimal(10))
    ]


def test_a_copied_year_keeps_the_changed_value_as_a_change(db2026):
    year.set_rule(db2026, 2026, "ldtt_min_months_worked", 11)
    year.copy_year(db2026, 2026, 2030)
    info = rules.rules_in_force(db2026, 2030)
    assert info.key == "tld-2024"
    assert [(r.key, r.value, r.default_value) for r in info.changed] == [
        ("ldtt_min_months_worked", Decimal(11), Decimal(10))
    ]


def test_a_copy_drops_the_superseded_titles_and_a_plan_keeps_its_own(db):
    import dataclasses

    from thidua_desktop.core.plan import TitleSpec

    year.set_up(db, sample_profile(), standard_template(), 2023)
    assert "CDCS_VM" in {t.code for t in year.get_year(db, 2023).titles}  # the 2019 rules
    year.copy_year(db, 2023, 2025)
    assert "CDCS_VM" not in {t.code for t in year.get_year(db, 2025).titles}
    own = TitleSpec("CO_UBND_HUYEN", "Cờ thi đua của UBND huyện", "collective", "title", "state", "Chủ tịch UBND huyện")
    template = dataclasses.replace(standard_template(), titles=(own,))
    year.create_year(db, template, 2026)
    codes = [t.code for t in year.get_year(db, 2026).titles]
    assert codes[-1] == "CO_UBND_HUYEN" and "LDTT" in codes and "CDCS_VM" not in codes


# --- documents ---------------------------------------------------------------------------------------


def _people(db, y: int) -> list[str]:
    ids = []
    for fm, given, gender in (("Nguyễn Thị", "Lan", "F"), ("Đinh Văn", "Nam", "M"), ("Trần Thị", "Hoa", "F")):
        ids.append(
            roster.save_person(
                db,
                PersonDetail(
                    fm,
                    given,
                    gender=gender,
                    position="Công nhân",
                    employed_since=date(y - 5, 1, 1),
                    joined_union_on=date(y - 4, 1, 1),
                ),
            ).id
        )
    return ids


def _review_year(db, y: int) -> None:
    ids = _people(db, y)
    registration.register(db, y, "DVCD_XS", person_ids=ids)
    issued = date(y, 12, 30)
    review.record_meeting(
        db, y, date(y, 12, 20), "Hội trường công ty", "Phạm Thị Hoa", "Nguyễn Thị Lan", 10, 9, today=issued
    )
    review.record_votes(
        db,
        y,
        [Vote(r.person_id, r.title_code, 9, 9, union_group_id=r.union_group_id) for r in review.review_table(db, y)],
    )
    review.apply_majority(db, y)
    review.build_proposals(db, y)  # DVCD_XS → Giấy khen of the CĐCS (own)
    review.add_proposal(
        db, y, award_code="GK_CTTCS", level="upper", person_id=ids[0], summary="Hoàn thành xuất sắc nhiệm vụ"
    )


@needs_poppler
def test_for_2025_every_basis_line_of_the_proposal_and_the_decision_names_the_2024_sources(db, tmp_path):
    year.set_up(db, sample_profile(), standard_template(), 2025)
    assert rules.rules_in_force(db, 2025).key == "tld-2024"
    _review_year(db, 2025)
    issued = date(2025, 12, 30)
    texts = {}
    for kind in ("proposals", "award-decision"):
        made = documents.produce(db, None, kind, 2025, tmp_path / f"{kind}.pdf", on=issued)
        texts[kind] = pdftext(made.path)
    rs = core.rule_set_for_year(2025)
    for kind, text in texts.items():
        lines = basis_lines(text)
        expected = [line for line in rs.citation_lines(kind)]
        assert [line for line in lines if not line.startswith("Căn cứ Biên bản")] == expected, kind
        assert any(line.startswith("Căn cứ Biên bản họp bình xét") for line in lines)
        flat = re.sub(r"\s+", " ", text)
        assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in flat
        assert "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ" in flat
        assert "Quyết định số 999/QĐ-TLĐ ngày 29 tháng 5 năm 2024 của Tổng Liên đoàn Lao động Việt Nam" in flat
        for stale in OLD:
            assert stale not in flat, (kind, stale)
        assert "Căn cứ Kế hoạch" not in flat  # no plan entered: no plan citation
    assert "Thông tư số 01/2024/TT-BNV" in re.sub(r"\s+", " ", texts["proposals"])


@needs_poppler
def test_a_2026_year_cites_no_plan_until_one_is_entered_then_exactly_that_one(db2026, tmp_path):
    _review_year(db2026, 2026)
    issued = date(2026, 12, 30)
    assert documents.PLAN_CITATION_MISSING in documents.readiness(db2026, "award-decision", 2026)
    first = documents.produce(db2026, None, "award-decision", 2026, tmp_path / "qd.pdf", on=issued)
    assert "Kế hoạch" not in re.sub(r"\s+", " ", pdftext(first.path))
    with db2026.transaction("kiểm thử: nhập kế hoạch của cấp trên") as s:
        record = s.scalars(select(EmulationYear).where(EmulationYear.year == 2026)).one()
        record.plan_number, record.plan_issuer = "15/KH-LĐLĐ", "Liên đoàn Lao động tỉnh Ninh Bình"
    assert documents.PLAN_CITATION_MISSING in documents.readiness(db2026, "award-decision", 2026)  # no date yet
    second = documents.produce(db2026, None, "award-decision", 2026, tmp_path / "qd2.pdf", on=issued)
    assert "Căn cứ Kế hoạch" not in re.sub(r"\s+", " ", pdftext(second.path))
    with db2026.transaction("kiểm thử: nhập ngày kế hoạch") as s:
        record = s.scalars(select(EmulationYear).where(EmulationYear.year == 2026)).one()
        record.plan_issued_on = date(2026, 1, 15)
        record.plan_title = "Kế hoạch phát động phong trào thi đua năm 2026"
    assert documents.PLAN_CITATION_MISSING not in documents.readiness(db2026, "award-decision", 2026)
    for kind in ("award-decision", "proposals"):
        made = documents.produce(db2026, None, kind, 2026, tmp_path / f"{kind}-3.pdf", on=issued)
        flat = re.sub(r"\s+", " ", pdftext(made.path))
        citations = re.findall(r"Căn cứ Kế hoạch[^;]*;", flat)
        assert citations == [
            "Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 15/01/2026 của Liên đoàn Lao động tỉnh Ninh Bình "
            "về phát động phong trào thi đua năm 2026;"
        ], kind
        for stale in OLD:
            assert stale not in flat


# --- the signed workbook -----------------------------------------------------------------------------


@pytest.fixture
def spec(unit_key):
    path, password, _cert, _pem = unit_key
    return signers.P12Spec(path, password)


@pytest.fixture
def upper(tmp_path):
    paths = app_paths.resolve(tmp_path / "cap-tren").ensure()
    db = Database.open(paths, actor="capTren")
    year.set_up(db, sample_profile(), standard_template(), 2026)
    yield db, paths
    db.close()


@pytest.fixture
def cdcs(tmp_path):
    paths = app_paths.resolve(tmp_path / "cdcs").ensure()
    db = Database.open(paths, actor="cdcs")
    year.set_up(db, sample_profile(), standard_template(), 2026)
    yield db, paths
    db.close()


def _changed_set(upper_db, tmp_path) -> Path:
    """The upper union's own version of the 2024 set: another cap and one title fewer."""
    text = BASE.replace("value = 15\n", "value = 20\n", 1)
    with upper_db.transaction("kiểm thử: bộ quy định của cấp trên") as s:
        s.add(ImportedRuleSet(key="tld-2024", name="Quy định 2024 (bản của cấp trên)", content=text))
    return text


def test_export_then_import_shows_the_changes_first_and_applies_all_at_once(upper, cdcs, spec, unit_key, tmp_path):
    up_db, _ = upper
    _changed_set(up_db, tmp_path)
    result = rules.export_rule_set(up_db, 2026, tmp_path / "bo-quy-dinh.xlsx", spec)
    assert result.key == "tld-2024" and result.path.exists()
    data = machine.read_sheet(result.path)
    assert data.meta["document_kind"] == "rule-set" and data.meta["rule_set_key"] == "tld-2024"
    db, paths = cdcs
    year.set_rule(db, 2026, "ldtt_min_months_worked", 11)  # the union's own change is kept
    preview = rules.preview_import(db, paths, result.path, 2026)
    assert preview.can_apply and preview.has_changes
    assert any("cstdcs_cap_percent_of_ldtt: 15 → 20" in line for line in preview.changes)
    assert preview.warnings and "dấu vân tay" in preview.warnings[0]  # signer not trusted yet
    assert rules.rules_in_force(db, 2026).rules[0].value == 15  # a preview changes nothing
    outcome = rules.apply_import(db, paths, result.path, 2026, expected_sha256=preview.sha256)
    assert outcome.year == 2026 and outcome.applied >= 1
    info = rules.rules_in_force(db, 2026)
    values = {r.key: (r.value, r.default_value) for r in info.rules}
    assert values["cstdcs_cap_percent_of_ldtt"] == (20, 20)
    assert values["ldtt_min_months_worked"] == (11, 10)
    assert info.origin == "imported" and info.signer
    with db.reading() as s:
        stored = s.scalars(select(ImportedRuleSet)).one()
        assert stored.key == "tld-2024" and stored.signer_fingerprint == result.fingerprint
    again = rules.preview_import(db, paths, result.path, 2026)
    assert not again.has_changes


def test_a_tampered_or_unsigned_file_is_refused_with_nothing_changed(upper, cdcs, spec, tmp_path):
    import openpyxl

    up_db, _ = upper
    _changed_set(up_db, tmp_path)
    signed = rules.export_rule_set(up_db, 2026, tmp_path / "bo.xlsx", spec).path
    book = openpyxl.load_workbook(signed)
    sheet = book["_du_lieu"]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "value = 20":
                cell.value = "value = 90"
    tampered = tmp_path / "sua.xlsx"
    book.save(tampered)
    db, paths = cdcs
    with pytest.raises(ValidationError, match="KHÔNG hợp lệ|không có chữ ký"):
        rules.preview_import(db, paths, tampered, 2026)
    with pytest.raises(ValidationError):
        rules.apply_import(db, paths, tampered, 2026)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportedRuleSet)) == 0
    assert rules.rules_in_force(db, 2026).rules[0].value == 15


def test_a_set_for_other_years_is_refused_for_the_year(upper, cdcs, spec, tmp_path):
    up_db, _ = upper
    text = BASE.replace('key = "tld-2024"', 'key = "tld-2030"').replace("first_year = 2024", "first_year = 2030")
    with up_db.transaction("kiểm thử") as s:
        s.add(ImportedRuleSet(key="tld-2030", name="Quy định 2030", content=text))
    year.copy_year(up_db, 2026, 2030)
    signed = rules.export_rule_set(up_db, 2030, tmp_path / "bo-2030.xlsx", spec).path
    db, paths = cdcs
    preview = rules.preview_import(db, paths, signed, 2026)
    assert not preview.can_apply and "không áp dụng cho năm 2026" in preview.blockers[0]
    with pytest.raises(ValidationError, match="không áp dụng cho năm 2026"):
        rules.apply_import(db, paths, signed, 2026)


# --- the command line --------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "cli"
    assert (
        thidua(
            "--data-dir",
            str(path),
            "setup",
            "--name",
            "Công đoàn cơ sở Công ty TNHH May Hoa Lư",
            "--upper-union",
            "LĐLĐ huyện Gia Viễn",
            "--place",
            "Gia Viễn",
            "--chair",
            "Phạm Thị Hoa",
            "--year",
            "2026",
        ).returncode
        == 0
    )
    return path


def test_cli_list_and_show_set_for_2026(folder):
    listed = thidua("--data-dir", str(folder), "rules", "list", "--year", "2026")
    assert listed.returncode == 0, listed.stderr
    assert "cstdcs_cap_percent_of_ldtt = 15 %" in listed.stdout and "cần đối chiếu với văn bản" in listed.stdout
    assert "căn cứ: NĐ 98/2023/NĐ-CP" in listed.stdout
    changed = thidua("--data-dir", str(folder), "rules", "set", "--year", "2026", "ldtt_min_months_worked", "11")
    assert changed.returncode == 0
    listed = thidua("--data-dir", str(folder), "rules", "list", "--year", "2026").stdout
    assert "đơn vị đã sửa; mức của bộ quy định: 10 tháng" in listed
    shown = thidua("--data-dir", str(folder), "rules", "show-set", "--year", "2026")
    assert shown.returncode == 0, shown.stderr
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in shown.stdout
    for stale in ("1689", "91/2017", "15/2003"):
        assert stale not in shown.stdout + listed


def test_cli_export_and_import(folder, tmp_path, unit_key, monkeypatch):
    path, password, _cert, _pem = unit_key
    monkeypatch.setenv("MK_KHOA", password)
    out = tmp_path / "bo.xlsx"
    exported = thidua(
        "--data-dir",
        str(folder),
        "rules",
        "export",
        "--year",
        "2026",
        "--out",
        str(out),
        "--p12",
        str(path),
        "--password-env",
        "MK_KHOA",
    )
    assert exported.returncode == 0, exported.stderr
    assert "Đã xuất bộ quy định tld-2024" in exported.stdout
    shown = thidua("--data-dir", str(folder), "rules", "import", str(out), "--year", "2026")
    assert shown.returncode == 0, shown.stderr
    assert "không có gì thay đổi" in shown.stdout
    refused = thidua("--data-dir", str(folder), "rules", "import", str(tmp_path / "khong-co.xlsx"), "--year", "2026")
    assert refused.returncode == 1 and "Không tìm thấy tệp" in refused.stderr
    assert "Traceback" not in refused.stderr


@needs_poppler
def test_the_documents_say_what_they_lack_when_exported_and_previewed(db2026, tmp_path):
    _review_year(db2026, 2026)
    made = documents.produce(db2026, None, "proposals", 2026, tmp_path / "tt.pdf", on=date(2026, 12, 30))
    assert documents.PLAN_CITATION_MISSING in made.notes
    assert any("TT 01/2024/TT-BNV" in item and core.NEEDS_CHECK_TEXT in item for item in made.notes)
    collective = registration.get_collective(db2026, 2026)
    collective.movement_codes = [m.code for m in year.get_year(db2026, 2026).movements][:2]
    collective.registered_on = date(2026, 2, 20)
    collective.signature_content = "Mỗi tổ một sáng kiến an toàn"
    registration.save_collective(db2026, collective)
    shown = documents.preview(db2026, "registration", 2026, tmp_path / "dk.pdf", on=date(2026, 12, 30))
    assert documents.PLAN_CITATION_MISSING in shown.notes
    text = re.sub(r"\s+", " ", pdftext(shown.path))
    assert "Căn cứ Quyết định số 999/QĐ-TLĐ ngày 29 tháng 5 năm 2024" in text and "Căn cứ Kế hoạch" not in text
