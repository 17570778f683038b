"""The upper level's "who has reported" workbook (XlsxWriter): two sheets, written whole or not at all.

- ``Tình hình nộp``: a row per subordinate unit, then for each expected report its state and the
  date it was sent; a missing report in red, a late one in amber.
- ``Cần nhắc``: the units with a report missing, what is missing and by when.

Written through ``store.files.atomic_write``. The rows come worded and formatted (:func:`thidua_desktop.services.upper.export_completeness`
gathers them); this module only lays them out. Every string goes through ``write_string``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from thidua_desktop.store.files import atomic_write

LATE, MISSING = "late", "missing"


@dataclass(frozen=True)
class ReportCell:
    """One expected report of a unit: its state (worded), the date it was sent (formatted)."""

    state: str
    sent_on: str
    mark: str = ""  # LATE | MISSING | "" (shown plain)


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    email: str
    reports: tuple[ReportCell, ...]


@dataclass(frozen=True)
class ReminderRow:
    code: str
    name: str
    email: str
    missing: str  # the reports missing, worded
    due: str  # their due dates, formatted


def _unit_cells(sheet, r: int, u: UnitRow | ReminderRow, fmt) -> None:
    """A row's first four cells: its number (from 1 under the heading), the unit's code, name, email."""
    sheet.write_number(r, 0, r - 2, fmt)
    sheet.write_string(r, 1, u.code, fmt)
    sheet.write_string(r, 2, u.name, fmt)
    sheet.write_string(r, 3, u.email, fmt)


def write_completeness(
    out: Path, year: int, report_names: Sequence[str], units: Sequence[UnitRow], to_remind: Sequence[ReminderRow]
) -> Path:
    """Write the workbook to ``out``, whole or not at all (``store.files.atomic_write``)."""
    with atomic_write(out) as partial:
        book = xlsxwriter.Workbook(str(partial), {"strings_to_numbers": False})
        bold = book.add_format({"bold": True, "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
        cell = book.add_format({"border": 1, "valign": "top"})
        late = book.add_format({"border": 1, "valign": "top", "font_color": "#9C5700", "bg_color": "#FFEB9C"})
        miss = book.add_format({"border": 1, "valign": "top", "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        sheet = book.add_worksheet("Tình hình nộp")
        sheet.write(0, 0, f"TÌNH HÌNH NỘP BÁO CÁO THI ĐUA NĂM {year}", book.add_format({"bold": True, "size": 13}))
        head = ["STT", "Mã", "Tên đơn vị", "Email"]
        for name in report_names:
            head += [f"{name}: tình trạng", f"{name}: ngày gửi"]
        for c, text in enumerate(head):
            sheet.write(2, c, text, bold)
        for r, u in enumerate(units, 3):
            _unit_cells(sheet, r, u, cell)
            for k, e in enumerate(u.reports):
                fmt = miss if e.mark == MISSING else late if e.mark == LATE else cell
                sheet.write_string(r, 4 + 2 * k, e.state, fmt)
                sheet.write_string(r, 5 + 2 * k, e.sent_on, fmt)
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 10)
        sheet.set_column(2, 2, 45)
        sheet.set_column(3, 3, 28)
        sheet.set_column(4, 9, 14)
        remind = book.add_worksheet("Cần nhắc")
        remind.write(
            0, 0, f"DANH SÁCH ĐƠN VỊ CẦN NHẮC NỘP BÁO CÁO NĂM {year}", book.add_format({"bold": True, "size": 13})
        )
        for c, text in enumerate(["STT", "Mã", "Tên đơn vị", "Email", "Còn thiếu", "Hạn"]):
            remind.write(2, c, text, bold)
        for r, u in enumerate(to_remind, 3):
            _unit_cells(remind, r, u, cell)
            remind.write_string(r, 4, u.missing, cell)
            remind.write_string(r, 5, u.due, cell)
        remind.set_column(2, 2, 45)
        remind.set_column(3, 5, 24)
        book.close()
    return out
