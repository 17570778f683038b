"""The date an outgoing document carries: the date of the event it records, never the day of export.

A reviewer at the upper union reads the date first: the registration is dated the day it was made,
the biên bản the day of the meeting, the tờ trình and the decision no earlier than that meeting, a
phase report the day it is issued (by default its deadline or the last day of the phase, whichever
comes first). ``default_date`` gives that date from what the store knows; ``warnings`` says what is
odd about a date the user chose (outside the year, before the event, after the deadline) so that
it is said before the number is taken. Plain Python: the services gather the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from thidua_desktop.core import vntext

# The year's documents are written from the month before it starts (the plan, the registration of a
# plan issued in December) to some weeks after its last report is due (the tổng kết, the decision
# of a review held in January).
WINDOW_BEFORE = timedelta(days=31)
WINDOW_AFTER = timedelta(days=45)

REPORT_KINDS = ("midyear-report", "year-report", "initiatives")


@dataclass(frozen=True)
class EventFacts:
    """What the store knows about the events a document of ``year`` records."""

    year: int
    plan_issued_on: date | None = None  # the upper union's plan the year follows
    registration_due: date | None = None
    registered_on: date | None = None  # the day the unit registered
    phase_start: date | None = None  # the phase a report is about
    phase_end: date | None = None
    report_due: date | None = None
    report_issued_on: date | None = None  # a report numbered or sent before
    meeting_on: date | None = None  # the review meeting (họp bình xét)
    decided_on: date | None = None  # the date of the decision the document carries
    last_report_due: date | None = None  # the year's last deadline (the window's end)


@dataclass(frozen=True)
class DefaultDate:
    on: date
    source: str  # Vietnamese: what the date is, for the user ("ngày họp bình xét")


def window(facts: EventFacts) -> tuple[date, date]:
    """The dates a document of the year may plausibly carry."""
    end = date(facts.year, 12, 31)
    if facts.last_report_due is not None and facts.last_report_due > end:
        end = facts.last_report_due
    return date(facts.year, 1, 1) - WINDOW_BEFORE, end + WINDOW_AFTER


def _in_window(day: date, facts: EventFacts) -> date:
    start, end = window(facts)
    return min(max(day, start), end)


def default_date(kind: str, facts: EventFacts, today: date) -> DefaultDate:
    """The date of the event ``kind`` records; a deadline stands in for an event not yet recorded
    (never later than today); today only when nothing is known, kept within the year's window."""
    recorded: tuple[date | None, str]
    expected: tuple[date | None, str] = (None, "")
    if kind == "plan":
        recorded = (facts.plan_issued_on, "ngày ban hành kế hoạch của công đoàn cấp trên")
    elif kind == "registration":
        recorded = (facts.registered_on, "ngày đăng ký thi đua")
        expected = (facts.registration_due, "hạn đăng ký thi đua")
    elif kind in REPORT_KINDS:
        recorded = (facts.report_issued_on, "ngày ban hành báo cáo")
        candidates = [d for d in (facts.report_due, facts.phase_end) if d is not None]
        if candidates:
            first = min(candidates)
            expected = (first, "hạn gửi báo cáo" if first == facts.report_due else "ngày cuối của đợt")
    elif kind == "review-minutes" or kind == "proposals":
        recorded = (facts.meeting_on, "ngày họp bình xét")
    elif kind == "award-decision":
        recorded = (
            (facts.decided_on, "ngày quyết định") if facts.decided_on else (facts.meeting_on, "ngày họp bình xét")
        )
    else:
        recorded = (None, "")
    if recorded[0] is not None:
        return DefaultDate(recorded[0], recorded[1])
    if expected[0] is not None:
        if expected[0] <= today:
            return DefaultDate(expected[0], expected[1])
        return DefaultDate(_in_window(today, facts), "hôm nay")
    return DefaultDate(_in_window(today, facts), "hôm nay")


def _d(day: date) -> str:
    return vntext.format_date(day)


def warnings(kind: str, on: date, facts: EventFacts) -> list[str]:
    """What a reviewer would query about dating document ``kind`` on ``on`` (allowed, but said first)."""
    found: list[str] = []
    start, end = window(facts)
    if not start <= on <= end:
        found.append(f"Ngày {_d(on)} nằm ngoài thời gian của năm thi đua {facts.year} (từ {_d(start)} đến {_d(end)}).")
    before: tuple[date | None, str] = (None, "")
    if kind == "registration":
        before = (facts.plan_issued_on, "ngày ban hành kế hoạch của công đoàn cấp trên")
    elif kind in REPORT_KINDS:
        before = (facts.phase_start, "ngày bắt đầu của đợt")
    elif kind in ("review-minutes", "proposals", "award-decision"):
        before = (facts.meeting_on, "ngày họp bình xét")
    if before[0] is not None and on < before[0]:
        found.append(f"Ngày {_d(on)} trước {before[1]} ({_d(before[0])}).")
    if kind == "review-minutes" and facts.meeting_on is not None and on > facts.meeting_on:
        found.append(f"Biên bản ghi cuộc họp ngày {_d(facts.meeting_on)}; ngày của biên bản là ngày họp.")
    due: tuple[date | None, str] = (None, "")
    if kind == "registration":
        due = (facts.registration_due, "hạn đăng ký thi đua")
    elif kind in REPORT_KINDS:
        due = (facts.report_due, "hạn gửi báo cáo")
    if due[0] is not None and on > due[0]:
        found.append(f"Ngày {_d(on)} sau {due[1]} ({_d(due[0])}).")
    return found
