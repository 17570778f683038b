"""Dialogs of the Tổng hợp page (upper-level mode): export the plan package, email the reminders.

* :class:`PlanExportDialog` — the upper union's side of the plan package (issue 8 item 2): the
  year, the key (the widgets of :class:`~thidua_desktop.ui.signing_dialogs.KeyChoice`: a key file,
  the unit's own key or a USB token) and where to save; the signed workbook is written on the
  worker, then the dialog shows where it went and the signer's fingerprint (to read out by phone).
* :class:`ReminderDialog` — one email per unit with a report missing, queued in the outbox
  (``services.upper.queue_reminders``; the same report is never reminded twice to a unit on the
  same day) and, if asked, sent at once with the mail account's password (never saved).

The work runs on the worker through ``ui.operations.upper``; nothing here imports the services at
module level: the page opens these dialogs lazily.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import file_dialogs, signing_dialogs
from thidua_desktop.ui.operations.upper import export_plan, queue_reminders, reminder_setup
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note
from thidua_desktop.ui.signing_dialogs import KeyChoice, SmtpDialog
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table

if TYPE_CHECKING:
    from thidua_desktop.services.upper import Reminded, ReminderSetup


def _known_error(exc: BaseException) -> str | None:
    return signing_dialogs._known_error(exc)


# --- the plan package -----------------------------------------------------------------------


class PlanExportDialog(QDialog):
    """Export a year's plan as the signed plan package the grassroots unions import."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_ = None
        self.setWindowTitle(self.tr("Export the plan package"))
        self.setMinimumWidth(580)
        intro = note(
            self.tr(
                "The plan package is a signed workbook with the year's plan: phases and deadlines, "
                "movements, indicators with their targets, titles and rule values. Send it to the "
                "grassroots unions; each imports it (Year › Import a plan package…) instead of typing "
                "the plan."
            )
        )
        self.year = QComboBox()
        for summary in ctx.years:
            self.year.addItem(str(summary.year), summary.year)
        self.year.setCurrentIndex(max(0, self.year.findData(ctx.year)))
        self.year.currentIndexChanged.connect(self._year_changed)
        self.out = QLineEdit()
        self.out_button = QPushButton(self.tr("Choose…"))
        self.out_button.clicked.connect(self._choose_out)

        self.error = ErrorLine()
        self.done_line = SuccessLine()
        self.done_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keys = KeyChoice(ctx, self, self.error, self.done_line)

        form = QFormLayout()
        form.addRow(self.tr("Year"), self.year)
        self.keys.add_rows(form, self.tr("Sign with"))
        form.addRow(self.tr("Save as"), signing_dialogs._row(self.out, self.out_button))

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note(self.tr("Passwords and PINs are used for this signature only and are never saved.")))
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.buttons)
        self._year_changed()
        self.keys.check_unit_key()
        screen_fit.fit_dialog(self)

    def _default_name(self) -> str:
        return f"goi-ke-hoach-{self.year.currentData()}.xlsx"

    def _year_changed(self, _index: int = 0) -> None:
        current = self.out.text().strip()
        if not current or Path(current).name.startswith("goi-ke-hoach-"):
            folder = Path(current).parent if current else file_dialogs.start_folder(file_dialogs.UPPER)
            self.out.setText(str(folder / self._default_name()))

    def _choose_out(self) -> None:
        chosen = signing_dialogs.ask_save_path(
            self, self.tr("Save the plan package"), self.tr("Excel workbook (*.xlsx)"), self.out.text()
        )
        if chosen:
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            self.out.setText(chosen)

    def export(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        year = self.year.currentData()
        if year is None:
            self.error.show_message(self.tr("There is no year to export yet."))
            return
        out = self.out.text().strip()
        if not out:
            self.error.show_message(self.tr("Choose where to save the plan package."))
            return
        try:
            spec = self.keys.spec()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.keys.clear_secrets()
        self.export_button.setEnabled(False)
        self.done_line.show_message(self.tr("Writing and signing the plan package…"))
        self.ctx.tasks.run(
            export_plan, self.ctx.db, int(year), out, spec, on_done=self._exported, on_error=self._failed, owner=self
        )

    def _exported(self, result) -> None:
        self.export_button.setEnabled(True)
        self.result_ = result
        c = result.counts
        self.done_line.show_message(
            self.tr(
                "Saved the plan package of {year}:\n{path}\n{phases} phases, {movements} movements, {indicators} "
                "indicators, {titles} titles, {rules} rule values.\nSigned by {signer}; fingerprint (read it out to the "
                "units by phone so that they can check it): {fingerprint}"
            ).format(year=result.year, path=result.path, signer=result.signer, fingerprint=result.fingerprint, **c)
        )

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.done_line.clear_message()
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)


# --- reminders ------------------------------------------------------------------------------


