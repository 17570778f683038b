"""Dialogs of the Đoàn viên page: a person, leaving work, the union groups (tổ công đoàn).

Each dialog saves through the worker; a refusal of the service is shown inside the dialog,
which stays open so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import vntext
from thidua_desktop.ui import context, messages
from thidua_desktop.ui.operations import roster as roster_ops
from thidua_desktop.ui.pages.base import ErrorLine, note, subheading
from thidua_desktop.ui.widgets import field_check, screen_fit
from thidua_desktop.ui.widgets.fields import CodeCombo, DateField, date_edit, edit_value
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table, selected_rows


def _store_error(exc: BaseException) -> str:
    from thidua_desktop.errors import UserError

    if not isinstance(exc, UserError):
        raise exc
    return exc.message


class PersonDialog(QDialog):
    """Add a person (``form.detail`` is None) or edit one: every field of ``PersonDetail``."""

    def __init__(self, ctx: context.AppContext, form: roster_ops.PersonForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from thidua_desktop.services.roster import PersonDetail

        self.ctx = ctx
        self.original = form.detail if form.detail is not None else PersonDetail("", "")
        self.saved_detail = None
        d = self.original
        self.setWindowTitle(self.tr("Edit {name}").format(name=d.full_name) if d.id else self.tr("Add a person"))

        self.family_middle = QLineEdit(d.family_middle)
        self.family_middle.setPlaceholderText(self.tr("e.g. Nguyễn Thị"))
        self.given_name = QLineEdit(d.given_name)
        self.given_name.setPlaceholderText(self.tr("e.g. Hoa"))
        self.birth = DateField(d.birth_date, allow_year=True)
        if d.birth_date is None and d.birth_year:
            self.birth.set_value(None, d.birth_year)
        self.gender = CodeCombo()
        self.gender.set_items([("", "—"), ("M", self.tr("Male")), ("F", self.tr("Female"))], d.gender)
        self.ethnicity = QLineEdit(d.ethnicity)
        self.ethnicity.setPlaceholderText(self.tr("e.g. Kinh"))
        self.position = QLineEdit(d.position)
        self.group = CodeCombo()
        self.group.set_items([(None, self.tr("(no union group)"))] + [(g.id, g.name) for g in form.groups], d.group_id)
        self.department = QLineEdit(d.department)
        self.is_member = QCheckBox(self.tr("Union member"))
        self.is_member.setChecked(bool(d.is_member))
        self.joined_union_on = DateField(d.joined_union_on)
        self.employed_since = DateField(d.employed_since)
        self.education = QLineEdit(d.education)
        self.phone = QLineEdit(d.phone)
        self.email = QLineEdit(d.email)
        self.note = QPlainTextEdit(d.note)
        self.note.setFixedHeight(64)
        self.left_on = DateField(d.left_on)

        # checked where they are typed: one message under each field; Save refuses until they are right
        self.checks = [
            field_check.date_check(self.birth, self.tr("Date of birth")),
            field_check.phone_check(
                self.phone,
                self.tr(
                    "“{text}” is not a phone number: digits with spaces, dots or dashes (9 to 12 digits), "
                    "e.g. 0912 345 678."
                ),
            ),
            field_check.email_check(
                self.email, self.tr("“{text}” is not an email address: write it as name@domain.vn, without spaces.")
            ),
            field_check.date_check(self.joined_union_on, self.tr("Joined the union on")),
            field_check.date_check(self.employed_since, self.tr("Employed since")),
            field_check.date_check(self.left_on, self.tr("Left work on")),
        ]
        self.email_check = self.checks[2]
        boxed = {check.edit: check.box for check in self.checks}

        left = QFormLayout()
        left.addRow(self.tr("Family and middle name"), self.family_middle)
        left.addRow(self.tr("Given name *"), self.given_name)
        left.addRow(self.tr("Date or year of birth"), boxed[self.birth])
        left.addRow(self.tr("Gender"), self.gender)
        left.addRow(self.tr("Ethnic group"), self.ethnicity)
        left.addRow(self.tr("Education"), self.education)
        left.addRow(self.tr("Phone"), boxed[self.phone])
        left.addRow(self.tr("Email"), boxed[self.email])
        right = QFormLayout()
        right.addRow(self.tr("Position"), self.position)
        right.addRow(self.tr("Union group"), self.group)
        right.addRow(self.tr("Department"), self.department)
        right.addRow("", self.is_member)
        right.addRow(self.tr("Joined the union on"), boxed[self.joined_union_on])
        right.addRow(self.tr("Employed since"), boxed[self.employed_since])
        if d.left_on is not None:
            right.addRow(self.tr("Left work on"), boxed[self.left_on])
        else:
            self.checks.pop()  # not shown: nothing to check
            self.left_on.setToolTip(self.tr("Clear this date if the person is back at work."))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(columns)
        notes = QFormLayout()
        notes.addRow(self.tr("Note"), self.note)
        box.addLayout(notes)
        box.addWidget(
            note(self.tr("Dates are day/month/year; a birth year alone is accepted. Fields marked * are required."))
        )
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(760)
        (self.given_name if d.id else self.family_middle).setFocus()
        screen_fit.fit_dialog(self)

    def detail(self):
        """The person as typed; raises ``ValueError`` listing what cannot be read."""
        problems = []

        def read(field: DateField, label: str):
            try:
                return field.parsed()
            except ValueError as exc:
                problems.append(f"{label}: {exc}")
                return None, None

        birth_date, birth_year = read(self.birth, self.tr("Date of birth"))
        joined, _ = read(self.joined_union_on, self.tr("Joined the union on"))
        employed, _ = read(self.employed_since, self.tr("Employed since"))
        left_on, _ = read(self.left_on, self.tr("Left work on")) if self.original.left_on is not None else (None, None)
        if problems:
            raise ValueError("\n".join(problems))
        family, given = vntext.nfc(self.family_middle.text()), vntext.nfc(self.given_name.text())
        return replace(
            self.original,
            family_middle=family,
            given_name=given,
            birth_date=birth_date,
            birth_year=birth_year,
            gender=self.gender.code() or "",
            ethnicity=self.ethnicity.text(),
            position=self.position.text(),
            department=self.department.text(),
            group_id=self.group.code(),
            is_member=self.is_member.isChecked(),
            joined_union_on=joined,
            employed_since=employed,
            education=self.education.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            left_on=left_on,
            note=self.note.toPlainText(),
        )

    def save(self) -> None:
        self.error.clear_message()
        if field_check.first_problem(self.checks) is not None:
            return  # each wrong field says why under it
        try:
            detail = self.detail()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            roster_ops.save_person, self.ctx.db, detail, on_done=self._saved, on_error=self._failed, owner=self
        )

    def _saved(self, detail) -> None:
        self.saved_detail = detail
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(_store_error(exc))


class LeaveDialog(QDialog):
    """Record that a person left work (nghỉ việc) on a date."""

    def __init__(self, ctx: context.AppContext, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.saved_detail = None
        self.setWindowTitle(self.tr("Left work"))
        self.left_on = date_edit(ctx.today())
        form = QFormLayout()
        form.addRow(self.tr("Left work on"), self.left_on)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Record leaving"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(subheading(name))
        box.addLayout(form)
        box.addWidget(
            note(
                self.tr(
                    "The person leaves the list of people at work; their record and history are "
                    "kept. Choose “Left work” in the list to see them again."
                )
            )
        )
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(440)
        screen_fit.fit_dialog(self)

    def save(self) -> None:
        self.error.clear_message()
        self.ok.setEnabled(False)
        self.ctx.tasks.run(
            roster_ops.mark_left,
            self.ctx.db,
            self.person_id,
            edit_value(self.left_on),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, detail) -> None:
        self.saved_detail = detail
        self.ok.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.show_message(_store_error(exc))


class GroupDialog(QDialog):
    """Name a union group and its leader (tổ trưởng); the leader is picked from its people or typed."""

    def __init__(self, ctx: context.AppContext, group, candidates: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from thidua_desktop.services.roster import GroupInfo

        self.ctx = ctx
        self.group = group if group is not None else GroupInfo("")
        self.groups_after: list | None = None
        self.setWindowTitle(
            self.tr("Union group {name}").format(name=self.group.name) if self.group.id else self.tr("New union group")
        )
        self.name = QLineEdit(self.group.name)
        self.name.setPlaceholderText(self.tr("e.g. Tổ may 1"))
        self.leader = QComboBox()
        self.leader.setEditable(True)
        self.leader.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.leader.addItems(candidates)
        self.leader.setEditText(self.group.leader_name)
        completer = QCompleter(candidates, self.leader)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.leader.setCompleter(completer)
        self.leader.lineEdit().setPlaceholderText(self.tr("Full name of the group leader"))
        form = QFormLayout()
        form.addRow(self.tr("Name of the group *"), self.name)
        form.addRow(self.tr("Group leader"), self.leader)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        if candidates:
            box.addWidget(note(self.tr("The list holds the people of this group; another name can be typed.")))
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.name.setFocus()
        screen_fit.fit_dialog(self)

    def save(self) -> None:
        self.error.clear_message()
        group = replace(self.group, name=self.name.text(), leader_name=self.leader.currentText())
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            roster_ops.save_group, self.ctx.db, group, on_done=self._saved, on_error=self._failed, owner=self
        )

    def _saved(self, groups: list) -> None:
        self.groups_after = groups
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(_store_error(exc))


class GroupsDialog(QDialog):
    """The union groups (tổ công đoàn): add, rename, set the leader, delete."""

    def __init__(
        self, ctx: context.AppContext, groups: list, members: dict[str, list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members = members  # group name → names of its people, for the leader list
        self.changed = False
        self.edit_dialog: GroupDialog | None = None
        self.setWindowTitle(self.tr("Union groups"))
        self.model = RowsModel(
            [
                Column(self.tr("Union group"), lambda g: g.name, width=220),
                Column(self.tr("Group leader"), lambda g: g.leader_name, width=220),
                Column(
                    self.tr("People"),
                    lambda g: vntext.format_number(g.people),
                    sort_key=lambda g: g.people,
                    align_right=True,
                    width=80,
                ),
            ],
            self,
        )
        self.view = make_table(self.model, stretch_column=1)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.setMinimumSize(560, 300)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        style = self.style()
        self.add_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), self.tr("Add a group…")
        )
        self.edit_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.tr("Rename / leader…")
        )
        self.delete_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        actions = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(actions)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(row, 1)
        box.addWidget(note(self.tr("A group can be deleted only when no one at work belongs to it.")))
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.set_groups(groups)
        screen_fit.fit_dialog(self)

    def set_groups(self, groups: list) -> None:
        chosen = self.current()
        self.model.set_rows(groups)
        if chosen is not None:
            row = self.model.view_row_of(lambda g: g.id == chosen.id)
            if row is not None:
                self.view.selectRow(row)
        self._update()

    def current(self):
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def select(self, name: str) -> None:
        row = self.model.view_row_of(lambda g: g.name == name)
        if row is None:
            raise KeyError(name)
        self.view.selectRow(row)

    def _update(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add(self) -> GroupDialog:
        return self._open_editor(None, [])

    def edit_selected(self) -> GroupDialog | None:
        group = self.current()
        if group is None:
            return None
        return self._open_editor(group, self.members.get(group.name, []))

    def _open_editor(self, group, candidates: list[str]) -> GroupDialog:
        self.error.clear_message()
        dialog = GroupDialog(self.ctx, group, candidates, self)
        dialog.accepted.connect(lambda: self._edited(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, dialog: GroupDialog) -> None:
        if dialog.groups_after is not None:
            self.set_groups(dialog.groups_after)
            self.select(vntext.nfc(dialog.name.text()))
            self._changed()

    def delete_selected(self) -> None:
        group = self.current()
        if group is None:
            return
        self.error.clear_message()
        if not messages.confirm(
            self, self.tr("Delete the union group “{name}”?").format(name=group.name), yes_text=self.tr("Delete")
        ):
            return
        self.ctx.tasks.run(
            roster_ops.delete_group,
            self.ctx.db,
            group.id,
            on_done=self._deleted,
            on_error=lambda exc: self.error.show_message(_store_error(exc)),
            owner=self,
        )

    def _deleted(self, groups: list) -> None:
        self.set_groups(groups)
        self._changed()

    def _changed(self) -> None:
        self.changed = True
        self.ctx.changed(context.PEOPLE)
