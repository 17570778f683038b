"""The upper level (cấp trên, issue 8): subordinate units, intake, completeness, consolidation.

The same data folder and app run in "upper level" mode (``AppSetting`` ``mode`` = ``upper``):
the unit profile is then the upper union itself (LĐLĐ huyện …), and the year's plan gives the
deadlines. Received workbooks are copied under ``<data folder>/received/<year>/``; each is
verified, matched by its ``_du_lieu`` sheet to a unit, year, kind and phase, and either taken or
set aside with the reason (Vietnamese) — one transaction per file, a bad file never stops the
others. Of several versions of the same report the newest valid one counts; the others are kept,
marked superseded.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from thidua_desktop.core import safe_names, vntext
from thidua_desktop.core.consolidation import ConsolidatedLine, UnitFigure, consolidate, mark_applicable
from thidua_desktop.exchange import intake as ix
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import (
    AppSetting,
    EmulationYear,
    ReceivedFile,
    ReceivedIndicator,
    SubordinateUnit,
    Unit,
    UnitCertificate,
)

MODE_KEY = "mode"
MODES = ("cdcs", "upper")
ACCEPTED, SET_ASIDE = "accepted", "set_aside"
EXPECTED = ("registration", "midyear-report", "year-report")
EXPECTED_NAMES = {"registration": "Đăng ký", "midyear-report": "Sơ kết", "year-report": "Tổng kết"}
STATUS_NAMES = {"on_time": "Đúng hạn", "late": "Muộn", "missing": "Chưa nộp", "pending": "Chưa đến hạn",
                "received": "Đã nộp"}
RECEIVED_DIR = "received"
Progress = Callable[[int, str], None]


def _noop(_p: int, _m: str) -> None:
    pass


# --- mode -----------------------------------------------------------------------------------


def get_mode(db: Database) -> str:
    with db.reading() as session:
        setting = session.get(AppSetting, MODE_KEY)
        return setting.value if setting is not None and setting.value in MODES else "cdcs"


def set_mode(db: Database, mode: str) -> None:
    if mode not in MODES:
        raise ValidationError(f"Chế độ phải là 'cdcs' (công đoàn cơ sở) hoặc 'upper' (công đoàn cấp trên), "
                              f"không phải '{mode}'.")
    action = "Chuyển sang chế độ công đoàn cấp trên" if mode == "upper" else "Chuyển sang chế độ công đoàn cơ sở"
    with db.transaction(action) as session:
        setting = session.get(AppSetting, MODE_KEY)
        if setting is None:
            session.add(AppSetting(key=MODE_KEY, value=mode))
        else:
            setting.value = mode


# --- subordinate units -------------------------------------------------------------------------


@dataclass(frozen=True)
class CertInfo:
    fingerprint: str
    subject: str
    how: str
    added_at: datetime | None


@dataclass(frozen=True)
class UnitInfo:
    id: str
    code: str
    name: str
    email: str
    note: str
    certificates: tuple[CertInfo, ...] = ()


def _info(u: SubordinateUnit) -> UnitInfo:
    return UnitInfo(u.id.hex, u.code, u.name, u.email, u.note, tuple(
        CertInfo(c.fingerprint, c.subject, c.how, c.created_at) for c in u.certificates))


def list_units(db: Database) -> list[UnitInfo]:
    with db.reading() as session:
        units = session.scalars(select(SubordinateUnit).options(selectinload(SubordinateUnit.certificates))
                                .order_by(SubordinateUnit.code)).all()
        return [_info(u) for u in units]


def _check_unit_fields(code: str, name: str, email: str, where: str = "") -> tuple[str, str, str]:
    name, email = vntext.nfc(name or "").strip(), (email or "").strip()
    try:
        code = safe_names.check_unit_code(code, where)  # one alphabet everywhere (core.safe_names)
    except safe_names.UnitCodeError as exc:
        raise ValidationError(exc.message) from None
    if not name:
        raise ValidationError(f"{where}Thiếu tên đơn vị (mã {code}).")
    if email and ("@" not in email or " " in email):
        raise ValidationError(f"{where}Email '{email}' của đơn vị {code} không hợp lệ.")
    return code, name, email


def _find_unit(session, code: str) -> SubordinateUnit:
    given = vntext.nfc(code or "").strip()
    unit = None
    for wanted in dict.fromkeys((safe_names.normalise_unit_code(given), given)):  # a code kept from before, as is
        unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == wanted)).first()
        if unit is not None:
            break
    if unit is None:
        raise NotFoundError(f"Không có đơn vị mã '{code}' trong danh sách đơn vị trực thuộc.")
    return unit


def _write_lock(session) -> None:
    """Take SQLite's write lock now (``BEGIN IMMEDIATE``), before the transaction reads: what it
    then checks ("no such unit yet", "this file was not taken yet") stays true until it commits,
    even with another window or command writing the same data folder at the same time."""
    dbapi = session.connection().connection.dbapi_connection
    if not dbapi.in_transaction:
        dbapi.execute("BEGIN IMMEDIATE")


def add_unit(db: Database, code: str, name: str, email: str = "", note: str = "") -> UnitInfo:
    code, name, email = _check_unit_fields(code, name, email)
    with db.transaction(f"Thêm đơn vị trực thuộc {code}") as session:
        _write_lock(session)
        if session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == code)).first() is not None:
            raise ValidationError(f"Đã có đơn vị mã '{code}'; hãy sửa đơn vị đó hoặc dùng mã khác.")
        unit = SubordinateUnit(code=code, name=name, email=email, note=note or "")
        session.add(unit)
        session.flush()
        return UnitInfo(unit.id.hex, code, name, email, unit.note)


def update_unit(db: Database, code: str, *, name: str | None = None, email: str | None = None,
                note: str | None = None, new_code: str | None = None) -> UnitInfo:
    with db.transaction(f"Sửa đơn vị trực thuộc {code}") as session:
        _write_lock(session)
        unit = _find_unit(session, code)
        c, n, e = _check_unit_fields(new_code if new_code is not None else unit.code,
                                     name if name is not None else unit.name,
                                     email if email is not None else unit.email)
        if c != unit.code and session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == c)).first():
            raise ValidationError(f"Đã có đơn vị mã '{c}'.")
        unit.code, unit.name, unit.email = c, n, e
        if note is not None:
            unit.note = note
        session.flush()
        return _info(unit)


def remove_unit(db: Database, code: str) -> None:
    """Remove a unit from the list; the files received from it are kept (no longer linked)."""
    with db.transaction(f"Xóa đơn vị trực thuộc {code}") as session:
        session.delete(_find_unit(session, code))


def import_units(db: Database, path: str | Path) -> int:
    """Add or update units from a simple list (.xlsx/.xls/.ods/.csv): columns Mã, Tên, Email.
    All or nothing: any bad row refuses the whole file, naming the row."""
    from python_calamine import CalamineWorkbook

    from thidua_desktop.exchange import safezip

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(safezip.MAX_UNCOMPRESSED)
    except OSError:
        data = b""
    if data.startswith(b"PK\x03\x04"):  # every member inflated by our bounded reader before calamine
        try:
            safezip.check_zip(data, path.name)
        except safezip.ZipRefused as exc:
            raise ValidationError(exc.message_vi) from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet_name = book.sheet_names[0]
        rows = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    except Exception:
        raise ValidationError(f"Không đọc được tệp {path.name} (cần sổ tính .xlsx, .xls hoặc .ods).") from None
    header_row, cols = None, {}
    for r, row in enumerate(rows[:20]):
        keys = [vntext.search_key(str(v or "")) for v in row]
        for c, key in enumerate(keys):
            if key in ("ma", "ma don vi", "ma dv", "code"):
                cols["code"] = c
            elif key in ("ten", "ten don vi", "ten cdcs", "name", "ten cong doan co so"):
                cols["name"] = c
            elif key in ("email", "e-mail", "thu dien tu"):
                cols["email"] = c
        if "code" in cols and "name" in cols:
            header_row = r
            break
        cols = {}
    if header_row is None:
        raise ValidationError(f"Tệp {path.name}, trang '{sheet_name}': không thấy dòng tiêu đề có cột 'Mã' và "
                              "'Tên' (cột 'Email' nếu có).")
    found: dict[str, tuple[str, str]] = {}
    for r, row in enumerate(rows[header_row + 1:], header_row + 2):
        def cell(key):
            c = cols.get(key)
            v = row[c] if c is not None and c < len(row) else ""
            return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v or "")
        if not any(str(v or "").strip() for v in row):
            continue
        code, name, email = _check_unit_fields(cell("code"), cell("name"), cell("email"),
                                               f"Tệp {path.name}, trang '{sheet_name}', dòng {r}: ")
        if code in found:
            raise ValidationError(f"Tệp {path.name}, trang '{sheet_name}', dòng {r}: mã '{code}' bị lặp.")
        found[code] = (name, email)
    if not found:
        raise ValidationError(f"Tệp {path.name}: không có đơn vị nào dưới dòng tiêu đề.")
    with db.transaction(f"Nhập danh sách đơn vị trực thuộc từ {path.name}") as session:
        _write_lock(session)
        existing = {u.code: u for u in session.scalars(select(SubordinateUnit))}
        for code, (name, email) in found.items():
            unit = existing.get(code)
            if unit is None:
                session.add(SubordinateUnit(code=code, name=name, email=email))
            else:
                unit.name = name
                unit.email = email or unit.email
    return len(found)


def _cert_of(source) -> object:
    """A certificate from a certificate file (.pem/.cer/.crt) or from a signed workbook."""
    from cryptography import x509

    from thidua_desktop.signing import keys

    if isinstance(source, x509.Certificate):
        return source
    path = Path(source)
    if path.suffix.lower() in ix.WORKBOOK_SUFFIXES:
        from thidua_desktop.signing.verify import _pem_to_cert
        from thidua_desktop.signing.workbook import read_signature_sheet

        sheet = read_signature_sheet(path)
        cert = _pem_to_cert(sheet.get("cert_pem", "")) if sheet else None
        if cert is None:
            raise ValidationError(f"Tệp {path.name} không có chữ ký số để lấy chứng thư số.")
        return cert
    return keys.load_certificate_file(path)


def certificate_fingerprint(source) -> str:
    from thidua_desktop.signing import keys

    return keys.fingerprint(_cert_of(source))


def trust_certificate(db: Database, code: str, source, *, how: str = "manual") -> CertInfo:
    """Trust a signer certificate for unit ``code`` (after reading its fingerprint over the phone)."""
    from thidua_desktop.signing import keys

    cert = _cert_of(source)
    fp = keys.fingerprint(cert)
    with db.transaction(f"Tin cậy chứng thư số cho đơn vị {code}") as session:
        _write_lock(session)  # two intakes trusting the same first signer: one adds it, the other finds it
        unit = _find_unit(session, code)
        for c in unit.certificates:
            if c.fingerprint == fp:
                return CertInfo(c.fingerprint, c.subject, c.how, c.created_at)
        if how == "first_receipt" and unit.certificates:
            raise ValidationError(f"Đơn vị {unit.code} đã có chứng thư số khác được tin cậy; không tin cậy thêm "
                                  "người ký mới khi nhận tệp.")
        record = UnitCertificate(unit_id=unit.id, fingerprint=fp, subject=keys.subject_name(cert),
                                 pem=keys.cert_pem(cert).decode("ascii"), how=how)
        session.add(record)
        session.flush()
        return CertInfo(fp, record.subject, how, record.created_at)


def untrust_certificate(db: Database, code: str, fingerprint: str) -> int:
    wanted = "".join(ch for ch in fingerprint.upper() if ch in "0123456789ABCDEF")
    if len(wanted) < 8:
        raise ValidationError("Cần ít nhất 8 chữ số đầu của dấu vân tay chứng thư số.")
    with db.transaction(f"Bỏ tin cậy chứng thư số của đơn vị {code}") as session:
        unit = _find_unit(session, code)
        gone = [c for c in unit.certificates if c.fingerprint.replace(" ", "").startswith(wanted)]
        for c in gone:
            session.delete(c)
        return len(gone)


# --- intake ---------------------------------------------------------------------------------


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
        unit_folder = (safe_names.safe_file_name(unit_code, "_khong-ro-don-vi") if safe_names.is_unit_code(unit_code)
                       else "_khong-ro-don-vi")
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
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")  # one per writer: two intakes
        try:  # of the same file at once each write their own, then the same content is renamed in place
            shutil.copyfile(found.path, partial)
            partial.replace(target)
        except OSError:
            if not target.is_file():  # Windows may refuse the rename while the other writer's copy is in place
                raise
        finally:
            partial.unlink(missing_ok=True)
    return target.relative_to(paths.root).as_posix()


def _small(value: int | None) -> int:
    return value if value is not None and 0 <= value < 10_000 else 0


def _utc(moment: datetime | None) -> datetime:
    """SQLite gives back naive times (stored in UTC); a row just made carries an aware one."""
    if moment is None:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _order_key(f: ReceivedFile):
    return (f.version or 0, f.issued_on or date.min, f.generated_at or "", _utc(f.received_at))


def _recount(session, unit_id, year, kind, phase) -> ReceivedFile | None:
    """Mark the newest valid version of one report as the one that counts; the others superseded."""
    files = session.scalars(select(ReceivedFile).where(
        ReceivedFile.unit_id == unit_id, ReceivedFile.year == year, ReceivedFile.kind == kind,
        ReceivedFile.phase.is_(None) if phase is None else ReceivedFile.phase == phase,
        ReceivedFile.status == ACCEPTED)).all()
    if not files:
        return None
    newest = max(files, key=_order_key)
    for f in files:
        f.superseded_by_id = None if f is newest else newest.id
    return newest


def _set_aside(db: Database, paths, found: ix.Inspection, year: int, reason: str, *, unit_id=None,
               signer: str = "", fingerprint: str = "", signed_at=None) -> IntakeOutcome:
    stored = ""
    if found.sha256:
        try:
            stored = _store_copy(paths, found, year, found.unit_code, SET_ASIDE)
        except OSError:
            stored = ""
    fields = dict(
        unit_id=unit_id, unit_code=found.unit_code[:40], unit_name=found.unit_name[:300], year=found.year,
        kind=found.kind[:40], phase=found.phase, version=found.version, document_code=found.document_code[:80],
        issued_on=found.issued_on, generated_at=found.generated_at[:40], original_name=found.name[:300],
        sha256=found.sha256 or "", stored_path=stored, signer=signer[:300], signer_fingerprint=fingerprint,
        signed_at=signed_at, reason=reason)
    with db.transaction(f"Để riêng tệp {found.name}") as session:
        _write_lock(session)
        record = session.scalars(select(ReceivedFile).where(
            ReceivedFile.sha256 == found.sha256, ReceivedFile.status == SET_ASIDE)
            .order_by(ReceivedFile.received_at)).first() if found.sha256 else None
        if record is None:
            record = ReceivedFile(status=SET_ASIDE, **fields)
            session.add(record)
        else:  # the same file set aside again: still one row, with the latest reason
            for key, value in fields.items():
                setattr(record, key, value)
            record.received_at = datetime.now(timezone.utc)
        session.flush()
        file_id = record.id.hex
    return IntakeOutcome(found.name, SET_ASIDE, reason, found.unit_code, found.kind, found.phase, found.version,
                         file_id=file_id)


def _taken(session, sha256: str) -> ReceivedFile | None:
    return session.scalars(select(ReceivedFile).where(ReceivedFile.sha256 == sha256,
                                                      ReceivedFile.status == ACCEPTED)).first()


def _duplicate_reason(same: ReceivedFile) -> str:
    taken = vntext.format_date(same.received_at.date()) if same.received_at else ""
    return (f"Trùng tệp đã nhận: cùng nội dung (SHA-256) với tệp '{same.original_name}' đã nhận ngày {taken}; "
            "không nhận lại.")


def _record_taken(session, found: ix.Inspection, unit_id, unit_code: str, stored: str, verdict,
                  earlier: list[str]) -> tuple[str, bool]:
    """Insert the taken file and its figures; the same content set aside before (say, while its
    signer was not trusted yet) is no longer set aside. Returns (file id, counts)."""
    for old in session.scalars(select(ReceivedFile).where(
            ReceivedFile.sha256 == found.sha256, ReceivedFile.status == SET_ASIDE)):
        if old.stored_path and old.stored_path != stored:
            earlier.append(old.stored_path)
        session.delete(old)
    record = ReceivedFile(
        unit_id=unit_id, unit_code=found.unit_code[:40] or unit_code, unit_name=found.unit_name[:300],
        year=found.year, kind=found.kind, phase=found.phase, version=found.version,
        document_code=found.document_code[:80], issued_on=found.issued_on, generated_at=found.generated_at[:40],
        original_name=found.name[:300], sha256=found.sha256, stored_path=stored, signer=verdict.signer[:300],
        signer_fingerprint=verdict.fingerprint, signed_at=verdict.signed_at, status=ACCEPTED)
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


def intake_file(db: Database, paths, path: str | Path, year: int, *, trust_first: bool = False,
                auto_register: bool = False) -> IntakeOutcome:
    """Take one workbook in, or set it aside with the reason. Never raises for a bad file."""
    from thidua_desktop.signing import keys

    found = ix.inspect_file(path)
    if not found.sha256:
        return IntakeOutcome(found.name, SET_ASIDE, found.problem)
    with db.reading() as session:  # early, to spare the signature check; checked again when writing
        same = _taken(session, found.sha256)
        if same is not None:
            return _set_aside(db, paths, found, year, _duplicate_reason(same))
    if found.problem:
        return _set_aside(db, paths, found, year, found.problem)
    if found.year != year:
        return _set_aside(db, paths, found, year, (
            f"Sai năm: tệp là {ix.KIND_NAMES.get(found.kind, found.kind)} năm {found.year or '(không ghi)'}, "
            f"đang nhận báo cáo năm {year}."))
    if found.kind not in ix.TAKEN_KINDS:
        return _set_aside(db, paths, found, year, (
            f"Loại văn bản '{found.kind or '(không ghi)'}' không thuộc diện tổng hợp (chỉ nhận bản đăng ký, "
            "báo cáo sơ kết, tổng kết và báo cáo tổng hợp)."))
    if found.kind in ("midyear-report", "year-report", "consolidation") and found.phase is None:
        return _set_aside(db, paths, found, year, "Báo cáo không ghi đợt (phase) trong trang dữ liệu.")
    if found.unit_code and safe_names.unit_code_problem(found.unit_code):
        shown = found.unit_code if len(found.unit_code) <= 60 else found.unit_code[:57] + "…"
        return _set_aside(db, paths, found, year, (
            f"Mã đơn vị '{shown}' trong tệp không hợp lệ: mã chỉ gồm {safe_names.UNIT_CODE_RULE}. "
            "Đơn vị cần sửa mã đơn vị của mình (thidua unit set --code …), xuất và ký lại tệp."))
    with db.reading() as session:
        unit = _match_unit(session, found)
        unit_id = unit.id if unit is not None else None
        unit_code = unit.code if unit is not None else found.unit_code
        pems = [c.pem for c in unit.certificates] if unit is not None else []
    if unit_id is None:
        if not auto_register:
            return _set_aside(db, paths, found, year, (
                f"Đơn vị không có trong danh sách đơn vị trực thuộc: mã '{found.unit_code or '(trống)'}', "
                f"tên '{found.unit_name or '(trống)'}'. Hãy thêm đơn vị (thidua units add) rồi nhận lại tệp."))
        if not found.unit_code:
            return _set_aside(db, paths, found, year, "Tệp không ghi mã đơn vị; không tự thêm đơn vị được.")
        unit_code = safe_names.normalise_unit_code(found.unit_code)
        try:
            add_unit(db, unit_code, found.unit_name or unit_code)
        except ValidationError:  # added meanwhile by another intake of the same unit
            pass
        with db.reading() as session:
            unit_id = _find_unit(session, unit_code).id
    certs = [keys.load_certificates(p.encode("ascii"))[0] for p in pems]
    verdict = ix.verify_file(found.path, certs)  # pinned per unit: another unit's key never passes
    fp = verdict.fingerprint
    signed_at = verdict.signed_at
    if verdict.status != "valid":
        why = "; ".join(verdict.reasons) or verdict.summary()
        return _set_aside(db, paths, found, year, f"Không qua kiểm tra chữ ký số: {why}", unit_id=unit_id,
                          signer=verdict.signer, fingerprint=fp, signed_at=signed_at)
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
            return _set_aside(db, paths, found, year, (
                f"Người ký chưa được tin cậy cho đơn vị {unit_code}: {verdict.signer} (dấu vân tay {fp}){already}. "
                "Hãy gọi điện cho đơn vị đối chiếu dấu vân tay rồi tin cậy chứng thư số (thidua units trust) "
                "và nhận lại tệp."), unit_id=unit_id, signer=verdict.signer, fingerprint=fp, signed_at=signed_at)
    try:
        stored = _store_copy(paths, found, year, unit_code, ACCEPTED)
    except OSError:
        return IntakeOutcome(found.name, SET_ASIDE, (
            "Không chép được tệp vào thư mục dữ liệu (không có quyền ghi hoặc ổ đĩa đã đầy); tệp chưa được nhận, "
            "hãy nhận lại sau khi khắc phục."))
    name = ix.KIND_NAMES.get(found.kind, found.kind)
    earlier: list[str] = []
    duplicate = ""
    with db.transaction(f"Nhận {name} của đơn vị {unit_code} ({found.name})") as session:
        _write_lock(session)  # the duplicate check and the insert are one write transaction
        same = _taken(session, found.sha256)
        if same is not None:  # taken meanwhile by another window or command
            duplicate = _duplicate_reason(same)
        else:
            file_id, counts = _record_taken(session, found, unit_id, unit_code, stored, verdict, earlier)
    if duplicate:
        return _set_aside(db, paths, found, year, duplicate)
    for old in earlier:  # the copy kept when it was set aside: the file is now taken
        copy = paths.root / old
        if safe_names.is_inside(paths.root / RECEIVED_DIR, copy):
            copy.unlink(missing_ok=True)
    reason = "" if counts else "Đã nhận, nhưng đã có phiên bản mới hơn của báo cáo này; phiên bản mới hơn được tính."
    return IntakeOutcome(found.name, ACCEPTED, reason, unit_code, found.kind, found.phase, found.version, counts,
                         file_id, new_fp)


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
        return ("Thư mục dữ liệu đang bận (một cửa sổ hoặc lệnh khác đang ghi vào); tệp chưa được nhận, "
                "hãy nhận lại tệp này.")
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


def intake(db: Database, paths, inputs: Iterable, year: int, *, trust_first: bool = False,
           auto_register: bool = False, progress: Progress | None = None) -> list[IntakeOutcome]:
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
        except Exception as exc:  # a bad file never stops the others; the user reads a Vietnamese sentence
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
        return [ReceivedInfo(f.id.hex, f.unit_code, f.unit_name, f.year, f.kind, f.phase, f.version, f.document_code,
                             f.issued_on, f.original_name, f.stored_path, f.signer, f.signer_fingerprint,
                             f.received_at, f.status, f.reason,
                             f.status == ACCEPTED and f.superseded_by_id is None)
                for f in session.scalars(query)]


# --- deadlines and completeness ---------------------------------------------------------------


@dataclass(frozen=True)
class Deadlines:
    registration: date | None
    phases: tuple[tuple[int, date], ...]  # (phase number, report due)

    @property
    def first_phase(self) -> int:
        return self.phases[0][0] if self.phases else 1

    @property
    def last_phase(self) -> int:
        return self.phases[-1][0] if self.phases else 2

    def due(self, kind: str) -> date | None:
        if kind == "registration":
            return self.registration
        if not self.phases:
            return None
        return self.phases[0][1] if kind == "midyear-report" else self.phases[-1][1]

    def phase_of(self, kind: str) -> int | None:
        if kind == "registration":
            return None
        return self.first_phase if kind == "midyear-report" else self.last_phase


def deadlines(db: Database, year: int) -> Deadlines:
    """The plan's deadlines: the year in the data folder, else the built-in plan of that year."""
    with db.reading() as session:
        record = session.scalars(select(EmulationYear).options(selectinload(EmulationYear.phases))
                                 .where(EmulationYear.year == year)).first()
        if record is not None:
            return Deadlines(record.registration_due, tuple((p.number, p.report_due) for p in record.phases))
    from thidua_desktop.core.plan import builtin_templates

    for template in builtin_templates():
        if template.year == year:
            return Deadlines(template.registration_due, tuple((p.number, p.report_due) for p in template.phases))
    return Deadlines(None, ())


