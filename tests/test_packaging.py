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
        "LiberationSerif-OFL.txt", "NotoSerif-OFL.txt"}
    assert {p.name for p in (ROOT / "translations").glob("*.qm")} >= {"thidua_vi.qm", "qtbase_vi.qm"}
    # Alembic reads the migrations from files beside store/database.py: the spec collects them as .py
    assert 'MIGRATIONS = "thidua_desktop.store.migrations"' in SPEC and '{MIGRATIONS: "py"}' in SPEC
    assert database.MIGRATIONS_DIR == Path(database.__file__).resolve().parent / "migrations"
    assert (database.MIGRATIONS_DIR / "env.py").is_file()
    assert len(list((database.MIGRATIONS_DIR / "versions").glob("0*.py"))) >= 5
    assert "upx=False" in SPEC and "upx=True" not in SPEC
    assert 'console=False,  # windowed' in SPEC and 'name="thidua-desktop"' in SPEC and 'name="thidua"' in SPEC


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
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "alembic", "mako", "pyhanko", "python-pkcs11",
            "cryptography", "reportlab", "platformdirs", "python-calamine"} <= names
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
    assert names == {"thidua-desktop-9.8.7/thidua-desktop.exe", "thidua-desktop-9.8.7/thidua.exe",
                     "thidua-desktop-9.8.7/_internal/thidua_desktop/x.txt", "thidua-desktop-9.8.7/portable.txt"}
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


def test_the_installer_is_per_user_and_keeps_the_data():
    assert "PrivilegesRequired=lowest" in ISS
    assert "DefaultDirName={userpf}" in ISS
    assert 'Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"' in ISS
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in ISS
    assert "Tasks: desktopicon" in ISS and "{group}" in ISS
    # nothing in the uninstall sections points at the data folder (%APPDATA%\thidua_desktop)
    uninstall = ISS.split("[UninstallDelete]", 1)[1].split("[Code]", 1)[0]
    assert "userappdata" not in uninstall and "thidua_desktop" not in uninstall
    isl = (PACKAGING / "Vietnamese.isl").read_bytes()
    assert isl.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a UTF-8 .isl only with its BOM"
    text = isl.decode("utf-8-sig")
    assert "LanguageID=$042A" in text
    messages = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith(";"))
    for key in ("ButtonNext", "ButtonInstall", "WelcomeLabel1", "SelectDirDesc", "FinishedLabel", "ConfirmUninstall",
                "CreateDesktopIcon", "LaunchProgram"):
        assert key in messages, key
    # placeholders survive the translation
    assert "%1" in messages["ConfirmUninstall"] and "[name]" in messages["WelcomeLabel1"]


def test_the_smoke_flag_quits_after_the_first_paint_on_a_fresh_folder(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), THIDUA_SMOKE="1")
    result = subprocess.run([sys.executable, "-m", "thidua_desktop.ui.app", "--data-dir", str(tmp_path / "fresh")],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("THIDUA_SMOKE_OK ")], result.stdout
    assert (tmp_path / "fresh" / "thidua.sqlite").is_file(), "the data folder was opened (database created)"


def test_thidua_about_lists_versions_and_licences(capsys):
    from thidua_desktop.cli.main import main

    assert main(["about"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"thidua-desktop {__version__}"
    for component in about.libraries():
        assert f"{component.name} {component.version} — {component.licence}" in out
    assert "Liberation Serif (font) — SIL Open Font License 1.1" in out
    assert not [line for line in out if line.endswith(" — ?") or " ? — " in line]
