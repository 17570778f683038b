"""Plain values the services hand to the GUI and the command line (no ORM objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID


@dataclass
class OfficerInfo:
    full_name: str
    role: str = "deputy"  # "chair" | "deputy"
    position: str = ""


@dataclass
class UnitProfile:
    name: str
    issuer_code: str = "CĐCS"
    upper_union: str = ""
    upper_union_parent: str = ""
    place_name: str = ""
    code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    upper_union_email: str = ""
    employer_name: str = ""
    sector: str = "non_state"  # "state" | "non_state"
    kind: str = ""  # core.applicability.UNIT_KINDS; "" = not said (the sector decides)
    report_recipient: str = ""  # the body that receives reports ("Kính gửi"); "" = the direct upper union
    officers: list[OfficerInfo] = field(default_factory=list)
    id: UUID | None = None

    @property
    def chair(self) -> OfficerInfo | None:
        return next((o for o in self.officers if o.role == "chair"), None)

    def with_kind(self, kind: str) -> "UnitProfile":
        """Set the kind of unit; a known kind sets the sector too (saving a kind sets the sector)."""
        from thidua_desktop.core.applicability import sector_of_kind

        self.kind = kind
        self.sector = sector_of_kind(kind) or self.sector
        return self

    @property
    def deputies(self) -> list[OfficerInfo]:
        return [o for o in self.officers if o.role == "deputy"]


@dataclass(frozen=True)
class PhaseInfo:
    number: int
    name: str
    start: date
    end: date
    report_due: date
    lock_date: date
    description: str = ""


@dataclass(frozen=True)
class MovementInfo:
    code: str
    name: str
    launched_by: str
    description: str


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit_of_measure: str
    kind: str
    source: str
    computed_from: str | None
    group: str
    levels: tuple[str, ...]
    plan_target: Decimal | None
    plan_target_text: str
    movement_code: str | None
    applies_to: tuple[str, ...] = ()  # sectors / unit kinds (core.applicability); () = every unit


@dataclass(frozen=True)
class TitleInfo:
    code: str
    name: str
    subject: str
    category: str
    system: str
    issuer: str
    women_only: bool
    requires_initiative: bool


@dataclass(frozen=True)
class RuleInfo:
    key: str
    value: Decimal
    unit_of_measure: str
    description: str
    basis: str


@dataclass(frozen=True)
class YearSummary:
    year: int
    plan_number: str
    plan_issuer: str
    plan_title: str
    registration_due: date | None
    phase_count: int
    plan_source: str = ""  # "template" | "standard" | "package" | "copy" | ""

    @property
    def has_plan_citation(self) -> bool:
        return bool(self.plan_number and self.plan_issuer)


@dataclass(frozen=True)
class YearDetail:
    year: int
    plan_key: str
    plan_number: str
    plan_issuer: str
    plan_issued_on: date | None
    plan_title: str
    theme: str
    rule_set: str
    registration_due: date | None
    report_due_days: int
    phases: tuple[PhaseInfo, ...]
    movements: tuple[MovementInfo, ...]
    indicators: tuple[IndicatorInfo, ...]
    titles: tuple[TitleInfo, ...]
    rules: tuple[RuleInfo, ...]
    plan_source: str = ""  # "template" | "standard" | "package" | "copy" | ""

    @property
    def has_plan_citation(self) -> bool:
        """Whether the upper union's plan is known well enough to be cited (number, date, issuer)."""
        return bool(self.plan_number and self.plan_issuer and self.plan_issued_on)

    def missing_plan_facts(self) -> list[str]:
        """What the union still has to enter before a document may cite the plan (Vietnamese)."""
        missing = []
        if not self.plan_number:
            missing.append("số kế hoạch")
        if not self.plan_issued_on:
            missing.append("ngày ban hành kế hoạch")
        if not self.plan_issuer:
            missing.append("cơ quan ban hành kế hoạch")
        if not self.plan_title:
            missing.append("tên (trích yếu) kế hoạch")
        return missing


@dataclass(frozen=True)
class PersonRow:
    id: str  # the UUID as 32 hex digits: uuid.UUID(row.id) when needed (listing 20k rows is faster)
    family_middle: str
    given_name: str
    birth_date: date | None
    birth_year: int | None
    gender: str
    position: str
    group_name: str
    is_member: bool
    joined_union_on: date | None
    search_key: str
    left_on: date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.family_middle} {self.given_name}".strip()


@dataclass
class YearOverview:
    """What Tổng quan shows for one year: its plan, its timeline and the people counted."""

    detail: YearDetail
    events: list  # core.timeline.TimelineEvent
    phases: list  # core.timeline.PhaseInput
    counts: dict[str, int]
