"""The workbook signature covers what a reader sees or counts (issue 14).

A signed workbook (form 2, ``thidua-cellsig/2``) must fail verification after any of: a custom
number format that shows another number, a hidden row (or column, or sheet), a white font on the
figures, an added comment — while an openpyxl or LibreOffice re-save still verifies. Signatures of
the old form 1 still verify and say what they do not cover. Every file is made here.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.styles import Font

from tests.test_signing_fixtures import UNIT_NAME, keydir, signing_ca, unit_key  # noqa: F401  (fixtures)
from thidua_desktop.signing import look, signers, workbook
from thidua_desktop.signing.verify import INVALID, VALID, describe, verify

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed"
)


def report_book(path: Path) -> Path:
    """A report as the program writes them: title, a table of figures with formats, a total,
    a theme-less header font, a hidden source sheet, and one column already hidden."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Báo cáo")
    title = wb.add_format({"bold": True, "font_size": 13, "font_name": "Times New Roman"})
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    money = wb.add_format({"num_format": "#,##0", "font_color": "#1F4E79"})
    pct = wb.add_format({"num_format": "0.0%"})
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, "BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA", title)
    ws.write_row(2, 0, ["STT", "Chỉ tiêu", "Số tiền (đồng)", "Tỷ lệ", "Ngày", "Ghi chú nội bộ"], head)
    for r in range(12):
        ws.write_number(3 + r, 0, r + 1)
        ws.write_string(3 + r, 1, f"Chỉ tiêu số {r + 1}")
        ws.write_number(3 + r, 2, 1_250_000 * (r + 1), money)
        ws.write_number(3 + r, 3, 0.05 * r, pct)
        ws.write_datetime(3 + r, 4, dt.datetime(2021, 3, 1) + dt.timedelta(days=r), day)
        ws.write_string(3 + r, 5, "nội bộ")
    ws.write_formula(15, 2, "=SUM(C4:C15)", money, sum(1_250_000 * (r + 1) for r in range(12)))
    ws.set_column(5, 5, None, None, {"hidden": True})
    ws.set_row(13, None, None, {"hidden": True})  # row 14 hidden already when signed
    dong = wb.add_format({"num_format": '#,##0 "đ"', "italic": True, "font_color": "#C00000"})
    ws.write_number(17, 2, 87_500, dong)
    ws.write_number(18, 2, 0.123456, wb.add_format({"num_format": '0.00;[Red]-0.00;"-"'}))
    ws.conditional_format(
        "D4:D15",
        {
            "type": "cell",
            "criteria": ">",
            "value": 0.4,
            "format": wb.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"}),
        },
    )
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Số tiền", "values": "='Báo cáo'!$C$4:$C$15"})
    ws.insert_chart("H3", chart)
    ws.write_comment(0, 5, "Ghi chú có sẵn khi ký")
    src = wb.add_worksheet("Số liệu gốc")
    src.write_row(0, 0, ["Tổng số đoàn viên", 287])
    src.hide()
    guide = wb.add_worksheet("Hướng dẫn")
    guide.write(0, 0, "Số liệu lấy từ sổ theo dõi của Ban Chấp hành.")
    wb.close()
    return path


@pytest.fixture
def signer(unit_key):
    path, password, _, _ = unit_key
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        yield s


@pytest.fixture
def signed(tmp_path, signer):
    return workbook.sign_workbook(report_book(tmp_path / "bao-cao.xlsx"), None, signer).path


def _resave(src: Path, dst: Path, change=None) -> Path:
    wb = openpyxl.load_workbook(src)
    if change is not None:
        change(wb)
    wb.save(dst)
    return dst


def _another_number(wb):  # shows 15,000,000 whatever C4 holds
    wb["Báo cáo"]["C4"].number_format = '"15.000.000"'


def _hidden_row(wb):
    wb["Báo cáo"].row_dimensions[9].hidden = True


def _white_figures(wb):
    for row in wb["Báo cáo"]["C4:C15"]:
        for cell in row:
            cell.font = Font(color="FFFFFF")


def _added_comment(wb):
    wb["Báo cáo"]["C10"].comment = Comment("Số này đã được duyệt", "Người lạ")


def _hidden_column(wb):
    wb["Báo cáo"].column_dimensions["D"].hidden = True


def _hidden_sheet(wb):
    wb.active = wb.sheetnames.index("Hướng dẫn")
    wb["Báo cáo"].sheet_state = "hidden"


def _shown_sheet(wb):
    wb["Số liệu gốc"].sheet_state = "visible"


def _bold_total(wb):
    wb["Báo cáo"]["C16"].font = Font(bold=True, color="1F4E79")


