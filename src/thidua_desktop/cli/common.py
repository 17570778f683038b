"""Pieces every ``thidua`` command module shares."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from thidua_desktop.core.cleantext import terminal_safe
from thidua_desktop.errors import UserError

EXIT_REFUSED = 1


class CliError(UserError):
    """A refusal with a message for the user."""


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it, without importing shutil (and
    its compression modules) in every command."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # argparse's own words are English; say it in Vietnamese too
        self.print_usage(sys.stderr)
        err(f"Lỗi tham số: {message}")
        raise SystemExit(EXIT_REFUSED)


def out(text: str = "") -> None:
    # a value from an older database may still hold ESC, U+202E…: shown escaped, never raw
    print(terminal_safe(str(text)))


def err(text: str) -> None:
    print(terminal_safe(str(text)), file=sys.stderr)


def date_arg(text: str) -> date:
    from thidua_desktop.core import vntext

    try:
        return vntext.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def open_db(args):
    from thidua_desktop.services import data_folder

    opened = data_folder.open_for_command(args.paths)
    if opened.gui_lock is not None:  # the window program has this folder open: read, never write
        args.gui_lock = opened.gui_lock
    return opened.db


def refuse_while_gui_open(args) -> None:
    """For commands that change the data folder without the database layer (restore)."""
    from thidua_desktop.services import data_folder

    data_folder.refuse_while_gui_open(args.paths)
