"""The roster import writes in bulk (issue 19): a few executemany, the store's text rules and the
audit kept, and a dry run that writes nothing at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata

from sqlalchemy import event, func, select

from tests import sheets
from thidua_desktop.services import roster, roster_io
from thidua_desktop.store.models import AuditEntry, Person, UnionGroup

TODAY = dt.date(2021, 2, 1)
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Thị", "Hoàng Đức"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hoa", "Lan", "Minh", "Tâm"]


def people(n: int) -> list[tuple[str, dt.date, str, str, str]]:
    """n distinct people; some without a position or a group (blanks in different columns per row)."""
    return [
        (
            f"{FAMILY[i % 5]} {GIVEN[(i // 5) % 8]}",
            dt.date(1960, 1, 1) + dt.timedelta(days=i),
            "M" if i % 2 else "F",
            "" if i % 3 == 0 else "Công nhân",
            "" if i % 7 == 0 else f"Tổ {i % 4 + 1}",
        )
        for i in range(n)
    ]


class Statements:
    """Every statement sent to SQLite while attached: (statement, executemany)."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.seen: list[tuple[str, bool]] = []

    def _record(self, _conn, _cursor, statement, _parameters, _context, executemany) -> None:
        self.seen.append((statement, executemany))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)

    def starting(self, prefix: str) -> list[tuple[str, bool]]:
        return [(s, many) for s, many in self.seen if s.lstrip().upper().startswith(prefix)]


def counts(db) -> tuple[int, int, int]:
    with db.reading() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Person, UnionGroup, AuditEntry))


def file_digest(db) -> str:
    digest = hashlib.sha256()
    for path in sorted(db.paths.root.rglob("*.sqlite*")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def test_import_of_2000_rows_is_a_few_executemany(seeded_db, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster(people(2000)))
    rim = roster_io.preview_file(seeded_db, path, today=TODAY)
    assert rim.can_commit and rim.new_count == 2000
    with Statements(seeded_db.engine) as seen:
        result = roster_io.commit(seeded_db, rim)
    assert result.added == 2000
    inserts = [many for s, many in seen.starting("INSERT") if " person " in f" {s.split('(')[0]} ".lower()]
    assert inserts and all(inserts), "no single-row INSERT INTO person"
    assert len(inserts) <= 5
    assert counts(seeded_db)[0] == 2000
    # an update of them all: a few executemany again, no per-row UPDATE
    again = [(name, born, gender, "Tổ trưởng", group) for name, born, gender, _position, group in people(2000)]
    path2 = sheets.write_xlsx(tmp_path / "ds2.xlsx", sheets.simple_roster(again))
    rim2 = roster_io.preview_file(seeded_db, path2, today=TODAY)
    with Statements(seeded_db.engine) as seen:
        result = roster_io.commit(seeded_db, rim2)
    assert (result.added, result.updated) == (0, 2000)
    updates = [many for s, many in seen.starting("UPDATE PERSON ")]
    assert updates and all(updates) and len(updates) <= 5
    assert {p.position for p in roster.list_people(seeded_db)} == {"Tổ trưởng"}


def test_bulk_import_keeps_the_text_rules_and_the_audit(seeded_db, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    rows = [
        (decomposed, dt.date(1990, 5, 6), "F", "Kế\u200b toán", "Tổ\u200b 9"),
        ("Trần Văn\u200b Bảo", dt.date(1991, 1, 2), "M", "", ""),
    ]
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster(rows))
    rim = roster_io.preview_file(seeded_db, path, today=TODAY)
    roster_io.commit(seeded_db, rim)
    with seeded_db.reading() as session:
        stored = {p.given_name: p for p in session.scalars(select(Person))}
        groups = [g.name for g in session.scalars(select(UnionGroup))]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == "import")).all()
    huong = stored["Hường"]
    assert huong.family_middle == "Nguyễn Thị" and unicodedata.is_normalized("NFC", huong.family_middle)
    assert huong.position == "Kế toán" and "\u200b" not in huong.position
    assert huong.search_key and huong.sort_key
    assert huong.search_key == roster_io.vntext.search_key("Nguyễn Thị Hường")
    assert stored["Bảo"].family_middle == "Trần Văn" and stored["Bảo"].position == ""
    assert groups == ["Tổ 9"]
    assert len(audit) == 1 and audit[0].actor == "kiemthu" and audit[0].changes["added"] == 2
    # an update goes through the same rules, and the audit says what changed
    fixed = [(unicodedata.normalize("NFD", "Nguyễn Thị Hường"), dt.date(1990, 5, 6), "F", "Thủ\u200b quỹ", "Tổ 9")]
    path2 = sheets.write_xlsx(tmp_path / "ds2.xlsx", sheets.simple_roster(fixed))
    roster_io.commit(seeded_db, roster_io.preview_file(seeded_db, path2, today=TODAY))
    with seeded_db.reading() as session:
        huong = session.get(Person, huong.id)
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == "import")).all()
    assert huong.position == "Thủ quỹ"
    changed = entries[-1].changes["rows_updated"]
    assert changed == {str(huong.id): {"position": ["Kế toán", "Thủ quỹ"]}}


def test_dry_run_writes_nothing(seeded_db, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster(people(300)))
    roster_io.commit(seeded_db, roster_io.preview_file(seeded_db, path, today=TODAY))
    more = sheets.simple_roster(people(500)[200:] + [("Lê Văn Mới", dt.date(1999, 9, 9), "M", "", "Tổ mới")])
    path2 = sheets.write_xlsx(tmp_path / "ds2.xlsx", more)
    rim = roster_io.preview_file(seeded_db, path2, today=TODAY)
    seeded_db.close()  # every connection closed: the files are as a reader finds them
    files = file_digest(seeded_db)
    before = counts(seeded_db)
    with Statements(seeded_db.engine) as seen:
        dry = roster_io.commit(seeded_db, rim, dry_run=True)
    assert (dry.added, dry.updated, dry.groups_created) == (201, 100, 1)
    assert not [s for s, _ in seen.seen if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    seeded_db.close()
    assert file_digest(seeded_db) == files and counts(seeded_db) == before
    real = roster_io.commit(seeded_db, rim)
    assert (real.added, real.updated, real.groups_created) == (dry.added, dry.updated, dry.groups_created)
    assert counts(seeded_db)[0] == before[0] + 201
