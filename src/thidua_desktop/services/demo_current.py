"""The demo's current cycle: last year complete and this year as far as today, through the services.

The demo union keeps its fully worked 2021 year as history (:mod:`thidua_desktop.services.demo`);
this module adds the years a union installing the app today actually runs:

* **Last year** (today's year − 1): complete — the upper union's plan package taken in, the
  registration, both phases' results, the sơ kết and the tổng kết sent, the review meeting on
  22/12, the proposals and the CĐCS's own Giấy khen decision.
* **This year** (today's year): the upper union's plan package (issued mid-January), the
  registration (made on 12/02, its document sent on 13/02), phase 1 reported, phase 2 in progress — each step only once today has reached
  its date, so nothing is dated in the future.

Each year is first created from the blank standard template (so it gets the rule set of its
year), then the upper union's plan is exported as a **signed** package by a throw-away key of
the upper union (whose certificate the demo folder trusts) and imported exactly as a union
imports the file it receives. Every date is the date of its event and never after ``today``.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from thidua_desktop.core.plan import standard_template
from thidua_desktop.services import registration, reports, results, year as year_service
from thidua_desktop.store.database import Database

HISTORY_YEAR = 2021
UPPER_UNION = "Liên đoàn Lao động tỉnh Ninh Bình"
UPPER_UNION_CODE = "LĐLĐ"
PLACE = "Ninh Bình"
KEY_PASSWORD = "demo-cap-tren"  # a throw-away key made and dropped while the demo is built
_VIETNAM = timezone(timedelta(hours=7))

# the upper union's figures in its package (its own level: the province), by standard indicator code
UPPER_TARGETS = {
    "KET_NAP_DV": (Decimal(6000), "trên 6.000"),
    "CB_TAP_HUAN": (Decimal(90), "90% trở lên"),
    "NU_GVN_DVN": (Decimal(85), "85%"),
    "THANG_CONG_NHAN": (Decimal(200), "200"),
    "TET_SUM_VAY": (Decimal(200), "200"),
    "THU_TAI_CHINH": (Decimal(95), "trên 95%"),
    "QUAN_TRIET_NQ": (Decimal(90), "90% trở lên"),
    "HOI_NGHI_NLD": (Decimal(200), "200"),
    "DOI_THOAI": (Decimal(200), "200"),
    "GIOI_THIEU_DANG": (Decimal(1000), "1.000"),
    "SANG_KIEN": (Decimal(1200), "từ 1.200"),
}
# what the CĐCS registers as its own figure for the entered ones (the computed ones are suggested)
OWN_FIGURES = {
    "THANG_CONG_NHAN": Decimal(1),
    "TET_SUM_VAY": Decimal(1),
    "THU_TAI_CHINH": Decimal(100),
    "QUAN_TRIET_NQ": Decimal(95),
    "HOI_NGHI_NLD": Decimal(1),
    "DOI_THOAI": Decimal(1),
    "KET_NAP_DV": Decimal(8),
    "CB_TAP_HUAN": Decimal(100),
    "NU_GVN_DVN": Decimal(85),
    "GIOI_THIEU_DANG": Decimal(2),
    "SANG_KIEN": Decimal(6),
}


def plan_number(year: int) -> str:
    return f"{(year % 7) + 1:02d}/KH-{UPPER_UNION_CODE}"


def plan_issued_on(year: int) -> date:
    return date(year, 1, 15)


def registration_day(year: int) -> date:
    return date(year, 2, 12)


def years_for(today: date) -> list[int]:
    """The years of the current cycle for ``today``: last year and this year, after the history year."""
    return [y for y in (today.year - 1, today.year) if y > HISTORY_YEAR]


# --- the upper union's plan package ----------------------------------------------------------------


def _upper_key(folder: Path):
    from thidua_desktop.signing import keys

    return keys.create_unit_key(
        UPPER_UNION, folder / "cap-tren.p12", KEY_PASSWORD, algorithm="ec", organization="Công đoàn Việt Nam"
    )


def _take_in_package(db: Database, paths, year: int, key, folder: Path) -> None:
    """Export the upper union's plan for ``year`` signed with ``key``, then import it as a union does."""
    from thidua_desktop import __version__
    from thidua_desktop.exchange import plan_package as pkg
    from thidua_desktop.services import plan_package
    from thidua_desktop.signing import open_signer
    from thidua_desktop.signing.signers import P12Spec
    from thidua_desktop.signing.workbook import sign_workbook

    content = plan_package.year_content(db, year)
    header = dataclasses.replace(
        content.plan,
        plan_key=f"ldld-ninh-binh-{year}",
        plan_number=plan_number(year),
        plan_issuer=UPPER_UNION,
        plan_issued_on=plan_issued_on(year),
        plan_title=(
            "Kế hoạch tổ chức phong trào thi đua trong công nhân, viên chức, lao động và các cấp công đoàn "
            f"tỉnh Ninh Bình năm {year}"
        ),
        theme="Đoàn kết, đổi mới, sáng tạo, chăm lo thiết thực cho đoàn viên, người lao động",
        registration_due=date(year, 2, 28),
    )
    indicators = tuple(
        dataclasses.replace(x, target_value=UPPER_TARGETS[x.code][0], target_text=UPPER_TARGETS[x.code][1])
        if x.code in UPPER_TARGETS
        else x
        for x in content.indicators
    )
    content = dataclasses.replace(content, plan=header, indicators=indicators)
    issuer = pkg.Issuer(
        name=UPPER_UNION,
        code="NB",
        issuer_code=UPPER_UNION_CODE,
        upper_union="Tổng Liên đoàn Lao động Việt Nam",
        place_name=PLACE,
    )
    unsigned = folder / f"goi-{year}.chua-ky.xlsx"
    signed = folder / f"goi-ke-hoach-{year}.xlsx"
    pkg.write_package(
        content,
        issuer,
        unsigned,
        generator=f"thidua_desktop {__version__}",
        issued_on=plan_issued_on(year),
        generated_at=datetime(year, 1, 15, 9, 0, tzinfo=_VIETNAM),
    )
    with open_signer(P12Spec(key.path, KEY_PASSWORD)) as signer:
        sign_workbook(unsigned, signed, signer)
    preview = plan_package.preview_import(db, paths, signed)
    plan_package.apply_import(db, paths, signed, expected_sha256=preview.sha256)


