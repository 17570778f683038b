"""Use cases for the initiatives register (sổ sáng kiến)."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from thidua_desktop.core import initiatives as core, safe_names, vntext
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    Attachment,
    EmulationYear,
    IndividualRegistration,
    Initiative,
    InitiativeAuthor,
    Person,
    Unit,
)

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class InitiativeRow:
    """One line of the register, with everything the filters and the search need."""

    id: str
    year: int
    phase_number: int | None
    title: str
    field: str
    authors: str
    author_ids: frozenset[str]
    status: str
    recognition_level: str | None
    decision: str
    economic_benefit: Decimal | None
    tags: tuple[str, ...]
    search_key: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    filename: str
    size: int
    media_type: str
    path: Path


@dataclass
class InitiativeFilter:
    year: int | None = None
    phase_number: int | None = None
    status: str | None = None
    level: str | None = None
    field: str | None = None
    author_id: str | None = None
    tag: str | None = None
    text: str = ""

    def accepts(self, row: InitiativeRow) -> bool:
        return (
            (self.year is None or row.year == self.year)
            and (self.phase_number is None or row.phase_number == self.phase_number)
            and (self.status is None or row.status == self.status)
            and (self.level is None or row.recognition_level == self.level)
            and (self.field is None or row.field == self.field)
            and (self.author_id is None or self.author_id in row.author_ids)
            and (self.tag is None or self.tag in row.tags)
            and vntext.matches(self.text, row.search_key)
        )


@dataclass(frozen=True)
class Totals:
    count: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    benefit: Decimal = Decimal(0)
    recognised_benefit: Decimal = Decimal(0)


def totals(rows: list[InitiativeRow]) -> Totals:
    return Totals(
        count=len(rows),
        by_status=dict(Counter(r.status for r in rows)),
        by_level=dict(Counter(r.recognition_level for r in rows if r.status == "recognised")),
        benefit=sum((r.economic_benefit or Decimal(0) for r in rows), Decimal(0)),
        recognised_benefit=sum(
            (r.economic_benefit or Decimal(0) for r in rows if r.status == "recognised"), Decimal(0)
        ),
    )


def _name(person: Person) -> str:
    return vntext.join_name(person.family_middle, person.given_name)


def list_initiatives(db: Database, flt: InitiativeFilter | None = None) -> list[InitiativeRow]:
    """The register's rows, read with two Core queries (no ORM objects: 5,000 rows open fast).

    Filters run in Python over the rows; a screen keeps the rows and filters them per keystroke.
    """
    hex_id = type_coerce(Initiative.id, String)
    with db.engine.connect() as conn:
        authors: dict[str, list[tuple[str, str | None]]] = {}
        person_name = func.trim(func.coalesce(Person.family_middle, "") + " " + Person.given_name)
        for initiative_id, person_id, outside, name in conn.execute(
            select(
                type_coerce(InitiativeAuthor.initiative_id, String),
                type_coerce(InitiativeAuthor.person_id, String),
                InitiativeAuthor.outside_name,
                person_name,
            )
            .outerjoin(Person, Person.id == InitiativeAuthor.person_id)
            .order_by(InitiativeAuthor.initiative_id, InitiativeAuthor.ordinal)
        ):
            authors.setdefault(initiative_id, []).append((name if person_id else outside, person_id))
        rows = []
        for rid, year, phase, title, field_, status, level, number, decided, benefit, tags, key in conn.execute(
            select(
                hex_id,
                Initiative.year,
                Initiative.phase_number,
                Initiative.title,
                Initiative.field,
                Initiative.status,
                Initiative.recognition_level,
                Initiative.decision_number,
                Initiative.decision_date,
                Initiative.economic_benefit,
                Initiative.tags,
                Initiative.search_key,
            ).order_by(Initiative.year.desc(), Initiative.created_at)
        ):
            mine = authors.get(rid, [])
            decision = number + (f" ngày {vntext.format_date(decided)}" if number and decided else "")
            rows.append(
                InitiativeRow(
                    id=rid,
                    year=year,
                    phase_number=phase,
                    title=title,
                    field=field_,
                    authors=", ".join(name or "" for name, _ in mine),
                    author_ids=frozenset(pid for _, pid in mine if pid),
                    status=status,
                    recognition_level=level,
                    decision=decision,
                    economic_benefit=benefit,
                    tags=tuple(tags or ()),
                    search_key=key,
                )
            )
    return [r for r in rows if flt.accepts(r)] if flt else rows


def _unit_id(session: Session) -> uuid.UUID:
    unit_id = session.scalar(select(Unit.id).limit(1))
    if unit_id is None:
        raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
    return unit_id


def _load(session: Session, initiative_id: str) -> Initiative:
    record = session.get(
        Initiative,
        uuid.UUID(str(initiative_id)),
        options=[selectinload(Initiative.authors), selectinload(Initiative.attachments)],
    )
    if record is None:
        raise NotFoundError("Không tìm thấy sáng kiến này.")
    return record


def _draft(record: Initiative, names: dict[uuid.UUID, str]) -> InitiativeDraft:
    return InitiativeDraft(
        id=record.id.hex,
        title=record.title,
        year=record.year,
        phase_number=record.phase_number,
        field=record.field,
        investor=record.investor,
        first_applied_on=record.first_applied_on,
        trial=record.trial,
        description=record.description,
        conditions=record.conditions,
        economic_benefit=record.economic_benefit,
        social_benefit=record.social_benefit,
        status=record.status,
        refusal_reason=record.refusal_reason,
        recognition_level=record.recognition_level,
        decision_number=record.decision_number,
        decision_date=record.decision_date,
        decision_issuer=record.decision_issuer,
        tags=list(record.tags or []),
        authors=[
            AuthorDraft(
                share=a.share,
                person_id=a.person_id.hex if a.person_id else None,
                person_name=names.get(a.person_id, "") if a.person_id else "",
                outside_name=a.outside_name,
                outside_workplace=a.outside_workplace,
                category=a.category,
            )
            for a in record.authors
        ],
    )


def get_initiative(db: Database, initiative_id: str) -> InitiativeDraft:
    with db.reading() as session:
        record = _load(session, initiative_id)
        ids = [a.person_id for a in record.authors if a.person_id]
        names = {p.id: _name(p) for p in session.scalars(select(Person).where(Person.id.in_(ids)))} if ids else {}
        return _draft(record, names)


def _check(session: Session, draft: InitiativeDraft, today: date | None) -> tuple[list[str], dict[str, Person]]:
    """Every problem of one draft against the database (roster, the year's phases); fills author names."""
    people: dict[str, Person] = {}
    problems: list[str] = []
    for author in draft.authors:
        if author.person_id:
            person = session.get(Person, uuid.UUID(author.person_id))
            if person is None:
                problems.append("Một tác giả không còn trong danh sách người lao động.")
                continue
            people[author.person_id] = person
            author.person_name = _name(person)
    problems = core.validate(draft, today=today) + problems
    if draft.phase_number is not None:
        year = session.scalars(select(EmulationYear).where(EmulationYear.year == draft.year)).first()
        if year is not None and draft.phase_number not in {p.number for p in year.phases}:
            problems.append(f"Năm {draft.year} không có Đợt {draft.phase_number}.")
    return problems, people


def _write(session: Session, draft: InitiativeDraft, unit_id: uuid.UUID | None = None, new_id=uuid.uuid4) -> Initiative:
    """Write one checked draft (create or update); ``new_id`` makes the ids of new rows."""
    if draft.id:
        record = _load(session, draft.id)
        if record.authors:
            record.authors.clear()
            session.flush()
    else:
        record = Initiative(id=new_id(), unit_id=unit_id or _unit_id(session), title=draft.title, year=draft.year)
        session.add(record)
    for name in (
        "title",
        "year",
        "phase_number",
        "field",
        "investor",
        "first_applied_on",
        "trial",
        "description",
        "conditions",
        "economic_benefit",
        "social_benefit",
        "status",
        "refusal_reason",
        "recognition_level",
        "decision_number",
        "decision_date",
        "decision_issuer",
    ):
        value = getattr(draft, name)
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    if record.status != "refused":
        record.refusal_reason = ""
    record.tags = [vntext.nfc(t) for t in draft.tags if vntext.nfc(t)]
    for ordinal, author in enumerate(draft.authors):
        record.authors.append(
            InitiativeAuthor(
                id=new_id(),
                person_id=uuid.UUID(author.person_id) if author.person_id else None,
                outside_name="" if author.person_id else vntext.nfc(author.outside_name),
                outside_workplace=vntext.nfc(author.outside_workplace),
                share=author.share,
                category=author.category,
                ordinal=ordinal,
            )
        )
    author_names = " ".join(a.display_name for a in draft.authors)
    record.search_key = vntext.search_key(
        " ".join([record.title, record.field, author_names, record.decision_number, " ".join(record.tags)])
    )
    return record


def save_initiative(db: Database, draft: InitiativeDraft, *, today: date | None = None) -> InitiativeDraft:
    """Create or update an initiative with its authors, all or nothing."""
    with db.transaction(f"Lưu sáng kiến: {vntext.nfc(draft.title)[:80]}") as session:
        problems, people = _check(session, draft, today)
        if problems:
            raise ValidationError("\n".join(problems))
        record = _write(session, draft)
        session.flush()
        return _draft(record, {p.id: _name(p) for p in people.values()})


def save_many(
    session: Session,
    drafts: Sequence[InitiativeDraft],
    *,
    today: date | None = None,
    labels: Sequence[str] | None = None,
    new_id=uuid.uuid4,
) -> list[Initiative]:
    """Check every draft, then write them all in ``session`` (the caller's one transaction).

    Nothing is written when any draft has a problem: the :class:`ValidationError` lists them
    all, each prefixed with its label ("Dòng 7: …") when ``labels`` are given.
    """
    problems: list[str] = []
    for i, draft in enumerate(drafts):
        found, _ = _check(session, draft, today)
        label = labels[i] if labels is not None else f"Sáng kiến '{vntext.nfc(draft.title)[:60]}'"
        problems += [f"{label}: {p}" for p in found]
    if problems:
        raise ValidationError("\n".join(problems))
    unit_id = _unit_id(session) if drafts else None
    records = [_write(session, draft, unit_id, new_id) for draft in drafts]
    session.flush()
    return records


def save_initiatives(
    db: Database,
    drafts: Sequence[InitiativeDraft],
    *,
    today: date | None = None,
    labels: Sequence[str] | None = None,
    action: str = "Lưu nhiều sáng kiến",
) -> list[InitiativeDraft]:
    """Create or update many initiatives in one transaction: all of them, or none (an import)."""
    with db.transaction(action) as session:
        records = save_many(session, drafts, today=today, labels=labels)
        ids = {a.person_id for r in records for a in r.authors if a.person_id}
        names = {p.id: _name(p) for p in session.scalars(select(Person).where(Person.id.in_(ids)))} if ids else {}
        return [_draft(r, names) for r in records]


def delete_initiative(db: Database, initiative_id: str, paths=None) -> None:
    with db.transaction("Xóa sáng kiến") as session:
        record = _load(session, initiative_id)
        stored = [a.id.hex for a in record.attachments]
        session.delete(record)
    if paths is not None:
        for name in stored:
            (paths.attachments / name).unlink(missing_ok=True)


def suggest_category(db: Database, person_id: str) -> str:
    with db.reading() as session:
        person = session.get(Person, uuid.UUID(person_id))
        if person is None:
            raise NotFoundError("Không tìm thấy người này.")
        return core.default_category(person.position, person.education)


# --- attachments ----------------------------------------------------------------------------


def add_attachment(db: Database, paths, initiative_id: str, source: Path) -> AttachmentInfo:
    """Copy a file into the data folder and record it; refused past the size limit.

    A symbolic link is refused (its target, which may be anything on the computer, is never
    copied); the name kept is made safe for Windows and Linux (core.safe_names), and the copy
    itself is stored under the attachment's id."""
    source = Path(source)
    if source.is_symlink():
        raise ValidationError(
            f"Tệp {safe_names.safe_file_name(source.name)} là liên kết (symbolic link/shortcut) "
            "tới một tệp khác; hãy chọn chính tệp cần đính kèm."
        )
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise OSError
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp đính kèm {source}.") from exc
    filename = safe_names.safe_file_name(source.name, "tep-dinh-kem")
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"Tệp {source.name} có dung lượng {vntext.format_number(size / 1024 / 1024, 1)} MB, vượt giới hạn "
            f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB cho mỗi tệp đính kèm. Hãy quét lại với độ phân giải thấp hơn "
            "hoặc nén tệp."
        )
    if size == 0:
        raise ValidationError(f"Tệp {source.name} rỗng.")
    paths.attachments.mkdir(parents=True, exist_ok=True)
    attachment_id = uuid.uuid4()
    target = paths.attachments / attachment_id.hex
    digest = hashlib.sha256()
    try:
        # O_NOFOLLOW: a link swapped in after the check above is refused by the system too
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as src, (target.with_suffix(".part")).open("wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                dst.write(chunk)
        target.with_suffix(".part").replace(target)
    except OSError as exc:
        target.with_suffix(".part").unlink(missing_ok=True)
        raise ValidationError(
            f"Không đọc được tệp đính kèm {filename} (không có quyền đọc, tệp đang bị khóa "
            "hoặc là liên kết tới tệp khác)."
        ) from exc
    media = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    try:
        with db.transaction(f"Đính kèm tệp {filename}") as session:
            record = _load(session, initiative_id)
            record.attachments.append(
                Attachment(id=attachment_id, filename=filename, size=size, sha256=digest.hexdigest(), media_type=media)
            )
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return AttachmentInfo(attachment_id.hex, filename, size, media, target)


def list_attachments(db: Database, paths, initiative_id: str) -> list[AttachmentInfo]:
    with db.reading() as session:
        record = _load(session, initiative_id)
        return [
            AttachmentInfo(
                a.id.hex,
                safe_names.safe_file_name(a.filename, "tep-dinh-kem"),
                a.size,
                a.media_type,
                paths.attachments / a.id.hex,
            )  # a name kept by an older version made safe too
            for a in record.attachments
        ]


def remove_attachment(db: Database, paths, attachment_id: str) -> None:
    with db.transaction("Gỡ tệp đính kèm") as session:
        record = session.get(Attachment, uuid.UUID(attachment_id))
        if record is None:
            raise NotFoundError("Tệp đính kèm không còn.")
        session.delete(record)
    (paths.attachments / uuid.UUID(attachment_id).hex).unlink(missing_ok=True)


def export_attachment(db: Database, paths, attachment_id: str, target: Path) -> Path:
    with db.reading() as session:
        record = session.get(Attachment, uuid.UUID(attachment_id))
        if record is None:
            raise NotFoundError("Tệp đính kèm không còn.")
        stored = paths.attachments / record.id.hex
        expected = record.sha256
    if not stored.is_file() or hashlib.sha256(stored.read_bytes()).hexdigest() != expected:
        raise ValidationError("Tệp đính kèm trong thư mục dữ liệu bị thiếu hoặc đã bị thay đổi.")
    target = Path(target)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:  # written beside, then renamed: a link at the target is replaced, never written through
        partial.write_bytes(stored.read_bytes())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def save_attachment_copy(db: Database, paths, attachment_id: str, folder: Path) -> Path:
    """ "Save a copy" into ``folder`` under the attachment's safe name, never over another file
    (``name (2).pdf`` …)."""
    with db.reading() as session:
        record = session.get(Attachment, uuid.UUID(attachment_id))
        if record is None:
            raise NotFoundError("Tệp đính kèm không còn.")
        name = safe_names.safe_file_name(record.filename, "tep-dinh-kem")
    folder = Path(folder)
    stem, suffix = os.path.splitext(name)
    target, n = folder / name, 2
    while target.exists() or target.is_symlink():
        target, n = folder / f"{stem} ({n}){suffix}", n + 1
    return export_attachment(db, paths, attachment_id, target)


def viewer_copy(db: Database, paths, attachment_id: str) -> Path:
    """A checked copy of an attachment in a new temporary folder, for the system's viewer to open:
    the stored file itself is never handed to another program."""
    import tempfile

    return save_attachment_copy(db, paths, attachment_id, Path(tempfile.mkdtemp(prefix="thidua-dinh-kem-")))


# --- Bằng Lao động sáng tạo and links ------------------------------------------------------


def _contributions(session: Session, first_year: int, last_year: int) -> list[core.Contribution]:
    records = session.scalars(
        select(Initiative)
        .options(selectinload(Initiative.authors))
        .where(
            Initiative.status == "recognised",
            Initiative.year.between(first_year, last_year),
            Initiative.economic_benefit.is_not(None),
        )
    ).all()
    ids = {a.person_id for r in records for a in r.authors if a.person_id}
    names = {p.id: _name(p) for p in session.scalars(select(Person).where(Person.id.in_(ids)))} if ids else {}
    return [
        core.Contribution(
            author_key=a.person_id.hex if a.person_id else f"ngoai:{vntext.search_key(a.outside_name)}",
            author_name=names.get(a.person_id, "") if a.person_id else a.outside_name,
            category=a.category,
            year=r.year,
            benefit=r.economic_benefit,
            share=a.share,
            initiative_title=r.title,
        )
        for r in records
        for a in r.authors
    ]


def ldst_candidates(db: Database, year: int) -> list[core.Candidate]:
    with db.reading() as session:
        record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        rules = {r.key: r.value for r in record.rules}
        window = int(rules.get(core.RULE_WINDOW, Decimal(3)))
        contributions = _contributions(session, year - window + 1, year)
    return core.ldst_candidates(year, contributions, rules)


def person_initiatives(db: Database, person_id: str) -> list[InitiativeRow]:
    return list_initiatives(db, InitiativeFilter(author_id=uuid.UUID(str(person_id)).hex))


def count_recognised(db: Database, start: date, end: date) -> int:
    """Initiatives recognised by a decision dated within [start, end]: the indicator's source."""
    with db.reading() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Initiative)
                .where(Initiative.status == "recognised", Initiative.decision_date.between(start, end))
            )
            or 0
        )


