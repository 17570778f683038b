"""The Qt desktop interface: the only package that imports Qt (see docs/style.md §1).

Whatever starts Qt (``ui.app.main``, the test set-up in ``tests/conftest.py``, ``tools/screenshots.py``)
first calls ``ui._none_guard.protect_none()``: on CPython 3.11 PySide6 6.12 would otherwise wear
``None``'s reference count down to a crash.
"""
