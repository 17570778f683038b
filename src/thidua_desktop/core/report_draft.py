"""The first draft of a phase report (báo cáo sơ kết đợt, tổng kết năm) from plain values.

The outline is the standard one (domain.md §3)::

    I.   Đặc điểm tình hình
    II.  Kết quả thực hiện
         1. Công tác chỉ đạo, triển khai
         2. Kết quả từng phong trào thi đua     (2.1, 2.2, … one per movement joined)
         3. Kết quả thực hiện các chỉ tiêu      (the indicator table is attached)
         4. Công tác khen thưởng
    III. Đánh giá chung: 1. Ưu điểm; 2. Tồn tại, hạn chế; 3. Nguyên nhân
    IV.  Phương hướng, nhiệm vụ (đợt sau / năm sau)
    V.   Đề xuất, kiến nghị

A section is a dict ``{"key", "heading", "text", "level"}`` (``level`` 1 for I–V, 2 for 1–4, 3
for 2.1…); a section followed by deeper ones is a heading whose text may stay empty. Every
sentence is built from the figures; where only the officer knows what to write, the text holds
a placeholder ``[Bổ sung: …]``, which the checklist counts until it is replaced.

Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from thidua_desktop.core import results as res, vntext

PLACEHOLDER_RE = re.compile(r"\[Bổ sung:[^\]]*\]")
KINDS = ("midyear", "year")


def placeholder(hint: str) -> str:
    return f"[Bổ sung: {hint}]"


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER_RE.findall(text or "")


# An editing note left in the text ("(sửa theo ý kiến của LĐLĐ huyện)", "(bổ sung theo góp ý …)",
# "(đã sửa …)"): a note between the officer and the upper union, never official text. It is flagged,
# never deleted: the officer's text is the officer's.
EDITING_NOTE_RE = re.compile(r"\(\s*((?:đã\s+)?(?:sửa(?!\s+chữa)|bổ\s+sung\s+theo)\b[^()]*)\)", re.IGNORECASE)


def editing_notes(text: str) -> list[str]:
    """The editing notes in parentheses that start with "sửa" or "bổ sung theo" ("(sửa theo ý kiến của
    LĐLĐ huyện)"), as written."""
    return [m.group(0) for m in EDITING_NOTE_RE.finditer(vntext.nfc(text or ""))]


def editing_note_warning(where: str, notes: Sequence[str]) -> str:
    """The warning for ``where`` ("Mục 1. …", "Tên báo cáo", "Tóm tắt thành tích của …") holding notes."""
    shown = ", ".join(f"“{n}”" for n in notes)
    return f"{where}: còn ghi chú sửa bài {shown}; không đưa vào văn bản chính thức, hãy xóa trước khi gửi."


def report_editing_notes(title: str, sections: Sequence[tuple[str, str]]) -> list[str]:
    """The warnings for a report's title and its sections (``(heading, text)``) holding editing notes."""
    found = []
    if notes := editing_notes(title):
        found.append(editing_note_warning("Tên báo cáo", notes))
    for heading, text in sections:
        if notes := editing_notes(text):
            found.append(editing_note_warning(f"Mục {heading}", notes))
    return found


def containers(sections: Sequence[dict]) -> set[str]:
    """Keys of the sections that head deeper ones (their own text is optional)."""
    keys = set()
    for here, after in zip(sections, sections[1:], strict=False):
        if after.get("level", 1) > here.get("level", 1):
            keys.add(here["key"])
    return keys


# --- facts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    unit: str
    kind: str
    registered: Decimal | None
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    not_applicable: bool = False
    movement_code: str | None = None
    computed_from: str | None = None
    pending: str = ""  # not decided yet: what the report says instead of a figure ("chưa bình xét (…)")

    @property
    def percent(self) -> Decimal | None:
        return res.percent_of_target(self.kind, self.value, self.registered)

    @property
    def reached(self) -> bool | None:
        return res.reached(self.kind, self.value, self.registered)

    def result_text(self) -> str:
        if self.kind == "yesno" and self.value is not None:
            return "đã thực hiện" if self.value else "chưa thực hiện"
        return res.format_figure(self.kind, self.value, self.numerator, self.denominator, self.unit)

    def target_text(self) -> str:
        if self.kind == "yesno" and self.registered is not None:
            return "thực hiện" if self.registered else "không đăng ký"
        return res.format_target(self.kind, self.registered, self.unit)


