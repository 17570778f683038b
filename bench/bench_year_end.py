"""Year-end figures for 20,000 people and 5,000 initiatives: indicator results and the tổng kết draft.

    uv run python bench/bench_year_end.py [--people 20000] [--initiatives 5000] [--links 12000]
                                          [--runs 3] [--keep DIR] [--data-dir DIR] [--no-review]
                                          [--base DIR] [--review-only]

Builds (once, or reuses ``--data-dir``) the demo grown to ``--people`` working people
(``services.demo.add_people``), every member registered for Lao động tiên tiến, and ``--initiatives``
initiatives from ``bench_initiatives.drafts`` written through ``services.initiatives.save_many``
(years 2017–2021, so 2021 and its three-year LĐST window hold 3,000 of them). Unless
``--no-review``, it also holds the review: meeting, one vote per registered title
(``record_votes``), ``apply_majority`` and ``build_proposals`` — timed once, they are writes, with
the number of audit rows each wrote. ``--base DIR`` keeps the folder as it is before the review
(built once) and starts each run from a copy; ``--review-only`` stops after the review steps.

Then, in a fresh child process (so its peak RSS is the measured work, not the building):

* ``results.results_table`` — every indicator, both phases, computed live from the registers;
* ``results.compute`` of phase 1 (as on 03/07) and of the year (as on 03/01) — stores them;
* ``reports.draft_report(…, "year")`` — the tổng kết drafted from everything (deleted between runs);
* ``reports.missing_items(…, "year")`` — the Tổng quan checklist.

Each is timed (median of ``--runs``), then run once more under ``tracemalloc`` for its peak of
Python allocations; the child prints its RSS after opening the database, its peak RSS after the
timed runs (before tracemalloc, whose bookkeeping inflates RSS) and at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from thidua_desktop.paths import DataPaths
from thidua_desktop.store.database import Database

JULY, JANUARY = date(2021, 7, 3), date(2022, 1, 3)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KiB on Linux


# --- building ---------------------------------------------------------------------------------------


def _drafts(n: int, links: int, people: list, rng: random.Random):
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_initiatives import drafts  # the generator of the initiatives bench
    except ImportError:  # pragma: no cover - the other bench is the source of truth
        raise SystemExit("bench/bench_initiatives.py is needed for its initiative generator") from None
    return drafts(n, links, people, rng)


def build_base(root: Path, people: int, initiatives_n: int, links: int) -> None:
    """The folder before the review: demo grown to ``people``, LĐTT registrations, the initiatives."""
    from thidua_desktop.services import demo, initiatives, initiatives_io, registration

    paths = DataPaths(root).ensure()
    t = time.perf_counter()
    demo.build_demo(paths)
    db = Database.open(paths)
    try:
        demo.add_people(db, max(0, people - demo.DEMO_PEOPLE), seed=1)
        added = registration.register(db, 2021, "LDTT", everyone=True, members_only=True)
        print(f"folder: demo + add_people + {added:,} more LĐTT registrations: {ms(time.perf_counter() - t)}")
        roster = [p for group in initiatives_io.load_roster(db).by_key.values() for p in group if p.left_on is None]
        roster.sort(key=lambda p: p.id)
        batch = _drafts(initiatives_n, links, roster, random.Random(2021))
        t = time.perf_counter()
        with db.transaction("Bench: sổ sáng kiến") as session:
            initiatives.save_many(session, batch)
        print(f"save_many: {len(batch):,} initiatives: {ms(time.perf_counter() - t)}")
    finally:
        db.close()


def review_steps(root: Path) -> dict:
    """The review of 2021 on the built folder, each step timed once (they are writes)."""
    from sqlalchemy import func, select

    from thidua_desktop.core.review import Vote
    from thidua_desktop.services import review
    from thidua_desktop.store.models import AuditEntry

    db = Database.open(DataPaths(root))
    figures: dict = {}
    try:

        def audit_rows() -> int:
            with db.reading() as session:
                return session.scalar(select(func.count()).select_from(AuditEntry))

        t = time.perf_counter()
        rows = review.review_table(db, 2021)
        figures["review_table"] = time.perf_counter() - t
        # getattr: the same script times the session-1 services (before union groups) from a copy of the tree
        groups = sum(1 for r in rows if getattr(r, "union_group_id", None))
        print(f"review_table: {len(rows):,} rows ({groups:,} of union groups): {ms(figures['review_table'])}")
        review.record_meeting(
            db, 2021, date(2021, 12, 22), "Hội trường", "Phạm Thị Hoa", "Trần Văn Nam", 21, 20, today=JANUARY
        )
        rng = random.Random(7)
        votes = [
            Vote(
                r.person_id,
                r.title_code,
                rng.randint(8, 20),
                20,
                **({"union_group_id": r.union_group_id} if getattr(r, "union_group_id", None) else {}),
            )
            for r in rows
            if not r.excluded
        ]
        before = audit_rows()
        t = time.perf_counter()
        review.record_votes(db, 2021, votes)
        figures["record_votes"] = time.perf_counter() - t
        print(
            f"record_votes: {len(votes):,} votes in one transaction: {ms(figures['record_votes'])}; "
            f"{audit_rows() - before:,} audit rows"
        )
        before = audit_rows()
        t = time.perf_counter()
        summary = review.apply_majority(db, 2021)
        figures["apply_majority"] = time.perf_counter() - t
        print(
            f"apply_majority: {ms(figures['apply_majority'])} ({summary.achieved:,} achieved, "
            f"{summary.excluded:,} excluded, {summary.capped:,} over the cap); {audit_rows() - before:,} audit rows"
        )
        t = time.perf_counter()
        built = review.build_proposals(db, 2021)
        figures["build_proposals"] = time.perf_counter() - t
        print(f"build_proposals: {len(built.rows):,} lines: {ms(figures['build_proposals'])}")
    finally:
        db.close()
    print(f"database {DataPaths(root).database.stat().st_size / 1e6:.1f} MB")
    return figures


# --- measuring (child process) ----------------------------------------------------------------------


def measure(root: Path, runs: int) -> dict:
    from sqlalchemy import delete

    from thidua_desktop.services import reports, results
    from thidua_desktop.store.models import IndicatorResult, Report

    db = Database.open(DataPaths(root))
    out: dict = {"rss_open_mb": rss_mb()}

    def clean() -> None:
        with db.transaction("Bench: dọn") as session:
            session.execute(delete(Report).where(Report.kind == "year"))
            session.execute(delete(IndicatorResult))

    clean()
    ops = {
        "results_table (both phases, live)": lambda: results.results_table(db, 2021, today=JANUARY),
        "compute phase 1 (03/07) + year (03/01)": lambda: (
            results.compute(db, 2021, 1, today=JULY),
            results.compute(db, 2021, 2, today=JANUARY),
        ),
        "draft_report(year) (tổng kết)": lambda: reports.draft_report(db, 2021, "year", today=JANUARY),
        "missing_items(year)": lambda: reports.missing_items(db, 2021, "year", today=JANUARY),
    }
    resets = {"compute phase 1 (03/07) + year (03/01)": clean, "draft_report(year) (tổng kết)": clean}
    for label, fn in ops.items():
        times = []
        for _ in range(runs):
            resets.get(label, lambda: None)()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        out[label] = {"runs": times}
    out["rss_peak_timed_mb"] = peak_rss_mb()  # before tracemalloc, whose own bookkeeping costs memory
    for label, fn in ops.items():
        resets.get(label, lambda: None)()
        tracemalloc.start()
        fn()
        out[label]["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    info = reports.latest_report(db, 2021, "year")
    out["sections"] = len(info.sections)
    out["characters"] = sum(len(s.text) for s in info.sections)
    out["indicators"] = info.section("indicators").text.count("\n")
    out["rss_end_mb"] = rss_mb()
    out["rss_peak_mb"] = peak_rss_mb()
    db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, help="build here once and reuse")
    parser.add_argument("--keep", type=Path, help="copy the built folder here")
    parser.add_argument("--no-review", dest="review", action="store_false")
    parser.add_argument(
        "--base", type=Path, help="keep the folder before the review here (built once) and start from a copy of it"
    )
    parser.add_argument(
        "--review-only",
        dest="review_only",
        action="store_true",
        help="time the review steps only, not the child's results and tổng kết",
    )
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return
    print(f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs")
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-year-end-"))
    try:
        root = args.data_dir or work / "data"
        if not DataPaths(root).database.exists():
            if args.base is not None:
                if not DataPaths(args.base).database.exists():
                    build_base(args.base, args.people, args.initiatives, args.links)
                shutil.copytree(args.base, root)
                print(f"copied the folder before the review from {args.base}")
            else:
                build_base(root, args.people, args.initiatives, args.links)
            if args.review:
                review_steps(root)
        if args.review_only:
            return
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(root), "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        if child.returncode:
            raise SystemExit(child.stderr)
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"child process: RSS {figures['rss_open_mb']:.0f} MB after opening the database; peak "
            f"{figures['rss_peak_timed_mb']:.0f} MB after the timed runs; {figures['rss_end_mb']:.0f} MB at the end "
            f"(peak {figures['rss_peak_mb']:.0f} MB with the tracemalloc runs)"
        )
        for label, value in figures.items():
            if isinstance(value, dict):
                runs = value["runs"]
                print(
                    f"{label:<44} median {ms(statistics.median(runs)):>9}   runs "
                    + " / ".join(ms(r) for r in runs)
                    + f"   tracemalloc peak {value['tracemalloc_peak_mb']:.1f} MB"
                )
        print(
            f"tổng kết: {figures['sections']} sections, {figures['characters']:,} characters, "
            f"{figures['indicators']} indicator lines"
        )
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(root, args.keep)
            print(f"kept the folder in {args.keep}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
