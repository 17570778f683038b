"""Print preview and printing of a produced PDF (the Văn bản page's "Xem trước" and "In").

Qt's own PDF module (``QtPdf``) is not part of PySide6-Essentials, so the pages are rendered
by PDFium through ``pypdfium2`` (the renderer of Chromium; a small wheel with no further
dependencies). PDFium is not thread-safe: every call goes through one lock, and it never runs on
the GUI thread — the preview renders the pages it shows on the CPU pool, one job per page, and
keeps only the pages near the view; printing runs on the pool too, with a progress dialog.

Printing sets the printer's paper to A4 with no margins ("full page") and draws each page at
its real size: an A4 page of the PDF covers the sheet exactly, no scaling. Printing to a PDF file
gives each page its own orientation; a real printer cannot change orientation within a job, so
a landscape page is turned a quarter to fit the portrait sheet (its top on the left edge), as
printers do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop.ui import messages
from thidua_desktop.ui.widgets import screen_fit

POINTS_PER_INCH = 72
SCREEN_DPI = 96
PRINT_DPI = 300  # pages are drawn as images at most this fine (a 1200 dpi image of A4 is 560 MB)
ZOOMS = (50, 75, 100, 125, 150)
DEFAULT_ZOOM = 75
KEEP_RENDERED = 16  # pages kept as pixmaps around the view; the others go back to blank
PAGE_GAP = 16

_PDFIUM = threading.Lock()


class PrintError(Exception):
    """The printer could not be started (no printer, a file that cannot be written)."""


class PdfFile:
    """A PDF opened with PDFium: its page sizes (points) and pages rendered to QImage.

    Safe to use from any thread (one lock around PDFium); QImage may be made off the GUI thread.
    """

    def __init__(self, path: Path | str) -> None:
        import pypdfium2 as pdfium

        self.path = Path(path)
        with _PDFIUM:
            self._doc = pdfium.PdfDocument(str(self.path))
            self.sizes: list[tuple[float, float]] = [self._doc.get_page_size(i) for i in range(len(self._doc))]

    def __len__(self) -> int:
        return len(self.sizes)

    def is_landscape(self, index: int) -> bool:
        width, height = self.sizes[index]
        return width > height

    def render(self, index: int, dpi: float, *, for_print: bool = False) -> QImage:
        import pypdfium2.raw as pdfium_c

        with _PDFIUM:
            if self._doc is None:
                raise PrintError("closed")
            page = self._doc[index]
            try:
                bitmap = page.render(
                    scale=dpi / POINTS_PER_INCH,
                    force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                    optimize_mode="print" if for_print else None,
                    may_draw_forms=False,
                )
                try:
                    # BGRx bytes are Qt's RGB32 on a little-endian machine; copy out of PDFium's buffer.
                    image = QImage(
                        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                    ).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with _PDFIUM:
            if self._doc is not None:
                self._doc.close()
                self._doc = None


# --- printing ---------------------------------------------------------------------------------


def a4_layout(landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
        QMarginsF(0, 0, 0, 0),
    )


def set_up_printer(printer: QPrinter, name: str = "") -> None:
    """A4, portrait, full page (the document carries its own margins), colour, the job's name."""
    printer.setFullPage(True)
    printer.setPageLayout(a4_layout())
    printer.setColorMode(QPrinter.ColorMode.Color)
    if name:
        printer.setDocName(name)


