"""Worker-side bundle for the deadlines of a year (Tổng quan, Sơ kết – Tổng kết). No Qt here."""

from __future__ import annotations

from datetime import date


def year_deadlines(db, paths, year: int, today: date):
    """``services.deadlines.year_deadlines``: each deadline's state and the year's outcome."""
    from thidua_desktop.services import deadlines

    return deadlines.year_deadlines(db, year, today=today, paths=paths)
