"""Sending documents up: an outbox that waits for the network, SMTP, and ``.eml`` drafts.

* :mod:`.message` — builds the email (Vietnamese subject and body in UTF-8, attachments with
  Vietnamese file names encoded per RFC 2231) and writes ``.eml`` drafts;
* :mod:`.smtp` — SMTP settings kept in the data folder (never the password) and one delivery;
* :mod:`.staging` — the outbox's copies of a message's files (SHA-256, one sender at a time).

The queue in the database and the sending loop with its retries are
:mod:`thidua_desktop.services.outbox_queue`: nothing here touches the database.
"""
