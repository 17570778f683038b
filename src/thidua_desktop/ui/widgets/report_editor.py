"""One report (sơ kết or tổng kết): its sections as editable text, its status and the checklist."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.services.reports import ReportInfo
from thidua_desktop.ui import context
from thidua_desktop.ui.operations import year_end as year_end_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, subheading


class SectionEdit(QPlainTextEdit):
    """The text of one section; leaving it saves it (``left``)."""

    left = Signal(str)  # the section key

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.saved_text = text
        self.setPlainText(text)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(90)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.left.emit(self.key)

    @property
    def dirty(self) -> bool:
        return self.toPlainText().strip() != self.saved_text.strip()


class ReportEditor(QWidget):
    """Shows the latest version of one report kind; ``changed`` after a status change or a new
    version (the page reloads, the checklist changes)."""

    changed = Signal()

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.kind = "midyear"
        self.report: ReportInfo | None = None
        self.edits: dict[str, SectionEdit] = {}

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("Draft the report"))
        self.draft_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.draft_button.clicked.connect(self.draft)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.save_button.clicked.connect(self.save_all)
        self.complete_button = QPushButton(self.tr("Mark as complete"))
        self.complete_button.clicked.connect(lambda: self.set_status("complete"))
        self.sent_button = QPushButton(self.tr("Mark as sent"))
        self.sent_button.clicked.connect(lambda: self.set_status("sent"))
        self.version_button = QPushButton(self.tr("Make a new version"))
        self.version_button.clicked.connect(self.new_version)
        self.history_button = QPushButton(self.tr("Sending history…"))
        self.history_button.setToolTip(self.tr("When each version was sent, to whom, and the SHA-256 of each file"))
        self.history_button.clicked.connect(self.show_history)
        buttons = QHBoxLayout()
        for b in (
            self.draft_button,
            self.save_button,
            self.complete_button,
            self.sent_button,
            self.version_button,
            self.history_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.error = ErrorLine()
        self.saved = SuccessLine()

        self.sections_box = QVBoxLayout()
        self.sections_box.setSpacing(4)
        self.checklist = QListWidget()
        self.checklist.setWordWrap(True)
        self.checklist.setMinimumWidth(260)
        self.checklist.setMaximumWidth(360)

        left = QVBoxLayout()
        left.addWidget(self.status)
        left.addLayout(buttons)
        left.addWidget(self.error)
        left.addWidget(self.saved)
        left.addLayout(self.sections_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(subheading(self.tr("Still missing")))
        right.addWidget(self.checklist)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addLayout(right)
        self.show_report(None, None, "midyear", [])

    # -- showing -------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.report is None or self.report.status == "sent"

    def show_report(self, year: int | None, report: ReportInfo | None, kind: str, missing: list[str]) -> None:
        self.year, self.report, self.kind = year, report, kind
        self.error.clear_message()
        self.checklist.clear()
        self.checklist.addItems(missing or [self.tr("Nothing is missing.")])
        while self.sections_box.count():
            item = self.sections_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.edits = {}
        if report is not None:
            for section in report.sections:
                title = subheading(section.heading)
                self.sections_box.addWidget(title)
                if section.container and not section.text:
                    continue
                edit = SectionEdit(section.key, section.text)
                edit.setReadOnly(report.status == "sent")
                edit.left.connect(self.save_section)
                self.edits[section.key] = edit
                self.sections_box.addWidget(edit)
        self._show_status()

    def _show_status(self) -> None:
        report = self.report
        if self.year is None:
            self.status.setText(self.tr("No emulation year is chosen."))
        elif report is None:
            self.status.setText(
                self.tr(
                    "This report has not been drafted yet. “Draft the report” writes a first version from the data."
                )
            )
        else:
            status = {"draft": self.tr("draft"), "complete": self.tr("complete"), "sent": self.tr("sent")}.get(
                report.status, report.status
            )
            text = self.tr("{title} — version {version}, {status}.").format(
                title=report.title, version=report.version, status=status
            )
            if report.status == "sent":
                text += " " + self.tr("A sent report cannot be changed; make a new version to correct it.")
            if report.returned_comment:
                text += "\n" + self.tr("Returned by the upper union with the comments: “{comment}”").format(
                    comment=report.returned_comment
                )
            elif report.answers_comment:
                text += "\n" + self.tr("This version answers the upper union's comments: “{comment}”").format(
                    comment=report.answers_comment
                )
            self.status.setText(text)
        has = report is not None
        self.draft_button.setVisible(self.year is not None and not has)
        self.save_button.setVisible(has and not self.read_only)
        self.complete_button.setVisible(has and report.status == "draft")
        self.sent_button.setVisible(has and report.status == "complete")
        self.version_button.setVisible(has and report.status == "sent" and report.is_latest)
        self.history_button.setVisible(has and (report.status == "sent" or report.version > 1))

    # -- actions -------------------------------------------------------------------------------

    def show_history(self):
        from thidua_desktop.ui.outbox_dialog import ReportHistoryDialog

        if self.report is None:
            return None
        dialog = ReportHistoryDialog(self.ctx, self.report.id, self)
        dialog.open()
        self.history_dialog = dialog
        return dialog

    def _run(self, fn, *args, on_done) -> None:
        self.error.clear_message()
        self.saved.clear_message()
        self.ctx.tasks.run(fn, *args, on_done=on_done, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)

    def draft(self) -> None:
        if self.year is not None and self.report is None:
            self._run(
                year_end_ops.draft_report,
                self.ctx.db,
                self.year,
                self.kind,
                self.ctx.today(),
                on_done=lambda _r: self.changed.emit(),
            )

    def save_section(self, key: str) -> None:
        edit = self.edits.get(key)
        if edit is None or self.read_only or not edit.dirty:
            return
        text = edit.toPlainText()
        self._run(
            year_end_ops.update_section,
            self.ctx.db,
            self.report.id,
            key,
            text,
            on_done=lambda info: self._section_saved(edit, text, info),
        )

    def _section_saved(self, edit: SectionEdit, text: str, info: ReportInfo) -> None:
        edit.saved_text = text
        status_before = self.report.status if self.report else None
        self.report = info
        self._show_status()
        self.saved.show_message(self.tr("Saved."))
        if info.status != status_before:
            self.changed.emit()

    def save_all(self) -> None:
        for key, edit in self.edits.items():
            if edit.dirty:
                self.save_section(key)

    def set_status(self, status: str) -> None:
        if self.report is None:
            return
        self.save_all()
        self._run(year_end_ops.set_status, self.ctx.db, self.report.id, status, on_done=lambda _r: self.changed.emit())

    def new_version(self) -> None:
        if self.report is not None and self.report.status == "sent":
            self._run(year_end_ops.new_version, self.ctx.db, self.report.id, on_done=lambda _r: self.changed.emit())

    def has_unsaved(self) -> bool:
        return any(e.dirty for e in self.edits.values()) and not self.read_only


__all__ = ["ReportEditor", "SectionEdit"]
