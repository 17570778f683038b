"""The demo's phase reports, review and proposals (journey steps 5 and 6), through the services.

``stage_year_end(db, rng, year)`` runs after the registration and the initiatives of
:mod:`thidua_desktop.services.demo`:

* **July.** Phase-1 results computed from the registers, the others entered with their evidence;
  the sơ kết drafted, its placeholders written by chị Hoa, marked complete, numbered and sent
  through the outbox on 04/7, the day before its deadline (the outbox history shows it). The
  Tết gifts (CT13) are counted at Tết, with the people at work that day. The
  dialogue held on 18/6 was left out of the đối thoại indicator (CT27) by mistake. (The
  state-enterprise one, CT26, does not apply to a private company: it is not even offered.)
* **August.** Anh Tùng (LĐLĐ huyện) returns it with a comment on the đối thoại figure; version 2
  corrects it (CT27 done) and is sent on 13/8.
* **December.** A few people have 40+ days off or a reprimand; the review meeting of 22/12 votes
  on every registered title — the union groups' "Tổ công đoàn vững mạnh" too (the collective
  registration holds it; one group falls short) — the majority is applied (caps and exclusions
  included), the proposal list is built and the CĐCS's own Giấy khen decision is recorded.
* **January.** The year results are computed and entered, the tổng kết drafted, completed and sent.

Every choice comes from ``rng`` and fixed dates, so the same seed gives the same content (the
UUIDs of these records are the services' own).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from thidua_desktop.core import report_draft
from thidua_desktop.core.review import Vote
from thidua_desktop.services import reports, results, review, roster, year as year_service
from thidua_desktop.store.database import Database

VIETNAM = timezone(timedelta(hours=7))
RETURN_COMMENT = (
    "Cuộc đối thoại tại nơi làm việc ngày 18/6/2021 của Công ty TNHH May Hoa Lư chưa được ghi ở chỉ tiêu “Tổ chức "
    "đối thoại tại nơi làm việc ở doanh nghiệp ngoài khu vực nhà nước”. Đề nghị CĐCS sửa số liệu và gửi lại báo "
    "cáo."
)
NOT_STATE = "Đơn vị là doanh nghiệp ngoài khu vực nhà nước."  # for entries marked "na" (none now: see applicability)

# Tết Nguyên đán (the first day of the lunar year) of the years a demo may run.
TET = {
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
}


def tet_gifts(db: Database, year: int) -> tuple[date, int]:
    """The day of the CĐCS's "Tết sum vầy" (a week before Tết) and how many people were at work
    that day: the Tết gifts are counted at Tết, not with the year-end roster."""
    from sqlalchemy import func, select

    from thidua_desktop.store.models import Person

    day = TET.get(year, date(year, 2, 5)) - timedelta(days=7)
    with db.reading() as session:
        count = session.scalar(select(func.count()).select_from(Person).where(Person.employed_through(day)))
    return day, int(count or 0)


# code → (value | (numerator, denominator) | "na", note, evidence number, evidence date), per phase.
# Rates over the workforce use the share given here of the roster ("workers").


def _entries(year: int, workers: int, tet: tuple[date, int]) -> dict[int, dict[str, tuple]]:
    d = lambda m, day, y=year: date(y, m, day)  # noqa: E731
    learned = (round(workers * Decimal("0.91")), workers)
    learned_year = (round(workers * Decimal("0.96")), workers)
    phase1 = {
        "CT06": (0, "Đã đổi thẻ cho khoảng hai phần ba số đoàn viên; hoàn thành trong quý III.", "", None),
        "CT08": (
            (9, 15),
            "Cán bộ CĐCS gồm Ban Chấp hành và tổ trưởng công đoàn.",
            "Kế hoạch tập huấn số 18/KH-LĐLĐ",
            d(4, 12),
        ),
        "CT09": ((2, 3), "", "Kế hoạch tập huấn số 18/KH-LĐLĐ", d(4, 12)),
        "CT11": (1, "Ban Nữ công quần chúng thành lập ngày 08/3.", "03/QĐ-CĐCS", d(3, 8)),
        "CT13": (
            1,
            f"Chương trình “Tết sum vầy” ngày {tet[0]:%d/%m}: tặng quà Tết cho {tet[1]} người lao động, đưa đón "
            "40 công nhân xa quê.",
            "Danh sách người lao động nhận quà Tết",
            tet[0],
        ),
        "CT15": (1, "", "05/KH-CĐCS", d(4, 20)),
        "CT17": (
            (96_500_000, 190_000_000),
            "Thu kinh phí và đoàn phí công đoàn 6 tháng.",
            "Báo cáo quyết toán quý II",
            d(7, 2),
        ),
        "CT18": ((0, 1), "Kiểm tra tài chính công đoàn dự kiến vào tháng 12.", "", None),
        "CT21": (learned, "Học tập Nghị quyết Đại hội XIII của Đảng theo tổ công đoàn.", "02/KH-CĐCS", d(3, 1)),
        "CT23": (1, "Hội nghị người lao động ngày 26/01.", "Nghị quyết Hội nghị người lao động", d(1, 26)),
        "CT24": (0, "Đang thương lượng thỏa ước mới.", "", None),
        "CT25": (1, "Bữa ăn giữa ca tăng từ 15.000 lên 18.000 đồng/suất từ 01/4.", "Biên bản thương lượng", d(3, 20)),
        # The mistake anh Tùng finds: the dialogue of 18/6 not entered.
        "CT27": (0, "", "", None),
        "CT28": (1, "", "07/CĐCS", d(5, 10)),
    }
    correction = {
        "CT27": (
            1,
            "Đối thoại định kỳ tại nơi làm việc (sửa theo ý kiến của LĐLĐ huyện).",
            "Biên bản đối thoại",
            d(6, 18),
        ),
    }
    phase2 = dict(phase1)
    phase2.update(correction)
    phase2.update(
        {
            "CT06": (1, "Hoàn thành đổi thẻ đoàn viên.", "Biên bản bàn giao thẻ đoàn viên", d(9, 24)),
            "CT08": (
                (14, 15),
                "Cán bộ CĐCS gồm Ban Chấp hành và tổ trưởng công đoàn.",
                "Kế hoạch tập huấn số 41/KH-LĐLĐ",
                d(9, 6),
            ),
            "CT09": ((3, 3), "", "Kế hoạch tập huấn số 41/KH-LĐLĐ", d(9, 6)),
            "CT17": (
                (184_300_000, 190_000_000),
                "Thu kinh phí và đoàn phí công đoàn cả năm.",
                "Báo cáo quyết toán năm",
                d(12, 31),
            ),
            "CT18": ((1, 1), "", "02/BB-UBKT", d(12, 15)),
            "CT21": (learned_year, "", "02/KH-CĐCS", d(3, 1)),
            "CT24": (1, "Ký thỏa ước lao động tập thể mới ngày 15/9.", "Thỏa ước lao động tập thể", d(9, 15)),
            "CT27": (1, "Hai cuộc đối thoại định kỳ (18/6 và 14/12).", "Biên bản đối thoại", d(12, 14)),
            "CT28": (3, "", "19/CĐCS", d(11, 10)),
        }
    )
    return {1: phase1, 2: phase2, 0: correction}


def _enter(db: Database, year: int, phase: int, entries: dict[str, tuple], today: date) -> None:
    codes = {r.code for r in results.results_table(db, year, today=today)}
    for code, (figure, note, number, when) in entries.items():
        if code not in codes:
            continue
        if figure == "na":
            results.enter_result(db, year, code, phase, note=note, not_applicable=True, today=today)
        elif isinstance(figure, tuple):
            results.enter_result(
                db,
                year,
                code,
                phase,
                numerator=figure[0],
                denominator=figure[1],
                note=note,
                evidence_number=number,
                evidence_date=when,
                today=today,
            )
        else:
            results.enter_result(
                db, year, code, phase, value=figure, note=note, evidence_number=number, evidence_date=when, today=today
            )


MIDYEAR_FILLS = {
    "situation": "dịch COVID-19 diễn biến phức tạp, một số đơn hàng xuất khẩu bị giãn tiến độ; thu nhập của người "
    "lao động chưa ổn định, một số lao động trẻ nghỉ việc chuyển nơi làm.",
    "movement:HCM": "Các tổ công đoàn đăng ký việc làm theo gương Bác; Ban Chấp hành biểu dương 9 tấm gương tiêu "
    "biểu nhân ngày 19/5.",
    "causes": "một số đoàn viên mới chưa tích cực đăng ký sáng kiến; việc theo dõi, tổng hợp số liệu ở các tổ còn "
    "chậm.",
    "recommendations": "đề nghị LĐLĐ huyện Gia Viễn tiếp tục mở lớp tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở "
    "khu vực ngoài nhà nước.",
}
YEAR_FILLS = {
    "situation": "dịch COVID-19 kéo dài làm gián đoạn sản xuất trong quý III; đơn vị vừa sản xuất vừa phòng, chống "
    "dịch, bảo đảm việc làm cho người lao động.",
    "movement:HCM": "Ban Chấp hành biểu dương 12 tấm gương “Làm theo lời Bác” trong hội nghị tổng kết.",
    "causes": "dịch bệnh làm giảm thời gian làm việc; một số tổ chưa quan tâm đúng mức đến việc hướng dẫn đoàn "
    "viên viết hồ sơ sáng kiến.",
    "recommendations": "Đề nghị người sử dụng lao động tiếp tục trích quỹ khen thưởng cho các sáng kiến được công "
    "nhận và hỗ trợ kinh phí tổ chức Hội thi sáng tạo kỹ thuật cấp cơ sở.",
}


def _fill(db: Database, report_id: str, fills: dict[str, str]) -> None:
    info = reports.get_report(db, report_id)
    for section in info.sections:
        if not section.placeholders:
            continue
        text = fills.get(section.key) or (
            "Các tổ công đoàn tuyên truyền, hưởng ứng phong trào; Ban Chấp hành theo dõi, đôn đốc thực hiện."
        )
        start = report_draft.PLACEHOLDER_RE.search(section.text).start()
        new = report_draft.PLACEHOLDER_RE.sub(
            lambda _m: text[0].upper() + text[1:] if start == 0 else text, section.text, count=1
        )
        new = report_draft.PLACEHOLDER_RE.sub("", new)
        reports.update_section(db, report_id, section.key, new)


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM)


def _review(db: Database, rng: random.Random, year: int, today: date) -> None:
    rows = review.review_table(db, year)
    people = sorted({r.person_id for r in rows if r.person_id}, key=str)
    ldtt_only = sorted(
        {r.person_id for r in rows if r.person_id and r.title_code == "LDTT"}
        - {r.person_id for r in rows if r.title_code == "CSTDCS"}
    )
    absent = rng.sample(ldtt_only, 3)
    review.set_inputs(db, year, absent[0], days_off=45)
    review.set_inputs(db, year, absent[1], days_off=62)
    review.set_inputs(db, year, absent[2], days_off=6, discipline="Khiển trách")
    office = sorted(
        (r for r in rows if r.person_id and r.group_name == "Khối văn phòng" and r.position.startswith("Nhân viên")),
        key=lambda r: r.person_id,
    )
    secretary = rng.choice(office).full_name if office else "Thư ký"
    unit = year_service.get_unit(db)
    chair = unit.chair.full_name if unit and unit.chair else "Chủ tịch CĐCS"
    total, present = 21, 20
    review.record_meeting(
        db,
        year,
        date(year, 12, 22),
        "Hội trường Công ty TNHH May Hoa Lư",
        chair,
        secretary,
        total,
        present,
        "Hội nghị Ban Chấp hành mở rộng (Ban Chấp hành, tổ trưởng công đoàn) bình "
        "xét thi đua năm " + str(year) + " trên cơ sở kết quả bình xét của các tổ công đoàn.",
        today=today,
    )
    votes = []
    weak = rng.randrange(len(people)) if people else -1
    groups_rng = random.Random(f"groups:{year}")  # its own stream: the people's votes stay as they were
    group_rows = [r for r in review.review_table(db, year) if r.union_group_id and not r.excluded]
    weak_group = groups_rng.randrange(len(group_rows)) if group_rows else -1
    for r in review.review_table(db, year):
        if r.excluded:
            continue
        if r.union_group_id is not None:
            n = group_rows.index(r)
            vf = groups_rng.randint(6, 10) if n == weak_group else groups_rng.randint(14, present)
        elif r.person_id is None:
            vf = present
        elif r.title_code == "LDTT":
            vf = present - rng.choice((0, 0, 0, 0, 1, 1, 2))
        elif r.title_code == "CSTDCS":
            vf = rng.randint(13, present)
        elif r.title_code == "GVN_DVN":
            vf = rng.randint(13, present) if rng.random() < 0.93 else rng.randint(5, 10)
        else:
            vf = rng.randint(12, present)
        if r.person_id is not None and people and r.person_id == people[weak] and r.title_code != "LDTT":
            vf = rng.randint(4, 9)
        votes.append(Vote(r.person_id, r.title_code, vf, present, union_group_id=r.union_group_id))
    review.record_votes(db, year, votes)
    review.apply_majority(db, year)
    review.build_proposals(db, year)
    review.decide_proposals(db, year, "21/QĐ-CĐCS", date(year, 12, 28), level="own", today=today)


def send_report_on(db: Database, paths, report_id: str, kind: str, year: int, phase: int, at: datetime) -> None:
    """The report numbered and dated ``at``'s day in the register, queued for the upper union with
    its PDF and recorded as delivered then (the outbox history shows it sent that day)."""
    import tempfile
    from pathlib import Path

    from thidua_desktop.services import documents, outbox_queue, report_sending

    with tempfile.TemporaryDirectory(prefix="thidua-demo-bao-cao-") as tmp:
        name = "so-ket" if kind == "midyear" else "tong-ket"
        out = Path(tmp) / f"bao-cao-{name}-{year}-dot-{phase}.pdf"
        documents.produce(db, paths, f"{kind}-report", year, out, phase=phase, on=at.date())
        entry = report_sending.send_report(db, paths, report_id, [out], at=at)
    outbox_queue.record_delivered(db, entry.id, at)


def stage_year_end(db: Database, rng: random.Random, year: int, paths=None) -> None:
    """Journey steps 5–6 for ``year``: the sơ kết (sent, returned, version 2 sent), the review and
    proposals, and the tổng kết (sent). With ``paths`` the first sơ kết is numbered and goes through
    the outbox, sent the day before its deadline."""
    detail = year_service.get_year(db, year)
    first, last = detail.phases[0], detail.phases[-1]
    workers = roster.count_people(db)["total"]
    entries = _entries(year, workers, tet_gifts(db, year))
    # July: the sơ kết.
    july = first.report_due - timedelta(days=2)
    results.compute(db, year, first.number, today=july)
    _enter(db, year, first.number, entries[1], july)
    midyear = reports.draft_report(db, year, "midyear", today=july)
    _fill(db, midyear.id, MIDYEAR_FILLS)
    reports.set_status(db, midyear.id, "complete")
    sent_at = _at(first.report_due - timedelta(days=1), 9, 30)  # on time: the day before its deadline
    if paths is not None:
        send_report_on(db, paths, midyear.id, "midyear", year, first.number, sent_at)
    else:
        reports.set_status(db, midyear.id, "sent", at=sent_at)
    # August: returned, corrected, sent again.
    reports.record_return(db, midyear.id, RETURN_COMMENT)
    second = reports.new_version(db, midyear.id)
    august = date(year, 8, 12)
    _enter(db, year, first.number, entries[0], august)
    for key in ("indicators", "strengths", "weaknesses", "plan"):  # the sections the corrected figures change
        reports.redraft_section(db, second.id, key, today=august)
    reports.set_status(db, second.id, "complete")
    reports.set_status(db, second.id, "sent", at=_at(date(year, 8, 13), 10, 15))
    # December: the review and the proposals.
    _review(db, rng, year, date(year, 12, 30))
    # January: the tổng kết.
    january = last.report_due - timedelta(days=2)
    results.compute(db, year, last.number, today=january)
    _enter(db, year, last.number, entries[2], january)
    final = reports.draft_report(db, year, "year", today=january)
    _fill(db, final.id, YEAR_FILLS)
    reports.set_status(db, final.id, "complete")
    reports.set_status(db, final.id, "sent", at=_at(last.report_due - timedelta(days=1), 14, 0))
