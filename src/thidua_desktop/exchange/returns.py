"""A report returned with comments (trả lại báo cáo): the small workbook the upper union sends back.

The upper union reads a CĐCS's report workbook (its ``_du_lieu`` ``[meta]``: unit, year, phase,
document kind, code, version and the report's UUID ``report_id``) and answers with
:func:`write_return`: one readable sheet ("Trả lại báo cáo": which report, the comments, with the
official header lines of the sender) and the hidden ``_du_lieu`` sheet with
``document_kind`` = ``report-return``:

``[meta]`` — ``unit_id``, ``unit_name``, ``unit_code`` (the CĐCS the return is addressed to,
copied from the report), ``year``, ``phase``, ``report_kind``, ``report_id``,
``report_document_kind``, ``report_document_code``, ``report_document_version``, then
``returned_by`` (the sender), ``returned_on`` (ISO date) and ``comment`` (the comments, NFC text;
split over ``comment_2``, ``comment_3`` … when longer than a cell holds).

With ``signer`` (an open :class:`~thidua_desktop.signing.signers.Signer`) the workbook is signed
(:mod:`thidua_desktop.signing.workbook`). :func:`read_return` reads it back and checks it;
:class:`ReturnError` names the file, the sheet and the row. No Qt, no database.
"""

from __future__ import annotations

import os
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from thidua_desktop.core import vntext
from thidua_desktop.documents import machine
from thidua_desktop.errors import UserError

DOCUMENT_KIND = "report-return"
REPORT_KINDS = {"midyear-report": "midyear", "year-report": "year"}
REPORT_NAMES = {"midyear-report": "Báo cáo sơ kết", "year-report": "Báo cáo tổng kết năm"}
MAX_COMMENT = 20_000
CELL = 30_000
SHEET_NAME = "Trả lại báo cáo"


