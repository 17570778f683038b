"""PAdES signatures on PDFs: pyHanko's verdict and poppler's pdfsig agree; tampering is caught."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime

import pytest

from tests.test_signing_fixtures import (  # noqa: F401  (fixtures)
    UNIT_NAME,
    ca_p12,
    keydir,
    make_pdf,
    needs_pdfsig,
    needs_softhsm,
    pdfsig,
    softhsm_token,
    stamp_images,
    signing_ca,
    unit_key,
)
from thidua_desktop.signing import keys, pdf, signers
from thidua_desktop.signing.common import VN_TZ
from thidua_desktop.signing.errors import SigningError
from thidua_desktop.signing.verify import INVALID, UNREADABLE, VALID, verify


@pytest.fixture
def signed_pdf(tmp_path, unit_key, stamp_images):
    path, password, cert, _ = unit_key
    src = make_pdf(tmp_path / "Báo cáo sơ kết.pdf")
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        result = pdf.sign_pdf(
            src, None, s, signature_image=stamp_images[0], seal_image=stamp_images[1], location="Gia Viễn"
        )
    return src, result


def test_signed_pdf_is_valid_and_known_and_pdfsig_agrees(signed_pdf, unit_key):
    src, result = signed_pdf
    cert = unit_key[2]
    assert result.path == src.with_name("Báo cáo sơ kết-da-ky.pdf") and src.exists()
    assert result.signed_at.utcoffset().total_seconds() == 7 * 3600 and result.field_name == "ChuKySo1"
    v = verify(result.path, [cert])
    assert (v.status, v.kind, v.known, v.trusted, v.accepted) == (VALID, "pdf", True, True, True)
    assert v.signer == UNIT_NAME and v.covered == "toàn bộ tệp PDF"
    assert v.signed_at == result.signed_at  # the time shown in the stamp is the time in the signature
    stranger = verify(result.path, [])
    assert stranger.status == VALID and not stranger.known and not stranger.trusted and not stranger.accepted
    if shutil.which("pdfsig"):
        report = pdfsig(result.path)
        assert "Signature is Valid." in report and "Total document signed" in report
        assert f"Signer Certificate Common Name: {UNIT_NAME}" in report
        assert "ETSI.CAdES.detached" in report and "SHA-256" in report  # PAdES, SHA-256


def test_unsigned_pdf_is_invalid_and_junk_is_unreadable(tmp_path):
    plain = make_pdf(tmp_path / "chua-ky.pdf")
    v = verify(plain)
    assert v.status == INVALID and v.signatures == 0 and "không có chữ ký số" in v.reasons[0]
    junk = tmp_path / "hong.pdf"
    junk.write_bytes(b"%PDF-1.7\n garbage without xref")
    assert verify(junk).status == UNREADABLE
    assert verify(tmp_path / "khong-co.pdf").status == UNREADABLE


@needs_pdfsig
def test_one_flipped_byte_is_caught(signed_pdf, unit_key, tmp_path):
    _, result = signed_pdf
    data = bytearray(result.path.read_bytes())
    at = data.index(b"thidua-test")  # the /Author in the document info, inside the signed range
    data[at] = ord("T")
    flipped = tmp_path / "sua-1-byte.pdf"
    flipped.write_bytes(bytes(data))
    v = verify(flipped, [unit_key[2]])
    assert v.status == INVALID and not v.accepted
    assert any("thay đổi sau khi ký" in r for r in v.reasons)
    assert "Digest Mismatch" in pdfsig(flipped)


@needs_pdfsig
def test_incremental_update_after_signing_counts_as_modified(signed_pdf, unit_key, tmp_path):
    """The classic attack: append a revision that changes what a page shows; the old signature
    still verifies over its own revision, but the file was extended after signing."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    _, result = signed_pdf
    w = IncrementalPdfFileWriter(io.BytesIO(result.path.read_bytes()))
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"q 1 0 0 rg 100 400 200 50 re f Q")))
    out = io.BytesIO()
    w.write(out)
    extended = tmp_path / "them-noi-dung.pdf"
    extended.write_bytes(out.getvalue())
    v = verify(extended, [unit_key[2]])
    assert v.status == INVALID and not v.accepted
    assert any("thêm nội dung sau khi ký" in r for r in v.reasons)
    report = pdfsig(extended)
    assert "Not total document signed" in report  # poppler still prints "Signature is Valid." here


