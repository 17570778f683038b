"""The demo data folder tells the story of docs/journey.md, built deterministically."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from thidua_desktop.core import vntext
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, roster
from thidua_desktop.services import year as year_service
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import AuditEntry, Person, UnionGroup


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> tuple[DataPaths, demo.DemoSummary, list[tuple[int, str]]]:
    paths = DataPaths(tmp_path_factory.mktemp("demo")).ensure()
    steps: list[tuple[int, str]] = []
    # the 2021 journey as history alone; the current cycle has its own tests (test_demo_current.py)
    summary = demo.build_demo(paths, progress=lambda pct, msg: steps.append((pct, msg)), current_cycle=False)
    return paths, summary, steps


@pytest.fixture
def reopened(demo_folder):
    database = Database.open(demo_folder[0], actor="kiemthu")
    yield database
    database.close()


def test_summary_tells_the_journey(demo_folder):
    paths, summary, _ = demo_folder
    assert summary.data_dir == paths.root
    assert summary.year == 2021
    assert (summary.people, summary.members, summary.groups) == (312, 287, 9)
    assert summary.women > summary.people * 0.7


def test_progress_is_reported_in_order(demo_folder):
    steps = demo_folder[2]
    percents = [p for p, _ in steps]
    assert percents == sorted(percents)
    assert percents[0] == 0 and percents[-1] == 100
    assert all(isinstance(msg, str) and msg for _, msg in steps)


def test_counts_through_services(reopened):
    counts = roster.count_people(reopened)
    assert counts["total"] == 312
    assert counts["members"] == 287
    assert counts["groups"] == 9
    assert counts["women"] > counts["total"] / 2
    assert counts["women_members"] <= counts["members"]


def test_unit_and_year(reopened):
    unit = year_service.get_unit(reopened)
    assert unit is not None
    assert unit.name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert unit.upper_union == "LĐLĐ huyện Gia Viễn"
    assert unit.upper_union_parent == "LĐLĐ tỉnh Ninh Bình"
    assert unit.place_name == "Gia Viễn"
    assert unit.chair is not None and unit.chair.full_name == "Phạm Thị Hoa"
    assert unit.deputies
    detail = year_service.get_year(reopened, 2021)
    assert detail.year == 2021
    assert detail.phases and detail.indicators and detail.titles


def test_groups_are_garment_union_groups(reopened):
    rows = roster.list_people(reopened)
    names = {r.group_name for r in rows}
    assert len(names) == 9
    assert {"Tổ cắt", "Tổ may 1", "Tổ hoàn thiện", "Tổ KCS", "Tổ cơ điện", "Khối văn phòng"} <= names
    with reopened.reading() as session:
        leaders = session.scalars(select(UnionGroup.leader_name)).all()
    assert all(leaders)


def test_chair_is_on_the_roster(reopened):
    names = {r.full_name for r in roster.list_people(reopened)}
    assert "Phạm Thị Hoa" in names
    assert "Trần Văn Nam" in names


def test_keys_equal_what_vntext_computes(reopened):
    with reopened.engine.connect() as conn:
        rows = conn.execute(
            select(Person.family_middle, Person.given_name, Person.search_key, Person.sort_key, Person.position)
        ).all()
    assert len(rows) > 312  # includes the people who left during the year
    for family_middle, given, search_key, sort_key, position in rows:
        assert search_key == vntext.search_key(vntext.join_name(family_middle, given))
        assert sort_key == vntext.person_sort_key(family_middle, given)
        for text in (family_middle, given, position):
            assert text == unicodedata.normalize("NFC", text) == vntext.nfc(text)


def test_people_are_listed_the_vietnamese_way(reopened):
    rows = roster.list_people(reopened)
    expected = sorted(rows, key=lambda r: vntext.person_sort_key(r.family_middle, r.given_name))
    assert [r.id for r in rows] == [r.id for r in expected]
    # tên first: every "An…" comes before any "Bình"
    givens = [r.given_name for r in rows]
    assert givens.index(next(g for g in givens if g.startswith("B"))) > givens.index(
        next(g for g in givens if g.startswith("A"))
    )


def test_names_are_realistic(reopened):
    rows = roster.list_people(reopened)
    nguyen = sum(1 for r in rows if r.family_middle.split()[0] == "Nguyễn")
    assert 0.28 < nguyen / len(rows) < 0.5
    letters = set("".join(r.full_name.lower() for r in rows))
    assert set("ăâđêôơư") <= letters
    tones = {unicodedata.normalize("NFD", ch)[1:] for ch in letters}
    assert {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"} <= {m for t in tones for m in t}
    women = [r for r in rows if r.gender == "F"]
    assert sum(1 for r in women if " Thị" in f" {r.family_middle}") > len(women) / 2
    assert {r.gender for r in rows} == {"F", "M"}


def test_dates_support_later_rules(reopened):
    with reopened.engine.connect() as conn:
        rows = conn.execute(
            select(
                Person.birth_date,
                Person.birth_year,
                Person.is_member,
                Person.joined_union_on,
                Person.employed_since,
                Person.left_on,
            )
        ).all()
    active = [r for r in rows if r.left_on is None]
    admitted_2021 = [r for r in active if r.is_member and r.joined_union_on and r.joined_union_on.year == 2021]
    assert len(admitted_2021) == 25
    assert all(r.joined_union_on is not None for r in active if r.is_member)
    assert all(r.joined_union_on is None for r in rows if not r.is_member)
    recent = [r for r in active if r.employed_since.year == 2021 and r.employed_since.month > 3]
    assert 3 <= len(recent) < 60
    left = [r for r in rows if r.left_on is not None]
    assert 1 <= len(left) <= 15
    assert all(r.left_on.year == 2021 and r.left_on > r.employed_since for r in left)
    for r in rows:
        assert 2021 - 55 <= r.birth_year <= 2021 - 19
        assert r.birth_date is None or r.birth_date.year == r.birth_year
        assert r.employed_since.year - r.birth_year >= 18
        assert r.joined_union_on is None or r.joined_union_on >= r.employed_since


def test_one_audit_entry_for_the_bulk_insert(reopened):
    with reopened.reading() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "person")).all()
        total = session.scalar(select(func.count()).select_from(Person))
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.entity_id, entry.operation, entry.action) == ("bulk", "insert", demo.DEMO_ACTION)
    assert entry.changes == {"count": total}


def test_same_seed_same_people(tmp_path, demo_folder):
    other = DataPaths(tmp_path / "again").ensure()
    demo.build_demo(other, seed=demo.DEMO_SEED, current_cycle=False)
    third = DataPaths(tmp_path / "other-seed").ensure()
    demo.build_demo(third, seed=7, current_cycle=False)

    def people(paths):
        database = Database.open(paths)
        try:
            with database.engine.connect() as conn:
                return conn.execute(
                    select(
                        Person.id,
                        Person.family_middle,
                        Person.given_name,
                        Person.birth_date,
                        Person.gender,
                        Person.joined_union_on,
                    ).order_by(Person.id)
                ).all()
        finally:
            database.close()

    first = people(demo_folder[0])
    assert people(other) == first
    assert people(third) != first


def test_refuses_to_build_over_a_unit(data_paths, db, profile):
    year_service.set_up(db, profile)
    db.close()
    before = data_paths.database.read_bytes()
    with pytest.raises(ValidationError) as caught:
        demo.build_demo(data_paths)
    assert "đã có dữ liệu" in caught.value.message
    assert data_paths.database.read_bytes() == before
    again = Database.open(data_paths)
    try:
        assert roster.count_people(again)["total"] == 0
        assert year_service.get_unit(again).name == profile.name
    finally:
        again.close()


def test_refuses_over_its_own_demo(demo_folder):
    paths = demo_folder[0]
    with pytest.raises(ValidationError):
        demo.build_demo(paths)
    database = Database.open(paths)
    try:
        assert roster.count_people(database)["total"] == 312
    finally:
        database.close()


def test_add_people_grows_the_roster(tmp_path):
    paths = DataPaths(tmp_path / "grow").ensure()
    demo.build_demo(paths, people=40, seed=3, current_cycle=False)
    database = Database.open(paths)
    try:
        before = roster.count_people(database)
        added = demo.add_people(database, 500, seed=3)
        added_again = demo.add_people(database, 100, seed=3)  # same seed again: no UUID clash
        after = roster.count_people(database)
        assert after["total"] == before["total"] + 600
        assert added >= 500 and added_again >= 100
        assert after["groups"] == 9
        rows = roster.list_people(database)
        assert all(r.group_name for r in rows)
        assert rows == sorted(rows, key=lambda r: vntext.person_sort_key(r.family_middle, r.given_name))
        with database.reading() as session:
            bulk = session.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == "bulk").order_by(AuditEntry.id)
            ).all()
        assert [e.changes["count"] for e in bulk][1:] == [added, added_again]
    finally:
        database.close()


def test_add_people_needs_a_unit(db):
    with pytest.raises(ValidationError):
        demo.add_people(db, 10, seed=1)


def test_demo_has_a_realistic_registration(reopened):
    from thidua_desktop.services import registration

    info = registration.get_collective(reopened, 2021)
    assert info.saved and info.title_codes == ["CDCS_VM", "TO_CD_VM"]  # the union groups' title too
    assert info.signature_content == "Mỗi tổ một sáng kiến an toàn"
    assert {f.indicator.code: f.value for f in info.figures}["CT02"] == 25
    rows = registration.list_individuals(reopened, 2021)
    assert sum(1 for r in rows if "LDTT" in r.title_codes) >= 270
    # no one registered before being hired or after leaving (issue 16: a believable year)
    with reopened.reading() as session:
        from sqlalchemy import select

        from thidua_desktop.store.models import IndividualRegistration, Person

        odd = session.scalars(
            select(Person.id)
            .join(IndividualRegistration, IndividualRegistration.person_id == Person.id)
            .where(~Person.employed_through(info.registered_on))
        ).all()
    assert odd == []
    cstd = [r for r in rows if "CSTDCS" in r.title_codes]
    assert len(cstd) == 14 and sum(1 for r in cstd if not r.planned_initiative) == 2
    findings = registration.check(reopened, 2021)
    assert sum(1 for f in findings if "cần có sáng kiến" in f.message) == 2


# --- the initiatives register (journey step 4) ----------------------------------------------


def test_a_realistic_year_of_initiatives(reopened):
    from thidua_desktop.services import initiatives

    rows = initiatives.list_initiatives(reopened, initiatives.InitiativeFilter(year=2021))
    assert 20 <= len(rows) <= 30
    t = initiatives.totals(rows)
    assert t.by_status["refused"] >= 2 and t.by_status["registered"] >= 2 and t.by_status["applying"] >= 2
    assert {"co_so", "nganh", "tinh"} <= set(t.by_level)
    assert sum(1 for r in rows if "Chương trình 1 triệu sáng kiến" in r.tags) >= 5
    for r in rows:
        d = initiatives.get_initiative(reopened, r.id)
        assert sum(a.share for a in d.authors) == 100
        if d.status == "refused":
            assert d.refusal_reason
    ga = next(r for r in rows if r.title == "Cải tiến gá may túi")
    d = initiatives.get_initiative(reopened, ga.id)
    assert [a.share for a in d.authors] == [60, 40] and all(a.person_id for a in d.authors)
    assert (d.economic_benefit, d.status, d.recognition_level) == (84_000_000, "recognised", "co_so")
    assert (
        d.decision_date.year == 2021 and d.decision_date.month == 5 and "Công ty TNHH May Hoa Lư" in d.decision_issuer
    )
    outside = [a for r in rows for a in initiatives.get_initiative(reopened, r.id).authors if not a.person_id]
    assert outside and outside[0].outside_workplace
    earlier = initiatives.list_initiatives(reopened)
    assert {r.year for r in earlier} >= {2019, 2020, 2021}


def test_demo_has_ldst_candidates_led_by_the_story(reopened):
    from thidua_desktop.services import initiatives

    found = initiatives.ldst_candidates(reopened, 2021)
    ga = next(r for r in initiatives.list_initiatives(reopened) if r.title == "Cải tiến gá may túi")
    first_author = initiatives.get_initiative(reopened, ga.id).authors[0]
    assert first_author.person_name in [c.author_name for c in found]
    mine = next(c for c in found if c.author_key == first_author.person_id)
    assert "2019–2021" in mine.reason and "Cải tiến gá may túi" in mine.initiatives
    assert 2 <= len(found) <= 4


def test_cstdcs_registrations_point_at_their_initiatives(reopened):
    from thidua_desktop.services import registration
    from thidua_desktop.store.models import IndividualRegistration

    with reopened.reading() as session:
        regs = session.scalars(
            select(IndividualRegistration).where(IndividualRegistration.title_code == "CSTDCS")
        ).all()
    assert len(regs) == 14
    assert sum(1 for r in regs if r.initiative_id is not None) == 12
    without = [r for r in regs if r.initiative_id is None]
    assert len(without) == 2 and all(not r.planned_initiative for r in without)
    warnings = [f for f in registration.check(reopened, 2021) if "cần có sáng kiến" in f.message]
    assert len(warnings) == 2  # the journey's warning stays


def test_same_seed_same_initiatives(tmp_path, demo_folder):
    from thidua_desktop.store.models import Initiative, InitiativeAuthor

    other = DataPaths(tmp_path / "again").ensure()
    demo.build_demo(other, seed=demo.DEMO_SEED, current_cycle=False)

    def register(paths):
        database = Database.open(paths)
        try:
            with database.engine.connect() as conn:
                return (
                    conn.execute(
                        select(
                            Initiative.id, Initiative.title, Initiative.status, Initiative.economic_benefit
                        ).order_by(Initiative.id)
                    ).all(),
                    conn.execute(
                        select(InitiativeAuthor.id, InitiativeAuthor.person_id, InitiativeAuthor.share).order_by(
                            InitiativeAuthor.id
                        )
                    ).all(),
                )
        finally:
            database.close()

    assert register(other) == register(demo_folder[0])
