"""What the Tổng hợp page (upper-level mode) and its dialogs ask of the data: one service call each.

Each function runs on the worker (``ctx.tasks.run``) and returns what changed or what to show:
the unit operations return the unit (the page then tells ``upper_units``), the intake its
outcomes (``upper_received``), the exports the file written. ``services.upper`` is imported in
each function, so that importing the page does not load the database layer before the window shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

# --- the mode (the main window's switch) -------------------------------------------------------


def load_mode(db) -> str:
    from thidua_desktop.services import upper

    return upper.get_mode(db)


def save_mode(db, mode: str) -> str:
    from thidua_desktop.services import upper

    upper.set_mode(db, mode)
    return mode


# --- the page ----------------------------------------------------------------------------------


def load(db, year: int | None, today: date, phase: int | None):
    """The page's data (``services.upper.UpperOverview``)."""
    from thidua_desktop.services import upper

    return upper.overview(db, year, today=today, phase=phase)


def run_intake(db, paths, inputs: list[str], year: int, trust_first: bool, progress) -> list:
    from thidua_desktop.services import upper

    return upper.intake(db, paths, [Path(p) for p in inputs], year, trust_first=trust_first, progress=progress)


def add_unit(db, code: str, name: str, email: str):
    from thidua_desktop.services import upper

    return upper.add_unit(db, code, name, email)


def edit_unit(db, code: str, new_code: str, name: str, email: str):
    from thidua_desktop.services import upper

    return upper.update_unit(db, code, new_code=new_code, name=name, email=email)


def remove_unit(db, code: str) -> None:
    from thidua_desktop.services import upper

    upper.remove_unit(db, code)


def import_units(db, path: str) -> int:
    from thidua_desktop.services import upper

    return upper.import_units(db, Path(path))


def fingerprint_of(path: str) -> str:
    from thidua_desktop.services import upper

    return upper.certificate_fingerprint(Path(path))


def trust(db, code: str, path: str):
    from thidua_desktop.services import upper

    return upper.trust_certificate(db, code, Path(path))


def export_status(db, year: int, today: date, out: str) -> Path:
    from thidua_desktop.services import upper

    return upper.export_status(db, year, Path(out), today=today)


def make_return(db, paths, stored: str, comment: str, out: str, key: str, password: str):
    """The upper union's signed return of a received report (``services.returns``, issue 8 item 6)."""
    from thidua_desktop.services import upper

    return upper.return_received(db, paths, stored, comment, out, key, password)


def unit_key(paths) -> str:
    """The unit's own key file when there is one, else ""."""
    from thidua_desktop.services import signing

    path = signing.unit_key_path(paths)
    return str(path) if path.exists() else ""


def export_consolidation(db, year: int, phase: int, out: str) -> Path:
    from thidua_desktop.services import upper

    return upper.export_consolidation(db, year, phase, Path(out))


# --- the dialogs (ui.upper_dialogs) --------------------------------------------------------------


def export_plan(db, year: int, out: str, spec):
    from thidua_desktop.services import plan_package

    return plan_package.export_package(db, year, Path(out), spec)


def reminder_setup(db, paths, year: int, today: date):
    """The reminders due and the mail server (``services.upper.ReminderSetup``)."""
    from thidua_desktop.services import upper

    return upper.reminder_setup(db, paths, year, today=today)


def queue_reminders(db, paths, year: int, today: date, codes: list[str], send_now: bool, password: str):
    """Queued (and sent if asked) and what is left (``services.upper.Reminded``)."""
    from thidua_desktop.services import upper

    return upper.remind_and_send(db, paths, year, today=today, codes=codes, send_now=send_now, password=password)
