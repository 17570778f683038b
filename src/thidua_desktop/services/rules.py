"""Use cases for the rule set of a year (bộ quy định thi đua, khen thưởng).

A year follows the rule set in force in it (``core.rules``): its sources (the "Căn cứ" lines the
documents print), its title and award catalogue, the caps and thresholds the review applies. A
year's set is named by ``EmulationYear.rule_set_key`` ("" = chosen by the year). Each rule value
keeps the set's figure in ``default_value``, so the rules page shows what the union changed.

An upper union can send a rule set as a signed workbook (``export_rule_set``): the CĐCS sees the
changes first (``preview_import``), then applies the set to a chosen year in one transaction
(``apply_import``); the set is kept in ``ImportedRuleSet`` and replaces a built-in set with the
same key for later years as well.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session, object_session, selectinload

from thidua_desktop.core import rules as core
from thidua_desktop.core import vntext
from thidua_desktop.core.rules import NEEDS_CHECK_TEXT, RuleSet, RuleSetError
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import AwardTitle, EmulationYear, ImportedRuleSet, RuleValue, Unit

__all__ = [
    "NEEDS_CHECK_TEXT",
    "RuleRow",
    "RuleSetInForce",
    "SourceRow",
    "TitleRow",
    "apply_import",
    "apply_rule_set",
    "citation_lines",
    "export_rule_set",
    "preview_import",
    "rules_in_force",
]

DOCUMENT_KIND = "rule-set"


# --- what the rules page shows -----------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    key: str
    short: str
    line: str  # "Căn cứ … ;" as documents print it
    number: str
    issued_on: date | None
    issuer: str
    needs_check: bool


@dataclass(frozen=True)
class RuleRow:
    key: str
    description: str
    value: Decimal
    default_value: Decimal | None  # the set's figure; None: not from the rule set
    unit: str
    basis: str
    needs_check: bool

    @property
    def changed(self) -> bool:
        """The union changed the set's figure."""
        return self.default_value is not None and self.value != self.default_value


@dataclass(frozen=True)
class TitleRow:
    code: str
    name: str
    subject: str
    system: str
    issuer: str  # as the set words it
    decided_by: str  # the issuer resolved against the unit's upper-union chain
    needs_check: bool


@dataclass(frozen=True)
class RuleSetInForce:
    year: int
    key: str
    name: str
    years_text: str  # "từ năm 2024"
    origin: str  # builtin | imported
    signer: str  # who signed an imported set ("" for a built-in one)
    summary: str
    sources: tuple[SourceRow, ...]
    rules: tuple[RuleRow, ...]
    titles: tuple[TitleRow, ...]

    @property
    def changed(self) -> tuple[RuleRow, ...]:
        return tuple(r for r in self.rules if r.changed)


# --- choosing the set ----------------------------------------------------------------------------


def imported_sets(session: Session | None) -> list[RuleSet]:
    """The sets taken in from the upper union (an unreadable stored set is skipped)."""
    if session is None:
        return []
    found = []
    with session.no_autoflush:  # called while a new year is being filled in
        rows = list(session.scalars(select(ImportedRuleSet)))
    for row in rows:
        try:
            found.append(core.parse_rule_set(row.content, f"bộ quy định nhập '{row.key}'", origin="imported"))
        except RuleSetError:
            continue
    return found


def _signer_of(session: Session | None, key: str) -> str:
    if session is None:
        return ""
    with session.no_autoflush:
        row = session.scalars(select(ImportedRuleSet).where(ImportedRuleSet.key == key)).first()
    return row.signer if row is not None else ""


def set_for(session: Session | None, record: EmulationYear) -> RuleSet:
    """The set the year follows: the one it names when it covers the year, else the one in force."""
    imported = imported_sets(session)
    if record.rule_set_key:
        try:
            chosen = core.rule_set_by_key(record.rule_set_key, imported)
            if chosen.covers(record.year):
                return chosen
        except RuleSetError:
            pass
    try:
        return core.rule_set_for_year(record.year, imported)
    except RuleSetError as exc:
        raise ValidationError(str(exc)) from None


