"""Use cases for keeping the data safe: backup, restore, check."""

from __future__ import annotations

from pathlib import Path

from thidua_desktop.paths import DataPaths
from thidua_desktop.store import backup
from thidua_desktop.store.backup import BackupFile, CheckReport
from thidua_desktop.store.database import known_revisions


def backup_now(paths: DataPaths, out: Path | None = None) -> Path:
    made = backup.make_backup(paths, out)
    if out is None:
        backup.thin_backups(paths, protect=made)
    return made


def auto_backup(paths: DataPaths) -> Path | None:
    return backup.auto_backup(paths)


def list_backups(paths: DataPaths) -> list[BackupFile]:
    return backup.list_backups(paths)


def latest_backup(paths: DataPaths) -> Path | None:
    return backup.latest_backup(paths)


def restore(paths: DataPaths, source: Path) -> Path | None:
    """Replace the data with a backup; returns where the replaced data was saved.

    Every connection to the database must be closed before calling this.
    """
    return backup.restore_backup(paths, Path(source), known_revisions=known_revisions())


def check(paths: DataPaths) -> CheckReport:
    return backup.check_database(paths.database)
