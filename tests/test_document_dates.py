"""core.document_dates: every document is dated from its event, never the day of export (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.core.document_dates import EventFacts, default_date, warnings, window


def facts(year: int, **kw) -> EventFacts:
    base = dict(
        plan_issued_on=date(year, 1, 25),
        registration_due=date(year, 2, 28),
        phase_start=date(year, 1, 1),
        phase_end=date(year, 12, 15),
        report_due=date(year, 12, 20),
        last_report_due=date(year, 12, 20),
    )
    base.update(kw)
    return EventFacts(year, **base)


@pytest.mark.parametrize("today", [date(2026, 12, 4), date(2031, 6, 1), date(2022, 1, 3)])
def test_a_past_year_is_dated_from_its_events_whatever_today_is(today):
    f = facts(2021, registered_on=date(2021, 2, 18), meeting_on=date(2021, 12, 22))
    assert default_date("registration", f, today).on == date(2021, 2, 18)
    assert default_date("review-minutes", f, today).on == date(2021, 12, 22)
    assert default_date("proposals", f, today).on == date(2021, 12, 22)
    assert default_date("award-decision", f, today).on == date(2021, 12, 22)
    assert default_date("plan", f, today).on == date(2021, 1, 25)
    # a report not yet issued: its deadline or the phase's last day, whichever comes first
    made = default_date("year-report", f, today)
    assert made.on == date(2021, 12, 15) and made.source == "ngày cuối của đợt"
    assert default_date("year-report", facts(2021, report_due=date(2021, 12, 10)), today).source == "hạn gửi báo cáo"


def test_a_recorded_date_wins_over_the_deadline():
    f = facts(2027, report_issued_on=date(2027, 12, 12), decided_on=date(2027, 12, 24), meeting_on=date(2027, 12, 22))
    assert default_date("year-report", f, date(2028, 3, 1)).on == date(2027, 12, 12)
    assert default_date("award-decision", f, date(2028, 3, 1)).on == date(2027, 12, 24)


def test_the_current_year_before_its_deadline_is_dated_today():
    f = facts(2026)
    made = default_date("registration", f, date(2026, 2, 10))
    assert made.on == date(2026, 2, 10) and made.source == "hôm nay"
    assert default_date("midyear-report", f, date(2026, 6, 30)).on == date(2026, 6, 30)


def test_nothing_known_for_a_past_year_stays_inside_its_window():
    f = EventFacts(2021)
    made = default_date("review-minutes", f, date(2026, 12, 4))
    start, end = window(f)
    assert start <= made.on <= end and made.on.year == 2022  # the window's end, never 2026


def test_a_year_far_ahead_is_handled_like_any_other():
    f = facts(2031, registered_on=date(2031, 2, 20))
    assert default_date("registration", f, date(2031, 3, 1)).on == date(2031, 2, 20)
    assert warnings("registration", date(2031, 2, 20), f) == []


def test_odd_dates_are_warned_about_in_vietnamese():
    f = facts(2021, meeting_on=date(2021, 12, 22))
    outside = warnings("registration", date(2026, 12, 4), f)
    assert any("ngoài thời gian của năm thi đua 2021" in w for w in outside)
    assert any("sau hạn đăng ký thi đua (28/02/2021)" in w for w in outside)
    assert warnings("registration", date(2021, 1, 20), f) == [
        "Ngày 20/01/2021 trước ngày ban hành kế hoạch của công đoàn cấp trên (25/01/2021)."
    ]
    assert warnings("proposals", date(2021, 12, 21), f) == ["Ngày 21/12/2021 trước ngày họp bình xét (22/12/2021)."]
    assert warnings("proposals", date(2021, 12, 23), f) == []  # after the meeting: as it should be
    assert warnings("review-minutes", date(2021, 12, 23), f) == [
        "Biên bản ghi cuộc họp ngày 22/12/2021; ngày của biên bản là ngày họp."
    ]
    assert warnings("year-report", date(2021, 12, 21), f) == ["Ngày 21/12/2021 sau hạn gửi báo cáo (20/12/2021)."]
    assert warnings("year-report", date(2021, 12, 20), f) == []


def test_the_window_reaches_past_a_deadline_in_january():
    f = facts(2021, last_report_due=date(2022, 1, 10))
    assert window(f) == (date(2020, 12, 1), date(2022, 2, 24))
    assert (
        warnings(
            "year-report",
            date(2022, 1, 5),
            facts(2021, report_due=date(2022, 1, 10), last_report_due=date(2022, 1, 10)),
        )
        == []
    )
