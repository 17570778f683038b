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
class ReportLink:
    """The report the files to send belong to (its sending is recorded and locks the version)."""

    id: str
    label: str
    title: str
    status: str
    times_sent: int


@dataclass(frozen=True)
class SendSetup:
    draft: outbox_service.Draft
    smtp: outbox_service.SmtpSettings
    report: ReportLink | None = None


def report_link(db, report_id: str | None) -> ReportLink | None:
    if not report_id:
        return None
    from thidua_desktop.services import reports

    info = reports.get_report(db, report_id)
    sent = [h for h in outbox_service.report_history(db, report_id) if h.report_id == info.id]
    label = f"{reports.KIND_NAMES.get(info.kind, 'báo cáo').capitalize()} (phiên bản {info.version})"
    return ReportLink(info.id, label, info.title, info.status, len(sent))


def send_setup(db, paths, files: list[Path], register_id: str | None = None) -> SendSetup:
    report = report_link(
        db, outbox_service.report_of_register(db, register_id) or outbox_service.report_of_files(db, files)
    )
    draft = outbox_service.compose_report_email(
        db, files, report_id=report.id if report else None, register_id=register_id
    )
    return SendSetup(draft, outbox_service.load_smtp_settings(paths), report)


def load_smtp(paths) -> outbox_service.SmtpSettings:
    return outbox_service.load_smtp_settings(paths)


def test_smtp(settings, password: str) -> outbox_service.TestOutcome:
    return outbox_service.test_smtp(settings, password)


def save_smtp(paths, settings) -> outbox_service.SmtpSettings:
    outbox_service.save_smtp_settings(paths, settings)
    return outbox_service.load_smtp_settings(paths)


@dataclass
class Sent:
    report: outbox_service.SendReport
    messages: list[outbox_service.OutboxEntry]


def queue_and_send(
    db,
    paths,
    to: str,
    subject: str,
    body: str,
    files: list[Path],
    password: str,
    report_id: str | None = None,
    resend: bool = False,
) -> Sent:
    if report_id:
        entry = outbox_service.send_report(
            db, paths, report_id, files, to=to, subject=subject, body=body, resend=resend
        )
    else:
        entry = outbox_service.queue_message(db, paths, to, subject, body, files)
    return send(db, paths, password, [entry.id])


def save_eml(
    db,
    paths,
    out: Path,
    to: str,
    subject: str,
    body: str,
    files: list[Path],
    report_id: str | None = None,
    resend: bool = False,
) -> Path:
    if report_id:
        made, _entry = outbox_service.report_eml(
            db, paths, report_id, out, files, to=to, subject=subject, body=body, resend=resend
        )
        return made
    return outbox_service.write_report_eml(db, out, files, to=to, subject=subject, body=body)


def report_history(db, report_id: str) -> list[outbox_service.ReportSending]:
    return outbox_service.report_history(db, report_id)


# -- trusted certificates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateFile:
    path: Path
    info: object  # services.signing.CertificateInfo


def read_certificate(path: Path) -> CertificateFile:
    from thidua_desktop.signing import keys

    return CertificateFile(path, signing_service.certificate_info(keys.load_certificate_file(path)))


def signer_certificate(path: Path, verdict) -> CertificateFile:
    """The certificate that signed a verified file, to be checked by its fingerprint before it is trusted."""
    return CertificateFile(Path(path), signing_service.certificate_info(verdict.certificate))


def trust_signer(paths, path: Path, verdict, label: str | None):
    """Trust the signer's certificate of a verified file (its fingerprint confirmed), then check the file again."""
    signing_service.trust_certificate(paths, verdict.certificate, label or None)
    return signing_service.verify_document(paths, path)


def trusted(paths) -> list:
    return [(t, signing_service.certificate_info(t.certificate)) for t in signing_service.trusted_certificates(paths)]


def trust(paths, path: Path, label: str | None) -> list:
    signing_service.trust_certificate(paths, path, label or None)
    return trusted(paths)


def untrust(paths, fingerprint: str) -> list:
    signing_service.untrust(paths, fingerprint)
    return trusted(paths)


def retry_and_send(db, paths, message_id, password: str) -> Sent:
    entry = outbox_service.get_message(db, message_id)
    if entry.status != outbox_service.QUEUED:
        outbox_service.retry(db, message_id)
    return send(db, paths, password, [entry.id])


def remove_message(db, paths, message_id) -> list[outbox_service.OutboxEntry]:
    """Take a message that has not left out of the outbox (kept as "đã hủy"); the outbox as it is now."""
    outbox_service.remove_queued(db, paths, message_id)
    return outbox_service.list_messages(db)


def send(db, paths, password: str, only=None) -> Sent:
    settings = outbox_service.load_smtp_settings(paths).with_password(password)
    report = outbox_service.send_pending(db, paths, settings, force=True, only=only)
    return Sent(report, outbox_service.list_messages(db))


def messages(db) -> list[outbox_service.OutboxEntry]:
    return outbox_service.list_messages(db)
