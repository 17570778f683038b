"""Sending a report up: the record of what left and the lock of the report version sent.

:func:`send_report` (the outbox) and :func:`report_eml` (an ``.eml`` draft file that the user's
mail client sends) record what left, when, to whom, with each file's SHA-256 (an
``OutboxMessage`` with the report's id; status ``eml`` for a draft) and lock that report version as
sent (``reports.mark_sent_in``) in the same transaction. A second send of the same version is
refused unless asked for as a re-send (``resend=True``), and a re-send must carry the very files
recorded the first time (same SHA-256); a correction is a new version of the report.
:func:`report_of_files` and :func:`report_of_register` find the report files belong to.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from thidua_desktop.sending.message import write_eml
from thidua_desktop.services.outbox_queue import (
    CANCELLED,
    EML,
    QUEUED,
    SENT,
    OutboxEntry,
    OutboxError,
    cancel,
    queue_message,
)
from thidua_desktop.services.report_mail import compose_report_email


# --- sending a report: the record and the lock ------------------------------------------------------


@dataclass(frozen=True)
class ReportSending:
    """One time a report version left: the message (to, subject, files with SHA-256, status, times)."""

    entry: OutboxEntry
    report_id: str
    kind: str
    version: int
    label: str  # "Báo cáo sơ kết (phiên bản 1)"

    @property
    def how(self) -> str:
        return "eml" if self.entry.status == EML else "outbox"


def file_hashes(files) -> list[dict]:
    out = []
    for f in files:
        f = Path(f)
        digest = hashlib.sha256()
        size = 0
        try:
            with open(f, "rb") as fin:
                for chunk in iter(lambda fin=fin: fin.read(1 << 20), b""):
                    digest.update(chunk)
                    size += len(chunk)
        except OSError as exc:
            raise OutboxError(f"Không đọc được tệp {f}: {exc.strerror or exc}.") from None
        out.append({"name": f.name, "size": size, "sha256": digest.hexdigest()})
    return out


def _vn(moment: datetime | None) -> str:
    from thidua_desktop.core.vn_time import format_time

    return format_time(moment, unknown="(không rõ giờ)")


def _check_send(session, report, hashes: list[dict], resend: bool, exclude: uuid.UUID | None = None) -> None:
    """Refuse a send that could go twice by accident, or a re-send with other files than those recorded."""
    from sqlalchemy import select

    from thidua_desktop.services import reports
    from thidua_desktop.store.models import OutboxMessage

    label = reports._label(report)
    if report.status == "draft":
        raise OutboxError(f"{label} còn là bản nháp: hãy hoàn thành báo cáo trước khi gửi.")
    prior = [
        m
        for m in session.scalars(
            select(OutboxMessage).where(OutboxMessage.report_id == report.id).order_by(OutboxMessage.created_at)
        )
        if m.id != exclude and m.status != CANCELLED
    ]  # a message taken out of the queue never left
    waiting = [m for m in prior if m.status == QUEUED]
    if waiting:
        raise OutboxError(
            f"{label} đang chờ gửi trong hộp thư đi (thư {str(waiting[-1].id)[:8]}, xếp lúc "
            f"{_vn(waiting[-1].created_at)}); không xếp thêm thư thứ hai. Khi có mạng thư sẽ tự đi, "
            "hoặc bấm 'Gửi lại' trong hộp thư đi."
        )
    if report.status != "sent" and not prior:
        return
    last = prior[-1] if prior else None
    where = f" tới {', '.join(last.to_addrs or [])}" if last is not None else ""
    if not resend:
        raise OutboxError(
            f"{label} đã gửi lúc {_vn(report.sent_at or (last.created_at if last else None))}{where}. "
            "Không gửi lần nữa để tránh trùng. Muốn gửi lại đúng các tệp đã gửi, hãy chọn gửi lại; "
            f"muốn sửa báo cáo, hãy tạo phiên bản {report.version + 1}."
        )
    if last is not None:
        before = sorted(a["sha256"] for a in last.attachments or [])
        if before != sorted(h["sha256"] for h in hashes):
            names = ", ".join(a["name"] for a in last.attachments or []) or "(không có tệp)"
            raise OutboxError(
                f"Các tệp này khác các tệp đã gửi của {label} lúc {_vn(last.created_at)} ({names}; mã "
                "SHA-256 khác). Bản đã gửi không sửa được: gửi lại chỉ gửi đúng các tệp cũ; muốn gửi "
                f"bản sửa, hãy tạo phiên bản {report.version + 1}."
            )


def _report_for_send(db, report_id) -> tuple[uuid.UUID, str, str]:
    from thidua_desktop.services import reports

    with db.reading() as session:
        report = reports._load(session, str(report_id))
        return report.id, report.title, reports._label(report)


def _report_files(files) -> list[Path]:
    files = [Path(f) for f in files]
    if not files:
        raise OutboxError("Chọn các tệp của báo cáo để gửi.")
    return files


def send_report(
    db,
    paths,
    report_id,
    files,
    *,
    to=None,
    subject: str | None = None,
    body: str | None = None,
    cc=(),
    resend: bool = False,
    at: datetime | None = None,
) -> OutboxEntry:
    """Queue a report's files for the upper union, record them (SHA-256) and lock the report version
    as sent, in one transaction. See the module's notes for a second send."""
    from thidua_desktop.services import reports

    files = _report_files(files)
    rid, _title, label = _report_for_send(db, report_id)
    hashes = file_hashes(files)
    with db.reading() as session:  # refuse before copying anything
        _check_send(session, reports._load(session, rid.hex), hashes, resend)
    at = at or datetime.now(timezone.utc)

    def lock(session, row) -> None:
        _check_send(session, reports._load(session, rid.hex), hashes, resend, row.id)  # again, in the transaction
        if sorted(a["sha256"] for a in row.attachments) != sorted(h["sha256"] for h in hashes):
            raise OutboxError("Các tệp đã thay đổi trong lúc xếp thư; hãy thử lại.")
        reports.mark_sent_in(session, rid.hex, at)

    draft = compose_report_email(db, files, report_id=rid.hex)
    to = to or draft.to
    if not to:
        raise OutboxError(
            "Chưa có email của công đoàn cấp trên; hãy khai báo trong thông tin đơn vị hoặc nhập địa chỉ người nhận."
        )
    action = f"{'Gửi lại' if resend else 'Gửi'} {label.lower()} lên công đoàn cấp trên (hộp thư đi)"
    return queue_message(
        db, paths, to, subject or draft.subject, body or draft.body, files, rid, cc=cc, action=action, within=lock
    )


