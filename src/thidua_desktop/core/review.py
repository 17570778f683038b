"""The year-end review (bình xét) and the proposal list from plain values.

Who is excluded from which title comes from the year's rule table (``RuleValue``): the code only
knows the rule keys. Inputs that the roster does not hold — days off other than maternity leave
and a disciplinary measure — are given per person at the review and stored, JSON-compatibly, in
``ReviewResult.exclusions`` next to the reason codes of the last check:

    ["days_off", {"input": "days_off", "value": 45}, {"input": "discipline", "value": "khiển trách"}]

Strings are the reason codes found when the row was last written (a snapshot for the minutes);
``{"input": …}`` entries are the facts typed by the officer. Every row of the person carries the
same inputs. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from thidua_desktop.core import vntext
from thidua_desktop.core.registration import CSTDCS, RULE_CSTDCS_CAP, RULE_MIN_MONTHS, TitleFacts, months_worked

RULE_DAYS_OFF = "ldtt_exclude_days_off_from"

# Reason codes (stored) and what they mean.
NOT_REGISTERED = "not_registered"
LEFT = "left"
MONTHS = "months_worked"
DAYS_OFF = "days_off"
DISCIPLINED = "disciplined"
WOMEN_ONLY = "women_only"
NOT_MEMBER = "not_member"
NO_INITIATIVE = "no_initiative"
NO_LDTT = "no_ldtt"
WRONG_SUBJECT = "wrong_subject"

INPUT_DAYS_OFF = "days_off"
INPUT_DISCIPLINE = "discipline"
MAX_DAYS_OFF = 366


@dataclass(frozen=True)
class Exclusion:
    code: str
    message: str


@dataclass(frozen=True)
class ReviewInputs:
    """What the officer states at the review for one person."""

    days_off: int | None = None  # working days off in the year, maternity leave not counted
    discipline: str = ""  # the disciplinary measure of the year ("khiển trách", …); empty: none

    @property
    def disciplined(self) -> bool:
        return bool(self.discipline.strip())


@dataclass(frozen=True)
class Subject:
    """A person under review, a union group (``union_group_id``), or the CĐCS itself (both None)."""

    person_id: str | None
    full_name: str
    gender: str = ""
    is_member: bool = True
    employed_since: date | None = None
    left_on: date | None = None
    union_group_id: str | None = None


def split_exclusions(raw: object) -> tuple[list[str], ReviewInputs]:
    """Reason codes and inputs from a stored ``ReviewResult.exclusions`` value."""
    codes: list[str] = []
    days_off, discipline = None, ""
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            codes.append(item)
        elif isinstance(item, dict) and item.get("input") == INPUT_DAYS_OFF and isinstance(item.get("value"), int):
            days_off = item["value"]
        elif isinstance(item, dict) and item.get("input") == INPUT_DISCIPLINE and isinstance(item.get("value"), str):
            discipline = item["value"]
    return codes, ReviewInputs(days_off, discipline)


def join_exclusions(codes: Iterable[str], inputs: ReviewInputs) -> list:
    stored: list = list(dict.fromkeys(codes))
    if inputs.days_off is not None:
        stored.append({"input": INPUT_DAYS_OFF, "value": int(inputs.days_off)})
    if inputs.disciplined:
        stored.append({"input": INPUT_DISCIPLINE, "value": inputs.discipline.strip()})
    return stored


def check_inputs(days_off: int | None, discipline: str | None) -> list[str]:
    problems = []
    if days_off is not None:
        if isinstance(days_off, bool) or not isinstance(days_off, int):
            problems.append("Số ngày nghỉ phải là số nguyên.")
        elif not 0 <= days_off <= MAX_DAYS_OFF:
            problems.append(f"Số ngày nghỉ {days_off} không hợp lý (từ 0 đến {MAX_DAYS_OFF}).")
    if discipline is not None and len(discipline.strip()) > 200:
        problems.append("Hình thức kỷ luật ghi quá dài (tối đa 200 ký tự).")
    return problems


def _state_title(title: TitleFacts) -> bool:
    return title.system == "state" and title.category == "title"


def exclusions(
    year: int,
    subject: Subject,
    title: TitleFacts,
    *,
    registered: bool,
    inputs: ReviewInputs,
    rules: Mapping[str, Decimal],
    has_recognised_initiative: bool = False,
    ldtt_state: str | None = None,
    group_title: bool = False,
) -> list[Exclusion]:
    """Why ``subject`` cannot be recognised ``title`` this year, from the rule table.

    ``ldtt_state`` (CSTĐCS only) is how the person stands for Lao động tiên tiến: "achieved",
    "undecided", "not_achieved" (refused or excluded) or None (not registered, no result).
    ``group_title``: a collective title the CĐCS gives its union groups (Tổ công đoàn vững mạnh).
    """
    found: list[Exclusion] = []
    if not registered:
        found.append(Exclusion(NOT_REGISTERED, "chưa đăng ký danh hiệu này"))
    if subject.person_id is None:
        if title.subject != "collective":
            found.append(Exclusion(WRONG_SUBJECT, "danh hiệu dành cho cá nhân"))
        elif subject.union_group_id is None and group_title:
            found.append(Exclusion(WRONG_SUBJECT, "danh hiệu dành cho tổ công đoàn, không dành cho công đoàn cơ sở"))
        elif subject.union_group_id is not None and not group_title:
            found.append(Exclusion(WRONG_SUBJECT, "danh hiệu dành cho công đoàn cơ sở, không dành cho tổ công đoàn"))
        return found
    if title.subject != "individual":
        found.append(Exclusion(WRONG_SUBJECT, "danh hiệu dành cho tập thể"))
    year_end = date(year, 12, 31)
    if subject.left_on is not None and subject.left_on <= year_end:
        found.append(Exclusion(LEFT, f"đã nghỉ việc ngày {vntext.format_date(subject.left_on)}"))
    if title.women_only and subject.gender != "F":
        found.append(Exclusion(WOMEN_ONLY, "danh hiệu chỉ dành cho nữ"))
    if title.system == "union" and not subject.is_member:
        found.append(Exclusion(NOT_MEMBER, "chưa là đoàn viên công đoàn"))
    if _state_title(title):
        minimum = rules.get(RULE_MIN_MONTHS)
        if minimum is not None and subject.employed_since is not None:
            worked = months_worked(subject.employed_since, year)
            if worked < minimum:
                found.append(
                    Exclusion(MONTHS, f"làm việc {worked} tháng trong năm, dưới {vntext.format_number(minimum)} tháng")
                )
        limit = rules.get(RULE_DAYS_OFF)
        if limit is not None and inputs.days_off is not None and inputs.days_off >= limit:
            found.append(
                Exclusion(
                    DAYS_OFF,
                    f"nghỉ {inputs.days_off} ngày làm việc (không kể thai sản), từ "
                    f"{vntext.format_number(limit)} ngày trở lên",
                )
            )
    if inputs.disciplined:
        found.append(Exclusion(DISCIPLINED, f"bị kỷ luật ({inputs.discipline.strip()})"))
    if title.requires_initiative and title.category == "title" and not has_recognised_initiative:
        found.append(Exclusion(NO_INITIATIVE, "chưa có sáng kiến được công nhận trong năm"))
    if title.code == CSTDCS:
        missing = no_ldtt(ldtt_state)
        if missing is not None:
            found.append(missing)
    return found


def no_ldtt(ldtt_state: str | None) -> Exclusion | None:
    """The CSTĐCS exclusion for how the person stands for LĐTT (see :func:`exclusions`); always last."""
    if ldtt_state in (None, "not_achieved"):
        return Exclusion(
            NO_LDTT, "không đạt “Lao động tiên tiến”" if ldtt_state else "chưa đăng ký, chưa đạt “Lao động tiên tiến”"
        )
    return None


def describe(found: Sequence[Exclusion]) -> str:
    return "; ".join(e.message for e in found)


def majority(votes_for: int | None, votes_total: int | None) -> bool | None:
    """More than half of the votes cast; None when no vote was recorded."""
    if votes_for is None or votes_total is None:
        return None
    return votes_total > 0 and votes_for * 2 > votes_total


def cap_allowed(ldtt_achieved: int, rules: Mapping[str, Decimal]) -> int | None:
    """How many CSTĐCS the rule allows for this many LĐTT (None: no cap in the rule table)."""
    cap = rules.get(RULE_CSTDCS_CAP)
    if cap is None:
        return None
    return int(Decimal(ldtt_achieved) * cap / 100)


@dataclass(frozen=True)
class Vote:
    """One line of the review: the votes for a title and, when decided, the outcome."""

    person_id: str | None  # None: the collective (the CĐCS itself, or the union group below)
    title_code: str
    votes_for: int | None = None
    votes_total: int | None = None
    achieved: bool | None = None
    note: str | None = None  # None: keep the stored note
    union_group_id: str | None = None  # a union group (tổ công đoàn), with person_id None


def check_votes(votes_for: int | None, votes_total: int | None, present: int | None) -> list[str]:
    problems = []
    for what, value in (("Số phiếu đồng ý", votes_for), ("Tổng số phiếu", votes_total)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            problems.append(f"{what} phải là số nguyên.")
        elif value is not None and value < 0:
            problems.append(f"{what} không được âm.")
    if problems:
        return problems
    if (votes_for is None) != (votes_total is None):
        problems.append("Cần ghi cả số phiếu đồng ý và tổng số phiếu.")
    elif votes_for is not None and votes_total is not None:
        if votes_for > votes_total:
            problems.append(f"Số phiếu đồng ý ({votes_for}) lớn hơn tổng số phiếu ({votes_total}).")
        elif present is not None and votes_total > present:
            problems.append(f"Tổng số phiếu ({votes_total}) lớn hơn số người có mặt tại cuộc họp ({present}).")
    return problems


# --- tóm tắt thành tích --------------------------------------------------------------------------


@dataclass(frozen=True)
class InitiativeFact:
    title: str
    share: Decimal | None  # the person's contribution %, None for the collective
    status: str
    benefit: Decimal | None
    decision_number: str = ""
    decision_date: date | None = None
    decision_issuer: str = ""


@dataclass(frozen=True)
class AchievementFacts:
    """What a proposal line's summary is drafted from."""

    year: int
    position: str = ""
    group_name: str = ""
    roles: tuple[str, ...] = ()  # "Tổ trưởng công đoàn Tổ may 1", "Chủ tịch CĐCS"
    titles_achieved: tuple[str, ...] = ()  # title names
    votes: tuple[int, int] | None = None  # for the title behind the proposal
    initiatives: tuple[InitiativeFact, ...] = ()
    ldst_reason: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)  # sentences for a collective