def _conditional_white(wb):  # every figure over 0 shown in white: a conditional format, no cell touched
    from openpyxl.formatting.rule import CellIsRule

    wb["Báo cáo"].conditional_formatting.add(
        "C4:C15", CellIsRule(operator="greaterThan", formula=["0"], font=Font(color="FFFFFF"))
    )


def _added_chart(wb):  # a second chart, e.g. lying over the figures
    from openpyxl.chart import BarChart, Reference

    ws = wb["Báo cáo"]
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=4, max_row=15))
    ws.add_chart(chart, "C4")


CHANGES = {
    "custom number format showing another number": _another_number,
    "hidden row": _hidden_row,
    "white font on the figures": _white_figures,
    "added comment": _added_comment,
    "hidden column": _hidden_column,
    "hidden sheet": _hidden_sheet,
    "hidden sheet shown": _shown_sheet,
    "a font changed": _bold_total,
    "conditional white font": _conditional_white,
    "added chart": _added_chart,
}


def test_openpyxl_resave_still_verifies(signed, unit_key, tmp_path):
    resaved = _resave(signed, tmp_path / "luu-lai.xlsx")
    assert resaved.read_bytes() != signed.read_bytes()
    v = verify(resaved, [unit_key[2]])
    assert (v.status, v.accepted) == (VALID, True), v.reasons
    assert workbook.read_signature_sheet(resaved)["format"] == "thidua-cellsig/2"
    text = "\n".join(describe(v))
    assert "định dạng số" in text and "phông chữ" in text and "ghi chú" in text and "ẩn" in text
    # and twice over (openpyxl re-saving its own output)
    v2 = verify(_resave(resaved, tmp_path / "lan-2.xlsx"), [unit_key[2]])
    assert v2.status == VALID, v2.reasons


@pytest.mark.parametrize("what", list(CHANGES))
def test_a_change_to_what_a_reader_sees_fails(signed, unit_key, tmp_path, what):
    changed = _resave(signed, tmp_path / "sua.xlsx", CHANGES[what])
    v = verify(changed, [unit_key[2]])
    assert v.status == INVALID and not v.accepted, (what, v.reasons)
    assert "Dữ liệu sổ tính đã bị thay đổi sau khi ký." in v.reasons
    assert any("cách hiển thị" in r for r in v.reasons)


def test_the_canonical_form_says_what_changed(signed, tmp_path):
    before = workbook.canonical_data(signed).data.decode().splitlines()
    assert before[0] == '["form",2]'
    assert '["sheet","Số liệu gốc","hidden"]' in before and '["hidden-cols",[[6,6]]]' in before
    assert '["hidden-rows",[[14,14]],false]' in before and '[18,3,"n","87500.0",6,"87,500 đ"]' in before
    assert any(line.startswith('["comment",1,6,') for line in before) and '["drawings",1]' in before
    assert (
        '["cond","D4:D15","cellIs","greaterThan",["0.4"],{"fill":"FFC7CE","font":{"color":"9C0006"}},"",false]'
        in before
    )
    assert '[4,3,"n","1250000.0",3,"1,250,000"]' in before  # the text shown, where it is not the number
    after = workbook.canonical_data(_resave(signed, tmp_path / "a.xlsx", _another_number)).data.decode()
    assert '"fmt":"\\"15.000.000\\""' in after and '[4,3,"n","1250000.0",' in after
    assert ',"15.000.000"]' in after
    white = workbook.canonical_data(_resave(signed, tmp_path / "b.xlsx", _white_figures)).data.decode()
    assert '"FFFFFF"' in white
    hidden = workbook.canonical_data(_resave(signed, tmp_path / "c.xlsx", _hidden_row)).data.decode()
    assert '["hidden-rows",[[9,9],[14,14]],false]' in hidden


def test_the_text_a_format_shows():
    d, n = look.display_text, look.normalise_format
    assert d(1250000, n("#,##0")) == "1,250,000" and d(0.05, n("0.0%")) == "5.0%"
    assert d(1250000, n('"15.000.000"')) == "15.000.000" and d(7, n(";;;")) == ""
    assert d(-3, n("0;(0)")) == "(3)" and d(0, n('0;-0;"-"')) == "-" and d(0.5, n("0")) == "1"
    assert d(12, n('#,##0\\ "đ"')) == "12 đ" and d(1234567, n('#,##0,"K"')) == "1,235K"
    assert d(44000, n("dd/mm/yyyy")) is None  # dates: the format code alone is signed


