"""A snapshot of what the Tổng quan page showed, so the next start shows it at once.

Opening the database needs SQLAlchemy (about half a second to import on an office PC); the
year at a glance does not. At exit, after the database is closed, the overview data is written
to ``cache/tong-quan.json`` together with the size and modification time of the database file.
At the next start the snapshot is used only if the database file is exactly as it was left
(same size and time, no WAL file, i.e. nobody — the ``thidua`` command, a restore — changed it
since); the real data replaces it as soon as the database is open. Standard library only.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from thidua_desktop.core.timeline import PhaseInput, TimelineEvent
from thidua_desktop.paths import DataPaths
from thidua_desktop.services.dto import (
    IndicatorInfo,
    MovementInfo,
    OfficerInfo,
    PhaseInfo,
    RuleInfo,
    TitleInfo,
    UnitProfile,
    YearDetail,
    YearSummary,
)
from thidua_desktop.store.files import atomic_write

FORMAT = 1
_CLASSES = {
    cls.__name__: cls
    for cls in (
        YearDetail,
        PhaseInfo,
        MovementInfo,
        IndicatorInfo,
        TitleInfo,
        RuleInfo,
        TimelineEvent,
        PhaseInput,
        UnitProfile,
        OfficerInfo,
        YearSummary,
    )
}


@dataclasses.dataclass
class Snapshot:
    unit: UnitProfile
    years: list[YearSummary]
    year: int
    detail: YearDetail
    events: list[TimelineEvent]
    phases: list[PhaseInput]
    counts: dict[str, int]


def _file(paths: DataPaths) -> Path:
    return paths.root / "cache" / "tong-quan.json"


def _stamp(paths: DataPaths) -> list[int] | None:
    """Identity of the database file as left; None when it is open or half-written elsewhere."""
    if Path(f"{paths.database}-wal").exists():
        return None
    try:
        stat = paths.database.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "__t": type(value).__name__,
            "f": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, datetime):
        raise TypeError("datetimes are not part of the overview")
    if isinstance(value, date):
        return {"__d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"__n": str(value)}
    if isinstance(value, UUID):
        return {"__u": value.hex}
    if isinstance(value, tuple):
        return {"__tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot keep {type(value).__name__} in the overview snapshot")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "__t" in value:
        cls = _CLASSES[value["__t"]]
        return cls(**{k: _decode(v) for k, v in value["f"].items()})
    if "__d" in value:
        return date.fromisoformat(value["__d"])
    if "__n" in value:
        return Decimal(value["__n"])
    if "__u" in value:
        return UUID(value["__u"])
    if "__tuple" in value:
        return tuple(_decode(v) for v in value["__tuple"])
    return {k: _decode(v) for k, v in value.items()}


def save(paths: DataPaths, snapshot: Snapshot) -> None:
    """Write the snapshot; call only after the database has been closed."""
    stamp = _stamp(paths)
    target = _file(paths)
    if stamp is None:
        target.unlink(missing_ok=True)
        return
    payload = {"format": FORMAT, "database": stamp, "data": _encode(snapshot)}
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(target, durable=False) as tmp:
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def load(paths: DataPaths) -> Snapshot | None:
    """The snapshot if the database is exactly as it was when the snapshot was written."""
    target = _file(paths)
    try:
        payload = json.loads(target.read_text(encoding="utf-8"))
        if payload.get("format") != FORMAT or payload.get("database") != _stamp(paths):
            return None
        snapshot = _decode(payload["data"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return snapshot if isinstance(snapshot, Snapshot) else None


def discard(paths: DataPaths) -> None:
    _file(paths).unlink(missing_ok=True)


_CLASSES["Snapshot"] = Snapshot
