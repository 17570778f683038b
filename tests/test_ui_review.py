"""Bình xét và đề nghị khen thưởng on its own page, Bình xét – Khen thưởng (journey step 6)."""

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
def year_window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    """Year 2021 with a roster and registrations, seen on 30/12/2021."""
    y = make_year(seeded_db)
    monkeypatch.setenv("THIDUA_TODAY", "2021-12-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    page = window.show_page(mw.PAGE_REVIEW)
    yield window, page.review, y
    window.close()


def row_number(model, wanted) -> int:
    return next(n for n, r in enumerate(model.shown_rows()) if wanted(r))


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def voted_results(db) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count()).select_from(ReviewResult).where(ReviewResult.votes_total.is_not(None))
        )


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
    assert (
        info.held_on,
        info.place,
        info.chair,
        info.secretary,
        info.attendance_total,
        info.attendance_present,
        info.notes,
    ) == (date(2021, 12, 22), "Hội trường công ty", "Phạm Thị Hoa", "Nguyễn Thị Lan", 12, 10, "Hội nghị BCH mở rộng")
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
    warned = [
        panel.findings.item(i)
        for i in range(panel.findings.count())
        if "thuộc diện không xét" in panel.findings.item(i).text()
    ]
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
    review.record_votes(
        db, 2021, [Vote(None, "CDCS_VM", 10, 10), Vote(y.lan, "LDTT", 10, 10), Vote(y.lan, "DVCD_XS", 9, 10)]
    )
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


def select_row(view, model, wanted) -> int:
    n = row_number(model, wanted)
    view.selectRow(n)
    return n


def test_days_off_and_discipline_from_the_panel(qtbot, year_window):
    window, panel, y = year_window
    db = window.ctx.db
    select_row(panel.view, panel.model, lambda r: r.person_id is None)
    assert panel.votes_button.isEnabled() and not panel.inputs_button.isEnabled()  # the collective has none
    n = select_row(panel.view, panel.model, lambda r: r.person_id == y.nam and r.title_code == "LDTT")
    assert panel.inputs_button.isEnabled() and cell(panel.model, n, 5) == ""
    panel.inputs_button.click()
    dialog = panel.inputs_dialog
    assert dialog.isVisible() and dialog.days_off.text() == "Chưa ghi"
    dialog.days_off.setValue(400)
    dialog.ok_button().click()
    assert dialog.isVisible(), "a refusal keeps the dialog open"
    assert "Số ngày nghỉ 400 không hợp lý (từ 0 đến 366)" in dialog.error.text()
    assert review.review_table(db, 2021)[n].days_off is None
    dialog.days_off.setValue(45)
    type_text(dialog.discipline, "Khiển trách")
    dialog.ok_button().click()
    assert not dialog.isVisible(), dialog.error.text()
    assert "Đinh Văn Nam" in panel.review_saved.text() and "45" in panel.review_saved.text()
    n = row_number(panel.model, lambda r: r.person_id == y.nam and r.title_code == "LDTT")
    assert "nghỉ 45 ngày làm việc" in cell(panel.model, n, 5) and "bị kỷ luật (Khiển trách)" in cell(panel.model, n, 5)
    cstd = row_number(panel.model, lambda r: r.person_id == y.nam and r.title_code == "CSTDCS")
    assert "nghỉ 45 ngày" in cell(panel.model, cstd, 5)  # every title of the person checked again
    # cleared again: the days off "not stated", no discipline
    select_row(panel.view, panel.model, lambda r: r.person_id == y.nam and r.title_code == "LDTT")
    panel.inputs_button.click()
    dialog = panel.inputs_dialog
    assert dialog.days_off.value() == 45 and dialog.discipline.text() == "Khiển trách"
    dialog.days_off.setValue(dialog.days_off.minimum())
    dialog.discipline.clear()
    dialog.ok_button().click()
    assert not dialog.isVisible(), dialog.error.text()
    n = row_number(panel.model, lambda r: r.person_id == y.nam and r.title_code == "LDTT")
    assert cell(panel.model, n, 5) == ""
    assert rows_of(db, y.nam, "LDTT").days_off is None


