"""``thidua results|report|review|proposals`` run as a user runs them: real processes on a real folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import sample_profile
from tests.test_cli import thidua
from tests.test_results import make_year
from thidua_desktop.paths import DataPaths


@pytest.fixture
def folder(tmp_path) -> tuple[Path, object]:
    from thidua_desktop.services import year
    from thidua_desktop.store.database import Database

    root = tmp_path / "du-lieu"
    db = Database.open(DataPaths(root).ensure(), actor="kiemthu")
    try:
        year.set_up(db, sample_profile())
        people = make_year(db)
    finally:
        db.close()
    return root, people


def run(root: Path, *args: str):
    return thidua(*args, "--data-dir", str(root))


def ok(root: Path, *args: str) -> str:
    result = run(root, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(root: Path, *args: str) -> str:
    result = run(root, *args)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr


def test_help_is_vietnamese():
    for group, commands in (
        ("results", ("table", "compute", "enter")),
        ("report", ("draft", "show", "edit-section", "status", "new-version", "missing")),
        ("review", ("table", "meeting", "vote", "majority")),
        ("proposals", ("build", "list")),
    ):
        result = thidua(group, "--help")
        assert result.returncode == 0
        for command in commands:
            assert command in result.stdout
    assert "Kết quả thực hiện các chỉ tiêu theo đợt." in thidua("results", "--help").stdout
    assert "tử số" in thidua("results", "enter", "--help").stdout


def test_results_and_the_sơ_kết_from_the_command_line(folder, tmp_path):
    root, _ = folder
    today = ("--today", "03/07/2021")
    computed = ok(root, "results", "compute", "--year", "2021", "--phase", "1", *today)
    assert "Đã tính và lưu 2 kết quả." in computed  # the two not decided yet are said, not stored
    assert "CT10 (Đợt 1): Chưa bình xét" in computed and "CT30 (Đợt 1): Chưa lập danh sách đề nghị" in computed
    out = ok(
        root,
        "results",
        "enter",
        "CT09",
        "--year",
        "2021",
        "--phase",
        "1",
        "--numerator",
        "2",
        "--denominator",
        "3",
        "--evidence-number",
        "18/KH-LĐLĐ",
        "--evidence-date",
        "12/04/2021",
        *today,
    )
    assert "Đã ghi kết quả CT09 Đợt 1: 66,7% (2/3)." in out
    err = refused(
        root,
        "results",
        "enter",
        "CT09",
        "--year",
        "2021",
        "--phase",
        "1",
        "--numerator",
        "5",
        "--denominator",
        "3",
        *today,
    )
    assert "tử số (5) lớn hơn mẫu số (3)" in err
    assert "không được vượt 100%" in refused(
        root, "results", "enter", "CT10", "--year", "2021", "--phase", "1", "--value", "120", *today
    )
    assert "Đã qua ngày khóa số liệu 15/07/2021" in refused(
        root, "results", "enter", "CT06", "--year", "2021", "--phase", "1", "--value", "1", "--today", "20/07/2021"
    )
    table = ok(root, "results", "table", "--year", "2021", *today)
    assert "CT09 Cán bộ nữ công được tập huấn" in table and "Đợt 1: 66,7% (2/3)" in table
    assert "66,7% (2/3) — 66,7% so với đăng ký" not in table, "a rate is read beside its target, not as % of it"
    assert "căn cứ: 18/KH-LĐLĐ ngày 12/04/2021" in table

    drafted = ok(root, "report", "draft", "--year", "2021", "--kind", "midyear", *today)
    assert "SƠ KẾT PHONG TRÀO THI ĐUA 6 THÁNG ĐẦU NĂM 2021" in drafted and "chỗ [Bổ sung: …] cần viết" in drafted
    missing = ok(root, "report", "missing", "--year", "2021", "--kind", "midyear", *today)
    assert "- Mục I. ĐẶC ĐIỂM TÌNH HÌNH: còn 1 chỗ [Bổ sung: …] cần viết." in missing
    assert "còn mục phải bổ sung" in refused(
        root, "report", "status", "--year", "2021", "--kind", "midyear", "complete"
    )
    shown = ok(root, "report", "show", "--year", "2021", "--kind", "midyear")
    keys = re.findall(r"\[([a-z]+(?::[A-Z_]+)?)\]\n", shown)
    assert keys[0] == "situation" and "recommendations" in keys
    text = tmp_path / "muc.txt"
    text.write_text("Khó khăn: dịch COVID-19 làm giãn tiến độ đơn hàng.\n", encoding="utf-8")
    ok(root, "report", "edit-section", "--year", "2021", "--kind", "midyear", "situation", "--file", str(text))
    for key in ("movement:XSD_ATVSLD", "causes", "recommendations", "movement:LDG_LDST", "movement:GVN_DVN"):
        ok(root, "report", "edit-section", "--year", "2021", "--kind", "midyear", key, "--text", "Đã thực hiện.")
    ok(root, "report", "status", "--year", "2021", "--kind", "midyear", "complete")
    assert "đã gửi" in ok(root, "report", "status", "--year", "2021", "--kind", "midyear", "sent")
    err = refused(root, "report", "edit-section", "--year", "2021", "--kind", "midyear", "causes", "--text", "Sửa")
    assert "đã gửi nên chỉ được xem, không sửa được" in err
    assert "Đã thực hiện." in ok(root, "report", "show", "--year", "2021", "--kind", "midyear")
    out = ok(root, "report", "new-version", "--year", "2021", "--kind", "midyear", "--comment", "Sai số liệu đối thoại")
    assert "Đã tạo phiên bản 2" in out
    listed = ok(root, "report", "list", "--year", "2021")
    assert "phiên bản 1: đã gửi (đã có phiên bản mới hơn)" in listed and "phiên bản 2: nháp" in listed
    assert "Sửa theo ý kiến cấp trên: Sai số liệu đối thoại" in ok(
        root, "report", "show", "--year", "2021", "--kind", "midyear"
    )


def test_review_and_proposals_from_the_command_line(folder):
    root, y = folder
    ok(root, "rules", "set", "--year", "2021", "cstdcs_cap_percent_of_ldtt", "50")
    assert "Chưa ghi cuộc họp bình xét" in refused(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--person",
        y.lan[:8],
        "--title",
        "LDTT",
        "--for",
        "9",
        "--total",
        "10",
    )
    assert "chưa quá nửa" in refused(
        root,
        "review",
        "meeting",
        "--year",
        "2021",
        "--date",
        "22/12/2021",
        "--chair",
        "Phạm Thị Hoa",
        "--secretary",
        "Nguyễn Thị Lan",
        "--total",
        "12",
        "--present",
        "5",
        "--today",
        "30/12/2021",
    )
    ok(
        root,
        "review",
        "meeting",
        "--year",
        "2021",
        "--date",
        "22/12/2021",
        "--place",
        "Hội trường",
        "--chair",
        "Phạm Thị Hoa",
        "--secretary",
        "Nguyễn Thị Lan",
        "--total",
        "12",
        "--present",
        "10",
        "--today",
        "30/12/2021",
    )
    err = refused(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--person",
        y.lan[:8],
        "--title",
        "LDTT",
        "--for",
        "11",
        "--total",
        "11",
    )
    assert "Tổng số phiếu (11) lớn hơn số người có mặt tại cuộc họp (10)" in err
    out = ok(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--person",
        y.nam[:8],
        "--title",
        "DVCD_XS",
        "--for",
        "9",
        "--total",
        "10",
        "--achieved",
        "co",
    )
    assert "Cảnh báo: Đinh Văn Nam — Đoàn viên công đoàn xuất sắc: danh hiệu chưa đăng ký." in out
    assert "Đã ghi: nghỉ 45 ngày" in ok(
        root, "review", "inputs", "--year", "2021", "--person", y.hoa[:8], "--days-off", "45"
    )
    for person, title in ((y.lan, "LDTT"), (y.lan, "DVCD_XS"), (y.nam, "LDTT"), (y.nam, "CSTDCS"), (y.hoa, "LDTT")):
        ok(
            root,
            "review",
            "vote",
            "--year",
            "2021",
            "--person",
            person[:8],
            "--title",
            title,
            "--for",
            "9",
            "--total",
            "10",
        )
    ok(root, "review", "vote", "--year", "2021", "--collective", "--title", "CDCS_VM", "--for", "10", "--total", "10")
    out = ok(root, "review", "majority", "--year", "2021")
    assert out.startswith("Đạt: 5;")
    table = ok(root, "review", "table", "--year", "2021")
    assert "Họp bình xét ngày 22/12/2021 tại Hội trường" in table
    assert re.search(
        r"Trần Thị Hoa \(Tổ may 1\) — Lao động tiên tiến: không đạt 9/10 phiếu\n\s+không xét: nghỉ 45", table
    )
    assert "Đinh Văn Nam (Tổ cơ điện) — Đoàn viên công đoàn xuất sắc (chưa đăng ký): ĐẠT 9/10 phiếu" in table
    assert "danh hiệu chưa đăng ký" in ok(root, "review", "findings", "--year", "2021")
    built = ok(root, "proposals", "build", "--year", "2021")
    assert "A. TẬP THỂ" in built and "B. CÁ NHÂN" in built
    assert "Đinh Văn Nam (Thợ sửa máy may, Tổ cơ điện) — Bằng Lao động sáng tạo của Tổng Liên đoàn" in built
    line = re.search(r"\d+\. ([0-9a-f]{8}) Nguyễn Thị Lan .*Giấy khen của Ban Chấp hành CĐCS \[CĐCS tặng\]", built)
    assert line is not None
    ok(root, "proposals", "edit", line.group(1), "--year", "2021", "--summary", "Tổ trưởng gương mẫu.")
    listed = ok(root, "proposals", "list", "--year", "2021", "--level", "own")
    assert "Tổ trưởng gương mẫu." in listed and "Bằng Lao động sáng tạo" not in listed
    assert "Đã ghi Quyết định số 21/QĐ-CĐCS cho 2 dòng." in ok(
        root, "proposals", "decide", "--year", "2021", "--number", "21/QĐ-CĐCS", "--date", "28/12/2021"
    )


def test_union_groups_and_proposal_lines_from_the_command_line(folder):
    from tests.test_review import register_group_title
    from thidua_desktop.store.database import Database

    root, y = folder
    db = Database.open(DataPaths(root), actor="kiemthu")
    try:
        register_group_title(db)
    finally:
        db.close()
    ok(
        root,
        "review",
        "meeting",
        "--year",
        "2021",
        "--date",
        "22/12/2021",
        "--chair",
        "Phạm Thị Hoa",
        "--secretary",
        "Nguyễn Thị Lan",
        "--total",
        "12",
        "--present",
        "10",
        "--today",
        "30/12/2021",
    )
    assert "Không có tổ công đoàn 'Tổ may 9'" in refused(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--group",
        "Tổ may 9",
        "--title",
        "TO_CD_VM",
        "--for",
        "9",
        "--total",
        "10",
    )
    assert "không xét cho tổ công đoàn" in refused(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--group",
        "to may 1",
        "--title",
        "CDCS_VM",
        "--for",
        "9",
        "--total",
        "10",
    )
    ok(
        root,
        "review",
        "vote",
        "--year",
        "2021",
        "--group",
        "to may 1",
        "--title",
        "TO_CD_VM",
        "--for",
        "9",
        "--total",
        "10",
        "--achieved",
        "co",
    )
    table = ok(root, "review", "table", "--year", "2021")
    assert re.search(r"\d+\. tổ CĐ\s+Tổ may 1 — Tổ công đoàn vững mạnh: ĐẠT 9/10 phiếu", table)
    assert re.search(r"\d+\. tổ CĐ\s+Tổ cơ điện — Tổ công đoàn vững mạnh: chưa xét", table)
    ok(root, "review", "inputs", "--year", "2021", "--person", y.hoa[:8], "--days-off", "45")
    assert "nghỉ ? ngày" in ok(root, "review", "inputs", "--year", "2021", "--person", y.hoa[:8], "--clear-days-off")
    built = ok(root, "proposals", "build", "--year", "2021")
    assert re.search(r"\d+\. [0-9a-f]{8} Tổ may 1 — Tổ công đoàn vững mạnh \[CĐCS tặng\]", built)
    assert "Hãy ghi tóm tắt thành tích" in refused(
        root,
        "proposals",
        "add",
        "--year",
        "2021",
        "--group",
        "Tổ cơ điện",
        "--award",
        "GK_CDCS_TT",
        "--level",
        "own",
        "--summary",
        " ",
    )
    added = ok(
        root,
        "proposals",
        "add",
        "--year",
        "2021",
        "--person",
        y.nam[:8],
        "--award",
        "GK_CDCS",
        "--level",
        "own",
        "--summary",
        "Thợ sửa máy giỏi.",
    )
    line = re.search(r"Đinh Văn Nam — Giấy khen của Ban Chấp hành CĐCS \(mã ([0-9a-f]{8})\)", added)
    assert line is not None
    ok(root, "proposals", "edit", line.group(1), "--year", "2021", "--level", "upper")
    assert re.search(
        r"Đinh Văn Nam \(.*\) — Giấy khen của Ban Chấp hành CĐCS \[đề nghị cấp trên\]",
        ok(root, "proposals", "list", "--year", "2021"),
    )
    assert "Đã bỏ dòng đề nghị: Đinh Văn Nam" in ok(root, "proposals", "remove", line.group(1), "--year", "2021")
    assert "Giấy khen của Ban Chấp hành CĐCS" not in ok(root, "proposals", "list", "--year", "2021", "--level", "upper")
