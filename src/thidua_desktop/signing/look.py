"""What a reader *sees* of a workbook, for the form-2 canonical data (``signing.workbook``).

The values of the cells are not all a reader takes in: a custom number format can show another
number (``"15"`` shows 15 whatever the cell holds), a hidden row or column is not seen nor
counted by eye, a white font on a white page hides a figure, a comment adds words. Form 2 of the
canonical data therefore also carries, resolved to what they mean rather than to the indexes a
program happened to write (so that a LibreOffice or openpyxl re-save, which renumbers styles,
changes nothing):

* each non-empty cell's **look**: its number format code (normalised: builtin ids turned into
  their codes, case, escapes and locale tags made uniform; ``General``/``@`` omitted), its font
  (name, size, bold, italic, underline, strike-through, colour resolved to RGB through the theme,
  the indexed palette and tints; black = automatic) and its fill (solid colour; white = none);
* **hidden** rows (also zero height) and columns (also zero width), and each sheet's state;
* **comments** (legacy notes, which Excel also writes for threaded comments): cell and text;
* **conditional formats**: the cells, the rule (type, operator, formulas) and what it applies
  (font colour and style, fill, number format);
* **drawings**: how many pictures, shapes, charts and text boxes lie on the sheet (not what they
  show or where).

Not covered: what a picture or chart shows and where it lies, data validation, print settings,
column widths other than zero.
"""

from __future__ import annotations

import colorsys
import re
import unicodedata
from dataclasses import dataclass, field

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_COMMENTS_TYPE = "/comments"
_THEME_TYPE = "/theme"
MAX_COL = 16384
MAX_ROW = 1048576


def _m(tag: str) -> str:
    return f"{{{_NS_MAIN}}}{tag}"


def _true(el, attr: str = "val", default: bool = True) -> bool:
    if el is None:
        return False
    v = el.get(attr)
    if v is None:
        return default
    return v.strip().lower() not in ("0", "false", "none", "")


# --- number formats ----------------------------------------------------------------------------------


def builtin_formats() -> dict[int, str]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    table = dict(BUILTIN_FORMATS)
    # ids the standard leaves to the locale; openpyxl's table has the en-US ones for 5–8, and
    # 27–36 and 50–58 are East Asian date formats: name them by id so they are at least stable
    return table


_LOCALE_TAG = re.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")


def normalise_format(code: str | None) -> str:
    """A number format code as one canonical string; ``""`` for the general format.

    Tokens are lower-cased (Excel and LibreOffice read format codes case-insensitively and
    LibreOffice writes ``DD/MM/YYYY`` for ``dd/mm/yyyy``); every literal (``"…"``, ``\\x``,
    the symbol of ``[$₫-42A]``) is written as one quoted run; ``_x`` and ``*x`` keep their
    character; colours and conditions in brackets are kept (lower-cased).
    """
    if code is None:
        return ""
    code = unicodedata.normalize("NFC", code).strip()
    out: list[str] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            out.append('"' + "".join(literal).replace('"', '""') + '"')
            literal.clear()

    i, n = 0, len(code)
    while i < n:
        ch = code[i]
        if ch == '"':
            j = code.find('"', i + 1)
            j = n if j < 0 else j
            literal.append(code[i + 1 : j])
            i = j + 1
        elif ch == "\\" and i + 1 < n:
            literal.append(code[i + 1])
            i += 2
        elif ch == "[":
            j = code.find("]", i)
            j = n - 1 if j < 0 else j
            inner = code[i : j + 1]
            m = _LOCALE_TAG.fullmatch(inner)
            if m:
                if m.group(1):
                    literal.append(m.group(1))
            else:
                flush()
                out.append(inner.lower())
            i = j + 1
        elif ch in "_*" and i + 1 < n:
            flush()
            out.append(ch + code[i + 1])
            i += 2
        elif ch in " -+/():$!^&'~{}<>=" or not ch.isascii():
            literal.append(ch)  # characters shown as themselves, quoted or not
            i += 1
        else:
            flush()
            out.append(ch.lower())
            i += 1
    flush()
    text = "".join(out)
    if text in ("general", "@", ""):
        return ""
    return text


