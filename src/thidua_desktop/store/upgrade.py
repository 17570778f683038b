"""Schema upgrades that cannot half-happen, and the check of a schema against its revision.

An older database is never migrated in place. :func:`upgrade`

1. refuses a file whose tables do not match its recorded revision (left half-upgraded by an
   older version of the program), naming a backup that does open;
2. takes the pre-upgrade backup ``backups/truoc-nang-cap-<rev>-….sqlite`` once for that data:
   a marker beside the database (``thidua.sqlite.nang-cap.json``) remembers which file it
   went to and which state of the database it copies, so an upgrade tried again after a kill or
   a failure reuses it instead of taking another full copy;
3. copies the database to ``thidua.sqlite.nang-cap-<pid>``, runs every migration on the copy,
   checks it (integrity, revision, every table and column of the head schema), flushes it to
   the disk, and only then swaps it in with one atomic ``os.replace`` after every connection
   to the old file is closed (Windows cannot replace an open file).

A kill at any instant leaves either the old database or the new one; the copy of a killed
attempt is removed by :func:`remove_leftovers` at the next open.

The tables and columns expected at each revision come from running the migrations on an
empty scratch database (:func:`expected_schemas`), so they follow every new migration.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from thidua_desktop.paths import DataPaths
from thidua_desktop.store import backup, files
from thidua_desktop.store.errors import CorruptDatabaseError, StoreError

WORK_INFIX = ".nang-cap-"
MARKER_SUFFIX = ".nang-cap.json"


class UpgradeError(StoreError):
    """The upgrade did not finish; the database was not changed."""

    def __init__(self, message: str, backup_path: Path | None = None) -> None:
        super().__init__(message)
        self.backup_path = backup_path


# --- what each revision's schema holds -----------------------------------------------------

_EXPECTED: dict[str, dict[str, frozenset[str]]] | None = None


def read_schema(con: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Tables (but Alembic's own and SQLite's) and their column names."""
    names = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        )
    ]
    return {name: frozenset(row[1] for row in con.execute(f'PRAGMA table_info("{name}")')) for name in names}


def _cache_file() -> Path:
    """Where the expected schemas are kept between runs, named for the migration scripts' content."""
    from thidua_desktop.store.database import MIGRATIONS_DIR

    digest = hashlib.sha256()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(script.name.encode() + b"\0" + script.read_bytes() + b"\0")
    import platformdirs

    from thidua_desktop import APP_NAME

    folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"luoc-do-{digest.hexdigest()[:24]}.json"


def _load_cached(cache: Path) -> dict[str, dict[str, frozenset[str]]] | None:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return {
            str(rev): {str(t): frozenset(map(str, cols)) for t, cols in tables.items()} for rev, tables in data.items()
        }
    except (OSError, ValueError, AttributeError, TypeError):
        return None


def expected_schemas() -> dict[str, dict[str, frozenset[str]]]:
    """Revision → tables → columns, oldest revision first (migrations run on a scratch file,
    once per set of migration scripts; the result is kept in the per-user cache folder)."""
    global _EXPECTED
    if _EXPECTED is None:
        try:
            cache = _cache_file()
        except OSError:
            cache = None
        cached = _load_cached(cache) if cache is not None else None
        if cached:
            _EXPECTED = cached
            return _EXPECTED
        from alembic import command
        from alembic.script import ScriptDirectory

        from thidua_desktop.store.database import alembic_config, make_engine

        script = ScriptDirectory.from_config(alembic_config())
        revisions = [rev.revision for rev in script.walk_revisions()][::-1]
        result: dict[str, dict[str, frozenset[str]]] = {}
        with tempfile.TemporaryDirectory(prefix="thidua-luoc-do-") as tmp:
            scratch = Path(tmp) / "scratch.sqlite"
            engine = make_engine(scratch)
            try:
                for revision in revisions:
                    command.upgrade(alembic_config(engine), revision)
                    with engine.connect() as conn:
                        result[revision] = read_schema(conn.connection.driver_connection)
            finally:
                engine.dispose()
        _EXPECTED = result
        if cache is not None:
            try:
                with files.atomic_write(cache, durable=False) as tmp:
                    tmp.write_text(
                        json.dumps({rev: {t: sorted(c) for t, c in tables.items()} for rev, tables in result.items()}),
                        encoding="utf-8",
                    )
            except OSError:
                pass
    return _EXPECTED


