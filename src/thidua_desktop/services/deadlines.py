"""Where each deadline of a year stands: the sending dates gathered from the records.

The sent date of a report is the first time any version of it left: the outbox message the
mail server accepted (``OutboxMessage.sent_at``), the ``.eml`` draft recorded for the user's
mail client, or — for a version marked sent by hand, with no message — the report's own send
record (``Report.sent_at``). A message still queued (no network yet) leaves the deadline
*waiting*; a failed one does not count.

The registration has no report record: its sending is a message whose files are the
registration document of that year — a file name the outgoing register (sổ văn bản đi) recorded
for it (signed or not), or a workbook whose machine sheet says ``document_kind = registration`` for
the year.

Dates are local (Vietnam) dates: a message that left at 23:30 on the due date was on time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from thidua_desktop import clock
from thidua_desktop.core import deadlines as dl
from thidua_desktop.core.timeline import PhaseInput
from thidua_desktop.signing.common import VN_TZ
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError
from thidua_desktop.store.models import (
    EmulationYear,
    OutboxMessage,
    OutgoingDocument,
    Proposal,
    Report,
    ReviewMeeting,
)

__all__ = ["YearDeadlines", "local_date", "year_deadlines"]

_SIGNED_TAILS = ("-da-ky", "-hinh-chu-ky")
_DELIVERED = ("sent", "eml")


@dataclass(frozen=True)
class YearDeadlines:
    """The year's deadlines with their states, and the year's stage and outcome."""

    outcome: dl.YearOutcome
    phases: tuple[PhaseInput, ...]

    @property
    def year(self) -> int:
        return self.outcome.year

    @property
    def stage(self) -> dl.YearStage:
        return self.outcome.stage

    @property
    def deadlines(self) -> tuple[dl.Deadline, ...]:
        return self.outcome.deadlines

    def report(self, phase_number: int) -> dl.Deadline | None:
        return next((d for d in self.deadlines if d.kind == "report_due" and d.phase_number == phase_number), None)

    @property
    def registration(self) -> dl.Deadline | None:
        return next((d for d in self.deadlines if d.kind == "registration_due"), None)


def local_date(moment: datetime | None) -> date | None:
    """The Vietnamese calendar date of a stored moment (naive ones are UTC, as SQLite gives them back)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(VN_TZ).date()


def _earliest(values) -> date | None:
    found = [v for v in values if v is not None]
    return min(found) if found else None


def _report_sendings(session, year_id: uuid.UUID) -> dict[int, tuple[date | None, date | None]]:
    """phase number → (first sent date, first queued date) over every version of its report."""
    reports = session.scalars(select(Report).where(Report.year_id == year_id)).all()
    messages: dict[uuid.UUID, list[OutboxMessage]] = {}
    if reports:
        for m in session.scalars(select(OutboxMessage).where(OutboxMessage.report_id.in_([r.id for r in reports]))):
            messages.setdefault(m.report_id, []).append(m)
    sent: dict[int, list[date | None]] = {}
    queued: dict[int, list[date | None]] = {}
    for r in reports:
        own = messages.get(r.id, [])
        if own:
            sent.setdefault(r.phase_number, []).extend(local_date(m.sent_at) for m in own if m.status in _DELIVERED)
            # the send record's time (``Report.sent_at``) is when the user sent it; the row's own
            # time is only a fallback
            queued.setdefault(r.phase_number, []).extend(
                local_date(r.sent_at or m.created_at) for m in own if m.status == "queued"
            )
        elif r.status == "sent":  # marked sent by hand (delivered on paper, by another mailbox): its own record
            sent.setdefault(r.phase_number, []).append(local_date(r.sent_at))
    return {n: (_earliest(sent.get(n, [])), _earliest(queued.get(n, []))) for n in set(sent) | set(queued)}


def _stem(name: str) -> str:
    stem = Path(name).stem
    for tail in _SIGNED_TAILS:
        stem = stem.removesuffix(tail)
    return stem.casefold()


