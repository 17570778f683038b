"""Upgrades that cannot half-happen (issue 14), the check of a schema against its revision, and
the partial files killed backups leave behind."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.operations import Operations

from thidua_desktop import paths as app_paths
from thidua_desktop.cli.main import main as thidua
from thidua_desktop.services import data_folder
from thidua_desktop.store import backup, files, upgrade
from thidua_desktop.store.database import HEAD_REVISION, Database
from thidua_desktop.store.errors import CorruptDatabaseError, StoreError

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent

_spec = importlib.util.spec_from_file_location("kill_loop", ROOT / "bench" / "kill_loop.py")
kill_loop = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kill_loop)


def _folder(tmp_path: Path, fixture: str, name: str = "data") -> app_paths.DataPaths:
    paths = app_paths.resolve(tmp_path / name).ensure()
    shutil.copy2(FIXTURES / fixture, paths.database)
    return paths


def _revision(database: Path) -> str | None:
    # read-write, as the program opens it: a read-only connection cannot replay the WAL a kill
    # left behind ("attempt to write a readonly database"); the file must exist already
    assert database.exists(), database
    con = sqlite3.connect(f"file:{database}?mode=rw", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _pre_upgrade(paths) -> list[Path]:
    return [b.path for b in backup.list_backups(paths) if b.kind == "pre-migration"]


def _leftovers(paths) -> list[str]:
    return sorted(
        [p.path.name for p in data_folder.unfinished_backups(paths)]
        + [
            e.name
            for e in paths.root.iterdir()
            if upgrade.WORK_INFIX in e.name or e.name.endswith((".restore", upgrade.MARKER_SUFFIX))
        ]
    )


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_upgrade_swaps_in_a_checked_copy_and_keeps_one_backup(tmp_path):
    paths = _folder(tmp_path, "schema_0004.sqlite")
    before = kill_loop.counts(paths.database)
    Database.open(paths).close()
    assert _revision(paths.database) == HEAD_REVISION
    assert kill_loop.counts(paths.database) == before
    saved = _pre_upgrade(paths)
    assert len(saved) == 1 and saved[0].name.startswith("truoc-nang-cap-0004-")
    assert _revision(saved[0]) == "0004" and upgrade.usable(saved[0])
    assert _leftovers(paths) == []
    assert data_folder.check(paths).ok
    Database.open(paths).close()
    assert len(_pre_upgrade(paths)) == 1


@pytest.fixture
def failing_0006(monkeypatch):
    """0006 fails half-way: after its first two tables are created."""
    original = Operations.create_table

    def create_table(self, name, *columns, **kw):
        table = original(self, name, *columns, **kw)
        if name == "received_file":
            raise RuntimeError("mất điện giả lập giữa lượt nâng cấp 0006")
        return table

    monkeypatch.setattr(Operations, "create_table", create_table)
    return monkeypatch


def test_a_migration_failing_midway_leaves_the_previous_revision(tmp_path, failing_0006):
    paths = _folder(tmp_path, "schema_0004.sqlite")
    before = kill_loop.counts(paths.database)
    for _attempt in range(3):
        with pytest.raises(upgrade.UpgradeError) as caught:
            Database.open(paths)
        assert "không bị thay đổi" in caught.value.message and "truoc-nang-cap-0004-" in caught.value.message
        assert "Traceback" not in caught.value.message
        revision, problems = upgrade.file_schema_problems(paths.database)
        assert (revision, problems) == ("0004", [])  # no table of 0005 or 0006 in the file
        assert kill_loop.counts(paths.database) == before
        assert len(_pre_upgrade(paths)) == 1  # a retry does not take another full copy
        assert [n for n in _leftovers(paths) if not n.endswith(upgrade.MARKER_SUFFIX)] == []
        assert caught.value.backup_path == _pre_upgrade(paths)[0]
    assert data_folder.check(paths).ok
    failing_0006.undo()
    Database.open(paths).close()
    assert _revision(paths.database) == HEAD_REVISION
    assert kill_loop.counts(paths.database) == before
    assert len(_pre_upgrade(paths)) == 1 and _leftovers(paths) == []


def test_check_and_open_detect_a_half_upgrade_and_name_a_backup_that_opens(tmp_path, capsys):
    # What the old program left: revision 0001 recorded, a table of 0002 already there.
    paths = _folder(tmp_path, "schema_0001.sqlite")
    good = paths.backups / "thidua-20261101-080000.sqlite"
    shutil.copy2(paths.database, good)
    head = app_paths.resolve(tmp_path / "head").ensure()
    Database.open(head).close()
    con = sqlite3.connect(head.database)
    create = con.execute("SELECT sql FROM sqlite_master WHERE name='collective_registration'").fetchone()[0]
    con.close()
    con = sqlite3.connect(paths.database)
    con.execute(create)
    con.commit()
    con.close()
    half = paths.backups / "truoc-nang-cap-0001-20261201-080000.sqlite"  # newer than the good one
    shutil.copy2(paths.database, half)

    assert thidua(["--data-dir", str(paths.root), "check"]) == 2
    err = capsys.readouterr().err
    assert "không khớp" in err and "collective_registration" in err and "0002" in err
    assert good.name in err and half.name not in err
    assert data_folder.latest_backup(paths) == good
    with pytest.raises(CorruptDatabaseError) as caught:
        Database.open(paths)
    assert caught.value.latest_backup == good and good.name in caught.value.message
    assert len(_pre_upgrade(paths)) == 1  # refused before any copy was taken
    with pytest.raises(StoreError, match="không khớp"):
        data_folder.restore(paths, half)
    data_folder.restore(paths, good)
    Database.open(paths).close()
    assert _revision(paths.database) == HEAD_REVISION and data_folder.check(paths).ok


def test_check_compares_the_revision_with_tables_and_columns(tmp_path, capsys):
    paths = app_paths.resolve(tmp_path / "data").ensure()
    Database.open(paths).close()
    assert data_folder.check(paths).ok
    assert thidua(["--data-dir", str(paths.root), "check"]) == 0
    assert f"(lược đồ {HEAD_REVISION})" in capsys.readouterr().out

    con = sqlite3.connect(paths.database)
    con.execute("UPDATE alembic_version SET version_num='0007'")  # an older revision, later tables
    con.commit()
    con.close()
    report = data_folder.check(paths)
    assert not report.ok and any("imported_rule_set" in line and "0008" in line for line in report.schema)
    assert any("emulation_year" in line and "không thuộc lược đồ 0007" in line for line in report.schema)
    assert thidua(["--data-dir", str(paths.root), "check"]) == 2
    assert "không khớp" in capsys.readouterr().err

    con = sqlite3.connect(paths.database)
    con.execute(f"UPDATE alembic_version SET version_num='{HEAD_REVISION}'")
    con.execute("CREATE TABLE _alembic_tmp_proposal (id CHAR(32))")  # a killed batch operation's table
    con.execute("ALTER TABLE unit DROP COLUMN report_recipient")
    con.commit()
    con.close()
    report = data_folder.check(paths)
    assert "có bảng lạ _alembic_tmp_proposal" in report.schema
    assert any(line.startswith("bảng unit thiếu cột") and "report_recipient" in line for line in report.schema)


def test_partial_backups_are_listed_then_removed_at_the_next_start(tmp_path, capsys):
    paths = app_paths.resolve(tmp_path / "data").ensure()
    Database.open(paths).close()
    dead = _dead_pid()
    killed = paths.backups / f"thidua-20261201-080000.sqlite.{dead}.part"
    killed.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200_000)
    journal = paths.backups / f"thidua-20261201-080000.sqlite.{dead}.part-journal"
    journal.write_bytes(b"\x00" * 1000)
    legacy = paths.backups / "truoc-nang-cap-0003-20261201-080000.sqlite.part"  # an older version's name
    legacy.write_bytes(b"\x00" * 1000)
    running = files.part_name(paths.backups / "thidua-20261202-080000.sqlite")  # this process writes it
    running.write_bytes(b"\x00" * 1000)
    work = paths.root / f"thidua.sqlite{upgrade.WORK_INFIX}{dead}"
    work.write_bytes(b"\x00" * 1000)
    staged = paths.root / f"thidua.sqlite.{dead}.restore"
    staged.write_bytes(b"\x00" * 1000)
    reused = paths.backups / f"thidua-20261130-080000.sqlite.{os.getppid()}.part"  # a live pid, 2 days old
    reused.write_bytes(b"\x00" * 1000)
    os.utime(reused, (time.time() - 2 * 86400, time.time() - 2 * 86400))

    assert thidua(["--data-dir", str(paths.root), "backups"]) == 0
    listed = capsys.readouterr().out
    for path in (killed, journal, legacy, reused):
        assert str(path) in listed
    assert listed.count("chưa xong, sẽ được xóa ở lần mở sau") == 4 and "đang ghi" in listed
    assert "(0.2 MB)" in listed

    Database.open(paths).close()
    assert not killed.exists() and not journal.exists() and not legacy.exists() and not reused.exists()
    assert not work.exists() and not staged.exists()
    assert running.exists()  # its writer (this process) is still running
    assert [u.path for u in data_folder.unfinished_backups(paths)] == [running]
    assert [b.kind for b in backup.list_backups(paths)] == []  # never offered as backups


@pytest.fixture(scope="module")
def grown_0004(tmp_path_factory) -> Path:
    """schema_0004 grown to ~7 MB: 1,200 more people with review results and proposals (the
    tables 0005 and 0007 rebuild), 12,000 audit rows."""
    folder = tmp_path_factory.mktemp("grown") / "data"
    paths = app_paths.resolve(folder).ensure()
    shutil.copy2(FIXTURES / "schema_0004.sqlite", paths.database)
    kill_loop.grow(paths.database, people=1200, audit=12_000)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_many_points_of_an_upgrade_every_outcome_opens(grown_0004, tmp_path, request):
    # Each upgrade runs in a child forked from a process that has done its imports, so the
    # kills fall inside the upgrade and the loop stays quick; bench/kill_loop.py starts a new
    # interpreter each time instead.
    zygote = kill_loop.Zygote(kill_loop.child_env(tmp_path / "pycache"))
    request.addfinalizer(zygote.close)
    source = app_paths.resolve(grown_0004).database
    before = kill_loop.counts(source)
    scratch = tmp_path / "scratch"
    shutil.copytree(grown_0004, scratch)
    full, status = zygote.run(scratch, None)  # undisturbed
    assert status == 0 and _revision(app_paths.resolve(scratch).database) == HEAD_REVISION

    folder = tmp_path / "killed"
    shutil.copytree(grown_0004, folder)
    paths = app_paths.resolve(folder)
    outcomes = {"0004": 0, HEAD_REVISION: 0}
    # a retry is quicker than the first attempt (the pre-upgrade backup is there): kill within 80 %
    delays = kill_loop.spread(16, full * 0.8 / 1.1)
    for delay in delays:
        # the same folder each time: every start after a kill is a reopen after a failed upgrade
        zygote.run(folder, delay)
        revision = _revision(paths.database)
        assert revision in outcomes, revision
        outcomes[revision] += 1
        assert upgrade.usable(paths.database), f"half-upgraded after a kill at {delay:.2f} s"
        assert kill_loop.counts(paths.database) == before
        saved = _pre_upgrade(paths)
        assert len(saved) <= 1, saved
        assert all(upgrade.usable(s) and _revision(s) == "0004" for s in saved)
        if revision == HEAD_REVISION:  # done: start again from the old database
            assert saved and not [n for n in _leftovers(paths) if upgrade.WORK_INFIX in n]
            shutil.rmtree(folder)
            shutil.copytree(grown_0004, folder)
    Database.open(paths).close()  # whatever the last kill left opens
    assert _revision(paths.database) == HEAD_REVISION
    assert kill_loop.counts(paths.database) == before
    assert len(_pre_upgrade(paths)) == 1
    assert _leftovers(paths) == []
    assert data_folder.check(paths).ok
    assert sum(outcomes.values()) == len(delays)
    print(f"\n{len(delays)} kills over {full:.2f} s: outcomes by revision {outcomes}")


def test_the_command_line_honours_the_window_programs_lock(tmp_path, capsys):
    from PySide6.QtCore import QLockFile

    from thidua_desktop.services import year
    from tests.conftest import sample_profile

    paths = app_paths.resolve(tmp_path / "data").ensure()
    db = Database.open(paths)
    year.set_up(db, sample_profile())
    db.close()
    saved = data_folder.backup_now(paths)
    folder = ["--data-dir", str(paths.root)]
    lock = QLockFile(str(paths.lock_file))  # what ui/single_instance.py holds while the window is open
    lock.setStaleLockTime(0)
    assert lock.tryLock(100)
    try:
        capsys.readouterr()
        assert thidua([*folder, "unit", "set", "--name", "CĐCS đổi tên"]) == 1
        err = capsys.readouterr().err
        assert "thidua-desktop đang mở" in err and "không bị thay đổi" in err and "Traceback" not in err
        assert thidua([*folder, "restore", str(saved)]) == 1
        assert "thidua-desktop đang mở" in capsys.readouterr().err
        assert thidua([*folder, "unit", "show"]) == 0  # reading still works
        assert "May Hoa Lư" in capsys.readouterr().out
        assert thidua([*folder, "check"]) == 0 and thidua([*folder, "backups"]) == 0
    finally:
        lock.unlock()
    db = Database.open(paths)
    try:
        assert year.get_unit(db).name == sample_profile().name
    finally:
        db.close()
    # a lock file left by a killed window program holds no lock
    paths.lock_file.write_text(f"{_dead_pid()}\nthidua-desktop\n{__import__('socket').gethostname()}\n")
    assert thidua([*folder, "unit", "set", "--name", "CĐCS đổi tên"]) == 0
