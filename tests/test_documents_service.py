"""The outgoing register (numbering) and producing documents from the store, read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from datetime import date
from decimal import Decimal

import pytest

from thidua_desktop.documents import machine
from thidua_desktop.services import documents, registration, roster, year
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def pdftext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def registered_db(seeded_db):
    group = roster.save_group(seeded_db, GroupInfo("Tổ may 1"))
    ids = []
    for fm, given, gender in [("Phạm Thị", "Hoa", "F"), ("Lê Thị", "Lan", "F"), ("Trần Văn", "Nam", "M")]:
        ids.append(
            roster.save_person(
                seeded_db,
                PersonDetail(
                    fm,
                    given,
                    gender=gender,
                    group_id=group.id,
                    position="Công nhân may",
                    employed_since=date(2015, 1, 1),
                ),
            ).id
        )
    info = registration.get_collective(seeded_db, 2021)
    info.movement_codes = [m.code for m in year.get_year(seeded_db, 2021).movements[:3]]
    info.title_codes = ["CDCS_VM"]
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    info.registered_on = date(2021, 2, 18)
    for figure in info.figures:
        if figure.indicator.code == "CT02":
            figure.value = Decimal(1200)
    registration.save_collective(seeded_db, info)
    registration.register(seeded_db, 2021, "LDTT", everyone=True)
    registration.register(seeded_db, 2021, "CSTDCS", person_ids=[ids[0]], planned_initiative="Cải tiến gá may túi")
    return seeded_db


# --- numbering ----------------------------------------------------------------------------------


def test_numbers_follow_each_other_and_are_zero_padded(seeded_db):
    first = documents.issue_number(seeded_db, "plan", "KH", "Kế hoạch", date(2021, 1, 25), 2021)
    second = documents.issue_number(seeded_db, "registration", "ĐK", "Đăng ký", date(2021, 2, 18), 2021)
    assert (first.number, first.code) == (1, "01/KH-CĐCS")
    assert (second.number, second.code) == (2, "02/ĐK-CĐCS")
    assert [e.code for e in documents.list_register(seeded_db, 2021)] == ["01/KH-CĐCS", "02/ĐK-CĐCS"]


def test_the_same_document_keeps_its_number(seeded_db):
    first = documents.issue_number(seeded_db, "plan", "KH", "Kế hoạch", date(2021, 1, 25), 2021)
    again = documents.issue_number(seeded_db, "plan", "KH", "Kế hoạch", date(2021, 3, 1), 2021)
    assert again.id == first.id and again.code == "01/KH-CĐCS" and again.issued_on == date(2021, 1, 25)
    fresh = documents.issue_number(seeded_db, "plan", "KH", "Kế hoạch", date(2021, 3, 1), 2021, reuse=False)
    assert fresh.number == 2


def test_a_new_calendar_year_starts_at_one(seeded_db):
    for n in range(11):
        documents.issue_number(seeded_db, f"k{n}", "BC", "x", date(2021, 12, 1), 2021)
    assert documents.list_register(seeded_db, 2021)[-1].code == "11/BC-CĐCS"  # no padding from 10 on
    january = documents.issue_number(seeded_db, "year-report", "BC", "Tổng kết", date(2022, 1, 4), 2021)
    assert (january.register_year, january.number, january.code) == (2022, 1, "01/BC-CĐCS")


def test_racing_writers_never_get_the_same_number(seeded_db, data_paths):
    others = [Database.open(data_paths, actor=f"may{n}") for n in range(2)]
    taken: list[int] = []
    errors: list[BaseException] = []

    def work(db, who):
        try:
            for n in range(8):
                entry = documents.issue_number(db, f"{who}-{n}", "BC", "x", date(2021, 5, 1), 2021, reuse=False)
                taken.append(entry.number)
        except BaseException as exc:  # noqa: BLE001 - reported below  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(db, i)) for i, db in enumerate(others)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in others:
        db.close()
    assert not errors
    assert sorted(taken) == list(range(1, 17))


# --- producing ----------------------------------------------------------------------------------


def test_registration_refused_without_a_saved_registration(seeded_db, data_paths, out_dir):
    out = out_dir / "dang-ky.pdf"
    with pytest.raises(ValidationError, match="Chưa lưu đăng ký thi đua"):
        documents.produce(seeded_db, data_paths, "registration", 2021, out, on=date(2021, 2, 18))
    assert not out.exists() and list(out_dir.iterdir()) == []
    assert documents.list_register(seeded_db, 2021) == []  # no number taken


@pytest.mark.parametrize(
    "kind, message",
    [
        ("initiatives", "chưa có sáng kiến"),
        ("midyear-report", "Chưa soạn báo cáo sơ kết"),
        ("year-report", "Chưa soạn báo cáo tổng kết"),
        ("review-minutes", "Chưa họp bình xét"),
        ("proposals", "Chưa họp bình xét"),
        ("award-decision", "Chưa họp bình xét"),
        ("plan", "Chưa lưu đăng ký thi đua"),
    ],
)
def test_missing_prerequisites_are_refused(seeded_db, data_paths, out_dir, kind, message):
    out = out_dir / f"{kind}.xlsx"
    with pytest.raises(ValidationError, match=message):
        documents.produce(seeded_db, data_paths, kind, 2021, out, on=date(2021, 12, 30))
    assert list(out_dir.iterdir()) == []


def test_bad_suffix_signer_and_kind(registered_db, data_paths, tmp_path):
    with pytest.raises(ValidationError, match=".pdf hoặc .xlsx"):
        documents.produce(registered_db, data_paths, "registration", 2021, tmp_path / "x.docx")
    with pytest.raises(ValidationError, match="Không có loại văn bản"):
        documents.produce(registered_db, data_paths, "bao-cao", 2021, tmp_path / "x.pdf")
    profile = year.get_unit(registered_db)
    profile.officers = [o for o in profile.officers if o.role == "chair"]
    year.save_unit(registered_db, profile)
    with pytest.raises(ValidationError, match="Phó Chủ tịch"):
        documents.produce(registered_db, data_paths, "registration", 2021, tmp_path / "x.pdf", signer="deputy")


@needs_poppler
def test_registration_pdf_and_workbook_carry_the_same_numbers(registered_db, data_paths, tmp_path):
    made_pdf = documents.produce(
        registered_db, data_paths, "registration", 2021, tmp_path / "dk.pdf", signer="deputy", on=date(2021, 2, 18)
    )
    made_xlsx = documents.produce(registered_db, data_paths, "registration", 2021, tmp_path / "dk.xlsx")
    assert made_pdf.code == made_xlsx.code == "01/ĐK-CĐCS" and made_xlsx.reused_number
    assert made_xlsx.issued_on == date(2021, 2, 18) and made_xlsx.redated_from is None  # the twin keeps the date
    text = pdftext(made_pdf.path)
    for needle in (
        "LĐLĐ HUYỆN GIA VIỄN",
        "CĐCS CÔNG TY",
        "Số: 01/ĐK-CĐCS",
        "Gia Viễn, ngày 18 tháng 02 năm 2021",
        "BẢN ĐĂNG KÝ THI ĐUA",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Nam",
        "Nơi nhận:",
        "Mỗi tổ một sáng kiến an toàn",
        "1.200",
        "Phạm Thị Hoa",
        "Cải tiến gá may túi",
        "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2021",
    ):
        assert needle in text, needle
    data = machine.read_sheet(made_xlsx.path)
    assert data.meta["document_kind"] == "registration" and data.meta["document_code"] == "01/ĐK-CĐCS"
    assert data.meta["unit_id"] == year.get_unit(registered_db).id.hex and data.meta["year"] == 2021
    figures = {r["indicator_code"]: r["value"] for r in data.table("indicators").records()}
    saved = {f.indicator.code: f.value for f in registration.get_collective(registered_db, 2021).figures}
    assert figures["CT02"] == 1200 == saved["CT02"]
    assert figures == {code: (None if v is None else float(v) if v != int(v) else int(v)) for code, v in saved.items()}
    people = data.table("people").records()
    assert sorted((p["full_name"], p["title_code"]) for p in people) == [
        ("Lê Thị Lan", "LDTT"),
        ("Phạm Thị Hoa", "CSTDCS"),
        ("Phạm Thị Hoa", "LDTT"),
        ("Trần Văn Nam", "LDTT"),
    ]
    assert all(len(p["record_id"]) == 32 for p in people)
    again = machine.read_sheet(
        documents.produce(registered_db, data_paths, "registration", 2021, tmp_path / "dk2.xlsx").path
    )
    assert {r["record_id"] for r in again.table("people").records()} == {p["record_id"] for p in people}
    entry = documents.list_register(registered_db, 2021)[0]
    assert entry.files == ["dk.pdf", "dk.xlsx", "dk2.xlsx"]


def test_a_failed_write_leaves_no_file(registered_db, data_paths, out_dir, monkeypatch):
    from thidua_desktop.documents import pdf

    def broken(doc, target):
        with open(target, "wb") as f:
            f.write(b"%PDF-half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    target = out_dir / "dk.pdf"
    target.write_bytes(b"the old file")
    with pytest.raises(ValidationError, match="Không ghi được tệp"):
        documents.produce(registered_db, data_paths, "registration", 2021, target)
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in out_dir.iterdir()) == ["dk.pdf"]


def test_cli_document_and_register(registered_db, data_paths, tmp_path, capsys):
    from thidua_desktop.cli.main import main

    registered_db.close()
    out = tmp_path / "ke-hoach.pdf"
    rc = main(
        [
            "--data-dir",
            str(data_paths.root),
            "document",
            "plan",
            "--year",
            "2021",
            "--date",
            "25/01/2021",
            "--out",
            str(out),
        ]
    )
    assert rc == 0 and out.exists()
    assert "01/KH-CĐCS" in capsys.readouterr().out
    rc = main(["--data-dir", str(data_paths.root), "document", "register", "--year", "2021"])
    listing = capsys.readouterr().out
    assert rc == 0 and "01/KH-CĐCS" in listing and "25/01/2021" in listing and "ke-hoach.pdf" in listing
    rc = main(
        [
            "--data-dir",
            str(data_paths.root),
            "document",
            "initiatives",
            "--year",
            "2021",
            "--out",
            str(tmp_path / "sk.xlsx"),
        ]
    )
    assert rc == 1 and "chưa có sáng kiến" in capsys.readouterr().err


# --- previews and the year's register ----------------------------------------------------------


def audit_count(db) -> int:
    from sqlalchemy import func, select

    from thidua_desktop.store.models import AuditEntry

    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


@needs_poppler
def test_a_preview_takes_no_number_and_writes_nothing(registered_db, data_paths, out_dir):
    tmp_path = out_dir
    audits = audit_count(registered_db)
    shown = documents.preview(registered_db, "registration", 2021, tmp_path / "xem.pdf", on=date(2021, 2, 18))
    assert shown.code == "" and shown.unfinished == () and shown.issued_on == date(2021, 2, 18)
    text = pdftext(shown.path)
    assert re.search(r"Số:\s+/ĐK-CĐCS", text) and "BẢN ĐĂNG KÝ THI ĐUA" in text and "Trần Văn Nam" in text
    assert documents.list_register(registered_db, 2021) == [] and audit_count(registered_db) == audits
    assert [p.name for p in tmp_path.iterdir()] == ["xem.pdf"]  # no temporary file left
    # Exported afterwards it takes the first number; previewed again it shows that number and date.
    made = documents.produce(registered_db, data_paths, "registration", 2021, tmp_path / "dk.pdf", on=date(2021, 2, 20))
    assert made.code == "01/ĐK-CĐCS"
    again = documents.preview(registered_db, "registration", 2021, tmp_path / "xem.pdf")
    assert again.code == "01/ĐK-CĐCS" and again.issued_on == date(2021, 2, 20) and again.warnings == ()
    assert "Số: 01/ĐK-CĐCS" in pdftext(again.path) and "ngày 20 tháng 02 năm 2021" in pdftext(again.path)
    # another date is shown as exporting would give it (the number re-dated), with what is odd about it
    later = documents.preview(registered_db, "registration", 2021, tmp_path / "xem.pdf", on=date(2021, 3, 1))
    assert later.code == "01/ĐK-CĐCS" and later.issued_on == date(2021, 3, 1)
    assert later.warnings == ("Ngày 01/03/2021 sau hạn đăng ký thi đua (20/02/2021).",)
    entries = documents.list_register(registered_db, 2021)
    assert [(e.code, e.issued_on) for e in entries] == [("01/ĐK-CĐCS", date(2021, 2, 20))]  # a preview changes nothing


def test_preview_refuses_what_it_cannot_show(registered_db, out_dir):
    tmp_path = out_dir
    with pytest.raises(ValidationError, match="bản xem trước là tệp .pdf"):
        documents.preview(registered_db, "registration", 2021, tmp_path / "x.xlsx")
    with pytest.raises(ValidationError, match="Không có loại văn bản"):
        documents.preview(registered_db, "bao-cao", 2021, tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="Chưa họp bình xét"):
        documents.preview(registered_db, "award-decision", 2021, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_year_register_holds_the_documents_of_the_emulation_year(registered_db, data_paths, tmp_path):
    plan = documents.produce(registered_db, data_paths, "plan", 2021, tmp_path / "kh.pdf", on=date(2021, 1, 25))
    late = documents.produce(
        registered_db, data_paths, "registration", 2021, tmp_path / "dk.pdf", on=date(2022, 1, 5)
    )  # numbered in the 2022 register
    year.copy_year(registered_db, 2021, 2022)
    other = documents.issue_number(registered_db, "plan", "KH", "Kế hoạch 2022", date(2022, 1, 20), 2022)
    assert (plan.code, late.code, other.code) == ("01/KH-CĐCS", "01/ĐK-CĐCS", "02/KH-CĐCS")
    assert [e.code for e in documents.year_register(registered_db, 2021)] == ["01/KH-CĐCS", "01/ĐK-CĐCS"]
    assert [e.code for e in documents.year_register(registered_db, 2022)] == ["01/ĐK-CĐCS", "02/KH-CĐCS"]
    assert [e.code for e in documents.list_register(registered_db, 2022)] == ["01/ĐK-CĐCS", "02/KH-CĐCS"]


def test_cli_document_preview(registered_db, data_paths, tmp_path, capsys):
    from thidua_desktop.cli.main import main

    registered_db.close()
    out = tmp_path / "xem.pdf"
    rc = main(
        [
            "--data-dir",
            str(data_paths.root),
            "document",
            "registration",
            "--year",
            "2021",
            "--preview",
            "--out",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert rc == 0 and out.exists() and "chưa lấy số" in printed and "BẢN XEM TRƯỚC" in printed
    rc = main(["--data-dir", str(data_paths.root), "document", "register", "--year", "2021"])
    assert rc == 0 and "chưa có văn bản nào" in capsys.readouterr().out
    rc = main(
        [
            "--data-dir",
            str(data_paths.root),
            "document",
            "registration",
            "--year",
            "2021",
            "--preview",
            "--sign",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert rc == 1 and "không ký số" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
