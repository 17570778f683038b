"""Vietnamese text helpers: normalisation, search, collation, dates, numbers, money in words.

Why this module exists
----------------------
Names and figures in this app come from many sources (typed with Unikey in either
precomposed or combining mode, pasted from Word, imported from Excel).  Everything that
compares, searches, sorts or prints Vietnamese text goes through here so that the rules
live in exactly one place and stay consistent between the UI, the SQLite store and the
exported documents.

Design constraints:

* standard library only, no Qt — the same code runs in the CLI, the tests and the GUI;
* fast — :func:`search_key` and :func:`sort_key` are computed for ~20,000 names at
  start-up, so the hot paths use ``str.translate`` and per-character caches instead of
  per-character Python logic;
* collation keys are plain ``str`` so that Python's ``<`` and SQLite's default
  ``BINARY`` collation (UTF-8 byte order == code-point order) agree with each other.

Collation choices (see :func:`sort_key`)
----------------------------------------
Primary order is the 29-letter Vietnamese alphabet
``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y``.  The four Latin letters
that are not part of it are placed where a Vietnamese dictionary puts loan words:
``f`` after ``ê`` (before ``g``), ``j`` after ``i`` (before ``k``), ``w`` after ``v``
(before ``x``) and ``z`` after ``y``.  Spaces sort before digits, digits before letters,
and any other character after all letters.  Tones are a secondary level in dictionary
order ngang < huyền < hỏi < ngã < sắc < nặng, case is tertiary (lower case first), and
the normalised text itself is a final tie-breaker so that different names never get
equal keys.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "nfc",
    "search_key",
    "matches",
    "initials",
    "split_full_name",
    "join_name",
    "sort_key",
    "person_sort_key",
    "format_date",
    "format_date_long",
    "place_date_line",
    "parse_date",
    "format_number",
    "format_percent",
    "parse_number",
    "format_vnd",
    "money_in_words",
]


# ---------------------------------------------------------------------------
# Normalisation and search
# ---------------------------------------------------------------------------


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC with whitespace trimmed and collapsed.

    Unikey's "combining" mode and macOS file names produce decomposed (NFD) text that
    looks identical to precomposed text but compares unequal; stray double spaces from
    Excel do the same.  Storing everything through this function makes equality work.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


# Delete every combining diacritic (tone marks, breve, circumflex, horn, ...) and fold
# the one Vietnamese letter that has no decomposition (đ) to its base letter.
_SEARCH_TABLE: dict[int, int | None] = {cp: None for cp in range(0x0300, 0x0370)}
_SEARCH_TABLE[ord("đ")] = ord("d")
_SEARCH_TABLE[ord("Đ")] = ord("d")


def search_key(text: str) -> str:
    """Return a diacritic-, case- and spacing-insensitive key for substring search.

    Users type names without accents ("nguyen van an") far more often than with them, so
    the search index stores this key and queries are reduced the same way.  Case folding
    runs first so that characters whose folded form carries a combining mark (e.g. "İ")
    are also stripped.
    """
    folded = unicodedata.normalize("NFD", text.casefold()).translate(_SEARCH_TABLE)
    return " ".join(folded.split())


def matches(query: str, key: str) -> bool:
    """Tell whether every word of *query* occurs somewhere in the search *key*.

    Word order is free so that "an nguyen" finds "Nguyễn Văn An"; *key* must already be a
    :func:`search_key` (it is precomputed once per row, the query once per keystroke).
    An empty query matches everything so that clearing the search box shows all rows.
    """
    return all(token in key for token in search_key(query).split())


def initials(text: str) -> str:
    """Return the lower-case ASCII initials of each word ("Nguyễn Văn An" → "nva").

    Used for quick-jump search ("nva") and for short codes; accents are dropped so the
    result can be typed on any keyboard.
    """
    return "".join(word[0] for word in search_key(text).split())


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


def split_full_name(full: str) -> tuple[str, str]:
    """Split "Họ và tên" into (họ đệm, tên) on the last space.

    Vietnamese rosters sort by the given name (the last word), so imports that only have
    a full-name column must be split.  Compound given names cannot be detected reliably,
    so the last word is taken, which is what every official form assumes.
    """
    text = nfc(full)
    family_middle, _, given = text.rpartition(" ")
    return family_middle, given


def title_case_name(text: str) -> str:
    """Every word of a name capitalised, one-letter words included: "nguyễn thị ỷ" → "Nguyễn Thị Ỷ".

    For names decoded from TCVN3 (.VnTime has no toned capitals: "Ỷ", "Ý", "Ế" were typed in lower
    case) and for names typed all in capitals or all in lower case; NFC, single spaces.
    """
    return " ".join(w[:1].upper() + w[1:].lower() for w in nfc(text).split())


def join_name(family_middle: str, given: str) -> str:
    """Join (họ đệm, tên) back into a normalised full name; either part may be empty."""
    return nfc(f"{family_middle} {given}")


# ---------------------------------------------------------------------------
# Collation
# ---------------------------------------------------------------------------

# 29 Vietnamese letters plus f/j/w/z at their dictionary positions (module docstring).
_ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
    "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)  # fmt: skip
# Primary weights are single printable characters: letters map to "A".."a"
# (0x41..0x61), above digits "0".."9" and the space " "; other characters are encoded
# as "~" + char so they sort after every letter.  Level separators are control
# characters below all of these, which makes a shorter primary sort first.
_LETTER_WEIGHT: dict[str, str] = {ch: chr(0x41 + i) for i, ch in enumerate(_ALPHABET)}
_OTHER_PREFIX = "~"
_LEVEL_SEP = "\x02"
_PERSON_SEP = "\x01"

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# Tone marks in dictionary order: ngang (none)=0, huyền, hỏi, ngã, sắc, nặng.
_TONE_WEIGHT: dict[str, str] = {
    "\u0300": "1",  # huyền (grave)
    "\u0309": "2",  # hỏi (hook above)
    "\u0303": "3",  # ngã (tilde)
    "\u0301": "4",  # sắc (acute)
    "\u0323": "5",  # nặng (dot below)
}
# (base letter, modifier) -> Vietnamese letter.
_MODIFIED: dict[tuple[str, str], str] = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}

# A "cluster" is a character plus any combining marks that NFC left attached to it
# (only possible for non-Vietnamese combinations; every Vietnamese letter composes).
_CLUSTER_RE = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]*|[\u0300-\u036f]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_UNUSUAL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u0300-\u036f]")

_Weights = tuple[str, str, str]
_EMPTY: _Weights = ("", "", "")


def _cluster_weights(cluster: str) -> _Weights:
    """Compute (primary, secondary, tertiary) weights of one character cluster."""
    decomposed = unicodedata.normalize("NFD", cluster)
    base, marks = decomposed[0], decomposed[1:]
    if unicodedata.combining(base) or unicodedata.category(base) == "Cc":
        return _EMPTY  # stray mark or control character: ignorable
    lower = base.lower()
    if lower == "đ" or ("a" <= lower <= "z" and len(lower) == 1):
        letter = lower
        for mark in marks:
            letter = _MODIFIED.get((letter, mark), letter)
        tone = "0"
        for mark in marks:
            if mark in _TONE_WEIGHT:
                tone = _TONE_WEIGHT[mark]
                break
        return _LETTER_WEIGHT[letter], tone, "1" if base.isupper() else "0"
    if base == " " or "0" <= base <= "9":
        return base, "0", "0"
    return _OTHER_PREFIX + base, "0", "0"


class _LevelTable(dict[int, str]):
    """A ``str.translate`` table for one collation level, filled in on first use.

    ``str.translate`` runs in C, so mapping a whole name through three of these tables is
    several times faster than a Python loop over its characters; ``__missing__`` keeps
    the tables small (only characters actually seen) while accepting any input.
    """

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def __missing__(self, codepoint: int) -> str:
        weights = _cluster_weights(chr(codepoint))
        for table in _LEVEL_TABLES:
            table[codepoint] = weights[table.level]
        return weights[self.level]


_LEVEL_TABLES = (_LevelTable(0), _LevelTable(1), _LevelTable(2))
_PRIMARY_TABLE, _SECONDARY_TABLE, _TERTIARY_TABLE = _LEVEL_TABLES


def sort_key(text: str) -> str:
    """Return a string whose plain ordering is Vietnamese dictionary order of *text*.

    The key is ``primary SEP secondary SEP tertiary SEP text``:

    * primary — letters in Vietnamese alphabet order, ignoring tone and case, so "Ánh"
      files with "Anh" and "Dũng" < "Đại" (d before đ whatever follows);
    * secondary — one tone digit per character, compared only when all letters are equal
      ("Anh" < "Ánh");
    * tertiary — one case digit per character (lower case first);
    * finally the normalised text, so distinct names never collide and sorting is stable
      across runs.

    The separator sorts below every weight character, so a key whose primary is a prefix
    of another's sorts first ("Hà" < "Hải").  Being a ``str``, the key can be stored in a
    SQLite column and ordered with the default BINARY collation.
    """
    # Control characters are ignorable and must not reach the key: they could sort
    # below the separators and break the prefix property person_sort_key relies on.
    clean = nfc(text)
    if _UNUSUAL_RE.search(clean) is None:  # the normal case: fully precomposed text
        levels = (
            clean.translate(_PRIMARY_TABLE),
            clean.translate(_SECONDARY_TABLE),
            clean.translate(_TERTIARY_TABLE),
        )
    else:  # control chars or marks NFC could not compose: weigh cluster by cluster
        clean = _CONTROL_RE.sub("", clean)
        weights = [_cluster_weights(c) for c in _CLUSTER_RE.findall(clean)]
        levels = tuple("".join(w[i] for w in weights) for i in range(3))
    return _LEVEL_SEP.join((*levels, clean))


def person_sort_key(family_middle: str, given: str) -> str:
    """Return a key for Vietnamese roster order: by tên first, then by họ đệm.

    Official lists (danh sách khen thưởng, bảng chấm điểm) are ordered by given name
    because the family name is shared by a large share of the population.  The given
    name's full key comes first, separated by a character below anything in a key, so
    comparing the combined string is the same as comparing the pair.
    """
    return sort_key(given) + _PERSON_SEP + sort_key(family_middle)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


def format_date(d: date) -> str:
    """Format a date as dd/mm/yyyy, the only numeric date format Vietnamese users read."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_date_long(d: date) -> str:
    """Format a date for the heading of an administrative document.

    Nghị định 30/2020/NĐ-CP: days below 10 and months below 3 get a leading zero
    ("ngày 04 tháng 02", but "tháng 7"), which stops anyone from writing a digit in front
    of them afterwards.
    """
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, d: date) -> str:
    """Return the "Địa danh, ngày … tháng … năm …" line of a document heading.

    Without a place the line starts with a capital "Ngày" so it still reads as a sentence.
    """
    place = nfc(place)
    long = format_date_long(d)
    if not place:
        return long[0].upper() + long[1:]
    return f"{place}, {long}"


