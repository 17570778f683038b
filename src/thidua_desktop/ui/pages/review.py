"""Bình xét – Khen thưởng: the review meeting, the review table and the commendation proposals of
the year, a sidebar page of its own (it used to sit at the bottom of Sơ kết – Tổng kết)."""

from __future__ import annotations

from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import Page, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.widgets.review_panel import ReviewPanel


class ReviewPage(Page):
    topics = frozenset({context.YEAR, context.REGISTRATION, context.INITIATIVES, context.PEOPLE})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.review = ReviewPanel(ctx)
        self.title = heading(self.tr("Review and commendation"))
        self.empty = note(self.tr("No emulation year yet: the review comes after the year is started."))
        self.empty.hide()
        self.review_card = card(subheading(self.tr("Review and commendation proposals")), self.review)
        scroll_page(self, [self.title, self.empty, self.review_card])

    def load(self) -> None:
        year = self.ctx.year
        if year is None:
            self.clear()
            return
        self.title.setText(self.tr("Review and commendation {year}").format(year=year))
        self.empty.hide()
        self.review_card.show()
        self.review.load(year)
        self.loaded.emit()

    def clear(self) -> None:
        self.title.setText(self.tr("Review and commendation"))
        self.empty.setVisible(self.ctx.db is not None)
        self.review_card.hide()
        self.review.clear()
