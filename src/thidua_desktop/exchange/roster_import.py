"""Turn any roster spreadsheet into checked person drafts (no database, no Qt).

The caller (CLI, GUI) does::

    with read_workbook(path) as wb:
        preview = build_preview(wb, today=date.today())
    # show preview.columns / .mapping / .drafts / .problems; let the user change the sheet,
    # the header row or the mapping and call build_preview again; commit only if
    # preview.can_commit.

What it copes with, because real rosters look like that:

* a title block above the table ("CÔNG TY …", "DANH SÁCH …"), the header on row 6–7,
  two-row headers from merged cells ("Ngày sinh" over "Nam" | "Nữ", "Họ và tên" over
  "Họ đệm" | "Tên" or over two unlabelled columns), a numbering row ("1 2 3 …" or
  "(1) (2) …") under the header;
* header names in many variants (:data:`FIELDS`), matched without diacritics, case,
  punctuation, spaces or line breaks;
* text in the legacy TCVN3/VNI fonts (converted per cell when the font is known, else
  per column with :func:`legacy_text.guess_encoding` and a per-cell guard), NFD text;
* dates as real dates, Excel serial numbers (also in cells not formatted as dates),
  "dd/mm/yyyy" text or a year alone; gender as a column or as split Nam/Nữ columns holding
  a mark or the birth date;
* section rows ("I. KHỐI VĂN PHÒNG", "Tổ 1"), pre-numbered empty rows, and the footer
  (totals, place and date, signatures), hidden rows (skipped with a warning).

Every problem names the file, sheet, row and column in Vietnamese; errors block the commit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from thidua_desktop.core import cleantext, vntext
from thidua_desktop.core.legacy_text import (
    Encoding,
    guess_encoding,
    is_unicode_vietnamese,
    reads_better,
    to_unicode,
)
from thidua_desktop.exchange.spreadsheet import CellValue, Sheet, SheetInfo, Workbook, column_letter
from thidua_desktop.exchange.table_reading import (
    DateValue,
    Problem,
    Severity,
    birth_century,
    convert_by_font,
    header_key,
    is_numbering_row,
    parse_date,
    past_century,
)

__all__ = [
    "FIELDS",
    "FIELD_BY_KEY",
    "DuplicatePair",
    "Field",
    "HeaderGuess",
    "ImportPreview",
    "PersonDraft",
    "Problem",
    "build_preview",
    "find_header",
    "guess_mapping",
    "match_field",
]

# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass
class PersonDraft:
    """One person read from the file, checked, ready for the database (or for fixing)."""

    source_row: int  # Excel row number (1-based)
    family_middle: str = ""
    given_name: str = ""
    birth_date: date | None = None
    birth_year: int | None = None  # also set when the full date is known
    gender: str = ""  # "M" | "F" | ""
    ethnicity: str = ""
    position: str = ""
    group_name: str = ""
    department: str = ""
    is_member: bool | None = None  # None: the file has no membership column
    joined_union_on: date | None = None
    employed_since: date | None = None
    education: str = ""
    phone: str = ""
    email: str = ""
    left_on: date | None = None
    note: str = ""
    employee_code: str = ""  # tells namesakes apart in the file; not stored

    @property
    def full_name(self) -> str:
        return vntext.join_name(self.family_middle, self.given_name)


# The fields that tell two people of the same name and birth date apart (issue 17): two rows, or a
# row and a person on the roster, are the same person only when each of these present in both agrees.
IDENTIFYING = (
    ("employee_code", "mã nhân viên"),
    ("phone", "điện thoại"),
    ("group_name", "tổ công đoàn"),
    ("gender", "giới tính"),
)
_NOT_DIGIT_RE = re.compile(r"\D+")


def identity_value(key: str, value: object) -> str:
    """*value* of the identifying field *key* as compared ("" when absent): phones by their digits
    ("+84 912-345-678" = "0912345678"), other text without case or repeated spaces."""
    if not value:
        return ""
    text = str(value)
    if key == "phone":
        digits = _NOT_DIGIT_RE.sub("", text)
        return "0" + digits[2:] if digits.startswith("84") and len(digits) in (11, 12) else digits
    return " ".join(vntext.nfc(text).casefold().split())


def identity_differences(a: dict[str, object], b: dict[str, object]) -> list[str]:
    """The labels of the identifying fields present in both *a* and *b* whose values differ."""
    found = []
    for key, label in IDENTIFYING:
        x, y = identity_value(key, a.get(key)), identity_value(key, b.get(key))
        if x and y and x != y:
            found.append(label)
    return found


def identity_of(draft: PersonDraft) -> dict[str, object]:
    return {key: getattr(draft, key) for key, _label in IDENTIFYING}


def person_key(
    family_middle: str, given_name: str, birth_date: date | None, birth_year: int | None
) -> tuple[str, object]:
    """The key under which two records may be one person — two rows of a file, or a row and a person
    on the roster: the full name (diacritics and all, case aside) and the birth date, or the birth
    year alone (never equal to a date), or ``None`` when neither is known. Whether they are one
    person is then the identifying fields' say (:func:`identity_differences`)."""
    birth: object = birth_date or (("year", birth_year) if birth_year else None)
    return vntext.join_name(family_middle, given_name).casefold(), birth


@dataclass(frozen=True)
class DuplicatePair:
    """Two rows of the file with the same full name (diacritics and all) and birth date.

    *differs* names the identifying fields (:data:`IDENTIFYING`) present in both that differ: then
    they are two people unless the officer merges them ("có thể trùng"); empty, every such field
    agrees and they look like one person written twice ("trùng"). Nothing is merged without the
    officer's decision either way.
    """

    first: int  # source row
    repeated: int  # source row
    differs: tuple[str, ...] = ()

    @property
    def likely_same(self) -> bool:
        return not self.differs


@dataclass
class HeaderGuess:
    row_index: int | None  # 0-based row of the header (the upper row of a two-row header)
    mapping: dict[str, int]  # field key → 0-based column
    confidence: float  # 0..1
    data_start: int  # 0-based first row after the header (and its numbering row)
    sub_row: int | None = None  # the lower row of a two-row header
    labels: dict[int, str] = field(default_factory=dict)  # column → header text as shown

    @property
    def has_name(self) -> bool:
        return "full_name" in self.mapping or "given_name" in self.mapping


@dataclass
class ImportPreview:
    file: str
    sheet: str
    sheets: list[SheetInfo]
    header_row: int | None  # 0-based
    sub_header_row: int | None
    data_start: int
    mapping: dict[str, int]
    columns: list[str]  # header text per column ("" where none)
    drafts: list[PersonDraft]
    problems: list[Problem]
    pairs: list[DuplicatePair]  # same name and birth date on two rows: the officer decides
    legacy_conversions: dict[int, Encoding]  # column → encoding converted from
    confidence: float
    counts: dict[str, int]
    # What the reading inferred, per cell (a century, …): shown with the row, never an error.
    inferences: list[Problem] = field(default_factory=list)

    @property
    def duplicates(self) -> list[tuple[int, int]]:
        """(first source row, repeated source row) of every flagged pair."""
        return [(p.first, p.repeated) for p in self.pairs]

    def inferred(self) -> dict[int, list[str]]:
        """Source row → what was inferred on it (its column named)."""
        by_row: dict[int, list[str]] = {}
        for p in self.inferences:
            if p.row is not None:
                where = f"cột {p.column} ({p.field})" if p.column else (p.field or "")
                by_row.setdefault(p.row, []).append(f"{where}: {p.message_vi}" if where else p.message_vi)
        return by_row

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def error_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.severity == "error" and p.row is not None}

    @property
    def can_commit(self) -> bool:
        """True when there is something to import and no error at all (all-or-nothing)."""
        return bool(self.drafts) and not self.errors

    def column_label(self, col: int) -> str:
        text = self.columns[col] if 0 <= col < len(self.columns) else ""
        return f"{column_letter(col)} – {text}" if text else column_letter(col)


