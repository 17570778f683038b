"""Issue 18, a first hour (continued): a locked phase's dialog opens read-only and says why; Qt's
own dialogs speak Vietnamese; file dialogs start in Documents or the last folder used, with file
names valid on Windows; a restore checks the chosen file before asking to replace the data."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def late(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):  # noqa: F811
    """A set-up unit and year 2021 seen on 30/12/2021: phase 1's figures are past their lock date."""
    monkeypatch.setenv("THIDUA_TODAY", "2021-12-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    yield window
    window.close()


def test_a_locked_phase_opens_its_result_dialog_read_only_saying_why(qtbot, late):
    page = late.show_page(mw.PAGE_PHASES)
    row = next(r for r in page.results.model.rows() if r.source == "entered")
    assert row.phase1.locked and not row.year.locked
    dialog = page.enter_result(row, 1)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert not ok.isVisibleTo(dialog), "no OK that would only refuse"
    assert close.text() == "Đóng" and close.isVisibleTo(dialog)
    fields = [dialog.value, dialog.numerator, dialog.denominator, dialog.note, dialog.evidence_number,
              dialog.evidence_date]
    assert all(f.isReadOnly() for f in fields)
    assert dialog.lock_line.isVisibleTo(dialog)
    assert row.phase1.lock_reason in dialog.lock_line.text()
    assert "khóa" in dialog.lock_line.text() and dialog.lock_line.text().startswith("Chỉ xem")
    # the year's phase is still open: the same dialog becomes editable again
    dialog.phase.setCurrentIndex(dialog.phase.findData(row.year.phase_number))
    assert ok.isVisibleTo(dialog) and not dialog.lock_line.isVisibleTo(dialog)
    assert not any(f.isReadOnly() for f in fields)
    assert close.text() != "Đóng"
    dialog.phase.setCurrentIndex(dialog.phase.findData(row.phase1.phase_number))
    close.click()
    assert not dialog.isVisible()
