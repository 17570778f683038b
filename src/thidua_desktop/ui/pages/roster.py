"""Đoàn viên: the roster in a fast table with a search that ignores diacritics, the person's
record beside it, and everything done to the roster: add, edit, leave, union groups, Excel in
and out (a file dropped on the page is imported)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, labels, messages
from thidua_desktop.ui.operations import roster as roster_ops
from thidua_desktop.ui.pages.base import Page, SuccessLine, heading, note
from thidua_desktop.ui.widgets.fields import CodeCombo
from thidua_desktop.ui.widgets.file_drop import FileDropTarget
from thidua_desktop.ui.widgets.person_panel import PersonPanel
from thidua_desktop.ui.workbook_export import ask_xlsx_path, export_workbook
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table, selected_rows

NO_GROUP = ""  # the group filter's code for "people without a union group"
ALL_GROUPS = None


def _birth_text(p) -> str:
    if p.birth_date is not None:
        return vntext.format_date(p.birth_date)
    return str(p.birth_year) if p.birth_year else ""


def _birth_key(p) -> tuple:
    if p.birth_date is not None:
        return (0, p.birth_date)
    if p.birth_year:
        return (0, date(p.birth_year, 1, 1))
    return (1, date.min)


def _date_key(value: date | None) -> tuple:
    return (0, value) if value is not None else (1, date.min)


class RosterModel(RowsModel):
    """People at work, or people who left (one more column: the date they left)."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._base = [
            Column(self.tr("Full name"), lambda p: p.full_name, sort_key=STORED_ORDER, width=185),
            Column(self.tr("Date of birth"), _birth_text, sort_key=_birth_key, width=88),
            Column(self.tr("Gender"), lambda p: labels.gender(p.gender), width=58),
            Column(self.tr("Position"), lambda p: p.position, width=145),
            Column(self.tr("Union group"), lambda p: p.group_name, width=115),
            Column(
                self.tr("Member"), lambda p: labels.yes_no(p.is_member), sort_key=lambda p: not p.is_member, width=78
            ),
            Column(
                self.tr("Joined the union"),
                lambda p: labels.date_text(p.joined_union_on),
                sort_key=lambda p: _date_key(p.joined_union_on),
                width=120,
            ),
        ]
        self._left_column = Column(
            self.tr("Left work on"),
            lambda p: labels.date_text(p.left_on),
            sort_key=lambda p: _date_key(p.left_on),
            width=120,
        )
        self.columns = list(self._base)

    def set_people(self, people: list, *, left: bool = False) -> None:
        columns = self._base + [self._left_column] if left else self._base
        if len(columns) != len(self.columns):
            self.set_columns(columns)
        self.set_rows(people, [p.search_key for p in people])


