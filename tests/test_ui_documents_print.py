"""Văn bản page: preview (no number taken), print on A4 through QPrinter, the register of the chosen year."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QTransform
from PySide6.QtPrintSupport import QPrinter

from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import demo, reports
from thidua_desktop.services import documents as documents_service
from thidua_desktop.services import year as year_service
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui import print_preview
from thidua_desktop.ui.pages import documents as documents_page

pytestmark = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)
A4 = (595.28, 841.89)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Every page's size in points, read back with poppler's pdfinfo."""
    text = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "100000", str(path)], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", text, re.MULTILINE)
    return [(float(w), float(h)) for w, h in found]


def is_a4(size: tuple[float, float]) -> bool:
    w, h = sorted(size)
    return abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_texts(path: Path) -> list[str]:
    """Each page's text through PDFium (poppler's pdftotext scatters the diagonal mark)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    from thidua_desktop import paths as app_paths

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    summary = demo.build_demo(paths, current_cycle=False)
    return paths, summary.year


@pytest.fixture
def window(qtbot, demo_folder, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch):
    from thidua_desktop import paths as app_paths

    source, year = demo_folder
    shutil.copytree(source.root, tmp_path / "data")
    monkeypatch.setenv("THIDUA_TODAY", f"{year}-12-30")
    window = make_window(qtbot, app_paths.resolve(tmp_path / "data").ensure(), size=(1400, 900))
    yield window
    window.close()


def register_codes(db) -> list[str]:
    return [e.code for y in (2021, 2022) for e in documents_service.list_register(db, y)]


def open_preview(qtbot, page, kind: str) -> print_preview.PreviewDialog:
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.preview_button.click()
    assert not page.export_error.isVisibleTo(page), page.export_error.text()
    dialog = page.preview_dialog
    qtbot.waitUntil(lambda: bool(dialog.rendered_pages()))
    return dialog


def test_preview_shows_every_page_marked_and_takes_no_number(qtbot, window, monkeypatch):
    page = window.show_page(mw.PAGE_DOCUMENTS)
    before = register_codes(window.ctx.db)
    off_thread = []  # what went to the CPU pool (the threads of the running app)
    run_cpu = window.ctx.tasks.run_cpu
    monkeypatch.setattr(
        window.ctx.tasks, "run_cpu", lambda fn, *a, **k: (off_thread.append((fn, a)), run_cpu(fn, *a, **k))
    )
    dialog = open_preview(qtbot, page, "registration")
    assert {getattr(fn, "__name__", "") for fn, _ in off_thread} == {"render"}  # every page is rendered there
    sizes = page_sizes(dialog.path)
    assert len(sizes) > 10  # the list of 292 people runs over many pages
    assert dialog.page_count() == len(sizes) == len(dialog.pages)
    assert dialog.count_label.text() == f"{len(sizes)} trang"
    # Rendered lazily: the first page now, not the whole document.
    assert 0 in dialog.rendered_pages() and len(dialog.rendered_pages()) < len(sizes)
    first = dialog.pages[0].pixmap()
    assert not first.isNull() and first.width() > 300
    text = pdftext(dialog.path)
    assert "Số:" in text and "/ĐK-CĐCS" in text
    assert all("BẢN XEM TRƯỚC" in t for t in page_texts(dialog.path))  # on every page
    assert "chưa lấy số" in dialog.note.text()
    assert register_codes(window.ctx.db) == before  # a preview never takes a number
    # Scrolling to the end renders the last pages and lets the first ones go.
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: len(sizes) - 1 in dialog.rendered_pages())
    assert len(dialog.rendered_pages()) <= print_preview.KEEP_RENDERED + 2
    # Landscape pages (the annex) are shown landscape.
    for index, (w, h) in enumerate(sizes):
        shown = dialog.pages[index].size()
        assert (shown.width() > shown.height()) == (w > h)
    path = dialog.path
    dialog.close()
    assert not path.exists()  # the preview's file goes with it


def test_preview_of_an_unfinished_report_is_possible_but_export_is_refused(qtbot, window, tmp_path, monkeypatch):
    db = window.ctx.db
    info = reports.latest_report(db, 2021, "year")
    newer = reports.new_version(db, info.id)
    section = next(s for s in newer.sections if s.text.strip())
    reports.update_section(db, newer.id, section.key, section.text + " [Bổ sung: kết quả tháng 12]")
    page = window.show_page(mw.PAGE_DOCUMENTS)
    before = register_codes(db)
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "tong-ket.pdf"))
    page.kind.setCurrentIndex(page.kind.findData("year-report"))
    page.export_button.click()
    assert page.export_error.isVisibleTo(page) and "chưa viết xong" in page.export_error.text()
    assert not (tmp_path / "tong-ket.pdf").exists()
    dialog = open_preview(qtbot, page, "year-report")
    assert section.heading in dialog.note.text()
    assert "[Bổ sung: kết quả tháng 12]" in " ".join(pdftext(dialog.path).split())
    assert all("BẢN XEM TRƯỚC" in t for t in page_texts(dialog.path))
    assert register_codes(db) == before
    dialog.close()


def pdf_printer(monkeypatch, target: Path) -> list[QPrinter]:
    seen: list[QPrinter] = []

    def ask(parent, printer):
        assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        seen.append(printer)
        return True

    monkeypatch.setattr(print_preview, "ask_printer", ask)
    return seen


def test_print_the_exported_pdf_on_a4(qtbot, window, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_DOCUMENTS)
    assert not page.print_button.isEnabled()  # nothing exported yet
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "dang-ky.pdf"))
    page.kind.setCurrentIndex(page.kind.findData("registration"))
    page.format.setCurrentIndex(page.format.findData(".pdf"))
    page.export_button.click()
    exported = tmp_path / "dang-ky.pdf"
    assert exported.exists() and page.print_button.isEnabled()
    dialog = page.print_exported()
    assert not dialog.note.isVisible() and dialog.path == exported
    source = page_sizes(exported)
    assert dialog.page_count() == len(source)
    printed = tmp_path / "in-ra.pdf"
    seen = pdf_printer(monkeypatch, printed)
    with qtbot.waitSignal(dialog.printed) as signal:
        dialog.print_button.click()
    assert seen and signal.args == [len(source)]
    out = page_sizes(printed)
    assert len(out) == len(source)
    # Printed at its real size: the sheet's ink lies where the page's does, margins included (no
    # scaling, no offset; 1 px = 0,6 mm at 40 dpi). Two pixels at most: since the demo's CĐCS joins
    # only the movements of a private company (issue 16), page 1 ends on a line whose lowest glyphs
    # cross the ink level two pixels apart in the printer's raster and in pdftoppm's.
    sheet, page_1 = render(printed, 1, tmp_path / "sheet"), render(exported, 1, tmp_path / "page")
    assert sheet.size() == page_1.size()
    assert all(abs(a - b) <= 2 for a, b in zip(ink_box(sheet), ink_box(page_1), strict=True)), (
        ink_box(sheet),
        ink_box(page_1),
    )
    assert correlation(sheet, page_1) > 0.85
    for (w, h), (sw, sh) in zip(out, source, strict=True):
        assert is_a4((w, h)) and (w > h) == (sw > sh)  # A4 sheets, each in its page's orientation
    assert any(w > h for w, h in out) and any(w < h for w, h in out)
    dialog.close()
    assert exported.exists()  # printing never removes the exported file


def test_printing_for_a_paper_printer_turns_landscape_pages(qtbot, window, tmp_path):
    db = window.ctx.db
    source = tmp_path / "dang-ky.pdf"
    documents_service.produce(db, None, "registration", 2021, source, on=date(2021, 12, 30))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    print_preview.set_up_printer(printer, "kiểm thử")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "giay.pdf"))
    progress = []
    count = print_preview.print_pdf(source, printer, lambda p, _m: progress.append(p), per_page_orientation=False)
    out = page_sizes(tmp_path / "giay.pdf")
    assert count == len(out) == len(page_sizes(source))
    assert all(is_a4(s) and s[0] < s[1] for s in out)  # every sheet portrait A4
    assert progress[-1] == 100 and progress == sorted(progress)
    # The landscape page is drawn turned a quarter anticlockwise: compare the ink of the printed
    # sheet with the source page turned either way (40 dpi renders, averaged over 1,27 cm blocks:
    # the sheet is a bitmap of the page, so fine strokes differ, the layout does not).
    index = next(i for i, (w, h) in enumerate(page_sizes(source)) if w > h) + 1
    sheet = render(tmp_path / "giay.pdf", index, tmp_path / "sheet")
    page = render(source, index, tmp_path / "page")
    assert sheet.width() < sheet.height() and page.width() > page.height()
    anticlockwise = correlation(sheet, page.transformed(QTransform().rotate(-90)))
    clockwise = correlation(sheet, page.transformed(QTransform().rotate(90)))
    assert anticlockwise > 0.85 and clockwise < anticlockwise - 0.15, (anticlockwise, clockwise)


def render(pdf: Path, number: int, stem: Path):
    from PySide6.QtGui import QImage

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-gray",
            "-singlefile",
            "-f",
            str(number),
            "-l",
            str(number),
            "-png",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return QImage(f"{stem}.png").convertToFormat(QImage.Format.Format_Grayscale8)


def ink_box(image, level: int = 160) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of the pixels darker than ``level``."""
    dark = [
        (x, y) for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).value() < level
    ]
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    return min(xs), min(ys), max(xs), max(ys)


