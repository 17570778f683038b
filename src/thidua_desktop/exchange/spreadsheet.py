"""Read any spreadsheet an officer has (.xlsx, .xls, .ods) — safely and fast.

Cell values come from python-calamine (Rust; about 7× faster than openpyxl): cached
results of formulas, never the formula text; dates only where the cell is date-formatted.
What calamine does not give is read here from the file itself, and only when cheap:

* **hidden rows** — .xlsx: a regex pass over the sheet XML while it is inflated anyway for
  the safety check; .xls: a byte scan of the BIFF ``ROW`` records, and xlrd only when one
  of them says "hidden"; .ods: ``table:visibility`` on rows, parsed only when present;
* **legacy fonts** (TCVN3 ``.VnTime``…, ``VNI-Times``…) per cell, for
  ``core.legacy_text`` — only when the file declares such a font at all (``styles.xml``,
  the BIFF ``FONT`` records, the ODS font declarations), so ordinary files pay nothing;
* **merged ranges** — calamine for .xlsx/.xls, the ODS spans when they exist.

Safety: the format is decided by content (magic bytes, zip members), never by the file
name; files over ``max_bytes``, zip bombs (declared sizes checked before anything is
inflated, then every member inflated by our own bounded reader, :mod:`exchange.safezip`, and
refused at the first byte beyond its declared size or the limits — before calamine sees it),
password-protected and corrupt files are refused with a :class:`SpreadsheetError` whose
Vietnamese message names the file.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET

import python_calamine as calamine

from thidua_desktop.core.legacy_text import font_encoding
from thidua_desktop.errors import UserError
from thidua_desktop.exchange import safezip

__all__ = [
    "CellValue",
    "Format",
    "Sheet",
    "SheetInfo",
    "SpreadsheetError",
    "Workbook",
    "read_workbook",
    "column_letter",
    "MAX_BYTES",
]

Format = Literal["xlsx", "xls", "ods"]
CellValue = str | int | float | bool | date | datetime | time | timedelta
"""A cell as read: ``""`` for an empty cell, numbers as int/float, booleans, dates."""

MAX_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # sum of the zip members' declared sizes
MAX_RATIO = 100  # uncompressed / file size ...
RATIO_FLOOR = 10 * 1024 * 1024  # ... checked once the content is bigger than this
MAX_MEMBERS = 10_000
MAX_CELLS = 10_000_000  # rows × columns of one sheet as a grid (a stray far cell inflates it)
_CHUNK = 1 << 20

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPES = (
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.spreadsheet-template",
)


class SpreadsheetError(UserError):
    """A file that cannot be read as a spreadsheet; ``message_vi`` names the file."""

    def __init__(self, message_vi: str, path: Path | None = None) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.path = path


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool
    index: int  # position among the workbook's worksheets (0-based)


@dataclass
class Sheet:
    """One worksheet as a grid: ``rows[i][j]`` is Excel row ``i + 1``, column ``j + 1``.

    Rows all have the same length.  Empty cells are ``""``.
    """

    name: str
    index: int
    visible: bool
    rows: list[list[CellValue]]
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    hidden_rows_known: bool = True
    merged_ranges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (inclusive)
    legacy_fonts: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → .VnTime/VNI-… font
    fonts_known: bool = True  # False when the format's fonts were not read
    notes: list[str] = field(default_factory=list)  # what could not be determined, in Vietnamese

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def value(self, row: int, col: int) -> CellValue:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    def font(self, row: int, col: int) -> str | None:
        """The cell's font name when it is a legacy Vietnamese font (TCVN3/VNI), else None.

        Only legacy fonts are recorded: that is all the import needs, and it keeps reading
        ordinary files free of per-cell font work.
        """
        return self.legacy_fonts.get((row, col))

    def font_names(self) -> dict[int, dict[str, int]]:
        """Per column, how many cells use each legacy font (a summary for the preview)."""
        summary: dict[int, dict[str, int]] = {}
        for (_, col), name in self.legacy_fonts.items():
            counts = summary.setdefault(col, {})
            counts[name] = counts.get(name, 0) + 1
        return summary

    def is_empty(self) -> bool:
        return not any(v != "" and v is not None for row in self.rows for v in row)

    def merged_at(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        for rng in self.merged_ranges:
            if rng[0] <= row <= rng[2] and rng[1] <= col <= rng[3]:
                return rng
        return None


def column_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → "A", 27 → "AB")."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------


def _fail(path: Path, message: str) -> SpreadsheetError:
    return SpreadsheetError(message, path)


def _not_a_spreadsheet(path: Path, what: str) -> SpreadsheetError:
    return _fail(
        path,
        f"Tệp {path.name} không phải bảng tính Excel (.xlsx, .xls) hay OpenDocument (.ods): {what}. "
        "Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx.",
    )


def _password(path: Path) -> SpreadsheetError:
    return _fail(
        path,
        f"Tệp {path.name} được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu "
        "(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.",
    )


def _corrupt(path: Path, detail: str) -> SpreadsheetError:
    return _fail(
        path,
        f"Tệp {path.name} bị hỏng hoặc không đọc được ({detail}). "
        "Hãy thử mở bằng Excel hoặc LibreOffice và lưu lại thành tệp mới.",
    )


def _bomb(path: Path, detail: str) -> SpreadsheetError:
    return _fail(
        path,
        f"Tệp {path.name} có nội dung nén bất thường ({detail}) — có thể là tệp độc hại, chương trình "
        "không mở. Nếu đây đúng là danh sách của đơn vị, hãy lưu lại bằng Excel thành tệp mới.",
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _sniff_other(head: bytes) -> str:
    """Say what a non-spreadsheet file looks like, for the message."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = stripped[:512].lower()
    if stripped.startswith(b"%PDF"):
        return "đây là tệp PDF"
    if lower.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in lower:
        return "đây là trang web (HTML) được đổi đuôi thành bảng tính"
    if lower.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            return "đây là bảng tính XML kiểu Excel 2003"
        return "đây là tệp XML"
    if head.startswith((b"{\\rtf",)):
        return "đây là văn bản RTF"
    if head[:4] in (b"\x89PNG", b"GIF8") or head[:3] == b"\xff\xd8\xff":
        return "đây là tệp ảnh"
    if head and b"\x00" not in head[:4096]:
        try:
            head[:4096].decode("utf-8")
            text = True
        except UnicodeDecodeError:
            text = all(b >= 0x20 or b in b"\t\r\n" for b in head[:4096])
        if text:
            if any(sep in head[:4096] for sep in (b",", b";", b"\t")):
                return "đây là tệp văn bản (có thể là CSV) được đổi đuôi"
            return "đây là tệp văn bản"
    return "nội dung không nhận ra được"


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def read_workbook(path: Path, *, max_bytes: int = MAX_BYTES) -> Workbook:
    """Open *path* for reading, or raise :class:`SpreadsheetError` with a Vietnamese message.

    The returned workbook has at least one visible, non-empty worksheet; that sheet has
    already been read (``read_sheet`` returns it from a cache).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _fail(path, f"{path.name} không phải là một tệp.")
    except FileNotFoundError:
        raise _fail(path, f"Không tìm thấy tệp {path.name}.") from None
    except OSError as exc:
        raise _fail(path, f"Không mở được tệp {path.name} ({exc.strerror or exc}).") from None
    if size == 0:
        raise _fail(path, f"Tệp {path.name} rỗng (0 byte).")
    if size > max_bytes:
        raise _fail(
            path,
            f"Tệp {path.name} nặng {_mb(size)}, vượt giới hạn {_mb(max_bytes)} cho một tệp nhập. "
            "Hãy xóa các trang không cần thiết hoặc chia nhỏ danh sách.",
        )
    try:
        data = path.read_bytes()  # at most max_bytes; every reader below works on these bytes
    except OSError as exc:
        raise _fail(path, f"Không đọc được tệp {path.name} ({exc.strerror or exc}).") from None

    if data.startswith(_ZIP_MAGIC):
        workbook: Workbook = _open_zip(path, data)
    elif data.startswith(_OLE_MAGIC):
        workbook = _open_ole(path, data)
    else:
        raise _not_a_spreadsheet(path, _sniff_other(data[:8192]))
    try:
        workbook._check_has_data()
    except BaseException:
        workbook.close()
        raise
    return workbook


class Workbook:
    """An open spreadsheet file: its worksheets, read on demand and cached."""

    def __init__(self, path: Path, fmt: Format, book: calamine.CalamineWorkbook) -> None:
        self.path = path
        self.format: Format = fmt
        self._book = book
        self._calamine_index: list[int] = []
        self.sheets: list[SheetInfo] = []
        for i, meta in enumerate(book.sheets_metadata):
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            visible = meta.visible == calamine.SheetVisibleEnum.Visible
            self.sheets.append(SheetInfo(meta.name, visible, len(self.sheets)))
            self._calamine_index.append(i)
        self._cache: dict[int, Sheet] = {}

    # -- public -------------------------------------------------------------------------

    def sheet_info(self, key: str | int) -> SheetInfo:
        if isinstance(key, int):
            if 0 <= key < len(self.sheets):
                return self.sheets[key]
        else:
            for info in self.sheets:
                if info.name == key:
                    return info
        raise SpreadsheetError(f"Tệp {self.path.name} không có trang '{key}'.", self.path)

    def read_sheet(self, key: str | int) -> Sheet:
        """Read one worksheet by name or index (cached)."""
        info = self.sheet_info(key)
        if info.index not in self._cache:
            self._cache[info.index] = self._load(info)
        return self._cache[info.index]

    def visible_sheets(self) -> list[SheetInfo]:
        return [s for s in self.sheets if s.visible]

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing twice is harmless
            self._book.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workbook({self.path.name!r}, {self.format}, sheets={[s.name for s in self.sheets]})"

    # -- internals ----------------------------------------------------------------------

    def _check_has_data(self) -> None:
        for info in self.visible_sheets():
            if not self.read_sheet(info.index).is_empty():
                return
        hidden_with_data = [s.name for s in self.sheets if not s.visible and not self.read_sheet(s.index).is_empty()]
        name = self.path.name
        if hidden_with_data:
            listed = ", ".join(f"'{n}'" for n in hidden_with_data)
            raise SpreadsheetError(
                f"Tệp {name} chỉ có dữ liệu trong trang ẩn ({listed}). "
                "Hãy bỏ ẩn trang đó trong Excel (chuột phải vào tên trang → Bỏ ẩn) rồi nhập lại.",
                self.path,
            )
        raise SpreadsheetError(f"Tệp {name} không có trang tính nào có dữ liệu.", self.path)

    def _load(self, info: SheetInfo) -> Sheet:
        try:
            self._before_load(info)  # safety checks before calamine inflates the sheet
            cal = self._book.get_sheet_by_index(self._calamine_index[info.index])
            end = cal.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise _too_large(self.path, info.name, end[0] + 1, end[1] + 1)
            rows = cal.to_python(skip_empty_area=False)
            merged = [(a[0], a[1], b[0], b[1]) for (a, b) in (cal.merged_cell_ranges or [])]
        except SpreadsheetError:
            raise
        except calamine.PasswordError:
            raise _password(self.path) from None
        except Exception as exc:  # noqa: BLE001 - calamine raises several error types
            raise _corrupt(self.path, f"trang '{info.name}': {exc}") from None
        width = max((len(r) for r in rows), default=0)
        for r in rows:
            if len(r) < width:
                r.extend([""] * (width - len(r)))
        sheet = Sheet(info.name, info.index, info.visible, rows, merged_ranges=merged)
        self._extras(info, sheet)
        return sheet

    def _before_load(self, info: SheetInfo) -> None:
        """Format-specific safety checks before calamine inflates a sheet."""

    def _extras(self, info: SheetInfo, sheet: Sheet) -> None:
        """Fill hidden rows, legacy fonts and merges that calamine does not give."""


def _open_calamine(path: Path, data: bytes) -> calamine.CalamineWorkbook:
    # From the bytes, not the path: calamine picks its reader by file extension for a path
    # but by content for a file-like object, and the name of the file must not matter.
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise _password(path) from None
    except Exception as exc:  # noqa: BLE001
        raise _corrupt(path, str(exc)) from None


# ---------------------------------------------------------------------------
# Zip containers: .xlsx and .ods
# ---------------------------------------------------------------------------


def _open_zip(path: Path, data: bytes) -> Workbook:
    size = len(data)
    # Every member is inflated by our own bounded reader first (exchange.safezip): a member
    # whose header lies about its size is refused before calamine or zipfile inflate it.
    try:
        safezip.check_zip(
            data,
            path.name,
            max_total=MAX_UNCOMPRESSED,
            max_ratio=MAX_RATIO,
            ratio_floor=RATIO_FLOOR,
            max_members=MAX_MEMBERS,
        )
    except safezip.ZipRefused as exc:
        if exc.kind == "password":
            raise _password(path) from None
        if exc.kind == "bomb":
            raise _bomb(path, exc.detail) from None
        raise _corrupt(path, exc.detail) from None
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _corrupt(path, f"tệp nén hỏng: {exc}") from None
    except OSError as exc:
        raise _corrupt(path, str(exc)) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _bomb(path, f"{len(infos)} tệp con")
        if any(i.flag_bits & 0x1 for i in infos):  # members encrypted with a zip password
            raise _password(path)
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise _bomb(path, f"giải nén ra {_mb(total)}, quá {_mb(MAX_UNCOMPRESSED)}")
        if total > RATIO_FLOOR and total > MAX_RATIO * size:
            raise _bomb(path, f"giải nén ra {_mb(total)} từ {_mb(size)}, gấp hơn {MAX_RATIO} lần")
        names = {i.filename for i in infos}
        if "mimetype" in names:
            mimetype = _read_member(path, zf, "mimetype", limit=200).strip()
            if mimetype in _ODS_MIMETYPES:
                return _open_ods(path, zf, data)
            if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
                raise _not_a_spreadsheet(path, "đây là văn bản OpenDocument (.odt)")
            raise _not_a_spreadsheet(path, "đây là tệp OpenDocument không phải bảng tính")
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            if "xl/workbook.bin" in names:
                raise _not_a_spreadsheet(path, "đây là sổ làm việc nhị phân .xlsb")
            return _open_xlsx(path, zf, names, data)
        if any(n.startswith("word/") for n in names):
            raise _not_a_spreadsheet(path, "đây là tệp Word (.docx)")
        if any(n.startswith("ppt/") for n in names):
            raise _not_a_spreadsheet(path, "đây là tệp PowerPoint (.pptx)")
        raise _not_a_spreadsheet(path, "đây là tệp nén ZIP")
    except BaseException:
        zf.close()
        raise


_INFLATE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, KeyError, RuntimeError)


def _read_member(path: Path, zf: zipfile.ZipFile, name: str, *, limit: int | None = None) -> bytes:
    """Inflate one member, bounded by its declared size (zipfile stops there and checks CRC)."""
    try:
        info = zf.getinfo(name)
        if limit is not None and info.file_size > limit:
            raise _bomb(path, f"'{name}' lớn bất thường")
        with zf.open(info) as fh:
            return fh.read()
    except _INFLATE_ERRORS as exc:
        raise _corrupt(path, f"phần '{name}': {exc}") from None


def _iter_member(path: Path, zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """Inflate a member in chunks that never split an XML tag."""
    try:
        with zf.open(name) as fh:
            tail = b""
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    if tail:
                        yield tail
                    return
                data = tail + chunk
                cut = data.rfind(b"<")
                if cut > 0 and data.find(b">", cut) < 0:
                    tail, data = data[cut:], data[:cut]
                else:
                    tail = b""
                yield data
    except _INFLATE_ERRORS as exc:
        raise _corrupt(path, f"phần '{name}': {exc}") from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _refuse_dtd(path: Path, data: bytes, name: str) -> None:
    """Office XML never declares a DTD; one that does could expand entities without bound."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise _corrupt(path, f"phần '{name}' chứa khai báo DOCTYPE/ENTITY không được phép")


