"""Worker-side bundles for the year-end pages (Sơ kết – Tổng kết, Văn bản & gửi).

Everything here runs on the worker thread and returns plain data the GUI can show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from thidua_desktop.services import documents as documents_service
from thidua_desktop.services import reports as reports_service
from thidua_desktop.services import results as results_service
from thidua_desktop.services.reports import ReportInfo
from thidua_desktop.services.results import ResultRow

REPORT_KINDS = ("midyear", "year")


@dataclass
class YearEndData:
    year: int
    rows: list[ResultRow]
    reports: dict[str, ReportInfo | None] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)


def year_end(db, year: int, today: date) -> YearEndData:
    data = YearEndData(year, results_service.results_table(db, year, today=today))
    for kind in REPORT_KINDS:
        data.reports[kind] = reports_service.latest_report(db, year, kind)
        data.missing[kind] = reports_service.missing_items(db, year, kind, today=today)
    return data


def compute_results(db, year: int, today: date):
    return results_service.compute(db, year, today=today)


def enter_result(
    db,
    year: int,
    code: str,
    phase_number: int,
    value,
    numerator,
    denominator,
    note: str,
    evidence_number: str,
    evidence_date: date | None,
    today: date,
):
    return results_service.enter_result(
        db, year, code, phase_number, value, numerator, denominator, note, evidence_number, evidence_date, today=today
    )


def draft_report(db, year: int, kind: str, today: date) -> ReportInfo:
    return reports_service.draft_report(db, year, kind, today=today)


def update_section(db, report_id: str, key: str, text: str) -> ReportInfo:
    return reports_service.update_section(db, report_id, key, text)


def set_status(db, report_id: str, status: str) -> ReportInfo:
    return reports_service.set_status(db, report_id, status)


def new_version(db, report_id: str) -> ReportInfo:
    return reports_service.new_version(db, report_id)


@dataclass(frozen=True)
class RegisterRow:
    code: str
    kind: str
    subject: str
    issued_on: date
    files: tuple[str, ...]


def register(db, year: int) -> list[RegisterRow]:
    """The outgoing documents of emulation year ``year`` (``services.documents.year_register``)."""
    return [
        RegisterRow(e.code, e.kind, e.subject or "", e.issued_on, tuple(e.files or ()))
        for e in documents_service.year_register(db, year)
    ]


@dataclass
class Produced:
    document: documents_service.ProducedDocument
    register: list[RegisterRow]


def document_date(db, kind: str, year: int, on: date | None, today: date) -> documents_service.DocumentDate:
    """The date the document will carry (``on``, else the one it was numbered with, else its event's)
    and what is odd about it."""
    return documents_service.document_date(db, kind, year, on=on, today=today)


def produce(db, paths, kind: str, year: int, out: Path, signer: str, on: date | None, today: date) -> Produced:
    doc = documents_service.produce(db, paths, kind, year, Path(out), signer=signer, on=on, today=today)
    return Produced(doc, register(db, year))


def preview(db, kind: str, year: int, out: Path, signer: str, on: date | None, today: date):
    """A preview PDF of the document (no number taken) in ``out``'s folder, which is cleared of
    earlier previews first (those still open in a viewer stay)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    for old in out.parent.glob("*.pdf"):
        try:
            old.unlink()
        except OSError:
            pass
    return documents_service.preview(db, kind, year, out, signer=signer, on=on, today=today)


# --- the review (bình xét) and the proposals (đề nghị khen thưởng) --------------------------------


@dataclass
class ReviewData:
    year: int
    meeting: object  # review_service.MeetingInfo | None
    rows: list
    findings: list
    proposals: list


def review_data(db, year: int) -> ReviewData:
    from thidua_desktop.services import review as review_service

    return ReviewData(
        year,
        review_service.get_meeting(db, year),
        review_service.review_table(db, year),
        review_service.findings(db, year),
        review_service.list_proposals(db, year),
    )


def record_meeting(
    db,
    year: int,
    held_on: date,
    place: str,
    chair: str,
    secretary: str,
    total: int,
    present: int,
    notes: str,
    today: date,
):
    from thidua_desktop.services import review as review_service

    return review_service.record_meeting(db, year, held_on, place, chair, secretary, total, present, notes, today=today)


def apply_majority(db, year: int):
    from thidua_desktop.services import review as review_service

    return review_service.apply_majority(db, year)


def build_proposals(db, year: int):
    from thidua_desktop.services import review as review_service

    return review_service.build_proposals(db, year)


def update_proposal_summary(db, proposal_id: str, summary: str):
    from thidua_desktop.services import review as review_service

    return review_service.update_proposal(db, proposal_id, summary=summary)


def reports_overview(db, year: int, today: date):
    """Each report of the year for Tổng quan: due and lock dates, state, what is missing."""
    return reports_service.overview(db, year, today=today)


def progress_rows(db, year: int, today: date) -> list:
    """Registered vs achieved per indicator (phase 1 and year) for the Tổng quan chart."""
    from thidua_desktop.ui.widgets.progress_chart import ProgressBarRow

    from thidua_desktop.core.results import progress_toward

    rows = []
    for r in results_service.results_table(db, year, today=today):
        first, last = progress_toward(r.phase1.value, r.registered), progress_toward(r.year.value, r.registered)
        if r.is_registered and (first is not None or last is not None):
            rows.append(ProgressBarRow(r.code, r.name, first, last))
    return rows
