"""SIGKILL loop over the write paths: every outcome must open, nothing committed may be lost.

    uv run python bench/kill_loop.py [--kills 20] [--people 4000] [--audit 60000] [--paths upgrade,import,backup]

For each write path a child process is started on a fresh copy of a folder, told to go (it
prints ``GO`` once its imports are done, so the delays fall inside the write itself), and
killed with SIGKILL after a delay spread over the time the write takes undisturbed (measured
first). Each outcome is then classified:

- **opened**: ``Database.open`` succeeds, ``maintenance.check`` is clean (integrity, foreign
  keys, revision against tables) and no record is missing;
- **corrupt**: the folder does not open or ``check`` finds a problem;
- **lost**: it opens but records committed before the kill are missing, or a write shows half.

Also counted: leftover partial files after the reopen, and the pre-upgrade backups (must stay
one per folder however often the upgrade is killed).

upgrade: the frozen ``tests/fixtures/schema_0004.sqlite`` grown to ``--people`` extra people
(two review results and one proposal each: the tables 0005 and 0007 rebuild) and ``--audit``
audit rows, opened (and so migrated) by the child. import: a roster workbook of ``--rows``
people committed by ``roster_io.commit`` (all or nothing) and backup (``maintenance.backup_now``)
run on the same grown database once upgraded to head.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "schema_0004.sqlite"

COUNTED = ("person", "review_result", "proposal", "audit_log", "indicator", "phase")


def grow(database: Path, *, people: int = 4000, audit: int = 60_000) -> None:
    """Add people (each with two review results and a proposal) and audit rows to an old
    frozen database, with plain SQL of its own schema."""
    con = sqlite3.connect(database)
    try:
        unit_id = con.execute("SELECT id FROM unit").fetchone()[0]
        year_id = con.execute("SELECT id FROM emulation_year").fetchone()[0]
        now = "2021-12-20 08:00:00.000000"
        person_rows, result_rows, proposal_rows = [], [], []
        for n in range(people):
            pid = uuid.uuid4().hex
            given = f"Thử {n}"
            person_rows.append(
                (
                    unit_id,
                    "Nguyễn Văn",
                    given,
                    "M",
                    "Công nhân",
                    1,
                    "",
                    f"nguyen van thu {n}",
                    f"thu {n:06d}|nguyen van",
                    pid,
                    now,
                    now,
                )
            )
            for title in ("LDTT", "CSTD_CS"):
                result_rows.append((year_id, pid, title, 1, 1, 9, 10, "[]", "", uuid.uuid4().hex, now, now))
            proposal_rows.append(
                (
                    year_id,
                    pid,
                    "",
                    "GK_CDCS",
                    "own",
                    "Hoàn thành xuất sắc nhiệm vụ",
                    n + 10,
                    "",
                    uuid.uuid4().hex,
                    now,
                    now,
                )
            )
        with con:
            con.executemany(
                "INSERT INTO person (unit_id, family_middle, given_name, gender, position, is_member, note, "
                "search_key, sort_key, id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                person_rows,
            )
            con.executemany(
                "INSERT INTO review_result (year_id, person_id, title_code, registered, achieved, votes_for, "
                "votes_total, exclusions, note, id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                result_rows,
            )
            con.executemany(
                "INSERT INTO proposal (year_id, person_id, collective_name, award_code, level, summary, ordinal, "
                "decision_number, id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                proposal_rows,
            )
            payload = json.dumps(
                {"family_middle": "Nguyễn Văn", "given_name": "Thử", "position": "Công nhân", "note": "ghi chú " * 20},
                ensure_ascii=False,
            )
            con.executemany(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, operation, changes) "
                "VALUES (?,?,?,?,?,?,?)",
                (
                    (now, "kiemthu", "Nhập danh sách", "person", str(uuid.uuid4()), "insert", payload)
                    for _ in range(audit)
                ),
            )
    finally:
        con.close()


def counts(database: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        con.close()


# The children: imports first, then "GO", then the write.
CHILDREN = {
    "upgrade": """
import sys
from thidua_desktop import paths
from thidua_desktop.store.database import Database
print("GO", flush=True)
Database.open(paths.resolve(sys.argv[1])).close()
print("DONE", flush=True)
""",
    "backup": """
