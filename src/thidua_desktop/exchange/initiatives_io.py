"""Read an initiatives sheet (sổ theo dõi sáng kiến) into checked row drafts (no database, no Qt).

One row per initiative. Columns are recognised from their Vietnamese headers (:data:`COLUMNS`,
matched without diacritics, case, punctuation or a parenthesised unit, the same way as the
roster import: :func:`roster_import._header_key`); the header may sit under a title block, and a
numbering row, hidden rows and the footer ("Tổng cộng", place and date, signatures) are handled.
Reading uses :func:`exchange.spreadsheet.read_workbook` (safe .xlsx/.xls/.ods) and the roster
import's cell helpers (dates, legacy TCVN3/VNI fonts); problems are roster_import's
:class:`Problem` (file, sheet, row, column, message).

**The author cell** ("Tác giả"). Authors are separated by ``;`` or line breaks, or by commas when
the cell has no ``;`` (a comma between two digits is a decimal comma: ``33,33%``). Each author is
a full name followed by optional parts, in any order::

    Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)
    Phạm Thị Hoa 60%, Đinh Văn Tùng 40%
    Nguyễn Thị Lan (12/03/1990) 50%; Lê Văn Hưng (ngoài đơn vị: Công ty CP Cơ khí Tam Điệp) 50%
    Vũ Đức Thịnh (Công ty TNHH Điện lạnh Tam Điệp) 30%

* the share: ``60%``, ``(60%)``, ``: 60`` or a bare number at the end; a single author without a
  share gets 100%;
* a birth date (or year) in parentheses, to tell namesakes apart; a "Ngày sinh tác giả" column
  aligned with the authors (``12/03/1985; ; 1990``) does the same;
* anything else in parentheses is a *note* that the service interprets against the roster:
  ``ngoài đơn vị`` (optionally ``: nơi công tác``) marks an outsider; a union group name of the
  roster ("Tổ may 1") narrows the match; any other text is the outsider's workplace.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from thidua_desktop.core import cleantext, vntext
from thidua_desktop.exchange.spreadsheet import CellValue, Sheet, SheetInfo, Workbook, column_letter
from thidua_desktop.exchange.table_reading import (
    Problem,
    Severity,
    convert_by_font as _convert_by_font,
    header_key as _header_key,
    is_numbering_row as _is_numbering_row,
    parse_date as _parse_date,
)

__all__ = [
    "COLUMNS",
    "COLUMN_BY_KEY",
    "READ_COLUMNS",
    "header_signature",
    "parse_shares",
    "AuthorSpec",
    "InitiativeRowDraft",
    "SheetRead",
    "parse_authors",
    "parse_benefit",
    "parse_level",
    "parse_status",
    "read_initiatives",
    "OUTSIDE_WORDS",
]


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header the export writes (and the importer recognises)
    width: int
    synonyms: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", 5, ("TT", "Số TT", "Số thứ tự")),
    Column("title", "Tên sáng kiến", 36,
           ("Tên sáng kiến, giải pháp", "Tên sáng kiến/giải pháp", "Tên giải pháp", "Tên đề tài, sáng kiến",
            "Tên đề tài", "Sáng kiến", "Tên sáng kiến, đề tài", "Tên sáng kiến cải tiến")),
    Column("field", "Lĩnh vực", 16, ("Lĩnh vực áp dụng", "Lĩnh vực áp dụng sáng kiến")),
    Column("year", "Năm", 7, ("Năm đăng ký", "Năm thi đua")),
    Column("phase", "Đợt", 6, ("Đợt thi đua",)),
    Column("authors", "Tác giả", 34,
           ("Tác giả (tỷ lệ đóng góp)", "Tác giả và tỷ lệ đóng góp", "Tác giả, đồng tác giả", "Họ tên tác giả",
            "Họ và tên tác giả", "Nhóm tác giả", "Tác giả, nhóm tác giả", "Tác giả - tỷ lệ đóng góp")),
    Column("births", "Ngày sinh tác giả", 14,
           ("Ngày sinh", "Ngày sinh của tác giả", "Ngày tháng năm sinh", "Năm sinh", "Năm sinh tác giả")),
    Column("first_applied", "Ngày áp dụng lần đầu", 12,
           ("Ngày áp dụng", "Ngày áp dụng lần đầu hoặc áp dụng thử", "Ngày áp dụng thử", "Ngày bắt đầu áp dụng")),
    Column("trial", "Áp dụng thử", 8, ("Áp dụng thử (x)",)),
    Column("benefit", "Giá trị làm lợi (đồng)", 16,
           ("Giá trị làm lợi", "Số tiền làm lợi", "Giá trị làm lợi (VNĐ)", "Hiệu quả kinh tế", "Lợi ích kinh tế",
            "Giá trị làm lợi (triệu đồng)")),
    Column("social_benefit", "Hiệu quả xã hội", 24, ("Lợi ích xã hội", "Hiệu quả về xã hội")),
    Column("status", "Trạng thái", 14, ("Tình trạng", "Kết quả xét công nhận", "Kết quả")),
    Column("level", "Cấp công nhận", 11, ("Cấp", "Cấp được công nhận")),
    Column("decision_number", "Số quyết định", 14,
           ("Số QĐ", "Quyết định số", "Số quyết định công nhận", "Số QĐ công nhận")),
    Column("decision_date", "Ngày quyết định", 12, ("Ngày QĐ", "Ngày ký quyết định", "Ngày quyết định công nhận")),
    Column("decision_issuer", "Cơ quan quyết định", 24,
           ("Cơ quan ra quyết định", "Cơ quan, đơn vị ra quyết định", "Đơn vị công nhận", "Cơ quan công nhận",
            "Nơi công nhận")),
    Column("refusal_reason", "Lý do không công nhận", 24, ("Lý do", "Lý do không được công nhận")),
    Column("tags", "Chương trình", 22, ("Thuộc chương trình", "Chương trình, phong trào")),
    Column("investor", "Chủ đầu tư", 18, ("Chủ đầu tư tạo ra sáng kiến",)),
    Column("description", "Mô tả", 30,
           ("Mô tả bản chất", "Mô tả bản chất của sáng kiến", "Tóm tắt nội dung", "Nội dung sáng kiến")),
    Column("conditions", "Điều kiện áp dụng", 24, ("Các điều kiện cần thiết để áp dụng",)),
)  # fmt: skip
# Read, never written by the export (which writes each share beside its author): the shares of the
# authors in their own column, in the authors' order ("80%; 10%; 10%").
SHARES = Column(
    "shares",
    "Tỷ lệ đóng góp (%)",
    12,
    (
        "Tỷ lệ đóng góp",
        "% đóng góp",
        "Tỷ lệ (%)",
        "Tỷ lệ",
        "Phần trăm đóng góp",
        "Tỷ lệ % đóng góp",
        "Tỷ lệ đóng góp của tác giả",
        "Tỷ lệ đóng góp của từng tác giả",
        "Mức độ đóng góp",
    ),
)
_AUTHORS_AT = next(i for i, c in enumerate(COLUMNS) if c.key == "authors") + 1
READ_COLUMNS: tuple[Column, ...] = (*COLUMNS[:_AUTHORS_AT], SHARES, *COLUMNS[_AUTHORS_AT:])
COLUMN_BY_KEY = {c.key: c for c in READ_COLUMNS}

_EXACT: dict[str, str] = {}
for _c in READ_COLUMNS:
    for _text in (_c.label, *_c.synonyms):
        _EXACT.setdefault(_header_key(_text), _c.key)


def match_column(text: str) -> str | None:
    """The column key a header names ("Giá trị làm lợi (đồng)" → "benefit"), or None.

    Besides the names listed, any header about a share of the contribution ("Tỷ lệ % đóng góp của
    mỗi tác giả", "Phần trăm") names the shares column."""
    if not text:
        return None
    key = _header_key(text)
    found = _EXACT.get(key)
    if found is None and (
        (
            key
            and (
                ("donggop" in key and not key.startswith(("tacgia", "hoten", "nhomtacgia")))
                or key.startswith(("tyle", "phantram"))
            )
        )
        or text.strip() in ("%", "(%)")
    ):
        found = "shares"
    return found


def header_signature(headers: list[str]) -> str:
    """What identifies a layout of headers (each matched as :func:`match_column` does, empty ones
    kept): two files with the same headers in the same places share it."""
    keys = [_header_key(h) if h else "" for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------

OUTSIDE_WORDS = ("ngoai don vi", "ngoai cong ty", "ngoai co quan", "ben ngoai", "ngoai")
_OUTSIDE_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in OUTSIDE_WORDS) + r")\s*(?:[:\-–,]\s*(.*))?$")
_SHARE_RE = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%?$")
_TRAILING_SHARE_RE = re.compile(r"(?:^|[\s:=\-–])\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*$")
_SINH_RE = re.compile(r"^(?:sinh(?: ngay| nam)?|ns)\s*:?\s*", re.IGNORECASE)


