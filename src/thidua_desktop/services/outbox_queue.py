"""The outbox's queue: messages wait in the database, with their files copied aside, until they go.

``queue_message`` copies the attachments into ``<data folder>/outbox/<message id>/`` (staged in a
temporary folder and renamed into place: :mod:`thidua_desktop.sending.staging`), records each
file's size and SHA-256, and inserts the
:class:`~thidua_desktop.store.models.OutboxMessage` in one transaction; if the insert fails the
copied folder is removed again, so a message is either fully queued or not at all.

``send_pending`` sends the queued messages whose ``next_attempt_at`` has come, one SMTP session
per batch, and only one sender at a time per data folder (a lock file). For each message:

* the attachments are re-read and checked against their SHA-256 (a changed or missing file marks
  the message ``failed``: it is never sent with different content);
* it is marked ``sent`` (with its Message-ID and time) in its own transaction **only after the
  server accepted it**;
* a refusal that cannot change (a 5xx reply to this message) marks it ``failed`` with the server's
  words; anything else (no network, server down, 4xx, login) keeps it ``queued`` with the error
  and the next attempt after 1, 5, 15 and then every 60 minutes. Sent and failed messages are
  kept; ``retry`` queues a failed one again; ``cancel`` takes a message that has not left out of
  the queue (status ``cancelled``, kept in the history with its files' names and SHA-256; the
  copies are removed), never while a sending runs.

**The one case that can duplicate a message:** the server accepted it and the program stopped
(crash, power cut) before the ``sent`` mark was committed, or the connection dropped after the
server took the data but before its reply arrived. The message is then sent again on the next
try. Every attempt carries the same Message-ID (derived from the outbox id), so mail clients
show the copies as one message; nothing is ever lost.

Building the message and talking to the server are :mod:`thidua_desktop.sending` (``message``,
``smtp``); this module is the database's side of it.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from thidua_desktop.sending import staging
from thidua_desktop.sending.message import build_message, check_addresses, split_addresses
from thidua_desktop.sending.smtp import Connection, DeliveryError, SmtpSettings, scrub_credentials, scrub_known
from thidua_desktop.sending.staging import MAX_TOTAL_BYTES, OutboxError, message_id_for, outbox_dir
from thidua_desktop.services.ids import starting_with
from thidua_desktop.store.models import OutboxMessage

BACKOFF_MINUTES = (1, 5, 15, 60)
QUEUED, SENT, FAILED = "queued", "sent", "failed"
CANCELLED = "cancelled"  # taken out of the queue before it left; kept in the history ("đã hủy")
EML = "eml"  # a record only: written as an .eml draft that the user's mail client sends

__all__ = [
    "BACKOFF_MINUTES",
    "CANCELLED",
    "EML",
    "FAILED",
    "MAX_TOTAL_BYTES",
    "QUEUED",
    "SENT",
    "OutboxEntry",
    "OutboxError",
    "SendReport",
    "backoff",
    "cancel",
    "entry_of",
    "get_message",
    "list_messages",
    "message_id_for",
    "outbox_dir",
    "queue_message",
    "record_delivered",
    "remove_orphan_folders",
    "retry",
    "scrub_stored_errors",
    "send_pending",
]


@dataclass(frozen=True)
class OutboxEntry:
    id: uuid.UUID
    to: list[str]
    cc: list[str]
    subject: str
    body: str
    attachments: list[dict]
    status: str
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    sent_at: datetime | None
    message_id: str
    created_at: datetime | None
    report_id: uuid.UUID | None


@dataclass
class SendReport:
    sent: list[uuid.UUID] = field(default_factory=list)
    failed: list[uuid.UUID] = field(default_factory=list)
    deferred: list[uuid.UUID] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    busy: bool = False

    @property
    def attempted(self) -> int:
        return len(self.sent) + len(self.failed) + len(self.deferred)


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def entry_of(m: OutboxMessage) -> OutboxEntry:
    """The plain record of an outbox row (its stored error scrubbed of credentials, times in UTC)."""
    return OutboxEntry(
        id=m.id,
        to=list(m.to_addrs or []),
        cc=list(m.cc_addrs or []),
        subject=m.subject,
        body=m.body,
        attachments=[dict(a) for a in (m.attachments or [])],
        status=m.status,
        attempts=m.attempts,
        last_error=scrub_known(m.last_error),
        next_attempt_at=_utc(m.next_attempt_at),
        sent_at=_utc(m.sent_at),
        message_id=m.message_id,
        created_at=_utc(m.created_at),
        report_id=m.report_id,
    )


def backoff(attempts: int) -> timedelta:
    """Delay before the next try after ``attempts`` failed tries: 1, 5, 15, 60, 60, … minutes."""
    return timedelta(minutes=BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1])


def queue_message(
    db,
    paths,
    to,
    subject: str,
    body: str,
    attachments=(),
    report_id: uuid.UUID | None = None,
    *,
    cc=(),
    max_bytes: int = MAX_TOTAL_BYTES,
    action: str = "Xếp thư vào hộp thư đi",
    within=None,
) -> OutboxEntry:
    """Queue one message with copies of its files; all or nothing.

    ``within(session, row)`` runs in the same transaction before it commits (a report is locked as
    sent together with the record of what was queued); what it raises undoes everything."""
    to_list = check_addresses(split_addresses(to))
    cc_list = check_addresses(split_addresses(cc), "đồng gửi")
    if not to_list:
        raise OutboxError("Cần ít nhất một địa chỉ email người nhận.")
    subject = unicodedata.normalize("NFC", subject or "").strip()
    if not subject:
        raise OutboxError("Thư cần có tiêu đề.")
    msg_id = uuid.uuid4()
    records = staging.stage(paths, msg_id, attachments, max_bytes=max_bytes)
    try:
        with db.transaction(action) as session:
            row = OutboxMessage(
                id=msg_id,
                to_addrs=to_list,
                cc_addrs=cc_list,
                subject=subject,
                body=unicodedata.normalize("NFC", body or ""),
                attachments=records,
                status=QUEUED,
                attempts=0,
                last_error="",
                next_attempt_at=None,
                message_id="",
                report_id=report_id,
            )
            session.add(row)
            session.flush()
            if within is not None:
                within(session, row)
                session.flush()
            entry = entry_of(row)
    except BaseException:
        staging.discard(paths, msg_id)
        raise
    return entry


def list_messages(db, status: str | None = None) -> list[OutboxEntry]:
    with db.reading() as session:
        q = select(OutboxMessage).order_by(OutboxMessage.created_at)
        if status:
            q = q.where(OutboxMessage.status == status)
        return [entry_of(m) for m in session.scalars(q)]


def get_message(db, message_id: uuid.UUID | str) -> OutboxEntry:
    found = _find(db, message_id)
    with db.reading() as session:
        return entry_of(session.get(OutboxMessage, found))


def _find(db, message_id) -> uuid.UUID:
    text = str(message_id).strip().lower()
    with db.reading() as session:
        ids = starting_with(session.scalars(select(OutboxMessage.id)), text)
    if len(ids) != 1 or len(text) < 4:
        raise OutboxError(
            f"Không tìm thấy thư có mã '{message_id}'."
            if not ids
            else f"Có nhiều thư có mã bắt đầu bằng '{message_id}'; hãy nhập thêm ký tự."
        )
    return ids[0]


def _set_waiting_status(session, msg_id: uuid.UUID, status: str, sent: str, cancelled: str) -> OutboxMessage:
    """A message still in the queue (waiting or refused) given ``status``, due at once; one that
    left (sent), is an ``.eml`` record or was cancelled is refused with its message."""
    row = session.get(OutboxMessage, msg_id)
    if row.status == SENT:
        raise OutboxError(sent)
    if row.status == EML:
        raise OutboxError(
            "Đây là bản ghi một thư nháp .eml (gửi bằng chương trình email), không có trong hàng chờ gửi."
        )
    if row.status == CANCELLED:
        raise OutboxError(cancelled)
    row.status = status
    row.next_attempt_at = None
    session.flush()
    return row


def retry(db, message_id) -> OutboxEntry:
    """Queue a failed message again (for example after fixing the recipient's address)."""
    found = _find(db, message_id)
    with db.transaction("Gửi lại thư") as session:
        row = _set_waiting_status(
            session,
            found,
            QUEUED,
            "Thư này đã gửi xong; không gửi lại để tránh trùng.",
            "Thư này đã hủy (các tệp đính kèm đã xóa khỏi hộp thư đi); muốn gửi, hãy gửi lại từ đầu.",
        )
        return entry_of(row)


def cancel(db, paths, message_id, *, within=None, action: str = "Hủy thư trong hộp thư đi") -> OutboxEntry:
    """Take a message that has not left (waiting, or refused) out of the queue: it stays in the
    history as ``cancelled`` with its files' names and SHA-256, its copies are removed. Refused
    while a sending runs (the message may be on its way). ``within(session, row)`` runs in the same
    transaction (a report sent by it is unlocked)."""
    found = _find(db, message_id)
    with staging.send_lock(paths) as locked:
        if not locked:
            raise OutboxError("Đang có một lượt gửi thư; chờ gửi xong (ít phút) rồi hủy lại.")
        with db.transaction(action) as session:
            row = _set_waiting_status(
                session,
                found,
                CANCELLED,
                "Thư này đã gửi xong (máy chủ thư đã nhận); không hủy được.",
                "Thư này đã hủy rồi.",
            )
            if within is not None:
                within(session, row)
                session.flush()
            entry = entry_of(row)
    staging.discard(paths, found)
    return entry


ERROR_MAX = 2000  # characters of a server's error kept with a message


def _safe_error(text: str) -> str:
    """An error text as it may be stored: without any credential used in this process, not endless."""
    text = scrub_known(text)
    return text if len(text) <= ERROR_MAX else text[: ERROR_MAX - 1] + "…"


def _record_failure(db, msg_id: uuid.UUID, error: str, now: datetime, *, permanent: bool) -> None:
    with db.transaction("Gửi thư không thành công") as session:
        row = session.get(OutboxMessage, msg_id)
        row.attempts = (row.attempts or 0) + 1
        row.last_error = _safe_error(error)
        if permanent:
            row.status = FAILED
            row.next_attempt_at = None
        else:
            row.status = QUEUED
            row.next_attempt_at = now + backoff(row.attempts)


def _record_sent(db, msg_id: uuid.UUID, message_id: str, now: datetime, refused: dict) -> None:
    with db.transaction("Đã gửi thư") as session:
        row = session.get(OutboxMessage, msg_id)
        row.attempts = (row.attempts or 0) + 1
        row.status = SENT
        row.sent_at = now
        row.message_id = message_id
        row.next_attempt_at = None
        row.last_error = (
            _safe_error("Một số người nhận bị từ chối: " + "; ".join(f"{k} ({v})" for k, v in refused.items()))
            if refused
            else ""
        )


def record_delivered(db, message_id, at: datetime, sender: str = "") -> OutboxEntry:
    """Record a queued message as delivered at ``at`` by other means (the demo's past sendings).

    The message keeps its files and appears in the history as sent that day; nothing is sent."""
    msg_id = _find(db, message_id)
    _record_sent(db, msg_id, message_id_for(msg_id, sender or "demo@thidua.invalid"), _utc(at), {})
    return get_message(db, msg_id)


def send_pending(
    db,
    paths,
    smtp_settings: SmtpSettings,
    now: datetime | None = None,
    *,
    force: bool = False,
    only: list[uuid.UUID] | None = None,
) -> SendReport:
    """Send the queued messages that are due (all queued ones with ``force``)."""
    report = SendReport()
    now = _utc(now) or datetime.now(timezone.utc)
    with staging.send_lock(paths) as locked:
        if not locked:
            report.busy = True
            report.errors.append("Một lượt gửi thư khác đang chạy; thử lại sau ít phút.")
            return report
        due = [
            e
            for e in list_messages(db, QUEUED)
            if (force or e.next_attempt_at is None or e.next_attempt_at <= now) and (only is None or e.id in only)
        ]
        if not due:
            return report
        sender = smtp_settings.sender
        if not smtp_settings.host or not sender:  # settings missing: the messages are left as they are
            report.errors.append(
                "Chưa cài đặt máy chủ gửi thư (SMTP)."
                if not smtp_settings.host
                else "Chưa có địa chỉ email gửi đi (cài đặt SMTP: địa chỉ gửi)."
            )
            return report
        conn = Connection(smtp_settings)
        scrub_stored_errors(db, smtp_settings)
        try:
            for i, entry in enumerate(due):
                try:
                    items = staging.load_attachments(paths, entry.attachments)
                except OutboxError as exc:
                    _record_failure(db, entry.id, exc.message, now, permanent=True)
                    report.failed.append(entry.id)
                    report.errors.append(exc.message)
                    continue
                mid = message_id_for(entry.id, sender)
                try:
                    msg = build_message(
                        from_addr=sender,
                        from_name=smtp_settings.from_name,
                        to=entry.to,
                        cc=entry.cc,
                        subject=entry.subject,
                        body=entry.body,
                        attachments=items,
                        message_id=mid,
                        date=now,
                    )
                    refused = conn.send(msg, sender, entry.to + entry.cc)
                except DeliveryError as exc:
                    error = scrub_credentials(exc.message, smtp_settings.user, smtp_settings.password)
                    _record_failure(db, entry.id, error, now, permanent=exc.permanent)
                    (report.failed if exc.permanent else report.deferred).append(entry.id)
                    report.errors.append(error)
                    if exc.connection:  # nothing else can go now: keep the rest queued with the same error
                        for rest in due[i + 1 :]:
                            _record_failure(db, rest.id, error, now, permanent=False)
                            report.deferred.append(rest.id)
                        break
                    continue
                _record_sent(db, entry.id, mid, now, refused)
                report.sent.append(entry.id)
        finally:
            conn.close()
    return report


def scrub_stored_errors(db, smtp_settings: SmtpSettings) -> int:
    """Remove these credentials from the errors already stored (by a version that let a server's
    echo of the AUTH exchange through); returns how many messages were cleaned."""
    if not (smtp_settings.user or smtp_settings.password):
        return 0
    with db.reading() as session:
        rows = session.execute(
            select(OutboxMessage.id, OutboxMessage.last_error).where(OutboxMessage.last_error != "")
        ).all()
    dirty = {}
    for msg_id, error in rows:
        clean = scrub_credentials(error, smtp_settings.user, smtp_settings.password)
        if clean != error:
            dirty[msg_id] = clean
    if dirty:
        with db.transaction("Xóa thông tin đăng nhập khỏi lỗi gửi thư") as session:
            for msg_id, clean in dirty.items():
                session.get(OutboxMessage, msg_id).last_error = clean
    return len(dirty)


def remove_orphan_folders(db, paths) -> list[Path]:
    """Folders under ``outbox/`` with no message (left by a crash while queueing)."""
    if not outbox_dir(paths).is_dir():
        return []
    with db.reading() as session:
        known = {str(i) for i in session.scalars(select(OutboxMessage.id))}
    return staging.remove_orphans(paths, known)
