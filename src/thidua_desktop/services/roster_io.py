"""Roster in and out of Excel: the export now; the all-or-nothing import below it."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table, Uuid, bindparam, insert, select, type_coerce, update

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.exchange.roster_import import (
    ImportPreview,
    Problem,
    build_preview,
    identity_differences,
    identity_of,
    person_key,
)
from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook
from thidua_desktop.services import year as year_service
from thidua_desktop.store import text_rules
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import StoreError, ValidationError
from thidua_desktop.store.files import atomic_write
from thidua_desktop.store.models import AuditEntry, Person, UnionGroup, Unit, utcnow


def export_roster(db: Database, path: Path, *, today: date | None = None) -> int:
    """Write the current roster (people still working) to an .xlsx; returns the row count."""
    from thidua_desktop.exchange.roster_export import WRITE_ERRORS, write_roster

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise StoreError(f"Tệp xuất phải có đuôi .xlsx: {path.name}")
    unit = year_service.get_unit(db)
    with db.reading() as session:
        rows = [
            [
                person.family_middle,
                person.given_name,
                person.birth_date or (person.birth_year if person.birth_year else ""),
                {"M": "Nam", "F": "Nữ"}.get(person.gender, ""),
                person.ethnicity,
                person.position,
                group or "",
                person.department,
                "x" if person.is_member else "",
                person.joined_union_on,
                person.employed_since,
                person.education,
                person.phone,
                person.email,
                person.note,
            ]
            for person, group in session.execute(
                select(Person, UnionGroup.name)
                .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
                .where(Person.left_on.is_(None))
                .order_by(Person.sort_key)
            ).all()
        ]
    if not path.parent.is_dir():
        raise StoreError(f"Không có thư mục {path.parent}; không ghi được tệp {path.name}.")
    try:
        with atomic_write(path, durable=False) as tmp:
            try:
                write_roster(
                    tmp,
                    rows,
                    upper_union=unit.upper_union if unit else "",
                    unit_name=unit.name if unit else "",
                    today=today or clock.today(),
                )
            except WRITE_ERRORS as exc:
                raise StoreError(f"Không ghi được tệp {path}: {exc}") from exc
    except OSError as exc:  # the rename
        raise StoreError(f"Không ghi được tệp {path} (tệp đang mở trong Excel?): {exc.strerror or exc}") from exc
    return len(rows)


# --- import ---------------------------------------------------------------------------------


MERGE, KEEP = "merge", "keep"


@dataclass(frozen=True)
class Flag:
    """Same name and birth date twice — two rows of the file, or a row and a person on the roster.

    They are one person only if the officer says so (:func:`commit`'s ``duplicates``): "merge"
    makes the repeated row fill the blanks of the first one (or update the person on the roster),
    "keep" imports it as another person.
    """

    key: str  # "8-12" (rows 8 and 12), "12-ds" (row 12 and a person on the roster)
    row: int  # the repeated row, the one that goes if merged
    first: int | None  # the row it repeats, None for a person on the roster
    person_id: str | None  # the person on the roster
    differs: tuple[str, ...]  # identifying fields present in both that differ ("có thể trùng")
    text: str  # the Vietnamese description, naming the file, sheet and rows

    @property
    def likely_same(self) -> bool:
        return not self.differs


@dataclass
class RosterImport:
    """A checked file, matched against the roster; nothing is written until :func:`commit`."""

    preview: ImportPreview
    existing: dict[int, str] = field(default_factory=dict)  # source row → id of the person it updates
    flags: list[Flag] = field(default_factory=list)  # pairs the officer decides

    @property
    def problems(self) -> list[Problem]:
        return self.preview.problems

    @property
    def error_count(self) -> int:
        return len(self.preview.errors)

    @property
    def can_commit(self) -> bool:
        return self.preview.can_commit

    @property
    def new_count(self) -> int:
        return len(self.preview.drafts) - len(self.existing)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    rejected: int
    merged: int
    groups_created: int


def preview_file(
    db: Database,
    path: Path,
    *,
    sheet: str | int | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    today: date | None = None,
) -> RosterImport:
    """Read and check a roster file and say, row by row, who is new and who is updated."""
    try:
        workbook = read_workbook(Path(path))
        preview = build_preview(workbook, sheet, header_row, mapping, today=today or clock.today())
    except SpreadsheetError as exc:
        raise ValidationError(exc.message_vi + " Dữ liệu không bị thay đổi.") from exc
    except (KeyError, IndexError) as exc:
        raise ValidationError(f"Tệp {Path(path).name} không có trang '{sheet}'.") from exc
    if preview.drafts and "is_member" not in preview.mapping:
        preview.problems.append(
            Problem(
                preview.file,
                preview.sheet,
                None,
                None,
                "Đoàn viên",
                "tệp không có cột Đoàn viên: người mới được ghi là đoàn viên, người đã có giữ nguyên",
                "warning",
            )
        )
    known: dict[tuple, list[tuple[str, dict]]] = {}
    with db.engine.connect() as conn:
        for pid, family, given, born, year, phone, gender, group in conn.execute(
            select(
                type_coerce(Person.id, String),
                Person.family_middle,
                Person.given_name,
                Person.birth_date,
                Person.birth_year,
                Person.phone,
                Person.gender,
                UnionGroup.name,
            ).outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
        ):
            known.setdefault(person_key(family, given, born, year), []).append(
                (pid, {"phone": phone, "gender": gender, "group_name": group or ""})
            )
    return _flagged(preview, known)


def _where(preview: ImportPreview) -> str:
    return f"Tệp {preview.file}, trang '{preview.sheet}'"


def _flagged(preview: ImportPreview, known: dict[tuple, list[tuple[str, dict]]]) -> RosterImport:
    """Match the rows against the roster and list every pair the officer must decide.

    A row is the person already on the roster (updated, no question) only when the full name
    (diacritics and all), the birth date and every identifying field present in both agree; same
    name and birth date with one of them different is flagged, as two rows of the file are.
    """
    where = _where(preview)
    drafts = {d.source_row: d for d in preview.drafts}
    flags = []
    for pair in preview.pairs:
        d = drafts[pair.repeated]
        born = vntext.format_date(d.birth_date) if d.birth_date else f"năm sinh {d.birth_year}"
        if pair.differs:
            text = (
                f"{where}, dòng {pair.first} và dòng {pair.repeated}: {d.full_name}, {born} — có thể trùng "
                f"(khác {', '.join(pair.differs)}): hai người, trừ khi gộp"
            )
        else:
            text = (
                f"{where}, dòng {pair.first} và dòng {pair.repeated}: {d.full_name}, {born} — trùng mọi thông "
                "tin: có lẽ một người ghi hai lần"
            )
        flags.append(Flag(f"{pair.first}-{pair.repeated}", pair.repeated, pair.first, None, pair.differs, text))
    existing: dict[int, str] = {}
    if known:
        for draft in preview.drafts:
            candidates = known.get(
                person_key(draft.family_middle, draft.given_name, draft.birth_date, draft.birth_year)
            )
            if not candidates:
                continue
            mine = identity_of(draft)
            compared = [(pid, identity_differences(mine, theirs)) for pid, theirs in candidates]
            same = next((pid for pid, differs in compared if not differs), None)
            if same is not None:
                existing[draft.source_row] = same
                continue
            pid, differs = compared[0]
            born = vntext.format_date(draft.birth_date) if draft.birth_date else f"năm sinh {draft.birth_year}"
            flags.append(Flag(f"{draft.source_row}-ds", draft.source_row, None, pid, tuple(differs),
                              f"{where}, dòng {draft.source_row}: {draft.full_name}, {born} — có thể trùng với "
                              f"người đã có trong danh sách (khác {', '.join(differs)}): thêm người mới, trừ khi "
                              "gộp"))  # fmt: skip
    return RosterImport(preview, existing, flags)


def decision_of(flag: Flag, duplicates: str | Mapping[str, str] | None) -> str | None:
    """ "merge" or "keep" for *flag* under *duplicates* (one word for all, or flag key → word); None undecided."""
    if duplicates is None or isinstance(duplicates, str):
        return duplicates
    return duplicates.get(flag.key)


def undecided(rim: RosterImport, duplicates: str | Mapping[str, str] | None) -> list[Flag]:
    return [f for f in rim.flags if decision_of(f, duplicates) is None]


def undecided_message(rim: RosterImport, flags: list[Flag]) -> str:
    rows = ", ".join(f"{f.first} và {f.row}" if f.first is not None else f"{f.row} (với người đã có)"
                     for f in flags[:20]) + (f" và {len(flags) - 20} cặp khác" if len(flags) > 20 else "")  # fmt: skip
    return (
        f"Tệp {rim.preview.file}, trang '{rim.preview.sheet}': {len(flags)} cặp cùng họ tên và ngày sinh chưa "
        f"được quyết định (dòng {rows}) — chọn gộp hay giữ riêng từng cặp. Dữ liệu không bị thay đổi."
    )


_IMPORTED = (
    "family_middle",
    "given_name",
    "birth_date",
    "birth_year",
    "gender",
    "ethnicity",
    "position",
    "department",
    "is_member",
    "joined_union_on",
    "employed_since",
    "education",
    "phone",
    "email",
    "left_on",
    "note",
)


def _merge(first, second) -> None:
    """Fill the blanks of ``first`` from ``second`` (two lines of the same person in one file)."""
    for name in _IMPORTED + ("group_name",):
        if getattr(first, name) in (None, "") and getattr(second, name) not in (None, ""):
            setattr(first, name, getattr(second, name))


@dataclass(frozen=True)
class ImportPlan:
    """What :func:`commit` will do with a duplicates choice — shown before the user confirms."""

    added: int
    updated: int
    merged: int
    drafts: dict  # source row → draft, the repeated lines of merged duplicates removed
    updates: dict  # source row → id of the person it updates
    notes: dict = field(default_factory=dict)  # source row → what the decisions do to it (Vietnamese)


def plan(rim: RosterImport, duplicates: str | Mapping[str, str] | None = KEEP) -> ImportPlan:
    """What :func:`commit` does with *duplicates*: "merge" or "keep" for every flag, or a flag key → word
    mapping (a flag not in it, or ``None``, counts as kept here; :func:`commit` refuses it)."""
    if (
        isinstance(duplicates, str)
        and duplicates not in (MERGE, KEEP)
        or (isinstance(duplicates, Mapping) and set(duplicates.values()) - {MERGE, KEEP})
    ):
        raise ValidationError("Cách xử lý dòng trùng phải là 'merge' (gộp) hoặc 'keep' (giữ cả hai).")
    drafts = {d.source_row: copy.copy(d) for d in rim.preview.drafts}
    merged = 0
    updates = {row: pid for row, pid in rim.existing.items() if row in drafts}
    notes: dict[int, list[str]] = {}
    for row in updates:
        notes.setdefault(row, []).append("đã có trong danh sách (cùng họ tên, ngày sinh): cập nhật")
    for flag in rim.flags:
        merge = decision_of(flag, duplicates) == MERGE
        if flag.first is not None:
            if flag.first not in drafts or flag.row not in drafts:
                continue
            if merge:
                _merge(drafts[flag.first], drafts.pop(flag.row))
                merged += 1
                updates.pop(flag.row, None)
                notes.setdefault(flag.row, []).append(f"gộp vào dòng {flag.first}")
                notes.setdefault(flag.first, []).append(f"gộp với dòng {flag.row}")
            else:
                notes.setdefault(flag.row, []).append(f"người khác với dòng {flag.first}: giữ cả hai")
        elif flag.row in drafts:
            if merge:
                updates[flag.row] = flag.person_id
                merged += 1
                notes.setdefault(flag.row, []).append("gộp vào người đã có trong danh sách: cập nhật")
            else:
                notes.setdefault(flag.row, []).append("người khác với người đã có cùng họ tên, ngày sinh: thêm mới")
    return ImportPlan(len(drafts) - len(updates), len(updates), merged, drafts, updates, notes)


def commit(db: Database, rim: RosterImport, *, duplicates: str | Mapping[str, str] | None = KEEP,
           dry_run: bool = False) -> ImportResult:  # fmt: skip
    """Write the whole file in one transaction, or nothing.

    New people go in with one bulk insert (their keys computed here, as the ORM hook would);
    people already on the roster are updated with the file's non-empty values. *duplicates* is
    the officer's decision on the flagged pairs (:attr:`RosterImport.flags`): "merge", "keep", or
    flag key → word for each; a flag left undecided refuses the whole import. The default keeps
    every pair apart: nobody is merged without a decision.
    """
    preview = rim.preview
    if not preview.can_commit:
        raise ValidationError(
            f"Tệp {preview.file} còn {len(preview.errors)} lỗi; chưa nhập được. Dữ liệu không bị thay đổi."
        )
    if missing := undecided(rim, duplicates):
        raise ValidationError(undecided_message(rim, missing))
    chosen = plan(rim, duplicates)
    drafts, updates, added, merged = chosen.drafts, chosen.updates, chosen.added, chosen.merged
    rejected = preview.counts.get("errors", 0)
    created = _write(db, preview, drafts, updates, added, merged, dry_run)
    return ImportResult(added, len(updates), rejected, merged, created)


# Person columns a new row gets when the file leaves them blank (the model's defaults; the rows go
# in with every column present, so one executemany takes them all).
_NEW_DEFAULTS = {
    c.key: c.default.arg
    for c in Person.__table__.columns
    if c.key in _IMPORTED and c.default is not None and c.default.is_scalar and c.default.arg is not None
}


def _rows(
    drafts: dict, updates: dict[int, str], groups: dict[str, object], unit_id, now
) -> tuple[list[dict], list[dict]]:
    """The rows to insert (every column present, the defaults for blanks) and the changes to write
    (only the file's non-empty values), cleaned as the store cleans every record it writes
    (:func:`text_rules.clean_values`, the ``before_flush`` hook's rules) with the keys it computes."""
    new_rows, changed_rows = [], []
    for row, draft in drafts.items():
        values = {name: getattr(draft, name) for name in _IMPORTED}
        group_id = groups.get(vntext.nfc(draft.group_name or ""))
        if row in updates:
            change = {k: v for k, v in values.items() if v not in (None, "")}
            if group_id is not None:
                change["union_group_id"] = group_id
            change["id"] = uuid.UUID(updates[row])
            changed_rows.append(change)
        else:
            for key, default in _NEW_DEFAULTS.items():
                if values[key] is None:
                    values[key] = default
            values.update(
                id=uuid.uuid4().hex,
                unit_id=unit_id.hex,
                union_group_id=group_id.hex if group_id is not None else None,
                created_at=now,
                updated_at=now,
            )
            new_rows.append(values)
    text_rules.clean_values(Person.__tablename__, new_rows)
    text_rules.clean_values(Person.__tablename__, changed_rows)
    for values in new_rows:
        _keys(values, values["family_middle"] or "", values["given_name"] or "")
    return new_rows, changed_rows


def _keys(values: dict, family: str, given: str) -> None:
    values["search_key"] = vntext.search_key(vntext.join_name(family, given))
    values["sort_key"] = vntext.person_sort_key(family, given)


def _write(
    db: Database, preview: ImportPreview, drafts: dict, updates: dict[int, str], added: int, merged: int, dry_run: bool
) -> int:
    """Write the plan in one transaction; a dry run reads, builds and checks the same rows but writes nothing."""
    names = sorted({vntext.nfc(d.group_name or "") for d in drafts.values()} - {""})
    if dry_run:
        with db.reading() as session:
            unit_id = session.scalar(select(Unit.id).limit(1))
            if unit_id is None:
                raise ValidationError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
            groups: dict[str, object] = {
                name: gid for name, gid in session.execute(select(UnionGroup.name, UnionGroup.id))
            }
        missing = [name for name in names if name not in groups]
        text_rules.clean_values(UnionGroup.__tablename__, [{"name": name} for name in missing])
        groups.update({name: uuid.uuid4() for name in missing})
        _rows(drafts, updates, groups, unit_id, utcnow())  # the same checks as the write, nothing written
        return len(missing)
    with db.transaction(f"Nhập danh sách từ tệp {preview.file}") as session:
        unit_id = session.scalar(select(Unit.id).limit(1))
        if unit_id is None:
            raise ValidationError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
        groups = {g.name: g.id for g in session.scalars(select(UnionGroup))}
        created = 0
        for name in names:
            if name in groups:
                continue
            group = UnionGroup(unit_id=unit_id, name=name, ordinal=len(groups) + created + 1)
            session.add(group)  # through the ORM hook: cleaned and audited one by one (a handful)
            session.flush()
            groups[name] = group.id
            created += 1
        now = utcnow()
        new_rows, changed_rows = _rows(drafts, updates, groups, unit_id, now)
        table = _PERSON_HEX
        for start in range(0, len(new_rows), 5000):  # Core executemany: every row has every column
            session.execute(insert(table), new_rows[start : start + 5000])
        audit_changed = _write_changes(session, changed_rows, now)
        session.add(
            AuditEntry(
                actor=session.info.get("actor", ""),
                action=session.info.get("action", ""),
                entity="person",
                entity_id="import",
                operation="import",
                changes={
                    "file": preview.file,
                    "sheet": preview.sheet,
                    "added": added,
                    "updated": len(updates),
                    "merged": merged,
                    "rows_updated": audit_changed,
                },
            )
        )
    return created


_PERSON_COLUMNS = (*_IMPORTED, "union_group_id")
# ``person`` with its UUID columns as the 32 hex digits SQLite stores (as services.review_writer
# does): the new rows carry their ids as text, without a ``uuid.UUID`` bound per value and column.
_PERSON_HEX = Table(
    Person.__tablename__,
    MetaData(),
    *(
        Column(c.name, String(32) if isinstance(c.type, Uuid) else c.type, primary_key=c.primary_key)
        for c in Person.__table__.columns
    ),
)


def _write_changes(session, changed_rows: list[dict], now) -> dict[str, dict]:
    """Update the people the file names with the values that differ; one executemany per set of
    changed fields. Returns id → {field: [before, after]} for the audit entry."""
    if not changed_rows:
        return {}
    table = Person.__table__
    columns = [table.c[name] for name in _PERSON_COLUMNS]
    before: dict[uuid.UUID, dict] = {}
    ids = [values["id"] for values in changed_rows]
    for start in range(0, len(ids), 500):
        for record in session.execute(
            select(table.c.id, *columns).where(table.c.id.in_(ids[start : start + 500]))
        ).mappings():
            before[record["id"]] = dict(record)
    audit: dict[str, dict] = {}
    by_fields: dict[tuple[str, ...], list[dict]] = {}
    for values in changed_rows:
        old = before.get(values["id"])
        if old is None:
            raise ValidationError("Một người trong danh sách vừa bị xoá; hãy đọc lại tệp. Dữ liệu không bị thay đổi.")
        changes = {k: v for k, v in values.items() if k != "id" and v != "" and old[k] != v}  # "" once cleaned: blank
        if not changes:
            continue
        if "family_middle" in changes or "given_name" in changes:
            _keys(changes, changes.get("family_middle", old["family_middle"]) or "",
                  changes.get("given_name", old["given_name"]) or "")  # fmt: skip
        audit[str(values["id"])] = {
            k: [_jsonable(old[k]), _jsonable(v)] for k, v in changes.items() if k in _PERSON_COLUMNS
        }
        params = {f"b_{k}": v for k, v in changes.items()}
        params["b_id"], params["b_updated_at"] = values["id"], now
        by_fields.setdefault(tuple(sorted(params)), []).append(params)
    for fields, params in by_fields.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({f[2:]: bindparam(f) for f in fields if f != "b_id"})
        )
        session.execute(statement, params)
    return audit


def _jsonable(value):
    if isinstance(value, (date, uuid.UUID)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value
