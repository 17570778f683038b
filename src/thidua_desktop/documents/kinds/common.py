"""Pieces every document kind shares: heading, signature, recipients, machine metadata."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from thidua_desktop.core import vntext
from thidua_desktop.documents import machine
from thidua_desktop.documents.kinds.inputs import Context, IndicatorLine, PlanRef
from thidua_desktop.documents.layout import Header, Signature
from thidua_desktop.documents.machine import MachineData, MachineTable

_LONG_PREFIXES = ("công đoàn cơ sở ",)
COLLECTIVE = "BAN CHẤP HÀNH"


def short_unit(name: str) -> str:
    """ "Công đoàn cơ sở Công ty …" → "CĐCS Công ty …" (the header may abbreviate)."""
    text = vntext.nfc(name).strip()
    for prefix in _LONG_PREFIXES:
        if text.casefold().startswith(prefix):
            return "CĐCS " + text[len(prefix) :]
    return text


def header(ctx: Context) -> Header:
    return Header(
        upper=ctx.upper_union,
        issuer=short_unit(ctx.unit_name),
        number=f"Số: {ctx.code}" if ctx.code else "Số:      /",
        place_date=vntext.place_date_line(ctx.place_name, ctx.issued_on),
    )


def signature(ctx: Context) -> Signature:
    return Signature(ctx.signer_lines, ctx.signer_name)


def bch(ctx: Context) -> str:
    """ "Ban Chấp hành Công đoàn cơ sở Công ty …" for the body text."""
    return f"Ban Chấp hành {vntext.nfc(ctx.unit_name)}"


def upper_recipient(ctx: Context) -> str:
    """ "Kính gửi": the body named in the profile to receive reports, else the direct upper union."""
    if ctx.report_recipient.strip():
        return ctx.report_recipient.strip()
    return f"Ban Thường vụ {ctx.upper_union}" if ctx.upper_union else ""


def recipients(ctx: Context, *first: str, employer: bool = False, extra: Iterable[str] = ()) -> list[str]:
    lines = [f"- {line};" for line in first]
    if ctx.upper_union:
        lines.append(f"- {ctx.upper_union} (b/c);")
    if employer and ctx.employer_name:
        lines.append(f"- Lãnh đạo {ctx.employer_name} (p/h);")
    lines += [f"- {line};" for line in extra]
    lines.append("- Lưu: VT, BCH.")
    return lines


def plan_basis(plan: PlanRef) -> str:
    """ "Kế hoạch số 02/KH-LĐLĐ ngày 20/01/2021 của Liên đoàn Lao động tỉnh Ninh Bình"."""
    text = f"Kế hoạch số {plan.number}" if plan.number else "Kế hoạch"
    if plan.issued_on:
        text += f" ngày {vntext.format_date(plan.issued_on)}"
    if plan.issuer:
        text += f" của {plan.issuer}"
    return text


def plan_citation(plan: PlanRef) -> str:
    """ "Căn cứ Kế hoạch số … ngày … của … về …;", or "" while the plan's number, date and issuer
    are not all entered (a document never cites a plan it cannot name)."""
    if not plan.has_citation:
        return ""
    subject = plan_subject(plan)
    return f"Căn cứ {plan_basis(plan)}" + (f" về {subject}" if subject else "") + ";"


def rule_citations(plan: PlanRef, kind: str) -> list[str]:
    """The "Căn cứ" lines of the year's rule set for document ``kind`` (full name, number, date,
    issuer); a plan reference without them falls back to the short line of sources."""
    lines = list(plan.citation_lines(kind))
    if not lines and not plan.citations and plan.rule_set:
        lines.append(f"Căn cứ các quy định về thi đua, khen thưởng hiện hành ({plan.rule_set});")
    return lines


def basis_lines(plan: PlanRef, kind: str) -> list[str]:
    """The rule set's lines, then the plan's (when it can be cited)."""
    lines = rule_citations(plan, kind)
    citation = plan_citation(plan)
    if citation:
        lines.append(citation)
    return lines


def plan_subject(plan: PlanRef) -> str:
    """The plan's title without its leading "Kế hoạch", lower-cased ("về phát động …")."""
    title = vntext.nfc(plan.title).strip()
    if title.casefold().startswith("kế hoạch "):
        title = title[len("kế hoạch ") :]
    return title[:1].lower() + title[1:] if title else ""


