"""Use cases for the year-end review (bình xét) and the commendation proposals (đề nghị khen thưởng).

The review lists every registered title (people, the collective and its union groups) with the
exclusions the rule table gives, takes the meeting (date, place, chair, secretary, attendance)
and the votes, and decides by majority; the proposal list then follows from what was achieved:

* an achieved title of the collective that someone else recognises (CĐCS vững mạnh: the upper
  union) → proposed to the upper level; one the CĐCS gives itself (Tổ CĐ vững mạnh) → own;
* union groups: a collective title the CĐCS's own Ban Chấp hành gives (Tổ công đoàn vững mạnh) is
  a group title. When the collective registration holds one, every union group is registered for
  it and gets its review line (``ReviewResult.union_group_id``); an achieved one becomes a tập
  thể line of the CĐCS's own awards, the group's by id (``Proposal.union_group_id``: renamed, the
  group keeps its line);
* each :class:`ProposalRule` (configurable, stored in ``app_setting`` under ``proposal_rules``):
  by default an achieved CSTĐCS → Giấy khen of the upper union (``GK_CTTCS``, upper) and an
  achieved ĐVCĐ xuất sắc → the CĐCS's own Giấy khen (``GK_CDCS``, own);
* each LĐST candidate on the roster who is a member → Bằng Lao động sáng tạo (``BANG_LDST``).

Building the list again adds what is missing and never deletes: a line that no longer
qualifies is reported as stale for the officer to remove.

The votes, the majority and the inputs write their review lines in bulk (:class:`_Writer`: Core
``insert``/``update`` executemany) with ONE audit entry per action that lists every line inserted
and every field changed (before → after), instead of one ORM object and one audit row per line.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Uuid,
    bindparam,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session, aliased

from thidua_desktop.core import review as core, vntext
from thidua_desktop.core.registration import CSTDCS, LDTT, Finding, TitleFacts
from thidua_desktop.core.review import Exclusion, ReviewInputs, Vote
from thidua_desktop.services import results as results_service
from thidua_desktop.services.roster import HistoryRow
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AppSetting,
    AuditEntry,
    AwardTitle,
    CollectiveRegistration,
    EmulationYear,
    IndividualRegistration,
    Initiative,
    InitiativeAuthor,
    Officer,
    Person,
    Proposal,
    ReviewMeeting,
    ReviewResult,
    UnionGroup,
    Unit,
    utcnow,
)

BANG_LDST = "BANG_LDST"
UNKNOWN_ORDINAL = 999  # a title code the year's catalogue does not hold
OWN_ISSUER = "Ban Chấp hành CĐCS"
SETTING_RULES = "proposal_rules"


@dataclass(frozen=True)
class ProposalRule:
    """An achieved title that leads to a proposal: ``award_code`` at ``level`` (own | upper)."""

    title_code: str
    award_code: str
    level: str


DEFAULT_RULES = (ProposalRule(CSTDCS, "GK_CTTCS", "upper"), ProposalRule("DVCD_XS", "GK_CDCS", "own"))


@dataclass(frozen=True)
class MeetingInfo:
    year: int
    held_on: date | None
    place: str
    chair: str
    secretary: str
    attendance_total: int | None
    attendance_present: int | None
    notes: str


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
            found.append("thuộc diện không xét: " + core.describe([e for e in self.exclusions
                                                                    if e.code != core.NOT_REGISTERED]))
        if self.achieved and core.majority(self.votes_for, self.votes_total) is False:
            found.append(f"chưa quá nửa số phiếu ({self.votes_for}/{self.votes_total})")
        return tuple(found)


@dataclass(frozen=True)
class MajoritySummary:
    achieved: int
    not_achieved: int
    excluded: int
    capped: int
    without_votes: int
    kept: int
    unregistered_skipped: int


@dataclass(frozen=True)
class ProposalRow:
    id: str
    section: str  # "A" tập thể | "B" cá nhân
    level: str  # own | upper
    person_id: str | None
    name: str
    position: str
    group_name: str
    award_code: str
    award_name: str
    summary: str
    decision_number: str
    decision_date: date | None
    ordinal: int
    union_group_id: str | None = None  # a union group's line (name: the group's name now)


@dataclass(frozen=True)
class BuildSummary:
    added: int
    kept: int
    stale: tuple[ProposalRow, ...]  # lines that no longer follow from the review (not deleted)
    rows: tuple[ProposalRow, ...]
    notes: tuple[str, ...]  # candidates left out, and why


# --- lookups ------------------------------------------------------------------------------------


def _year(session: Session, year: int) -> EmulationYear:
    record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def _titles(record: EmulationYear) -> dict[str, AwardTitle]:
    return {t.code: t for t in record.titles}


def _facts(t: AwardTitle) -> TitleFacts:
    return TitleFacts(t.code, t.name, t.subject, t.category, t.system, t.women_only, t.requires_initiative)


def is_group_title(title: AwardTitle) -> bool:
    """A collective title the CĐCS's own Ban Chấp hành gives: to its union groups, not to itself."""
    return title.subject == "collective" and title.category == "title" and vntext.nfc(title.issuer) == OWN_ISSUER


def _groups(session: Session) -> dict[str, tuple[str, int]]:
    """Union group id (hex) → (name, ordinal)."""
    return {gid: (name, ordinal or 0) for gid, name, ordinal in session.execute(
        select(_hex(UnionGroup.id), UnionGroup.name, UnionGroup.ordinal))}


def _unit_name(session: Session) -> str:
    return session.scalar(select(Unit.name).limit(1)) or "Công đoàn cơ sở"


def _group_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise ValidationError(f"Mã tổ công đoàn '{text}' không hợp lệ.") from None


def _pid(text: str | None) -> uuid.UUID | None:
    if text is None:
        return None
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise ValidationError(f"Mã người '{text}' không hợp lệ.") from None


def _meeting(session: Session, record: EmulationYear) -> ReviewMeeting | None:
    return session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()


def _meeting_info(record: EmulationYear, m: ReviewMeeting) -> MeetingInfo:
    return MeetingInfo(record.year, m.held_on, m.place, m.chair, m.secretary, m.attendance_total,
                       m.attendance_present, m.notes)


# --- the review table ---------------------------------------------------------------------------


def _hex(column):
    """A UUID column read as its stored 32 hex digits (no uuid.UUID per value: 20,000 rows read fast)."""
    return type_coerce(column, String)


@dataclass(frozen=True)
class _Stored:
    id: str
    achieved: bool | None
    votes_for: int | None
    votes_total: int | None
    exclusions: list
    note: str
    registered: bool


def _stored(session: Session, record: EmulationYear) -> dict[Key, _Stored]:
    rows = session.execute(
        select(_hex(ReviewResult.id), _hex(ReviewResult.person_id), _hex(ReviewResult.union_group_id),
               ReviewResult.title_code, ReviewResult.achieved, ReviewResult.votes_for, ReviewResult.votes_total,
               type_coerce(ReviewResult.exclusions, String), ReviewResult.note, ReviewResult.registered)
        .where(ReviewResult.year_id == record.id)).all()
    return {(pid, None if pid else gid, code): _Stored(rid, achieved, vf, vt,
                                                       json.loads(raw) if raw and raw != "[]" else [], note or "",
                                                       bool(registered))
            for rid, pid, gid, code, achieved, vf, vt, raw, note, registered in rows}


