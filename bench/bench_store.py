"""Store figures for a data folder of 20,000 people (plain script, prints medians of 3).

    uv run python bench/bench_store.py [--people 20000] [--runs 3] [--keep DIR]

Times ``services.demo.add_people`` (one bulk transaction), ``roster.list_people`` and
``roster.count_people`` over the grown folder, ``Database.open`` in a new process (cold:
interpreter start and imports included, and the open alone) and in the same process
(warm), and ``maintenance.backup_now`` of the folder.

Child processes get compiled bytecode like an installed program has: this environment
sets ``PYTHONDONTWRITEBYTECODE=1`` and the venv holds no ``__pycache__``, which makes every
import compile from source (SQLAlchemy + Alembic: ~2 s instead of ~0.6 s). The bench
unsets it and points ``PYTHONPYCACHEPREFIX`` at a cache folder in the temp directory
(one untimed warm-up run fills it). ``--no-bytecode`` measures the environment as it is.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thidua_desktop.paths import DataPaths
from thidua_desktop.services import demo, maintenance, roster
from thidua_desktop.store.database import Database

COLD_OPEN = r"""
import sys, time
t0 = time.perf_counter()
from thidua_desktop.paths import DataPaths
from thidua_desktop.store.database import Database
t1 = time.perf_counter()
db = Database.open(DataPaths(__import__("pathlib").Path(sys.argv[1])))
t2 = time.perf_counter()
db.close()
print(f"{t1 - t0:.6f} {t2 - t1:.6f}")
"""


def child_env(bytecode: bool) -> dict[str, str]:
    """Environment for child processes: with a bytecode cache (like an install) or as is."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "thidua-bench-pycache")
    return env


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def show(label: str, runs: list[float]) -> None:
    print(f"{label:<46} median {ms(statistics.median(runs)):>10}   runs " + " / ".join(ms(r) for r in runs))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the last grown folder here")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="cold opens without a bytecode cache (imports compile from source)"
    )
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs")
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-store-"))
    try:
        grow: list[float] = []
        paths = None
        for run in range(args.runs):
            paths = DataPaths(work / f"run{run}").ensure()
            demo.build_demo(paths)
            db = Database.open(paths)
            t = time.perf_counter()
            inserted = demo.add_people(db, args.people, seed=run)
            grow.append(time.perf_counter() - t)
            db.close()
        assert paths is not None
        show(f"add_people({args.people:,}) ({inserted:,} rows)", grow)

        db = Database.open(paths)
        counts = roster.count_people(db)
        size = paths.database.stat().st_size
        print(f"folder: {counts['total']:,} active people, {counts['members']:,} members; database {size / 1e6:.1f} MB")
        rows: list = []
        show(
            f"list_people ({counts['total']:,} rows)",
            timed(lambda: rows.append(len(roster.list_people(db))), args.runs),
        )
        show("count_people", timed(lambda: roster.count_people(db), args.runs))
        db.close()

        imports, opens, total = [], [], []
        env = child_env(not args.no_bytecode)
        command = [sys.executable, "-c", COLD_OPEN, str(paths.root)]
        subprocess.run(command, check=True, capture_output=True, env=env)  # fills the bytecode cache
        print(
            "cold opens "
            + (
                "without bytecode (as the environment is)"
                if args.no_bytecode
                else f"with bytecode cached in {env['PYTHONPYCACHEPREFIX']}"
            )
        )
        for _ in range(args.runs):
            t = time.perf_counter()
            out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout.split()
            total.append(time.perf_counter() - t)
            imports.append(float(out[0]))
            opens.append(float(out[1]))
        show("Database.open cold: whole new process", total)
        show("Database.open cold: imports", imports)
        show("Database.open cold: open alone", opens)

        def open_close() -> None:
            Database.open(paths).close()

        show("Database.open warm (same process)", timed(open_close, args.runs))
        show(f"backup_now ({size / 1e6:.1f} MB)", timed(lambda: maintenance.backup_now(paths), args.runs))

        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(paths.root, args.keep)
            print(f"kept the grown folder in {args.keep}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