def test_appended_bytes_without_a_revision_also_count(signed_pdf, unit_key, tmp_path):
    _, result = signed_pdf
    appended = tmp_path / "noi-them.pdf"
    appended.write_bytes(result.path.read_bytes() + b"\n% them vao sau khi ky\n")
    assert verify(appended, [unit_key[2]]).status == INVALID


@needs_softhsm
@needs_pdfsig
def test_pkcs11_token_signs_a_pdf_trusted_through_its_ca(softhsm_token, tmp_path, stamp_images):
    src = make_pdf(tmp_path / "bc.pdf", pages=3)
    with signers.open_signer(softhsm_token.spec()) as s:
        result = pdf.sign_pdf(
            src, tmp_path / "bc-token.pdf", s, page=-1, box=(330, 95, 560, 205), seal_image=stamp_images[1]
        )
    v = verify(result.path, [softhsm_token.ca.cert])
    assert v.status == VALID and v.trusted and not v.known and v.accepted
    assert v.signer == "CÔNG TY TNHH MAY HOA LƯ"
    assert not verify(result.path, []).accepted
    report = pdfsig(result.path)
    assert "Signature is Valid." in report and "Total document signed" in report


@needs_softhsm
def test_ecdsa_key_on_the_token_and_a_second_signature(softhsm_token, signed_pdf, unit_key, tmp_path):
    """A second signer (the chair's ECDSA key) signs after the unit: both signatures stay valid."""
    _, first = signed_pdf
    with signers.open_signer(softhsm_token.spec(key_label=softhsm_token.ec_key_label)) as s:
        second = pdf.sign_pdf(first.path, tmp_path / "hai-chu-ky.pdf", s, box=(60, 95, 290, 205))
    assert second.field_name == "ChuKySo2"
    v = verify(second.path, [unit_key[2], softhsm_token.ca.cert])
    assert v.status == VALID and v.signatures == 2 and v.signer == "Phạm Thị Hoa" and v.accepted
    assert not verify(second.path, [softhsm_token.ca.cert]).accepted  # the unit's signature is not known there
    if shutil.which("pdfsig"):
        report = pdfsig(second.path)
        assert report.count("Signature is Valid.") == 2


def test_resigned_by_an_impostor_with_the_same_name_is_not_known(tmp_path, unit_key):
    """Someone edits the report and signs it with their own certificate carrying the unit's name."""
    fake = keys.create_unit_key(UNIT_NAME, tmp_path / "gia.p12", "mat-khau-gia-mao")
    src = make_pdf(tmp_path / "sua.pdf")
    with signers.open_signer(signers.P12Spec(fake.path, "mat-khau-gia-mao")) as s:
        result = pdf.sign_pdf(src, None, s)
    v = verify(result.path, [unit_key[2]])
    assert v.status == VALID and v.signer == UNIT_NAME and not v.known and not v.trusted and not v.accepted
    assert v.fingerprint != keys.fingerprint(unit_key[2])


def test_swapped_certificate_inside_the_signature_is_caught(signed_pdf, unit_key, tmp_path):
    """Replace the signer certificate embedded in the CMS with another one of the same size."""
    from asn1crypto import cms

    _, result = signed_pdf
    data = result.path.read_bytes()
    m = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", data)
    der = bytes.fromhex(m.group(1).decode())
    info = cms.ContentInfo.load(der.rstrip(b"\x00"))
    other = keys.create_unit_key(UNIT_NAME, tmp_path / "khac.p12", "mat-khau-khac-1").certificate
    from asn1crypto import x509 as ax

    from cryptography.hazmat.primitives import serialization

    sd = info["content"]
    sd["certificates"] = cms.CertificateSet(
        [
            cms.CertificateChoices(
                name="certificate", value=ax.Certificate.load(other.public_bytes(serialization.Encoding.DER))
            )
        ]
    )
    # keep the signer identifier pointing at the new certificate
    sid = sd["signer_infos"][0]["sid"]
    if sid.name == "issuer_and_serial_number":
        sid.chosen["serial_number"] = other.serial_number
        sid.chosen["issuer"] = ax.Name.load(other.issuer.public_bytes())
    new = info.dump()
    hexed = new.hex().encode()
    slot = m.group(1)
    assert len(hexed) <= len(slot)
    swapped = data[: m.start(1)] + hexed + b"0" * (len(slot) - len(hexed)) + data[m.end(1) :]
    path = tmp_path / "trao-chung-thu.pdf"
    path.write_bytes(swapped)
    v = verify(path, [unit_key[2], other])
    assert v.status == INVALID and not v.accepted