@dataclass(frozen=True)
class MovementFacts:
    code: str
    name: str
    launched_by: str


@dataclass(frozen=True)
class HighlightFacts:
    title: str
    authors: str
    benefit: Decimal | None
    level: str  # "cơ sở", "ngành", …


@dataclass(frozen=True)
class InitiativeFacts:
    registered: int = 0  # initiatives of the year registered up to the end of the period
    applying: int = 0
    refused: int = 0
    recognised: int = 0  # recognised by a decision dated in the period
    recognised_benefit: Decimal = Decimal(0)
    by_level: tuple[tuple[str, int], ...] = ()  # ("cơ sở", 7)
    tagged: int = 0  # of the registered, tagged with a programme
    programme: str = ""
    highlights: tuple[HighlightFacts, ...] = ()


@dataclass(frozen=True)
class CandidateFacts:
    name: str
    reason: str


@dataclass(frozen=True)
class ReviewFacts:
    held_on: date | None
    present: int | None
    total: int | None
    achieved: tuple[tuple[str, int, int], ...]  # (title name, achieved, registered) for individuals
    collective: tuple[CollectiveResult, ...]  # collective titles achieved: the CĐCS's own, the groups'
    undecided: int = 0


@dataclass(frozen=True)
class CollectiveResult:
    """A collective title as the review decided it: for the CĐCS itself (``own``) or for its union groups."""

    title: str
    own: bool
    achieved: tuple[str, ...]  # the union groups that achieved it (empty names for the CĐCS itself)
    reviewed: int  # how many were reviewed for it


def collective_sentence(c: CollectiveResult) -> str:
    """Counts with names, the title said once: "8/9 tổ công đoàn được bình xét đạt “Tổ công đoàn vững
    mạnh”: Tổ cắt, Tổ may 1, …" (never the title repeated per group)."""
    if c.own:
        return f"Tập thể công đoàn cơ sở được bình xét đề nghị công nhận {_q(c.title)}."
    names = [n for n in c.achieved if n]
    return (
        f"{_n(len(c.achieved))}/{_n(c.reviewed)} tổ công đoàn được bình xét đạt {_q(c.title)}"
        + (": " + ", ".join(names) if names else "")
        + "."
    )


@dataclass(frozen=True)
class ProposalLine:
    name: str
    award: str
    level: str  # own | upper


@dataclass(frozen=True)
class ReportFacts:
    kind: str  # midyear | year
    year: int
    phase_number: int
    phase_name: str
    start: date
    end: date
    next_label: str  # "đợt 2", "năm 2022"
    unit_name: str
    employer_name: str
    upper_union: str
    plan_number: str = ""
    plan_issuer: str = ""
    plan_issued_on: date | None = None
    theme: str = ""
    workers: int = 0
    women: int = 0
    members: int = 0
    women_members: int = 0
    groups: int = 0
    admitted: int = 0
    left: int = 0
    registered_on: date | None = None
    movements: tuple[MovementFacts, ...] = ()  # the movements the CĐCS joined
    collective_titles: tuple[str, ...] = ()  # registered
    signature_content: str = ""
    registrations: tuple[tuple[str, int], ...] = ()  # (title name, people)
    people_registered: int = 0
    gvn_title: str = "Giỏi việc nước, đảm việc nhà"
    gvn_registered: int = 0
    cstdcs_without_initiative: int = 0
    initiatives: InitiativeFacts = field(default_factory=InitiativeFacts)
    candidates: tuple[CandidateFacts, ...] = ()
    indicators: tuple[IndicatorLine, ...] = ()
    review: ReviewFacts | None = None
    proposals: tuple[ProposalLine, ...] = ()

    @property
    def period_label(self) -> str:
        return f"{self.phase_name.lower()}" if self.kind == "midyear" else f"năm {self.year}"


