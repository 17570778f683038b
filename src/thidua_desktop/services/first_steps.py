"""The first steps of a new unit (Tổng quan's guide, ``thidua next``): what the data folder
already holds and what the officer still has to do, in the order a year needs them.

Each step is done or not from the data alone: people on the roster, the upper union's plan
(a plan package, a copied year or a plan the documents can cite), a registration (the
collective's or anyone's), a mail server. A unit with every step done is shown no guide.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from thidua_desktop.services import outbox
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import (
    CollectiveRegistration,
    EmulationYear,
    IndividualRegistration,
    Person,
)

ROSTER, PLAN, REGISTRATION, MAIL = "roster", "plan", "registration", "mail"

# what each step is called, and what it asks for (the command line; the GUI has its own words)
TITLES = {
    ROSTER: "Nhập danh sách đoàn viên",
    PLAN: "Nhập kế hoạch của công đoàn cấp trên",
    REGISTRATION: "Đăng ký thi đua",
    MAIL: "Cài đặt gửi thư",
}
HOW = {
    ROSTER: "thidua members import TỆP.xlsx (hoặc trang Đoàn viên › Nhập từ Excel…)",
    PLAN: "thidua plan-package import TỆP (hoặc Năm › Nhập gói kế hoạch…)",
    REGISTRATION: "thidua registration collective … và thidua registration register … (hoặc trang Đăng ký thi đua)",
    MAIL: "thidua outbox settings … rồi thidua outbox test (hoặc Văn bản & gửi › Cài đặt gửi thư…)",
}


@dataclass(frozen=True)
class Step:
    key: str  # ROSTER | PLAN | REGISTRATION | MAIL
    done: bool
    detail: str = ""  # what was found (Vietnamese), e.g. "312 người"

    @property
    def title(self) -> str:
        return TITLES[self.key]


@dataclass(frozen=True)
class FirstSteps:
    year: int | None
    steps: tuple[Step, ...]
    people: int = 0  # on the roster today

    @property
    def all_done(self) -> bool:
        return all(s.done for s in self.steps)

    @property
    def next_step(self) -> Step | None:
        return next((s for s in self.steps if not s.done), None)

    @property
    def done_count(self) -> int:
        return sum(1 for s in self.steps if s.done)


def first_steps(db: Database, paths, year: int | None) -> FirstSteps:
    """The steps of a new unit, each done or not (read-only)."""
    with db.reading() as session:
        people = session.scalar(select(func.count()).select_from(Person).where(Person.at_work())) or 0
        record = (
            session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
            if year is not None
            else None
        )
        plan_done = record is not None and (
            record.plan_source in ("package", "copy")
            or bool(record.plan_number and record.plan_issuer and record.plan_issued_on)
        )
        collective = individuals = 0
        if record is not None:
            collective = (
                session.scalar(
                    select(func.count())
                    .select_from(CollectiveRegistration)
                    .where(CollectiveRegistration.year_id == record.id)
                )
                or 0
            )
            individuals = (
                session.scalar(
                    select(func.count(func.distinct(IndividualRegistration.person_id))).where(
                        IndividualRegistration.year_id == record.id
                    )
                )
                or 0
            )
    host = outbox.load_smtp_settings(paths).host
    plan_detail = ""
    if record is not None and plan_done:
        plan_detail = f"Kế hoạch số {record.plan_number}" if record.plan_number else "Đã có kế hoạch"
    registration_detail = ""
    if collective or individuals:
        registration_detail = f"{individuals} người đã đăng ký" + (", đã lưu đăng ký tập thể" if collective else "")
    steps = (
        Step(ROSTER, people > 0, f"{people} người trong danh sách" if people else ""),
        Step(PLAN, plan_done, plan_detail),
        Step(REGISTRATION, bool(collective and individuals), registration_detail),
        Step(MAIL, bool(host), f"Máy chủ thư {host}" if host else ""),
    )
    return FirstSteps(year, steps, people)