def _registered_keys(session: Session, record: EmulationYear, titles: dict[str, AwardTitle],
                     group_ids: Iterable[str]) -> set[Key]:
    """Every (person | union group | the CĐCS, title) registered this year."""
    keys: set[Key] = {(pid, None, code) for pid, code in session.execute(
        select(_hex(IndividualRegistration.person_id), IndividualRegistration.title_code)
        .where(IndividualRegistration.year_id == record.id))}
    collective = session.scalars(select(CollectiveRegistration).where(
        CollectiveRegistration.year_id == record.id)).first()
    groups = list(group_ids)
    for code in (collective.title_codes if collective else []):
        title = titles.get(code)
        if title is not None and is_group_title(title):
            keys.update((None, gid, code) for gid in groups)
        else:
            keys.add((None, None, code))
    return keys


def _recognised_authors(session: Session, year: int) -> set[str]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return set(session.scalars(
        select(_hex(InitiativeAuthor.person_id)).join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .where(InitiativeAuthor.person_id.is_not(None), Initiative.status == "recognised",
               or_(Initiative.year == year, Initiative.decision_date.between(first, last)))
    ))


def _state(session: Session, record: EmulationYear, stored: dict[Key, _Stored] | None = None) -> list[ReviewRow]:
    """Every title under review this year, with the exclusions computed now."""
    titles = _titles(record)
    facts = {code: _facts(t) for code, t in titles.items()}
    group_titles = {code for code, t in titles.items() if is_group_title(t)}
    rules = {r.key: r.value for r in record.rules}
    stored = _stored(session, record) if stored is None else stored
    groups = _groups(session)
    keys: dict[Key, bool] = {key: True for key in _registered_keys(session, record, titles, groups)}
    for key in stored:
        keys.setdefault(key, False)
    people = {row[0]: row for row in session.execute(
        select(_hex(Person.id), Person.family_middle, Person.given_name, Person.gender, Person.is_member,
               Person.employed_since, Person.left_on, Person.position, Person.sort_key, UnionGroup.name)
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id))}  # one scan: cheaper than IN (…)
    inputs: dict[str, ReviewInputs] = {}
    for (pid, _, _), row in stored.items():
        if pid is not None and row.exclusions:
            _, found = core.split_exclusions(row.exclusions)
            if found.days_off is not None or found.disciplined:
                inputs[pid] = found
    authors = _recognised_authors(session, record.year)
    unit_name = _unit_name(session)
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
            subject = core.Subject(None, unit_name)
            name, gender, position, group, sort = unit_name, "", "", "", ""
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
            found = tuple(core.exclusions(record.year, subject, facts[code], registered=registered, inputs=mine,
                                          rules=rules, has_recognised_initiative=pid in authors,
                                          ldtt_state=ldtt_state, group_title=code in group_titles))
            title_name, title_ordinal = title.name, title.ordinal
        return ReviewRow(
            pid, name, gender or "", position or "", group or "", code, title_name, registered,
            row.achieved if row else None, row.votes_for if row else None, row.votes_total if row else None,
            found, mine, row.note if row else "", row is not None, sort or "", title_ordinal, gid)

    first = [build(key, reg) for key, reg in keys.items() if key[2] != CSTDCS]
    first = [r for r in first if r is not None]
    ldtt = _ldtt_states(first)
    second = [build(key, reg, ldtt.get(key[0])) for key, reg in keys.items() if key[2] == CSTDCS]
    rows = first + [r for r in second if r is not None]
    rows.sort(key=lambda r: (2 if r.person_id else 1 if r.union_group_id else 0, r.title_ordinal, r.sort_key,
                             r.person_id or r.union_group_id or ""))
    return rows


def _ldtt_states(rows: Iterable[ReviewRow]) -> dict[str, str]:
    """How each person stands for Lao động tiên tiến (what CSTĐCS depends on)."""
    return {r.person_id: ("achieved" if r.achieved else "not_achieved" if r.achieved is False or r.excluded
                          else "undecided")
            for r in rows if r.title_code == LDTT and r.person_id is not None}


def _restate(state: list[ReviewRow], stored: dict[Key, _Stored]) -> list[ReviewRow]:
    """``state`` again after decisions written into ``stored`` within the same action (registrations,
    people and inputs unchanged): the decisions read anew, the CSTĐCS lines' LĐTT condition
    checked again; nothing else depends on a decision, so nothing else is recomputed."""
    def fresh(r: ReviewRow) -> ReviewRow:
        row = stored.get(r.key)
        if row is None:
            return r
        return replace(r, achieved=row.achieved, votes_for=row.votes_for, votes_total=row.votes_total, note=row.note,
                       stored=True)

    rows = [fresh(r) for r in state]
    ldtt = _ldtt_states(rows)
    for i, r in enumerate(rows):
        if r.title_code == CSTDCS and r.person_id is not None and r.title_ordinal != UNKNOWN_ORDINAL:
            found = [e for e in r.exclusions if e.code != core.NO_LDTT]
            missing = core.no_ldtt(ldtt.get(r.person_id))
            rows[i] = replace(r, exclusions=tuple(found + ([missing] if missing else [])))
    return rows


def review_table(db: Database, year: int) -> list[ReviewRow]:
    """Each registered title of the year (the collective's first), plus titles decided without
    registration, with votes, the decision and the exclusions the rule table gives now."""
    with db.reading() as session:
        return _state(session, _year(session, year))


class _Writer:
    """The review lines one action writes, in bulk, with ONE audit entry for the lot.

    ``rows`` is the action's view of the stored lines (key → :class:`_Stored`), updated by
    :meth:`set` as it goes, so :func:`_state` can be computed again mid-action without writing.
    :meth:`finish` inserts the new lines and updates the changed fields (Core executemany; the
    ORM's per-object hook is not involved) and adds an audit entry (entity ``review_result``,
    entity id the emulation year's, operation ``bulk``) with the counts, every line inserted (its
    values) and every field changed (before → after), so nothing is lost.
    """

    def __init__(self, session: Session, record: EmulationYear, stored: dict[Key, _Stored]) -> None:
        self.session = session
        self.record = record
        self.rows: dict[Key, _Stored] = dict(stored)
        self.before: dict[str, _Stored] = {}  # id → the line as it was, for the lines changed
        self.new: dict[str, Key] = {}  # id → key of the lines this action inserts

    def set(self, key: Key, **values) -> None:
        row = self.rows.get(key)
        if row is None:
            row = _Stored(uuid.uuid4().hex, None, None, None, [], "", False)
            self.new[row.id] = key
        else:
            values = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not values:
                return
            if row.id not in self.new:
                self.before.setdefault(row.id, row)
        self.rows[key] = replace(row, **values)

    def finish(self) -> tuple[int, int]:
        """Write everything; return (inserted, updated)."""
        now = utcnow()
        inserted, updated = [], []
        audit_new: dict[str, dict] = {}
        audit_changed: dict[str, dict] = {}
        for key, row in self.rows.items():
            values = {f: getattr(row, f) for f in _FIELDS}
            if row.id in self.new:
                pid, gid, code = key
                inserted.append({"id": row.id, "year_id": self.record.id.hex, "person_id": pid,
                                 "union_group_id": gid, "title_code": code, **values, "created_at": now,
                                 "updated_at": now})
                audit_new[row.id] = {"person_id": pid, "union_group_id": gid, "title_code": code,
                                     **{f: v for f, v in values.items() if v is not None and v != "" and v != []}}
            elif row.id in self.before:
                old = self.before[row.id]
                changes = {f: [getattr(old, f), v] for f, v in values.items() if getattr(old, f) != v}
                if changes:
                    updated.append({"id": row.id, **{f: v[1] for f, v in changes.items()},
                                    "updated_at": now})
                    audit_changed[row.id] = changes
        table = _REVIEW_HEX
        for chunk in range(0, len(inserted), 2000):
            self.session.execute(insert(table), inserted[chunk:chunk + 2000])
        by_fields: dict[tuple[str, ...], list[dict]] = {}
        for values in updated:  # one executemany per set of changed fields
            by_fields.setdefault(tuple(sorted(values)), []).append({f"b_{k}": v for k, v in values.items()})
        for fields, params in by_fields.items():
            statement = (update(table).where(table.c.id == bindparam("b_id"))
                         .values({f: bindparam(f"b_{f}") for f in fields if f != "id"}))
            self.session.execute(statement, params)
        if inserted or updated:
            self.session.add(AuditEntry(
                actor=self.session.info.get("actor", ""), action=self.session.info.get("action", ""),
                entity=ReviewResult.__tablename__, entity_id=str(self.record.id), operation="bulk",
                changes={"year": self.record.year, "inserted": len(inserted), "updated": len(updated),
                         "rows_inserted": audit_new, "rows_updated": audit_changed}))
        self.new.clear()
        self.before.clear()
        return len(inserted), len(updated)