def report_eml(
    db,
    paths,
    report_id,
    out,
    files,
    *,
    to=None,
    subject: str | None = None,
    body: str | None = None,
    cc=(),
    resend: bool = False,
    at: datetime | None = None,
) -> tuple[Path, OutboxEntry]:
    """Write the report's ``.eml`` draft, record it (status ``eml``, files with SHA-256) and lock the
    report version as sent: the record and the file together, or neither."""
    import unicodedata

    from thidua_desktop.sending.message import check_addresses, split_addresses
    from thidua_desktop.services.outbox_queue import entry_of, message_id_for
    from thidua_desktop.services import reports
    from thidua_desktop.store.models import OutboxMessage

    out = Path(out)
    files = _report_files(files)
    rid, _title, label = _report_for_send(db, report_id)
    hashes = file_hashes(files)
    draft = compose_report_email(db, files, report_id=rid.hex)
    to_list = check_addresses(split_addresses(to or draft.to))
    cc_list = check_addresses(split_addresses(cc), "đồng gửi")
    if not to_list:
        raise OutboxError(
            "Chưa có email của công đoàn cấp trên; hãy khai báo trong thông tin đơn vị hoặc nhập địa chỉ người nhận."
        )
    if not out.parent.is_dir():
        raise OutboxError(f"Thư mục {out.parent} không tồn tại.")
    at = at or datetime.now(timezone.utc)
    msg_id = uuid.uuid4()
    mid = message_id_for(msg_id, draft.from_addr)
    action = f"{'Gửi lại' if resend else 'Gửi'} {label.lower()} bằng thư nháp {out.name}"
    written = False
    try:
        with db.transaction(action) as session:
            _check_send(session, reports._load(session, rid.hex), hashes, resend)
            row = OutboxMessage(
                id=msg_id,
                to_addrs=to_list,
                cc_addrs=cc_list,
                subject=unicodedata.normalize("NFC", subject or draft.subject),
                body=unicodedata.normalize("NFC", body or draft.body),
                attachments=[{**h, "stored": ""} for h in hashes],
                status=EML,
                attempts=0,
                last_error="",
                next_attempt_at=None,
                sent_at=at,
                message_id=mid,
                report_id=rid,
            )
            session.add(row)
            reports.mark_sent_in(session, rid.hex, at)
            session.flush()
            entry = entry_of(row)
            write_eml(
                out,
                to=to_list,
                cc=cc_list,
                subject=row.subject,
                body=row.body,
                attachments=files,
                from_addr=draft.from_addr,
                from_name=draft.from_name,
                message_id=mid,
            )
            written = True
            if file_hashes(files) != hashes:  # changed while being written: the record would not hold
                raise OutboxError("Các tệp đã thay đổi trong lúc tạo thư nháp; hãy thử lại.")
    except BaseException:
        if written:
            out.unlink(missing_ok=True)
        raise
    return out, entry