def correlation(a, b) -> float:
    """Pearson correlation of the grey levels of ``a`` and ``b`` averaged over 20×20 pixel blocks."""
    from PySide6.QtCore import Qt

    width, height = min(a.width(), b.width()) // 20, min(a.height(), b.height()) // 20
    small = [
        image.copy(0, 0, width * 20, height * 20).scaled(
            width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        for image in (a, b)
    ]
    x, y = ([image.pixelColor(i, j).value() for j in range(height) for i in range(width)] for image in small)
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sx = (sum((v - mx) ** 2 for v in x) / n) ** 0.5
    sy = (sum((v - my) ** 2 for v in y) / n) ** 0.5
    return sum((p - mx) * (q - my) for p, q in zip(x, y, strict=True)) / n / (sx * sy)


def test_register_follows_the_selected_year(qtbot, window, tmp_path):
    db = window.ctx.db
    made = documents_service.produce(db, None, "plan", 2021, tmp_path / "kh.pdf", on=date(2021, 12, 30))
    # The year report of 2021 issued in January 2022 is numbered in the 2022 register.
    late = documents_service.produce(db, None, "initiatives", 2021, tmp_path / "sk.pdf", on=date(2022, 1, 10))
    assert late.register_year == 2022
    year_service.copy_year(db, 2021, 2022)
    window.reload_years(select=2021)
    page = window.show_page(mw.PAGE_DOCUMENTS)
    assert {e.code for e in page.register.rows()} == {made.code, late.code}
    assert "2021" in page.register_heading.text()
    window.ctx.set_year(2022)
    page = window.show_page(mw.PAGE_DOCUMENTS)
    assert [e.code for e in page.register.rows()] == [late.code]  # the 2022 register holds that one
    assert "2022" in page.register_heading.text()
