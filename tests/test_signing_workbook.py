"""Workbook signatures over canonical cell values: survive re-saving, fail on any changed value."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.test_signing_fixtures import (  # noqa: F401  (fixtures)
    UNIT_NAME,
    ca_p12,
    keydir,
    make_workbook,
    needs_openssl,
    needs_softhsm,
    openssl_cms_verify,
    softhsm_token,
    signing_ca,
    unit_key,
)
from thidua_desktop.signing import keys, signers, workbook
from thidua_desktop.signing.errors import SigningError
from thidua_desktop.signing.verify import INVALID, UNREADABLE, VALID, verify


@pytest.fixture
def signed_book(tmp_path, unit_key):
    path, password, _, _ = unit_key
    src = make_workbook(tmp_path / "Báo cáo 1-HĐCĐ.xlsx")
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        result = workbook.sign_workbook(src, None, s, p7s=True)
    return src, result


def _sheet_dict(path: Path) -> dict[str, str]:
    return workbook.read_signature_sheet(path)


def test_signed_workbook_valid_very_hidden_and_other_parts_untouched(signed_book, unit_key):
    src, result = signed_book
    assert result.path.name == "Báo cáo 1-HĐCĐ-da-ky.xlsx" and result.p7s.name == "Báo cáo 1-HĐCĐ-da-ky.xlsx.p7s"
    v = verify(result.path, [unit_key[2]])
    assert (v.status, v.kind, v.known, v.accepted, v.signer) == (VALID, "xlsx", True, True, UNIT_NAME)
    assert "Mẫu 1-HĐCĐ" in v.covered and "Số liệu gốc" in v.covered
    assert any(".p7s đi kèm: khớp" in r for r in v.reasons)
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames[-1] == workbook.SIG_SHEET and wb[workbook.SIG_SHEET].sheet_state == "veryHidden"
    assert wb["Số liệu gốc"].sheet_state == "hidden" and wb.active.title == "Mẫu 1-HĐCĐ"
    rows = _sheet_dict(result.path)
    assert rows["format"] == workbook.FORMAT and rows["signer"] == UNIT_NAME
    assert rows["signed_at"].endswith("+07:00") and dt.datetime.fromisoformat(rows["signed_at"]) == result.signed_at
    assert rows["sha256"] == workbook.canonical_data(src).sha256
    assert rows["cert_pem"].startswith("-----BEGIN CERTIFICATE-----")
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(result.path) as b:
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
        assert changed == {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
        assert len(b.namelist()) == len(a.namelist()) + 1


@needs_openssl
def test_openssl_verifies_the_cell_signature_and_the_p7s(signed_book, unit_key, tmp_path):
    _, result = signed_book
    pem = unit_key[3]
    rows = _sheet_dict(result.path)
    data = tmp_path / "canonical.jsonl"
    data.write_bytes(workbook.canonical_data(result.path).data)
    cms = tmp_path / "sig.der"
    cms.write_bytes(base64.b64decode(rows["cms_b64"]))
    ok = openssl_cms_verify(data, cms, pem)
    assert ok.returncode == 0 and "Verification successful" in ok.stderr
    assert openssl_cms_verify(result.path, result.p7s, pem).returncode == 0
    data.write_bytes(data.read_bytes().replace(b"21.5", b"21.6", 1))
    bad = openssl_cms_verify(data, cms, pem)
    assert bad.returncode == 4 and "verification failure" in bad.stderr


def test_openpyxl_resave_with_same_values_stays_valid(signed_book, unit_key, tmp_path):
    _, result = signed_book
    resaved = tmp_path / "luu-lai.xlsx"
    openpyxl.load_workbook(result.path).save(resaved)
    assert resaved.read_bytes() != result.path.read_bytes()
    v = verify(resaved, [unit_key[2]])
    assert v.status == VALID and v.accepted
    shutil.copy(result.p7s, workbook.p7s_path(resaved))
    v = verify(resaved, [unit_key[2]])
    assert v.status == VALID and any(".p7s đi kèm: không khớp" in r for r in v.reasons)


@pytest.mark.parametrize(
    "where, change",
    [
        ("Mẫu 1-HĐCĐ", lambda ws: ws.cell(6, 3, ws.cell(6, 3).value + 1)),  # a number
        ("Mẫu 1-HĐCĐ", lambda ws: ws.cell(7, 2, "Nguyễn Văn Hùng 2")),  # one letter of a name
        ("Mẫu 1-HĐCĐ", lambda ws: ws.cell(300, 10, "thêm")),  # a new cell
        ("Mẫu 1-HĐCĐ", lambda ws: setattr(ws.cell(5, 5), "value", None)),  # a cleared cell
        ("Mẫu 1-HĐCĐ", lambda ws: ws.cell(205, 3, "=SUM(C5:C203)")),  # a changed formula
        ("Mẫu 1-HĐCĐ", lambda ws: ws.cell(205, 3, 4499)),  # a formula made a constant
        ("Số liệu gốc", lambda ws: ws.cell(1, 2, 288)),  # the hidden sheet
    ],
)
def test_any_changed_value_breaks_the_signature(signed_book, unit_key, tmp_path, where, change):
    _, result = signed_book
    wb = openpyxl.load_workbook(result.path)
    change(wb[where])
    edited = tmp_path / "da-sua.xlsx"
    wb.save(edited)
    v = verify(edited, [unit_key[2]])
    assert v.status == INVALID and not v.accepted
    assert any("đã bị thay đổi sau khi ký" in r for r in v.reasons)


def test_added_sheet_and_renamed_sheet_break_the_signature(signed_book, unit_key, tmp_path):
    _, result = signed_book
    wb = openpyxl.load_workbook(result.path)
    wb.create_sheet("Thêm").cell(1, 1, "x")
    wb.save(tmp_path / "them.xlsx")
    assert verify(tmp_path / "them.xlsx", [unit_key[2]]).status == INVALID
    wb = openpyxl.load_workbook(result.path)
    wb["Số liệu gốc"].title = "Số liệu"
    wb.save(tmp_path / "doi-ten.xlsx")
    assert verify(tmp_path / "doi-ten.xlsx", [unit_key[2]]).status == INVALID


def test_swapped_certificate_in_the_sheet_is_caught(signed_book, unit_key, tmp_path):
    _, result = signed_book
    other = keys.create_unit_key(UNIT_NAME, tmp_path / "khac.p12", "mat-khau-khac-1").certificate
    wb = openpyxl.load_workbook(result.path)
    ws = wb[workbook.SIG_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "cert_pem":
            row[1].value = keys.cert_pem(other).decode()
    wb.save(tmp_path / "trao.xlsx")
    v = verify(tmp_path / "trao.xlsx", [unit_key[2], other])
    assert v.status == INVALID and any("bị tráo" in r for r in v.reasons)


def test_resigned_by_another_key_is_not_known(signed_book, unit_key, tmp_path):
    """Edit, then re-sign with an own certificate carrying the unit's name: intact but not known."""
    _, result = signed_book
    wb = openpyxl.load_workbook(result.path)
    wb["Mẫu 1-HĐCĐ"].cell(6, 3, 99)
    wb.save(tmp_path / "sua.xlsx")
    fake = keys.create_unit_key(UNIT_NAME, tmp_path / "gia.p12", "mat-khau-gia-mao")
    with signers.open_signer(signers.P12Spec(fake.path, "mat-khau-gia-mao")) as s:
        again = workbook.sign_workbook(tmp_path / "sua.xlsx", tmp_path / "sua-ky-lai.xlsx", s)
    assert openpyxl.load_workbook(again.path).sheetnames.count(workbook.SIG_SHEET) == 1  # replaced, not doubled
    v = verify(again.path, [unit_key[2]])
    assert v.status == VALID and not v.known and not v.trusted and not v.accepted


