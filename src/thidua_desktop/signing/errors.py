"""Errors of signing and verification, each carrying the Vietnamese message a user is shown.

No message ever contains a password or a PIN: the messages are built from fixed texts and
file names only, never from the arguments a secret was passed in.
"""

from __future__ import annotations

from thidua_desktop.errors import UserError


class SigningError(UserError):
    """Signing could not be done; the unsigned document is left untouched."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongSecretError(SigningError):
    """Wrong password of a key file or wrong PIN of a token."""


class TokenError(SigningError):
    """The token library, the token or the key on it could not be used."""


class CertificateProblem(SigningError):
    """The certificate cannot be used for signing now (expired, not yet valid, wrong key usage)."""


class UnreadableFile(SigningError):
    """The file to sign or verify cannot be read as a PDF or a workbook."""