# --- wording helpers ---------------------------------------------------------------------------


def _n(value) -> str:
    return vntext.format_number(value)


def _q(text: str) -> str:
    return f"“{text}”"


def _share(part: int, whole: int) -> str:
    if not whole:
        return ""
    return vntext.format_percent(Decimal(part) * 100 / Decimal(whole))


def _money(amount: Decimal) -> str:
    value = int(amount)
    words = vntext.money_in_words(value)
    return f"{vntext.format_vnd(value)} (bằng chữ: {words})"


def _join(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def _line(ind: IndicatorLine) -> str:
    if ind.not_applicable:
        return f"- {ind.name}: không áp dụng đối với đơn vị."
    registered = "chỉ tiêu" if ind.kind == "percent" else "đăng ký"
    if ind.value is None and ind.pending:
        return f"- {ind.name}: {ind.pending} ({registered} {ind.target_text()})."
    if ind.value is None:
        return f"- {ind.name}: chưa có số liệu ({registered} {ind.target_text()})."
    if ind.kind == "percent" and ind.registered is not None:
        # a rate beside its target, never a rate of a rate: "đạt 60%/chỉ tiêu 85% (51/85)"
        text = f"- {ind.name}: {res.against_target(ind.kind, ind.value, ind.registered)}"
        if ind.numerator is not None and ind.denominator is not None:
            text += f" ({vntext.format_number(ind.numerator)}/{vntext.format_number(ind.denominator)})"
        return text + "."
    text = f"- {ind.name}: {ind.result_text()}"
    if ind.registered is not None:
        text += f" (đăng ký {ind.target_text()}"
        pct = ind.percent
        if pct is not None and ind.kind != "yesno":
            text += f"; đạt {vntext.format_percent(pct)} so với đăng ký"
        text += ")"
    return text + "."


def _by_source(facts: ReportFacts, source: str) -> IndicatorLine | None:
    return next((i for i in facts.indicators if i.computed_from == source), None)


# --- sections ----------------------------------------------------------------------------------


def title(kind: str, year: int, phase_name: str, start: date, end: date, next_label: str) -> str:
    """The trích yếu under "BÁO CÁO". A phase that is the first half of the year takes the usual
    form "Sơ kết phong trào thi đua 6 tháng đầu năm 2021 và phương hướng, nhiệm vụ 6 tháng cuối năm
    2021" (the rest of the year follows it); any other phase is named: "… đợt 1 năm 2021 … đợt 2"."""
    if kind == "midyear":
        if (start.month, start.day, end.month, end.day) == (1, 1, 6, 30):
            return f"Sơ kết phong trào thi đua 6 tháng đầu năm {year} và phương hướng, nhiệm vụ 6 tháng cuối năm {year}"
        return f"Sơ kết phong trào thi đua {phase_name.lower()} năm {year} và phương hướng, nhiệm vụ {next_label}"
    return f"Tổng kết phong trào thi đua năm {year} và phương hướng, nhiệm vụ năm {year + 1}"


def _situation(f: ReportFacts) -> str:
    where = f.employer_name or "Đơn vị"
    first = (
        f"Tính đến ngày {vntext.format_date(f.end)}, {where} có {_n(f.workers)} người lao động (nữ "
        f"{_n(f.women)} người, chiếm {_share(f.women, f.workers)}); công đoàn cơ sở có {_n(f.members)} đoàn viên "
        f"(nữ {_n(f.women_members)} đoàn viên)"
    )
    first += f", sinh hoạt tại {_n(f.groups)} tổ công đoàn." if f.groups else "."
    during = "Trong đợt" if f.kind == "midyear" else "Trong năm"
    second = f"{during}, công đoàn cơ sở kết nạp mới {_n(f.admitted)} đoàn viên"
    second += f"; {_n(f.left)} người nghỉ việc." if f.left else "."
    upper = f" của {f.upper_union}" if f.upper_union else " của công đoàn cấp trên"
    advantages = (
        f"Thuận lợi: công đoàn cơ sở luôn nhận được sự quan tâm, chỉ đạo{upper}, sự phối hợp của người sử "
        "dụng lao động; đoàn viên, người lao động đồng tình hưởng ứng các phong trào thi đua."
    )
    hardships = "Khó khăn: " + placeholder(
        "khó khăn của đơn vị trong kỳ (việc làm, đơn hàng, thu nhập, dịch bệnh, biến động lao động…)"
    )
    return "\n\n".join((f"{first} {second}", advantages, hardships))


def _direction(f: ReportFacts) -> str:
    paragraphs = []
    if f.plan_number:
        issued = f" ngày {vntext.format_date(f.plan_issued_on)}" if f.plan_issued_on else ""
        issuer = f" của {f.plan_issuer}" if f.plan_issuer else ""
        text = (
            f"Thực hiện Kế hoạch số {f.plan_number}{issued}{issuer} về phát động phong trào thi đua năm {f.year}, "
            "Ban Chấp hành công đoàn cơ sở đã xây dựng kế hoạch, phát động phong trào thi đua trong đoàn viên, "
            "người lao động"
        )
        text += f" với chủ đề {_q(f.theme)}." if f.theme else "."
        paragraphs.append(text)
    if f.registered_on or f.movements or f.collective_titles:
        when = f"Ngày {vntext.format_date(f.registered_on)}, " if f.registered_on else ""
        to = f" với {f.upper_union}" if f.upper_union else ""
        parts = []
        if f.movements:
            parts.append(f"tham gia {len(f.movements)} phong trào thi đua, cuộc vận động")
        if f.collective_titles:
            parts.append("đăng ký danh hiệu tập thể " + _join([_q(t) for t in f.collective_titles]))
        if f.signature_content:
            parts.append(f"nội dung thi đua đặc thù {_q(f.signature_content)}")
        registered = sum(1 for i in f.indicators if i.registered is not None)
        if registered:
            parts.append(f"{registered} chỉ tiêu thi đua")
        text = f"{when}công đoàn cơ sở đăng ký thi đua{to}: " + "; ".join(parts) + "."
        paragraphs.append(text[0].upper() + text[1:])
    if f.registrations:
        lines = [f"{_n(n)} người đăng ký danh hiệu {_q(name)}" for name, n in f.registrations]
        share = _share(f.people_registered, f.workers)
        text = (
            f"Có {_n(f.people_registered)} người lao động ({share} tổng số) đăng ký thi đua cá nhân, trong đó "
            + "; ".join(lines)
            + "."
        )
        paragraphs.append(text)
    if not paragraphs:
        paragraphs.append(placeholder("việc phát động, đăng ký, ký giao ước thi đua"))
    return "\n\n".join(paragraphs)


def _initiatives_text(f: ReportFacts) -> list[str]:
    i = f.initiatives
    out = []
    period = "trong đợt" if f.kind == "midyear" else "trong năm"
    text = f"Đoàn viên, người lao động đăng ký {_n(i.registered)} sáng kiến, giải pháp {period}"
    details = []
    if i.applying:
        details.append(f"{_n(i.applying)} đang áp dụng")
    if i.refused:
        details.append(f"{_n(i.refused)} không được công nhận")
    text += f" ({', '.join(details)})." if details else "."
    if i.recognised:
        levels = ", ".join(f"cấp {name} {_n(n)}" for name, n in i.by_level if n)
        text += (
            f" Có {_n(i.recognised)} sáng kiến được công nhận"
            + (f" ({levels})" if levels else "")
            + (f", tổng giá trị làm lợi {_money(i.recognised_benefit)}." if i.recognised_benefit else ".")
        )
    else:
        text += " Chưa có sáng kiến nào được công nhận."
    if i.tagged and i.programme:
        text += f" {_n(i.tagged)} sáng kiến tham gia {_q(i.programme)}."
    out.append(text)
    if i.highlights:
        items = []
        for h in i.highlights:
            item = f"{_q(h.title)} của {h.authors}" if h.authors else _q(h.title)
            if h.benefit:
                item += f" (làm lợi {vntext.format_vnd(int(h.benefit))})"
            items.append(item)
        out.append("Tiêu biểu: " + "; ".join(items) + ".")
    return out


def _ldst_text(f: ReportFacts) -> str:
    proposed = [p for p in f.proposals if p.award.startswith("Bằng Lao động sáng tạo")]
    if f.kind == "year" and proposed:
        return (
            f"Công đoàn cơ sở đề nghị Tổng Liên đoàn tặng Bằng Lao động sáng tạo cho {len(proposed)} tác giả: "
            + ", ".join(p.name for p in proposed)
            + "."
        )
    if f.candidates:
        names = "; ".join(f"{c.name} ({c.reason})" for c in f.candidates)
        return f"Có {len(f.candidates)} tác giả đủ điều kiện xét đề nghị tặng Bằng Lao động sáng tạo: {names}."
    return ""


def _gvn_text(f: ReportFacts) -> list[str]:
    out = [
        f"Toàn đơn vị có {_n(f.women)} lao động nữ, trong đó {_n(f.women_members)} nữ đoàn viên. Có "
        f"{_n(f.gvn_registered)} chị đăng ký phấn đấu đạt danh hiệu {_q(f.gvn_title)}"
        + (f" ({_share(f.gvn_registered, f.women)} lao động nữ)." if f.women else ".")
    ]
    line = _by_source(f, "women_gvn_dvn")
    if f.kind == "year" and f.review is not None:
        achieved = next((a for name, a, _ in f.review.achieved if name == f.gvn_title), None)
        if achieved is not None:
            text = f"Qua bình xét, {_n(achieved)} chị được công nhận danh hiệu {_q(f.gvn_title)}"
            if line is not None and line.value is not None:
                if line.registered is not None:  # "đạt 81,3%/chỉ tiêu 85%"
                    text += f", {res.against_target(line.kind, line.value, line.registered)}"
                else:
                    text += f", đạt tỷ lệ {vntext.format_percent(line.value)}"
            out.append(text + ".")
    elif f.kind == "midyear":
        out.append("Việc bình xét, công nhận danh hiệu được thực hiện khi tổng kết năm.")
    return out


_MOVEMENT_SOURCES = {  # movements whose results the registers give, by computed source
    "DMST_CD": ("members_admitted", "officers_trained"),
}


def _movement(f: ReportFacts, m: MovementFacts) -> str:
    paragraphs = []
    if m.code == "LDG_LDST":
        paragraphs += _initiatives_text(f)
        ldst = _ldst_text(f)
        if ldst:
            paragraphs.append(ldst)
        if f.cstdcs_without_initiative:
            paragraphs.append(
                f"Còn {_n(f.cstdcs_without_initiative)} người đăng ký “Chiến sĩ thi đua cơ sở” chưa có "
                "sáng kiến được công nhận."
            )
    elif m.code == "GVN_DVN":
        paragraphs += _gvn_text(f)
    linked = [
        i
        for i in f.indicators
        if (i.movement_code == m.code or i.computed_from in _MOVEMENT_SOURCES.get(m.code, ()))
        and i.computed_from not in ("women_gvn_dvn", "initiatives_recognised", "ldst_authors")
    ]
    if linked:
        paragraphs.append("\n".join(_line(i) for i in linked))
    if not paragraphs:
        paragraphs.append(
            f"Công đoàn cơ sở tham gia {_q(m.name)} do {m.launched_by} phát động. "
            + placeholder("các hoạt động đã triển khai và kết quả cụ thể")
        )
    return "\n\n".join(paragraphs)


def _indicators(f: ReportFacts) -> str:
    owed = [i for i in f.indicators if i.registered is not None or i.value is not None or i.not_applicable]
    if not owed:
        return "Công đoàn cơ sở chưa đăng ký chỉ tiêu thi đua nào."
    applicable = [i for i in owed if not i.not_applicable]
    reached = [i for i in applicable if i.reached]
    short = [i for i in applicable if i.reached is False]
    pending = [i for i in applicable if i.value is None and i.pending]
    empty = [i for i in applicable if i.value is None and not i.pending]
    na = len(owed) - len(applicable)
    scope = "so với chỉ tiêu đăng ký cả năm" if f.kind == "midyear" else "so với chỉ tiêu đăng ký"
    counts = [f"{len(reached)} chỉ tiêu đạt và vượt", f"{len(short)} chỉ tiêu chưa đạt"]
    if pending:
        counts.append(f"{len(pending)} chỉ tiêu chờ bình xét, quyết định khen thưởng")
    if empty:
        counts.append(f"{len(empty)} chỉ tiêu chưa có số liệu")
    if na:
        counts.append(f"{na} chỉ tiêu không áp dụng đối với đơn vị")
    head = (
        f"Kết quả thực hiện {len(owed)} chỉ tiêu thi đua đến ngày {vntext.format_date(f.end)} ({scope}; chi tiết "
        f"tại Biểu kết quả thực hiện các chỉ tiêu kèm theo): " + ", ".join(counts) + ". Cụ thể:"
    )
    return head + "\n" + "\n".join(_line(i) for i in owed)


def _commendation(f: ReportFacts) -> str:
    if f.kind == "midyear":
        i = f.initiatives
        text = (
            f"Trong đợt, {_n(i.recognised)} sáng kiến của đoàn viên, người lao động được các cấp công nhận. "
            f"Việc bình xét danh hiệu thi đua và đề nghị khen thưởng năm {f.year} được thực hiện khi tổng kết năm."
        )
        return text
    if f.review is None:
        return placeholder("kết quả bình xét thi đua và khen thưởng năm (chưa ghi cuộc họp bình xét)")
    r = f.review
    meeting = "Hội nghị bình xét thi đua"
    if r.held_on:
        meeting += f" ngày {vntext.format_date(r.held_on)}"
    if r.present is not None and r.total:
        meeting += f" ({_n(r.present)}/{_n(r.total)} người có mặt)"
    parts = [f"{_n(a)}/{_n(reg)} người đạt danh hiệu {_q(name)}" for name, a, reg in r.achieved]
    text = meeting + " đã bình xét: " + ("; ".join(parts) if parts else "chưa có danh hiệu nào được công nhận") + "."
    for c in r.collective:
        text += " " + collective_sentence(c)
    if r.undecided:
        text += f" Còn {_n(r.undecided)} danh hiệu chưa có kết quả bình xét."
    paragraphs = [text]
    upper = [p for p in f.proposals if p.level == "upper"]
    own = [p for p in f.proposals if p.level == "own"]
    if upper:
        by_award: dict[str, list[str]] = {}
        for p in upper:
            by_award.setdefault(p.award, []).append(p.name)
        paragraphs.append(
            f"Công đoàn cơ sở đề nghị cấp trên khen thưởng {len(upper)} trường hợp: "
            + "; ".join(f"{_q(award)} cho {len(names)} trường hợp" for award, names in by_award.items())
            + " (danh sách kèm theo)."
        )
    if own:
        paragraphs.append(
            f"Ban Chấp hành công đoàn cơ sở tặng Giấy khen cho {len(own)} trường hợp có thành tích xuất sắc trong năm."
        )
    return "\n\n".join(paragraphs)


def _strengths(f: ReportFacts) -> str:
    lines = []
    if f.people_registered and f.workers:
        lines.append(
            f"- Phong trào thi đua được phát động ngay từ đầu năm, {_share(f.people_registered, f.workers)} "
            "người lao động đăng ký thi đua."
        )
    reached = [i for i in f.indicators if not i.not_applicable and i.reached]
    if reached:
        lines.append(
            "- Các chỉ tiêu đạt và vượt: "
            + "; ".join(
                i.name
                + (f" ({vntext.format_percent(i.percent)})" if i.percent is not None and i.kind != "yesno" else "")
                for i in reached
            )
            + "."
        )
    if f.initiatives.recognised:
        text = f"- {_n(f.initiatives.recognised)} sáng kiến được công nhận"
        if f.initiatives.recognised_benefit:
            text += f", làm lợi {vntext.format_vnd(int(f.initiatives.recognised_benefit))}"
        lines.append(text + ".")
    if f.admitted:
        lines.append(f"- Kết nạp mới {_n(f.admitted)} đoàn viên công đoàn.")
    return "\n".join(lines) if lines else placeholder("những ưu điểm nổi bật trong kỳ")


def _weaknesses(f: ReportFacts) -> str:
    lines = []
    short = [i for i in f.indicators if not i.not_applicable and i.reached is False]
    if short:
        scope = " (so với chỉ tiêu cả năm)" if f.kind == "midyear" else ""
        lines.append(
            f"- Các chỉ tiêu chưa đạt{scope}: "
            + "; ".join(
                i.name
                + (f" ({vntext.format_percent(i.percent)})" if i.percent is not None and i.kind != "yesno" else "")
                for i in short
            )
            + "."
        )
    empty = [i for i in f.indicators if not i.not_applicable and i.registered is not None and i.value is None]
    if empty:
        lines.append(f"- Còn {len(empty)} chỉ tiêu chưa có số liệu: " + "; ".join(i.name for i in empty) + ".")
    if f.cstdcs_without_initiative:
        lines.append(
            f"- {_n(f.cstdcs_without_initiative)} người đăng ký “Chiến sĩ thi đua cơ sở” chưa có sáng kiến "
            "được công nhận."
        )
    return "\n".join(lines) if lines else placeholder("những tồn tại, hạn chế trong kỳ")


def _causes(f: ReportFacts) -> str:
    upper = f"{f.upper_union}" if f.upper_union else "công đoàn cấp trên"
    employer = f" {f.employer_name}" if f.employer_name else ""
    return (
        "Nguyên nhân của kết quả đạt được: sự quan tâm, chỉ đạo sát sao của "
        + upper
        + f"; sự phối hợp, tạo điều kiện của người sử dụng lao động{employer}; sự đồng thuận, hưởng ứng của đoàn "
        "viên, người lao động.\n\nNguyên nhân của tồn tại, hạn chế: "
        + placeholder("nguyên nhân khách quan, chủ quan của những tồn tại, hạn chế")
    )


def _direction_next(f: ReportFacts) -> str:
    lines = []
    if f.kind == "midyear":
        lines.append(
            "- Tiếp tục tuyên truyền, vận động đoàn viên, người lao động thi đua thực hiện các chỉ tiêu đã đăng ký."
        )
        for i in f.indicators:
            if i.not_applicable or i.reached is not False:
                continue
            if i.kind == "count" and i.value is not None and i.registered is not None:
                lines.append(
                    f"- {i.name}: phấn đấu thêm {_n(i.registered - i.value)} {i.unit} để đạt chỉ tiêu "
                    f"{_n(i.registered)}.".replace("  ", " ")
                )
            elif i.kind == "percent":
                lines.append(f"- {i.name}: phấn đấu đạt {vntext.format_percent(i.registered)} theo đăng ký.")
            elif i.kind == "yesno":
                lines.append(f"- {i.name}: tổ chức thực hiện trong {f.next_label}.")
        if f.initiatives.applying:
            lines.append(f"- Hoàn thiện hồ sơ đề nghị công nhận {_n(f.initiatives.applying)} sáng kiến đang áp dụng.")
        lines.append(
            f"- Chuẩn bị bình xét, tổng kết phong trào thi đua năm {f.year}; đề nghị khen thưởng các tập "
            "thể, cá nhân tiêu biểu."
        )
    else:
        lines.append(
            f"- Tổ chức phát động và đăng ký thi đua năm {f.year + 1} ngay từ đầu năm theo kế hoạch của công "
            "đoàn cấp trên."
        )
        lines.append(
            "- Tiếp tục đẩy mạnh phong trào “Lao động giỏi, Lao động sáng tạo”, khuyến khích đoàn viên, "
            "người lao động đăng ký sáng kiến, cải tiến kỹ thuật."
        )
        short = [i for i in f.indicators if not i.not_applicable and i.reached is False]
        if short:
            lines.append(
                "- Khắc phục những chỉ tiêu năm " + str(f.year) + " chưa đạt: " + "; ".join(i.name for i in short) + "."
            )
        lines.append("- Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; thực hiện tốt công tác khen thưởng.")
    return "\n".join(lines)


def _recommendations(f: ReportFacts) -> str:
    paragraphs = []
    upper = [p for p in f.proposals if p.level == "upper"]
    if f.kind == "year" and upper:
        to = f" {f.upper_union}" if f.upper_union else " công đoàn cấp trên"
        paragraphs.append(
            f"Đề nghị{to} xem xét, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong "
            "trào thi đua năm " + str(f.year) + " (danh sách đề nghị khen thưởng kèm theo)."
        )
    paragraphs.append(
        placeholder(
            "đề xuất, kiến nghị khác với công đoàn cấp trên và người sử dụng lao động; ghi “Không” nếu không có"
        )
    )
    return "\n\n".join(paragraphs)


def draft_sections(facts: ReportFacts) -> list[dict]:
    """The outline with each section drafted from ``facts``."""
    f = facts
    next_heading = "ĐỢT SAU" if f.kind == "midyear" else f"NĂM {f.year + 1}"
    if f.kind == "midyear" and (f.start.month, f.start.day, f.end.month, f.end.day) == (1, 1, 6, 30):
        next_heading = f"6 THÁNG CUỐI NĂM {f.year}"  # as the title says (see :func:`title`)
    elif f.kind == "midyear" and f.next_label:
        next_heading = f.next_label.upper()
    sections = [
        {"key": "situation", "heading": "I. ĐẶC ĐIỂM TÌNH HÌNH", "text": _situation(f), "level": 1},
        {"key": "results", "heading": "II. KẾT QUẢ THỰC HIỆN", "text": "", "level": 1},
        {"key": "direction", "heading": "1. Công tác chỉ đạo, triển khai", "text": _direction(f), "level": 2},
        {"key": "movements", "heading": "2. Kết quả thực hiện các phong trào thi đua", "text": "", "level": 2},
    ]
    for n, m in enumerate(f.movements, start=1):
        sections.append(
            {"key": f"movement:{m.code}", "heading": f"2.{n}. {_q(m.name)}", "text": _movement(f, m), "level": 3}
        )
    if not f.movements:
        sections[-1]["text"] = placeholder(
            "kết quả các phong trào thi đua (công đoàn cơ sở chưa ghi phong trào tham gia trong bản đăng ký)"
        )
    sections += [
        {"key": "indicators", "heading": "3. Kết quả thực hiện các chỉ tiêu", "text": _indicators(f), "level": 2},
        {"key": "commendation", "heading": "4. Công tác khen thưởng", "text": _commendation(f), "level": 2},
        {"key": "assessment", "heading": "III. ĐÁNH GIÁ CHUNG", "text": "", "level": 1},
        {"key": "strengths", "heading": "1. Ưu điểm", "text": _strengths(f), "level": 2},
        {"key": "weaknesses", "heading": "2. Tồn tại, hạn chế", "text": _weaknesses(f), "level": 2},
        {"key": "causes", "heading": "3. Nguyên nhân", "text": _causes(f), "level": 2},
        {
            "key": "plan",
            "heading": f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {next_heading}",
            "text": _direction_next(f),
            "level": 1,
        },
        {"key": "recommendations", "heading": "V. ĐỀ XUẤT, KIẾN NGHỊ", "text": _recommendations(f), "level": 1},
    ]
    return sections


def redraft(facts: ReportFacts, key: str) -> dict | None:
    """One section drafted again from fresh figures (None when the outline has no such key)."""
    return next((s for s in draft_sections(facts) if s["key"] == key), None)
