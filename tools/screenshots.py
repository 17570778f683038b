"""Screenshots of every page for the README: ``uv run python tools/screenshots.py DATA_DIR [OUT_DIR]``.

Runs the real window offscreen on the given data folder (e.g. a demo made with ``thidua demo``),
visits each sidebar page once the data is loaded and saves ``<OUT_DIR>/<page>.png``.
Set ``THIDUA_TODAY=2021-06-30`` to see the year as it looked on that day.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from thidua_desktop import paths as app_paths  # noqa: E402
from thidua_desktop.ui import i18n  # noqa: E402
from thidua_desktop.ui.context import AppContext  # noqa: E402
from thidua_desktop.ui.main_window import MainWindow  # noqa: E402
from thidua_desktop.ui.tasks import TaskManager  # noqa: E402

NAMES = ["tong-quan", "don-vi", "doan-vien", "dang-ky", "sang-kien", "so-ket-tong-ket", "van-ban"]


def main() -> int:
    data = app_paths.resolve(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    i18n.install(os.environ.get("THIDUA_LANG", "vi"))
    window = MainWindow(AppContext(data, TaskManager()))
    window.resize(1366, 728)
    window.show()
    window.open_data()
    todo = list(enumerate(NAMES))

    def step() -> None:
        if not todo:
            app.quit()
            return
        number, name = todo.pop(0)
        window.show_page(number)
        QTimer.singleShot(1500, lambda: (window.grab().save(str(out / f"{name}.png")), step()))

    window.data_shown.connect(lambda: QTimer.singleShot(500, step))
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
