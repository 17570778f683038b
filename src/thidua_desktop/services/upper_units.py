"""The upper level's subordinate units (issue 8): the list, its import, the signers it trusts.

A unit is matched to the workbooks it sends by its code (one alphabet everywhere,
:mod:`thidua_desktop.core.safe_names`); each unit has the signer certificates the upper union
trusts for it, added by hand after reading the fingerprint over the phone, or on the unit's
first file (``how="first_receipt"``). Public through :mod:`thidua_desktop.services.upper`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from thidua_desktop.core import safe_names, vntext
from thidua_desktop.exchange import intake as ix
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import SubordinateUnit, UnitCertificate


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
    return UnitInfo(
        u.id.hex,
        u.code,
        u.name,
        u.email,
        u.note,
        tuple(CertInfo(c.fingerprint, c.subject, c.how, c.created_at) for c in u.certificates),
    )


def list_units(db: Database) -> list[UnitInfo]:
    with db.reading() as session:
        units = session.scalars(
            select(SubordinateUnit).options(selectinload(SubordinateUnit.certificates)).order_by(SubordinateUnit.code)
        ).all()
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


def find_unit(session, code: str) -> SubordinateUnit:
    given = vntext.nfc(code or "").strip()
    unit = None
    for wanted in dict.fromkeys((safe_names.normalise_unit_code(given), given)):  # a code kept from before, as is
        unit = session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == wanted)).first()
        if unit is not None:
            break
    if unit is None:
        raise NotFoundError(f"Không có đơn vị mã '{code}' trong danh sách đơn vị trực thuộc.")
    return unit


def write_lock(session) -> None:
    """Take SQLite's write lock now (``BEGIN IMMEDIATE``), before the transaction reads: what it
    then checks ("no such unit yet", "this file was not taken yet") stays true until it commits,
    even with another window or command writing the same data folder at the same time."""
    dbapi = session.connection().connection.dbapi_connection
    if not dbapi.in_transaction:
        dbapi.execute("BEGIN IMMEDIATE")


def add_unit(db: Database, code: str, name: str, email: str = "", note: str = "") -> UnitInfo:
    code, name, email = _check_unit_fields(code, name, email)
    with db.transaction(f"Thêm đơn vị trực thuộc {code}") as session:
        write_lock(session)
        if session.scalars(select(SubordinateUnit).where(SubordinateUnit.code == code)).first() is not None:
            raise ValidationError(f"Đã có đơn vị mã '{code}'; hãy sửa đơn vị đó hoặc dùng mã khác.")
        unit = SubordinateUnit(code=code, name=name, email=email, note=note or "")
        session.add(unit)
        session.flush()
        return UnitInfo(unit.id.hex, code, name, email, unit.note)


def update_unit(
    db: Database,
    code: str,
    *,
    name: str | None = None,
    email: str | None = None,
    note: str | None = None,
    new_code: str | None = None,
) -> UnitInfo:
    with db.transaction(f"Sửa đơn vị trực thuộc {code}") as session:
        write_lock(session)
        unit = find_unit(session, code)
        c, n, e = _check_unit_fields(
            new_code if new_code is not None else unit.code,
            name if name is not None else unit.name,
            email if email is not None else unit.email,
        )
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
        session.delete(find_unit(session, code))


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
    except Exception:  # noqa: BLE001 - calamine raises its own types on a file that is not a workbook
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
        raise ValidationError(
            f"Tệp {path.name}, trang '{sheet_name}': không thấy dòng tiêu đề có cột 'Mã' và 'Tên' (cột 'Email' nếu có)."
        )
    found: dict[str, tuple[str, str]] = {}
    for r, row in enumerate(rows[header_row + 1 :], header_row + 2):

        def cell(key):
            c = cols.get(key)
            v = row[c] if c is not None and c < len(row) else ""
            return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v or "")

        if not any(str(v or "").strip() for v in row):
            continue
        code, name, email = _check_unit_fields(
            cell("code"), cell("name"), cell("email"), f"Tệp {path.name}, trang '{sheet_name}', dòng {r}: "
        )
        if code in found:
            raise ValidationError(f"Tệp {path.name}, trang '{sheet_name}', dòng {r}: mã '{code}' bị lặp.")
        found[code] = (name, email)
    if not found:
        raise ValidationError(f"Tệp {path.name}: không có đơn vị nào dưới dòng tiêu đề.")
    with db.transaction(f"Nhập danh sách đơn vị trực thuộc từ {path.name}") as session:
        write_lock(session)
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
        write_lock(session)  # two intakes trusting the same first signer: one adds it, the other finds it
        unit = find_unit(session, code)
        for c in unit.certificates:
            if c.fingerprint == fp:
                return CertInfo(c.fingerprint, c.subject, c.how, c.created_at)
        if how == "first_receipt" and unit.certificates:
            raise ValidationError(
                f"Đơn vị {unit.code} đã có chứng thư số khác được tin cậy; không tin cậy thêm "
                "người ký mới khi nhận tệp."
            )
        record = UnitCertificate(
            unit_id=unit.id,
            fingerprint=fp,
            subject=keys.subject_name(cert),
            pem=keys.cert_pem(cert).decode("ascii"),
            how=how,
        )
        session.add(record)
        session.flush()
        return CertInfo(fp, record.subject, how, record.created_at)


def untrust_certificate(db: Database, code: str, fingerprint: str) -> int:
    wanted = "".join(ch for ch in fingerprint.upper() if ch in "0123456789ABCDEF")
    if len(wanted) < 8:
        raise ValidationError("Cần ít nhất 8 chữ số đầu của dấu vân tay chứng thư số.")
    with db.transaction(f"Bỏ tin cậy chứng thư số của đơn vị {code}") as session:
        unit = find_unit(session, code)
        gone = [c for c in unit.certificates if c.fingerprint.replace(" ", "").startswith(wanted)]
        for c in gone:
            session.delete(c)
        return len(gone)
