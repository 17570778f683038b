"""The Qt desktop interface: the only package that imports Qt (see docs/style.md §1)."""
