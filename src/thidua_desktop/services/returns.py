"""Use cases for returned reports (issue 8, item 6).

The upper union (``thidua report return --from …``, and its GUI): :func:`make_return` reads a
CĐCS's report workbook and writes the signed return with the comments
(:mod:`thidua_desktop.exchange.returns`).

The CĐCS (``thidua report import-return``, the Sơ kết – Tổng kết page): :func:`preview_return`
verifies the file (no signature or a broken one: refused; an unknown signer: a warning with the
fingerprint), reads it and finds the report version it concerns — a return for another unit or
for a report this data folder does not have is refused with a message saying which —; then
:func:`import_return` records the comment on that report
(:func:`thidua_desktop.services.reports.record_return`, one transaction). The report page and its
checklist show it from then on.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from thidua_desktop.exchange import returns as exchange
from thidua_desktop.exchange.returns import ReturnedReport, ReturnError
from thidua_desktop.services import reports as reports_service
from thidua_desktop.services.plan_package import SignatureCheck, check_signature
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import EmulationYear, Report, Unit


@dataclass(frozen=True)
class ReturnMade:
    path: Path
    report_label: str
    unit_name: str
    signer: str
    fingerprint: str


@dataclass(frozen=True)
class ReturnPreview:
    path: Path
    returned: ReturnedReport
    signature: SignatureCheck
    report: reports_service.ReportInfo
    replaces: str  # the comment already recorded on that report, if any

    @property
    def warnings(self) -> tuple[str, ...]:
        found = [self.signature.warning] if self.signature.warning else []
        if self.replaces and self.replaces != self.returned.comment:
            found.append(f"Báo cáo này đã có ý kiến trả lại trước đó; ý kiến mới sẽ thay thế: “{self.replaces}”.")
        return tuple(found)


def make_return(
    source: str | os.PathLike[str],
    comment: str,
    out: str | os.PathLike[str],
    spec,
    *,
    db: Database | None = None,
    returned_on: date | None = None,
) -> ReturnMade:
    """Write the signed return of the report workbook ``source`` to ``out`` (key ``spec``).

    ``db`` (the upper union's data folder, if any) gives the sender's name in the header.
    """
    from thidua_desktop.documents import machine
    from thidua_desktop.signing import open_signer
    from thidua_desktop.signing.errors import SigningError

    source, out = Path(source), Path(out)
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    try:
        meta = machine.read_sheet(source).meta
    except FileNotFoundError:
        raise ValidationError(f"Không tìm thấy tệp {source}.") from None
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    except Exception:  # noqa: BLE001 - calamine: not a workbook at all
        raise ValidationError(f"Tệp {source.name} không phải sổ tính .xlsx đọc được.") from None
    try:
        info = exchange.report_meta(meta, source.name)
    except ReturnError as exc:
        raise ValidationError(exc.message) from None
    sender, upper, place = "", "", ""
    if db is not None:
        with db.reading() as session:
            unit = session.scalars(select(Unit).limit(1)).first()
            if unit is not None:
                sender, upper, place = unit.name, unit.upper_union, unit.place_name
    try:
        with open_signer(spec) as signer:
            exchange.write_return(
                meta,
                comment,
                out,
                signer,
                returned_by=sender,
                returned_by_upper=upper,
                place_name=place,
                returned_on=returned_on,
            )
            from thidua_desktop.signing import keys

            name, fingerprint = keys.subject_name(signer.certificate), keys.fingerprint(signer.certificate)
    except ReturnError as exc:
        raise ValidationError(exc.message) from None
    except SigningError as exc:
        raise ValidationError(exc.message) from None
    except OSError as exc:
        raise ValidationError(f"Không ghi được tệp {out}: {exc.strerror or exc}.") from None
    label = ReturnedReport(
        info["unit_id"],
        info["unit_name"],
        info["unit_code"],
        info["year"],
        info["phase"],
        info["report_kind"],
        info["report_id"],
        info["report_document_kind"],
        info["report_document_code"],
        info["report_document_version"],
        sender,
        returned_on,
        "",
    ).report_label
    return ReturnMade(out, label, info["unit_name"], name, fingerprint)


def _read(path: Path) -> ReturnedReport:
    try:
        return exchange.read_return(path)
    except ReturnError as exc:
        raise ValidationError(exc.message) from None


def _match(session, returned: ReturnedReport, path: Path) -> Report:
    unit = session.scalars(select(Unit).limit(1)).first()
    if unit is None:
        raise NotFoundError("Chưa khai báo thông tin đơn vị (công đoàn cơ sở).")
    if unit.id.hex != returned.unit_id:
        who = returned.unit_name or "một đơn vị khác"
        raise ValidationError(
            f"Tệp {path.name} trả lại báo cáo của {who}"
            + (f" (mã {returned.unit_code})" if returned.unit_code else "")
            + f", không phải của {unit.name}. Không ghi nhận."
        )
    report = session.get(Report, uuid.UUID(returned.report_id))
    if report is None:
        raise ValidationError(
            f"Tệp {path.name} trả lại {returned.report_label[:1].lower()}{returned.report_label[1:]},"
            " nhưng dữ liệu của đơn vị không có báo cáo này (có thể đã được gửi từ máy khác hoặc "
            "từ dữ liệu đã khôi phục). Không ghi nhận."
        )
    year = session.scalar(select(EmulationYear.year).where(EmulationYear.id == report.year_id))
    if year != returned.year or (returned.document_version and report.version != returned.document_version):
        raise ValidationError(
            f"Tệp {path.name}: báo cáo được nhắc tới (năm {returned.year}, phiên bản "
            f"{returned.document_version}) không khớp với báo cáo trong dữ liệu (năm {year}, phiên "
            f"bản {report.version}). Không ghi nhận."
        )
    return report


def preview_return(db: Database, paths, path: str | os.PathLike[str]) -> ReturnPreview:
    """Verify, read and match a return; changes nothing."""
    path = Path(path)
    returned = _read(path)
    check = check_signature(paths, path, "ý kiến trả lại")
    with db.reading() as session:
        report = _match(session, returned, path)
        info = reports_service.get_report(db, report.id.hex)
        previous = report.returned_comment
    if info.status != "sent":
        raise ValidationError(
            f"{returned.report_label} chưa ở trạng thái đã gửi trong dữ liệu của đơn vị; chỉ báo cáo "
            "đã gửi mới nhận ý kiến trả lại."
        )
    return ReturnPreview(path, returned, check, info, previous)


def import_return(db: Database, paths, path: str | os.PathLike[str]) -> reports_service.ReportInfo:
    """Record the return's comment on the report it concerns (one transaction)."""
    preview = preview_return(db, paths, path)
    return reports_service.record_return(db, preview.report.id, preview.returned.comment)


__all__ = ["ReturnMade", "ReturnPreview", "import_return", "make_return", "preview_return"]
