"""The upper level's intake (issue 8): received workbooks taken in or set aside, one file at a time.

Received workbooks are copied under ``<data folder>/received/<year>/``; each is verified, matched
by its ``_du_lieu`` sheet to a unit, year, kind and phase, and either taken or set aside with the
reason (Vietnamese) — one transaction per file, a bad file never stops the others. Of several
versions of the same report the newest valid one counts; the others are kept, marked superseded.
Public through :mod:`thidua_desktop.services.upper`.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select

from thidua_desktop.core import safe_names, vntext
from thidua_desktop.exchange import intake as ix
from thidua_desktop.services.upper_units import add_unit, find_unit, trust_certificate, write_lock
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.files import atomic_write
from thidua_desktop.store.models import ReceivedFile, ReceivedIndicator, SubordinateUnit

ACCEPTED, SET_ASIDE = "accepted", "set_aside"
RECEIVED_DIR = "received"
Progress = Callable[[int, str], None]


def _noop(_p: int, _m: str) -> None:
    pass


@dataclass
class IntakeOutcome:
    name: str
    status: str  # accepted | set_aside
    reason: str = ""
    unit_code: str = ""
    kind: str = ""
    phase: int | None = None
    version: int | None = None
    counts: bool = False  # the newest valid version of its report
    file_id: str = ""
    new_fingerprint: str = ""  # trusted on first receipt: read it back over the phone

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED


def _match_unit(session, found: ix.Inspection) -> SubordinateUnit | None:
    code = found.unit_code
    if code:
        for wanted in dict.fromkeys((safe_names.normalise_unit_code(code), code)):
            unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == wanted)).first()
            if unit is not None:
                return unit
    if found.unit_uuid:
        unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.unit_uuid == found.unit_uuid)).first()
        if unit is not None:
            return unit
    if found.unit_name:
        key = vntext.search_key(found.unit_name)
        for unit in session.scalars(select(SubordinateUnit)):
            if vntext.search_key(unit.name) == key:
                return unit
    return None


def _store_copy(paths, found: ix.Inspection, year: int, unit_code: str, status: str) -> str:
    """Copy a received file to ``received/<year>/<unit>/`` under a name the app makes: nothing
    the file says (its unit code, kind, name) is used in the path unless it is in the alphabet."""
    shelf = found.year if found.year is not None and 1900 <= found.year <= 2200 else year
    if status == ACCEPTED:
        unit_folder = (
            safe_names.safe_file_name(unit_code, "_khong-ro-don-vi")
            if safe_names.is_unit_code(unit_code)
            else "_khong-ro-don-vi"
        )
        kind = found.kind if found.kind in ix.TAKEN_KINDS else "tep"
        stem = f"{kind}-p{_small(found.phase)}-v{_small(found.version)}"
    else:
        unit_folder, stem = "_de-rieng", "de-rieng"
    suffix = found.path.suffix.lower() if found.path.suffix.lower() in ix.WORKBOOK_SUFFIXES else ".bin"
    box = paths.root / RECEIVED_DIR
    folder = box / str(shelf) / unit_folder
    target = folder / f"{stem}-{(found.sha256 or uuid.uuid4().hex)[:12]}{suffix}"
    if not safe_names.is_inside(box, target):  # cannot happen with the names above; never write outside
        raise OSError(f"refused path outside {box}")
    folder.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        try:  # a partial per writer: two intakes of the same file at once each write their own, then the
            with atomic_write(target) as partial:  # same content is renamed in place
                shutil.copyfile(found.path, partial)
        except OSError:
            if not target.is_file():  # Windows may refuse the rename while the other writer's copy is in place
                raise
    return target.relative_to(paths.root).as_posix()


def _small(value: int | None) -> int:
    return value if value is not None and 0 <= value < 10_000 else 0


def _utc(moment: datetime | None) -> datetime:
    """SQLite gives back naive times (stored in UTC); a row just made carries an aware one."""
    if moment is None:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def order_key(f: ReceivedFile):
    return (f.version or 0, f.issued_on or date.min, f.generated_at or "", _utc(f.received_at))


def _recount(session, unit_id, year, kind, phase) -> ReceivedFile | None:
    """Mark the newest valid version of one report as the one that counts; the others superseded."""
    files = session.scalars(
        select(ReceivedFile).where(
            ReceivedFile.unit_id == unit_id,
            ReceivedFile.year == year,
            ReceivedFile.kind == kind,
            ReceivedFile.phase.is_(None) if phase is None else ReceivedFile.phase == phase,
            ReceivedFile.status == ACCEPTED,
        )
    ).all()
    if not files:
        return None
    newest = max(files, key=order_key)
    for f in files:
        f.superseded_by_id = None if f is newest else newest.id
    return newest


def set_aside(
    db: Database,
    paths,
    found: ix.Inspection,
    year: int,
    reason: str,
    *,
    unit_id=None,
    signer: str = "",
    fingerprint: str = "",
    signed_at=None,
) -> IntakeOutcome:
    stored = ""
    if found.sha256:
        try:
            stored = _store_copy(paths, found, year, found.unit_code, SET_ASIDE)
        except OSError:
            stored = ""
    fields = dict(
        unit_id=unit_id,
        unit_code=found.unit_code[:40],
        unit_name=found.unit_name[:300],
        year=found.year,
        kind=found.kind[:40],
        phase=found.phase,
        version=found.version,
        document_code=found.document_code[:80],
        issued_on=found.issued_on,
        generated_at=found.generated_at[:40],
        original_name=found.name[:300],
        sha256=found.sha256 or "",
        stored_path=stored,
        signer=signer[:300],
        signer_fingerprint=fingerprint,
        signed_at=signed_at,
        reason=reason,
    )
    with db.transaction(f"Để riêng tệp {found.name}") as session:
        write_lock(session)
        record = (
            session.scalars(
                select(ReceivedFile)
                .where(ReceivedFile.sha256 == found.sha256, ReceivedFile.status == SET_ASIDE)
                .order_by(ReceivedFile.received_at)
            ).first()
            if found.sha256
            else None
        )
        if record is None:
            record = ReceivedFile(status=SET_ASIDE, **fields)
            session.add(record)
        else:  # the same file set aside again: still one row, with the latest reason
            for key, value in fields.items():
                setattr(record, key, value)
            record.received_at = datetime.now(timezone.utc)
        session.flush()
        file_id = record.id.hex
    return IntakeOutcome(
        found.name, SET_ASIDE, reason, found.unit_code, found.kind, found.phase, found.version, file_id=file_id
    )


def _taken(session, sha256: str) -> ReceivedFile | None:
    return session.scalars(
        select(ReceivedFile).where(ReceivedFile.sha256 == sha256, ReceivedFile.status == ACCEPTED)
    ).first()


def _duplicate_reason(same: ReceivedFile) -> str:
    taken = vntext.format_date(same.received_at.date()) if same.received_at else ""
    return (
        f"Trùng tệp đã nhận: cùng nội dung (SHA-256) với tệp '{same.original_name}' đã nhận ngày {taken}; "
        "không nhận lại."
    )


def _record_taken(
    session, found: ix.Inspection, unit_id, unit_code: str, stored: str, verdict, earlier: list[str]
) -> tuple[str, bool]:
    """Insert the taken file and its figures; the same content set aside before (say, while its
    signer was not trusted yet) is no longer set aside. Returns (file id, counts)."""
    for old in session.scalars(
        select(ReceivedFile).where(ReceivedFile.sha256 == found.sha256, ReceivedFile.status == SET_ASIDE)
    ):
        if old.stored_path and old.stored_path != stored:
            earlier.append(old.stored_path)
        session.delete(old)
    record = ReceivedFile(
        unit_id=unit_id,
        unit_code=found.unit_code[:40] or unit_code,
        unit_name=found.unit_name[:300],
        year=found.year,
        kind=found.kind,
        phase=found.phase,
        version=found.version,
        document_code=found.document_code[:80],
        issued_on=found.issued_on,
        generated_at=found.generated_at[:40],
        original_name=found.name[:300],
        sha256=found.sha256,
        stored_path=stored,
        signer=verdict.signer[:300],
        signer_fingerprint=verdict.fingerprint,
        signed_at=verdict.signed_at,
        status=ACCEPTED,
    )
    session.add(record)
    session.flush()
    if found.indicators:  # figures copied from the stored file: one bulk insert (the file's row is audited)
        session.execute(insert(ReceivedIndicator), [{"file_id": record.id, **row} for row in found.indicators])
    unit = session.get(SubordinateUnit, unit_id)
    if unit is not None and found.unit_uuid and not unit.unit_uuid:
        unit.unit_uuid = found.unit_uuid[:32]
    session.flush()
    newest = _recount(session, unit_id, found.year, found.kind, found.phase)
    return record.id.hex, newest is record


def intake_file(
    db: Database, paths, path: str | Path, year: int, *, trust_first: bool = False, auto_register: bool = False
) -> IntakeOutcome:
    """Take one workbook in, or set it aside with the reason. Never raises for a bad file."""
    from thidua_desktop.signing import keys

    found = ix.inspect_file(path)
    if not found.sha256:
        return IntakeOutcome(found.name, SET_ASIDE, found.problem)
    with db.reading() as session:  # early, to spare the signature check; checked again when writing
        same = _taken(session, found.sha256)
        if same is not None:
            return set_aside(db, paths, found, year, _duplicate_reason(same))
    if found.problem:
        return set_aside(db, paths, found, year, found.problem)
    if found.year != year:
        return set_aside(
            db,
            paths,
            found,
            year,
            (
                f"Sai năm: tệp là {ix.KIND_NAMES.get(found.kind, found.kind)} năm {found.year or '(không ghi)'}, "
                f"đang nhận báo cáo năm {year}."
            ),
        )
    if found.kind not in ix.TAKEN_KINDS:
        return set_aside(
            db,
            paths,
            found,
            year,
            (
                f"Loại văn bản '{found.kind or '(không ghi)'}' không thuộc diện tổng hợp (chỉ nhận bản đăng ký, "
                "báo cáo sơ kết, tổng kết và báo cáo tổng hợp)."
            ),
        )
    if found.kind in ("midyear-report", "year-report", "consolidation") and found.phase is None:
        return set_aside(db, paths, found, year, "Báo cáo không ghi đợt (phase) trong trang dữ liệu.")
    if found.unit_code and safe_names.unit_code_problem(found.unit_code):
        shown = found.unit_code if len(found.unit_code) <= 60 else found.unit_code[:57] + "…"
        return set_aside(
            db,
            paths,
            found,
            year,
            (
                f"Mã đơn vị '{shown}' trong tệp không hợp lệ: mã chỉ gồm {safe_names.UNIT_CODE_RULE}. "
                "Đơn vị cần sửa mã đơn vị của mình (thidua unit set --code …), xuất và ký lại tệp."
            ),
        )
    with db.reading() as session:
        unit = _match_unit(session, found)
        unit_id = unit.id if unit is not None else None
        unit_code = unit.code if unit is not None else found.unit_code
        pems = [c.pem for c in unit.certificates] if unit is not None else []
    if unit_id is None:
        if not auto_register:
            return set_aside(
                db,
                paths,
                found,
                year,
                (
                    f"Đơn vị không có trong danh sách đơn vị trực thuộc: mã '{found.unit_code or '(trống)'}', "
                    f"tên '{found.unit_name or '(trống)'}'. Hãy thêm đơn vị (thidua units add) rồi nhận lại tệp."
                ),
            )
        if not found.unit_code:
            return set_aside(db, paths, found, year, "Tệp không ghi mã đơn vị; không tự thêm đơn vị được.")
        unit_code = safe_names.normalise_unit_code(found.unit_code)
        try:
            add_unit(db, unit_code, found.unit_name or unit_code)
        except ValidationError:  # added meanwhile by another intake of the same unit
            pass
        with db.reading() as session:
            unit_id = find_unit(session, unit_code).id
    certs = [keys.load_certificates(p.encode("ascii"))[0] for p in pems]
    verdict = ix.verify_file(found.path, certs)  # pinned per unit: another unit's key never passes
    fp = verdict.fingerprint
    signed_at = verdict.signed_at
    if verdict.status != "valid":
        why = "; ".join(verdict.reasons) or verdict.summary()
        return set_aside(
            db,
            paths,
            found,
            year,
            f"Không qua kiểm tra chữ ký số: {why}",
            unit_id=unit_id,
            signer=verdict.signer,
            fingerprint=fp,
            signed_at=signed_at,
        )
    new_fp = ""
    if not verdict.known:
        if trust_first and not pems:
            try:
                trust_certificate(db, unit_code, verdict.certificate, how="first_receipt")
                new_fp = fp
            except ValidationError:  # another signer was trusted for this unit meanwhile
                pems = ["another"]
        if not new_fp:
            already = "; đơn vị đã có chứng thư số khác được tin cậy" if pems else ""
            return set_aside(
                db,
                paths,
                found,
                year,
                (
                    f"Người ký chưa được tin cậy cho đơn vị {unit_code}: {verdict.signer} (dấu vân tay {fp}){already}. "
                    "Hãy gọi điện cho đơn vị đối chiếu dấu vân tay rồi tin cậy chứng thư số (thidua units trust) "
                    "và nhận lại tệp."
                ),
                unit_id=unit_id,
                signer=verdict.signer,
                fingerprint=fp,
                signed_at=signed_at,
            )
    try:
        stored = _store_copy(paths, found, year, unit_code, ACCEPTED)
    except OSError:
        return IntakeOutcome(
            found.name,
            SET_ASIDE,
            (
                "Không chép được tệp vào thư mục dữ liệu (không có quyền ghi hoặc ổ đĩa đã đầy); tệp chưa được nhận, "
                "hãy nhận lại sau khi khắc phục."
            ),
        )
    name = ix.KIND_NAMES.get(found.kind, found.kind)
    earlier: list[str] = []
    duplicate = ""
    with db.transaction(f"Nhận {name} của đơn vị {unit_code} ({found.name})") as session:
        write_lock(session)  # the duplicate check and the insert are one write transaction
        same = _taken(session, found.sha256)
        if same is not None:  # taken meanwhile by another window or command
            duplicate = _duplicate_reason(same)
        else:
            file_id, counts = _record_taken(session, found, unit_id, unit_code, stored, verdict, earlier)
    if duplicate:
        return set_aside(db, paths, found, year, duplicate)
    for old in earlier:  # the copy kept when it was set aside: the file is now taken
        copy = paths.root / old
        if safe_names.is_inside(paths.root / RECEIVED_DIR, copy):
            copy.unlink(missing_ok=True)
    reason = "" if counts else "Đã nhận, nhưng đã có phiên bản mới hơn của báo cáo này; phiên bản mới hơn được tính."
    return IntakeOutcome(
        found.name, ACCEPTED, reason, unit_code, found.kind, found.phase, found.version, counts, file_id, new_fp
    )


def _failure_reason(exc: Exception, paths, path: Path) -> str:
    """Why a file could not be taken, in Vietnamese; an exception's own text goes to the crash log
    only. A database the window program holds read-only stops the whole intake (re-raised)."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from thidua_desktop.store.errors import StoreError

    if isinstance(exc, StoreError):  # our own refusals carry their Vietnamese message
        return f"Không nhận được tệp: {exc.message}"
    text = str(getattr(exc, "orig", None) or exc).lower()
    database = isinstance(exc, (OperationalError, sqlite3.OperationalError))  # BEGIN IMMEDIATE raises the latter
    if database and ("readonly database" in text or "read-only database" in text):
        raise exc
    if database and ("locked" in text or "busy" in text):
        return (
            "Thư mục dữ liệu đang bận (một cửa sổ hoặc lệnh khác đang ghi vào); tệp chưa được nhận, "
            "hãy nhận lại tệp này."
        )
    import traceback

    logged = ""
    try:
        paths.crash_log.parent.mkdir(parents=True, exist_ok=True)
        with paths.crash_log.open("a", encoding="utf-8") as log:
            log.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} nhận tệp {path}\n")
            log.write("".join(traceback.format_exception(exc)))
        logged = f" Chi tiết được ghi vào {paths.crash_log}."
    except OSError:
        pass
    return f"Không nhận được tệp do một lỗi ngoài dự kiến; tệp chưa được nhận, hãy thử nhận lại.{logged}"


