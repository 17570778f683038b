"""Update and compile the translations: ``uv run python tools/i18n.py``.

1. ``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` /
   ``QT_TRANSLATE_NOOP`` in ``src/thidua_desktop/ui`` into ``translations/thidua_vi.ts``,
   keeping the translations already there and dropping strings no longer used;
2. ``pyside6-lrelease`` compiles every ``translations/*.ts`` to its ``.qm``.

Both files are committed. Translate new strings with Qt Linguist (``pyside6-linguist
translations/thidua_vi.ts``) or by editing the .ts, then run this again. ``--check`` only
reports what is untranslated (exit 1 if anything is).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "src" / "thidua_desktop" / "ui"
TRANSLATIONS = ROOT / "translations"
APP_TS = TRANSLATIONS / "thidua_vi.ts"


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lupdate``, ``pyside6-lrelease``)."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found:
        return found
    raise SystemExit(f"{name} not found: run this with `uv run python tools/i18n.py`.")


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_file: Path, *, quiet: bool = True) -> None:
    """Extract the strings of the UI into ``ts_file`` (keeping its translations)."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    command = [tool("pyside6-lupdate"), *files, "-source-language", "en", "-target-language", "vi_VN",
               "-no-obsolete", "-locations", "none", "-ts", str(ts_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)


def lrelease(ts_file: Path, qm_file: Path, *, quiet: bool = True) -> None:
    command = [tool("pyside6-lrelease"), "-nounfinished", "-removeidentical", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                missing.append((name, message.findtext("source", "")))
            elif not (translation.text or "").strip() and not list(translation):
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list untranslated strings")
    args = parser.parse_args(argv)
    if not args.check:
        lupdate(APP_TS, quiet=False)
        for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
            lrelease(ts_file, ts_file.with_suffix(".qm"), quiet=False)
    missing = unfinished(APP_TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{len(missing)} untranslated string(s) in {APP_TS.relative_to(ROOT)}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
