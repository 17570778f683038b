"""Use cases for the plan package (issue 8): export a year's plan signed; import it to create or update a year.

Export (the upper union): the year's plan as a signed workbook (:mod:`thidua_desktop.exchange.plan_package`).

Import (a CĐCS), in two steps so that nothing applies before it was shown:

1. :func:`preview_import` verifies the signature — broken or missing: refused; intact but from a
   signer not in the data folder's trusted list: a warning with the certificate's fingerprint —,
   reads the package and compares it with the year of the same number: **added / changed /
   removed** phases, movements, indicators, titles and rule values, field by field (old → new).
2. :func:`apply_import` applies it in one transaction (re-reading the file; when the file's
   SHA-256 differs from the one previewed, it is refused).

What is never lost: an indicator, title or movement the package no longer has but which the
year's registrations, results, review or proposals refer to is **kept** (with a warning in the
preview) — deleting it would orphan the figures people entered. Two changes cannot be applied
and refuse the whole import: removing a phase that already has reports or results (phases must
stay contiguous, so it cannot simply be kept), and changing the kind (count / percent / money /
yes-no) of an indicator that already has registered figures or results (they would mean
something else).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from thidua_desktop.core import applicability
from thidua_desktop.core.plan import IndicatorSpec, MovementSpec, PhaseSpec, RuleSpec, TitleSpec
from thidua_desktop.exchange import plan_package as pkg
from thidua_desktop.exchange.plan_package import PackageError, PlanContent, PlanHeader
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AwardTitle,
    CollectiveRegistration,
    EmulationYear,
    Indicator,
    IndicatorRegistration,
    IndicatorResult,
    IndividualRegistration,
    Movement,
    Phase,
    Proposal,
    Report,
    ReviewResult,
    RuleValue,
    Unit,
)

SECTION_NAMES = {
    "plan": "Kế hoạch",
    "phase": "Đợt",
    "movement": "Phong trào",
    "indicator": "Chỉ tiêu",
    "title": "Danh hiệu",
    "rule": "Quy định",
}
ACTION_NAMES = {"added": "thêm", "changed": "sửa", "removed": "bỏ", "kept": "giữ lại"}

PLAN_FIELDS = (
    ("plan_key", "mã kế hoạch"),
    ("plan_number", "số kế hoạch"),
    ("plan_issuer", "cơ quan ban hành"),
    ("plan_issued_on", "ngày ban hành"),
    ("plan_title", "tên kế hoạch"),
    ("theme", "chủ đề"),
    ("rule_set", "căn cứ khen thưởng"),
    ("registration_due", "hạn gửi đăng ký"),
    ("report_due_days", "số ngày gửi báo cáo sau đợt"),
)
PHASE_FIELDS = (
    ("name", "tên đợt"),
    ("start", "từ ngày"),
    ("end", "đến ngày"),
    ("report_due", "hạn gửi báo cáo"),
    ("lock_date", "ngày khóa số liệu"),
    ("description", "ghi chú"),
)
MOVEMENT_FIELDS = (("name", "tên"), ("launched_by", "phát động bởi"), ("description", "ghi chú"))
INDICATOR_FIELDS = (
    ("name", "tên chỉ tiêu"),
    ("unit", "đơn vị tính"),
    ("kind", "loại"),
    ("source", "cách lấy số liệu"),
    ("computed_from", "tính từ"),
    ("group", "nhóm"),
    ("levels", "áp dụng cho"),
    ("target_value", "chỉ tiêu kế hoạch"),
    ("target_text", "ghi theo kế hoạch"),
    ("movement_code", "phong trào"),
    ("description", "ghi chú"),
    ("applies_to_units", "đơn vị áp dụng"),
)
TITLE_FIELDS = (
    ("name", "tên"),
    ("subject", "đối tượng"),
    ("category", "loại"),
    ("system", "hệ thống"),
    ("issuer", "cấp tặng"),
    ("women_only", "chỉ dành cho nữ"),
    ("requires_initiative", "cần sáng kiến"),
)
RULE_FIELDS = (("value", "giá trị"), ("unit", "đơn vị"), ("description", "nội dung"), ("basis", "căn cứ"))


# --- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str  # the attribute ("target_value")
    label: str  # Vietnamese ("chỉ tiêu kế hoạch")
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    section: str  # plan | phase | movement | indicator | title | rule
    key: str  # the code (phase number, rule key); "" for the plan itself
    name: str
    action: str  # added | changed | removed | kept
    fields: tuple[FieldChange, ...] = ()
    note: str = ""

    def describe(self) -> str:
        """One line for the command line: "Chỉ tiêu CT02 (…): sửa — chỉ tiêu kế hoạch: 8.000 → 9.000"."""
        head = SECTION_NAMES[self.section] + (f" {self.key}" if self.key else "")
        if self.name:
            head += f" ({self.name})"
        text = f"{head}: {ACTION_NAMES[self.action]}"
        if self.fields:
            text += " — " + "; ".join(f"{f.label}: {f.old} → {f.new}" for f in self.fields)
        if self.note:
            text += f" [{self.note}]"
        return text


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on a received file, reduced to what the import needs."""

    signer: str
    fingerprint: str
    trusted: bool  # intact and from a trusted or known signer
    lines: tuple[str, ...]  # signing.verify.describe()

    @property
    def warning(self) -> str:
        if self.trusted:
            return ""
        return (
            f"Người ký ({self.signer or 'không rõ'}) chưa có trong danh sách chứng thư số được tin cậy. Hãy gọi điện "
            f"cho nơi gửi để đối chiếu dấu vân tay {self.fingerprint} trước khi áp dụng."
        )


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    sha256: str
    year: int
    creates_year: bool
    plan_number: str
    plan_issuer: str
    sender: str
    signature: SignatureCheck
    changes: tuple[Change, ...]
    warnings: tuple[str, ...]
    blockers: tuple[str, ...]  # reasons the package cannot be applied
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def can_apply(self) -> bool:
        return not self.blockers

    @property
    def has_changes(self) -> bool:
        return self.creates_year or any(c.action != "kept" for c in self.changes)


