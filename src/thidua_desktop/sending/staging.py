"""The outbox's files: copies of a message's attachments kept aside until it goes (no database).

:func:`stage` checks the attachments (present, not too large for a mail server) and copies them
into ``<data folder>/outbox/<message id>/`` (staged in a temporary folder and renamed into place),
returning each file's record: its name, where the copy is, its size and SHA-256.
:func:`load_attachments` reads the copies back, each checked against its SHA-256;
:func:`send_lock` lets only one sender at a time work on a data folder (a lock file).

The queue itself (the messages in the database, the sending loop with its retries) is
:mod:`thidua_desktop.services.outbox_queue`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import unicodedata
import uuid
from contextlib import contextmanager
from pathlib import Path

from thidua_desktop.sending.message import Attachment, MessageError

OUTBOX_DIR = "outbox"
MAX_TOTAL_BYTES = 18 * 1024 * 1024  # ~25 MB once base64-encoded: what common mail servers take
STAGING_PREFIX = ".staging-"


class OutboxError(MessageError):
    """A refusal with a Vietnamese message; nothing was queued or changed."""


def outbox_dir(paths) -> Path:
    return Path(paths.root) / OUTBOX_DIR


def message_id_for(msg_id: uuid.UUID, sender: str) -> str:
    """The Message-ID every attempt of one outbox message carries (derived from its id)."""
    domain = sender.rsplit("@", 1)[1] if "@" in sender else "thidua.local"
    return f"<{msg_id.hex}.thidua@{domain}>"


def _safe_name(name: str, taken: set[str]) -> str:
    from thidua_desktop.core.safe_names import safe_file_name

    name = safe_file_name(name)  # valid on Windows and Linux (reserved names, length, separators)
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate = f"{stem} ({n}){suffix}"
        n += 1
    taken.add(candidate.lower())
    return candidate


def _copy_with_hash(src: Path, dst: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        for chunk in iter(lambda: fin.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return size, digest.hexdigest()


def stage(paths, msg_id: uuid.UUID, attachments=(), *, max_bytes: int = MAX_TOTAL_BYTES) -> list[dict]:
    """Copy the attachments of message ``msg_id`` into its outbox folder, all or none: the records
    (``name``, ``stored``, ``size``, ``sha256``) of the copies. Refused before anything is copied
    when a file is missing or the files together are too large."""
    files = [Path(a) for a in attachments]
    total = 0
    for f in files:
        if not f.is_file():
            raise OutboxError(f"Không tìm thấy tệp đính kèm {f}.")
        total += f.stat().st_size
    if total > max_bytes:
        raise OutboxError(
            f"Tệp đính kèm quá lớn: {total / 1_048_576:.1f} MB, quá giới hạn {max_bytes / 1_048_576:.0f} MB "
            "của thư điện tử. Hãy gửi ít tệp hơn trong một thư hoặc giảm dung lượng tệp."
        )
    root = outbox_dir(paths)
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f"{STAGING_PREFIX}{msg_id.hex}"
    final = root / str(msg_id)
    staging.mkdir()
    records = []
    try:
        taken: set[str] = set()
        for f in files:
            name = _safe_name(f.name, taken)
            try:
                size, sha = _copy_with_hash(f, staging / name)
            except OSError as exc:
                raise OutboxError(f"Không sao chép được tệp đính kèm {f}: {exc.strerror or exc}.") from None
            records.append(
                {
                    "name": unicodedata.normalize("NFC", f.name),
                    "stored": f"{OUTBOX_DIR}/{msg_id}/{name}",
                    "size": size,
                    "sha256": sha,
                }
            )
        os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return records


def discard(paths, msg_id: uuid.UUID) -> None:
    """Remove the copies of message ``msg_id`` (its record was not kept, or it was cancelled)."""
    shutil.rmtree(outbox_dir(paths) / str(msg_id), ignore_errors=True)


def load_attachments(paths, records: list[dict]) -> list[Attachment]:
    """The queued copies, each checked against its SHA-256."""
    items = []
    for rec in records:
        stored = Path(paths.root) / rec["stored"]
        try:
            data = stored.read_bytes()
        except OSError:
            raise OutboxError(
                f"Tệp đính kèm '{rec['name']}' của thư đã bị mất khỏi hộp thư đi; thư không được gửi."
            ) from None
        if hashlib.sha256(data).hexdigest() != rec["sha256"]:
            raise OutboxError(
                f"Tệp đính kèm '{rec['name']}' đã bị thay đổi sau khi xếp vào hộp thư đi "
                "(mã SHA-256 không khớp); thư không được gửi."
            )
        items.append(Attachment(rec["name"], data))
    return items


def remove_orphans(paths, known: set[str]) -> list[Path]:
    """Remove the folders under ``outbox/`` that belong to no message in ``known`` (the ids as text)
    and the staging folders left by a crash while queueing; the folders removed."""
    root = outbox_dir(paths)
    if not root.is_dir():
        return []
    removed = []
    for child in root.iterdir():
        if child.is_dir() and (child.name.startswith(STAGING_PREFIX) or child.name not in known):
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


@contextmanager
def send_lock(paths):
    """One sender per data folder; released by the OS if the process dies."""
    root = outbox_dir(paths)
    root.mkdir(parents=True, exist_ok=True)
    f = open(root / ".send.lock", "a+b")
    locked = False
    try:
        try:
            if os.name == "nt":
                import msvcrt

                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            locked = True
        except OSError:
            locked = False
        yield locked
    finally:
        if locked:
            try:
                if os.name == "nt":
                    import msvcrt

                    f.seek(0)
                    msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
                else:
                    import fcntl

                    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
            except OSError:
                pass
        f.close()
