"""``thidua document … --sign``: the signed pair (PDF and workbook) under one number."""

from __future__ import annotations

from tests.test_cli import SETUP, thidua


def test_document_sign_produces_and_signs_the_pair(tmp_path):
    folder = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(folder), *SETUP).returncode == 0
    assert thidua("--data-dir", str(folder), "members", "add", "Phạm Thị Hoa", "--gender", "nu").returncode == 0
    added = thidua(
        "--data-dir",
        str(folder),
        "initiatives",
        "add",
        "--year",
        "2021",
        "--title",
        "Cải tiến gá may túi",
        "--author",
        "Phạm Thị Hoa=100",
        "--benefit",
        "84000000",
    )
    assert added.returncode == 0, added.stderr
    env = {"MK_TEST": "mat-khau-thu"}
    key = tmp_path / "unit.p12"
    made = thidua(
        "keys",
        "create",
        "--name",
        "CĐCS Công ty TNHH May Hoa Lư",
        "--out",
        str(key),
        "--password-env",
        "MK_TEST",
        env=env,
    )
    assert made.returncode == 0, made.stderr
    cert = tmp_path / "unit.pem"
    assert (
        thidua("keys", "export-cert", str(key), "--password-env", "MK_TEST", "--out", str(cert), env=env).returncode
        == 0
    )
    out = tmp_path / "sang-kien.pdf"
    result = thidua(
        "--data-dir",
        str(folder),
        "document",
        "initiatives",
        "--year",
        "2021",
        "--out",
        str(out),
        "--sign",
        "--p12",
        str(key),
        "--password-env",
        "MK_TEST",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    pdf, xlsx = tmp_path / "sang-kien-da-ky.pdf", tmp_path / "sang-kien-da-ky.xlsx"
    assert pdf.exists() and xlsx.exists() and (tmp_path / "sang-kien.xlsx").exists()
    codes = [line.split("— số ")[1].split(",")[0] for line in result.stdout.splitlines() if "— số " in line]
    assert len(codes) == 2 and codes[0].split(" ")[0] == codes[1].split(" ")[0]
    for signed in (pdf, xlsx):
        verdict = thidua("--data-dir", str(folder), "verify", str(signed), "--trust", str(cert))
        assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    wrong = thidua(
        "--data-dir",
        str(folder),
        "document",
        "initiatives",
        "--year",
        "2021",
        "--out",
        str(tmp_path / "b.pdf"),
        "--sign",
        "--p12",
        str(key),
        "--password-env",
        "MK_TEST",
        env={"MK_TEST": "sai"},
    )
    assert wrong.returncode == 1 and "mật khẩu" in wrong.stderr.lower()
    assert "Traceback" not in wrong.stderr
