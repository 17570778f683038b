"""Bình xét và đề nghị khen thưởng on the Sơ kết – Tổng kết page (journey step 6)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from tests.test_results import make_year
from tests.test_review import meet
from tests.ui_helpers import dialogs, make_window, type_text, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.core.review import Vote
from thidua_desktop.services import review
from thidua_desktop.store.models import ReviewResult
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def year_window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):  # noqa: F811
    """Year 2021 with a roster and registrations, seen on 30/12/2021."""
    y = make_year(seeded_db)
    monkeypatch.setenv("THIDUA_TODAY", "2021-12-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    page = window.show_page(mw.PAGE_PHASES)
    yield window, page.review, y
    window.close()


def row_number(model, wanted) -> int:
    return next(n for n, r in enumerate(model.shown_rows()) if wanted(r))


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def voted_results(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(ReviewResult).where(ReviewResult.votes_total.is_not(None)))


def test_meeting_saved_and_refusal_shown(qtbot, year_window):
    window, panel, _ = year_window
    assert panel.data is not None and panel.model.rowCount() >= 5
    first = panel.findings.item(0)
    assert "Chưa ghi cuộc họp bình xét" in first.text() and first.foreground().color().name() == "#a61b1b"
    panel.held_on.setDate(date(2021, 12, 22))
    type_text(panel.place, "Hội trường công ty")
    type_text(panel.chair, "Phạm Thị Hoa")
    type_text(panel.secretary, "Nguyễn Thị Lan")
    panel.attendance_total.setValue(12)
    panel.attendance_present.setValue(5)
    panel.save_meeting_button.click()
    assert panel.meeting_error.isVisibleTo(panel) and "chưa quá nửa" in panel.meeting_error.text()
    assert review.get_meeting(window.ctx.db, 2021) is None
    panel.attendance_present.setValue(10)
    panel.notes.setPlainText("Hội nghị BCH mở rộng")
    panel.save_meeting_button.click()
    assert not panel.meeting_error.isVisibleTo(panel), panel.meeting_error.text()
    assert panel.meeting_saved.isVisibleTo(panel) and "22/12/2021" in panel.meeting_saved.text()
    info = review.get_meeting(window.ctx.db, 2021)
    assert (info.held_on, info.place, info.chair, info.secretary, info.attendance_total, info.attendance_present,
            info.notes) == (date(2021, 12, 22), "Hội trường công ty", "Phạm Thị Hoa", "Nguyễn Thị Lan", 12, 10,
                            "Hội nghị BCH mở rộng")
    assert not any("Chưa ghi cuộc họp" in panel.findings.item(i).text() for i in range(panel.findings.count()))


def test_vote_over_attendance_refused_then_saved_with_warnings(qtbot, year_window):
    window, panel, y = year_window
    db = window.ctx.db
    meet(db, present=10)
    panel.reload()
    n = row_number(panel.model, lambda r: r.person_id == y.lan and r.title_code == "LDTT")
    assert cell(panel.model, n, 3) == "Chưa xét"
    dialog = panel.edit_votes(panel.model.shown_rows()[n])
    type_text(dialog.votes_for, "11")
    type_text(dialog.votes_total, "12")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible(), "a refused vote keeps the dialog open"
    assert "Tổng số phiếu (12) lớn hơn số người có mặt tại cuộc họp (10)" in dialog.error.text()
    assert voted_results(db) == 0
    dialog.reject()
    # a title decided against the rules: saved, with the service's warning shown
    n = row_number(panel.model, lambda r: r.person_id == y.tu and r.title_code == "LDTT")
    assert "dưới 10 tháng" in cell(panel.model, n, 5)
    dialog = panel.edit_votes(panel.model.shown_rows()[n])
    type_text(dialog.votes_for, "9")
    type_text(dialog.votes_total, "10")
    dialog.achieved.setCurrentIndex(dialog.achieved.findData(True))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    assert voted_results(db) == 1
    assert panel.vote_warnings.isVisibleTo(panel) and "thuộc diện không xét" in panel.vote_warnings.text()
    n = row_number(panel.model, lambda r: r.person_id == y.tu and r.title_code == "LDTT")
    assert cell(panel.model, n, 3) == "Đạt" and cell(panel.model, n, 4) == "9 / 10"
    warned = [panel.findings.item(i) for i in range(panel.findings.count())
              if "thuộc diện không xét" in panel.findings.item(i).text()]
    assert warned and warned[0].foreground().color().name() == "#b35c00"


def test_majority_applied_shows_achieved(qtbot, year_window):
    window, panel, y = year_window
    db = window.ctx.db
    meet(db)
    review.record_votes(db, 2021, [Vote(y.lan, "LDTT", 10, 10), Vote(y.hoa, "LDTT", 4, 10)])
    panel.reload()
    panel.majority_button.click()
    assert not panel.review_error.isVisibleTo(panel), panel.review_error.text()
    assert panel.review_saved.isVisibleTo(panel) and "1 đạt" in panel.review_saved.text()
    lan = row_number(panel.model, lambda r: r.person_id == y.lan and r.title_code == "LDTT")
    hoa = row_number(panel.model, lambda r: r.person_id == y.hoa and r.title_code == "LDTT")
    assert cell(panel.model, lan, 3) == "Đạt" and cell(panel.model, hoa, 3) == "Không đạt"
    assert cell(panel.model, lan, 4) == "10 / 10"


def test_proposals_built_and_summary_edited(qtbot, year_window):
    window, panel, y = year_window
    db = window.ctx.db
    panel.build_button.click()
    assert "Chưa có kết quả bình xét" in panel.proposals_error.text()
    meet(db)
    review.record_votes(db, 2021, [Vote(None, "CDCS_VM", 10, 10), Vote(y.lan, "LDTT", 10, 10),
                                   Vote(y.lan, "DVCD_XS", 9, 10)])
    review.apply_majority(db, 2021)
    panel.reload()
    panel.build_button.click()
    assert not panel.proposals_error.isVisibleTo(panel), panel.proposals_error.text()
    assert panel.proposals_saved.isVisibleTo(panel) and "thêm" in panel.proposals_saved.text()
    model = panel.proposals
    assert model.rowCount() >= 2
    assert cell(model, 0, 0) == "A. Tập thể" and cell(model, model.rowCount() - 1, 0) == "B. Cá nhân"
    n = row_number(model, lambda p: p.person_id == y.lan)
    assert model.flags(model.index(n, 4)) & Qt.ItemFlag.ItemIsEditable
    model.setData(model.index(n, 4), "Hoàn thành xuất sắc nhiệm vụ, tổ trưởng tổ may 1.")
    assert "Đã lưu" in panel.proposals_saved.text()
    assert cell(model, n, 4) == "Hoàn thành xuất sắc nhiệm vụ, tổ trưởng tổ may 1."
    stored = next(p for p in review.list_proposals(db, 2021) if p.person_id == y.lan)
    assert stored.summary == "Hoàn thành xuất sắc nhiệm vụ, tổ trưởng tổ may 1."
    model.setData(model.index(n, 4), "   ")
    assert "không được để trống" in panel.proposals_error.text()
    panel.grab().save("/tmp/review.png")
