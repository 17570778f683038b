"""The first-run wizard, clicked through on a fresh data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui_helpers import dialogs, make_window, type_text, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import year as year_service
from thidua_desktop.store.database import Database
from thidua_desktop.ui import context
from thidua_desktop.ui import wizard as wizard_module


def _next(qtbot, wizard):
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), "Next is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_unit(qtbot, page):
    form = page.form
    type_text(form.name, "Công đoàn cơ sở Công ty TNHH May Hoa Lư")
    type_text(form.upper_union, "LĐLĐ huyện Gia Viễn")
    type_text(form.upper_union_parent, "LĐLĐ tỉnh Ninh Bình")
    type_text(form.place_name, "Gia Viễn")
    type_text(form.employer_name, "Công ty TNHH May Hoa Lư")
    type_text(form.upper_union_email, "ldld.giavien@example.vn")


@pytest.fixture
def fresh_window(qtbot, data_paths, dialogs, ui_settings, vietnamese):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def test_wizard_click_through_creates_unit_and_year(qtbot, fresh_window, data_paths):
    window = fresh_window
    wizard = window.wizard
    assert wizard is not None, "a fresh data folder must start the first-run wizard"
    assert wizard.currentId() == wizard_module.PAGE_WELCOME
    _next(qtbot, wizard)

    assert wizard.currentId() == wizard_module.PAGE_UNIT
    assert wizard.unit.form.issuer_code.text() == "CĐCS", "issuer code defaults to CĐCS"
    _fill_unit(qtbot, wizard.unit)
    assert "LĐLĐ HUYỆN GIA VIỄN" in wizard.unit.preview.upper.text()
    _next(qtbot, wizard)

    assert wizard.currentId() == wizard_module.PAGE_SIGNERS
    type_text(wizard.signers.chair, "Phạm Thị Hoa")
    type_text(wizard.signers.deputies.editors()[0], "Trần Văn Nam")
    _next(qtbot, wizard)

    assert wizard.currentId() == wizard_module.PAGE_PLAN
    chooser = wizard.plan.chooser
    qtbot.waitUntil(lambda: bool(chooser.templates))
    # THIDUA_TODAY is not set here: the year offered is the computer's year, started from the standard template
    assert wizard.plan.year.value() == context.today().year
    assert chooser.standard.isChecked() and wizard.plan.current_template().is_standard
    assert not chooser.template.isEnabled(), "the 2021 plan is offered for 2021 only"
    wizard.plan.year.setValue(2021)
    assert chooser.template.isEnabled()
    chooser.template.setChecked(True)
    template = wizard.plan.current_template()
    assert template is not None and template.year == 2021
    assert "02/KH-LĐLĐ" in wizard.plan.summary.text()
    _next(qtbot, wizard)

    assert wizard.currentId() == wizard_module.PAGE_CONFIRM
    assert "Phạm Thị Hoa" in wizard.confirm.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.wizard is None)
    assert window.ctx.year == 2021
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2021"]
    assert "Năm thi đua 2021" in window.overview.title.text()

    window.close()  # closes the app's database; read the file afresh
    db = Database.open(data_paths)
    try:
        unit = year_service.get_unit(db)
        assert unit is not None
        assert unit.name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
        assert unit.upper_union == "LĐLĐ huyện Gia Viễn"
        assert unit.place_name == "Gia Viễn"
        assert unit.chair is not None and unit.chair.full_name == "Phạm Thị Hoa"
        assert [d.full_name for d in unit.deputies] == ["Trần Văn Nam"]
        assert [y.year for y in year_service.list_years(db)] == [2021]
        assert year_service.get_year(db, 2021).plan_number == "02/KH-LĐLĐ"
    finally:
        db.close()


def test_required_fields_block_next_with_a_reason(qtbot, fresh_window):
    wizard = fresh_window.wizard
    _next(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    reason = wizard.unit.reason.text()
    assert "Còn thiếu" in reason and "tên công đoàn cơ sở" in reason and "địa danh" in reason

    _fill_unit(qtbot, wizard.unit)
    assert next_button.isEnabled()
    assert wizard.unit.reason.text() == ""
    wizard.unit.form.place_name.clear()
    assert not next_button.isEnabled()
    assert "địa danh" in wizard.unit.reason.text()
    type_text(wizard.unit.form.place_name, "Gia Viễn")
    _next(qtbot, wizard)

    assert wizard.currentId() == wizard_module.PAGE_SIGNERS
    assert not next_button.isEnabled(), "the chair is required"
    assert "chủ tịch" in wizard.signers.reason.text()
    type_text(wizard.signers.chair, "Phạm Thị Hoa")
    assert next_button.isEnabled()


def test_a_refused_profile_keeps_the_wizard_open(qtbot, fresh_window, data_paths, monkeypatch):
    window = fresh_window
    wizard = window.wizard
    _next(qtbot, wizard)
    _fill_unit(qtbot, wizard.unit)
    wizard.unit.form.upper_union_email.setText("khong-phai-email")
    _next(qtbot, wizard)
    # the email is now refused where it is typed (tests/test_ui_input_checks.py): the page stays
    assert wizard.currentId() == wizard_module.PAGE_UNIT
    wizard.unit.form.upper_union_email.setText("ldld.giavien@example.vn")
    _next(qtbot, wizard)

    def refused(*_args):  # what the set-up's own check refuses comes back on the last page
        from thidua_desktop.store.errors import ValidationError

        raise ValidationError("Email công đoàn cấp trên không hợp lệ: “x”.")

    monkeypatch.setattr(wizard_module, "_set_up", refused)
    type_text(wizard.signers.chair, "Phạm Thị Hoa")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert window.wizard is wizard and wizard.isVisible()
    assert "Email công đoàn cấp trên không hợp lệ" in wizard.confirm.error.text()
    assert wizard.confirm.error.isVisible()
    assert window.ctx.year is None
    assert year_service.get_unit(window.ctx.db) is None, "nothing may be saved"


def test_cancelling_the_wizard_asks_before_quitting(qtbot, fresh_window, dialogs):
    window = fresh_window
    dialogs.confirm_answer = False  # "Quay lại thiết lập"
    window.wizard.reject()
    assert dialogs.kinds() == ["confirm"]
    assert window.wizard is not None and window.wizard.isVisible(), "the set-up starts again"

    dialogs.confirm_answer = True
    with qtbot.waitSignal(window.quit_requested, timeout=1000):
        window.wizard.reject()


@pytest.mark.parametrize("today", ["2026-12-04", "2027-01-10", "2030-05-01"])
def test_wizard_on_today_starts_this_year_citing_no_plan(qtbot, fresh_window, data_paths, monkeypatch, today):
    monkeypatch.setenv("THIDUA_TODAY", today)
    expected = int(today[:4])
    window = fresh_window
    wizard = window.wizard
    _next(qtbot, wizard)
    _fill_unit(qtbot, wizard.unit)
    _next(qtbot, wizard)
    type_text(wizard.signers.chair, "Phạm Thị Hoa")
    _next(qtbot, wizard)
    chooser = wizard.plan.chooser
    qtbot.waitUntil(lambda: bool(chooser.templates))
    wizard.plan.year.setValue(expected)  # the page was built before the date was set
    assert "2021" not in chooser.template_choice.currentText()
    assert not chooser.template.isEnabled() and "2021" in chooser.template_hint.text()
    assert "28/02/" + str(expected) in wizard.plan.summary.text()
    _next(qtbot, wizard)
    assert "mẫu chuẩn" in wizard.confirm.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.wizard is None)
    assert window.ctx.year == expected
    window.close()
    db = Database.open(data_paths)
    try:
        d = year_service.get_year(db, expected)
        assert d.plan_source == "standard" and not d.has_plan_citation
        assert d.phases[0].start.year == expected
    finally:
        db.close()
