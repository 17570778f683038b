"""Issue 18, "sending works the first time", in the GUI (offscreen): the email names the document,
a queued message removed from the outbox, the SMTP set-up from the send dialog with its presets and
"Gửi thử" (aiosmtpd on loopback), trusting a signer's certificate from the verdict, Vietnam time."""

from __future__ import annotations

from pathlib import Path


from tests.test_signing_fixtures import (  # noqa: F401 - fixtures
    P12_PASSWORD,
    SmtpServer,
    free_port,
    keydir,
    make_pdf,
    smtp_server,
    unit_key,
)
from tests.test_ui_signing import _save_smtp, answer_files, demo_folder, page  # noqa: F401 - fixtures
from tests.ui_helpers import dialogs, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import outbox


def _column(model, title: str) -> int:
    return [c.title for c in model.columns].index(title)


def _queue_offline(page, tmp_path) -> None:
    _save_smtp(page, port=free_port())  # nothing listens there: "no network"
    page.last_signed = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    page.send_button.click()
    page.send_dialog.send_button.click()
    page.send_dialog.close()


def test_a_queued_message_is_removed_and_kept_as_removed(qtbot, page, tmp_path, dialogs):
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


def test_the_send_dialog_names_the_exported_document(qtbot, page, tmp_path, monkeypatch):
    from thidua_desktop.ui.pages import documents as documents_page

    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "dang-ky-2021.pdf"))
    page.export_button.click()
    page.send_button.click()
    dialog = page.send_dialog
    assert dialog.subject.text() == "Bản đăng ký thi đua năm 2021 của Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert "dang-ky" not in dialog.subject.text()
    assert "trân trọng gửi bản đăng ký thi đua năm 2021 (số " in dialog.body.toPlainText()
    dialog.close()


def test_email_is_set_up_from_the_send_dialog_before_the_message_is_written(qtbot, page, tmp_path, smtp_server):
    from PySide6.QtCore import QUrl

    assert not outbox.load_smtp_settings(page.ctx.paths).host, "the demo has no mail server yet"
    page.last_signed = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    page.send_button.click()
    dialog = page.send_dialog
    assert dialog.setup_row.isVisibleTo(dialog) and "Chưa cài đặt gửi thư" in dialog.setup_banner.text()
    qtbot.waitUntil(lambda: dialog.smtp_dialog is not None and dialog.smtp_dialog.isVisible())
    smtp = dialog.smtp_dialog  # asked at once, before anything is typed

    smtp.provider.setCurrentIndex(smtp.provider.findData("gmail"))
    assert (smtp.host.text(), smtp.port.value(), smtp.security.currentData()) == ("smtp.gmail.com", 587, "starttls")
    assert "mật khẩu ứng dụng" in smtp.hint.text().lower()
    smtp.provider.setCurrentIndex(smtp.provider.findData("yahoo"))
    assert (smtp.host.text(), smtp.port.value(), smtp.security.currentData()) == ("smtp.mail.yahoo.com", 465, "ssl")
    smtp.provider.setCurrentIndex(smtp.provider.findData("own"))
    assert smtp.host.text() == "" and smtp.port.value() == 587, "the unit's own server is typed in"
    assert smtp.provider.itemText(smtp.provider.findData("outlook")) == "Outlook, Hotmail (dùng mật khẩu ứng dụng)"
    href = smtp.help_link.text().split('href="')[1].split('"')[0]
    help_page = Path(QUrl(href).toLocalFile())
    assert help_page.name == "mat-khau-ung-dung.html" and help_page.is_file()

    smtp.host.setText("127.0.0.1")
    smtp.port.setValue(free_port())  # nothing listens there
    smtp.security.setCurrentIndex(smtp.security.findData("plain"))
    smtp.from_addr.setText("congdoan.mayhoalu@example.vn")
    assert smtp.test_button.text() == "Gửi thử"
    smtp.test_button.click()
    assert smtp.error.isVisibleTo(smtp) and smtp.error.text().startswith("Không kết nối được máy chủ 127.0.0.1")
    smtp.port.setValue(smtp_server.port)
    smtp.test_button.click()
    assert smtp.done_line.isVisibleTo(smtp) and smtp.done_line.text().startswith("Gửi thử thành công")
    assert not smtp.error.isVisibleTo(smtp)
    assert [m["To"] for m in smtp_server.received] == ["congdoan.mayhoalu@example.vn"]
    smtp.grab().save(str(tmp_path / "smtp.png"))
    smtp.buttons.accepted.emit()
    assert outbox.load_smtp_settings(page.ctx.paths).port == smtp_server.port
    assert not dialog.setup_row.isVisibleTo(dialog) and "127.0.0.1" in dialog.smtp_state.text()

    dialog.send_button.click()
    assert dialog.done_line.isVisibleTo(dialog), dialog.error.text()
    assert len(smtp_server.received) == 2


