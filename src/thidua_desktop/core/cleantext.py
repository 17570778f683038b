"""Hostile text: control characters, terminal escapes, bidirectional overrides, invisible characters.

Names, titles and notes reach the store from the keyboard, from pasted Word text, from Excel
files and from other units' workbooks. Some characters in them are never wanted in a union's
records and are dangerous when printed:

* C0 controls (U+0000–U+001F, U+007F) and C1 controls (U+0080–U+009F), among them ESC, which
  starts terminal escape sequences (``\\x1b[31m`` turns a terminal red, others retitle the
  window or move the cursor over earlier output);
* bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): U+202E
  (right-to-left override) makes "Nguyễn Văn An\\u202eexe.pdf" read as something else;
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF): two names that look the same
  compare unequal and escape the duplicate check.

:func:`clean` removes them (a whole escape sequence, not only its ESC), keeps tab and newline
where a field is multi-line (a single-line field gets a space instead), turns CR LF and the
Unicode line and paragraph separators into newlines, and returns NFC. It changes nothing else:
Vietnamese letters, punctuation and spacing are kept as typed. :func:`removed` tells what kind of
characters went (for import summaries); :func:`terminal_safe` shows a text on a terminal with the
same characters escaped (``\\x1b``, ``\\u202e``), for values written before this cleaning existed.

Standard library only, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BIDI",
    "ZERO_WIDTH",
    "clean",
    "clean_report",
    "describe",
    "has_hostile",
    "removed",
    "terminal_safe",
]

BIDI = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
ZERO_WIDTH = frozenset([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
_C0 = frozenset([*range(0x20), 0x7F])
_C1 = frozenset(range(0x80, 0xA0))
_LINE_BREAKS = frozenset([0x0A, 0x0D, 0x2028, 0x2029, 0x85])  # 0x85 (NEL) is also C1

# ESC-introduced sequences (ECMA-48): CSI "ESC [ params final", OSC/DCS/PM/APC/SOS strings ended by
# BEL or ST, and two-character escapes. Their visible tail ("[31m") is removed with the ESC.
_ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    # OSC, DCS, SOS, PM, APC … BEL or ST, and their 8-bit forms: only when terminated (a stray
    # introducer does not take the rest of a name with it)
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC c, ESC ( B, ESC 7 …)
)

_HOSTILE = _C0 | _C1 | BIDI | ZERO_WIDTH | {0x2028, 0x2029}
_HOSTILE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_HOSTILE)) + "]")

KIND_CONTROL = "control"
KIND_ESCAPE = "escape"
KIND_BIDI = "bidi"
KIND_ZERO_WIDTH = "zero_width"

_KIND_WORDS = {
    KIND_ESCAPE: "chuỗi điều khiển màn hình (ESC)",
    KIND_CONTROL: "ký tự điều khiển",
    KIND_BIDI: "ký tự đảo chiều văn bản",
    KIND_ZERO_WIDTH: "ký tự không hiển thị",
}


def has_hostile(text: str) -> bool:
    """Whether ``text`` holds any character :func:`clean` would remove or change (tab and newline
    included: they are fine only in multi-line fields)."""
    return bool(text) and _HOSTILE_RE.search(text) is not None


def _kind(cp: int) -> str:
    if cp in BIDI:
        return KIND_BIDI
    if cp in ZERO_WIDTH:
        return KIND_ZERO_WIDTH
    return KIND_CONTROL


def clean_report(text: str, *, multiline: bool = False) -> tuple[str, set[str]]:
    """``text`` cleaned (see the module's notes) and the kinds of characters removed.

    Tab and line breaks are not counted as removed: in a single-line field they become a space."""
    if not text:
        return text, set()
    if not _HOSTILE_RE.search(text):
        normal = unicodedata.normalize("NFC", text)
        return normal, set()
    kinds: set[str] = set()
    if "\x1b" in text or any(ch in text for ch in "\x9b\x9d\x90\x98\x9e\x9f"):
        text, count = _ESCAPE_RE.subn("", text)
        if count:
            kinds.add(KIND_ESCAPE)
    text = text.replace("\r\n", "\n")
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp not in _HOSTILE:
            out.append(ch)
        elif cp in _LINE_BREAKS:
            out.append("\n" if multiline else " ")
        elif cp == 0x09:
            out.append("\t" if multiline else " ")
        else:
            kinds.add(_kind(cp))
    return unicodedata.normalize("NFC", "".join(out)), kinds


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` without control, escape, bidirectional and zero-width characters, in NFC."""
    return clean_report(text, multiline=multiline)[0]


def removed(text: str, *, multiline: bool = False) -> set[str]:
    """The kinds of characters :func:`clean` would remove from ``text`` (empty: nothing)."""
    return clean_report(text, multiline=multiline)[1]


def describe(kinds: set[str] | frozenset[str]) -> str:
    """The kinds in Vietnamese, in a fixed order: "ký tự điều khiển, ký tự đảo chiều văn bản"."""
    return ", ".join(word for kind, word in _KIND_WORDS.items() if kind in kinds)


def terminal_safe(text: str) -> str:
    """``text`` for a terminal: control (except newline and tab), bidirectional and zero-width
    characters shown escaped (``\\x1b``, ``\\u202e``), so that nothing stored is ever sent raw."""
    if not text or not _HOSTILE_RE.search(text):
        return text

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        if ch in "\n\t":
            return ch
        cp = ord(ch)
        return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"

    return _HOSTILE_RE.sub(escape, text)
