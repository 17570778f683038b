"""The year-end review documents: biên bản họp bình xét, tờ trình with the danh sách đề nghị
khen thưởng, and the CĐCS's own quyết định tặng Giấy khen."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_desktop.core import vntext
from thidua_desktop.documents.kinds import common
from thidua_desktop.documents.kinds.inputs import Context, MeetingRef, PlanRef, ProposalLine, ReviewLine
from thidua_desktop.documents.layout import Annex, Column, Document, Heading, Paragraph, Signature, Table
from thidua_desktop.documents.machine import MachineData, MachineTable

MINUTES, PROPOSALS, DECISION = "review-minutes", "proposals", "award-decision"


def minutes_subject(year: int) -> str:
    return f"Họp bình xét thi đua, khen thưởng năm {year}"


def proposals_subject(year: int) -> str:
    return f"Đề nghị khen thưởng thành tích phong trào thi đua năm {year}"


def decision_subject(year: int) -> str:
    return f"Về việc khen thưởng thành tích phong trào thi đua năm {year}"


# --- biên bản ---------------------------------------------------------------------------------

VOTE_COLUMNS = [
    Column("TT", 0.5, "center", "int"),
    Column("Họ và tên", 2.4),
    Column("Tổ công đoàn", 1.9),
    Column("Đăng ký", 0.9, "center"),
    Column("Số phiếu đồng ý", 1.05, "right", "int"),
    Column("Số người biểu quyết", 1.15, "right", "int"),
    Column("Tỷ lệ %", 1.0, "right", "percent"),
    Column("Kết quả", 1.2, "center"),
    Column("Ghi chú", 2.2),
]


def _outcome(line: ReviewLine) -> str:
    return {True: "Đạt", False: "Không đạt"}.get(line.achieved, "Chưa xét")


def vote_rows(lines: Sequence[ReviewLine], unit_name: str) -> tuple[list[list], list[str]]:
    rows: list[list] = []
    kinds: list[str] = []
    order: list[str] = []
    by_title: dict[str, list[ReviewLine]] = {}
    names: dict[str, str] = {}
    for line in lines:
        if line.title_code not in by_title:
            order.append(line.title_code)
            names[line.title_code] = line.title_name
        by_title.setdefault(line.title_code, []).append(line)
    for n, code in enumerate(order, 1):
        group = by_title[code]
        achieved = sum(1 for x in group if x.achieved)
        rows.append([f"{n}. {names[code]} (đạt {vntext.format_number(achieved)}/{vntext.format_number(len(group))})"])
        kinds.append("group")
        for i, x in enumerate(group, 1):
            share = round(x.votes_for * 100 / x.votes_total, 1) if x.votes_for is not None and x.votes_total else None
            rows.append(
                [
                    i,
                    x.name or unit_name,
                    x.group,
                    "Có" if x.registered else "Không",
                    x.votes_for,
                    x.votes_total,
                    share,
                    _outcome(x),
                    x.note,
                ]
            )
            kinds.append("normal")
    return rows, kinds


def title_results(lines: Sequence[ReviewLine]) -> list[str]:
    seen: dict[str, list[int]] = {}
    for x in lines:
        counts = seen.setdefault(x.title_name, [0, 0])
        counts[0] += 1 if x.registered else 0
        counts[1] += 1 if x.achieved else 0
    out = [
        f"- {name}: đăng ký {vntext.format_number(reg)}, được công nhận {vntext.format_number(ach)}"
        for name, (reg, ach) in seen.items()
    ]
    return [line + (";" if i < len(out) - 1 else ".") for i, line in enumerate(out)]


def build_minutes(ctx: Context, meeting: MeetingRef, lines: Sequence[ReviewLine]) -> tuple[Document, MachineData]:
    year = ctx.year
    bch = common.bch(ctx)
    held = vntext.format_date_long(meeting.held_on) if meeting.held_on else "ngày … tháng … năm …"
    absent = (
        (meeting.attendance_total or 0) - (meeting.attendance_present or 0)
        if meeting.attendance_total is not None
        else None
    )
    body: list = [
        Paragraph(
            f"Hôm nay, {held}, tại {meeting.place or 'trụ sở đơn vị'}, {bch} tổ chức họp bình xét thi đua, "
            f"khen thưởng năm {year}."
        ),
        Heading("I. THÀNH PHẦN"),
        Paragraph(
            f"- Chủ trì: {meeting.chair};\n- Thư ký: {meeting.secretary};\n"
            f"- Số người được triệu tập: {vntext.format_number(meeting.attendance_total or 0)}; có mặt: "
            f"{vntext.format_number(meeting.attendance_present or 0)}; vắng mặt: "
            f"{vntext.format_number(absent or 0)}."
        ),
        Heading("II. NỘI DUNG"),
        Paragraph(
            meeting.notes.strip()
            if meeting.notes.strip()
            else f"Hội nghị nghe báo cáo kết quả phong trào thi đua năm {year}; căn cứ tiêu chuẩn các danh hiệu thi "
            "đua, hình thức khen thưởng và kết quả đăng ký thi đua đầu năm, hội nghị thảo luận, bình xét và "
            "biểu quyết từng trường hợp."
        ),
        Heading("III. KẾT QUẢ BÌNH XÉT"),
    ]
    summary = title_results(lines)
    if summary:
        body.append(Paragraph("\n".join(summary)))
        body.append(Paragraph("Kết quả biểu quyết từng trường hợp tại Phụ lục kèm theo biên bản này."))
    else:
        body.append(Paragraph("Chưa có kết quả bình xét."))
    body += [
        Heading("IV. KẾT LUẬN"),
        Paragraph(
            "Hội nghị thống nhất kết quả bình xét nêu trên và giao Ban Chấp hành hoàn thiện hồ sơ đề nghị khen "
            "thưởng theo quy định. Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại trước hội nghị và "
            "được các thành viên dự họp nhất trí thông qua./."
        ),
    ]
    rows, kinds = vote_rows(lines, ctx.unit_name)
    annexes = []
    if rows:
        annexes.append(
            Annex(
                f"KẾT QUẢ BIỂU QUYẾT BÌNH XÉT THI ĐUA NĂM {year}",
                common.in_ref(ctx, "Biên bản"),
                blocks=[Table(VOTE_COLUMNS, rows, row_kinds=kinds, sheet="Kết quả bình xét", font_size=11)],
                landscape=True,
            )
        )
    doc = Document(
        kind=MINUTES,
        header=common.header(ctx),
        type_name="BIÊN BẢN",
        subject=minutes_subject(year),
        body=body,
        signatures=[Signature(("THƯ KÝ",), meeting.secretary), Signature(("CHỦ TRÌ",), meeting.chair)],
        annexes=annexes,
        title=f"Biên bản {minutes_subject(year).lower()}",
        author=ctx.unit_name,
        text_sheet=True,
    )
    meeting_table = MachineTable(
        "meeting",
        ["record_id", "held_on", "place", "chair", "secretary", "attendance_total", "attendance_present"],
        [
            [
                meeting.id,
                meeting.held_on,
                meeting.place,
                meeting.chair,
                meeting.secretary,
                meeting.attendance_total,
                meeting.attendance_present,
            ]
        ],
    )
    results = MachineTable(
        "review_results",
        [
            "record_id",
            "person_id",
            "name",
            "union_group",
            "title_code",
            "title_name",
            "registered",
            "achieved",
            "votes_for",
            "votes_total",
            "note",
        ],
        [
            [
                x.id,
                x.person_id,
                x.name or ctx.unit_name,
                x.group,
                x.title_code,
                x.title_name,
                x.registered,
                x.achieved,
                x.votes_for,
                x.votes_total,
                x.note,
            ]
            for x in lines
        ],
    )
    return doc, common.machine_data(ctx, MINUTES, [meeting_table, results])


# --- danh sách đề nghị / quyết định -------------------------------------------------------------


def proposal_rows(
    lines: Sequence[ProposalLine],
    *,
    summary: bool,
    ctx: Context | None = None,
    groups: Sequence[tuple[str, Sequence[ProposalLine]]] | None = None,
) -> tuple[list[list], list[str]]:
    rows: list[list] = []
    kinds: list[str] = []
    if groups is None:
        groups = (
            ("A. TẬP THỂ", [x for x in lines if x.is_collective]),
            ("B. CÁ NHÂN", [x for x in lines if not x.is_collective]),
        )
    for label, group in groups:
        if not group:
            continue
        rows.append([f"{label} ({vntext.format_number(len(group))})"])
        kinds.append("group")
        for i, x in enumerate(group, 1):
            row = [i, x.name, x.position, award_name(x.award_name, ctx) if ctx is not None else x.award_name]
            if summary:
                row.append(x.summary)
            row.append("")
            rows.append(row)
            kinds.append("normal")
    return rows, kinds


GENERIC_UPPER = "Công đoàn cấp trên trực tiếp cơ sở"


def award_name(name: str, ctx: Context) -> str:
    """The award with the body that confers it, as the unit's chain names it: "Giấy khen của Ban Chấp
    hành LĐLĐ huyện Gia Viễn", not the catalogue's "… Công đoàn cấp trên trực tiếp cơ sở"."""
    if GENERIC_UPPER in name and ctx.upper_union.strip():
        return name.replace(GENERIC_UPPER, vntext.nfc(ctx.upper_union.strip()))
    for own in ("Ban Chấp hành CĐCS", "Ban Chấp hành công đoàn cơ sở", "Ban Chấp hành Công đoàn cơ sở"):
        if name.endswith(own) and ctx.unit_name.strip():
            return name[: -len(own)] + f"Ban Chấp hành {vntext.nfc(ctx.unit_name.strip())}"
    return name