_DMY_RE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_YMD_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> date:
    """Parse a date typed by a user or read from a spreadsheet.

    Accepts day-first "20/01/2021", "20-01-2021", "20.01.2021", "20/1/2021" and ISO
    "2021-01-20".  Anything else — including impossible dates such as 31/02/1987 — raises
    :class:`ValueError` with a Vietnamese message that can be shown to the user as is.
    """
    raw = text.strip() if isinstance(text, str) else ""
    error = ValueError(f'Ngày không hợp lệ: "{text}"')
    if m := _DMY_RE.fullmatch(raw):
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif m := _YMD_RE.fullmatch(raw):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        raise error
    try:
        return date(year, month, day)
    except ValueError:
        raise error from None


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

Number = int | float | Decimal


def _to_decimal(value: Number) -> Decimal:
    """Convert to Decimal exactly as the value prints (floats via their shortest repr)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        result = Decimal(int(value))
    if not result.is_finite():
        raise ValueError(f'Số không hợp lệ: "{value}"')
    return result


def _group_thousands(digits: str) -> str:
    """Insert "." between groups of three digits, the Vietnamese thousands separator."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def _format_fixed(value: Decimal, places: int, trim: bool) -> str:
    """Round half-up to *places*, optionally trim trailing zeros, and group digits."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    negative = rounded < 0  # a rounded -0.001 is zero: no minus sign
    int_part, _, frac = f"{abs(rounded):f}".partition(".")
    if trim:
        frac = frac.rstrip("0")
    out = _group_thousands(int_part)
    if frac:
        out += "," + frac
    return "-" + out if negative else out


def format_number(value: Number, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: "." groups thousands, "," marks decimals.

    ``decimals=None`` prints integers (and integral floats) without decimals and other
    values with at most two decimals, trailing zeros removed — what tables of scores and
    counts want.  ``decimals=N`` always prints exactly N decimals (rounded half-up, as
    people round by hand, not banker's rounding).
    """
    dec = _to_decimal(value)
    if decimals is None:
        if dec == dec.to_integral_value():
            return _format_fixed(dec, 0, trim=True)
        return _format_fixed(dec, 2, trim=True)
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    return _format_fixed(dec, decimals, trim=False)


