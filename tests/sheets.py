"""Builders of test spreadsheets and legacy-encoded text (tests only).

Every workbook a test needs is generated into ``tmp_path``: .xlsx with openpyxl (plus a
post-processing step that stores cached formula results, which openpyxl cannot write),
.xls with xlwt, .ods with odfpy, an encrypted .xlsx with msoffcrypto-tool, and a zip bomb.

The legacy encoders here are written independently of ``core.legacy_text`` (a byte table
taken from TCVN 5712:1993 VN3 in byte order, and VNI built from the letters' Unicode
decomposition) so that round trips check the module's tables instead of mirroring them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

# ---------------------------------------------------------------------------
# Vietnamese letters and legacy encoders
# ---------------------------------------------------------------------------

VOWELS = "aăâeêioôơuưy"
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng


def vietnamese_letters() -> list[str]:
    """The 134 letters Vietnamese adds to ASCII: 67 lower case (66 vowels with a tone or
    modifier, and đ) and their 67 capitals."""
    lower = []
    for vowel in VOWELS:
        for tone in TONE_MARKS:
            letter = unicodedata.normalize("NFC", vowel + tone)
            if not letter.isascii():
                lower.append(letter)
    lower.append("đ")
    return lower + [c.upper() for c in lower]


# TCVN3 (VN3) in byte order: byte -> Unicode code point.
_VN3_BYTES = {
    0xA1: 0x0102, 0xA2: 0x00C2, 0xA3: 0x00CA, 0xA4: 0x00D4, 0xA5: 0x01A0, 0xA6: 0x01AF,
    0xA7: 0x0110, 0xA8: 0x0103, 0xA9: 0x00E2, 0xAA: 0x00EA, 0xAB: 0x00F4, 0xAC: 0x01A1,
    0xAD: 0x01B0, 0xAE: 0x0111,
    0xB5: 0x00E0, 0xB6: 0x1EA3, 0xB7: 0x00E3, 0xB8: 0x00E1, 0xB9: 0x1EA1,
    0xBB: 0x1EB1, 0xBC: 0x1EB3, 0xBD: 0x1EB5, 0xBE: 0x1EAF,
    0xC6: 0x1EB7, 0xC7: 0x1EA7, 0xC8: 0x1EA9, 0xC9: 0x1EAB, 0xCA: 0x1EA5, 0xCB: 0x1EAD,
    0xCC: 0x00E8, 0xCE: 0x1EBB, 0xCF: 0x1EBD,
    0xD0: 0x00E9, 0xD1: 0x1EB9, 0xD2: 0x1EC1, 0xD3: 0x1EC3, 0xD4: 0x1EC5, 0xD5: 0x1EBF,
    0xD6: 0x1EC7, 0xD7: 0x00EC, 0xD8: 0x1EC9, 0xDC: 0x0129, 0xDD: 0x00ED, 0xDE: 0x1ECB,
    0xDF: 0x00F2,
    0xE1: 0x1ECF, 0xE2: 0x00F5, 0xE3: 0x00F3, 0xE4: 0x1ECD, 0xE5: 0x1ED3, 0xE6: 0x1ED5,
    0xE7: 0x1ED7, 0xE8: 0x1ED1, 0xE9: 0x1ED9, 0xEA: 0x1EDD, 0xEB: 0x1EDF, 0xEC: 0x1EE1,
    0xED: 0x1EDB, 0xEE: 0x1EE3, 0xEF: 0x00F9,
    0xF1: 0x1EE7, 0xF2: 0x0169, 0xF3: 0x00FA, 0xF4: 0x1EE5, 0xF5: 0x1EEB, 0xF6: 0x1EED,
    0xF7: 0x1EEF, 0xF8: 0x1EE9, 0xF9: 0x1EF1, 0xFA: 0x1EF3, 0xFB: 0x1EF7, 0xFC: 0x1EF9,
    0xFD: 0x00FD, 0xFE: 0x1EF5,
}  # fmt: skip
_TO_VN3 = {chr(u): chr(b) for b, u in _VN3_BYTES.items()}


def to_tcvn3(text: str) -> str:
    """Encode Unicode as typed in .VnTime (capitals with a tone cannot be encoded)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out.append(ch)
        elif ch in _TO_VN3:
            out.append(_TO_VN3[ch])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 code in a lower-case font")
    return "".join(out)


