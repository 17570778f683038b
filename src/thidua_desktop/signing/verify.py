"""Verify a signed PDF or workbook: is it intact, who signed it, when, and is the signer known.

``verify(path, trust=[certs])`` returns a :class:`Verdict`:

* ``status`` — ``"valid"`` (the signature is intact and covers what was received),
  ``"invalid"`` (no signature, a broken signature, content changed or — for a PDF — extended
  after signing by an incremental update), ``"unreadable"`` (not a PDF/workbook we can read);
* ``trusted`` — the signer's certificate chains up to one of ``trust`` (e.g. the CA of a USB
  token, or a unit certificate itself) at the time of checking;
* ``known`` — the signer's certificate *is* one of ``trust`` (a unit certificate the upper union
  registered after reading its fingerprint over the phone);
* ``signer``, ``signed_at`` (the signer's own clock: an offline B-B signature has no timestamp
  authority), ``covered`` (what the signature covers) and ``reasons`` (Vietnamese, one per line).

:attr:`Verdict.accepted` is what the CLI turns into exit code 0.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from thidua_desktop.signing import keys
from thidua_desktop.signing.common import VN_TZ, display_time
from thidua_desktop.signing.errors import UnreadableFile

VALID, INVALID, UNREADABLE = "valid", "invalid", "unreadable"


@dataclass
class Verdict:
    status: str
    kind: str = ""  # "pdf" | "xlsx" | "p7s"
    signer: str = ""
    signed_at: datetime | None = None
    covered: str = ""
    trusted: bool = False
    known: bool = False
    reasons: list[str] = field(default_factory=list)
    certificate: x509.Certificate | None = None
    signatures: int = 0
    # PDF: the signature is intact and covers every page as signed, but bytes were written after
    # it that change no content (a no-op incremental update, bytes after %%EOF): what was added.
    # ``status`` stays ``"invalid"`` (the file is not what was signed, byte for byte).
    additions: list[str] = field(default_factory=list)

    @property
    def additions_only(self) -> bool:
        """Not valid only because of later additions that change no content."""
        return self.status == INVALID and bool(self.additions)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.certificate) if self.certificate is not None else ""

    @property
    def accepted(self) -> bool:
        """Intact, and made by a trusted or known signer."""
        return self.status == VALID and (self.trusted or self.known)

    def summary(self) -> str:
        if self.status == UNREADABLE:
            return "Không đọc được tệp."
        if self.additions_only:
            return (
                "Chữ ký số nguyên vẹn, nội dung không đổi, nhưng tệp CÓ PHẦN GHI THÊM sau khi ký "
                "(không làm thay đổi nội dung)."
            )
        if self.status == INVALID:
            return "Chữ ký số KHÔNG hợp lệ." if self.signatures else "Tệp không có chữ ký số."
        if self.accepted:
            return "Chữ ký số hợp lệ; người ký " + ("đã được đăng ký (đã biết)." if self.known else "được tin cậy.")
        return "Chữ ký số nguyên vẹn nhưng người ký CHƯA được tin cậy (chưa có chứng thư số của người ký)."


def _to_asn1(cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _from_asn1(cert) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def _validation_context(trust: list[x509.Certificate]):
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[_to_asn1(c) for c in trust], allow_fetching=False, revocation_mode="soft-fail"
    )


def _key_usage_settings(cert):
    """Signer certificates must allow digitalSignature or nonRepudiation (either one, as
    :func:`keys.check_signing_certificate` does); without a key usage extension, any use is allowed
    (RFC 5280). pyHanko's own default would demand nonRepudiation."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    has_ku = cert is not None and cert.key_usage_value is not None
    return KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"} if has_ku else set(), match_all_key_usages=False
    )


def _known(cert: x509.Certificate | None, trust: list[x509.Certificate]) -> bool:
    return cert is not None and any(keys.same_certificate(cert, t) for t in trust)


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(VN_TZ) if moment is not None else None


