"""SMTP: the settings kept in the data folder (never the password) and one delivery.

``<data folder>/smtp.json`` holds host, port, user, security (``starttls`` | ``ssl`` |
``plain``), the sender address and name. The password is asked for (or read from an environment
variable by the CLI) and passed in on :class:`SmtpSettings`; it is neither written to that file,
nor to the database, nor into any error text: every error text is scrubbed of the login and the
password in every form they travel in (as typed, AUTH LOGIN's and AUTH PLAIN's base64) before it
is stored or shown (:func:`scrub_credentials`); :func:`scrub_known` does the same for crash logs
with the credentials used in this process.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import smtplib
import socket
import ssl
from dataclasses import asdict, dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path

from thidua_desktop.errors import UserError

SETTINGS_FILE = "smtp.json"
SECURITY = ("starttls", "ssl", "plain")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    user: str = ""
    security: str = "starttls"
    from_addr: str = ""
    from_name: str = ""
    timeout: float = 30.0
    password: str = field(default="", repr=False, compare=False)

    @property
    def sender(self) -> str:
        return self.from_addr or (self.user if "@" in self.user else "")

    def with_password(self, password: str) -> "SmtpSettings":
        return replace(self, password=password)


def settings_path(paths) -> Path:
    return Path(paths.root) / SETTINGS_FILE


def load_smtp_settings(paths) -> SmtpSettings:
    path = settings_path(paths)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SmtpSettings()
    known = {k: raw[k] for k in ("host", "port", "user", "security", "from_addr", "from_name", "timeout") if k in raw}
    try:
        return SmtpSettings(**known)
    except TypeError:
        return SmtpSettings()


def save_smtp_settings(paths, settings: SmtpSettings) -> Path:
    from thidua_desktop.signing.pdf import write_atomically

    data = asdict(settings)
    data.pop("password", None)  # never on disk
    path = settings_path(paths)
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return path


# why a delivery failed, as :func:`send_test` tells it (each its own plain message)
AUTH, CONNECT, TLS, SETTINGS, REFUSED = "auth", "connect", "tls", "settings", "refused"


class DeliveryError(UserError):
    """Delivery failed. ``permanent``: this message will never go as it is (the server refused it);
    ``connection``: nothing can be sent right now (network, server, login, settings)."""

    def __init__(
        self,
        message: str,
        *,
        permanent: bool = False,
        connection: bool = False,
        reason: str = "",
        code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.connection = connection
        self.reason = reason  # one of REASONS: what a test message tells the user
        self.code = code  # the server's reply code, when it answered


HIDDEN = "***"
_SHORT = 4  # a secret shorter than this is replaced only as a whole word (not inside other words)
_BASE64_RE = re.compile(r"[A-Za-z0-9+/]{6,}={0,2}")
_HIDDEN_RUN_RE = re.compile(r"(?:\*\*\*){2,}")  # pieces of one secret replaced one by one
_known_secrets: dict[str, None] = {}  # the logins and passwords in use in this process (never on disk)


def remember(user: str = "", password: str = "") -> None:
    """Keep the credentials of a connection in memory so that :func:`scrub_known` (crash logs, stored
    errors) can remove them from any text later in this process."""
    for secret in (password, user):
        if secret:
            _known_secrets[secret] = None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def credential_forms(user: str, password: str) -> list[str]:
    """Every form in which a login and password travel in an SMTP session, longest first: as typed,
    AUTH LOGIN's base64 of each, AUTH PLAIN's base64 of "\\0login\\0password" (with or without the
    login as authorisation identity), UTF-8 and Latin-1, with and without the "=" padding."""
    forms: set[str] = set()
    for encoding in ("utf-8", "latin-1"):
        try:
            u, p = user.encode(encoding), password.encode(encoding)
        except UnicodeEncodeError:
            continue
        if password:
            forms |= {_b64(p), _b64(b"\0" + u + b"\0" + p), _b64(u + b"\0" + u + b"\0" + p)}
        if user:
            forms.add(_b64(u))
    forms |= {f.rstrip("=") for f in forms}
    forms |= {s for s in (user, password) if s}
    return sorted((f for f in forms if f), key=len, reverse=True)


def _decodes_to_secret(token: str, secrets: list[bytes]) -> bool:
    """A base64 token (an AUTH exchange echoed, perhaps cut or re-padded) that carries a secret."""
    for trim in range(4):
        candidate = token.rstrip("=")
        candidate = candidate[: len(candidate) - trim] if trim else candidate
        if not candidate:
            break
        try:
            raw = base64.b64decode(candidate + "=" * (-len(candidate) % 4), validate=True)
        except (ValueError, binascii.Error):
            continue
        if any(secret in raw for secret in secrets):
            return True
    return False


_AUTH_ECHO_RE = re.compile(
    r"(\bAUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER)\b)((?:\s+[A-Za-z0-9+/=]{4,})+)", re.IGNORECASE
)


def _b64decode(token: str) -> bytes:
    bare = token.rstrip("=")
    return base64.b64decode(bare + "=" * (-len(bare) % 4), validate=True)


def _is_auth_plain_blob(token: str) -> bool:
    """A base64 token shaped like AUTH PLAIN's "[authzid]\\0login\\0password"."""
    if len(token) < 8:
        return False
    try:
        raw = _b64decode(token)
    except (ValueError, binascii.Error):
        return False
    if raw.count(b"\0") != 2 or raw.endswith(b"\0"):
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _printable_base64(token: str) -> bool:
    try:
        raw = _b64decode(token)
        decoded = raw.decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return bool(decoded) and decoded.isprintable()


