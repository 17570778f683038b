"""Take in a report the upper union returned with comments (tệp trả lại báo cáo).

The worker verifies the file, reads it and finds the report version it concerns
(``services.returns``); the dialog shows the signature's verdict, which report, and the
comments, and records them on the report only when the user presses "Record the comments".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context
from thidua_desktop.ui.pages.base import ErrorLine, note

WARNING_COLOR = "#8a5300"


def preview_job(db, paths, path: Path):
    from thidua_desktop.services import returns

    return returns.preview_return(db, paths, path)


def import_job(db, paths, path: Path):
    from thidua_desktop.services import returns

    return returns.import_return(db, paths, path)


class ReturnDialog(QDialog):
    """Choose the return file; see who sent it, for which report, and the comments; record them."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.recorded = None
        self.setWindowTitle(self.tr("Import a returned report"))
        intro = note(self.tr("When the upper union returns a report with comments, it sends a small signed workbook. "
                             "The comments are recorded on the report they concern; then make a new version of the "
                             "report to correct it."))
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File")))
        row.addWidget(self.file, 1)
        row.addWidget(self.choose_button)

        self.signature = QLabel()
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(self.tr("Record the comments"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(row)
        box.addWidget(self.signature)
        box.addWidget(self.details, 1)
        box.addWidget(self.warnings)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self._show(None)
        if path is not None:
            self.load(Path(path))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the returned report"), str(Path.home()),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file.setText(str(path))
        self._show(None)
        self.signature.setText(self.tr("Checking the signature and reading the file…"))
        self.choose_button.setEnabled(False)
        self.ctx.tasks.run(preview_job, self.ctx.db, self.ctx.paths, path, on_done=self._show_preview,
                           on_error=self._failed, owner=self)

    def _show(self, preview) -> None:
        self.preview = preview
        self.details.setVisible(preview is not None)
        self.warnings.setVisible(False)
        self.signature.setStyleSheet("")
        self.signature.setText("")
        self.error.clear_message()
        self.record_button.setEnabled(preview is not None)

    def _show_preview(self, preview) -> None:
        self.choose_button.setEnabled(True)
        self._show(preview)
        sig = preview.signature
        if sig.trusted:
            self.signature.setText(self.tr("Signature valid: signed by {signer}, a trusted signer.").format(
                signer=sig.signer))
        else:
            self.signature.setStyleSheet(f"color: {WARNING_COLOR};")
            self.signature.setText(self.tr(
                "The data is intact, but the signer {signer} is not in the trusted list. Phone the sender and "
                "compare the certificate's fingerprint:\n{fingerprint}").format(
                signer=sig.signer or "?", fingerprint=sig.fingerprint))
        returned = preview.returned
        self.report.setText(self.tr("{report} — version {version}").format(
            report=returned.report_label, version=preview.report.version))
        sender = returned.returned_by or sig.signer
        if returned.returned_on is not None:
            sender = self.tr("{sender}, on {date}").format(sender=sender,
                                                           date=vntext.format_date(returned.returned_on))
        self.sender.setText(sender)
        self.comment.setPlainText(returned.comment)
        others = [w for w in preview.warnings if w != sig.warning]
        if others:
            self.warnings.setText("\n".join(others))
            self.warnings.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.choose_button.setEnabled(True)
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.signature.setText("")
        self.error.show_message(exc.message)

    def record(self) -> None:
        if self.preview is None:
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(import_job, self.ctx.db, self.ctx.paths, self.preview.path, on_done=self._recorded,
                           on_error=self._failed, owner=self)

    def _recorded(self, info) -> None:
        self.recorded = info
        self.buttons.setEnabled(True)
        self.ctx.changed(context.YEAR)
        self.accept()
