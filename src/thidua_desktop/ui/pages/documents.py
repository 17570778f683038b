"""Văn bản & gửi: what leaves the PC — the document header, where reports go, the backups."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, jobs, labels
from thidua_desktop.ui.pages.base import Page, card, heading, note, scroll_page, subheading
from thidua_desktop.ui.widgets.header_preview import HeaderPreview, header_lines
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{vntext.format_number(size / (1024 * 1024), 1)} MB"
    return f"{vntext.format_number(max(size // 1024, 1))} KB"


class DocumentsPage(Page):
    topics = frozenset({context.UNIT, context.BACKUPS})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.preview = HeaderPreview()
        self.recipient = QLabel()
        self.recipient.setWordWrap(True)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backups = RowsModel([
            Column(self.tr("Taken"), lambda b: b.taken_at.strftime("%d/%m/%Y %H:%M"), sort_key=STORED_ORDER,
                   width=150),
            Column(self.tr("Kind"), lambda b: labels.backup_kind(b.kind), width=220),
            Column(self.tr("Size"), lambda b: size_text(b.size), align_right=True, width=90),
            Column(self.tr("File"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
        ], self)
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

        scroll_page(self, [
            heading(self.tr("Documents and sending")),
            card(subheading(self.tr("Document header")), self.preview),
            card(subheading(self.tr("Where reports go")), self.recipient, self.folder),
            card(subheading(self.tr("Backups of the data")),
                 note(self.tr("A backup is taken automatically at most every four hours while the program runs, "
                              "and thinned out over time. File › Restore from a backup… puts one back.")),
                 self.backups_view, buttons),
            note(self.tr("Exporting reports as PDF and Excel, signing them and sending them by email come with "
                         "the next updates.")),
        ])

    def load(self) -> None:
        self.fetch(jobs.documents, self.ctx.db, self.ctx.paths, on_done=self._show)

    def clear(self) -> None:
        self.backups.set_rows([])
        self._show_unit(None)

    def _show(self, data: jobs.DocumentsData) -> None:
        self._show_unit(data.unit)
        self.backups.set_rows(data.backups)

    def _show_unit(self, unit) -> None:
        if unit is not None:
            self.preview.show_lines(header_lines(unit.name, unit.upper_union, unit.issuer_code, unit.place_name,
                                                 self.ctx.today()))
            email = unit.upper_union_email or self.tr("(not given — enter it on the Unit page)")
            self.recipient.setText(self.tr("Reports go to the direct upper union, {upper}: {email}").format(
                upper=unit.upper_union, email=email))
        else:
            self.recipient.setText("")
        self.folder.setText(self.tr("The data is kept in {folder}").format(folder=self.ctx.paths.root))

    def _open_backups(self) -> None:
        self.ctx.paths.backups.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.backups)))