class ReturnError(UserError, ValueError):
    """Not a usable return (or not a report to return); the message is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ReturnedReport:
    """What a return says: which report of which unit, and the comments."""

    unit_id: str
    unit_name: str
    unit_code: str
    year: int
    phase: int | None
    report_kind: str  # midyear | year
    report_id: str  # 32 hex digits
    document_kind: str  # midyear-report | year-report
    document_code: str
    document_version: int | None
    returned_by: str
    returned_on: date | None
    comment: str

    @property
    def report_label(self) -> str:
        text = REPORT_NAMES.get(self.document_kind, "Báo cáo") + f" năm {self.year}"
        if self.document_code:
            text += f" số {self.document_code}"
        if self.document_version:
            text += f" (phiên bản {self.document_version})"
        return text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _clean_comment(text: str) -> str:
    return "\n".join(line.rstrip() for line in _nfc(text).replace("\r\n", "\n").split("\n")).strip()


def _hex_id(value: object) -> str | None:
    try:
        return uuid.UUID(str(value).strip()).hex
    except (ValueError, AttributeError):
        return None


def report_meta(meta: dict, source: str) -> dict:
    """Check the ``[meta]`` of a CĐCS report workbook and keep what a return needs."""
    kind = meta.get("document_kind")
    if kind not in REPORT_KINDS:
        raise ReturnError(
            f"Tệp {source} là văn bản loại '{kind or '?'}', không phải báo cáo sơ kết hay tổng kết: "
            "chỉ trả lại được báo cáo."
        )
    report_id = _hex_id(meta.get("report_id"))
    if report_id is None:
        raise ReturnError(
            f"Tệp {source}: trang {machine.SHEET} không ghi mã báo cáo (report_id); không biết trả lại báo cáo nào."
        )
    unit_id = _hex_id(meta.get("unit_id"))
    if unit_id is None:
        raise ReturnError(f"Tệp {source}: trang {machine.SHEET} không ghi mã đơn vị (unit_id).")
    year = meta.get("year")
    if not isinstance(year, int):
        raise ReturnError(f"Tệp {source}: trang {machine.SHEET} không ghi năm thi đua.")
    return {
        "unit_id": unit_id,
        "unit_name": str(meta.get("unit_name") or ""),
        "unit_code": str(meta.get("unit_code") or ""),
        "year": year,
        "phase": meta.get("phase") if isinstance(meta.get("phase"), int) else None,
        "report_kind": meta.get("report_kind") or REPORT_KINDS[kind],
        "report_id": report_id,
        "report_document_kind": kind,
        "report_document_code": str(meta.get("document_code") or ""),
        "report_document_version": meta.get("document_version")
        if isinstance(meta.get("document_version"), int)
        else None,
    }


def write_return(
    meta_of_received_report: dict,
    comments: str,
    out: str | os.PathLike[str],
    signer=None,
    *,
    returned_by: str = "",
    returned_by_upper: str = "",
    place_name: str = "",
    returned_on: date | None = None,
    generator: str = "",
) -> Path:
    """Write the return of the report described by ``meta_of_received_report`` (its ``[meta]``).

    Signed with ``signer`` when given (the unsigned copy never stays on disk).
    """
    from thidua_desktop.documents.layout import Column, Document, Header, Paragraph, Table
    from thidua_desktop.documents.workbook import write_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ReturnError(f"Tệp {out.name}: tệp trả lại là sổ tính .xlsx; hãy đặt tên tệp đuôi .xlsx.")
    text = _clean_comment(comments)
    if not text:
        raise ReturnError("Hãy ghi ý kiến khi trả lại báo cáo.")
    if len(text) > MAX_COMMENT:
        raise ReturnError(f"Ý kiến dài quá {MAX_COMMENT:,} ký tự.".replace(",", "."))
    info = report_meta(meta_of_received_report, "báo cáo")
    when = returned_on or date.today()
    if not generator:
        from thidua_desktop import __version__

        generator = f"thidua_desktop {__version__}"
    label = ReturnedReport(
        info["unit_id"],
        info["unit_name"],
        info["unit_code"],
        info["year"],
        info["phase"],
        info["report_kind"],
        info["report_id"],
        info["report_document_kind"],
        info["report_document_code"],
        info["report_document_version"],
        returned_by,
        when,
        text,
    ).report_label
    rows = [
        ["Đơn vị", info["unit_name"] + (f" (mã {info['unit_code']})" if info["unit_code"] else "")],
        ["Báo cáo", label],
        ["Ngày trả lại", when],
        ["Ý kiến", text],
    ]
    doc = Document(
        kind=DOCUMENT_KIND,
        header=Header(
            upper=returned_by_upper,
            issuer=returned_by,
            number="",
            place_date=vntext.place_date_line(place_name, when) if place_name else "",
        ),
        type_name="PHIẾU TRẢ LẠI BÁO CÁO",
        subject=label,
        body=[
            Paragraph(f"Kính gửi: Ban Chấp hành {info['unit_name']}", indent=False),
            Table(
                [Column("Nội dung", 1, xlsx_width=22), Column("Chi tiết", 4, xlsx_width=90)],
                rows,
                sheet=SHEET_NAME,
                caption="Ý KIẾN CỦA CÔNG ĐOÀN CẤP TRÊN",
            ),
        ],
        title=f"Trả lại {label}",
        author=returned_by,
    )
    meta: dict[str, object] = {
        "schema": machine.SCHEMA,
        "schema_version": machine.SCHEMA_VERSION,
        "generator": generator,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "document_kind": DOCUMENT_KIND,
        "issued_on": when,
        "unit_id": info["unit_id"],
        "unit_name": info["unit_name"],
        "unit_code": info["unit_code"],
        "year": info["year"],
        "phase": info["phase"],
        "report_kind": info["report_kind"],
        "report_id": info["report_id"],
        "report_document_kind": info["report_document_kind"],
        "report_document_code": info["report_document_code"],
        "report_document_version": info["report_document_version"],
        "returned_by": returned_by,
        "returned_on": when,
    }
    for i in range(0, len(text), CELL):
        meta["comment" if i == 0 else f"comment_{i // CELL + 1}"] = text[i : i + CELL]
    if signer is None:
        write_workbook(doc, machine.MachineData(meta), out)
        return out
    from thidua_desktop.signing.workbook import sign_workbook

    temporary = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.chua-ky.xlsx")
    try:
        write_workbook(doc, machine.MachineData(meta), temporary)
        sign_workbook(temporary, out, signer)
    finally:
        if temporary.exists():
            temporary.unlink()
    return out


def read_return(path: str | os.PathLike[str]) -> ReturnedReport:
    """Read a return back; :class:`ReturnError` when the file is not one (names file, sheet, row)."""
    from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook

    path = Path(path)
    source = path.name
    try:
        with read_workbook(path) as book:
            if machine.SHEET not in {s.name for s in book.sheets}:
                raise ReturnError(
                    f"Tệp {source} không phải tệp trả lại báo cáo của chương trình: không có trang dữ "
                    f"liệu {machine.SHEET}."
                )
            rows = book.read_sheet(machine.SHEET).rows
    except SpreadsheetError as exc:
        raise ReturnError(exc.message_vi) from None
    meta: dict[str, object] = {}
    where: dict[str, int] = {}
    in_meta = False
    for index, raw in enumerate(rows, start=1):
        values = [v for v in raw]
        first = values[0] if values else ""
        if first == "[meta]":
            in_meta = True
            continue
        if not in_meta:
            continue
        if first in ("", None):
            break
        value = values[1] if len(values) > 1 else ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        meta[str(first)] = None if value == "" else value
        where[str(first)] = index
    if meta.get("schema") != machine.SCHEMA:
        raise ReturnError(
            f"Tệp {source}: trang {machine.SHEET} không theo lược đồ {machine.SCHEMA} (không phải tệp "
            "của chương trình)."
        )
    if meta.get("document_kind") != DOCUMENT_KIND:
        raise ReturnError(
            f"Tệp {source} là văn bản loại '{meta.get('document_kind') or '?'}', không phải tệp trả lại "
            f"báo cáo ({DOCUMENT_KIND})."
        )

    def need(key: str, ok) -> object:
        value = meta.get(key)
        if value is None or not ok(value):
            row = where.get(key)
            at = f"dòng {row}, cột B ({key})" if row else f"thiếu khóa {key}"
            raise ReturnError(f"Tệp {source}: trang {machine.SHEET}, {at}: giá trị thiếu hoặc không hợp lệ.")
        return value

    unit_id = _hex_id(need("unit_id", lambda v: _hex_id(v) is not None))
    report_id = _hex_id(need("report_id", lambda v: _hex_id(v) is not None))
    year = need("year", lambda v: isinstance(v, int))
    kind = need("report_document_kind", lambda v: v in REPORT_KINDS)
    comment = str(need("comment", lambda v: isinstance(v, str) and v.strip()))
    n = 2
    while isinstance(meta.get(f"comment_{n}"), str):
        comment += meta[f"comment_{n}"]
        n += 1
    returned_on = None
    if isinstance(meta.get("returned_on"), str):
        try:
            returned_on = date.fromisoformat(meta["returned_on"])
        except ValueError:
            need("returned_on", lambda v: False)
    version = meta.get("report_document_version")
    phase = meta.get("phase")
    return ReturnedReport(
        unit_id=unit_id,
        unit_name=_nfc(str(meta.get("unit_name") or "")),
        unit_code=str(meta.get("unit_code") or ""),
        year=int(year),
        phase=phase if isinstance(phase, int) else None,
        report_kind=str(meta.get("report_kind") or REPORT_KINDS[str(kind)]),
        report_id=report_id,
        document_kind=str(kind),
        document_code=_nfc(str(meta.get("report_document_code") or "")),
        document_version=version if isinstance(version, int) else None,
        returned_by=_nfc(str(meta.get("returned_by") or "")),
        returned_on=returned_on,
        comment=_clean_comment(comment),
    )


__all__ = ["DOCUMENT_KIND", "ReturnError", "ReturnedReport", "read_return", "report_meta", "write_return"]