import sys
from thidua_desktop import paths
from thidua_desktop.services import maintenance
p = paths.resolve(sys.argv[1])
print("GO", flush=True)
maintenance.backup_now(p)
print("DONE", flush=True)
""",
    "import": """
import sys, datetime
from pathlib import Path
from thidua_desktop import paths
from thidua_desktop.services import roster_io
from thidua_desktop.store.database import Database
db = Database.open(paths.resolve(sys.argv[1]))
print("GO", flush=True)
preview = roster_io.preview_file(db, Path(sys.argv[2]), today=datetime.date(2021, 12, 31))
roster_io.commit(db, preview)
db.close()
print("DONE", flush=True)
""",
}


# A fork server for quick loops (POSIX): imports done once, each upgrade in a forked child.
ZYGOTE = """
import os, sys
from thidua_desktop import paths
from thidua_desktop.store.database import Database
import alembic.command, alembic.script, alembic.runtime.migration  # loaded by every upgrade anyway
print("READY", flush=True)
for line in sys.stdin:
    command, _, arg = line.rstrip("\\n").partition(" ")
    if command == "RUN":
        pid = os.fork()
        if pid == 0:
            try:
                Database.open(paths.resolve(arg)).close()
                code = 0
            except BaseException:
                code = 1
            os._exit(code)
        print(f"PID {pid}", flush=True)
    elif command == "WAIT":
        _, status = os.waitpid(int(arg), 0)
        print(f"STATUS {status}", flush=True)
"""


class Zygote:
    """``run(folder, delay)`` opens (and so upgrades) the folder in a forked child, SIGKILLed
    after ``delay`` seconds (None: left to finish). No interpreter start-up per kill."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        assert self.proc.stdout.readline().strip() == "READY"

    def _ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def run(self, folder: Path, delay: float | None) -> tuple[float, int]:
        """(seconds until the child ended or was killed, its wait status)."""
        t0 = time.perf_counter()
        pid = int(self._ask(f"RUN {folder}").split()[1])
        if delay is not None:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)  # harmless if it already ended (not reaped yet)
        status = int(self._ask(f"WAIT {pid}").split()[1])
        return time.perf_counter() - t0, status

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


