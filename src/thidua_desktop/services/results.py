"""Use cases for the indicator results of each phase (kết quả thực hiện chỉ tiêu theo đợt).

``results_table`` gives, for every indicator that applies to a CĐCS, the registered figure, the
result at the end of each phase and the % of the target; ``compute`` stores what the registers
give (never over a figure the officer entered); ``enter_result`` takes the rest, with a note and
the evidence. A phase's figures lock when its report is sent or its lock date has passed; a
correction goes through a new version of the report (see :mod:`services.reports`). The rules
of each computed source are documented in :mod:`thidua_desktop.core.results`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from thidua_desktop import clock
from thidua_desktop.core import initiatives as ini_core, results as core, vntext
from thidua_desktop.services import applicability as scope
from thidua_desktop.services.registration import suggested_figure
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    EmulationYear,
    Indicator,
    IndicatorRegistration,
    IndicatorResult,
    IndividualRegistration,
    Initiative,
    InitiativeAuthor,
    Person,
    Phase,
    Proposal,
    Report,
    ReviewMeeting,
    ReviewResult,
)

GVN_DVN = "GVN_DVN"
BANG_LDST = "BANG_LDST"


@dataclass(frozen=True)
class ResultCell:
    """The result of one indicator at the end of one phase."""

    phase_number: int
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    source: str | None = None  # "computed" | "entered" | None (no figure yet)
    origin: str = ""  # where a computed figure came from; why there is none
    note: str = ""
    evidence_number: str = ""
    evidence_date: date | None = None
    stored: bool = False  # False: worked out from the registers now, not saved yet
    not_applicable: bool = False
    lock_reason: str | None = None  # why the phase's figures can no longer change

    @property
    def has_result(self) -> bool:
        return self.stored and (self.value is not None or self.not_applicable)

    @property
    def locked(self) -> bool:
        return self.lock_reason is not None


@dataclass(frozen=True)
class ResultRow:
    code: str
    name: str
    unit: str
    kind: str  # count | percent | money | yesno
    group: str
    movement_code: str | None
    computed_from: str | None  # the plan's source name (kept even when the app cannot count it)
    source: str  # effective: "computed" when the app counts it from its registers, else "entered"
    registered: Decimal | None  # the CĐCS's registered figure (a rate in % for a percent indicator)
    registered_is_default: bool  # True: the plan's suggestion, the CĐCS saved no figure
    plan_target_text: str
    cells: tuple[ResultCell, ...]  # one per phase, in phase order

    @property
    def phase1(self) -> ResultCell:
        return self.cells[0]

    @property
    def year(self) -> ResultCell:
        return self.cells[-1]

    def cell(self, phase_number: int) -> ResultCell:
        return next(c for c in self.cells if c.phase_number == phase_number)

    def percent_of_target(self, phase_number: int | None = None) -> Decimal | None:
        cell = self.year if phase_number is None else self.cell(phase_number)
        return core.percent_of_target(self.kind, cell.value, self.registered)

    @property
    def percent_phase1(self) -> Decimal | None:
        return core.percent_of_target(self.kind, self.phase1.value, self.registered)

    @property
    def percent_year(self) -> Decimal | None:
        return core.percent_of_target(self.kind, self.year.value, self.registered)

    @property
    def is_registered(self) -> bool:
        """A figure is registered (or suggested): the CĐCS owes a result for it."""
        return self.registered is not None


@dataclass(frozen=True)
class ComputeSummary:
    stored: int  # results written or refreshed
    kept_entered: tuple[str, ...]  # "CT02 (Đợt 1)": an entered figure was left as it is
    pending: tuple[str, ...]  # nothing to compute yet, and why
    locked: tuple[str, ...]  # phases skipped because their figures are locked


@dataclass(frozen=True)
class _Live:
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    origin: str = ""


# --- lookups --------------------------------------------------------------------------------


def _year(session: Session, year: int) -> EmulationYear:
    record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def cdcs_indicators(record: EmulationYear) -> list[Indicator]:
    return scope.cdcs_indicators(record)


def _phase(record: EmulationYear, number: int) -> Phase:
    phase = next((p for p in record.phases if p.number == number), None)
    if phase is None:
        raise NotFoundError(f"Năm {record.year} không có Đợt {number}.")
    return phase


def _label(x: Indicator) -> str:
    return f"{x.code} {x.name}"


def registered_figures(session: Session, record: EmulationYear) -> dict[str, tuple[Decimal | None, bool]]:
    saved = {
        r.indicator_code: r.value
        for r in session.scalars(select(IndicatorRegistration).where(IndicatorRegistration.year_id == record.id))
    }
    figures = {}
    for x in cdcs_indicators(record):
        if x.code in saved:
            figures[x.code] = (saved[x.code], False)
        else:
            figures[x.code] = (suggested_figure(x), True)
    return figures


def phase_locks(session: Session, record: EmulationYear, today: date) -> dict[int, str | None]:
    """For each phase, why its figures are locked (None when they can be changed)."""
    latest: dict[int, Report] = {}
    for report in session.scalars(select(Report).where(Report.year_id == record.id)):
        current = latest.get(report.phase_number)
        if current is None or report.version > current.version:
            latest[report.phase_number] = report
    locks = {}
    for phase in record.phases:
        report = latest.get(phase.number)
        sent_version = report.version if report is not None and report.status == "sent" else None
        correction = report is not None and report.version > 1 and report.status != "sent"
        locks[phase.number] = core.lock_reason(
            phase.name or f"Đợt {phase.number}",
            phase.lock_date,
            today,
            sent_version=sent_version,
            correction_open=correction,
        )
    return locks


# --- what the registers give -----------------------------------------------------------------


def _women_workers_at(end: date):
    """Nữ CNVCLĐ: the women employed at ``end`` (members or not), the denominator the plan names."""
    return (
        Person.gender == "F",
        (Person.employed_since.is_(None)) | (Person.employed_since <= end),
        Person.at_work_after(end),
    )


def ldst_contributions(session: Session, year: int, end: date, window: int) -> list[ini_core.Contribution]:
    """Recognised initiatives of the window's years, decided by ``end``, one item per author."""
    rows = session.execute(
        select(
            InitiativeAuthor.person_id,
            InitiativeAuthor.outside_name,
            InitiativeAuthor.category,
            InitiativeAuthor.share,
            Initiative.year,
            Initiative.economic_benefit,
            Initiative.title,
            Person.family_middle,
            Person.given_name,
        )
        .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
        .outerjoin(Person, Person.id == InitiativeAuthor.person_id)
        .where(
            Initiative.status == "recognised",
            Initiative.year.between(year - window + 1, year),
            Initiative.economic_benefit.is_not(None),
            (Initiative.decision_date.is_(None)) | (Initiative.decision_date <= end),
        )
    ).all()
    return [
        ini_core.Contribution(
            author_key=pid.hex if pid else f"ngoai:{vntext.search_key(outside)}",
            author_name=vntext.join_name(fm or "", given or "") if pid else outside,
            category=category,
            year=y,
            benefit=benefit,
            share=share,
            initiative_title=title,
        )
        for pid, outside, category, share, y, benefit, title, fm, given in rows
    ]


