"""Danh sách đoàn viên: the roster, the people, the union groups, importing and exporting (``services.roster``,
``services.roster_io``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.data_folder import Database
    from thidua_desktop.services.dto import PersonRow
    from thidua_desktop.services.roster import PersonCard

ACTIVE = "active"
LEFT = "left"


def list_people(db: Database) -> list[PersonRow]:
    from thidua_desktop.services import roster

    return roster.list_people(db)


def list_roster(db: Database, status: str = ACTIVE) -> list[PersonRow]:
    """The people at work, or (``LEFT``) the people who left, in roster order."""
    from thidua_desktop.services import roster

    if status != LEFT:
        return roster.list_people(db)
    return [p for p in roster.list_people(db, include_left=True) if p.left_on is not None]


@dataclass
class PersonForm:
    """What the person dialog needs: the person (None for a new one) and the union groups."""

    detail: object | None  # roster.PersonDetail
    groups: list


def person_form(db: Database, person_id: str | None) -> PersonForm:
    from thidua_desktop.services import roster

    detail = roster.get_person(db, person_id) if person_id else None
    return PersonForm(detail, roster.list_groups(db))


def save_person(db: Database, detail):
    from thidua_desktop.services import roster

    return roster.save_person(db, detail)


def mark_left(db: Database, person_id: str, left_on: date):
    from thidua_desktop.services import roster

    return roster.mark_left(db, person_id, left_on)


def person_card(db: Database, person_id: str) -> PersonCard:
    from thidua_desktop.services import roster

    return roster.person_card(db, person_id)


def list_groups(db: Database) -> list:
    from thidua_desktop.services import roster

    return roster.list_groups(db)


def save_group(db: Database, group) -> list:
    """Save a union group; returns the groups as they are now."""
    from thidua_desktop.services import roster

    roster.save_group(db, group)
    return roster.list_groups(db)


def delete_group(db: Database, group_id: str) -> list:
    from thidua_desktop.services import roster

    roster.delete_group(db, group_id)
    return roster.list_groups(db)


def export_roster(db: Database, path: Path) -> int:
    """Write the roster to ``path``; a file that cannot be created raises ``OSError``."""
    from thidua_desktop.services import roster_io

    return roster_io.export_roster(db, Path(path))


def preview_roster(
    db: Database,
    path: Path,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
):
    """Read and check a roster file (``roster_io.RosterImport``); nothing is written."""
    from thidua_desktop.services import roster_io

    return roster_io.preview_file(db, Path(path), sheet=sheet, header_row=header_row, mapping=mapping)


def commit_roster(db: Database, rim, duplicates: str):
    from thidua_desktop.services import roster_io

    return roster_io.commit(db, rim, duplicates=duplicates)


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int
    merged: int


def import_counts(rim, duplicates: str) -> ImportCounts:
    """What ``roster_io.commit`` will do with ``duplicates`` ("merge" | "keep"), without writing."""
    from thidua_desktop.services import roster_io

    chosen = roster_io.plan(rim, duplicates)
    return ImportCounts(chosen.added, chosen.updated, chosen.merged)
