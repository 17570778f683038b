"""Use cases of the plan editor: change a year's plan after it was created (issue 13).

The plan's facts (number, date, issuer, title, theme) are what the user types or the package
carries: this module stores them as given and never re-dates anything. Phases, the deadlines,
movements and indicators are edited on a :class:`PlanDraft` — a plain copy of the year's plan —
and saved in one transaction by :func:`save_plan`; every small command of the command line
(:func:`add_phase`, :func:`remove_indicator`, …) loads the draft, changes it and goes through the
same :func:`save_plan` path, so the checks live in one place (:func:`validate_draft`).

What is never lost silently: removing an indicator deletes its registered figures and results,
changing its kind makes them mean something else (they are deleted too), removing the last phase
deletes its reports and results, removing a movement takes it out of the collective
registration. Each of these is an :class:`Impact`; when one is not empty, :func:`save_plan`
refuses with :class:`ConfirmationRequired` (a ``ValidationError`` whose Vietnamese message says
what would be lost) unless ``confirm=True``, and then says what it removed.

No Qt here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from thidua_desktop.core import applicability, vntext
from thidua_desktop.core.plan import (
    COMPUTED_SOURCES,
    DEFAULT_LOCK_GRACE_DAYS,
    INDICATOR_KINDS,
    INDICATOR_SOURCES,
    LEVELS,
    format_target,
)
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    CollectiveRegistration,
    EmulationYear,
    Indicator,
    IndicatorRegistration,
    IndicatorResult,
    Initiative,
    Movement,
    Phase,
    Report,
)

__all__ = [
    "COMPUTED_KINDS",
    "ConfirmationRequired",
    "Impact",
    "IndicatorDraft",
    "MovementDraft",
    "PhaseDraft",
    "PlanDraft",
    "PlanUsage",
    "SaveResult",
    "add_indicator",
    "add_movement",
    "add_phase",
    "append_phase",
    "change_phase",
    "default_lock_date",
    "default_report_due",
    "impact_of_changing_kind",
    "impact_of_removing_indicator",
    "impact_of_removing_movement",
    "impact_of_removing_phase",
    "load_plan",
    "new_indicator_code",
    "new_movement_code",
    "plan_usage",
    "remove_indicator",
    "remove_last_phase",
    "remove_movement",
    "save_plan",
    "set_indicator",
    "set_movement",
    "set_phase",
    "set_plan_facts",
    "set_registration_due",
    "set_report_due",
    "validate_draft",
]

# The kind of figure each computed source produces (core.results counts them this way).
COMPUTED_KINDS: dict[str, str] = {
    "members_admitted": "count",
    "women_gvn_dvn": "percent",
    "officers_trained": "percent",
    "initiatives_recognised": "count",
    "ldst_authors": "count",
    "members_introduced_to_party": "count",
}
assert set(COMPUTED_KINDS) == set(COMPUTED_SOURCES)

KIND_NAMES = {"count": "số lượng", "percent": "tỷ lệ %", "money": "số tiền", "yesno": "có/không"}

# column widths of store/models.py
_MAX_NUMBER, _MAX_ISSUER, _MAX_PHASE_NAME, _MAX_CODE = 60, 300, 200, 40
_MAX_LAUNCHED_BY, _MAX_UNIT, _MAX_GROUP, _MAX_TARGET_TEXT, _MAX_APPLIES = 200, 80, 20, 200, 120
_MAX_TARGET = Decimal("99999999999999")  # Numeric(18, 4)


# --- plain values ------------------------------------------------------------------------------


@dataclass
class PhaseDraft:
    number: int
    name: str
    start: date
    end: date
    report_due: date
    lock_date: date
    description: str = ""


@dataclass
class MovementDraft:
    code: str
    name: str
    launched_by: str = ""
    description: str = ""
    original_code: str | None = None  # the code it has in the store; None: a new movement


@dataclass
class IndicatorDraft:
    code: str
    name: str
    unit_of_measure: str = ""
    kind: str = "count"
    source: str = "entered"
    computed_from: str | None = None
    group: str = ""
    levels: tuple[str, ...] = ("cdcs", "upper")
    plan_target: Decimal | None = None
    plan_target_text: str = ""
    movement_code: str | None = None
    applies_to: tuple[str, ...] = ()
    description: str = ""
    is_new: bool = False  # not in the store yet (its code may still be changed)


@dataclass
class PlanDraft:
    """A year's plan as the editor changes it; :func:`save_plan` writes it back."""

    year: int
    plan_number: str
    plan_issued_on: date | None
    plan_issuer: str
    plan_title: str
    theme: str
    registration_due: date | None
    report_due_days: int
    phases: list[PhaseDraft] = field(default_factory=list)
    movements: list[MovementDraft] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)

    def phase(self, number: int) -> PhaseDraft:
        found = next((p for p in self.phases if p.number == number), None)
        if found is None:
            raise NotFoundError(f"Năm {self.year} không có Đợt {number}.")
        return found

    def movement(self, code: str) -> MovementDraft:
        found = next((m for m in self.movements if m.code == code), None)
        if found is None:
            known = ", ".join(m.code for m in self.movements) or "(chưa có)"
            raise NotFoundError(f"Năm {self.year} không có phong trào mã '{code}'. Các mã: {known}.")
        return found

    def indicator(self, code: str) -> IndicatorDraft:
        found = next((x for x in self.indicators if x.code == code), None)
        if found is None:
            raise NotFoundError(f"Năm {self.year} không có chỉ tiêu mã '{code}'.")
        return found


