"""The demo runs the current cycle: this year as far as today, last year complete, 2021 as history."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Date, DateTime, select

from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, plan_package, reports, review, year as year_service
from thidua_desktop.services.demo_current import plan_number
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import Base

# Plan deadlines lie ahead by nature; record stamps are the computer's own clock.
_DEADLINES = {
    ("phase", "start"),
    ("phase", "end"),
    ("phase", "report_due"),
    ("phase", "lock_date"),
    ("emulation_year", "registration_due"),
    ("emulation_year", "plan_issued_on"),
}


def _event_dates(db: Database):
    """Every date or time the records hold as the day something happened."""
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, (Date, DateTime)) or column.name in ("created_at", "updated_at"):
                    continue
                if (table.name, column.name) in _DEADLINES or table.name == "audit_log":
                    continue
                for (value,) in conn.execute(select(column).where(column.is_not(None))):
                    yield table.name, column.name, value.date() if isinstance(value, datetime) else value


def _build(tmp_path, monkeypatch, today: str):
    monkeypatch.setenv("THIDUA_TODAY", today)
    paths = DataPaths(tmp_path / f"demo-{today}").ensure()
    summary = demo.build_demo(paths, people=60, seed=5)
    return paths, summary


@pytest.fixture(scope="module")
def december(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("THIDUA_TODAY", "2026-12-04")
        paths = DataPaths(tmp_path_factory.mktemp("demo-2026")).ensure()
        summary = demo.build_demo(paths, people=60, seed=5)
    finally:
        mp.undo()
    db = Database.open(paths)
    yield paths, summary, db
    db.close()


def test_the_current_year_is_todays_and_last_year_is_complete(december):
    _paths, summary, db = december
    assert summary.years == (2021, 2025, 2026) and summary.current_year == 2026
    assert [y.year for y in year_service.list_years(db)] == [2021, 2025, 2026]
    for y in (2025, 2026):
        d = year_service.get_year(db, y)
        assert d.plan_source == "package" and d.has_plan_citation
        assert (d.plan_number, d.plan_issued_on) == (plan_number(y), date(y, 1, 15))
        assert "999/QĐ-TLĐ" in d.rule_set and "1689" not in d.rule_set and "91/2017" not in d.rule_set
        assert any(x.plan_target_text for x in d.indicators)
    # last year: both reports sent, reviewed, decided
    sent_2025 = {r.kind: r for r in reports.list_reports(db, 2025) if r.status == "sent"}
    assert set(sent_2025) == {"midyear", "year"}
    assert review.get_meeting(db, 2025).held_on == date(2025, 12, 22)
    # this year: registration done, phase 1 reported on time, phase 2 in progress, no tổng kết yet
    listed = reports.list_reports(db, 2026)
    assert [(r.kind, r.status) for r in listed] == [("midyear", "sent")]
    assert listed[0].sent_at.date() == date(2026, 7, 4)
    assert review.get_meeting(db, 2026) is None


def test_the_unit_reports_to_the_province_after_the_districts_went(december):
    unit = year_service.get_unit(december[2])
    assert unit.upper_union == "Liên đoàn Lao động tỉnh Ninh Bình" and "huyện" not in unit.upper_union


def test_nothing_is_dated_after_today(december):
    late = [(t, c, v) for t, c, v in _event_dates(december[2]) if v > date(2026, 12, 4)]
    assert late == []


def test_the_package_was_signed_and_checked(december):
    paths, _summary, db = december
    # the plan came in as a signed workbook whose signer the folder trusts
    from thidua_desktop.services import signing

    assert any("Ninh Bình" in t.subject for t in signing.trusted_certificates(paths))
    assert plan_package.year_content(db, 2026).plan.plan_number == plan_number(2026)


@pytest.mark.parametrize(
    "today, started, registered",
    [
        ("2026-01-05", "standard", False),  # the upper union's plan (15/1) has not come yet
        ("2030-03-10", "package", True),
    ],
)
def test_the_demo_follows_today(tmp_path, monkeypatch, today, started, registered):
    paths, summary = _build(tmp_path, monkeypatch, today)
    day = date.fromisoformat(today)
    assert summary.current_year == day.year and summary.years == (2021, day.year - 1, day.year)
    db = Database.open(paths)
    try:
        d = year_service.get_year(db, day.year)
        assert d.plan_source == started and d.has_plan_citation == registered
        from thidua_desktop.services import registration

        assert registration.get_collective(db, day.year).saved == registered
        assert reports.list_reports(db, day.year) == []
        assert [(t, c, v) for t, c, v in _event_dates(db) if v > day] == []
        last = {r.kind for r in reports.list_reports(db, day.year - 1) if r.status == "sent"}
        assert last == {"midyear", "year"}  # last year's tổng kết went out by 4 January
    finally:
        db.close()


def test_without_the_current_cycle_the_demo_is_2021_only(tmp_path):
    paths = DataPaths(tmp_path / "lich-su").ensure()
    summary = demo.build_demo(paths, people=40, seed=2, current_cycle=False)
    assert summary.years == (2021,) and summary.current_year == 2021


def test_the_registration_went_out_the_day_after_it_was_made(december):
    paths, _summary, db = december
    from thidua_desktop.services import deadlines

    for y in (2025, 2026):
        outcome = deadlines.year_deadlines(db, y, today=date(2026, 12, 4), paths=paths).outcome
        by_kind = {(d.kind, d.phase_number): d for d in outcome.deadlines}
        registration = by_kind[("registration_due", None)]
        assert registration.met and registration.sent_on == date(y, 2, 13), registration.text
        assert by_kind[("report_due", 1)].met
    last_year = deadlines.year_deadlines(db, 2025, today=date(2026, 12, 4), paths=paths).outcome
    assert all(d.met for d in last_year.deadlines)
