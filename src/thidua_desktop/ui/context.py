"""What every page shares: the data folder, the open database, the chosen year, the worker.

Pages never hold the database themselves; they ask the context, which tells them by signal
when the database was (re)opened, the year was switched or some data changed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from thidua_desktop.paths import DataPaths
from thidua_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.data_folder import Database, Opened
    from thidua_desktop.services.dto import UnitProfile, YearSummary

TODAY_ENV = "THIDUA_TODAY"  # ISO date: show the app as on that day (demonstrations, tests)

# Topics of ``data_changed``.
UNIT = "unit"
YEARS = "years"
YEAR = "year"  # plan content of the current year: phases, rules, registration date
RULES = "rules"
PEOPLE = "people"  # the roster and its union groups
REGISTRATION = "registration"  # the year's emulation registration (collective and individuals)
INITIATIVES = "initiatives"  # the initiatives register (sổ sáng kiến): initiatives, authors, attachments
BACKUPS = "backups"


def today() -> date:
    from thidua_desktop import clock

    return clock.today()


class AppContext(QObject):
    database_changed = Signal()
    year_changed = Signal(object)  # int | None
    years_changed = Signal()
    data_changed = Signal(str)

    def __init__(self, paths: DataPaths, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.tasks = tasks
        self.db: Database | None = None
        self.unit: UnitProfile | None = None
        self.years: list[YearSummary] = []
        self.year: int | None = None
        self.first_overview = None  # the overview loaded with the database, used once

    def today(self) -> date:
        return today()

    def apply_opened(self, result: Opened) -> None:
        """Take a freshly opened (or re-read) database and tell everyone."""
        self.db = result.db
        self.unit = result.unit
        self.years = list(result.years)
        self.year = result.year
        self.first_overview = result.overview
        self.years_changed.emit()
        self.database_changed.emit()

    def take_first_overview(self, year: int | None):
        """The overview read together with the database, once, if it is for ``year``."""
        data, self.first_overview = self.first_overview, None
        if data is not None and data.detail.year == year:
            return data
        return None

    def forget_database(self) -> None:
        self.db = None
        self.database_changed.emit()

    def set_year(self, year: int | None) -> None:
        if year == self.year:
            return
        self.year = year
        self.first_overview = None
        self.year_changed.emit(year)

    def set_years(self, years: list[YearSummary], select: int | None = None) -> None:
        self.years = list(years)
        self.years_changed.emit()
        if select is not None:
            self.set_year(select)

    def set_unit(self, unit: UnitProfile | None) -> None:
        self.unit = unit
        self.data_changed.emit(UNIT)

    def changed(self, topic: str) -> None:
        self.first_overview = None
        self.data_changed.emit(topic)
