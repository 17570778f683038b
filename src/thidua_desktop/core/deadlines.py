"""Whether each deadline of the year was met, from plain values.

A deadline (the registration, each phase's report) is *not due yet*, *due today*, *sent on
time*, *sent late*, *waiting* in the outbox (queued, not yet accepted by the mail server), *overdue and not
sent*, or — once the year has ended — *missed* (never sent: no growing count of days). Once something was sent the countdown stops: a report sent on
05/07 stays "Đã gửi ngày 05/07/2021, đúng hạn" for ever, whatever the date is now.

The year as a whole is *not started*, *running* or *ended* (today is after its last report
deadline and lock date); an ended year shows its outcome — what was sent and when, what never
was — instead of a countdown. The services gather the sending dates; this module only decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from thidua_desktop.core.timeline import PhaseInput
from thidua_desktop.core.vntext import format_date

__all__ = [
    "Deadline",
    "DeadlineState",
    "ReviewState",
    "YearOutcome",
    "YearStage",
    "deadline",
    "describe",
    "outcome",
    "outcome_lines",
    "report_label",
    "year_bounds",
    "year_stage",
]

DeadlineState = Literal["not_due", "due_today", "waiting", "sent_on_time", "sent_late", "overdue", "missed"]
YearStage = Literal["not_started", "running", "ended"]

SENT_STATES: frozenset[str] = frozenset({"sent_on_time", "sent_late"})


@dataclass(frozen=True)
class Deadline:
    """One deadline and where it stands on ``today``.

    ``days`` is the days left (``not_due``), the days late (``sent_late``, ``overdue``; for
    ``waiting``, the days past the due date while it waits), else 0.
    """

    kind: Literal["registration_due", "report_due"]
    label: str  # "Đăng ký thi đua", "Báo cáo sơ kết Đợt 1", "Báo cáo tổng kết năm"
    due: date
    phase_number: int | None
    state: DeadlineState
    days: int
    sent_on: date | None = None  # the first sending that left (local date)
    queued_on: date | None = None  # put in the outbox, not accepted by the server yet

    @property
    def sent(self) -> bool:
        return self.state in SENT_STATES

    @property
    def met(self) -> bool:
        return self.state == "sent_on_time"

    @property
    def text(self) -> str:
        return describe(self)


def deadline(
    kind: Literal["registration_due", "report_due"],
    label: str,
    due: date,
    today: date,
    *,
    phase_number: int | None = None,
    sent_on: date | None = None,
    queued_on: date | None = None,
    year_ended: bool = False,
) -> Deadline:
    """The state of one deadline. A sending that left decides it for ever; then a message waiting
    in the outbox; otherwise the calendar (a deadline of a year that has ended and was never met
    is ``missed``, not overdue by ever more days)."""
    if sent_on is not None:
        late = (sent_on - due).days
        if late > 0:
            return Deadline(kind, label, due, phase_number, "sent_late", late, sent_on, None)
        return Deadline(kind, label, due, phase_number, "sent_on_time", 0, sent_on, None)
    left = (due - today).days
    if queued_on is not None:
        late = 0 if year_ended else max(-left, 0)  # the year is over: no count that grows for ever
        return Deadline(kind, label, due, phase_number, "waiting", late, None, queued_on)
    if left > 0:
        return Deadline(kind, label, due, phase_number, "not_due", left)
    if left == 0:
        return Deadline(kind, label, due, phase_number, "due_today", 0)
    if year_ended:
        return Deadline(kind, label, due, phase_number, "missed", -left)
    return Deadline(kind, label, due, phase_number, "overdue", -left)


def describe(d: Deadline) -> str:
    """Vietnamese words for the state ("Đã gửi ngày 05/07/2021, đúng hạn", "Quá hạn 3 ngày, chưa gửi")."""
    if d.state == "sent_on_time":
        return f"Đã gửi ngày {format_date(d.sent_on)}, đúng hạn"
    if d.state == "sent_late":
        return f"Đã gửi ngày {format_date(d.sent_on)}, trễ {d.days} ngày"
    if d.state == "waiting":
        text = f"Đang chờ gửi trong hộp thư đi, xếp ngày {format_date(d.queued_on)}"
        return text + (f", quá hạn {d.days} ngày" if d.days else "")
    if d.state == "not_due":
        return f"Còn {d.days} ngày"
    if d.state == "due_today":
        return "Đến hạn hôm nay, chưa gửi"
    if d.state == "missed":
        return "Không gửi, năm thi đua đã kết thúc"
    return f"Quá hạn {d.days} ngày, chưa gửi"


def report_label(phase: PhaseInput, last: bool) -> str:
    """The report a phase ends with: the last phase's is the year's (tổng kết), the others sơ kết."""
    if last:
        return "Báo cáo tổng kết năm"
    return f"Báo cáo sơ kết {phase.name.strip() or f'Đợt {phase.number}'}"


def year_bounds(year: int, phases: Sequence[PhaseInput], registration_due: date | None) -> tuple[date, date]:
    """The first day of the year's movement and its last date that asks for anything (the last
    report deadline or lock date, the registration's if later)."""
    first = min([date(year, 1, 1), *(p.start for p in phases)])
    lasts = [d for p in phases for d in (p.report_due, p.lock_date)]
    if registration_due is not None:
        lasts.append(registration_due)
    return first, max(lasts) if lasts else date(year, 12, 31)


