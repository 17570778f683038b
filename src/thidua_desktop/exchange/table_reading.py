"""Reading helpers the table importers share (the roster, the initiatives list): no database, no Qt.

* :class:`Problem` — one thing wrong with a file, naming the file, sheet, row and column, in
  Vietnamese (``str(problem)`` is the sentence the user reads); :data:`Severity` says whether it
  blocks the import (``"error"``) or is only shown (``"warning"``);
* :func:`header_key` — the key a header text is matched on (no diacritics, case, punctuation,
  spaces, line breaks or parenthesised unit);
* :func:`is_numbering_row` — the "1 2 3 …" / "(1) (2) …" row under a header;
* :func:`parse_date` — a date cell (real date, Excel serial, year, day-first text) as a
  :class:`DateValue`; a two-digit year is read with a :data:`Century` suited to the field
  (:func:`birth_century`, :func:`past_century`);
* :func:`convert_by_font` — a copy of a sheet whose cells in a legacy TCVN3/VNI font are converted
  to Unicode.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from thidua_desktop.core import vntext
from thidua_desktop.core.legacy_text import Encoding, font_encoding, is_unicode_vietnamese, to_unicode
from thidua_desktop.exchange.spreadsheet import CellValue, Sheet

__all__ = [
    "Century",
    "DateValue",
    "Problem",
    "Severity",
    "birth_century",
    "convert_by_font",
    "header_key",
    "is_numbering_row",
    "parse_date",
    "past_century",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (file, sheet, 1-based row, column letter, field label) and what."""

    file: str
    sheet: str | None
    row: int | None  # 1-based Excel row
    column: str | None  # Excel letter
    field: str | None  # Vietnamese label of the field
    message_vi: str
    severity: Severity = "error"

    def __str__(self) -> str:
        parts = [f"Tệp {self.file}"]
        if self.sheet is not None:
            parts.append(f"trang '{self.sheet}'")
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column is not None:
            parts.append(f"cột {self.column}" + (f" ({self.field})" if self.field else ""))
        elif self.field:
            parts.append(f"({self.field})")
        return ", ".join(parts) + ": " + self.message_vi


# ---------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------

_PAREN_RE = re.compile(r"\([^)]*\)")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")


def header_key(text: str) -> str:
    """The key a header is matched on: "Ngày, tháng, năm\\nsinh (dd/mm/yyyy)" → "ngaythangnamsinh".

    A parenthesised part (a unit, a format) is dropped unless it is all the header holds.
    """
    without_parens = _PAREN_RE.sub(" ", text)
    if without_parens.strip():
        text = without_parens
    return _NON_ALNUM_RE.sub("", vntext.search_key(text))


_NUMBERING_RE = re.compile(r"^\(?\s*(\d{1,2}|[a-zA-Z])\s*\)?\.?$")


def is_numbering_row(sheet: Sheet, r: int, n_cols: int) -> bool:
    """Is row *r* (0-based) of *sheet* a numbering row ("1 2 3 4 …", "(1) (2) …", "A B C …") under a header?

    At least two filled cells, each a small number or letter, strictly increasing.
    """
    if r >= sheet.n_rows:
        return False
    values = [sheet.value(r, c) for c in range(n_cols)]
    filled = [v for v in values if v != "" and v is not None]
    if len(filled) < 2:
        return False
    numbers: list[int] = []
    for v in filled:
        if isinstance(v, bool):
            return False
        if isinstance(v, int | float) and float(v).is_integer() and 0 <= v < 100:
            numbers.append(int(v))
        elif isinstance(v, str) and _NUMBERING_RE.match(v.strip()):
            token = v.strip().strip("().")
            numbers.append(int(token) if token.isdigit() else ord(token.upper()) - 64)
        else:
            return False
    return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_DMY_RE = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_MY_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_LONG_RE = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_NUMBER_RE = re.compile(r"^\d+(?:[.,]0+)?$")


@dataclass
class DateValue:
    """A date cell read: the date (*value*), the year alone (*year*, also set with a month-and-year),
    or why it is not a date (*error*); *warning* says what the reading had to assume."""

    value: date | None = None
    year: int | None = None
    error: str | None = None
    warning: str | None = None
    inferred: str | None = None  # what the reading inferred, for the preview ("năm ghi 2 chữ số, hiểu là 1979")


Century = Callable[[int, int, int], "int | None"]
"""(two-digit year, month, day) → the full year, or None when no century fits (see :func:`parse_date`)."""


def birth_century(today: date) -> Century:
    """The century of a two-digit birth year: the one giving an age of 15 to 80 at the start of *today*'s year.

    On 01/01/2021: "29/6/79" → 1979 (41), "3/2/05" → 2005 (15), "1/1/40" → 1940 (81: too old, and 2040 is
    in the future: None).
    """
    start = date(today.year, 1, 1)

    def full_year(yy: int, month: int, day: int) -> int | None:
        for year in (1900 + yy, 2000 + yy):
            try:
                born = date(year, month, day)
            except ValueError:
                born = date(year, 1, 1)  # the day is refused later, with its own message
            age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
            if 15 <= age <= 80:
                return year
        return None

    return full_year


def past_century(today: date) -> Century:
    """The century of a two-digit year of a past event (joined the union, employed): the latest not after
    next year ("3/4/15" → 2015, "3/4/98" → 1998 in 2021)."""

    def full_year(yy: int, month: int, day: int) -> int | None:
        return 2000 + yy if 2000 + yy <= today.year + 1 else 1900 + yy

    return full_year