@dataclass(frozen=True)
class Impact:
    """What a change would take away from what people entered."""

    registrations: int = 0  # registered figures of an indicator (số đăng ký)
    results: int = 0  # results of an indicator (kết quả đã nhập)
    reports: int = 0  # reports of a phase (báo cáo sơ kết / tổng kết, every version)
    collective_choices: int = 0  # the collective registration has chosen the movement
    initiatives: int = 0  # initiatives recorded in the phase (they lose their phase, not themselves)

    def __bool__(self) -> bool:
        return any((self.registrations, self.results, self.reports, self.collective_choices, self.initiatives))

    def __add__(self, other: Impact) -> Impact:
        return Impact(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))

    def describe(self) -> str:
        """``"12 đăng ký và 3 kết quả đã nhập"``."""
        parts = []
        if self.registrations:
            parts.append(f"{self.registrations} đăng ký")
        if self.results:
            parts.append(f"{self.results} kết quả đã nhập")
        if self.reports:
            parts.append(f"{self.reports} báo cáo")
        if self.collective_choices:
            parts.append("lựa chọn phong trào này trong bản đăng ký thi đua của tập thể")
        if self.initiatives:
            parts.append(f"thông tin đợt của {self.initiatives} sáng kiến")
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + " và " + parts[-1]


class ConfirmationRequired(ValidationError):
    """The change would lose entered data; nothing was changed. ``impacts``: (what, Impact)."""

    def __init__(self, message: str, impacts: list[tuple[str, Impact]]) -> None:
        super().__init__(message)
        self.impacts = impacts


@dataclass(frozen=True)
class SaveResult:
    year: int
    removed: tuple[str, ...] = ()  # what was removed, in plain Vietnamese (empty: nothing lost)
    notes: tuple[str, ...] = ()  # other consequences (indicators no longer tied to a movement…)

    def lines(self) -> list[str]:
        return [*self.removed, *self.notes]


@dataclass(frozen=True)
class PlanUsage:
    """Counts of what the year's entered data uses, for asking before a removal (the dialog)."""

    indicators: dict[str, Impact]
    movements: dict[str, Impact]
    phases: dict[int, Impact]

    def of_indicator(self, code: str) -> Impact:
        return self.indicators.get(code, Impact())

    def of_movement(self, code: str) -> Impact:
        return self.movements.get(code, Impact())

    def of_phase(self, number: int) -> Impact:
        return self.phases.get(number, Impact())


# --- reading -----------------------------------------------------------------------------------


def _record(session: Session, year: int) -> EmulationYear:
    found = session.scalars(
        select(EmulationYear)
        .where(EmulationYear.year == year)
        .options(
            selectinload(EmulationYear.phases),
            selectinload(EmulationYear.movements),
            selectinload(EmulationYear.indicators),
        )
    ).first()
    if found is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return found


def _draft(record: EmulationYear) -> PlanDraft:
    return PlanDraft(
        year=record.year,
        plan_number=record.plan_number,
        plan_issued_on=record.plan_issued_on,
        plan_issuer=record.plan_issuer,
        plan_title=record.plan_title,
        theme=record.theme,
        registration_due=record.registration_due,
        report_due_days=record.report_due_days,
        phases=[
            PhaseDraft(p.number, p.name, p.start, p.end, p.report_due, p.lock_date, p.description)
            for p in record.phases
        ],
        movements=[
            MovementDraft(m.code, m.name, m.launched_by, m.description, original_code=m.code) for m in record.movements
        ],
        indicators=[
            IndicatorDraft(
                x.code,
                x.name,
                x.unit_of_measure,
                x.kind,
                x.source,
                x.computed_from,
                x.group,
                tuple(level for level in LEVELS if level in x.levels.split(",")),
                x.plan_target,
                x.plan_target_text,
                x.movement_code,
                _tokens(x.applies_to),
                x.description,
            )
            for x in record.indicators
        ],
    )


def _tokens(text: str) -> tuple[str, ...]:
    try:
        return applicability.parse_tokens(text)
    except ValueError:
        return tuple(t.strip() for t in text.split(",") if t.strip())


def load_plan(db: Database, year: int) -> PlanDraft:
    with db.reading() as session:
        return _draft(_record(session, year))