def _hide_auth_tokens(match: re.Match[str]) -> str:
    """The first token after "AUTH <mechanism>" (the initial response), and the next ones while
    they are base64 of printable text (a LOGIN exchange); ordinary words after them are kept."""
    tokens = match.group(2).split()
    hidden = 1
    while hidden < len(tokens) and _printable_base64(tokens[hidden]):
        hidden += 1
    rest = tokens[hidden:]
    return " ".join([match.group(1), HIDDEN, *rest])


def scrub_auth_echo(text: str) -> str:
    """Without knowing any credential: what follows "AUTH PLAIN" / "AUTH LOGIN" in a server's echo,
    and any base64 token shaped like an AUTH PLAIN blob."""
    if not text:
        return text
    text = _AUTH_ECHO_RE.sub(_hide_auth_tokens, text)
    return _BASE64_RE.sub(lambda m: HIDDEN if _is_auth_plain_blob(m.group()) else m.group(), text)


def scrub_credentials(text: str, user: str = "", password: str = "") -> str:
    """``text`` with the login and password removed in every form (see :func:`credential_forms`),
    any base64 token that decodes to something holding either of them, and whatever a server
    echoed after "AUTH PLAIN" or "AUTH LOGIN" (:func:`scrub_auth_echo`)."""
    if not text:
        return text
    if not (user or password):
        return scrub_auth_echo(text)
    for form in credential_forms(user, password):
        if len(form) < _SHORT:
            text = re.sub(rf"(?<![\w@.]){re.escape(form)}(?![\w@.])", HIDDEN, text)
        else:
            text = text.replace(form, HIDDEN)
    secrets = [
        s.encode(enc)
        for s in (user, password)
        if len(s) >= _SHORT
        for enc in ("utf-8", "latin-1")
        if _encodable(s, enc)
    ]
    if secrets:
        text = _BASE64_RE.sub(lambda m: HIDDEN if _decodes_to_secret(m.group(), secrets) else m.group(), text)
    return _HIDDEN_RUN_RE.sub(HIDDEN, scrub_auth_echo(text))


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def scrub(text: str, secret: str, user: str = "") -> str:
    """Remove a password (and the login, when given) from a text, in every form AUTH sends them."""
    return scrub_credentials(text, user, secret)


