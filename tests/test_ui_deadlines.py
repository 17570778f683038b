"""Tổng quan and Sơ kết – Tổng kết tell the truth about deadlines: a report sent on time shows as
met, one sent late shows how late, an unsent one overdue; seen years later, the ended year shows
its outcome and never "Quá hạn" for ever; a year to come says when it starts.

The sơ kết is sent through the real outbox to a loopback SMTP server (aiosmtpd).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt

from tests.test_deadlines import complete, files
from tests.test_signing_fixtures import smtp_server  # noqa: F401  (fixture)
from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import outbox as outbox_service
from thidua_desktop.ui import main_window as mw


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def send_sơ_kết(db, paths, tmp_path, smtp, delivered: datetime) -> None:
    report_id = complete(db)
    entry = outbox_service.send_report(db, paths, report_id, files(tmp_path, "bao-cao-so-ket"), at=delivered)
    assert outbox_service.send_pending(db, paths, smtp.settings(), now=delivered, only=[entry.id]).sent == [entry.id]


def open_on(qtbot, monkeypatch, paths, day: str):
    monkeypatch.setenv("THIDUA_TODAY", day)
    window = make_window(qtbot, paths, size=(1400, 900))
    page = window.overview
    qtbot.waitUntil(lambda: page.deadlines is not None and page.reports.isVisibleTo(page), timeout=5000)
    return window, page


def time_left(page, label_part: str) -> str:
    """The overview's 'Time left' cell of the milestone whose label contains ``label_part``."""
    model = page.events
    for n, event in enumerate(model.rows()):
        if label_part in event.label:
            return model.data(model.index(n, 2), Qt.ItemDataRole.DisplayRole)
    raise AssertionError(f"no milestone {label_part}")


def phase_left(window) -> list[str]:
    page = window.show_page(mw.PAGE_PHASES)
    model = page.model
    return [model.data(model.index(n, 5), Qt.ItemDataRole.DisplayRole) for n in range(model.rowCount())]


@pytest.fixture
def sent_on_time(seeded_db, data_paths, tmp_path, smtp_server):
    send_sơ_kết(seeded_db, data_paths, tmp_path, smtp_server, utc(2021, 7, 4, 2, 30))
    seeded_db.close()
    return data_paths


def test_a_sent_report_shows_as_met(qtbot, sent_on_time, monkeypatch, ui_settings, vietnamese):
    window, page = open_on(qtbot, monkeypatch, sent_on_time, "2021-07-08")
    met = "Đã gửi ngày 04/07/2021, đúng hạn"
    assert met in page.reports.body.text()
    assert met in time_left(page, "sơ kết")
    assert met in page.next_due.text()  # among the deadlines passed, with what became of it
    assert "Quá hạn 3 ngày" not in page.reports.body.text()
    qtbot.waitUntil(lambda: window.show_page(mw.PAGE_PHASES).deadlines is not None, timeout=5000)
    left = phase_left(window)
    assert left[0] == f"Báo cáo: {met}"
    assert left[1] == "Báo cáo: Còn 181 ngày"
    listed = window.show_page(mw.PAGE_PHASES).deadline_list.text()
    assert met in listed and "Quá hạn 138 ngày, chưa gửi" in listed  # the registration was never sent
    window.close()


def test_a_report_sent_late_shows_how_late(
    qtbot, seeded_db, data_paths, tmp_path, smtp_server, monkeypatch, ui_settings, vietnamese
):
    send_sơ_kết(seeded_db, data_paths, tmp_path, smtp_server, utc(2021, 7, 9, 3, 0))
    seeded_db.close()
    window, page = open_on(qtbot, monkeypatch, data_paths, "2021-08-01")
    late = "Đã gửi ngày 09/07/2021, trễ 4 ngày"
    assert late in page.reports.body.text() and late in time_left(page, "sơ kết")
    window.close()


def test_an_unsent_report_shows_overdue(qtbot, seeded_db, data_paths, monkeypatch, ui_settings, vietnamese):
    complete(seeded_db)  # complete, never sent
    seeded_db.close()
    window, page = open_on(qtbot, monkeypatch, data_paths, "2021-07-08")
    assert "Quá hạn 3 ngày, chưa gửi" in page.reports.body.text()
    assert time_left(page, "sơ kết") == "Quá hạn 3 ngày, chưa gửi"
    window.close()