def _quote(text: str) -> str:
    return f"“{text}”"


def _initiative_sentence(item: InitiativeFact) -> str:
    share = ""
    if item.share is not None and item.share < 100:
        share = f" (tỷ lệ đóng góp {vntext.format_number(item.share)}%)"
    text = f"sáng kiến {_quote(item.title)}{share}"
    if item.status == "recognised":
        if item.decision_number:
            when = f" ngày {vntext.format_date(item.decision_date)}" if item.decision_date else ""
            text += f" được công nhận theo Quyết định số {item.decision_number}{when}"
            if item.decision_issuer:
                text += f" của {item.decision_issuer}"
        else:
            text += " được công nhận"
    elif item.status == "applying":
        text += " đang áp dụng"
    if item.benefit:
        text += f", làm lợi {vntext.format_vnd(int(item.benefit))}"
    return text


def achievement_summary(facts: AchievementFacts) -> str:
    """A drafted tóm tắt thành tích (1–3 sentences) from the person's year; the officer edits it."""
    sentences: list[str] = []
    where = ", ".join(x for x in (facts.position, facts.group_name) if x)
    if facts.roles:
        where = "; ".join(x for x in (where, ", ".join(facts.roles)) if x)
    if where:
        sentences.append(where[0].upper() + where[1:] + ".")
    if facts.titles_achieved:
        votes = ""
        if facts.votes is not None:
            votes = f" (được {facts.votes[0]}/{facts.votes[1]} phiếu bình xét đồng ý)"
        sentences.append(
            f"Năm {facts.year} đạt danh hiệu " + ", ".join(_quote(t) for t in facts.titles_achieved) + votes + "."
        )
    useful = [i for i in facts.initiatives if i.status in ("recognised", "applying")]
    if useful:
        parts = [_initiative_sentence(i) for i in useful[:3]]
        more = f" và {len(useful) - 3} sáng kiến khác" if len(useful) > 3 else ""
        sentences.append("Là tác giả " + "; ".join(parts) + more + ".")
    if facts.ldst_reason:
        sentences.append(facts.ldst_reason[0].upper() + facts.ldst_reason[1:] + ".")
    sentences.extend(facts.extra)
    return " ".join(sentences)


