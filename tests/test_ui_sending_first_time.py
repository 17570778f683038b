"""Issue 18, "sending works the first time", in the GUI (offscreen): the email names the document,
a queued message removed from the outbox, the SMTP set-up from the send dialog with its presets and
"Gửi thử" (aiosmtpd on loopback), trusting a signer's certificate from the verdict, Vietnam time."""

from __future__ import annotations


from tests.test_signing_fixtures import SmtpServer, free_port, make_pdf, smtp_server  # noqa: F401 - fixtures
from tests.test_ui_signing import _save_smtp, answer_files, demo_folder, page  # noqa: F401 - fixtures
from tests.ui_helpers import dialogs, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import outbox


def _column(model, title: str) -> int:
    return [c.title for c in model.columns].index(title)


def _queue_offline(page, tmp_path) -> None:  # noqa: F811
    _save_smtp(page, port=free_port())  # nothing listens there: "no network"
    page.last_signed = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    page.send_button.click()
    page.send_dialog.send_button.click()
    page.send_dialog.close()


def test_a_queued_message_is_removed_and_kept_as_removed(qtbot, page, tmp_path, dialogs):  # noqa: F811
    _queue_offline(page, tmp_path)
    rows = page.outbox.rows()
    assert [m.status for m in rows] == [outbox.QUEUED] and rows[0].last_error
    column = _column(page.outbox, "Lỗi gần nhất")
    assert page.outbox.index(0, column).data() == rows[0].last_error, "the last error is listed"
    assert not page.remove_button.isEnabled()
    page.outbox_view.selectRow(0)
    assert page.remove_button.isEnabled() and page.remove_button.text() == "Hủy thư"
    dialogs.confirm_answer = False
    page.remove_button.click()
    assert [m.status for m in page.outbox.rows()] == [outbox.QUEUED]
    dialogs.confirm_answer = True
    page.remove_button.click()
    assert page.outbox_done.isVisibleTo(page) and "Đã hủy" in page.outbox_done.text()
    assert [m.status for m in page.outbox.rows()] == [outbox.CANCELLED]
    status = _column(page.outbox, "Trạng thái")
    assert page.outbox.index(0, status).data() == "Đã hủy"
    page.outbox_view.selectRow(0)
    assert not page.remove_button.isEnabled() and not page.resend_button.isEnabled()


def test_the_send_dialog_names_the_exported_document(qtbot, page, tmp_path, monkeypatch):  # noqa: F811
    from thidua_desktop.ui.pages import documents as documents_page

    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "dang-ky-2021.pdf"))
    page.export_button.click()
    page.send_button.click()
    dialog = page.send_dialog
    assert dialog.subject.text() == "Bản đăng ký thi đua năm 2021 của Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert "dang-ky" not in dialog.subject.text()
    assert "trân trọng gửi bản đăng ký thi đua năm 2021 (số " in dialog.body.toPlainText()
    dialog.close()
