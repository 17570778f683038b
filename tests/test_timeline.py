"""The year's timeline: events, labels, days left, next deadlines, current phase."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.core.plan import seed_template
from thidua_desktop.core.timeline import (
    PhaseInput,
    TimelineEvent,
    build_timeline,
    current_phase,
    days_left,
    describe_days_left,
    next_deadlines,
)

PHASES = [
    PhaseInput(1, "Đợt 1", date(2021, 1, 1), date(2021, 6, 30), date(2021, 7, 5), date(2021, 7, 15)),
    PhaseInput(2, "Đợt 2", date(2021, 7, 1), date(2021, 12, 31), date(2022, 1, 5), date(2022, 1, 15)),
]


@pytest.fixture
def events() -> list[TimelineEvent]:
    return build_timeline(2021, PHASES, date(2021, 2, 20))


def test_events_in_order_with_labels(events: list[TimelineEvent]) -> None:
    assert [(e.when, e.kind, e.label, e.phase_number) for e in events] == [
        (date(2021, 1, 1), "year_start", "Bắt đầu năm thi đua 2021", None),
        (date(2021, 1, 1), "phase_start", "Bắt đầu Đợt 1", 1),
        (date(2021, 2, 20), "registration_due", "Hạn gửi đăng ký thi đua", None),
        (date(2021, 6, 30), "phase_end", "Kết thúc Đợt 1", 1),
        (date(2021, 7, 1), "phase_start", "Bắt đầu Đợt 2", 2),
        (date(2021, 7, 5), "report_due", "Hạn gửi báo cáo sơ kết Đợt 1", 1),
        (date(2021, 7, 15), "lock", "Khóa số liệu Đợt 1", 1),
        (date(2021, 12, 31), "phase_end", "Kết thúc Đợt 2", 2),
        (date(2021, 12, 31), "year_end", "Kết thúc năm thi đua 2021", None),
        (date(2022, 1, 5), "report_due", "Hạn gửi báo cáo tổng kết năm", 2),
        (date(2022, 1, 15), "lock", "Khóa số liệu Đợt 2", 2),
    ]
    assert [e.when for e in events] == sorted(e.when for e in events)


def test_phases_given_out_of_order_and_without_registration() -> None:
    events = build_timeline(2021, list(reversed(PHASES)), None)
    assert "registration_due" not in {e.kind for e in events}
    reports = [e.label for e in events if e.kind == "report_due"]
    assert reports == ["Hạn gửi báo cáo sơ kết Đợt 1", "Hạn gửi báo cáo tổng kết năm"]


def test_single_phase_and_blank_name() -> None:
    only = PhaseInput(1, " ", date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 5), date(2024, 1, 15))
    events = build_timeline(2023, [only], None)
    labels = {e.kind: e.label for e in events}
    assert labels["phase_start"] == "Bắt đầu Đợt 1"
    assert labels["report_due"] == "Hạn gửi báo cáo tổng kết năm"
    assert build_timeline(2023, [], None)[0].kind == "year_start"


def test_days_left_and_description(events: list[TimelineEvent]) -> None:
    registration = next(e for e in events if e.kind == "registration_due")
    assert days_left(registration, date(2021, 2, 15)) == 5
    assert days_left(registration, date(2021, 2, 20)) == 0
    assert days_left(registration, date(2021, 2, 23)) == -3
    assert describe_days_left(5) == "Còn 5 ngày"
    assert describe_days_left(1) == "Còn 1 ngày"
    assert describe_days_left(0) == "Hôm nay"
    assert describe_days_left(-3) == "Quá hạn 3 ngày"


def test_next_deadlines(events: list[TimelineEvent]) -> None:
    upcoming = next_deadlines(events, date(2021, 1, 10))
    assert [(e.kind, e.when) for e in upcoming] == [
        ("registration_due", date(2021, 2, 20)),
        ("report_due", date(2021, 7, 5)),
        ("report_due", date(2022, 1, 5)),
    ]
    assert [e.when for e in next_deadlines(events, date(2021, 1, 10), limit=1)] == [date(2021, 2, 20)]
    # The day itself still counts; the day after, it is gone.
    assert next_deadlines(events, date(2021, 7, 5))[0].when == date(2021, 7, 5)
    assert next_deadlines(events, date(2021, 7, 6))[0].when == date(2022, 1, 5)
    assert next_deadlines(events, date(2022, 1, 6)) == []
    assert next_deadlines(events, date(2021, 1, 10), limit=0) == []


def test_current_phase() -> None:
    assert current_phase(PHASES, date(2021, 1, 1)) is PHASES[0]
    assert current_phase(PHASES, date(2021, 6, 30)) is PHASES[0]
    assert current_phase(PHASES, date(2021, 7, 1)) is PHASES[1]
    assert current_phase(PHASES, date(2021, 12, 31)) is PHASES[1]
    assert current_phase(PHASES, date(2022, 1, 3)) is None
    assert current_phase(PHASES, date(2020, 12, 31)) is None
    assert current_phase([], date(2021, 3, 1)) is None


def test_timeline_of_the_seed_plan() -> None:
    plan = seed_template()
    phases = [PhaseInput(p.number, p.name, p.start, p.end, p.report_due, p.lock_date) for p in plan.phases]
    assert build_timeline(plan.year, phases, plan.registration_due) == build_timeline(2021, PHASES, date(2021, 2, 20))
