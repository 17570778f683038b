"""The titles of a year: the body that confers each one is data the union edits.

Unions were reorganised in 2025 (LĐLĐ huyện dissolved, công đoàn ngành and khu công nghiệp
rearranged): the body written as the issuer of a title or an award ("Giấy khen của Ban Chấp
hành Công đoàn cấp trên trực tiếp cơ sở") must follow the real chain, not the template's.
"""

from __future__ import annotations

from sqlalchemy import select

from thidua_desktop.core import vntext
from thidua_desktop.services.dto import TitleInfo
from thidua_desktop.store.database import Database
from thidua_desktop.store.errors import NotFoundError, ValidationError
from thidua_desktop.store.models import AwardTitle, EmulationYear

MAX_ISSUER = 300


def set_title_issuer(db: Database, year: int, code: str, issuer: str) -> TitleInfo:
    """Change the body that confers a title or award of the year."""
    text = vntext.nfc(issuer).strip()
    if not text:
        raise ValidationError("Cấp tặng (cơ quan quyết định danh hiệu, hình thức khen thưởng) không được để trống.")
    if len(text) > MAX_ISSUER:
        raise ValidationError(f"Cấp tặng dài quá {MAX_ISSUER} ký tự.")
    with db.transaction(f"Sửa cấp tặng danh hiệu {code} năm {year}") as session:
        record = session.scalars(select(EmulationYear).where(EmulationYear.year == year)).first()
        if record is None:
            raise NotFoundError(f"Chưa có năm thi đua {year}.")
        title = session.scalars(
            select(AwardTitle).where(AwardTitle.year_id == record.id, AwardTitle.code == code)
        ).first()
        if title is None:
            raise NotFoundError(f"Danh hiệu '{code}' không có trong danh mục năm {year}.")
        title.issuer = text
        return TitleInfo(
            title.code,
            title.name,
            title.subject,
            title.category,
            title.system,
            title.issuer,
            title.women_only,
            title.requires_initiative,
        )