def _from_serial(serial: float) -> DateValue:
    if not 1 <= serial <= _MAX_SERIAL:
        return DateValue(error=f"số {_fmt_number(serial)} không phải là ngày")
    whole = int(serial)
    if whole == 60:  # Excel's 29/02/1900, which never existed
        return DateValue(error="ngày 29/02/1900 không tồn tại")
    if whole < 60:
        whole += 1  # before Excel's phantom leap day serials are one day off
    return DateValue(value=_EXCEL_EPOCH + timedelta(days=whole))


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_date(value: CellValue, century: Century | None = None) -> DateValue:
    """Read a date cell: a real date, an Excel serial, a year, or text (day first).

    Text: ``dd/mm/yyyy`` (also with ``.`` or ``-``), ISO ``yyyy-mm-dd``, ``mm/yyyy``, a year,
    "ngày 5 tháng 3 năm 1990", a serial number typed as text. Nothing raises: a cell that is not a
    date comes back with its Vietnamese *error*.

    A two-digit year (``d/m/yy``, ``dd/mm/yy``) is read with *century* (:func:`birth_century`,
    :func:`past_century`), which the result's *inferred* then states; without one it is an error asking
    for four digits.
    """
    if isinstance(value, datetime):
        return DateValue(value=value.date())
    if isinstance(value, date):
        return DateValue(value=value)
    if isinstance(value, bool):
        return DateValue(error=f"'{'TRUE' if value else 'FALSE'}' không phải là ngày")
    if isinstance(value, int | float):
        if float(value).is_integer() and 1000 <= value <= 2100:
            return DateValue(year=int(value))
        if value < 1000:
            return DateValue(error=f"số {_fmt_number(value)} không phải là ngày")
        return _from_serial(float(value))
    if isinstance(value, timedelta | time):
        return DateValue(error="ô chứa giờ hoặc khoảng thời gian, không phải ngày (năm trước 1900?)")
    text = vntext.nfc(str(value))
    if not text:
        return DateValue()
    if m := _DMY_RE.match(text):
        day, sep, month, year_text = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        shown = f"{m.group(1)}{sep}{m.group(3)}{sep}{year_text}"
        if len(year_text) == 2 and century is not None:
            full = century(int(year_text), month, day)
            if full is None:
                return DateValue(
                    error=f"năm trong '{shown}' ghi 2 chữ số, không rõ là năm 19{year_text} hay "
                    f"20{year_text} — hãy ghi đủ 4 chữ số"
                )
            try:
                return DateValue(value=date(full, month, day), inferred=f"năm ghi 2 chữ số, hiểu là {full}")
            except ValueError:
                return DateValue(error=f"ngày {day:02d}/{month:02d}/{full} không tồn tại")
        if len(year_text) != 4:
            yy = year_text[-2:].zfill(2)
            example = f"{m.group(1)}{sep}{m.group(3)}{sep}{'19' if int(yy) >= 30 else '20'}{yy}"
            return DateValue(error=f"năm trong '{shown}' phải ghi đủ 4 chữ số (ví dụ {example})")
        try:
            return DateValue(value=date(int(year_text), month, day))
        except ValueError:
            return DateValue(error=f"ngày {day:02d}/{month:02d}/{year_text} không tồn tại")
    if m := _ISO_RE.match(text):
        try:
            return DateValue(value=date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return DateValue(error=f"ngày {text} không tồn tại")
    if m := _YEAR_RE.match(text):
        return DateValue(year=int(m.group(1)))
    if m := _MY_RE.match(text):
        month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            return DateValue(error=f"tháng {month} trong '{text}' không tồn tại")
        return DateValue(year=year, value=date(year, month, 1), warning=f"'{text}' chỉ có tháng và năm")
    key = vntext.search_key(text)
    if m := _LONG_RE.match(key):
        try:
            return DateValue(value=date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            return DateValue(error=f"ngày '{text}' không tồn tại")
    if _NUMBER_RE.match(text):  # a serial number stored as text
        return parse_date(float(text.replace(",", ".")))
    return DateValue(error=f"không đọc được ngày '{text}' (hãy ghi theo dạng ngày/tháng/năm, ví dụ 20/01/1990)")


# ---------------------------------------------------------------------------
# Legacy fonts
# ---------------------------------------------------------------------------


def convert_by_font(sheet: Sheet) -> tuple[Sheet, dict[tuple[int, int], Encoding]]:
    """A copy of *sheet* whose legacy-font text cells are converted to Unicode, and the cells converted.

    The cells a TCVN3/VNI font is known for (``Sheet.legacy_fonts``) are converted; Unicode typed
    into such a cell stays as it is. The sheet itself is returned, unchanged, when it has no legacy
    font; otherwise only the changed rows are copied.
    """
    if not sheet.legacy_fonts:
        return sheet, {}
    rows = list(sheet.rows)
    copied: set[int] = set()
    converted: dict[tuple[int, int], Encoding] = {}
    encodings: dict[str, Encoding | None] = {}
    results: dict[tuple[str, Encoding], str] = {}  # positions, groups… repeat: convert once
    n_rows = len(rows)
    for (r, c), font in sheet.legacy_fonts.items():
        if r >= n_rows:
            continue
        value = rows[r][c]
        if not isinstance(value, str) or not value:
            continue
        if font in encodings:
            enc = encodings[font]
        else:
            enc = encodings[font] = font_encoding(font)
        if enc is None or (value.isascii() and enc != "tcvn3_upper"):
            continue
        new = results.get((value, enc))
        if new is None:
            # Unicode typed into a cell of a legacy font stays as it is.
            new = value if is_unicode_vietnamese(value) else to_unicode(value, enc)
            results[(value, enc)] = new
        if new == value:
            continue
        if r not in copied:
            rows[r] = list(rows[r])
            copied.add(r)
        rows[r][c] = new
        converted[(r, c)] = enc
    return replace(sheet, rows=rows), converted
