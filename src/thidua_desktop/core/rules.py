"""Rule sets by year (bộ quy định thi đua, khen thưởng), read from TOML files.

Titles, caps and thresholds follow the rules in force in the year: up to 2023 the union's
Quy chế khen thưởng of QĐ 1689/QĐ-TLĐ (2019) with Luật Thi đua, khen thưởng 2003 (amended 2013)
and NĐ 91/2017/NĐ-CP; from 2024 QĐ 999/QĐ-TLĐ (2024) with Luật Thi đua, khen thưởng 06/2022/QH15,
NĐ 98/2023/NĐ-CP and TT 01/2024/TT-BNV. A rule set is data, not code: the built-in ones ship in
``paths.rules_dir()``; an upper union can send another one (a signed workbook, see
``services.rules``), which replaces a built-in set with the same key.

Standard library only: no Qt, no database.

File layout (see ``resources/rules/tld-2024.toml``)::

    key, name, first_year, [last_year], summary                         (top level)
    [[sources]]   key, short, title, [number], [issued_on], issuer, citation, [needs_check]
    [citations]   document kind = [source keys, in the order the document prints them]
    [[titles]]    code, name, subject, category, system, issuer, [issuer_role], [women_only],
                  [requires_initiative], [needs_check]
    [[rules]]     key, value, unit, basis, [description], [needs_check]

``citation`` is the exact wording a document prints after "Căn cứ " (full name, number, date,
issuer). ``needs_check`` = true says a figure or a wording could not be checked against the
source text: the rules page shows it as "cần đối chiếu với văn bản". Unknown keys are refused;
every error is Vietnamese and names the file and the entry.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from thidua_desktop.core import plan as _plan
from thidua_desktop.core.plan import RuleSpec, TitleSpec
from thidua_desktop.errors import UserError

__all__ = [
    "CITING_KINDS",
    "ISSUER_ROLES",
    "NEEDS_CHECK_TEXT",
    "RuleSetError",
    "RuleSet",
    "RuleSetRule",
    "RuleSetTitle",
    "SourceSpec",
    "builtin_rule_sets",
    "load_rule_set",
    "parse_rule_set",
    "rule_set_for_year",
]

# The words the rules page shows for a figure not checked against the source text.
NEEDS_CHECK_TEXT = "cần đối chiếu với văn bản"

# Document kinds that print "Căn cứ" lines (services.documents.KINDS).
CITING_KINDS: tuple[str, ...] = ("plan", "registration", "proposals", "award-decision", "review-minutes")

# Who confers a title, as a role on the unit's upper-union chain (resolved by services.rules).
ISSUER_ROLES: dict[str, str] = {
    "cdcs": "Ban Chấp hành công đoàn cơ sở",
    "upper": "Công đoàn cấp trên trực tiếp cơ sở",
    "federation": "Liên đoàn Lao động tỉnh, thành phố / Công đoàn ngành Trung ương",
    "tld": "Tổng Liên đoàn Lao động Việt Nam",
    "employer": "Người đứng đầu cơ quan, đơn vị, doanh nghiệp",
    "state": "Cơ quan nhà nước có thẩm quyền",
}

_MAX_KEY = 60
_MAX_SUMMARY = 300


class RuleSetError(UserError, ValueError):
    """A rule set that cannot be used. The message is Vietnamese and names file and entry."""


@dataclass(frozen=True)
class SourceSpec:
    """A document the rule set rests on (a law, a decree, a union decision)."""

    key: str
    short: str  # "NĐ 98/2023/NĐ-CP"
    title: str  # "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
    number: str  # "98/2023/NĐ-CP" ("" for the union's charter)
    issued_on: date | None
    issuer: str  # "Chính phủ"
    citation: str  # printed after "Căn cứ ": full name, number, date, issuer
    needs_check: bool = False

    @property
    def line(self) -> str:
        return f"Căn cứ {self.citation};"


@dataclass(frozen=True)
class RuleSetTitle:
    """A title or award of the catalogue, with who confers it."""

    spec: TitleSpec
    issuer_role: str = ""  # a key of ISSUER_ROLES, "" = the issuer text as written
    needs_check: bool = False

    @property
    def code(self) -> str:
        return self.spec.code


@dataclass(frozen=True)
class RuleSetRule:
    """A cap or threshold the review applies, with its basis."""

    spec: RuleSpec
    needs_check: bool = False

    @property
    def key(self) -> str:
        return self.spec.key


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: str
    first_year: int
    last_year: int | None  # None: still in force
    summary: str  # the short human line of sources (EmulationYear.rule_set)
    sources: tuple[SourceSpec, ...]
    citations: Mapping[str, tuple[str, ...]]  # document kind → source keys
    titles: tuple[RuleSetTitle, ...]
    rules: tuple[RuleSetRule, ...]
    origin: str = "builtin"  # "builtin" | "imported"

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def source(self, key: str) -> SourceSpec:
        for s in self.sources:
            if s.key == key:
                return s
        raise KeyError(f"Bộ quy định '{self.key}' không có văn bản '{key}'")

    def citation_lines(self, kind: str) -> tuple[str, ...]:
        """The "Căn cứ …;" lines document ``kind`` prints from this set, in order."""
        return tuple(self.source(k).line for k in self.citations.get(kind, ()))

    def rule(self, key: str) -> RuleSetRule:
        for r in self.rules:
            if r.key == key:
                return r
        raise KeyError(f"Bộ quy định '{self.key}' không có quy định '{key}'")

    def title(self, code: str) -> RuleSetTitle:
        for t in self.titles:
            if t.code == code:
                return t
        raise KeyError(f"Bộ quy định '{self.key}' không có danh hiệu '{code}'")

    @property
    def years_text(self) -> str:
        return f"từ năm {self.first_year}" if self.last_year is None else f"năm {self.first_year}–{self.last_year}"


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


class _Entry(_plan._Entry):
    def fail(self, message: str) -> NoReturn:
        prefix = f"Tệp {self.source}: "
        if self.where:
            prefix += f"{self.where}: "
        raise RuleSetError(prefix + message)


_TOP_KEYS = ("key", "name", "first_year", "last_year", "summary", "sources", "citations", "titles", "rules")


def load_rule_set(path: Path) -> RuleSet:
    """Read and check one rule-set file; raise ``RuleSetError`` naming the file and the entry."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise RuleSetError(f"Tệp {path.name}: không tìm thấy hoặc không mở được ({path})") from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _load_cached(path_text: str, _mtime_ns: int, _size: int) -> RuleSet:
    path = Path(path_text)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise RuleSetError(f"Tệp {path.name}: không phải văn bản UTF-8") from None
    except OSError as exc:
        raise RuleSetError(f"Tệp {path.name}: không đọc được ({exc.strerror or exc})") from None
    return parse_rule_set(text, path.name)


