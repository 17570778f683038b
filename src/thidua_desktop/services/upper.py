"""The upper level (cấp trên, issue 8): subordinate units, intake, completeness, consolidation.

The same data folder and app run in "upper level" mode (``AppSetting`` ``mode`` = ``upper``):
the unit profile is then the upper union itself (LĐLĐ huyện …), and the year's plan gives the
deadlines. Received workbooks are copied under ``<data folder>/received/<year>/``; each is
verified, matched by its ``_du_lieu`` sheet to a unit, year, kind and phase, and either taken or
set aside with the reason (Vietnamese) — one transaction per file, a bad file never stops the
others. Of several versions of the same report the newest valid one counts; the others are kept,
marked superseded.

This module is the door the GUI and the command line use: the mode, what the Tổng hợp screen
shows, the use cases that span several jobs (adding up a folder, the exports, the return of a
received report), and every public name of the job modules it re-exports:

* :mod:`.upper_units` — the subordinate units, their import, the signers trusted for them;
* :mod:`.upper_intake` — received workbooks taken in or set aside, the list of received files;
* :mod:`.upper_status` — the plan's deadlines, who has reported, its workbook;
* :mod:`.upper_consolidation` — a phase's reports added up, the consolidated workbook or PDF;
* :mod:`.upper_reminders` — the reminder emails through the outbox.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from thidua_desktop.core import safe_names, vntext
from thidua_desktop.exchange import intake as ix
from thidua_desktop.services.upper_consolidation import (
    Consolidation,
    build_consolidated,
    consolidation,
    export_consolidated,
)
from thidua_desktop.services.upper_intake import (
    ACCEPTED,
    RECEIVED_DIR,
    SET_ASIDE,
    IntakeOutcome,
    Progress,
    ReceivedInfo,
    intake,
    intake_file,
    list_received,
    set_aside,
)
from thidua_desktop.services.upper_reminders import (
    REMINDER_PREFIX,
    Reminded,
    Reminder,
    ReminderSetup,
    RemindOutcome,
    queue_reminders,
    remind_and_send,
    reminder_setup,
    reminders_due,
)
from thidua_desktop.services.upper_status import (
    EXPECTED,
    EXPECTED_NAMES,
    STATUS_NAMES,
    Deadlines,
    Expected,
    UnitCompleteness,
    completeness,
    deadlines,
    export_completeness,
    reminders,
)
from thidua_desktop.services.upper_units import (
    CertInfo,
    UnitInfo,
    add_unit,
    certificate_fingerprint,
    import_units,
    list_units,
    remove_unit,
    trust_certificate,
    untrust_certificate,
    update_unit,
)
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import AppSetting, Unit

__all__ = [
    "ACCEPTED",
    "EXPECTED",
    "EXPECTED_NAMES",
    "MODES",
    "MODE_KEY",
    "RECEIVED_DIR",
    "REMINDER_PREFIX",
    "SET_ASIDE",
    "STATUS_NAMES",
    "CertInfo",
    "Consolidation",
    "Deadlines",
    "Expected",
    "IntakeOutcome",
    "Progress",
    "ReceivedInfo",
    "RemindOutcome",
    "Reminded",
    "Reminder",
    "ReminderSetup",
    "UnitCompleteness",
    "UnitInfo",
    "UpperOverview",
    "add_unit",
    "build_consolidated",
    "certificate_fingerprint",
    "completeness",
    "consolidate_folder",
    "consolidation",
    "deadlines",
    "export_completeness",
    "export_consolidated",
    "export_consolidation",
    "export_status",
    "get_mode",
    "import_units",
    "intake",
    "intake_file",
    "list_received",
    "list_units",
    "overview",
    "queue_reminders",
    "remind_and_send",
    "reminder_setup",
    "reminders",
    "reminders_due",
    "remove_unit",
    "return_received",
    "set_mode",
    "trust_certificate",
    "untrust_certificate",
    "update_unit",
]

MODE_KEY = "mode"
MODES = ("cdcs", "upper")


# --- mode -----------------------------------------------------------------------------------


def get_mode(db: Database) -> str:
    with db.reading() as session:
        setting = session.get(AppSetting, MODE_KEY)
        return setting.value if setting is not None and setting.value in MODES else "cdcs"


def set_mode(db: Database, mode: str) -> None:
    if mode not in MODES:
        raise ValidationError(
            f"Chế độ phải là 'cdcs' (công đoàn cơ sở) hoặc 'upper' (công đoàn cấp trên), không phải '{mode}'."
        )
    action = "Chuyển sang chế độ công đoàn cấp trên" if mode == "upper" else "Chuyển sang chế độ công đoàn cơ sở"
    with db.transaction(action) as session:
        setting = session.get(AppSetting, MODE_KEY)
        if setting is None:
            session.add(AppSetting(key=MODE_KEY, value=mode))
        else:
            setting.value = mode


# --- what the Tổng hợp screen shows, its exports ------------------------------------------------


@dataclass
class UpperOverview:
    """The Tổng hợp screen's data for a year: the units, the files received, who has reported, and
    one phase added up (``phase``, of the year's ``phases``). Without a year, the units only."""

    year: int | None
    units: list[UnitInfo]
    received: list[ReceivedInfo]
    completeness: list[UnitCompleteness]
    consolidation: Consolidation | None
    phase: int
    phases: list[int]


def overview(db: Database, year: int | None, *, today: date, phase: int | None = None) -> UpperOverview:
    """The screen's data; ``phase`` not in the year's plan: the last phase (the year)."""
    units = list_units(db)
    if year is None:
        return UpperOverview(None, units, [], [], None, 0, [])
    plan = deadlines(db, year)
    phases = [n for n, _ in plan.phases] or [1, 2]
    phase = phase if phase in phases else phases[-1]
    return UpperOverview(
        year,
        units,
        list_received(db, year),
        completeness(db, year, today=today),
        consolidation(db, year, phase),
        phase,
        phases,
    )


def export_status(db: Database, year: int, out: str | Path, *, today: date | None = None) -> Path:
    """Who has reported on ``today``, with the reminder list, as a workbook (:func:`export_completeness`)."""
    return export_completeness(completeness(db, year, today=today), year, Path(out))


def export_consolidation(db: Database, year: int, phase: int | None, out: str | Path) -> Path:
    """The reports of ``phase`` added up (:func:`consolidation`), written as .xlsx or .pdf."""
    return export_consolidated(db, consolidation(db, year, phase), Path(out))


def return_received(
    db: Database, paths, stored_path: str, comment: str, out: str | Path, key: str | Path, password: str
):
    """The upper union's signed return of a received report (``services.returns``, issue 8 item 6):
    ``stored_path`` as listed (:class:`ReceivedInfo`), signed with the key file ``key``."""
    from thidua_desktop.services import returns
    from thidua_desktop.services.signing import P12Spec

    return returns.make_return(Path(paths.root) / stored_path, comment, Path(out), P12Spec(Path(key), password), db=db)


# --- adding up a folder -----------------------------------------------------------------------


def _doubled_consolidations(found: list[ix.Inspection], year: int) -> dict[Path, str]:
    """The consolidation workbooks that would add some units twice, with the reason (Vietnamese):
    their units' own workbooks are in the same folder, or another issuer's consolidation taken
    already covers them. Several versions from the same issuer are left to the version rules."""
    usable = [f for f in found if not f.problem and f.year == year and f.kind in ix.TAKEN_KINDS]
    own = {safe_names.normalise_unit_code(f.unit_code) for f in usable if f.kind != "consolidation" and f.unit_code}
    covered_by: dict[str, set[str]] = {}  # issuer → units of its consolidations taken
    doubled: dict[Path, str] = {}
    for f in usable:
        if f.kind != "consolidation":
            continue
        issuer = safe_names.normalise_unit_code(f.unit_code)
        units = {safe_names.normalise_unit_code(c) for c in f.covered_units}
        elsewhere = set().union(*(u for i, u in covered_by.items() if i != issuer))
        who = f"{f.unit_name or 'đơn vị'}{f' ({f.unit_code})' if f.unit_code else ''}"
        if not units and own:
            doubled[f.path] = (
                f"Báo cáo tổng hợp của {who} không ghi danh sách đơn vị được tổng hợp, mà thư mục có cả tệp của "
                "các đơn vị; để tránh cộng hai lần, tệp tổng hợp được để riêng (không cộng)."
            )
            continue
        twice = sorted(units & (own | elsewhere))
        if twice:
            named = ", ".join(twice[:10]) + (f" và {len(twice) - 10} đơn vị khác" if len(twice) > 10 else "")
            where = "có tệp riêng trong thư mục" if units & own else "đã có trong một báo cáo tổng hợp khác"
            only_here = sorted(units - own - elsewhere)
            lost = (
                f" Các đơn vị {', '.join(only_here[:10])}{' …' if len(only_here) > 10 else ''} chỉ có trong tệp "
                "tổng hợp này nên chưa được cộng: hãy thêm tệp của chính các đơn vị đó."
                if only_here
                else ""
            )
            doubled[f.path] = (
                f"Báo cáo tổng hợp của {who} gồm các đơn vị {named}, mà các đơn vị này {where}; không cộng hai "
                f"lần: tệp tổng hợp được để riêng, các đơn vị được cộng theo tệp của chính đơn vị.{lost}"
            )
            continue
        covered_by.setdefault(issuer, set()).update(units)
    return doubled


def consolidate_folder(
    inputs: Iterable,
    year: int,
    out: str | Path,
    *,
    phase: int | None = None,
    name: str | None = None,
    progress: Progress | None = None,
) -> tuple[Consolidation, list[IntakeOutcome], Path]:
    """Intake into a scratch data folder, then consolidate: for adding up a folder without keeping it.

    In a scratch folder every unit is new: units are taken from the files (their code) and each
    unit's first signer is trusted on that receipt — signatures are still checked for integrity,
    and a second signer for the same unit, a tampered file or a repeated one is still set aside.
    A consolidation workbook is added only when none of its units is added otherwise: one whose
    units also sent their own workbooks in the folder (or that are in another consolidation
    taken) is set aside with the reason — never both.
    """
    import tempfile

    from thidua_desktop.paths import DataPaths

    files = ix.collect(inputs)
    if not files:
        raise ValidationError("Không có tệp sổ tính (.xlsx) nào để tổng hợp.")
    found = {path: ix.inspect_file(path) for path in files}
    doubled = _doubled_consolidations([found[p] for p in files], year)
    with tempfile.TemporaryDirectory(prefix="thidua-tong-hop-") as tmp:
        paths = DataPaths(Path(tmp)).ensure()
        db = Database.open(paths)
        try:
            upper_name = name or next((f.upper_union for f in found.values() if not f.problem and f.upper_union), "")
            with db.transaction("Tổng hợp trong thư mục tạm") as session:  # only the name is printed
                session.add(Unit(name=vntext.nfc(upper_name or "Công đoàn cấp trên"), issuer_code="LĐLĐ"))
            set_mode(db, "upper")
            rest = [p for p in files if p not in doubled]
            taken = iter(
                intake(db, paths, rest, year, trust_first=True, auto_register=True, progress=progress) if rest else []
            )
            outcomes = [
                set_aside(db, paths, found[p], year, doubled[p]) if p in doubled else next(taken) for p in files
            ]
            result = consolidation(db, year, phase)
            written = export_consolidated(db, result, out)
        finally:
            db.close()
    return result, outcomes, written
