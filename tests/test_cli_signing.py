"""``thidua keys|sign|verify|place-image|outbox|send`` as a user runs them: real processes."""

from __future__ import annotations

import email
import email.policy
import hashlib
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import SETUP, thidua
from tests.test_signing_fixtures import (  # noqa: F401  (fixtures)
    SmtpServer,
    make_pdf,
    make_workbook,
    needs_softhsm,
    softhsm_token,
    stamp_images,
    signing_ca,
)

PASSWORD = "Khóa-Đơn-Vị-2021!"
PIN_SECRET = "246810"


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "du-lieu"
    setup = list(SETUP) + ["--upper-email", "ldld.giavien@example.vn", "--email", "cdcs.hoalu@example.vn"]
    result = run(path, *setup)
    assert result.returncode == 0, result.stderr
    return path


class _Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(folder, *args, env=None, process=False):
    """``thidua --data-dir FOLDER ARGS`` with the secrets in environment variables; in this process
    (the same ``main()``, output captured) unless ``process`` asks for a real child process."""
    env = {"MK": PASSWORD, **(env or {})}
    argv = ["--data-dir", str(folder), *args]
    if process:
        return thidua(*argv, env=env)
    import contextlib
    import io
    import os

    from thidua_desktop.cli.main import main

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse refusals
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return _Result(code, out.getvalue(), err.getvalue())


def _everything_written(folder: Path, *results) -> bytes:
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.suffix == ".p12"]
    blobs += [(r.stdout + r.stderr).encode() for r in results]
    return b"\n".join(blobs)


def test_keys_sign_verify_a_pdf(folder, tmp_path, stamp_images):
    key = tmp_path / "don-vi.p12"
    created = run(
        folder, "keys", "create", "--name", "CĐCS Công ty TNHH May Hoa Lư", "--out", str(key), "--password-env", "MK"
    )
    assert created.returncode == 0, created.stderr
    assert "Dấu vân tay SHA-256" in created.stdout and "CĐCS Công ty TNHH May Hoa Lư" in created.stdout
    fp = created.stdout.split("Dấu vân tay SHA-256 : ")[1].splitlines()[0]
    shown = run(folder, "keys", "show", str(key), "--password-env", "MK")
    assert shown.returncode == 0 and fp in shown.stdout and "tự cấp" in shown.stdout
    wrong = run(folder, "keys", "show", str(key), "--password-env", "MK", env={"MK": "sai"})
    assert wrong.returncode == 1 and "sai mật khẩu" in wrong.stderr
    pem = tmp_path / "don-vi.pem"
    exported = run(folder, "keys", "export-cert", str(key), "--password-env", "MK", "--out", str(pem))
    assert exported.returncode == 0 and fp in exported.stdout and pem.read_text().startswith("-----BEGIN CERT")
    assert run(folder, "keys", "show", str(pem)).returncode == 0

    src = make_pdf(tmp_path / "Báo cáo sơ kết đợt 1.pdf")
    signed = run(
        folder,
        "sign",
        str(src),
        "--p12",
        str(key),
        "--password-env",
        "MK",
        "--image",
        str(stamp_images[0]),
        "--seal",
        str(stamp_images[1]),
        "--location",
        "Gia Viễn",
    )
    assert signed.returncode == 0, signed.stderr
    out = tmp_path / "Báo cáo sơ kết đợt 1-da-ky.pdf"
    assert out.exists() and "+07:00" in signed.stdout

    stranger = run(folder, "verify", str(out), process=True)
    assert stranger.returncode == 2 and "CHƯA được tin cậy" in stranger.stderr
    known = run(folder, "verify", str(out), "--trust", str(pem), process=True)
    assert known.returncode == 0, known.stdout + known.stderr
    assert "Người ký: CĐCS Công ty TNHH May Hoa Lư" in known.stdout and "toàn bộ tệp PDF" in known.stdout
    assert "Thời gian ký" in known.stdout and "(UTC+7)" in known.stdout
    # registering the certificate in the data folder's trusted list makes --trust unnecessary
    trusted = run(folder, "keys", "trust", str(pem))
    assert trusted.returncode == 0 and fp in trusted.stdout
    assert run(folder, "verify", str(out)).returncode == 0
    assert fp in run(folder, "keys", "trusted").stdout

    data = bytearray(out.read_bytes())
    data[data.index(b"thidua-test")] = ord("X")
    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(bytes(data))
    bad = run(folder, "verify", str(tampered))
    assert bad.returncode == 2 and "thay đổi sau khi ký" in bad.stdout
    assert run(folder, "verify", str(src)).returncode == 2  # unsigned
    junk = tmp_path / "rac.pdf"
    junk.write_bytes(b"khong phai pdf")
    assert run(folder, "verify", str(junk), process=True).returncode == 1
    assert run(folder, "verify", str(tmp_path / "khong-co.pdf")).returncode == 1

    assert run(folder, "keys", "untrust", fp[:9]).returncode == 0
    assert run(folder, "verify", str(out)).returncode == 2
    assert PASSWORD.encode() not in _everything_written(folder, created, shown, signed, known, bad)