def _parse_xml(path: Path, data: bytes, name: str) -> ET.Element:
    _refuse_dtd(path, data, name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise _corrupt(path, f"phần '{name}': {exc}") from None


# -- .xlsx ------------------------------------------------------------------------------

_XML_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROW_OR_CELL_RE = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*)>")
_ROW_RE = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_REF_RE = re.compile(rb'\br="([A-Z]*)(\d*)"')
_STYLE_RE = re.compile(rb'\bs="(\d+)"')
_HIDDEN_RE = re.compile(rb'\bhidden="(?:1|true)"')
_LEGACY_FONT_NAME_RE = re.compile(rb'val="(?:\.vn|vni)', re.IGNORECASE)


class _XlsxWorkbook(Workbook):
    def __init__(self, path: Path, book: calamine.CalamineWorkbook, zf: zipfile.ZipFile,
                 members: dict[str, str], legacy_styles: dict[int, str]) -> None:  # fmt: skip
        super().__init__(path, "xlsx", book)
        self._zip = zf
        self._members = members  # sheet name → zip member of its XML
        self._legacy_styles = legacy_styles  # cellXfs index → legacy font name
        self._scans: dict[int, _Scan | None] = {}

    def close(self) -> None:
        super().close()
        self._zip.close()

    def _before_load(self, info: SheetInfo) -> None:
        # Inflating the sheet XML ourselves first (bounded by its declared size, CRC-checked)
        # is the zip-bomb check for it; the same pass finds hidden rows, legacy fonts and the
        # extent of the cells, which must be checked before calamine allocates its grid (a
        # value in XFD1048576 makes it request 512 GiB and abort the process).
        member = self._members.get(info.name)
        scan = self._scan(member) if member else None
        if scan is not None and (scan.max_row + 1) * (scan.max_col + 1) > MAX_CELLS:
            raise _too_large(self.path, info.name, scan.max_row + 1, scan.max_col + 1)
        self._scans[info.index] = scan

    def _extras(self, info: SheetInfo, sheet: Sheet) -> None:
        scan = self._scans.pop(info.index, None)
        if scan is None:
            sheet.hidden_rows_known = False
            sheet.fonts_known = False
            sheet.notes.append("Không xác định được dòng ẩn và phông chữ của trang này.")
            return
        sheet.hidden_rows = {r for r in scan.hidden if r < sheet.n_rows}
        sheet.legacy_fonts = scan.fonts

    def _scan(self, member: str) -> _Scan:
        """One pass over the sheet XML: hidden rows, cells in a legacy font, cell extent.

        Usual case (cells written as ``<c r="B12" …>``, no legacy font): only chunks that
        mention ``hidden=`` are searched for rows, the widest column comes from the few
        cells beyond column Z, and the last row from the last non-empty cell.  With legacy
        styles, a regex picks just the cells carrying one of them.  Cells without their
        reference, or a legacy default style, take the slow path that walks every tag.
        """
        legacy = self._legacy_styles
        if 0 in legacy:
            return self._scan_all(member)
        scan = _Scan()
        row = -1
        cell_re = None
        columns: dict[bytes, int] = {}
        if legacy:
            # Excel and the usual libraries write the reference first: <c r="B12" s="3" t="s">.
            ids = b"|".join(str(i).encode() for i in sorted(legacy))
            cell_re = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*? s="(' + ids + rb')"')
        for chunk in _iter_member(self.path, self._zip, member):
            if chunk.count(b"<c ") != chunk.count(b'<c r="') or b"<c>" in chunk or b":sheetData" in chunk:
                return self._scan_all(member)  # cells without a leading reference, or prefixed tags
            if b"hidden=" in chunk:
                for m in _ROW_RE.finditer(chunk):
                    attrs = m.group(1)
                    ref = _REF_RE.search(attrs)
                    row = int(ref.group(2)) - 1 if ref and ref.group(2) else row + 1
                    if _HIDDEN_RE.search(attrs):
                        scan.hidden.add(row)
            for letters in set(_WIDE_CELL_RE.findall(chunk)):
                scan.max_col = max(scan.max_col, _col_index(letters))
            last = _last_filled_cell(chunk)
            if last is not None:
                scan.max_row = max(scan.max_row, last[0])
                scan.max_col = max(scan.max_col, min(last[1], 25))
            if cell_re is None:
                continue
            for letters, number, style in cell_re.findall(chunk):
                col = columns.get(letters)
                if col is None:
                    col = columns[letters] = _col_index(letters)
                scan.fonts[(int(number) - 1, col)] = legacy[int(style)]
        if scan.max_row >= 0:
            scan.max_col = max(scan.max_col, 25)  # columns A–Z are not looked at one by one
        return scan

    def _scan_all(self, member: str) -> _Scan:
        """Walk every row and cell tag, tracking positions (cells may omit ``r``)."""
        legacy = self._legacy_styles
        scan = _Scan()
        row = -1
        col = -1
        default_font = legacy.get(0)
        for chunk in _iter_member(self.path, self._zip, member):
            for m in _ROW_OR_CELL_RE.finditer(chunk):
                kind, attrs = m.group(1), m.group(2)
                ref = _REF_RE.search(attrs)
                if kind == b"row":
                    row = int(ref.group(2)) - 1 if ref and ref.group(2) else row + 1
                    col = -1
                    if _HIDDEN_RE.search(attrs):
                        scan.hidden.add(row)
                    continue
                col = _col_index(ref.group(1)) if ref and ref.group(1) else col + 1
                if ref and ref.group(2):
                    row = int(ref.group(2)) - 1
                if not attrs.endswith(b"/") and not chunk.startswith(b"</c>", m.end()):  # <c/>, <c></c>: empty
                    scan.max_row = max(scan.max_row, row)
                    scan.max_col = max(scan.max_col, col)
                style = _STYLE_RE.search(attrs)
                font = legacy.get(int(style.group(1))) if style else default_font
                if font:
                    scan.fonts[(row, col)] = font
        return scan


