"""A report's sending history: each time a version left — when, to whom, how, which files with
their SHA-256 — so the officer can show exactly what the upper union received."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from thidua_desktop.ui import signing_dialogs
from thidua_desktop.ui.operations import signing as signing_ops
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.widgets import screen_fit


class ReportHistoryDialog(QDialog):
    """Every sending of one report (all its versions), oldest first; a message's files are its children."""

    def __init__(self, ctx, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.history: list = []
        self.setWindowTitle(self.tr("Sending history of the report"))
        self.setMinimumSize(900, 360)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Version"),
                self.tr("How"),
                self.tr("Status"),
                self.tr("Queued / written"),
                self.tr("Sent"),
                self.tr("To"),
                self.tr("Last error"),
            ]
        )
        for column, width in enumerate((150, 120, 120, 170, 170, 200)):
            self.tree.setColumnWidth(column, width)
        self.empty = note(self.tr("This report has not been sent yet."))
        self.error = ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "What left for the upper union: the time, the recipients and each file with its SHA-256 fingerprint. A "
                    "sent version is locked; a correction is sent as a new version."
                )
            )
        )
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.empty.hide()
        self.ctx.tasks.run(
            signing_ops.report_history, self.ctx.db, report_id, on_done=self._show, on_error=self._failed, owner=self
        )
        screen_fit.fit_dialog(self)

    def _show(self, history: list) -> None:
        self.history = history
        self.tree.clear()
        how = {"eml": self.tr("email draft (.eml)"), "outbox": self.tr("outbox")}
        for h in history:
            e = h.entry
            sent = signing_dialogs.format_time(e.sent_at) if e.status in ("sent", "eml") else ""
            item = QTreeWidgetItem(
                [
                    self.tr("Version {n}").format(n=h.version),
                    how[h.how],
                    signing_dialogs.status_text(e.status),
                    signing_dialogs.format_time(e.created_at),
                    sent,
                    ", ".join(e.to + e.cc),
                    e.last_error,
                ]
            )
            if e.last_error:
                item.setToolTip(2, e.last_error)
                item.setToolTip(6, e.last_error)
            self.tree.addTopLevelItem(item)
            for a in e.attachments:
                child = QTreeWidgetItem(
                    [
                        self.tr("{name} ({size} bytes) — SHA-256: {sha256}").format(
                            name=a["name"], size=f"{a['size']:,}".replace(",", "."), sha256=a["sha256"]
                        )
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, (a["name"], a["sha256"]))
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            item.setExpanded(True)
        self.empty.setVisible(not history)

    def _failed(self, exc: BaseException) -> None:
        text = signing_dialogs._known_error(exc)
        if text is None:
            raise exc
        self.error.show_message(text)