def test_signature_block_position_and_bad_positions(tmp_path, unit_key):
    path, password, _, _ = unit_key
    src = make_pdf(tmp_path / "bc.pdf", pages=2)
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        result = pdf.sign_pdf(src, None, s)  # default: bottom right of the last page
        with pytest.raises(SigningError, match="không có trang 5"):
            pdf.sign_pdf(src, tmp_path / "x.pdf", s, page=4)
        with pytest.raises(SigningError, match="ngoài trang"):
            pdf.sign_pdf(src, tmp_path / "x.pdf", s, box=(500, 10, 900, 80))
        with pytest.raises(SigningError, match="hình chữ ký"):
            pdf.sign_pdf(src, tmp_path / "x.pdf", s, signature_image=tmp_path / "khong-co.png")
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(result.path, "rb") as f:
        r = PdfFileReader(f)
        sig = r.embedded_signatures[0]
        widget = sig.sig_field
        rect = [float(x) for x in widget["/Rect"]]
        page_ref = widget["/P"]
        assert page_ref == r.root["/Pages"]["/Kids"][-1] and page_ref != r.root["/Pages"]["/Kids"][0]
    w, h = pdf.DEFAULT_BOX_SIZE
    assert rect[2] == pytest.approx(595.2756 - pdf.DEFAULT_MARGINS[0], abs=0.5)
    assert rect[1] == pytest.approx(pdf.DEFAULT_MARGINS[1]) and rect[2] - rect[0] == pytest.approx(w)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_stamp_renders_blue_signature_red_seal_and_text(signed_pdf, tmp_path):
    """Render the stamp area with pdftoppm and count coloured pixels: red seal over the left part,
    blue signature and blue text. (The stamp was also looked at by eye: Vietnamese marks correct.)"""
    from PIL import Image

    _, result = signed_pdf
    x2 = 595.2756 - pdf.DEFAULT_MARGINS[0]
    x1, y1 = x2 - pdf.DEFAULT_BOX_SIZE[0], pdf.DEFAULT_MARGINS[1]
    dpi = 100
    k = dpi / 72
    top = (841.89 - (y1 + pdf.DEFAULT_BOX_SIZE[1])) * k
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            "2",
            "-l",
            "2",
            "-r",
            str(dpi),
            "-x",
            str(int(x1 * k)),
            "-y",
            str(int(top)),
            "-W",
            str(int(pdf.DEFAULT_BOX_SIZE[0] * k)),
            "-H",
            str(int(pdf.DEFAULT_BOX_SIZE[1] * k)),
            "-png",
            str(result.path),
            str(tmp_path / "dau"),
        ],
        check=True,
    )
    img = Image.open(next(tmp_path.glob("dau*.png"))).convert("RGB")
    wpx, hpx = img.size
    red = blue = 0
    red_x = []
    for yy in range(hpx):
        for xx in range(wpx):
            r, g, b = img.getpixel((xx, yy))
            if r > 150 and g < 110 and b < 110:
                red += 1
                red_x.append(xx)
            elif b > 120 and r < 110 and g < 130:
                blue += 1
    assert red > 200 and blue > 200
    assert sum(red_x) / len(red_x) < wpx / 2  # the seal sits on the left


def test_appearance_text_is_iso_vietnam_time_and_nfc():
    from thidua_desktop.signing.appearance import text_lines

    when = datetime(2021, 2, 18, 9, 40, 5, tzinfo=VN_TZ)
    lines = text_lines("Công đoàn cơ sở", when)
    assert lines[1] == "Thời gian ký: 2021-02-18T09:40:05+07:00"
    import unicodedata

    assert text_lines(unicodedata.normalize("NFD", "Hoa Lư"), when)[0] == "Ký bởi: Hoa Lư"


