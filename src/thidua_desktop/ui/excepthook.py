"""Unexpected errors: written to the data folder's crash log, then a calm Vietnamese dialog.

The users are offline, so there is no web form: the log file is what a helper asks for. The
dialog names the file; the traceback sits behind "Show Details", never in the dialog's body.
"""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from thidua_desktop import __version__

_log_path: Path | None = None
_showing = False


class _Poster(QObject):
    """Carries a report from another thread to the GUI thread."""

    report = Signal(str)


_poster: _Poster | None = None


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    stamp = datetime.now().isoformat(timespec="seconds")
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    header = (
        f"==== {stamp} ====\n"
        f"thidua_desktop {__version__}; Python {platform.python_version()}; PySide6 {pyside_version}; "
        f"{platform.platform()}; thread {threading.current_thread().name}\n"
    )
    return header + "".join(traceback.format_exception(exc_type, exc, tb)) + "\n"


def write_log(text: str, log_path: Path | None = None) -> Path | None:
    target = log_path or _log_path
    if target is None:
        return None
    from thidua_desktop.services import crash_log

    return crash_log.append(target, text)


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the error and tell the user (from any thread)."""
    text = format_report(exc_type, exc, tb)
    if sys.stderr is not None:  # None under pythonw (the Windows GUI launcher)
        sys.stderr.write(text)
    written = write_log(text)
    if QCoreApplication.instance() is None:
        return
    if threading.current_thread() is threading.main_thread():
        _show(text, written)
    elif _poster is not None:
        _poster.report.emit(text)


def _show(details: str, written: Path | None) -> None:
    global _showing
    if _showing:  # one dialog at a time; later errors are in the log
        return
    from thidua_desktop.ui import messages

    if written is not None:
        where = QCoreApplication.translate(
            "CrashDialog",
            "The details have been written to {file}. Please send this file to whoever helps you with the program.",
        ).format(file=written)
    else:
        where = QCoreApplication.translate("CrashDialog", "The details could not be written to the log file.")
    _showing = True
    try:
        messages.error(
            None,
            QCoreApplication.translate(
                "CrashDialog",
                "An unexpected error occurred. The data already saved is safe; the last action may not have been "
                "completed.",
            ),
            title=QCoreApplication.translate("CrashDialog", "Unexpected error"),
            informative=where,
            details=details,
        )
    finally:
        _showing = False


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def _sys_hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def install(log_path: Path) -> None:
    """Route uncaught exceptions (GUI thread and other threads) to the log and the dialog."""
    global _log_path, _poster
    _log_path = Path(log_path)
    if _poster is None and QCoreApplication.instance() is not None:
        _poster = _Poster()
        _poster.report.connect(lambda text: _show(text, _log_path), Qt.ConnectionType.QueuedConnection)
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook


def set_log_path(log_path: Path) -> None:
    global _log_path
    _log_path = Path(log_path)


def log_path() -> Path | None:
    return _log_path