@dataclass
class _Scan:
    hidden: set[int] = field(default_factory=set)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    max_row: int = -1  # 0-based extent of the cells that hold something (an upper bound)
    max_col: int = -1


# non-empty cells beyond column Z; an empty cell is <c …/> or, as lxml writes it, <c …></c>
_WIDE_CELL_RE = re.compile(rb'<c r="([A-Z]{2,3})\d+"[^>/]*>(?!</c>)')


def _last_filled_cell(chunk: bytes) -> tuple[int, int] | None:
    """(row, col) of the last ``<c r="…">`` in *chunk* that is not an empty ``<c …/>``."""
    pos = len(chunk)
    while True:
        pos = chunk.rfind(b'<c r="', 0, pos)
        if pos < 0:
            return None
        end = chunk.find(b">", pos)
        if end > 0 and chunk[end - 1 : end] != b"/" and not chunk.startswith(b"</c>", end + 1):
            m = _REF_RE.match(chunk, pos + 3)
            if m and m.group(1) and m.group(2):
                return int(m.group(2)) - 1, _col_index(m.group(1))


def _too_large(path: Path, sheet: str, rows: int, cols: int) -> SpreadsheetError:
    return SpreadsheetError(
        f"Tệp {path.name}, trang '{sheet}' quá lớn ({rows} dòng × {cols} cột). "
        "Hãy xóa các ô thừa ở xa bảng (Ctrl+End cho biết ô cuối cùng) rồi lưu lại.",
        path,
    )


