"""Build the package of thidua-desktop: ``uv run --group package python packaging/build.py``.

Runs on Windows and Linux, from the repository root or anywhere:

1. PyInstaller with ``packaging/thidua.spec`` → ``dist/thidua-desktop/`` (one folder, the GUI
   ``thidua-desktop`` and the command line ``thidua`` sharing ``_internal/``);
2. ``THIRD-PARTY-LICENSES.txt`` beside the programs, from the installed packages' metadata, and
   the program's own licence (MIT) as ``LICENSE.txt``;
3. on Windows: the per-user installer with Inno Setup (``iscc`` on PATH or in its usual
   folders; skipped with a note when Inno Setup is not installed) →
   ``dist/thidua-desktop-VERSION-setup-win64.exe``, and the portable zip (the folder plus
   ``portable.txt``, so the program keeps its data in ``data/`` beside itself) →
   ``dist/thidua-desktop-VERSION-portable-win64.zip``;
   on Linux: ``dist/thidua-desktop-VERSION-linux-x86_64.tar.gz``.

Prints the build time, the bundle size and its ten biggest items. The version comes from
``src/thidua_desktop/__init__.py`` (``__version__``), the one place it is written.

Options: ``--clean`` (PyInstaller starts from scratch), ``--no-archives`` (only the folder and
the licences: what CI's smoke test needs), ``--no-installer``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "thidua.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "thidua-desktop"
THIRD_PARTY_FILE = "THIRD-PARTY-LICENSES.txt"
OWN_LICENCE_FILE = "LICENSE.txt"
WINDOWS = sys.platform == "win32"
PORTABLE_NOTE = (
    "Chế độ mang theo (portable): tệp này nằm cạnh chương trình nên mọi dữ liệu được giữ trong thư mục\n"
    "'data' bên cạnh, không ghi gì vào máy. Xóa tệp này thì chương trình dùng thư mục dữ liệu của người dùng.\n"
    "\n"
    "Portable mode: while this file is beside the program, all data stays in the 'data' folder beside it.\n"
)


def app_version() -> str:
    text = (ROOT / "src" / "thidua_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("__version__ not found in src/thidua_desktop/__init__.py")
    return match.group(1)


# -- 1. PyInstaller ----------------------------------------------------------------------------


def run_pyinstaller(*, clean: bool) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return DIST / BUNDLE_NAME


# -- 2. THIRD-PARTY-LICENSES.txt -----------------------------------------------------------------


def runtime_distributions(root: str = "thidua-desktop") -> list[metadata.Distribution]:
    """``root`` and everything it needs at run time (extras and markers followed), sorted by name."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: dict[str, tuple[metadata.Distribution, set[str]]] = {}
    queue: list[tuple[str, set[str]]] = [(root, set())]
    while queue:
        name, extras = queue.pop()
        key = canonicalize_name(name)
        if key in found and extras <= found[key][1]:
            continue
        dist = metadata.distribution(name)
        known = found.setdefault(key, (dist, set()))[1]
        known |= extras
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is not None and not any(req.marker.evaluate({"extra": e}) for e in ("", *known)):
                continue
            queue.append((req.name, set(req.extras)))
    own = canonicalize_name(root)
    return sorted((d for k, (d, _) in found.items() if k != own), key=lambda d: canonicalize_name(d.metadata["Name"]))


