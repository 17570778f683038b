"""The one place the SQLite engine is built, migrated and handed out.

``Database.open(paths)`` checks the file, refuses a damaged or newer database without
touching it, copies the file aside and applies Alembic migrations when the schema is old,
and returns an object whose :meth:`Database.transaction` wraps one user action.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from thidua_desktop.core import vntext
from thidua_desktop.paths import DataPaths
from thidua_desktop.store import backup, text_rules
from thidua_desktop.store.errors import CorruptDatabaseError, NewerSchemaError, StoreError
from thidua_desktop.store.models import AuditEntry, Person, Record

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
# The newest Alembic revision. Kept here so that an up-to-date database opens without loading
# Alembic (about 0.2 s of start-up); tests/test_migrations.py checks it against the scripts.
HEAD_REVISION = "0008"


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(database: Path) -> Engine:
    engine = create_engine(f"sqlite:///{database}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# --- normalisation and audit ---------------------------------------------------------------


def _jsonable(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    return value


def _normalise(obj, *, new: bool = True) -> None:
    # NFC, no control/escape/bidi/zero-width characters, each field's maximum length (ValidationError)
    text_rules.clean_record(obj, new=new)
    if isinstance(obj, Person):
        obj.family_middle = vntext.nfc(obj.family_middle or "")
        obj.given_name = vntext.nfc(obj.given_name or "")
        obj.search_key = vntext.search_key(vntext.join_name(obj.family_middle, obj.given_name))
        obj.sort_key = vntext.person_sort_key(obj.family_middle, obj.given_name)


_SKIP_AUDIT = {"created_at", "updated_at", "search_key", "sort_key"}


def _audit(session: Session, obj, operation: str) -> None:
    state = inspect(obj)
    changes: dict[str, object] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_AUDIT:
            continue
        if operation == "update":
            hist = state.attrs[key].history
            if hist.has_changes():
                before = hist.deleted[0] if hist.deleted else None
                after = hist.added[0] if hist.added else None
                if before != after:
                    changes[key] = [_jsonable(before), _jsonable(after)]
        elif operation == "insert":
            changes[key] = _jsonable(getattr(obj, key))
    if operation == "update" and not changes:
        return
    session.add(
        AuditEntry(
            actor=session.info.get("actor", ""),
            action=session.info.get("action", ""),
            entity=obj.__tablename__,
            entity_id=str(obj.id),
            operation=operation,
            changes=changes if operation != "delete" else {},
        )
    )


def _before_flush(session: Session, _context, _instances) -> None:
    for obj in list(session.new):
        if isinstance(obj, Record):
            if obj.id is None:
                obj.id = uuid4()
            _normalise(obj)
            _audit(session, obj, "insert")
    for obj in list(session.dirty):
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            _normalise(obj, new=False)
            _audit(session, obj, "update")
    for obj in list(session.deleted):
        if isinstance(obj, Record):
            _audit(session, obj, "delete")


# --- the database ---------------------------------------------------------------------------


class Database:
    def __init__(self, paths: DataPaths, engine: Engine, *, actor: str) -> None:
        self.paths = paths
        self.engine = engine
        self.actor = actor
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _before_flush)

    @classmethod
    def open(cls, paths: DataPaths, *, actor: str | None = None) -> "Database":
        from thidua_desktop.store import upgrade

        paths.ensure()
        upgrade.remove_leftovers(paths)  # partial backups and migration copies of killed processes
        db_file = paths.database
        if db_file.exists() and not backup.looks_like_sqlite(db_file):
            raise CorruptDatabaseError(db_file, "tệp không có định dạng SQLite", upgrade.usable_backup(paths))
        engine = make_engine(db_file)
        try:
            with engine.connect() as conn:
                result = conn.execute(text("PRAGMA quick_check")).scalars().all()
            if result != ["ok"]:
                raise CorruptDatabaseError(db_file, "; ".join(result[:3]), upgrade.usable_backup(paths))
            engine = _migrate(engine, paths)
        except SADatabaseError as exc:
            engine.dispose()
            raise CorruptDatabaseError(db_file, str(exc.orig), upgrade.usable_backup(paths)) from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(paths, engine, actor=actor or _default_actor())

    def session(self) -> Session:
        session = self._sessions()
        session.info["actor"] = self.actor
        return session

    @contextmanager
    def transaction(self, action: str = "") -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with self.session() as session:
            session.info["action"] = action
            with session.begin():
                yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.session() as session:
            yield session

    @property
    def revision(self) -> str | None:
        return current_revision(self.engine)

    def make_read_only(self) -> None:
        """Every connection made from now on refuses to write (``PRAGMA query_only``)."""

        def _query_only(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA query_only=ON")
            cursor.close()

        event.listen(self.engine, "connect", _query_only)
        self.engine.dispose()  # the connections opened so far could still write

    def close(self) -> None:
        self.engine.dispose()


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows set-ups
        return ""


def _migrate(engine: Engine, paths: DataPaths) -> Engine:
    """Return an engine on an up-to-date database (a new one when the file was upgraded).

    The upgrade runs on a copy swapped in atomically (store/upgrade.py): a kill at any instant
    leaves the old database or the new one, never a half-upgraded file."""
    from thidua_desktop.store import upgrade

    current = current_revision(engine)
    if current == HEAD_REVISION:
        marker = upgrade.marker_file(paths)
        if marker.exists():  # an upgrade killed after the swap, before tidying up
            marker.unlink(missing_ok=True)
        return engine
    if current is not None and current not in known_revisions():
        raise NewerSchemaError(paths.database, current)
    if current is None:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise CorruptDatabaseError(
                paths.database, "không có thông tin phiên bản lược đồ", upgrade.usable_backup(paths)
            )
    return upgrade.upgrade(engine, paths, current, HEAD_REVISION)
