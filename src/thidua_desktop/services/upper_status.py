"""Who has reported (issue 8): the plan's deadlines and the units × expected reports table.

Each unit is expected to send its registration, its sơ kết and its tổng kết; a report counts as
on time when its first version taken is dated by the plan's due date. The table and the list of
units to remind are exported as a workbook by :mod:`thidua_desktop.documents.completeness`.
Public through :mod:`thidua_desktop.services.upper`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.services.upper_intake import ACCEPTED
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import EmulationYear, ReceivedFile, SubordinateUnit

EXPECTED = ("registration", "midyear-report", "year-report")
EXPECTED_NAMES = {"registration": "Đăng ký", "midyear-report": "Sơ kết", "year-report": "Tổng kết"}
STATUS_NAMES = {
    "on_time": "Đúng hạn",
    "late": "Muộn",
    "missing": "Chưa nộp",
    "pending": "Chưa đến hạn",
    "received": "Đã nộp",
}


@dataclass(frozen=True)
class Deadlines:
    registration: date | None
    phases: tuple[tuple[int, date], ...]  # (phase number, report due)

    @property
    def first_phase(self) -> int:
        return self.phases[0][0] if self.phases else 1

    @property
    def last_phase(self) -> int:
        return self.phases[-1][0] if self.phases else 2

    def due(self, kind: str) -> date | None:
        if kind == "registration":
            return self.registration
        if not self.phases:
            return None
        return self.phases[0][1] if kind == "midyear-report" else self.phases[-1][1]

    def phase_of(self, kind: str) -> int | None:
        if kind == "registration":
            return None
        return self.first_phase if kind == "midyear-report" else self.last_phase


def deadlines(db: Database, year: int) -> Deadlines:
    """The plan's deadlines: the year in the data folder, else the built-in plan of that year."""
    with db.reading() as session:
        record = session.scalars(
            select(EmulationYear).options(selectinload(EmulationYear.phases)).where(EmulationYear.year == year)
        ).first()
        if record is not None:
            return Deadlines(record.registration_due, tuple((p.number, p.report_due) for p in record.phases))
    from thidua_desktop.core.plan import builtin_templates

    for template in builtin_templates():
        if template.year == year:
            return Deadlines(template.registration_due, tuple((p.number, p.report_due) for p in template.phases))
    return Deadlines(None, ())


@dataclass(frozen=True)
class Expected:
    kind: str
    due: date | None
    status: str  # on_time | late | missing | pending | received
    sent_on: date | None = None  # the date of the first version taken
    versions: int = 0
    file_id: str = ""  # the version that counts


@dataclass(frozen=True)
class UnitCompleteness:
    code: str
    name: str
    email: str
    reports: tuple[Expected, ...]

    @property
    def missing(self) -> list[Expected]:
        return [e for e in self.reports if e.status == "missing"]


def completeness(db: Database, year: int, *, today: date | None = None) -> list[UnitCompleteness]:
    """Units × expected reports (registration, sơ kết, tổng kết): on time / late / missing."""
    today = today or clock.today()
    plan = deadlines(db, year)
    with db.reading() as session:
        units = session.scalars(select(SubordinateUnit).order_by(SubordinateUnit.code)).all()
        files = session.scalars(
            select(ReceivedFile).where(ReceivedFile.year == year, ReceivedFile.status == ACCEPTED)
        ).all()
        by_key: dict[tuple, list[ReceivedFile]] = {}
        for f in files:
            kind = f.kind
            if kind == "consolidation":  # a lower upper union's consolidation stands for its report
                kind = (
                    "registration"
                    if f.phase is None
                    else ("year-report" if f.phase == plan.last_phase else "midyear-report")
                )
            by_key.setdefault((f.unit_id, kind), []).append(f)
        table = []
        for u in units:
            cells = []
            for kind in EXPECTED:
                due = plan.due(kind)
                got = by_key.get((u.id, kind), [])
                if got:
                    first = min(
                        (f.issued_on or (f.signed_at.date() if f.signed_at else None) or f.received_at.date())
                        for f in got
                    )
                    counting = next((f for f in got if f.superseded_by_id is None), got[-1])
                    status = "received" if due is None else ("on_time" if first <= due else "late")
                    cells.append(Expected(kind, due, status, first, len(got), counting.id.hex))
                else:
                    status = "missing" if due is not None and today > due else "pending"
                    cells.append(Expected(kind, due, status))
            table.append(UnitCompleteness(u.code, u.name, u.email, tuple(cells)))
    return table


def reminders(table: list[UnitCompleteness]) -> list[tuple[UnitCompleteness, list[Expected]]]:
    return [(u, u.missing) for u in table if u.missing]


def export_completeness(table: list[UnitCompleteness], year: int, out: str | Path) -> Path:
    """The completeness table and the reminder list as a workbook (two sheets)."""
    from thidua_desktop.documents import completeness as sheet

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"Tệp {out.name}: chỉ xuất được .xlsx.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    marks = {"missing": sheet.MISSING, "late": sheet.LATE}
    units = [
        sheet.UnitRow(
            u.code,
            u.name,
            u.email,
            tuple(
                sheet.ReportCell(
                    STATUS_NAMES[e.status], vntext.format_date(e.sent_on) if e.sent_on else "", marks.get(e.status, "")
                )
                for e in u.reports
            ),
        )
        for u in table
    ]
    to_remind = [
        sheet.ReminderRow(
            u.code,
            u.name,
            u.email,
            ", ".join(EXPECTED_NAMES[e.kind] for e in missing),
            ", ".join(vntext.format_date(e.due) for e in missing if e.due),
        )
        for u, missing in reminders(table)
    ]
    return sheet.write_completeness(out, year, [EXPECTED_NAMES[k] for k in EXPECTED], units, to_remind)
