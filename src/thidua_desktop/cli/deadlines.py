"""``thidua year timeline``: the year's milestones, each deadline with what became of it.

A deadline met shows when it was sent ("Đã gửi ngày 04/07/2021, đúng hạn"), never a count of
days; a year that has ended ends with its outcome, a year not started yet says when it starts.
"""

from __future__ import annotations

from datetime import date

from thidua_desktop import clock
from thidua_desktop.cli.common import CliError, open_db, out


def _today(args) -> date:
    """--today, else ``THIDUA_TODAY`` (as the GUI), else the computer's date."""
    return getattr(args, "today", None) or clock.today()


def _other_event(kind: str, days: int, ended: bool) -> str:
    if days == 0:
        return "hôm nay"
    if days > 0:
        return f"còn {days} ngày"
    if kind == "lock":
        return "đã khóa số liệu"
    return "đã qua" if ended else f"đã qua {-days} ngày"


def cmd_year_timeline(args) -> int:
    from thidua_desktop.core import deadlines as dl, timeline as tl, vntext
    from thidua_desktop.services import deadlines, year

    chosen = getattr(args, "year_option", None) or args.year
    if chosen is None:
        raise CliError("Chỉ rõ năm thi đua: thidua year timeline --year NĂM.")
    today = _today(args)
    db = open_db(args)
    try:
        events = year.timeline(db, chosen)
        found = deadlines.year_deadlines(db, chosen, today=today, paths=getattr(args, "paths", None))
    finally:
        db.close()
    ended = found.stage == "ended"
    if found.stage == "not_started":
        for line in dl.outcome_lines(found.outcome):
            out(line)
    for e in events:
        if e.kind in tl.DEADLINE_KINDS:
            match = next(
                (
                    d
                    for d in found.deadlines
                    if d.kind == e.kind and d.phase_number == e.phase_number and d.due == e.when
                ),
                None,
            )
            left = match.text if match is not None else tl.describe_days_left(tl.days_left(e, today))
        else:
            left = _other_event(e.kind, tl.days_left(e, today), ended)
        out(f"{vntext.format_date(e.when)}  {e.label}  ({left})")
    if ended:
        out("")
        for line in dl.outcome_lines(found.outcome):
            out(line)
    return 0
