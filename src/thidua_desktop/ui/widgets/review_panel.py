"""Bình xét và đề nghị khen thưởng: the review meeting, the votes, the days off and discipline of a
person, the majority, and the proposal list with lines added, edited and removed by hand (journey
step 6). All database work goes through the worker (``year_end_ops``, ``review_ops``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import abbreviations, vntext
from thidua_desktop.ui import messages
from thidua_desktop.ui.operations import review as review_ops
from thidua_desktop.ui.operations import year_end as year_end_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note, subheading
from thidua_desktop.ui.review_dialogs import InputsDialog, ProposalDialog
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, fit_rows, make_table, selected_rows

ERROR_COLOR = QColor("#a61b1b")
WARNING_COLOR = QColor("#b35c00")
ACHIEVED_COLOR = QColor("#1e6b3a")


def _store_error(exc: BaseException) -> str:
    from thidua_desktop.errors import UserError

    if not isinstance(exc, UserError):
        raise exc
    return exc.message


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text else None


class VoteDialog(QDialog):
    """The votes (and, if the meeting decided it, the outcome) of one line; a refusal keeps it open."""

    def __init__(self, ctx, year: int, row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.row = row
        self.warnings: list[str] = []
        self.setWindowTitle(self.tr("Votes for {title}").format(title=row.title_name))
        validator = QIntValidator(0, 100000, self)
        self.votes_for = QLineEdit("" if row.votes_for is None else str(row.votes_for))
        self.votes_for.setValidator(validator)
        self.votes_total = QLineEdit("" if row.votes_total is None else str(row.votes_total))
        self.votes_total.setValidator(validator)
        self.achieved = QComboBox()
        self.achieved.addItem(self.tr("Not decided (decide by majority)"), None)
        self.achieved.addItem(self.tr("Achieved"), True)
        self.achieved.addItem(self.tr("Not achieved"), False)
        self.achieved.setCurrentIndex(self.achieved.findData(row.achieved) if row.achieved is not None else 0)
        self.note = QLineEdit(row.note)
        form = QFormLayout()
        form.addRow(self.tr("Votes for"), self.votes_for)
        form.addRow(self.tr("Votes cast"), self.votes_total)
        form.addRow(self.tr("Outcome"), self.achieved)
        form.addRow(self.tr("Note"), self.note)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(subheading(f"{row.full_name} — {row.title_name}"))
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(460)
        screen_fit.fit_dialog(self)

    def save(self) -> None:
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            review_ops.record_vote,
            self.ctx.db,
            self.year,
            self.row.person_id,
            self.row.union_group_id,
            self.row.title_code,
            _number(self.votes_for.text()),
            _number(self.votes_total.text()),
            self.achieved.currentData(),
            self.note.text(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(_store_error(exc))


class ReviewPanel(QWidget):
    """The review meeting, the review table with its findings, and the proposal list of one year."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.data: year_end_ops.ReviewData | None = None
        self.vote_dialog: VoteDialog | None = None
        self.inputs_dialog: InputsDialog | None = None
        self.proposal_dialog: ProposalDialog | None = None

        # -- the meeting ------------------------------------------------------------------------
        self.held_on = QDateEdit()
        self.held_on.setDisplayFormat("dd/MM/yyyy")
        self.held_on.setCalendarPopup(True)
        self.held_on.setMinimumWidth(130)
        self.place = QLineEdit()
        self.chair = QLineEdit()
        self.secretary = QLineEdit()
        self.attendance_total = QSpinBox()
        self.attendance_total.setRange(0, 100000)
        self.attendance_present = QSpinBox()
        self.attendance_present.setRange(0, 100000)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        attendance = QHBoxLayout()
        attendance.setContentsMargins(0, 0, 0, 0)
        attendance.addWidget(QLabel(self.tr("Called")))
        attendance.addWidget(self.attendance_total)
        attendance.addWidget(QLabel(self.tr("Present")))
        attendance.addWidget(self.attendance_present)
        attendance.addStretch(1)
        attendance_box = QWidget()
        attendance_box.setLayout(attendance)
        form = QFormLayout()
        form.addRow(self.tr("Meeting date"), self.held_on)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Chaired by"), self.chair)
        form.addRow(self.tr("Secretary"), self.secretary)
        form.addRow(self.tr("Attendance"), attendance_box)
        form.addRow(self.tr("Notes"), self.notes)
        form_box = QWidget()
        form_box.setLayout(form)
        self.save_meeting_button = QPushButton(self.tr("Save the meeting"))
        self.save_meeting_button.clicked.connect(self.save_meeting)
        meeting_row = QHBoxLayout()
        meeting_row.setContentsMargins(0, 0, 0, 0)
        meeting_row.addWidget(self.save_meeting_button)
        meeting_row.addStretch(1)
        meeting_buttons = QWidget()
        meeting_buttons.setLayout(meeting_row)
        self.meeting_error = ErrorLine()
        self.meeting_saved = SuccessLine()

        # -- the review table -------------------------------------------------------------------
        self.model = RowsModel(
            [
                Column(self.tr("Person"), self._who, sort_key=STORED_ORDER, width=240, tooltip=self._who),
                Column(
                    self.tr("Title"),
                    lambda r: r.title_name,
                    width=210,
                    tooltip=lambda r: abbreviations.explained(r.title_name),
                ),
                Column(self.tr("Registered"), lambda r: self.tr("Yes") if r.registered else self.tr("No"), width=90),
                Column(self.tr("Outcome"), self._achieved_text, width=100, foreground=self._achieved_color),
                Column(self.tr("Votes for / cast"), self._votes_text, width=130, align_center=True),
                Column(
                    self.tr("Not eligible because"),
                    self._exclusions_text,
                    tooltip=self._exclusions_text,
                    foreground=lambda r: ERROR_COLOR if r.excluded else None,
                ),
            ],
            self,
        )
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda index: self.edit_votes(self.model.row_at(index.row())))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.votes_button = QPushButton(self.tr("Enter votes…"))
        self.votes_button.clicked.connect(self._edit_selected)
        self.inputs_button = QPushButton(self.tr("Days off, discipline…"))
        self.inputs_button.setToolTip(
            self.tr("Working days off (maternity leave not counted) and a disciplinary measure of the selected person")
        )
        self.inputs_button.clicked.connect(self._inputs_selected)
        self.majority_button = QPushButton(self.tr("Decide by majority"))
        self.majority_button.clicked.connect(self.apply_majority)
        review_row = QHBoxLayout()
        review_row.setContentsMargins(0, 0, 0, 0)
        review_row.addWidget(self.votes_button)
        review_row.addWidget(self.inputs_button)
        review_row.addWidget(self.majority_button)
        review_row.addStretch(1)
        review_buttons = QWidget()
        review_buttons.setLayout(review_row)
        self.review_error = ErrorLine()
        self.review_saved = SuccessLine()
        self.vote_warnings = QLabel()
        self.vote_warnings.setWordWrap(True)
        self.vote_warnings.setStyleSheet("color: #b35c00;")
        self.vote_warnings.hide()
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setMaximumHeight(120)

        # -- proposals --------------------------------------------------------------------------
        self.proposals = RowsModel(
            [
                Column(self.tr("Section"), self._section_text, sort_key=STORED_ORDER, width=110),
                Column(self.tr("Name"), lambda p: p.name, width=190, tooltip=lambda p: p.name),
                Column(
                    self.tr("Award"),
                    lambda p: p.award_name,
                    width=230,
                    tooltip=lambda p: abbreviations.explained(p.award_name),
                ),
                Column(self.tr("Level"), self._level_text, width=130),
                Column(
                    self.tr("Summary of achievements (double-click to edit)"),
                    lambda p: p.summary,
                    tooltip=lambda p: p.summary,
                    editable=True,
                ),
            ],
            self,
        )
        self.proposals.on_edit = self._summary_edited
        self.proposals_view = make_table(self.proposals)
        self.proposals_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.build_button = QPushButton(self.tr("Draw up the proposal list"))
        self.build_button.clicked.connect(self.build)
        self.add_proposal_button = QPushButton(self.tr("Add a line…"))
        self.add_proposal_button.clicked.connect(lambda: self.add_proposal())
        self.edit_proposal_button = QPushButton(self.tr("Edit the line…"))
        self.edit_proposal_button.clicked.connect(self._edit_proposal_selected)
        self.remove_proposal_button = QPushButton(self.tr("Remove the line"))
        self.remove_proposal_button.clicked.connect(self._remove_proposal_selected)
        build_row = QHBoxLayout()
        build_row.setContentsMargins(0, 0, 0, 0)
        build_row.addWidget(self.build_button)
        build_row.addWidget(self.add_proposal_button)
        build_row.addWidget(self.edit_proposal_button)
        build_row.addWidget(self.remove_proposal_button)
        build_row.addStretch(1)
        build_buttons = QWidget()
        build_buttons.setLayout(build_row)
        self.proposals_error = ErrorLine()
        self.proposals_saved = SuccessLine()

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        for widget in (
            subheading(self.tr("Review meeting")),
            form_box,
            meeting_buttons,
            self.meeting_error,
            self.meeting_saved,
            subheading(self.tr("Review table")),
            note(
                self.tr(
                    "Double-click a line to enter its votes. A title is achieved with more than half of the "
                    "votes cast, unless the rules exclude the person. Union groups are reviewed for the "
                    "group titles the collective registered."
                )
            ),
            self.view,
            review_buttons,
            self.review_error,
            self.review_saved,
            self.vote_warnings,
            QLabel(self.tr("What the review still lacks")),
            self.findings,
            subheading(self.tr("Commendation proposals")),
            note(
                self.tr(
                    "Drawn up from the review: building again adds what is missing and never deletes. "
                    "Double-click a summary to edit it; add, edit or remove lines by hand with the buttons."
                )
            ),
            build_buttons,
            self.proposals_view,
            self.proposals_error,
            self.proposals_saved,
        ):
            box.addWidget(widget)
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------

    def load(self, year: int | None) -> None:
        self.year = year
        if year is None or self.ctx.db is None:
            self.clear()
            return
        self.ctx.tasks.run(year_end_ops.review_data, self.ctx.db, year, on_done=self._show, owner=self)

    def reload(self) -> None:
        self.load(self.year)

    def clear(self) -> None:
        self.data = None
        self.model.set_rows([])
        self.proposals.set_rows([])
        self.findings.clear()
        self._update_buttons()

    def _show(self, data: year_end_ops.ReviewData) -> None:
        if data.year != self.year:
            return
        self.data = data
        m = data.meeting
        held = (m.held_on if m and m.held_on else None) or min(self.ctx.today(), date(data.year, 12, 31))
        self.held_on.setDate(QDate(held.year, held.month, held.day))
        if m is not None:
            self.place.setText(m.place)
            self.chair.setText(m.chair)
            self.secretary.setText(m.secretary)
            self.attendance_total.setValue(m.attendance_total or 0)
            self.attendance_present.setValue(m.attendance_present or 0)
            self.notes.setPlainText(m.notes)
        self.model.set_rows(data.rows)
        fit_rows(self.view, min(len(data.rows), 12), minimum=3)
        self.findings.clear()
        for finding in data.findings:
            item = QListWidgetItem(finding.message)
            item.setForeground(ERROR_COLOR if finding.severity == "error" else WARNING_COLOR)
            self.findings.addItem(item)
        if not data.findings:
            self.findings.addItem(QListWidgetItem(self.tr("Nothing: the review is complete.")))
        self.proposals.set_rows(data.proposals)
        fit_rows(self.proposals_view, min(len(data.proposals), 12), minimum=2)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.data is not None
        for button in (self.save_meeting_button, self.majority_button, self.build_button, self.add_proposal_button):
            button.setEnabled(has)
        chosen = selected_rows(self.view) if has else []
        self.votes_button.setEnabled(bool(chosen))
        self.inputs_button.setEnabled(bool(chosen) and chosen[0].person_id is not None)
        line = selected_rows(self.proposals_view) if has else []
        self.edit_proposal_button.setEnabled(bool(line))
        self.remove_proposal_button.setEnabled(bool(line))

    # -- texts -----------------------------------------------------------------------------------

    def _who(self, r) -> str:
        if r.person_id is not None:
            return r.full_name
        if r.union_group_id is not None:
            return self.tr("Union group: {name}").format(name=r.full_name)
        return self.tr("Collective: {name}").format(name=r.full_name)

    def _achieved_text(self, r) -> str:
        if r.achieved is None:
            return self.tr("Not reviewed")
        return self.tr("Achieved") if r.achieved else self.tr("Not achieved")

    @staticmethod
    def _achieved_color(r):
        return None if r.achieved is None else ACHIEVED_COLOR if r.achieved else ERROR_COLOR

    @staticmethod
    def _votes_text(r) -> str:
        if r.votes_total is None and r.votes_for is None:
            return ""
        return f"{'' if r.votes_for is None else r.votes_for} / {'' if r.votes_total is None else r.votes_total}"

    @staticmethod
    def _exclusions_text(r) -> str:
        return "; ".join(e.message for e in r.exclusions)

    def _section_text(self, p) -> str:
        return self.tr("A. Collective") if p.section == "A" else self.tr("B. Individual")

    def _level_text(self, p) -> str:
        return self.tr("Upper union") if p.level == "upper" else self.tr("Own union")

    # -- the meeting -----------------------------------------------------------------------------

    def save_meeting(self) -> None:
        if self.year is None:
            return
        self.meeting_error.clear_message()
        self.meeting_saved.clear_message()
        d = self.held_on.date()
        self.save_meeting_button.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.record_meeting,
            self.ctx.db,
            self.year,
            date(d.year(), d.month(), d.day()),
            self.place.text(),
            self.chair.text(),
            self.secretary.text(),
            self.attendance_total.value(),
            self.attendance_present.value(),
            self.notes.toPlainText(),
            self.ctx.today(),
            on_done=self._meeting_done,
            on_error=self._meeting_failed,
            owner=self,
        )

    def _meeting_done(self, info) -> None:
        self.save_meeting_button.setEnabled(True)
        self.meeting_saved.show_message(
            self.tr("Saved the review meeting of {date}: {present}/{total} present.").format(
                date=vntext.format_date(info.held_on), present=info.attendance_present, total=info.attendance_total
            )
        )
        self.reload()

    def _meeting_failed(self, exc: BaseException) -> None:
        self.save_meeting_button.setEnabled(True)
        self.meeting_error.show_message(_store_error(exc))

    # -- votes -----------------------------------------------------------------------------------

    def _edit_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.edit_votes(self.model.row_at(rows[0].row()))

    def edit_votes(self, row) -> VoteDialog | None:
        if self.year is None:
            return None
        self.review_error.clear_message()
        self.review_saved.clear_message()
        dialog = VoteDialog(self.ctx, self.year, row, self)
        dialog.accepted.connect(lambda: self._votes_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.vote_dialog = dialog
        dialog.open()
        return dialog

    def _votes_saved(self, dialog: VoteDialog) -> None:
        self.review_saved.show_message(
            self.tr("Saved the votes of {name} — {title}.").format(
                name=dialog.row.full_name, title=dialog.row.title_name
            )
        )
        self.vote_warnings.setText("\n".join(dialog.warnings))
        self.vote_warnings.setVisible(bool(dialog.warnings))
        self.reload()

    # -- days off and discipline ---------------------------------------------------------------

    def _inputs_selected(self) -> None:
        rows = selected_rows(self.view)
        if rows:
            self.edit_inputs(rows[0])

    def edit_inputs(self, row) -> InputsDialog | None:
        if self.year is None or row.person_id is None:
            return None
        self.review_error.clear_message()
        self.review_saved.clear_message()
        dialog = InputsDialog(self.ctx, self.year, row, self)
        dialog.accepted.connect(lambda: self._inputs_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.inputs_dialog = dialog
        dialog.open()
        return dialog

    def _inputs_saved(self, dialog: InputsDialog) -> None:
        inputs = dialog.result_value
        days = self.tr("not stated") if inputs.days_off is None else str(inputs.days_off)
        self.review_saved.show_message(
            self.tr("Saved for {name}: days off {days}; discipline: {discipline}.").format(
                name=dialog.row.full_name, days=days, discipline=inputs.discipline or self.tr("none")
            )
        )
        self.reload()

    def apply_majority(self) -> None:
        if self.year is None:
            return
        self.review_error.clear_message()
        self.review_saved.clear_message()
        self.vote_warnings.hide()
        self.majority_button.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.apply_majority,
            self.ctx.db,
            self.year,
            on_done=self._majority_done,
            on_error=self._review_failed,
            owner=self,
        )

    def _majority_done(self, s) -> None:
        self.majority_button.setEnabled(True)
        text = self.tr(
            "Decided by majority: {achieved} achieved, {not_achieved} not achieved, {excluded} excluded "
            "by the rules, {capped} over the cap; {without} without votes, {kept} decided before and "
            "kept, {unregistered} not registered (left to you)."
        ).format(
            achieved=s.achieved,
            not_achieved=s.not_achieved,
            excluded=s.excluded,
            capped=s.capped,
            without=s.without_votes,
            kept=s.kept,
            unregistered=s.unregistered_skipped,
        )
        self.review_saved.show_message(text)
        self.reload()

    def _review_failed(self, exc: BaseException) -> None:
        self.majority_button.setEnabled(True)
        self.review_error.show_message(_store_error(exc))

    # -- proposals -------------------------------------------------------------------------------

    def build(self) -> None:
        if self.year is None:
            return
        self.proposals_error.clear_message()
        self.proposals_saved.clear_message()
        self.build_button.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.build_proposals,
            self.ctx.db,
            self.year,
            on_done=self._built,
            on_error=self._proposals_failed,
            owner=self,
        )

    def _built(self, summary) -> None:
        self.build_button.setEnabled(True)
        lines = [
            self.tr("Proposal list drawn up: {added} lines added, {kept} kept.").format(
                added=summary.added, kept=summary.kept
            )
        ]
        if summary.stale:
            lines.append(
                self.tr("No longer following from the review (remove them if right): {lines}.").format(
                    lines="; ".join(f"{p.name} — {p.award_name}" for p in summary.stale)
                )
            )
        lines += list(summary.notes)
        self.proposals_saved.show_message("\n".join(lines))
        self.reload()

    def _proposals_failed(self, exc: BaseException) -> None:
        self.build_button.setEnabled(True)
        self.proposals_error.show_message(_store_error(exc))

    # -- proposal lines by hand ----------------------------------------------------------------

    def add_proposal(self, proposal=None) -> None:
        """Load the choices (titles, union groups, roster), then open the proposal dialog."""
        if self.year is None:
            return
        self.proposals_error.clear_message()
        self.proposals_saved.clear_message()
        self.ctx.tasks.run(
            review_ops.proposal_choices,
            self.ctx.db,
            self.year,
            on_done=lambda choices: self._open_proposal(choices, proposal),
            on_error=self._proposals_failed,
            owner=self,
        )

    def _open_proposal(self, choices, proposal) -> None:
        dialog = ProposalDialog(self.ctx, self.year, choices, proposal, self)
        dialog.accepted.connect(lambda: self._proposal_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.proposal_dialog = dialog
        dialog.open()

    def _edit_proposal_selected(self) -> None:
        rows = selected_rows(self.proposals_view)
        if rows:
            self.add_proposal(rows[0])

    def _proposal_saved(self, dialog: ProposalDialog) -> None:
        row = dialog.result_value
        text = (
            self.tr("Saved the line of {name} — {award}.")
            if dialog.proposal
            else self.tr("Added {name} — {award} to the proposal list.")
        ).format(name=row.name, award=row.award_name)
        self.proposals_saved.show_message(text)
        self.reload()

    def _remove_proposal_selected(self) -> None:
        rows = selected_rows(self.proposals_view)
        if rows:
            self.remove_proposal(rows[0])

    def remove_proposal(self, row) -> None:
        self.proposals_error.clear_message()
        self.proposals_saved.clear_message()
        if not messages.confirm(
            self,
            self.tr("Remove {name} — {award} from the proposal list?").format(name=row.name, award=row.award_name),
            informative=self.tr("Drawing up the list again adds the line back if the review still leads to it."),
            yes_text=self.tr("Remove"),
        ):
            return
        self.ctx.tasks.run(
            review_ops.remove_proposal,
            self.ctx.db,
            row.id,
            on_done=lambda _id: self._proposal_removed(row),
            on_error=self._proposals_failed,
            owner=self,
        )

    def _proposal_removed(self, row) -> None:
        self.proposals_saved.show_message(
            self.tr("Removed {name} — {award} from the proposal list.").format(name=row.name, award=row.award_name)
        )
        self.reload()

    def _summary_edited(self, row, _column: int, text: str) -> None:
        if text.strip() == row.summary:
            return
        self.proposals_error.clear_message()
        self.proposals_saved.clear_message()
        self.ctx.tasks.run(
            year_end_ops.update_proposal_summary,
            self.ctx.db,
            row.id,
            text,
            on_done=self._summary_saved,
            on_error=self._proposals_failed,
            owner=self,
        )

    def _summary_saved(self, row) -> None:
        number = self.proposals.view_row_of(lambda p: p.id == row.id)
        if number is not None:
            self.proposals.replace_row(number, row)
        self.proposals_saved.show_message(self.tr("Saved the summary of {name}.").format(name=row.name))