# --- the year's work ---------------------------------------------------------------------------


def _register(db: Database, rng: random.Random, year: int) -> None:
    detail = year_service.get_year(db, year)
    info = registration.get_collective(db, year)
    info.movement_codes = [m.code for m in detail.movements]
    codes = {t.code for t in detail.titles}
    info.title_codes = [c for c in ("CDCS_VM", "TO_CD_VM") if c in codes]
    info.signature_content = "Mỗi tổ một sáng kiến, một công trình an toàn"
    info.commitments = (
        "100% đoàn viên, người lao động đăng ký thi đua; không để xảy ra tai nạn lao động; mỗi tổ "
        "công đoàn có ít nhất một sáng kiến được công nhận."
    )
    info.registered_on = registration_day(year)
    for figure in info.figures:
        own = OWN_FIGURES.get(figure.indicator.code)
        if own is not None:
            figure.value = own
        figure.is_default = False
    registration.save_collective(db, info)
    if "LDTT" in codes:
        registration.register(db, year, "LDTT", everyone=True, members_only=True)
    rows = registration.list_individuals(db, year)
    members = [r for r in rows if r.is_member]
    if "CSTDCS" in codes and members:
        for row in rng.sample(members, min(8, len(members))):
            registration.register(
                db, year, "CSTDCS", person_ids=[row.person_id], planned_initiative=rng.choice(_INITIATIVE_TOPICS)
            )
    if "GVN_DVN" in codes:
        women = [r.person_id for r in members if r.gender == "F"]
        if women:
            registration.register(db, year, "GVN_DVN", person_ids=women)
    if "DVCD_XS" in codes and members:
        registration.register(db, year, "DVCD_XS", person_ids=[r.person_id for r in rng.sample(members, 15)])


_INITIATIVE_TOPICS = (
    "Cữ gấp mép túi áo sơ mi",
    "Sắp xếp lại chuyền may theo nhịp",
    "Tận dụng vải đầu cây",
    "Bảng theo dõi năng suất theo giờ",
    "Gá định vị nhãn cổ áo",
    "Giảm tiếng ồn máy vắt sổ",
)


