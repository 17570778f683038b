"""Phase reports: drafted from the data, edited, sent read-only, corrected as a new version; the demo year."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.test_results import JULY, make_year, row_of
from thidua_desktop.core import report_draft
from thidua_desktop.core.review import Vote
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, reports, results, review, roster
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import IndicatorResult, Report

AUGUST = date(2021, 8, 12)  # after the phase-1 lock date
SENT_AT = datetime(2021, 7, 4, 2, 30, tzinfo=timezone.utc)
OUTLINE = [
    "situation",
    "results",
    "direction",
    "movements",
    "movement:LDG_LDST",
    "movement:GVN_DVN",
    "movement:XSD_ATVSLD",
    "indicators",
    "commendation",
    "assessment",
    "strengths",
    "weaknesses",
    "causes",
    "plan",
    "recommendations",
]


@pytest.fixture
def year_db(seeded_db):
    return seeded_db, make_year(seeded_db)


def fill_everything(db, report_id):
    info = reports.get_report(db, report_id)
    for s in info.sections:
        if s.placeholders:
            reports.update_section(db, report_id, s.key, report_draft.PLACEHOLDER_RE.sub("Không có.", s.text))
    return reports.get_report(db, report_id)


def send(db, report_id, at=SENT_AT):
    fill_everything(db, report_id)
    reports.set_status(db, report_id, "complete")
    return reports.set_status(db, report_id, "sent", at=at)


# --- drafting -----------------------------------------------------------------------------------------


def test_midyear_draft_follows_the_outline_with_the_figures(year_db):
    db, _ = year_db
    info = reports.draft_report(db, 2021, "midyear", today=JULY)
    assert (info.version, info.status, info.kind, info.phase_number) == (1, "draft", "midyear", 1)
    assert info.title == (
        "Sơ kết phong trào thi đua 6 tháng đầu năm 2021 và phương hướng, nhiệm vụ 6 tháng cuối năm 2021"
    )
    assert [s.key for s in info.sections] == OUTLINE
    headings = {s.key: s.heading for s in info.sections}
    assert (
        headings["situation"] == "I. ĐẶC ĐIỂM TÌNH HÌNH"
        and headings["plan"] == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021"
    )
    assert headings["movement:LDG_LDST"] == "2.1. “Lao động giỏi, Lao động sáng tạo”"
    assert {s.key for s in info.sections if s.container} == {"results", "movements", "assessment"}
    text = {s.key: s.text for s in info.sections}
    # on 30/6: Lan, Hoa, Nam, Tú, Cúc at work (Mai too: hired in February); Đào left in May
    assert (
        "Tính đến ngày 30/06/2021, Công ty TNHH May Hoa Lư có 6 người lao động (nữ 4 người, chiếm 66,7%); công "
        "đoàn cơ sở có 4 đoàn viên (nữ 2 đoàn viên), sinh hoạt tại 2 tổ công đoàn."
    ) in text["situation"]
    assert "kết nạp mới 1 đoàn viên; 1 người nghỉ việc." in text["situation"]
    assert "Ngày 18/02/2021, công đoàn cơ sở đăng ký thi đua với LĐLĐ huyện Gia Viễn" in text["direction"]
    assert "nội dung thi đua đặc thù “Mỗi tổ một sáng kiến an toàn”" in text["direction"]
    assert (
        "Có 1 sáng kiến được công nhận (cấp cơ sở 1), tổng giá trị làm lợi 90.000.000 đồng (bằng chữ: Chín mươi "
        "triệu đồng)."
    ) in text["movement:LDG_LDST"]
    assert "Tiêu biểu: “Gá may túi” của Đinh Văn Nam" in text["movement:LDG_LDST"]
    assert "đủ điều kiện xét đề nghị tặng Bằng Lao động sáng tạo: Đinh Văn Nam" in text["movement:LDG_LDST"]
    assert (
        "- Kết nạp mới đoàn viên công đoàn: 1 đoàn viên (đăng ký 2 đoàn viên; đạt 50% so với đăng ký)."
        in text["indicators"]
    )
    assert "Kết nạp mới đoàn viên công đoàn: phấn đấu thêm 1 đoàn viên để đạt chỉ tiêu 2." in text["plan"]
    assert text["results"] == "" and text["causes"].count("[Bổ sung:") == 1
    # drafting stored the computed results of the phase
    assert row_of(db, "CT02").phase1.stored
    with pytest.raises(ValidationError, match="đã có báo cáo sơ kết"):
        reports.draft_report(db, 2021, "midyear", today=JULY)
    with pytest.raises(ValidationError, match="không hợp lệ"):
        reports.draft_report(db, 2021, "quarter", today=JULY)


def test_placeholders_are_missing_items_and_block_completion(year_db):
    db, _ = year_db
    info = reports.draft_report(db, 2021, "midyear", today=JULY)
    missing = reports.missing_items(db, 2021, "midyear", today=JULY)
    assert any(m.startswith("Chỉ tiêu CT06 Hoàn thành đổi thẻ đoàn viên: chưa có kết quả đợt 1") for m in missing)
    assert "Mục I. ĐẶC ĐIỂM TÌNH HÌNH: còn 1 chỗ [Bổ sung: …] cần viết." in missing
    assert missing[-1] == "Báo cáo sơ kết (phiên bản 1) chưa gửi (đang là bản nháp)."
    assert not any("CT02" in m for m in missing)  # computed
    with pytest.raises(ValidationError) as refused:
        reports.set_status(db, info.id, "complete")
    assert "còn mục phải bổ sung" in refused.value.message and "I. ĐẶC ĐIỂM TÌNH HÌNH" in refused.value.message
    reports.update_section(db, info.id, "strengths", "")
    fill_everything(db, info.id)
    with pytest.raises(ValidationError, match="1. Ưu điểm: để trống"):
        reports.set_status(db, info.id, "complete")
    with pytest.raises(ValidationError, match="hoàn thành"):
        reports.set_status(db, info.id, "sent")
    reports.update_section(db, info.id, "strengths", "Phong trào được hưởng ứng.\r\n\r\n- Dòng hai.  ")
    assert reports.get_report(db, info.id).section("strengths").text == "Phong trào được hưởng ứng.\n\n- Dòng hai."
    assert reports.set_status(db, info.id, "complete").status == "complete"
    assert reports.update_section(db, info.id, "causes", "Không có.").status == "complete"
    assert reports.update_section(db, info.id, "causes", "[Bổ sung: sau]").status == "draft"  # not complete now
    reports.update_section(db, info.id, "causes", "Không có.")
    assert reports.set_status(db, info.id, "complete").status == "complete"
    assert reports.set_status(db, info.id, "draft").status == "draft"  # back, to edit more
    with pytest.raises(NotFoundError, match="không có mục 'nope'"):
        reports.update_section(db, info.id, "nope", "x")
    with pytest.raises(ValidationError, match="không hợp lệ"):
        reports.set_status(db, info.id, "archived")


def test_a_sent_report_is_read_only_and_locks_its_figures(year_db):
    db, _ = year_db
    info = reports.draft_report(db, 2021, "midyear", today=JULY)
    sent = send(db, info.id)
    assert sent.status == "sent" and sent.read_only and sent.sent_at == SENT_AT and sent.issued_on == SENT_AT.date()
    before = reports.get_report(db, info.id)
    for attempt in (
        lambda: reports.update_section(db, info.id, "situation", "Viết đè"),
        lambda: reports.redraft_section(db, info.id, "indicators", today=JULY),
        lambda: reports.set_status(db, info.id, "draft"),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert "đã gửi nên chỉ được xem, không sửa được" in refused.value.message
    assert reports.get_report(db, info.id) == before  # nothing lost, nothing changed
    with pytest.raises(ValidationError, match=r"Báo cáo đợt 1 đã gửi \(phiên bản 1\)"):
        results.enter_result(db, 2021, "CT06", 1, value=1, today=JULY)
    # the figures the report showed are kept: every computed indicator of the phase is stored
    with db.reading() as session:
        codes = set(session.scalars(select(IndicatorResult.indicator_code).where(IndicatorResult.phase_number == 1)))
    assert {"CT02", "CT29"} <= codes
    # not decided yet (the review, the awards): no figure is stored or claimed, the report says why
    pending = {r.code: r.phase1 for r in results.results_table(db, 2021, today=JULY) if r.code in ("CT10", "CT30")}
    assert all(
        c.value is None and c.origin.startswith(("Chưa bình xét", "Chưa lập danh sách")) for c in pending.values()
    )
    assert reports.missing_items(db, 2021, "midyear", today=JULY)[-1] != "chưa gửi"


def test_a_returned_report_is_corrected_as_version_2(year_db):
    db, _ = year_db
    results.enter_result(db, 2021, "CT27", 1, value=0, today=JULY)
    first = reports.draft_report(db, 2021, "midyear", today=JULY)
    with pytest.raises(ValidationError, match="chưa gửi"):
        reports.new_version(db, first.id)
    with pytest.raises(ValidationError, match="Chỉ báo cáo đã gửi"):
        reports.record_return(db, first.id, "Sai số liệu")
    send(db, first.id)
    with pytest.raises(ValidationError, match="ý kiến"):
        reports.record_return(db, first.id, "  ")
    returned = reports.record_return(db, first.id, "Số liệu đối thoại ghi nhầm chỉ tiêu.")
    assert returned.returned_comment == "Số liệu đối thoại ghi nhầm chỉ tiêu." and returned.status == "sent"
    assert any("Cấp trên đã trả lại" in m for m in reports.missing_items(db, 2021, "midyear", today=AUGUST))
    # after the lock date, nothing can change until a correction is open
    with pytest.raises(ValidationError):
        results.enter_result(db, 2021, "CT27", 1, value=1, today=AUGUST)
    second = reports.new_version(db, first.id)
    assert (second.version, second.status, second.supersedes_id) == (2, "draft", first.id)
    assert second.answers_comment == "Số liệu đối thoại ghi nhầm chỉ tiêu."
    assert [s.text for s in second.sections] == [s.text for s in reports.get_report(db, first.id).sections]
    with pytest.raises(ValidationError, match="phiên bản 2 mới hơn"):
        reports.new_version(db, first.id)
    results.enter_result(db, 2021, "CT27", 1, value=1, today=AUGUST)
    redrafted = reports.redraft_section(db, second.id, "indicators", today=AUGUST)
    text = redrafted.section("indicators").text
    assert "doanh nghiệp nhà nước:" not in text  # CT26 does not apply to a non-state unit
    assert "ở doanh nghiệp ngoài khu vực nhà nước: đã thực hiện" in text
    assert (
        "ở doanh nghiệp ngoài khu vực nhà nước: đã thực hiện"
        not in reports.get_report(db, first.id).section("indicators").text
    )
    send(db, second.id, at=datetime(2021, 8, 13, 3, 0, tzinfo=timezone.utc))
    with pytest.raises(ValidationError, match=r"phiên bản 2"):
        results.enter_result(db, 2021, "CT27", 1, value=0, today=AUGUST)
    listed = reports.list_reports(db, 2021)
    assert [(r.version, r.status, r.is_latest) for r in listed] == [(1, "sent", False), (2, "sent", True)]
    assert reports.latest_report(db, 2021, "midyear").id == second.id
    assert reports.resolve_id(db, second.id[:8]) == second.id


def test_year_report_tells_the_review_and_the_proposals(year_db):
    db, y = year_db
    missing = reports.missing_items(db, 2021, "year", today=date(2022, 1, 3))
    assert "Chưa soạn báo cáo tổng kết năm." in missing
    assert "Chưa tổ chức (chưa ghi) cuộc họp bình xét thi đua." in missing
    assert "Chưa lập danh sách đề nghị khen thưởng." in missing
    review.set_proposal_rules(
        db, 2021, [review.ProposalRule("CSTDCS", "GK_CTTCS", "upper"), review.ProposalRule("DVCD_XS", "GK_CDCS", "own")]
    )
    from thidua_desktop.services import year as year_service

    year_service.set_rule(db, 2021, "cstdcs_cap_percent_of_ldtt", 50)
    review.record_meeting(
        db, 2021, date(2021, 12, 22), "Hội trường", "Phạm Thị Hoa", "Nguyễn Thị Lan", 12, 10, today=date(2021, 12, 30)
    )
    review.record_votes(
        db,
        2021,
        [
            Vote(None, "CDCS_VM", 10, 10),
            Vote(y.lan, "LDTT", 10, 10),
            Vote(y.lan, "DVCD_XS", 9, 10),
            Vote(y.lan, "GVN_DVN", 9, 10),
            Vote(y.hoa, "LDTT", 10, 10),
            Vote(y.hoa, "GVN_DVN", 9, 10),
            Vote(y.mai, "LDTT", 9, 10),
            Vote(y.mai, "GVN_DVN", 9, 10),
            Vote(y.nam, "LDTT", 10, 10),
            Vote(y.nam, "CSTDCS", 9, 10),
        ],
    )
    review.apply_majority(db, 2021)
    review.build_proposals(db, 2021)
    info = reports.draft_report(db, 2021, "year", today=date(2022, 1, 3))
    assert info.title == "Tổng kết phong trào thi đua năm 2021 và phương hướng, nhiệm vụ năm 2022"
    text = {s.key: s.text for s in info.sections}
    assert info.section("plan").heading == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"
    # one count per fact: the 6 LĐTT registrations the registration counted (Đào, who left in May, among them)
    assert (
        "Hội nghị bình xét thi đua ngày 22/12/2021 (10/12 người có mặt) đã bình xét: 4/6 người đạt danh hiệu "
        "“Lao động tiên tiến”" in text["commendation"]
    )
    assert "“Giấy khen của Ban Chấp hành Công đoàn cấp trên trực tiếp cơ sở” cho 1 trường hợp" in text["commendation"]
    assert "Ban Chấp hành công đoàn cơ sở tặng Giấy khen cho 1 trường hợp" in text["commendation"]
    assert (
        "Qua bình xét, 3 chị được công nhận danh hiệu “Giỏi việc nước, đảm việc nhà”, đạt 75%/chỉ tiêu 85%."
        in text["movement:GVN_DVN"]
    )
    assert "đề nghị Tổng Liên đoàn tặng Bằng Lao động sáng tạo cho 1 tác giả: Đinh Văn Nam" in text["movement:LDG_LDST"]
    assert "(danh sách đề nghị khen thưởng kèm theo)" in text["recommendations"]
    assert "tổng giá trị làm lợi 100.000.000 đồng (bằng chữ: Một trăm triệu đồng)" in text["movement:LDG_LDST"]
    missing = reports.missing_items(db, 2021, "year", today=date(2022, 1, 3))
    assert not any("bình xét" in m or "đề nghị khen thưởng" in m for m in missing)


def test_overview_shows_two_dates_and_the_checklist(year_db):
    db, _ = year_db
    reports.draft_report(db, 2021, "midyear", today=JULY)
    midyear, year_report = reports.overview(db, 2021, today=JULY)
    assert (midyear.due, midyear.lock_date, midyear.days_left) == (date(2021, 7, 5), date(2021, 7, 15), 2)
    assert midyear.status == "draft" and midyear.version == 1 and midyear.missing and midyear.on_time is None
    assert year_report.status is None and year_report.due == date(2022, 1, 5)
    assert "Chưa soạn báo cáo tổng kết năm." in year_report.missing


def test_core_helpers():
    text = "Khó khăn: [Bổ sung: khó khăn] và [Bổ sung: khác]"
    assert report_draft.placeholders(text) == ["[Bổ sung: khó khăn]", "[Bổ sung: khác]"]
    sections = [{"key": "a", "level": 1}, {"key": "b", "level": 2}, {"key": "c", "level": 1}]
    assert report_draft.containers(sections) == {"a"}


def test_report_titles_name_the_half_year_or_the_phase():
    title = report_draft.title
    assert title("midyear", 2021, "Đợt 1", date(2021, 1, 1), date(2021, 6, 30), "đợt 2") == (
        "Sơ kết phong trào thi đua 6 tháng đầu năm 2021 và phương hướng, nhiệm vụ 6 tháng cuối năm 2021"
    )
    assert title("midyear", 2022, "Đợt 1", date(2022, 1, 1), date(2022, 4, 30), "đợt 2") == (
        "Sơ kết phong trào thi đua đợt 1 năm 2022 và phương hướng, nhiệm vụ đợt 2"
    )
    assert title("year", 2021, "Đợt 2", date(2021, 7, 1), date(2021, 12, 31), "năm 2022") == (
        "Tổng kết phong trào thi đua năm 2021 và phương hướng, nhiệm vụ năm 2022"
    )


# --- the demo year ------------------------------------------------------------------------------------


def build_demo_year(root) -> DataPaths:
    """The demo folder: build_demo runs demo_year_end.stage_year_end as its last stage."""
    paths = DataPaths(root).ensure()
    demo.build_demo(paths, current_cycle=False)
    return paths


@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory):
    return build_demo_year(tmp_path_factory.mktemp("demo-year-end"))


@pytest.fixture
def demo_db(demo_paths):
    database = Database.open(demo_paths, actor="kiemthu")
    yield database
    database.close()


def test_demo_sơ_kết_sent_returned_and_sent_again(demo_db):
    listed = reports.list_reports(demo_db, 2021)
    assert [(r.kind, r.version, r.status) for r in listed] == [
        ("midyear", 1, "sent"),
        ("midyear", 2, "sent"),
        ("year", 1, "sent"),
    ]
    first, second, final = listed
    assert "đối thoại" in first.returned_comment and second.supersedes_id == first.id
    assert first.sent_at.date() == date(2021, 7, 4) and second.sent_at.date() == date(2021, 8, 13)
    assert final.sent_at.date() == date(2022, 1, 4)
    assert (
        "đối thoại tại nơi làm việc ở doanh nghiệp ngoài khu vực nhà nước: đã thực hiện"
        in second.section("indicators").text
    )
    assert (
        "đối thoại tại nơi làm việc ở doanh nghiệp ngoài khu vực nhà nước: đã thực hiện"
        not in first.section("indicators").text
    )
    assert "ở doanh nghiệp nhà nước" not in first.section("indicators").text  # CT26 does not apply
    for info in listed:
        assert not any(s.placeholders for s in info.sections)
    codes = {r.code for r in results.results_table(demo_db, 2021, today=date(2022, 1, 10))}
    assert not codes & {"CT16", "CT22", "CT26"}  # state-sector indicators: not for a private company
    assert row_of(demo_db, "CT27", today=date(2022, 1, 10)).phase1.value == 1
    for kind in ("midyear", "year"):
        assert reports.missing_items(demo_db, 2021, kind, today=date(2022, 1, 10)) == []


def test_demo_review_and_proposals(demo_db):
    meeting = review.get_meeting(demo_db, 2021)
    assert meeting.held_on == date(2021, 12, 22) and meeting.attendance_present <= meeting.attendance_total
    rows = review.review_table(demo_db, 2021)
    assert all(r.achieved is not None for r in rows)
    assert any(r.title_code == "LDTT" and r.excluded and not r.achieved for r in rows)
    assert not any(f.severity == "error" for f in review.findings(demo_db, 2021))
    proposals = review.list_proposals(demo_db, 2021)
    awards = {r.award_code for r in proposals}
    assert {"CDCS_VM", "BANG_LDST", "GK_CTTCS", "GK_CDCS"} <= awards
    assert all(r.decision_number == "21/QĐ-CĐCS" for r in proposals if r.level == "own")
    assert all(r.summary for r in proposals)
    ldst = [r for r in proposals if r.award_code == "BANG_LDST"]
    # proposed is not awarded: no decision of the Tổng Liên đoàn is recorded, so no figure is claimed
    ct30 = row_of(demo_db, "CT30", today=date(2022, 1, 10)).year
    assert ct30.value is None and f"đã đề nghị xét tặng Bằng Lao động sáng tạo cho {len(ldst)} tác giả" in ct30.origin
    ct10 = row_of(demo_db, "CT10", today=date(2022, 1, 10))
    assert ct10.year.stored and ct10.year.numerator <= ct10.year.denominator
    groups = [r for r in proposals if r.award_code == "TO_CD_VM"]  # the union groups reviewed too
    assert groups and all(r.section == "A" and r.level == "own" for r in groups)
    assert len(groups) < sum(1 for r in rows if r.union_group_id)  # one group fell short
    own = next(r for r in proposals if r.level == "own" and r.person_id)
    kinds = {h.kind for h in roster.person_history(demo_db, own.person_id)}
    assert kinds == {"registered", "achieved", "award"}


def test_demo_year_end_is_deterministic(demo_paths, tmp_path):
    other = build_demo_year(tmp_path / "again")

    def content(paths):
        db = Database.open(paths)
        try:
            reps = [
                (r.kind, r.version, r.status, r.title, tuple((s.key, s.text) for s in r.sections))
                for r in reports.list_reports(db, 2021)
            ]
            votes = sorted(
                (r.person_id or "", r.title_code, r.votes_for, r.achieved) for r in review.review_table(db, 2021)
            )
            props = [(r.person_id, r.award_code, r.summary) for r in review.list_proposals(db, 2021)]
            table = [
                (r.code, tuple((c.value, c.numerator, c.denominator, c.note) for c in r.cells))
                for r in results.results_table(db, 2021, today=date(2022, 2, 1))
            ]
            with db.reading() as session:
                count = len(session.scalars(select(Report.id)).all())
            return reps, votes, props, table, count
        finally:
            db.close()

    assert content(other) == content(demo_paths)


def test_the_year_report_claims_no_award_that_was_not_decided(demo_db):
    """Issue 16: proposed is not awarded, registered is not achieved (the report says each as it is)."""
    info = reports.latest_report(demo_db, 2021, "year")
    indicators = info.section("indicators").text
    line = next(t for t in indicators.splitlines() if "Bằng Lao động sáng tạo" in t)
    assert "chưa có quyết định: đã đề nghị xét tặng Bằng Lao động sáng tạo cho 2 tác giả" in line, line
    assert "đạt 200%" not in line and "chỉ tiêu chờ bình xét, quyết định khen thưởng" in indicators


def test_collective_titles_are_said_once_with_counts_and_names(demo_db):
    """Issue 16: "8/9 tổ công đoàn được bình xét đạt “Tổ công đoàn vững mạnh”: Tổ cắt, …", never the title
    repeated per union group."""
    info = reports.latest_report(demo_db, 2021, "year")
    text = info.section("commendation").text
    found = re.search(r"(\d+)/(\d+) tổ công đoàn được bình xét đạt “Tổ công đoàn vững mạnh”: ([^.]+)\.", text)
    assert found, text
    achieved, reviewed, names = int(found.group(1)), int(found.group(2)), found.group(3).split(", ")
    assert 0 < achieved <= reviewed and len(names) == achieved and all(n.startswith("Tổ") for n in names)
    assert text.count("“Tổ công đoàn vững mạnh”") == 1
    assert "Tập thể công đoàn cơ sở được bình xét đề nghị công nhận “Công đoàn cơ sở vững mạnh”." in text


def test_a_rate_reads_beside_its_target_and_a_count_against_it():
    """Issue 16: "đạt 60%/chỉ tiêu 85%"; the percent-of-target arithmetic only for counts."""
    from thidua_desktop.core.report_draft import IndicatorLine, _line

    rate = IndicatorLine(
        "CT10", "Tỷ lệ nữ đạt GVN-ĐVN", "%", "percent", Decimal(85), Decimal(60), Decimal(3), Decimal(5)
    )
    assert _line(rate) == "- Tỷ lệ nữ đạt GVN-ĐVN: đạt 60%/chỉ tiêu 85% (3/5)."
    count = IndicatorLine("CT05", "Sáng kiến", "sáng kiến", "count", Decimal(12), Decimal(12))
    assert _line(count) == "- Sáng kiến: 12 sáng kiến (đăng ký 12 sáng kiến; đạt 100% so với đăng ký)."
    pending = IndicatorLine("CT10", "Tỷ lệ nữ", "%", "percent", Decimal(85), None, pending="chưa bình xét")
    assert _line(pending) == "- Tỷ lệ nữ: chưa bình xét (chỉ tiêu 85%)."


def test_editing_notes_are_found_and_never_deleted():
    """Issue 16: "(sửa theo ý kiến của LĐLĐ huyện)" is a note to the upper union, not official text."""
    text = "Kết nạp 8 đoàn viên (sửa theo ý kiến của LĐLĐ huyện). Tổ (Bổ sung theo góp ý) và (đã sửa số liệu)."
    assert report_draft.editing_notes(text) == [
        "(sửa theo ý kiến của LĐLĐ huyện)",
        "(Bổ sung theo góp ý)",
        "(đã sửa số liệu)",
    ]
    assert report_draft.editing_notes("Tổ bảo trì (sửa chữa máy may) và (theo kế hoạch số 02)") == []
    found = report_draft.report_editing_notes("Sơ kết (sửa)", [("I. ĐẶC ĐIỂM", text), ("II. KẾT QUẢ", "Tốt.")])
    assert found[0].startswith("Tên báo cáo: còn ghi chú sửa bài “(sửa)”")
    assert found[1].startswith("Mục I. ĐẶC ĐIỂM: còn ghi chú sửa bài “(sửa theo ý kiến của LĐLĐ huyện)”")
    assert len(found) == 2


def test_a_report_section_with_an_editing_note_is_flagged_before_sending(year_db):
    db, _ = year_db
    info = reports.draft_report(db, 2021, "midyear", today=JULY)
    key = info.sections[0].key
    heading = info.sections[0].heading
    reports.update_section(db, info.id, key, "Đơn vị có 6 người lao động (sửa theo ý kiến của LĐLĐ huyện).")
    missing = reports.missing_items(db, 2021, "midyear", today=JULY)
    assert f"Mục {heading}: còn ghi chú sửa bài “(sửa theo ý kiến của LĐLĐ huyện)”" in " ".join(missing)
    # warned, not deleted: the officer's text stays as typed
    assert "(sửa theo ý kiến của LĐLĐ huyện)" in reports.get_report(db, info.id).section(key).text
    assert reports.report_editing_notes(db, 2021, "midyear") == [m for m in missing if "ghi chú sửa bài" in m]