def test_number_formats_are_normalised_not_compared_as_written():
    n = look.normalise_format
    assert n("General") == n("GENERAL") == n("@") == ""
    assert n("DD/MM/YYYY") == n("dd/mm/yyyy") == n('dd"/"mm"/"yyyy') == n("dd\\/mm\\/yyyy")
    assert n('#,##0\\ "đ"') == n('#,##0" đ"') == n("#,##0 [$đ-42A]")
    assert n('"15"') != n("0") and n("0;0;0") != n("0") and n(";;;") != ""
    assert n("[$-409]d-mmm-yy") == n("d-mmm-yy")


def test_old_form_1_signatures_verify_and_say_what_they_do_not_cover(tmp_path, signer, unit_key):
    old = workbook.sign_workbook(report_book(tmp_path / "cu.xlsx"), None, signer, form=1).path
    assert workbook.read_signature_sheet(old)["format"] == "thidua-cellsig/1"
    v = verify(old, [unit_key[2]])
    assert (v.status, v.accepted) == (VALID, True), v.reasons
    assert "KHÔNG bao gồm định dạng số" in v.covered
    assert any("dạng cũ (thidua-cellsig/1)" in r for r in v.reasons)
    # a format change is not caught by the old form (stated), a value change is
    reformatted = verify(_resave(old, tmp_path / "cu-dinh-dang.xlsx", _another_number), [unit_key[2]])
    assert reformatted.status == VALID and any("vẫn hiện hợp lệ" in r for r in reformatted.reasons)

    def value(wb):
        wb["Báo cáo"]["C4"] = 9_999_999

    assert verify(_resave(old, tmp_path / "cu-gia-tri.xlsx", value), [unit_key[2]]).status == INVALID


def test_cli_verify_states_coverage(signed, unit_key, tmp_path, monkeypatch, capsys):
    from thidua_desktop.cli.main import main

    pem = tmp_path / "unit.pem"
    from thidua_desktop.signing import keys

    pem.write_bytes(keys.cert_pem(unit_key[2]))
    rc = main(["--data-dir", str(tmp_path / "d"), "verify", str(signed), "--trust", str(pem)])
    out = capsys.readouterr()
    assert rc == 0, out
    assert "định dạng số của từng ô" in out.out
    changed = _resave(signed, tmp_path / "sua.xlsx", _white_figures)
    rc = main(["--data-dir", str(tmp_path / "d"), "verify", str(changed), "--trust", str(pem)])
    out = capsys.readouterr()
    assert rc == 2 and "thay đổi sau khi ký" in out.out + out.err


@needs_libreoffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods-then-xlsx"])
def test_libreoffice_resave_still_verifies(signed, unit_key, tmp_path, fmt):
    profile = tmp_path / "lo-profile"

    def convert(src: Path, to: str, outdir: Path) -> Path:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        return outdir / (src.stem + "." + to.split(":")[0])

    if fmt == "xlsx":
        resaved = convert(signed, "xlsx", tmp_path / "lo")
    else:
        ods = convert(signed, "ods", tmp_path / "lo-ods")
        resaved = convert(ods, "xlsx", tmp_path / "lo-xlsx")
    assert resaved.exists() and resaved.read_bytes() != signed.read_bytes()
    v = verify(resaved, [unit_key[2]])
    if v.status != VALID:  # show the difference of the canonical lines, for the failure message
        a = set(workbook.canonical_data(signed).data.decode().splitlines())
        b = set(workbook.canonical_data(resaved).data.decode().splitlines())
        pytest.fail(
            json.dumps(
                {"only_signed": sorted(a - b)[:15], "only_resaved": sorted(b - a)[:15]}, ensure_ascii=False, indent=1
            )
        )
    assert v.accepted
    # and a change made in LibreOffice's output is still caught
    changed = _resave(resaved, tmp_path / "lo-sua.xlsx", _hidden_row)
    assert verify(changed, [unit_key[2]]).status == INVALID


# --- PDFs: "changed after signing" told apart from "later additions that change no content" --------


@pytest.fixture
def signed_pdf(tmp_path, unit_key):
    from tests.test_signing_fixtures import make_pdf
    from thidua_desktop.signing import pdf

    path, password, _, _ = unit_key
    with signers.open_signer(signers.P12Spec(path, password)) as s:
        return pdf.sign_pdf(make_pdf(tmp_path / "bao-cao.pdf"), None, s).path


def _incremental(src: Path, dst: Path, change) -> Path:
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()))
    change(w)
    out = io.BytesIO()
    w.write(out)
    dst.write_bytes(out.getvalue())
    return dst


def _cli_verify(path: Path, tmp_path: Path, pem: Path | None, capsys) -> tuple[int, str]:
    from thidua_desktop.cli.main import main

    argv = ["--data-dir", str(tmp_path / "d"), "verify", str(path)] + (["--trust", str(pem)] if pem else [])
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out + out.err


