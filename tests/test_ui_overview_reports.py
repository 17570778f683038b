"""Tổng quan: each report's due date and lock date, its state and what is still missing."""

from __future__ import annotations

import subprocess
import sys

from tests.ui_helpers import make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import reports


def test_reports_card_shows_two_dates_state_and_missing(qtbot, seeded_db, data_paths, today, ui_settings, vietnamese):
    reports.draft_report(seeded_db, 2021, "midyear", today=today)
    seeded_db.close()
    window = make_window(qtbot, data_paths)
    card = window.overview.reports
    qtbot.waitUntil(lambda: card.isVisibleTo(window.overview), timeout=5000)
    text = card.body.text()
    assert "05/07/2021" in text and "15/07/2021" in text  # due date and lock date, both
    assert "Còn 5 ngày" in text
    assert "nháp" in text  # the drafted sơ kết
    assert "05/01/2022" in text and "15/01/2022" in text  # the tổng kết
    assert "<li>" in text  # what is still missing


def test_the_window_does_not_load_the_database_layer_before_it_shows():
    code = (
        "import sys, thidua_desktop.ui.main_window, thidua_desktop.ui.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_progress_chart_shows_registered_indicators(qtbot, seeded_db, data_paths, today, ui_settings, vietnamese):
    from decimal import Decimal

    from thidua_desktop.services import registration, results

    info = registration.get_collective(seeded_db, 2021)
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    registration.save_collective(seeded_db, info)
    target = next(f for f in info.figures if f.indicator.kind == "percent" and f.indicator.source == "entered")
    results.enter_result(
        seeded_db, 2021, target.indicator.code, 1, numerator=Decimal(17), denominator=Decimal(20), today=today
    )
    seeded_db.close()
    window = make_window(qtbot, data_paths)
    chart = window.overview.chart
    qtbot.waitUntil(lambda: window.overview.chart_card.isVisibleTo(window.overview), timeout=5000)
    row = next(r for r in chart.rows() if r.code == target.indicator.code)
    assert row.phase1 is not None and row.phase1 > 0
    assert chart.height() >= 44 + 26 * len(chart.rows())
    image = chart.grab()
    assert not image.isNull() and image.width() > 100
