"""A record named by the first hex digits of its id, as the command line lets one type it.

One rule for every kind of record (people, initiatives, reports, outbox messages, proposal rows):
the text is read without spaces, case or dashes (:func:`hex_key`), and an id matches when its 32
hex digits — or its dashed form — begin with it (:func:`starting_with`). :func:`resolve_prefix`
finds the one record of a model, refusing in Vietnamese a text too short or not hex, none found
or several.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import select

from thidua_desktop.store.errors import NotFoundError, ValidationError

MIN_PREFIX = 6  # hex digits at least: enough to tell the records of one data folder apart
HEX_DIGITS = "0123456789abcdef"


def hex_key(text) -> str:
    """The typed id as it is compared: stripped, lower case, without dashes."""
    return str(text or "").strip().lower().replace("-", "")


def is_hex_prefix(key: str, min_len: int = MIN_PREFIX) -> bool:
    return len(key) >= min_len and all(ch in HEX_DIGITS for ch in key)


def starting_with(ids: Iterable, text: str) -> list:
    """The ids (``uuid.UUID`` or their hex text) whose hex digits or dashed form begin with ``text``."""
    return [
        i for i in ids if str(i).startswith(text) or (i.hex if isinstance(i, uuid.UUID) else str(i)).startswith(text)
    ]


def resolve_prefix(
    db,
    model,
    text: str,
    what: str,
    *,
    invalid: str | None = None,
    many: Callable[[Sequence[tuple]], str] | None = None,
    extra=(),
) -> str:
    """The hex id of the one ``model`` record whose id begins with ``text`` (at least
    :data:`MIN_PREFIX` hex digits; dashes allowed). ``what`` names the record in the refusals
    ("người", "báo cáo"…); ``invalid`` replaces the refusal of a text that is not such a prefix,
    ``many(rows)`` the one of several matches (``rows``: the id with the ``extra`` columns)."""
    key = hex_key(text)
    if not is_hex_prefix(key):
        raise ValidationError(invalid or f"Mã {what} '{text}' không hợp lệ: ghi ít nhất {MIN_PREFIX} ký tự đầu của mã.")
    with db.reading() as session:
        if extra:
            rows = [tuple(r) for r in session.execute(select(model.id, *extra)).all()]
        else:
            rows = [(i,) for i in session.scalars(select(model.id))]
    found = [r for r in rows if r[0].hex.startswith(key)]
    if not found:
        raise NotFoundError(f"Không có {what} nào có mã bắt đầu bằng '{text}'.")
    if len(found) > 1:
        raise ValidationError(
            many(found)
            if many is not None
            else f"Có {len(found)} {what} có mã bắt đầu bằng '{text}'; hãy ghi thêm ký tự."
        )
    return found[0][0].hex
