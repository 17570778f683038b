"""Many varied CĐCS workbooks, fast: test data and benchmarks for the upper level (issue 8).

A full demo (``thidua demo``) takes 20–40 s; a set of 200 units needs something else. This
module builds each unit's registration, sơ kết and tổng kết with the REAL document builders
(:mod:`documents.kinds`), the REAL workbook writer (with its ``_du_lieu`` sheet) and the REAL
workbook signature — only the figures come from a seeded generator instead of a database.
Every number written is also returned (:class:`UnitFigures`), so a test can add the units up
independently of the consolidation code.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from thidua_desktop import __version__
from thidua_desktop.core import applicability
from thidua_desktop.core.plan import PlanTemplate, seed_template

KINDS = ("registration", "midyear-report", "year-report")
PASSWORD = "demo-units-1"

_COMPANY_KINDS = (
    "Công ty TNHH",
    "Công ty CP",
    "Trường THCS",
    "Trường Tiểu học",
    "Bệnh viện",
    "Hợp tác xã",
    "Công ty TNHH MTV",
    "Trạm Y tế",
    "Chi cục Thuế",
)
_COMPANY_NAMES = (
    "Hoa Lư",
    "Tràng An",
    "Tam Cốc",
    "Bái Đính",
    "Gia Sinh",
    "Kim Sơn",
    "Yên Mô",
    "Nho Quan",
    "Cúc Phương",
    "Vân Long",
    "Đồng Giao",
    "Phát Diệm",
    "Thiên Tôn",
    "Gia Viễn",
    "An Khánh",
    "Phúc Lộc",
    "Minh Tân",
    "Sông Vân",
    "Bình Minh",
    "Thành Công",
)
# what kind of unit each name stands for (core.applicability), so each unit reports only the
# indicators that apply to it
_KIND_OF = {
    "Công ty TNHH": "private",
    "Công ty CP": "private",
    "Trường THCS": "public_service",
    "Trường Tiểu học": "public_service",
    "Bệnh viện": "public_service",
    "Hợp tác xã": "cooperative",
    "Công ty TNHH MTV": "soe",
    "Trạm Y tế": "public_service",
    "Chi cục Thuế": "state_agency",
}
_CHAIRS = (
    "Nguyễn Thị Lan",
    "Trần Văn Hùng",
    "Lê Thị Mai",
    "Phạm Văn Đức",
    "Hoàng Thị Thu",
    "Vũ Văn Nam",
    "Đinh Thị Hằng",
    "Bùi Văn Toàn",
)


@dataclass(frozen=True)
class SyntheticUnit:
    code: str
    name: str
    upper_union: str
    place: str
    chair: str
    members: int
    women: int
    unit_id: str  # 32 hex digits, as a real CĐCS's unit UUID
    seed: int
    kind: str = ""  # core.applicability.UNIT_KINDS

    @property
    def sector(self) -> str:
        return applicability.sector_of_kind(self.kind) or "non_state"


def applicable_indicators(unit: SyntheticUnit, template: PlanTemplate):
    """The template's CĐCS indicators that apply to the unit's sector and kind."""
    return [
        spec
        for spec in template.indicators_for("cdcs")
        if applicability.applies(spec.applies_to_units, unit.sector, unit.kind)
    ]


@dataclass
class UnitFigures:
    """Everything the generator wrote for one unit: registered figures and per-phase results
    (``results[code][phase] = (value, numerator, denominator)``, cumulative like the real ones)."""

    registered: dict[str, Decimal | None] = field(default_factory=dict)
    results: dict[str, dict[int, tuple[Decimal | None, Decimal | None, Decimal | None]]] = field(default_factory=dict)


def synthetic_unit(
    index: int, *, seed: int = 1, prefix: str = "CD", upper_union: str = "LĐLĐ huyện Gia Viễn", place: str = "Gia Viễn"
) -> SyntheticUnit:
    rng = random.Random(f"unit:{seed}:{index}")
    kind = rng.choice(_COMPANY_KINDS)
    name = f"Công đoàn cơ sở {kind} {rng.choice(_COMPANY_NAMES)} {index:03d}"
    members = rng.randint(15, 900)
    women = rng.randint(members // 5, members * 4 // 5)
    return SyntheticUnit(
        code=f"{prefix}{index:03d}",
        name=name,
        upper_union=upper_union,
        place=place,
        chair=rng.choice(_CHAIRS),
        members=members,
        women=women,
        unit_id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
        seed=seed,
        kind=_KIND_OF.get(kind, "private"),
    )


def unit_figures(unit: SyntheticUnit, template: PlanTemplate | None = None, *, correction: int = 0) -> UnitFigures:
    """Seeded figures for every CĐCS indicator; ``correction`` > 0 gives a corrected set."""
    template = template or seed_template()
    rng = random.Random(f"figures:{unit.seed}:{unit.code}:{correction}")
    figures = UnitFigures()
    for spec in applicable_indicators(unit, template):
        if spec.kind == "count":
            registered = Decimal(rng.randint(1, max(2, unit.members // 8)))
            first = Decimal(rng.randint(0, int(registered)))
            year = first + rng.randint(0, int(registered))
            phases = {1: (first, None, None), 2: (year, None, None)}
        elif spec.kind == "money":
            registered = Decimal(rng.randint(5, 200) * 1_000_000)
            first = Decimal(rng.randint(0, 100) * 500_000)
            year = first + rng.randint(0, 200) * 500_000
            phases = {1: (first, None, None), 2: (year, None, None)}
        elif spec.kind == "yesno":
            registered = Decimal(1)
            first = Decimal(rng.randint(0, 1))
            year = Decimal(max(int(first), rng.randint(0, 1)))
            phases = {1: (first, None, None), 2: (year, None, None)}
        else:  # percent: keep numerator and denominator
            registered = Decimal(rng.choice((70, 80, 85, 90, 100)))
            base = unit.women if "nữ" in spec.name.casefold() else unit.members
            den = Decimal(max(1, base))
            n1 = Decimal(rng.randint(0, int(den)))
            n2 = Decimal(min(int(den), int(n1) + rng.randint(0, int(den))))
            phases = {p: ((n * 100 / den).quantize(Decimal("0.01")), n, den) for p, n in ((1, n1), (2, n2))}
        figures.registered[spec.code] = registered
        figures.results[spec.code] = phases
    return figures


def _context(
    unit: SyntheticUnit,
    kind: str,
    *,
    year: int,
    issued_on: date,
    number: int,
    version: int | None,
    phase: int | None,
    report_id: str | None,
    report_kind: str | None,
):
    from thidua_desktop.documents.kinds import inputs as di
    from thidua_desktop.services.documents import TYPE_CODES, format_code

    return di.Context(
        unit_id=unit.unit_id,
        unit_name=unit.name,
        unit_code=unit.code,
        issuer_code="CĐCS",
        upper_union=unit.upper_union,
        place_name=unit.place,
        employer_name=unit.name.replace("Công đoàn cơ sở ", ""),
        code=format_code(number, TYPE_CODES[kind], "CĐCS"),
        number=number,
        issued_on=issued_on,
        year=year,
        signer_lines=("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"),
        signer_name=unit.chair,
        phase=phase,
        version=version,
        report_id=report_id,
        report_kind=report_kind,
        generated_at=datetime.combine(issued_on, datetime.min.time(), timezone.utc).isoformat(timespec="seconds"),
        generator=f"thidua_desktop {__version__}",
        unit_sector=unit.sector,
        unit_kind=unit.kind,
    )


def _lines(unit: SyntheticUnit, template: PlanTemplate, figures: UnitFigures, last_phase: int | None):
    from thidua_desktop.documents.kinds import inputs as di

    lines = []
    for spec in applicable_indicators(unit, template):
        ind_id = uuid.uuid5(uuid.UUID(unit.unit_id), f"indicator:{spec.code}").hex
        results = {}
        if last_phase is not None:
            for phase, (value, num, den) in figures.results[spec.code].items():
                if phase <= last_phase:
                    results[phase] = di.ResultRef(uuid.uuid5(uuid.UUID(ind_id), f"result:{phase}").hex, value, num, den)
        lines.append(
            di.IndicatorLine(
                ind_id,
                spec.code,
                spec.name,
                spec.unit,
                spec.kind,
                uuid.uuid5(uuid.UUID(ind_id), "registered").hex,
                figures.registered[spec.code],
                "",
                results,
                upper_target=spec.target_text,
                applies_to=",".join(spec.applies_to_units),
            )
        )
    return lines


def build(
    unit: SyntheticUnit,
    kind: str,
    *,
    figures: UnitFigures,
    template: PlanTemplate | None = None,
    issued_on: date | None = None,
    version: int = 1,
    number: int = 1,
):
    """The layout and machine data of one unit's ``kind`` document (the real builders)."""
    from thidua_desktop.documents.kinds import inputs as di, registration, reports

    template = template or seed_template()
    year = template.year
    phases = template.phases
    if kind == "registration":
        issued_on = issued_on or template.registration_due - timedelta(days=2)
        ctx = _context(
            unit,
            kind,
            year=year,
            issued_on=issued_on,
            number=number,
            version=None,
            phase=None,
            report_id=None,
            report_kind=None,
        )
        plan = di.PlanRef(
            template.document_number,
            template.issuer,
            template.issued_on,
            template.title,
            template.theme,
            template.rule_set,
            template.registration_due,
        )
        movements = tuple(
            di.MovementRef(uuid.uuid5(uuid.UUID(unit.unit_id), m.code).hex, m.code, m.name, m.launched_by)
            for m in template.movements[:3]
        )
        collective = di.CollectiveRef(
            uuid.uuid5(uuid.UUID(unit.unit_id), "collective").hex,
            issued_on,
            "Lao động giỏi, lao động sáng tạo",
            "",
            movements,
            (di.TitleRef("TT_LDXS", "Tập thể lao động xuất sắc"),),
        )
        return registration.build(ctx, plan, collective, _lines(unit, template, figures, None), [], [])
    report_kind = "midyear" if kind == "midyear-report" else "year"
    phase = phases[0].number if report_kind == "midyear" else phases[-1].number
    issued_on = issued_on or next(p.report_due for p in phases if p.number == phase) - timedelta(days=1)
    report_id = uuid.uuid5(uuid.UUID(unit.unit_id), f"report:{kind}:{version}").hex
    ctx = _context(
        unit,
        kind,
        year=year,
        issued_on=issued_on,
        number=number,
        version=version,
        phase=phase,
        report_id=report_id,
        report_kind=report_kind,
    )
    what = "Sơ kết phong trào thi đua đợt 1" if report_kind == "midyear" else "Tổng kết phong trào thi đua"
    ref = di.ReportRef(
        report_id,
        report_kind,
        phase,
        version,
        f"{what} năm {year}",
        "sent",
        (
            di.SectionRef(
                "situation", "I. ĐẶC ĐIỂM TÌNH HÌNH", f"Đơn vị có {unit.members} đoàn viên, trong đó {unit.women} nữ."
            ),
            di.SectionRef("indicators", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Kết quả theo biểu kèm theo."),
        ),
    )
    return reports.build(
        ctx,
        ref,
        _lines(unit, template, figures, phase),
        first_phase=phases[0].number,
        last_phase=phase if report_kind == "year" else None,
    )


def unit_signer(unit: SyntheticUnit, key_dir: Path):
    """The unit's own (EC, fast) key and self-signed certificate, kept in ``key_dir/CODE.p12``."""
    from thidua_desktop.signing import keys
    from thidua_desktop.signing.signers import FileSigner

    path = Path(key_dir) / f"{unit.code}.p12"
    if path.exists():
        return FileSigner.open(path, PASSWORD)
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileSigner(keys.create_unit_key(unit.name, path, PASSWORD, algorithm="ec"))


def write(
    unit: SyntheticUnit,
    kind: str,
    out: Path,
    signer,
    *,
    figures: UnitFigures,
    template: PlanTemplate | None = None,
    issued_on: date | None = None,
    version: int = 1,
    number: int = 1,
) -> Path:
    """Write the signed workbook of one unit's document to ``out`` (the unsigned draft is removed)."""
    from thidua_desktop.documents.workbook import write_workbook
    from thidua_desktop.signing.workbook import sign_workbook

    out = Path(out)
    doc, machine = build(
        unit, kind, figures=figures, template=template, issued_on=issued_on, version=version, number=number
    )
    draft = out.with_name(f".{out.stem}.draft.xlsx")
    write_workbook(doc, machine, draft)
    try:
        sign_workbook(draft, out, signer)
    finally:
        draft.unlink(missing_ok=True)
    return out
