"""Golden screenshots: page 1 of each of the eight documents of the demo year, rendered with
poppler's ``pdftoppm -r 50 -gray``, compared with the PNGs committed in ``tests/golden/``.

The demo is built once for the module; every document is produced on 30/12/2021 (also the
``THIDUA_TODAY`` the app would see), signed by the chair, numbered in the order of ``KINDS``.

Tolerance: the mean absolute difference of the grey levels (0–255) must stay under
``MEAN_LIMIT`` = 0.5 and at most ``CHANGED_LIMIT`` = 0.1 % of the pixels may differ by more than
64 levels (a quarter of the range). Measured on this page size (414 × 585 px): a page moved by
one pixel gives 9.8 and 6.2 %, another document 16.7 and 11 %, the same page with one digit of
the date changed 0.011 and 0.007 %. So any change of layout (a block moved, a rule or a header
line lost, another font or size) fails, while the small grey-level differences of another
FreeType/poppler build on the glyphs' edges pass; a changed word or figure is left to the text
tests, which read every line back. PDFium renders the same page 9.1 / 5.5 % away from poppler:
the goldens are poppler's only.

Regenerate after an intended change of layout, then look at every PNG:

    THIDUA_UPDATE_GOLDEN=1 uv run pytest -q tests/test_documents_golden.py
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from thidua_desktop import paths as app_paths
from thidua_desktop.services import demo, documents
from thidua_desktop.store.database import Database

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")

GOLDEN = Path(__file__).resolve().parent / "golden"
DIFFS = Path(__file__).resolve().parent.parent / "build" / "golden-diff"
UPDATE = os.environ.get("THIDUA_UPDATE_GOLDEN", "") not in ("", "0")
ISSUED = date(2021, 12, 30)
DPI = 50
MEAN_LIMIT = 0.5
CHANGED_LIMIT = 0.001  # share of the pixels
CHANGED_LEVELS = 64


@pytest.fixture(scope="module")
def first_pages(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("golden")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("THIDUA_TODAY", ISSUED.isoformat())
        demo.build_demo(app_paths.DataPaths(root / "data").ensure(), current_cycle=False)
        db = Database.open(app_paths.DataPaths(root / "data"), actor="kiemthu")
        try:
            pages = {}
            for kind in documents.KINDS:
                pdf = root / f"{kind}.pdf"
                documents.produce(db, None, kind, 2021, pdf, signer="chair")  # each dated from its event
                stem = root / f"{kind}-1"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        str(DPI),
                        "-gray",
                        "-png",
                        "-singlefile",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        str(pdf),
                        str(stem),
                    ],
                    check=True,
                )
                pages[kind] = stem.with_suffix(".png")
        finally:
            db.close()
    return pages


def compare(actual: Path, expected: Path) -> tuple[float, float]:
    """(mean absolute grey-level difference, share of pixels off by more than CHANGED_LEVELS)."""
    from PIL import Image, ImageChops, ImageStat

    a = Image.open(actual).convert("L")
    b = Image.open(expected).convert("L")
    if a.size != b.size:
        return 255.0, 1.0
    diff = ImageChops.difference(a, b)
    changed = sum(diff.histogram()[CHANGED_LEVELS + 1 :]) / (a.size[0] * a.size[1])
    if changed or ImageStat.Stat(diff).mean[0] >= MEAN_LIMIT:
        DIFFS.mkdir(parents=True, exist_ok=True)
        diff.point(lambda v: 255 - min(255, v * 4)).save(DIFFS / f"diff-{expected.name}")
        shutil.copyfile(actual, DIFFS / f"actual-{expected.name}")
    return ImageStat.Stat(diff).mean[0], changed


@pytest.mark.parametrize("kind", documents.KINDS)
def test_first_page_looks_like_the_golden(first_pages, kind):
    expected = GOLDEN / f"{kind}.png"
    if UPDATE:
        from PIL import Image

        GOLDEN.mkdir(exist_ok=True)
        Image.open(first_pages[kind]).convert("L").save(expected, optimize=True)  # grey: a third of the bytes
        return
    assert expected.exists(), f"no golden for {kind}: run with THIDUA_UPDATE_GOLDEN=1 and look at {expected}"
    mean, changed = compare(first_pages[kind], expected)
    assert mean < MEAN_LIMIT and changed <= CHANGED_LIMIT, (
        f"{kind}: page 1 differs from {expected.name} (mean {mean:.3f}, {changed:.3%} of the pixels); see {DIFFS}"
    )


def test_the_goldens_are_a4_portrait_at_50_dpi():
    from PIL import Image

    found = sorted(p.stem for p in GOLDEN.glob("*.png"))
    assert found == sorted(documents.KINDS)
    for path in GOLDEN.glob("*.png"):
        width, height = Image.open(path).size
        assert (width, height) == (math.ceil(210 / 25.4 * DPI), math.ceil(297 / 25.4 * DPI))  # 414 × 585