def _usage(session: Session, record: EmulationYear) -> PlanUsage:
    yid = record.id
    registrations = dict(
        session.execute(
            select(IndicatorRegistration.indicator_code, func.count())
            .where(IndicatorRegistration.year_id == yid)
            .group_by(IndicatorRegistration.indicator_code)
        ).all()
    )
    results = dict(
        session.execute(
            select(IndicatorResult.indicator_code, func.count())
            .where(IndicatorResult.year_id == yid)
            .group_by(IndicatorResult.indicator_code)
        ).all()
    )
    indicators = {
        code: Impact(registrations=registrations.get(code, 0), results=results.get(code, 0))
        for code in set(registrations) | set(results)
    }
    collective = session.scalars(select(CollectiveRegistration).where(CollectiveRegistration.year_id == yid)).first()
    movements = {code: Impact(collective_choices=1) for code in (collective.movement_codes or [])} if collective else {}
    reports = dict(
        session.execute(
            select(Report.phase_number, func.count()).where(Report.year_id == yid).group_by(Report.phase_number)
        ).all()
    )
    phase_results = dict(
        session.execute(
            select(IndicatorResult.phase_number, func.count())
            .where(IndicatorResult.year_id == yid)
            .group_by(IndicatorResult.phase_number)
        ).all()
    )
    initiatives = dict(
        session.execute(
            select(Initiative.phase_number, func.count())
            .where(
                Initiative.unit_id == record.unit_id,
                Initiative.year == record.year,
                Initiative.phase_number.is_not(None),
            )
            .group_by(Initiative.phase_number)
        ).all()
    )
    phases = {
        n: Impact(reports=reports.get(n, 0), results=phase_results.get(n, 0), initiatives=initiatives.get(n, 0))
        for n in set(reports) | set(phase_results) | set(initiatives)
    }
    return PlanUsage(indicators, movements, phases)


def plan_usage(db: Database, year: int) -> PlanUsage:
    with db.reading() as session:
        return _usage(session, _record(session, year))


def impact_of_removing_indicator(db: Database, year: int, code: str) -> Impact:
    return plan_usage(db, year).of_indicator(code)


def impact_of_changing_kind(db: Database, year: int, code: str) -> Impact:
    """Changing an indicator's kind loses the same figures as removing it."""
    return impact_of_removing_indicator(db, year, code)


def impact_of_removing_movement(db: Database, year: int, code: str) -> Impact:
    return plan_usage(db, year).of_movement(code)


def impact_of_removing_phase(db: Database, year: int, number: int) -> Impact:
    return plan_usage(db, year).of_phase(number)


# --- pure helpers the dialog shares ----------------------------------------------------------


def default_report_due(end: date, report_due_days: int) -> date:
    """The plan's usual rule ("trong vòng 5 ngày sau khi kết thúc giai đoạn"); a default, not a law."""
    return end + timedelta(days=report_due_days)


def default_lock_date(report_due: date) -> date:
    return report_due + timedelta(days=DEFAULT_LOCK_GRACE_DAYS)


def _fd(d: date) -> str:
    return vntext.format_date(d)


def change_phase(
    draft: PlanDraft,
    number: int,
    *,
    name: str | None = None,
    start: date | None = None,
    end: date | None = None,
    report_due: date | None = None,
    lock_date: date | None = None,
    description: str | None = None,
) -> PhaseDraft:
    """Change one phase of ``draft`` and keep the phases contiguous.

    A new end moves the next phase's start to the day after, a new start the previous phase's
    end to the day before. A report deadline that followed the default (end + the plan's days)
    follows a moved end, and a lock date that followed its default follows the deadline; a
    date the user set otherwise stays. Nothing is checked here: :func:`validate_draft` does.
    """
    phase = draft.phase(number)
    index = draft.phases.index(phase)

    def move_end(p: PhaseDraft, new_end: date, new_due: date | None = None, new_lock: date | None = None) -> None:
        due_followed = p.report_due == default_report_due(p.end, draft.report_due_days)
        lock_followed = p.lock_date == default_lock_date(p.report_due)
        p.end = new_end
        if new_due is not None:
            p.report_due = new_due
        elif due_followed:
            p.report_due = default_report_due(new_end, draft.report_due_days)
        if new_lock is not None:
            p.lock_date = new_lock
        elif lock_followed:
            p.lock_date = default_lock_date(p.report_due)

    if name is not None:
        phase.name = name
    if description is not None:
        phase.description = description
    if start is not None and start != phase.start:
        phase.start = start
        if index > 0:
            move_end(draft.phases[index - 1], start - timedelta(days=1))
    if end is not None and end != phase.end:
        move_end(phase, end, report_due, lock_date)
        if index + 1 < len(draft.phases):
            draft.phases[index + 1].start = end + timedelta(days=1)
    else:
        if report_due is not None and report_due != phase.report_due:
            lock_followed = phase.lock_date == default_lock_date(phase.report_due)
            phase.report_due = report_due
            if lock_date is None and lock_followed:
                phase.lock_date = default_lock_date(report_due)
        if lock_date is not None:
            phase.lock_date = lock_date
    return phase


def append_phase(
    draft: PlanDraft,
    end: date | None = None,
    *,
    name: str | None = None,
    report_due: date | None = None,
    lock_date: date | None = None,
    description: str = "",
) -> PhaseDraft:
    """A new phase after the last one (from the day after it ends; to ``end`` or 31/12)."""
    number = len(draft.phases) + 1
    start = draft.phases[-1].end + timedelta(days=1) if draft.phases else date(draft.year, 1, 1)
    if start.year != draft.year:
        last = draft.phases[-1]
        raise ValidationError(
            f"{last.name} kết thúc ngày {_fd(last.end)}, cuối năm {draft.year}: hãy rút ngắn "
            f"{last.name} trước, rồi mới thêm đợt mới."
        )
    end = end or date(draft.year, 12, 31)
    due = report_due or default_report_due(end, draft.report_due_days)
    phase = PhaseDraft(
        number,
        name if name is not None else f"Đợt {number}",
        start,
        end,
        due,
        lock_date or default_lock_date(due),
        description,
    )
    draft.phases.append(phase)
    return phase


