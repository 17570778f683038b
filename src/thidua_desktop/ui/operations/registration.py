"""Đăng ký thi đua: the collective registration and each person's (``services.registration``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.data_folder import Database
    from thidua_desktop.services.registration import LinkedInitiative, Progress, RegistrationView


def registration(db: Database, year: int) -> RegistrationView:
    from thidua_desktop.services import registration as service

    return service.view(db, year)


def registration_progress(db: Database, year: int) -> Progress | None:
    """How complete the year's registration is (None when there is no such year)."""
    from thidua_desktop.errors import NotFound
    from thidua_desktop.services import registration as service

    try:
        return service.progress(db, year)
    except NotFound:
        return None


def save_collective(db: Database, info) -> RegistrationView:
    from thidua_desktop.services import registration as service

    service.save_collective(db, info)
    return service.view(db, info.year)


@dataclass
class RegistrationChange:
    count: int  # registrations added or removed
    data: RegistrationView


def register(
    db: Database,
    year: int,
    title_code: str,
    *,
    person_ids: list[str] | None = None,
    group: str | None = None,
    everyone: bool = False,
    members_only: bool = False,
) -> RegistrationChange:
    from thidua_desktop.services import registration as service

    added = service.register(
        db, year, title_code, person_ids=person_ids, group=group, everyone=everyone, members_only=members_only
    )
    return RegistrationChange(added, service.view(db, year))


def unregister(db: Database, year: int, title_code: str, person_ids: list[str]) -> RegistrationChange:
    from thidua_desktop.services import registration as service

    removed = service.unregister(db, year, title_code, person_ids)
    return RegistrationChange(removed, service.view(db, year))


def set_planned_initiative(db: Database, year: int, person_id: str, text: str) -> RegistrationView:
    from thidua_desktop.services import registration as service

    service.set_planned_initiative(db, year, person_id, text)
    return service.view(db, year)


def linked_initiatives(db: Database, year: int) -> dict[str, LinkedInitiative]:
    from thidua_desktop.services import registration as service

    return service.linked_initiatives(db, year)


def link_registration(db: Database, year: int, person_id: str, initiative_id: str | None) -> RegistrationView:
    """Point the person's registrations of the year at one of their initiatives (None: unlink)."""
    from thidua_desktop.services import initiatives
    from thidua_desktop.services import registration as service

    initiatives.link_registration(db, year, person_id, initiative_id)
    return service.view(db, year)


def person_initiatives(db: Database, person_id: str) -> list:
    from thidua_desktop.services import initiatives

    return initiatives.person_initiatives(db, person_id)
