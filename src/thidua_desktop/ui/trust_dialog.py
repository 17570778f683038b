"""Trusted certificates: the list kept in ``<data folder>/keys/trusted``, adding one from a file
after checking its fingerprint on the phone, removing one.

A certificate is trusted only after the user has seen its fingerprint and confirmed it: the upper
union (or the CĐCS) reads the fingerprint of its own certificate out on the phone, and the two
must match. All file work runs on the worker (``ctx.tasks.run_cpu``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import messages, signing_dialogs
from thidua_desktop.ui.operations import signing as signing_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note
from thidua_desktop.ui.widgets import screen_fit


def _date(moment) -> str:
    from thidua_desktop.core.vn_time import format_day

    return format_day(moment)


class ConfirmCertificateDialog(QDialog):
    """One certificate shown with its fingerprint, to be checked on the phone before it is trusted."""

    def __init__(self, cert: signing_ops.CertificateFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cert = cert
        info = cert.info
        self.setWindowTitle(self.tr("Trust a certificate"))
        self.setMinimumWidth(560)
        self.fingerprint = QLabel(info.fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 13pt; font-weight: bold;")
        self.fingerprint.setWordWrap(True)
        self.label = QLineEdit(info.subject)
        form = QFormLayout()
        form.addRow(self.tr("File"), QLabel(str(cert.path)))
        form.addRow(self.tr("Holder"), QLabel(info.subject + (f" — {info.organization}" if info.organization else "")))
        form.addRow(self.tr("Issued by"), QLabel(self.tr("itself (self-signed)") if info.self_signed else info.issuer))
        form.addRow(
            self.tr("Valid"),
            QLabel(self.tr("from {start} to {end}").format(start=_date(info.not_before), end=_date(info.not_after))),
        )
        form.addRow(self.tr("Fingerprint (SHA-256)"), self.fingerprint)
        form.addRow(self.tr("Name in the list"), self.label)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            self.tr("The fingerprints match: trust it"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "Before trusting it, call the certificate's holder and have them read out the fingerprint of their "
                    "certificate: every group of characters must match the one above. A certificate that came by email "
                    "alone could have been swapped on the way."
                )
            )
        )
        layout.addWidget(buttons)
        screen_fit.fit_dialog(self)


def ask_confirm_certificate(parent: QWidget, cert: signing_ops.CertificateFile) -> str | None:
    """Show the fingerprint; the label to trust it under, or None when the user does not confirm."""
    dialog = ConfirmCertificateDialog(cert, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.label.text().strip()


class TrustDialog(QDialog):
    """The trusted certificates of this data folder: add (file → fingerprint → confirm), remove."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list = []
        self.setWindowTitle(self.tr("Trusted certificates"))
        self.setMinimumSize(760, 360)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Name"), self.tr("Holder"), self.tr("Valid until"), self.tr("Fingerprint (SHA-256)")]
        )
        self.list.setColumnWidth(0, 180)
        self.list.setColumnWidth(1, 200)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add from a file…"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.error = ErrorLine()
        self.done_line = SuccessLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "A signed file is accepted when its signer's certificate, or the authority that issued it, is in this "
                    "list: the upper union's certificate, the certificates of the grassroots unions it receives, or a "
                    "certificate authority."
                )
            )
        )
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(buttons)
        self.ctx.tasks.run_cpu(
            signing_ops.trusted, self.ctx.paths, on_done=self._show, on_error=self._failed, owner=self
        )
        screen_fit.fit_dialog(self)

    def _show(self, entries: list) -> None:
        self.entries = entries
        self.list.clear()
        for trusted, info in entries:
            label = trusted.path.stem.rsplit("-", 1)[0]
            item = QTreeWidgetItem([label, info.subject, _date(info.not_after), info.fingerprint])
            item.setToolTip(3, info.fingerprint)
            self.list.addTopLevelItem(item)
        self._selection_changed()

    def selected(self):
        rows = [self.list.indexOfTopLevelItem(i) for i in self.list.selectedItems()]
        return self.entries[rows[0]] if rows else None

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def add(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        chosen = signing_dialogs.ask_open_path(
            self,
            self.tr("Choose the certificate to trust"),
            self.tr("Certificate (*.pem *.crt *.cer *.der);;All files (*)"),
        )
        if not chosen:
            return
        self.ctx.tasks.run_cpu(
            signing_ops.read_certificate, Path(chosen), on_done=self._confirm, on_error=self._failed, owner=self
        )

    def _confirm(self, cert: signing_ops.CertificateFile) -> None:
        label = ask_confirm_certificate(self, cert)
        if label is None:
            return
        self.ctx.tasks.run_cpu(
            signing_ops.trust,
            self.ctx.paths,
            cert.path,
            label,
            on_done=lambda entries: self._trusted(cert, entries),
            on_error=self._failed,
            owner=self,
        )

    def _trusted(self, cert, entries) -> None:
        self._show(entries)
        self.done_line.show_message(
            self.tr("Trusted: {subject} ({fingerprint}).").format(
                subject=cert.info.subject, fingerprint=cert.info.fingerprint
            )
        )

    def remove(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        trusted, info = selected
        if not messages.confirm(
            self,
            self.tr("Remove {subject} from the trusted certificates?").format(subject=info.subject),
            informative=self.tr("Files it signed will no longer be accepted here."),
            yes_text=self.tr("Remove"),
        ):
            return
        self.error.clear_message()
        self.ctx.tasks.run_cpu(
            signing_ops.untrust,
            self.ctx.paths,
            info.fingerprint,
            on_done=self._removed,
            on_error=self._failed,
            owner=self,
        )

    def _removed(self, entries) -> None:
        self._show(entries)
        self.done_line.show_message(self.tr("Removed."))

    def _failed(self, exc: BaseException) -> None:
        text = signing_dialogs._known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)