def schema_problems(con: sqlite3.Connection, revision: str | None) -> list[str]:
    """How the tables differ from those of ``revision`` (Vietnamese, one line each); [] if
    they match. A revision this program does not know (a newer program's) is not judged."""
    actual = read_schema(con)
    if revision is None:
        return ["có bảng dữ liệu nhưng không có thông tin phiên bản lược đồ"] if actual else []
    schemas = expected_schemas()
    if revision not in schemas:
        return []
    expected = schemas[revision]
    order = list(schemas)
    later: dict[str, str] = {}
    for rev in order[order.index(revision) + 1 :]:
        for table in schemas[rev]:
            if table not in expected:
                later.setdefault(table, rev)
    problems = []
    for table in sorted(expected.keys() - actual.keys()):
        problems.append(f"thiếu bảng {table} của lược đồ {revision}")
    for table in sorted(actual.keys() - expected.keys()):
        if table in later:
            problems.append(f"có bảng {table} của lược đồ {later[table]}, mới hơn lược đồ {revision} đã ghi")
        else:
            problems.append(f"có bảng lạ {table}")
    for table in sorted(expected.keys() & actual.keys()):
        missing = expected[table] - actual[table]
        extra = actual[table] - expected[table]
        if missing:
            problems.append(f"bảng {table} thiếu cột {', '.join(sorted(missing))}")
        if extra:
            problems.append(f"bảng {table} có cột {', '.join(sorted(extra))} không thuộc lược đồ {revision}")
    if revision == order[-1]:
        problems += [line for line in model_problems(actual, revision) if line not in problems]
    return problems


def model_problems(actual: dict[str, frozenset[str]], revision: str) -> list[str]:
    """Tables and columns of the models (the head schema) missing from ``actual``."""
    from thidua_desktop.store.models import Base

    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name not in actual:
            problems.append(f"thiếu bảng {table.name} của lược đồ {revision}")
        else:
            missing = {c.name for c in table.columns} - actual[table.name]
            if missing:
                problems.append(f"bảng {table.name} thiếu cột {', '.join(sorted(missing))}")
    return problems


def file_schema_problems(database: Path) -> tuple[str | None, list[str]]:
    """(recorded revision, problems) of a database file, read-only."""
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        except sqlite3.DatabaseError:
            revision = None
        return revision, schema_problems(con, revision)
    finally:
        con.close()


def usable(path: Path) -> bool:
    """A file this program opens: SQLite, intact, a known revision matching its tables."""
    if not path.is_file() or not backup.looks_like_sqlite(path) or path.stat().st_size == 0:
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if [row[0] for row in con.execute("PRAGMA quick_check")] != ["ok"]:
                return False
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
            if revision not in expected_schemas():
                return False
            return not schema_problems(con, revision)
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def usable_backup(paths: DataPaths) -> Path | None:
    """The newest backup that actually opens (not a damaged or a half-upgraded copy)."""
    for found in backup.list_backups(paths):
        if found.kind != "corrupt" and usable(found.path):
            return found.path
    return None


# --- leftovers -----------------------------------------------------------------------------


def _work_re(paths: DataPaths) -> re.Pattern[str]:
    # thidua.sqlite.nang-cap-<pid> (a migration copy), thidua.sqlite.<pid>.restore (a restore's)
    return re.compile(
        rf"^{re.escape(paths.database.name)}(?:{re.escape(WORK_INFIX)}(\d+)|\.(\d+)\.restore)"
        rf"(?:-journal|-wal|-shm)?$"
    )


def work_file(paths: DataPaths) -> Path:
    return paths.database.with_name(f"{paths.database.name}{WORK_INFIX}{os.getpid()}")


def marker_file(paths: DataPaths) -> Path:
    return paths.database.with_name(paths.database.name + MARKER_SUFFIX)