def new_movement_code(draft: PlanDraft, name: str) -> str:
    """A code made from the name's initials ("Xanh, Sạch, Đẹp" → "XSD"), unique in the year."""
    words = re.findall(r"[a-z0-9]+", vntext.search_key(name))
    base = "".join(w[0] for w in words).upper()[: _MAX_CODE - 3] or "PT"
    taken = {m.code for m in draft.movements}
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def new_indicator_code(draft: PlanDraft) -> str:
    """The next free ``CTnn`` code of the year."""
    taken = {x.code for x in draft.indicators}
    numbers = [int(m.group(1)) for c in taken if (m := re.fullmatch(r"CT(\d+)", c))]
    n = max(numbers, default=0) + 1
    while f"CT{n:02d}" in taken:
        n += 1
    return f"CT{n:02d}"


def parse_target(text: str | None) -> Decimal | None:
    """A target typed the Vietnamese way ("8.000", "85", "15.000,5"); empty → None."""
    if text is None or not str(text).strip():
        return None
    try:
        return vntext.parse_number(str(text))
    except ValueError:
        pass
    try:
        return Decimal(str(text).strip())
    except InvalidOperation:
        raise ValidationError(f"Chỉ tiêu cấp trên giao '{text}' không phải là số (ví dụ 8.000 hoặc 85).") from None


# --- checking ------------------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return vntext.nfc(text or "")


def _normalise(draft: PlanDraft, stored_movements: dict[str, str] | None = None) -> list[str]:
    """Tidy the draft before it is checked: texts, numbering, renamed and removed movements.

    ``stored_movements`` (code → name, as in the store): an indicator tied to one the draft no
    longer has is untied. Returns notes for the user about that."""
    notes: list[str] = []
    for attr in ("plan_number", "plan_issuer", "plan_title", "theme"):
        setattr(draft, attr, _clean(getattr(draft, attr)))
    for number, phase in enumerate(draft.phases, start=1):
        phase.number = number
        phase.name = _clean(phase.name)
        phase.description = (phase.description or "").strip()
    renamed: dict[str, str] = {}
    for m in draft.movements:
        m.name = _clean(m.name)
        m.launched_by = _clean(m.launched_by)
        m.code = _clean(m.code).replace(" ", "_")
        if m.original_code and m.original_code != m.code:
            renamed[m.original_code] = m.code
    codes = {m.code for m in draft.movements}
    untied: dict[str, list[str]] = {}
    for x in draft.indicators:
        x.code = _clean(x.code).replace(" ", "_")
        x.name = _clean(x.name)
        x.unit_of_measure = _clean(x.unit_of_measure)
        x.group = _clean(x.group)
        x.plan_target_text = _clean(x.plan_target_text)
        x.computed_from = _clean(x.computed_from) or None
        if x.source == "entered":
            x.computed_from = None
        x.movement_code = _clean(x.movement_code) or None
        if x.movement_code in renamed:
            x.movement_code = renamed[x.movement_code]
        elif (
            x.movement_code is not None
            and x.movement_code not in codes
            and x.movement_code in (stored_movements or {})
            and x.movement_code not in _original_codes(draft)
        ):
            untied.setdefault(x.movement_code, []).append(x.code)
            x.movement_code = None
        x.levels = tuple(level for level in LEVELS if level in set(x.levels)) + tuple(
            sorted(set(x.levels) - set(LEVELS))
        )
        if isinstance(x.applies_to, str):
            x.applies_to = tuple(t.strip() for t in x.applies_to.split(",") if t.strip())
    for code, indicators in untied.items():
        notes.append(
            f"Chỉ tiêu {', '.join(indicators)} không còn gắn với phong trào "
            f"'{(stored_movements or {}).get(code, code)}'."
        )
    return notes


def _original_codes(draft: PlanDraft) -> set[str]:
    return {m.original_code for m in draft.movements if m.original_code}


