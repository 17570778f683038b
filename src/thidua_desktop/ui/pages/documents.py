"""Văn bản & gửi: what leaves the PC — the document header, where reports go, the backups."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from thidua_desktop.core import vn_time, vntext
from thidua_desktop.services.documents import KINDS
from thidua_desktop.ui import context, file_dialogs, labels, signing_dialogs
from thidua_desktop.ui.operations import folder as folder_ops
from thidua_desktop.ui.operations import signing as signing_ops
from thidua_desktop.ui.operations import year_end as year_end_ops
from thidua_desktop.ui.pages.base import ErrorLine, Page, SuccessLine, card, heading, note, scroll_page, subheading
from thidua_desktop.ui import messages
from thidua_desktop.ui.widgets.deadline_status import SENDINGS
from thidua_desktop.ui.widgets.fields import date_edit, edit_value, set_date
from thidua_desktop.ui.widgets.header_preview import HeaderPreview, header_lines
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{vntext.format_number(size / (1024 * 1024), 1)} MB"
    return f"{vntext.format_number(max(size // 1024, 1))} KB"


FILE_STEMS = {
    "plan": "ke-hoach-thi-dua",
    "registration": "dang-ky-thi-dua",
    "initiatives": "danh-sach-sang-kien",
    "midyear-report": "bao-cao-so-ket",
    "year-report": "bao-cao-tong-ket",
    "proposals": "to-trinh-khen-thuong",
    "review-minutes": "bien-ban-binh-xet",
    "award-decision": "quyet-dinh-giay-khen",
}


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The save dialog (a seam for the tests)."""
    return file_dialogs.save_file(parent, title, file_filter, kind=file_dialogs.DOCUMENT, start=suggested)


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DocumentsPage(Page):
    topics = frozenset({context.UNIT, context.BACKUPS, context.YEAR, context.REGISTRATION})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.preview = HeaderPreview()
        self.recipient = QLabel()
        self.recipient.setWordWrap(True)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backups = RowsModel(
            [
                Column(
                    self.tr("Taken"),
                    lambda b: vn_time.format_time(b.taken_at.astimezone()),
                    sort_key=STORED_ORDER,
                    width=150,
                ),
                Column(self.tr("Kind"), lambda b: labels.backup_kind(b.kind), width=220),
                Column(self.tr("Size"), lambda b: size_text(b.size), align_right=True, width=90),
                Column(self.tr("File"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
            ],
            self,
        )
        self.backups_view = make_table(self.backups)
        self.backups_view.setEditTriggers(self.backups_view.EditTrigger.NoEditTriggers)
        self.backups_view.setMinimumHeight(200)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.open_folder = QPushButton(self.tr("Open the backup folder"))
        self.open_folder.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.open_folder.clicked.connect(self._open_backups)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.open_folder)
        row.addStretch(1)
        buttons = QWidget()
        buttons.setLayout(row)

        # exporting documents
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(self.kind_name(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData("registration"))
        self.signer = QComboBox()
        self.signer.addItem(self.tr("Chair"), "chair")
        self.signer.addItem(self.tr("Deputy chair (signing for the chair)"), "deputy")
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF"), ".pdf")
        self.format.addItem(self.tr("Excel"), ".xlsx")
        self.year_label = QLabel()
        # the date the document carries: its event's (the meeting, the registration…), shown and editable
        self.issue_date = date_edit()
        self.issue_date.setToolTip(
            self.tr(
                "The date printed on the document and written in the register: by "
                "default the date of what it records, not today"
            )
        )
        self.issue_date.dateChanged.connect(lambda *_: self._date_edited())
        self.date_note = QLabel()
        self.date_note.setObjectName("date_note")
        self.date_note.setWordWrap(True)
        self._date_check = None  # services.documents.DocumentDate of the date shown
        self._date_for: tuple | None = None  # (kind, year) the date shown was read for
        self._date_generation = 0
        self.kind.currentIndexChanged.connect(lambda *_: self._load_date())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_button.clicked.connect(self.export)
        self.open_file = QPushButton(self.tr("Open the file"))
        self.open_file.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.open_file.clicked.connect(lambda: self.produced and open_path(self.produced.path))
        self.open_file_folder = QPushButton(self.tr("Open the folder"))
        self.open_file_folder.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.open_file_folder.clicked.connect(lambda: self.produced and open_path(self.produced.path.parent))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.preview_button.setToolTip(
            self.tr(
                "See the pages of the document as it would be exported, marked as a preview, without taking a number"
            )
        )
        self.preview_button.clicked.connect(self.preview_document)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the exported PDF on A4 paper"))
        self.print_button.clicked.connect(self.print_exported)
        self.export_error = ErrorLine()
        self.export_done = SuccessLine()
        for combo in (self.kind, self.signer, self.format):
            combo.setMaximumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("Emulation year"), self.year_label)
        date_box = QWidget()
        date_row = QHBoxLayout(date_box)
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.issue_date)
        date_row.addWidget(self.date_note, 1)
        form.addRow(self.tr("Dated"), date_box)
        form.addRow(self.tr("Signed by"), self.signer)
        form.addRow(self.tr("Format"), self.format)
        form_box = QWidget()
        form_box.setLayout(form)
        export_row = QHBoxLayout()
        export_row.addWidget(self.preview_button)
        export_row.addWidget(self.export_button)
        export_row.addWidget(self.print_button)
        export_row.addWidget(self.open_file)
        export_row.addWidget(self.open_file_folder)
        export_row.addStretch(1)
        export_buttons = QWidget()
        export_buttons.setLayout(export_row)
        self.register = RowsModel(
            [
                Column(self.tr("Number"), lambda e: e.code, sort_key=STORED_ORDER, width=130),
                Column(self.tr("Issued"), lambda e: vntext.format_date(e.issued_on), width=100),
                Column(self.tr("Document"), lambda e: self.kind_name(e.kind), width=220),
                Column(self.tr("Subject"), lambda e: e.subject),
                Column(self.tr("Files"), lambda e: ", ".join(e.files), width=220),
            ],
            self,
        )
        self.register_view = make_table(self.register, stretch_column=3)
        self.register_view.setEditTriggers(self.register_view.EditTrigger.NoEditTriggers)
        self.register_view.setMinimumHeight(160)
        self.register_heading = subheading(self.tr("Outgoing-document register"))
        self.produced = None
        self._year: int | None = None
        self.last_signed: Path | None = None

        # signing, checking and sending
        self.current_file = QLabel()
        self.current_file.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("Sign digitally…"))
        self.sign_button.clicked.connect(self.sign_produced)
        self.sign_other = QPushButton(self.tr("Choose a file…"))
        self.sign_other.setToolTip(self.tr("Sign any PDF or Excel file"))
        self.sign_other.clicked.connect(self.sign_chosen)
        self.verify_button = QPushButton(self.tr("Check a signature…"))
        self.verify_button.clicked.connect(self.verify)
        self.send_button = QPushButton(self.tr("Send to the upper union…"))
        self.send_button.clicked.connect(self.send)
        self.trust_button = QPushButton(self.tr("Trusted certificates…"))
        self.trust_button.clicked.connect(self.edit_trust)
        sign_row = QHBoxLayout()
        for b in (self.sign_button, self.sign_other, self.verify_button, self.send_button, self.trust_button):
            sign_row.addWidget(b)
        sign_row.addStretch(1)
        sign_buttons = QWidget()
        sign_buttons.setLayout(sign_row)
        self.sign_error = ErrorLine()

        self.outbox = RowsModel(
            [
                Column(
                    self.tr("Queued"),
                    lambda m: signing_dialogs.format_time(m.created_at),
                    sort_key=STORED_ORDER,
                    width=170,
                ),
                Column(self.tr("To"), lambda m: ", ".join(m.to), width=200),
                Column(self.tr("Email subject"), lambda m: m.subject),
                Column(self.tr("Status"), lambda m: signing_dialogs.status_text(m.status), width=100),
                Column(self.tr("Attempts"), lambda m: str(m.attempts), align_right=True, width=70),
                Column(self.tr("Last error"), lambda m: m.last_error, tooltip=lambda m: m.last_error, width=260),
            ],
            self,
        )
        self.outbox_view = make_table(self.outbox, stretch_column=2)
        self.outbox_view.setEditTriggers(self.outbox_view.EditTrigger.NoEditTriggers)
        self.outbox_view.setMinimumHeight(140)
        self.outbox_view.selectionModel().selectionChanged.connect(lambda *_: self._update_outbox())
        self.resend_button = QPushButton(self.tr("Send again"))
        self.resend_button.clicked.connect(self.resend)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr(
                "Take a message that has not been sent out of the outbox; it stays in the sending history as removed."
            )
        )
        self.remove_button.clicked.connect(self.remove_message)
        self.smtp_button = QPushButton(self.tr("Mail server settings…"))
        self.smtp_button.clicked.connect(self.edit_smtp)
        outbox_row = QHBoxLayout()
        outbox_row.addWidget(self.resend_button)
        outbox_row.addWidget(self.remove_button)
        outbox_row.addWidget(self.smtp_button)
        outbox_row.addStretch(1)
        outbox_buttons = QWidget()
        outbox_buttons.setLayout(outbox_row)
        self.outbox_error = ErrorLine()
        self.outbox_done = SuccessLine()

        scroll_page(
            self,
            [
                heading(self.tr("Documents and sending")),
                card(
                    subheading(self.tr("Export a document")),
                    note(
                        self.tr(
                            "The document takes the next number of the outgoing-document register of the year it "
                            "is issued; exporting it again keeps its number."
                        )
                    ),
                    form_box,
                    export_buttons,
                    self.export_error,
                    self.export_done,
                ),
                card(
                    subheading(self.tr("Sign and send")),
                    note(
                        self.tr(
                            "Sign the exported document (or any PDF or Excel file) with a key file, the unit's "
                            "own key or a USB token, check a signature received, and send reports to the upper "
                            "union by email."
                        )
                    ),
                    self.current_file,
                    sign_buttons,
                    self.sign_error,
                ),
                card(
                    subheading(self.tr("Outbox")), self.outbox_view, outbox_buttons, self.outbox_error, self.outbox_done
                ),
                card(self.register_heading, self.register_view),
                card(subheading(self.tr("Document header")), self.preview),
                card(subheading(self.tr("Where reports go")), self.recipient, self.folder),
                card(
                    subheading(self.tr("Backups of the data")),
                    note(
                        self.tr(
                            "A backup is taken automatically at most every four hours while the program runs, "
                            "and thinned out over time. File › Restore from a backup… puts one back."
                        )
                    ),
                    self.backups_view,
                    buttons,
                ),
            ],
        )
        self._update_export()

    def load(self) -> None:
        self.fetch(folder_ops.documents, self.ctx.db, self.ctx.paths, on_done=self._show)
        self.fetch(signing_ops.messages, self.ctx.db, on_done=self._show_outbox)

    def clear(self) -> None:
        self.backups.set_rows([])
        self.register.set_rows([])
        self.outbox.set_rows([])
        self._year = None
        self._show_unit(None)
        self._update_export()

    def _show(self, data: folder_ops.DocumentsData) -> None:
        self._show_unit(data.unit)
        self.backups.set_rows(data.backups)
        self._year = self.ctx.year
        self._update_export()
        self._load_date()
        if self._year is not None:
            self.register_heading.setText(self.tr("Outgoing documents of {year}").format(year=self._year))
            self.fetch(year_end_ops.register, self.ctx.db, self._year, on_done=self.register.set_rows)
        else:
            self.register_heading.setText(self.tr("Outgoing-document register"))
            self.register.set_rows([])

    def kind_name(self, kind: str) -> str:
        return {
            "plan": self.tr("Emulation plan"),
            "registration": self.tr("Emulation registration"),
            "initiatives": self.tr("List of initiatives"),
            "midyear-report": self.tr("Phase review report"),
            "year-report": self.tr("Year-end review report"),
            "proposals": self.tr("Proposal for awards"),
            "review-minutes": self.tr("Minutes of the review meeting"),
            "award-decision": self.tr("Decision awarding certificates of merit"),
        }.get(kind, kind)

    def _update_export(self) -> None:
        self.year_label.setText(str(self._year) if self._year is not None else self.tr("(no year chosen)"))
        self.export_button.setEnabled(self._year is not None and self.ctx.db is not None)
        self.preview_button.setEnabled(self._year is not None and self.ctx.db is not None)
        self.print_button.setEnabled(self.printable_path() is not None)
        self.open_file.setEnabled(self.produced is not None)
        self.open_file_folder.setEnabled(self.produced is not None)
        has_db = self.ctx.db is not None
        current = self.current_path()
        self.sign_button.setEnabled(has_db and self.produced is not None)
        for button in (self.sign_other, self.verify_button, self.send_button, self.smtp_button):
            button.setEnabled(has_db)
        if current is not None:
            self.current_file.setText(self.tr("Current file: {file}").format(file=current))
        else:
            self.current_file.setText(self.tr("No document exported or signed yet in this session."))
        self._update_outbox()

    # -- exporting -----------------------------------------------------------------------------

    def export(self) -> None:
        if self._year is None or self.ctx.db is None:
            return
        kind, suffix = self.kind.currentData(), self.format.currentData()
        # the name alone: the dialog opens in Documents or the folder last used, not the data folder
        suggested = f"{FILE_STEMS.get(kind, kind)}-{self._year}{suffix}"
        file_filter = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbook (*.xlsx)")
        chosen = ask_save_path(
            self, self.tr("Export {document}").format(document=self.kind_name(kind)), suggested, file_filter
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        self.export_error.clear_message()
        self.export_done.clear_message()
        self.export_button.setEnabled(False)
        on = edit_value(self.issue_date) if self._date_for == (kind, self._year) else None  # None: not read yet
        self.ctx.tasks.run(
            year_end_ops.document_date,
            self.ctx.db,
            kind,
            self._year,
            on,
            self.ctx.today(),
            on_done=lambda checked: self._export_dated(kind, out, on, checked),
            on_error=self._export_failed,
            owner=self,
        )

    def _export_dated(self, kind: str, out: Path, on, checked) -> None:
        """Said before the number is taken: what a reviewer would query about the date."""
        on = checked.on
        if checked.warnings and not messages.confirm(
            self,
            self.tr("Export the document dated {date}?").format(date=vntext.format_date(on)),
            title=self.tr("Check the date"),
            informative="\n".join(checked.warnings),
            yes_text=self.tr("Export"),
        ):
            self._update_export()
            return
        self.ctx.tasks.run(
            year_end_ops.produce,
            self.ctx.db,
            self.ctx.paths,
            kind,
            self._year,
            out,
            self.signer.currentData(),
            on,
            self.ctx.today(),
            on_done=self._exported,
            on_error=self._export_failed,
            owner=self,
        )

    # -- the date --------------------------------------------------------------------------------

    def _load_date(self) -> None:
        """Show the date the chosen document would carry (its event's, or the one it was numbered with)."""
        self._date_generation += 1
        if self._year is None or self.ctx.db is None:
            self.date_note.setText("")
            return
        generation = self._date_generation
        self.ctx.tasks.run(
            year_end_ops.document_date,
            self.ctx.db,
            self.kind.currentData(),
            self._year,
            None,
            self.ctx.today(),
            on_done=lambda checked: self._date_loaded(generation, checked),
            on_error=lambda exc: self.date_note.setText(getattr(exc, "message", "")),
            owner=self,
        )

    def _date_loaded(self, generation: int, checked) -> None:
        if generation != self._date_generation:
            return
        self._date_for = (self.kind.currentData(), self._year)
        self.issue_date.blockSignals(True)
        set_date(self.issue_date, checked.on)
        self.issue_date.blockSignals(False)
        self._show_date(checked)

    def _date_edited(self) -> None:
        if self._year is None or self.ctx.db is None:
            return
        self._date_generation += 1
        generation = self._date_generation
        self.ctx.tasks.run(
            year_end_ops.document_date,
            self.ctx.db,
            self.kind.currentData(),
            self._year,
            edit_value(self.issue_date),
            self.ctx.today(),
            on_done=lambda checked: generation == self._date_generation and self._show_date(checked),
            owner=self,
        )

    def _show_date(self, checked) -> None:
        self._date_check = checked
        if checked.numbered_code and checked.numbered_on is not None and checked.on != checked.numbered_on:
            text = self.tr("Number {code} was dated {date}: exporting changes its date.").format(
                code=checked.numbered_code, date=vntext.format_date(checked.numbered_on)
            )
        elif checked.numbered_code:
            text = self.tr("The date of number {code} in the register.").format(code=checked.numbered_code)
        else:
            text = self.tr("Date of: {what}").format(what=checked.source)  # the services' Vietnamese words
        if checked.warnings:
            text += "\n⚠ " + "\n⚠ ".join(checked.warnings)
        self.date_note.setText(text)
        unit = self.ctx.unit
        if unit is not None:
            self.preview.show_lines(
                header_lines(unit.name, unit.upper_union, unit.issuer_code, unit.place_name, checked.on)
            )

    def _exported(self, result: year_end_ops.Produced) -> None:
        doc = result.document
        self.produced = doc
        self.register.set_rows(result.register)
        self._load_date()  # now the date of its number
        text = self.tr("Exported {document} number {code} to {file}.").format(
            document=self.kind_name(doc.kind), code=doc.code, file=doc.path
        )
        if doc.reused_number:
            text += " " + self.tr("It keeps the number it was given before.")
        if doc.redated_from is not None:
            text += " " + self.tr("Its date was changed from {old} to {new}.").format(
                old=vntext.format_date(doc.redated_from), new=vntext.format_date(doc.issued_on)
            )
        text += "".join("\n" + item for item in doc.warnings)
        text += "".join("\n" + item for item in doc.notes)  # what it still lacks (services: Vietnamese)
        self.export_done.show_message(text)
        self._update_export()

    # -- preview and print -----------------------------------------------------------------------

    def preview_document(self) -> None:
        if self._year is None or self.ctx.db is None:
            return
        kind = self.kind.currentData()
        out = (
            self.ctx.paths.root
            / "cache"
            / "xem-truoc"
            / (f"{FILE_STEMS.get(kind, kind)}-{self._year}-xem-truoc-{uuid.uuid4().hex[:6]}.pdf")
        )
        self.export_error.clear_message()
        self.export_done.clear_message()
        self.preview_button.setEnabled(False)
        self.ctx.tasks.run(
            year_end_ops.preview,
            self.ctx.db,
            kind,
            self._year,
            out,
            self.signer.currentData(),
            edit_value(self.issue_date),
            self.ctx.today(),
            on_done=self._previewed,
            on_error=self._export_failed,
            owner=self,
        )

    def _previewed(self, result) -> None:
        self._update_export()
        if result.code:
            text = self.tr("Preview: not an exported document. It keeps its number {code} when exported.").format(
                code=result.code
            )
        else:
            text = self.tr(
                "Preview: not an exported document, no number taken yet; exporting it takes the next "
                "number of the outgoing-document register."
            )
        if result.unfinished:
            text += " " + self.tr("Still to be written before it can be exported: {sections}.").format(
                sections="; ".join(result.unfinished)
            )
        text += "".join("\n" + item for item in result.notes)
        self.show_pdf(
            result.path,
            self.tr("Preview: {document}").format(document=self.kind_name(result.kind)),
            note=text,
            owns_file=True,
        )

    def printable_path(self) -> Path | None:
        """The PDF "Print…" prints: the last one signed or exported in this session."""
        current = self.current_path()
        return current if current is not None and current.suffix.lower() == ".pdf" else None

    def print_exported(self):
        path = self.printable_path()
        if path is None:
            return None
        if not path.exists():
            self.export_error.show_message(self.tr("The file {file} no longer exists.").format(file=path))
            return None
        return self.show_pdf(path, self.tr("Print {file}").format(file=path.name))

    def show_pdf(self, path: Path, title: str, *, note: str = "", owns_file: bool = False):
        from thidua_desktop.ui.print_preview import PreviewDialog

        dialog = PreviewDialog(self.ctx, path, title, note=note, owns_file=owns_file, parent=self)
        dialog.open()
        self.preview_dialog = dialog
        return dialog

    def _export_failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self._update_export()
        if not isinstance(exc, UserError):
            raise exc
        self.export_error.show_message(exc.message)

    def _show_unit(self, unit) -> None:
        if unit is not None:
            self.preview.show_lines(
                header_lines(unit.name, unit.upper_union, unit.issuer_code, unit.place_name, self.ctx.today())
            )
            email = unit.upper_union_email or self.tr("(not given — enter it on the Unit page)")
            self.recipient.setText(
                self.tr("Reports go to the direct upper union, {upper}: {email}").format(
                    upper=unit.upper_union, email=email
                )
            )
        else:
            self.recipient.setText("")
        self.folder.setText(self.tr("The data is kept in {folder}").format(folder=self.ctx.paths.root))

    def _open_backups(self) -> None:
        self.ctx.paths.backups.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.backups)))

    # -- signing, checking, sending ------------------------------------------------------------

    def current_path(self) -> Path | None:
        if self.last_signed is not None:
            return self.last_signed
        return self.produced.path if self.produced is not None else None

    def sign_produced(self) -> signing_dialogs.SignDialog | None:
        if self.produced is None:
            return None
        return self._open_sign(self.produced.path)

    def sign_chosen(self) -> signing_dialogs.SignDialog | None:
        start = str(self.current_path().parent) if self.current_path() else ""
        chosen = signing_dialogs.ask_open_path(
            self, self.tr("Choose the file to sign"), signing_dialogs.DOCUMENT_FILTER, start
        )
        return self._open_sign(Path(chosen)) if chosen else None

    def _open_sign(self, path: Path) -> signing_dialogs.SignDialog:
        dialog = signing_dialogs.SignDialog(self.ctx, path, self)
        dialog.signed.connect(self._signed)
        dialog.open()
        self.sign_dialog = dialog
        return dialog

    def _signed(self, result) -> None:
        self.last_signed = Path(result.path)
        self._update_export()

    def verify(self) -> None:
        start = str(self.current_path()) if self.current_path() else ""
        chosen = signing_dialogs.ask_open_path(
            self,
            self.tr("Choose the signed file to check"),
            signing_dialogs.DOCUMENT_FILTER + ";;" + self.tr("All files (*)"),
            start,
        )
        if not chosen:
            return
        path = Path(chosen)
        self.sign_error.clear_message()
        self.ctx.tasks.run_cpu(
            signing_ops.verify,
            self.ctx.paths,
            path,
            on_done=lambda verdict: self._show_verdict(path, verdict),
            on_error=self._sign_failed,
            owner=self,
        )

    def _show_verdict(self, path: Path, verdict) -> None:
        dialog = signing_dialogs.VerdictDialog(path, verdict, self, ctx=self.ctx)
        dialog.open()
        self.verdict_dialog = dialog

    def _sign_failed(self, exc: BaseException) -> None:
        text = signing_dialogs._known_error(exc)
        if text is None:
            raise exc
        self.sign_error.show_message(text)

    def send(self) -> None:
        if self.ctx.db is None:
            return
        current = self.current_path()
        files = [current] if current is not None else []
        if current is not None:  # the signed pair: the PDF and its workbook twin when it lies beside it
            twin = current.with_suffix(".xlsx" if current.suffix.lower() == ".pdf" else ".pdf")
            files += [twin] if twin.is_file() else []
        # the exported document (or its signed copy) of a report: its sending is recorded and locks it
        register_id = (
            self.produced.register_id
            if self.produced is not None and current is not None and current.stem.startswith(self.produced.path.stem)
            else None
        )
        self.sign_error.clear_message()
        self.ctx.tasks.run(
            signing_ops.send_setup,
            self.ctx.db,
            self.ctx.paths,
            files,
            register_id,
            on_done=lambda setup: self._open_send(files, setup),
            on_error=self._sign_failed,
            owner=self,
        )

    def _open_send(self, files, setup) -> None:
        dialog = signing_dialogs.SendDialog(self.ctx, files, setup, self)
        dialog.sent.connect(lambda result: self._show_outbox(result.messages))
        dialog.saved.connect(lambda _path: self.fetch(signing_ops.messages, self.ctx.db, on_done=self._show_outbox))
        dialog.open()
        self.send_dialog = dialog

    def edit_trust(self) -> None:
        from thidua_desktop.ui.trust_dialog import TrustDialog

        dialog = TrustDialog(self.ctx, self)
        dialog.open()
        self.trust_dialog = dialog

    def _show_outbox(self, rows) -> None:
        self.outbox.set_rows(rows)
        self._update_outbox()

    def selected_message(self):
        rows = self.outbox_view.selectionModel().selectedRows()
        return self.outbox.row_at(rows[0].row()) if rows else None

    def _update_outbox(self) -> None:
        from thidua_desktop.services.outbox import FAILED, QUEUED

        selected = self.selected_message()
        waiting = self.ctx.db is not None and selected is not None and selected.status in (QUEUED, FAILED)
        self.resend_button.setEnabled(waiting)
        self.remove_button.setEnabled(waiting)

    def remove_message(self) -> None:
        selected = self.selected_message()
        if selected is None or self.ctx.db is None:
            return
        if not messages.confirm(
            self,
            self.tr("Remove the message “{subject}” from the outbox?").format(subject=selected.subject),
            informative=self.tr(
                "It will not be sent. The sending history keeps it as removed; a report it was sending can be "
                "sent again."
            ),
            yes_text=self.tr("Remove"),
        ):
            return
        self.outbox_error.clear_message()
        self.outbox_done.clear_message()
        self.remove_button.setEnabled(False)
        self.ctx.tasks.run(
            signing_ops.remove_message,
            self.ctx.db,
            self.ctx.paths,
            selected.id,
            on_done=self._removed,
            on_error=self._resend_failed,
            owner=self,
        )

    def _removed(self, rows) -> None:
        self._show_outbox(rows)
        self.ctx.changed(SENDINGS)  # a report it was sending is no longer waiting
        self.outbox_done.show_message(self.tr("Removed from the outbox; it will not be sent."))

    def resend(self) -> None:
        selected = self.selected_message()
        if selected is None or self.ctx.db is None:
            return
        self.ctx.tasks.run_cpu(
            signing_ops.load_smtp, self.ctx.paths, on_done=lambda smtp: self._resend(selected, smtp), owner=self
        )

    def _resend(self, message, smtp) -> None:
        password = ""
        if smtp.user:
            password = signing_dialogs.ask_password(
                self, self.tr("Send again"), self.tr("Password of the mail account {user}:").format(user=smtp.user)
            )
            if password is None:
                return
        self.outbox_error.clear_message()
        self.outbox_done.clear_message()
        self.resend_button.setEnabled(False)
        self.ctx.tasks.run(
            signing_ops.retry_and_send,
            self.ctx.db,
            self.ctx.paths,
            message.id,
            password,
            on_done=self._resent,
            on_error=self._resend_failed,
            owner=self,
        )

    def _resent(self, result) -> None:
        self._show_outbox(result.messages)
        self.ctx.changed(SENDINGS)  # the deadlines show what was sent
        ok, text = signing_dialogs.send_outcome_text(result.report)
        (self.outbox_done if ok else self.outbox_error).show_message(text)

    def _resend_failed(self, exc: BaseException) -> None:
        self._update_outbox()
        text = signing_dialogs._known_error(exc)
        if text is None:
            raise exc
        self.outbox_error.show_message(text)

    def edit_smtp(self) -> None:
        self.ctx.tasks.run_cpu(signing_ops.load_smtp, self.ctx.paths, on_done=self._open_smtp, owner=self)

    def _open_smtp(self, smtp) -> None:
        dialog = signing_dialogs.SmtpDialog(self.ctx, smtp, self)
        dialog.open()
        self.smtp_dialog = dialog
