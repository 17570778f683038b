"""Tổng hợp (upper-level mode): the subordinate units, the workbooks taken in or set aside, who has
reported, and the indicators added up with a drill-down to the units.

Files come by the file picker, a folder picker, or dropped on the page; intake runs on the
worker with progress. The plan package for the units and the reminder emails are dialogs of
``ui.upper_dialogs``. Everything here goes through ``ui.operations.upper`` (one service call each,
run on the worker; they import the services when called, so that the page module itself does not
pull in the database layer).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import safe_names, vntext
from thidua_desktop.ui import file_dialogs, messages
from thidua_desktop.ui.context import AppContext
from thidua_desktop.ui.operations.upper import (
    add_unit,
    edit_unit,
    export_consolidation,
    export_status,
    fingerprint_of,
    import_units,
    load,
    make_return,
    remove_unit,
    run_intake,
    trust,
    unit_key,
)
from thidua_desktop.ui.operations.upper import load_mode, save_mode  # noqa: F401 - the main window's mode switch
from thidua_desktop.ui.pages.base import ErrorLine, Page, SuccessLine, heading, note
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table

if TYPE_CHECKING:
    from thidua_desktop.services.upper import UpperOverview

UNITS, RECEIVED = "upper_units", "upper_received"


# --- seams for the tests ----------------------------------------------------------------------


def ask_open_paths(parent: QWidget, title: str, file_filter: str) -> list[str]:
    return file_dialogs.open_files(parent, title, file_filter, kind=file_dialogs.UPPER)


def ask_open_path(parent: QWidget, title: str, file_filter: str) -> str:
    return file_dialogs.open_file(parent, title, file_filter, kind=file_dialogs.UPPER)


def ask_folder(parent: QWidget, title: str) -> str:
    return file_dialogs.folder(parent, title, kind=file_dialogs.UPPER)


def ask_save_path(parent: QWidget, title: str, file_filter: str, start: str = "") -> str:
    return file_dialogs.save_file(parent, title, file_filter, kind=file_dialogs.UPPER, start=start)


class UnitDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: tuple[str, str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a subordinate unit") if initial else self.tr("Add a subordinate unit"))
        code, name, email = initial or ("", "", "")
        self.code = QLineEdit(code)
        self.code.setPlaceholderText("CD001")
        self.name = QLineEdit(name)
        self.email = QLineEdit(email)
        self.code_rule = note(
            self.tr(
                "Letters A–Z without accents, digits and - _ . (not first); up to 40 "
                "characters. Small letters become capitals."
            )
        )
        self.error = ErrorLine()
        form = QFormLayout(self)
        form.addRow(self.tr("Code *"), self.code)
        form.addRow("", self.code_rule)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.code.textEdited.connect(lambda _text: self.error.clear_message())
        screen_fit.fit_dialog(self)

    def check_and_accept(self) -> None:
        """The code's alphabet is checked here, with the service's own Vietnamese sentence (core.safe_names)."""
        problem = safe_names.unit_code_problem(self.code.text())
        if problem:
            self.error.show_message(problem)
            self.code.setFocus()
            return
        self.code.setText(safe_names.normalise_unit_code(self.code.text()))
        self.accept()


def ask_comment(parent: QWidget, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def ask_password(parent: QWidget, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def ask_unit(parent: QWidget, initial: tuple[str, str, str] | None = None) -> tuple[str, str, str] | None:
    dialog = UnitDialog(parent, initial)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.code.text(), dialog.name.text(), dialog.email.text()


class _Relay(QObject):
    progressed = Signal(int, str)

    def report(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))


def _number(value) -> str:
    if value is None:
        return ""
    return vntext.format_number(value.normalize() if hasattr(value, "normalize") else value)


def _date(value) -> str:
    return vntext.format_date(value) if value else ""


def _registered(line) -> str:
    """The registered targets added up (counts, money; units registering "yes"); none for a rate."""
    return _number(line.registered) if line.kind != "percent" else ""


def _of_target(line) -> str:
    """The result as a % of the registered targets added up, where that means something: counts and
    money (sum against sum), yes/no (units that did it against units that registered it)."""
    from thidua_desktop.core.results import percent_of_target

    if line.kind == "percent":
        return ""
    value = percent_of_target(line.kind, line.value, line.registered)
    return vntext.format_percent(value) if value is not None else ""


# --- the page ---------------------------------------------------------------------------------


class UpperPage(Page):
    topics = frozenset({UNITS, RECEIVED})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: UpperOverview | None = None
        self._phase: int | None = None
        self._progress = None
        self.plan_dialog = None
        self.reminder_dialog = None
        self.setAcceptDrops(True)
        self.title = heading(self.tr("Consolidation"))
        self.explain = note(
            self.tr(
                "Take in the workbooks the grassroots unions sent (drop files or folders here, or choose them). Each "
                "is checked: its digital signature, its unit, year and report. A file that fails is set aside with the "
                "reason; of several versions of a report the newest valid one counts."
            )
        )
        self.error = ErrorLine()
        self.success = SuccessLine()

        self.take_files_button = QPushButton(self.tr("Take in files…"))
        self.take_folder_button = QPushButton(self.tr("Take in a folder…"))
        self.trust_first = QCheckBox(
            self.tr("Trust a unit's signer on its first file (check the fingerprint by phone)")
        )
        self.take_files_button.clicked.connect(self.choose_files)
        self.take_folder_button.clicked.connect(self.choose_folder)
        actions = QHBoxLayout()
        actions.addWidget(self.take_files_button)
        actions.addWidget(self.take_folder_button)
        actions.addWidget(self.trust_first)
        actions.addStretch(1)
        self.plan_package_button = QPushButton(self.tr("Export the plan package…"))
        self.plan_package_button.setToolTip(
            self.tr("The year's plan as a signed workbook for the grassroots unions to import")
        )
        self.plan_package_button.clicked.connect(self.export_plan_package)
        actions.addWidget(self.plan_package_button)
        self.drop_label = QLabel(self.tr("Drop workbooks or folders anywhere on this page"))
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setStyleSheet(
            "QLabel { border: 2px dashed #9aa5b5; border-radius: 6px; padding: 10px; color: #5f6673; }"
        )

        self.tabs = QTabWidget()
        self.tabs.addTab(self._units_tab(), self.tr("Units"))
        self.tabs.addTab(self._received_tab(), self.tr("Received files"))
        self.tabs.addTab(self._status_tab(), self.tr("Who has reported"))
        self.tabs.addTab(self._consolidation_tab(), self.tr("Indicators added up"))

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        for widget in (self.title, self.explain, self.error, self.success):
            column.addWidget(widget)
        column.addLayout(actions)
        column.addWidget(self.drop_label)
        column.addWidget(self.tabs, 1)

    # -- tabs ----------------------------------------------------------------------------------

    def _units_tab(self) -> QWidget:
        self.units_model = RowsModel(
            [
                Column(self.tr("Code"), lambda u: u.code, width=90),
                Column(self.tr("Name"), lambda u: u.name, width=340),
                Column(self.tr("Email"), lambda u: u.email, width=200),
                Column(
                    self.tr("Trusted signers"),
                    lambda u: "; ".join(f"{c.subject} ({c.fingerprint[:19]}…)" for c in u.certificates),
                ),
            ],
            self,
        )
        self.units_view = make_table(self.units_model, sortable=True)
        self.add_unit_button = QPushButton(self.tr("Add a unit…"))
        self.edit_unit_button = QPushButton(self.tr("Edit the unit…"))
        self.remove_unit_button = QPushButton(self.tr("Remove the unit"))
        self.import_units_button = QPushButton(self.tr("Import a list…"))
        self.trust_button = QPushButton(self.tr("Trust a signer…"))
        self.add_unit_button.clicked.connect(self.add_unit)
        self.edit_unit_button.clicked.connect(self.edit_unit)
        self.units_view.doubleClicked.connect(lambda _index: self.edit_unit())
        self.remove_unit_button.clicked.connect(self.remove_unit)
        self.import_units_button.clicked.connect(self.import_units)
        self.trust_button.clicked.connect(self.trust_signer)
        row = QHBoxLayout()
        for b in (
            self.add_unit_button,
            self.edit_unit_button,
            self.remove_unit_button,
            self.import_units_button,
            self.trust_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addLayout(row)
        box.addWidget(self.units_view, 1)
        return tab

    def _received_tab(self) -> QWidget:
        def state(f) -> str:
            if f.status != "accepted":
                return self.tr("Set aside")
            return self.tr("Counts") if f.counts else self.tr("Older version")

        self.received_model = RowsModel(
            [
                Column(self.tr("State"), state, width=110),
                Column(self.tr("Unit"), lambda f: f.unit_code, width=80),
                Column(self.tr("Document"), lambda f: f.kind, width=120),
                Column(self.tr("Phase"), lambda f: str(f.phase or ""), width=50, align_center=True),
                Column(self.tr("Version"), lambda f: str(f.version or ""), width=60, align_center=True),
                Column(self.tr("Dated"), lambda f: _date(f.issued_on), width=90),
                Column(self.tr("File"), lambda f: f.original_name, width=220),
                Column(self.tr("Reason"), lambda f: f.reason, tooltip=lambda f: f.reason or None),
            ],
            self,
        )
        self.received_view = make_table(self.received_model, sortable=True)
        self.return_button = QPushButton(self.tr("Send back with comments…"))
        self.return_button.setToolTip(
            self.tr("A small signed workbook with your comments, for the unit to import on the report it concerns")
        )
        self.return_button.clicked.connect(self.send_back)
        row = QHBoxLayout()
        row.addWidget(self.return_button)
        row.addStretch(1)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addLayout(row)
        box.addWidget(self.received_view, 1)
        return tab

    def _status_tab(self) -> QWidget:
        def cell(kind: str):
            def text(u) -> str:
                e = next(x for x in u.reports if x.kind == kind)
                names = {
                    "on_time": self.tr("On time"),
                    "late": self.tr("Late"),
                    "missing": self.tr("Missing"),
                    "pending": self.tr("Not due yet"),
                    "received": self.tr("Received"),
                }
                return names[e.status] + (f" {_date(e.sent_on)}" if e.sent_on else "")

            return text

        self.status_model = RowsModel(
            [
                Column(self.tr("Code"), lambda u: u.code, width=90),
                Column(self.tr("Name"), lambda u: u.name, width=320),
                Column(self.tr("Registration"), cell("registration"), width=150),
                Column(self.tr("Mid-year report"), cell("midyear-report"), width=150),
                Column(self.tr("Year report"), cell("year-report"), width=150),
            ],
            self,
        )
        self.status_view = make_table(self.status_model, sortable=True)
        self.remind_label = note()
        self.export_status_button = QPushButton(self.tr("Export with the reminder list…"))
        self.export_status_button.clicked.connect(self.export_status)
        self.remind_button = QPushButton(self.tr("Email the reminders…"))
        self.remind_button.setToolTip(self.tr("One email to each unit with a report missing, through the outbox"))
        self.remind_button.clicked.connect(self.email_reminders)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(self.status_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.remind_label, 1)
        row.addWidget(self.export_status_button)
        row.addWidget(self.remind_button)
        box.addLayout(row)
        return tab

    def _consolidation_tab(self) -> QWidget:
        self.phase_combo = QComboBox()
        self.phase_combo.currentIndexChanged.connect(self._phase_chosen)
        self.export_xlsx_button = QPushButton(self.tr("Export workbook…"))
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"))
        self.export_xlsx_button.clicked.connect(lambda: self.export_consolidation(".xlsx"))
        self.export_pdf_button.clicked.connect(lambda: self.export_consolidation(".pdf"))
        self.sources_label = note()
        self.lines_model = RowsModel(
            [
                Column(self.tr("Code"), lambda x: x.code, width=60),
                Column(self.tr("Indicator"), lambda x: x.name, width=330),
                Column(self.tr("Unit of measure"), lambda x: x.unit_of_measure, width=110),
                Column(self.tr("Units"), lambda x: str(x.units), width=60, align_right=True),
                Column(self.tr("Registered target"), _registered, width=110, align_right=True),
                Column(
                    self.tr("Result"),
                    lambda x: _number(x.value) + ("%" if x.kind == "percent" and x.value is not None else ""),
                    width=110,
                    align_right=True,
                ),
                Column(self.tr("% of target"), _of_target, width=120, align_right=True),
                Column(self.tr("Numerator"), lambda x: _number(x.numerator), width=100, align_right=True),
                Column(self.tr("Denominator"), lambda x: _number(x.denominator), width=100, align_right=True),
                Column(
                    self.tr("Applies to"),
                    lambda x: self.tr("{n} applicable units").format(n=x.applicable_units),
                    width=130,
                    align_right=True,
                ),
            ],
            self,
        )
        self.lines_view = make_table(self.lines_model)
        self.lines_view.clicked.connect(self._line_clicked)
        self.detail_title = note(self.tr("Click an indicator to see each unit's figure."))
        self.detail_model = RowsModel(
            [
                Column(self.tr("Unit"), lambda f: f.unit_code, width=80),
                Column(self.tr("Name"), lambda f: f.unit_name, width=300),
                Column(self.tr("Registered target"), lambda f: _number(f.registered), width=110, align_right=True),
                Column(self.tr("Result"), lambda f: _number(f.value), width=100, align_right=True),
                Column(self.tr("Numerator"), lambda f: _number(f.numerator), width=100, align_right=True),
                Column(self.tr("Denominator"), lambda f: _number(f.denominator), width=100, align_right=True),
            ],
            self,
        )
        self.detail_view = make_table(self.detail_model, sortable=True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.phase_combo)
        top.addWidget(self.sources_label, 1)
        top.addWidget(self.export_xlsx_button)
        top.addWidget(self.export_pdf_button)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.detail_title)
        lower_box.addWidget(self.detail_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.lines_view)
        split.addWidget(lower)
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addLayout(top)
        box.addWidget(split, 1)
        return tab

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        self.fetch(
            load, self.ctx.db, self.ctx.year, self.ctx.today(), self._phase, on_done=self._show, on_error=self._failed
        )

    def clear(self) -> None:
        self.data = None
        for model in (self.units_model, self.received_model, self.status_model, self.lines_model, self.detail_model):
            model.set_rows([])

    def _show(self, data: UpperOverview) -> None:
        self.data = data
        self.units_model.set_rows(data.units)
        self.received_model.set_rows(data.received)
        self.status_model.set_rows(data.completeness)
        missing = [u for u in data.completeness if u.missing]
        self.remind_label.setText(self.tr("{n} units to remind").format(n=len(missing)) if missing else "")
        self.remind_button.setEnabled(bool(missing))
        self.phase_combo.blockSignals(True)
        self.phase_combo.clear()
        for n in data.phases:
            label = self.tr("The year") if n == data.phases[-1] else self.tr("Phase {n}").format(n=n)
            self.phase_combo.addItem(label, n)
        self.phase_combo.setCurrentIndex(max(0, self.phase_combo.findData(data.phase)))
        self.phase_combo.blockSignals(False)
        result = data.consolidation
        self.lines_model.set_rows(result.lines if result is not None else [])
        self.detail_model.set_rows([])
        if result is not None:
            self.sources_label.setText(
                self.tr("{n} reports added up; {m} units without a report").format(
                    n=len(result.sources), m=len(result.missing_units)
                )
            )
        for b in (self.export_xlsx_button, self.export_pdf_button):
            b.setEnabled(bool(result is not None and result.lines))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(getattr(exc, "message", None) or str(exc))

    def _phase_chosen(self, index: int) -> None:
        value = self.phase_combo.itemData(index)
        if value is not None and value != self._phase:
            self._phase = int(value)
            self.refresh()

    def _line_clicked(self, index) -> None:
        line = self.lines_model.row_at(index.row())
        self.show_detail(line)

    def show_detail(self, line) -> None:
        self.detail_title.setText(self.tr("{code} {name}: each unit's figure").format(code=line.code, name=line.name))
        self.detail_model.set_rows(line.details)

    # -- intake --------------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.take_in(paths)

    def choose_files(self) -> None:
        paths = ask_open_paths(self, self.tr("Workbooks to take in"), self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if paths:
            self.take_in(paths)

    def choose_folder(self) -> None:
        folder = ask_folder(self, self.tr("Folder of workbooks to take in"))
        if folder:
            self.take_in([folder])

    def take_in(self, paths: list[str]) -> None:
        if self.ctx.db is None or self.ctx.year is None:
            return
        self.error.clear_message()
        self.success.clear_message()
        self._progress = messages.progress(self, self.tr("Taking in the workbooks…"))
        relay = _Relay(self)
        relay.progressed.connect(self._progressed)
        self.ctx.tasks.run(
            run_intake,
            self.ctx.db,
            self.ctx.paths,
            list(paths),
            self.ctx.year,
            self.trust_first.isChecked(),
            relay.report,
            on_done=self._taken,
            on_error=self._intake_failed,
            owner=self,
        )

    def _progressed(self, percent: int, message: str) -> None:
        if self._progress is not None:
            self._progress.setRange(0, 100)
            self._progress.setValue(max(0, min(percent, 100)))
            self._progress.setLabelText(message)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _taken(self, outcomes: list) -> None:
        self._close_progress()
        taken = sum(1 for o in outcomes if o.accepted)
        aside = [o for o in outcomes if not o.accepted]
        self.success.show_message(self.tr("{n} files taken in, {m} set aside.").format(n=taken, m=len(aside)))
        new = [o for o in outcomes if o.new_fingerprint]
        if aside:
            self.error.show_message(
                "\n".join(f"{o.name}: {o.reason}" for o in aside[:8]) + ("\n…" if len(aside) > 8 else "")
            )
        if new:
            messages.info(
                self,
                self.tr("Signers trusted on their first file: read these fingerprints back to the units by phone."),
                informative="\n".join(f"{o.unit_code}: {o.new_fingerprint}" for o in new),
            )
        self.ctx.changed(RECEIVED)
        self.mark_stale()
        self.tabs.setCurrentIndex(1)

    def _intake_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self._failed(exc)

    # -- units ---------------------------------------------------------------------------------

    def _run(self, fn, *args, done_text: str = "") -> None:
        self.error.clear_message()
        self.success.clear_message()

        def done(_result) -> None:
            if done_text:
                self.success.show_message(done_text)
            self.ctx.changed(UNITS)
            self.mark_stale()

        self.ctx.tasks.run(fn, self.ctx.db, *args, on_done=done, on_error=self._failed, owner=self)

    def add_unit(self) -> None:
        answer = ask_unit(self)
        if answer:
            code, name, email = answer
            self._run(add_unit, code, name, email, done_text=self.tr("Unit {code} added.").format(code=code.strip()))

    def _selected_unit(self):
        rows = self.units_view.selectionModel().selectedRows() if self.units_view.selectionModel() else []
        return self.units_model.row_at(rows[0].row()) if rows else None

    def edit_unit(self) -> None:
        unit = self._selected_unit()
        if unit is None:
            self.error.show_message(self.tr("Choose a unit in the list first."))
            return
        answer = ask_unit(self, (unit.code, unit.name, unit.email))
        if answer:
            code, name, email = answer
            self._run(
                edit_unit,
                unit.code,
                code,
                name,
                email,
                done_text=self.tr("Unit {code} saved.").format(code=code.strip()),
            )

    def remove_unit(self) -> None:
        unit = self._selected_unit()
        if unit is None:
            self.error.show_message(self.tr("Choose a unit in the list first."))
            return
        if messages.confirm(
            self,
            self.tr("Remove {code} {name} from the list?").format(code=unit.code, name=unit.name),
            informative=self.tr("The files received from it are kept."),
        ):
            self._run(remove_unit, unit.code, done_text=self.tr("Unit {code} removed.").format(code=unit.code))

    def import_units(self) -> None:
        path = ask_open_path(
            self, self.tr("List of units (columns Code, Name, Email)"), self.tr("Spreadsheets (*.xlsx *.xls *.ods)")
        )
        if path:
            self._run(import_units, path, done_text=self.tr("The list of units was imported."))

    def trust_signer(self) -> None:
        unit = self._selected_unit()
        if unit is None:
            self.error.show_message(self.tr("Choose a unit in the list first."))
            return
        path = ask_open_path(
            self,
            self.tr("A signed workbook or certificate of the unit"),
            self.tr("Signed workbooks or certificates (*.xlsx *.pem *.cer *.crt)"),
        )
        if not path:
            return
        self.ctx.tasks.run(
            fingerprint_of,
            path,
            on_done=lambda fp: self._confirm_trust(unit, path, fp),
            on_error=self._failed,
            owner=self,
        )

    def _confirm_trust(self, unit, path: str, fp: str) -> None:
        if messages.confirm(
            self,
            self.tr("Trust this signer for {code}?").format(code=unit.code),
            informative=self.tr("Read the fingerprint to the unit by phone; trust it only if it matches:\n{fp}").format(
                fp=fp
            ),
        ):
            self._run(trust, unit.code, path, done_text=self.tr("Signer trusted for {code}.").format(code=unit.code))

    # -- returns -------------------------------------------------------------------------------

    def send_back(self) -> None:
        rows = self.received_view.selectionModel().selectedRows() if self.received_view.selectionModel() else []
        chosen = self.received_model.row_at(rows[0].row()) if rows else None
        if chosen is None or chosen.status != "accepted" or chosen.kind not in ("midyear-report", "year-report"):
            self.error.show_message(self.tr("Choose a mid-year or year report that was taken in first."))
            return
        comment = ask_comment(
            self,
            self.tr("Send the report back"),
            self.tr("Comments for {code} on {file}:").format(code=chosen.unit_code, file=chosen.original_name),
        )
        if not comment or not comment.strip():
            return
        key = unit_key(self.ctx.paths) or ask_open_path(
            self, self.tr("The upper union's key file"), self.tr("Key files (*.p12 *.pfx)")
        )
        if not key:
            return
        password = ask_password(
            self, self.tr("Sign the return"), self.tr("Password of {key}:").format(key=Path(key).name)
        )
        if password is None:
            return
        out = ask_save_path(
            self,
            self.tr("Save the return"),
            self.tr("Excel workbook (*.xlsx)"),
            safe_names.safe_file_name(f"tra-lai-{chosen.unit_code}-{chosen.kind}.xlsx"),
        )
        if not out:
            return
        if not out.lower().endswith(".xlsx"):
            out += ".xlsx"
        self.error.clear_message()
        self.ctx.tasks.run(
            make_return,
            self.ctx.db,
            self.ctx.paths,
            chosen.stored_path,
            comment,
            out,
            key,
            password,
            on_done=lambda made: self.success.show_message(
                self.tr("Return saved: {path}. Send it to the unit.").format(path=made.path)
            ),
            on_error=self._failed,
            owner=self,
        )

    # -- exports -------------------------------------------------------------------------------

    def export_status(self) -> None:
        if self.ctx.year is None:
            return
        out = ask_save_path(
            self,
            self.tr("Export who has reported"),
            self.tr("Excel workbook (*.xlsx)"),
            f"tinh-hinh-nop-{self.ctx.year}.xlsx",
        )
        if out:
            if not out.lower().endswith(".xlsx"):
                out += ".xlsx"
            self.ctx.tasks.run(
                export_status,
                self.ctx.db,
                self.ctx.year,
                self.ctx.today(),
                out,
                on_done=self._exported,
                on_error=self._failed,
                owner=self,
            )

    def export_consolidation(self, suffix: str) -> None:
        if self.data is None or self.data.consolidation is None:
            return
        file_filter = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF document (*.pdf)")
        out = ask_save_path(
            self, self.tr("Export the consolidation"), file_filter, f"tong-hop-{self.data.year}{suffix}"
        )
        if out:
            if not out.lower().endswith(suffix):
                out += suffix
            self.ctx.tasks.run(
                export_consolidation,
                self.ctx.db,
                self.data.year,
                self.data.phase,
                out,
                on_done=self._exported,
                on_error=self._failed,
                owner=self,
            )

    def _exported(self, path) -> None:
        self.success.show_message(self.tr("Saved {path}.").format(path=path))

    # -- the plan package and the reminders (ui.upper_dialogs) ----------------------------------

    def export_plan_package(self):
        from thidua_desktop.ui.upper_dialogs import PlanExportDialog

        if self.ctx.db is None:
            return None
        dialog = PlanExportDialog(self.ctx, self)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def email_reminders(self):
        from thidua_desktop.ui.upper_dialogs import ReminderDialog

        if self.ctx.db is None or self.ctx.year is None:
            return None
        dialog = ReminderDialog(self.ctx, self.ctx.year, self)
        self.reminder_dialog = dialog
        dialog.finished.connect(lambda _code: self._reminders_closed())
        dialog.open()
        return dialog

    def _reminders_closed(self) -> None:
        if self.reminder_dialog is not None and self.reminder_dialog.reminded is not None:
            n = len(self.reminder_dialog.reminded.outcome.queued)
            self.success.show_message(self.tr("{n} reminders put in the outbox (Documents and sending).").format(n=n))
