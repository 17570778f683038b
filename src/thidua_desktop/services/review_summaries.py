"""The tóm tắt thành tích of a proposal line: the facts the database holds about a person, a union
group or the CĐCS itself, worded by ``core`` (``core.review.achievement_summary``,
``core.review.group_summary``, ``core.review_proposals.collective_summary``)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from thidua_desktop.core import review as core, vntext
from thidua_desktop.core.registration import LDTT
from thidua_desktop.core.review_proposals import CollectiveFacts, collective_summary as collective_text
from thidua_desktop.services import results as results_service
from thidua_desktop.services.review_state import ReviewRow, recognised_in, year_end
from thidua_desktop.store.models import EmulationYear, Initiative, InitiativeAuthor, Officer, Person, UnionGroup


def person_facts(
    session: Session, record: EmulationYear, person_ids: set[uuid.UUID], state: list[ReviewRow]
) -> dict[uuid.UUID, core.AchievementFacts]:
    """What a person's line says: position, union group, roles, titles achieved, initiatives."""
    if not person_ids:
        return {}
    people = session.execute(
        select(
            Person.id,
            Person.family_middle,
            Person.given_name,
            Person.position,
            Person.union_group_id,
            UnionGroup.name,
            UnionGroup.leader_name,
        )
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        .where(Person.id.in_(person_ids))
    ).all()
    officers = {
        vntext.search_key(o.full_name): o.position or ("Chủ tịch CĐCS" if o.role == "chair" else "Phó Chủ tịch CĐCS")
        for o in session.scalars(select(Officer))
    }
    initiatives: dict[uuid.UUID, list[core.InitiativeFact]] = {}
    for pid, share, title, status, benefit, number, decided, issuer in session.execute(
        select(
            InitiativeAuthor.person_id,
            InitiativeAuthor.share,
            Initiative.title,
            Initiative.status,
            Initiative.economic_benefit,
            Initiative.decision_number,
            Initiative.decision_date,
            Initiative.decision_issuer,
        )
        .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .where(InitiativeAuthor.person_id.in_(person_ids), Initiative.year == record.year)
        .order_by(Initiative.economic_benefit.desc())
    ):
        initiatives.setdefault(pid, []).append(
            core.InitiativeFact(title, share, status, benefit, number, decided, issuer)
        )
    achieved: dict[str, list[str]] = {}
    for r in state:
        if r.person_id and r.achieved:
            achieved.setdefault(r.person_id, []).append(r.title_name)
    facts = {}
    for pid, fm, given, position, _, group, leader in people:
        name = vntext.join_name(fm, given)
        roles = []
        if group and leader and vntext.search_key(leader) == vntext.search_key(name):
            roles.append("tổ trưởng công đoàn")
        office = officers.get(vntext.search_key(name))
        if office:
            roles.append(office)
        facts[pid] = core.AchievementFacts(
            record.year,
            position or "",
            group or "",
            tuple(roles),
            tuple(achieved.get(pid.hex, [])),
            None,
            tuple(initiatives.get(pid, [])),
        )
    return facts


def collective_summary(session: Session, record: EmulationYear, title_name: str) -> str:
    """The CĐCS's own line: its people and members, the year's admissions and initiatives, and the
    targets it registered."""
    end = year_end(record)
    active = Person.at_work_after(end)
    workers = session.scalar(select(func.count()).select_from(Person).where(active)) or 0
    members = session.scalar(select(func.count()).select_from(Person).where(active, Person.is_member.is_(True))) or 0
    table = results_service.table_in(session, record, end)
    owed = [r for r in table if r.registered is not None and not r.year.not_applicable]
    with_target = [r for r in owed if r.year.value is not None]
    by_source = {r.computed_from: r for r in table}
    admitted = by_source.get("members_admitted")
    recognised = by_source.get("initiatives_recognised")
    return collective_text(
        CollectiveFacts(
            record.year,
            title_name,
            workers,
            members,
            admitted=admitted.year.value if admitted is not None else None,
            initiatives_recognised=recognised.year.value if recognised is not None else None,
            targets_registered=len(owed),
            targets_measured=len(with_target),
            targets_reached=sum(1 for r in with_target if r.year.value >= r.registered),
        )
    )


def group_summary(
    session: Session,
    record: EmulationYear,
    gid: uuid.UUID,
    title_name: str,
    state: list[ReviewRow],
    votes: tuple[int, int] | None,
) -> str:
    """A union group's line: its members, its people who achieved LĐTT, its recognised initiatives."""
    group = session.get(UnionGroup, gid)
    members = (
        session.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.union_group_id == gid, Person.is_member.is_(True), Person.at_work_after(year_end(record)))
        )
        or 0
    )
    ldtt = sum(1 for r in state if r.person_id and r.title_code == LDTT and r.achieved and r.group_name == group.name)
    recognised = (
        session.scalar(
            select(func.count(func.distinct(Initiative.id)))
            .select_from(InitiativeAuthor)
            .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
            .join(Person, Person.id == InitiativeAuthor.person_id)
            .where(Person.union_group_id == gid, recognised_in(record.year))
        )
        or 0
    )
    return core.group_summary(
        core.GroupFacts(record.year, group.name, title_name, members, ldtt, recognised, group.leader_name or "", votes)
    )