def _session_of(record: EmulationYear) -> Session | None:
    session = object_session(record)
    if session is None and record.unit is not None:
        session = object_session(record.unit)
    return session


def _resolve(role: str, fallback: str, unit: Unit | None) -> str:
    if unit is None or not role:
        return fallback
    if role == "cdcs":
        return f"Ban Chấp hành {vntext.nfc(unit.name)}"
    if role == "upper" and unit.upper_union:
        return f"Ban Chấp hành {unit.upper_union}"
    if role == "federation" and unit.upper_union_parent:
        return f"Ban Chấp hành {unit.upper_union_parent}"
    if role == "employer" and unit.employer_name:
        return f"Người đứng đầu {unit.employer_name}"
    return fallback


# --- applying a set to a year --------------------------------------------------------------------


def _used_titles(session: Session | None, record: EmulationYear) -> set[str]:
    if session is None or record.id is None or object_session(record) is None:
        return set()
    from thidua_desktop.services.plan_package import _usage

    return {code for code, n in _usage(session, record).titles.items() if n}


def apply_rule_set(session: Session | None, record: EmulationYear, rule_set: RuleSet | None = None) -> list[str]:
    """Give ``record`` the rule set of its year (or ``rule_set``): key, the short line of sources,
    the title catalogue and the rule values with the set's figures as defaults.

    A value the union changed (it differs from the set's old default) is kept; a template's or
    a copied year's value is kept with the set's figure as its default. A title of another rule
    set that this one no longer has (a copied year's "Công đoàn cơ sở vững mạnh") is removed
    unless the year's records use it; a title no rule set knows is the plan's own and stays.
    Returns the codes kept although superseded.
    """
    session = session or _session_of(record)
    if session is None and rule_set is None:
        record._rule_set_pending = True  # no database yet (a copied year): looked at again on flush
    rs = rule_set or set_for(session, record)
    if not rs.covers(record.year):
        raise ValidationError(f"Bộ quy định “{rs.name}” áp dụng {rs.years_text}, không áp dụng cho năm {record.year}.")
    record.rule_set_key = rs.key
    record.rule_set = rs.summary
    used = _used_titles(session, record)
    existing = {t.code: t for t in record.titles}
    titles = []
    for i, t in enumerate(rs.titles):
        row = existing.pop(t.code, None) or AwardTitle(code=t.code)
        s = t.spec
        row.name, row.subject, row.category, row.system, row.issuer = s.name, s.subject, s.category, s.system, s.issuer
        row.women_only, row.requires_initiative, row.ordinal = s.women_only, s.requires_initiative, i
        titles.append(row)
    known = {
        t.code for other in core.merge_sets(core.builtin_rule_sets(), imported_sets(session)) for t in other.titles
    }
    kept = [row for code, row in existing.items() if code in used or code not in known]
    for n, row in enumerate(kept, len(titles)):
        row.ordinal = n
    record.titles = titles + kept

    existing_rules = {r.key: r for r in record.rules}
    rules = []
    for i, r in enumerate(rs.rules):
        s = r.spec
        row = existing_rules.pop(s.key, None)
        if row is None:
            row = RuleValue(key=s.key, value=s.value)
        elif row.default_value is not None and row.value == row.default_value:
            row.value = s.value  # not changed by the union: follows the set
        row.default_value = s.value
        row.needs_check = r.needs_check
        row.unit_of_measure, row.description, row.basis, row.ordinal = s.unit, s.description, s.basis, i
        rules.append(row)
    others = list(existing_rules.values())  # the upper union's own rules, outside the set
    for n, row in enumerate(others, len(rules)):
        row.ordinal = n
    record.rules = rules + others
    return [row.code for row in kept if row.code in known]