def test_sign_workbook_with_p7s_and_resave(folder, tmp_path):
    key = tmp_path / "k.p12"
    assert run(folder, "keys", "create", "--out", str(key), "--password-env", "MK", "--algorithm", "ec").returncode == 0
    pem = tmp_path / "k.pem"
    assert run(folder, "keys", "export-cert", str(key), "--password-env", "MK", "--out", str(pem)).returncode == 0
    src = make_workbook(tmp_path / "1-HĐCĐ.xlsx", rows=30)
    signed = run(
        folder, "sign", str(src), "--p12", str(key), "--password-env", "MK", "--p7s", "--out", str(tmp_path / "ky.xlsx")
    )
    assert signed.returncode == 0, signed.stderr
    assert (tmp_path / "ky.xlsx.p7s").exists() and "_chu_ky_so" in signed.stdout
    ok = run(folder, "verify", str(tmp_path / "ky.xlsx"), "--trust", str(pem))
    assert ok.returncode == 0 and "CĐCS Công ty TNHH May Hoa Lư" in ok.stdout and "p7s đi kèm: khớp" in ok.stdout
    wb = openpyxl.load_workbook(tmp_path / "ky.xlsx")
    wb["Mẫu 1-HĐCĐ"]["C6"] = 100
    wb.save(tmp_path / "sua.xlsx")
    assert run(folder, "verify", str(tmp_path / "sua.xlsx"), "--trust", str(pem)).returncode == 2
    image_on_xlsx = run(folder, "sign", str(src), "--p12", str(key), "--password-env", "MK", "--image", str(pem))
    assert image_on_xlsx.returncode == 1 and "chỉ dùng cho tệp PDF" in image_on_xlsx.stderr


def test_missing_secret_and_bad_choices_are_refused(folder, tmp_path):
    src = make_pdf(tmp_path / "a.pdf")
    no_env = run(folder, "sign", str(src), "--p12", str(tmp_path / "k.p12"), "--password-env", "KHONG_CO")
    assert no_env.returncode == 1 and "KHONG_CO" in no_env.stderr
    no_key = run(folder, "sign", str(src))
    assert no_key.returncode == 1 and "Cần khóa để ký" in no_key.stderr
    short = run(folder, "keys", "create", "--out", str(tmp_path / "x.p12"), "--password-env", "MK", env={"MK": "ngan"})
    assert short.returncode == 1 and "ít nhất 8" in short.stderr


def test_place_image_is_labelled_as_an_image_not_a_digital_signature(folder, tmp_path, stamp_images):
    src = make_pdf(tmp_path / "a.pdf")
    placed = run(folder, "place-image", str(src), "--image", str(stamp_images[0]), "--seal", str(stamp_images[1]))
    assert placed.returncode == 0, placed.stderr
    assert "hình ảnh chữ ký" in placed.stdout and "KHÔNG phải chữ ký số" in placed.stdout
    assert run(folder, "verify", str(tmp_path / "a-hinh-chu-ky.pdf")).returncode == 2


