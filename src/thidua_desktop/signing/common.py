"""Small shared pieces: Vietnam time and reading certificates' names."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

# Vietnam has used UTC+07:00 all year since 1975 (no daylight saving time).
VN_TZ = timezone(timedelta(hours=7), "ICT")


def now_vn() -> datetime:
    return datetime.now(VN_TZ).replace(microsecond=0)


def iso_vn(moment: datetime) -> str:
    """ISO 8601 with the Vietnam offset, e.g. ``2021-02-18T16:40:05+07:00``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def display_time(moment: datetime | None) -> str:
    """``16:40 18/02/2021 (UTC+7)`` for messages: :func:`thidua_desktop.core.vn_time.format_time`,
    as the GUI and the command line show every time."""
    from thidua_desktop.core.vn_time import format_time

    return format_time(moment, unknown="(không rõ)")
