"""The plan package: a year's plan as a workbook the upper union sends down (issue 8).

The upper union exports its year (``thidua plan-package export``); a CĐCS imports the file to
create its year or to see and apply the changes. The workbook has sheets a person reads (the
official header lines, Vietnamese column names) and the hidden ``_du_lieu`` sheet
(:mod:`thidua_desktop.documents.machine`) with ``document_kind`` = ``plan-package``, which is
what the import reads:

* ``[meta]`` — the usual keys, plus the year's plan: ``plan_key``, ``plan_number``,
  ``plan_issuer``, ``plan_issued_on``, ``plan_title``, ``theme``, ``rule_set``,
  ``registration_due``, ``report_due_days`` (``year`` is the emulation year);
* ``[phases]`` — ``record_id``, ``phase``, ``name``, ``start``, ``end``, ``report_due``,
  ``lock_date``, ``description``;
* ``[movements]`` — ``record_id``, ``movement_code``, ``movement_name``, ``launched_by``,
  ``description``;
* ``[indicators]`` — ``record_id``, ``indicator_code``, ``indicator_name``,
  ``unit_of_measure``, ``kind``, ``source``, ``computed_from``, ``group``, ``levels``
  (``cdcs,upper``), ``target_value``, ``target_text``, ``movement_code``, ``description``,
  ``applies_to`` (sectors / kinds of unit, ``state_agency,public_service``; empty or absent in
  older packages = every unit);
* ``[titles]`` — ``record_id``, ``title_code``, ``title_name``, ``subject``, ``category``,
  ``system``, ``issuer``, ``women_only``, ``requires_initiative``;
* ``[rules]`` — ``record_id``, ``key``, ``value``, ``unit_of_measure``, ``description``, ``basis``.

Every entry is checked with the same rules as a plan template file (:mod:`thidua_desktop.core.plan`);
a bad cell is refused with a Vietnamese message naming the file, the sheet, the row and the
column. Signing and verifying are the services' business; this module only writes and reads.
No Qt, no database.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from thidua_desktop.core import applicability, vntext
from thidua_desktop.core import plan as plan_core
from thidua_desktop.core.plan import IndicatorSpec, MovementSpec, PhaseSpec, RuleSpec, TitleSpec
from thidua_desktop.documents import machine
from thidua_desktop.errors import UserError

DOCUMENT_KIND = "plan-package"
SHEET = machine.SHEET

PLAN_META_KEYS = (
    "plan_key",
    "plan_number",
    "plan_issuer",
    "plan_issued_on",
    "plan_title",
    "theme",
    "rule_set",
    "registration_due",
    "report_due_days",
)

# machine column → the key the plan-template parser knows
PHASE_COLUMNS = {
    "phase": "number",
    "name": "name",
    "start": "start",
    "end": "end",
    "report_due": "report_due",
    "lock_date": "lock_date",
    "description": "description",
}
MOVEMENT_COLUMNS = {
    "movement_code": "code",
    "movement_name": "name",
    "launched_by": "launched_by",
    "description": "description",
}
INDICATOR_COLUMNS = {
    "indicator_code": "code",
    "indicator_name": "name",
    "unit_of_measure": "unit",
    "kind": "kind",
    "source": "source",
    "computed_from": "computed_from",
    "group": "group",
    "levels": "levels",
    "target_value": "target_value",
    "target_text": "target_text",
    "movement_code": "movement_code",
    "description": "description",
    "applies_to": "applies_to",
}
TITLE_COLUMNS = {
    "title_code": "code",
    "title_name": "name",
    "subject": "subject",
    "category": "category",
    "system": "system",
    "issuer": "issuer",
    "women_only": "women_only",
    "requires_initiative": "requires_initiative",
}
RULE_COLUMNS = {
    "key": "key",
    "value": "value",
    "unit_of_measure": "unit",
    "description": "description",
    "basis": "basis",
}
SECTIONS = {
    "phases": PHASE_COLUMNS,
    "movements": MOVEMENT_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "titles": TITLE_COLUMNS,
    "rules": RULE_COLUMNS,
}
_OPTIONAL = {
    "phases": {"lock_date", "description", "report_due"},
    "movements": {"description"},
    "indicators": {"computed_from", "target_value", "target_text", "movement_code", "description", "applies_to"},
    "titles": {"women_only", "requires_initiative"},
    "rules": {"description"},
}

KIND_NAMES = {"count": "số lượng", "percent": "tỷ lệ %", "money": "số tiền (đồng)", "yesno": "có/không"}
LEVEL_NAMES = {"cdcs": "CĐCS", "upper": "cấp trên"}
SUBJECT_NAMES = {"individual": "cá nhân", "collective": "tập thể"}
CATEGORY_NAMES = {"title": "danh hiệu", "award": "hình thức khen thưởng"}
SYSTEM_NAMES = {"state": "Nhà nước", "union": "Công đoàn"}
SOURCE_NAMES = {"computed": "tự tính từ dữ liệu", "entered": "nhập tay"}


class PackageError(UserError, ValueError):
    """A file that is not a usable plan package; the message is Vietnamese and names where."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PlanHeader:
    """The year-level fields of the plan (the upper union's kế hoạch)."""

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


