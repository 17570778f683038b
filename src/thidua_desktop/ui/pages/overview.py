"""Tổng quan: the year at a glance — plan, timeline, what is due next, the roster in numbers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import deadlines as dl
from thidua_desktop.core import timeline as tl
from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import deadlines as deadlines_ops
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.pages.base import Page, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.widgets import deadline_status as ds
from thidua_desktop.ui.widgets.progress_chart import ProgressChart
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table
from thidua_desktop.ui.widgets.timeline import DONE, TimelineWidget, deadline_color

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.dto import YearOverview


class CountTile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid #d5d9e0; border-radius: 6px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(0)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet("color: #1f4e8c;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #4a5260;")
        box.addWidget(self.value)
        box.addWidget(self.caption)

    def set_value(self, value: int | None) -> None:
        self.value.setText(vntext.format_number(value) if value is not None else "–")


class RegistrationCard(QFrame):
    """How far the year's registration is: deadline, people, collective, checks."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regCard")
        self.setStyleSheet("#regCard { background: palette(base); border: 1px solid #d5d9e0; border-radius: 6px; }")
        self.title = subheading(self.tr("Emulation registration"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat(self.tr("%p% complete"))
        self.bar.setFixedHeight(20)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("Open the registration")
        )
        self.button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 12, 14, 12)
        box.setSpacing(6)
        box.addWidget(self.title)
        box.addWidget(self.due)
        box.addWidget(self.bar)
        box.addWidget(self.lines)
        box.addLayout(buttons)
        self.deadline = None  # core.deadlines.Deadline of the registration, once read
        self._shown: tuple | None = None

    def set_deadline(self, deadline) -> None:
        """The registration's sending (sent on time / late, overdue): shown instead of a countdown."""
        self.deadline = deadline
        if self._shown is not None:
            self.set_progress(*self._shown)

    def set_progress(self, progress, today: date) -> None:
        self._shown = (progress, today)
        self.title.setText(self.tr("Emulation registration {year}").format(year=progress.year))
        self.bar.setValue(progress.percent)
        known = self.deadline if self.deadline is not None and self.deadline.due == progress.registration_due else None
        if known is not None:
            self.due.setText(
                self.tr("Due {date} — {left}").format(
                    date=vntext.format_date(progress.registration_due), left=ds.words().state(known)
                )
            )
            self.due.setStyleSheet(f"color: {ds.words().color(known).name()}; font-weight: bold;")
        elif progress.registration_due is not None:
            days = (progress.registration_due - today).days
            color = deadline_color(days).name() if progress.percent < 100 and days <= 7 else "#1d2430"
            self.due.setText(
                self.tr("Due {date} — {left}").format(
                    date=vntext.format_date(progress.registration_due), left=labels.days_left(days)
                )
            )
            self.due.setStyleSheet(f"color: {color}; font-weight: bold;")
        else:
            self.due.setText(self.tr("No registration deadline in the plan."))
            self.due.setStyleSheet("")
        collective = self.tr("saved") if progress.collective_saved else self.tr("not saved yet")
        lines = [
            _escape(
                self.tr("People registered: {people} / {total}").format(
                    people=vntext.format_number(progress.people_registered),
                    total=vntext.format_number(progress.people_total),
                )
            ),
            _escape(self.tr("Collective registration: {state}").format(state=collective)),
            _escape(
                self.tr("Indicators registered: {figures} / {total}").format(
                    figures=progress.figures_registered, total=progress.figures_total
                )
            ),
        ]
        checks = self.tr("Checks: {errors} errors, {warnings} warnings").format(
            errors=progress.errors, warnings=progress.warnings
        )
        if progress.errors:
            lines.append(f'<span style="color:#a61b1b">{_escape(checks)}</span>')
        elif progress.warnings:
            lines.append(f'<span style="color:#b26a00">{_escape(checks)}</span>')
        else:
            lines.append(_escape(checks))
        self.lines.setText("<br>".join(lines))


