"""Freeze a database of the current schema into tests/fixtures/ (run once per released schema).

    uv run python tools/freeze_schema.py

The file holds a unit, the 2021 year from the seed plan and a few people, so the migration
tests can check that every record survives every later upgrade.
"""

import sys
import tempfile
from datetime import date
from pathlib import Path

from thidua_desktop import paths as app_paths
from thidua_desktop.services import year
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.store.backup import copy_database
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import EmulationYear, Person, Proposal, Report, ReviewMeeting, ReviewResult, UnionGroup

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = app_paths.resolve(tmp).ensure()
        db = Database.open(paths, actor="fixture")
        year.set_up(
            db,
            UnitProfile(
                name="Công đoàn cơ sở Công ty TNHH May Hoa Lư",
                upper_union="LĐLĐ huyện Gia Viễn",
                upper_union_parent="LĐLĐ tỉnh Ninh Bình",
                place_name="Gia Viễn",
                officers=[OfficerInfo("Phạm Thị Hoa", "chair", "Chủ tịch")],
            ),
        )
        with db.transaction("fixture people") as s:
            unit_id = year.get_unit(db).id
            group = UnionGroup(unit_id=unit_id, name="Tổ may 1")
            s.add(group)
            s.flush()
            for fm, given, born, gender in [
                ("Nguyễn Văn", "An", date(1985, 3, 2), "M"),
                ("Đặng Thị", "Ánh", date(1990, 12, 31), "F"),
                ("Trần Thị Ánh", "Tuyết", date(1979, 2, 28), "F"),
            ]:
                s.add(
                    Person(
                        unit_id=unit_id,
                        family_middle=fm,
                        given_name=given,
                        birth_date=born,
                        gender=gender,
                        union_group_id=group.id,
                        joined_union_on=date(2021, 3, 8),
                    )
                )
        with db.transaction("fixture year end") as s:
            year_id = s.query(EmulationYear).one().id
            s.add(
                ReviewMeeting(
                    year_id=year_id,
                    held_on=date(2021, 12, 20),
                    place="Hội trường công ty",
                    chair="Phạm Thị Hoa",
                    secretary="Lê Văn Bình",
                    attendance_total=3,
                    attendance_present=3,
                )
            )
            people = s.query(Person).all()
            for person in people:
                s.add(
                    ReviewResult(
                        year_id=year_id,
                        person_id=person.id,
                        title_code="LDTT",
                        registered=True,
                        achieved=True,
                        votes_for=3,
                        votes_total=3,
                        exclusions=[],
                    )
                )
            s.add(
                ReviewResult(
                    year_id=year_id,
                    person_id=None,
                    title_code="CDCS_VM",
                    registered=True,
                    achieved=True,
                    votes_for=3,
                    votes_total=3,
                    exclusions=[],
                )
            )
            s.add(
                Report(
                    year_id=year_id,
                    kind="midyear",
                    phase_number=1,
                    status="sent",
                    title="Báo cáo sơ kết",
                    sections=[{"key": "situation", "heading": "Đặc điểm tình hình", "text": "Ổn định."}],
                    document_code="05/BC-CĐCS",
                    issued_on=date(2021, 7, 3),
                )
            )
            s.add(
                Proposal(
                    year_id=year_id,
                    person_id=people[0].id,
                    award_code="GK_CDCS",
                    level="own",
                    summary="Hoàn thành xuất sắc nhiệm vụ.",
                    ordinal=1,
                )
            )
        revision = db.revision
        db.close()
        target = FIXTURES / f"schema_{revision}.sqlite"
        if target.exists() and "--force" not in sys.argv:
            print(f"{target} exists: a released schema is frozen for good (use --force only before release)")
            return 1
        copy_database(paths.database, target)
        print(f"frozen {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
