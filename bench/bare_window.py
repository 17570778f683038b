"""The floor for start-up time: a bare PySide6 window, no data, no application code.

    QT_QPA_PLATFORM=offscreen uv run python bench/bare_window.py

Prints ``THIDUA_SHOWN <time.time()>`` when the window is first exposed and quits, the same
signal ``thidua_desktop.ui.app`` prints under ``THIDUA_EXIT_WHEN_SHOWN=1`` (there, once its
main window is exposed and its Tổng quan page shows the year). "Exposed" is detected like
the app does it: an event filter on the window's QWindow that sees a ``QEvent.Expose``
with ``isExposed()`` true. ``--stay`` keeps the window open.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class ShownProbe(QObject):
    """Prints the marker once, on the first Expose of an exposed window."""

    def __init__(self, app: QApplication, *, quit_when_shown: bool) -> None:
        super().__init__()
        self.app = app
        self.quit_when_shown = quit_when_shown
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if not self.done and event.type() == QEvent.Type.Expose and watched.isExposed():
            self.done = True
            print(f"THIDUA_SHOWN {time.time():.6f}", flush=True)
            if self.quit_when_shown:
                QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Thi đua — cửa sổ trống")
    window.setCentralWidget(QLabel("Tổng quan — năm thi đua 2021"))
    window.resize(1024, 700)
    window.winId()  # create the native window now so the filter sees the first Expose
    probe = ShownProbe(app, quit_when_shown="--stay" not in sys.argv)
    window.windowHandle().installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
