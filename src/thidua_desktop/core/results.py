"""Indicator results (kết quả thực hiện chỉ tiêu) from plain values: checks, rates, wording.

A result belongs to an indicator and a phase and is cumulative from the start of the year to
the end of that phase (the phase-1 result of 30/6, the year result of 31/12). A rate keeps its
numerator and denominator; its value (in %) is derived from them, never typed alone, so the
upper level can add units up.

Which records a computed indicator counts (``Indicator.computed_from``):

* ``members_admitted`` — people whose ``joined_union_on`` falls in [start of year, end of phase]
  (those who left afterwards included: they were admitted).
* ``initiatives_recognised`` — initiatives recognised by a decision dated in that period.
* ``ldst_authors`` — for the last phase, once the proposal list exists, the authors proposed
  for Bằng Lao động sáng tạo (``BANG_LDST`` lines); before that, and for earlier phases, the
  authors who meet the thresholds with initiatives recognised by the end of the phase.
* ``women_gvn_dvn`` — a rate over the women members at the end of the phase. The title is
  given at the year-end review only, so the **last phase** counts the women recognised at the
  review (``ReviewResult`` achieved for ``GVN_DVN``) and has no value until the review decided
  some; **earlier phases** (the sơ kết) count the women who registered to strive for it — the
  origin says so, and the upward figure is then a registration rate, not a recognition rate.
* ``officers_trained``, ``members_introduced_to_party`` — the app keeps no record of training
  courses or Party introductions yet: they are entered by hand like any other indicator.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from thidua_desktop.core import vntext

# The computed sources this module knows how to count; the rest of COMPUTED_SOURCES are entered.
SOURCES_WITH_RECORDS: frozenset[str] = frozenset(
    {"members_admitted", "initiatives_recognised", "ldst_authors", "women_gvn_dvn"}
)
SOURCES_WITHOUT_RECORDS: dict[str, str] = {
    "officers_trained": "Ứng dụng chưa có sổ theo dõi tập huấn cán bộ: nhập số liệu kèm căn cứ.",
    "members_introduced_to_party": "Ứng dụng chưa có sổ theo dõi giới thiệu đoàn viên cho Đảng: nhập số liệu kèm "
    "căn cứ.",
}
NOT_APPLICABLE = "Không áp dụng đối với đơn vị"
RATE_PLACES = Decimal("0.0001")
MAX_COUNT = Decimal(10_000_000)
MAX_MONEY = Decimal(1_000_000_000_000)


@dataclass(frozen=True)
class Figure:
    """A checked figure ready to store: ``value`` is the rate in % for a percent indicator."""

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def effective_source(source: str, computed_from: str | None) -> str:
    """``computed`` only when the app has the records to count; otherwise ``entered``."""
    if source == "computed" and computed_from in SOURCES_WITH_RECORDS:
        return "computed"
    return "entered"


def rate(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator in %, four decimals (the store's precision)."""
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def _number(value, what: str, problems: list[str]) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        problems.append(f"{what} phải là số.")
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except ArithmeticError:
        problems.append(f"{what} '{value}' không phải là số.")
        return None
    if not number.is_finite():
        problems.append(f"{what} phải là số hữu hạn.")
        return None
    if number < 0:
        problems.append(f"{what} không được âm.")
        return None
    return number