def to_tcvn3_upper(text: str) -> str:
    """Encode Unicode as typed in .VnTimeH: lower-case codes, which the font draws as capitals."""
    return to_tcvn3(text.lower())


_VNI_TONE = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(ch: str) -> str:
    if ch in "đĐ":
        return "ñ" if ch == "đ" else "Ñ"
    upper = ch.isupper()
    parts = unicodedata.normalize("NFD", ch.lower())
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in _VNI_TONE and m), "")
    if base == "i":
        out = _VNI_I[tone]
    elif base == "y" and tone == "\u0323":
        out = "î"
    elif "\u031b" in marks:  # horn: ơ, ư are single bytes that take a tone byte
        out = {"o": "ô", "u": "ö"}[base] + _VNI_TONE[tone]
    elif "\u0302" in marks:
        out = base + _VNI_CIRCUMFLEX[tone]
    elif "\u0306" in marks:
        out = base + _VNI_BREVE[tone]
    else:
        out = base + _VNI_TONE[tone]
    return out.upper() if upper else out


def to_vni(text: str) -> str:
    """Encode Unicode as typed in VNI-Times (base letter + mark byte)."""
    return "".join(ch if ch.isascii() else _vni_letter(ch) for ch in unicodedata.normalize("NFC", text))


# ---------------------------------------------------------------------------
# .xlsx
# ---------------------------------------------------------------------------

Cell = object
Rows = Sequence[Sequence[Cell]]


def write_xlsx(
    path: Path,
    rows: Rows,
    *,
    title: str = "DS",
    fonts: dict[tuple[int, int], str] | None = None,
    column_fonts: dict[int, str] | None = None,
    row_fonts: dict[int, str] | None = None,
    hidden_rows: Iterable[int] = (),
    merged: Iterable[str] = (),
    date_format: str = "dd/mm/yyyy",
    extra_sheets: Sequence[tuple[str, Rows, str]] = (),
    cached: dict[str, object] | None = None,
    first: tuple[str, Rows, str] | None = None,
) -> Path:
    """Write *rows* (row 0 = Excel row 1) to an .xlsx.

    ``fonts`` sets a font per (row, col) (0-based), ``column_fonts`` per column for every
    non-empty cell, ``row_fonts`` per row; ``hidden_rows`` are 0-based; ``merged`` are
    ranges like ``"C6:D6"``; ``extra_sheets`` are (name, rows, state) with state
    "visible"/"hidden"/"veryHidden"; ``first`` puts such a sheet before the main one.
    Strings starting with "=" are formulas; ``cached`` gives their stored results by cell
    reference ("F7": 42), written into the file like Excel does.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    main = wb.active
    sheets: list[tuple[str, Rows, str]] = []
    if first:
        sheets.append(first)
    sheets.append((title, rows, "visible"))
    sheets.extend(extra_sheets)
    for i, (name, sheet_rows, state) in enumerate(sheets):
        ws = main if i == 0 else wb.create_sheet()
        ws.title = name
        ws.sheet_state = state
        for r, row in enumerate(sheet_rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r + 1, column=c + 1, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = date_format
                if name == title:
                    font = (fonts or {}).get((r, c)) or (row_fonts or {}).get(r) or (column_fonts or {}).get(c)
                    if font:
                        cell.font = Font(name=font)
        if name == title:
            for r in hidden_rows:
                ws.row_dimensions[r + 1].hidden = True
            for ref in merged:
                ws.merge_cells(ref)
    wb.save(path)
    _excel_like(path, title_index=1 if first else 0, cached=cached or {})
    return path


def _excel_like(path: Path, *, title_index: int, cached: dict[str, object]) -> None:
    """Make the sheet XML what Excel writes: cached results in formula cells, and
    ``xml:space="preserve"`` on text with leading or trailing spaces (openpyxl omits it,
    and readers then drop a cell of spaces)."""
    member = f"xl/worksheets/sheet{title_index + 1}.xml"
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    out = []
    for info, data in items:
        if info.filename.startswith("xl/worksheets/sheet"):
            data = re.sub(rb"<t>(\s[^<]*|[^<]*\s)</t>", rb'<t xml:space="preserve">\1</t>', data)
        if info.filename == member:
            xml = data.decode()
            for ref, value in cached.items():
                if isinstance(value, str):
                    repl = rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v></c>'
                else:
                    repl = rf'<c r="{ref}"\1><f>\2</f><v>{value}</v></c>'
                # openpyxl writes <v/> with the standard library's XML writer and <v></v> with lxml
                xml, n = re.subn(rf'<c r="{ref}"([^>]*?)><f>(.*?)</f>(?:<v\s*/>|<v>\s*</v>)</c>', repl, xml)
                assert n == 1, f"no formula at {ref}"
            data = xml.encode()
        out.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data)


def encrypt_xlsx(src: Path, dst: Path, password: str = "matkhau") -> Path:
    """Password-protect an .xlsx the way Excel does (an OLE2 file with EncryptedPackage)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt(password, out)
    dst.write_bytes(out.getvalue())
    return dst


