"""Start-up paths of the window: the demo folder, the busy indicator, the window state."""

from __future__ import annotations

import threading

from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import paths as app_paths
from thidua_desktop.services import demo
from thidua_desktop.ui import app as ui_app
from thidua_desktop.ui import settings


def test_the_demo_is_built_with_progress_then_opened(qtbot, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch):
    real = demo.build_demo
    monkeypatch.setattr(demo, "build_demo", lambda paths, **kw: real(paths, people=40, **kw))
    demo_paths = app_paths.resolve(tmp_path / "demo").ensure()
    window = make_window(qtbot, demo_paths, open_data=False)
    window.open_data(build_demo=True)
    progress = dialogs.last("progress")
    assert progress["text"] == "Đang tạo dữ liệu mẫu (312 người)…"
    assert progress["dialog"].values[-1] == 100 and progress["dialog"].closed
    assert progress["dialog"].labels, "the service's own progress messages are shown"
    assert window.ctx.unit is not None and window.ctx.year is not None
    assert window.wizard is None
    assert window.overview.tiles["total"].value.text() == "40"
    window.close()


def test_the_demo_folder_is_apart_from_the_real_data():
    args = ui_app.parse_args(["--demo"])
    assert ui_app.data_paths_for(args).root == app_paths.default_demo_dir()
    args = ui_app.parse_args(["--data-dir", "/tmp/cd-hoa-lu", "--lang", "en"])
    assert str(ui_app.data_paths_for(args).root).endswith("cd-hoa-lu") and args.lang == "en"


def test_busy_indicator_shows_while_the_worker_runs(qtbot, seeded_db, data_paths, dialogs, ui_settings):
    from thidua_desktop.ui.context import AppContext
    from thidua_desktop.ui.main_window import MainWindow
    from thidua_desktop.ui.tasks import TaskManager

    seeded_db.close()
    ctx = AppContext(data_paths, TaskManager())  # a real worker thread
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    qtbot.waitUntil(lambda: window.ctx.year == 2021 and not ctx.tasks.busy, timeout=15000)
    assert window.overview.title.text() == "Emulation year 2021"
    assert not window.busy_bar.isVisible()
    release = threading.Event()
    ctx.tasks.run(release.wait, 10)
    assert window.busy_bar.isVisible() and window.busy_label.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    window.close()


def test_window_geometry_is_kept_in_settings(qtbot, seeded_db, data_paths, dialogs, ui_settings, monkeypatch):
    from thidua_desktop.ui.main_window import MainWindow

    window = make_window(qtbot, data_paths)
    window.close()
    stored = settings.settings().value(settings.KEY_GEOMETRY)
    assert stored is not None and not stored.isEmpty()
    restored = []
    real = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, g: restored.append(g) or real(self, g))
    again = make_window(qtbot, data_paths, open_data=False, size=None)
    assert restored == [stored], "the next window opens where the last one was"
    again.close()


def test_none_survives_pyside_void_calls(qapp):
    """PySide6 6.12 takes a reference from None at every void call on CPython 3.11: without the
    guard in ``thidua_desktop.ui`` the process aborts ("none_dealloc") after a few thousand."""
    import sys

    from PySide6.QtWidgets import QLabel

    import thidua_desktop.ui  # noqa: F401 - installs the guard

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert sys.getrefcount(None) > 10_000_000, "None would be about to be deallocated"
    assert before - sys.getrefcount(None) <= 20_000


def test_after_first_paint_runs_once_the_window_is_exposed(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from thidua_desktop.ui.app import AfterFirstPaint

    window = QMainWindow()
    qtbot.addWidget(window)
    calls = []
    window.show()
    AfterFirstPaint(window, lambda: calls.append(window.windowHandle().isExposed()))
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    assert calls == [True]
