"""Keys and certificates: the unit certificate the app creates, PKCS#12 files, the trusted list.

The unit's own key is kept in a PKCS#12 file encrypted with its password
(``BestAvailableEncryption``); the password is asked for each time and never stored.
The public certificate (PEM) and its SHA-256 fingerprint are what the unit hands to the upper
union, who reads the fingerprint back over the phone before adding the certificate to its
trusted list (``<data folder>/keys/trusted/*.pem``).
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from thidua_desktop.signing.common import display_time, nfc
from thidua_desktop.signing.errors import CertificateProblem, SigningError, UnreadableFile, WrongSecretError

DEFAULT_ORGANIZATION = "Công đoàn Việt Nam"
VALIDITY_YEARS = 5
MIN_PASSWORD_LENGTH = 8
KEY_FILE_SUFFIXES = (".p12", ".pfx")


# --- locations in the data folder ----------------------------------------------------------------


def keys_dir(paths) -> Path:
    """``<data folder>/keys``: the unit's key file and the trusted certificates."""
    return Path(paths.root) / "keys"


def trusted_dir(paths) -> Path:
    return keys_dir(paths) / "trusted"


def unit_key_path(paths) -> Path:
    return keys_dir(paths) / "unit.p12"


# --- certificates ---------------------------------------------------------------------------------


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate in groups of four hex digits, for reading over the phone."""
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _compact(fp: str) -> str:
    return re.sub(r"[^0-9A-Fa-f]", "", fp).upper()


def subject_name(cert: x509.Certificate) -> str:
    """The certificate's common name (the unit or the person), else the whole subject."""
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names:
        return nfc(str(names[0].value))
    return nfc(cert.subject.rfc4514_string())


def organization_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return nfc(str(names[0].value)) if names else ""


def issuer_name(cert: x509.Certificate) -> str:
    names = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    return nfc(str(names[0].value)) if names else nfc(cert.issuer.rfc4514_string())


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def same_certificate(a: x509.Certificate, b: x509.Certificate) -> bool:
    return a.public_bytes(serialization.Encoding.DER) == b.public_bytes(serialization.Encoding.DER)


def is_self_signed(cert: x509.Certificate) -> bool:
    return cert.issuer == cert.subject


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM bundle, or the one DER certificate."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        return list(x509.load_pem_x509_certificates(data))
    return [x509.load_der_x509_certificate(data)]


def load_certificate_file(path: str | os.PathLike[str]) -> x509.Certificate:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp chứng thư số {path}: {exc.strerror or exc}.") from None
    try:
        return load_certificates(data)[0]
    except (ValueError, IndexError):
        raise UnreadableFile(f"Tệp {path.name} không phải chứng thư số (PEM hoặc DER).") from None


def check_signing_certificate(cert: x509.Certificate, at: datetime | None = None) -> None:
    """Refuse a certificate that is expired, not yet valid or not meant for signatures."""
    at = at or datetime.now(timezone.utc)
    if at < cert.not_valid_before_utc:
        raise CertificateProblem(
            f"Chứng thư số của {subject_name(cert)} chưa có hiệu lực (có hiệu lực từ "
            f"{display_time(cert.not_valid_before_utc)}). Kiểm tra đồng hồ của máy tính."
        )
    if at > cert.not_valid_after_utc:
        raise CertificateProblem(
            f"Chứng thư số của {subject_name(cert)} đã hết hạn từ {display_time(cert.not_valid_after_utc)}. "
            "Hãy gia hạn chứng thư số với nhà cung cấp (hoặc tạo khóa mới cho đơn vị)."
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise CertificateProblem(
            f"Chứng thư số của {subject_name(cert)} không dùng được để ký số "
            "(thiếu mục đích sử dụng 'chữ ký số' / 'chống chối bỏ'). Hãy chọn chứng thư số dùng để ký."
        )


# --- the unit key the app creates -----------------------------------------------------------------


@dataclass(frozen=True)
class KeyFile:
    """What a PKCS#12 file holds once opened with its password."""

    path: Path
    private_key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)