# ---------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------

FieldKind = Literal["ignore", "name", "text", "date", "birth", "gender", "marker", "bool", "phone", "email"]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: FieldKind
    synonyms: tuple[str, ...]
    prefixes: tuple[str, ...] = ()  # header keys that start with these also match


FIELDS: tuple[Field, ...] = (
    Field("stt", "STT", "ignore", ("STT", "TT", "Số TT", "Số thứ tự", "Thứ tự")),
    Field("employee_code", "Mã nhân viên", "text",
          ("Mã nhân viên", "Mã NV", "Mã số nhân viên", "MSNV", "Mã CBCNV", "Mã CNV", "Mã công nhân", "Mã CN",
           "Mã số", "Mã", "Mã người lao động", "Mã NLĐ", "Mã thẻ", "Số thẻ", "Mã cán bộ"),
          ("manhanvien", "masonhanvien")),
    Field("full_name", "Họ và tên", "name",
          ("Họ và tên", "Họ tên", "Họ và tên đoàn viên", "Họ tên đoàn viên", "Tên đoàn viên",
           "Họ và tên CBCNV", "Họ và tên người lao động", "Họ và tên cán bộ", "Họ và tên CNVC"),
          ("hovaten", "hoten")),
    Field("family_middle", "Họ đệm", "name",
          ("Họ đệm", "Họ và đệm", "Họ", "Họ lót", "Họ và tên đệm", "Họ, tên đệm", "Họ và chữ đệm", "Họ và tên lót")),
    Field("given_name", "Tên", "name", ("Tên", "Tên gọi")),
    Field("birth_date", "Ngày sinh", "birth",
          ("Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Năm sinh", "Sinh ngày", "NS",
           "Ngày/tháng/năm sinh", "Ngày tháng sinh"),
          ("ngaysinh", "ngaythangnamsinh", "namsinh")),
    Field("gender", "Giới tính", "gender", ("Giới tính", "GT", "Giới", "Phái", "Nam/Nữ", "Nam, nữ"), ("gioitinh",)),
    Field("male", "Nam", "marker", ("Nam",)),
    Field("female", "Nữ", "marker", ("Nữ",)),
    Field("ethnicity", "Dân tộc", "text", ("Dân tộc",)),
    Field("position", "Chức vụ", "text",
          ("Chức vụ", "Chức danh", "Nghề nghiệp", "Công việc", "Vị trí công việc", "Chức vụ, chức danh",
           "Chức danh nghề nghiệp", "Vị trí"),
          ("chucvu", "chucdanh")),
    Field("group_name", "Tổ công đoàn", "text",
          ("Tổ công đoàn", "Tổ CĐ", "Tổ", "Thuộc tổ", "Tổ CĐ bộ phận", "Tổ sản xuất"), ("tocongdoan",)),
    Field("department", "Bộ phận", "text",
          ("Bộ phận", "Phòng ban", "Phòng, ban", "Đơn vị", "Phòng", "Phân xưởng", "Đơn vị công tác",
           "Bộ phận công tác", "Nơi làm việc", "Xưởng", "Khối"),
          ("bophan", "phongban", "donvi")),
    Field("is_member", "Đoàn viên", "bool",
          ("Đoàn viên", "ĐVCĐ", "Là đoàn viên", "Đoàn viên công đoàn", "ĐV", "Đã là đoàn viên", "ĐVCĐ (x)")),
    Field("joined_union_on", "Ngày vào công đoàn", "date",
          ("Ngày vào công đoàn", "Ngày vào CĐ", "Ngày kết nạp", "Ngày kết nạp đoàn viên", "Ngày kết nạp công đoàn",
           "Ngày gia nhập công đoàn", "Ngày vào CĐ cơ sở"),
          ("ngayvaocongdoan", "ngayvaocd", "ngayketnap")),
    Field("employed_since", "Ngày vào làm", "date",
          ("Ngày vào làm", "Ngày tuyển dụng", "Ngày vào công ty", "Ngày vào làm việc", "Ngày vào cơ quan",
           "Ngày bắt đầu làm việc", "Ngày vào đơn vị"),
          ("ngayvaolam", "ngaytuyendung", "ngayvaocongty")),
    Field("education", "Trình độ", "text",
          ("Trình độ", "Trình độ chuyên môn", "Trình độ văn hóa", "Trình độ văn hoá", "Trình độ học vấn",
           "Học vấn", "Chuyên môn", "Trình độ CM"),
          ("trinhdo",)),
    Field("phone", "Điện thoại", "phone",
          ("Điện thoại", "SĐT", "Số điện thoại", "Số ĐT", "Điện thoại di động", "Di động", "ĐTDĐ"),
          ("dienthoai", "sodienthoai")),
    Field("email", "Email", "email", ("Email", "E-mail", "Thư điện tử", "Địa chỉ email", "Địa chỉ thư điện tử")),
    Field("left_on", "Ngày nghỉ việc", "date",
          ("Ngày nghỉ việc", "Ngày nghỉ", "Ngày thôi việc", "Ngày chấm dứt HĐLĐ", "Ngày chuyển đi"),
          ("ngaynghiviec", "ngaythoiviec")),
    Field("note", "Ghi chú", "text", ("Ghi chú", "Ghi chú khác"), ("ghichu",)),
)  # fmt: skip

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
_NAME_FIELDS = ("full_name", "family_middle", "given_name")
# The longest value of each text field the store accepts (store/text_rules.py: the column sizes);
# a longer one is an error of its row, not a failure of the whole import at the end.
FIELD_MAX = {
    "employee_code": 60,
    "family_middle": 200,
    "given_name": 80,
    "ethnicity": 60,
    "position": 200,
    "group_name": 200,
    "department": 200,
    "education": 200,
    "phone": 60,
    "email": 200,
    "note": 10000,
}
_FIELD_LABELS = {
    "employee_code": "mã nhân viên",
    "family_middle": "họ đệm",
    "given_name": "tên",
    "ethnicity": "dân tộc",
    "position": "chức vụ",
    "group_name": "tên tổ công đoàn",
    "department": "phòng ban",
    "education": "trình độ",
    "phone": "điện thoại",
    "email": "email",
    "note": "ghi chú",
}

_EXACT: dict[str, str] = {}
_PREFIXES: list[tuple[str, str]] = []
for _f in FIELDS:
    for _syn in _f.synonyms:
        _EXACT.setdefault(header_key(_syn), _f.key)
    for _p in _f.prefixes:
        _PREFIXES.append((_p, _f.key))
