"""Cold start of the application on 20,000 people against a bare PySide6 window.

    uv run python bench/bench_startup.py [--data-dir DIR] [--people 20000] [--runs 7] [--xcb]

Builds once (cached in DIR, by default ``<tmp>/thidua-bench-startup-20000``) a data folder
with the demo union grown to ``--people`` working people, then runs ``--runs`` alternating
cold starts of

* ``python -m thidua_desktop.ui.app --data-dir DIR`` with ``THIDUA_EXIT_WHEN_SHOWN=1``: the app
  prints ``THIDUA_SHOWN <epoch>`` once its main window is exposed and its Tổng quan page shows
  the year, then quits;
* ``bench/bare_window.py``: a bare QMainWindow printing the same marker when exposed;

each under ``QT_QPA_PLATFORM=offscreen`` (``--xcb``: the existing ``DISPLAY``), timed from just
before ``Popen`` to the printed epoch. Prints every run, the medians and the ratio app/bare.
If ``thidua_desktop.ui.app`` does not exist yet, only the bare window is measured.

Child processes get compiled bytecode like an installed program (see bench_store.py):
``PYTHONDONTWRITEBYTECODE`` is unset and ``PYTHONPYCACHEPREFIX`` points at a cache folder in
the temp directory; untimed warm-up runs fill it. ``--no-bytecode`` runs them as they are.
Settings go to a throw-away ``XDG_CONFIG_HOME`` so the user's own settings are not touched.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "THIDUA_SHOWN"
BARE = Path(__file__).resolve().parent / "bare_window.py"
APP_MODULE = "thidua_desktop.ui.app"
TIMEOUT = 120


def build_folder(folder: Path, people: int) -> None:
    """The demo union grown to ``people`` working people; reused when already there."""
    from thidua_desktop.paths import DataPaths
    from thidua_desktop.services import demo, roster
    from thidua_desktop.store.database import Database

    paths = DataPaths(folder)
    stamp = folder / ".bench-people"
    if paths.database.exists() and stamp.exists() and stamp.read_text().strip() == str(people):
        print(f"data folder: {folder} (cached, {people:,} people)")
        return
    if paths.database.exists():
        raise SystemExit(f"{folder} already holds data that this bench did not build; choose another --data-dir")
    t = time.perf_counter()
    paths.ensure()
    summary = demo.build_demo(paths)
    db = Database.open(paths)
    try:
        if people > summary.people:
            demo.add_people(db, people - summary.people, seed=20_000)
        total = roster.count_people(db)["total"]
    finally:
        db.close()
    stamp.write_text(str(people))
    print(f"data folder: {folder} (built in {time.perf_counter() - t:.1f} s, {total:,} people)")


def child_env(*, xcb: bool, bytecode: bool, config_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    if xcb:
        if not env.get("DISPLAY"):
            raise SystemExit("--xcb needs a running X server in DISPLAY (for example: Xvfb :77 &; DISPLAY=:77)")
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["THIDUA_EXIT_WHEN_SHOWN"] = "1"
    env["XDG_CONFIG_HOME"] = str(config_home)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "thidua-bench-pycache")
    return env


def start_once(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before Popen to the epoch the child prints when its window is shown."""
    t0 = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise SystemExit(f"{command[-3:]} did not quit within {TIMEOUT} s\n{err[-2000:]}") from None
    for line in out.splitlines():
        if line.startswith(MARKER + " "):
            return float(line.split()[1]) - t0
    raise SystemExit(
        f"{' '.join(command)} printed no {MARKER} (exit {proc.returncode})\n"
        f"stdout: {out[-1000:]}\nstderr: {err[-2000:]}"
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="data folder to build once and reuse")
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--xcb", action="store_true", help="run under the existing DISPLAY instead of offscreen")
    parser.add_argument("--no-bytecode", action="store_true", help="children compile every import from source")
    parser.add_argument("--bare-only", action="store_true", help="measure only the bare window")
    parser.add_argument(
        "--first-start",
        action="store_true",
        help="delete the overview snapshot before every app start (a first start, or a start "
        "after the data was changed elsewhere: the database is read before anything shows)",
    )
    args = parser.parse_args()

    print(
        f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs, "
        f"{'xcb on ' + os.environ.get('DISPLAY', '?') if args.xcb else 'offscreen'}, "
        f"{'no bytecode cache' if args.no_bytecode else 'bytecode cached'}"
    )
    folder = (args.data_dir or Path(tempfile.gettempdir()) / f"thidua-bench-startup-{args.people}").resolve()
    config_home = Path(tempfile.gettempdir()) / "thidua-bench-config"
    config_home.mkdir(exist_ok=True)
    env = child_env(xcb=args.xcb, bytecode=not args.no_bytecode, config_home=config_home)

    commands: dict[str, list[str]] = {"bare": [sys.executable, str(BARE)]}
    if args.bare_only:
        pass
    elif importlib.util.find_spec(APP_MODULE) is None:
        print(f"{APP_MODULE} is not there yet: measuring the bare window only")
    else:
        build_folder(folder, args.people)
        commands = {"app": [sys.executable, "-m", APP_MODULE, "--data-dir", str(folder)], **commands}

    for name, command in commands.items():  # warm-up: bytecode cache, disk cache, fonts
        print(f"warm-up {name}: {ms(start_once(command, env))}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(args.runs):
        order = list(commands) if run % 2 == 0 else list(reversed(commands))
        for name in order:
            if name == "app" and args.first_start:
                shutil.rmtree(folder / "cache", ignore_errors=True)
            elapsed = start_once(commands[name], env)
            times[name].append(elapsed)
            print(f"run {run + 1} {name:<4} {ms(elapsed):>9}")
    print()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:<4} median {ms(medians[name]):>9}   runs " + " / ".join(ms(v) for v in values))
    if "app" in medians:
        mode = "first start: no snapshot" if args.first_start else "usual start: snapshot of the last session"
        print(f"ratio app/bare: {medians['app'] / medians['bare']:.2f}  ({mode})")


if __name__ == "__main__":
    main()
