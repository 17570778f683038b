"""A signature over a workbook's data, kept inside the workbook (tech-notes §4(c)).

What is signed is the *canonical data* of the workbook, not its bytes, so that re-saving it
with the same values (openpyxl, LibreOffice) keeps it valid while any changed value breaks it:

* UTF-8 JSON lines: ``["sheet", name]`` for each data sheet (visible or hidden, in workbook
  order; the signature sheet ``_chu_ky_so`` and chart sheets excluded), then
  ``[row, col, type, value]`` for every non-empty cell (1-based, row by row);
* strings NFC-normalised (type ``"s"``), numbers as ``repr(float(v))`` after rounding to 15
  significant digits (``"n"``, so 5 and 5.0 agree, and LibreOffice's 15-digit saving agrees with
  Excel's 17), booleans (``"b"``, also when LibreOffice saved them as ``TRUE()``), dates and
  date-times as an ISO date-time (``"d"``), times of day (``"t"``) and durations in seconds (``"u"``);
* a formula cell counts by its formula (``"f"``, without the leading ``=`` and the spaces
  outside string literals; shared formulas expanded per cell), not by its cached result: programs
  drop (openpyxl) or recompute (Excel, LibreOffice) cached results when they save, while the
  formula and the cells it reads are what the numbers rest on;
* form 2 (``thidua-cellsig/2``, signed since issue 14; the first line ``["form",2]`` is part of
  what is signed) adds what changes what a reader sees or counts (:mod:`signing.look`): each
  sheet's state (visible, hidden, very hidden), hidden rows and columns, each non-empty cell's
  number format, font and fill, the comments, the conditional formats and the number of
  drawings on each sheet. Form 1 (``thidua-cellsig/1``) signatures are
  still verified, over values and formulas only, and the verdict says that formats, hidden rows and
  comments are not covered by them;
* column widths, and what pictures and charts show and where, are not covered.

Before anything is read, every zip member is inflated by :mod:`exchange.safezip` (bounded).

The bytes are signed as a detached CMS (SHA-256) and stored, with the certificate, in the very
hidden sheet ``_chu_ky_so`` (key in column A, value in B — split over C, D, … if longer than a
cell holds). The sheet is added to the package directly, so every other part of the file stays
byte for byte as the producer wrote it. Optionally a detached ``.p7s`` over the final file's
bytes is written beside it (checked with ``openssl cms -verify``; any re-save breaks that one).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from json.encoder import encode_basestring as _jstr
from pathlib import Path

from thidua_desktop.signing import keys
from thidua_desktop.signing.common import iso_vn, now_vn
from thidua_desktop.signing.errors import SigningError, UnreadableFile
from thidua_desktop.signing.pdf import SignResult, write_atomically

SIG_SHEET = "_chu_ky_so"
FORMAT_V1 = "thidua-cellsig/1"  # values and formulas only (signatures made before issue 14)
FORMAT = "thidua-cellsig/2"  # also what changes what a reader sees (signing.look)
FORMATS = {FORMAT_V1: 1, FORMAT: 2}
CELL_LIMIT = 32000  # Excel holds 32,767 characters in a cell
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


# --- canonical data --------------------------------------------------------------------------------


def read_package(path: Path) -> bytes:
    """The file's bytes, once every zip member has been inflated by our bounded reader
    (:mod:`exchange.safezip`): a member lying about its size is refused before calamine, zipfile
    or lxml inflate it."""
    from thidua_desktop.exchange import safezip

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {path.name} ({exc.strerror or exc}).") from None
    if not data.startswith(b"PK\x03\x04"):
        raise UnreadableFile(f"Tệp {path.name} không phải sổ tính Excel (.xlsx) đọc được.")
    try:
        safezip.check_zip(data, path.name)
    except safezip.ZipRefused as exc:
        raise UnreadableFile(exc.message_vi) from None
    return data


def _open_book(path: Path, data: bytes | None = None):
    import python_calamine as calamine

    if data is None:
        data = read_package(path)
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
        raise UnreadableFile(f"Tệp {path.name} không phải sổ tính Excel (.xlsx) đọc được.") from None


def number_text(value: float) -> str:
    """``repr(float)`` of the value rounded to 15 significant digits: Excel keeps 15 digits of
    precision and LibreOffice writes 15 when it saves (0.1 * 7 = 0.7000000000000001 comes back as
    0.7), so digits beyond the 15th are not data."""
    f = float(value)
    if not math.isfinite(f):
        return str(f)
    return repr(float(f"{f:.15g}"))


def _cell_line(r: int, c: int, v) -> str | None:
    """One JSON line, exactly as ``json.dumps([r, c, type, value], ensure_ascii=False,
    separators=(",", ":"))`` would write it (built by hand: 220,000 cells a second faster)."""
    if v is None or v == "":
        return None
    if v is True:
        return f'[{r},{c},"b",true]'
    if v is False:
        return f'[{r},{c},"b",false]'
    if isinstance(v, (int, float)):
        return f'[{r},{c},"n","{number_text(v)}"]'
    if isinstance(v, str):
        return f'[{r},{c},"s",{_jstr(unicodedata.normalize("NFC", v))}]'
    if isinstance(v, datetime):
        return f'[{r},{c},"d","{v.replace(tzinfo=None).isoformat()}"]'
    if isinstance(v, date):
        return f'[{r},{c},"d","{datetime(v.year, v.month, v.day).isoformat()}"]'
    if isinstance(v, time):
        return f'[{r},{c},"t","{v.replace(tzinfo=None).isoformat()}"]'
    if isinstance(v, timedelta):
        return f'[{r},{c},"u","{float(v.total_seconds())!r}"]'
    return f'[{r},{c},"s",{_jstr(unicodedata.normalize("NFC", str(v)))}]'


def _general_text(value: float) -> str:
    """A number as the General format shows it, near enough: 5 not 5.0."""
    text = number_text(value)
    return text[:-2] if text.endswith(".0") else text


def _formula_line(r: int, c: int, formula: str) -> str:
    return f'[{r},{c},"f",{_jstr(formula)}]'


@dataclass(frozen=True)
class CanonicalData:
    data: bytes
    sheets: tuple[str, ...]
    cells: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_REF = re.compile(r"^\$?([A-Z]+)\$?(\d+)$")


def _ref_to_rc(ref: str) -> tuple[int, int] | None:
    m = _CELL_REF.match(ref or "")
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def normalise_formula(text: str) -> str:
    """``=SUM( C5:C9 )`` and ``SUM(C5:C9)`` alike: no ``=``, no spaces outside string literals,
    no ``_xlfn.``/``_xlws.`` prefixes (added by some programs for newer functions)."""
    text = unicodedata.normalize("NFC", (text or "").strip())
    if text.startswith("="):
        text = text[1:]
    out = []
    in_str = False
    for ch in text:
        if ch == '"':
            in_str = not in_str
        if not in_str and ch.isspace():
            continue
        out.append(ch)
    text = "".join(out)
    return re.sub(r"_xl(?:fn|ws)\.", "", text)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the package (``xl/worksheets/sheet1.xml``)."""
    from lxml import etree

    wb = etree.fromstring(zf.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))}
    parts = {}
    for el in wb.iter(f"{{{_NS_MAIN}}}sheet"):
        target = rels.get(el.get(f"{{{_NS_REL}}}id"))
        if target:
            parts[unicodedata.normalize("NFC", el.get("name", ""))] = _part_path("xl", target)
    return parts