_PREFIXES.sort(key=lambda item: len(item[0]), reverse=True)


def match_field(text: str) -> str | None:
    """The field key a header text names, or None ("Họ và tên" → "full_name").

    Exact synonyms first, then prefixes ("Họ và tên cán bộ công nhân viên" → full_name);
    a header typed in a TCVN3/VNI font without its font known is tried converted too.
    """
    found = _match_key(header_key(text))
    if found or text.isascii() or is_unicode_vietnamese(text):
        return found
    for enc in ("tcvn3", "vni"):
        converted = to_unicode(text, enc)  # type: ignore[arg-type]
        if converted != text and (found := _match_key(header_key(converted))):
            return found
    return None


def _match_key(key: str) -> str | None:
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for prefix, key_field in _PREFIXES:
        if key.startswith(prefix):
            return key_field
    return None


def guess_mapping(headers: Sequence[object]) -> dict[str, int]:
    """Map a single header row (texts per column) to fields; the first column wins."""
    mapping: dict[str, int] = {}
    for col, text in enumerate(headers):
        if isinstance(text, str) and text.strip():
            key = match_field(text)
            if key and key not in mapping:
                mapping[key] = col
    return mapping


# ---------------------------------------------------------------------------
# Header detection
# ---------------------------------------------------------------------------

MAX_HEADER_SCAN = 30


def _text(value: CellValue) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class _Candidate:
    row: int
    sub_row: int | None
    mapping: dict[str, int]
    labels: dict[int, str]
    score: int


def _score(mapping: dict[str, int]) -> int:
    fields = {k for k in mapping if k != "stt"}
    name = any(k in mapping for k in _NAME_FIELDS)
    return len(fields) + (3 if name else 0)


def _analyze_row(sheet: Sheet, r: int, n_cols: int, *, allow_sub: bool = True) -> list[_Candidate]:
    """Header candidates with row *r* on top: the row alone, and with the next row under it."""
    top = [_text(sheet.value(r, c)) for c in range(n_cols)]
    if not any(top):
        return []
    top_fields = [match_field(t) if t else None for t in top]
    single: dict[str, int] = {}
    labels: dict[int, str] = {}
    for c, key in enumerate(top_fields):
        if top[c]:
            labels[c] = top[c]
        if key and key not in single:
            single[key] = c
    candidates = [_Candidate(r, None, single, labels, _score(single))]
    if not allow_sub or r + 1 >= sheet.n_rows:
        return candidates
    sub = [_text(sheet.value(r + 1, c)) for c in range(n_cols)]
    if not any(sub):
        return candidates
    spans: list[tuple[int, int]] = []
    c = 0
    while c < n_cols:
        if not top[c]:
            c += 1
            continue
        merged = sheet.merged_at(r, c)
        end = c
        if merged and merged[0] == r and merged[1] == c and merged[3] > c:
            end = merged[3]
        elif sub[c]:
            while end + 1 < n_cols and not top[end + 1] and sub[end + 1] and not sheet.merged_at(r, end + 1):
                end += 1
        if end > c:
            spans.append((c, min(end, n_cols - 1)))
        c = end + 1
    if not spans:
        return candidates
    # A group header is a field ("Ngày sinh" over Nam | Nữ, "Họ và tên" over Họ đệm | Tên) or
    # sits in a row that names fields elsewhere ("Thông tin" over columns of a real header).
    # A title row merged over the table, or a note above it, is neither.
    spans = [(c0, c1) for c0, c1 in spans if top_fields[c0] or single]
    if not spans:
        return candidates
    # In a real two-row header the lower row holds labels under the groups only (the other
    # header cells are merged down); a first data row has values everywhere.
    covered = {cc for c0, c1 in spans for cc in range(c0, c1 + 1)}
    for cc in range(n_cols):
        value = sheet.value(r + 1, cc)
        if cc not in covered and value != "" and value is not None:
            return candidates
        if cc in covered and value != "" and not isinstance(value, str):
            return candidates
    mapping: dict[str, int] = {}
    two_labels = dict(labels)
    used_sub = False
    in_span: set[int] = set()
    for c0, c1 in spans:
        for cc in range(c0, c1 + 1):
            in_span.add(cc)
            key = match_field(sub[cc]) if sub[cc] else None
            if sub[cc]:
                two_labels[cc] = f"{top[c0]} / {sub[cc]}"
            if key and key != "stt":
                used_sub = True
                mapping.setdefault(key, cc)
        parent = top_fields[c0]
        if parent and not any(match_field(sub[cc]) for cc in range(c0, c1 + 1) if sub[cc]):
            mapping.setdefault(parent, c0)  # a group whose sub-labels say nothing: keep the parent
    for cc, key in enumerate(top_fields):
        if cc not in in_span and key:
            mapping.setdefault(key, cc)
    if used_sub:
        candidates.append(_Candidate(r, r + 1, mapping, two_labels, _score(mapping) + 1))
    return candidates


def _header_guess(sheet: Sheet, cand: _Candidate | None, n_cols: int) -> HeaderGuess:
    if cand is None:
        return HeaderGuess(None, {}, 0.0, 0)
    mapping = dict(cand.mapping)
    header_end = cand.sub_row if cand.sub_row is not None else cand.row
    data_start = header_end + 1
    if is_numbering_row(sheet, data_start, n_cols):
        data_start += 1
    _split_name_over_two_columns(sheet, cand, mapping, data_start, n_cols)
    fields = {k for k in mapping if k != "stt"}
    if any(k in mapping for k in _NAME_FIELDS):
        confidence = min(1.0, 0.5 + 0.1 * (len(fields) - 1))
    else:
        confidence = min(0.4, 0.1 * len(fields))
    return HeaderGuess(cand.row, mapping, round(confidence, 2), data_start, cand.sub_row, cand.labels)


def _split_name_over_two_columns(
    sheet: Sheet, cand: _Candidate, mapping: dict[str, int], data_start: int, n_cols: int
) -> None:
    """ "Họ và tên" over two columns without sub-labels: họ đệm | tên."""
    c = mapping.get("full_name")
    if c is None or c + 1 >= n_cols or (c + 1) in mapping.values():
        return
    header_rows = [cand.row] + ([cand.sub_row] if cand.sub_row is not None else [])
    if any(_text(sheet.value(r, c + 1)) for r in header_rows):
        return
    merged = sheet.merged_at(cand.row, c)
    if merged and merged[1] == c and merged[3] == c + 1:
        split = True
    else:  # no merge information: the data must look like "Nguyễn Văn" | "An"
        seen = given_like = 0
        givens: set[str] = set()
        for r in range(data_start, min(sheet.n_rows, data_start + 60)):
            left, right = _text(sheet.value(r, c)), _text(sheet.value(r, c + 1))
            if not left and not right:
                continue
            seen += 1
            if left and right and " " not in right and right.isalpha() and right[0].isupper():
                given_like += 1
                givens.add(right)
        split = seen >= 2 and given_like >= 0.8 * seen and len(givens) >= min(3, given_like)
    if split:
        del mapping["full_name"]
        mapping["family_middle"] = c
        mapping["given_name"] = c + 1


