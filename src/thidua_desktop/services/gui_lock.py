"""The command line (and any second opener) honours the window program's lock (``ui/single_instance.py``, a QLockFile on
``paths.lock_file``) without loading Qt.

While ``thidua-desktop`` has a data folder open, ``thidua`` opens that folder's database read-only
(``PRAGMA query_only``): commands that only read work as usual, a command that would write is
refused with a message naming the window program (exit 1), and nothing is changed.

On Linux and macOS QLockFile holds an ``flock`` on the file for as long as it owns the lock, so
the test is exact (a lock file left by a killed program holds no flock). On Windows, and on
file systems without ``flock``, the process id written in the file decides.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from dataclasses import dataclass

from thidua_desktop.paths import DataPaths
from thidua_desktop.store import files


@dataclass(frozen=True)
class GuiLock:
    pid: int | None
    host: str

    def message(self, paths: DataPaths) -> str:
        who = (
            f" (tiến trình {self.pid}" + (f" trên máy {self.host}" if self.host and self.host != _host() else "") + ")"
            if self.pid
            else ""
        )
        return (
            f"Chương trình thidua-desktop đang mở thư mục dữ liệu {paths.root}{who}. Lệnh này ghi vào dữ liệu "
            "nên không chạy khi cửa sổ chương trình đang mở: hãy đóng cửa sổ rồi chạy lại lệnh (các lệnh chỉ "
            "xem vẫn dùng được). Dữ liệu không bị thay đổi."
        )


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def _flocked(path) -> bool | None:
    """True if another open file holds an flock on ``path``; None when flock cannot tell."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return True
            return None  # ENOLCK, EOPNOTSUPP: a file system without flock
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def holder(paths: DataPaths) -> GuiLock | None:
    """The window program holding the data folder's lock, or None."""
    lock = paths.lock_file
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:  # Windows: the owner keeps it open without sharing
        return GuiLock(None, "")
    lines = text.splitlines()
    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
    host = lines[2].strip() if len(lines) > 2 else ""
    flocked = _flocked(lock)
    if flocked is not None:
        return GuiLock(pid, host) if flocked else None
    if host and host != _host():
        return GuiLock(pid, host)  # another computer's program: its process cannot be seen from here
    if pid is not None and pid != os.getpid() and files.pid_alive(pid):
        return GuiLock(pid, host)
    return None


def is_read_only_refusal(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "readonly database" in text or "read-only database" in text
