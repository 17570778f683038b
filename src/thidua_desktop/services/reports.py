"""Use cases for the phase reports (báo cáo sơ kết đợt 1, tổng kết năm): draft, edit, status, versions.

``draft_report`` fills the standard outline (see :mod:`thidua_desktop.core.report_draft`) from the
registers: roster counts at the end of the period, the registration, the initiatives, the LĐST
candidates, the indicator results and, for the tổng kết, the review and the proposals. The
officer edits the sections; the status goes nháp (``draft``) → hoàn thành (``complete``) → đã gửi
(``sent``). A sent report is read-only — only the upper union's return comment can be recorded on
it — and a correction is a new version (``new_version``), a draft that supersedes it; while that
correction is open the phase's figures can be changed again, even after the lock date.

A sơ kết (``midyear``) reports on phase 1; a tổng kết (``year``) on the last phase (the year).
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session

from thidua_desktop import clock
from thidua_desktop.core import initiatives as ini_core, report_draft as draft, results as res_core, vntext
from thidua_desktop.services import registration as registration_service
from thidua_desktop.services import results as results_service
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    CollectiveRegistration,
    EmulationYear,
    IndividualRegistration,
    Initiative,
    InitiativeAuthor,
    Person,
    Phase,
    Proposal,
    Report,
    ReviewMeeting,
    ReviewResult,
    UnionGroup,
    Unit,
)

KIND_NAMES = {"midyear": "báo cáo sơ kết", "year": "báo cáo tổng kết năm"}
STATUS_NAMES = {"draft": "nháp", "complete": "hoàn thành", "sent": "đã gửi"}
MAX_SECTION_CHARS = 100_000
HIGHLIGHTS = 3


@dataclass(frozen=True)
class SectionInfo:
    key: str
    heading: str
    text: str
    level: int
    container: bool  # heads deeper sections: its own text may stay empty

    @property
    def placeholders(self) -> list[str]:
        return draft.placeholders(self.text)

    @property
    def is_missing(self) -> bool:
        return bool(self.placeholders) or (not self.container and not self.text.strip())


@dataclass(frozen=True)
class ReportInfo:
    id: str
    year: int
    kind: str  # midyear | year
    phase_number: int
    version: int
    status: str  # draft | complete | sent
    title: str
    sections: tuple[SectionInfo, ...]
    document_code: str
    issued_on: date | None
    sent_at: datetime | None
    supersedes_id: str | None
    returned_comment: str  # the upper union's comment when it returned this version
    answers_comment: str  # the comment this version corrects (the superseded version's)
    is_latest: bool

    @property
    def read_only(self) -> bool:
        return self.status == "sent"

    @property
    def missing_sections(self) -> list[SectionInfo]:
        return [s for s in self.sections if s.is_missing]

    def section(self, key: str) -> SectionInfo:
        found = next((s for s in self.sections if s.key == key), None)
        if found is None:
            raise NotFoundError(f"Báo cáo không có mục '{key}'.")
        return found


@dataclass(frozen=True)
class ReportStatus:
    """One report of the year for the Tổng quan page: two dates, days left, what is missing."""

    kind: str
    phase_number: int
    label: str
    due: date
    lock_date: date
    days_left: int  # to the due date (negative: overdue)
    report_id: str | None
    version: int | None
    status: str | None  # None: not drafted yet
    sent_at: datetime | None
    missing: tuple[str, ...]

    @property
    def on_time(self) -> bool | None:
        if self.sent_at is None:
            return None
        return self.sent_at.date() <= self.due


# --- lookups ----------------------------------------------------------------------------------


def _year(session: Session, year: int) -> EmulationYear:
    record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def report_phase(record: EmulationYear, kind: str) -> Phase:
    if kind not in draft.KINDS:
        raise ValidationError(f"Loại báo cáo '{kind}' không hợp lệ: midyear (sơ kết đợt 1) hoặc year (tổng kết năm).")
    if not record.phases:
        raise ValidationError(f"Kế hoạch năm {record.year} chưa có đợt thi đua nào.")
    if kind == "year":
        return record.phases[-1]
    if len(record.phases) < 2:
        raise ValidationError(f"Kế hoạch năm {record.year} chỉ có một đợt: không có sơ kết, chỉ có tổng kết năm.")
    return record.phases[0]


def _load(session: Session, report_id: str) -> Report:
    try:
        key = uuid.UUID(str(report_id))
    except ValueError:
        raise ValidationError(f"Mã báo cáo '{report_id}' không hợp lệ.") from None
    report = session.get(Report, key)
    if report is None:
        raise NotFoundError("Không tìm thấy báo cáo này.")
    return report


def _latest(session: Session, year_id, phase_number: int) -> Report | None:
    return session.scalars(
        select(Report)
        .where(Report.year_id == year_id, Report.phase_number == phase_number)
        .order_by(Report.version.desc())
    ).first()


def _label(report: Report) -> str:
    return f"{KIND_NAMES.get(report.kind, 'báo cáo').capitalize()} (phiên bản {report.version})"


def _info(session: Session, report: Report) -> ReportInfo:
    raw = list(report.sections or [])
    keys = draft.containers(raw)
    sections = tuple(
        SectionInfo(s["key"], s.get("heading", ""), s.get("text", ""), int(s.get("level", 1)), s["key"] in keys)
        for s in raw
    )
    year = session.scalar(select(EmulationYear.year).where(EmulationYear.id == report.year_id))
    latest = _latest(session, report.year_id, report.phase_number)
    answers = ""
    if report.supersedes_id:
        answers = session.scalar(select(Report.returned_comment).where(Report.id == report.supersedes_id)) or ""
    return ReportInfo(
        report.id.hex,
        year,
        report.kind,
        report.phase_number,
        report.version,
        report.status,
        report.title,
        sections,
        report.document_code,
        report.issued_on,
        report.sent_at,
        report.supersedes_id.hex if report.supersedes_id else None,
        report.returned_comment,
        answers,
        latest is not None and latest.id == report.id,
    )


def _refuse_if_sent(report: Report) -> None:
    if report.status == "sent":
        raise ValidationError(
            f"{_label(report)} đã gửi nên chỉ được xem, không sửa được. Muốn sửa, hãy tạo phiên bản "
            "mới của báo cáo; bản đã gửi được giữ nguyên."
        )


# --- facts for the draft ----------------------------------------------------------------------


def _facts(session: Session, record: EmulationYear, kind: str, phase: Phase, today: date) -> draft.ReportFacts:
    start = record.phases[0].start
    end = phase.end
    unit = session.scalars(select(Unit).limit(1)).first()
    hired = (Person.employed_since.is_(None)) | (Person.employed_since <= end)
    active = Person.at_work_after(end) & hired
    member = Person.is_member.is_(True) & ((Person.joined_union_on.is_(None)) | (Person.joined_union_on <= end))

    def count(*where) -> int:
        return session.scalar(select(func.count()).select_from(Person).where(*where)) or 0

    titles = {t.code: t for t in record.titles}
    collective = session.scalars(
        select(CollectiveRegistration).where(CollectiveRegistration.year_id == record.id)
    ).first()
    joined = set(collective.movement_codes) if collective else set()
    # one count per fact: what was registered is counted as the registration counted it, in every document
    regs = registration_service.title_counts(session, record)
    counted = Person.on_roster_during(record.year)
    gvn_registered = (
        session.scalar(
            select(func.count(distinct(IndividualRegistration.person_id)))
            .join(Person, Person.id == IndividualRegistration.person_id)
            .where(
                IndividualRegistration.year_id == record.id,
                IndividualRegistration.title_code == results_service.GVN_DVN,
                counted,
                Person.gender == "F",
            )
        )
        or 0
    )
    people_registered = (
        session.scalar(
            select(func.count(distinct(IndividualRegistration.person_id)))
            .join(Person, Person.id == IndividualRegistration.person_id)
            .where(IndividualRegistration.year_id == record.id, counted)
        )
        or 0
    )
    recognised_authors = (
        select(InitiativeAuthor.person_id)
        .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .where(
            InitiativeAuthor.person_id.is_not(None),
            Initiative.status == "recognised",
            Initiative.decision_date <= end,
            or_(Initiative.year == record.year, Initiative.decision_date >= start),
        )
    )
    without = (
        session.scalar(
            select(func.count())
            .select_from(IndividualRegistration)
            .where(
                IndividualRegistration.year_id == record.id,
                IndividualRegistration.title_code == "CSTDCS",
                IndividualRegistration.person_id.not_in(recognised_authors),
            )
        )
        or 0
    )
    # initiatives
    phase_filter = Initiative.phase_number <= phase.number
    if kind == "year":
        phase_filter = phase_filter | Initiative.phase_number.is_(None)
    statuses = dict(
        session.execute(
            select(Initiative.status, func.count())
            .where(Initiative.year == record.year, phase_filter)
            .group_by(Initiative.status)
        ).all()
    )
    tags = session.scalars(select(Initiative.tags).where(Initiative.year == record.year, phase_filter)).all()
    programme = ini_core.PROGRAMME_TAGS[0] if ini_core.PROGRAMME_TAGS else ""
    in_period = (Initiative.status == "recognised", Initiative.decision_date.between(start, end))
    recognised = session.scalar(select(func.count()).select_from(Initiative).where(*in_period)) or 0
    benefit = session.scalar(select(func.sum(Initiative.economic_benefit)).where(*in_period)) or Decimal(0)
    levels = dict(
        session.execute(
            select(Initiative.recognition_level, func.count()).where(*in_period).group_by(Initiative.recognition_level)
        ).all()
    )
    top = session.execute(
        select(Initiative.id, Initiative.title, Initiative.economic_benefit, Initiative.recognition_level)
        .where(*in_period, Initiative.economic_benefit.is_not(None))
        .order_by(Initiative.economic_benefit.desc(), Initiative.title)
        .limit(HIGHLIGHTS)
    ).all()
    highlights = []
    for iid, title, value, level in top:
        names = [
            vntext.join_name(fm or "", given or "") if pid else outside
            for pid, outside, fm, given in session.execute(
                select(
                    InitiativeAuthor.person_id, InitiativeAuthor.outside_name, Person.family_middle, Person.given_name
                )
                .outerjoin(Person, Person.id == InitiativeAuthor.person_id)
                .where(InitiativeAuthor.initiative_id == iid)
                .order_by(InitiativeAuthor.ordinal)
            )
        ]
        highlights.append(
            draft.HighlightFacts(title, ", ".join(names), value, ini_core.LEVELS.get(level or "", "").lower())
        )
    initiative_facts = draft.InitiativeFacts(
        registered=sum(statuses.values()),
        applying=statuses.get("applying", 0),
        refused=statuses.get("refused", 0),
        recognised=recognised,
        recognised_benefit=Decimal(benefit),
        by_level=tuple((name.lower(), levels.get(code, 0)) for code, name in ini_core.LEVELS.items()),
        tagged=sum(1 for t in tags if programme in (t or [])),
        programme=programme,
        highlights=tuple(highlights),
    )
    candidates = tuple(
        draft.CandidateFacts(c.author_name, c.reason) for c in results_service.ldst_candidates_at(session, record, end)
    )
    # indicators
    table = results_service.table_in(session, record, today)
    indicators = []
    for row in table:
        cell = row.cell(phase.number)
        indicators.append(
            draft.IndicatorLine(
                row.code,
                row.name,
                row.unit,
                row.kind,
                row.registered,
                cell.value,
                cell.numerator,
                cell.denominator,
                cell.not_applicable,
                row.movement_code,
                row.computed_from,
                res_core.pending_text(cell.origin) if cell.value is None else "",
            )
        )
    # review and proposals (tổng kết)
    review = None
    proposals: tuple[draft.ProposalLine, ...] = ()
    if kind == "year":
        meeting = session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()
        achieved = dict(
            session.execute(
                select(ReviewResult.title_code, func.count())
                .where(
                    ReviewResult.year_id == record.id,
                    ReviewResult.person_id.is_not(None),
                    ReviewResult.achieved.is_(True),
                )
                .group_by(ReviewResult.title_code)
            ).all()
        )
        decided = (
            session.scalar(
                select(func.count())
                .select_from(ReviewResult)
                .where(
                    ReviewResult.year_id == record.id,
                    ReviewResult.registered.is_(True),
                    ReviewResult.achieved.is_not(None),
                )
            )
            or 0
        )
        if meeting is not None or achieved:
            reviewed: dict[tuple[str, bool], tuple[list[str], int]] = {}
            for code, group_id, group_name, done in session.execute(
                select(ReviewResult.title_code, ReviewResult.union_group_id, UnionGroup.name, ReviewResult.achieved)
                .outerjoin(UnionGroup, UnionGroup.id == ReviewResult.union_group_id)
                .where(ReviewResult.year_id == record.id, ReviewResult.person_id.is_(None))
                .order_by(UnionGroup.name)
            ):
                names, total = reviewed.setdefault((code, group_id is None), ([], 0))
                if done:
                    names.append(group_name or "")
                reviewed[code, group_id is None] = (names, total + 1)
            collective_results = tuple(
                draft.CollectiveResult(titles[c].name if c in titles else c, own, tuple(names), total)
                for (c, own), (names, total) in sorted(
                    reviewed.items(),
                    key=lambda kv: (not kv[0][1], titles[kv[0][0]].ordinal if kv[0][0] in titles else 999),
                )
                if names
            )
            order = sorted(set(regs) | set(achieved), key=lambda c: titles[c].ordinal if c in titles else 999)
            review = draft.ReviewFacts(
                meeting.held_on if meeting else None,
                meeting.attendance_present if meeting else None,
                meeting.attendance_total if meeting else None,
                tuple((titles[c].name if c in titles else c, achieved.get(c, 0), regs.get(c, 0)) for c in order),
                collective_results,
                max(0, sum(regs.values()) + len(collective.title_codes if collective else []) - decided),
            )
        rows = session.execute(
            select(
                Proposal.person_id,
                func.coalesce(UnionGroup.name, Proposal.collective_name),
                Proposal.award_code,
                Proposal.level,
                Person.family_middle,
                Person.given_name,
            )
            .outerjoin(Person, Person.id == Proposal.person_id)
            .outerjoin(UnionGroup, UnionGroup.id == Proposal.union_group_id)  # a group as it is named now
            .where(Proposal.year_id == record.id)
            .order_by(Proposal.ordinal)
        ).all()
        proposals = tuple(
            draft.ProposalLine(
                vntext.join_name(fm or "", given or "") if pid else name,
                titles[code].name if code in titles else code,
                level,
            )
            for pid, name, code, level, fm, given in rows
        )
    next_label = f"năm {record.year + 1}"
    if kind == "midyear":
        following = next((p for p in record.phases if p.number == phase.number + 1), None)
        next_label = (following.name or f"Đợt {following.number}").lower() if following else "đợt sau"
    gvn = titles.get(results_service.GVN_DVN)
    return draft.ReportFacts(
        kind=kind,
        year=record.year,
        phase_number=phase.number,
        phase_name=phase.name or f"Đợt {phase.number}",
        start=start,
        end=end,
        next_label=next_label,
        unit_name=unit.name if unit else "Công đoàn cơ sở",
        employer_name=unit.employer_name if unit else "",
        upper_union=unit.upper_union if unit else "",
        plan_number=record.plan_number,
        plan_issuer=record.plan_issuer,
        plan_issued_on=record.plan_issued_on,
        theme=record.theme,
        workers=count(active),
        women=count(active, Person.gender == "F"),
        members=count(active, member),
        women_members=count(active, member, Person.gender == "F"),
        groups=session.scalar(select(func.count()).select_from(UnionGroup)) or 0,
        admitted=count(Person.joined_union_on.between(start, end)),
        left=count(Person.left_on.between(start, end)),
        registered_on=collective.registered_on if collective else None,
        movements=tuple(
            draft.MovementFacts(m.code, m.name, m.launched_by) for m in record.movements if m.code in joined
        ),
        collective_titles=tuple(titles[c].name for c in (collective.title_codes if collective else []) if c in titles),
        signature_content=collective.signature_content if collective else "",
        registrations=tuple(
            (titles[c].name, regs[c])
            for c in sorted(regs, key=lambda c: titles[c].ordinal if c in titles else 999)
            if c in titles
        ),
        people_registered=people_registered,
        gvn_title=gvn.name if gvn else "Giỏi việc nước, đảm việc nhà",
        gvn_registered=gvn_registered,
        cstdcs_without_initiative=without,
        initiatives=initiative_facts,
        candidates=candidates,
        indicators=tuple(indicators),
        review=review,
        proposals=proposals,
    )


# --- use cases --------------------------------------------------------------------------------


def draft_report(db: Database, year: int, kind: str, *, today: date | None = None) -> ReportInfo:
    """Create version 1 of the sơ kết (``midyear``) or tổng kết (``year``), drafted from the data.

    The computed results of the report's phase are stored first when the phase is still open.
    """
    today = today or clock.today()
    with db.transaction(f"Soạn {KIND_NAMES.get(kind, 'báo cáo')} năm {year}") as session:
        record = _year(session, year)
        phase = report_phase(record, kind)
        existing = _latest(session, record.id, phase.number)
        if existing is not None:
            raise ValidationError(
                f"Năm {year} đã có {KIND_NAMES[kind]} (phiên bản {existing.version}, "
                f"{STATUS_NAMES.get(existing.status, existing.status)}). Hãy mở bản đó để sửa; "
                "bản đã "
                "gửi thì tạo phiên bản mới."
            )
        results_service.compute_in(session, record, [p for p in record.phases if p.number <= phase.number], today=today)
        session.flush()
        facts = _facts(session, record, kind, phase, today)
        report = Report(
            year_id=record.id,
            kind=kind,
            phase_number=phase.number,
            version=1,
            status="draft",
            title=draft.title(kind, year, facts.phase_name, facts.start, facts.end, facts.next_label),
            sections=draft.draft_sections(facts),
        )
        session.add(report)
        session.flush()
        return _info(session, report)


def get_report(db: Database, report_id: str) -> ReportInfo:
    with db.reading() as session:
        return _info(session, _load(session, report_id))


def latest_report(db: Database, year: int, kind: str) -> ReportInfo | None:
    with db.reading() as session:
        record = _year(session, year)
        report = _latest(session, record.id, report_phase(record, kind).number)
        return _info(session, report) if report else None


def list_reports(db: Database, year: int) -> list[ReportInfo]:
    """Every report of the year, every version (sơ kết first, then tổng kết; oldest version first)."""
    with db.reading() as session:
        record = _year(session, year)
        reports = session.scalars(
            select(Report).where(Report.year_id == record.id).order_by(Report.phase_number, Report.version)
        ).all()
        return [_info(session, r) for r in reports]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def update_section(db: Database, report_id: str, key: str, text: str) -> ReportInfo:
    """Replace the text of one section (refused on a sent report). A complete report whose sections
    are no longer all written goes back to draft."""
    text = _clean(text)
    if len(text) > MAX_SECTION_CHARS:
        raise ValidationError(f"Nội dung mục dài quá {vntext.format_number(MAX_SECTION_CHARS)} ký tự.")
    with db.transaction("Sửa nội dung báo cáo") as session:
        report = _load(session, report_id)
        _refuse_if_sent(report)
        sections = [dict(s) for s in report.sections or []]
        target = next((s for s in sections if s["key"] == key), None)
        if target is None:
            known = ", ".join(s["key"] for s in sections)
            raise NotFoundError(f"Báo cáo không có mục '{key}'. Các mục: {known}.")
        target["text"] = text
        report.sections = sections
        session.flush()
        info = _info(session, report)
        if report.status == "complete" and info.missing_sections:  # a placeholder came back: not complete now
            report.status = "draft"
            session.flush()
            info = _info(session, report)
        return info


def redraft_section(db: Database, report_id: str, key: str, *, today: date | None = None) -> ReportInfo:
    """Draft one section again from the current figures (after a correction); refused on a sent report."""
    today = today or clock.today()
    with db.transaction("Soạn lại một mục của báo cáo từ số liệu") as session:
        report = _load(session, report_id)
        _refuse_if_sent(report)
        record = session.get(EmulationYear, report.year_id)
        phase = next(p for p in record.phases if p.number == report.phase_number)
        fresh = draft.redraft(_facts(session, record, report.kind, phase, today), key)
        sections = [dict(s) for s in report.sections or []]
        target = next((s for s in sections if s["key"] == key), None)
        if fresh is None or target is None:
            raise NotFoundError(f"Báo cáo không có mục '{key}'.")
        target["text"] = fresh["text"]
        report.sections = sections
        session.flush()
        return _info(session, report)


def set_status(db: Database, report_id: str, status: str, *, at: datetime | None = None) -> ReportInfo:
    """nháp → hoàn thành → đã gửi (and back from hoàn thành to nháp). Completing needs every
    placeholder replaced and no empty section; sending stores the computed figures the report
    shows and makes it read-only."""
    if status not in STATUS_NAMES:
        raise ValidationError(
            f"Trạng thái '{status}' không hợp lệ: draft (nháp), complete (hoàn thành) hoặc sent (đã gửi)."
        )
    at = at or datetime.now(timezone.utc)
    with db.transaction(f"Chuyển báo cáo sang trạng thái {STATUS_NAMES[status]}") as session:
        report = _load(session, report_id)
        _set_status_in(session, report, status, at)
        return _info(session, report)


def mark_sent_in(session: Session, report_id, at: datetime) -> Report:
    """Lock a report as sent inside the caller's transaction (the outbox records what was sent in the
    same one). A report already sent stays as it was; a draft is refused."""
    report = _load(session, report_id)
    _set_status_in(session, report, "sent", at)
    return report


def _set_status_in(session: Session, report: Report, status: str, at: datetime) -> None:
    if report.status == status:
        return
    _refuse_if_sent(report)
    if status == "sent" and report.status != "complete":
        raise ValidationError("Báo cáo còn là bản nháp: hãy hoàn thành (kiểm tra lại các mục) trước khi gửi.")
    if status == "complete":
        info = _info(session, report)
        missing = info.missing_sections
        if missing:
            raise ValidationError(
                "Chưa hoàn thành được báo cáo, còn mục phải bổ sung:\n"
                + "\n".join(
                    f"- {s.heading}: " + (f"{len(s.placeholders)} chỗ [Bổ sung: …]" if s.placeholders else "để trống")
                    for s in missing
                )
            )
    if status == "sent":
        record = session.get(EmulationYear, report.year_id)
        phases = [p for p in record.phases if p.number <= report.phase_number]
        results_service.compute_in(session, record, phases, today=at.date(), ignore_locks=True, only_missing=True)
        report.sent_at = at
        report.issued_on = report.issued_on or at.date()
    report.status = status
    session.flush()


def record_return(db: Database, report_id: str, comment: str) -> ReportInfo:
    """The upper union returned a sent report with a comment (the report itself stays as sent)."""
    comment = _clean(comment)
    if not comment:
        raise ValidationError("Hãy ghi ý kiến của công đoàn cấp trên khi trả lại báo cáo.")
    with db.transaction("Ghi ý kiến trả lại báo cáo của cấp trên") as session:
        report = _load(session, report_id)
        if report.status != "sent":
            raise ValidationError("Chỉ báo cáo đã gửi mới có thể bị cấp trên trả lại.")
        report.returned_comment = comment
        session.flush()
        return _info(session, report)


def new_version(db: Database, report_id: str, comment: str = "") -> ReportInfo:
    """Copy a sent report into version N+1 (a draft that supersedes it) to correct it.

    ``comment`` (the upper union's, when it returned the report) is recorded on the sent version
    if none was. Until the new version is sent, the phase's figures can be corrected again.
    """
    comment = _clean(comment)
    with db.transaction("Tạo phiên bản mới của báo cáo") as session:
        report = _load(session, report_id)
        if report.status != "sent":
            raise ValidationError(f"{_label(report)} chưa gửi: sửa trực tiếp, không cần tạo phiên bản mới.")
        latest = _latest(session, report.year_id, report.phase_number)
        if latest is not None and latest.id != report.id:
            raise ValidationError(f"Đã có phiên bản {latest.version} mới hơn; hãy sửa phiên bản đó.")
        if comment and not report.returned_comment:
            report.returned_comment = comment
        copy = Report(
            year_id=report.year_id,
            kind=report.kind,
            phase_number=report.phase_number,
            version=report.version + 1,
            status="draft",
            title=report.title,
            sections=[dict(s) for s in report.sections or []],
            supersedes_id=report.id,
        )
        session.add(copy)
        session.flush()
        return _info(session, copy)


# --- checklist --------------------------------------------------------------------------------


def editing_notes_of(session: Session, report: Report) -> list[str]:
    """The report's title and sections that hold an editing note ("(sửa theo ý kiến của LĐLĐ
    huyện)"): warnings, the text is left as the officer wrote it. The upper union's comment
    (``returned_comment``) is never part of the document."""
    info = _info(session, report)
    return draft.report_editing_notes(info.title, [(s.heading, s.text) for s in info.sections])


def report_editing_notes(db: Database, year: int, kind: str) -> list[str]:
    """The editing notes of the latest version of the year's ``kind`` report (none before it is drafted)."""
    with db.reading() as session:
        record = _year(session, year)
        report = _latest(session, record.id, report_phase(record, kind).number)
        return editing_notes_of(session, report) if report is not None else []


