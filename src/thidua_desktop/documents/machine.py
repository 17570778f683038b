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
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

SHEET = "_du_lieu"
SCHEMA = "thidua-desktop/du-lieu"
SCHEMA_VERSION = 1

META_KEYS = (
    "schema", "schema_version", "generator", "generated_at", "document_kind", "document_code",
    "document_number", "document_version", "issued_on", "unit_id", "unit_name", "unit_code", "issuer_code",
    "upper_union", "year", "phase", "report_kind", "report_id",
    "unit_sector", "unit_kind", "applicable_indicators",
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
    meta: dict[str, object] = {}
    tables: list[MachineTable] = []
    section: str | None = None
    current: MachineTable | None = None
    for raw in rows:
        values = [_plain(v) for v in raw]
        while values and values[-1] is None:
            values.pop()
        if not values:
            section, current = None, None
            continue
        first = values[0]
        if isinstance(first, str) and first.startswith("[") and first.endswith("]") and len(values) == 1:
            section = first[1:-1]
            current = None
            continue
        if section == "meta":
            meta[str(first)] = values[1] if len(values) > 1 else None
        elif section is not None:
            if current is None:
                current = MachineTable(section, [str(v) for v in values])
                tables.append(current)
            else:
                current.rows.append(values + [None] * (len(current.columns) - len(values)))
    if meta.get("schema") != SCHEMA:
        raise ValueError(f"Trang {SHEET} của tệp {Path(path).name} không theo lược đồ {SCHEMA}.")
    return MachineData(meta, tables)
