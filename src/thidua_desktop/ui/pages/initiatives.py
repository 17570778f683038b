"""Sáng kiến: the part of the year about initiatives that exists now — the targets tied to
initiatives, the titles that need one, and the Bằng Lao động sáng tạo thresholds."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from thidua_desktop.ui import context, jobs, labels
from thidua_desktop.ui.pages.base import Page, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.pages.registration import applies_to_cdcs, target_text
from thidua_desktop.ui.widgets.rules import RulesTable
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, fit_rows, make_table


class InitiativesPage(Page):
    topics = frozenset({context.YEAR, context.RULES})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        upper_only = self.tr("Target of the upper union: a grassroots union does not register it.")
        self.indicators = RowsModel([
            Column(self.tr("Code"), lambda i: i.code, sort_key=STORED_ORDER, width=70),
            Column(self.tr("Indicator"), lambda i: i.name, tooltip=lambda i: i.name),
            Column(self.tr("Unit"), lambda i: i.unit_of_measure, width=110),
            Column(self.tr("Figures"), lambda i: labels.indicator_source(i.source), width=170),
            Column(self.tr("Plan target"), target_text, width=150),
        ], self)
        self.indicators.row_enabled = applies_to_cdcs
        self.indicators.row_tooltip = lambda i: None if applies_to_cdcs(i) else upper_only
        self.indicators_view = make_table(self.indicators, stretch_column=1)
        self.indicators_view.setEditTriggers(self.indicators_view.EditTrigger.NoEditTriggers)

        self.titles = RowsModel([
            Column(self.tr("Title or commendation"), lambda t: t.name, sort_key=STORED_ORDER),
            Column(self.tr("For"), lambda t: labels.title_subject(t.subject), width=90),
            Column(self.tr("Awarded by"), lambda t: t.issuer, width=260),
        ], self)
        self.titles_view = make_table(self.titles, stretch_column=0)
        self.titles_view.setEditTriggers(self.titles_view.EditTrigger.NoEditTriggers)

        self.thresholds = RulesTable(ctx)
        self.thresholds.view.setMinimumHeight(220)
        self.thresholds.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.title = heading(self.tr("Initiatives"))
        scroll_page(self, [
            self.title,
            card(subheading(self.tr("Targets tied to initiatives")), self.indicators_view),
            card(subheading(self.tr("Titles that need a recognised initiative")), self.titles_view),
            card(subheading(self.tr("Thresholds of the Bằng Lao động sáng tạo")),
                 note(self.tr("Benefit thresholds from the year's rule table; double-click a value to change it "
                              "(the same values as in Emulation registration › Rules).")),
                 self.thresholds),
            note(self.tr("The register of initiatives (authors, benefit, recognition) comes with the next update; "
                         "it will flag Bằng Lao động sáng tạo candidates from these thresholds.")),
        ])

    def load(self) -> None:
        if self.ctx.year is None:
            self.clear()
            return
        year = self.ctx.year
        self.fetch(jobs.initiatives, self.ctx.db, year, on_done=lambda data: self._show(year, data))

    def clear(self) -> None:
        self.indicators.set_rows([])
        self.titles.set_rows([])
        self.thresholds.model.set_rows([])

    def _show(self, year: int, data: jobs.InitiativesData) -> None:
        self.title.setText(self.tr("Initiatives {year}").format(year=year))
        self.indicators.set_rows(data.indicators)
        self.titles.set_rows(data.titles)
        self.thresholds.set_rules(year, data.thresholds)
        fit_rows(self.indicators_view, len(data.indicators))
        fit_rows(self.titles_view, len(data.titles))