def _formulas(data: bytes) -> dict[tuple[int, int], str]:
    """The formula of every formula cell of one sheet part, shared formulas expanded."""
    from lxml import etree

    if not _HAS_FORMULA.search(data):
        return {}
    from openpyxl.formula.translate import Translator

    c_tag, f_tag, row_tag = f"{{{_NS_MAIN}}}c", f"{{{_NS_MAIN}}}f", f"{{{_NS_MAIN}}}row"
    found: dict[tuple[int, int], str] = {}
    shared: dict[str, tuple[str, str]] = {}
    row_no, col_no = 0, 0
    for event, el in etree.iterparse(io.BytesIO(data), events=("start", "end"), tag=(row_tag, c_tag), huge_tree=True):
        if el.tag == row_tag:
            if event == "start":
                row_no = int(el.get("r") or row_no + 1)
                col_no = 0
            else:
                el.clear()
            continue
        if event == "start":
            continue
        ref = el.get("r")
        rc = _ref_to_rc(ref) if ref else None
        if rc is None:
            col_no += 1
            rc = (row_no, col_no)
            ref = f"{_col(col_no)}{row_no}"
        else:
            col_no = rc[1]
        f = el.find(f_tag)
        if f is not None:
            text = f.text or ""
            if f.get("t") == "shared":
                si = f.get("si", "")
                if text:
                    shared[si] = (text, ref)
                elif si in shared:
                    master, origin = shared[si]
                    try:
                        text = Translator("=" + master, origin=origin).translate_formula(ref)
                    except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
                        text = master
            if text:
                formula = normalise_formula(text)
                if formula.upper() in ("TRUE()", "FALSE()"):
                    continue  # LibreOffice saves a TRUE/FALSE cell as a formula: it is the constant
                found[rc] = formula
        el.clear()
    return found


