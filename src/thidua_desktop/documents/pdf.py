"""PDF writer: a :class:`~.layout.Document` in the NĐ 30/2020 Phụ lục I format (reportlab platypus).

- A4; margins top/bottom 20 mm, left 30 mm, right 15 mm (landscape annex pages: the binding
  margin moves to the top, 30 mm; 20 mm elsewhere).
- Liberation Serif, embedded as a subset; every string NFC-normalised before drawing (reportlab
  does no OpenType shaping: decomposed marks would be drawn misplaced).
- Heading: upper union (upper-case, regular) and the CĐCS (upper-case, bold, short centred rule)
  on the left, "Số: …" under them; the national name (bold 12) and motto (bold 13, rule as long
  as the line) on the right, the italic place-and-date line under them.
- Type (bold 14) and subject (bold 14, short rule) centred; body 14 pt, first-line indent 1,27 cm,
  6 pt after each paragraph; the signature block with "Nơi nhận:" (bold italic 12, lines 11 pt).
- Tables repeat their header rows on every page and wrap long cells (nothing is clipped). Big
  tables are laid out one page at a time (:class:`_PagedTable`): reportlab's own split copies the
  whole remaining table at each page break, which is quadratic in the number of rows.
- Page numbers top centre from page 2 on.
- Where each signature block leaves room for the signature (between "TM. BAN CHẤP HÀNH / CHỦ TỊCH"
  and the signer's name) is recorded: :func:`write_pdf` returns the :class:`SignatureBlock` list,
  and the PDF keeps each one as a named destination ``/ThiDuaChuKy<n>`` (``[page /FitR x1 y1 x2 y2]``
  in the catalog's ``/Dests``), which survives incremental updates; digital signing reads it back
  (:func:`thidua_desktop.signing.pdf.signature_blocks`) and places the visible signature there.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from thidua_desktop.documents import fonts
from thidua_desktop.documents.cells import NUMERIC_KINDS, as_text, nfc
from thidua_desktop.documents.layout import (
    MOTTO,
    NATIONAL_NAME,
    Annex,
    Block,
    Document,
    Heading,
    Paragraph,
    Signature,
    Spacer,
    Table,
)

PAGE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
LANDSCAPE_MARGINS = (30 * mm, 20 * mm, 20 * mm, 20 * mm)  # top, bottom, left, right
PAGE_NUMBER_SIZE = 13

BODY_SIZE = 14
BODY_LEADING = 17.5
INDENT = 12.7 * mm  # 1,27 cm
PARA_AFTER = 6
HEADER_SIZE = 13
NATIONAL_SIZE = 12
MOTTO_SIZE = 13
TITLE_SIZE = 14
SIGNATURE_SIZE = 14
SIGNATURE_SPACE = 24 * mm  # room for the signature and the seal
SIGNATURE_BOX_WIDTH = 230.0  # points: the widest visible digital signature placed in that room
SIGNATURE_DEST_PREFIX = "ThiDuaChuKy"  # named destinations /ThiDuaChuKy1, /ThiDuaChuKy2 (left to right)
RECIPIENTS_TITLE_SIZE = 12
RECIPIENTS_SIZE = 11
RULE_WIDTH = 0.6
CELL_PAD_X = 3
CELL_PAD_TOP = 2
CELL_PAD_BOTTOM = 3

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_TABLE_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "LEFT"}


def _t(text: str) -> str:
    return nfc(text)


def _markup(text: str) -> str:
    return escape(_t(text))


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap_balanced(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Break ``text`` into the fewest lines that fit, with lines of similar length (headings look
    centred that way, not one long line and a stray word)."""
    text = " ".join(_t(text).split())
    if not text or _width(text, font, size) <= max_width:
        return [text] if text else []
    words = text.split(" ")

    # Greedy gives the number of lines; then shorten the target width while the count holds.
    def greedy(limit: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if current and _width(trial, font, size) > limit:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    best = greedy(max_width)
    count = len(best)
    low, high = max(_width(w, font, size) for w in words), max_width
    for _ in range(12):
        mid = (low + high) / 2
        trial = greedy(mid)
        if len(trial) <= count:
            best, high = trial, mid
        else:
            low = mid
    return best


def _cap_lines(lines: list[str], limit: int, font: str, size: float, max_width: float) -> list[str]:
    """At most ``limit`` lines, the last one ending in "…" when some were left out (a heading that
    would not fit on a page is shortened, never allowed to stop the document)."""
    if len(lines) <= limit:
        return lines
    kept = lines[:limit]
    last = kept[-1]
    while last and _width(last + " …", font, size) > max_width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = (last + " …").strip()
    return kept


def _cap(text: str, limit: int) -> str:
    """``text`` cut at ``limit`` characters (at a space when there is one near), with "…"."""
    text = _t(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut).rstrip() + " …"


HEADER_MAX_LINES = 4  # per part of the heading (upper union, CĐCS)
SIGNATURE_MAX_CHARS = 200  # a signer's name or title line
RECIPIENT_MAX_CHARS = 300  # one "Nơi nhận" line
RECIPIENT_MAX_LINES = 25


# --- flowables for the heading ----------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float


class _HeaderBlock(Flowable):
    """The two-column heading of page 1 (drawn directly, every line measured)."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc

    def wrap(self, aw, ah):
        h = self.doc.header
        self.width = aw
        right_w = _width(NATIONAL_NAME, fonts.BOLD, NATIONAL_SIZE) + 12
        left_w = aw - right_w
        self.left_w, self.right_w = left_w, right_w
        limit = left_w - 8
        upper = _cap_lines(
            wrap_balanced(_t(h.upper).upper(), fonts.REGULAR, HEADER_SIZE, limit),
            HEADER_MAX_LINES,
            fonts.REGULAR,
            HEADER_SIZE,
            limit,
        )
        self.left_lines = [_Line(s, fonts.REGULAR, HEADER_SIZE) for s in upper]
        issuer = _cap_lines(
            wrap_balanced(_t(h.issuer).upper(), fonts.BOLD, HEADER_SIZE, limit),
            HEADER_MAX_LINES,
            fonts.BOLD,
            HEADER_SIZE,
            limit,
        )
        self.issuer_count = len(issuer)
        self.left_lines += [_Line(s, fonts.BOLD, HEADER_SIZE) for s in issuer]
        self.leading = HEADER_SIZE * 1.2
        first = HEADER_SIZE * 0.95
        left_rule = first + (len(self.left_lines) - 1) * self.leading + 6
        right_rule = first + self.leading + 6
        self.first = first
        self.left_rule = left_rule
        self.right_rule = right_rule
        self.number_line = max(left_rule, right_rule) + 23
        size = 14
        while size > 11 and _width(_t(h.place_date), fonts.ITALIC, size) > right_w - 4:
            size -= 0.5
        self.date_size = size
        self.height = self.number_line + 5
        return aw, self.height

    def draw(self):
        c = self.canv
        h = self.doc.header
        top = self.height
        lx = self.left_w / 2
        rx = self.left_w + self.right_w / 2
        y = top - self.first
        issuer_widths = []
        for i, line in enumerate(self.left_lines):
            c.setFont(line.font, line.size)
            c.drawCentredString(lx, y - i * self.leading, line.text)
            if line.font == fonts.BOLD:
                issuer_widths.append(_width(line.text, line.font, line.size))
        c.setLineWidth(RULE_WIDTH)
        rule = max(40.0, 0.4 * max(issuer_widths or [80.0]))
        ry = top - self.left_rule
        c.line(lx - rule / 2, ry, lx + rule / 2, ry)
        c.setFont(fonts.BOLD, NATIONAL_SIZE)
        c.drawCentredString(rx, y, NATIONAL_NAME)
        c.setFont(fonts.BOLD, MOTTO_SIZE)
        c.drawCentredString(rx, y - self.leading, MOTTO)
        motto_w = _width(MOTTO, fonts.BOLD, MOTTO_SIZE)
        ry = top - self.right_rule
        c.line(rx - motto_w / 2, ry, rx + motto_w / 2, ry)
        ny = top - self.number_line
        c.setFont(fonts.REGULAR, HEADER_SIZE)
        c.drawCentredString(lx, ny, _t(h.number))
        c.setFont(fonts.ITALIC, self.date_size)
        c.drawCentredString(rx, ny, _t(h.place_date))


class _CentredLines(Flowable):
    """Centred lines (type, subject, annex titles), balanced wrapping, optional short rule below."""

    def __init__(
        self,
        lines: Sequence[_Line],
        *,
        rule: bool = False,
        space_before: float = 0,
        space_after: float = 0,
        max_ratio: float = 0.85,
    ) -> None:
        super().__init__()
        self.items = [line for line in lines if line.text]
        self.rule = rule
        self.space_before = space_before
        self.space_after = space_after
        self.max_ratio = max_ratio

    def wrap(self, aw, ah):
        self.width = aw
        self.rows: list[_Line] = []
        for item in self.items:
            for text in wrap_balanced(item.text, item.font, item.size, aw * self.max_ratio):
                self.rows.append(_Line(text, item.font, item.size))
        self.height = sum(r.size * 1.25 for r in self.rows) + (10 if self.rule else 0)
        return aw, self.height

    def getSpaceBefore(self):  # noqa: N802 - reportlab's Flowable API
        return self.space_before

    def getSpaceAfter(self):  # noqa: N802 - reportlab's Flowable API
        return self.space_after

    def split(self, aw, ah):
        """Lines taller than a page (a very long subject or annex title) go on overleaf."""
        self.wrap(aw, ah)
        if self.height <= ah:
            return [self]
        used, count = 0.0, 0
        for row in self.rows:
            if used + row.size * 1.25 > ah:
                break
            used += row.size * 1.25
            count += 1
        if count == 0:
            return []
        first = _PreparedLines(self.rows[:count], rule=False, space_before=self.space_before, space_after=0)
        rest = _PreparedLines(self.rows[count:], rule=self.rule, space_before=0, space_after=self.space_after)
        return [first, rest]

    def draw(self):
        c = self.canv
        y = self.height
        widest = 0.0
        for row in self.rows:
            y -= row.size * 1.25
            c.setFont(row.font, row.size)
            c.drawCentredString(self.width / 2, y + row.size * 0.25, row.text)
            widest = max(widest, _width(row.text, row.font, row.size))
        if self.rule and self.rows:
            rule = max(50.0, widest / 3)
            c.setLineWidth(RULE_WIDTH)
            c.line(self.width / 2 - rule / 2, y - 5, self.width / 2 + rule / 2, y - 5)


class _PreparedLines(_CentredLines):
    """Part of :class:`_CentredLines` after a split: lines already broken, drawn as they are."""

    def __init__(self, rows: Sequence[_Line], **kw) -> None:
        super().__init__([], **kw)
        self.prepared = list(rows)

    def wrap(self, aw, ah):
        self.width = aw
        self.rows = self.prepared
        self.height = sum(r.size * 1.25 for r in self.rows) + (10 if self.rule else 0)
        return aw, self.height


# --- paragraphs -------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        self._cache: dict[tuple, ParagraphStyle] = {}

    def get(
        self,
        *,
        size: float = BODY_SIZE,
        bold: bool = False,
        italic: bool = False,
        align: str = "justify",
        indent: float = 0,
        after: float = PARA_AFTER,
        before: float = 0,
        leading: float | None = None,
        keep: bool = False,
    ) -> ParagraphStyle:
        key = (size, bold, italic, align, indent, after, before, leading, keep)
        style = self._cache.get(key)
        if style is None:
            style = ParagraphStyle(
                f"s{len(self._cache)}",
                fontName=fonts.face(bold, italic),
                fontSize=size,
                leading=leading or round(size * 1.25, 2),
                alignment=_ALIGN[align],
                firstLineIndent=indent,
                spaceAfter=after,
                spaceBefore=before,
                keepWithNext=1 if keep else 0,
                splitLongWords=1,
                allowWidows=0,
                allowOrphans=0,
            )
            self._cache[key] = style
        return style


def _paragraphs(block: Paragraph, styles: _Styles) -> list[Flowable]:
    size = block.size or BODY_SIZE
    style = styles.get(
        size=size,
        bold=block.bold,
        italic=block.italic,
        align=block.align,
        indent=INDENT if block.indent and block.align in ("justify", "left") else 0,
        leading=BODY_LEADING if size == BODY_SIZE else None,
    )
    out: list[Flowable] = []
    lines = _t(block.text).split("\n") if block.text else [""]
    for i, line in enumerate(lines):
        text = _markup(line)
        if i == 0 and block.lead:
            text = f"<b>{_markup(block.lead)}</b> {text}".rstrip()
        if text:
            out.append(RLParagraph(text, style))
    return out


def _heading(block: Heading, styles: _Styles) -> list[Flowable]:
    """A heading never ends a page: it moves on when fewer than three lines would follow it."""
    italic = block.level >= 3
    style = styles.get(
        bold=True,
        italic=italic,
        align=block.align,
        indent=INDENT if block.align in ("left", "justify") else 0,
        before=4,
        after=PARA_AFTER,
        leading=BODY_LEADING,
    )
    heading = RLParagraph(_markup(block.text), style)
    heading.is_heading = True  # the closing takes it along with the last paragraph
    return [CondPageBreak(4 * BODY_LEADING + PARA_AFTER), heading]


# --- tables -----------------------------------------------------------------------------------


class _TableLayout:
    """Everything a table needs to be drawn page by page: widths, cells, styles."""

    def __init__(self, table: Table, width: float, styles: _Styles) -> None:
        self.table = table
        self.size = table.font_size
        self.leading = round(self.size * 1.2, 2)
        self.styles = styles
        self.widths = self._column_widths(width)
        self.header = self._header_rows()
        self.rows = [self._row(i, row) for i, row in enumerate(table.rows)]
        self.kinds = [table.kind_of(i) for i in range(len(self.rows))]
        self.continued: set[int] = set()  # rows carrying the rest of the row before them
        self._heights: list[float | None] = [None] * len(self.rows)
        self._header_h: list[float] | None = None

    def _style(self, align: str, bold: bool = False, italic: bool = False) -> ParagraphStyle:
        return self.styles.get(size=self.size, bold=bold, italic=italic, align=align, after=0, leading=self.leading)

    def _column_widths(self, total: float) -> list[float]:
        cols = self.table.columns
        weights = [max(c.width, 0.01) for c in cols]
        widths = [total * w / sum(weights) for w in weights]
        # A column must hold its longest number (or date) and the longest word of its title unbroken.
        need = []
        for index, col in enumerate(cols):
            words = _t(col.title).split() or [""]
            minimum = max(_width(w, fonts.BOLD, self.size) for w in words)
            if col.kind in NUMERIC_KINDS or col.kind == "date":
                texts = {
                    as_text(row[index], col.kind)
                    for row, kind in zip(self.table.rows, self._kinds(), strict=True)
                    if kind != "group" and index < len(row)
                }
                if texts:
                    minimum = max(minimum, max(_width(s, fonts.BOLD, self.size) for s in texts))
            need.append(minimum + 2 * CELL_PAD_X + 1)
        short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
        if short > 0:
            slack = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
            available = sum(slack)
            take = min(1.0, short / available) if available else 0.0
            widths = [max(n, w - s * take) if n <= w else n for n, w, s in zip(need, widths, slack, strict=True)]
            scale = total / sum(widths)
            if scale < 1:  # the table cannot hold every column at its minimum: shrink all evenly
                widths = [w * scale for w in widths]
        return widths

    def _kinds(self) -> list[str]:
        return self.table.row_kinds or ["normal"] * len(self.table.rows)

    def _cell(self, text: str, index: int, *, bold: bool = False, align: str | None = None):
        """A plain string when it fits on one line (fast), else a wrapping Paragraph."""
        width = self.widths[index] if index >= 0 else sum(self.widths)
        align = align or self.table.columns[index].align
        font = fonts.BOLD if bold else fonts.REGULAR
        if "\n" not in text and _width(text, font, self.size) <= width - 2 * CELL_PAD_X - 0.5:
            return text
        return RLParagraph(escape(text).replace("\n", "<br/>"), self._style(align, bold))

    def _header_rows(self) -> list[list]:
        cols = self.table.columns
        row = [RLParagraph(_markup(c.title), self._style("center", bold=True)) for c in cols]
        rows = [row]
        if self.table.numbered_header:
            rows.append([f"({i})" for i in range(1, len(cols) + 1)])
        return rows

    def _row(self, index: int, values: list) -> list:
        kind = self.table.kind_of(index)
        cols = self.table.columns
        if kind == "group":
            text = as_text(values[0] if values else "")
            return [self._cell(text, -1, bold=True, align="left")] + [""] * (len(cols) - 1)
        bold = kind == "total"
        out = []
        for i, col in enumerate(cols):
            value = values[i] if i < len(values) else None
            out.append(self._cell(as_text(value, col.kind), i, bold=bold))
        return out

    def style(self, start: int, stop: int) -> TableStyle:
        h = len(self.header)
        cmds = [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, self.size, self.leading),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_BOTTOM),
            ("ALIGN", (0, 0), (-1, h - 1), "CENTER"),
        ]
        if self.table.numbered_header:
            cmds.append(("FONT", (0, 1), (-1, 1), fonts.ITALIC, self.size - 1, self.leading))
        for i, col in enumerate(self.table.columns):
            cmds.append(("ALIGN", (i, h), (i, -1), _TABLE_ALIGN[col.align]))
        if self.table.row_kinds or self.continued:
            for r in range(start, stop):
                kind = self.kinds[r]
                at = h + r - start
                if kind == "group":
                    cmds += [
                        ("SPAN", (0, at), (-1, at)),
                        ("FONT", (0, at), (-1, at), fonts.BOLD, self.size, self.leading),
                        ("ALIGN", (0, at), (-1, at), "LEFT"),
                    ]
                elif kind == "total":
                    cmds.append(("FONT", (0, at), (-1, at), fonts.BOLD, self.size, self.leading))
        return TableStyle(cmds)

    def _height(self, cells: list, spanned: bool) -> float:
        """A row's height exactly as reportlab measures it (tallest cell plus paddings)."""
        tallest = 0.0
        for index, cell in enumerate(cells):
            if isinstance(cell, RLParagraph):
                width = (sum(self.widths) if spanned else self.widths[index]) - 2 * CELL_PAD_X
                tallest = max(tallest, cell.wrap(width, 1e6)[1])
            else:
                lines = str(cell).count("\n") + 1 if cell != "" else 1
                tallest = max(tallest, lines * self.leading)
            if spanned:
                break
        return tallest + CELL_PAD_TOP + CELL_PAD_BOTTOM

    def row_height(self, index: int) -> float:
        height = self._heights[index]
        if height is None:
            height = self._heights[index] = self._height(self.rows[index], self.kinds[index] == "group")
        return height

    def split_row(self, index: int, room: float) -> bool:
        """Cut row ``index`` so that its first part is at most ``room`` high: the cells' text goes on
        in a row of its own (other cells empty), which the next page starts with. False when not
        even one line of its tallest cell fits in ``room``."""
        cells = self.rows[index]
        spanned = self.kinds[index] == "group"
        avail = room - CELL_PAD_TOP - CELL_PAD_BOTTOM
        if avail < self.leading:
            return False
        head: list = []
        tail: list = []
        for i, cell in enumerate(cells):
            if spanned and i > 0:
                head.append(cell)
                tail.append("")
                continue
            if not isinstance(cell, RLParagraph):
                head.append(cell)  # one line: it fits wherever a line fits
                tail.append("")
                continue
            width = (sum(self.widths) if spanned else self.widths[i]) - 2 * CELL_PAD_X
            if cell.wrap(width, 1e6)[1] <= avail:
                head.append(cell)
                tail.append("")
                continue
            parts = cell.split(width, avail)
            if len(parts) != 2:
                return False
            head.append(parts[0])
            tail.append(parts[1])
        if self._height(head, spanned) > room + 1e-6:
            return False
        self.rows[index : index + 1] = [head, tail]
        self.kinds[index : index + 1] = [self.kinds[index]] * 2
        self._heights[index : index + 1] = [None, None]
        self.continued = {r + 1 if r > index else r for r in self.continued} | {index + 1}
        return True

    def header_height(self) -> float:
        if self._header_h is None:
            self._header_h = [self._height(row, False) for row in self.header]
        return sum(self._header_h)

    def build(self, start: int, stop: int) -> RLTable:
        """The rows [start, stop) with the header, every row height known: reportlab measures nothing again."""
        self.header_height()
        data = self.header + self.rows[start:stop]
        heights = self._header_h + [self.row_height(i) for i in range(start, stop)]
        return RLTable(
            data,
            colWidths=self.widths,
            rowHeights=heights,
            repeatRows=len(self.header),
            style=self.style(start, stop),
            hAlign="CENTER",
        )


class _PagedTable(Flowable):
    """A table laid out one page at a time: each row is measured once, each page is one small
    Table of the rows that fit, with the header repeated (reportlab's own split copies and
    re-measures the whole remaining table at every page break)."""

    def __init__(self, layout: _TableLayout, start: int = 0, frame_height: float | None = None) -> None:
        super().__init__()
        self.layout = layout
        self.start = start
        self.frame_height = frame_height or PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
        # rows taller than half a page are cut at a page's foot; nothing is cut into less than 3 lines
        self.split_above = self.frame_height / 2
        self.min_split = 3 * layout.leading + CELL_PAD_TOP + CELL_PAD_BOTTOM
        self._table: RLTable | None = None

    def _fitting(self, height: float) -> tuple[int, float]:
        room = height - self.layout.header_height()
        used = 0.0
        stop = self.start
        while stop < len(self.layout.rows):
            row = self.layout.row_height(stop)
            if used + row > room + 1e-6:
                # A row too tall for a page of its own would never be placed: it is cut at the foot
                # of this page (so is one that would leave a big gap), its text going on overleaf.
                left = room - used
                if row > self.split_above and left >= self.min_split and self.layout.split_row(stop, left):
                    continue
                break
            used += row
            stop += 1
        return stop, used

    def wrap(self, aw, ah):
        stop, used = self._fitting(ah)
        self.width = sum(self.layout.widths)
        if stop < len(self.layout.rows):
            self._table = None
            self.height = ah + 1  # does not fit: the frame splits it
            return self.width, self.height
        self._table = self.layout.build(self.start, stop)
        self.height = self.layout.header_height() + used
        self._table.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw, ah):
        stop, _ = self._fitting(ah)
        if stop == self.start:
            return []  # not even one row here: the next frame
        first = self.layout.build(self.start, stop)
        if stop >= len(self.layout.rows):
            return [first]
        return [first, _PagedTable(self.layout, stop, self.frame_height)]

    def draw(self):
        if self._table is not None:
            self._table.drawOn(self.canv, 0, 0)


