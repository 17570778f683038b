"""Start time of the PyInstaller bundle against ``uv run``, and the bundle's size.

    uv run python bench/bench_bundle.py [--bundle dist/thidua-desktop] [--runs 5] [--data-dir DIR] [--no-bytecode]

Needs a built bundle (``uv run --group package python packaging/build.py --no-archives``).
Builds once, with the bundled ``thidua demo``, the demo data folder (``<tmp>/thidua-bench-bundle-demo``
unless ``--data-dir``), then runs ``--runs`` alternating cold starts of

* ``dist/thidua-desktop/thidua-desktop --data-dir DIR`` (the bundle),
* ``uv run thidua-desktop --data-dir DIR`` (from source, as the README starts it),
* ``python -m thidua_desktop.ui.app --data-dir DIR`` (the venv's interpreter, no uv in between),

each with ``THIDUA_EXIT_WHEN_SHOWN=1`` under ``QT_QPA_PLATFORM=offscreen``: the time from just
before ``Popen`` to the ``THIDUA_SHOWN <epoch>`` the program prints once its window is exposed
and Tổng quan shows the year. One untimed warm-up run each first. The source runs get a bytecode
cache like an installed program (``PYTHONPYCACHEPREFIX``, see bench/README.md);
``--no-bytecode`` runs them as this environment is (every import compiled from source).
Prints every run, the medians, the bundle's size and its ten biggest items.
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

ROOT = Path(__file__).resolve().parent.parent
MARKER = "THIDUA_SHOWN"
TIMEOUT = 180


def child_env(config_home: Path, *, bytecode: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["THIDUA_EXIT_WHEN_SHOWN"] = "1"
    env["XDG_CONFIG_HOME"] = str(config_home)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "thidua-bench-pycache")
    return env


def start_once(command: list[str], env: dict[str, str]) -> float:
    t0 = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise SystemExit(f"{command} did not quit within {TIMEOUT} s\n{err[-2000:]}") from None
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
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "thidua-desktop")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="demo data folder to build once and reuse")
    parser.add_argument("--no-bytecode", action="store_true", help="source runs compile every import")
    args = parser.parse_args()

    bundle = args.bundle.resolve()
    gui, cli = bundle / "thidua-desktop", bundle / "thidua"
    if sys.platform == "win32":
        gui, cli = gui.with_suffix(".exe"), cli.with_suffix(".exe")
    if not gui.exists():
        raise SystemExit(f"no bundle at {bundle}: uv run --group package python packaging/build.py --no-archives")
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("uv is not on PATH")

    print(
        f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs, offscreen, "
        f"{'no bytecode cache' if args.no_bytecode else 'bytecode cached'} for the source runs"
    )
    folder = (args.data_dir or Path(tempfile.gettempdir()) / "thidua-bench-bundle-demo").resolve()
    if not (folder / "thidua.sqlite").exists():
        t = time.perf_counter()
        subprocess.run([str(cli), "demo", "--data-dir", str(folder)], check=True, stdout=subprocess.DEVNULL)
        print(f"demo data folder: {folder} (built by the bundled thidua in {time.perf_counter() - t:.1f} s)")
    else:
        print(f"demo data folder: {folder} (cached)")
    config_home = Path(tempfile.mkdtemp(prefix="thidua-bench-config-"))
    env = child_env(config_home, bytecode=not args.no_bytecode)

    data = ["--data-dir", str(folder)]
    commands = {
        "bundle": [str(gui), *data],
        "uv run": [uv, "run", "thidua-desktop", *data],
        "python -m": [sys.executable, "-m", "thidua_desktop.ui.app", *data],
    }
    for name, command in commands.items():
        print(f"warm-up {name}: {ms(start_once(command, env))}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(args.runs):
        order = list(commands) if run % 2 == 0 else list(reversed(commands))
        for name in order:
            elapsed = start_once(commands[name], env)
            times[name].append(elapsed)
            print(f"run {run + 1} {name:<10} {ms(elapsed):>9}")
    print()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:<10} median {ms(medians[name]):>9}   runs " + " / ".join(ms(v) for v in values))
    print(f"bundle / uv run: {medians['bundle'] / medians['uv run']:.2f}")

    spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    biggest, mb, tree_size = build.biggest, build.mb, build.tree_size

    files = sum(1 for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle {bundle}: {mb(tree_size(bundle))} in {files} files; biggest items:")
    for size, name in biggest(bundle):
        print(f"  {mb(size):>9}  {name}")
    shutil.rmtree(config_home, ignore_errors=True)


if __name__ == "__main__":
    main()