def _missing(session: Session, record: EmulationYear, kind: str, today: date) -> list[str]:
    phase = report_phase(record, kind)
    items: list[str] = []
    report = _latest(session, record.id, phase.number)
    for row in results_service.table_in(session, record, today):
        cell = row.cell(phase.number)
        if (
            row.registered is not None
            and cell.value is None
            and not cell.not_applicable
            and not res_core.pending_text(cell.origin)
        ):  # "chưa bình xét" is a state the report tells
            why = f" ({cell.origin})" if cell.source is None and cell.origin and row.source == "computed" else ""
            items.append(f"Chỉ tiêu {row.code} {row.name}: chưa có kết quả {phase.name.lower()}{why}.")
    if report is None:
        items.append(f"Chưa soạn {KIND_NAMES[kind]}.")
    else:
        for s in _info(session, report).missing_sections:
            if s.placeholders:
                items.append(f"Mục {s.heading}: còn {len(s.placeholders)} chỗ [Bổ sung: …] cần viết.")
            else:
                items.append(f"Mục {s.heading}: còn để trống.")
        if report.status != "sent":  # an editing note is not official text: flagged, never deleted
            items += editing_notes_of(session, report)
    if kind == "year":
        meeting = session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()
        if meeting is None:
            items.append("Chưa tổ chức (chưa ghi) cuộc họp bình xét thi đua.")
        registered = (
            session.scalar(
                select(func.count())
                .select_from(IndividualRegistration)
                .where(IndividualRegistration.year_id == record.id)
            )
            or 0
        )
        collective = session.scalars(
            select(CollectiveRegistration).where(CollectiveRegistration.year_id == record.id)
        ).first()
        registered += len(collective.title_codes) if collective else 0
        decided = (
            session.scalar(
                select(func.count())
                .select_from(ReviewResult)
                .where(
                    ReviewResult.year_id == record.id,
                    ReviewResult.registered.is_(True),
                    ReviewResult.achieved.is_not(None),
                )
            )
            or 0
        )
        if registered > decided:
            items.append(f"Còn {registered - decided} danh hiệu đăng ký chưa có kết quả bình xét.")
        if not session.scalar(select(func.count()).select_from(Proposal).where(Proposal.year_id == record.id)):
            items.append("Chưa lập danh sách đề nghị khen thưởng.")
    if report is not None and report.status != "sent":
        items.append(f"{_label(report)} chưa gửi (đang là bản {STATUS_NAMES.get(report.status, report.status)}).")
    elif report is not None and report.returned_comment:
        items.append(
            f"Cấp trên đã trả lại {_label(report).lower()}: “{report.returned_comment}”. Hãy tạo phiên bản mới để sửa."
        )
    return items