def check_figure(
    label: str, kind: str, value=None, numerator=None, denominator=None
) -> tuple[Figure | None, list[str]]:
    """Check a typed figure for an indicator of ``kind``; return it normalised, or the problems.

    ``label`` names the indicator in the messages ("CT10 Nữ CNVCLĐ đạt …").
    """
    problems: list[str] = []
    value = _number(value, "Giá trị", problems)
    numerator = _number(numerator, "Tử số", problems)
    denominator = _number(denominator, "Mẫu số", problems)
    if problems:
        return None, [f"{label}: {p}" for p in problems]
    if kind == "percent":
        if value is not None and value > 100:
            problems.append("tỷ lệ không được vượt 100%.")
        elif numerator is None or denominator is None:
            problems.append(
                "chỉ tiêu tỷ lệ cần nhập cả tử số và mẫu số (ví dụ 180 trên 212 người), "
                "tỷ lệ % được tính từ hai số này."
            )
        elif denominator == 0:
            problems.append("mẫu số phải lớn hơn 0.")
        elif numerator > denominator:
            problems.append(
                f"tử số ({vntext.format_number(numerator)}) lớn hơn mẫu số "
                f"({vntext.format_number(denominator)}): tỷ lệ sẽ vượt 100%."
            )
        elif numerator != numerator.to_integral_value() or denominator != denominator.to_integral_value():
            problems.append("tử số và mẫu số là số người, số đơn vị: phải là số nguyên.")
        else:
            derived = rate(numerator, denominator)
            if value is not None and abs(value - derived) >= Decimal("0.05"):
                problems.append(
                    f"tỷ lệ {vntext.format_percent(value)} không khớp với "
                    f"{vntext.format_number(numerator)}/{vntext.format_number(denominator)} "
                    f"= {vntext.format_percent(derived)}."
                )
            else:
                return Figure(derived, numerator, denominator), []
        return None, [f"{label}: {p}" for p in problems]
    if numerator is not None or denominator is not None:
        problems.append("chỉ tiêu này không phải tỷ lệ: chỉ nhập một giá trị, không nhập tử số, mẫu số.")
    elif value is None:
        problems.append("chưa nhập giá trị.")
    elif kind == "yesno" and value not in (0, 1):
        problems.append("chỉ nhận 1 (có, đã thực hiện) hoặc 0 (không, chưa thực hiện).")
    elif kind == "count" and value != value.to_integral_value():
        problems.append("số lượng phải là số nguyên.")
    elif kind == "count" and value > MAX_COUNT:
        problems.append(f"số lượng {vntext.format_number(value)} không hợp lý; hãy kiểm tra lại.")
    elif kind == "money" and value > MAX_MONEY:
        problems.append(f"số tiền {vntext.format_number(value)} đồng không hợp lý; hãy kiểm tra lại.")
    if problems:
        return None, [f"{label}: {p}" for p in problems]
    return Figure(value), []


