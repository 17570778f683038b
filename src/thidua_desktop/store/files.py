"""Files that must survive a kill or a power cut: fsync, owner processes, unfinished copies.

A file being written is named with the id of the process writing it (``X.sqlite.<pid>.part``,
``thidua.sqlite.nang-cap-<pid>``), so that the next start can tell a file still being written by
another running process (left alone) from one left behind by a killed process (removed).

:func:`atomic_write` is the one way a file is replaced whole: written beside it, renamed over it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PART_SUFFIX = ".part"
STALE_AFTER_S = 24 * 3600
# SQLite's own files beside a database it writes.
SIDECARS = ("-journal", "-wal", "-shm")
_PART_RE = re.compile(r"^(?P<target>.+?)(?:\.(?P<pid>\d+))?\.part(?:-journal|-wal|-shm)?$")


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to the disk (before it is renamed into place)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (
            errno.EINVAL,
            getattr(errno, "ENOTSUP", errno.EINVAL),
        ):  # a medium that cannot flush: written anyway
            raise
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Windows has no directory handles for this: NTFS
    journals renames itself."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs now. Our own process counts as alive (another thread
    may be writing). A process whose state cannot be read counts as alive: nothing is removed."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def part_name(destination: Path, *, unique: bool = False) -> Path:
    """Where a copy to ``destination`` is written before it is renamed into place. ``unique``
    adds a random token, so that two writers in one process (two threads) never share it."""
    token = f".{secrets.token_hex(4)}" if unique else ""
    return destination.with_name(f"{destination.name}{token}.{os.getpid()}{PART_SUFFIX}")


@contextmanager
def atomic_write(target: Path, *, durable: bool = True, private: bool = False) -> Iterator[Path]:
    """Replace ``target`` whole or not at all.

    Yields the partial file beside it (a :func:`part_name`, so one left by a killed process is
    found by :func:`unfinished_parts`), which the caller writes and closes. When the block ends,
    the partial is renamed over ``target``; ``durable``: its data is flushed to the disk first and
    the rename made durable after. On any exception (in the block or the rename) the partial and
    its SQLite journals are removed and ``target`` is as it was. ``private``: the partial is
    created readable by its owner only (0600), and so is ``target`` after the rename.
    """
    target = Path(target)
    partial = part_name(target, unique=True)
    if private:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))
    try:
        yield partial
        if durable:
            fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        for leftover in [partial, *(Path(f"{partial}{s}") for s in SIDECARS)]:
            remove_quietly(leftover)
        raise
    if durable:
        fsync_dir(target.parent)


@dataclass(frozen=True)
class Unfinished:
    """A partial file left by a copy that did not finish."""

    path: Path
    size: int
    pid: int | None  # the writer; None for names written by older versions
    modified: float = 0.0

    @property
    def writer_running(self) -> bool:
        # No copy takes a day: an older file is left over even if its process id was reused.
        if self.modified and time.time() - self.modified > STALE_AFTER_S:
            return False
        return self.pid is not None and pid_alive(self.pid)


def unfinished_parts(folder: Path) -> list[Unfinished]:
    """Every ``.part`` file (and its SQLite journal) in ``folder``, largest first."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _PART_RE.match(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            st = entry.stat()
        except OSError:
            continue
        pid = int(match.group("pid")) if match.group("pid") else None
        found.append(Unfinished(entry, st.st_size, pid, st.st_mtime))
    found.sort(key=lambda u: (-u.size, u.path.name))
    return found


def remove_quietly(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError:  # still open on Windows, read-only medium: try again next time
        return False
    return True


def remove_unfinished(folder: Path) -> list[Path]:
    """Remove the partial files whose writer is no longer running; return what was removed."""
    removed = []
    for part in unfinished_parts(folder):
        if part.writer_running:
            continue
        if remove_quietly(part.path):
            removed.append(part.path)
    return removed