@pytest.mark.parametrize("day", ["2022-02-01", "2030-06-01", "2041-12-31"])
def test_years_later_the_ended_year_shows_its_outcome(qtbot, sent_on_time, monkeypatch, ui_settings, vietnamese, day):
    window, page = open_on(qtbot, monkeypatch, sent_on_time, day)
    assert page.phase_now.text() == "Năm thi đua 2021 đã kết thúc."
    outcome = page.next_due.text()
    assert outcome.startswith("Kết quả:<br>")  # the line above says the year has ended
    assert "Đã gửi ngày 04/07/2021, đúng hạn" in outcome
    assert "Không gửi, năm thi đua đã kết thúc" in outcome  # the tổng kết and the registration
    assert "Đúng hạn 1/3, trễ hạn 0, chưa gửi 2." in outcome
    assert "Chưa ghi nhận cuộc họp bình xét." in outcome
    shown = [
        outcome,
        page.reports.body.text(),
        page.registration.due.text(),
        *(time_left(page, part) for part in ("đăng ký", "sơ kết", "tổng kết")),
    ]
    for text in shown:
        assert "Quá hạn" not in text and not re.search(r"Còn \d+ ngày", text), text
    assert "Đã gửi ngày 04/07/2021, đúng hạn" in page.reports.body.text()
    phases = window.show_page(mw.PAGE_PHASES)
    qtbot.waitUntil(lambda: phases.deadlines is not None, timeout=5000)
    assert "Kết quả:" in phases.deadline_list.text()
    assert phase_left(window)[0] == "Báo cáo: Đã gửi ngày 04/07/2021, đúng hạn"
    assert "Quá hạn" not in " ".join(phase_left(window))
    window.close()


def test_a_year_to_come_says_when_it_starts(qtbot, seeded_db, data_paths, monkeypatch, ui_settings, vietnamese):
    seeded_db.close()
    window, page = open_on(qtbot, monkeypatch, data_paths, "2020-12-01")
    assert page.phase_now.text() == "Năm thi đua 2021 chưa bắt đầu."
    assert "Năm thi đua 2021 bắt đầu ngày 01/01/2021 (còn 31 ngày)." in page.next_due.text()
    window.close()


def test_sending_from_the_documents_page_turns_the_countdown_into_the_sent_date(
    qtbot, seeded_db, data_paths, tmp_path, smtp_server, monkeypatch, ui_settings, vietnamese, dialogs
):
    """The report's PDF sent from Văn bản & gửi (recorded by the PDF's own Keywords): Tổng quan and
    Sơ kết – Tổng kết read the sendings again at once."""
    from thidua_desktop.sending.smtp import SmtpSettings
    from thidua_desktop.services import deadlines, documents

    complete(seeded_db)
    pdf = documents.produce(
        seeded_db, data_paths, "midyear-report", 2021, tmp_path / "bao-cao-so-ket.pdf", on=date(2021, 7, 4)
    ).path
    outbox_service.save_smtp_settings(
        data_paths,
        SmtpSettings(
            host="127.0.0.1",
            port=smtp_server.port,
            security="plain",
            timeout=5,
            from_addr="congdoan.mayhoalu@example.vn",
        ),
    )
    seeded_db.close()
    window, page = open_on(qtbot, monkeypatch, data_paths, "2021-07-04")
    assert time_left(page, "sơ kết") == "Còn 1 ngày"
    phases = window.show_page(mw.PAGE_PHASES)
    qtbot.waitUntil(lambda: phases.deadlines is not None, timeout=5000)
    docs = window.show_page(mw.PAGE_DOCUMENTS)
    docs.last_signed = pdf
    docs.send_button.click()
    dialog = docs.send_dialog
    assert dialog.report is not None  # the PDF names its report: the sending is recorded
    dialog.send_button.click()
    assert dialog.done_line.isVisibleTo(dialog), dialog.error.text()
    assert len(smtp_server.received) == 1
    dialog.close()
    # the sending happened now (the computer's clock), whatever day the app is shown as
    sent = deadlines.year_deadlines(window.ctx.db, 2021, today=date(2021, 7, 4)).report(1)
    assert sent.sent and sent.sent_on is not None
    expected = "Đã gửi ngày " + sent.sent_on.strftime("%d/%m/%Y")
    window.show_page(mw.PAGE_OVERVIEW)
    qtbot.waitUntil(lambda: expected in time_left(page, "sơ kết"), timeout=5000)
    assert expected in page.reports.body.text()
    phases = window.show_page(mw.PAGE_PHASES)
    qtbot.waitUntil(lambda: expected in phase_left(window)[0], timeout=5000)
    window.close()
