"""Upper level: intake and consolidation of 500 CĐCS workbooks (issue 8).

    uv run python bench/bench_intake.py [--workbooks 500] [--keep DIR]

Generates (once, or reuses ``--keep DIR``) ``--workbooks`` signed workbooks of ceil(N/3) units —
registration, sơ kết and tổng kết each — with ``services.demo_units`` (the real document
builders, workbook writer and workbook signature; EC P-256 unit keys). Then, in a fresh child
process (so its peak RSS is the work measured, not the generating), into a new upper-level data
folder with every unit registered and its certificate trusted:

* ``upper.intake`` of the whole folder (verify, match, copy, one transaction per file) — total
  and per workbook, with the share spent in signature verification;
* ``upper.consolidation`` of the year (and of phase 1), ``upper.completeness``;
* ``export_consolidated`` to .xlsx and to .pdf.

Prints the figures and the child's peak RSS (``ru_maxrss``) before and after the intake, plus the
peak of Python allocations (tracemalloc) of a second consolidation.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate(folder: Path, workbooks: int) -> dict:
    from thidua_desktop.services import demo_units as du

    inbox, keys = folder / "nhan", folder / "khoa"
    marker = folder / "units.json"
    if marker.exists():
        return json.loads(marker.read_text())
    inbox.mkdir(parents=True, exist_ok=True)
    units = math.ceil(workbooks / 3)
    made = 0
    started = time.perf_counter()
    for i in range(1, units + 1):
        u = du.synthetic_unit(i, seed=500)
        signer = du.unit_signer(u, keys)
        figures = du.unit_figures(u)
        for kind in du.KINDS:
            if made >= workbooks:
                break
            du.write(u, kind, inbox / f"{u.code}-{kind}.xlsx", signer, figures=figures)
            made += 1
    seconds = time.perf_counter() - started
    info = {"units": units, "workbooks": made, "generate_s": seconds}
    marker.write_text(json.dumps(info))
    return info


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: Path, info: dict) -> dict:
    import tracemalloc

    from thidua_desktop.exchange import intake as ix
    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services import demo_units as du, upper, year
    from thidua_desktop.services.dto import OfficerInfo, UnitProfile
    from thidua_desktop.store.database import Database

    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="thidua-bench-intake-") as tmp:
        paths = DataPaths(Path(tmp)).ensure()
        db = Database.open(paths)
        year.set_up(
            db,
            UnitProfile(
                name="Liên đoàn Lao động huyện Gia Viễn",
                issuer_code="LĐLĐ",
                upper_union="LĐLĐ tỉnh Ninh Bình",
                place_name="Gia Viễn",
                officers=[OfficerInfo("Nguyễn Văn An", "chair", "Chủ tịch")],
            ),
        )
        upper.set_mode(db, "upper")
        for i in range(1, info["units"] + 1):
            u = du.synthetic_unit(i, seed=500)
            upper.add_unit(db, u.code, u.name)
            upper.trust_certificate(db, u.code, du.unit_signer(u, folder / "khoa").certificate)
        verify_time = [0.0]
        real_verify = ix.verify_file

        def timed_verify(path, trust):
            t = time.perf_counter()
            try:
                return real_verify(path, trust)
            finally:
                verify_time[0] += time.perf_counter() - t

        ix.verify_file = timed_verify
        out["rss_before_intake_mb"] = rss_mb()
        t = time.perf_counter()
        outcomes = upper.intake(db, paths, [folder / "nhan"], 2021)
        out["intake_s"] = time.perf_counter() - t
        out["verify_s"] = verify_time[0]
        out["accepted"] = sum(1 for o in outcomes if o.accepted)
        out["set_aside"] = len(outcomes) - out["accepted"]
        out["rss_after_intake_mb"] = rss_mb()
        t = time.perf_counter()
        result = upper.consolidation(db, 2021)
        out["consolidate_year_s"] = time.perf_counter() - t
        out["lines"] = len(result.lines)
        out["sources"] = len(result.sources)
        t = time.perf_counter()
        upper.consolidation(db, 2021, 1)
        out["consolidate_phase1_s"] = time.perf_counter() - t
        t = time.perf_counter()
        upper.completeness(db, 2021)
        out["completeness_s"] = time.perf_counter() - t
        t = time.perf_counter()
        upper.export_consolidated(db, result, Path(tmp) / "tong-hop.xlsx")
        out["export_xlsx_s"] = time.perf_counter() - t
        t = time.perf_counter()
        upper.export_consolidated(db, result, Path(tmp) / "tong-hop.pdf")
        out["export_pdf_s"] = time.perf_counter() - t
        out["rss_peak_mb"] = rss_mb()
        tracemalloc.start()
        upper.consolidation(db, 2021)
        out["consolidate_tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        out["database_mb"] = paths.database.stat().st_size / 2**20
        db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workbooks", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated workbooks in this folder")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        info = json.loads((args.child / "units.json").read_text())
        print("RESULT " + json.dumps(child(args.child, info)))
        return
    with tempfile.TemporaryDirectory(prefix="thidua-bench-wb-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        info = generate(folder, args.workbooks)
        print(
            f"generated {info['workbooks']} workbooks of {info['units']} units in {info['generate_s']:.1f} s "
            f"({1000 * info['generate_s'] / info['workbooks']:.0f} ms each: build + write + sign)"
        )
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True, cwd=ROOT
        )
        line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            sys.exit(proc.stdout + proc.stderr)
        r = json.loads(line[7:])
    n = r["accepted"] + r["set_aside"]
    print(
        f"intake of {n} workbooks: {r['intake_s']:.1f} s total, {1000 * r['intake_s'] / n:.0f} ms per workbook "
        f"(signature verification {1000 * r['verify_s'] / n:.0f} ms of it); accepted {r['accepted']}, "
        f"set aside {r['set_aside']}"
    )
    print(
        f"consolidation of the year: {1000 * r['consolidate_year_s']:.0f} ms ({r['sources']} reports, "
        f"{r['lines']} indicators); phase 1: {1000 * r['consolidate_phase1_s']:.0f} ms; "
        f"completeness: {1000 * r['completeness_s']:.0f} ms"
    )
    print(f"export .xlsx: {1000 * r['export_xlsx_s']:.0f} ms; .pdf: {1000 * r['export_pdf_s']:.0f} ms")
    print(
        f"peak RSS: {r['rss_before_intake_mb']:.0f} MB before intake, {r['rss_after_intake_mb']:.0f} MB after, "
        f"{r['rss_peak_mb']:.0f} MB at the end; consolidation Python peak (tracemalloc) "
        f"{r['consolidate_tracemalloc_peak_mb']:.1f} MB; database {r['database_mb']:.1f} MB"
    )


if __name__ == "__main__":
    main()
