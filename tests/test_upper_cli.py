"""``thidua mode / units / intake / consolidate`` run as a user runs them, and ``thidua demo --unit-code``:
a real demo unit's signed year report taken in by the upper level beside generated ones."""

from __future__ import annotations

import subprocess
from pathlib import Path

from python_calamine import CalamineWorkbook

from thidua_desktop import paths as app_paths
from thidua_desktop.documents.machine import read_sheet
from thidua_desktop.sending.smtp import SmtpSettings
from thidua_desktop.services import outbox
from thidua_desktop.services import demo_units as du

from tests.test_cli import thidua

UPPER = [
    "setup",
    "--name",
    "Liên đoàn Lao động huyện Gia Viễn",
    "--upper-union",
    "LĐLĐ tỉnh Ninh Bình",
    "--place",
    "Gia Viễn",
    "--chair",
    "Nguyễn Văn An",
    "--issuer-code",
    "LĐLĐ",
    "--code",
    "GV",
    "--plan",
    "ke-hoach-02-KH-LDLD-2021",
]
ENV = {"MK_TEST": "mat-khau-thu"}


def run(folder: Path, *args: str, env=None, code: int = 0) -> subprocess.CompletedProcess:
    result = thidua("--data-dir", str(folder), *args, env=env)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_units_intake_status_and_consolidate(tmp_path):
    folder = tmp_path / "cap-tren"
    run(folder, *UPPER)
    assert "công đoàn cấp trên" in run(folder, "mode", "upper").stdout
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    units = [du.synthetic_unit(i, seed=5) for i in range(1, 4)]
    for u in units:
        signer = du.unit_signer(u, tmp_path / "keys")
        figures = du.unit_figures(u)
        du.write(u, "registration", inbox / f"{u.code}-dk.xlsx", signer, figures=figures)
        du.write(u, "year-report", inbox / f"{u.code}-tk.xlsx", signer, figures=figures)
        run(folder, "units", "add", u.code, u.name, "--email", f"{u.code.lower()}@example.vn")
    run(folder, "units", "add", units[0].code, "Khác", code=1)
    shown = run(folder, "units", "trust", "CD001", str(inbox / "CD001-dk.xlsx"))
    assert "Dấu vân tay chứng thư số (SHA-256):" in shown.stdout and "--yes" in shown.stdout
    assert "chứng thư số" not in run(folder, "units", "list").stdout  # nothing trusted yet
    assert "Đã tin cậy" in run(folder, "units", "trust", "CD001", str(inbox / "CD001-dk.xlsx"), "--yes").stdout
    took = run(folder, "intake", str(inbox), "--year", "2021")
    assert "Đã nhận 2 tệp; để riêng 4 tệp." in took.stdout
    assert took.stdout.count("chưa được tin cậy") == 4
    took = run(folder, "intake", str(inbox), "--year", "2021", "--trust-first")
    assert "Đã nhận 4 tệp; để riêng 2 tệp." in took.stdout  # CD001's two are repeats
    assert took.stdout.count("Trùng tệp đã nhận") == 2
    assert took.stdout.count("tin cậy chứng thư số lần đầu") == 2
    listed = run(folder, "units", "list").stdout
    assert listed.count("chứng thư số:") == 3 and "tin cậy khi nhận lần đầu" in listed
    status = run(
        folder, "intake", "status", "--year", "2021", "--today", "01/02/2022", "--out", str(tmp_path / "nop.xlsx")
    )
    assert "CD001      Đăng ký: Đúng hạn 18/02/2021; Sơ kết: Chưa nộp; Tổng kết: Đúng hạn 04/01/2022" in status.stdout
    assert "Cần nhắc 3 đơn vị:" in status.stdout
    assert CalamineWorkbook.from_path(str(tmp_path / "nop.xlsx")).sheet_names == ["Tình hình nộp", "Cần nhắc"]
    assert "ĐỂ RIÊNG" in run(folder, "intake", "list", "--year", "2021").stdout
    refused = run(folder, "intake", "remind", "--year", "2021", "--today", "01/02/2022", code=1)
    assert "máy chủ thư" in refused.stderr
    outbox.save_smtp_settings(
        app_paths.resolve(folder),
        SmtpSettings(host="127.0.0.1", port=2525, security="plain", from_addr="ldld.giavien@example.vn"),
    )
    one = run(folder, "intake", "remind", "--year", "2021", "--today", "01/02/2022", "--unit", "cd002").stdout
    assert "ĐÃ XẾP   CD002" in one and "Đã xếp 1 thư nhắc" in one
    rest = run(folder, "intake", "remind", "--year", "2021", "--today", "01/02/2022").stdout
    assert "ĐÃ NHẮC  CD002" in rest and "Đã xếp 2 thư nhắc" in rest
    assert "Đã xếp 0 thư nhắc" in run(folder, "intake", "remind", "--year", "2021", "--today", "01/02/2022").stdout
    queued = run(folder, "outbox", "list").stdout
    assert queued.count("Nhắc") >= 3 or queued.count("nhắc") >= 3, queued
    made = run(folder, "consolidate", "--year", "2021", "--out", str(tmp_path / "tong-hop.xlsx"))
    assert "Đã tổng hợp 3 báo cáo" in made.stdout
    data = read_sheet(tmp_path / "tong-hop.xlsx")
    assert data.meta["document_kind"] == "consolidation" and data.meta["unit_code"] == "GV"
    expected = sum(du.unit_figures(u).results["CT02"][2][0] for u in units)
    ct02 = next(
        r for r in data.table("indicators").records() if r["indicator_code"] == "CT02" and r["measure"] == "result"
    )
    assert ct02["value"] == expected
    run(folder, "consolidate", "--year", "2021", "--out", str(tmp_path / "tong-hop.pdf"))
    assert (tmp_path / "tong-hop.pdf").read_bytes().startswith(b"%PDF")
    refused = run(folder, "consolidate", "--year", "2021", "--phase", "1", "--out", str(tmp_path / "x.xlsx"), code=1)
    assert "chưa có gì để tổng hợp" in refused.stderr
    scratch = run(
        tmp_path / "khac", "consolidate", str(inbox), "--year", "2021", "--scratch", "--out", str(tmp_path / "tam.xlsx")
    )
    assert "Đã tổng hợp 3 báo cáo" in scratch.stdout


