"""Workbook writer: the Excel twin of a :class:`~.layout.Document` (XlsxWriter).

- The same heading lines as the PDF on top of every sheet (upper union / CĐCS / Số on the
  left, national name / motto / place and date on the right), then the type and subject.
- One sheet per table, with fixed sheet and column names; real numbers with Vietnamese
  display formats (``#,##0`` shows "1.200" in a Vietnamese Excel; rates ``0%`` when whole, else
  ``0.0%``; scores with the decimals they have), dates as
  dates (dd/mm/yyyy), yes/no as 1/0 shown "Có"/"Không".
- Printed like the PDF: every row as tall as its wrapped text (XlsxWriter does not autofit: the
  lines are counted from the column widths and the text measured in the document typeface's
  metrics), the left heading block merged over as many columns as it needs (nothing clipped),
  the page number top centre from each sheet's second page, numbers shown as the PDF writes
  them ("85%", "85,5%", "1.200" — the separators are the reader's locale's).
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
from xlsxwriter.worksheet import Worksheet

from thidua_desktop.core import cleantext
from thidua_desktop.documents import fonts
from thidua_desktop.documents import machine as machine_sheet
from thidua_desktop.documents.cells import nfc, unwrap
from thidua_desktop.documents.layout import (
    MOTTO,
    NATIONAL_NAME,
    Document,
    Heading,
    Num,
    Paragraph,
    Signature,
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
    "percent": "0.0%",  # a rate with a decimal ("85,5%"); a whole one is PERCENT_WHOLE ("85%")
    "yesno": '"Có";"Có";"Không"',
    "date": "dd/mm/yyyy",
}


PERCENT_WHOLE = "0%"
PAGE_HEADER = "&C&P"  # the page number top centre; the first page has none (differentFirst)

# Excel's column width unit is the default font's digit (Calibri 11: 7 px, 5 px of padding);
# a row's height is in points. A line of text needs about 1,3 times its font size.
DIGIT_PX = 7
PAD_PX = 5
LINE = 1.32
LEFT_MAX = 240.0  # points: a longer upper union or CĐCS name wraps, as in the PDF
CELL_PAD = 7.0  # points lost to the cell's margins and border, and a little slack


def column_points(width: float) -> float:
    """The printed width (points) of a column ``width`` characters wide."""
    return (int(width * DIGIT_PX + 0.5) + PAD_PX) * 0.75


def _face(bold: bool, italic: bool) -> str:
    fonts.register()
    return fonts.face(bold, italic)


def _measure(text: str, face: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, face, size) * 1.04  # Excel and LibreOffice set text a little looser


def text_lines(text: str, width_pt: float, size: float = SIZE, bold: bool = False, italic: bool = False) -> int:
    """How many lines ``text`` takes wrapped in a cell ``width_pt`` wide (words kept whole, as
    Excel wraps; a word longer than the line is broken)."""
    if not text:
        return 1
    avail = max(10.0, width_pt - CELL_PAD)
    if len(text) * size * 0.8 <= avail and "\n" not in text:
        return 1  # fits even in capitals
    face = _face(bold, italic)
    space = _measure(" ", face, size)
    count = 0
    for part in text.split("\n"):
        line = 0.0
        count += 1
        for word in part.split():
            w = _measure(word, face, size)
            if line and line + space + w <= avail:
                line += space + w
                continue
            if line:
                count += 1
            while w > avail:  # a very long word: broken over lines
                count += 1
                w -= avail
            line = w
    return max(1, count)


def line_height(lines: int, size: float = SIZE) -> float:
    """The height (points, rounded up to whole pixels as XlsxWriter stores it) of ``lines`` lines."""
    return math.ceil((lines * size * LINE + (2 if lines > 1 else 0)) / 0.75 - 1e-9) * 0.75


class _Sheet(Worksheet):
    """A worksheet whose print header can be left off its first page (``differentFirst``), which
    XlsxWriter 3 does not write by itself."""

    different_first = False

    def _write_header_footer(self) -> None:
        if not (self.different_first and self.header_footer_changed):
            super()._write_header_footer()
            return
        attributes = [("differentFirst", 1)]
        if not self.header_footer_scales:
            attributes.append(("scaleWithDoc", 0))
        if not self.header_footer_aligns:
            attributes.append(("alignWithMargins", 0))
        self._xml_start_tag("headerFooter", attributes)
        if self.header:
            self._xml_data_element("oddHeader", self.header)
        if self.footer:
            self._xml_data_element("oddFooter", self.footer)
        self._xml_end_tag("headerFooter")


class _Heights:
    """The height each row needs (the tallest of its cells), set once at the end."""

    def __init__(self) -> None:
        self.rows: dict[int, float] = {}

    def need(self, row: int, height: float) -> None:
        if height > self.rows.get(row, 0.0):
            self.rows[row] = height

    def apply(self, sheet) -> None:
        default = line_height(1)
        sheet.set_default_row(default)  # one line of 12 pt text (XlsxWriter's default is Calibri 11's 15 pt)
        for row, height in sorted(self.rows.items()):
            if height > default + 0.01:
                sheet.set_row(row, height)


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
        self.heights = _Heights()

    def add_sheet(self, name: str):
        self.heights = _Heights()
        return self.book.add_worksheet(name, worksheet_class=_Sheet)

    # --- heading ---------------------------------------------------------------------------

    def heading(self, sheet, widths: list[float], caption: str = "") -> int:
        """Write the document heading over the columns (``widths`` in characters); returns the next
        free row. The left block (upper union, CĐCS, Số) gets as many columns as it needs and the
        right one (national name, motto, place and date) the rest, as the PDF measures them."""
        ncols = len(widths)
        points = [column_points(w) for w in widths]
        lines = self._lines()
        split = self._split(points)[0]
        left_w, right_w = sum(points[:split]), sum(points[split:])
        for row, (left, lfmt, right, rfmt) in enumerate(lines):
            self.text(sheet, row, 0, split - 1, left, align="center", text_wrap=True, **lfmt)
            self.need(row, left, left_w, **lfmt)
            if ncols > 1:
                self.text(sheet, row, split, ncols - 1, right, align="center", text_wrap=True, **rfmt)
                self.need(row, right, right_w, **rfmt)
        row = 4
        whole = sum(points)
        for text in (self.doc.type_name, self.doc.subject):
            self.text(sheet, row, 0, ncols - 1, _t(text), align="center", bold=True, font_size=13, text_wrap=True)
            self.need(row, _t(text), whole, size=13, bold=True)
            row += 1
        if caption:
            self.text(sheet, row, 0, ncols - 1, _t(caption), align="center", bold=True, text_wrap=True)
            self.need(row, _t(caption), whole, bold=True)
            row += 1
        return row + 1

    def fit_heading(self, widths: list[float]) -> list[float]:
        """The column widths (characters) with room for the heading: when no split of the columns
        gives each block its longest line (a table of three columns, the wide one in the middle),
        the narrow side's outer column is widened (the sheet is fitted to the page width anyway).
        A left line longer than LEFT_MAX wraps, as it does in the PDF."""
        widths = list(widths)
        if len(widths) < 2:
            return widths
        points = [column_points(w) for w in widths]
        split, left_short, right_short = self._split(points)
        if not (left_short or right_short):
            return widths
        left_need, right_need = self._needs()
        left, right = sum(points[:split]), sum(points[split:])
        chars = 1 / 0.75 / DIGIT_PX
        if right_short > 0:  # first from the left side's room to spare (its widest column), then wider
            wide = max(range(split), key=lambda i: widths[i])
            take = min(right_short, max(0.0, left - left_need), max(0.0, points[wide] - 40))
            widths[wide] -= take * chars
            widths[-1] += right_short * chars + 0.5
        if left_short > 0:
            wide = max(range(split, len(widths)), key=lambda i: widths[i])
            take = min(left_short, max(0.0, right - right_need), max(0.0, points[wide] - 40))
            widths[wide] -= take * chars
            widths[split - 1] += left_short * chars + 0.5
        return widths

    def _lines(self) -> list[tuple[str, dict, str, dict]]:
        h = self.doc.header
        return [
            (_t(h.upper).upper(), {}, NATIONAL_NAME, {"bold": True}),
            (_t(h.issuer).upper(), {"bold": True}, MOTTO, {"bold": True}),
            (_t(h.number), {}, _t(h.place_date), {"italic": True}),
        ]

    def _needs(self) -> tuple[float, float]:
        """The width (points) the left and the right block of the heading ask for."""
        lines = self._lines()
        left = min(
            LEFT_MAX, max(_measure(text, _face(bool(f.get("bold")), False), SIZE) for text, f, _, _ in lines) + CELL_PAD
        )
        right = (
            max(_measure(text, _face(bool(f.get("bold")), bool(f.get("italic"))), SIZE) for _, _, text, f in lines)
            + CELL_PAD
        )
        return left, right

    def _split(self, points: list[float]) -> tuple[int, float, float]:
        """The number of columns of the left block (each side as wide as its longest line if the
        columns allow it, the room left over shared evenly) and how much each side then lacks."""
        ncols = len(points)
        if ncols < 2:
            return 1, 0.0, 0.0
        left_need, right_need = self._needs()
        total = sum(points)
        best, best_score = (1, 0.0, 0.0), None
        left = 0.0
        for k in range(1, ncols):
            left += points[k - 1]
            right = total - left
            left_short, right_short = max(0.0, left_need - left), max(0.0, right_need - right)
            score = (left_short + right_short, -min(left - left_need, right - right_need))
            if best_score is None or score < best_score:
                best, best_score = (k, left_short, right_short), score
        return best

    def need(
        self,
        row: int,
        text: str,
        width_pt: float,
        *,
        size: float = SIZE,
        bold: bool = False,
        italic: bool = False,
        **_ignored,
    ) -> None:
        """Make ``row`` tall enough for ``text`` wrapped in ``width_pt``."""
        self.heights.need(row, line_height(text_lines(text, width_pt, size, bool(bold), bool(italic)), size))

    def text(self, sheet, row: int, first: int, last: int, text: str, **props) -> None:
        fmt = self.fmt.get(**props)
        if last > first:
            sheet.merge_range(row, first, row, last, "", fmt)
        sheet.write_string(row, first, text, fmt)

    # --- tables ----------------------------------------------------------------------------

    def table_sheet(self, table: Table, landscape: bool, caption: str) -> None:
        sheet = self.add_sheet(_sheet_name(table.sheet or "Bảng"))
        cols = table.columns
        total = LANDSCAPE_CHARS if landscape else PORTRAIT_CHARS
        weights = sum(max(c.width, 0.01) for c in cols)
        widths = self.fit_heading([col.xlsx_width or max(5.0, total * max(col.width, 0.01) / weights) for col in cols])
        for i, width in enumerate(widths):
            sheet.set_column(i, i, width)
        points = [column_points(w) for w in widths]
        row = self.heading(sheet, widths, caption or table.caption)
        header_row = row
        head = self.fmt.get(bold=True, align="center", text_wrap=True, border=1)
        for i, col in enumerate(cols):
            sheet.write_string(row, i, _t(col.title), head)
            self.need(row, _t(col.title), points[i], bold=True)
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
        whole = sum(points)
        need = self.need
        for index, values in enumerate(table.rows):
            kind = kinds[index] if kinds else "normal"
            if kind == "normal" and len(values) == ncols:
                for i, value in enumerate(values):
                    plain[i](row, i, value)
                    if type(value) is str and value:
                        need(row, value, points[i])
                    elif isinstance(value, Num) and isinstance(value.value, str):
                        need(row, value.value, points[i])
            elif kind == "group":
                text = _t(values[0] if values else "")
                self.text(sheet, row, 0, ncols - 1, text, bold=True, border=1, text_wrap=True)
                need(row, text, whole, bold=True)
            else:
                bold = kind == "total"
                for i, col in enumerate(cols):
                    value = values[i] if i < len(values) else None
                    self.cell(sheet, row, i, value, col.kind, col.align, bold)
                    raw, _kind = unwrap(value, col.kind)
                    if isinstance(raw, str) and raw:
                        need(row, _t(raw), points[i], bold=bold)
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
                props.update(
                    num_format=tag, align="center" if tag == NUMBER_FORMATS["yesno"] or align == "center" else "right"
                )
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
                # as the PDF: rounded to one decimal, a whole rate without one ("85%", "85,5%")
                whole = round(number, 1).is_integer()
                number, num_format = number / 100, PERCENT_WHOLE if whole else NUMBER_FORMATS["percent"]
            elif kind in NUMBER_FORMATS:
                num_format = NUMBER_FORMATS[kind]
            else:
                num_format = _number_format(number)
            sheet.write_number(row, col, number, self._cell_format(num_format, align, bold))

    def print_setup(self, sheet, landscape: bool, ncols: int) -> None:
        """A4, the PDF's margins, the page number top centre from the sheet's second page; and
        every row as tall as its text."""
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
            sheet.set_margins(left=20 * MM, right=20 * MM, top=30 * MM, bottom=20 * MM)
        else:
            sheet.set_portrait()
            sheet.set_margins(left=30 * MM, right=15 * MM, top=20 * MM, bottom=20 * MM)
        sheet.fit_to_pages(1, 0)
        sheet.center_horizontally()
        sheet.set_header(PAGE_HEADER, {"margin": 10 * MM})
        sheet.different_first = True
        sheet.set_start_page(1)  # each sheet numbers its own pages, as an annex does in the PDF
        sheet.hide_gridlines(1)
        self.heights.apply(sheet)

    # --- body text -------------------------------------------------------------------------

    def text_sheet(self) -> None:
        """The document's whole text: heading, Kính gửi, the body (tables by reference to their
        sheets), the signature block and Nơi nhận."""
        sheet = self.add_sheet(TEXT_SHEET)
        widths = self.fit_heading([40.0, 55.0])
        for i, width in enumerate(widths):
            sheet.set_column(i, i, width)
        points = [column_points(w) for w in widths]
        whole = sum(points)
        row = self.heading(sheet, widths)
        if self.doc.recipient:
            text = f"Kính gửi: {_t(self.doc.recipient)}"
            self.text(sheet, row, 0, 1, text, align="center", text_wrap=True)
            self.need(row, text, whole)
            row += 2
        for block in self.doc.body:
            if isinstance(block, Heading):
                self.paragraph(sheet, row, _t(block.text), whole, bold=True, center=block.align == "center")
                row += 1
            elif isinstance(block, Paragraph):
                for i, line in enumerate(_t(block.text).split("\n")):
                    text = f"{_t(block.lead)} {line}".strip() if i == 0 and block.lead else line
                    if text:
                        self.paragraph(
                            sheet,
                            row,
                            text,
                            whole,
                            bold=block.bold,
                            italic=block.italic,
                            indent=block.indent,
                            center=block.align == "center",
                        )
                        row += 1
            elif isinstance(block, Table) and block.sheet:
                self.paragraph(
                    sheet, row, f'(Bảng số liệu: xem trang "{_sheet_name(block.sheet)}")', whole, italic=True
                )
                row += 1
        row += 1
        self.closing(sheet, row, points)
        self.print_setup(sheet, False, 2)

    def closing(self, sheet, row: int, points: list[float]) -> None:
        """The signature block (right; a second signer left) and Nơi nhận (left), as in the PDF."""
        signatures: list[Signature] = self.doc.signatures[:2]
        for sig_index, sig in enumerate(signatures):
            col = 1 if sig_index == len(signatures) - 1 else 0
            fmt = self.fmt.get(bold=True, align="center", text_wrap=True)
            for i, line in enumerate(sig.lines):
                text = _t(line).upper()
                sheet.write_string(row + i, col, text, fmt)
                self.need(row + i, text, points[col], bold=True)
            name_row = row + len(sig.lines) + 3
            sheet.write_string(name_row, col, _t(sig.name), fmt)
            self.need(name_row, _t(sig.name), points[col], bold=True)
        if self.doc.recipients:
            sheet.write_string(row, 0, "Nơi nhận:", self.fmt.get(bold=True, italic=True))
            small = self.fmt.get(font_size=11, text_wrap=True, valign="top")
            for i, line in enumerate(self.doc.recipients, 1):
                sheet.write_string(row + i, 0, _t(line), small)
                self.need(row + i, _t(line), points[0], size=11)

    def paragraph(
        self,
        sheet,
        row: int,
        text: str,
        width_pt: float,
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = False,
        center: bool = False,
    ) -> None:
        props = {"text_wrap": True, "valign": "top", "align": "center" if center else "justify"}
        if bold:
            props["bold"] = True
        if italic:
            props["italic"] = True
        if indent and not center:
            text = "    " + text
        self.need(row, text, width_pt, bold=bold, italic=italic)  # a merged row does not grow by itself
        self.text(sheet, row, 0, 1, text, **props)


def _number_format(number: float) -> str:
    """A count or score as the PDF writes it: no decimals when whole, else at most two, trailing
    zeros dropped ("1.200", "7,5", "8,25")."""
    if round(number, 2).is_integer():
        return "#,##0"
    return "#,##0.0" if round(number, 1) == round(number, 2) else "#,##0.00"


def _xl_align(align: str) -> str:
    return {"center": "center", "right": "right"}.get(align, "left")


def write_workbook(doc: Document, machine: MachineData | None, target: str | os.PathLike[str] | BinaryIO) -> None:
    """Write the workbook twin of ``doc`` (and its ``_du_lieu`` sheet) to ``target``."""
    out = str(Path(target)) if isinstance(target, (str, os.PathLike)) else target
    book = xlsxwriter.Workbook(
        out,
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "in_memory": False,
        },
    )
    book.set_properties(
        {
            "title": _t(doc.title or f"{doc.type_name} {doc.subject}"),
            "author": _t(doc.author),
            "subject": _t(doc.subject),
            "comments": "thidua_desktop",
        }
    )
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
