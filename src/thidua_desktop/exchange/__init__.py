"""Files that come in and go out: spreadsheet reading, roster import, exchange packages.

No Qt and no database here: readers return plain values and checked drafts, and the
services decide what to commit.
"""
