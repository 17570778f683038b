"""Plan templates (kế hoạch phát động thi đua) read from TOML files.

A plan template is what an upper union issues at the start of the year: its phases (đợt) and
their report deadlines, the movements (phong trào, cuộc vận động) it asks units to join, its
targets (chỉ tiêu), the title and award catalogue of the rule set in force, and the editable
rule values (caps, thresholds). The built-in templates ship as TOML files in
``paths.plans_dir()``; the first is Kế hoạch 02/KH-LĐLĐ of LĐLĐ tỉnh Ninh Bình (2021).

Standard library only: no Qt, no database.

File layout (see ``resources/plans/ke-hoach-02-KH-LDLD-2021.toml`` for a commented example)::

    key, year, document_number, issuer, issued_on, place, title, theme, rule_set,
    registration_due, report_due_days, signer, signer_title        (top level, all required)
    [kind]          "dated" (default): a real plan of one year — it creates that year only;
                    "standard": the app's blank standard template — no citation, no figures;
                    ``year`` is then a nominal year for its dates, and document_number, issuer,
                    issued_on, title, place, signer and signer_title are left out
    [[phases]]      number, name, start, end, [report_due], [lock_date], [description]
    [[movements]]   code, name, launched_by, [description]
    [[indicators]]  code, name, unit, kind, source, [computed_from], group, levels,
                    [target_value], [target_text], [movement_code], [description]
    [[titles]]      code, name, subject, category, system, issuer, [women_only],
                    [requires_initiative]
    [[rules]]       key, value, unit, basis, [description]

Dates are TOML dates (``2021-02-20``) or strings ``"2021-02-20"`` / ``"20/02/2021"``. A phase's
``report_due`` defaults to ``end + report_due_days``; its ``lock_date`` (after which its figures
are locked: the app's own rule, plans do not set one) to ``report_due + DEFAULT_LOCK_GRACE_DAYS``.
Unknown keys are refused so a typo never goes unnoticed. Every text is NFC-normalised.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, NoReturn, get_args

from thidua_desktop.core import applicability
from thidua_desktop.errors import UserError

__all__ = [
    "COMPUTED_SOURCES",
    "DEFAULT_LOCK_GRACE_DAYS",
    "INDICATOR_KINDS",
    "INDICATOR_SOURCES",
    "LEVELS",
    "SEED_KEY",
    "IndicatorKind",
    "IndicatorSource",
    "IndicatorSpec",
    "Level",
    "MovementSpec",
    "PhaseSpec",
    "PlanError",
    "PlanTemplate",
    "RuleSpec",
    "TitleSpec",
    "builtin_template",
    "builtin_templates",
    "format_target",
    "load_plan_template",
    "seed_template",
    "shift_template_year",
    "standard_template",
    "template_for_year",
    "templates_for_year",
]

IndicatorKind = Literal["count", "percent", "money", "yesno"]
IndicatorSource = Literal["computed", "entered"]
Level = Literal["cdcs", "upper"]
TitleSubject = Literal["individual", "collective"]
TitleCategory = Literal["title", "award"]
TitleSystem = Literal["state", "union"]

INDICATOR_KINDS: tuple[str, ...] = get_args(IndicatorKind)
INDICATOR_SOURCES: tuple[str, ...] = get_args(IndicatorSource)
LEVELS: tuple[str, ...] = get_args(Level)  # canonical order, lowest level first
TITLE_SUBJECTS: tuple[str, ...] = get_args(TitleSubject)
TITLE_CATEGORIES: tuple[str, ...] = get_args(TitleCategory)
TITLE_SYSTEMS: tuple[str, ...] = get_args(TitleSystem)

# The record queries a computed indicator may name. Each is implemented where the records
# live; a name outside this set would silently compute nothing, so the loader refuses it.
COMPUTED_SOURCES: frozenset[str] = frozenset(
    {
        "members_admitted",  # đoàn viên kết nạp mới trong năm
        "women_gvn_dvn",  # nữ được công nhận "Giỏi việc nước, đảm việc nhà" / tổng số nữ
        "officers_trained",  # cán bộ CĐCS được tập huấn / tổng số cán bộ CĐCS
        "initiatives_recognised",  # sáng kiến được công nhận
        "ldst_authors",  # tác giả được tặng Bằng Lao động sáng tạo
        "members_introduced_to_party",  # đoàn viên ưu tú được giới thiệu cho Đảng
    }
)

SEED_KEY = "ke-hoach-02-KH-LDLD-2021"
STANDARD_KEY = "mau-chuan"
TEMPLATE_KINDS = ("dated", "standard")
DEFAULT_LOCK_GRACE_DAYS = 10  # the app's default: lock a phase 10 days after its report is due

# Column widths of the store (store/models.py); longer values would not fit.
_MAX_CODE = 40
_MAX_RULE_KEY = 80
_MAX_INDICATOR_UNIT = 80
_MAX_RULE_UNIT = 40
_MAX_GROUP = 20
_MAX_TARGET_TEXT = 200


class PlanError(UserError, ValueError):
    """A plan file that cannot be used. The message is Vietnamese and names file and entry."""


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseSpec:
    """A phase (đợt thi đua) with its report deadline and the date its figures lock."""

    number: int
    name: str
    start: date
    end: date
    report_due: date
    lock_date: date
    description: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class MovementSpec:
    """An emulation movement or campaign (phong trào thi đua, cuộc vận động)."""

    code: str
    name: str
    launched_by: str  # "Tổng Liên đoàn", "Thủ tướng Chính phủ", "LĐLĐ tỉnh và Sở Nội vụ"…
    description: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    """A target (chỉ tiêu) of the plan, stated at the plan's own level (the province).

    ``levels`` says where it applies: a CĐCS registers its own contribution to the ones with
    "cdcs"; "upper"-only ones are hidden from a CĐCS. ``kind`` says how a value is recorded and
    adds up: counts add, percents are kept as numerator and denominator, a yes/no counts as one
    unit upward (``target_value`` is then the number of units the plan aims at).
    """

    code: str
    name: str
    unit: str
    kind: IndicatorKind
    source: IndicatorSource
    computed_from: str | None
    group: str  # "III.1" (trách nhiệm trực tiếp) or "III.2" (phối hợp) in the seed plan
    levels: tuple[Level, ...]
    target_value: Decimal | None
    target_text: str  # as the plan words it: "trên 8.000", "85% trở lên"
    movement_code: str | None
    description: str = ""
    # which units it applies to: sectors / unit kinds of core.applicability ("" = every unit)
    applies_to_units: tuple[str, ...] = ()

    def applies_to(self, level: Level) -> bool:
        return level in self.levels


@dataclass(frozen=True)
class TitleSpec:
    """An emulation title (danh hiệu thi đua) or a commendation (hình thức khen thưởng)."""

    code: str
    name: str
    subject: TitleSubject
    category: TitleCategory
    system: TitleSystem
    issuer: str
    women_only: bool = False
    requires_initiative: bool = False


@dataclass(frozen=True)
class RuleSpec:
    """An editable rule value (a cap or a threshold) with its legal basis."""

    key: str
    value: Decimal
    unit: str
    description: str
    basis: str  # e.g. "NĐ 91/2017/NĐ-CP", "QĐ 1564/QĐ-TLĐ Điều 16"


@dataclass(frozen=True)
class PlanTemplate:
    """A plan: a real plan of one year ("dated") or the blank standard template ("standard").

    A dated template is a document that exists: it creates its own year only and is never moved
    to another one (see :func:`template_for_year`). The standard template carries no citation
    (number, date, issuer, title are empty) and no upper-union figures.
    """

    key: str
    year: int
    document_number: str
    issuer: str
    issued_on: date | None
    place: str
    title: str
    theme: str
    rule_set: str
    registration_due: date
    report_due_days: int
    signer: str
    signer_title: str
    phases: tuple[PhaseSpec, ...]
    movements: tuple[MovementSpec, ...]
    indicators: tuple[IndicatorSpec, ...]
    titles: tuple[TitleSpec, ...]
    rules: tuple[RuleSpec, ...]
    kind: str = "dated"

    @property
    def is_standard(self) -> bool:
        return self.kind == "standard"

    @property
    def has_citation(self) -> bool:
        """Whether the plan names a real document (number, date and issuer all known)."""
        return bool(self.document_number and self.issuer and self.issued_on)

    def indicators_for(self, level: Level) -> tuple[IndicatorSpec, ...]:
        return tuple(i for i in self.indicators if level in i.levels)

    def indicator(self, code: str) -> IndicatorSpec:
        return _find(self.indicators, lambda i: i.code == code, f"chỉ tiêu '{code}'", self.key)

    def movement(self, code: str) -> MovementSpec:
        return _find(self.movements, lambda m: m.code == code, f"phong trào '{code}'", self.key)

    def title_spec(self, code: str) -> TitleSpec:
        return _find(self.titles, lambda t: t.code == code, f"danh hiệu '{code}'", self.key)

    def rule(self, key: str) -> RuleSpec:
        return _find(self.rules, lambda r: r.key == key, f"quy định '{key}'", self.key)

    def phase(self, number: int) -> PhaseSpec:
        return _find(self.phases, lambda p: p.number == number, f"đợt {number}", self.key)


def _find(items: Iterable[Any], match: Callable[[Any], bool], what: str, plan_key: str) -> Any:
    for item in items:
        if match(item):
            return item
    raise KeyError(f"Kế hoạch '{plan_key}' không có {what}")


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


class _Entry:
    """One table of the file, with the words that name it in error messages."""

    def __init__(self, source: str, where: str, data: Mapping[str, Any]):
        self.source = source
        self.where = where
        self.data = data

    def fail(self, message: str) -> NoReturn:
        prefix = f"Tệp {self.source}: "
        if self.where:
            prefix += f"{self.where}: "
        raise PlanError(prefix + message)

    def check_keys(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        unknown = [k for k in self.data if k not in allowed]
        if unknown:
            self.fail(f"có khóa lạ '{unknown[0]}' (gõ nhầm?); chỉ nhận: {', '.join(sorted(allowed))}")

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                self.fail(f"thiếu '{key}'")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, allow_empty: bool = False, max_len: int | None = None) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(f"'{key}' phải là chuỗi văn bản (đặt trong dấu ngoặc kép)")
        value = _nfc(value).strip()
        if not value and not allow_empty:
            self.fail(f"'{key}' không được để trống")
        if max_len is not None and len(value) > max_len:
            self.fail(f"'{key}' dài quá {max_len} ký tự")
        return value

    def optional_text(self, key: str, *, max_len: int | None = None) -> str | None:
        if self.data.get(key) is None:
            return None
        return self.text(key, max_len=max_len)

    def integer(
        self, key: str, *, required: bool = True, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"'{key}' phải là số nguyên")
        if minimum is not None and value < minimum:
            self.fail(f"'{key}' = {value} phải từ {minimum} trở lên")
        if maximum is not None and value > maximum:
            self.fail(f"'{key}' = {value} phải từ {maximum} trở xuống")
        return value

    def decimal(self, key: str, *, required: bool = True, non_negative: bool = True) -> Decimal | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool):
            self.fail(f"'{key}' phải là số")
        try:
            if isinstance(value, int):
                result = Decimal(value)
            elif isinstance(value, float):
                result = Decimal(repr(value))
            elif isinstance(value, str):
                result = Decimal(value.strip())
            else:
                self.fail(f"'{key}' phải là số")
        except InvalidOperation:
            self.fail(
                f"'{key}' = '{value}' không phải là số (dùng dấu chấm thập phân, không dùng dấu phân cách hàng nghìn)"
            )
        if not result.is_finite():
            self.fail(f"'{key}' phải là số hữu hạn")
        if non_negative and result < 0:
            self.fail(f"'{key}' không được âm")
        return result

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(f"'{key}' phải là true hoặc false")
        return value

    def day(self, key: str, *, required: bool = True) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, datetime):
            self.fail(f"'{key}' phải là ngày, không kèm giờ")
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            text = value.strip()
            try:
                match = _DMY.match(text)
                if match:
                    d, m, y = (int(g) for g in match.groups())
                    return date(y, m, d)
                return date.fromisoformat(text)
            except ValueError:
                pass
            self.fail(f"'{key}' = '{value}' không phải là ngày hợp lệ (viết 2021-02-20 hoặc 20/02/2021)")
        self.fail(f"'{key}' phải là ngày (viết 2021-02-20 hoặc 20/02/2021)")

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            self.fail(f"'{key}' = '{value}' không hợp lệ; chỉ nhận: {', '.join(allowed)}")
        return value

    def table_list(self, key: str) -> list[Mapping[str, Any]]:
        value = self._get(key, True)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"'{key}' phải là danh sách các mục [[{key}]]")
        return value


def _label(kind: str, data: Mapping[str, Any], id_key: str, index: int) -> str:
    ident = data.get(id_key)
    if isinstance(ident, str) and ident.strip():
        return f"{kind} '{_nfc(ident.strip())}'"
    if isinstance(ident, int) and not isinstance(ident, bool):
        return f"{kind} {ident}"
    return f"{kind} thứ {index}"


_TOP_KEYS = (
    "key",
    "kind",
    "year",
    "document_number",
    "issuer",
    "issued_on",
    "place",
    "title",
    "theme",
    "rule_set",
    "registration_due",
    "report_due_days",
    "signer",
    "signer_title",
    "phases",
    "movements",
    "indicators",
    "titles",
    "rules",
)


def load_plan_template(path: Path) -> PlanTemplate:
    """Read and check one plan file; raise ``PlanError`` naming the file and the entry."""
    path = Path(path)
    stat = _stat(path)
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


def _stat(path: Path):
    try:
        return path.stat()
    except OSError:
        raise PlanError(f"Tệp {path.name}: không tìm thấy hoặc không mở được ({path})") from None


@functools.lru_cache(maxsize=32)
def _load_cached(path_text: str, _mtime_ns: int, _size: int) -> PlanTemplate:
    # The template is frozen, so one parsed copy per file version is shared.
    path = Path(path_text)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError(f"Tệp {name}: không đọc được ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanError(f"Tệp {name}: không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})") from None
    try:
        data = tomllib.loads(_nfc(text))
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"Tệp {name}: sai cú pháp TOML — {exc}") from None
    return _parse_template(data, name)


_STANDARD_OMITS = ("document_number", "issuer", "issued_on", "title", "place", "signer", "signer_title")


def _parse_template(data: Mapping[str, Any], source: str) -> PlanTemplate:
    top = _Entry(source, "", data)
    top.check_keys(_TOP_KEYS)
    kind = top.choice("kind", TEMPLATE_KINDS) if "kind" in data else "dated"
    standard = kind == "standard"
    if standard:
        present = [k for k in _STANDARD_OMITS if k in data]
        if present:
            top.fail(
                f"mẫu chuẩn không được ghi '{present[0]}': số, ngày, cơ quan ban hành và tên kế hoạch "
                "là của văn bản thật, người dùng nhập khi có kế hoạch của cấp trên"
            )
    year = top.integer("year", minimum=1900, maximum=2999)
    assert year is not None
    report_due_days = top.integer("report_due_days", minimum=0, maximum=366)
    assert report_due_days is not None
    registration_due = top.day("registration_due")
    assert registration_due is not None
    if registration_due.year not in (year - 1, year):
        top.fail(f"hạn đăng ký 'registration_due' ({_fmt_date(registration_due)}) không thuộc năm {year}")

    phase_rows = top.table_list("phases")
    if not phase_rows:
        top.fail("phải có ít nhất một đợt [[phases]]")
    phases = tuple(
        _parse_phase(_Entry(source, _label("đợt", row, "number", i), row), report_due_days)
        for i, row in enumerate(phase_rows, start=1)
    )
    _check_phase_sequence(phases, year, lambda msg: top.fail(msg))

    movements = tuple(
        _parse_movement(_Entry(source, _label("phong trào", row, "code", i), row))
        for i, row in enumerate(top.table_list("movements"), start=1)
    )
    _check_unique((m.code for m in movements), "phong trào", "mã", top)
    movement_codes = {m.code for m in movements}

    indicators = tuple(
        _parse_indicator(_Entry(source, _label("chỉ tiêu", row, "code", i), row), movement_codes)
        for i, row in enumerate(top.table_list("indicators"), start=1)
    )
    _check_unique((i.code for i in indicators), "chỉ tiêu", "mã", top)

    titles = tuple(
        _parse_title(_Entry(source, _label("danh hiệu", row, "code", i), row))
        for i, row in enumerate(top.table_list("titles"), start=1)
    )
    _check_unique((t.code for t in titles), "danh hiệu", "mã", top)

    rules = tuple(
        _parse_rule(_Entry(source, _label("quy định", row, "key", i), row))
        for i, row in enumerate(top.table_list("rules"), start=1)
    )
    _check_unique((r.key for r in rules), "quy định", "khóa", top)

    issued_on = None if standard else top.day("issued_on")
    return PlanTemplate(
        key=top.text("key", max_len=120),
        year=year,
        document_number="" if standard else top.text("document_number", max_len=60),
        issuer="" if standard else top.text("issuer", max_len=300),
        issued_on=issued_on,
        place="" if standard else top.text("place"),
        title="" if standard else top.text("title"),
        theme=top.text("theme", allow_empty=True),
        rule_set=top.text("rule_set", max_len=300, required=not standard, allow_empty=standard),
        registration_due=registration_due,
        report_due_days=report_due_days,
        signer="" if standard else top.text("signer"),
        signer_title="" if standard else top.text("signer_title"),
        kind=kind,
        phases=phases,
        movements=movements,
        indicators=indicators,
        titles=titles,
        rules=rules,
    )


def _parse_phase(e: _Entry, report_due_days: int) -> PhaseSpec:
    e.check_keys(("number", "name", "start", "end", "report_due", "lock_date", "description"))
    number = e.integer("number", minimum=1)
    start = e.day("start")
    end = e.day("end")
    assert number is not None and start is not None and end is not None
    if start > end:
        e.fail(f"ngày bắt đầu {_fmt_date(start)} sau ngày kết thúc {_fmt_date(end)}")
    report_due = e.day("report_due", required=False) or end + timedelta(days=report_due_days)
    if report_due < end:
        e.fail(f"hạn báo cáo 'report_due' ({_fmt_date(report_due)}) trước ngày kết thúc đợt ({_fmt_date(end)})")
    lock_date = e.day("lock_date", required=False) or report_due + timedelta(days=DEFAULT_LOCK_GRACE_DAYS)
    if lock_date < report_due:
        e.fail(f"ngày khóa số liệu 'lock_date' ({_fmt_date(lock_date)}) trước hạn báo cáo ({_fmt_date(report_due)})")
    return PhaseSpec(
        number=number,
        name=e.text("name", max_len=200),
        start=start,
        end=end,
        report_due=report_due,
        lock_date=lock_date,
        description=e.text("description", required=False, allow_empty=True),
    )


def _check_phase_sequence(phases: tuple[PhaseSpec, ...], year: int, fail: Callable[[str], NoReturn]) -> None:
    for index, phase in enumerate(phases, start=1):
        if phase.number != index:
            fail(f"các đợt phải được đánh số 1, 2, 3… theo thứ tự thời gian (mục thứ {index} là đợt {phase.number})")
        if phase.start.year != year or phase.end.year != year:
            fail(f"đợt {phase.number} ({_fmt_date(phase.start)}–{_fmt_date(phase.end)}) không nằm trong năm {year}")
        if phase.start > phase.end:
            fail(f"đợt {phase.number}: ngày bắt đầu {_fmt_date(phase.start)} sau ngày kết thúc {_fmt_date(phase.end)}")
        if phase.report_due < phase.end or phase.lock_date < phase.report_due:
            fail(f"đợt {phase.number}: hạn báo cáo và ngày khóa số liệu phải theo sau ngày kết thúc đợt")
        if index > 1:
            previous = phases[index - 2]
            expected = previous.end + timedelta(days=1)
            if phase.start != expected:
                fail(
                    f"đợt {phase.number} phải bắt đầu ngay sau khi đợt {previous.number} kết thúc, tức ngày "
                    f"{_fmt_date(expected)}, nhưng lại bắt đầu ngày {_fmt_date(phase.start)}"
                )


def _check_unique(values: Iterable[str], kind: str, what: str, top: _Entry) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            top.fail(f"{kind} '{value}': {what} bị trùng")
        seen.add(value)


def _parse_movement(e: _Entry) -> MovementSpec:
    e.check_keys(("code", "name", "launched_by", "description"))
    return MovementSpec(
        code=e.text("code", max_len=_MAX_CODE),
        name=e.text("name"),
        launched_by=e.text("launched_by", max_len=200),
        description=e.text("description", required=False, allow_empty=True),
    )


def _parse_indicator(e: _Entry, movement_codes: set[str]) -> IndicatorSpec:
    e.check_keys(
        (
            "code",
            "name",
            "unit",
            "kind",
            "source",
            "computed_from",
            "group",
            "levels",
            "target_value",
            "target_text",
            "movement_code",
            "description",
            "applies_to",
        )
    )
    code = e.text("code", max_len=_MAX_CODE)
    name = e.text("name")
    unit = e.text("unit", max_len=_MAX_INDICATOR_UNIT)
    kind = e.choice("kind", INDICATOR_KINDS)
    source = e.choice("source", INDICATOR_SOURCES)
    computed_from = e.optional_text("computed_from", max_len=80)
    if source == "computed":
        if computed_from is None:
            e.fail("chỉ tiêu tính tự động (source = \"computed\") phải có 'computed_from'")
        if computed_from not in COMPUTED_SOURCES:
            e.fail(f"'computed_from' = '{computed_from}' không hợp lệ; chỉ nhận: {', '.join(sorted(COMPUTED_SOURCES))}")
    elif computed_from is not None:
        e.fail("chỉ tiêu nhập tay (source = \"entered\") không được có 'computed_from'")
    group = e.text("group", max_len=_MAX_GROUP)

    raw_levels = e._get("levels", True)
    if not isinstance(raw_levels, list) or not raw_levels or not all(isinstance(v, str) for v in raw_levels):
        e.fail(f"'levels' phải là danh sách khác rỗng, lấy từ: {', '.join(LEVELS)}")
    levels_set = {_nfc(v).strip() for v in raw_levels}
    bad = sorted(levels_set - set(LEVELS))
    if bad:
        e.fail(f"'levels' có giá trị '{bad[0]}' không hợp lệ; chỉ nhận: {', '.join(LEVELS)}")
    if len(levels_set) != len(raw_levels):
        e.fail("'levels' có giá trị bị lặp")
    levels = tuple(level for level in LEVELS if level in levels_set)

    target_value = e.decimal("target_value", required=False)
    target_text = e.text("target_text", required=False, allow_empty=True, max_len=_MAX_TARGET_TEXT)
    if not target_text and target_value is not None:
        target_text = format_target(target_value, kind)

    movement_code = e.optional_text("movement_code", max_len=_MAX_CODE)
    if movement_code is not None and movement_code not in movement_codes:
        e.fail(f"'movement_code' = '{movement_code}' không có trong danh sách phong trào [[movements]]")

    raw_applies = e._get("applies_to", False)
    if raw_applies is not None and (
        not isinstance(raw_applies, list) or not all(isinstance(v, str) for v in raw_applies)
    ):
        e.fail("'applies_to' phải là danh sách khu vực / loại hình đơn vị")
    try:
        applies_to_units = applicability.parse_tokens([_nfc(v) for v in raw_applies or []])
    except ValueError as exc:
        e.fail(f"'applies_to': {exc}")

    return IndicatorSpec(
        code=code,
        name=name,
        unit=unit,
        kind=kind,  # type: ignore[arg-type]
        source=source,  # type: ignore[arg-type]
        computed_from=computed_from,
        group=group,
        levels=levels,  # type: ignore[arg-type]
        target_value=target_value,
        target_text=target_text,
        movement_code=movement_code,
        description=e.text("description", required=False, allow_empty=True),
        applies_to_units=applies_to_units,
    )


def _parse_title(e: _Entry) -> TitleSpec:
    e.check_keys(
        (
            "code",
            "name",
            "subject",
            "category",
            "system",
            "issuer",
            "women_only",
            "requires_initiative",
        )
    )
    return TitleSpec(
        code=e.text("code", max_len=_MAX_CODE),
        name=e.text("name"),
        subject=e.choice("subject", TITLE_SUBJECTS),  # type: ignore[arg-type]
        category=e.choice("category", TITLE_CATEGORIES),  # type: ignore[arg-type]
        system=e.choice("system", TITLE_SYSTEMS),  # type: ignore[arg-type]
        issuer=e.text("issuer", max_len=200),
        women_only=e.boolean("women_only"),
        requires_initiative=e.boolean("requires_initiative"),
    )


def _parse_rule(e: _Entry) -> RuleSpec:
    e.check_keys(("key", "value", "unit", "description", "basis"))
    value = e.decimal("value", non_negative=False)
    assert value is not None
    return RuleSpec(
        key=e.text("key", max_len=_MAX_RULE_KEY),
        value=value,
        unit=e.text("unit", max_len=_MAX_RULE_UNIT),
        description=e.text("description", required=False, allow_empty=True),
        basis=e.text("basis", max_len=300),
    )


def format_target(value: Decimal, kind: str) -> str:
    """A target in Vietnamese notation: ``8000`` → ``"8.000"``, ``85`` (percent) → ``"85%"``."""
    quantized = value.normalize()
    sign = "-" if quantized < 0 else ""
    integer, _, fraction = f"{abs(quantized):f}".partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = sign + ".".join(groups) + (f",{fraction}" if fraction else "")
    return f"{text}%" if kind == "percent" else text


# --------------------------------------------------------------------------------------------
# Built-in templates
# --------------------------------------------------------------------------------------------


def _plans_dir() -> Path:
    from thidua_desktop import paths  # imported late: paths pulls in platformdirs

    return paths.plans_dir()


def builtin_templates() -> list[PlanTemplate]:
    """Every ``*.toml`` shipped in ``paths.plans_dir()``, sorted by year (then key)."""
    folder = _plans_dir()
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.toml"))
    templates = [load_plan_template(p) for p in files]
    seen: dict[str, str] = {}
    for path, template in zip(files, templates):
        if template.key in seen:
            raise PlanError(
                f"Tệp {path.name}: kế hoạch mẫu có khóa '{template.key}' trùng với tệp {seen[template.key]}"
            )
        seen[template.key] = path.name
    return sorted(templates, key=lambda t: (t.year, t.key))


def builtin_template(key: str) -> PlanTemplate:
    for template in builtin_templates():
        if template.key == key:
            return template
    raise PlanError(f"Không có kế hoạch mẫu '{key}' trong thư mục {_plans_dir()}")


def seed_template() -> PlanTemplate:
    """Kế hoạch 02/KH-LĐLĐ ngày 20/01/2021 of LĐLĐ tỉnh Ninh Bình."""
    return builtin_template(SEED_KEY)


def standard_template() -> PlanTemplate:
    """The blank standard template: the Tổng Liên đoàn's yearly movements, no citation, no figures."""
    return builtin_template(STANDARD_KEY)


