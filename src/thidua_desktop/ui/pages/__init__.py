"""The sidebar pages of the main window."""
