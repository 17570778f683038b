"""The package (issue 9): what the spec bundles exists and is found where the frozen program
looks; the version has one source; the licences come from metadata; the portable zip carries
portable.txt beside the programs; the smoke flag of the GUI works on a fresh data folder.

Building the bundle itself (minutes) is CI's job: .ci/run builds it and runs
packaging/smoke_test.sh with the bundled programs only."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.utils import canonicalize_name

from tests.ui_helpers import english, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import __version__, about, paths
from thidua_desktop.store import database

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "thidua.spec").read_text(encoding="utf-8")
ISS = (PACKAGING / "thidua.iss").read_text(encoding="utf-8-sig")


def _build_module():
    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()


def test_the_spec_bundles_files_that_exist():
    for script in re.findall(r'analysis\("([^"]+\.py)"', SPEC):
        assert (PACKAGING / script).is_file(), script
    assert len(re.findall(r'analysis\("', SPEC)) == 2  # the two programs
    assert (ROOT / "resources" / "plans" / "ke-hoach-02-KH-LDLD-2021.toml").is_file()
    assert {p.name for p in (ROOT / "resources" / "fonts").glob("*-OFL.txt")} == {
        "LiberationSerif-OFL.txt",
        "NotoSerif-OFL.txt",
    }
    assert {p.name for p in (ROOT / "translations").glob("*.qm")} >= {"thidua_vi.qm", "qtbase_vi.qm"}
    # Alembic reads the migrations from files beside store/database.py: the spec collects them as .py
    assert 'MIGRATIONS = "thidua_desktop.store.migrations"' in SPEC and '{MIGRATIONS: "py"}' in SPEC
    assert database.MIGRATIONS_DIR == Path(database.__file__).resolve().parent / "migrations"
    assert (database.MIGRATIONS_DIR / "env.py").is_file()
    assert len(list((database.MIGRATIONS_DIR / "versions").glob("0*.py"))) >= 5
    assert "upx=False" in SPEC and "upx=True" not in SPEC
    assert "console=False,  # windowed" in SPEC and 'name="thidua-desktop"' in SPEC and 'name="thidua"' in SPEC


def test_shipped_files_are_found_where_the_spec_puts_them_in_a_frozen_program(tmp_path, monkeypatch):
    # the spec's destinations: thidua_desktop/_data/resources and thidua_desktop/_data/translations
    assert '"thidua_desktop/_data/resources"' in SPEC and '"thidua_desktop/_data/translations"' in SPEC
    meipass = tmp_path / "_internal"
    for name in ("resources/plans", "resources/fonts", "translations"):
        (meipass / "thidua_desktop" / "_data" / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    assert paths.plans_dir() == meipass / "thidua_desktop" / "_data" / "resources" / "plans"
    assert paths.fonts_dir() == meipass / "thidua_desktop" / "_data" / "resources" / "fonts"
    assert paths.translations_dir() == meipass / "thidua_desktop" / "_data" / "translations"


def test_the_version_is_written_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/thidua_desktop/__init__.py"
    assert build.app_version() == __version__
    assert "from thidua_desktop import __version__" in SPEC
    assert "#error" in ISS and "AppVersion={#AppVersion}" in ISS  # iscc refuses to build without /DAppVersion
    assert 'f"/DAppVersion={version}"' in (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "pyinstaller" in " ".join(project["dependency-groups"]["package"])


def test_about_lists_every_direct_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    direct = {canonicalize_name(re.split(r"[\[<>=!~; ]", d, maxsplit=1)[0]) for d in project["project"]["dependencies"]}
    listed = {canonicalize_name(n) for n in about.LIBRARIES}
    assert direct <= listed, f"add to about.LIBRARIES: {sorted(direct - listed)}"


def test_third_party_licences_come_from_metadata():
    names = {canonicalize_name(d.metadata["Name"]) for d in build.runtime_distributions()}
    assert {
        "pyside6-essentials",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "mako",
        "pyhanko",
        "python-pkcs11",
        "cryptography",
        "reportlab",
        "platformdirs",
        "python-calamine",
    } <= names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "pyinstaller", "thidua-desktop"}
    text = build.third_party_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "SIL OPEN FONT LICENSE" in text.upper()
    assert "PSF" in text or "PYTHON SOFTWARE FOUNDATION" in text.upper()
    for component in about.libraries():
        assert f"{component.version} — {component.licence}" in text, component


def test_the_portable_zip_has_portable_txt_beside_the_programs(tmp_path, monkeypatch):
    bundle = tmp_path / "thidua-desktop"
    (bundle / "_internal" / "thidua_desktop").mkdir(parents=True)
    (bundle / "thidua-desktop.exe").write_bytes(b"MZ gui")
    (bundle / "thidua.exe").write_bytes(b"MZ cli")
    (bundle / "_internal" / "thidua_desktop" / "x.txt").write_text("x")
    monkeypatch.setattr(build, "DIST", tmp_path)
    target = build.portable_zip("9.8.7", bundle)
    assert target.name == "thidua-desktop-9.8.7-portable-win64.zip"
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        note = archive.read("thidua-desktop-9.8.7/portable.txt").decode("utf-8")
    assert names == {
        "thidua-desktop-9.8.7/thidua-desktop.exe",
        "thidua-desktop-9.8.7/thidua.exe",
        "thidua-desktop-9.8.7/_internal/thidua_desktop/x.txt",
        "thidua-desktop-9.8.7/portable.txt",
    }
    assert "portable" in note.lower()
    assert paths.PORTABLE_MARKER == "portable.txt"


def test_in_portable_mode_data_and_demo_stay_beside_the_program(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    program = tmp_path / "thidua-desktop-0.1.0"
    program.mkdir()
    monkeypatch.setattr(paths, "program_dir", lambda: program)
    assert paths.default_demo_dir() != program / "data" / "demo"
    (program / paths.PORTABLE_MARKER).write_text("")
    assert paths.resolve().root == program / "data"
    assert paths.default_demo_dir() == program / "data" / "demo"


def _iss_sections(text: str) -> dict[str, list[str]]:
    """The script's sections, each as its lines without comments, blank lines and preprocessor lines."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        if re.fullmatch(r"\[[A-Za-z]+\]", line):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"a line before any section: {line}"
        current.append(line)
    return sections


