"""Signers: a PKCS#12 key file, or a key on a PKCS#11 token (USB token of a licensed CA).

Both give the same three things: the signer's certificate, a detached CMS signature over some
bytes (for workbooks and ``.p7s`` files) and a pyHanko signer (for PDFs). Open one with
:func:`open_signer` and close it when done (it is a context manager)::

    with open_signer(P12Spec(path, password)) as signer:
        sign_pdf(src, dst, signer)

Secrets (the password, the PIN) are used once to open the key and are not kept on the object,
and no message built here contains them.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from thidua_desktop.signing import keys
from thidua_desktop.signing.errors import SigningError, TokenError, WrongSecretError


@dataclass(frozen=True)
class P12Spec:
    path: Path
    password: str = field(repr=False)


@dataclass(frozen=True)
class Pkcs11Spec:
    library: Path
    token_label: str
    key_label: str
    pin: str | None = field(default=None, repr=False)  # None: the token asks on its own pad
    cert_label: str | None = None


class Signer(ABC):
    """What signing needs from a key: its certificate, detached CMS, a pyHanko signer."""

    kind = ""

    @property
    @abstractmethod
    def certificate(self) -> x509.Certificate:
        """The signer's certificate."""

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return ()

    @property
    def name(self) -> str:
        return keys.subject_name(self.certificate)

    @abstractmethod
    def sign_detached(self, data: bytes) -> bytes:
        """A DER ``ContentInfo`` holding a detached CMS SignedData over ``data`` (SHA-256)."""

    @abstractmethod
    def pyhanko_signer(self):
        """The pyHanko signer object for PAdES."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FileSigner(Signer):
    kind = "p12"

    def __init__(self, key_file: keys.KeyFile) -> None:
        self._kf = key_file
        self._ph = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], password: str) -> "FileSigner":
        return cls(keys.load_key_file(path, password))

    @property
    def certificate(self) -> x509.Certificate:
        return self._kf.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self._kf.chain

    def sign_detached(self, data: bytes) -> bytes:
        builder = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(data)
            .add_signer(self._kf.certificate, self._kf.private_key, hashes.SHA256())
        )
        for extra in self._kf.chain:
            builder = builder.add_certificate(extra)
        return builder.sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )

    def pyhanko_signer(self):
        if self._ph is None:
            from asn1crypto import keys as asn1_keys, x509 as asn1_x509
            from pyhanko.sign import signers
            from pyhanko_certvalidator.registry import SimpleCertificateStore

            key_info = asn1_keys.PrivateKeyInfo.load(
                self._kf.private_key.private_bytes(
                    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            )
            cert = asn1_x509.Certificate.load(self._kf.certificate.public_bytes(serialization.Encoding.DER))
            others = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in self._kf.chain]
            self._ph = signers.SimpleSigner(
                signing_cert=cert,
                signing_key=key_info,
                cert_registry=SimpleCertificateStore.from_certs([cert, *others]),
            )
        return self._ph

    def close(self) -> None:
        self._ph = None


# --- PKCS#11 -------------------------------------------------------------------------------------

_PIN_COUNT_LOW, _PIN_FINAL_TRY, _PIN_LOCKED = 0x00010000, 0x00020000, 0x00040000


def load_library(path: str | os.PathLike[str]):
    """The vendor's PKCS#11 library (``.so``/``.dll``); one instance per path per process."""
    import pkcs11

    path = Path(path)
    if not path.is_file():
        raise TokenError(
            f"Không tìm thấy thư viện PKCS#11 của token: {path}. "
            "Hãy cài trình điều khiển token của nhà cung cấp và chọn đúng tệp thư viện."
        )
    try:
        return pkcs11.lib(str(path))
    except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
        raise TokenError(
            f"Không nạp được thư viện PKCS#11 {path.name}. Tệp không đúng loại "
            "(32/64-bit) hoặc không phải thư viện PKCS#11."
        ) from None


