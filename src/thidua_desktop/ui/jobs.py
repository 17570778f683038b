"""What the GUI asks the database worker to do: thin bundles of service calls.

Every function here runs on the worker thread (``TaskManager.run``), takes plain values and
returns plain values (the services' DTOs). The services and the store are imported inside the
functions, so the window can appear before SQLAlchemy and Alembic are loaded. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_desktop.paths import DataPaths

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.core.plan import PlanTemplate
    from thidua_desktop.core.timeline import PhaseInput, TimelineEvent
    from thidua_desktop.services.dto import (
        IndicatorInfo,
        PersonRow,
        RuleInfo,
        TitleInfo,
        UnitProfile,
        YearDetail,
        YearSummary,
    )
    from thidua_desktop.store.database import Database


def preload() -> None:
    """Import the heavy modules while the window is being built."""
    import thidua_desktop.services.maintenance  # noqa: F401
    import thidua_desktop.services.roster  # noqa: F401
    import thidua_desktop.services.year  # noqa: F401
    import thidua_desktop.store.database  # noqa: F401


# --- opening --------------------------------------------------------------------------------


@dataclass
class OverviewData:
    detail: YearDetail
    events: list[TimelineEvent]
    phases: list[PhaseInput]
    counts: dict[str, int]


@dataclass
class OpenResult:
    db: Database
    unit: UnitProfile | None
    years: list[YearSummary]
    year: int | None = None
    overview: OverviewData | None = None


def open_database(paths: DataPaths) -> OpenResult:
    from thidua_desktop.store.database import Database

    return _loaded(Database.open(paths))


def _loaded(db: Database, year: int | None = None) -> OpenResult:
    from thidua_desktop.services import year as years_service

    try:
        unit = years_service.get_unit(db)
        summaries = years_service.list_years(db) if unit is not None else []
        if year is None or year not in {s.year for s in summaries}:
            year = summaries[-1].year if summaries else None
        data = overview(db, year) if year is not None else None
    except BaseException:
        db.close()
        raise
    return OpenResult(db, unit, summaries, year, data)


def build_demo(paths: DataPaths, progress: Callable[[int, str], None] | None = None) -> OpenResult:
    """Make the demo data folder (when it has no database yet) and open it.

    ``progress(percent, message)`` is called from the worker thread as the demo is built.
    """
    import inspect

    from thidua_desktop.services import demo

    if not paths.database.exists():
        try:
            inspect.signature(demo.build_demo).bind(paths, progress=progress)
            takes_progress = progress is not None
        except TypeError:
            takes_progress = False
        if takes_progress:
            demo.build_demo(paths, progress=progress)
        else:
            demo.build_demo(paths)
    return open_database(paths)


def set_up(db: Database, profile: UnitProfile, template: PlanTemplate, year: int) -> OpenResult:
    from thidua_desktop.services import year as years_service

    years_service.set_up(db, profile, template, year)
    return _loaded(db, year)


def reload_all(db: Database, year: int | None) -> OpenResult:
    return _loaded(db, year)


def auto_backup(paths: DataPaths) -> Path | None:
    from thidua_desktop.services import maintenance

    return maintenance.auto_backup(paths)


# --- pages ----------------------------------------------------------------------------------


def overview(db: Database, year: int) -> OverviewData:
    from thidua_desktop.core import timeline
    from thidua_desktop.services import roster
    from thidua_desktop.services import year as years_service

    detail = years_service.get_year(db, year)
    phases = years_service.phase_inputs(detail)
    events = timeline.build_timeline(detail.year, phases, detail.registration_due)
    return OverviewData(detail, events, phases, roster.count_people(db))


def year_detail(db: Database, year: int) -> YearDetail:
    from thidua_desktop.services import year as years_service

    return years_service.get_year(db, year)


def list_years(db: Database) -> list[YearSummary]:
    from thidua_desktop.services import year as years_service

    return years_service.list_years(db)


def get_unit(db: Database) -> UnitProfile | None:
    from thidua_desktop.services import year as years_service

    return years_service.get_unit(db)


def save_unit(db: Database, profile: UnitProfile) -> UnitProfile:
    from thidua_desktop.services import year as years_service

    return years_service.save_unit(db, profile)


def list_people(db: Database) -> list[PersonRow]:
    from thidua_desktop.services import roster

    return roster.list_people(db)


def set_rule(db: Database, year: int, key: str, value: Decimal) -> RuleInfo:
    from thidua_desktop.services import year as years_service

    return years_service.set_rule(db, year, key, value)


def update_phase(db: Database, year: int, number: int, start: date, end: date, report_due: date,
                 lock_date: date):
    from thidua_desktop.services import year as years_service

    return years_service.update_phase(db, year, number, start=start, end=end, report_due=report_due,
                                      lock_date=lock_date)


def set_registration_due(db: Database, year: int, due: date) -> None:
    from thidua_desktop.services import year as years_service

    years_service.set_registration_due(db, year, due)


def create_year(db: Database, template: PlanTemplate, year: int) -> YearSummary:
    from thidua_desktop.services import year as years_service

    return years_service.create_year(db, template, year)


def copy_year(db: Database, source: int, target: int) -> YearSummary:
    from thidua_desktop.services import year as years_service

    return years_service.copy_year(db, source, target)


def templates() -> list[PlanTemplate]:
    from thidua_desktop.core import plan

    return plan.builtin_templates()


@dataclass
class InitiativesData:
    """The part of the year that concerns initiatives (sáng kiến)."""

    indicators: list[IndicatorInfo]
    titles: list[TitleInfo]
    thresholds: list[RuleInfo]


# The plan ties initiatives to the movement "Lao động giỏi, Lao động sáng tạo" and to two
# computed indicators; the Bằng Lao động sáng tạo thresholds are the rules named ldst_*.
_INITIATIVE_MOVEMENT = "LDG_LDST"
_INITIATIVE_SOURCES = {"initiatives_recognised", "ldst_authors"}
_THRESHOLD_PREFIX = "ldst_"


def initiatives(db: Database, year: int) -> InitiativesData:
    detail = year_detail(db, year)
    return InitiativesData(
        indicators=[
            i for i in detail.indicators
            if i.movement_code == _INITIATIVE_MOVEMENT or i.computed_from in _INITIATIVE_SOURCES
        ],
        titles=[t for t in detail.titles if t.requires_initiative],
        thresholds=[r for r in detail.rules if r.key.startswith(_THRESHOLD_PREFIX)],
    )


# --- data folder ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupRow:
    """A backup as listed to the user (its size read here, off the GUI thread)."""

    path: Path
    taken_at: datetime
    kind: str
    size: int | None


@dataclass
class DocumentsData:
    unit: UnitProfile | None
    backups: list[BackupRow] = field(default_factory=list)


def documents(db: Database, paths: DataPaths) -> DocumentsData:
    return DocumentsData(get_unit(db), list_backups(paths))


def list_backups(paths: DataPaths) -> list[BackupRow]:
    from thidua_desktop.services import maintenance

    rows = []
    for backup in maintenance.list_backups(paths):
        try:
            size = backup.path.stat().st_size
        except OSError:
            size = None
        rows.append(BackupRow(backup.path, backup.taken_at, backup.kind, size))
    return rows


def backup_now(paths: DataPaths) -> Path:
    from thidua_desktop.services import maintenance

    return maintenance.backup_now(paths)


def check(paths: DataPaths):
    from thidua_desktop.services import maintenance

    return maintenance.check(paths)


@dataclass
class RestoreOutcome:
    saved: Path | None  # where the replaced data was copied
    opened: OpenResult | None
    error: Exception | None = None  # the restore failed; ``opened`` is the old data again


def restore(paths: DataPaths, db: Database | None, source: Path, year: int | None = None) -> RestoreOutcome:
    """Close the database, replace it with ``source``, open it again.

    If the restore is refused, the current data is opened again and the error returned.
    """
    from thidua_desktop.services import maintenance
    from thidua_desktop.store.errors import StoreError

    if db is not None:
        db.close()
    try:
        saved = maintenance.restore(paths, Path(source))
    except StoreError as exc:
        opened = open_database(paths) if db is not None else None
        return RestoreOutcome(None, opened, exc)
    opened = open_database(paths)
    if year is not None and opened.unit is not None:
        opened = _reselect(opened, year)
    return RestoreOutcome(saved, opened)


def _reselect(opened: OpenResult, year: int) -> OpenResult:
    if opened.year == year or year not in {s.year for s in opened.years}:
        return opened
    opened.year = year
    opened.overview = overview(opened.db, year)
    return opened


def close(db: Database | None) -> None:
    if db is not None:
        db.close()
