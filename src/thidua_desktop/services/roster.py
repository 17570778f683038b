"""Use cases for the roster: listing, counting, people and union groups, history.

The listing reads with one Core query and no ORM objects: it feeds a table of up to
20,000 people at start-up.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from thidua_desktop import clock
from thidua_desktop.core import field_checks, vntext
from thidua_desktop.services.dto import PersonRow
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AwardTitle,
    EmulationYear,
    IndividualRegistration,
    Person,
    UnionGroup,
    Unit,
)


def list_people(db: Database, *, include_left: bool = False) -> list[PersonRow]:
    """People on the roster in Vietnamese order; those who left only when asked for."""
    query = (
        select(
            type_coerce(Person.id, String),
            Person.family_middle,
            Person.given_name,
            Person.birth_date,
            Person.birth_year,
            Person.gender,
            Person.position,
            func.coalesce(UnionGroup.name, ""),
            Person.is_member,
            Person.joined_union_on,
            Person.search_key,
            Person.left_on,
        )
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        .order_by(Person.sort_key)
    )
    if not include_left:
        query = query.where(Person.at_work())
    with db.engine.connect() as conn:
        return [PersonRow(*row) for row in conn.execute(query)]


def count_people(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        active = Person.at_work()
        total = conn.scalar(select(func.count()).select_from(Person).where(active)) or 0
        members = conn.scalar(select(func.count()).select_from(Person).where(active, Person.is_member)) or 0
        women = conn.scalar(select(func.count()).select_from(Person).where(active, Person.gender == "F")) or 0
        women_members = (
            conn.scalar(select(func.count()).select_from(Person).where(active, Person.is_member, Person.gender == "F"))
            or 0
        )
        groups = conn.scalar(select(func.count()).select_from(UnionGroup)) or 0
    return {"total": total, "members": members, "women": women, "women_members": women_members, "groups": groups}


# --- people and groups ----------------------------------------------------------------------


@dataclass
class PersonDetail:
    family_middle: str
    given_name: str
    birth_date: date | None = None
    birth_year: int | None = None
    gender: str = ""
    ethnicity: str = ""
    position: str = ""
    department: str = ""
    group_id: str | None = None
    is_member: bool = True
    joined_union_on: date | None = None
    employed_since: date | None = None
    education: str = ""
    phone: str = ""
    email: str = ""
    left_on: date | None = None
    note: str = ""
    id: str | None = None

    @property
    def full_name(self) -> str:
        return vntext.join_name(self.family_middle, self.given_name)


@dataclass(frozen=True)
class GroupInfo:
    name: str
    leader_name: str = ""
    id: str | None = None
    people: int = 0


@dataclass(frozen=True)
class HistoryRow:
    year: int
    kind: str  # "registered" (later: "achieved", "award")
    title: str
    detail: str = ""


_DETAIL_FIELDS = (
    "family_middle",
    "given_name",
    "birth_date",
    "birth_year",
    "gender",
    "ethnicity",
    "position",
    "department",
    "is_member",
    "joined_union_on",
    "employed_since",
    "education",
    "phone",
    "email",
    "left_on",
    "note",
)


def _unit_id(session: Session) -> uuid.UUID:
    unit_id = session.scalar(select(Unit.id).limit(1))
    if unit_id is None:
        raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
    return unit_id


def validate_person(detail: PersonDetail, *, today: date | None = None) -> list[str]:
    today = today or clock.today()
    problems = []
    if not vntext.nfc(detail.given_name):
        problems.append("Tên không được để trống.")
    if detail.birth_date is not None:
        if detail.birth_date.year < 1900 or detail.birth_date > today:
            problems.append(f"Ngày sinh {vntext.format_date(detail.birth_date)} không hợp lý.")
        elif (today - detail.birth_date).days < 15 * 365:
            problems.append("Người lao động phải từ đủ 15 tuổi.")
    if detail.birth_year is not None and not 1900 <= detail.birth_year <= today.year - 15:
        problems.append(f"Năm sinh {detail.birth_year} không hợp lý.")
    if detail.gender not in ("", "M", "F"):
        problems.append("Giới tính phải là Nam hoặc Nữ.")
    if problem := field_checks.email_problem(detail.email, "Email"):
        problems.append(problem)
    for label, value in (("Ngày vào công đoàn", detail.joined_union_on), ("Ngày vào làm", detail.employed_since)):
        if value is not None and (value.year < 1930 or value > today):
            problems.append(f"{label} {vntext.format_date(value)} không hợp lý.")
    if detail.left_on is not None and detail.employed_since is not None and detail.left_on < detail.employed_since:
        problems.append("Ngày nghỉ việc không được trước ngày vào làm.")
    if detail.joined_union_on is not None and not detail.is_member and detail.left_on is None:
        problems.append("Đã có ngày vào công đoàn nhưng chưa đánh dấu là đoàn viên.")
    return problems


def _detail(person: Person) -> PersonDetail:
    values = {name: getattr(person, name) for name in _DETAIL_FIELDS}
    return PersonDetail(
        **values, id=person.id.hex, group_id=person.union_group_id.hex if person.union_group_id else None
    )


def get_person(db: Database, person_id: str) -> PersonDetail:
    with db.reading() as session:
        person = session.get(Person, uuid.UUID(str(person_id)))
        if person is None:
            raise NotFoundError("Không tìm thấy người này trong danh sách.")
        return _detail(person)


def save_person(db: Database, detail: PersonDetail) -> PersonDetail:
    problems = validate_person(detail)
    if problems:
        raise ValidationError("\n".join(problems))
    action = "Sửa thông tin người lao động" if detail.id else "Thêm người lao động"
    with db.transaction(f"{action}: {detail.full_name}") as session:
        if detail.id:
            person = session.get(Person, uuid.UUID(detail.id))
            if person is None:
                raise NotFoundError("Không tìm thấy người này trong danh sách.")
        else:
            person = Person(unit_id=_unit_id(session), given_name=detail.given_name)
            session.add(person)
        for name in _DETAIL_FIELDS:
            value = getattr(detail, name)
            setattr(person, name, value.strip() if isinstance(value, str) else value)
        if detail.group_id:
            group = session.get(UnionGroup, uuid.UUID(detail.group_id))
            if group is None:
                raise NotFoundError("Tổ công đoàn đã chọn không còn.")
            person.union_group_id = group.id
        else:
            person.union_group_id = None
        session.flush()
        return _detail(person)


def mark_left(db: Database, person_id: str, left_on: date) -> PersonDetail:
    detail = get_person(db, person_id)
    detail.left_on = left_on
    return save_person(db, detail)


def list_groups(db: Database) -> list[GroupInfo]:
    with db.engine.connect() as conn:
        counts = dict(
            conn.execute(
                select(Person.union_group_id, func.count()).where(Person.at_work()).group_by(Person.union_group_id)
            ).all()
        )
        groups = conn.execute(select(UnionGroup).order_by(UnionGroup.ordinal, UnionGroup.name)).all()
    return [GroupInfo(g.name, g.leader_name, g.id.hex, counts.get(g.id, 0)) for g in groups]


def save_group(db: Database, group: GroupInfo) -> GroupInfo:
    name = vntext.nfc(group.name)
    if not name:
        raise ValidationError("Tên tổ công đoàn không được để trống.")
    with db.transaction(f"Lưu tổ công đoàn {name}") as session:
        clash = session.scalars(select(UnionGroup).where(UnionGroup.name == name)).first()
        if clash is not None and clash.id.hex != group.id:
            raise ValidationError(f"Đã có tổ công đoàn tên '{name}'.")
        if group.id:
            record = session.get(UnionGroup, uuid.UUID(group.id))
            if record is None:
                raise NotFoundError("Tổ công đoàn không còn.")
        else:
            record = UnionGroup(
                unit_id=_unit_id(session),
                name=name,
                ordinal=(session.scalar(select(func.max(UnionGroup.ordinal))) or 0) + 1,
            )
            session.add(record)
        record.name = name
        record.leader_name = vntext.nfc(group.leader_name)
        session.flush()
        return GroupInfo(record.name, record.leader_name, record.id.hex)


def delete_group(db: Database, group_id: str) -> None:
    with db.transaction("Xóa tổ công đoàn") as session:
        record = session.get(UnionGroup, uuid.UUID(group_id))
        if record is None:
            raise NotFoundError("Tổ công đoàn không còn.")
        members = session.scalar(
            select(func.count()).select_from(Person).where(Person.union_group_id == record.id, Person.at_work())
        )
        if members:
            raise ValidationError(f"Tổ '{record.name}' còn {members} người; hãy chuyển họ sang tổ khác trước khi xóa.")
        session.delete(record)


def person_history(db: Database, person_id: str) -> list[HistoryRow]:
    """The person's titles and awards over the years, newest year first: in each year the awards
    decided ("award", with the decision), the titles achieved at the review ("achieved", with the
    votes), then the titles registered ("registered", with the planned initiative)."""
    from thidua_desktop.store.models import Proposal, ReviewResult

    pid = uuid.UUID(str(person_id))
    with db.reading() as session:
        registered = session.execute(
            select(EmulationYear.year, AwardTitle.name, IndividualRegistration.planned_initiative, AwardTitle.ordinal)
            .join(EmulationYear, EmulationYear.id == IndividualRegistration.year_id)
            .join(
                AwardTitle,
                (AwardTitle.year_id == IndividualRegistration.year_id)
                & (AwardTitle.code == IndividualRegistration.title_code),
            )
            .where(IndividualRegistration.person_id == pid)
        ).all()
        achieved = session.execute(
            select(
                EmulationYear.year,
                AwardTitle.name,
                ReviewResult.votes_for,
                ReviewResult.votes_total,
                AwardTitle.ordinal,
            )
            .join(EmulationYear, EmulationYear.id == ReviewResult.year_id)
            .join(
                AwardTitle, (AwardTitle.year_id == ReviewResult.year_id) & (AwardTitle.code == ReviewResult.title_code)
            )
            .where(ReviewResult.person_id == pid, ReviewResult.achieved.is_(True))
        ).all()
        awards = session.execute(
            select(
                EmulationYear.year,
                AwardTitle.name,
                Proposal.decision_number,
                Proposal.decision_date,
                AwardTitle.ordinal,
            )
            .join(EmulationYear, EmulationYear.id == Proposal.year_id)
            .join(AwardTitle, (AwardTitle.year_id == Proposal.year_id) & (AwardTitle.code == Proposal.award_code))
            .where(Proposal.person_id == pid, Proposal.decision_number != "")
        ).all()
    rows = [
        (
            year,
            0,
            ordinal,
            HistoryRow(
                year,
                "award",
                title,
                f"Quyết định số {number}" + (f" ngày {vntext.format_date(decided)}" if decided else ""),
            ),
        )
        for year, title, number, decided, ordinal in awards
    ]
    rows += [
        (
            year,
            1,
            ordinal,
            HistoryRow(
                year, "achieved", title, f"Bình xét: {votes_for}/{votes_total} phiếu đồng ý" if votes_total else ""
            ),
        )
        for year, title, votes_for, votes_total, ordinal in achieved
    ]
    rows += [
        (year, 2, ordinal, HistoryRow(year, "registered", title, initiative or ""))
        for year, title, initiative, ordinal in registered
    ]
    return [row for *_, row in sorted(rows, key=lambda r: (-r[0], r[1], r[2]))]


def person_id_from_prefix(db: Database, text: str) -> str:
    """The person whose id (32 hex digits, as ``thidua members list`` shows its start) begins with ``text``.

    At least 6 hex digits; none or several matches are refused in Vietnamese."""
    from thidua_desktop.services.ids import resolve_prefix

    return resolve_prefix(
        db,
        Person,
        text,
        "người",
        invalid=f"Mã người '{text}' không hợp lệ: ghi ít nhất 6 ký tự đầu của mã (xem 'thidua members list').",
    )


@dataclass
class PersonCard:
    """One person as the roster's side panel shows them: details, group name, history, initiatives."""

    detail: PersonDetail
    group_name: str
    history: list[HistoryRow]
    initiatives: list = field(default_factory=list)  # initiatives.InitiativeRow they are an author of


def person_card(db: Database, person_id: str) -> PersonCard:
    from thidua_desktop.services import initiatives

    detail = get_person(db, person_id)
    groups = {g.id: g.name for g in list_groups(db)}
    return PersonCard(
        detail,
        groups.get(detail.group_id, ""),
        person_history(db, person_id),
        initiatives.person_initiatives(db, person_id),
    )
