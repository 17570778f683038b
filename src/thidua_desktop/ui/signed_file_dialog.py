"""The dialog that opens a signed workbook the upper union sent: verify, show, then act on a press.

A plan package, a rule set and a returned report all go the same way: choose the file; the worker
verifies its signature and reads it (the subclass's ``_reader``); the dialog shows the signature's
verdict (a warning with the fingerprint when the signer is not trusted), what the file holds
(``_show_content`` / ``_show_details``), the other warnings and, where the file cannot be used, why;
and only the press of the action button (``_actor``) changes anything. Nothing here imports the
services: each subclass's jobs import theirs lazily.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import context, file_dialogs
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.widgets import screen_fit

WARNING_COLOR = "#8a5300"


class SignedFileDialog(QDialog):
    """Choose a signed workbook; see the signature's verdict and what it holds; act on it in one go."""

    def __init__(
        self,
        ctx: context.AppContext,
        parent: QWidget | None,
        *,
        title: str,
        intro: str,
        action: str,
        choose_title: str,
        reading: str,
        blocked: str | None = None,
        untrusted: str | None = None,
    ) -> None:
        """``reading``: shown while the worker verifies and reads the file; ``blocked``: the heading of the
        preview's ``blockers`` (None: it has none); ``untrusted``: the warning for a signer not trusted, with
        ``{signer}`` and ``{fingerprint}``."""
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self._choose_title = choose_title
        self._reading = reading
        self._blocked = blocked
        self._untrusted = untrusted or self.tr(
            "The data is intact, but the signer {signer} is not in the trusted list. Before applying, phone the "
            "sender and compare the certificate's fingerprint:\n{fingerprint}"
        )
        self.setWindowTitle(title)
        self.intro = note(intro)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_row = QHBoxLayout()
        self.file_row.addWidget(QLabel(self.tr("File")))
        self.file_row.addWidget(self.file, 1)
        self.file_row.addWidget(self.choose_button)
        self.signature = QLabel()
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR};")
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.action_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.act)
        self.buttons.rejected.connect(self.reject)
        screen_fit.fit_dialog(self)

    def _lay_out(self, *content: QWidget, path: Path | None = None) -> None:
        """Intro, file, signature, ``content`` (the last one stretches), warnings, error, buttons; then
        read ``path`` if given."""
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(self.file_row)
        box.addWidget(self.signature)
        for n, widget in enumerate(content):
            box.addWidget(widget, 1 if n == len(content) - 1 else 0)
        box.addWidget(self.warnings)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self._show(None)
        if path is not None:
            self.load(Path(path))

    # -- what a subclass says ----------------------------------------------------------------

    def _reader(self, path: Path) -> Callable[[], Any]:
        """The job that verifies and reads ``path`` on the worker, returning the preview."""
        raise NotImplementedError

    def _actor(self, preview) -> Callable[[], Any]:
        """The job that acts on the file previewed."""
        raise NotImplementedError

    def _done(self, result) -> None:
        """After the action succeeded, before the dialog closes: keep the result, tell the context."""
        raise NotImplementedError

    def _show_content(self, preview) -> None:
        """Fill (or empty, for None) what the file holds."""

    def _show_details(self, preview) -> None:
        """After the signature's verdict: what the preview says beyond its content (a summary…)."""

    def _can_act(self, preview) -> bool:
        return preview is not None and preview.can_apply and preview.has_changes

    # -- loading -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name = file_dialogs.open_file(
            self, self._choose_title, self.tr("Excel workbooks (*.xlsx)"), kind=file_dialogs.PACKAGE
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file.setText(str(path))
        self._show(None)
        self.signature.setText(self._reading)
        self.choose_button.setEnabled(False)
        self.ctx.tasks.run(self._reader(path), on_done=self._show_preview, on_error=self._failed, owner=self)

    def _show(self, preview) -> None:
        self.preview = preview
        self._show_content(preview)
        self.warnings.setVisible(False)
        self.signature.setStyleSheet("")
        self.signature.setText("")
        self.error.clear_message()
        self.action_button.setEnabled(self._can_act(preview))

    def _show_preview(self, preview) -> None:
        self.choose_button.setEnabled(True)
        self._show(preview)
        sig = preview.signature
        if sig.trusted:
            self.signature.setText(
                self.tr("Signature valid: signed by {signer}, a trusted signer.").format(signer=sig.signer)
            )
        else:
            self.signature.setStyleSheet(f"color: {WARNING_COLOR};")
            self.signature.setText(self._untrusted.format(signer=sig.signer or "?", fingerprint=sig.fingerprint))
        self._show_details(preview)
        others = [w for w in preview.warnings if w != sig.warning]
        if others:
            self.warnings.setText("\n".join(others))
            self.warnings.setVisible(True)
        if self._blocked is not None and preview.blockers:
            self.error.show_message(self._blocked + "\n" + "\n".join(preview.blockers))

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.choose_button.setEnabled(True)
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.signature.setText("")
        self.error.show_message(exc.message)

    # -- acting ------------------------------------------------------------------------------

    def act(self) -> None:
        preview = self.preview
        if not self._can_act(preview):
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(self._actor(preview), on_done=self._acted, on_error=self._failed, owner=self)

    def _acted(self, result) -> None:
        self.buttons.setEnabled(True)
        self._done(result)
        self.accept()
