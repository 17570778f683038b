"""Đơn vị: the unit profile printed in every document header, with a live preview."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.core.applicability import sector_of_kind
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.pages.base import ErrorLine, Page, SuccessLine, card, heading, scroll_page, subheading
from thidua_desktop.ui.widgets import field_check
from thidua_desktop.ui.widgets.header_preview import HeaderPreview, header_lines

CHAIR_POSITION = "Chủ tịch CĐCS"  # data printed in documents: always Vietnamese
DEPUTY_POSITION = "Phó Chủ tịch CĐCS"


class DeputiesEditor(QWidget):
    """A list of deputy chairs (phó chủ tịch): one line each, add and remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QWidget, QLineEdit]] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add a deputy chair"))
        self.add_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.add_button.clicked.connect(lambda: self._add("", focus=True))
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._box.addWidget(self.add_button)

    def names(self) -> list[str]:
        return [edit.text() for _row, edit in self._rows]

    def set_names(self, names: list[str]) -> None:
        for row, _edit in self._rows:
            row.deleteLater()
        self._rows = []
        for name in names:
            self._add(name)

    def editors(self) -> list[QLineEdit]:
        return [edit for _row, edit in self._rows]

    def _add(self, name: str, *, focus: bool = False) -> QLineEdit:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(name)
        edit.setPlaceholderText(self.tr("Full name of the deputy chair"))
        edit.textChanged.connect(self.changed)
        remove = QToolButton()
        remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        remove.setToolTip(self.tr("Remove this deputy chair"))
        remove.setAccessibleName(self.tr("Remove this deputy chair"))
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(edit)
        line.addWidget(remove)
        self._box.insertWidget(len(self._rows), row)
        self._rows.append((row, edit))
        if focus:
            edit.setFocus()
            self.changed.emit()
        return edit

    def _remove(self, row: QWidget) -> None:
        self._rows = [(r, e) for r, e in self._rows if r is not row]
        row.deleteLater()
        self.changed.emit()


