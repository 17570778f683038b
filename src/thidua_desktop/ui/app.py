"""Start the desktop application: ``thidua-desktop [--data-dir DIR] [--portable] [--demo] [--lang vi|en]``.

The window is shown first; the database (SQLAlchemy, Alembic, the services) is imported and
opened afterwards on the worker thread, so the program appears at once.

``THIDUA_EXIT_WHEN_SHOWN=1`` (start-up benchmark): print ``THIDUA_SHOWN <time.time()>`` once
the window is exposed and the overview shows the year's data, then quit with 0.
``THIDUA_SMOKE=1`` (smoke test of the bundle, works on a fresh data folder): print
``THIDUA_SMOKE_OK <time.time()>`` once the window is exposed and the data folder is open (the
first-run wizard showing, on a fresh folder), then quit with 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QProcess, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from thidua_desktop import APP_NAME, __version__, snapshot
from thidua_desktop import paths as app_paths
from thidua_desktop.ui import excepthook, i18n, messages, settings
from thidua_desktop.ui._none_guard import protect_none
from thidua_desktop.ui.operations import folder as folder_ops
from thidua_desktop.ui.operations import year as year_ops
from thidua_desktop.ui.context import AppContext
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.single_instance import SingleInstance
from thidua_desktop.ui.tasks import TaskManager

EXIT_WHEN_SHOWN = "THIDUA_EXIT_WHEN_SHOWN"
SMOKE = "THIDUA_SMOKE"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="thidua-desktop", description="Quản lý phong trào thi đua của CĐCS")
    parser.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (data folder)")
    parser.add_argument("--portable", action="store_true", help="giữ dữ liệu cạnh chương trình (portable mode)")
    parser.add_argument("--demo", action="store_true", help="mở dữ liệu mẫu (demonstration data)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="ngôn ngữ giao diện: vi hoặc en")
    return parser.parse_args(argv)


def data_paths_for(args: argparse.Namespace) -> app_paths.DataPaths:
    if args.demo:
        return app_paths.DataPaths(app_paths.default_demo_dir())
    return app_paths.resolve(args.data_dir, portable=True if args.portable else None)


def restart_command(argv: list[str]) -> tuple[str, list[str]]:
    """How to start this program again with the same data folder (without ``--lang``)."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if arg.startswith("--lang="):
            continue
        kept.append(arg)
    if getattr(sys, "frozen", False):
        return sys.executable, kept
    return sys.executable, ["-m", "thidua_desktop.ui.app", *kept]


class ShownProbe(QObject):
    """Prints ``THIDUA_SHOWN <time>`` when the window is exposed and shows the year's data
    (``ready``: another signal to wait for, with ``marker`` printed instead)."""

    def __init__(self, window: MainWindow, ready=None, marker: str = "THIDUA_SHOWN") -> None:
        super().__init__(window)
        self.window = window
        self.marker = marker
        self._data = False
        self._done = False
        (ready if ready is not None else window.data_shown).connect(self._on_data)

    def attach(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)

    def _on_data(self) -> None:
        self._data = True
        self._check()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose:
            QTimer.singleShot(0, self._check)
        return False

    def _check(self) -> None:
        handle = self.window.windowHandle()
        if self._done or not self._data or handle is None or not handle.isExposed():
            return
        self._done = True
        if sys.stdout is not None:
            print(f"{self.marker} {time.time()}", flush=True)
        QTimer.singleShot(0, lambda: QApplication.exit(0))


class AfterFirstPaint(QObject):
    """Run ``action`` once the window has been exposed (its first frame is on screen)."""

    def __init__(self, window: MainWindow, action) -> None:
        super().__init__(window)
        self._action = action
        self._done = False
        handle = window.windowHandle()
        if handle is None or handle.isExposed():
            self._fire()
        else:
            handle.installEventFilter(self)
            QTimer.singleShot(1000, self._fire)  # never wait longer than a second

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._action()


def app_icon() -> QIcon:
    """The program's icon (resources/icons, drawn by tools/make_icon.py) in each size it comes in."""
    icon = QIcon()
    folder = app_paths.resources_dir() / "icons"
    for size in (16, 32, 48, 64):
        icon.addFile(str(folder / f"thidua-{size}.png"))
    icon.addFile(str(folder / "thidua.png"))
    return icon


def main(argv: list[str] | None = None) -> int:
    protect_none()  # before the first Qt call (see ui._none_guard)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    paths = data_paths_for(args)
    paths.ensure()
    if args.portable or (not args.data_dir and not args.demo and app_paths.is_portable()):
        settings.use_file(paths.root / "settings.ini")

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    excepthook.install(paths.crash_log)
    i18n.install(args.lang or settings.language())

    single = SingleInstance(paths)
    if not single.acquire():
        if not single.notify_running():
            messages.info(
                None,
                QApplication.translate("App", "The program is already running with the data folder {folder}.").format(
                    folder=paths.root
                ),
            )
        return 0

    tasks = TaskManager()
    # (no preload: importing the database layer while the window is built slows the window down)
    ctx = AppContext(paths, tasks)
    window = MainWindow(ctx)
    single.activation_requested.connect(window.raise_window)

    def quit_app() -> None:
        window.close()
        app.quit()

    def restart() -> None:
        window.close()
        single.release()
        program, arguments = restart_command(argv)
        QProcess.startDetached(program, arguments)
        app.quit()

    window.quit_requested.connect(quit_app, Qt.ConnectionType.QueuedConnection)
    window.restart_requested.connect(restart, Qt.ConnectionType.QueuedConnection)
    probe = ShownProbe(window) if os.environ.get(EXIT_WHEN_SHOWN) == "1" else None
    if os.environ.get(SMOKE) == "1":
        probe = ShownProbe(window, ctx.database_changed, "THIDUA_SMOKE_OK")
    window.show()
    if probe is not None:
        probe.attach()
    snap = snapshot.load(paths)
    open_data = lambda: window.open_data(build_demo=args.demo)  # noqa: E731
    if snap is not None:
        window.show_snapshot(snap)
        # Importing the database layer on the worker holds the GIL for a few hundred ms: let the
        # window paint the snapshot first.
        AfterFirstPaint(window, open_data)
    else:
        QTimer.singleShot(0, open_data)
    code = app.exec()
    fresh: list[snapshot.Snapshot] = []
    tasks.shutdown(final=lambda: _last_reading(ctx, fresh))
    if fresh:
        _keep_snapshot(paths, fresh[0])
    single.release()
    return code


def _last_reading(ctx: AppContext, out: list) -> None:
    """On the worker, last of all: read the overview as the data now stands, then close."""
    try:
        if ctx.db is not None and ctx.year is not None:
            unit = year_ops.get_unit(ctx.db)
            data = year_ops.overview(ctx.db, ctx.year)
            if unit is not None:
                out.append(
                    snapshot.Snapshot(
                        unit,
                        year_ops.list_years(ctx.db),
                        ctx.year,
                        data.detail,
                        list(data.events),
                        list(data.phases),
                        dict(data.counts),
                    )
                )
    except Exception:  # noqa: BLE001 - a snapshot is a convenience; never block closing
        pass
    finally:
        folder_ops.close(ctx.db)
        folder_ops.close_all()


def _keep_snapshot(paths, snap: snapshot.Snapshot) -> None:
    """After the database is closed: the year at a glance, for the next start."""
    try:
        snapshot.save(paths, snap)
    except (OSError, TypeError):
        snapshot.discard(paths)


if __name__ == "__main__":
    sys.exit(main())
