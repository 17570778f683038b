"""Update and compile the translations: ``uv run python tools/i18n.py``.

1. ``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` /
   ``QT_TRANSLATE_NOOP`` in ``src/thidua_desktop/ui`` into ``translations/thidua_vi.ts``,
   keeping the translations already there and dropping strings no longer used;
2. ``pyside6-lrelease`` compiles every ``translations/*.ts`` to its ``.qm``.

Both files are committed. Translate new strings with Qt Linguist (``pyside6-linguist
translations/thidua_vi.ts``) or by editing the .ts, then run this again. ``--check`` only
reports what is untranslated (exit 1 if anything is).

Translations may also be dropped as tab-separated lines ``context<TAB>source<TAB>translation``
into ``translations/pending/*.tsv`` (one file per piece of work, so parallel work never edits the
same file); each run fills the matching untranslated messages of the .ts from them. Once they are
in the .ts, the .tsv files can be deleted. Runs hold a lock, so two at once do not clash.
"""

from __future__ import annotations

import argparse
import fcntl
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "src" / "thidua_desktop" / "ui"
TRANSLATIONS = ROOT / "translations"
APP_TS = TRANSLATIONS / "thidua_vi.ts"
PENDING = TRANSLATIONS / "pending"


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
    command = [
        tool("pyside6-lupdate"),
        *files,
        "-source-language",
        "en",
        "-target-language",
        "vi_VN",
        "-no-obsolete",
        "-locations",
        "none",
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)


def lrelease(ts_file: Path, qm_file: Path, *, quiet: bool = True) -> None:
    command = [tool("pyside6-lrelease"), "-nounfinished", "-removeidentical", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)


def pending_translations() -> dict[tuple[str, str], str]:
    """(context, source) → translation from ``translations/pending/*.tsv``."""
    found: dict[tuple[str, str], str] = {}
    for tsv in sorted(PENDING.glob("*.tsv")) if PENDING.is_dir() else []:
        for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{tsv}:{number}: expected context<TAB>source<TAB>translation")
            context, source, translation = (part.replace("\\n", "\n") for part in parts)
            found[(context, source)] = translation
    return found


def apply_pending(ts_file: Path) -> int:
    """Fill untranslated messages of ``ts_file`` from the pending .tsv files; returns how many."""
    pending = pending_translations()
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            if key not in pending:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            finished = translation.get("type") is None and ((translation.text or "").strip() or list(translation))
            if not finished:
                if message.get("numerus") == "yes":
                    for child in list(translation):
                        translation.remove(child)
                    form = ET.SubElement(translation, "numerusform")
                    form.text = pending[key]
                else:
                    translation.text = pending[key]
                translation.attrib.pop("type", None)
                filled += 1
    # always in the one layout (lupdate writes its own indentation): a run that fills nothing changes nothing
    ET.indent(tree)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")
    return filled


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
        with open(TRANSLATIONS / ".i18n.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            lupdate(APP_TS, quiet=False)
            filled = apply_pending(APP_TS)
            if filled:
                print(f"{filled} translation(s) filled from {PENDING.relative_to(ROOT)}")
            for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
                lrelease(ts_file, ts_file.with_suffix(".qm"), quiet=False)
    missing = unfinished(APP_TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{len(missing)} untranslated string(s) in {APP_TS.relative_to(ROOT)}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
