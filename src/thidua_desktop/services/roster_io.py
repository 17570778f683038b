"""Roster in and out of Excel: the export now; the all-or-nothing import below it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from thidua_desktop.core import vntext
from thidua_desktop.services import year as year_service
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import StoreError
from thidua_desktop.store.models import Person, UnionGroup

# Column headers are the ones the importer recognises, so an exported roster imports back as is.
EXPORT_COLUMNS = (
    ("STT", 6), ("Họ đệm", 22), ("Tên", 10), ("Ngày sinh", 12), ("Giới tính", 9), ("Dân tộc", 9),
    ("Chức vụ", 22), ("Tổ công đoàn", 18), ("Bộ phận", 18), ("Đoàn viên", 10), ("Ngày vào công đoàn", 14),
    ("Ngày vào làm", 13), ("Trình độ", 14), ("Điện thoại", 14), ("Email", 24), ("Ghi chú", 24),
)


def _as_text(value: str) -> str:
    return vntext.nfc(value or "")


def export_roster(db: Database, path: Path, *, today: date | None = None) -> int:
    """Write the current roster (people still working) to an .xlsx; returns the row count."""
    import xlsxwriter

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise StoreError(f"Tệp xuất phải có đuôi .xlsx: {path.name}")
    unit = year_service.get_unit(db)
    with db.reading() as session:
        rows = session.execute(
            select(Person, UnionGroup.name)
            .outerjoin(UnionGroup, UnionGroup.id == Person.union_group_id)
            .where(Person.left_on.is_(None))
            .order_by(Person.sort_key)
        ).all()
    tmp = path.with_name(path.name + ".part")
    workbook = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        sheet = workbook.add_worksheet("Danh sách")
        bold = workbook.add_format({"bold": True, "font_name": "Times New Roman", "font_size": 12})
        title = workbook.add_format({"bold": True, "font_name": "Times New Roman", "font_size": 14,
                                     "align": "center"})
        head = workbook.add_format({"bold": True, "font_name": "Times New Roman", "border": 1, "align": "center",
                                    "valign": "vcenter", "text_wrap": True, "bg_color": "#EDEDED"})
        cell = workbook.add_format({"font_name": "Times New Roman", "border": 1})
        day = workbook.add_format({"font_name": "Times New Roman", "border": 1, "num_format": "dd/mm/yyyy"})
        last_col = len(EXPORT_COLUMNS) - 1
        sheet.write_string(0, 0, _as_text(unit.upper_union.upper()) if unit else "", bold)
        sheet.write_string(1, 0, _as_text(unit.name.upper()) if unit else "", bold)
        sheet.merge_range(3, 0, 3, last_col, "DANH SÁCH NGƯỜI LAO ĐỘNG, ĐOÀN VIÊN CÔNG ĐOÀN", title)
        sheet.merge_range(4, 0, 4, last_col, f"(Tính đến {vntext.format_date_long(today or date.today())})",
                          workbook.add_format({"italic": True, "align": "center", "font_name": "Times New Roman"}))
        header_row = 6
        for col, (label, width) in enumerate(EXPORT_COLUMNS):
            sheet.write_string(header_row, col, label, head)
            sheet.set_column(col, col, width)
        for i, (person, group) in enumerate(rows, 1):
            r = header_row + i
            values = [
                i, person.family_middle, person.given_name,
                person.birth_date or (person.birth_year if person.birth_year else ""),
                {"M": "Nam", "F": "Nữ"}.get(person.gender, ""), person.ethnicity, person.position, group or "",
                person.department, "x" if person.is_member else "", person.joined_union_on, person.employed_since,
                person.education, person.phone, person.email, person.note,
            ]
            for col, value in enumerate(values):
                if isinstance(value, date):
                    sheet.write_datetime(r, col, value, day)
                elif isinstance(value, int):
                    sheet.write_number(r, col, value, cell)
                elif value is None or value == "":
                    sheet.write_blank(r, col, None, cell)
                else:  # write_string: a value starting with = + - @ stays text, never a formula
                    sheet.write_string(r, col, _as_text(str(value)), cell)
        sheet.freeze_panes(header_row + 1, 3)
        sheet.repeat_rows(header_row)
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.autofilter(header_row, 0, header_row + len(rows), last_col)
        workbook.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return len(rows)
