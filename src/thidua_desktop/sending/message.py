"""Email messages with Vietnamese text and attachments, and ``.eml`` drafts.

Headers are ASCII on the wire: the subject and display names as RFC 2047 encoded words, the
attachments' file names as RFC 2231 parameters (``filename*=utf-8''…`` on Content-Disposition
and ``name*=`` on Content-Type). The body is UTF-8 plain text.
"""

from __future__ import annotations

import mimetypes
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, getaddresses
from pathlib import Path

from thidua_desktop.core import cleantext
from thidua_desktop.errors import UserError

_ADDR = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")

# CRLF, ASCII headers; long header lines allowed up to RFC 5322's 998 characters, because the email
# package folds a long Content-Type badly (it RFC 2047-encodes the middle of
# "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" when a name parameter follows).
POLICY = policy.SMTP.clone(max_line_length=998)

mimetypes.add_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
mimetypes.add_type("application/pkcs7-signature", ".p7s")


class MessageError(UserError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], name: str | None = None) -> "Attachment":
        path = Path(path)
        try:
            return cls(nfc(name or path.name), path.read_bytes())
        except OSError as exc:
            raise MessageError(f"Không đọc được tệp đính kèm {path}: {exc.strerror or exc}.") from None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _header(text: str) -> str:
    """A header's text: one line, no control, escape, bidi or zero-width characters (a line break
    in a subject would otherwise be refused by the email package, or start another header)."""
    return " ".join(cleantext.clean(text or "").split())


def split_addresses(values) -> list[str]:
    """Addresses from strings that may hold several, separated by ',' or ';'."""
    if isinstance(values, str):
        values = [values]
    found: list[str] = []
    for value in values or []:
        for _, addr in getaddresses([str(value).replace(";", ",")]):
            addr = addr.strip()
            if addr and addr not in found:
                found.append(addr)
    return found


def check_addresses(addrs: list[str], what: str = "người nhận") -> list[str]:
    bad = [a for a in addrs if not _ADDR.match(a)]
    if bad:
        raise MessageError(f"Địa chỉ email {what} không hợp lệ: {', '.join(bad)}.")
    return addrs


def build_message(
    *,
    from_addr: str,
    to: list[str],
    subject: str,
    body: str,
    attachments: list[Attachment] = (),
    cc: list[str] = (),
    from_name: str = "",
    message_id: str | None = None,
    date: datetime | None = None,
    draft: bool = False,
) -> EmailMessage:
    msg = EmailMessage(policy=POLICY)
    if from_addr:
        msg["From"] = formataddr((_header(from_name), from_addr)) if from_name else from_addr
    if to:
        msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = _header(subject)
    msg["Date"] = format_datetime(date or datetime.now(timezone.utc))
    if message_id:
        msg["Message-ID"] = message_id
    if draft:
        msg["X-Unsent"] = "1"  # Outlook and others open the file as a message still to be sent
    msg.set_content(nfc(body).replace("\r\n", "\n"), subtype="plain", charset="utf-8", cte="base64")
    for att in attachments:
        ctype, _ = mimetypes.guess_type(att.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(att.data, maintype=maintype, subtype=subtype, filename=nfc(att.name))
        msg.get_payload()[-1].set_param("name", nfc(att.name), header="Content-Type")
    return msg


def write_eml(
    path: str | os.PathLike[str],
    *,
    to: list[str],
    subject: str,
    body: str,
    attachments: list[Attachment | str | os.PathLike[str]] = (),
    from_addr: str = "",
    from_name: str = "",
    cc: list[str] = (),
    message_id: str | None = None,
) -> Path:
    """Write a ready-to-send draft that opens in common mail clients (Outlook, Thunderbird)."""
    from thidua_desktop.signing.pdf import write_atomically

    items = [a if isinstance(a, Attachment) else Attachment.from_file(a) for a in attachments]
    msg = build_message(
        from_addr=from_addr,
        from_name=from_name,
        to=list(to),
        cc=list(cc),
        subject=subject,
        body=body,
        attachments=items,
        draft=True,
        message_id=message_id,
    )
    path = Path(path)
    write_atomically(path, msg.as_bytes(policy=POLICY))
    return path