@dataclass
class AuthorSpec:
    """One author as written in the cell, before the roster is consulted."""

    text: str  # the entry as written
    name: str
    share: Decimal | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    outside: bool = False  # marked "ngoài đơn vị"
    workplace: str = ""  # from "ngoài đơn vị: …"
    notes: list[str] = field(default_factory=list)  # other parenthesised texts (group or workplace)
    birth_from_column: bool = False  # the birth date came from the "Ngày sinh tác giả" column


def _split_top(text: str, seps: str) -> list[str]:
    """Split on any of ``seps`` outside parentheses; a comma between digits is not a separator."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _paren_groups(text: str) -> tuple[str, list[str]]:
    """("Lê Văn A (Công ty X (NB)) 30%") → ("Lê Văn A 30%", ["Công ty X (NB)"])."""
    outside: list[str] = []
    groups: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in "([":
            if depth:
                current += ch
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth:
                current += ch
            else:
                groups.append(current)
                current = ""
                outside.append(" ")
        elif depth:
            current += ch
        else:
            outside.append(ch)
    if depth and current:  # an unclosed parenthesis: keep its text as a note
        groups.append(current)
    return "".join(outside), groups


def _share(text: str) -> Decimal | None:
    m = _SHARE_RE.match(text.strip())
    if not m:
        return None
    try:
        return Decimal(m.group(1).replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex lets digits only
        return None


def _birth(text: str) -> tuple[date | None, int | None, str | None]:
    """A birth date or year written by hand: (date, year, error)."""
    raw = _SINH_RE.sub("", vntext.search_key(text)) if text else ""
    if not raw:
        return None, None, None
    parsed = _parse_date(raw if raw[:1].isdigit() else text)
    if parsed.error:
        return None, None, parsed.error
    if parsed.value is not None:
        return parsed.value, parsed.value.year, None
    return None, parsed.year, None


def _looks_like_date(text: str) -> bool:
    key = _SINH_RE.sub("", vntext.search_key(text))
    return bool(re.match(r"^\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}$|^(19|20)\d{2}$", key))


def _name_case(text: str) -> str:
    if text.isupper() or text.islower():
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
    return text


def parse_authors(text: str, *, shares_beside: bool = True) -> tuple[list[AuthorSpec], list[str]]:
    """The authors of one cell, and the problems (Vietnamese) found while reading it.

    ``shares_beside`` False: the shares are in their own column, so an author without one here is
    not a problem of this cell."""
    text = vntext.nfc(text.replace("\r", "\n").replace("\n", ";")) if text else ""
    if not text.strip(" ;,"):
        return [], []
    parts = [p for p in _split_top(text, ";") if p.strip(" ,.")]
    if len(parts) == 1:
        parts = [p for p in _split_top(text, ",;") if p.strip(" ,.")]
    specs: list[AuthorSpec] = []
    problems: list[str] = []
    for part in parts:
        entry = vntext.nfc(part).strip(" ,.;")
        rest, groups = _paren_groups(entry)
        spec = AuthorSpec(text=entry, name="")
        for g in groups:
            g = vntext.nfc(g)
            if not g:
                continue
            share = _share(g)
            if share is not None and ("%" in g or not _looks_like_date(g)):
                if spec.share is not None:
                    problems.append(f"'{entry}' ghi hai tỷ lệ đóng góp.")
                spec.share = share
                continue
            if _looks_like_date(g):
                born, year, error = _birth(g)
                if error:
                    problems.append(f"'{entry}': ngày sinh {error}.")
                spec.birth_date, spec.birth_year = born, year
                continue
            m = _OUTSIDE_RE.match(vntext.search_key(g))
            if m:
                spec.outside = True
                if m.group(1):  # keep the workplace with its diacritics
                    spec.workplace = vntext.nfc(re.split(r"[:\-–,]", g, maxsplit=1)[1])
                continue
            spec.notes.append(g)
        rest = vntext.nfc(rest)
        m = _TRAILING_SHARE_RE.search(rest)
        if m:
            if spec.share is not None:
                problems.append(f"'{entry}' ghi hai tỷ lệ đóng góp.")
            spec.share = Decimal(m.group(1).replace(",", "."))
            rest = rest[: m.start(1)]
        name = vntext.nfc(rest.rstrip(" :=-–")).strip(" ,.")
        if not name:
            problems.append(f"'{entry}' thiếu họ tên tác giả.")
            continue
        if any(ch.isdigit() for ch in name) or "%" in name:
            problems.append(f"không đọc được tác giả '{entry}' (ghi: Họ tên (60%); Họ tên (40%)).")
            continue
        spec.name = _name_case(name)
        specs.append(spec)
    if len(specs) == 1 and specs[0].share is None and not problems:
        specs[0].share = Decimal(100)
    elif len(specs) > 1 and shares_beside:
        missing = [s.name for s in specs if s.share is None]
        if missing:
            problems.append(
                "chưa ghi tỷ lệ đóng góp của "
                + ", ".join(missing)
                + " (ví dụ: 'Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)')."
            )
    return specs, problems


def _births(value: CellValue) -> tuple[list[tuple[date | None, int | None]], list[str]]:
    """The "Ngày sinh tác giả" cell: one entry per author, ``;`` or line breaks between them."""
    if isinstance(value, datetime):
        return [(value.date(), value.year)], []
    if isinstance(value, date):
        return [(value, value.year)], []
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed = _parse_date(value)
        if parsed.error:
            return [], [parsed.error]
        return [(parsed.value, parsed.year if parsed.value is None else parsed.value.year)], []
    text = vntext.nfc(str(value).replace("\n", ";")) if value not in ("", None) else ""
    if not text:
        return [], []
    seps = ";" if ";" in text else ","
    entries: list[tuple[date | None, int | None]] = []
    problems: list[str] = []
    for part in text.split(seps):
        part = part.strip()
        if not part:
            entries.append((None, None))
            continue
        born, year, error = _birth(part)
        if error:
            problems.append(f"'{part}': {error}")
        entries.append((born, year))
    return entries, problems


_SHARE_ENTRY_RE = re.compile(r"^([+-]?)\s*(\d+(?:[.,]\d+)?)\s*%?$")


def _share_parts(text: str, count: int) -> list[str]:
    """The entries of a shares cell, split the way that gives one per author if there is one:
    ``;`` or line breaks, else commas followed by a space, else every comma (not a decimal comma
    between digits when another split fits), else spaces between numbers."""
    text = text.replace("\r", "\n")
    if ";" in text or "\n" in text:
        return [vntext.nfc(p) for p in re.split(r"[;\n]", text.strip(" ;\n"))]
    text = vntext.nfc(text)
    candidates = [re.split(r",\s+", text), _split_top(text, ","), text.split(","), text.split()]
    parts = [[p.strip() for p in c] for c in candidates]
    for option in parts:
        if len(option) == count:
            return option
    return parts[0] if len(parts[0]) > 1 or count <= 1 else parts[1]


def parse_shares(value: CellValue, count: int) -> tuple[list[Decimal], str | None]:
    """The shares column's cell for ``count`` authors, in their order: "80%; 10%; 10%", "60, 40",
    a number (a single author; 0 < n ≤ 1 is a cell formatted as a percentage: 1 is 100%), or
    (the shares, the error)."""
    if isinstance(value, bool) or isinstance(value, date):
        return [], f"'{_plain(value)}' không phải là tỷ lệ đóng góp"
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if 0 < number <= 1:  # Excel's percentage format stores 80% as 0.8
            number *= 100
        parts_values = [number.to_integral_value() if number == number.to_integral_value() else number.normalize()]
    else:
        text = cleantext.clean(str(value), multiline=True) if value is not None else ""
        parts = _share_parts(text, count)
        parts_values = []
        for i, part in enumerate(parts, 1):
            if not part:
                return [], (f"thiếu tỷ lệ đóng góp thứ {i} (ghi theo thứ tự tác giả, ví dụ 80%; 10%; 10%)")
            m = _SHARE_ENTRY_RE.match(part.replace("\u2212", "-"))
            if not m:
                return [], f"tỷ lệ đóng góp '{part}' không phải là số (ghi theo thứ tự tác giả, ví dụ 80%; 10%; 10%)"
            parts_values.append(Decimal(("-" if m.group(1) == "-" else "") + m.group(2).replace(",", ".")))
    for share in parts_values:
        if share < 0:
            return [], f"tỷ lệ đóng góp {vntext.format_number(share)}% âm"
    if len(parts_values) != count:
        return [], (
            f"có {count} tác giả nhưng {len(parts_values)} tỷ lệ đóng góp — ghi tỷ lệ theo đúng thứ tự "
            "tác giả, cách nhau bằng dấu ';' như ở cột tác giả"
        )
    total = sum(parts_values, Decimal(0))
    if total != 100:
        return [], f"tổng tỷ lệ đóng góp là {vntext.format_number(total)}%, phải bằng 100%"
    return parts_values, None


_MONEY_RE = re.compile(r"^([\d.,\s]+?)\s*(trieu dong|trieu d|trieu|tr|ty dong|ty)$")


_BENEFIT_PREFIX_RE = re.compile(r"^\s*(?:VNĐ|VND|đồng|đ)\s*[:.]?\s*", re.IGNORECASE)
_COMMA_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\s*\S*)?$")


def parse_benefit(value: CellValue) -> tuple[Decimal | None, str | None]:
    """A benefit cell: a number, or "84.000.000", "84.000.000 đ", "84 triệu": (VND, error)."""
    if value in ("", None):
        return None, None
    if isinstance(value, bool) or isinstance(value, date):
        return None, "không phải là số tiền"
    if isinstance(value, str):
        value = _BENEFIT_PREFIX_RE.sub("", vntext.nfc(value))
        if value.strip(" -–—") == "":
            return None, None
        if _COMMA_THOUSANDS_RE.match(value.strip()):  # "135,460,000": thousands grouped by commas
            value = value.replace(",", ".")
    if isinstance(value, int | float):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = vntext.nfc(str(value))
        key = vntext.search_key(text)
        m = _MONEY_RE.match(key)
        try:
            if m:
                number = vntext.parse_number(m.group(1).strip())
                amount = number * (10**9 if m.group(2).startswith("ty") else 10**6)
            else:
                amount = vntext.parse_number(text)
        except ValueError:
            return None, (f"không đọc được số tiền '{text}' (ghi số đồng, ví dụ 84.000.000)")
    if amount != amount.to_integral_value():
        return None, f"số tiền {vntext.format_number(amount)} phải là số đồng nguyên"
    return amount.quantize(Decimal(1)), None


_STATUS_WORDS = {
    "dang ky": "registered", "da dang ky": "registered", "registered": "registered", "moi dang ky": "registered",
    "dang ap dung": "applying", "ap dung": "applying", "da ap dung": "applying", "ap dung thu": "applying",
    "dang ap dung thu": "applying", "applying": "applying",
    "duoc cong nhan": "recognised", "cong nhan": "recognised", "da cong nhan": "recognised",
    "da duoc cong nhan": "recognised", "recognised": "recognised", "recognized": "recognised",
    "khong cong nhan": "refused", "khong duoc cong nhan": "refused", "chua duoc cong nhan": "refused",
    "refused": "refused", "tu choi": "refused",
}  # fmt: skip
_LEVEL_WORDS = {
    "co so": "co_so", "cap co so": "co_so", "co_so": "co_so", "cong ty": "co_so", "cap cong ty": "co_so",
    "don vi": "co_so", "nganh": "nganh", "cap nganh": "nganh", "tinh": "tinh", "cap tinh": "tinh",
    "thanh pho": "tinh", "cap thanh pho": "tinh", "toan quoc": "toan_quoc", "cap toan quoc": "toan_quoc",
    "toan_quoc": "toan_quoc", "quoc gia": "toan_quoc", "cap quoc gia": "toan_quoc", "trung uong": "toan_quoc",
}  # fmt: skip


def parse_status(text: str) -> str | None:
    return _STATUS_WORDS.get(vntext.search_key(text).strip(" .;:"))


def parse_level(text: str) -> str | None:
    return _LEVEL_WORDS.get(vntext.search_key(text).strip(" .;:"))


# The longest value of each text column the store accepts (store/text_rules.py): a longer one is an
# error of its row.
FIELD_MAX = {
    "title": 3000,
    "field": 200,
    "investor": 300,
    "decision_number": 60,
    "decision_issuer": 300,
    "social_benefit": 10000,
    "refusal_reason": 10000,
    "description": 10000,
    "conditions": 10000,
}
_TRUE = {"x", "co", "v", "1", "yes", "true", "ap dung thu", "\u2713", "\u2714"}
_FALSE = {"", "0", "khong", "ko", "no", "false", "-"}


def _plain(value: CellValue) -> str:
    if isinstance(value, str):
        return vntext.nfc(cleantext.clean(value))
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return vntext.format_date(value.date())
    if isinstance(value, date):
        return vntext.format_date(value)
    return vntext.nfc(cleantext.clean(str(value))) if value is not None else ""


def _multiline(value: CellValue) -> str:
    """Long text keeps its line breaks; each line is normalised."""
    if not isinstance(value, str):
        return _plain(value).strip()
    value = cleantext.clean(value, multiline=True)
    lines = [vntext.nfc(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n ")


# ---------------------------------------------------------------------------
# The sheet
# ---------------------------------------------------------------------------


@dataclass
class InitiativeRowDraft:
    """One row as read: the values of the columns present, parsed; ``None`` where a cell was bad."""

    source_row: int  # Excel row (1-based)
    values: dict[str, object] = field(default_factory=dict)
    authors: list[AuthorSpec] = field(default_factory=list)
    author_problem: bool = False  # the author cell could not be read: skip the roster step
    share_problem: bool = False  # the shares column could not be read (its own message says why)
    shares_from_column: bool = False  # the shares were read from their own column
    inferred: list[tuple[str, str]] = field(default_factory=list)  # (column key, what was filled in)


@dataclass
class SheetRead:
    file: str
    sheet: str
    sheets: list[SheetInfo]
    header_row: int | None  # 0-based
    mapping: dict[str, int]  # column key → 0-based column
    headers: dict[int, str]  # column → header text as written
    rows: list[InitiativeRowDraft]
    problems: list[Problem]
    columns: list[str] = field(default_factory=list)  # every header of the header row (or the row guessed)
    signature: str = ""  # header_signature(columns): the key a remembered mapping is found by
    mapping_source: str = "guessed"  # "guessed" from the headers, "chosen" by the caller, "remembered"
    default_year: int | None = None  # the year of rows that do not say it (else the first application date)

    def column(self, key: str) -> str | None:
        col = self.mapping.get(key)
        return column_letter(col) if col is not None else None

    def label(self, key: str) -> str:
        col = self.mapping.get(key)
        return self.headers.get(col, COLUMN_BY_KEY[key].label) if col is not None else COLUMN_BY_KEY[key].label

    def note(self, row: int, key: str | None, message: str) -> Problem:
        """What was filled in on ``row`` (``key``'s column: its letter when the file has it), said
        as a problem is (file, sheet, row, column)."""
        return self.problem(row, key, message, "warning")

    def problem(self, row: int | None, key: str | None, message: str, severity: Severity = "error") -> Problem:
        return Problem(
            self.file,
            self.sheet,
            row,
            self.column(key) if key else None,
            self.label(key) if key else None,
            message,
            severity,
        )


MAX_HEADER_SCAN = 30
_FOOTER_RE = re.compile(r"^(?:tong cong|tong so|cong\s*:|cong$|nguoi lap|lap bieu)")
_PLACE_DATE_RE = re.compile(r"(?:^|,\s*)ngay\s*[\d.…_ ]*thang\s*[\d.…_ ]*nam\s*[\d.…_ ]*$")
_SIGN_RE = re.compile(r"^(?:tm\b|kt\b|chu tich|pho chu tich|xac nhan|thu truong|giam doc|nguoi lap|ban chap hanh)")


def find_header(sheet: Sheet) -> tuple[int | None, dict[str, int], dict[int, str]]:
    """The row naming the most initiative columns (it must name the title and the authors)."""
    best: tuple[int, int, dict[str, int], dict[int, str]] | None = None
    for r in range(min(sheet.n_rows, MAX_HEADER_SCAN)):
        mapping: dict[str, int] = {}
        headers: dict[int, str] = {}
        for c in range(sheet.n_cols):
            v = sheet.value(r, c)
            if isinstance(v, str) and v.strip():
                key = match_column(v)
                if key and key not in mapping:
                    mapping[key] = c
                    headers[c] = vntext.nfc(v)
        if "title" not in mapping or "authors" not in mapping:
            continue
        score = len(mapping)
        if best is None or score > best[0]:
            best = (score, r, mapping, headers)
    if best is None:
        return None, {}, {}
    return best[1], best[2], best[3]


def _guess_header_row(sheet: Sheet) -> int | None:
    """The row with the most text cells among the first rows (a header the names did not match)."""
    best: tuple[int, int] | None = None
    for r in range(min(sheet.n_rows, MAX_HEADER_SCAN)):
        count = sum(1 for c in range(sheet.n_cols) if isinstance(sheet.value(r, c), str) and sheet.value(r, c).strip())
        if count >= 2 and (best is None or count > best[0]):
            best = (count, r)
    return best[1] if best else None


def _choose_sheet(workbook: Workbook) -> Sheet:
    fallback: Sheet | None = None
    for info in workbook.visible_sheets():
        sheet = workbook.read_sheet(info.index)
        if sheet.is_empty():
            continue
        if find_header(sheet)[0] is not None:
            return sheet
        fallback = fallback or sheet
    return fallback or workbook.read_sheet(0)


def read_initiatives(
    workbook: Workbook,
    sheet: str | int | None = None,
    *,
    default_year: int | None = None,
    mapping: Mapping[str, int] | None = None,
    remembered: Mapping[str, Mapping[str, int]] | None = None,
) -> SheetRead:
    """Read the initiatives sheet (the first visible one with "Tên sáng kiến" and "Tác giả").

    ``default_year``: the year of the rows that do not say it (the file may have no "Năm" column);
    without it, each such row's year is that of its first application date. ``mapping`` (column
    key → 0-based column) says what each column holds instead of the headers; ``remembered`` (a
    :func:`header_signature` → such a mapping) is used when the file's headers have one."""
    raw = _choose_sheet(workbook) if sheet is None else workbook.read_sheet(sheet)
    grid, _ = _convert_by_font(raw)
    header_row, found, headers = find_header(grid)
    row = header_row if header_row is not None else _guess_header_row(grid)
    columns = [
        vntext.nfc(v) if isinstance(v, str) else _plain(v)
        for v in (grid.rows[row] if row is not None and row < len(grid.rows) else [])
    ]
    columns += [""] * (grid.n_cols - len(columns))
    signature = header_signature(columns) if row is not None else ""
    source = "guessed"
    if mapping is not None:
        source = "chosen"
    elif remembered and signature in remembered:
        mapping, source = remembered[signature], "remembered"
    if mapping is not None:
        found = {k: int(c) for k, c in mapping.items() if k in COLUMN_BY_KEY and 0 <= int(c) < grid.n_cols}
        headers = {c: columns[c] for c in found.values()}
        header_row = row
    elif header_row is None:  # what the headers of the row guessed do name, for the caller to complete
        for c, text in enumerate(columns):
            key = match_column(text)
            if key and key not in found:
                found[key] = c
    read = SheetRead(
        workbook.path.name,
        raw.name,
        list(workbook.sheets),
        header_row,
        found,
        headers,
        [],
        [],
        columns=columns,
        signature=signature,
        mapping_source=source,
        default_year=default_year,
    )
    if header_row is None or "title" not in found or "authors" not in found:
        missing = [COLUMN_BY_KEY[k].label for k in ("title", "authors") if k not in found]
        message = (
            "không tìm thấy dòng tiêu đề có cột 'Tên sáng kiến' và cột 'Tác giả'."
            if source == "guessed"
            else f"chưa chọn cột nào là {' và '.join(repr(m) for m in missing)}."
        )
        read.header_row = None
        read.problems.append(read.problem(None, None, message))
        return read
    start = header_row + 1
    if _is_numbering_row(grid, start, grid.n_cols):
        start += 1
    _RowReader(grid, read, default_year).run(start, raw.hidden_rows)
    return read


