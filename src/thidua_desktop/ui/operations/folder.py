"""Opening, closing, backing up and restoring the data folder (``services.data_folder``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_desktop.paths import DataPaths

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.core.plan import PlanTemplate
    from thidua_desktop.services.data_folder import BackupCheck, BackupRow, Database, Opened, RestoreOutcome
    from thidua_desktop.services.dto import UnitProfile


def preload() -> None:
    """Import the heavy modules while the window is being built."""
    import thidua_desktop.services.data_folder
    import thidua_desktop.services.roster
    import thidua_desktop.services.year  # noqa: F401


def open_folder(paths: DataPaths) -> Opened:
    from thidua_desktop.services import data_folder

    return data_folder.open_folder(paths)


def build_demo(paths: DataPaths, progress: Callable[[int, str], None] | None = None) -> Opened:
    from thidua_desktop.services import data_folder

    return data_folder.build_demo(paths, progress)


def set_up(db: Database, profile: UnitProfile, template: PlanTemplate, year: int) -> Opened:
    from thidua_desktop.services import data_folder

    return data_folder.set_up(db, profile, template, year)


def reload(db: Database, year: int | None) -> Opened:
    from thidua_desktop.services import data_folder

    return data_folder.reload(db, year)


def close(db: Database | None) -> None:
    from thidua_desktop.services import data_folder

    data_folder.close(db)


def close_all() -> None:
    """At shutdown: every database a worker opened, reached by the GUI or not."""
    from thidua_desktop.services import data_folder

    data_folder.close_all()


def auto_backup(paths: DataPaths) -> Path | None:
    from thidua_desktop.services import data_folder

    return data_folder.auto_backup(paths)


def list_backups(paths: DataPaths) -> list[BackupRow]:
    from thidua_desktop.services import data_folder

    return data_folder.backup_rows(paths)


def backup_now(paths: DataPaths) -> Path:
    from thidua_desktop.services import data_folder

    return data_folder.backup_now(paths)


def check(paths: DataPaths):
    from thidua_desktop.services import data_folder

    return data_folder.check(paths)


def check_backup(source: Path) -> BackupCheck:
    """Whether a chosen file can be restored, read-only (asked before the replace question)."""
    from thidua_desktop.services import data_folder

    return data_folder.check_backup(source)


def restore(paths: DataPaths, db: Database | None, source: Path, year: int | None = None) -> RestoreOutcome:
    from thidua_desktop.services import data_folder

    return data_folder.restore_and_open(paths, db, source, year)


@dataclass
class DocumentsData:
    unit: UnitProfile | None
    backups: list[BackupRow] = field(default_factory=list)


def documents(db: Database, paths: DataPaths) -> DocumentsData:
    from thidua_desktop.services import data_folder
    from thidua_desktop.services import year as years_service

    return DocumentsData(years_service.get_unit(db), data_folder.backup_rows(paths))
