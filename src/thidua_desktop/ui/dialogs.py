"""Dialogs of the File and Year menus: restore from a backup, a new year from a template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vn_time, vntext
from thidua_desktop.ui import context, file_dialogs, labels
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.pages.documents import size_text
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table


class RestoreDialog(QDialog):
    """Pick a backup (or any other copy of the data file) to put back."""

    def __init__(self, backups: list, backups_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.backups_folder = backups_folder
        self.chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Choose the backup to put back. The current data is first copied into the backup "
                "folder, so nothing is lost."
            )
        )
        intro.setWordWrap(True)
        self.model = RowsModel(
            [
                Column(
                    self.tr("Taken"),
                    lambda b: vn_time.format_time(b.taken_at.astimezone()),
                    sort_key=STORED_ORDER,
                    width=140,
                ),
                Column(self.tr("Kind"), lambda b: labels.backup_kind(b.kind), width=210),
                Column(self.tr("Size"), lambda b: size_text(b.size), align_right=True, width=80),
                Column(self.tr("File"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
            ],
            self,
        )
        self.model.set_rows([b for b in backups if b.kind != "corrupt"])
        self.view = make_table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumSize(700, 240)
        self.view.doubleClicked.connect(lambda _i: self._accept_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.empty = note(self.tr("There is no backup in the data folder yet."))
        self.empty.setVisible(self.model.total_count == 0)
        self.other = QPushButton(self.tr("Choose another file…"))
        self.other.clicked.connect(self.choose_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.empty)
        box.addWidget(self.view, 1)
        box.addWidget(self.buttons)
        if self.model.total_count:
            self.view.selectRow(0)
        self._update()
        screen_fit.fit_dialog(self)

    def _update(self) -> None:
        self.restore_button.setEnabled(self.view.selectionModel().hasSelection())

    def select(self, path: Path) -> None:
        for n in range(self.model.shown_count):
            if self.model.row_at(n).path == path:
                self.view.selectRow(n)
                return
        raise KeyError(path)

    def _accept_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.row_at(rows[0].row()).path
        self.accept()

    def choose_file(self) -> None:
        # the list above shows the backups folder; another copy is elsewhere (a USB stick, Documents)
        name = file_dialogs.open_file(
            self,
            self.tr("Choose a copy of the data"),
            self.tr("Data files (*.sqlite *.db);;All files (*)"),
            kind=file_dialogs.BACKUP,
        )
        if name:
            self.chosen = Path(name)
            self.accept()


def template_summary(template) -> str:
    """Rich text describing a plan template: number, issuer, year, phases, registration date."""
    esc = _escape
    lines = [
        "<b>"
        + esc(
            QCoreApplication.translate("TemplateSummary", "Plan No. {number} of {date} — {issuer}").format(
                number=template.document_number, date=vntext.format_date(template.issued_on), issuer=template.issuer
            )
        )
        + "</b>",
        esc(template.title),
        esc(
            QCoreApplication.translate("TemplateSummary", "Year: {year}. Registration due: {due}.").format(
                year=template.year, due=vntext.format_date(template.registration_due)
            )
        ),
    ]
    for phase in template.phases:
        lines.append(
            "• "
            + esc(
                QCoreApplication.translate("TemplateSummary", "{phase}: {start} – {end}, report due {due}").format(
                    phase=phase.name,
                    start=vntext.format_date(phase.start),
                    end=vntext.format_date(phase.end),
                    due=vntext.format_date(phase.report_due),
                )
            )
        )
    lines.append(
        esc(
            QCoreApplication.translate(
                "TemplateSummary",
                "{movements} movements, {indicators} indicators, {titles} titles and commendations, {rules} rules.",
            ).format(
                movements=len(template.movements),
                indicators=len(template.indicators),
                titles=len(template.titles),
                rules=len(template.rules),
            )
        )
    )
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NewYearDialog(QDialog):
    """Year › New year…: the year and how it starts (ui.year_start)."""

    package_requested = Signal()

    def __init__(self, ctx: context.AppContext, templates: list, parent: QWidget | None = None) -> None:
        from thidua_desktop.ui.year_start import YearStartChooser

        super().__init__(parent)
        self.ctx = ctx
        self.templates = templates
        self.created = None
        self.setWindowTitle(self.tr("New emulation year"))
        existing = sorted(y.year for y in ctx.years)
        self._suggested = (max(existing) + 1) if existing else ctx.today().year
        self.chooser = YearStartChooser(years=existing, default_year=self._suggested)
        self.chooser.set_templates(templates)
        if existing:
            self.chooser.copy.setChecked(True)
        self.year = self.chooser.year
        self.chooser.changed.connect(self._show_choice)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.chooser)
        box.addWidget(self.error)
        box.addStretch(1)
        box.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._show_choice()
        screen_fit.fit_dialog(self)

    @property
    def summary(self):
        return self.chooser.summary

    def current_template(self):
        return self.chooser.chosen_template()

    def _show_choice(self) -> None:
        from thidua_desktop.ui.year_start import START_PACKAGE

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        package = self.chooser.mode() == START_PACKAGE
        ok.setText(self.tr("Choose the package file…") if package else self.tr("Create the year"))
        ok.setEnabled(self.chooser.is_complete())
        self.error.clear_message()

    def save(self) -> None:
        from thidua_desktop.ui.year_start import START_COPY, START_PACKAGE

        if self.ctx.db is None or not self.chooser.is_complete():
            return
        mode = self.chooser.mode()
        if mode == START_PACKAGE:
            # the package carries its own year: the plan package dialog shows it and every change first
            self.reject()
            self.package_requested.emit()
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        if mode == START_COPY:
            self.ctx.tasks.run(
                year_ops.copy_year,
                self.ctx.db,
                self.chooser.copy_source(),
                self.year.value(),
                on_done=self._created,
                on_error=self._failed,
                owner=self,
            )
            return
        self.ctx.tasks.run(
            year_ops.create_year,
            self.ctx.db,
            self.current_template(),
            self.year.value(),
            on_done=self._created,
            on_error=self._failed,
            owner=self,
        )

    def _created(self, summary) -> None:
        self.created = summary
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)