@needs_pdfsig
def test_signature_image_only_is_not_a_digital_signature(tmp_path, stamp_images, unit_key):
    src = make_pdf(tmp_path / "bc.pdf")
    made = pdf.place_signature_image(
        src, None, signature_image=stamp_images[0], seal_image=stamp_images[1], caption="Hình ảnh chữ ký"
    )
    assert made.name == "bc-hinh-chu-ky.pdf"
    v = verify(made, [unit_key[2]])
    assert v.status == INVALID and v.signatures == 0 and not v.accepted
    assert "does not contain any signatures" in pdfsig(made)
    # a signed PDF is refused: the images would break its signature
    path, password, _, _ = unit_key
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        signed = pdf.sign_pdf(src, None, s)
    with pytest.raises(SigningError, match="đã có chữ ký số"):
        pdf.place_signature_image(signed.path, tmp_path / "x.pdf", signature_image=stamp_images[0])
    assert pdf.IMAGE_ONLY_LABEL == "hình ảnh chữ ký"


def test_ca_certificates_without_key_usage_or_with_one_signing_usage_are_trusted(signing_ca, tmp_path):
    """RFC 5280: no key usage extension means any use; digitalSignature alone is enough too
    (pyHanko on its own would insist on nonRepudiation)."""
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12, BestAvailableEncryption

    src = make_pdf(tmp_path / "bc.pdf", pages=1)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    only_ds = cx509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    plain = signing_ca.issue(key.public_key(), "Không có key usage", signing_usage=None)
    for i, cert in enumerate([plain, None]):
        if cert is None:
            import datetime as _dt

            from cryptography.hazmat.primitives import hashes

            now = _dt.datetime.now(_dt.timezone.utc)
            cert = (
                cx509.CertificateBuilder()
                .subject_name(plain.subject)
                .issuer_name(signing_ca.cert.subject)
                .public_key(key.public_key())
                .serial_number(cx509.random_serial_number())
                .not_valid_before(now - _dt.timedelta(days=1))
                .not_valid_after(now + _dt.timedelta(days=30))
                .add_extension(only_ds, critical=True)
                .sign(signing_ca.key, hashes.SHA256())
            )
        p12 = tmp_path / f"k{i}.p12"
        p12.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"k", key, cert, [signing_ca.cert], BestAvailableEncryption(b"mat-khau-123")
            )
        )
        with signers.open_signer(signers.P12Spec(p12, "mat-khau-123")) as s:
            result = pdf.sign_pdf(src, tmp_path / f"ky{i}.pdf", s)
        v = verify(result.path, [signing_ca.cert])
        assert v.status == VALID and v.trusted and v.accepted, v.reasons


def test_detached_p7s_beside_any_file(unit_key, tmp_path):
    path, password, cert, _ = unit_key
    doc = tmp_path / "Tờ trình.docx"
    doc.write_bytes(b"PK\x03\x04" + b"not really a workbook" * 10)
    other = tmp_path / "ghi-chu.txt"
    other.write_text("Tờ trình khen thưởng năm 2021", encoding="utf-8")
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        (tmp_path / "ghi-chu.txt.p7s").write_bytes(s.sign_detached(other.read_bytes()))
    v = verify(other, [cert])
    assert (v.status, v.kind, v.known, v.accepted) == (VALID, "p7s", True, True)
    other.write_text("Tờ trình khen thưởng năm 2022", encoding="utf-8")
    assert verify(other, [cert]).status == INVALID
    assert verify(doc, [cert]).status in (UNREADABLE, INVALID)


def _line_box(page, text: str) -> tuple[float, float, float, float]:
    """(x0, bottom, x1, top) in PDF points (origin bottom-left) of the words of one text line."""
    wanted = text.split()
    words = page.extract_words()
    for i in range(len(words) - len(wanted) + 1):
        run = words[i : i + len(wanted)]
        if [w["text"] for w in run] == wanted and max(w["top"] for w in run) - min(w["top"] for w in run) < 1:
            h = page.height
            return (
                min(w["x0"] for w in run),
                h - max(w["bottom"] for w in run),
                max(w["x1"] for w in run),
                h - min(w["top"] for w in run),
            )
    raise AssertionError(f"line {text!r} not found")