def templates_for_year(year: int) -> list[PlanTemplate]:
    """The templates that can start ``year``: the standard one and the dated plans of that year."""
    return [t for t in builtin_templates() if t.is_standard or t.year == year]


def _issued_on_words(t: PlanTemplate) -> str:
    return f" ngày {_fmt_date(t.issued_on)}" if t.issued_on else ""


def template_for_year(t: PlanTemplate, year: int) -> PlanTemplate:
    """The template as it starts ``year``.

    A dated template is a real document of its own year: it starts that year only, and asking
    it for another year is refused (it would cite a plan that does not exist). The standard
    template has its dates moved to ``year`` (it cites nothing, so nothing is re-dated).
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999:
        raise PlanError(f"Năm {year!r} không hợp lệ")
    if year == t.year:
        return t
    if not t.is_standard:
        raise PlanError(
            f"Kế hoạch số {t.document_number}{_issued_on_words(t)} của {t.issuer} là kế hoạch của năm {t.year}, "
            f"chỉ dùng được cho năm {t.year}. "
            f"Để lập năm {year}: nhập gói kế hoạch của công đoàn cấp trên, sao chép năm trước, "
            "hoặc dùng mẫu chuẩn rồi nhập số, ngày, cơ quan ban hành kế hoạch của cấp trên."
        )
    return dataclasses.replace(shift_template_year(t, year), key=t.key)


# --------------------------------------------------------------------------------------------
# Copying a plan forward
# --------------------------------------------------------------------------------------------


def _shift_date(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/2 in a year without one
        return day.replace(year=day.year + years, day=28)


def shift_template_year(t: PlanTemplate, new_year: int) -> PlanTemplate:
    """The same plan moved to ``new_year``: every date moves by whole years (29/2 → 28/2).

    A phase that starts the day after the previous one ends keeps doing so, so the phases stay
    contiguous across 29/2 (a phase starting 29/2/2024 after one ending 28/2/2024 starts 1/3/2025;
    one starting 1/3/2023 after one ending 28/2/2023 starts 29/2/2024). Texts are left as
    written: the user edits the year in the title and descriptions.
    """
    if isinstance(new_year, bool) or not isinstance(new_year, int) or not 1900 <= new_year <= 2999:
        raise PlanError(f"Kế hoạch '{t.key}': năm {new_year!r} không hợp lệ")
    years = new_year - t.year
    if years == 0:
        return t
    phases: list[PhaseSpec] = []
    for phase in t.phases:
        start = (
            phases[-1].end + timedelta(days=1)
            if phases and phase.start == t.phases[len(phases) - 1].end + timedelta(days=1)
            else _shift_date(phase.start, years)
        )
        phases.append(
            dataclasses.replace(
                phase,
                start=start,
                end=_shift_date(phase.end, years),
                report_due=_shift_date(phase.report_due, years),
                lock_date=_shift_date(phase.lock_date, years),
            )
        )

    def fail(message: str) -> NoReturn:
        raise PlanError(f"Kế hoạch '{t.key}' chuyển sang năm {new_year}: {message}")

    shifted = tuple(phases)
    _check_phase_sequence(shifted, new_year, fail)
    return dataclasses.replace(
        t,
        year=new_year,
        issued_on=_shift_date(t.issued_on, years) if t.issued_on else None,
        registration_due=_shift_date(t.registration_due, years),
        phases=shifted,
    )