def people_and_turns(lines: Sequence[ProposalLine]) -> str:
    """ "6 cá nhân (8 lượt)": people counted apart from the awards they get."""
    turns = sum(1 for x in lines if not x.is_collective)
    people = len({x.person_id for x in lines if not x.is_collective})
    text = f"{vntext.format_number(people)} cá nhân"
    return text + (f" ({vntext.format_number(turns)} lượt)" if turns != people else "")


def _whom(lines: Sequence[ProposalLine]) -> str:
    collectives = sum(1 for x in lines if x.is_collective)
    parts = []
    if collectives:
        parts.append(f"{vntext.format_number(collectives)} tập thể")
    if any(not x.is_collective for x in lines):
        parts.append(people_and_turns(lines))
    return " và ".join(parts)


def _award_counts(lines: Sequence[ProposalLine], ctx: Context | None = None) -> list[str]:
    counts: dict[str, list[int]] = {}
    for x in lines:
        c = counts.setdefault(award_name(x.award_name, ctx) if ctx is not None else x.award_name, [0, 0])
        c[0 if x.is_collective else 1] += 1
    out = []
    for name, (collectives, people) in counts.items():
        parts = []
        if collectives:
            parts.append(f"{vntext.format_number(collectives)} tập thể")
        if people:
            parts.append(f"{vntext.format_number(people)} cá nhân")
        out.append(f"- {name}: {' và '.join(parts)}")
    return [line + (";" if i < len(out) - 1 else ".") for i, line in enumerate(out)]