def test_pdf_bytes_after_eof_are_later_additions_not_a_change(signed_pdf, unit_key, tmp_path, capsys):
    appended = tmp_path / "noi-them.pdf"
    appended.write_bytes(signed_pdf.read_bytes() + b"\n% them vao sau khi ky\n")
    v = verify(appended, [unit_key[2]])
    assert v.status == INVALID and v.additions_only and not v.accepted
    assert v.additions == ["22 byte nối thêm sau dấu kết thúc tệp %%EOF"]
    assert "CÓ PHẦN GHI THÊM" in v.summary() and "nội dung không bị thay đổi sau khi ký" in v.reasons[0]
    rc, text = _cli_verify(appended, tmp_path, unit_key[3], capsys)
    assert rc == 4 and "22 byte nối thêm sau dấu kết thúc tệp %%EOF" in text
    # the same file with an unknown signer: not trusted comes first (2)
    rc, _ = _cli_verify(appended, tmp_path / "khac", None, capsys)
    assert rc == 2


def test_pdf_noop_incremental_update_is_named(signed_pdf, unit_key, tmp_path, capsys):
    from pyhanko.pdf_utils import generic

    def noop(w):
        w.update_root()  # the catalog written again, unchanged
        w.add_object(generic.TextStringObject("không dùng"))  # an object nothing points to

    later = _incremental(signed_pdf, tmp_path / "cap-nhat-rong.pdf", noop)
    v = verify(later, [unit_key[2]])
    assert v.additions_only, v.reasons
    (added,) = v.additions
    assert added.startswith("một lần cập nhật gia tăng (phiên bản 3/3)")
    assert "1 đối tượng mới không dùng đến" in added and "đối tượng ghi lại y như cũ" in added
    # pyHanko's writer also refreshes /ModDate in the document information, unless it is the same second
    assert "thông tin tệp" in added or "2 đối tượng ghi lại y như cũ" in added
    rc, text = _cli_verify(later, tmp_path, unit_key[3], capsys)
    assert rc == 4 and "cập nhật gia tăng" in text


def test_pdf_content_change_after_signing_is_a_change(signed_pdf, unit_key, tmp_path, capsys):
    from pyhanko.pdf_utils import generic

    def draw(w):
        w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 50 50 500 700 re f Q")))

    changed = _incremental(signed_pdf, tmp_path / "ve-de.pdf", draw)
    v = verify(changed, [unit_key[2]])
    assert v.status == INVALID and not v.additions_only and v.additions == []
    assert any("nội dung đã bị thay đổi sau khi ký" in r for r in v.reasons)
    rc, text = _cli_verify(changed, tmp_path, unit_key[3], capsys)
    assert rc == 2 and "KHÔNG hợp lệ" in text
    rc, _ = _cli_verify(signed_pdf, tmp_path, unit_key[3], capsys)
    assert rc == 0


def test_sheet_scan_reads_the_same_from_any_writer():
    """Excel/XlsxWriter write ``<c r="B2" s="3">``; other producers omit ``r`` or prefix the tags."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    plain = (
        f'<worksheet xmlns="{ns}"><sheetFormatPr defaultRowHeight="15"/><cols>'
        '<col min="2" max="3" width="0" customWidth="1"/><col min="5" max="5" hidden="1"/></cols><sheetData>'
        '<row r="1"><c r="A1" s="2"><v>1</v></c><c r="B1" s="0"><v>2</v></c></row>'
        '<row r="2" hidden="1"><c r="A2"><v>3</v></c></row>'
        '<row r="4" ht="0" customHeight="1"><c r="C4" s="7"><v>4</v></c></row></sheetData></worksheet>'
    )
    odd = (
        f'<x:worksheet xmlns:x="{ns}"><x:sheetFormatPr defaultRowHeight="15"/><x:cols>'
        "<x:col min='2' max='3' width='0' customWidth='true'/><x:col min='5' max='5' hidden='true'/></x:cols>"
        '<x:sheetData><x:row><x:c s="2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>'
        '<x:row hidden="1"><x:c><x:v>3</x:v></x:c></x:row>'
        '<x:row r="4" ht="0.0" customHeight="1"><x:c r="C4" s="7"><x:v>4</x:v></x:c></x:row></x:sheetData>'
        "</x:worksheet>"
    )
    a, b = look.scan_sheet(plain.encode()), look.scan_sheet(odd.encode())
    assert a == b
    assert a.styles == {(1, 1): 2, (4, 3): 7} and a.hidden_rows == {2, 4} and a.hidden_cols == {2, 3, 5}
