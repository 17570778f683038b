"""Văn bản & gửi: signing, checking a signature and sending up — journey step 3 (GUI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_signing_fixtures import (  # noqa: F401 - fixtures
    P12_PASSWORD,
    ca_p12,
    free_port,
    keydir,
    make_pdf,
    smtp_server,
    softhsm_token,
    stamp_images,
    signing_ca,
    unit_key,
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
    summary = demo.build_demo(paths, current_cycle=False)
    return paths, summary.year


@pytest.fixture
def page(qtbot, demo_folder, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch):
    import shutil

    from thidua_desktop import paths as app_paths

    source, year = demo_folder
    shutil.copytree(source.root, tmp_path / "data")
    paths = app_paths.resolve(tmp_path / "data").ensure()
    _empty_outbox(paths)
    monkeypatch.setenv("THIDUA_TODAY", f"{year}-06-30")
    window = make_window(qtbot, paths, size=(1400, 900))
    yield window.show_page(mw.PAGE_DOCUMENTS)
    window.close()


def _empty_outbox(paths) -> None:
    """These tests start on 30/6 with an empty outbox: the demo's own sending of the sơ kết on 04/7
    (issue 16: sent on time through the outbox) is taken out of the copy."""
    import shutil
    import sqlite3

    conn = sqlite3.connect(paths.database)
    try:
        with conn:
            conn.execute("DELETE FROM outbox_message")
    finally:
        conn.close()
    shutil.rmtree(paths.root / "outbox", ignore_errors=True)


def answer_files(monkeypatch, *answers: Path) -> list[str]:
    """Answer the open-file dialogs in order; returns the titles asked."""
    queue = [str(a) for a in answers]
    titles: list[str] = []

    def ask(parent, title, file_filter, start=""):
        titles.append(title)
        return queue.pop(0) if queue else ""

    monkeypatch.setattr(signing_dialogs, "ask_open_path", ask)
    return titles


def test_sign_a_pdf_with_a_key_file_then_verify(qtbot, page, tmp_path, monkeypatch, ca_p12, stamp_images):
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


def test_wrong_password_shows_the_vietnamese_message(qtbot, page, tmp_path, monkeypatch, ca_p12):
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


def test_send_to_the_upper_union_is_received(qtbot, page, tmp_path, monkeypatch, smtp_server):
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


# --- a report sent as an .eml draft: recorded, locked, shown in its history ------------------------------


def _new_year_report_version(page) -> str:
    """The demo's tổng kết v1 is sent: make version 2 and complete it (a correction to send)."""
    from thidua_desktop.services import reports

    db = page.ctx.db
    v1 = reports.latest_report(db, 2021, "year")
    v2 = reports.new_version(db, v1.id, "Bổ sung số liệu sáng kiến")
    reports.set_status(db, v2.id, "complete")
    return v2.id


