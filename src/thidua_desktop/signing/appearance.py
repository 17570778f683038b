"""The visible appearance of a signature, drawn with reportlab as a one-page PDF.

The e-document rule (NĐ 30/2020, Phụ lục I; domain.md §4.1): the signer's signature image (blue,
transparent PNG) where the handwritten signature would be; the organisation's seal (red,
transparent PNG) over about the left third of the signature image; the organisation's name and
the signing time (ISO 8601, Vietnam time) in Times New Roman 10 pt, blue.

We draw it with reportlab in Liberation Serif (metric-compatible with Times New Roman) and hand
the page to pyHanko as a static appearance. That avoids pyHanko's own text stamps, which
mis-space fonts whose unitsPerEm is not 1000 (tech-notes §3, pitfall 2).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from thidua_desktop.signing.common import iso_vn, nfc
from thidua_desktop.signing.errors import SigningError

FONT_NAME = "ThiDuaStampSerif"
FONT_FILES = ("LiberationSerif-Regular.ttf", "NotoSerif-Regular.ttf")
TEXT_SIZE = 10
LINE_GAP = 1.2
BLUE = (0.0, 0.0, 0.8)
PADDING = 2.0

_font_registered: str | None = None


def _register_font() -> str:
    global _font_registered
    if _font_registered:
        return _font_registered
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from thidua_desktop.paths import fonts_dir

    for filename in FONT_FILES:
        path = fonts_dir() / filename
        if path.is_file():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
            _font_registered = FONT_NAME
            return FONT_NAME
    raise SigningError(f"Thiếu phông chữ cho dấu chữ ký ({', '.join(FONT_FILES)}) trong {fonts_dir()}.")


@dataclass(frozen=True)
class LoadedImage:
    path: Path
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 1.0


def load_image(path: str | os.PathLike[str], what: str) -> LoadedImage:
    """Check an image file can be read; ``what`` is "hình chữ ký" or "hình con dấu"."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    try:
        with Image.open(path) as img:
            img.verify()
        with Image.open(path) as img:
            return LoadedImage(path, img.width, img.height)
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy tệp {what}: {path}.") from None
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        raise SigningError(f"Tệp {what} {path.name} không phải ảnh đọc được (nên dùng PNG nền trong suốt).") from None


def _fit(img: LoadedImage, max_w: float, max_h: float) -> tuple[float, float]:
    w, h = max_w, max_w / img.aspect
    if h > max_h:
        h, w = max_h, max_h * img.aspect
    return w, h


def text_lines(name: str, signed_at: datetime) -> list[str]:
    return [f"Ký bởi: {nfc(name)}", f"Thời gian ký: {iso_vn(signed_at)}"]


def render(
    width: float,
    height: float,
    *,
    lines: list[str] | None = None,
    signature_image: LoadedImage | None = None,
    seal_image: LoadedImage | None = None,
) -> bytes:
    """A one-page PDF of exactly ``width`` × ``height`` points with the appearance drawn on it."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    if width < 40 or height < 20:
        raise SigningError("Ô chữ ký quá nhỏ (cần ít nhất 40 × 20 điểm).")
    font = _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), pageCompression=1)
    c.setTitle("Chữ ký")

    wrapped: list[str] = []
    for line in lines or []:
        wrapped.extend(simpleSplit(nfc(line), font, TEXT_SIZE, width - 2 * PADDING) or [""])
    leading = TEXT_SIZE * LINE_GAP
    text_h = len(wrapped) * leading + (PADDING if wrapped else 0)

    area_x, area_y = PADDING, text_h + PADDING
    area_w, area_h = width - 2 * PADDING, height - text_h - 2 * PADDING
    if (signature_image or seal_image) and area_h < 12:
        raise SigningError("Ô chữ ký không đủ chỗ cho hình chữ ký/con dấu và dòng chữ; hãy chọn ô lớn hơn.")

    if signature_image and seal_image:
        # The seal's right edge reaches one third into the signature image (Điều 33 NĐ 30/2020).
        seal_w, seal_h = _fit(seal_image, area_w, area_h)
        sig_w, sig_h = _fit(signature_image, area_w, area_h * 0.8)
        total = seal_w + sig_w * 2 / 3
        if total > area_w:
            k = area_w / total
            seal_w, seal_h, sig_w, sig_h = seal_w * k, seal_h * k, sig_w * k, sig_h * k
            total = area_w
        x0 = area_x + (area_w - total) / 2
        sig_x = x0 + seal_w - sig_w / 3
        c.drawImage(
            str(signature_image.path),
            sig_x,
            area_y + (area_h - sig_h) / 2,
            sig_w,
            sig_h,
            mask="auto",
            preserveAspectRatio=False,
        )
        c.drawImage(
            str(seal_image.path),
            x0,
            area_y + (area_h - seal_h) / 2,
            seal_w,
            seal_h,
            mask="auto",
            preserveAspectRatio=False,
        )
    elif signature_image or seal_image:
        img = signature_image or seal_image
        w, h = _fit(img, area_w, area_h)
        c.drawImage(
            str(img.path),
            area_x + (area_w - w) / 2,
            area_y + (area_h - h) / 2,
            w,
            h,
            mask="auto",
            preserveAspectRatio=False,
        )

    if wrapped:
        c.setFillColorRGB(*BLUE)
        c.setFont(font, TEXT_SIZE)
        y = text_h - TEXT_SIZE - (leading - TEXT_SIZE) / 2
        if not (signature_image or seal_image):
            y = (height + len(wrapped) * leading) / 2 - TEXT_SIZE  # text alone: centred vertically
        for line in wrapped:
            c.drawString(PADDING, y, line)
            y -= leading
    c.showPage()
    c.save()
    return buf.getvalue()