class _RowReader:
    def __init__(self, grid: Sheet, read: SheetRead, default_year: int | None) -> None:
        self.grid = grid
        self.read = read
        self.m = read.mapping
        self.default_year = default_year

    def err(self, r: int, key: str | None, message: str, severity: Severity = "error") -> None:
        self.read.problems.append(self.read.problem(r + 1, key, message, severity))

    def run(self, start: int, hidden: set[int]) -> None:
        rows = self.grid.rows
        m = self.m
        data_cols = [c for k, c in m.items() if k != "stt"]
        for r in range(start, len(rows)):
            row = rows[r]
            filled = [
                row[c]
                for c in data_cols
                if c < len(row) and row[c] not in ("", None) and not (isinstance(row[c], str) and not row[c].strip())
            ]
            texts = [vntext.search_key(v) for v in row if isinstance(v, str) and v.strip()]
            title_key = vntext.search_key(_plain(row[m["title"]])) if row[m["title"]] not in ("", None) else ""
            if _FOOTER_RE.match(title_key) or (
                not title_key
                and any(_FOOTER_RE.match(t) or _PLACE_DATE_RE.search(t) or _SIGN_RE.match(t) for t in texts)
            ):
                if not any(self._is_data(rows[x]) for x in range(r + 1, len(rows))):
                    self.err(
                        r,
                        None,
                        "từ dòng này trở xuống là phần cuối bảng (tổng cộng, ngày tháng, chữ ký) — không nhập",
                        "warning",
                    )
                    return
            if not filled:
                continue
            if r in hidden:
                self.err(r, None, "dòng bị ẩn trong Excel — đã bỏ qua", "warning")
                continue
            self.read.rows.append(self._row(r, row))

    def _is_data(self, row: list[CellValue]) -> bool:
        title = row[self.m["title"]]
        authors = row[self.m["authors"]]
        return (
            bool(_plain(title).strip())
            and bool(_plain(authors).strip())
            and not _FOOTER_RE.match(vntext.search_key(_plain(title)))
        )

    def _row(self, r: int, row: list[CellValue]) -> InitiativeRowDraft:
        m = self.m
        draft = InitiativeRowDraft(source_row=r + 1)
        values = draft.values

        def cell(key: str) -> CellValue:
            return row[m[key]] if key in m else ""

        for key, col in m.items():  # what was removed from each cell (control, escape, bidi, invisible)
            raw = row[col] if col < len(row) else ""
            if isinstance(raw, str) and raw and cleantext.has_hostile(raw):
                kinds = cleantext.removed(raw, multiline=True)
                if kinds:
                    self.err(r, key, f"đã bỏ {cleantext.describe(kinds)} khỏi ô này", "warning")

        for key in ("title", "field", "decision_number", "decision_issuer", "investor"):
            if key in m:
                values[key] = _plain(cell(key)).strip()
        for key in ("social_benefit", "refusal_reason", "description", "conditions"):
            if key in m:
                values[key] = _multiline(cell(key))
        if "title" in m and not values["title"]:
            self.err(r, "title", "thiếu tên sáng kiến")
        for key, maximum in FIELD_MAX.items():
            value = values.get(key)
            if isinstance(value, str) and len(value) > maximum:
                self.err(
                    r,
                    key,
                    f"dài {vntext.format_number(len(value))} ký tự, quá mức tối đa "
                    f"{vntext.format_number(maximum)} ký tự",
                )
        for key in ("first_applied", "decision_date"):
            if key in m:
                values[key] = self._date(r, key, cell(key))
        self._year(draft, r, cell("year") if "year" in m else "", values)
        if "phase" in m:
            values["phase"] = self._phase(r, cell("phase"))
        if "trial" in m:
            word = vntext.search_key(_plain(cell("trial"))).strip(" .")
            if word in _TRUE:
                values["trial"] = True
            elif word in _FALSE:
                values["trial"] = False
            else:
                self.err(r, "trial", f"không rõ '{_plain(cell('trial'))}' (ghi x nếu áp dụng thử, để trống nếu không)")
        if "benefit" in m:
            amount, error = parse_benefit(cell("benefit"))
            if error:
                self.err(r, "benefit", error)
            values["benefit"] = amount
        if "status" in m:
            text = _plain(cell("status")).strip()
            status = parse_status(text) if text else None
            if text and status is None:
                self.err(
                    r,
                    "status",
                    f"không rõ trạng thái '{text}' (ghi một trong: Đăng ký, Đang áp dụng, "
                    "Được công nhận, Không công nhận)",
                )
            values["status"] = status
            values["status_text"] = text
        if "level" in m:
            text = _plain(cell("level")).strip()
            level = parse_level(text) if text else None
            if text and level is None:
                self.err(r, "level", f"không rõ cấp công nhận '{text}' (ghi một trong: Cơ sở, Ngành, Tỉnh, Toàn quốc)")
            values["level"] = level
        if "tags" in m:
            text = _plain(cell("tags")).replace("\n", ";")
            values["tags"] = [vntext.nfc(t) for t in text.split(";") if vntext.nfc(t)]
        shares_cell = cell("shares") if "shares" in m else ""
        shares_given = "shares" in m and _plain(shares_cell).strip() not in ("", "-")
        specs, problems = parse_authors(_multiline(cell("authors")), shares_beside="shares" not in m)
        for problem in problems:
            self.err(r, "authors", problem)
        if not specs and not problems:
            self.err(r, "authors", "thiếu tác giả")
        draft.authors = specs
        draft.author_problem = bool(problems) or not specs
        if "shares" in m and specs and not problems:
            self._shares(draft, r, shares_cell if shares_given else None)
        if "births" in m and specs:
            births, problems = _births(cell("births"))
            for problem in problems:
                self.err(r, "births", problem)
            if births and len(births) != len(specs):
                self.err(
                    r,
                    "births",
                    f"có {len(specs)} tác giả nhưng {len(births)} ngày sinh — ghi ngày sinh theo "
                    "đúng thứ tự tác giả, cách nhau bằng dấu ';' (để trống chỗ không biết)",
                )
            elif births:
                for spec, (born, year) in zip(specs, births, strict=True):
                    if born is None and year is None:
                        continue
                    if (spec.birth_date or spec.birth_year) and (spec.birth_date, spec.birth_year) != (born, year):
                        self.err(r, "births", f"ngày sinh của {spec.name} ở cột này khác với ngày ghi trong ô tác giả")
                    spec.birth_date, spec.birth_year = born, year
                    spec.birth_from_column = True
            if problems:
                draft.author_problem = True
        return draft

    def _shares(self, draft: InitiativeRowDraft, r: int, raw: CellValue) -> None:
        """The shares column: one share per author of the row, in their order."""
        specs = draft.authors
        if raw is None:  # the column is empty on this row: the shares may be beside the authors
            missing = [s.name for s in specs if s.share is None]
            if len(specs) > 1 and missing:
                self.err(
                    r,
                    "shares",
                    "chưa ghi tỷ lệ đóng góp của "
                    + ", ".join(missing)
                    + " (ghi theo thứ tự tác giả, ví dụ '60%; 40%')",
                )
                draft.share_problem = True
            return
        shares, error = parse_shares(raw, len(specs))
        if error:
            self.err(r, "shares", error)
            draft.share_problem = True
            return
        if any(s.share is not None and s.share != share for s, share in zip(specs, shares, strict=True)):
            self.err(r, "shares", "tỷ lệ đóng góp ở cột này khác với tỷ lệ ghi trong ô tác giả")
            draft.share_problem = True
            return
        for spec, share in zip(specs, shares, strict=True):
            spec.share = share
        draft.shares_from_column = True

    def _year(self, draft: InitiativeRowDraft, r: int, raw: CellValue, values: dict[str, object]) -> None:
        if raw in ("", None) or (isinstance(raw, str) and not raw.strip()):
            said = "bảng không có cột Năm" if "year" not in self.m else "ô Năm để trống"
            if self.default_year is not None:
                values["year"] = self.default_year
                draft.inferred.append(("year", f"năm {self.default_year}: năm đã chọn khi nhập ({said})"))
                return
            applied = values.get("first_applied")
            if isinstance(applied, date):
                values["year"] = applied.year
                draft.inferred.append(
                    (
                        "year" if "year" in self.m else "first_applied",
                        f"năm {applied.year}: theo ngày áp dụng lần đầu {vntext.format_date(applied)} ({said})",
                    )
                )
                return
            values["year"] = None
            if "first_applied" in self.m and _plain(self._cell(r, "first_applied")).strip():
                return  # the date could not be read: its own message says why
            self.err(
                r,
                "year" if "year" in self.m else "first_applied" if "first_applied" in self.m else "title",
                f"không biết sáng kiến thuộc năm nào: {said} và dòng không có ngày áp dụng lần đầu — "
                "ghi năm hoặc ngày áp dụng lần đầu, hoặc chọn năm khi nhập (--year)",
            )
            return
        text = _plain(raw).strip()
        if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
            values["year"] = int(raw)
        elif re.fullmatch(r"\d{4}", text):
            values["year"] = int(text)
        else:
            self.err(r, "year", f"năm '{text}' không hợp lệ (ghi 4 chữ số, ví dụ 2021)")
            values["year"] = None

    def _cell(self, r: int, key: str) -> CellValue:
        row = self.grid.rows[r]
        col = self.m[key]
        return row[col] if col < len(row) else ""

    def _phase(self, r: int, raw: CellValue) -> int | None:
        if raw in ("", None):
            return None
        if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
            return int(raw)
        key = vntext.search_key(_plain(raw)).replace("dot", "").strip(" .")
        roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
        if key.isdigit():
            return int(key)
        if key in roman:
            return roman[key]
        self.err(r, "phase", f"đợt '{_plain(raw)}' không hợp lệ (ghi số đợt, ví dụ 1)")
        return None

    def _date(self, r: int, key: str, raw: CellValue) -> date | None:
        if raw in ("", None):
            return None
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        parsed = _parse_date(raw)
        if parsed.error:
            self.err(r, key, parsed.error)
            return None
        if parsed.value is None:
            self.err(r, key, f"chỉ có năm {parsed.year}, cần ghi đủ ngày/tháng/năm")
            return None
        if parsed.warning:
            self.err(r, key, parsed.warning, "warning")
        return parsed.value
