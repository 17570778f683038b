"""Deadlines tell the truth: a report that was sent shows when (on time / n days late), never
"Quá hạn" for ever; a year that has ended shows its outcome, a year to come when it starts.

Sendings are real records: reports completed and sent through the outbox to a loopback SMTP
server (aiosmtpd), the registration document produced, queued and delivered the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

from tests.test_signing_fixtures import smtp_server  # noqa: F401  (fixture)
from thidua_desktop.core import deadlines as dl
from thidua_desktop.core import report_draft
from thidua_desktop.core.timeline import PhaseInput
from thidua_desktop.services import deadlines, documents, registration, reports, review
from thidua_desktop.services import outbox as outbox_service

JULY = date(2021, 7, 3)  # the sơ kết is drafted before its due date (05/07/2021)
DUE = date(2021, 7, 5)
REG_DUE = date(2021, 2, 20)
PHASES = [
    PhaseInput(1, "Đợt 1", date(2021, 1, 1), date(2021, 6, 30), date(2021, 7, 5), date(2021, 7, 15)),
    PhaseInput(2, "Đợt 2", date(2021, 7, 1), date(2021, 12, 31), date(2022, 1, 5), date(2022, 1, 15)),
]
# several days, years ahead included: whatever today is, a sending keeps its date and its verdict
DAYS = [date(2021, 7, 5), date(2021, 8, 1), date(2022, 1, 16), date(2026, 12, 4), date(2030, 6, 1), date(2045, 1, 1)]


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


# --- core ---------------------------------------------------------------------------------------


def test_states_of_one_deadline():
    def state(today, **kw):
        d = dl.deadline("report_due", "Báo cáo sơ kết Đợt 1", DUE, today, phase_number=1, **kw)
        return d.state, d.days, d.text

    assert state(date(2021, 6, 30)) == ("not_due", 5, "Còn 5 ngày")
    assert state(DUE) == ("due_today", 0, "Đến hạn hôm nay, chưa gửi")
    assert state(date(2021, 7, 8)) == ("overdue", 3, "Quá hạn 3 ngày, chưa gửi")
    assert state(date(2021, 7, 8), year_ended=True)[0] == "missed"
    assert state(date(2021, 6, 30), sent_on=date(2021, 7, 4)) == ("sent_on_time", 0, "Đã gửi ngày 04/07/2021, đúng hạn")
    assert state(DUE, sent_on=DUE)[0] == "sent_on_time"  # on the day itself is on time
    assert state(date(2021, 8, 1), sent_on=date(2021, 7, 9)) == ("sent_late", 4, "Đã gửi ngày 09/07/2021, trễ 4 ngày")
    assert state(date(2021, 7, 4), queued_on=date(2021, 7, 4)) == (
        "waiting",
        0,
        "Đang chờ gửi trong hộp thư đi, xếp ngày 04/07/2021",
    )
    assert state(date(2021, 7, 7), queued_on=date(2021, 7, 4))[1:] == (
        2,
        "Đang chờ gửi trong hộp thư đi, xếp ngày 04/07/2021, quá hạn 2 ngày",
    )
    assert state(date(2030, 1, 1), queued_on=date(2021, 7, 4), year_ended=True)[1:] == (
        0,
        "Đang chờ gửi trong hộp thư đi, xếp ngày 04/07/2021",
    )


@pytest.mark.parametrize("today", DAYS)
def test_a_sent_deadline_is_met_for_ever(today):
    sent = dl.deadline(
        "report_due",
        "Báo cáo sơ kết Đợt 1",
        DUE,
        today,
        phase_number=1,
        sent_on=date(2021, 7, 4),
        year_ended=today > date(2022, 1, 15),
    )
    assert sent.met and sent.sent and sent.text == "Đã gửi ngày 04/07/2021, đúng hạn"
    late = dl.deadline("report_due", "Báo cáo sơ kết Đợt 1", DUE, today, phase_number=1, sent_on=date(2021, 7, 9))
    assert not late.met and late.text == "Đã gửi ngày 09/07/2021, trễ 4 ngày"


def test_year_stage_and_bounds():
    assert dl.year_bounds(2021, PHASES, REG_DUE) == (date(2021, 1, 1), date(2022, 1, 15))
    assert dl.year_stage(2021, PHASES, REG_DUE, date(2020, 12, 31)) == "not_started"
    assert dl.year_stage(2021, PHASES, REG_DUE, date(2021, 1, 1)) == "running"
    assert dl.year_stage(2021, PHASES, REG_DUE, date(2022, 1, 15)) == "running"  # the last lock date itself
    assert dl.year_stage(2021, PHASES, REG_DUE, date(2022, 1, 16)) == "ended"
    assert dl.year_stage(2021, PHASES, REG_DUE, date(2030, 1, 1)) == "ended"


def test_outcome_lines_of_an_ended_year_and_of_a_year_to_come():
    today = date(2030, 1, 1)
    found = [
        dl.deadline("registration_due", "Đăng ký thi đua", REG_DUE, today, sent_on=date(2021, 2, 18)),
        dl.deadline("report_due", "Báo cáo sơ kết Đợt 1", DUE, today, phase_number=1, sent_on=date(2021, 7, 9)),
        dl.deadline("report_due", "Báo cáo tổng kết năm", date(2022, 1, 5), today, phase_number=2, year_ended=True),
    ]
    o = dl.outcome(2021, PHASES, REG_DUE, today, found, dl.ReviewState(date(2021, 12, 20), 5, 2))
    lines = dl.outcome_lines(o)
    assert lines[0] == "Năm thi đua 2021 đã kết thúc (mốc cuối cùng ngày 15/01/2022). Kết quả:"
    assert "- Đăng ký thi đua: Đã gửi ngày 18/02/2021, đúng hạn" in lines
    assert "- Báo cáo sơ kết Đợt 1: Đã gửi ngày 09/07/2021, trễ 4 ngày" in lines
    assert "- Báo cáo tổng kết năm: không gửi (hạn 05/01/2022)" in lines
    assert "Đúng hạn 1/3, trễ hạn 1, chưa gửi 1." in lines
    assert "Họp bình xét ngày 20/12/2021." in lines
    assert "Danh sách đề nghị khen thưởng: 5 dòng, 2 dòng đã có quyết định." in lines
    assert not any("Quá hạn" in line for line in lines)
    coming = dl.outcome(2021, PHASES, REG_DUE, date(2020, 12, 1), [])
    assert coming.stage == "not_started" and coming.days_to_start == 31
    assert dl.outcome_lines(coming) == ["Năm thi đua 2021 chưa bắt đầu: bắt đầu ngày 01/01/2021 (còn 31 ngày)."]


# --- services: real sendings ---------------------------------------------------------------------


def complete(db, kind: str = "midyear", today: date = JULY) -> str:
    """Draft the report from the data, fill what the officer writes, mark it complete."""
    info = reports.draft_report(db, 2021, kind, today=today)
    for s in info.sections:
        if s.placeholders:
            reports.update_section(db, info.id, s.key, report_draft.PLACEHOLDER_RE.sub("Không có.", s.text))
        elif not s.container and not s.text.strip():
            reports.update_section(db, info.id, s.key, "Không có.")
    reports.set_status(db, info.id, "complete")
    return info.id


def files(tmp_path, stem: str) -> list:
    pdf = tmp_path / f"{stem}.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + stem.encode() * 200)
    return [pdf]


def send_midyear(db, data_paths, tmp_path, smtp, *, queued: datetime, delivered: datetime | None) -> str:
    report_id = complete(db)
    entry = outbox_service.send_report(db, data_paths, report_id, files(tmp_path, "bao-cao-so-ket"), at=queued)
    if delivered is not None:
        result = outbox_service.send_pending(db, data_paths, smtp.settings(), now=delivered, only=[entry.id])
        assert result.sent == [entry.id], result.errors
    return report_id


@pytest.mark.parametrize("today", DAYS)
def test_a_sent_report_shows_as_met_on_any_later_day(seeded_db, data_paths, tmp_path, smtp_server, today):
    send_midyear(
        seeded_db, data_paths, tmp_path, smtp_server, queued=utc(2021, 7, 4, 2, 30), delivered=utc(2021, 7, 4, 2, 31)
    )
    assert len(smtp_server.received) == 1
    found = deadlines.year_deadlines(seeded_db, 2021, today=today)
    sơ_kết = found.report(1)
    assert sơ_kết.met and sơ_kết.sent_on == date(2021, 7, 4)
    assert sơ_kết.text == "Đã gửi ngày 04/07/2021, đúng hạn"
    assert "Quá hạn" not in sơ_kết.text


def test_late_unsent_and_waiting_reports(seeded_db, data_paths, tmp_path, smtp_server):
    report_id = complete(seeded_db)
    entry = outbox_service.send_report(
        seeded_db, data_paths, report_id, files(tmp_path, "so-ket"), at=utc(2021, 7, 7, 1, 0)
    )
    # queued with no network yet: waiting, not "sent"
    waiting = deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 7, 8)).report(1)
    assert waiting.state == "waiting" and waiting.queued_on == date(2021, 7, 7)
    assert waiting.text == "Đang chờ gửi trong hộp thư đi, xếp ngày 07/07/2021, quá hạn 3 ngày"
    outbox_service.send_pending(
        seeded_db, data_paths, smtp_server.settings(), now=utc(2021, 7, 9, 3, 0), only=[entry.id]
    )
    found = deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 8, 1))
    late = found.report(1)
    assert (late.state, late.days, late.sent_on) == (
        "sent_late",
        4,
        date(2021, 7, 9),
    )  # left the day the server took it
    assert late.text == "Đã gửi ngày 09/07/2021, trễ 4 ngày"
    # the tổng kết not sent: counted down, then overdue while the year runs, then missed once it has ended
    assert found.report(2).text == "Còn 157 ngày"
    assert (
        deadlines.year_deadlines(seeded_db, 2021, today=date(2022, 1, 8)).report(2).text == "Quá hạn 3 ngày, chưa gửi"
    )
    ended = deadlines.year_deadlines(seeded_db, 2021, today=date(2030, 1, 1))
    assert ended.stage == "ended" and ended.report(2).state == "missed"
    assert ended.report(1).text == "Đã gửi ngày 09/07/2021, trễ 4 ngày"


def test_the_local_date_decides_on_time_or_late(seeded_db, data_paths, tmp_path, smtp_server):
    """16:30 UTC on the due date is 23:30 in Vietnam: on time; an hour later it is the next day there."""
    send_midyear(
        seeded_db, data_paths, tmp_path, smtp_server, queued=utc(2021, 7, 5, 16, 0), delivered=utc(2021, 7, 5, 16, 30)
    )
    assert deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 7, 6)).report(1).met
    assert deadlines.local_date(utc(2021, 7, 5, 17, 30)) == date(2021, 7, 6)
    assert deadlines.local_date(datetime(2021, 7, 5, 17, 30)) == date(2021, 7, 6)  # naive = UTC, as SQLite returns


def test_the_first_sending_counts_and_a_hand_recorded_one_too(seeded_db, data_paths, tmp_path, smtp_server):
    first = send_midyear(
        seeded_db, data_paths, tmp_path, smtp_server, queued=utc(2021, 7, 4, 2, 30), delivered=utc(2021, 7, 4, 2, 35)
    )
    reports.record_return(seeded_db, first, "Số liệu đối thoại ghi nhầm chỉ tiêu.")
    second = reports.new_version(seeded_db, first)
    reports.set_status(seeded_db, second.id, "complete")
    reports.set_status(seeded_db, second.id, "sent", at=utc(2021, 8, 13, 3, 0))  # sent by hand, recorded
    assert (
        deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 9, 1)).report(1).text
        == "Đã gửi ngày 04/07/2021, đúng hạn"
    )
    # a tổng kết recorded as sent by hand (no outbox message) is a sending of its own
    year_report = complete(seeded_db, "year", today=date(2022, 1, 3))
    reports.set_status(seeded_db, year_report, "sent", at=utc(2022, 1, 6, 2, 0))
    assert (
        deadlines.year_deadlines(seeded_db, 2021, today=date(2030, 1, 1)).report(2).text
        == "Đã gửi ngày 06/01/2022, trễ 1 ngày"
    )


def test_the_registration_document_sent_through_the_outbox(seeded_db, data_paths, tmp_path, smtp_server):
    before = deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 2, 25)).registration
    assert before.text == "Quá hạn 5 ngày, chưa gửi"
    info = registration.get_collective(seeded_db, 2021)
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    registration.save_collective(seeded_db, info)
    made = documents.produce(
        seeded_db, data_paths, "registration", 2021, tmp_path / "dang-ky-thi-dua-2021.pdf", on=date(2021, 2, 17)
    )
    workbook = documents.produce(
        seeded_db, data_paths, "registration", 2021, tmp_path / "ban-dang-ky.xlsx", on=date(2021, 2, 17)
    )
    other = files(tmp_path, "thu-moi-hop")  # some other letter: not the registration
    outbox_service.queue_message(seeded_db, data_paths, ["ldld.giavien@example.vn"], "Thư mời họp", "Kính gửi.", other)
    outbox_service.send_pending(seeded_db, data_paths, smtp_server.settings(), now=utc(2021, 2, 16, 8, 0))
    assert deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 2, 17)).registration.state == "not_due"
    renamed = tmp_path / "gui-ldld.xlsx"  # a renamed workbook is still known by its machine sheet
    renamed.write_bytes(workbook.path.read_bytes())
    entry = outbox_service.queue_message(
        seeded_db, data_paths, ["ldld.giavien@example.vn"], "Bản đăng ký thi đua năm 2021", "Kính gửi.", [renamed]
    )
    waiting = deadlines.year_deadlines(seeded_db, 2021, today=date(2021, 2, 18), paths=data_paths).registration
    assert waiting.state == "waiting"
    outbox_service.send_pending(
        seeded_db, data_paths, smtp_server.settings(), now=utc(2021, 2, 18, 8, 0), only=[entry.id]
    )
    found = deadlines.year_deadlines(seeded_db, 2021, today=date(2030, 6, 1), paths=data_paths)
    assert found.registration.text == "Đã gửi ngày 18/02/2021, đúng hạn"
    # the PDF itself, sent later under its register name, does not move the first sending
    outbox_service.queue_message(
        seeded_db, data_paths, ["ldld.giavien@example.vn"], "Gửi lại", "Kính gửi.", [made.path]
    )
    outbox_service.send_pending(seeded_db, data_paths, smtp_server.settings(), now=utc(2021, 3, 1, 8, 0))
    again = deadlines.year_deadlines(seeded_db, 2021, today=date(2030, 6, 1))
    assert again.registration.sent_on == date(2021, 2, 18)


def test_an_ended_year_gives_its_outcome_with_the_review(seeded_db, data_paths, tmp_path, smtp_server):
    send_midyear(
        seeded_db, data_paths, tmp_path, smtp_server, queued=utc(2021, 7, 4, 2, 30), delivered=utc(2021, 7, 4, 2, 31)
    )
    review.record_meeting(
        seeded_db,
        2021,
        date(2021, 12, 20),
        "Hội trường công ty",
        "Phạm Thị Hoa",
        "Trần Văn Nam",
        30,
        28,
        today=date(2021, 12, 20),
    )
    found = deadlines.year_deadlines(seeded_db, 2021, today=date(2030, 1, 1))
    assert found.stage == "ended"
    lines = dl.outcome_lines(found.outcome)
    assert lines[0].startswith("Năm thi đua 2021 đã kết thúc")
    assert "- Báo cáo sơ kết Đợt 1: Đã gửi ngày 04/07/2021, đúng hạn" in lines
    assert "- Báo cáo tổng kết năm: không gửi (hạn 05/01/2022)" in lines
    assert "- Đăng ký thi đua: không gửi (hạn 20/02/2021)" in lines
    assert "Họp bình xét ngày 20/12/2021." in lines
    assert not any("Quá hạn" in line for line in lines)
    coming = deadlines.year_deadlines(seeded_db, 2021, today=date(2020, 11, 1))
    assert coming.stage == "not_started" and coming.outcome.starts_on == date(2021, 1, 1)


# --- the command line ---------------------------------------------------------------------------


def thidua(*args: str, today: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ}
    env.pop("THIDUA_TODAY", None)
    if today:
        env["THIDUA_TODAY"] = today
    return subprocess.run(
        [sys.executable, "-m", "thidua_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_cli_timeline_prints_what_became_of_each_deadline(seeded_db, data_paths, tmp_path, smtp_server):
    send_midyear(
        seeded_db, data_paths, tmp_path, smtp_server, queued=utc(2021, 7, 4, 2, 30), delivered=utc(2021, 7, 4, 2, 31)
    )
    seeded_db.close()
    folder = str(data_paths.root)
    running = thidua("--data-dir", folder, "year", "timeline", "--year", "2021", "--today", "08/07/2021")
    assert running.returncode == 0, running.stderr
    assert "05/07/2021  Hạn gửi báo cáo sơ kết Đợt 1  (Đã gửi ngày 04/07/2021, đúng hạn)" in running.stdout
    assert "20/02/2021  Hạn gửi đăng ký thi đua  (Quá hạn 138 ngày, chưa gửi)" in running.stdout
    assert "05/01/2022  Hạn gửi báo cáo tổng kết năm  (Còn 181 ngày)" in running.stdout
    assert "đã kết thúc" not in running.stdout
    for today in ("2022-02-01", "2030-06-01", "2045-01-01"):
        ended = thidua("--data-dir", folder, "year", "timeline", "2021", today=today)
        assert ended.returncode == 0, ended.stderr
        out = ended.stdout
        assert "(Đã gửi ngày 04/07/2021, đúng hạn)" in out
        assert "Quá hạn" not in out and "Còn " not in out
        assert "Năm thi đua 2021 đã kết thúc (mốc cuối cùng ngày 15/01/2022). Kết quả:" in out
        assert "- Báo cáo tổng kết năm: không gửi (hạn 05/01/2022)" in out
        assert "Đúng hạn 1/3, trễ hạn 0, chưa gửi 2." in out
    coming = thidua("--data-dir", folder, "year", "timeline", "--year", "2021", "--today", "01/12/2020")
    assert coming.stdout.splitlines()[0] == "Năm thi đua 2021 chưa bắt đầu: bắt đầu ngày 01/01/2021 (còn 31 ngày)."
    missing = thidua("--data-dir", folder, "year", "timeline")
    assert missing.returncode == 1 and "Chỉ rõ năm thi đua" in missing.stderr
