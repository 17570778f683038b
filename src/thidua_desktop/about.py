"""What the About dialog and the bundle's THIRD-PARTY-LICENSES.txt say: the version, the
libraries and the fonts shipped, each with its licence.

Licences are read from the installed packages' metadata (``importlib.metadata``), never typed
in by hand; the PyInstaller bundle carries the metadata of :data:`LIBRARIES` for this (see
``packaging/thidua.spec``). Plain Python: the GUI and the build script both use it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from thidua_desktop import __version__
from thidua_desktop.paths import fonts_dir, program_dir, resources_dir

THIRD_PARTY_FILE = "THIRD-PARTY-LICENSES.txt"
# The program's own licence: LICENSE at the root of the source; the bundle carries it as
# _internal/thidua_desktop/_data/LICENSE (beside resources/, see packaging/thidua.spec) and as
# LICENSE.txt beside the programs (packaging/build.py); a wheel has it in its metadata.
PROGRAM_LICENCE = "MIT"
LICENCE_FILE = "LICENSE"

# The libraries shown in About, by distribution name: every direct dependency in pyproject.toml
# (a test keeps them in step) and python-pkcs11, which pyhanko[pkcs11] brings for USB tokens.
LIBRARIES = (
    "PySide6-Essentials",
    "SQLAlchemy",
    "alembic",
    "openpyxl",
    "reportlab",
    "platformdirs",
    "python-calamine",
    "xlrd",
    "XlsxWriter",
    "pyHanko",
    "python-pkcs11",
    "cryptography",
    "rl-accel",
    "pypdfium2",
)

_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+?)(?: License)?$")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def licence_of(meta) -> str:
    """A short licence name from package metadata: License-Expression, a short License field, or
    the trove classifiers."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [m.group(1) for c in meta.get_all("Classifier") or [] if (m := _CLASSIFIER.match(c))]
    if classifiers:
        return " / ".join(classifiers)
    return field.split("\n")[0][:60] if field else "?"


def library(name: str) -> Component:
    """``name``'s version and licence; "?" when its metadata is not installed."""
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return Component(name, "?", "?")
    return Component(name, meta.get("Version") or "?", licence_of(meta))


def libraries() -> list[Component]:
    return [library(name) for name in LIBRARIES]


def _font_family(licence_file: Path) -> str:
    """``LiberationSerif-OFL.txt`` → ``Liberation Serif``."""
    stem = licence_file.name.split("-")[0]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)


def _font_licence(text: str) -> str:
    match = re.search(r"SIL OPEN FONT LICENSE\s+Version\s+([\d.]+)", text, re.IGNORECASE)
    return f"SIL Open Font License {match.group(1)}" if match else "?"


def fonts() -> list[tuple[Component, Path]]:
    """The shipped fonts with their licence files (``resources/fonts/*-OFL.txt``)."""
    found = []
    for licence_file in sorted(fonts_dir().glob("*-OFL.txt")):
        text = licence_file.read_text(encoding="utf-8", errors="replace")
        found.append((Component(_font_family(licence_file), "", _font_licence(text)), licence_file))
    return found


def python_version() -> str:
    return ".".join(str(n) for n in sys.version_info[:3])


def third_party_file() -> Path | None:
    """The full licence texts beside the program (written into the bundle by packaging/build.py)."""
    path = program_dir() / THIRD_PARTY_FILE
    return path if path.is_file() else None


def own_licence_text() -> str:
    """The text of the program's own licence (MIT), wherever the program runs from."""
    candidate = resources_dir().parent / LICENCE_FILE
    if candidate.is_file():
        return candidate.read_text(encoding="utf-8")
    try:
        files = metadata.distribution("thidua-desktop").files or []
    except metadata.PackageNotFoundError:
        files = []
    for entry in files:
        if entry.name == LICENCE_FILE and ".dist-info" in entry.as_posix():
            try:
                return entry.read_text(encoding="utf-8")
            except OSError:
                break
    return f"{PROGRAM_LICENCE} License\n\nCopyright (c) thidua_desktop contributors\n"


def copyright_line() -> str:
    """``Copyright (c) YEAR thidua_desktop contributors``, from the licence text."""
    for line in own_licence_text().splitlines():
        if line.strip().lower().startswith("copyright"):
            return line.strip()
    return "Copyright (c) thidua_desktop contributors"


def summary_lines() -> list[str]:
    """The list, one line per component, as the About dialog and the CLI show it."""
    lines = [f"thidua-desktop {__version__} — {PROGRAM_LICENCE}", f"Python {python_version()} — PSF-2.0"]
    lines += [f"{c.name} {c.version} — {c.licence}" for c in libraries()]
    lines += [f"{c.name} (font) — {c.licence}" for c, _ in fonts()]
    return lines
