"""The individual registration (đăng ký thi đua cá nhân): who registers for which title, the
initiative each plans, bulk registration, and the checks of the year's rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import abbreviations, vntext
from thidua_desktop.ui import context, labels, messages
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui.pages.base import ErrorLine, SuccessLine, subheading
from thidua_desktop.ui.widgets.fields import CodeCombo
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table, select_where, selected_rows

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.registration import RegistrationView

ERROR_COLOR = QColor("#a61b1b")
LINK_COLOR = QColor("#123f7a")
WARNING_COLOR = QColor("#b26a00")
FINDING_ROLE = Qt.ItemDataRole.UserRole
ALL, NONE_REGISTERED, SOME_REGISTERED = "all", "none", "some"
NO_GROUP = ""


def short_name(name: str) -> str:
    """ "Lao động tiên tiến" → "LĐTT": the initials Vietnamese forms use for titles."""
    return abbreviations.initials(name)


class IndividualsModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self.titles: list = []  # TitleInfo of the individual titles shown as columns
        self.other_names: dict[str, str] = {}  # other individual registrations: code → short name
        self.names: dict[str, str] = {}
        self.links: dict = {}  # person id → LinkedInitiative
        self.set_titles([], [])

    def set_titles(self, titles: list, others: list) -> None:
        self.titles = list(titles)
        self.other_names = {t.code: short_name(t.name) for t in others}
        self.names = {t.code: t.name for t in [*titles, *others]}
        columns = [
            Column(self.tr("Full name"), lambda r: r.full_name, sort_key=STORED_ORDER, width=190),
            Column(self.tr("Union group"), lambda r: r.group_name, width=115),
            Column(self.tr("Position"), lambda r: r.position, width=130),
            Column(
                self.tr("Member"), lambda r: labels.yes_no(r.is_member), sort_key=lambda r: not r.is_member, width=84
            ),
        ]
        for t in self.titles:
            columns.append(
                Column(
                    short_name(t.name),
                    lambda r, c=t.code: "✓" if c in r.title_codes else "",
                    sort_key=lambda r, c=t.code: c not in r.title_codes,
                    align_center=True,
                    width=max(58, 9 * len(short_name(t.name)) + 14),
                    header_tooltip=t.name,
                    tooltip=lambda r, c=t.code, n=t.name: self._title_tooltip(r, c, n),
                )
            )
        columns.append(
            Column(
                self.tr("Other"),
                self._others,
                width=80,
                tooltip=lambda r: self._others_tooltip(r),
                header_tooltip=self.tr("Other titles and commendations registered"),
            )
        )
        columns.append(
            Column(
                self.tr("Initiative in the register"),
                self._linked_text,
                width=190,
                tooltip=self._linked_tooltip,
                foreground=lambda r: LINK_COLOR,
                header_tooltip=self.tr(
                    "The initiative of the register the registration points at (right-click a person to link one)"
                ),
            )
        )
        columns.append(
            Column(
                self.tr("Planned initiative"),
                lambda r: r.planned_initiative,
                editable=True,
                tooltip=lambda r: (
                    r.planned_initiative or self.tr("Double-click to write the initiative this person plans.")
                ),
            )
        )
        self.set_columns(columns)

    @property
    def initiative_column(self) -> int:
        return len(self.columns) - 1

    def title_column(self, code: str) -> int:
        for n, t in enumerate(self.titles):
            if t.code == code:
                return 4 + n
        raise KeyError(code)

    def _linked_text(self, row) -> str:
        link = self.links.get(row.person_id)
        return link.title if link is not None else ""

    def _linked_tooltip(self, row) -> str | None:
        link = self.links.get(row.person_id)
        if link is None:
            return None
        return self.tr("Linked to the initiative “{title}” ({status}).").format(
            title=link.title, status=labels.initiative_status(link.status)
        )

    def _title_tooltip(self, row, code: str, name: str) -> str:
        """The title in full on its abbreviated column's cell (LĐTT → Lao động tiên tiến)."""
        if code in row.title_codes:
            return self.tr("{title}: registered").format(title=name)
        return self.tr("{title}: not registered").format(title=name)

    def legend(self) -> str:
        """What each abbreviated column stands for, in full: "LĐTT: Lao động tiên tiến · …"."""
        return " · ".join(f"{short_name(t.name)}: {t.name}" for t in self.titles)

    def _others(self, row) -> str:
        return ", ".join(self.other_names[c] for c in row.title_codes if c in self.other_names)

    def _others_tooltip(self, row) -> str | None:
        names = [self.names[c] for c in row.title_codes if c in self.other_names]
        return "\n".join(names) or None