# --- colours -----------------------------------------------------------------------------------------


def _indexed_palette() -> list[str]:
    from openpyxl.styles.colors import COLOR_INDEX

    return [c[-6:].upper() for c in COLOR_INDEX]


def _apply_tint(rgb: str, tint: float) -> str:
    if not tint:
        return rgb
    r, g, b = (int(rgb[k : k + 2], 16) / 255 for k in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(hue, min(max(light, 0.0), 1.0), sat)
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


@dataclass
class Palette:
    theme: list[str] = field(default_factory=list)  # in Excel's theme-index order
    indexed: list[str] = field(default_factory=list)

    def resolve(self, el) -> str | None:
        """RRGGBB of a ``<color>``/``<fgColor>`` element; None when automatic or absent."""
        if el is None or _true(el, "auto", default=False):
            return None
        tint = 0.0
        try:
            tint = float(el.get("tint", "0") or 0)
        except ValueError:
            tint = 0.0
        rgb = None
        if el.get("rgb"):
            rgb = el.get("rgb", "")[-6:].upper()
        elif el.get("theme") is not None:
            try:
                k = int(el.get("theme", ""))
            except ValueError:
                k = -1
            rgb = self.theme[k] if 0 <= k < len(self.theme) else f"theme{k}"
        elif el.get("indexed") is not None:
            try:
                k = int(el.get("indexed", ""))
            except ValueError:
                k = -1
            if k in (64, 65):
                return None  # system foreground / background
            rgb = self.indexed[k] if 0 <= k < len(self.indexed) else None
        if rgb is None or not re.fullmatch(r"[0-9A-F]{6}", rgb):
            return rgb
        return _apply_tint(rgb, round(tint, 6))


def read_theme(data: bytes | None) -> list[str]:
    """The theme's colours in the order Excel's ``theme="k"`` counts them (lt1 and dk1 swapped)."""
    if not data:
        return []
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    scheme = root.find(f".//{{{_NS_A}}}clrScheme")
    if scheme is None:
        return []
    named: dict[str, str] = {}
    for el in scheme:
        key = el.tag.rpartition("}")[2]
        colour = ""
        for c in el:
            colour = c.get("lastClr") or c.get("val") or ""
        named[key] = colour.upper()[-6:]
    order = [
        "lt1",
        "dk1",
        "lt2",
        "dk2",
        "accent1",
        "accent2",
        "accent3",
        "accent4",
        "accent5",
        "accent6",
        "hlink",
        "folHlink",
    ]
    return [named.get(k, "") for k in order]


# --- styles ------------------------------------------------------------------------------------------


@dataclass
class Styles:
    looks: list[dict] = field(default_factory=list)  # cellXfs index → look (see module docstring)
    dxfs: list[dict] = field(default_factory=list)  # differential formats (conditional formatting)

    def look(self, index: int) -> dict:
        if 0 <= index < len(self.looks):
            return self.looks[index]
        return self.looks[0] if self.looks else {}


def _font(el, palette: Palette) -> list:
    if el is None:
        return ["", "", False, False, False, False, "auto"]

    def child(tag):
        return el.find(_m(tag))

    name = child("name")
    size = child("sz")
    underline = child("u")
    colour = palette.resolve(child("color"))
    if colour in (None, "000000"):
        colour = "auto"
    try:
        size_text = repr(float(size.get("val"))) if size is not None else ""
    except (TypeError, ValueError):
        size_text = ""
    return [
        unicodedata.normalize("NFC", (name.get("val", "") if name is not None else "")).strip().casefold(),
        size_text,
        _true(child("b")),
        _true(child("i")),
        underline is not None and (underline.get("val") or "single").lower() != "none",
        _true(child("strike")),
        colour,
    ]


def _fill(el, palette: Palette) -> str:
    if el is None:
        return ""
    pattern = el.find(_m("patternFill"))
    if pattern is None:
        return "gradient" if el.find(_m("gradientFill")) is not None else ""
    kind = (pattern.get("patternType") or "").strip()
    if kind in ("", "none"):
        return ""
    fg = palette.resolve(pattern.find(_m("fgColor")))
    if kind == "solid":
        return "" if fg in (None, "FFFFFF") else fg
    bg = palette.resolve(pattern.find(_m("bgColor")))
    return f"{kind}:{fg or 'auto'}:{bg or 'auto'}"


def read_styles(data: bytes | None, theme: list[str]) -> Styles:
    from lxml import etree

    styles = Styles()
    palette = Palette(theme=theme, indexed=_indexed_palette())
    if not data:
        styles.looks = [{"font": _font(None, palette)}]
        return styles
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    custom_colours = root.find(f"{_m('colors')}/{_m('indexedColors')}")
    if custom_colours is not None:
        palette.indexed = [(c.get("rgb") or "")[-6:].upper() for c in custom_colours]
    formats = builtin_formats()
    numfmts = root.find(_m("numFmts"))
    if numfmts is not None:
        for nf in numfmts:
            try:
                formats[int(nf.get("numFmtId", ""))] = nf.get("formatCode", "")
            except ValueError:
                pass
    fonts_el = root.find(_m("fonts"))
    fills_el = root.find(_m("fills"))
    fonts = [_font(f, palette) for f in fonts_el] if fonts_el is not None else []
    fills = [_fill(f, palette) for f in fills_el] if fills_el is not None else []
    xfs = root.find(_m("cellXfs"))
    for xf in xfs if xfs is not None else []:

        def idx(attr):
            try:
                return int(xf.get(attr, "0"))
            except ValueError:
                return 0

        num_id = idx("numFmtId")
        code = formats.get(num_id)
        fmt = normalise_format(code) if code is not None else f"builtin:{num_id}"
        look: dict = {"font": fonts[idx("fontId")] if 0 <= idx("fontId") < len(fonts) else _font(None, palette)}
        if fmt:
            look["fmt"] = fmt
        fill = fills[idx("fillId")] if 0 <= idx("fillId") < len(fills) else ""
        if fill:
            look["fill"] = fill
        styles.looks.append(look)
    if not styles.looks:
        styles.looks = [{"font": fonts[0] if fonts else _font(None, palette)}]
    return styles


# --- one sheet ---------------------------------------------------------------------------------------

_CELL_REF = re.compile(r"^\$?([A-Z]+)\$?(\d+)$")


def _rc(ref: str) -> tuple[int, int] | None:
    m = _CELL_REF.match(ref or "")
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


@dataclass
class SheetLook:
    styles: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) → cellXfs index (≠ 0)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    rows_hidden_by_default: bool = False
    comments: list[tuple[int, int, str]] = field(default_factory=list)


