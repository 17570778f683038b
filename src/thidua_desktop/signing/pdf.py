"""PAdES B-B signatures on PDFs (pyHanko), and signature *images* without a digital signature.

``sign_pdf`` adds a visible signature field at the signature block and signs it as
PAdES baseline B-B with SHA-256, offline (no timestamp server). The appearance is drawn by
:mod:`thidua_desktop.signing.appearance`. Where the field goes: the page and box the caller
passes; else the signature block the document writer recorded (the named destination
``/ThiDuaChuKy<n>`` of :mod:`thidua_desktop.documents.pdf`: the room between "CHỦ TỊCH" and the
signer's name; the right-hand block when there are two); else the bottom-right area of the last
page (PDFs made elsewhere).

``place_signature_image`` only draws the scanned signature / seal images on the page: it is a
*hình ảnh chữ ký* (signature image), not a *chữ ký số* (digital signature), and nothing in the
file claims otherwise.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from thidua_desktop.signing import appearance, keys
from thidua_desktop.signing.common import now_vn
from thidua_desktop.signing.errors import SigningError, UnreadableFile
from thidua_desktop.store.files import atomic_write

DEFAULT_BOX_SIZE = (230.0, 110.0)  # points: about 81 × 39 mm
DEFAULT_MARGINS = (57.0, 71.0)  # right 20 mm, bottom 25 mm (NĐ 30 Phụ lục I)
FIELD_PREFIX = "ChuKySo"
IMAGE_ONLY_LABEL = "hình ảnh chữ ký"

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SignResult:
    path: Path
    kind: str  # "pdf" | "xlsx"
    signer: str
    signed_at: datetime
    fingerprint: str
    p7s: Path | None = None
    field_name: str = ""
    page: int | None = None  # PDF: where the visible signature is (0-based page, box in points)
    box: tuple[float, float, float, float] | None = None


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` to ``path``, whole or not at all; readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, private=True) as partial:
        partial.write_bytes(data)


def _open_writer(src: Path, data: bytes):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception:  # noqa: BLE001 - pyHanko raises many unrelated types on a damaged or hostile PDF
        raise UnreadableFile(f"Tệp {src.name} không phải PDF đọc được (hoặc bị hỏng).") from None
    if writer.prev.encrypted:
        raise SigningError(f"Tệp {src.name} được đặt mật khẩu; hãy dùng bản PDF không mã hóa.")
    return writer


def _page_count(writer) -> int:
    return int(writer.root["/Pages"]["/Count"])


def _page_box(writer, page_ix: int) -> tuple[float, float, float, float]:
    page_ref, _ = writer.find_page_for_modification(page_ix)
    page = page_ref.get_object()
    node = page
    while "/MediaBox" not in node and "/Parent" in node:
        node = node["/Parent"].get_object()
    x1, y1, x2, y2 = (float(v) for v in node.get("/MediaBox", (0, 0, 595.28, 841.89)))
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


BLOCK_DEST_PREFIX = "/ThiDuaChuKy"


@dataclass(frozen=True)
class SignatureBlock:
    index: int
    page: int  # 0-based
    box: Box


def _page_index(reader, ref, count: int) -> int | None:
    idnum = getattr(ref, "idnum", None)
    for i in range(count):
        page_ref, _ = reader.find_page_for_modification(i)
        if getattr(page_ref, "idnum", None) == idnum:
            return i
    return None


def _blocks(reader) -> list[SignatureBlock]:
    """The signature blocks the document writer recorded, left to right (none for other PDFs)."""
    try:
        dests = reader.root.get("/Dests")
        if dests is None:
            return []
        dests = dests.get_object()
        count = int(reader.root["/Pages"]["/Count"])
        found = []
        for key in dests:
            if not str(key).startswith(BLOCK_DEST_PREFIX):
                continue
            arr = dests[key]
            arr = arr.get("/D") if hasattr(arr, "get") else arr  # a dest may be a dictionary with /D
            if len(arr) != 6 or str(arr[1]) != "/FitR":
                continue
            page_ix = _page_index(reader, arr.raw_get(0), count)
            if page_ix is None:
                continue
            x1, y1, x2, y2 = (float(v) for v in list(arr)[2:6])
            found.append(
                SignatureBlock(
                    int(str(key)[len(BLOCK_DEST_PREFIX) :] or 0),
                    page_ix,
                    (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)),
                )
            )
        return sorted(found, key=lambda b: b.index)
    except Exception:  # noqa: BLE001 - a damaged or unusual name dictionary: fall back to the default place
        return []


def signature_blocks(path: str | os.PathLike[str]) -> list[SignatureBlock]:
    """Where the signature blocks of a PDF made by this app are (page 0-based, box in points)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(path, "rb") as f:
        return _blocks(PdfFileReader(f, strict=False))