@dataclass(frozen=True)
class PlanContent:
    """A year's whole plan: what a package carries and what the import compares."""

    plan: PlanHeader
    phases: tuple[PhaseSpec, ...]
    movements: tuple[MovementSpec, ...]
    indicators: tuple[IndicatorSpec, ...]
    titles: tuple[TitleSpec, ...]
    rules: tuple[RuleSpec, ...]


@dataclass(frozen=True)
class Issuer:
    """Who sends the package: printed in the header lines and kept in ``[meta]``."""

    unit_id: str = ""
    name: str = ""
    code: str = ""
    issuer_code: str = ""
    upper_union: str = ""
    place_name: str = ""


@dataclass
class Package:
    content: PlanContent
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def issuer_name(self) -> str:
        return str(self.meta.get("unit_name") or self.content.plan.plan_issuer or "")


# --- writing ---------------------------------------------------------------------------------------


def _d(value: date | None) -> str:
    return vntext.format_date(value) if value else ""


def _document(content: PlanContent, issuer: Issuer, issued_on: date):
    from thidua_desktop.documents.kinds.common import short_unit
    from thidua_desktop.documents.layout import Column, Document, Header, Table

    p = content.plan
    header = Header(
        upper=issuer.upper_union,
        issuer=short_unit(issuer.name or p.plan_issuer),
        number=f"Số: {p.plan_number}" if p.plan_number else "Số:      /",
        place_date=vntext.place_date_line(issuer.place_name, issued_on) if issuer.place_name else "",
    )
    info = Table(
        [Column("Nội dung", 1.2, xlsx_width=34), Column("Thông tin", 2.8, xlsx_width=70)],
        [
            ["Năm thi đua", str(p.year)],
            ["Số kế hoạch", p.plan_number],
            ["Ngày ban hành", p.plan_issued_on],
            ["Cơ quan ban hành", p.plan_issuer],
            ["Tên kế hoạch", p.plan_title],
            ["Chủ đề", p.theme],
            ["Căn cứ khen thưởng", p.rule_set],
            ["Hạn gửi đăng ký thi đua", p.registration_due],
            ["Số ngày gửi báo cáo sau khi kết thúc đợt", p.report_due_days],
            ["Mã kế hoạch", p.plan_key],
        ],
        sheet="Kế hoạch",
        caption=f"THÔNG TIN KẾ HOẠCH THI ĐUA NĂM {p.year}",
    )
    phases = Table(
        [
            Column("Đợt", 0.5, "center", "int"),
            Column("Tên đợt", 1.6),
            Column("Từ ngày", 1, "center", "date"),
            Column("Đến ngày", 1, "center", "date"),
            Column("Hạn gửi báo cáo", 1, "center", "date"),
            Column("Ngày khóa số liệu", 1, "center", "date"),
            Column("Ghi chú", 2),
        ],
        [[x.number, x.name, x.start, x.end, x.report_due, x.lock_date, x.description] for x in content.phases],
        sheet="Các đợt",
        caption="CÁC ĐỢT THI ĐUA VÀ HẠN BÁO CÁO",
    )
    movements = Table(
        [
            Column("Mã", 0.6),
            Column("Phong trào, cuộc vận động", 3),
            Column("Phát động bởi", 1.4),
            Column("Ghi chú", 1.6),
        ],
        [[m.code, m.name, m.launched_by, m.description] for m in content.movements],
        sheet="Phong trào",
        caption="CÁC PHONG TRÀO THI ĐUA, CUỘC VẬN ĐỘNG",
    )
    indicators = Table(
        [
            Column("Mã", 0.6),
            Column("Chỉ tiêu", 3.2),
            Column("Đơn vị tính", 1),
            Column("Loại", 0.9),
            Column("Chỉ tiêu kế hoạch", 0.9, "right", "number"),
            Column("Ghi theo kế hoạch", 1.1),
            Column("Áp dụng cho", 0.9),
            Column("Đơn vị áp dụng", 1.1),
            Column("Cách lấy số liệu", 1),
            Column("Nhóm", 0.5),
            Column("Phong trào", 0.6),
        ],
        [
            [
                x.code,
                x.name,
                x.unit,
                KIND_NAMES.get(x.kind, x.kind),
                x.target_value,
                x.target_text,
                ", ".join(LEVEL_NAMES.get(v, v) for v in x.levels),
                applicability.describe(x.applies_to_units),
                SOURCE_NAMES.get(x.source, x.source),
                x.group,
                x.movement_code or "",
            ]
            for x in content.indicators
        ],
        sheet="Chỉ tiêu",
        caption="CÁC CHỈ TIÊU THI ĐUA",
    )
    titles = Table(
        [
            Column("Mã", 0.8),
            Column("Danh hiệu, hình thức khen thưởng", 3),
            Column("Đối tượng", 0.8),
            Column("Loại", 1.2),
            Column("Hệ thống", 0.8),
            Column("Cấp tặng", 1.6),
            Column("Chỉ dành cho nữ", 0.7, "center", "yesno"),
            Column("Cần sáng kiến", 0.7, "center", "yesno"),
        ],
        [
            [
                t.code,
                t.name,
                SUBJECT_NAMES.get(t.subject, t.subject),
                CATEGORY_NAMES.get(t.category, t.category),
                SYSTEM_NAMES.get(t.system, t.system),
                t.issuer,
                1 if t.women_only else 0,
                1 if t.requires_initiative else 0,
            ]
            for t in content.titles
        ],
        sheet="Danh hiệu",
        caption="DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG",
    )
    rules = Table(
        [
            Column("Khóa", 1.4),
            Column("Giá trị", 0.7, "right", "number"),
            Column("Đơn vị", 0.8),
            Column("Nội dung", 2.6),
            Column("Căn cứ", 1.6),
        ],
        [[r.key, r.value, r.unit, r.description, r.basis] for r in content.rules],
        sheet="Quy định",
        caption="CÁC QUY ĐỊNH (MỨC TRẦN, NGƯỠNG)",
    )
    return Document(
        kind=DOCUMENT_KIND,
        header=header,
        type_name="KẾ HOẠCH",
        subject=f"Phong trào thi đua năm {p.year} (dữ liệu kế hoạch gửi các công đoàn cơ sở)",
        body=[info, phases, movements, indicators, titles, rules],
        title=p.plan_title or f"Kế hoạch thi đua năm {p.year}",
        author=issuer.name or p.plan_issuer,
    )


