"""The outbox: nothing lost, nothing sent twice; a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import threading
from datetime import datetime, timedelta, timezone

import pytest

from tests.test_signing_fixtures import SmtpServer, free_port, smtp_server  # noqa: F401  (fixture)
from thidua_desktop.sending import staging
from thidua_desktop.sending.message import MessageError, write_eml
from thidua_desktop.sending.smtp import SmtpSettings, load_smtp_settings, save_smtp_settings
from thidua_desktop.services import outbox_queue as outbox
from thidua_desktop.store.models import OutboxMessage

T0 = datetime(2021, 2, 18, 9, 30, tzinfo=timezone.utc)
SUBJECT = "CĐCS Công ty TNHH May Hoa Lư gửi Bản đăng ký thi đua năm 2021"
BODY = "Kính gửi: LĐLĐ huyện Gia Viễn\n\nCông đoàn cơ sở trân trọng gửi bản đăng ký thi đua.\n\nTrân trọng."


@pytest.fixture
def files(tmp_path):
    a = tmp_path / "Bản đăng ký thi đua năm 2021-da-ky.pdf"
    a.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 300)
    b = tmp_path / "Đăng ký chỉ tiêu – Tổ may 1.xlsx"
    b.write_bytes(b"PK\x03\x04" + "dữ liệu".encode() * 5000)
    return [a, b]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _row(db, msg_id) -> OutboxMessage:
    with db.reading() as s:
        return s.get(OutboxMessage, msg_id)


def test_queue_copies_files_with_hashes_in_one_transaction(db, data_paths, files):
    entry = outbox.queue_message(db, data_paths, "ldld.giavien@example.vn", SUBJECT, BODY, files)
    assert entry.status == "queued" and entry.attempts == 0 and entry.to == ["ldld.giavien@example.vn"]
    folder = data_paths.root / "outbox" / str(entry.id)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.name for f in files)
    for rec, src in zip(entry.attachments, files):
        assert rec["name"] == src.name and rec["size"] == src.stat().st_size
        assert rec["sha256"] == _sha(src.read_bytes()) == _sha((data_paths.root / rec["stored"]).read_bytes())
    files[0].write_bytes(b"changed later")  # the queued copy is what will be sent
    assert _sha((data_paths.root / entry.attachments[0]["stored"]).read_bytes()) == entry.attachments[0]["sha256"]
    assert [e.id for e in outbox.list_messages(db)] == [entry.id]


def test_refusals_leave_nothing_behind(db, data_paths, files, tmp_path):
    with pytest.raises(outbox.OutboxError, match="quá lớn"):
        outbox.queue_message(db, data_paths, "a@example.vn", SUBJECT, BODY, files, max_bytes=100_000)
    with pytest.raises(MessageError, match="không hợp lệ"):
        outbox.queue_message(db, data_paths, "khong-phai-email", SUBJECT, BODY, files)
    with pytest.raises(outbox.OutboxError, match="Không tìm thấy tệp"):
        outbox.queue_message(db, data_paths, "a@example.vn", SUBJECT, BODY, [tmp_path / "khong-co.pdf"])
    with pytest.raises(outbox.OutboxError, match="tiêu đề"):
        outbox.queue_message(db, data_paths, "a@example.vn", "  ", BODY, files)
    # the database refuses (unknown report): the copied files are removed again
    import uuid

    with pytest.raises(Exception):
        outbox.queue_message(db, data_paths, "a@example.vn", SUBJECT, BODY, files, report_id=uuid.uuid4())
    assert outbox.list_messages(db) == []
    leftovers = [p for p in (data_paths.root / "outbox").iterdir() if not p.name.startswith(".send")]
    assert leftovers == []


def test_sent_over_smtp_with_vietnamese_text_and_intact_attachments(db, data_paths, files, smtp_server):
    entry = outbox.queue_message(
        db, data_paths, ["ldld.giavien@example.vn"], SUBJECT, BODY, files, cc=["chutich@example.vn"]
    )
    report = outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0)
    assert report.sent == [entry.id] and not report.errors
    assert len(smtp_server.received) == 1
    msg = smtp_server.received[0]
    assert msg["Subject"] == SUBJECT
    body = msg.get_body(("plain",))
    assert body.get_content_charset() == "utf-8"
    assert body.get_content().replace("\r\n", "\n").strip() == BODY.strip()
    atts = list(msg.iter_attachments())
    assert [a.get_filename() for a in atts] == [f.name for f in files]
    stored = [data_paths.root / rec["stored"] for rec in entry.attachments]
    assert [_sha(a.get_content()) for a in atts] == [_sha(p.read_bytes()) for p in stored]
    assert smtp_server.envelopes[0] == ("cdcs.maylhoalu@example.vn", ["ldld.giavien@example.vn", "chutich@example.vn"])
    row = _row(db, entry.id)
    assert row.status == "sent" and row.attempts == 1 and row.message_id == msg["Message-ID"]
    assert row.sent_at.replace(tzinfo=timezone.utc) == T0
    # sent messages are kept, and never sent again
    again = outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0 + timedelta(hours=1), force=True)
    assert again.attempted == 0 and len(smtp_server.received) == 1
    assert (data_paths.root / entry.attachments[0]["stored"]).exists()


def test_raw_headers_are_ascii_with_rfc2231_filenames(db, data_paths, files, smtp_server):
    outbox.queue_message(db, data_paths, "ldld.giavien@example.vn", SUBJECT, BODY, files)
    outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0)
    raw = smtp_server.received[0].as_bytes()
    assert raw.isascii()  # 7-bit clean: headers encoded, body and attachments in base64
    assert b"filename*" in raw and b"utf-8''" in raw


def test_server_down_then_up_message_waits_and_goes_once(db, data_paths, files):
    port = free_port()
    server = SmtpServer(port)
    entry = outbox.queue_message(db, data_paths, "ldld.giavien@example.vn", SUBJECT, BODY, files)
    down = outbox.send_pending(db, data_paths, server.settings(), now=T0)  # nothing listens on the port
    assert down.deferred == [entry.id] and not down.sent
    row = _row(db, entry.id)
    assert row.status == "queued" and row.attempts == 1 and "Không kết nối được máy chủ thư" in row.last_error
    assert row.next_attempt_at.replace(tzinfo=timezone.utc) == T0 + timedelta(minutes=1)
    # not due yet: nothing is tried
    assert outbox.send_pending(db, data_paths, server.settings(), now=T0 + timedelta(seconds=30)).attempted == 0
    server.start()
    try:
        up = outbox.send_pending(db, data_paths, server.settings(), now=T0 + timedelta(minutes=2))
        assert up.sent == [entry.id]
        assert (
            outbox.send_pending(db, data_paths, server.settings(), now=T0 + timedelta(hours=3), force=True).attempted
            == 0
        )
        assert len(server.received) == 1
    finally:
        server.stop()
    row = _row(db, entry.id)
    assert row.status == "sent" and row.attempts == 2


def test_backoff_schedule():
    assert [outbox.backoff(n) for n in range(1, 7)] == [timedelta(minutes=m) for m in (1, 5, 15, 60, 60, 60)]


def test_refused_recipient_fails_temporary_refusal_waits(db, data_paths, files):
    server = SmtpServer(
        refuse={"sai@example.vn": "550 5.1.1 Người nhận không tồn tại", "tam@example.vn": "451 4.3.0 Thử lại sau"}
    ).start()
    try:
        bad = outbox.queue_message(db, data_paths, "sai@example.vn", SUBJECT, BODY, files)
        later = outbox.queue_message(db, data_paths, "tam@example.vn", SUBJECT, BODY, files)
        good = outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
        report = outbox.send_pending(db, data_paths, server.settings(), now=T0)
        assert report.failed == [bad.id] and report.deferred == [later.id] and report.sent == [good.id]
        assert _row(db, bad.id).status == "failed" and "550" in _row(db, bad.id).last_error
        assert _row(db, later.id).status == "queued" and "451" in _row(db, later.id).last_error
        assert len(server.received) == 1
        # a failed message is kept and can be queued again
        assert outbox.retry(db, str(bad.id)[:8]).status == "queued"
        with pytest.raises(outbox.OutboxError, match="đã gửi xong"):
            outbox.retry(db, good.id)
    finally:
        server.stop()


def test_changed_queued_file_is_never_sent(db, data_paths, files, smtp_server):
    entry = outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
    (data_paths.root / entry.attachments[1]["stored"]).write_bytes(b"PK\x03\x04 sua doi")
    report = outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0)
    assert report.failed == [entry.id] and smtp_server.received == []
    assert "SHA-256 không khớp" in _row(db, entry.id).last_error and _row(db, entry.id).status == "failed"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_and_wrong_password_never_recorded(db, data_paths, files, tmp_path):
    secret = "Mk-Email-Bí-Mật-42"
    server = SmtpServer(user="cdcs.maylhoalu@example.vn", password=secret).start()
    try:
        entry = outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
        wrong = outbox.send_pending(db, data_paths, server.settings(password="sai-" + secret), now=T0)
        assert wrong.deferred == [entry.id] and "từ chối đăng nhập" in _row(db, entry.id).last_error
        save_smtp_settings(data_paths, server.settings())
        ok = outbox.send_pending(db, data_paths, server.settings(), now=T0 + timedelta(minutes=5))
        assert ok.sent == [entry.id] and server.logins == ["cdcs.maylhoalu@example.vn"]
    finally:
        server.stop()
    loaded = load_smtp_settings(data_paths)
    assert loaded.host == "127.0.0.1" and loaded.user == "cdcs.maylhoalu@example.vn" and loaded.password == ""
    db.close()
    import base64

    forms = [secret.encode(), base64.b64encode(secret.encode())]
    for path in data_paths.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(f in data for f in forms), path


def test_one_sender_at_a_time(db, data_paths, files, smtp_server):
    outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
    with staging.send_lock(data_paths) as held:
        assert held
        result = {}
        t = threading.Thread(
            target=lambda: result.setdefault("r", outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0))
        )
        t.start()
        t.join()
    assert result["r"].busy and smtp_server.received == []
    assert outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0).sent


def test_crash_between_accept_and_mark_resends_with_the_same_message_id(
    db, data_paths, files, smtp_server, monkeypatch
):
    """The documented case: accepted by the server, then the program dies before marking it sent."""
    entry = outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)

    def crash(*a, **k):
        raise SystemExit("mất điện")

    monkeypatch.setattr(outbox, "_record_sent", crash)
    with pytest.raises(SystemExit):
        outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0)
    monkeypatch.undo()
    assert _row(db, entry.id).status == "queued"  # not lost
    outbox.send_pending(db, data_paths, smtp_server.settings(), now=T0 + timedelta(minutes=1))
    assert len(smtp_server.received) == 2
    assert (
        smtp_server.received[0]["Message-ID"] == smtp_server.received[1]["Message-ID"] == _row(db, entry.id).message_id
    )


def test_starttls_refused_by_server_is_a_clear_error(db, data_paths, files, smtp_server):
    outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
    report = outbox.send_pending(db, data_paths, smtp_server.settings(security="starttls"), now=T0)
    assert report.deferred and "STARTTLS" in report.errors[0]
    report = outbox.send_pending(db, data_paths, SmtpSettings(), now=T0, force=True)
    assert report.attempted == 0 and "Chưa cài đặt máy chủ" in report.errors[0]
    report = outbox.send_pending(db, data_paths, SmtpSettings(host="127.0.0.1"), now=T0, force=True)
    assert report.attempted == 0 and "Chưa có địa chỉ email gửi đi" in report.errors[0]


def test_eml_draft_opens_as_unsent_with_attachments(tmp_path, files):
    out = write_eml(
        tmp_path / "thư nháp.eml",
        to=["ldld.giavien@example.vn"],
        subject=SUBJECT,
        body=BODY,
        attachments=files,
        from_addr="cdcs@example.vn",
        from_name="CĐCS May Hoa Lư",
    )
    raw = out.read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["Subject"] == SUBJECT and msg["To"] == "ldld.giavien@example.vn"
    assert str(msg["From"]) == "CĐCS May Hoa Lư <cdcs@example.vn>"
    atts = list(msg.iter_attachments())
    assert [a.get_filename() for a in atts] == [f.name for f in files]
    assert [_sha(a.get_content()) for a in atts] == [_sha(f.read_bytes()) for f in files]
    assert atts[0].get_content_type() == "application/pdf"
    assert atts[1].get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert raw.split(b"\r\n\r\n", 1)[0].isascii()


def test_orphan_folders_are_cleaned(db, data_paths, files):
    entry = outbox.queue_message(db, data_paths, "ldld@example.vn", SUBJECT, BODY, files)
    (data_paths.root / "outbox" / ".staging-dead").mkdir()
    (data_paths.root / "outbox" / "00000000-0000-0000-0000-000000000000").mkdir()
    removed = outbox.remove_orphan_folders(db, data_paths)
    assert len(removed) == 2 and (data_paths.root / "outbox" / str(entry.id)).is_dir()


# --- sending a report: what was sent is recorded, the version is locked ---------------------------------


T1 = datetime(2021, 7, 4, 2, 30, tzinfo=timezone.utc)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


@pytest.fixture
def complete_report(seeded_db):
    from tests.test_reports import fill_everything
    from tests.test_results import JULY, make_year
    from thidua_desktop.services import reports

    make_year(seeded_db)
    info = reports.draft_report(seeded_db, 2021, "midyear", today=JULY)
    fill_everything(seeded_db, info.id)
    reports.set_status(seeded_db, info.id, "complete")
    return seeded_db, info.id


def test_sending_a_report_records_the_hashes_and_locks_the_version(complete_report, data_paths, files, smtp_server):
    from thidua_desktop.services import outbox as svc
    from thidua_desktop.services import reports
    from thidua_desktop.store.errors import ValidationError

    db, report_id = complete_report
    entry = svc.send_report(db, data_paths, report_id, files, at=T1)
    info = reports.get_report(db, report_id)
    assert info.status == "sent" and _naive(info.sent_at) == _naive(T1)  # locked by the same action
    assert entry.report_id.hex == report_id and entry.to == ["ldld.giavien@example.vn"]
    assert entry.subject == "Báo cáo sơ kết 6 tháng đầu năm 2021 của Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert [(a["name"], a["sha256"]) for a in entry.attachments] == [(f.name, _sha(f.read_bytes())) for f in files]
    with pytest.raises(ValidationError, match="đã gửi nên chỉ được xem"):
        reports.update_section(db, report_id, "situation", "Sửa sau khi gửi")
    # while it waits in the outbox a second message is refused (nothing twice by accident)
    with pytest.raises(MessageError, match="đang chờ gửi trong hộp thư đi"):
        svc.send_report(db, data_paths, report_id, files, resend=True)
    assert outbox.send_pending(db, data_paths, smtp_server.settings(), now=T1 + timedelta(minutes=3)).sent
    with pytest.raises(MessageError, match=r"đã gửi lúc .* tới ldld.giavien@example.vn.*phiên bản 2"):
        svc.send_report(db, data_paths, report_id, files)
    changed = files[0].with_name("khac.pdf")
    changed.write_bytes(files[0].read_bytes() + b"%% sua")
    with pytest.raises(MessageError, match="khác các tệp đã gửi"):
        svc.send_report(db, data_paths, report_id, [changed, files[1]], resend=True)
    assert len(svc.list_messages(db)) == 1
    again = svc.send_report(db, data_paths, report_id, list(reversed(files)), resend=True)  # the same files
    assert again.status == "queued" and _naive(reports.get_report(db, report_id).sent_at) == _naive(
        T1
    )  # the first sending kept
    history = svc.report_history(db, report_id)
    assert [(h.version, h.entry.status, h.how) for h in history] == [(1, "sent", "outbox"), (1, "queued", "outbox")]
    assert history[0].entry.sent_at == T1 + timedelta(minutes=3)
    # a correction is version 2, sent with other files
    v2 = reports.new_version(db, report_id)
    with pytest.raises(MessageError, match="bản nháp"):
        svc.send_report(db, data_paths, v2.id, [changed])
    reports.set_status(db, v2.id, "complete")
    svc.send_report(db, data_paths, v2.id, [changed], at=T1 + timedelta(days=2))
    assert [(h.version, h.label) for h in svc.report_history(db, v2.id)][-1] == (2, "Báo cáo sơ kết (phiên bản 2)")
    assert len(svc.report_history(db, year=2021)) == 3


def test_report_eml_is_recorded_and_locks_or_changes_nothing(complete_report, data_paths, files, tmp_path):
    from thidua_desktop.services import outbox as svc
    from thidua_desktop.services import reports

    db, report_id = complete_report
    with pytest.raises(MessageError, match="không tồn tại"):
        svc.report_eml(db, data_paths, report_id, tmp_path / "khong-co" / "thu.eml", files)
    assert reports.get_report(db, report_id).status == "complete" and svc.list_messages(db) == []
    out, entry = svc.report_eml(db, data_paths, report_id, tmp_path / "gui-cap-tren.eml", files, at=T1)
    assert (entry.status, entry.sent_at, entry.report_id.hex) == ("eml", T1, report_id)
    assert [a["sha256"] for a in entry.attachments] == [_sha(f.read_bytes()) for f in files]
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "ldld.giavien@example.vn" and msg["X-Unsent"] == "1"
    assert msg["Message-ID"] == entry.message_id and "Báo cáo sơ kết 6 tháng đầu năm 2021" in msg["Subject"]
    assert [(p.get_filename(), _sha(p.get_content())) for p in msg.iter_attachments()] == [
        (f.name, _sha(f.read_bytes())) for f in files
    ]
    assert reports.get_report(db, report_id).status == "sent"
    with pytest.raises(MessageError, match="đã gửi lúc"):
        svc.report_eml(db, data_paths, report_id, tmp_path / "lan-hai.eml", files)
    assert not (tmp_path / "lan-hai.eml").exists()
    with pytest.raises(MessageError, match="thư nháp .eml"):
        outbox.retry(db, entry.id)  # an .eml record is not in the sending queue
    assert (
        outbox.send_pending(
            db, data_paths, SmtpSettings(host="127.0.0.1", port=free_port(), from_addr="a@example.vn")
        ).attempted
        == 0
    )
