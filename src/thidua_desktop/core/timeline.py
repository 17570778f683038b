"""The emulation year's timeline (mốc thời gian) from plain values.

Builds the dated events of a year — registration deadline, phase starts and ends, report
deadlines, lock dates — with Vietnamese labels, and answers "what is due next" and "which
phase are we in". Takes plain values (``PhaseInput``), so it serves a plan template and a
stored year alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "DEADLINE_KINDS",
    "EventKind",
    "PhaseInput",
    "TimelineEvent",
    "build_timeline",
    "current_phase",
    "days_left",
    "describe_days_left",
    "next_deadlines",
]

EventKind = Literal["year_start", "registration_due", "phase_start", "phase_end", "report_due", "lock", "year_end"]

# Events a unit must act by (something has to be sent).
DEADLINE_KINDS: frozenset[str] = frozenset({"registration_due", "report_due"})

# Order of events falling on the same day: the year opens before a phase starts; a phase ends
# before the year does.
_SAME_DAY_ORDER: dict[str, int] = {
    "year_start": 0,
    "phase_start": 1,
    "registration_due": 2,
    "report_due": 3,
    "lock": 4,
    "phase_end": 5,
    "year_end": 6,
}


@dataclass(frozen=True)
class TimelineEvent:
    when: date
    kind: EventKind
    label: str
    phase_number: int | None = None


@dataclass(frozen=True)
class PhaseInput:
    number: int
    name: str
    start: date
    end: date
    report_due: date
    lock_date: date


def _phase_name(phase: PhaseInput) -> str:
    return phase.name.strip() or f"Đợt {phase.number}"


def build_timeline(year: int, phases: Sequence[PhaseInput], registration_due: date | None) -> list[TimelineEvent]:
    """Every dated event of the year, sorted by date.

    The last phase's report is the year's review (báo cáo tổng kết); the others are phase
    reviews (báo cáo sơ kết).
    """
    events = [TimelineEvent(date(year, 1, 1), "year_start", f"Bắt đầu năm thi đua {year}", None)]
    if registration_due is not None:
        events.append(TimelineEvent(registration_due, "registration_due", "Hạn gửi đăng ký thi đua", None))
    ordered = sorted(phases, key=lambda p: (p.start, p.number))
    last_number = ordered[-1].number if ordered else None
    for phase in ordered:
        name = _phase_name(phase)
        if phase.number == last_number:
            report_label = "Hạn gửi báo cáo tổng kết năm"
        else:
            report_label = f"Hạn gửi báo cáo sơ kết {name}"
        events.extend(
            [
                TimelineEvent(phase.start, "phase_start", f"Bắt đầu {name}", phase.number),
                TimelineEvent(phase.end, "phase_end", f"Kết thúc {name}", phase.number),
                TimelineEvent(phase.report_due, "report_due", report_label, phase.number),
                TimelineEvent(phase.lock_date, "lock", f"Khóa số liệu {name}", phase.number),
            ]
        )
    events.append(TimelineEvent(date(year, 12, 31), "year_end", f"Kết thúc năm thi đua {year}", None))
    return sorted(events, key=lambda e: (e.when, _SAME_DAY_ORDER[e.kind], e.phase_number or 0))


def days_left(event: TimelineEvent, today: date) -> int:
    """Days from ``today`` to the event: 0 on the day, negative once it has passed."""
    return (event.when - today).days


def describe_days_left(days: int) -> str:
    if days == 0:
        return "Hôm nay"
    if days > 0:
        return f"Còn {days} ngày"
    return f"Quá hạn {-days} ngày"


def next_deadlines(events: Iterable[TimelineEvent], today: date, limit: int = 3) -> list[TimelineEvent]:
    """The coming deadlines (``*_due`` events), today's included, soonest first."""
    upcoming = [e for e in events if e.kind in DEADLINE_KINDS and e.when >= today]
    upcoming.sort(key=lambda e: (e.when, _SAME_DAY_ORDER[e.kind], e.phase_number or 0))
    return upcoming[: max(limit, 0)]


def current_phase(phases: Iterable[PhaseInput], today: date) -> PhaseInput | None:
    """The phase whose period contains ``today``, or None between or outside phases."""
    for phase in phases:
        if phase.start <= today <= phase.end:
            return phase
    return None