class UnitForm(QWidget):
    """The profile fields, shared by the Đơn vị page and the first-run wizard."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_officers: bool = True) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Công đoàn cơ sở Công ty TNHH May Hoa Lư"))
        self.issuer_code = QLineEdit()
        self.issuer_code.setPlaceholderText("CĐCS")
        self.issuer_code.setMaximumWidth(160)
        self.upper_union = QLineEdit()
        self.upper_union.setPlaceholderText(self.tr("e.g. LĐLĐ huyện Gia Viễn"))
        self.upper_union_parent = QLineEdit()
        self.upper_union_parent.setPlaceholderText(self.tr("e.g. LĐLĐ tỉnh Ninh Bình"))
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(self.tr("e.g. Gia Viễn"))
        self.employer_name = QLineEdit()
        self.employer_name.setPlaceholderText(self.tr("e.g. Công ty TNHH May Hoa Lư"))
        self.upper_union_email = QLineEdit()
        self.upper_union_email.setPlaceholderText("ldld.giavien@example.vn")
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setMaximumWidth(220)
        self.sector = QComboBox()
        for code in ("non_state", "state"):
            self.sector.addItem(labels.sector(code), code)
        self.sector.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("(not said: the sector decides)"), "")
        for code, caption in self._kind_captions().items():
            self.kind.addItem(caption, code)
        self.kind.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.report_recipient = QLineEdit()
        self.report_recipient.setPlaceholderText(self.tr("empty: the standing committee of the direct upper union"))
        self.chair = QLineEdit(self)
        self.chair.setPlaceholderText(self.tr("Full name of the chair"))
        self.deputies = DeputiesEditor(self)
        self.chair.setVisible(with_officers)
        self.deputies.setVisible(with_officers)

        # checked where they are typed: one message under each field, Save and Next refuse until right
        self.checks = [
            field_check.email_check(self.upper_union_email, self.email_message()),
            field_check.email_check(self.email, self.email_message()),
            field_check.phone_check(self.phone, self.phone_message()),
        ]
        boxes = {check.edit: check.box for check in self.checks}

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = [
            (
                self.tr("Name of the grassroots union *"),
                self.name,
                self.tr("The full name, as in the decision that founded the union."),
            ),
            (
                self.tr("Issuer code *"),
                self.issuer_code,
                self.tr("Printed after the document number, e.g. Số: 05/BC-CĐCS."),
            ),
            (
                self.tr("Direct upper union *"),
                self.upper_union,
                self.tr("First line of the document header, e.g. LĐLĐ huyện Gia Viễn."),
            ),
            (
                self.tr("Upper union (line above)"),
                self.upper_union_parent,
                self.tr("The union above the direct upper union, e.g. LĐLĐ tỉnh Ninh Bình."),
            ),
            (
                self.tr("Place name *"),
                self.place_name,
                self.tr("Used in the date line of documents: Gia Viễn, ngày … tháng … năm …"),
            ),
            (self.tr("Employer"), self.employer_name, None),
            (self.tr("Sector"), self.sector, None),
            (
                self.tr("Kind of unit"),
                self.kind,
                self.tr(
                    "Decides which of the plan's indicators apply to the union: those for state agencies, "
                    "public service units or enterprises are registered, computed and printed only where they "
                    "apply. Choosing a kind sets the sector."
                ),
            ),
            (
                self.tr("Reports go to"),
                self.report_recipient,
                self.tr(
                    "Printed after “Kính gửi:” on the registration and the reports, e.g. when the body that "
                    "receives reports is not the direct upper union (unions were reorganised in 2025)."
                ),
            ),
            (self.tr("Upper union's email"), self.upper_union_email, self.tr("Reports are sent to this address.")),
            (self.tr("Union's email"), self.email, None),
            (self.tr("Address"), self.address, None),
            (self.tr("Phone"), self.phone, None),
        ]
        if with_officers:
            rows += [
                (self.tr("Chair *"), self.chair, self.tr("Signs documents on behalf of the executive committee.")),
                (self.tr("Deputy chairs"), self.deputies, None),
            ]
        for caption, field, tip in rows:
            label = QLabel(caption)
            label.setBuddy(field)
            if tip:
                field.setToolTip(tip)
                label.setToolTip(tip)
            self.form.addRow(label, boxes.get(field, field))
        for edit in (
            self.name,
            self.issuer_code,
            self.upper_union,
            self.upper_union_parent,
            self.place_name,
            self.employer_name,
            self.upper_union_email,
            self.email,
            self.address,
            self.phone,
            self.chair,
            self.report_recipient,
        ):
            edit.textChanged.connect(self.changed)
        self.sector.currentIndexChanged.connect(self._sector_chosen)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.sector.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.deputies.changed.connect(self.changed)
        self._loaded: UnitProfile | None = None

    def set_profile(self, profile: UnitProfile | None) -> None:
        self._loaded = profile
        p = profile or UnitProfile(name="")
        widgets = [
            self.name,
            self.issuer_code,
            self.upper_union,
            self.upper_union_parent,
            self.place_name,
            self.employer_name,
            self.upper_union_email,
            self.email,
            self.address,
            self.phone,
            self.chair,
            self.sector,
            self.deputies,
            self.kind,
            self.report_recipient,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        for check in self.checks:
            check.reset()  # the saved values: no message until the user edits a field
        try:
            self.name.setText(p.name)
            self.issuer_code.setText(p.issuer_code)
            self.upper_union.setText(p.upper_union)
            self.upper_union_parent.setText(p.upper_union_parent)
            self.place_name.setText(p.place_name)
            self.employer_name.setText(p.employer_name)
            self.upper_union_email.setText(p.upper_union_email)
            self.email.setText(p.email)
            self.address.setText(p.address)
            self.phone.setText(p.phone)
            index = self.sector.findData(p.sector)
            self.sector.setCurrentIndex(max(index, 0))
            self.kind.setCurrentIndex(max(self.kind.findData(p.kind), 0))
            self.report_recipient.setText(p.report_recipient)
            self.chair.setText(p.chair.full_name if p.chair else "")
            self.deputies.set_names([d.full_name for d in p.deputies])
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.changed.emit()

    def profile(self) -> UnitProfile:
        """The profile as typed (positions of existing officers kept)."""
        base = self._loaded or UnitProfile(name="")
        old_chair = base.chair
        old_deputies = base.deputies
        officers = []
        if self.chair.text().strip():
            officers.append(
                OfficerInfo(
                    self.chair.text().strip(),
                    "chair",
                    old_chair.position if old_chair and old_chair.position else CHAIR_POSITION,
                )
            )
        for n, name in enumerate(self.deputies.names()):
            if not name.strip():
                continue
            position = old_deputies[n].position if n < len(old_deputies) and old_deputies[n].position else ""
            officers.append(OfficerInfo(name.strip(), "deputy", position or DEPUTY_POSITION))
        return replace(
            base,
            name=self.name.text().strip(),
            issuer_code=self.issuer_code.text().strip(),
            upper_union=self.upper_union.text().strip(),
            upper_union_parent=self.upper_union_parent.text().strip(),
            place_name=self.place_name.text().strip(),
            employer_name=self.employer_name.text().strip(),
            upper_union_email=self.upper_union_email.text().strip(),
            email=self.email.text().strip(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            sector=self.sector.currentData(),
            kind=self.kind.currentData() or "",
            report_recipient=self.report_recipient.text().strip(),
            officers=officers,
        )

    def _kind_captions(self) -> dict[str, str]:
        return {
            "state_agency": self.tr("State agency"),
            "public_service": self.tr("Public service unit (administrative and public service sector)"),
            "soe": self.tr("State-owned enterprise"),
            "private": self.tr("Non-state enterprise"),
            "fdi": self.tr("Foreign-invested enterprise (FDI)"),
            "cooperative": self.tr("Cooperative or other non-state organisation"),
        }

    def _kind_chosen(self) -> None:
        """A kind belongs to one sector: choosing it sets the sector."""
        sector = sector_of_kind(self.kind.currentData() or "")
        if sector is not None and self.sector.currentData() != sector:
            self.sector.setCurrentIndex(max(self.sector.findData(sector), 0))

    def _sector_chosen(self) -> None:
        """Another sector: a kind of the other sector no longer fits."""
        sector = sector_of_kind(self.kind.currentData() or "")
        if sector is not None and sector != self.sector.currentData():
            self.kind.setCurrentIndex(0)

    def email_message(self) -> str:
        return self.tr("“{text}” is not an email address: write it as name@domain.vn, without spaces.")

    def phone_message(self) -> str:
        return self.tr(
            "“{text}” is not a phone number: digits with spaces, dots or dashes (9 to 12 digits), e.g. 0912 345 678."
        )

    def problems(self) -> list[str]:
        """What is wrong with the fields typed (email, phone), one message per field."""
        return [problem for check in self.checks if (problem := check.problem())]

    def check_fields(self) -> bool:
        """Show each field's message; False (the first wrong field focused) when any is wrong."""
        return field_check.first_problem(self.checks) is None

    def missing(self, *, with_officers: bool = True) -> list[str]:
        """Captions of the required fields still empty."""
        required = [
            (self.name, self.tr("name of the grassroots union")),
            (self.issuer_code, self.tr("issuer code")),
            (self.upper_union, self.tr("direct upper union")),
            (self.place_name, self.tr("place name")),
        ]
        if with_officers:
            required.append((self.chair, self.tr("chair")))
        return [caption for edit, caption in required if not edit.text().strip()]


