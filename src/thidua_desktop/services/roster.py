"""Use cases for the roster that the shell needs now (listing, counting).

The listing reads with one Core query and no ORM objects: it feeds a table of up to
20,000 people at start-up.
"""

from __future__ import annotations

from sqlalchemy import String, func, select, type_coerce

from thidua_desktop.services.dto import PersonRow
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import Person, UnionGroup


def list_people(db: Database) -> list[PersonRow]:
    query = (
        select(
            type_coerce(Person.id, String), Person.family_middle, Person.given_name, Person.birth_date, Person.birth_year,
            Person.gender, Person.position, func.coalesce(UnionGroup.name, ""), Person.is_member,
            Person.joined_union_on, Person.search_key,
        )
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        .where(Person.left_on.is_(None))
        .order_by(Person.sort_key)
    )
    with db.engine.connect() as conn:
        return [PersonRow(*row) for row in conn.execute(query)]


def count_people(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        active = Person.left_on.is_(None)
        total = conn.scalar(select(func.count()).select_from(Person).where(active)) or 0
        members = conn.scalar(select(func.count()).select_from(Person).where(active, Person.is_member)) or 0
        women = conn.scalar(select(func.count()).select_from(Person).where(active, Person.gender == "F")) or 0
        women_members = conn.scalar(
            select(func.count()).select_from(Person).where(active, Person.is_member, Person.gender == "F")
        ) or 0
        groups = conn.scalar(select(func.count()).select_from(UnionGroup)) or 0
    return {"total": total, "members": members, "women": women, "women_members": women_members, "groups": groups}
