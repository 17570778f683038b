"""Widgets and the table model shared by the pages."""
