"""Sơ kết – Tổng kết (results, reports) and Văn bản & gửi (export) — journey steps 5–6."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui_helpers import dialogs, make_window, type_text, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import demo, documents as documents_service, reports
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.pages import documents as documents_page

SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    from thidua_desktop import paths as app_paths

    paths = app_paths.resolve(tmp_path_factory.mktemp("demo") / "data").ensure()
    summary = demo.build_demo(paths, current_cycle=False)
    return paths, summary.year


@pytest.fixture
def demo_paths(demo_folder, tmp_path):
    import shutil

    from thidua_desktop import paths as app_paths

    source, year = demo_folder
    target = tmp_path / "data"
    shutil.copytree(source.root, target)
    return app_paths.resolve(target).ensure(), year


@pytest.fixture
def window(qtbot, demo_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    paths, year = demo_paths
    monkeypatch.setenv("THIDUA_TODAY", f"{year}-06-30")
    window = make_window(qtbot, paths, size=(1400, 900))
    yield window
    window.close()


@pytest.fixture
def fresh(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    """A set-up unit and year 2021 without results or reports, seen on 30/06/2021."""
    monkeypatch.setenv("THIDUA_TODAY", "2021-06-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    yield window
    window.close()


def row_of(page, code):
    return next(n for n, r in enumerate(page.results.model.rows()) if r.code == code)


def test_results_table_and_refused_entry_keeps_dialog_open(qtbot, fresh):
    window = fresh
    page = window.show_page(mw.PAGE_PHASES)
    rows = page.results.model.rows()
    assert len(rows) >= 5 and page.results.model.rowCount() == len(rows)
    assert page.results.model.headerData(4, Qt.Orientation.Horizontal) == "Kết quả đợt 1"
    percent = next(r for r in rows if r.kind == "percent" and r.source == "entered")
    dialog = page.enter_result(percent, 1)
    assert dialog is not None and dialog.isVisible()
    dialog.numerator.clear()
    dialog.denominator.clear()
    type_text(dialog.numerator, "12")
    type_text(dialog.denominator, "10")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible(), "a refused figure keeps the dialog open"
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    dialog.numerator.clear()
    type_text(dialog.numerator, "8")
    type_text(dialog.note, "Theo sổ theo dõi")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error.text()
    saved = page.results.model.rows()[row_of(page, percent.code)]
    assert saved.phase1.value == 80 and saved.phase1.source == "entered"
    assert "80%" in page.results.model.data(page.results.model.index(row_of(page, percent.code), 4))
    page.compute_button.click()
    assert page.results_saved.isVisibleTo(page)


def test_report_draft_edit_send_new_version(qtbot, fresh):
    window = fresh
    page = window.show_page(mw.PAGE_PHASES)
    editor = page.editor
    assert page.report_kind.currentData() == "midyear"
    assert editor.report is None and editor.draft_button.isVisibleTo(page)
    editor.draft_button.click()
    report = editor.report
    assert report is not None and report.version == 1 and report.status == "draft"
    assert editor.checklist.count() >= 1
    # write every section that still asks for something, through the text areas
    for section in report.sections:
        edit = editor.edits.get(section.key)
        if edit is not None and (section.placeholders or not section.text.strip()):
            edit.setPlainText(f"Nội dung mục {section.heading} đã viết đầy đủ.")
    key, edit = next(iter(editor.edits.items()))
    edit.setPlainText("Đoàn viên hăng hái thi đua, vượt kế hoạch sản xuất.")
    editor.save_button.click()
    stored = reports.get_report(window.ctx.db, report.id)
    assert (
        next(s for s in stored.sections if s.key == key).text == "Đoàn viên hăng hái thi đua, vượt kế hoạch sản xuất."
    )
    editor.complete_button.click()
    assert not editor.error.isVisibleTo(page), editor.error.text()
    assert editor.report.status == "complete" and "hoàn thành" in editor.status.text()
    editor.sent_button.click()
    assert editor.report.status == "sent" and "đã gửi" in editor.status.text()
    assert all(e.isReadOnly() for e in editor.edits.values()), "a sent report is read-only"
    assert not editor.save_button.isVisibleTo(page) and not editor.complete_button.isVisibleTo(page)
    editor.version_button.click()
    assert editor.report.version == 2 and editor.report.status == "draft"
    assert not any(e.isReadOnly() for e in editor.edits.values())
    page.report_kind.setCurrentIndex(1)
    assert editor.report is None and editor.draft_button.isVisibleTo(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.report_kind.setCurrentIndex(0)
    qtbot.wait(50)
    assert all(e.isVisibleTo(page) for e in editor.edits.values())
    qtbot.wait(300)
    page.grab().save(str(SHOTS / "year_end_phases.png"))
    editor.grab().save(str(SHOTS / "year_end_report.png"))


def test_section_saved_when_leaving_the_field(qtbot, fresh):
    window = fresh
    page = window.show_page(mw.PAGE_PHASES)
    page.editor.draft_button.click()
    key, edit = next(iter(page.editor.edits.items()))
    edit.setPlainText("")
    type_text(edit, "Kết quả tốt")
    other = list(page.editor.edits.values())[1]
    other.setFocus()
    page.editor.save_section(key)  # offscreen focus may not move: the handler is the same
    assert (
        next(s for s in reports.get_report(window.ctx.db, page.editor.report.id).sections if s.key == key).text
        == "Kết quả tốt"
    )


def test_demo_sent_reports_are_read_only(qtbot, window):
    page = window.show_page(mw.PAGE_PHASES)
    editor = page.editor
    assert editor.report.status == "sent" and editor.report.version == 2
    assert editor.edits and all(e.isReadOnly() for e in editor.edits.values())
    assert editor.version_button.isVisibleTo(page) and not editor.save_button.isVisibleTo(page)
    assert not editor.draft_button.isVisibleTo(page)
    page.report_kind.setCurrentIndex(1)
    assert editor.report.kind == "year" and editor.report.status == "sent"


def test_export_registration_pdf_through_the_page(qtbot, window, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_DOCUMENTS)
    before = page.register.rowCount()
    asked = []

    def save_path(parent, title, suggested, file_filter):
        asked.append((title, suggested, file_filter))
        return str(tmp_path / "dang-ky")

    monkeypatch.setattr(documents_page, "ask_save_path", save_path)
    page.kind.setCurrentIndex(page.kind.findData("registration"))
    page.format.setCurrentIndex(page.format.findData(".pdf"))
    assert not page.open_file.isEnabled()
    page.export_button.click()
    assert asked and asked[0][1].endswith("dang-ky-thi-dua-2021.pdf")
    out = tmp_path / "dang-ky.pdf"
    assert not page.export_error.isVisibleTo(page), page.export_error.text()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert page.produced.path == out and page.open_file.isEnabled() and page.open_file_folder.isEnabled()
    assert page.export_done.isVisibleTo(page) and page.produced.code in page.export_done.text()
    codes = [e.code for e in page.register.rows()]
    assert page.produced.code in codes
    entry = next(e for e in page.register.rows() if e.code == page.produced.code)
    assert "dang-ky.pdf" in entry.files and entry.kind == "registration"
    assert page.register.rowCount() >= max(before, 1)
    assert any(e.code == page.produced.code for e in documents_service.list_register(window.ctx.db, 2021))
    opened = []
    monkeypatch.setattr(documents_page, "open_path", opened.append)
    page.open_file.click()
    page.open_file_folder.click()
    assert opened == [out, tmp_path]
    page.grab().save(str(SHOTS / "year_end_documents.png"))


def test_export_refused_shows_the_reason(qtbot, fresh, tmp_path, monkeypatch):
    page = fresh.show_page(mw.PAGE_DOCUMENTS)
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "bc.pdf"))
    page.kind.setCurrentIndex(page.kind.findData("midyear-report"))
    page.export_button.click()
    assert page.export_error.isVisibleTo(page) and "Chưa soạn báo cáo sơ kết" in page.export_error.text()
    assert not (tmp_path / "bc.pdf").exists() and page.export_button.isEnabled()
    assert not page.open_file.isEnabled()


def test_export_cancelled_does_nothing(qtbot, fresh, monkeypatch):
    page = fresh.show_page(mw.PAGE_DOCUMENTS)
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: "")
    page.export_button.click()
    assert not page.export_error.isVisibleTo(page) and not page.export_done.isVisibleTo(page)


def test_the_document_date_is_its_events_shown_and_editable_and_odd_dates_are_asked_about(
    qtbot, window, tmp_path, monkeypatch, dialogs
):
    """Issue 16: the biên bản is dated the meeting day (not today, 30/06), the registration the day it was
    made; a date outside the year is asked about before the number is taken, and a refusal takes none."""
    from datetime import date

    from thidua_desktop.core import vntext
    from thidua_desktop.services import registration, review
    from thidua_desktop.ui.widgets.fields import edit_value, set_date

    db = window.ctx.db
    meeting = review.get_meeting(db, 2021).held_on
    registered = registration.get_collective(db, 2021).registered_on
    assert meeting is not None and registered is not None and meeting != date(2021, 6, 30)
    page = window.show_page(mw.PAGE_DOCUMENTS)
    page.kind.setCurrentIndex(page.kind.findData("review-minutes"))
    assert edit_value(page.issue_date) == meeting
    assert "ngày họp bình xét" in page.date_note.text()
    page.kind.setCurrentIndex(page.kind.findData("registration"))
    assert edit_value(page.issue_date) == registered
    # a date years away: said before the number is taken; answered "no", nothing is numbered
    before = [e.code for e in documents_service.list_register(db, 2021)]
    set_date(page.issue_date, date(2026, 12, 4))
    assert "ngoài thời gian của năm thi đua 2021" in page.date_note.text()
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "dk.pdf"))
    dialogs.confirm_answer = False
    page.export_button.click()
    asked = dialogs.last("confirm")
    assert "04/12/2026" in asked["text"] and "ngoài thời gian của năm thi đua 2021" in asked["informative"]
    assert not (tmp_path / "dk.pdf").exists()
    assert [e.code for e in documents_service.list_register(db, 2021)] == before
    # back on its own date, the biên bản exports dated the meeting day, in the header and the register
    page.kind.setCurrentIndex(page.kind.findData("review-minutes"))
    monkeypatch.setattr(documents_page, "ask_save_path", lambda *a: str(tmp_path / "bb.pdf"))
    page.export_button.click()
    assert not page.export_error.isVisibleTo(page), page.export_error.text()
    assert page.produced.issued_on == meeting
    text = subprocess_text(tmp_path / "bb.pdf")
    day = f"ngày {meeting.day:02d} tháng {meeting.month:02d} năm {meeting.year}"
    assert day in " ".join(text.split()), day
    assert vntext.format_date(meeting) in page.date_note.text() or "trong sổ văn bản đi" in page.date_note.text()


def subprocess_text(pdf: Path) -> str:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
