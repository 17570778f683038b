"""Real parts for the signing and sending tests, shared by ``test_signing*``, ``test_outbox*`` and
``test_cli_signing``: a test CA, PKCS#12 files, a SoftHSM2 token whose key was generated on the
token, signature/seal PNGs, PDFs made with reportlab, workbooks made with XlsxWriter, and an SMTP
server on loopback (aiosmtpd). The few tests at the bottom check the helpers themselves.

Debian packages: softhsm2 (libsofthsm2.so, softhsm2-util), opensc (pkcs11-tool), poppler-utils
(pdfsig, pdftoppm), openssl; libreoffice-calc-nogui is optional (one re-save test).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import math
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

SOFTHSM_LIB = next(
    (
        p
        for p in (
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
        )
        if Path(p).exists()
    ),
    None,
)
TOKEN_LABEL = "Token Thử Nghiệm"
KEY_LABEL = "ky-so-don-vi"
EC_KEY_LABEL = "ky-so-ec"
TOKEN_PIN = "246810"
SO_PIN = "12345678"
P12_PASSWORD = "Mật-khẩu-tệp-khóa-9"
UNIT_NAME = "Công đoàn cơ sở Công ty TNHH May Hoa Lư"

needs_softhsm = pytest.mark.skipif(
    SOFTHSM_LIB is None or shutil.which("softhsm2-util") is None,
    reason="softhsm2 is not installed (apt-get install softhsm2)",
)
needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils is not installed")
needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")


# --- certificates ----------------------------------------------------------------------------------


def _name(cn: str, org: str = "Công đoàn Việt Nam") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        ]
    )


def _ku(*, sign=True, ca=False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign,
        key_encipherment=not sign and not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


class CertAuthority:
    """A CA like a licensed Vietnamese CA (VNPT-CA, Viettel-CA …), for the tests."""

    def __init__(self, name: str = "CA Thử Nghiệm Việt Nam") -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.timezone.utc)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name, "Nhà cung cấp thử"))
            .issuer_name(_name(name, "Nhà cung cấp thử"))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_ku(sign=False, ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )

    def issue(self, public_key, cn: str, *, not_before=None, not_after=None, signing_usage=True) -> x509.Certificate:
        now = dt.datetime.now(dt.timezone.utc)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(cn))
            .issuer_name(self.cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - dt.timedelta(days=1))
            .not_valid_after(not_after or now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
        )
        if signing_usage is not None:  # None: no key usage extension at all (any use allowed)
            builder = builder.add_extension(_ku(sign=signing_usage), critical=True)
        return builder.sign(self.key, hashes.SHA256())

    def p12(self, path: Path, cn: str, password: str = P12_PASSWORD, *, ec_key=False, **kw) -> Path:
        key = (
            ec.generate_private_key(ec.SECP256R1())
            if ec_key
            else rsa.generate_private_key(public_exponent=65537, key_size=2048)
        )
        cert = self.issue(key.public_key(), cn, **kw)
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                cn.encode(), key, cert, [self.cert], serialization.BestAvailableEncryption(password.encode())
            )
        )
        return path

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


@pytest.fixture(scope="session")
def signing_ca() -> CertAuthority:
    return CertAuthority()


@pytest.fixture(scope="session")
def keydir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("khoa")


@pytest.fixture(scope="session")
def unit_key(keydir):
    """The unit's own key, as ``thidua keys create`` makes it: (p12 path, password, certificate)."""
    from thidua_desktop.signing import keys

    kf = keys.create_unit_key(UNIT_NAME, keydir / "don-vi.p12", P12_PASSWORD)
    pem = keydir / "don-vi.pem"
    pem.write_bytes(keys.cert_pem(kf.certificate))
    return kf.path, P12_PASSWORD, kf.certificate, pem


@pytest.fixture(scope="session")
def ca_p12(signing_ca, keydir):
    """A person's key issued by the test CA (like a token's certificate exported as .pfx)."""
    path = signing_ca.p12(keydir / "ca-nhan.p12", "Nguyễn Thị Ánh Tuyết")
    return path, P12_PASSWORD, signing_ca.pem(keydir / "ca.pem")


# --- SoftHSM2 --------------------------------------------------------------------------------------


class Token:
    def __init__(
        self, lib: str, conf: Path, ca: CertAuthority, cert: x509.Certificate, ec_cert: x509.Certificate
    ) -> None:
        self.lib, self.conf, self.ca, self.cert, self.ec_cert = lib, conf, ca, cert, ec_cert
        self.label, self.key_label, self.ec_key_label, self.pin = TOKEN_LABEL, KEY_LABEL, EC_KEY_LABEL, TOKEN_PIN

    def spec(self, key_label: str = KEY_LABEL, pin: str = TOKEN_PIN):
        from thidua_desktop.signing.signers import Pkcs11Spec

        return Pkcs11Spec(Path(self.lib), self.label, key_label, pin)