def intake(
    db: Database,
    paths,
    inputs: Iterable,
    year: int,
    *,
    trust_first: bool = False,
    auto_register: bool = False,
    progress: Progress | None = None,
) -> list[IntakeOutcome]:
    """Take in every workbook of ``inputs`` (files and folders), one transaction per file."""
    report = progress or _noop
    files = ix.collect(inputs)
    if not files:
        raise ValidationError("Không có tệp sổ tính (.xlsx) nào để nhận.")
    outcomes = []
    for i, path in enumerate(files):
        report(int(100 * i / len(files)), f"Đang nhận tệp {i + 1}/{len(files)}: {path.name}")
        try:
            outcomes.append(intake_file(db, paths, path, year, trust_first=trust_first, auto_register=auto_register))
        except Exception as exc:  # noqa: BLE001 - a bad file never stops the others; the user reads a Vietnamese sentence
            outcomes.append(IntakeOutcome(path.name, SET_ASIDE, _failure_reason(exc, paths, path)))
    report(100, f"Đã xử lý {len(files)} tệp")
    return outcomes


@dataclass(frozen=True)
class ReceivedInfo:
    id: str
    unit_code: str
    unit_name: str
    year: int | None
    kind: str
    phase: int | None
    version: int | None
    document_code: str
    issued_on: date | None
    original_name: str
    stored_path: str
    signer: str
    signer_fingerprint: str
    received_at: datetime | None
    status: str
    reason: str
    counts: bool


def list_received(db: Database, year: int | None = None, *, status: str | None = None) -> list[ReceivedInfo]:
    with db.reading() as session:
        query = select(ReceivedFile).order_by(ReceivedFile.received_at, ReceivedFile.original_name)
        if year is not None:
            query = query.where((ReceivedFile.year == year) | ReceivedFile.year.is_(None))
        if status is not None:
            query = query.where(ReceivedFile.status == status)
        return [
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
                f.status == ACCEPTED and f.superseded_by_id is None,
            )
            for f in session.scalars(query)
        ]