def validate_draft(draft: PlanDraft) -> None:
    """Every rule of a year's plan; raises one ``ValidationError`` listing each problem."""
    problems: list[str] = []
    y = draft.year
    if len(draft.plan_number) > _MAX_NUMBER:
        problems.append(f"Số kế hoạch dài quá {_MAX_NUMBER} ký tự.")
    if len(draft.plan_issuer) > _MAX_ISSUER:
        problems.append(f"Tên cơ quan ban hành kế hoạch dài quá {_MAX_ISSUER} ký tự.")
    if draft.plan_issued_on is not None and draft.plan_issued_on.year not in (y - 1, y):
        problems.append(
            f"Ngày ban hành kế hoạch {_fd(draft.plan_issued_on)} không thuộc năm {y} (hoặc cuối năm {y - 1})."
        )
    if draft.registration_due is not None and draft.registration_due.year not in (y - 1, y):
        problems.append(f"Hạn gửi đăng ký thi đua {_fd(draft.registration_due)} không thuộc năm {y}.")
    if not 0 <= draft.report_due_days <= 366:
        problems.append("Số ngày gửi báo cáo sau khi kết thúc đợt phải từ 0 đến 366.")

    if not draft.phases:
        problems.append("Năm thi đua phải có ít nhất một đợt.")
    for index, p in enumerate(draft.phases):
        label = p.name or f"Đợt {p.number}"
        if not p.name:
            problems.append(f"Đợt {p.number}: tên đợt không được để trống.")
        elif len(p.name) > _MAX_PHASE_NAME:
            problems.append(f"{label}: tên đợt dài quá {_MAX_PHASE_NAME} ký tự.")
        if p.start.year != y or p.end.year != y:
            problems.append(f"{label} ({_fd(p.start)} – {_fd(p.end)}) phải nằm trong năm {y}.")
        if p.start > p.end:
            problems.append(f"{label}: ngày bắt đầu {_fd(p.start)} sau ngày kết thúc {_fd(p.end)}.")
        if p.report_due < p.end:
            problems.append(
                f"{label}: hạn gửi báo cáo {_fd(p.report_due)} không được trước ngày kết thúc đợt {_fd(p.end)}."
            )
        elif (p.report_due - p.end).days > 366:
            problems.append(f"{label}: hạn gửi báo cáo {_fd(p.report_due)} cách ngày kết thúc đợt quá một năm.")
        if p.lock_date < p.report_due:
            problems.append(
                f"{label}: ngày khóa số liệu {_fd(p.lock_date)} không được trước hạn gửi báo cáo {_fd(p.report_due)}."
            )
        if index > 0:
            previous = draft.phases[index - 1]
            expected = previous.end + timedelta(days=1)
            if p.start != expected:
                problems.append(
                    f"{label} phải bắt đầu ngay sau khi {previous.name or f'Đợt {previous.number}'} "
                    f"kết thúc, tức ngày {_fd(expected)} (các đợt phải liền nhau), nhưng lại bắt đầu "
                    f"ngày {_fd(p.start)}."
                )

    seen: set[str] = set()
    for m in draft.movements:
        label = f"Phong trào '{m.name or m.code}'"
        if not m.name:
            problems.append(f"Phong trào mã '{m.code}': tên không được để trống.")
        if not m.code:
            problems.append(f"{label}: mã không được để trống.")
        elif len(m.code) > _MAX_CODE:
            problems.append(f"{label}: mã dài quá {_MAX_CODE} ký tự.")
        elif m.code in seen:
            problems.append(f"Mã phong trào '{m.code}' bị trùng.")
        seen.add(m.code)
        if len(m.launched_by) > _MAX_LAUNCHED_BY:
            problems.append(f"{label}: tên cơ quan phát động dài quá {_MAX_LAUNCHED_BY} ký tự.")
    movement_codes = seen

    seen = set()
    for x in draft.indicators:
        label = f"Chỉ tiêu {x.code or x.name}"
        if not x.code:
            problems.append(f"Chỉ tiêu '{x.name}': mã không được để trống.")
        elif len(x.code) > _MAX_CODE:
            problems.append(f"{label}: mã dài quá {_MAX_CODE} ký tự.")
        elif x.code in seen:
            problems.append(f"Mã chỉ tiêu '{x.code}' bị trùng.")
        seen.add(x.code)
        if not x.name:
            problems.append(f"{label}: tên chỉ tiêu không được để trống.")
        if len(x.unit_of_measure) > _MAX_UNIT:
            problems.append(f"{label}: đơn vị tính dài quá {_MAX_UNIT} ký tự.")
        if len(x.group) > _MAX_GROUP:
            problems.append(f"{label}: nhóm dài quá {_MAX_GROUP} ký tự.")
        if x.kind not in INDICATOR_KINDS:
            problems.append(f"{label}: loại '{x.kind}' không hợp lệ; chỉ nhận: {', '.join(INDICATOR_KINDS)}.")
        if x.source not in INDICATOR_SOURCES:
            problems.append(
                f"{label}: nguồn số liệu '{x.source}' không hợp lệ; chỉ nhận: {', '.join(INDICATOR_SOURCES)}."
            )
        elif x.source == "computed":
            if x.computed_from not in COMPUTED_SOURCES:
                known = ", ".join(sorted(COMPUTED_SOURCES))
                problems.append(
                    f"{label}: chỉ tiêu tính tự động phải nói tính từ đâu; "
                    f"'{x.computed_from or ''}' không hợp lệ, chỉ nhận: {known}."
                )
            elif x.kind in INDICATOR_KINDS and COMPUTED_KINDS[x.computed_from] != x.kind:
                problems.append(
                    f"{label}: số liệu tính từ '{x.computed_from}' là "
                    f"{KIND_NAMES[COMPUTED_KINDS[x.computed_from]]}, chỉ tiêu phải cùng loại (đang là "
                    f"{KIND_NAMES[x.kind]})."
                )
        bad_levels = [level for level in x.levels if level not in LEVELS]
        if not x.levels:
            problems.append(f"{label}: phải áp dụng cho ít nhất một cấp (CĐCS hoặc cấp trên).")
        elif bad_levels:
            problems.append(f"{label}: cấp '{bad_levels[0]}' không hợp lệ; chỉ nhận: {', '.join(LEVELS)}.")
        if x.plan_target is not None:
            if not x.plan_target.is_finite() or x.plan_target < 0:
                problems.append(f"{label}: chỉ tiêu cấp trên giao không được âm.")
            elif x.plan_target > _MAX_TARGET:
                problems.append(f"{label}: chỉ tiêu cấp trên giao quá lớn.")
            elif x.kind == "percent" and x.plan_target > 100:
                problems.append(f"{label}: tỷ lệ giao {format_target(x.plan_target, 'percent')} vượt quá 100%.")
        if len(x.plan_target_text) > _MAX_TARGET_TEXT:
            problems.append(f"{label}: lời ghi chỉ tiêu dài quá {_MAX_TARGET_TEXT} ký tự.")
        if x.movement_code is not None and x.movement_code not in movement_codes:
            problems.append(f"{label}: phong trào '{x.movement_code}' không có trong danh sách phong trào của năm.")
        try:
            applicability.parse_tokens(list(x.applies_to))
        except ValueError as exc:
            problems.append(f"{label}: {exc}.")
        if len(",".join(x.applies_to)) > _MAX_APPLIES:
            problems.append(f"{label}: danh sách đối tượng áp dụng dài quá.")
    if problems:
        raise ValidationError("\n".join(problems))


