"""Sending reports up: the outbox, SMTP settings and ``.eml`` drafts for the GUI and the CLI.

The one door for them; the work is done by job:

* the queue in the database (queue, send, retry, cancel): :mod:`thidua_desktop.services.outbox_queue`;
* the message, SMTP settings and ``.eml`` files: :mod:`thidua_desktop.sending`;
* the report email from the unit's profile (the upper union's address, the usual Vietnamese
  subject and body): :mod:`thidua_desktop.services.report_mail`;
* setting up the mail server: the common providers (:data:`PRESETS`), a test message
  (:func:`test_smtp`) and the help page on app passwords (:func:`help_page`);
* a message that has not left is taken out of the queue with :func:`remove_queued` (kept in the
  history as "đã hủy"; the report it was sending is unlocked again);
* **sending a report** (:func:`send_report`, :func:`report_eml`): the record of what left (each
  file's SHA-256) and the lock of the report version sent, in one transaction; a second send of
  the same version only as a re-send of the very same files:
  :mod:`thidua_desktop.services.report_sending`.
"""

from __future__ import annotations

from thidua_desktop.sending.message import write_eml
from thidua_desktop.services.outbox_queue import (
    CANCELLED,
    EML,
    FAILED,
    QUEUED,
    SENT,
    OutboxEntry,
    OutboxError,
    SendReport,
    get_message,
    list_messages,
    outbox_dir,
    queue_message,
    remove_orphan_folders,
    retry,
    send_pending,
)
from thidua_desktop.sending.smtp import (
    PRESETS,
    Preset,
    SmtpSettings,
    TestOutcome,
    load_smtp_settings,
    preset,
    preset_of,
    save_smtp_settings,
    send_test,
)
from thidua_desktop.services.report_mail import (
    Draft,
    DocumentName,
    compose_report_email,
    document_name,
    queue_report,
    write_report_eml,
)
from thidua_desktop.services.report_sending import (
    ReportSending,
    file_hashes,
    remove_queued,
    report_eml,
    report_history,
    report_of_files,
    report_of_register,
    send_report,
)

HELP_APP_PASSWORD = "mat-khau-ung-dung.html"


def help_page(name: str = HELP_APP_PASSWORD):
    """A help page shipped with the program (``resources/help``): how to make an app password."""
    from thidua_desktop.paths import resources_dir

    return resources_dir() / "help" / name


def test_smtp(settings: SmtpSettings, password: str = "") -> TestOutcome:
    """Send a test message with these settings (not saved) to the sender's own address: the outcome
    said in Vietnamese (success, login refused, cannot connect, a TLS problem, a refused sender)."""
    return send_test(settings.with_password(password))


__all__ = [
    "HELP_APP_PASSWORD",
    "PRESETS",
    "Preset",
    "TestOutcome",
    "help_page",
    "preset",
    "preset_of",
    "test_smtp",
    "CANCELLED",
    "EML",
    "FAILED",
    "remove_queued",
    "QUEUED",
    "SENT",
    "ReportSending",
    "file_hashes",
    "send_report",
    "report_eml",
    "report_history",
    "report_of_register",
    "report_of_files",
    "OutboxEntry",
    "OutboxError",
    "SendReport",
    "SmtpSettings",
    "Draft",
    "compose_report_email",
    "DocumentName",
    "document_name",
    "get_message",
    "list_messages",
    "load_smtp_settings",
    "outbox_dir",
    "queue_message",
    "queue_report",
    "remove_orphan_folders",
    "retry",
    "save_smtp_settings",
    "send_pending",
    "write_eml",
    "write_report_eml",
]
