"""Tổng hợp page, reminders by email (issue 8 item 4 follow-up): one message per unit with a report
missing, queued through the outbox and sent to a real SMTP server on loopback (aiosmtpd); the same
report is never reminded twice to the same unit on the same day."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.test_signing_fixtures import free_port, smtp_server  # noqa: F401 - fixtures
from tests.test_upper_ui import upper_folder  # noqa: F401 - fixture
from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.sending.smtp import SmtpSettings
from thidua_desktop.services import outbox, upper
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import AppSetting, AuditEntry, OutboxMessage, SubordinateUnit
from thidua_desktop.ui import main_window as mw

JULY_10 = "2021-07-10"  # the sơ kết of phase 1 was due on 05/07/2021


@pytest.fixture
def upper_data(db, data_paths, upper_folder, monkeypatch):
    """CD001–CD003 as in test_upper_ui (CD003 sent no sơ kết), CD004 sent nothing, CD005 has no email."""
    monkeypatch.setenv("THIDUA_TODAY", JULY_10)
    upper.set_mode(db, "upper")
    upper.intake(db, data_paths, [upper_folder], 2021)
    upper.add_unit(db, "CD004", "CĐCS Công ty May Tam Điệp", "cd004@example.vn")
    upper.add_unit(db, "CD005", "CĐCS Hợp tác xã Gia Hòa", "")
    return db, data_paths


def test_reminders_are_queued_once_per_unit_report_and_day(upper_data, tmp_path):
    from datetime import date

    db, paths = upper_data
    day = date(2021, 7, 10)
    with pytest.raises(ValidationError, match="máy chủ thư"):
        upper.queue_reminders(db, paths, 2021, today=day)
    due = {r.code: r for r in upper.reminders_due(db, 2021, today=day)}
    assert set(due) == {"CD003", "CD004", "CD005"}
    assert due["CD003"].kinds == ("midyear-report",)
    assert due["CD004"].kinds == ("registration", "midyear-report") and not due["CD004"].already
    assert "Bản đăng ký thi đua năm 2021 (hạn 20/02/2021)" in due["CD004"].body
    assert "Báo cáo sơ kết đợt 1 năm 2021 (hạn 05/07/2021)" in due["CD004"].body
    assert "Kính gửi: Ban Chấp hành CĐCS Công ty May Tam Điệp" in due["CD004"].body
    assert "Nguyễn Văn An" in due["CD004"].body  # signed off by the upper union's chair
    assert not due["CD005"].to_send

    outbox.save_smtp_settings(
        paths, SmtpSettings(host="127.0.0.1", port=free_port(), security="plain", from_addr="ldld.giavien@example.vn")
    )
    first = upper.queue_reminders(db, paths, 2021, today=day)
    assert [c for c, _ in first.queued] == ["CD003", "CD004"] and first.without_email == ["CD005"]
    again = upper.queue_reminders(db, paths, 2021, today=day)
    assert again.queued == [] and again.already == ["CD003", "CD004"]
    with db.reading() as s:
        messages = s.scalars(select(OutboxMessage)).all()
        assert sorted(m.to_addrs for m in messages) == [["cd003@example.vn"], ["cd004@example.vn"]]
        assert all(m.status == outbox.QUEUED and m.attachments == [] for m in messages)
        keys = set(s.scalars(select(AppSetting.key).where(AppSetting.key.like("nhac-nop:2021:%"))))
        assert len(keys) == 3 and all(k.endswith(":2021-07-10") for k in keys)
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action.like("Nhắc CD004 gửi đăng ký, sơ kết năm 2021%"))
            )
            >= 1
        )

    # CD004 reminded of its registration only (say, by an earlier version): its sơ kết is still due today
    with db.transaction("kiểm thử: bỏ một dấu đã nhắc") as s:
        cd004 = s.scalars(select(SubordinateUnit).where(SubordinateUnit.code == "CD004")).one()
        s.delete(s.get(AppSetting, f"nhac-nop:2021:{cd004.id.hex}:midyear-report:2021-07-10"))
    partial = {r.code: r for r in upper.reminders_due(db, 2021, today=day)}
    assert partial["CD004"].kinds == ("midyear-report",) and partial["CD004"].already == ("registration",)
    assert "Báo cáo sơ kết" in partial["CD004"].body and "Bản đăng ký" not in partial["CD004"].body
    assert partial["CD003"].kinds == ()
    third = upper.queue_reminders(db, paths, 2021, today=day)
    assert [c for c, _ in third.queued] == ["CD004"] and third.already == ["CD003"]
    # the next day every missing report is reminded again
    later = upper.queue_reminders(db, paths, 2021, today=date(2021, 7, 11), codes=["cd004"])
    assert [c for c, _ in later.queued] == ["CD004"]
    assert len(outbox.list_messages(db)) == 4


def test_reminder_dialog_sets_up_the_mail_server_queues_and_sends(
    qtbot, upper_data, dialogs, ui_settings, vietnamese, smtp_server
):
    db, paths = upper_data
    window = make_window(qtbot, paths)
    page = window.show_page(mw.PAGE_UPPER)
    page.tabs.setCurrentIndex(2)
    assert page.remind_label.text() == "3 đơn vị cần nhắc"
    assert page.remind_button.isEnabled() and page.remind_button.text() == "Gửi thư nhắc…"
    dialog = page.email_reminders()
    assert dialog.windowTitle() == "Gửi thư nhắc nộp báo cáo"
    rows = {r.code: r for r in dialog.model.rows()}
    assert set(rows) == {"CD003", "CD004", "CD005"}
    state = {dialog.model.index(r, 0).data(): dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())}
    assert state == {"CD003": "Sẽ gửi", "CD004": "Sẽ gửi", "CD005": "Chưa có email: bổ sung ở thẻ Đơn vị"}
    assert dialog.model.index(1, 3).data() == "Đăng ký, Sơ kết"
    assert "Người nhận: cd003@example.vn" in dialog.preview.toPlainText()
    assert "Chưa cài đặt" in dialog.smtp_state.text() and not dialog.queue_button.isEnabled()

    dialog.smtp_button.click()  # the mail server dialog of Văn bản & gửi, reused
    smtp = dialog.smtp_dialog
    smtp.host.setText("127.0.0.1")
    smtp.port.setValue(smtp_server.port)
    smtp.security.setCurrentIndex(smtp.security.findData("plain"))
    smtp.from_addr.setText("ldld.giavien@example.vn")
    smtp.buttons.accepted.emit()
    assert dialog.smtp_state.text().startswith("127.0.0.1:") and dialog.queue_button.isEnabled()
    assert not dialog.password.isVisibleTo(dialog)  # no login on this server

    dialog.queue_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    assert dialog.done_line.text() == "Đã xếp 2 thư nhắc vào hộp thư đi. Đã gửi 2 thư."
    got = sorted(smtp_server.received, key=lambda m: m["To"])
    assert [m["To"] for m in got] == ["cd003@example.vn", "cd004@example.vn"]
    assert got[0]["Subject"] == "Nhắc gửi báo cáo sơ kết đợt 1 năm 2021 — " + rows["CD003"].name
    assert "chưa nhận được của đơn vị" in got[1].get_content()
    state = {dialog.model.index(r, 0).data(): dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())}
    assert state["CD003"] == state["CD004"] == "Đã nhắc hôm nay"
    assert not dialog.queue_button.isEnabled(), "nothing left to remind today"
    dialog.close()
    assert "Đã xếp 2 thư nhắc vào hộp thư đi" in page.success.text()
    assert [m.status for m in outbox.list_messages(db)] == [outbox.SENT, outbox.SENT]

    again = page.email_reminders()  # the same day: nothing goes twice
    assert not again.queue_button.isEnabled()
    again.close()
    assert len(smtp_server.received) == 2
    window.close()


def test_reminder_sent_later_when_the_server_is_down(qtbot, upper_data, dialogs, ui_settings, vietnamese):
    db, paths = upper_data
    outbox.save_smtp_settings(
        paths,
        SmtpSettings(
            host="127.0.0.1", port=free_port(), security="plain", from_addr="ldld.giavien@example.vn", timeout=5
        ),
    )
    window = make_window(qtbot, paths)
    page = window.show_page(mw.PAGE_UPPER)
    dialog = page.email_reminders()
    dialog.queue_button.click()
    assert dialog.done_line.text() == "Đã xếp 2 thư nhắc vào hộp thư đi."
    assert "hộp thư đi" in dialog.error.text()  # could not send now: they wait there
    assert [m.status for m in outbox.list_messages(db)] == [outbox.QUEUED, outbox.QUEUED]
    dialog.close()
    window.close()
