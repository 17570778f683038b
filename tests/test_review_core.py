"""The review's rules that need no database: the meeting's checks, the proposal rules and wordings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua_desktop.core import review_proposals as proposals
from thidua_desktop.core.review_meeting import check_meeting
from thidua_desktop.core.review_proposals import CollectiveFacts, ProposalRule

TODAY = date(2021, 12, 30)


@dataclass
class Title:
    name: str
    subject: str = "individual"
    category: str = "title"
    issuer: str = "Công đoàn cấp trên"


def test_a_meeting_with_a_quorum_a_chair_and_a_secretary_passes():
    assert check_meeting(2021, date(2021, 12, 22), "Phạm Thị Hoa", "Nguyễn Thị Lan", 12, 10, TODAY) == []
    assert check_meeting(2021, date(2022, 1, 5), "A", "B", 3, 2, date(2022, 1, 6)) == []  # early the next year


def test_the_meeting_checks_say_every_problem():
    assert check_meeting(2021, None, " ", "", True, 1.5, TODAY) == [
        "Hãy ghi ngày họp bình xét.",
        "Tổng số người được triệu tập phải là số nguyên.",
        "Số người có mặt phải là số nguyên.",
        "Hãy ghi người chủ trì cuộc họp.",
        "Hãy ghi thư ký cuộc họp.",
    ]
    assert check_meeting(2021, date(2022, 1, 2), "A", "B", 10, 5, TODAY) == [
        "Ngày họp 02/01/2022 ở tương lai: chỉ ghi cuộc họp đã diễn ra."
    ]
    assert check_meeting(2021, date(2020, 12, 2), "A", "B", -1, 5, TODAY) == [
        "Ngày họp 02/12/2020 không thuộc năm 2021 (hoặc đầu năm 2022).",
        "Tổng số người được triệu tập không được âm.",
    ]
    assert check_meeting(2021, date(2021, 12, 2), "A", "B", 0, 0, TODAY) == [
        "Tổng số người được triệu tập phải lớn hơn 0."
    ]
    assert check_meeting(2021, date(2021, 12, 2), "A", "B", 10, 11, TODAY) == [
        "Số người có mặt (11) lớn hơn tổng số người được triệu tập (10)."
    ]
    assert check_meeting(2021, date(2021, 12, 2), "A", "B", 10, 5, TODAY) == [
        "Chỉ 5/10 người có mặt, chưa quá nửa: cuộc họp không đủ điều kiện bình xét."
    ]


def test_the_rules_read_back_and_fall_back_to_the_defaults():
    rules = [ProposalRule("CSTDCS", "BK_LDLD", "upper"), ProposalRule("GVN_DVN", "GK_CDCS", "own")]
    assert proposals.rules_from_json(proposals.rules_to_json(rules)) == rules
    for stored in (None, "", "not json", '[{"title": "CSTDCS"}]', "3"):
        assert proposals.rules_from_json(stored) == list(proposals.DEFAULT_RULES)


def test_a_rule_and_an_award_are_checked_against_the_catalogue():
    titles = {
        "CSTDCS": Title("Chiến sĩ thi đua cơ sở"),
        "CDCS_VM": Title("CĐCS vững mạnh", "collective"),
        "GK": Title("Giấy khen", category="award", issuer=proposals.OWN_ISSUER),
    }
    assert proposals.check_rules(2021, [ProposalRule("CSTDCS", "GK", "own")], titles) == []
    assert proposals.check_rules(2021, [ProposalRule("CDCS_VM", "NONE", "both")], titles) == [
        "'CDCS_VM' không phải danh hiệu cá nhân trong danh mục năm 2021.",
        "'NONE' không phải hình thức khen thưởng cá nhân trong danh mục năm 2021.",
        "Cấp khen 'both' không hợp lệ: own (CĐCS tặng) hoặc upper (đề nghị cấp trên).",
    ]
    assert proposals.check_award(2021, "X", None, True, "own") == [
        "Hình thức/danh hiệu 'X' không có trong danh mục năm 2021."
    ]
    assert proposals.check_award(2021, "CDCS_VM", titles["CDCS_VM"], True, "upper") == [
        "CĐCS vững mạnh dành cho tập thể, không đề nghị cho cá nhân."
    ]
    assert proposals.check_award(2021, "GK", titles["GK"], False, "x") == [
        "Giấy khen dành cho cá nhân, không đề nghị cho tập thể.",
        "Cấp khen 'x' không hợp lệ: own (CĐCS tặng) hoặc upper (đề nghị cấp trên).",
    ]
    assert proposals.level_of(titles["GK"]) == "own" and proposals.level_of(titles["CSTDCS"]) == "upper"
    group = Title("Tổ công đoàn vững mạnh", "collective", issuer=proposals.OWN_ISSUER)
    assert proposals.is_group_title(group) and not proposals.is_group_title(titles["CDCS_VM"])


def test_decisions_and_votes_are_worded():
    assert proposals.check_decision_date(date(2022, 1, 1), TODAY) == ["Ngày quyết định 01/01/2022 ở tương lai."]
    assert proposals.check_decision_date(TODAY, TODAY) == [] and proposals.check_decision_date(None, TODAY) == []
    assert proposals.decision_text("12/QĐ-CĐ", date(2021, 12, 31)) == "Quyết định số 12/QĐ-CĐ ngày 31/12/2021"
    assert proposals.decision_text("12/QĐ-CĐ", None) == "Quyết định số 12/QĐ-CĐ"
    assert proposals.votes_text(9, 10) == "Bình xét: 9/10 phiếu đồng ý" and proposals.votes_text(None, None) == ""


def test_the_collective_summary_says_what_is_known():
    assert proposals.collective_summary(CollectiveFacts(2021, "CĐCS vững mạnh", 1200, 1150)) == (
        "Năm 2021, đơn vị có 1.200 người lao động, 1.150 đoàn viên. Được bình xét đề nghị công nhận danh hiệu "
        "“CĐCS vững mạnh”."
    )
    full = CollectiveFacts(
        2021,
        "CĐCS vững mạnh",
        12,
        10,
        admitted=0,
        initiatives_recognised=3,
        targets_registered=4,
        targets_measured=4,
        targets_reached=3,
    )
    assert proposals.collective_summary(full) == (
        "Năm 2021, đơn vị có 12 người lao động, 10 đoàn viên, kết nạp mới 0 đoàn viên, 3 sáng kiến được công "
        "nhận. Đạt và vượt 3/4 chỉ tiêu thi đua đã đăng ký. Được bình xét đề nghị công nhận danh hiệu "
        "“CĐCS vững mạnh”."
    )
    partly = CollectiveFacts(2021, "T", 12, 10, initiatives_recognised=0, targets_registered=4, targets_measured=3)
    assert "chỉ tiêu" not in proposals.collective_summary(partly) and "sáng kiến" not in proposals.collective_summary(
        partly
    )


def test_one_achievement_rewarded_twice_in_one_round_is_warned_about():
    """Issue 16: two awards of the same kind (Giấy khen of the CĐCS and of the upper union) for the year."""
    P = proposals.ProposedAward
    own = P("p1", "Nguyễn Văn An", "GK_CDCS", "Giấy khen của Ban Chấp hành CĐCS", "own")
    upper = P(
        "p1", "Nguyễn Văn An", "GK_CTTCS", "Giấy khen của Ban Chấp hành Công đoàn cấp trên trực tiếp cơ sở", "upper"
    )
    ldst = P("p1", "Nguyễn Văn An", "BANG_LDST", "Bằng Lao động sáng tạo của Tổng Liên đoàn", "upper")
    other = P("p2", "Trần Thị Bình", "GK_CDCS", "Giấy khen của Ban Chấp hành CĐCS", "own")
    title = P("g1", "Tổ cắt", "TO_VM", "Tổ công đoàn vững mạnh", "own", category="title")
    title2 = P("g1", "Tổ cắt", "TO_VM_XS", "Tổ công đoàn vững mạnh", "own", category="title")
    found = proposals.double_rewards(2021, [own, upper, ldst, other, title, title2])
    assert len(found) == 1
    line, message = found[0]
    assert line is own
    assert message.startswith("Nguyễn Văn An được đề nghị hai Giấy khen cho cùng thành tích năm 2021 trong một đợt")
    assert "“Giấy khen của Ban Chấp hành CĐCS” (Ban Chấp hành CĐCS tặng)" in message
    assert "“Giấy khen của Ban Chấp hành Công đoàn cấp trên trực tiếp cơ sở” (đề nghị cấp trên)" in message
    # a Bằng LĐST rewards an initiative, another achievement; one Giấy khen each is no double
    assert proposals.double_rewards(2021, [own, ldst, other]) == []
    # two Bằng khen of two levels are a double too
    bk = [
        P("p3", "Lê Văn Cường", "BK_LDLD", "Bằng khen của Ban Chấp hành LĐLĐ tỉnh", "upper"),
        P("p3", "Lê Văn Cường", "BK_TLD", "Bằng khen của Ban Chấp hành Tổng Liên đoàn", "upper"),
    ]
    assert "hai Bằng khen" in proposals.double_rewards(2021, bk)[0][1]
    assert proposals.award_form("Giấy khen của Ban Chấp hành CĐCS") == "Giấy khen"
    assert proposals.award_form("Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”").startswith("Kỷ niệm")
