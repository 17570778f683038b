"""Workbook writer: the Excel twin of a :class:`~.layout.Document` (XlsxWriter).

- The same heading lines as the PDF on top of every sheet (upper union / CĐCS / Số on the
  left, national name / motto / place and date on the right), then the type and subject.
- One sheet per table, with fixed sheet and column names; real numbers with Vietnamese
  display formats (``#,##0`` shows "1.200" in a Vietnamese Excel; rates ``0.0%``), dates as
  dates (dd/mm/yyyy), yes/no as 1/0 shown "Có"/"Không".
- A4, the table's header rows repeated on every printed page, fitted to the page width; the
  table's own grid prints (a border on every cell of the table, empty ones too, so a cell the
  reader fills in later keeps its border), not Excel's gridlines.
- Every string goes through ``write_string``: a name starting with "=", "+", "-" or "@" stays
  text and never becomes a formula.
- The hidden ``_du_lieu`` sheet (:mod:`.machine`) with the data the upper level imports.
"""

from __future__ import annotations

import math
import unicodedata
import os
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import xlsxwriter

from thidua_desktop.core import cleantext
from thidua_desktop.documents import machine as machine_sheet
from thidua_desktop.documents.cells import nfc, unwrap
from thidua_desktop.documents.layout import (
    MOTTO,
    NATIONAL_NAME,
    Document,
    Heading,
    Paragraph,
    Table,
)
from thidua_desktop.documents.machine import MachineData

TEXT_SHEET = "Văn bản"
FONT = "Times New Roman"
SIZE = 12
PORTRAIT_CHARS = 95
LANDSCAPE_CHARS = 150
MM = 1 / 25.4  # inches

NUMBER_FORMATS = {
    "int": "#,##0",
    "money": "#,##0",
    "percent": "0.0%",
    "yesno": '"Có";"Có";"Không"',
    "date": "dd/mm/yyyy",
}


def _t(text) -> str:
    if text is None:
        return ""
    text = str(text)
    return text if unicodedata.is_normalized("NFC", text) and not cleantext.has_hostile(text) else nfc(text)


class _Formats:
    def __init__(self, book) -> None:
        self.book = book
        self._cache: dict[tuple, object] = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            base = {"font_name": FONT, "font_size": SIZE, "valign": "vcenter"}
            base.update(props)
            fmt = self.book.add_format(base)
            self._cache[key] = fmt
        return fmt


def _sheet_name(name: str) -> str:
    name = _t(name)
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31]


