"""Which units an indicator (or a movement) applies to: sectors and kinds of unit.

A plan speaks to every kind of union at once ("khối hành chính sự nghiệp", "cơ quan nhà nước",
"doanh nghiệp ngoài nhà nước"…); a CĐCS registers, computes, reports and prints only what applies
to it. An indicator's ``applies_to`` is a tuple of tokens, each a sector or a unit kind; empty means
every unit. A unit matches when its sector or its kind is among the tokens.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "SECTORS",
    "SECTOR_LABELS",
    "TOKEN_LABELS",
    "UNIT_KINDS",
    "UNIT_KIND_LABELS",
    "applies",
    "describe",
    "format_tokens",
    "parse_tokens",
    "sector_of_kind",
]

SECTORS: tuple[str, ...] = ("state", "non_state")
SECTOR_LABELS: dict[str, str] = {
    "state": "khu vực nhà nước",
    "non_state": "khu vực ngoài nhà nước",
}

# The kinds of unit a CĐCS belongs to, each in one sector.
UNIT_KINDS: tuple[str, ...] = ("state_agency", "public_service", "soe", "private", "fdi", "cooperative")
UNIT_KIND_LABELS: dict[str, str] = {
    "state_agency": "cơ quan nhà nước",
    "public_service": "đơn vị sự nghiệp công lập (khối hành chính sự nghiệp)",
    "soe": "doanh nghiệp nhà nước",
    "private": "doanh nghiệp ngoài nhà nước",
    "fdi": "doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
    "cooperative": "hợp tác xã, tổ chức khác ngoài nhà nước",
}
_KIND_SECTOR: dict[str, str] = {
    "state_agency": "state",
    "public_service": "state",
    "soe": "state",
    "private": "non_state",
    "fdi": "non_state",
    "cooperative": "non_state",
}

TOKEN_LABELS: dict[str, str] = {**SECTOR_LABELS, **UNIT_KIND_LABELS}


def sector_of_kind(kind: str) -> str | None:
    """The sector a unit kind belongs to, or None for "" / an unknown kind."""
    return _KIND_SECTOR.get(kind)


def parse_tokens(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"state_agency,public_service"`` (or a list) → the known tokens, in canonical order.

    Raises ``ValueError`` (Vietnamese) for an unknown token, so a typo in a plan file or a
    package never silently widens an indicator to every unit.
    """
    if text is None:
        return ()
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {item.strip() for item in items if item and item.strip()}
    unknown = sorted(wanted - set(TOKEN_LABELS))
    if unknown:
        raise ValueError(f"đối tượng áp dụng '{unknown[0]}' không hợp lệ; chỉ nhận: {', '.join(TOKEN_LABELS)}")
    order = (*SECTORS, *UNIT_KINDS)
    return tuple(token for token in order if token in wanted)


def format_tokens(tokens: Iterable[str]) -> str:
    """The stored form: comma-separated, canonical order ("" = every unit)."""
    return ",".join(parse_tokens(list(tokens)))


def applies(applies_to: str | Iterable[str] | None, sector: str, kind: str = "") -> bool:
    """Whether an indicator with ``applies_to`` applies to a unit of ``sector`` and ``kind``.

    An empty ``applies_to`` applies to every unit. A unit whose kind is not said matches on its
    sector only (so an indicator for "public_service" alone does not apply to it).
    """
    tokens = parse_tokens(applies_to) if not isinstance(applies_to, tuple) else applies_to
    if not tokens:
        return True
    unit_sector = sector_of_kind(kind) or sector
    return unit_sector in tokens or (bool(kind) and kind in tokens)


def describe(applies_to: str | Iterable[str] | None) -> str:
    """Vietnamese words for the tokens: "" → "mọi đơn vị"."""
    tokens = parse_tokens(applies_to) if not isinstance(applies_to, tuple) else applies_to
    if not tokens:
        return "mọi đơn vị"
    return "; ".join(TOKEN_LABELS[t] for t in tokens)
