"""The background worker: one thread for the database, results back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui_helpers import dialogs  # noqa: F401 - fixture
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_jobs_run_in_order_on_one_worker_and_report_on_the_gui_thread(qtbot, tasks):
    seen = []
    for n in range(5):
        tasks.run(
            lambda n=n: (n, threading.current_thread().name),
            on_done=lambda result: seen.append((result, threading.current_thread() is threading.main_thread())),
        )
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=5000)
    assert [result[0] for result, _ in seen] == [0, 1, 2, 3, 4]
    assert len({result[1] for result, _ in seen}) == 1, "one worker thread for the database"
    assert all(result[1].startswith("thidua-db") for result, _ in seen)
    assert all(on_gui for _, on_gui in seen), "callbacks run on the GUI thread"


def test_errors_go_to_on_error_and_store_errors_are_shown(qtbot, tasks, dialogs):
    errors = []

    def refuse():
        raise ValidationError("Tên công đoàn cơ sở không được để trống.")

    tasks.run(refuse, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValidationError)

    tasks.run(refuse)  # no on_error: the user is told in Vietnamese
    qtbot.waitUntil(lambda: "error" in dialogs.kinds(), timeout=5000)
    assert dialogs.last("error")["text"] == "Tên công đoàn cơ sở không được để trống."


def test_busy_while_work_runs(qtbot, tasks):
    release = threading.Event()
    states = []
    tasks.busy_changed.connect(states.append)
    tasks.run(release.wait, 5)
    assert tasks.busy
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert states == [True, False]


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot, tasks):
    owner = QLabel()
    release = threading.Event()
    called = []
    tasks.run(release.wait, 5, on_done=called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert called == []


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_synchronous_mode_calls_back_before_run_returns(qapp):
    tasks = TaskManager(synchronous=True)
    seen = []
    tasks.run(lambda: threading.current_thread().name, on_done=seen.append)
    assert seen == [threading.current_thread().name]
    tasks.run(lambda: 1 / 0, on_error=seen.append)
    assert isinstance(seen[-1], ZeroDivisionError)
    assert not tasks.busy


def test_shutdown_runs_the_final_job_after_queued_work(qtbot, qapp):
    tasks = TaskManager()
    order = []
    release = threading.Event()
    tasks.run(lambda: (release.wait(5), order.append("work")))
    release.set()
    tasks.shutdown(final=lambda: order.append("close"))
    assert order == ["work", "close"]
    tasks.run(lambda: order.append("late"))
    assert order == ["work", "close"], "nothing runs after shutdown"
