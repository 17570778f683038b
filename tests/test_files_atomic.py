"""store.files.atomic_write: a file is replaced whole or not at all."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading

import pytest

from thidua_desktop.store import files


def test_success_replaces_the_file(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    with files.atomic_write(target) as partial:
        assert partial.parent == tmp_path and partial != target
        partial.write_text("new", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old"  # nothing visible before the end
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_a_new_file_is_created(tmp_path):
    target = tmp_path / "new.bin"
    with files.atomic_write(target, durable=False) as partial:
        partial.write_bytes(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert list(tmp_path.iterdir()) == [target]


def test_a_crash_mid_write_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")

    class Crash(Exception):
        pass

    with pytest.raises(Crash):
        with files.atomic_write(target) as partial:
            partial.write_bytes(b"half of the new")
            journal = partial.with_name(partial.name + "-journal")
            journal.write_bytes(b"j")
            raise Crash
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


def test_an_interrupt_is_cleaned_up_too(tmp_path):
    target = tmp_path / "a.txt"
    with pytest.raises(KeyboardInterrupt):
        with files.atomic_write(target) as partial:
            partial.write_text("x", encoding="utf-8")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_leaves_no_partial(tmp_path):
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_text("x", encoding="utf-8")  # a non-empty folder cannot be replaced by a file
    with pytest.raises(OSError):
        with files.atomic_write(target) as partial:
            partial.write_text("x", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_the_partial_is_what_unfinished_parts_recognises(tmp_path):
    target = tmp_path / "thidua-20261201-080000.sqlite"
    with pytest.raises(RuntimeError):
        with files.atomic_write(target) as partial:
            partial.write_bytes(b"x" * 10)
            found = files.unfinished_parts(tmp_path)
            assert [u.path for u in found] == [partial]
            assert found[0].pid == os.getpid() and found[0].writer_running  # this process: left alone
            assert files.remove_unfinished(tmp_path) == []
            raise RuntimeError
    assert files.unfinished_parts(tmp_path) == []


def test_a_sqlite_copy_into_the_partial(tmp_path):
    source = tmp_path / "src.sqlite"
    with sqlite3.connect(source) as con:
        con.execute("create table t (x)")
        con.execute("insert into t values (1)")
    con.close()
    target = tmp_path / "copy.sqlite"
    with files.atomic_write(target) as partial:
        src, dst = sqlite3.connect(source), sqlite3.connect(partial)
        src.backup(dst)
        dst.close()
        src.close()
    with sqlite3.connect(target) as con:
        assert con.execute("select x from t").fetchall() == [(1,)]
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite", "src.sqlite"]


def test_two_writers_in_one_process_do_not_share_a_partial(tmp_path):
    target = tmp_path / "same.txt"
    seen, barrier = [], threading.Barrier(2)

    def write(text):
        with files.atomic_write(target, durable=False) as partial:
            seen.append(partial)
            partial.write_text(text, encoding="utf-8")
            barrier.wait(timeout=5)

    threads = [threading.Thread(target=write, args=(t,)) for t in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 2
    assert target.read_text(encoding="utf-8") in ("one", "two")
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_private_files_are_the_owners_only(tmp_path):
    target = tmp_path / "unit.p12"
    with files.atomic_write(target, private=True) as partial:
        assert partial.stat().st_mode & 0o777 == 0o600
        with open(partial, "wb") as f:
            f.write(b"key")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes() == b"key"