# --- saving --------------------------------------------------------------------------------------


def _impacts(draft: PlanDraft, record: EmulationYear, usage: PlanUsage) -> list[tuple[str, Impact, str]]:
    """(message, impact, kind) for each change that would lose entered data."""
    found: list[tuple[str, Impact, str]] = []
    by_code = {x.code: x for x in record.indicators}
    kept = {x.code: x for x in draft.indicators if not x.is_new and x.code in by_code}
    for code, old in by_code.items():
        impact = usage.of_indicator(code)
        if code not in kept:
            if impact:
                found.append(
                    (f"Xóa chỉ tiêu {code} ({old.name}) sẽ xóa {impact.describe()}.", impact, f"indicator:{code}")
                )
        elif kept[code].kind != old.kind and impact:
            found.append(
                (
                    f"Đổi loại chỉ tiêu {code} ({old.name}) từ '{KIND_NAMES.get(old.kind, old.kind)}' sang "
                    f"'{KIND_NAMES.get(kept[code].kind, kept[code].kind)}' sẽ xóa {impact.describe()} (các số "
                    "đó sẽ mang nghĩa khác).",
                    impact,
                    f"kind:{code}",
                )
            )
    remaining = {m.original_code for m in draft.movements if m.original_code}
    for m in record.movements:
        impact = usage.of_movement(m.code)
        if m.code not in remaining and impact:
            found.append((f"Xóa phong trào '{m.name}' sẽ bỏ {impact.describe()}.", impact, f"movement:{m.code}"))
    for p in record.phases[len(draft.phases) :]:
        impact = usage.of_phase(p.number)
        if impact:
            found.append((f"Xóa {p.name} sẽ xóa {impact.describe()}.", impact, f"phase:{p.number}"))
    return found


def _delete_all(session: Session, rows) -> int:
    count = 0
    for row in rows:
        session.delete(row)
        count += 1
    return count


