"""The emulation year: set-up from the seed plan, copy forward, phases, rules, timeline."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua_desktop.core.plan import seed_template, standard_template
from thidua_desktop.services import year
from thidua_desktop.store.errors import NotFoundError, ValidationError


def test_set_up_loads_the_seed_plan_as_a_year(seeded_db):
    template = seed_template()
    d = year.get_year(seeded_db, 2021)
    assert d.plan_number == "02/KH-LĐLĐ"
    assert d.registration_due == date(2021, 2, 20)
    assert [(p.start, p.end, p.report_due) for p in d.phases] == [
        (date(2021, 1, 1), date(2021, 6, 30), date(2021, 7, 5)),
        (date(2021, 7, 1), date(2021, 12, 31), date(2022, 1, 5)),
    ]
    assert [m.name for m in d.movements] == [m.name for m in template.movements]
    assert [(x.code, x.plan_target, x.unit_of_measure) for x in d.indicators] == [
        (x.code, x.target_value, x.unit) for x in template.indicators
    ]
    members = next(x for x in d.indicators if x.computed_from == "members_admitted")
    assert members.plan_target == Decimal(8000) and members.unit_of_measure == "đoàn viên"
    assert {t.code for t in d.titles} >= {"LDTT", "CSTDCS", "BANG_LDST", "GK_CDCS"}
    assert {r.key: r.value for r in d.rules}["cstdcs_cap_percent_of_ldtt"] == Decimal(15)


def test_unit_profile_round_trip(seeded_db, profile):
    got = year.get_unit(seeded_db)
    assert got.name == profile.name
    assert got.chair.full_name == "Phạm Thị Hoa"
    assert [d.full_name for d in got.deputies] == ["Trần Văn Nam"]
    got.officers.append(type(got.officers[0])("Lê Thị Mai", "deputy", "Phó Chủ tịch"))
    saved = year.save_unit(seeded_db, got)
    assert [d.full_name for d in saved.deputies] == ["Trần Văn Nam", "Lê Thị Mai"]


def test_profile_validation_lists_every_problem(db, profile):
    profile.name = ""
    profile.place_name = ""
    profile.upper_union_email = "khong-phai-email"
    profile.officers = []
    with pytest.raises(ValidationError) as info:
        year.set_up(db, profile)
    message = info.value.message
    for expected in ("Tên công đoàn cơ sở", "Địa danh", "Chủ tịch", "Email công đoàn cấp trên"):
        assert expected in message
    assert year.get_unit(db) is None and year.list_years(db) == []


def test_year_cannot_be_created_twice(seeded_db):
    with pytest.raises(ValidationError, match="2021 đã có"):
        year.create_year(seeded_db)


def test_the_2021_plan_cannot_start_another_year(seeded_db):
    # a dated plan is a document of its own year: moved to 2026 it would cite a plan that does not exist
    with pytest.raises(ValidationError, match="chỉ dùng được cho năm 2021"):
        year.create_year(seeded_db, seed_template(), 2026)
    assert [y.year for y in year.list_years(seeded_db)] == [2021]


@pytest.mark.parametrize("target", [2024, 2026, 2027, 2031])
def test_a_year_from_the_standard_template_cites_no_plan(seeded_db, target):
    summary = year.create_year(seeded_db, standard_template(), target)
    d = year.get_year(seeded_db, summary.year)
    assert d.plan_source == "standard" and not d.has_plan_citation
    assert (d.plan_number, d.plan_issuer, d.plan_issued_on, d.plan_title, d.theme) == ("", "", None, "", "")
    assert d.missing_plan_facts() == [
        "số kế hoạch",
        "ngày ban hành kế hoạch",
        "cơ quan ban hành kế hoạch",
        "tên (trích yếu) kế hoạch",
    ]
    # its dates are the year's own; no upper-union figure comes with it
    assert d.registration_due == date(target, 2, 28)
    assert [(p.start, p.end) for p in d.phases] == [
        (date(target, 1, 1), date(target, 6, 30)),
        (date(target, 7, 1), date(target, 12, 31)),
    ]
    assert d.phases[-1].report_due == date(target + 1, 1, 5)
    assert d.indicators and all(x.plan_target is None and not x.plan_target_text for x in d.indicators)
    text = repr(d)
    for stale in ("Ninh Bình", "02/KH-LĐLĐ", "8.000", "2021"):
        assert stale not in text


def test_the_standard_template_needs_a_year(seeded_db):
    with pytest.raises(ValidationError, match="chọn năm"):
        year.create_year(seeded_db, standard_template())


def test_copy_year_forward_keeps_the_plan_shape_but_cites_nothing(seeded_db):
    year.set_rule(seeded_db, 2021, "cstdcs_cap_percent_of_ldtt", "12,5")
    summary = year.copy_year(seeded_db, 2021, 2022)
    assert summary.year == 2022 and summary.plan_source == "copy"
    d = year.get_year(seeded_db, 2022)
    assert d.phases[0].start == date(2022, 1, 1) and d.phases[1].report_due == date(2023, 1, 5)
    assert d.registration_due == date(2022, 2, 20)
    assert {r.key: r.value for r in d.rules}["cstdcs_cap_percent_of_ldtt"] == Decimal("12.5")
    source = year.get_year(seeded_db, 2021)
    assert [x.code for x in d.indicators] == [x.code for x in source.indicators]
    assert [m.name for m in d.movements] == [m.name for m in source.movements]
    # the 2022 plan is another document: nothing of the 2021 one is re-dated into it
    assert (d.plan_number, d.plan_issuer, d.plan_issued_on, d.plan_title, d.theme) == ("", "", None, "", "")
    assert not d.has_plan_citation
    # the province's 2021 figures were that year's targets
    assert all(x.plan_target is None and not x.plan_target_text for x in d.indicators)
    assert [y.year for y in year.list_years(seeded_db)] == [2021, 2022]
    with pytest.raises(ValidationError):
        year.copy_year(seeded_db, 2021, 2022)
    with pytest.raises(NotFoundError):
        year.copy_year(seeded_db, 2019, 2020)


def test_update_phase_validates(seeded_db):
    year.update_phase(
        seeded_db,
        2021,
        1,
        start=date(2021, 1, 1),
        end=date(2021, 6, 30),
        report_due=date(2021, 7, 6),
        lock_date=date(2021, 7, 20),
    )
    assert year.get_year(seeded_db, 2021).phases[0].report_due == date(2021, 7, 6)
    with pytest.raises(ValidationError, match="trùng"):
        year.update_phase(
            seeded_db,
            2021,
            1,
            start=date(2021, 1, 1),
            end=date(2021, 7, 2),
            report_due=date(2021, 7, 6),
            lock_date=date(2021, 7, 20),
        )
    with pytest.raises(ValidationError, match="khóa"):
        year.update_phase(
            seeded_db,
            2021,
            1,
            start=date(2021, 1, 1),
            end=date(2021, 6, 30),
            report_due=date(2021, 7, 6),
            lock_date=date(2021, 7, 1),
        )
    assert year.get_year(seeded_db, 2021).phases[0].lock_date == date(2021, 7, 20)


def test_set_rule_refuses_bad_values(seeded_db):
    with pytest.raises(ValidationError, match="không phải là số"):
        year.set_rule(seeded_db, 2021, "ldtt_min_months_worked", "mười")
    with pytest.raises(NotFoundError, match="không có quy định"):
        year.set_rule(seeded_db, 2021, "khong_co", 1)
    assert {r.key: r.value for r in year.get_year(seeded_db, 2021).rules}["ldtt_min_months_worked"] == 10


def test_timeline_has_the_plan_deadlines(seeded_db):
    events = year.timeline(seeded_db, 2021)
    dues = [(e.when, e.kind) for e in events if e.kind in ("registration_due", "report_due")]
    assert dues == [
        (date(2021, 2, 20), "registration_due"),
        (date(2021, 7, 5), "report_due"),
        (date(2022, 1, 5), "report_due"),
    ]
