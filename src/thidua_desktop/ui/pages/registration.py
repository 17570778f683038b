"""Đăng ký thi đua: the union's registration for the year — the collective (movements,
titles, signature content, registered figures) and the individuals (titles, planned
initiatives, checks) — with the year's catalogue (movements, indicators, titles, rules) beside."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTabWidget, QVBoxLayout

from thidua_desktop.core import applicability, vntext
from thidua_desktop.services.dto import IndicatorInfo, YearDetail
from thidua_desktop.services import titles as jobs_titles
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui.pages.base import Page, heading, note
from thidua_desktop.ui.widgets.collective import CollectiveForm
from thidua_desktop.ui.widgets.collective import target_text as target_text
from thidua_desktop.ui.widgets.individuals import IndividualsPanel
from thidua_desktop.ui.widgets.rules import RuleSetPanel
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table
from thidua_desktop.ui.widgets.timeline import deadline_color

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.registration import RegistrationView

CDCS = "cdcs"


def applies_to_cdcs(indicator: IndicatorInfo) -> bool:
    return CDCS in indicator.levels


def applies_to_unit(indicator: IndicatorInfo, unit) -> bool:
    """A CĐCS indicator that applies to the unit's sector and kind (the profile decides)."""
    if not applies_to_cdcs(indicator):
        return False
    sector = getattr(unit, "sector", "non_state") or "non_state"
    return applicability.applies(tuple(indicator.applies_to), sector, getattr(unit, "kind", "") or "")


def progress_text(progress, today, registered_on=None) -> tuple[str, str | None]:
    """ "Đã đăng ký 287/312 người · 12/18 chỉ tiêu · tập thể: đã lưu · hạn 20/02/2021 — Còn 10 ngày" and its
    colour (red when overdue and incomplete)."""
    from PySide6.QtCore import QCoreApplication

    if progress.collective_saved:
        collective = QCoreApplication.translate("RegistrationPage", "saved")
    else:
        collective = QCoreApplication.translate("RegistrationPage", "not saved")
    parts = [
        QCoreApplication.translate("RegistrationPage", "Registered {people}/{total} people").format(
            people=vntext.format_number(progress.people_registered), total=vntext.format_number(progress.people_total)
        ),
        QCoreApplication.translate("RegistrationPage", "{figures}/{total} indicators").format(
            figures=progress.figures_registered, total=progress.figures_total
        ),
        QCoreApplication.translate("RegistrationPage", "collective: {state}").format(state=collective),
    ]
    color = None
    if progress.registration_due is not None and progress.collective_saved and registered_on is not None:
        # made: the deadline is met or missed by the day it was made, not counted down for ever
        late = (registered_on - progress.registration_due).days
        if late > 0:
            words = QCoreApplication.translate("RegistrationPage", "made on {made}, {late} days late").format(
                made=vntext.format_date(registered_on), late=late
            )
        else:
            words = QCoreApplication.translate("RegistrationPage", "made on {made}, on time").format(
                made=vntext.format_date(registered_on)
            )
        parts.append(
            QCoreApplication.translate("RegistrationPage", "due {date} — {left}").format(
                date=vntext.format_date(progress.registration_due), left=words
            )
        )
    elif progress.registration_due is not None:
        days = (progress.registration_due - today).days
        parts.append(
            QCoreApplication.translate("RegistrationPage", "due {date} — {left}").format(
                date=vntext.format_date(progress.registration_due), left=labels.days_left(days)
            )
        )
        if progress.percent < 100 and days <= 7:
            color = deadline_color(days).name()
    return " · ".join(parts), color


