"""The machine-readable sheet ``_du_lieu`` every workbook carries (documented in ``docs/machine-sheet.md``).

The sheet is ``veryHidden`` (not listed by Excel's "Unhide"), and holds plain sections:

    [meta]                      key | value rows: schema, version, unit, year, phase, kind, code …
    <blank row>
    [indicators]                one header row with the column names, then one row per record
    <blank row>
    [people] …

Every record row starts with ``record_id``: the UUID of the record in the issuing CĐCS's
database, stable across re-exports, so the upper level can merge and de-duplicate.
Numbers are numbers, booleans are booleans, dates are ISO text (``2021-02-18``).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

SHEET = "_du_lieu"
SCHEMA = "thidua-desktop/du-lieu"
SCHEMA_VERSION = 1

META_KEYS = (
    "schema",
    "schema_version",
    "generator",
    "generated_at",
    "document_kind",
    "document_code",
    "document_number",
    "document_version",
    "issued_on",
    "unit_id",
    "unit_name",
    "unit_code",
    "issuer_code",
    "upper_union",
    "year",
    "phase",
    "report_kind",
    "report_id",
    "unit_sector",
    "unit_kind",
    "applicable_indicators",
)


@dataclass
class MachineTable:
    name: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]


@dataclass
class MachineData:
    meta: dict[str, object]
    tables: list[MachineTable] = field(default_factory=list)

    def table(self, name: str) -> MachineTable:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)


def _cell(value):
    if isinstance(value, UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    return value


def write_sheet(workbook, data: MachineData) -> None:
    """Append the hidden sheet to an open XlsxWriter workbook (strings always as text)."""
    sheet = workbook.add_worksheet(SHEET)
    write_string, write_number, is_nfc = sheet.write_string, sheet.write_number, unicodedata.is_normalized
    row = 0

    def put(r: int, c: int, value) -> None:
        value = _cell(value)
        if value is None or value == "":
            return
        if isinstance(value, bool):
            sheet.write_boolean(r, c, value)
        elif isinstance(value, (int, float, Decimal)):
            sheet.write_number(r, c, float(value))
        else:
            sheet.write_string(r, c, str(value))

    put(row, 0, "[meta]")
    row += 1
    for key in META_KEYS:
        put(row, 0, key)
        put(row, 1, data.meta.get(key))
        row += 1
    for key, value in data.meta.items():
        if key not in META_KEYS:
            put(row, 0, key)
            put(row, 1, value)
            row += 1
    for table in data.tables:
        row += 1
        put(row, 0, f"[{table.name}]")
        row += 1
        for c, name in enumerate(table.columns):
            put(row, c, name)
        row += 1
        for values in table.rows:  # the common types first: thousands of rows
            for c, value in enumerate(values):
                cls = type(value)
                if cls is str:
                    if value:
                        write_string(row, c, value if is_nfc("NFC", value) else unicodedata.normalize("NFC", value))
                elif value is None:
                    continue
                elif cls is int or cls is float:
                    write_number(row, c, value)
                else:
                    put(row, c, value)
            row += 1
    sheet.very_hidden()


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value == "":
        return None
    return value


@dataclass
class Section:
    """One ``[name]`` section of a machine sheet other than ``[meta]``."""

    name: str
    header_row: int  # 1-based: the row of the column names (the first row after ``[name]``)
    header: list  # that row's values
    rows: list[tuple[int, list]] = field(default_factory=list)  # (1-based row, values padded to the header)


@dataclass
class Sections:
    """A machine sheet cut at its ``[name]`` rows; what each reader accepts is its own business."""

    meta: dict[str, tuple[int, object]]  # the ``[meta]`` key → (1-based row, value); a later key wins
    sections: list[Section]  # in the order of the sheet; a name may come twice
    stray_rows: list[int]  # 1-based rows of data outside any section


def read_sections(rows: Iterable[Sequence], plain: Callable[[object], object] = _plain) -> Sections:
    """Cut the rows of a machine sheet (``[meta]`` key/value rows, then ``[name]`` tables, each a
    header row then one row a record; a blank row ends a section) after ``plain`` on every cell."""
    meta: dict[str, tuple[int, object]] = {}
    sections: list[Section] = []
    stray: list[int] = []
    section: str | None = None
    current: Section | None = None
    for index, raw in enumerate(rows, start=1):
        values = [plain(v) for v in raw]
        while values and values[-1] is None:
            values.pop()
        if not values:
            section, current = None, None
            continue
        first = values[0]
        if isinstance(first, str) and first.startswith("[") and first.endswith("]") and len(values) == 1:
            section, current = first[1:-1], None
            continue
        if section == "meta":
            meta[str(first)] = (index, values[1] if len(values) > 1 else None)
        elif section is None:
            stray.append(index)
        elif current is None:
            current = Section(section, index, values)
            sections.append(current)
        else:
            current.rows.append((index, values + [None] * (len(current.header) - len(values))))
    return Sections(meta, sections, stray)


def read_sheet(path: str | os.PathLike[str]) -> MachineData:
    """Read ``_du_lieu`` back from a workbook (the upper level's import uses this)."""
    import io

    from python_calamine import CalamineWorkbook

    from thidua_desktop.exchange import safezip

    path = Path(path)
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):  # every member inflated by our bounded reader first
        try:
            safezip.check_zip(data, path.name)
        except safezip.ZipRefused as exc:
            raise ValueError(exc.message_vi) from None
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    if SHEET not in book.sheet_names:
        raise ValueError(f"Tệp {Path(path).name} không có trang dữ liệu {SHEET}.")
    rows = book.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
    cut = read_sections(rows)
    meta = {key: value for key, (_, value) in cut.meta.items()}
    tables = [
        MachineTable(sec.name, [str(v) for v in sec.header], [values for _, values in sec.rows]) for sec in cut.sections
    ]
    if meta.get("schema") != SCHEMA:
        raise ValueError(f"Trang {SHEET} của tệp {Path(path).name} không theo lược đồ {SCHEMA}.")
    return MachineData(meta, tables)
