"""Official documents: one layout model (:mod:`.layout`), a PDF writer in the NĐ 30/2020 format
(:mod:`.pdf`, reportlab) and a workbook writer (:mod:`.workbook`, XlsxWriter) with the
machine-readable sheet the upper level imports (:mod:`.machine`, documented in ``docs/machine-sheet.md``).
The builders of each document kind live in :mod:`.kinds`; the use cases that number and
produce files are in ``services/documents.py``. No database, no Qt here.
"""
