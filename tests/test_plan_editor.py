"""The plan editor (issue 13): services on a real SQLite file, and ``thidua year …`` as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from thidua_desktop.services import plan_editor as pe
from thidua_desktop.services import year as year_service
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AuditEntry,
    CollectiveRegistration,
    EmulationYear,
    IndicatorRegistration,
    IndicatorResult,
    Report,
)


def add_figures(db, code: str, *, registered: bool = True, phases=(1,)) -> None:
    with db.transaction("kiểm thử") as session:
        yid = session.scalars(select(EmulationYear.id).where(EmulationYear.year == 2021)).one()
        if registered:
            session.add(IndicatorRegistration(year_id=yid, indicator_code=code, value=Decimal(5)))
        for n in phases:
            session.add(IndicatorResult(year_id=yid, indicator_code=code, phase_number=n, value=Decimal(3)))


def count(db, model, **where) -> int:
    with db.reading() as session:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return session.scalar(query)


# --- plan facts ------------------------------------------------------------------------------------


def test_plan_facts_are_stored_as_given(seeded_db):
    pe.set_plan_facts(
        seeded_db,
        2021,
        number="05/KH-LĐLĐ",
        issued_on=date(2020, 12, 28),
        issuer="LĐLĐ huyện",
        title="Kế hoạch  phát động",
        theme="Chủ đề mới",
        report_due_days=7,
    )
    d = year_service.get_year(seeded_db, 2021)
    assert (d.plan_number, d.plan_issued_on, d.plan_issuer, d.plan_title, d.theme, d.report_due_days) == (
        "05/KH-LĐLĐ",
        date(2020, 12, 28),
        "LĐLĐ huyện",
        "Kế hoạch phát động",
        "Chủ đề mới",
        7,
    )
    # the phases were not re-dated by the new default of days
    assert d.phases[0].report_due == date(2021, 7, 5)
    with seeded_db.reading() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "Sửa thông tin kế hoạch năm 2021")
            )
            >= 1
        )


def test_plan_date_outside_the_year_is_refused(seeded_db):
    with pytest.raises(ValidationError, match="không thuộc năm 2021"):
        pe.set_plan_facts(seeded_db, 2021, issued_on=date(2019, 1, 1))
    with pytest.raises(ValidationError, match="Hạn gửi đăng ký"):
        pe.set_registration_due(seeded_db, 2021, date(2023, 2, 1))
    pe.set_registration_due(seeded_db, 2021, date(2021, 3, 1))
    assert year_service.get_year(seeded_db, 2021).registration_due == date(2021, 3, 1)
    with pytest.raises(NotFoundError):
        pe.load_plan(seeded_db, 1999)


# --- phases --------------------------------------------------------------------------------------


def test_phase_end_moves_the_next_start_and_default_deadlines(seeded_db):
    phase = pe.set_phase(seeded_db, 2021, 1, end=date(2021, 5, 31))
    assert (phase.report_due, phase.lock_date) == (date(2021, 6, 5), date(2021, 6, 15))
    phases = year_service.get_year(seeded_db, 2021).phases
    assert phases[1].start == date(2021, 6, 1) and phases[1].end == date(2021, 12, 31)


def test_report_due_set_by_hand_is_kept_and_checked(seeded_db):
    phase = pe.set_report_due(seeded_db, 2021, 1, date(2021, 7, 20))
    assert phase.report_due == date(2021, 7, 20) and phase.lock_date == date(2021, 7, 30)
    with pytest.raises(ValidationError, match="không được trước ngày kết thúc đợt"):
        pe.set_report_due(seeded_db, 2021, 1, date(2021, 6, 1))
    # a deadline set by hand stays when the end moves
    pe.set_phase(seeded_db, 2021, 1, end=date(2021, 6, 15))
    assert year_service.get_year(seeded_db, 2021).phases[0].report_due == date(2021, 7, 20)


def test_phases_stay_inside_the_year_and_contiguous(seeded_db):
    with pytest.raises(ValidationError, match="phải nằm trong năm 2021"):
        pe.set_phase(seeded_db, 2021, 2, end=date(2022, 1, 31))
    with pytest.raises(ValidationError, match="cuối năm 2021"):
        pe.add_phase(seeded_db, 2021)
    pe.set_phase(seeded_db, 2021, 2, end=date(2021, 9, 30), name="Đợt 2 (quý III)")
    added = pe.add_phase(seeded_db, 2021)
    assert (added.number, added.name, added.start, added.end, added.report_due) == (
        3,
        "Đợt 3",
        date(2021, 10, 1),
        date(2021, 12, 31),
        date(2022, 1, 5),
    )
    phases = year_service.get_year(seeded_db, 2021).phases
    assert [p.name for p in phases] == ["Đợt 1", "Đợt 2 (quý III)", "Đợt 3"]
    # a draft with a gap is refused whole
    draft = pe.load_plan(seeded_db, 2021)
    draft.phases[2].start = date(2021, 10, 5)
    with pytest.raises(ValidationError, match="liền nhau"):
        pe.save_plan(seeded_db, draft)


def test_removing_the_last_phase_asks_when_it_has_reports_or_results(seeded_db):
    pe.set_phase(seeded_db, 2021, 2, end=date(2021, 9, 30))
    pe.add_phase(seeded_db, 2021)
    assert pe.impact_of_removing_phase(seeded_db, 2021, 3) == pe.Impact()
    add_figures(seeded_db, "CT02", registered=False, phases=(3,))
    with seeded_db.transaction("kiểm thử") as session:
        yid = session.scalars(select(EmulationYear.id).where(EmulationYear.year == 2021)).one()
        session.add(Report(year_id=yid, kind="year", phase_number=3))
    impact = pe.impact_of_removing_phase(seeded_db, 2021, 3)
    assert (impact.reports, impact.results) == (1, 1)
    with pytest.raises(pe.ConfirmationRequired) as refused:
        pe.remove_last_phase(seeded_db, 2021)
    assert "Xóa Đợt 3 sẽ xóa 1 kết quả đã nhập và 1 báo cáo." == refused.value.message
    assert len(year_service.get_year(seeded_db, 2021).phases) == 3 and count(seeded_db, Report) == 1
    result = pe.remove_last_phase(seeded_db, 2021, confirm=True)
    assert result.removed == ("Đã xóa Đợt 3 cùng 1 kết quả đã nhập và 1 báo cáo.",)
    assert len(year_service.get_year(seeded_db, 2021).phases) == 2
    assert count(seeded_db, Report) == 0 and count(seeded_db, IndicatorResult) == 0
    with pytest.raises(ValidationError, match="ít nhất một đợt"):
        pe.remove_last_phase(seeded_db, 2021)
        pe.remove_last_phase(seeded_db, 2021)  # the second of the two left


# --- movements -----------------------------------------------------------------------------------


def test_movement_add_rename_recode_remove(seeded_db):
    added = pe.add_movement(seeded_db, 2021, "Thi đua “Xanh, Sạch, Đẹp” mới", launched_by="CĐCS")
    assert added.code == "TDXSDM"
    again = pe.add_movement(seeded_db, 2021, "Thi đua Xanh Sạch Đẹp Mới")
    assert again.code == "TDXSDM_2"
    pe.set_movement(seeded_db, 2021, "TDXSDM", name="Xanh – Sạch – Đẹp", launched_by="Ban Chấp hành CĐCS")
    movements = {m.code: m for m in year_service.get_year(seeded_db, 2021).movements}
    assert movements["TDXSDM"].name == "Xanh – Sạch – Đẹp" and movements["TDXSDM"].launched_by == "Ban Chấp hành CĐCS"
    assert list(movements)[-2:] == ["TDXSDM", "TDXSDM_2"]
    # the collective registration chose a movement: a new code follows, a removal asks first
    code = next(iter(movements))
    with seeded_db.transaction("kiểm thử") as session:
        yid = session.scalars(select(EmulationYear.id).where(EmulationYear.year == 2021)).one()
        session.add(CollectiveRegistration(year_id=yid, movement_codes=[code, "TDXSDM"]))
    pe.set_movement(seeded_db, 2021, "TDXSDM", new_code="XSD_CDCS")
    with seeded_db.reading() as session:
        assert session.scalars(select(CollectiveRegistration)).one().movement_codes == [code, "XSD_CDCS"]
    assert pe.impact_of_removing_movement(seeded_db, 2021, "XSD_CDCS").collective_choices == 1
    with pytest.raises(pe.ConfirmationRequired, match="bản đăng ký thi đua của tập thể"):
        pe.remove_movement(seeded_db, 2021, "XSD_CDCS")
    result = pe.remove_movement(seeded_db, 2021, "XSD_CDCS", confirm=True)
    assert "bỏ khỏi bản đăng ký thi đua của tập thể" in result.removed[0]
    with seeded_db.reading() as session:
        assert session.scalars(select(CollectiveRegistration)).one().movement_codes == [code]
    assert pe.remove_movement(seeded_db, 2021, "TDXSDM_2").removed
    with pytest.raises(ValidationError, match="tên không được để trống"):
        pe.add_movement(seeded_db, 2021, "  ", code="X")
    with pytest.raises(NotFoundError):
        pe.remove_movement(seeded_db, 2021, "KHONG_CO")


def test_removing_a_movement_unties_its_indicators(seeded_db):
    draft = pe.load_plan(seeded_db, 2021)
    tied = next(x for x in draft.indicators if x.movement_code)
    movement = tied.movement_code
    result = pe.remove_movement(seeded_db, 2021, movement)
    assert any(tied.code in note for note in result.notes)
    assert pe.load_plan(seeded_db, 2021).indicator(tied.code).movement_code is None


# --- indicators ----------------------------------------------------------------------------------


def test_indicator_add_edit_and_checks(seeded_db):
    added = pe.add_indicator(
        seeded_db,
        2021,
        "Số đoàn viên tham gia hiến máu",
        kind="count",
        unit_of_measure="người",
        group="III.2",
        levels=("cdcs",),
        plan_target=Decimal(50),
    )
    assert added.code == "CT31"
    stored = pe.load_plan(seeded_db, 2021).indicator("CT31")
    assert (stored.plan_target, stored.plan_target_text, stored.levels, stored.source) == (
        Decimal(50),
        "50",
        ("cdcs",),
        "entered",
    )
    pe.set_indicator(seeded_db, 2021, "CT31", plan_target=pe.parse_target("1.200"), applies_to=("non_state",))
    stored = pe.load_plan(seeded_db, 2021).indicator("CT31")
    assert stored.plan_target_text == "1.200" and stored.applies_to == ("non_state",)
    problems = [
        (dict(kind="weight"), "loại 'weight' không hợp lệ"),
        (dict(source="computed", computed_from="nothing"), "'nothing' không hợp lệ"),
        (dict(source="computed", computed_from="women_gvn_dvn"), "phải cùng loại"),
        (dict(levels=()), "ít nhất một cấp"),
        (dict(kind="percent", plan_target=Decimal(120)), "vượt quá 100%"),
        (dict(plan_target=Decimal(-1)), "không được âm"),
        (dict(movement_code="KHONG_CO"), "không có trong danh sách phong trào"),
        (dict(applies_to=("martians",)), "đối tượng áp dụng 'martians' không hợp lệ"),
        (dict(name=" "), "tên chỉ tiêu không được để trống"),
    ]
    for fields, message in problems:
        with pytest.raises(ValidationError, match=message):
            pe.set_indicator(seeded_db, 2021, "CT31", **fields)
    pe.set_indicator(seeded_db, 2021, "CT31", source="computed", computed_from="members_admitted")
    assert pe.load_plan(seeded_db, 2021).indicator("CT31").computed_from == "members_admitted"
    pe.set_indicator(seeded_db, 2021, "CT31", source="entered")
    assert pe.load_plan(seeded_db, 2021).indicator("CT31").computed_from is None
    with pytest.raises(ValidationError, match="đã có chỉ tiêu mã 'CT31'"):
        pe.add_indicator(seeded_db, 2021, "Trùng", code="CT31")
    with pytest.raises(pe.ValidationError, match="Chỉ tiêu cấp trên giao"):
        pe.parse_target("nhiều")


def test_removing_an_indicator_with_figures_asks_and_keeps_them_when_refused(seeded_db):
    add_figures(seeded_db, "CT09", phases=(1, 2))
    impact = pe.impact_of_removing_indicator(seeded_db, 2021, "CT09")
    assert (impact.registrations, impact.results) == (1, 2)
    assert impact.describe() == "1 đăng ký và 2 kết quả đã nhập"
    with pytest.raises(pe.ConfirmationRequired) as refused:
        pe.remove_indicator(seeded_db, 2021, "CT09")
    assert refused.value.message.startswith("Xóa chỉ tiêu CT09 (")
    assert refused.value.message.endswith("sẽ xóa 1 đăng ký và 2 kết quả đã nhập.")
    assert count(seeded_db, IndicatorRegistration, indicator_code="CT09") == 1
    assert "CT09" in {x.code for x in pe.load_plan(seeded_db, 2021).indicators}
    result = pe.remove_indicator(seeded_db, 2021, "CT09", confirm=True)
    assert result.removed[0].endswith("cùng 1 đăng ký và 2 kết quả đã nhập.")
    assert count(seeded_db, IndicatorRegistration, indicator_code="CT09") == 0
    assert count(seeded_db, IndicatorResult, indicator_code="CT09") == 0
    # an indicator without figures goes without asking
    removed = pe.remove_indicator(seeded_db, 2021, "CT01").removed
    assert len(removed) == 1 and removed[0].startswith("Đã xóa chỉ tiêu CT01 (") and removed[0].endswith(").")


def test_changing_the_kind_of_an_indicator_with_figures_asks(seeded_db):
    add_figures(seeded_db, "CT09")
    with pytest.raises(pe.ConfirmationRequired, match="mang nghĩa khác"):
        pe.set_indicator(seeded_db, 2021, "CT09", kind="count")
    assert count(seeded_db, IndicatorResult, indicator_code="CT09") == 1
    # other edits keep the figures
    pe.set_indicator(seeded_db, 2021, "CT09", name="Tên mới", unit_of_measure="%")
    assert count(seeded_db, IndicatorResult, indicator_code="CT09") == 1
    result = pe.set_indicator(seeded_db, 2021, "CT09", kind="count", confirm=True)
    assert "xóa 1 đăng ký và 1 kết quả đã nhập" in result.removed[0]
    assert pe.load_plan(seeded_db, 2021).indicator("CT09").kind == "count"


def test_whole_draft_saved_in_one_transaction(seeded_db):
    add_figures(seeded_db, "CT09")
    draft = pe.load_plan(seeded_db, 2021)
    draft.plan_number = "09/KH-LĐLĐ"
    draft.indicators = [x for x in draft.indicators if x.code != "CT09"]
    draft.indicators.append(pe.IndicatorDraft(pe.new_indicator_code(draft), "Chỉ tiêu mới", is_new=True))
    draft.movements.append(pe.MovementDraft(pe.new_movement_code(draft, "Phong trào riêng"), "Phong trào riêng"))
    with pytest.raises(pe.ConfirmationRequired):
        pe.save_plan(seeded_db, draft)
    # nothing at all was saved
    assert year_service.get_year(seeded_db, 2021).plan_number == "02/KH-LĐLĐ"
    saved = pe.save_plan(seeded_db, draft, confirm=True)
    assert saved.removed
    after = pe.load_plan(seeded_db, 2021)
    assert after.plan_number == "09/KH-LĐLĐ" and after.indicators[-1].name == "Chỉ tiêu mới"
    assert after.movements[-1].code == "PTR" and "CT09" not in {x.code for x in after.indicators}
    # a bad value refuses the whole save with every problem listed
    after.phases[0].name = ""
    after.indicators[0].kind = "weight"
    with pytest.raises(ValidationError) as refused:
        pe.save_plan(seeded_db, after)
    assert "tên đợt không được để trống" in refused.value.message and "weight" in refused.value.message


def test_services_import_no_qt():
    import thidua_desktop.services.plan_editor as module

    assert "PySide6" not in open(module.__file__, encoding="utf-8").read()


# --- the command line ------------------------------------------------------------------------------

SETUP = [
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


def thidua(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "thidua_desktop.cli.main", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=120,
    )


@pytest.fixture(scope="module")
def cli_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "du-lieu"
    result = thidua(folder, *SETUP)
    assert result.returncode == 0, result.stderr
    return folder


def test_cli_plan_editing(cli_folder):
    f = cli_folder
    ok = thidua(
        f,
        "year",
        "set-plan",
        "--year",
        "2021",
        "--number",
        "07/KH-LĐLĐ",
        "--date",
        "25/01/2021",
        "--theme",
        "Chủ đề 2021",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Đã lưu thông tin kế hoạch năm 2021." in ok.stdout
    bad = thidua(f, "year", "set-plan", "--year", "2021", "--date", "01/01/2019")
    assert bad.returncode == 1 and "không thuộc năm 2021" in bad.stderr
    out = thidua(f, "year", "phase", "set", "--year", "2021", "--phase", "2", "--end", "30/09/2021")
    assert out.returncode == 0, out.stderr
    out = thidua(f, "year", "phase", "add", "--year", "2021", "--name", "Đợt 3 (quý IV)")
    assert out.returncode == 0, out.stderr
    assert "Đã thêm Đợt 3 (quý IV): 01/10/2021 – 31/12/2021; hạn gửi báo cáo 05/01/2022" in out.stdout
    out = thidua(f, "year", "set-report-due", "--year", "2021", "--phase", "1", "10/07/2021")
    assert out.returncode == 0 and "hạn gửi báo cáo 10/07/2021" in out.stdout
    out = thidua(f, "year", "movement", "add", "--year", "2021", "Phong trào Áo xanh", "--launched-by", "CĐCS")
    assert out.returncode == 0 and "Đã thêm phong trào PTAX" in out.stdout
    out = thidua(f, "year", "movement", "rename", "--year", "2021", "PTAX", "Phong trào Áo xanh sạch")
    assert out.returncode == 0 and "Phong trào Áo xanh sạch" in out.stdout
    out = thidua(
        f,
        "year",
        "indicator",
        "add",
        "--year",
        "2021",
        "Đoàn viên hiến máu",
        "--unit",
        "người",
        "--target",
        "1.200",
        "--levels",
        "cdcs",
        "--movement",
        "PTAX",
    )
    assert out.returncode == 0 and "Đã thêm chỉ tiêu CT31" in out.stdout, out.stderr
    out = thidua(f, "year", "indicator", "set", "--year", "2021", "CT31", "--kind", "percent", "--target", "150")
    assert out.returncode == 1 and "vượt quá 100%" in out.stderr
    shown = thidua(f, "year", "show", "2021")
    assert "Kế hoạch số 07/KH-LĐLĐ ngày 25/01/2021" in shown.stdout
    assert "Đợt 3 (quý IV): 01/10/2021 – 31/12/2021" in shown.stdout
    assert "CT31 Đoàn viên hiến máu — " in shown.stdout and "1.200 (người" in shown.stdout


def test_cli_removal_with_figures_needs_yes(cli_folder):
    from thidua_desktop import paths as app_paths
    from thidua_desktop.store.database import Database

    db = Database.open(app_paths.resolve(cli_folder))
    try:
        add_figures(db, "CT10", phases=(1,))
    finally:
        db.close()
    refused = thidua(cli_folder, "year", "indicator", "remove", "--year", "2021", "CT10")
    assert refused.returncode == 1
    assert "sẽ xóa 1 đăng ký và 1 kết quả đã nhập" in refused.stderr and "--yes" in refused.stderr
    assert "CT10 " in thidua(cli_folder, "year", "show", "2021").stdout
    done = thidua(cli_folder, "year", "indicator", "remove", "--year", "2021", "CT10", "--yes")
    assert done.returncode == 0, done.stderr
    assert "Đã xóa chỉ tiêu CT10" in done.stdout and "cùng 1 đăng ký và 1 kết quả đã nhập" in done.stdout
    assert "CT10 " not in thidua(cli_folder, "year", "show", "2021").stdout
    nothing = thidua(cli_folder, "year", "phase", "set", "--year", "2021", "--phase", "1")
    assert nothing.returncode == 1 and "Chưa nói sửa gì" in nothing.stderr