def _open_xlsx(path: Path, zf: zipfile.ZipFile, names: set[str], raw: bytes) -> Workbook:
    # Inflate every member except the worksheets (bounded and CRC-checked) so that a lying
    # declared size cannot make calamine inflate more than we allowed.  Worksheets are
    # checked the same way when they are read.
    contents: dict[str, bytes] = {}
    for name in sorted(names):
        if name.startswith("xl/worksheets/") or not name.endswith((".xml", ".rels")):
            continue  # sheets are checked when read; media and binaries are never inflated
        data = _read_member(path, zf, name)
        if name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"):
            contents[name] = data
    if "xl/workbook.xml" not in contents:
        raise _corrupt(path, "thiếu phần xl/workbook.xml")
    members = _xlsx_sheet_members(path, contents)
    legacy_styles = _xlsx_legacy_styles(path, contents.get("xl/styles.xml", b""))
    book = _open_calamine(path, raw)
    return _XlsxWorkbook(path, book, zf, members, legacy_styles)


def _xlsx_sheet_members(path: Path, contents: dict[str, bytes]) -> dict[str, str]:
    """Sheet name → zip member, from workbook.xml and its relationships."""
    workbook = _parse_xml(path, contents["xl/workbook.xml"], "xl/workbook.xml")
    rels_xml = contents.get("xl/_rels/workbook.xml.rels")
    targets: dict[str, str] = {}
    if rels_xml:
        for rel in _parse_xml(path, rels_xml, "xl/_rels/workbook.xml.rels"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id", "")] = _normpath(target)
    members: dict[str, str] = {}
    for el in workbook.iter():
        if _local(el.tag) == "sheet":
            rid = el.get(f"{{{_XML_REL_NS}}}id") or el.get("id") or ""
            if rid in targets:
                members[el.get("name", "")] = targets[rid]
    return members


def _normpath(member: str) -> str:
    parts: list[str] = []
    for part in member.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _xlsx_legacy_styles(path: Path, styles: bytes) -> dict[int, str]:
    """cellXfs index → font name, for the styles whose font is TCVN3/VNI (fast path: none)."""
    if not styles or not _LEGACY_FONT_NAME_RE.search(styles):
        return {}
    root = _parse_xml(path, styles, "xl/styles.xml")
    fonts: list[str] = []
    xfs: list[int] = []
    for el in root:
        tag = _local(el.tag)
        if tag == "fonts":
            for font in el:
                name = next((c.get("val", "") for c in font if _local(c.tag) in ("name", "rFont")), "")
                fonts.append(name)
        elif tag == "cellXfs":
            for xf in el:
                try:
                    xfs.append(int(xf.get("fontId", "0")))
                except ValueError:
                    xfs.append(0)
    result: dict[int, str] = {}
    for i, font_id in enumerate(xfs):
        name = fonts[font_id] if 0 <= font_id < len(fonts) else ""
        if font_encoding(name):
            result[i] = name
    return result


# -- .ods -------------------------------------------------------------------------------

_ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_ODS_NS[prefix]}}}{name}"