class ReminderDialog(QDialog):
    """The units with a report missing: one reminder each, queued in the outbox and sent if asked."""

    def __init__(self, ctx, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year_ = year
        self.setup = None
        self.reminded = None
        self.setWindowTitle(self.tr("Email the reminders"))
        self.setMinimumSize(760, 560)
        intro = note(
            self.tr(
                "One email to each unit whose report is past its due date and has not come in, listing "
                "what is missing. The messages go through the outbox; a report already reminded to a "
                "unit today is not reminded again."
            )
        )
        self.model = RowsModel(
            [
                Column(self.tr("Code"), lambda r: r.code, width=70),
                Column(self.tr("Name"), lambda r: r.name, tooltip=lambda r: r.name),
                Column(self.tr("Email"), lambda r: r.email, width=170),
                Column(self.tr("To remind"), self._kinds, width=120),
                Column(self.tr("State"), self._state, width=200, tooltip=self._state),
            ],
            self,
        )
        self.view = make_table(self.model, stretch_column=1)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(lambda index: self._preview(self.model.row_at(index.row())))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMaximumHeight(170)
        self.smtp_state = QLabel()
        self.smtp_state.setWordWrap(True)
        self.smtp_button = QPushButton(self.tr("Mail server settings…"))
        self.smtp_button.clicked.connect(self._edit_smtp)
        self.send_now = QCheckBox(self.tr("Send them now (otherwise they wait in the outbox)"))
        self.send_now.setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self.tr("Mail password"))
        form = QFormLayout()
        form.addRow(self.tr("Mail server"), signing_dialogs._row(self.smtp_state, self.smtp_button))
        form.addRow("", self.send_now)
        form.addRow(self.password_label, self.password)
        self.error = ErrorLine()
        self.done_line = SuccessLine()
        self.buttons = QDialogButtonBox()
        self.queue_button = self.buttons.addButton(
            self.tr("Put the reminders in the outbox"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.queue)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel(self.tr("The message (click a unit to see its own):")))
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.buttons)
        self.queue_button.setEnabled(False)
        self.load()
        screen_fit.fit_dialog(self)

    # -- labels ------------------------------------------------------------------------------

    def _kind_names(self) -> dict[str, str]:
        return {
            "registration": self.tr("Registration"),
            "midyear-report": self.tr("Mid-year report"),
            "year-report": self.tr("Year report"),
        }

    def _kinds(self, r) -> str:
        names = self._kind_names()
        return ", ".join(names.get(k, k) for k in (r.kinds or r.already))

    def _state(self, r) -> str:
        if not r.kinds:
            return self.tr("Already reminded today")
        if not r.email:
            return self.tr("No email address: add it on the Units tab")
        if r.already:
            return self.tr("Will be sent (the rest was reminded today)")
        return self.tr("Will be sent")

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.tasks.run(
            reminder_setup,
            self.ctx.db,
            self.ctx.paths,
            self.year_,
            self.ctx.today(),
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _show(self, setup: ReminderSetup) -> None:
        self.setup = setup
        self.model.set_rows(setup.reminders)
        first = next((r for r in setup.reminders if r.to_send), setup.reminders[0] if setup.reminders else None)
        self._preview(first)
        self._show_smtp(setup.smtp)

    def _preview(self, reminder) -> None:
        if reminder is None:
            self.preview.setPlainText(self.tr("No unit needs a reminder today."))
            return
        to, subject = self.tr("To"), self.tr("Subject")
        self.preview.setPlainText(f"{to}: {reminder.email or '—'}\n{subject}: {reminder.subject}\n\n{reminder.body}")

    def _pending(self) -> list:
        return [r for r in (self.setup.reminders if self.setup else []) if r.to_send]

    def _show_smtp(self, smtp) -> None:
        self.smtp = smtp
        if smtp.host:
            login = smtp.user or self.tr("no login")
            self.smtp_state.setText(f"{smtp.host}:{smtp.port} ({login})")
        else:
            self.smtp_state.setText(self.tr("Not set up yet: set up the mail server to send reminders."))
        self.password_label.setVisible(bool(smtp.user))
        self.password.setVisible(bool(smtp.user))
        self.queue_button.setEnabled(bool(smtp.host) and bool(self._pending()))

    def _edit_smtp(self) -> None:
        dialog = SmtpDialog(self.ctx, self.smtp, self)
        dialog.saved.connect(self._show_smtp)
        self.smtp_dialog = dialog
        dialog.open()

    # -- queuing -----------------------------------------------------------------------------

    def queue(self) -> None:
        pending = self._pending()
        if not pending or not self.smtp.host:
            return
        self.error.clear_message()
        self.done_line.clear_message()
        password = self.password.text()
        self.password.clear()
        self.queue_button.setEnabled(False)
        self.ctx.tasks.run(
            queue_reminders,
            self.ctx.db,
            self.ctx.paths,
            self.year_,
            self.ctx.today(),
            [r.code for r in pending],
            self.send_now.isChecked(),
            password,
            on_done=self._queued,
            on_error=self._failed,
            owner=self,
        )

    def _queued(self, result: Reminded) -> None:
        self.reminded = result
        outcome = result.outcome
        lines = [self.tr("{n} reminders put in the outbox.").format(n=len(outcome.queued))]
        problems = [f"{code}: {why}" for code, why in outcome.refused]
        if result.sent is not None:
            ok, text = signing_dialogs.send_outcome_text(result.sent)
            if ok:
                lines.append(self.tr("{n} sent.").format(n=len(result.sent.sent)))
            else:
                problems.insert(0, text)
        self.done_line.show_message(" ".join(lines))
        self.error.show_message("\n".join(problems))
        self.setup = replace(self.setup, reminders=result.reminders, smtp=self.smtp)
        self.model.set_rows(result.reminders)
        self._show_smtp(self.smtp)

    def _failed(self, exc: BaseException) -> None:
        self.queue_button.setEnabled(bool(self._pending()) and bool(getattr(self, "smtp", None) and self.smtp.host))
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)