_FIELDS = ("registered", "achieved", "votes_for", "votes_total", "exclusions", "note")


def _hex_table() -> Table:
    """``review_result`` with its UUID columns as the 32 hex digits SQLite stores: bulk writes take
    the ids as text, as they are read (no ``uuid.UUID`` per value and per column)."""
    columns = [Column(c.name, String(32) if isinstance(c.type, Uuid) else c.type, primary_key=c.primary_key)
               for c in ReviewResult.__table__.columns]
    return Table(ReviewResult.__tablename__, MetaData(), *columns)


_REVIEW_HEX = _hex_table()


def _refresh_snapshots(session: Session, record: EmulationYear, writer: _Writer,
                       subjects: set[tuple[str | None, str | None]] | None = None, *,
                       state: list[ReviewRow] | None = None) -> list[ReviewRow]:
    """Write the current reason codes into the stored rows (a snapshot for the minutes); return the state."""
    if state is None:
        state = _state(session, record, writer.rows)
    for row in state:
        if subjects is not None and (row.person_id, row.union_group_id) not in subjects:
            continue
        if row.key in writer.rows:
            writer.set(row.key, exclusions=core.join_exclusions([e.code for e in row.exclusions], row.inputs),
                       registered=row.registered)
    return state


# --- meeting ------------------------------------------------------------------------------------


def get_meeting(db: Database, year: int) -> MeetingInfo | None:
    with db.reading() as session:
        record = _year(session, year)
        meeting = _meeting(session, record)
        return _meeting_info(record, meeting) if meeting else None


def record_meeting(db: Database, year: int, held_on: date, place: str, chair: str, secretary: str,
                   attendance_total: int, attendance_present: int, notes: str = "", *,
                   today: date | None = None) -> MeetingInfo:
    """The review meeting as its minutes (biên bản họp bình xét) record it."""
    today = today or date.today()
    problems = []
    if held_on is None:
        problems.append("Hãy ghi ngày họp bình xét.")
    elif held_on > today:
        problems.append(f"Ngày họp {vntext.format_date(held_on)} ở tương lai: chỉ ghi cuộc họp đã diễn ra.")
    elif held_on.year not in (year, year + 1):
        problems.append(f"Ngày họp {vntext.format_date(held_on)} không thuộc năm {year} (hoặc đầu năm {year + 1}).")
    for what, value in (("Tổng số người được triệu tập", attendance_total), ("Số người có mặt", attendance_present)):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{what} phải là số nguyên.")
        elif value < 0:
            problems.append(f"{what} không được âm.")
    if not problems:
        if attendance_total == 0:
            problems.append("Tổng số người được triệu tập phải lớn hơn 0.")
        elif attendance_present > attendance_total:
            problems.append(f"Số người có mặt ({attendance_present}) lớn hơn tổng số người được triệu tập "
                            f"({attendance_total}).")
        elif attendance_present * 2 <= attendance_total:
            problems.append(f"Chỉ {attendance_present}/{attendance_total} người có mặt, chưa quá nửa: cuộc họp "
                            "không đủ "
                            "điều kiện bình xét.")
    if not vntext.nfc(chair or ""):
        problems.append("Hãy ghi người chủ trì cuộc họp.")
    if not vntext.nfc(secretary or ""):
        problems.append("Hãy ghi thư ký cuộc họp.")
    if problems:
        raise ValidationError("\n".join(problems))
    with db.transaction(f"Ghi cuộc họp bình xét năm {year}") as session:
        record = _year(session, year)
        most = session.scalar(select(func.max(ReviewResult.votes_total)).where(
            ReviewResult.year_id == record.id)) or 0
        if most > attendance_present:
            raise ValidationError(f"Đã ghi kết quả với tổng số {most} phiếu, nhiều hơn số người có mặt "
                                  f"({attendance_present}). Hãy sửa số phiếu trước.")
        meeting = _meeting(session, record)
        if meeting is None:
            meeting = ReviewMeeting(year_id=record.id)
            session.add(meeting)
        meeting.held_on, meeting.place = held_on, vntext.nfc(place or "")
        meeting.chair, meeting.secretary = vntext.nfc(chair), vntext.nfc(secretary)
        meeting.attendance_total, meeting.attendance_present = attendance_total, attendance_present
        meeting.notes = (notes or "").strip()
        session.flush()
        return _meeting_info(record, meeting)


# --- inputs and votes ---------------------------------------------------------------------------


def set_inputs(db: Database, year: int, person_id: str, *, days_off: int | None = None,
               discipline: str | None = None, clear_days_off: bool = False) -> ReviewInputs:
    """Record, for one person, the days off (maternity leave not counted) and a disciplinary
    measure of the year; ``discipline=""`` clears it, ``clear_days_off`` forgets the days off.
    They are stored on every review row of the person (rows are added for the registered titles)."""
    problems = core.check_inputs(days_off, discipline)
    if problems:
        raise ValidationError("\n".join(problems))
    with db.transaction(f"Ghi ngày nghỉ, kỷ luật để bình xét năm {year}") as session:
        record = _year(session, year)
        pid = _pid(person_id)
        if session.get(Person, pid) is None:
            raise NotFoundError("Không tìm thấy người này trong danh sách.")
        writer = _Writer(session, record, _stored(session, record))
        mine = [key for key in writer.rows if key[0] == pid.hex]
        registered = _registered_keys(session, record, _titles(record), ())
        mine += [key for key in registered if key[0] == pid.hex and key not in writer.rows]
        if not mine:
            raise ValidationError("Người này chưa đăng ký danh hiệu nào trong năm; không có gì để bình xét.")
        current = next((core.split_exclusions(writer.rows[k].exclusions)[1] for k in mine if k in writer.rows),
                       ReviewInputs())
        new = ReviewInputs(None if clear_days_off else current.days_off if days_off is None else days_off,
                           current.discipline if discipline is None else vntext.nfc(discipline.strip()))
        for key in mine:
            row = writer.rows.get(key)
            codes = core.split_exclusions(row.exclusions)[0] if row else []
            if row is None:
                writer.set(key, registered=True, exclusions=core.join_exclusions(codes, new))
            else:
                writer.set(key, exclusions=core.join_exclusions(codes, new))
        _refresh_snapshots(session, record, writer, {(pid.hex, None)})
        writer.finish()
        return new