class _OdsWorkbook(Workbook):
    def __init__(self, path: Path, book: calamine.CalamineWorkbook, zf: zipfile.ZipFile,
                 parts: dict[str, bytes]) -> None:  # fmt: skip
        super().__init__(path, "ods", book)
        self._zip = zf
        self._parts = parts

    def close(self) -> None:
        super().close()
        self._zip.close()

    def _extras(self, info: SheetInfo, sheet: Sheet) -> None:
        content = self._parts.get("content.xml", b"")
        styles = self._parts.get("styles.xml", b"")
        has_legacy = bool(_ODS_LEGACY_RE.search(content) or _ODS_LEGACY_RE.search(styles))
        has_hidden = b"table:visibility=" in content
        has_spans = b"number-columns-spanned" in content or b"number-rows-spanned" in content
        if not (has_legacy or has_hidden or has_spans):
            return
        _ods_scan(self.path, content, styles, info.name, sheet, fonts=has_legacy)


_ODS_VALUE_CELL_RE = re.compile(rb"<table:table-cell\b[^>]*office:value-type[^>]*>")
_ODS_COL_REPEAT_RE = re.compile(rb'number-columns-repeated="(\d+)"')
_ODS_REPEATED_ROW_RE = re.compile(
    rb'<table:table-row\b[^>]*number-rows-repeated="(\d+)"[^>]*>(.*?)</table:table-row>', re.DOTALL
)
_ODS_LEGACY_RE = re.compile(rb'font-(?:name|family)="[\'"]?(?:\.vn|vni)', re.IGNORECASE)