def print_pdf(
    path: Path | str,
    printer: QPrinter,
    progress: Callable[[int, str], None] | None = None,
    per_page_orientation: bool | None = None,
) -> int:
    """Print every page of the PDF at ``path`` on ``printer`` (A4); returns the pages printed.

    ``per_page_orientation``: give each sheet its page's orientation (only a PDF file can; the
    default when printing to one); otherwise landscape pages are turned onto portrait sheets.
    """
    pdf = PdfFile(path)
    try:
        count = len(pdf)
        if per_page_orientation is None:
            per_page_orientation = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        printer.setFullPage(True)
        printer.setPageLayout(a4_layout(per_page_orientation and count > 0 and pdf.is_landscape(0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(printer.outputFileName() or printer.printerName())
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for index in range(count):
                landscape = pdf.is_landscape(index)
                if index:
                    if per_page_orientation:
                        printer.setPageLayout(a4_layout(landscape))
                    printer.newPage()
                _draw_page(
                    painter,
                    printer,
                    pdf.render(index, dpi, for_print=True),
                    turn=landscape and not per_page_orientation,
                )
                if progress is not None:
                    progress(round(100 * (index + 1) / count), "")
        finally:
            painter.end()
        return count
    finally:
        pdf.close()


def _draw_page(painter: QPainter, printer: QPrinter, image: QImage, *, turn: bool) -> None:
    """The page image over the whole sheet: at its real size when the page is A4."""
    sheet = printer.pageLayout().fullRectPixels(printer.resolution())
    painter.save()
    if turn:  # landscape page, portrait sheet: a quarter turn anticlockwise (top of the page on the left)
        painter.translate(0, sheet.height())
        painter.rotate(-90)
        sheet = QRect(0, 0, sheet.height(), sheet.width())
    size = image.size().scaled(sheet.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(
        sheet.x() + (sheet.width() - size.width()) // 2,
        sheet.y() + (sheet.height() - size.height()) // 2,
        size.width(),
        size.height(),
    )
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(target, image)
    painter.restore()


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system print dialog (a seam for the tests)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


class _Relay(QObject):
    """Carries progress from the worker to the GUI thread."""

    progressed = Signal(int, str)

    def report(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))


# --- the preview dialog ---------------------------------------------------------------------


class PageView(QLabel):
    """One page: blank (white, outlined) until its image arrives."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.rendered = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("background: white; color: #888; border: 1px solid #999;")


class PreviewDialog(QDialog):
    """The pages of a PDF, rendered as they come into view, with "Print…"."""

    printed = Signal(int)  # pages sent to the printer

    def __init__(
        self, ctx, path: Path, title: str, *, note: str = "", owns_file: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.owns_file = owns_file
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        screen_fit.fit_dialog(self, (900, 860))  # the pages scroll; "Print…" and "Close" stay in view
        self.pdf = PdfFile(self.path)
        self.zoom = DEFAULT_ZOOM
        self._requested: set[int] = set()
        self._generation = 0
        self._progress = None

        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.note.setVisible(bool(note))
        self.count_label = QLabel(
            self.tr("{count} pages").format(count=len(self.pdf)) if len(self.pdf) != 1 else self.tr("1 page")
        )
        self.zoom_box = QComboBox()
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{zoom}%", zoom)
        self.zoom_box.setCurrentIndex(ZOOMS.index(DEFAULT_ZOOM))
        self.zoom_box.currentIndexChanged.connect(lambda _i: self.set_zoom(self.zoom_box.currentData()))
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Zoom")))
        top.addWidget(self.zoom_box)

        self.pages = [PageView(i) for i in range(len(self.pdf))]
        column = QWidget()
        column.setStyleSheet("background: #e6e6e6;")
        box = QVBoxLayout(column)
        box.setSpacing(PAGE_GAP)
        box.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for page in self.pages:
            box.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._schedule())
        self.scroll.horizontalScrollBar().valueChanged.connect(lambda _v: self._schedule())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_document)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.render_visible)
        self._size_pages()

    # -- pages -----------------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.pages)

    def page_pixels(self, index: int) -> QSize:
        width, height = self.pdf.sizes[index]
        scale = SCREEN_DPI / POINTS_PER_INCH * self.zoom / 100
        return QSize(round(width * scale), round(height * scale))

    def _size_pages(self) -> None:
        for page in self.pages:
            page.setFixedSize(self.page_pixels(page.index))
            page.clear()
            page.setText(self.tr("Page {number}").format(number=page.index + 1))
            page.rendered = False
        self._requested.clear()
        self._generation += 1
        self._schedule()

    def set_zoom(self, zoom: int) -> None:
        if zoom and zoom != self.zoom:
            self.zoom = zoom
            self._size_pages()

    def visible_pages(self) -> list[int]:
        viewport = self.scroll.viewport()
        area = QRect(0, 0, viewport.width(), viewport.height())
        seen = []
        for page in self.pages:
            top_left = page.mapTo(viewport, page.rect().topLeft())
            if QRect(top_left, page.size()).intersects(area):
                seen.append(page.index)
            elif seen:
                break
        return seen or ([0] if self.pages else [])

    def _schedule(self) -> None:
        self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._schedule()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._schedule()

    def render_visible(self) -> None:
        """Ask for the pages in view and the next one (off the GUI thread); forget far pages."""
        visible = self.visible_pages()
        if not visible:
            return
        wanted = list(visible)
        if visible[-1] + 1 < len(self.pages):
            wanted.append(visible[-1] + 1)
        ratio = self.devicePixelRatioF() or 1.0
        dpi = SCREEN_DPI * self.zoom / 100 * ratio
        generation = self._generation
        for index in wanted:
            if index in self._requested:
                continue
            self._requested.add(index)
            self.ctx.tasks.run_cpu(
                self.pdf.render,
                index,
                dpi,
                on_done=lambda image, i=index, g=generation: self._rendered(i, g, image, ratio),
                on_error=lambda exc, i=index: self._render_failed(i, exc),
                owner=self,
            )
        self._forget(visible)

    def _rendered(self, index: int, generation: int, image: QImage, ratio: float) -> None:
        if generation != self._generation:
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        page = self.pages[index]
        page.setPixmap(pixmap)
        page.rendered = True

    def _render_failed(self, index: int, exc: BaseException) -> None:
        self._requested.discard(index)
        self.pages[index].setText(self.tr("This page cannot be shown."))

    def _forget(self, visible: list[int]) -> None:
        rendered = [p for p in self.pages if p.rendered]
        if len(rendered) <= KEEP_RENDERED:
            return
        middle = (visible[0] + visible[-1]) / 2
        rendered.sort(key=lambda p: abs(p.index - middle), reverse=True)
        for page in rendered[: len(rendered) - KEEP_RENDERED]:
            page.clear()
            page.setText(self.tr("Page {number}").format(number=page.index + 1))
            page.rendered = False
            self._requested.discard(page.index)

    def rendered_pages(self) -> list[int]:
        return [p.index for p in self.pages if p.rendered]

    # -- printing --------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(printer, self.windowTitle())
        if not ask_printer(self, printer):
            return
        self.printer = printer
        self.print_button.setEnabled(False)
        self._progress = messages.progress(self, self.tr("Printing {count} pages…").format(count=len(self.pages)))
        relay = _Relay(self)
        relay.progressed.connect(self._print_progressed)
        self.ctx.tasks.run_cpu(
            print_pdf, self.path, printer, relay.report, on_done=self._printed, on_error=self._print_failed, owner=self
        )

    def _print_progressed(self, percent: int, _message: str) -> None:
        if self._progress is not None:
            self._progress.setRange(0, 100)
            self._progress.setValue(max(0, min(percent, 100)))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.print_button.setEnabled(True)

    def _printed(self, pages: int) -> None:
        self._close_progress()
        self.printed.emit(pages)

    def _print_failed(self, exc: BaseException) -> None:
        self._close_progress()
        if not isinstance(exc, (PrintError, OSError)):
            raise exc
        messages.error(
            self,
            self.tr("The document could not be printed: the printer or the file {target} could not be opened.").format(
                target=str(exc)
            ),
        )

    # -- closing ---------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._timer.stop()
        self.pdf.close()
        if self.owns_file:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass  # still open elsewhere (a viewer): the temporary folder is cleared later
        super().done(result)