def find_header(sheet: Sheet, *, max_scan: int = MAX_HEADER_SCAN) -> HeaderGuess:
    """Find the header row in the first *max_scan* rows and map its columns to fields.

    Title blocks and blank rows are skipped naturally (they match no field); the best row
    is the one naming the most fields, a name column counting extra; a two-row header is
    used when the row under a merged (or visibly grouped) header cell holds sub-labels.
    """
    n_cols = sheet.n_cols
    best: _Candidate | None = None
    for r in range(min(sheet.n_rows, max_scan)):
        for cand in _analyze_row(sheet, r, n_cols):
            if cand.score < 2 and not any(k in cand.mapping for k in _NAME_FIELDS):
                continue
            if best is None or cand.score > best.score:
                best = cand
    return _header_guess(sheet, best, n_cols)


def _header_at(sheet: Sheet, row: int) -> HeaderGuess:
    """The header analysis for a row the user chose."""
    n_cols = sheet.n_cols
    candidates = _analyze_row(sheet, row, n_cols)
    if not candidates:
        return HeaderGuess(row, {}, 0.0, row + 1)
    best = max(candidates, key=lambda c: c.score)
    return _header_guess(sheet, best, n_cols)


# ---------------------------------------------------------------------------
# Cell parsing
# ---------------------------------------------------------------------------


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


_TRUE_WORDS = {"x", "v", "co", "yes", "y", "1", "true", "dv", "dvcd", "doan vien", "la doan vien", "da vao", "roi",
               "+", "*", "\u2713", "\u2714", "\u2611", "\u221a"}  # fmt: skip
_FALSE_WORDS = {"", "0", "khong", "ko", "k", "no", "n", "false", "-", "chua", "chua vao", "--"}
_MALE_WORDS = {"nam", "m", "male", "trai", "ong", "anh"}
_FEMALE_WORDS = {"nu", "f", "female", "gai", "ba", "chi"}


def _word_key(text: str) -> str:
    return vntext.search_key(text).strip(" .;:")


def _plain_text(value: CellValue) -> str:
    """Any cell as display text: numbers without a useless ".0", dates as dd/mm/yyyy."""
    if isinstance(value, str):
        return vntext.nfc(cleantext.clean(value))
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return vntext.format_date(value.date())
    if isinstance(value, date):
        return vntext.format_date(value)
    return vntext.nfc(cleantext.clean(str(value))) if value is not None else ""


def _is_empty(value: CellValue) -> bool:
    return value is None or value == ""


def _name_case(text: str) -> str:
    """ "NGUYỄN VĂN AN" or "nguyễn văn an" → "Nguyễn Văn An"; mixed case is kept."""
    if text.isupper() or text.islower():
        return vntext.title_case_name(text)
    return text


# A name cell holding a number, a date or something that reads as a formula (issue 17): one policy,
# the row is refused with the reason (an error: nothing is imported until the file is corrected).
_FORMULA_LIKE_RE = re.compile(r"^\s*(?:[=+@\-]|#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|SPILL!|CALC!))")


def _not_a_name(raw: CellValue) -> str | None:
    """Why a name cell is refused, or None: a number, a date, a formula-like text."""
    if isinstance(raw, bool | int | float | date | time | timedelta):
        shown = _plain_text(raw) if not isinstance(raw, time | timedelta) else str(raw)
        return f"ô họ tên chứa số hoặc ngày ('{shown}'), không phải chữ — dòng không được nhập; hãy ghi họ tên bằng chữ"
    if isinstance(raw, str) and _FORMULA_LIKE_RE.match(raw):
        return (
            f"họ tên '{vntext.nfc(raw)}' trông như một công thức Excel (bắt đầu bằng "
            f"'{raw.strip()[:1]}') — dòng không được nhập; hãy ghi họ tên bằng chữ"
        )
    return None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Group headings inside a table; matched on the NFC, case-folded text *with* diacritics so
# that the family name "Tô" is not read as "Tổ".
_SECTION_RE = re.compile(
    r"^(?:(?:[ivxlc]+|[a-z]|\d{1,2})\s*[.):\-]\s+\S|(?:tổ|phòng|ban|khối|bộ phận|phân xưởng|xưởng|đơn vị|"
    r"công đoàn bộ phận|cđbp|chi nhánh|đội)\b)"
)
# Footer lines under a table, matched on NFC case-folded text *with* diacritics ("cộng" is
# not the name "Công").  Strong ones end the table wherever they are; weak ones (titles of
# signatories) only in a row holding nothing but text, since "Chủ tịch" or "Kế toán" are
# also ordinary values of a position column.
_STRONG_FOOTER_RE = re.compile(
    r"^(?:tổng cộng|tổng số|cộng\s*:|cộng\s+\d|cộng$|người lập|lập biểu|danh sách này có|ấn định danh sách)"
)
_FOOTER_RE = re.compile(
    r"^(?:xác nhận|thủ trưởng|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|tm\b|kt\b|ban chấp hành|"
    r"kế toán|trưởng phòng|nơi nhận|người duyệt|duyệt)"
)
_PLACE_DATE_RE = re.compile(r"(?:^|,\s*)ngày\s*[\d.…_ ]*tháng\s*[\d.…_ ]*năm\s*[\d.…_ ]*$")
_SUBTOTAL_RE = re.compile(r"^(?:tổng cộng|tổng số|tổng|cộng)\b")
_ODD_NAME_RE = re.compile(r"[^\w '.\-]|[\d_]")
_NUMBERING_PREFIX_RE = re.compile(r"^\s*(?:[IVXLCivxlc]+|[A-Za-z]|\d{1,2})\s*[.):\-]\s+")
_ROMAN_OR_LETTER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")


# ---------------------------------------------------------------------------
# Preview
# ---------------------------------------------------------------------------


class _Reporter:
    def __init__(self, file: str, sheet: str) -> None:
        self.file = file
        self.sheet = sheet
        self.problems: list[Problem] = []
        self.inferences: list[Problem] = []

    def add(self, row: int | None, col: int | None, key: str | None, message: str,
            severity: Severity = "error", *, inferred: bool = False) -> None:  # fmt: skip
        label = FIELD_BY_KEY[key].label if key in FIELD_BY_KEY else key
        (self.inferences if inferred else self.problems).append(
            Problem(
                self.file,
                self.sheet,
                row + 1 if row is not None else None,
                column_letter(col) if col is not None else None,
                label,
                message,
                severity,
            )
        )


_Converted = tuple[Sheet, Sheet, dict[tuple[int, int], Encoding]]


def _choose_sheet(workbook: Workbook) -> _Converted:
    """The first visible non-empty sheet with a name column, else the first visible non-empty.

    A workbook often starts with an instructions or summary sheet; the roster is the
    first sheet whose header names people.  Hidden sheets are never chosen.  Returns the
    sheet, its font-converted copy and the converted cells.
    """
    fallback: _Converted | None = None
    for info in workbook.visible_sheets():
        sheet = workbook.read_sheet(info.index)
        if sheet.is_empty():
            continue
        converted = (sheet, *convert_by_font(sheet))
        if find_header(converted[1]).has_name:
            return converted
        fallback = fallback or converted
    if fallback is None:  # read_workbook refuses such files; a caller may pass one anyway
        sheet = workbook.read_sheet(0)
        return (sheet, *convert_by_font(sheet))
    return fallback


