"""What ``thidua`` imports: building its parser imports no heavy library, ``thidua verify`` no store.

Issue 19: every command used to import SQLAlchemy and the store while building its parser
(0.4–0.5 s). Each check runs in a new interpreter and lists the modules loaded; no timing here
(``bench/bench_cli.py`` measures).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.test_cli_signing import folder, run  # noqa: F401  (fixture)
from tests.test_signing_fixtures import make_pdf

HEAVY = (
    "sqlalchemy",
    "alembic",
    "thidua_desktop.store",
    "thidua_desktop.services",
    "reportlab",
    "openpyxl",
    "xlsxwriter",
    "pyhanko",
    "cryptography",
    "PySide6",
)
STORE = ("sqlalchemy", "alembic", "thidua_desktop.store")


def _loaded(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules under ``prefixes`` that ``code`` leaves loaded, in a new interpreter."""
    probe = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {list({p.split('.')[0] for p in prefixes})!r} "
        f"and any(m == p or m.startswith(p + '.') for p in {list(prefixes)!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _main(*argv: str) -> str:
    return (
        "import contextlib, io\nfrom thidua_desktop.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    try:\n        code = main({list(argv)!r})\n    except SystemExit as exc:\n        code = exc.code\n"
    )


def test_building_the_parser_imports_nothing_heavy():
    assert _loaded("from thidua_desktop.cli.main import build_parser\nbuild_parser()", HEAVY) == []


def test_help_and_version_import_nothing_heavy():
    assert _loaded(_main("--help"), HEAVY) == []
    assert _loaded(_main("--version"), HEAVY) == []
    assert _loaded(_main("verify", "--help"), HEAVY) == []


def test_info_on_a_folder_without_data_opens_nothing(tmp_path):
    assert _loaded(_main("--data-dir", str(tmp_path / "moi"), "info"), HEAVY) == []


def test_verify_imports_no_store(folder, tmp_path):
    key = tmp_path / "don-vi.p12"
    assert (
        run(
            folder,
            "keys",
            "create",
            "--name",
            "CĐCS Công ty TNHH May Hoa Lư",
            "--out",
            str(key),
            "--password-env",
            "MK",
        ).returncode
        == 0
    )
    signed = tmp_path / "bao-cao-da-ky.pdf"
    made = run(
        folder,
        "sign",
        str(make_pdf(tmp_path / "bao-cao.pdf")),
        "--p12",
        str(key),
        "--password-env",
        "MK",
        "--out",
        str(signed),
    )
    assert made.returncode == 0, made.stderr
    code = _main("--data-dir", str(folder), "verify", str(signed), "--trust", str(key.with_suffix(".pem")))
    assert (
        run(
            folder, "keys", "export-cert", str(key), "--password-env", "MK", "--out", str(key.with_suffix(".pem"))
        ).returncode
        == 0
    )
    code += "assert code == 0, code\n"  # verified, the signer trusted
    loaded = _loaded(code, (*STORE, "pyhanko", "reportlab", "openpyxl", "xlsxwriter"))
    assert "pyhanko" in loaded  # it did verify
    assert [m for m in loaded if not m.startswith("pyhanko")] == []


def _every_parser(parser):
    import argparse

    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name in list(action.choices):
                yield from _every_parser(action.choices[name])


def _helps(parser) -> dict[str, str]:
    return {p.prog: p.format_help() for p in _every_parser(parser)}


def test_every_command_builds_and_parses_as_before(monkeypatch):
    """The commands registered by name are built when used: every one builds, and shows the same
    help as with argparse's own sub-command action (every parser built at once)."""
    import argparse

    from thidua_desktop.cli import lazy_parser, main as cli

    monkeypatch.setenv("COLUMNS", "100")
    lazy = _helps(cli.build_parser())
    assert len(lazy) > 100
    with monkeypatch.context() as m:
        m.setattr(lazy_parser, "LazySubParsers", argparse._SubParsersAction)
        eager = _helps(cli.build_parser())
    assert lazy == eager
    args = cli.build_parser().parse_args(["document", "registration", "--year", "2021", "--signer", "deputy"])
    assert (args.command, args.kind, args.year, args.signer, args.func) == (
        "document",
        "registration",
        2021,
        "deputy",
        cli.documents.cmd_document,
    )
    args = cli.build_parser().parse_args(["--data-dir", "x", "year", "show", "2021"])
    assert (args.data_dir, args.year_command, args.year, args.func) == ("x", "show", 2021, cli.cmd_year_show)
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["khong-co-lenh"])
