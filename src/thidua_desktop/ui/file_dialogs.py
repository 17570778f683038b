"""Where the file dialogs open and which name they offer.

Every open / save / folder dialog of the program goes through here: it opens in the folder the
user last chose a file of that *kind* in (remembered in the settings), or else in their Documents
folder (``QStandardPaths.DocumentsLocation``; their home folder when there is none) — never in a
folder that no longer exists, and never inside a data folder (its ``backups/``, ``logs/``…: the
program's own files are not the user's). A suggested file name is made valid on Windows
(``core.safe_names``: no ``:`` nor ``<>"/\\|?*``, no reserved device name).

The Qt static functions (``QFileDialog.getOpenFileName``…) are what runs, so tests answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from thidua_desktop.core import safe_names
from thidua_desktop.paths import DB_FILENAME
from thidua_desktop.ui import settings

# kinds of files, each remembering its own last folder
SPREADSHEET = "spreadsheet"  # rosters, lists of initiatives or units read in
PACKAGE = "package"  # signed plan packages, rule sets, returns received
DOCUMENT = "document"  # documents exported, signed, checked, sent
EXPORT = "export"  # workbooks exported from a page
ATTACHMENT = "attachment"  # scans attached to an initiative
BACKUP = "backup"  # a copy of the data chosen to restore
UPPER = "upper"  # the upper union's files: received workbooks, returns, consolidations
KEY = "key"  # key files and certificates


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder when it does not exist."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def in_data_folder(folder: Path) -> bool:
    """A data folder or one of its sub-folders (``backups/``, ``logs/``, ``attachments/``)."""
    return any((f / DB_FILENAME).exists() for f in (folder, *list(folder.parents)[:2]))


def usable(folder: Path | None) -> bool:
    try:
        return folder is not None and folder.is_absolute() and folder.is_dir() and not in_data_folder(folder)
    except OSError:
        return False


def start_folder(kind: str) -> Path:
    """The last folder used for this kind of file, else Documents."""
    last = settings.last_folder(kind)
    return last if usable(last) else documents_folder()


def start_path(kind: str, start: str | Path = "", *, name: str = "") -> str:
    """What a dialog opens on: ``start`` (a folder, or a file whose folder) when it is usable,
    else the kind's start folder; with ``name`` (or ``start``'s name) made valid on Windows."""
    folder: Path | None = None
    if start:
        given = Path(start)
        if given.is_absolute() and given.is_dir():
            folder = given
        else:
            name = name or given.name
            folder = given.parent if given.is_absolute() else None
    if not usable(folder):
        folder = start_folder(kind)
    assert folder is not None
    return str(folder / safe_names.safe_file_name(name)) if name else str(folder)


def remember(kind: str, chosen: str | Path) -> None:
    """Keep the folder of a chosen file (or the chosen folder) for the next dialog of ``kind``."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if folder.is_absolute():
        settings.set_last_folder(kind, folder)


def open_file(parent: QWidget | None, title: str, file_filter: str, *, kind: str, start: str | Path = "") -> str:
    chosen, _selected = QFileDialog.getOpenFileName(parent, title, start_path(kind, start), file_filter)
    remember(kind, chosen)
    return chosen


def open_files(parent: QWidget | None, title: str, file_filter: str, *, kind: str, start: str | Path = "") -> list[str]:
    chosen, _selected = QFileDialog.getOpenFileNames(parent, title, start_path(kind, start), file_filter)
    if chosen:
        remember(kind, chosen[0])
    return list(chosen)


def save_file(
    parent: QWidget | None, title: str, file_filter: str, *, kind: str, start: str | Path = "", name: str = ""
) -> str:
    """``start`` may be a whole path or a bare file name; the name offered is valid on Windows."""
    chosen, _selected = QFileDialog.getSaveFileName(parent, title, start_path(kind, start, name=name), file_filter)
    remember(kind, chosen)
    return chosen


def folder(parent: QWidget | None, title: str, *, kind: str, start: str | Path = "") -> str:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_path(kind, start))
    remember(kind, chosen)
    return chosen
