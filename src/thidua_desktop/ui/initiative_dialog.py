"""One initiative (sáng kiến), added or edited: every field of the NĐ 13/2012 application form
that the register keeps (domain.md §2), its authors with their shares, its recognition and
its attachments.

The draft is saved by the worker (``services.initiatives.save_initiative``) in one
transaction; a refusal (the service's Vietnamese lines) is shown in the dialog, which stays
open, and nothing is saved. Attachments are separate records: they are stored (or removed) at
once, so a new initiative is saved before its first file is attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core import initiatives as core
from thidua_desktop.core import vntext
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.core.safe_names import safe_file_name
from thidua_desktop.ui import context, file_dialogs, labels, messages
from thidua_desktop.ui.operations import initiatives as initiatives_ops
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.pages.documents import size_text
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.fields import CodeCombo, DateField, enter_stays
from thidua_desktop.ui.widgets.person_picker import PersonPicker, describe
from thidua_desktop.ui.widgets.table import Column, RowsModel, make_table, selected_rows

RED = "#a61b1b"
GREEN = "#1e6b3a"


def _store_error(exc: BaseException) -> str:
    """The message to show for a refusal of the service or a file that could not be used."""
    from PySide6.QtCore import QCoreApplication

    from thidua_desktop.errors import UserError

    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, OSError):
        return QCoreApplication.translate("InitiativeDialog", "The file {file} could not be used: {reason}").format(
            file=exc.filename or "", reason=exc.strerror or str(exc)
        )
    raise exc


def open_url(url: QUrl) -> bool:
    """Hand a file to the system's viewer (a seam for tests)."""
    return QDesktopServices.openUrl(url)