def _proposal_table(lines: Sequence[ProposalLine]) -> MachineTable:
    return MachineTable(
        "proposals",
        [
            "record_id",
            "person_id",
            "name",
            "position",
            "is_collective",
            "award_code",
            "award_name",
            "level",
            "summary",
            "decision_number",
            "decision_date",
        ],
        [
            [
                x.id,
                x.person_id,
                x.name,
                x.position,
                x.is_collective,
                x.award_code,
                x.award_name,
                x.level,
                x.summary,
                x.decision_number,
                x.decision_date,
            ]
            for x in lines
        ],
    )


PROPOSAL_COLUMNS = [
    Column("TT", 0.5, "center", "int"),
    Column("Họ và tên / Tên tập thể", 2.2),
    Column("Chức vụ, đơn vị công tác", 2.2),
    Column("Hình thức, danh hiệu đề nghị", 2.0),
    Column("Tóm tắt thành tích", 5.0),
    Column("Ghi chú", 1.0),
]


def _meeting_basis(meeting: MeetingRef, minutes_code: str, ctx: Context) -> str:
    text = "Căn cứ Biên bản họp bình xét thi đua, khen thưởng"
    if minutes_code:
        text += f" số {minutes_code}"
    if meeting.held_on:
        text += f" ngày {vntext.format_date(meeting.held_on)}"
    return text + f" của {common.bch(ctx)};"


