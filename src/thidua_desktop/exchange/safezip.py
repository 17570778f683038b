"""Check a zip package (.xlsx, .ods) with our own bounded inflater before any library opens it.

Spreadsheet libraries (calamine's Rust zip reader, Python's ``zipfile.read``, openpyxl) trust
the sizes a zip declares: a 1.6 MB .xlsx whose ``sharedStrings.xml`` declares 2,000 bytes but
inflates to 1.5 GB makes them allocate all of it before anything can say no. So every member is
inflated *here* first, in small pieces (``zlib.decompressobj`` with ``max_length``), and refused
at the first byte beyond what its header declares, beyond the total limit or beyond the ratio
limit; its CRC-32 is checked too. Once a package passes, each member's declared size is true, so
a library that inflates it can allocate no more than those sizes (at most ``MAX_UNCOMPRESSED``).

The local headers are cross-checked with the central directory (same name, method and — when
stated — sizes), members may not overlap or repeat a name, and only the two methods Office and
LibreOffice write (stored, deflate) are accepted, so that a library reading the file in its own
way finds the same bytes we checked.

Memory: a few hundred kilobytes whatever the file says; a lying member is refused after
inflating at most its declared size plus one piece.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

__all__ = ["ZipRefused", "check_zip", "MAX_UNCOMPRESSED", "MAX_RATIO", "RATIO_FLOOR", "MAX_MEMBERS"]

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members together, inflated
MAX_RATIO = 100  # inflated / file size ...
RATIO_FLOOR = 10 * 1024 * 1024  # ... checked once the inflated content is bigger than this
MAX_MEMBERS = 10_000
_IN = 64 * 1024  # compressed bytes fed at a time
_OUT = 256 * 1024  # at most this much inflated at a time

_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # local file header, 30 bytes
_LOCAL_SIG = b"PK\x03\x04"


class ZipRefused(Exception):
    """A package refused before inflation; ``message_vi`` says why (names the file).

    ``kind``: ``"bomb"`` (sizes or ratio beyond the limits, a member inflating to more than it
    declares), ``"password"`` (encrypted members), ``"corrupt"`` (anything else malformed).
    """

    def __init__(self, kind: str, message_vi: str, detail: str = "") -> None:
        super().__init__(message_vi)
        self.kind = kind
        self.message_vi = message_vi
        self.detail = detail  # the Vietnamese detail alone, for callers that word their own message


@dataclass(frozen=True)
class CheckedMember:
    name: str
    size: int
    compressed: int


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _bytes(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " byte"


def _bomb(name: str, detail: str) -> ZipRefused:
    return ZipRefused(
        "bomb",
        f"Tệp {name} có nội dung nén bất thường ({detail}) — có thể là tệp độc hại, chương trình "
        "không mở. Nếu đây đúng là tệp của đơn vị, hãy mở bằng Excel rồi lưu lại thành tệp mới.",
        detail,
    )


def _corrupt(name: str, detail: str) -> ZipRefused:
    return ZipRefused(
        "corrupt",
        f"Tệp {name} bị hỏng hoặc không đọc được ({detail}). "
        "Hãy thử mở bằng Excel hoặc LibreOffice và lưu lại thành tệp mới.",
        detail,
    )


def check_zip(
    data: bytes,
    name: str,
    *,
    max_total: int = MAX_UNCOMPRESSED,
    max_ratio: int = MAX_RATIO,
    ratio_floor: int = RATIO_FLOOR,
    max_members: int = MAX_MEMBERS,
) -> list[CheckedMember]:
    """Inflate every member of the zip *data* (bounded) and check it; raise :class:`ZipRefused`.

    *name* is the file name shown in the message. Returns the members, all checked.
    """
    try:
        zf = zipfile.ZipFile(BytesIO(data))  # reads the central directory only; inflates nothing
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise _corrupt(name, f"tệp nén hỏng: {exc}") from None
    if len(infos) > max_members:
        raise _bomb(name, f"{len(infos)} tệp con")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ZipRefused("password", f"Tệp {name} được đặt mật khẩu nên không đọc được.", "mật khẩu")
    size = len(data)
    declared = sum(i.file_size for i in infos)
    if declared > max_total:
        raise _bomb(name, f"giải nén ra {_mb(declared)}, quá {_mb(max_total)}")
    if declared > ratio_floor and declared > max_ratio * size:
        raise _bomb(name, f"giải nén ra {_mb(declared)} từ {_mb(size)}, gấp hơn {max_ratio} lần")

    seen: set[str] = set()
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        if info.filename in seen:
            raise _corrupt(name, f"phần '{info.filename}' xuất hiện hai lần")
        seen.add(info.filename)
        spans.append((*_locate(data, info, name), info.filename))
    spans.sort()
    for (_, end, a), (start, _, b) in zip(spans, spans[1:]):
        if start < end:
            raise _corrupt(name, f"phần '{a}' và '{b}' chồng lên nhau")

    total = 0
    checked: list[CheckedMember] = []
    by_name = {s[2]: s for s in spans}
    for info in infos:
        start, end, _ = by_name[info.filename]
        header = _LOCAL.unpack_from(data, info.header_offset)
        data_start = info.header_offset + _LOCAL.size + header[9] + header[10]
        body = memoryview(data)[data_start : data_start + info.compress_size]
        total = _inflate(body, info, name, total, max_total, max_ratio, ratio_floor, size)
        checked.append(CheckedMember(info.filename, info.file_size, info.compress_size))
    return checked


def _locate(data: bytes, info: zipfile.ZipInfo, name: str) -> tuple[int, int]:
    """(start, end) of the member's local header and data; the header must agree with the directory."""
    off = info.header_offset
    if off < 0 or off + _LOCAL.size > len(data):
        raise _corrupt(name, f"phần '{info.filename}' nằm ngoài tệp")
    sig, _ver, flags, method, _t, _d, crc, csize, usize, nlen, xlen = _LOCAL.unpack_from(data, off)
    if sig != _LOCAL_SIG:
        raise _corrupt(name, f"phần '{info.filename}': đầu mục không hợp lệ")
    raw_name = data[off + _LOCAL.size : off + _LOCAL.size + nlen]
    local_name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
    if local_name != info.filename or method != info.compress_type:
        raise _corrupt(name, f"phần '{info.filename}': đầu mục không khớp với mục lục của tệp nén")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _corrupt(name, f"phần '{info.filename}' nén bằng phương pháp không hỗ trợ ({info.compress_type})")
    if not flags & 0x8 and csize != 0xFFFFFFFF and usize != 0xFFFFFFFF:
        if (csize, usize, crc) != (info.compress_size, info.file_size, info.CRC):
            raise _corrupt(name, f"phần '{info.filename}': kích thước ghi ở hai nơi khác nhau")
    start = off + _LOCAL.size + nlen + xlen
    end = start + info.compress_size
    if end > len(data):
        raise _corrupt(name, f"phần '{info.filename}' bị cắt cụt")
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        raise _corrupt(name, f"phần '{info.filename}': kích thước không khớp")
    return off, end


