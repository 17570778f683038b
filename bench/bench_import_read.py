"""Roster import read figures for 20,000 rows × 12 columns (plain script, prints medians).

    uv run python bench/bench_import_read.py [--rows 20000] [--runs 3] [--keep DIR]

Builds, once per folder, a roster workbook like an HR export (STT, name, birth date,
gender, ethnicity, position, group, department, a number, a member mark, a phone number,
a note) as:

* ``plain.xlsx``  — Unicode text in Calibri (the common case: the fast path);
* ``vntime.xlsx`` — the same text typed in TCVN3 with the ``.VnTime`` font on every text
  cell (the slow path: per-cell fonts are read from the sheet XML);
* ``plain.xls``   — the plain roster as BIFF8.

and times, for each: python-calamine alone (``from_path`` + ``to_python``), our
``read_workbook`` + ``read_sheet`` (calamine plus the safety checks, hidden rows and
fonts), and ``read_workbook`` + ``build_preview`` (everything the import preview needs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import python_calamine

from thidua_desktop.exchange.roster_import import build_preview
from thidua_desktop.exchange.spreadsheet import read_workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.sheets (the TCVN3 encoder)

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ", "Tổ công đoàn", "Bộ phận",
          "Lương", "Đoàn viên", "Điện thoại", "Ghi chú"]  # fmt: skip
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Thị", "Hoàng Đức", "Đinh Văn", "Bùi Thị", "Võ Quang"]
GIVEN = ["An", "Bình", "Hoa", "Tùng", "Tuấn", "Hương", "Lan", "Dũng", "Nga", "Thắng", "Yến", "Phúc"]
POSITIONS = ["Công nhân may", "Tổ trưởng", "Kế toán", "Thủ kho", "Lái xe", "Nhân viên văn phòng"]


def make_rows(n: int) -> list[list[object]]:
    rng = random.Random(1)
    rows: list[list[object]] = []
    for i in range(n):
        rows.append([
            i + 1,
            f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
            dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
            rng.choice(["Nam", "Nữ"]),
            "Kinh",
            rng.choice(POSITIONS),
            f"Tổ {i % 9 + 1}",
            f"Phân xưởng {i % 3 + 1}",
            round(rng.random() * 1e7),
            "x" if i % 7 else "",
            f"09{i:08d}",
            "chuyển đến từ chi nhánh" if i % 50 == 0 else "",
        ])  # fmt: skip
    return rows


def write_xlsx(path: Path, rows: list[list[object]], *, legacy: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from tests.sheets import to_tcvn3

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("DS")
    font = Font(name=".VnTime")

    def cells(values: list[object]) -> list[object]:
        out = []
        for value in values:
            if legacy and isinstance(value, str):
                cell = WriteOnlyCell(ws, value=to_tcvn3(value))
                cell.font = font
            elif isinstance(value, dt.date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "dd/mm/yyyy"
            else:
                cell = WriteOnlyCell(ws, value=value)
            out.append(cell)
        return out

    ws.append(cells(list(HEADER)))
    for row in rows:
        ws.append(cells(row))
    wb.save(path)


def write_xls(path: Path, rows: list[list[object]]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("DS")
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    wb.save(str(path))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def show(label: str, runs: list[float]) -> None:
    each = " / ".join(f"{r * 1000:,.0f}" for r in runs)
    print(f"  {label:<44} {statistics.median(runs) * 1000:8,.0f} ms   ({each})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the generated workbooks (reused when present)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.gettempdir()) / f"thidua-bench-import-{args.rows}"
    folder.mkdir(parents=True, exist_ok=True)
    rows = None
    files = {"plain.xlsx": None, "vntime.xlsx": None, "plain.xls": None}
    for name in files:
        path = folder / name
        if not path.exists():
            rows = rows or make_rows(args.rows)
            t0 = time.perf_counter()
            if name == "plain.xls":
                write_xls(path, rows)
            else:
                write_xlsx(path, rows, legacy=name.startswith("vntime"))
            print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    today = dt.date(2021, 1, 20)
    print(f"{args.rows:,} rows × {len(HEADER)} columns, median of {args.runs} (ms per run in brackets)")
    for name in files:
        path = folder / name
        print(f"{name} ({path.stat().st_size / 1e6:.2f} MB)")

        def calamine_alone(path: Path = path) -> None:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
            book.get_sheet_by_index(0).to_python(skip_empty_area=False)

        def read_only(path: Path = path) -> None:
            with read_workbook(path) as wb:
                wb.read_sheet(0)

        def read_and_preview(path: Path = path) -> None:
            with read_workbook(path) as wb:
                preview = build_preview(wb, today=today)
            assert len(preview.drafts) == args.rows, preview.counts
            assert preview.drafts[0].given_name and preview.drafts[0].birth_date

        show("python-calamine alone", timed(calamine_alone, args.runs))
        show("read_workbook + read_sheet", timed(read_only, args.runs))
        show("read_workbook + build_preview", timed(read_and_preview, args.runs))


if __name__ == "__main__":
    main()