def _taken_boxes(writer) -> list[Box]:
    """The boxes of the signature fields the file already has."""
    from pyhanko.sign import fields

    taken = []
    try:
        for _name, _value, ref in fields.enumerate_sig_fields(writer.prev, filled_status=None):
            field = ref.get_object()
            rect = field.get("/Rect")
            if rect is None and "/Kids" in field:
                rect = field["/Kids"][0].get_object().get("/Rect")
            if rect is not None:
                x1, y1, x2, y2 = (float(v) for v in rect)
                taken.append((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
    except Exception:  # noqa: BLE001 - pyHanko raises many unrelated types on a damaged or hostile PDF
        pass
    return taken


def _block_position(writer) -> tuple[int, Box] | None:
    blocks = _blocks(writer.prev)
    if not blocks:
        return None
    block = blocks[-1]  # the right-hand block: who signs for the unit
    for box in _taken_boxes(writer):  # signed already at the block: the next signature goes apart
        if all(abs(a - b) < 1 for a, b in zip(box, block.box, strict=True)):
            return None
    return block.page, block.box


def _resolve_position(writer, page: int | None, box: Box | None, src: Path) -> tuple[int, Box]:
    count = _page_count(writer)
    if page is None and box is None:
        found = _block_position(writer)
        if found is not None:
            page, box = found
    page_ix = count - 1 if page is None else (page if page >= 0 else count + page)
    if not 0 <= page_ix < count:
        raise SigningError(f"Tệp {src.name} có {count} trang; không có trang {page_ix + 1}.")
    px1, py1, px2, py2 = _page_box(writer, page_ix)
    if box is None:
        w, h = DEFAULT_BOX_SIZE
        right, bottom = DEFAULT_MARGINS
        x2 = px2 - right
        box = (x2 - w, py1 + bottom, x2, py1 + bottom + h)
    x1, y1, x2, y2 = (float(v) for v in box)
    x1, x2 = min(x1, x2), max(x1, x2)
    y1, y2 = min(y1, y2), max(y1, y2)
    if x1 < px1 - 0.5 or y1 < py1 - 0.5 or x2 > px2 + 0.5 or y2 > py2 + 0.5:
        raise SigningError("Ô chữ ký nằm ngoài trang.")
    return page_ix, (x1, y1, x2, y2)


def _static_style(pdf_bytes: bytes):
    from pyhanko import stamp
    from pyhanko.pdf_utils import content, layout
    from pyhanko.pdf_utils.reader import PdfFileReader

    class _BytesPage(content.PdfContent):
        def render(self) -> bytes:
            import binascii
            import uuid

            w = self._ensure_writer
            xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(pdf_bytes)), page_ix=0)
            name = b"/Appearance" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return stamp.StaticStampStyle(
        background=_BytesPage(),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )


def _existing_field_names(writer) -> set[str]:
    from pyhanko.sign import fields

    try:
        return {name for name, _, _ in fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    except Exception:  # noqa: BLE001 - pyHanko raises many unrelated types on a damaged or hostile PDF
        return set()


def default_signed_path(src: Path) -> Path:
    return src.with_name(f"{src.stem}-da-ky{src.suffix}")


def sign_pdf(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str] | None,
    signer,
    *,
    page: int | None = None,
    box: Box | None = None,
    signature_image: str | os.PathLike[str] | None = None,
    seal_image: str | os.PathLike[str] | None = None,
    name: str | None = None,
    reason: str | None = "Ký số văn bản",
    location: str | None = None,
    signing_time: datetime | None = None,
) -> SignResult:
    """Sign ``src`` into ``dst`` (PAdES B-B). ``src`` is never modified unless ``dst`` is ``src``."""
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter

    src = Path(src)
    dst = Path(dst) if dst else default_signed_path(src)
    cert = signer.certificate
    signed_at = (signing_time or now_vn()).replace(microsecond=0)
    keys.check_signing_certificate(cert, signed_at)
    sig_img = appearance.load_image(signature_image, "hình chữ ký") if signature_image else None
    seal_img = appearance.load_image(seal_image, "hình con dấu") if seal_image else None
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {src}: {exc.strerror or exc}.") from None
    writer = _open_writer(src, data)
    page_ix, (x1, y1, x2, y2) = _resolve_position(writer, page, box, src)
    shown_name = name or keys.subject_name(cert)
    look = appearance.render(
        x2 - x1,
        y2 - y1,
        lines=appearance.text_lines(shown_name, signed_at),
        signature_image=sig_img,
        seal_image=seal_img,
    )
    taken = _existing_field_names(writer)
    n = 1
    while f"{FIELD_PREFIX}{n}" in taken:
        n += 1
    field_name = f"{FIELD_PREFIX}{n}"
    fields.append_signature_field(
        writer, SigFieldSpec(sig_field_name=field_name, on_page=page_ix, box=(x1, y1, x2, y2))
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )

    class _TimedSigner(signers.PdfSigner):
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
            session.system_time = signed_at  # the time shown in the appearance is the time signed
            return session

    out = io.BytesIO()
    try:
        _TimedSigner(meta, signer=signer.pyhanko_signer(), stamp_style=_static_style(look)).sign_pdf(writer, output=out)
    except SigningError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyHanko raises many unrelated types on a damaged or hostile PDF
        from thidua_desktop.signing.signers import _token_error

        if getattr(signer, "kind", "") == "pkcs11":
            raise _token_error(exc) from None
        raise SigningError(f"Không ký được tệp {src.name} ({type(exc).__name__}). Tệp gốc được giữ nguyên.") from None
    write_atomically(dst, out.getvalue())
    return SignResult(
        dst,
        "pdf",
        keys.subject_name(cert),
        signed_at,
        keys.fingerprint(cert),
        field_name=field_name,
        page=page_ix,
        box=(x1, y1, x2, y2),
    )


def has_signatures(path: str | os.PathLike[str]) -> bool:
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(path, "rb") as f:
        return bool(PdfFileReader(f, strict=False).embedded_signatures)


def place_signature_image(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str] | None,
    *,
    signature_image: str | os.PathLike[str] | None = None,
    seal_image: str | os.PathLike[str] | None = None,
    page: int | None = None,
    box: Box | None = None,
    caption: str | None = None,
) -> Path:
    """Draw the scanned signature (and seal) image on the page — a *hình ảnh chữ ký*, NOT a digital
    signature: no certificate, nothing cryptographic; ``verify`` reports the file as unsigned.

    ``caption`` (for example ``"Hình ảnh chữ ký"``) is printed under the images when given.
    """
    src = Path(src)
    dst = Path(dst) if dst else src.with_name(f"{src.stem}-hinh-chu-ky{src.suffix}")
    if not (signature_image or seal_image):
        raise SigningError("Cần ít nhất một hình: hình chữ ký hoặc hình con dấu.")
    sig_img = appearance.load_image(signature_image, "hình chữ ký") if signature_image else None
    seal_img = appearance.load_image(seal_image, "hình con dấu") if seal_image else None
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {src}: {exc.strerror or exc}.") from None
    writer = _open_writer(src, data)
    if writer.prev.embedded_signatures:
        raise SigningError(
            f"Tệp {src.name} đã có chữ ký số; chèn hình vào sẽ làm chữ ký số mất hiệu lực. "
            "Hãy chèn hình chữ ký vào bản chưa ký."
        )
    page_ix, (x1, y1, x2, y2) = _resolve_position(writer, page, box, src)
    look = appearance.render(
        x2 - x1, y2 - y1, lines=[caption] if caption else None, signature_image=sig_img, seal_image=seal_img
    )
    from pyhanko.pdf_utils import layout

    style = _static_style(look)
    stamp_obj = style.create_stamp(writer, layout.BoxConstraints(width=x2 - x1, height=y2 - y1), {})
    stamp_obj.apply(page_ix, x1, y1)
    out = io.BytesIO()
    writer.write(out)
    write_atomically(dst, out.getvalue())
    return dst