@dataclass(frozen=True)
class ImportOutcome:
    year: int
    created: bool
    applied: int  # changes applied
    kept: tuple[str, ...]  # entries kept although the package removed them


@dataclass(frozen=True)
class ExportResult:
    path: Path
    year: int
    signer: str
    fingerprint: str
    counts: dict[str, int]


# --- content of a year -----------------------------------------------------------------------------


def _load_year(session: Session, year: int) -> EmulationYear | None:
    return session.scalars(
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


def _content(record: EmulationYear) -> PlanContent:
    return PlanContent(
        plan=PlanHeader(
            record.year,
            record.plan_key,
            record.plan_number,
            record.plan_issuer,
            record.plan_issued_on,
            record.plan_title,
            record.theme,
            record.rule_set,
            record.registration_due,
            record.report_due_days,
        ),
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
                applicability.parse_tokens(x.applies_to or ""),
            )
            for x in record.indicators
        ),
        titles=tuple(
            TitleSpec(t.code, t.name, t.subject, t.category, t.system, t.issuer, t.women_only, t.requires_initiative)
            for t in record.titles
        ),
        rules=tuple(RuleSpec(r.key, r.value, r.unit_of_measure, r.description, r.basis) for r in record.rules),
    )


def year_content(db: Database, year: int) -> PlanContent:
    """The year's plan as a package would carry it (also what a round trip compares)."""
    with db.reading() as session:
        record = _load_year(session, year)
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        return _content(record)


def _counts(content: PlanContent) -> dict[str, int]:
    return {
        "phases": len(content.phases),
        "movements": len(content.movements),
        "indicators": len(content.indicators),
        "titles": len(content.titles),
        "rules": len(content.rules),
    }


# --- export ----------------------------------------------------------------------------------------


def _temporary(out: Path) -> Path:
    return out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.chua-ky.xlsx")


def export_package(db: Database, year: int, out: str | os.PathLike[str], spec) -> ExportResult:
    """Write the year's plan to ``out`` (.xlsx) signed with the key ``spec`` (P12Spec / Pkcs11Spec)."""
    from thidua_desktop import __version__
    from thidua_desktop.signing import open_signer
    from thidua_desktop.signing.errors import SigningError
    from thidua_desktop.signing.workbook import sign_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"Tệp {out.name}: gói kế hoạch là sổ tính .xlsx; hãy đặt tên tệp đuôi .xlsx.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    with db.reading() as session:
        record = _load_year(session, year)
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        content = _content(record)
        unit = session.get(Unit, record.unit_id)
        issuer = pkg.Issuer(unit.id.hex, unit.name, unit.code, unit.issuer_code, unit.upper_union, unit.place_name)
        ids = {("phases", str(p.number)): p.id.hex for p in record.phases}
        ids.update({("movements", m.code): m.id.hex for m in record.movements})
        ids.update({("indicators", x.code): x.id.hex for x in record.indicators})
        ids.update({("titles", t.code): t.id.hex for t in record.titles})
        ids.update({("rules", r.key): r.id.hex for r in record.rules})
    temporary = _temporary(out)
    try:
        pkg.write_package(content, issuer, temporary, generator=f"thidua_desktop {__version__}", record_ids=ids)
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
    return ExportResult(out, year, result.signer, result.fingerprint, _counts(content))