def zip_bomb(path: Path, *, size: int = 210 * 1024 * 1024) -> Path:
    """A file that looks like an .xlsx but whose sheet inflates to *size* bytes of zeros.

    Written in 1 MiB steps so the test never holds the inflated data in memory.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        chunk = b"0" * (1024 * 1024)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return path


def lie_about_size(path: Path, member: str, declared: int) -> Path:
    """Rewrite the sizes a zip declares for *member* (local header and central directory).

    A zip bomb can claim a small size and inflate to much more; a reader that trusts the
    declared size must still stop at it.
    """
    import struct

    data = bytearray(path.read_bytes())
    name = member.encode()
    # local file header: signature, ..., compressed size at 18, uncompressed size at 22, name at 30
    pos = data.find(b"PK\x03\x04")
    while pos >= 0:
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30 : pos + 30 + n] == name:
            struct.pack_into("<I", data, pos + 22, declared)
        pos = data.find(b"PK\x03\x04", pos + 4)
    # central directory entry: uncompressed size at 24, name length at 28, name at 46
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, declared)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------------------
# .xls (xlwt)
# ---------------------------------------------------------------------------


def write_xls(
    path: Path,
    rows: Rows,
    *,
    title: str = "DS",
    fonts: dict[tuple[int, int], str] | None = None,
    column_fonts: dict[int, str] | None = None,
    hidden_rows: Iterable[int] = (),
    merged: Iterable[tuple[int, int, int, int]] = (),
    extra_sheets: Sequence[tuple[str, Rows, bool]] = (),
) -> Path:
    """Write an .xls (BIFF8). ``merged`` are (r0, r1, c0, c1) inclusive; extra sheets are
    (name, rows, hidden)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[tuple[str | None, bool], xlwt.XFStyle] = {}

    def style(font: str | None, is_date: bool) -> xlwt.XFStyle:
        key = (font, is_date)
        if key not in styles:
            st = xlwt.XFStyle()
            if font:
                f = xlwt.Font()
                f.name = font
                st.font = f
            if is_date:
                st.num_format_str = "dd/mm/yyyy"
            styles[key] = st
        return styles[key]

    def fill(ws, sheet_rows: Rows, main: bool) -> None:
        merged_cells = {}
        if main:
            for r0, r1, c0, c1 in merged:
                merged_cells[(r0, c0)] = (r1, c1)
        covered = {
            (r, c)
            for (r0, c0), (r1, c1) in merged_cells.items()
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }
        for r, row in enumerate(sheet_rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                font = None
                if main:
                    font = (fonts or {}).get((r, c)) or (column_fonts or {}).get(c)
                st = style(font if value not in (None, "") else None, isinstance(value, dt.date))
                v = "" if value is None else value
                if isinstance(v, str) and v.startswith("="):
                    v = xlwt.Formula(v[1:])
                if (r, c) in merged_cells:
                    r1, c1 = merged_cells[(r, c)]
                    ws.write_merge(r, r1, c, c1, v, st)
                elif v != "":
                    ws.write(r, c, v, st)
        if main:
            for r in hidden_rows:
                ws.row(r).hidden = True

    fill(wb.add_sheet(title), rows, True)
    for name, sheet_rows, hidden in extra_sheets:
        ws = wb.add_sheet(name)
        if hidden:
            ws.visibility = 1
        fill(ws, sheet_rows, False)
    wb.save(str(path))
    return path


# ---------------------------------------------------------------------------
# .ods (odfpy)
# ---------------------------------------------------------------------------


def write_ods(
    path: Path,
    rows: Rows,
    *,
    title: str = "DS",
    column_fonts: dict[int, str] | None = None,
    hidden_rows: Iterable[int] = (),
    extra_sheets: Sequence[tuple[str, Rows, bool]] = (),
) -> Path:
    """Write an .ods; ``column_fonts`` gives the font of text cells per column; extra
    sheets are (name, rows, hidden)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import FontFace, Style, TableProperties, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    style_names: dict[str, str] = {}
    for i, font in enumerate(sorted(set((column_fonts or {}).values()))):
        doc.fontfacedecls.addElement(FontFace(name=font, fontfamily=font))
        st = Style(name=f"ce{i + 1}", family="table-cell")
        st.addElement(TextProperties(fontname=font))
        doc.automaticstyles.addElement(st)
        style_names[font] = f"ce{i + 1}"
    hidden = set(hidden_rows)
    hidden_table = Style(name="ta_hidden", family="table")
    hidden_table.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden_table)

    def table(name: str, sheet_rows: Rows, main: bool, is_hidden: bool = False) -> Table:
        t = Table(name=name, stylename="ta_hidden") if is_hidden else Table(name=name)
        for r, row in enumerate(sheet_rows):
            tr = TableRow(visibility="collapse") if main and r in hidden else TableRow()
            for c, value in enumerate(row):
                kw: dict[str, object] = {}
                if value is None or value == "":
                    tr.addElement(TableCell())
                    continue
                if isinstance(value, bool):
                    kw = {"valuetype": "boolean", "booleanvalue": "true" if value else "false"}
                    text = "TRUE" if value else "FALSE"
                elif isinstance(value, dt.date):
                    kw = {"valuetype": "date", "datevalue": value.isoformat()}
                    text = value.strftime("%d/%m/%Y")
                elif isinstance(value, int | float):
                    kw = {"valuetype": "float", "value": value}
                    text = str(value)
                else:
                    kw = {"valuetype": "string"}
                    text = str(value)
                    font = (column_fonts or {}).get(c) if main else None
                    if font:
                        kw["stylename"] = style_names[font]
                cell = TableCell(**kw)
                cell.addElement(P(text=text))
                tr.addElement(cell)
            t.addElement(tr)
        return t

    doc.spreadsheet.addElement(table(title, rows, True))
    for name, sheet_rows, is_hidden in extra_sheets:
        doc.spreadsheet.addElement(table(name, sheet_rows, False, is_hidden))
    doc.save(str(path))
    return path


# ---------------------------------------------------------------------------
# A typical roster
# ---------------------------------------------------------------------------

TITLE_BLOCK: list[list[Cell]] = [
    ["CÔNG TY TNHH MAY HOA LƯ"],
    ["CÔNG ĐOÀN CƠ SỞ"],
    [],
    ["DANH SÁCH CÁN BỘ CÔNG NHÂN VIÊN NĂM 2021"],
    [],
]

PEOPLE: list[tuple[str, dt.date, str, str, str]] = [
    ("Nguyễn Văn An", dt.date(1985, 3, 12), "M", "Công nhân may", "Tổ 1"),
    ("Phạm Thị Hoa", dt.date(1979, 11, 2), "F", "Chủ tịch CĐCS", "Tổ 2"),
    ("Đinh Văn Tùng", dt.date(1990, 7, 30), "M", "Tổ trưởng", "Tổ 1"),
    ("Trần Thị Hương", dt.date(1995, 1, 5), "F", "Công nhân may", "Tổ 3"),
]


def simple_roster(people: Sequence[tuple[str, dt.date, str, str, str]] = PEOPLE) -> list[list[Cell]]:
    """Title block, header on Excel row 6, numbering row, then one row per person."""
    rows: list[list[Cell]] = [list(r) for r in TITLE_BLOCK]
    rows.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Tổ công đoàn", "Đoàn viên"])
    rows.append([1, 2, 3, 4, 5, 6, 7])
    for i, (name, born, gender, position, group) in enumerate(people, start=1):
        rows.append([i, name, born, "Nam" if gender == "M" else "Nữ", position, group, "x"])
    return rows
