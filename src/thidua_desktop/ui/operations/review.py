"""Worker-side jobs of the review panel's dialogs: days off and discipline, proposal lines by hand.

Everything here runs on the database worker and returns plain data; services are imported
inside the functions so that importing the GUI does not import SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AwardChoice:
    code: str
    name: str
    subject: str  # individual | collective
    category: str  # title | award
    own: bool  # given by the CĐCS's own Ban Chấp hành (level "own" by default)


@dataclass
class ProposalChoices:
    """What the proposal dialog offers: the year's titles and awards, the union groups, the roster."""

    year: int
    unit_name: str
    awards: list[AwardChoice] = field(default_factory=list)
    groups: list = field(default_factory=list)  # roster.GroupInfo
    people: list = field(default_factory=list)  # roster.PersonRow


def proposal_choices(db, year: int) -> ProposalChoices:
    from thidua_desktop.services import review as review_service, roster, year as year_service

    detail = year_service.get_year(db, year)
    unit = year_service.get_unit(db)
    awards = [
        AwardChoice(t.code, t.name, t.subject, t.category, t.issuer == review_service.OWN_ISSUER) for t in detail.titles
    ]
    return ProposalChoices(year, unit.name if unit else "", awards, roster.list_groups(db), roster.list_people(db))


def set_inputs(db, year: int, person_id: str, days_off: int | None, discipline: str, clear_days_off: bool):
    from thidua_desktop.services import review as review_service

    return review_service.set_inputs(
        db, year, person_id, days_off=days_off, discipline=discipline, clear_days_off=clear_days_off
    )


def record_vote(
    db,
    year: int,
    person_id: str | None,
    union_group_id: str | None,
    title_code: str,
    votes_for: int | None,
    votes_total: int | None,
    achieved: bool | None,
    note: str | None,
) -> list[str]:
    from thidua_desktop.services import review as review_service

    return review_service.record_vote(
        db, year, person_id, title_code, votes_for, votes_total, achieved, note, union_group_id=union_group_id
    )


def add_proposal(
    db,
    year: int,
    *,
    award_code: str,
    level: str,
    person_id: str | None,
    union_group_id: str | None,
    collective_name: str,
    summary: str,
):
    from thidua_desktop.services import review as review_service

    return review_service.add_proposal(
        db,
        year,
        award_code=award_code,
        level=level,
        person_id=person_id,
        union_group_id=union_group_id,
        collective_name=collective_name,
        summary=summary,
    )


def update_proposal(db, proposal_id: str, *, award_code: str, level: str, summary: str):
    from thidua_desktop.services import review as review_service

    return review_service.update_proposal(db, proposal_id, award_code=award_code, level=level, summary=summary)


def remove_proposal(db, proposal_id: str) -> str:
    from thidua_desktop.services import review as review_service

    review_service.remove_proposal(db, proposal_id)
    return proposal_id
