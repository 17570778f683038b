"""First-run wizard: the unit, who signs, the year's plan — then everything in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.ui import context, labels
from thidua_desktop.ui.operations import folder as folder_ops
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.dialogs import _escape
from thidua_desktop.ui.pages.base import ErrorLine, note
from thidua_desktop.ui.pages.unit import CHAIR_POSITION, DEPUTY_POSITION, DeputiesEditor, UnitForm
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.header_preview import HeaderPreview, header_lines
from thidua_desktop.ui.year_start import START_PACKAGE, YearStartChooser

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.data_folder import Opened

PAGE_WELCOME, PAGE_UNIT, PAGE_SIGNERS, PAGE_PLAN, PAGE_CONFIRM = range(5)


def _reason_label() -> QLabel:
    label = QLabel()
    label.setObjectName("reason")
    label.setWordWrap(True)
    label.setStyleSheet("color: #a61b1b;")
    return label


class WelcomePage(QWizardPage):
    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("A few steps to set up your union and this year's emulation plan."))
        text = QLabel(
            self.tr(
                "This program helps the grassroots union run its emulation movement through the year: the plan and "
                "its deadlines, the roster, registrations, initiatives, phase reports and the year-end review.\n\n"
                "The next pages ask for the union's name and the lines printed at the top of its documents, who "
                "signs for the executive committee, and the plan the year follows. Everything can be changed later "
                "on the Unit page."
            )
        )
        text.setWordWrap(True)
        where = note(self.tr("The data will be kept in {folder}").format(folder=ctx.paths.root))
        self.upper_mode = QCheckBox(
            self.tr("This is an upper-level union: it takes in and adds up the reports of its grassroots unions")
        )
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addWidget(self.upper_mode)
        box.addStretch(1)
        box.addWidget(where)


class UnitWizardPage(QWizardPage):
    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Your union"))
        self.setSubTitle(self.tr("Fields marked * are needed. The preview shows the heading of your documents."))
        self.form = UnitForm(with_officers=False)
        self.form.set_profile(UnitProfile(name=""))
        self.preview = HeaderPreview()
        self.reason = _reason_label()
        self.form.changed.connect(self._changed)
        box = QVBoxLayout(self)
        box.addWidget(self.form)
        box.addWidget(self.preview)
        box.addWidget(self.reason)
        self._changed()

    def _changed(self) -> None:
        p = self.form.profile()
        self.preview.show_lines(header_lines(p.name, p.upper_union, p.issuer_code, p.place_name, self.ctx.today()))
        missing = self.form.missing(with_officers=False)
        self.reason.setText(self.tr("Still needed: {fields}.").format(fields=", ".join(missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.form.missing(with_officers=False)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Next: every field typed is checked (email, phone) before going on; each wrong one says why."""
        return self.form.check_fields()


class SignersPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who signs"))
        self.setSubTitle(
            self.tr(
                "The chair signs documents on behalf of the executive committee; a deputy chair may sign for the chair."
            )
        )
        self.chair = QLineEdit()
        self.chair.setPlaceholderText(self.tr("Full name of the chair"))
        self.deputies = DeputiesEditor()
        self.deputies.set_names([""])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Chair *"), self.chair)
        form.addRow(self.tr("Deputy chairs"), self.deputies)
        self.reason = _reason_label()
        self.chair.textChanged.connect(self._changed)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addStretch(1)
        box.addWidget(self.reason)
        self._changed()

    def _changed(self) -> None:
        self.reason.setText("" if self.chair.text().strip() else self.tr("Still needed: the chair's name."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.chair.text().strip())

    def officers(self) -> list[OfficerInfo]:
        officers = [OfficerInfo(self.chair.text().strip(), "chair", CHAIR_POSITION)]
        officers += [OfficerInfo(n.strip(), "deputy", DEPUTY_POSITION) for n in self.deputies.names() if n.strip()]
        return officers


class PlanPage(QWizardPage):
    """The year to create (this year by default) and how to start it (ui.year_start)."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("This year's plan"))
        self.setSubTitle(self.tr("Choose the year and how it starts; its phases and deadlines can be changed later."))
        self.chooser = YearStartChooser(years=[], default_year=ctx.today().year)
        self.chooser.changed.connect(self.completeChanged.emit)
        self.year = self.chooser.year
        self.error = ErrorLine()
        box = QVBoxLayout(self)
        box.addWidget(self.chooser)
        box.addWidget(self.error)
        box.addStretch(1)
        ctx.tasks.run_cpu(year_ops.templates, on_done=self._loaded, on_error=self._failed, owner=self)

    @property
    def summary(self):
        return self.chooser.summary

    def _loaded(self, templates: list) -> None:
        self.chooser.set_templates(templates)
        if not templates:
            self.error.show_message(self.tr("No plan template was found in the program's files."))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(self.tr("The plan templates could not be read: {reason}").format(reason=exc))
        self.completeChanged.emit()

    def current_template(self):
        return self.chooser.chosen_template()

    def wants_package(self) -> bool:
        return self.chooser.mode() == START_PACKAGE

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.chooser.is_complete()


class ConfirmPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check and finish"))
        self.setSubTitle(self.tr("Press Finish to save. Everything can be changed later."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLine()
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addStretch(1)
        box.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        p = wizard.profile()
        rows = [
            (self.tr("Grassroots union"), p.name),
            (self.tr("Issuer code"), p.issuer_code),
            (self.tr("Direct upper union"), p.upper_union),
            (self.tr("Upper union (line above)"), p.upper_union_parent),
            (self.tr("Place name"), p.place_name),
            (self.tr("Employer"), p.employer_name),
            (self.tr("Sector"), labels.sector(p.sector)),
            (self.tr("Kind of unit"), wizard.unit.form.kind.currentText() if p.kind else ""),
            (self.tr("Reports go to"), p.report_recipient),
            (self.tr("Upper union's email"), p.upper_union_email),
            (self.tr("Union's email"), p.email),
            (self.tr("Address"), p.address),
            (self.tr("Phone"), p.phone),
            (self.tr("Chair"), p.chair.full_name if p.chair else ""),
            (self.tr("Deputy chairs"), ", ".join(d.full_name for d in p.deputies)),
            (self.tr("Plan"), wizard.plan.chooser.choice_words()),
            (self.tr("Year"), "" if wizard.plan.wants_package() else str(wizard.plan.year.value())),
            (
                self.tr("Upper-level union"),
                self.tr("yes: takes in the reports of its grassroots unions")
                if wizard.welcome.upper_mode.isChecked()
                else self.tr("no: a grassroots union"),
            ),
        ]
        html = (
            "<table cellspacing='4'>"
            + "".join(
                f"<tr><td style='color:#5f6673; padding-right:12px'>{_escape(k)}</td><td><b>{_escape(v or '—')}</b>"
                "</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.summary.setText(html)
        self.error.clear_message()


def _set_up(db, profile: UnitProfile, template, year: int, upper_mode: bool) -> Opened:
    """The set-up, then (upper-level union) the mode: the sidebar then shows the Tổng hợp page.

    Without a template (the plan package was chosen) only the unit is saved: the package, which
    carries its own year, is imported right after, in the plan package dialog.
    """
    if template is None:
        year_ops.save_unit(db, profile)
        result = folder_ops.reload(db, None)
    else:
        result = folder_ops.set_up(db, profile, template, year)
    if upper_mode:
        from thidua_desktop.services import upper

        upper.set_mode(db, "upper")
    return result


class FirstRunWizard(QWizard):
    """Asks for the unit, its signers and the plan; Finish saves them in the worker."""

    def __init__(self, ctx: context.AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_data: Opened | None = None
        self.import_package_after = False  # the plan package was chosen: import it after Finish
        self._saving = False
        self.setWindowTitle(self.tr("Set up the union"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.welcome = WelcomePage(ctx)
        self.unit = UnitWizardPage(ctx)
        self.signers = SignersPage()
        self.plan = PlanPage(ctx)
        self.confirm = ConfirmPage()
        for number, page in enumerate((self.welcome, self.unit, self.signers, self.plan, self.confirm)):
            self.setPage(number, page)
        self.setStartId(PAGE_WELCOME)
        screen_fit.fit_dialog(self, (760, 640))

    def profile(self) -> UnitProfile:
        profile = self.unit.form.profile()
        profile.officers = self.signers.officers()
        return profile

    def accept(self) -> None:
        """Finish: save in the worker; close only when it worked."""
        if self.result_data is not None:
            super().accept()
            return
        if self._saving or self.ctx.db is None:
            return
        template = self.plan.current_template()
        if template is None and not self.plan.wants_package():
            return
        self.import_package_after = self.plan.wants_package()
        self._saving = True
        self.confirm.error.clear_message()
        self._set_buttons_enabled(False)
        self.ctx.tasks.run(
            _set_up,
            self.ctx.db,
            self.profile(),
            template,
            self.plan.year.value(),
            self.welcome.upper_mode.isChecked(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for which in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = self.button(which)
            if button is not None:
                button.setEnabled(enabled)

    def _saved(self, result: Opened) -> None:
        self._saving = False
        self._set_buttons_enabled(True)
        self.result_data = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        self._saving = False
        self._set_buttons_enabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.confirm.error.show_message(exc.message)