@dataclass(frozen=True)
class Expected:
    kind: str
    due: date | None
    status: str  # on_time | late | missing | pending | received
    sent_on: date | None = None  # the date of the first version taken
    versions: int = 0
    file_id: str = ""  # the version that counts


@dataclass(frozen=True)
class UnitCompleteness:
    code: str
    name: str
    email: str
    reports: tuple[Expected, ...]

    @property
    def missing(self) -> list[Expected]:
        return [e for e in self.reports if e.status == "missing"]


def completeness(db: Database, year: int, *, today: date | None = None) -> list[UnitCompleteness]:
    """Units × expected reports (registration, sơ kết, tổng kết): on time / late / missing."""
    today = today or date.today()
    plan = deadlines(db, year)
    with db.reading() as session:
        units = session.scalars(select(SubordinateUnit).order_by(SubordinateUnit.code)).all()
        files = session.scalars(select(ReceivedFile).where(ReceivedFile.year == year,
                                                           ReceivedFile.status == ACCEPTED)).all()
        by_key: dict[tuple, list[ReceivedFile]] = {}
        for f in files:
            kind = f.kind
            if kind == "consolidation":  # a lower upper union's consolidation stands for its report
                kind = "registration" if f.phase is None else (
                    "year-report" if f.phase == plan.last_phase else "midyear-report")
            by_key.setdefault((f.unit_id, kind), []).append(f)
        table = []
        for u in units:
            cells = []
            for kind in EXPECTED:
                due = plan.due(kind)
                got = by_key.get((u.id, kind), [])
                if got:
                    first = min((f.issued_on or (f.signed_at.date() if f.signed_at else None) or f.received_at.date())
                                for f in got)
                    counting = next((f for f in got if f.superseded_by_id is None), got[-1])
                    status = "received" if due is None else ("on_time" if first <= due else "late")
                    cells.append(Expected(kind, due, status, first, len(got), counting.id.hex))
                else:
                    status = "missing" if due is not None and today > due else "pending"
                    cells.append(Expected(kind, due, status))
            table.append(UnitCompleteness(u.code, u.name, u.email, tuple(cells)))
    return table