def build_proposals(
    ctx: Context, plan: PlanRef, meeting: MeetingRef, lines: Sequence[ProposalLine], minutes_code: str = ""
) -> tuple[Document, MachineData]:
    year = ctx.year
    bch = common.bch(ctx)
    upper = common.upper_recipient(ctx) or "công đoàn cấp trên"
    body: list = [Paragraph(line) for line in common.basis_lines(plan, PROPOSALS)]
    body += [
        Paragraph(_meeting_basis(meeting, minutes_code, ctx)),
        Paragraph(
            f"{bch} kính đề nghị {upper} xem xét, khen thưởng theo thẩm quyền hoặc đề nghị cấp trên khen "
            f"thưởng cho {_whom(lines)} đã có thành tích xuất sắc trong phong trào thi đua năm {year}, cụ thể:"
        ),
        Paragraph("\n".join(_award_counts(lines, ctx))),
        Paragraph("(Có danh sách và tóm tắt thành tích kèm theo)", indent=True, italic=True),
        Paragraph(f"Kính đề nghị {upper} xem xét, quyết định./."),
    ]
    rows, kinds = proposal_rows(lines, summary=True, ctx=ctx)
    annex = Annex(
        f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {year}",
        common.in_ref(ctx, "Tờ trình"),
        blocks=[Table(PROPOSAL_COLUMNS, rows, row_kinds=kinds, sheet="Đề nghị khen thưởng", font_size=11)],
        landscape=True,
    )
    doc = Document(
        kind=PROPOSALS,
        header=common.header(ctx),
        type_name="TỜ TRÌNH",
        subject=proposals_subject(year),
        recipient=upper if upper != "công đoàn cấp trên" else "",
        body=body,
        signatures=[common.signature(ctx)],
        recipients=common.recipients(ctx, "Như trên"),
        annexes=[annex],
        title=f"Tờ trình {proposals_subject(year).lower()}",
        author=ctx.unit_name,
        text_sheet=True,
    )
    return doc, common.machine_data(ctx, PROPOSALS, [_proposal_table(lines)])


DECISION_COLUMNS = [
    Column("TT", 0.55, "center", "int"),
    Column("Họ và tên / Tên tập thể", 2.6),
    Column("Chức vụ, tổ công đoàn", 2.6),
    Column("Danh hiệu, hình thức khen thưởng", 2.4),
    Column("Ghi chú", 1.1),
]


def charter(year: int) -> str:
    """The Điều lệ in force in ``year``, with the congress that adopted it (khóa XII from Đại hội XII,
    9/2018; khóa XIII from Đại hội XIII, 12/2023)."""
    congress = "XI" if year < 2019 else "XII" if year < 2024 else "XIII"
    return f"Điều lệ Công đoàn Việt Nam khóa {congress}"


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1] if 1 <= n <= 10 else str(n)


def _is_title(name: str) -> bool:
    """A danh hiệu the decision "công nhận" (Tổ công đoàn vững mạnh…), not a form it "tặng" (Giấy khen…)."""
    return not name.startswith(("Giấy khen", "Bằng", "Tiền thưởng", "Kỷ niệm chương"))


