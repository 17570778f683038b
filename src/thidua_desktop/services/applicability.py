"""Which of a year's indicators apply to this CĐCS (its level, its sector and kind of unit).

The one place the registration, the results, the reports and the documents ask; an indicator
that does not apply is neither suggested, registered, computed nor printed. A figure registered
before the unit's kind changed stays in the store (shown as "không áp dụng cho đơn vị").
"""

from __future__ import annotations

from thidua_desktop.core import applicability
from thidua_desktop.store.models import EmulationYear, Indicator, Unit

NOT_APPLICABLE = "không áp dụng cho đơn vị"


def unit_scope(unit: Unit | None) -> tuple[str, str]:
    """(sector, kind) of the unit; a unit not yet described counts as non-state, kind unsaid."""
    if unit is None:
        return "non_state", ""
    kind = unit.kind or ""
    return applicability.sector_of_kind(kind) or unit.sector or "non_state", kind


def applies_to_unit(indicator: Indicator, unit: Unit | None) -> bool:
    sector, kind = unit_scope(unit)
    return applicability.applies(indicator.applies_to or "", sector, kind)


def is_cdcs_level(indicator: Indicator) -> bool:
    return "cdcs" in (indicator.levels or "").split(",")


def cdcs_indicators(record: EmulationYear) -> list[Indicator]:
    """The year's indicators this CĐCS registers, computes and reports, in plan order."""
    unit = record.unit
    return [x for x in record.indicators if is_cdcs_level(x) and applies_to_unit(x, unit)]


def not_applying(record: EmulationYear) -> list[Indicator]:
    """CĐCS-level indicators that do not apply to this unit's sector or kind."""
    unit = record.unit
    return [x for x in record.indicators if is_cdcs_level(x) and not applies_to_unit(x, unit)]


def scope_label(unit: Unit | None) -> str:
    """ "doanh nghiệp ngoài nhà nước" / "khu vực nhà nước" for messages."""
    sector, kind = unit_scope(unit)
    return applicability.UNIT_KIND_LABELS.get(kind) or applicability.SECTOR_LABELS.get(sector, sector)