def percent_of_target(kind: str, result: Decimal | None, target: Decimal | None) -> Decimal | None:
    """The result as a % of the registered target (one decimal), or None when it means nothing.

    A count or a sum is compared with its target (10 against 12 → 83,3%); a yes/no result of 1
    against a target of 1 gives 100%. A rate is not: a rate of a rate (92% against 85% → 108,2%)
    confuses the reviewer, who reads the two side by side ("đạt 92%/chỉ tiêu 85%", ``against_target``).
    """
    if kind == "percent" or result is None or target is None or target <= 0:
        return None
    return (Decimal(result) * 100 / Decimal(target)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def progress_toward(result: Decimal | None, target: Decimal | None) -> Decimal | None:
    """How far a result has come toward its target, for a progress bar only (a rate too: 60% against
    a target of 85% is 70,6% of the way). Never printed in a document: there a rate reads
    ``against_target`` and only counts get ``percent_of_target``."""
    if result is None or target is None or target <= 0:
        return None
    return (Decimal(result) * 100 / Decimal(target)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def against_target(kind: str, result: Decimal | None, target: Decimal | None) -> str:
    """A rate beside its registered target as the official text writes it: "đạt 60%/chỉ tiêu 85%"
    ("" for another kind, or without both figures)."""
    if kind != "percent" or result is None or target is None:
        return ""
    return f"đạt {vntext.format_percent(result)}/chỉ tiêu {vntext.format_percent(target)}"


def reached(kind: str, result: Decimal | None, target: Decimal | None) -> bool | None:
    if result is None or target is None:
        return None
    return Decimal(result) >= Decimal(target)


def format_figure(
    kind: str,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    unit: str = "",
) -> str:
    """A result as a report writes it: "25 đoàn viên", "85,3% (180/211)", "Có", "84.000.000 đồng"."""
    if value is None:
        return ""
    if kind == "percent":
        if numerator is not None and denominator is not None:
            return (
                f"{vntext.format_percent(value)} ({vntext.format_number(numerator)}/"
                f"{vntext.format_number(denominator)})"
            )
        return vntext.format_percent(value)
    if kind == "yesno":
        return "Có" if value else "Không"
    if kind == "money":
        return vntext.format_vnd(int(value))
    text = vntext.format_number(value)
    return f"{text} {unit}".strip() if unit and unit != "%" else text


def format_target(kind: str, value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return ""
    if kind == "percent":
        return vntext.format_percent(value)
    if kind == "yesno":
        return "Có" if value else "Không"
    return format_figure(kind, value, unit=unit)


def period_text(start: date, end: date) -> str:
    return f"từ {vntext.format_date(start)} đến {vntext.format_date(end)}"


def origin_members_admitted(count: int, start: date, end: date) -> str:
    return f"Tính từ danh sách lao động: {count} người có ngày vào công đoàn {period_text(start, end)}."


def origin_initiatives(count: int, start: date, end: date) -> str:
    return f"Tính từ sổ sáng kiến: {count} sáng kiến được công nhận theo quyết định ngày {period_text(start, end)}."


# What was registered, proposed and awarded are three facts: an indicator counts what was decided.
# Until then its value is None and its origin, which starts with one of these words, is what the
# report says instead (``pending_text``).
PENDING_HEADS = ("Chưa bình xét", "Chưa có quyết định", "Chưa lập danh sách đề nghị")


def pending_text(origin: str) -> str:
    """The report's wording for an indicator not decided yet ("" when the origin is not such a state)."""
    origin = (origin or "").strip()
    if not origin.startswith(PENDING_HEADS):
        return ""
    return origin[0].lower() + origin[1:].rstrip(".")


def origin_ldst_awarded(awarded: int, proposed: int) -> str:
    return (
        f"Tính từ quyết định khen thưởng: {awarded} tác giả được tặng Bằng Lao động sáng tạo "
        f"(trong {proposed} tác giả được đề nghị)."
    )


def origin_ldst_proposed(count: int) -> str:
    return f"Chưa có quyết định: đã đề nghị xét tặng Bằng Lao động sáng tạo cho {count} tác giả."


def origin_ldst_candidates(count: int, end: date) -> str:
    return (
        f"Chưa lập danh sách đề nghị: {count} tác giả đủ ngưỡng giá trị làm lợi để xét đề nghị tặng Bằng Lao "
        f"động sáng tạo với các sáng kiến được công nhận đến ngày {vntext.format_date(end)}."
    )


def origin_women_review(achieved: int, women: int, held_on: date | None) -> str:
    when = f" ngày {vntext.format_date(held_on)}" if held_on else ""
    return (
        f"Tính từ kết quả bình xét{when}: {achieved} nữ được công nhận “Giỏi việc nước, đảm việc nhà” "
        f"trên {women} nữ CNVCLĐ."
    )


def origin_women_registered(registered: int, women: int, end: date) -> str:
    return (
        f"Chưa bình xét: {registered} nữ đăng ký phấn đấu danh hiệu “Giỏi việc nước, đảm việc nhà” trên "
        f"{women} nữ CNVCLĐ tại ngày {vntext.format_date(end)}; kết quả công nhận tính ở tổng kết năm."
    )


ORIGIN_WOMEN_PENDING = (
    "Chưa bình xét: tỷ lệ nữ CNVCLĐ được công nhận “Giỏi việc nước, đảm việc nhà” được tính sau "
    "khi ghi kết quả bình xét cuối năm."
)


def lock_reason(
    phase_name: str, lock_date: date, today: date, *, sent_version: int | None, correction_open: bool
) -> str | None:
    """Why a phase's results can no longer be changed, or None when they can.

    A phase is locked once the latest version of its report is sent, and after its lock date —
    unless a correction (a new version of its report, still a draft) is open.
    """
    if sent_version is not None:
        return (
            f"Báo cáo {phase_name.lower()} đã gửi (phiên bản {sent_version}); số liệu của đợt đã khóa. "
            "Muốn sửa, hãy tạo phiên bản mới của báo cáo rồi nhập lại."
        )
    if today > lock_date and not correction_open:
        return (
            f"Đã qua ngày khóa số liệu {vntext.format_date(lock_date)} của {phase_name.lower()}; số liệu của đợt "
            "đã khóa. Muốn sửa, hãy tạo phiên bản mới của báo cáo đã gửi, hoặc sửa ngày khóa số liệu trong "
            "kế hoạch năm."
        )
    return None
