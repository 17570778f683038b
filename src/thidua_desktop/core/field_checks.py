"""What an email address and a phone number must look like, checked where they are typed (the GUI)
and again when saved (the services): one rule, one Vietnamese message per field."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[^@\s,;]+@[^@\s,;.]+(\.[^@\s,;.]+)+")
_PHONE_CHARS = re.compile(r"\+?[0-9 .()\-]+")


def is_email(text: str) -> bool:
    """One address, name@domain.tld (no spaces, one @, a dot in the domain)."""
    return bool(_EMAIL.fullmatch(text.strip()))


def phone_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def is_phone(text: str) -> bool:
    """A Vietnamese phone number as people write it: 0912 345 678, 0229.3650.123, +84 912 345 678
    (digits, spaces, dots, dashes, brackets; 9 to 12 digits)."""
    text = text.strip()
    return bool(_PHONE_CHARS.fullmatch(text)) and 9 <= len(phone_digits(text)) <= 12


def email_problem(text: str, label: str) -> str | None:
    if text.strip() and not is_email(text):
        return f"{label} không hợp lệ: “{text.strip()}” (cần dạng ten@tenmien.vn, không có dấu cách)."
    return None


def phone_problem(text: str, label: str) -> str | None:
    if text.strip() and not is_phone(text):
        return (
            f"{label} không hợp lệ: “{text.strip()}” (chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch ngang; "
            "9 đến 12 chữ số, ví dụ 0912 345 678)."
        )
    return None
