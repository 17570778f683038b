"""Dialogs of Văn bản & gửi: signing a file, a signature's verdict, SMTP settings, sending up; and the
choice of the key to sign with (:class:`KeyChoice`), shared with the plan package export.

Passwords and PINs are typed into fields that are cleared as soon as the job has them; they are
never written anywhere. All work runs on the worker (``ctx.tasks``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import file_dialogs
from thidua_desktop.ui.operations import signing as signing_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, note
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.deadline_status import SENDINGS

# -- seams for the tests ---------------------------------------------------------------------------


def ask_open_path(parent: QWidget, title: str, file_filter: str, start: str = "") -> str:
    return file_dialogs.open_file(parent, title, file_filter, kind=file_dialogs.DOCUMENT, start=start)


def ask_save_path(parent: QWidget, title: str, file_filter: str, start: str = "") -> str:
    return file_dialogs.save_file(parent, title, file_filter, kind=file_dialogs.DOCUMENT, start=start)


def ask_open_paths(parent: QWidget, title: str, file_filter: str, start: str = "") -> list[str]:
    return file_dialogs.open_files(parent, title, file_filter, kind=file_dialogs.DOCUMENT, start=start)


def ask_password(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
    return box


def _known_error(exc: BaseException) -> str | None:
    """The Vietnamese message of an expected failure (None: a bug, let it go to the crash handler)."""
    from thidua_desktop.errors import UserError

    if isinstance(exc, UserError):  # signing, the message, the outbox, the store
        return exc.message
    if isinstance(exc, OSError):
        return str(exc)
    return None


def format_time(moment) -> str:
    """Vietnam time with its offset, as the command line shows it: "14:05 04/12/2026 (UTC+7)"."""
    from thidua_desktop.core.vn_time import format_time as vn_format

    return vn_format(moment)


def grow_to_content(dialog: QDialog) -> None:
    """A longer hint or message wraps onto more lines once the dialog is shown: it grows (never past
    the screen) so that none is cut."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
    screen = dialog.screen()
    if screen is not None:  # never past the screen (the screen fit scrolls the rest)
        needed = min(needed, screen.availableGeometry().height() - 40)
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


DOCUMENT_FILTER = "PDF, Excel (*.pdf *.xlsx)"


# -- the key to sign with -----------------------------------------------------------------------------


