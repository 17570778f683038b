"""Sáng kiến: the register of initiatives, one initiative, its attachments, importing and exporting
(``services.initiatives``, ``services.initiatives_io``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services.data_folder import Database
    from thidua_desktop.services.initiatives import YearPart


def initiatives(db: Database, year: int) -> YearPart:
    from thidua_desktop.services import initiatives as service

    return service.year_part(db, year)


@dataclass
class RegisterData:
    """What the Sáng kiến page shows: every initiative (all years), the roster names of their
    authors (for the author filter), and the part of the year about initiatives."""

    rows: list  # initiatives.InitiativeRow
    author_names: dict[str, str]  # person id → full name of every roster author, in roster order
    year_data: YearPart | None


def initiatives_register(db: Database, year: int | None) -> RegisterData:
    from thidua_desktop.services import initiatives as service

    return RegisterData(
        service.list_initiatives(db),
        service.author_names(db),
        service.year_part(db, year) if year is not None else None,
    )


def ldst_candidates(db: Database, year: int) -> list:
    from thidua_desktop.services import initiatives as service

    return service.ldst_candidates(db, year)


@dataclass
class InitiativeForm:
    """What the initiative dialog needs: the initiative (None for a new one), its attachments,
    the roster for the author picker, the phases of every year, the fields and tags in use."""

    draft: object | None  # core.initiatives.InitiativeDraft
    attachments: list  # initiatives.AttachmentInfo
    people: list  # PersonRow, people who left included (old initiatives name them)
    phases: dict[int, list[tuple[int, str]]]  # year → (phase number, name)
    fields: list[str]
    tags: list[str]


def initiative_form(db: Database, paths: DataPaths, initiative_id: str | None) -> InitiativeForm:
    from thidua_desktop.services import initiatives as service
    from thidua_desktop.services import roster

    draft = service.get_initiative(db, initiative_id) if initiative_id else None
    attachments = service.list_attachments(db, paths, initiative_id) if initiative_id else []
    choices = service.form_choices(db)
    return InitiativeForm(
        draft, attachments, roster.list_people(db, include_left=True), choices.phases, choices.fields, choices.tags
    )


def save_initiative(db: Database, draft, today: date):
    from thidua_desktop.services import initiatives as service

    return service.save_initiative(db, draft, today=today)


def delete_initiative(db: Database, paths: DataPaths, initiative_id: str) -> None:
    from thidua_desktop.services import initiatives as service

    service.delete_initiative(db, initiative_id, paths)


def suggest_category(db: Database, person_id: str) -> str:
    from thidua_desktop.services import initiatives as service

    return service.suggest_category(db, person_id)


def add_attachment(db: Database, paths: DataPaths, initiative_id: str, source: Path) -> list:
    """Attach a file; returns the initiative's attachments as they are now."""
    from thidua_desktop.services import initiatives as service

    service.add_attachment(db, paths, initiative_id, Path(source))
    return service.list_attachments(db, paths, initiative_id)


def remove_attachment(db: Database, paths: DataPaths, initiative_id: str, attachment_id: str) -> list:
    from thidua_desktop.services import initiatives as service

    service.remove_attachment(db, paths, attachment_id)
    return service.list_attachments(db, paths, initiative_id)


def export_attachment(db: Database, paths: DataPaths, attachment_id: str, target: Path) -> Path:
    """Copy an attachment out of the data folder (checked against its recorded digest)."""
    from thidua_desktop.services import initiatives as service

    return service.export_attachment(db, paths, attachment_id, Path(target))


def open_attachment_copy(db: Database, paths: DataPaths, attachment_id: str) -> Path:
    """A checked copy of an attachment in a temporary folder, for the system's viewer to open."""
    from thidua_desktop.services import initiatives as service

    return service.viewer_copy(db, paths, attachment_id)


@dataclass
class InitiativesImport:
    """An initiatives file read and checked (``initiatives_io.InitiativesPreview``) and its sheets."""

    preview: object  # initiatives_io.InitiativesPreview
    sheets: list  # exchange.spreadsheet.SheetInfo


def preview_initiatives(
    db: Database, path: Path, sheet: str | None, default_year: int | None, today: date
) -> InitiativesImport:
    """Read and check an initiatives file; nothing is written."""
    from thidua_desktop.services import initiatives_io

    preview, sheets = initiatives_io.preview_with_sheets(db, Path(path), sheet, default_year=default_year, today=today)
    return InitiativesImport(preview, sheets)


def commit_initiatives(db: Database, preview, today: date):
    from thidua_desktop.services import initiatives_io

    return initiatives_io.commit(db, preview, today=today)


def export_initiatives(db: Database, path: Path, year: int | None, today: date) -> int:
    """Write the register (or one year of it) to ``path``; a file that cannot be created raises ``OSError``."""
    from xlsxwriter.exceptions import FileCreateError

    from thidua_desktop.services import initiatives_io

    try:
        return initiatives_io.export_initiatives(db, Path(path), year=year, today=today)
    except FileCreateError as exc:  # xlsxwriter wraps the OSError of a folder that is missing or read-only
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise OSError(cause.errno if cause else None, cause.strerror if cause else str(exc), str(path)) from exc