@event.listens_for(Session, "before_flush")
def _apply_pending(session: Session, _context, _instances) -> None:
    """A year filled in before it had a session got the built-in set of its year; with the
    database at hand, a set the upper union sent may be the one in force instead."""
    for obj in list(session.new):
        if isinstance(obj, EmulationYear) and getattr(obj, "_rule_set_pending", False):
            obj._rule_set_pending = False
            imported = imported_sets(session)
            if imported:
                try:
                    chosen = core.rule_set_for_year(obj.year, imported)
                except RuleSetError:
                    continue
                apply_rule_set(session, obj, chosen)


# --- reading -------------------------------------------------------------------------------------


def _year(session: Session, year: int) -> EmulationYear:
    record = session.scalars(
        select(EmulationYear)
        .where(EmulationYear.year == year)
        .options(selectinload(EmulationYear.titles), selectinload(EmulationYear.rules))
    ).first()
    if record is None:
        raise NotFoundError(f"Chưa có năm thi đua {year}.")
    return record


def _in_force(session: Session, record: EmulationYear) -> RuleSetInForce:
    rs = set_for(session, record)
    unit = session.get(Unit, record.unit_id)
    by_code = {t.code: t for t in rs.titles}
    sources = tuple(
        SourceRow(s.key, s.short, s.line, s.number, s.issued_on, s.issuer, s.needs_check) for s in rs.sources
    )
    in_set = {r.key: r for r in rs.rules}

    def unchecked(r: RuleValue) -> bool:  # a value taken from the set without its flag (a plan package)
        spec = in_set.get(r.key)
        return r.default_value is None and spec is not None and spec.needs_check and spec.spec.value == r.value

    rules = tuple(
        RuleRow(
            r.key,
            r.description,
            r.value,
            r.default_value,
            r.unit_of_measure,
            r.basis,
            bool(r.needs_check) or unchecked(r),
        )
        for r in record.rules
    )
    titles = []
    for t in record.titles:
        spec = by_code.get(t.code)
        titles.append(
            TitleRow(
                t.code,
                t.name,
                t.subject,
                t.system,
                t.issuer,
                _resolve(spec.issuer_role if spec else "", t.issuer, unit),
                bool(spec.needs_check) if spec else False,
            )
        )
    return RuleSetInForce(
        record.year,
        rs.key,
        rs.name,
        rs.years_text,
        rs.origin,
        _signer_of(session, rs.key) if rs.origin == "imported" else "",
        rs.summary,
        sources,
        rules,
        tuple(titles),
    )


def rules_in_force(db: Database, year: int) -> RuleSetInForce:
    """The set in force for ``year``: its sources, every value with its basis, what the union changed."""
    with db.reading() as session:
        return _in_force(session, _year(session, year))


def citation_lines(session: Session, record: EmulationYear, kind: str) -> tuple[str, ...]:
    """The "Căn cứ …;" lines of the year's rule set that document ``kind`` prints."""
    return set_for(session, record).citation_lines(kind)


def rule_sets(db: Database) -> list[RuleSet]:
    """Every set known to the data folder (built-in, with the imported ones replacing)."""
    with db.reading() as session:
        return core.merge_sets(core.builtin_rule_sets(), imported_sets(session))


# --- exchange: the signed workbook -----------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    key: str
    signer: str
    fingerprint: str


def _temporary(out: Path) -> Path:
    return out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.chua-ky.xlsx")


def _set_text(session: Session, rs: RuleSet) -> str:
    row = session.scalars(select(ImportedRuleSet).where(ImportedRuleSet.key == rs.key)).first()
    if row is not None and rs.origin == "imported":
        return row.content
    for path in sorted(core._rules_dir().glob("*.toml")):
        if core.load_rule_set(path).key == rs.key:
            return path.read_text(encoding="utf-8")
    raise NotFoundError(f"Không tìm thấy tệp của bộ quy định '{rs.key}'.")