def machine_data(
    content: PlanContent,
    issuer: Issuer,
    *,
    generated_at: str,
    generator: str,
    record_ids: Mapping[tuple[str, str], str] | None = None,
) -> machine.MachineData:
    """The ``_du_lieu`` data of a package. ``record_ids`` maps (section, key) to the record's UUID."""
    ids = record_ids or {}
    p = content.plan
    meta: dict[str, object] = {
        "schema": machine.SCHEMA,
        "schema_version": machine.SCHEMA_VERSION,
        "generator": generator,
        "generated_at": generated_at,
        "document_kind": DOCUMENT_KIND,
        "document_code": p.plan_number,
        "issued_on": p.plan_issued_on,
        "unit_id": issuer.unit_id,
        "unit_name": issuer.name,
        "unit_code": issuer.code,
        "issuer_code": issuer.issuer_code,
        "upper_union": issuer.upper_union,
        "year": p.year,
        "plan_key": p.plan_key,
        "plan_number": p.plan_number,
        "plan_issuer": p.plan_issuer,
        "plan_issued_on": p.plan_issued_on,
        "plan_title": p.plan_title,
        "theme": p.theme,
        "rule_set": p.rule_set,
        "registration_due": p.registration_due,
        "report_due_days": p.report_due_days,
    }
    tables = [
        machine.MachineTable(
            "phases",
            ["record_id", *PHASE_COLUMNS],
            [
                [
                    ids.get(("phases", str(x.number))),
                    x.number,
                    x.name,
                    x.start,
                    x.end,
                    x.report_due,
                    x.lock_date,
                    x.description,
                ]
                for x in content.phases
            ],
        ),
        machine.MachineTable(
            "movements",
            ["record_id", *MOVEMENT_COLUMNS],
            [[ids.get(("movements", m.code)), m.code, m.name, m.launched_by, m.description] for m in content.movements],
        ),
        machine.MachineTable(
            "indicators",
            ["record_id", *INDICATOR_COLUMNS],
            [
                [
                    ids.get(("indicators", x.code)),
                    x.code,
                    x.name,
                    x.unit,
                    x.kind,
                    x.source,
                    x.computed_from,
                    x.group,
                    ",".join(x.levels),
                    x.target_value,
                    x.target_text,
                    x.movement_code,
                    x.description,
                    ",".join(x.applies_to_units),
                ]
                for x in content.indicators
            ],
        ),
        machine.MachineTable(
            "titles",
            ["record_id", *TITLE_COLUMNS],
            [
                [
                    ids.get(("titles", t.code)),
                    t.code,
                    t.name,
                    t.subject,
                    t.category,
                    t.system,
                    t.issuer,
                    t.women_only,
                    t.requires_initiative,
                ]
                for t in content.titles
            ],
        ),
        machine.MachineTable(
            "rules",
            ["record_id", *RULE_COLUMNS],
            [[ids.get(("rules", r.key)), r.key, r.value, r.unit, r.description, r.basis] for r in content.rules],
        ),
    ]
    return machine.MachineData(meta, tables)