def _ods_styles(path: Path, content: bytes, styles: bytes) -> tuple[dict[str, str], str]:
    """Cell style name → font name (parents resolved), and the default cell font."""
    own: dict[str, str] = {}
    parent: dict[str, str] = {}
    default = ""
    for data in (styles, content):
        if not data:
            continue
        for _event, el in ET.iterparse(io.BytesIO(data), events=("end",)):
            tag = el.tag
            if tag in (_q("style", "style"), _q("style", "default-style")):
                if el.get(_q("style", "family")) not in ("table-cell", None):
                    continue
                font = ""
                for child in el:
                    if child.tag == _q("style", "text-properties"):
                        font = child.get(_q("style", "font-name")) or child.get(_q("fo", "font-family")) or ""
                if tag == _q("style", "default-style"):
                    default = font or default
                    continue
                style_name = el.get(_q("style", "name"), "")
                if font:
                    own[style_name] = font
                if el.get(_q("style", "parent-style-name")):
                    parent[style_name] = el.get(_q("style", "parent-style-name"), "")
            elif tag == _q("office", "body"):
                break
    resolved: dict[str, str] = {}
    for name in set(own) | set(parent):
        seen = set()
        cur: str | None = name
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = parent.get(cur)
        resolved[name] = own.get(cur or "", "") if cur else ""
    default = own.get("Default", default)
    return resolved, default


def _ods_scan(path: Path, content: bytes, styles: bytes, sheet_name: str, sheet: Sheet, *, fonts: bool) -> None:
    style_fonts, default_font = _ods_styles(path, content, styles) if fonts else ({}, "")
    n_rows, n_cols = sheet.n_rows, sheet.n_cols
    hidden: set[int] = set()
    legacy: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    in_table = False
    row = -1
    col = 0
    column_styles: list[str] = []
    row_style = ""
    try:
        for event, el in ET.iterparse(io.BytesIO(content), events=("start", "end")):
            tag = el.tag
            if tag == _q("table", "table"):
                if event == "start":
                    in_table = el.get(_q("table", "name")) == sheet_name
                    row = -1
                    column_styles = []
                elif in_table:
                    break
                continue
            if not in_table:
                if event == "end":
                    el.clear()
                continue
            if tag == _q("table", "table-column") and event == "start":
                repeat = min(int(el.get(_q("table", "number-columns-repeated"), "1")), max(n_cols, 1))
                column_styles.extend([el.get(_q("table", "default-cell-style-name"), "")] * repeat)
            elif tag == _q("table", "table-row"):
                if event == "start":
                    row += 1
                    col = 0
                    row_style = el.get(_q("table", "default-cell-style-name"), "")
                    repeat = int(el.get(_q("table", "number-rows-repeated"), "1"))
                    if el.get(_q("table", "visibility"), "visible") in ("collapse", "filter"):
                        hidden.update(range(row, min(row + repeat, n_rows)))
                    el.set("_first_row", str(row))
                    el.set("_repeat", str(repeat))
                else:
                    row = int(el.get("_first_row", row)) + int(el.get("_repeat", "1")) - 1
                    el.clear()
            elif tag in (_q("table", "table-cell"), _q("table", "covered-table-cell")) and event == "start":
                repeat = int(el.get(_q("table", "number-columns-repeated"), "1"))
                span_c = int(el.get(_q("table", "number-columns-spanned"), "1"))
                span_r = int(el.get(_q("table", "number-rows-spanned"), "1"))
                if tag == _q("table", "table-cell") and (span_c > 1 or span_r > 1):
                    merged.append((row, col, row + span_r - 1, col + span_c - 1))
                if fonts and row < n_rows and col < n_cols:
                    style = (
                        el.get(_q("table", "style-name"))
                        or row_style
                        or (column_styles[col] if col < len(column_styles) else "")
                    )
                    font = style_fonts.get(style, "") if style else ""
                    font = font or default_font
                    if font_encoding(font):
                        for c in range(col, min(col + repeat, n_cols)):
                            value = sheet.rows[row][c]
                            if isinstance(value, str) and value:
                                legacy[(row, c)] = font
                col += repeat
    except ET.ParseError as exc:
        raise _corrupt(path, f"phần 'content.xml': {exc}") from None
    sheet.hidden_rows = hidden
    sheet.legacy_fonts = legacy
    if merged and not sheet.merged_ranges:
        sheet.merged_ranges = merged