def ldst_candidates_at(session: Session, record: EmulationYear, end: date) -> list[ini_core.Candidate]:
    rules = {r.key: r.value for r in record.rules}
    window = int(rules.get(ini_core.RULE_WINDOW, Decimal(3)))
    return ini_core.ldst_candidates(record.year, ldst_contributions(session, record.year, end, window), rules)


def _live(session: Session, record: EmulationYear, phase: Phase, sources: set[str]) -> dict[str, _Live]:
    """The computed value of each wanted source at the end of ``phase`` (cumulative from 1/1)."""
    start = record.phases[0].start if record.phases else date(record.year, 1, 1)
    end = phase.end
    last = phase.number == max(p.number for p in record.phases)
    found: dict[str, _Live] = {}
    if "members_admitted" in sources:
        n = (
            session.scalar(select(func.count()).select_from(Person).where(Person.joined_union_on.between(start, end)))
            or 0
        )
        found["members_admitted"] = _Live(Decimal(n), origin=core.origin_members_admitted(n, start, end))
    if "initiatives_recognised" in sources:
        # The same rule as services.initiatives.count_recognised, read in this session.
        n = (
            session.scalar(
                select(func.count())
                .select_from(Initiative)
                .where(Initiative.status == "recognised", Initiative.decision_date.between(start, end))
            )
            or 0
        )
        found["initiatives_recognised"] = _Live(Decimal(n), origin=core.origin_initiatives(n, start, end))
    if "ldst_authors" in sources:
        any_proposal = (
            last
            and session.scalar(select(func.count()).select_from(Proposal).where(Proposal.year_id == record.id))
            or 0
        )
        if any_proposal:
            proposed = session.execute(
                select(Proposal.person_id, Proposal.collective_name, Proposal.decision_number).where(
                    Proposal.year_id == record.id, Proposal.award_code == BANG_LDST
                )
            ).all()
            people = {(pid or name) for pid, name, _ in proposed}
            decided = len({(pid or name) for pid, name, number in proposed if number})
            # an award counts from its decision; a proposal is only a proposal
            found["ldst_authors"] = (
                _Live(Decimal(decided), origin=core.origin_ldst_awarded(decided, len(people)))
                if decided
                else _Live(None, origin=core.origin_ldst_proposed(len(people)))
            )
        else:
            n = len(ldst_candidates_at(session, record, end))
            found["ldst_authors"] = _Live(None, origin=core.origin_ldst_candidates(n, end))
    if "women_gvn_dvn" in sources:
        women = session.scalar(select(func.count()).select_from(Person).where(*_women_workers_at(end))) or 0
        if last:
            decided = (
                session.scalar(
                    select(func.count())
                    .select_from(ReviewResult)
                    .where(
                        ReviewResult.year_id == record.id,
                        ReviewResult.title_code == GVN_DVN,
                        ReviewResult.achieved.is_not(None),
                    )
                )
                or 0
            )
            if not decided:
                found["women_gvn_dvn"] = _Live(None, origin=core.ORIGIN_WOMEN_PENDING)
            else:
                achieved = (
                    session.scalar(
                        select(func.count(distinct(ReviewResult.person_id)))
                        .select_from(ReviewResult)
                        .join(Person, Person.id == ReviewResult.person_id)
                        .where(
                            ReviewResult.year_id == record.id,
                            ReviewResult.title_code == GVN_DVN,
                            ReviewResult.achieved.is_(True),
                            *_women_workers_at(end),
                        )
                    )
                    or 0
                )
                held_on = session.scalar(select(ReviewMeeting.held_on).where(ReviewMeeting.year_id == record.id))
                found["women_gvn_dvn"] = _women_live(
                    achieved, women, core.origin_women_review(achieved, women, held_on)
                )
        else:
            registered = (
                session.scalar(
                    select(func.count(distinct(IndividualRegistration.person_id)))
                    .select_from(IndividualRegistration)
                    .join(Person, Person.id == IndividualRegistration.person_id)
                    .where(
                        IndividualRegistration.year_id == record.id,
                        IndividualRegistration.title_code == GVN_DVN,
                        *_women_workers_at(end),
                    )
                )
                or 0
            )
            # registering is not achieving: before the review there is no rate to report
            found["women_gvn_dvn"] = _Live(None, origin=core.origin_women_registered(registered, women, end))
    return found