def write_package(
    content: PlanContent,
    issuer: Issuer,
    out: str | os.PathLike[str],
    *,
    generator: str,
    record_ids: Mapping[tuple[str, str], str] | None = None,
    issued_on: date | None = None,
    generated_at: datetime | None = None,
) -> None:
    """Write the (unsigned) package workbook to ``out``."""
    from thidua_desktop.documents.workbook import write_workbook

    moment = (generated_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    doc = _document(content, issuer, issued_on or content.plan.plan_issued_on or date.today())
    write_workbook(
        doc, machine_data(content, issuer, generated_at=moment, generator=generator, record_ids=record_ids), out
    )


# --- reading ---------------------------------------------------------------------------------------


class _CellEntry(plan_core._Entry):
    """A plan-template entry read from one row of ``_du_lieu``: a failure names sheet, row and column."""

    def __init__(self, source: str, row: int, columns: Mapping[str, tuple[int, str]], data: Mapping[str, Any]):
        super().__init__(source, "", data)
        self.row = row
        self.columns = columns  # parser key → (0-based column, machine column name)
        self._key: str | None = None

    def _get(self, key: str, required: bool) -> Any:
        self._key = key
        return super()._get(key, required)

    def fail(self, message: str) -> NoReturn:
        where = f"trang {SHEET}, dòng {self.row}"
        if self._key in self.columns:
            col, name = self.columns[self._key]
            where += f", cột {_letter(col)} ({name})"
        raise PackageError(f"Tệp {self.source}: {where}: {message}")


def _letter(col: int) -> str:
    from thidua_desktop.exchange.spreadsheet import column_letter

    return column_letter(col)


def _plain(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def _sections(rows: list[list], source: str) -> tuple[dict[str, tuple[int, object]], dict[str, machine.Section]]:
    """The machine sheet's ``[meta]`` and sections (:func:`machine.read_sections`); a section
    that comes twice or data outside any section is refused at the first such row."""
    cut = machine.read_sections(rows, _plain)
    sections: dict[str, machine.Section] = {}
    problems: list[tuple[int, str]] = [
        (row, "dữ liệu nằm ngoài mục nào (trang dữ liệu bị sửa tay?).") for row in cut.stray_rows[:1]
    ]
    for section in cut.sections:
        if section.name in sections:
            problems.append((section.header_row, f"mục [{section.name}] xuất hiện hai lần."))
            break
        section.header = [str(v) if v is not None else "" for v in section.header]
        sections[section.name] = section
    if problems:
        row, message = min(problems)
        raise PackageError(f"Tệp {source}: trang {SHEET}, dòng {row}: {message}")
    return cut.meta, sections


def _meta_entry(source: str, meta: dict[str, tuple[int, object]]) -> _CellEntry:
    return _MetaEntry(source, meta, {k: v for k, (_, v) in meta.items() if v is not None})


class _MetaEntry(_CellEntry):
    def __init__(self, source: str, meta: dict[str, tuple[int, object]], data: Mapping[str, Any]):
        super().__init__(source, 0, {}, data)
        self.meta_rows = meta

    def fail(self, message: str) -> NoReturn:
        row = self.meta_rows.get(self._key or "", (None,))[0]
        where = f"trang {SHEET}, mục [meta]"
        if row:
            where += f", dòng {row}, cột B ({self._key})"
        elif self._key:
            where += f", khóa {self._key}"
        raise PackageError(f"Tệp {self.source}: {where}: {message}")


def read_package(path: str | os.PathLike[str]) -> Package:
    """Read and check a plan package; :class:`PackageError` (Vietnamese, names sheet/row/column)."""
    from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook

    path = Path(path)
    source = path.name
    try:
        with read_workbook(path) as book:
            if SHEET not in {s.name for s in book.sheets}:
                raise PackageError(
                    f"Tệp {source} không phải gói kế hoạch của chương trình: không có trang dữ liệu {SHEET}."
                )
            rows = book.read_sheet(SHEET).rows
    except SpreadsheetError as exc:
        raise PackageError(exc.message_vi) from None
    meta_rows, sections = _sections(rows, source)
    meta = {k: v for k, (_, v) in meta_rows.items()}
    if meta.get("schema") != machine.SCHEMA:
        raise PackageError(
            f"Tệp {source}: trang {SHEET} không theo lược đồ {machine.SCHEMA} (không phải tệp của chương trình)."
        )
    version = meta.get("schema_version")
    if not isinstance(version, int) or version > machine.SCHEMA_VERSION:
        raise PackageError(
            f"Tệp {source}: lược đồ dữ liệu phiên bản {version} mới hơn chương trình này hiểu "
            f"({machine.SCHEMA_VERSION}); hãy cập nhật chương trình."
        )
    kind = meta.get("document_kind")
    if kind != DOCUMENT_KIND:
        raise PackageError(f"Tệp {source} là văn bản loại '{kind or '?'}', không phải gói kế hoạch ({DOCUMENT_KIND}).")
    return Package(parse_content(meta_rows, sections, source), meta)


def _entries(sections: dict[str, machine.Section], name: str, source: str) -> list[_CellEntry]:
    mapping = SECTIONS[name]
    section = sections.get(name)
    if section is None:
        raise PackageError(f"Tệp {source}: trang {SHEET} thiếu mục [{name}].")
    positions: dict[str, tuple[int, str]] = {}
    for col, column in enumerate(section.header):
        if column in mapping and mapping[column] not in positions:
            positions[mapping[column]] = (col, column)
    missing = [c for c, key in mapping.items() if key not in positions and c not in _OPTIONAL[name]]
    if missing:
        raise PackageError(
            f"Tệp {source}: trang {SHEET}, dòng {section.header_row}: mục [{name}] thiếu cột '{missing[0]}'."
        )
    entries = []
    for row, values in section.rows:
        data: dict[str, Any] = {}
        for key, (col, _column) in positions.items():
            value = values[col] if col < len(values) else None
            if value is None:
                continue
            if key in ("levels", "applies_to") and isinstance(value, str):
                value = [v for v in (p.strip() for p in value.split(",")) if v] or None
                if value is None:
                    continue
            data[key] = value
        entries.append(_CellEntry(source, row, positions, data))
    return entries


def _unique(entries: list, keys: list[str], what: str, section: str, source: str) -> None:
    seen: dict[str, int] = {}
    for entry, key in zip(entries, keys):
        if key in seen:
            raise PackageError(
                f"Tệp {source}: trang {SHEET}, dòng {entry.row}: {what} '{key}' bị trùng với dòng "
                f"{seen[key]} (mục [{section}])."
            )
        seen[key] = entry.row


def parse_content(
    meta_rows: dict[str, tuple[int, object]], sections: dict[str, machine.Section], source: str
) -> PlanContent:
    top = _meta_entry(source, meta_rows)
    year = top.integer("year", minimum=1900, maximum=2999)
    report_due_days = top.integer("report_due_days", minimum=0, maximum=366)
    assert year is not None and report_due_days is not None
    header = PlanHeader(
        year=year,
        plan_key=top.text("plan_key", required=False, allow_empty=True, max_len=120),
        plan_number=top.text("plan_number", required=False, allow_empty=True, max_len=60),
        plan_issuer=top.text("plan_issuer", required=False, allow_empty=True, max_len=300),
        plan_issued_on=top.day("plan_issued_on", required=False),
        plan_title=top.text("plan_title", required=False, allow_empty=True),
        theme=top.text("theme", required=False, allow_empty=True),
        rule_set=top.text("rule_set", required=False, allow_empty=True, max_len=300),
        registration_due=top.day("registration_due", required=False),
        report_due_days=report_due_days,
    )

    phase_entries = _entries(sections, "phases", source)
    if not phase_entries:
        raise PackageError(f"Tệp {source}: trang {SHEET}: mục [phases] phải có ít nhất một đợt.")
    phases = tuple(plan_core._parse_phase(e, report_due_days) for e in phase_entries)

    def phase_fail(message: str) -> NoReturn:
        raise PackageError(f"Tệp {source}: trang {SHEET}, mục [phases]: {message}")

    plan_core._check_phase_sequence(phases, year, phase_fail)

    movement_entries = _entries(sections, "movements", source)
    movements = tuple(plan_core._parse_movement(e) for e in movement_entries)
    _unique(movement_entries, [m.code for m in movements], "mã phong trào", "movements", source)
    codes = {m.code for m in movements}

    indicator_entries = _entries(sections, "indicators", source)
    indicators = tuple(plan_core._parse_indicator(e, codes) for e in indicator_entries)
    _unique(indicator_entries, [i.code for i in indicators], "mã chỉ tiêu", "indicators", source)

    title_entries = _entries(sections, "titles", source)
    titles = tuple(plan_core._parse_title(e) for e in title_entries)
    _unique(title_entries, [t.code for t in titles], "mã danh hiệu", "titles", source)

    rule_entries = _entries(sections, "rules", source)
    rules = tuple(plan_core._parse_rule(e) for e in rule_entries)
    _unique(rule_entries, [r.key for r in rules], "khóa quy định", "rules", source)
    return PlanContent(header, phases, movements, indicators, titles, rules)


# --- describing values (the diff) ------------------------------------------------------------------


def show_value(value: object, field_name: str = "") -> str:
    """A value as a person reads it in the diff: dates dd/mm/yyyy, numbers the Vietnamese way."""
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, date):
        return vntext.format_date(value)
    if isinstance(value, (int, Decimal, float)):
        return vntext.format_number(value)
    if isinstance(value, tuple):
        names = LEVEL_NAMES if field_name == "levels" else {}
        if field_name == "applies_to_units":
            return applicability.describe(value)
        return ", ".join(names.get(v, v) for v in value) or "(trống)"
    if field_name == "kind":
        return KIND_NAMES.get(str(value), str(value))
    if field_name == "source":
        return SOURCE_NAMES.get(str(value), str(value))
    if field_name == "subject":
        return SUBJECT_NAMES.get(str(value), str(value))
    if field_name == "category":
        return CATEGORY_NAMES.get(str(value), str(value))
    if field_name == "system":
        return SYSTEM_NAMES.get(str(value), str(value))
    return str(value)


__all__ = [
    "DOCUMENT_KIND",
    "Issuer",
    "Package",
    "PackageError",
    "PlanContent",
    "PlanHeader",
    "machine_data",
    "read_package",
    "show_value",
    "write_package",
]
