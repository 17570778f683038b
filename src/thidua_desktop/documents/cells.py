"""How a cell value reads on paper (the PDF); the workbook keeps the value itself."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from thidua_desktop.core import cleantext, vntext
from thidua_desktop.documents.layout import CellKind, CellValue, Num

NUMERIC_KINDS = frozenset({"int", "number", "money", "percent", "yesno"})


def nfc(text: str) -> str:
    """NFC without touching the line breaks (``vntext.nfc`` also collapses whitespace), and without
    the control, escape, bidi and zero-width characters a value from an older database may hold."""
    if text and cleantext.has_hostile(text):
        return cleantext.clean(text, multiline=True)
    return unicodedata.normalize("NFC", text or "")


def unwrap(value: CellValue, column_kind: CellKind) -> tuple[object, CellKind]:
    """The bare value and its kind (a :class:`Num` overrides the column's kind)."""
    if isinstance(value, Num):
        return value.value, value.kind
    return value, column_kind


def as_text(value: CellValue, column_kind: CellKind = "text") -> str:
    raw, kind = unwrap(value, column_kind)
    if raw is None or raw == "":
        return ""
    if isinstance(raw, str):
        return nfc(raw).strip()
    if isinstance(raw, datetime):
        return vntext.format_date(raw.date())
    if isinstance(raw, date):
        return vntext.format_date(raw)
    if isinstance(raw, bool):
        return "Có" if raw else "Không"
    if kind == "yesno":
        return "Có" if raw else "Không"
    if kind == "percent":
        return vntext.format_percent(raw, 1)
    if kind in ("int", "money"):
        return vntext.format_number(raw, 0)
    return vntext.format_number(raw)