def _women_live(count: int, women: int, origin: str) -> _Live:
    if women == 0:
        return _Live(None, origin=origin + " Không có nữ đoàn viên: không tính được tỷ lệ.")
    return _Live(core.rate(Decimal(count), Decimal(women)), Decimal(count), Decimal(women), origin)


# --- the table ------------------------------------------------------------------------------


def _cell_from(stored: IndicatorResult, lock: str | None) -> ResultCell:
    na = stored.source == "entered" and stored.value is None and stored.origin == core.NOT_APPLICABLE
    return ResultCell(
        stored.phase_number,
        stored.value,
        stored.numerator,
        stored.denominator,
        stored.source,
        stored.origin,
        stored.note,
        stored.evidence_number,
        stored.evidence_date,
        True,
        na,
        lock,
    )


def table_in(session: Session, record: EmulationYear, today: date) -> list[ResultRow]:
    indicators = cdcs_indicators(record)
    registered = registered_figures(session, record)
    stored = {
        (r.indicator_code, r.phase_number): r
        for r in session.scalars(select(IndicatorResult).where(IndicatorResult.year_id == record.id))
    }
    locks = phase_locks(session, record, today)
    wanted = {x.computed_from for x in indicators if core.effective_source(x.source, x.computed_from) == "computed"}
    live: dict[int, dict[str, _Live]] = {}
    for phase in record.phases:
        missing = {
            x.computed_from for x in indicators if x.computed_from in wanted and (x.code, phase.number) not in stored
        }
        live[phase.number] = _live(session, record, phase, missing) if missing else {}
    rows = []
    for x in indicators:
        source = core.effective_source(x.source, x.computed_from)
        cells = []
        for phase in record.phases:
            lock = locks[phase.number]
            saved = stored.get((x.code, phase.number))
            if saved is not None:
                cells.append(_cell_from(saved, lock))
            elif source == "computed":
                value = live[phase.number][x.computed_from]
                cells.append(
                    ResultCell(
                        phase.number,
                        value.value,
                        value.numerator,
                        value.denominator,
                        "computed" if value.value is not None else None,
                        value.origin,
                        lock_reason=lock,
                    )
                )
            else:
                origin = core.SOURCES_WITHOUT_RECORDS.get(x.computed_from or "", "")
                cells.append(ResultCell(phase.number, origin=origin, lock_reason=lock))
        value, is_default = registered[x.code]
        rows.append(
            ResultRow(
                x.code,
                x.name,
                x.unit_of_measure,
                x.kind,
                x.group,
                x.movement_code,
                x.computed_from,
                source,
                value,
                is_default,
                x.plan_target_text,
                tuple(cells),
            )
        )
    return rows


