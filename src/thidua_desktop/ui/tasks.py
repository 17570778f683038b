"""Background work: database work on ONE worker thread, results posted back by signal.

Like Anki's ``taskman``: every use of the database runs on a single-thread executor, so a
SQLAlchemy session never crosses threads and operations run in the order they were asked
for; the window never waits for the disk. CPU-heavy jobs that do not touch the database
(documents, signing) go to a separate small pool with :meth:`TaskManager.run_cpu`.

``on_done(result)`` and ``on_error(exc)`` are always called on the GUI thread. Without an
``on_error`` a :class:`~thidua_desktop.errors.UserError` is shown to the user with its
Vietnamese message and anything else goes to the crash handler (logged, then a dialog).

Tests construct ``TaskManager(synchronous=True)``: the job then runs at once on the calling
thread and the callbacks are called before :meth:`run` returns, which makes GUI tests
deterministic (Picard's ``FakeThreadPool`` does the same).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

ErrorHandler = Callable[[BaseException], None]


@dataclass
class _Job:
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    on_done: Callable[[Any], None] | None
    on_error: ErrorHandler | None
    owner: QObject | None
    future: Future | None = None


class TaskManager(QObject):
    busy_changed = Signal(bool)
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._db_pool: ThreadPoolExecutor | None = None
        self._cpu_pool: ThreadPoolExecutor | None = None
        self._pending = 0
        self._closed = False
        self.error_handler: ErrorHandler = _default_error_handler
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- public ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        """Run ``fn(*args, **kwargs)`` on the database worker.

        ``owner``: a widget whose deletion makes the callbacks moot (they are then skipped).
        """
        self._submit("db", _Job(fn, args, kwargs, on_done, on_error, owner))

    def run_cpu(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        """Run a CPU-bound job that does not touch the database on the separate pool."""
        self._submit("cpu", _Job(fn, args, kwargs, on_done, on_error, owner))

    def shutdown(self, final: Callable[[], Any] | None = None) -> None:
        """Let queued work finish, run ``final`` last on the worker (closing the database), stop."""
        if self._closed:
            return
        self._closed = True
        if self.synchronous or self._db_pool is None:
            if final is not None:
                final()
        else:
            if final is not None:
                self._db_pool.submit(final)
            self._db_pool.shutdown(wait=True)
        if self._cpu_pool is not None:
            self._cpu_pool.shutdown(wait=True, cancel_futures=True)

    # -- internals ---------------------------------------------------------------------------

    def _pool(self, kind: str) -> ThreadPoolExecutor:
        if kind == "db":
            if self._db_pool is None:
                self._db_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="thidua-db")
            return self._db_pool
        if self._cpu_pool is None:
            self._cpu_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="thidua-cpu")
        return self._cpu_pool

    def _submit(self, kind: str, job: _Job) -> None:
        if self._closed:
            return
        self._set_pending(+1)
        if self.synchronous:
            future: Future = Future()
            try:
                future.set_result(job.fn(*job.args, **job.kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed to on_error like the threaded path
                future.set_exception(exc)
            job.future = future
            self._deliver(job)
            return
        job.future = self._pool(kind).submit(job.fn, *job.args, **job.kwargs)
        job.future.add_done_callback(lambda _f, job=job: self._finished.emit(job))

    def _set_pending(self, delta: int) -> None:
        was_busy = self._pending > 0
        self._pending += delta
        if was_busy != (self._pending > 0):
            self.busy_changed.emit(self._pending > 0)

    def _deliver(self, job: _Job) -> None:
        self._set_pending(-1)
        if job.owner is not None and not shiboken6.isValid(job.owner):
            return
        assert job.future is not None
        exc = job.future.exception()
        if exc is None:
            if job.on_done is not None:
                job.on_done(job.future.result())
        elif job.on_error is not None:
            job.on_error(exc)
        else:
            self.error_handler(exc)


def _default_error_handler(exc: BaseException) -> None:
    from thidua_desktop.errors import UserError
    from thidua_desktop.ui import messages

    if isinstance(exc, UserError):
        messages.error(None, exc.message)
        return
    from thidua_desktop.ui import excepthook

    excepthook.report(type(exc), exc, exc.__traceback__)