def year_stage(year: int, phases: Sequence[PhaseInput], registration_due: date | None, today: date) -> YearStage:
    first, last = year_bounds(year, phases, registration_due)
    if today < first:
        return "not_started"
    if today > last:
        return "ended"
    return "running"


@dataclass(frozen=True)
class ReviewState:
    """What the services know of the year-end review: the meeting and the proposal list."""

    meeting_on: date | None = None
    proposals: int = 0
    decided: int = 0  # proposal lines with a decision number


@dataclass(frozen=True)
class YearOutcome:
    year: int
    stage: YearStage
    starts_on: date
    ends_on: date  # the last deadline or lock date
    today: date
    deadlines: tuple[Deadline, ...]
    review: ReviewState | None = None

    @property
    def days_to_start(self) -> int:
        return max((self.starts_on - self.today).days, 0)

    @property
    def on_time(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.state == "sent_on_time"]

    @property
    def late(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.state == "sent_late"]

    @property
    def never_sent(self) -> list[Deadline]:
        return [d for d in self.deadlines if not d.sent]


def outcome(
    year: int,
    phases: Sequence[PhaseInput],
    registration_due: date | None,
    today: date,
    deadlines: Sequence[Deadline],
    review: ReviewState | None = None,
) -> YearOutcome:
    first, last = year_bounds(year, phases, registration_due)
    return YearOutcome(
        year, year_stage(year, phases, registration_due, today), first, last, today, tuple(deadlines), review
    )


def outcome_lines(o: YearOutcome) -> list[str]:
    """The year in a few Vietnamese lines: when it starts, or how it ended, or that it is running."""
    if o.stage == "not_started":
        return [
            f"Năm thi đua {o.year} chưa bắt đầu: bắt đầu ngày {format_date(o.starts_on)} (còn {o.days_to_start} ngày)."
        ]
    if o.stage == "running":
        return [f"Năm thi đua {o.year} đang diễn ra (mốc cuối cùng ngày {format_date(o.ends_on)})."]
    lines = [f"Năm thi đua {o.year} đã kết thúc (mốc cuối cùng ngày {format_date(o.ends_on)}). Kết quả:"]
    for d in o.deadlines:
        if d.sent:
            lines.append(f"- {d.label}: {describe(d)}")
        elif d.state == "waiting":
            lines.append(f"- {d.label}: {describe(d)}, chưa gửi được")
        else:
            lines.append(f"- {d.label}: không gửi (hạn {format_date(d.due)})")
    total = len(o.deadlines)
    lines.append(f"Đúng hạn {len(o.on_time)}/{total}, trễ hạn {len(o.late)}, chưa gửi {len(o.never_sent)}.")
    if o.review is not None:
        r = o.review
        lines.append(
            f"Họp bình xét ngày {format_date(r.meeting_on)}." if r.meeting_on else "Chưa ghi nhận cuộc họp bình xét."
        )
        lines.append(
            f"Danh sách đề nghị khen thưởng: {r.proposals} dòng, {r.decided} dòng đã có quyết định."
            if r.proposals
            else "Chưa lập danh sách đề nghị khen thưởng."
        )
    return lines