def _ods_check_extent(path: Path, content: bytes) -> None:
    """Refuse repeated value cells that would make calamine allocate a huge grid.

    ODS compresses a block of equal cells into one element with a repeat count, so a tiny
    file can describe billions of cells (calamine refuses above 10^8 cells, after
    allocating for them).  Rows and cells repeated *with a value* are rare: only those are
    looked at, with a regex, and a bound on the grid they span is checked.
    """
    if b"-repeated=" not in content:
        return
    widest = 1
    for m in _ODS_VALUE_CELL_RE.finditer(content):
        repeat = _ODS_COL_REPEAT_RE.search(m.group(0))
        if repeat:
            widest = max(widest, int(repeat.group(1)))
    rows = content.count(b"<table:table-row")
    for m in _ODS_REPEATED_ROW_RE.finditer(content):
        if b"office:value-type" in m.group(2):
            rows += int(m.group(1)) - 1
    if rows * widest > MAX_CELLS:
        raise _fail(
            path,
            f"Tệp {path.name} quá lớn (khoảng {rows} dòng × {widest} cột có dữ liệu lặp lại). "
            "Hãy xóa các ô thừa ở xa bảng rồi lưu lại.",
        )


def _open_ods(path: Path, zf: zipfile.ZipFile, raw: bytes) -> Workbook:
    parts: dict[str, bytes] = {}
    for info in zf.infolist():
        if info.filename.endswith(".xml"):
            data = _read_member(path, zf, info.filename)  # bounded inflate + CRC check
            _refuse_dtd(path, data, info.filename)
            if info.filename in ("content.xml", "styles.xml"):
                parts[info.filename] = data
    if "content.xml" not in parts:
        raise _corrupt(path, "thiếu phần content.xml")
    _ods_check_extent(path, parts["content.xml"])  # calamine reads every sheet when it opens
    book = _open_calamine(path, raw)
    return _OdsWorkbook(path, book, zf, parts)


# ---------------------------------------------------------------------------
# OLE2 containers: .xls, or an encrypted .xlsx
# ---------------------------------------------------------------------------

_BIFF_ROW = b"\x08\x02\x10\x00"  # record type 0x0208, length 16
_REC = struct.Struct("<HH")


class _XlsWorkbook(Workbook):
    def __init__(self, path: Path, book: calamine.CalamineWorkbook, data: bytes, stream: bytes,
                 bof_offsets: dict[str, int], legacy_fonts: bool) -> None:  # fmt: skip
        super().__init__(path, "xls", book)
        self._data = data
        self._stream = stream
        self._bof = bof_offsets  # sheet name → offset of its BOF in the Workbook stream
        self._legacy_fonts = legacy_fonts
        self._xlrd_book: object | None = None

    def close(self) -> None:
        super().close()
        if self._xlrd_book is not None:
            self._xlrd_book.release_resources()  # type: ignore[attr-defined]
            self._xlrd_book = None

    def _before_load(self, info: SheetInfo) -> None:
        """Refuse a sheet whose DIMENSIONS record announces a grid too big to allocate."""
        start = self._bof.get(info.name)
        if start is None:
            return
        pos, n = start, len(self._stream)
        for _ in range(64):  # DIMENSIONS comes right after the BOF and a few settings records
            if pos + 4 > n:
                return
            rtype, length = _REC.unpack_from(self._stream, pos)
            if rtype == 0x0200 and length >= 14:  # BIFF8: rwMic, rwMac (u32), colMic, colMac (u16)
                rows = struct.unpack_from("<I", self._stream, pos + 8)[0]
                cols = struct.unpack_from("<H", self._stream, pos + 14)[0]
                if rows * max(cols, 1) > MAX_CELLS:
                    raise _too_large(self.path, info.name, rows, cols)
                return
            if rtype in (0x000A, 0x0208, 0x00FD, 0x0203, 0x027E, 0x0204):  # EOF, ROW or a cell
                return
            pos += 4 + length

    def _extras(self, info: SheetInfo, sheet: Sheet) -> None:
        start = self._bof.get(info.name)
        maybe_hidden = True
        if start is not None:
            later = [o for o in self._bof.values() if o > start]
            end = min(later) if later else len(self._stream)
            maybe_hidden = any(
                self._stream[p + 4 + 12] & 0x20
                for p in _find_all(self._stream, _BIFF_ROW, start, end)
                if p + 4 + 16 <= end
            )
        if not maybe_hidden and not self._legacy_fonts:
            return
        self._xlrd_extras(info, sheet)

    def _xlrd_extras(self, info: SheetInfo, sheet: Sheet) -> None:
        import xlrd

        try:
            if self._xlrd_book is None:
                self._xlrd_book = xlrd.open_workbook(
                    file_contents=self._data, formatting_info=True, on_demand=True, logfile=io.StringIO()
                )
            book = self._xlrd_book
            xsheet = book.sheet_by_name(info.name)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - xlrd is a best-effort extra here
            sheet.hidden_rows_known = False
            sheet.fonts_known = False
            sheet.notes.append("Không đọc được định dạng (dòng ẩn, phông chữ) của trang này.")
            return
        n_rows = sheet.n_rows
        sheet.hidden_rows = {r for r, ri in xsheet.rowinfo_map.items() if ri.hidden and r < n_rows}
        if not self._legacy_fonts:
            return
        fonts = book.font_list  # type: ignore[attr-defined]
        xfs = book.xf_list  # type: ignore[attr-defined]
        legacy_xf = {
            i: fonts[xf.font_index].name
            for i, xf in enumerate(xfs)
            if xf.font_index < len(fonts) and font_encoding(fonts[xf.font_index].name)
        }
        result: dict[tuple[int, int], str] = {}
        if legacy_xf:
            for r in range(min(xsheet.nrows, n_rows)):
                for c, ctype in enumerate(xsheet.row_types(r)):
                    if ctype == xlrd.XL_CELL_TEXT:
                        font = legacy_xf.get(xsheet.cell_xf_index(r, c))
                        if font:
                            result[(r, c)] = font
        sheet.legacy_fonts = result