class KeyChoice(QObject):
    """The key to sign with — a PKCS#12 file, the unit's own key (created here when it has none) or a
    PKCS#11 token — as widgets that a dialog puts in its form (:meth:`add_rows`): the signing dialog
    and the plan package export use it. Messages go to the host's error and done lines; the host
    calls :meth:`check_unit_key` once its layout is complete."""

    WIDGETS = (
        "kind",
        "pages",
        "p12_path",
        "p12_button",
        "p12_password",
        "unit_state",
        "unit_password",
        "unit_repeat",
        "repeat_label",
        "create_button",
        "library",
        "library_button",
        "token_label",
        "key_label",
        "pin",
    )

    def __init__(self, ctx, host: QWidget, error: ErrorLine, done: SuccessLine) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.error = error
        self.done = done
        self._unit_key = False
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Key file (PKCS#12: .p12, .pfx)"), "p12")
        self.kind.addItem(self.tr("The unit's own key"), "unit")
        self.kind.addItem(self.tr("USB token (PKCS#11)"), "token")
        self.pages = QStackedWidget()

        # PKCS#12
        self.p12_path = QLineEdit()
        self.p12_button = QPushButton(self.tr("Choose…"))
        self.p12_button.clicked.connect(
            lambda: self._choose_into(self.p12_path, self.tr("Choose the key file"), self.tr("Key file (*.p12 *.pfx)"))
        )
        self.p12_password = _secret()
        p12 = QFormLayout()
        p12.addRow(self.tr("Key file"), _row(self.p12_path, self.p12_button))
        p12.addRow(self.tr("Password"), self.p12_password)
        self.pages.addWidget(self._wrap(p12))

        # the unit's key
        self.unit_state = QLabel()
        self.unit_state.setWordWrap(True)
        self.unit_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unit_password = _secret()
        self.unit_repeat = _secret()
        self.create_button = QPushButton(self.tr("Create the unit's key"))
        self.create_button.clicked.connect(self.create_key)
        unit = QFormLayout()
        unit.addRow(self.unit_state)
        unit.addRow(self.tr("Password"), self.unit_password)
        self.repeat_label = QLabel(self.tr("Repeat the password"))
        unit.addRow(self.repeat_label, self.unit_repeat)
        unit.addRow(self.create_button)
        self.pages.addWidget(self._wrap(unit))

        # PKCS#11
        self.library = QLineEdit()
        self.library_button = QPushButton(self.tr("Choose…"))
        self.library_button.clicked.connect(
            lambda: self._choose_into(
                self.library,
                self.tr("Choose the token's library"),
                self.tr("Library (*.so *.dll *.dylib);;All files (*)"),
            )
        )
        self.token_label = QLineEdit()
        self.key_label = QLineEdit()
        self.pin = _secret()
        token = QFormLayout()
        token.addRow(self.tr("Library (from the token's vendor)"), _row(self.library, self.library_button))
        token.addRow(self.tr("Token label"), self.token_label)
        token.addRow(self.tr("Key label"), self.key_label)
        token.addRow(self.tr("PIN"), self.pin)
        self.pages.addWidget(self._wrap(token))
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def add_rows(self, form: QFormLayout, label: str) -> None:
        form.addRow(label, self.kind)
        form.addRow(self.pages)

    def check_unit_key(self) -> None:
        """Ask (on the worker) whether the data folder holds the unit's key: shows "type its password"
        or the fields to create it."""
        self.ctx.tasks.run_cpu(
            signing_ops.unit_key_exists, self.ctx.paths, on_done=self._show_unit_key, owner=self.host
        )

    @staticmethod
    def _wrap(layout) -> QWidget:
        box = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        box.setLayout(layout)
        return box

    def _choose_into(self, edit: QLineEdit, title: str, file_filter: str) -> None:
        chosen = ask_open_path(self.host, title, file_filter)
        if chosen:
            edit.setText(chosen)

    def _kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.error.clear_message()

    def _show_unit_key(self, exists: bool) -> None:
        self._unit_key = exists
        if exists:
            self.unit_state.setText(self.tr("The unit's key is kept in the data folder; type its password."))
        else:
            self.unit_state.setText(
                self.tr(
                    "The unit has no key yet. Choose a password (at least 8 characters) "
                    "and create it; keep the password safe — it cannot be recovered."
                )
            )
        self.create_button.setVisible(not exists)
        self.repeat_label.setVisible(not exists)
        self.unit_repeat.setVisible(not exists)

    def create_key(self) -> None:
        self.error.clear_message()
        if self.unit_password.text() != self.unit_repeat.text():
            self.error.show_message(self.tr("The two passwords differ."))
            return
        password = self.unit_password.text()
        self.unit_repeat.clear()
        self.create_button.setEnabled(False)
        self.ctx.tasks.run(
            signing_ops.create_unit_key,
            self.ctx.db,
            self.ctx.paths,
            password,
            on_done=self._key_created,
            on_error=self._create_failed,
            owner=self.host,
        )

    def _key_created(self, key: signing_ops.NewKey) -> None:
        self.create_button.setEnabled(True)
        self._show_unit_key(True)
        self.done.show_message(
            self.tr(
                "Created the unit's key for {subject}. Fingerprint (read it out to the upper union on the phone "
                "so that they can register it): {fingerprint}"
            ).format(subject=key.subject, fingerprint=key.fingerprint)
        )

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)

    def spec(self):
        """The chosen key as a ``P12Spec`` / ``Pkcs11Spec``; ValueError (translated text) when incomplete."""
        from thidua_desktop.services.signing import P12Spec, Pkcs11Spec, unit_key_path

        kind = self.kind.currentData()
        if kind == "p12":
            if not self.p12_path.text().strip():
                raise ValueError(self.tr("Choose the key file."))
            return P12Spec(Path(self.p12_path.text().strip()), self.p12_password.text())
        if kind == "unit":
            if not self._unit_key:
                raise ValueError(self.tr("The unit has no key yet; create it first."))
            return P12Spec(unit_key_path(self.ctx.paths), self.unit_password.text())
        if not (self.library.text().strip() and self.token_label.text().strip() and self.key_label.text().strip()):
            raise ValueError(self.tr("Give the token's library, the token label and the key label."))
        return Pkcs11Spec(
            Path(self.library.text().strip()),
            self.token_label.text().strip(),
            self.key_label.text().strip(),
            self.pin.text() or None,
        )

    def clear_secrets(self) -> None:
        """Passwords and PINs are dropped as soon as a job has them."""
        for edit in (self.p12_password, self.unit_password, self.pin):
            edit.clear()

    def take_spec(self):
        """The chosen key for a job about to start, its passwords and PINs then dropped from the form;
        None when the choice is incomplete (said on the host's error line)."""
        try:
            spec = self.spec()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return None
        self.clear_secrets()
        return spec


