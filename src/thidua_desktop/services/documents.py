"""Use cases for official documents: the outgoing-document register and producing the files.

``issue_number`` takes the next number of the calendar year of issue from the register (sổ văn
bản đi): never the same number twice (a racing writer's UNIQUE violation makes it try again),
and the same document produced again (same kind, emulation year and report version) keeps
its number. ``produce`` gathers the data through the other services, numbers the document
and writes the PDF or the workbook (by the file's suffix) to a temporary file that replaces
the target only when complete: a refused or failed document leaves no file behind.
``preview`` writes the same PDF marked "BẢN XEM TRƯỚC" without numbering it or writing to the
database (a report with unfinished sections previews, though it cannot be produced).
"""

from __future__ import annotations

import dataclasses
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from thidua_desktop import __version__, clock
from thidua_desktop.core import document_dates, vntext
from thidua_desktop.core import review as review_core
from thidua_desktop.core.document_kinds import FORMATS, KIND_NAMES, KINDS, SIGNERS, TYPE_CODES
from thidua_desktop.documents.kinds import inputs as di
from thidua_desktop.exchange.reading import REPORT_KEYWORD  # a report PDF's Keywords: its id
from thidua_desktop.services import applicability as scope
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.files import atomic_write
from thidua_desktop.store.models import (
    CollectiveRegistration,
    EmulationYear,
    Indicator,
    IndicatorRegistration,
    IndicatorResult,
    IndividualRegistration,
    Initiative,
    OutgoingDocument,
    Person,
    Report,
    Unit,
)

MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class ProducedDocument:
    kind: str
    path: Path
    format: str  # pdf | xlsx
    code: str  # "05/BC-CĐCS"
    number: int
    issued_on: date
    register_year: int
    reused_number: bool  # the document had been numbered before (re-produced, or its twin)
    register_id: str
    notes: tuple[str, ...] = ()  # what it still lacks though produced (readiness): no plan to cite …
    warnings: tuple[str, ...] = ()  # what a reviewer would query about its date (said, not refused)
    redated_from: date | None = None  # a numbered document given another date: the date it had


# --- the outgoing register --------------------------------------------------------------------


def _unit(session) -> Unit:
    unit = session.scalars(select(Unit).options(selectinload(Unit.officers)).limit(1)).first()
    if unit is None:
        raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
    return unit


def _find_numbered(
    session, unit_id, kind: str, emulation_year: int | None, report_id: uuid.UUID | None
) -> OutgoingDocument | None:
    query = select(OutgoingDocument).where(OutgoingDocument.unit_id == unit_id, OutgoingDocument.kind == kind)
    query = query.where(
        OutgoingDocument.emulation_year.is_(None)
        if emulation_year is None
        else OutgoingDocument.emulation_year == emulation_year
    )
    query = query.where(
        OutgoingDocument.report_id.is_(None) if report_id is None else OutgoingDocument.report_id == report_id
    )
    return session.scalars(
        query.order_by(OutgoingDocument.register_year.desc(), OutgoingDocument.number.desc())
    ).first()


def format_code(number: int, type_code: str, issuer_code: str) -> str:
    """ "05/BC-CĐCS": two digits at least (NĐ 30: numbers below 10 get a leading zero)."""
    return f"{number:02d}/{vntext.nfc(type_code)}-{vntext.nfc(issuer_code) or 'CĐCS'}"


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower() if exc.orig else str(exc).lower()
    return "locked" in text or "busy" in text


def issue_number(
    db: Database,
    kind: str,
    type_code: str,
    subject: str,
    issued_on: date,
    emulation_year: int | None,
    report_id: uuid.UUID | str | None = None,
    *,
    reuse: bool = True,
) -> OutgoingDocument:
    """The register entry of a document: its existing number when it was numbered before
    (``reuse``), else the next number of the calendar year of ``issued_on``."""
    rid = uuid.UUID(str(report_id)) if report_id else None
    for attempt in range(MAX_ATTEMPTS):
        try:
            with db.transaction(
                f"Lấy số văn bản đi: {KIND_NAMES.get(kind, kind)} {emulation_year or ''}".strip()
            ) as session:
                unit = _unit(session)
                if reuse:
                    found = _find_numbered(session, unit.id, kind, emulation_year, rid)
                    if found is not None:
                        return found
                register_year = issued_on.year
                last = session.scalar(
                    select(func.max(OutgoingDocument.number)).where(
                        OutgoingDocument.unit_id == unit.id, OutgoingDocument.register_year == register_year
                    )
                )
                number = (last or 0) + 1
                entry = OutgoingDocument(
                    unit_id=unit.id,
                    register_year=register_year,
                    number=number,
                    type_code=vntext.nfc(type_code),
                    code=format_code(number, type_code, unit.issuer_code),
                    kind=kind,
                    subject=vntext.nfc(subject),
                    issued_on=issued_on,
                    emulation_year=emulation_year,
                    report_id=rid,
                    files=[],
                )
                session.add(entry)
                session.flush()
                if rid is not None:
                    report = session.get(Report, rid)
                    if report is not None and not report.document_code:
                        report.document_code = entry.code
                        report.issued_on = issued_on
                return entry
        except IntegrityError:
            pass  # another writer took this number between our read and our insert
        except OperationalError as exc:
            if not _is_busy(exc):
                raise
        time.sleep(random.uniform(0.005, 0.03) * (attempt + 1))
    raise ValidationError("Không lấy được số văn bản đi vì dữ liệu đang được ghi từ nơi khác; hãy thử lại.")