def canonical_data(path: str | os.PathLike[str], *, form: int = 2, data: bytes | None = None) -> CanonicalData:
    """The canonical bytes of every data sheet except ``_chu_ky_so``.

    ``form=1``: values and formulas only (as signed before issue 14). ``form=2`` (signed now)
    starts with ``["form",2]``, gives each sheet's state, its hidden rows and columns, each
    non-empty cell's look (``["look", k, {...}]`` once, then ``k`` as the cell line's fifth
    element; a sixth, the text its number format shows, where that is not the number itself)
    and the comments — see :mod:`signing.look`.
    """
    import python_calamine as calamine

    from thidua_desktop.signing import look as lk

    path = Path(path)
    if data is None:
        data = read_package(path)
    book = _open_book(path, data)
    lines: list[str] = []
    names: list[str] = []
    cells = 0
    looks: dict[str, int] = {}
    style_keys: dict[int, tuple[dict, str]] = {}  # cellXfs index → (look, its JSON)

    def dump(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = set(zf.namelist())
            parts = _sheet_parts(zf)
            styles = None
            states: dict[str, str] = {}
            if form >= 2:
                styles, states = _workbook_look(zf, members)
                lines.append(dump(["form", 2]))
            for i, meta in enumerate(book.sheets_metadata):
                if meta.name == SIG_SHEET or meta.typ != calamine.SheetTypeEnum.WorkSheet:
                    continue
                name = unicodedata.normalize("NFC", meta.name)
                names.append(name)
                part = parts.get(name)
                part_xml = zf.read(part) if part and part in members else b""
                formulas = _formulas(part_xml) if part_xml else {}
                sheet_look = None
                if form >= 2:
                    lines.append(dump(["sheet", name, states.get(name, "visible")]))
                    sheet_look = lk.scan_sheet(part_xml) if part_xml else lk.SheetLook()
                    if sheet_look.hidden_rows or sheet_look.rows_hidden_by_default:
                        lines.append(
                            dump(["hidden-rows", lk.ranges(sheet_look.hidden_rows), sheet_look.rows_hidden_by_default])
                        )
                    if sheet_look.hidden_cols:
                        lines.append(dump(["hidden-cols", lk.ranges(sheet_look.hidden_cols)]))
                else:
                    lines.append(json.dumps(["sheet", name], ensure_ascii=False, separators=(",", ":")))
                rows = book.get_sheet_by_index(i).to_python(skip_empty_area=False)
                entries: list[tuple[int, int, str]] = []
                numbers: dict[tuple[int, int], float] = {}
                for r, row in enumerate(rows, 1):
                    for c, v in enumerate(row, 1):
                        if (r, c) not in formulas:
                            line = _cell_line(r, c, v)
                            if line is not None:
                                entries.append((r, c, line))
                                if sheet_look is not None and isinstance(v, (int, float)) and not isinstance(v, bool):
                                    numbers[(r, c)] = v
                if formulas:  # merged in cell order, whether or not calamine saw a cached value
                    entries.extend((r, c, _formula_line(r, c, text)) for (r, c), text in formulas.items())
                    entries.sort(key=lambda e: (e[0], e[1]))
                if sheet_look is None:
                    lines.extend(e[2] for e in entries)
                else:
                    for r, c, line in entries:
                        style = sheet_look.styles.get((r, c), 0)
                        cached = style_keys.get(style)
                        if cached is None:
                            cell_look = styles.look(style)
                            cached = style_keys[style] = (cell_look, dump(cell_look))
                        cell_look, key = cached
                        k = looks.get(key)
                        if k is None:
                            k = looks[key] = len(looks)
                            lines.append(f'["look",{k},{key}]')
                        shown = None
                        if (r, c) in numbers and cell_look.get("fmt"):
                            shown = lk.display_text(numbers[(r, c)], cell_look["fmt"])
                            if shown == _general_text(numbers[(r, c)]):
                                shown = None
                        if shown is None:
                            lines.append(f"{line[:-1]},{k}]")
                        else:  # the text the format shows, where it is not the value as such
                            lines.append(f"{line[:-1]},{k},{_jstr(shown)}]")
                    base = part.rpartition("/")[0] if part else "xl/worksheets"
                    rels = f"{base}/_rels/{part.rpartition('/')[2]}.rels" if part else ""
                    comments = []
                    for target in lk.comment_parts(zf.read(rels) if rels in members else None, base):
                        cpart = _part_path(base, target)
                        if cpart in members:
                            comments.extend(lk.read_comments(zf.read(cpart)))
                    for r, c, text in sorted(comments):
                        lines.append(dump(["comment", r, c, text]))
                    for rule in lk.conditional_formats(part_xml, styles.dxfs) if part_xml else []:
                        lines.append(dump(["cond", *rule]))
                    anchors = 0
                    for target in lk.drawing_parts(zf.read(rels) if rels in members else None):
                        dpart = _part_path(base, target)
                        anchors += lk.count_anchors(zf.read(dpart) if dpart in members else None)
                    if anchors:
                        lines.append(dump(["drawings", anchors]))
                cells += len(entries)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
        raise UnreadableFile(f"Không đọc được dữ liệu trong tệp {path.name}.") from None
    finally:
        try:
            book.close()
        except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
            pass
    out = ("\n".join(lines) + "\n").encode("utf-8")
    return CanonicalData(out, tuple(names), cells)


def _workbook_look(zf: zipfile.ZipFile, members: set[str]):
    """The resolved styles and each sheet's state (visible / hidden / veryHidden)."""
    from lxml import etree

    from thidua_desktop.signing import look as lk

    wb = etree.fromstring(zf.read("xl/workbook.xml"))
    states = {}
    for el in wb.iter(f"{{{_NS_MAIN}}}sheet"):
        state = (el.get("state") or "visible").strip()
        states[unicodedata.normalize("NFC", el.get("name", ""))] = (
            state if state in ("hidden", "veryHidden") else "visible"
        )
    theme_part = None
    if "xl/_rels/workbook.xml.rels" in members:
        for rel in etree.fromstring(zf.read("xl/_rels/workbook.xml.rels")):
            if (rel.get("Type") or "").endswith("/theme"):
                theme_part = _part_path("xl", rel.get("Target") or "")
    theme = lk.read_theme(zf.read(theme_part) if theme_part in members else None)
    styles_xml = zf.read("xl/styles.xml") if "xl/styles.xml" in members else None
    styles = lk.read_styles(styles_xml, theme)
    styles.dxfs = lk.read_dxfs(styles_xml, theme)
    return styles, states


# --- the signature sheet ---------------------------------------------------------------------------


def read_signature_sheet(path: str | os.PathLike[str], *, data: bytes | None = None) -> dict[str, str] | None:
    """The key/value rows of ``_chu_ky_so`` (values re-joined), or ``None`` when there is none."""
    path = Path(path)
    book = _open_book(path, data)
    try:
        if SIG_SHEET not in book.sheet_names:
            return None
        rows = book.get_sheet_by_name(SIG_SHEET).to_python(skip_empty_area=False)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
        raise UnreadableFile(f"Không đọc được trang chữ ký trong tệp {path.name}.") from None
    finally:
        try:
            book.close()
        except Exception:  # noqa: BLE001 - asn1crypto/cryptography raise many unrelated types on a hostile signature
            pass
    found: dict[str, str] = {}
    for row in rows:
        if not row or not isinstance(row[0], str) or not row[0]:
            continue
        found[row[0]] = "".join(str(v) for v in row[1:] if v not in (None, ""))
    return found


def _split(value: str) -> list[str]:
    return [value[i : i + CELL_LIMIT] for i in range(0, len(value), CELL_LIMIT)] or [""]


def _col(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _esc(text: str) -> str:
    text = _XML_BAD.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sheet_xml(rows: list[tuple[str, str]]) -> bytes:
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS_MAIN}">'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<cols><col min="1" max="1" width="14" customWidth="1"/></cols><sheetData>'
    ]
    for r, (key, value) in enumerate(rows, 1):
        cells = [key, *_split(value)]
        parts.append(f'<row r="{r}">')
        for c, text in enumerate(cells, 1):
            parts.append(f'<c r="{_col(c)}{r}" t="inlineStr"><is><t xml:space="preserve">{_esc(text)}</t></is></c>')
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts).encode("utf-8")


