"""The demo union's whole year produces all eight documents, as PDF and as workbook, with the same figures."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from thidua_desktop import paths as app_paths
from thidua_desktop.core import vntext
from thidua_desktop.core.review import Vote
from thidua_desktop.documents import machine
from thidua_desktop.services import demo, documents, reports, review
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

YEAR = 2021
ISSUED = date(2021, 12, 30)
TITLES = {
    "plan": ("KẾ HOẠCH", "KH"),
    "registration": ("BẢN ĐĂNG KÝ THI ĐUA", "ĐK"),
    "initiatives": ("BÁO CÁO", "BC"),
    "midyear-report": ("BÁO CÁO", "BC"),
    "year-report": ("BÁO CÁO", "BC"),
    "review-minutes": ("BIÊN BẢN", "BB"),
    "proposals": ("TỜ TRÌNH", "TTr"),
    "award-decision": ("QUYẾT ĐỊNH", "QĐ"),
}


def pdftext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _complete(db) -> None:
    for info in reports.list_reports(db, YEAR):
        for s in info.sections:
            if s.placeholders:
                reports.update_section(db, info.id, s.key, re.sub(r"\[Bổ sung:[^\]]*\]", "đã thực hiện tốt", s.text))


@pytest.fixture(scope="module")
def year_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:  # this test walks the year end itself, step by step
        mp.setattr("thidua_desktop.services.demo_year_end.stage_year_end", lambda *a, **k: None)
        demo.build_demo(app_paths.DataPaths(root).ensure(), current_cycle=False)
    db = Database.open(app_paths.DataPaths(root), actor="kiemthu")
    reports.draft_report(db, YEAR, "midyear", today=date(2021, 7, 2))
    rows = review.review_table(db, YEAR)
    review.record_meeting(
        db, YEAR, date(2021, 12, 20), "Hội trường Công ty", "Phạm Thị Hoa", "Nguyễn Thu Trang", 15, 14, today=ISSUED
    )
    rng = random.Random(5)
    review.record_votes(
        db,
        YEAR,
        [
            Vote(r.person_id, r.title_code, 14 if rng.random() < 0.9 else 5, 14, union_group_id=r.union_group_id)
            for r in rows
        ],
    )
    review.apply_majority(db, YEAR)
    review.build_proposals(db, YEAR)
    reports.draft_report(db, YEAR, "year", today=ISSUED)
    _complete(db)
    out = tmp_path_factory.mktemp("out")
    made = {}
    for kind in documents.KINDS:
        for suffix in ("pdf", "xlsx"):
            made[kind, suffix] = documents.produce(db, None, kind, YEAR, out / f"{kind}.{suffix}", on=ISSUED)
    yield db, made
    db.close()


def test_all_eight_documents_are_produced_and_numbered_once(year_db):
    db, made = year_db
    assert len(made) == 16
    codes = [made[k, "pdf"].code for k in documents.KINDS]
    assert len(set(codes)) == 8
    for kind in documents.KINDS:
        assert made[kind, "pdf"].code == made[kind, "xlsx"].code
        assert made[kind, "pdf"].code.endswith(f"/{TITLES[kind][1]}-CĐCS")
    register = documents.list_register(db, 2021)
    assert [e.number for e in register] == list(range(1, 9))
    assert all(len(e.files) == 2 for e in register)


def test_every_pdf_has_the_heading_the_number_and_the_signature(year_db):
    _db, made = year_db
    for kind in documents.KINDS:
        text = pdftext(made[kind, "pdf"].path)
        first = text.split("\f")[0]
        for needle in (
            "LĐLĐ HUYỆN GIA VIỄN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            f"Số: {made[kind, 'pdf'].code}",
            "Gia Viễn, ngày 30 tháng 12 năm 2021",
            TITLES[kind][0],
        ):
            assert needle in first, (kind, needle)
        if kind == "review-minutes":
            assert "THƯ KÝ" in text and "CHỦ TRÌ" in text and "Nguyễn Thu Trang" in text
        else:
            assert "TM. BAN CHẤP HÀNH" in text and "CHỦ TỊCH" in text and "Phạm Thị Hoa" in text
            assert "Nơi nhận:" in text


def test_every_workbook_carries_its_machine_data(year_db):
    db, made = year_db
    for kind in documents.KINDS:
        data = machine.read_sheet(made[kind, "xlsx"].path)
        assert data.meta["document_kind"] == kind and data.meta["document_code"] == made[kind, "xlsx"].code
        assert data.meta["unit_name"] == "Công đoàn cơ sở Công ty TNHH May Hoa Lư" and data.meta["year"] == YEAR
        for table in data.tables:
            for record in table.records():
                if record["record_id"] is not None:
                    assert re.fullmatch(r"[0-9a-f]{32}", record["record_id"]), (kind, table.name, record)
    year_data = machine.read_sheet(made["year-report", "xlsx"].path)
    assert year_data.meta["report_kind"] == "year" and year_data.meta["phase"] == 2
    assert year_data.meta["document_version"] == 1


def test_year_report_figures_agree_between_pdf_workbook_and_store(year_db):
    openpyxl = pytest.importorskip("openpyxl")
    db, made = year_db
    from thidua_desktop.services import results

    rows = {r.code: r for r in results.results_table(db, YEAR)}
    data = machine.read_sheet(made["year-report", "xlsx"].path)
    results_rows = [r for r in data.table("indicators").records() if r["measure"] == "result" and r["phase"] == 2]
    assert results_rows
    for r in results_rows:
        stored = rows[r["indicator_code"]].year.value
        assert Decimal(str(r["value"])) == stored
    wb = openpyxl.load_workbook(made["year-report", "xlsx"].path)
    sheet = wb["Chỉ tiêu"]
    by_name = {row[1].value: row for row in sheet.iter_rows(min_row=1) if isinstance(row[0].value, int)}
    admitted = rows["CT02"]
    row = by_name[admitted.name]
    assert row[3].value == admitted.registered and row[5].value == admitted.year.value
    assert row[5].number_format == "#,##0"
    text = pdftext(made["year-report", "pdf"].path)
    line = next(line for line in text.splitlines() if line.strip().startswith("1 ") and "đoàn viên" in line)
    assert vntext.format_number(admitted.year.value) in line and vntext.format_number(admitted.registered) in line


def test_the_award_decision_numbers_its_lines(year_db):
    db, made = year_db
    own = review.list_proposals(db, YEAR, "own")
    assert own and all(p.decision_number == made["award-decision", "pdf"].code for p in own)
    assert all(p.decision_date == ISSUED for p in own)
    text = pdftext(made["award-decision", "pdf"].path)
    assert "Điều 1." in text and "Điều 3." in text and "QUYẾT ĐỊNH:" in text
    assert own[0].name in text


def test_producing_again_keeps_every_number(year_db, tmp_path):
    db, made = year_db
    again = documents.produce(db, None, "year-report", YEAR, tmp_path / "again.pdf")
    assert again.code == made["year-report", "pdf"].code and again.reused_number
    assert again.issued_on == ISSUED and again.redated_from is None
    # a date of another register year cannot be given to its number: refused with the reason, nothing written
    with pytest.raises(ValidationError, match="phải lấy số mới"):
        documents.produce(db, None, "year-report", YEAR, tmp_path / "later.pdf", on=date(YEAR + 1, 1, 3))
    assert not (tmp_path / "later.pdf").exists()
    assert documents.document_date(db, "year-report", YEAR).on == ISSUED


def test_every_shared_figure_is_the_same_in_every_document(year_db):
    """Issue 16: registrations per title, achieved per title and the women registered are one count each,
    the same in the registration, the biên bản, the sơ kết and the tổng kết."""
    db, made = year_db
    text = {
        kind: " ".join(pdftext(made[kind, "pdf"].path).split())
        for kind in ("registration", "review-minutes", "midyear-report", "year-report")
    }
    registered = {
        name: int(n)
        for name, n in re.findall(
            r"- (Lao động tiên tiến|Chiến sĩ thi đua cơ sở|Đoàn viên công đoàn xuất sắc|Giỏi việc nước, đảm việc nhà): "
            r"(\d+) người",
            text["registration"],
        )
    }
    assert registered and registered["Lao động tiên tiến"] > 0
    minutes = {
        name: (int(r), int(a))
        for name, r, a in re.findall(
            r"- (Lao động tiên tiến|Chiến sĩ thi đua cơ sở|Đoàn viên công đoàn xuất sắc|Giỏi việc nước, đảm việc nhà): "
            r"đăng ký (\d+), được công nhận (\d+)",
            text["review-minutes"],
        )
    }
    year_report = {
        name: (int(r), int(a))
        for a, r, name in re.findall(r"(\d+)/(\d+) người đạt danh hiệu “([^”]+)”", text["year-report"])
    }
    for name, count in registered.items():
        assert minutes[name][0] == count, (name, "biên bản")
        assert year_report[name] == minutes[name], (name, "tổng kết")
    women = registered["Giỏi việc nước, đảm việc nhà"]
    for kind in ("midyear-report", "year-report"):
        assert f"Có {women} chị đăng ký phấn đấu đạt danh hiệu “Giỏi việc nước, đảm việc nhà”" in text[kind], kind
    # what was only proposed is never said as awarded
    claimed = re.search(r"được Tổng Liên đoàn tặng Bằng Lao động sáng tạo: (\S+ \S+ \S+)", text["year-report"])
    assert claimed is not None and claimed.group(1) == "chưa có quyết", claimed


def test_every_not_achieved_line_of_the_minutes_says_why(year_db):
    """Issue 16: in the biên bản's annex every "Không đạt" has its reason in "Ghi chú" (left, under 10 months,
    days off, discipline, or the vote)."""
    _db, made = year_db
    data = machine.read_sheet(made["review-minutes", "xlsx"].path)
    lines = data.table("review_results").records()
    failed = [r for r in lines if r["achieved"] is False or r["achieved"] in (0, "FALSE")]
    assert failed, "the demo year has lines not achieved"
    assert all(str(r["note"] or "").strip() for r in failed), [r for r in failed if not r["note"]][:3]
    assert any("phiếu" in str(r["note"]) for r in failed) or any("tháng" in str(r["note"]) for r in failed)
    text = " ".join(pdftext(made["review-minutes", "pdf"].path).split())
    assert str(failed[0]["note"]).split(" ")[0] in text and "Ghi chú" in text


def test_the_proposal_and_the_decision_use_the_wording_a_reviewer_expects(year_db):
    """Issue 16: people and lượt counted apart; the addressee asked to reward or propose upward; awards named
    with the body that confers them; one article per kind of act in the decision, each with its list."""
    _db, made = year_db
    proposal = " ".join(pdftext(made["proposals", "pdf"].path).split())
    assert "xem xét, khen thưởng theo thẩm quyền hoặc đề nghị cấp trên khen thưởng cho" in proposal
    assert re.search(r"\d+ cá nhân( \(\d+ lượt\))? đã có thành tích", proposal)
    assert "Công đoàn cấp trên trực tiếp cơ sở" not in proposal
    decision = " ".join(pdftext(made["award-decision", "pdf"].path).split())
    articles = re.findall(r"Điều (\d+)\. (Công nhận danh hiệu|Tặng|Quyết định này|Các tổ công đoàn)", decision)
    kinds = [k for _n, k in articles]
    assert kinds[-2:] == ["Quyết định này", "Các tổ công đoàn"] and len(kinds) >= 3
    assert [int(n) for n, _k in articles] == list(range(1, len(articles) + 1))
    assert "Tặng Giấy khen của Ban Chấp hành Công đoàn cơ sở" in decision
    assert f"Như Điều {len(articles)};" in decision


def test_the_registration_annex_tells_namesakes_apart_and_closes_with_its_count(year_db):
    """Issue 16: a birth-date column, "Danh sách gồm N người", and the annex's own page numbers."""
    _db, made = year_db
    pages = subprocess.run(
        ["pdftotext", "-layout", str(made["registration", "pdf"].path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    annex = [p for p in pages if "Ngày sinh" in p]
    assert annex and all("Họ và tên" in p for p in annex)
    total = re.search(r"Tổng số (\d+) người đăng ký", " ".join(pdftext(made["registration", "pdf"].path).split()))
    assert total and f"Danh sách gồm {total.group(1)} người" in " ".join(annex[-1].split())
    assert re.search(r"\d{2}/\d{2}/\d{4}|\b(19|20)\d{2}\b", annex[0])
    start = pages.index(annex[0])
    assert pages[start].strip().startswith("Phụ lục")  # its first page: no number
    if len(annex) > 1:
        assert pages[start + 1].strip().splitlines()[0].strip() == "2"  # then its own numbering


def test_a_rate_is_read_beside_its_target_and_a_count_against_it(year_db):
    """Issue 16: "đạt 60%/chỉ tiêu 85%" for a rate, never a rate of a rate; counts keep "đạt …% so với đăng ký"."""
    db, made = year_db
    from thidua_desktop.services import results

    rates = [r for r in results.results_table(db, YEAR) if r.kind == "percent" and r.registered is not None]
    for kind in ("midyear-report", "year-report"):
        text = " ".join(pdftext(made[kind, "pdf"].path).split())
        if kind == "year-report":  # the sơ kết has no rate decided yet: "chưa có số liệu (chỉ tiêu 85%)"
            assert re.search(r"đạt \d+(,\d)?%/chỉ tiêu \d+(,\d)?%", text), kind
        assert "(chỉ tiêu đăng ký" not in text and "(đăng ký 85%" not in text, kind
        assert not re.search(r"\d%( \(\d+/\d+\))? \(đăng ký \d+(,\d)?%", text), kind
    if rates:
        year_text = " ".join(pdftext(made["year-report", "pdf"].path).split())
        r = rates[0]
        if r.year.value is not None:
            expected = (
                f"{r.name}: đạt {vntext.format_percent(r.year.value)}/chỉ tiêu {vntext.format_percent(r.registered)}"
            )
            assert expected in year_text


def test_one_achievement_rewarded_twice_is_warned_about_before_the_number(year_db):
    """Issue 16: a person proposed for the upper union's Giấy khen and the CĐCS's own for the same year is
    named with both awards in the readiness notes of the tờ trình and the quyết định, in the review's checks
    and in the notes of building the list; the documents already produced carry no such line by themselves."""
    db, made = year_db
    upper = [p for p in review.list_proposals(db, YEAR, "upper") if p.person_id and p.award_code == "GK_CTTCS"]
    assert upper
    target = upper[0]
    doubles_before = review.double_reward_warnings(db, YEAR)
    own_codes = {p.award_code for p in review.list_proposals(db, YEAR, "own") if p.person_id == target.person_id}
    added = None
    if "GK_CDCS" not in own_codes:
        added = review.add_proposal(
            db, YEAR, award_code="GK_CDCS", level="own", person_id=target.person_id, summary=target.summary
        )
    try:
        expected = f"{target.name} được đề nghị hai Giấy khen cho cùng thành tích năm {YEAR} trong một đợt"
        for kind in ("proposals", "award-decision"):
            notes = documents.readiness(db, kind, YEAR)
            note = next((n for n in notes if n.startswith(expected)), None)
            assert note is not None, (kind, notes)
            assert "“Giấy khen của Ban Chấp hành CĐCS”" in note and "(đề nghị cấp trên)" in note
        assert not any(n.startswith(expected) for n in documents.readiness(db, "year-report", YEAR))
        checks = [f for f in review.findings(db, YEAR) if f.message.startswith(expected)]
        assert checks and checks[0].severity == "warning" and checks[0].person_id == target.person_id
        assert any(n.startswith(expected) for n in review.build_proposals(db, YEAR).notes)
    finally:
        if added is not None:
            review.remove_proposal(db, added.id)
    assert len(review.double_reward_warnings(db, YEAR)) == len(doubles_before)
    # what was produced says whatever was double then, among its notes
    for kind in ("proposals", "award-decision"):
        assert [m for _r, m in doubles_before] == [n for n in made[kind, "pdf"].notes if "cho cùng thành tích" in n]


def test_no_editing_note_and_no_returned_comment_in_official_text(year_db, tmp_path):
    """Issue 16: the upper union's comment on a returned sơ kết never goes into a document; an editing note in a
    proposal summary or a report section is flagged in the readiness notes (and left as the officer wrote it)."""
    db, made = year_db
    comment = "Đề nghị ghi rõ số liệu đối thoại tại nơi làm việc (sửa theo ý kiến của LĐLĐ huyện)"
    mid = reports.latest_report(db, YEAR, "midyear")
    if mid.status != "sent":
        reports.set_status(db, mid.id, "complete")
        reports.set_status(db, mid.id, "sent")
    if not reports.get_report(db, mid.id).returned_comment:
        reports.record_return(db, mid.id, comment)
    returned = [r for r in reports.list_reports(db, YEAR) if r.returned_comment]
    assert returned
    again = documents.produce(db, None, "midyear-report", YEAR, tmp_path / "midyear-report.pdf", on=ISSUED)
    texts = {kind: " ".join(pdftext(made[kind, "pdf"].path).split()) for kind in documents.KINDS}
    texts["midyear-report (returned)"] = " ".join(pdftext(again.path).split())
    for kind, text in texts.items():
        for r in returned:
            assert " ".join(r.returned_comment.split()) not in text, kind
        assert not re.search(r"\((đã )?(sửa|bổ sung theo)\b", text, re.IGNORECASE), kind
    for kind in documents.KINDS:
        assert not any("ghi chú sửa bài" in n for n in made[kind, "pdf"].notes), kind
    line = review.list_proposals(db, YEAR, "upper")[0]
    review.update_proposal(db, line.id, summary=line.summary + " (sửa theo ý kiến của LĐLĐ huyện)")
    try:
        notes = documents.readiness(db, "proposals", YEAR)
        assert any(
            n.startswith(f"Tóm tắt thành tích của {line.name}") and "“(sửa theo ý kiến của LĐLĐ huyện)”" in n
            for n in notes
        ), notes
        assert not any("ghi chú sửa bài" in n for n in documents.readiness(db, "award-decision", YEAR))
        assert any("ghi chú sửa bài" in f.message for f in review.findings(db, YEAR))
    finally:
        review.update_proposal(db, line.id, summary=line.summary)
    assert not any("ghi chú sửa bài" in n for n in documents.readiness(db, "proposals", YEAR))
