"""Autogenerate an Alembic revision from the models: ``uv run python tools/new_migration.py "message"``."""

import sys
import tempfile
from pathlib import Path

from alembic import command

from thidua_desktop.store.database import alembic_config, make_engine

with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(Path(tmp) / "scratch.sqlite")
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    command.revision(cfg, message=sys.argv[1], autogenerate=True, rev_id=sys.argv[2] if len(sys.argv) > 2 else None)
