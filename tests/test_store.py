"""The store: SQLite settings, UUIDs, NFC, audit, transactions, refusal of bad files."""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid

import pytest
from sqlalchemy import select, text

from thidua_desktop.services import year
from thidua_desktop.store import backup
from thidua_desktop.store.database import Database, head_revision
from thidua_desktop.store.errors import CorruptDatabaseError, NewerSchemaError, ValidationError
from thidua_desktop.store.models import AuditEntry, Person, Unit


def test_sqlite_settings(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_new_database_is_at_head(db):
    assert db.revision == head_revision()


def test_records_get_uuid_and_nfc_text(db, profile):
    nfd_name = unicodedata.normalize("NFD", "Công đoàn cơ sở Trường THCS Gia Sinh")
    profile.name = nfd_name
    year.save_unit(db, profile)
    with db.reading() as s:
        unit = s.scalars(select(Unit)).one()
        assert isinstance(unit.id, uuid.UUID)
        assert unit.name == unicodedata.normalize("NFC", nfd_name)
        assert unit.name != nfd_name


def test_person_keys_are_derived_on_save(seeded_db):
    unit_id = year.get_unit(seeded_db).id
    with seeded_db.transaction("thêm người") as s:
        s.add(Person(unit_id=unit_id, family_middle=unicodedata.normalize("NFD", "Đặng Thị"), given_name="Ánh"))
    with seeded_db.reading() as s:
        person = s.scalars(select(Person)).one()
    assert person.search_key == "dang thi anh"
    assert person.family_middle == "Đặng Thị"
    assert person.sort_key


def test_audit_log_records_who_what_when(seeded_db, profile):
    profile.place_name = "Ninh Bình"
    year.save_unit(seeded_db, profile)
    with seeded_db.reading() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "unit").order_by(AuditEntry.id)).all()
    assert [e.operation for e in entries] == ["insert", "update"]
    update = entries[-1]
    assert update.actor == "kiemthu"
    assert update.action == "Cập nhật thông tin đơn vị"
    assert update.changes["place_name"] == ["Gia Viễn", "Ninh Bình"]
    assert update.at is not None


def test_failed_action_changes_nothing(seeded_db):
    with seeded_db.reading() as s:
        before = s.scalar(select(Unit.name))
    with pytest.raises(RuntimeError):
        with seeded_db.transaction("hỏng giữa chừng") as s:
            s.scalars(select(Unit)).one().name = "Tên mới"
            s.flush()
            raise RuntimeError("mất điện giả lập")
    with seeded_db.reading() as s:
        assert s.scalar(select(Unit.name)) == before
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "hỏng giữa chừng")) is None


def test_validation_error_changes_nothing(seeded_db, profile):
    profile.name = "   "
    with pytest.raises(ValidationError, match="Tên công đoàn cơ sở"):
        year.save_unit(seeded_db, profile)
    assert year.get_unit(seeded_db).name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"


def test_newer_schema_is_refused_and_untouched(data_paths):
    Database.open(data_paths).close()
    con = sqlite3.connect(data_paths.database)
    con.execute("UPDATE alembic_version SET version_num='9999_tu_tuong_lai'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = data_paths.database.read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        Database.open(data_paths)
    assert "phiên bản mới hơn" in info.value.message
    assert data_paths.database.read_bytes() == before


def test_garbage_file_is_refused_and_kept(data_paths):
    data_paths.database.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    before = data_paths.database.read_bytes()
    with pytest.raises(CorruptDatabaseError) as info:
        Database.open(data_paths)
    assert "bị hỏng" in info.value.message
    assert info.value.latest_backup is None
    assert data_paths.database.read_bytes() == before


def test_damaged_pages_are_detected_and_latest_backup_offered(seeded_db, data_paths):
    backup.make_backup(data_paths)
    seeded_db.close()
    con = sqlite3.connect(data_paths.database)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(data_paths.database.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(raw), page * 6)):
        raw[offset] = 0xA5
    data_paths.database.write_bytes(bytes(raw))
    before = data_paths.database.read_bytes()
    with pytest.raises(CorruptDatabaseError) as info:
        Database.open(data_paths)
    assert info.value.latest_backup is not None
    assert info.value.latest_backup.name in info.value.message
    assert data_paths.database.read_bytes() == before


def test_foreign_sqlite_file_is_refused(data_paths):
    con = sqlite3.connect(data_paths.database)
    con.execute("CREATE TABLE khac (x)")
    con.commit()
    con.close()
    with pytest.raises(CorruptDatabaseError, match="không có thông tin phiên bản"):
        Database.open(data_paths)
