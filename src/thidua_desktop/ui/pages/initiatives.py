"""Sáng kiến: the initiatives register (sổ sáng kiến) of every year in a fast table, its
filters and a search as you type, the totals, the initiative dialog, Excel in and out; the
Bằng Lao động sáng tạo candidates of the year; the targets, titles and thresholds tied to
initiatives.

The rows are read once (``services.initiatives.list_initiatives`` on the worker) and kept;
every filter and keystroke runs ``InitiativeFilter.accepts`` over them in memory and resets
the model (never a QSortFilterProxyModel, tech-notes §5; never a new query per keystroke).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import initiatives as core
from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels, messages
from thidua_desktop.ui.operations import initiatives as initiatives_ops
from thidua_desktop.ui.pages.base import Page, SuccessLine, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.pages.registration import applies_to_cdcs, applies_to_unit, target_text
from thidua_desktop.ui.widgets.fields import CodeCombo
from thidua_desktop.ui.widgets.file_drop import FileDropTarget
from thidua_desktop.ui.widgets.rules import RulesTable
from thidua_desktop.ui.workbook_export import ask_xlsx_path, export_workbook
from thidua_desktop.ui.widgets.table import (
    STORED_ORDER,
    Column,
    PaddedDelegate,
    RowsModel,
    fit_rows,
    make_table,
    selected_rows,
)

ALL = None
NO_PHASE = 0
STATUS_ORDER = {code: n for n, code in enumerate(core.STATUSES)}
LEVEL_ORDER = {code: n for n, code in enumerate(core.LEVELS)}
STATUS_COLORS = {"recognised": QColor("#1e6b3a"), "refused": QColor("#a61b1b")}
TAB_REGISTER, TAB_CANDIDATES, TAB_YEAR = range(3)


def money(value) -> str:
    """84000000 → "84.000.000" (the table's money column; empty when there is no amount)."""
    return vntext.format_number(int(value)) if value is not None else ""


class RegisterModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(self.tr("Year"), lambda r: str(r.year), sort_key=lambda r: r.year, width=52),
                Column(
                    self.tr("Phase"),
                    lambda r: str(r.phase_number) if r.phase_number else "",
                    sort_key=lambda r: r.phase_number or 0,
                    align_center=True,
                    width=44,
                ),
                Column(self.tr("Initiative"), lambda r: r.title, tooltip=lambda r: r.title, width=245),
                Column(self.tr("Authors"), lambda r: r.authors, tooltip=lambda r: r.authors, width=165),
                Column(self.tr("Field"), lambda r: r.field, tooltip=lambda r: r.field or None, width=110),
                Column(
                    self.tr("Benefit (VND)"),
                    lambda r: money(r.economic_benefit),
                    sort_key=lambda r: r.economic_benefit if r.economic_benefit is not None else -1,
                    align_right=True,
                    width=140,
                ),
                Column(
                    self.tr("Status"),
                    lambda r: labels.initiative_status(r.status),
                    sort_key=lambda r: STATUS_ORDER.get(r.status, 9),
                    width=118,
                    foreground=lambda r: STATUS_COLORS.get(r.status),
                ),
                Column(
                    self.tr("Level"),
                    lambda r: labels.recognition_level(r.recognition_level) if r.status == "recognised" else "",
                    sort_key=lambda r: LEVEL_ORDER.get(r.recognition_level, 9) if r.status == "recognised" else 9,
                    width=72,
                ),
                Column(self.tr("Decision"), lambda r: r.decision, tooltip=lambda r: r.decision or None, width=150),
                Column(self.tr("Programme"), lambda r: "; ".join(r.tags), tooltip=lambda r: "\n".join(r.tags) or None),
            ],
            parent,
        )


def reason_text(candidate) -> str:
    """The reason without the category in front of it (the category has its own column)."""
    return candidate.reason.removeprefix(core.CATEGORIES.get(candidate.category, "") + ": ")


class CandidatesModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(self.tr("Author"), lambda c: c.author_name, sort_key=STORED_ORDER, width=165),
                Column(
                    self.tr("Category"),
                    lambda c: labels.author_category(c.category, short=True),
                    tooltip=lambda c: labels.author_category(c.category),
                    width=130,
                ),
                Column(
                    self.tr("This year (by share)"),
                    lambda c: money(c.one_year),
                    sort_key=lambda c: c.one_year,
                    align_right=True,
                    width=125,
                ),
                Column(
                    self.tr("Three years (by share)"),
                    lambda c: money(c.three_years),
                    sort_key=lambda c: c.three_years,
                    align_right=True,
                    width=125,
                ),
                Column(
                    self.tr("Threshold reached"),
                    lambda c: money(c.threshold_met),
                    sort_key=lambda c: c.threshold_met,
                    align_right=True,
                    width=110,
                ),
                Column(self.tr("Reason"), reason_text, tooltip=lambda c: c.reason, width=270),
                Column(
                    self.tr("Initiatives"),
                    lambda c: "\n".join(c.initiatives),
                    tooltip=lambda c: "\n".join(c.initiatives),
                ),
            ],
            parent,
        )


class InitiativesPage(FileDropTarget, Page):
    topics = frozenset({context.YEAR, context.RULES, context.INITIATIVES, context.PEOPLE, context.UNIT})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)  # an Excel register dropped on the page is imported
        self.data: initiatives_ops.RegisterData | None = None
        self.dialog: QDialog | None = None  # the dialog open now (tests reach it here)
        self._select_after_load: str | None = None
        self._filter_year_for: int | None = None  # the app year the year filter was last set for
        self._candidates_stale = True
        self._candidates_generation = 0
        self._applied: tuple | None = None  # the filter choices the model's predicate was made from

        self.title = heading(self.tr("Initiatives"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_register(), self.tr("Register of initiatives"))
        self.tabs.addTab(self._build_candidates(), self.tr("Bằng Lao động sáng tạo candidates"))
        self.tabs.addTab(self._build_year_part(), self.tr("Targets and thresholds"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 12)
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.tabs, 1)
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------

    def _build_register(self) -> QWidget:
        style = self.style()
        self.add_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), self.tr("Add…"))
        self.edit_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.tr("Edit…")
        )
        self.delete_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Delete…"))
        self.import_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("Import from Excel…")
        )
        self.export_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Export to Excel…")
        )
        self.add_button.setToolTip(self.tr("Record a new initiative with its authors"))
        self.import_button.setToolTip(
            self.tr(
                "Read initiatives from an Excel register (.xlsx, .xls, .ods): all of "
                "them or none, after a preview. A file can also be dropped on this "
                "page."
            )
        )
        self.export_button.setToolTip(
            self.tr(
                "Write the initiatives of the year chosen in the filter (or all years) "
                "to an Excel workbook that can be imported back."
            )
        )
        self.add_button.clicked.connect(lambda: self.add_initiative())
        self.edit_button.clicked.connect(lambda: self.edit_initiative())
        self.delete_button.clicked.connect(lambda: self.delete_initiative())
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(lambda: self.export())
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search title, author, field, decision — accents not needed, e.g. ga may tui")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAcceptDrops(False)  # a file dropped here goes to the page: import, not text
        self.search.textChanged.connect(lambda _t: self.apply_filters())
        self.count = QLabel()
        self.count.setStyleSheet("color: #4a5260;")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addSpacing(8)
        search_row.addWidget(self.count)

        self.year_filter = CodeCombo()
        self.phase_filter = CodeCombo()
        self.status_filter = CodeCombo()
        self.level_filter = CodeCombo()
        self.field_filter = CodeCombo()
        self.author_filter = CodeCombo()
        self.tag_filter = CodeCombo()
        self.filters = {
            "year": self.year_filter,
            "phase": self.phase_filter,
            "status": self.status_filter,
            "level": self.level_filter,
            "field": self.field_filter,
            "author": self.author_filter,
            "tag": self.tag_filter,
        }
        tips = {
            "year": self.tr("Year"),
            "phase": self.tr("Phase"),
            "status": self.tr("Status"),
            "level": self.tr("Recognition level"),
            "field": self.tr("Field of application"),
            "author": self.tr("Author"),
            "tag": self.tr("Programme"),
        }
        widths = {"year": 105, "phase": 100, "status": 140, "level": 115, "field": 140, "author": 150, "tag": 150}
        filter_row = QHBoxLayout()
        filter_row.setSpacing(6)
        for key, combo in self.filters.items():
            combo.setToolTip(tips[key])
            combo.setAccessibleName(tips[key])
            combo.setMinimumWidth(widths[key])
            combo.setMaximumWidth(widths[key] + 90)
            combo.setSizeAdjustPolicy(CodeCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            filter_row.addWidget(combo, 1)
        self.clear_filters_button = QPushButton(self.tr("Show all"))
        self.clear_filters_button.setToolTip(self.tr("Clear the search and every filter"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_filters_button)
        self.status_filter.set_items(
            [(ALL, self.tr("All statuses"))] + [(code, labels.initiative_status(code)) for code in core.STATUSES]
        )
        self.level_filter.set_items(
            [(ALL, self.tr("All levels"))] + [(code, labels.recognition_level(code)) for code in core.LEVELS]
        )
        self._fill_filters([], {})

        self.model = RegisterModel(self)
        self.view = make_table(self.model, sortable=True, stretch_column=None)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit_initiative())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.saved = SuccessLine()
        self.empty = note(self.tr("No initiative is recorded yet. Add them one by one, or import an Excel register."))
        self.empty.hide()
        self.totals = QLabel()
        self.totals.setObjectName("initiativeTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setStyleSheet(
            "#initiativeTotals { background: #f0f2f5; border: 1px solid #d5d9e0;"
            " border-radius: 4px; padding: 6px 8px; color: #1d2430; }"
        )

        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(6)
        box.addLayout(actions)
        box.addLayout(search_row)
        box.addLayout(filter_row)
        box.addWidget(self.saved)
        box.addWidget(self.empty)
        box.addWidget(self.view, 1)
        box.addWidget(self.totals)
        QTimer.singleShot(0, self.search.setFocus)
        return page

    def _build_candidates(self) -> QWidget:
        self.candidates = CandidatesModel(self)
        self.candidates_view = make_table(self.candidates, sortable=True, stretch_column=None)
        self.candidates_view.setEditTriggers(self.candidates_view.EditTrigger.NoEditTriggers)
        self.candidates_view.horizontalHeader().setStretchLastSection(True)
        self.candidates_view.setWordWrap(True)  # few rows: the whole reason and every initiative
        self.candidates_view.setItemDelegate(PaddedDelegate(self.candidates_view))
        self.candidates_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.candidates_caption = subheading()
        self.candidates_note = note()
        self.no_candidates = note(self.tr("No author reaches a threshold this year."))
        self.no_candidates.hide()
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.candidates_caption)
        box.addWidget(self.candidates_note)
        box.addWidget(self.no_candidates)
        box.addWidget(self.candidates_view, 1)
        return page

    def _build_year_part(self) -> QWidget:
        upper_only = self.tr("Target of the upper union: a grassroots union does not register it.")
        self.indicators = RowsModel(
            [
                Column(self.tr("Code"), lambda i: i.code, sort_key=STORED_ORDER, width=70),
                Column(self.tr("Indicator"), lambda i: i.name, tooltip=lambda i: i.name),
                Column(self.tr("Unit"), lambda i: i.unit_of_measure, width=110),
                Column(self.tr("Figures"), lambda i: labels.indicator_source(i.source), width=170),
                Column(self.tr("Upper union's target"), target_text, width=150),
            ],
            self,
        )
        not_for_unit = self.tr("Not applicable to the unit (see Kind of unit on the Unit page).")
        self.indicators.row_enabled = lambda i: applies_to_unit(i, self.ctx.unit)
        self.indicators.row_tooltip = lambda i: (
            None if applies_to_unit(i, self.ctx.unit) else upper_only if not applies_to_cdcs(i) else not_for_unit
        )
        self.indicators_view = make_table(self.indicators, stretch_column=1)
        self.indicators_view.setEditTriggers(self.indicators_view.EditTrigger.NoEditTriggers)

        self.titles = RowsModel(
            [
                Column(self.tr("Title or commendation"), lambda t: t.name, sort_key=STORED_ORDER),
                Column(self.tr("For"), lambda t: labels.title_subject(t.subject), width=90),
                Column(self.tr("Awarded by"), lambda t: t.issuer, width=260),
            ],
            self,
        )
        self.titles_view = make_table(self.titles, stretch_column=0)
        self.titles_view.setEditTriggers(self.titles_view.EditTrigger.NoEditTriggers)

        self.thresholds = RulesTable(self.ctx)
        self.thresholds.view.setMinimumHeight(220)
        self.thresholds.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        page = QWidget()
        column = scroll_page(
            page,
            [
                card(subheading(self.tr("Targets tied to initiatives")), self.indicators_view),
                card(subheading(self.tr("Titles that need a recognised initiative")), self.titles_view),
                card(
                    subheading(self.tr("Thresholds of the Bằng Lao động sáng tạo")),
                    note(
                        self.tr(
                            "Benefit thresholds from the year's rule table; double-click a value to change it "
                            "(the same values as in Emulation registration › Rules). The candidates tab applies "
                            "them."
                        )
                    ),
                    self.thresholds,
                ),
            ],
        )
        column.setContentsMargins(0, 10, 0, 10)
        return page

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        self._candidates_stale = True
        self.fetch(initiatives_ops.initiatives_register, self.ctx.db, self.ctx.year, on_done=self._show)
        if self.tabs.currentIndex() == TAB_CANDIDATES:
            self.load_candidates()

    def clear(self) -> None:
        self.data = None
        self.model.set_rows([])
        self._applied = None
        self._fill_filters([], {})
        self.candidates.set_rows([])
        self.indicators.set_rows([])
        self.titles.set_rows([])
        self.thresholds.model.set_rows([])
        self._show_totals()
        self._update_buttons()

    def _show(self, data: initiatives_ops.RegisterData) -> None:
        self.data = data
        chosen = self._select_after_load or self.current_id()
        self._select_after_load = None
        year = self.ctx.year
        self.title.setText(self.tr("Initiatives {year}").format(year=year) if year else self.tr("Initiatives"))
        self._fill_filters(data.rows, data.author_names)
        self.model.set_rows(data.rows, [r.search_key for r in data.rows])
        self._applied = None
        self.apply_filters()
        self.empty.setVisible(not data.rows)
        if chosen is not None:
            self.select_initiative(chosen)
        if data.year_data is not None and year is not None:
            self.indicators.set_rows(data.year_data.indicators)
            self.titles.set_rows(data.year_data.titles)
            self.thresholds.set_rules(year, data.year_data.thresholds)
            fit_rows(self.indicators_view, len(data.year_data.indicators))
            fit_rows(self.titles_view, len(data.year_data.titles))
        self._update_buttons()

    def _tab_changed(self) -> None:
        if self.tabs.currentIndex() == TAB_CANDIDATES and self._candidates_stale:
            self.load_candidates()

    def load_candidates(self) -> None:
        year = self.ctx.year
        self._candidates_stale = False
        if year is None or self.ctx.db is None:
            self.candidates.set_rows([])
            return
        self.candidates_caption.setText(self.tr("Bằng Lao động sáng tạo candidates {year}").format(year=year))
        self.candidates_note.setText(
            self.tr(
                "Authors whose share of the benefit of recognised initiatives reaches a threshold of the {year} rule "
                "table, this year or over the last three years. It is a list to review, not a decision: the meeting "
                "decides whom to propose."
            ).format(year=year)
        )
        self._candidates_generation += 1
        generation = self._candidates_generation

        def done(found: list) -> None:
            if generation == self._candidates_generation:
                self.candidates.set_rows(found)
                self.no_candidates.setVisible(not found)

        def failed(exc: BaseException) -> None:
            from thidua_desktop.errors import UserError

            if not isinstance(exc, UserError):
                raise exc
            if generation == self._candidates_generation:
                self.candidates.set_rows([])
                self.no_candidates.setText(exc.message)
                self.no_candidates.show()

        self.ctx.tasks.run(
            initiatives_ops.ldst_candidates, self.ctx.db, year, on_done=done, on_error=failed, owner=self
        )

    # -- filters -----------------------------------------------------------------------------

    def _fill_filters(self, rows: list, author_names: dict[str, str]) -> None:
        years = sorted({r.year for r in rows} | ({self.ctx.year} if self.ctx.year else set()), reverse=True)
        year_current = self.year_filter.code() if self.year_filter.count() else ALL
        if self.ctx.year != self._filter_year_for:  # a new app year: show that year's initiatives
            self._filter_year_for = self.ctx.year
            year_current = self.ctx.year
        self.year_filter.set_items([(ALL, self.tr("All years"))] + [(y, str(y)) for y in years], year_current)
        phases = sorted({r.phase_number or NO_PHASE for r in rows})
        self.phase_filter.set_items(
            [(ALL, self.tr("All phases"))]
            + [(n, self.tr("Phase {number}").format(number=n) if n else self.tr("(no phase)")) for n in phases],
            self.phase_filter.code(),
        )
        fields = sorted({r.field for r in rows if r.field}, key=vntext.sort_key)
        self.field_filter.set_items([(ALL, self.tr("All fields"))] + [(f, f) for f in fields], self.field_filter.code())
        ids = {pid for r in rows for pid in r.author_ids}
        authors = [(pid, name) for pid, name in author_names.items() if pid in ids]  # roster order
        self.author_filter.set_items([(ALL, self.tr("All authors"))] + authors, self.author_filter.code())
        tags = sorted({t for r in rows for t in r.tags}, key=vntext.sort_key)
        self.tag_filter.set_items([(ALL, self.tr("All programmes"))] + [(t, t) for t in tags], self.tag_filter.code())
        for combo in self.filters.values():
            for n in range(combo.count()):
                combo.setItemData(n, combo.itemText(n), Qt.ItemDataRole.ToolTipRole)

    def current_filter(self, text: str | None = None):
        """The choices and the search as an ``InitiativeFilter`` ("(no phase)" is tested apart)."""
        from thidua_desktop.services.initiatives import InitiativeFilter

        phase = self.phase_filter.code()
        return InitiativeFilter(
            year=self.year_filter.code(),
            phase_number=None if phase in (ALL, NO_PHASE) else phase,
            status=self.status_filter.code(),
            level=self.level_filter.code(),
            field=self.field_filter.code(),
            author_id=self.author_filter.code(),
            tag=self.tag_filter.code(),
            text=self.search.text() if text is None else text,
        )

    def apply_filters(self) -> None:
        """Filter the rows kept in memory and show the totals of those shown.

        The choices go through ``InitiativeFilter.accepts``; the search text through the table's
        precomputed search keys with the same rule (``vntext.matches``: every word of the query in
        the row's key), which narrows the rows already shown while the user types on.
        ``accepts`` with a text derives the query's key again for every row (see the report).
        """
        choices = (
            self.year_filter.code(),
            self.phase_filter.code(),
            self.status_filter.code(),
            self.level_filter.code(),
            self.field_filter.code(),
            self.author_filter.code(),
            self.tag_filter.code(),
        )
        if choices != self._applied:
            self._applied = choices
            flt = self.current_filter(text="")
            if self.phase_filter.code() == NO_PHASE:
                self.model.set_predicate(lambda r, f=flt: r.phase_number is None and f.accepts(r))
            elif all(v is None for v in choices):
                self.model.set_predicate(None)
            else:
                self.model.set_predicate(flt.accepts)
        self.model.set_filter(self.search.text())
        self._show_totals()
        self._update_buttons()

    def clear_filters(self) -> None:
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def _show_totals(self) -> None:
        from thidua_desktop.services.initiatives import totals

        shown = self.model.shown_rows()
        t = totals(shown)
        self.count.setText(
            self.tr("Showing {shown} / {total} initiatives").format(
                shown=vntext.format_number(self.model.shown_count), total=vntext.format_number(self.model.total_count)
            )
        )
        if not shown:
            self.totals.setText(self.tr("No initiative shown."))
            return
        parts = []
        for code in core.STATUSES:
            count = t.by_status.get(code, 0)
            text = self.tr("{status}: <b>{count}</b>").format(
                status=labels.initiative_status(code), count=vntext.format_number(count)
            )
            if code == "recognised" and t.by_level:
                levels = ", ".join(
                    f"{labels.recognition_level(level)} {vntext.format_number(n)}"
                    for level, n in sorted(t.by_level.items(), key=lambda x: LEVEL_ORDER.get(x[0], 9))
                )
                text += f" ({levels})"
            parts.append(text)
        first = self.tr("<b>{count}</b> initiatives").format(count=vntext.format_number(t.count))
        second = self.tr("Total benefit: <b>{total}</b> · of recognised initiatives: <b>{recognised}</b>").format(
            total=vntext.format_vnd(int(t.benefit)), recognised=vntext.format_vnd(int(t.recognised_benefit))
        )
        self.totals.setText(first + " · " + " · ".join(parts) + "<br>" + second)

    # -- selection ---------------------------------------------------------------------------

    def current_row(self):
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def current_id(self) -> str | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select_initiative(self, initiative_id: str) -> bool:
        row = self.model.view_row_of(lambda r: r.id == initiative_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        has_db = self.ctx.db is not None
        chosen = self.current_row() is not None
        self.add_button.setEnabled(has_db)
        self.import_button.setEnabled(has_db)
        self.export_button.setEnabled(has_db and self.model.total_count > 0)
        self.edit_button.setEnabled(has_db and chosen)
        self.delete_button.setEnabled(has_db and chosen)

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), lambda: self.edit_initiative())
        menu.addAction(self.tr("Delete…"), lambda: self.delete_initiative())
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- add, edit, delete -------------------------------------------------------------------

    def add_initiative(self) -> None:
        if self.ctx.db is not None:
            self.ctx.tasks.run(
                initiatives_ops.initiative_form,
                self.ctx.db,
                self.ctx.paths,
                None,
                on_done=self._open_dialog,
                owner=self,
            )

    def edit_initiative(self, initiative_id: str | None = None) -> None:
        initiative_id = initiative_id or self.current_id()
        if initiative_id is not None and self.ctx.db is not None:
            self.ctx.tasks.run(
                initiatives_ops.initiative_form,
                self.ctx.db,
                self.ctx.paths,
                initiative_id,
                on_done=self._open_dialog,
                owner=self,
            )

    def _open_dialog(self, form: initiatives_ops.InitiativeForm) -> None:
        from thidua_desktop.ui.initiative_dialog import InitiativeDialog

        year = self.year_filter.code() or self.ctx.year
        dialog = InitiativeDialog(self.ctx, form, self, default_year=year)
        added = form.draft is None
        dialog.saved.connect(lambda stored: self._saved(stored, added=added))
        self._show_dialog(dialog)

    def _saved(self, stored, *, added: bool) -> None:
        text = self.tr("Added “{title}”.") if added else self.tr("Saved “{title}”.")
        self.saved.show_message(text.format(title=stored.title))
        self._select_after_load = stored.id
        self._changed()

    def _changed(self) -> None:
        self.ctx.changed(context.INITIATIVES)

    def delete_initiative(self) -> None:
        row = self.current_row()
        if row is None or self.ctx.db is None:
            return
        if not messages.confirm(
            self,
            self.tr("Delete the initiative “{title}”?").format(title=row.title),
            informative=self.tr(
                "Its authors, shares and attached files are deleted with it; "
                "registrations that point at it keep their text."
            ),
            yes_text=self.tr("Delete"),
        ):
            return

        def done(_result) -> None:
            self.saved.show_message(self.tr("Deleted “{title}”.").format(title=row.title))
            self._changed()

        self.ctx.tasks.run(
            initiatives_ops.delete_initiative, self.ctx.db, self.ctx.paths, row.id, on_done=done, owner=self
        )

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    # -- Excel -------------------------------------------------------------------------------

    def open_import(self, path: Path | None = None) -> None:
        if self.ctx.db is None:
            return
        from thidua_desktop.ui.initiatives_import import InitiativesImportDialog

        dialog = InitiativesImportDialog(self.ctx, self, default_year=self.ctx.year)
        dialog.imported.connect(self._imported)
        self._show_dialog(dialog)
        if path is not None:
            dialog.read(Path(path))
        else:
            QTimer.singleShot(0, dialog.choose_file)

    def _imported(self, result) -> None:
        from thidua_desktop.ui.initiatives_import import import_summary

        text = import_summary(result)
        self.saved.show_message(self.tr("Imported: {summary}").format(summary=text))
        self._changed()
        messages.info(self, self.tr("The initiatives have been imported."), informative=text)

    def ask_export_path(self) -> Path | None:
        year = self.year_filter.code()
        name = (
            self.tr("Initiatives {year}.xlsx").format(year=year)
            if year
            else self.tr("Initiatives {date}.xlsx").format(date=self.ctx.today().strftime("%d-%m-%Y"))
        )
        return ask_xlsx_path(self, self.tr("Export the register of initiatives"), name)

    def export(self) -> None:
        if self.ctx.db is None:
            return
        path = self.ask_export_path()
        if path is None:
            return
        export_workbook(
            self,
            path,
            initiatives_ops.export_initiatives,
            self.ctx.db,
            path,
            self.year_filter.code(),
            self.ctx.today(),
            saved=self.tr("Exported {count} initiatives to {file}."),
            question=self.tr("Exported {count} initiatives."),
            failed_title=self.tr("The register was not exported"),
        )

    # -- a file dropped on the page ----------------------------------------------------------

    def takes_drops(self) -> bool:
        return self.ctx.db is not None

    def file_dropped(self, path: Path) -> None:
        self.open_import(path)
