"""Đăng ký thi đua: what the year's plan asks — movements, indicators, titles, rules."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTabWidget, QVBoxLayout

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import IndicatorInfo, YearDetail
from thidua_desktop.ui import context, jobs, labels
from thidua_desktop.ui.pages.base import Page, heading, note
from thidua_desktop.ui.widgets.rules import RulesTable
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table

CDCS = "cdcs"


def applies_to_cdcs(indicator: IndicatorInfo) -> bool:
    return CDCS in indicator.levels


def target_text(indicator: IndicatorInfo) -> str:
    if indicator.plan_target_text:
        return indicator.plan_target_text
    return vntext.format_number(indicator.plan_target) if indicator.plan_target is not None else ""


class RegistrationPage(Page):
    topics = frozenset({context.YEAR, context.RULES})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)

        self.movements = RowsModel([
            Column(self.tr("Movement"), lambda m: m.name, sort_key=STORED_ORDER, tooltip=lambda m: m.description),
            Column(self.tr("Launched by"), lambda m: m.launched_by, width=200),
            Column(self.tr("Code"), lambda m: m.code, width=130),
        ], self)
        movements_view = make_table(self.movements, stretch_column=0)
        self.tabs.addTab(movements_view, self.tr("Movements"))

        upper_only = self.tr("Target of the upper union: a grassroots union does not register it.")
        self.indicators = RowsModel([
            Column(self.tr("Code"), lambda i: i.code, sort_key=STORED_ORDER, width=60),
            Column(self.tr("Indicator"), lambda i: i.name, tooltip=lambda i: i.name),
            Column(self.tr("Unit"), lambda i: i.unit_of_measure, width=100),
            Column(self.tr("Kind"), lambda i: labels.indicator_kind(i.kind), width=100),
            Column(self.tr("Figures"), lambda i: labels.indicator_source(i.source), width=130),
            Column(self.tr("Plan target"), target_text, width=150),
            Column(self.tr("Levels"), lambda i: labels.levels(i.levels), width=120),
        ], self)
        self.indicators.row_enabled = applies_to_cdcs
        self.indicators.row_tooltip = lambda i: None if applies_to_cdcs(i) else upper_only
        indicators_view = make_table(self.indicators, stretch_column=1)
        self.tabs.addTab(indicators_view, self.tr("Indicators"))

        self.titles = RowsModel([
            Column(self.tr("Title or commendation"), lambda t: t.name, sort_key=STORED_ORDER),
            Column(self.tr("For"), lambda t: labels.title_subject(t.subject), width=90),
            Column(self.tr("Kind"), lambda t: labels.title_category(t.category), width=160),
            Column(self.tr("System"), lambda t: labels.title_system(t.system), width=100),
            Column(self.tr("Awarded by"), lambda t: t.issuer, width=260),
            Column(self.tr("Women only"), lambda t: labels.yes_no(True) if t.women_only else "", width=90),
            Column(self.tr("Needs an initiative"), lambda t: labels.yes_no(True) if t.requires_initiative else "",
                   width=130),
        ], self)
        titles_view = make_table(self.titles, stretch_column=0)
        self.tabs.addTab(titles_view, self.tr("Titles and commendations"))

        self.rules = RulesTable(ctx)
        self.tabs.addTab(self.rules, self.tr("Rules"))
        for view in (movements_view, indicators_view, titles_view):
            view.setEditTriggers(view.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for view, stretch in ((movements_view, 0), (indicators_view, 1), (titles_view, 0)):
            view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

        self.plan = note()
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        self.title = heading(self.tr("Emulation registration"))
        column.addWidget(self.title)
        column.addWidget(self.plan)
        column.addWidget(self.tabs, 1)
        column.addWidget(note(self.tr(
            "The union's own registration (movements joined, collective title, registered targets, the list of "
            "individuals) comes with the registration update. Greyed indicators belong to the upper union.")))

    def load(self) -> None:
        if self.ctx.year is None:
            self.clear()
            return
        self.fetch(jobs.year_detail, self.ctx.db, self.ctx.year, on_done=self._show)

    def clear(self) -> None:
        for model in (self.movements, self.indicators, self.titles):
            model.set_rows([])
        self.rules.model.set_rows([])
        self.plan.setText("")

    def _show(self, detail: YearDetail) -> None:
        self.title.setText(self.tr("Emulation registration {year}").format(year=detail.year))
        due = vntext.format_date(detail.registration_due) if detail.registration_due else "—"
        self.plan.setText(self.tr("Plan {number} of {issuer}. Registration due: {due}.").format(
            number=detail.plan_number, issuer=detail.plan_issuer, due=due))
        self.movements.set_rows(detail.movements)
        self.indicators.set_rows(detail.indicators)
        self.titles.set_rows(detail.titles)
        self.rules.set_rules(detail.year, list(detail.rules))