def format_percent(value: Number, decimals: int = 1) -> str:
    """Format a percentage ("95,5%", "85%"): rounded to *decimals*, trailing zeros dropped.

    "85,0%" looks like false precision in a report, so zeros after the comma are removed.
    """
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    return _format_fixed(_to_decimal(value), decimals, trim=True) + "%"


_UNIT_SUFFIX_RE = re.compile(r"(?:%|đồng|vnđ|vnd|đ)$", re.IGNORECASE)
_NUMBER_RE = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_SPACES_RE = re.compile(r"\s+")


def parse_number(text: str) -> Decimal:
    """Parse a number written the Vietnamese way (inverse of :func:`format_number`).

    Spaces, a trailing "%" and a trailing "đ"/"đồng"/"VNĐ" are tolerated.  A "." must
    separate thousands in groups of three; "1.5" is rejected rather than guessed at,
    because reading it as 15 or as 1,5 would both silently corrupt a figure.
    """
    raw = nfc(text) if isinstance(text, str) else ""
    s = _SPACES_RE.sub("", raw).replace("\u2212", "-")
    s = _UNIT_SUFFIX_RE.sub("", s)
    m = _NUMBER_RE.fullmatch(s)
    if not m:
        raise ValueError(f'Số không hợp lệ: "{text}"')
    sign, int_part, frac = m.groups()
    literal = int_part.replace(".", "") + ("." + frac if frac else "")
    try:
        result = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        raise ValueError(f'Số không hợp lệ: "{text}"') from None
    return -result if sign == "-" and result else result