def _find_all(data: bytes, needle: bytes, start: int, end: int) -> Iterator[int]:
    pos = data.find(needle, start, end)
    while pos >= 0:
        yield pos
        pos = data.find(needle, pos + 1, end)


def _open_ole(path: Path, data: bytes) -> Workbook:
    from xlrd import compdoc

    try:
        doc = compdoc.CompDoc(data, logfile=io.StringIO())
        names = {d.name for d in doc.dirlist}
    except Exception as exc:  # noqa: BLE001 - a damaged container
        raise _corrupt(path, f"cấu trúc tệp OLE hỏng: {exc}") from None
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise _password(path)
    stream_name = "Workbook" if "Workbook" in names else "Book" if "Book" in names else None
    if stream_name is None:
        if "WordDocument" in names:
            raise _not_a_spreadsheet(path, "đây là tệp Word (.doc)")
        if "PowerPoint Document" in names:
            raise _not_a_spreadsheet(path, "đây là tệp PowerPoint (.ppt)")
        raise _not_a_spreadsheet(path, "đây là tệp Office không chứa bảng tính")
    try:
        mem, base, length = doc.locate_named_stream(stream_name)
        stream = bytes(mem[base : base + length]) if mem is not None else b""
    except Exception as exc:  # noqa: BLE001
        raise _corrupt(path, f"không đọc được luồng {stream_name}: {exc}") from None
    encrypted, bof_offsets, font_names = _biff_globals(stream)
    if encrypted:
        raise _password(path)
    legacy = any(font_encoding(n) for n in font_names)
    book = _open_calamine(path, data)
    return _XlsWorkbook(path, book, data, stream, bof_offsets, legacy)


def _biff_globals(stream: bytes) -> tuple[bool, dict[str, int], list[str]]:
    """Walk the workbook-globals records: FILEPASS, BOUNDSHEET (sheet offsets), FONT names."""
    pos = 0
    n = len(stream)
    biff8 = True
    encrypted = False
    sheets: dict[str, int] = {}
    fonts: list[str] = []
    first = True
    while pos + 4 <= n:
        rtype, length = _REC.unpack_from(stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if first:
            first = False
            if rtype not in (0x0809, 0x0409, 0x0209, 0x0009):
                break  # not a BIFF stream; calamine will tell
            if len(body) >= 2:
                biff8 = struct.unpack_from("<H", body)[0] >= 0x0600
            continue
        if rtype == 0x000A:  # EOF of the globals substream
            break
        if rtype == 0x002F:  # FILEPASS
            encrypted = True
        elif rtype == 0x0085 and len(body) >= 8:  # BOUNDSHEET
            offset = struct.unpack_from("<I", body)[0]
            sheets[_biff_string(body, 6, biff8)] = offset
        elif rtype == 0x0031 and len(body) >= 16:  # FONT
            fonts.append(_biff_string(body, 14, biff8))
    return encrypted, sheets, fonts


def _biff_string(body: bytes, at: int, biff8: bool) -> str:
    """An 8-bit-length string (ShortXLUnicodeString in BIFF8, bytes in BIFF5)."""
    if at >= len(body):
        return ""
    count = body[at]
    if not biff8:
        return body[at + 1 : at + 1 + count].decode("latin-1", "replace")
    flags = body[at + 1] if at + 1 < len(body) else 0
    raw = body[at + 2 :]
    if flags & 1:
        return raw[: 2 * count].decode("utf-16-le", "replace")
    return raw[:count].decode("latin-1", "replace")