# --- verifying a received file ---------------------------------------------------------------------


def check_signature(paths, path: Path, what: str) -> SignatureCheck:
    """Verify a received workbook against the data folder's trusted list.

    No signature, a broken one or changed data: refused (:class:`ValidationError`). Intact but
    from an unknown signer: returned with ``trusted`` False — the caller shows the warning.
    """
    from thidua_desktop.services import signing as signing_service
    from thidua_desktop.signing.verify import INVALID, UNREADABLE, describe

    verdict = signing_service.verify_document(paths, path)
    lines = tuple(describe(verdict))
    if verdict.status == UNREADABLE:
        raise ValidationError(f"Tệp {path.name}: " + (verdict.reasons[0] if verdict.reasons else "không đọc được."))
    if verdict.status == INVALID:
        why = "; ".join(verdict.reasons) or verdict.summary()
        if not verdict.signatures:
            raise ValidationError(
                f"Tệp {path.name} không có chữ ký số nên không nhận {what}: {why} Hãy đề nghị "
                "nơi gửi ký số rồi gửi lại."
            )
        raise ValidationError(
            f"Tệp {path.name}: chữ ký số KHÔNG hợp lệ — {why} Không nhận {what} từ tệp này; "
            "hãy đề nghị nơi gửi gửi lại bản gốc."
        )
    return SignatureCheck(verdict.signer, verdict.fingerprint, verdict.accepted, lines)