def _fits(title: AwardTitle, pid: str | None, gid: str | None) -> bool:
    """A title that can be voted for this subject (the checks of :func:`record_votes`, quickly)."""
    if title.category != "title":
        return False
    if pid is not None:
        return title.subject == "individual"
    return title.subject == "collective" and is_group_title(title) == (gid is not None)


_HEX32 = re.compile(r"[0-9a-f]{32}")


def _vote_key(vote: Vote) -> Key:
    if vote.person_id is not None:
        text = vote.person_id
        return (text if isinstance(text, str) and _HEX32.fullmatch(text) else _pid(text).hex, None, vote.title_code)
    if vote.union_group_id is not None:
        return (None, _group_id(vote.union_group_id).hex, vote.title_code)
    return (None, None, vote.title_code)


def record_votes(db: Database, year: int, votes: Sequence[Vote]) -> list[str]:
    """Record the votes (and decisions) of the review meeting, all or nothing.

    Checks: votes for ≤ votes cast ≤ people present at the meeting; the title is in the year's
    catalogue and fits a person, the collective or a union group. A title decided without
    registration, or against an exclusion, is recorded with a warning (returned) — the rules ask for one.
    """
    with db.transaction(f"Ghi kết quả bình xét năm {year}") as session:
        record = _year(session, year)
        meeting = _meeting(session, record)
        if meeting is None or meeting.attendance_present is None:
            raise ValidationError("Chưa ghi cuộc họp bình xét (ngày họp, số người có mặt); hãy ghi cuộc họp trước "
                                  "khi ghi số phiếu.")
        titles = _titles(record)
        groups = _groups(session)
        problems: list[str] = []
        seen: set[Key] = set()
        names: dict[str, tuple[str, str]] = {}  # person id (hex) → (family and middle name, given name)
        keys = [_vote_key(v) for v in votes]
        wanted = [uuid.UUID(k[0]) for k in keys if k[0] is not None] if len(keys) <= 1000 else []
        name_query = select(_hex(Person.id), Person.family_middle, Person.given_name)
        chunks = [name_query] if len(keys) > 1000 else [
            name_query.where(Person.id.in_(wanted[i:i + 500])) for i in range(0, len(wanted), 500)]
        for query in chunks:
            for pid, fm, given in session.execute(query):
                names[pid] = (fm, given)

        def label_of(vote: Vote, pid: str | None, gid: str | None, title: AwardTitle | None) -> str:
            who = vntext.join_name(*names[pid]) if pid in names else "" if pid else \
                groups[gid][0] if gid in groups else "Tập thể"
            return f"{who or vote.person_id} — {title.name if title else vote.title_code}"

        for vote, key in zip(votes, keys, strict=True):
            pid, gid = key[0], key[1]
            title = titles.get(vote.title_code)
            if (key in seen or (pid is not None and pid not in names) or (gid is not None and gid not in groups)
                    or title is None or not _fits(title, pid, gid)):
                label = label_of(vote, pid, gid, title)
            else:
                found = core.check_votes(vote.votes_for, vote.votes_total, meeting.attendance_present)
                if found:
                    problems += [f"{label_of(vote, pid, gid, title)}: {p}" for p in found]
                if vote.note is not None and len(vote.note) > 2000:
                    problems.append(f"{label_of(vote, pid, gid, title)}: ghi chú quá dài.")
                seen.add(key)
                continue
            if key in seen:
                problems.append(f"{label}: ghi hai lần trong cùng một lần lưu.")
            seen.add(key)
            if pid is not None and pid not in names:
                problems.append(f"{vote.person_id}: không có người này trong danh sách.")
                continue
            if gid is not None and gid not in groups:
                problems.append(f"{vote.union_group_id}: không có tổ công đoàn này.")
                continue
            if title is None:
                problems.append(f"{label}: danh hiệu '{vote.title_code}' không có trong danh mục năm {year}.")
                continue
            if title.category != "title":
                problems.append(f"{label}: đây là hình thức khen thưởng, ghi ở danh sách đề nghị khen thưởng, "
                                "không bình xét như danh hiệu.")
            if pid is None and title.subject != "collective":
                problems.append(f"{label}: danh hiệu dành cho cá nhân, không ghi cho tập thể.")
            elif pid is None and gid is None and is_group_title(title):
                problems.append(f"{label}: danh hiệu dành cho tổ công đoàn; hãy ghi cho từng tổ công đoàn, không ghi "
                                "cho công đoàn cơ sở.")
            elif gid is not None and not is_group_title(title):
                problems.append(f"{label}: danh hiệu này không xét cho tổ công đoàn.")
            if pid is not None and title.subject != "individual":
                problems.append(f"{label}: danh hiệu dành cho tập thể, không ghi cho cá nhân.")
            problems += [f"{label}: {p}" for p in core.check_votes(vote.votes_for, vote.votes_total,
                                                                   meeting.attendance_present)]
            if vote.note is not None and len(vote.note) > 2000:
                problems.append(f"{label}: ghi chú quá dài.")
        if problems:
            raise ValidationError("\n".join(problems))
        writer = _Writer(session, record, _stored(session, record))
        inputs_of: dict[str, list] = {}
        for (pid_hex, _, _), row in writer.rows.items():
            if pid_hex is not None and row.exclusions:
                inputs_of.setdefault(pid_hex, row.exclusions)
        registered = _registered_keys(session, record, titles, groups)
        touched: set[tuple[str | None, str | None]] = set()
        for vote, key in zip(votes, keys, strict=True):
            values: dict = {"votes_for": vote.votes_for, "votes_total": vote.votes_total}
            if key not in writer.rows:
                carried = core.split_exclusions(inputs_of.get(key[0], []))[1] if key[0] else ReviewInputs()
                values.update(registered=key in registered, exclusions=core.join_exclusions([], carried))
            if vote.achieved is not None:
                values["achieved"] = vote.achieved
            if vote.note is not None:
                values["note"] = vntext.nfc(vote.note.strip())
            writer.set(key, **values)
            touched.add(key[:2])
        state = _refresh_snapshots(session, record, writer, touched)
        writer.finish()
        warnings = []
        wanted_keys = set(keys)
        for row in state:
            if row.key in wanted_keys and row.warnings:
                warnings.append(f"{row.full_name} — {row.title_name}: " + "; ".join(row.warnings) + ".")
        warnings += _cap_findings(record, state)
        return warnings