def _part_path(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in (base_dir + "/" + target).split("/") if p]
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        elif p != ".":
            out.append(p)
    return "/".join(out)


def _package_with_sheet(data: bytes, sheet_xml: bytes, src_name: str) -> bytes:
    """Add (or replace) the very hidden ``_chu_ky_so`` sheet, leaving every other part untouched."""
    from lxml import etree

    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        names = zin.namelist()
        wb_xml = zin.read("xl/workbook.xml")
        rels_xml = zin.read("xl/_rels/workbook.xml.rels")
        ct_xml = zin.read("[Content_Types].xml")
        wb = etree.fromstring(wb_xml)
        rels = etree.fromstring(rels_xml)
        ct = etree.fromstring(ct_xml)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        raise UnreadableFile(f"Tệp {src_name} không phải sổ tính .xlsx hợp lệ.") from None
    if wb.tag != f"{{{_NS_MAIN}}}workbook":
        raise SigningError(
            f"Tệp {src_name} dùng định dạng Strict Open XML; hãy lưu lại dưới dạng 'Excel Workbook (.xlsx)' rồi ký."
        )
    sheets = wb.find(f"{{{_NS_MAIN}}}sheets")
    rel_by_id = {r.get("Id"): r for r in rels}
    existing = next((s for s in sheets if s.get("name") == SIG_SHEET), None)
    replaced: dict[str, bytes] = {}
    added: dict[str, bytes] = {}
    if existing is not None:
        existing.set("state", "veryHidden")
        rel = rel_by_id.get(existing.get(f"{{{_NS_REL}}}id"))
        if rel is None:
            raise SigningError(f"Trang chữ ký cũ trong tệp {src_name} bị hỏng; hãy xuất lại tệp rồi ký.")
        part = _part_path("xl", rel.get("Target"))
        (replaced if part in names else added)[part] = sheet_xml
    else:
        ids = {int(s.get("sheetId", "0")) for s in sheets}
        rid_n = 1
        while f"rId{rid_n}" in rel_by_id:
            rid_n += 1
        k = 1
        while f"xl/worksheets/sheet{k}.xml" in names:
            k += 1
        part = f"xl/worksheets/sheet{k}.xml"
        el = etree.SubElement(sheets, f"{{{_NS_MAIN}}}sheet")
        el.set("name", SIG_SHEET)
        el.set("sheetId", str(max(ids | {0}) + 1))
        el.set("state", "veryHidden")
        el.set(f"{{{_NS_REL}}}id", f"rId{rid_n}")
        rel = etree.SubElement(rels, f"{{{_NS_PKG_REL}}}Relationship")
        rel.set("Id", f"rId{rid_n}")
        rel.set("Type", _WS_TYPE)
        rel.set("Target", f"worksheets/sheet{k}.xml")
        ov = etree.SubElement(ct, f"{{{_NS_CT}}}Override")
        ov.set("PartName", f"/{part}")
        ov.set("ContentType", _WS_CT)
        added[part] = sheet_xml
        replaced["xl/_rels/workbook.xml.rels"] = etree.tostring(
            rels, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        replaced["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8", standalone=True)
    replaced["xl/workbook.xml"] = etree.tostring(wb, xml_declaration=True, encoding="UTF-8", standalone=True)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = replaced.get(info.filename)
            if body is None:
                body = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, body)
        for part, body in added.items():
            zi = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, body)
    return out.getvalue()


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise SigningError(f"Chỉ ký được sổ tính .xlsx; tệp {path.name} có dạng khác (hãy lưu lại dưới dạng .xlsx).")


