"""``thidua`` commands as whole processes against their floors, measured alternating in one run.

    uv run python bench/bench_cli.py [--runs 11] [--keep DIR] [--no-bytecode]

Each pair runs ``--runs`` times, floor and command alternating (floor first in odd runs, command
first in even ones), after one untimed warm-up of each. Wall clock from just before the process
starts to its exit, and its CPU time (user + system, from ``getrusage`` of the children): on a
machine other jobs load the CPU time moves less. Medians; each figure is printed as a ratio to
its floor measured in the same run.

| command | floor |
|---|---|
| ``thidua --help`` | ``python -c pass`` |
| ``thidua info`` on a folder with no database (opens nothing) | ``python -c pass`` |
| ``thidua info`` on a set-up folder | a script that opens the SQLite file with ``sqlite3`` and reads what ``info`` prints (revision, unit name, years) and lists the backups; ``info`` opens the database through the store (SQLAlchemy, the revision check, ``quick_check``), so it is not a command that opens nothing. Also shown against ``python -c pass`` |
| ``thidua verify FILE.pdf`` of a signed PDF, its signer in the folder's trusted list | a script importing pyHanko and validating the same signature with one ``ValidationContext`` over the same trusted certificate |

The data folder (``thidua setup``, ``thidua keys create`` — a unit key, RSA-2048 —, a two-page PDF
signed with ``thidua sign`` as the signing tests do) is built in a temporary folder, or in
``--keep DIR`` and reused. ``thidua`` is the console script beside the interpreter (what a user
runs); without one, or with ``--src DIR`` (another source tree, to compare with an older
commit), ``python -m thidua_desktop.cli.main``. Floors and commands run with the same
interpreter and the same bytecode situation: by default a bytecode cache
(``PYTHONPYCACHEPREFIX=<tmp>/thidua-bench-pycache``, filled by the warm-up) like an installed
program; ``--no-bytecode`` compiles every import from source, as this environment is set up.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "Khóa-Đơn-Vị-2021!"
SETUP = [
    "setup",
    "--name",
    "CĐCS Công ty TNHH May Hoa Lư",
    "--upper-union",
    "LĐLĐ huyện Gia Viễn",
    "--place",
    "Gia Viễn",
    "--chair",
    "Phạm Thị Hoa",
    "--deputy",
    "Trần Văn Nam",
    "--plan",
    "ke-hoach-02-KH-LDLD-2021",
]

# The floor of ``thidua info`` on a set-up folder: open the SQLite file, read what info prints.
SQLITE_FLOOR = r"""
import os, sqlite3, sys
root = sys.argv[1]
db = os.path.join(root, "thidua.sqlite")
print("Thư mục dữ liệu:", root)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
print("Lược đồ dữ liệu:", con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
unit = con.execute("SELECT name FROM unit LIMIT 1").fetchone()
print("Đơn vị:", unit[0] if unit else "(chưa khai báo)")
print("Năm thi đua:", ", ".join(str(y) for (y,) in con.execute("SELECT year FROM emulation_year ORDER BY year")))
con.close()
backups = os.path.join(root, "backups")
print("Số bản sao lưu:", len(os.listdir(backups)) if os.path.isdir(backups) else 0)
"""

# The floor of ``thidua verify FILE.pdf``: pyHanko imported, the same signature validated against
# the same trusted certificates, one ValidationContext.
PYHANKO_FLOOR = r"""
import glob, os, sys
from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
roots = []
for name in sorted(glob.glob(os.path.join(sys.argv[1], "keys", "trusted", "*.pem"))):
    with open(name, "rb") as f:
        roots.append(x509.Certificate.load(pem.unarmor(f.read())[2]))
vc = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
with open(sys.argv[2], "rb") as f:
    sig = PdfFileReader(f, strict=False).embedded_signatures[0]
    status = validate_pdf_signature(sig, vc, key_usage_settings=usage)
print(status.bottom_line, status.coverage)
sys.exit(0 if status.bottom_line else 2)
"""


def child_env(*, bytecode: bool, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MK"] = PASSWORD
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "xdg-data")
    env.pop("THIDUA_HOME", None)
    if SOURCE is not None:
        env["PYTHONPATH"] = str(SOURCE)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "thidua-bench-pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


SOURCE: Path | None = None  # --src: thidua from another source tree


def thidua_command() -> list[str]:
    if SOURCE is not None:
        return [sys.executable, "-m", "thidua_desktop.cli.main"]
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.exists() else [sys.executable, "-m", "thidua_desktop.cli.main"]


def make_pdf(path: Path, pages: int = 2) -> None:
    """A report-like PDF in Liberation Serif (the signing tests' make_pdf)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from thidua_desktop.paths import fonts_dir

    pdfmetrics.registerFont(TTFont("BenchSerif", str(fonts_dir() / "LiberationSerif-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=A4)
    for p in range(pages):
        c.setFont("BenchSerif", 13)
        c.drawString(90, 780, f"BÁO CÁO sơ kết phong trào thi đua — trang {p + 1}")
        for line in range(20):
            c.drawString(90, 740 - line * 22, f"{line + 1}. Nguyễn Thị Ánh Tuyết, Đặng Quốc Hưng — {p * 20 + line}")
        if p == pages - 1:
            c.drawString(360, 250, "TM. BAN CHẤP HÀNH")
            c.drawString(395, 232, "CHỦ TỊCH")
            c.drawString(380, 90, "Phạm Thị Hoa")
        c.showPage()
    c.save()


def build(base: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """The set-up data folder and a PDF signed by its unit key (trusted in that folder)."""
    folder, signed = base / "du-lieu", base / "bao-cao-da-ky.pdf"
    if (folder / "thidua.sqlite").exists() and signed.exists():
        print(f"data folder: {folder} (reused)")
        return folder, signed
    base.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    thidua = thidua_command()

    def run(*args: str) -> None:
        done = subprocess.run([*thidua, "--data-dir", str(folder), *args], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"thidua {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

    run(*SETUP)
    key = folder / "keys" / "unit.p12"
    run("keys", "create", "--password-env", "MK")
    pem = base / "don-vi.pem"
    run("keys", "export-cert", str(key), "--password-env", "MK", "--out", str(pem), "--force")
    run("keys", "trust", str(pem), "--label", "CĐCS Công ty TNHH May Hoa Lư")
    source = base / "bao-cao.pdf"
    make_pdf(source)
    run("sign", str(source), "--p12", str(key), "--password-env", "MK", "--out", str(signed))
    print(f"data folder: {folder} (built in {time.perf_counter() - t:.1f} s)")
    return folder, signed


def run_once(command: list[str], env: dict[str, str], expect: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != expect:
        raise SystemExit(
            f"{' '.join(command)} exited {done.returncode} (expected {expect})\n"
            f"{done.stdout.decode(errors='replace')[-1500:]}\n{done.stderr.decode(errors='replace')[-1500:]}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11, help="alternating runs per pair (default 11)")
    parser.add_argument("--keep", type=Path, help="build the data folder and the signed PDF here and reuse them")
    parser.add_argument("--no-bytecode", action="store_true", help="children compile every import from source")
    parser.add_argument(
        "--src",
        type=Path,
        metavar="DIR",
        help="run thidua from this source folder (its src/, e.g. an older commit unpacked with "
        "'git archive COMMIT src | tar -x -C DIR') as 'python -m' with PYTHONPATH; floors unchanged",
    )
    args = parser.parse_args()
    global SOURCE
    SOURCE = args.src.resolve() if args.src else None

    print(
        f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs, "
        f"{'no bytecode cache' if args.no_bytecode else 'bytecode cached'}; "
        f"load average at start {' / '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    temp = Path(tempfile.mkdtemp(prefix="thidua-bench-cli-"))
    try:
        base = args.keep.resolve() if args.keep else temp
        env = child_env(bytecode=not args.no_bytecode, home=temp)
        folder, signed = build(base, env)
        empty = temp / "chua-co-du-lieu"
        empty.mkdir()
        thidua, py = thidua_command(), sys.executable
        print(f"command: {' '.join(thidua)}" + (f" (PYTHONPATH={SOURCE})" if SOURCE else ""))

        commands = {
            "python -c pass": ([py, "-c", "pass"], 0),
            "sqlite3 floor": ([py, "-c", SQLITE_FLOOR, str(folder)], 0),
            "pyHanko floor": ([py, "-c", PYHANKO_FLOOR, str(folder), str(signed)], 0),
            "thidua --help": ([*thidua, "--help"], 0),
            "thidua info (no db)": ([*thidua, "--data-dir", str(empty), "info"], 0),
            "thidua info": ([*thidua, "--data-dir", str(folder), "info"], 0),
            "thidua verify": ([*thidua, "--data-dir", str(folder), "verify", str(signed)], 0),
        }
        pairs = [  # (command, floor)
            ("thidua --help", "python -c pass"),
            ("thidua info (no db)", "python -c pass"),
            ("thidua info", "sqlite3 floor"),
            ("thidua verify", "pyHanko floor"),
        ]
        for name, (command, expect) in commands.items():  # warm-up: bytecode cache, disk cache
            run_once(command, env, expect)
        wall: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        for pair in pairs:  # each pair alternates within itself: its floor is measured beside it
            for run in range(args.runs):
                order = pair if run % 2 else tuple(reversed(pair))
                for name in order:
                    w, c = run_once(commands[name][0], env, commands[name][1])
                    wall.setdefault((pair[0], name), []).append(w)
                    cpu.setdefault((pair[0], name), []).append(c)
            print(f"  measured {pair[0]} / {pair[1]}")
        print()
        print(f"{'':<22} {'wall median':>12} {'ratio':>7}   {'CPU median':>11} {'ratio':>7}   floor")
        for command, floor in pairs:
            fw, fc = statistics.median(wall[(command, floor)]), statistics.median(cpu[(command, floor)])
            cw, cc = statistics.median(wall[(command, command)]), statistics.median(cpu[(command, command)])
            print(f"{floor:<22} {ms(fw):>12} {'':>7}   {ms(fc):>11}")
            print(f"{command:<22} {ms(cw):>12} {cw / fw:>6.2f}×   {ms(cc):>11} {cc / fc:>6.2f}×   {floor}")
            if command == "thidua info":  # not a command that opens nothing: against the interpreter too
                pw = statistics.median(wall[("thidua --help", "python -c pass")])
                pc = statistics.median(cpu[("thidua --help", "python -c pass")])
                print(f"{'':<22} {'':>12} {cw / pw:>6.2f}×   {'':>11} {cc / pc:>6.2f}×   python -c pass")
        print()
        for (_, name), values in wall.items():
            print(f"{name:<22} wall " + " / ".join(ms(v) for v in values))
        print(f"load average at the end {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
