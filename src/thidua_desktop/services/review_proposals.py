"""The commendation proposals (đề nghị khen thưởng): the list drafted from the review, the lines
added and edited by hand, and the decisions (quyết định khen thưởng) once they are known.

The list follows from what was achieved:

* an achieved title of the collective that someone else recognises (CĐCS vững mạnh: the upper
  union) → proposed to the upper level; one the CĐCS gives itself (Tổ CĐ vững mạnh) → own;
* union groups: an achieved group title becomes a tập thể line of the CĐCS's own awards, the
  group's by id (``Proposal.union_group_id``: renamed, the group keeps its line);
* each :class:`ProposalRule` (configurable, stored in ``app_setting`` under ``proposal_rules``):
  by default an achieved CSTĐCS → Giấy khen of the upper union (``GK_CTTCS``, upper) and an
  achieved ĐVCĐ xuất sắc → the CĐCS's own Giấy khen (``GK_CDCS``, own);
* each LĐST candidate on the roster who is a member → Bằng Lao động sáng tạo (``BANG_LDST``).

Building the list again adds what is missing and never deletes: a line that no longer
qualifies is reported as stale for the officer to remove.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from thidua_desktop import clock
from thidua_desktop.core import review as core, vntext
from thidua_desktop.core.report_draft import editing_note_warning, editing_notes
from thidua_desktop.core.review_proposals import (
    BANG_LDST,
    ProposalRule,
    ProposedAward,
    check_award,
    check_decision_date,
    check_rules,
    double_rewards,
    level_of,
    rules_from_json,
    rules_to_json,
)
from thidua_desktop.services import results as results_service
from thidua_desktop.services.review_state import (
    ReviewRow,
    group_uuid,
    person_uuid,
    state_of,
    titles_of,
    unit_name,
    uuid_from,
    year_end,
    year_record,
)
from thidua_desktop.services.review_summaries import collective_summary, group_summary, person_facts
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import AppSetting, EmulationYear, Person, Proposal, UnionGroup

SETTING_RULES = "proposal_rules"


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


ProposalKey = tuple[uuid.UUID | None, uuid.UUID | None, str, str]


# --- the rules ----------------------------------------------------------------------------------


def get_proposal_rules(db: Database) -> list[ProposalRule]:
    with db.reading() as session:
        raw = session.get(AppSetting, SETTING_RULES)
    return rules_from_json(raw.value if raw is not None else None)


def set_proposal_rules(db: Database, year: int, rules: Sequence[ProposalRule]) -> list[ProposalRule]:
    """Which achieved title leads to which award, at which level (checked against the year's catalogue)."""
    with db.transaction("Sửa quy tắc lập danh sách đề nghị khen thưởng") as session:
        problems = check_rules(year, rules, titles_of(year_record(session, year)))
        if problems:
            raise ValidationError("\n".join(problems))
        setting = session.get(AppSetting, SETTING_RULES)
        if setting is None:
            setting = AppSetting(key=SETTING_RULES)
            session.add(setting)
        setting.value = rules_to_json(rules)
    return list(rules)


# --- the list -----------------------------------------------------------------------------------


def _proposal_rows(session: Session, record: EmulationYear) -> list[ProposalRow]:
    """The lines in order; a union group's line is found by the group's id and named as the group
    is named now (``collective_name`` keeps the name it had when proposed)."""
    titles = titles_of(record)
    proposed_group = aliased(UnionGroup)
    rows = session.execute(
        select(Proposal, Person.family_middle, Person.given_name, Person.position, UnionGroup.name, proposed_group.name)
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
        result.append(
            ProposalRow(
                p.id.hex,
                "B" if p.person_id else "A",
                p.level,
                p.person_id.hex if p.person_id else None,
                name,
                position or "",
                group or "",
                p.award_code,
                title.name if title else p.award_code,
                p.summary,
                p.decision_number,
                p.decision_date,
                p.ordinal,
                p.union_group_id.hex if p.union_group_id and not p.person_id else None,
            )
        )
    return result


def list_proposals(db: Database, year: int, level: str | None = None) -> list[ProposalRow]:
    """The danh sách đề nghị khen thưởng (A. Tập thể, then B. Cá nhân) and the CĐCS's own awards."""
    with db.reading() as session:
        rows = _proposal_rows(session, year_record(session, year))
    return [r for r in rows if level is None or r.level == level]


def _renumber(session: Session, record: EmulationYear) -> None:
    titles = titles_of(record)
    sort_keys = dict(
        session.execute(
            select(Person.id, Person.sort_key)
            .join(Proposal, Proposal.person_id == Person.id)
            .where(Proposal.year_id == record.id)
        ).all()
    )
    names = dict(session.execute(select(UnionGroup.id, UnionGroup.name)).all())
    proposals = list(session.scalars(select(Proposal).where(Proposal.year_id == record.id)))

    def key(p: Proposal):
        award = titles.get(p.award_code)
        name = names.get(p.union_group_id) or p.collective_name
        return (
            p.person_id is not None,
            p.level != "upper",
            -(award.ordinal if award else 0),
            sort_keys.get(p.person_id, "") if p.person_id else vntext.sort_key(name),
            p.created_at,
        )

    for ordinal, p in enumerate(sorted(proposals, key=key), start=1):
        if p.ordinal != ordinal:
            p.ordinal = ordinal


def _numbered(session: Session, record: EmulationYear) -> list[ProposalRow]:
    """The lines, numbered again after lines were added or changed."""
    session.flush()
    _renumber(session, record)
    session.flush()
    return _proposal_rows(session, record)


def _proposal_key(p: Proposal) -> ProposalKey:
    """A line's subject and award: a person, a union group (by id), or a collective by its name."""
    if p.person_id is not None:
        return (p.person_id, None, "", p.award_code)
    if p.union_group_id is not None:
        return (None, p.union_group_id, "", p.award_code)
    return (None, None, p.collective_name, p.award_code)


def _ldst_candidates(session: Session, record: EmulationYear) -> tuple[dict[uuid.UUID, str], list[str]]:
    """The LĐST candidates the CĐCS proposes for Bằng Lao động sáng tạo (person → the reason), and
    why the others are left out."""
    candidates = results_service.ldst_candidates_at(session, record, year_end(record))
    members = dict(
        session.execute(
            select(Person.id, Person.is_member).where(
                Person.id.in_([uuid.UUID(c.author_key) for c in candidates if not c.author_key.startswith("ngoai:")])
            )
        ).all()
    )
    reasons: dict[uuid.UUID, str] = {}
    notes: list[str] = []
    for c in candidates:
        if c.author_key.startswith("ngoai:"):
            notes.append(f"{c.author_name}: tác giả ngoài đơn vị, không đề nghị Bằng Lao động sáng tạo qua CĐCS này.")
            continue
        pid = uuid.UUID(c.author_key)
        if not members.get(pid):
            notes.append(
                f"{c.author_name}: chưa là đoàn viên công đoàn, không đủ điều kiện đề nghị Bằng Lao động sáng tạo."
            )
            continue
        reasons[pid] = c.reason
    return reasons, notes


def _double_rewards(session: Session, record: EmulationYear) -> list[tuple[ProposalRow, str]]:
    """The lines of a person or a collective proposed twice for the same kind of award in the year's
    round (core.review_proposals.double_rewards), each with its warning."""
    titles = titles_of(record)
    rows = _proposal_rows(session, record)
    by_id = {r.id: r for r in rows}
    lines = [
        ProposedAward(
            r.person_id or r.union_group_id or f"cdcs:{vntext.nfc(r.name).casefold()}",
            r.name,
            r.award_code,
            r.award_name,
            r.level,
            titles[r.award_code].category if r.award_code in titles else "award",
            r.id,
        )
        for r in rows
    ]
    return [(by_id[line.ref], message) for line, message in double_rewards(record.year, lines)]


def double_reward_warnings(db: Database, year: int) -> list[tuple[ProposalRow, str]]:
    """Who would be rewarded twice for one achievement in the year's round, and the warning to show
    before the tờ trình or the quyết định is numbered (the officer removes a line; nothing is deleted)."""
    with db.reading() as session:
        return _double_rewards(session, year_record(session, year))


def summary_editing_notes(db: Database, year: int, level: str | None = None) -> list[str]:
    """The proposal lines (of ``level``) whose tóm tắt thành tích holds an editing note ("(sửa theo ý
    kiến của LĐLĐ huyện)"): warnings before the document is numbered; the summary is left as written."""
    return [
        editing_note_warning(f"Tóm tắt thành tích của {r.name} ({r.award_name})", notes)
        for r in list_proposals(db, year, level)
        if (notes := editing_notes(r.summary))
    ]


def _votes(r: ReviewRow) -> tuple[int, int] | None:
    return (r.votes_for, r.votes_total) if r.votes_total else None


def build_proposals(db: Database, year: int) -> BuildSummary:
    """Draft the proposal list from the review (see the module's rules); keeps every existing line."""
    rules = get_proposal_rules(db)
    with db.transaction(f"Lập danh sách đề nghị khen thưởng năm {year}") as session:
        record = year_record(session, year)
        titles = titles_of(record)
        state = state_of(session, record)
        if not any(r.achieved is not None for r in state):
            raise ValidationError(
                "Chưa có kết quả bình xét; hãy ghi kết quả bình xét trước khi lập danh sách đề nghị khen thưởng."
            )
        unknown = [r for r in rules if r.award_code not in titles or r.title_code not in titles]
        if unknown:
            raise ValidationError(
                "Quy tắc đề nghị khen thưởng dùng mã không có trong danh mục năm "
                f"{year}: " + ", ".join(f"{r.title_code} → {r.award_code}" for r in unknown) + "."
            )
        cdcs_name = unit_name(session)
        # (person, union group, the CĐCS's name for its own line, award) → (level, title, votes, name)
        wanted: dict[ProposalKey, tuple[str, str | None, tuple[int, int] | None, str]] = {}
        # A. the collective, then its union groups (by id: a renamed group keeps its line)
        for r in state:
            if r.person_id is None and r.achieved and r.title_code in titles:
                level = level_of(titles[r.title_code])
                if r.union_group_id:
                    wanted[(None, uuid.UUID(r.union_group_id), "", r.title_code)] = (
                        level,
                        r.title_name,
                        _votes(r),
                        r.full_name,
                    )
                else:
                    wanted[(None, None, cdcs_name, r.title_code)] = (level, r.title_name, _votes(r), cdcs_name)
        # B. individuals: the rules
        by_title = {rule.title_code: rule for rule in rules}
        for r in state:
            rule = by_title.get(r.title_code)
            if r.person_id and r.achieved and rule is not None:
                wanted.setdefault(
                    (uuid.UUID(r.person_id), None, "", rule.award_code), (rule.level, None, _votes(r), "")
                )
        # B. LĐST candidates
        reasons: dict[uuid.UUID, str] = {}
        notes: list[str] = []
        if BANG_LDST in titles:
            reasons, notes = _ldst_candidates(session, record)
            for pid in reasons:
                wanted.setdefault((pid, None, "", BANG_LDST), ("upper", None, None, ""))
        existing = list(session.scalars(select(Proposal).where(Proposal.year_id == record.id)))
        have = {_proposal_key(p): p for p in existing}
        facts = person_facts(session, record, {k[0] for k in wanted if k[0] is not None}, state)
        added = 0
        for key, (level, collective_title, votes, collective) in wanted.items():
            if key in have:
                continue
            pid, group_id, _, award_code = key
            if group_id is not None:
                summary = group_summary(
                    session, record, group_id, collective_title or titles[award_code].name, state, votes
                )
            elif pid is None:
                summary = collective_summary(session, record, collective_title or titles[award_code].name)
            else:
                base = facts.get(pid)
                if base is None:
                    continue
                base = replace(base, votes=votes, ldst_reason=reasons.get(pid, "") if award_code == BANG_LDST else "")
                summary = core.achievement_summary(base)
            session.add(
                Proposal(
                    year_id=record.id,
                    person_id=pid,
                    union_group_id=group_id,
                    collective_name=collective,
                    award_code=award_code,
                    level=level,
                    summary=summary,
                )
            )
            added += 1
        rows = _numbered(session, record)
        stale_ids = {p.id.hex for k, p in have.items() if k not in wanted}
        stale = tuple(r for r in rows if r.id in stale_ids)
        session.flush()
        notes += [message for _row, message in _double_rewards(session, record)]
        return BuildSummary(added, len(have) - len(stale_ids), stale, tuple(rows), tuple(notes))


# --- lines by hand and decisions ----------------------------------------------------------------


def _load_proposal(session: Session, proposal_id: str) -> Proposal:
    proposal = session.get(Proposal, uuid_from(proposal_id, "Mã dòng đề nghị"))
    if proposal is None:
        raise NotFoundError("Không tìm thấy dòng đề nghị khen thưởng này.")
    return proposal


def _check_award(record: EmulationYear, award_code: str, person: bool, level: str) -> list[str]:
    return check_award(record.year, award_code, titles_of(record).get(award_code), person, level)


def add_proposal(
    db: Database,
    year: int,
    *,
    award_code: str,
    level: str,
    person_id: str | None = None,
    collective_name: str = "",
    summary: str = "",
    union_group_id: str | None = None,
) -> ProposalRow:
    """A line the officer adds by hand (a union group, a person the rules did not pick); a union
    group is named by ``union_group_id`` or by its name in ``collective_name``."""
    with db.transaction(f"Thêm dòng đề nghị khen thưởng năm {year}") as session:
        record = year_record(session, year)
        pid = person_uuid(person_id)
        group = None
        if union_group_id is not None and pid is None:
            group = session.get(UnionGroup, group_uuid(union_group_id))
            if group is None:
                raise NotFoundError("Không tìm thấy tổ công đoàn này.")
            collective_name = group.name
        elif pid is None and vntext.nfc(collective_name):
            group = session.scalars(
                select(UnionGroup).where(UnionGroup.name == vntext.nfc(collective_name)).order_by(UnionGroup.ordinal)
            ).first()
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
            same = (
                Proposal.person_id.is_(None)
                & Proposal.union_group_id.is_(None)
                & (Proposal.collective_name == vntext.nfc(collective_name))
            )
        clash = session.scalars(
            select(Proposal).where(Proposal.year_id == record.id, Proposal.award_code == award_code, same)
        ).first()
        if clash is not None:
            raise ValidationError("Dòng đề nghị này đã có trong danh sách.")
        proposal = Proposal(
            year_id=record.id,
            person_id=pid,
            union_group_id=group.id if group else None,
            collective_name="" if pid else vntext.nfc(collective_name),
            award_code=award_code,
            level=level,
            summary=summary.strip(),
        )
        session.add(proposal)
        return next(r for r in _numbered(session, record) if r.id == proposal.id.hex)


def update_proposal(
    db: Database,
    proposal_id: str,
    *,
    summary: str | None = None,
    award_code: str | None = None,
    level: str | None = None,
    decision_number: str | None = None,
    decision_date: date | None = None,
    today: date | None = None,
) -> ProposalRow:
    """Edit a line: the tóm tắt thành tích, the form proposed, or the decision once it is known."""
    today = today or clock.today()
    with db.transaction("Sửa dòng đề nghị khen thưởng") as session:
        proposal = _load_proposal(session, proposal_id)
        record = session.get(EmulationYear, proposal.year_id)
        problems = []
        if award_code is not None or level is not None:
            problems += _check_award(
                record, award_code or proposal.award_code, proposal.person_id is not None, level or proposal.level
            )
        if summary is not None and not summary.strip():
            problems.append("Tóm tắt thành tích không được để trống.")
        problems += check_decision_date(decision_date, today)
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
        return next(r for r in _numbered(session, record) if r.id == proposal.id.hex)


def decide_proposals(
    db: Database, year: int, decision_number: str, decision_date: date, *, level: str = "own", today: date | None = None
) -> int:
    """Give every undecided line of ``level`` its decision (the CĐCS's own Giấy khen decision)."""
    today = today or clock.today()
    number = (decision_number or "").strip()
    problems = check_decision_date(decision_date, today) if number else ["Hãy ghi số quyết định."]
    if problems:
        raise ValidationError("\n".join(problems))
    with db.transaction(f"Ghi quyết định khen thưởng {number}") as session:
        record = year_record(session, year)
        lines = list(
            session.scalars(
                select(Proposal).where(
                    Proposal.year_id == record.id, Proposal.level == level, Proposal.decision_number == ""
                )
            )
        )
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
