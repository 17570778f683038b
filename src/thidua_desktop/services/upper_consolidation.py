"""The upper level's consolidation (issue 8): the counting reports of a phase added up, and exported.

One source per unit (its report or a lower upper union's consolidation, the newest); counts and
money are added, rates computed again from the summed numerators and denominators
(:mod:`thidua_desktop.core.consolidation`). The result is written as a workbook with its
``_du_lieu`` sheet (document kind ``consolidation``) or as a PDF summary. Public through
:mod:`thidua_desktop.services.upper`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from thidua_desktop import clock
from thidua_desktop.core import vntext
from thidua_desktop.core.consolidation import ConsolidatedLine, UnitFigure, consolidate, mark_applicable
from thidua_desktop.services.upper_intake import ACCEPTED, ReceivedInfo, order_key
from thidua_desktop.services.upper_status import deadlines
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.files import atomic_write
from thidua_desktop.store.models import EmulationYear, ReceivedFile, ReceivedIndicator, SubordinateUnit, Unit


@dataclass
class Consolidation:
    year: int
    phase: int
    last_phase: bool
    lines: list[ConsolidatedLine]
    sources: list[ReceivedInfo] = field(default_factory=list)
    missing_units: list[tuple[str, str]] = field(default_factory=list)  # (code, name) without a report

    def line(self, code: str) -> ConsolidatedLine:
        return next(x for x in self.lines if x.code == code)


def consolidation(db: Database, year: int, phase: int | None = None) -> Consolidation:
    """Add up the counting reports of ``phase`` (default: the last phase, i.e. the year)."""
    plan = deadlines(db, year)
    phase = phase if phase is not None else plan.last_phase
    phase_numbers = [n for n, _ in plan.phases] or [1, 2]
    if phase not in phase_numbers:
        raise ValidationError(f"Năm {year} không có đợt {phase} (các đợt: {', '.join(map(str, phase_numbers))}).")
    last = phase == plan.last_phase
    kinds = ("year-report" if last else "midyear-report", "consolidation")
    from thidua_desktop.core.plan import builtin_templates

    order: list[str] = []
    with db.reading() as session:
        record = session.scalars(
            select(EmulationYear).options(selectinload(EmulationYear.indicators)).where(EmulationYear.year == year)
        ).first()
        if record is not None:
            order = [x.code for x in record.indicators]
        else:
            order = next((tuple(i.code for i in t.indicators) for t in builtin_templates() if t.year == year), ())
        files = session.scalars(
            select(ReceivedFile)
            .where(
                ReceivedFile.year == year,
                ReceivedFile.status == ACCEPTED,
                ReceivedFile.superseded_by_id.is_(None),
                ReceivedFile.kind.in_(kinds),
                ReceivedFile.phase == phase,
                ReceivedFile.unit_id.is_not(None),
            )
            .order_by(ReceivedFile.unit_code)
        ).all()
        by_unit: dict = {}
        for f in files:  # one source per unit: a report (or a consolidation) — the newest
            held = by_unit.get(f.unit_id)
            if held is None or order_key(f) > order_key(held):
                by_unit[f.unit_id] = f
        chosen = sorted(by_unit.values(), key=lambda f: f.unit_code)
        units = {u.id: u for u in session.scalars(select(SubordinateUnit))}
        ids = [f.id for f in chosen]
        rows = session.scalars(select(ReceivedIndicator).where(ReceivedIndicator.file_id.in_(ids))).all() if ids else []
        per_file: dict = {}
        for row in rows:
            per_file.setdefault(row.file_id, []).append(row)
        figures = []
        applying: dict[str, set[str]] = {}  # a unit's report lists only the indicators that apply to it
        for f in chosen:
            unit = units.get(f.unit_id)
            code, name = (unit.code, unit.name) if unit is not None else (f.unit_code, f.unit_name)
            for r in per_file.get(f.id, []):
                applying.setdefault(r.indicator_code, set()).add(code)
            registered = {r.indicator_code: r.value for r in per_file.get(f.id, []) if r.measure == "registered"}
            for r in per_file.get(f.id, []):
                if r.measure != "result" or r.phase != phase:
                    continue
                figures.append(
                    UnitFigure(
                        code,
                        name,
                        r.indicator_code,
                        r.indicator_name,
                        r.unit_of_measure,
                        r.kind,
                        r.value,
                        r.numerator,
                        r.denominator,
                        registered.get(r.indicator_code),
                        f.id.hex,
                    )
                )
        sources = [
            ReceivedInfo(
                f.id.hex,
                f.unit_code,
                f.unit_name,
                f.year,
                f.kind,
                f.phase,
                f.version,
                f.document_code,
                f.issued_on,
                f.original_name,
                f.stored_path,
                f.signer,
                f.signer_fingerprint,
                f.received_at,
                f.status,
                f.reason,
                True,
            )
            for f in chosen
        ]
        missing = [
            (u.code, u.name) for uid, u in sorted(units.items(), key=lambda kv: kv[1].code) if uid not in by_unit
        ]
    lines = [x for x in consolidate(figures, order) if x.details]
    mark_applicable(lines, applying)
    return Consolidation(year, phase, last, lines, sources, missing)


def _upper_unit(db: Database) -> Unit:
    with db.reading() as session:
        unit = session.scalars(select(Unit).options(selectinload(Unit.officers)).limit(1)).first()
        if unit is None:
            raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cấp trên) trong thư mục dữ liệu này.")
        return unit


def build_consolidated(db: Database, result: Consolidation, *, issued_on: date | None = None):
    """The document (layout) and its ``_du_lieu`` machine data (document_kind ``consolidation``)."""
    from thidua_desktop import __version__
    from thidua_desktop.documents import machine
    from thidua_desktop.documents.kinds.common import INDICATOR_COLUMNS
    from thidua_desktop.documents.kinds.registration import CELL_KINDS
    from thidua_desktop.documents.layout import (
        Annex,
        Column,
        Document,
        Header,
        Heading,
        Num,
        Paragraph,
        Signature,
        Table,
    )
    from thidua_desktop.documents.machine import MachineData, MachineTable

    unit = _upper_unit(db)
    issued_on = issued_on or clock.today()
    period = f"năm {result.year}" if result.last_phase else f"đợt {result.phase} năm {result.year}"
    subject = f"Tổng hợp kết quả thực hiện các chỉ tiêu thi đua {period}"
    columns = [
        Column("TT", 0.45, "center"),
        Column("Chỉ tiêu", 4.2),
        Column("Đơn vị tính", 1.1, "center"),
        Column("Số đơn vị áp dụng", 1.0, "right", "int"),
        Column("Số đơn vị báo cáo", 1.0, "right", "int"),
        Column("Đăng ký", 1.2, "right", "number"),
        Column("Kết quả", 1.2, "right", "number"),
        Column("Tử số", 1.1, "right", "number"),
        Column("Mẫu số", 1.1, "right", "number"),
        Column("Ghi chú", 1.8),
    ]
    rows = []
    for i, x in enumerate(result.lines, 1):
        cell = CELL_KINDS.get(x.kind, "number")
        value_kind = "number" if x.kind == "yesno" else cell
        note = "số đơn vị đạt / số đơn vị báo cáo" if x.kind == "yesno" else ""
        if x.without_basis:
            note = f"{len(x.without_basis)} đơn vị thiếu tử số/mẫu số: " + ", ".join(x.without_basis[:10])
        if x.not_reported:
            note = "; ".join(
                filter(None, (note, f"{len(x.not_reported)} đơn vị chưa báo cáo: " + ", ".join(x.not_reported[:10])))
            )
        rows.append(
            [
                i,
                x.name,
                x.unit_of_measure,
                x.applicable_units,
                x.units,
                Num(x.registered, value_kind),
                Num(x.value, value_kind),
                Num(x.numerator, "number"),
                Num(x.denominator, "number"),
                note,
            ]
        )
    detail_cols = [
        Column("Mã đơn vị", 0.9),
        Column("Tên đơn vị", 3.2),
        Column("Mã chỉ tiêu", 0.8),
        Column("Chỉ tiêu", 3.2),
        Column("Kết quả", 1.1, "right", "number"),
        Column("Tử số", 0.9, "right", "number"),
        Column("Mẫu số", 0.9, "right", "number"),
    ]
    detail = [
        [
            f.unit_code,
            f.unit_name,
            f.indicator_code,
            f.indicator_name,
            Num(f.value, "number" if f.kind == "yesno" else CELL_KINDS.get(f.kind, "number")),
            Num(f.numerator, "number"),
            Num(f.denominator, "number"),
        ]
        for x in result.lines
        for f in x.details
    ]
    source_cols = [
        Column("STT", 0.5, "center", "int"),
        Column("Mã", 0.9),
        Column("Tên đơn vị", 4.0),
        Column("Văn bản", 1.4),
        Column("Ngày", 1.1, "center", "date"),
        Column("Phiên bản", 0.8, "right", "int"),
    ]
    source_rows = [
        [i, s.unit_code, s.unit_name, s.document_code, s.issued_on, s.version] for i, s in enumerate(result.sources, 1)
    ]
    body = [
        Paragraph(
            f"Tổng hợp từ {len(result.sources)} báo cáo của các đơn vị trực thuộc"
            + (f"; còn {len(result.missing_units)} đơn vị chưa gửi báo cáo." if result.missing_units else ".")
        ),
        Paragraph(
            "Các chỉ tiêu đếm và số tiền được cộng; tỷ lệ được tính lại từ tổng tử số và tổng mẫu số "
            "(không lấy trung bình các tỷ lệ); chỉ tiêu có/không ghi số đơn vị đạt.",
            italic=True,
        ),
        Heading("KẾT QUẢ TỔNG HỢP CÁC CHỈ TIÊU"),
        Table(
            columns,
            rows,
            sheet="Tổng hợp",
            font_size=10,
            numbered_header=True,
            caption=f"TỔNG HỢP KẾT QUẢ CÁC CHỈ TIÊU THI ĐUA {period.upper()}",
        ),
    ]
    code_line = f"Số:      /BC-{unit.issuer_code or 'LĐLĐ'}"
    doc = Document(
        kind="consolidation",
        header=Header(
            upper=unit.upper_union_parent or unit.upper_union,
            issuer=unit.name,
            number=code_line,
            place_date=vntext.place_date_line(unit.place_name, issued_on),
        ),
        type_name="BÁO CÁO",
        subject=subject,
        recipient=unit.upper_union or "",
        body=body,
        signatures=[
            Signature(
                ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"), next((o.full_name for o in unit.officers if o.role == "chair"), "")
            )
        ],
        recipients=[f"- {unit.upper_union} (b/c);" if unit.upper_union else "- Cấp trên (b/c);", "- Lưu: VT."],
        annexes=[
            Annex(
                "DANH SÁCH BÁO CÁO ĐƯỢC TỔNG HỢP",
                blocks=[Table(source_cols, source_rows, sheet="Đơn vị", font_size=10)],
                landscape=True,
            ),
            Annex(
                "CHI TIẾT THEO ĐƠN VỊ",
                blocks=[Table(detail_cols, detail, sheet="Chi tiết đơn vị", font_size=9)],
                landscape=True,
            ),
        ],
        title=f"Báo cáo {subject[:1].lower() + subject[1:]}",
        author=unit.name,
    )
    indicators = MachineTable("indicators", [*INDICATOR_COLUMNS, "applicable_units"])
    for x in result.lines:
        base = uuid.uuid5(unit.id, f"consolidation:{result.year}:{x.code}")
        if x.registered is not None and x.kind != "percent":
            indicators.rows.append(
                [
                    uuid.uuid5(base, "registered").hex,
                    base.hex,
                    x.code,
                    x.name,
                    x.unit_of_measure,
                    x.kind,
                    "registered",
                    None,
                    x.registered,
                    None,
                    None,
                    "",
                    "",
                    "",
                    x.applicable_units,
                ]
            )
        indicators.rows.append(
            [
                uuid.uuid5(base, f"result:{result.phase}").hex,
                base.hex,
                x.code,
                x.name,
                x.unit_of_measure,
                x.kind,
                "result",
                result.phase,
                x.value,
                x.numerator,
                x.denominator,
                f"{x.units} đơn vị",
                "",
                "",
                x.applicable_units,
            ]
        )
    units = MachineTable(
        "units",
        ["record_id", "unit_code", "unit_name", "document_kind", "document_code", "document_version", "issued_on"],
        [[s.id, s.unit_code, s.unit_name, s.kind, s.document_code, s.version, s.issued_on] for s in result.sources],
    )
    meta = {
        "schema": machine.SCHEMA,
        "schema_version": machine.SCHEMA_VERSION,
        "generator": f"thidua_desktop {__version__}",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "document_kind": "consolidation",
        "document_code": "",
        "document_number": None,
        "document_version": 1,
        "issued_on": issued_on,
        "unit_id": unit.id.hex,
        "unit_name": unit.name,
        "unit_code": unit.code,
        "issuer_code": unit.issuer_code,
        "upper_union": unit.upper_union,
        "year": result.year,
        "phase": result.phase,
        "report_kind": "year" if result.last_phase else "midyear",
        "report_id": None,
        "units_count": len(result.sources),
    }
    return doc, MachineData(meta, [indicators, units])


def export_consolidated(db: Database, result: Consolidation, out: str | Path, *, issued_on: date | None = None) -> Path:
    """Write the consolidated workbook (.xlsx, with ``_du_lieu``) or the PDF summary (.pdf)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(f"Tệp {out.name}: chỉ xuất được .xlsx hoặc .pdf.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    if not result.lines:
        raise ValidationError(
            f"Chưa có báo cáo nào được nhận cho đợt {result.phase} năm {result.year}; chưa có gì để tổng hợp."
        )
    doc, data = build_consolidated(db, result, issued_on=issued_on)
    try:
        with atomic_write(out) as partial:
            if suffix == ".pdf":
                from thidua_desktop.documents.pdf import write_pdf

                write_pdf(doc, partial)
            else:
                from thidua_desktop.documents.workbook import write_workbook

                write_workbook(doc, data, partial)
    except OSError as exc:
        raise ValidationError(f"Không ghi được tệp {out}: {exc.strerror or exc}.") from exc
    return out
