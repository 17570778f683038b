"""One builder per document kind: plain inputs (:mod:`.inputs`) → a layout
:class:`~thidua_desktop.documents.layout.Document` and its machine data."""
