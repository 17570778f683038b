"""One running instance per data folder.

The first instance holds a ``QLockFile`` on ``paths.lock_file`` and listens on a
``QLocalServer`` whose name comes from a hash of the data folder. A second start on the same
folder cannot take the lock; it asks the first instance to raise its window and exits. Two
different data folders (the real one and the demo) can run side by side.
"""

from __future__ import annotations

import hashlib
import sys

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from thidua_desktop.paths import DataPaths

_MESSAGE = b"raise\n"


def server_name(paths: DataPaths) -> str:
    folder = str(paths.root.resolve())
    if sys.platform == "win32":
        folder = folder.lower()
    return "thidua-desktop-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:20]


class SingleInstance(QObject):
    """``acquire()`` is True for the first instance; ``activation_requested`` fires when a later
    start asks it to come forward."""

    activation_requested = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.name = server_name(paths)
        self._lock = QLockFile(str(paths.lock_file))
        # The lock is held for the whole session: never treat it as stale by age, only when
        # its owner process is gone (QLockFile checks the PID itself).
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self, timeout_ms: int = 200) -> bool:
        self.paths.root.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(timeout_ms):
            return False
        QLocalServer.removeServer(self.name)  # a socket left behind by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.name)
        return True

    def notify_running(self, timeout_ms: int = 1500) -> bool:
        """Ask the instance holding the lock to raise its window; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        ok = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return ok

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # The socket stays a child of the server (deleted with it): deleteLater() on a
            # socket that is also destroyed with its parent crashes PySide6 at exit.
            socket.readyRead.connect(self._on_ready_read)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if _MESSAGE.strip() in data:
            socket.readyRead.disconnect(self._on_ready_read)
            socket.abort()
            self.activation_requested.emit()
