"""Take in a report the upper union returned with comments (tệp trả lại báo cáo).

The worker verifies the file, reads it and finds the report version it concerns
(``services.returns``); the dialog shows the signature's verdict, which report, and the
comments, and records them on the report only when the user presses "Record the comments".
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui import context
from thidua_desktop.ui.signed_file_dialog import SignedFileDialog


def preview_job(db, paths, path: Path):
    from thidua_desktop.services import returns

    return returns.preview_return(db, paths, path)


def import_job(db, paths, path: Path):
    from thidua_desktop.services import returns

    return returns.import_return(db, paths, path)


class ReturnDialog(SignedFileDialog):
    """Choose the return file; see who sent it, for which report, and the comments; record them."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Import a returned report"),
            action=self.tr("Record the comments"),
            intro=self.tr(
                "When the upper union returns a report with comments, it sends a small signed workbook. "
                "The comments are recorded on the report they concern; then make a new version of the "
                "report to correct it."
            ),
            choose_title=self.tr("Choose the returned report"),
            reading=self.tr("Checking the signature and reading the file…"),
            untrusted=self.tr(
                "The data is intact, but the signer {signer} is not in the trusted list. Phone the "
                "sender and compare the certificate's fingerprint:\n{fingerprint}"
            ),
        )
        self.recorded = None
        self.record_button = self.action_button
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.sender = QLabel()
        self.sender.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setReadOnly(True)
        self.comment.setMinimumHeight(140)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.report)
        form.addRow(self.tr("Returned by"), self.sender)
        form.addRow(self.tr("Comments"), self.comment)
        self.details = QWidget()
        self.details.setLayout(form)
        self.setMinimumWidth(620)
        self._lay_out(self.details, path=path)

    def _can_act(self, preview) -> bool:
        return preview is not None

    def _reader(self, path: Path):
        return partial(preview_job, self.ctx.db, self.ctx.paths, path)

    def _show_content(self, preview) -> None:
        self.details.setVisible(preview is not None)

    def _show_details(self, preview) -> None:
        returned = preview.returned
        self.report.setText(
            self.tr("{report} — version {version}").format(report=returned.report_label, version=preview.report.version)
        )
        sender = returned.returned_by or preview.signature.signer
        if returned.returned_on is not None:
            sender = self.tr("{sender}, on {date}").format(sender=sender, date=vntext.format_date(returned.returned_on))
        self.sender.setText(sender)
        self.comment.setPlainText(returned.comment)

    def _actor(self, preview):
        return partial(import_job, self.ctx.db, self.ctx.paths, preview.path)

    def _done(self, info) -> None:
        self.recorded = info
        self.ctx.changed(context.YEAR)
