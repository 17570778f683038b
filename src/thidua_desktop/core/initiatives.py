"""Initiatives (sáng kiến): what makes one valid, and who may qualify for Bằng Lao động sáng tạo.

Plain values only. The thresholds come from the year's rule table; the code only knows the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field as dc_field
from datetime import date
from decimal import Decimal

from thidua_desktop.core import vntext

STATUSES = {
    "registered": "Đăng ký",
    "applying": "Đang áp dụng",
    "recognised": "Được công nhận",
    "refused": "Không công nhận",
}
LEVELS = {
    "co_so": "Cơ sở",
    "nganh": "Ngành",
    "tinh": "Tỉnh",
    "toan_quoc": "Toàn quốc",
}
CATEGORIES = {
    "worker": "Công nhân, lao động (trình độ cao đẳng trở xuống)",
    "university": "Trình độ đại học trở lên",
    "manager": "Cán bộ quản lý (trưởng, phó cấp cơ sở trở lên)",
}
PROGRAMME_TAGS = ("Chương trình 1 triệu sáng kiến",)

MAX_BENEFIT = Decimal(1_000_000_000_000)  # 1.000 tỷ đồng: more than that is a typing error
EARLIEST_APPLIED = date(1976, 1, 1)

RULE_WORKER_ONE_YEAR = "ldst_threshold_worker_one_year"
RULE_WORKER_THREE_YEARS = "ldst_threshold_worker_three_years"
RULE_UNIVERSITY = "ldst_threshold_university"
RULE_MANAGER = "ldst_threshold_manager"
RULE_WINDOW = "ldst_window_years"

_MANAGER_WORDS = (
    "giam doc",
    "truong phong",
    "pho phong",
    "quan doc",
    "pho quan doc",
    "truong ban",
    "pho ban",
    "truong khoa",
    "hieu truong",
    "chu tich hdqt",
    "ke toan truong",
)
_UNIVERSITY_WORDS = ("dai hoc", "thac si", "tien si", "ky su", "cu nhan", "bac si", "duoc si")


@dataclass
class AuthorDraft:
    share: Decimal
    person_id: str | None = None
    person_name: str = ""  # for messages; the roster name when person_id is set
    outside_name: str = ""
    outside_workplace: str = ""
    category: str = "worker"

    @property
    def display_name(self) -> str:
        return self.person_name or self.outside_name


@dataclass
class InitiativeDraft:
    title: str
    year: int
    authors: list[AuthorDraft] = dc_field(default_factory=list)
    phase_number: int | None = None
    field: str = ""
    investor: str = ""
    first_applied_on: date | None = None
    trial: bool = False
    description: str = ""
    conditions: str = ""
    economic_benefit: Decimal | None = None
    social_benefit: str = ""
    status: str = "registered"
    refusal_reason: str = ""
    recognition_level: str | None = None
    decision_number: str = ""
    decision_date: date | None = None
    decision_issuer: str = ""
    tags: list[str] = dc_field(default_factory=list)
    id: str | None = None


NATIONAL_BODY = "Tổng Liên đoàn Lao động Việt Nam"


def deciding_body(
    level: str | None,
    *,
    unit_name: str = "",
    employer_name: str = "",
    upper_union: str = "",
    upper_union_parent: str = "",
) -> tuple[str, str]:
    """The body that recognises an initiative of ``level`` when the file does not say it, and where
    it was taken from (Vietnamese, for the preview): ("", "") when the unit's profile has none.

    Cơ sở: the employer the unit's profile names (its council recognises initiatives), else the CĐCS
    itself. Ngành, tỉnh: the body of the unit's chain whose name says that level (an upper union
    "Công đoàn ngành …", a parent "LĐLĐ tỉnh …"), else the direct upper union for ngành and its
    parent for tỉnh (either one when only one is known). Toàn quốc: the Tổng Liên đoàn.
    """
    chain = [
        (vntext.nfc(upper_union), "công đoàn cấp trên trực tiếp"),
        (vntext.nfc(upper_union_parent), "công đoàn cấp trên"),
    ]
    chain = [(name, where) for name, where in chain if name]
    if level == "co_so":
        if vntext.nfc(employer_name):
            return vntext.nfc(employer_name), "đơn vị sử dụng lao động"
        if vntext.nfc(unit_name):
            return vntext.nfc(unit_name), "công đoàn cơ sở"
        return "", ""
    if level in ("nganh", "tinh"):
        words = ("nganh",) if level == "nganh" else ("tinh", "thanh pho")
        for name, where in chain:
            key = f" {vntext.search_key(name)} "
            if any(f" {w} " in key for w in words):
                return name, where
        ordered = chain if level == "nganh" else chain[::-1]
        return ordered[0] if ordered else ("", "")
    if level == "toan_quoc":
        return NATIONAL_BODY, "cấp toàn quốc"
    return "", ""


def default_category(position: str, education: str) -> str:
    """A first guess of the LĐST category from the roster; the officer can change it."""
    pos = f" {vntext.search_key(position)} "
    if any(f" {w} " in pos for w in _MANAGER_WORDS):
        return "manager"
    edu = vntext.search_key(education)
    if any(w in edu for w in _UNIVERSITY_WORDS):
        return "university"
    return "worker"


def validate(draft: InitiativeDraft, *, today: date | None = None) -> list[str]:
    """Every problem with the draft, in Vietnamese; empty when it can be saved."""
    today = today or date.today()
    problems: list[str] = []
    if not vntext.nfc(draft.title):
        problems.append("Tên sáng kiến không được để trống.")
    if not 1990 <= draft.year <= today.year + 1:
        problems.append(f"Năm {draft.year} không hợp lý.")
    if draft.phase_number is not None and draft.phase_number < 1:
        problems.append("Đợt thi đua không hợp lệ.")
    if not draft.authors:
        problems.append("Sáng kiến phải có ít nhất một tác giả.")
    seen: set[str] = set()
    total = Decimal(0)
    for author in draft.authors:
        name = author.display_name.strip() or "(không tên)"
        key = f"p:{author.person_id}" if author.person_id else f"o:{vntext.search_key(author.outside_name)}"
        if not author.person_id and not vntext.nfc(author.outside_name):
            problems.append("Tác giả ngoài đơn vị phải có họ tên.")
        if key in seen:
            problems.append(f"Tác giả {name} được ghi hai lần.")
        seen.add(key)
        if author.share is None or author.share <= 0 or author.share > 100:
            problems.append(f"Tỷ lệ đóng góp của {name} phải lớn hơn 0 và không quá 100%.")
        else:
            total += author.share
        if author.category not in CATEGORIES:
            problems.append(f"Đối tượng của tác giả {name} không hợp lệ.")
    if draft.authors and total != Decimal(100):
        problems.append(f"Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là {vntext.format_number(total)}%).")
    if draft.economic_benefit is not None:
        if draft.economic_benefit < 0:
            problems.append("Giá trị làm lợi không được âm.")
        elif draft.economic_benefit > MAX_BENEFIT:
            problems.append(
                f"Giá trị làm lợi {vntext.format_vnd(int(draft.economic_benefit))} không hợp lý "
                "(quá 1.000 tỷ đồng); hãy kiểm tra lại số đã nhập."
            )
    if draft.first_applied_on is not None and not EARLIEST_APPLIED <= draft.first_applied_on <= today:
        problems.append(
            f"Ngày áp dụng lần đầu {vntext.format_date(draft.first_applied_on)} không hợp lý "
            "(không được ở tương lai hoặc quá xa)."
        )
    if draft.status not in STATUSES:
        problems.append("Trạng thái sáng kiến không hợp lệ.")
    if draft.status == "refused" and not vntext.nfc(draft.refusal_reason):
        problems.append("Sáng kiến không được công nhận phải ghi lý do.")
    if draft.status == "recognised":
        if draft.recognition_level not in LEVELS:
            problems.append("Sáng kiến được công nhận phải có cấp công nhận (cơ sở, ngành, tỉnh, toàn quốc).")
        if not vntext.nfc(draft.decision_number):
            problems.append("Sáng kiến được công nhận phải có số quyết định công nhận.")
        if draft.decision_date is None:
            problems.append("Sáng kiến được công nhận phải có ngày quyết định.")
        elif draft.decision_date > today:
            problems.append("Ngày quyết định công nhận không được ở tương lai.")
        elif draft.first_applied_on and draft.decision_date < draft.first_applied_on:
            problems.append("Ngày quyết định công nhận không được trước ngày áp dụng lần đầu.")
        if not vntext.nfc(draft.decision_issuer):
            problems.append("Sáng kiến được công nhận phải ghi cơ quan, đơn vị ra quyết định.")
    elif draft.recognition_level is not None and draft.recognition_level not in LEVELS:
        problems.append("Cấp công nhận không hợp lệ.")
    return problems


# --- Bằng Lao động sáng tạo ---------------------------------------------------------------


@dataclass(frozen=True)
class Contribution:
    """One author's part in one recognised initiative."""

    author_key: str  # person id, or "ngoai:<name>" for an outsider
    author_name: str
    category: str
    year: int
    benefit: Decimal
    share: Decimal
    initiative_title: str

    @property
    def weighted(self) -> Decimal:
        return (self.benefit * self.share / 100).quantize(Decimal(1))


