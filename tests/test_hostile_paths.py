"""Files from outside stay in their box (issue 14): paths, the upper level's intake and scratch
consolidation, attachments.

Every case is made here with real signed CĐCS workbooks (services/demo_units.py): a workbook
whose hidden sheet says unit_code ``../../../../PWNED``, a folder holding unit workbooks and the
consolidation made of them, two intakes of the same files at once, and attachments that are a
symbolic link or are named ``..\\..\\evil.pdf``.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import tempfile
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from thidua_desktop.core import safe_names
from thidua_desktop.services import demo_units as du
from thidua_desktop.store.errors import ValidationError

from tests.test_cli import thidua
from tests.test_upper import YEAR, _district, open_upper

EXCEPTION_WORDS = ("Error", "error", "SQL", "sqlite", "Traceback", "datetime", "Exception", "UNIQUE", "[")


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def _hostile(unit: du.SyntheticUnit, code: str) -> du.SyntheticUnit:
    return dataclasses.replace(unit, code=code)


# --- the pure names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("..\\..\\evil.pdf", "evil.pdf"),
        ("../../etc/passwd", "passwd"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1.tar.gz", "_Com1.tar.gz"),
        ("báo cáo quý 1.PDF. . ", "báo cáo quý 1.PDF"),
        ('a<b>c:d"e|f?g*h.docx', "a_b_c_d_e_f_g_h.docx"),
        ("ok\x00\x1f\u202egpj.exe", "okgpj.exe"),
        ("..", "tep"),
        ("", "tep"),
        (".hidden", "hidden"),
        ("bad\udcff.xlsx", "bad.xlsx"),
    ],
)
def test_safe_file_name_is_valid_on_windows_and_linux(name, expected):
    assert safe_names.safe_file_name(name) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text_becomes_one_valid_file_name(text):
    name = safe_names.safe_file_name(text)
    assert name and name == safe_names.safe_file_name(name)  # already safe stays as is
    assert not set(name) & set('<>:"/\\|?*') and all(ch.isprintable() or ch == " " for ch in name)
    assert name[-1] not in " ." and name[0] not in " ."
    assert name.split(".")[0].strip().upper() not in safe_names._RESERVED
    assert len(name) <= safe_names.FILE_NAME_MAX and len(name.encode("utf-8")) <= safe_names.FILE_NAME_MAX_BYTES


def test_safe_file_name_bounds_the_length_and_keeps_the_extension():
    long = safe_names.safe_file_name("ảnh chụp quyết định " * 40 + ".jpeg")
    assert long.endswith(".jpeg") and len(long) <= safe_names.FILE_NAME_MAX
    assert len(long.encode("utf-8")) <= safe_names.FILE_NAME_MAX_BYTES


@pytest.mark.parametrize("code, normal", [("cd001", "CD001"), (" A-1_B.2 ", "A-1_B.2"), ("103", "103")])
def test_unit_codes_in_the_alphabet_are_upper_cased(code, normal):
    assert safe_names.check_unit_code(code) == normal


@pytest.mark.parametrize(
    "code, words",
    [
        ("../x", "không hợp lệ"),
        ("../../../../tmp/x/PWNED", "không hợp lệ"),
        ("..\\x", "không hợp lệ"),
        ("CĐ01", "không dấu (ví dụ 'CD01')"),
        (".A", "không hợp lệ"),
        ("A.", "không hợp lệ"),
        ("CD 01", "không hợp lệ"),
        ("X" * 41, "dài quá 40"),
        ("", "Thiếu mã"),
        ("A\x00", "không hợp lệ"),
    ],
)
def test_unit_codes_outside_the_alphabet_are_refused_in_vietnamese(code, words):
    with pytest.raises(safe_names.UnitCodeError) as caught:
        safe_names.check_unit_code(code)
    assert words in caught.value.message


# --- unit codes: units add, the list of units, the profile ----------------------------------------


def test_units_add_import_and_the_profile_refuse_codes_outside_the_alphabet(tmp_path):
    import xlsxwriter

    from thidua_desktop.services import upper, year

    from tests.test_upper import upper_profile

    paths, db = open_upper(tmp_path / "cap-tren")
    try:
        for bad in ("../x", "..\\x", "CĐ01", "A/B", "/tmp/x"):
            with pytest.raises(ValidationError, match="Mã đơn vị"):
                upper.add_unit(db, bad, "CĐCS X")
        assert upper.add_unit(db, "cd001", "CĐCS A").code == "CD001"
        with pytest.raises(ValidationError, match="Đã có đơn vị mã 'CD001'"):
            upper.add_unit(db, "Cd001", "CĐCS B")
        with pytest.raises(ValidationError, match="Mã đơn vị"):
            upper.update_unit(db, "cd001", new_code="../../y")
        assert upper.update_unit(db, "cd001", name="CĐCS A mới").name == "CĐCS A mới"  # found whatever the case
        sheet_file = tmp_path / "ds.xlsx"
        book = xlsxwriter.Workbook(str(sheet_file))
        sheet = book.add_worksheet("DS")
        for r, row in enumerate([["Mã", "Tên"], ["CD002", "CĐCS B"], ["../../z", "CĐCS Z"]]):
            for c, v in enumerate(row):
                sheet.write(r, c, v)
        book.close()
        with pytest.raises(ValidationError, match="dòng 3: Mã đơn vị '../../z' không hợp lệ"):
            upper.import_units(db, sheet_file)
        assert [u.code for u in upper.list_units(db)] == ["CD001"]
        profile = year.get_unit(db)
        profile.code = "../../GV"
        with pytest.raises(ValidationError, match="Mã đơn vị"):
            year.save_unit(db, profile)
        profile.code = "gv-01"
        assert year.save_unit(db, profile).code == "GV-01"
        assert upper_profile().code == "GV"
    finally:
        db.close()


def test_thidua_units_add_refuses_a_path_as_code(tmp_path):
    from tests.test_upper_cli import UPPER

    folder = tmp_path / "cap-tren"
    assert thidua("--data-dir", str(folder), *UPPER).returncode == 0
    refused = thidua("--data-dir", str(folder), "units", "add", "../x", "CĐCS X")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "Mã đơn vị '../x' không hợp lệ" in refused.stdout + refused.stderr
    assert thidua("--data-dir", str(folder), "units", "add", "cd001", "CĐCS A").returncode == 0
    assert "CD001" in thidua("--data-dir", str(folder), "units", "list").stdout


# --- the traversal workbook -------------------------------------------------------------------


@pytest.fixture
def traversal(tmp_path):
    """A folder with two valid CĐCS year reports and one whose _du_lieu says unit_code ../../../../PWNED
    (and one saying ..\\..\\..\\..\\PWNED2, the Windows spelling), all signed for real."""
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    good = [du.synthetic_unit(i, seed=41) for i in (1, 2)]
    for u in good:
        du.write(
            u, "year-report", inbox / f"{u.code}.xlsx", du.unit_signer(u, tmp_path / "keys"), figures=du.unit_figures(u)
        )
    evil = du.synthetic_unit(3, seed=41)
    signer = du.unit_signer(evil, tmp_path / "keys")
    du.write(
        _hostile(evil, "../../../../PWNED"),
        "year-report",
        inbox / "bao-cao.xlsx",
        signer,
        figures=du.unit_figures(evil),
    )
    du.write(
        _hostile(evil, "..\\..\\..\\..\\PWNED2"),
        "year-report",
        inbox / "bao-cao-2.xlsx",
        signer,
        figures=du.unit_figures(evil),
    )
    return inbox, good


def test_scratch_consolidation_of_the_traversal_workbook_writes_nothing_outside(tmp_path, traversal, monkeypatch):
    from thidua_desktop.documents.machine import read_sheet
    from thidua_desktop.services import upper

    inbox, good = traversal
    assert read_sheet(inbox / "bao-cao.xlsx").meta["unit_code"] == "../../../../PWNED"
    scratch = tmp_path / "tam"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # ../../../../ from received/<year>/ lands in tmp_path
    before = _files_under(tmp_path)
    result, outcomes, out = upper.consolidate_folder([inbox], YEAR, tmp_path / "tong-hop.xlsx")
    after = _files_under(tmp_path)
    assert after - before == {out}
    assert not any("PWNED" in str(p) for p in tmp_path.rglob("*"))
    assert list(scratch.iterdir()) == []  # the scratch folder is gone
    by_name = {o.name: o for o in outcomes}
    for name in ("bao-cao.xlsx", "bao-cao-2.xlsx"):
        assert not by_name[name].accepted
        assert "Mã đơn vị" in by_name[name].reason and "không hợp lệ" in by_name[name].reason
        assert not any(w in by_name[name].reason for w in EXCEPTION_WORDS)
    assert {s.unit_code for s in result.sources} == {u.code for u in good}


def test_intake_keeps_every_copy_under_received_with_names_it_makes(tmp_path, traversal):
    from thidua_desktop.services import upper

    inbox, good = traversal
    odd = inbox / "CON.xlsx"  # a Windows device name, and a name the app did not make
    odd.write_bytes((inbox / "bao-cao.xlsx").read_bytes() + b"\0")
    device = _hostile(du.synthetic_unit(4, seed=41), "NUL")  # a code in the alphabet that Windows reserves
    du.write(
        device,
        "year-report",
        inbox / "nul-unit.xlsx",
        du.unit_signer(du.synthetic_unit(4, seed=41), tmp_path / "keys"),
        figures=du.unit_figures(device),
    )
    paths, db = open_upper(tmp_path / "cap-tren")
    try:
        for u in (*good, device):
            upper.add_unit(db, u.code, u.name)
        outside = _files_under(tmp_path) - _files_under(paths.root)
        outcomes = upper.intake(db, paths, [inbox], YEAR, trust_first=True)
        assert _files_under(tmp_path) - _files_under(paths.root) == outside  # nothing new outside the data folder
        assert sum(o.accepted for o in outcomes) == 3
        nul = next(r for r in upper.list_received(db, YEAR) if r.original_name == "nul-unit.xlsx")
        assert Path(nul.stored_path).parent.name == "_NUL"
        received = upper.list_received(db, YEAR)
        assert {r.original_name for r in received} >= {"bao-cao.xlsx", "bao-cao-2.xlsx", "CON.xlsx"}
        for r in received:
            if not r.stored_path:
                continue
            stored = paths.root / r.stored_path
            assert safe_names.is_inside(paths.root / upper.RECEIVED_DIR, stored) and stored.is_file()
            assert Path(r.stored_path).name == safe_names.safe_file_name(Path(r.stored_path).name)
            assert "PWNED" not in r.stored_path and "CON" not in r.stored_path and ".." not in r.stored_path
        aside = {r.original_name: r for r in received if r.status == upper.SET_ASIDE}
        assert "Mã đơn vị '../../../../PWNED' trong tệp không hợp lệ" in aside["bao-cao.xlsx"].reason
        upper.intake(db, paths, [inbox], YEAR, trust_first=True)  # again: the three taken are now repeats
        assert len(upper.list_received(db, YEAR, status=upper.SET_ASIDE)) == len(aside) + 3
        upper.intake(db, paths, [inbox], YEAR, trust_first=True)  # and again: one row per file, no more
        assert len(upper.list_received(db, YEAR, status=upper.SET_ASIDE)) == len(aside) + 3
        assert _files_under(tmp_path) - _files_under(paths.root) == outside
    finally:
        db.close()


def test_a_symlink_in_the_received_folder_is_set_aside_not_followed(tmp_path, traversal):
    from thidua_desktop.services import upper

    inbox, good = traversal
    secret = tmp_path / "ngoai" / "bi-mat.xlsx"
    secret.parent.mkdir()
    secret.write_bytes((inbox / f"{good[0].code}.xlsx").read_bytes())
    (inbox / f"{good[0].code}.xlsx").unlink()
    (inbox / "lien-ket.xlsx").symlink_to(secret)
    paths, db = open_upper(tmp_path / "cap-tren")
    try:
        for u in good:
            upper.add_unit(db, u.code, u.name)
        outcomes = {o.name: o for o in upper.intake(db, paths, [inbox], YEAR, trust_first=True)}
        assert not outcomes["lien-ket.xlsx"].accepted and "liên kết" in outcomes["lien-ket.xlsx"].reason
        assert outcomes[f"{good[1].code}.xlsx"].accepted
    finally:
        db.close()


# --- scratch consolidation never adds a consolidation and its own units ---------------------------


def test_scratch_consolidation_sets_aside_a_consolidation_of_units_also_in_the_folder(tmp_path):
    from thidua_desktop.services import upper

    (tmp_path / "province-in").mkdir()
    units = [du.synthetic_unit(i, seed=51, prefix="A") for i in range(1, 4)]
    district, _signer = _district(tmp_path / "huyen", "HGV", "Liên đoàn Lao động huyện Gia Viễn", units, tmp_path)
    inbox = tmp_path / "in-HGV"  # the three CĐCS year reports the district took in …
    (tmp_path / "province-in" / "tong-hop-HGV.xlsx").rename(inbox / "tong-hop-HGV.xlsx")  # … and its consolidation
    partial = tmp_path / "mot-phan"  # the consolidation with only two of its units' own reports
    partial.mkdir()
    for name in ("tong-hop-HGV.xlsx", f"{units[0].code}.xlsx", f"{units[1].code}.xlsx"):
        partial.joinpath(name).write_bytes((inbox / name).read_bytes())
    _r, some, _o = upper.consolidate_folder([partial], YEAR, tmp_path / "th-1.xlsx")
    said = next(o.reason for o in some if o.name == "tong-hop-HGV.xlsx")
    assert f"Các đơn vị {units[2].code} chỉ có trong tệp tổng hợp này nên chưa được cộng" in said
    result, outcomes, _out = upper.consolidate_folder([inbox], YEAR, tmp_path / "th.xlsx")
    by_name = {o.name: o for o in outcomes}
    assert not by_name["tong-hop-HGV.xlsx"].accepted
    reason = by_name["tong-hop-HGV.xlsx"].reason
    assert "tổng hợp" in reason and all(u.code in reason for u in units)
    assert sorted(s.unit_code for s in result.sources) == [u.code for u in units]
    for line in result.lines:  # never both: the same as the district's own consolidation
        assert line.value == district.line(line.code).value, line.code


def test_scratch_consolidation_adds_a_consolidation_of_other_units(tmp_path):
    from thidua_desktop.services import upper

    (tmp_path / "province-in").mkdir()
    a_units = [du.synthetic_unit(i, seed=52, prefix="A") for i in range(1, 3)]
    a, _ = _district(tmp_path / "huyen", "HGV", "Liên đoàn Lao động huyện Gia Viễn", a_units, tmp_path)
    inbox = tmp_path / "province-in"
    b_units = [du.synthetic_unit(i, seed=53, prefix="B") for i in range(1, 3)]
    for u in b_units:
        du.write(
            u, "year-report", inbox / f"{u.code}.xlsx", du.unit_signer(u, tmp_path / "keys"), figures=du.unit_figures(u)
        )
    result, outcomes, _out = upper.consolidate_folder([inbox], YEAR, tmp_path / "th.xlsx")
    assert all(o.accepted for o in outcomes), [o.reason for o in outcomes]
    assert sorted(s.unit_code for s in result.sources) == ["B001", "B002", "HGV"]
    b = {u.code: du.unit_figures(u) for u in b_units}
    line = result.line("CT02")
    assert line.value == a.line("CT02").value + sum(f.results["CT02"][2][0] for f in b.values())


# --- two intakes at once ------------------------------------------------------------------------


def test_two_intakes_at_once_take_each_file_once_with_vietnamese_reasons(tmp_path, monkeypatch):
    from thidua_desktop.exchange import intake as ix
    from thidua_desktop.services import upper
    from thidua_desktop.store.database import Database

    inbox = tmp_path / "nhan"
    inbox.mkdir()
    units = [du.synthetic_unit(i, seed=61) for i in range(1, 4)]
    for u in units:
        signer = du.unit_signer(u, tmp_path / "keys")
        du.write(u, "year-report", inbox / f"{u.code}.xlsx", signer, figures=du.unit_figures(u))
    paths, first = open_upper(tmp_path / "cap-tren")
    for u in units:
        upper.add_unit(first, u.code, u.name)  # no certificate yet: both intakes trust on first receipt
    second = Database.open(paths, actor="cua-so-thu-hai")
    both_checked = threading.Barrier(2, timeout=30)
    verify = ix.verify_file

    def verify_together(path, trust):  # both have read "not taken yet" before either writes
        both_checked.wait()
        return verify(path, trust)

    monkeypatch.setattr(ix, "verify_file", verify_together)
    results: dict[str, list] = {}

    def run(name, db):
        results[name] = upper.intake(db, paths, [inbox], YEAR, trust_first=True)

    threads = [threading.Thread(target=run, args=("a", first)), threading.Thread(target=run, args=("b", second))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        monkeypatch.setattr(ix, "verify_file", verify)
        outcomes = results["a"] + results["b"]
        assert len(outcomes) == 6
        for o in outcomes:
            assert not any(w in o.reason for w in EXCEPTION_WORDS), o.reason
        for u in units:
            mine = [o for o in outcomes if o.name == f"{u.code}.xlsx"]
            assert sorted(o.status for o in mine) == [upper.ACCEPTED, upper.SET_ASIDE], [o.reason for o in mine]
            assert "Trùng tệp đã nhận" in next(o.reason for o in mine if not o.accepted)
        received = upper.list_received(first, YEAR)
        assert sum(r.status == upper.ACCEPTED for r in received) == 3
        assert all(len(u.certificates) == 1 for u in upper.list_units(first))
        aside = len(upper.list_received(first, YEAR, status=upper.SET_ASIDE))
        assert aside == 3
        for _ in range(2):  # the same files again: still set aside, the list does not grow
            again = upper.intake(second, paths, [inbox], YEAR)
            assert all(not o.accepted and "Trùng tệp" in o.reason for o in again)
            assert len(upper.list_received(first, YEAR, status=upper.SET_ASIDE)) == aside
        with sqlite3.connect(paths.database) as con:
            assert con.execute("SELECT COUNT(*) FROM received_file").fetchone()[0] == 6
    finally:
        first.close()
        second.close()


def test_an_unexpected_failure_is_set_aside_with_a_vietnamese_sentence(tmp_path, monkeypatch, traversal):
    from thidua_desktop.exchange import intake as ix
    from thidua_desktop.services import upper

    inbox, good = traversal
    paths, db = open_upper(tmp_path / "cap-tren")
    try:
        for u in good:
            upper.add_unit(db, u.code, u.name)

        def broken(path, trust):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")

        monkeypatch.setattr(ix, "verify_file", broken)
        outcomes = upper.intake(db, paths, [inbox / f"{good[0].code}.xlsx"], YEAR)
        assert not outcomes[0].accepted
        assert "lỗi ngoài dự kiến" in outcomes[0].reason and not any(w in outcomes[0].reason for w in EXCEPTION_WORDS)
        assert "offset-naive" in paths.crash_log.read_text(encoding="utf-8")  # the details go to the log
    finally:
        db.close()


# --- attachments --------------------------------------------------------------------------------


@pytest.fixture
def initiative(seeded_db):
    from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
    from thidua_desktop.services import initiatives, roster
    from thidua_desktop.services.roster import PersonDetail

    person = roster.save_person(seeded_db, PersonDetail("Phạm Thị", "Hoa", gender="F"))
    draft = InitiativeDraft(
        title="Bàn là hơi",
        field="May mặc",
        year=2021,
        phase_number=1,
        authors=[AuthorDraft(Decimal(100), person_id=person.id)],
    )
    return initiatives.save_initiative(seeded_db, draft, today=date(2021, 12, 20)).id


def test_a_symlink_attachment_is_refused_not_its_target_copied(seeded_db, data_paths, tmp_path, initiative):
    from thidua_desktop.services import initiatives

    secret = tmp_path / "bi-mat.txt"
    secret.write_text("mật khẩu ngân hàng", encoding="utf-8")
    link = tmp_path / "quyet-dinh.pdf"
    link.symlink_to(secret)
    with pytest.raises(ValidationError, match="liên kết"):
        initiatives.add_attachment(seeded_db, data_paths, initiative, link)
    assert initiatives.list_attachments(seeded_db, data_paths, initiative) == []
    assert not data_paths.attachments.exists() or list(data_paths.attachments.iterdir()) == []


def test_attachment_names_are_made_safe_on_the_way_in_and_on_save_a_copy(seeded_db, data_paths, tmp_path, initiative):
    from thidua_desktop.services import initiatives
    from thidua_desktop.store.models import Attachment

    scan = tmp_path / "..\\..\\evil.pdf"  # one file name on Linux, a path on Windows
    scan.write_bytes(b"%PDF-1.4 scan")
    info = initiatives.add_attachment(seeded_db, data_paths, initiative, scan)
    assert info.filename == "evil.pdf"
    assert [a.filename for a in initiatives.list_attachments(seeded_db, data_paths, initiative)] == ["evil.pdf"]
    with seeded_db.transaction("đổi tên như một phiên bản cũ đã lưu") as session:  # stored by an older version
        session.get(Attachment, __import__("uuid").UUID(info.id)).filename = "..\\..\\CON.pdf"
    listed = initiatives.list_attachments(seeded_db, data_paths, initiative)
    assert [a.filename for a in listed] == ["_CON.pdf"]
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    copy = initiatives.save_attachment_copy(seeded_db, data_paths, info.id, out_dir)
    assert copy == out_dir / "_CON.pdf" and copy.read_bytes() == b"%PDF-1.4 scan"
    again = initiatives.save_attachment_copy(seeded_db, data_paths, info.id, out_dir)
    assert again == out_dir / "_CON (2).pdf"  # never over another file
    # "save a copy" over a symbolic link replaces the link, never writes through it
    victim = tmp_path / "nan-nhan.txt"
    victim.write_text("giữ nguyên", encoding="utf-8")
    trap = out_dir / "bay.pdf"
    trap.symlink_to(victim)
    initiatives.export_attachment(seeded_db, data_paths, info.id, trap)
    assert victim.read_text(encoding="utf-8") == "giữ nguyên" and not trap.is_symlink()


def test_the_viewer_copy_of_an_attachment_has_a_safe_name(seeded_db, data_paths, tmp_path, initiative):
    from thidua_desktop.services import initiatives

    scan = tmp_path / "..\\..\\NUL.pdf"  # a legal file name here, a path and a device on Windows
    scan.write_bytes(b"%PDF-1.4 scan")
    info = initiatives.add_attachment(seeded_db, data_paths, initiative, scan)
    made = initiatives.viewer_copy(seeded_db, data_paths, info.id)
    assert made.name == "_NUL.pdf" and made.parent.name.startswith("thidua-dinh-kem-")
    os.unlink(made)
    made.parent.rmdir()


def test_the_unit_dialog_says_why_a_code_is_refused(qtbot):
    from PySide6.QtWidgets import QDialog

    from thidua_desktop.ui.pages.upper import UnitDialog

    dialog = UnitDialog()
    qtbot.addWidget(dialog)
    dialog.code.setText("../x")
    dialog.name.setText("CĐCS X")
    dialog.check_and_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Mã đơn vị '../x' không hợp lệ" in dialog.error.text() and not dialog.error.isHidden()
    dialog.code.setText("CĐ01")
    dialog.check_and_accept()
    assert "không dấu (ví dụ 'CD01')" in dialog.error.text()
    dialog.code.setText("cd001")
    dialog.check_and_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.code.text() == "CD001"


def test_two_thidua_intake_commands_at_once(tmp_path):
    """The same folder taken in by two ``thidua intake`` processes started together."""
    import subprocess
    import sys

    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import upper
    from thidua_desktop.store.database import Database

    from tests.test_upper_cli import UPPER

    folder = tmp_path / "cap-tren"
    assert thidua("--data-dir", str(folder), *UPPER).returncode == 0
    assert thidua("--data-dir", str(folder), "mode", "upper").returncode == 0
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    units = [du.synthetic_unit(i, seed=71) for i in range(1, 5)]
    for u in units:
        du.write(
            u, "year-report", inbox / f"{u.code}.xlsx", du.unit_signer(u, tmp_path / "keys"), figures=du.unit_figures(u)
        )
        assert thidua("--data-dir", str(folder), "units", "add", u.code, u.name).returncode == 0
    command = [
        sys.executable,
        "-m",
        "thidua_desktop.cli.main",
        "--data-dir",
        str(folder),
        "intake",
        str(inbox),
        "--year",
        str(YEAR),
        "--trust-first",
    ]
    both = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for _ in range(2)
    ]
    said = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [0, 0], said
    for stdout, stderr in said:
        assert not any(w in stdout + stderr for w in ("Error", "SQL", "sqlite", "Traceback", "datetime")), stdout
    db = Database.open(app_paths.resolve(folder))
    try:
        received = upper.list_received(db, YEAR)
        assert sorted(r.original_name for r in received if r.status == upper.ACCEPTED) == [
            f"{u.code}.xlsx" for u in units
        ]
        assert all(len(u.certificates) == 1 for u in upper.list_units(db))
        assert len([r for r in received if r.status == upper.SET_ASIDE]) == 4
    finally:
        db.close()


def test_a_code_saved_by_an_older_version_does_not_block_the_profile(seeded_db):
    """A CĐCS whose code was saved before the alphabet (say 'CĐ01') can still save its profile;
    a new code must be in the alphabet."""
    from thidua_desktop.services import year
    from thidua_desktop.store.models import Unit

    with seeded_db.transaction("mã lưu từ phiên bản cũ") as session:
        session.query(Unit).one().code = "CĐ01"
    profile = year.get_unit(seeded_db)
    profile.phone = "0229 3868 686"
    assert year.save_unit(seeded_db, profile).code == "CĐ01"
    profile.code = "CĐ02"
    with pytest.raises(ValidationError, match="không dấu"):
        year.save_unit(seeded_db, profile)


def test_intake_while_the_window_program_holds_the_folder_is_refused_whole(tmp_path, capsys):
    from PySide6.QtCore import QLockFile

    from thidua_desktop.cli.main import main as thidua_main
    from thidua_desktop.services import upper

    unit = du.synthetic_unit(1, seed=81)
    path = du.write(
        unit,
        "year-report",
        tmp_path / "tk.xlsx",
        du.unit_signer(unit, tmp_path / "keys"),
        figures=du.unit_figures(unit),
    )
    paths, db = open_upper(tmp_path / "cap-tren")
    upper.add_unit(db, unit.code, unit.name)
    db.close()
    lock = QLockFile(str(paths.lock_file))  # what ui/single_instance.py holds while the window is open
    lock.setStaleLockTime(0)
    assert lock.tryLock(100)
    try:
        capsys.readouterr()
        code = thidua_main(["--data-dir", str(paths.root), "intake", str(path), "--year", str(YEAR), "--trust-first"])
        said = capsys.readouterr()
        assert code == 1 and "thidua-desktop đang mở" in said.err and "Traceback" not in said.err + said.out
    finally:
        lock.unlock()
    from thidua_desktop.store.database import Database

    db = Database.open(paths)
    try:
        assert upper.list_received(db, YEAR) == [] and upper.list_units(db)[0].certificates == ()
    finally:
        db.close()