def decision_acts(lines: Sequence[ProposalLine], ctx: Context) -> list[tuple[str, str, list[ProposalLine]]]:
    """One article per kind of act, each with its own list: (article text, annex heading, lines)."""
    unit = vntext.nfc(ctx.unit_name)
    year = ctx.year
    by_award: dict[str, list[ProposalLine]] = {}
    for x in lines:
        by_award.setdefault(award_name(x.award_name, ctx), []).append(x)
    titles = [(name, group) for name, group in by_award.items() if _is_title(name)]
    forms = [(name, group) for name, group in by_award.items() if not _is_title(name)]
    acts = []
    for name, group in titles:
        groups = sum(1 for x in group if x.is_collective)
        whom = (
            _whom(group)
            if groups != len(group) or not name.startswith("Tổ")
            else f"{vntext.format_number(groups)} tổ công đoàn"
        )
        acts.append(
            (
                f"Công nhận danh hiệu “{name}” năm {year} cho {whom} (có danh sách kèm theo).",
                f"CÔNG NHẬN DANH HIỆU “{name.upper()}”",
                group,
            )
        )
    for name, group in forms:
        if name.startswith("Giấy khen"):
            what = name if "Ban Chấp hành" in name else f"Giấy khen của Ban Chấp hành {unit}"
        else:
            what = name
        acts.append(
            (
                f"Tặng {what} cho {_whom(group)} (có danh sách kèm theo) đã có thành tích xuất sắc trong "
                f"phong trào thi đua năm {year}.",
                f"TẶNG {what.split(' của ')[0].upper()}",
                group,
            )
        )
    return acts


def build_decision(
    ctx: Context, plan: PlanRef, meeting: MeetingRef, lines: Sequence[ProposalLine], minutes_code: str = ""
) -> tuple[Document, MachineData]:
    year = ctx.year
    unit = vntext.nfc(ctx.unit_name)
    body: list = [
        Heading(f"BAN CHẤP HÀNH {unit.upper()}", 1, align="center"),
    ]
    if not plan.citation_lines(DECISION):
        body.append(Paragraph(f"Căn cứ {charter(year)};", italic=True))
    body += [Paragraph(line, italic=True) for line in common.basis_lines(plan, DECISION)]
    body += [
        Paragraph(_meeting_basis(meeting, minutes_code, ctx), italic=True),
        Paragraph("Xét đề nghị của Thường trực Ban Chấp hành công đoàn cơ sở,", italic=True),
        Heading("QUYẾT ĐỊNH:", 1, align="center"),
    ]
    acts = decision_acts(lines, ctx)
    for n, (text, _heading, _group) in enumerate(acts, 1):
        body.append(Paragraph(text, lead=f"Điều {n}."))
    cited = ", ".join(str(n) for n in range(1, len(acts) + 1)) or "1"
    body += [
        Paragraph("Quyết định này có hiệu lực kể từ ngày ký.", lead=f"Điều {len(acts) + 1}."),
        Paragraph(
            f"Các tổ công đoàn, các tập thể và cá nhân có tên tại Điều {cited} căn cứ Quyết định thi hành./.",
            lead=f"Điều {len(acts) + 2}.",
        ),
    ]
    rows, kinds = proposal_rows(
        lines,
        summary=False,
        ctx=ctx,
        groups=[(f"{_roman(n)}. ĐIỀU {n}: {heading}", group) for n, (_text, heading, group) in enumerate(acts, 1)],
    )
    annex = Annex(
        f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM {year}",
        common.in_ref(ctx, "Quyết định"),
        blocks=[Table(DECISION_COLUMNS, rows, row_kinds=kinds, sheet="Danh sách khen thưởng")],
    )
    doc = Document(
        kind=DECISION,
        header=common.header(ctx),
        type_name="QUYẾT ĐỊNH",
        subject=decision_subject(year),
        body=body,
        signatures=[common.signature(ctx)],
        recipients=common.recipients(ctx, f"Như Điều {len(acts) + 2}"),
        annexes=[annex],
        title=f"Quyết định {decision_subject(year).lower()}",
        author=ctx.unit_name,
        text_sheet=True,
    )
    return doc, common.machine_data(ctx, DECISION, [_proposal_table(lines)])
