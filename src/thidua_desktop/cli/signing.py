"""``thidua keys|sign|place-image|verify|outbox|send``: signing, verifying and sending, from a terminal.

Secrets are never arguments (they would show in the shell history and the process list): the
password of a key file, the PIN of a token and the SMTP password are read from an environment
variable named with ``--password-env`` / ``--pin-env`` / ``--smtp-password-env``, or asked for
on the terminal when none is named.

``thidua verify`` exits 0 when the file is intact and signed by a trusted or known signer; 1 when
the file cannot be read or is refused before reading (e.g. a zip whose sizes lie); 2 when the
signature is missing or broken, the content was changed after signing, or the signer is not
trusted; 4 when the signature is intact, by a trusted or known signer, and covers all the content,
but the PDF has later additions that change no content (a no-op incremental update, bytes after
``%%EOF``), which the output names. (3 stays the unexpected error of every command.)
"""

from __future__ import annotations

import os
import sys

from thidua_desktop.cli.common import CliError, err, open_db, out

EXIT_OK, EXIT_REFUSED, EXIT_NOT_VALID = 0, 1, 2
EXIT_LATER_ADDITIONS = 4  # thidua verify: signed content intact, bytes added after it that change no content


def _secret(env_name: str | None, what: str, *, required: bool = True) -> str | None:
    if env_name:
        value = os.environ.get(env_name)
        if value is None:
            raise CliError(f"Biến môi trường {env_name} (chứa {what}) chưa được đặt.")
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Nhập {what}: ")
    if required:
        raise CliError(
            f"Cần {what}: đặt nó vào một biến môi trường và chỉ tên biến đó (ví dụ --password-env TEN_BIEN)."
        )
    return None


def _signing_errors(func):
    """SigningError / OutboxError / MessageError (each a UserError) → a Vietnamese refusal (exit 1),
    shown without the chain of causes."""

    def run(args) -> int:
        from thidua_desktop.errors import UserError

        try:
            return func(args)
        except CliError:
            raise
        except UserError as exc:
            raise CliError(exc.message) from None

    run.__name__ = func.__name__
    return run


# --- keys --------------------------------------------------------------------------------------------


def _print_cert(cert) -> None:
    from thidua_desktop.services.signing import certificate_info
    from thidua_desktop.signing.common import display_time

    info = certificate_info(cert)
    out(f"Chủ thể (CN)        : {info.subject}")
    if info.organization:
        out(f"Tổ chức (O)         : {info.organization}")
    out(f"Nơi cấp             : {'tự cấp (chứng thư của đơn vị)' if info.self_signed else info.issuer}")
    out(f"Hiệu lực            : {display_time(info.not_before)} — {display_time(info.not_after)}")
    out(f"Loại khóa           : {info.key_type}")
    out(f"Mục đích sử dụng    : {', '.join(info.usages)}")
    out(f"Dấu vân tay SHA-256 : {info.fingerprint}")


