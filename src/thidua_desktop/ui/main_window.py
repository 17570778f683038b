"""The main window: sidebar of pages, the year selector, menus, and the data folder's life
(opening, first-run set-up, backups, restore, checks)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from thidua_desktop.errors import UserError
from thidua_desktop.ui import context, excepthook, i18n, messages, settings
from thidua_desktop.ui.operations import folder as folder_ops
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.context import AppContext
from thidua_desktop.ui.pages.base import Page
from thidua_desktop.ui.pages.overview import OverviewPage
from thidua_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.data_folder import Opened, OpenProblem, RestoreOutcome
    from thidua_desktop.ui.pages.documents import DocumentsPage
    from thidua_desktop.ui.wizard import FirstRunWizard

PAGE_OVERVIEW, PAGE_UNIT, PAGE_ROSTER, PAGE_REGISTRATION, PAGE_INITIATIVES, PAGE_PHASES = range(6)
PAGE_REVIEW = 6  # "Bình xét – Khen thưởng": the review and the proposals, after the phases
PAGE_DOCUMENTS = 7
PAGE_UPPER = 8  # "Tổng hợp": shown in upper-level mode only

PREFERRED_SIZE = QSize(1280, 720)  # larger than this screen's room for it: the window starts maximised

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language

# The pages other than the overview are imported and built the first time they are shown:
# the window appears sooner.
_PAGE_CLASSES = (
    ("thidua_desktop.ui.pages.overview", "OverviewPage"),
    ("thidua_desktop.ui.pages.unit", "UnitPage"),
    ("thidua_desktop.ui.pages.roster", "RosterPage"),
    ("thidua_desktop.ui.pages.registration", "RegistrationPage"),
    ("thidua_desktop.ui.pages.initiatives", "InitiativesPage"),
    ("thidua_desktop.ui.pages.phases", "PhasesPage"),
    ("thidua_desktop.ui.pages.review", "ReviewPage"),
    ("thidua_desktop.ui.pages.documents", "DocumentsPage"),
    ("thidua_desktop.ui.pages.upper", "UpperPage"),
)


class ProgressRelay(QObject):
    """Carries ``(percent, message)`` reports from the worker thread to the GUI thread."""

    progressed = Signal(int, str)

    def report(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))


class MainWindow(QMainWindow):
    data_shown = Signal()  # the overview shows the year's data (start-up benchmark)
    quit_requested = Signal()
    restart_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.wizard: FirstRunWizard | None = None
        self._build_demo = False
        self._closing = False
        self.setWindowTitle(self.tr("Emulation manager"))
        self.setMinimumSize(QSize(960, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(1)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setStyleSheet(
            "#sidebar { background: #f0f2f5; border-right: 1px solid #d5d9e0; padding-top: 6px; }"
            "#sidebar::item { padding: 8px 10px; border-radius: 4px; margin: 0 6px; color: #1d2430; }"
            "#sidebar::item:selected { background: #dbe6f5; color: #123f7a; font-weight: bold; }"
            "#sidebar::item:hover:!selected { background: #e6e9ee; }"
        )
        self.stack = QStackedWidget()
        self._pages: list[Page | None] = [OverviewPage(ctx)] + [None] * (len(_PAGE_CLASSES) - 1)
        page_titles = [
            (self.tr("Overview"), QStyle.StandardPixmap.SP_FileDialogInfoView),
            (self.tr("Unit"), QStyle.StandardPixmap.SP_DirHomeIcon),
            (self.tr("Members"), QStyle.StandardPixmap.SP_FileDialogListView),
            (self.tr("Emulation registration"), QStyle.StandardPixmap.SP_FileDialogContentsView),
            (self.tr("Initiatives"), QStyle.StandardPixmap.SP_FileDialogNewFolder),
            (self.tr("Phase and year-end reviews"), QStyle.StandardPixmap.SP_FileDialogDetailedView),
            (self.tr("Review and commendation"), QStyle.StandardPixmap.SP_DialogApplyButton),
            (self.tr("Documents and sending"), QStyle.StandardPixmap.SP_DriveNetIcon),
            (self.tr("Consolidation"), QStyle.StandardPixmap.SP_FileDialogToParent),
        ]
        for page, (title, icon) in zip(self._pages, page_titles, strict=True):
            item = QListWidgetItem(self.style().standardIcon(icon), title)
            item.setSizeHint(QSize(180, 38))
            self.sidebar.addItem(item)
            self.stack.addWidget(page if page is not None else QWidget())
        widest = max(self.sidebar.fontMetrics().horizontalAdvance(title) for title, _icon in page_titles)
        self.sidebar.setFixedWidth(max(220, min(widest + 84, 300)))
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.currentRowChanged.connect(self._page_chosen)
        self.sidebar.item(PAGE_UPPER).setHidden(True)  # until the data folder says it is an upper union
        self.overview.loaded.connect(self._overview_loaded)
        self.overview.open_registration.connect(lambda: self.show_page(PAGE_REGISTRATION))
        self.overview.step_requested.connect(self.open_step)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        ctx.years_changed.connect(self._fill_years)
        ctx.database_changed.connect(self._update_actions)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.tasks.busy_changed.connect(self._show_busy)
        self._update_actions()
        self._restore_geometry()
        self.sidebar.setCurrentRow(PAGE_OVERVIEW)

    # -- pages -------------------------------------------------------------------------------

    @property
    def overview(self) -> OverviewPage:
        return self._pages[PAGE_OVERVIEW]  # type: ignore[return-value]

    @property
    def documents(self) -> DocumentsPage:
        return self.page(PAGE_DOCUMENTS)  # type: ignore[return-value]

    def page(self, number: int) -> Page:
        """The page at ``number``, built on first use."""
        page = self._pages[number]
        if page is None:
            module, name = _PAGE_CLASSES[number]
            page = getattr(importlib.import_module(module), name)(self.ctx)
            self._pages[number] = page
            placeholder = self.stack.widget(number)
            self.stack.insertWidget(number, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if number == PAGE_DOCUMENTS:
                page.backup_button.clicked.connect(self.backup_now)
                page.backup_button.setEnabled(self.ctx.db is not None)
        return page

    def _page_chosen(self, number: int) -> None:
        if number >= 0:
            self.stack.setCurrentWidget(self.page(number))

    def show_page(self, number: int) -> Page:
        self.sidebar.setCurrentRow(number)
        return self.page(number)

    def open_step(self, key: str) -> None:
        """A first step's button on Tổng quan (services.first_steps): the page or the dialog of that step."""
        if key == "roster":
            self.show_page(PAGE_ROSTER).open_import()
        elif key == "plan":
            self.import_plan_package().finished.connect(lambda _code: self.overview.mark_stale())
        elif key == "registration":
            self.show_page(PAGE_REGISTRATION)
        elif key == "mail":
            from thidua_desktop.ui import signing_dialogs
            from thidua_desktop.ui.operations import signing as signing_ops

            def opened(smtp) -> None:
                self.smtp_dialog = signing_dialogs.SmtpDialog(self.ctx, smtp, self)
                self.smtp_dialog.saved.connect(lambda _s: self.overview.mark_stale())
                self.smtp_dialog.open()

            self.ctx.tasks.run_cpu(signing_ops.load_smtp, self.ctx.paths, on_done=opened, owner=self)

    def page_titles(self) -> list[str]:
        return [self.sidebar.item(n).text() for n in range(self.sidebar.count()) if not self.sidebar.item(n).isHidden()]

    # -- chrome ------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Year"))
        bar.setObjectName("yearToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        self.unit_label = QLabel()
        self.unit_label.setStyleSheet("font-weight: bold; color: #1d2430; padding: 0 12px;")
        year_caption = QLabel(self.tr("Emulation year:"))
        year_caption.setStyleSheet("padding-left: 8px;")
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(110)
        self.year_combo.setToolTip(self.tr("The year shown on every page"))
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        year_caption.setBuddy(self.year_combo)
        bar.addWidget(year_caption)
        bar.addWidget(self.year_combo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.unit_label)
        self.addToolBar(bar)

    def _action(self, text: str, slot, shortcut=None, icon=None, *, checkable: bool = False) -> QAction:
        """A menu action calling ``slot()``; a ``checkable`` one calls ``slot(checked)``.

        ``triggered`` carries ``checked``: passed on to a slot whose first argument is optional
        (``import_plan_package(path=None)``) it would arrive as ``path=False``.
        """
        action = QAction(text, self)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if checkable:
            action.triggered.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, call=slot: call())
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = self._action(
            self.tr("Back up &now"), self.backup_now, QKeySequence("Ctrl+B"), QStyle.StandardPixmap.SP_DialogSaveButton
        )
        self.restore_action = self._action(self.tr("&Restore from a backup…"), self.restore_from_backup)
        self.check_action = self._action(self.tr("&Check the data"), self.check_data)
        self.folder_action = self._action(
            self.tr("&Open the data folder"), self.open_data_folder, None, QStyle.StandardPixmap.SP_DirOpenIcon
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (
            self.backup_action,
            self.restore_action,
            self.check_action,
            None,
            self.folder_action,
            None,
            self.quit_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Year"))
        self.new_year_action = self._action(self.tr("&New year…"), self.new_year)
        self.copy_year_action = self._action(self.tr("&Copy this year to the next"), self.copy_year)
        self.plan_package_action = self._action(self.tr("&Import a plan package…"), self.import_plan_package)
        self.edit_plan_action = self._action(self.tr("&Edit the year's plan…"), self.edit_plan)
        menu.addAction(self.new_year_action)
        menu.addAction(self.copy_year_action)
        menu.addAction(self.plan_package_action)
        menu.addAction(self.edit_plan_action)
        self.export_plan_action = self._action(
            self.tr("&Export the plan package for the units…"), self.export_plan_package
        )
        self.export_plan_action.setVisible(False)  # upper-level mode only
        menu.addAction(self.export_plan_action)
        menu.addSeparator()
        self.upper_mode_action = self._action(
            self.tr("&Upper-level mode (take in and add up reports)"), self.toggle_upper_mode, checkable=True
        )
        menu.addAction(self.upper_mode_action)

        menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in i18n.LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setChecked(code == i18n.current())
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

        menu = self.menuBar().addMenu(self.tr("&Help"))
        from thidua_desktop.ui import help as user_guide  # the guide: ui/help.py

        self.guide_action = self._action(
            self.tr("&User guide"), lambda: user_guide.open_guide(parent=self), QKeySequence.StandardKey.HelpContents
        )
        menu.addAction(self.guide_action)
        self.about_action = self._action(self.tr("&About"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.folder_label = QLabel(self.tr("Data folder: {folder}").format(folder=self.ctx.paths.root))
        self.folder_label.setStyleSheet("color: #5f6673; padding: 0 6px;")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = QLabel(self.tr("Working…"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedSize(110, 14)
        self.busy_bar.setTextVisible(False)
        for widget in (self.busy_label, self.busy_bar):
            widget.hide()
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.folder_label)

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _update_actions(self) -> None:
        has_db = self.ctx.db is not None
        has_year = has_db and self.ctx.year is not None
        for action in (
            self.backup_action,
            self.check_action,
            self.new_year_action,
            self.plan_package_action,
            self.export_plan_action,
        ):
            action.setEnabled(has_db and self.ctx.unit is not None)
        self.copy_year_action.setEnabled(has_year)
        self.edit_plan_action.setEnabled(has_year)
        self.upper_mode_action.setEnabled(has_db and self.ctx.unit is not None)
        if self._pages[PAGE_DOCUMENTS] is not None:
            self.documents.backup_button.setEnabled(has_db)
        unit = self.ctx.unit
        self.unit_label.setText(unit.name if unit else "")
        title = self.tr("Emulation manager")
        self.setWindowTitle(f"{unit.name} — {title}" if unit else title)

    def _on_data_changed(self, topic: str) -> None:
        if topic == context.UNIT:
            self._update_actions()

    # -- years -------------------------------------------------------------------------------

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for summary in self.ctx.years:
            self.year_combo.addItem(str(summary.year), summary.year)
            self.year_combo.setItemData(
                self.year_combo.count() - 1,
                f"{summary.plan_number} — {summary.plan_issuer}",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.year_combo.findData(self.ctx.year)
        self.year_combo.setCurrentIndex(index)
        self.year_combo.setEnabled(bool(self.ctx.years))
        self.year_combo.blockSignals(False)
        self._update_actions()

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.ctx.set_year(int(year))
            self._update_actions()

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def reload_years(self, select: int | None = None) -> None:
        if self.ctx.db is None:
            return
        self.ctx.tasks.run(
            year_ops.list_years, self.ctx.db, on_done=lambda years: self._years_loaded(years, select), owner=self
        )

    def _years_loaded(self, years, select: int | None) -> None:
        current = select if select is not None else self.ctx.year
        if current not in {y.year for y in years}:
            current = years[-1].year if years else None
        self.ctx.set_years(years)
        self.ctx.set_year(current)
        self._fill_years()

    # -- opening the data folder -------------------------------------------------------------

    def open_data(self, *, build_demo: bool = False) -> None:
        """Open the database in the worker (building the demo first if asked)."""
        self._build_demo = build_demo
        self.statusBar().showMessage(self.tr("Opening the data…"))
        if build_demo and not self.ctx.paths.database.exists():
            self._demo_progress = messages.progress(self, self.tr("Creating the demonstration data (312 people)…"))
            relay = ProgressRelay(self)
            relay.progressed.connect(self._demo_progressed)
            self.ctx.tasks.run(
                folder_ops.build_demo, self.ctx.paths, relay.report, on_done=self._opened, on_error=self._open_failed
            )
            return
        self.ctx.tasks.run(folder_ops.open_folder, self.ctx.paths, on_done=self._opened, on_error=self._open_failed)

    def _demo_progressed(self, percent: int, message: str) -> None:
        progress = getattr(self, "_demo_progress", None)
        if progress is not None:
            progress.setRange(0, 100)
            progress.setValue(max(0, min(percent, 100)))
            if message:
                progress.setLabelText(message)

    def _close_progress(self) -> None:
        progress = getattr(self, "_demo_progress", None)
        if progress is not None:
            progress.close()
            progress.deleteLater()
            self._demo_progress = None

    def _opened(self, result: Opened) -> None:
        self._close_progress()
        self.statusBar().clearMessage()
        if result.problem is not None:
            self._show_problem(result.problem)
            return
        if self._closing:
            self.ctx.tasks.run(folder_ops.close, result.db)
            return
        self.ctx.apply_opened(result)
        if result.unit is None:
            self.run_wizard()
            return
        self._after_open()

    def _after_open(self) -> None:
        from thidua_desktop.ui.pages import upper as upper_page

        self.ctx.tasks.run(upper_page.load_mode, self.ctx.db, on_done=self.show_mode, owner=self)
        self.ctx.tasks.run(
            folder_ops.auto_backup,
            self.ctx.paths,
            on_done=self._auto_backup_done,
            on_error=self._auto_backup_failed,
            owner=self,
        )

    def _auto_backup_done(self, made) -> None:
        if made is not None:
            self.statusBar().showMessage(self.tr("Backed up automatically: {file}").format(file=made.name), 8000)
            self.ctx.changed(context.BACKUPS)

    def _auto_backup_failed(self, exc: BaseException) -> None:
        excepthook.write_log(excepthook.format_report(type(exc), exc, exc.__traceback__))
        reason = exc.message if isinstance(exc, UserError) else str(exc)
        self.statusBar().showMessage(self.tr("The automatic backup failed: {reason}").format(reason=reason), 15000)

    def _show_problem(self, problem: OpenProblem) -> None:
        """The folder could not be opened (``services.data_folder.open_folder`` said why)."""
        if problem.kind == "damaged":
            self.handle_corrupt(problem)
        elif problem.kind == "newer":
            messages.error(self, problem.message, title=self.tr("Data from a newer version"))
            self.quit_requested.emit()
        else:
            # Stay open without data: File › Restore from a backup… and the data folder remain.
            messages.error(self, problem.message, title=self.tr("The data cannot be opened"))
            self.overview.show_problem(self.tr("The data could not be opened: {reason}").format(reason=problem.message))

    def _open_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.statusBar().clearMessage()
        if isinstance(exc, UserError):  # building the demonstration data, set-up
            messages.error(self, exc.message, title=self.tr("The data cannot be opened"))
            self.overview.show_problem(self.tr("The data could not be opened: {reason}").format(reason=exc.message))
        elif isinstance(exc, ImportError) and self._build_demo:
            messages.error(self, self.tr("The demonstration data is not available in this version."), details=str(exc))
            self.quit_requested.emit()
        else:
            raise exc

    def handle_corrupt(self, problem: OpenProblem) -> None:
        """The data file is damaged: offer the latest backup, another backup, or quitting.

        The damaged file is never written to; a restore copies it aside first.
        """
        choices = []
        if problem.latest_backup is not None:
            choices.append(("latest", self.tr("Restore the latest backup")))
        choices.append(("other", self.tr("Choose a backup…")))
        choices.append(("quit", self.tr("Quit")))
        informative = problem.message
        if problem.latest_backup is not None:
            informative += "\n\n" + self.tr(
                "Restoring puts back the backup of {date}; the damaged file is kept in the backup folder."
            ).format(date=problem.latest_backup.name)
        choice = messages.choose(
            self,
            self.tr("The data file {file} is damaged.").format(file=problem.database),
            choices,
            title=self.tr("Damaged data file"),
            informative=informative,
            critical=True,
        )
        if choice == "latest" and problem.latest_backup is not None:
            self._restore_at_start(problem, problem.latest_backup)
        elif choice == "other":
            self.ctx.tasks.run(
                folder_ops.list_backups,
                self.ctx.paths,
                on_done=lambda backups: self._choose_at_start(problem, backups),
                owner=self,
            )
        else:
            self.quit_requested.emit()

    def _choose_at_start(self, problem: OpenProblem, backups) -> None:
        from thidua_desktop.ui.dialogs import RestoreDialog

        dialog = RestoreDialog(backups, self.ctx.paths.backups, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self._restore_at_start(problem, dialog.chosen)
        else:
            self.handle_corrupt(problem)

    def _restore_at_start(self, problem: OpenProblem, source) -> None:
        self.ctx.tasks.run(
            folder_ops.restore,
            self.ctx.paths,
            None,
            source,
            on_done=lambda outcome: self._restored_at_start(problem, outcome),
            on_error=self._open_failed,
            owner=self,
        )

    def _restored_at_start(self, problem: OpenProblem, outcome: RestoreOutcome) -> None:
        if outcome.error is not None:
            messages.error(self, getattr(outcome.error, "message", str(outcome.error)))
            self.handle_corrupt(problem)
            return
        assert outcome.opened is not None
        self._tell_restored(outcome)
        self._opened(outcome.opened)

    # -- first run ---------------------------------------------------------------------------

    def run_wizard(self) -> FirstRunWizard:
        from thidua_desktop.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ctx, self)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.finished.connect(lambda code, w=wizard: self._wizard_finished(w, code))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_finished(self, wizard: FirstRunWizard, code: int) -> None:
        self.wizard = None
        wizard.deleteLater()
        if code == QDialog.DialogCode.Accepted and wizard.result_data is not None:
            self.ctx.apply_opened(wizard.result_data)
            self._after_open()
            if wizard.import_package_after:
                self.import_plan_package()
            return
        if self._closing:
            return
        if messages.confirm(
            self,
            self.tr("The union is not set up yet. Quit the program?"),
            informative=self.tr("Nothing has been saved. The set-up will start again next time."),
            yes_text=self.tr("Quit"),
            no_text=self.tr("Back to the set-up"),
        ):
            self.quit_requested.emit()
        else:
            self.run_wizard()

    # -- File menu ---------------------------------------------------------------------------

    def backup_now(self) -> None:
        if self.ctx.db is None:
            return
        self.ctx.tasks.run(folder_ops.backup_now, self.ctx.paths, on_done=self._backed_up, owner=self)

    def _backed_up(self, path) -> None:
        self.ctx.changed(context.BACKUPS)
        messages.info(
            self, self.tr("The data has been backed up."), informative=self.tr("Backup file: {file}").format(file=path)
        )

    def restore_from_backup(self) -> None:
        self.ctx.tasks.run(folder_ops.list_backups, self.ctx.paths, on_done=self._choose_backup, owner=self)

    def _choose_backup(self, backups) -> None:
        from thidua_desktop.ui.dialogs import RestoreDialog

        dialog = RestoreDialog(backups, self.ctx.paths.backups, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        # the chosen file is checked first: a bad one is refused before the data is put at stake
        self.ctx.tasks.run(folder_ops.check_backup, dialog.chosen, on_done=self._backup_checked, owner=self)

    def _backup_checked(self, found) -> None:
        if found.problem is not None:
            messages.error(self, found.problem, title=self.tr("This file cannot be restored"))
            return
        source = found.path
        if not messages.confirm(
            self,
            self.tr("Replace the current data with this copy?"),
            informative=self.tr(
                "Copy: {file}\n\nThe current data is first saved in the backup folder {folder}, so it can be put back."
            ).format(file=source, folder=self.ctx.paths.backups),
            yes_text=self.tr("Restore"),
        ):
            return
        db, year = self.ctx.db, self.ctx.year
        self.ctx.forget_database()
        self.ctx.tasks.run(
            folder_ops.restore,
            self.ctx.paths,
            db,
            source,
            year,
            on_done=self._restored,
            on_error=self._open_failed,
            owner=self,
        )

    def _restored(self, outcome: RestoreOutcome) -> None:
        if outcome.opened is not None and outcome.opened.problem is not None:
            self._opened(outcome.opened)  # the data could not be opened again: say why
            return
        if outcome.opened is not None:
            self.ctx.apply_opened(outcome.opened)
        if outcome.error is not None:
            messages.error(
                self,
                getattr(outcome.error, "message", str(outcome.error)),
                title=self.tr("The backup was not restored"),
            )
            return
        self.ctx.changed(context.BACKUPS)
        self._tell_restored(outcome)
        if outcome.opened is not None and outcome.opened.unit is None:
            self.run_wizard()

    def _tell_restored(self, outcome: RestoreOutcome) -> None:
        if outcome.saved is not None:
            informative = self.tr("The data it replaced was saved as {file}.").format(file=outcome.saved)
        else:
            informative = self.tr("There was no data to save before restoring.")
        messages.info(self, self.tr("The data has been restored."), informative=informative)

    def check_data(self) -> None:
        self.ctx.tasks.run(folder_ops.check, self.ctx.paths, on_done=self._checked, owner=self)

    def _checked(self, report) -> None:
        if report.ok:
            messages.info(
                self,
                self.tr("The data is intact."),
                informative=self.tr("The file {file} was checked: no damage, no broken links.").format(
                    file=report.database
                ),
            )
            return
        problems = [p for p in report.integrity if p != "ok"] + list(report.foreign_keys)
        problems += list(getattr(report, "schema", []))  # tables not matching the recorded revision
        if report.error:
            problems.insert(0, report.error)
        messages.error(
            self,
            self.tr("The check found problems in the data."),
            informative=self.tr(
                "Restore a recent backup (File › Restore from a backup…) or ask for help; do not delete the file."
            ),
            details="\n".join(problems),
        )

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.root)))

    # -- Year menu ---------------------------------------------------------------------------

    def new_year(self) -> None:
        self.ctx.tasks.run_cpu(year_ops.templates, on_done=self._new_year_dialog, owner=self)

    def _new_year_dialog(self, templates):
        from thidua_desktop.ui.dialogs import NewYearDialog

        dialog = NewYearDialog(self.ctx, templates, self)
        dialog.accepted.connect(lambda: self._year_created(dialog.created))
        dialog.package_requested.connect(lambda: self.import_plan_package())
        dialog.finished.connect(dialog.deleteLater)
        self.new_year_dialog = dialog
        dialog.open()
        return dialog

    def _year_created(self, summary) -> None:
        if summary is not None:
            self.statusBar().showMessage(self.tr("Created the emulation year {year}.").format(year=summary.year), 8000)
            self.reload_years(select=summary.year)

    def show_mode(self, mode: str) -> None:
        """Upper-level mode shows the "Tổng hợp" page in the sidebar."""
        upper = mode == "upper"
        self.upper_mode_action.setChecked(upper)
        self.export_plan_action.setVisible(upper)
        self.sidebar.item(PAGE_UPPER).setHidden(not upper)
        if not upper and self.sidebar.currentRow() == PAGE_UPPER:
            self.show_page(PAGE_OVERVIEW)

    def toggle_upper_mode(self, checked: bool = False) -> None:
        from thidua_desktop.ui.pages import upper as upper_page

        if self.ctx.db is not None:
            self.ctx.tasks.run(
                upper_page.save_mode, self.ctx.db, "upper" if checked else "cdcs", on_done=self.show_mode, owner=self
            )

    def import_plan_package(self, path=None):
        from thidua_desktop.ui.plan_package_dialog import PlanPackageDialog

        dialog = PlanPackageDialog(self.ctx, self, path)
        dialog.finished.connect(dialog.deleteLater)
        self.plan_package_dialog = dialog
        dialog.open()
        return dialog

    def edit_plan(self):
        """Năm › Sửa kế hoạch năm… (ui.plan_editor)."""
        from thidua_desktop.ui.plan_editor import open_plan_editor

        self.plan_editor_dialog = open_plan_editor(self.ctx, self, self._plan_saved)
        return self.plan_editor_dialog

    def _plan_saved(self, lines: list[str]) -> None:
        text = self.tr("Saved the plan of the year {year}.").format(year=self.ctx.year)
        self.statusBar().showMessage(" ".join([text, *lines]), 10000)
        if self.ctx.db is not None:
            self.reload_years(select=self.ctx.year)

    def export_plan_package(self):
        """Upper-level mode: the plan package dialog of the Tổng hợp page (ui.upper_dialogs)."""
        if self.ctx.db is None:
            return None
        return self.show_page(PAGE_UPPER).export_plan_package()

    def copy_year(self) -> None:
        source = self.ctx.year
        if source is None or self.ctx.db is None:
            return
        target = source + 1
        if not messages.confirm(
            self,
            self.tr("Copy the plan of {source} to {target}?").format(source=source, target=target),
            informative=self.tr(
                "The phases and deadlines move one year on; movements and indicators are copied, "
                "titles and rules are those in force for {target}. The new plan's number, date, "
                "issuer and title are left to enter, and this year's targets are not kept. The "
                "roster is shared by all years."
            ).format(target=target),
            yes_text=self.tr("Copy"),
        ):
            return
        self.ctx.tasks.run(
            year_ops.copy_year, self.ctx.db, source, target, on_done=lambda s: self._year_created(s), owner=self
        )

    # -- Language and Help -------------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        if code == settings.language() and code == i18n.current():
            return
        settings.set_language(code)
        for c, action in self.language_actions.items():
            action.setChecked(c == code)
        if code == i18n.current():
            return
        choice = messages.choose(
            self,
            self.tr("The new language is used from the next start."),
            [("restart", self.tr("Restart now")), ("later", self.tr("Later"))],
            title=self.tr("Language"),
        )
        if choice == "restart":
            self.restart_requested.emit()

    def about(self):
        from thidua_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx.paths.root, self)
        dialog.finished.connect(dialog.deleteLater)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    # -- window state ------------------------------------------------------------------------

    def show_snapshot(self, snap) -> None:
        """Show the year as it was left (``thidua_desktop.snapshot``) while the database opens.

        Everything that changes data waits for the database; the overview is replaced by the
        real data as soon as it is read.
        """
        self.ctx.unit = snap.unit
        self.ctx.years = list(snap.years)
        self.ctx.year = snap.year
        self._fill_years()
        from thidua_desktop.services.dto import YearOverview

        self.overview.show_data(YearOverview(snap.detail, snap.events, snap.phases, snap.counts))
        self._overview_loaded()

    def _overview_loaded(self) -> None:
        if self.ctx.year is not None:
            self.data_shown.emit()

    def raise_window(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _restore_geometry(self) -> None:
        s = settings.settings()
        geometry = s.value(settings.KEY_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fits = screen_fit.available_geometry(self).contains(self.geometry()) and screen_fit.fits_preferred(
                self.size(), self
            )
        else:
            self.resize(PREFERRED_SIZE)
            fits = screen_fit.fits_preferred(PREFERRED_SIZE, self)
        if not fits:  # a 1366×768 or 1024×768 screen, or a window left on a larger one
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = s.value(settings.KEY_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_geometry(self) -> None:
        s = settings.settings()
        s.setValue(settings.KEY_GEOMETRY, self.saveGeometry())
        s.setValue(settings.KEY_STATE, self.saveState())
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._closing = True
        self.save_geometry()
        if self.wizard is not None:
            self.wizard.reject()
        self.ctx.tasks.shutdown(final=lambda db=self.ctx.db: folder_ops.close(db))
        super().closeEvent(event)
