"""Search as you type on the real Đoàn viên page over 20,000 people (plain script, prints figures).

    uv run python bench/bench_search.py [--people 20000] [--rounds 7] [--data-dir DIR] [--xcb]

Builds (once) a demo data folder grown with ``services.demo.add_people``, opens the real
main window offscreen with its threaded worker, shows the Đoàn viên page and waits for the
roster to be in the table. Then, ``--rounds`` times, it types ``nguyen van an`` into the search
box one key event at a time (as a keyboard does) and times each keystroke from the key
press to the table updated: the filter and the model reset run in the ``textChanged`` slot,
then the event loop runs until the table's viewport has processed its paint event. The
clear (back to every row) is timed the same way. Reported: median and max per keystroke,
the filter-and-reset part alone, and the resident memory (RSS, Linux ``/proc``) of the
process before the window and with the roster open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERY = "nguyen van an"


def rss_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def build(folder: Path, people: int) -> Path:
    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services import demo, roster
    from thidua_desktop.store.database import Database

    paths = DataPaths(folder).ensure()
    if not paths.database.exists():
        print(f"building the demo in {folder} and adding {people:,} people…", flush=True)
        demo.build_demo(paths)
        db = Database.open(paths)
        try:
            demo.add_people(db, people, seed=20_000)
        finally:
            db.close()
    db = Database.open(paths)
    try:
        working = roster.count_people(db)["total"]
    finally:
        db.close()
    print(f"data folder: {folder} ({working:,} people at work)")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000, help="people added to the 312-person demo")
    parser.add_argument("--rounds", type=int, default=7, help="times the query is typed")
    parser.add_argument("--data-dir", type=Path, help="data folder to build or reuse")
    parser.add_argument("--xcb", action="store_true", help="use the existing DISPLAY instead of offscreen")
    args = parser.parse_args()
    if not args.xcb:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = args.data_dir or Path(tempfile.gettempdir()) / f"thidua-bench-search-{args.people}"
    build(folder, args.people)

    before_qt = rss_mb()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from thidua_desktop import paths as app_paths
    from thidua_desktop.ui import i18n
    from thidua_desktop.ui.context import AppContext
    from thidua_desktop.ui.main_window import PAGE_ROSTER, MainWindow
    from thidua_desktop.ui.tasks import TaskManager

    app = QApplication([])
    i18n.install("vi")
    ctx = AppContext(app_paths.resolve(folder), TaskManager())
    window = MainWindow(ctx)
    window.resize(1366, 728)
    window.show()
    window.open_data()

    def wait(condition, timeout: float = 60.0) -> None:
        end = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.001)

    wait(lambda: ctx.db is not None and window.overview.title.text().startswith("Năm"))
    t0 = time.perf_counter()
    page = window.show_page(PAGE_ROSTER)
    wait(lambda: page.model.total_count > 0 and not ctx.tasks.busy)
    app.processEvents()
    opened_ms = (time.perf_counter() - t0) * 1000
    total = page.model.total_count
    open_rss = rss_mb()

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watch = PaintWatch()
    page.view.viewport().installEventFilter(watch)
    reset_ms: list[float] = []
    resets = {"start": 0.0}
    page.model.modelAboutToBeReset.connect(lambda: resets.__setitem__("start", time.perf_counter()))
    page.model.modelReset.connect(lambda: reset_ms.append((time.perf_counter() - resets["start"]) * 1000))

    def key(text: str) -> float:
        """Send one key (press + release) and return ms until the table has painted."""
        watch.painted = False
        code = Qt.Key.Key_Space if text == " " else ord(text.upper())
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(page.search, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))
        while not watch.painted:
            app.processEvents()
        return (time.perf_counter() - start) * 1000

    keystrokes: list[float] = []
    clears: list[float] = []
    shown_after: list[int] = []
    page.search.setFocus()
    for _round in range(args.rounds):
        for char in QUERY:
            keystrokes.append(key(char))
        shown_after.append(page.model.shown_count)
        watch.painted = False
        start = time.perf_counter()
        page.search.clear()
        while not watch.painted:
            app.processEvents()
        clears.append((time.perf_counter() - start) * 1000)
    typing_resets = [r for n, r in enumerate(reset_ms) if (n % (len(QUERY) + 1)) != len(QUERY)]
    final_rss = rss_mb()
    window.close()

    def line(label: str, values: list[float]) -> None:
        p95 = statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)
        print(
            f"{label:<44} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {max(values):6.1f} ms   (n={len(values)})"
        )

    print(f"platform: {app.platformName()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"roster open: {total:,} rows in the table, page shown and loaded in {opened_ms:,.0f} ms")
    print(f"'{QUERY}' typed {args.rounds} times, {len(QUERY)} keystrokes each; rows left: {shown_after[0]}")
    line("keystroke → table repainted", keystrokes)
    line("  of which filter + model reset", typing_resets)
    line("clear the search (all rows back) → repainted", clears)
    if before_qt is not None:
        print(
            f"RSS before Qt: {before_qt:,.0f} MB · with the roster open: {open_rss:,.0f} MB · "
            f"after typing: {final_rss:,.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