def _kind_of(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except FileNotFoundError:
        raise UnreadableFile(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from None
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    return "other"


def verify(path: str | os.PathLike[str], trust: list[x509.Certificate] | tuple = ()) -> Verdict:
    path = Path(path)
    trust = list(trust)
    try:
        kind = _kind_of(path)
        if kind == "pdf":
            verdict = _verify_pdf(path, trust)
        elif kind == "xlsx":
            verdict = _verify_workbook(path, trust)
        elif _p7s_beside(path).exists():
            verdict = Verdict(INVALID, kind="p7s", covered="toàn bộ tệp (theo tệp .p7s)")
        else:
            raise UnreadableFile(f"Tệp {path.name} không phải PDF hay sổ tính .xlsx.")
    except UnreadableFile as exc:
        return Verdict(UNREADABLE, reasons=[exc.message])
    p7s = _p7s_beside(path)
    if p7s.exists():
        _check_p7s(path, p7s, trust, verdict)
    return verdict


def _p7s_beside(path: Path) -> Path:
    return path.with_name(path.name + ".p7s")


def _trust_reason(v: Verdict, cert: x509.Certificate | None) -> None:
    if cert is None:
        return
    if v.known:
        v.reasons.append(
            f"Chứng thư số của người ký có trong danh sách đã đăng ký (dấu vân tay {keys.fingerprint(cert)})."
        )
    elif v.trusted:
        v.reasons.append(f"Chứng thư số do {keys.issuer_name(cert)} cấp, được tin cậy.")
    elif keys.is_self_signed(cert):
        v.reasons.append(
            "Chứng thư số tự cấp của người ký chưa có trong danh sách đã đăng ký: hãy nhận chứng thư số từ đơn vị, "
            f'đối chiếu dấu vân tay {keys.fingerprint(cert)} qua điện thoại rồi tin cậy chứng thư này (nút "Tin cậy '
            'chứng thư này" khi kiểm tra chữ ký, hoặc lệnh thidua keys trust <tệp đã ký>).'
        )
    else:
        v.reasons.append(
            f"Chứng thư số của người ký chưa được tin cậy: không có trong danh sách đã đăng ký và nơi cấp "
            f"({keys.issuer_name(cert)}) chưa được tin cậy (dấu vân tay {keys.fingerprint(cert)})."
        )


# --- PDF -------------------------------------------------------------------------------------------


def _verify_pdf(path: Path, trust: list[x509.Certificate]) -> Verdict:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel

    v = Verdict(INVALID, kind="pdf")
    try:
        f = open(path, "rb")
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from None
    with f:
        try:
            reader = PdfFileReader(f, strict=False)
            if reader.encrypted:
                raise UnreadableFile(f"Tệp {path.name} được đặt mật khẩu.")
            sigs = reader.embedded_signatures
        except UnreadableFile:
            raise
        except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
            raise UnreadableFile(f"Tệp {path.name} không phải PDF đọc được (hoặc bị hỏng).") from None
        v.signatures = len(sigs)
        if not sigs:
            v.reasons.append("Tệp PDF không có chữ ký số.")
            return v
        vc = _validation_context(trust)
        ok = True
        all_trusted, all_known = True, True
        last = len(sigs) - 1
        for i, sig in enumerate(sigs):
            label = f"Chữ ký {i + 1}/{len(sigs)} ({sig.field_name})" if len(sigs) > 1 else "Chữ ký"
            try:
                _quiet_pyhanko()
                status = validate_pdf_signature(sig, vc, key_usage_settings=_key_usage_settings(sig.signer_cert))
            except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
                ok = False
                v.reasons.append(f"{label}: hỏng, không kiểm tra được.")
                continue
            cert = _from_asn1(status.signing_cert) if status.signing_cert is not None else None
            trusted = bool(status.trusted)
            known = _known(cert, trust)
            all_trusted &= trusted or known  # several signatures: each signer trusted or known
            all_known &= known
            if i == last:
                v.certificate = cert
                v.signer = keys.subject_name(cert) if cert is not None else ""
                v.signed_at = _local(status.signer_reported_dt)
            if not status.intact:
                ok = False
                v.reasons.append(f"{label}: nội dung đã bị thay đổi sau khi ký (mã băm không khớp).")
                continue
            if not status.valid:
                ok = False
                v.reasons.append(f"{label}: chữ ký không khớp với chứng thư số (chữ ký hỏng hoặc bị tráo).")
                continue
            if i == last:
                if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
                    ok = False
                    level = status.modification_level
                    no_content = status.docmdp_ok and level is not None and level <= ModificationLevel.LTA_UPDATES
                    added = _later_additions(reader, sig) if no_content else []
                    if added:
                        v.additions = added
                        v.reasons.append(
                            f"{label}: nội dung không bị thay đổi sau khi ký, nhưng có phần được ghi "
                            "thêm vào tệp sau khi ký (không làm thay đổi nội dung): " + "; ".join(added) + "."
                        )
                    else:
                        v.reasons.append(
                            f"{label}: nội dung đã bị thay đổi sau khi ký: tệp đã bị thêm nội dung sau "
                            "khi ký (cập nhật gia tăng); chữ ký chỉ còn bao phủ một phiên bản trước "
                            "của tệp."
                        )
                    continue
            else:
                level = status.modification_level
                if not status.docmdp_ok or (level is not None and level > ModificationLevel.FORM_FILLING):
                    ok = False
                    v.reasons.append(f"{label}: tệp đã bị sửa sau chữ ký này.")
                    continue
            if trusted and not status.bottom_line:  # pyHanko's overall judgement (trust, DocMDP, seed values)
                ok = False
                v.reasons.append(
                    f"{label}: không đạt kiểm tra tổng hợp (quyền sửa đổi tài liệu hoặc ràng buộc "
                    "của ô chữ ký bị vi phạm)."
                )
        v.trusted = all_trusted
        v.known = all_known
        if ok:
            v.status = VALID
            v.covered = "toàn bộ tệp PDF" + (f" ({len(sigs)} chữ ký)" if len(sigs) > 1 else "")
            v.reasons.insert(0, "Chữ ký nguyên vẹn; không có thay đổi nào sau khi ký.")
        elif v.additions and len(v.reasons) == 1:
            v.covered = "toàn bộ nội dung tệp PDF như khi ký; phần ghi thêm sau khi ký không được ký"
        else:
            v.additions = []  # other faults too: not "additions only"
            v.covered = "một phần tệp (tệp đã thay đổi)" if v.signatures else ""
        _trust_reason(v, v.certificate)
        return v


def _later_additions(reader, sig) -> list[str]:
    """What was written after the last signature, when pyHanko found it changes no content:
    each later revision (its objects: new and unused, rewritten unchanged, or changed — e.g. the
    document information) and bytes after the last ``%%EOF``. Empty when it cannot be told."""
    from pyhanko.pdf_utils import generic

    found: list[str] = []
    try:
        signed_rev = sig.signed_revision
        total = reader.xrefs.total_revisions
        try:
            info_id = reader.trailer.raw_get("/Info", decrypt=generic.EncryptedObjAccess.RAW).reference.idnum
        except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
            info_id = None
        for rev in range(signed_rev + 1, total):
            new, same, changed = [], [], []
            for ref in reader.xrefs.explicit_refs_in_revision(rev):
                try:
                    now = reader.get_object(ref, revision=rev)
                except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
                    changed.append(ref.idnum)
                    continue
                try:
                    before = reader.get_object(ref, revision=rev - 1)
                except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
                    before = None
                if before is None or isinstance(before, generic.NullObject):
                    new.append(ref.idnum)
                elif _same_object(before, now):
                    same.append(ref.idnum)
                else:
                    changed.append(
                        f"{ref.idnum} (thông tin tệp: tiêu đề, tác giả…)" if ref.idnum == info_id else str(ref.idnum)
                    )
            parts = []
            if new:
                parts.append(f"{len(new)} đối tượng mới không dùng đến (số {', '.join(map(str, sorted(new)))})")
            if same:
                parts.append(f"{len(same)} đối tượng ghi lại y như cũ (số {', '.join(map(str, sorted(same)))})")
            if changed:
                parts.append("đối tượng đổi nhưng không thuộc nội dung trang: số " + ", ".join(changed))
            found.append(f"một lần cập nhật gia tăng (phiên bản {rev + 1}/{total}): " + ("; ".join(parts) or "trống"))
        stream = reader.stream
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(max(0, size - 65536))
        tail = stream.read()
        eof = tail.rfind(b"%%EOF")
        if eof >= 0:
            extra = tail[eof + 5 :].lstrip(b"\r\n")
            if extra.strip(b" \t\r\n\x00"):
                found.append(f"{len(extra)} byte nối thêm sau dấu kết thúc tệp %%EOF")
    except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
        return []
    return found


def _same_object(a, b) -> bool:
    from pyhanko.pdf_utils import generic

    try:
        if isinstance(a, generic.StreamObject) or isinstance(b, generic.StreamObject):
            return (
                isinstance(a, generic.StreamObject)
                and isinstance(b, generic.StreamObject)
                and a.encoded_data == b.encoded_data
                and dict(a) == dict(b)
            )
        return a == b
    except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
        return False


# --- workbook --------------------------------------------------------------------------------------


def _pem_to_cert(text: str) -> x509.Certificate | None:
    m = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", text, re.S)
    if not m:
        return None
    try:
        return x509.load_der_x509_certificate(base64.b64decode(re.sub(r"\s+", "", m.group(1))))
    except (ValueError, binascii.Error):
        return None


def _cms_validate(data: bytes, cms_der: bytes, trust: list[x509.Certificate]):
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    info = cms.ContentInfo.load(cms_der)
    signed_data = info["content"]
    signed_data.native  # parse fully now: a damaged structure fails here, not later
    _quiet_pyhanko()
    signer_cert = None
    try:
        sid = signed_data["signer_infos"][0]["sid"]
        certs = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
        if sid.name == "issuer_and_serial_number":
            want = sid.chosen
            signer_cert = next(
                (c for c in certs if c.issuer == want["issuer"] and c.serial_number == want["serial_number"].native),
                None,
            )
        else:
            signer_cert = next((c for c in certs if c.key_identifier == sid.chosen.native), None)
    except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
        signer_cert = None
    return asyncio.run(
        async_validate_detached_cms(
            data,
            signed_data,
            signer_validation_context=_validation_context(trust),
            key_usage_settings=_key_usage_settings(signer_cert),
        )
    )


def _quiet_pyhanko() -> None:
    """pyHanko logs every suspicious revision as a warning; the verdict reports it instead."""
    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.ERROR)


def _verify_workbook(path: Path, trust: list[x509.Certificate]) -> Verdict:
    from thidua_desktop.signing import workbook

    v = Verdict(INVALID, kind="xlsx")
    data = workbook.read_package(path)  # every zip member inflated by our bounded reader first
    sheet = workbook.read_signature_sheet(path, data=data)
    if sheet is None:
        workbook.canonical_data(path, data=data)  # an unreadable book says so rather than "not signed"
        v.reasons.append(f"Sổ tính không có chữ ký số (không có trang '{workbook.SIG_SHEET}').")
        return v
    v.signatures = 1
    v.signer = sheet.get("signer", "")
    form = workbook.FORMATS.get(sheet.get("format", ""))
    if form is None:
        v.reasons.append(f"Trang chữ ký có định dạng không biết: '{sheet.get('format', '')}'.")
        return v
    canon = workbook.canonical_data(path, form=form, data=data)
    stated = _pem_to_cert(sheet.get("cert_pem", ""))
    try:
        cms_der = base64.b64decode(re.sub(r"\s+", "", sheet.get("cms_b64", "")), validate=True)
        status = _cms_validate(canon.data, cms_der, trust)
    except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
        v.reasons.append("Chữ ký trong trang chữ ký bị hỏng, không đọc được.")
        return v
    cert = _from_asn1(status.signing_cert) if status.signing_cert is not None else None
    v.certificate = cert
    if cert is not None:
        v.signer = keys.subject_name(cert)
    v.signed_at = _local(status.signer_reported_dt)
    if v.signed_at is None and sheet.get("signed_at"):
        try:
            v.signed_at = _local(datetime.fromisoformat(sheet["signed_at"]))
        except ValueError:
            pass
    v.trusted = bool(status.trusted)
    v.known = _known(cert, trust)
    ok = True
    if not status.intact:
        ok = False
        changed = sheet.get("sha256", "") != canon.sha256
        v.reasons.append("Dữ liệu sổ tính đã bị thay đổi sau khi ký." if changed else "Dữ liệu không khớp với chữ ký.")
    elif not status.valid:
        ok = False
        v.reasons.append("Chữ ký không khớp với chứng thư số (chữ ký hỏng hoặc bị tráo).")
    if stated is None or cert is None or not keys.same_certificate(stated, cert):
        ok = False
        v.reasons.append("Chứng thư số ghi trong trang chữ ký không phải chứng thư số đã ký (bị tráo).")
    if not ok and form >= 2 and sheet.get("sha256", "") != canon.sha256:
        v.reasons.append(WORKBOOK_COVERS_V2)
    if ok:
        v.status = VALID
        sheets = (
            f"{len(canon.sheets)} trang tính ({', '.join(canon.sheets)}; {canon.cells} ô có giá trị hoặc công thức)"
        )
        if form >= 2:
            v.covered = f"giá trị, công thức và cách hiển thị của {sheets}: {WORKBOOK_COVERED_V2}"
            v.reasons.insert(0, "Chữ ký nguyên vẹn; dữ liệu và cách hiển thị không thay đổi sau khi ký.")
        else:
            v.covered = (
                f"giá trị và công thức của {sheets}; KHÔNG bao gồm định dạng số, phông chữ, màu, "
                "dòng/cột/trang ẩn và ghi chú (chữ ký dạng cũ thidua-cellsig/1)"
            )
            v.reasons.insert(0, "Chữ ký nguyên vẹn; giá trị và công thức không thay đổi sau khi ký.")
            v.reasons.append(WORKBOOK_V1_WARNING)
    _trust_reason(v, cert)
    return v


WORKBOOK_COVERED_V2 = (
    "định dạng số của từng ô, phông chữ (tên, cỡ, đậm, nghiêng, gạch chân, gạch ngang, màu), "
    "màu nền ô, dòng/cột/trang ẩn, ghi chú (comment), định dạng có điều kiện và số hình, "
    "biểu đồ trên mỗi trang; không bao gồm nội dung và vị trí của hình, biểu đồ, độ rộng cột"
)
WORKBOOK_COVERS_V2 = (
    "Chữ ký bao phủ cả giá trị, công thức lẫn cách hiển thị (định dạng số, phông chữ, màu, "
    "dòng/cột/trang ẩn, ghi chú, định dạng có điều kiện, số hình và biểu đồ): thay đổi bất kỳ "
    "điều nào trong số đó đều làm chữ ký không hợp lệ."
)
WORKBOOK_V1_WARNING = (
    "Lưu ý: chữ ký này theo dạng cũ (thidua-cellsig/1), chỉ bao phủ giá trị và công thức: "
    "nếu sau khi ký có người đổi định dạng số, ẩn dòng/cột/trang, đổi phông chữ, màu chữ "
    "hay thêm ghi chú thì chữ ký vẫn hiện hợp lệ. Hãy đề nghị đơn vị ký lại bằng phiên bản mới."
)


# --- detached .p7s beside the file -------------------------------------------------------------------


def _check_p7s(path: Path, p7s: Path, trust: list[x509.Certificate], v: Verdict) -> None:
    try:
        status = _cms_validate(path.read_bytes(), p7s.read_bytes(), trust)
    except Exception:  # noqa: BLE001 - pyHanko/asn1crypto raise many unrelated types on a damaged or hostile file
        v.reasons.append(f"Tệp {p7s.name} bị hỏng, không đọc được.")
        return
    cert = _from_asn1(status.signing_cert) if status.signing_cert is not None else None
    good = status.intact and status.valid
    if v.kind == "p7s":  # the .p7s is the only signature
        v.signatures = 1
        v.certificate = cert
        v.signer = keys.subject_name(cert) if cert else ""
        v.signed_at = _local(status.signer_reported_dt)
        v.trusted = bool(status.trusted)
        v.known = _known(cert, trust)
        v.status = VALID if good else INVALID
        v.reasons.append(
            f"Tệp {p7s.name}: " + ("khớp với tệp." if good else "KHÔNG khớp với tệp (tệp đã bị thay đổi).")
        )
        _trust_reason(v, cert)
        return
    if good:
        v.reasons.append(f"Tệp {p7s.name} đi kèm: khớp với từng byte của tệp.")
    else:
        v.reasons.append(
            f"Tệp {p7s.name} đi kèm: không khớp với tệp (tệp đã được lưu lại hoặc bị sửa)"
            + ("; chữ ký trên dữ liệu vẫn là căn cứ." if v.kind == "xlsx" else ".")
        )


def describe(v: Verdict) -> list[str]:
    """Lines a person reads: the outcome, the signer, the time, what is covered, why."""
    lines = [v.summary()]
    if v.signer:
        lines.append(f"Người ký: {v.signer}")
    if v.certificate is not None:
        lines.append(f"Dấu vân tay chứng thư số (SHA-256): {v.fingerprint}")
    if v.signatures:
        lines.append(f"Thời gian ký (theo đồng hồ máy của người ký): {display_time(v.signed_at)}")
    if v.covered:
        lines.append(f"Phạm vi được ký: {v.covered}")
    lines.extend(f"- {r}" for r in v.reasons)
    return lines
