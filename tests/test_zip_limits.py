"""A lying zip is refused before any library inflates it (issue 14).

The files are made here: a real .xlsx (XlsxWriter) whose ``xl/sharedStrings.xml`` is replaced by
a deflate stream of hundreds of megabytes while its headers declare 2,000 bytes (CRC of those
2,000 bytes, so only the size lies). Refusing it must take well under a second and little memory:
each refusal is measured in a fresh subprocess with ``resource.getrusage`` (peak RSS).
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import textwrap
import time
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter

from thidua_desktop.exchange import safezip
from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook

MB = 1024 * 1024


def _plain_xlsx(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Danh sách")
    ws.write_row(0, 0, ["Họ và tên", "Số tiền"])
    for i in range(1, 30):
        ws.write_row(i, 0, [f"Nguyễn Văn {i}", i * 1000])
    wb.close()
    return path


def _deflate_repeated(prefix: bytes, filler: bytes, total: int) -> tuple[bytes, bytes]:
    """A raw deflate stream of ``prefix + filler…`` (``total`` bytes), made without holding it."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [c.compress(prefix)]
    block = filler * (MB // len(filler))
    left = total - len(prefix)
    head = prefix
    while left > 0:
        piece = block[: min(left, len(block))]
        if len(head) < 2000:
            head += piece[: 2000 - len(head)]
        parts.append(c.compress(piece))
        left -= len(piece)
    parts.append(c.flush())
    return b"".join(parts), head[:2000]


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """Members as (name, deflated body, declared size, crc, method); headers written by hand."""
    out = bytearray()
    central = bytearray()
    for name, body, size, crc, method in members:
        raw = name.encode()
        offset = len(out)
        out += (
            struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0x800, method, 0, 0x21, crc, len(body), size, len(raw), 0)
            + raw
            + body
        )
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0x800,
                method,
                0,
                0x21,
                crc,
                len(body),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw
        )
    cd_offset = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), cd_offset, 0)
    path.write_bytes(bytes(out))


def lying_xlsx(path: Path, inflated: int, *, member: str = "xl/sharedStrings.xml", declared: int = 2000) -> Path:
    """A real workbook whose *member* declares *declared* bytes but inflates to *inflated*."""
    src = _plain_xlsx(path.with_name(path.stem + "-goc.xlsx"))
    members = []
    with zipfile.ZipFile(src) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == member:
                if b"<si>" in data:
                    prefix = data[: data.index(b"<si>")] + b"<si><t>"
                else:
                    prefix = (
                        data[: data.index(b"<sheetData>")] + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                    )

                body, head = _deflate_repeated(prefix, b"A", inflated)
                members.append((info.filename, body, declared, zlib.crc32(head[:declared]), 8))
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                body = c.compress(data) + c.flush()
                members.append((info.filename, body, len(data), zlib.crc32(data), 8))
    _write_zip(path, members)
    return path


_PROBE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    what, path = sys.argv[1], Path(sys.argv[2])
    if what == "spreadsheet":
        from thidua_desktop.exchange.spreadsheet import SpreadsheetError, read_workbook
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        try:
            read_workbook(path).close()
            outcome, message = "opened", ""
        except SpreadsheetError as exc:
            outcome, message = "refused", exc.message_vi
    else:
        from thidua_desktop.signing.verify import verify
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        v = verify(path)
        outcome, message = v.status, " ".join(v.reasons)
    elapsed = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome, "message": message, "seconds": elapsed,
                      "base_kib": base, "peak_kib": peak}))