def scrub_known(text: str) -> str:
    """``text`` without any login or password used in this process (see :func:`remember`), nor
    anything shaped like an echoed AUTH exchange (:func:`scrub_auth_echo`)."""
    if not text:
        return text
    if not _known_secrets:
        return scrub_auth_echo(text)
    secrets = list(_known_secrets)
    for user in secrets:  # each login with each password first (the AUTH PLAIN blob whole), then alone
        for password in secrets:
            if user != password:
                text = scrub_credentials(text, user, password)
    for secret in secrets:
        text = scrub_credentials(text, "", secret)
    return _HIDDEN_RUN_RE.sub(HIDDEN, text)


def _reply(code, resp) -> str:
    if isinstance(resp, bytes):
        resp = resp.decode("utf-8", "replace")
    return f"{code} {resp}".strip()


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login encodes as ASCII; Vietnamese passwords go as UTF-8 with AUTH PLAIN (RFC 4954)."""
    if user.isascii() and password.isascii():
        smtp.login(user, password)
        return
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, resp = smtp.docmd("AUTH", "PLAIN " + token)
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, resp)


class Connection:
    """One SMTP session for a batch of messages."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None
        remember(settings.user, settings.password)

    def scrub(self, text: str) -> str:
        return scrub_credentials(text, self.settings.user, self.settings.password)

    def _fail(self, text: str, **kw) -> DeliveryError:
        return DeliveryError(self.scrub(text), **kw)

    def open(self) -> None:
        s = self.settings
        where = f"{s.host}:{s.port}"
        if not s.host:
            raise DeliveryError("Chưa cài đặt máy chủ gửi thư (SMTP).", connection=True, reason=SETTINGS)
        if s.security not in SECURITY:
            raise DeliveryError(
                f"Kiểu bảo mật '{s.security}' không hợp lệ (starttls, ssl, plain).", connection=True, reason=SETTINGS
            )
        try:
            if s.security == "ssl":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            self._smtp = smtp
            smtp.ehlo()
            if s.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if s.user:
                _login(smtp, s.user, s.password)
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise self._fail(
                f"Máy chủ thư {where} từ chối đăng nhập (sai tên đăng nhập hoặc mật khẩu): "
                f"{_reply(exc.smtp_code, exc.smtp_error)}",
                connection=True,
                reason=AUTH,
                code=exc.smtp_code,
            ) from None
        except smtplib.SMTPNotSupportedError:
            self.close()
            raise self._fail(
                f"Máy chủ thư {where} không hỗ trợ STARTTLS hoặc đăng nhập; kiểm tra cài đặt bảo mật.",
                connection=True,
                reason=TLS,
            ) from None
        except ssl.SSLError as exc:
            self.close()
            raise self._fail(
                f"Lỗi kết nối bảo mật (TLS) với {where}: {exc.reason or exc}.", connection=True, reason=TLS
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            detail = (
                _reply(exc.smtp_code, exc.smtp_error)
                if hasattr(exc, "smtp_code")
                else (getattr(exc, "strerror", None) or type(exc).__name__)
            )
            # no greeting from a port that waits for TLS first (465 without SSL/TLS), or the reverse
            mismatch = isinstance(exc, (socket.timeout, smtplib.SMTPServerDisconnected)) and (s.port == 465) != (
                s.security == "ssl"
            )
            raise self._fail(
                f"Không kết nối được máy chủ thư {where} (mạng chưa sẵn sàng hoặc máy chủ không phản hồi): {detail}",
                connection=True,
                reason=TLS if mismatch else CONNECT,
                code=getattr(exc, "smtp_code", None),
            ) from None

    def send(self, msg: EmailMessage, sender: str, recipients: list[str]) -> dict:
        """Send one message; returns the recipients refused (others accepted). Raises DeliveryError."""
        if self._smtp is None:
            self.open()
        try:
            refused = self._smtp.send_message(msg, from_addr=sender, to_addrs=recipients)
            return {k: self.scrub(_reply(*v)) for k, v in (refused or {}).items()}
        except smtplib.SMTPRecipientsRefused as exc:
            replies = {k: _reply(*v) for k, v in exc.recipients.items()}
            permanent = all(str(r).startswith("5") for r in replies.values())
            raise self._fail(
                "Máy chủ thư từ chối người nhận: " + "; ".join(f"{k} ({v})" for k, v in replies.items()),
                permanent=permanent,
                reason=REFUSED,
                code=next(iter(exc.recipients.values()))[0],
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise self._fail(
                f"Máy chủ thư từ chối địa chỉ gửi {sender}: {_reply(exc.smtp_code, exc.smtp_error)}",
                connection=True,
                reason=AUTH if exc.smtp_code == 530 else REFUSED,
                code=exc.smtp_code,
            ) from None
        except smtplib.SMTPDataError as exc:
            permanent = 500 <= exc.smtp_code < 600
            raise self._fail(
                f"Máy chủ thư không nhận thư: {_reply(exc.smtp_code, exc.smtp_error)}"
                + (" (thư quá lớn?)" if exc.smtp_code == 552 else ""),
                permanent=permanent,
                reason=REFUSED,
                code=exc.smtp_code,
            ) from None
        except (smtplib.SMTPServerDisconnected, OSError, socket.timeout) as exc:
            self.close()
            raise self._fail(
                f"Mất kết nối với máy chủ thư khi đang gửi: {getattr(exc, 'strerror', None) or exc}",
                connection=True,
                reason=CONNECT,
            ) from None
        except smtplib.SMTPException as exc:
            self.close()
            raise self._fail(f"Lỗi SMTP: {exc}", connection=True, reason=CONNECT) from None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except Exception:  # noqa: BLE001 - closing a connection that failed: any error here is moot
                try:
                    self._smtp.close()
                except Exception:  # noqa: BLE001 - closing a connection that failed: any error here is moot
                    pass
            self._smtp = None


# --- the common providers and a test message ---------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A provider's server, port and security, and what its users must know (an app password)."""

    key: str
    name: str  # as the user knows it
    host: str
    port: int
    security: str
    app_password: bool  # the provider refuses the account's own password from a program
    hint: str  # Vietnamese


PRESETS = (
    Preset(
        "gmail",
        "Gmail",
        "smtp.gmail.com",
        587,
        "starttls",
        True,
        "Gmail: tên đăng nhập là địa chỉ Gmail; mật khẩu là MẬT KHẨU ỨNG DỤNG 16 ký tự (bật xác minh 2 bước rồi "
        "tạo tại myaccount.google.com/apppasswords), không phải mật khẩu Gmail thường.",
    ),
    Preset(
        "outlook",
        "Outlook, Hotmail",
        "smtp-mail.outlook.com",
        587,
        "starttls",
        True,
        "Outlook/Hotmail: tên đăng nhập là địa chỉ email; dùng mật khẩu ứng dụng (bật xác minh 2 bước tại "
        "account.microsoft.com/security rồi tạo mật khẩu ứng dụng).",
    ),
    Preset(
        "yahoo",
        "Yahoo Mail",
        "smtp.mail.yahoo.com",
        465,
        "ssl",
        True,
        "Yahoo Mail: tên đăng nhập là địa chỉ email; dùng mật khẩu ứng dụng (Bảo mật tài khoản › Tạo mật khẩu "
        "ứng dụng).",
    ),
    Preset(
        "own",
        "Máy chủ thư của đơn vị",
        "",
        587,
        "starttls",
        False,
        "Máy chủ thư của cơ quan, đơn vị: hỏi người quản trị mạng tên máy chủ (ví dụ mail.tên-miền.vn), cổng "
        "(thường 587 với STARTTLS hoặc 465 với SSL/TLS) và tài khoản email của công đoàn.",
    ),
)


def preset(key: str) -> Preset | None:
    return next((p for p in PRESETS if p.key == key), None)


def preset_of(settings: SmtpSettings) -> Preset | None:
    """The provider whose server the settings use (None: another server)."""
    host = (settings.host or "").strip().lower()
    return next((p for p in PRESETS if p.host and p.host == host), None)


@dataclass(frozen=True)
class TestOutcome:
    """What a test message found: ``ok``, and why not (one of the reasons above), said plainly in
    Vietnamese without the server's English words."""

    ok: bool
    reason: str
    message: str


TEST_SUBJECT = "Thư thử từ phần mềm Thi đua – Khen thưởng"
TEST_BODY = (
    "Đây là thư thử do phần mềm Thi đua – Khen thưởng gửi để kiểm tra cài đặt gửi thư (SMTP).\n\n"
    "Nhận được thư này là cài đặt đã đúng: báo cáo gửi công đoàn cấp trên sẽ đi bằng tài khoản này.\n"
)


def _failure_text(exc: DeliveryError, s: SmtpSettings) -> str:
    where = f"{s.host}, cổng {s.port}"
    code = f" (mã trả lời của máy chủ: {exc.code})" if exc.code else ""
    provider = preset_of(s)
    if exc.reason == SETTINGS:
        return exc.message
    if exc.reason == AUTH:
        if exc.code == 530 and not s.user:
            return f"Máy chủ {where} đòi đăng nhập: hãy nhập tên đăng nhập (thường là địa chỉ email) và mật khẩu{code}."
        advice = (
            "Với " + provider.name + " phải dùng mật khẩu ứng dụng, không phải mật khẩu thường"
            if provider is not None and provider.app_password
            else "Với Gmail, Outlook, Yahoo phải dùng mật khẩu ứng dụng, không phải mật khẩu thường"
        )
        return (
            f"Máy chủ {where} từ chối đăng nhập: tên đăng nhập hoặc mật khẩu không đúng{code}. {advice} — "
            'xem hướng dẫn "Mật khẩu ứng dụng".'
        )
    if exc.reason == TLS:
        return (
            f"Không lập được kết nối bảo mật (TLS) với {where}: kiểu bảo mật không khớp với cổng (STARTTLS đi "
            "với cổng 587, SSL/TLS với cổng 465) hoặc chứng chỉ của máy chủ không hợp lệ. Hãy chọn lại nhà cung "
            "cấp hoặc sửa kiểu bảo mật."
        )
    if exc.reason == REFUSED:
        return (
            f"Máy chủ {where} cho kết nối nhưng không nhận thư thử{code}: địa chỉ gửi "
            f"{s.sender or '(chưa có)'} có thể không thuộc tài khoản đăng nhập {s.user or '(không đăng nhập)'}."
        )
    return (
        f"Không kết nối được máy chủ {where}: kiểm tra mạng Internet, tên máy chủ và cổng (thường là 587 hoặc "
        f"465){code}."
    )


def send_test(settings: SmtpSettings, to: str | None = None) -> TestOutcome:
    """Log in and send a short test message (to the sender's own address unless ``to``); the
    outcome in plain Vietnamese. Nothing is kept: not the password, not the message."""
    from thidua_desktop.sending.message import build_message

    sender = settings.sender
    if not settings.host:
        return TestOutcome(
            False, SETTINGS, "Chưa nhập máy chủ gửi thư (SMTP): chọn nhà cung cấp hoặc nhập tên máy chủ."
        )
    if not sender:
        return TestOutcome(
            False, SETTINGS, "Chưa có địa chỉ email gửi đi: nhập địa chỉ gửi (hoặc tên đăng nhập là một địa chỉ email)."
        )
    if settings.user and not settings.password:
        return TestOutcome(
            False,
            SETTINGS,
            "Nhập mật khẩu email (mật khẩu ứng dụng với Gmail, Outlook, Yahoo) để gửi thử; mật khẩu không được lưu.",
        )
    to = to or sender
    conn = Connection(settings)
    try:
        msg = build_message(
            from_addr=sender, from_name=settings.from_name, to=[to], subject=TEST_SUBJECT, body=TEST_BODY
        )
        conn.send(msg, sender, [to])
    except DeliveryError as exc:
        return TestOutcome(False, exc.reason or CONNECT, _failure_text(exc, settings))
    finally:
        conn.close()
    return TestOutcome(
        True,
        "",
        f"Gửi thử thành công: máy chủ {settings.host} đã nhận thư thử gửi tới {to}. Cài "
        "đặt đúng; hãy mở hộp thư đó để xem thư thử.",
    )