def test_send_without_a_mail_server_asks_for_it_and_queues_nothing(qtbot, page, tmp_path):
    page.last_signed = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    page.send_button.click()
    dialog = page.send_dialog
    qtbot.waitUntil(lambda: dialog.smtp_dialog is not None)
    dialog.smtp_dialog.reject()
    dialog.send_button.click()
    assert "cài đặt máy chủ gửi thư trước" in dialog.error.text()
    assert dialog.smtp_dialog.isVisible() and page.outbox.rows() == []


def test_login_refused_and_tls_said_plainly_in_the_dialog(qtbot, page):
    server = SmtpServer(user="cdcs@example.vn", password="dung-mat-khau").start()
    try:
        page.smtp_button.click()
        smtp = page.smtp_dialog
        smtp.host.setText("127.0.0.1")
        smtp.port.setValue(server.port)
        smtp.security.setCurrentIndex(smtp.security.findData("plain"))
        smtp.user.setText("cdcs@example.vn")
        smtp.password.setText("sai-mat-khau")
        smtp.test_button.click()
        assert "từ chối đăng nhập" in smtp.error.text() and smtp.password.text() == ""
        assert smtp.outcome.reason == "auth"
        smtp.security.setCurrentIndex(smtp.security.findData("starttls"))
        smtp.password.setText("dung-mat-khau")
        smtp.test_button.click()
        assert smtp.outcome.reason == "tls" and "(TLS)" in smtp.error.text()
        assert "Traceback" not in smtp.error.text()
    finally:
        server.stop()


# --- verifying: "Tin cậy chứng thư này" after the fingerprint is read out; Vietnam time -------------------


def test_trusting_the_signer_from_the_verdict(qtbot, page, tmp_path, monkeypatch, unit_key):
    from thidua_desktop.services import signing
    from thidua_desktop.signing import keys
    from thidua_desktop.ui import trust_dialog

    p12, password, cert, _pem = unit_key  # another unit's key: its files are not trusted here yet
    signed = signing.sign_document(make_pdf(tmp_path / "bao-cao.pdf", pages=1), signing.P12Spec(p12, password)).path
    answer_files(monkeypatch, signed)
    page.verify_button.click()
    dialog = page.verdict_dialog
    assert not dialog.verdict.accepted and dialog.trust_button.isVisibleTo(dialog)
    assert dialog.trust_button.text() == "Tin cậy chứng thư này…"
    assert "thidua keys trust <tệp đã ký>" in "\n".join(dialog.verdict.reasons)
    signed_at = dialog.signed_at.text()
    assert signed_at.endswith("(UTC+7)") and signed_at.count(":") == 1, signed_at
    shown = []

    def confirm(parent, chosen, answer):
        box = trust_dialog.ConfirmCertificateDialog(chosen, parent)
        shown.append(box.fingerprint.text())
        box.close()
        return answer

    monkeypatch.setattr(trust_dialog, "ask_confirm_certificate", lambda parent, c: confirm(parent, c, None))
    dialog.trust_button.click()  # the fingerprints did not match on the phone: nothing trusted
    assert shown == [keys.fingerprint(cert)] and signing.trusted_certificates(page.ctx.paths) == []
    monkeypatch.setattr(trust_dialog, "ask_confirm_certificate", lambda parent, c: confirm(parent, c, "CĐCS bạn"))
    dialog.trust_button.click()
    assert [t.fingerprint for t in signing.trusted_certificates(page.ctx.paths)] == [keys.fingerprint(cert)]
    assert dialog.verdict.accepted and dialog.verdict.known, "checked again"
    assert "Hợp lệ" in dialog.status.text() and not dialog.trust_button.isVisibleTo(dialog)
    assert keys.fingerprint(cert) in dialog.done_line.text()
    dialog.grab().save(str(tmp_path / "verdict-trusted.png"))


def test_the_units_own_key_is_trusted_in_its_own_folder(qtbot, page, tmp_path, monkeypatch):
    from thidua_desktop.services import signing

    pdf = make_pdf(tmp_path / "bc.pdf", pages=1)
    answer_files(monkeypatch, pdf)
    dialog = page.sign_chosen()
    dialog.kind.setCurrentIndex(dialog.kind.findData("unit"))
    dialog.unit_password.setText(P12_PASSWORD)
    dialog.unit_repeat.setText(P12_PASSWORD)
    dialog.create_button.click()
    assert len(signing.trusted_certificates(page.ctx.paths)) == 1
    dialog.unit_password.setText(P12_PASSWORD)
    dialog.sign_button.click()
    assert "(UTC+7)" in dialog.done_line.text(), dialog.done_line.text()
    dialog.close()
    answer_files(monkeypatch, tmp_path / "bc-da-ky.pdf")
    page.verify_button.click()
    verdict = page.verdict_dialog
    assert verdict.verdict.accepted and verdict.verdict.known and not verdict.trust_button.isVisibleTo(verdict)