def _is_registration_workbook(path: Path, year: int) -> bool:
    from thidua_desktop.documents import machine

    try:
        meta = machine.read_sheet(path).meta
    except Exception:  # noqa: BLE001 - not one of ours, unreadable: not the registration
        return False
    try:
        return str(meta.get("document_kind") or "") == "registration" and int(meta.get("year") or 0) == year
    except (TypeError, ValueError):
        return False


def _registration_sending(session, record: EmulationYear, root: Path | None) -> tuple[date | None, date | None]:
    names = set()
    for entry in session.scalars(
        select(OutgoingDocument).where(
            OutgoingDocument.kind == "registration", OutgoingDocument.emulation_year == record.year
        )
    ):
        names.update(_stem(n) for n in entry.files or [])
    sent, queued = [], []
    for m in session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.report_id.is_(None), OutboxMessage.status.in_(("sent", "eml", "queued"))
        )
    ):
        attachments = m.attachments or []
        ours = any(_stem(a.get("name", "")) in names for a in attachments)
        if not ours and root is not None:
            ours = any(
                str(a.get("name", "")).lower().endswith(".xlsx")
                and a.get("stored")
                and _is_registration_workbook(root / a["stored"], record.year)
                for a in attachments
            )
        if not ours:
            continue
        if m.status in _DELIVERED:
            sent.append(local_date(m.sent_at))
        else:
            queued.append(local_date(m.created_at))
    return _earliest(sent), _earliest(queued)


def _review(session, record: EmulationYear) -> dl.ReviewState:
    meeting = session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()
    proposals = session.scalar(select(func.count()).select_from(Proposal).where(Proposal.year_id == record.id)) or 0
    decided = (
        session.scalar(
            select(func.count())
            .select_from(Proposal)
            .where(Proposal.year_id == record.id, Proposal.decision_number != "")
        )
        or 0
    )
    return dl.ReviewState(meeting.held_on if meeting is not None else None, proposals, decided)


def year_deadlines(db: Database, year: int, *, today: date | None = None, paths=None) -> YearDeadlines:
    """Every deadline of ``year`` (registration, each phase's report) with its state on ``today``,
    and the year's stage and outcome. The data folder (``paths``, else the database's own) lets a
    registration workbook in the outbox be recognised by its machine sheet even when it was renamed."""
    today = today or clock.today()
    with db.reading() as session:
        record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        phases = tuple(
            PhaseInput(p.number, p.name, p.start, p.end, p.report_due, p.lock_date)
            for p in sorted(record.phases, key=lambda p: (p.start, p.number))
        )
        reports = _report_sendings(session, record.id)
        ended = dl.year_stage(record.year, phases, record.registration_due, today) == "ended"
        found: list[dl.Deadline] = []
        if record.registration_due is not None:
            folder = paths if paths is not None else getattr(db, "paths", None)
            sent_on, queued_on = _registration_sending(session, record, getattr(folder, "root", None))
            found.append(
                dl.deadline(
                    "registration_due",
                    "Đăng ký thi đua",
                    record.registration_due,
                    today,
                    sent_on=sent_on,
                    queued_on=queued_on,
                    year_ended=ended,
                )
            )
        last = phases[-1].number if phases else None
        for p in phases:
            sent_on, queued_on = reports.get(p.number, (None, None))
            found.append(
                dl.deadline(
                    "report_due",
                    dl.report_label(p, p.number == last),
                    p.report_due,
                    today,
                    phase_number=p.number,
                    sent_on=sent_on,
                    queued_on=queued_on,
                    year_ended=ended,
                )
            )
        found.sort(key=lambda d: (d.due, d.kind != "registration_due", d.phase_number or 0))
        review = _review(session, record)
        return YearDeadlines(dl.outcome(record.year, phases, record.registration_due, today, found, review), phases)