def remove_queued(db, paths, message_id) -> OutboxEntry:
    """Take a message that has not left out of the outbox (kept in the history as "đã hủy"). A
    report it was sending is unlocked again when nothing else of it left (sent, or an ``.eml``
    draft) or waits: it was never received, so it can still be corrected in the same version."""
    from sqlalchemy import select

    from thidua_desktop.store.models import OutboxMessage, Report

    def unlock(session, row) -> None:
        if row.report_id is None:
            return
        report = session.get(Report, row.report_id)
        others = session.scalars(
            select(OutboxMessage.status).where(OutboxMessage.report_id == row.report_id, OutboxMessage.id != row.id)
        ).all()
        if report is not None and report.status == "sent" and not set(others) & {SENT, EML, QUEUED}:
            report.status = "complete"
            report.sent_at = None

    return cancel(db, paths, message_id, within=unlock)


def report_history(db, report_id=None, *, year: int | None = None) -> list[ReportSending]:
    """Every time a report left, oldest first: for one report (all versions of it) or a whole year."""
    from sqlalchemy import select

    from thidua_desktop.services.outbox_queue import entry_of
    from thidua_desktop.services import reports
    from thidua_desktop.store.models import EmulationYear, OutboxMessage, Report

    with db.reading() as session:
        query = select(OutboxMessage, Report).join(Report, OutboxMessage.report_id == Report.id)
        if report_id is not None:
            report = reports._load(session, str(report_id))
            query = query.where(Report.year_id == report.year_id, Report.phase_number == report.phase_number)
        if year is not None:
            query = query.join(EmulationYear, Report.year_id == EmulationYear.id).where(EmulationYear.year == year)
        rows = session.execute(query.order_by(OutboxMessage.created_at)).all()
        return [ReportSending(entry_of(m), r.id.hex, r.kind, r.version, reports._label(r)) for m, r in rows]


def report_of_register(db, register_id) -> str | None:
    """The report a numbered document (outgoing register entry) belongs to, if any (hex id)."""
    from thidua_desktop.store.models import OutgoingDocument

    if not register_id:
        return None
    with db.reading() as session:
        entry = session.get(OutgoingDocument, uuid.UUID(str(register_id)))
        return entry.report_id.hex if entry is not None and entry.report_id is not None else None


def report_of_files(db, files) -> str | None:
    """The report whose workbook or PDF (signed or not) is among ``files``: the workbook's
    machine-readable sheet, or the PDF's Keywords, names the report (hex id), if that report is in
    this data folder."""
    from thidua_desktop.exchange.reading import report_id_in_file
    from thidua_desktop.store.models import Report

    for f in files:
        raw = report_id_in_file(f)  # "" for a file not one of ours: sending it is still allowed, just not recorded
        try:
            key = uuid.UUID(raw)
        except ValueError:
            continue
        with db.reading() as session:
            if session.get(Report, key) is not None:
                return key.hex
    return None