def p7s_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".p7s")


def sign_workbook(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str] | None,
    signer,
    *,
    p7s: bool = False,
    signing_time: datetime | None = None,
    form: int = 2,
) -> SignResult:
    """Sign the workbook's data into ``dst`` (``src`` is kept), plus ``dst.p7s`` when asked."""
    from thidua_desktop.signing.pdf import default_signed_path

    src = Path(src)
    dst = Path(dst) if dst else default_signed_path(src)
    _check_suffix(src)
    cert = signer.certificate
    signed_at = (signing_time or now_vn()).replace(microsecond=0)
    keys.check_signing_certificate(cert, signed_at)
    original = read_package(src)
    canon = canonical_data(src, form=form, data=original)
    if not canon.cells:
        raise SigningError(f"Tệp {src.name} không có dữ liệu để ký.")
    cms_der = signer.sign_detached(canon.data)
    rows = [
        ("format", FORMAT if form >= 2 else FORMAT_V1),  # form 1 only to test old signatures
        ("signer", keys.subject_name(cert)),
        ("signed_at", iso_vn(signed_at)),
        ("sha256", canon.sha256),
        ("sheets", json.dumps(list(canon.sheets), ensure_ascii=False)),
        ("cells", str(canon.cells)),
        ("cms_b64", base64.b64encode(cms_der).decode("ascii")),
        ("cert_pem", keys.cert_pem(cert).decode("ascii")),
        ("ghi_chu", "Trang này giữ chữ ký số của dữ liệu sổ tính (thidua). Không sửa, không xóa."),
    ]
    signed = _package_with_sheet(original, _sheet_xml(rows), src.name)
    write_atomically(dst, signed)
    p7s_file = None
    if p7s:
        p7s_file = p7s_path(dst)
        write_atomically(p7s_file, signer.sign_detached(signed))
    return SignResult(dst, "xlsx", keys.subject_name(cert), signed_at, keys.fingerprint(cert), p7s=p7s_file)
