"""The ``thidua`` commands registered by name and help only; a command's parser is built when it runs.

``thidua`` has some 130 parsers. Building them all costs more than the interpreter's own start
(argparse looks up its translations and the terminal width for every argument), and a command
uses one. :class:`LazySubParsers` is the action of the top-level commands: ``add_parser`` lists
the command with its help at once (``thidua --help`` shows it) and returns a :class:`Recorder`
that keeps every call the command modules make on it (``add_argument``, ``set_defaults``,
``add_mutually_exclusive_group``, ``add_subparsers``, ``add_parser``…). argparse asks for a
command's parser only when that command is on the line; the recorded calls are then replayed on a
real parser, so the command modules describe their arguments exactly as with plain argparse.
"""

from __future__ import annotations

import argparse


class Recorder:
    """Stands for a parser, an argument group or a sub-command action until it is needed."""

    __slots__ = ("_calls",)

    def __init__(self) -> None:
        self._calls: list[tuple[str, tuple, dict, Recorder | None]] = []

    def _keep(self, method: str, args: tuple, kwargs: dict, *, child: bool) -> Recorder | None:
        made = Recorder() if child else None
        self._calls.append((method, args, kwargs, made))
        return made

    # what a parser, a group or a sub-command action is asked in the command modules
    def add_argument(self, *args, **kwargs) -> None:
        self._keep("add_argument", args, kwargs, child=False)

    def set_defaults(self, **kwargs) -> None:
        self._keep("set_defaults", (), kwargs, child=False)

    def add_argument_group(self, *args, **kwargs) -> Recorder:
        return self._keep("add_argument_group", args, kwargs, child=True)

    def add_mutually_exclusive_group(self, **kwargs) -> Recorder:
        return self._keep("add_mutually_exclusive_group", (), kwargs, child=True)

    def add_subparsers(self, **kwargs) -> Recorder:
        return self._keep("add_subparsers", (), kwargs, child=True)

    def add_parser(self, name: str, **kwargs) -> Recorder:
        return self._keep("add_parser", (name,), kwargs, child=True)

    def replay(self, target) -> None:
        for method, args, kwargs, child in self._calls:
            made = getattr(target, method)(*args, **kwargs)
            if child is not None:
                child.replay(made)


class _Parsers(dict):
    """The commands' parsers by name; a parser not built yet is built on first use."""

    def __init__(self) -> None:
        super().__init__()
        self._pending: dict[str, tuple[type, dict, Recorder]] = {}

    def defer(self, name: str, parser_class: type, kwargs: dict, recorder: Recorder) -> None:
        self._pending[name] = (parser_class, kwargs, recorder)
        super().__setitem__(name, None)

    def _built(self, name: str):
        if name in self._pending:
            parser_class, kwargs, recorder = self._pending.pop(name)
            parser = parser_class(**kwargs)
            recorder.replay(parser)
            super().__setitem__(name, parser)
        return super().__getitem__(name)

    def __getitem__(self, name: str):
        return self._built(name)

    def get(self, name, default=None):
        return self._built(name) if name in self else default

    def values(self):
        return [self._built(name) for name in self]

    def items(self):
        return [(name, self._built(name)) for name in self]


class LazySubParsers(argparse._SubParsersAction):
    """``parser.add_subparsers(action=LazySubParsers, …)``: commands listed now, built when run."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = self.choices = _Parsers()

    def add_parser(self, name: str, **kwargs) -> Recorder:
        if kwargs.get("prog") is None:
            kwargs["prog"] = f"{self._prog_prefix} {name}"
        if kwargs.get("aliases"):
            raise ValueError("LazySubParsers: aliases are not supported")
        kwargs.pop("aliases", None)
        if name in self._name_parser_map:
            raise argparse.ArgumentError(self, f"conflicting subparser: {name}")
        if "help" in kwargs:
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), kwargs.pop("help")))
        recorder = Recorder()
        self._name_parser_map.defer(name, self._parser_class, kwargs, recorder)
        return recorder

    def build_all(self) -> list[argparse.ArgumentParser]:
        """Every command's parser (tests walk them all)."""
        return self._name_parser_map.values()