def remove_leftovers(paths: DataPaths) -> list[Path]:
    """Remove what killed processes left: partial backups (``*.part``, ``*.part-journal``) and
    migration copies. Files of a process still running are left alone."""
    removed = files.remove_unfinished(paths.backups) + files.remove_unfinished(paths.root)
    pattern = _work_re(paths)
    try:
        entries = list(paths.root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match and not files.pid_alive(int(match.group(1) or match.group(2))) and files.remove_quietly(entry):
            removed.append(entry)
    return removed


# --- the upgrade ---------------------------------------------------------------------------


def _fingerprint(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _remove_with_sidecars(path: Path) -> None:
    for candidate in [path, *(Path(f"{path}{s}") for s in files.SIDECARS)]:
        files.remove_quietly(candidate)


def _write_marker(paths: DataPaths, data: dict) -> None:
    with files.atomic_write(marker_file(paths)) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def pre_upgrade_backup(paths: DataPaths, revision: str, fingerprint: list[int]) -> Path:
    """The copy of the data as it is before the upgrade: taken once, reused by every retry."""
    try:
        data = json.loads(marker_file(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if (
        isinstance(data, dict)
        and data.get("from") == revision
        and data.get("source") == fingerprint
        and isinstance(data.get("backup"), str)
        and "/" not in data["backup"]
        and "\\" not in data["backup"]
    ):
        target = paths.backups / data["backup"]
        if target.is_file() and backup.looks_like_sqlite(target) and target.stat().st_size > 0:
            return target
    else:
        paths.backups.mkdir(parents=True, exist_ok=True)
        target = backup._unique(paths.backups, f"{backup.PRE_MIGRATION_PREFIX}{revision}-", datetime.now())
        _write_marker(paths, {"from": revision, "source": fingerprint, "backup": target.name})
    return backup.copy_database(paths.database, target)


def _migrate_copy(work: Path, head: str, *, fresh: bool) -> None:
    from alembic import command

    from thidua_desktop.store.database import alembic_config, current_revision, make_engine

    engine = make_engine(work)
    try:
        command.upgrade(alembic_config(engine), "head")
        revision = current_revision(engine)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            check = [row[0] for row in raw.execute("PRAGMA quick_check")]
            # a new file is what the migrations make from nothing: only the models to compare with
            problems = model_problems(read_schema(raw), head) if fresh else schema_problems(raw, revision)
    finally:
        engine.dispose()
    if check != ["ok"]:
        raise StoreError("bản nâng cấp không qua kiểm tra toàn vẹn: " + "; ".join(check[:3]))
    if revision != head:
        raise StoreError(f"bản nâng cấp dừng ở lược đồ {revision} thay vì {head}")
    if problems:
        raise StoreError("bản nâng cấp không đúng lược đồ mới: " + "; ".join(problems[:3]))
    if Path(f"{work}-wal").exists():
        raise StoreError("bản nâng cấp vẫn còn đang được mở")
    files.fsync_file(work)


def _replace(source: Path, target: Path) -> None:
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:  # Windows: a virus scanner or an indexer holds the file a moment
            if attempt == 9:
                raise
            time.sleep(0.2 * (attempt + 1))


def upgrade(engine: Engine, paths: DataPaths, current: str | None, head: str) -> Engine:
    """Bring the database to ``head``; return an engine on the upgraded file. ``engine`` is
    disposed. ``current`` None is a new, empty database (built the same way, so a kill during
    the first start leaves an empty file, not a half-made one)."""
    from thidua_desktop.store.database import current_revision, make_engine

    db = paths.database
    if current is not None:
        with engine.connect() as conn:
            problems = schema_problems(conn.connection.driver_connection, current)
        if problems:
            engine.dispose()
            raise CorruptDatabaseError(
                db,
                f"các bảng không khớp với lược đồ {current} đã ghi, có thể do một lần nâng cấp bị "
                f"gián đoạn: {'; '.join(problems[:3])}",
                usable_backup(paths),
            )
    engine.dispose()
    for _attempt in range(3):
        if Path(f"{db}-wal").exists():
            raise StoreError(
                f"Tệp dữ liệu {db} đang được một chương trình khác mở (có thể là cửa sổ thidua-desktop), "
                "nên chưa nâng cấp được. Hãy đóng chương trình đó rồi mở lại. Dữ liệu chưa bị thay đổi."
            )
        before = _fingerprint(db)
        saved = pre_upgrade_backup(paths, current, before) if current is not None else None
        work = work_file(paths)
        _remove_with_sidecars(work)
        try:
            if current is not None:
                backup.copy_database(db, work)
            _migrate_copy(work, head, fresh=current is None)
        except Exception as exc:
            _remove_with_sidecars(work)
            detail = getattr(exc, "message", None) or str(getattr(exc, "orig", None) or exc)
            kept = f" Bản sao trước nâng cấp: {saved}." if saved else ""
            raise UpgradeError(
                f"Không nâng cấp được dữ liệu lên phiên bản mới ({detail}). Tệp dữ liệu {db} không bị "
                f"thay đổi; lần mở sau sẽ thử lại.{kept}",
                saved,
            ) from exc
        if _fingerprint(db) != before:  # another process upgraded or wrote it meanwhile
            _remove_with_sidecars(work)
            probe = make_engine(db)
            try:
                current = current_revision(probe)
            finally:
                probe.dispose()
            if current == head:
                break
            continue
        try:
            _replace(work, db)
        except OSError as exc:
            _remove_with_sidecars(work)
            raise UpgradeError(
                f"Không thay được tệp dữ liệu {db} bằng bản đã nâng cấp ({exc.strerror or exc}). "
                "Hãy đóng mọi chương trình đang mở tệp này rồi mở lại. Dữ liệu không bị thay đổi.",
                saved,
            ) from exc
        files.fsync_dir(db.parent)
        break
    else:
        raise UpgradeError(
            f"Tệp dữ liệu {db} thay đổi liên tục trong lúc nâng cấp; hãy đóng các chương trình "
            "khác đang mở nó rồi mở lại. Dữ liệu không bị thay đổi."
        )
    files.remove_quietly(marker_file(paths))
    return make_engine(db)
