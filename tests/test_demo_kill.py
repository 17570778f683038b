"""A killed ``thidua demo`` leaves the folder as it was or the whole demo, and the next build works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, reports, year as year_service
from thidua_desktop.store.database import Database


def _start(folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "thidua_desktop.cli.main", "demo", "--data-dir", str(folder), "--people", "40"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "THIDUA_TODAY": "2026-12-04"},
    )


def _complete(paths: DataPaths) -> bool:
    db = Database.open(paths)
    try:
        years = [y.year for y in year_service.list_years(db)]
        sent = {r.kind for r in reports.list_reports(db, 2025) if r.status == "sent"}
        return years == [2021, 2025, 2026] and sent == {"midyear", "year"}
    finally:
        db.close()


@pytest.mark.parametrize("delay", [0.8, 2.0, 3.5, 5.0])
def test_a_killed_demo_leaves_nothing_half_built(tmp_path, delay):
    folder = tmp_path / "demo"
    process = _start(folder)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    paths = DataPaths(folder)
    if paths.database.exists():
        assert _complete(paths), "a demo database in place is the whole demo"
        return
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "demo"]
    summary = demo.build_demo(paths.ensure(), people=40, today=date(2026, 12, 4))
    assert summary.years == (2021, 2025, 2026) and _complete(paths)
    # the killed build's half-made folder is gone
    assert [p.name for p in tmp_path.iterdir() if p.name != "demo"] == [], leftovers