class RegistrationPage(Page):
    topics = frozenset(
        {context.YEAR, context.RULES, context.PEOPLE, context.REGISTRATION, context.INITIATIVES, context.UNIT}
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.data: RegistrationView | None = None
        self._quiet = False
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)

        self.collective = CollectiveForm(ctx)
        self.collective.saved.connect(self._changed)
        self.individuals = IndividualsPanel(ctx)
        self.individuals.changed.connect(self._changed)
        self.individuals.collective_finding.connect(lambda: self.tabs.setCurrentWidget(self.collective))
        self.tabs.addTab(self.collective, self.tr("Collective"))
        self.tabs.addTab(self.individuals, self.tr("Individuals"))

        self.movements = RowsModel(
            [
                Column(self.tr("Movement"), lambda m: m.name, sort_key=STORED_ORDER, tooltip=lambda m: m.description),
                Column(self.tr("Launched by"), lambda m: m.launched_by, width=200),
                Column(self.tr("Code"), lambda m: m.code, width=130),
            ],
            self,
        )
        movements_view = make_table(self.movements, stretch_column=0)
        self.tabs.addTab(movements_view, self.tr("Movements"))

        upper_only = self.tr("Target of the upper union: a grassroots union does not register it.")
        self.indicators = RowsModel(
            [
                Column(self.tr("Code"), lambda i: i.code, sort_key=STORED_ORDER, width=60),
                Column(self.tr("Indicator"), lambda i: i.name, tooltip=lambda i: i.name),
                Column(self.tr("Unit"), lambda i: i.unit_of_measure, width=100),
                Column(self.tr("Kind"), lambda i: labels.indicator_kind(i.kind), width=100),
                Column(self.tr("Figures"), lambda i: labels.indicator_source(i.source), width=130),
                Column(self.tr("Upper union's target"), target_text, width=150),
                Column(self.tr("Levels"), lambda i: labels.levels(i.levels), width=120),
                Column(self.tr("Applies to"), lambda i: applicability.describe(tuple(i.applies_to)), width=200),
            ],
            self,
        )
        not_for_unit = self.tr(
            "Not applicable to the unit (see Kind of unit on the Unit page): neither registered, computed nor printed."
        )
        self.indicators.row_enabled = lambda i: applies_to_unit(i, self.ctx.unit)
        self.indicators.row_tooltip = lambda i: (
            None if applies_to_unit(i, self.ctx.unit) else upper_only if not applies_to_cdcs(i) else not_for_unit
        )
        indicators_view = make_table(self.indicators, stretch_column=1)
        self.tabs.addTab(indicators_view, self.tr("Indicators"))

        self.titles = RowsModel(
            [
                Column(self.tr("Title or commendation"), lambda t: t.name, sort_key=STORED_ORDER),
                Column(self.tr("For"), lambda t: labels.title_subject(t.subject), width=90),
                Column(self.tr("Kind"), lambda t: labels.title_category(t.category), width=160),
                Column(self.tr("System"), lambda t: labels.title_system(t.system), width=100),
                Column(self.tr("Awarded by"), lambda t: t.issuer, width=260),
                Column(self.tr("Women only"), lambda t: labels.yes_no(True) if t.women_only else "", width=90),
                Column(
                    self.tr("Needs an initiative"),
                    lambda t: labels.yes_no(True) if t.requires_initiative else "",
                    width=130,
                ),
            ],
            self,
        )
        titles_view = make_table(self.titles, stretch_column=0)
        titles_view.setToolTip(self.tr("Double-click a title to change the body that confers it."))
        titles_view.doubleClicked.connect(self._edit_issuer)
        self.titles_view = titles_view
        self.tabs.addTab(titles_view, self.tr("Titles and commendations"))

        self.rules = RuleSetPanel(ctx)  # the rule set in force, its sources, the values, the import
        self.tabs.addTab(self.rules, self.tr("Rules"))
        for view in (movements_view, indicators_view, titles_view):
            view.setEditTriggers(view.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for view, stretch in ((movements_view, 0), (indicators_view, 1), (titles_view, 0)):
            view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

        self.plan = note()
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress.setStyleSheet("font-weight: bold;")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 12)
        column.setSpacing(6)
        self.title = heading(self.tr("Emulation registration"))
        column.addWidget(self.title)
        column.addWidget(self.plan)
        column.addWidget(self.progress)
        column.addWidget(self.tabs, 1)

    def load(self) -> None:
        if self.ctx.year is None:
            self.clear()
            return
        self.fetch(registration_ops.registration, self.ctx.db, self.ctx.year, on_done=self._show)

    def clear(self) -> None:
        self.data = None
        for model in (self.movements, self.indicators, self.titles):
            model.set_rows([])
        self.rules.model.set_rows([])
        self.plan.setText("")
        self.progress.setText("")
        self.collective.clear()
        self.individuals.clear()

    def _show(self, data: RegistrationView, *, force_collective: bool = False) -> None:
        self.data = data
        detail: YearDetail = data.detail
        self.title.setText(self.tr("Emulation registration {year}").format(year=detail.year))
        due = vntext.format_date(detail.registration_due) if detail.registration_due else "—"
        self.plan.setText(
            self.tr(
                "Plan {number} of {issuer}. Registration due: {due}. Greyed indicators belong to "
                "the upper union or do not apply to the unit."
            ).format(number=detail.plan_number, issuer=detail.plan_issuer, due=due)
        )
        if self.ctx.unit is not None and not self.ctx.unit.kind and any(i.applies_to for i in detail.indicators):
            self.plan.setText(
                self.plan.text()
                + " "
                + self.tr(
                    "The kind of unit is not chosen yet (Unit page): indicators meant for one kind only (state agencies, "
                    "public service units, state-owned enterprises) are not offered."
                )
            )
        self.movements.set_rows(detail.movements)
        self.indicators.set_rows(detail.indicators)
        self.titles.set_rows(detail.titles)
        self.rules.set_rules(detail.year, list(detail.rules))
        self.collective.set_data(data.collective, detail, force=force_collective)
        self.individuals.set_data(data)
        self._show_progress(data.progress)

    def _show_progress(self, progress) -> None:
        collective = self.data.collective if self.data is not None else None
        text, color = progress_text(progress, self.ctx.today(), getattr(collective, "registered_on", None))
        self.progress.setText(text)
        self.progress.setStyleSheet(f"font-weight: bold; color: {color};" if color else "font-weight: bold;")

    def _changed(self, data: RegistrationView) -> None:
        """A save of the collective or the individuals came back with the year's registration."""
        self._generation += 1  # a load still in flight is older than this
        self._show(data, force_collective=not self.collective.dirty)
        self._quiet = True  # the other pages reload; this one shows the fresh data already
        try:
            self.ctx.changed(context.REGISTRATION)
        finally:
            self._quiet = False

    def _on_data_changed(self, topic: str) -> None:
        if self._quiet and topic == context.REGISTRATION:
            return
        super()._on_data_changed(topic)

    def _edit_issuer(self, index) -> None:
        """The body that confers a title is data (unions were reorganised in 2025): edit it here."""
        from PySide6.QtWidgets import QInputDialog

        if self.data is None or self.ctx.db is None or not index.isValid():
            return
        title = self.titles.row_at(index.row())
        text, ok = QInputDialog.getText(
            self,
            self.tr("Awarded by"),
            self.tr("Body that confers “{name}”:").format(name=title.name),
            text=title.issuer,
        )
        if not ok or text.strip() == title.issuer:
            return
        self.ctx.tasks.run(
            jobs_titles.set_title_issuer,
            self.ctx.db,
            self.data.detail.year,
            title.code,
            text,
            on_done=lambda _r: self.ctx.changed(context.YEAR),
            owner=self,
        )
