"""Checks on an emulation registration, from the year's rule table (plain values, no database).

Every threshold comes from the rule values of the year (``RuleValue``); the code only knows
which rule key to look at. Messages are Vietnamese, ready to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from thidua_desktop.core.vntext import format_number

Severity = Literal["error", "warning"]

LDTT = "LDTT"
CSTDCS = "CSTDCS"
RULE_CSTDCS_CAP = "cstdcs_cap_percent_of_ldtt"
RULE_MIN_MONTHS = "ldtt_min_months_worked"


@dataclass(frozen=True)
class PersonFacts:
    id: str
    full_name: str
    gender: str  # "M" | "F" | ""
    is_member: bool
    employed_since: date | None
    left_on: date | None


@dataclass(frozen=True)
class TitleFacts:
    code: str
    name: str
    subject: str  # individual | collective
    category: str  # title | award
    system: str  # state | union
    women_only: bool
    requires_initiative: bool


@dataclass(frozen=True)
class Entry:
    person_id: str
    title_code: str
    planned_initiative: str = ""


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str
    person_id: str | None = None
    title_code: str | None = None


def months_worked(employed_since: date, year: int) -> int:
    """Whole months from the start of employment to the end of the year (capped at 12)."""
    if employed_since.year < year:
        return 12
    if employed_since.year > year:
        return 0
    months = 12 - employed_since.month + (1 if employed_since.day == 1 else 0)
    return max(0, min(12, months))


def check_individuals(
    year: int,
    entries: Iterable[Entry],
    people: Mapping[str, PersonFacts],
    titles: Mapping[str, TitleFacts],
    rules: Mapping[str, Decimal],
) -> list[Finding]:
    findings: list[Finding] = []
    entries = list(entries)
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    min_months = rules.get(RULE_MIN_MONTHS)
    by_person: dict[str, set[str]] = {}
    for entry in entries:
        by_person.setdefault(entry.person_id, set()).add(entry.title_code)
    for entry in entries:
        person = people.get(entry.person_id)
        title = titles.get(entry.title_code)
        if person is None or title is None:
            findings.append(
                Finding(
                    "error",
                    "Đăng ký trỏ tới người hoặc danh hiệu không còn trong dữ liệu.",
                    entry.person_id,
                    entry.title_code,
                )
            )
            continue

        def add(severity: Severity, message: str) -> None:
            findings.append(Finding(severity, f"{person.full_name} — {title.name}: {message}", person.id, title.code))

        if title.subject != "individual":
            add("error", "đây là danh hiệu/hình thức dành cho tập thể.")
        if title.women_only and person.gender != "F":
            add("error", "danh hiệu chỉ dành cho nữ.")
        if title.requires_initiative and not entry.planned_initiative.strip():
            add("warning", "cần có sáng kiến, đề tài hoặc giải pháp; chưa ghi tên sáng kiến dự kiến.")
        if title.system == "union" and not person.is_member:
            add("warning", "danh hiệu của tổ chức Công đoàn chỉ xét cho đoàn viên; người này chưa là đoàn viên.")
        if person.left_on is not None:
            if person.left_on < year_start:
                add("error", f"người này đã nghỉ việc từ {person.left_on:%d/%m/%Y}.")
            elif person.left_on <= year_end:
                add("warning", f"người này nghỉ việc ngày {person.left_on:%d/%m/%Y}, trước khi kết thúc năm.")
        if (
            min_months is not None
            and title.system == "state"
            and title.category == "title"
            and person.employed_since is not None
        ):
            worked = months_worked(person.employed_since, year)
            if worked < min_months:
                add(
                    "warning",
                    f"mới làm việc {worked} tháng trong năm {year}, dưới "
                    f"{format_number(min_months)} tháng theo quy định.",
                )
        if title.code == CSTDCS and LDTT not in by_person.get(person.id, set()):
            add("warning", "Chiến sĩ thi đua cơ sở phải đạt Lao động tiên tiến; chưa đăng ký Lao động tiên tiến.")
    cap = rules.get(RULE_CSTDCS_CAP)
    if cap is not None:
        ldtt = sum(1 for e in entries if e.title_code == LDTT)
        cstd = sum(1 for e in entries if e.title_code == CSTDCS)
        allowed = int(Decimal(ldtt) * cap / 100)
        if cstd > allowed:
            findings.append(
                Finding(
                    "warning",
                    f"Số đăng ký Chiến sĩ thi đua cơ sở ({cstd}) vượt {format_number(cap)}% số đăng ký Lao động tiên tiến "
                    f"({ldtt}): tối đa {allowed} người.",
                    None,
                    CSTDCS,
                )
            )
    return findings


def check_collective(title_codes: Iterable[str], titles: Mapping[str, TitleFacts]) -> list[Finding]:
    findings = []
    for code in title_codes:
        title = titles.get(code)
        if title is None:
            findings.append(Finding("error", f"Danh hiệu '{code}' không có trong danh mục của năm.", None, code))
        elif title.subject != "collective":
            findings.append(Finding("error", f"{title.name}: dành cho cá nhân, không đăng ký cho tập thể.", None, code))
    return findings
