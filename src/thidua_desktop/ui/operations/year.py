"""The unit and its years: Tổng quan, Đơn vị, the phases and rules of a year (``services.year``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.core.plan import PlanTemplate
    from thidua_desktop.services.data_folder import Database
    from thidua_desktop.services.dto import RuleInfo, UnitProfile, YearDetail, YearOverview, YearSummary


def overview(db: Database, year: int) -> YearOverview:
    from thidua_desktop.services import year as years_service

    return years_service.overview(db, year)


def year_detail(db: Database, year: int) -> YearDetail:
    from thidua_desktop.services import year as years_service

    return years_service.get_year(db, year)


def list_years(db: Database) -> list[YearSummary]:
    from thidua_desktop.services import year as years_service

    return years_service.list_years(db)


def get_unit(db: Database) -> UnitProfile | None:
    from thidua_desktop.services import year as years_service

    return years_service.get_unit(db)


def save_unit(db: Database, profile: UnitProfile) -> UnitProfile:
    from thidua_desktop.services import year as years_service

    return years_service.save_unit(db, profile)


def set_rule(db: Database, year: int, key: str, value: Decimal) -> RuleInfo:
    from thidua_desktop.services import year as years_service

    return years_service.set_rule(db, year, key, value)


def update_phase(db: Database, year: int, number: int, start: date, end: date, report_due: date, lock_date: date):
    from thidua_desktop.services import year as years_service

    return years_service.update_phase(
        db, year, number, start=start, end=end, report_due=report_due, lock_date=lock_date
    )


def set_registration_due(db: Database, year: int, due: date) -> None:
    from thidua_desktop.services import year as years_service

    years_service.set_registration_due(db, year, due)


def create_year(db: Database, template: PlanTemplate, year: int) -> YearSummary:
    from thidua_desktop.services import year as years_service

    return years_service.create_year(db, template, year)


def copy_year(db: Database, source: int, target: int) -> YearSummary:
    from thidua_desktop.services import year as years_service

    return years_service.copy_year(db, source, target)


def templates() -> list[PlanTemplate]:
    from thidua_desktop.core import plan

    return plan.builtin_templates()


def first_steps(db: Database, paths, year: int | None):
    """What a new unit still has to do (Tổng quan's guide): ``services.first_steps.FirstSteps``."""
    from thidua_desktop.services import first_steps as steps_service

    return steps_service.first_steps(db, paths, year)
