"""A power cut mid-write: SIGKILL a writer, then every committed record is there, intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from thidua_desktop.services import data_folder
from thidua_desktop.store.database import Database
from thidua_desktop.store.models import Person

WRITER = textwrap.dedent(
    """
    import sys
    from thidua_desktop import paths
    from thidua_desktop.services import year
    from thidua_desktop.store.database import Database
    from thidua_desktop.store.models import Person

    db = Database.open(paths.resolve(sys.argv[1]))
    unit_id = year.get_unit(db).id
    n = 0
    while True:
        with db.transaction("ghi liên tục") as s:
            for _ in range(20):
                n += 1
                s.add(Person(unit_id=unit_id, family_middle="Nguyễn Văn", given_name=f"Thử {n}"))
        print(n, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_write_loses_nothing_committed(seeded_db, data_paths):
    seeded_db.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_paths.root)], stdout=subprocess.PIPE, text=True, env={**os.environ}
    )
    committed = 0
    try:
        for line in proc.stdout:
            committed = int(line)
            if committed >= 400:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert committed >= 400
    assert data_folder.check(data_paths).ok
    db = Database.open(data_paths)
    try:
        with db.reading() as s:
            stored = s.scalar(select(func.count()).select_from(Person))
    finally:
        db.close()
    assert stored >= committed
    assert stored % 20 == 0  # whole transactions only
