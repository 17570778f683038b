"""How a new emulation year starts: the choice shown by the first-run wizard and Năm › Năm mới….

Four ways, each saying what it does:

- the upper union's plan package (an Excel file it signed): its plan, phases, deadlines,
  movements and indicators, with the upper union's figures as its targets;
- last year's year (copy): its phases, movements and indicators, dates moved one year on; the
  new plan's number, date, issuer and title are left to enter (they belong to another document);
- the blank standard template: the Tổng Liên đoàn's yearly movements and the usual indicators,
  no citation and no upper-union figures;
- a built-in plan of that very year (the Ninh Bình 2021 plan for 2021 only).

A built-in plan is offered only for its own year: it is a real document, never moved to another.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui.dialogs import _escape, template_summary

START_PACKAGE = "package"
START_COPY = "copy"
START_STANDARD = "standard"
START_TEMPLATE = "template"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6673; margin-left: 22px;")
    return label


class YearStartChooser(QWidget):
    """The year to create and how to start it; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(
        self, *, years: list[int], default_year: int, package: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.templates: list = []
        self.existing_years = sorted(years)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(default_year)
        self.year.valueChanged.connect(self._update)

        self.group = QButtonGroup(self)
        self.package = QRadioButton(self.tr("The upper union's plan package (Excel file)"))
        self.copy = QRadioButton(self.tr("Copy an earlier year"))
        self.standard = QRadioButton(self.tr("Blank standard template"))
        self.template = QRadioButton(self.tr("Built-in plan of this year"))
        for button in (self.package, self.copy, self.standard, self.template):
            self.group.addButton(button)
            button.toggled.connect(self._update)
        self.copy_from = QComboBox()
        for y in reversed(self.existing_years):
            self.copy_from.addItem(str(y), y)
        self.copy_from.currentIndexChanged.connect(self._update)
        self.template_choice = QComboBox()
        self.template_choice.currentIndexChanged.connect(self._update)

        self.package_hint = _hint(
            self.tr(
                "Its plan number, date, issuer and title, phases, deadlines, movements and indicators with the upper "
                "union's targets, as the upper union sent them, signed. Every change is shown before it is applied."
            )
        )
        self.copy_hint = _hint(
            self.tr(
                "Phases, movements and indicators of that year, dates moved to the new year. The new plan's number, "
                "date, issuer and title are left empty until you enter them, and last year's targets are not kept."
            )
        )
        self.standard_hint = _hint(
            self.tr(
                "The movements the Vietnam General Confederation of Labour runs every year and the usual indicators, "
                "two half-year phases. It cites no plan and carries no upper-union figures: enter your upper union's "
                "plan (Year › Edit the year's plan…) when you have it; until then no document cites a plan."
            )
        )
        self.template_hint = _hint("")

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet(
            "background: palette(base); border: 1px solid #d5d9e0; border-radius: 4px; padding: 8px;"
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Year to create"), self.year)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("How to start it:")))
        if package:
            box.addWidget(self.package)
            box.addWidget(self.package_hint)
        else:
            self.package.hide()
            self.package_hint.hide()
        box.addWidget(self.copy)
        box.addWidget(self.copy_from)
        box.addWidget(self.copy_hint)
        box.addWidget(self.standard)
        box.addWidget(self.standard_hint)
        box.addWidget(self.template)
        box.addWidget(self.template_choice)
        box.addWidget(self.template_hint)
        box.addWidget(self.summary)
        if not self.existing_years:
            for w in (self.copy, self.copy_from, self.copy_hint):
                w.hide()
        self.standard.setChecked(True)
        self._update()

    # -- data ----------------------------------------------------------------------------------

    def set_templates(self, templates: list) -> None:
        self.templates = list(templates)
        self._update()

    def mode(self) -> str:
        if self.package.isChecked():
            return START_PACKAGE
        if self.copy.isChecked():
            return START_COPY
        if self.template.isChecked():
            return START_TEMPLATE
        return START_STANDARD

    def copy_source(self) -> int | None:
        return self.copy_from.currentData()

    def standard_template(self):
        return next((t for t in self.templates if t.is_standard), None)

    def year_templates(self) -> list:
        return [t for t in self.templates if not t.is_standard and t.year == self.year.value()]

    def chosen_template(self):
        """The template the year is built from (standard or a dated plan of that year), else None."""
        mode = self.mode()
        if mode == START_STANDARD:
            return self.standard_template()
        if mode == START_TEMPLATE:
            key = self.template_choice.currentData()
            return next((t for t in self.year_templates() if t.key == key), None)
        return None

    def is_complete(self) -> bool:
        mode = self.mode()
        if mode == START_PACKAGE:
            return True
        if mode == START_COPY:
            return self.copy_source() is not None and self.copy_source() != self.year.value()
        return self.chosen_template() is not None

    def choice_words(self) -> str:
        """What was chosen, in a line (for the wizard's last page)."""
        mode = self.mode()
        if mode == START_PACKAGE:
            return self.tr("the upper union's plan package (imported after Finish)")
        if mode == START_COPY:
            return self.tr("copy of {year}").format(year=self.copy_source())
        template = self.chosen_template()
        if mode == START_TEMPLATE and template is not None:
            return self.tr("Plan No. {number} — {issuer}").format(
                number=template.document_number, issuer=template.issuer
            )
        return self.tr("blank standard template")

    # -- view ----------------------------------------------------------------------------------

    def _update(self, *_args) -> None:
        year_templates = self.year_templates()
        current_key = self.template_choice.currentData()
        self.template_choice.blockSignals(True)
        self.template_choice.clear()
        for t in year_templates:
            self.template_choice.addItem(f"{t.document_number} — {t.issuer}", t.key)
        index = self.template_choice.findData(current_key)
        self.template_choice.setCurrentIndex(max(index, 0))
        self.template_choice.blockSignals(False)
        available = bool(year_templates)
        self.template.setEnabled(available)
        self.template_choice.setVisible(available)
        if not available and self.template.isChecked():
            self.standard.setChecked(True)
        dated_years = sorted({t.year for t in self.templates if not t.is_standard})
        if available:
            self.template_hint.setText(
                self.tr(
                    "The plan as it was issued, with its own number, date and targets; it exists for {year} only."
                ).format(year=self.year.value())
            )
        elif dated_years:
            self.template_hint.setText(
                self.tr(
                    "None for {year}: the built-in plans are real documents of their own year ({years}) and are never "
                    "moved to another year."
                ).format(year=self.year.value(), years=", ".join(map(str, dated_years)))
            )
        else:
            self.template_hint.setText(self.tr("None for {year}.").format(year=self.year.value()))
        self.copy_from.setEnabled(self.copy.isChecked())
        template = self.chosen_template()
        if template is not None and template.is_standard:
            self.summary.setText(
                _escape(
                    self.tr(
                        "{movements} movements and {indicators} indicators; registration due 28/02/{year}, reports due "
                        "5 days after each half-year — defaults you can change."
                    ).format(
                        movements=len(template.movements), indicators=len(template.indicators), year=self.year.value()
                    )
                )
            )
            self.summary.show()
        elif template is not None:
            self.summary.setText(template_summary(template))
            self.summary.show()
        else:
            self.summary.hide()
        self.changed.emit()
