"""Returns (issue 8 item 6): the upper union sends a report back with comments as a small signed workbook;
the CĐCS imports it and sees it on the report it concerns. Wrong unit, unknown report, tampered: refused."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import thidua
from tests.test_reports import send
from tests.test_results import JULY
from tests.test_signing_fixtures import keydir, unit_key  # noqa: F401  (fixtures)
from thidua_desktop.documents import machine
from thidua_desktop.exchange import returns as exchange
from thidua_desktop.services import documents, reports, returns, signing as signing_service
from thidua_desktop.signing import signers
from thidua_desktop.signing.verify import VALID, verify
from thidua_desktop.store.errors import ValidationError

COMMENT = (
    "Số liệu chỉ tiêu CT02 (kết nạp đoàn viên) chưa khớp với danh sách gửi kèm.\n"
    "Đề nghị rà soát và gửi lại trước ngày 15/7/2021."
)


@pytest.fixture
def spec(unit_key):
    return signers.P12Spec(unit_key[0], unit_key[1])


@pytest.fixture
def sent_report(seeded_db, data_paths, tmp_path):
    """A CĐCS with its sơ kết sent, and the report workbook it sent (what the upper union received)."""
    db = seeded_db
    info = reports.draft_report(db, 2021, "midyear", today=JULY)
    send(db, info.id)
    workbook = tmp_path / "bao-cao-so-ket-2021.xlsx"
    documents.produce(db, data_paths, "midyear-report", 2021, workbook, on=date(2021, 7, 4))
    return db, data_paths, info.id, workbook


def test_report_workbook_names_the_report_version(sent_report):
    db, _, report_id, workbook = sent_report
    meta = machine.read_sheet(workbook).meta
    assert meta["report_id"] == report_id and meta["document_kind"] == "midyear-report"
    assert meta["document_version"] == 1 and meta["year"] == 2021


def test_return_round_trip_is_recorded_on_the_report(sent_report, spec, unit_key, tmp_path):
    db, paths, report_id, workbook = sent_report
    out = tmp_path / "tra-lai.xlsx"
    made = returns.make_return(workbook, COMMENT, out, spec, returned_on=date(2021, 7, 8))
    assert made.path == out and made.unit_name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert made.report_label.startswith("Báo cáo sơ kết năm 2021 số ") and "(phiên bản 1)" in made.report_label
    assert verify(out, [unit_key[2]]).status == VALID
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Trả lại báo cáo", "_du_lieu", "_chu_ky_so"]
    cells = [c for row in book["Trả lại báo cáo"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert COMMENT in cells and "PHIẾU TRẢ LẠI BÁO CÁO" in cells
    back = exchange.read_return(out)
    assert (back.report_id, back.year, back.phase, back.report_kind, back.document_version) == (
        report_id,
        2021,
        1,
        "midyear",
        1,
    )
    assert back.comment == COMMENT and back.returned_on == date(2021, 7, 8)

    preview = returns.preview_return(db, paths, out)
    assert preview.report.id == report_id and not preview.signature.trusted
    assert any(preview.signature.fingerprint in w for w in preview.warnings)
    assert reports.get_report(db, report_id).returned_comment == ""  # a preview changes nothing
    info = returns.import_return(db, paths, out)
    assert info.id == report_id and info.returned_comment == COMMENT
    assert reports.get_report(db, report_id).returned_comment == COMMENT
    missing = reports.missing_items(db, 2021, "midyear", today=date(2021, 7, 9))
    assert any("Cấp trên đã trả lại" in m and "CT02" in m for m in missing)
    signing_service.trust_certificate(paths, unit_key[2])
    assert returns.preview_return(db, paths, out).warnings == ()


def _meta(workbook: Path) -> dict:
    return dict(machine.read_sheet(workbook).meta)


def _write(meta: dict, out: Path, spec) -> Path:
    with signers.open_signer(spec) as s:
        return exchange.write_return(meta, COMMENT, out, s, returned_by="LĐLĐ huyện Gia Viễn")


def test_a_return_for_another_unit_or_an_unknown_report_is_refused(sent_report, spec, tmp_path):
    db, paths, report_id, workbook = sent_report
    other_unit = _meta(workbook) | {"unit_id": uuid.uuid4().hex, "unit_name": "CĐCS Công ty Khác", "unit_code": "K07"}
    with pytest.raises(ValidationError, match="của CĐCS Công ty Khác \\(mã K07\\), không phải của"):
        returns.import_return(db, paths, _write(other_unit, tmp_path / "don-vi-khac.xlsx", spec))
    unknown = _meta(workbook) | {"report_id": uuid.uuid4().hex}
    with pytest.raises(ValidationError, match="không có báo cáo này"):
        returns.import_return(db, paths, _write(unknown, tmp_path / "bao-cao-la.xlsx", spec))
    wrong_version = _meta(workbook) | {"document_version": 3}
    with pytest.raises(ValidationError, match="không khớp"):
        returns.import_return(db, paths, _write(wrong_version, tmp_path / "phien-ban.xlsx", spec))
    assert reports.get_report(db, report_id).returned_comment == ""


def test_tampered_or_unsigned_return_is_refused(sent_report, spec, tmp_path):
    db, paths, report_id, workbook = sent_report
    out = returns.make_return(workbook, COMMENT, tmp_path / "tra-lai.xlsx", spec).path
    book = openpyxl.load_workbook(out)
    ws = book["_du_lieu"]
    row = next(r for r in ws.iter_rows() if r[0].value == "comment")
    row[1].value = "Báo cáo tốt, không cần sửa."
    book.save(tmp_path / "da-sua.xlsx")
    with pytest.raises(ValidationError, match="KHÔNG hợp lệ"):
        returns.import_return(db, paths, tmp_path / "da-sua.xlsx")
    unsigned = exchange.write_return(_meta(workbook), COMMENT, tmp_path / "chua-ky.xlsx")
    with pytest.raises(ValidationError, match="không có chữ ký số"):
        returns.import_return(db, paths, unsigned)
    assert reports.get_report(db, report_id).returned_comment == ""


def test_only_reports_can_be_returned_and_bad_files_are_named(sent_report, data_paths, spec, tmp_path):
    db, paths, _report_id, workbook = sent_report
    registration = tmp_path / "dang-ky.xlsx"
    book = openpyxl.load_workbook(workbook)
    next(r for r in book["_du_lieu"].iter_rows() if r[0].value == "document_kind")[1].value = "registration"
    book.save(registration)
    with pytest.raises(ValidationError, match="dang-ky.xlsx là văn bản loại 'registration'"):
        returns.make_return(registration, COMMENT, tmp_path / "x.xlsx", spec)
    with pytest.raises(ValidationError, match="Hãy ghi ý kiến"):
        returns.make_return(workbook, "   ", tmp_path / "x.xlsx", spec)
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(
        ValidationError, match="bao-cao-so-ket-2021.xlsx là văn bản loại 'midyear-report', không phải tệp trả lại"
    ):
        returns.import_return(db, paths, workbook)
    broken = tmp_path / "hong.xlsx"
    out = returns.make_return(workbook, COMMENT, tmp_path / "tra-lai.xlsx", spec).path
    book = openpyxl.load_workbook(out)
    row = next(r for r in book["_du_lieu"].iter_rows() if r[0].value == "report_id")
    row[1].value = "không-phải-mã"
    book.save(broken)
    with pytest.raises(ValidationError, match=rf"hong.xlsx: trang _du_lieu, dòng {row[0].row}, cột B \(report_id\)"):
        returns.import_return(db, paths, broken)


def test_cli_return_and_import_return(sent_report, unit_key, tmp_path):
    db, paths, report_id, workbook = sent_report
    env = {"MK_TRA": unit_key[1]}
    out = tmp_path / "tra-lai-cli.xlsx"
    made = thidua(
        "report",
        "return",
        "--from",
        str(workbook),
        "--comment",
        COMMENT,
        "--out",
        str(out),
        "--p12",
        str(unit_key[0]),
        "--password-env",
        "MK_TRA",
        "--data-dir",
        str(tmp_path / "cap-tren"),
        env=env,
    )
    assert made.returncode == 0, made.stderr
    assert "Đã tạo tệp trả lại báo cáo sơ kết năm 2021" in made.stdout and out.exists()
    taken = thidua("--data-dir", str(paths.root), "report", "import-return", str(out))
    assert taken.returncode == 0, taken.stderr
    assert "Đã ghi ý kiến trả lại" in taken.stdout and "Cảnh báo" in taken.stderr
    assert reports.get_report(db, report_id).returned_comment == COMMENT
    wrong = thidua("--data-dir", str(paths.root), "report", "import-return", str(workbook))
    assert wrong.returncode == 1 and "không phải tệp trả lại" in wrong.stderr and "Traceback" not in wrong.stderr
