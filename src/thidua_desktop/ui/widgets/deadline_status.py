"""The words and colours of a deadline's state, and the list of a year's deadlines with its outcome.

The states come from ``services.deadlines`` (``core.deadlines``): a deadline that was met shows
when it was sent, never a count of days; a year that has ended shows its outcome.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui.widgets.timeline import deadline_color

# ``AppContext.data_changed`` topic: something was sent (or recorded as sent); deadlines change
SENDINGS = "sendings"

SENT_ON_TIME = QColor("#1e7b34")
SENT_LATE = QColor("#b26a00")
WAITING = QColor("#1f4e8c")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DeadlineWords(QObject):
    """Translated words for ``core.deadlines`` values (one instance: ``words()``)."""

    def label(self, d, phase_names: dict[int, str] | None = None, last_phase: int | None = None) -> str:
        if d.kind == "registration_due":
            return self.tr("Emulation registration")
        if d.phase_number is not None and d.phase_number == last_phase:
            return self.tr("Year-end report")
        name = (phase_names or {}).get(d.phase_number) or self.tr("Phase {number}").format(number=d.phase_number)
        return self.tr("Review report of {phase}").format(phase=name)

    def state(self, d) -> str:
        when = vntext.format_date(d.sent_on) if d.sent_on else ""
        if d.state == "sent_on_time":
            return self.tr("Sent on {date}, on time").format(date=when)
        if d.state == "sent_late":
            return self.tr("Sent on {date}, {days} days late").format(date=when, days=d.days)
        if d.state == "waiting":
            queued = vntext.format_date(d.queued_on) if d.queued_on else ""
            if d.days:
                return self.tr("Waiting in the outbox since {date}, {days} days overdue").format(
                    date=queued, days=d.days
                )
            return self.tr("Waiting in the outbox since {date}").format(date=queued)
        if d.state == "not_due":
            return self.tr("{days} days left").format(days=d.days)
        if d.state == "due_today":
            return self.tr("Due today, not sent yet")
        if d.state == "missed":
            return self.tr("Not sent; the emulation year has ended")
        return self.tr("{days} days overdue, not sent").format(days=d.days)

    def color(self, d) -> QColor:
        if d.state == "sent_on_time":
            return SENT_ON_TIME
        if d.state == "sent_late":
            return SENT_LATE
        if d.state == "waiting":
            return WAITING
        if d.state == "not_due":
            return deadline_color(d.days)
        if d.state == "due_today":
            return deadline_color(0)
        return deadline_color(-1)

    def due(self, d) -> str:
        return self.tr("due {date}").format(date=vntext.format_date(d.due))

    def stage_line(self, outcome) -> str:
        if outcome.stage == "not_started":
            return self.tr("The emulation year {year} starts on {date} ({days} days from now).").format(
                year=outcome.year, date=vntext.format_date(outcome.starts_on), days=outcome.days_to_start
            )
        if outcome.stage == "ended":
            return self.tr("The emulation year {year} has ended (last milestone {date}). Outcome:").format(
                year=outcome.year, date=vntext.format_date(outcome.ends_on)
            )
        return self.tr("The emulation year {year} is under way (last milestone {date}).").format(
            year=outcome.year, date=vntext.format_date(outcome.ends_on)
        )

    def outcome_heading(self) -> str:
        return self.tr("Outcome:")

    def totals(self, outcome) -> str:
        return self.tr("On time {on_time}/{total}, late {late}, not sent {missing}.").format(
            on_time=len(outcome.on_time),
            total=len(outcome.deadlines),
            late=len(outcome.late),
            missing=len(outcome.never_sent),
        )

    def review_lines(self, review) -> list[str]:
        if review is None:
            return []
        lines = [
            self.tr("Review meeting held on {date}.").format(date=vntext.format_date(review.meeting_on))
            if review.meeting_on
            else self.tr("No review meeting recorded.")
        ]
        if review.proposals:
            lines.append(
                self.tr("Commendation proposals: {count} lines, {decided} decided.").format(
                    count=review.proposals, decided=review.decided
                )
            )
        else:
            lines.append(self.tr("No commendation proposal list yet."))
        return lines


_WORDS: DeadlineWords | None = None


def words() -> DeadlineWords:
    global _WORDS
    if _WORDS is None:
        _WORDS = DeadlineWords()
    return _WORDS


def deadline_line(d, phase_names: dict[int, str], last_phase: int | None) -> str:
    """One deadline as rich text: its name, due date and state in its colour."""
    w = words()
    return (
        f"<b>{escape(w.label(d, phase_names, last_phase))}</b> ({escape(w.due(d))}) — "
        f'<span style="color:{w.color(d).name()}">{escape(w.state(d))}</span>'
    )


def outcome_html(found, *, headline: bool = True) -> str:
    """The year's stage, each deadline's state and, once the year has ended, the totals and the review.
    Without ``headline`` an ended year starts with just "Outcome:" (the page says it has ended)."""
    w = words()
    outcome = found.outcome
    names = {p.number: p.name for p in found.phases}
    last = found.phases[-1].number if found.phases else None
    if headline or outcome.stage != "ended":
        parts = [escape(w.stage_line(outcome))]
    else:
        parts = [escape(w.outcome_heading())]
    parts += [deadline_line(d, names, last) for d in outcome.deadlines]
    if outcome.stage == "ended":
        parts.append(escape(w.totals(outcome)))
        parts += [escape(line) for line in w.review_lines(outcome.review)]
    return "<br>".join(parts)


class DeadlineList(QLabel):
    """Every deadline of the year with its state; the outcome once the year has ended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.found = None

    def set_deadlines(self, found) -> None:
        self.found = found
        self.setText(outcome_html(found) if found is not None else "")

    def clear(self) -> None:
        self.found = None
        super().clear()
