"""The review lines one action writes: in bulk, with ONE audit entry for the lot.

The votes, the majority and the inputs write their review lines through :class:`Writer` (Core
``insert``/``update`` executemany) with one audit entry per action that lists every line inserted
and every field changed (before → after), instead of one ORM object and one audit row per line.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import Column, MetaData, String, Table, Uuid, bindparam, insert, update
from sqlalchemy.orm import Session

from thidua_desktop.core import review as core
from thidua_desktop.services.review_state import Key, ReviewRow, Stored, state_of
from thidua_desktop.store.models import AuditEntry, EmulationYear, ReviewResult, utcnow


class Writer:
    """The review lines one action writes, in bulk, with ONE audit entry for the lot.

    ``rows`` is the action's view of the stored lines (key → :class:`Stored`), updated by
    :meth:`set` as it goes, so :func:`state_of` can be computed again mid-action without writing.
    :meth:`finish` inserts the new lines and updates the changed fields (Core executemany; the
    ORM's per-object hook is not involved) and adds an audit entry (entity ``review_result``,
    entity id the emulation year's, operation ``bulk``) with the counts, every line inserted (its
    values) and every field changed (before → after), so nothing is lost.
    """

    def __init__(self, session: Session, record: EmulationYear, stored: dict[Key, Stored]) -> None:
        self.session = session
        self.record = record
        self.rows: dict[Key, Stored] = dict(stored)
        self.before: dict[str, Stored] = {}  # id → the line as it was, for the lines changed
        self.new: dict[str, Key] = {}  # id → key of the lines this action inserts

    def set(self, key: Key, **values) -> None:
        row = self.rows.get(key)
        if row is None:
            row = Stored(uuid.uuid4().hex, None, None, None, [], "", False)
            self.new[row.id] = key
        else:
            values = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not values:
                return
            if row.id not in self.new:
                self.before.setdefault(row.id, row)
        self.rows[key] = replace(row, **values)

    def refresh_snapshots(
        self, subjects: set[tuple[str | None, str | None]] | None = None, *, state: list[ReviewRow] | None = None
    ) -> list[ReviewRow]:
        """Write the current reason codes into the stored rows (a snapshot for the minutes) of
        ``subjects`` (person id, union group id; None: all); return the state (computed now from
        :attr:`rows` unless given)."""
        if state is None:
            state = state_of(self.session, self.record, self.rows)
        for row in state:
            if subjects is not None and (row.person_id, row.union_group_id) not in subjects:
                continue
            if row.key in self.rows:
                self.set(
                    row.key,
                    exclusions=core.join_exclusions([e.code for e in row.exclusions], row.inputs),
                    registered=row.registered,
                )
        return state

    def finish(self) -> tuple[int, int]:
        """Write everything; return (inserted, updated)."""
        now = utcnow()
        inserted, updated = [], []
        audit_new: dict[str, dict] = {}
        audit_changed: dict[str, dict] = {}
        for key, row in self.rows.items():
            values = {f: getattr(row, f) for f in FIELDS}
            if row.id in self.new:
                pid, gid, code = key
                inserted.append(
                    {
                        "id": row.id,
                        "year_id": self.record.id.hex,
                        "person_id": pid,
                        "union_group_id": gid,
                        "title_code": code,
                        **values,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                audit_new[row.id] = {
                    "person_id": pid,
                    "union_group_id": gid,
                    "title_code": code,
                    **{f: v for f, v in values.items() if v is not None and v != "" and v != []},
                }
            elif row.id in self.before:
                old = self.before[row.id]
                changes = {f: [getattr(old, f), v] for f, v in values.items() if getattr(old, f) != v}
                if changes:
                    updated.append({"id": row.id, **{f: v[1] for f, v in changes.items()}, "updated_at": now})
                    audit_changed[row.id] = changes
        table = _REVIEW_HEX
        for chunk in range(0, len(inserted), 2000):
            self.session.execute(insert(table), inserted[chunk : chunk + 2000])
        by_fields: dict[tuple[str, ...], list[dict]] = {}
        for values in updated:  # one executemany per set of changed fields
            by_fields.setdefault(tuple(sorted(values)), []).append({f"b_{k}": v for k, v in values.items()})
        for fields, params in by_fields.items():
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({f: bindparam(f"b_{f}") for f in fields if f != "id"})
            )
            self.session.execute(statement, params)
        if inserted or updated:
            self.session.add(
                AuditEntry(
                    actor=self.session.info.get("actor", ""),
                    action=self.session.info.get("action", ""),
                    entity=ReviewResult.__tablename__,
                    entity_id=str(self.record.id),
                    operation="bulk",
                    changes={
                        "year": self.record.year,
                        "inserted": len(inserted),
                        "updated": len(updated),
                        "rows_inserted": audit_new,
                        "rows_updated": audit_changed,
                    },
                )
            )
        self.new.clear()
        self.before.clear()
        return len(inserted), len(updated)


FIELDS = ("registered", "achieved", "votes_for", "votes_total", "exclusions", "note")


def _hex_table() -> Table:
    """``review_result`` with its UUID columns as the 32 hex digits SQLite stores: bulk writes take
    the ids as text, as they are read (no ``uuid.UUID`` per value and per column)."""
    columns = [
        Column(c.name, String(32) if isinstance(c.type, Uuid) else c.type, primary_key=c.primary_key)
        for c in ReviewResult.__table__.columns
    ]
    return Table(ReviewResult.__tablename__, MetaData(), *columns)


_REVIEW_HEX = _hex_table()
