"""The review lines as they stand: every title under review this year (people, the CĐCS itself and
its union groups), what is stored for each, and the exclusions the rule table gives now.

The lookups the review's use cases share (the year, its catalogue, the union groups, ids given as
text) live here too.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from thidua_desktop.core import review as core, vntext
from thidua_desktop.core.registration import CSTDCS, LDTT, TitleFacts
from thidua_desktop.core.review import Exclusion, ReviewInputs
from thidua_desktop.core.review_proposals import is_group_title
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AwardTitle,
    CollectiveRegistration,
    EmulationYear,
    IndividualRegistration,
    Initiative,
    InitiativeAuthor,
    Person,
    ReviewResult,
    UnionGroup,
    Unit,
)

UNKNOWN_ORDINAL = 999  # a title code the year's catalogue does not hold

Key = tuple[str | None, str | None, str]  # (person id, union group id, title code), ids as 32 hex digits


@dataclass(frozen=True)
class ReviewRow:
    person_id: str | None  # None: the collective (the CĐCS itself, or the union group below)
    full_name: str
    gender: str
    position: str
    group_name: str
    title_code: str
    title_name: str
    registered: bool
    achieved: bool | None  # None until decided
    votes_for: int | None
    votes_total: int | None
    exclusions: tuple[Exclusion, ...]
    inputs: ReviewInputs
    note: str
    stored: bool  # a ReviewResult row exists
    sort_key: str = ""
    title_ordinal: int = 0
    union_group_id: str | None = None  # a union group's line (person_id None, full_name the group's name)

    @property
    def key(self) -> Key:
        return (self.person_id, self.union_group_id, self.title_code)

    @property
    def is_group(self) -> bool:
        return self.union_group_id is not None

    @property
    def excluded(self) -> bool:
        """Excluded by the rules (an unregistered title is reported, not excluded from a manual decision)."""
        return any(e.code != core.NOT_REGISTERED for e in self.exclusions)

    @property
    def days_off(self) -> int | None:
        return self.inputs.days_off

    @property
    def discipline(self) -> str:
        return self.inputs.discipline

    @property
    def warnings(self) -> tuple[str, ...]:
        found = []
        if self.achieved and not self.registered:
            found.append("danh hiệu chưa đăng ký")
        if self.achieved and self.excluded:
            found.append(
                "thuộc diện không xét: " + core.describe([e for e in self.exclusions if e.code != core.NOT_REGISTERED])
            )
        if self.achieved and core.majority(self.votes_for, self.votes_total) is False:
            found.append(f"chưa quá nửa số phiếu ({self.votes_for}/{self.votes_total})")
        return tuple(found)


# --- lookups ------------------------------------------------------------------------------------


def year_record(session: Session, year: int) -> EmulationYear:
    record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def titles_of(record: EmulationYear) -> dict[str, AwardTitle]:
    return {t.code: t for t in record.titles}


def rules_of(record: EmulationYear) -> dict[str, Decimal]:
    """The year's rule table: key → value."""
    return {r.key: r.value for r in record.rules}


def year_end(record: EmulationYear) -> date:
    """The end of the year's last phase (31 December when it has none)."""
    return record.phases[-1].end if record.phases else date(record.year, 12, 31)


def title_facts(t: AwardTitle) -> TitleFacts:
    return TitleFacts(t.code, t.name, t.subject, t.category, t.system, t.women_only, t.requires_initiative)


def group_names(session: Session) -> dict[str, tuple[str, int]]:
    """Union group id (hex) → (name, ordinal)."""
    return {
        gid: (name, ordinal or 0)
        for gid, name, ordinal in session.execute(select(hex_of(UnionGroup.id), UnionGroup.name, UnionGroup.ordinal))
    }


def unit_name(session: Session) -> str:
    return session.scalar(select(Unit.name).limit(1)) or "Công đoàn cơ sở"


def uuid_from(text: object, what: str) -> uuid.UUID:
    """An id given as text; refused as "<what> '<text>' không hợp lệ." when it is none."""
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise ValidationError(f"{what} '{text}' không hợp lệ.") from None