def build_preview(
    workbook: Workbook,
    sheet: str | int | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    *,
    today: date,
) -> ImportPreview:
    """Read a roster sheet into drafts and problems, without touching the database.

    *sheet* (name or index) defaults to the first visible non-empty sheet that has a
    name column; hidden sheets are never chosen by default.  *header_row* (0-based, as
    ``ImportPreview.header_row``) and *mapping* (field key → 0-based column, replacing the
    guessed mapping entirely) let the user correct the guess.
    """
    file = workbook.path.name
    if sheet is None:
        raw, grid, font_converted = _choose_sheet(workbook)
    else:
        raw = workbook.read_sheet(sheet)
        grid, font_converted = convert_by_font(raw)
    report = _Reporter(file, raw.name)
    if not raw.visible:
        report.add(None, None, None, "trang này đang bị ẩn trong Excel", "warning")
    if mapping is not None:
        unknown = [k for k in mapping if k not in FIELD_BY_KEY]
        if unknown:
            raise ValueError(f"unknown roster fields: {unknown}")
    if grid is raw:  # conversions below replace rows: never in the workbook's cached sheet
        grid = replace(raw, rows=list(raw.rows))
    n_cols = grid.n_cols

    guess = find_header(grid) if header_row is None else _header_at(grid, header_row)
    if mapping is not None:
        bad = {k: c for k, c in mapping.items() if not 0 <= c < max(n_cols, 1)}
        if bad:
            raise ValueError(f"columns out of range: {bad}")
        guess = replace(guess, mapping=dict(mapping))
        if guess.row_index is None and header_row is None:
            guess = replace(guess, data_start=0)

    columns = [""] * n_cols
    guessed_legacy = False
    for c, label in guess.labels.items():
        if c < n_cols:
            enc = guess_encoding([label]) if not label.isascii() else None
            if enc and reads_better(label, enc):
                columns[c], guessed_legacy = to_unicode(label, enc), True
            else:
                columns[c] = label
    if guessed_legacy and all(not t.isupper() for t in columns if t) and all(t == t.lower() for t in columns):
        # A header typed in lower-case codes for an all-caps font (.VnTimeH), the font not known:
        # it is shown as Excel showed it, in capitals.
        columns = [t.upper() for t in columns]

    def preview(drafts: list[PersonDraft], duplicates: list[DuplicatePair],
                legacy: dict[int, Encoding], counts: dict[str, int]) -> ImportPreview:  # fmt: skip
        return ImportPreview(
            file=file,
            sheet=raw.name,
            sheets=list(workbook.sheets),
            header_row=guess.row_index,
            sub_header_row=guess.sub_row,
            data_start=guess.data_start,
            mapping=dict(guess.mapping),
            columns=columns,
            drafts=drafts,
            problems=report.problems,
            pairs=duplicates,
            legacy_conversions=legacy,
            confidence=guess.confidence,
            counts=counts,
            inferences=report.inferences,
        )

    if raw.is_empty():
        report.add(None, None, None, "trang này không có dữ liệu")
        return preview([], [], {}, _empty_counts())
    if not guess.has_name:
        report.add(None, None, None,
                   f"Không tìm thấy cột họ tên trong trang '{raw.name}' — hãy chọn cột bằng tay")  # fmt: skip
        return preview([], [], {}, _empty_counts())
    if "given_name" in guess.mapping and "full_name" not in guess.mapping and "family_middle" not in guess.mapping:
        report.add(None, guess.mapping["given_name"], "given_name",
                   "có cột Tên nhưng không có cột Họ đệm — kiểm tra lại cách chọn cột", "warning")  # fmt: skip
    for note in raw.notes:
        report.add(None, None, None, note, "warning")

    legacy, converted_cells = _convert_guessed(grid, guess, font_converted)
    parser = _RowParser(grid, guess.mapping, report, today, legacy_cols=set(legacy))
    drafts, duplicates, counts = parser.run(guess.data_start, raw.hidden_rows)
    counts["converted_cells"] = converted_cells
    return preview(drafts, duplicates, legacy, counts)


def _empty_counts() -> dict[str, int]:
    return dict.fromkeys(
        ("rows", "drafts", "errors", "warnings", "skipped_empty", "skipped_hidden", "skipped_sections",
         "footer_rows", "duplicates", "men", "women", "members", "converted_cells", "cleaned_rows"),
        0,
    )  # fmt: skip


GUESS_SAMPLE_ROWS = 2000


