"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on CPython 3.11.

PySide6 6.12 returns ``None`` from every void method (``setText``, ``setEnabled``,
``beginResetModel``…) and from an empty ``QVariant`` (``currentData()`` of an item without
data, a missing ``property()``) without taking a reference: it relies on ``None`` being
immortal, which it is only from CPython 3.12 (PEP 683). On 3.11 each such call takes one
reference from ``None``; after some ten thousand calls (a few hundred keystrokes in a search
box) the count reaches zero and the process aborts with "Fatal Python error: none_dealloc".

Until the project runs on CPython ≥ 3.12 (or PySide fixes it), give ``None`` the huge
reference count that 3.12 gives immortal objects. ``None`` is never deallocated in a healthy
process, so the extra count changes nothing else.

Called explicitly, first thing, by whatever starts Qt: ``ui.app.main`` (and so the Windows
bundle), the test set-up (``tests/conftest.py``) and ``tools/screenshots.py``. The project stays on
3.11 because that is the Python this machine, CI and the bundle have (3.12 cannot be installed here
from the package registries alone); the day it moves to 3.12 this module goes.
"""

from __future__ import annotations

import sys

_MARGIN = 1 << 40  # a trillion calls; 3.12's immortal refcount is of this order


def protect_none() -> None:
    """Idempotent; does nothing on CPython ≥ 3.12 and other interpreters."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    # The same happens to True and False (a bool returned from a slot or a QVariant):
    # "Fatal Python error: bool_dealloc" at exit after a long run of GUI tests.
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the first field of every object
        if count.value < _MARGIN:
            count.value += _MARGIN
