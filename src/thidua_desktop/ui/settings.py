"""Window state in QSettings — and nothing else: business data lives in SQLite.

In portable mode the settings file sits in the data folder, so a USB stick carries them.
Tests point every instance at a file of their own with :func:`use_file`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "thidua_desktop"
APPLICATION = "thidua_desktop"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "main_window/geometry"
KEY_STATE = "main_window/state"
KEY_PAGE = "main_window/page"

_file: Path | None = None


def use_file(path: str | Path | None) -> None:
    """Keep the settings in ``path`` (an INI file) instead of the platform's own place."""
    global _file
    _file = Path(path) if path else None


def settings() -> QSettings:
    if _file is not None:
        return QSettings(str(_file), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def language() -> str:
    value = settings().value(KEY_LANGUAGE, "vi")
    return value if value in ("vi", "en") else "vi"


def set_language(code: str) -> None:
    s = settings()
    s.setValue(KEY_LANGUAGE, code)
    s.sync()


KEY_LAST_FOLDER = "files/last_folder/{kind}"


def last_folder(kind: str) -> Path | None:
    """The folder a file of this kind was last chosen in (None: none yet)."""
    value = settings().value(KEY_LAST_FOLDER.format(kind=kind), "")
    return Path(value) if isinstance(value, str) and value.strip() else None


def set_last_folder(kind: str, folder: str | Path) -> None:
    s = settings()
    s.setValue(KEY_LAST_FOLDER.format(kind=kind), str(folder))
    s.sync()
