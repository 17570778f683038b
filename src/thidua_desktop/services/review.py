"""Use cases for the year-end review (bình xét) and the commendation proposals (đề nghị khen thưởng).

The review lists every registered title (people, the collective and its union groups) with the
exclusions the rule table gives, takes the meeting (date, place, chair, secretary, attendance)
and the votes, and decides by majority; the proposal list then follows from what was achieved.

Union groups: a collective title the CĐCS's own Ban Chấp hành gives (Tổ công đoàn vững mạnh) is a
group title. When the collective registration holds one, every union group is registered for it
and gets its review line (``ReviewResult.union_group_id``).

This module holds the review itself (the table, the inputs, the votes, the majority, what it still
lacks, the CĐCS's history) and is the door to the rest, which it re-exports:

* :mod:`.review_state`: the review lines as they stand (:class:`ReviewRow`) and the shared lookups;
* :mod:`.review_writer`: the bulk writes of review lines with one audit entry per action;
* :mod:`.review_meeting`: the meeting (:func:`get_meeting`, :func:`record_meeting`);
* :mod:`.review_proposals`: the proposal list, its rules, its lines and decisions;
* :mod:`.review_summaries`: the tóm tắt thành tích of a proposal line.

The rules and wordings that need no database are in ``core.review``, ``core.review_meeting`` and
``core.review_proposals``.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from thidua_desktop.core import review as core, vntext
from thidua_desktop.core.registration import CSTDCS, LDTT, Finding
from thidua_desktop.core.review import ReviewInputs, Vote
from thidua_desktop.core.review_proposals import (
    BANG_LDST,
    DEFAULT_RULES,
    OWN_ISSUER,
    ProposalRule,
    decision_text,
    is_group_title,
    votes_text,
)
from thidua_desktop.services.review_meeting import MeetingInfo, get_meeting, meeting_of, record_meeting
from thidua_desktop.services.review_proposals import (
    SETTING_RULES,
    BuildSummary,
    ProposalKey,
    ProposalRow,
    add_proposal,
    build_proposals,
    decide_proposals,
    double_reward_warnings,
    get_proposal_rules,
    list_proposals,
    remove_proposal,
    set_proposal_rules,
    summary_editing_notes,
    update_proposal,
)
from thidua_desktop.services.review_state import (
    UNKNOWN_ORDINAL,
    Key,
    ReviewRow,
    group_names,
    group_uuid,
    hex_of,
    person_uuid,
    registered_keys,
    restate,
    rules_of,
    state_of,
    stored_lines,
    titles_of,
    year_record,
)
from thidua_desktop.services.review_writer import Writer
from thidua_desktop.services.roster import HistoryRow
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import AwardTitle, EmulationYear, Person, Proposal, ReviewResult

__all__ = [
    "BANG_LDST",
    "DEFAULT_RULES",
    "OWN_ISSUER",
    "SETTING_RULES",
    "UNKNOWN_ORDINAL",
    "BuildSummary",
    "Key",
    "MajoritySummary",
    "MeetingInfo",
    "ProposalKey",
    "ProposalRow",
    "ProposalRule",
    "ReviewRow",
    "add_proposal",
    "apply_majority",
    "build_proposals",
    "collective_history",
    "decide_proposals",
    "double_reward_warnings",
    "findings",
    "get_meeting",
    "get_proposal_rules",
    "is_group_title",
    "list_proposals",
    "record_meeting",
    "record_vote",
    "record_votes",
    "remove_proposal",
    "review_table",
    "set_inputs",
    "set_proposal_rules",
    "summary_editing_notes",
    "update_proposal",
]


@dataclass(frozen=True)
class MajoritySummary:
    achieved: int
    not_achieved: int
    excluded: int
    capped: int
    without_votes: int
    kept: int
    unregistered_skipped: int


def review_table(db: Database, year: int) -> list[ReviewRow]:
    """Each registered title of the year (the collective's first), plus titles decided without
    registration, with votes, the decision and the exclusions the rule table gives now."""
    with db.reading() as session:
        return state_of(session, year_record(session, year))


# --- inputs and votes ---------------------------------------------------------------------------


def set_inputs(
    db: Database,
    year: int,
    person_id: str,
    *,
    days_off: int | None = None,
    discipline: str | None = None,
    clear_days_off: bool = False,
) -> ReviewInputs:
    """Record, for one person, the days off (maternity leave not counted) and a disciplinary
    measure of the year; ``discipline=""`` clears it, ``clear_days_off`` forgets the days off.
    They are stored on every review row of the person (rows are added for the registered titles)."""
    problems = core.check_inputs(days_off, discipline)
    if problems:
        raise ValidationError("\n".join(problems))
    with db.transaction(f"Ghi ngày nghỉ, kỷ luật để bình xét năm {year}") as session:
        record = year_record(session, year)
        pid = person_uuid(person_id)
        if session.get(Person, pid) is None:
            raise NotFoundError("Không tìm thấy người này trong danh sách.")
        writer = Writer(session, record, stored_lines(session, record))
        mine = [key for key in writer.rows if key[0] == pid.hex]
        registered = registered_keys(session, record, titles_of(record), ())
        mine += [key for key in registered if key[0] == pid.hex and key not in writer.rows]
        if not mine:
            raise ValidationError("Người này chưa đăng ký danh hiệu nào trong năm; không có gì để bình xét.")
        current = next(
            (core.split_exclusions(writer.rows[k].exclusions)[1] for k in mine if k in writer.rows), ReviewInputs()
        )
        new = ReviewInputs(
            None if clear_days_off else current.days_off if days_off is None else days_off,
            current.discipline if discipline is None else vntext.nfc(discipline.strip()),
        )
        for key in mine:
            row = writer.rows.get(key)
            codes = core.split_exclusions(row.exclusions)[0] if row else []
            if row is None:
                writer.set(key, registered=True, exclusions=core.join_exclusions(codes, new))
            else:
                writer.set(key, exclusions=core.join_exclusions(codes, new))
        writer.refresh_snapshots({(pid.hex, None)})
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
        pid = text if isinstance(text, str) and _HEX32.fullmatch(text) else person_uuid(text).hex
        return (pid, None, vote.title_code)
    if vote.union_group_id is not None:
        return (None, group_uuid(vote.union_group_id).hex, vote.title_code)
    return (None, None, vote.title_code)


def record_votes(db: Database, year: int, votes: Sequence[Vote]) -> list[str]:
    """Record the votes (and decisions) of the review meeting, all or nothing.

    Checks: votes for ≤ votes cast ≤ people present at the meeting; the title is in the year's
    catalogue and fits a person, the collective or a union group. A title decided without
    registration, or against an exclusion, is recorded with a warning (returned) — the rules ask for one.
    """
    with db.transaction(f"Ghi kết quả bình xét năm {year}") as session:
        record = year_record(session, year)
        meeting = meeting_of(session, record)
        if meeting is None or meeting.attendance_present is None:
            raise ValidationError(
                "Chưa ghi cuộc họp bình xét (ngày họp, số người có mặt); hãy ghi cuộc họp trước khi ghi số phiếu."
            )
        titles = titles_of(record)
        groups = group_names(session)
        problems: list[str] = []
        seen: set[Key] = set()
        names: dict[str, tuple[str, str]] = {}  # person id (hex) → (family and middle name, given name)
        keys = [_vote_key(v) for v in votes]
        wanted = [uuid.UUID(k[0]) for k in keys if k[0] is not None] if len(keys) <= 1000 else []
        name_query = select(hex_of(Person.id), Person.family_middle, Person.given_name)
        chunks = (
            [name_query]
            if len(keys) > 1000
            else [name_query.where(Person.id.in_(wanted[i : i + 500])) for i in range(0, len(wanted), 500)]
        )
        for query in chunks:
            for pid, fm, given in session.execute(query):
                names[pid] = (fm, given)

        def label_of(vote: Vote, pid: str | None, gid: str | None, title: AwardTitle | None) -> str:
            who = (
                vntext.join_name(*names[pid])
                if pid in names
                else ""
                if pid
                else groups[gid][0]
                if gid in groups
                else "Tập thể"
            )
            return f"{who or vote.person_id} — {title.name if title else vote.title_code}"

        for vote, key in zip(votes, keys, strict=True):
            pid, gid = key[0], key[1]
            title = titles.get(vote.title_code)
            again = key in seen
            seen.add(key)
            label = ""  # worded for a line with a problem only: thousands of lines are checked at once
            if (
                again
                or (pid is not None and pid not in names)
                or (gid is not None and gid not in groups)
                or title is None
                or not _fits(title, pid, gid)
            ):
                label = label_of(vote, pid, gid, title)
                if again:
                    problems.append(f"{label}: ghi hai lần trong cùng một lần lưu.")
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
                    problems.append(
                        f"{label}: đây là hình thức khen thưởng, ghi ở danh sách đề nghị khen thưởng, "
                        "không bình xét như danh hiệu."
                    )
                if pid is None and title.subject != "collective":
                    problems.append(f"{label}: danh hiệu dành cho cá nhân, không ghi cho tập thể.")
                elif pid is None and gid is None and is_group_title(title):
                    problems.append(
                        f"{label}: danh hiệu dành cho tổ công đoàn; hãy ghi cho từng tổ công đoàn, không "
                        "ghi cho công đoàn cơ sở."
                    )
                elif gid is not None and not is_group_title(title):
                    problems.append(f"{label}: danh hiệu này không xét cho tổ công đoàn.")
                if pid is not None and title.subject != "individual":
                    problems.append(f"{label}: danh hiệu dành cho tập thể, không ghi cho cá nhân.")
            found = list(core.check_votes(vote.votes_for, vote.votes_total, meeting.attendance_present))
            if vote.note is not None and len(vote.note) > 2000:
                found.append("ghi chú quá dài.")
            if found:
                label = label or label_of(vote, pid, gid, title)
                problems += [f"{label}: {p}" for p in found]
        if problems:
            raise ValidationError("\n".join(problems))
        writer = Writer(session, record, stored_lines(session, record))
        inputs_of: dict[str, list] = {}
        for (pid_hex, _, _), row in writer.rows.items():
            if pid_hex is not None and row.exclusions:
                inputs_of.setdefault(pid_hex, row.exclusions)
        registered = registered_keys(session, record, titles, groups)
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
        state = writer.refresh_snapshots(touched)
        writer.finish()
        warnings = []
        wanted_keys = set(keys)
        for row in state:
            if row.key in wanted_keys and row.warnings:
                warnings.append(f"{row.full_name} — {row.title_name}: " + "; ".join(row.warnings) + ".")
        warnings += _cap_findings(record, state)
        return warnings


def record_vote(
    db: Database,
    year: int,
    person_id: str | None,
    title_code: str,
    votes_for: int | None,
    votes_total: int | None,
    achieved: bool | None = None,
    note: str | None = None,
    *,
    union_group_id: str | None = None,
) -> list[str]:
    """One line of :func:`record_votes`; returns its warnings (e.g. "danh hiệu chưa đăng ký")."""
    return record_votes(db, year, [Vote(person_id, title_code, votes_for, votes_total, achieved, note, union_group_id)])


def _cap_findings(record: EmulationYear, state: Iterable[ReviewRow]) -> list[str]:
    rules = rules_of(record)
    rows = list(state)
    ldtt = sum(1 for r in rows if r.title_code == LDTT and r.achieved)
    cstd = sum(1 for r in rows if r.title_code == CSTDCS and r.achieved)
    allowed = core.cap_allowed(ldtt, rules)
    if allowed is not None and cstd > allowed:
        cap = rules[core.RULE_CSTDCS_CAP]
        return [
            f"Số người đạt “Chiến sĩ thi đua cơ sở” ({cstd}) vượt {vntext.format_number(cap)}% số người đạt "
            f"“Lao động tiên tiến” ({ldtt}): tối đa {allowed} người."
        ]
    return []


def apply_majority(db: Database, year: int, *, overwrite: bool = False) -> MajoritySummary:
    """Decide by the votes: achieved when more than half of the votes cast agree and the rules do
    not exclude the person; excluded registrations are not achieved.

    Decisions already taken are kept unless ``overwrite``; unregistered titles are left to the
    officer. CSTĐCS is decided after LĐTT and within the cap (rule ``cstdcs_cap_percent_of_ldtt``
    of the LĐTT achieved): above it, the lines with the highest share of votes keep the title.
    """
    with db.transaction(f"Xét kết quả bình xét theo đa số phiếu năm {year}") as session:
        record = year_record(session, year)
        rules = rules_of(record)
        counts: Counter = Counter()
        writer = Writer(session, record, stored_lines(session, record))

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
            values = {
                "achieved": achieved,
                "registered": r.registered,
                "exclusions": core.join_exclusions([e.code for e in r.exclusions], r.inputs),
            }
            if note is not None:
                values["note"] = note
            writer.set(r.key, **values)

        first_state = state_of(session, record, writer.rows)
        for r in decide([r for r in first_state if r.title_code != CSTDCS]):
            write(r, True)
            counts["achieved"] += 1
        state = restate(first_state, writer.rows)  # the LĐTT decisions taken: CSTĐCS next
        winners = decide([r for r in state if r.title_code == CSTDCS])
        ldtt = sum(1 for r in state if r.title_code == LDTT and r.achieved)
        allowed = core.cap_allowed(ldtt, rules)
        if allowed is not None:
            already = sum(
                1 for r in state if r.title_code == CSTDCS and r.achieved and (not overwrite or not r.registered)
            )
            room = max(0, allowed - already)
            winners.sort(
                key=lambda r: (-Decimal(r.votes_for) / Decimal(r.votes_total), -(r.votes_for or 0), r.sort_key)
            )
            over = winners[room:]
            winners = winners[:room]
            cap = vntext.format_number(rules[core.RULE_CSTDCS_CAP])
            for r in over:
                write(
                    r,
                    False,
                    f"Không công nhận: vượt tỷ lệ tối đa {cap}% số người đạt “Lao động tiên tiến” "
                    f"({allowed} người); xét theo tỷ lệ phiếu đồng ý.",
                )
                counts["capped"] += 1
        for r in winners:
            write(r, True)
            counts["achieved"] += 1
        # exclusion codes depend on LĐTT decisions only: the state after the first pass holds them
        writer.refresh_snapshots(state=state)
        writer.finish()
        return MajoritySummary(
            counts["achieved"],
            counts["not_achieved"],
            counts["excluded"],
            counts["capped"],
            counts["without_votes"],
            counts["kept"],
            counts["unregistered"],
        )


def findings(db: Database, year: int) -> list[Finding]:
    """What the review still lacks or breaks: meeting, undecided lines, caps, decisions against the rules."""
    with db.reading() as session:
        record = year_record(session, year)
        meeting = meeting_of(session, record)
        state = state_of(session, record)
    found: list[Finding] = []
    if meeting is None:
        found.append(Finding("error", "Chưa ghi cuộc họp bình xét (ngày, địa điểm, chủ trì, thư ký, số người có mặt)."))
    undecided = [r for r in state if r.achieved is None]
    if undecided:
        by_title = Counter(r.title_name for r in undecided)
        found.append(
            Finding(
                "warning",
                f"Còn {len(undecided)} danh hiệu chưa có kết quả bình xét: "
                + ", ".join(f"{name} ({n})" for name, n in by_title.items())
                + ".",
            )
        )
    for r in state:
        for w in r.warnings:
            found.append(Finding("warning", f"{r.full_name} — {r.title_name}: {w}.", r.person_id, r.title_code))
        if r.title_code == CSTDCS and r.achieved:
            ldtt = next((x for x in state if x.person_id == r.person_id and x.title_code == LDTT), None)
            if ldtt is None or not ldtt.achieved:
                found.append(
                    Finding(
                        "warning",
                        f"{r.full_name}: đạt “Chiến sĩ thi đua cơ sở” nhưng chưa đạt “Lao động tiên tiến”.",
                        r.person_id,
                        r.title_code,
                    )
                )
    if meeting is not None and meeting.attendance_present is not None:
        for r in state:
            if r.votes_total is not None and r.votes_total > meeting.attendance_present:
                found.append(
                    Finding(
                        "error",
                        f"{r.full_name} — {r.title_name}: tổng số phiếu {r.votes_total} lớn hơn "
                        f"số người có mặt ({meeting.attendance_present}).",
                        r.person_id,
                        r.title_code,
                    )
                )
    found += [Finding("warning", m, None, CSTDCS) for m in _cap_findings(record, state)]
    # one achievement rewarded twice in the year's round (two Giấy khen of different levels…)
    found += [Finding("warning", m, row.person_id, row.award_code) for row, m in double_reward_warnings(db, year)]
    found += [Finding("warning", m) for m in summary_editing_notes(db, year)]
    return found


# --- history ------------------------------------------------------------------------------------


def collective_history(db: Database) -> list[HistoryRow]:
    """The CĐCS's own titles achieved and awards decided, year by year (newest first)."""
    with db.reading() as session:
        titles = session.execute(
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
            .where(
                ReviewResult.person_id.is_(None), ReviewResult.union_group_id.is_(None), ReviewResult.achieved.is_(True)
            )
        ).all()
        # a union group's lines are not the CĐCS's: linked to a group, or (the group since deleted)
        # a title the CĐCS gives its groups
        awards = session.execute(
            select(EmulationYear.year, AwardTitle, Proposal.decision_number, Proposal.decision_date)
            .join(EmulationYear, EmulationYear.id == Proposal.year_id)
            .join(AwardTitle, (AwardTitle.year_id == Proposal.year_id) & (AwardTitle.code == Proposal.award_code))
            .where(Proposal.person_id.is_(None), Proposal.union_group_id.is_(None), Proposal.decision_number != "")
        ).all()
    rows = [(y, 1, o, HistoryRow(y, "achieved", name, votes_text(vf, vt))) for y, name, vf, vt, o in titles]
    rows += [
        (y, 0, t.ordinal, HistoryRow(y, "award", t.name, decision_text(n, d)))
        for y, t, n, d in awards
        if not is_group_title(t)
    ]
    return [r for *_, r in sorted(rows, key=lambda x: (-x[0], x[1], x[2]))]
