"""Online backups with SQLite's backup API, thinning, restore and integrity checks.

Backups are complete SQLite files in ``<data>/backups``. Their names carry the time they were
taken, so the folder itself is the catalogue:

- ``thidua-20210704-163000.sqlite``            automatic or manual backup (thinned);
- ``truoc-nang-cap-0001-20210704-163000.sqlite`` copy taken before a schema migration (kept);
- ``truoc-khoi-phuc-20210704-163000.sqlite``   copy of the data replaced by a restore (kept).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from thidua_desktop.paths import DataPaths
from thidua_desktop.store import files
from thidua_desktop.store.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
AUTO_PREFIX = "thidua-"
PRE_MIGRATION_PREFIX = "truoc-nang-cap-"
PRE_RESTORE_PREFIX = "truoc-khoi-phuc-"
CORRUPT_PREFIX = "hong-"
_STAMP = "%Y%m%d-%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}-\d{6})(?:-\d+)?\.sqlite$")

DEFAULT_INTERVAL = timedelta(hours=4)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str  # "auto" | "pre-migration" | "pre-restore" | "corrupt"


def _stamp(now: datetime) -> str:
    return now.strftime(_STAMP)


def _unique(folder: Path, prefix: str, now: datetime) -> Path:
    candidate = folder / f"{prefix}{_stamp(now)}.sqlite"
    n = 1
    while candidate.exists():
        candidate = folder / f"{prefix}{_stamp(now)}-{n}.sqlite"
        n += 1
    return candidate


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return head == SQLITE_HEADER or (head == b"" and path.stat().st_size == 0)


def list_backups(paths: DataPaths) -> list[BackupFile]:
    """All backups, newest first."""
    if not paths.backups.is_dir():
        return []
    kinds = (
        (PRE_MIGRATION_PREFIX, "pre-migration"),
        (PRE_RESTORE_PREFIX, "pre-restore"),
        (CORRUPT_PREFIX, "corrupt"),
        (AUTO_PREFIX, "auto"),
    )
    found: list[BackupFile] = []
    for entry in paths.backups.iterdir():
        match = _STAMP_RE.search(entry.name)
        if not entry.is_file() or not match:
            continue
        kind = next((k for prefix, k in kinds if entry.name.startswith(prefix)), None)
        if kind is None:
            continue
        taken = datetime.strptime(match.group(1), _STAMP)
        found.append(BackupFile(entry, taken, kind))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def latest_backup(paths: DataPaths) -> Path | None:
    """Newest backup that is a readable SQLite file (used to rescue a damaged database)."""
    for backup in list_backups(paths):
        if backup.kind != "corrupt" and looks_like_sqlite(backup.path):
            return backup.path
    return None


def copy_database(source: Path, destination: Path) -> Path:
    """Consistent copy of a live database through the SQLite backup API (safe while in use)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Named for this process: a later start removes it only once this process is gone. The data is
    # on the disk before the name says it is complete.
    with files.atomic_write(destination) as tmp:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    return destination


def make_backup(
    paths: DataPaths, out: Path | None = None, *, now: datetime | None = None, prefix: str = AUTO_PREFIX
) -> Path:
    if not paths.database.exists():
        raise StoreError(f"Chưa có dữ liệu để sao lưu trong {paths.root}.")
    now = now or datetime.now()
    paths.backups.mkdir(parents=True, exist_ok=True)
    target = Path(out) if out else _unique(paths.backups, prefix, now)
    return copy_database(paths.database, target)


