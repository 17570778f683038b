"""Indicator results per phase: computed from the registers, entered with evidence, locked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from thidua_desktop.core import results as core
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.services import initiatives, registration, results, roster
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import AuditEntry, IndicatorResult

JULY = date(2021, 7, 3)  # before the phase-1 lock date (15/07/2021)
AFTER_LOCK = date(2021, 7, 20)


@dataclass
class Year:
    """A tiny unit: who is who in the scenario."""

    lan: str  # woman member since 2015, ĐVCĐ xuất sắc, author of a small initiative recognised in October
    hoa: str  # woman admitted 10/3/2021
    mai: str  # woman hired 01/02/2021, admitted 01/9/2021
    nam: str  # man, CSTĐCS, author of a 90 million initiative recognised 20/5/2021 (LĐST candidate)
    tu: str  # man hired 15/6/2021: under 10 months
    cuc: str  # woman, not a member
    dao: str  # woman member who left on 01/5/2021


def make_year(db) -> Year:
    """The 2021 year of a small CĐCS through the services: roster, registration, initiatives."""
    may = roster.save_group(db, GroupInfo("Tổ may 1", "Nguyễn Thị Lan"))
    co_dien = roster.save_group(db, GroupInfo("Tổ cơ điện"))

    def person(fm, given, gender, **kw):
        return roster.save_person(db, PersonDetail(fm, given, gender=gender, **kw)).id

    y = Year(
        lan=person(
            "Nguyễn Thị",
            "Lan",
            "F",
            group_id=may.id,
            position="Tổ trưởng",
            employed_since=date(2014, 3, 1),
            joined_union_on=date(2015, 5, 1),
        ),
        hoa=person(
            "Trần Thị",
            "Hoa",
            "F",
            group_id=may.id,
            position="Công nhân may",
            employed_since=date(2020, 2, 1),
            joined_union_on=date(2021, 3, 10),
        ),
        mai=person(
            "Lê Thị",
            "Mai",
            "F",
            group_id=may.id,
            position="Công nhân may",
            employed_since=date(2021, 2, 1),
            joined_union_on=date(2021, 9, 1),
        ),
        nam=person(
            "Đinh Văn",
            "Nam",
            "M",
            group_id=co_dien.id,
            position="Thợ sửa máy may",
            employed_since=date(2010, 1, 4),
            joined_union_on=date(2011, 1, 4),
        ),
        tu=person(
            "Phạm Văn",
            "Tú",
            "M",
            group_id=co_dien.id,
            position="Thợ điện",
            employed_since=date(2021, 6, 15),
            joined_union_on=date(2020, 12, 1),
        ),
        cuc=person(
            "Vũ Thị",
            "Cúc",
            "F",
            group_id=may.id,
            position="Công nhân may",
            employed_since=date(2019, 4, 1),
            is_member=False,
        ),
        dao=person(
            "Đào Thị",
            "Đào",
            "F",
            group_id=may.id,
            position="Công nhân may",
            employed_since=date(2012, 4, 1),
            joined_union_on=date(2012, 9, 1),
            left_on=date(2021, 5, 1),
        ),
    )
    info = registration.get_collective(db, 2021)
    info.movement_codes = ["LDG_LDST", "GVN_DVN", "XSD_ATVSLD"]
    info.title_codes = ["CDCS_VM"]
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    info.registered_on = date(2021, 2, 18)
    planned = {"CT02": 2, "CT29": 2, "CT30": 1, "CT28": 1}
    for figure in info.figures:
        if figure.indicator.code in planned:
            figure.value = Decimal(planned[figure.indicator.code])
        figure.is_default = False
    registration.save_collective(db, info)
    registration.register(db, 2021, "LDTT", everyone=True, members_only=True)  # those employed on 18/2
    registration.register(db, 2021, "LDTT", person_ids=[y.tu])  # hired in June: registered by name, later
    registration.register(db, 2021, "CSTDCS", person_ids=[y.nam], planned_initiative="Gá may túi")
    registration.register(db, 2021, "GVN_DVN", person_ids=[y.lan, y.hoa, y.mai, y.dao])
    registration.register(db, 2021, "DVCD_XS", person_ids=[y.lan])

    def recognised(title, who, benefit, decided):
        return InitiativeDraft(
            title=title,
            year=2021,
            phase_number=1 if decided.month <= 6 else 2,
            field="Công nghệ may",
            authors=[AuthorDraft(Decimal(100), person_id=who)],
            first_applied_on=date(2021, 2, 1),
            economic_benefit=Decimal(benefit),
            status="recognised",
            recognition_level="co_so",
            decision_number=f"{decided.month:02d}/QĐ-HL",
            decision_date=decided,
            decision_issuer="Hội đồng sáng kiến Công ty",
        )

    initiatives.save_initiative(db, recognised("Gá may túi", y.nam, 90_000_000, date(2021, 5, 20)))
    initiatives.save_initiative(db, recognised("Khay đựng chỉ", y.lan, 10_000_000, date(2021, 10, 10)))
    initiatives.save_initiative(
        db,
        InitiativeDraft(
            title="Đèn LED khu vực may",
            year=2021,
            phase_number=2,
            field="Cơ điện",
            authors=[AuthorDraft(Decimal(100), person_id=y.tu)],
            status="applying",
            first_applied_on=date(2021, 8, 1),
            economic_benefit=Decimal(5_000_000),
        ),
    )
    return y


@pytest.fixture
def year_db(seeded_db):
    people = make_year(seeded_db)
    return seeded_db, people


def row_of(db, code, today=JULY):
    return next(r for r in results.results_table(db, 2021, today=today) if r.code == code)


def stored_count(db) -> tuple[int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(IndicatorResult)),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


# --- the table and the computed sources ------------------------------------------------------------


def test_table_lists_cdcs_indicators_with_registered_figures(year_db):
    db, _ = year_db
    rows = results.results_table(db, 2021, today=JULY)
    codes = [r.code for r in rows]
    assert "CT02" in codes and "CT10" in codes and "CT30" in codes
    assert "CT01" not in codes and "CT19" not in codes  # the upper level's own targets are hidden
    ct02 = rows[codes.index("CT02")]
    assert (ct02.registered, ct02.registered_is_default, ct02.source) == (Decimal(2), False, "computed")
    assert [c.phase_number for c in ct02.cells] == [1, 2]
    ct10 = rows[codes.index("CT10")]
    assert ct10.registered == Decimal(85) and ct10.kind == "percent"


def test_members_admitted_count_people_joining_until_the_phase_end(year_db):
    db, _ = year_db
    row = row_of(db, "CT02")
    assert row.phase1.value == 1 and row.year.value == 2  # Hoa by 30/6; Hoa and Mai by 31/12
    assert not row.phase1.stored and row.phase1.source == "computed"
    assert "ngày vào công đoàn từ 01/01/2021 đến 30/06/2021" in row.phase1.origin
    assert row.percent_phase1 == Decimal("50.0") and row.percent_year == Decimal("100.0")


def test_initiatives_recognised_match_the_register(year_db):
    db, _ = year_db
    row = row_of(db, "CT29")
    assert row.phase1.value == initiatives.count_recognised(db, date(2021, 1, 1), date(2021, 6, 30)) == 1
    assert row.year.value == initiatives.count_recognised(db, date(2021, 1, 1), date(2021, 12, 31)) == 2
    assert "sổ sáng kiến" in row.year.origin


def test_ldst_authors_before_proposals_are_the_candidates(year_db):
    db, _ = year_db
    row = row_of(db, "CT30")
    # eligible is not awarded: the candidates are said, no figure is claimed
    assert row.phase1.value is None and row.year.value is None
    assert row.year.origin.startswith("Chưa lập danh sách đề nghị: 1 tác giả đủ ngưỡng")


def test_women_gvn_dvn_phase1_counts_registrations_and_the_year_waits_for_the_review(year_db):
    db, _ = year_db
    row = row_of(db, "CT10")
    # registering is not achieving: before the review no rate is claimed; the registrations are said,
    # over the 4 women workers (nữ CNVCLĐ) at work on 30/6, members or not (Mai joins in September)
    assert row.phase1.value is None and row.phase1.numerator is None
    assert (
        row.phase1.origin.startswith("Chưa bình xét: 3 nữ đăng ký phấn đấu") and "trên 4 nữ CNVCLĐ" in row.phase1.origin
    )
    assert row.year.value is None and row.year.source is None
    assert row.year.origin.startswith("Chưa bình xét")


def test_sources_without_records_are_entered(year_db):
    db, _ = year_db
    row = row_of(db, "CT08")
    assert row.computed_from == "officers_trained" and row.source == "entered"
    assert row.phase1.value is None and "chưa có sổ theo dõi tập huấn" in row.phase1.origin
    assert row_of(db, "CT28").source == "entered"


def test_compute_stores_results_and_keeps_entered_ones(year_db):
    db, _ = year_db
    results.enter_result(
        db,
        2021,
        "CT02",
        1,
        value=3,
        note="Theo sổ đoàn viên",
        evidence_number="12/BB-CĐCS",
        evidence_date=date(2021, 6, 30),
        today=JULY,
    )
    summary = results.compute(db, 2021, 1, today=JULY)
    assert summary.stored == 1 and summary.kept_entered == ("CT02 (Đợt 1)",)
    assert [p.split(" ")[0] for p in summary.pending] == ["CT10", "CT30"]  # not decided yet: nothing stored
    row = row_of(db, "CT02")
    assert (row.phase1.value, row.phase1.source, row.phase1.stored) == (3, "entered", True)
    assert row.phase1.evidence_number == "12/BB-CĐCS" and row.phase1.note == "Theo sổ đoàn viên"
    assert row_of(db, "CT29").phase1.stored
    # phase 2 pending for the women's rate: nothing stored, and said why
    summary = results.compute(db, 2021, 2, today=JULY)
    assert any(p.startswith("CT10 (Đợt 2)") for p in summary.pending)
    assert row_of(db, "CT10").year.value is None
    # computing all phases skips the locked one
    later = results.compute(db, 2021, today=AFTER_LOCK)
    assert later.locked and "15/07/2021" in later.locked[0]


def test_clear_result_goes_back_to_the_registers(year_db):
    db, _ = year_db
    results.enter_result(db, 2021, "CT02", 1, value=3, today=JULY)
    results.clear_result(db, 2021, "CT02", 1, today=JULY)
    row = row_of(db, "CT02")
    assert row.phase1.value == 1 and not row.phase1.stored
    with pytest.raises(NotFoundError):
        results.clear_result(db, 2021, "CT02", 1, today=JULY)


# --- entering ----------------------------------------------------------------------------------------


def test_percent_keeps_numerator_and_denominator(year_db):
    db, _ = year_db
    cell = results.enter_result(
        db,
        2021,
        "CT09",
        1,
        numerator=2,
        denominator=3,
        evidence_number="18/KH-LĐLĐ",
        evidence_date=date(2021, 4, 12),
        today=JULY,
    )
    assert (cell.numerator, cell.denominator, cell.value) == (2, 3, Decimal("66.6667"))
    row = row_of(db, "CT09")
    assert row.percent_phase1 is None  # Issue 16: no rate of a rate; the rate is read beside its target
    assert core.format_figure("percent", cell.value, cell.numerator, cell.denominator) == "66,7% (2/3)"


@pytest.mark.parametrize(
    "code, kwargs, words",
    [
        ("CT09", {"numerator": 5, "denominator": 3}, "tử số (5) lớn hơn mẫu số (3)"),
        ("CT09", {"value": 120}, "không được vượt 100%"),
        ("CT09", {"value": 80}, "cần nhập cả tử số và mẫu số"),
        ("CT09", {"numerator": 1, "denominator": 0}, "mẫu số phải lớn hơn 0"),
        ("CT02", {"value": -1}, "không được âm"),
        ("CT02", {"value": Decimal("2.5")}, "phải là số nguyên"),
        ("CT02", {"numerator": 1, "denominator": 2}, "không phải tỷ lệ"),
        ("CT06", {"value": 2}, "chỉ nhận 1 (có, đã thực hiện) hoặc 0"),
        ("CT06", {}, "chưa nhập giá trị"),
        ("CT02", {"value": "abc"}, "không phải là số"),
    ],
)
def test_bad_figures_are_refused_and_nothing_changes(year_db, code, kwargs, words):
    db, _ = year_db
    before = stored_count(db)
    with pytest.raises(ValidationError) as refused:
        results.enter_result(db, 2021, code, 1, today=JULY, **kwargs)
    assert words in refused.value.message and code in refused.value.message
    assert stored_count(db) == before


def test_other_refusals(year_db):
    db, _ = year_db
    with pytest.raises(ValidationError, match="công đoàn cấp trên"):
        results.enter_result(db, 2021, "CT01", 1, value=1, today=JULY)
    with pytest.raises(NotFoundError):
        results.enter_result(db, 2021, "CT99", 1, value=1, today=JULY)
    with pytest.raises(NotFoundError, match="Đợt 3"):
        results.enter_result(db, 2021, "CT02", 3, value=1, today=JULY)
    with pytest.raises(ValidationError, match="ở tương lai"):
        results.enter_result(db, 2021, "CT06", 1, value=1, evidence_date=date(2021, 8, 1), today=JULY)
    with pytest.raises(ValidationError, match="lý do"):
        results.enter_result(db, 2021, "CT24", 1, not_applicable=True, today=JULY)
    with pytest.raises(ValidationError, match="không nhập số liệu"):
        results.enter_result(db, 2021, "CT24", 1, value=1, note="x", not_applicable=True, today=JULY)
    with pytest.raises(ValidationError, match="không áp dụng cho đơn vị"):  # a state-sector indicator
        results.enter_result(db, 2021, "CT16", 1, value=100, today=JULY)


def test_not_applicable_counts_as_a_result(year_db):
    db, _ = year_db
    cell = results.enter_result(
        db, 2021, "CT24", 1, note="Chưa đến kỳ thương lượng thỏa ước.", not_applicable=True, today=JULY
    )
    assert cell.not_applicable and cell.has_result and cell.value is None
    assert row_of(db, "CT24").phase1.not_applicable


def test_after_the_lock_date_results_are_refused(year_db):
    db, _ = year_db
    before = stored_count(db)
    with pytest.raises(ValidationError) as refused:
        results.enter_result(db, 2021, "CT06", 1, value=1, today=AFTER_LOCK)
    assert "Đã qua ngày khóa số liệu 15/07/2021 của đợt 1" in refused.value.message
    assert "phiên bản mới" in refused.value.message
    with pytest.raises(ValidationError, match="khóa"):
        results.compute(db, 2021, 1, today=AFTER_LOCK)
    assert stored_count(db) == before
    assert row_of(db, "CT06", today=AFTER_LOCK).phase1.locked
    # phase 2 is still open
    results.enter_result(db, 2021, "CT06", 2, value=1, today=AFTER_LOCK)


# --- core --------------------------------------------------------------------------------------------


def test_core_percent_of_target_and_wording():
    # Issue 16: a rate of a rate confuses the reviewer; a rate reads "đạt 60%/chỉ tiêu 85%"
    assert core.percent_of_target("percent", Decimal(92), Decimal(85)) is None
    assert core.percent_of_target("count", Decimal(10), Decimal(12)) == Decimal("83.3")
    assert core.against_target("percent", Decimal(60), Decimal(85)) == "đạt 60%/chỉ tiêu 85%"
    assert core.against_target("percent", Decimal("70.5882"), Decimal(85)) == "đạt 70,6%/chỉ tiêu 85%"
    assert core.against_target("count", Decimal(12), Decimal(12)) == ""
    assert core.against_target("percent", None, Decimal(85)) == ""
    assert core.percent_of_target("yesno", Decimal(1), Decimal(1)) == Decimal(100)
    assert core.percent_of_target("count", Decimal(3), None) is None
    assert core.percent_of_target("count", Decimal(3), Decimal(0)) is None
    assert core.format_figure("yesno", Decimal(1)) == "Có"
    assert core.format_figure("money", Decimal(84_000_000)) == "84.000.000 đồng"
    assert core.format_figure("count", Decimal(1200), unit="sáng kiến") == "1.200 sáng kiến"
    assert core.effective_source("computed", "officers_trained") == "entered"
    assert core.effective_source("computed", "members_admitted") == "computed"
    assert core.rate(Decimal(180), Decimal(211)) == Decimal("85.3081")