def link_registration(db: Database, year: int, person_id: str, initiative_id: str | None) -> None:
    """Point a person's CSTĐCS (or any) registration of the year at one of their initiatives."""
    with db.transaction("Gắn sáng kiến với đăng ký thi đua") as session:
        year_record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
        if year_record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        pid = uuid.UUID(str(person_id))
        regs = session.scalars(
            select(IndividualRegistration).where(
                IndividualRegistration.year_id == year_record.id, IndividualRegistration.person_id == pid
            )
        ).all()
        if not regs:
            raise NotFoundError("Người này chưa đăng ký danh hiệu nào trong năm.")
        title = None
        if initiative_id is not None:
            record = _load(session, initiative_id)
            if pid not in {a.person_id for a in record.authors}:
                raise ValidationError("Chỉ gắn được sáng kiến mà người này là tác giả.")
            title = record.title
        for reg in regs:
            reg.initiative_id = record.id if initiative_id is not None else None
            if title and not reg.planned_initiative:
                reg.planned_initiative = title


# --- what the page and the dialog choose from ------------------------------------------------


def author_names(db: Database) -> dict[str, str]:
    """Person id → full name of every roster person who is an author of some initiative, in roster
    order (the register's author filter)."""
    with db.reading() as session:
        rows = session.execute(
            select(Person.id, Person.family_middle, Person.given_name)
            .where(Person.id.in_(select(InitiativeAuthor.person_id).where(InitiativeAuthor.person_id.is_not(None))))
            .order_by(Person.sort_key)
        )
        return {pid.hex: vntext.join_name(fm, given) for pid, fm, given in rows}


