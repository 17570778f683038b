"""Digital signatures on the documents a CĐCS sends up (issue 7), without any GUI.

* :mod:`.keys` — the unit certificate the app creates, PKCS#12 files, fingerprints, the trusted
  list in ``<data folder>/keys/trusted``;
* :mod:`.signers` — a PKCS#12 file or a PKCS#11 token (selected by label) behind one interface;
* :mod:`.pdf` — PAdES B-B with a visible appearance (:mod:`.appearance`), and signature
  *images* without a digital signature ("hình ảnh chữ ký");
* :mod:`.workbook` — a signature over a workbook's canonical cell values, kept in the very
  hidden sheet ``_chu_ky_so``, with an optional detached ``.p7s``;
* :mod:`.verify` — one verdict for both kinds.

Heavy libraries (pyHanko, python-pkcs11) are imported only when a function needs them, so that
importing this package costs nothing at start-up. Names are re-exported lazily below.
"""

from __future__ import annotations

_EXPORTS = {
    "SigningError": "errors",
    "WrongSecretError": "errors",
    "TokenError": "errors",
    "CertificateProblem": "errors",
    "UnreadableFile": "errors",
    "create_unit_key": "keys",
    "load_key_file": "keys",
    "fingerprint": "keys",
    "cert_pem": "keys",
    "export_certificate_pem": "keys",
    "load_certificate_file": "keys",
    "add_trusted": "keys",
    "list_trusted": "keys",
    "remove_trusted": "keys",
    "keys_dir": "keys",
    "trusted_dir": "keys",
    "P12Spec": "signers",
    "Pkcs11Spec": "signers",
    "open_signer": "signers",
    "list_tokens": "signers",
    "sign_pdf": "pdf",
    "place_signature_image": "pdf",
    "SignResult": "pdf",
    "signature_blocks": "pdf",
    "sign_workbook": "workbook",
    "canonical_data": "workbook",
    "verify": "verify",
    "Verdict": "verify",
    "describe": "verify",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def sign_file(src, dst, signer, **options):
    """Sign a PDF or a workbook, chosen by the file's content (``options`` per kind)."""
    from pathlib import Path

    from thidua_desktop.signing import pdf, workbook
    from thidua_desktop.signing.errors import SigningError, UnreadableFile

    src = Path(src)
    try:
        with open(src, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {src}: {exc.strerror or exc}.") from None
    if b"%PDF-" in head:
        allowed = {"page", "box", "signature_image", "seal_image", "name", "reason", "location", "signing_time"}
        return pdf.sign_pdf(src, dst, signer, **{k: v for k, v in options.items() if k in allowed})
    if head.startswith(b"PK\x03\x04"):
        if options.get("signature_image") or options.get("seal_image"):
            raise SigningError("Hình chữ ký và con dấu chỉ dùng cho tệp PDF; sổ tính được ký trên dữ liệu.")
        return workbook.sign_workbook(
            src, dst, signer, p7s=bool(options.get("p7s")), signing_time=options.get("signing_time")
        )
    raise UnreadableFile(f"Tệp {src.name} không phải PDF hay sổ tính .xlsx; chỉ ký được hai loại này.")