@dataclass(frozen=True)
class GroupFacts:
    """What a union group's proposal line is drafted from."""

    year: int
    name: str
    title_name: str
    members: int = 0
    ldtt_achieved: int = 0
    initiatives_recognised: int = 0
    leader: str = ""
    votes: tuple[int, int] | None = None


def group_summary(facts: GroupFacts) -> str:
    """A drafted tóm tắt thành tích of a union group (tổ công đoàn); the officer edits it."""
    parts = [f"Năm {facts.year}, {facts.name} có {vntext.format_number(facts.members)} đoàn viên"]
    if facts.leader:
        parts[0] += f" (tổ trưởng: {facts.leader})"
    if facts.ldtt_achieved:
        parts.append(f"{vntext.format_number(facts.ldtt_achieved)} người đạt danh hiệu “Lao động tiên tiến”")
    if facts.initiatives_recognised:
        parts.append(f"{vntext.format_number(facts.initiatives_recognised)} sáng kiến được công nhận")
    text = "; ".join(parts) + "."
    votes = f" với {facts.votes[0]}/{facts.votes[1]} phiếu đồng ý" if facts.votes else ""
    return text + f" Được bình xét{votes} công nhận danh hiệu {_quote(facts.title_name)}."


def not_achieved_reason(exclusions: Sequence[Exclusion], votes_for: int | None, votes_total: int | None) -> str:
    """The "Ghi chú" of a "Không đạt" line in the biên bản's annex: the rule that kept it out (left,
    under 10 months, days off, discipline…), else the vote; never an empty note."""
    if exclusions:
        return "; ".join(e.message.rstrip(".") for e in exclusions)
    if votes_for is not None and votes_total:
        return f"Không đủ trên 50% số phiếu đồng ý ({votes_for}/{votes_total})"
    return "Hội nghị không bình xét đạt"
