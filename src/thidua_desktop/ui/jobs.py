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

    db = Database.open(paths)
    _OPENED.add(db)
    return _loaded(db)


def _current_year(years: list[int]) -> int | None:
    """The year to show first: today's year, else the latest before it, else the earliest after it."""
    from thidua_desktop import clock

    this = clock.today().year
    if this in years:
        return this
    before = [y for y in years if y < this]
    return max(before) if before else (min(years) if years else None)


def _loaded(db: Database, year: int | None = None) -> OpenResult:
    from thidua_desktop.services import year as years_service

    try:
        unit = years_service.get_unit(db)
        summaries = years_service.list_years(db) if unit is not None else []
        if year is None or year not in {s.year for s in summaries}:
            year = _current_year([s.year for s in summaries])
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
    from thidua_desktop.errors import UserError
    from thidua_desktop.services import maintenance

    if db is not None:
        db.close()
    try:
        saved = maintenance.restore(paths, Path(source))
    except UserError as exc:
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


# Databases the worker opened. The GUI may quit before an opening reaches it (a fast exit
# while the start-up snapshot is shown); ``close_all`` at shutdown closes those too, so SQLite
# checkpoints and removes its WAL file.
_OPENED: set = set()


def close(db: Database | None) -> None:
    if db is not None:
        db.close()
        _OPENED.discard(db)


def close_all() -> None:
    for db in list(_OPENED):
        close(db)


# --- roster ---------------------------------------------------------------------------------

ACTIVE = "active"
LEFT = "left"


def list_roster(db: Database, status: str = ACTIVE) -> list[PersonRow]:
    """The people at work, or (``LEFT``) the people who left, in roster order."""
    from thidua_desktop.services import roster

    if status != LEFT:
        return roster.list_people(db)
    return [p for p in roster.list_people(db, include_left=True) if p.left_on is not None]


@dataclass
class PersonForm:
    """What the person dialog needs: the person (None for a new one) and the union groups."""

    detail: object | None  # roster.PersonDetail
    groups: list


def person_form(db: Database, person_id: str | None) -> PersonForm:
    from thidua_desktop.services import roster

    detail = roster.get_person(db, person_id) if person_id else None
    return PersonForm(detail, roster.list_groups(db))


def save_person(db: Database, detail):
    from thidua_desktop.services import roster

    return roster.save_person(db, detail)


def mark_left(db: Database, person_id: str, left_on: date):
    from thidua_desktop.services import roster

    return roster.mark_left(db, person_id, left_on)


@dataclass
class PersonCard:
    """One person as the roster's side panel shows them: details, group name, history, initiatives."""

    detail: object  # roster.PersonDetail
    group_name: str
    history: list  # roster.HistoryRow
    initiatives: list = field(default_factory=list)  # initiatives.InitiativeRow they are an author of


def person_card(db: Database, person_id: str) -> PersonCard:
    from thidua_desktop.services import initiatives, roster

    detail = roster.get_person(db, person_id)
    groups = {g.id: g.name for g in roster.list_groups(db)}
    return PersonCard(detail, groups.get(detail.group_id, ""), roster.person_history(db, person_id),
                      initiatives.person_initiatives(db, person_id))


def list_groups(db: Database) -> list:
    from thidua_desktop.services import roster

    return roster.list_groups(db)


def save_group(db: Database, group) -> list:
    """Save a union group; returns the groups as they are now."""
    from thidua_desktop.services import roster

    roster.save_group(db, group)
    return roster.list_groups(db)


def delete_group(db: Database, group_id: str) -> list:
    from thidua_desktop.services import roster

    roster.delete_group(db, group_id)
    return roster.list_groups(db)


def export_roster(db: Database, path: Path) -> int:
    """Write the roster to ``path``; a file that cannot be created raises ``OSError``."""
    from xlsxwriter.exceptions import FileCreateError

    from thidua_desktop.services import roster_io

    try:
        return roster_io.export_roster(db, Path(path))
    except FileCreateError as exc:  # xlsxwriter wraps the OSError of a folder that is missing or read-only
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise OSError(cause.errno if cause else None, cause.strerror if cause else str(exc), str(path)) from exc