class _Writer:
    def __init__(self, doc: Document, book) -> None:
        self.doc = doc
        self.book = book
        self.fmt = _Formats(book)
        self._cell_formats: dict[tuple, object] = {}

    # --- heading ---------------------------------------------------------------------------

    def heading(self, sheet, ncols: int, caption: str = "") -> int:
        """Write the document heading over ``ncols`` columns; returns the next free row."""
        h = self.doc.header
        split = max(1, min(ncols - 1, round(ncols * 0.4))) if ncols > 1 else 1
        lines = [
            (_t(h.upper).upper(), {}, NATIONAL_NAME, {"bold": True}),
            (_t(h.issuer).upper(), {"bold": True}, MOTTO, {"bold": True}),
            (_t(h.number), {}, _t(h.place_date), {"italic": True}),
        ]
        for row, (left, lfmt, right, rfmt) in enumerate(lines):
            self.text(sheet, row, 0, split - 1, left, align="center", **lfmt)
            if ncols > 1:
                self.text(sheet, row, split, ncols - 1, right, align="center", **rfmt)
        row = 4
        for text in (self.doc.type_name, self.doc.subject):
            self.text(sheet, row, 0, ncols - 1, _t(text), align="center", bold=True, font_size=13)
            row += 1
        if caption:
            self.text(sheet, row, 0, ncols - 1, _t(caption), align="center", bold=True)
            row += 1
        return row + 1

    def text(self, sheet, row: int, first: int, last: int, text: str, **props) -> None:
        fmt = self.fmt.get(**props)
        if last > first:
            sheet.merge_range(row, first, row, last, "", fmt)
        sheet.write_string(row, first, text, fmt)

    # --- tables ----------------------------------------------------------------------------

    def table_sheet(self, table: Table, landscape: bool, caption: str) -> None:
        sheet = self.book.add_worksheet(_sheet_name(table.sheet or "Bảng"))
        cols = table.columns
        total = LANDSCAPE_CHARS if landscape else PORTRAIT_CHARS
        weights = sum(max(c.width, 0.01) for c in cols)
        for i, col in enumerate(cols):
            width = col.xlsx_width or max(5.0, total * max(col.width, 0.01) / weights)
            sheet.set_column(i, i, width)
        row = self.heading(sheet, len(cols), caption or table.caption)
        header_row = row
        head = self.fmt.get(bold=True, align="center", text_wrap=True, border=1)
        for i, col in enumerate(cols):
            sheet.write_string(row, i, _t(col.title), head)
        row += 1
        if table.numbered_header:
            numbered = self.fmt.get(italic=True, align="center", border=1)
            for i in range(len(cols)):
                sheet.write_string(row, i, f"({i + 1})", numbered)
            row += 1
        last_header = row - 1
        plain = [self._plain_writer(sheet, col) for col in cols]
        kinds = table.row_kinds
        ncols = len(cols)
        for index, values in enumerate(table.rows):
            kind = kinds[index] if kinds else "normal"
            if kind == "normal" and len(values) == ncols:
                for i, value in enumerate(values):
                    plain[i](row, i, value)
            elif kind == "group":
                self.text(sheet, row, 0, ncols - 1, _t(values[0] if values else ""), bold=True, border=1,
                          text_wrap=True)
            else:
                bold = kind == "total"
                for i, col in enumerate(cols):
                    self.cell(sheet, row, i, values[i] if i < len(values) else None, col.kind, col.align, bold)
            row += 1
        self.print_setup(sheet, landscape, len(cols))
        sheet.repeat_rows(header_row, last_header)
        sheet.freeze_panes(last_header + 1, 0)

    def _cell_format(self, tag: str, align: str, bold: bool):
        """The format of a table cell, looked up once per (what, alignment, bold)."""
        key = (tag, align, bold)
        fmt = self._cell_formats.get(key)
        if fmt is None:
            props = {"border": 1}
            if bold:
                props["bold"] = True
            if tag == "text":
                props.update(text_wrap=True, align=_xl_align(align))
            elif tag == "date":
                props.update(num_format=NUMBER_FORMATS["date"], align="center")
            elif tag != "blank":
                props.update(num_format=tag, align="center" if tag == NUMBER_FORMATS["yesno"] else "right")
            fmt = self._cell_formats[key] = self.fmt.get(**props)
        return fmt

    def _plain_writer(self, sheet, column):
        """The writer of a normal row's cell in ``column``: the common cases (text in a text
        column, an int in an int column, empty) without the general dispatch of :meth:`cell`,
        which a big table would pay for every cell."""
        write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
        kind, align = column.kind, column.align
        blank = self._cell_format("blank", align, False)
        text = self._cell_format("text", align, False)
        integer = self._cell_format(NUMBER_FORMATS["int"], align, False) if kind == "int" else None
        is_nfc = unicodedata.is_normalized
        hostile = cleantext.has_hostile

        def write(row: int, col: int, value) -> None:
            cls = type(value)
            if cls is str:
                if value:
                    write_string(row, col, value if is_nfc("NFC", value) and not hostile(value) else nfc(value), text)
                else:
                    write_blank(row, col, None, blank)
            elif value is None:
                write_blank(row, col, None, blank)
            elif cls is int and integer is not None:
                write_number(row, col, value, integer)
            else:
                self.cell(sheet, row, col, value, kind, align, False)

        return write

    def cell(self, sheet, row: int, col: int, value, column_kind: str, align: str, bold: bool) -> None:
        raw, kind = unwrap(value, column_kind)
        if raw is None or raw == "":
            sheet.write_blank(row, col, None, self._cell_format("blank", align, bold))
        elif isinstance(raw, str):
            sheet.write_string(row, col, _t(raw), self._cell_format("text", align, bold))
        elif isinstance(raw, (datetime, date)):
            when = raw if isinstance(raw, datetime) else datetime(raw.year, raw.month, raw.day)
            sheet.write_datetime(row, col, when, self._cell_format("date", align, bold))
        else:
            if isinstance(raw, bool):
                raw, kind = (1 if raw else 0), "yesno"
            number = float(raw)
            if not math.isfinite(number):
                sheet.write_blank(row, col, None, self._cell_format("blank", align, bold))
                return
            if kind == "percent":
                number, num_format = number / 100, NUMBER_FORMATS["percent"]
            elif kind in NUMBER_FORMATS:
                num_format = NUMBER_FORMATS[kind]
            else:
                num_format = "#,##0" if number.is_integer() else "#,##0.00"
            sheet.write_number(row, col, number, self._cell_format(num_format, align, bold))

    def print_setup(self, sheet, landscape: bool, ncols: int) -> None:
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
            sheet.set_margins(left=20 * MM, right=20 * MM, top=30 * MM, bottom=20 * MM)
        else:
            sheet.set_portrait()
            sheet.set_margins(left=30 * MM, right=15 * MM, top=20 * MM, bottom=20 * MM)
        sheet.fit_to_pages(1, 0)
        sheet.center_horizontally()
        sheet.set_footer("&C&P/&N")
        sheet.hide_gridlines(1)

    # --- body text -------------------------------------------------------------------------

    def text_sheet(self) -> None:
        sheet = self.book.add_worksheet(TEXT_SHEET)
        widths = (40, 55)
        for i, width in enumerate(widths):
            sheet.set_column(i, i, width)
        row = self.heading(sheet, 2)
        if self.doc.recipient:
            self.text(sheet, row, 0, 1, f"Kính gửi: {_t(self.doc.recipient)}", align="center")
            row += 2
        chars = sum(widths) * 1.05
        for block in self.doc.body:
            if isinstance(block, Heading):
                self.paragraph(sheet, row, _t(block.text), chars, bold=True)
                row += 1
            elif isinstance(block, Paragraph):
                for i, line in enumerate(_t(block.text).split("\n")):
                    text = f"{_t(block.lead)} {line}".strip() if i == 0 and block.lead else line
                    if text:
                        self.paragraph(sheet, row, text, chars, bold=block.bold, italic=block.italic,
                                       indent=block.indent, center=block.align == "center")
                        row += 1
            elif isinstance(block, Table) and block.sheet:
                self.paragraph(sheet, row, f"(Bảng số liệu: xem trang \"{_sheet_name(block.sheet)}\")", chars,
                               italic=True)
                row += 1
        row += 1
        for sig_index, sig in enumerate(self.doc.signatures[:2]):
            col = 1 if sig_index == len(self.doc.signatures[:2]) - 1 else 0
            for i, line in enumerate(sig.lines):
                sheet.write_string(row + i, col, _t(line).upper(), self.fmt.get(bold=True, align="center"))
            sheet.write_string(row + len(sig.lines) + 3, col, _t(sig.name), self.fmt.get(bold=True, align="center"))
        if self.doc.recipients:
            sheet.write_string(row, 0, "Nơi nhận:", self.fmt.get(bold=True, italic=True))
            for i, line in enumerate(self.doc.recipients, 1):
                sheet.write_string(row + i, 0, _t(line), self.fmt.get(font_size=11))
        self.print_setup(sheet, False, 2)

    def paragraph(self, sheet, row: int, text: str, chars: float, *, bold: bool = False, italic: bool = False,
                  indent: bool = False, center: bool = False) -> None:
        props = {"text_wrap": True, "valign": "top", "align": "center" if center else "justify"}
        if bold:
            props["bold"] = True
        if italic:
            props["italic"] = True
        if indent and not center:
            text = "    " + text
        # Excel does not grow a merged row to its wrapped text: estimate the lines.
        lines = max(1, math.ceil(len(text) * 1.0 / chars))
        sheet.set_row(row, 15.75 * lines + (2 if lines > 1 else 0))
        self.text(sheet, row, 0, 1, text, **props)


