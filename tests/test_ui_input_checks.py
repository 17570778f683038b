"""Input checked where it is typed — email, phone, dates — with one clear Vietnamese message per
field (Đơn vị, the person dialog, the first-run wizard); the wizard checks each page before going on
and shows every value entered on its summary (issue 18, "A guided start")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from tests.test_ui_wizard import _fill_unit, _next
from tests.ui_helpers import dialogs, make_window, today, type_text, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.core import field_checks
from thidua_desktop.services import year as year_service
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui import wizard as wizard_module

EMAIL_WORDS = "không phải là địa chỉ email: hãy viết theo dạng ten@tenmien.vn, không có dấu cách."
PHONE_WORDS = "không phải là số điện thoại"


def test_the_rules():
    for good in ("hoa@gmail.com", "ldld.giavien@example.vn", " cdcs-hoalu@maysg.com.vn "):
        assert field_checks.is_email(good), good
    for bad in ("hoa", "hoa@gmail", "hoa @gmail.com", "a@b@c.vn", "hoa@gmail.com, lan@gmail.com"):
        assert not field_checks.is_email(bad), bad
    for good in ("0912 345 678", "0229.3650.123", "+84 912 345 678", "(0229) 3650-123", "0912345678"):
        assert field_checks.is_phone(good), good
    for bad in ("0912", "09123456789012", "hoa", "0912 345 678 ext 2", "091-abc-5678"):
        assert not field_checks.is_phone(bad), bad


def test_the_service_says_the_same(seeded_db):
    profile = year_service.get_unit(seeded_db)
    with pytest.raises(ValidationError, match="Số điện thoại đơn vị không hợp lệ: “0912”"):
        year_service.save_unit(seeded_db, profile.__class__(**{**profile.__dict__, "phone": "0912"}))
    with pytest.raises(ValidationError, match="Email đơn vị không hợp lệ: “hoa@gmail”"):
        year_service.save_unit(seeded_db, profile.__class__(**{**profile.__dict__, "email": "hoa@gmail"}))


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def leave(edit) -> None:
    edit.editingFinished.emit()  # what leaving the field (Tab, a click elsewhere) sends


def test_unit_page_checks_email_and_phone_where_typed(qtbot, window):
    page = window.show_page(mw.PAGE_UNIT)
    form = page.form
    email, upper_email, phone = (
        next(c for c in form.checks if c.edit is e) for e in (form.email, form.upper_union_email, form.phone)
    )
    assert not any(c.message.isVisible() for c in form.checks)
    form.email.setText("cdcs hoalu@gmail")
    assert not email.message.isVisibleTo(form), "no message while still typing"
    leave(form.email)
    assert email.message.isVisibleTo(form)
    assert email.message.text() == f"“cdcs hoalu@gmail” {EMAIL_WORDS}"
    form.email.setText("cdcs.hoalu@gmail.com")  # corrected: the message goes at once
    assert not email.message.isVisibleTo(form)

    form.phone.setText("0229 36")
    form.upper_union_email.setText("ldld@giavien")
    page.save_button.click()  # refused: each wrong field says why, the first gets the focus
    assert phone.message.isVisibleTo(form) and PHONE_WORDS in phone.message.text()
    assert upper_email.message.isVisibleTo(form) and "“ldld@giavien”" in upper_email.message.text()
    assert year_service.get_unit(window.ctx.db).phone == ""  # nothing saved
    assert page.saved.text() == ""
    assert len([c for c in form.checks if c.message.isVisibleTo(form)]) == 2  # one message per wrong field

    form.phone.setText("0229 3650 124")
    form.upper_union_email.setText("ldld.giavien@example.vn")
    page.save_button.click()
    assert year_service.get_unit(window.ctx.db).phone == "0229 3650 124"


def test_person_dialog_checks_dates_phone_and_email(qtbot, window):
    page = window.show_page(mw.PAGE_ROSTER)
    page.add_button.click()
    dialog = page.dialog
    type_text(dialog.given_name, "Lụa")
    dialog.birth.setText("31/02/1987")
    leave(dialog.birth)
    birth = dialog.checks[0]
    assert birth.message.isVisibleTo(dialog)
    assert birth.message.text().startswith("Ngày sinh: ")
    dialog.phone.setText("09 12")
    dialog.email.setText("lua@example")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    shown = [c for c in dialog.checks if c.message.isVisibleTo(dialog)]
    assert [c.edit for c in shown] == [dialog.birth, dialog.phone, dialog.email]
    assert dialog.focusWidget() is dialog.birth or not dialog.isActiveWindow()
    dialog.birth.setText("1987")
    dialog.phone.setText("0912 345 678")
    dialog.email.setText("lua@example.vn")
    assert not any(c.message.isVisibleTo(dialog) for c in dialog.checks)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()


def test_wizard_checks_each_page_and_shows_every_value(qtbot, data_paths, dialogs, ui_settings, vietnamese):
    window = make_window(qtbot, data_paths)
    try:
        wizard = window.wizard
        wizard.welcome.upper_mode.setChecked(False)
        _next(qtbot, wizard)
        form = wizard.unit.form
        _fill_unit(qtbot, wizard.unit)
        form.upper_union_email.setText("ldld.giavien@example")  # typed wrong
        form.phone.setText("0229")
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == wizard_module.PAGE_UNIT, "the page is checked before going on"
        shown = [c for c in form.checks if c.message.isVisibleTo(form)]
        assert [c.edit for c in shown] == [form.upper_union_email, form.phone]
        form.upper_union_email.setText("ldld.giavien@example.vn")
        form.phone.setText("0229 3650 123")
        form.email.setText("cdcs.hoalu@gmail.com")
        form.address.setText("Khu công nghiệp Gián Khẩu")
        form.report_recipient.setText("Ban Thường vụ LĐLĐ huyện Gia Viễn")
        _next(qtbot, wizard)
        type_text(wizard.signers.chair, "Phạm Thị Hoa")
        _next(qtbot, wizard)
        qtbot.waitUntil(lambda: bool(wizard.plan.chooser.templates))
        _next(qtbot, wizard)
        assert wizard.currentId() == wizard_module.PAGE_CONFIRM
        summary = wizard.confirm.summary.text()
        for value in (
            "Công đoàn cơ sở Công ty TNHH May Hoa Lư",
            "LĐLĐ huyện Gia Viễn",
            "LĐLĐ tỉnh Ninh Bình",
            "Gia Viễn",
            "Công ty TNHH May Hoa Lư",
            "ldld.giavien@example.vn",
            "cdcs.hoalu@gmail.com",
            "Khu công nghiệp Gián Khẩu",
            "0229 3650 123",
            "Ban Thường vụ LĐLĐ huyện Gia Viễn",
            "Phạm Thị Hoa",
            "không: công đoàn cơ sở",
        ):
            assert value in summary, value
        for caption in (
            "Email công đoàn cấp trên",
            "Email công đoàn cơ sở",
            "Địa chỉ",
            "Điện thoại",
            "Nơi nhận báo cáo",
            "Công đoàn cấp trên",
        ):
            assert caption in summary, caption
    finally:
        window.close()
