"""One data folder: opening it, closing it, backing it up, restoring and checking it.

This module is the only owner of ``store.Database``: the GUI and the command line get the handle
of an open folder from here (``open_folder``, ``open_for_command``), pass it to the other
services, and give it back to ``close``. An opening that fails for a reason the user must be told
(a damaged file, data from a newer version, a folder that cannot be written) comes back as an
``OpenProblem`` in the result, never as an exception to catch.
"""

from __future__ import annotations

import enum
import inspect
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_desktop.errors import UserError
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import gui_lock
from thidua_desktop.store import backup, files, upgrade
from thidua_desktop.store.backup import BackupFile, CheckReport
from thidua_desktop.store.database import Database, known_revisions
from thidua_desktop.store.errors import CorruptDatabaseError, NewerSchemaError, StoreError

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.core.plan import PlanTemplate
    from thidua_desktop.services.dto import UnitProfile, YearOverview, YearSummary

__all__ = ["Database"]  # the handle of an open folder, passed to every service


# --- opening --------------------------------------------------------------------------------


class Problem(enum.StrEnum):
    DAMAGED = "damaged"  # not SQLite, or the integrity check failed: offer a backup
    NEWER = "newer"  # written by a newer version: this one must not touch it
    UNREADABLE = "unreadable"  # any other reason (a folder that cannot be written…)


@dataclass(frozen=True)
class OpenProblem:
    kind: Problem
    message: str  # Vietnamese, for the user
    database: Path
    latest_backup: Path | None = None  # DAMAGED: the newest backup that opens


@dataclass
class Opened:
    """An open folder with what the first screen shows, or the problem that kept it closed."""

    db: Database | None
    unit: UnitProfile | None = None
    years: list[YearSummary] | None = None
    year: int | None = None
    overview: YearOverview | None = None
    problem: OpenProblem | None = None

    def __post_init__(self) -> None:
        if self.years is None:
            self.years = []


# Databases opened by a worker thread. The GUI may quit before an opening reaches it (a fast exit
# while the start-up snapshot is shown); ``close_all`` at shutdown closes those too, so SQLite
# checkpoints and removes its WAL file.
_OPENED: set[Database] = set()


def _problem(paths: DataPaths, exc: StoreError) -> OpenProblem:
    if isinstance(exc, CorruptDatabaseError):
        return OpenProblem(Problem.DAMAGED, exc.message, exc.database, exc.latest_backup)
    if isinstance(exc, NewerSchemaError):
        return OpenProblem(Problem.NEWER, exc.message, exc.database)
    return OpenProblem(Problem.UNREADABLE, exc.message, paths.database)


def _open(paths: DataPaths) -> Database | OpenProblem:
    try:
        db = Database.open(paths)
    except StoreError as exc:
        return _problem(paths, exc)
    _OPENED.add(db)
    return db


def open_folder(paths: DataPaths) -> Opened:
    """Open the folder's database (upgrading it if it is older) and read what Tổng quan shows."""
    db = _open(paths)
    if isinstance(db, OpenProblem):
        return Opened(None, problem=db)
    return reload(db)


def reload(db: Database, year: int | None = None) -> Opened:
    """Read the unit, its years and the overview of ``year`` (or of the year to show first)."""
    from thidua_desktop.services import year as years_service

    try:
        unit = years_service.get_unit(db)
        summaries = years_service.list_years(db) if unit is not None else []
        if year is None or year not in {s.year for s in summaries}:
            year = years_service.current_year([s.year for s in summaries])
        data = years_service.overview(db, year) if year is not None else None
    except BaseException:
        close(db)
        raise
    return Opened(db, unit, summaries, year, data)


def build_demo(paths: DataPaths, progress: Callable[[int, str], None] | None = None) -> Opened:
    """Make the demonstration data (when the folder has no database yet) and open it.

    ``progress(percent, message)`` is called from the calling thread as the demo is built.
    """
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
    return open_folder(paths)


def set_up(db: Database, profile: UnitProfile, template: PlanTemplate, year: int) -> Opened:
    """The first run: the unit's profile and its first year from a plan template."""
    from thidua_desktop.services import year as years_service

    years_service.set_up(db, profile, template, year)
    return reload(db, year)


def close(db: Database | None) -> None:
    if db is not None:
        db.close()
        _OPENED.discard(db)


def close_all() -> None:
    for db in list(_OPENED):
        close(db)


# --- the command line -----------------------------------------------------------------------


@dataclass
class CommandFolder:
    db: Database
    gui_lock: gui_lock.GuiLock | None  # the window program holds the folder: the handle only reads


def open_for_command(paths: DataPaths) -> CommandFolder:
    """Open the database for one ``thidua`` command.

    While the window program holds the folder, the handle refuses every write (a command that
    only reads works as usual). A problem that keeps the folder closed is raised as the store's
    ``UserError``, which the command line shows.
    """
    db = Database.open(paths)
    held = gui_lock.holder(paths)
    if held is not None:
        db.make_read_only()
    return CommandFolder(db, held)