def _iss_entries(lines: list[str]) -> list[dict[str, str]]:
    """``Name: "x"; Flags: a b`` → {"Name": "x", "Flags": "a b"} (Inno's quoting: "" inside quotes)."""
    entries = []
    for line in lines:
        entry = {}
        for key, quoted, bare in re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))(?:;|$)', line):
            entry[key] = (quoted.replace('""', '"') if quoted else bare).strip()
        assert entry, line
        entries.append(entry)
    return entries


def _iss_directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines)


def _iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.MULTILINE))


ISS_SECTIONS = _iss_sections(ISS)


def test_the_installer_is_per_user_and_keeps_the_data():
    assert (PACKAGING / "thidua.iss").read_bytes().startswith(b"\xef\xbb\xbf"), "a UTF-8 script needs its BOM"
    setup = _iss_directives(ISS_SECTIONS["Setup"])
    defines = _iss_defines(ISS)
    # per user, no UAC prompt, and the user cannot be asked to choose otherwise
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{userpf}\\") or setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["ArchitecturesAllowed"] == setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    # the version comes only from the command line (/DAppVersion, given by build.py from __version__)
    assert "AppVersion" not in defines
    assert re.search(r"#ifndef AppVersion\s+#error", ISS)
    assert setup["AppVersion"] == "{#AppVersion}" and setup["VersionInfoVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    assert setup["AppId"].startswith("{{")  # a GUID, braces escaped
    # the icon of Setup and of the entry in Windows' list of programs
    icon = (PACKAGING / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == ROOT / "resources" / "icons" / "thidua.ico" and icon.read_bytes()[:4] == b"\0\0\1\0"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExe}"

    # both languages, Vietnamese first (the choice when Windows' language is neither)
    languages = _iss_entries(ISS_SECTIONS["Languages"])
    assert [entry["Name"] for entry in languages] == ["vi", "en"]
    for entry in languages:
        files = entry["MessagesFile"].split(",")
        assert files[0] == "compiler:Default.isl"
        for name in files[1:]:
            assert (PACKAGING / name).is_file(), name

    # every file of the PyInstaller folder, except the portable-mode marker
    (files,) = _iss_entries(ISS_SECTIONS["Files"])
    assert files["Source"] == "{#SourceDir}\\*" and files["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs", "ignoreversion"} <= set(files["Flags"].split())
    assert files["Excludes"] == paths.PORTABLE_MARKER
    assert defines["SourceDir"].replace("\\", "/") == "../dist/thidua-desktop"
    assert 'f"/DSourceDir={bundle}"' in (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert defines["AppExe"] == "thidua-desktop.exe" and 'name="thidua-desktop"' in SPEC

    # Start menu entry, its uninstaller, and the desktop shortcut as a task
    icons = _iss_entries(ISS_SECTIONS["Icons"])
    program = [e for e in icons if e["Filename"] == "{app}\\{#AppExe}"]
    assert {e["Name"].split("\\")[0] for e in program} == {"{group}", "{userdesktop}"}
    assert [e.get("Tasks") for e in program if e["Name"].startswith("{userdesktop}")] == ["desktopicon"]
    assert any(e["Filename"] == "{uninstallexe}" and e["Name"].startswith("{group}") for e in icons)
    assert [e["Name"] for e in _iss_entries(ISS_SECTIONS["Tasks"])] == ["desktopicon"]

    # an upgrade and the uninstaller delete only inside {app}; the data folder is never named
    for section in ("InstallDelete", "UninstallDelete"):
        for entry in _iss_entries(ISS_SECTIONS[section]):
            assert entry["Name"].startswith("{app}\\"), entry
    data_folder_words = ("{userappdata}", "{localappdata}", "{commonappdata}", "{userdocs}", "\\" + paths.APP_NAME)
    for section, lines in ISS_SECTIONS.items():
        if section not in ("Code", "CustomMessages", "Messages"):
            assert not [line for line in lines if any(w in line for w in data_folder_words)], section
    # the closing message names the real data folder (platformdirs: roaming app data, no author)
    assert f"{{userappdata}}\\{paths.APP_NAME}" in "\n".join(ISS_SECTIONS["Code"])
    code = "\n".join(ISS_SECTIONS["Code"]).lower()
    assert "deltree" not in code and "deletefile" not in code and "removedir" not in code
    assert len(re.findall(r"\bbegin\b", code)) == len(re.findall(r"\bend\b", code))

    # every {cm:...} used has a text in both languages (ours, or Vietnamese.isl / Inno's Default.isl)
    isl = (PACKAGING / "Vietnamese.isl").read_bytes()
    assert isl.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a UTF-8 .isl only with its BOM"
    text = isl.decode("utf-8-sig")
    vi_custom = text.split("[CustomMessages]", 1)[1]
    custom = _iss_directives(ISS_SECTIONS["CustomMessages"])
    for name in set(re.findall(r"\{cm:(\w+)", ISS)) | set(re.findall(r"CustomMessage\('(\w+)'\)", ISS)):
        if f"vi.{name}" in custom:
            assert f"en.{name}" in custom, name
        else:
            assert re.search(rf"^{name}=", vi_custom, re.MULTILINE), f"{name}: no Vietnamese text"
    assert "LanguageID=$042A" in text
    messages = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith(";"))
    for key in (
        "ButtonNext",
        "ButtonInstall",
        "WelcomeLabel1",
        "SelectDirDesc",
        "FinishedLabel",
        "ConfirmUninstall",
        "CreateDesktopIcon",
        "LaunchProgram",
    ):
        assert key in messages, key
    # placeholders survive the translation
    assert "%1" in messages["ConfirmUninstall"] and "[name]" in messages["WelcomeLabel1"]


def test_the_icon_has_every_size_windows_and_qt_use():
    from PIL import Image

    folder = ROOT / "resources" / "icons"
    with Image.open(folder / "thidua.png") as image:
        assert image.size == (256, 256) and image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0 and image.getpixel((128, 128))[3] == 255  # rounded, transparent corners
    for size in (16, 32, 48, 64):
        with Image.open(folder / f"thidua-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(folder / "thidua.ico") as icon:
        assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)}
        for size in (16, 32, 48, 64):  # each size as drawn for it, not the big one scaled down by Windows
            icon.size = (size, size)
            with Image.open(folder / f"thidua-{size}.png") as png:
                assert icon.copy().convert("RGBA").tobytes() == png.convert("RGBA").tobytes(), size
    # the programs' icon in the spec (Windows), shipped with resources/ for the window icon
    assert 'ICON = ROOT / "resources" / "icons" / "thidua.ico"' in SPEC
    assert SPEC.count("icon=str(ICON) if WINDOWS else None") == 2


def test_the_window_icon_is_set(qapp):
    from thidua_desktop.ui import app

    icon = app.app_icon()
    assert not icon.isNull()
    assert {(s.width(), s.height()) for s in icon.availableSizes()} == {
        (16, 16),
        (32, 32),
        (48, 48),
        (64, 64),
        (256, 256),
    }
    assert "app.setWindowIcon(app_icon())" in (ROOT / "src" / "thidua_desktop" / "ui" / "app.py").read_text(
        encoding="utf-8"
    )


def test_the_program_licence_is_mit_and_shipped():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n") and "thidua_desktop contributors" in licence
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == {"text": about.PROGRAM_LICENCE} == {"text": "MIT"}
    assert about.own_licence_text() == licence
    assert about.copyright_line() == "Copyright (c) 2026 thidua_desktop contributors"
    # in the bundle: beside resources/ (where About looks when frozen) and beside the programs
    assert '(str(ROOT / "LICENSE"), "thidua_desktop/_data")' in SPEC
    assert "thidua_desktop contributors" in re.search(r"^AppCopyright=(.*)$", ISS, re.MULTILINE).group(1)


def test_a_frozen_program_finds_its_licence_beside_its_resources(tmp_path, monkeypatch):
    data = tmp_path / "_internal" / "thidua_desktop" / "_data"
    (data / "resources").mkdir(parents=True)
    (data / "LICENSE").write_text("MIT License\n\nCopyright (c) 2030 someone\n", encoding="utf-8")
    monkeypatch.setattr(about, "resources_dir", lambda: data / "resources")
    assert about.copyright_line() == "Copyright (c) 2030 someone"
    (data / "LICENSE").unlink()  # nothing beside the resources: the metadata, or the short text
    assert about.own_licence_text().startswith("MIT License")


def test_the_bundle_gets_licence_txt_beside_the_programs(tmp_path):
    written = build.write_third_party(tmp_path)
    assert written == tmp_path / build.THIRD_PARTY_FILE
    assert (tmp_path / build.OWN_LICENCE_FILE).read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(
        encoding="utf-8"
    )
    head = written.read_text(encoding="utf-8")[:600]
    assert "thidua-desktop itself is under the MIT licence: see LICENSE.txt" in head


def test_about_shows_the_program_licence(qtbot, tmp_path, english):
    from thidua_desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    assert dialog.licence_label.text().startswith("MIT — free to use")
    assert "Copyright (c) 2026 thidua_desktop contributors" in dialog.licence_label.text()
    dialog.licence_button.click()
    assert dialog.tabs.currentWidget() is dialog.licence_text
    assert dialog.licence_text.toPlainText() == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert dialog.licence_text.isReadOnly()


def test_about_in_vietnamese_names_the_licence(qtbot, tmp_path, vietnamese):
    from thidua_desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    assert dialog.licence_label.text().startswith("MIT — được tự do dùng")
    assert dialog.licence_button.text() == "Đọc giấy phép"


def test_the_smoke_flag_quits_after_the_first_paint_on_a_fresh_folder(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), THIDUA_SMOKE="1")
    result = subprocess.run(
        [sys.executable, "-m", "thidua_desktop.ui.app", "--data-dir", str(tmp_path / "fresh")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("THIDUA_SMOKE_OK ")], result.stdout
    assert (tmp_path / "fresh" / "thidua.sqlite").is_file(), "the data folder was opened (database created)"


def test_thidua_about_lists_versions_and_licences(capsys):
    from thidua_desktop.cli.main import main

    assert main(["about"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"thidua-desktop {__version__} — MIT"
    for component in about.libraries():
        assert f"{component.name} {component.version} — {component.licence}" in out
    assert "Liberation Serif (font) — SIL Open Font License 1.1" in out
    assert not [line for line in out if line.endswith(" — ?") or " ? — " in line]
