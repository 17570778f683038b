"""The report email in the usual form: the upper union's address, the Vietnamese subject and body
from the unit's profile; queued in the outbox or written as an ``.eml`` draft (no record of a
report sent: that is :mod:`thidua_desktop.services.report_sending`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_desktop.sending.message import write_eml
from thidua_desktop.sending.outbox import OutboxEntry, OutboxError, queue_message


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
        stem = Path(f).stem
        for tail in ("-da-ky", "-hinh-chu-ky"):
            stem = stem.removesuffix(tail)
        if stem not in stems:
            stems.append(stem)
    return ", ".join(stems) or "báo cáo"


def compose_report_email(db, files, title: str | None = None) -> Draft:
    """Address, subject and body in the usual form, from the unit's profile."""
    from thidua_desktop.services import year

    unit = year.get_unit(db) if db is not None else None
    files = [Path(f) for f in files]
    title = (title or _title_from_files(files)).strip()
    if unit is None:
        return Draft([], f"V/v gửi {title}", f"Kính gửi công đoàn cấp trên,\n\nXin gửi {title}.\n\nTrân trọng.\n")
    upper = unit.upper_union or "Công đoàn cấp trên"
    chair = unit.chair
    names = "\n".join(f"  - {f.name}" for f in files)
    signed_note = ("Các tệp đã được ký số; xin vui lòng kiểm tra chữ ký và xác nhận đã nhận.\n"
                   if any(f.stem.endswith("-da-ky") or f.suffix == ".p7s" for f in files) else
                   "Xin vui lòng xác nhận đã nhận.\n")
    sign_off = [f"TM. BAN CHẤP HÀNH {unit.name.upper()}" if unit.name else "TM. BAN CHẤP HÀNH"]
    if chair:
        sign_off += [chair.position or "Chủ tịch", chair.full_name]
    contact = " — ".join(x for x in (unit.phone, unit.email) if x)
    body = (
        f"Kính gửi: {upper}\n\n"
        f"{unit.name} trân trọng gửi {title}.\n\n"
        + (f"Tệp đính kèm:\n{names}\n\n" if files else "")
        + signed_note + "\nTrân trọng.\n\n" + "\n".join(sign_off) + (f"\n{contact}" if contact else "") + "\n"
    )
    subject = f"{unit.name} gửi {title}"
    to = [unit.upper_union_email] if unit.upper_union_email else []
    return Draft(to, subject, body, unit.email, unit.name)


def queue_report(db, paths, files, *, title: str | None = None, to=None, subject: str | None = None,
                 body: str | None = None, report_id=None, cc=()) -> OutboxEntry:
    draft = compose_report_email(db, files, title)
    to = to or draft.to
    if not to:
        raise OutboxError("Chưa có email của công đoàn cấp trên; hãy khai báo trong thông tin đơn vị "
                          "hoặc nhập địa chỉ người nhận.")
    return queue_message(db, paths, to, subject or draft.subject, body or draft.body, files, report_id, cc=cc)


def write_report_eml(db, out, files, *, title: str | None = None, to=None, subject: str | None = None,
                     body: str | None = None, cc=()) -> Path:
    from thidua_desktop.sending.message import check_addresses, split_addresses

    draft = compose_report_email(db, files, title)
    to_list = check_addresses(split_addresses(to or draft.to))
    return write_eml(out, to=to_list, cc=check_addresses(split_addresses(cc), "đồng gửi"),
                     subject=subject or draft.subject, body=body or draft.body, attachments=list(files),
                     from_addr=draft.from_addr, from_name=draft.from_name)