def reminders(table: list[UnitCompleteness]) -> list[tuple[UnitCompleteness, list[Expected]]]:
    return [(u, u.missing) for u in table if u.missing]


def export_completeness(table: list[UnitCompleteness], year: int, out: str | Path) -> Path:
    """The completeness table and the reminder list as a workbook (two sheets)."""
    import xlsxwriter

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"Tệp {out.name}: chỉ xuất được .xlsx.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    book = xlsxwriter.Workbook(str(partial), {"strings_to_numbers": False})
    try:
        bold = book.add_format({"bold": True, "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
        cell = book.add_format({"border": 1, "valign": "top"})
        late = book.add_format({"border": 1, "valign": "top", "font_color": "#9C5700", "bg_color": "#FFEB9C"})
        miss = book.add_format({"border": 1, "valign": "top", "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        sheet = book.add_worksheet("Tình hình nộp")
        sheet.write(0, 0, f"TÌNH HÌNH NỘP BÁO CÁO THI ĐUA NĂM {year}", book.add_format({"bold": True, "size": 13}))
        head = ["STT", "Mã", "Tên đơn vị", "Email"]
        for kind in EXPECTED:
            head += [f"{EXPECTED_NAMES[kind]}: tình trạng", f"{EXPECTED_NAMES[kind]}: ngày gửi"]
        for c, text in enumerate(head):
            sheet.write(2, c, text, bold)
        for r, u in enumerate(table, 3):
            sheet.write_number(r, 0, r - 2, cell)
            sheet.write_string(r, 1, u.code, cell)
            sheet.write_string(r, 2, u.name, cell)
            sheet.write_string(r, 3, u.email, cell)
            for k, e in enumerate(u.reports):
                fmt = miss if e.status == "missing" else late if e.status == "late" else cell
                sheet.write_string(r, 4 + 2 * k, STATUS_NAMES[e.status], fmt)
                sheet.write_string(r, 5 + 2 * k, vntext.format_date(e.sent_on) if e.sent_on else "", fmt)
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 10)
        sheet.set_column(2, 2, 45)
        sheet.set_column(3, 3, 28)
        sheet.set_column(4, 9, 14)
        remind = book.add_worksheet("Cần nhắc")
        remind.write(0, 0, f"DANH SÁCH ĐƠN VỊ CẦN NHẮC NỘP BÁO CÁO NĂM {year}",
                     book.add_format({"bold": True, "size": 13}))
        for c, text in enumerate(["STT", "Mã", "Tên đơn vị", "Email", "Còn thiếu", "Hạn"]):
            remind.write(2, c, text, bold)
        for r, (u, missing) in enumerate(reminders(table), 3):
            remind.write_number(r, 0, r - 2, cell)
            remind.write_string(r, 1, u.code, cell)
            remind.write_string(r, 2, u.name, cell)
            remind.write_string(r, 3, u.email, cell)
            remind.write_string(r, 4, ", ".join(EXPECTED_NAMES[e.kind] for e in missing), cell)
            remind.write_string(r, 5, ", ".join(vntext.format_date(e.due) for e in missing if e.due), cell)
        remind.set_column(2, 2, 45)
        remind.set_column(3, 5, 24)
        book.close()
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


# --- consolidation --------------------------------------------------------------------------


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
        record = session.scalars(select(EmulationYear).options(selectinload(EmulationYear.indicators))
                                 .where(EmulationYear.year == year)).first()
        if record is not None:
            order = [x.code for x in record.indicators]
        else:
            order = next((tuple(i.code for i in t.indicators) for t in builtin_templates() if t.year == year), ())
        files = session.scalars(select(ReceivedFile).where(
            ReceivedFile.year == year, ReceivedFile.status == ACCEPTED, ReceivedFile.superseded_by_id.is_(None),
            ReceivedFile.kind.in_(kinds), ReceivedFile.phase == phase, ReceivedFile.unit_id.is_not(None))
            .order_by(ReceivedFile.unit_code)).all()
        by_unit: dict = {}
        for f in files:  # one source per unit: a report (or a consolidation) — the newest
            held = by_unit.get(f.unit_id)
            if held is None or _order_key(f) > _order_key(held):
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
                figures.append(UnitFigure(code, name, r.indicator_code, r.indicator_name, r.unit_of_measure, r.kind,
                                          r.value, r.numerator, r.denominator, registered.get(r.indicator_code),
                                          f.id.hex))
        sources = [ReceivedInfo(f.id.hex, f.unit_code, f.unit_name, f.year, f.kind, f.phase, f.version,
                                f.document_code, f.issued_on, f.original_name, f.stored_path, f.signer,
                                f.signer_fingerprint, f.received_at, f.status, f.reason, True) for f in chosen]
        missing = [(u.code, u.name) for uid, u in sorted(units.items(), key=lambda kv: kv[1].code)
                   if uid not in by_unit]
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
        Annex, Column, Document, Header, Heading, Num, Paragraph, Signature, Table,
    )
    from thidua_desktop.documents.machine import MachineData, MachineTable

    unit = _upper_unit(db)
    issued_on = issued_on or date.today()
    period = f"năm {result.year}" if result.last_phase else f"đợt {result.phase} năm {result.year}"
    subject = f"Tổng hợp kết quả thực hiện các chỉ tiêu thi đua {period}"
    columns = [Column("TT", 0.45, "center"), Column("Chỉ tiêu", 4.2), Column("Đơn vị tính", 1.1, "center"),
               Column("Số đơn vị áp dụng", 1.0, "right", "int"),
               Column("Số đơn vị báo cáo", 1.0, "right", "int"), Column("Đăng ký", 1.2, "right", "number"),
               Column("Kết quả", 1.2, "right", "number"), Column("Tử số", 1.1, "right", "number"),
               Column("Mẫu số", 1.1, "right", "number"), Column("Ghi chú", 1.8)]
    rows = []
    for i, x in enumerate(result.lines, 1):
        cell = CELL_KINDS.get(x.kind, "number")
        value_kind = "number" if x.kind == "yesno" else cell
        note = "số đơn vị đạt / số đơn vị báo cáo" if x.kind == "yesno" else ""
        if x.without_basis:
            note = f"{len(x.without_basis)} đơn vị thiếu tử số/mẫu số: " + ", ".join(x.without_basis[:10])
        if x.not_reported:
            note = "; ".join(filter(None, (note, f"{len(x.not_reported)} đơn vị chưa báo cáo: "
                                           + ", ".join(x.not_reported[:10]))))
        rows.append([i, x.name, x.unit_of_measure, x.applicable_units, x.units, Num(x.registered, value_kind),
                     Num(x.value, value_kind), Num(x.numerator, "number"), Num(x.denominator, "number"), note])
    detail_cols = [Column("Mã đơn vị", 0.9), Column("Tên đơn vị", 3.2), Column("Mã chỉ tiêu", 0.8),
                   Column("Chỉ tiêu", 3.2), Column("Kết quả", 1.1, "right", "number"),
                   Column("Tử số", 0.9, "right", "number"), Column("Mẫu số", 0.9, "right", "number")]
    detail = [[f.unit_code, f.unit_name, f.indicator_code, f.indicator_name,
               Num(f.value, "number" if f.kind == "yesno" else CELL_KINDS.get(f.kind, "number")),
               Num(f.numerator, "number"), Num(f.denominator, "number")]
              for x in result.lines for f in x.details]
    source_cols = [Column("STT", 0.5, "center", "int"), Column("Mã", 0.9), Column("Tên đơn vị", 4.0),
                   Column("Văn bản", 1.4), Column("Ngày", 1.1, "center", "date"), Column("Phiên bản", 0.8, "right", "int")]
    source_rows = [[i, s.unit_code, s.unit_name, s.document_code, s.issued_on, s.version]
                   for i, s in enumerate(result.sources, 1)]
    body = [
        Paragraph(f"Tổng hợp từ {len(result.sources)} báo cáo của các đơn vị trực thuộc"
                  + (f"; còn {len(result.missing_units)} đơn vị chưa gửi báo cáo." if result.missing_units else ".")),
        Paragraph("Các chỉ tiêu đếm và số tiền được cộng; tỷ lệ được tính lại từ tổng tử số và tổng mẫu số "
                  "(không lấy trung bình các tỷ lệ); chỉ tiêu có/không ghi số đơn vị đạt.", italic=True),
        Heading("KẾT QUẢ TỔNG HỢP CÁC CHỈ TIÊU"),
        Table(columns, rows, sheet="Tổng hợp", font_size=10, numbered_header=True,
              caption=f"TỔNG HỢP KẾT QUẢ CÁC CHỈ TIÊU THI ĐUA {period.upper()}"),
    ]
    code_line = f"Số:      /BC-{unit.issuer_code or 'LĐLĐ'}"
    doc = Document(
        kind="consolidation",
        header=Header(upper=unit.upper_union_parent or unit.upper_union, issuer=unit.name, number=code_line,
                      place_date=vntext.place_date_line(unit.place_name, issued_on)),
        type_name="BÁO CÁO", subject=subject, recipient=unit.upper_union or "", body=body,
        signatures=[Signature(("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"),
                              next((o.full_name for o in unit.officers if o.role == "chair"), ""))],
        recipients=[f"- {unit.upper_union} (b/c);" if unit.upper_union else "- Cấp trên (b/c);", "- Lưu: VT."],
        annexes=[Annex("DANH SÁCH BÁO CÁO ĐƯỢC TỔNG HỢP", blocks=[Table(source_cols, source_rows, sheet="Đơn vị",
                                                                         font_size=10)], landscape=True),
                 Annex("CHI TIẾT THEO ĐƠN VỊ", blocks=[Table(detail_cols, detail, sheet="Chi tiết đơn vị",
                                                              font_size=9)], landscape=True)],
        title=f"Báo cáo {subject[:1].lower() + subject[1:]}", author=unit.name,
    )
    indicators = MachineTable("indicators", [*INDICATOR_COLUMNS, "applicable_units"])
    for x in result.lines:
        base = uuid.uuid5(unit.id, f"consolidation:{result.year}:{x.code}")
        if x.registered is not None and x.kind != "percent":
            indicators.rows.append([uuid.uuid5(base, "registered").hex, base.hex, x.code, x.name, x.unit_of_measure,
                                    x.kind, "registered", None, x.registered, None, None, "", "", "",
                                    x.applicable_units])
        indicators.rows.append([uuid.uuid5(base, f"result:{result.phase}").hex, base.hex, x.code, x.name,
                                x.unit_of_measure, x.kind, "result", result.phase, x.value, x.numerator,
                                x.denominator, f"{x.units} đơn vị", "", "", x.applicable_units])
    units = MachineTable("units", ["record_id", "unit_code", "unit_name", "document_kind", "document_code",
                                   "document_version", "issued_on"],
                         [[s.id, s.unit_code, s.unit_name, s.kind, s.document_code, s.version, s.issued_on]
                          for s in result.sources])
    meta = {
        "schema": machine.SCHEMA, "schema_version": machine.SCHEMA_VERSION,
        "generator": f"thidua_desktop {__version__}",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "document_kind": "consolidation", "document_code": "", "document_number": None, "document_version": 1,
        "issued_on": issued_on, "unit_id": unit.id.hex, "unit_name": unit.name, "unit_code": unit.code,
        "issuer_code": unit.issuer_code, "upper_union": unit.upper_union, "year": result.year, "phase": result.phase,
        "report_kind": "year" if result.last_phase else "midyear", "report_id": None,
        "units_count": len(result.sources),
    }
    return doc, MachineData(meta, [indicators, units])


def export_consolidated(db: Database, result: Consolidation, out: str | Path, *,
                        issued_on: date | None = None) -> Path:
    """Write the consolidated workbook (.xlsx, with ``_du_lieu``) or the PDF summary (.pdf)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(f"Tệp {out.name}: chỉ xuất được .xlsx hoặc .pdf.")
    if not out.parent.is_dir():
        raise ValidationError(f"Thư mục {out.parent} không tồn tại.")
    if not result.lines:
        raise ValidationError(f"Chưa có báo cáo nào được nhận cho đợt {result.phase} năm {result.year}; "
                              "chưa có gì để tổng hợp.")
    doc, data = build_consolidated(db, result, issued_on=issued_on)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        if suffix == ".pdf":
            from thidua_desktop.documents.pdf import write_pdf

            write_pdf(doc, partial)
        else:
            from thidua_desktop.documents.workbook import write_workbook

            write_workbook(doc, data, partial)
        partial.replace(out)
    except OSError as exc:
        raise ValidationError(f"Không ghi được tệp {out}: {exc.strerror or exc}.") from exc
    finally:
        partial.unlink(missing_ok=True)
    return out


def _doubled_consolidations(found: list[ix.Inspection], year: int) -> dict[Path, str]:
    """The consolidation workbooks that would add some units twice, with the reason (Vietnamese):
    their units' own workbooks are in the same folder, or another issuer's consolidation taken
    already covers them. Several versions from the same issuer are left to the version rules."""
    usable = [f for f in found if not f.problem and f.year == year and f.kind in ix.TAKEN_KINDS]
    own = {safe_names.normalise_unit_code(f.unit_code) for f in usable if f.kind != "consolidation" and f.unit_code}
    covered_by: dict[str, set[str]] = {}  # issuer → units of its consolidations taken
    doubled: dict[Path, str] = {}
    for f in usable:
        if f.kind != "consolidation":
            continue
        issuer = safe_names.normalise_unit_code(f.unit_code)
        units = {safe_names.normalise_unit_code(c) for c in f.covered_units}
        elsewhere = set().union(*(u for i, u in covered_by.items() if i != issuer))
        who = f"{f.unit_name or 'đơn vị'}{f' ({f.unit_code})' if f.unit_code else ''}"
        if not units and own:
            doubled[f.path] = (
                f"Báo cáo tổng hợp của {who} không ghi danh sách đơn vị được tổng hợp, mà thư mục có cả tệp của "
                "các đơn vị; để tránh cộng hai lần, tệp tổng hợp được để riêng (không cộng).")
            continue
        twice = sorted(units & (own | elsewhere))
        if twice:
            named = ", ".join(twice[:10]) + (f" và {len(twice) - 10} đơn vị khác" if len(twice) > 10 else "")
            where = "có tệp riêng trong thư mục" if units & own else "đã có trong một báo cáo tổng hợp khác"
            only_here = sorted(units - own - elsewhere)
            lost = (f" Các đơn vị {', '.join(only_here[:10])}{' …' if len(only_here) > 10 else ''} chỉ có trong tệp "
                    "tổng hợp này nên chưa được cộng: hãy thêm tệp của chính các đơn vị đó." if only_here else "")
            doubled[f.path] = (
                f"Báo cáo tổng hợp của {who} gồm các đơn vị {named}, mà các đơn vị này {where}; không cộng hai "
                f"lần: tệp tổng hợp được để riêng, các đơn vị được cộng theo tệp của chính đơn vị.{lost}")
            continue
        covered_by.setdefault(issuer, set()).update(units)
    return doubled


def consolidate_folder(inputs: Iterable, year: int, out: str | Path, *, phase: int | None = None,
                       name: str | None = None, progress: Progress | None = None
                       ) -> tuple[Consolidation, list[IntakeOutcome], Path]:
    """Intake into a scratch data folder, then consolidate: for adding up a folder without keeping it.

    In a scratch folder every unit is new: units are taken from the files (their code) and each
    unit's first signer is trusted on that receipt — signatures are still checked for integrity,
    and a second signer for the same unit, a tampered file or a repeated one is still set aside.
    A consolidation workbook is added only when none of its units is added otherwise: one whose
    units also sent their own workbooks in the folder (or that are in another consolidation
    taken) is set aside with the reason — never both.
    """
    import tempfile

    from thidua_desktop.paths import DataPaths
    files = ix.collect(inputs)
    if not files:
        raise ValidationError("Không có tệp sổ tính (.xlsx) nào để tổng hợp.")
    found = {path: ix.inspect_file(path) for path in files}
    doubled = _doubled_consolidations([found[p] for p in files], year)
    with tempfile.TemporaryDirectory(prefix="thidua-tong-hop-") as tmp:
        paths = DataPaths(Path(tmp)).ensure()
        db = Database.open(paths)
        try:
            upper_name = name or next((f.upper_union for f in found.values() if not f.problem and f.upper_union), "")
            with db.transaction("Tổng hợp trong thư mục tạm") as session:  # only the name is printed
                session.add(Unit(name=vntext.nfc(upper_name or "Công đoàn cấp trên"), issuer_code="LĐLĐ"))
            set_mode(db, "upper")
            rest = [p for p in files if p not in doubled]
            taken = iter(intake(db, paths, rest, year, trust_first=True, auto_register=True, progress=progress)
                         if rest else [])
            outcomes = [_set_aside(db, paths, found[p], year, doubled[p]) if p in doubled else next(taken)
                        for p in files]
            result = consolidation(db, year, phase)
            written = export_consolidated(db, result, out)
        finally:
            db.close()
    return result, outcomes, written


# --- reminders by email ---------------------------------------------------------------------
#
# One message per unit that has a report missing (past its due date), queued in the outbox
# (``services.outbox``); each report reminded is recorded as an ``AppSetting`` row
# ``nhac-nop:<year>:<unit id>:<kind>:<day>`` in the same transaction as its message, so the same
# report is never reminded twice to the same unit on the same day — a second run that day queues
# only what was not reminded yet. Each unit's message is its own transaction: a refusal for one
# unit (a bad address) leaves the others queued, and running again never duplicates them.

REMINDER_PREFIX = "nhac-nop"


@dataclass(frozen=True)
class Reminder:
    code: str
    name: str
    email: str
    kinds: tuple[str, ...]  # the missing reports not reminded yet on that day
    already: tuple[str, ...]  # missing reports already reminded on that day (not sent again)
    subject: str
    body: str

    @property
    def to_send(self) -> bool:
        return bool(self.kinds and self.email)


@dataclass
class RemindOutcome:
    queued: list[tuple[str, uuid.UUID]] = field(default_factory=list)  # (unit code, outbox message id)
    already: list[str] = field(default_factory=list)  # units reminded that day of every missing report
    without_email: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (unit code, Vietnamese reason)


def _reminder_key(year: int, unit_id: uuid.UUID, kind: str, day: date) -> str:
    return f"{REMINDER_PREFIX}:{year}:{unit_id.hex}:{kind}:{day.isoformat()}"


def _report_title(kind: str, year: int, plan: Deadlines) -> str:
    if kind == "registration":
        return f"bản đăng ký thi đua năm {year}"
    if kind == "midyear-report":
        return f"báo cáo sơ kết đợt {plan.first_phase} năm {year}"
    return f"báo cáo tổng kết thi đua năm {year}"


def _compose_reminder(sender, unit: UnitCompleteness, kinds, year: int, plan: Deadlines,
                      day: date) -> tuple[str, str]:
    upper_name = sender.name if sender is not None else "Công đoàn cấp trên"
    titles = [_report_title(k, year, plan) for k in kinds]
    lines = []
    for k, title in zip(kinds, titles):
        due = plan.due(k)
        lines.append(f"  - {title[:1].upper()}{title[1:]}" + (f" (hạn {vntext.format_date(due)})" if due else ""))
    where = f" qua địa chỉ {sender.email}" if sender is not None and sender.email else ""
    sign_off = [f"TM. BAN THƯỜNG VỤ {upper_name.upper()}"]
    chair = sender.chair if sender is not None else None
    if chair is not None:
        sign_off += [chair.position or "Chủ tịch", chair.full_name]
    contact = " — ".join(x for x in ((sender.phone, sender.email) if sender is not None else ()) if x)
    body = (
        f"Kính gửi: Ban Chấp hành {unit.name}\n\n"
        f"Đến ngày {vntext.format_date(day)}, {upper_name} chưa nhận được của đơn vị:\n"
        + ";\n".join(lines) + ".\n\n"
        f"Đề nghị đơn vị hoàn thành, ký số và gửi về {upper_name}{where} trong thời gian sớm nhất. "
        "Nếu đơn vị đã gửi, xin vui lòng bỏ qua thư này và báo lại để chúng tôi kiểm tra.\n\n"
        "Trân trọng.\n\n" + "\n".join(sign_off) + (f"\n{contact}" if contact else "") + "\n"
    )
    subject = f"Nhắc gửi {', '.join(titles)} — {unit.name}"
    return subject, body


def reminders_due(db: Database, year: int, *, today: date | None = None) -> list[Reminder]:
    """The reminders to send on ``today``: every unit with a report missing, with what it was
    already reminded of that day (from the records of earlier reminders)."""
    from thidua_desktop.services import year as year_service

    today = today or date.today()
    table = completeness(db, year, today=today)
    plan = deadlines(db, year)
    sender = year_service.get_unit(db)
    prefix = f"{REMINDER_PREFIX}:{year}:"
    with db.reading() as session:
        ids = {u.code: u.id for u in session.scalars(select(SubordinateUnit))}
        done = set(session.scalars(select(AppSetting.key).where(AppSetting.key.like(f"{prefix}%"))))
    result = []
    for u, missing in reminders(table):
        unit_id = ids.get(u.code)
        kinds = tuple(e.kind for e in missing)
        already = tuple(k for k in kinds if unit_id is not None and _reminder_key(year, unit_id, k, today) in done)
        fresh = tuple(k for k in kinds if k not in already)
        subject, body = _compose_reminder(sender, u, fresh or kinds, year, plan, today)
        result.append(Reminder(u.code, u.name, u.email, fresh, already, subject, body))
    return result


def queue_reminders(db: Database, paths, year: int, *, today: date | None = None,
                    codes: Iterable[str] | None = None) -> RemindOutcome:
    """Queue one reminder per unit with a missing report (only ``codes`` when given) in the outbox.

    Refused as a whole when no mail server is set up (the messages could never leave)."""
    from thidua_desktop.sending.message import MessageError
    from thidua_desktop.services import outbox

    today = today or date.today()
    if not outbox.load_smtp_settings(paths).host:
        raise ValidationError("Chưa khai báo máy chủ thư (SMTP): hãy khai báo trước khi gửi thư nhắc.")
    wanted = None if codes is None else {c.strip().upper() for c in codes}
    outcome = RemindOutcome()
    for r in reminders_due(db, year, today=today):
        if wanted is not None and r.code.upper() not in wanted:
            continue
        if not r.kinds:
            outcome.already.append(r.code)
            continue
        if not r.email:
            outcome.without_email.append(r.code)
            continue

        def record(session, row, r=r) -> None:
            unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == r.code)).first()
            if unit is None:
                raise ValidationError(f"Đơn vị {r.code} không còn trong danh sách.")
            for kind in r.kinds:
                key = _reminder_key(year, unit.id, kind, today)
                if session.get(AppSetting, key) is not None:  # reminded meanwhile (another window)
                    raise ValidationError(f"Đơn vị {r.code} vừa được nhắc hôm nay.")
                session.add(AppSetting(key=key, value=row.id.hex))

        names = ", ".join(EXPECTED_NAMES[k].lower() for k in r.kinds)
        try:
            entry = outbox.queue_message(db, paths, r.email, r.subject, r.body, (),
                                         action=f"Nhắc {r.code} gửi {names} năm {year} (thư nhắc, hộp thư đi)",
                                         within=record)
        except (MessageError, ValidationError) as exc:
            outcome.refused.append((r.code, exc.message))
            continue
        outcome.queued.append((r.code, entry.id))
    return outcome
