"""Names that may end up in a path: unit codes and file names, checked or made safe.

Values read from outside (a received workbook's ``_du_lieu`` sheet, a list of units, a file
picked by the user) never reach the file system as they are:

* a **unit code** has one alphabet everywhere (``units add``, the list of units, the unit
  profile, intake): Latin capital letters A–Z, digits, ``-``, ``_`` and ``.``, starting with a
  letter or a digit, not ending with ``.``, at most 40 characters. Small letters are
  upper-cased; Vietnamese letters (Đ, Ă, Ơ…) are refused with the spelling without marks
  suggested, so a code is the same on every computer and in every folder name.
* :func:`safe_file_name` turns any text into one file name that is valid on Windows and on
  Linux: the last component only (``/`` and ``\\`` both separate), no ``<>:"/\\|?*``, no
  control or invisible format characters, no trailing dots or spaces, no leading dots, not a
  reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9), bounded in length with its
  extension kept.
* :func:`is_inside` says whether a path stays inside a folder once resolved (links followed).

Plain Python, no database and no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

UNIT_CODE_MAX = 40
UNIT_CODE_RULE = (
    "chữ cái A–Z không dấu, chữ số 0–9 và các dấu '-', '_', '.'; bắt đầu bằng chữ cái hoặc "
    f"chữ số, không kết thúc bằng dấu '.', tối đa {UNIT_CODE_MAX} ký tự"
)
_UNIT_CODE = re.compile(r"[A-Z0-9](?:[A-Z0-9._-]*[A-Z0-9_-])?")

FILE_NAME_MAX = 120  # characters; also at most FILE_NAME_MAX_BYTES in UTF-8 (Linux counts bytes)
FILE_NAME_MAX_BYTES = 240
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"COM{c}" for c in "123456789¹²³"),
    *(f"LPT{c}" for c in "123456789¹²³"),
}


class UnitCodeError(ValueError):
    """A unit code outside the alphabet; ``message`` is the Vietnamese sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def without_marks(text: str) -> str:
    """Vietnamese text written without its marks (Đ → D, Ă → A …)."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def normalise_unit_code(text: object) -> str:
    """The code as stored: NFC, outer spaces removed, small letters made capital."""
    return unicodedata.normalize("NFC", str(text or "")).strip().upper()


def unit_code_problem(text: object) -> str:
    """Why ``text`` is not a unit code (a Vietnamese sentence), or "" when it is one."""
    code = normalise_unit_code(text)
    given = unicodedata.normalize("NFC", str(text or "")).strip()
    shown = given if len(given) <= 60 else given[:57] + "…"
    shown = "".join(ch if ch.isprintable() else "?" for ch in shown)
    if not code:
        return "Thiếu mã đơn vị."
    if len(code) > UNIT_CODE_MAX:
        return f"Mã đơn vị '{shown}' dài quá {UNIT_CODE_MAX} ký tự."
    if _UNIT_CODE.fullmatch(code):
        return ""
    if any(not ch.isascii() for ch in code) and all(ch.isalnum() or ch in "-_." for ch in code):
        plain = without_marks(code).upper()
        hint = f" (ví dụ '{plain}')" if _UNIT_CODE.fullmatch(plain) else ""
        return (
            f"Mã đơn vị '{shown}' có chữ tiếng Việt có dấu; hãy viết không dấu{hint}. Mã đơn vị chỉ gồm "
            f"{UNIT_CODE_RULE}."
        )
    return f"Mã đơn vị '{shown}' không hợp lệ: mã chỉ gồm {UNIT_CODE_RULE}."


def check_unit_code(text: object, where: str = "") -> str:
    """The normalised code, or :class:`UnitCodeError` (its message prefixed with ``where``)."""
    problem = unit_code_problem(text)
    if problem:
        raise UnitCodeError(where + problem)
    return normalise_unit_code(text)


def is_unit_code(text: object) -> bool:
    return isinstance(text, str) and bool(_UNIT_CODE.fullmatch(text)) and len(text) <= UNIT_CODE_MAX


def _visible(ch: str) -> bool:
    # control (Cc), format — bidi overrides, zero-width (Cf), surrogates left by undecodable
    # names (Cs), private use (Co), unassigned (Cn), line/paragraph separators (Zl, Zp)
    return unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _trim(text: str, max_chars: int, max_bytes: int) -> str:
    text = text[:max_chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def safe_file_name(name: object, default: str = "tep", *, max_length: int = FILE_NAME_MAX) -> str:
    """One file name, valid on Windows and Linux, made from ``name`` (never a path)."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.split(r"[\\/]", text)[-1]  # only the last component, whichever the separator
    text = "".join("_" if ch in _FORBIDDEN else ch for ch in text if _visible(ch))
    text = re.sub(r"\s+", " ", text).strip(" .").lstrip(".")
    if not text or set(text) <= {".", " "}:
        text = default
    stem, dot, suffix = text.rpartition(".")
    if not dot or not stem or len(suffix) > 10 or " " in suffix:
        stem, suffix = text, ""
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    max_bytes = min(FILE_NAME_MAX_BYTES, max_length * 4)
    ending = f".{suffix}" if suffix else ""
    stem = _trim(stem, max(1, max_length - len(ending)), max_bytes - len(ending.encode("utf-8"))).rstrip(" .")
    result = (stem or default) + ending
    return result if result.strip(" .") else default


def is_inside(folder: Path, target: Path) -> bool:
    """True when ``target`` resolves (links followed) to ``folder`` itself or below it."""
    try:
        base = Path(folder).resolve()
        resolved = Path(target).resolve()
    except (OSError, RuntimeError):
        return False
    return resolved == base or base in resolved.parents
