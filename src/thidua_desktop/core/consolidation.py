"""Adding units up (tổng hợp): the rules of issue 8, in plain Python.

* ``count`` and ``money``: the values are summed;
* ``percent``: numerators and denominators are summed and the rate recomputed from them —
  never an average of the units' rates; a unit that gave a rate without its numerator and
  denominator is listed apart (``without_basis``) and left out of the rate;
* ``yesno``: the number of units with "có" (1) out of the units that answered; a consolidation
  carries both as numerator / denominator, so consolidating consolidations adds them up again.

Everything is :class:`~decimal.Decimal`; nothing here knows about files or the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

KIND_ORDER = ("count", "money", "percent", "yesno")
RATE_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class UnitFigure:
    """One unit's figure for one indicator (as read from its ``_du_lieu`` sheet)."""

    unit_code: str
    unit_name: str
    indicator_code: str
    indicator_name: str
    unit_of_measure: str
    kind: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    registered: Decimal | None = None
    source: str = ""  # the received file's id


@dataclass
class ConsolidatedLine:
    code: str
    name: str
    unit_of_measure: str
    kind: str
    value: Decimal | None = None  # sum; rate in %; yes-count
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    registered: Decimal | None = None  # sum of registered figures (count, money, yesno)
    units: int = 0  # units that gave a usable figure
    without_basis: list[str] = field(default_factory=list)  # percent without numerator/denominator
    details: list[UnitFigure] = field(default_factory=list)
    # units the indicator applies to (their report lists it); a unit it does not apply to is neither
    # counted here nor in ``not_reported``
    applicable_units: int = 0
    not_reported: list[str] = field(default_factory=list)  # applicable units without a usable figure


def mark_applicable(lines: Iterable[ConsolidatedLine], applying: dict[str, set[str]]) -> None:
    """Set each line's applicable units (``applying``: indicator code → unit codes it applies to)."""
    for line in lines:
        units = applying.get(line.code, set())
        answered = {
            f.unit_code
            for f in line.details
            if f.value is not None or (f.numerator is not None and f.denominator is not None)
        }
        line.applicable_units = len(units | answered)
        line.not_reported = sorted(units - answered)


def rate(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(RATE_PLACES)


def _d(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def consolidate(figures: Iterable[UnitFigure], order: Iterable[str] = ()) -> list[ConsolidatedLine]:
    """One line per indicator code (in ``order`` first, then in order of appearance)."""
    lines: dict[str, ConsolidatedLine] = {code: None for code in order}  # type: ignore[misc]
    for f in figures:
        line = lines.get(f.indicator_code)
        if line is None:
            line = lines[f.indicator_code] = ConsolidatedLine(
                f.indicator_code, f.indicator_name, f.unit_of_measure, f.kind
            )
        line.details.append(f)
        value, num, den, reg = _d(f.value), _d(f.numerator), _d(f.denominator), _d(f.registered)
        if line.kind in ("count", "money"):
            if reg is not None:
                line.registered = (line.registered or 0) + reg
            if value is None:
                continue
            line.value = (line.value or 0) + value
            line.units += 1
        elif line.kind == "percent":
            if num is None or den is None:
                if value is not None:
                    line.without_basis.append(f.unit_code)
                continue
            line.numerator = (line.numerator or 0) + num
            line.denominator = (line.denominator or 0) + den
            line.units += 1
        else:  # yesno: 1/0 from a CĐCS, yes/answered from a consolidation
            if reg is not None:
                line.registered = (line.registered or 0) + reg
            if num is not None and den is not None:
                yes, answered = num, den
            elif value is not None:
                yes, answered = (Decimal(1) if value else Decimal(0)), Decimal(1)
            else:
                continue
            line.numerator = (line.numerator or 0) + yes
            line.denominator = (line.denominator or 0) + answered
            line.units += 1
    result = [line for line in lines.values() if line is not None]
    for line in result:
        if line.kind == "percent":
            line.value = rate(line.numerator, line.denominator)
        elif line.kind == "yesno":
            line.value = line.numerator
    return result