def preview_roster(db: Database, path: Path, sheet: str | None = None, header_row: int | None = None,
                   mapping: dict[str, int] | None = None):
    """Read and check a roster file (``roster_io.RosterImport``); nothing is written."""
    from thidua_desktop.services import roster_io

    return roster_io.preview_file(db, Path(path), sheet=sheet, header_row=header_row, mapping=mapping)


def commit_roster(db: Database, rim, duplicates: str):
    from thidua_desktop.services import roster_io

    return roster_io.commit(db, rim, duplicates=duplicates)


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int
    merged: int


def import_counts(rim, duplicates: str) -> ImportCounts:
    """What ``roster_io.commit`` will do with ``duplicates`` ("merge" | "keep"), without writing."""
    from thidua_desktop.services import roster_io

    chosen = roster_io.plan(rim, duplicates)
    return ImportCounts(chosen.added, chosen.updated, chosen.merged)


# --- registration ---------------------------------------------------------------------------


@dataclass
class RegistrationData:
    """Everything the Đăng ký thi đua page shows for a year."""

    detail: YearDetail
    collective: object  # registration.CollectiveInfo
    individuals: list  # registration.IndividualRow
    findings: list  # core.registration.Finding
    progress: object  # registration.Progress
    groups: list  # roster.GroupInfo
    links: dict = field(default_factory=dict)  # person id → LinkedInitiative their registration points at


def registration(db: Database, year: int) -> RegistrationData:
    """The year's registration; each part read once (``registration.progress`` would read the
    collective, the checks and every person a second time: +0.7 s over 20,000 people)."""
    from thidua_desktop.services import registration as service
    from thidua_desktop.services import roster

    detail = year_detail(db, year)
    collective = service.get_collective(db, year)
    individuals = service.list_individuals(db, year)
    findings = service.check(db, year)
    progress = _progress(year, detail.registration_due, len(detail.movements), collective,
                         sum(1 for r in individuals if r.title_codes), len(individuals), findings)
    return RegistrationData(detail, collective, individuals, findings, progress, roster.list_groups(db),
                            linked_initiatives(db, year))


def _progress(year: int, due, movements_total: int, collective, people_registered: int, people_total: int,
              findings: list):
    """``registration.Progress`` from parts already read, computed as ``registration.progress`` does."""
    from thidua_desktop.services import registration as service

    return service.Progress(
        year=year, registration_due=due, collective_saved=collective.saved,
        movements_joined=len(collective.movement_codes), movements_total=movements_total,
        figures_registered=sum(1 for f in collective.figures if not f.is_default and f.value is not None),
        figures_total=len(collective.figures), people_registered=people_registered, people_total=people_total,
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
    )


def save_collective(db: Database, info) -> RegistrationData:
    from thidua_desktop.services import registration as service

    service.save_collective(db, info)
    return registration(db, info.year)


@dataclass
class RegistrationChange:
    count: int  # registrations added or removed
    data: RegistrationData


def register(db: Database, year: int, title_code: str, *, person_ids: list[str] | None = None,
             group: str | None = None, everyone: bool = False, members_only: bool = False) -> RegistrationChange:
    from thidua_desktop.services import registration as service

    added = service.register(db, year, title_code, person_ids=person_ids, group=group, everyone=everyone,
                             members_only=members_only)
    return RegistrationChange(added, registration(db, year))


def unregister(db: Database, year: int, title_code: str, person_ids: list[str]) -> RegistrationChange:
    from thidua_desktop.services import registration as service

    removed = service.unregister(db, year, title_code, person_ids)
    return RegistrationChange(removed, registration(db, year))


def set_planned_initiative(db: Database, year: int, person_id: str, text: str) -> RegistrationData:
    from thidua_desktop.services import registration as service

    service.set_planned_initiative(db, year, person_id, text)
    return registration(db, year)