def results_table(db: Database, year: int, *, today: date | None = None) -> list[ResultRow]:
    """Every CĐCS indicator with its registered figure and its result at the end of each phase.

    A stored result is shown as stored; a computed indicator without one shows what the
    registers give now (``stored=False``) until :func:`compute` saves it.
    """
    with db.reading() as session:
        return table_in(session, _year(session, year), today or clock.today())


# --- computing ------------------------------------------------------------------------------


def compute_in(
    session: Session,
    record: EmulationYear,
    phases: Iterable[Phase],
    *,
    today: date,
    ignore_locks: bool = False,
    only_missing: bool = False,
) -> ComputeSummary:
    """Store computed results in ``session``; ``only_missing`` leaves stored ones as they are
    (sending a report freezes what it showed without changing figures already kept)."""
    indicators = [x for x in cdcs_indicators(record) if core.effective_source(x.source, x.computed_from) == "computed"]
    stored = {
        (r.indicator_code, r.phase_number): r
        for r in session.scalars(select(IndicatorResult).where(IndicatorResult.year_id == record.id))
    }
    locks = {} if ignore_locks else phase_locks(session, record, today)
    written, kept, pending, locked = 0, [], [], []
    for phase in phases:
        if locks.get(phase.number):
            locked.append(locks[phase.number])
            continue
        todo = [
            x
            for x in indicators
            if (x.code, phase.number) not in stored
            or (not only_missing and stored[(x.code, phase.number)].source == "computed")
        ]
        kept += [
            f"{x.code} ({phase.name})"
            for x in indicators
            if x not in todo and stored[(x.code, phase.number)].source == "entered"
        ]
        live = _live(session, record, phase, {x.computed_from for x in todo})
        for x in todo:
            value = live[x.computed_from]
            row = stored.get((x.code, phase.number))
            if value.value is None:
                pending.append(f"{x.code} ({phase.name}): {value.origin}")
                if row is not None:
                    session.delete(row)
                continue
            if row is None:
                row = IndicatorResult(year_id=record.id, indicator_code=x.code, phase_number=phase.number)
                session.add(row)
            row.value, row.numerator, row.denominator = value.value, value.numerator, value.denominator
            row.source, row.origin = "computed", value.origin
            written += 1
    return ComputeSummary(written, tuple(kept), tuple(pending), tuple(locked))


def compute(db: Database, year: int, phase_number: int | None = None, *, today: date | None = None) -> ComputeSummary:
    """Store the computed results of one phase (or of every phase that has started and is not locked).

    Entered figures are never overwritten. Asking for a locked phase by number is refused.
    """
    today = today or clock.today()
    with db.transaction(f"Tính kết quả chỉ tiêu năm {year}") as session:
        record = _year(session, year)
        if phase_number is not None:
            phase = _phase(record, phase_number)
            lock = phase_locks(session, record, today)[phase.number]
            if lock:
                raise ValidationError(lock)
            phases = [phase]
        else:
            phases = [p for p in record.phases if p.start <= today]
        return compute_in(session, record, phases, today=today)


# --- entering -------------------------------------------------------------------------------


