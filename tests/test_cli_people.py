"""``thidua members`` and ``thidua registration`` as a user runs them."""

from __future__ import annotations

import openpyxl
import pytest

from tests.test_cli import SETUP, thidua


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(path), *SETUP).returncode == 0
    return path


def run(folder, *args):
    return thidua("--data-dir", str(folder), *args)


def test_members_groups_add_list_search_export(folder, tmp_path):
    assert run(folder, "members", "groups", "--add", "Tổ may 1", "--leader", "Lê Thị Lan").returncode == 0
    added = run(
        folder,
        "members",
        "add",
        "Đặng Thị Ánh",
        "--birth-date",
        "02/03/1990",
        "--gender",
        "nu",
        "--group",
        "Tổ may 1",
        "--joined",
        "08/03/2021",
    )
    assert added.returncode == 0, added.stderr
    assert run(folder, "members", "add", "Nguyễn Văn An", "--gender", "nam").returncode == 0
    bad_group = run(folder, "members", "add", "Lê Văn Tám", "--group", "Tổ không có")
    assert bad_group.returncode == 1 and "Không có tổ công đoàn" in bad_group.stderr
    listed = run(folder, "members", "list").stdout
    assert listed.index("Nguyễn Văn An") < listed.index("Đặng Thị Ánh")
    found = run(folder, "members", "list", "--search", "dang anh").stdout
    assert "Đặng Thị Ánh" in found and "Nguyễn Văn An" not in found and "Tổng số: 1 người" in found
    out = tmp_path / "ds.xlsx"
    assert run(folder, "members", "export", str(out)).returncode == 0
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(min_row=8, values_only=True))
    assert [(r[1], r[2]) for r in rows] == [("Nguyễn Văn", "An"), ("Đặng Thị", "Ánh")]
    assert rows[1][3].strftime("%d/%m/%Y") == "02/03/1990" and rows[1][4] == "Nữ" and rows[1][7] == "Tổ may 1"


def test_registration_from_the_command_line(folder):
    run(folder, "members", "groups", "--add", "Tổ cơ điện")
    run(folder, "members", "add", "Trần Văn Nam", "--gender", "nam", "--group", "Tổ cơ điện")
    run(folder, "members", "add", "Phạm Thị Hoa", "--gender", "nu", "--group", "Tổ cơ điện")
    collective = run(
        folder,
        "registration",
        "collective",
        "--year",
        "2021",
        "--all-movements",
        "--title",
        "CDCS_VM",
        "--signature",
        "Mỗi tổ một sáng kiến an toàn",
        "--figure",
        "CT02=25",
    )
    assert collective.returncode == 0, collective.stderr
    bad = run(folder, "registration", "collective", "--year", "2021", "--figure", "CT10=120")
    assert bad.returncode == 1 and "không được vượt 100%" in bad.stderr
    assert (
        "Đã thêm 2 đăng ký"
        in run(folder, "registration", "register", "--year", "2021", "--title", "LDTT", "--all").stdout
    )
    assert (
        run(
            folder, "registration", "register", "--year", "2021", "--title", "GVN_DVN", "--group", "Tổ cơ điện"
        ).returncode
        == 0
    )
    checked = run(folder, "registration", "check", "--year", "2021")
    assert checked.returncode == 2
    assert "Trần Văn Nam — Giỏi việc nước, đảm việc nhà: danh hiệu chỉ dành cho nữ." in checked.stdout
    shown = run(folder, "registration", "show", "--year", "2021").stdout
    assert "[x] Lao động giỏi, Lao động sáng tạo" in shown
    assert "Danh hiệu tập thể đăng ký: Công đoàn cơ sở vững mạnh" in shown
    assert "CT02 Kết nạp mới đoàn viên công đoàn: 25 đoàn viên" in shown
    assert "Đã đăng ký: 2/2 người" in shown


def test_members_import_dry_run_then_real_and_bad_file(folder, tmp_path):
    from tests import sheets

    good = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster())
    dry = run(folder, "members", "import", str(good), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Sẽ thêm 4 người, cập nhật 0 người" in dry.stdout and "không bị thay đổi" in dry.stdout
    assert "Tổng số: 0 người" in run(folder, "members", "list").stdout
    real = run(folder, "members", "import", str(good))
    assert real.returncode == 0 and "Đã thêm 4 người" in real.stdout
    again = run(folder, "members", "import", str(good))
    assert "Đã thêm 0 người, cập nhật 4 người" in again.stdout
    bad = sheets.write_xlsx(tmp_path / "sai.xlsx", [["Họ và tên", "Ngày sinh"], ["Lê Văn Sai", "31/02/1990"]])
    refused = run(folder, "members", "import", str(bad))
    assert refused.returncode == 1
    assert "sai.xlsx" in refused.stderr and "dòng 2, cột B" in refused.stderr
    assert "Dữ liệu không bị thay đổi" in refused.stderr
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    refused = run(folder, "members", "import", str(junk))
    assert refused.returncode == 1 and "junk.xlsx" in refused.stderr and "Traceback" not in refused.stderr
    assert "Tổng số: 4 người" in run(folder, "members", "list").stdout
