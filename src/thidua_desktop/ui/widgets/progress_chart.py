"""Progress against the registered targets, as bars people read at a glance.

One row per indicator that has a registered figure: a light bar for the phase-1 result and a
dark bar for the year, as a percentage of the registered figure, with the 100% line marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from thidua_desktop.core import vntext

ROW_HEIGHT = 26
LABEL_WIDTH = 300
SCALE_MAX = 150  # percent shown at the right edge; more is drawn as an arrowed bar


@dataclass(frozen=True)
class ProgressBarRow:
    code: str
    name: str
    phase1: Decimal | None  # % of the registered figure
    year: Decimal | None


class ProgressChart(QWidget):
    PHASE1 = QColor("#9cc3e6")
    YEAR = QColor("#1f5f99")
    TARGET = QColor("#b03a2e")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProgressBarRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[ProgressBarRow]) -> None:
        self._rows = list(rows)
        self.setFixedHeight(self.sizeHint().height())
        self.setToolTip(
            "\n".join(
                f"{r.code} {r.name}: "
                + self.tr("phase 1 {p1}, year {year}").format(p1=self._pct(r.phase1), year=self._pct(r.year))
                for r in self._rows
            )
        )
        self.update()

    def rows(self) -> list[ProgressBarRow]:
        return list(self._rows)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 44 + ROW_HEIGHT * max(1, len(self._rows)))

    def _pct(self, value: Decimal | None) -> str:
        return "—" if value is None else vntext.format_percent(value)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_w = min(LABEL_WIDTH, int(self.width() * 0.45))
        left = label_w + 8
        right = self.width() - 70
        span = max(10, right - left)

        def x_of(percent: float) -> float:
            return left + span * min(percent, SCALE_MAX) / SCALE_MAX

        # legend
        painter.fillRect(QRectF(left, 4, 12, 10), self.PHASE1)
        painter.drawText(int(left + 16), 14, self.tr("Phase 1"))
        second = left + 24 + metrics.horizontalAdvance(self.tr("Phase 1"))
        painter.fillRect(QRectF(second, 4, 12, 10), self.YEAR)
        painter.drawText(int(second + 16), 14, self.tr("Year"))
        top = 24
        target_x = x_of(100)
        for i, row in enumerate(self._rows):
            y = top + i * ROW_HEIGHT
            name = metrics.elidedText(f"{row.code} {row.name}", Qt.TextElideMode.ElideRight, label_w)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y, label_w, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)
            for offset, value, color in ((4, row.phase1, self.PHASE1), (13, row.year, self.YEAR)):
                if value is None:
                    continue
                width = x_of(float(value)) - left
                painter.fillRect(QRectF(left, y + offset, max(1.0, width), 8), color)
            value = row.year if row.year is not None else row.phase1
            painter.setPen(self.palette().text().color())
            bold = QFont(self.font())
            bold.setBold(row.year is not None and row.year >= 100)
            painter.setFont(bold)
            painter.drawText(QRectF(right + 6, y, 64, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, self._pct(value))
            painter.setFont(self.font())
        pen = QPen(self.TARGET, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        bottom = top + ROW_HEIGHT * len(self._rows)
        painter.drawLine(int(target_x), top - 4, int(target_x), bottom)
        painter.drawText(int(target_x) - 20, bottom + 12, "100%")
        painter.end()