class ReportsCard(QFrame):
    """Each report of the year: due date and lock date (two dates), state, what is still missing."""

    STATES = {"draft": "draft", "complete": "complete", "sent": "sent"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repCard")
        self.setStyleSheet("#repCard { background: palette(base); border: 1px solid #d5d9e0; border-radius: 6px; }")
        self.title = subheading(self.tr("Phase reports"))
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 12, 14, 12)
        box.setSpacing(6)
        box.addWidget(self.title)
        box.addWidget(self.body)
        self.deadlines = None  # services.deadlines.YearDeadlines, once read
        self._shown: tuple | None = None

    def set_deadlines(self, found) -> None:
        """Each report's sending (sent on time / late, overdue): shown instead of a countdown."""
        self.deadlines = found
        if self._shown is not None:
            self.set_reports(*self._shown)

    def state_text(self, status: str | None, version: int | None) -> str:
        if status is None:
            return self.tr("not drafted yet")
        names = {"draft": self.tr("draft"), "complete": self.tr("complete"), "sent": self.tr("sent")}
        return self.tr("{state}, version {version}").format(state=names.get(status, status), version=version or 1)

    def set_reports(self, reports, today: date) -> None:
        self._shown = (reports, today)
        blocks = []
        for r in reports:
            done = r.status == "sent"
            color = "#1d2430" if done else deadline_color(r.days_left).name() if r.days_left <= 7 else "#1d2430"
            left = self.tr("sent") if done else labels.days_left(r.days_left)
            known = self.deadlines.report(r.phase_number) if self.deadlines is not None else None
            if known is not None and known.due == r.due:
                left, color = ds.words().state(known), ds.words().color(known).name()
            head = (
                f'<b>{_escape(r.label)}</b> — <span style="color:{color}">'
                + _escape(
                    self.tr("due {due} ({left}), figures locked {lock}").format(
                        due=vntext.format_date(r.due), left=left, lock=vntext.format_date(r.lock_date)
                    )
                )
                + "</span><br>"
                + _escape(self.tr("State: {state}").format(state=self.state_text(r.status, r.version)))
            )
            if r.missing and not done:
                head += (
                    "<br>"
                    + _escape(self.tr("Still missing:"))
                    + "<ul style='margin:0'>"
                    + "".join(f"<li>{_escape(item)}</li>" for item in r.missing[:6])
                    + "</ul>"
                )
                if len(r.missing) > 6:
                    head += _escape(self.tr("… and {n} more").format(n=len(r.missing) - 6))
            blocks.append(head)
        self.body.setText("<br>".join(blocks) if blocks else _escape(self.tr("No phases in this year.")))


