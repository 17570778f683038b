"""End-to-end roster import against its floor (plain script, prints figures).

    uv run python bench/bench_import.py [--rows 20000] [--runs 3]

The floor is what any importer must do: python-calamine reading the workbook plus one Core
bulk insert (one executemany) of its 20k × 12 cells into a table of the same shape, on an engine
with the store's own pragmas (``store.database.make_engine``: WAL, ``synchronous=FULL``, foreign
keys). The import is what the user gets: ``services.roster_io.preview_file`` (safe reading,
header detection, legacy-text checks, every cell parsed and checked, matching against the
roster) plus ``commit`` (one transaction, text rules applied, keys computed, groups created,
audit entry) into a fresh data folder; the dry run is the same with ``commit(dry_run=True)``
(nothing written). All run in the same process, alternating, on the same file; the INSERT and
UPDATE statements the import sends are counted (executemany / single row).
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
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, event, insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import_read import HEADER, make_rows  # noqa: E402
from tests import sheets  # noqa: E402
from thidua_desktop import paths as app_paths  # noqa: E402
from thidua_desktop.services import roster_io, year  # noqa: E402
from thidua_desktop.services.dto import OfficerInfo, UnitProfile  # noqa: E402
from thidua_desktop.store.database import Database, make_engine  # noqa: E402


def floor(path: Path, folder: Path) -> float:
    t0 = time.perf_counter()
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    engine = make_engine(folder / "floor.sqlite")
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


def full_import(path: Path, folder: Path, *, dry_run: bool = False) -> tuple[float, int, dict[str, int]]:
    paths = app_paths.resolve(folder / "data").ensure()
    db = Database.open(paths)
    year.set_up(
        db,
        UnitProfile(
            name="CĐCS Bench", upper_union="LĐLĐ", place_name="Ninh Bình", officers=[OfficerInfo("Chủ Tịch", "chair")]
        ),
    )
    sent = {"executemany": 0, "single": 0}

    def count(_conn, _cursor, statement, _params, _context, executemany) -> None:
        if statement.lstrip().upper().startswith(("INSERT INTO PERSON", "UPDATE PERSON")):
            sent["executemany" if executemany else "single"] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    t0 = time.perf_counter()
    rim = roster_io.preview_file(db, path, today=dt.date(2021, 12, 31))
    result = roster_io.commit(db, rim, dry_run=dry_run)
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, result.added, sent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = sheets.write_xlsx(tmp / "roster.xlsx", [HEADER, *make_rows(args.rows)])
        floors, imports, dries = [], [], []
        for run in range(args.runs):
            f = floor(path, Path(tempfile.mkdtemp(dir=tmp)))
            i, added, sent = full_import(path, Path(tempfile.mkdtemp(dir=tmp)))
            d, _, dry_sent = full_import(path, Path(tempfile.mkdtemp(dir=tmp)), dry_run=True)
            floors.append(f)
            imports.append(i)
            dries.append(d)
            print(
                f"run {run + 1}: floor {f * 1000:,.0f} ms   import {i * 1000:,.0f} ms ({added:,} people added; "
                f"person INSERT/UPDATE: {sent['executemany']} executemany, {sent['single']} single)   "
                f"dry run {d * 1000:,.0f} ms ({sum(dry_sent.values())} written)"
            )
        f, i, d = statistics.median(floors), statistics.median(imports), statistics.median(dries)
        print(f"\nfloor   median {f * 1000:,.0f} ms  (calamine read + one Core executemany, the store's pragmas)")
        print(f"import  median {i * 1000:,.0f} ms  (preview_file + commit)")
        print(f"dry run median {d * 1000:,.0f} ms  (preview_file + commit(dry_run=True))")
        print(f"ratio import/floor: {i / f:.2f}   dry run/floor: {d / f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
