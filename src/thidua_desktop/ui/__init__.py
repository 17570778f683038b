"""The Qt desktop interface: the only package that imports Qt (see docs/style.md §1)."""

from thidua_desktop.ui._none_guard import protect_none

protect_none()