def record_vote(db: Database, year: int, person_id: str | None, title_code: str, votes_for: int | None,
                votes_total: int | None, achieved: bool | None = None, note: str | None = None, *,
                union_group_id: str | None = None) -> list[str]:
    """One line of :func:`record_votes`; returns its warnings (e.g. "danh hiệu chưa đăng ký")."""
    return record_votes(db, year, [Vote(person_id, title_code, votes_for, votes_total, achieved, note,
                                        union_group_id)])


def _cap_findings(record: EmulationYear, state: Iterable[ReviewRow]) -> list[str]:
    rules = {r.key: r.value for r in record.rules}
    rows = list(state)
    ldtt = sum(1 for r in rows if r.title_code == LDTT and r.achieved)
    cstd = sum(1 for r in rows if r.title_code == CSTDCS and r.achieved)
    allowed = core.cap_allowed(ldtt, rules)
    if allowed is not None and cstd > allowed:
        cap = rules[core.RULE_CSTDCS_CAP]
        return [f"Số người đạt “Chiến sĩ thi đua cơ sở” ({cstd}) vượt {vntext.format_number(cap)}% số người đạt "
                f"“Lao động tiên tiến” ({ldtt}): tối đa {allowed} người."]
    return []


def apply_majority(db: Database, year: int, *, overwrite: bool = False) -> MajoritySummary:
    """Decide by the votes: achieved when more than half of the votes cast agree and the rules do
    not exclude the person; excluded registrations are not achieved.

    Decisions already taken are kept unless ``overwrite``; unregistered titles are left to the
    officer. CSTĐCS is decided after LĐTT and within the cap (rule ``cstdcs_cap_percent_of_ldtt``
    of the LĐTT achieved): above it, the lines with the highest share of votes keep the title.
    """
    with db.transaction(f"Xét kết quả bình xét theo đa số phiếu năm {year}") as session:
        record = _year(session, year)
        rules = {r.key: r.value for r in record.rules}
        counts: Counter = Counter()
        writer = _Writer(session, record, _stored(session, record))

        def decide(rows: list[ReviewRow]) -> list[ReviewRow]:
            winners = []
            for r in rows:
                if not r.registered:
                    counts["unregistered"] += 1
                elif r.achieved is not None and not overwrite:
                    counts["kept"] += 1
                elif r.excluded:
                    write(r, False)
                    counts["excluded"] += 1
                else:
                    outcome = core.majority(r.votes_for, r.votes_total)
                    if outcome is None:
                        counts["without_votes"] += 1
                    elif outcome:
                        winners.append(r)
                    else:
                        write(r, False)
                        counts["not_achieved"] += 1
            return winners

        def write(r: ReviewRow, achieved: bool, note: str | None = None) -> None:
            values = {"achieved": achieved, "registered": r.registered,
                      "exclusions": core.join_exclusions([e.code for e in r.exclusions], r.inputs)}
            if note is not None:
                values["note"] = note
            writer.set(r.key, **values)

        first_state = _state(session, record, writer.rows)
        for r in decide([r for r in first_state if r.title_code != CSTDCS]):
            write(r, True)
            counts["achieved"] += 1
        state = _restate(first_state, writer.rows)  # the LĐTT decisions taken: CSTĐCS next
        winners = decide([r for r in state if r.title_code == CSTDCS])
        ldtt = sum(1 for r in state if r.title_code == LDTT and r.achieved)
        allowed = core.cap_allowed(ldtt, rules)
        if allowed is not None:
            already = sum(1 for r in state if r.title_code == CSTDCS and r.achieved
                          and (not overwrite or not r.registered))
            room = max(0, allowed - already)
            winners.sort(key=lambda r: (-Decimal(r.votes_for) / Decimal(r.votes_total), -(r.votes_for or 0),
                                        r.sort_key))
            over = winners[room:]
            winners = winners[:room]
            cap = vntext.format_number(rules[core.RULE_CSTDCS_CAP])
            for r in over:
                write(r, False, f"Không công nhận: vượt tỷ lệ tối đa {cap}% số người đạt “Lao động tiên tiến” "
                                f"({allowed} người); xét theo tỷ lệ phiếu đồng ý.")
                counts["capped"] += 1
        for r in winners:
            write(r, True)
            counts["achieved"] += 1
        # exclusion codes depend on LĐTT decisions only: the state after the first pass holds them
        _refresh_snapshots(session, record, writer, state=state)
        writer.finish()
        return MajoritySummary(counts["achieved"], counts["not_achieved"], counts["excluded"], counts["capped"],
                               counts["without_votes"], counts["kept"], counts["unregistered"])


def findings(db: Database, year: int) -> list[Finding]:
    """What the review still lacks or breaks: meeting, undecided lines, caps, decisions against the rules."""
    with db.reading() as session:
        record = _year(session, year)
        meeting = _meeting(session, record)
        state = _state(session, record)
    found: list[Finding] = []
    if meeting is None:
        found.append(Finding("error", "Chưa ghi cuộc họp bình xét (ngày, địa điểm, chủ trì, thư ký, số người có mặt)."))
    undecided = [r for r in state if r.achieved is None]
    if undecided:
        by_title = Counter(r.title_name for r in undecided)
        found.append(Finding("warning", f"Còn {len(undecided)} danh hiệu chưa có kết quả bình xét: "
                             + ", ".join(f"{name} ({n})" for name, n in by_title.items()) + "."))
    for r in state:
        for w in r.warnings:
            found.append(Finding("warning", f"{r.full_name} — {r.title_name}: {w}.", r.person_id, r.title_code))
        if r.title_code == CSTDCS and r.achieved:
            ldtt = next((x for x in state if x.person_id == r.person_id and x.title_code == LDTT), None)
            if ldtt is None or not ldtt.achieved:
                found.append(Finding("warning", f"{r.full_name}: đạt “Chiến sĩ thi đua cơ sở” nhưng chưa đạt "
                                                f"“Lao động tiên tiến”.", r.person_id, r.title_code))
    if meeting is not None and meeting.attendance_present is not None:
        for r in state:
            if r.votes_total is not None and r.votes_total > meeting.attendance_present:
                found.append(Finding("error", f"{r.full_name} — {r.title_name}: tổng số phiếu {r.votes_total} lớn hơn "
                                              f"số người có mặt ({meeting.attendance_present}).",
                                     r.person_id, r.title_code))
    found += [Finding("warning", m, None, CSTDCS) for m in _cap_findings(record, state)]
    return found


# --- proposals ----------------------------------------------------------------------------------


def get_proposal_rules(db: Database) -> list[ProposalRule]:
    with db.reading() as session:
        raw = session.get(AppSetting, SETTING_RULES)
    if raw is None or not raw.value:
        return list(DEFAULT_RULES)
    try:
        return [ProposalRule(str(x["title"]), str(x["award"]), str(x["level"])) for x in json.loads(raw.value)]
    except (ValueError, KeyError, TypeError):
        return list(DEFAULT_RULES)