# --- the document -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureBlock:
    """The room left for a signature: page index (0-based) and box in PDF points (x1, y1, x2, y2)."""

    index: int  # 1-based, left to right
    page: int
    box: tuple[float, float, float, float]
    name: str


class _SignatureSpace(Flowable):
    """The blank between the signer's title lines and name; drawing it records where it landed."""

    def __init__(self, index: int, name: str, marks: list[SignatureBlock] | None) -> None:
        super().__init__()
        self.index = index
        self.name = name
        self.marks = marks

    def wrap(self, aw, ah):
        self.width, self.height = aw, SIGNATURE_SPACE
        return aw, SIGNATURE_SPACE

    def draw(self):
        from reportlab.pdfbase.pdfdoc import PDFDictionary

        c = self.canv
        (ax, ay), (bx, by) = c.absolutePosition(0, 0), c.absolutePosition(self.width, self.height)
        x1, x2, y1, y2 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        width = min(SIGNATURE_BOX_WIDTH, x2 - x1 - 4)
        middle = (x1 + x2) / 2
        # inside the gap, clear of the descenders above and the accents of the name below
        box = (round(middle - width / 2, 2), round(y1 + 2, 2), round(middle + width / 2, 2), round(y2 - 4, 2))
        key = f"{SIGNATURE_DEST_PREFIX}{self.index}"
        dest = c.bookmarkPage(key, fit="FitR", left=box[0], bottom=box[1], right=box[2], top=box[3])
        catalog = c._doc.Catalog
        if getattr(catalog, "Dests", None) is None:
            catalog.Dests = PDFDictionary({})
        catalog.Dests.dict[key] = dest
        if self.marks is not None:
            self.marks.append(SignatureBlock(self.index, c.getPageNumber() - 1, box, self.name))


