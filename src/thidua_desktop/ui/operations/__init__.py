"""What a page asks of the data, one module per page, each function a few lines over one service call.

In the manner of Anki's ``qt/aqt/operations/``: a function here runs on the worker thread (through
``ctx.tasks``), calls one service, and returns what the page shows or what changed; the page then
tells the context (``ctx.changed(topic)``) and every page that shows that topic re-reads it. Nothing
here imports the store, SQLAlchemy or ``sending``: those are the services' business (checked by the
import-linter contracts in ``pyproject.toml``).
"""