def _check_password(password: str) -> bytes:
    if not password or len(password) < MIN_PASSWORD_LENGTH:
        raise SigningError(f"Mật khẩu của tệp khóa phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.")
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def _atomic_write(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    from thidua_desktop.store.files import atomic_write  # only when writing: verifying imports no store module

    path = Path(path)
    if path.exists() and not overwrite:
        raise SigningError(f"Tệp {path} đã có; không ghi đè. Hãy chọn tên tệp khác.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, private=True) as partial:  # a key file: its owner's only
        partial.write_bytes(data)


def create_unit_key(
    name: str,
    out_p12: str | os.PathLike[str],
    password: str,
    *,
    algorithm: str = "rsa",
    organization: str = DEFAULT_ORGANIZATION,
    now: datetime | None = None,
    overwrite: bool = False,
) -> KeyFile:
    """Create the unit's own key and self-signed certificate and keep them encrypted in ``out_p12``.

    CN = the unit name, O = ``organization``, C = VN; valid for five years; key usage
    digitalSignature + nonRepudiation; RSA-2048 (``algorithm="rsa"``) or ECDSA P-256 (``"ec"``).
    """
    name = nfc(name).strip()
    if not name:
        raise SigningError("Cần tên đơn vị để tạo chứng thư số.")
    secret = _check_password(password)
    if algorithm == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    elif algorithm == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        raise SigningError("Loại khóa phải là 'rsa' (RSA-2048) hoặc 'ec' (ECDSA P-256).")
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, nfc(organization)))
    attrs.append(x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"))
    subject = x509.Name(attrs)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1)
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(_add_years(now, VALIDITY_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, cert, None, serialization.BestAvailableEncryption(secret)
    )
    out = Path(out_p12)
    _atomic_write(out, data, overwrite=overwrite)
    return KeyFile(out, key, cert, ())


def load_key_file(path: str | os.PathLike[str], password: str) -> KeyFile:
    """Open a .p12/.pfx file. A wrong password gives :class:`WrongSecretError` (without the password)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp khóa {path}: {exc.strerror or exc}.") from None
    secret = unicodedata.normalize("NFC", password or "").encode("utf-8")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret or None)
    except (ValueError, TypeError):
        raise WrongSecretError(
            f"Không mở được tệp khóa {path.name}: sai mật khẩu hoặc tệp không phải PKCS#12 (.p12/.pfx)."
        ) from None
    if key is None or cert is None:
        raise SigningError(f"Tệp {path.name} không chứa cả khóa bí mật và chứng thư số.")
    return KeyFile(path, key, cert, tuple(extra or ()))


def export_certificate_pem(
    p12: str | os.PathLike[str], password: str, out: str | os.PathLike[str], *, overwrite: bool = False
) -> x509.Certificate:
    """Write the public certificate of a key file as PEM (what the upper union receives)."""
    kf = load_key_file(p12, password)
    _atomic_write(Path(out), cert_pem(kf.certificate), overwrite=overwrite)
    return kf.certificate


# --- the trusted list -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedCert:
    path: Path
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def subject(self) -> str:
        return subject_name(self.certificate)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return slug[:60] or "chung-thu"


def list_trusted(paths) -> list[TrustedCert]:
    folder = trusted_dir(paths)
    found: list[TrustedCert] = []
    if not folder.is_dir():
        return found
    for pem in sorted(folder.glob("*.pem")):
        try:
            for cert in load_certificates(pem.read_bytes()):
                found.append(TrustedCert(pem, cert))
        except (OSError, ValueError):
            continue  # a damaged file in the folder must not stop verification
    return found


def add_trusted(paths, cert: x509.Certificate, label: str | None = None) -> Path:
    """Put a certificate in the data folder's trusted list (idempotent: same certificate, same file)."""
    for existing in list_trusted(paths):
        if same_certificate(existing.certificate, cert):
            return existing.path
    folder = trusted_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_slug(label or subject_name(cert))}-{_compact(fingerprint(cert))[:12].lower()}.pem"
    _atomic_write(target, cert_pem(cert), overwrite=True)
    return target


def remove_trusted(paths, fp: str) -> list[Path]:
    """Remove the trusted certificates whose fingerprint starts with ``fp`` (spaces ignored)."""
    wanted = _compact(fp)
    if len(wanted) < 8:
        raise SigningError("Cần ít nhất 8 chữ số đầu của dấu vân tay chứng thư số.")
    removed = []
    for entry in list_trusted(paths):
        if _compact(entry.fingerprint).startswith(wanted):
            entry.path.unlink(missing_ok=True)
            removed.append(entry.path)
    return removed
