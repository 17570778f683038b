"""Văn bản & gửi: signing, checking a signature and sending up — journey step 3 (GUI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_signing_fixtures import (  # noqa: F401 - fixtures
    P12_PASSWORD, ca_p12, free_port, keydir, make_pdf, smtp_server, stamp_images, signing_ca,
)
from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import demo, outbox, signing
from thidua_desktop.sending.smtp import SmtpSettings
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui import signing_dialogs


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    from thidua_desktop import paths as app_paths

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    summary = demo.build_demo(paths)
    return paths, summary.year


@pytest.fixture
def page(qtbot, demo_folder, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch):  # noqa: F811
    import shutil

    from thidua_desktop import paths as app_paths

    source, year = demo_folder
    shutil.copytree(source.root, tmp_path / "data")
    paths = app_paths.resolve(tmp_path / "data").ensure()
    monkeypatch.setenv("THIDUA_TODAY", f"{year}-06-30")
    window = make_window(qtbot, paths, size=(1400, 900))
    yield window.show_page(mw.PAGE_DOCUMENTS)
    window.close()


def answer_files(monkeypatch, *answers: Path) -> list[str]:
    """Answer the open-file dialogs in order; returns the titles asked."""
    queue = [str(a) for a in answers]
    titles: list[str] = []

    def ask(parent, title, file_filter, start=""):
        titles.append(title)
        return queue.pop(0) if queue else ""

    monkeypatch.setattr(signing_dialogs, "ask_open_path", ask)
    return titles


def test_sign_a_pdf_with_a_key_file_then_verify(qtbot, page, tmp_path, monkeypatch, ca_p12, stamp_images):  # noqa: F811
    p12, password, ca_pem = ca_p12
    signing.trust_certificate(page.ctx.paths, ca_pem, "CA thử nghiệm")
    pdf = make_pdf(tmp_path / "bao-cao.pdf")
    signature, seal = stamp_images
    answer_files(monkeypatch, pdf, p12, signature, seal)
    assert not page.sign_button.isEnabled(), "nothing exported yet"
    dialog = page.sign_chosen()
    assert dialog.file.text() == str(pdf)
    assert dialog.kind.currentData() == "p12"
    dialog.p12_button.click()
    dialog.signature_button.click()
    dialog.seal_button.click()
    assert dialog.p12_path.text() == str(p12) and dialog.seal_image.text() == str(seal)
    dialog.p12_password.setText(password)
    dialog.sign_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    signed = tmp_path / "bao-cao-da-ky.pdf"
    assert signed.exists() and dialog.result_.path == signed
    assert str(signed) in dialog.done_line.text() and "Nguyễn Thị Ánh Tuyết" in dialog.done_line.text()
    assert dialog.p12_password.text() == "", "the password is not kept"
    assert page.last_signed == signed and str(signed) in page.current_file.text()
    dialog.grab().save(str(tmp_path / "sign.png"))
    dialog.close()

    answer_files(monkeypatch, signed)
    page.verify_button.click()
    verdict = page.verdict_dialog
    assert verdict.verdict.status == "valid" and verdict.verdict.accepted
    assert "Hợp lệ" in verdict.status.text()
    assert verdict.verdict.signer == "Nguyễn Thị Ánh Tuyết"
    verdict.close()

    answer_files(monkeypatch, pdf)  # the unsigned original
    page.verify_button.click()
    assert "Không hợp lệ" in page.verdict_dialog.status.text()


def test_wrong_password_shows_the_vietnamese_message(qtbot, page, tmp_path, monkeypatch, ca_p12):  # noqa: F811
    p12, _password, _ca = ca_p12
    pdf = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    answer_files(monkeypatch, pdf, p12)
    dialog = page.sign_chosen()
    dialog.p12_button.click()
    dialog.p12_password.setText("sai-mat-khau")
    dialog.sign_button.click()
    assert dialog.error.isVisibleTo(dialog)
    assert "mật khẩu" in dialog.error.text().lower(), dialog.error.text()
    assert not (tmp_path / "bao-cao-da-ky.pdf").exists()
    assert dialog.sign_button.isEnabled() and dialog.result_ is None


def test_unit_key_is_created_with_its_fingerprint_then_signs(qtbot, page, tmp_path, monkeypatch):
    pdf = make_pdf(tmp_path / "bc.pdf", pages=1)
    answer_files(monkeypatch, pdf)
    dialog = page.sign_chosen()
    dialog.kind.setCurrentIndex(dialog.kind.findData("unit"))
    assert dialog.create_button.isVisibleTo(dialog)
    dialog.unit_password.setText(P12_PASSWORD)
    dialog.unit_repeat.setText("khac-hẳn-123")
    dialog.create_button.click()
    assert "khác nhau" in dialog.error.text() or dialog.error.isVisibleTo(dialog)
    dialog.unit_password.setText(P12_PASSWORD)
    dialog.unit_repeat.setText(P12_PASSWORD)
    dialog.create_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    assert signing.unit_key_path(page.ctx.paths).exists()
    assert not dialog.create_button.isVisibleTo(dialog)
    assert ":" in dialog.done_line.text() and len(dialog.done_line.text()) > 40  # the fingerprint is shown
    dialog.unit_password.setText(P12_PASSWORD)
    dialog.sign_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    assert (tmp_path / "bc-da-ky.pdf").exists()


def _save_smtp(page, **kw) -> None:
    base = dict(host="127.0.0.1", security="plain", from_addr="congdoan.mayhoalu@example.vn", timeout=5)
    base.update(kw)
    outbox.save_smtp_settings(page.ctx.paths, SmtpSettings(**base))


def test_send_to_the_upper_union_is_received(qtbot, page, tmp_path, monkeypatch, smtp_server):  # noqa: F811
    _save_smtp(page, port=smtp_server.port)
    pdf = make_pdf(tmp_path / "bao-cao-so-ket-da-ky.pdf", pages=1)
    page.last_signed = pdf
    page.send_button.click()
    dialog = page.send_dialog
    assert dialog.to.text() == "ldld.giavien@example.vn"
    assert "bao-cao-so-ket" in dialog.subject.text() and "Kính gửi" in dialog.body.toPlainText()
    dialog.subject.setText("Báo cáo sơ kết 6 tháng")
    dialog.send_button.click()
    assert dialog.done_line.isVisibleTo(dialog), dialog.error.text()
    assert len(smtp_server.received) == 1
    msg = smtp_server.received[0]
    assert msg["Subject"] == "Báo cáo sơ kết 6 tháng"
    assert [p.get_filename() for p in msg.iter_attachments()] == ["bao-cao-so-ket-da-ky.pdf"]
    assert [m.status for m in page.outbox.rows()] == [outbox.SENT]


def test_offline_message_waits_in_the_outbox_and_is_sent_again(qtbot, page, tmp_path, monkeypatch):
    from tests.test_signing_fixtures import SmtpServer

    port = free_port()  # nothing listens there: "no network"
    _save_smtp(page, port=port)
    pdf = make_pdf(tmp_path / "bao-cao.pdf", pages=1)
    page.last_signed = pdf
    page.send_button.click()
    dialog = page.send_dialog
    dialog.send_button.click()
    assert dialog.error.isVisibleTo(dialog) and "hộp thư đi" in dialog.error.text().lower()
    rows = page.outbox.rows()
    assert [m.status for m in rows] == [outbox.QUEUED] and rows[0].attempts == 1 and rows[0].last_error
    dialog.close()
    assert not page.resend_button.isEnabled()
    page.outbox_view.selectRow(0)
    assert page.resend_button.isEnabled()
    page.resend_button.click()
    assert page.outbox_error.isVisibleTo(page) and page.outbox.rows()[0].attempts == 2
    page.grab().save("/tmp/signing.png")

    server = SmtpServer(port).start()  # the network is back
    try:
        page.outbox_view.selectRow(0)
        page.resend_button.click()
        assert page.outbox_done.isVisibleTo(page), page.outbox_error.text()
        assert len(server.received) == 1 and page.outbox.rows()[0].status == outbox.SENT
    finally:
        server.stop()


def test_smtp_settings_dialog_saves_without_password(qtbot, page):
    page.smtp_button.click()
    dialog = page.smtp_dialog
    dialog.host.setText("smtp.example.vn")
    dialog.port.setValue(465)
    dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
    dialog.user.setText("cdcs@example.vn")
    dialog.buttons.accepted.emit()
    saved = outbox.load_smtp_settings(page.ctx.paths)
    assert (saved.host, saved.port, saved.security, saved.user) == ("smtp.example.vn", 465, "ssl", "cdcs@example.vn")
    assert "password" not in (Path(page.ctx.paths.root) / "smtp.json").read_text(encoding="utf-8")


def test_sign_offered_on_the_exported_document(qtbot, page, tmp_path, monkeypatch):
    from thidua_desktop.ui.pages import documents as documents_page

    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "dang-ky.pdf"))
    page.export_button.click()
    assert page.produced is not None and page.sign_button.isEnabled()
    assert str(tmp_path / "dang-ky.pdf") in page.current_file.text()
    page.sign_button.click()
    assert page.sign_dialog.file.text() == str(tmp_path / "dang-ky.pdf")
    page.sign_dialog.sign_button.click()  # no key file chosen: said, nothing done
    assert page.sign_dialog.error.text() == "Hãy chọn tệp khóa."