def test_damaged_file_and_damaged_signature(signed_book, unit_key, tmp_path):
    _, result = signed_book
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flipped = tmp_path / "hong.xlsx"
    flipped.write_bytes(bytes(data))
    assert verify(flipped, [unit_key[2]]).status in (UNREADABLE, INVALID)
    assert not verify(flipped, [unit_key[2]]).accepted
    wb = openpyxl.load_workbook(result.path)
    for row in wb[workbook.SIG_SHEET].iter_rows():
        if row[0].value == "cms_b64":
            row[1].value = "AAAA" + row[1].value[4:]
    wb.save(tmp_path / "cms-hong.xlsx")
    v = verify(tmp_path / "cms-hong.xlsx", [unit_key[2]])
    assert v.status == INVALID and any("hỏng" in r for r in v.reasons)
    unsigned = make_workbook(tmp_path / "chua-ky.xlsx", rows=3)
    v = verify(unsigned)
    assert v.status == INVALID and v.signatures == 0


def test_canonical_form_rules(tmp_path):
    """NFD text equals NFC text, 5 equals 5.0, a date equals the same date-time at midnight."""
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active.append([unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), 5, dt.datetime(2021, 2, 3), True])
    wb.save(a)
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active.append(["Nguyễn Thị Ánh", 5.0, dt.datetime(2021, 2, 3, 0, 0), True])
    wb.save(b)
    ca, cb = workbook.canonical_data(a, form=1), workbook.canonical_data(b, form=1)
    assert ca.data == cb.data and ca.cells == 4
    lines = ca.data.decode().splitlines()
    assert lines == [
        '["sheet","S"]',
        '[1,1,"s","Nguyễn Thị Ánh"]',
        '[1,2,"n","5.0"]',
        '[1,3,"d","2021-02-03T00:00:00"]',
        '[1,4,"b",true]',
    ]
    assert (
        workbook.canonical_data(a).data == workbook.canonical_data(b).data
    )  # form 2 (tests/test_signature_coverage.py)


