"""Desktop manners: one instance per data folder, the crash log, a quick and quiet start."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from tests.ui_helpers import dialogs, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import paths as app_paths
from thidua_desktop.ui import app as ui_app
from thidua_desktop.ui import excepthook
from thidua_desktop.ui.single_instance import SingleInstance, server_name


def test_a_second_start_on_the_same_folder_is_detected_and_raises_the_first(qtbot, tmp_path):
    folder = app_paths.resolve(tmp_path / "data")
    first = SingleInstance(folder)
    second = SingleInstance(folder)
    other = SingleInstance(app_paths.resolve(tmp_path / "demo"))
    try:
        assert first.acquire()
        assert not second.acquire(timeout_ms=50), "the same data folder is already in use"
        assert other.acquire(), "another data folder may run side by side"
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.notify_running()
        first.release()
        assert second.acquire(), "the folder is free once the first instance has gone"
    finally:
        for instance in (first, second, other):
            instance.release()


def test_server_names_depend_on_the_folder(tmp_path):
    a = server_name(app_paths.resolve(tmp_path / "a"))
    assert a == server_name(app_paths.resolve(tmp_path / "a"))
    assert a != server_name(app_paths.resolve(tmp_path / "b"))
    assert len(a) < 60, "local socket names must stay short"


def test_the_crash_handler_logs_and_shows_a_calm_dialog(qapp, data_paths, dialogs, vietnamese, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    excepthook.install(data_paths.crash_log)
    try:
        raise RuntimeError("hỏng ở đâu đó")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    log = data_paths.crash_log.read_text(encoding="utf-8")
    assert "RuntimeError: hỏng ở đâu đó" in log and "Traceback" in log and log.startswith("==== ")
    shown = dialogs.last("error")
    assert shown["title"] == "Lỗi ngoài dự kiến"
    assert shown["text"].startswith("Đã xảy ra lỗi ngoài dự kiến")
    assert "Traceback" not in shown["text"] and "Traceback" not in (shown["informative"] or "")
    assert str(data_paths.crash_log) in shown["informative"]
    assert "RuntimeError: hỏng ở đâu đó" in shown["details"]


def test_errors_in_other_threads_are_logged_and_shown_on_the_gui_thread(qtbot, data_paths, dialogs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    excepthook.install(data_paths.crash_log)

    def fail():
        raise ValueError("lỗi trong luồng phụ")

    worker = threading.Thread(target=fail, name="luong-phu")
    worker.start()
    worker.join()
    assert "ValueError: lỗi trong luồng phụ" in data_paths.crash_log.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: "error" in dialogs.kinds(), timeout=3000)
    assert "ValueError" in dialogs.last("error")["details"]


def test_restart_keeps_the_folder_and_drops_the_language_flag():
    program, arguments = ui_app.restart_command(["--data-dir", "D:/cd", "--lang", "en", "--portable"])
    assert program == sys.executable
    assert arguments == ["-m", "thidua_desktop.ui.app", "--data-dir", "D:/cd", "--portable"]
    assert ui_app.restart_command(["--lang=vi"])[1] == ["-m", "thidua_desktop.ui.app"]


def _env(tmp_path, **extra):
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    return env


def test_the_window_module_does_not_load_the_database_layer(tmp_path):
    script = (
        "import sys, thidua_desktop.ui.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(tmp_path), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", "SQLAlchemy and Alembic load in the worker, after the window shows"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_program_starts_shows_the_year_and_exits(tmp_path, seeded_db, data_paths, lang):
    seeded_db.close()
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "thidua_desktop.ui.app", "--data-dir", str(data_paths.root), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path, THIDUA_EXIT_WHEN_SHOWN="1"),
    )
    assert result.returncode == 0, result.stderr
    shown = [line for line in result.stdout.splitlines() if line.startswith("THIDUA_SHOWN ")]
    assert len(shown) == 1, result.stdout
    assert started <= float(shown[0].split()[1]) <= time.time()