def set_proposal_rules(db: Database, year: int, rules: Sequence[ProposalRule]) -> list[ProposalRule]:
    """Which achieved title leads to which award, at which level (checked against the year's catalogue)."""
    with db.transaction("Sửa quy tắc lập danh sách đề nghị khen thưởng") as session:
        titles = _titles(_year(session, year))
        problems = []
        for rule in rules:
            title, award = titles.get(rule.title_code), titles.get(rule.award_code)
            if title is None or title.category != "title" or title.subject != "individual":
                problems.append(f"'{rule.title_code}' không phải danh hiệu cá nhân trong danh mục năm {year}.")
            if award is None or award.subject != "individual":
                problems.append(f"'{rule.award_code}' không phải hình thức khen thưởng cá nhân trong danh mục năm "
                                f"{year}.")
            if rule.level not in ("own", "upper"):
                problems.append(f"Cấp khen '{rule.level}' không hợp lệ: own (CĐCS tặng) hoặc upper (đề nghị cấp trên).")
        if problems:
            raise ValidationError("\n".join(problems))
        setting = session.get(AppSetting, SETTING_RULES)
        if setting is None:
            setting = AppSetting(key=SETTING_RULES)
            session.add(setting)
        setting.value = json.dumps([{"title": r.title_code, "award": r.award_code, "level": r.level}
                                    for r in rules], ensure_ascii=False)
    return list(rules)


def _proposal_rows(session: Session, record: EmulationYear) -> list[ProposalRow]:
    """The lines in order; a union group's line is found by the group's id and named as the group
    is named now (``collective_name`` keeps the name it had when proposed)."""
    titles = _titles(record)
    proposed_group = aliased(UnionGroup)
    rows = session.execute(
        select(Proposal, Person.family_middle, Person.given_name, Person.position, UnionGroup.name,
               proposed_group.name)
        .outerjoin(Person, Person.id == Proposal.person_id)
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        .outerjoin(proposed_group, proposed_group.id == Proposal.union_group_id)
        .where(Proposal.year_id == record.id)
        .order_by(Proposal.ordinal, Proposal.created_at)
    ).all()
    result = []
    for p, fm, given, position, group, group_now in rows:
        title = titles.get(p.award_code)
        name = vntext.join_name(fm or "", given or "") if p.person_id else group_now or p.collective_name
        result.append(ProposalRow(p.id.hex, "B" if p.person_id else "A", p.level,
                                  p.person_id.hex if p.person_id else None,
                                  name, position or "", group or "", p.award_code,
                                  title.name if title else p.award_code, p.summary, p.decision_number,
                                  p.decision_date, p.ordinal,
                                  p.union_group_id.hex if p.union_group_id and not p.person_id else None))
    return result


def list_proposals(db: Database, year: int, level: str | None = None) -> list[ProposalRow]:
    """The danh sách đề nghị khen thưởng (A. Tập thể, then B. Cá nhân) and the CĐCS's own awards."""
    with db.reading() as session:
        rows = _proposal_rows(session, _year(session, year))
    return [r for r in rows if level is None or r.level == level]


def _renumber(session: Session, record: EmulationYear) -> None:
    titles = _titles(record)
    sort_keys = dict(session.execute(select(Person.id, Person.sort_key).join(
        Proposal, Proposal.person_id == Person.id).where(Proposal.year_id == record.id)).all())
    group_names = dict(session.execute(select(UnionGroup.id, UnionGroup.name)).all())
    proposals = list(session.scalars(select(Proposal).where(Proposal.year_id == record.id)))

    def key(p: Proposal):
        award = titles.get(p.award_code)
        name = group_names.get(p.union_group_id) or p.collective_name
        return (p.person_id is not None, p.level != "upper", -(award.ordinal if award else 0),
                sort_keys.get(p.person_id, "") if p.person_id else vntext.sort_key(name), p.created_at)

    for ordinal, p in enumerate(sorted(proposals, key=key), start=1):
        if p.ordinal != ordinal:
            p.ordinal = ordinal


def _person_facts(session: Session, record: EmulationYear, person_ids: set[uuid.UUID],
                  state: list[ReviewRow]) -> dict[uuid.UUID, core.AchievementFacts]:
    if not person_ids:
        return {}
    people = session.execute(
        select(Person.id, Person.family_middle, Person.given_name, Person.position, Person.union_group_id,
               UnionGroup.name, UnionGroup.leader_name)
        .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id).where(Person.id.in_(person_ids))).all()
    officers = {vntext.search_key(o.full_name): o.position or ("Chủ tịch CĐCS" if o.role == "chair" else
                                                               "Phó Chủ tịch CĐCS")
                for o in session.scalars(select(Officer))}
    initiatives: dict[uuid.UUID, list[core.InitiativeFact]] = {}
    for pid, share, title, status, benefit, number, decided, issuer in session.execute(
            select(InitiativeAuthor.person_id, InitiativeAuthor.share, Initiative.title, Initiative.status,
                   Initiative.economic_benefit, Initiative.decision_number, Initiative.decision_date,
                   Initiative.decision_issuer)
            .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
            .where(InitiativeAuthor.person_id.in_(person_ids), Initiative.year == record.year)
            .order_by(Initiative.economic_benefit.desc())):
        initiatives.setdefault(pid, []).append(core.InitiativeFact(title, share, status, benefit, number, decided,
                                                                   issuer))
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
        facts[pid] = core.AchievementFacts(record.year, position or "", group or "", tuple(roles),
                                           tuple(achieved.get(pid.hex, [])), None,
                                           tuple(initiatives.get(pid, [])))
    return facts


def _collective_summary(session: Session, record: EmulationYear, title_name: str) -> str:
    end = record.phases[-1].end if record.phases else date(record.year, 12, 31)
    active = ((Person.left_on.is_(None)) | (Person.left_on > end))
    workers = session.scalar(select(func.count()).select_from(Person).where(active)) or 0
    members = session.scalar(select(func.count()).select_from(Person).where(active, Person.is_member.is_(True))) or 0
    table = results_service.table_in(session, record, end)
    owed = [r for r in table if r.registered is not None and not r.year.not_applicable]
    with_target = [r for r in owed if r.year.value is not None]
    reached = sum(1 for r in with_target if r.year.value >= r.registered)
    by_source = {r.computed_from: r for r in table}
    parts = [f"Năm {record.year}, đơn vị có {vntext.format_number(workers)} người lao động, "
             f"{vntext.format_number(members)} đoàn viên"]
    admitted = by_source.get("members_admitted")
    if admitted is not None and admitted.year.value is not None:
        parts.append(f"kết nạp mới {vntext.format_number(admitted.year.value)} đoàn viên")
    recognised = by_source.get("initiatives_recognised")
    if recognised is not None and recognised.year.value:
        parts.append(f"{vntext.format_number(recognised.year.value)} sáng kiến được công nhận")
    text = ", ".join(parts) + "."
    if owed and len(with_target) == len(owed):
        text += f" Đạt và vượt {reached}/{len(owed)} chỉ tiêu thi đua đã đăng ký."
    return text + f" Được bình xét đề nghị công nhận danh hiệu “{title_name}”."