def format_vnd(amount: int) -> str:
    """Format an amount of money as written on award decisions: "84.000.000 đồng"."""
    return f"{format_number(amount, 0)} đồng"


# ---------------------------------------------------------------------------
# Money in words
# ---------------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _read_triple(n: int, full: bool, four: str, zero_tens: str) -> list[str]:
    """Read a group 0 < n < 1000.

    *full* is true when a higher group has already been read, so zero hundreds must be
    said ("một triệu không trăm linh năm nghìn").
    """
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append(four)
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGITS[units])
    return words


def _read_below_billion(n: int, full: bool, thousand: str, four: str, zero_tens: str) -> list[str]:
    """Read 0 < n < 10^9 as triệu / nghìn / units groups, skipping groups equal to zero."""
    words: list[str] = []
    groups = ((n // 1_000_000, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, ""))
    for value, scale in groups:
        if value:
            words += _read_triple(value, full, four, zero_tens)
            if scale:
                words.append(scale)
            full = True
    return words


def _read(n: int, full: bool, thousand: str, four: str, zero_tens: str) -> list[str]:
    """Read n > 0; above 10^9 the tỷ part is read recursively ("một nghìn tỷ")."""
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = _read(high, full, thousand, four, zero_tens) + ["tỷ"]
        if low:
            words += _read_below_billion(low, True, thousand, four, zero_tens)
        return words
    return _read_below_billion(n, full, thousand, four, zero_tens)


def money_in_words(
    amount: int,
    *,
    thousand: str = "nghìn",
    four: str = "tư",
    zero_tens: str = "linh",
    currency: str = "đồng",
    exact_suffix: bool = False,
) -> str:
    """Spell out an amount for the "Bằng chữ:" line of award decisions and receipts.

    Follows the usual accounting reading: "mốt"/"tư"/"lăm" after tens of twenty and up,
    "mười" for 10–19, *zero_tens* ("linh" or "lẻ") for a zero tens digit, "không trăm"
    for zero hundreds inside the number, zero groups skipped, and tỷ repeated for larger
    amounts ("nghìn tỷ").  Regional variants are parameters (``thousand="ngàn"``,
    ``four="bốn"``, ``zero_tens="lẻ"``).  ``exact_suffix`` appends "chẵn" ("… đồng chẵn")
    for non-zero amounts, as some accountants require to prevent additions.
    """
    if isinstance(amount, float | Decimal) and amount != int(amount):
        raise ValueError(f'Số tiền phải là số nguyên: "{amount}"')
    n = int(amount)
    if n == 0:
        words = ["không"]
    else:
        words = _read(abs(n), False, thousand, four, zero_tens)
        if n < 0:
            words.insert(0, "âm")
    if currency:
        words.append(currency)
    if exact_suffix and n != 0:
        words.append("chẵn")
    text = " ".join(words)
    return text[0].upper() + text[1:]
