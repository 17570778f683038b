"""A live preview of the heading every document of the union will print.

The heading is document text, so it is Vietnamese whatever the interface language (NĐ 30/2020
Phụ lục I and the union's own two-line header: upper union / issuing CĐCS in bold, short rule,
"Số: …/BC-CĐCS"; national motto on the right; italic place-and-date line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from thidua_desktop.core import vntext

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_LONG_PREFIXES = ("công đoàn cơ sở ",)


@dataclass(frozen=True)
class HeaderLines:
    upper: str
    issuer: str
    number: str
    place_date: str


def abbreviate_unit(name: str) -> str:
    """ "Công đoàn cơ sở Công ty …" → "CĐCS Công ty …" (the abbreviation the header may use)."""
    text = vntext.nfc(name)
    for prefix in _LONG_PREFIXES:
        if text.casefold().startswith(prefix):
            return "CĐCS " + text[len(prefix) :]
    return text


def header_lines(
    name: str, upper_union: str, issuer_code: str, place_name: str, today: date, document_code: str = "BC"
) -> HeaderLines:
    code = vntext.nfc(issuer_code) or "CĐCS"
    return HeaderLines(
        upper=vntext.nfc(upper_union).upper(),
        issuer=abbreviate_unit(name).upper(),
        number=f"Số: …/{document_code}-{code}",
        place_date=vntext.place_date_line(place_name, today),
    )


def _serif(point_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["Times New Roman", "Liberation Serif", "Tinos", "Noto Serif", "DejaVu Serif", "serif"])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _rule(width: int) -> QFrame:
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setFixedSize(width, 1)
    rule.setStyleSheet("background: #1d2430; border: none;")
    return rule


class HeaderPreview(QFrame):
    """White "paper" showing the heading lines as they will print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paper")
        self.setStyleSheet(
            "#paper { background: white; border: 1px solid #d5d9e0; border-radius: 4px; }"
            "#paper QLabel { color: #111; background: transparent; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 14, 18, 14)
        grid.setHorizontalSpacing(24)
        left = QVBoxLayout()
        right = QVBoxLayout()
        for column in (left, right):
            column.setSpacing(2)
            column.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.upper = self._label(_serif(10.5))
        self.issuer = self._label(_serif(10.5, bold=True))
        self.number = self._label(_serif(11))
        left.addWidget(self.upper)
        left.addWidget(self.issuer)
        left.addSpacing(3)
        left.addWidget(_rule(70), 0, Qt.AlignmentFlag.AlignHCenter)
        left.addSpacing(4)
        left.addWidget(self.number)
        national = self._label(_serif(10.5, bold=True))
        national.setText(NATIONAL_NAME)
        motto = self._label(_serif(11, bold=True))
        motto.setText(MOTTO)
        self.place_date = self._label(_serif(11, italic=True))
        right.addWidget(national)
        right.addWidget(motto)
        right.addSpacing(3)
        right.addWidget(_rule(170), 0, Qt.AlignmentFlag.AlignHCenter)
        right.addSpacing(4)
        right.addWidget(self.place_date)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)

    @staticmethod
    def _label(font: QFont) -> QLabel:
        label = QLabel()
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_lines(self, lines: HeaderLines) -> None:
        self.upper.setText(lines.upper or "…")
        self.issuer.setText(lines.issuer or "…")
        self.number.setText(lines.number)
        self.place_date.setText(lines.place_date)