def refuse_while_gui_open(paths: DataPaths) -> None:
    """For changes made to the folder without the database (restore): refused while the window
    program holds it."""
    held = gui_lock.holder(paths)
    if held is not None:
        raise StoreError(held.message(paths))


# --- backups, restore, check ----------------------------------------------------------------


def backup_now(paths: DataPaths, out: Path | None = None) -> Path:
    made = backup.make_backup(paths, out)
    if out is None:
        backup.thin_backups(paths, protect=made)
    return made


def auto_backup(paths: DataPaths) -> Path | None:
    return backup.auto_backup(paths)


def list_backups(paths: DataPaths) -> list[BackupFile]:
    return backup.list_backups(paths)


def unfinished_backups(paths: DataPaths) -> list[files.Unfinished]:
    """Partial copies (``*.part``, ``*.part-journal``) a killed backup left; removed at the next
    start once their writer is gone."""
    return files.unfinished_parts(paths.backups) + files.unfinished_parts(paths.root)


def latest_backup(paths: DataPaths) -> Path | None:
    """The newest backup that actually opens (neither damaged nor half-upgraded)."""
    return upgrade.usable_backup(paths)


@dataclass(frozen=True)
class BackupCheck:
    """What a file chosen to be restored is worth, found without touching the data."""

    path: Path
    problem: str | None  # why it cannot be restored (Vietnamese); None when it can

    @property
    def ok(self) -> bool:
        return self.problem is None


def check_backup(source: Path) -> BackupCheck:
    """Check a candidate backup read-only, as :func:`restore` would, before the user is asked to
    replace their data: a SQLite file, intact, written by this program, of a schema this version
    knows, its tables matching the recorded schema (not a copy taken half-way through an upgrade)."""
    source = Path(source)
    problem = backup.restore_problem(source, known_revisions=known_revisions())
    if problem is None:
        try:
            revision, problems = upgrade.file_schema_problems(source)
        except sqlite3.DatabaseError as exc:
            revision, problems = None, [f"SQLite báo lỗi: {exc}"]
        if problems:
            problem = (
                f"Tệp {source} không dùng để khôi phục được: các bảng không khớp với lược đồ {revision} "
                f"đã ghi (có thể là bản chép lúc nâng cấp dở dang): {'; '.join(problems[:3])}. "
                "Dữ liệu hiện tại không bị thay đổi."
            )
    return BackupCheck(source, problem)


def restore(paths: DataPaths, source: Path) -> Path | None:
    """Replace the data with a backup; returns where the replaced data was saved.

    Every connection to the database must be closed before calling this.
    """
    found = check_backup(source)
    if found.problem is not None:
        raise StoreError(found.problem)
    return backup.restore_backup(paths, found.path, known_revisions=known_revisions())


def check(paths: DataPaths) -> CheckReport:
    """Integrity, foreign keys, and the recorded revision against the tables and columns."""
    report = backup.check_database(paths.database)
    if report.error is None and report.integrity == ["ok"]:
        try:
            report.revision, report.schema = upgrade.file_schema_problems(paths.database)
        except sqlite3.DatabaseError as exc:
            report.error = f"SQLite báo lỗi: {exc}"
        if report.revision is not None and report.revision not in known_revisions():
            report.error = (
                f"Dữ liệu thuộc lược đồ {report.revision} của một phiên bản mới hơn; phiên bản này không kiểm tra được."
            )
    return report


@dataclass(frozen=True)
class BackupRow:
    path: Path
    taken_at: datetime
    kind: str
    size: int | None  # bytes; None when the file could not be read


def backup_rows(paths: DataPaths) -> list[BackupRow]:
    """The backups with their sizes, newest first, for a list the user chooses from."""
    rows = []
    for found in list_backups(paths):
        try:
            size = found.path.stat().st_size
        except OSError:
            size = None
        rows.append(BackupRow(found.path, found.taken_at, found.kind, size))
    return rows


@dataclass
class RestoreOutcome:
    saved: Path | None  # where the replaced data was copied
    opened: Opened | None
    error: UserError | None = None  # the restore was refused; ``opened`` is the old data again


def restore_and_open(paths: DataPaths, db: Database | None, source: Path, year: int | None = None) -> RestoreOutcome:
    """Close the open folder, replace its data with ``source``, open it again on ``year``.

    If the restore is refused, the current data is opened again and the refusal returned.
    """
    if db is not None:
        close(db)
    try:
        saved = restore(paths, Path(source))
    except UserError as exc:
        return RestoreOutcome(None, open_folder(paths) if db is not None else None, exc)
    opened = open_folder(paths)
    if (
        year is not None
        and opened.db is not None
        and opened.year != year
        and year in {s.year for s in opened.years or []}
    ):
        opened = reload(opened.db, year)
    return RestoreOutcome(saved, opened)