@dataclass(frozen=True)
class TokenInfo:
    label: str
    manufacturer: str
    model: str
    serial: str


def list_tokens(library: str | os.PathLike[str]) -> list[TokenInfo]:
    """Tokens currently plugged in, by label (never by slot number: slots move)."""
    lib = load_library(library)
    found = []
    try:
        for token in lib.get_tokens():
            serial = token.serial.decode("ascii", "replace") if isinstance(token.serial, bytes) else str(token.serial)
            if not token.label and not serial:
                continue  # SoftHSM's spare uninitialised slot
            found.append(TokenInfo(token.label, token.manufacturer_id, token.model, serial))
    except Exception as exc:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
        raise _token_error(exc) from None
    return found


def _token_labels(lib) -> list[str]:
    try:
        return [t.label for t in lib.get_tokens() if t.label]
    except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
        return []


def _pin_state(lib, label: str) -> int:
    try:
        for token in lib.get_tokens(token_label=label):
            return int(token.flags)
    except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
        pass
    return 0


def _token_error(exc: BaseException) -> SigningError:
    """A Vietnamese message for a PKCS#11 failure (the exception text is never shown: no secrets)."""
    from pkcs11 import exceptions as e

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, SigningError):
            return seen
        if isinstance(
            seen,
            (
                e.DeviceRemoved,
                e.TokenNotPresent,
                e.SessionHandleInvalid,
                e.SessionClosed,
                e.DeviceError,
                e.TokenNotRecognised,
            ),
        ):
            return TokenError(
                "Token đã bị rút ra hoặc ngừng phản hồi trong khi ký. Tài liệu chưa ký được "
                "giữ nguyên; hãy cắm lại token và ký lại."
            )
        if isinstance(seen, e.PinLocked):
            return WrongSecretError(
                "Token đã bị khóa do nhập sai PIN quá số lần cho phép. Hãy liên hệ nhà "
                "cung cấp chứng thư số để mở khóa."
            )
        if isinstance(seen, (e.PinIncorrect, e.PinInvalid, e.PinLenRange)):
            return WrongSecretError("Sai mã PIN của token.")
        if isinstance(seen, e.PinExpired):
            return WrongSecretError("Mã PIN của token đã hết hạn; hãy đổi PIN bằng công cụ của nhà cung cấp.")
        if isinstance(seen, (e.UserNotLoggedIn,)):
            return WrongSecretError("Chưa đăng nhập token (cần mã PIN).")
        if isinstance(seen, (e.FunctionCancelled,)):
            return TokenError("Thao tác ký trên token đã bị hủy.")
        if isinstance(seen, (e.MechanismInvalid, e.KeyTypeInconsistent)):
            return TokenError("Khóa trên token không hỗ trợ kiểu ký này (SHA-256).")
        seen = seen.__cause__ or seen.__context__
    return TokenError(
        "Token báo lỗi khi ký. Tài liệu chưa ký được giữ nguyên; hãy thử lại hoặc kiểm tra "
        f"trình điều khiển token ({type(exc).__name__})."
    )


