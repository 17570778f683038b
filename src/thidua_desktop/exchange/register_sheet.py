"""What the register workbooks the unit exports (the roster, the initiatives) share.

One sheet, Times New Roman: the upper union and the unit in bold at the top left, the title and
"(Tính đến <date>)" centred across the columns, the header row on row 7 (repeated on every printed
page), A4 landscape one page wide. Text is always written as text (``strings_to_formulas`` off:
a value starting with ``=`` never becomes a formula). Written with xlsxwriter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import xlsxwriter
import xlsxwriter.exceptions

from thidua_desktop.core import vntext

FONT = "Times New Roman"
HEADER_ROW = 6
# What writing a workbook raises when the file cannot be created or written (xlsxwriter wraps
# the OSError of a folder that is missing or read-only in FileCreateError).
WRITE_ERRORS = (OSError, xlsxwriter.exceptions.FileCreateError)


def new_workbook(path: Path) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )


def heading(
    workbook, sheet, columns: Sequence[tuple[str, int]], *, upper_union: str, unit_name: str, title: str, today: date
) -> dict:
    """The rows above the table and the header row (``columns``: label, width); returns the
    shared formats (``italic``: centred italic, as the date line)."""
    bold = workbook.add_format({"bold": True, "font_name": FONT, "font_size": 12})
    title_format = workbook.add_format({"bold": True, "font_name": FONT, "font_size": 14, "align": "center"})
    italic = workbook.add_format({"italic": True, "align": "center", "font_name": FONT})
    head = workbook.add_format(
        {
            "bold": True,
            "font_name": FONT,
            "border": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            "bg_color": "#EDEDED",
        }
    )
    last = len(columns) - 1
    sheet.write_string(0, 0, vntext.nfc((upper_union or "").upper()), bold)
    sheet.write_string(1, 0, vntext.nfc((unit_name or "").upper()), bold)
    sheet.merge_range(3, 0, 3, last, title, title_format)
    sheet.merge_range(4, 0, 4, last, f"(Tính đến {vntext.format_date_long(today)})", italic)
    for col, (label, width) in enumerate(columns):
        sheet.write_string(HEADER_ROW, col, label, head)
        sheet.set_column(col, col, width)
    return {"italic": italic}


def print_setup(sheet, *, frozen_columns: int, last_row: int, last_col: int, autofilter: bool = True) -> None:
    """Header row frozen and repeated, A4 landscape one page wide, a filter on the header row."""
    sheet.freeze_panes(HEADER_ROW + 1, frozen_columns)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if autofilter:
        sheet.autofilter(HEADER_ROW, 0, last_row, last_col)
