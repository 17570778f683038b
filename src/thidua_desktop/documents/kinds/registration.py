"""Bản đăng ký thi đua: Part A the collective (movements, titles, signature content, figures),
Part B the individuals (a landscape annex with one row per person)."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_desktop.core import vntext
from thidua_desktop.documents.kinds import common
from thidua_desktop.documents.kinds.inputs import CollectiveRef, Context, IndicatorLine, PersonLine, PlanRef
from thidua_desktop.documents.layout import Annex, Column, Document, Heading, Num, Paragraph, Table
from thidua_desktop.documents.machine import MachineData, MachineTable

KIND = "registration"
TYPE_CODE = "ĐK"
TYPE_NAME = "BẢN ĐĂNG KÝ THI ĐUA"
PEOPLE_SHEET = "Cá nhân"

CELL_KINDS = {"count": "number", "percent": "percent", "money": "money", "yesno": "yesno"}


def subject(year: int) -> str:
    return f"Năm {year}"


UPPER_TARGET_TITLE = "Chỉ tiêu của cấp trên"


def INDICATOR_COLUMNS_REGISTERED(figure_title: str = "Đơn vị đăng ký") -> list[Column]:  # noqa: N802 - a table spec
    # The plan's figure is the upper union's target (the province's "trên 8.000 đoàn viên"), in its
    # own column; the unit's column holds only what the CĐCS registers itself.
    return [
        Column("TT", 0.45, "center"),
        Column("Chỉ tiêu", 4.5),
        Column("Đơn vị tính", 1.15, "center"),
        Column(UPPER_TARGET_TITLE, 1.45, "center"),
        Column(figure_title, 1.35, "right", "number"),
        Column("Ghi chú", 1.3),
    ]


def upper_target(line: IndicatorLine) -> str:
    return line.upper_target


def figure(line: IndicatorLine, value) -> Num:
    return Num(value, CELL_KINDS.get(line.kind, "number"))


def indicator_rows(lines: Sequence[IndicatorLine]) -> list[list]:
    return [[i, x.name, x.unit, upper_target(x), figure(x, x.registered), x.note] for i, x in enumerate(lines, 1)]


def title_summary(title_counts: Sequence[tuple[str, int]]) -> list[str]:
    lines = [f"- {name}: {vntext.format_number(n)} người" for name, n in title_counts if n]
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


PEOPLE_COLUMNS = [
    Column("STT", 0.55, "center", "int"),
    Column("Họ và tên", 2.2),
    Column("Ngày sinh", 1.15, "center"),
    Column("Chức vụ / Tổ công đoàn", 2.55),
    Column("Danh hiệu đăng ký", 2.9),
    Column("Sáng kiến đăng ký", 2.5),
]


def people_rows(people: Sequence[PersonLine]) -> list[list]:
    rows = []
    for i, p in enumerate(people, 1):
        where = " / ".join(s for s in (p.position, p.group) if s)
        rows.append([i, p.full_name, p.born, where, "; ".join(t.name for t in p.titles), p.planned_initiative])
    return rows


def build(
    ctx: Context,
    plan: PlanRef,
    collective: CollectiveRef,
    indicators: Sequence[IndicatorLine],
    people: Sequence[PersonLine],
    title_counts: Sequence[tuple[str, int]],
) -> tuple[Document, MachineData]:
    year = ctx.year
    bch = common.bch(ctx)
    body: list = [
        *(Paragraph(line) for line in common.basis_lines(plan, KIND)),
        Paragraph(f"Căn cứ nhiệm vụ năm {year} và tình hình thực tế của đơn vị,"),
        Paragraph(f"{bch} đăng ký thi đua năm {year} như sau:"),
        Heading("A. ĐĂNG KÝ CỦA TẬP THỂ"),
        Heading("I. CÁC PHONG TRÀO THI ĐUA THAM GIA", 2),
    ]
    if collective.movements:
        body.append(
            Table(
                [
                    Column("STT", 0.5, "center", "int"),
                    Column("Tên phong trào thi đua", 5.5),
                    Column("Đơn vị phát động", 2.4),
                ],
                [[i, m.name, m.launched_by] for i, m in enumerate(collective.movements, 1)],
                sheet="Phong trào",
                caption="CÁC PHONG TRÀO THI ĐUA THAM GIA",
            )
        )
    else:
        body.append(Paragraph("Chưa chọn phong trào thi đua tham gia."))
    body.append(Heading("II. DANH HIỆU THI ĐUA TẬP THỂ ĐĂNG KÝ", 2))
    body.append(
        Paragraph(
            "\n".join(f"- {t.name}." for t in collective.titles)
            if collective.titles
            else "Chưa đăng ký danh hiệu tập thể."
        )
    )
    body.append(Heading("III. NỘI DUNG THI ĐUA ĐẶC THÙ", 2))
    body.append(Paragraph(f"“{collective.signature_content}”." if collective.signature_content else "Chưa xác định."))
    if collective.commitments:
        body.append(Paragraph(collective.commitments, lead="Cam kết:"))
    body.append(Heading("IV. CÁC CHỈ TIÊU THI ĐUA ĐĂNG KÝ", 2))
    body.append(
        Table(
            INDICATOR_COLUMNS_REGISTERED(),
            indicator_rows(indicators),
            sheet="Chỉ tiêu",
            caption=f"CÁC CHỈ TIÊU THI ĐUA ĐĂNG KÝ NĂM {year}",
        )
    )
    body.append(Heading("B. ĐĂNG KÝ CỦA CÁ NHÂN"))
    lines = title_summary(title_counts)
    if people:
        body.append(
            Paragraph(
                f"Tổng số {vntext.format_number(len(people))} người đăng ký danh hiệu thi đua "
                "(có danh sách kèm theo), trong đó:"
            )
        )
        if lines:
            body.append(Paragraph("\n".join(lines)))
    else:
        body.append(Paragraph("Chưa có cá nhân đăng ký danh hiệu thi đua."))
    body.append(
        Paragraph(
            f"{bch} cam kết tổ chức, động viên đoàn viên, người lao động thi đua thực hiện thắng lợi "
            "các nội dung đã đăng ký./."
        )
    )
    annexes = []
    if people:
        annexes.append(
            Annex(
                f"DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM {year}",
                common.in_ref(ctx, "Bản đăng ký thi đua"),
                blocks=[
                    Table(PEOPLE_COLUMNS, people_rows(people), sheet=PEOPLE_SHEET, font_size=12),
                    Paragraph(f"Danh sách gồm {vntext.format_number(len(people))} người./.", italic=True),
                ],
                landscape=True,
            )
        )
    doc = Document(
        kind=KIND,
        header=common.header(ctx),
        type_name=TYPE_NAME,
        subject=subject(year),
        recipient=common.upper_recipient(ctx),
        body=body,
        signatures=[common.signature(ctx)],
        recipients=common.recipients(ctx),
        annexes=annexes,
        title=f"Bản đăng ký thi đua năm {year}",
        author=ctx.unit_name,
        text_sheet=True,  # the workbook carries the whole registration, not only its tables
    )
    movements = MachineTable(
        "movements",
        ["record_id", "movement_code", "movement_name", "launched_by"],
        [[m.id, m.code, m.name, m.launched_by] for m in collective.movements],
    )
    titles = MachineTable(
        "collective_titles",
        ["record_id", "title_code", "title_name", "signature_content", "registered_on"],
        [
            [collective.id, t.code, t.name, collective.signature_content, collective.registered_on]
            for t in collective.titles
        ],
    )
    registrations = MachineTable(
        "people",
        [
            "record_id",
            "person_id",
            "full_name",
            "gender",
            "position",
            "union_group",
            "title_code",
            "title_name",
            "planned_initiative",
            "initiative_id",
        ],
    )
    for p in people:
        for t in p.titles:
            registrations.rows.append(
                [
                    t.registration_id,
                    p.person_id,
                    p.full_name,
                    p.gender,
                    p.position,
                    p.group,
                    t.code,
                    t.name,
                    p.planned_initiative,
                    p.initiative_id,
                ]
            )
    data = common.machine_data(
        ctx, KIND, [common.indicator_table(indicators, results=False), movements, titles, registrations]
    )
    return doc, data
