"""Use cases for the unit profile and the emulation year (set-up, plan, timeline, rules)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from thidua_desktop import clock
from thidua_desktop.core import applicability, field_checks, timeline as tl
from thidua_desktop.core.plan import (
    IndicatorSpec,
    MovementSpec,
    PhaseSpec,
    PlanTemplate,
    RuleSpec,
    TitleSpec,
    PlanError,
    seed_template,
    shift_template_year,
    template_for_year,
)
from thidua_desktop.services.dto import (
    IndicatorInfo,
    MovementInfo,
    OfficerInfo,
    PhaseInfo,
    RuleInfo,
    TitleInfo,
    UnitProfile,
    YearDetail,
    YearOverview,
    YearSummary,
)
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AwardTitle,
    EmulationYear,
    Indicator,
    Movement,
    Officer,
    Phase,
    RuleValue,
    Unit,
)

# --- unit profile ---------------------------------------------------------------------------


def _unit(session: Session) -> Unit | None:
    return session.scalars(select(Unit).options(selectinload(Unit.officers)).limit(1)).first()


def _require_unit(session: Session) -> Unit:
    unit = _unit(session)
    if unit is None:
        raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
    return unit


def _profile(unit: Unit) -> UnitProfile:
    return UnitProfile(
        id=unit.id,
        name=unit.name,
        code=unit.code,
        issuer_code=unit.issuer_code,
        upper_union=unit.upper_union,
        upper_union_parent=unit.upper_union_parent,
        place_name=unit.place_name,
        address=unit.address,
        phone=unit.phone,
        email=unit.email,
        upper_union_email=unit.upper_union_email,
        employer_name=unit.employer_name,
        sector=unit.sector,
        kind=unit.kind or "",
        report_recipient=unit.report_recipient or "",
        officers=[OfficerInfo(o.full_name, o.role, o.position) for o in unit.officers],
    )


def validate_profile(profile: UnitProfile, *, kept_code: str | None = None) -> None:
    problems = []
    if not profile.name.strip():
        problems.append("Tên công đoàn cơ sở không được để trống.")
    if not profile.issuer_code.strip():
        problems.append("Ký hiệu cơ quan ban hành (ví dụ CĐCS) không được để trống.")
    if not profile.upper_union.strip():
        problems.append("Tên công đoàn cấp trên trực tiếp không được để trống.")
    if not profile.place_name.strip():
        problems.append("Địa danh (ghi ở dòng ngày tháng văn bản) không được để trống.")
    if profile.code.strip() and profile.code.strip() != kept_code:  # a code saved before is not a new refusal
        from thidua_desktop.core import safe_names  # the code travels in every workbook, names upper-level folders

        if problem := safe_names.unit_code_problem(profile.code):
            problems.append(problem)
    chairs = [o for o in profile.officers if o.role == "chair" and o.full_name.strip()]
    if len(chairs) != 1:
        problems.append("Cần đúng một Chủ tịch công đoàn cơ sở.")
    for email, label in ((profile.email, "Email đơn vị"), (profile.upper_union_email, "Email công đoàn cấp trên")):
        if problem := field_checks.email_problem(email, label):
            problems.append(problem)
    if problem := field_checks.phone_problem(profile.phone, "Số điện thoại đơn vị"):
        problems.append(problem)
    if profile.sector not in ("state", "non_state"):
        problems.append("Khu vực phải là 'nhà nước' hoặc 'ngoài nhà nước'.")
    if profile.kind and profile.kind not in applicability.UNIT_KINDS:
        problems.append(
            f"Loại hình đơn vị '{profile.kind}' không hợp lệ; chỉ nhận: {', '.join(applicability.UNIT_KINDS)}."
        )
    elif profile.kind and applicability.sector_of_kind(profile.kind) != profile.sector:
        problems.append(
            f"Loại hình “{applicability.UNIT_KIND_LABELS[profile.kind]}” thuộc "
            f"{applicability.SECTOR_LABELS[applicability.sector_of_kind(profile.kind)]}, "
            f"không khớp với khu vực đã chọn ({applicability.SECTOR_LABELS.get(profile.sector, profile.sector)})."
        )
    if problems:
        raise ValidationError("\n".join(problems))


def get_unit(db: Database) -> UnitProfile | None:
    with db.reading() as session:
        unit = _unit(session)
        return _profile(unit) if unit else None


def _apply_profile(session: Session, profile: UnitProfile) -> Unit:
    unit = _unit(session)
    validate_profile(profile, kept_code=unit.code if unit is not None else None)
    if unit is None:
        unit = Unit(name=profile.name)
        session.add(unit)
    for attr in (
        "name",
        "code",
        "issuer_code",
        "upper_union",
        "upper_union_parent",
        "place_name",
        "address",
        "phone",
        "email",
        "upper_union_email",
        "employer_name",
        "sector",
        "kind",
        "report_recipient",
    ):
        setattr(unit, attr, getattr(profile, attr).strip())
    unit.code = unit.code.upper()  # core.safe_names: unit codes are capitals
    wanted = [o for o in profile.officers if o.full_name.strip()]
    for existing in list(unit.officers):
        unit.officers.remove(existing)
    session.flush()
    for ordinal, officer in enumerate(sorted(wanted, key=lambda o: o.role != "chair")):
        unit.officers.append(
            Officer(
                role=officer.role,
                full_name=officer.full_name.strip(),
                position=officer.position.strip(),
                ordinal=ordinal,
            )
        )
    return unit


def save_unit(db: Database, profile: UnitProfile) -> UnitProfile:
    with db.transaction("Cập nhật thông tin đơn vị") as session:
        unit = _apply_profile(session, profile)
        session.flush()
        return _profile(unit)


# --- years ----------------------------------------------------------------------------------


def _fill_year_from_template(year: EmulationYear, template: PlanTemplate) -> None:
    year.plan_key = template.key
    year.plan_number = template.document_number
    year.plan_issuer = template.issuer
    year.plan_issued_on = template.issued_on
    year.plan_title = template.title
    year.theme = template.theme
    year.rule_set = template.rule_set
    year.registration_due = template.registration_due
    year.report_due_days = template.report_due_days
    year.phases = [
        Phase(
            number=p.number,
            name=p.name,
            start=p.start,
            end=p.end,
            report_due=p.report_due,
            lock_date=p.lock_date,
            description=p.description,
        )
        for p in template.phases
    ]
    year.movements = [
        Movement(code=m.code, name=m.name, launched_by=m.launched_by, description=m.description, ordinal=i)
        for i, m in enumerate(template.movements)
    ]
    year.indicators = [
        Indicator(
            code=x.code,
            name=x.name,
            unit_of_measure=x.unit,
            kind=x.kind,
            source=x.source,
            computed_from=x.computed_from,
            group=x.group,
            levels=",".join(x.levels),
            plan_target=x.target_value,
            plan_target_text=x.target_text,
            movement_code=x.movement_code,
            description=x.description,
            ordinal=i,
            applies_to=applicability.format_tokens(x.applies_to_units),
        )
        for i, x in enumerate(template.indicators)
    ]
    year.titles = [
        AwardTitle(
            code=t.code,
            name=t.name,
            subject=t.subject,
            category=t.category,
            system=t.system,
            issuer=t.issuer,
            women_only=t.women_only,
            requires_initiative=t.requires_initiative,
            ordinal=i,
        )
        for i, t in enumerate(template.titles)
    ]
    year.rules = [
        RuleValue(key=r.key, value=r.value, unit_of_measure=r.unit, description=r.description, basis=r.basis, ordinal=i)
        for i, r in enumerate(template.rules)
    ]
    from thidua_desktop.services import rules as rules_service

    rules_service.apply_rule_set(None, year)  # the year's rule set: sources, catalogue, rule values


def _year(session: Session, year: int) -> EmulationYear:
    found = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
    if found is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return found


def _create_year(session: Session, unit: Unit, template: PlanTemplate, year: int | None) -> EmulationYear:
    if year is None and template.is_standard:
        raise ValidationError("Mẫu chuẩn không gắn với năm nào: hãy chọn năm cần lập.")
    target_year = year or template.year
    if session.scalars(select(EmulationYear.id).where(EmulationYear.year == target_year)).first():
        raise ValidationError(f"Năm thi đua {target_year} đã có; không tạo lại.")
    try:
        template = template_for_year(template, target_year)
    except PlanError as exc:
        raise ValidationError(str(exc)) from None
    record = EmulationYear(unit=unit, year=target_year)
    _fill_year_from_template(record, template)
    record.plan_source = "standard" if template.is_standard else "template"
    session.add(record)
    return record


def create_year(db: Database, template: PlanTemplate | None = None, year: int | None = None) -> YearSummary:
    template = template or seed_template()
    with db.transaction(f"Tạo năm thi đua {year or template.year}") as session:
        record = _create_year(session, _require_unit(session), template, year)
        session.flush()
        return _summary(record)


def set_up(
    db: Database, profile: UnitProfile, template: PlanTemplate | None = None, year: int | None = None
) -> YearSummary:
    """First run: the unit and its first year, in one transaction."""
    template = template or seed_template()
    with db.transaction("Khởi tạo đơn vị và năm thi đua") as session:
        unit = _apply_profile(session, profile)
        record = _create_year(session, unit, template, year)
        session.flush()
        return _summary(record)


def _as_template(record: EmulationYear) -> PlanTemplate:
    """The year as a plan template, so copying a year reuses the template code paths."""
    return PlanTemplate(
        key=record.plan_key,
        year=record.year,
        document_number=record.plan_number,
        issuer=record.plan_issuer,
        issued_on=record.plan_issued_on,
        place="",
        title=record.plan_title,
        theme=record.theme,
        rule_set=record.rule_set,
        registration_due=record.registration_due or date(record.year, 2, 20),
        report_due_days=record.report_due_days,
        signer="",
        signer_title="",
        phases=tuple(
            PhaseSpec(p.number, p.name, p.start, p.end, p.report_due, p.lock_date, p.description) for p in record.phases
        ),
        movements=tuple(MovementSpec(m.code, m.name, m.launched_by, m.description) for m in record.movements),
        indicators=tuple(
            IndicatorSpec(
                x.code,
                x.name,
                x.unit_of_measure,
                x.kind,
                x.source,
                x.computed_from,
                x.group,
                tuple(filter(None, x.levels.split(","))),
                x.plan_target,
                x.plan_target_text,
                x.movement_code,
                x.description,
                applicability.parse_tokens(x.applies_to),
            )
            for x in record.indicators
        ),
        titles=tuple(
            TitleSpec(t.code, t.name, t.subject, t.category, t.system, t.issuer, t.women_only, t.requires_initiative)
            for t in record.titles
        ),
        rules=tuple(RuleSpec(r.key, r.value, r.unit_of_measure, r.description, r.basis) for r in record.rules),
    )


def copy_year(db: Database, source_year: int, target_year: int) -> YearSummary:
    """Start a year from another one: its phases, movements and indicators, dates moved by whole years.

    What belongs to the source year's plan document is not carried: the new year's plan is
    another document, so its number, date, issuer, title and theme are left empty until the
    union enters them (nothing is re-dated), and the upper union's targets of the source year
    are dropped (they were that year's figures). Deadlines are moved as defaults, each editable.
    """
    if target_year == source_year:
        raise ValidationError("Năm đích phải khác năm nguồn.")
    with db.transaction(f"Sao chép năm {source_year} sang năm {target_year}") as session:
        source = _year(session, source_year)
        if session.scalars(select(EmulationYear.id).where(EmulationYear.year == target_year)).first():
            raise ValidationError(f"Năm thi đua {target_year} đã có; không sao chép đè.")
        template = shift_template_year(_as_template(source), target_year)
        template = dataclasses.replace(
            template,
            key="",
            document_number="",
            issuer="",
            issued_on=None,
            title="",
            theme="",
            indicators=tuple(dataclasses.replace(x, target_value=None, target_text="") for x in template.indicators),
        )
        record = EmulationYear(unit_id=source.unit_id, year=target_year)
        _fill_year_from_template(record, template)
        record.plan_source = "copy"
        record.registration_due = template.registration_due if source.registration_due else None
        session.add(record)
        session.flush()
        return _summary(record)


def _summary(record: EmulationYear) -> YearSummary:
    return YearSummary(
        year=record.year,
        plan_number=record.plan_number,
        plan_issuer=record.plan_issuer,
        plan_title=record.plan_title,
        registration_due=record.registration_due,
        phase_count=len(record.phases),
        plan_source=record.plan_source,
    )


def list_years(db: Database) -> list[YearSummary]:
    with db.reading() as session:
        years = session.scalars(
            select(EmulationYear).options(selectinload(EmulationYear.phases)).order_by(EmulationYear.year)
        ).all()
        return [_summary(y) for y in years]


def get_year(db: Database, year: int) -> YearDetail:
    with db.reading() as session:
        record = session.scalars(
            select(EmulationYear)
            .where(EmulationYear.year == year)
            .options(
                selectinload(EmulationYear.phases),
                selectinload(EmulationYear.movements),
                selectinload(EmulationYear.indicators),
                selectinload(EmulationYear.titles),
                selectinload(EmulationYear.rules),
            )
        ).first()
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        return YearDetail(
            year=record.year,
            plan_key=record.plan_key,
            plan_number=record.plan_number,
            plan_issuer=record.plan_issuer,
            plan_issued_on=record.plan_issued_on,
            plan_title=record.plan_title,
            theme=record.theme,
            rule_set=record.rule_set,
            registration_due=record.registration_due,
            report_due_days=record.report_due_days,
            phases=tuple(
                PhaseInfo(p.number, p.name, p.start, p.end, p.report_due, p.lock_date, p.description)
                for p in record.phases
            ),
            movements=tuple(MovementInfo(m.code, m.name, m.launched_by, m.description) for m in record.movements),
            indicators=tuple(
                IndicatorInfo(
                    x.code,
                    x.name,
                    x.unit_of_measure,
                    x.kind,
                    x.source,
                    x.computed_from,
                    x.group,
                    tuple(filter(None, x.levels.split(","))),
                    x.plan_target,
                    x.plan_target_text,
                    x.movement_code,
                    applicability.parse_tokens(x.applies_to),
                )
                for x in record.indicators
            ),
            titles=tuple(
                TitleInfo(
                    t.code, t.name, t.subject, t.category, t.system, t.issuer, t.women_only, t.requires_initiative
                )
                for t in record.titles
            ),
            rules=tuple(RuleInfo(r.key, r.value, r.unit_of_measure, r.description, r.basis) for r in record.rules),
            plan_source=record.plan_source,
        )


def timeline(db: Database, year: int) -> list[tl.TimelineEvent]:
    detail = get_year(db, year)
    return tl.build_timeline(detail.year, phase_inputs(detail), detail.registration_due)


def phase_inputs(detail: YearDetail) -> list[tl.PhaseInput]:
    return [tl.PhaseInput(p.number, p.name, p.start, p.end, p.report_due, p.lock_date) for p in detail.phases]


def update_phase(
    db: Database, year: int, number: int, *, start: date, end: date, report_due: date, lock_date: date
) -> PhaseInfo:
    if not start <= end:
        raise ValidationError("Ngày bắt đầu đợt phải trước ngày kết thúc.")
    if report_due < end:
        raise ValidationError("Hạn gửi báo cáo không được trước ngày kết thúc đợt.")
    if lock_date < report_due:
        raise ValidationError("Ngày khóa số liệu không được trước hạn gửi báo cáo.")
    with db.transaction(f"Sửa thời gian Đợt {number} năm {year}") as session:
        record = _year(session, year)
        phase = next((p for p in record.phases if p.number == number), None)
        if phase is None:
            raise NotFoundError(f"Năm {year} không có Đợt {number}.")
        others = [p for p in record.phases if p.number != number]
        for other in others:
            if not (end < other.start or start > other.end):
                raise ValidationError(f"Thời gian Đợt {number} trùng với {other.name}.")
        phase.start, phase.end, phase.report_due, phase.lock_date = start, end, report_due, lock_date
        return PhaseInfo(phase.number, phase.name, start, end, report_due, lock_date, phase.description)


def set_registration_due(db: Database, year: int, due: date) -> None:
    with db.transaction(f"Sửa hạn đăng ký thi đua năm {year}") as session:
        _year(session, year).registration_due = due


def set_rule(db: Database, year: int, key: str, value: str | int | Decimal) -> RuleInfo:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(f"Giá trị '{value}' của quy định '{key}' không phải là số.") from exc
    if number < 0:
        raise ValidationError(f"Giá trị của quy định '{key}' không được âm.")
    with db.transaction(f"Sửa quy định {key} năm {year}") as session:
        record = _year(session, year)
        rule = next((r for r in record.rules if r.key == key), None)
        if rule is None:
            known = ", ".join(r.key for r in record.rules)
            raise NotFoundError(f"Năm {year} không có quy định '{key}'. Các quy định: {known}.")
        rule.value = number
        return RuleInfo(rule.key, number, rule.unit_of_measure, rule.description, rule.basis)


def overview(db: Database, year: int) -> YearOverview:
    from thidua_desktop.services import roster

    detail = get_year(db, year)
    phases = phase_inputs(detail)
    events = tl.build_timeline(detail.year, phases, detail.registration_due)
    return YearOverview(detail, events, phases, roster.count_people(db))


def current_year(years: list[int]) -> int | None:
    """The year to show first: today's year, else the latest before it, else the earliest after it."""
    this = clock.today().year
    if this in years:
        return this
    before = [y for y in years if y < this]
    return max(before) if before else (min(years) if years else None)
