"""Where data lives: --data-dir, then THIDUA_HOME, then portable mode, then the user folder."""

from __future__ import annotations

from pathlib import Path

from thidua_desktop import paths


def test_explicit_folder_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "env"))
    assert paths.resolve(tmp_path / "given").root == (tmp_path / "given").resolve()


def test_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "env"))
    assert paths.resolve().root == (tmp_path / "env").resolve()


def test_portable_marker_keeps_data_beside_the_program(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_HOME)
    program = tmp_path / "ThiDua"
    program.mkdir()
    monkeypatch.setattr(paths, "program_dir", lambda: program)
    assert not paths.is_portable()
    assert paths.resolve(portable=True).root == program / "data"
    (program / paths.PORTABLE_MARKER).write_text("")
    assert paths.is_portable()
    assert paths.resolve().root == program / "data"


def test_default_is_the_per_user_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_HOME)
    root = paths.resolve(portable=False).root
    assert root.name == "thidua_desktop"
    assert str(tmp_path / "xdg-data") in str(root)  # conftest points XDG_DATA_HOME into tmp


def test_data_folder_layout(tmp_path):
    p = paths.resolve(tmp_path / "d").ensure()
    assert p.database == p.root / "thidua.sqlite"
    assert p.backups.is_dir() and p.logs.is_dir()
    assert p.crash_log.parent == p.logs


def test_shipped_files_are_found():
    assert (paths.plans_dir() / "ke-hoach-02-KH-LDLD-2021.toml").is_file()
    assert isinstance(paths.translations_dir(), Path)