def group_uuid(text: str) -> uuid.UUID:
    return uuid_from(text, "Mã tổ công đoàn")


def person_uuid(text: str | None) -> uuid.UUID | None:
    return None if text is None else uuid_from(text, "Mã người")


def hex_of(column):
    """A UUID column read as its stored 32 hex digits (no uuid.UUID per value: 20,000 rows read fast)."""
    return type_coerce(column, String)


def recognised_in(year: int):
    """The condition on ``Initiative``: recognised, of ``year`` or decided in it."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (Initiative.status == "recognised") & or_(
        Initiative.year == year, Initiative.decision_date.between(first, last)
    )


# --- the review table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    id: str
    achieved: bool | None
    votes_for: int | None
    votes_total: int | None
    exclusions: list
    note: str
    registered: bool


def stored_lines(session: Session, record: EmulationYear) -> dict[Key, Stored]:
    rows = session.execute(
        select(
            hex_of(ReviewResult.id),
            hex_of(ReviewResult.person_id),
            hex_of(ReviewResult.union_group_id),
            ReviewResult.title_code,
            ReviewResult.achieved,
            ReviewResult.votes_for,
            ReviewResult.votes_total,
            type_coerce(ReviewResult.exclusions, String),
            ReviewResult.note,
            ReviewResult.registered,
        ).where(ReviewResult.year_id == record.id)
    ).all()
    return {
        (pid, None if pid else gid, code): Stored(
            rid, achieved, vf, vt, json.loads(raw) if raw and raw != "[]" else [], note or "", bool(registered)
        )
        for rid, pid, gid, code, achieved, vf, vt, raw, note, registered in rows
    }


def registered_keys(
    session: Session, record: EmulationYear, titles: dict[str, AwardTitle], group_ids: Iterable[str]
) -> set[Key]:
    """Every (person | union group | the CĐCS, title) registered this year."""
    keys: set[Key] = {
        (pid, None, code)
        for pid, code in session.execute(
            select(hex_of(IndividualRegistration.person_id), IndividualRegistration.title_code).where(
                IndividualRegistration.year_id == record.id
            )
        )
    }
    collective = session.scalars(
        select(CollectiveRegistration).where(CollectiveRegistration.year_id == record.id)
    ).first()
    groups = list(group_ids)
    for code in collective.title_codes if collective else []:
        title = titles.get(code)
        if title is not None and is_group_title(title):
            keys.update((None, gid, code) for gid in groups)
        else:
            keys.add((None, None, code))
    return keys


def recognised_authors(session: Session, year: int) -> set[str]:
    return set(
        session.scalars(
            select(hex_of(InitiativeAuthor.person_id))
            .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
            .where(InitiativeAuthor.person_id.is_not(None), recognised_in(year))
        )
    )


def state_of(session: Session, record: EmulationYear, stored: dict[Key, Stored] | None = None) -> list[ReviewRow]:
    """Every title under review this year, with the exclusions computed now."""
    titles = titles_of(record)
    facts = {code: title_facts(t) for code, t in titles.items()}
    group_titles = {code for code, t in titles.items() if is_group_title(t)}
    rules = rules_of(record)
    stored = stored_lines(session, record) if stored is None else stored
    groups = group_names(session)
    keys: dict[Key, bool] = {key: True for key in registered_keys(session, record, titles, groups)}
    for key in stored:
        keys.setdefault(key, False)
    people = {
        row[0]: row
        for row in session.execute(
            select(
                hex_of(Person.id),
                Person.family_middle,
                Person.given_name,
                Person.gender,
                Person.is_member,
                Person.employed_since,
                Person.left_on,
                Person.position,
                Person.sort_key,
                UnionGroup.name,
            ).outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        )
    }  # one scan: cheaper than IN (…)
    inputs: dict[str, ReviewInputs] = {}
    for (pid, _, _), row in stored.items():
        if pid is not None and row.exclusions:
            _, found = core.split_exclusions(row.exclusions)
            if found.days_off is not None or found.disciplined:
                inputs[pid] = found
    authors = recognised_authors(session, record.year)
    cdcs_name = unit_name(session)
    none = ReviewInputs()

    def build(key: Key, registered: bool, ldtt_state=None) -> ReviewRow | None:
        pid, gid, code = key
        title = titles.get(code)
        row = stored.get(key)
        if gid is not None:
            if gid not in groups:
                return None
            name, ordinal = groups[gid]
            subject = core.Subject(None, name, union_group_id=gid)
            gender, position, group, sort = "", "", "", f"{ordinal:06d}{vntext.sort_key(name)}"
        elif pid is None:
            subject = core.Subject(None, cdcs_name)
            name, gender, position, group, sort = cdcs_name, "", "", "", ""
        else:
            p = people.get(pid)
            if p is None:
                return None
            _, fm, given, gender, member, employed, left, position, sort, group = p
            name = vntext.join_name(fm, given)
            subject = core.Subject(pid, name, gender, member, employed, left)
        mine = inputs.get(pid, none) if pid is not None else none
        if title is None:
            found = (Exclusion("unknown_title", f"danh hiệu '{code}' không có trong danh mục của năm"),)
            title_name, title_ordinal = code, UNKNOWN_ORDINAL
        else:
            found = tuple(
                core.exclusions(
                    record.year,
                    subject,
                    facts[code],
                    registered=registered,
                    inputs=mine,
                    rules=rules,
                    has_recognised_initiative=pid in authors,
                    ldtt_state=ldtt_state,
                    group_title=code in group_titles,
                )
            )
            title_name, title_ordinal = title.name, title.ordinal
        return ReviewRow(
            pid,
            name,
            gender or "",
            position or "",
            group or "",
            code,
            title_name,
            registered,
            row.achieved if row else None,
            row.votes_for if row else None,
            row.votes_total if row else None,
            found,
            mine,
            row.note if row else "",
            row is not None,
            sort or "",
            title_ordinal,
            gid,
        )

    first = [build(key, reg) for key, reg in keys.items() if key[2] != CSTDCS]
    first = [r for r in first if r is not None]
    ldtt = ldtt_states(first)
    second = [build(key, reg, ldtt.get(key[0])) for key, reg in keys.items() if key[2] == CSTDCS]
    rows = first + [r for r in second if r is not None]
    rows.sort(
        key=lambda r: (
            2 if r.person_id else 1 if r.union_group_id else 0,
            r.title_ordinal,
            r.sort_key,
            r.person_id or r.union_group_id or "",
        )
    )
    return rows


def ldtt_states(rows: Iterable[ReviewRow]) -> dict[str, str]:
    """How each person stands for Lao động tiên tiến (what CSTĐCS depends on)."""
    return {
        r.person_id: (
            "achieved" if r.achieved else "not_achieved" if r.achieved is False or r.excluded else "undecided"
        )
        for r in rows
        if r.title_code == LDTT and r.person_id is not None
    }


def restate(state: list[ReviewRow], stored: dict[Key, Stored]) -> list[ReviewRow]:
    """``state`` again after decisions written into ``stored`` within the same action (registrations,
    people and inputs unchanged): the decisions read anew, the CSTĐCS lines' LĐTT condition
    checked again; nothing else depends on a decision, so nothing else is recomputed."""

    def fresh(r: ReviewRow) -> ReviewRow:
        row = stored.get(r.key)
        if row is None:
            return r
        return replace(
            r, achieved=row.achieved, votes_for=row.votes_for, votes_total=row.votes_total, note=row.note, stored=True
        )

    rows = [fresh(r) for r in state]
    ldtt = ldtt_states(rows)
    for i, r in enumerate(rows):
        if r.title_code == CSTDCS and r.person_id is not None and r.title_ordinal != UNKNOWN_ORDINAL:
            found = [e for e in r.exclusions if e.code != core.NO_LDTT]
            missing = core.no_ldtt(ldtt.get(r.person_id))
            rows[i] = replace(r, exclusions=tuple(found + ([missing] if missing else [])))
    return rows