def _group_summary(session: Session, record: EmulationYear, group_id: str, title_name: str,
                   state: list[ReviewRow], votes: tuple[int, int] | None) -> str:
    gid = uuid.UUID(group_id)
    group = session.get(UnionGroup, gid)
    end = record.phases[-1].end if record.phases else date(record.year, 12, 31)
    members = session.scalar(select(func.count()).select_from(Person).where(
        Person.union_group_id == gid, Person.is_member.is_(True),
        (Person.left_on.is_(None)) | (Person.left_on > end))) or 0
    ldtt = sum(1 for r in state if r.person_id and r.title_code == LDTT and r.achieved and r.group_name == group.name)
    first, last = date(record.year, 1, 1), date(record.year, 12, 31)
    recognised = session.scalar(
        select(func.count(func.distinct(Initiative.id))).select_from(InitiativeAuthor)
        .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .join(Person, Person.id == InitiativeAuthor.person_id)
        .where(Person.union_group_id == gid, Initiative.status == "recognised",
               or_(Initiative.year == record.year, Initiative.decision_date.between(first, last)))) or 0
    return core.group_summary(core.GroupFacts(record.year, group.name, title_name, members, ldtt, recognised,
                                              group.leader_name or "", votes))


ProposalKey = tuple[uuid.UUID | None, uuid.UUID | None, str, str]


def _proposal_key(p: Proposal) -> ProposalKey:
    """A line's subject and award: a person, a union group (by id), or a collective by its name."""
    if p.person_id is not None:
        return (p.person_id, None, "", p.award_code)
    if p.union_group_id is not None:
        return (None, p.union_group_id, "", p.award_code)
    return (None, None, p.collective_name, p.award_code)


def build_proposals(db: Database, year: int) -> BuildSummary:
    """Draft the proposal list from the review (see the module's rules); keeps every existing line."""
    rules = get_proposal_rules(db)
    with db.transaction(f"Lập danh sách đề nghị khen thưởng năm {year}") as session:
        record = _year(session, year)
        titles = _titles(record)
        state = _state(session, record)
        if not any(r.achieved is not None for r in state):
            raise ValidationError("Chưa có kết quả bình xét; hãy ghi kết quả bình xét trước khi lập danh sách đề nghị "
                                  "khen thưởng.")
        notes: list[str] = []
        unknown = [r for r in rules if r.award_code not in titles or r.title_code not in titles]
        if unknown:
            raise ValidationError("Quy tắc đề nghị khen thưởng dùng mã không có trong danh mục năm "
                                  f"{year}: " + ", ".join(f"{r.title_code} → {r.award_code}" for r in unknown) + ".")
        unit_name = _unit_name(session)
        # (person, union group, the CĐCS's name for its own line, award) → (level, title, votes, name)
        wanted: dict[ProposalKey, tuple[str, str | None, tuple[int, int] | None, str]] = {}
        # A. the collective, then its union groups (by id: a renamed group keeps its line)
        for r in state:
            if r.person_id is None and r.achieved and r.title_code in titles:
                title = titles[r.title_code]
                level = "own" if vntext.nfc(title.issuer) == OWN_ISSUER else "upper"
                votes = (r.votes_for, r.votes_total) if r.votes_total else None
                if r.union_group_id:
                    wanted[(None, uuid.UUID(r.union_group_id), "", r.title_code)] = (level, r.title_name, votes,
                                                                                      r.full_name)
                else:
                    wanted[(None, None, unit_name, r.title_code)] = (level, r.title_name, votes, unit_name)
        # B. individuals: the rules
        by_title = {rule.title_code: rule for rule in rules}
        for r in state:
            rule = by_title.get(r.title_code)
            if r.person_id and r.achieved and rule is not None:
                votes = (r.votes_for, r.votes_total) if r.votes_total else None
                wanted.setdefault((uuid.UUID(r.person_id), None, "", rule.award_code), (rule.level, None, votes, ""))
        # B. LĐST candidates
        end = record.phases[-1].end if record.phases else date(year, 12, 31)
        candidates = results_service.ldst_candidates_at(session, record, end)
        members = dict(session.execute(select(Person.id, Person.is_member).where(
            Person.id.in_([uuid.UUID(c.author_key) for c in candidates
                           if not c.author_key.startswith("ngoai:")]))).all())
        reasons: dict[uuid.UUID, str] = {}
        if BANG_LDST in titles:
            for c in candidates:
                if c.author_key.startswith("ngoai:"):
                    notes.append(f"{c.author_name}: tác giả ngoài đơn vị, không đề nghị Bằng Lao động sáng tạo qua "
                                 "CĐCS này.")
                    continue
                pid = uuid.UUID(c.author_key)
                if not members.get(pid):
                    notes.append(f"{c.author_name}: chưa là đoàn viên công đoàn, không đủ điều kiện đề nghị Bằng Lao "
                                 "động sáng tạo.")
                    continue
                reasons[pid] = c.reason
                wanted.setdefault((pid, None, "", BANG_LDST), ("upper", None, None, ""))
        existing = list(session.scalars(select(Proposal).where(Proposal.year_id == record.id)))
        have = {_proposal_key(p): p for p in existing}
        facts = _person_facts(session, record, {k[0] for k in wanted if k[0] is not None}, state)
        added = 0
        for key, (level, collective_title, votes, collective) in wanted.items():
            if key in have:
                continue
            pid, group_id, _, award_code = key
            if group_id is not None:
                summary = _group_summary(session, record, group_id.hex, collective_title or titles[award_code].name,
                                         state, votes)
            elif pid is None:
                summary = _collective_summary(session, record, collective_title or titles[award_code].name)
            else:
                base = facts.get(pid)
                if base is None:
                    continue
                base = replace(base, votes=votes, ldst_reason=reasons.get(pid, "") if award_code == BANG_LDST else "")
                summary = core.achievement_summary(base)
            session.add(Proposal(year_id=record.id, person_id=pid, union_group_id=group_id, collective_name=collective,
                                 award_code=award_code, level=level, summary=summary))
            added += 1
        session.flush()
        _renumber(session, record)
        session.flush()
        rows = _proposal_rows(session, record)
        stale_ids = {p.id.hex for k, p in have.items() if k not in wanted}
        stale = tuple(r for r in rows if r.id in stale_ids)
        return BuildSummary(added, len(have) - len(stale_ids), stale, tuple(rows), tuple(notes))


def _load_proposal(session: Session, proposal_id: str) -> Proposal:
    try:
        key = uuid.UUID(str(proposal_id))
    except ValueError:
        raise ValidationError(f"Mã dòng đề nghị '{proposal_id}' không hợp lệ.") from None
    proposal = session.get(Proposal, key)
    if proposal is None:
        raise NotFoundError("Không tìm thấy dòng đề nghị khen thưởng này.")
    return proposal


def _check_award(record: EmulationYear, award_code: str, person: bool, level: str) -> list[str]:
    problems = []
    title = _titles(record).get(award_code)
    if title is None:
        problems.append(f"Hình thức/danh hiệu '{award_code}' không có trong danh mục năm {record.year}.")
    elif person and title.subject != "individual":
        problems.append(f"{title.name} dành cho tập thể, không đề nghị cho cá nhân.")
    elif not person and title.subject != "collective":
        problems.append(f"{title.name} dành cho cá nhân, không đề nghị cho tập thể.")
    if level not in ("own", "upper"):
        problems.append(f"Cấp khen '{level}' không hợp lệ: own (CĐCS tặng) hoặc upper (đề nghị cấp trên).")
    return problems


