"""The plan package (issue 8 item 2): a year's plan exported as a signed workbook, imported as a new year
or as a diff shown before it applies; tampered, unsigned and foreign files refused with nothing changed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.conftest import sample_profile
from tests.test_cli import thidua
from tests.test_signing_fixtures import keydir, unit_key  # noqa: F401  (fixtures)
from thidua_desktop import paths as app_paths
from thidua_desktop.documents import machine
from thidua_desktop.exchange import plan_package as exchange
from thidua_desktop.services import plan_package, signing as signing_service, year
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.signing import signers, workbook as signed_workbook
from thidua_desktop.signing.verify import VALID, verify
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import (
    AuditEntry,
    EmulationYear,
    Indicator,
    IndicatorRegistration,
    IndicatorResult,
    IndividualRegistration,
    Person,
)


def upper_profile() -> UnitProfile:
    return UnitProfile(
        name="Liên đoàn Lao động huyện Gia Viễn",
        issuer_code="LĐLĐ",
        upper_union="LĐLĐ tỉnh Ninh Bình",
        place_name="Gia Viễn",
        officers=[OfficerInfo("Đinh Văn Hưng", "chair", "Chủ tịch")],
    )


@pytest.fixture
def upper(tmp_path):
    paths = app_paths.resolve(tmp_path / "cap-tren").ensure()
    db = Database.open(paths, actor="capTren")
    year.set_up(db, upper_profile())
    yield db, paths
    db.close()


@pytest.fixture
def cdcs(tmp_path):
    paths = app_paths.resolve(tmp_path / "cdcs").ensure()
    db = Database.open(paths, actor="cdcs")
    yield db, paths
    db.close()


@pytest.fixture
def spec(unit_key):
    path, password, _cert, _pem = unit_key
    return signers.P12Spec(path, password)


def set_target(db, code: str, value, text: str | None = None) -> None:
    with db.transaction("kiểm thử: sửa chỉ tiêu") as s:
        row = s.scalars(select(Indicator).where(Indicator.code == code)).one()
        row.plan_target = Decimal(value)
        row.plan_target_text = text if text is not None else str(value)


def export(upper, spec, tmp_path, name="ke-hoach-2021.xlsx") -> Path:
    db, _ = upper
    return plan_package.export_package(db, 2021, tmp_path / name, spec).path


def trusted(paths, unit_key):
    signing_service.trust_certificate(paths, unit_key[2])


# --- export ---------------------------------------------------------------------------------------


def test_export_writes_readable_sheets_machine_data_and_a_valid_signature(upper, spec, unit_key, tmp_path):
    db, _ = upper
    set_target(db, "CT02", 9000, "trên 9.000")
    result = plan_package.export_package(db, 2021, tmp_path / "goi.xlsx", spec)
    assert result.counts == {"phases": 2, "movements": 12, "indicators": 30, "titles": 26, "rules": 10}
    assert result.fingerprint == signing_service.certificate_info(unit_key[2]).fingerprint
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames == [
        "Kế hoạch",
        "Các đợt",
        "Phong trào",
        "Chỉ tiêu",
        "Danh hiệu",
        "Quy định",
        "_du_lieu",
        "_chu_ky_so",
    ]
    assert book["_du_lieu"].sheet_state == "veryHidden" and book["_chu_ky_so"].sheet_state == "veryHidden"
    sheet = book["Chỉ tiêu"]
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "LĐLĐ TỈNH NINH BÌNH" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Số: 02/KH-LĐLĐ" in texts and "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIA VIỄN" in texts
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Mã")
    assert header[:5] == ("Mã", "Chỉ tiêu", "Đơn vị tính", "Loại", "Chỉ tiêu kế hoạch")
    ct02 = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "CT02")
    assert ct02[4] == 9000 and ct02[5] == "trên 9.000"
    data = machine.read_sheet(result.path)
    assert data.meta["document_kind"] == "plan-package" and data.meta["year"] == 2021
    assert data.meta["plan_number"] == "02/KH-LĐLĐ" and data.meta["registration_due"] == "2021-02-20"
    records = {r["indicator_code"]: r for r in data.table("indicators").records()}
    assert records["CT02"]["target_value"] == 9000 and records["CT02"]["levels"] == "cdcs,upper"
    with db.reading() as s:
        ct02_id = s.scalars(select(Indicator.id).where(Indicator.code == "CT02")).one()
    assert records["CT02"]["record_id"] == ct02_id.hex
    v = verify(result.path, [unit_key[2]])
    assert v.status == VALID and v.accepted


def test_export_refuses_a_wrong_name_and_a_missing_year(upper, spec, tmp_path):
    db, _ = upper
    with pytest.raises(ValidationError, match="đuôi .xlsx"):
        plan_package.export_package(db, 2021, tmp_path / "goi.pdf", spec)
    with pytest.raises(Exception, match="Chưa có năm thi đua 2030"):
        plan_package.export_package(db, 2030, tmp_path / "goi.xlsx", spec)
    assert not list(tmp_path.glob("*.xlsx"))


# --- import: a new year ---------------------------------------------------------------------------


def test_round_trip_into_a_fresh_data_folder_equals_the_source_year(upper, cdcs, spec, unit_key, tmp_path):
    db, paths = upper
    set_target(db, "CT02", 9000, "trên 9.000")
    year.set_rule(db, 2021, "ldtt_min_months_worked", 11)
    phase2 = year.get_year(db, 2021).phases[1]
    year.update_phase(
        db, 2021, 2, start=phase2.start, end=phase2.end, report_due=date(2022, 1, 8), lock_date=date(2022, 1, 20)
    )
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs
    year.save_unit(target, sample_profile())
    preview = plan_package.preview_import(target, target_paths, package)
    assert preview.creates_year and preview.year == 2021 and preview.can_apply
    assert preview.counts["indicators"] == 30 and preview.sender == "Liên đoàn Lao động huyện Gia Viễn"
    assert {c.action for c in preview.changes} == {"added"}
    with target.reading() as s:
        assert s.scalar(select(func.count()).select_from(EmulationYear)) == 0  # a preview changes nothing
    outcome = plan_package.apply_import(target, target_paths, package, expected_sha256=preview.sha256)
    assert outcome.created and outcome.year == 2021
    assert plan_package.year_content(target, 2021) == plan_package.year_content(db, 2021)
    detail = year.get_year(target, 2021)
    assert next(r for r in detail.rules if r.key == "ldtt_min_months_worked").value == 11
    assert next(x for x in detail.indicators if x.code == "CT02").plan_target_text == "trên 9.000"
    with target.reading() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action.like("Nhập gói kế hoạch năm 2021%"))
            )
            >= 1
        )
    # importing the same package again: nothing to change
    again = plan_package.preview_import(target, target_paths, package)
    assert not again.creates_year and not again.has_changes and again.changes == ()


def test_import_needs_the_unit_first(cdcs, upper, spec, tmp_path):
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs
    with pytest.raises(Exception, match="Chưa khai báo thông tin đơn vị"):
        plan_package.preview_import(target, target_paths, package)


# --- import: a diff against the year ------------------------------------------------------------


@pytest.fixture
def cdcs_year(cdcs):
    db, paths = cdcs
    year.set_up(db, sample_profile())
    return db, paths


def test_changed_target_shows_in_the_diff_field_by_field_and_applies(upper, cdcs_year, spec, tmp_path):
    db, _ = upper
    set_target(db, "CT02", 9000, "trên 9.000")
    year.set_rule(db, 2021, "ldtt_min_months_worked", 11)
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    preview = plan_package.preview_import(target, target_paths, package)
    assert not preview.creates_year and preview.has_changes and preview.can_apply
    by_key = {(c.section, c.key): c for c in preview.changes}
    assert set(by_key) == {("indicator", "CT02"), ("rule", "ldtt_min_months_worked")}
    ct02 = by_key[("indicator", "CT02")]
    assert ct02.action == "changed"
    assert [(f.field, f.old, f.new) for f in ct02.fields] == [
        ("target_value", "8.000", "9.000"),
        ("target_text", "trên 8.000", "trên 9.000"),
    ]
    assert "chỉ tiêu kế hoạch: 8.000 → 9.000" in ct02.describe()
    rule = by_key[("rule", "ldtt_min_months_worked")]
    assert [(f.old, f.new) for f in rule.fields] == [("10", "11")]
    before = year.get_year(target, 2021)
    assert next(x for x in before.indicators if x.code == "CT02").plan_target == 8000
    outcome = plan_package.apply_import(target, target_paths, package, expected_sha256=preview.sha256)
    assert not outcome.created and outcome.applied == len(preview.changes)
    after = year.get_year(target, 2021)
    assert next(x for x in after.indicators if x.code == "CT02").plan_target == 9000
    assert next(r for r in after.rules if r.key == "ldtt_min_months_worked").value == 11
    assert plan_package.year_content(target, 2021) == plan_package.year_content(db, 2021)


def test_removed_entries_in_use_are_kept_with_a_warning_and_unused_ones_removed(upper, cdcs_year, spec, tmp_path):
    db, _ = upper
    with db.transaction("kiểm thử: bỏ và thêm") as s:
        record = s.scalars(select(EmulationYear)).one()
        for code in ("CT05", "CT06"):
            record.indicators.remove(next(x for x in record.indicators if x.code == code))
        title = record.titles[0]
        kept_title = title.code
        record.titles.remove(title)
        record.indicators.append(
            Indicator(
                code="CT99",
                name="Chỉ tiêu mới của cấp trên",
                unit_of_measure="cuộc",
                kind="count",
                source="entered",
                group="III.1",
                levels="cdcs,upper",
                plan_target=Decimal(3),
                plan_target_text="3",
                ordinal=99,
            )
        )
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    with target.transaction("kiểm thử: số liệu") as s:
        record = s.scalars(select(EmulationYear)).one()
        s.add(IndicatorResult(year_id=record.id, indicator_code="CT05", phase_number=1, value=Decimal(4)))
        person = Person(unit_id=record.unit_id, family_middle="Phạm Thị", given_name="Hoa")
        s.add(person)
        s.flush()
        s.add(IndividualRegistration(year_id=record.id, person_id=person.id, title_code=kept_title))
    preview = plan_package.preview_import(target, target_paths, package)
    actions = {(c.section, c.key): c.action for c in preview.changes}
    assert actions[("indicator", "CT05")] == "kept" and actions[("indicator", "CT06")] == "removed"
    assert actions[("indicator", "CT99")] == "added" and actions[("title", kept_title)] == "kept"
    assert any("CT05" in w and "GIỮ LẠI" in w for w in preview.warnings)
    outcome = plan_package.apply_import(target, target_paths, package)
    assert set(outcome.kept) == {"Chỉ tiêu CT05", f"Danh hiệu {kept_title}"}
    detail = year.get_year(target, 2021)
    codes = [x.code for x in detail.indicators]
    assert "CT05" in codes and "CT06" not in codes and "CT99" in codes and codes[-1] == "CT05"
    assert kept_title in {t.code for t in detail.titles}
    with target.reading() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorResult)) == 1


def test_kind_change_of_an_indicator_with_figures_refuses_the_whole_import(upper, cdcs_year, spec, tmp_path):
    db, _ = upper
    with db.transaction("kiểm thử: đổi loại") as s:
        s.scalars(select(Indicator).where(Indicator.code == "CT02")).one().kind = "money"
    set_target(db, "CT03", 1)
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    with target.transaction("kiểm thử: đăng ký") as s:
        record = s.scalars(select(EmulationYear)).one()
        s.add(IndicatorRegistration(year_id=record.id, indicator_code="CT02", value=Decimal(120)))
    before = plan_package.year_content(target, 2021)
    preview = plan_package.preview_import(target, target_paths, package)
    assert not preview.can_apply and "CT02" in preview.blockers[0]
    with pytest.raises(ValidationError, match="Không áp dụng được gói kế hoạch"):
        plan_package.apply_import(target, target_paths, package)
    assert plan_package.year_content(target, 2021) == before


def test_removing_a_phase_that_has_results_refuses_the_import(upper, cdcs_year, spec, tmp_path):
    db, _ = upper
    with db.transaction("kiểm thử: một đợt cả năm") as s:
        record = s.scalars(select(EmulationYear)).one()
        second = record.phases[1]
        first = record.phases[0]
        first.end, first.report_due, first.lock_date = second.end, second.report_due, second.lock_date
        record.phases.remove(second)
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    preview = plan_package.preview_import(target, target_paths, package)
    assert preview.can_apply  # no figures for phase 2 yet: the phase may go
    assert [(c.key, c.action) for c in preview.changes if c.section == "phase"] == [("1", "changed"), ("2", "removed")]
    with target.transaction("kiểm thử: kết quả đợt 2") as s:
        record = s.scalars(select(EmulationYear)).one()
        s.add(IndicatorResult(year_id=record.id, indicator_code="CT02", phase_number=2, value=Decimal(10)))
    preview = plan_package.preview_import(target, target_paths, package)
    assert not preview.can_apply and "Đợt 2" in preview.blockers[0]
    before = plan_package.year_content(target, 2021)
    with pytest.raises(ValidationError, match="Không áp dụng được"):
        plan_package.apply_import(target, target_paths, package)
    assert plan_package.year_content(target, 2021) == before


def test_a_file_changed_after_the_preview_is_not_applied(upper, cdcs_year, spec, tmp_path):
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    preview = plan_package.preview_import(target, target_paths, package)
    set_target(upper[0], "CT02", 9500)
    export(upper, spec, tmp_path)  # same name: the file on disk is now another package
    with pytest.raises(ValidationError, match="đã thay đổi sau khi xem trước"):
        plan_package.apply_import(target, target_paths, package, expected_sha256=preview.sha256)


# --- signatures -----------------------------------------------------------------------------------


def test_untrusted_signer_is_a_warning_with_the_fingerprint_trusted_is_not(upper, cdcs_year, spec, unit_key, tmp_path):
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    fingerprint = signing_service.certificate_info(unit_key[2]).fingerprint
    preview = plan_package.preview_import(target, target_paths, package)
    assert not preview.signature.trusted and preview.signature.fingerprint == fingerprint
    assert any(fingerprint in w for w in preview.warnings)
    trusted(target_paths, unit_key)
    preview = plan_package.preview_import(target, target_paths, package)
    assert preview.signature.trusted and not any(fingerprint in w for w in preview.warnings)


def _edit(src: Path, dst: Path, sheet: str, find, change) -> int:
    book = openpyxl.load_workbook(src)
    ws = book[sheet]
    row = next(r for r in ws.iter_rows() if find([c.value for c in r]))
    change(row)
    book.save(dst)
    return row[0].row


def test_tampered_package_is_refused_and_nothing_changes(upper, cdcs_year, spec, unit_key, tmp_path):
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    trusted(target_paths, unit_key)
    before = plan_package.year_content(target, 2021)
    tampered = tmp_path / "da-sua.xlsx"
    _edit(package, tampered, "_du_lieu", lambda v: v[1] == "CT02", lambda r: setattr(r[9], "value", 99999))
    with pytest.raises(ValidationError, match="chữ ký số KHÔNG hợp lệ") as refused:
        plan_package.preview_import(target, target_paths, tampered)
    assert "đã bị thay đổi sau khi ký" in refused.value.message
    with pytest.raises(ValidationError, match="KHÔNG hợp lệ"):
        plan_package.apply_import(target, target_paths, tampered)
    assert plan_package.year_content(target, 2021) == before


def test_unsigned_package_is_refused(upper, cdcs_year, tmp_path):
    db, _ = upper
    content = plan_package.year_content(db, 2021)
    unsigned = tmp_path / "chua-ky.xlsx"
    exchange.write_package(content, exchange.Issuer(name="LĐLĐ huyện Gia Viễn"), unsigned, generator="kiểm thử")
    target, target_paths = cdcs_year
    with pytest.raises(ValidationError, match="không có chữ ký số"):
        plan_package.preview_import(target, target_paths, unsigned)


# --- bad files ------------------------------------------------------------------------------------


def _resign(path: Path, spec) -> Path:
    out = path.with_name("ky-lai-" + path.name)
    with signers.open_signer(spec) as s:
        signed_workbook.sign_workbook(path, out, s)
    return out


def test_a_bad_cell_is_named_by_file_sheet_row_and_column(upper, cdcs_year, spec, tmp_path):
    package = export(upper, spec, tmp_path)
    target, target_paths = cdcs_year
    before = plan_package.year_content(target, 2021)
    edited = tmp_path / "sai-o.xlsx"
    row = _edit(package, edited, "_du_lieu", lambda v: v[1] == "CT02", lambda r: setattr(r[4], "value", "abc"))
    resigned = _resign(edited, spec)
    with pytest.raises(ValidationError) as refused:
        plan_package.preview_import(target, target_paths, resigned)
    message = refused.value.message
    assert message.startswith(f"Tệp {resigned.name}: trang _du_lieu, dòng {row}, cột E (kind): ")
    assert "'abc'" in message and "count" in message
    edited = tmp_path / "sai-ngay.xlsx"
    row = _edit(
        package,
        edited,
        "_du_lieu",
        lambda v: v[1] == 2 and str(v[3]).startswith("2021-"),
        lambda r: setattr(r[3], "value", "31/02/2021"),
    )
    with pytest.raises(ValidationError, match=rf"trang _du_lieu, dòng {row}, cột D \(start\):.*không phải là ngày"):
        plan_package.preview_import(target, target_paths, _resign(edited, spec))
    assert plan_package.year_content(target, 2021) == before


def test_files_that_are_not_plan_packages_are_refused_by_name(upper, cdcs_year, spec, tmp_path):
    target, target_paths = cdcs_year
    text = tmp_path / "khong-phai.xlsx"
    text.write_text("xin chào", encoding="utf-8")
    with pytest.raises(ValidationError, match="khong-phai.xlsx"):
        plan_package.preview_import(target, target_paths, text)
    plain = tmp_path / "bang-tinh.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Danh sách"
    book.save(plain)
    with pytest.raises(ValidationError, match="bang-tinh.xlsx không phải gói kế hoạch.*_du_lieu"):
        plan_package.preview_import(target, target_paths, plain)
    package = export(upper, spec, tmp_path)
    other_kind = tmp_path / "dang-ky.xlsx"
    _edit(
        package,
        other_kind,
        "_du_lieu",
        lambda v: v[0] == "document_kind",
        lambda r: setattr(r[1], "value", "registration"),
    )
    with pytest.raises(ValidationError, match="loại 'registration', không phải gói kế hoạch"):
        plan_package.preview_import(target, target_paths, _resign(other_kind, spec))
    no_rules = tmp_path / "thieu-muc.xlsx"
    _edit(package, no_rules, "_du_lieu", lambda v: v[0] == "[rules]", lambda r: setattr(r[0], "value", "[khac]"))
    with pytest.raises(ValidationError, match=r"thiếu mục \[rules\]"):
        plan_package.preview_import(target, target_paths, _resign(no_rules, spec))
    with pytest.raises(ValidationError, match="Không tìm thấy tệp"):
        plan_package.preview_import(target, target_paths, tmp_path / "khong-co.xlsx")


# --- the command line -----------------------------------------------------------------------------


def test_cli_export_then_import_shows_the_diff_and_needs_yes(tmp_path, unit_key):
    key, password, _cert, pem = unit_key
    env = {"MK_GOI": password}
    setup = [
        "setup",
        "--name",
        "CĐCS Công ty TNHH May Hoa Lư",
        "--upper-union",
        "LĐLĐ huyện Gia Viễn",
        "--place",
        "Gia Viễn",
        "--chair",
        "Phạm Thị Hoa",
        "--plan",
        "ke-hoach-02-KH-LDLD-2021",
    ]
    up, down = tmp_path / "cap-tren", tmp_path / "cdcs"
    assert (
        thidua(
            "--data-dir",
            str(up),
            "setup",
            "--name",
            "Liên đoàn Lao động huyện Gia Viễn",
            "--upper-union",
            "LĐLĐ tỉnh Ninh Bình",
            "--place",
            "Gia Viễn",
            "--chair",
            "Đinh Văn Hưng",
            "--plan",
            "ke-hoach-02-KH-LDLD-2021",
        ).returncode
        == 0
    )
    assert (
        thidua("--data-dir", str(up), "rules", "set", "--year", "2021", "ldtt_min_months_worked", "11").returncode == 0
    )
    package = tmp_path / "goi.xlsx"
    made = thidua(
        "--data-dir",
        str(up),
        "plan-package",
        "export",
        "--year",
        "2021",
        "--out",
        str(package),
        "--p12",
        str(key),
        "--password-env",
        "MK_GOI",
        env=env,
    )
    assert made.returncode == 0, made.stderr
    assert "30 chỉ tiêu" in made.stdout and "Đã ký số" in made.stdout
    assert thidua("--data-dir", str(down), *setup).returncode == 0
    shown = thidua("--data-dir", str(down), "plan-package", "import", str(package))
    assert shown.returncode == 0, shown.stderr
    assert "Quy định ldtt_min_months_worked" in shown.stdout and "giá trị: 10 → 11" in shown.stdout
    assert "Chưa áp dụng gì" in shown.stdout and "Cảnh báo" in shown.stderr
    rules = thidua("--data-dir", str(down), "rules", "list", "--year", "2021")
    assert "ldtt_min_months_worked = 10 " in rules.stdout
    assert thidua("--data-dir", str(down), "keys", "trust", str(pem)).returncode == 0
    applied = thidua("--data-dir", str(down), "plan-package", "import", str(package), "--yes")
    assert applied.returncode == 0, applied.stderr
    assert "Đã áp dụng" in applied.stdout and "Cảnh báo" not in applied.stderr
    assert "ldtt_min_months_worked = 11 " in thidua("--data-dir", str(down), "rules", "list", "--year", "2021").stdout
    tampered = tmp_path / "sua.xlsx"
    _edit(package, tampered, "_du_lieu", lambda v: v[1] == "CT02", lambda r: setattr(r[9], "value", 1))
    refused = thidua("--data-dir", str(down), "plan-package", "import", str(tampered), "--yes")
    assert refused.returncode == 1 and "KHÔNG hợp lệ" in refused.stderr and "Traceback" not in refused.stderr
    missing_key = thidua(
        "--data-dir", str(down), "plan-package", "export", "--year", "2021", "--out", str(tmp_path / "x.xlsx")
    )
    assert missing_key.returncode == 1 and "Cần khóa để ký" in missing_key.stderr