def _signature_cell(
    sig: Signature, styles: _Styles, index: int = 1, marks: list[SignatureBlock] | None = None
) -> list[Flowable]:
    out: list[Flowable] = []
    style = styles.get(size=SIGNATURE_SIZE, bold=True, align="center", after=0, leading=SIGNATURE_SIZE * 1.2)
    for line in sig.lines:
        out.append(RLParagraph(escape(_cap(line, SIGNATURE_MAX_CHARS)).upper(), style))
    out.append(_SignatureSpace(index, _t(sig.name), marks))
    out.append(RLParagraph(escape(_cap(sig.name, SIGNATURE_MAX_CHARS)), style))
    return out


def _recipients_cell(lines: Sequence[str], styles: _Styles) -> list[Flowable]:
    out: list[Flowable] = [
        RLParagraph("Nơi nhận:", styles.get(size=RECIPIENTS_TITLE_SIZE, bold=True, italic=True, align="left", after=1))
    ]
    style = styles.get(size=RECIPIENTS_SIZE, align="left", after=0, leading=RECIPIENTS_SIZE * 1.2)
    shown = list(lines[:RECIPIENT_MAX_LINES])
    if len(lines) > RECIPIENT_MAX_LINES:
        shown[-1] = "- …"
    for line in shown:
        out.append(RLParagraph(escape(_cap(line, RECIPIENT_MAX_CHARS)), style))
    return out