def registration_progress(db: Database, year: int):
    """``registration.Progress`` of the year (None when there is no such year), as
    ``registration.progress`` computes it but with the people counted in SQL: the service lists
    every person for it (0.67 s over 20,000 people, 0.05 s this way) and Tổng quan asks at start."""
    from sqlalchemy import distinct, func, select

    from thidua_desktop.errors import NotFound
    from thidua_desktop.services import registration as service
    from thidua_desktop.store.models import EmulationYear, IndividualRegistration, Person

    try:
        findings = service.check(db, year)
        collective = service.get_collective(db, year)
    except NotFound:
        return None
    active = Person.left_on.is_(None) | (Person.left_on >= date(year, 1, 1))  # as list_individuals
    with db.reading() as session:
        record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
        if record is None:
            return None
        people_total = session.scalar(select(func.count()).select_from(Person).where(active)) or 0
        people_registered = session.scalar(
            select(func.count(distinct(IndividualRegistration.person_id)))
            .join(Person, Person.id == IndividualRegistration.person_id)
            .where(IndividualRegistration.year_id == record.id, active)
        ) or 0
        movements_total = len(record.movements)
        due = record.registration_due
    return _progress(year, due, movements_total, collective, people_registered, people_total, findings)


@dataclass(frozen=True)
class LinkedInitiative:
    id: str  # 32 hex digits
    title: str
    status: str


def linked_initiatives(db: Database, year: int) -> dict[str, LinkedInitiative]:
    """Which initiative of the register each person's registration of ``year`` points at.

    Workaround: ``registration.IndividualRow`` does not carry ``initiative_id`` (the service
    change is described in the report); read here with one Core query.
    """
    from sqlalchemy import String, select, type_coerce

    from thidua_desktop.store.models import EmulationYear, IndividualRegistration, Initiative

    reg = IndividualRegistration
    query = (select(type_coerce(reg.person_id, String), type_coerce(Initiative.id, String), Initiative.title,
                    Initiative.status)
             .join(Initiative, Initiative.id == reg.initiative_id)
             .join(EmulationYear, EmulationYear.id == reg.year_id)
             .where(EmulationYear.year == year))
    with db.engine.connect() as conn:
        return {pid: LinkedInitiative(iid, title, status) for pid, iid, title, status in conn.execute(query)}


def link_registration(db: Database, year: int, person_id: str, initiative_id: str | None) -> RegistrationData:
    """Point the person's registrations of the year at one of their initiatives (None: unlink)."""
    from thidua_desktop.services import initiatives

    initiatives.link_registration(db, year, person_id, initiative_id)
    return registration(db, year)


def person_initiatives(db: Database, person_id: str) -> list:
    from thidua_desktop.services import initiatives

    return initiatives.person_initiatives(db, person_id)


# --- initiatives register (sổ sáng kiến) ----------------------------------------------------


@dataclass
class RegisterData:
    """What the Sáng kiến page shows: every initiative (all years), the roster names of their
    authors (for the author filter), and the part of the year about initiatives."""

    rows: list  # initiatives.InitiativeRow
    author_names: dict[str, str]  # person id → full name of every roster author, in roster order
    year_data: InitiativesData | None


def initiatives_register(db: Database, year: int | None) -> RegisterData:
    from sqlalchemy import String, select, type_coerce

    from thidua_desktop.core import vntext
    from thidua_desktop.services import initiatives as service
    from thidua_desktop.store.models import InitiativeAuthor, Person

    rows = service.list_initiatives(db)
    with db.engine.connect() as conn:
        names = {pid: vntext.join_name(fm, given) for pid, fm, given in conn.execute(
            select(type_coerce(Person.id, String), Person.family_middle, Person.given_name)
            .where(Person.id.in_(select(InitiativeAuthor.person_id).where(InitiativeAuthor.person_id.is_not(None))))
            .order_by(Person.sort_key)
        )}
    return RegisterData(rows, names, initiatives(db, year) if year is not None else None)


def ldst_candidates(db: Database, year: int) -> list:
    from thidua_desktop.services import initiatives

    return initiatives.ldst_candidates(db, year)


@dataclass
class InitiativeForm:
    """What the initiative dialog needs: the initiative (None for a new one), its attachments,
    the roster for the author picker, the phases of every year, the fields and tags in use."""

    draft: object | None  # core.initiatives.InitiativeDraft
    attachments: list  # initiatives.AttachmentInfo
    people: list  # PersonRow, people who left included (old initiatives name them)
    phases: dict[int, list[tuple[int, str]]]  # year → (phase number, name)
    fields: list[str]
    tags: list[str]