def backups_to_keep(
    stamps: Iterable[datetime],
    now: datetime,
    *,
    recent: timedelta = timedelta(days=1),
    days: int = 7,
    weeks: int = 5,
    months: int = 12,
) -> set[datetime]:
    """Thinning policy: everything from the last day, then the newest backup of each of the
    last ``days`` days, ``weeks`` ISO weeks and ``months`` months. The newest is always kept."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[:1])
    seen_day: set = set()
    seen_week: set = set()
    seen_month: set = set()
    for stamp in ordered:
        age = now - stamp
        if age <= recent:
            keep.add(stamp)
        day = stamp.date()
        week = stamp.isocalendar()[:2]
        month = (stamp.year, stamp.month)
        if age <= timedelta(days=days) and day not in seen_day:
            keep.add(stamp)
        if age <= timedelta(weeks=weeks) and week not in seen_week:
            keep.add(stamp)
        if age <= timedelta(days=31 * months) and month not in seen_month:
            keep.add(stamp)
        seen_day.add(day)
        seen_week.add(week)
        seen_month.add(month)
    return keep


def thin_backups(paths: DataPaths, *, now: datetime | None = None, protect: Path | None = None) -> list[Path]:
    """Delete automatic backups the policy no longer keeps; return what was removed.

    ``protect`` (the backup just made) is never removed, even when another one was taken in
    the same second.
    """
    now = now or datetime.now()
    autos = [b for b in list_backups(paths) if b.kind == "auto"]
    keep = backups_to_keep((b.taken_at for b in autos), now)
    removed = []
    kept_stamps: set[datetime] = set()
    if protect is not None:
        autos.sort(key=lambda b: b.path != protect)  # stable: the protected one first, order kept
    for backup in autos:  # newest first: of same-second duplicates keep one
        if backup.path == protect or (backup.taken_at in keep and backup.taken_at not in kept_stamps):
            kept_stamps.add(backup.taken_at)
            continue
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def auto_backup(
    paths: DataPaths, *, interval: timedelta = DEFAULT_INTERVAL, now: datetime | None = None
) -> Path | None:
    """Take a backup if the newest automatic one is older than ``interval``; then thin."""
    now = now or datetime.now()
    if not paths.database.exists():
        return None
    autos = [b for b in list_backups(paths) if b.kind == "auto"]
    if autos and now - autos[0].taken_at < interval:
        return None
    made = make_backup(paths, now=now)
    thin_backups(paths, now=now, protect=made)
    return made


@dataclass
class CheckReport:
    database: Path
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    revision: str | None = None
    error: str | None = None
    # How the tables differ from those the recorded revision has (filled by services.data_folder).
    schema: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and self.integrity == ["ok"] and not self.foreign_keys and not self.schema


def check_database(database: Path) -> CheckReport:
    """PRAGMA integrity_check and foreign_key_check, read-only."""
    report = CheckReport(database)
    if not database.exists():
        report.error = f"Không tìm thấy tệp dữ liệu {database}."
        return report
    if not looks_like_sqlite(database):
        report.error = "Tệp không phải cơ sở dữ liệu SQLite."
        return report
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            report.integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
            report.foreign_keys = [
                f"bảng {row[0]}, dòng {row[1]} trỏ tới {row[2]} không tồn tại"
                for row in con.execute("PRAGMA foreign_key_check")
            ]
            try:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                report.revision = row[0] if row else None
            except sqlite3.DatabaseError:
                report.revision = None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        report.error = f"SQLite báo lỗi: {exc}"
    return report


def _remove_sidecars(database: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(database) + suffix).unlink(missing_ok=True)


def restore_problem(source: Path, *, known_revisions: set[str]) -> str | None:
    """Why ``source`` cannot be restored (Vietnamese), or None; read-only, the data is not touched."""
    source = Path(source)
    if not source.is_file():
        return f"Không tìm thấy tệp sao lưu {source}."
    report = check_database(source)
    if not report.ok:
        detail = report.error or "; ".join(report.integrity + report.foreign_keys)
        return f"Tệp {source} không dùng để khôi phục được: {detail.rstrip('.')}. Dữ liệu hiện tại không bị thay đổi."
    if report.revision is None:
        return f"Tệp {source} không phải bản sao lưu của chương trình. Dữ liệu hiện tại không bị thay đổi."
    if report.revision not in known_revisions:
        return (
            f"Tệp {source} được tạo bởi phiên bản mới hơn của chương trình (lược đồ {report.revision}). "
            "Dữ liệu hiện tại không bị thay đổi."
        )
    return None


def restore_backup(
    paths: DataPaths, source: Path, *, known_revisions: set[str], now: datetime | None = None
) -> Path | None:
    """Replace the data with ``source``. The current data is copied aside first (returned).

    The caller must have closed every connection to the database.
    """
    source = Path(source)
    problem = restore_problem(source, known_revisions=known_revisions)
    if problem is not None:
        raise StoreError(problem)
    now = now or datetime.now()
    paths.ensure()
    saved: Path | None = None
    if paths.database.exists():
        if looks_like_sqlite(paths.database) and check_database(paths.database).error is None:
            saved = copy_database(paths.database, _unique(paths.backups, PRE_RESTORE_PREFIX, now))
        else:
            saved = _unique(paths.backups, CORRUPT_PREFIX, now)
            shutil.copy2(paths.database, saved)
    # Named for this process: a copy left by a killed restore is removed at the next start.
    staged = paths.database.with_name(f"{paths.database.name}.{os.getpid()}.restore")
    copy_database(source, staged)
    _remove_sidecars(paths.database)
    os.replace(staged, paths.database)
    return saved
