"""The rule-set workbook: a rule set (``core.rules``) as a signed workbook the upper union sends.

Sheets a person reads — the set, its sources with the "Căn cứ" lines, the titles, the rules —
and the hidden ``_du_lieu`` sheet (:mod:`thidua_desktop.documents.machine`) with
``document_kind`` = ``rule-set``, which is what the import reads:

* ``[meta]`` — the usual keys plus ``rule_set_key``, ``rule_set_name``, ``first_year``,
  ``last_year``;
* ``[toml]`` — ``record_id``, ``line``, ``text``: the rule set file, one row per line, read back
  and checked by :func:`thidua_desktop.core.rules.parse_rule_set` (every check of a built-in set).

Signing and verifying are the services' business; this module only writes and reads. No Qt, no
database.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

from thidua_desktop.core import vntext
from thidua_desktop.core.rules import RuleSet
from thidua_desktop.documents import machine
from thidua_desktop.errors import UserError

DOCUMENT_KIND = "rule-set"
SHEET = machine.SHEET


class PackageError(UserError, ValueError):
    """A file that is not a usable rule-set workbook; the message is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _document(rs: RuleSet, issuer: tuple[str, str, str], issued_on: date):
    from thidua_desktop.documents.kinds.common import short_unit
    from thidua_desktop.documents.layout import Column, Document, Header, Table

    name, upper, place = issuer
    header = Header(
        upper=upper,
        issuer=short_unit(name),
        number="Số:      /",
        place_date=vntext.place_date_line(place, issued_on) if place else "",
    )
    info = Table(
        [Column("Nội dung", 1.2, xlsx_width=30), Column("Thông tin", 2.8, xlsx_width=80)],
        [["Bộ quy định", rs.name], ["Mã", rs.key], ["Áp dụng", rs.years_text], ["Tóm tắt căn cứ", rs.summary]],
        sheet="Bộ quy định",
        caption="BỘ QUY ĐỊNH THI ĐUA, KHEN THƯỞNG",
    )
    sources = Table(
        [
            Column("Văn bản", 1.2),
            Column("Số hiệu", 0.9),
            Column("Ngày", 0.8, "center", "date"),
            Column("Cơ quan ban hành", 1.2),
            Column("Dòng “Căn cứ” in trên văn bản", 3.6),
            Column("Cần đối chiếu", 0.6, "center", "yesno"),
        ],
        [[s.short, s.number, s.issued_on, s.issuer, s.line, 1 if s.needs_check else 0] for s in rs.sources],
        sheet="Văn bản căn cứ",
        caption="CÁC VĂN BẢN CĂN CỨ",
    )
    titles = Table(
        [
            Column("Mã", 0.8),
            Column("Danh hiệu, hình thức khen thưởng", 3),
            Column("Đối tượng", 0.8),
            Column("Cấp tặng", 1.8),
            Column("Cần đối chiếu", 0.6, "center", "yesno"),
        ],
        [
            [
                t.code,
                t.spec.name,
                "Cá nhân" if t.spec.subject == "individual" else "Tập thể",
                t.spec.issuer,
                1 if t.needs_check else 0,
            ]
            for t in rs.titles
        ],
        sheet="Danh hiệu",
        caption="DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG",
    )
    rules = Table(
        [
            Column("Khóa", 1.4),
            Column("Giá trị", 0.7, "right", "number"),
            Column("Đơn vị", 0.8),
            Column("Nội dung", 2.6),
            Column("Căn cứ", 1.6),
            Column("Cần đối chiếu", 0.6, "center", "yesno"),
        ],
        [
            [r.key, r.spec.value, r.spec.unit, r.spec.description, r.spec.basis, 1 if r.needs_check else 0]
            for r in rs.rules
        ],
        sheet="Quy định",
        caption="CÁC QUY ĐỊNH (MỨC TRẦN, NGƯỠNG)",
    )
    return Document(
        kind=DOCUMENT_KIND,
        header=header,
        type_name="BỘ QUY ĐỊNH",
        subject=f"Thi đua, khen thưởng ({rs.years_text}) gửi các công đoàn cơ sở",
        body=[info, sources, titles, rules],
        title=rs.name,
        author=name,
    )


def machine_data(
    rs: RuleSet, text: str, issuer: tuple[str, str, str], *, generated_at: str, generator: str
) -> machine.MachineData:
    meta: dict[str, object] = {
        "schema": machine.SCHEMA,
        "schema_version": machine.SCHEMA_VERSION,
        "generator": generator,
        "generated_at": generated_at,
        "document_kind": DOCUMENT_KIND,
        "unit_name": issuer[0],
        "upper_union": issuer[1],
        "year": rs.first_year,
        "rule_set_key": rs.key,
        "rule_set_name": rs.name,
        "first_year": rs.first_year,
        "last_year": rs.last_year,
    }
    lines = text.replace("\r\n", "\n").split("\n")
    rows = [[f"{rs.key}:{n}", n, line] for n, line in enumerate(lines, 1)]
    return machine.MachineData(meta, [machine.MachineTable("toml", ["record_id", "line", "text"], rows)])


def write_package(
    rs: RuleSet,
    text: str,
    issuer: tuple[str, str, str],
    out: str | os.PathLike[str],
    *,
    generator: str,
    generated_at: datetime | None = None,
) -> None:
    """Write the (unsigned) rule-set workbook to ``out``; ``issuer`` is (name, upper union, place)."""
    from thidua_desktop.documents.workbook import write_workbook

    moment = generated_at or datetime.now(timezone.utc)
    doc = _document(rs, issuer, moment.date())
    write_workbook(
        doc, machine_data(rs, text, issuer, generated_at=moment.isoformat(timespec="seconds"), generator=generator), out
    )


def read_package(path: str | os.PathLike[str]) -> str:
    """The rule set's TOML text carried by the workbook; :class:`PackageError` when it is not one."""
    path = Path(path)
    try:
        data = machine.read_sheet(path)
    except ValueError as exc:
        raise PackageError(f"Tệp {path.name} không phải bộ quy định của chương trình: {exc}") from None
    except Exception:  # noqa: BLE001 - calamine: not a workbook at all
        raise PackageError(f"Tệp {path.name} không đọc được như sổ tính Excel (.xlsx).") from None
    kind = data.meta.get("document_kind")
    if kind != DOCUMENT_KIND:
        raise PackageError(
            f"Tệp {path.name} là văn bản loại '{kind or '?'}', không phải bộ quy định ({DOCUMENT_KIND})."
        )
    version = data.meta.get("schema_version")
    if not isinstance(version, int) or version > machine.SCHEMA_VERSION:
        raise PackageError(
            f"Tệp {path.name}: lược đồ dữ liệu phiên bản {version} mới hơn chương trình này hiểu; "
            "hãy cập nhật chương trình."
        )
    try:
        table = data.table("toml")
    except KeyError:
        raise PackageError(f"Tệp {path.name}: trang {SHEET} không có mục [toml] (nội dung bộ quy định).") from None
    rows = sorted(table.records(), key=lambda r: r.get("line") or 0)
    lines = []
    for expected, row in enumerate(rows, 1):
        if row.get("line") != expected:
            raise PackageError(f"Tệp {path.name}: nội dung bộ quy định bị thiếu dòng {expected}.")
        value = row.get("text")
        lines.append("" if value is None else str(value))
    return "\n".join(lines)