def _store_cert(session, cert: x509.Certificate, label: str, key_id: bytes) -> None:
    from pkcs11 import Attribute, CertificateType, ObjectClass

    session.create_object(
        {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        }
    )


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory, signing_ca):
    """A SoftHSM2 token in a temporary folder: an RSA-2048 and a P-256 key generated ON the token,
    their certificates issued by the test CA and stored on the token next to the CA certificate.

    SOFTHSM2_CONF is set for the whole test process (the PKCS#11 library reads it once, when it is
    first initialised) and for the CLI processes the tests start."""
    if SOFTHSM_LIB is None or shutil.which("softhsm2-util") is None:
        pytest.skip("softhsm2 is not installed (apt-get install softhsm2)")
    import pkcs11
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_named_curve_parameters

    base = tmp_path_factory.mktemp("softhsm")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", SO_PIN, "--pin", TOKEN_PIN],
        check=True,
        capture_output=True,
    )
    lib = pkcs11.lib(SOFTHSM_LIB)
    lib.reinitialize()  # the token was created after the library may have been initialised
    token = lib.get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as s:
        pub, _priv = s.generate_keypair(KeyType.RSA, 2048, store=True, label=KEY_LABEL, id=b"\x01")
        pubkey = rsa.RSAPublicNumbers(
            int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big"), int.from_bytes(pub[Attribute.MODULUS], "big")
        ).public_key()
        cert = signing_ca.issue(pubkey, "CÔNG TY TNHH MAY HOA LƯ")
        _store_cert(s, cert, KEY_LABEL, b"\x01")
        params = s.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True
        )
        ec_pub, _ = params.generate_keypair(store=True, label=EC_KEY_LABEL, id=b"\x02")
        from pkcs11.util.ec import encode_ec_public_key

        ec_pubkey = serialization.load_der_public_key(encode_ec_public_key(ec_pub))
        ec_cert = signing_ca.issue(ec_pubkey, "Phạm Thị Hoa")
        _store_cert(s, ec_cert, EC_KEY_LABEL, b"\x02")
        _store_cert(s, signing_ca.cert, "CA", b"\x09")
    yield Token(SOFTHSM_LIB, conf, signing_ca, cert, ec_cert)
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


# --- images, PDFs, workbooks -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def stamp_images(tmp_path_factory):
    """A blue signature and a red seal, both PNG with a transparent background."""
    from PIL import Image, ImageDraw

    folder = tmp_path_factory.mktemp("hinh")
    sig = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(sig)
    d.line([(40 + i * 5, 140 + 60 * math.sin(i / 7.0)) for i in range(100)], fill=(20, 40, 200, 255), width=8)
    d.line([(80, 200), (540, 60)], fill=(20, 40, 200, 255), width=5)
    sig.save(folder / "chu-ky.png")
    seal = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    d = ImageDraw.Draw(seal)
    d.ellipse((10, 10, 390, 390), outline=(220, 20, 20, 230), width=14)
    d.ellipse((60, 60, 340, 340), outline=(220, 20, 20, 230), width=6)
    d.regular_polygon((200, 200, 60), 5, fill=(220, 20, 20, 230))
    seal.save(folder / "con-dau.png")
    return folder / "chu-ky.png", folder / "con-dau.png"


def make_pdf(path: Path, pages: int = 2) -> Path:
    """A report-like PDF in Liberation Serif with a signature block on the last page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from thidua_desktop.paths import fonts_dir

    if "TestSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestSerif", str(fonts_dir() / "LiberationSerif-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setAuthor("thidua-test")
    for p in range(pages):
        c.setFont("TestSerif", 13)
        c.drawString(90, 780, f"BÁO CÁO sơ kết phong trào thi đua — trang {p + 1}")
        for line in range(20):
            c.drawString(90, 740 - line * 22, f"{line + 1}. Nguyễn Thị Ánh Tuyết, Đặng Quốc Hưng — {p * 20 + line}")
        if p == pages - 1:
            c.drawString(360, 250, "TM. BAN CHẤP HÀNH")
            c.drawString(395, 232, "CHỦ TỊCH")
            c.drawString(380, 90, "Phạm Thị Hoa")
        c.showPage()
    c.save()
    return path


def make_workbook(path: Path, rows: int = 200) -> Path:
    """A 1-HĐCĐ-like workbook: title rows, a table of mixed types, and a hidden sheet with data."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Mẫu 1-HĐCĐ")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, "Công đoàn cấp trên: LĐLĐ huyện Gia Viễn")
    ws.write(1, 0, "Đơn vị báo cáo: " + UNIT_NAME)
    ws.write_row(3, 0, ["STT", "Họ và tên", "Số ngày công", "Ngày sinh", "Đoàn viên", "Tỷ lệ"])
    for r in range(rows):
        ws.write_number(4 + r, 0, r + 1)
        ws.write_string(4 + r, 1, f"Nguyễn Văn Hưng {r}")
        ws.write_number(4 + r, 2, 21.5 + r % 3)
        ws.write_datetime(4 + r, 3, dt.datetime(1980, 1, 1) + dt.timedelta(days=37 * r), date_fmt)
        ws.write_boolean(4 + r, 4, r % 2 == 0)
        ws.write_number(4 + r, 5, 0.1 * r)
    ws.write_formula(4 + rows, 2, f"=SUM(C5:C{4 + rows})", None, sum(21.5 + r % 3 for r in range(rows)))
    hidden = wb.add_worksheet("Số liệu gốc")
    hidden.write(0, 0, "Tổng số đoàn viên")
    hidden.write(0, 1, 287)
    hidden.hide()
    wb.close()
    return path