def _closing(doc: Document, width: float, styles: _Styles, marks: list[SignatureBlock] | None = None) -> list[Flowable]:
    if not doc.signatures and not doc.recipients:
        return []
    if len(doc.signatures) >= 2:
        cells = [_signature_cell(s, styles, i, marks) for i, s in enumerate(doc.signatures[:2], start=1)]
        widths = [width / 2, width / 2]
        if doc.recipients:
            cells = [_recipients_cell(doc.recipients, styles) + [RLSpacer(1, 12)] + cells[0], cells[1]]
    else:
        left = _recipients_cell(doc.recipients, styles) if doc.recipients else [RLSpacer(1, 1)]
        right = _signature_cell(doc.signatures[0], styles, 1, marks) if doc.signatures else [RLSpacer(1, 1)]
        cells = [left, right]
        widths = [width * 0.45, width * 0.55]
    table = _closing_table(cells, widths)
    if doc.recipients and table.wrap(width, 1e6)[1] > 0.8 * _frame_height(width):
        # too tall to stand side by side on a page: the signatures, then "Nơi nhận" flowing under them
        signatures = [_signature_cell(s, styles, i, marks) for i, s in enumerate(doc.signatures[:2], start=1)]
        if len(signatures) == 1:
            signatures = [[RLSpacer(1, 1)], signatures[0]]
            widths = [width * 0.45, width * 0.55]
        out: list[Flowable] = [RLSpacer(1, 6)]
        if doc.signatures:
            out.append(_closing_table(signatures, widths))
        return out + [RLSpacer(1, 12)] + _recipients_cell(doc.recipients, styles)
    return [RLSpacer(1, 6), table]


