"""The initiatives register in and out of Excel, and authors found on the roster.

Import (all or nothing)::

    preview = preview_file(db, path)          # read, match authors, validate; nothing written
    for p in preview.problems: show(p)        # file, sheet, row, column, Vietnamese message
    if preview.can_commit:
        commit(db, preview)                   # one transaction: every row, or none

A row updates the initiative of the same year whose title has the same search key
(diacritics, case and spacing ignored), so importing a file twice changes nothing; the other
initiatives of the register are left alone. On an update, columns missing from the file keep
their stored values, and an author who stays keeps their LĐST category (đối tượng).

Authors are matched to the roster by full name (diacritic-insensitive, exact) and, when given,
by birth date or year (:class:`RosterIndex`); the author-cell convention is described in
:mod:`thidua_desktop.exchange.initiatives_io`.

Export gathers the rows; :mod:`thidua_desktop.exchange.initiatives_export` writes them: the same
columns (so the file imports back), real numbers (``#,##0``) and dates, text with ``write_string``
(never a formula), A4 landscape with the header row repeated.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from thidua_desktop import clock
from thidua_desktop.core import initiatives as core, vntext
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.exchange.initiatives_io import AuthorSpec, SheetRead, read_initiatives
from thidua_desktop.exchange.table_reading import Problem
from thidua_desktop.services import initiatives as service, year as year_service
from thidua_desktop.services.dto import UnitProfile
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import StoreError, ValidationError
from thidua_desktop.store.files import atomic_write
from thidua_desktop.store.models import Initiative, Person, UnionGroup

# --- the roster ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterPerson:
    id: str  # 32 hex digits
    full_name: str
    birth_date: date | None
    birth_year: int | None
    group_name: str
    position: str
    education: str
    left_on: date | None

    def describe(self) -> str:
        born = (
            vntext.format_date(self.birth_date)
            if self.birth_date
            else str(self.birth_year)
            if self.birth_year
            else "không rõ ngày sinh"
        )
        parts = [f"sinh {born}" if self.birth_date or self.birth_year else born]
        if self.group_name:
            parts.append(self.group_name)
        elif self.position:
            parts.append(self.position)
        if self.left_on:
            parts.append(f"nghỉ việc từ {vntext.format_date(self.left_on)}")
        return f"{self.full_name} ({', '.join(parts)})"

    @property
    def category(self) -> str:
        return core.default_category(self.position, self.education)


@dataclass(frozen=True)
class Resolution:
    person: RosterPerson | None
    error: str | None = None
    candidates: tuple[RosterPerson, ...] = ()


class RosterIndex:
    """Everyone on the roster (people who left included: old initiatives name them), by name key."""

    def __init__(self, people: Iterable[RosterPerson], groups: Iterable[str]) -> None:
        self.by_key: dict[str, list[RosterPerson]] = {}
        for p in people:
            self.by_key.setdefault(vntext.search_key(p.full_name), []).append(p)
        self.groups = {vntext.search_key(g): g for g in groups if g}

    @classmethod
    def load(cls, session: Session) -> RosterIndex:
        rows = session.execute(
            select(
                Person.id,
                Person.family_middle,
                Person.given_name,
                Person.birth_date,
                Person.birth_year,
                UnionGroup.name,
                Person.position,
                Person.education,
                Person.left_on,
            )
            .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
            .order_by(Person.sort_key)
        ).all()
        groups = session.scalars(select(UnionGroup.name)).all()
        return cls(
            (
                RosterPerson(
                    pid.hex, vntext.join_name(fm, given), born, by, group or "", position or "", education or "", left
                )
                for pid, fm, given, born, by, group, position, education, left in rows
            ),
            groups,
        )

    def is_group(self, text: str) -> bool:
        return vntext.search_key(text) in self.groups

    def named(self, name: str) -> list[RosterPerson]:
        return self.by_key.get(vntext.search_key(name), [])

    def resolve(
        self,
        name: str,
        birth_date: date | None = None,
        birth_year: int | None = None,
        group: str | None = None,
        *,
        hint: str = "",
    ) -> Resolution:
        """The one roster person called ``name`` (and born then, and in that group), or why not."""
        found = self.named(name)
        if not found:
            return Resolution(None, f"không có '{name}' trong danh sách người lao động" + (f"; {hint}" if hint else ""))
        narrowed = found
        if birth_date is not None:
            narrowed = [
                p
                for p in narrowed
                if p.birth_date == birth_date or (p.birth_date is None and p.birth_year == birth_date.year)
            ]
        elif birth_year is not None:
            narrowed = [p for p in narrowed if p.birth_year == birth_year]
        if group:
            narrowed = [p for p in narrowed if vntext.search_key(p.group_name) == vntext.search_key(group)]
        listed = "; ".join(p.describe() for p in found)
        if not narrowed:
            what = []
            if birth_date or birth_year:
                what.append(f"sinh {vntext.format_date(birth_date) if birth_date else birth_year}")
            if group:
                what.append(f"ở {group}")
            return Resolution(
                None,
                f"trong danh sách có {len(found)} người tên '{name}' nhưng không ai {' và '.join(what)}: {listed}",
                tuple(found),
            )
        if len(narrowed) > 1:
            advice = (
                "hãy ghi thêm ngày sinh để phân biệt"
                if not (birth_date or birth_year)
                else "hãy ghi thêm tên tổ công đoàn trong ngoặc sau tên để phân biệt"
            )
            return Resolution(
                None,
                f"có {len(narrowed)} người tên '{name}' trong danh sách: "
                f"{'; '.join(p.describe() for p in narrowed)} — {advice}",
                tuple(narrowed),
            )
        return Resolution(narrowed[0])


def load_roster(db: Database) -> RosterIndex:
    with db.reading() as session:
        return RosterIndex.load(session)


# --- ids ------------------------------------------------------------------------------------


def resolve_id(db: Database, text: str) -> str:
    """An initiative id from its 32 hex digits (dashes allowed) or a unique prefix of ≥ 6 of them."""
    from thidua_desktop.services.ids import MIN_PREFIX, resolve_prefix

    def many(found) -> str:
        listed = "; ".join(f"{i.hex} ({y}: {t})" for i, y, t in found[:10])
        return f"Có {len(found)} sáng kiến có mã bắt đầu bằng '{text}': {listed}. Hãy ghi thêm ký tự của mã."

    return resolve_prefix(
        db,
        Initiative,
        text,
        "sáng kiến",
        many=many,
        extra=(Initiative.year, Initiative.title),
        invalid=f"Mã sáng kiến '{text}' không hợp lệ: ghi mã đầy đủ (32 ký tự 0–9, a–f) hoặc ít "
        f"nhất {MIN_PREFIX} ký tự đầu của mã.",
    )


# --- import -------------------------------------------------------------------------------


@dataclass
class ImportItem:
    source_row: int
    draft: InitiativeDraft
    existing_id: str | None = None
    unchanged: bool = False  # the row says what the register already holds
    inferred: list[Problem] = field(default_factory=list)  # what was filled in (the year, the deciding body)

    @property
    def action(self) -> str:
        return "unchanged" if self.unchanged else "update" if self.existing_id else "add"


@dataclass
class InitiativesPreview:
    file: str
    sheet: str
    header_row: int | None  # 0-based
    mapping: dict[str, int]
    headers: dict[int, str]
    items: list[ImportItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # every header of the header row, for choosing a mapping
    signature: str = ""  # what a mapping is remembered by (exchange.initiatives_io.header_signature)
    mapping_source: str = "guessed"  # "guessed" from the headers, "chosen", "remembered"
    default_year: int | None = None  # None: a row without a year takes that of its first application date

    @property
    def inferred(self) -> list[Problem]:
        """Everything filled in, row by row (file, sheet, row, column: what and from where)."""
        return [note for item in self.items for note in item.inferred]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def can_commit(self) -> bool:
        return bool(self.items) and not self.errors

    @property
    def added(self) -> int:
        return sum(1 for i in self.items if i.action == "add")

    @property
    def updated(self) -> int:
        return sum(1 for i in self.items if i.action == "update")

    @property
    def unchanged(self) -> int:
        return sum(1 for i in self.items if i.action == "unchanged")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int = 0
    dry_run: bool = False


# Which column a message of core.validate / services._check is about (first match wins; case matters).
_MESSAGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("không có Đợt", "phase"),
    ("cơ quan", "decision_issuer"),
    ("số quyết định", "decision_number"),
    ("Ngày quyết định", "decision_date"),
    ("ngày quyết định", "decision_date"),
    ("cấp công nhận", "level"),
    ("Cấp công nhận", "level"),
    ("lý do", "refusal_reason"),
    ("Ngày áp dụng lần đầu", "first_applied"),
    ("Giá trị làm lợi", "benefit"),
    ("Tên sáng kiến", "title"),
    ("Đợt", "phase"),
    ("Trạng thái", "status"),
    ("tác giả", "authors"),
    ("Tác giả", "authors"),
    ("tỷ lệ", "authors"),
    ("Tỷ lệ", "authors"),
    ("Năm ", "year"),
)


def message_column(message: str, mapping: Mapping[str, int] | None = None) -> str | None:
    """The column key a check's message is about; a message about the shares goes to the shares
    column when the file has one."""
    key = next((key for text, key in _MESSAGE_COLUMNS if text in message), None)
    if key == "authors" and mapping is not None and "shares" in mapping and "tỷ lệ" in message.lower():
        return "shares"
    return key


_TEXT_FIELDS = {
    "title": "title",
    "field": "field",
    "social_benefit": "social_benefit",
    "decision_number": "decision_number",
    "decision_issuer": "decision_issuer",
    "refusal_reason": "refusal_reason",
    "investor": "investor",
    "description": "description",
    "conditions": "conditions",
}
_VALUE_FIELDS = {
    "year": "year",
    "phase": "phase_number",
    "first_applied": "first_applied_on",
    "trial": "trial",
    "benefit": "economic_benefit",
    "level": "recognition_level",
    "decision_date": "decision_date",
    "tags": "tags",
}


def _infer_status(draft: InitiativeDraft) -> str:
    if vntext.nfc(draft.decision_number) and draft.recognition_level:
        return "recognised"
    if vntext.nfc(draft.refusal_reason):
        return "refused"
    if draft.first_applied_on is not None:
        return "applying"
    return "registered"


def _fingerprint(draft: InitiativeDraft) -> tuple:
    """What an import can change, to tell an unchanged row from an update."""
    fields = tuple(
        getattr(draft, name)
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
        )
    )
    authors = tuple(
        (a.person_id, vntext.nfc(a.outside_name), vntext.nfc(a.outside_workplace), Decimal(a.share), a.category)
        for a in draft.authors
    )
    return fields, authors, tuple(draft.tags)


class _Builder:
    def __init__(self, session: Session, read: SheetRead, today: date | None, unit: UnitProfile | None) -> None:
        self.session = session
        self.read = read
        self.today = today
        self.unit = unit
        self.roster = RosterIndex.load(session)
        self.existing: dict[tuple[int, str], list[str]] = {}
        for iid, year, title in session.execute(select(Initiative.id, Initiative.year, Initiative.title)):
            self.existing.setdefault((year, vntext.search_key(title)), []).append(iid.hex)
        self.problems: list[Problem] = []

    def err(self, row: int, key: str | None, message: str, severity: str = "error") -> None:
        self.problems.append(self.read.problem(row, key, message, severity))  # type: ignore[arg-type]

    def run(self) -> list[ImportItem]:
        items: list[ImportItem] = []
        seen: dict[tuple[int, str], int] = {}
        row_errors = {p.row for p in self.read.problems if p.severity == "error"}
        for row in self.read.rows:
            values = row.values
            title, year = values.get("title") or "", values.get("year")
            if not title or year is None:
                continue
            key = (int(year), vntext.search_key(title))
            if key in seen:
                self.err(row.source_row, "title", f"trùng tên sáng kiến '{title}' năm {year} với dòng {seen[key]}")
                continue
            seen[key] = row.source_row
            existing = self.existing.get(key, [])
            if len(existing) > 1:
                self.err(
                    row.source_row,
                    "title",
                    f"trong sổ đã có {len(existing)} sáng kiến '{title}' năm {year}; "
                    "không biết cập nhật sáng kiến nào — hãy sửa trong chương trình",
                )
                continue
            base = None
            if existing:
                record = service._load(self.session, existing[0])
                base = service._draft(record, {})
            before = _fingerprint(copy.deepcopy(base)) if base is not None else None
            draft = self._draft(row, base)
            inferred = [self.read.note(row.source_row, key, text) for key, text in row.inferred]
            self._deciding_body(row, draft, base, inferred)
            items.append(
                ImportItem(
                    row.source_row,
                    draft,
                    existing[0] if existing else None,
                    unchanged=before is not None and before == _fingerprint(draft),
                    inferred=inferred,
                )
            )
            self._validate(
                row,
                draft,
                authors_ok=not row.author_problem and len(draft.authors) == len(row.authors),
                cells_ok=row.source_row not in row_errors,
            )
        return items

    def _draft(self, row, base: InitiativeDraft | None) -> InitiativeDraft:
        values = row.values
        draft = base or InitiativeDraft(title=values["title"], year=int(values["year"]))
        for key, attr in _TEXT_FIELDS.items():
            if key in values:
                setattr(draft, attr, values[key])
        for key, attr in _VALUE_FIELDS.items():
            if key in values:
                setattr(draft, attr, values[key])
        if values.get("status"):
            draft.status = values["status"]
        elif base is None or "status" in self.read.mapping:
            draft.status = _infer_status(draft)
            if "status" in self.read.mapping and not values.get("status_text"):
                self.err(
                    row.source_row, "status", f"trạng thái trống — coi là '{core.STATUSES[draft.status]}'", "warning"
                )
        previous = {
            (a.person_id or f"o:{vntext.search_key(a.outside_name)}"): a.category
            for a in (base.authors if base else [])
        }
        draft.authors = [a for a in (self._author(row.source_row, spec, previous) for spec in row.authors) if a]
        return draft

    def _deciding_body(
        self, row, draft: InitiativeDraft, base: InitiativeDraft | None, inferred: list[Problem]
    ) -> None:
        """A recognised initiative whose deciding body the file does not say: the body of its level
        (core.initiatives.deciding_body), said in the preview; on an update, the stored one when the
        level stays."""
        if draft.status != "recognised" or vntext.nfc(draft.decision_issuer) or draft.recognition_level is None:
            return
        if base is not None and vntext.nfc(base.decision_issuer) and base.recognition_level == draft.recognition_level:
            draft.decision_issuer = base.decision_issuer
        else:
            unit = self.unit
            body, where = core.deciding_body(
                draft.recognition_level,
                unit_name=unit.name if unit else "",
                employer_name=unit.employer_name if unit else "",
                upper_union=unit.upper_union if unit else "",
                upper_union_parent=unit.upper_union_parent if unit else "",
            )
            if not body:
                return  # no unit profile: the check says the body is missing
            draft.decision_issuer = body
            level = core.LEVELS[draft.recognition_level].lower()
            said = "ô để trống" if "decision_issuer" in self.read.mapping else "tệp không có cột này"
            inferred.append(
                self.read.note(
                    row.source_row, "decision_issuer", f"cơ quan quyết định: {body} ({where}, theo cấp {level}; {said})"
                )
            )

    def _author(self, source_row: int, spec: AuthorSpec, previous: dict[str, str]) -> AuthorDraft | None:
        share = spec.share if spec.share is not None else Decimal(0)
        groups = [n for n in spec.notes if self.roster.is_group(n)]
        others = [n for n in spec.notes if not self.roster.is_group(n)]
        if spec.outside or others:
            workplace = spec.workplace or "; ".join(others)
            if not spec.outside and self.roster.named(spec.name):
                self.err(
                    source_row,
                    "authors",
                    f"'{spec.name}' có trong danh sách người lao động nhưng ô ghi nơi công "
                    f"tác '{workplace}' nên được nhập là tác giả ngoài đơn vị; nếu là người "
                    "của đơn vị, hãy bỏ phần trong ngoặc",
                    "warning",
                )
            key = f"o:{vntext.search_key(spec.name)}"
            return AuthorDraft(
                share=share, outside_name=spec.name, outside_workplace=workplace, category=previous.get(key, "worker")
            )
        found = self.roster.resolve(
            spec.name,
            spec.birth_date,
            spec.birth_year,
            groups[0] if groups else None,
            hint=(
                f"nếu là tác giả ngoài đơn vị, ghi trong ngoặc sau tên, ví dụ "
                f"'{spec.name} (ngoài đơn vị: Công ty …) {vntext.format_number(share)}%'"
            ),
        )
        if found.person is None:
            message = found.error or ""
            if found.candidates and not (spec.birth_date or spec.birth_year) and "births" in self.read.mapping:
                message += " (cột 'Ngày sinh tác giả', theo thứ tự tác giả)"
            elif found.candidates and not (spec.birth_date or spec.birth_year):
                message += f" (ví dụ '{spec.name} (dd/mm/yyyy) {vntext.format_number(share)}%')"
            column = "births" if spec.birth_from_column and found.candidates else "authors"
            self.err(source_row, column, message)
            return None
        person = found.person
        return AuthorDraft(
            share=share,
            person_id=person.id,
            person_name=person.full_name,
            category=previous.get(person.id, person.category),
        )

    def _validate(self, row, draft: InitiativeDraft, *, authors_ok: bool, cells_ok: bool) -> None:
        problems, _ = service._check(self.session, draft, self.today)
        bad_cells = {p.column for p in self.read.problems if p.row == row.source_row and p.severity == "error"}
        for message in problems:
            key = message_column(message, self.read.mapping if row.shares_from_column or row.share_problem else None)
            if key == "authors" and not authors_ok:
                continue  # the author cell already has its own message
            if key == "shares" and row.share_problem:
                continue  # the shares cell already has its own message
            if not cells_ok and key is not None and self.read.column(key) in bad_cells:
                continue  # a cell that could not be read: its reading error says it
            self.err(row.source_row, key, message)


Remembered = Mapping[str, Mapping[str, int]]  # header signature → column key → 0-based column


def preview_workbook(
    db: Database,
    workbook,
    sheet: str | int | None = None,
    *,
    default_year: int | None = None,
    today: date | None = None,
    mapping: Mapping[str, int] | None = None,
    remembered: Remembered | None = None,
) -> InitiativesPreview:
    """Read and check one sheet. ``default_year``: the year of rows that do not say it (else each
    takes its first application date's); ``mapping`` (column key → column) instead of the headers;
    ``remembered``: the mappings chosen before, by header signature."""
    read = read_initiatives(workbook, sheet, default_year=default_year, mapping=mapping, remembered=remembered)
    preview = InitiativesPreview(
        read.file,
        read.sheet,
        read.header_row,
        read.mapping,
        read.headers,
        problems=list(read.problems),
        columns=read.columns,
        signature=read.signature,
        mapping_source=read.mapping_source,
        default_year=default_year,
    )
    if read.header_row is None or not read.rows:
        if read.header_row is not None and not read.problems:
            preview.problems.append(read.problem(None, None, "bảng không có dòng sáng kiến nào."))
        return preview
    unit = year_service.get_unit(db)
    with db.reading() as session:
        builder = _Builder(session, read, today, unit)
        preview.items = builder.run()
    preview.problems += builder.problems
    preview.problems.sort(key=lambda p: (p.row or 0, p.severity != "error"))
    return preview


def preview_file(
    db: Database,
    path: Path,
    *,
    sheet: str | None = None,
    default_year: int | None = None,
    today: date | None = None,
    mapping: Mapping[str, int] | None = None,
    remembered: Remembered | None = None,
) -> InitiativesPreview:
    """Read and check a file without writing; a file that is not a readable spreadsheet raises."""
    return preview_with_sheets(
        db, path, sheet, default_year=default_year, today=today, mapping=mapping, remembered=remembered
    )[0]


def preview_with_sheets(
    db: Database,
    path: Path,
    sheet: str | None = None,
    *,
    default_year: int | None = None,
    today: date | None = None,
    mapping: Mapping[str, int] | None = None,
    remembered: Remembered | None = None,
) -> tuple[InitiativesPreview, list]:
    """``preview_file`` and the workbook's sheets (``exchange.spreadsheet.SheetInfo``), for a dialog
    that lets the user pick another sheet."""
    from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook

    try:
        with read_workbook(Path(path)) as workbook:
            return (
                preview_workbook(
                    db, workbook, sheet, default_year=default_year, today=today, mapping=mapping, remembered=remembered
                ),
                list(workbook.sheets),
            )
    except SpreadsheetError as exc:
        raise ValidationError(exc.message_vi) from exc


def commit(
    db: Database, preview: InitiativesPreview, *, dry_run: bool = False, today: date | None = None
) -> ImportResult:
    """Save every row of the preview in one transaction, or nothing (refused when it has errors)."""
    if preview.errors:
        raise ValidationError(
            f"Không nhập tệp {preview.file}: có {len(preview.errors)} lỗi. Dữ liệu không bị thay đổi."
        )
    if not preview.items:
        raise ValidationError(f"Tệp {preview.file} không có sáng kiến nào để nhập.")
    result = ImportResult(preview.added, preview.updated, preview.unchanged, dry_run)
    changed = [item for item in preview.items if not item.unchanged]
    if dry_run or not changed:
        return result
    for item in changed:
        item.draft.id = item.existing_id
    labels = [f"Tệp {preview.file}, trang '{preview.sheet}', dòng {i.source_row}" for i in changed]
    service.save_initiatives(
        db, [i.draft for i in changed], today=today, labels=labels, action=f"Nhập sổ sáng kiến từ {preview.file}"
    )
    return result


# --- export -------------------------------------------------------------------------------


def export_initiatives(db: Database, path: Path, *, year: int | None = None, today: date | None = None) -> int:
    """Write the register (or one year of it) to an .xlsx that imports back; returns the row count."""
    from thidua_desktop.exchange.initiatives_export import author_cell, write_initiatives

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise StoreError(f"Tệp xuất phải có đuôi .xlsx: {path.name}")
    today = today or clock.today()
    unit = year_service.get_unit(db)
    with db.reading() as session:
        query = (
            select(Initiative)
            .options(selectinload(Initiative.authors))
            .order_by(Initiative.year, Initiative.created_at)
        )
        if year is not None:
            query = query.where(Initiative.year == year)
        records = session.scalars(query).all()
        ids = {a.person_id for r in records for a in r.authors if a.person_id}
        people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))} if ids else {}
        rows = []
        for r in records:
            authors, births = [], []
            for a in r.authors:
                person = people.get(a.person_id) if a.person_id else None
                if person is not None:
                    authors.append((vntext.join_name(person.family_middle, person.given_name), a.share, False, ""))
                    births.append(
                        vntext.format_date(person.birth_date)
                        if person.birth_date
                        else str(person.birth_year)
                        if person.birth_year
                        else ""
                    )
                else:
                    authors.append((a.outside_name, a.share, True, a.outside_workplace))
                    births.append("")
            rows.append(
                {
                    "title": r.title,
                    "field": r.field,
                    "year": r.year,
                    "phase": r.phase_number,
                    "authors": author_cell(authors),
                    "births": "; ".join(births) if any(births) else "",
                    "first_applied": r.first_applied_on,
                    "trial": "x" if r.trial else "",
                    "benefit": r.economic_benefit,
                    "social_benefit": r.social_benefit,
                    "status": core.STATUSES.get(r.status, r.status),
                    "level": core.LEVELS.get(r.recognition_level, "") if r.recognition_level else "",
                    "decision_number": r.decision_number,
                    "decision_date": r.decision_date,
                    "decision_issuer": r.decision_issuer,
                    "refusal_reason": r.refusal_reason,
                    "tags": "; ".join(r.tags or []),
                    "investor": r.investor,
                    "description": r.description,
                    "conditions": r.conditions,
                }
            )
    with atomic_write(path, durable=False) as tmp:
        write_initiatives(
            tmp,
            rows,
            upper_union=unit.upper_union if unit else "",
            unit_name=unit.name if unit else "",
            place_name=unit.place_name if unit else "",
            year=year,
            today=today,
        )
    return len(rows)
