"""One rule for a record named by the first hex digits of its id (services/ids.py)."""

from __future__ import annotations

import uuid

import pytest

from thidua_desktop.services import ids
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import OutboxMessage

A = uuid.UUID("abcdef01" + "0" * 24)
B = uuid.UUID("abcdef02" + "0" * 24)
C = uuid.UUID("12345678" + "0" * 24)


def test_a_typed_id_is_read_without_spaces_case_or_dashes():
    assert ids.hex_key("  ABCD-EF01 ") == "abcdef01"
    assert ids.hex_key(None) == ""
    assert ids.is_hex_prefix("abcdef") and not ids.is_hex_prefix("abcde") and not ids.is_hex_prefix("abcdeg")


def test_an_id_matches_by_its_hex_digits_or_its_dashed_form():
    assert ids.starting_with([A, B, C], "abcdef0") == [A, B]
    assert ids.starting_with([A, C], str(C)[:10]) == [C]  # "12345678-0"
    assert ids.starting_with([A.hex, C.hex], "1234") == [C.hex]


@pytest.fixture
def messages(db):
    with db.transaction("thử") as session:
        for i in (A, B, C):
            session.add(
                OutboxMessage(
                    id=i,
                    to_addrs=["a@example.vn"],
                    cc_addrs=[],
                    subject="s",
                    body="",
                    attachments=[],
                    status="queued",
                    attempts=0,
                    last_error="",
                    next_attempt_at=None,
                    message_id="",
                    report_id=None,
                )
            )
    return db


def test_resolve_prefix_finds_the_one_record_or_refuses_in_vietnamese(messages):
    assert ids.resolve_prefix(messages, OutboxMessage, "1234-56", "thư") == C.hex
    assert ids.resolve_prefix(messages, OutboxMessage, A.hex.upper(), "thư") == A.hex
    with pytest.raises(ValidationError, match="Mã thư '12' không hợp lệ: ghi ít nhất 6 ký tự đầu của mã."):
        ids.resolve_prefix(messages, OutboxMessage, "12", "thư")
    with pytest.raises(ValidationError, match="ghi đủ"):
        ids.resolve_prefix(messages, OutboxMessage, "xyzxyz", "thư", invalid="ghi đủ")
    with pytest.raises(NotFoundError, match="Không có thư nào có mã bắt đầu bằng 'ffffff'."):
        ids.resolve_prefix(messages, OutboxMessage, "ffffff", "thư")
    with pytest.raises(ValidationError, match="Có 2 thư có mã bắt đầu bằng 'abcdef'; hãy ghi thêm ký tự."):
        ids.resolve_prefix(messages, OutboxMessage, "abcdef", "thư")
    with pytest.raises(ValidationError, match=r"^2: s, s$"):
        ids.resolve_prefix(
            messages,
            OutboxMessage,
            "abcdef",
            "thư",
            extra=(OutboxMessage.subject,),
            many=lambda rows: f"{len(rows)}: " + ", ".join(r[1] for r in rows),
        )