def _entries(year: int, phase: int, workers: int, until: date, tet: tuple[date, int]) -> dict[str, tuple]:
    """Entered results of a phase: code → (value | (numerator, denominator), note, evidence, its date);
    ``tet``: the day of the Tết gifts and the people at work then (counted at Tết, in phase 1)."""
    d = lambda m, day: date(year, m, day)  # noqa: E731
    gifts = (1, "", "Danh sách người lao động nhận quà Tết", tet[0])
    if phase == 1:
        rows = {
            "THANG_CONG_NHAN": (1, "Phát động Tháng Công nhân, kiểm tra an toàn tại 9 tổ.", "04/KH-CĐCS", d(4, 25)),
            "TET_SUM_VAY": (
                1,
                f"Tặng quà Tết cho {tet[1]} người lao động ngày {tet[0]:%d/%m}, hỗ trợ xe đưa 35 công nhân xa quê "
                "về quê ăn Tết.",
                *gifts[2:],
            ),
            "THU_TAI_CHINH": (
                (98_200_000, 196_000_000),
                "Thu kinh phí và đoàn phí công đoàn 6 tháng.",
                "Báo cáo quyết toán quý II",
                d(6, 30),
            ),
            "QUAN_TRIET_NQ": ((round(workers * 0.9), workers), "Học tập theo tổ công đoàn.", "02/KH-CĐCS", d(3, 5)),
            "HOI_NGHI_NLD": (1, "Hội nghị người lao động ngày 24/01.", "Nghị quyết Hội nghị người lao động", d(1, 24)),
            "DOI_THOAI": (1, "Đối thoại định kỳ tại nơi làm việc ngày 16/6.", "Biên bản đối thoại", d(6, 16)),
        }
    else:
        rows = {
            "THANG_CONG_NHAN": (1, "", "04/KH-CĐCS", d(4, 25)),
            "TET_SUM_VAY": gifts,
            "THU_TAI_CHINH": (
                (194_500_000, 196_000_000),
                "Thu kinh phí và đoàn phí công đoàn cả năm.",
                "Báo cáo quyết toán năm",
                d(12, 31),
            ),
            "QUAN_TRIET_NQ": ((round(workers * 0.96), workers), "", "02/KH-CĐCS", d(3, 5)),
            "HOI_NGHI_NLD": (1, "", "Nghị quyết Hội nghị người lao động", d(1, 24)),
            "DOI_THOAI": (1, "Hai cuộc đối thoại định kỳ (16/6 và 10/12).", "Biên bản đối thoại", d(12, 10)),
        }
    # evidence is never dated after the day the figure is entered
    return {code: row for code, row in rows.items() if row[3] is None or row[3] <= until}


def _enter(db: Database, year: int, phase: int, today: date) -> None:
    from thidua_desktop.services import roster

    workers = roster.count_people(db)["total"]
    codes = {r.code for r in results.results_table(db, year, today=today)}
    results.compute(db, year, phase, today=today)
    from thidua_desktop.services.demo_year_end import tet_gifts

    entries = _entries(year, phase, workers, today, tet_gifts(db, year))
    for code, (figure, note, number, when) in entries.items():
        if code not in codes:
            continue
        if isinstance(figure, tuple):
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


def _report(
    db: Database, year: int, kind: str, day: date, sent: datetime, fills: dict[str, str], paths=None, phase: int = 1
) -> None:
    """A report drafted on ``day`` and sent at ``sent``; with ``paths`` numbered and sent through the outbox."""
    from thidua_desktop.services.demo_year_end import _fill, send_report_on

    info = reports.draft_report(db, year, kind, today=day)
    _fill(db, info.id, fills)
    reports.set_status(db, info.id, "complete")
    if paths is not None:
        send_report_on(db, paths, info.id, kind, year, phase, sent)
    else:
        reports.set_status(db, info.id, "sent", at=sent)