def _widget(path):
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(path, "rb") as f:
        r = PdfFileReader(f)
        count = int(r.root["/Pages"]["/Count"])
        pages = [r.find_page_for_modification(i)[0].idnum for i in range(count)]
        out = []
        for sig in r.embedded_signatures:
            widget = sig.sig_field
            page_ix = pages.index(widget.raw_get("/P").idnum)
            out.append((page_ix, [float(x) for x in widget["/Rect"]]))
        return out


def test_visible_signature_sits_in_the_signature_block_not_on_the_last_page(tmp_path, unit_key, stamp_images):
    """The writer records the room between "PHÓ CHỦ TỊCH" and the signer's name; the signature goes
    there, on the block's page, although the annex (landscape) makes a later last page."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from tests.test_documents import sample_document
    from thidua_desktop.documents import pdf as writer

    path, password, cert, _ = unit_key
    src = tmp_path / "dang-ky.pdf"
    blocks = writer.write_pdf(sample_document(), src)
    assert len(blocks) == 1 and blocks[0].name == "Trần Văn Nam"
    read_back = pdf.signature_blocks(src)
    assert [(b.page, b.box) for b in read_back] == [(blocks[0].page, blocks[0].box)]
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        result = pdf.sign_pdf(src, None, s, signature_image=stamp_images[0], seal_image=stamp_images[1])
    ((page_ix, rect),) = _widget(result.path)
    with pdfplumber.open(str(src)) as doc:
        assert page_ix == blocks[0].page == result.page and page_ix < len(doc.pages) - 1
        page = doc.pages[page_ix]
        title = _line_box(page, "PHÓ CHỦ TỊCH")
        name = _line_box(page, "Trần Văn Nam")
    x1, y1, x2, y2 = rect
    assert name[3] < y1 < y2 < title[1], (name, rect, title)  # inside the gap, overlapping neither line
    assert y2 - y1 > 55 and x2 - x1 == pytest.approx(230)
    assert abs((x1 + x2) / 2 - (name[0] + name[2]) / 2) < 2  # centred under the signer's title, like the name
    assert verify(result.path, [cert]).accepted
    # the block survives signing: a second signature does not cover the first one
    assert [(b.page, b.box) for b in pdf.signature_blocks(result.path)] == [(blocks[0].page, blocks[0].box)]
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        second = pdf.sign_pdf(result.path, tmp_path / "ky-hai-lan.pdf", s)
    (_, first_rect), (_, second_rect) = _widget(second.path)
    assert first_rect == rect and second_rect != rect
    assert verify(second.path, [cert]).accepted


def test_two_signers_the_right_hand_block_is_signed(tmp_path, unit_key):
    from thidua_desktop.documents import pdf as writer
    from thidua_desktop.documents.layout import Document, Header, Paragraph, Signature

    path, password, _, _ = unit_key
    doc = Document(
        kind="review-minutes",
        header=Header(
            "LĐLĐ huyện Gia Viễn", "CĐCS May Hoa Lư", "Số: 01/BB-CĐCS", "Gia Viễn, ngày 20 tháng 12 năm 2021"
        ),
        type_name="BIÊN BẢN",
        subject="Họp bình xét thi đua năm 2021",
        body=[Paragraph("Cuộc họp kết thúc lúc 11 giờ cùng ngày./.")],
        signatures=[Signature(("THƯ KÝ",), "Lê Thị Mai"), Signature(("CHỦ TRÌ",), "Phạm Thị Hoa")],
    )
    src = tmp_path / "bien-ban.pdf"
    blocks = writer.write_pdf(doc, src)
    assert [b.name for b in blocks] == ["Lê Thị Mai", "Phạm Thị Hoa"] and blocks[0].box[2] < blocks[1].box[0]
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        result = pdf.sign_pdf(src, None, s)
    ((page_ix, rect),) = _widget(result.path)
    assert page_ix == blocks[1].page and rect == pytest.approx(list(blocks[1].box), abs=0.01)
