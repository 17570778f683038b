"""The roster workbook (danh sách người lao động, đoàn viên): one row a person, the columns the
roster import recognises (:data:`EXPORT_COLUMNS`), so an exported roster imports back as is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from thidua_desktop.core import vntext
from thidua_desktop.exchange import register_sheet
from thidua_desktop.exchange.register_sheet import FONT, HEADER_ROW, WRITE_ERRORS

__all__ = ["EXPORT_COLUMNS", "WRITE_ERRORS", "write_roster"]

EXPORT_COLUMNS = (
    ("STT", 6),
    ("Họ đệm", 22),
    ("Tên", 10),
    ("Ngày sinh", 12),
    ("Giới tính", 9),
    ("Dân tộc", 9),
    ("Chức vụ", 22),
    ("Tổ công đoàn", 18),
    ("Bộ phận", 18),
    ("Đoàn viên", 10),
    ("Ngày vào công đoàn", 14),
    ("Ngày vào làm", 13),
    ("Trình độ", 14),
    ("Điện thoại", 14),
    ("Email", 24),
    ("Ghi chú", 24),
)
TITLE = "DANH SÁCH NGƯỜI LAO ĐỘNG, ĐOÀN VIÊN CÔNG ĐOÀN"


def write_roster(path: Path, rows: Sequence[Sequence], *, upper_union: str, unit_name: str, today: date) -> None:
    """Write ``rows`` (one a person, the values of :data:`EXPORT_COLUMNS` after STT: text, a
    ``date``, an ``int`` or empty) to the .xlsx ``path``; STT is numbered here. Raises one of
    :data:`WRITE_ERRORS` when the file cannot be written."""
    workbook = register_sheet.new_workbook(path)
    sheet = workbook.add_worksheet("Danh sách")
    cell = workbook.add_format({"font_name": FONT, "border": 1})
    day = workbook.add_format({"font_name": FONT, "border": 1, "num_format": "dd/mm/yyyy"})
    last_col = len(EXPORT_COLUMNS) - 1
    register_sheet.heading(
        workbook, sheet, EXPORT_COLUMNS, upper_union=upper_union, unit_name=unit_name, title=TITLE, today=today
    )
    for i, row in enumerate(rows, 1):
        r = HEADER_ROW + i
        for col, value in enumerate([i, *row]):
            if isinstance(value, date):
                sheet.write_datetime(r, col, value, day)
            elif isinstance(value, int):
                sheet.write_number(r, col, value, cell)
            elif value is None or value == "":
                sheet.write_blank(r, col, None, cell)
            else:  # write_string: a value starting with = + - @ stays text, never a formula
                sheet.write_string(r, col, vntext.nfc(str(value)), cell)
    register_sheet.print_setup(sheet, frozen_columns=3, last_row=HEADER_ROW + len(rows), last_col=last_col)
    workbook.close()
