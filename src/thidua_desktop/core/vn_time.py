"""Times as a Vietnamese user reads them: Vietnam time with its offset, "14:05 04/12/2026 (UTC+7)".

Vietnam has used UTC+07:00 all year since 1975 (no daylight saving time). The GUI and the
command line show every time through :func:`format_time` (sent, queued, signed, valid until), so
a time reads the same wherever it is shown and whatever the computer's own time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")
OFFSET = "(UTC+7)"


def in_vietnam(moment: datetime) -> datetime:
    """``moment`` in Vietnam time (a naive moment is taken as UTC, as the database stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(VN_TZ)


def format_time(moment: datetime | None, *, seconds: bool = False, unknown: str = "") -> str:
    """ "14:05 04/12/2026 (UTC+7)" (with ``seconds``: "14:05:09 04/12/2026 (UTC+7)"); ``unknown``
    for no time."""
    if moment is None:
        return unknown
    local = in_vietnam(moment)
    return f"{local:%H:%M:%S %d/%m/%Y} {OFFSET}" if seconds else f"{local:%H:%M %d/%m/%Y} {OFFSET}"


def format_day(moment: datetime | date | None) -> str:
    """The day in Vietnam: "04/12/2026" (for a validity's first and last day)."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = in_vietnam(moment).date()
    return f"{moment:%d/%m/%Y}"
