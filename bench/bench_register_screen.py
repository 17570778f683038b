"""The real Sáng kiến page over 5,000 initiatives and 12,000 author links (plain script, prints figures).

    uv run python bench/bench_register_screen.py [--initiatives 5000] [--links 12000] [--people 2000]
                                                 [--rounds 7] [--data-dir DIR] [--xcb]

Builds (once, then reuses) a data folder the way ``bench_initiatives.py`` does — the demo, grown
by ``--people`` people, then the initiatives written through ``services.initiatives.save_many``
in one transaction with that script's builder (``drafts``) — and opens the real main window
offscreen with its threaded worker. Then it times:

* **open**: from asking for the Sáng kiến page (first time: the page is imported and built) until
  the register's rows are in the table and the table has painted; then **reload**: the register
  read again after a change (``ctx.changed(INITIATIVES)``), ``--rounds`` times;
* **per keystroke**, over every year ("All years") and over the year of the window: the query
  typed one key event at a time, from the key press until the table's viewport has processed its
  paint event (the filter over the rows kept in memory, the model reset, the totals bar, the
  paint); the slots alone (until ``sendEvent`` returns) and the filter + reset part alone;
  clearing the search likewise;
* a filter combo changed (status = recognised) → repainted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ("cai tien may", "nguyen thi")


def build(folder: Path, initiatives: int, links: int, people: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_initiatives import drafts  # the register builder of the service bench

    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services import demo, initiatives_io
    from thidua_desktop.services import initiatives as service
    from thidua_desktop.store.database import Database

    paths = DataPaths(folder).ensure()
    if not paths.database.exists():
        print(
            f"building {folder}: demo + {people:,} people + {initiatives:,} initiatives, {links:,} author links…",
            flush=True,
        )
        demo.build_demo(paths)
        db = Database.open(paths)
        try:
            demo.add_people(db, people, seed=1)
            roster = [p for group in initiatives_io.load_roster(db).by_key.values() for p in group if p.left_on is None]
            roster.sort(key=lambda p: p.id)
            batch = drafts(initiatives, links, roster, random.Random(2021))
            with db.transaction("Bench: sổ sáng kiến") as session:
                service.save_many(session, batch)
        finally:
            db.close()
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=12_000)
    parser.add_argument("--people", type=int, default=2_000, help="people added to the 312 of the demo")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="data folder to build or reuse")
    parser.add_argument("--xcb", action="store_true", help="use the existing DISPLAY instead of offscreen")
    args = parser.parse_args()
    if not args.xcb:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = args.data_dir or Path(tempfile.gettempdir()) / (
        f"thidua-bench-register-{args.initiatives}-{args.links}-{args.people}"
    )
    build(folder, args.initiatives, args.links, args.people)

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from thidua_desktop import paths as app_paths
    from thidua_desktop.ui import context, i18n
    from thidua_desktop.ui.context import AppContext
    from thidua_desktop.ui.main_window import PAGE_INITIATIVES, MainWindow
    from thidua_desktop.ui.tasks import TaskManager

    app = QApplication([])
    i18n.install("vi")
    ctx = AppContext(app_paths.resolve(folder), TaskManager())
    window = MainWindow(ctx)
    window.resize(1366, 728)
    window.show()
    window.open_data()

    def wait(condition, timeout: float = 120.0) -> None:
        end = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.0005)

    wait(lambda: ctx.db is not None and window.overview.title.text().startswith("Năm") and not ctx.tasks.busy)

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watch = PaintWatch()

    def until_painted() -> None:
        while not watch.painted:
            app.processEvents()

    t0 = time.perf_counter()
    page = window.show_page(PAGE_INITIATIVES)
    page.view.viewport().installEventFilter(watch)
    watch.painted = False
    wait(lambda: page.model.total_count > 0 and not ctx.tasks.busy)
    until_painted()
    opened_ms = (time.perf_counter() - t0) * 1000
    total = page.model.total_count
    shown_year = page.model.shown_count

    reloads = []
    for _ in range(args.rounds):
        generation = page._generation
        t = time.perf_counter()
        watch.painted = False
        ctx.changed(context.INITIATIVES)
        wait(lambda g=generation: page._generation > g and not ctx.tasks.busy)
        until_painted()
        reloads.append((time.perf_counter() - t) * 1000)

    reset_ms: list[float] = []
    resets = {"start": 0.0}
    page.model.modelAboutToBeReset.connect(lambda: resets.__setitem__("start", time.perf_counter()))
    page.model.modelReset.connect(lambda: reset_ms.append((time.perf_counter() - resets["start"]) * 1000))

    slot_ms: list[float] = []

    def key(text: str) -> float:
        watch.painted = False
        code = Qt.Key.Key_Space if text == " " else ord(text.upper())
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(page.search, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))
        slot_ms.append((time.perf_counter() - start) * 1000)  # the slots ran inside sendEvent
        until_painted()
        return (time.perf_counter() - start) * 1000

    def clear() -> float:
        watch.painted = False
        start = time.perf_counter()
        page.search.clear()
        until_painted()
        return (time.perf_counter() - start) * 1000

    def typing(scope: str) -> dict[str, list[float] | list[int]]:
        out = {"keys": [], "slots": [], "resets": [], "clears": [], "left": []}
        for query in QUERIES:
            for _round in range(args.rounds):
                before, slots_before = len(reset_ms), len(slot_ms)
                for char in query:
                    out["keys"].append(key(char))
                out["resets"].extend(reset_ms[before:])
                out["slots"].extend(slot_ms[slots_before:])
                if _round == 0:
                    out["left"].append(page.model.shown_count)
                out["clears"].append(clear())
        return out

    page.search.setFocus()
    year = page.year_filter.code()
    in_year = typing(str(year))
    page.year_filter.select_code(None)
    all_years_shown = page.model.shown_count
    every = typing("all")

    combos = []
    for _ in range(args.rounds):
        for code in ("recognised", None):
            watch.painted = False
            t = time.perf_counter()
            page.status_filter.select_code(code)
            until_painted()
            combos.append((time.perf_counter() - t) * 1000)
    window.close()

    def line(label: str, values: list[float]) -> None:
        p95 = statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)
        print(
            f"{label:<52} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   "
            f"max {max(values):7.1f} ms   (n={len(values)})"
        )

    print(f"platform: {app.platformName()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"register: {total:,} initiatives; the year {year} shows {shown_year:,}, all years {all_years_shown:,}")
    print(f"open (page built, rows read by the worker, table painted): {opened_ms:,.0f} ms")
    line("reload after a change → repainted", reloads)
    for label, result, shown in ((f"year {year}", in_year, shown_year), ("all years", every, all_years_shown)):
        print(
            f"-- typing over {label} ({shown:,} rows): {', '.join(repr(q) for q in QUERIES)} × {args.rounds}; "
            f"rows left: {', '.join(str(n) for n in result['left'])}"
        )
        line("keystroke → table repainted", result["keys"])
        line("  of which the slots (filter, reset, totals bar)", result["slots"])
        line("  of which filter + model reset", result["resets"])
        line("clear the search → repainted", result["clears"])
    line("status filter changed → repainted (all years)", combos)
    return 0


if __name__ == "__main__":
    sys.exit(main())
