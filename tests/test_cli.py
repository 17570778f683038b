"""The ``thidua`` command, run as a user runs it: a real process on a real data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua_desktop.store.database import HEAD_REVISION

SETUP = [
    "setup",
    "--name",
    "CĐCS Công ty TNHH May Hoa Lư",
    "--upper-union",
    "LĐLĐ huyện Gia Viễn",
    "--place",
    "Gia Viễn",
    "--chair",
    "Phạm Thị Hoa",
    "--deputy",
    "Trần Văn Nam",
    "--plan",
    "ke-hoach-02-KH-LDLD-2021",
]


def thidua(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "thidua_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "du-lieu"
    result = thidua("--data-dir", str(path), *SETUP)
    assert result.returncode == 0, result.stderr
    assert "Đã khởi tạo đơn vị và năm thi đua 2021" in result.stdout
    return path


def test_setup_info_and_year(folder):
    info = thidua("info", "--data-dir", str(folder))
    assert info.returncode == 0
    assert f"Lược đồ dữ liệu: {HEAD_REVISION}" in info.stdout and "Năm thi đua: 2021" in info.stdout
    shown = thidua("year", "show", "2021", "--data-dir", str(folder))
    assert shown.returncode == 0
    assert "Hạn gửi đăng ký thi đua: 20/02/2021" in shown.stdout
    assert "Đợt 1: 01/01/2021 – 30/06/2021; hạn báo cáo 05/07/2021" in shown.stdout
    assert "trên 8.000" in shown.stdout


def test_thidua_home_and_second_setup_refused(folder):
    again = thidua(*SETUP, env={"THIDUA_HOME": str(folder)})
    assert again.returncode == 1
    assert "đã được khởi tạo" in again.stderr


def test_timeline_days_left(folder):
    out = thidua("--data-dir", str(folder), "year", "timeline", "2021", "--today", "30/06/2021")
    assert out.returncode == 0
    assert "05/07/2021  Hạn gửi báo cáo sơ kết Đợt 1  (Còn 5 ngày)" in out.stdout


def test_copy_year_and_rules(folder):
    assert thidua("--data-dir", str(folder), "year", "copy", "2021", "2022").returncode == 0
    assert "2022:" in thidua("--data-dir", str(folder), "year", "list").stdout
    ok = thidua("--data-dir", str(folder), "rules", "set", "--year", "2022", "cstdcs_cap_percent_of_ldtt", "12")
    assert ok.returncode == 0 and "= 12 %" in ok.stdout
    bad = thidua("--data-dir", str(folder), "rules", "set", "--year", "2022", "cstdcs_cap_percent_of_ldtt", "abc")
    assert bad.returncode == 1 and "không phải là số" in bad.stderr
    listed = thidua("--data-dir", str(folder), "rules", "list", "--year", "2022").stdout
    assert "cstdcs_cap_percent_of_ldtt = 12 %" in listed


def test_unit_set_and_validation(folder):
    ok = thidua("--data-dir", str(folder), "unit", "set", "--upper-email", "ldld@giavien.vn")
    assert ok.returncode == 0 and "ldld@giavien.vn" in ok.stdout
    bad = thidua("--data-dir", str(folder), "unit", "set", "--name", " ")
    assert bad.returncode == 1 and "Tên công đoàn cơ sở không được để trống" in bad.stderr
    assert "CĐCS Công ty TNHH May Hoa Lư" in thidua("--data-dir", str(folder), "unit", "show").stdout


def test_backup_restore_check(folder, tmp_path):
    out = tmp_path / "ban-sao.sqlite"
    made = thidua("--data-dir", str(folder), "backup", "--out", str(out))
    assert made.returncode == 0 and out.exists()
    thidua("--data-dir", str(folder), "unit", "set", "--place", "Ninh Bình")
    restored = thidua("--data-dir", str(folder), "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    assert "Dữ liệu trước khi khôi phục được lưu tại" in restored.stdout
    assert "Gia Viễn" in thidua("--data-dir", str(folder), "unit", "show").stdout
    listed = thidua("--data-dir", str(folder), "backups")
    assert "trước khôi phục" in listed.stdout and "(UTC+7)" in listed.stdout  # Vietnam time, as everywhere
    assert thidua("--data-dir", str(folder), "check").returncode == 0


def test_check_fails_on_garbage_and_open_refuses(folder):
    db = folder / "thidua.sqlite"
    for sidecar in ("thidua.sqlite-wal", "thidua.sqlite-shm"):
        (folder / sidecar).unlink(missing_ok=True)
    db.write_bytes(b"\x00garbage" * 512)
    checked = thidua("--data-dir", str(folder), "check")
    assert checked.returncode == 2
    assert "không phải cơ sở dữ liệu SQLite" in checked.stderr
    info = thidua("--data-dir", str(folder), "unit", "show")
    assert info.returncode == 1 and "bị hỏng" in info.stderr and "Traceback" not in info.stderr
    assert db.read_bytes() == b"\x00garbage" * 512


def test_bad_arguments_get_a_vietnamese_message(tmp_path):
    result = thidua("--data-dir", str(tmp_path), "year", "timeline", "2021", "--today", "31/02/2021")
    assert result.returncode == 1
    assert "Lỗi tham số" in result.stderr and "Ngày không hợp lệ" in result.stderr


def test_missing_year_is_refused(folder):
    result = thidua("--data-dir", str(folder), "year", "show", "2030")
    assert result.returncode == 1 and "Chưa có năm thi đua 2030" in result.stderr


@pytest.mark.parametrize("today, expected", [("2026-12-04", 2026), ("2027-03-01", 2027), ("2031-06-15", 2031)])
def test_setup_without_a_plan_starts_this_year_from_the_standard_template(tmp_path, today, expected):
    folder = tmp_path / "moi"
    setup = [a for a in SETUP if a not in ("--plan", "ke-hoach-02-KH-LDLD-2021")]
    result = thidua("--data-dir", str(folder), *setup, env={"THIDUA_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert f"Đã khởi tạo đơn vị và năm thi đua {expected} theo mẫu chuẩn" in result.stdout
    shown = thidua("year", "show", str(expected), "--data-dir", str(folder))
    assert shown.returncode == 0, shown.stderr
    for stale in ("02/KH-LĐLĐ", "Ninh Bình", "8.000", "2021"):
        assert stale not in shown.stdout
    assert f"Đợt 1: 01/01/{expected} – 30/06/{expected}" in shown.stdout


def test_the_2021_plan_refuses_another_year(folder):
    result = thidua("year", "create", "--plan", "ke-hoach-02-KH-LDLD-2021", "--year", "2026", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "chỉ dùng được cho năm 2021" in result.stderr and "Traceback" not in result.stderr
    assert "2026" not in thidua("year", "list", "--data-dir", str(folder)).stdout
    plans = thidua("plans", "--data-dir", str(folder)).stdout
    assert "mau-chuan: Mẫu chuẩn — dùng cho mọi năm" in plans and "chỉ cho năm 2021" in plans