def _apply(session: Session, record: EmulationYear, draft: PlanDraft, *, confirm: bool) -> SaveResult:
    notes = _normalise(draft, {m.code: m.name for m in record.movements})
    validate_draft(draft)
    usage = _usage(session, record)
    impacts = _impacts(draft, record, usage)
    if impacts and not confirm:
        raise ConfirmationRequired(
            "\n".join(message for message, _i, _k in impacts), [(kind, impact) for _m, impact, kind in impacts]
        )
    removed: list[str] = []
    yid = record.id

    record.plan_number = draft.plan_number
    record.plan_issued_on = draft.plan_issued_on
    record.plan_issuer = draft.plan_issuer
    record.plan_title = draft.plan_title
    record.theme = draft.theme
    record.registration_due = draft.registration_due
    record.report_due_days = draft.report_due_days

    # phases by position: only the last ones can go, new ones come at the end
    for p in list(record.phases[len(draft.phases) :]):
        reports = _delete_all(
            session, session.scalars(select(Report).where(Report.year_id == yid, Report.phase_number == p.number))
        )
        results = _delete_all(
            session,
            session.scalars(
                select(IndicatorResult).where(IndicatorResult.year_id == yid, IndicatorResult.phase_number == p.number)
            ),
        )
        initiatives = 0
        for initiative in session.scalars(
            select(Initiative).where(
                Initiative.unit_id == record.unit_id,
                Initiative.year == record.year,
                Initiative.phase_number == p.number,
            )
        ):
            initiative.phase_number = None
            initiatives += 1
        lost = Impact(reports=reports, results=results, initiatives=initiatives)
        removed.append(f"Đã xóa {p.name}" + (f" cùng {lost.describe()}." if lost else "."))
        record.phases.remove(p)
    session.flush()
    for row, phase in zip(record.phases, draft.phases):
        row.name, row.start, row.end = phase.name, phase.start, phase.end
        row.report_due, row.lock_date, row.description = phase.report_due, phase.lock_date, phase.description
    for phase in draft.phases[len(record.phases) :]:
        record.phases.append(
            Phase(
                number=phase.number,
                name=phase.name,
                start=phase.start,
                end=phase.end,
                report_due=phase.report_due,
                lock_date=phase.lock_date,
                description=phase.description,
            )
        )

    # movements by the code they had
    collective = session.scalars(select(CollectiveRegistration).where(CollectiveRegistration.year_id == yid)).first()
    chosen = list(collective.movement_codes or []) if collective else []
    existing = {m.code: m for m in record.movements}
    wanted = {m.original_code for m in draft.movements if m.original_code in existing}
    for code, row in existing.items():
        if code not in wanted:
            record.movements.remove(row)
            text = f"Đã xóa phong trào '{row.name}'"
            if code in chosen:
                chosen.remove(code)
                text += " (và bỏ khỏi bản đăng ký thi đua của tập thể)"
            removed.append(text + ".")
    for ordinal, m in enumerate(draft.movements):
        row = existing.get(m.original_code or "") if m.original_code in wanted else None
        if row is None:
            row = Movement(code=m.code)
            record.movements.append(row)
        elif row.code != m.code:
            chosen = [m.code if c == row.code else c for c in chosen]
        row.code, row.name, row.launched_by, row.description, row.ordinal = (
            m.code,
            m.name,
            m.launched_by,
            m.description,
            ordinal,
        )
    if collective is not None and chosen != list(collective.movement_codes or []):
        collective.movement_codes = chosen

    # indicators by code (a stored indicator keeps its code: registrations and results refer to it)
    existing_ind = {x.code: x for x in record.indicators}
    kept = {x.code for x in draft.indicators if not x.is_new and x.code in existing_ind}

    def drop_figures(code: str) -> Impact:
        return Impact(
            registrations=_delete_all(
                session,
                session.scalars(
                    select(IndicatorRegistration).where(
                        IndicatorRegistration.year_id == yid, IndicatorRegistration.indicator_code == code
                    )
                ),
            ),
            results=_delete_all(
                session,
                session.scalars(
                    select(IndicatorResult).where(
                        IndicatorResult.year_id == yid, IndicatorResult.indicator_code == code
                    )
                ),
            ),
        )

    for code, row in existing_ind.items():
        if code not in kept:
            lost = drop_figures(code)
            record.indicators.remove(row)
            removed.append(f"Đã xóa chỉ tiêu {code} ({row.name})" + (f" cùng {lost.describe()}." if lost else "."))
    for x in draft.indicators:
        row = existing_ind.get(x.code) if x.code in kept else None
        if row is not None and row.kind != x.kind:
            lost = drop_figures(x.code)
            if lost:
                removed.append(f"Đã đổi loại chỉ tiêu {x.code} và xóa {lost.describe()}.")
    session.flush()
    for ordinal, x in enumerate(draft.indicators):
        row = existing_ind.get(x.code) if x.code in kept else None
        if row is None:
            row = Indicator(code=x.code)
            record.indicators.append(row)
        row.name, row.unit_of_measure, row.kind, row.source = x.name, x.unit_of_measure, x.kind, x.source
        row.computed_from = x.computed_from if x.source == "computed" else None
        row.group, row.levels = x.group, ",".join(x.levels)
        row.plan_target = x.plan_target
        row.plan_target_text = x.plan_target_text or (
            format_target(x.plan_target, x.kind) if x.plan_target is not None else ""
        )
        row.movement_code = x.movement_code
        row.applies_to = ",".join(applicability.parse_tokens(list(x.applies_to)))
        row.description = x.description or ""
        row.ordinal = ordinal
        x.is_new = False
    session.flush()
    return SaveResult(record.year, tuple(removed), tuple(notes))


def save_plan(db: Database, draft: PlanDraft, *, confirm: bool = False, action: str | None = None) -> SaveResult:
    """Write the whole draft back in one transaction (see the module's docstring for ``confirm``)."""
    draft = dataclasses.replace(
        draft,
        phases=[dataclasses.replace(p) for p in draft.phases],
        movements=[dataclasses.replace(m) for m in draft.movements],
        indicators=[dataclasses.replace(x) for x in draft.indicators],
    )
    with db.transaction(action or f"Sửa kế hoạch năm {draft.year}") as session:
        return _apply(session, _record(session, draft.year), draft, confirm=confirm)


def _edit(
    db: Database, year: int, action: str, change: Callable[[PlanDraft], None], *, confirm: bool = False
) -> SaveResult:
    """Load, change and save the year's plan in one transaction."""
    with db.transaction(action) as session:
        record = _record(session, year)
        draft = _draft(record)
        change(draft)
        return _apply(session, record, draft, confirm=confirm)


# --- one change at a time (the command line) -----------------------------------------------------


def set_plan_facts(
    db: Database,
    year: int,
    *,
    number: str | None = None,
    issued_on: date | None = None,
    issuer: str | None = None,
    title: str | None = None,
    theme: str | None = None,
    report_due_days: int | None = None,
) -> SaveResult:
    """The plan's facts as the user gives them (``None``: unchanged). Nothing is re-dated."""

    def change(d: PlanDraft) -> None:
        if number is not None:
            d.plan_number = number
        if issued_on is not None:
            d.plan_issued_on = issued_on
        if issuer is not None:
            d.plan_issuer = issuer
        if title is not None:
            d.plan_title = title
        if theme is not None:
            d.theme = theme
        if report_due_days is not None:
            d.report_due_days = report_due_days

    return _edit(db, year, f"Sửa thông tin kế hoạch năm {year}", change)


