"""``thidua initiatives …`` run as a user runs it: real processes on a real data folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sheets import write_xlsx
from tests.test_cli import SETUP, thidua


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sang-kien") / "du-lieu"
    steps = [
        SETUP,
        ["members", "add", "Phạm Thị Hoa", "--birth-date", "12/03/1985", "--position", "Tổ trưởng"],
        ["members", "add", "Đinh Văn Tùng", "--birth-date", "04/07/1990", "--position", "Thợ sửa máy may"],
        ["members", "add", "Đinh Văn Tùng", "--birth-date", "05/08/1992", "--position", "Công nhân cắt"],
    ]
    for args in steps:
        result = thidua("--data-dir", str(path), *args)
        assert result.returncode == 0, result.stderr
    return path


def run(folder: Path, *args: str):
    return thidua("initiatives", *args, "--data-dir", str(folder))


def test_help_is_vietnamese():
    result = thidua("initiatives", "--help")
    assert result.returncode == 0
    for command in ("list", "show", "add", "set-status", "attach", "candidates", "import", "export"):
        assert command in result.stdout
    assert "sổ sáng kiến" in result.stdout.lower()


def test_the_journey_from_the_command_line(folder, tmp_path):
    # Two people share the second author's name: refused, both listed with their birth dates.
    ambiguous = run(
        folder,
        "add",
        "--year",
        "2021",
        "--title",
        "Cải tiến gá may túi",
        "--author",
        "pham thi hoa=60",
        "--author",
        "Đinh Văn Tùng=40",
        "--benefit",
        "84.000.000",
    )
    assert ambiguous.returncode == 1
    assert "Có 2 người tên 'Đinh Văn Tùng'" in ambiguous.stderr
    assert "sinh 04/07/1990" in ambiguous.stderr and "sinh 05/08/1992" in ambiguous.stderr
    assert '--author "Đinh Văn Tùng:dd/mm/yyyy=40"' in ambiguous.stderr

    added = run(
        folder,
        "add",
        "--year",
        "2021",
        "--title",
        "Cải tiến gá may túi",
        "--author",
        "pham thi hoa=60",
        "--author",
        "Đinh Văn Tùng:04/07/1990=40",
        "--benefit",
        "84.000.000",
        "--applied",
        "15/03/2021",
        "--phase",
        "1",
        "--field",
        "Công nghệ may",
        "--tag",
        "Chương trình 1 triệu sáng kiến",
        "--social",
        "Giảm thao tác thừa",
    )
    assert added.returncode == 0, added.stderr
    assert "Tám mươi tư triệu đồng" in added.stdout
    initiative_id = re.search(r"mã ([0-9a-f]{32})", added.stdout).group(1)

    bad = run(folder, "set-status", initiative_id[:8], "recognised", "--level", "co_so", "--decision", "05/QĐ-HL")
    assert bad.returncode == 1
    assert "phải có ngày quyết định" in bad.stderr and "cơ quan, đơn vị ra quyết định" in bad.stderr
    ok = run(
        folder,
        "set-status",
        initiative_id[:8],
        "recognised",
        "--level",
        "co_so",
        "--decision",
        "05/QĐ-HL",
        "--date",
        "20/05/2021",
        "--issuer",
        "Hội đồng sáng kiến Công ty TNHH May Hoa Lư",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Được công nhận cấp cơ sở" in ok.stdout

    scan = tmp_path / "quyet-dinh-05.pdf"
    scan.write_bytes(b"%PDF-1.4 " + b"x" * 2048)
    attached = run(folder, "attach", initiative_id[:6], str(scan))
    assert attached.returncode == 0 and "Đã đính kèm quyet-dinh-05.pdf" in attached.stdout

    shown = run(folder, "show", initiative_id)
    assert shown.returncode == 0
    for text in (
        "SÁNG KIẾN: Cải tiến gá may túi",
        "Phạm Thị Hoa (sinh 12/03/1985, Tổ trưởng) — 60%",
        "Đinh Văn Tùng (sinh 04/07/1990, Thợ sửa máy may) — 40%",
        "Giá trị làm lợi: 84.000.000 đồng (bằng chữ: Tám mươi tư triệu đồng)",
        "Quyết định: số 05/QĐ-HL ngày 20/05/2021 của Hội đồng sáng kiến Công ty TNHH May Hoa Lư",
        "Chương trình: Chương trình 1 triệu sáng kiến",
        "quyet-dinh-05.pdf",
    ):
        assert text in shown.stdout, shown.stdout

    other = run(
        folder,
        "add",
        "--year",
        "2021",
        "--title",
        "Đèn LED cho khu vực may",
        "--author",
        "Phạm Thị Hoa=70",
        "--outside",
        "Vũ Đức Thịnh|Công ty TNHH Điện lạnh Tam Điệp=30",
        "--benefit",
        "18000000",
        "--applied",
        "02/08/2021",
    )
    assert other.returncode == 0, other.stderr
    refused = run(
        folder, "add", "--year", "2021", "--title", "Bảng theo dõi năng suất", "--author", "Đinh Văn Tùng:05/08/1992"
    )
    refused_id = re.search(r"mã ([0-9a-f]{32})", refused.stdout).group(1)
    no_reason = run(folder, "set-status", refused_id, "refused")
    assert no_reason.returncode == 1 and "phải ghi lý do" in no_reason.stderr
    assert run(folder, "set-status", refused_id, "refused", "--reason", "Chưa có tính mới.").returncode == 0

    listed = run(folder, "list", "--year", "2021")
    assert listed.returncode == 0
    assert "Tổng số: 3 sáng kiến" in listed.stdout
    assert "Theo trạng thái: Đăng ký: 0; Đang áp dụng: 1; Được công nhận: 1; Không công nhận: 1" in listed.stdout
    assert "Được công nhận theo cấp: Cơ sở: 1" in listed.stdout
    assert "Tổng giá trị làm lợi: 102.000.000 đồng (của sáng kiến được công nhận: 84.000.000 đồng)" in listed.stdout
    found = run(folder, "list", "--search", "ga may tui", "--status", "recognised", "--level", "co_so")
    assert "Cải tiến gá may túi" in found.stdout and "Tổng số: 1 sáng kiến" in found.stdout
    by_author = run(folder, "list", "--author", "vu duc thinh")
    assert "Đèn LED cho khu vực may" in by_author.stdout and "Tổng số: 1 sáng kiến" in by_author.stdout

    candidates = run(folder, "candidates", "--year", "2021")
    assert candidates.returncode == 0
    assert "Chưa có tác giả nào đạt ngưỡng" in candidates.stdout  # 60% of 84 million: 50,4 < 80
    assert (
        run(
            folder,
            "add",
            "--year",
            "2021",
            "--title",
            "Gá may nắp túi hộp",
            "--author",
            "Phạm Thị Hoa",
            "--benefit",
            "40000000",
            "--applied",
            "01/02/2021",
        ).returncode
        == 0
    )
    listed = run(folder, "list", "--search", "nap tui")
    new_id = re.search(r"\[([0-9a-f]{8})\]", listed.stdout).group(1)
    assert (
        run(
            folder,
            "set-status",
            new_id,
            "recognised",
            "--level",
            "co_so",
            "--decision",
            "06/QĐ-HL",
            "--date",
            "25/05/2021",
            "--issuer",
            "Hội đồng sáng kiến",
        ).returncode
        == 0
    )
    candidates = run(folder, "candidates", "--year", "2021")
    assert "1. Phạm Thị Hoa" in candidates.stdout and "90.400.000 đồng ≥ 80.000.000 đồng" in candidates.stdout

    # Export, then import the same file: nothing changes; a broken copy is refused whole.
    out = tmp_path / "so-sang-kien.xlsx"
    exported = run(folder, "export", str(out), "--year", "2021")
    assert exported.returncode == 0 and "Đã ghi 4 sáng kiến" in exported.stdout
    again = run(folder, "import", str(out))
    assert again.returncode == 0, again.stderr
    assert "Đã thêm 0 sáng kiến, cập nhật 0 sáng kiến, 4 sáng kiến không thay đổi" in again.stdout
    before = run(folder, "list").stdout

    from openpyxl import load_workbook

    wb = load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[7]]
    ws.cell(8, header.index("Tác giả") + 1).value = "Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)"
    ws.cell(8, header.index("Ngày sinh tác giả") + 1).value = None  # now the two Tùng cannot be told apart
    ws.cell(9, header.index("Giá trị làm lợi (đồng)") + 1).value = -1
    ws.cell(10, header.index("Tên sáng kiến") + 1).value = "Sáng kiến mới hợp lệ"
    broken = tmp_path / "hong.xlsx"
    wb.save(broken)
    refused_file = run(folder, "import", str(broken))
    assert refused_file.returncode == 1
    assert "dòng 8, cột F (Tác giả): có 2 người tên 'Đinh Văn Tùng'" in refused_file.stderr
    assert "dòng 9, cột J (Giá trị làm lợi (đồng)): Giá trị làm lợi không được âm" in refused_file.stderr
    assert "Dữ liệu không bị thay đổi" in refused_file.stderr
    assert run(folder, "list").stdout == before


def test_ids_and_bad_arguments(folder, tmp_path):
    short = run(folder, "show", "abc")
    assert short.returncode == 1 and "ít nhất 6 ký tự" in short.stderr
    missing = run(folder, "show", "ffffffffff")
    assert missing.returncode == 1 and "Không có sáng kiến nào có mã bắt đầu bằng" in missing.stderr
    status = run(folder, "list", "--status", "good")
    assert status.returncode == 1 and "Lỗi tham số" in status.stderr
    unknown = run(folder, "add", "--year", "2021", "--title", "X", "--author", "Người Không Có=100")
    assert unknown.returncode == 1 and "Không có 'Người Không Có' trong danh sách người lao động" in unknown.stderr
    shares = run(
        folder,
        "add",
        "--year",
        "2021",
        "--title",
        "Y",
        "--author",
        "Phạm Thị Hoa=60",
        "--outside",
        "Lê Văn A|Công ty X=30",
    )
    assert shares.returncode == 1 and "phải bằng 100% (hiện là 90%)" in shares.stderr
    absurd = run(
        folder, "add", "--year", "2021", "--title", "Z", "--author", "Phạm Thị Hoa", "--benefit", "5000000000000000"
    )
    assert absurd.returncode == 1 and "quá 1.000 tỷ đồng" in absurd.stderr
    far = run(folder, "add", "--year", "2021", "--title", "Z", "--author", "Phạm Thị Hoa", "--applied", "01/01/1950")
    assert far.returncode == 1 and "Ngày áp dụng lần đầu 01/01/1950 không hợp lý" in far.stderr
    big = tmp_path / "qua-lon.pdf"
    big.write_bytes(b"")
    listed = run(folder, "list")
    some_id = re.search(r"\[([0-9a-f]{8})\]", listed.stdout)
    if some_id:
        empty = run(folder, "attach", some_id.group(1), str(big))
        assert empty.returncode == 1 and "rỗng" in empty.stderr
    no_file = run(folder, "import", str(tmp_path / "khong-co.xlsx"))
    assert no_file.returncode == 1 and "Không tìm thấy tệp khong-co.xlsx" in no_file.stderr
    sheet = write_xlsx(tmp_path / "khong-phai.xlsx", [["Họ và tên", "Ngày sinh"], ["Phạm Thị Hoa", "12/03/1985"]])
    wrong = run(folder, "import", str(sheet))
    assert (
        wrong.returncode == 1 and "không tìm thấy dòng tiêu đề có cột 'Tên sáng kiến' và cột 'Tác giả'" in wrong.stderr
    )
    bad_export = run(folder, "export", str(tmp_path / "so.csv"))
    assert bad_export.returncode == 1 and "đuôi .xlsx" in bad_export.stderr
