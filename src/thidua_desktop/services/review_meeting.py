"""The review meeting (họp bình xét): date, place, chair, secretary and attendance, as its minutes
(biên bản họp bình xét) record them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.core.review_meeting import check_meeting
from thidua_desktop.services.review_state import year_record
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import EmulationYear, ReviewMeeting, ReviewResult


@dataclass(frozen=True)
class MeetingInfo:
    year: int
    held_on: date | None
    place: str
    chair: str
    secretary: str
    attendance_total: int | None
    attendance_present: int | None
    notes: str


def meeting_of(session: Session, record: EmulationYear) -> ReviewMeeting | None:
    return session.scalars(select(ReviewMeeting).where(ReviewMeeting.year_id == record.id)).first()


def _meeting_info(record: EmulationYear, m: ReviewMeeting) -> MeetingInfo:
    return MeetingInfo(
        record.year, m.held_on, m.place, m.chair, m.secretary, m.attendance_total, m.attendance_present, m.notes
    )


def get_meeting(db: Database, year: int) -> MeetingInfo | None:
    with db.reading() as session:
        record = year_record(session, year)
        meeting = meeting_of(session, record)
        return _meeting_info(record, meeting) if meeting else None


def record_meeting(
    db: Database,
    year: int,
    held_on: date,
    place: str,
    chair: str,
    secretary: str,
    attendance_total: int,
    attendance_present: int,
    notes: str = "",
    *,
    today: date | None = None,
) -> MeetingInfo:
    """The review meeting as its minutes (biên bản họp bình xét) record it."""
    today = today or clock.today()
    problems = check_meeting(year, held_on, chair, secretary, attendance_total, attendance_present, today)
    if problems:
        raise ValidationError("\n".join(problems))
    with db.transaction(f"Ghi cuộc họp bình xét năm {year}") as session:
        record = year_record(session, year)
        most = session.scalar(select(func.max(ReviewResult.votes_total)).where(ReviewResult.year_id == record.id)) or 0
        if most > attendance_present:
            raise ValidationError(
                f"Đã ghi kết quả với tổng số {most} phiếu, nhiều hơn số người có mặt "
                f"({attendance_present}). Hãy sửa số phiếu trước."
            )
        meeting = meeting_of(session, record)
        if meeting is None:
            meeting = ReviewMeeting(year_id=record.id)
            session.add(meeting)
        meeting.held_on, meeting.place = held_on, vntext.nfc(place or "")
        meeting.chair, meeting.secretary = vntext.nfc(chair), vntext.nfc(secretary)
        meeting.attendance_total, meeting.attendance_present = attendance_total, attendance_present
        meeting.notes = (notes or "").strip()
        session.flush()
        return _meeting_info(record, meeting)
