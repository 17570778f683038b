"""Errors of the store, each carrying the Vietnamese message a user is shown."""

from __future__ import annotations

from pathlib import Path

from thidua_desktop.errors import InvalidInput, NotFound, UserError


class StoreError(UserError):
    """A problem with the data folder that the user must be told about in plain Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NewerSchemaError(StoreError):
    def __init__(self, database: Path, revision: str) -> None:
        super().__init__(
            f"Tệp dữ liệu {database} được tạo bởi một phiên bản mới hơn của chương trình "
            f"(lược đồ {revision}). Hãy cài phiên bản mới nhất để mở nó. "
            "Tệp không bị thay đổi."
        )
        self.database = database
        self.revision = revision


class CorruptDatabaseError(StoreError):
    def __init__(self, database: Path, detail: str, latest_backup: Path | None) -> None:
        offer = (
            f" Bản sao lưu gần nhất: {latest_backup.name}. Bạn có thể khôi phục từ bản này."
            if latest_backup
            else " Không tìm thấy bản sao lưu nào trong thư mục dữ liệu."
        )
        super().__init__(
            f"Tệp dữ liệu {database} bị hỏng hoặc không phải cơ sở dữ liệu của chương trình "
            f"({detail}). Tệp này được giữ nguyên, không bị ghi đè.{offer}"
        )
        self.database = database
        self.detail = detail
        self.latest_backup = latest_backup


class NotFoundError(StoreError, NotFound):
    pass


class ValidationError(StoreError, InvalidInput):
    """Input that breaks a rule; nothing was changed."""
