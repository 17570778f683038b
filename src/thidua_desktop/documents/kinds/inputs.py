"""Plain inputs of the document builders (the services fill them from the store).

Identifiers are UUIDs as 32 hex digits (``uuid.hex``): they go into the ``_du_lieu`` sheet as
each record's stable id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Context:
    """Who issues the document, under which number, signed by whom."""

    unit_id: str
    unit_name: str  # "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    unit_code: str
    issuer_code: str  # "CĐCS"
    upper_union: str  # "LĐLĐ huyện Gia Viễn"
    place_name: str
    employer_name: str
    code: str  # "05/BC-CĐCS"
    number: int
    issued_on: date
    year: int
    signer_lines: tuple[str, ...]  # ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH")
    signer_name: str
    phase: int | None = None
    version: int | None = None
    report_id: str | None = None
    report_kind: str | None = None
    generated_at: str = ""
    generator: str = ""
    unit_sector: str = ""  # "state" | "non_state"
    unit_kind: str = ""  # core.applicability.UNIT_KINDS, "" = not said
    report_recipient: str = ""  # the body that receives reports ("Kính gửi"); "" = the upper union


@dataclass(frozen=True)
class PlanRef:
    """The upper union's plan the CĐCS carries out (Kế hoạch 02/KH-LĐLĐ …)."""

    number: str
    issuer: str
    issued_on: date | None
    title: str
    theme: str
    rule_set: str
    registration_due: date | None
    # the year's rule set: document kind → its "Căn cứ …;" lines (services.rules.citation_lines)
    citations: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def citation_lines(self, kind: str) -> tuple[str, ...]:
        return next((lines for k, lines in self.citations if k == kind), ())

    @property
    def has_citation(self) -> bool:
        """The upper union's plan can be cited: its number, date and issuer are all entered."""
        return bool(self.number.strip() and self.issued_on and self.issuer.strip())


@dataclass(frozen=True)
class PhaseRef:
    number: int
    name: str
    start: date
    end: date
    report_due: date


@dataclass(frozen=True)
class MovementRef:
    id: str
    code: str
    name: str
    launched_by: str


@dataclass(frozen=True)
class TitleRef:
    code: str
    name: str


@dataclass(frozen=True)
class ResultRef:
    id: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class IndicatorLine:
    indicator_id: str
    code: str
    name: str
    unit: str
    kind: str  # count | percent | money | yesno
    registration_id: str | None
    registered: Decimal | None
    note: str = ""
    results: dict[int, ResultRef] = field(default_factory=dict)  # phase number → cumulative result
    upper_target: str = ""  # the upper union's (the plan's) target as worded, never the unit's own
    applies_to: str = ""  # sectors / unit kinds it applies to (core.applicability); "" = every unit


@dataclass(frozen=True)
class RegisteredTitle:
    registration_id: str
    code: str
    name: str


@dataclass(frozen=True)
class PersonLine:
    person_id: str
    full_name: str
    gender: str
    position: str
    group: str
    titles: tuple[RegisteredTitle, ...]
    planned_initiative: str = ""
    initiative_id: str | None = None
    born: str = ""  # "29/06/1979" or "1979": tells namesakes apart in the annex


@dataclass(frozen=True)
class CollectiveRef:
    id: str
    registered_on: date | None
    signature_content: str
    commitments: str
    movements: tuple[MovementRef, ...]
    titles: tuple[TitleRef, ...]


@dataclass(frozen=True)
class AuthorRef:
    id: str
    person_id: str | None
    name: str
    share: Decimal
    workplace: str = ""


@dataclass(frozen=True)
class InitiativeLine:
    id: str
    year: int
    phase: int | None
    title: str
    field: str
    authors: tuple[AuthorRef, ...]
    first_applied_on: date | None
    trial: bool
    benefit: Decimal | None
    social_benefit: str
    status: str  # registered | applying | recognised | refused
    level: str | None
    decision_number: str
    decision_date: date | None
    decision_issuer: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionRef:
    key: str
    heading: str
    text: str
    level: int = 1


@dataclass(frozen=True)
class ReportRef:
    id: str
    kind: str  # midyear | year
    phase: int
    version: int
    title: str
    status: str
    sections: tuple[SectionRef, ...]


@dataclass(frozen=True)
class MeetingRef:
    id: str
    held_on: date | None
    place: str
    chair: str
    secretary: str
    attendance_total: int | None
    attendance_present: int | None
    notes: str


@dataclass(frozen=True)
class ReviewLine:
    id: str
    person_id: str | None  # None: the collective
    name: str
    group: str
    title_code: str
    title_name: str
    registered: bool
    achieved: bool | None
    votes_for: int | None
    votes_total: int | None
    note: str = ""


@dataclass(frozen=True)
class ProposalLine:
    id: str
    person_id: str | None  # None: a collective
    name: str
    position: str  # chức vụ, đơn vị công tác (or the collective's description)
    award_code: str
    award_name: str
    level: str  # own | upper
    summary: str
    decision_number: str = ""
    decision_date: date | None = None

    @property
    def is_collective(self) -> bool:
        return self.person_id is None