def _is_zero(value: str | None) -> bool:
    try:
        return value is not None and float(value) == 0.0
    except ValueError:
        return False


_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|col|sheetFormatPr)\b([^>]*)>")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(raw: bytes) -> dict[str, str]:
    return {
        m.group(1).decode("ascii", "replace").rpartition(":")[2]: (
            m.group(2) if m.group(2) is not None else m.group(3)
        ).decode("utf-8", "replace")
        for m in _ATTR.finditer(raw)
    }


def _flag(attrs: dict[str, str], name: str) -> bool:
    return attrs.get(name, "").strip().lower() in ("1", "true")


def scan_sheet(data: bytes) -> SheetLook:
    """Cell styles, hidden rows and columns of one worksheet part.

    One regex pass over the tags (the part has already been inflated within bounds by
    :mod:`exchange.safezip`); only attributes are read, in document order, so cells without a
    reference are placed like Excel places them. Text never holds a raw ``<``, so no tag is
    found inside a value.
    """
    if data.count(b"<c ") == data.count(b'<c r="') and b"<c>" not in data and b":c " not in data:
        return _scan_fast(data)
    look = SheetLook()
    row_no, col_no = 0, 0
    for m in _TAG.finditer(data):
        kind, raw = m.group(1), m.group(2)
        if kind == b"c":
            attrs = _attrs(raw) if raw else {}
            rc = _rc(attrs.get("r", ""))
            if rc is None:
                col_no += 1
                rc = (row_no, col_no)
            else:
                col_no = rc[1]
            style = attrs.get("s", "")
            if style and style != "0":
                try:
                    look.styles[rc] = int(style)
                except ValueError:
                    pass
        elif kind == b"row":
            attrs = _attrs(raw)
            try:
                row_no = int(attrs.get("r") or row_no + 1)
            except ValueError:
                row_no += 1
            col_no = 0
            if _flag(attrs, "hidden") or (_is_zero(attrs.get("ht")) and _flag(attrs, "customHeight")):
                look.hidden_rows.add(row_no)
        elif kind == b"col":
            attrs = _attrs(raw)
            if _flag(attrs, "hidden") or (_is_zero(attrs.get("width")) and _flag(attrs, "customWidth")):
                try:
                    lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
                except ValueError:
                    continue
                look.hidden_cols.update(range(max(lo, 1), min(hi, MAX_COL) + 1))
        else:
            look.rows_hidden_by_default = _flag(_attrs(raw), "zeroHeight")
    return look