def missing_items(db: Database, year: int, kind: str, *, today: date | None = None) -> list[str]:
    """What is still missing for the sơ kết or the tổng kết to be complete and sent (the checklist
    of Tổng quan): results, sections with placeholders or empty, the review, the sending."""
    with db.reading() as session:
        return _missing(session, _year(session, year), kind, today or clock.today())


def overview(db: Database, year: int, *, today: date | None = None) -> list[ReportStatus]:
    """Each report of the year with its due date and lock date (two dates), days left and checklist."""
    today = today or clock.today()
    with db.reading() as session:
        record = _year(session, year)
        found = []
        kinds = ["midyear", "year"] if len(record.phases) > 1 else ["year"]
        for kind in kinds:
            phase = report_phase(record, kind)
            report = _latest(session, record.id, phase.number)
            label = ("Báo cáo sơ kết " + (phase.name or "").lower()) if kind == "midyear" else "Báo cáo tổng kết năm"
            found.append(
                ReportStatus(
                    kind,
                    phase.number,
                    label.strip(),
                    phase.report_due,
                    phase.lock_date,
                    (phase.report_due - today).days,
                    report.id.hex if report else None,
                    report.version if report else None,
                    report.status if report else None,
                    report.sent_at if report else None,
                    tuple(_missing(session, record, kind, today)),
                )
            )
        return found


def resolve_id(db: Database, text: str) -> str:
    """A report id from its 32 hex digits or a unique prefix of at least 6 of them (for the command line)."""
    from thidua_desktop.services.ids import resolve_prefix

    return resolve_prefix(db, Report, text, "báo cáo")
