"""Danh sách sáng kiến: the year's initiatives, grouped by status, with authors and shares."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from thidua_desktop.core import initiatives as core, vntext
from thidua_desktop.documents.kinds import common
from thidua_desktop.documents.kinds.inputs import Context, InitiativeLine
from thidua_desktop.documents.layout import Annex, Column, Document, Paragraph, Table
from thidua_desktop.documents.machine import MachineData, MachineTable

KIND = "initiatives"
TYPE_CODE = "BC"
TYPE_NAME = "BÁO CÁO"
SHEET = "Sáng kiến"
GROUPS = (
    ("recognised", "ĐƯỢC CÔNG NHẬN"),
    ("applying", "ĐANG ÁP DỤNG"),
    ("registered", "ĐĂNG KÝ, CHƯA ÁP DỤNG"),
    ("refused", "KHÔNG ĐƯỢC CÔNG NHẬN"),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI")

COLUMNS = [
    Column("TT", 0.5, "center", "int"),
    Column("Tên sáng kiến, giải pháp", 3.0),
    Column("Tác giả (tỷ lệ đóng góp)", 2.4),
    Column("Lĩnh vực áp dụng", 1.45),
    Column("Ngày áp dụng lần đầu", 1.15, "center", "date"),
    Column("Giá trị làm lợi (đồng)", 1.3, "right", "money"),
    Column("Trạng thái", 1.35),
    Column("Quyết định công nhận", 2.75),
]


def subject(year: int) -> str:
    return f"Danh sách sáng kiến, giải pháp năm {year}"


def _share(value: Decimal) -> str:
    return vntext.format_percent(value, 2)


def authors_text(line: InitiativeLine) -> str:
    if len(line.authors) == 1:
        return line.authors[0].name
    return "; ".join(f"{a.name} ({_share(a.share)})" for a in line.authors)


def status_text(line: InitiativeLine) -> str:
    text = core.STATUSES.get(line.status, line.status)
    if line.status == "recognised" and line.level:
        text += f" cấp {core.LEVELS.get(line.level, line.level).lower()}"
    if line.trial and line.status == "applying":
        text += " (áp dụng thử)"
    return text


def decision_text(line: InitiativeLine) -> str:
    if not line.decision_number:
        return ""
    text = f"Số {line.decision_number}"
    if line.decision_date:
        text += f" ngày {vntext.format_date(line.decision_date)}"
    if line.decision_issuer:
        text += f" của {line.decision_issuer}"
    return text


def _order(line: InitiativeLine):
    return (line.first_applied_on is None, line.first_applied_on or 0, vntext.sort_key(line.title))


def rows(lines: Sequence[InitiativeLine]) -> tuple[list[list], list[str], Decimal]:
    out: list[list] = []
    kinds: list[str] = []
    number = 0
    total = Decimal(0)
    index = 0
    for status, label in GROUPS:
        group = sorted((x for x in lines if x.status == status), key=_order)
        if not group:
            continue
        out.append([f"{ROMAN[index]}. {label} ({len(group)})"])
        kinds.append("group")
        index += 1
        for x in group:
            number += 1
            out.append(
                [
                    number,
                    x.title,
                    authors_text(x),
                    x.field,
                    x.first_applied_on,
                    x.benefit,
                    status_text(x),
                    decision_text(x),
                ]
            )
            kinds.append("normal")
            if x.status == "recognised" and x.benefit is not None:
                total += x.benefit
    out.append(["", "Tổng giá trị làm lợi của sáng kiến được công nhận", "", "", None, total, "", ""])
    kinds.append("total")
    return out, kinds, total


def build(ctx: Context, lines: Sequence[InitiativeLine]) -> tuple[Document, MachineData]:
    year = ctx.year
    bch = common.bch(ctx)
    table_rows, kinds, recognised_benefit = rows(lines)
    counts = {status: sum(1 for x in lines if x.status == status) for status, _ in GROUPS}
    levels = {}
    for x in lines:
        if x.status == "recognised":
            label = core.LEVELS.get(x.level or "", "chưa ghi cấp")
            levels[label] = levels.get(label, 0) + 1
    level_text = "; ".join(f"cấp {name.lower()}: {n}" for name, n in levels.items())
    authors = {a.person_id or f"{a.name}|{a.workplace}" for x in lines for a in x.authors}
    body = [
        Paragraph(
            f"Thực hiện phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm {year}, {bch} báo cáo "
            "danh sách sáng kiến, giải pháp của đoàn viên, người lao động như sau:"
        ),
        Paragraph(
            f"{vntext.format_number(len(lines))} sáng kiến, giải pháp của "
            f"{vntext.format_number(len(authors))} tác giả, trong đó: được công nhận "
            f"{vntext.format_number(counts['recognised'])}"
            + (f" ({level_text})" if level_text else "")
            + f"; đang áp dụng {vntext.format_number(counts['applying'])}; đăng ký, chưa áp dụng "
            f"{vntext.format_number(counts['registered'])}; không được công nhận "
            f"{vntext.format_number(counts['refused'])}.",
            lead="1. Tổng số:",
        ),
        Paragraph(
            f"{vntext.format_vnd(int(recognised_benefit))} (bằng chữ: "
            f"{vntext.money_in_words(int(recognised_benefit)).lower()}).",
            lead="2. Giá trị làm lợi của các sáng kiến được công nhận:",
        ),
        Paragraph("Danh sách chi tiết tại Phụ lục kèm theo./."),
    ]
    annex = Annex(
        f"DANH SÁCH SÁNG KIẾN, GIẢI PHÁP NĂM {year}",
        common.in_ref(ctx, "Báo cáo"),
        blocks=[Table(COLUMNS, table_rows, row_kinds=kinds, sheet=SHEET, font_size=11)],
        landscape=True,
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
        annexes=[annex],
        title=subject(year),
        author=ctx.unit_name,
    )
    items = MachineTable(
        "initiatives",
        [
            "record_id",
            "year",
            "phase",
            "title",
            "field",
            "first_applied_on",
            "trial",
            "economic_benefit",
            "social_benefit",
            "status",
            "recognition_level",
            "decision_number",
            "decision_date",
            "decision_issuer",
            "tags",
        ],
    )
    authors_table = MachineTable(
        "initiative_authors", ["record_id", "initiative_id", "person_id", "name", "share", "workplace"]
    )
    for x in lines:
        items.rows.append(
            [
                x.id,
                x.year,
                x.phase,
                x.title,
                x.field,
                x.first_applied_on,
                x.trial,
                x.benefit,
                x.social_benefit,
                x.status,
                x.level,
                x.decision_number,
                x.decision_date,
                x.decision_issuer,
                "; ".join(x.tags),
            ]
        )
        for a in x.authors:
            authors_table.rows.append([a.id, x.id, a.person_id, a.name, a.share, a.workplace])
    return doc, common.machine_data(ctx, KIND, [items, authors_table])
