"""The domain never imports Qt: every non-UI module imports with PySide6 made unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap

import thidua_desktop


def non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(thidua_desktop.__path__, "thidua_desktop."):
        if info.name.startswith("thidua_desktop.ui") or ".migrations.versions." in info.name:
            continue
        if info.name.endswith("migrations.env"):
            continue  # runs only inside Alembic
        names.append(info.name)
    return names


def test_non_ui_modules_import_without_qt():
    modules = non_ui_modules()
    assert "thidua_desktop.store.database" in modules and "thidua_desktop.cli.main" in modules
    script = textwrap.dedent(
        f"""
        import importlib, sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6', 'pytestqt'):
                    raise ImportError('Qt is not allowed here: ' + name)
                return None
        sys.meta_path.insert(0, BlockQt())
        for name in {modules!r}:
            importlib.import_module(name)
        loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]
        assert not loaded, loaded
        print('ok', len({modules!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_ui_is_the_only_package_that_mentions_qt():
    import pathlib
    import re

    root = pathlib.Path(thidua_desktop.__file__).parent
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)", re.MULTILINE)
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "ui" not in p.relative_to(root).parts[:1] and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
