"""Keys and signers: the unit certificate, PKCS#12 files, the trusted list, the SoftHSM2 token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from tests.test_signing_fixtures import (  # noqa: F401  (fixtures)
    KEY_LABEL,
    P12_PASSWORD,
    TOKEN_LABEL,
    UNIT_NAME,
    ca_p12,
    keydir,
    make_pdf,
    make_workbook,
    needs_softhsm,
    softhsm_token,
    signing_ca,
    unit_key,
)
from thidua_desktop.signing import keys, signers
from thidua_desktop.signing.errors import CertificateProblem, SigningError, TokenError, WrongSecretError


# --- the unit key ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["rsa", "ec"])
def test_create_unit_key_is_encrypted_self_signed_five_years(tmp_path, algorithm):
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    now = dt.datetime(2026, 2, 18, 9, 0, tzinfo=dt.timezone.utc)
    kf = keys.create_unit_key(
        "CĐCS Trường THCS Gia Sinh", tmp_path / "u.p12", "mật khẩu dài", algorithm=algorithm, now=now
    )
    cert = kf.certificate
    assert keys.subject_name(cert) == "CĐCS Trường THCS Gia Sinh"
    assert keys.organization_name(cert) == keys.DEFAULT_ORGANIZATION
    assert cert.issuer == cert.subject
    assert cert.not_valid_after_utc == dt.datetime(2031, 2, 18, 9, 0, tzinfo=dt.timezone.utc)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert isinstance(cert.public_key(), rsa.RSAPublicKey if algorithm == "rsa" else ec.EllipticCurvePublicKey)
    if algorithm == "rsa":
        assert cert.public_key().key_size == 2048
    data = (tmp_path / "u.p12").read_bytes()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(data, None)  # encrypted: no key without the password
    assert pkcs12.load_key_and_certificates(data, "mật khẩu dài".encode())[1] == cert
    fp = keys.fingerprint(cert)
    assert len(fp.split()) == 16 and all(len(g) == 4 for g in fp.split())
    assert (
        fp.replace(" ", "").lower()
        == cert.fingerprint(__import__("cryptography.hazmat.primitives.hashes", fromlist=["SHA256"]).SHA256()).hex()
    )


def test_create_unit_key_refuses_short_password_and_existing_file(tmp_path):
    with pytest.raises(SigningError, match="ít nhất 8 ký tự"):
        keys.create_unit_key("CĐCS", tmp_path / "u.p12", "ngan")
    keys.create_unit_key("CĐCS", tmp_path / "u.p12", "mat-khau-du-dai")
    before = (tmp_path / "u.p12").read_bytes()
    with pytest.raises(SigningError, match="không ghi đè"):
        keys.create_unit_key("CĐCS", tmp_path / "u.p12", "mat-khau-du-dai")
    assert (tmp_path / "u.p12").read_bytes() == before


def test_wrong_password_message_has_no_password(unit_key):
    path, _, _, _ = unit_key
    with pytest.raises(WrongSecretError) as info:
        keys.load_key_file(path, "sai-mat-khau-XYZ")
    assert "sai mật khẩu" in info.value.message and "sai-mat-khau-XYZ" not in str(info.value)
    assert "sai-mat-khau-XYZ" not in repr(info.value.__cause__) and info.value.__suppress_context__


def test_export_certificate_pem_has_no_private_key(unit_key, tmp_path):
    path, password, cert, _ = unit_key
    out = tmp_path / "don-vi.pem"
    keys.export_certificate_pem(path, password, out)
    text = out.read_text()
    assert text.startswith("-----BEGIN CERTIFICATE-----") and "PRIVATE" not in text
    assert keys.load_certificate_file(out) == cert


def test_trusted_list_in_the_data_folder(data_paths, unit_key, ca_p12):
    _, _, cert, pem = unit_key
    assert keys.list_trusted(data_paths) == []
    first = keys.add_trusted(data_paths, cert)
    assert first.parent == data_paths.root / "keys" / "trusted" and first.suffix == ".pem"
    assert keys.add_trusted(data_paths, keys.load_certificate_file(pem)) == first  # same certificate, same file
    ca_cert = keys.load_certificate_file(ca_p12[2])
    keys.add_trusted(data_paths, ca_cert, label="CA thử")
    assert [t.subject for t in keys.list_trusted(data_paths)].count(UNIT_NAME) == 1
    assert len(keys.list_trusted(data_paths)) == 2
    (data_paths.root / "keys" / "trusted" / "hong.pem").write_text("không phải chứng thư")
    assert len(keys.list_trusted(data_paths)) == 2  # a damaged file is skipped
    removed = keys.remove_trusted(data_paths, keys.fingerprint(cert)[:14])
    assert removed == [first] and len(keys.list_trusted(data_paths)) == 1
    with pytest.raises(SigningError):
        keys.remove_trusted(data_paths, "AB")


# --- certificates that cannot sign ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "case, words",
    [
        ("expired", "đã hết hạn"),
        ("future", "chưa có hiệu lực"),
        ("usage", "không dùng được để ký số"),
    ],
)
def test_unusable_certificates_are_refused_and_nothing_is_written(signing_ca, tmp_path, case, words):
    now = dt.datetime.now(dt.timezone.utc)
    kw = {
        "expired": {"not_before": now - dt.timedelta(days=800), "not_after": now - dt.timedelta(days=1)},
        "future": {"not_before": now + dt.timedelta(days=10), "not_after": now + dt.timedelta(days=800)},
        "usage": {"signing_usage": False},
    }[case]
    p12 = signing_ca.p12(tmp_path / "k.p12", "Lê Văn Tám", **kw)
    pdf = make_pdf(tmp_path / "bc.pdf")
    xlsx = make_workbook(tmp_path / "bc.xlsx", rows=5)
    from thidua_desktop.signing import sign_file

    for src in (pdf, xlsx):
        with signers.open_signer(signers.P12Spec(p12, P12_PASSWORD)) as s, pytest.raises(CertificateProblem) as info:
            sign_file(src, tmp_path / f"out{src.suffix}", s)
        assert words in info.value.message
        assert not (tmp_path / f"out{src.suffix}").exists()


# --- PKCS#11 ---------------------------------------------------------------------------------------------


@needs_softhsm
def test_token_listed_by_label_and_opened(softhsm_token):
    tokens = signers.list_tokens(softhsm_token.lib)
    assert [t.label for t in tokens] == [TOKEN_LABEL]
    with signers.open_signer(softhsm_token.spec()) as s:
        assert s.certificate == softhsm_token.cert
        assert softhsm_token.ca.cert in s.chain  # pulled from the token
        der = s.sign_detached(b"du lieu")
        assert der[:1] == b"\x30" and len(der) > 1000


@needs_softhsm
def test_token_wrong_pin_missing_token_and_missing_key(softhsm_token):
    with pytest.raises(WrongSecretError) as info:
        signers.open_signer(softhsm_token.spec(pin="999999"))
    assert "Sai mã PIN" in info.value.message and "999999" not in info.value.message
    from thidua_desktop.signing.signers import Pkcs11Spec

    with pytest.raises(TokenError, match="Không tìm thấy token có nhãn 'Không có'.*Token Thử Nghiệm"):
        signers.open_signer(Pkcs11Spec(Path(softhsm_token.lib), "Không có", KEY_LABEL, "1"))
    with pytest.raises(TokenError, match="Không có khóa bí mật nhãn 'khac'.*ky-so-don-vi"):
        signers.open_signer(softhsm_token.spec(key_label="khac"))
    with pytest.raises(TokenError, match="Không tìm thấy thư viện PKCS#11"):
        signers.open_signer(Pkcs11Spec(Path("/khong/co/libvnpt.so"), TOKEN_LABEL, KEY_LABEL, "1"))


@needs_softhsm
def test_token_unplugged_while_signing_keeps_the_unsigned_file(softhsm_token, tmp_path, monkeypatch):
    """A token pulled out mid-way: a clear message, no output, the source untouched."""
    from pkcs11 import exceptions as p11e

    from thidua_desktop.signing import sign_file

    pdf = make_pdf(tmp_path / "bc.pdf")
    xlsx = make_workbook(tmp_path / "bc.xlsx", rows=5)
    before = {p: p.read_bytes() for p in (pdf, xlsx)}
    with signers.open_signer(softhsm_token.spec()) as s:
        ph = s.pyhanko_signer()

        async def unplugged(*a, **k):
            raise p11e.DeviceRemoved()

        monkeypatch.setattr(ph, "async_sign_raw", unplugged)
        for src in (pdf, xlsx):
            with pytest.raises(TokenError, match="rút ra"):
                sign_file(src, tmp_path / f"ky{src.suffix}", s)
            assert not (tmp_path / f"ky{src.suffix}").exists()
    assert all(p.read_bytes() == data for p, data in before.items())


def test_secrets_are_not_kept_on_specs():
    spec = signers.P12Spec(Path("k.p12"), "bi-mat-123")
    assert "bi-mat-123" not in repr(spec)
    from thidua_desktop.signing.signers import Pkcs11Spec
    from thidua_desktop.sending.smtp import SmtpSettings

    assert "4321" not in repr(Pkcs11Spec(Path("x.so"), "t", "k", "4321"))
    assert "mk-email" not in repr(SmtpSettings(host="h").with_password("mk-email"))
