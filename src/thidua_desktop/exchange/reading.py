"""What a file of ours says about itself: the report a PDF or a workbook belongs to.

A report PDF carries ``thidua-report:<id>`` in its Keywords (:data:`REPORT_KEYWORD`, written by
the document service, kept by signing); a report workbook names it in the machine-readable
sheet's ``[meta]`` (``report_id``). A file that is not one of ours, or that cannot be read, names
nothing (""): sending it is still allowed, just not recorded.
"""

from __future__ import annotations

import os
from pathlib import Path

REPORT_KEYWORD = "thidua-report:"  # in a report PDF's Keywords: the report's id, so a PDF sent alone is traced


def pdf_keywords(path: str | os.PathLike[str]) -> str:
    """The Keywords of a PDF's document information (signed or not), "" when it has none; raises
    when the file is not a readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with Path(path).open("rb") as handle:
        info = PdfFileReader(handle, strict=False).trailer_view.get("/Info")
        info = info.get_object() if hasattr(info, "get_object") else info
        return str(info.get("/Keywords", "")) if info is not None else ""


def report_id_in_file(path: str | os.PathLike[str]) -> str:
    """The report id a report PDF (its Keywords) or workbook (its machine sheet) of ours names, as
    written; "" for any other file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        try:
            keywords = pdf_keywords(path)
        except Exception:  # noqa: BLE001 - not a PDF, or unreadable
            return ""
        for word in keywords.split():
            if word.startswith(REPORT_KEYWORD):
                return word[len(REPORT_KEYWORD) :]
        return ""
    if suffix == ".xlsx":
        from thidua_desktop.documents import machine

        try:
            meta = machine.read_sheet(path).meta
        except Exception:  # noqa: BLE001 - not one of ours, or unreadable
            return ""
        return str(meta.get("report_id") or "").strip()
    return ""
