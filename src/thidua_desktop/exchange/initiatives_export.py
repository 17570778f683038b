"""The initiatives register workbook (sổ theo dõi sáng kiến): the columns the import reads
(:data:`exchange.initiatives_io.COLUMNS`), so the file imports back; real numbers (``#,##0``) and
dates, text with ``write_string`` (never a formula), a total row and the place-and-date line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from thidua_desktop.core import vntext
from thidua_desktop.exchange import register_sheet
from thidua_desktop.exchange.initiatives_io import COLUMNS
from thidua_desktop.exchange.register_sheet import FONT, HEADER_ROW


def _share_text(share: Decimal) -> str:
    return f"{vntext.format_number(share)}%"


def author_cell(authors: Sequence[tuple[str, Decimal, bool, str]]) -> str:
    """(name, share, outside, workplace) → "Phạm Thị Hoa (60%); Lê Văn A (ngoài đơn vị: Công ty X) (40%)"."""
    parts = []
    for name, share, outside, workplace in authors:
        note = ""
        if outside:
            note = f" (ngoài đơn vị: {workplace})" if workplace else " (ngoài đơn vị)"
        parts.append(f"{name}{note} ({_share_text(share)})")
    return "; ".join(parts)


def write_initiatives(
    path: Path,
    rows: Sequence[dict],
    *,
    upper_union: str,
    unit_name: str,
    place_name: str,
    year: int | None,
    today: date,
) -> None:
    """Write ``rows`` (one an initiative, keyed by the :data:`COLUMNS` keys; STT is numbered here)
    to the .xlsx ``path``; ``year`` None: the whole register."""
    workbook = register_sheet.new_workbook(path)
    sheet = workbook.add_worksheet("Sáng kiến")
    base = {"font_name": FONT, "border": 1, "valign": "top"}
    text = workbook.add_format({**base, "text_wrap": True})
    whole = workbook.add_format({**base, "num_format": "0", "align": "center"})
    money = workbook.add_format({**base, "num_format": "#,##0"})
    day = workbook.add_format({**base, "num_format": "dd/mm/yyyy", "align": "center"})
    total_text = workbook.add_format({**base, "bold": True})
    total_money = workbook.add_format({**base, "bold": True, "num_format": "#,##0"})
    columns = list(COLUMNS)
    last = len(columns) - 1
    heading = "SỔ THEO DÕI SÁNG KIẾN" + (f" NĂM {year}" if year is not None else "")
    formats = register_sheet.heading(
        workbook,
        sheet,
        [(c.label, c.width) for c in columns],
        upper_union=upper_union,
        unit_name=unit_name,
        title=heading,
        today=today,
    )
    total = Decimal(0)
    for i, values in enumerate(rows, 1):
        r = HEADER_ROW + i
        for col, column in enumerate(columns):
            value = i if column.key == "stt" else values.get(column.key)
            if value is None or value == "":
                sheet.write_blank(r, col, None, text)
            elif isinstance(value, date):
                sheet.write_datetime(r, col, value, day)
            elif isinstance(value, Decimal):
                sheet.write_number(r, col, float(value), money)
            elif isinstance(value, int):
                sheet.write_number(r, col, value, whole)
            else:  # write_string: text starting with = + - @ stays text, never a formula
                sheet.write_string(r, col, str(value), text)
        total += values.get("benefit") or Decimal(0)
    end = HEADER_ROW + len(rows)
    title_col = next(i for i, c in enumerate(columns) if c.key == "title")
    benefit_col = next(i for i, c in enumerate(columns) if c.key == "benefit")
    sheet.write_string(end + 1, title_col, f"Tổng cộng: {len(rows)} sáng kiến", total_text)
    sheet.write_number(end + 1, benefit_col, float(total), total_money)
    sheet.merge_range(
        end + 3, max(0, last - 5), end + 3, last, vntext.place_date_line(place_name, today), formats["italic"]
    )
    register_sheet.print_setup(sheet, frozen_columns=2, last_row=end, last_col=last, autofilter=bool(rows))
    sheet.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    workbook.close()
