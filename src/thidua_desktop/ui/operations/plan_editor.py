"""What the plan editor asks the database worker to do (``ui.plan_editor``). No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.services.plan_editor import PlanDraft, PlanUsage, SaveResult
    from thidua_desktop.services.data_folder import Database


@dataclass
class PlanData:
    draft: PlanDraft
    usage: PlanUsage


def load(db: Database, year: int) -> PlanData:
    from thidua_desktop.services import plan_editor

    return PlanData(plan_editor.load_plan(db, year), plan_editor.plan_usage(db, year))


def save(db: Database, draft: PlanDraft, confirm: bool) -> SaveResult:
    """One transaction; raises ``ConfirmationRequired`` when entered data would be lost and not confirmed."""
    from thidua_desktop.services import plan_editor

    return plan_editor.save_plan(db, draft, confirm=confirm)
