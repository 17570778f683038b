"""Demo data: the story of ``docs/journey.md`` as a data folder (no Qt).

Công ty TNHH May Hoa Lư has 312 workers, 287 of them union members, in nine union groups
(tổ công đoàn), under LĐLĐ huyện Gia Viễn; chị Phạm Thị Hoa chairs the CĐCS. The year is
2021 under the built-in Ninh Bình plan.

:func:`build_demo` runs one function per stage (unit and year, union groups, people, …) so
that later stages (registrations, initiatives, reports) slot in as further functions.
Everything comes from ``random.Random(seed)``: the same seed gives the same folder content
(names, dates, UUIDs), apart from the wall-clock timestamps.

:func:`add_people` reuses the people generator to grow a folder (to 20,000 people for the
benchmarks). People are written with one bulk ``INSERT`` per chunk, which bypasses the
ORM ``before_flush`` hook of :mod:`thidua_desktop.store.database`, so this module fills in
what the hook would: ``id``, NFC text, ``search_key`` and ``sort_key``, and one summarising
audit entry per bulk insert.
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.core.plan import seed_template
from thidua_desktop.paths import DataPaths
from thidua_desktop.services import year as year_service
from thidua_desktop.services.dto import OfficerInfo, UnitProfile
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import AuditEntry, EmulationYear, Person, UnionGroup, Unit

Progress = Callable[[int, str], None]

DEMO_PEOPLE = 312
DEMO_SEED = 2021
DEMO_ACTION = "Tạo dữ liệu mẫu"
GROW_ACTION = "Thêm người lao động mẫu"

# Shares of the story (journey.md): 287 of 312 are members, the year admits about 25,
# a handful leave during the year (they come on top of the active workers).
MEMBER_SHARE = 287 / 312
ADMITTED_SHARE = 25 / 312
LEAVER_SHARE = 6 / 312
COMPANY_FOUNDED = date(2008, 3, 3)
INSERT_CHUNK = 2000


@dataclass(frozen=True)
class DemoSummary:
    data_dir: Path
    year: int  # the fully worked history year (2021)
    people: int  # active workers (not counting those who left)
    members: int
    women: int
    groups: int
    current_year: int = DEMO_SEED  # the year of today's date (the history year without the current cycle)
    years: tuple[int, ...] = ()


def _noop(_percent: int, _message: str) -> None:
    pass


# --- the unit -------------------------------------------------------------------------------

CHAIR = ("Phạm Thị", "Hoa")
DEPUTY = ("Trần Văn", "Nam")


VARIANT_COMPANIES = (
    "May Tràng An",
    "Giày da Tam Điệp",
    "May Kim Sơn",
    "Dệt Ninh Bình",
    "May Gia Sinh",
    "May Yên Mô",
    "Giày Nho Quan",
    "May Phát Diệm",
)


def demo_profile(unit_code: str | None = None, seed: int = DEMO_SEED) -> UnitProfile:
    """The demo unit; with ``unit_code`` another company (chosen by ``seed``) carrying that code."""
    if unit_code:
        company = f"Công ty TNHH {random.Random(f'variant:{seed}').choice(VARIANT_COMPANIES)} {unit_code}"
        profile = demo_profile()
        profile.name = f"Công đoàn cơ sở {company}"
        profile.employer_name = company
        profile.code = unit_code
        profile.email = f"congdoan.{unit_code.lower()}@example.vn"
        return profile
    return UnitProfile(
        name="Công đoàn cơ sở Công ty TNHH May Hoa Lư",
        issuer_code="CĐCS",
        upper_union="LĐLĐ huyện Gia Viễn",
        upper_union_parent="LĐLĐ tỉnh Ninh Bình",
        place_name="Gia Viễn",
        address="Cụm công nghiệp Gia Vân, huyện Gia Viễn, tỉnh Ninh Bình",
        phone="0229 3650 123",
        email="congdoan.mayhoalu@example.vn",
        upper_union_email="ldld.giavien@example.vn",
        employer_name="Công ty TNHH May Hoa Lư",
        sector="non_state",
        kind="private",  # a private company: no indicator of the state sector applies
        officers=[
            OfficerInfo(vntext.join_name(*CHAIR), "chair", "Chủ tịch CĐCS"),
            OfficerInfo(vntext.join_name(*DEPUTY), "deputy", "Phó Chủ tịch CĐCS"),
        ],
    )


# --- union groups ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupKind:
    """What a union group of a garment company looks like: size, share of women, jobs."""

    name: str
    weight: int  # people out of 312
    women: float  # probability that a worker of the group is a woman
    jobs: tuple[tuple[str, int], ...]  # (position, weight) of ordinary workers
    lead: tuple[str, ...] = ("Tổ trưởng", "Tổ phó")  # the first people of the group


OFFICE = "Khối văn phòng"
GROUP_KINDS: tuple[GroupKind, ...] = (
    GroupKind("Tổ cắt", 28, 0.50, (("Công nhân cắt", 6), ("Công nhân trải vải", 2), ("Công nhân đánh số", 1))),
    GroupKind("Tổ may 1", 48, 0.92, (("Công nhân may", 10), ("Công nhân phụ may", 1))),
    GroupKind("Tổ may 2", 48, 0.92, (("Công nhân may", 10), ("Công nhân phụ may", 1))),
    GroupKind("Tổ may 3", 46, 0.90, (("Công nhân may", 10), ("Công nhân phụ may", 1))),
    GroupKind("Tổ may 4", 44, 0.90, (("Công nhân may", 10), ("Công nhân phụ may", 1))),
    GroupKind("Tổ hoàn thiện", 36, 0.82, (("Công nhân là", 3), ("Công nhân đóng gói", 3), ("Công nhân nhặt chỉ", 2))),
    GroupKind("Tổ KCS", 22, 0.86, (("Nhân viên KCS", 1),)),
    GroupKind("Tổ cơ điện", 14, 0.07, (("Thợ sửa máy may", 3), ("Thợ điện", 2), ("Kỹ thuật viên", 2))),
    GroupKind(
        OFFICE,
        26,
        0.65,
        (
            ("Nhân viên văn phòng", 3),
            ("Kế toán", 2),
            ("Nhân viên nhân sự", 2),
            ("Nhân viên kế hoạch", 2),
            ("Thủ kho", 1),
            ("Nhân viên y tế", 1),
            ("Lái xe", 1),
            ("Bảo vệ", 1),
        ),
        ("Phó phòng Hành chính – Nhân sự", "Giám đốc", "Phó Giám đốc", "Kế toán trưởng", "Trưởng phòng Kế hoạch"),
    ),
)
# In a private company the employer's representatives are not members of the CĐCS.
NOT_MEMBER_POSITIONS = frozenset({"Giám đốc", "Phó Giám đốc"})
_DEFAULT_KIND = GroupKind("", 30, 0.75, (("Công nhân", 1),), ())


@dataclass
class _Group:
    id: uuid.UUID
    kind: GroupKind


def _kind_for(name: str) -> GroupKind:
    key = vntext.search_key(name)
    for kind in GROUP_KINDS:
        if vntext.search_key(kind.name) == key:
            return kind
    return _DEFAULT_KIND


# --- names ----------------------------------------------------------------------------------
# Weights are rough shares (%) of family names in the Red River delta; Đinh is frequent in
# Ninh Bình (Hoa Lư, Gia Viễn).

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7.5),
    ("Hoàng", 4.5),
    ("Vũ", 3.5),
    ("Võ", 0.5),
    ("Phan", 2),
    ("Đặng", 2.2),
    ("Bùi", 2.5),
    ("Đỗ", 2),
    ("Hồ", 0.8),
    ("Ngô", 1.5),
    ("Dương", 1.2),
    ("Lý", 0.4),
    ("Đinh", 3),
    ("Đào", 1.2),
    ("Mai", 0.8),
    ("Trịnh", 1),
    ("Lương", 0.6),
    ("Tạ", 0.4),
    ("Hà", 0.8),
    ("Cao", 0.6),
    ("Lưu", 0.4),
    ("Tô", 0.3),
    ("Quách", 0.3),
    ("Kiều", 0.2),
    ("Khúc", 0.1),
    ("Vương", 0.2),
    ("Huỳnh", 0.2),
    ("Triệu", 0.2),
)
FEMALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Thị", 60),
    ("Thu", 5),
    ("Ngọc", 4),
    ("Thanh", 4),
    ("Minh", 3),
    ("Hồng", 3),
    ("Phương", 2),
    ("Thùy", 2),
    ("Kim", 2),
    ("Bích", 1.5),
    ("Diệu", 1),
    ("Mai", 1.5),
    ("Khánh", 1),
    ("Hải", 1),
    ("Quỳnh", 1),
    ("Thúy", 1),
    ("Lệ", 1),
    ("Hoài", 1),
    ("Ánh", 0.5),
    ("Tuyết", 0.5),
    ("Thị Thu", 2),
    ("Thị Thanh", 1),
    ("Thị Kim", 1),
    ("Thị Hồng", 1),
    ("Thị Minh", 1),
    ("Mỹ", 0.5),
)
MALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Văn", 45),
    ("Đức", 8),
    ("Minh", 6),
    ("Quang", 5),
    ("Hữu", 4),
    ("Xuân", 4),
    ("Thanh", 3),
    ("Ngọc", 3),
    ("Mạnh", 2),
    ("Công", 3),
    ("Trọng", 2),
    ("Tiến", 2),
    ("Duy", 2),
    ("Hoàng", 2),
    ("Việt", 2),
    ("Đình", 3),
    ("Bá", 1),
    ("Khắc", 1),
    ("Thế", 2),
    ("Anh", 1),
    ("Quốc", 2),
    ("Văn Minh", 0.5),
)
FEMALE_GIVEN: tuple[tuple[str, float], ...] = (
    ("Hoa", 3),
    ("Hương", 5),
    ("Lan", 3),
    ("Hằng", 4),
    ("Huyền", 4),
    ("Thảo", 4),
    ("Trang", 5),
    ("Linh", 5),
    ("Nga", 3),
    ("Hà", 4),
    ("Hạnh", 3),
    ("Loan", 2),
    ("Liên", 2),
    ("Dung", 3),
    ("Nhung", 3),
    ("Mai", 3),
    ("Yến", 3),
    ("Thủy", 3),
    ("Thúy", 3),
    ("Oanh", 2),
    ("Phượng", 2),
    ("Vân", 2),
    ("Ngọc", 2),
    ("Anh", 4),
    ("Ánh", 2),
    ("Chi", 2),
    ("Giang", 3),
    ("Hiền", 3),
    ("Hồng", 3),
    ("Lụa", 1),
    ("Lý", 1),
    ("My", 1),
    ("Nguyệt", 2),
    ("Nhàn", 2),
    ("Quyên", 1),
    ("Quỳnh", 2),
    ("Sen", 1),
    ("Tâm", 2),
    ("Thắm", 2),
    ("Thơm", 1),
    ("Thư", 2),
    ("Tuyết", 2),
    ("Uyên", 1),
    ("Xuân", 2),
    ("Ngân", 2),
    ("Diệp", 1),
    ("Huệ", 2),
    ("Đào", 1),
    ("Duyên", 2),
    ("Gấm", 1),
    ("Hậu", 1),
    ("Khuyên", 1),
    ("Lài", 1),
    ("Mận", 1),
    ("Nụ", 1),
    ("Phương", 3),
    ("Thoa", 1),
    ("Thơ", 1),
    ("Trinh", 1),
    ("Vui", 1),
    ("Mỹ", 1),
    ("Diễm", 1),
    ("Nhã", 1),
    ("Ơn", 0.3),
    ("Ưng", 0.2),
    ("Ân", 0.5),
    ("Ấn", 0.2),
    ("Ẩn", 0.1),
)
MALE_GIVEN: tuple[tuple[str, float], ...] = (
    ("Tuấn", 5),
    ("Hùng", 4),
    ("Dũng", 4),
    ("Cường", 3),
    ("Nam", 4),
    ("Hải", 3),
    ("Long", 3),
    ("Thắng", 3),
    ("Sơn", 3),
    ("Trung", 3),
    ("Đức", 3),
    ("Minh", 4),
    ("Quân", 3),
    ("Huy", 3),
    ("Khánh", 2),
    ("Tùng", 2),
    ("Phong", 2),
    ("Bình", 2),
    ("Thành", 3),
    ("Tú", 2),
    ("Hiếu", 2),
    ("Việt", 2),
    ("Đạt", 3),
    ("Toàn", 2),
    ("Lực", 1),
    ("Mạnh", 2),
    ("Kiên", 2),
    ("Phúc", 2),
    ("Vũ", 1),
    ("Hưng", 2),
    ("Quý", 1),
    ("Tiến", 2),
    ("Đông", 1),
    ("Ân", 1),
    ("Hoàng", 2),
    ("Chiến", 2),
    ("Công", 1),
    ("Định", 1),
    ("Giang", 1),
    ("Hậu", 1),
    ("Khải", 1),
    ("Lâm", 2),
    ("Lợi", 1),
    ("Nghĩa", 2),
    ("Nhật", 1),
    ("Quang", 2),
    ("Tài", 1),
    ("Thịnh", 1),
    ("Trường", 2),
    ("Vinh", 2),
    ("Ước", 0.3),
    ("Ẩn", 0.1),
    ("Ổn", 0.2),
)


class _Picker:
    """Weighted choice with precomputed cumulative weights (fast for 20,000 draws)."""

    def __init__(self, items: Sequence[tuple[str, float]]) -> None:
        self.values = [vntext.nfc(v) for v, _ in items]
        total = 0.0
        self.cum: list[float] = []
        for _, w in items:
            total += w
            self.cum.append(total)

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cum)[0]


_FAMILY = _Picker(FAMILY_NAMES)
_MIDDLE = {"F": _Picker(FEMALE_MIDDLE), "M": _Picker(MALE_MIDDLE)}
_GIVEN = {"F": _Picker(FEMALE_GIVEN), "M": _Picker(MALE_GIVEN)}


def random_name(rng: random.Random, gender: str) -> tuple[str, str]:
    """(họ đệm, tên) of a person of ``gender`` ("F" or "M")."""
    return f"{_FAMILY(rng)} {_MIDDLE[gender](rng)}", _GIVEN[gender](rng)


# --- dates ----------------------------------------------------------------------------------


def _day_between(rng: random.Random, lo: date, hi: date, skew: float = 1.0) -> date:
    """A date in [lo, hi]; ``skew`` > 1 leans towards ``hi`` (more recent)."""
    if hi <= lo:
        return lo
    span = (hi - lo).days
    fraction = rng.random() ** (1.0 / skew)
    return lo + timedelta(days=min(span, int(fraction * (span + 1))))


def _birth(rng: random.Random, year: int, employed: date) -> date:
    """Aged 19–55 during ``year`` and at least 18 when hired; garment workers are young."""
    lo = year - 55
    hi = min(year - 19, employed.year - 18)
    born_year = round(rng.triangular(lo, hi, min(hi, year - 31)))
    return _day_between(rng, date(born_year, 1, 1), date(born_year, 12, 31))


# --- people ---------------------------------------------------------------------------------


@dataclass
class _Slot:
    group: _Group | None
    position: str
    women: float
    leader: bool = False
    fixed: tuple[str, str, str] | None = None  # (họ đệm, tên, giới tính)


def _allocate(count: int, weights: Sequence[int]) -> list[int]:
    """Split ``count`` in proportion to ``weights`` (largest remainder, deterministic)."""
    total = sum(weights) or 1
    exact = [count * w / total for w in weights]
    sizes = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - sizes[i]), i))
    for i in order[: count - sum(sizes)]:
        sizes[i] += 1
    return sizes


def _slots(
    rng: random.Random,
    count: int,
    groups: Sequence[_Group],
    *,
    with_leads: bool,
    fixed: Sequence[tuple[str, str, str, str, str]] = (),
) -> list[_Slot]:
    """Where each person works: group and position. ``fixed``: (group, position, họ đệm, tên, giới tính)."""
    if not groups:
        job = _Picker(_DEFAULT_KIND.jobs)
        return [_Slot(None, job(rng), _DEFAULT_KIND.women) for _ in range(count)]
    slots: list[_Slot] = []
    for group, size in zip(groups, _allocate(count, [g.kind.weight for g in groups]), strict=True):
        kind = group.kind
        job = _Picker(kind.jobs)
        pinned = [f for f in fixed if f[0] == kind.name]
        leads = list(kind.lead) if with_leads else []
        for i in range(size):
            if i < len(pinned):
                _, position, family_middle, given, gender = pinned[i]
                if position in leads:
                    leads.remove(position)
                slot = _Slot(group, position, kind.women, fixed=(family_middle, given, gender))
            elif leads and (len(leads) == len(kind.lead) or size >= 20):
                slot = _Slot(group, leads.pop(0), kind.women)
            else:
                slot = _Slot(group, job(rng), kind.women)
            slot.leader = with_leads and i == 0
            slots.append(slot)
    return slots


def _people_rows(
    rng: random.Random, slots: Sequence[_Slot], *, unit_id: uuid.UUID, year: int, leavers: int, stamp: datetime
) -> list[dict]:
    """One dict per person, ready for ``insert(Person)``: the active ``slots`` then ``leavers``."""
    count = len(slots)
    # Who is a member, who was admitted during the year: decided for the whole set so that
    # the shares are exact (287 of 312, 25 admitted), not just expected.
    n_members = round(count * MEMBER_SHARE)
    forced_out = [i for i, s in enumerate(slots) if s.position in NOT_MEMBER_POSITIONS]
    keep_in = {i for i, s in enumerate(slots) if s.leader or s.fixed}
    free = [i for i in range(count) if i not in keep_in and i not in forced_out]
    n_out = max(0, count - n_members - len(forced_out))
    outsiders = set(forced_out) | set(rng.sample(free, min(n_out, len(free))))
    members = [i for i in range(count) if i not in outsiders]
    candidates = [i for i in members if i not in keep_in]
    admitted = set(rng.sample(candidates, min(round(count * ADMITTED_SHARE), len(candidates))))

    first_day, last_day = date(year, 1, 1), date(year, 12, 31)
    founded = min(COMPANY_FOUNDED, date(year - 1, 1, 1))
    rows: list[dict] = []

    def row(slot: _Slot, *, member: bool, joined: date | None, employed: date, left: date | None) -> dict:
        if slot.fixed:
            family_middle, given, gender = slot.fixed
        else:
            gender = "F" if rng.random() < slot.women else "M"
            family_middle, given = random_name(rng, gender)
        family_middle, given = vntext.nfc(family_middle), vntext.nfc(given)
        born = _birth(rng, year, employed)
        year_only = rng.random() < 0.03  # old paper records: only the year of birth
        return {
            "id": uuid.UUID(int=rng.getrandbits(128), version=4),
            "created_at": stamp,
            "updated_at": stamp,
            "unit_id": unit_id,
            "family_middle": family_middle,
            "given_name": given,
            "birth_date": None if year_only else born,
            "birth_year": born.year,
            "gender": gender,
            "position": vntext.nfc(slot.position),
            "union_group_id": slot.group.id if slot.group else None,
            "is_member": member,
            "joined_union_on": joined,
            "employed_since": employed,
            "left_on": left,
            "note": "",
            "search_key": vntext.search_key(vntext.join_name(family_middle, given)),
            "sort_key": vntext.person_sort_key(family_middle, given),
        }

    for i, slot in enumerate(slots):
        if i in admitted:  # joined the union during the year (the "kết nạp" indicator)
            if rng.random() < 0.6:  # hired this year, admitted after probation
                employed = _day_between(rng, date(year, 1, 4), date(year, 9, 30))
                joined = _day_between(
                    rng, employed + timedelta(days=30), min(employed + timedelta(days=90), date(year, 12, 20))
                )
            else:  # long-time worker who finally joined
                employed = _day_between(rng, founded, date(year - 1, 12, 15), skew=2.0)
                joined = _day_between(rng, date(year, 1, 15), date(year, 12, 20))
            rows.append(row(slot, member=True, joined=joined, employed=employed, left=None))
        elif i in outsiders:
            if slot.fixed is None and slot.position not in NOT_MEMBER_POSITIONS and rng.random() < 0.5:
                employed = _day_between(rng, date(year, 1, 4), date(year, 12, 15))  # still on probation
            else:
                employed = _day_between(rng, founded, date(year - 1, 12, 15), skew=1.6)
            rows.append(row(slot, member=False, joined=None, employed=employed, left=None))
        else:  # member since before the year
            employed = _day_between(rng, founded, date(year - 1, 10, 31), skew=1.6)
            joined = _day_between(
                rng, employed + timedelta(days=30), min(employed + timedelta(days=240), date(year - 1, 12, 31))
            )
            rows.append(row(slot, member=True, joined=joined, employed=employed, left=None))

    active_slots = [s for s in slots if s.fixed is None and not s.leader and s.position not in NOT_MEMBER_POSITIONS]
    for _ in range(leavers):
        base = rng.choice(active_slots) if active_slots else _Slot(None, "Công nhân", 0.75)
        slot = _Slot(base.group, base.position, base.women)
        employed = _day_between(rng, founded, date(year - 1, 6, 30), skew=1.6)
        member = rng.random() < 0.85
        joined = _day_between(rng, employed + timedelta(days=30), employed + timedelta(days=200)) if member else None
        left = _day_between(
            rng,
            max(first_day + timedelta(days=14), (joined or employed) + timedelta(days=1)),
            last_day - timedelta(days=10),
        )
        rows.append(row(slot, member=member, joined=joined, employed=employed, left=left))
    return rows


def _insert_people(
    session: Session, rows: Sequence[dict], progress: Progress, start: int, stop: int, message: str
) -> None:
    """Bulk insert in chunks, plus one audit entry for the lot (the hook does not see these rows)."""
    for done in range(0, len(rows), INSERT_CHUNK):
        session.execute(insert(Person), list(rows[done : done + INSERT_CHUNK]))
        reached = min(len(rows), done + INSERT_CHUNK)
        progress(start + (stop - start) * reached // max(1, len(rows)), f"{message} ({reached}/{len(rows)})")
    session.add(
        AuditEntry(
            actor=session.info.get("actor", ""),
            action=session.info.get("action", ""),
            entity="person",
            entity_id="bulk",
            operation="insert",
            changes={"count": len(rows)},
        )
    )


# --- stages of build_demo -------------------------------------------------------------------


def _refuse_if_unit(database: Path) -> None:
    """Never build over real data: any unit in the file (or a file we cannot read) stops us."""
    if not database.exists() or database.stat().st_size == 0:
        return
    message = (
        f"Thư mục dữ liệu {database.parent} đã có dữ liệu của một đơn vị. "
        "Không tạo dữ liệu mẫu đè lên dữ liệu thật; hãy chọn một thư mục trống."
    )
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='unit'").fetchone()
            has_unit = bool(has_table) and conn.execute("SELECT 1 FROM unit LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ValidationError(f"Không đọc được tệp {database}; không tạo dữ liệu mẫu vào thư mục này ({exc}).") from exc
    if has_unit:
        raise ValidationError(message)


def _stage_unit_and_year(db: Database, unit_code: str | None = None, seed: int = DEMO_SEED) -> int:
    summary = year_service.set_up(db, demo_profile(unit_code, seed), seed_template())
    return summary.year


def _stage_groups(session: Session, rng: random.Random, unit_id: uuid.UUID) -> list[_Group]:
    groups = [_Group(uuid.UUID(int=rng.getrandbits(128), version=4), kind) for kind in GROUP_KINDS]
    for ordinal, group in enumerate(groups):
        session.add(UnionGroup(id=group.id, unit_id=unit_id, name=vntext.nfc(group.kind.name), ordinal=ordinal))
    session.flush()
    return groups


def _stage_people(
    session: Session,
    rng: random.Random,
    unit_id: uuid.UUID,
    groups: list[_Group],
    *,
    people: int,
    year: int,
    progress: Progress,
) -> list[dict]:
    fixed = [
        (OFFICE, "Phó phòng Hành chính – Nhân sự", *CHAIR, "F"),
        ("Tổ cơ điện", "Tổ trưởng", *DEPUTY, "M"),
    ]
    slots = _slots(rng, people, groups, with_leads=True, fixed=fixed)
    rows = _people_rows(
        rng, slots, unit_id=unit_id, year=year, leavers=round(people * LEAVER_SHARE), stamp=datetime.now(timezone.utc)
    )
    # The first member of each group (its Tổ trưởng) leads the union group.
    leaders: dict[uuid.UUID, str] = {}
    for slot, data in zip(slots, rows, strict=False):
        if slot.leader and slot.group is not None:
            leaders[slot.group.id] = vntext.join_name(data["family_middle"], data["given_name"])
    for record in session.scalars(select(UnionGroup).where(UnionGroup.unit_id == unit_id)):
        record.leader_name = leaders.get(record.id, record.leader_name)
    session.flush()
    _insert_people(session, rows, progress, 30, 95, "Đang tạo danh sách người lao động")
    return rows


DEMO_INITIATIVES = (
    "Cải tiến gá may túi",
    "Cữ gấp nẹp áo tự động",
    "Sắp xếp lại chuyền may, bỏ thao tác thừa",
    "Bàn là hơi tiết kiệm điện",
    "Hút bụi vải tại bàn cắt",
    "Bảng theo dõi năng suất chuyền may",
    "Gá may cạp quần",
    "Quy trình kiểm hàng KCS hai bước",
    "Tận dụng vải đầu tấm làm phụ liệu",
    "Đèn LED cho khu vực may",
    "Cữ dập khuy chống lệch",
    "Bảng Kanban cho tổ hoàn thiện",
)


GROUP_TITLE = "TO_CD_VM"  # Tổ công đoàn vững mạnh: registered by the collective for every union group


# The 2021 plan's movements a CĐCS of a private company joins: the Tổng Liên đoàn's for workers
# and union officers, and "Học tập và làm theo Bác". Not "Tham mưu giỏi, phục vụ tốt" nor "Cán
# bộ, công chức, viên chức nói không với tiêu cực" (campaigns of the state's offices), nor the
# Prime Minister's for rural communes, the civil service or administrative reform.
PRIVATE_COMPANY_MOVEMENTS = ("LDG_LDST", "GVN_DVN", "XSD_ATVSLD", "DMST_CD", "HCM")
STATE_SECTOR_MOVEMENTS = ("TMG_PVT", "CVD_NKTC", "NTM", "VHCS", "CCHC")


def _stage_registration(db: Database, rng: random.Random, demo_year: int) -> None:
    """The registration chị Hoa makes by 20/2 (journey step 3), through the same services as the GUI."""
    from thidua_desktop.services import registration, year as year_service

    detail = year_service.get_year(db, demo_year)
    info = registration.get_collective(db, demo_year)
    # the movements a private garment company takes part in (not the state sector's campaigns)
    info.movement_codes = [m.code for m in detail.movements if m.code in PRIVATE_COMPANY_MOVEMENTS]
    # the CĐCS's own title and the union groups' (each group is reviewed for it at the year's end)
    info.title_codes = ["CDCS_VM", *([GROUP_TITLE] if GROUP_TITLE in {t.code for t in detail.titles} else [])]
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    info.commitments = (
        "100% đoàn viên, người lao động đăng ký thi đua; không để xảy ra tai nạn lao động "
        "nghiêm trọng; mỗi tổ công đoàn có ít nhất một sáng kiến được công nhận."
    )
    info.registered_on = date(demo_year, 2, 18)
    planned = {
        "members_admitted": 25,
        "initiatives_recognised": 12,
        "ldst_authors": 1,
        "members_introduced_to_party": 3,
    }
    for figure in info.figures:
        if figure.indicator.computed_from in planned:
            figure.value = Decimal(planned[figure.indicator.computed_from])
        figure.is_default = False
    registration.save_collective(db, info)
    registration.register(db, demo_year, "LDTT", everyone=True, members_only=True)
    # no one registers before being hired or after leaving: the others are chosen among the registered
    rows = [r for r in registration.list_individuals(db, demo_year) if r.title_codes]
    leads = [r for r in rows if r.is_member and ("Tổ trưởng" in r.position or "Kỹ thuật" in r.position)]
    others = [r for r in rows if r.is_member and r not in leads]
    chosen = (leads + rng.sample(others, max(0, 14 - len(leads))))[:14]
    for i, row in enumerate(chosen):
        initiative = DEMO_INITIATIVES[i] if i < 12 else None  # two still without one: the app warns
        registration.register(db, demo_year, "CSTDCS", person_ids=[row.person_id], planned_initiative=initiative)
    women = [r.person_id for r in rows if r.is_member and r.gender == "F"]
    registration.register(db, demo_year, "GVN_DVN", person_ids=women)
    excellent = rng.sample([r for r in rows if r.is_member], 20)
    registration.register(db, demo_year, "DVCD_XS", person_ids=[r.person_id for r in excellent])


# The initiatives register of 2021 (journey step 4), plus the two earlier years that make the
# author of "Cải tiến gá may túi" a Bằng Lao động sáng tạo candidate over three years.
# (title, field, status, level, benefit in million VND, first applied, decision key, co-author, tagged, extra)
COUNCIL = "Hội đồng sáng kiến Công ty TNHH May Hoa Lư"
DECISIONS = {  # key → (number, date, issuer)
    "co_so_5": ("05/QĐ-HL", date(2021, 5, 20), COUNCIL),
    "co_so_11": ("18/QĐ-HL", date(2021, 11, 25), COUNCIL),
    "nganh": ("215/QĐ-SCT", date(2021, 10, 28), "Sở Công Thương tỉnh Ninh Bình"),
    "tinh": ("2368/QĐ-UBND", date(2021, 12, 10), "Ủy ban nhân dân tỉnh Ninh Bình"),
    "2019": ("07/QĐ-HL", date(2019, 6, 12), COUNCIL),
    "2020": ("11/QĐ-HL", date(2020, 11, 20), COUNCIL),
}
PROGRAMME = "Chương trình 1 triệu sáng kiến"
FIELD_SEWING, FIELD_CUTTING, FIELD_FINISHING = "Công nghệ may", "Cắt", "Hoàn thiện, đóng gói"
FIELD_MANAGEMENT, FIELD_ENERGY, FIELD_QUALITY, FIELD_SAFETY = (
    "Quản lý sản xuất",
    "Cơ điện, tiết kiệm năng lượng",
    "Kiểm tra chất lượng (KCS)",
    "An toàn, vệ sinh lao động",
)
REFUSALS = {
    "Bảng theo dõi năng suất chuyền may": "Chưa có tính mới: công ty đã dùng bảng theo dõi tương tự từ năm 2019.",
    "Bảng Kanban cho tổ hoàn thiện": "Chưa chứng minh được giá trị làm lợi; đề nghị áp dụng thêm một quý rồi "
    "đăng ký lại.",
    "Giảm thời gian thay chỉ máy may hai kim": 'Trùng nội dung với sáng kiến "Cải tiến gá may túi" đã được công nhận.',
}
# Registered CSTĐCS authors' initiatives (DEMO_INITIATIVES, in that order), then the others.
_PLANNED_SPECS = (
    (FIELD_SEWING, "recognised", "co_so_5", 84, date(2021, 3, 15), "mechanic", True),
    (FIELD_SEWING, "recognised", "co_so_5", 36, date(2021, 2, 22), None, True),
    (FIELD_MANAGEMENT, "recognised", "tinh", 150, date(2021, 4, 5), None, True),
    (FIELD_ENERGY, "recognised", "nganh", 48, date(2021, 3, 1), "mechanic", False),
    (FIELD_SAFETY, "applying", None, 12, date(2021, 9, 6), None, True),
    (FIELD_MANAGEMENT, "refused", None, 8, date(2021, 3, 10), None, False),
    (FIELD_SEWING, "recognised", "co_so_11", 27, date(2021, 7, 12), None, True),
    (FIELD_QUALITY, "recognised", "co_so_5", 22, date(2021, 1, 18), None, False),
    (FIELD_CUTTING, "recognised", "nganh", 62, date(2021, 4, 19), "same_group", True),
    (FIELD_ENERGY, "applying", None, 18, date(2021, 8, 2), "outside", False),
    (FIELD_SEWING, "registered", None, None, None, None, False),
    (FIELD_FINISHING, "refused", None, 6, date(2021, 6, 7), None, False),
)
_OTHER_SPECS = (
    (
        "Mỗi tổ một sáng kiến an toàn: che chắn puly máy may",
        FIELD_SAFETY,
        "recognised",
        "co_so_11",
        None,
        date(2021, 6, 21),
        "Tổ may 3",
        None,
        True,
    ),
    (
        "Máy cắt vòng thay dao cắt tay cho hàng mẫu",
        FIELD_CUTTING,
        "recognised",
        "co_so_5",
        31,
        date(2021, 2, 1),
        "Tổ cắt",
        None,
        False,
    ),
    (
        "Sơ đồ giác mẫu tiết kiệm vải trên phần mềm",
        FIELD_MANAGEMENT,
        "recognised",
        "tinh",
        120,
        date(2021, 3, 22),
        "Trưởng phòng Kế hoạch",
        None,
        False,
    ),
    (
        "Tái sử dụng thùng carton đóng gói",
        FIELD_FINISHING,
        "applying",
        None,
        9.6,
        date(2021, 10, 4),
        "Tổ hoàn thiện",
        None,
        True,
    ),
    (
        "Hướng dẫn thao tác chuẩn bằng video cho công nhân mới",
        FIELD_MANAGEMENT,
        "registered",
        None,
        None,
        None,
        "Tổ may 2",
        None,
        True,
    ),
    ("Sổ tay an toàn điện cho tổ cơ điện", FIELD_SAFETY, "registered", None, None, None, "Tổ cơ điện", None, False),
    (
        "Giảm thời gian thay chỉ máy may hai kim",
        FIELD_SEWING,
        "refused",
        None,
        5,
        date(2021, 5, 3),
        "Tổ may 4",
        None,
        False,
    ),
    (
        "Khay đựng bán thành phẩm di động",
        FIELD_SEWING,
        "recognised",
        "co_so_11",
        15,
        date(2021, 8, 16),
        "Tổ may 1",
        "same_group",
        True,
    ),
    (
        "Nhắc bảo dưỡng máy may theo giờ chạy",
        FIELD_ENERGY,
        "applying",
        None,
        25,
        date(2021, 11, 1),
        "Tổ cơ điện",
        None,
        False,
    ),
    ("Sắp xếp kho phụ liệu theo mã màu", FIELD_MANAGEMENT, "registered", None, None, None, "Thủ kho", None, False),
    (
        "Kiểm tra đường may bằng dưỡng đo",
        FIELD_QUALITY,
        "recognised",
        "co_so_11",
        14,
        date(2021, 7, 5),
        "Tổ KCS",
        None,
        True,
    ),
)
_SOCIAL = {
    FIELD_SEWING: "Giảm thao tác thừa, công nhân đỡ mỏi tay; đường may đều, ít hàng phải sửa.",
    FIELD_CUTTING: "Giảm bụi vải và nguy cơ đứt tay ở bàn cắt.",
    FIELD_FINISHING: "Khu vực hoàn thiện gọn gàng, giảm rác thải.",
    FIELD_MANAGEMENT: "Công nhân nắm rõ kế hoạch, giảm làm thêm giờ.",
    FIELD_ENERGY: "Tiết kiệm điện, giảm sự cố máy dừng chuyền.",
    FIELD_QUALITY: "Giảm hàng lỗi bị khách hàng trả lại.",
    FIELD_SAFETY: "Không để xảy ra tai nạn lao động; người lao động yên tâm làm việc.",
}
OUTSIDE_AUTHOR = ("Vũ Đức Thịnh", "Công ty TNHH Điện lạnh Tam Điệp")


def _applied_while_employed(
    applied: date | None, authors: Sequence, year: int, latest: date | None = None
) -> date | None:
    """``applied`` moved, when needed, into the time every author worked at the company: a month
    after the last one was hired, a week before the first one left, before ``latest`` (the decision
    recognising it) and within ``year``; ``None`` (not applied yet) when no such day exists.
    ``authors``: (employed_since, left_on) each."""
    if applied is None or not authors:
        return applied
    lo = max((since for since, _left in authors if since), default=None)
    hi = min([left for _since, left in authors if left] + [d for d in (latest, date(year, 12, 31)) if d])
    if lo is not None and applied < lo:
        applied = lo + timedelta(days=30)
    if applied > hi:
        applied = hi - timedelta(days=7)
    if lo is not None and applied < lo:
        applied = lo
    if applied > hi or applied.year != year:
        return None
    return applied


def _stage_initiatives(db: Database, rng: random.Random, demo_year: int) -> None:
    """About two dozen initiatives of the year through the services (one transaction), then the links."""
    from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
    from thidua_desktop.services import initiatives, initiatives_io, registration

    roster = initiatives_io.load_roster(db)
    everyone = [p for people in roster.by_key.values() for p in people]
    everyone.sort(key=lambda p: p.id)  # a stable order for the generator
    rows = registration.list_individuals(db, demo_year)
    planned = {r.planned_initiative: r.person_id for r in rows if "CSTDCS" in r.title_codes and r.planned_initiative}
    registered = {r.person_id for r in rows if "CSTDCS" in r.title_codes}
    members = {r.person_id for r in rows if r.is_member}
    pool = [p for p in everyone if p.left_on is None and p.id in members and p.id not in registered]
    by_id = {p.id: p for p in everyone}
    with db.reading() as session:  # (employed_since, left_on) of everyone: no initiative applied outside them
        spans = {
            pid.hex: (since, left)
            for pid, since, left in session.execute(select(Person.id, Person.employed_since, Person.left_on))
        }

    def take(where):
        found = [p for p in pool if where(p)] or pool
        person = rng.choice(found)
        pool.remove(person)
        return person

    def in_group(name: str):
        return lambda p: p.group_name == name

    def mechanic(p) -> bool:
        return p.group_name == "Tổ cơ điện" and "Tổ trưởng" not in p.position

    def author(person, share) -> AuthorDraft:
        return AuthorDraft(Decimal(share), person_id=person.id, person_name=person.full_name, category=person.category)

    def draft(title, field, status, decision, benefit, applied, authors, tagged, year=demo_year) -> InitiativeDraft:
        number, when, issuer = DECISIONS[decision] if decision else ("", None, "")
        latest = when if status == "recognised" else None
        applied = _applied_while_employed(applied, [spans[a.person_id] for a in authors if a.person_id], year, latest)
        level = None if decision is None else ("co_so" if decision.startswith(("co_so", "20")) else decision)
        phase = None if year != demo_year else (1 if (applied or date(year, 2, 1)) <= date(year, 6, 30) else 2)
        return InitiativeDraft(
            title=title,
            year=year,
            phase_number=phase,
            field=field,
            authors=authors,
            investor="Công ty TNHH May Hoa Lư" if benefit and benefit >= 40 else "",
            first_applied_on=applied,
            trial=status == "applying" and rng.random() < 0.4,
            description=f"Giải pháp do người lao động đề xuất ({field}); chi tiết trong đơn đề nghị công nhận "
            "sáng kiến kèm theo.",
            conditions="Áp dụng được cho các chuyền may cùng loại sản phẩm." if applied else "",
            economic_benefit=None if benefit is None else Decimal(round(benefit * 1_000_000)),
            social_benefit=_SOCIAL[field],
            status=status,
            refusal_reason=REFUSALS.get(title, ""),
            recognition_level=level if status == "recognised" else None,
            decision_number=number if status == "recognised" else "",
            decision_date=when if status == "recognised" else None,
            decision_issuer=issuer if status == "recognised" else "",
            tags=[PROGRAMME] if tagged else [],
        )

    drafts: list[InitiativeDraft] = []
    links: list[tuple[str, int]] = []  # (person id, index in drafts)
    first_author = None
    for title, spec in zip(DEMO_INITIATIVES, _PLANNED_SPECS, strict=True):
        field, status, decision, benefit, applied, co, tagged = spec
        person_id = planned.get(title)
        if person_id is None:
            continue
        owner = by_id[person_id]
        if co == "mechanic":
            authors = [author(owner, 60), author(take(mechanic), 40)]
        elif co == "same_group":
            authors = [author(owner, 50), author(take(in_group(owner.group_name)), 50)]
        elif co == "outside":
            authors = [
                author(owner, 70),
                AuthorDraft(Decimal(30), outside_name=OUTSIDE_AUTHOR[0], outside_workplace=OUTSIDE_AUTHOR[1]),
            ]
        else:
            authors = [author(owner, 100)]
        if title == DEMO_INITIATIVES[0]:
            first_author = owner
        links.append((person_id, len(drafts)))
        drafts.append(draft(title, field, status, decision, benefit, applied, authors, tagged))
    for title, field, status, decision, benefit, applied, where, co, tagged in _OTHER_SPECS:
        owner = take(in_group(where) if where.startswith(("Tổ", "Khối")) else (lambda p, w=where: p.position == w))
        authors = [author(owner, 100)]
        if co == "same_group":
            authors = [author(owner, 50), author(take(in_group(owner.group_name)), 50)]
        drafts.append(draft(title, field, status, decision, benefit, applied, authors, tagged))
    if first_author is not None:  # the three years that make "Cải tiến gá may túi"'s author a candidate
        drafts.append(
            draft(
                "Gá may nắp túi hộp",
                FIELD_SEWING,
                "recognised",
                "2019",
                45,
                date(2019, 4, 8),
                [author(first_author, 100)],
                False,
                year=demo_year - 2,
            )
        )
        drafts.append(
            draft(
                "Cữ may viền cổ áo",
                FIELD_SEWING,
                "recognised",
                "2020",
                30,
                date(2020, 8, 3),
                [author(first_author, 100)],
                True,
                year=demo_year - 1,
            )
        )
    drafts.append(
        draft(
            "Quy trình vệ sinh máy may cuối ca",
            FIELD_SAFETY,
            "recognised",
            "2020",
            12,
            date(2020, 7, 6),
            [author(take(mechanic), 100)],
            False,
            year=demo_year - 1,
        )
    )

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    with db.transaction(DEMO_ACTION) as session:
        records = initiatives.save_many(session, drafts, new_id=new_id)
        ids = [r.id.hex for r in records]
    for person_id, index in links:  # the CSTĐCS registrations point at their initiatives
        initiatives.link_registration(db, demo_year, person_id, ids[index])


def build_demo(
    paths: DataPaths,
    *,
    people: int = DEMO_PEOPLE,
    seed: int = DEMO_SEED,
    progress: Progress | None = None,
    unit_code: str | None = None,
    current_cycle: bool = True,
    today: date | None = None,
) -> DemoSummary:
    """Fill an empty data folder with the demo union; refuses a folder that holds a unit.

    The union's fully worked 2021 year is its history; with ``current_cycle`` (the default) it
    also runs last year (complete) and this year as far as ``today`` (default: ``clock.today()``,
    which follows ``THIDUA_TODAY``) — see :mod:`thidua_desktop.services.demo_current`.
    ``unit_code`` (with ``seed``) makes another unit: another company name carrying that code,
    other people and other figures (the upper level's test data).

    The demo is built in a folder of its own beside ``paths.root`` and moved in whole at the end,
    the database file last: a build that is killed leaves the target as it was (the half-built
    folder is removed by the next build), never a half-built demo that can be neither rebuilt
    nor told apart."""
    if people < 20:
        raise ValidationError("Dữ liệu mẫu cần ít nhất 20 người lao động.")
    _refuse_if_unit(paths.database)
    paths.ensure()
    _remove_unfinished_builds(paths)
    staging = DataPaths(paths.root.parent / f".{paths.root.name}{_STAGING}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    staging.ensure()
    try:
        summary = _build_in(
            staging,
            people=people,
            seed=seed,
            progress=progress or _noop,
            unit_code=unit_code,
            current_cycle=current_cycle,
            today=today,
        )
        _refuse_if_unit(paths.database)  # a racing writer could have set up a unit meanwhile
        _move_in(staging, paths)
    finally:
        shutil.rmtree(staging.root, ignore_errors=True)
    return dataclasses.replace(summary, data_dir=paths.root)


_STAGING = ".dang-tao-mau-"


def _remove_unfinished_builds(paths: DataPaths) -> None:
    """Half-built demo folders left beside ``paths.root`` by a killed build (not by a running one)."""
    from thidua_desktop.store.files import pid_alive

    prefix = f".{paths.root.name}{_STAGING}"
    for folder in paths.root.parent.glob(prefix + "*"):
        pid_text = folder.name[len(prefix) :].split("-", 1)[0]
        if folder.is_dir() and (not pid_text.isdigit() or not pid_alive(int(pid_text))):
            shutil.rmtree(folder, ignore_errors=True)


def _move_in(staging: DataPaths, paths: DataPaths) -> None:
    """Everything the build made, then the database file last (checkpointed into one file)."""
    from thidua_desktop.store.files import fsync_dir, fsync_file

    conn = sqlite3.connect(staging.database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for sidecar in ("-wal", "-shm", "-journal"):
        Path(f"{staging.database}{sidecar}").unlink(missing_ok=True)

    def merge(source: Path, target: Path) -> None:
        for item in source.iterdir():
            if item == staging.database:
                continue
            destination = target / item.name
            if item.is_dir():
                destination.mkdir(exist_ok=True)
                merge(item, destination)
            else:
                os.replace(item, destination)

    merge(staging.root, paths.root)
    fsync_file(staging.database)
    for sidecar in ("-wal", "-shm", "-journal"):  # an empty database the program opened earlier
        Path(f"{paths.database}{sidecar}").unlink(missing_ok=True)
    os.replace(staging.database, paths.database)
    fsync_dir(paths.root)


def _build_in(
    paths: DataPaths,
    *,
    people: int,
    seed: int,
    progress: Progress,
    unit_code: str | None,
    current_cycle: bool,
    today: date | None,
) -> DemoSummary:
    report = progress
    rng = random.Random(seed)
    report(0, "Đang mở thư mục dữ liệu mẫu")
    db = Database.open(paths)
    try:
        report(10, "Đang tạo hồ sơ đơn vị và năm thi đua")
        demo_year = _stage_unit_and_year(db, unit_code, seed)
        with db.transaction(DEMO_ACTION) as session:
            unit_id = session.scalars(select(Unit.id)).one()
            report(20, "Đang tạo các tổ công đoàn")
            groups = _stage_groups(session, rng, unit_id)
            rows = _stage_people(session, rng, unit_id, groups, people=people, year=demo_year, progress=report)
        report(96, "Đang lập bản đăng ký thi đua")
        _stage_registration(db, rng, demo_year)
        report(97, "Đang ghi sổ sáng kiến")
        _stage_initiatives(db, rng, demo_year)
        report(98, "Đang sơ kết, tổng kết và bình xét năm")
        from thidua_desktop.services.demo_year_end import stage_year_end

        stage_year_end(db, rng, demo_year, paths)
        current_years: list[int] = []
        if current_cycle:
            from thidua_desktop import clock
            from thidua_desktop.services.demo_current import stage_current_cycle

            report(99, "Đang lập năm thi đua trước và năm nay")
            current_years = stage_current_cycle(db, paths, rng, today or clock.today())
    finally:
        db.close()
    active = [r for r in rows if r["left_on"] is None]
    report(100, "Đã tạo xong dữ liệu mẫu")
    return DemoSummary(
        data_dir=paths.root,
        year=demo_year,
        current_year=current_years[-1] if current_years else demo_year,
        years=(demo_year, *current_years),
        people=len(active),
        members=sum(1 for r in active if r["is_member"]),
        women=sum(1 for r in active if r["gender"] == "F"),
        groups=len(groups),
    )


# --- growing a folder -----------------------------------------------------------------------


def add_people(db: Database, count: int, *, seed: int, progress: Progress | None = None) -> int:
    """Add ``count`` working people (plus ~2% who left during the year) spread over the groups.

    Returns the number of rows inserted. The generator is seeded from ``seed`` and the
    number of people already in the file, so calling it twice never repeats a UUID.
    """
    report = progress or _noop
    if count < 0:
        raise ValidationError("Số người cần thêm không được âm.")
    with db.transaction(GROW_ACTION) as session:
        unit_id = session.scalars(select(Unit.id).limit(1)).first()
        if unit_id is None:
            raise ValidationError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở); chưa thể thêm người.")
        existing = session.scalar(select(func.count()).select_from(Person)) or 0
        rng = random.Random(f"add_people:{seed}:{existing}")
        target_year = session.scalar(select(func.max(EmulationYear.year))) or clock.today().year
        groups = [
            _Group(group_id, _kind_for(name))
            for group_id, name in session.execute(
                select(UnionGroup.id, UnionGroup.name).where(UnionGroup.unit_id == unit_id).order_by(UnionGroup.ordinal)
            )
        ]
        report(5, "Đang tạo danh sách người lao động")
        slots = _slots(rng, count, groups, with_leads=False)
        rows = _people_rows(
            rng,
            slots,
            unit_id=unit_id,
            year=target_year,
            leavers=round(count * LEAVER_SHARE),
            stamp=datetime.now(timezone.utc),
        )
        _insert_people(session, rows, report, 20, 100, "Đang ghi danh sách người lao động")
    return len(rows)