def rows_of(db, person_id, code):
    return next(r for r in review.review_table(db, 2021) if r.person_id == person_id and r.title_code == code)


def test_union_groups_shown_and_voted(qtbot, year_window):
    from tests.test_review import groups_of, register_group_title

    window, panel, _ = year_window
    db = window.ctx.db
    register_group_title(db)
    meet(db)
    panel.reload()
    n = row_number(panel.model, lambda r: r.union_group_id == groups_of(db)["Tổ may 1"])
    assert cell(panel.model, n, 0) == "Tổ công đoàn: Tổ may 1"
    assert cell(panel.model, n, 1) == "Tổ công đoàn vững mạnh" and cell(panel.model, n, 2) == "Có"
    panel.view.selectRow(n)
    assert not panel.inputs_button.isEnabled()
    dialog = panel.edit_votes(panel.model.shown_rows()[n])
    type_text(dialog.votes_for, "9")
    type_text(dialog.votes_total, "10")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    n = row_number(panel.model, lambda r: r.union_group_id == groups_of(db)["Tổ may 1"])
    assert cell(panel.model, n, 4) == "9 / 10"
    panel.majority_button.click()
    n = row_number(panel.model, lambda r: r.union_group_id == groups_of(db)["Tổ may 1"])
    assert cell(panel.model, n, 3) == "Đạt"


