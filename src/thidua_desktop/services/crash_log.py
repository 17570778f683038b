"""The crash log both programs append an unexpected error to, with no mail login or password in it."""

from __future__ import annotations

from pathlib import Path


def append(log: Path, text: str) -> Path | None:
    """Add ``text`` to ``log`` (any login or password this process used is hidden, in any form).

    Returns the log's path, or None when it could not be written (a log never stops the program).
    """
    from thidua_desktop.sending.smtp import scrub_known

    text = scrub_known(text)
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write(text)
    except OSError:
        return None
    return log
