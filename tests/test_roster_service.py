"""Roster use cases: people, union groups, leaving, history."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.services import registration, roster
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.store.errors import ValidationError


def test_add_edit_and_list_people_in_vietnamese_order(seeded_db):
    group = roster.save_group(seeded_db, GroupInfo("Tổ may 1", "Lê Thị Lan"))
    for fm, given in [("Nguyễn Văn", "Bình"), ("Trần Thị", "An"), ("Đặng Quốc", "Ánh"), ("Lê", "An")]:
        roster.save_person(
            seeded_db, PersonDetail(fm, given, birth_date=date(1990, 5, 1), gender="F", group_id=group.id)
        )
    names = [p.full_name for p in roster.list_people(seeded_db)]
    assert names == ["Lê An", "Trần Thị An", "Đặng Quốc Ánh", "Nguyễn Văn Bình"]
    first = roster.list_people(seeded_db)[0]
    detail = roster.get_person(seeded_db, first.id)
    detail.position = "Tổ trưởng"
    detail.phone = "0912 345 678"
    saved = roster.save_person(seeded_db, detail)
    assert saved.position == "Tổ trưởng" and saved.group_id == group.id
    assert roster.list_groups(seeded_db)[0].people == 4


def test_person_validation_names_every_problem(seeded_db):
    bad = PersonDetail("Nguyễn", "   ", birth_date=date(1890, 1, 1), email="khong email", gender="X")
    with pytest.raises(ValidationError) as info:
        roster.save_person(seeded_db, bad)
    for expected in ("Tên không được để trống", "Ngày sinh 01/01/1890", "Email không hợp lệ", "Giới tính"):
        assert expected in info.value.message
    assert roster.list_people(seeded_db) == []


def test_leaving_removes_from_current_list_but_keeps_record(seeded_db):
    p = roster.save_person(seeded_db, PersonDetail("Phạm Văn", "Cường", employed_since=date(2015, 3, 1)))
    roster.mark_left(seeded_db, p.id, date(2021, 8, 31))
    assert roster.list_people(seeded_db) == []
    assert roster.get_person(seeded_db, p.id).left_on == date(2021, 8, 31)
    # still on the 2021 registration list: they worked part of the year
    assert [r.full_name for r in registration.list_individuals(seeded_db, 2021)] == ["Phạm Văn Cường"]


def test_groups_unique_and_not_deleted_with_people(seeded_db):
    group = roster.save_group(seeded_db, GroupInfo("Tổ cắt"))
    with pytest.raises(ValidationError, match="Đã có tổ"):
        roster.save_group(seeded_db, GroupInfo("Tổ cắt"))
    roster.save_person(seeded_db, PersonDetail("Vũ Thị", "Hằng", group_id=group.id))
    with pytest.raises(ValidationError, match="còn 1 người"):
        roster.delete_group(seeded_db, group.id)
    empty = roster.save_group(seeded_db, GroupInfo("Tổ KCS"))
    roster.delete_group(seeded_db, empty.id)
    assert [g.name for g in roster.list_groups(seeded_db)] == ["Tổ cắt"]


def test_history_lists_registrations_by_year(seeded_db):
    from thidua_desktop.services import year

    p = roster.save_person(seeded_db, PersonDetail("Bùi Thị", "Duyên", gender="F", employed_since=date(2010, 1, 1)))
    registration.register(seeded_db, 2021, "LDTT", person_ids=[p.id])
    year.copy_year(seeded_db, 2021, 2022)
    registration.register(seeded_db, 2022, "CSTDCS", person_ids=[p.id], planned_initiative="Gá may túi")
    history = roster.person_history(seeded_db, p.id)
    assert [(h.year, h.title) for h in history] == [(2022, "Chiến sĩ thi đua cơ sở"), (2021, "Lao động tiên tiến")]
    assert history[0].detail == "Gá may túi"


def test_list_people_can_include_those_who_left(seeded_db):
    stay = roster.save_person(seeded_db, PersonDetail("Lê Thị", "Ở Lại"))
    gone = roster.save_person(seeded_db, PersonDetail("Hồ Văn", "Đi"))
    roster.mark_left(seeded_db, gone.id, date(2021, 3, 1))
    assert [p.id for p in roster.list_people(seeded_db)] == [stay.id]
    everyone = roster.list_people(seeded_db, include_left=True)
    assert {p.full_name: p.left_on for p in everyone} == {"Lê Thị Ở Lại": None, "Hồ Văn Đi": date(2021, 3, 1)}
