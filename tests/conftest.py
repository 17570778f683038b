"""Shared fixtures: headless Qt, a fresh data folder per test, a set-up unit and year."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from thidua_desktop import paths as app_paths
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.ui._none_guard import protect_none

protect_none()  # as ui.app.main does before the first Qt call


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test may touch the real per-user data folder or settings."""
    monkeypatch.setenv(app_paths.ENV_HOME, str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture(autouse=True)
def _office_screen(monkeypatch):
    """Windows and dialogs see a 1920×1080 screen (its task bar off), whatever the offscreen platform's
    size (ui.widgets.screen_fit); a test plays a smaller one with ``tests.ui_helpers.play_screen``."""
    monkeypatch.setenv("THIDUA_SCREEN_AREA", "1920x1040")


@pytest.fixture
def data_paths(tmp_path):
    return app_paths.resolve(tmp_path / "data").ensure()


@pytest.fixture
def db(data_paths):
    from thidua_desktop.store.database import Database

    database = Database.open(data_paths, actor="kiemthu")
    yield database
    database.close()


def sample_profile() -> UnitProfile:
    return UnitProfile(
        name="Công đoàn cơ sở Công ty TNHH May Hoa Lư",
        issuer_code="CĐCS",
        upper_union="LĐLĐ huyện Gia Viễn",
        upper_union_parent="LĐLĐ tỉnh Ninh Bình",
        place_name="Gia Viễn",
        upper_union_email="ldld.giavien@example.vn",
        employer_name="Công ty TNHH May Hoa Lư",
        officers=[
            OfficerInfo("Phạm Thị Hoa", "chair", "Chủ tịch CĐCS"),
            OfficerInfo("Trần Văn Nam", "deputy", "Phó Chủ tịch CĐCS"),
        ],
    )


@pytest.fixture
def profile() -> UnitProfile:
    return sample_profile()


@pytest.fixture
def seeded_db(db, profile):
    from thidua_desktop.services import year

    year.set_up(db, profile)
    return db