def test_a_real_demo_unit_reports_to_the_upper_level(tmp_path):
    """``thidua demo --unit-code CODE --seed N``: another unit whose signed tổng kết is taken in and added up."""
    demo = tmp_path / "cdcs"
    made = run(demo, "demo", "--people", "40", "--unit-code", "CD777", "--seed", "7")
    assert "Đã tạo dữ liệu mẫu" in made.stdout
    shown = run(demo, "unit", "show").stdout
    assert "CD777" in shown and "May Hoa Lư" not in shown
    key = tmp_path / "cd777.p12"
    run(demo, "keys", "create", "--name", "CĐCS CD777", "--out", str(key), "--password-env", "MK_TEST", env=ENV)
    out = tmp_path / "tong-ket.xlsx"
    run(
        demo,
        "document",
        "year-report",
        "--year",
        "2021",
        "--out",
        str(out),
        "--sign",
        "--p12",
        str(key),
        "--password-env",
        "MK_TEST",
        env=ENV,
    )
    signed = tmp_path / "tong-ket-da-ky.xlsx"
    meta = read_sheet(signed).meta
    assert meta["unit_code"] == "CD777" and meta["document_kind"] == "year-report"
    upper = tmp_path / "cap-tren"
    run(upper, *UPPER)
    run(upper, "units", "add", "CD777", str(meta["unit_name"]))
    generated = du.synthetic_unit(1, seed=9)
    du.write(
        generated,
        "year-report",
        tmp_path / "cd001.xlsx",
        du.unit_signer(generated, tmp_path / "keys"),
        figures=du.unit_figures(generated),
    )
    run(upper, "units", "add", generated.code, generated.name)
    took = run(upper, "intake", str(signed), str(tmp_path / "cd001.xlsx"), "--year", "2021", "--trust-first")
    assert "Đã nhận 2 tệp; để riêng 0 tệp." in took.stdout
    run(upper, "consolidate", "--year", "2021", "--out", str(tmp_path / "th.xlsx"))
    rows = read_sheet(tmp_path / "th.xlsx").table("indicators").records()
    demo_rows = {
        r["indicator_code"]: r
        for r in read_sheet(signed).table("indicators").records()
        if r["measure"] == "result" and r["phase"] == 2
    }
    mine = du.unit_figures(generated)
    for r in rows:
        if r["measure"] != "result" or r["kind"] not in ("count", "money") or r["indicator_code"] not in demo_rows:
            continue
        assert r["value"] == (demo_rows[r["indicator_code"]]["value"] or 0) + mine.results[r["indicator_code"]][2][0]