@needs_softhsm
def test_sign_with_the_token_through_the_cli(folder, tmp_path, softhsm_token):
    src = make_pdf(tmp_path / "bc.pdf")
    ca = tmp_path / "ca.pem"
    softhsm_token.ca.pem(ca)
    env = {"PIN": softhsm_token.pin, "SOFTHSM2_CONF": str(softhsm_token.conf)}
    listed = run(folder, "keys", "tokens", "--pkcs11-lib", softhsm_token.lib, env=env)
    assert listed.returncode == 0 and softhsm_token.label in listed.stdout
    signed = run(
        folder,
        "sign",
        str(src),
        "--pkcs11-lib",
        softhsm_token.lib,
        "--token-label",
        softhsm_token.label,
        "--key-label",
        softhsm_token.key_label,
        "--pin-env",
        "PIN",
        env=env,
        process=True,
    )
    assert signed.returncode == 0, signed.stderr
    ok = run(folder, "verify", str(tmp_path / "bc-da-ky.pdf"), "--trust", str(ca))
    assert ok.returncode == 0 and "CÔNG TY TNHH MAY HOA LƯ" in ok.stdout and "được tin cậy" in ok.stdout
    xlsx = make_workbook(tmp_path / "bc.xlsx", rows=10)
    assert (
        run(
            folder,
            "sign",
            str(xlsx),
            "--pkcs11-lib",
            softhsm_token.lib,
            "--token-label",
            softhsm_token.label,
            "--key-label",
            softhsm_token.key_label,
            "--pin-env",
            "PIN",
            env=env,
        ).returncode
        == 0
    )
    assert run(folder, "verify", str(tmp_path / "bc-da-ky.xlsx"), "--trust", str(ca)).returncode == 0
    wrong = run(
        folder,
        "sign",
        str(src),
        "--pkcs11-lib",
        softhsm_token.lib,
        "--token-label",
        softhsm_token.label,
        "--key-label",
        softhsm_token.key_label,
        "--pin-env",
        "PIN",
        "--out",
        str(tmp_path / "x.pdf"),
        env={**env, "PIN": "135790"},
    )
    assert wrong.returncode == 1 and "Sai mã PIN" in wrong.stderr and not (tmp_path / "x.pdf").exists()
    assert b"135790" not in _everything_written(folder, wrong) and PIN_SECRET.encode() not in _everything_written(
        folder, listed, signed, ok
    )


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_outbox_add_list_send_and_eml(folder, tmp_path):
    secret = "Mật-khẩu-email-77"
    files = [make_pdf(tmp_path / "Bản đăng ký thi đua-da-ky.pdf"), make_workbook(tmp_path / "Chỉ tiêu.xlsx", rows=5)]
    added = run(folder, "outbox", "add", *map(str, files), "--title", "Bản đăng ký thi đua năm 2021")
    assert added.returncode == 0, added.stderr
    assert "ldld.giavien@example.vn" in added.stdout
    listed = run(folder, "outbox", "list")
    assert "chờ gửi" in listed.stdout and "Bản đăng ký thi đua năm 2021" in listed.stdout

    server = SmtpServer(user="cdcs.hoalu@example.vn", password=secret)
    smtp = [
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(server.port),
        "--smtp-user",
        "cdcs.hoalu@example.vn",
        "--smtp-password-env",
        "SMTP_PW",
        "--plain",
        "--save",
    ]
    down = run(folder, "outbox", "send", *smtp, env={"SMTP_PW": secret})
    assert down.returncode == 1 and "Không kết nối được máy chủ thư" in down.stderr
    assert "thử lại sau" in run(folder, "outbox", "list").stdout
    server.start()
    try:
        not_yet = run(folder, "outbox", "send", "--smtp-password-env", "SMTP_PW", env={"SMTP_PW": secret})
        assert not_yet.returncode == 0 and "dùng --now" in not_yet.stdout
        sent = run(folder, "outbox", "send", "--now", "--smtp-password-env", "SMTP_PW", env={"SMTP_PW": secret})
        assert sent.returncode == 0, sent.stderr
        assert "Đã gửi 1 thư" in sent.stdout and len(server.received) == 1
        again = run(folder, "send", str(files[0]), "--smtp-password-env", "SMTP_PW", env={"SMTP_PW": secret})
        assert again.returncode == 0 and len(server.received) == 2
    finally:
        server.stop()
    msg = server.received[0]
    assert msg["Subject"] == "CĐCS Công ty TNHH May Hoa Lư gửi Bản đăng ký thi đua năm 2021"
    text = msg.get_body(("plain",)).get_content()
    assert "Kính gửi: LĐLĐ huyện Gia Viễn" in text and "đã được ký số" in text and "Phạm Thị Hoa" in text
    got = {a.get_filename(): hashlib.sha256(a.get_content()).hexdigest() for a in msg.iter_attachments()}
    assert got == {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    assert "đã gửi" in run(folder, "outbox", "list", "--status", "sent").stdout

    eml = tmp_path / "thu-nhap.eml"
    made = run(folder, "outbox", "eml", "--out", str(eml), *map(str, files))
    assert made.returncode == 0, made.stderr
    draft = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert draft["To"] == "ldld.giavien@example.vn" and draft["X-Unsent"] == "1"
    assert [a.get_filename() for a in draft.iter_attachments()] == [f.name for f in files]
    assert secret.encode() not in _everything_written(folder, added, down, not_yet, sent, again, made)
    assert (folder / "smtp.json").exists() and b"127.0.0.1" in (folder / "smtp.json").read_bytes()


def _complete_midyear_report(folder) -> str:
    from tests.test_reports import fill_everything
    from tests.test_results import JULY, make_year
    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services import reports
    from thidua_desktop.store.database import Database

    db = Database.open(DataPaths(folder), actor="kiemthu")
    try:
        make_year(db)
        report_id = reports.draft_report(db, 2021, "midyear", today=JULY).id
        fill_everything(db, report_id)
        reports.set_status(db, report_id, "complete")
    finally:
        db.close()
    return report_id


def test_sending_a_report_is_recorded_locked_and_not_sent_twice(folder, tmp_path):
    report_id = _complete_midyear_report(folder)
    files = [make_pdf(tmp_path / "so-ket-da-ky.pdf"), make_workbook(tmp_path / "so-ket-da-ky.xlsx", rows=5)]
    eml = tmp_path / "so-ket.eml"
    made = run(folder, "outbox", "eml", "--out", str(eml), "--report", report_id[:8], *map(str, files))
    assert made.returncode == 0, made.stderr
    assert "báo cáo đã khóa" in made.stdout
    draft = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert [a.get_filename() for a in draft.iter_attachments()] == [f.name for f in files]
    twice = run(folder, "outbox", "add", "--report", report_id[:8], *map(str, files))
    assert twice.returncode == 1 and "đã gửi lúc" in twice.stderr and "phiên bản 2" in twice.stderr
    other = make_pdf(tmp_path / "khac.pdf", pages=3)
    changed = run(folder, "outbox", "add", "--report", report_id[:8], "--resend", str(other), str(files[1]))
    assert changed.returncode == 1 and "khác các tệp đã gửi" in changed.stderr
    same = run(folder, "outbox", "add", "--report", report_id[:8], "--resend", *map(str, files))
    assert same.returncode == 0, same.stderr
    history = run(folder, "outbox", "history", "--report", report_id[:8])
    assert history.returncode == 0, history.stderr
    lines = history.stdout
    assert lines.count("Báo cáo sơ kết (phiên bản 1)") == 2 and "thư nháp .eml" in lines and "chờ gửi" in lines
    for f in files:
        assert (
            f"{f.name} ({f.stat().st_size:,} byte) SHA-256 {hashlib.sha256(f.read_bytes()).hexdigest()}".replace(
                ",", "."
            )
            in lines
        )
    assert "gửi tới: ldld.giavien@example.vn" in lines
    assert run(folder, "outbox", "history", "--year", "2021").stdout == lines
    edit = run(folder, "report", "edit-section", "--id", report_id[:8], "situation", "--text", "Sửa sau khi gửi")
    assert edit.returncode == 1 and "đã gửi" in edit.stderr


def test_the_report_is_found_from_its_workbook_when_sent_without_report(folder, tmp_path):
    """The exported pair of a report: its workbook's machine sheet names the report, so a plain
    ``thidua send``/``outbox eml`` records and locks it too (nothing sent twice by accident)."""
    report_id = _complete_midyear_report(folder)
    pair = [tmp_path / "so-ket.pdf", tmp_path / "so-ket.xlsx"]
    for f in pair:
        made = run(folder, "document", "midyear-report", "--year", "2021", "--out", str(f), "--date", "2021-07-03")
        assert made.returncode == 0, made.stderr
    first = run(folder, "outbox", "eml", "--out", str(tmp_path / "so-ket.eml"), *map(str, pair))
    assert first.returncode == 0, first.stderr
    assert f"--report {report_id[:8]}" in first.stdout
    second = run(folder, "outbox", "add", *map(str, pair))
    assert second.returncode == 1 and "đã gửi lúc" in second.stderr
    assert "Báo cáo sơ kết (phiên bản 1)" in run(folder, "outbox", "history", "--year", "2021").stdout
    alone = run(folder, "outbox", "add", str(pair[0]))  # the PDF alone names its report too (its Keywords)
    assert alone.returncode == 1 and "đã gửi lúc" in alone.stderr
    other = tmp_path / "dang-ky.pdf"  # a document that is not a report: an ordinary message
    made = run(folder, "document", "registration", "--year", "2021", "--out", str(other), "--date", "2021-02-18")
    assert made.returncode == 0, made.stderr
    plain = run(folder, "outbox", "add", str(other))
    assert plain.returncode == 0, plain.stderr


def test_a_report_pdf_alone_signed_or_not_names_its_report(folder, tmp_path):
    """A report's PDF carries ``thidua-report:<id>`` in its Keywords, kept through signing, so a PDF
    sent on its own is recorded against its report and locks it."""
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import outbox, signing
    from thidua_desktop.signing.signers import P12Spec
    from thidua_desktop.store.database import Database

    report_id = _complete_midyear_report(folder)
    pdf = tmp_path / "so-ket.pdf"
    made = run(folder, "document", "midyear-report", "--year", "2021", "--out", str(pdf), "--date", "2021-07-03")
    assert made.returncode == 0, made.stderr
    key = tmp_path / "unit.p12"
    created = run(
        folder, "keys", "create", "--name", "CĐCS Công ty TNHH May Hoa Lư", "--out", str(key), "--password-env", "MK"
    )
    assert created.returncode == 0, created.stderr
    signed = signing.sign_document(pdf, P12Spec(key, PASSWORD)).path
    db = Database.open(app_paths.resolve(folder))
    try:
        found = outbox.report_of_files(db, [pdf])
        assert found and found.startswith(report_id.replace("-", "")[:8])
        assert outbox.report_of_files(db, [signed]) == outbox.report_of_files(db, [pdf])
        assert outbox.report_of_files(db, [tmp_path / "missing.pdf"]) is None
    finally:
        db.close()
    eml = run(folder, "outbox", "eml", "--out", str(tmp_path / "so-ket.eml"), str(signed))
    assert eml.returncode == 0, eml.stderr
    assert f"--report {report_id[:8]}" in eml.stdout