class ShareSpin(QDoubleSpinBox):
    """A contribution share in %, written the Vietnamese way ("33,33", "60") whatever the locale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setDecimals(2)
        self.setSuffix(" %")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setKeyboardTracking(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        return vntext.format_number(round(value, 2))

    def _number(self, text: str) -> str:
        return text.replace(self.suffix().strip(), "").strip()

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(vntext.parse_number(self._number(text)))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        number = self._number(text)
        if not number or number.endswith(","):
            return QValidator.State.Intermediate, text, pos
        try:
            value = vntext.parse_number(number)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        state = QValidator.State.Acceptable if 0 <= value <= 100 else QValidator.State.Invalid
        return state, text, pos

    def share(self) -> Decimal:
        return Decimal(str(round(self.value(), 2)))


@dataclass
class AuthorLine:
    """One line of the authors table: a roster person (``person_id``) or an outsider."""

    person_id: str | None
    person_name: str
    name: QLineEdit | None  # the outsider's name (None for a roster person)
    workplace: QLineEdit | None
    share: ShareSpin
    category: CodeCombo
    remove: QToolButton

    @property
    def display_name(self) -> str:
        return self.person_name if self.person_id else (self.name.text().strip() if self.name else "")


class InitiativeDialog(QDialog):
    saved = Signal(object)  # the InitiativeDraft as stored

    def __init__(
        self,
        ctx: context.AppContext,
        form: initiatives_ops.InitiativeForm,
        parent: QWidget | None = None,
        *,
        default_year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        today = ctx.today()
        draft = form.draft or InitiativeDraft(title="", year=default_year or today.year)
        self.original = draft
        self.initiative_id: str | None = draft.id
        self.saved_draft: InitiativeDraft | None = None
        self.author_lines: list[AuthorLine] = []
        self._busy = False
        self._people = {p.id: p for p in form.people}
        self.setSizeGripEnabled(True)
        self._set_title()

        # -- general -------------------------------------------------------------------------
        self.title_edit = QLineEdit(draft.title)
        self.title_edit.setPlaceholderText(self.tr("e.g. Cải tiến gá may túi"))
        self.field_edit = QLineEdit(draft.field)
        self.field_edit.setPlaceholderText(self.tr("e.g. Công nghệ may"))
        completer = QCompleter(form.fields, self.field_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field_edit.setCompleter(completer)
        self.year = QSpinBox()
        self.year.setRange(1990, today.year + 1)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(max(1990, min(draft.year, today.year + 1)))
        self.year.valueChanged.connect(lambda _v: self._fill_phases())
        self.phase = CodeCombo()
        self.phase.setMinimumWidth(150)
        self._fill_phases(draft.phase_number)
        self.investor = QLineEdit(draft.investor)
        self.investor.setPlaceholderText(self.tr("Only if someone other than the authors paid for it"))
        self.first_applied = DateField(draft.first_applied_on)
        self.trial = QCheckBox(self.tr("Trial application"))
        self.trial.setChecked(draft.trial)

        general = QFormLayout()
        general.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        general.addRow(self.tr("Title"), self.title_edit)
        year_row = QHBoxLayout()
        year_row.addWidget(self.field_edit, 1)
        year_row.addSpacing(12)
        year_label = QLabel(self.tr("Year"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        phase_label = QLabel(self.tr("Phase"))
        phase_label.setBuddy(self.phase)
        year_row.addWidget(phase_label)
        year_row.addWidget(self.phase)
        general.addRow(self.tr("Field of application"), year_row)
        applied_row = QHBoxLayout()
        applied_row.addWidget(self.first_applied)
        applied_row.addWidget(self.trial)
        applied_row.addStretch(1)
        general.addRow(self.tr("First applied on"), applied_row)
        general.addRow(self.tr("Investor"), self.investor)

        # -- authors -------------------------------------------------------------------------
        self.authors = QTableWidget(0, 5)
        self.authors.setHorizontalHeaderLabels(
            [self.tr("Author"), self.tr("Workplace"), self.tr("Share"), self.tr("Category"), ""]
        )
        self.authors.horizontalHeaderItem(3).setToolTip(
            self.tr("Category of the author for the Bằng Lao động sáng tạo thresholds")
        )
        self.authors.verticalHeader().setVisible(False)
        self.authors.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.authors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.authors.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.authors.setColumnWidth(2, 96)
        self.authors.setColumnWidth(3, 190)
        self.authors.setColumnWidth(4, 34)
        self.authors.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.total = QLabel()
        self.total.setObjectName("shareTotal")
        self.no_authors = note(self.tr("No author yet: find people of the union on the right, or add an outsider."))
        self.picker = PersonPicker()
        self.picker.set_people(form.people)
        self.picker.picked.connect(self.add_person)
        self.add_person_button = QPushButton(self.tr("Add as author"))
        self.add_person_button.clicked.connect(self.picker.pick_current)
        self.add_outsider_button = QPushButton(self.tr("Add an outsider"))
        self.add_outsider_button.setToolTip(
            self.tr("An author who is not on the union's roster: type the name and the workplace in the table.")
        )
        self.add_outsider_button.clicked.connect(lambda: self.add_outsider())
        picker_box = QWidget()
        pbox = QVBoxLayout(picker_box)
        pbox.setContentsMargins(0, 0, 0, 0)
        pbox.addWidget(QLabel(self.tr("Find on the roster:")))
        pbox.addWidget(self.picker, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_person_button)
        buttons_row.addWidget(self.add_outsider_button)
        pbox.addLayout(buttons_row)
        picker_box.setFixedWidth(330)
        table_box = QVBoxLayout()
        table_box.addWidget(self.authors, 1)
        table_box.addWidget(self.no_authors)
        table_box.addWidget(self.total)
        authors_row = QHBoxLayout()
        authors_row.addLayout(table_box, 1)
        authors_row.addWidget(picker_box)
        authors_group = QGroupBox(self.tr("Authors and their share in creating the initiative (total 100%)"))
        authors_group.setLayout(authors_row)

        general_page = QWidget()
        gbox = QVBoxLayout(general_page)
        gbox.addLayout(general)
        gbox.addWidget(authors_group, 1)

        # -- content and benefit -------------------------------------------------------------
        self.description = QPlainTextEdit(draft.description)
        self.description.setPlaceholderText(self.tr("What the solution is, what it replaces, how it works"))
        self.conditions = QPlainTextEdit(draft.conditions)
        self.conditions.setPlaceholderText(self.tr("Equipment, skills or conditions needed to apply it"))
        self.benefit = QLineEdit(
            vntext.format_number(int(draft.economic_benefit)) if draft.economic_benefit is not None else ""
        )
        self.benefit.setPlaceholderText(self.tr("e.g. 84.000.000"))
        self.benefit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.benefit.setMaximumWidth(220)
        self.benefit.textChanged.connect(lambda _t: self._show_words())
        self.benefit.editingFinished.connect(self._reformat_benefit)
        self.benefit_words = QLabel()
        self.benefit_words.setWordWrap(True)
        self.benefit_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.social_benefit = QPlainTextEdit(draft.social_benefit)
        self.social_benefit.setPlaceholderText(self.tr("Safety, working conditions, quality, environment…"))
        content = QFormLayout()
        content.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        content.addRow(self.tr("Description"), self.description)
        content.addRow(self.tr("Conditions for applying it"), self.conditions)
        benefit_row = QHBoxLayout()
        benefit_row.addWidget(self.benefit)
        benefit_row.addWidget(QLabel(self.tr("VND")))
        benefit_row.addStretch(1)
        content.addRow(self.tr("Economic benefit"), benefit_row)
        content.addRow("", self.benefit_words)
        content.addRow(self.tr("Social benefit"), self.social_benefit)
        content_page = QWidget()
        QVBoxLayout(content_page).addLayout(content)

        # -- recognition and programmes ------------------------------------------------------
        self.status = CodeCombo()
        self.status.set_items([(code, labels.initiative_status(code)) for code in core.STATUSES], draft.status)
        self.status.currentIndexChanged.connect(lambda _i: self._show_status())
        self.refusal_reason = QPlainTextEdit(draft.refusal_reason)
        self.refusal_reason.setFixedHeight(60)
        self.level = CodeCombo()
        self.level.set_items(
            [(None, "—")] + [(code, labels.recognition_level(code)) for code in core.LEVELS], draft.recognition_level
        )
        self.decision_number = QLineEdit(draft.decision_number)
        self.decision_number.setPlaceholderText(self.tr("e.g. 05/QĐ-HĐSK"))
        self.decision_date = DateField(draft.decision_date)
        self.decision_issuer = QLineEdit(draft.decision_issuer)
        self.decision_issuer.setPlaceholderText(self.tr("e.g. Hội đồng sáng kiến Công ty TNHH May Hoa Lư"))
        for widget in (self.status, self.level):
            widget.setMinimumWidth(220)
            widget.setMaximumWidth(320)
        self.decision_number.setMaximumWidth(320)
        self.status_form = QFormLayout()
        self.status_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_form.addRow(self.tr("Status"), self.status)
        self.status_form.addRow(self.tr("Reason for not recognising it"), self.refusal_reason)
        self.status_form.addRow(self.tr("Recognition level"), self.level)
        self.status_form.addRow(self.tr("Decision number"), self.decision_number)
        self.status_form.addRow(self.tr("Decision date"), self.decision_date)
        self.status_form.addRow(self.tr("Decided by"), self.decision_issuer)
        status_group = QGroupBox(self.tr("Review and recognition"))
        status_group.setLayout(self.status_form)

        self.tags = QListWidget()
        self.tags.setMaximumHeight(130)
        for tag in dict.fromkeys([*core.PROGRAMME_TAGS, *form.tags, *draft.tags]):
            self._add_tag_item(tag, tag in draft.tags)
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText(self.tr("Another programme or movement"))
        self.new_tag.returnPressed.connect(self.add_tag)
        enter_stays(self.new_tag)
        self.add_tag_button = QPushButton(self.tr("Add"))
        self.add_tag_button.clicked.connect(self.add_tag)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.new_tag, 1)
        tag_row.addWidget(self.add_tag_button)
        tags_group = QGroupBox(self.tr("Programmes (tick those the initiative counts for)"))
        tbox = QVBoxLayout(tags_group)
        tbox.addWidget(self.tags)
        tbox.addLayout(tag_row)
        review_page = QWidget()
        rbox = QVBoxLayout(review_page)
        rbox.addWidget(status_group)
        rbox.addWidget(tags_group)
        rbox.addStretch(1)

        # -- attachments ---------------------------------------------------------------------
        self.attachments = RowsModel(
            [
                Column(self.tr("File"), lambda a: a.filename, tooltip=lambda a: a.filename),
                Column(self.tr("Size"), lambda a: size_text(a.size), align_right=True, width=90),
                Column(self.tr("Kind"), lambda a: a.media_type, width=200),
            ],
            self,
        )
        self.attachments_view = make_table(self.attachments, stretch_column=0)
        self.attachments_view.setEditTriggers(self.attachments_view.EditTrigger.NoEditTriggers)
        self.attachments_view.doubleClicked.connect(lambda _i: self.open_attachment())
        self.attachments_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        style = self.style()
        self.attach_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("Attach files…")
        )
        self.open_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("Open"))
        self.export_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Save a copy…")
        )
        self.remove_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Remove"))
        self.attach_button.clicked.connect(self.attach_files)
        self.open_button.clicked.connect(lambda: self.open_attachment())
        self.export_button.clicked.connect(lambda: self.export_attachment())
        self.remove_button.clicked.connect(lambda: self.remove_attachment())
        attach_buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.export_button, self.remove_button):
            attach_buttons.addWidget(button)
        attach_buttons.addStretch(1)
        attachments_page = QWidget()
        abox = QVBoxLayout(attachments_page)
        abox.addLayout(attach_buttons)
        abox.addWidget(self.attachments_view, 1)
        abox.addWidget(
            note(
                self.tr(
                    "Scans and documents are copied into the data folder (at most {limit} MB each) "
                    "as soon as they are attached, and deleted from it when removed."
                ).format(limit=self._limit_mb())
            )
        )

        self.tabs = QTabWidget()
        self.tabs.addTab(general_page, self.tr("Initiative and authors"))
        self.tabs.addTab(content_page, self.tr("Content and benefit"))
        self.tabs.addTab(review_page, self.tr("Recognition and programmes"))
        self.tabs.addTab(attachments_page, "")

        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

        for author in draft.authors:
            self._add_line(author)
        self.attachments.set_rows(form.attachments)
        self._show_attachment_count()
        self._show_total()
        self._show_words()
        self._show_status()
        self._update_buttons()
        self._fit_to_screen()
        self.title_edit.setFocus()

    # -- layout helpers ----------------------------------------------------------------------

    def _set_title(self) -> None:
        if self.initiative_id:
            name = (self.saved_draft or self.original).title
            self.setWindowTitle(self.tr("Initiative: {title}").format(title=name))
        else:
            self.setWindowTitle(self.tr("Add an initiative"))

    def _fit_to_screen(self) -> None:
        self.setMinimumSize(900, 560)  # narrower, the authors' names have no room
        screen_fit.fit_dialog(self, (1060, 640))

    @staticmethod
    def _limit_mb() -> int:
        from thidua_desktop.services import initiatives

        return initiatives.MAX_ATTACHMENT_BYTES // (1024 * 1024)

    def _fill_phases(self, current: int | None = None) -> None:
        if current is None:
            current = self.phase.code() if self.phase.count() else None
        phases = self.form.phases.get(self.year.value(), [])
        self.phase.set_items([(None, "—")] + [(number, name) for number, name in phases], current)

    # -- authors -----------------------------------------------------------------------------

    def add_person(self, person) -> None:
        """Add a roster person as an author (the share left over, the category the roster suggests)."""
        if any(line.person_id == person.id for line in self.author_lines):
            self.error.show_message(
                self.tr("{name} is already an author of this initiative.").format(name=person.full_name)
            )
            return
        self.error.clear_message()
        line = self._add_line(AuthorDraft(self._remaining_share(), person_id=person.id, person_name=person.full_name))
        if self.ctx.db is not None:
            self.ctx.tasks.run(
                initiatives_ops.suggest_category,
                self.ctx.db,
                person.id,
                on_done=lambda code, ln=line: self._category_suggested(ln, code),
                on_error=lambda _exc: None,
                owner=self,
            )

    def _category_suggested(self, line: AuthorLine, code: str) -> None:
        if line in self.author_lines:
            line.category.select_code(code)

    def add_outsider(self, name: str = "", workplace: str = "") -> AuthorLine:
        line = self._add_line(AuthorDraft(self._remaining_share(), outside_name=name, outside_workplace=workplace))
        if line.name is not None and not name:
            line.name.setFocus()
        return line

    def _remaining_share(self) -> Decimal:
        used = sum((line.share.share() for line in self.author_lines), Decimal(0))
        return max(Decimal(0), Decimal(100) - used)

    def _add_line(self, author: AuthorDraft) -> AuthorLine:
        row = self.authors.rowCount()
        self.authors.insertRow(row)
        name_edit = workplace_edit = None
        if author.person_id:
            person = self._people.get(author.person_id)
            name_item = QTableWidgetItem(author.person_name or (person.full_name if person else ""))
            name_item.setToolTip(describe(person) if person else "")
            self.authors.setItem(row, 0, name_item)
            where = ", ".join(p for p in ((person.group_name, person.position) if person else ()) if p)
            where_item = QTableWidgetItem(where or self.tr("(of the union)"))
            where_item.setForeground(Qt.GlobalColor.darkGray)
            self.authors.setItem(row, 1, where_item)
        else:
            name_edit = QLineEdit(author.outside_name)
            name_edit.setPlaceholderText(self.tr("Full name of the outsider"))
            workplace_edit = QLineEdit(author.outside_workplace)
            workplace_edit.setPlaceholderText(self.tr("Workplace or residence"))
            self.authors.setCellWidget(row, 0, name_edit)
            self.authors.setCellWidget(row, 1, workplace_edit)
        share = ShareSpin()
        share.setValue(float(author.share or 0))
        share.valueChanged.connect(lambda _v: self._show_total())
        category = CodeCombo()
        category.set_items(
            [(code, labels.author_category(code, short=True)) for code in core.CATEGORIES], author.category
        )
        for n, code in enumerate(core.CATEGORIES):
            category.setItemData(n, labels.author_category(code), Qt.ItemDataRole.ToolTipRole)
        category.setToolTip(self.tr("Which Bằng Lao động sáng tạo threshold applies to this author"))
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this author"))
        remove.setAutoRaise(True)
        self.authors.setCellWidget(row, 2, share)
        self.authors.setCellWidget(row, 3, category)
        self.authors.setCellWidget(row, 4, remove)
        line = AuthorLine(author.person_id, author.person_name, name_edit, workplace_edit, share, category, remove)
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        self.author_lines.append(line)
        self._show_total()
        return line

    def remove_line(self, line: AuthorLine) -> None:
        row = self.author_lines.index(line)
        self.author_lines.pop(row)
        self.authors.removeRow(row)
        self._show_total()

    def _show_total(self) -> None:
        total = sum((line.share.share() for line in self.author_lines), Decimal(0))
        text = self.tr("Total: {total}%").format(total=vntext.format_number(total))
        has_authors = bool(self.author_lines)
        if has_authors and total != 100:
            text += " — " + self.tr("the shares must add up to 100%")
        self.total.setText(text)
        ok = has_authors and total == 100
        self.total.setStyleSheet(f"font-weight: bold; color: {GREEN if ok else RED};")
        self.total.setVisible(has_authors)
        self.no_authors.setVisible(not has_authors)

    def share_total_ok(self) -> bool:
        return self.total.isVisibleTo(self) and GREEN in self.total.styleSheet()

    # -- benefit -----------------------------------------------------------------------------

    def _benefit_value(self) -> Decimal | None:
        """The amount typed (None when empty); raises ``ValueError`` with a message to show."""
        text = self.benefit.text().strip()
        if not text:
            return None
        try:
            value = vntext.parse_number(text)
        except ValueError:
            raise ValueError(
                self.tr("“{text}” is not an amount of money: write it in đồng, e.g. 84.000.000.").format(text=text)
            ) from None
        if value != value.to_integral_value():
            raise ValueError(self.tr("The economic benefit is a whole number of VND (“{text}”).").format(text=text))
        return value

    def _show_words(self) -> None:
        try:
            value = self._benefit_value()
        except ValueError as exc:
            self.benefit_words.setText(str(exc))
            self.benefit_words.setStyleSheet(f"color: {RED};")
            return
        if value is None:
            self.benefit_words.setText("")
            return
        try:
            words = vntext.money_in_words(int(value))
        except (ValueError, InvalidOperation):
            words = ""
        self.benefit_words.setText(self.tr("In words: {words}").format(words=words))
        self.benefit_words.setStyleSheet("color: #4a5260; font-style: italic;")

    def _reformat_benefit(self) -> None:
        try:
            value = self._benefit_value()
        except ValueError:
            return
        if value is not None:
            self.benefit.setText(vntext.format_number(int(value)))

    # -- status and tags ---------------------------------------------------------------------

    def _show_status(self) -> None:
        status = self.status.code()
        self.status_form.setRowVisible(self.refusal_reason, status == "refused")
        for widget in (self.level, self.decision_number, self.decision_date, self.decision_issuer):
            self.status_form.setRowVisible(widget, status == "recognised")

    def _add_tag_item(self, tag: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(tag)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.tags.addItem(item)
        return item

    def add_tag(self) -> None:
        tag = vntext.nfc(self.new_tag.text()).strip()
        if not tag:
            return
        for n in range(self.tags.count()):
            item = self.tags.item(n)
            if vntext.search_key(item.text()) == vntext.search_key(tag):
                item.setCheckState(Qt.CheckState.Checked)
                break
        else:
            self._add_tag_item(tag, True)
        self.new_tag.clear()

    def checked_tags(self) -> list[str]:
        return [
            self.tags.item(n).text()
            for n in range(self.tags.count())
            if self.tags.item(n).checkState() == Qt.CheckState.Checked
        ]

    # -- the draft ---------------------------------------------------------------------------

    def draft(self) -> InitiativeDraft:
        """The initiative as typed; raises ``ValueError`` with the problems the form itself finds."""
        problems = []
        values = {}
        for key, field, caption in (
            ("first_applied_on", self.first_applied, self.tr("First applied on")),
            ("decision_date", self.decision_date, self.tr("Decision date")),
        ):
            try:
                values[key] = field.date_value()
            except ValueError as exc:
                problems.append(f"{caption}: {exc}")
                values[key] = None
        try:
            benefit = self._benefit_value()
        except ValueError as exc:
            problems.append(str(exc))
            benefit = None
        if problems:
            raise ValueError("\n".join(problems))
        status = self.status.code()
        recognised = status == "recognised"
        authors = [
            AuthorDraft(
                share=line.share.share(),
                person_id=line.person_id,
                person_name=line.person_name,
                outside_name=line.name.text().strip() if line.name else "",
                outside_workplace=line.workplace.text().strip() if line.workplace else "",
                category=line.category.code(),
            )
            for line in self.author_lines
        ]
        return InitiativeDraft(
            id=self.initiative_id,
            title=self.title_edit.text().strip(),
            year=self.year.value(),
            phase_number=self.phase.code(),
            field=self.field_edit.text().strip(),
            investor=self.investor.text().strip(),
            first_applied_on=values["first_applied_on"],
            trial=self.trial.isChecked(),
            description=self.description.toPlainText().strip(),
            conditions=self.conditions.toPlainText().strip(),
            economic_benefit=benefit,
            social_benefit=self.social_benefit.toPlainText().strip(),
            status=status,
            refusal_reason=self.refusal_reason.toPlainText().strip() if status == "refused" else "",
            recognition_level=self.level.code() if recognised else None,
            decision_number=self.decision_number.text().strip() if recognised else "",
            decision_date=values["decision_date"] if recognised else None,
            decision_issuer=self.decision_issuer.text().strip() if recognised else "",
            tags=self.checked_tags(),
            authors=authors,
        )

    def save(self, then=None) -> None:
        """Save through the worker; ``then()`` runs after a successful save instead of closing."""
        if self.ctx.db is None or self._busy:
            return
        try:
            draft = self.draft()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.error.clear_message()
        self._set_busy(True)
        self.ctx.tasks.run(
            initiatives_ops.save_initiative,
            self.ctx.db,
            draft,
            self.ctx.today(),
            on_done=lambda stored: self._saved(stored, then),
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, stored: InitiativeDraft, then) -> None:
        self._set_busy(False)
        self.saved_draft = stored
        self.initiative_id = stored.id
        self._set_title()
        self.saved.emit(stored)
        if then is not None:
            then()
        else:
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.show_message(_store_error(exc))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)
        self._update_buttons()

    # -- attachments -------------------------------------------------------------------------

    def _show_attachment_count(self) -> None:
        count = self.attachments.total_count
        self.tabs.setTabText(
            3, self.tr("Attachments ({count})").format(count=count) if count else self.tr("Attachments")
        )

    def _update_buttons(self) -> None:
        chosen = bool(self.attachments_view.selectionModel().selectedRows())
        ready = self.ctx.db is not None and not self._busy
        self.attach_button.setEnabled(ready)
        for button in (self.open_button, self.export_button, self.remove_button):
            button.setEnabled(ready and chosen)

    def current_attachment(self):
        rows = selected_rows(self.attachments_view)
        return rows[0] if rows else None

    def ask_attachment_files(self) -> list[Path]:
        names = file_dialogs.open_files(
            self,
            self.tr("Attach files to the initiative"),
            self.tr(
                "Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;"
                "All files (*)"
            ),
            kind=file_dialogs.ATTACHMENT,
        )
        return [Path(n) for n in names]

    def attach_files(self) -> None:
        if self.ctx.db is None or self._busy:
            return
        if self.initiative_id is None:
            if not messages.confirm(
                self,
                self.tr("Save the initiative first?"),
                informative=self.tr(
                    "Files are attached to a saved initiative. The initiative is saved now; the dialog stays open."
                ),
                yes_text=self.tr("Save and attach"),
            ):
                return
            self.save(then=self._choose_and_attach)
            return
        self._choose_and_attach()

    def _choose_and_attach(self) -> None:
        files = self.ask_attachment_files()
        if files:
            self.error.clear_message()
            self._attach_next(list(files))

    def _attach_next(self, files: list[Path]) -> None:
        if not files or self.initiative_id is None:
            return
        source = files.pop(0)
        self._set_busy(True)

        def done(attachments: list) -> None:
            self._set_busy(False)
            self._show_attachments(attachments)
            self._attach_next(files)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.error.show_message(_store_error(exc))
            self.tabs.setCurrentIndex(3)

        self.ctx.tasks.run(
            initiatives_ops.add_attachment,
            self.ctx.db,
            self.ctx.paths,
            self.initiative_id,
            source,
            on_done=done,
            on_error=failed,
            owner=self,
        )

    def _show_attachments(self, attachments: list) -> None:
        self.attachments.set_rows(attachments)
        self._show_attachment_count()
        self._update_buttons()

    def open_attachment(self) -> None:
        chosen = self.current_attachment()
        if chosen is None or self.ctx.db is None:
            return
        self.ctx.tasks.run(
            initiatives_ops.open_attachment_copy,
            self.ctx.db,
            self.ctx.paths,
            chosen.id,
            on_done=lambda path: open_url(QUrl.fromLocalFile(str(path))),
            on_error=lambda exc: self.error.show_message(_store_error(exc)),
            owner=self,
        )

    def ask_export_path(self, filename: str) -> Path | None:
        name = file_dialogs.save_file(
            self,
            self.tr("Save a copy of the attachment"),
            "",
            kind=file_dialogs.ATTACHMENT,
            name=safe_file_name(filename, "tep-dinh-kem"),
        )
        return Path(name) if name else None

    def export_attachment(self) -> None:
        chosen = self.current_attachment()
        if chosen is None or self.ctx.db is None:
            return
        target = self.ask_export_path(chosen.filename)
        if target is None:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                self.error.show_message(
                    self.tr("The file {file} could not be written: {reason}").format(
                        file=target, reason=exc.strerror or str(exc)
                    )
                )
            else:
                self.error.show_message(_store_error(exc))

        self.ctx.tasks.run(
            initiatives_ops.export_attachment,
            self.ctx.db,
            self.ctx.paths,
            chosen.id,
            target,
            on_done=lambda path: self.error.clear_message(),
            on_error=failed,
            owner=self,
        )

    def remove_attachment(self) -> None:
        chosen = self.current_attachment()
        if chosen is None or self.ctx.db is None or self.initiative_id is None:
            return
        if not messages.confirm(
            self,
            self.tr("Remove the attachment “{file}”?").format(file=chosen.filename),
            informative=self.tr("The file is deleted from the data folder."),
            yes_text=self.tr("Remove"),
        ):
            return
        self.ctx.tasks.run(
            initiatives_ops.remove_attachment,
            self.ctx.db,
            self.ctx.paths,
            self.initiative_id,
            chosen.id,
            on_done=self._show_attachments,
            on_error=lambda exc: self.error.show_message(_store_error(exc)),
            owner=self,
        )
