"""The start-up snapshot of Tổng quan: used only while the database is exactly as it was left."""

from __future__ import annotations

from thidua_desktop import snapshot
from thidua_desktop.core import timeline
from thidua_desktop.services import roster, year
from thidua_desktop.store.database import Database


def make(db) -> snapshot.Snapshot:
    detail = year.get_year(db, 2021)
    phases = year.phase_inputs(detail)
    events = timeline.build_timeline(2021, phases, detail.registration_due)
    return snapshot.Snapshot(
        year.get_unit(db), year.list_years(db), 2021, detail, events, phases, roster.count_people(db)
    )


def test_round_trip_after_close(seeded_db, data_paths):
    snap = make(seeded_db)
    seeded_db.close()
    snapshot.save(data_paths, snap)
    back = snapshot.load(data_paths)
    assert back == snap
    assert back.detail.indicators[1].plan_target == snap.detail.indicators[1].plan_target
    assert isinstance(back.detail.phases, tuple) and back.unit.id == snap.unit.id


def test_not_used_once_the_database_changed(seeded_db, data_paths, profile):
    snap = make(seeded_db)
    seeded_db.close()
    snapshot.save(data_paths, snap)
    db = Database.open(data_paths)
    profile.place_name = "Ninh Bình"
    year.save_unit(db, profile)
    assert snapshot.load(data_paths) is None  # open with a WAL file: not trusted
    db.close()
    assert snapshot.load(data_paths) is None  # written since: stale


def test_not_written_while_the_database_is_open(seeded_db, data_paths):
    snapshot.save(data_paths, make(seeded_db))
    assert snapshot.load(data_paths) is None
    assert not (data_paths.root / "cache" / "tong-quan.json").exists()


def test_damaged_snapshot_is_ignored(seeded_db, data_paths):
    snap = make(seeded_db)
    seeded_db.close()
    snapshot.save(data_paths, snap)
    (data_paths.root / "cache" / "tong-quan.json").write_text("{not json", encoding="utf-8")
    assert snapshot.load(data_paths) is None


def test_reading_a_snapshot_loads_no_database_layer():
    import subprocess
    import sys

    code = (
        "import sys, thidua_desktop.snapshot; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
