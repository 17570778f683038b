"""The year on one line: months, the phases as bars, deadlines, lock dates and today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from thidua_desktop.core import timeline as tl
from thidua_desktop.core import vntext
from thidua_desktop.ui import labels

PAST_DUE = QColor("#c0392b")
SOON = QColor("#d35400")
UPCOMING = QColor("#1f5fa8")
DONE = QColor("#8a8f98")
TODAY = QColor("#c0392b")
SOON_DAYS = 7

_PHASE_FILLS = (("#dbe8f7", "#6f9fd8"), ("#dcefe3", "#6fb58a"), ("#f6ead7", "#d4a45f"), ("#eadcf3", "#a987c4"))


def deadline_color(days: int) -> QColor:
    """Colour of a deadline ``days`` away: red once passed, orange within a week, else blue."""
    if days < 0:
        return PAST_DUE
    if days <= SOON_DAYS:
        return SOON
    return UPCOMING


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        line = QFontMetrics(self.font()).height()
        self.setFixedHeight(5 * line + 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._year: int | None = None
        self._phases: list[tl.PhaseInput] = []
        self._events: list[tl.TimelineEvent] = []
        self._today = date.today()
        self._markers: list[tuple[float, str]] = []  # x, tooltip
        self._states: dict[tuple[str, int | None], tuple[str, QColor]] = {}  # deadline → words, colour

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(820, self.height())

    def set_data(
        self, year: int, phases: Sequence[tl.PhaseInput], events: Sequence[tl.TimelineEvent], today: date
    ) -> None:
        if year != self._year or today != self._today:
            self._states = {}
        self._year = year
        self._phases = sorted(phases, key=lambda p: p.start)
        self._events = list(events)
        self._today = today
        self.update()

    def clear(self) -> None:
        self._year = None
        self._phases = []
        self._events = []
        self._states = {}
        self.update()

    def set_states(self, states: dict[tuple[str, int | None], tuple[str, QColor]]) -> None:
        """What became of each deadline ((kind, phase number) → words, colour), instead of its countdown."""
        self._states = dict(states)
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def _span(self) -> tuple[date, date]:
        assert self._year is not None
        start = date(self._year, 1, 1)
        end = date(self._year, 12, 31)
        latest = max((e.when for e in self._events), default=end)
        if latest > end:  # reports and locks of the last phase fall in January
            end = min(latest + timedelta(days=6), date(self._year + 1, 3, 31))
        return start, end

    def _x(self, day: date, left: float, width: float, start: date, end: date) -> float:
        total = (end - start).days + 1
        return left + width * ((day - start).days + 0.5) / total

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(12, 6, -12, -6)
        painter.fillRect(self.rect(), self.palette().base())
        if self._year is None:
            painter.end()
            return
        start, end = self._span()
        left, width = float(rect.left()), float(rect.width())
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 7))
        bold_small = QFont(small)
        bold_small.setBold(True)
        fm_small = QFontMetrics(small)
        line = fm_small.height()

        label_top = rect.top()
        band_top = label_top + line + 10
        band_h = line + 6
        bars_top = band_top + band_h + 8
        bars_h = line + 10
        bottom_labels = bars_top + bars_h + 6

        # months
        locale = QLocale()
        month = date(start.year, start.month, 1)
        shade = False
        while month <= end:
            nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
            x0 = self._x(max(month, start), left, width, start, end) - 0.5 * width / ((end - start).days + 1)
            x1 = self._x(min(nxt - timedelta(days=1), end), left, width, start, end) + 0.5 * width / (
                (end - start).days + 1
            )
            band = QRectF(x0, band_top, x1 - x0, band_h)
            outside = month.year != self._year
            fill = QColor("#f1f3f6") if shade else QColor("#e7eaef")
            if outside:
                fill = QColor("#fafafa")
            painter.fillRect(band, fill)
            painter.setFont(small)
            painter.setPen(QColor("#8a8f98") if outside else QColor("#3c4452"))
            name = locale.standaloneMonthName(month.month, QLocale.FormatType.ShortFormat)
            if outside:
                name = f"{month.month:02d}/{month.year}"
            if fm_small.horizontalAdvance(name) + 4 > band.width():
                name = f"{month.month:02d}/{month.year % 100:02d}" if outside else str(month.month)
            if fm_small.horizontalAdvance(name) + 2 > band.width():
                name = ""
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, name)
            shade = not shade
            month = nxt

        # phases
        for number, phase in enumerate(self._phases):
            fill, border = _PHASE_FILLS[number % len(_PHASE_FILLS)]
            x0 = self._x(max(phase.start, start), left, width, start, end)
            x1 = self._x(min(phase.end, end), left, width, start, end)
            bar = QRectF(x0, bars_top, max(x1 - x0, 4), bars_h)
            current = phase.start <= self._today <= phase.end
            path = QPainterPath()
            path.addRoundedRect(bar, 5, 5)
            painter.fillPath(path, QColor(fill))
            painter.setPen(QPen(QColor(border), 2 if current else 1))
            painter.drawPath(path)
            painter.setFont(bold_small if current else small)
            painter.setPen(QColor("#1d2430"))
            text = (
                f"{phase.name or phase.number}: {vntext.format_date(phase.start)[:5]} – "
                f"{vntext.format_date(phase.end)[:5]}"
            )
            text = QFontMetrics(painter.font()).elidedText(text, Qt.TextElideMode.ElideRight, int(bar.width()) - 10)
            painter.drawText(
                bar.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )

        # events: deadlines above the band, lock dates below the bars
        self._markers = []
        taken_top: list[tuple[float, float]] = []
        taken_bottom: list[tuple[float, float]] = []
        for event in self._events:
            if event.kind not in tl.DEADLINE_KINDS and event.kind != "lock":
                continue
            if not start <= event.when <= end:
                continue
            x = self._x(event.when, left, width, start, end)
            days = tl.days_left(event, self._today)
            state = self._states.get((event.kind, event.phase_number))  # sent on time / late, …
            tip = (
                f"{labels.event_label(event, self._phase_name(event), self._year, last_phase=self._is_last(event))}"
                f"\n{vntext.format_date(event.when)} — {state[0] if state else labels.days_left(days)}"
            )
            self._markers.append((x, tip))
            text = vntext.format_date(event.when)[:5]
            if event.kind in tl.DEADLINE_KINDS:
                color = state[1] if state else deadline_color(days)
                painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, label_top + line + 2), QPointF(x, bars_top - 1))
                diamond = QPolygonF(
                    [
                        QPointF(x, label_top + line - 2),
                        QPointF(x + 5, label_top + line + 3),
                        QPointF(x, label_top + line + 8),
                        QPointF(x - 5, label_top + line + 3),
                    ]
                )
                painter.setBrush(color)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPolygon(diamond)
                painter.setFont(bold_small)
                painter.setPen(color)
                self._draw_label(painter, x, label_top, text, taken_top, line, left, left + width)
            else:
                painter.setPen(QPen(DONE, 1))
                painter.drawLine(QPointF(x, bars_top + bars_h + 1), QPointF(x, bottom_labels + 2))
                painter.setFont(small)
                painter.setPen(DONE)
                self._draw_label(painter, x, bottom_labels + 2, text, taken_bottom, line, left, left + width)

        # today
        if start <= self._today <= end:
            x = self._x(self._today, left, width, start, end)
            painter.setPen(QPen(TODAY, 2))
            painter.drawLine(QPointF(x, band_top - 2), QPointF(x, bars_top + bars_h + 4))
            painter.setFont(bold_small)
            caption = self.tr("Today")
            self._markers.append((x, f"{caption}: {vntext.format_date(self._today)}"))
            w = fm_small.horizontalAdvance(caption) + 8
            box = QRectF(min(max(x - w / 2, left), left + width - w), bars_top + bars_h + 4 + line + 4, w, line + 2)
            painter.fillRect(box, TODAY)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, caption)
        painter.end()

    def _draw_label(
        self,
        painter: QPainter,
        x: float,
        top: float,
        text: str,
        taken: list[tuple[float, float]],
        line: int,
        min_x: float,
        max_x: float,
    ) -> None:
        w = QFontMetrics(painter.font()).horizontalAdvance(text) + 4
        x0 = min(max(x - w / 2, min_x), max_x - w)
        if any(not (x0 + w <= a or x0 >= b) for a, b in taken):
            return  # would overlap a neighbour: the tooltip still tells
        taken.append((x0, x0 + w))
        painter.drawText(QRectF(x0, top, w, line), Qt.AlignmentFlag.AlignCenter, text)

    def _phase_name(self, event: tl.TimelineEvent) -> str | None:
        for phase in self._phases:
            if phase.number == event.phase_number:
                return phase.name or str(phase.number)
        return None

    def _is_last(self, event: tl.TimelineEvent) -> bool:
        return bool(self._phases) and event.phase_number == self._phases[-1].number

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        x = event.position().x()
        near = [m for m in self._markers if abs(m[0] - x) <= 6]
        if near:
            QToolTip.showText(event.globalPosition().toPoint(), "\n\n".join(tip for _x, tip in near), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