def _convert_guessed(
    grid: Sheet, guess: HeaderGuess, font_converted: dict[tuple[int, int], Encoding]
) -> tuple[dict[int, Encoding], int]:
    """Convert mapped columns whose text looks like TCVN3/VNI although no font said so.

    Returns column → encoding for every column converted (by font or by guess) and the
    number of converted cells.  Mutates *grid*, a private copy made by convert_by_font
    (rows are copied before they are changed).
    """
    result: dict[int, Encoding] = {}
    by_col: dict[int, Counter[str]] = {}
    for (r, c), enc in font_converted.items():
        if r >= guess.data_start:
            by_col.setdefault(c, Counter())[enc] += 1
    cells = len(font_converted)
    rows = grid.rows
    copied: set[int] = set()
    data_rows = range(guess.data_start, len(rows))
    step = max(1, len(data_rows) // GUESS_SAMPLE_ROWS)
    sample = data_rows[::step]  # legacy text fills whole columns: a spread sample finds it
    for key, col in guess.mapping.items():
        if FIELD_BY_KEY[key].kind in ("date", "ignore") or col >= grid.n_cols:
            continue
        texts = {
            v
            for r in sample
            if isinstance(v := rows[r][col], str) and v and not v.isascii() and (r, col) not in font_converted
        }
        if not texts:
            continue
        enc = guess_encoding(sorted(texts))
        if enc is None:
            continue
        changed = 0
        verdicts: dict[str, bool] = {}
        for r in data_rows:
            value = rows[r][col]
            if not isinstance(value, str) or not value or value.isascii() or (r, col) in font_converted:
                continue
            better = verdicts.get(value)
            if better is None:
                better = verdicts[value] = reads_better(value, enc)
            if better:
                if r not in copied:
                    rows[r] = list(rows[r])
                    copied.add(r)
                rows[r][col] = to_unicode(value, enc)
                changed += 1
        if changed:
            by_col.setdefault(col, Counter())[enc] += changed
            cells += changed
    for col, counter in by_col.items():
        result[col] = counter.most_common(1)[0][0]  # type: ignore[assignment]
    return result, cells


class _RowParser:
    """Parse the data rows of one sheet with a fixed mapping (the hot loop of an import)."""

    def __init__(self, grid: Sheet, mapping: dict[str, int], report: _Reporter, today: date, *,
                 legacy_cols: Collection[int] = ()) -> None:  # fmt: skip
        self.grid = grid
        self.mapping = mapping
        self.report = report
        self.today = today
        self.name_col = mapping.get("full_name", mapping.get("given_name"))
        self.stt_col = mapping.get("stt")
        self.fields = [(k, c) for k, c in mapping.items() if k != "stt"]
        self.other_cols = [c for k, c in self.fields if k not in _NAME_FIELDS]
        self.text_cols = [(k, mapping[k]) for k in ("employee_code", "ethnicity", "position", "group_name",
                                                    "department", "education", "note") if k in mapping]  # fmt: skip
        # Names decoded from TCVN3/VNI are title-cased word by word: .VnTime has no toned capitals,
        # so "Nguyễn Thị Ỷ" was typed "Nguyễn Thị ỷ".
        self.legacy_names = {k for k in _NAME_FIELDS if mapping.get(k) in legacy_cols}
        self.birth_century = birth_century(today)
        self.past_century = past_century(today)
        self.date_cols = [(k, mapping[k]) for k in ("joined_union_on", "employed_since", "left_on") if k in mapping]
        self._text_cache: dict[str, str] = {}
        self.cleaned_rows: set[int] = set()  # rows with a cell that lost hostile characters

    # -- helpers --------------------------------------------------------------------------

    def err(self, r: int, key: str, message: str, severity: Severity = "error") -> None:
        self.report.add(r, self.mapping.get(key), key, message, severity)

    def value(self, row: list[CellValue], key: str) -> CellValue:
        col = self.mapping.get(key)
        return row[col] if col is not None else ""

    def text(self, value: CellValue) -> str:
        """_plain_text with a cache: columns such as position repeat a few values 20,000 times."""
        if isinstance(value, str):
            cached = self._text_cache.get(value)
            if cached is None:
                cached = self._text_cache[value] = vntext.nfc(cleantext.clean(value))
            return cached
        return _plain_text(value)

    # -- main loop ------------------------------------------------------------------------

    def run(self, start: int, hidden: set[int]) -> tuple[list[PersonDraft], list[DuplicatePair], dict[str, int]]:
        counts = _empty_counts()
        drafts: list[PersonDraft] = []
        rows = self.grid.rows
        name_col = self.name_col
        section_group = section_department = ""
        footer_at: int | None = None
        last_data_row = self._last_data_row()
        for r in range(start, len(rows)):
            row = rows[r]
            if not any(row):
                continue  # "", None, 0, False only
            raw_name = row[name_col] if name_col is not None else ""
            if not any(v for v in row if not (isinstance(v, str) and v.isspace())):
                counts["skipped_empty"] += 1  # cells "cleared" with the space bar
                continue
            if r in hidden:
                counts["skipped_hidden"] += 1
                self.report.add(r, None, None, "dòng bị ẩn trong Excel — đã bỏ qua", "warning")
                continue
            name_text = self.text(raw_name) if not _is_empty(raw_name) else ""
            if self._is_footer(row, name_text):
                if r >= last_data_row:
                    footer_at = r
                    break
                if name_text and _SUBTOTAL_RE.match(name_text.casefold()):
                    counts["skipped_sections"] += 1
                    self.report.add(r, name_col, None, f"dòng cộng '{name_text}' — không phải một người", "warning")
                    continue
            if not name_text and self._only_numbering(row):
                counts["skipped_empty"] += 1  # a pre-numbered empty line of a template
                continue
            section = self._section(r, row, name_text)
            if section is not None:
                counts["skipped_sections"] += 1
                title = _NUMBERING_PREFIX_RE.sub("", section).strip() or section
                if re.match(r"tổ\b", title.casefold()):
                    section_group = title
                else:
                    section_department, section_group = title, ""
                self.report.add(r, name_col, None, f"dòng tiêu đề nhóm '{section}' — không phải một người",
                                "warning")  # fmt: skip
                continue
            counts["rows"] += 1
            draft = self._parse(r, row, name_text)
            if draft is None:
                continue
            if section_group and "group_name" not in self.mapping:
                draft.group_name = section_group
            if section_department and "department" not in self.mapping:
                draft.department = section_department
            drafts.append(draft)
        if footer_at is not None:
            counts["footer_rows"] = sum(1 for r in range(footer_at, len(rows)) if any(rows[r]))
            self.report.add(footer_at, None, None,
                            "từ dòng này trở xuống là phần cuối bảng (tổng cộng, ngày tháng, chữ ký) — không nhập",
                            "warning")  # fmt: skip
        duplicates = self._duplicates(drafts)
        errors = sum(1 for p in self.report.problems if p.severity == "error")
        counts.update(
            drafts=len(drafts),
            errors=errors,
            warnings=len(self.report.problems) - errors,
            duplicates=len(duplicates),
            men=sum(1 for d in drafts if d.gender == "M"),
            women=sum(1 for d in drafts if d.gender == "F"),
            members=sum(1 for d in drafts if d.is_member),
            cleaned_rows=len(self.cleaned_rows),
        )
        return drafts, duplicates, counts

    def _only_numbering(self, row: list[CellValue]) -> bool:
        """Only the STT cell is filled: an empty line of a template."""
        stt = self.stt_col
        if stt is None or _is_empty(row[stt]):
            return False
        return sum(1 for v in row if not _is_empty(v)) == 1

    def _is_footer(self, row: list[CellValue], name_text: str) -> bool:
        """Totals, the place-and-date line or the signature block under the table."""
        if name_text:
            folded = name_text.casefold()
            return bool(_STRONG_FOOTER_RE.match(folded) or _SUBTOTAL_RE.match(folded) or _PLACE_DATE_RE.search(folded))
        texts = [vntext.nfc(v).casefold() for v in row if isinstance(v, str) and v.strip()]
        if any(_STRONG_FOOTER_RE.match(t) or _PLACE_DATE_RE.search(t) for t in texts):
            return True
        only_text = all(_is_empty(v) or isinstance(v, str) for v in row)
        return only_text and any(_FOOTER_RE.match(t) for t in texts)

    def _last_data_row(self) -> int:
        """The last row holding a name and a number or date: a person, not a signature.

        A footer-like row above it ("Cộng tổ 1: 12 người") must not end the import.
        """
        if self.name_col is None:
            return -1
        rows = self.grid.rows
        for r in range(len(rows) - 1, -1, -1):
            row = rows[r]
            if _is_empty(row[self.name_col]):
                continue
            if any(isinstance(v, int | float | date) and not isinstance(v, bool) for v in row):
                return r
        return -1

    def _section(self, r: int, row: list[CellValue], name_text: str) -> str | None:
        """A group heading inside the table ("I. KHỐI VĂN PHÒNG", "Tổ 1"), or None."""
        for c in self.other_cols:
            v = row[c]
            if v != "" and v is not None:
                return None
        stt = row[self.stt_col] if self.stt_col is not None else ""
        if name_text and isinstance(stt, str) and _ROMAN_OR_LETTER_RE.match(stt.strip()):
            return name_text  # "I | Khối văn phòng", "A | Cán bộ quản lý"
        texts = [self.text(v) for v in row if isinstance(v, str) and v.strip()]
        if not texts:
            return None
        merged = self.grid.merged_at(r, self.name_col) if self.name_col is not None else None
        wide_merge = merged is not None and merged[3] - merged[1] >= 2
        if wide_merge:
            return max(texts, key=len)
        if name_text:
            return name_text if _SECTION_RE.match(name_text.casefold()) else None
        heading = max(texts, key=len)
        return heading if _SECTION_RE.match(heading.casefold()) else None

    # -- one row ----------------------------------------------------------------------------

    def _parse(self, r: int, row: list[CellValue], name_text: str) -> PersonDraft | None:
        draft = PersonDraft(source_row=r + 1)
        if not self._names(r, row, name_text, draft):
            return None
        m = self.mapping
        self._hostile(r, row)
        if "birth_date" in m:
            birth = self._date(r, row[m["birth_date"]], "birth_date")
            if birth is not None:
                draft.birth_date, draft.birth_year = birth.value, birth.year
        self._gender(r, row, draft)
        if draft.birth_date is not None:
            draft.birth_year = draft.birth_date.year
        if draft.birth_date is not None or draft.birth_year is not None:
            self._check_birth(r, draft)
        for key, col in self.date_cols:
            parsed = self._date(r, row[col], key)
            if parsed is None:
                continue
            if parsed.value is None and parsed.year is not None:
                self.err(r, key, f"chỉ có năm {parsed.year}, cần ghi đủ ngày/tháng/năm")
                continue
            setattr(draft, key, parsed.value)
        for key, col in self.text_cols:
            v = row[col]
            if v != "" and v is not None:
                setattr(draft, key, self.text(v))
        if "phone" in m:
            draft.phone = self._phone(row[m["phone"]])
        if "email" in m:
            draft.email = self.text(row[m["email"]])
            if draft.email and not _EMAIL_RE.match(draft.email):
                self.err(r, "email", f"địa chỉ email '{draft.email}' không hợp lệ")
        if "is_member" in m:
            draft.is_member = self._member(r, row[m["is_member"]], draft)
        if draft.joined_union_on or draft.employed_since or draft.left_on:
            self._check_dates(r, draft)
        self._lengths(r, draft)
        return draft

    def _hostile(self, r: int, row: list[CellValue]) -> None:
        """Say which cells of the row lost control, escape, bidirectional or invisible characters."""
        for key, col in self.fields:
            raw = row[col]
            if isinstance(raw, str) and raw and cleantext.has_hostile(raw):
                kinds = cleantext.removed(raw)
                if kinds:
                    self.cleaned_rows.add(r)
                    self.err(r, key, f"đã bỏ {cleantext.describe(kinds)} khỏi ô này", "warning")

    def _lengths(self, r: int, draft: PersonDraft) -> None:
        for key, maximum in FIELD_MAX.items():
            value = getattr(draft, key)
            if isinstance(value, str) and len(value) > maximum:
                where = key if key in self.mapping else ("full_name" if "full_name" in self.mapping else key)
                label = _FIELD_LABELS.get(key, key)
                self.err(
                    r,
                    where,
                    f"{label} dài {vntext.format_number(len(value))} ký tự, quá mức tối đa "
                    f"{vntext.format_number(maximum)} ký tự",
                )

    def _names(self, r: int, row: list[CellValue], name_text: str, draft: PersonDraft) -> bool:
        m = self.mapping
        refused = False
        for key in _NAME_FIELDS:
            if key in m and (why := _not_a_name(row[m[key]])):
                self.err(r, key, why)
                refused = True
        if refused:
            return True
        if "full_name" in m:
            raw = row[m["full_name"]]
            if not name_text:
                if isinstance(raw, str) and raw:
                    self.err(r, "full_name", "họ tên chỉ có dấu cách")
                elif any(row[c] != "" and row[c] is not None for c in self.other_cols):
                    self.err(r, "full_name", "dòng có dữ liệu nhưng thiếu họ tên")
                else:
                    return False
                return True
            # already NFC with single spaces: split as vntext does
            text = vntext.title_case_name(name_text) if "full_name" in self.legacy_names else _name_case(name_text)
            family, _, given = text.rpartition(" ")
            draft.family_middle, draft.given_name = family, given
            if not any(ch.isalpha() for ch in text):
                self.err(r, "full_name", f"'{text}' không phải là họ tên")
                return True
            if not family:
                self.err(r, "full_name", f"họ tên '{text}' chỉ có một từ — không tách được họ và tên", "warning")
            key = "full_name"
        else:
            raw_family = self.value(row, "family_middle")
            family = self._case("family_middle", self.text(raw_family)) if not _is_empty(raw_family) else ""
            given = self._case("given_name", name_text)
            if not given:
                key = "given_name" if "given_name" in m else "family_middle"
                raw_given = self.value(row, "given_name")
                if isinstance(raw_given, str) and raw_given:
                    self.err(r, key, "tên chỉ có dấu cách")
                elif family:
                    self.err(r, key, f"thiếu tên (cột Tên trống, họ đệm là '{family}')")
                elif any(row[c] != "" and row[c] is not None for c in self.other_cols):
                    self.err(r, key, "dòng có dữ liệu nhưng thiếu họ tên")
                else:
                    return False
                draft.family_middle = family
                return True
            if " " in given:
                self.err(r, "given_name", f"cột Tên có nhiều từ ('{given}') — kiểm tra lại", "warning")
            draft.family_middle, draft.given_name = family, given
            key = "given_name"
        full = f"{draft.family_middle} {draft.given_name}" if draft.family_middle else draft.given_name
        if not any(ch.isalpha() for ch in full):
            self.err(r, key, f"'{full}' không phải là họ tên")
        elif _ODD_NAME_RE.search(full):
            self.err(r, key, f"họ tên '{full}' có ký tự lạ", "warning")
        return True

    def _case(self, key: str, text: str) -> str:
        return vntext.title_case_name(text) if key in self.legacy_names else _name_case(text)

    def _date(self, r: int, raw: CellValue, key: str) -> DateValue | None:
        if raw == "" or raw is None:
            return None
        if isinstance(raw, datetime):
            return DateValue(value=raw.date())
        if isinstance(raw, date):
            return DateValue(value=raw)
        birth = key in ("birth_date", "male", "female")  # a Nam/Nữ column holding the birth date
        parsed = parse_date(raw, self.birth_century if birth else self.past_century)
        if parsed.error:
            self.err(r, key, parsed.error)
            return None
        if parsed.warning:
            self.err(r, key, parsed.warning, "warning")
        if parsed.inferred:
            self.report.add(r, self.mapping.get(key), key, parsed.inferred, "warning", inferred=True)
        return parsed

    def _check_birth(self, r: int, draft: PersonDraft) -> None:
        if "birth_date" in self.mapping:
            key = "birth_date"
        else:
            key = "female" if draft.gender == "F" and "female" in self.mapping else "male"
        today = self.today
        if draft.birth_date is not None:
            born = draft.birth_date
            age = _age(born, today)
            if 15 <= age <= 100 and born.year >= 1900:
                return  # the usual case, without formatting anything
            shown = vntext.format_date(born)
            problem = None
            if born.year < 1900:
                problem = f"ngày sinh {shown} trước năm 1900"
            elif born > today:
                problem = f"ngày sinh {shown} sau ngày hôm nay"
            elif age < 15:
                problem = f"ngày sinh {shown}: chưa đủ 15 tuổi"
            elif age > 100:
                self.err(r, key, f"ngày sinh {shown}: hơn 100 tuổi — kiểm tra lại", "warning")
            if problem:
                self.err(r, key, problem)
                draft.birth_date = draft.birth_year = None
        elif draft.birth_year is not None:
            year = draft.birth_year
            problem = None
            if year < 1900:
                problem = f"năm sinh {year} trước năm 1900"
            elif year > today.year:
                problem = f"năm sinh {year} sau năm nay"
            elif today.year - year < 15:
                problem = f"năm sinh {year}: chưa đủ 15 tuổi"
            if problem:
                self.err(r, key, problem)
                draft.birth_year = None

    def _check_dates(self, r: int, draft: PersonDraft) -> None:
        today = self.today
        born = draft.birth_date or (date(draft.birth_year, 1, 1) if draft.birth_year else None)
        for key in ("joined_union_on", "employed_since", "left_on"):
            value: date | None = getattr(draft, key)
            if value is None:
                continue
            shown = vntext.format_date(value)
            label = FIELD_BY_KEY[key].label.lower()
            if value.year < 1930:
                self.err(r, key, f"{label} {shown} trước năm 1930")
            elif value > today and key != "left_on":
                self.err(r, key, f"{label} {shown} sau ngày hôm nay")
            elif born is not None and value < born:
                self.err(r, key, f"{label} {shown} trước ngày sinh")
        if draft.left_on and draft.employed_since and draft.left_on < draft.employed_since:
            self.err(r, "left_on", "ngày nghỉ việc trước ngày vào làm")
        if draft.joined_union_on is not None and draft.is_member is False and draft.left_on is None:
            self.err(r, "is_member", "có ngày vào công đoàn nhưng không đánh dấu là đoàn viên")

    def _gender(self, r: int, row: list[CellValue], draft: PersonDraft) -> None:
        m = self.mapping
        if "gender" in m:
            raw = row[m["gender"]]
            if raw == "" or raw is None:
                return
            shown = self.text(raw) if isinstance(raw, str) else _plain_text(raw)
            word = _cached_word(shown)
            if word in _MALE_WORDS:
                draft.gender = "M"
            elif word in _FEMALE_WORDS:
                draft.gender = "F"
            elif word:
                self.err(r, "gender", f"không rõ giới tính '{shown}' (ghi Nam hoặc Nữ)", "warning")
            return
        if "male" not in m and "female" not in m:
            return
        male = self._mark(r, "male", row[m["male"]], draft) if "male" in m else None
        female = self._mark(r, "female", row[m["female"]], draft) if "female" in m else None
        if male and female:
            self.err(r, "female", "đánh dấu cả Nam và Nữ")
        elif male:
            draft.gender = "M"
        elif female:
            draft.gender = "F"
        elif male is False and female is None:
            draft.gender = "F"  # only a "Nam" column: unmarked means a woman
        elif female is False and male is None:
            draft.gender = "M"  # only a "Nữ" column: unmarked means a man

    def _mark(self, r: int, key: str, raw: CellValue, draft: PersonDraft) -> bool:
        """Is the Nam/Nữ cell marked?  A date or year in it is also the birth date."""
        if raw == "" or raw is None:
            return False
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int | float) and raw < 1000:
            return raw != 0
        if isinstance(raw, str):
            word = _cached_word(raw)
            if word in _FALSE_WORDS:
                return False
            if (
                word in _TRUE_WORDS
                or word in _MALE_WORDS
                or word in _FEMALE_WORDS
                or not any(ch.isdigit() for ch in word)
            ):
                return True
        parsed = self._date(r, raw, key)
        if parsed is not None and draft.birth_date is None and draft.birth_year is None:
            draft.birth_date, draft.birth_year = parsed.value, parsed.year
        return True

    def _member(self, r: int, raw: CellValue, draft: PersonDraft) -> bool | None:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, date):
            if draft.joined_union_on is None and "joined_union_on" not in self.mapping:
                draft.joined_union_on = raw.date() if isinstance(raw, datetime) else raw
            return True
        if isinstance(raw, int | float):
            return raw != 0
        word = _cached_word(self.text(raw)) if raw else ""
        if word in _FALSE_WORDS:
            return False
        if word in _TRUE_WORDS:
            return True
        parsed = parse_date(raw, self.past_century)
        if parsed.value is not None and not parsed.error:
            if draft.joined_union_on is None and "joined_union_on" not in self.mapping:
                draft.joined_union_on = parsed.value
            return True
        self.err(r, "is_member", f"không rõ '{self.text(raw)}' (ghi x nếu là đoàn viên, để trống nếu không)",
                 "warning")  # fmt: skip
        return None

    @staticmethod
    def _phone(raw: CellValue) -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
            digits = str(int(raw))
            # A number cell loses the leading 0 of a Vietnamese phone number (09…, 03…).
            return "0" + digits if len(digits) in (9, 10) and not digits.startswith("0") else digits
        return _plain_text(raw)

    def _duplicates(self, drafts: list[PersonDraft]) -> list[DuplicatePair]:
        """Pairs of rows with the same name (diacritics and all) and the same birth date, flagged.

        Each is compared on the identifying fields present in both (:data:`IDENTIFYING`): one that
        differs makes them two people ("có thể trùng"), all agreeing one person written twice ("trùng");
        either way only the officer merges them.
        """
        seen: dict[tuple[str, object], PersonDraft] = {}
        pairs: list[DuplicatePair] = []
        col = self.name_col
        key_field = "full_name" if "full_name" in self.mapping else "given_name"
        for d in drafts:
            if not d.given_name:
                continue
            key = person_key(d.family_middle, d.given_name, d.birth_date, d.birth_year)
            if key[1] is None:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = d
                continue
            differs = tuple(identity_differences(identity_of(first), identity_of(d)))
            pairs.append(DuplicatePair(first.source_row, d.source_row, differs))
            when = vntext.format_date(d.birth_date) if d.birth_date else f"năm sinh {d.birth_year}"
            if differs:
                message = (
                    f"có thể trùng với dòng {first.source_row} ({d.full_name}, {when}): cùng họ tên và ngày "
                    f"sinh nhưng khác {', '.join(differs)} — là hai người, trừ khi bạn chọn gộp"
                )
            else:
                message = (
                    f"trùng họ tên và ngày sinh với dòng {first.source_row} ({d.full_name}, {when}) — "
                    "chọn gộp thành một người hay giữ cả hai"
                )
            self.report.problems.append(
                Problem(self.report.file, self.report.sheet, d.source_row,
                        column_letter(col) if col is not None else None, FIELD_BY_KEY[key_field].label,
                        message, "warning")
            )  # fmt: skip
        return pairs


_WORD_CACHE: dict[str, str] = {}


def _cached_word(text: str) -> str:
    """_word_key for mark, gender and member cells: a column holds a handful of spellings."""
    word = _WORD_CACHE.get(text)
    if word is None:
        word = _word_key(text)
        if len(_WORD_CACHE) < 2000:
            _WORD_CACHE[text] = word
    return word