def add_proposal(db: Database, year: int, *, award_code: str, level: str, person_id: str | None = None,
                 collective_name: str = "", summary: str = "", union_group_id: str | None = None) -> ProposalRow:
    """A line the officer adds by hand (a union group, a person the rules did not pick); a union
    group is named by ``union_group_id`` or by its name in ``collective_name``."""
    with db.transaction(f"Thêm dòng đề nghị khen thưởng năm {year}") as session:
        record = _year(session, year)
        pid = _pid(person_id)
        group = None
        if union_group_id is not None and pid is None:
            group = session.get(UnionGroup, _group_id(union_group_id))
            if group is None:
                raise NotFoundError("Không tìm thấy tổ công đoàn này.")
            collective_name = group.name
        elif pid is None and vntext.nfc(collective_name):
            group = session.scalars(select(UnionGroup).where(UnionGroup.name == vntext.nfc(collective_name))
                                    .order_by(UnionGroup.ordinal)).first()
        problems = _check_award(record, award_code, pid is not None, level)
        if pid is not None and session.get(Person, pid) is None:
            problems.append("Không tìm thấy người này trong danh sách.")
        if pid is None and not vntext.nfc(collective_name):
            problems.append("Hãy ghi tên tập thể được đề nghị.")
        if not (summary or "").strip():
            problems.append("Hãy ghi tóm tắt thành tích.")
        if problems:
            raise ValidationError("\n".join(problems))
        if pid is not None:
            same = Proposal.person_id == pid
        elif group is not None:
            same = Proposal.union_group_id == group.id
        else:
            same = (Proposal.person_id.is_(None) & Proposal.union_group_id.is_(None)
                    & (Proposal.collective_name == vntext.nfc(collective_name)))
        clash = session.scalars(select(Proposal).where(
            Proposal.year_id == record.id, Proposal.award_code == award_code, same)).first()
        if clash is not None:
            raise ValidationError("Dòng đề nghị này đã có trong danh sách.")
        proposal = Proposal(year_id=record.id, person_id=pid, union_group_id=group.id if group else None,
                            collective_name="" if pid else vntext.nfc(collective_name),
                            award_code=award_code, level=level, summary=summary.strip())
        session.add(proposal)
        session.flush()
        _renumber(session, record)
        session.flush()
        return next(r for r in _proposal_rows(session, record) if r.id == proposal.id.hex)


def update_proposal(db: Database, proposal_id: str, *, summary: str | None = None, award_code: str | None = None,
                    level: str | None = None, decision_number: str | None = None,
                    decision_date: date | None = None, today: date | None = None) -> ProposalRow:
    """Edit a line: the tóm tắt thành tích, the form proposed, or the decision once it is known."""
    today = today or date.today()
    with db.transaction("Sửa dòng đề nghị khen thưởng") as session:
        proposal = _load_proposal(session, proposal_id)
        record = session.get(EmulationYear, proposal.year_id)
        problems = []
        if award_code is not None or level is not None:
            problems += _check_award(record, award_code or proposal.award_code, proposal.person_id is not None,
                                     level or proposal.level)
        if summary is not None and not summary.strip():
            problems.append("Tóm tắt thành tích không được để trống.")
        if decision_date is not None and decision_date > today:
            problems.append(f"Ngày quyết định {vntext.format_date(decision_date)} ở tương lai.")
        number = (decision_number or "").strip() if decision_number is not None else proposal.decision_number
        when = decision_date if decision_date is not None else proposal.decision_date
        if when is not None and not number:
            problems.append("Có ngày quyết định thì phải có số quyết định.")
        if problems:
            raise ValidationError("\n".join(problems))
        if summary is not None:
            proposal.summary = summary.strip()
        if award_code is not None:
            proposal.award_code = award_code
        if level is not None:
            proposal.level = level
        if decision_number is not None:
            proposal.decision_number = number
        if decision_date is not None:
            proposal.decision_date = decision_date
        session.flush()
        _renumber(session, record)
        session.flush()
        return next(r for r in _proposal_rows(session, record) if r.id == proposal.id.hex)


def decide_proposals(db: Database, year: int, decision_number: str, decision_date: date, *, level: str = "own",
                     today: date | None = None) -> int:
    """Give every undecided line of ``level`` its decision (the CĐCS's own Giấy khen decision)."""
    today = today or date.today()
    number = (decision_number or "").strip()
    if not number:
        raise ValidationError("Hãy ghi số quyết định.")
    if decision_date > today:
        raise ValidationError(f"Ngày quyết định {vntext.format_date(decision_date)} ở tương lai.")
    with db.transaction(f"Ghi quyết định khen thưởng {number}") as session:
        record = _year(session, year)
        lines = list(session.scalars(select(Proposal).where(
            Proposal.year_id == record.id, Proposal.level == level, Proposal.decision_number == "")))
        for p in lines:
            p.decision_number, p.decision_date = number, decision_date
        return len(lines)


def remove_proposal(db: Database, proposal_id: str) -> None:
    with db.transaction("Bỏ dòng đề nghị khen thưởng") as session:
        proposal = _load_proposal(session, proposal_id)
        if proposal.decision_number:
            raise ValidationError(f"Dòng này đã có Quyết định số {proposal.decision_number}; không bỏ được.")
        record = session.get(EmulationYear, proposal.year_id)
        session.delete(proposal)
        session.flush()
        _renumber(session, record)


# --- history ------------------------------------------------------------------------------------


def collective_history(db: Database) -> list[HistoryRow]:
    """The CĐCS's own titles achieved and awards decided, year by year (newest first)."""
    with db.reading() as session:
        titles = session.execute(
            select(EmulationYear.year, AwardTitle.name, ReviewResult.votes_for, ReviewResult.votes_total,
                   AwardTitle.ordinal)
            .join(EmulationYear, EmulationYear.id == ReviewResult.year_id)
            .join(AwardTitle, (AwardTitle.year_id == ReviewResult.year_id)
                  & (AwardTitle.code == ReviewResult.title_code))
            .where(ReviewResult.person_id.is_(None), ReviewResult.union_group_id.is_(None),
                   ReviewResult.achieved.is_(True))).all()
        # a union group's lines are not the CĐCS's: linked to a group, or (the group since deleted)
        # a title the CĐCS gives its groups
        awards = session.execute(
            select(EmulationYear.year, AwardTitle, Proposal.decision_number, Proposal.decision_date)
            .join(EmulationYear, EmulationYear.id == Proposal.year_id)
            .join(AwardTitle, (AwardTitle.year_id == Proposal.year_id) & (AwardTitle.code == Proposal.award_code))
            .where(Proposal.person_id.is_(None), Proposal.union_group_id.is_(None),
                   Proposal.decision_number != "")).all()
    rows = [(y, 1, o, HistoryRow(y, "achieved", name, _votes_text(vf, vt))) for y, name, vf, vt, o in titles]
    rows += [(y, 0, t.ordinal, HistoryRow(y, "award", t.name, _decision_text(n, d))) for y, t, n, d in awards
             if not is_group_title(t)]
    return [r for *_, r in sorted(rows, key=lambda x: (-x[0], x[1], x[2]))]


def _votes_text(votes_for: int | None, votes_total: int | None) -> str:
    return f"Bình xét: {votes_for}/{votes_total} phiếu đồng ý" if votes_total else ""


def _decision_text(number: str, decided: date | None) -> str:
    return f"Quyết định số {number}" + (f" ngày {vntext.format_date(decided)}" if decided else "")
