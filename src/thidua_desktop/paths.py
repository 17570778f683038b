"""Every path the application uses is resolved here, and only here.

Resolution order for the data folder:

1. an explicit ``--data-dir DIR`` (passed in as ``data_dir``);
2. the ``THIDUA_HOME`` environment variable;
3. portable mode: a file named ``portable.txt`` beside the program (or ``--portable``)
   keeps the data in a ``data`` folder beside the program;
4. the per-user data folder given by platformdirs.

Shipped, read-only files (the seed plans, fonts, translations) are looked up inside the
installed package first (wheel and PyInstaller bundle) and then in the source checkout.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from thidua_desktop import APP_NAME

ENV_HOME = "THIDUA_HOME"
PORTABLE_MARKER = "portable.txt"
DB_FILENAME = "thidua.sqlite"

_PACKAGE_DIR = Path(__file__).resolve().parent


def program_dir() -> Path:
    """The folder holding the running program (the bundle folder when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _PACKAGE_DIR


def _shipped_root(name: str) -> Path:
    """Folder of shipped read-only files called ``name`` ("resources" or "translations")."""
    candidates = [
        _PACKAGE_DIR / "_data" / name,  # installed wheel
        Path(getattr(sys, "_MEIPASS", _PACKAGE_DIR)) / "thidua_desktop" / "_data" / name,
        _PACKAGE_DIR.parent.parent / name,  # source checkout: src/thidua_desktop -> repo root
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    return _shipped_root("resources")


def translations_dir() -> Path:
    return _shipped_root("translations")


def plans_dir() -> Path:
    return resources_dir() / "plans"


def rules_dir() -> Path:
    """Built-in rule sets (bộ quy định thi đua, khen thưởng theo năm), ``resources/rules``."""
    return resources_dir() / "rules"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


def default_data_dir(*, portable: bool | None = None) -> Path:
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser().resolve()
    if portable or (portable is None and is_portable()):
        return program_dir() / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_demo_dir() -> Path:
    """The demo lives apart from the real data so it can never mix with it (in portable mode it
    stays beside the program too: nothing is written into the user's folders)."""
    if is_portable():
        return program_dir() / "data" / "demo"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True)) / "demo"


@dataclass(frozen=True)
class DataPaths:
    """The files of one data folder. Nothing else in the program builds a path into it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def lock_file(self) -> Path:
        return self.root / ".thidua.lock"

    @property
    def crash_log(self) -> Path:
        return self.logs / "crash.log"

    def ensure(self) -> "DataPaths":
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(data_dir: str | os.PathLike[str] | None = None, *, portable: bool | None = None) -> DataPaths:
    if data_dir:
        return DataPaths(Path(data_dir).expanduser().resolve())
    return DataPaths(default_data_dir(portable=portable))