def parse_rule_set(text: str, source: str, *, origin: str = "builtin") -> RuleSet:
    """A rule set from its TOML ``text``; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"Tệp {source}: không đúng cú pháp TOML ({exc})") from None
    top = _Entry(source, "", data)
    top.check_keys(_TOP_KEYS)
    key = top.text("key", max_len=_MAX_KEY)
    first_year = top.integer("first_year", minimum=1900, maximum=2999)
    last_year = top.integer("last_year", required=False, minimum=1900, maximum=2999)
    assert first_year is not None
    if last_year is not None and last_year < first_year:
        top.fail(f"'last_year' = {last_year} trước 'first_year' = {first_year}")

    sources = tuple(
        _parse_source(_Entry(source, _plan._label("văn bản", d, "key", i), d))
        for i, d in enumerate(top.table_list("sources"), 1)
    )
    if not sources:
        top.fail("cần ít nhất một văn bản [[sources]]")
    _check_unique((s.key for s in sources), "văn bản", top)
    source_keys = {s.key for s in sources}

    citations = _parse_citations(top, source_keys)
    titles = tuple(
        _parse_title(_Entry(source, _plan._label("danh hiệu", d, "code", i), d))
        for i, d in enumerate(top.table_list("titles"), 1)
    )
    _check_unique((t.code for t in titles), "danh hiệu", top)
    rules = tuple(
        _parse_rule(_Entry(source, _plan._label("quy định", d, "key", i), d))
        for i, d in enumerate(top.table_list("rules"), 1)
    )
    _check_unique((r.key for r in rules), "quy định", top)
    return RuleSet(
        key=key,
        name=top.text("name", max_len=300),
        first_year=first_year,
        last_year=last_year,
        summary=top.text("summary", max_len=_MAX_SUMMARY),
        sources=sources,
        citations=citations,
        titles=titles,
        rules=rules,
        origin=origin,
    )


def _check_unique(values: Iterable[str], what: str, top: _Entry) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            top.fail(f"{what} '{v}' bị lặp")
        seen.add(v)


def _parse_source(e: _Entry) -> SourceSpec:
    e.check_keys(("key", "short", "title", "number", "issued_on", "issuer", "citation", "needs_check"))
    issued_on = e.day("issued_on", required=False)  # a charter (Điều lệ) has no date of issue
    citation = e.text("citation")
    if citation.casefold().startswith("căn cứ") or citation.endswith((";", ",", ".")):
        e.fail("'citation' là phần sau chữ “Căn cứ”, không kèm “Căn cứ” ở đầu và dấu câu ở cuối")
    number = e.text("number", allow_empty=True, required=False, max_len=60)
    if number and number not in citation:
        e.fail(f"'citation' phải ghi số hiệu '{number}' của văn bản")
    return SourceSpec(
        key=e.text("key", max_len=40),
        short=e.text("short", max_len=80),
        title=e.text("title"),
        number=number,
        issued_on=issued_on,
        issuer=e.text("issuer", max_len=200),
        citation=citation,
        needs_check=e.boolean("needs_check"),
    )


def _parse_citations(top: _Entry, source_keys: set[str]) -> dict[str, tuple[str, ...]]:
    raw = top._get("citations", True)
    if not isinstance(raw, dict):
        top.fail("'citations' phải là bảng [citations]: loại văn bản = [các văn bản được căn cứ]")
    e = _Entry(top.source, "[citations]", raw)
    e.check_keys(CITING_KINDS)
    result: dict[str, tuple[str, ...]] = {}
    for kind, keys in raw.items():
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            e.fail(f"'{kind}' phải là danh sách khóa văn bản")
        for k in keys:
            if k not in source_keys:
                e.fail(f"'{kind}' căn cứ văn bản '{k}' không có trong [[sources]]")
        if len(set(keys)) != len(keys):
            e.fail(f"'{kind}' có văn bản bị lặp")
        result[kind] = tuple(keys)
    return result


def _parse_title(e: _Entry) -> RuleSetTitle:
    role = e.data.get("issuer_role")
    needs_check = e.boolean("needs_check")
    plain = {k: v for k, v in e.data.items() if k not in ("issuer_role", "needs_check")}
    if role is not None and role not in ISSUER_ROLES:
        e.fail(f"'issuer_role' = '{role}' không hợp lệ; chỉ nhận: {', '.join(ISSUER_ROLES)}")
    spec = _plan._parse_title(_Entry(e.source, e.where, plain))  # refuses unknown keys
    return RuleSetTitle(spec, role or "", needs_check)


def _parse_rule(e: _Entry) -> RuleSetRule:
    needs_check = e.boolean("needs_check")
    plain = {k: v for k, v in e.data.items() if k != "needs_check"}
    return RuleSetRule(_plan._parse_rule(_Entry(e.source, e.where, plain)), needs_check)


# --------------------------------------------------------------------------------------------
# Built-in sets and the choice by year
# --------------------------------------------------------------------------------------------


def _rules_dir() -> Path:
    from thidua_desktop import paths  # imported late: paths pulls in platformdirs

    return paths.rules_dir()


def builtin_rule_sets() -> list[RuleSet]:
    """Every ``*.toml`` shipped in ``paths.rules_dir()``, sorted by first year."""
    folder = _rules_dir()
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.toml"))
    sets = [load_rule_set(p) for p in files]
    seen: dict[str, str] = {}
    for path, rs in zip(files, sets):
        if rs.key in seen:
            raise RuleSetError(f"Tệp {path.name}: bộ quy định có khóa '{rs.key}' trùng với tệp {seen[rs.key]}")
        seen[rs.key] = path.name
    return sorted(sets, key=lambda r: (r.first_year, r.key))


def merge_sets(builtin: Iterable[RuleSet], imported: Iterable[RuleSet]) -> list[RuleSet]:
    """Built-in sets with the imported ones replacing a built-in set of the same key."""
    by_key = {r.key: r for r in builtin}
    for r in imported:
        by_key[r.key] = r
    return sorted(by_key.values(), key=lambda r: (r.first_year, r.key))


def rule_set_for_year(year: int, imported: Iterable[RuleSet] = ()) -> RuleSet:
    """The set in force in ``year``: of the sets covering it, the one that starts latest
    (an imported set replaces a built-in one with the same key)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise RuleSetError(f"Năm {year!r} không hợp lệ")
    candidates = [r for r in merge_sets(builtin_rule_sets(), imported) if r.covers(year)]
    if not candidates:
        raise RuleSetError(f"Không có bộ quy định thi đua, khen thưởng nào áp dụng cho năm {year}.")
    return max(candidates, key=lambda r: (r.first_year, r.origin == "imported"))


def rule_set_by_key(key: str, imported: Iterable[RuleSet] = ()) -> RuleSet:
    for r in merge_sets(builtin_rule_sets(), imported):
        if r.key == key:
            return r
    raise RuleSetError(f"Không có bộ quy định '{key}'.")


def value_text(value: Decimal) -> str:
    return _plan.format_target(value, "count")