# -- signing -----------------------------------------------------------------------------------------


class SignDialog(QDialog):
    """Sign one PDF or workbook with a PKCS#12 file, the unit's own key or a PKCS#11 token."""

    signed = Signal(object)  # SignResult

    def __init__(self, ctx, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_ = None
        self.setWindowTitle(self.tr("Sign a document digitally"))
        self.setMinimumWidth(560)

        self.file = QLineEdit(str(path) if path else "")
        self.file_button = QPushButton(self.tr("Choose a file…"))
        self.file_button.clicked.connect(self._choose_file)

        self.error = ErrorLine()
        self.done_line = SuccessLine()
        self.keys = KeyChoice(ctx, self, self.error, self.done_line)
        for name in KeyChoice.WIDGETS:  # the dialog's own attributes too, as before
            setattr(self, name, getattr(self.keys, name))

        self.signature_image = QLineEdit()
        self.signature_button = QPushButton(self.tr("Choose…"))
        self.signature_button.clicked.connect(
            lambda: self._choose_into(
                self.signature_image, self.tr("Choose the signature image"), self.tr("PNG image (*.png)")
            )
        )
        self.seal_image = QLineEdit()
        self.seal_button = QPushButton(self.tr("Choose…"))
        self.seal_button.clicked.connect(
            lambda: self._choose_into(self.seal_image, self.tr("Choose the seal image"), self.tr("PNG image (*.png)"))
        )

        form = QFormLayout()
        form.addRow(self.tr("File to sign"), _row(self.file, self.file_button))
        self.keys.add_rows(form, self.tr("Sign with"))
        form.addRow(self.tr("Signature image (optional)"), _row(self.signature_image, self.signature_button))
        form.addRow(self.tr("Seal image (optional)"), _row(self.seal_image, self.seal_button))

        self.done_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.sign_button = self.buttons.addButton(self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note(self.tr("Passwords and PINs are used for this signature only and are never saved.")))
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.buttons)
        self.keys.check_unit_key()
        screen_fit.fit_dialog(self)

    def _choose_file(self) -> None:
        start = str(Path(self.file.text()).parent) if self.file.text() else ""
        chosen = ask_open_path(self, self.tr("Choose the file to sign"), DOCUMENT_FILTER, start)
        if chosen:
            self.file.setText(chosen)

    def _choose_into(self, edit: QLineEdit, title: str, file_filter: str) -> None:
        chosen = ask_open_path(self, title, file_filter)
        if chosen:
            edit.setText(chosen)

    def sign(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        src = self.file.text().strip()
        if not src:
            self.error.show_message(self.tr("Choose the file to sign."))
            return
        spec = self.keys.take_spec()
        if spec is None:
            return
        images = [Path(e.text().strip()) if e.text().strip() else None for e in (self.signature_image, self.seal_image)]
        self.sign_button.setEnabled(False)
        self.ctx.tasks.run_cpu(
            signing_ops.sign, Path(src), spec, *images, on_done=self._signed, on_error=self._failed, owner=self
        )

    def _signed(self, result) -> None:
        self.sign_button.setEnabled(True)
        self.result_ = result
        self.done_line.show_message(
            self.tr("Signed by {signer} at {time}. The signed file: {file}").format(
                signer=result.signer, time=format_time(result.signed_at), file=result.path
            )
        )
        self.signed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.keys.create_button.setEnabled(True)
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)