def test_refuses_other_formats_and_empty_books(tmp_path, unit_key):
    path, password, _, _ = unit_key
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "trong.xlsx")
    (tmp_path / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0 old")
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        with pytest.raises(SigningError, match="không có dữ liệu"):
            workbook.sign_workbook(tmp_path / "trong.xlsx", None, s)
        with pytest.raises(SigningError, match=r"\.xlsx"):
            workbook.sign_workbook(tmp_path / "cu.xls", None, s)


@needs_softhsm
@needs_openssl
def test_token_signs_a_workbook_trusted_through_its_ca(softhsm_token, tmp_path):
    src = make_workbook(tmp_path / "bc.xlsx", rows=50)
    with signers.open_signer(softhsm_token.spec()) as s:
        result = workbook.sign_workbook(src, None, s, p7s=True)
    v = verify(result.path, [softhsm_token.ca.cert])
    assert v.status == VALID and v.trusted and not v.known and v.accepted
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(keys.cert_pem(softhsm_token.ca.cert))
    assert openssl_cms_verify(result.path, result.p7s, ca_pem).returncode == 0
    data = tmp_path / "c.jsonl"
    data.write_bytes(workbook.canonical_data(result.path).data)
    der = tmp_path / "c.der"
    der.write_bytes(base64.b64decode(_sheet_dict(result.path)["cms_b64"]))
    assert openssl_cms_verify(data, der, ca_pem).returncode == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed")
def test_libreoffice_resave_stays_valid(signed_book, unit_key, tmp_path):
    _, result = signed_book
    outdir = tmp_path / "lo"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(result.path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    resaved = outdir / result.path.name
    assert resaved.exists() and resaved.read_bytes() != result.path.read_bytes()
    v = verify(resaved, [unit_key[2]])
    assert v.status == VALID and v.accepted, v.reasons


def test_shared_formulas_are_expanded_like_their_per_cell_form():
    """Excel writes a filled-down formula once (``t="shared"``); openpyxl and LibreOffice write it
    per cell. Both must give the same canonical formulas."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2 + B2</f><v>3</v></c></row>'
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>5</v></c></row>'
        '<row r="4"><c r="C4"><f t="shared" si="0"/><v>7</v></c><c r="D4" t="b"><f>TRUE()</f><v>1</v></c></row>'
        '</sheetData><autoFilter ref="A1:C4"><filterColumn colId="0"/></autoFilter></worksheet>'
    ).encode()
    plain = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        '<row r="2"><c r="C2"><f>A2+B2</f></c></row><row r="3"><c r="C3"><f>=A3+B3</f></c></row>'
        '<row r="4"><c r="C4"><f>_xlfn.A4+B4</f></c></row></sheetData></worksheet>'
    ).encode()
    expected = {(2, 3): "A2+B2", (3, 3): "A3+B3", (4, 3): "A4+B4"}
    assert workbook._formulas(shared) == expected
    assert workbook._formulas(plain) == expected
    assert workbook.number_text(0.1 * 7) == "0.7" and workbook.number_text(5) == "5.0"
    assert workbook.number_text(123456789012.345) == "123456789012.345"
