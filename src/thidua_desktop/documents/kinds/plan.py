"""Kế hoạch phát động thi đua of the CĐCS, from the year's plan and the CĐCS's registration."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_desktop.core import vntext
from thidua_desktop.documents.kinds import common
from thidua_desktop.documents.kinds.inputs import CollectiveRef, Context, IndicatorLine, PhaseRef, PlanRef
from thidua_desktop.documents.kinds.registration import INDICATOR_COLUMNS_REGISTERED, indicator_rows, title_summary
from thidua_desktop.documents.layout import Document, Heading, Paragraph, Table
from thidua_desktop.documents.machine import MachineData, MachineTable

KIND = "plan"
TYPE_CODE = "KH"
TYPE_NAME = "KẾ HOẠCH"


def subject(year: int) -> str:
    return f"Phát động phong trào thi đua năm {year}"


def build(
    ctx: Context,
    plan: PlanRef,
    phases: Sequence[PhaseRef],
    collective: CollectiveRef,
    indicators: Sequence[IndicatorLine],
    title_counts: Sequence[tuple[str, int]],
    people_total: int,
) -> tuple[Document, MachineData]:
    year = ctx.year
    bch = common.bch(ctx)
    body: list = [
        *(Paragraph(line, italic=False) for line in common.basis_lines(plan, KIND)),
        Paragraph(f"Căn cứ chương trình công tác năm {year} của {bch},"),
        Paragraph(
            f"{bch} xây dựng Kế hoạch phát động phong trào thi đua năm {year} trong đoàn viên, người lao động như sau:"
        ),
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Heading("1. Mục đích", 2),
        Paragraph(
            "Động viên đoàn viên, người lao động phát huy tinh thần đoàn kết, năng động, sáng tạo, hăng hái "
            "thi đua lao động sản xuất, hoàn thành tốt nhiệm vụ chuyên môn và các chỉ tiêu công đoàn đã "
            f"đăng ký năm {year}; kịp thời phát hiện, biểu dương, khen thưởng và nhân rộng các điển hình "
            "tiên tiến."
        ),
        Heading("2. Yêu cầu", 2),
        Paragraph(
            "Phong trào thi đua phải thiết thực, hiệu quả, tránh hình thức; gắn với nhiệm vụ đại diện, chăm lo, "
            "bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, người lao động. Từng đợt thi đua có "
            "sơ kết, tổng kết, rút kinh nghiệm và khen thưởng kịp thời."
        ),
        Heading("II. CHỦ ĐỀ VÀ NỘI DUNG THI ĐUA"),
    ]
    if plan.theme:
        body.append(Paragraph(f"“{plan.theme}”.", lead="1. Chủ đề thi đua:"))
    body.append(Heading("2. Các phong trào thi đua", 2))
    if collective.movements:
        body.append(
            Paragraph(
                "\n".join(
                    f"- Phong trào “{m.name}”"
                    + (f" do {m.launched_by} phát động" if m.launched_by else "")
                    + (";" if i < len(collective.movements) - 1 else ".")
                    for i, m in enumerate(collective.movements)
                )
            )
        )
    else:
        body.append(Paragraph("Đơn vị chưa chọn phong trào thi đua tham gia."))
    if collective.signature_content:
        body.append(Heading("3. Nội dung thi đua đặc thù của đơn vị", 2))
        body.append(Paragraph(f"“{collective.signature_content}”."))
    body += [
        Heading("III. CÁC CHỈ TIÊU THI ĐUA"),
        Paragraph(f"Phấn đấu thực hiện các chỉ tiêu thi đua năm {year} như sau:"),
        Table(
            INDICATOR_COLUMNS_REGISTERED(f"Chỉ tiêu năm {year}"),
            indicator_rows(indicators),
            sheet="Chỉ tiêu",
            caption=f"CÁC CHỈ TIÊU THI ĐUA NĂM {year}",
        ),
        Heading("IV. DANH HIỆU THI ĐUA"),
    ]
    if collective.titles:
        body.append(
            Paragraph(
                "phấn đấu đạt danh hiệu " + ", ".join(f"“{t.name}”" for t in collective.titles) + ".",
                lead="1. Tập thể:",
            )
        )
    lines = title_summary(title_counts)
    if lines:
        body.append(
            Paragraph(
                f"{vntext.format_number(people_total)} người đăng ký danh hiệu thi đua, trong đó:\n" + "\n".join(lines),
                lead="2. Cá nhân:",
            )
        )
    else:
        body.append(Paragraph("vận động 100% đoàn viên, người lao động đăng ký danh hiệu thi đua.", lead="2. Cá nhân:"))
    body.append(Heading("V. THỜI GIAN THỰC HIỆN"))
    body.append(Paragraph(f"Phong trào thi đua được tổ chức trong năm {year}, chia làm {len(phases)} đợt:"))
    for i, p in enumerate(phases):
        end = "." if i == len(phases) - 1 else ";"
        body.append(
            Paragraph(
                f"- {p.name}: từ ngày {common.date_text(p.start)} đến ngày {common.date_text(p.end)}; "
                f"báo cáo {'sơ kết' if i < len(phases) - 1 else 'tổng kết'} gửi {ctx.upper_union or 'công đoàn cấp trên'} "
                f"trước ngày {common.date_text(p.report_due)}{end}"
            )
        )
    if plan.registration_due:
        body.append(
            Paragraph(
                f"- Bản đăng ký thi đua của đơn vị gửi {ctx.upper_union or 'công đoàn cấp trên'} "
                f"trước ngày {common.date_text(plan.registration_due)}."
            )
        )
    body += [
        Heading("VI. TỔ CHỨC THỰC HIỆN"),
        Paragraph(
            "Phổ biến kế hoạch đến toàn thể đoàn viên, người lao động; phối hợp với chuyên môn tổ chức phát "
            "động, theo dõi, đôn đốc thực hiện; sơ kết, tổng kết, bình xét và đề nghị khen thưởng theo quy định.",
            lead="1. Ban Chấp hành công đoàn cơ sở:",
        ),
        Paragraph(
            "Tổ chức cho đoàn viên, người lao động đăng ký thi đua; theo dõi kết quả, báo cáo Ban Chấp hành "
            "theo từng đợt.",
            lead="2. Các tổ công đoàn:",
        ),
        Paragraph(
            "Đăng ký danh hiệu thi đua, sáng kiến, giải pháp; tích cực thi đua hoàn thành nhiệm vụ được giao.",
            lead="3. Đoàn viên, người lao động:",
        ),
        Paragraph(
            f"Trên đây là Kế hoạch phát động phong trào thi đua năm {year} của {bch}. Đề nghị các tổ công "
            "đoàn và toàn thể đoàn viên, người lao động nghiêm túc thực hiện./."
        ),
    ]
    doc = Document(
        kind=KIND,
        header=common.header(ctx),
        type_name=TYPE_NAME,
        subject=subject(year),
        body=body,
        signatures=[common.signature(ctx)],
        recipients=common.recipients(ctx, employer=True, extra=["Các tổ công đoàn (t/h)"]),
        title=f"Kế hoạch phát động phong trào thi đua năm {year}",
        author=ctx.unit_name,
        text_sheet=True,
    )
    movements = MachineTable(
        "movements",
        ["record_id", "movement_code", "movement_name", "launched_by"],
        [[m.id, m.code, m.name, m.launched_by] for m in collective.movements],
    )
    phase_table = MachineTable(
        "phases",
        ["record_id", "phase", "name", "start", "end", "report_due"],
        [[None, p.number, p.name, p.start, p.end, p.report_due] for p in phases],
    )
    titles = MachineTable(
        "collective_titles",
        ["record_id", "title_code", "title_name"],
        [[collective.id, t.code, t.name] for t in collective.titles],
    )
    data = common.machine_data(
        ctx, KIND, [common.indicator_table(indicators, results=False), movements, titles, phase_table]
    )
    return doc, data
