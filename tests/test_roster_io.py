"""Roster import into the database (all or nothing) and export back out."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tests import sheets
from thidua_desktop.services import roster, roster_io
from thidua_desktop.services.roster import PersonDetail
from thidua_desktop.store.errors import ValidationError

TODAY = dt.date(2021, 2, 1)


def db_digest(db) -> str:
    rows = [(p.full_name, p.birth_date, p.group_name, p.is_member) for p in roster.list_people(db)]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_import_adds_people_and_groups(seeded_db, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster())
    rim = roster_io.preview_file(seeded_db, path, today=TODAY)
    assert rim.can_commit and rim.new_count == 4
    result = roster_io.commit(seeded_db, rim)
    assert (result.added, result.updated, result.groups_created) == (4, 0, 3)
    people = {p.full_name: p for p in roster.list_people(seeded_db)}
    assert people["Phạm Thị Hoa"].birth_date == dt.date(1979, 11, 2)
    assert people["Phạm Thị Hoa"].gender == "F" and people["Phạm Thị Hoa"].group_name == "Tổ 2"
    assert [g.name for g in roster.list_groups(seeded_db)] == ["Tổ 1", "Tổ 2", "Tổ 3"]


def test_reimport_updates_instead_of_duplicating(seeded_db, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster())
    roster_io.commit(seeded_db, roster_io.preview_file(seeded_db, path, today=TODAY))
    changed = sheets.simple_roster(
        [
            ("Nguyễn Văn An", dt.date(1985, 3, 12), "M", "Tổ trưởng", "Tổ 1"),
            ("Lê Văn Mới", dt.date(1999, 9, 9), "M", "Công nhân cắt", "Tổ 4"),
        ]
    )
    path2 = sheets.write_xlsx(tmp_path / "ds2.xlsx", changed)
    rim = roster_io.preview_file(seeded_db, path2, today=TODAY)
    assert len(rim.existing) == 1
    result = roster_io.commit(seeded_db, rim)
    assert (result.added, result.updated) == (1, 1)
    people = {p.full_name: p for p in roster.list_people(seeded_db)}
    assert len(people) == 5 and people["Nguyễn Văn An"].position == "Tổ trưởng"


def test_duplicates_merge_or_keep(seeded_db, tmp_path):
    twins = sheets.PEOPLE + [("Nguyễn Văn An", dt.date(1985, 3, 12), "M", "", "Tổ 1")]
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster(twins))
    rim = roster_io.preview_file(seeded_db, path, today=TODAY)
    assert rim.preview.duplicates
    assert roster_io.commit(seeded_db, rim, dry_run=True).merged == 0  # nobody merged without a decision
    dry = roster_io.commit(seeded_db, rim, duplicates="merge", dry_run=True)
    assert (dry.added, dry.merged) == (4, 1) and roster.list_people(seeded_db) == []
    kept = roster_io.commit(seeded_db, roster_io.preview_file(seeded_db, path, today=TODAY), duplicates="keep")
    assert kept.added == 5


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.write_bytes(b"STT,Ho ten\n1,Nguyen Van An\n"), "không phải"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "không phải"),
        (lambda p: sheets.write_xlsx(p, [["STT", "Ngày sinh"], [1, dt.date(1990, 1, 1)]]), "họ tên"),
        (lambda p: sheets.write_xlsx(p, [["Họ và tên", "Ngày sinh"], ["Trần Văn Sai", "01/02/1890"]]), "1890"),
        (lambda p: sheets.write_xlsx(p, [["Họ và tên", "Ngày sinh"], ["   ", "31/02/1990"]]), "31/02/1990"),
    ],
)
def test_bad_files_change_nothing(seeded_db, tmp_path, make, message):
    roster.save_person(seeded_db, PersonDetail("Vũ Thị", "Có Sẵn", gender="F"))
    before = db_digest(seeded_db)
    path = tmp_path / "xau.xlsx"
    make(path)
    with pytest.raises(ValidationError) as err:
        rim = roster_io.preview_file(seeded_db, path, today=TODAY)
        assert not rim.can_commit
        text = "\n".join(str(p) for p in rim.problems)
        assert message in text and "xau.xlsx" in text
        roster_io.commit(seeded_db, rim)
    assert "không bị thay đổi" in err.value.message or "lỗi" in err.value.message
    assert db_digest(seeded_db) == before


def test_export_then_import_round_trip(seeded_db, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster())
    roster_io.commit(seeded_db, roster_io.preview_file(seeded_db, path, today=TODAY))
    out = tmp_path / "xuat.xlsx"
    assert roster_io.export_roster(seeded_db, out) == 4
    rim = roster_io.preview_file(seeded_db, out, today=TODAY)
    assert rim.can_commit and len(rim.existing) == 4 and rim.new_count == 0


def test_plan_says_what_commit_will_do(seeded_db, tmp_path):
    twins = sheets.PEOPLE + [("Nguyễn Văn An", dt.date(1985, 3, 12), "M", "", "Tổ 1")]
    rim = roster_io.preview_file(
        seeded_db, sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster(twins)), today=TODAY
    )
    merge, keep = roster_io.plan(rim, "merge"), roster_io.plan(rim, "keep")
    assert (merge.added, merge.updated, merge.merged) == (4, 0, 1)
    assert (keep.added, keep.merged) == (5, 0)
    result = roster_io.commit(seeded_db, rim, duplicates="merge")
    assert (result.added, result.merged) == (merge.added, merge.merged)


def test_export_to_a_missing_folder_is_a_clear_refusal(seeded_db, tmp_path):
    from thidua_desktop.store.errors import StoreError

    with pytest.raises(StoreError, match="Không có thư mục"):
        roster_io.export_roster(seeded_db, tmp_path / "khong-co" / "ds.xlsx")
    with pytest.raises(StoreError, match=".xlsx"):
        roster_io.export_roster(seeded_db, tmp_path / "ds.csv")