class IndividualsPanel(QWidget):
    """The tab Cá nhân: the people of the year with their titles, bulk actions, the checks."""

    changed = Signal(object)  # RegistrationView after a change
    collective_finding = Signal()  # a finding about the collective was clicked

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.rows: list = []
        self.groups: list = []
        self.title_names: dict[str, str] = {}

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name — accents not needed"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.group_filter = CodeCombo()
        self.group_filter.setMinimumWidth(160)
        self.group_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.status_filter = CodeCombo()
        self.status_filter.set_items(
            [
                (ALL, self.tr("Everyone")),
                (NONE_REGISTERED, self.tr("Not registered yet")),
                (SOME_REGISTERED, self.tr("Registered")),
            ],
            ALL,
        )
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.count = QLabel()
        self.count.setStyleSheet("color: #4a5260;")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.group_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.count, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.title = CodeCombo()
        self.title.setMinimumWidth(200)
        self.title.setMaximumWidth(300)
        self.title.setToolTip(self.tr("The title the buttons register or remove"))
        self.title.currentIndexChanged.connect(lambda _i: self._update_buttons())
        style = self.style()
        self.register_selected = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), self.tr("Register the selected")
        )
        self.unregister_selected = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton), self.tr("Remove from the selected")
        )
        self.register_group = QPushButton(self.tr("Register a whole group"))
        self.group_menu = QMenu(self.register_group)
        self.register_group.setMenu(self.group_menu)
        self.register_all = QPushButton(self.tr("Register everyone"))
        everyone_menu = QMenu(self.register_all)
        self.everyone_action = everyone_menu.addAction(self.tr("Everyone at work"))
        self.members_action = everyone_menu.addAction(self.tr("Union members only"))
        self.everyone_action.triggered.connect(lambda: self.register_everyone(members_only=False))
        self.members_action.triggered.connect(lambda: self.register_everyone(members_only=True))
        self.register_all.setMenu(everyone_menu)
        self.link_button = QPushButton(self.tr("Link to an initiative…"))
        self.link_button.setToolTip(
            self.tr(
                "Point the registration of the selected person at one of their "
                "initiatives in the register (a grassroots emulation fighter needs one)."
            )
        )
        self.link_button.clicked.connect(lambda: self.open_link_menu())
        self.link_menu: QMenu | None = None
        self.register_selected.clicked.connect(self.register_selection)
        self.unregister_selected.clicked.connect(self.unregister_selection)
        # one row of buttons when the panel is wide enough for all of them whole, else two
        actions = QVBoxLayout()
        actions.setSpacing(4)
        self._action_rows = (QHBoxLayout(), QHBoxLayout())
        for row in self._action_rows:
            actions.addLayout(row)
        self._title_label = QLabel(self.tr("Title:"))
        self._title_label.setBuddy(self.title)
        self._wide_actions: bool | None = None
        self._arrange_actions(True)

        self.model = IndividualsModel(self)
        self.model.on_edit = self._edit_initiative
        self.view = make_table(self.model, sortable=True, multi_select=True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.itemClicked.connect(self._finding_clicked)
        self.findings.itemActivated.connect(self._finding_clicked)
        self.findings_caption = subheading(self.tr("Checks"))
        findings_box = QWidget()
        fbox = QVBoxLayout(findings_box)
        fbox.setContentsMargins(0, 4, 0, 0)
        fbox.setSpacing(4)
        fbox.addWidget(self.findings_caption)
        fbox.addWidget(self.findings, 1)
        # the abbreviated title columns, spelled out under the table (the headers' tooltips say it too)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #4a5260;")
        table_box = QWidget()
        tbox = QVBoxLayout(table_box)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.setSpacing(2)
        tbox.addWidget(self.view, 1)
        tbox.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(findings_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([330, 130])

        self.error = ErrorLine()
        self.success = SuccessLine()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(6)
        box.addLayout(filters)
        box.addLayout(actions)
        box.addWidget(self.error)
        box.addWidget(self.success)
        box.addWidget(self.splitter, 1)
        self._update_buttons()

    def _action_widgets(self) -> tuple[list[QWidget], list[QWidget]]:
        return (
            [self._title_label, self.title, self.register_selected, self.unregister_selected],
            [self.register_group, self.register_all, self.link_button],
        )

    def _arrange_actions(self, wide: bool) -> None:
        if wide == self._wide_actions:
            return
        self._wide_actions = wide
        for row in self._action_rows:
            while row.count():
                row.takeAt(0)
        first, second = self._action_widgets()
        for widget in first:
            self._action_rows[0].addWidget(widget)
        target = self._action_rows[0] if wide else self._action_rows[1]
        for widget in second[:-1]:
            target.addWidget(widget)
        target.addStretch(1)
        target.addWidget(second[-1])
        if not wide:
            self._action_rows[0].addStretch(1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        first, second = self._action_widgets()
        needed = sum(w.sizeHint().width() for w in first + second) + 6 * (len(first) + len(second)) + 24
        self._arrange_actions(self.width() >= needed)

    # -- showing -----------------------------------------------------------------------------

    def set_data(self, data: RegistrationView) -> None:
        keep = {r.person_id for r in selected_rows(self.view)}
        self.year = data.detail.year
        self.rows = data.individuals
        self.groups = data.groups
        individual = [t for t in data.detail.titles if t.subject == "individual"]
        columns = [t for t in individual if t.category == "title"]
        others = [t for t in individual if t.category != "title"]
        self.title_names = {t.code: t.name for t in individual}
        if [t.code for t in columns] != [t.code for t in self.model.titles]:
            self.model.set_titles(columns, others)
            self._size_columns()
            self.legend.setText(self.model.legend())
        current = self.title.code()
        self.title.set_items([(t.code, t.name) for t in individual], current)
        group_current = self.group_filter.code()
        items = [(None, self.tr("All union groups"))] + [(g.name, g.name) for g in data.groups]
        if any(not r.group_name for r in data.individuals):
            items.append((NO_GROUP, self.tr("(no union group)")))
        self.group_filter.set_items(items, group_current)
        self.group_menu.clear()
        for g in data.groups:
            action = self.group_menu.addAction(
                self.tr("{group} ({count} people)").format(group=g.name, count=vntext.format_number(g.people))
            )
            action.triggered.connect(lambda _c=False, name=g.name: self.register_whole_group(name))
        self.model.links = dict(getattr(data, "links", {}) or {})
        self.model.set_rows(data.individuals, [r.search_key for r in data.individuals])
        self._apply_filters()
        if keep:
            select_where(self.view, lambda r: r.person_id in keep, scroll=False)
        self.set_findings(data.findings)
        self._update_buttons()

    def _size_columns(self) -> None:
        for n, column in enumerate(self.model.columns):
            if column.width:
                self.view.setColumnWidth(n, column.width)

    def clear(self) -> None:
        self.year = None
        self.rows = []
        self.model.set_rows([])
        self.findings.clear()
        self._update_count()
        self._update_buttons()

    def set_findings(self, findings: list) -> None:
        self.findings.clear()
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = len(findings) - errors
        for finding in sorted(findings, key=lambda f: f.severity != "error"):
            item = QListWidgetItem(finding.message)
            item.setForeground(ERROR_COLOR if finding.severity == "error" else WARNING_COLOR)
            item.setData(FINDING_ROLE, finding)
            if finding.person_id:
                item.setToolTip(self.tr("Click to select this person in the list."))
            self.findings.addItem(item)
        if not findings:
            item = QListWidgetItem(self.tr("No problem found in the registration."))
            item.setForeground(QColor("#1e6b3a"))
            self.findings.addItem(item)
        self.findings_caption.setText(
            self.tr("Checks: {errors} errors, {warnings} warnings").format(errors=errors, warnings=warnings)
        )

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _apply_filters(self) -> None:
        group = self.group_filter.code()
        status = self.status_filter.code()
        tests = []
        if group is not None:
            tests.append(lambda r, g=group: r.group_name == g)
        if status == NONE_REGISTERED:
            tests.append(lambda r: not r.title_codes)
        elif status == SOME_REGISTERED:
            tests.append(lambda r: bool(r.title_codes))
        if not tests:
            self.model.set_predicate(None)
        elif len(tests) == 1:
            self.model.set_predicate(tests[0])
        else:
            self.model.set_predicate(lambda r: all(t(r) for t in tests))
        self._update_count()

    def _update_count(self) -> None:
        registered = sum(1 for r in self.rows if r.title_codes)
        self.count.setText(
            self.tr("Showing {shown} / {total} · {registered} registered").format(
                shown=vntext.format_number(self.model.shown_count),
                total=vntext.format_number(self.model.total_count),
                registered=vntext.format_number(registered),
            )
        )

    def _update_buttons(self) -> None:
        ready = self.year is not None and self.ctx.db is not None and self.title.code() is not None
        chosen = bool(self.view.selectionModel().selectedRows()) if self.view.selectionModel() else False
        self.register_selected.setEnabled(ready and chosen)
        self.unregister_selected.setEnabled(ready and chosen)
        self.register_group.setEnabled(ready and bool(self.groups))
        self.register_all.setEnabled(ready and bool(self.rows))
        rows = selected_rows(self.view) if self.view.selectionModel() else []
        linkable = self.year is not None and self.ctx.db is not None and len(rows) == 1 and bool(rows[0].title_codes)
        self.link_button.setEnabled(linkable)

    # -- selecting people --------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [r.person_id for r in selected_rows(self.view)]

    def select_people(self, person_ids) -> int:
        wanted = set(person_ids)
        return select_where(self.view, lambda r: r.person_id in wanted)

    def show_person(self, person_id: str) -> bool:
        """Select the person, clearing the search and filters if they hide them."""
        if self.model.view_row_of(lambda r: r.person_id == person_id) is None:
            with QSignalBlocker(self.search):
                self.search.clear()
            self.model.set_filter("")
            with QSignalBlocker(self.group_filter), QSignalBlocker(self.status_filter):
                self.group_filter.setCurrentIndex(0)
                self.status_filter.setCurrentIndex(0)
            self._apply_filters()
        return self.select_people([person_id]) > 0

    def _finding_clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is None:
            return
        if finding.person_id:
            self.show_person(finding.person_id)
            self.view.setFocus()
        elif finding.title_code and finding.title_code not in self.title_names:
            self.collective_finding.emit()
        elif finding.title_code:
            self.title.select_code(finding.title_code)

    # -- changes -----------------------------------------------------------------------------

    def _title_name(self) -> str:
        return self.title_names.get(self.title.code(), self.title.currentText())

    def register_selection(self) -> None:
        ids = self.selected_ids()
        if not ids or self.title.code() is None:
            return
        self._run(
            registration_ops.register,
            self.title.code(),
            person_ids=ids,
            message=self.tr("Registered {title} for {count} of the {chosen} people selected."),
            chosen=len(ids),
        )

    def unregister_selection(self) -> None:
        ids = self.selected_ids()
        if not ids or self.title.code() is None:
            return
        if len(ids) > 1 and not messages.confirm(
            self,
            self.tr("Remove {title} from the {count} people selected?").format(
                title=self._title_name(), count=vntext.format_number(len(ids))
            ),
            yes_text=self.tr("Remove"),
        ):
            return
        self._run(
            registration_ops.unregister,
            self.title.code(),
            ids,
            message=self.tr("Removed {title} from {count} of the {chosen} people selected."),
            chosen=len(ids),
        )

    def register_whole_group(self, group: str) -> None:
        if self.title.code() is None:
            return
        count = sum(1 for r in self.rows if r.group_name == group)
        if not messages.confirm(
            self,
            self.tr("Register {title} for the {count} people of {group}?").format(
                title=self._title_name(), count=vntext.format_number(count), group=group
            ),
            yes_text=self.tr("Register"),
        ):
            return
        self._run(
            registration_ops.register,
            self.title.code(),
            group=group,
            message=self.tr("Registered {title} for {count} more people of the group."),
            chosen=count,
        )

    def register_everyone(self, *, members_only: bool) -> None:
        if self.title.code() is None:
            return
        count = sum(1 for r in self.rows if r.is_member or not members_only)
        question = (
            self.tr("Register {title} for all {count} union members?")
            if members_only
            else self.tr("Register {title} for all {count} people?")
        )
        if not messages.confirm(
            self,
            question.format(title=self._title_name(), count=vntext.format_number(count)),
            yes_text=self.tr("Register"),
        ):
            return
        self._run(
            registration_ops.register,
            self.title.code(),
            everyone=True,
            members_only=members_only,
            message=self.tr("Registered {title} for {count} more people."),
            chosen=count,
        )

    def _run(self, fn, *args, message: str, chosen: int, **kwargs) -> None:
        if self.ctx.db is None or self.year is None:
            return
        self.error.clear_message()
        self.success.clear_message()
        title = self._title_name()

        def done(change: registration_ops.RegistrationChange) -> None:
            self.success.show_message(
                message.format(
                    title=title, count=vntext.format_number(change.count), chosen=vntext.format_number(chosen)
                )
            )
            self.changed.emit(change.data)

        self.ctx.tasks.run(fn, self.ctx.db, self.year, *args, **kwargs, on_done=done, on_error=self._failed, owner=self)

    def _edit_initiative(self, row, _column: int, text: str) -> None:
        if self.ctx.db is None or self.year is None or text.strip() == row.planned_initiative:
            return
        self.error.clear_message()
        self.success.clear_message()
        if not row.title_codes:
            self.error.show_message(
                self.tr(
                    "{name} has no title registered yet: register a title first, the planned initiative goes with it."
                ).format(name=row.full_name)
            )
            return

        def done(data) -> None:
            self.success.show_message(self.tr("Saved the planned initiative of {name}.").format(name=row.full_name))
            self.changed.emit(data)

        self.ctx.tasks.run(
            registration_ops.set_planned_initiative,
            self.ctx.db,
            self.year,
            row.person_id,
            text,
            on_done=done,
            on_error=self._failed,
            owner=self,
        )

    # -- the initiative a registration points at --------------------------------------------

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            self.view.selectRow(index.row())
        self.open_link_menu(self.view.viewport().mapToGlobal(pos))

    def open_link_menu(self, at=None) -> None:
        """Ask the worker for the selected person's initiatives, then offer them in a menu."""
        rows = selected_rows(self.view)
        if len(rows) != 1 or self.ctx.db is None or self.year is None:
            return
        row = rows[0]
        if at is None:
            at = self.link_button.mapToGlobal(self.link_button.rect().bottomLeft())
        self.ctx.tasks.run(
            registration_ops.person_initiatives,
            self.ctx.db,
            row.person_id,
            on_done=lambda found: self._show_link_menu(row, found, at),
            on_error=self._failed,
            owner=self,
        )

    def _show_link_menu(self, row, found: list, at) -> None:
        menu = QMenu(self)
        current = self.model.links.get(row.person_id)
        if not row.title_codes:
            action = menu.addAction(self.tr("{name} has no title registered this year").format(name=row.full_name))
            action.setEnabled(False)
        elif not found:
            action = menu.addAction(
                self.tr("{name} is not an author of any initiative in the register").format(name=row.full_name)
            )
            action.setEnabled(False)
        else:
            ordered = sorted(found, key=lambda r: (r.year != self.year, -r.year))
            for initiative in ordered:
                action = menu.addAction(
                    self.tr("{year} — {title} ({status})").format(
                        year=initiative.year, title=initiative.title, status=labels.initiative_status(initiative.status)
                    )
                )
                action.setCheckable(True)
                action.setChecked(current is not None and current.id == initiative.id)
                action.setData(initiative.id)
                action.triggered.connect(lambda _c=False, r=row, i=initiative: self.link_initiative(r, i.id, i.title))
            if current is not None:
                menu.addSeparator()
                unlink = menu.addAction(self.tr("Remove the link"))
                unlink.triggered.connect(lambda _c=False, r=row: self.link_initiative(r, None, ""))
        self.link_menu = menu
        menu.popup(at)

    def link_initiative(self, row, initiative_id: str | None, title: str) -> None:
        if self.ctx.db is None or self.year is None:
            return
        self.error.clear_message()
        self.success.clear_message()

        def done(data) -> None:
            if initiative_id is None:
                self.success.show_message(
                    self.tr("The registration of {name} no longer points at an initiative.").format(name=row.full_name)
                )
            else:
                self.success.show_message(
                    self.tr("The registration of {name} now points at “{title}”.").format(
                        name=row.full_name, title=title
                    )
                )
            self.changed.emit(data)

        self.ctx.tasks.run(
            registration_ops.link_registration,
            self.ctx.db,
            self.year,
            row.person_id,
            initiative_id,
            on_done=done,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            raise exc
        self.error.show_message(exc.message)