def _read(path: Path) -> pkg.Package:
    try:
        return pkg.read_package(path)
    except PackageError as exc:
        raise ValidationError(exc.message) from None


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise ValidationError(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from None


# --- the diff --------------------------------------------------------------------------------------


def _fields(old, new, names) -> tuple[FieldChange, ...]:
    found = []
    for attr, label in names:
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b and not (a in (None, "") and b in (None, "")):
            found.append(FieldChange(attr, label, pkg.show_value(a, attr), pkg.show_value(b, attr)))
    return tuple(found)


@dataclass
class _Usage:
    """What the year's records refer to, so nothing they need is removed."""

    indicators: dict[str, int] = field(default_factory=dict)  # code → registered figures + results
    titles: dict[str, int] = field(default_factory=dict)
    movements: dict[str, int] = field(default_factory=dict)
    phases: dict[int, int] = field(default_factory=dict)  # number → reports + results


def _usage(session: Session, record: EmulationYear | None) -> _Usage:
    usage = _Usage()
    if record is None:
        return usage

    def add(target: dict, rows) -> None:
        for key, n in rows:
            target[key] = target.get(key, 0) + n

    yid = record.id
    add(
        usage.indicators,
        session.execute(
            select(IndicatorRegistration.indicator_code, func.count())
            .where(IndicatorRegistration.year_id == yid)
            .group_by(IndicatorRegistration.indicator_code)
        ),
    )
    add(
        usage.indicators,
        session.execute(
            select(IndicatorResult.indicator_code, func.count())
            .where(IndicatorResult.year_id == yid)
            .group_by(IndicatorResult.indicator_code)
        ),
    )
    add(
        usage.titles,
        session.execute(
            select(IndividualRegistration.title_code, func.count())
            .where(IndividualRegistration.year_id == yid)
            .group_by(IndividualRegistration.title_code)
        ),
    )
    add(
        usage.titles,
        session.execute(
            select(ReviewResult.title_code, func.count())
            .where(ReviewResult.year_id == yid)
            .group_by(ReviewResult.title_code)
        ),
    )
    add(
        usage.titles,
        session.execute(
            select(Proposal.award_code, func.count()).where(Proposal.year_id == yid).group_by(Proposal.award_code)
        ),
    )
    collective = session.scalars(select(CollectiveRegistration).where(CollectiveRegistration.year_id == yid)).first()
    if collective is not None:
        add(usage.titles, ((code, 1) for code in collective.title_codes or []))
        add(usage.movements, ((code, 1) for code in collective.movement_codes or []))
    add(
        usage.phases,
        session.execute(
            select(Report.phase_number, func.count()).where(Report.year_id == yid).group_by(Report.phase_number)
        ),
    )
    add(
        usage.phases,
        session.execute(
            select(IndicatorResult.phase_number, func.count())
            .where(IndicatorResult.year_id == yid)
            .group_by(IndicatorResult.phase_number)
        ),
    )
    return usage


@dataclass
class _Diff:
    changes: list[Change]
    warnings: list[str]
    blockers: list[str]
    keep: dict[str, set[str]]  # section → keys kept although removed by the package


def _diff(old: PlanContent | None, new: PlanContent, usage: _Usage) -> _Diff:
    changes: list[Change] = []
    warnings: list[str] = []
    blockers: list[str] = []
    keep: dict[str, set[str]] = {"movement": set(), "indicator": set(), "title": set()}
    if old is None:
        for section, items, key in (
            ("phase", new.phases, lambda x: str(x.number)),
            ("movement", new.movements, lambda x: x.code),
            ("indicator", new.indicators, lambda x: x.code),
            ("title", new.titles, lambda x: x.code),
            ("rule", new.rules, lambda x: x.key),
        ):
            changes.extend(Change(section, key(x), getattr(x, "name", ""), "added") for x in items)
        return _Diff(changes, warnings, blockers, keep)

    plan_fields = _fields(old.plan, new.plan, PLAN_FIELDS)
    if plan_fields:
        changes.append(Change("plan", "", f"năm {new.plan.year}", "changed", plan_fields))

    # phases by number: a removed phase with reports or results cannot be kept (phases are contiguous)
    old_phases = {p.number: p for p in old.phases}
    new_phases = {p.number: p for p in new.phases}
    for number, phase in new_phases.items():
        before = old_phases.get(number)
        if before is None:
            changes.append(Change("phase", str(number), phase.name, "added"))
        else:
            f = _fields(before, phase, PHASE_FIELDS)
            if f:
                changes.append(Change("phase", str(number), phase.name, "changed", f))
    for number, phase in old_phases.items():
        if number not in new_phases:
            used = usage.phases.get(number, 0)
            note = f"đã có {used} báo cáo/kết quả" if used else ""
            changes.append(Change("phase", str(number), phase.name, "removed", note=note))
            if used:
                blockers.append(
                    f"Gói kế hoạch bỏ {phase.name} nhưng đợt này đã có {used} báo cáo hoặc kết quả chỉ "
                    "tiêu. Không thể giữ lại một đợt (các đợt phải liền nhau) mà cũng không được xóa số "
                    "liệu đã nhập: hãy liên hệ công đoàn cấp trên."
                )

    def by_code(section, old_items, new_items, names, used: dict[str, int] | None, what: str, key=lambda x: x.code):
        old_map = {key(x): x for x in old_items}
        new_map = {key(x): x for x in new_items}
        for code, item in new_map.items():
            before = old_map.get(code)
            if before is None:
                changes.append(Change(section, code, getattr(item, "name", ""), "added"))
            else:
                f = _fields(before, item, names)
                if f:
                    changes.append(Change(section, code, getattr(item, "name", ""), "changed", f))
        for code, item in old_map.items():
            if code in new_map:
                continue
            n = (used or {}).get(code, 0)
            name = getattr(item, "name", "")
            if n:
                keep[section].add(code)
                changes.append(Change(section, code, name, "kept", note=f"đang được dùng ở {n} bản ghi"))
                warnings.append(
                    f"{what} {code} ({name}) không còn trong gói kế hoạch nhưng đang được dùng ở {n} bản "
                    "ghi của năm (đăng ký, kết quả, bình xét hoặc đề nghị khen thưởng): được GIỮ LẠI để "
                    "không mất số liệu đã nhập."
                )
            else:
                changes.append(Change(section, code, name, "removed"))
        return old_map, new_map

    old_ind, new_ind = by_code(
        "indicator", old.indicators, new.indicators, INDICATOR_FIELDS, usage.indicators, "Chỉ tiêu"
    )
    for code, item in new_ind.items():
        before = old_ind.get(code)
        if before is not None and before.kind != item.kind and usage.indicators.get(code):
            blockers.append(
                f"Gói kế hoạch đổi loại chỉ tiêu {code} từ '{pkg.show_value(before.kind, 'kind')}' sang "
                f"'{pkg.show_value(item.kind, 'kind')}', nhưng chỉ tiêu này đã có {usage.indicators[code]} số đăng ký "
                "hoặc kết quả: các số đó sẽ mang nghĩa khác. Không áp dụng; hãy liên hệ công đoàn cấp trên."
            )
    by_code("title", old.titles, new.titles, TITLE_FIELDS, usage.titles, "Danh hiệu")
    # a movement is also needed by the indicators that stay
    movement_use = dict(usage.movements)
    final_indicators = list(new.indicators) + [x for x in old.indicators if x.code in keep["indicator"]]
    for x in final_indicators:
        if x.movement_code:
            movement_use[x.movement_code] = movement_use.get(x.movement_code, 0) + 1
    by_code("movement", old.movements, new.movements, MOVEMENT_FIELDS, movement_use, "Phong trào")
    by_code("rule", old.rules, new.rules, RULE_FIELDS, None, "Quy định", key=lambda r: r.key)
    order = {"plan": 0, "phase": 1, "movement": 2, "indicator": 3, "title": 4, "rule": 5}
    changes.sort(key=lambda c: order[c.section])
    return _Diff(changes, warnings, blockers, keep)


# --- import ----------------------------------------------------------------------------------------


def _unit(session: Session) -> Unit:
    unit = session.scalars(select(Unit).limit(1)).first()
    if unit is None:
        raise NotFoundError(
            "Chưa khai báo thông tin đơn vị (công đoàn cơ sở): hãy khai báo đơn vị trước khi nhập gói kế hoạch."
        )
    return unit


def preview_import(db: Database, paths, path: str | os.PathLike[str]) -> ImportPreview:
    """Verify and read the package and compare it with the year it is for. Changes nothing."""
    path = Path(path)
    digest = _digest(path)
    package = _read(path)  # "is this ours, is it a plan package" before the signature's verdict
    check = check_signature(paths, path, "gói kế hoạch")
    content = package.content
    with db.reading() as session:
        _unit(session)
        record = _load_year(session, content.plan.year)
        old = _content(record) if record is not None else None
        diff = _diff(old, content, _usage(session, record))
    warnings = ([check.warning] if check.warning else []) + diff.warnings
    return ImportPreview(
        path,
        digest,
        content.plan.year,
        record is None,
        content.plan.plan_number,
        content.plan.plan_issuer,
        package.issuer_name,
        check,
        tuple(diff.changes),
        tuple(warnings),
        tuple(diff.blockers),
        _counts(content),
    )


def _apply_plan(record: EmulationYear, plan: PlanHeader) -> None:
    record.plan_key = plan.plan_key
    record.plan_number = plan.plan_number
    record.plan_issuer = plan.plan_issuer
    record.plan_issued_on = plan.plan_issued_on
    record.plan_title = plan.plan_title
    record.theme = plan.theme
    record.rule_set = plan.rule_set
    record.registration_due = plan.registration_due
    record.report_due_days = plan.report_due_days
    record.plan_source = "package"


def _merge(session: Session, existing: list, specs, key_of_spec, key_of_row, make, update, keep: set[str]) -> None:
    """Update rows in place by key, add new ones, delete the rest unless kept; order as the package."""
    rows = {key_of_row(r): r for r in existing}
    ordered = []
    for spec in specs:
        row = rows.pop(key_of_spec(spec), None)
        if row is None:
            row = make(spec)
            existing.append(row)
        else:
            update(row, spec)
        ordered.append(row)
    for key, row in rows.items():
        if key in keep:
            ordered.append(row)
        else:
            existing.remove(row)  # delete-orphan
    for i, row in enumerate(ordered):
        if hasattr(row, "ordinal"):
            row.ordinal = i


def _set_movement(row: Movement, m: MovementSpec) -> None:
    row.code, row.name, row.launched_by, row.description = m.code, m.name, m.launched_by, m.description


def _set_indicator(row: Indicator, x: IndicatorSpec) -> None:
    row.code, row.name, row.unit_of_measure, row.kind, row.source = x.code, x.name, x.unit, x.kind, x.source
    row.computed_from, row.group, row.levels = x.computed_from, x.group, ",".join(x.levels)
    row.plan_target, row.plan_target_text, row.movement_code = x.target_value, x.target_text, x.movement_code
    row.description = x.description
    row.applies_to = applicability.format_tokens(x.applies_to_units)


def _set_title(row: AwardTitle, t: TitleSpec) -> None:
    row.code, row.name, row.subject, row.category, row.system = t.code, t.name, t.subject, t.category, t.system
    row.issuer, row.women_only, row.requires_initiative = t.issuer, t.women_only, t.requires_initiative


def _set_rule(row: RuleValue, r: RuleSpec) -> None:
    row.key, row.value, row.unit_of_measure, row.description, row.basis = r.key, r.value, r.unit, r.description, r.basis


def _set_phase(row: Phase, p: PhaseSpec) -> None:
    row.number, row.name, row.start, row.end = p.number, p.name, p.start, p.end
    row.report_due, row.lock_date, row.description = p.report_due, p.lock_date, p.description


def _new(cls, setter):
    def make(spec):
        row = cls()
        setter(row, spec)
        return row

    return make


def apply_import(
    db: Database, paths, path: str | os.PathLike[str], *, expected_sha256: str | None = None
) -> ImportOutcome:
    """Create or update the year from the package, in one transaction (see the module text)."""
    path = Path(path)
    digest = _digest(path)
    if expected_sha256 is not None and digest != expected_sha256:
        raise ValidationError(
            f"Tệp {path.name} đã thay đổi sau khi xem trước; hãy mở lại để xem các thay đổi rồi mới áp dụng."
        )
    package = _read(path)
    check_signature(paths, path, "gói kế hoạch")
    content = package.content
    year = content.plan.year
    with db.transaction(f"Nhập gói kế hoạch năm {year} ({path.name})") as session:
        unit = _unit(session)
        record = _load_year(session, year)
        old = _content(record) if record is not None else None
        diff = _diff(old, content, _usage(session, record))
        if diff.blockers:
            raise ValidationError("Không áp dụng được gói kế hoạch:\n" + "\n".join(f"- {b}" for b in diff.blockers))
        created = record is None
        if created:
            record = EmulationYear(unit=unit, year=year)
            session.add(record)
        _apply_plan(record, content.plan)
        _merge(
            session,
            record.phases,
            content.phases,
            lambda p: p.number,
            lambda r: r.number,
            _new(Phase, _set_phase),
            _set_phase,
            set(),
        )
        _merge(
            session,
            record.movements,
            content.movements,
            lambda m: m.code,
            lambda r: r.code,
            _new(Movement, _set_movement),
            _set_movement,
            diff.keep["movement"],
        )
        _merge(
            session,
            record.indicators,
            content.indicators,
            lambda x: x.code,
            lambda r: r.code,
            _new(Indicator, _set_indicator),
            _set_indicator,
            diff.keep["indicator"],
        )
        _merge(
            session,
            record.titles,
            content.titles,
            lambda t: t.code,
            lambda r: r.code,
            _new(AwardTitle, _set_title),
            _set_title,
            diff.keep["title"],
        )
        _merge(
            session,
            record.rules,
            content.rules,
            lambda r: r.key,
            lambda r: r.key,
            _new(RuleValue, _set_rule),
            _set_rule,
            set(),
        )
        session.flush()
    kept = tuple(f"{SECTION_NAMES[c.section]} {c.key}" for c in diff.changes if c.action == "kept")
    applied = sum(1 for c in diff.changes if c.action != "kept")
    return ImportOutcome(year, created, applied, kept)


def apply_and_list_years(db: Database, paths, path, expected_sha256: str | None = None):
    """For the GUI worker: apply, then the years list the year selector needs."""
    from thidua_desktop.services import year as year_service

    outcome = apply_import(db, paths, path, expected_sha256=expected_sha256)
    return outcome, year_service.list_years(db)


__all__ = [
    "ACTION_NAMES",
    "Change",
    "ExportResult",
    "FieldChange",
    "ImportOutcome",
    "ImportPreview",
    "SECTION_NAMES",
    "SignatureCheck",
    "apply_and_list_years",
    "apply_import",
    "check_signature",
    "export_package",
    "preview_import",
    "year_content",
]