# --- tools -------------------------------------------------------------------------------------------


def pdfsig(path: Path, *extra: str) -> str:
    """pdfsig's report (it exits 0 even when a signature is broken: read the text)."""
    result = subprocess.run(
        ["pdfsig", *extra, str(path)], capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    return result.stdout + result.stderr


def openssl_cms_verify(content: Path, signature_der: Path, ca_pem: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(signature_der),
            "-content",
            str(content),
            "-CAfile",
            str(ca_pem),
            "-purpose",
            "any",
            "-out",
            os.devnull,
        ],
        capture_output=True,
        text=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """aiosmtpd on 127.0.0.1 in a thread; keeps every message it accepted (parsed)."""

    def __init__(
        self,
        port: int | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        refuse: dict[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.user, self.password = user, password
        self.refuse = refuse or {}
        self.received: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.logins: list[str] = []
        self._controller = None
        self._lock = threading.Lock()

    def start(self) -> "SmtpServer":
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        server = self

        class Handler:
            async def handle_RCPT(self, srv, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's hook
                if address in server.refuse:
                    return server.refuse[address]
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, srv, session, envelope):  # noqa: N802 - aiosmtpd's hook
                msg = email.message_from_bytes(
                    envelope.original_content or envelope.content, policy=email.policy.default
                )
                with server._lock:
                    server.received.append(msg)
                    server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
                return "250 Message accepted for delivery"

        def authenticator(srv, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == server.user
                and auth_data.password.decode() == server.password
            )
            if ok:
                server.logins.append(auth_data.login.decode())
            return AuthResult(success=ok, handled=False)

        kwargs = {}
        if self.user:
            kwargs = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def settings(self, **kw):
        from thidua_desktop.sending.smtp import SmtpSettings

        base = dict(
            host="127.0.0.1",
            port=self.port,
            security="plain",
            from_addr="cdcs.maylhoalu@example.vn",
            from_name="CĐCS Công ty TNHH May Hoa Lư",
            timeout=5,
        )
        if self.user:
            base["user"] = self.user
        base.update(kw)
        password = base.pop("password", self.password or "")
        return SmtpSettings(**base).with_password(password)


@pytest.fixture
def smtp_server():
    server = SmtpServer().start()
    yield server
    server.stop()


# --- the helpers themselves ----------------------------------------------------------------------------


def test_test_ca_issues_a_signing_certificate(signing_ca):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = signing_ca.issue(key.public_key(), "Phạm Thị Hoa")
    assert cert.issuer == signing_ca.cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment


@needs_softhsm
def test_softhsm_token_holds_keys_generated_on_it(softhsm_token):
    """pkcs11-tool (opensc) sees the keys and certificates, and the private keys never left the token."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    tok = pkcs11.lib(softhsm_token.lib).get_token(token_label=TOKEN_LABEL)
    with tok.open(user_pin=TOKEN_PIN) as s:
        key = s.get_key(object_class=ObjectClass.PRIVATE_KEY, label=KEY_LABEL)
        assert key[Attribute.SENSITIVE] and not key[Attribute.EXTRACTABLE] and key[Attribute.LOCAL]
    if shutil.which("pkcs11-tool"):
        listed = subprocess.run(
            [
                "pkcs11-tool",
                "--module",
                softhsm_token.lib,
                "--token-label",
                TOKEN_LABEL,
                "--login",
                "--pin",
                TOKEN_PIN,
                "-O",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "SOFTHSM2_CONF": str(softhsm_token.conf)},
        )
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.count(f"label:      {KEY_LABEL}") >= 3  # private key, public key, certificate