def _inflate(body: memoryview, info: zipfile.ZipInfo, name: str, total: int, max_total: int,
             max_ratio: int, ratio_floor: int, size: int) -> int:  # fmt: skip
    member = info.filename
    declared = info.file_size
    produced = 0
    crc = 0

    def take(chunk: bytes) -> None:
        nonlocal produced, crc, total
        produced += len(chunk)
        total += len(chunk)
        if produced > declared:
            raise _bomb(name, f"phần '{member}' ghi {_bytes(declared)} nhưng giải nén ra nhiều hơn")
        if total > max_total:
            raise _bomb(name, f"giải nén ra hơn {_mb(max_total)}")
        if total > ratio_floor and total > max_ratio * size:
            raise _bomb(name, f"giải nén ra hơn {_mb(total)} từ {_mb(size)}, gấp hơn {max_ratio} lần")
        crc = zlib.crc32(chunk, crc)

    if info.compress_type == zipfile.ZIP_STORED:
        for pos in range(0, len(body), _OUT):
            take(bytes(body[pos : pos + _OUT]))
    else:
        d = zlib.decompressobj(-15)
        pos = 0
        try:
            while not d.eof:
                if d.unconsumed_tail:
                    buf = d.unconsumed_tail
                elif pos < len(body):
                    buf = bytes(body[pos : pos + _IN])
                    pos += _IN
                else:
                    buf = b""
                # never more than what is still allowed (+1 to see a lie), never more than _OUT
                chunk = d.decompress(buf, max(1, min(_OUT, declared - produced + 1)))
                if not chunk and not buf:
                    break  # input exhausted, nothing pending: the stream is cut short
                if chunk:
                    take(chunk)
        except zlib.error as exc:
            raise _corrupt(name, f"phần '{member}': {exc}") from None
        if not d.eof:
            raise _corrupt(name, f"phần '{member}' bị cắt cụt")
    if produced != declared:
        raise _corrupt(name, f"phần '{member}' ghi {_bytes(declared)} nhưng chỉ có {_bytes(produced)}")
    if crc != info.CRC:
        raise _corrupt(name, f"phần '{member}' sai mã kiểm tra CRC")
    return total
