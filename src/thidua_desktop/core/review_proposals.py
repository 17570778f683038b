"""The commendation proposals (đề nghị khen thưởng) from plain values: which achieved title leads to
which award at which level, the checks of a line and of a decision, and their wordings.

A title or an award is anything with the catalogue's attributes (``name``, ``subject``,
``category``, ``issuer``: an ``AwardTitle`` row or a plain object). Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from thidua_desktop.core import vntext
from thidua_desktop.core.registration import CSTDCS

BANG_LDST = "BANG_LDST"
OWN_ISSUER = "Ban Chấp hành CĐCS"
LEVELS = ("own", "upper")


class Title(Protocol):
    name: str
    subject: str  # individual | collective
    category: str  # title | award
    issuer: str


@dataclass(frozen=True)
class ProposalRule:
    """An achieved title that leads to a proposal: ``award_code`` at ``level`` (own | upper)."""

    title_code: str
    award_code: str
    level: str


DEFAULT_RULES = (ProposalRule(CSTDCS, "GK_CTTCS", "upper"), ProposalRule("DVCD_XS", "GK_CDCS", "own"))


def is_own_issuer(issuer: str) -> bool:
    return vntext.nfc(issuer) == OWN_ISSUER


def level_of(title: Title) -> str:
    """``own`` for what the CĐCS's own Ban Chấp hành gives, ``upper`` for what it proposes upwards."""
    return "own" if is_own_issuer(title.issuer) else "upper"


def is_group_title(title: Title) -> bool:
    """A collective title the CĐCS's own Ban Chấp hành gives: to its union groups, not to itself."""
    return title.subject == "collective" and title.category == "title" and is_own_issuer(title.issuer)


def rules_from_json(text: str | None) -> list[ProposalRule]:
    """The rules as stored (a JSON list of ``{"title", "award", "level"}``); the default ones when
    nothing, or nothing readable, is stored."""
    if not text:
        return list(DEFAULT_RULES)
    try:
        return [ProposalRule(str(x["title"]), str(x["award"]), str(x["level"])) for x in json.loads(text)]
    except (ValueError, KeyError, TypeError):
        return list(DEFAULT_RULES)


def rules_to_json(rules: Sequence[ProposalRule]) -> str:
    return json.dumps(
        [{"title": r.title_code, "award": r.award_code, "level": r.level} for r in rules], ensure_ascii=False
    )


def check_level(level: str) -> list[str]:
    if level not in LEVELS:
        return [f"Cấp khen '{level}' không hợp lệ: own (CĐCS tặng) hoặc upper (đề nghị cấp trên)."]
    return []


def check_rules(year: int, rules: Sequence[ProposalRule], titles: Mapping[str, Title]) -> list[str]:
    """Each rule leads from an individual title of the year's catalogue to an individual award."""
    problems = []
    for rule in rules:
        title, award = titles.get(rule.title_code), titles.get(rule.award_code)
        if title is None or title.category != "title" or title.subject != "individual":
            problems.append(f"'{rule.title_code}' không phải danh hiệu cá nhân trong danh mục năm {year}.")
        if award is None or award.subject != "individual":
            problems.append(f"'{rule.award_code}' không phải hình thức khen thưởng cá nhân trong danh mục năm {year}.")
        problems += check_level(rule.level)
    return problems


def check_award(year: int, award_code: str, title: Title | None, person: bool, level: str) -> list[str]:
    """An award of the year's catalogue (``title``: None when it holds no ``award_code``) that fits a
    person (``person``) or a collective, at a valid level."""
    problems = []
    if title is None:
        problems.append(f"Hình thức/danh hiệu '{award_code}' không có trong danh mục năm {year}.")
    elif person and title.subject != "individual":
        problems.append(f"{title.name} dành cho tập thể, không đề nghị cho cá nhân.")
    elif not person and title.subject != "collective":
        problems.append(f"{title.name} dành cho cá nhân, không đề nghị cho tập thể.")
    return problems + check_level(level)


def check_decision_date(decision_date: date | None, today: date) -> list[str]:
    if decision_date is not None and decision_date > today:
        return [f"Ngày quyết định {vntext.format_date(decision_date)} ở tương lai."]
    return []