def in_ref(ctx: Context, type_name: str) -> str:
    """ "(Kèm theo Báo cáo số 05/BC-CĐCS ngày 04/7/2021 của Ban Chấp hành CĐCS …)"."""
    number = f" số {ctx.code}" if ctx.code else ""
    return (
        f"(Kèm theo {type_name}{number} ngày {vntext.format_date(ctx.issued_on)} "
        f"của Ban Chấp hành {short_unit(ctx.unit_name)})"
    )


def count_text(n: int, noun: str) -> str:
    return f"{vntext.format_number(n)} {noun}"


def meta(ctx: Context, kind: str, **extra) -> dict[str, object]:
    data: dict[str, object] = {
        "schema": machine.SCHEMA,
        "schema_version": machine.SCHEMA_VERSION,
        "generator": ctx.generator,
        "generated_at": ctx.generated_at,
        "document_kind": kind,
        "document_code": ctx.code,
        "document_number": ctx.number,
        "document_version": ctx.version,
        "issued_on": ctx.issued_on,
        "unit_id": ctx.unit_id,
        "unit_name": ctx.unit_name,
        "unit_code": ctx.unit_code,
        "issuer_code": ctx.issuer_code,
        "upper_union": ctx.upper_union,
        "year": ctx.year,
        "phase": ctx.phase,
        "report_kind": ctx.report_kind,
        "report_id": ctx.report_id,
        "unit_sector": ctx.unit_sector,
        "unit_kind": ctx.unit_kind,
    }
    data.update(extra)
    return data


INDICATOR_COLUMNS = [
    "record_id",
    "indicator_id",
    "indicator_code",
    "indicator_name",
    "unit_of_measure",
    "kind",
    "measure",
    "phase",
    "value",
    "numerator",
    "denominator",
    "note",
    "applies_to",
    "upper_target",
]


def indicator_table(lines: Iterable[IndicatorLine], *, results: bool) -> MachineTable:
    """One row per registered figure, and (``results``) one per phase result."""
    table = MachineTable("indicators", list(INDICATOR_COLUMNS))
    for x in lines:
        table.rows.append(
            [
                x.registration_id or x.indicator_id,
                x.indicator_id,
                x.code,
                x.name,
                x.unit,
                x.kind,
                "registered",
                None,
                x.registered,
                None,
                None,
                x.note,
                x.applies_to,
                x.upper_target,
            ]
        )
        if results:
            for phase in sorted(x.results):
                r = x.results[phase]
                table.rows.append(
                    [
                        r.id,
                        x.indicator_id,
                        x.code,
                        x.name,
                        x.unit,
                        x.kind,
                        "result",
                        phase,
                        result_value(x.kind, r.value, r.numerator, r.denominator),
                        r.numerator,
                        r.denominator,
                        r.note,
                        x.applies_to,
                        x.upper_target,
                    ]
                )
    return table


def result_value(
    kind: str, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> Decimal | None:
    """A result's figure; a rate with only its numerator and denominator is computed."""
    if value is not None:
        return value
    if kind == "percent" and numerator is not None and denominator:
        return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))
    if numerator is not None and kind != "percent":
        return numerator
    return None


def percent_of(achieved: Decimal | None, registered: Decimal | None, kind: str = "") -> Decimal | None:
    """Result as a percentage of the registered figure (blank without both, and for a rate: a rate of
    a rate means nothing to the reviewer, who reads the rate beside its target)."""
    if kind == "percent" or achieved is None or registered is None or registered == 0:
        return None
    return (Decimal(achieved) * 100 / Decimal(registered)).quantize(Decimal("0.1"))


def machine_data(ctx: Context, kind: str, tables: list[MachineTable], **extra) -> MachineData:
    indicators = next((t for t in tables if t.name == "indicators"), None)
    if indicators is not None and "applicable_indicators" not in extra:
        # the indicators that apply to the unit (only those are in the table): the upper level
        # counts the unit for these and no others
        column = indicators.columns.index("indicator_code")
        extra["applicable_indicators"] = ",".join(dict.fromkeys(row[column] for row in indicators.rows))
    return MachineData(meta(ctx, kind, **extra), tables)


def date_text(d: date | None) -> str:
    return vntext.format_date(d) if d else ""