MIDYEAR = {
    "situation": "đơn hàng xuất khẩu ổn định, việc làm của người lao động được bảo đảm; giá cả sinh hoạt tăng "
    "làm đời sống một bộ phận công nhân còn khó khăn.",
    "causes": "một số tổ công đoàn chưa kịp thời tổng hợp số liệu; đoàn viên mới chưa tích cực đăng ký sáng kiến.",
    "recommendations": "đề nghị công đoàn cấp trên tiếp tục mở lớp tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở "
    "khu vực ngoài nhà nước.",
}
YEAR_END = {
    "situation": "doanh nghiệp hoàn thành kế hoạch sản xuất; thu nhập bình quân của người lao động tăng so với năm "
    "trước.",
    "causes": "việc hướng dẫn đoàn viên viết hồ sơ sáng kiến ở một số tổ còn chậm.",
    "recommendations": "Đề nghị người sử dụng lao động tiếp tục trích quỹ khen thưởng cho các sáng kiến được công "
    "nhận.",
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_VIETNAM)


def _send_registration(db: Database, paths, year: int, folder: Path) -> None:
    """The registration document, numbered and dated the day it was made, sent the next morning."""
    from thidua_desktop.services import documents, outbox, outbox_queue

    out = folder / f"ban-dang-ky-thi-dua-{year}.pdf"
    documents.produce(db, paths, "registration", year, out, on=registration_day(year))
    entry = outbox.queue_report(db, paths, [out])
    outbox_queue.record_delivered(db, entry.id, _at(registration_day(year) + timedelta(days=1), 8, 30))


def _stage_year(db: Database, paths, rng: random.Random, year: int, today: date, key, folder: Path) -> None:
    """Everything of ``year`` whose day has come by ``today``."""
    from thidua_desktop.services.demo_year_end import _review

    year_service.create_year(db, standard_template(), year)
    if today >= plan_issued_on(year):
        _take_in_package(db, paths, year, key, folder)
    if today < registration_day(year):
        return
    _register(db, rng, year)
    if today > registration_day(year):
        _send_registration(db, paths, year, folder)
    detail = year_service.get_year(db, year)
    first, last = detail.phases[0], detail.phases[-1]
    # phase 1: figures two days before the deadline, the sơ kết sent the day before it
    if today >= first.report_due - timedelta(days=1):
        day = first.report_due - timedelta(days=2)
        _enter(db, year, first.number, day)
        sent = _at(first.report_due - timedelta(days=1), 9, 30)  # on time, numbered, through the outbox
        _report(db, year, "midyear", day, sent, MIDYEAR, paths, first.number)
    # phase 2 in progress: what was done so far
    progress_day = min(today, last.end)
    if progress_day >= last.start + timedelta(days=30):
        _enter(db, year, last.number, progress_day)
    # the review meeting on 22/12 and the decision on 28/12
    if today >= date(year, 12, 30):
        _review(db, rng, year, date(year, 12, 30))
    # the tổng kết: figures two days before its deadline (in January), sent the day before
    if today >= last.report_due - timedelta(days=1):
        day = last.report_due - timedelta(days=2)
        _enter(db, year, last.number, day)
        _report(db, year, "year", day, _at(last.report_due - timedelta(days=1), 14, 0), YEAR_END)


def stage_current_cycle(db: Database, paths, rng: random.Random, today: date) -> list[int]:
    """Add last year (complete) and this year (as far as ``today``); returns the years added."""
    years = years_for(today)
    if not years:
        return []
    if years[-1] >= 2025:
        # the district federations were dissolved in 2025: the union now reports to the province's
        unit = year_service.get_unit(db)
        if unit is not None:
            year_service.save_unit(
                db,
                dataclasses.replace(
                    unit, upper_union=UPPER_UNION, upper_union_parent="", upper_union_email="ldld.ninhbinh@example.vn"
                ),
            )
    with tempfile.TemporaryDirectory(prefix="thidua-demo-cap-tren-") as tmp:
        folder = Path(tmp)
        key = _upper_key(folder)
        from thidua_desktop.services import signing as signing_service

        signing_service.trust_certificate(paths, key.certificate, UPPER_UNION)
        for year in years:
            _stage_year(db, paths, random.Random(f"{rng.random()}:{year}"), year, today, key, folder)
    return years