def open_add_dialog(panel):
    panel.add_proposal_button.click()
    dialog = panel.proposal_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_proposal_lines_added_edited_and_removed_by_hand(qtbot, year_window, dialogs):
    window, panel, y = year_window
    db = window.ctx.db
    meet(db)
    review.record_votes(db, 2021, [Vote(None, "CDCS_VM", 10, 10), Vote(y.lan, "LDTT", 10, 10)])
    review.apply_majority(db, 2021)
    panel.reload()
    panel.build_button.click()
    lines = panel.proposals.rowCount()
    assert not panel.edit_proposal_button.isEnabled() and not panel.remove_proposal_button.isEnabled()
    # a person the rules did not pick
    dialog = open_add_dialog(panel)
    assert dialog.kind() == dialog.PERSON and dialog.award.findData("GK_CDCS_TT") == -1  # individual awards only
    dialog.select_award("GK_CDCS")
    assert dialog.level.currentData() == "own"
    dialog.ok_button().click()
    assert dialog.isVisible() and "Hãy chọn người được đề nghị" in dialog.error.text()
    type_text(dialog.picker.search, "dinh van nam")
    assert "Đinh Văn Nam" in dialog.chosen.text()
    dialog.ok_button().click()
    assert dialog.isVisible() and "Hãy ghi tóm tắt thành tích." in dialog.error.text()
    assert panel.proposals.rowCount() == lines  # nothing changed
    dialog.summary.setPlainText("Thợ sửa máy giỏi, bảo đảm máy may chạy suốt năm.")
    dialog.ok_button().click()
    assert not dialog.isVisible(), dialog.error.text()
    assert "Đinh Văn Nam" in panel.proposals_saved.text()
    n = row_number(panel.proposals, lambda p: p.person_id == y.nam and p.award_code == "GK_CDCS")
    assert cell(panel.proposals, n, 0) == "B. Cá nhân" and cell(panel.proposals, n, 3) == "CĐCS khen"
    # a union group's Giấy khen
    dialog = open_add_dialog(panel)
    dialog.kind_buttons[dialog.GROUP].setChecked(True)
    assert dialog.award.findData("GK_CDCS") == -1
    dialog.group.setCurrentIndex(dialog.group.findText("Tổ cơ điện"))
    dialog.select_award("GK_CDCS_TT")
    dialog.summary.setPlainText("Tổ không để xảy ra tai nạn lao động.")
    dialog.ok_button().click()
    assert not dialog.isVisible(), dialog.error.text()
    group_line = next(p for p in review.list_proposals(db, 2021) if p.name == "Tổ cơ điện")
    assert (group_line.section, group_line.award_code, group_line.level) == ("A", "GK_CDCS_TT", "own")
    # the same line twice: refused, nothing added
    dialog = open_add_dialog(panel)
    dialog.kind_buttons[dialog.GROUP].setChecked(True)
    dialog.group.setCurrentIndex(dialog.group.findText("Tổ cơ điện"))
    dialog.select_award("GK_CDCS_TT")
    dialog.summary.setPlainText("Lần nữa.")
    dialog.ok_button().click()
    assert dialog.isVisible() and "đã có trong danh sách" in dialog.error.text()
    dialog.reject()
    assert len(review.list_proposals(db, 2021)) == lines + 2
    # edit: award, level, summary
    select_row(panel.proposals_view, panel.proposals, lambda p: p.person_id == y.nam and p.award_code == "GK_CDCS")
    panel.edit_proposal_button.click()
    dialog = panel.proposal_dialog
    assert dialog.award.currentData() == "GK_CDCS" and dialog.summary.toPlainText().startswith("Thợ sửa máy")
    dialog.select_award("BK_LDLD")
    dialog.level.setCurrentIndex(dialog.level.findData("upper"))
    dialog.summary.setPlainText("")
    dialog.ok_button().click()
    assert dialog.isVisible() and "không được để trống" in dialog.error.text()
    dialog.summary.setPlainText("Ba năm liền hoàn thành xuất sắc nhiệm vụ.")
    dialog.ok_button().click()
    assert not dialog.isVisible(), dialog.error.text()
    edited = next(p for p in review.list_proposals(db, 2021) if p.person_id == y.nam and p.award_code == "BK_LDLD")
    assert (edited.level, edited.summary) == ("upper", "Ba năm liền hoàn thành xuất sắc nhiệm vụ.")
    # remove: asked first; "no" keeps it
    select_row(panel.proposals_view, panel.proposals, lambda p: p.id == edited.id)
    dialogs.confirm_answer = False
    panel.remove_proposal_button.click()
    assert "Đinh Văn Nam" in dialogs.last("confirm")["text"]
    assert any(p.id == edited.id for p in review.list_proposals(db, 2021))
    dialogs.confirm_answer = True
    select_row(panel.proposals_view, panel.proposals, lambda p: p.id == edited.id)
    panel.remove_proposal_button.click()
    assert not any(p.id == edited.id for p in review.list_proposals(db, 2021))
    assert "Đinh Văn Nam" in panel.proposals_saved.text()
    # a decided line cannot be removed
    review.decide_proposals(db, 2021, "21/QĐ-CĐCS", date(2021, 12, 28), today=date(2021, 12, 30))
    panel.reload()
    select_row(panel.proposals_view, panel.proposals, lambda p: p.name == "Tổ cơ điện")
    panel.remove_proposal_button.click()
    assert "đã có Quyết định số 21/QĐ-CĐCS" in panel.proposals_error.text()
    assert any(p.name == "Tổ cơ điện" for p in review.list_proposals(db, 2021))


def test_the_review_is_a_sidebar_page_after_the_phases(year_window):
    """Bình xét – Khen thưởng is reached from the sidebar, not at the bottom of Sơ kết – Tổng kết."""
    window, panel, _y = year_window
    titles = window.page_titles()
    assert titles.index("Bình xét – Khen thưởng") == titles.index("Sơ kết – Tổng kết") + 1
    window.sidebar.setCurrentRow(mw.PAGE_REVIEW)
    assert window.stack.currentWidget() is window.page(mw.PAGE_REVIEW)
    assert window.page(mw.PAGE_REVIEW).title.text() == "Bình xét – Khen thưởng năm 2021"
    assert panel.isVisibleTo(window.page(mw.PAGE_REVIEW))
    phases = window.show_page(mw.PAGE_PHASES)
    assert not hasattr(phases, "review")  # the phases page no longer holds the review