class FirstStepsCard(QFrame):
    """The next steps of a new unit, each with a button that goes there; hidden once all are done."""

    step_requested = Signal(str)  # services.first_steps: "roster" | "plan" | "registration" | "mail"

    KEYS = ("roster", "plan", "registration", "mail")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideCard")
        self.setStyleSheet("#guideCard { background: #f3f8ff; border: 1px solid #9fbde6; border-radius: 6px; }")
        self.titles = {
            "roster": self.tr("Import the list of union members"),
            "plan": self.tr("Import the upper union's plan"),
            "registration": self.tr("Register for the emulation"),
            "mail": self.tr("Set up sending mail"),
        }
        self.hints = {
            "roster": self.tr("From the Excel file HR keeps: the app finds the header and reads old fonts."),
            "plan": self.tr("The plan package the upper union sent (or the built-in plan), with the year's dates."),
            "registration": self.tr("The collective's titles and targets, then each person's title."),
            "mail": self.tr("The mail server the reports are sent up through (Gmail, Outlook, Yahoo or your own)."),
        }
        button_texts = {
            "roster": self.tr("Import the list…"),
            "plan": self.tr("Import the plan…"),
            "registration": self.tr("Open the registration"),
            "mail": self.tr("Set up sending mail…"),
        }
        self.heading = subheading(self.tr("Getting started"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.marks: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, key in enumerate(self.KEYS):
            mark = QLabel()
            mark.setFixedWidth(22)
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(button_texts[key])
            button.clicked.connect(lambda _checked=False, k=key: self.step_requested.emit(k))
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.marks[key], self.labels[key], self.buttons[key] = mark, label, button
        grid.setColumnStretch(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 12, 14, 12)
        box.setSpacing(6)
        box.addWidget(self.heading)
        box.addWidget(self.summary)
        box.addLayout(grid)
        self.steps = None  # services.first_steps.FirstSteps, once read

    def set_steps(self, steps) -> None:
        self.steps = steps
        self.setVisible(not steps.all_done)
        upcoming = steps.next_step
        self.summary.setText(
            self.tr("{done} of {total} steps done. Next: {step}.").format(
                done=steps.done_count,
                total=len(steps.steps),
                step=self.titles[upcoming.key] if upcoming is not None else "",
            )
        )
        for step in steps.steps:
            is_next = upcoming is not None and step.key == upcoming.key
            self.marks[step.key].setText("✔" if step.done else "➜" if is_next else "○")
            self.marks[step.key].setStyleSheet(
                "color: #2e7d32; font-weight: bold;" if step.done else "color: #1f4e8c; font-weight: bold;"
            )
            title = _escape(self.titles[step.key])
            text = f"<b>{title}</b>" if is_next else title
            if step.done:
                done = _escape(self.tr("done"))
                text = f'<span style="color:#5f6673">{title} — {done}</span>'
            else:
                text += f'<br><span style="color:#5f6673">{_escape(self.hints[step.key])}</span>'
            self.labels[step.key].setText(text)
            button = self.buttons[step.key]
            button.setVisible(not step.done)
            font = QFont(button.font())
            font.setBold(is_next)
            button.setFont(font)

    def clear(self) -> None:
        self.steps = None
        self.hide()


class OverviewPage(Page):
    topics = frozenset({context.YEAR, context.PEOPLE, context.RULES, context.REGISTRATION, ds.SENDINGS})
    open_registration = Signal()
    step_requested = Signal(str)  # a first step's button: services.first_steps key

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.title = heading()
        self.guide = FirstStepsCard()
        self.guide.hide()
        self.guide.step_requested.connect(self.step_requested)
        self.plan_line = QLabel()
        self.plan_line.setWordWrap(True)
        self.plan_line.setStyleSheet("font-weight: bold;")
        self.plan_title = QLabel()
        self.plan_title.setWordWrap(True)
        self.theme = QLabel()
        self.theme.setWordWrap(True)
        self.theme.setStyleSheet("font-style: italic; color: #3c4452;")
        self.rule_set = QLabel()
        self.rule_set.setWordWrap(True)
        self.rule_set.setStyleSheet("color: #5f6673;")
        for label in (self.plan_line, self.plan_title, self.theme, self.rule_set):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plan_card = card(self.plan_line, self.plan_title, self.theme, self.rule_set)

        self.phase_now = QLabel()
        self.phase_now.setWordWrap(True)
        self.next_due = QLabel()
        self.next_due.setWordWrap(True)
        self.next_due.setTextFormat(Qt.TextFormat.RichText)
        status = card(subheading(self.tr("Now")), self.phase_now, self.next_due)

        self.timeline = TimelineWidget()
        timeline_card = card(subheading(self.tr("Timeline of the year")), self.timeline)

        self.events = RowsModel(
            [
                Column(self.tr("Date"), lambda e: vntext.format_date(e.when), width=100),
                Column(self.tr("Milestone"), self._event_text, width=300),
                Column(self.tr("Time left"), self._left_text),
            ],
            self,
        )
        self.events.row_foreground = self._event_color
        self.events.row_bold = lambda e: e in self._soon
        self.events_view = make_table(self.events)
        self.events_view.setMinimumHeight(250)
        self.events_view.setEditTriggers(self.events_view.EditTrigger.NoEditTriggers)

        self.tiles = {
            "total": CountTile(self.tr("Workers")),
            "members": CountTile(self.tr("Union members")),
            "women": CountTile(self.tr("Women")),
            "groups": CountTile(self.tr("Union groups")),
        }
        tiles = QGridLayout()
        tiles.setSpacing(10)
        for n, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, n)  # one row near the top: the roster in numbers at a glance
        tiles.setContentsMargins(0, 0, 0, 0)
        tiles_box = QWidget()
        tiles_box.setLayout(tiles)
        tiles_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.registration = RegistrationCard()
        self.registration.open_requested.connect(self.open_registration)
        self.registration.hide()
        self.reports = ReportsCard()
        self.reports.hide()
        roster_col = QVBoxLayout()
        roster_col.addWidget(self.registration)
        roster_col.addSpacing(6)
        roster_col.addWidget(self.reports)
        roster_col.addStretch(1)

        lower = QHBoxLayout()
        events_col = QVBoxLayout()
        events_col.addWidget(subheading(self.tr("Milestones and deadlines")))
        events_col.addWidget(self.events_view)
        lower.addLayout(events_col, 3)
        lower.addSpacing(12)
        lower.addLayout(roster_col, 2)
        lower_box = QWidget()
        lower_box.setLayout(lower)

        self.empty = note(
            self.tr(
                "No emulation year yet. Use Year › New year… to start one: from the upper union's plan package, by copying an earlier year, or from the blank standard template."
            )
        )
        self.empty.hide()
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(plan_card, 3)
        top.addWidget(status, 2)
        top_box = QWidget()
        top_box.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        lower.setContentsMargins(0, 0, 0, 0)
        self.chart = ProgressChart()
        self.chart_card = card(
            subheading(self.tr("Progress against the registered targets")),
            note(
                self.tr("Result as a percentage of the figure registered, phase 1 and year; the dashed line is 100%.")
            ),
            self.chart,
        )
        self.chart_card.hide()
        self.tiles_box = tiles_box
        self._content = [tiles_box, top_box, timeline_card, lower_box, self.chart_card]
        scroll_page(self, [self.title, self.guide, self.empty, *self._content], stretch=True)
        self._today = date.today()
        self._soon: set[tl.TimelineEvent] = set()
        self._phases: list[tl.PhaseInput] = []
        self._year: int | None = None
        self._events: list[tl.TimelineEvent] = []
        self.deadlines = None  # services.deadlines.YearDeadlines of the year shown, once read

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        year = self.ctx.year
        if year is None:
            self.clear()
            return
        self._load_steps(year)
        data = self.ctx.take_first_overview(year)
        if data is not None:
            self._show(data)
            self.loaded.emit()
            return
        self.fetch(year_ops.overview, self.ctx.db, year, on_done=self._show)

    def show_problem(self, text: str) -> None:
        """Say why there is nothing to show (the data folder could not be opened)."""
        self.clear()
        self.empty.setText(text)
        self.empty.show()

    def clear(self) -> None:
        self.title.setText(self.tr("Overview"))
        self.empty.setText(
            self.tr(
                "No emulation year yet. Use Year › New year… to start one: from the upper union's plan package, by copying an earlier year, or from the blank standard template."
            )
        )
        self.empty.setVisible(self.ctx.db is not None)
        for widget in self._content:
            widget.hide()
        self.timeline.clear()
        self.events.set_rows([])
        self.deadlines = None
        self.registration.hide()
        self.reports.hide()
        self.chart_card.hide()
        if self.ctx.db is not None and self.ctx.year is None:
            self._load_steps(None)  # no year yet: the roster and the plan come first
        else:
            self.guide.clear()

    def _load_steps(self, year: int | None) -> None:
        """The first steps, read from the data folder (services.first_steps); none once all are done."""
        generation = self._generation

        def done(steps) -> None:
            if generation == self._generation:
                self.guide.set_steps(steps)

        self.ctx.tasks.run(year_ops.first_steps, self.ctx.db, self.ctx.paths, year, on_done=done, owner=self)

    def show_data(self, data: YearOverview) -> None:
        """Show overview data read elsewhere (the start-up snapshot)."""
        self._show(data)

    def _show(self, data: YearOverview) -> None:
        detail = data.detail
        self._today = self.ctx.today()
        if self.deadlines is not None and (
            self.deadlines.year != detail.year or self.deadlines.outcome.today != self._today
        ):
            self.deadlines = None  # another year (or day): its sendings are read again below
        self._year = detail.year
        self._phases = list(data.phases)
        self._events = list(data.events)
        self.empty.hide()
        for widget in self._content:
            widget.show()
        self.chart_card.setVisible(bool(self.chart.rows()))  # filled when the results are read
        self.title.setText(self.tr("Emulation year {year}").format(year=detail.year))
        issued = vntext.format_date(detail.plan_issued_on) if detail.plan_issued_on else ""
        if issued:
            self.plan_line.setText(
                self.tr("Plan No. {number} of {date} — {issuer}").format(
                    number=detail.plan_number, date=issued, issuer=detail.plan_issuer
                )
            )
        else:
            self.plan_line.setText(
                self.tr("Plan No. {number} — {issuer}").format(number=detail.plan_number, issuer=detail.plan_issuer)
            )
        self.plan_title.setText(detail.plan_title)
        self.theme.setText(self.tr("Theme: {theme}").format(theme=detail.theme) if detail.theme else "")
        self.theme.setVisible(bool(detail.theme))
        self.rule_set.setText(
            self.tr("Rules in force: {rules}").format(rules=detail.rule_set) if detail.rule_set else ""
        )
        self.rule_set.setVisible(bool(detail.rule_set))

        self._show_status(detail.year, data.events)
        self.timeline.set_data(detail.year, data.phases, data.events, self._today)
        self.events.set_rows(data.events)
        for key, tile in self.tiles.items():
            tile.set_value(data.counts.get(key))
        self._load_registration(detail.year)

    def _load_registration(self, year: int) -> None:
        """The registration's progress comes after the rest (it reads every registration),
        so the year shows at once."""
        if self.ctx.db is None:
            return
        generation = self._generation

        def done(progress) -> None:
            if generation != self._generation or self._year != year:
                return
            # nobody on the roster: the guide says what comes first, not "33% complete" over 0/0 people
            self.registration.setVisible(progress is not None and progress.people_total > 0)
            if progress is not None:
                self.registration.set_progress(progress, self.ctx.today())

        self.ctx.tasks.run(registration_ops.registration_progress, self.ctx.db, year, on_done=done, owner=self)

        def deadlines_done(found) -> None:
            if generation != self._generation or self._year != year:
                return
            self._show_deadlines(found)

        self.ctx.tasks.run(
            deadlines_ops.year_deadlines,
            self.ctx.db,
            self.ctx.paths,
            year,
            self.ctx.today(),
            on_done=deadlines_done,
            owner=self,
        )

        def reports_done(found) -> None:
            if generation != self._generation or self._year != year:
                return
            self.reports.setVisible(bool(found))
            self.reports.set_reports(found, self.ctx.today())

        from thidua_desktop.ui.operations import (
            year_end as year_end_ops,
        )  # imports the services: not before the first frame

        self.ctx.tasks.run(
            year_end_ops.reports_overview, self.ctx.db, year, self.ctx.today(), on_done=reports_done, owner=self
        )

        def chart_done(rows) -> None:
            if generation != self._generation or self._year != year:
                return
            self.chart.set_rows(rows)
            self.chart_card.setVisible(bool(rows))

        self.ctx.tasks.run(
            year_end_ops.progress_rows, self.ctx.db, year, self.ctx.today(), on_done=chart_done, owner=self
        )

    def _show_deadlines(self, found) -> None:
        """Each deadline's sending, read after the rest: the countdowns give way to what happened."""
        self.deadlines = found
        self.registration.set_deadline(found.registration)
        self.reports.set_deadlines(found)
        self._show_status(found.year, self._events)
        self.events.set_rows(self._events)
        self.timeline.set_states(
            {(d.kind, d.phase_number): (ds.words().state(d), ds.words().color(d)) for d in found.deadlines}
        )

    def _deadline_of(self, event: tl.TimelineEvent):
        if self.deadlines is None or event.kind not in tl.DEADLINE_KINDS:
            return None
        return next(
            (
                d
                for d in self.deadlines.deadlines
                if d.kind == event.kind and d.phase_number == event.phase_number and d.due == event.when
            ),
            None,
        )

    def _show_status(self, year: int, events: list[tl.TimelineEvent]) -> None:
        today = self._today
        found = self.deadlines if self.deadlines is not None and self.deadlines.year == year else None
        if found is not None and found.stage != "running":
            # an ended year shows its outcome, a year to come when it starts: no countdown
            if found.stage == "ended":
                self.phase_now.setText(self.tr("The emulation year {year} has ended.").format(year=year))
            else:
                self.phase_now.setText(self.tr("The emulation year {year} has not started yet.").format(year=year))
            self._soon = set()
            self.next_due.setText(ds.outcome_html(found, headline=False))
            return
        registration_due = next((e.when for e in events if e.kind == "registration_due"), None)
        if found is None and dl.year_stage(year, self._phases, registration_due, today) == "ended":
            self.phase_now.setText(self.tr("The emulation year {year} has ended.").format(year=year))
            self._soon = set()
            self.next_due.setText("")  # the outcome comes with the sendings, read next
            return
        phase = tl.current_phase(self._phases, today)
        if phase is not None:
            self.phase_now.setText(
                self.tr("Now in {phase} ({start} – {end}).").format(
                    phase=phase.name, start=vntext.format_date(phase.start), end=vntext.format_date(phase.end)
                )
            )
        elif today < date(year, 1, 1):
            self.phase_now.setText(self.tr("The emulation year {year} has not started yet.").format(year=year))
        elif self._phases and today > max(p.end for p in self._phases):
            self.phase_now.setText(self.tr("All phases of {year} have ended.").format(year=year))
        else:
            self.phase_now.setText(self.tr("Between phases."))
        upcoming = tl.next_deadlines(events, today, limit=3)
        self._soon = set(upcoming[:1]) | {e for e in upcoming if tl.days_left(e, today) <= 7}
        overdue = [e for e in events if e.kind in tl.DEADLINE_KINDS and tl.days_left(e, today) < 0]
        lines = []
        for event in upcoming:
            days = tl.days_left(event, today)
            color = deadline_color(days).name()
            left = labels.days_left(days)
            known = self._deadline_of(event)
            if known is not None:
                left, color = ds.words().state(known), ds.words().color(known).name()
            weight = "bold" if event in self._soon else "normal"
            lines.append(
                f'<span style="color:{color}; font-weight:{weight}">{vntext.format_date(event.when)} — '
                f"{_escape(self._event_text(event))} — {_escape(left)}</span>"
            )
        if upcoming:
            text = _escape(self.tr("Next deadlines:")) + "<br>" + "<br>".join(lines)
        else:
            text = _escape(self.tr("No deadline left in this year."))
        if found is not None and overdue:
            # the deadlines passed: sent (when, on time or late) or not sent
            text += (
                "<br>"
                + _escape(self.tr("Deadlines passed:"))
                + "<br>"
                + "<br>".join(
                    f"{vntext.format_date(e.when)} — {_escape(self._event_text(e))} — "
                    f'<span style="color:{ds.words().color(d).name()}">{_escape(ds.words().state(d))}</span>'
                    for e in overdue
                    if (d := self._deadline_of(e)) is not None
                )
            )
        elif overdue and upcoming:
            latest = overdue[-1]
            text += "<br>" + (
                f'<span style="color:{deadline_color(-1).name()}">'
                + _escape(
                    self.tr("Last deadline passed: {date} — {what}").format(
                        date=vntext.format_date(latest.when), what=self._event_text(latest)
                    )
                )
                + "</span>"
            )
        self.next_due.setText(text)

    # -- rows --------------------------------------------------------------------------------

    def _event_text(self, event: tl.TimelineEvent) -> str:
        name = next((p.name for p in self._phases if p.number == event.phase_number), None)
        last = bool(self._phases) and event.phase_number == max(p.number for p in self._phases)
        return labels.event_label(event, name, self._year or event.when.year, last_phase=last)

    def _left_text(self, event: tl.TimelineEvent) -> str:
        known = self._deadline_of(event)
        if known is not None:
            return ds.words().state(known)
        days = tl.days_left(event, self._today)
        if days < 0 and event.kind not in tl.DEADLINE_KINDS:
            return self.tr("Passed")  # a phase that started is not "overdue"
        return labels.days_left(days)

    def _event_color(self, event: tl.TimelineEvent) -> QColor | None:
        known = self._deadline_of(event)
        if known is not None:
            return ds.words().color(known) if known.state != "not_due" or known.days <= 7 else None
        days = tl.days_left(event, self._today)
        if event.kind in tl.DEADLINE_KINDS:
            return deadline_color(days) if days <= 7 else None
        return DONE if days < 0 else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
