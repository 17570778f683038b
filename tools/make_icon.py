"""Draw the application icon: ``uv run python tools/make_icon.py [OUT_DIR]`` (default resources/icons).

A red rounded square (the union's red) with a white document and a gold five-pointed star over its
lower right corner: "the emulation movement's papers". Drawn with Pillow at 4× the size and scaled
down (smooth edges); the 16 px size leaves out the document's text lines, which would only blur.

Writes ``thidua.png`` (256 px), ``thidua-16.png`` … ``thidua-64.png`` (the GUI's
window icon, see ui/app.py) and ``thidua.ico`` with the five sizes (the Windows programs and the
installer, see packaging/thidua.spec and packaging/thidua.iss). The outputs are committed; run this
again only to change the drawing.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 32, 48, 64, 256)  # what Inno Setup recommends for SetupIconFile
SCALE = 4

RED_TOP = (211, 47, 47)
RED_BOTTOM = (160, 24, 24)
PAPER = (255, 255, 255)
FOLD = (224, 224, 224)
LINES = (176, 184, 196)
GOLD = (255, 196, 0)
GOLD_EDGE = (150, 20, 20)


def _star(cx: float, cy: float, outer: float, inner_ratio: float = 0.42) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels (drawn at SCALE × size, then reduced)."""
    big = size * SCALE
    u = big / 256  # drawing units: the design is laid out on a 256 grid

    # background: a vertical red gradient inside a rounded square
    gradient = Image.new("RGBA", (big, big))
    pixels = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / max(big - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(RED_TOP, RED_BOTTOM))
        pixels.line([(0, y), (big, y)], fill=(*colour, 255))
    mask = Image.new("L", (big, big), 0)
    margin = 8 * u if size >= 32 else 4 * u
    ImageDraw.Draw(mask).rounded_rectangle([margin, margin, big - margin, big - margin], radius=44 * u, fill=255)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    image.paste(gradient, (0, 0), mask)
    pen = ImageDraw.Draw(image)

    # the document, with its top right corner folded
    left, top, right, bottom, fold = 52 * u, 38 * u, 172 * u, 200 * u, 34 * u
    pen.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=PAPER)
    pen.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    if size > 16:
        for i, width in enumerate((70, 92, 92, 60)):
            y = 88 * u + i * 24 * u
            pen.rounded_rectangle([left + 18 * u, y, left + (18 + width) * u, y + 10 * u], radius=5 * u, fill=LINES)

    # the gold star over the lower right corner, with a red edge that keeps it apart from the paper
    cx, cy, outer = 170 * u, 166 * u, 64 * u
    if size <= 16:
        cx, cy, outer = 164 * u, 160 * u, 76 * u
    pen.polygon(_star(cx, cy, outer + 10 * u), fill=GOLD_EDGE)
    pen.polygon(_star(cx, cy, outer), fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    images[256].save(out / "thidua.png", optimize=True)
    for size in SIZES[:-1]:
        images[size].save(out / f"thidua-{size}.png", optimize=True)
    # each size drawn for itself (not the 256 px one scaled down by the ICO writer)
    images[256].save(
        out / "thidua.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=[images[s] for s in SIZES[:-1]]
    )
    for path in sorted(out.glob("thidua*")):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
