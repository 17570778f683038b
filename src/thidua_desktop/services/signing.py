"""Signing and verification for the GUI and the CLI: the data folder's keys and trusted list.

Everything here works on files and the data folder (``<data folder>/keys``); the database is
only read for the unit's name. Errors are :class:`~thidua_desktop.signing.errors.SigningError`
with a Vietnamese message; secrets are never part of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from thidua_desktop.signing import keys
from thidua_desktop.signing.errors import SigningError
from thidua_desktop.signing.signers import P12Spec, Pkcs11Spec

__all__ = [
    "P12Spec",
    "Pkcs11Spec",
    "SignOptions",
    "create_unit_key",
    "unit_key_path",
    "sign_document",
    "place_signature_image",
    "verify_document",
    "trust_certificate",
    "trusted_certificates",
    "untrust",
    "list_tokens",
    "certificate_info",
]


def unit_key_path(paths) -> Path:
    return keys.unit_key_path(paths)


def create_unit_key(
    db,
    paths,
    password: str,
    *,
    algorithm: str = "rsa",
    out: Path | None = None,
    name: str | None = None,
    overwrite: bool = False,
) -> keys.KeyFile:
    """The unit's own key and certificate (CN = the unit's name), kept in ``keys/unit.p12``; its
    certificate is trusted in the unit's own data folder (what the unit signed checks as known) when
    the key is kept there (not a key written elsewhere with ``out``)."""
    if not name:
        from thidua_desktop.services import year

        unit = year.get_unit(db) if db is not None else None
        if unit is None or not unit.name:
            raise SigningError("Chưa khai báo tên đơn vị; hãy nhập thông tin đơn vị trước khi tạo khóa.")
        name = unit.name
    target = Path(out) if out else unit_key_path(paths)
    made = keys.create_unit_key(name, target, password, algorithm=algorithm, overwrite=overwrite)
    if paths is not None and target.resolve() == unit_key_path(paths).resolve():  # the data folder's own key
        keys.add_trusted(paths, made.certificate, name)
    return made


@dataclass(frozen=True)
class SignOptions:
    out: Path | None = None
    signature_image: Path | None = None
    seal_image: Path | None = None
    p7s: bool = False
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    name: str | None = None
    reason: str | None = "Ký số văn bản"
    location: str | None = None


def sign_document(src: str | os.PathLike[str], spec: P12Spec | Pkcs11Spec, options: SignOptions = SignOptions()):
    """Sign a PDF (PAdES) or a workbook (cell-value signature); returns a ``SignResult``.

    The source file is kept as it was; the signed copy goes to ``options.out`` (by default
    ``<name>-da-ky.<ext>`` beside it).
    """
    from thidua_desktop.signing import open_signer, sign_file

    with open_signer(spec) as signer:
        return sign_file(
            src,
            options.out,
            signer,
            signature_image=options.signature_image,
            seal_image=options.seal_image,
            p7s=options.p7s,
            page=options.page,
            box=options.box,
            name=options.name,
            reason=options.reason,
            location=options.location,
        )


def place_signature_image(
    src, *, out=None, signature_image=None, seal_image=None, page=None, box=None, caption=None
) -> Path:
    """A *hình ảnh chữ ký* (scanned signature/seal images), NOT a digital signature."""
    from thidua_desktop.signing import pdf

    return pdf.place_signature_image(
        src, out, signature_image=signature_image, seal_image=seal_image, page=page, box=box, caption=caption
    )


def verify_document(paths, path: str | os.PathLike[str], extra_trust=()):
    """Verify against the data folder's trusted list plus ``extra_trust`` (certificates or files)."""
    from thidua_desktop.signing.verify import verify

    trust = [t.certificate for t in keys.list_trusted(paths)] if paths is not None else []
    for item in extra_trust:
        trust.append(item if not isinstance(item, (str, os.PathLike)) else keys.load_certificate_file(item))
    return verify(path, trust)


def trust_certificate(paths, cert_or_file, label: str | None = None) -> Path:
    cert = (
        cert_or_file if not isinstance(cert_or_file, (str, os.PathLike)) else keys.load_certificate_file(cert_or_file)
    )
    return keys.add_trusted(paths, cert, label)


def trusted_certificates(paths) -> list[keys.TrustedCert]:
    return keys.list_trusted(paths)


def untrust(paths, fingerprint: str) -> list[Path]:
    return keys.remove_trusted(paths, fingerprint)


def list_tokens(library):
    from thidua_desktop.signing.signers import list_tokens as _list

    return _list(library)


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    organization: str
    issuer: str
    self_signed: bool
    not_before: object
    not_after: object
    fingerprint: str
    key_type: str
    usages: list[str]


def certificate_info(cert) -> CertificateInfo:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    pub = cert.public_key()
    if isinstance(pub, rsa.RSAPublicKey):
        key_type = f"RSA {pub.key_size} bit"
    elif isinstance(pub, ec.EllipticCurvePublicKey):
        key_type = f"ECDSA {pub.curve.name}"
    else:
        key_type = type(pub).__name__
    usages: list[str] = []
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if ku.digital_signature:
            usages.append("chữ ký số")
        if ku.content_commitment:
            usages.append("chống chối bỏ")
        if ku.key_cert_sign:
            usages.append("ký chứng thư (CA)")
    except x509.ExtensionNotFound:
        usages.append("(không giới hạn)")
    return CertificateInfo(
        subject=keys.subject_name(cert),
        organization=keys.organization_name(cert),
        issuer=keys.issuer_name(cert),
        self_signed=keys.is_self_signed(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=keys.fingerprint(cert),
        key_type=key_type,
        usages=usages,
    )