class TokenSigner(Signer):
    kind = "pkcs11"

    def __init__(self, spec: Pkcs11Spec) -> None:
        from pkcs11 import Attribute, ObjectClass, exceptions as e

        self.spec = spec
        self._session = None
        lib = load_library(spec.library)
        try:
            tokens = list(lib.get_tokens(token_label=spec.token_label))
        except Exception as exc:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
            raise _token_error(exc) from None
        if not tokens:
            labels = _token_labels(lib)
            raise TokenError(
                f"Không tìm thấy token có nhãn '{spec.token_label}'. "
                + (f"Các token đang cắm: {', '.join(labels)}." if labels else "Chưa cắm token nào.")
            )
        if len(tokens) > 1:
            raise TokenError(f"Có {len(tokens)} token cùng nhãn '{spec.token_label}'; hãy chỉ cắm một token.")
        try:
            self._session = tokens[0].open(user_pin=spec.pin) if spec.pin is not None else tokens[0].open()
        except (e.PinIncorrect, e.PinInvalid, e.PinLenRange):
            flags = _pin_state(lib, spec.token_label)
            if flags & _PIN_LOCKED:
                raise _token_error(e.PinLocked()) from None
            more = (
                " Chỉ còn MỘT lần thử trước khi token bị khóa."
                if flags & _PIN_FINAL_TRY
                else " Số lần thử còn lại không nhiều."
                if flags & _PIN_COUNT_LOW
                else ""
            )
            raise WrongSecretError("Sai mã PIN của token." + more) from None
        except Exception as exc:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
            raise _token_error(exc) from None
        try:
            try:
                self._session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=spec.key_label)
            except e.NoSuchKey:
                objects = self._session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
                labels = sorted({k.label for k in objects})
                raise TokenError(
                    f"Không có khóa bí mật nhãn '{spec.key_label}' trên token. "
                    + (f"Các khóa có trên token: {', '.join(labels)}." if labels else "")
                ) from None
            except e.MultipleObjectsReturned:
                raise TokenError(f"Có nhiều khóa cùng nhãn '{spec.key_label}' trên token.") from None
            from pyhanko.sign import pkcs11 as ph11

            self._ph = ph11.PKCS11Signer(
                self._session,
                cert_label=spec.cert_label or spec.key_label,
                key_label=spec.key_label,
                other_certs_to_pull=None,
                use_raw_mechanism=self._needs_raw(tokens[0]),
            )
            try:
                ph_cert = self._ph.signing_cert
            except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
                ph_cert = None
            if ph_cert is None:
                raise TokenError(f"Không tìm thấy chứng thư số nhãn '{spec.cert_label or spec.key_label}' trên token.")
            self._cert = x509.load_der_x509_certificate(ph_cert.dump())
            own = ph_cert.dump()
            self._chain = tuple(
                x509.load_der_x509_certificate(c.dump()) for c in self._ph.cert_registry if c.dump() != own
            )
        except BaseException as exc:
            self.close()
            if isinstance(exc, SigningError):
                raise
            raise _token_error(exc) from None

    def _needs_raw(self, token) -> bool:
        """Hash on the PC and let the token do only the raw signature when it cannot hash itself
        (SoftHSM2 and many smart cards offer CKM_ECDSA but not CKM_ECDSA_SHA256)."""
        from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass

        try:
            mechanisms = set(token.slot.get_mechanisms())
            key = self._session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=self.spec.key_label)
            key_type = key[Attribute.KEY_TYPE]
        except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
            return False
        if key_type == KeyType.EC:
            return Mechanism.ECDSA_SHA256 not in mechanisms and Mechanism.ECDSA in mechanisms
        if key_type == KeyType.RSA:
            return Mechanism.SHA256_RSA_PKCS not in mechanisms and Mechanism.RSA_PKCS in mechanisms
        return False

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self._chain

    def sign_detached(self, data: bytes) -> bytes:
        from asn1crypto import cms

        try:
            signed = asyncio.run(self._ph.async_sign_general_data(data, "sha256", detached=True))
        except Exception as exc:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
            raise _token_error(exc) from None
        if isinstance(signed, cms.ContentInfo):
            return signed.dump()
        return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()

    def pyhanko_signer(self):
        return self._ph

    def close(self) -> None:
        if self._session is not None:
            try:
                self._session.close()
            except Exception:  # noqa: BLE001 - the PKCS#11 driver and python-pkcs11 raise their own types
                pass
            self._session = None


def open_signer(spec: P12Spec | Pkcs11Spec) -> Signer:
    if isinstance(spec, P12Spec):
        return FileSigner.open(spec.path, spec.password)
    if isinstance(spec, Pkcs11Spec):
        return TokenSigner(spec)
    raise TypeError(spec)
