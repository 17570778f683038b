"""Backups: online copies, the thinning policy, restore, integrity checks."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from thidua_desktop.services import data_folder, year
from thidua_desktop.store import backup
from thidua_desktop.store.database import HEAD_REVISION, Database
from thidua_desktop.store.errors import StoreError


def test_backup_is_a_complete_readable_copy_while_open(seeded_db, data_paths):
    made = data_folder.backup_now(data_paths)
    assert made.parent == data_paths.backups
    report = backup.check_database(made)
    assert report.ok, report
    con = sqlite3.connect(made)
    assert con.execute("SELECT name FROM unit").fetchone()[0].startswith("Công đoàn cơ sở")
    assert con.execute("SELECT count(*) FROM indicator").fetchone()[0] > 20
    con.close()


def test_backup_to_chosen_file(seeded_db, data_paths, tmp_path):
    out = tmp_path / "usb" / "sao-luu.sqlite"
    assert data_folder.backup_now(data_paths, out) == out
    assert backup.check_database(out).ok


def test_auto_backup_respects_interval(seeded_db, data_paths):
    t0 = datetime(2021, 7, 4, 8, 0, 0)
    assert backup.auto_backup(data_paths, now=t0) is not None
    assert backup.auto_backup(data_paths, now=t0 + timedelta(hours=1)) is None
    assert backup.auto_backup(data_paths, now=t0 + timedelta(hours=4, seconds=1)) is not None
    assert len([b for b in backup.list_backups(data_paths) if b.kind == "auto"]) == 2


def test_thinning_keeps_daily_weekly_monthly():
    now = datetime(2021, 12, 31, 12, 0)
    stamps = [now - timedelta(hours=4 * i) for i in range(6 * 400)]  # every 4 h for 400 days
    keep = backup.backups_to_keep(stamps, now)
    assert max(stamps) in keep
    last_day = [s for s in stamps if now - s <= timedelta(days=1)]
    assert set(last_day) <= keep
    days_kept = {s.date() for s in keep if now - s <= timedelta(days=7)}
    assert len(days_kept) >= 7
    months_kept = {(s.year, s.month) for s in keep}
    assert len(months_kept) >= 12
    assert len(keep) < 40, len(keep)
    older = [s for s in keep if now - s > timedelta(days=40)]
    assert len({(s.year, s.month) for s in older}) == len(older)  # one per month out there


def test_thin_backups_deletes_files(seeded_db, data_paths):
    now = datetime(2021, 12, 31, 12, 0)
    for i in range(30):
        backup.make_backup(data_paths, now=now - timedelta(days=i * 3))
    removed = backup.thin_backups(data_paths, now=now)
    left = backup.list_backups(data_paths)
    assert removed and len(left) + len(removed) == 30
    assert all(b.path.exists() for b in left)


def test_restore_replaces_data_and_keeps_the_old(seeded_db, data_paths, profile):
    saved_backup = data_folder.backup_now(data_paths)
    profile.name = "CĐCS sau khi sửa"
    year.save_unit(seeded_db, profile)
    seeded_db.close()
    kept = data_folder.restore(data_paths, saved_backup)
    assert kept is not None and kept.exists()
    reopened = Database.open(data_paths)
    try:
        assert year.get_unit(reopened).name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    finally:
        reopened.close()
    con = sqlite3.connect(kept)
    assert con.execute("SELECT name FROM unit").fetchone()[0] == "CĐCS sau khi sửa"
    con.close()


def test_restore_refuses_bad_sources_and_changes_nothing(seeded_db, data_paths, tmp_path):
    seeded_db.close()
    before = data_paths.database.read_bytes()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    with pytest.raises(StoreError, match="không dùng để khôi phục"):
        data_folder.restore(data_paths, junk)
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x(a)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="không phải bản sao lưu"):
        data_folder.restore(data_paths, foreign)
    newer = tmp_path / "newer.sqlite"
    backup.copy_database(data_paths.database, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="phiên bản mới hơn"):
        data_folder.restore(data_paths, newer)
    with pytest.raises(StoreError, match="Không tìm thấy"):
        data_folder.restore(data_paths, tmp_path / "missing.sqlite")
    assert data_paths.database.read_bytes() == before
    assert not [b for b in backup.list_backups(data_paths) if b.kind == "pre-restore"]


def test_restore_over_a_corrupt_file_keeps_the_corrupt_copy(seeded_db, data_paths):
    good = data_folder.backup_now(data_paths)
    seeded_db.close()
    data_paths.database.write_bytes(b"garbage" * 1000)
    kept = data_folder.restore(data_paths, good)
    assert kept.name.startswith(backup.CORRUPT_PREFIX)
    assert kept.read_bytes() == b"garbage" * 1000
    assert data_folder.check(data_paths).ok


def test_check_reports_clean_and_broken(seeded_db, data_paths):
    report = data_folder.check(data_paths)
    assert report.ok and report.revision == HEAD_REVISION
    seeded_db.close()
    con = sqlite3.connect(data_paths.database)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(
        "INSERT INTO officer (id, unit_id, role, full_name, position, ordinal, created_at, updated_at)"
        " VALUES ('x', 'khong-ton-tai', 'deputy', 'Ai đó', '', 9, '2021-01-01', '2021-01-01')"
    )
    con.commit()
    con.close()
    report = data_folder.check(data_paths)
    assert not report.ok
    assert report.foreign_keys and "officer" in report.foreign_keys[0]


def test_backup_made_in_the_same_second_as_another_is_kept(seeded_db, data_paths):
    now = datetime(2021, 7, 4, 8, 0, 0)
    first = backup.make_backup(data_paths, now=now)
    second = backup.make_backup(data_paths, now=now)
    backup.thin_backups(data_paths, now=now, protect=second)
    assert second.exists() and not first.exists()
    made = data_folder.backup_now(data_paths)
    assert made.exists()