def decision_text(number: str, decided: date | None) -> str:
    return f"Quyết định số {number}" + (f" ngày {vntext.format_date(decided)}" if decided else "")


def votes_text(votes_for: int | None, votes_total: int | None) -> str:
    return f"Bình xét: {votes_for}/{votes_total} phiếu đồng ý" if votes_total else ""


@dataclass(frozen=True)
class CollectiveFacts:
    """What the tóm tắt thành tích of the CĐCS's own line says."""

    year: int
    title_name: str
    workers: int
    members: int
    admitted: int | Decimal | None = None  # members admitted in the year (None: not counted)
    initiatives_recognised: int | Decimal | None = None
    targets_registered: int = 0  # targets the CĐCS registered that apply
    targets_measured: int = 0  # of which a value is known
    targets_reached: int = 0  # of which the value reaches the registered one


def collective_summary(facts: CollectiveFacts) -> str:
    parts = [
        f"Năm {facts.year}, đơn vị có {vntext.format_number(facts.workers)} người lao động, "
        f"{vntext.format_number(facts.members)} đoàn viên"
    ]
    if facts.admitted is not None:
        parts.append(f"kết nạp mới {vntext.format_number(facts.admitted)} đoàn viên")
    if facts.initiatives_recognised:
        parts.append(f"{vntext.format_number(facts.initiatives_recognised)} sáng kiến được công nhận")
    text = ", ".join(parts) + "."
    if facts.targets_registered and facts.targets_measured == facts.targets_registered:
        text += f" Đạt và vượt {facts.targets_reached}/{facts.targets_registered} chỉ tiêu thi đua đã đăng ký."
    return text + f" Được bình xét đề nghị công nhận danh hiệu “{facts.title_name}”."


# --- one achievement, one reward -----------------------------------------------------------------

LEVEL_WORDS = {"own": "Ban Chấp hành CĐCS tặng", "upper": "đề nghị cấp trên"}


@dataclass(frozen=True)
class ProposedAward:
    """A line of the year's proposals as the double-reward check sees it: whom (``subject``: a
    person's or a collective's key; ``name`` as written), which award (``category``: award | title)
    and at which level."""

    subject: str
    name: str
    award_code: str
    award_name: str
    level: str
    category: str = "award"
    ref: str = ""  # the caller's id of the line


def award_form(award_name: str) -> str:
    """The kind of an award: its name before "của" ("Giấy khen của Ban Chấp hành CĐCS" → "Giấy
    khen"); "Bằng Lao động sáng tạo …" and "Kỷ niệm chương …" are kinds of their own."""
    name = " ".join(vntext.nfc(award_name or "").split())
    head = name.split(" của ", 1)[0].strip()
    return head[:1].upper() + head[1:]


def _listed(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def double_rewards(year: int, lines: Sequence[ProposedAward]) -> list[tuple[ProposedAward, str]]:
    """Who is proposed, in the year's one round, for two awards of the same kind (two Giấy khen: the
    CĐCS's own and the upper union's, or of two levels) for the year's one achievement: one
    achievement is rewarded once. Returns the first line of each such person or collective and the
    warning naming them and the awards; the officer keeps one line. Titles (danh hiệu) are not
    awards and are left out."""
    groups: dict[tuple[str, str], list[ProposedAward]] = {}
    for line in lines:
        if line.category != "award" or not line.subject:
            continue
        groups.setdefault((line.subject, award_form(line.award_name).casefold()), []).append(line)
    found = []
    for (_subject, _form), same in groups.items():
        if len(same) < 2:
            continue
        awards = [f"“{x.award_name}” ({LEVEL_WORDS.get(x.level, x.level)})" for x in same]
        count = {2: "hai", 3: "ba"}.get(len(same), str(len(same)))
        found.append(
            (
                same[0],
                f"{same[0].name} được đề nghị {count} {award_form(same[0].award_name)} cho cùng "
                f"thành tích năm {year} trong một đợt: {_listed(awards)}. Một thành tích chỉ khen thưởng một "
                "lần: hãy giữ một dòng trước khi lấy số văn bản.",
            )
        )
    return found
