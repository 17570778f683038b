"""The document model: one layout that both writers (PDF and workbook) render.

A builder (``documents.kinds``) turns plain values from the services into a
:class:`Document`; :mod:`documents.pdf` draws it in the NĐ 30/2020 Phụ lục I format and
:mod:`documents.workbook` writes its tables as an Excel twin with the same figures. Nothing
here knows about the database or Qt.

Cell values keep their type (``int``, ``Decimal``, ``date``, ``str``): the PDF formats them the
Vietnamese way ("1.200", "85,5%", "20/01/2021"), the workbook writes real numbers and dates
with Vietnamese display formats. A cell whose kind differs from its column's (an indicator
table mixes counts, rates and yes/no) is wrapped in :class:`Num`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]
# text: a string; int/number: a count or an amount (#.##0); money: VND (#.##0);
# percent: a percentage *value* (85 means 85%, written to Excel as 0.85 with 0.0%);
# yesno: 1/0 shown as "Có"/"Không"; date: dd/mm/yyyy.
CellKind = Literal["text", "int", "number", "money", "percent", "yesno", "date"]

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Num:
    """A cell whose kind is not its column's (e.g. a rate in a column of counts)."""

    value: int | float | Decimal | None
    kind: CellKind = "number"


CellValue = Union[str, int, float, Decimal, date, Num, None]


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 1.0  # relative weight of the table's width
    align: Align = "left"
    kind: CellKind = "text"
    xlsx_width: float | None = None  # characters; derived from ``width`` when None


@dataclass
class Table:
    """A table; rows may be marked ``group`` (one text spanning all columns, bold) or ``total`` (bold).

    ``sheet`` names the workbook sheet the table goes to (fixed names: the upper level reads
    them); tables without one appear only in the PDF.
    """

    columns: list[Column]
    rows: list[list[CellValue]]
    row_kinds: list[str] | None = None  # per row: "normal" | "group" | "total"
    sheet: str | None = None
    caption: str = ""  # the heading above the table in the workbook
    font_size: float = 12
    numbered_header: bool = False  # a second header row "(1) (2) (3) …"

    def kind_of(self, index: int) -> str:
        return self.row_kinds[index] if self.row_kinds else "normal"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: "I. …" bold; 2: "1. …" bold; 3: "1.1. …" bold italic
    align: Align = "left"


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # a bold lead-in ("Điều 1.", "Kính gửi:")
    indent: bool = True  # first-line indent 1,27 cm
    align: Align = "justify"
    bold: bool = False
    italic: bool = False
    size: float | None = None


@dataclass(frozen=True)
class Spacer:
    height_pt: float = 6


Block = Union[Heading, Paragraph, Table, Spacer]


@dataclass(frozen=True)
class Signature:
    """``lines``: "TM. BAN CHẤP HÀNH" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; then the signer's name."""

    lines: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class Header:
    upper: str  # the direct upper union (printed upper-case, regular)
    issuer: str  # the CĐCS (printed upper-case, bold, short rule below)
    number: str  # "Số: 05/BC-CĐCS"
    place_date: str  # "Gia Viễn, ngày 04 tháng 7 năm 2021"


@dataclass
class Annex:
    """An annex after the signature, on its own pages (landscape for wide tables)."""

    title: str  # "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2021"
    caption: str = ""  # "(Kèm theo Bản đăng ký số 05/ĐK-CĐCS ngày 18/02/2021 của …)"
    label: str = "Phụ lục"
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False


@dataclass
class Document:
    kind: str  # plan, registration, …
    header: Header
    type_name: str  # "BÁO CÁO"
    subject: str  # the trích yếu, "Sơ kết phong trào thi đua đợt 1 năm 2021"
    recipient: str = ""  # "Ban Thường vụ LĐLĐ huyện Gia Viễn" (printed after "Kính gửi:")
    body: list[Block] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # the "Nơi nhận:" lines
    annexes: list[Annex] = field(default_factory=list)
    title: str = ""  # the PDF's metadata title
    author: str = ""
    text_sheet: bool = False  # the workbook gets a "Văn bản" sheet with the body text
    draft: str = ""  # a preview's mark ("BẢN XEM TRƯỚC"), drawn across every page of the PDF
    keywords: str = ""  # the PDF's metadata keywords ("thidua-report:<hex>" ties a report's PDF to it)

    def tables(self) -> list[Table]:
        found = [b for b in self.body if isinstance(b, Table)]
        for annex in self.annexes:
            found += [b for b in annex.blocks if isinstance(b, Table)]
        return found