@dataclass(frozen=True)
class Candidate:
    author_key: str
    author_name: str
    category: str
    one_year: Decimal
    three_years: Decimal
    threshold_met: Decimal
    reason: str
    initiatives: tuple[str, ...]


def ldst_candidates(year: int, contributions: Iterable[Contribution], rules: Mapping[str, Decimal]) -> list[Candidate]:
    """Authors whose share of recognised benefit reaches the year's thresholds.

    Workers: one year ≥ the one-year threshold, or the last ``window`` years together ≥ the
    three-year threshold. University level and managers: their own threshold, reached in one year
    or over the window (the rule text says "tổng giá trị làm lợi"; the reviewer decides).
    """
    window = int(rules.get(RULE_WINDOW, Decimal(3)))
    first_year = year - window + 1
    by_author: dict[str, list[Contribution]] = {}
    for c in contributions:
        if first_year <= c.year <= year:
            by_author.setdefault(c.author_key, []).append(c)
    found: list[Candidate] = []
    fmt = vntext.format_vnd
    for key, items in by_author.items():
        one = sum((c.weighted for c in items if c.year == year), Decimal(0))
        three = sum((c.weighted for c in items), Decimal(0))
        if one == 0:
            continue  # nothing recognised this year: no proposal this year
        latest = max(items, key=lambda c: c.year)
        category = latest.category
        reason = None
        met = Decimal(0)
        if category == "worker":
            t1, t3 = rules.get(RULE_WORKER_ONE_YEAR), rules.get(RULE_WORKER_THREE_YEARS)
            if t1 is not None and one >= t1:
                met, reason = t1, f"giá trị làm lợi năm {year} theo tỷ lệ đóng góp {fmt(int(one))} ≥ {fmt(int(t1))}"
            elif t3 is not None and three >= t3:
                met, reason = (
                    t3,
                    (
                        f"tổng giá trị làm lợi {first_year}–{year} theo tỷ lệ đóng góp {fmt(int(three))}"
                        f" ≥ {fmt(int(t3))}"
                    ),
                )
        else:
            t = rules.get(RULE_UNIVERSITY if category == "university" else RULE_MANAGER)
            if t is not None and one >= t:
                met, reason = t, f"giá trị làm lợi năm {year} theo tỷ lệ đóng góp {fmt(int(one))} ≥ {fmt(int(t))}"
            elif t is not None and three >= t:
                met, reason = (
                    t,
                    (f"tổng giá trị làm lợi {first_year}–{year} theo tỷ lệ đóng góp {fmt(int(three))} ≥ {fmt(int(t))}"),
                )
        if reason:
            found.append(
                Candidate(
                    key,
                    latest.author_name,
                    category,
                    one,
                    three,
                    met,
                    f"{CATEGORIES[category]}: {reason}",
                    tuple(dict.fromkeys(c.initiative_title for c in items)),
                )
            )
    found.sort(key=lambda c: (-c.one_year, -c.three_years, vntext.sort_key(c.author_name)))
    return found
