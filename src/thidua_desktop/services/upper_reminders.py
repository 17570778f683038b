"""Reminders by email (issue 8): one message per unit with a report missing, queued in the outbox.

One message per unit that has a report missing (past its due date), queued in the outbox
(``services.outbox``); each report reminded is recorded as an ``AppSetting`` row
``nhac-nop:<year>:<unit id>:<kind>:<day>`` in the same transaction as its message, so the same
report is never reminded twice to the same unit on the same day — a second run that day queues
only what was not reminded yet. Each unit's message is its own transaction: a refusal for one
unit (a bad address) leaves the others queued, and running again never duplicates them.
Public through :mod:`thidua_desktop.services.upper`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.services.upper_status import (
    EXPECTED_NAMES,
    Deadlines,
    UnitCompleteness,
    completeness,
    deadlines,
    reminders,
)
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import AppSetting, SubordinateUnit

REMINDER_PREFIX = "nhac-nop"


@dataclass(frozen=True)
class Reminder:
    code: str
    name: str
    email: str
    kinds: tuple[str, ...]  # the missing reports not reminded yet on that day
    already: tuple[str, ...]  # missing reports already reminded on that day (not sent again)
    subject: str
    body: str

    @property
    def to_send(self) -> bool:
        return bool(self.kinds and self.email)


@dataclass
class RemindOutcome:
    queued: list[tuple[str, uuid.UUID]] = field(default_factory=list)  # (unit code, outbox message id)
    already: list[str] = field(default_factory=list)  # units reminded that day of every missing report
    without_email: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (unit code, Vietnamese reason)


def _reminder_key(year: int, unit_id: uuid.UUID, kind: str, day: date) -> str:
    return f"{REMINDER_PREFIX}:{year}:{unit_id.hex}:{kind}:{day.isoformat()}"


def _report_title(kind: str, year: int, plan: Deadlines) -> str:
    if kind == "registration":
        return f"bản đăng ký thi đua năm {year}"
    if kind == "midyear-report":
        return f"báo cáo sơ kết đợt {plan.first_phase} năm {year}"
    return f"báo cáo tổng kết thi đua năm {year}"


def _compose_reminder(sender, unit: UnitCompleteness, kinds, year: int, plan: Deadlines, day: date) -> tuple[str, str]:
    upper_name = sender.name if sender is not None else "Công đoàn cấp trên"
    titles = [_report_title(k, year, plan) for k in kinds]
    lines = []
    for k, title in zip(kinds, titles):
        due = plan.due(k)
        lines.append(f"  - {title[:1].upper()}{title[1:]}" + (f" (hạn {vntext.format_date(due)})" if due else ""))
    where = f" qua địa chỉ {sender.email}" if sender is not None and sender.email else ""
    sign_off = [f"TM. BAN THƯỜNG VỤ {upper_name.upper()}"]
    chair = sender.chair if sender is not None else None
    if chair is not None:
        sign_off += [chair.position or "Chủ tịch", chair.full_name]
    contact = " — ".join(x for x in ((sender.phone, sender.email) if sender is not None else ()) if x)
    body = (
        f"Kính gửi: Ban Chấp hành {unit.name}\n\n"
        f"Đến ngày {vntext.format_date(day)}, {upper_name} chưa nhận được của đơn vị:\n" + ";\n".join(lines) + ".\n\n"
        f"Đề nghị đơn vị hoàn thành, ký số và gửi về {upper_name}{where} trong thời gian sớm nhất. "
        "Nếu đơn vị đã gửi, xin vui lòng bỏ qua thư này và báo lại để chúng tôi kiểm tra.\n\n"
        "Trân trọng.\n\n" + "\n".join(sign_off) + (f"\n{contact}" if contact else "") + "\n"
    )
    subject = f"Nhắc gửi {', '.join(titles)} — {unit.name}"
    return subject, body


def reminders_due(db: Database, year: int, *, today: date | None = None) -> list[Reminder]:
    """The reminders to send on ``today``: every unit with a report missing, with what it was
    already reminded of that day (from the records of earlier reminders)."""
    from thidua_desktop.services import year as year_service

    today = today or clock.today()
    table = completeness(db, year, today=today)
    plan = deadlines(db, year)
    sender = year_service.get_unit(db)
    prefix = f"{REMINDER_PREFIX}:{year}:"
    with db.reading() as session:
        ids = {u.code: u.id for u in session.scalars(select(SubordinateUnit))}
        done = set(session.scalars(select(AppSetting.key).where(AppSetting.key.like(f"{prefix}%"))))
    result = []
    for u, missing in reminders(table):
        unit_id = ids.get(u.code)
        kinds = tuple(e.kind for e in missing)
        already = tuple(k for k in kinds if unit_id is not None and _reminder_key(year, unit_id, k, today) in done)
        fresh = tuple(k for k in kinds if k not in already)
        subject, body = _compose_reminder(sender, u, fresh or kinds, year, plan, today)
        result.append(Reminder(u.code, u.name, u.email, fresh, already, subject, body))
    return result


def queue_reminders(
    db: Database, paths, year: int, *, today: date | None = None, codes: Iterable[str] | None = None
) -> RemindOutcome:
    """Queue one reminder per unit with a missing report (only ``codes`` when given) in the outbox.

    Refused as a whole when no mail server is set up (the messages could never leave)."""
    from thidua_desktop.sending.message import MessageError
    from thidua_desktop.services import outbox

    today = today or clock.today()
    if not outbox.load_smtp_settings(paths).host:
        raise ValidationError("Chưa khai báo máy chủ thư (SMTP): hãy khai báo trước khi gửi thư nhắc.")
    wanted = None if codes is None else {c.strip().upper() for c in codes}
    outcome = RemindOutcome()
    for r in reminders_due(db, year, today=today):
        if wanted is not None and r.code.upper() not in wanted:
            continue
        if not r.kinds:
            outcome.already.append(r.code)
            continue
        if not r.email:
            outcome.without_email.append(r.code)
            continue

        def record(session, row, r=r) -> None:
            unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == r.code)).first()
            if unit is None:
                raise ValidationError(f"Đơn vị {r.code} không còn trong danh sách.")
            for kind in r.kinds:
                key = _reminder_key(year, unit.id, kind, today)
                if session.get(AppSetting, key) is not None:  # reminded meanwhile (another window)
                    raise ValidationError(f"Đơn vị {r.code} vừa được nhắc hôm nay.")
                session.add(AppSetting(key=key, value=row.id.hex))

        names = ", ".join(EXPECTED_NAMES[k].lower() for k in r.kinds)
        try:
            entry = outbox.queue_message(
                db,
                paths,
                r.email,
                r.subject,
                r.body,
                (),
                action=f"Nhắc {r.code} gửi {names} năm {year} (thư nhắc, hộp thư đi)",
                within=record,
            )
        except (MessageError, ValidationError) as exc:
            outcome.refused.append((r.code, exc.message))
            continue
        outcome.queued.append((r.code, entry.id))
    return outcome


@dataclass(frozen=True)
class ReminderSetup:
    """What the reminder dialog shows: the reminders due today and the mail server set up."""

    reminders: list[Reminder]
    smtp: object  # outbox.SmtpSettings


def reminder_setup(db: Database, paths, year: int, *, today: date | None = None) -> ReminderSetup:
    from thidua_desktop.services import outbox

    return ReminderSetup(reminders_due(db, year, today=today), outbox.load_smtp_settings(paths))


@dataclass(frozen=True)
class Reminded:
    outcome: RemindOutcome
    reminders: list[Reminder]  # after queuing: what is left for that day
    sent: object | None  # outbox.SendReport when sent at once


def remind_and_send(
    db: Database,
    paths,
    year: int,
    *,
    today: date | None = None,
    codes: Iterable[str] | None = None,
    send_now: bool = False,
    password: str = "",
) -> Reminded:
    """Queue the reminders (:func:`queue_reminders`) and, if asked, send the ones just queued at once
    with the mail account's ``password`` (never saved)."""
    from thidua_desktop.services import outbox

    outcome = queue_reminders(db, paths, year, today=today, codes=codes)
    sent = None
    if send_now and outcome.queued:
        settings = outbox.load_smtp_settings(paths).with_password(password)
        sent = outbox.send_pending(db, paths, settings, force=True, only=[mid for _code, mid in outcome.queued])
    return Reminded(outcome, reminders_due(db, year, today=today), sent)
