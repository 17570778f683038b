"""Worker-side bundles for signing, verifying and sending (Văn bản & gửi).

Everything here runs off the GUI thread and returns plain data. Secrets (passwords, PINs) come
in as arguments, are used once and are never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_desktop.services import outbox as outbox_service
from thidua_desktop.services import signing as signing_service


def unit_key_exists(paths) -> bool:
    return signing_service.unit_key_path(paths).exists()


@dataclass(frozen=True)
class NewKey:
    path: Path
    subject: str
    fingerprint: str


def create_unit_key(db, paths, password: str) -> NewKey:
    kf = signing_service.create_unit_key(db, paths, password)
    info = signing_service.certificate_info(kf.certificate)
    return NewKey(kf.path, info.subject, info.fingerprint)


def sign(src: Path, spec, signature_image: Path | None, seal_image: Path | None):
    options = signing_service.SignOptions(signature_image=signature_image, seal_image=seal_image)
    return signing_service.sign_document(src, spec, options)


def verify(paths, path: Path):
    return signing_service.verify_document(paths, path)


@dataclass(frozen=True)
class SendSetup:
    draft: outbox_service.Draft
    smtp: outbox_service.SmtpSettings


def send_setup(db, paths, files: list[Path]) -> SendSetup:
    return SendSetup(outbox_service.compose_report_email(db, files), outbox_service.load_smtp_settings(paths))


def load_smtp(paths) -> outbox_service.SmtpSettings:
    return outbox_service.load_smtp_settings(paths)


def save_smtp(paths, settings) -> outbox_service.SmtpSettings:
    outbox_service.save_smtp_settings(paths, settings)
    return outbox_service.load_smtp_settings(paths)


@dataclass
class Sent:
    report: outbox_service.SendReport
    messages: list[outbox_service.OutboxEntry]


def queue_and_send(db, paths, to: str, subject: str, body: str, files: list[Path], password: str) -> Sent:
    entry = outbox_service.queue_message(db, paths, to, subject, body, files)
    return send(db, paths, password, [entry.id])


def retry_and_send(db, paths, message_id, password: str) -> Sent:
    entry = outbox_service.get_message(db, message_id)
    if entry.status != outbox_service.QUEUED:
        outbox_service.retry(db, message_id)
    return send(db, paths, password, [entry.id])


def send(db, paths, password: str, only=None) -> Sent:
    settings = outbox_service.load_smtp_settings(paths).with_password(password)
    report = outbox_service.send_pending(db, paths, settings, force=True, only=only)
    return Sent(report, outbox_service.list_messages(db))


def messages(db) -> list[outbox_service.OutboxEntry]:
    return outbox_service.list_messages(db)
