"""ui._none_guard is called explicitly by whatever starts Qt (issue 15), not as a side effect of an import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from thidua_desktop.ui import _none_guard

NEEDED = sys.implementation.name == "cpython" and sys.version_info < (3, 12)


@pytest.mark.skipif(not NEEDED, reason="None is immortal from CPython 3.12 on")
def test_the_test_set_up_has_protected_none_true_and_false():
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > _none_guard._MARGIN


@pytest.mark.skipif(not NEEDED, reason="None is immortal from CPython 3.12 on")
def test_importing_the_gui_changes_no_reference_count_and_the_guard_is_idempotent():
    script = (
        "import sys\n"
        "import thidua_desktop.ui.app\n"
        "from thidua_desktop.ui import _none_guard as g\n"
        "assert sys.getrefcount(None) < g._MARGIN, 'an import must not have this side effect'\n"
        "g.protect_none(); once = sys.getrefcount(None)\n"
        "g.protect_none(); assert abs(sys.getrefcount(None) - once) < 1000, 'twice is once'\n"
        "assert once > g._MARGIN\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr


def test_the_app_protects_none_before_anything_else(monkeypatch):
    from thidua_desktop.ui import app

    class Started(Exception):
        pass

    def first(*_args):
        raise Started

    monkeypatch.setattr(app, "protect_none", first)
    monkeypatch.setattr(app, "parse_args", lambda *_a: pytest.fail("arguments read before the guard"))
    with pytest.raises(Started):
        app.main([])