""")


def _probe(what: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE, what, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def big_liar(tmp_path_factory) -> Path:
    """1.5 GB inflated behind a 2,000-byte header (the issue's file: about 1.5 MB)."""
    return lying_xlsx(tmp_path_factory.mktemp("bomb") / "danh-sach.xlsx", 1536 * MB)


def test_the_lying_zip_is_refused_fast_in_bounded_memory(big_liar):
    assert 1 * MB < big_liar.stat().st_size < 3 * MB
    for what in ("spreadsheet", "verify"):
        r = _probe(what, big_liar)
        print(
            f"{what}: {r['outcome']} in {r['seconds'] * 1000:.0f} ms, peak RSS {r['peak_kib'] / 1024:.0f} MiB "
            f"(after imports {r['base_kib'] / 1024:.0f} MiB)"
        )
        assert r["outcome"] in ("refused", "unreadable"), r
        assert "xl/sharedStrings.xml" in r["message"] and "2.000 byte" in r["message"]
        assert "nén bất thường" in r["message"] and "Traceback" not in r["message"]
        assert r["seconds"] < 0.5
        assert r["peak_kib"] - r["base_kib"] < 64 * 1024  # under 64 MiB above the interpreter's own


def test_the_cli_refuses_it_with_a_vietnamese_message_and_exit_1(big_liar, tmp_path):
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "thidua_desktop.cli.main", "--data-dir", str(tmp_path / "d"), "verify", str(big_liar)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    text = done.stdout + done.stderr
    assert "Không đọc được tệp." in text and "nén bất thường" in text and "Traceback" not in text
    assert time.perf_counter() - t < 30


def test_small_liars_each_refused_with_what_lied(tmp_path):
    liar = lying_xlsx(tmp_path / "nho.xlsx", 20 * MB)
    with pytest.raises(SpreadsheetError, match="nén bất thường") as exc:
        read_workbook(liar)
    assert "xl/sharedStrings.xml" in exc.value.message_vi and "nho.xlsx" in exc.value.message_vi
    # the worksheet itself lying
    sheet = lying_xlsx(tmp_path / "trang.xlsx", 20 * MB, member="xl/worksheets/sheet1.xml", declared=3000)
    with pytest.raises(SpreadsheetError, match="nén bất thường"):
        read_workbook(sheet)
    # a short member (declares more than it has) is corrupt, not a bomb
    with pytest.raises(safezip.ZipRefused) as short:
        safezip.check_zip(lying_xlsx(tmp_path / "ngan.xlsx", 1000, declared=5000).read_bytes(), "ngan.xlsx")
    assert short.value.kind == "corrupt" and "chỉ có" in short.value.message_vi


def test_honest_files_pass_and_the_ratio_limit_holds(tmp_path):
    ok = _plain_xlsx(tmp_path / "tot.xlsx")
    members = safezip.check_zip(ok.read_bytes(), ok.name)
    assert {m.name for m in members} >= {"xl/workbook.xml", "xl/sharedStrings.xml"}
    with read_workbook(ok) as wb:
        assert wb.read_sheet(0).value(1, 0) == "Nguyễn Văn 1"
    # an honest member, declared as it is, but 1,000 times its compressed size: refused on the ratio
    honest = tmp_path / "that.xlsx"
    with zipfile.ZipFile(ok) as zin, zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/media/padding.bin", b"\0" * (12 * MB))
    with pytest.raises(safezip.ZipRefused) as exc:
        safezip.check_zip(honest.read_bytes(), honest.name)
    assert exc.value.kind == "bomb" and "gấp hơn 100 lần" in exc.value.message_vi


def test_headers_that_disagree_are_refused(tmp_path):
    ok = _plain_xlsx(tmp_path / "tot.xlsx").read_bytes()
    # the local header of the first member names another part than the central directory
    bad = bytearray(ok)
    n = struct.unpack_from("<H", bad, 26)[0]
    bad[30] = ord("X") if bad[30] != ord("X") else ord("Y")
    with pytest.raises(safezip.ZipRefused, match="không khớp") as exc:
        safezip.check_zip(bytes(bad), "lech.xlsx")
    assert exc.value.kind == "corrupt" and n > 0
    # one byte of deflated data changed: CRC or inflate error, never accepted
    first = zipfile.ZipFile(tmp_path / "tot.xlsx").infolist()[0]
    start = first.header_offset + 30 + n
    flipped = bytearray(ok)
    flipped[start + first.compress_size // 2] ^= 0xFF
    with pytest.raises(safezip.ZipRefused):
        safezip.check_zip(bytes(flipped), "hong.xlsx")


def test_every_other_door_refuses_it_too(tmp_path):
    """The upper level's unit list and the hidden ``_du_lieu`` sheet reader go through the same check."""
    from thidua_desktop.documents import machine
    from thidua_desktop.services import upper
    from thidua_desktop.store.errors import ValidationError

    liar = lying_xlsx(tmp_path / "don-vi.xlsx", 20 * MB)
    with pytest.raises(ValidationError, match="nén bất thường"):
        upper.import_units(None, liar)
    with pytest.raises(ValueError, match="nén bất thường"):
        machine.read_sheet(liar)
