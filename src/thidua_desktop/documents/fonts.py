"""The document typeface: Liberation Serif (Times New Roman metrics, every Vietnamese letter,
SIL OFL 1.1), vendored in ``resources/fonts`` and embedded as a subset in every PDF."""

from __future__ import annotations

import threading

from thidua_desktop.paths import fonts_dir

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
FAMILY = REGULAR

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the four faces with reportlab once per process (safe from worker threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise FileNotFoundError(f"Thiếu tệp phông chữ {path}; hãy cài lại chương trình.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
            addMapping(REGULAR, bold, italic, face)
        _registered = True


def face(bold: bool = False, italic: bool = False) -> str:
    if bold and italic:
        return BOLD_ITALIC
    if bold:
        return BOLD
    if italic:
        return ITALIC
    return REGULAR