def export_rule_set(db: Database, year: int, out: str | os.PathLike[str], spec) -> ExportResult:
    """Write the rule set of ``year`` to ``out`` (.xlsx) signed with the key ``spec``."""
    from thidua_desktop import __version__
    from thidua_desktop.exchange import rule_set_package as pkg
    from thidua_desktop.signing import open_signer
    from thidua_desktop.signing.errors import SigningError
    from thidua_desktop.signing.workbook import sign_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"Tệp {out.name}: bộ quy định gửi đi là sổ tính .xlsx; hãy đặt tên tệp đuôi .xlsx.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    with db.reading() as session:
        record = _year(session, year)
        rs = set_for(session, record)
        text = _set_text(session, rs)
        unit = session.get(Unit, record.unit_id)
        issuer = (unit.name, unit.upper_union, unit.place_name)
    temporary = _temporary(out)
    try:
        pkg.write_package(
            rs,
            text,
            issuer,
            temporary,
            generator=f"thidua_desktop {__version__}",
            generated_at=datetime.now(timezone.utc),
        )
        with open_signer(spec) as signer:
            result = sign_workbook(temporary, out, signer)
    except OSError as exc:
        raise ValidationError(
            f"Không ghi được tệp {out}: {exc.strerror or exc}. Tệp có thể đang mở trong chương trình khác."
        ) from None
    except SigningError as exc:
        raise ValidationError(exc.message) from None
    finally:
        if temporary.exists():
            temporary.unlink()
    return ExportResult(out, rs.key, result.signer, result.fingerprint)


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    sha256: str
    year: int
    key: str
    name: str
    years_text: str
    signature: object  # services.plan_package.SignatureCheck
    changes: tuple[str, ...]  # one Vietnamese line each
    blockers: tuple[str, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def can_apply(self) -> bool:
        return not self.blockers

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class ImportOutcome:
    year: int
    key: str
    applied: int
    kept_titles: tuple[str, ...]


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise ValidationError(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from None


def _read(path: Path) -> tuple[RuleSet, str]:
    from thidua_desktop.exchange import rule_set_package as pkg

    try:
        text = pkg.read_package(path)
        return core.parse_rule_set(text, path.name, origin="imported"), text
    except pkg.PackageError as exc:
        raise ValidationError(exc.message) from None
    except RuleSetError as exc:
        raise ValidationError(str(exc)) from None


def _num(value: Decimal | None) -> str:
    return "—" if value is None else vntext.format_number(value)


def _changes(session: Session, record: EmulationYear, new: RuleSet) -> tuple[list[str], list[str]]:
    old = set_for(session, record)
    lines: list[str] = []
    warnings: list[str] = []
    if old.key != new.key or old.name != new.name:
        lines.append(f"Bộ quy định: “{old.name}” → “{new.name}”.")
    old_sources = {s.key: s for s in old.sources}
    for s in new.sources:
        before = old_sources.pop(s.key, None)
        if before is None:
            lines.append(f"Văn bản căn cứ thêm: {s.line}")
        elif before.citation != s.citation:
            lines.append(f"Văn bản căn cứ sửa: {before.line} → {s.line}")
    for s in old_sources.values():
        lines.append(f"Văn bản căn cứ bỏ: {s.line}")
    for kind in core.CITING_KINDS:
        if old.citations.get(kind, ()) != new.citations.get(kind, ()):
            lines.append(f"Các dòng “Căn cứ” của {_KIND_NAMES.get(kind, kind)} thay đổi.")
    current = {r.key: r for r in record.rules}
    for r in new.rules:
        row = current.get(r.key)
        if row is None:
            lines.append(f"Quy định thêm: {r.spec.description or r.key} = {_num(r.spec.value)} {r.spec.unit}.")
            continue
        union_changed = row.default_value is not None and row.value != row.default_value
        if row.default_value != r.spec.value:
            if union_changed:
                lines.append(
                    f"Quy định {r.key}: mức của bộ quy định {_num(row.default_value)} → "
                    f"{_num(r.spec.value)}; giữ giá trị đơn vị đã sửa {_num(row.value)}."
                )
            else:
                lines.append(f"Quy định {r.key}: {_num(row.value)} → {_num(r.spec.value)} {r.spec.unit}.")
        elif (
            row.basis != r.spec.basis or row.description != r.spec.description or bool(row.needs_check) != r.needs_check
        ):
            lines.append(f"Quy định {r.key}: sửa nội dung hoặc căn cứ ({r.spec.basis}).")
    titles = {t.code: t for t in record.titles}
    for t in new.titles:
        row = titles.pop(t.code, None)
        if row is None:
            lines.append(f"Danh hiệu thêm: {t.code} — {t.spec.name}.")
        elif (row.name, row.issuer, row.subject, row.category, row.system) != (
            t.spec.name,
            t.spec.issuer,
            t.spec.subject,
            t.spec.category,
            t.spec.system,
        ):
            lines.append(f"Danh hiệu sửa: {t.code} — {row.name} → {t.spec.name} ({t.spec.issuer}).")
    used = _used_titles(session, record)
    for code, row in titles.items():
        if code in used:
            warnings.append(
                f"Danh hiệu {code} — {row.name} không còn trong bộ quy định mới nhưng đang được dùng "
                "(đăng ký, bình xét hoặc đề nghị): được giữ lại."
            )
        else:
            lines.append(f"Danh hiệu bỏ: {code} — {row.name}.")
    return lines, warnings


_KIND_NAMES = {
    "plan": "kế hoạch",
    "registration": "bản đăng ký",
    "proposals": "tờ trình",
    "award-decision": "quyết định",
    "review-minutes": "biên bản",
}


def preview_import(db: Database, paths, path: str | os.PathLike[str], year: int) -> ImportPreview:
    """Verify the signed rule-set workbook and show what applying it to ``year`` would change.
    Nothing is written."""
    from thidua_desktop.services.plan_package import check_signature

    path = Path(path)
    digest = _digest(path)
    rs, _text = _read(path)
    signature = check_signature(paths, path, "bộ quy định")
    with db.reading() as session:
        record = _year(session, year)
        blockers = []
        if not rs.covers(year):
            blockers.append(f"Bộ quy định “{rs.name}” áp dụng {rs.years_text}, không áp dụng cho năm {year}.")
            lines, warnings = [], []
        else:
            lines, warnings = _changes(session, record, rs)
    if signature.warning:
        warnings.insert(0, signature.warning)
    return ImportPreview(
        path, digest, year, rs.key, rs.name, rs.years_text, signature, tuple(lines), tuple(blockers), tuple(warnings)
    )


def apply_import(
    db: Database, paths, path: str | os.PathLike[str], year: int, *, expected_sha256: str | None = None
) -> ImportOutcome:
    """Keep the set and apply it to ``year``, all or nothing."""
    from thidua_desktop.services.plan_package import check_signature

    path = Path(path)
    digest = _digest(path)
    if expected_sha256 is not None and digest != expected_sha256:
        raise ValidationError(
            f"Tệp {path.name} đã thay đổi sau khi xem trước; hãy mở lại để xem các thay đổi rồi mới áp dụng."
        )
    rs, text = _read(path)
    signature = check_signature(paths, path, "bộ quy định")
    with db.transaction(f"Nhập bộ quy định {rs.key} cho năm {year} ({path.name})") as session:
        record = _year(session, year)
        if not rs.covers(year):
            raise ValidationError(f"Bộ quy định “{rs.name}” áp dụng {rs.years_text}, không áp dụng cho năm {year}.")
        lines, _warnings = _changes(session, record, rs)
        stored = session.scalars(select(ImportedRuleSet).where(ImportedRuleSet.key == rs.key)).first()
        if stored is None:
            stored = ImportedRuleSet(key=rs.key, content=text)
            session.add(stored)
        stored.name, stored.content, stored.sha256 = rs.name, text, hashlib.sha256(text.encode()).hexdigest()
        stored.signer, stored.signer_fingerprint = signature.signer or "", signature.fingerprint or ""
        kept = apply_rule_set(session, record, rs)
        session.flush()
    return ImportOutcome(year, rs.key, len(lines), tuple(kept))