_FAST_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"([^>]*)>')
_FAST_STYLE = re.compile(rb'\ss="(\d+)"')
_OTHER_TAG = re.compile(rb"<(row|col|sheetFormatPr)\b([^>]*)>")


def _scan_fast(data: bytes) -> SheetLook:
    """The usual part (every cell written ``<c r="B12" …>``, no prefixes): regexes only."""
    look = SheetLook()
    columns: dict[bytes, int] = {}
    for letters, number, rest in _FAST_CELL.findall(data):
        if b's="' not in rest:
            continue
        m = _FAST_STYLE.search(rest)
        if m is None or m.group(1) == b"0":
            continue
        col = columns.get(letters)
        if col is None:
            col = 0
            for ch in letters:
                col = col * 26 + ch - 64
            columns[letters] = col
        look.styles[(int(number), col)] = int(m.group(1))
    if b"hidden" in data or b"ht=" in data or b"width=" in data or b"zeroHeight" in data:
        row_no = 0
        for m in _OTHER_TAG.finditer(data):
            kind, attrs = m.group(1), _attrs(m.group(2))
            if kind == b"row":
                try:
                    row_no = int(attrs.get("r") or row_no + 1)
                except ValueError:
                    row_no += 1
                if _flag(attrs, "hidden") or (_is_zero(attrs.get("ht")) and _flag(attrs, "customHeight")):
                    look.hidden_rows.add(row_no)
            elif kind == b"col":
                if _flag(attrs, "hidden") or (_is_zero(attrs.get("width")) and _flag(attrs, "customWidth")):
                    try:
                        lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
                    except ValueError:
                        continue
                    look.hidden_cols.update(range(max(lo, 1), min(hi, MAX_COL) + 1))
            else:
                look.rows_hidden_by_default = _flag(attrs, "zeroHeight")
    return look


def read_comments(data: bytes | None) -> list[tuple[int, int, str]]:
    """(row, col, text) of each comment of a comments part, in cell order."""
    if not data:
        return []
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    found = []
    for el in root.iter(_m("comment")):
        rc = _rc(el.get("ref", ""))
        if rc is None:
            continue
        text_el = el.find(_m("text"))
        text = "".join(t.text or "" for t in text_el.iter(_m("t"))) if text_el is not None else ""
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").strip()
        found.append((rc[0], rc[1], text))
    found.sort()
    return found