def _closing_table(cells: list[list[Flowable]], widths: list[float]) -> RLTable:
    return RLTable(
        [cells],
        colWidths=widths,
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def _blocks(blocks: Sequence[Block], width: float, styles: _Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += _heading(block, styles)
        elif isinstance(block, Paragraph):
            out += _paragraphs(block, styles)
        elif isinstance(block, Table):
            out.append(_PagedTable(_TableLayout(block, width, styles), frame_height=_frame_height(width)))
            out.append(RLSpacer(1, PARA_AFTER))
        elif isinstance(block, Spacer):
            out.append(RLSpacer(1, block.height_pt))
        else:  # pragma: no cover - the model has no other block
            raise TypeError(f"unknown block {block!r}")
    return out


def _annex(annex: Annex, width: float, styles: _Styles) -> list[Flowable]:
    lines = [
        _Line(annex.label, fonts.BOLD, TITLE_SIZE),
        _Line(annex.title, fonts.BOLD, TITLE_SIZE),
    ]
    out: list[Flowable] = [_CentredLines(lines, space_after=2, max_ratio=0.9)]
    if annex.caption:
        out.append(_CentredLines([_Line(annex.caption, fonts.ITALIC, 13)], rule=True, space_after=10, max_ratio=0.9))
    return out + _blocks(annex.blocks, width, styles)


class _AnnexStart(Flowable):
    """The first page of an annex: its pages are numbered on their own, from its second page (as the
    document's own pages are), not on from the document's."""

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.canv._thidua_annex_first_page = self.canv.getPageNumber()


def _page_number(canvas, doc) -> None:
    """At the end of each page (an annex's start is known by then): top centre, from page 2."""
    number = canvas.getPageNumber() - getattr(canvas, "_thidua_annex_first_page", 1) + 1
    if number < 2:
        return
    width, height = canvas._pagesize
    frame = doc.pageTemplate.frames[0]
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(frame._x1 + frame._width / 2, height - 12 * mm, str(number))
    canvas.restoreState()


DRAFT_SIZE = 64
DRAFT_GREY = 0.82


def _draft_mark(canvas, doc) -> None:
    """A preview's mark: big, light grey, diagonal across the page, under the text."""
    mark = getattr(doc, "draft_mark", "")
    if not mark:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillGray(DRAFT_GREY)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(54.7 if height > width else 35.3)  # along the diagonal of an A4 page
    size = DRAFT_SIZE
    while size > 24 and _width(mark, fonts.BOLD, size) > 0.9 * (width**2 + height**2) ** 0.5:
        size -= 4
    canvas.setFont(fonts.BOLD, size)
    canvas.drawCentredString(0, -size / 3, mark)
    canvas.restoreState()


def _on_page(canvas, doc) -> None:
    _draft_mark(canvas, doc)


def _frame_height(width: float) -> float:
    """The height of the frame a block of this width is laid out in (portrait or landscape)."""
    portrait_w, landscape_w = frame_widths()
    if abs(width - landscape_w) < 1 and abs(portrait_w - landscape_w) > 1:
        return landscape(PAGE)[1] - LANDSCAPE_MARGINS[0] - LANDSCAPE_MARGINS[1]
    return PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM


def frame_widths() -> tuple[float, float]:
    portrait = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
    wide = landscape(PAGE)[0] - LANDSCAPE_MARGINS[2] - LANDSCAPE_MARGINS[3]
    return portrait, wide


def write_pdf(doc: Document, target: str | os.PathLike[str] | BinaryIO) -> list[SignatureBlock]:
    """Draw ``doc`` into ``target`` (a path or a binary file object); returns where the signature
    blocks were drawn (also kept in the PDF as named destinations, see the module's notes)."""
    fonts.register()
    styles = _Styles()
    portrait_w, landscape_w = frame_widths()
    page_w, page_h = PAGE
    portrait = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        portrait_w,
        page_h - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="portrait",
    )
    lw, lh = landscape(PAGE)
    top, bottom, left, _right = LANDSCAPE_MARGINS
    wide = Frame(
        left,
        bottom,
        landscape_w,
        lh - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="landscape",
    )
    out = target if not isinstance(target, (str, os.PathLike)) else str(Path(target))
    template = BaseDocTemplate(
        out,
        pagesize=PAGE,
        title=_t(doc.title or f"{doc.type_name} {doc.subject}"),
        author=_t(doc.author),
        subject=_t(doc.subject),
        keywords=_t(doc.keywords),
        creator="thidua_desktop",
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        lang="vi-VN",
        # The canvas's initial font goes into the page resources: ours, not Helvetica (never embedded).
        initialFontName=fonts.REGULAR,
        initialFontSize=BODY_SIZE,
    )
    template.addPageTemplates(
        [
            PageTemplate("portrait", [portrait], onPage=_on_page, onPageEnd=_page_number, pagesize=PAGE),
            PageTemplate("landscape", [wide], onPage=_on_page, onPageEnd=_page_number, pagesize=(lw, lh)),
        ]
    )
    template.draft_mark = _t(doc.draft)
    story: list[Flowable] = [_HeaderBlock(doc)]
    story.append(
        _CentredLines(
            [_Line(doc.type_name, fonts.BOLD, TITLE_SIZE), _Line(doc.subject, fonts.BOLD, TITLE_SIZE)],
            rule=True,
            space_before=14,
            space_after=10,
        )
    )
    if doc.recipient:
        recipient = styles.get(align="center", after=8, leading=BODY_LEADING)
        story.append(RLParagraph(f"Kính gửi: {_markup(doc.recipient)}", recipient))
    body = _blocks(doc.body, portrait_w, styles)
    marks: list[SignatureBlock] = []
    closing = _closing(doc, portrait_w, styles, marks)
    if closing:
        # The signature never stands alone on a page: it keeps the last paragraph with it.
        tail = [body.pop()] if body and isinstance(body[-1], RLParagraph) else []
        while tail and body and getattr(body[-1], "is_heading", False):  # nor the heading over it
            tail.insert(0, body.pop())
            if body and isinstance(body[-1], CondPageBreak):
                body.pop()
        body.append(KeepTogether(tail + closing))
    story += body
    for annex in doc.annexes:
        story.append(NextPageTemplate("landscape" if annex.landscape else "portrait"))
        story.append(PageBreak())
        story.append(_AnnexStart())
        story += _annex(annex, landscape_w if annex.landscape else portrait_w, styles)
    template.build(story)
    return sorted(marks, key=lambda m: m.index)
