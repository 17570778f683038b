"""Sending documents up: an outbox that waits for the network, SMTP, and ``.eml`` drafts.

* :mod:`.message` — builds the email (Vietnamese subject and body in UTF-8, attachments with
  Vietnamese file names encoded per RFC 2231) and writes ``.eml`` drafts;
* :mod:`.smtp` — SMTP settings kept in the data folder (never the password) and one delivery;
* :mod:`.outbox` — the queue in the database with its files copied aside, sending with retries.
"""