def comment_parts(rels_xml: bytes | None, base: str) -> list[str]:
    """The comments parts a sheet's relationships point at (targets relative to *base*)."""
    if not rels_xml:
        return []
    from lxml import etree

    try:
        rels = etree.fromstring(rels_xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    out = []
    for rel in rels:
        if (rel.get("Type") or "").endswith(_COMMENTS_TYPE) and rel.get("TargetMode") != "External":
            out.append(rel.get("Target") or "")
    return out


def ranges(numbers: set[int]) -> list[list[int]]:
    """{1, 2, 3, 7} → [[1, 3], [7, 7]]."""
    out: list[list[int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


# --- the text a number format shows ------------------------------------------------------------------


def _split_sections(fmt: str) -> list[str]:
    sections, cur, quoted = [], [], False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            sections.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    sections.append("".join(cur))
    return sections


def display_text(value, fmt: str) -> str | None:
    """The text a *normalised* number format shows for a number, or None when it is not one of
    the formats rendered here (dates, times, fractions, scientific, conditions): the format code
    itself is signed in every case, this is the readable consequence of the common ones."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not fmt:
        return None
    sections = _split_sections(fmt)
    if len(sections) > 4 or any(
        s.startswith("[")
        and not s.startswith(("[red]", "[blue]", "[black]", "[green]", "[white]", "[cyan]", "[magenta]", "[yellow]"))
        for s in sections
    ):
        return None
    v = float(value)
    if v > 0 or len(sections) == 1:
        section, sign = sections[0], "-" if v < 0 else ""
    elif v < 0:
        section, sign = sections[1], ""
    else:
        section, sign = (sections[2] if len(sections) > 2 else sections[0]), ""
    section = re.sub(r"^\[[a-z]+\]", "", section)
    # literals out, placeholders in
    parts: list[tuple[str, str]] = []  # ("lit", text) | ("num", pattern)
    i, n = 0, len(section)
    while i < n:
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = n if j < 0 else j
            parts.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch in "_*" and i + 1 < n:
            parts.append(("lit", " " if ch == "_" else ""))
            i += 2
        elif ch in "0#?.,%":
            j = i
            while j < n and section[j] in "0#?.,%":
                j += 1
            parts.append(("num", section[i:j]))
            i = j
        elif ch == "@":
            parts.append(("lit", ""))
            i += 1
        else:
            return None  # a date/time token, an exponent or something else not rendered here
    nums = [p for k, p in parts if k == "num"]
    if len(nums) > 1:
        return None
    if not nums:
        return sign + "".join(t for _, t in parts)
    from decimal import ROUND_HALF_UP, Decimal

    pattern = nums[0]
    percent = pattern.count("%")
    body = pattern.replace("%", "")
    scale = 0
    while body.endswith(","):  # trailing commas divide by 1000
        scale += 1
        body = body[:-1]
    grouping = "," in body
    int_part, _, dec_part = body.replace(",", "").partition(".")
    x = Decimal(repr(abs(v))) * (100**percent) / (1000**scale)
    decimals = len(dec_part)
    text = str(x.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))  # Excel: half away from 0
    whole, _, frac = text.partition(".")
    whole = whole.lstrip("0")
    min_int = int_part.count("0")
    if len(whole) < min_int:
        whole = whole.rjust(min_int, "0")
    if grouping and whole:
        whole = f"{int(whole):,}"
    if decimals:
        keep = len(dec_part.rstrip("#?"))
        frac = frac[:keep] + frac[keep:].rstrip("0")
    number = whole + ("." + frac if decimals else "")
    return sign + "".join(number + "%" * percent if k == "num" else t for k, t in parts)


# --- conditional formats and drawings ------------------------------------------------------------------


def read_dxfs(data: bytes | None, theme: list[str]) -> list[dict]:
    """The differential formats of ``styles.xml`` (what a conditional format applies), resolved."""
    if not data:
        return []
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    palette = Palette(theme=theme, indexed=_indexed_palette())
    dxfs = root.find(_m("dxfs"))
    out = []
    for dxf in dxfs if dxfs is not None else []:
        d: dict = {}
        font = dxf.find(_m("font"))
        if font is not None:
            f = {}
            for tag in ("b", "i", "strike"):
                if font.find(_m(tag)) is not None:
                    f[tag] = _true(font.find(_m(tag)))
            if font.find(_m("u")) is not None:
                f["u"] = (font.find(_m("u")).get("val") or "single").lower() != "none"
            colour = palette.resolve(font.find(_m("color")))
            if font.find(_m("color")) is not None:
                f["color"] = colour or "auto"
            if f:
                d["font"] = f
        fill = dxf.find(f"{_m('fill')}/{_m('patternFill')}")
        if fill is not None:
            colour = palette.resolve(fill.find(_m("bgColor"))) or palette.resolve(fill.find(_m("fgColor")))
            d["fill"] = colour or "none"
        nf = dxf.find(_m("numFmt"))
        if nf is not None:
            d["fmt"] = normalise_format(nf.get("formatCode"))
        out.append(d)
    return out


def conditional_formats(data: bytes, dxfs: list[dict]) -> list[list]:
    """Each conditional-format rule of a sheet part: cells, type, operator, formulas, what it applies."""
    if b"conditionalFormatting" not in data:
        return []
    from lxml import etree

    # the rules follow the cells: parse the part without its (large) sheetData
    opened = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*>", data)
    if opened and not opened.group(0).endswith(b"/>"):
        closed = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData\s*>").search(data, opened.end())
        if closed:
            data = data[: opened.end()] + data[closed.start() :]
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    rules = []
    for el in root.iter():
        local = el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""
        if local != "conditionalFormatting":
            continue
        sqref = el.get("sqref")
        if sqref is None:  # x14 (Excel 2010) rules keep their range in a child element
            ref = next((c for c in el if isinstance(c.tag, str) and c.tag.endswith("}sqref")), None)
            sqref = ref.text if ref is not None else ""
        cells = " ".join(sorted((sqref or "").replace("$", "").split()))
        for rule in el:
            if not isinstance(rule.tag, str) or not rule.tag.endswith("}cfRule"):
                continue
            formulas = [
                unicodedata.normalize("NFC", "".join((f.text or "").split()))
                for f in rule.iter()
                if isinstance(f.tag, str)
                and f.tag.endswith("}f")
                or isinstance(f.tag, str)
                and f.tag.endswith("}formula")
            ]
            try:
                applied = dxfs[int(rule.get("dxfId", ""))]
            except (ValueError, IndexError):
                applied = {}
            rules.append(
                [
                    cells,
                    rule.get("type", ""),
                    rule.get("operator", ""),
                    formulas,
                    applied,
                    rule.get("text", ""),
                    _true(rule, "stopIfTrue", default=False),
                ]
            )
    rules.sort(key=lambda r: repr(r))
    return rules


_ANCHOR = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b")


def drawing_parts(rels_xml: bytes | None) -> list[str]:
    """The drawing parts (pictures, shapes, charts) a sheet's relationships point at."""
    if not rels_xml:
        return []
    from lxml import etree

    try:
        rels = etree.fromstring(rels_xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    return [
        rel.get("Target") or ""
        for rel in rels
        if (rel.get("Type") or "").endswith("/drawing") and rel.get("TargetMode") != "External"
    ]


def count_anchors(data: bytes | None) -> int:
    """How many objects (pictures, shapes, charts, text boxes) a drawing part places on the sheet."""
    return len(_ANCHOR.findall(data)) if data else 0