def child_env(pycache: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a bytecode cache: the children start fast
    return env


def run_child(kind: str, folder: Path, extra: list[str], env: dict[str, str], delay: float | None) -> float:
    """Start the child; kill it ``delay`` s after GO (None: let it finish). Returns the time
    from GO to the end."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILDREN[kind], str(folder), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()
        if line.strip() != "GO":
            raise RuntimeError(f"the {kind} child did not start: {line!r}")
        t0 = time.perf_counter()
        if delay is None:
            done = proc.stdout.readline().strip() == "DONE"
            proc.wait(timeout=600)
            if not done or proc.returncode != 0:
                raise RuntimeError(f"the {kind} child failed undisturbed (exit {proc.returncode})")
        else:
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=60)
        return time.perf_counter() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def classify(folder: Path, expected: list[dict[str, int]]) -> tuple[str, str | None]:
    """(outcome, revision) of a data folder after a kill; ``expected`` lists the acceptable
    record counts (before the write, after it)."""
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import maintenance
    from thidua_desktop.store.database import Database
    from thidua_desktop.store.errors import StoreError

    p = app_paths.resolve(folder)
    con = sqlite3.connect(f"file:{p.database}?mode=ro", uri=True)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.DatabaseError:
        revision = None
    finally:
        con.close()
    try:
        Database.open(p).close()
    except StoreError:
        return "corrupt", revision
    if not maintenance.check(p).ok:
        return "corrupt", revision
    return ("opened" if counts(p.database) in expected else "lost"), revision


def spread(kills: int, full: float) -> list[float]:
    """Delays from 0 to 110 % of the undisturbed time, evenly."""
    return [full * 1.1 * i / max(1, kills - 1) for i in range(kills)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--audit", type=int, default=60_000)
    parser.add_argument("--rows", type=int, default=5000, help="people in the imported workbook")
    parser.add_argument("--paths", default="upgrade,import,backup")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from thidua_desktop import paths as app_paths
    from thidua_desktop.store import backup, files
    from thidua_desktop.store.database import HEAD_REVISION as HEAD, Database

    work = Path(tempfile.mkdtemp(prefix="thidua-kill-loop-"))
    env = child_env(work / "pycache")
    try:
        for kind in args.paths.split(","):
            base = work / f"{kind}-base"
            p = app_paths.resolve(base).ensure()
            extra: list[str] = []
            shutil.copy2(FIXTURE, p.database)
            grow(p.database, people=args.people, audit=args.audit)
            if kind != "upgrade":  # the grown database upgraded to head
                Database.open(p).close()
                for made in backup.list_backups(p):
                    made.path.unlink()
                if kind == "import":
                    sys.path.insert(0, str(ROOT / "bench"))
                    from bench_import_read import HEADER, make_rows
                    from tests import sheets

                    extra = [str(sheets.write_xlsx(work / "roster.xlsx", [HEADER, *make_rows(args.rows)]))]
            before = counts(p.database)
            # undisturbed run on a scratch copy: how long the write takes, and the counts after it
            scratch = work / f"{kind}-scratch"
            shutil.copytree(base, scratch)
            run_child(kind, scratch, extra, env, None)  # warms the bytecode cache too
            timings = []
            for _run in range(2):  # the slower of two: on a loaded machine the time varies
                shutil.rmtree(scratch)
                shutil.copytree(base, scratch)
                timings.append(run_child(kind, scratch, extra, env, None))
            full = max(timings)
            after = counts(app_paths.resolve(scratch).database)
            print(f"{kind}: undisturbed {full:.2f} s, records before {before}, after {after}", flush=True)
            shutil.rmtree(scratch)
            size = p.database.stat().st_size
            tally = {"opened": 0, "corrupt": 0, "lost": 0}
            revisions: dict[str, int] = {}
            leftovers = 0
            pre_upgrade_max = 0
            complete = 0  # outcomes holding the whole write (the rest hold none of it)
            partial_total = 0  # partial files found after a kill, before the reopen
            t_start = time.perf_counter()
            for n, delay in enumerate(spread(args.kills, full)):
                folder = work / f"{kind}-{n}"
                shutil.copytree(base, folder)
                run_child(kind, folder, extra, env, delay)
                partial = len(files.unfinished_parts(folder / "backups"))
                partial_total += partial
                outcome, revision = classify(folder, [before, after])
                tally[outcome] += 1
                if kind == "upgrade":
                    complete += revision == HEAD
                elif kind == "import":
                    complete += counts(app_paths.resolve(folder).database) == after
                else:
                    complete += len(backup.list_backups(app_paths.resolve(folder))) > 0
                revisions[str(revision)] = revisions.get(str(revision), 0) + 1
                fp = app_paths.resolve(folder)
                leftovers += len(files.unfinished_parts(fp.backups)) + len(
                    [e for e in fp.root.iterdir() if ".nang-cap-" in e.name or e.name.endswith(".restore")]
                )
                if kind == "upgrade":
                    # reopen once more: the pre-upgrade backup is not taken again
                    Database.open(fp).close()
                    pre = [b for b in backup.list_backups(fp) if b.kind == "pre-migration"]
                    pre_upgrade_max = max(pre_upgrade_max, len(pre))
                print(
                    f"  {kind} kill {n + 1:2d} at {delay:5.2f} s: {outcome:<7} revision at kill {revision}, "
                    f"partial files before reopen {partial}",
                    flush=True,
                )
                shutil.rmtree(folder)
            extra_text = f", pre-upgrade backups per folder at most {pre_upgrade_max}" if kind == "upgrade" else ""
            print(
                f"{kind}: {args.kills} kills over {full:.2f} s (database {size / 1048576:.1f} MB): "
                f"opened {tally['opened']}, corrupt {tally['corrupt']}, lost {tally['lost']}; "
                f"write complete in {complete}, absent in {args.kills - complete}; revisions at kill {revisions}; "
                f"partial files after the kills {partial_total}, left after reopen {leftovers}{extra_text} "
                f"[{time.perf_counter() - t_start:.0f} s]",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
