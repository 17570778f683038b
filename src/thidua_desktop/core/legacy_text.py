"""Convert Vietnamese text typed in the legacy TCVN3 (ABC) and VNI-Windows fonts to Unicode.

Why this module exists
----------------------
Rosters that HR departments have kept for years were typed before Unicode was common, in
8-bit "font encodings": the text is stored as ordinary Western (cp1252 / Latin-1)
characters and only the font draws them as Vietnamese letters.  A spreadsheet reader
therefore hands us ``"NguyÔn V¨n An"`` (TCVN3) or ``"Nguyeãn Vaên An"`` (VNI); this module
turns such text into ``"Nguyễn Văn An"``.

The two encodings
-----------------
* **TCVN3 / ABC** (TCVN 5712:1993, the "VN3" subset; fonts ``.VnTime``, ``.VnArial``,
  ``.VnArial Narrow`` …).  One byte per letter.  The 0xA1–0xFE range holds the 67 lower-case
  letters with diacritics plus the seven capitals without tone (Ă Â Ê Ô Ơ Ư Đ).  Capitals
  *with* a tone do not exist in this table: they are typed in the matching "H" font
  (``.VnTimeH``, ``.VnArialH``) in which the very same bytes — and the plain ASCII letters —
  are drawn as capitals.  Hence :func:`font_encoding` reports ``"tcvn3_upper"`` for H fonts,
  and :func:`to_unicode` upper-cases the converted text for them.
* **VNI Windows** (fonts ``VNI-Times``, ``VNI-Helve``, ``VNI-Arial`` …).  A vowel with
  diacritics is the ASCII base letter followed by one "mark" byte (``"aù"`` = á, ``"eã"`` =
  ễ, ``"oâ"`` = ô); ơ and ư are single bytes (``ô``, ``ö``) that can themselves take a tone
  mark (``"öø"`` = ừ); i with a tone and ỵ are single bytes (``í ì æ ó ò``, ``î``); đ/Đ
  are ``ñ``/``Ñ``.  The mark byte has the case of its letter (``"AÙ"`` = Á); a mark of the
  other case is accepted too, since hand-edited files mix them.

Only the Latin-1 meaning of each byte is mapped: BIFF8 (.xls) stores such strings as
Latin-1 and Excel/LibreOffice keep the same code points in .xlsx/.ods, so no other
reading of the bytes occurs in practice.

:func:`guess_encoding` decides, without a font name, whether a set of strings is legacy
text; its heuristic is documented there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

__all__ = [
    "Encoding",
    "ENCODINGS",
    "font_encoding",
    "to_unicode",
    "guess_encoding",
    "is_unicode_vietnamese",
    "reads_better",
    "syllable_score",
]

Encoding = Literal["tcvn3", "tcvn3_upper", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "tcvn3_upper", "vni")

# ---------------------------------------------------------------------------
# Font names
# ---------------------------------------------------------------------------


def font_encoding(font_name: str | None) -> Encoding | None:
    """Tell which legacy encoding a font name implies, or ``None`` for a Unicode font.

    ``.VnTime`` / ``.VnArial`` … → ``"tcvn3"``; the same names ending in ``H``
    (``.VnTimeH``, ``.VnArial NarrowH``) → ``"tcvn3_upper"``; ``VNI-Times``, ``VNI-Helve``
    … → ``"vni"``.  Every ABC font name starts with ``.Vn`` and every VNI font with
    ``VNI-`` (some tools drop the hyphen or use a space), so the prefix decides.
    """
    if not font_name:
        return None
    name = font_name.strip()
    lower = name.lower()
    if lower.startswith(".vn"):
        return "tcvn3_upper" if name.endswith("H") else "tcvn3"
    if lower.startswith("vni") and (len(lower) == 3 or lower[3] in "- _"):
        return "vni"
    return None


# ---------------------------------------------------------------------------
# TCVN3 (ABC)
# ---------------------------------------------------------------------------

# Each line: a Unicode letter and the Latin-1 character that stands for it in .VnTime.
# Grouped by vowel in the order: no tone, huyền, sắc, hỏi, ngã, nặng.
_TCVN3_PAIRS = """
a a à \xb5 á \xb8 ả \xb6 ã \xb7 ạ \xb9
ă \xa8 ằ \xbb ắ \xbe ẳ \xbc ẵ \xbd ặ \xc6
â \xa9 ầ \xc7 ấ \xca ẩ \xc8 ẫ \xc9 ậ \xcb
e e è \xcc é \xd0 ẻ \xce ẽ \xcf ẹ \xd1
ê \xaa ề \xd2 ế \xd5 ể \xd3 ễ \xd4 ệ \xd6
i i ì \xd7 í \xdd ỉ \xd8 ĩ \xdc ị \xde
o o ò \xdf ó \xe3 ỏ \xe1 õ \xe2 ọ \xe4
ô \xab ồ \xe5 ố \xe8 ổ \xe6 ỗ \xe7 ộ \xe9
ơ \xac ờ \xea ớ \xed ở \xeb ỡ \xec ợ \xee
u u ù \xef ú \xf3 ủ \xf1 ũ \xf2 ụ \xf4
ư \xad ừ \xf5 ứ \xf8 ử \xf6 ữ \xf7 ự \xf9
y y ỳ \xfa ý \xfd ỷ \xfb ỹ \xfc ỵ \xfe
đ \xae Đ \xa7 Ă \xa1 Â \xa2 Ê \xa3 Ô \xa4 Ơ \xa5 Ư \xa6
"""


def _tcvn3_table() -> dict[int, str]:
    tokens = _TCVN3_PAIRS.split()
    table: dict[int, str] = {}
    for uni, legacy in zip(tokens[0::2], tokens[1::2], strict=True):
        if uni != legacy:
            table[ord(legacy)] = uni
    return table


# str.translate table: Latin-1 character as typed in .VnTime → Unicode letter.
TCVN3_TABLE: dict[int, str] = _tcvn3_table()

# ---------------------------------------------------------------------------
# VNI Windows
# ---------------------------------------------------------------------------

# Tone mark bytes (lower-case form; the capital form is .upper()): sắc, huyền, hỏi, ngã, nặng.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# Circumflex with a tone (on a, e, o) and breve with a tone (on a only).
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Single bytes that are whole letters.
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_tables() -> tuple[dict[str, str], dict[int, str]]:
    """Build the two-character table (base + mark) and the single-character table."""
    pairs: dict[str, str] = {}
    for lower_base in "aeouyôö":
        for upper in (False, True):
            base_char = lower_base.upper() if upper else lower_base
            letter = _VNI_SINGLE.get(lower_base, lower_base)
            letter = letter.upper() if upper else letter
            marks: dict[str, str] = dict(_VNI_TONES)
            if lower_base == "y":
                marks.pop("ï")  # ỵ is its own byte (î); "yï" is accepted below as a variant
            for mark, tone in marks.items():
                for mark_char in (mark, mark.upper()):
                    pairs[base_char + mark_char] = _compose(letter, tone)
            if lower_base == "y":
                for mark_char in ("ï", "Ï"):
                    pairs[base_char + mark_char] = _compose(letter, "\u0323")
            if lower_base in "aeo":
                for mark, tone in _VNI_CIRCUMFLEX.items():
                    for mark_char in (mark, mark.upper()):
                        pairs[base_char + mark_char] = _compose(letter, "\u0302", tone)
            if lower_base == "a":
                for mark, tone in _VNI_BREVE.items():
                    for mark_char in (mark, mark.upper()):
                        pairs[base_char + mark_char] = _compose(letter, "\u0306", tone)
    single: dict[int, str] = {}
    for legacy, uni in _VNI_SINGLE.items():
        single[ord(legacy)] = uni
        single[ord(legacy.upper())] = uni.upper()
    return pairs, single


VNI_PAIRS, VNI_SINGLE_TABLE = _vni_tables()
# One pass over the text: a pair wins over a single byte at the same position, and a letter
# produced by a pair is never looked at again (a pair may yield "ô", itself a VNI byte).
_VNI_MAP: dict[str, str] = {chr(k): v for k, v in VNI_SINGLE_TABLE.items()} | VNI_PAIRS
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_MAP), key=len, reverse=True)))

# ---------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------


def to_unicode(text: str, encoding: Encoding | None) -> str:
    """Convert *text* read from a cell in a legacy font to Unicode (NFC).

    ``encoding=None`` only normalises to NFC, so callers can pass whatever
    :func:`font_encoding` returned.  Characters outside the encoding's table are kept
    unchanged.  Whitespace is not touched (use ``vntext.nfc`` to trim it).
    """
    if encoding is None:
        return unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        out = text.translate(TCVN3_TABLE)
    elif encoding == "tcvn3_upper":
        out = text.translate(TCVN3_TABLE).upper()
    elif encoding == "vni":
        out = _VNI_RE.sub(lambda m: _VNI_MAP[m.group(0)], text)
    else:  # pragma: no cover - guarded by the type
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    return unicodedata.normalize("NFC", out)


# ---------------------------------------------------------------------------
# Guessing
# ---------------------------------------------------------------------------

# Vietnamese letters that are not in Latin-1 (ă đ ĩ ũ ơ ư and the whole U+1EA0 block) plus
# the combining marks of NFD text.  Legacy text read as Latin-1 can never contain them.
_UNICODE_VI_RE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                            "\u1ea0-\u1ef9\u0300-\u0303\u0306\u0309\u031b\u0323]")  # fmt: skip


def is_unicode_vietnamese(text: str) -> bool:
    """True when *text* contains a Vietnamese letter (or mark) that only Unicode has.

    Such text cannot be TCVN3/VNI read as Latin-1, so it must not be converted even when
    its cell is formatted in a legacy font (someone typed Unicode into an old template).
    """
    return _UNICODE_VI_RE.search(text) is not None


_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")  # fmt: skip
_NUCLEI = (  # vowel nuclei without tone, glides included
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
    "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
    "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uêu",
)  # fmt: skip
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
_SYLLABLE_RE = re.compile(
    "(?:{})(?:{})(?:{})".format(
        "|".join(sorted(_ONSETS, key=len, reverse=True)),
        "|".join(sorted(_NUCLEI, key=len, reverse=True)),
        "|".join(sorted(_CODAS, key=len, reverse=True)),
    )
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD_RE = re.compile(r"[^\s\d,;:.!?()\[\]/\\\-–—\"'“”]+")


def _is_syllable(word: str) -> bool:
    """True when *word* (one token, any case) reads as one Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE_RE.fullmatch(bare) is not None


