"""Every frozen schema in tests/fixtures opens, upgrades to head, and keeps every record."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from thidua_desktop import paths as app_paths
from thidua_desktop.services import roster, year
from thidua_desktop.store import backup
from thidua_desktop.store.database import HEAD_REVISION, Database, head_revision, make_engine
from thidua_desktop.store.models import Base

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.sqlite"))


def test_head_constant_matches_the_scripts():
    assert HEAD_REVISION == head_revision()


def test_there_is_a_frozen_schema():
    assert FIXTURES, "freeze the first schema with tools/freeze_schema.py"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_frozen_database_upgrades_and_keeps_records(fixture, tmp_path):
    paths = app_paths.resolve(tmp_path / "data").ensure()
    shutil.copy2(fixture, paths.database)
    con = sqlite3.connect(paths.database)
    counts_before = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("unit", "emulation_year", "phase", "indicator", "person", "audit_log")
    }
    old_revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    year_end_tables = ("review_meeting", "review_result", "report", "proposal")
    year_end_before = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in year_end_tables if old_revision >= "0004"
    }
    con.close()

    db = Database.open(paths)
    try:
        assert db.revision == head_revision()
        assert year.get_unit(db).name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
        detail = year.get_year(db, 2021)
        assert len(detail.phases) == counts_before["phase"]
        assert len(detail.indicators) == counts_before["indicator"]
        names = [p.full_name for p in roster.list_people(db)]
        assert len(names) == counts_before["person"]
        assert "Đặng Thị Ánh" in names
    finally:
        db.close()
    con = sqlite3.connect(paths.database)
    try:
        for table, count in year_end_before.items():
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
        if year_end_before:
            assert year_end_before["review_result"] > 0
            collective = con.execute("SELECT count(*) FROM review_result WHERE person_id IS NULL").fetchone()[0]
            assert collective == 1
    finally:
        con.close()
    pre_migration = [b for b in backup.list_backups(paths) if b.kind == "pre-migration"]
    if old_revision != head_revision():
        assert pre_migration and pre_migration[0].path.name.startswith(f"truoc-nang-cap-{old_revision}-")
    else:
        assert not pre_migration


def test_models_and_migrations_agree(tmp_path):
    """A model change without a migration fails here."""
    paths = app_paths.resolve(tmp_path / "data").ensure()
    Database.open(paths).close()
    engine = make_engine(paths.database)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"render_as_batch": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_0007_links_the_proposal_lines_of_union_groups_by_name(tmp_path):
    """Lines of a union group, so far matched by the group's name, get the group's id; the CĐCS's
    own line and a name no group has stay unlinked; nothing else changes."""
    fixture = Path(__file__).parent / "fixtures" / "schema_0006.sqlite"
    paths = app_paths.resolve(tmp_path / "data").ensure()
    shutil.copy2(fixture, paths.database)
    con = sqlite3.connect(paths.database)
    year_id = con.execute("SELECT id FROM emulation_year WHERE year = 2021").fetchone()[0]
    group_id, group_name = con.execute("SELECT id, name FROM union_group").fetchone()
    unit_name = con.execute("SELECT name FROM unit").fetchone()[0]
    lines = {"group": group_name, "unit": unit_name, "other": "Phòng Kế toán"}
    with con:
        for n, (key, name) in enumerate(lines.items()):
            con.execute(
                "INSERT INTO proposal (year_id, person_id, collective_name, award_code, level, summary, "
                "ordinal, decision_number, decision_date, id, created_at, updated_at) VALUES "
                "(?, NULL, ?, 'GK_CDCS', 'own', 'Tóm tắt', ?, '', NULL, ?, '2021-12-20 00:00:00', "
                "'2021-12-20 00:00:00')",
                (year_id, name, 10 + n, f"{n:032x}"),
            )
    before = con.execute(
        "SELECT id, person_id, collective_name, award_code, summary FROM proposal ORDER BY id"
    ).fetchall()
    con.close()

    Database.open(paths).close()

    con = sqlite3.connect(paths.database)
    try:
        after = con.execute(
            "SELECT id, person_id, collective_name, award_code, summary FROM proposal ORDER BY id"
        ).fetchall()
        linked = dict(con.execute("SELECT collective_name, union_group_id FROM proposal WHERE person_id IS NULL"))
        person_line = con.execute("SELECT union_group_id FROM proposal WHERE person_id IS NOT NULL").fetchall()
    finally:
        con.close()
    assert after == before
    assert linked == {group_name: group_id, unit_name: None, "Phòng Kế toán": None}
    assert person_line == [(None,)]
