"""Issue 16, "The demo is a believable year": the demo folder read back from the store.

No initiative applied before one of its authors was hired or after one left; the first sơ kết
sent on time with its register number, in the outbox history dated then; the CĐCS's movements
those of a private garment company; the Tết gifts counted in the phase that holds Tết, with the
people at work on that day."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select

from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, demo_year_end, registration, report_sending, reports
from thidua_desktop.services import year as year_service
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import Initiative, IndicatorResult, OutgoingDocument, Person

YEAR = 2021


def _build(tmp_path_factory, **kwargs) -> DataPaths:
    paths = DataPaths(tmp_path_factory.mktemp("demo")).ensure()
    demo.build_demo(paths, current_cycle=False, **kwargs)
    return paths


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    database = Database.open(_build(tmp_path_factory), actor="kiemthu")
    yield database
    database.close()


@pytest.fixture(scope="module", params=[{"unit_code": "CD07", "seed": 7}, {"people": 40}])
def other_unit_db(tmp_path_factory, request):
    """Another unit, or a small one (other people, other hiring dates): the rule holds for them too."""
    database = Database.open(_build(tmp_path_factory, **request.param), actor="kiemthu")
    yield database
    database.close()


def _applied_outside_employment(db: Database) -> list[str]:
    wrong = []
    with db.reading() as session:
        for initiative in session.scalars(select(Initiative)):
            applied = initiative.first_applied_on
            if applied is None:
                continue
            for author in initiative.authors:
                if author.person_id is None:
                    continue
                person = session.get(Person, author.person_id)
                if person.employed_since is not None and applied < person.employed_since:
                    wrong.append(f"{initiative.title}: applied {applied}, hired {person.employed_since}")
                if person.left_on is not None and applied > person.left_on:
                    wrong.append(f"{initiative.title}: applied {applied}, left {person.left_on}")
    return wrong


def test_no_initiative_applied_outside_its_authors_employment(demo_db, other_unit_db):
    for db in (demo_db, other_unit_db):
        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Initiative).where(Initiative.year == YEAR)) >= 20
        assert _applied_outside_employment(db) == []


def test_an_application_date_moves_into_the_authors_employment():
    hired_in_march = (date(2021, 3, 23), None)
    long_hired = (date(2012, 5, 2), None)
    assert demo._applied_while_employed(date(2021, 2, 1), [long_hired], YEAR) == date(2021, 2, 1)
    assert demo._applied_while_employed(date(2021, 2, 1), [long_hired, hired_in_march], YEAR) == date(2021, 4, 22)
    assert demo._applied_while_employed(date(2021, 9, 1), [(date(2015, 1, 5), date(2021, 6, 30))], YEAR) == date(
        2021, 6, 23
    )
    assert (
        demo._applied_while_employed(date(2021, 3, 1), [(date(2022, 1, 10), None)], YEAR) is None
    )  # hired after the year
    assert demo._applied_while_employed(None, [hired_in_march], YEAR) is None
    # never after the decision that recognised it
    decided = date(2021, 5, 20)
    assert demo._applied_while_employed(date(2021, 3, 15), [(date(2021, 5, 10), None)], YEAR, decided) == date(
        2021, 5, 13
    )
    assert demo._applied_while_employed(date(2021, 3, 15), [(date(2021, 6, 1), None)], YEAR, decided) is None


def test_the_first_sơ_kết_is_sent_on_time_with_its_number(demo_db):
    first = year_service.get_year(demo_db, YEAR).phases[0]
    first_report = next(r for r in reports.list_reports(demo_db, YEAR) if r.kind == "midyear" and r.version == 1)
    with demo_db.reading() as session:
        numbered = session.scalars(
            select(OutgoingDocument).where(
                OutgoingDocument.kind == "midyear-report", OutgoingDocument.register_year == YEAR
            )
        ).all()
    assert len(numbered) == 1
    document = numbered[0]
    assert document.issued_on <= first.report_due
    assert document.code.endswith("/BC-CĐCS")
    history = report_sending.report_history(demo_db, year=YEAR)
    assert history, "the sơ kết went through the outbox"
    sending = history[0]
    assert sending.report_id == first_report.id and sending.version == 1
    assert sending.entry.status == "sent"
    sent_day = sending.entry.sent_at.astimezone(demo_year_end.VIETNAM).date()
    assert sent_day == document.issued_on <= first.report_due
    assert sent_day == date(YEAR, 7, 4)  # the day before its deadline (05/7)
    assert f"(số {document.code})" in sending.entry.body
    assert [a["name"] for a in sending.entry.attachments] == ["bao-cao-so-ket-2021-dot-1.pdf"]
    assert sending.entry.sent_at == datetime(YEAR, 7, 4, 2, 30, tzinfo=timezone.utc)


def test_the_movements_fit_a_private_garment_company(demo_db):
    info = registration.get_collective(demo_db, YEAR)
    names = {m.code: m.name for m in year_service.get_year(demo_db, YEAR).movements}
    chosen = [names[c] for c in info.movement_codes]
    assert "Lao động giỏi, Lao động sáng tạo" in chosen
    assert "Xanh, Sạch, Đẹp, Bảo đảm an toàn vệ sinh lao động" in chosen
    assert "Tham mưu giỏi, phục vụ tốt" not in chosen
    assert "Cán bộ, công chức, viên chức nói không với tiêu cực" not in chosen
    assert not any("công chức" in n or "nông thôn mới" in n or "hành chính" in n for n in chosen), chosen
    assert set(info.movement_codes) == set(demo.PRIVATE_COMPANY_MOVEMENTS)
    assert not set(info.movement_codes) & set(demo.STATE_SECTOR_MOVEMENTS)


def test_tết_gifts_are_counted_at_tết(demo_db):
    phases = year_service.get_year(demo_db, YEAR).phases
    tet = demo_year_end.TET[YEAR]
    holding_tet = next(p for p in phases if p.start <= tet <= p.end)
    with demo_db.reading() as session:
        rows = session.scalars(select(IndicatorResult).where(IndicatorResult.indicator_code == "CT13")).all()
        by_phase = {r.phase_number: r for r in rows}
        first = by_phase[holding_tet.number]  # counted in the phase of Tết (the later result is cumulative)
        at_work = session.scalar(
            select(func.count()).select_from(Person).where(Person.employed_through(first.evidence_date))
        )
    assert first.value == 1
    assert date(YEAR, 1, 15) <= first.evidence_date <= tet  # the gifts of the days before Tết, not a year-end list
    assert first.evidence_date.month in (1, 2)
    # the people given gifts are those at work that day, not the year-end roster (312)
    assert f"tặng quà Tết cho {at_work} người lao động" in first.note
    assert at_work != 312
    for r in rows:
        assert r.evidence_date == first.evidence_date  # no phase dates the gifts at the year's end


def test_the_current_cycle_sends_its_first_sơ_kết_numbered_on_time(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    demo.build_demo(paths, today=date(2026, 9, 1))
    db = Database.open(paths, actor="kiemthu")
    try:
        for year in (2025, 2026):
            first = year_service.get_year(db, year).phases[0]
            with db.reading() as session:
                document = session.scalars(
                    select(OutgoingDocument).where(
                        OutgoingDocument.kind == "midyear-report", OutgoingDocument.register_year == year
                    )
                ).one()
            sending = report_sending.report_history(db, year=year)[0]
            assert document.issued_on <= first.report_due
            assert sending.kind == "midyear" and sending.entry.status == "sent"
            assert sending.entry.sent_at.astimezone(demo_year_end.VIETNAM).date() == document.issued_on
    finally:
        db.close()