def _licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    names = dist.metadata.get_all("License-File") or []
    files = []
    for entry in dist.files or []:
        posix = entry.as_posix()
        if ".dist-info/" not in posix:
            continue
        inside = posix.split(".dist-info/", 1)[1]
        if (
            inside.startswith("licenses/")
            or inside in names
            or re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", inside, re.IGNORECASE)
        ):
            try:
                files.append((inside, entry.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return files


def _python_licence() -> str:
    for candidate in (Path(sysconfig.get_path("stdlib")) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2 (PSF-2.0): see the Python distribution.\n"


def third_party_text() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from thidua_desktop import __version__, about

    rule = "=" * 100
    parts = [
        f"thidua-desktop {__version__} — the components bundled with this program and their licences.\n"
        "Thành phần đi kèm chương trình và giấy phép của chúng.\n",
        f"thidua-desktop itself is under the {about.PROGRAM_LICENCE} licence: see {OWN_LICENCE_FILE} beside the programs.\n"
        f"Bản thân chương trình theo giấy phép {about.PROGRAM_LICENCE}: xem {OWN_LICENCE_FILE} bên cạnh chương trình.\n",
        "Summary:",
        f"  Python {about.python_version()} — PSF-2.0",
    ]
    distributions = runtime_distributions()
    for dist in distributions:
        parts.append(f"  {dist.metadata['Name']} {dist.version} — {about.licence_of(dist.metadata)}")
    for font, _path in about.fonts():
        parts.append(f"  {font.name} (font) — {font.licence}")
    parts.append(
        "\nQt 6 and PySide6 are used unmodified under the GNU LGPL version 3 (texts below). Their source code is\n"
        "published by the Qt Project (https://code.qt.io); the Qt libraries in _internal/PySide6 may be replaced\n"
        "by a build of your own of the same version.\n"
    )

    parts += [rule, f"Python {about.python_version()}", rule, _python_licence()]
    for dist in distributions:
        files = _licence_files(dist)
        parts += [rule, f"{dist.metadata['Name']} {dist.version} — {about.licence_of(dist.metadata)}", rule]
        if not files:
            parts.append("(no licence file in the package metadata; licence as stated above)\n")
        for name, text in files:
            parts += [f"--- {name} ---", text.rstrip() + "\n"]
    for extra in sorted((PACKAGING / "licenses").glob("*.txt")):
        parts += [rule, f"{extra.stem} (Qt 6, PySide6)", rule, extra.read_text(encoding="utf-8")]
    for font, path in about.fonts():
        parts += [rule, f"{font.name} — {font.licence}", rule, path.read_text(encoding="utf-8", errors="replace")]
    return "\n".join(parts)


def write_third_party(bundle: Path) -> Path:
    newline = "\r\n" if WINDOWS else "\n"
    own = (ROOT / "LICENSE").read_text(encoding="utf-8")
    (bundle / OWN_LICENCE_FILE).write_text(own, encoding="utf-8", newline=newline)
    path = bundle / THIRD_PARTY_FILE
    path.write_text(third_party_text(), encoding="utf-8", newline=newline)
    return path


# -- 3. installer and archives -------------------------------------------------------------------


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for base in (
        os.environ.get("ProgramFiles(x86)"),
        os.environ.get("ProgramFiles"),
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"),
    ):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.is_file():
                return candidate
    return None


def build_installer(version: str, bundle: Path) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup 6 not found (iscc): no installer. Install it from the Inno Setup site and build again.")
        return None
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DSourceDir={bundle}",
        f"/DOutputDir={DIST}",
        str(PACKAGING / "thidua.iss"),
    ]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=PACKAGING)
    return DIST / f"thidua-desktop-{version}-setup-win64.exe"


def portable_zip(version: str, bundle: Path) -> Path:
    """The folder as ``thidua-desktop-VERSION/`` with ``portable.txt`` beside the programs."""
    target = DIST / f"thidua-desktop-{version}-portable-win64.zip"
    top = f"thidua-desktop-{version}"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(bundle).as_posix()}")
        archive.writestr(f"{top}/portable.txt", PORTABLE_NOTE.replace("\n", "\r\n"))
    return target


def linux_archive(version: str, bundle: Path) -> Path:
    target = DIST / f"thidua-desktop-{version}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"thidua-desktop-{version}")
    return target


# -- figures ---------------------------------------------------------------------------------------


def tree_size(path: Path) -> int:
    """Bytes in ``path``; symbolic links (PyInstaller links Qt's libraries into ``_internal``) count 0."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest(bundle: Path, count: int = 10) -> list[tuple[int, str]]:
    """The biggest items one level inside the bundle and inside ``_internal`` (folders summed)."""
    items = []
    for parent in (bundle, bundle / "_internal"):
        for child in parent.iterdir():
            if child.name == "_internal":
                continue
            items.append((tree_size(child), child.relative_to(bundle).as_posix()))
    return sorted(items, reverse=True)[:count]


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="PyInstaller starts from scratch (no cache)")
    parser.add_argument("--no-archives", action="store_true", help="only the folder (no installer, zip or tar)")
    parser.add_argument("--no-installer", action="store_true", help="no Inno Setup installer")
    args = parser.parse_args(argv)

    version = app_version()
    started = time.perf_counter()
    bundle = run_pyinstaller(clean=args.clean)
    pyinstaller_s = time.perf_counter() - started
    licences = write_third_party(bundle)
    made: list[Path] = []
    if not args.no_archives:
        if WINDOWS:
            if not args.no_installer:
                installer = build_installer(version, bundle)
                if installer is not None:
                    made.append(installer)
            made.append(portable_zip(version, bundle))
        else:
            made.append(linux_archive(version, bundle))
    total_s = time.perf_counter() - started

    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print()
    print(f"thidua-desktop {version}: {bundle}")
    print(f"  build time: {total_s:.0f} s (PyInstaller {pyinstaller_s:.0f} s)")
    print(f"  bundle: {mb(tree_size(bundle))} in {files} files; licences: {licences.name}")
    print("  biggest items:")
    for size, name in biggest(bundle):
        print(f"    {mb(size):>9}  {name}")
    for path in made:
        print(f"  {path.name}: {mb(path.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