def set_registration_due(db: Database, year: int, due: date | None) -> SaveResult:
    def change(d: PlanDraft) -> None:
        d.registration_due = due

    return _edit(db, year, f"Sửa hạn đăng ký thi đua năm {year}", change)


def add_phase(
    db: Database,
    year: int,
    *,
    end: date | None = None,
    name: str | None = None,
    report_due: date | None = None,
    lock_date: date | None = None,
    description: str = "",
) -> PhaseDraft:
    added: list[PhaseDraft] = []

    def change(d: PlanDraft) -> None:
        added.append(
            append_phase(d, end, name=name, report_due=report_due, lock_date=lock_date, description=description)
        )

    _edit(db, year, f"Thêm đợt thi đua năm {year}", change)
    return added[0]


def remove_last_phase(db: Database, year: int, *, confirm: bool = False) -> SaveResult:
    def change(d: PlanDraft) -> None:
        if len(d.phases) <= 1:
            raise ValidationError("Năm thi đua phải có ít nhất một đợt; không xóa đợt duy nhất.")
        d.phases.pop()

    return _edit(db, year, f"Xóa đợt cuối năm {year}", change, confirm=confirm)


def set_phase(db: Database, year: int, number: int, **changes) -> PhaseDraft:
    """Change a phase (name, start, end, report_due, lock_date, description); see :func:`change_phase`."""
    changed: list[PhaseDraft] = []

    def change(d: PlanDraft) -> None:
        changed.append(change_phase(d, number, **changes))

    _edit(db, year, f"Sửa Đợt {number} năm {year}", change)
    return changed[0]


def set_report_due(db: Database, year: int, number: int, due: date) -> PhaseDraft:
    return set_phase(db, year, number, report_due=due)


def add_movement(
    db: Database, year: int, name: str, *, code: str | None = None, launched_by: str = "", description: str = ""
) -> MovementDraft:
    added: list[MovementDraft] = []

    def change(d: PlanDraft) -> None:
        wanted = (code or "").strip() or new_movement_code(d, name)
        if any(m.code == wanted for m in d.movements):
            raise ValidationError(f"Năm {year} đã có phong trào mã '{wanted}'.")
        movement = MovementDraft(wanted, name, launched_by, description)
        d.movements.append(movement)
        added.append(movement)

    _edit(db, year, f"Thêm phong trào năm {year}", change)
    return added[0]


def remove_movement(db: Database, year: int, code: str, *, confirm: bool = False) -> SaveResult:
    def change(d: PlanDraft) -> None:
        d.movements.remove(d.movement(code))

    return _edit(db, year, f"Xóa phong trào {code} năm {year}", change, confirm=confirm)


def set_movement(
    db: Database,
    year: int,
    code: str,
    *,
    name: str | None = None,
    launched_by: str | None = None,
    description: str | None = None,
    new_code: str | None = None,
) -> MovementDraft:
    changed: list[MovementDraft] = []

    def change(d: PlanDraft) -> None:
        m = d.movement(code)
        if name is not None:
            m.name = name
        if launched_by is not None:
            m.launched_by = launched_by
        if description is not None:
            m.description = description
        if new_code is not None:
            m.code = new_code
        changed.append(m)

    _edit(db, year, f"Sửa phong trào {code} năm {year}", change)
    return changed[0]


_INDICATOR_FIELDS = {f.name for f in dataclasses.fields(IndicatorDraft)} - {"is_new", "code"}


def add_indicator(db: Database, year: int, name: str, *, code: str | None = None, **fields) -> IndicatorDraft:
    unknown = set(fields) - _INDICATOR_FIELDS
    if unknown:
        raise ValueError(f"unknown indicator fields: {sorted(unknown)}")
    added: list[IndicatorDraft] = []

    def change(d: PlanDraft) -> None:
        wanted = (code or "").strip() or new_indicator_code(d)
        if any(x.code == wanted for x in d.indicators):
            raise ValidationError(f"Năm {year} đã có chỉ tiêu mã '{wanted}'.")
        indicator = IndicatorDraft(wanted, name, is_new=True, **fields)
        d.indicators.append(indicator)
        added.append(indicator)

    _edit(db, year, f"Thêm chỉ tiêu năm {year}", change)
    return added[0]


def remove_indicator(db: Database, year: int, code: str, *, confirm: bool = False) -> SaveResult:
    def change(d: PlanDraft) -> None:
        d.indicators.remove(d.indicator(code))

    return _edit(db, year, f"Xóa chỉ tiêu {code} năm {year}", change, confirm=confirm)


def set_indicator(db: Database, year: int, code: str, *, confirm: bool = False, **fields) -> SaveResult:
    """Change an indicator's fields (its code stays: the entered figures refer to it)."""
    unknown = set(fields) - _INDICATOR_FIELDS
    if unknown:
        raise ValueError(f"unknown indicator fields: {sorted(unknown)}")

    def change(d: PlanDraft) -> None:
        x = d.indicator(code)
        for key, value in fields.items():
            setattr(x, key, value)
        if "plan_target" in fields and "plan_target_text" not in fields:
            x.plan_target_text = ""  # made again from the new figure

    return _edit(db, year, f"Sửa chỉ tiêu {code} năm {year}", change, confirm=confirm)