def _xl_align(align: str) -> str:
    return {"center": "center", "right": "right"}.get(align, "left")


def write_workbook(doc: Document, machine: MachineData | None, target: str | os.PathLike[str] | BinaryIO) -> None:
    """Write the workbook twin of ``doc`` (and its ``_du_lieu`` sheet) to ``target``."""
    out = str(Path(target)) if isinstance(target, (str, os.PathLike)) else target
    book = xlsxwriter.Workbook(out, {
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
        "in_memory": False,
    })
    book.set_properties({"title": _t(doc.title or f"{doc.type_name} {doc.subject}"), "author": _t(doc.author),
                         "subject": _t(doc.subject), "comments": "thidua_desktop"})
    writer = _Writer(doc, book)
    sheets = [b for b in doc.tables() if b.sheet]
    if doc.text_sheet or not sheets:  # Excel refuses a workbook without a visible sheet
        writer.text_sheet()
    seen: set[str] = set()
    for block in doc.body:
        if isinstance(block, Table) and block.sheet and block.sheet not in seen:
            seen.add(block.sheet)
            writer.table_sheet(block, landscape=len(block.columns) > 6, caption=block.caption)
    for annex in doc.annexes:
        for block in annex.blocks:
            if isinstance(block, Table) and block.sheet and block.sheet not in seen:
                seen.add(block.sheet)
                writer.table_sheet(block, landscape=annex.landscape, caption=block.caption or annex.title)
    if machine is not None:
        machine_sheet.write_sheet(book, machine)
    book.close()