def syllable_score(text: str) -> int:
    """Score how Vietnamese *text* reads: +1 per non-ASCII word that is a valid syllable,
    −1 per non-ASCII word that is not.  ASCII-only words score nothing (they read the
    same in every encoding)."""
    score = 0
    for word in _WORD_RE.findall(text):
        if word.isascii():
            continue
        score += 1 if _is_syllable(word) else -1
    return score


def reads_better(text: str, encoding: Encoding) -> bool:
    """True when *text* reads as more Vietnamese after conversion from *encoding*.

    The per-cell guard for columns whose encoding was only guessed: a cell is converted
    when it holds no Unicode-only Vietnamese letter and its converted form scores higher
    (:func:`syllable_score`) than the text as it is.  Unicode cells in a mostly legacy
    column therefore stay as they are, ties included ("Công nhân" reads as Vietnamese
    both ways and is kept).
    """
    if text.isascii() or is_unicode_vietnamese(text):
        return False
    return syllable_score(to_unicode(text, encoding)) > syllable_score(text)


def guess_encoding(texts: Iterable[str], *, sample: int = 400) -> Encoding | None:
    """Guess whether *texts* (e.g. the cells of one column) are TCVN3 or VNI text.

    Used when no font name is known.  The heuristic, applied to each text that contains a
    non-ASCII character (at most *sample* of them; ASCII reads the same in every
    encoding, so plain English or unaccented text never votes):

    1. A text holding a Unicode-only Vietnamese letter (ă, đ, ơ, ư, ế, …, or a combining
       mark of NFD text) is genuine Unicode: it votes for no conversion.
    2. Otherwise the text is read three ways — as it is, as TCVN3 and as VNI — and each
       reading gets :func:`syllable_score` (+1 per non-ASCII word that is a well-formed
       Vietnamese syllable: onset, nucleus, coda, at most one tone; −1 per word that is
       not).  A legacy reading wins the text only when it scores *strictly* higher than
       the text as it is and than the other legacy reading.  Genuine Unicode made only of
       Latin-1 letters ("Công nhân", whose TCVN3 reading "Cụng nhõn" is also
       well-formed) is a tie and never votes for a conversion.
    3. The legacy encoding with more votes is returned when it has at least one vote and
       more than twice as many as the other one.  Texts voting Unicode do not veto it: a
       column can mix old legacy rows with rows typed later in Unicode, and the caller
       converts cell by cell with :func:`reads_better`, which leaves Unicode cells alone.

    TCVN3 whose words are (nearly) all in ASCII capitals (typed in a ``.VnTimeH`` font, e.g.
    ``"NGUYÔN V¡N AN"``; words with fewer than two ASCII letters say nothing) is reported as
    ``"tcvn3_upper"``.  Lower-case text typed in
    an H font cannot be told from ``.VnTime`` text and comes back as ``"tcvn3"``.
    """
    votes = {"tcvn3": 0, "vni": 0}
    caps_words = mixed_words = 0
    examined = 0
    for text in texts:
        if not isinstance(text, str) or text.isascii():
            continue
        examined += 1
        if examined > sample:
            break
        if is_unicode_vietnamese(text):
            continue
        as_is = syllable_score(text)
        tcvn = syllable_score(to_unicode(text, "tcvn3"))
        vni = syllable_score(to_unicode(text, "vni"))
        if tcvn > as_is and tcvn > vni:
            votes["tcvn3"] += 1
            for word in text.split():
                ascii_letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
                if any(ch.islower() for ch in ascii_letters):
                    mixed_words += 1
                elif len(ascii_letters) >= 2:
                    caps_words += 1
        elif vni > as_is and vni > tcvn:
            votes["vni"] += 1
    if votes["tcvn3"] > 2 * votes["vni"]:
        if caps_words and mixed_words * 10 <= caps_words:
            return "tcvn3_upper"
        return "tcvn3"
    if votes["vni"] > 2 * votes["tcvn3"]:
        return "vni"
    return None
