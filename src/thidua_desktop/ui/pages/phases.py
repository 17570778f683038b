"""Sơ kết – Tổng kết: the phases of the year, their report deadlines and lock dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import PhaseInfo, YearDetail
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import deadlines as deadlines_ops
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.operations import year_end as year_end_ops
from thidua_desktop.ui.pages.base import ErrorLine, Page, SuccessLine, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.widgets import deadline_status as ds
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.report_editor import ReportEditor
from thidua_desktop.ui.widgets.results_table import ResultDialog, ResultsTable
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, fit_rows, make_table
from thidua_desktop.ui.widgets.timeline import deadline_color

DATE_FORMAT = "dd/MM/yyyy"


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(130)
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def edit_value(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class PhaseDialog(QDialog):
    """Change the dates of one phase; the worker saves, a refusal keeps the dialog open."""

    def __init__(self, ctx: context.AppContext, year: int, phase: PhaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.phase = phase
        self.result_phase: PhaseInfo | None = None
        self.setWindowTitle(self.tr("Dates of {phase}").format(phase=phase.name))
        self.start = date_edit(phase.start)
        self.end = date_edit(phase.end)
        self.report_due = date_edit(phase.report_due)
        self.lock_date = date_edit(phase.lock_date)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Report due"), self.report_due)
        form.addRow(self.tr("Figures locked on"), self.lock_date)
        hint = QLabel(
            self.tr(
                "Dates are day/month/year. The report cannot be due before the phase ends, nor the "
                "figures locked before the report is due."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6673;")
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        title = subheading(phase.name)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(hint)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(420)
        screen_fit.fit_dialog(self)

    def save(self) -> None:
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            year_ops.update_phase,
            self.ctx.db,
            self.year,
            self.phase.number,
            edit_value(self.start),
            edit_value(self.end),
            edit_value(self.report_due),
            edit_value(self.lock_date),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, phase: PhaseInfo) -> None:
        self.result_phase = phase
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)


class PhasesPage(Page):
    topics = frozenset({context.YEAR, context.REGISTRATION, context.INITIATIVES, context.PEOPLE, ds.SENDINGS})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._today = date.today()
        self.model = RowsModel(
            [
                Column(self.tr("Phase"), lambda p: p.name, sort_key=STORED_ORDER, width=120),
                Column(self.tr("From"), lambda p: vntext.format_date(p.start), width=110),
                Column(self.tr("To"), lambda p: vntext.format_date(p.end), width=110),
                Column(self.tr("Report due"), lambda p: vntext.format_date(p.report_due), width=140),
                Column(self.tr("Figures locked on"), lambda p: vntext.format_date(p.lock_date), width=150),
                Column(self.tr("Time left"), self._left_text, width=330, foreground=self._left_color),
            ],
            self,
        )
        self.model.row_tooltip = lambda p: p.description or None
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda index: self.edit_phase(self.model.row_at(index.row()).number))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = QPushButton(self.tr("Change dates…"))
        self.edit_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.edit_button.clicked.connect(self._edit_selected)
        self.package_button = QPushButton(self.tr("Import a plan package…"))
        self.package_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.package_button.setToolTip(
            self.tr("Create or update the year from the signed plan workbook the upper union sent")
        )
        self.package_button.clicked.connect(lambda: self.import_package())
        self.plan_button = QPushButton(self.tr("Edit the year's plan…"))
        self.plan_button.setToolTip(self.tr("Plan number and date, theme, phases, deadlines, movements and indicators"))
        self.plan_button.clicked.connect(lambda: self.edit_plan())
        self.saved = SuccessLine()

        self.registration_due = date_edit()
        self.registration_due.dateChanged.connect(lambda *_: self._update_buttons())
        self.save_due = QPushButton(self.tr("Save"))
        self.save_due.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.save_due.clicked.connect(self.save_registration_due)
        self.due_error = ErrorLine()
        self.due_saved = SuccessLine()
        due_row = QHBoxLayout()
        due_row.addWidget(QLabel(self.tr("Registration due")))
        due_row.addWidget(self.registration_due)
        due_row.addWidget(self.save_due)
        due_row.addStretch(1)
        due_box = QWidget()
        due_box.setLayout(due_row)

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.package_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        buttons_box = QWidget()
        buttons_box.setLayout(buttons)
        # indicator results
        self.results = ResultsTable()
        self.results.edit_requested.connect(self.enter_result)
        self.compute_button = QPushButton(self.tr("Recompute from the data"))
        self.compute_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.compute_button.clicked.connect(self.compute)
        self.results_error = ErrorLine()
        self.results_saved = SuccessLine()
        results_row = QHBoxLayout()
        results_row.addWidget(self.compute_button)
        results_row.addStretch(1)
        results_buttons = QWidget()
        results_buttons.setLayout(results_row)

        # reports
        self.report_kind = QComboBox()
        self.report_kind.addItem(self.tr("Phase 1 review"), "midyear")
        self.report_kind.addItem(self.tr("Year-end review"), "year")
        self.report_kind.currentIndexChanged.connect(lambda *_: self._show_report())
        self.editor = ReportEditor(ctx)
        self.editor.changed.connect(self._report_changed)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Report")))
        kind_row.addWidget(self.report_kind)
        kind_row.addStretch(1)
        self.return_button = QPushButton(self.tr("Import a returned report…"))
        self.return_button.setToolTip(self.tr("Record the comments of the upper union that returned a report"))
        self.return_button.clicked.connect(lambda: self.import_return())
        kind_row.addWidget(self.return_button)
        kind_box = QWidget()
        kind_box.setLayout(kind_row)

        # each deadline: sent on time / late, or how long is left; the outcome once the year has ended
        self.deadline_list = ds.DeadlineList()
        self.deadlines = None  # services.deadlines.YearDeadlines, once read

        self.title = heading(self.tr("Phase and year-end reviews"))
        scroll_page(
            self,
            [
                self.title,
                card(subheading(self.tr("Phases")), self.view, self.saved, buttons_box),
                card(subheading(self.tr("Deadlines and sendings")), self.deadline_list),
                card(
                    subheading(self.tr("Registration deadline")),
                    note(self.tr("The date by which the union sends its emulation registration to the upper union.")),
                    due_box,
                    self.due_error,
                    self.due_saved,
                ),
                card(
                    subheading(self.tr("Indicator results")),
                    note(
                        self.tr(
                            "Figures marked * are counted from the data now and not saved yet; a registered "
                            "figure in brackets is the plan's suggestion. Double-click an indicator entered by "
                            "hand to enter its result."
                        )
                    ),
                    self.results,
                    results_buttons,
                    self.results_error,
                    self.results_saved,
                ),
                card(subheading(self.tr("Reports")), kind_box, self.editor),
                note(
                    self.tr(
                        "The review and the commendation proposals are on the page "
                        "Review and commendation, next in the sidebar."
                    )
                ),
            ],
        )
        self._detail: YearDetail | None = None
        self._dialog: PhaseDialog | None = None
        self._year_end: year_end_ops.YearEndData | None = None
        self.result_dialog: ResultDialog | None = None
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        if self.ctx.year is None:
            self.clear()
            return
        self.fetch(year_ops.year_detail, self.ctx.db, self.ctx.year, on_done=self._show)

    def clear(self) -> None:
        self._detail = None
        self._year_end = None
        self.deadlines = None
        self.deadline_list.clear()
        self.model.set_rows([])
        self.results.set_rows([])
        self.editor.show_report(None, None, self.report_kind.currentData(), [])
        self._update_buttons()

    def _show(self, detail: YearDetail) -> None:
        self._detail = detail
        self._today = self.ctx.today()
        self.title.setText(self.tr("Phase and year-end reviews {year}").format(year=detail.year))
        self.model.set_rows(detail.phases)
        fit_rows(self.view, len(detail.phases), minimum=2)
        if detail.phases and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        due = detail.registration_due or date(detail.year, 2, 20)
        self.registration_due.blockSignals(True)
        self.registration_due.setDate(QDate(due.year, due.month, due.day))
        self.registration_due.blockSignals(False)
        self._update_buttons()
        self.fetch(year_end_ops.year_end, self.ctx.db, detail.year, self._today, on_done=self._show_year_end)
        self.fetch(
            deadlines_ops.year_deadlines,
            self.ctx.db,
            self.ctx.paths,
            detail.year,
            self._today,
            on_done=self._show_deadlines,
        )

    def _show_deadlines(self, found) -> None:
        self.deadlines = found
        self.deadline_list.set_deadlines(found)
        self.model.set_rows(self._detail.phases if self._detail is not None else [])

    def _deadline_of(self, phase: PhaseInfo):
        if self.deadlines is None or self._detail is None or self.deadlines.year != self._detail.year:
            return None
        found = self.deadlines.report(phase.number)
        return found if found is not None and found.due == phase.report_due else None

    def _show_year_end(self, data: year_end_ops.YearEndData) -> None:
        self._year_end = data
        self.results.set_rows(data.rows)
        fit_rows(self.results.view, len(data.rows), minimum=3)
        self._show_report()
        self._update_buttons()

    def _show_report(self) -> None:
        data = self._year_end
        kind = self.report_kind.currentData()
        if data is None:
            self.editor.show_report(None, None, kind, [])
            return
        self.editor.show_report(data.year, data.reports.get(kind), kind, data.missing.get(kind, []))

    def _report_changed(self) -> None:
        self.ctx.changed(context.YEAR)

    # -- results -----------------------------------------------------------------------------

    def compute(self) -> None:
        if self._detail is None:
            return
        self.results_error.clear_message()
        self.results_saved.clear_message()
        self.compute_button.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.compute_results,
            self.ctx.db,
            self._detail.year,
            self.ctx.today(),
            on_done=self._computed,
            on_error=self._compute_failed,
            owner=self,
        )

    def _computed(self, summary) -> None:
        self.compute_button.setEnabled(True)
        text = self.tr("Saved {count} results computed from the data.").format(count=summary.stored)
        if summary.kept_entered:
            text += " " + self.tr("Kept the figures entered by hand: {codes}.").format(
                codes=", ".join(summary.kept_entered)
            )
        if summary.locked:
            text += " " + self.tr("Locked, not changed: {phases}.").format(phases="; ".join(summary.locked))
        self.results_saved.show_message(text)
        self.ctx.changed(context.YEAR)

    def _compute_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.compute_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.results_error.show_message(exc.message)

    def enter_result(self, row, phase_number: int) -> ResultDialog | None:
        if self._detail is None:
            return None
        names = [(p.number, p.name) for p in self._detail.phases]
        dialog = ResultDialog(self.ctx, self._detail.year, row, phase_number, names, self)
        dialog.accepted.connect(lambda: self._result_saved(row.code))
        dialog.finished.connect(dialog.deleteLater)
        self.result_dialog = dialog
        dialog.open()
        return dialog

    def _result_saved(self, code: str) -> None:
        self.results_saved.show_message(self.tr("Saved the result of {code}.").format(code=code))
        self.ctx.changed(context.YEAR)

    def _left_days(self, phase: PhaseInfo) -> int:
        return (phase.report_due - self._today).days

    def _left_text(self, phase: PhaseInfo) -> str:
        known = self._deadline_of(phase)
        if known is not None:
            return self.tr("Report: {left}").format(left=ds.words().state(known))
        return self.tr("Report: {left}").format(left=labels.days_left(self._left_days(phase)))

    def _left_color(self, phase: PhaseInfo):
        known = self._deadline_of(phase)
        if known is not None:
            return ds.words().color(known) if known.state != "not_due" or known.days <= 7 else None
        days = self._left_days(phase)
        return deadline_color(days) if days <= 7 else None

    def _update_buttons(self) -> None:
        has_year = self._detail is not None
        self.edit_button.setEnabled(has_year and self.view.selectionModel().hasSelection())
        self.compute_button.setEnabled(has_year)
        self.package_button.setEnabled(self.ctx.db is not None)
        self.plan_button.setEnabled(has_year)
        self.return_button.setEnabled(has_year)
        stored = self._detail.registration_due if self._detail else None
        self.save_due.setEnabled(has_year and edit_value(self.registration_due) != stored)
        self.registration_due.setEnabled(has_year)

    # -- editing -----------------------------------------------------------------------------

    def import_package(self, path=None):
        """The plan package dialog (``ui.plan_package_dialog``); it reloads the years itself."""
        from thidua_desktop.ui.plan_package_dialog import PlanPackageDialog

        dialog = PlanPackageDialog(self.ctx, self, path)
        dialog.finished.connect(dialog.deleteLater)
        self.package_dialog = dialog
        dialog.open()
        return dialog

    def edit_plan(self):
        """The plan editor (``ui.plan_editor``) for the year shown."""
        from thidua_desktop.ui.plan_editor import open_plan_editor

        self.plan_dialog = open_plan_editor(
            self.ctx,
            self,
            lambda lines: self.saved.show_message(" ".join([self.tr("Saved the plan of the year."), *lines])),
        )
        return self.plan_dialog

    def import_return(self, path=None):
        """The returned-report dialog (``ui.return_dialog``)."""
        from thidua_desktop.ui.return_dialog import ReturnDialog

        dialog = ReturnDialog(self.ctx, self, path)
        dialog.finished.connect(dialog.deleteLater)
        self.return_dialog = dialog
        dialog.open()
        return dialog

    def _edit_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.edit_phase(self.model.row_at(rows[0].row()).number)

    def edit_phase(self, number: int) -> PhaseDialog | None:
        if self._detail is None:
            return None
        phase = next((p for p in self._detail.phases if p.number == number), None)
        if phase is None:
            return None
        self.saved.clear_message()
        dialog = PhaseDialog(self.ctx, self._detail.year, phase, self)
        dialog.accepted.connect(lambda: self._phase_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _phase_saved(self, dialog: PhaseDialog) -> None:
        phase = dialog.result_phase
        if phase is not None:
            self.saved.show_message(self.tr("Saved the dates of {phase}.").format(phase=phase.name))
        self.ctx.changed(context.YEAR)

    def save_registration_due(self) -> None:
        if self._detail is None or self.ctx.db is None:
            return
        due = edit_value(self.registration_due)
        self.due_error.clear_message()
        self.due_saved.clear_message()
        self.ctx.tasks.run(
            year_ops.set_registration_due,
            self.ctx.db,
            self._detail.year,
            due,
            on_done=lambda _r: self._due_saved(due),
            on_error=self._due_failed,
            owner=self,
        )

    def _due_saved(self, due: date) -> None:
        self.due_saved.show_message(self.tr("Saved: registration due {date}.").format(date=vntext.format_date(due)))
        self.ctx.changed(context.YEAR)

    def _due_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.due_error.show_message(exc.message)
