"""One local file dropped on a widget (a page, an import dialog) is handed to it.

``FileDropTarget`` goes before the Qt class in the bases (``class RosterPage(FileDropTarget, Page)``);
the widget calls ``setAcceptDrops(True)`` and says what a dropped file does (``file_dropped``) and,
where it may be refused (no data folder open), when it takes one (``takes_drops``).
"""

from __future__ import annotations

from pathlib import Path


def dropped_file(mime) -> Path | None:
    """The one local file being dragged, if there is exactly one."""
    if mime is None or not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return Path(files[0]) if len(files) == 1 else None


class FileDropTarget:
    """Takes one local file dragged onto the widget and gives it to ``file_dropped``."""

    def takes_drops(self) -> bool:
        return True

    def file_dropped(self, path: Path) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.takes_drops() and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        path = dropped_file(event.mimeData())
        if path is not None and self.takes_drops():
            event.acceptProposedAction()
            self.file_dropped(path)
