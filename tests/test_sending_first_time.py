"""Issue 18, "sending works the first time": the email names the document, a queued message can be
removed (kept as "đã hủy"), the server's answer to a test message in plain Vietnamese, the SMTP
presets, Vietnam time with its offset; against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import shutil
from datetime import date
from types import SimpleNamespace

import pytest

from tests.test_signing_fixtures import (  # noqa: F401 - fixtures
    SmtpServer,
    free_port,
    keydir,
    make_pdf,
    smtp_server,
    unit_key,
)
from thidua_desktop.services import demo, documents, outbox, reports
from thidua_desktop.services.report_mail import _phase_words

UNIT = "Công đoàn cơ sở Công ty TNHH May Hoa Lư"


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory):
    from thidua_desktop import paths as app_paths

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    demo.build_demo(paths, current_cycle=False)
    return paths


@pytest.fixture
def folder(demo_source, tmp_path):
    from thidua_desktop import paths as app_paths
    from thidua_desktop.store.database import Database

    shutil.copytree(demo_source.root, tmp_path / "data")
    paths = app_paths.resolve(tmp_path / "data").ensure()
    db = Database.open(paths, actor="kiemthu")
    yield db, paths
    db.close()


# --- the email names the document ----------------------------------------------------------------


def test_registration_email_names_the_document_not_its_file(folder, tmp_path):
    db, paths = folder
    out = tmp_path / "dang-ky-2021.pdf"
    produced = documents.produce(db, paths, "registration", 2021, out)
    signed = tmp_path / "dang-ky-2021-da-ky.pdf"  # a signed copy made from it: found by the register's file name
    signed.write_bytes(out.read_bytes())
    for draft in (
        outbox.compose_report_email(db, [signed]),
        outbox.compose_report_email(db, [signed], register_id=produced.register_id),
    ):
        assert draft.subject == f"Bản đăng ký thi đua năm 2021 của {UNIT}"
        assert "dang-ky" not in draft.subject
        assert f"{UNIT} trân trọng gửi bản đăng ký thi đua năm 2021 (số {produced.code})." in draft.body
        assert "  - dang-ky-2021-da-ky.pdf" in draft.body  # the files are still listed


def test_report_email_names_the_phase_and_the_version(folder, tmp_path):
    db, paths = folder
    midyear = reports.latest_report(db, 2021, "midyear")
    draft = outbox.compose_report_email(db, [], report_id=midyear.id)
    assert draft.subject == f"Báo cáo sơ kết 6 tháng đầu năm 2021 của {UNIT} (phiên bản {midyear.version})"
    year = reports.latest_report(db, 2021, "year")
    assert outbox.compose_report_email(db, [], report_id=year.id).subject == (
        f"Báo cáo tổng kết phong trào thi đua năm 2021 của {UNIT}"
    )
    out = tmp_path / "bc.xlsx"  # the workbook's machine sheet names its report
    documents.produce(db, paths, "midyear-report", 2021, out)
    assert outbox.compose_report_email(db, [out]).subject.startswith("Báo cáo sơ kết 6 tháng đầu năm 2021 của")
    other = tmp_path / "ghi-chu.pdf"  # not one of ours: only then the file's name
    other.write_bytes(b"%PDF-1.4\n")
    assert outbox.compose_report_email(db, [other]).subject == f"{UNIT} gửi ghi-chu"
    assert outbox.compose_report_email(db, [out], "Tài liệu khác").subject == f"{UNIT} gửi Tài liệu khác"


def test_phase_words():
    phase = SimpleNamespace(number=1, name="Đợt 1", start=date(2026, 1, 1), end=date(2026, 5, 31))
    assert _phase_words(phase, 2026) == "đợt 1 năm 2026"
    assert (
        _phase_words(
            SimpleNamespace(number=1, name="6 tháng đầu năm", start=date(2026, 1, 1), end=date(2026, 6, 30)), 2026
        )
        == "6 tháng đầu năm 2026"
    )
    assert (
        _phase_words(SimpleNamespace(number=2, name="Quý III năm", start=date(2026, 7, 1), end=date(2026, 9, 30)), 2026)
        == "quý III năm 2026"
    )
    assert _phase_words(None, 2026) == "năm 2026"


# --- a queued message can be removed, kept in the history as "đã hủy" ---------------------------------


def _complete_new_version(db) -> str:
    v1 = reports.latest_report(db, 2021, "year")  # the demo's tổng kết v1 is sent: a correction to send
    v2 = reports.new_version(db, v1.id, "Bổ sung số liệu sáng kiến")
    reports.set_status(db, v2.id, "complete")
    return v2.id


def test_a_removed_report_message_is_kept_as_cancelled_and_the_report_unlocked(folder, tmp_path, smtp_server):
    db, paths = folder
    report_id = _complete_new_version(db)
    out = tmp_path / "tong-ket.xlsx"
    documents.produce(db, paths, "year-report", 2021, out)
    entry = outbox.send_report(db, paths, report_id, [out])
    assert reports.get_report(db, report_id).status == "sent"  # locked while it waits
    assert (paths.root / "outbox" / str(entry.id)).is_dir()
    removed = outbox.remove_queued(db, paths, str(entry.id)[:8])
    assert removed.status == outbox.CANCELLED == "cancelled"
    assert not (paths.root / "outbox" / str(entry.id)).exists(), "the queued copies are removed"
    assert reports.get_report(db, report_id).status == "complete", "never received: it can still be corrected"
    history = [h for h in outbox.report_history(db, report_id) if h.entry.id == entry.id]
    assert [h.entry.status for h in history] == ["cancelled"] and history[0].entry.attachments[0]["sha256"]
    report = outbox.send_pending(db, paths, smtp_server.settings(), force=True)
    assert report.attempted == 0 and smtp_server.received == []
    for refused in (lambda: outbox.remove_queued(db, paths, entry.id), lambda: outbox.retry(db, entry.id)):
        with pytest.raises(outbox.OutboxError, match="đã hủy"):
            refused()
    again = outbox.send_report(db, paths, report_id, [out])  # sent afresh: not refused as "already sent"
    assert outbox.send_pending(db, paths, smtp_server.settings(), force=True).sent == [again.id]
    with pytest.raises(outbox.OutboxError, match="đã gửi xong"):
        outbox.remove_queued(db, paths, again.id)
    assert reports.get_report(db, report_id).status == "sent"


def test_outbox_remove_from_the_command_line(tmp_path, smtp_server):
    from tests.test_cli_signing import SETUP, run

    data = tmp_path / "du-lieu"
    assert run(data, *SETUP, "--upper-email", "ldld.giavien@example.vn", "--email", "cdcs@example.vn").returncode == 0
    attachment = tmp_path / "ghi-chu.pdf"
    attachment.write_bytes(b"%PDF-1.4\n")
    added = run(data, "outbox", "add", str(attachment))
    assert added.returncode == 0, added.stderr
    msg_id = added.stdout.split("(mã ")[1][:8]
    removed = run(data, "outbox", "remove", msg_id)
    assert removed.returncode == 0, removed.stderr
    assert f"Đã hủy thư {msg_id}" in removed.stdout and "đã hủy" in removed.stdout
    listed = run(data, "outbox", "list", "--status", "cancelled")
    assert msg_id in listed.stdout and "đã hủy" in listed.stdout
    twice = run(data, "outbox", "remove", msg_id)
    assert twice.returncode == 1 and "đã hủy rồi" in twice.stderr and "Traceback" not in twice.stderr
    sent = run(
        data,
        "outbox",
        "send",
        "--now",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(smtp_server.port),
        "--plain",
        "--smtp-from",
        "cdcs@example.vn",
    )
    assert sent.returncode == 0 and "Không có thư nào" in sent.stdout and smtp_server.received == []


# --- "Gửi thử": the server's answer in plain Vietnamese ----------------------------------------------


def _no_english(text: str) -> None:
    for word in (
        "Traceback",
        "Error",
        "error",
        "Authentication",
        "credentials",
        "refused",
        "Connection",
        "WRONG_VERSION",
        "SSLError",
        "not supported",
        "timed out",
    ):
        assert word not in text, (word, text)


def test_send_test_success_goes_to_the_sender(smtp_server):
    outcome = outbox.test_smtp(smtp_server.settings())
    assert outcome.ok and outcome.message.startswith("Gửi thử thành công")
    assert [m["Subject"] for m in smtp_server.received] == ["Thư thử từ phần mềm Thi đua – Khen thưởng"]
    assert smtp_server.envelopes[0][1] == ["cdcs.maylhoalu@example.vn"]
    _no_english(outcome.message)


def test_send_test_says_why_it_failed():
    from thidua_desktop.sending.smtp import SmtpSettings

    server = SmtpServer(user="cdcs@example.vn", password="dung-mat-khau").start()
    try:
        base = dict(host="127.0.0.1", port=server.port, security="plain", user="cdcs@example.vn", timeout=5)
        refused = outbox.test_smtp(SmtpSettings(**base), "sai-mat-khau")
        assert (refused.ok, refused.reason) == (False, "auth") and "từ chối đăng nhập" in refused.message
        assert "mật khẩu ứng dụng" in refused.message and "sai-mat-khau" not in refused.message
        tls = outbox.test_smtp(SmtpSettings(**{**base, "security": "starttls"}), "dung-mat-khau")
        assert (tls.ok, tls.reason) == (False, "tls") and "bảo mật (TLS)" in tls.message
        ssl = outbox.test_smtp(SmtpSettings(**{**base, "security": "ssl"}), "dung-mat-khau")
        assert (ssl.ok, ssl.reason) == (False, "tls")
        assert outbox.test_smtp(SmtpSettings(**base), "dung-mat-khau").ok
        for outcome in (refused, tls, ssl):
            _no_english(outcome.message)
    finally:
        server.stop()
    down = outbox.test_smtp(
        SmtpSettings(host="127.0.0.1", port=free_port(), security="plain", from_addr="cdcs@example.vn", timeout=5)
    )
    assert (down.ok, down.reason) == (False, "connect") and "Không kết nối được" in down.message
    _no_english(down.message)
    unset = outbox.test_smtp(SmtpSettings())
    assert (unset.ok, unset.reason) == (False, "settings") and "Chưa nhập máy chủ" in unset.message
    no_password = outbox.test_smtp(SmtpSettings(host="smtp.gmail.com", user="cdcs@gmail.com"))
    assert no_password.reason == "settings" and "mật khẩu" in no_password.message


def test_presets_and_the_help_page():
    assert {p.key: (p.host, p.port, p.security) for p in outbox.PRESETS} == {
        "gmail": ("smtp.gmail.com", 587, "starttls"),
        "outlook": ("smtp-mail.outlook.com", 587, "starttls"),
        "yahoo": ("smtp.mail.yahoo.com", 465, "ssl"),
        "own": ("", 587, "starttls"),
    }
    assert all(p.app_password for p in outbox.PRESETS if p.key != "own")
    page = outbox.help_page()
    assert page.name == "mat-khau-ung-dung.html" and page.parent.name == "help" and page.is_file()
    text = page.read_text(encoding="utf-8")
    assert 'lang="vi"' in text and "Mật khẩu ứng dụng" in text and "smtp.gmail.com" in text


def test_outbox_test_and_provider_from_the_command_line(tmp_path, smtp_server):
    from tests.test_cli_signing import SETUP, run

    data = tmp_path / "du-lieu"
    assert run(data, *SETUP).returncode == 0
    saved = run(data, "outbox", "settings", "--provider", "yahoo", "--smtp-user", "cdcs@yahoo.com")
    assert saved.returncode == 0 and "smtp.mail.yahoo.com:465" in saved.stdout and "ssl" in saved.stdout
    ok = run(
        data,
        "outbox",
        "test",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(smtp_server.port),
        "--plain",
        "--smtp-user",
        "",
        "--smtp-from",
        "cdcs@example.vn",
    )
    assert ok.returncode == 0 and ok.stdout.startswith("Gửi thử thành công"), ok.stderr
    assert [m["To"] for m in smtp_server.received] == ["cdcs@example.vn"]
    down = run(
        data,
        "outbox",
        "test",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(free_port()),
        "--plain",
        "--smtp-user",
        "",
        "--smtp-from",
        "cdcs@example.vn",
    )
    assert down.returncode == 1 and "Không kết nối được máy chủ" in down.stderr and "Traceback" not in down.stderr
    server = SmtpServer(user="cdcs@example.vn", password="dung").start()
    try:
        refused = run(
            data,
            "outbox",
            "test",
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            str(server.port),
            "--plain",
            "--smtp-user",
            "cdcs@example.vn",
            "--smtp-password-env",
            "PW",
            env={"PW": "sai"},
        )
    finally:
        server.stop()
    assert refused.returncode == 1 and "từ chối đăng nhập" in refused.stderr
    assert "mat-khau-ung-dung.html" in refused.stdout


# --- Vietnam time with its offset, one function for the GUI and the command line ---------------------------


def test_vietnam_time_with_its_offset():
    from datetime import datetime, timedelta, timezone

    from thidua_desktop.core.vn_time import format_day, format_time
    from thidua_desktop.signing.common import display_time

    moment = datetime(2026, 12, 4, 7, 5, 9, tzinfo=timezone.utc)
    assert format_time(moment) == "14:05 04/12/2026 (UTC+7)"
    assert format_time(moment.replace(tzinfo=None)) == "14:05 04/12/2026 (UTC+7)", "stored naive: UTC"
    assert format_time(moment.astimezone(timezone(timedelta(hours=-5)))) == "14:05 04/12/2026 (UTC+7)"
    assert format_time(moment, seconds=True) == "14:05:09 04/12/2026 (UTC+7)"
    assert format_time(datetime(2026, 12, 31, 20, 0, tzinfo=timezone.utc)) == "03:00 01/01/2027 (UTC+7)"
    assert format_time(None) == "" and format_time(None, unknown="(không rõ)") == "(không rõ)"
    assert format_day(datetime(2026, 12, 31, 20, 0, tzinfo=timezone.utc)) == "01/01/2027"
    assert display_time(moment) == format_time(moment), "the signing messages and the verdict say the same"


def test_the_command_line_shows_the_same_times_and_trusts_a_signer_from_a_signed_file(tmp_path, unit_key):
    from tests.test_cli_signing import SETUP, run
    from thidua_desktop.core.vn_time import format_time
    from thidua_desktop.services import signing
    from thidua_desktop.signing import keys

    data = tmp_path / "du-lieu"
    assert run(data, *SETUP, "--upper-email", "ldld.giavien@example.vn").returncode == 0
    attachment = tmp_path / "ghi-chu.pdf"
    attachment.write_bytes(b"%PDF-1.4\n")
    assert run(data, "outbox", "add", str(attachment)).returncode == 0
    listed = run(data, "outbox", "list").stdout
    assert "(UTC+7)" in listed
    p12, password, cert, _pem = unit_key
    signed = signing.sign_document(make_pdf(tmp_path / "bc.pdf", pages=1), signing.P12Spec(p12, password))
    stranger = run(data, "verify", str(signed.path))
    assert (
        stranger.returncode == 2
        and f"Thời gian ký (theo đồng hồ máy của người ký): {format_time(signed.signed_at)}" in stranger.stdout
    )
    trusted = run(data, "keys", "trust", str(signed.path), "--label", "CĐCS bạn")
    assert trusted.returncode == 0 and keys.fingerprint(cert) in trusted.stdout
    assert run(data, "verify", str(signed.path)).returncode == 0