def initiative_form(db: Database, paths: DataPaths, initiative_id: str | None) -> InitiativeForm:
    from sqlalchemy import select

    from thidua_desktop.core import vntext
    from thidua_desktop.services import initiatives, roster
    from thidua_desktop.store.models import EmulationYear, Initiative

    draft = initiatives.get_initiative(db, initiative_id) if initiative_id else None
    attachments = initiatives.list_attachments(db, paths, initiative_id) if initiative_id else []
    people = roster.list_people(db, include_left=True)
    phases: dict[int, list[tuple[int, str]]] = {}
    with db.reading() as session:
        for record in session.scalars(select(EmulationYear)):
            phases[record.year] = sorted((p.number, p.name) for p in record.phases)
        fields = sorted({f for f in session.scalars(select(Initiative.field).distinct()) if f}, key=vntext.sort_key)
        tags = sorted({t for tags in session.scalars(select(Initiative.tags)) for t in (tags or ())},
                      key=vntext.sort_key)
    return InitiativeForm(draft, attachments, people, phases, fields, tags)


def save_initiative(db: Database, draft, today: date):
    from thidua_desktop.services import initiatives

    return initiatives.save_initiative(db, draft, today=today)


def delete_initiative(db: Database, paths: DataPaths, initiative_id: str) -> None:
    from thidua_desktop.services import initiatives

    initiatives.delete_initiative(db, initiative_id, paths)


def suggest_category(db: Database, person_id: str) -> str:
    from thidua_desktop.services import initiatives

    return initiatives.suggest_category(db, person_id)


def add_attachment(db: Database, paths: DataPaths, initiative_id: str, source: Path) -> list:
    """Attach a file; returns the initiative's attachments as they are now."""
    from thidua_desktop.services import initiatives

    initiatives.add_attachment(db, paths, initiative_id, Path(source))
    return initiatives.list_attachments(db, paths, initiative_id)


def remove_attachment(db: Database, paths: DataPaths, initiative_id: str, attachment_id: str) -> list:
    from thidua_desktop.services import initiatives

    initiatives.remove_attachment(db, paths, attachment_id)
    return initiatives.list_attachments(db, paths, initiative_id)


def export_attachment(db: Database, paths: DataPaths, attachment_id: str, target: Path) -> Path:
    """Copy an attachment out of the data folder (checked against its recorded digest)."""
    from thidua_desktop.services import initiatives

    return initiatives.export_attachment(db, paths, attachment_id, Path(target))


def open_attachment_copy(db: Database, paths: DataPaths, attachment_id: str, filename: str) -> Path:
    """A checked copy of an attachment in a temporary folder, for the system's viewer to open:
    the stored file itself is never handed to another program."""
    import tempfile

    from thidua_desktop.core.safe_names import safe_file_name

    folder = Path(tempfile.mkdtemp(prefix="thidua-dinh-kem-"))
    return export_attachment(db, paths, attachment_id, folder / safe_file_name(filename, "tep-dinh-kem"))


@dataclass
class InitiativesImport:
    """An initiatives file read and checked (``initiatives_io.InitiativesPreview``) and its sheets."""

    preview: object  # initiatives_io.InitiativesPreview
    sheets: list  # exchange.spreadsheet.SheetInfo


def preview_initiatives(db: Database, path: Path, sheet: str | None, default_year: int | None,
                        today: date) -> InitiativesImport:
    """Read and check an initiatives file; nothing is written. Reads the workbook here (not with
    ``initiatives_io.preview_file``) to keep the list of its sheets for the dialog."""
    from thidua_desktop.errors import InvalidInput
    from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook
    from thidua_desktop.services import initiatives_io

    try:
        with read_workbook(Path(path)) as workbook:
            preview = initiatives_io.preview_workbook(db, workbook, sheet, default_year=default_year, today=today)
            return InitiativesImport(preview, list(workbook.sheets))
    except SpreadsheetError as exc:
        raise InvalidInput(exc.message_vi) from exc


def commit_initiatives(db: Database, preview, today: date):
    from thidua_desktop.services import initiatives_io

    return initiatives_io.commit(db, preview, today=today)


def export_initiatives(db: Database, path: Path, year: int | None, today: date) -> int:
    """Write the register (or one year of it) to ``path``; a file that cannot be created raises ``OSError``."""
    from xlsxwriter.exceptions import FileCreateError

    from thidua_desktop.services import initiatives_io

    try:
        return initiatives_io.export_initiatives(db, Path(path), year=year, today=today)
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise OSError(cause.errno if cause else None, cause.strerror if cause else str(exc), str(path)) from exc
