"""End-to-end roster import against its floor (plain script, prints figures).

    uv run python bench/bench_import.py [--rows 20000] [--runs 3]

The floor is what any importer must do: python-calamine reading the workbook plus one Core
bulk insert of its rows into a table of the same shape. The import is what the user gets:
``services.roster_io.preview_file`` (safe reading, header detection, legacy-text checks,
every cell parsed and checked, matching against the roster) plus ``commit`` (one
transaction, keys computed, groups created, audit entry) into a fresh data folder.
Both run in the same process, alternating, on the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import python_calamine
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import_read import HEADER, make_rows  # noqa: E402
from tests import sheets  # noqa: E402
from thidua_desktop import paths as app_paths  # noqa: E402
from thidua_desktop.services import roster_io, year  # noqa: E402
from thidua_desktop.services.dto import OfficerInfo, UnitProfile  # noqa: E402
from thidua_desktop.store.database import Database  # noqa: E402


def floor(path: Path, folder: Path) -> float:
    t0 = time.perf_counter()
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    engine = create_engine(f"sqlite:///{folder / 'floor.sqlite'}")
    meta = MetaData()
    table = Table(
        "roster",
        meta,
        *(Column(f"c{i}", String) for i in range(len(HEADER))),
        Column("born", Date),
        Column("n", Integer),
    )
    meta.create_all(engine)
    data = [
        {f"c{i}": (str(v) if not isinstance(v, (dt.date, int, float)) else str(v)) for i, v in enumerate(r)}
        for r in rows[1:]
    ]
    with engine.begin() as conn:
        conn.execute(insert(table), data)
    engine.dispose()
    return time.perf_counter() - t0


def full_import(path: Path, folder: Path) -> tuple[float, int]:
    paths = app_paths.resolve(folder / "data").ensure()
    db = Database.open(paths)
    year.set_up(
        db,
        UnitProfile(
            name="CĐCS Bench", upper_union="LĐLĐ", place_name="Ninh Bình", officers=[OfficerInfo("Chủ Tịch", "chair")]
        ),
    )
    t0 = time.perf_counter()
    rim = roster_io.preview_file(db, path, today=dt.date(2021, 12, 31))
    result = roster_io.commit(db, rim)
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, result.added


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = sheets.write_xlsx(tmp / "roster.xlsx", [HEADER, *make_rows(args.rows)])
        floors, imports = [], []
        for run in range(args.runs):
            f = floor(path, Path(tempfile.mkdtemp(dir=tmp)))
            i, added = full_import(path, Path(tempfile.mkdtemp(dir=tmp)))
            floors.append(f)
            imports.append(i)
            print(f"run {run + 1}: floor {f * 1000:,.0f} ms   import {i * 1000:,.0f} ms ({added:,} people added)")
        f, i = statistics.median(floors), statistics.median(imports)
        print(f"\nfloor  median {f * 1000:,.0f} ms  (calamine read + Core bulk insert)")
        print(f"import median {i * 1000:,.0f} ms  (preview_file + commit)")
        print(f"ratio import/floor: {i / f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