class RosterPage(FileDropTarget, Page):
    topics = frozenset({context.PEOPLE, context.INITIATIVES})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)
        self._people: list = []
        self._select_after_load: str | None = None
        self._card_generation = 0
        self.dialog: QDialog | None = None  # the dialog open now (tests reach it here)

        style = self.style()
        self.add_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), self.tr("Add…"))
        self.edit_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.tr("Edit…")
        )
        self.leave_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight), self.tr("Left work…"))
        self.groups_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DirIcon), self.tr("Union groups…"))
        self.import_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("Import from Excel…")
        )
        self.export_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Export to Excel…")
        )
        self.add_button.setToolTip(self.tr("Add a person to the roster"))
        self.import_button.setToolTip(
            self.tr(
                "Read a list of people from an Excel file (.xlsx, .xls, .ods); a file can also be dropped on this page."
            )
        )
        self.add_button.clicked.connect(lambda: self.add_person())
        self.edit_button.clicked.connect(lambda: self.edit_person())
        self.leave_button.clicked.connect(lambda: self.leave_person())
        self.groups_button.clicked.connect(lambda: self.manage_groups())
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(self.export)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.leave_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.groups_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name — accents not needed, e.g. nguyen van an"))
        self.search.setClearButtonEnabled(True)
        self.search.setAcceptDrops(False)  # a file dropped here goes to the page: import, not text
        self.search.textChanged.connect(self._filter)
        self.status = CodeCombo()
        self.status.set_items(
            [(roster_ops.ACTIVE, self.tr("At work")), (roster_ops.LEFT, self.tr("Left work"))], roster_ops.ACTIVE
        )
        self.status.setToolTip(self.tr("People at work, or people who left"))
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.group_filter = CodeCombo()
        self.group_filter.setMinimumWidth(170)
        self.group_filter.currentIndexChanged.connect(lambda _i: self._apply_group_filter())
        self.count = QLabel()
        self.count.setStyleSheet("color: #4a5260;")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status)
        filters.addWidget(self.group_filter)
        filters.addSpacing(8)
        filters.addWidget(self.count, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.model = RosterModel(self)
        self.view = make_table(self.model, sortable=True, stretch_column=None)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _index: self.edit_person())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.panel = PersonPanel()
        self.panel.edit_requested.connect(lambda: self.edit_person())
        self.panel.leave_requested.connect(lambda: self.leave_person())
        self.panel.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([790, 290])
        self.splitter.setChildrenCollapsible(False)
        self._card_timer = QTimer(self)
        self._card_timer.setSingleShot(True)
        self._card_timer.setInterval(120)  # moving through the list with the arrow keys: load the last one
        self._card_timer.timeout.connect(self._load_card)

        self.saved = SuccessLine()
        self.empty = note(
            self.tr(
                "No one is on the roster yet. Add people one by one, or import them from an Excel "
                "file (the file can be dropped here)."
            )
        )
        self.empty.hide()
        self.hint = note(self.tr("Double-click a person to edit. Drop an Excel file on this page to import it."))

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(8)
        column.addWidget(heading(self.tr("Members")))
        column.addLayout(actions)
        column.addLayout(filters)
        column.addWidget(self.saved)
        column.addWidget(self.empty)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.hint)
        self._fill_groups([])
        self._update_buttons()
        QTimer.singleShot(0, self.search.setFocus)

    # -- loading -----------------------------------------------------------------------------

    @property
    def showing_left(self) -> bool:
        return self.status.code() == roster_ops.LEFT

    def load(self) -> None:
        self.fetch(roster_ops.list_roster, self.ctx.db, self.status.code(), on_done=self._show)

    def clear(self) -> None:
        self._show([])

    def _show(self, people: list) -> None:
        self._people = people
        chosen = self._select_after_load or self.current_id()
        self._select_after_load = None
        self.model.set_people(people, left=self.showing_left)
        self._fill_groups(people)
        self.model.set_filter(self.search.text())
        self._apply_group_filter()
        self.empty.setVisible(self.ctx.db is not None and not people and not self.showing_left)
        for button in (self.export_button, self.groups_button, self.add_button, self.import_button):
            button.setEnabled(self.ctx.db is not None)
        if chosen is not None:
            self.select_person(chosen)
        self._update_buttons()
        if self.current_id() is None:
            self.panel.clear()

    def _fill_groups(self, people: list) -> None:
        names = sorted({p.group_name for p in people if p.group_name}, key=vntext.sort_key)
        current = self.group_filter.code()
        items = [(ALL_GROUPS, self.tr("All union groups"))] + [(name, name) for name in names]
        if any(not p.group_name for p in people):
            items.append((NO_GROUP, self.tr("(no union group)")))
        self.group_filter.set_items(items, current)

    def _apply_group_filter(self) -> None:
        group = self.group_filter.code()
        self.model.set_predicate(None if group is ALL_GROUPS else (lambda p, g=group: p.group_name == g))
        self._update_count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("Showing {shown} / {total} people").format(
                shown=vntext.format_number(self.model.shown_count), total=vntext.format_number(self.model.total_count)
            )
        )

    # -- selection and the person's record ---------------------------------------------------

    def current_id(self) -> str | None:
        rows = selected_rows(self.view)
        return rows[0].id if rows else None

    def current_row(self):
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def select_person(self, person_id: str) -> bool:
        row = self.model.view_row_of(lambda p: p.id == person_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self) -> None:
        self._update_buttons()
        if self.current_id() is None:
            self._card_timer.stop()
            self.panel.clear()
        elif self.ctx.tasks.synchronous:
            self._load_card()
        else:
            self._card_timer.start()

    def _load_card(self) -> None:
        person_id = self.current_id()
        if person_id is None or self.ctx.db is None:
            return
        self._card_generation += 1
        generation = self._card_generation
        self.ctx.tasks.run(
            roster_ops.person_card,
            self.ctx.db,
            person_id,
            on_done=lambda card: self._card_loaded(generation, card),
            on_error=lambda exc: self._card_failed(generation, exc),
            owner=self,
        )

    def _card_loaded(self, generation: int, card) -> None:
        if generation == self._card_generation and card.detail.id == self.current_id():
            self.panel.show_person(card)

    def _card_failed(self, generation: int, exc: BaseException) -> None:
        from thidua_desktop.errors import NotFound

        if not isinstance(exc, NotFound):
            raise exc
        if generation == self._card_generation:
            self.panel.clear()

    def _update_buttons(self) -> None:
        has_db = self.ctx.db is not None
        chosen = self.current_row() is not None
        self.edit_button.setEnabled(has_db and chosen)
        self.leave_button.setEnabled(has_db and chosen and not self.showing_left)

    # -- add, edit, leave --------------------------------------------------------------------

    def add_person(self) -> None:
        if self.ctx.db is not None:
            self.ctx.tasks.run(roster_ops.person_form, self.ctx.db, None, on_done=self._open_person_dialog, owner=self)

    def edit_person(self, person_id: str | None = None) -> None:
        person_id = person_id or self.current_id()
        if person_id is not None and self.ctx.db is not None:
            self.ctx.tasks.run(
                roster_ops.person_form, self.ctx.db, person_id, on_done=self._open_person_dialog, owner=self
            )

    def _open_person_dialog(self, form: roster_ops.PersonForm) -> None:
        from thidua_desktop.ui.roster_dialogs import PersonDialog

        dialog = PersonDialog(self.ctx, form, self)
        dialog.accepted.connect(lambda: self._person_saved(dialog.saved_detail, added=form.detail is None))
        self._show_dialog(dialog)

    def _person_saved(self, detail, *, added: bool) -> None:
        if detail is None:
            return
        if added:
            text = self.tr("Added {name} to the roster.")
        elif detail.left_on is not None:
            text = self.tr("Saved {name} (left work).")
        else:
            text = self.tr("Saved {name}.")
        self.saved.show_message(text.format(name=detail.full_name))
        self._select_after_load = detail.id
        self._roster_changed()

    def leave_person(self) -> None:
        row = self.current_row()
        if row is None or self.showing_left or self.ctx.db is None:
            return
        from thidua_desktop.ui.roster_dialogs import LeaveDialog

        dialog = LeaveDialog(self.ctx, row.id, row.full_name, self)
        dialog.accepted.connect(lambda: self._left(dialog.saved_detail))
        self._show_dialog(dialog)

    def _left(self, detail) -> None:
        if detail is None:
            return
        self.saved.show_message(
            self.tr("{name} left work on {date}; their record is kept under “Left work”.").format(
                name=detail.full_name, date=vntext.format_date(detail.left_on)
            )
        )
        self._roster_changed()

    def _roster_changed(self) -> None:
        self.ctx.changed(context.PEOPLE)
        self.ctx.changed(context.REGISTRATION)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    # -- union groups ------------------------------------------------------------------------

    def manage_groups(self) -> None:
        if self.ctx.db is not None:
            self.ctx.tasks.run(roster_ops.list_groups, self.ctx.db, on_done=self._open_groups, owner=self)

    def _open_groups(self, groups: list) -> None:
        from thidua_desktop.ui.roster_dialogs import GroupsDialog

        members: dict[str, list[str]] = {}
        if not self.showing_left:
            for p in self._people:
                if p.group_name:
                    members.setdefault(p.group_name, []).append(p.full_name)
        self._show_dialog(GroupsDialog(self.ctx, groups, members, self))

    # -- Excel -------------------------------------------------------------------------------

    def open_import(self, path: Path | None = None) -> None:
        if self.ctx.db is None:
            return
        from thidua_desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, None, self)
        dialog.imported.connect(self._imported)
        self._show_dialog(dialog)
        if path is not None:
            dialog.read(Path(path))
        else:
            QTimer.singleShot(0, dialog.choose_file)

    def _imported(self, result) -> None:
        from thidua_desktop.ui.import_dialog import import_summary

        self.ctx.changed(context.REGISTRATION)
        text = import_summary(result)
        self.saved.show_message(self.tr("Imported: {summary}").format(summary=text))
        messages.info(self, self.tr("The list has been imported."), informative=text)

    def ask_export_path(self) -> Path | None:
        return ask_xlsx_path(
            self,
            self.tr("Export the roster"),
            self.tr("Roster {date}.xlsx").format(date=self.ctx.today().strftime("%d-%m-%Y")),
        )

    def export(self) -> None:
        if self.ctx.db is None:
            return
        path = self.ask_export_path()
        if path is None:
            return
        export_workbook(
            self,
            path,
            roster_ops.export_roster,
            self.ctx.db,
            path,
            saved=self.tr("Exported {count} people to {file}."),
            question=self.tr("Exported {count} people."),
            failed_title=self.tr("The roster was not exported"),
        )

    # -- a file dropped on the page ----------------------------------------------------------

    def takes_drops(self) -> bool:
        return self.ctx.db is not None

    def file_dropped(self, path: Path) -> None:
        self.open_import(path)
