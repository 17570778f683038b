"""The abbreviations Vietnamese union papers use in title and body names, spelled out for a tooltip
("Giấy khen của Ban Chấp hành CĐCS" → "… Công đoàn cơ sở"), and the initials of a title for a narrow
column ("Lao động tiên tiến" → "LĐTT")."""

from __future__ import annotations

import re

from thidua_desktop.core import vntext

ABBREVIATIONS = {
    "CĐCS": "Công đoàn cơ sở",
    "LĐLĐ": "Liên đoàn Lao động",
    "TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
    "UBND": "Ủy ban nhân dân",
    "BCH": "Ban Chấp hành",
    "LĐTT": "Lao động tiên tiến",
    "CSTĐ": "Chiến sĩ thi đua",
    "LĐST": "Lao động sáng tạo",
    "GVN": "Giỏi việc nước",
    "ĐVN": "Đảm việc nhà",
    "ĐVCĐ": "Đoàn viên công đoàn",
    "CNVCLĐ": "công nhân, viên chức, lao động",
    "TĐKT": "Thi đua, khen thưởng",
}

_WORD = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(k) for k in ABBREVIATIONS), key=len, reverse=True)) + r")(?!\w)"
)


def initials(name: str) -> str:
    """ "Lao động tiên tiến" → "LĐTT": the initials Vietnamese forms use for titles."""
    words = [w for w in vntext.nfc(name).replace(",", " ").replace("“", " ").replace("”", " ").split() if w]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def spell_out(text: str) -> str | None:
    """``text`` with every known abbreviation written in full; None when it holds none."""
    text = vntext.nfc(text)
    if not _WORD.search(text):
        return None
    return _WORD.sub(lambda m: ABBREVIATIONS[m.group(0)], text)


def explained(text: str) -> str:
    """``text`` and, when it holds abbreviations, the same written in full on the next line."""
    full = spell_out(text)
    return f"{text}\n({full})" if full else text