def list_register(db: Database, year: int) -> list[OutgoingDocument]:
    """The register of one calendar year, by number."""
    with db.reading() as session:
        return list(
            session.scalars(
                select(OutgoingDocument).where(OutgoingDocument.register_year == year).order_by(OutgoingDocument.number)
            )
        )


def year_register(db: Database, year: int) -> list[OutgoingDocument]:
    """What the Văn bản page lists for emulation year ``year``: the register of calendar year
    ``year`` and the documents of that emulation year numbered in another year's register (the
    tổng kết issued in January of the next year), by register year and number."""
    with db.reading() as session:
        return list(
            session.scalars(
                select(OutgoingDocument)
                .where((OutgoingDocument.register_year == year) | (OutgoingDocument.emulation_year == year))
                .order_by(OutgoingDocument.register_year, OutgoingDocument.number)
            )
        )


def _record_file(db: Database, entry_id: uuid.UUID, name: str) -> None:
    with db.transaction("Ghi tệp văn bản vào sổ văn bản đi") as session:
        entry = session.get(OutgoingDocument, entry_id)
        if entry is not None and name not in (entry.files or []):
            entry.files = [*(entry.files or []), name]


# --- gathering the inputs ---------------------------------------------------------------------


def _year_record(session, year: int) -> EmulationYear:
    record = session.scalars(
        select(EmulationYear)
        .where(EmulationYear.year == year)
        .options(
            selectinload(EmulationYear.phases),
            selectinload(EmulationYear.movements),
            selectinload(EmulationYear.indicators),
            selectinload(EmulationYear.titles),
        )
    ).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def _plan_ref(record: EmulationYear) -> di.PlanRef:
    from sqlalchemy.orm import object_session

    from thidua_desktop.core.rules import CITING_KINDS
    from thidua_desktop.services import rules as rules_service

    rule_set = rules_service.set_for(object_session(record), record)  # the year's "Căn cứ" lines
    return di.PlanRef(
        record.plan_number,
        record.plan_issuer,
        record.plan_issued_on,
        record.plan_title,
        record.theme,
        record.rule_set,
        record.registration_due,
        citations=tuple((kind, rule_set.citation_lines(kind)) for kind in CITING_KINDS),
    )


PLAN_CITATION_MISSING = (
    "Chưa nhập số, ngày, cơ quan ban hành kế hoạch của cấp trên: văn bản sẽ không có dòng "
    "“Căn cứ Kế hoạch …” cho đến khi nhập đủ."
)


def readiness(db: Database, kind: str, year: int) -> list[str]:
    """What document ``kind`` of ``year`` still lacks although it can be produced (shown before
    export): the upper union's plan it cannot cite yet, the sources of its "Căn cứ" lines whose
    wording is still to be checked against the text."""
    from thidua_desktop.core.rules import NEEDS_CHECK_TEXT
    from thidua_desktop.services import rules as rules_service

    with db.reading() as session:
        record = _year_record(session, year)
        plan = _plan_ref(record)
        rule_set = rules_service.set_for(session, record)
    items = []
    if kind in ("plan", "registration", "proposals", "award-decision") and not plan.has_citation:
        items.append(PLAN_CITATION_MISSING)
    for key in rule_set.citations.get(kind, ()):
        source = rule_set.source(key)
        if source.needs_check:
            items.append(f"Dòng “Căn cứ {source.short}”: {NEEDS_CHECK_TEXT} (số, ngày, trích yếu).")
    if kind in ("proposals", "award-decision"):  # one achievement, one reward (before the number is taken)
        from thidua_desktop.services import review_proposals

        items += [message for _row, message in review_proposals.double_reward_warnings(db, year)]
    # editing notes ("(sửa theo ý kiến của LĐLĐ huyện)") are no official text: flagged, not deleted
    if kind in ("midyear-report", "year-report"):
        from thidua_desktop.services import reports

        items += reports.report_editing_notes(db, year, "midyear" if kind == "midyear-report" else "year")
    if kind in ("proposals", "award-decision"):
        from thidua_desktop.services import review_proposals

        items += review_proposals.summary_editing_notes(db, year, "upper" if kind == "proposals" else "own")
    return items


def _phases(record: EmulationYear) -> list[di.PhaseRef]:
    return [di.PhaseRef(p.number, p.name, p.start, p.end, p.report_due) for p in record.phases]


def _cdcs_indicators(record: EmulationYear) -> list[Indicator]:
    return scope.cdcs_indicators(record)