@_signing_errors
def cmd_keys_create(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import signing as svc

    password = _secret(args.password_env, "mật khẩu cho tệp khóa")
    if not args.password_env and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        if getpass.getpass("Nhập lại mật khẩu: ") != password:
            raise CliError("Hai lần nhập mật khẩu không khớp.")
    name = args.name
    db = None
    if not name:
        if not args.paths.database.exists():
            raise CliError('Cần --name "CĐCS …" (chưa khai báo đơn vị trong thư mục dữ liệu).')
        db = open_db(args)
    try:
        kf = svc.create_unit_key(
            db, args.paths, password, algorithm=args.algorithm, out=Path(args.out) if args.out else None, name=name
        )
    finally:
        if db is not None:
            db.close()
    out(f"Đã tạo khóa và chứng thư số của đơn vị: {kf.path}")
    _print_cert(kf.certificate)
    out("")
    out("Giữ tệp khóa và mật khẩu cẩn thận: mất mật khẩu thì không mở lại được khóa.")
    out(
        "Gửi chứng thư số (thidua keys export-cert …) cho công đoàn cấp trên và đọc dấu vân tay ở trên qua "
        "điện thoại để cấp trên đối chiếu trước khi đăng ký."
    )
    return EXIT_OK


def _load_any_certificate(args):
    from pathlib import Path

    from thidua_desktop.signing import keys

    path = Path(args.file)
    if path.suffix.lower() in keys.KEY_FILE_SUFFIXES:
        password = _secret(args.password_env, f"mật khẩu của tệp khóa {path.name}")
        return keys.load_key_file(path, password).certificate
    return keys.load_certificate_file(path)


@_signing_errors
def cmd_keys_show(args) -> int:
    _print_cert(_load_any_certificate(args))
    return EXIT_OK


@_signing_errors
def cmd_keys_export_cert(args) -> int:
    from pathlib import Path

    from thidua_desktop.signing import keys

    password = _secret(args.password_env, f"mật khẩu của tệp khóa {Path(args.file).name}")
    cert = keys.export_certificate_pem(args.file, password, args.out, overwrite=args.force)
    out(f"Đã ghi chứng thư số (khóa công khai, không có khóa bí mật) vào {args.out}")
    out(f"Dấu vân tay SHA-256: {keys.fingerprint(cert)}")
    return EXIT_OK


@_signing_errors
def cmd_keys_trust(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import signing as svc
    from thidua_desktop.signing import keys

    if Path(args.file).suffix.lower() in (".pdf", ".xlsx"):  # a signed file: its signer's certificate
        cert = svc.verify_document(args.paths, args.file).certificate
        if cert is None:
            raise CliError(f"Tệp {Path(args.file).name} không có chữ ký số đọc được: không có chứng thư số để tin cậy.")
    else:
        cert = keys.load_certificate_file(args.file)
    path = svc.trust_certificate(args.paths, cert, args.label)
    out(f"Đã thêm vào danh sách chứng thư số được tin cậy: {keys.subject_name(cert)}")
    out(f"Dấu vân tay SHA-256: {keys.fingerprint(cert)}  (hãy đối chiếu với đơn vị qua điện thoại)")
    out(f"Tệp: {path}")
    return EXIT_OK


@_signing_errors
def cmd_keys_trusted(args) -> int:
    from thidua_desktop.services import signing as svc

    found = svc.trusted_certificates(args.paths)
    if not found:
        out("Danh sách chứng thư số được tin cậy đang trống.")
    for t in found:
        out(f"{t.subject}\n    {t.fingerprint}\n    {t.path.name}")
    return EXIT_OK


@_signing_errors
def cmd_keys_untrust(args) -> int:
    from thidua_desktop.services import signing as svc

    removed = svc.untrust(args.paths, args.fingerprint)
    if not removed:
        raise CliError(f"Không có chứng thư số nào có dấu vân tay bắt đầu bằng {args.fingerprint}.")
    for p in removed:
        out(f"Đã bỏ khỏi danh sách tin cậy: {p.name}")
    return EXIT_OK


@_signing_errors
def cmd_keys_tokens(args) -> int:
    from thidua_desktop.services import signing as svc

    tokens = svc.list_tokens(args.pkcs11_lib)
    if not tokens:
        out("Không có token nào đang cắm.")
    for t in tokens:
        out(f"Nhãn: {t.label}    ({t.manufacturer} {t.model}, số sê-ri {t.serial})")
    return EXIT_OK


# --- sign / verify --------------------------------------------------------------------------------


def _box(text: str | None):
    if not text:
        return None
    try:
        parts = [float(x) for x in text.replace(";", ",").split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4:
        raise CliError("--box cần 4 số x1,y1,x2,y2 (đơn vị điểm PDF, gốc ở góc dưới trái).")
    return tuple(parts)


def add_key_options(p) -> None:
    """The options that name a signing key (``thidua sign`` and ``thidua document --sign``)."""
    p.add_argument("--p12", metavar="TỆP.p12", help="tệp khóa PKCS#12 (.p12/.pfx)")
    p.add_argument("--password-env", dest="password_env", metavar="BIẾN", help="biến môi trường chứa mật khẩu tệp khóa")
    p.add_argument("--pkcs11-lib", dest="pkcs11_lib", metavar="THƯ_VIỆN", help="thư viện PKCS#11 của token (.so/.dll)")
    p.add_argument("--token-label", dest="token_label", metavar="NHÃN")
    p.add_argument("--key-label", dest="key_label", metavar="NHÃN")
    p.add_argument("--cert-label", dest="cert_label", metavar="NHÃN", help="nhãn chứng thư số (mặc định như khóa)")
    p.add_argument("--pin-env", dest="pin_env", metavar="BIẾN", help="biến môi trường chứa mã PIN của token")


def key_spec(args):
    """The signer named by :func:`add_key_options`'s options."""
    return _spec(args)


def _page(value: int | None) -> int | None:
    if value is None:
        return None
    return value - 1 if value > 0 else value  # 1 = first page, -1 = last page


def _spec(args):
    from pathlib import Path

    from thidua_desktop.services.signing import P12Spec, Pkcs11Spec

    if args.p12 and args.pkcs11_lib:
        raise CliError("Chọn một trong hai: --p12 (tệp khóa) hoặc --pkcs11-lib (token).")
    if args.p12:
        return P12Spec(Path(args.p12), _secret(args.password_env, f"mật khẩu của tệp khóa {Path(args.p12).name}"))
    if args.pkcs11_lib:
        if not args.token_label or not args.key_label:
            raise CliError("Ký bằng token cần --token-label và --key-label (xem 'thidua keys tokens').")
        pin = _secret(args.pin_env, f"mã PIN của token '{args.token_label}'")
        return Pkcs11Spec(Path(args.pkcs11_lib), args.token_label, args.key_label, pin, args.cert_label)
    raise CliError(
        "Cần khóa để ký: --p12 TỆP --password-env BIẾN, hoặc --pkcs11-lib THƯ_VIỆN --token-label NHÃN "
        "--key-label NHÃN --pin-env BIẾN."
    )


@_signing_errors
def cmd_sign(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import signing as svc
    from thidua_desktop.signing.common import iso_vn

    spec = _spec(args)
    options = svc.SignOptions(
        out=Path(args.out) if args.out else None,
        signature_image=args.image,
        seal_image=args.seal,
        p7s=args.p7s,
        page=_page(args.page),
        box=_box(args.box),
        name=args.name,
        location=args.location,
        **({"reason": args.reason} if args.reason else {}),
    )
    result = svc.sign_document(args.file, spec, options)
    what = "tệp PDF (PAdES)" if result.kind == "pdf" else "dữ liệu sổ tính (trang ẩn _chu_ky_so)"
    out(f"Đã ký số {what}: {result.path}")
    out(f"Người ký: {result.signer}")
    out(f"Thời gian ký: {iso_vn(result.signed_at)}")
    out(f"Dấu vân tay chứng thư số: {result.fingerprint}")
    if result.p7s:
        out(f"Chữ ký tách rời (.p7s): {result.p7s}")
    out(f"Tệp gốc chưa ký được giữ nguyên: {args.file}")
    return EXIT_OK


@_signing_errors
def cmd_place_image(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import signing as svc

    made = svc.place_signature_image(
        args.file,
        out=Path(args.out) if args.out else None,
        signature_image=args.image,
        seal_image=args.seal,
        page=_page(args.page),
        box=_box(args.box),
        caption=args.caption,
    )
    out(f"Đã chèn hình ảnh chữ ký vào {made}.")
    out("Lưu ý: đây là hình ảnh chữ ký, KHÔNG phải chữ ký số; tệp không có giá trị xác thực điện tử.")
    return EXIT_OK


def cmd_verify(args) -> int:
    from thidua_desktop.services import signing as svc
    from thidua_desktop.signing.errors import SigningError
    from thidua_desktop.signing.verify import UNREADABLE, describe

    try:
        verdict = svc.verify_document(args.paths, args.file, args.trust or ())
    except SigningError as exc:  # a --trust file that cannot be read
        raise CliError(exc.message) from None
    lines = describe(verdict)
    (out if verdict.accepted else err)(lines[0])
    for line in lines[1:]:
        out(line)
    if verdict.status == UNREADABLE:
        return EXIT_REFUSED
    if verdict.additions_only and (verdict.trusted or verdict.known):
        return EXIT_LATER_ADDITIONS
    return EXIT_OK if verdict.accepted else EXIT_NOT_VALID


# --- outbox ----------------------------------------------------------------------------------------


def _smtp_settings(args, *, need_password: bool = True):
    from dataclasses import replace

    from thidua_desktop.services import outbox

    s = outbox.load_smtp_settings(args.paths)
    changes = {}
    provider = outbox.preset(getattr(args, "provider", None) or "")
    if provider is not None:  # the provider's server, port and security; options given beside it win
        changes.update(
            port=provider.port, security=provider.security, **({"host": provider.host} if provider.host else {})
        )
    for attr, key in (
        ("smtp_host", "host"),
        ("smtp_port", "port"),
        ("smtp_user", "user"),
        ("smtp_from", "from_addr"),
        ("smtp_from_name", "from_name"),
    ):
        value = getattr(args, attr, None)
        if value is not None:
            changes[key] = value
    if getattr(args, "security", None):
        changes["security"] = args.security
    s = replace(s, **changes)
    if getattr(args, "save", False):
        saved = outbox.save_smtp_settings(args.paths, s)
        out(f"Đã lưu cài đặt máy chủ thư (không lưu mật khẩu) vào {saved}")
    password = ""
    if need_password and s.user:
        password = _secret(getattr(args, "smtp_password_env", None), f"mật khẩu email {s.user}") or ""
    return s.with_password(password)


def _status_vi(status: str) -> str:
    return {
        "queued": "chờ gửi",
        "sent": "đã gửi",
        "failed": "không gửi được",
        "eml": "thư nháp .eml",
        "cancelled": "đã hủy",
    }.get(status, status)


def _local(moment) -> str:
    from thidua_desktop.core.vn_time import format_time

    return format_time(moment)


@_signing_errors
def cmd_outbox_list(args) -> int:
    from thidua_desktop.services import outbox

    db = open_db(args)
    try:
        entries = outbox.list_messages(db, args.status)
    finally:
        db.close()
    if not entries:
        out("Hộp thư đi trống.")
    for e in entries:
        when = (
            f"gửi lúc {_local(e.sent_at)}"
            if e.status == "sent"
            else f"thử lại sau {_local(e.next_attempt_at)}"
            if e.next_attempt_at
            else ""
        )
        out(f"{str(e.id)[:8]}  {_status_vi(e.status):<15} {', '.join(e.to)} — {e.subject}")
        out(
            f"          tạo lúc {_local(e.created_at)}; {len(e.attachments)} tệp; {e.attempts} lần thử"
            + (f"; {when}" if when else "")
        )
        if e.last_error:
            out(f"          lỗi gần nhất: {e.last_error}")
    return EXIT_OK


def _queue(args, db):
    """Queue the files; with ``--report`` the report version is recorded as sent and locked."""
    from pathlib import Path

    from thidua_desktop.services import outbox, reports

    files = [Path(f) for f in args.files]
    report_id = (
        reports.resolve_id(db, args.report) if getattr(args, "report", None) else outbox.report_of_files(db, files)
    )
    if report_id:
        if not getattr(args, "report", None):
            out(f"Các tệp là của báo cáo mã {report_id[:8]}: việc gửi được ghi nhận và phiên bản báo cáo được khóa.")
        return outbox.send_report(
            db,
            args.paths,
            report_id,
            files,
            to=args.to,
            subject=args.subject,
            body=args.body,
            cc=args.cc or (),
            resend=args.resend,
        )
    if getattr(args, "resend", False):
        raise CliError("--resend chỉ dùng cùng --report (gửi lại đúng các tệp đã gửi của một báo cáo).")
    return outbox.queue_report(
        db, args.paths, files, title=args.title, to=args.to, subject=args.subject, body=args.body, cc=args.cc or ()
    )


@_signing_errors
def cmd_outbox_add(args) -> int:
    db = open_db(args)
    try:
        entry = _queue(args, db)
    finally:
        db.close()
    out(f"Đã xếp thư vào hộp thư đi (mã {str(entry.id)[:8]}): {entry.subject}")
    out(f"Gửi tới: {', '.join(entry.to)}; {len(entry.attachments)} tệp đính kèm.")
    out("Thư sẽ được gửi khi có mạng: chạy 'thidua outbox send'.")
    return EXIT_OK


def _send(args, only=None) -> int:
    from thidua_desktop.services import outbox

    settings = _smtp_settings(args)
    db = open_db(args)
    try:
        report = outbox.send_pending(db, args.paths, settings, force=args.now or only is not None, only=only)
        waiting = len(outbox.list_messages(db, outbox.QUEUED))
    finally:
        db.close()
    if report.busy:
        raise CliError(report.errors[0])
    if not report.attempted:
        out(
            "Không có thư nào đến lượt gửi."
            + (f" Còn {waiting} thư chờ đến giờ thử lại (dùng --now để gửi ngay)." if waiting else "")
        )
        return EXIT_OK
    out(
        f"Đã gửi {len(report.sent)} thư; {len(report.deferred)} thư chờ gửi lại; "
        f"{len(report.failed)} thư không gửi được."
    )
    for e in dict.fromkeys(report.errors):
        err(f"Lỗi: {e}")
    return EXIT_OK if not report.failed and not report.deferred else EXIT_REFUSED


@_signing_errors
def cmd_outbox_send(args) -> int:
    return _send(args)


@_signing_errors
def cmd_outbox_retry(args) -> int:
    from thidua_desktop.services import outbox

    db = open_db(args)
    try:
        entry = outbox.retry(db, args.id)
    finally:
        db.close()
    out(f"Thư {str(entry.id)[:8]} được xếp lại vào hàng chờ gửi.")
    return EXIT_OK


@_signing_errors
def cmd_outbox_remove(args) -> int:
    from thidua_desktop.services import outbox

    db = open_db(args)
    try:
        entry = outbox.remove_queued(db, args.paths, args.id)
    finally:
        db.close()
    out(f'Đã hủy thư {str(entry.id)[:8]} ({entry.subject}): thư không được gửi; vẫn ghi trong lịch sử gửi là "đã hủy".')
    return EXIT_OK


@_signing_errors
def cmd_outbox_eml(args) -> int:
    from pathlib import Path

    from thidua_desktop.services import outbox

    db = open_db(args) if args.paths.database.exists() or args.report else None
    try:
        files = [Path(f) for f in args.files]
        report_id = None
        if args.report:
            from thidua_desktop.services import reports

            report_id = reports.resolve_id(db, args.report)
        elif db is not None:
            report_id = outbox.report_of_files(db, files)
        if report_id:
            made, entry = outbox.report_eml(
                db,
                args.paths,
                report_id,
                Path(args.out),
                files,
                to=args.to,
                subject=args.subject,
                body=args.body,
                cc=args.cc or (),
                resend=args.resend,
            )
        else:
            if args.resend:
                raise CliError("--resend chỉ dùng cùng --report.")
            made = outbox.write_report_eml(
                db,
                Path(args.out),
                [Path(f) for f in args.files],
                title=args.title,
                to=args.to,
                subject=args.subject,
                body=args.body,
                cc=args.cc or (),
            )
    finally:
        if db is not None:
            db.close()
    out(f"Đã tạo thư nháp {made}: mở tệp này bằng Outlook/Thunderbird, kiểm tra rồi bấm Gửi.")
    if report_id:
        out(
            f"Đã ghi nhận việc gửi báo cáo (mã thư {str(entry.id)[:8]}); báo cáo đã khóa. Xem: thidua outbox history "
            f"--report {report_id[:8]}"
        )
    return EXIT_OK


@_signing_errors
def cmd_outbox_history(args) -> int:
    from thidua_desktop.services import outbox, reports

    db = open_db(args)
    try:
        report_id = reports.resolve_id(db, args.report) if args.report else None
        if report_id is None and args.year is None:
            raise CliError("Chỉ rõ --report MÃ_BÁO_CÁO hoặc --year NĂM.")
        history = outbox.report_history(db, report_id, year=args.year)
    finally:
        db.close()
    if not history:
        out("Chưa gửi báo cáo nào." if report_id is None else "Báo cáo này chưa được gửi lần nào.")
    for h in history:
        e = h.entry
        how = "thư nháp .eml" if h.how == "eml" else "hộp thư đi"
        out(f"{h.label} — mã báo cáo {h.report_id[:8]} — thư {str(e.id)[:8]} ({how}): {_status_vi(e.status)}")
        out(
            f"    xếp/tạo lúc {_local(e.created_at)}"
            + (
                f"; máy chủ nhận lúc {_local(e.sent_at)}"
                if e.status == "sent"
                else f"; ghi tệp .eml lúc {_local(e.sent_at)}"
                if e.status == "eml"
                else ""
            )
        )
        out(f"    gửi tới: {', '.join(e.to)}" + (f"; đồng gửi: {', '.join(e.cc)}" if e.cc else ""))
        for a in e.attachments:
            out(f"    - {a['name']} ({a['size']:,} byte) SHA-256 {a['sha256']}".replace(",", "."))
        if e.last_error:
            out(f"    lỗi gần nhất: {e.last_error}")
    return EXIT_OK


@_signing_errors
def cmd_outbox_settings(args) -> int:
    args.save = True
    s = _smtp_settings(args, need_password=False)
    out(
        f"Máy chủ: {s.host or '(chưa có)'}:{s.port}  bảo mật: {s.security}  đăng nhập: {s.user or '(không)'}  "
        f"địa chỉ gửi: {s.sender or '(chưa có)'}"
    )
    return EXIT_OK


@_signing_errors
def cmd_outbox_test(args) -> int:
    from thidua_desktop.services import outbox

    settings = _smtp_settings(args)
    outcome = outbox.test_smtp(settings, settings.password)
    if outcome.ok:
        out(outcome.message)
        return EXIT_OK
    provider = outbox.preset_of(settings)
    if outcome.reason == "auth" and (provider is None or provider.app_password):
        out(f"Hướng dẫn tạo mật khẩu ứng dụng: {outbox.help_page()}")
    raise CliError(outcome.message)


@_signing_errors
def cmd_send(args) -> int:
    db = open_db(args)
    try:
        entry = _queue(args, db)
    finally:
        db.close()
    out(f"Đã xếp thư vào hộp thư đi (mã {str(entry.id)[:8]}): {entry.subject}")
    code = _send(args, only=[entry.id])
    if code != EXIT_OK:
        err("Thư vẫn nằm trong hộp thư đi và sẽ được gửi lại khi có mạng ('thidua outbox send').")
    return code


# --- parser ----------------------------------------------------------------------------------------


def _smtp_options(p) -> None:
    p.add_argument("--smtp-host", dest="smtp_host", metavar="MÁY_CHỦ")
    p.add_argument("--smtp-port", dest="smtp_port", type=int, metavar="CỔNG")
    p.add_argument("--smtp-user", dest="smtp_user", metavar="TÊN_ĐĂNG_NHẬP")
    p.add_argument(
        "--smtp-password-env",
        dest="smtp_password_env",
        metavar="BIẾN",
        help="tên biến môi trường chứa mật khẩu email (không lưu ở đâu cả)",
    )
    p.add_argument("--smtp-from", dest="smtp_from", metavar="EMAIL", help="địa chỉ gửi đi")
    p.add_argument("--smtp-from-name", dest="smtp_from_name", metavar="TÊN")
    p.add_argument(
        "--provider",
        choices=("gmail", "outlook", "yahoo", "own"),
        help="điền sẵn máy chủ, cổng và bảo mật: gmail, outlook, yahoo (dùng mật khẩu ứng dụng) hoặc own "
        "(máy chủ thư của đơn vị: kèm --smtp-host)",
    )
    sec = p.add_mutually_exclusive_group()
    sec.add_argument("--starttls", dest="security", action="store_const", const="starttls", help="STARTTLS (cổng 587)")
    sec.add_argument("--ssl", dest="security", action="store_const", const="ssl", help="SSL/TLS (cổng 465)")
    sec.add_argument("--plain", dest="security", action="store_const", const="plain", help="không mã hóa (mạng nội bộ)")


def _message_options(p, *, files_required: bool = True) -> None:
    p.add_argument("files", nargs="+" if files_required else "*", metavar="TỆP", help="tệp đính kèm")
    p.add_argument("--to", action="append", metavar="EMAIL", help="người nhận (mặc định: email công đoàn cấp trên)")
    p.add_argument("--cc", action="append", metavar="EMAIL")
    p.add_argument("--subject", metavar="TIÊU_ĐỀ")
    p.add_argument("--body", metavar="NỘI_DUNG")
    p.add_argument("--title", metavar="TÊN_VĂN_BẢN", help="tên văn bản dùng trong tiêu đề và nội dung thư")
    p.add_argument(
        "--report",
        metavar="MÃ_BÁO_CÁO",
        help="các tệp là của báo cáo này: ghi nhận đã gửi (giờ, người nhận, mã SHA-256) và khóa phiên bản",
    )
    p.add_argument(
        "--resend",
        action="store_true",
        help="gửi lại đúng các tệp đã gửi của báo cáo (tệp khác bị từ chối: hãy tạo phiên bản mới)",
    )


def _position_options(p) -> None:
    p.add_argument(
        "--page",
        type=int,
        metavar="SỐ",
        help="trang đặt chữ ký (1 = trang đầu, -1 = trang cuối); mặc định: trang có khối chữ ký của văn "
        "bản do phần mềm lập, nếu không có thì trang cuối",
    )
    p.add_argument(
        "--box",
        metavar="x1,y1,x2,y2",
        help="ô chữ ký, đơn vị điểm PDF; mặc định: khoảng trống giữa chức danh và họ tên người ký, nếu "
        "không có thì góc dưới bên phải",
    )


def add_commands(sub, add, common) -> None:
    from thidua_desktop.cli.common import Parser

    keys = sub.add_parser("keys", help="khóa và chứng thư số", parents=[common])
    ksub = keys.add_subparsers(dest="keys_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("create", cmd_keys_create, "tạo khóa và chứng thư số tự cấp cho đơn vị (tệp .p12 có mật khẩu)", ksub)
    p.add_argument("--name", metavar="TÊN", help="tên đơn vị (CN); mặc định: tên đơn vị đã khai báo")
    p.add_argument("--out", metavar="TỆP.p12", help="tệp khóa (mặc định: keys/unit.p12 trong thư mục dữ liệu)")
    p.add_argument("--password-env", dest="password_env", metavar="BIẾN", help="biến môi trường chứa mật khẩu")
    p.add_argument("--algorithm", choices=("rsa", "ec"), default="rsa", help="rsa (RSA-2048, mặc định) hoặc ec (P-256)")
    p = add("show", cmd_keys_show, "xem chứng thư số trong tệp .p12/.pfx hoặc .pem/.cer", ksub)
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--password-env", dest="password_env", metavar="BIẾN")
    p = add("export-cert", cmd_keys_export_cert, "ghi chứng thư số (khóa công khai) ra tệp .pem để gửi cấp trên", ksub)
    p.add_argument("file", metavar="TỆP.p12")
    p.add_argument("--password-env", dest="password_env", metavar="BIẾN")
    p.add_argument("--out", required=True, metavar="TỆP.pem")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    p = add(
        "trust",
        cmd_keys_trust,
        "thêm chứng thư số của một đơn vị (hoặc nhà cung cấp) vào danh sách tin cậy: từ "
        "tệp .pem/.cer, hoặc chứng thư của người ký một tệp PDF/.xlsx đã ký",
        ksub,
    )
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--label", metavar="TÊN")
    add("trusted", cmd_keys_trusted, "liệt kê chứng thư số được tin cậy", ksub)
    p = add("untrust", cmd_keys_untrust, "bỏ một chứng thư số khỏi danh sách tin cậy", ksub)
    p.add_argument("fingerprint", metavar="DẤU_VÂN_TAY", help="ít nhất 8 chữ số đầu")
    p = add("tokens", cmd_keys_tokens, "liệt kê token đang cắm (theo nhãn)", ksub)
    p.add_argument("--pkcs11-lib", dest="pkcs11_lib", required=True, metavar="THƯ_VIỆN")

    p = add("sign", cmd_sign, "ký số tệp PDF hoặc sổ tính .xlsx (tệp gốc được giữ nguyên)")
    p.add_argument("file", metavar="TỆP")
    add_key_options(p)
    p.add_argument("--image", metavar="CHỮ_KÝ.png", help="hình chữ ký (xanh, nền trong suốt) — chỉ PDF")
    p.add_argument("--seal", metavar="CON_DẤU.png", help="hình con dấu (đỏ, nền trong suốt) — chỉ PDF")
    p.add_argument("--out", metavar="TỆP", help="tệp đã ký (mặc định: <tên>-da-ky.<đuôi>)")
    p.add_argument("--p7s", action="store_true", help="sổ tính: ghi thêm chữ ký tách rời <tệp>.p7s")
    p.add_argument("--name", metavar="TÊN", help="tên hiển thị trên chữ ký (mặc định: tên trong chứng thư số)")
    p.add_argument("--reason", metavar="LÝ_DO", help="lý do ký (PDF)")
    p.add_argument("--location", metavar="NƠI_KÝ", help="nơi ký (PDF)")
    _position_options(p)

    p = add("place-image", cmd_place_image, "chèn HÌNH ẢNH chữ ký/con dấu vào PDF (không phải chữ ký số)")
    p.add_argument("file", metavar="TỆP.pdf")
    p.add_argument("--image", metavar="CHỮ_KÝ.png")
    p.add_argument("--seal", metavar="CON_DẤU.png")
    p.add_argument("--out", metavar="TỆP")
    p.add_argument("--caption", metavar="DÒNG_CHỮ", help='dòng chữ nhỏ dưới hình, ví dụ "Hình ảnh chữ ký"')
    _position_options(p)

    p = add(
        "verify",
        cmd_verify,
        "kiểm tra chữ ký số của tệp PDF hoặc sổ tính (mã thoát 0 hợp lệ, 1 không đọc được, 2 không hợp lệ, "
        "4 nguyên vẹn nhưng có phần ghi thêm sau khi ký)",
    )
    p.add_argument("file", metavar="TỆP")
    p.add_argument(
        "--trust",
        action="append",
        metavar="CHỨNG_THƯ.pem",
        help="chứng thư số được tin cậy (thêm vào danh sách trong thư mục dữ liệu); lặp lại nếu nhiều",
    )

    ob = sub.add_parser("outbox", help="hộp thư đi: thư chờ mạng để gửi", parents=[common])
    osub = ob.add_subparsers(dest="outbox_command", metavar="LỆNH", required=True, parser_class=Parser)
    p = add("list", cmd_outbox_list, "liệt kê thư trong hộp thư đi", osub)
    p.add_argument("--status", choices=("queued", "sent", "failed", "eml", "cancelled"))
    p = add("add", cmd_outbox_add, "xếp một thư kèm tệp vào hộp thư đi", osub)
    _message_options(p)
    p = add("send", cmd_outbox_send, "gửi các thư đến lượt (cần mạng)", osub)
    _smtp_options(p)
    p.add_argument("--now", action="store_true", help="gửi mọi thư đang chờ, không đợi giờ thử lại")
    p.add_argument("--save", action="store_true", help="lưu cài đặt máy chủ thư (trừ mật khẩu)")
    p = add("retry", cmd_outbox_retry, "xếp lại một thư không gửi được", osub)
    p.add_argument("id", metavar="MÃ_THƯ")
    p = add("remove", cmd_outbox_remove, 'hủy một thư chưa gửi (giữ trong lịch sử gửi là "đã hủy")', osub)
    p.add_argument("id", metavar="MÃ_THƯ")
    p = add("eml", cmd_outbox_eml, "tạo thư nháp .eml kèm tệp để gửi bằng chương trình email của bạn", osub)
    p.add_argument("--out", required=True, metavar="TỆP.eml")
    _message_options(p)
    p = add("history", cmd_outbox_history, "các lần gửi báo cáo: giờ gửi, người nhận, tệp và mã SHA-256", osub)
    p.add_argument("--report", metavar="MÃ_BÁO_CÁO", help="một báo cáo (mọi phiên bản)")
    p.add_argument("--year", type=int, metavar="NĂM", help="mọi báo cáo của năm thi đua")
    p = add("settings", cmd_outbox_settings, "lưu cài đặt máy chủ thư (không lưu mật khẩu)", osub)
    _smtp_options(p)
    p = add("test", cmd_outbox_test, "gửi thử một thư tới chính địa chỉ gửi để kiểm tra cài đặt máy chủ thư", osub)
    _smtp_options(p)
    p.add_argument("--save", action="store_true", help="lưu cài đặt máy chủ thư (trừ mật khẩu)")

    p = add("send", cmd_send, "gửi tệp cho công đoàn cấp trên ngay (thư được giữ trong hộp thư đi nếu chưa có mạng)")
    _message_options(p)
    _smtp_options(p)
    p.set_defaults(now=True)