# -- verifying ---------------------------------------------------------------------------------------


class VerdictDialog(QDialog):
    """A signature's verdict. When the signer is neither trusted nor known, "Tin cậy chứng thư này"
    shows the signer's certificate with its fingerprint to check on the phone, trusts it in this
    data folder and checks the file again (given ``ctx``)."""

    trusted_signer = Signal(object)  # the verdict after trusting the signer's certificate

    def __init__(self, path: Path, verdict, parent: QWidget | None = None, ctx=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.setWindowTitle(self.tr("Checking a signature"))
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.status = self._wrapped("")
        self.signer = QLabel()
        self.signed_at = QLabel()
        self.covered = self._wrapped("")
        self.trust = QLabel()
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = self._wrapped("")
        for label, widget in (
            (self.tr("File"), QLabel(str(self.path))),
            (self.tr("Verdict"), self.status),
            (self.tr("Signer"), self.signer),
            (self.tr("Signed at"), self.signed_at),
            (self.tr("What the signature covers"), self.covered),
            (self.tr("Trust"), self.trust),
            (self.tr("Fingerprint"), self.fingerprint),
            (self.tr("Details"), self.details),
        ):
            self.form.addRow(label, widget)
        self.trust_button = QPushButton(self.tr("Trust this certificate…"))
        self.trust_button.setToolTip(
            self.tr(
                "After the signer has read out the fingerprint of their certificate "
                "on the phone and it matches: files they sign are then accepted here."
            )
        )
        self.trust_button.clicked.connect(self.trust_signer)
        self.error = ErrorLine()
        self.done_line = SuccessLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(buttons)
        self._show(verdict)
        screen_fit.fit_dialog(self)

    def _show(self, verdict) -> None:
        from thidua_desktop.signing.verify import INVALID, UNREADABLE

        self.verdict = verdict
        if verdict.status == UNREADABLE:
            status = self.tr("Cannot be read")
        elif verdict.status == INVALID:
            status = self.tr("Not valid")
        else:
            status = self.tr("Valid")
        self.status.setText(f"<b>{status}</b> — {verdict.summary()}")
        self.status.setObjectName("verdict-ok" if verdict.accepted else "verdict-bad")
        color = "#1b5e20" if verdict.accepted else ("#b26a00" if status == self.tr("Valid") else "#b00020")
        self.status.setStyleSheet(f"color: {color};")
        self.signer.setText(verdict.signer or "—")
        self.signed_at.setText(format_time(verdict.signed_at) or "—")
        self.covered.setText(verdict.covered or "—")
        if verdict.known:
            trust = self.tr("Known: the signer's certificate is registered on this computer")
        elif verdict.trusted:
            trust = self.tr("Trusted: issued by a trusted certificate authority")
        else:
            trust = self.tr("Neither trusted nor known")
        self.trust.setText(trust)
        self.fingerprint.setText(verdict.fingerprint)
        self.form.setRowVisible(self.fingerprint, bool(verdict.fingerprint))
        self.details.setText("\n".join(verdict.reasons))
        self.form.setRowVisible(self.details, bool(verdict.reasons))
        self.trust_button.setVisible(
            self.ctx is not None and verdict.certificate is not None and not (verdict.known or verdict.trusted)
        )
        grow_to_content(self)

    def trust_signer(self) -> None:
        """Show the signer's certificate with its fingerprint; trusted only once the user confirms
        that it matches the one read out on the phone."""
        from thidua_desktop.ui import trust_dialog

        self.error.clear_message()
        self.done_line.clear_message()
        cert = signing_ops.signer_certificate(self.path, self.verdict)
        label = trust_dialog.ask_confirm_certificate(self, cert)
        if label is None:
            return
        self.trust_button.setEnabled(False)
        self.ctx.tasks.run_cpu(
            signing_ops.trust_signer,
            self.ctx.paths,
            self.path,
            self.verdict,
            label,
            on_done=self._signer_trusted,
            on_error=self._trust_failed,
            owner=self,
        )

    def _signer_trusted(self, verdict) -> None:
        self.trust_button.setEnabled(True)
        self._show(verdict)
        self.done_line.show_message(
            self.tr("Trusted: {subject} ({fingerprint}). The file was checked again.").format(
                subject=verdict.signer, fingerprint=verdict.fingerprint
            )
        )
        grow_to_content(self)
        self.trusted_signer.emit(verdict)

    def _trust_failed(self, exc: BaseException) -> None:
        self.trust_button.setEnabled(True)
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)

    @staticmethod
    def _wrapped(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label


# -- SMTP settings -----------------------------------------------------------------------------------


class SmtpDialog(QDialog):
    """Host, port, user, security and sender, filled in from a common provider (Gmail, Outlook,
    Yahoo, the unit's own server); "Gửi thử" sends a test message and says the server's answer in
    Vietnamese. The password is typed for the test (and asked when sending) and never saved."""

    saved = Signal(object)

    def __init__(self, ctx, settings, parent: QWidget | None = None) -> None:
        from thidua_desktop.services import outbox as outbox_service

        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.outcome = None  # the last test's TestOutcome
        self.setWindowTitle(self.tr("Mail server (SMTP)"))
        self.setMinimumWidth(560)
        self.provider = QComboBox()
        self.provider.addItem(self.tr("Choose your email provider…"), "")
        names = {
            "gmail": self.tr("Gmail (with an app password)"),
            "outlook": self.tr("Outlook, Hotmail (with an app password)"),
            "yahoo": self.tr("Yahoo Mail (with an app password)"),
            "own": self.tr("The unit's own mail server"),
        }
        self._presets = {p.key: p for p in outbox_service.PRESETS}
        for key in self._presets:
            self.provider.addItem(names.get(key, self._presets[key].name), key)
        self.provider.addItem(self.tr("Another server"), "other")
        self.hint = note()
        self.help_link = QLabel(
            '<a href="{url}">{text}</a>'.format(
                url=QUrl.fromLocalFile(str(outbox_service.help_page())).toString(),
                text=self.tr("How to make an app password (Gmail, Outlook, Yahoo)"),
            )
        )
        self.help_link.setOpenExternalLinks(True)
        self.help_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.host = QLineEdit(settings.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.security.addItem(self.tr("SSL/TLS"), "ssl")
        self.security.addItem(self.tr("None (not encrypted)"), "plain")
        self.security.setCurrentIndex(max(self.security.findData(settings.security), 0))
        self.user = QLineEdit(settings.user)
        self.user.setPlaceholderText(self.tr("the full email address"))
        self.from_addr = QLineEdit(settings.from_addr)
        self.from_addr.setPlaceholderText(self.tr("the same as the user name"))
        self.from_name = QLineEdit(settings.from_name)
        self.password = _secret()
        self.password.setPlaceholderText(self.tr("for the test only; never saved"))
        self.test_button = QPushButton(self.tr("Send a test message"))
        self.test_button.clicked.connect(self.send_test)
        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.provider)
        form.addRow(self.hint)  # the whole width: a wrapped hint is never cut
        form.addRow(self.help_link)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Sender address"), self.from_addr)
        form.addRow(self.tr("Sender name"), self.from_name)
        form.addRow(self.tr("Password"), _row(self.password, self.test_button))
        self.error = ErrorLine()
        self.done_line = SuccessLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "The test message goes to the sender's own address. The password is asked "
                    "each time mail is sent; it is never saved."
                )
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.buttons)
        known = outbox_service.preset_of(settings)
        self.provider.setCurrentIndex(
            max(self.provider.findData(known.key if known else ("other" if settings.host else "")), 0)
        )
        self._show_hint()
        self.provider.currentIndexChanged.connect(self.choose_provider)
        screen_fit.fit_dialog(self)

    def choose_provider(self, _index: int = 0) -> None:
        """Fill in the server, port and security of the chosen provider."""
        preset = self._presets.get(self.provider.currentData())
        if preset is not None:
            if preset.host or self.host.text().strip() in {p.host for p in self._presets.values()}:
                self.host.setText(preset.host)  # the unit's own server: typed by the user, a provider's cleared
            self.port.setValue(preset.port)
            self.security.setCurrentIndex(max(self.security.findData(preset.security), 0))
        self._show_hint()
        self.error.clear_message()
        self.done_line.clear_message()

    def _show_hint(self) -> None:
        preset = self._presets.get(self.provider.currentData())
        self.hint.setText(preset.hint if preset is not None else "")
        self.hint.setVisible(preset is not None)
        self.host.setPlaceholderText(self.tr("mail.your-domain.vn") if preset is not None and not preset.host else "")
        grow_to_content(self)

    def current(self):
        return replace(
            self.settings,
            host=self.host.text().strip(),
            port=self.port.value(),
            security=self.security.currentData(),
            user=self.user.text().strip(),
            from_addr=self.from_addr.text().strip(),
            from_name=self.from_name.text().strip(),
        )

    def send_test(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        password = self.password.text()
        self.password.clear()
        self.test_button.setEnabled(False)
        self.ctx.tasks.run_cpu(
            signing_ops.test_smtp,
            self.current(),
            password,
            on_done=self._tested,
            on_error=self._test_failed,
            owner=self,
        )

    def _tested(self, outcome) -> None:
        self.test_button.setEnabled(True)
        self.outcome = outcome
        (self.done_line if outcome.ok else self.error).show_message(outcome.message)
        grow_to_content(self)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._failed(exc)

    def save(self) -> None:
        self.password.clear()
        self.ctx.tasks.run_cpu(
            signing_ops.save_smtp,
            self.ctx.paths,
            self.current(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, settings) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)


# -- sending -----------------------------------------------------------------------------------------


def send_outcome_text(report) -> tuple[bool, str]:
    """(all sent?, what to tell the user) after a sending attempt."""
    if report.sent and not (report.deferred or report.failed or report.errors):
        return True, QCoreApplication.translate("SendDialog", "Sent to the upper union.")
    error = report.errors[0] if report.errors else ""
    if report.failed:
        text = QCoreApplication.translate("SendDialog", "The mail server refused the message: {error}")
    else:
        text = QCoreApplication.translate(
            "SendDialog",
            "Could not send now; the message waits in the outbox and "
            "can be sent again when the network is back. Reason: {error}",
        )
    return False, text.format(error=error)


class SendDialog(QDialog):
    """Queue a report for the upper union, then try to send it at once; or save it as an ``.eml``
    draft for the user's mail program. When the files are a report's, the sending is recorded
    (time, recipients, SHA-256 of each file) and the report version is locked."""

    sent = Signal(object)  # signing_ops.Sent
    saved = Signal(object)  # Path of the .eml draft

    def __init__(self, ctx, files: list[Path], setup: signing_ops.SendSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files = [Path(f) for f in files]
        self.smtp = setup.smtp
        self.report = setup.report
        self.eml_path: Path | None = None
        self.setWindowTitle(self.tr("Send to the upper union"))
        self.setMinimumWidth(600)
        self.file_list = QLabel()
        self.file_list.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Choose files…"))
        self.files_button.clicked.connect(self._choose_files)
        self.to = QLineEdit(", ".join(setup.draft.to))
        self.subject = QLineEdit(setup.draft.subject)
        self.body = QPlainTextEdit(setup.draft.body)
        self.body.setMinimumHeight(200)
        self.password = _secret()
        self.smtp_state = QLabel()
        self.smtp_state.setWordWrap(True)
        self.smtp_button = QPushButton(self.tr("Mail server settings…"))
        self.smtp_button.clicked.connect(self._edit_smtp)
        self.report_line = QLabel()
        self.report_line.setWordWrap(True)
        self.resend = QCheckBox(self.tr("Send again exactly the files already sent"))
        self.smtp_dialog: SmtpDialog | None = None
        self._asked_setup = False
        self.setup_banner = QLabel(
            self.tr(
                "Sending email is not set up yet. Set it up first (a minute: choose Gmail, Outlook, Yahoo or the unit's "
                "own server and send a test message); then write the message."
            )
        )
        self.setup_banner.setWordWrap(True)
        self.setup_banner.setStyleSheet(
            "QLabel { color: #6d4c00; background: #fff8e1; border: 1px solid #ffe082;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.setup_button = QPushButton(self.tr("Set up email…"))
        self.setup_button.clicked.connect(self._edit_smtp)
        self.setup_row = _row(self.setup_banner, self.setup_button)
        form = QFormLayout()
        if self.report is not None:
            if self.report.status == "sent":
                text = self.tr(
                    "{report}: already sent {times} time(s). It is locked; a correction is a new version."
                ).format(report=self.report.label, times=self.report.times_sent)
            else:
                text = self.tr("{report}: sending records the files with their SHA-256 and locks this version.").format(
                    report=self.report.label
                )
            self.report_line.setText(text)
            form.addRow(self.tr("Report"), self.report_line)
            if self.report.status == "sent":
                form.addRow("", self.resend)
        form.addRow(self.tr("Files"), _row(self.file_list, self.files_button))
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Message"), self.body)
        form.addRow(self.tr("Mail server"), _row(self.smtp_state, self.smtp_button))
        self.password_label = QLabel(self.tr("Mail password"))
        form.addRow(self.password_label, self.password)
        self.error = ErrorLine()
        self.done_line = SuccessLine()
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.eml_button = self.buttons.addButton(
            self.tr("Save as an email draft (.eml)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.eml_button.clicked.connect(self.save_eml)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setup_row)
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "The message is first put in the outbox; if the network is down it waits "
                    "there and can be sent again later."
                )
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.buttons)
        self._show_files()
        self._show_smtp(self.smtp)
        screen_fit.fit_dialog(self)

    def _show_files(self) -> None:
        self.file_list.setText("\n".join(f.name for f in self.files) or self.tr("(no file)"))

    def _choose_files(self) -> None:
        chosen = ask_open_paths(
            self,
            self.tr("Choose the files to send"),
            DOCUMENT_FILTER + ";;All files (*)",
            str(self.files[0].parent) if self.files else "",
        )
        if chosen:
            self.files = [Path(c) for c in chosen]
            self._show_files()

    def _show_smtp(self, smtp) -> None:
        self.smtp = smtp
        if smtp.host:
            login = smtp.user or self.tr("no login")
            self.smtp_state.setText(f"{smtp.host}:{smtp.port} ({login})")
            self.error.clear_message()
        else:
            self.smtp_state.setText(self.tr("Not set up yet"))
        self.setup_row.setVisible(not smtp.host)
        self.password_label.setVisible(bool(smtp.user))
        self.password.setVisible(bool(smtp.user))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.smtp.host and not self._asked_setup:  # asked before the message is written
            self._asked_setup = True
            QTimer.singleShot(0, self, self._edit_smtp)

    def _edit_smtp(self) -> None:
        if self.smtp_dialog is not None and self.smtp_dialog.isVisible():
            self.smtp_dialog.raise_()
            return
        dialog = SmtpDialog(self.ctx, self.smtp, self)
        dialog.saved.connect(self._show_smtp)
        dialog.open()
        self.smtp_dialog = dialog

    def send(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        if not self.files:
            self.error.show_message(self.tr("Choose the files to send."))
            return
        if not self.smtp.host:
            self.error.show_message(
                self.tr("Set up the mail server first (or save the message as an email draft for your mail program).")
            )
            self._edit_smtp()
            return
        password = self.password.text()
        self.password.clear()
        self.send_button.setEnabled(False)
        self.ctx.tasks.run(
            signing_ops.queue_and_send,
            self.ctx.db,
            self.ctx.paths,
            self.to.text(),
            self.subject.text(),
            self.body.toPlainText(),
            self.files,
            password,
            self.report.id if self.report else None,
            self.resend.isChecked(),
            on_done=self._sent,
            on_error=self._failed,
            owner=self,
        )

    def save_eml(self) -> None:
        self.error.clear_message()
        self.done_line.clear_message()
        if not self.files:
            self.error.show_message(self.tr("Choose the files to send."))
            return
        start = str(self.files[0].with_suffix(".eml"))
        chosen = ask_save_path(self, self.tr("Save the email draft"), self.tr("Email message (*.eml)"), start)
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".eml":
            out = out.with_name(out.name + ".eml")
        self.eml_button.setEnabled(False)
        self.ctx.tasks.run(
            signing_ops.save_eml,
            self.ctx.db,
            self.ctx.paths,
            out,
            self.to.text(),
            self.subject.text(),
            self.body.toPlainText(),
            self.files,
            self.report.id if self.report else None,
            self.resend.isChecked(),
            on_done=self._eml_saved,
            on_error=self._failed,
            owner=self,
        )

    def _eml_saved(self, path: Path) -> None:
        self.eml_path = path
        self.done_line.show_message(
            self.tr(
                "Saved the email draft {file}. Open it in your mail program (Outlook, "
                "Thunderbird), check it and press Send."
            ).format(file=path)
        )
        self.send_button.setEnabled(self.report is None)  # a report's sending is recorded once
        self.eml_button.setEnabled(self.report is None)
        self.saved.emit(path)
        self.ctx.changed(SENDINGS)  # the deadlines show what was sent

    def _sent(self, result: signing_ops.Sent) -> None:
        ok, text = send_outcome_text(result.report)
        (self.done_line if ok else self.error).show_message(text)
        # queued: sending again from here would queue a second copy; "Send again" is in the outbox
        self.send_button.setEnabled(False)
        self.sent.emit(result)
        self.ctx.changed(SENDINGS)  # the deadlines show what was sent

    def _failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.eml_button.setEnabled(True)
        text = _known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)


def status_text(status: str) -> str:
    from thidua_desktop.services.outbox import CANCELLED, EML, FAILED, QUEUED, SENT

    names = {
        QUEUED: QCoreApplication.translate("SendDialog", "Waiting"),
        CANCELLED: QCoreApplication.translate("SendDialog", "Removed"),
        SENT: QCoreApplication.translate("SendDialog", "Sent"),
        EML: QCoreApplication.translate("SendDialog", "Email draft saved"),
        FAILED: QCoreApplication.translate("SendDialog", "Refused"),
    }
    return names.get(status, status)
