"""Báo cáo sơ kết đợt / tổng kết năm: the report's sections, then the indicator table as an annex."""

from __future__ import annotations

from collections.abc import Sequence


from thidua_desktop.core import vntext
from thidua_desktop.documents.kinds import common
from thidua_desktop.documents.kinds.inputs import Context, IndicatorLine, ReportRef
from thidua_desktop.documents.kinds.registration import CELL_KINDS
from thidua_desktop.documents.layout import Annex, Column, Document, Heading, Num, Paragraph, Table
from thidua_desktop.documents.machine import MachineData, MachineTable

TYPE_CODE = "BC"
TYPE_NAME = "BÁO CÁO"
SHEET = "Chỉ tiêu"

COLUMNS = [
    Column("TT", 0.45, "center"),
    Column("Chỉ tiêu", 4.4),
    Column("Đơn vị tính", 1.1, "center"),
    Column("Đăng ký", 1.15, "right", "number"),
    Column("Kết quả đợt 1", 1.15, "right", "number"),
    Column("Kết quả cả năm", 1.15, "right", "number"),
    Column("Tỷ lệ % so với đăng ký", 1.15, "right", "percent"),
    Column("Ghi chú", 2.2),
]


def kind_name(kind: str) -> str:
    return "midyear-report" if kind == "midyear" else "year-report"


def _result(line: IndicatorLine, phase: int | None):
    if phase is None or phase not in line.results:
        return None
    r = line.results[phase]
    return common.result_value(line.kind, r.value, r.numerator, r.denominator)


def _note(line: IndicatorLine, phase: int | None) -> str:
    notes = []
    r = line.results.get(phase) if phase is not None else None
    if r is not None:
        if line.kind == "percent" and r.numerator is not None and r.denominator:
            notes.append(f"{vntext.format_number(r.numerator)}/{vntext.format_number(r.denominator)}")
        if r.note:
            notes.append(r.note)
    elif line.note:
        notes.append(line.note)
    return "; ".join(notes)


def indicator_rows(lines: Sequence[IndicatorLine], *, first_phase: int, last_phase: int | None) -> list[list]:
    rows = []
    for i, x in enumerate(lines, 1):
        cell = CELL_KINDS.get(x.kind, "number")
        first = _result(x, first_phase)
        last = _result(x, last_phase) if last_phase is not None else None
        basis = last if last_phase is not None else first
        rows.append(
            [
                i,
                x.name,
                x.unit,
                Num(x.registered, cell),
                Num(first, cell),
                Num(last, cell),
                common.percent_of(basis, x.registered, x.kind),
                _note(x, last_phase or first_phase),
            ]
        )
    return rows


def build(
    ctx: Context, report: ReportRef, indicators: Sequence[IndicatorLine], *, first_phase: int, last_phase: int | None
) -> tuple[Document, MachineData]:
    body: list = []
    for section in report.sections:
        body.append(Heading(section.heading, min(3, max(1, section.level))))
        if section.text.strip():
            body.append(Paragraph(section.text.strip()))
        if section.key == "indicators":
            body.append(Paragraph("(Chi tiết tại Biểu kết quả thực hiện các chỉ tiêu kèm theo.)", italic=True))
    closing = f"Trên đây là báo cáo {report.title[:1].lower() + report.title[1:]} của {common.bch(ctx)}./."
    if not any("Trên đây" in s.text for s in report.sections[-1:]):
        body.append(Paragraph(closing))
    what = "sơ kết" if report.kind == "midyear" else "tổng kết"
    annex = Annex(
        f"BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM {ctx.year}",
        common.in_ref(ctx, f"Báo cáo {what}"),
        blocks=[
            Table(
                COLUMNS,
                indicator_rows(indicators, first_phase=first_phase, last_phase=last_phase),
                sheet=SHEET,
                font_size=11,
                numbered_header=True,
                caption=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM {ctx.year}",
            )
        ],
        landscape=True,
    )
    doc = Document(
        kind=kind_name(report.kind),
        header=common.header(ctx),
        type_name=TYPE_NAME,
        subject=report.title,
        recipient=common.upper_recipient(ctx),
        body=body,
        signatures=[common.signature(ctx)],
        recipients=common.recipients(ctx, employer=True),
        annexes=[annex],
        title=f"Báo cáo {report.title}",
        author=ctx.unit_name,
        text_sheet=True,
    )
    sections = MachineTable(
        "report_sections",
        ["record_id", "key", "heading", "text"],
        [[report.id, s.key, s.heading, s.text] for s in report.sections],
    )
    data = common.machine_data(
        ctx,
        kind_name(report.kind),
        [common.indicator_table(indicators, results=True), sections],
        report_status=report.status,
        report_title=report.title,
    )
    return doc, data
