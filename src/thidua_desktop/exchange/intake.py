"""Reading a received workbook for the upper level: what it is, whose, and is it intact.

:func:`inspect_file` reads the file's ``_du_lieu`` sheet (documents/MACHINE_SHEET.md) and its
SHA-256; :func:`verify_file` checks the workbook signature against the certificates the upper
union trusts for that unit. Nothing here touches the database: ``services.upper`` decides
whether to take the file or set it aside, and records it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from thidua_desktop.core import vntext

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# What the upper level adds up; other kinds (initiatives, proposals…) are set aside with the reason.
TAKEN_KINDS = ("registration", "midyear-report", "year-report", "consolidation")
KIND_NAMES = {
    "registration": "Bản đăng ký thi đua",
    "midyear-report": "Báo cáo sơ kết",
    "year-report": "Báo cáo tổng kết",
    "consolidation": "Báo cáo tổng hợp",
}
INDICATOR_KINDS = ("count", "percent", "yesno", "money")


@dataclass
class Inspection:
    path: Path
    sha256: str
    problem: str = ""  # why this is not a readable thidua workbook (Vietnamese), else empty
    meta: dict = field(default_factory=dict)
    indicators: list[dict] = field(default_factory=list)
    covered_units: tuple[str, ...] = ()  # a consolidation's units (its [units] table), as written

    @property
    def name(self) -> str:
        return self.path.name

    def _text(self, key: str) -> str:
        value = self.meta.get(key)
        return vntext.nfc(str(value)).strip() if value is not None else ""

    def _int(self, key: str) -> int | None:
        value = self.meta.get(key)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @property
    def kind(self) -> str:
        return self._text("document_kind")

    @property
    def year(self) -> int | None:
        return self._int("year")

    @property
    def phase(self) -> int | None:
        return self._int("phase")

    @property
    def version(self) -> int | None:
        return self._int("document_version")

    @property
    def unit_code(self) -> str:
        return self._text("unit_code")

    @property
    def unit_name(self) -> str:
        return self._text("unit_name")

    @property
    def unit_uuid(self) -> str:
        return self._text("unit_id").replace("-", "").lower()

    @property
    def upper_union(self) -> str:
        return self._text("upper_union")

    @property
    def document_code(self) -> str:
        return self._text("document_code")

    @property
    def generated_at(self) -> str:
        return self._text("generated_at")

    @property
    def issued_on(self) -> date | None:
        try:
            return date.fromisoformat(self._text("issued_on")[:10])
        except ValueError:
            return None


def _walk(folder: Path) -> list[Path]:
    """The workbooks under ``folder``, sorted; linked folders are not entered, and a linked file
    is listed (to be set aside with the reason), never followed."""
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            if Path(name).suffix.lower() in WORKBOOK_SUFFIXES and not name.startswith(("~$", ".")):
                found.append(Path(top) / name)
    return sorted(found)


def collect(inputs) -> list[Path]:
    """Files and folders → the workbooks to take in (folders recursively, sorted; Office lock
    files ``~$…`` and hidden files skipped). Other files given by name are kept, to be set
    aside with the reason."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(_walk(path))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.absolute() if path.is_symlink() else path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def inspect_file(path: str | os.PathLike[str]) -> Inspection:
    """Read the machine sheet; any problem becomes ``problem`` (never an exception)."""
    from thidua_desktop.documents import machine

    path = Path(path)
    if path.is_symlink():  # never read what a link points to: it may be anywhere on the computer
        return Inspection(
            path,
            "",
            f"Tệp {path.name} là liên kết (symbolic link) tới một tệp khác; không nhận. "
            "Hãy chép chính tệp sổ tính vào thư mục rồi nhận lại.",
        )
    try:
        sha = file_sha256(path)
    except FileNotFoundError:
        return Inspection(path, "", f"Không tìm thấy tệp {path}.")
    except IsADirectoryError:
        return Inspection(path, "", f"{path.name} là một thư mục, không phải tệp sổ tính.")
    except PermissionError:
        return Inspection(path, "", f"Không đọc được tệp {path.name}: không có quyền đọc tệp.")
    except OSError:
        return Inspection(path, "", f"Không đọc được tệp {path.name} (tệp đang bị khóa hoặc ổ đĩa bị lỗi).")
    found = Inspection(path, sha)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        found.problem = f"Tệp {path.name} không phải sổ tính Excel (.xlsx) của phần mềm thi đua."
        return found
    try:
        data = machine.read_sheet(path)
    except ValueError as exc:  # machine.read_sheet's own Vietnamese sentences; anything else is not shown
        said = (
            str(exc)
            if type(exc) is ValueError and str(exc).startswith(("Tệp ", "Trang "))
            else (f"Tệp {path.name} không đọc được trang dữ liệu {machine.SHEET}.")
        )
        found.problem = (
            f"Không phải sổ tính của phần mềm thi đua: {said} "
            "(tệp phải được xuất bằng phần mềm, còn nguyên trang dữ liệu ẩn)."
        )
        return found
    except Exception:  # noqa: BLE001 - a file from outside may make the workbook reader raise anything
        found.problem = f"Tệp {path.name} không phải sổ tính Excel đọc được (hoặc bị hỏng)."
        return found
    try:
        version = int(data.meta.get("schema_version") or 0)
    except (TypeError, ValueError):
        version = 0
    if version > machine.SCHEMA_VERSION:
        found.problem = (
            f"Tệp {path.name} theo phiên bản dữ liệu {version}, mới hơn phiên bản phần mềm này đọc "
            f"được ({machine.SCHEMA_VERSION}); hãy cập nhật phần mềm."
        )
        return found
    found.meta = data.meta
    try:
        rows = data.table("indicators").records()
    except KeyError:
        rows = []
    for i, row in enumerate(rows, 1):
        code = vntext.nfc(str(row.get("indicator_code") or "")).strip()
        kind = str(row.get("kind") or "")
        measure = str(row.get("measure") or "")
        if not code or kind not in INDICATOR_KINDS or measure not in ("registered", "result"):
            found.problem = (
                f"Tệp {path.name}, trang {machine.SHEET}, mục [indicators], dòng {i}: thiếu mã chỉ tiêu "
                "hoặc loại/đại lượng không hợp lệ."
            )
            return found
        phase = row.get("phase")
        found.indicators.append(
            {
                "indicator_code": code,
                "indicator_name": vntext.nfc(str(row.get("indicator_name") or "")),
                "unit_of_measure": vntext.nfc(str(row.get("unit_of_measure") or "")),
                "kind": kind,
                "measure": measure,
                "phase": int(phase) if isinstance(phase, (int, float)) else None,
                "value": _decimal(row.get("value")),
                "numerator": _decimal(row.get("numerator")),
                "denominator": _decimal(row.get("denominator")),
            }
        )
    if found.kind == "consolidation":
        try:
            units = data.table("units").records()
        except KeyError:
            units = []
        found.covered_units = tuple(
            dict.fromkeys(vntext.nfc(str(u.get("unit_code") or "")).strip() for u in units if u.get("unit_code"))
        )
    return found


def verify_file(path: Path, trust) -> object:
    """The signature verdict (``signing.verify.Verdict``) against ``trust`` (certificates)."""
    from thidua_desktop.signing.verify import verify

    return verify(path, list(trust))
