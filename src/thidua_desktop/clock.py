"""Today's date, as the app sees it.

``THIDUA_TODAY`` (an ISO date) makes the whole app — the GUI, the command line and the demo —
run as on that day: for demonstrations and for tests of years not yet written. Without it,
the computer's date. Standard library only.
"""

from __future__ import annotations

import os
from datetime import date

TODAY_ENV = "THIDUA_TODAY"


def today() -> date:
    value = os.environ.get(TODAY_ENV, "").strip()
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return date.today()
