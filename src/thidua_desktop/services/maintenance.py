"""Use cases for keeping the data safe: backup, restore, check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from thidua_desktop.paths import DataPaths
from thidua_desktop.store import backup, files, upgrade
from thidua_desktop.store.errors import StoreError
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


def unfinished_backups(paths: DataPaths) -> list[files.Unfinished]:
    """Partial copies (``*.part``, ``*.part-journal``) a killed backup left; removed at the next
    start once their writer is gone."""
    return files.unfinished_parts(paths.backups) + files.unfinished_parts(paths.root)


def latest_backup(paths: DataPaths) -> Path | None:
    """The newest backup that actually opens (neither damaged nor half-upgraded)."""
    return upgrade.usable_backup(paths)


def restore(paths: DataPaths, source: Path) -> Path | None:
    """Replace the data with a backup; returns where the replaced data was saved.

    Every connection to the database must be closed before calling this.
    """
    source = Path(source)
    report = backup.check_database(source)
    if report.ok and report.revision is not None:
        _revision, problems = upgrade.file_schema_problems(source)
        if problems:
            raise StoreError(
                f"Tệp {source} không dùng để khôi phục được: các bảng không khớp với lược đồ {report.revision} "
                f"đã ghi (có thể là bản chép lúc nâng cấp dở dang): {'; '.join(problems[:3])}. "
                "Dữ liệu hiện tại không bị thay đổi.")
    return backup.restore_backup(paths, source, known_revisions=known_revisions())


def check(paths: DataPaths) -> CheckReport:
    """Integrity, foreign keys, and the recorded revision against the tables and columns."""
    report = backup.check_database(paths.database)
    if report.error is None and report.integrity == ["ok"]:
        try:
            report.revision, report.schema = upgrade.file_schema_problems(paths.database)
        except sqlite3.DatabaseError as exc:
            report.error = f"SQLite báo lỗi: {exc}"
        if report.revision is not None and report.revision not in known_revisions():
            report.error = (f"Dữ liệu thuộc lược đồ {report.revision} của một phiên bản mới hơn; "
                            "phiên bản này không kiểm tra được.")
    return report
