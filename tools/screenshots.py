"""Screenshots for the README: ``uv run python tools/screenshots.py DATA_DIR [OUT_DIR]``.

Runs the real window offscreen on the given data folder (e.g. a demo made with ``thidua demo``),
visits each sidebar page once the data is loaded and saves ``<OUT_DIR>/<page>.png``; then, on the
Văn bản page, opens the print preview of the document chosen there (``xem-truoc-in.png``).

Last, the upper level: a throw-away upper-union data folder (LĐLĐ huyện Gia Viễn) is made in a
temporary folder with a dozen CĐCS units whose signed workbooks (registration, sơ kết, tổng kết,
a few missing) are written and taken in with the real services (services/demo_units.py, as the
tests do); the window opens it in upper-level mode and saves the Tổng hợp page: the indicators
added up (``tong-hop.png``) and who has reported (``tong-hop-nop.png``).

Set ``THIDUA_TODAY=2021-12-30`` to see the year as it looked on that day (``THIDUA_LANG=en`` for
English).
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from thidua_desktop import paths as app_paths
from thidua_desktop.ui import i18n
from thidua_desktop.ui.context import AppContext
from thidua_desktop.ui.main_window import PAGE_DOCUMENTS, PAGE_UPPER, MainWindow
from thidua_desktop.ui.tasks import TaskManager

NAMES = ["tong-quan", "don-vi", "doan-vien", "dang-ky", "sang-kien", "so-ket-tong-ket", "binh-xet", "van-ban"]
SIZE = (1366, 728)
UPPER_UNITS = 12
PAUSE_MS = 1500


def build_upper_folder(root: Path) -> app_paths.DataPaths:
    """An upper union with UPPER_UNITS units; every unit sent its registration, most the sơ kết and
    tổng kết (the last three and the last five did not)."""
    from thidua_desktop.services import demo_units as du
    from thidua_desktop.services import upper, year
    from thidua_desktop.services.dto import OfficerInfo, UnitProfile
    from thidua_desktop.store.database import Database

    paths = app_paths.resolve(root / "cap-tren").ensure()
    inbox, keys = root / "nhan", root / "khoa"
    inbox.mkdir(parents=True)
    db = Database.open(paths)
    try:
        year.set_up(
            db,
            UnitProfile(
                name="Liên đoàn Lao động huyện Gia Viễn",
                issuer_code="LĐLĐ",
                upper_union="LĐLĐ tỉnh Ninh Bình",
                place_name="Gia Viễn",
                code="GV",
                officers=[OfficerInfo("Nguyễn Văn An", "chair", "Chủ tịch")],
            ),
        )
        upper.set_mode(db, "upper")
        for i in range(1, UPPER_UNITS + 1):
            unit = du.synthetic_unit(i, seed=2021)
            signer = du.unit_signer(unit, keys)
            upper.add_unit(db, unit.code, unit.name, f"{unit.code.lower()}@example.vn")
            upper.trust_certificate(db, unit.code, signer.certificate)
            figures = du.unit_figures(unit)
            sent = ["registration"]
            if i <= UPPER_UNITS - 3:
                sent.append("midyear-report")
            if i <= UPPER_UNITS - 5:
                sent.append("year-report")
            for kind in sent:
                du.write(unit, kind, inbox / f"{unit.code}-{kind}.xlsx", signer, figures=figures)
        upper.intake(db, paths, [inbox], 2021)
    finally:
        db.close()
    return paths


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    data = app_paths.resolve(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from thidua_desktop.ui._none_guard import protect_none

    protect_none()  # as ui.app.main does
    app = QApplication([])
    i18n.install(os.environ.get("THIDUA_LANG", "vi"))
    window = MainWindow(AppContext(data, TaskManager()))
    window.show()
    window.showNormal()  # the window maximises on a screen this small; the picture is the SIZE itself
    window.resize(*SIZE)
    window.open_data()
    todo = list(enumerate(NAMES))
    work = tempfile.TemporaryDirectory(prefix="thidua-screenshots-")
    saved: list[str] = []
    upper_window: list[MainWindow] = []

    def save(widget, name: str) -> None:
        widget.grab().save(str(out / f"{name}.png"))
        saved.append(name)

    def step() -> None:
        if not todo:
            preview()
            return
        number, name = todo.pop(0)
        window.show_page(number)
        QTimer.singleShot(PAUSE_MS, lambda: (save(window, name), step()))

    def preview() -> None:
        page = window.show_page(PAGE_DOCUMENTS)
        page.preview_dialog = None
        page.preview_document()
        wait_for_preview(page, 0)

    def wait_for_preview(page, waited: int) -> None:
        dialog = getattr(page, "preview_dialog", None)
        if dialog is None or not dialog.isVisible():
            if waited > 30_000:
                print("screenshots: the print preview did not open", file=sys.stderr)
                upper_level()
                return
            QTimer.singleShot(200, lambda: wait_for_preview(page, waited + 200))
            return
        dialog.resize(1100, 728)
        QTimer.singleShot(2 * PAUSE_MS, lambda: (save(dialog, "xem-truoc-in"), dialog.reject(), upper_level()))

    def upper_level() -> None:
        paths = build_upper_folder(Path(work.name))
        second = MainWindow(AppContext(paths, TaskManager()))
        upper_window.append(second)
        second.show()
        second.showNormal()
        second.resize(*SIZE)
        second.data_shown.connect(lambda: QTimer.singleShot(PAUSE_MS, show_upper))
        second.open_data()

    def show_upper() -> None:
        second = upper_window[0]
        if saved[-1].startswith("tong-hop"):
            return  # data_shown again (a reload)
        page = second.show_page(PAGE_UPPER)
        page.tabs.setCurrentIndex(3)  # Indicators added up
        QTimer.singleShot(
            PAUSE_MS,
            lambda: (
                save(second, "tong-hop"),
                page.tabs.setCurrentIndex(2),
                QTimer.singleShot(PAUSE_MS, lambda: (save(second, "tong-hop-nop"), app.quit())),
            ),
        )

    window.data_shown.connect(lambda: QTimer.singleShot(500, step) if todo and not saved else None)
    QTimer.singleShot(180_000, app.quit)
    app.exec()
    for w in (window, *upper_window):
        w.ctx.tasks.shutdown(final=lambda ctx=w.ctx: ctx.db.close() if ctx.db is not None else None)
    work.cleanup()
    print(f"{len(saved)} screenshots in {out}: {', '.join(saved)}")
    return 0 if "tong-hop-nop" in saved else 1


if __name__ == "__main__":
    sys.exit(main())