def test_report_saved_as_eml_is_recorded_locked_and_shown_in_its_history(qtbot, page, tmp_path, monkeypatch):
    import email
    import email.policy
    import hashlib

    from thidua_desktop.services import reports
    from thidua_desktop.ui.outbox_dialog import ReportHistoryDialog
    from thidua_desktop.ui.pages import documents as documents_page

    report_id = _new_year_report_version(page)
    page.kind.setCurrentIndex(page.kind.findData("year-report"))
    for suffix in (".pdf", ".xlsx"):  # the pair: the PDF and its workbook twin, under one number
        page.format.setCurrentIndex(page.format.findData(suffix))
        monkeypatch.setattr(documents_page, "ask_save_path", lambda *a, s=suffix: str(tmp_path / f"tong-ket{s}"))
        page.export_button.click()
        assert page.produced is not None and page.produced.path == tmp_path / f"tong-ket{suffix}"
    page.send_button.click()
    dialog = page.send_dialog
    files = [tmp_path / "tong-ket.xlsx", tmp_path / "tong-ket.pdf"]
    assert dialog.files == files, "the current file and its twin beside it"
    assert dialog.report is not None and dialog.report.id == report_id
    assert "phiên bản 2" in dialog.report_line.text() and not dialog.resend.isVisibleTo(dialog)
    eml = tmp_path / "gui-cap-tren"  # no suffix typed: .eml is added
    monkeypatch.setattr(signing_dialogs, "ask_save_path", lambda *a: str(eml))
    dialog.eml_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    saved = tmp_path / "gui-cap-tren.eml"
    assert dialog.eml_path == saved and str(saved) in dialog.done_line.text()
    msg = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "ldld.giavien@example.vn" and msg["X-Unsent"] == "1"
    assert "Tổng kết" in msg["Subject"] or "tổng kết" in msg["Subject"]
    got = [(a.get_filename(), hashlib.sha256(a.get_content()).hexdigest()) for a in msg.iter_attachments()]
    assert got == [(f.name, hashlib.sha256(f.read_bytes()).hexdigest()) for f in files]
    assert reports.get_report(page.ctx.db, report_id).status == "sent"  # locked with the record
    assert not dialog.eml_button.isEnabled() and not dialog.send_button.isEnabled()
    assert outbox.EML in [m.status for m in page.outbox.rows()]
    dialog.close()

    # a second sending of the same version: refused, unless the very same files are sent again
    page.send_button.click()
    again = page.send_dialog
    assert again.resend.isVisibleTo(again) and "1" in again.report_line.text()
    again.grab().save(str(tmp_path / "send-again.png"))
    again.files = files
    monkeypatch.setattr(signing_dialogs, "ask_save_path", lambda *a: str(tmp_path / "lan-hai.eml"))
    again.eml_button.click()
    assert again.error.isVisibleTo(again) and "đã gửi lúc" in again.error.text()
    assert not (tmp_path / "lan-hai.eml").exists()
    again.resend.setChecked(True)
    again.eml_button.click()
    assert not again.error.isVisibleTo(again), again.error.text()
    assert (tmp_path / "lan-hai.eml").exists()
    again.close()

    window = page.window()
    phases = window.show_page(mw.PAGE_PHASES)
    phases.report_kind.setCurrentIndex(phases.report_kind.findData("year"))
    editor = phases.editor
    assert editor.report.id == report_id and editor.history_button.isVisibleTo(editor)
    history = editor.show_history()
    assert isinstance(history, ReportHistoryDialog)
    tops = [history.tree.topLevelItem(i) for i in range(history.tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == ["Phiên bản 2", "Phiên bản 2"]
    assert all(t.text(1) == "thư nháp (.eml)" and t.text(5) == "ldld.giavien@example.vn" for t in tops)
    children = [tops[0].child(i).text(0) for i in range(tops[0].childCount())]
    assert children == [
        f"{f.name} ({f.stat().st_size:,} byte) — SHA-256: {hashlib.sha256(f.read_bytes()).hexdigest()}".replace(
            ",", "."
        )
        for f in files
    ]
    history.grab().save(str(tmp_path / "history.png"))
    history.close()


def test_trusting_a_certificate_after_checking_its_fingerprint(qtbot, page, tmp_path, monkeypatch, dialogs, unit_key):
    from tests.test_signing_fixtures import UNIT_NAME
    from thidua_desktop.signing import keys
    from thidua_desktop.ui import trust_dialog

    _p12, _password, cert, pem = unit_key
    shown = []

    def confirm(parent, chosen, answer):
        box = trust_dialog.ConfirmCertificateDialog(chosen, parent)
        shown.append(box.fingerprint.text())
        box.grab().save(str(tmp_path / "confirm.png"))
        box.close()
        return answer

    page.trust_button.click()
    dialog = page.trust_dialog
    assert dialog.list.topLevelItemCount() == 0
    answer_files(monkeypatch, pem, pem)
    monkeypatch.setattr(trust_dialog, "ask_confirm_certificate", lambda parent, c: confirm(parent, c, None))
    dialog.add_button.click()  # the fingerprint did not match on the phone: nothing trusted
    assert shown == [keys.fingerprint(cert)] and signing.trusted_certificates(page.ctx.paths) == []
    monkeypatch.setattr(
        trust_dialog, "ask_confirm_certificate", lambda parent, c: confirm(parent, c, "CĐCS May Hoa Lư")
    )
    dialog.add_button.click()
    assert [t.fingerprint for t in signing.trusted_certificates(page.ctx.paths)] == [keys.fingerprint(cert)]
    assert dialog.list.topLevelItemCount() == 1 and dialog.list.topLevelItem(0).text(1) == UNIT_NAME
    assert keys.fingerprint(cert) in dialog.done_line.text()
    assert not dialog.remove_button.isEnabled()
    dialog.grab().save(str(tmp_path / "trust.png"))
    dialog.list.topLevelItem(0).setSelected(True)
    dialogs.confirm_answer = False
    dialog.remove_button.click()
    assert len(signing.trusted_certificates(page.ctx.paths)) == 1
    dialogs.confirm_answer = True
    dialog.remove_button.click()
    assert signing.trusted_certificates(page.ctx.paths) == [] and dialog.list.topLevelItemCount() == 0
    answer_files(monkeypatch, tmp_path / "khong-phai.pem")
    (tmp_path / "khong-phai.pem").write_text("không phải chứng thư", encoding="utf-8")
    dialog.add_button.click()
    assert "không phải chứng thư số" in dialog.error.text()
    dialog.close()


def test_signing_dialog_with_the_pkcs11_token(qtbot, page, tmp_path, monkeypatch, softhsm_token):
    """The USB-token path: library, token label, key label and PIN typed into the dialog (SoftHSM2)."""
    from thidua_desktop.signing.verify import verify

    pdf = make_pdf(tmp_path / "bao-cao.pdf", pages=2)
    answer_files(monkeypatch, pdf, Path(softhsm_token.lib))
    dialog = page.sign_chosen()
    dialog.kind.setCurrentIndex(dialog.kind.findData("token"))
    assert dialog.pages.currentIndex() == 2 and dialog.pin.echoMode() == dialog.pin.EchoMode.Password
    dialog.library_button.click()
    assert dialog.library.text() == softhsm_token.lib
    dialog.token_label.setText(softhsm_token.label)
    dialog.key_label.setText(softhsm_token.key_label)
    dialog.pin.setText("000000")  # wrong PIN: a Vietnamese message, the unsigned document kept
    dialog.sign_button.click()
    assert dialog.error.isVisibleTo(dialog) and "PIN" in dialog.error.text() and "sai" in dialog.error.text().lower(), (
        dialog.error.text()
    )
    assert dialog.pin.text() == "" and dialog.result_ is None and dialog.sign_button.isEnabled()
    assert not (tmp_path / "bao-cao-da-ky.pdf").exists() and pdf.exists()
    dialog.pin.setText(softhsm_token.pin)
    dialog.sign_button.click()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    signed = tmp_path / "bao-cao-da-ky.pdf"
    assert dialog.result_.path == signed and dialog.pin.text() == ""
    assert "CÔNG TY TNHH MAY HOA LƯ" in dialog.done_line.text()
    v = verify(signed, [softhsm_token.ca.cert])
    assert v.accepted and v.signer == "CÔNG TY TNHH MAY HOA LƯ"
    assert page.last_signed == signed
    dialog.close()