def _signer(unit: Unit, signer: str) -> tuple[tuple[str, ...], str]:
    if signer not in SIGNERS:
        raise ValidationError(
            f"Người ký phải là 'chair' (Chủ tịch) hoặc 'deputy' (Phó Chủ tịch), không phải '{signer}'."
        )
    if signer == "chair":
        chair = next((o for o in unit.officers if o.role == "chair"), None)
        if chair is None or not chair.full_name.strip():
            raise ValidationError("Chưa khai báo Chủ tịch công đoàn cơ sở; chưa có người ký văn bản.")
        return ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"), chair.full_name
    deputy = next((o for o in unit.officers if o.role == "deputy" and o.full_name.strip()), None)
    if deputy is None:
        raise ValidationError(
            "Chưa khai báo Phó Chủ tịch công đoàn cơ sở; không ký thay (KT.) được. "
            "Hãy chọn Chủ tịch ký hoặc khai báo Phó Chủ tịch."
        )
    return ("TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), deputy.full_name


@dataclass
class _Prepared:
    """What a kind needs before it is numbered: the register subject and a builder."""

    subject: str
    build: Callable[[di.Context], tuple]
    report_id: uuid.UUID | None = None
    version: int | None = None
    report_kind: str | None = None
    phase: int | None = None
    after_number: Callable[[OutgoingDocument], None] | None = None
    unfinished: tuple[str, ...] = ()  # report sections still holding "[Bổ sung: …]" (previews only)


def _collective(session, record: EmulationYear, year: int) -> di.CollectiveRef:
    reg = session.scalars(select(CollectiveRegistration).where(CollectiveRegistration.year_id == record.id)).first()
    if reg is None:
        raise ValidationError(
            f"Chưa lưu đăng ký thi đua của tập thể năm {year} (phong trào tham gia, danh hiệu, chỉ tiêu đăng ký). "
            "Hãy lập đăng ký thi đua trước; chưa ghi tệp nào."
        )
    movements = {m.code: m for m in record.movements}
    titles = {t.code: t for t in record.titles}
    return di.CollectiveRef(
        reg.id.hex,
        reg.registered_on,
        reg.signature_content,
        reg.commitments,
        tuple(
            di.MovementRef(movements[c].id.hex, c, movements[c].name, movements[c].launched_by)
            for c in reg.movement_codes
            if c in movements
        ),
        tuple(di.TitleRef(c, titles[c].name) for c in reg.title_codes if c in titles),
    )


def _indicator_lines(session, record: EmulationYear, *, with_results: bool = False) -> list[di.IndicatorLine]:
    saved = {
        r.indicator_code: r
        for r in session.scalars(select(IndicatorRegistration).where(IndicatorRegistration.year_id == record.id))
    }
    results: dict[str, dict[int, di.ResultRef]] = {}
    if with_results:
        for r in session.scalars(select(IndicatorResult).where(IndicatorResult.year_id == record.id)):
            results.setdefault(r.indicator_code, {})[r.phase_number] = di.ResultRef(
                r.id.hex, r.value, r.numerator, r.denominator, r.note
            )
    lines = []
    for x in _cdcs_indicators(record):
        reg = saved.get(x.code)
        lines.append(
            di.IndicatorLine(
                x.id.hex,
                x.code,
                x.name,
                x.unit_of_measure,
                x.kind,
                reg.id.hex if reg else None,
                reg.value if reg else None,
                reg.note if reg else "",
                results.get(x.code, {}),
                upper_target=x.plan_target_text,
                applies_to=x.applies_to or "",
            )
        )
    return lines


def _people(
    db: Database, session, record: EmulationYear, year: int
) -> tuple[list[di.PersonLine], list[tuple[str, int]]]:
    """Everyone registered for a title in the year, in roster order (tên, then họ đệm), with the
    position and union group as they were when registering. One Core query: 20,000 people."""
    from thidua_desktop.store.models import UnionGroup

    titles = {t.code: t.name for t in record.titles}
    order = {t.code: t.ordinal for t in record.titles}
    r, p = IndividualRegistration, Person
    rows = session.execute(
        select(
            r.id,
            r.person_id,
            r.title_code,
            r.planned_initiative,
            r.initiative_id,
            r.position_snapshot,
            r.group_snapshot,
            p.family_middle,
            p.given_name,
            p.gender,
            p.position,
            UnionGroup.name,
            p.birth_date,
            p.birth_year,
        )
        .join(p, p.id == r.person_id)
        .outerjoin(UnionGroup, UnionGroup.id == p.union_group_id)
        .where(r.year_id == record.id, p.on_roster_during(year))  # as registration.title_counts
        .order_by(p.sort_key, p.id)
    ).all()
    people: list[di.PersonLine] = []
    counts: dict[str, int] = {}
    current: list = []

    def flush() -> None:
        if not current:
            return
        current.sort(key=lambda x: order.get(x.title_code, 999))
        first = current[0]
        planned = next((x.planned_initiative for x in current if x.planned_initiative), "")
        initiative = next((x.initiative_id.hex for x in current if x.initiative_id), None)
        people.append(
            di.PersonLine(
                first.person_id.hex,
                vntext.join_name(first.family_middle, first.given_name),
                first.gender,
                first.position_snapshot or first.position,
                first.group_snapshot or first.name or "",
                tuple(
                    di.RegisteredTitle(x.id.hex, x.title_code, titles.get(x.title_code, x.title_code)) for x in current
                ),
                planned,
                initiative,
                vntext.format_date(first.birth_date) if first.birth_date else str(first.birth_year or ""),
            )
        )
        current.clear()

    for row in rows:
        if current and row.person_id != current[0].person_id:
            flush()
        current.append(row)
        counts[row.title_code] = counts.get(row.title_code, 0) + 1
    flush()
    summary = [(t.name, counts.get(t.code, 0)) for t in record.titles if t.subject == "individual"]
    return people, summary


def _prepare_registration(db: Database, year: int, kind: str) -> _Prepared:
    from thidua_desktop.documents.kinds import plan as plan_kind, registration as reg_kind

    with db.reading() as session:
        record = _year_record(session, year)
        collective = _collective(session, record, year)
        indicators = _indicator_lines(session, record)
        plan = _plan_ref(record)
        phases = _phases(record)
        people, counts = _people(db, session, record, year)
    if kind == "plan":
        return _Prepared(
            plan_kind.subject(year),
            lambda ctx: plan_kind.build(ctx, plan, phases, collective, indicators, counts, len(people)),
        )
    return _Prepared(
        f"Đăng ký thi đua năm {year}", lambda ctx: reg_kind.build(ctx, plan, collective, indicators, people, counts)
    )


def initiative_lines(session, year: int) -> list[di.InitiativeLine]:
    """The year's initiatives with their authors (Core queries: thousands of rows, no ORM objects)."""
    from thidua_desktop.store.models import InitiativeAuthor

    i = Initiative
    records = session.execute(
        select(
            i.id,
            i.year,
            i.phase_number,
            i.title,
            i.field,
            i.first_applied_on,
            i.trial,
            i.economic_benefit,
            i.social_benefit,
            i.status,
            i.recognition_level,
            i.decision_number,
            i.decision_date,
            i.decision_issuer,
            i.tags,
        )
        .where(i.year == year)
        .order_by(i.created_at)
    ).all()
    a = InitiativeAuthor
    authors: dict[uuid.UUID, list] = {}
    for row in session.execute(
        select(
            a.id,
            a.initiative_id,
            a.person_id,
            a.outside_name,
            a.outside_workplace,
            a.share,
            Person.family_middle,
            Person.given_name,
        )
        .join(i, i.id == a.initiative_id)
        .outerjoin(Person, Person.id == a.person_id)
        .where(i.year == year)
        .order_by(a.initiative_id, a.ordinal)
    ):
        authors.setdefault(row.initiative_id, []).append(row)
    lines = []
    for r in records:
        refs = tuple(
            di.AuthorRef(
                x.id.hex,
                x.person_id.hex if x.person_id else None,
                vntext.join_name(x.family_middle or "", x.given_name or "") if x.person_id else x.outside_name,
                x.share,
                x.outside_workplace,
            )
            for x in authors.get(r.id, ())
        )
        lines.append(
            di.InitiativeLine(
                r.id.hex,
                r.year,
                r.phase_number,
                r.title,
                r.field,
                refs,
                r.first_applied_on,
                r.trial,
                r.economic_benefit,
                r.social_benefit,
                r.status,
                r.recognition_level,
                r.decision_number,
                r.decision_date,
                r.decision_issuer,
                tuple(r.tags or ()),
            )
        )
    return lines


def _prepare_initiatives(db: Database, year: int) -> _Prepared:
    from thidua_desktop.documents.kinds import initiatives as kind

    with db.reading() as session:
        _year_record(session, year)
        lines = initiative_lines(session, year)
    if not lines:
        raise ValidationError(
            f"Sổ sáng kiến năm {year} chưa có sáng kiến nào; chưa có gì để lập danh sách. Chưa ghi tệp nào."
        )
    return _Prepared(kind.subject(year), lambda ctx: kind.build(ctx, lines))


def _prepare(db: Database, kind: str, year: int, phase: int | None, *, draft: bool = False) -> _Prepared:
    """``draft``: for a preview, a report with unfinished sections is accepted."""
    if kind in ("plan", "registration"):
        return _prepare_registration(db, year, kind)
    if kind == "initiatives":
        return _prepare_initiatives(db, year)
    return _prepare_review(db, kind, year, phase, draft=draft)


# --- the date a document carries ----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentDate:
    """The date a document would carry, why, and what is odd about it (shown before numbering)."""

    on: date
    source: str  # "ngày họp bình xét", "hạn gửi báo cáo", "ngày đã vào sổ", "ngày đã chọn" …
    warnings: tuple[str, ...] = ()
    numbered_code: str = ""  # the number it already has in the register ("" when none)
    numbered_on: date | None = None  # the date that number was given


def _event_facts(session, record: EmulationYear, kind: str, phase: int | None) -> document_dates.EventFacts:
    from thidua_desktop.store.models import ReviewMeeting

    registered = session.scalars(
        select(CollectiveRegistration.registered_on).where(CollectiveRegistration.year_id == record.id)
    ).first()
    meeting = session.scalars(select(ReviewMeeting.held_on).where(ReviewMeeting.year_id == record.id)).first()
    phases = sorted(record.phases, key=lambda p: p.number)
    chosen = None
    report_issued = None
    if kind in document_dates.REPORT_KINDS and phases:
        report_kind = "midyear" if kind == "midyear-report" else "year"
        query = select(Report).where(Report.year_id == record.id, Report.kind == report_kind)
        if phase is not None:
            query = query.where(Report.phase_number == phase)
        report = (
            session.scalars(query.order_by(Report.phase_number.desc(), Report.version.desc())).first()
            if kind != "initiatives"
            else None
        )
        number = phase if phase is not None else (report.phase_number if report is not None else None)
        if number is None:
            number = phases[-1].number if kind != "midyear-report" else phases[0].number
        chosen = next((p for p in phases if p.number == number), None)
        if report is not None:
            report_issued = report.issued_on or (report.sent_at.date() if report.sent_at else None)
    return document_dates.EventFacts(
        record.year,
        plan_issued_on=record.plan_issued_on,
        registration_due=record.registration_due,
        registered_on=registered,
        phase_start=chosen.start if chosen else None,
        phase_end=chosen.end if chosen else None,
        report_due=chosen.report_due if chosen else None,
        report_issued_on=report_issued,
        meeting_on=meeting,
        last_report_due=max((p.report_due for p in phases), default=None),
    )


def _order_warning(session, unit_id, on: date, own_id: uuid.UUID | None) -> list[str]:
    """A new number for a date earlier than the register's last entry of that year."""
    query = select(OutgoingDocument).where(
        OutgoingDocument.unit_id == unit_id, OutgoingDocument.register_year == on.year, OutgoingDocument.issued_on > on
    )
    if own_id is not None:
        query = query.where(OutgoingDocument.id != own_id)
    later = session.scalars(query.order_by(OutgoingDocument.number.desc())).first()
    if later is None:
        return []
    return [
        f"Sổ văn bản đi năm {on.year} đã có số {later.code} ngày {vntext.format_date(later.issued_on)}: "
        f"một số mới mang ngày {vntext.format_date(on)} sẽ đứng sau văn bản có ngày muộn hơn."
    ]


def _report_id_for(session, record: EmulationYear, kind: str, phase: int | None) -> uuid.UUID | None:
    if kind not in ("midyear-report", "year-report"):
        return None
    query = select(Report.id).where(
        Report.year_id == record.id, Report.kind == ("midyear" if kind == "midyear-report" else "year")
    )
    if phase is not None:
        query = query.where(Report.phase_number == phase)
    return session.scalars(query.order_by(Report.phase_number.desc(), Report.version.desc())).first()


def document_date(
    db: Database,
    kind: str,
    year: int,
    *,
    phase: int | None = None,
    on: date | None = None,
    today: date | None = None,
    renumber: bool = False,
) -> DocumentDate:
    """The date document ``kind`` of ``year`` will carry: ``on`` when given, else the date it was
    numbered with, else the date of its event (``core.document_dates``); with what a reviewer would
    query about it. Nothing is written."""
    if kind not in TYPE_CODES:
        raise ValidationError(f"Không có loại văn bản '{kind}'. Các loại: {', '.join(KINDS)}.")
    today = today or clock.today()
    with db.reading() as session:
        unit = _unit(session)
        record = _year_record(session, year)
        facts = _event_facts(session, record, kind, phase)
        found = _find_numbered(session, unit.id, kind, year, _report_id_for(session, record, kind, phase))
        if on is not None:
            source = "ngày đã chọn"
        elif found is not None and not renumber:
            on, source = found.issued_on, "ngày đã vào sổ văn bản đi"
        else:
            chosen = document_dates.default_date(kind, facts, today)
            on, source = chosen.on, chosen.source
        notes = document_dates.warnings(kind, on, facts)
        if found is None or renumber:
            notes += _order_warning(session, unit.id, on, None)
        elif on != found.issued_on:
            notes += _redate_problems(found, on)
            notes += _order_warning(session, unit.id, on, found.id)
    return DocumentDate(on, source, tuple(notes), found.code if found else "", found.issued_on if found else None)


def _redate_problems(found: OutgoingDocument, on: date) -> list[str]:
    if on.year != found.register_year:
        return [
            f"Văn bản đã có số {found.code} trong sổ văn bản đi năm {found.register_year}; ngày "
            f"{vntext.format_date(on)} thuộc năm {on.year}, nên phải lấy số mới (không đổi ngày được)."
        ]
    return []


def _redate(db: Database, entry_id: uuid.UUID, on: date) -> OutgoingDocument:
    """Give a numbered document another date (its number and register year stay)."""
    with db.transaction("Đổi ngày văn bản đi") as session:
        entry = session.get(OutgoingDocument, entry_id)
        if on.year != entry.register_year:
            raise ValidationError(_redate_problems(entry, on)[0] + " Chưa ghi tệp nào.")
        entry.issued_on = on
        if entry.report_id is not None:
            report = session.get(Report, entry.report_id)
            if report is not None and report.document_code == entry.code:
                report.issued_on = on
        session.flush()
        return entry


# --- producing ------------------------------------------------------------------------------


def produce(
    db: Database,
    paths,
    kind: str,
    year: int,
    out: Path,
    *,
    phase: int | None = None,
    signer: str = "chair",
    on: date | None = None,
    today: date | None = None,
    renumber: bool = False,
) -> ProducedDocument:
    """Write document ``kind`` of emulation year ``year`` to ``out`` (.pdf or .xlsx).

    Refused with a :class:`ValidationError` (and no file written, no number taken) when its
    prerequisites are missing. ``renumber`` takes a new number instead of reusing the one the
    document already has. The document is dated ``on`` when given (a numbered document is then
    re-dated, and ``redated_from`` says from what), else as ``document_date`` says: the date of its
    event, never the day of export.
    """
    out = Path(out)
    if kind not in TYPE_CODES:
        raise ValidationError(f"Không có loại văn bản '{kind}'. Các loại: {', '.join(KINDS)}.")
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValidationError(f"Tệp {out.name}: chỉ xuất được .pdf hoặc .xlsx.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    with db.reading() as session:
        unit = _unit(session)
        signer_lines, signer_name = _signer(unit, signer)
        unit_info = _unit_info(unit)
    prepared = _prepare(db, kind, year, phase)
    dated = document_date(
        db, kind, year, phase=prepared.phase if prepared.report_id else phase, on=on, today=today, renumber=renumber
    )
    with db.reading() as session:
        found = None if renumber else _find_numbered(session, uuid.UUID(unit_info[0]), kind, year, prepared.report_id)
    redated_from = None
    if found is not None and dated.on != found.issued_on:
        redated_from = found.issued_on
        _redate(db, found.id, dated.on)
    entry = issue_number(
        db, kind, TYPE_CODES[kind], prepared.subject, dated.on, year, prepared.report_id, reuse=not renumber
    )
    reused = found is not None
    if prepared.after_number is not None:
        prepared.after_number(entry)
    ctx = _context(
        unit_info, prepared, signer_lines, signer_name, entry.code, entry.number, entry.issued_on, year, phase
    )
    document, machine = prepared.build(ctx)
    if prepared.report_id is not None:
        document.keywords = f"{REPORT_KEYWORD}{prepared.report_id.hex}"
    try:
        with atomic_write(out, durable=False) as temporary:
            if fmt == "pdf":
                from thidua_desktop.documents.pdf import write_pdf

                write_pdf(document, temporary)
            else:
                from thidua_desktop.documents.workbook import write_workbook

                write_workbook(document, machine, temporary)
    except OSError as exc:
        raise ValidationError(
            f"Không ghi được tệp {out}: {exc.strerror or exc}. Tệp có thể đang mở trong chương trình khác."
        ) from exc
    _record_file(db, entry.id, out.name)
    return ProducedDocument(
        kind,
        out,
        fmt,
        entry.code,
        entry.number,
        entry.issued_on,
        entry.register_year,
        reused,
        entry.id.hex,
        tuple(readiness(db, kind, year)),
        dated.warnings,
        redated_from,
    )


def _unit_info(unit: Unit) -> tuple:
    sector, kind = scope.unit_scope(unit)
    return (
        unit.id.hex,
        unit.name,
        unit.code,
        unit.issuer_code,
        unit.upper_union,
        unit.place_name,
        unit.employer_name,
        sector,
        kind,
        unit.report_recipient or "",
    )


def _context(
    unit_info: tuple,
    prepared: _Prepared,
    signer_lines,
    signer_name: str,
    code: str,
    number: int,
    issued_on: date,
    year: int,
    phase: int | None,
) -> di.Context:
    return di.Context(
        unit_id=unit_info[0],
        unit_name=unit_info[1],
        unit_code=unit_info[2],
        issuer_code=unit_info[3],
        upper_union=unit_info[4],
        place_name=unit_info[5],
        employer_name=unit_info[6],
        code=code,
        number=number,
        issued_on=issued_on,
        year=year,
        signer_lines=signer_lines,
        signer_name=signer_name,
        phase=prepared.phase if prepared.phase is not None else phase,
        version=prepared.version,
        report_id=prepared.report_id.hex if prepared.report_id else None,
        report_kind=prepared.report_kind,
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        generator=f"thidua_desktop {__version__}",
        unit_sector=unit_info[7],
        unit_kind=unit_info[8],
        report_recipient=unit_info[9],
    )


def build_document(
    db: Database,
    kind: str,
    year: int,
    *,
    phase: int | None = None,
    signer: str = "chair",
    on: date | None = None,
    today: date | None = None,
    code: str = "",
    number: int = 0,
):
    """The layout and machine data of a document without numbering or writing it (previews, benches)."""
    with db.reading() as session:
        unit = _unit(session)
        signer_lines, signer_name = _signer(unit, signer)
        info = _unit_info(unit)
    prepared = _prepare(db, kind, year, phase)
    on = on or document_date(db, kind, year, phase=phase, today=today).on
    return prepared.build(_context(info, prepared, signer_lines, signer_name, code, number, on, year, phase))


# --- previews ---------------------------------------------------------------------------------

DRAFT_MARK = "BẢN XEM TRƯỚC"


@dataclass(frozen=True)
class PreviewedDocument:
    kind: str
    path: Path
    code: str  # the number the document already has in the register, "" when it has none yet
    issued_on: date
    unfinished: tuple[str, ...]  # report sections still holding "[Bổ sung: …]": it cannot be exported yet
    notes: tuple[str, ...] = ()  # what it still lacks though it can be exported (readiness)
    warnings: tuple[str, ...] = ()  # what a reviewer would query about its date


def preview(
    db: Database,
    kind: str,
    year: int,
    out: Path,
    *,
    phase: int | None = None,
    signer: str = "chair",
    on: date | None = None,
    today: date | None = None,
) -> PreviewedDocument:
    """Write the PDF of document ``kind`` as exporting it would, marked "BẢN XEM TRƯỚC" across
    every page, to ``out``. Nothing is written to the database: no number is taken (a document
    numbered before shows its number, else "Số:      /ĐK-CĐCS"), no decision is recorded. A
    report whose sections still hold "[Bổ sung: …]" can be previewed, though not exported.
    """
    out = Path(out)
    if kind not in TYPE_CODES:
        raise ValidationError(f"Không có loại văn bản '{kind}'. Các loại: {', '.join(KINDS)}.")
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"Tệp {out.name}: bản xem trước là tệp .pdf.")
    with db.reading() as session:
        unit = _unit(session)
        signer_lines, signer_name = _signer(unit, signer)
        info = _unit_info(unit)
    prepared = _prepare(db, kind, year, phase, draft=True)
    dated = document_date(db, kind, year, phase=prepared.phase if prepared.report_id else phase, on=on, today=today)
    issued_on = dated.on
    code, number = f"{'':5}/{vntext.nfc(TYPE_CODES[kind])}-{vntext.nfc(info[3]) or 'CĐCS'}", 0
    with db.reading() as session:
        found = _find_numbered(session, uuid.UUID(info[0]), kind, year, prepared.report_id)
        if found is not None:
            code, number = found.code, found.number
    document, _machine = prepared.build(
        _context(info, prepared, signer_lines, signer_name, code, number, issued_on, year, phase)
    )
    document.draft = DRAFT_MARK
    from thidua_desktop.documents.pdf import write_pdf

    try:
        with atomic_write(out, durable=False) as temporary:
            write_pdf(document, temporary)
    except OSError as exc:
        raise ValidationError(f"Không ghi được tệp xem trước {out}: {exc.strerror or exc}.") from exc
    return PreviewedDocument(
        kind,
        out,
        code if found is not None else "",
        issued_on,
        prepared.unfinished,
        tuple(readiness(db, kind, year)),
        dated.warnings,
    )


def _report(db: Database, kind: str, year: int, phase: int | None, *, draft: bool = False) -> _Prepared:
    from thidua_desktop.documents.kinds import reports as kind_module
    from thidua_desktop.services import reports, results

    report_kind = "midyear" if kind == "midyear-report" else "year"
    what = "báo cáo sơ kết" if report_kind == "midyear" else "báo cáo tổng kết"
    info = reports.latest_report(db, year, report_kind)
    if info is None:
        raise ValidationError(
            f"Chưa soạn {what} năm {year}. Hãy soạn báo cáo (trang Báo cáo, hoặc "
            f"'thidua report draft') trước khi xuất văn bản; chưa ghi tệp nào."
        )
    if phase is not None and phase != info.phase_number:
        raise ValidationError(
            f"{what.capitalize()} năm {year} báo cáo Đợt {info.phase_number}, không phải Đợt {phase}."
        )
    missing = [s.heading for s in info.sections if s.placeholders]
    if missing and not draft:
        raise ValidationError(
            f"{what.capitalize()} năm {year} còn {len(missing)} mục chưa viết xong (còn chỗ đánh "
            f"dấu […]): {'; '.join(missing)}. Hãy hoàn thiện trước khi xuất; chưa ghi tệp nào."
        )
    rows = results.results_table(db, year, today=info.issued_on or clock.today())
    with db.reading() as session:
        record = _year_record(session, year)
        ids = {x.code: x.id.hex for x in record.indicators}
        scopes = {x.code: x.applies_to or "" for x in record.indicators}
        reg_ids = {
            r.indicator_code: r.id.hex
            for r in session.scalars(select(IndicatorRegistration).where(IndicatorRegistration.year_id == record.id))
        }
        result_ids = {
            (r.indicator_code, r.phase_number): r.id.hex
            for r in session.scalars(select(IndicatorResult).where(IndicatorResult.year_id == record.id))
        }
        phases = [p.number for p in record.phases]
    lines = []
    for row in rows:
        found = {}
        for cell in row.cells:
            if cell.phase_number > info.phase_number or cell.value is None and cell.numerator is None:
                continue
            rid = (
                result_ids.get((row.code, cell.phase_number))
                or uuid.uuid5(uuid.UUID(ids[row.code]), f"result:{cell.phase_number}").hex
            )
            found[cell.phase_number] = di.ResultRef(rid, cell.value, cell.numerator, cell.denominator, cell.note)
        lines.append(
            di.IndicatorLine(
                ids[row.code],
                row.code,
                row.name,
                row.unit,
                row.kind,
                reg_ids.get(row.code),
                None if row.registered_is_default else row.registered,
                "",
                found,
                upper_target=row.plan_target_text,
                applies_to=scopes.get(row.code, ""),
            )
        )
    ref = di.ReportRef(
        info.id,
        info.kind,
        info.phase_number,
        info.version,
        info.title,
        info.status,
        tuple(di.SectionRef(s.key, s.heading, s.text, s.level) for s in info.sections),
    )
    first = phases[0] if phases else 1
    last = info.phase_number if report_kind == "year" else None
    return _Prepared(
        info.title,
        lambda ctx: kind_module.build(ctx, ref, lines, first_phase=first, last_phase=last),
        report_id=uuid.UUID(info.id),
        version=info.version,
        report_kind=report_kind,
        phase=info.phase_number,
        unfinished=tuple(missing),
    )


def _meeting(db: Database, year: int) -> di.MeetingRef:
    from thidua_desktop.store.models import ReviewMeeting

    with db.reading() as session:
        record = _year_record(session, year)
        meeting = session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()
    if meeting is None or meeting.held_on is None:
        raise ValidationError(
            f"Chưa họp bình xét thi đua năm {year} (chưa ghi ngày họp, người chủ trì, thư ký). "
            "Hãy ghi cuộc họp bình xét trước; chưa ghi tệp nào."
        )
    return di.MeetingRef(
        meeting.id.hex,
        meeting.held_on,
        meeting.place,
        meeting.chair,
        meeting.secretary,
        meeting.attendance_total,
        meeting.attendance_present,
        meeting.notes,
    )


def _minutes_code(db: Database, year: int) -> str:
    with db.reading() as session:
        unit = _unit(session)
        entry = _find_numbered(session, unit.id, "review-minutes", year, None)
        return entry.code if entry else ""


def _proposal_lines(db: Database, year: int, level: str) -> list[di.ProposalLine]:
    from thidua_desktop.services import review

    lines = []
    for r in review.list_proposals(db, year, level):
        where = ", ".join(s for s in (r.position, r.group_name) if s)
        lines.append(
            di.ProposalLine(
                r.id,
                r.person_id,
                r.name,
                where,
                r.award_code,
                r.award_name,
                r.level,
                r.summary,
                r.decision_number,
                r.decision_date,
            )
        )
    return lines


def _prepare_review(db: Database, kind: str, year: int, phase: int | None, *, draft: bool = False) -> _Prepared:
    from thidua_desktop.documents.kinds import review as kind_module
    from thidua_desktop.services import review

    if kind in ("midyear-report", "year-report"):
        return _report(db, kind, year, phase, draft=draft)
    meeting = _meeting(db, year)
    with db.reading() as session:
        record = _year_record(session, year)
        plan = _plan_ref(record)
    if kind == "review-minutes":
        rows = review.review_table(db, year)
        from thidua_desktop.store.models import ReviewResult

        with db.reading() as session:
            ids = {
                (
                    r.person_id.hex if r.person_id else None,
                    r.union_group_id.hex if r.union_group_id and not r.person_id else None,
                    r.title_code,
                ): r.id.hex
                for r in session.scalars(select(ReviewResult).where(ReviewResult.year_id == record.id))
            }
        lines = [
            di.ReviewLine(
                ids.get(r.key)
                or uuid.uuid5(uuid.UUID(meeting.id), f"{r.person_id or r.union_group_id}:{r.title_code}").hex,
                r.person_id,
                r.full_name,
                r.group_name,
                r.title_code,
                r.title_name,
                r.registered,
                r.achieved,
                r.votes_for,
                r.votes_total,
                r.note
                or (
                    review_core.not_achieved_reason(r.exclusions, r.votes_for, r.votes_total)
                    if r.achieved is False
                    else ""
                ),
            )
            for r in rows
        ]
        return _Prepared(kind_module.minutes_subject(year), lambda ctx: kind_module.build_minutes(ctx, meeting, lines))
    minutes = _minutes_code(db, year)
    if kind == "proposals":
        lines = _proposal_lines(db, year, "upper")
        if not lines:
            raise ValidationError(
                f"Năm {year} chưa có ai trong danh sách đề nghị công đoàn cấp trên khen thưởng. "
                "Hãy lập danh sách đề nghị (sau bình xét) trước; chưa ghi tệp nào."
            )
        return _Prepared(
            kind_module.proposals_subject(year),
            lambda ctx: kind_module.build_proposals(ctx, plan, meeting, lines, minutes),
        )
    lines = _proposal_lines(db, year, "own")
    if not lines:
        raise ValidationError(
            f"Năm {year} chưa có ai được đề nghị tặng Giấy khen của Ban Chấp hành công đoàn cơ sở. "
            "Hãy lập danh sách khen thưởng (sau bình xét) trước; chưa ghi tệp nào."
        )

    def build(ctx: di.Context):
        decided = [
            line
            if line.decision_number
            else dataclasses.replace(line, decision_number=ctx.code, decision_date=ctx.issued_on)
            for line in lines
        ]
        return kind_module.build_decision(ctx, plan, meeting, decided, minutes)

    def after(entry: OutgoingDocument) -> None:  # the decision's number goes on the lines it decides
        review.decide_proposals(
            db, year, entry.code, entry.issued_on, level="own", today=max(entry.issued_on, clock.today())
        )

    return _Prepared(kind_module.decision_subject(year), build, after_number=after)