class UnitPage(Page):
    # Saving here announces context.UNIT to the other pages; this page already shows it.
    topics: frozenset[str] = frozenset()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.form = UnitForm()
        self.form.changed.connect(self._on_changed)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons_box = QWidget()
        buttons_box.setLayout(buttons)
        self.error = ErrorLine()
        self.saved = SuccessLine()
        self.preview = HeaderPreview()
        preview_hint = QLabel(self.tr("This is how the heading of every document will print."))
        preview_hint.setStyleSheet("color: #5f6673;")
        preview_hint.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading(self.tr("Unit")), 1)
        top.addWidget(buttons_box, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top_box = QWidget()
        top_box.setLayout(top)
        form_card = card(self.form)
        preview_card = card(subheading(self.tr("Document header")), preview_hint, self.preview)
        scroll_page(self, [top_box, self.error, self.saved, preview_card, form_card])
        self._profile: UnitProfile | None = None
        self._update_buttons()

    def load(self) -> None:
        self.fetch(year_ops.get_unit, self.ctx.db, on_done=self._show)

    def clear(self) -> None:
        self._show(None)

    def _show(self, profile: UnitProfile | None) -> None:
        self._profile = profile
        self.form.set_profile(profile)
        self.error.clear_message()
        self._update_buttons()

    def _on_changed(self) -> None:
        p = self.form.profile()
        self.preview.show_lines(header_lines(p.name, p.upper_union, p.issuer_code, p.place_name, self.ctx.today()))
        self.saved.clear_message()
        self._update_buttons()

    def is_dirty(self) -> bool:
        if self._profile is None:
            return self.ctx.db is not None and bool(self.form.profile().name)
        return self.form.profile() != self._profile

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and self.ctx.db is not None)
        self.revert_button.setEnabled(dirty)

    def revert(self) -> None:
        self._show(self._profile)

    def save(self) -> None:
        if self.ctx.db is None:
            return
        self.error.clear_message()
        if not self.form.check_fields():
            return  # each wrong field says why under it
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(
            year_ops.save_unit, self.ctx.db, self.form.profile(), on_done=self._saved, on_error=self._failed, owner=self
        )

    def _saved(self, profile: UnitProfile) -> None:
        self._show(profile)
        self.saved.show_message(self.tr("Saved."))
        self.ctx.unit = profile
        self.ctx.changed(context.UNIT)

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        if not isinstance(exc, UserError):
            self._update_buttons()
            raise exc
        self.error.show_message(exc.message)
        self._update_buttons()
