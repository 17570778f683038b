"""The report email in the usual form: the upper union's address, the Vietnamese subject and body
from the unit's profile; queued in the outbox or written as an ``.eml`` draft (no record of a
report sent: that is :mod:`thidua_desktop.services.report_sending`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_desktop.sending.message import write_eml
from thidua_desktop.services.outbox_queue import OutboxEntry, OutboxError, queue_message


@dataclass(frozen=True)
class Draft:
    to: list[str]
    subject: str
    body: str
    from_addr: str = ""
    from_name: str = ""


def _title_from_files(files: list[Path]) -> str:
    stems = []
    for f in files:
        stem = _bare_stem(Path(f).name)
        if stem not in stems:
            stems.append(stem)
    return ", ".join(stems) or "báo cáo"


SIGNED_TAILS = ("-da-ky", "-hinh-chu-ky")


def _bare_stem(name: str) -> str:
    """The exported file's stem a signed copy (or a detached signature) was made from."""
    stem = Path(name).name
    for suffix in (".p7s", ".pdf", ".xlsx"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    for tail in SIGNED_TAILS:
        stem = stem.removesuffix(tail)
    return stem


# --- the document a message carries --------------------------------------------------------------

# how each kind of the outgoing-document register is named in an email ("Bản đăng ký thi đua năm 2026")
DOCUMENT_NAMES = {
    "plan": "Kế hoạch phát động phong trào thi đua năm {year}",
    "registration": "Bản đăng ký thi đua năm {year}",
    "initiatives": "Danh sách sáng kiến, giải pháp năm {year}",
    "year-report": "Báo cáo tổng kết phong trào thi đua năm {year}",
    "proposals": "Tờ trình đề nghị khen thưởng thành tích phong trào thi đua năm {year}",
    "review-minutes": "Biên bản họp bình xét thi đua, khen thưởng năm {year}",
    "award-decision": "Quyết định khen thưởng thành tích phong trào thi đua năm {year}",
}


@dataclass(frozen=True)
class DocumentName:
    """What a message carries, as the email names it: "Báo cáo sơ kết đợt 1 năm 2026" (and its
    number in the outgoing-document register, "05/BC-CĐCS", when it has one)."""

    title: str
    code: str = ""
    version: int = 1  # a report's version: a correction sent after the first says so

    @property
    def details(self) -> str:
        """ "phiên bản 2, số 05/BC-CĐCS" (empty for a first version without a number)."""
        return ", ".join(
            x
            for x in (f"phiên bản {self.version}" if self.version > 1 else "", f"số {self.code}" if self.code else "")
            if x
        )


def _phase_words(phase, year: int) -> str:
    """ "đợt 1 năm 2026", or "6 tháng đầu năm 2026" for a phase that is the first half of the year."""
    if phase is None:
        return f"năm {year}"
    if (phase.start.month, phase.start.day, phase.end.month, phase.end.day) == (1, 1, 6, 30):
        return f"6 tháng đầu năm {year}"
    name = (phase.name or f"Đợt {phase.number}").strip()
    name = name[:1].lower() + name[1:]
    return f"{name} {year}" if name.lower().endswith("năm") else f"{name} năm {year}"


def _report_name(session, report) -> DocumentName:
    from thidua_desktop.store.models import EmulationYear

    record = session.get(EmulationYear, report.year_id)
    year = record.year if record is not None else 0
    if report.kind == "year":
        title = DOCUMENT_NAMES["year-report"].format(year=year)
    else:
        phase = next(
            (p for p in (record.phases if record is not None else []) if p.number == report.phase_number), None
        )
        title = f"Báo cáo sơ kết {_phase_words(phase, year)}"
    return DocumentName(title, report.document_code or "", report.version)


def _entry_name(session, entry) -> DocumentName | None:
    from thidua_desktop.store.models import Report

    if entry.report_id is not None:
        report = session.get(Report, entry.report_id)
        if report is not None:
            named = _report_name(session, report)
            return DocumentName(named.title, entry.code, named.version)
    year = entry.emulation_year or entry.register_year
    pattern = DOCUMENT_NAMES.get(entry.kind)
    if pattern is None:
        return DocumentName(entry.subject, entry.code) if entry.subject else None
    return DocumentName(pattern.format(year=year), entry.code)


def document_name(db, files=(), *, report_id=None, register_id=None) -> DocumentName | None:
    """The document the files are (or were signed from), by what is known of it, first found:
    the register entry it was exported under, the report it belongs to, the report its workbook's
    machine sheet or its PDF's Keywords name, a register entry that recorded a file of that name.
    None for files that are none of this data folder's documents."""
    import uuid

    from sqlalchemy import select

    from thidua_desktop.store.models import OutgoingDocument, Report

    if db is None:
        return None
    files = [Path(f) for f in files]
    if report_id is None and register_id is None and files:
        from thidua_desktop.services.report_sending import report_of_files

        report_id = report_of_files(db, files)
    with db.reading() as session:
        if register_id:
            entry = session.get(OutgoingDocument, uuid.UUID(str(register_id)))
            if entry is not None:
                return _entry_name(session, entry)
        if report_id:
            report = session.get(Report, uuid.UUID(str(report_id)))
            if report is not None:
                return _report_name(session, report)
        stems = {_bare_stem(f.name) for f in files}
        if not stems:
            return None
        entries = session.scalars(
            select(OutgoingDocument).order_by(OutgoingDocument.register_year.desc(), OutgoingDocument.number.desc())
        )
        for entry in entries:
            if stems & {_bare_stem(name) for name in entry.files or []}:
                return _entry_name(session, entry)
    return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def compose_report_email(db, files, title: str | None = None, *, report_id=None, register_id=None) -> Draft:
    """Address, subject and body in the usual form, from the unit's profile; they name the document
    ("Báo cáo sơ kết đợt 1 năm 2026 của CĐCS …", see :func:`document_name`), or ``title`` when given,
    the files' names only for files that are none of this data folder's documents."""
    from thidua_desktop.services import year

    unit = year.get_unit(db) if db is not None else None
    files = [Path(f) for f in files]
    named = None if title else document_name(db, files, report_id=report_id, register_id=register_id)
    title = (title or (named.title if named else "") or _title_from_files(files)).strip()
    if unit is None:
        return Draft(
            [],
            title if named else f"V/v gửi {title}",
            f"Kính gửi công đoàn cấp trên,\n\nXin gửi {_lower_first(title) if named else title}.\n\nTrân trọng.\n",
        )
    upper = unit.upper_union or "Công đoàn cấp trên"
    chair = unit.chair
    names = "\n".join(f"  - {f.name}" for f in files)
    signed_note = (
        "Các tệp đã được ký số; xin vui lòng kiểm tra chữ ký và xác nhận đã nhận.\n"
        if any(f.stem.endswith("-da-ky") or f.suffix == ".p7s" for f in files)
        else "Xin vui lòng xác nhận đã nhận.\n"
    )
    sign_off = [f"TM. BAN CHẤP HÀNH {unit.name.upper()}" if unit.name else "TM. BAN CHẤP HÀNH"]
    if chair:
        sign_off += [chair.position or "Chủ tịch", chair.full_name]
    contact = " — ".join(x for x in (unit.phone, unit.email) if x)
    what = _lower_first(title) + (f" ({named.details})" if named.details else "") if named else title
    body = (
        f"Kính gửi: {upper}\n\n"
        f"{unit.name or 'Công đoàn cơ sở'} trân trọng gửi {what}.\n\n"
        + (f"Tệp đính kèm:\n{names}\n\n" if files else "")
        + signed_note
        + "\nTrân trọng.\n\n"
        + "\n".join(sign_off)
        + (f"\n{contact}" if contact else "")
        + "\n"
    )
    if named:
        subject = (f"{title} của {unit.name}" if unit.name else title) + (
            f" (phiên bản {named.version})" if named.version > 1 else ""
        )
    else:
        subject = f"{unit.name} gửi {title}"
    to = [unit.upper_union_email] if unit.upper_union_email else []
    return Draft(to, subject, body, unit.email, unit.name)


def queue_report(
    db,
    paths,
    files,
    *,
    title: str | None = None,
    to=None,
    subject: str | None = None,
    body: str | None = None,
    report_id=None,
    cc=(),
    register_id=None,
) -> OutboxEntry:
    draft = compose_report_email(db, files, title, report_id=report_id, register_id=register_id)
    to = to or draft.to
    if not to:
        raise OutboxError(
            "Chưa có email của công đoàn cấp trên; hãy khai báo trong thông tin đơn vị hoặc nhập địa chỉ người nhận."
        )
    return queue_message(db, paths, to, subject or draft.subject, body or draft.body, files, report_id, cc=cc)


def write_report_eml(
    db,
    out,
    files,
    *,
    title: str | None = None,
    to=None,
    subject: str | None = None,
    body: str | None = None,
    cc=(),
    register_id=None,
) -> Path:
    from thidua_desktop.sending.message import check_addresses, split_addresses

    draft = compose_report_email(db, files, title, register_id=register_id)
    to_list = check_addresses(split_addresses(to or draft.to))
    return write_eml(
        out,
        to=to_list,
        cc=check_addresses(split_addresses(cc), "đồng gửi"),
        subject=subject or draft.subject,
        body=body or draft.body,
        attachments=list(files),
        from_addr=draft.from_addr,
        from_name=draft.from_name,
    )