def _indicator(record: EmulationYear, code: str) -> Indicator:
    x = next((i for i in record.indicators if i.code == code), None)
    if x is None:
        raise NotFoundError(f"Năm {record.year} không có chỉ tiêu '{code}'.")
    if "cdcs" not in x.levels.split(","):
        raise ValidationError(f"{_label(x)}: chỉ tiêu của công đoàn cấp trên, không áp dụng cho công đoàn cơ sở.")
    if not scope.applies_to_unit(x, record.unit):
        raise ValidationError(f"{_label(x)}: {scope.NOT_APPLICABLE} ({scope.scope_label(record.unit)}).")
    return x


def _check_open(session: Session, record: EmulationYear, phase: Phase, today: date) -> None:
    lock = phase_locks(session, record, today)[phase.number]
    if lock:
        raise ValidationError(lock)


def enter_result(
    db: Database,
    year: int,
    code: str,
    phase_number: int,
    value=None,
    numerator=None,
    denominator=None,
    note: str = "",
    evidence_number: str = "",
    evidence_date: date | None = None,
    *,
    not_applicable: bool = False,
    today: date | None = None,
) -> ResultCell:
    """Enter (or correct) the result of an indicator at the end of a phase.

    A percent indicator takes a numerator and a denominator (the % is derived); counts and
    amounts take a value, yes/no takes 1 or 0. ``not_applicable`` records that the indicator does
    not apply to the unit (a non-state company has no HN CBCCVC): it then needs a note. An
    entered figure overrides what the registers give until :func:`clear_result`.
    """
    today = today or clock.today()
    note, evidence_number = (note or "").strip(), (evidence_number or "").strip()
    with db.transaction(f"Nhập kết quả chỉ tiêu {code} Đợt {phase_number} năm {year}") as session:
        record = _year(session, year)
        x = _indicator(record, code)
        phase = _phase(record, phase_number)
        problems = []
        if not_applicable:
            if any(v is not None for v in (value, numerator, denominator)):
                problems.append(f"{_label(x)}: chỉ tiêu không áp dụng thì không nhập số liệu.")
            if not note:
                problems.append(f"{_label(x)}: hãy ghi lý do chỉ tiêu không áp dụng đối với đơn vị.")
            figure = core.Figure(None)
        else:
            figure, problems = core.check_figure(_label(x), x.kind, value, numerator, denominator)
        if evidence_date is not None and evidence_date > today:
            problems.append(f"{_label(x)}: ngày của văn bản căn cứ {vntext.format_date(evidence_date)} ở tương lai.")
        if len(evidence_number) > 120:
            problems.append(f"{_label(x)}: số văn bản căn cứ dài quá 120 ký tự.")
        if problems:
            raise ValidationError("\n".join(problems))
        _check_open(session, record, phase, today)
        row = session.scalars(
            select(IndicatorResult).where(
                IndicatorResult.year_id == record.id,
                IndicatorResult.indicator_code == code,
                IndicatorResult.phase_number == phase_number,
            )
        ).first()
        if row is None:
            row = IndicatorResult(year_id=record.id, indicator_code=code, phase_number=phase_number)
            session.add(row)
        assert figure is not None
        row.value, row.numerator, row.denominator = figure.value, figure.numerator, figure.denominator
        row.source = "entered"
        if not_applicable:
            row.origin = core.NOT_APPLICABLE
        elif core.effective_source(x.source, x.computed_from) == "computed":
            row.origin = "Nhập tay thay cho số tính từ dữ liệu."
        else:
            row.origin = core.SOURCES_WITHOUT_RECORDS.get(x.computed_from or "", "Nhập tay.")
        row.note, row.evidence_number, row.evidence_date = note, evidence_number, evidence_date
        session.flush()
        return _cell_from(row, None)


def clear_result(db: Database, year: int, code: str, phase_number: int, *, today: date | None = None) -> None:
    """Remove a stored result (an entered figure goes back to what the registers give)."""
    today = today or clock.today()
    with db.transaction(f"Xóa kết quả chỉ tiêu {code} Đợt {phase_number} năm {year}") as session:
        record = _year(session, year)
        _indicator(record, code)
        phase = _phase(record, phase_number)
        _check_open(session, record, phase, today)
        row = session.scalars(
            select(IndicatorResult).where(
                IndicatorResult.year_id == record.id,
                IndicatorResult.indicator_code == code,
                IndicatorResult.phase_number == phase_number,
            )
        ).first()
        if row is None:
            raise NotFoundError(f"Chỉ tiêu {code} chưa có kết quả Đợt {phase_number}.")
        session.delete(row)
