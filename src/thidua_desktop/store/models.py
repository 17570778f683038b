"""SQLAlchemy 2 models: the persistent shape of a union's data.

Every record carries a UUID primary key so that files from many CĐCS can be merged by the
upper level without clashes. Text columns are NFC-normalised before they are written
(see ``store.hooks``). The first released schema is frozen in
``tests/fixtures/schema_0001.sqlite``: change this file only together with a new Alembic
revision.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """Columns every business record has."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Unit(Record):
    """The CĐCS itself (đơn vị): the profile printed in every document header."""

    __tablename__ = "unit"

    code: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(String(300))
    issuer_code: Mapped[str] = mapped_column(String(40), default="CĐCS")
    upper_union: Mapped[str] = mapped_column(String(300), default="")
    upper_union_parent: Mapped[str] = mapped_column(String(300), default="")
    place_name: Mapped[str] = mapped_column(String(120), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    upper_union_email: Mapped[str] = mapped_column(String(200), default="")
    employer_name: Mapped[str] = mapped_column(String(300), default="")
    sector: Mapped[str] = mapped_column(String(20), default="non_state")
    # what kind of unit it is (core.applicability.UNIT_KINDS; "" = not said, the sector decides)
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # the body that receives the CĐCS's reports ("Kính gửi"); "" = the direct upper union
    report_recipient: Mapped[str] = mapped_column(String(300), default="", server_default="")

    officers: Mapped[list[Officer]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="Officer.ordinal"
    )
    years: Mapped[list[EmulationYear]] = relationship(back_populates="unit", cascade="all, delete-orphan")


class Officer(Record):
    """Chairperson or a deputy (chủ tịch, phó chủ tịch) who may sign documents."""

    __tablename__ = "officer"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # "chair" | "deputy" | "member"
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    unit: Mapped[Unit] = relationship(back_populates="officers")


class EmulationYear(Record):
    """One year of the emulation movement (năm thi đua) under one plan."""

    __tablename__ = "emulation_year"
    __table_args__ = (UniqueConstraint("unit_id", "year", name="unit_year"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    plan_key: Mapped[str] = mapped_column(String(120), default="")
    plan_number: Mapped[str] = mapped_column(String(60), default="")
    plan_issuer: Mapped[str] = mapped_column(String(300), default="")
    plan_issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    plan_title: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(Text, default="")
    rule_set: Mapped[str] = mapped_column(String(300), default="")
    registration_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    report_due_days: Mapped[int] = mapped_column(Integer, default=5)
    # the rule set in force for the year (resources/rules/*.toml or an imported one); "" = by year
    rule_set_key: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # how the year was started: "template" (a dated built-in plan), "standard" (the blank standard
    # template), "package" (the upper union's plan package), "copy" (last year's year)
    plan_source: Mapped[str] = mapped_column(String(20), default="", server_default="")

    unit: Mapped[Unit] = relationship(back_populates="years")
    phases: Mapped[list[Phase]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="Phase.number"
    )
    movements: Mapped[list[Movement]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="Movement.ordinal"
    )
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="Indicator.ordinal"
    )
    titles: Mapped[list[AwardTitle]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="AwardTitle.ordinal"
    )
    rules: Mapped[list[RuleValue]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="RuleValue.ordinal"
    )


class Phase(Record):
    """A phase of the year (đợt thi đua) with its report deadline and lock date."""

    __tablename__ = "phase"
    __table_args__ = (UniqueConstraint("year_id", "number", name="year_number"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    report_due: Mapped[date] = mapped_column(Date)
    lock_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")

    year: Mapped[EmulationYear] = relationship(back_populates="phases")


class Movement(Record):
    """An emulation movement or campaign (phong trào thi đua, cuộc vận động)."""

    __tablename__ = "movement"

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    launched_by: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    year: Mapped[EmulationYear] = relationship(back_populates="movements")


class Indicator(Record):
    """A target (chỉ tiêu): what is measured, in which unit, and how it adds up."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("year_id", "code", name="year_code"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    unit_of_measure: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(10))  # count | percent | money | yesno
    source: Mapped[str] = mapped_column(String(10))  # computed | entered
    computed_from: Mapped[str | None] = mapped_column(String(80), nullable=True)
    group: Mapped[str] = mapped_column(String(20), default="")
    levels: Mapped[str] = mapped_column(String(40), default="cdcs,upper")
    plan_target: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    plan_target_text: Mapped[str] = mapped_column(String(200), default="")
    movement_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    # which units it applies to: comma-separated sectors / unit kinds (core.applicability); "" = all
    applies_to: Mapped[str] = mapped_column(String(120), default="", server_default="")

    year: Mapped[EmulationYear] = relationship(back_populates="indicators")


class AwardTitle(Record):
    """An entry of the year's title and award catalogue (danh hiệu, hình thức khen thưởng)."""

    __tablename__ = "award_title"
    __table_args__ = (UniqueConstraint("year_id", "code", name="year_code"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(20))  # individual | collective
    category: Mapped[str] = mapped_column(String(10))  # title | award
    system: Mapped[str] = mapped_column(String(10))  # state | union
    issuer: Mapped[str] = mapped_column(String(200), default="")
    women_only: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_initiative: Mapped[bool] = mapped_column(Boolean, default=False)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    year: Mapped[EmulationYear] = relationship(back_populates="titles")


class RuleValue(Record):
    """An editable rule value (caps, thresholds): law changes, code does not."""

    __tablename__ = "rule_value"
    __table_args__ = (UniqueConstraint("year_id", "key", name="year_key"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    unit_of_measure: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(String(300), default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    # the value the rule set gives (None: not from a rule set), so the rules page shows what the
    # union changed; needs_check: the figure could not be checked against the source text
    default_value: Mapped[Decimal | None] = mapped_column(Numeric(20, 4), nullable=True)
    needs_check: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    year: Mapped[EmulationYear] = relationship(back_populates="rules")


class UnionGroup(Record):
    """A union group (tổ công đoàn)."""

    __tablename__ = "union_group"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    leader_name: Mapped[str] = mapped_column(String(200), default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)


class Person(Record):
    """A worker or member on the roster (đoàn viên, người lao động)."""

    __tablename__ = "person"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    family_middle: Mapped[str] = mapped_column(String(200), default="")  # họ đệm
    given_name: Mapped[str] = mapped_column(String(80))  # tên
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gender: Mapped[str] = mapped_column(String(1), default="")  # "M" | "F" | ""
    ethnicity: Mapped[str] = mapped_column(String(60), default="", server_default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="", server_default="")
    education: Mapped[str] = mapped_column(String(200), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(60), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    union_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("union_group.id", ondelete="SET NULL"), nullable=True, index=True
    )
    is_member: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_union_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    employed_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    sort_key: Mapped[str] = mapped_column(String(800), default="", index=True)

    # Who counts: the three rules, each in one place (the services use these, never a copy).
    @classmethod
    def at_work(cls):
        """On the roster today: has not left (the roster, its counts and exports, the union groups)."""
        return cls.left_on.is_(None)

    @classmethod
    def on_roster_during(cls, year: int):
        """On the roster at some time in ``year``: not left before 1 January (the registration and
        its documents: a person who left in March registered in January)."""
        return cls.left_on.is_(None) | (cls.left_on >= date(year, 1, 1))

    @classmethod
    def at_work_after(cls, day: date):
        """Still at work when ``day`` ends (a phase's figures and the review, counted at its end)."""
        return cls.left_on.is_(None) | (cls.left_on > day)

    @classmethod
    def employed_through(cls, day: date):
        """Hired by ``day`` and still at work when it ends: who is counted on a given date (the
        registration registers the people employed on its day; a report counts at its phase's end)."""
        return ((cls.employed_since.is_(None)) | (cls.employed_since <= day)) & cls.at_work_after(day)


class CollectiveRegistration(Record):
    """The CĐCS's own registration for a year (bản đăng ký thi đua của tập thể)."""

    __tablename__ = "collective_registration"
    __table_args__ = (UniqueConstraint("year_id", name="year"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    signature_content: Mapped[str] = mapped_column(Text, default="")  # nội dung thi đua đặc thù
    commitments: Mapped[str] = mapped_column(Text, default="")  # cam kết khác
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    movement_codes: Mapped[list] = mapped_column(JSON, default=list)  # phong trào tham gia
    title_codes: Mapped[list] = mapped_column(JSON, default=list)  # danh hiệu tập thể đăng ký


class IndicatorRegistration(Record):
    """The figure the CĐCS registers for one indicator (số đăng ký)."""

    __tablename__ = "indicator_registration"
    __table_args__ = (UniqueConstraint("year_id", "indicator_code", name="year_indicator"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class IndividualRegistration(Record):
    """A title one person registers for in a year, with the initiative they plan."""

    __tablename__ = "individual_registration"
    __table_args__ = (UniqueConstraint("year_id", "person_id", "title_code", name="year_person_title"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title_code: Mapped[str] = mapped_column(String(40))
    planned_initiative: Mapped[str] = mapped_column(Text, default="")
    initiative_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position_snapshot: Mapped[str] = mapped_column(String(200), default="")  # chức vụ when registering
    group_snapshot: Mapped[str] = mapped_column(String(200), default="")  # tổ công đoàn when registering
    note: Mapped[str] = mapped_column(Text, default="")


class Initiative(Record):
    """An initiative (sáng kiến) from registration to recognition (NĐ 13/2012 fields)."""

    __tablename__ = "initiative"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    phase_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(200), default="")  # lĩnh vực áp dụng
    investor: Mapped[str] = mapped_column(String(300), default="")  # chủ đầu tư tạo ra sáng kiến
    first_applied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    trial: Mapped[bool] = mapped_column(Boolean, default=False)  # áp dụng thử
    description: Mapped[str] = mapped_column(Text, default="")  # mô tả bản chất
    conditions: Mapped[str] = mapped_column(Text, default="")  # điều kiện cần thiết để áp dụng
    economic_benefit: Mapped[Decimal | None] = mapped_column(Numeric(18, 0), nullable=True)  # VND
    social_benefit: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="registered", index=True)
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    recognition_level: Mapped[str | None] = mapped_column(String(12), nullable=True)
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_issuer: Mapped[str] = mapped_column(String(300), default="")
    tags: Mapped[list] = mapped_column(JSON, default=list)
    search_key: Mapped[str] = mapped_column(Text, default="")

    authors: Mapped[list[InitiativeAuthor]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="InitiativeAuthor.ordinal"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Attachment.created_at"
    )


class InitiativeAuthor(Record):
    """An author of an initiative with their share (tỷ lệ đóng góp); a roster person or an outsider."""

    __tablename__ = "initiative_author"

    initiative_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    outside_name: Mapped[str] = mapped_column(String(200), default="")
    outside_workplace: Mapped[str] = mapped_column(String(300), default="")
    share: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    category: Mapped[str] = mapped_column(String(12), default="worker")  # worker | university | manager
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    initiative: Mapped[Initiative] = relationship(back_populates="authors")


class Attachment(Record):
    """A file kept with the data (scan, document); stored under ``attachments/`` by its UUID."""

    __tablename__ = "attachment"

    initiative_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")

    initiative: Mapped[Initiative] = relationship(back_populates="attachments")


class IndicatorResult(Record):
    """The result of one indicator at the end of a phase (cumulative from the start of the year).

    A rate keeps its numerator and denominator, never only the ratio, so the upper level can
    add units up. ``origin`` says where a computed figure came from.
    """

    __tablename__ = "indicator_result"
    __table_args__ = (UniqueConstraint("year_id", "indicator_code", "phase_number", name="year_indicator_phase"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(40))
    phase_number: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    numerator: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    denominator: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    source: Mapped[str] = mapped_column(String(10), default="entered")  # computed | entered
    origin: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_number: Mapped[str] = mapped_column(String(120), default="")
    evidence_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class Report(Record):
    """A phase report (báo cáo sơ kết đợt, tổng kết năm): editable sections, status, versions."""

    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("year_id", "kind", "phase_number", "version", name="year_kind_version"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # midyear | year
    phase_number: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | complete | sent
    title: Mapped[str] = mapped_column(Text, default="")
    sections: Mapped[list] = mapped_column(JSON, default=list)  # [{"key", "heading", "text"}]
    document_code: Mapped[str] = mapped_column(String(80), default="")  # "05/BC-CĐCS" once numbered
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), nullable=True)
    returned_comment: Mapped[str] = mapped_column(Text, default="")


class ReviewMeeting(Record):
    """The year-end review meeting (họp bình xét): what the minutes record."""

    __tablename__ = "review_meeting"
    __table_args__ = (UniqueConstraint("year_id", name="year"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    attendance_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attendance_present: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ReviewResult(Record):
    """Registered vs achieved title for a person, a union group (``union_group_id``), or the unit's
    collective (both empty)."""

    __tablename__ = "review_result"
    __table_args__ = (UniqueConstraint("year_id", "person_id", "title_code", name="year_person_title"),)

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=True, index=True
    )
    union_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("union_group.id", ondelete="CASCADE"), nullable=True, index=True
    )
    title_code: Mapped[str] = mapped_column(String(40))
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    achieved: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exclusions: Mapped[list] = mapped_column(JSON, default=list)  # reason codes from the rule checks
    note: Mapped[str] = mapped_column(Text, default="")


class Proposal(Record):
    """A line of the commendation proposal list (danh sách đề nghị khen thưởng) or an own award."""

    __tablename__ = "proposal"

    year_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emulation_year.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=True, index=True
    )
    collective_name: Mapped[str] = mapped_column(String(300), default="")  # when not a person
    # A union group's line: the group itself (its name above is the name it had when proposed).
    # SET NULL, not CASCADE: deleting an empty group must not erase a Giấy khen already decided.
    union_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("union_group.id", ondelete="SET NULL"), nullable=True, index=True
    )
    award_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(10), default="upper")  # own (CĐCS's Giấy khen) | upper
    summary: Mapped[str] = mapped_column(Text, default="")  # tóm tắt thành tích
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class OutgoingDocument(Record):
    """The outgoing-document register (sổ văn bản đi): one number per document, never reused."""

    __tablename__ = "outgoing_document"
    __table_args__ = (UniqueConstraint("unit_id", "register_year", "number", name="unit_year_number"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    register_year: Mapped[int] = mapped_column(Integer)  # calendar year of issue
    number: Mapped[int] = mapped_column(Integer)
    type_code: Mapped[str] = mapped_column(String(20))  # BC, KH, QĐ, TTr, BB, …
    code: Mapped[str] = mapped_column(String(80))  # "05/BC-CĐCS"
    kind: Mapped[str] = mapped_column(String(40))  # plan, registration, midyear-report, …
    subject: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[date] = mapped_column(Date)
    emulation_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    report_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), nullable=True)
    files: Mapped[list] = mapped_column(JSON, default=list)  # file names produced under that number


class OutboxMessage(Record):
    """An email waiting for the network (or sent): nothing is lost while the PC is offline."""

    __tablename__ = "outbox_message"

    to_addrs: Mapped[list] = mapped_column(JSON, default=list)
    cc_addrs: Mapped[list] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list] = mapped_column(JSON, default=list)  # [{"name", "stored", "size", "sha256"}]
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)  # queued | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    message_id: Mapped[str] = mapped_column(String(300), default="")
    report_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), nullable=True)


class AuditEntry(Base):
    """Who changed what and when. Written in the same transaction as the change itself."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(200), default="")
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    changes: Mapped[dict] = mapped_column(JSON, default=dict)


class AppSetting(Base):
    """Small key/value settings that belong with the data (not with the window)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ImportedRuleSet(Record):
    """A rule set sent by the upper union (a signed workbook), kept whole as its TOML text.

    Built-in rule sets live in ``resources/rules/``; an imported one with the same key replaces
    the built-in one for this data folder. ``content`` is the rule set as ``core.rules`` reads it.
    """

    __tablename__ = "imported_rule_set"
    __table_args__ = (UniqueConstraint("key", name="key"),)

    key: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    signer: Mapped[str] = mapped_column(String(300), default="")
    signer_fingerprint: Mapped[str] = mapped_column(String(100), default="")


# --- the upper level (issue 8): subordinate units, received workbooks, their figures ------------


class SubordinateUnit(Record):
    """A CĐCS (or a lower upper union) that reports to this upper union."""

    __tablename__ = "subordinate_unit"
    __table_args__ = (UniqueConstraint("code", name="code"),)

    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(200), default="")
    unit_uuid: Mapped[str] = mapped_column(String(32), default="")  # the CĐCS's own unit_id, once seen
    note: Mapped[str] = mapped_column(Text, default="")

    certificates: Mapped[list[UnitCertificate]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitCertificate.created_at"
    )


class UnitCertificate(Record):
    """A signer certificate the upper union trusts for one subordinate unit."""

    __tablename__ = "unit_certificate"
    __table_args__ = (UniqueConstraint("unit_id", "fingerprint", name="unit_fingerprint"),)

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subordinate_unit.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(80))  # SHA-256, groups of four hex digits
    subject: Mapped[str] = mapped_column(String(300), default="")
    pem: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(String(20), default="manual")  # manual | first_receipt

    unit: Mapped[SubordinateUnit] = relationship(back_populates="certificates")


class ReceivedFile(Record):
    """A workbook taken in (or set aside, with the reason); the stored copy is under the data folder."""

    __tablename__ = "received_file"

    unit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subordinate_unit.id", ondelete="SET NULL"), nullable=True, index=True
    )
    unit_code: Mapped[str] = mapped_column(String(40), default="")  # as the file says
    unit_name: Mapped[str] = mapped_column(String(300), default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(40), default="")  # registration | midyear-report | …
    phase: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    document_code: Mapped[str] = mapped_column(String(80), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    generated_at: Mapped[str] = mapped_column(String(40), default="")
    original_name: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    stored_path: Mapped[str] = mapped_column(String(400), default="")  # relative to the data folder
    signer: Mapped[str] = mapped_column(String(300), default="")
    signer_fingerprint: Mapped[str] = mapped_column(String(80), default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default="accepted", index=True)  # accepted | set_aside
    reason: Mapped[str] = mapped_column(Text, default="")
    superseded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("received_file.id", ondelete="SET NULL"), nullable=True
    )


class ReceivedIndicator(Record):
    """One indicator row of a received workbook's ``_du_lieu`` sheet, kept for consolidation."""

    __tablename__ = "received_indicator"

    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("received_file.id", ondelete="CASCADE"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(40))
    indicator_name: Mapped[str] = mapped_column(Text, default="")
    unit_of_measure: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(10))  # count | percent | money | yesno
    measure: Mapped[str] = mapped_column(String(12))  # registered | result
    phase: Mapped[int | None] = mapped_column(Integer, nullable=True)
    value: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    numerator: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
    denominator: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), nullable=True)