@dataclass
class FormChoices:
    """What the initiative dialog offers: the phases of every year, the fields and tags in use."""

    phases: dict[int, list[tuple[int, str]]]  # year → (phase number, name)
    fields: list[str]
    tags: list[str]


def form_choices(db: Database) -> FormChoices:
    with db.reading() as session:
        phases = {
            record.year: sorted((p.number, p.name) for p in record.phases)
            for record in session.scalars(select(EmulationYear).options(selectinload(EmulationYear.phases)))
        }
        fields = sorted({f for f in session.scalars(select(Initiative.field).distinct()) if f}, key=vntext.sort_key)
        tags = sorted(
            {t for tags in session.scalars(select(Initiative.tags)) for t in (tags or ())}, key=vntext.sort_key
        )
    return FormChoices(phases, fields, tags)


@dataclass
class YearPart:
    """The part of a year's plan that concerns initiatives (sáng kiến)."""

    indicators: list  # dto.IndicatorInfo
    titles: list  # dto.TitleInfo
    thresholds: list  # dto.RuleInfo


# The plan ties initiatives to the movement "Lao động giỏi, Lao động sáng tạo" and to two
# computed indicators; the Bằng Lao động sáng tạo thresholds are the rules named ldst_*.
_INITIATIVE_MOVEMENT = "LDG_LDST"
_INITIATIVE_SOURCES = {"initiatives_recognised", "ldst_authors"}
_THRESHOLD_PREFIX = "ldst_"


def year_part(db: Database, year: int) -> YearPart:
    from thidua_desktop.services import year as years_service

    detail = years_service.get_year(db, year)
    return YearPart(
        indicators=[
            i
            for i in detail.indicators
            if i.movement_code == _INITIATIVE_MOVEMENT or i.computed_from in _INITIATIVE_SOURCES
        ],
        titles=[t for t in detail.titles if t.requires_initiative],
        thresholds=[r for r in detail.rules if r.key.startswith(_THRESHOLD_PREFIX)],
    )
