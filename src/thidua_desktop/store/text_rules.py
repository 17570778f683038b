"""What the store accepts in its text columns: cleaned text and a stated maximum length per field.

Every record passes through :func:`clean_record` just before it is written (the ``before_flush``
hook of :mod:`thidua_desktop.store.database`), so whatever path a text comes by — a dialog, the
command line, an Excel import, a received workbook — it is stored:

* in NFC, without control characters, terminal escapes, bidirectional controls or zero-width
  characters (:func:`thidua_desktop.core.cleantext.clean`); ``Text`` columns are multi-line
  (tab and newline kept), ``String`` columns single-line (a tab or line break becomes a space);
* no longer than the field's maximum: ``String(n)`` columns hold ``n`` characters, ``Text``
  columns :data:`TITLE_MAX` (titles and names of things) or :data:`NOTE_MAX` (notes,
  descriptions, summaries), a report's section :data:`SECTION_MAX`. A longer value is refused
  with a :class:`ValidationError` naming the field in Vietnamese — never cut silently. Only the values being written are checked: a record
  from an older database with a longer value still opens and can be edited elsewhere.

Machine text (rule-set sources, certificates, search keys, server replies, received files'
bookkeeping) is only NFC-normalised or cleaned without a maximum (:data:`_NO_LIMIT`).
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import JSON, String, Text, inspect

from thidua_desktop.core import cleantext, vntext
from thidua_desktop.store.errors import ValidationError

TITLE_MAX = 3000
NOTE_MAX = 10000
SECTION_MAX = 100_000  # one section of a report (JSON column ``report.sections``; services.reports says the same)
# JSON columns whose strings people type: the maximum of each string and its field's name.
_JSON_LEAF_MAX = {("report", "sections"): (SECTION_MAX, "Nội dung một mục của báo cáo")}

# Text columns that are names or titles (the rest of the human Text columns are notes).
_TITLES = {
    ("emulation_year", "plan_title"),
    ("emulation_year", "theme"),
    ("movement", "name"),
    ("indicator", "name"),
    ("award_title", "name"),
    ("initiative", "title"),
    ("report", "title"),
    ("outgoing_document", "subject"),
    ("outbox_message", "subject"),
    ("received_indicator", "indicator_name"),
}
# Kept byte for byte apart from NFC (signed or hashed content).
_AS_IS = {("imported_rule_set", "content"), ("unit_certificate", "pem")}
# Cleaned but never refused for length: machine-made text.
_NO_LIMIT = {
    ("person", "search_key"),
    ("person", "sort_key"),
    ("initiative", "search_key"),
    ("indicator_result", "origin"),
    ("outbox_message", "body"),
    ("outbox_message", "last_error"),
    ("outbox_message", "message_id"),
    ("unit_certificate", "subject"),
    ("unit_certificate", "fingerprint"),
    ("imported_rule_set", "sha256"),
    ("imported_rule_set", "signer"),
    ("imported_rule_set", "signer_fingerprint"),
}
_NO_LIMIT_TABLES = {"received_file", "received_indicator"}

# The Vietnamese name of each field a person types (shown when a value is too long).
LABELS: dict[tuple[str, str], str] = {
    ("unit", "code"): "Mã đơn vị",
    ("unit", "name"): "Tên đơn vị",
    ("unit", "issuer_code"): "Ký hiệu cơ quan ban hành",
    ("unit", "upper_union"): "Công đoàn cấp trên",
    ("unit", "upper_union_parent"): "Công đoàn cấp trên nữa",
    ("unit", "place_name"): "Địa danh",
    ("unit", "address"): "Địa chỉ",
    ("unit", "phone"): "Điện thoại",
    ("unit", "email"): "Email",
    ("unit", "upper_union_email"): "Email công đoàn cấp trên",
    ("unit", "employer_name"): "Tên doanh nghiệp, cơ quan",
    ("unit", "report_recipient"): "Nơi nhận báo cáo",
    ("officer", "full_name"): "Họ tên cán bộ",
    ("officer", "position"): "Chức vụ cán bộ",
    ("emulation_year", "plan_number"): "Số kế hoạch",
    ("emulation_year", "plan_issuer"): "Cơ quan ban hành kế hoạch",
    ("emulation_year", "plan_title"): "Tên kế hoạch",
    ("emulation_year", "theme"): "Chủ đề năm thi đua",
    ("phase", "name"): "Tên đợt thi đua",
    ("phase", "description"): "Mô tả đợt thi đua",
    ("movement", "code"): "Mã phong trào",
    ("movement", "name"): "Tên phong trào",
    ("movement", "launched_by"): "Cơ quan phát động",
    ("movement", "description"): "Mô tả phong trào",
    ("indicator", "code"): "Mã chỉ tiêu",
    ("indicator", "name"): "Tên chỉ tiêu",
    ("indicator", "unit_of_measure"): "Đơn vị tính",
    ("indicator", "plan_target_text"): "Chỉ tiêu kế hoạch",
    ("indicator", "description"): "Mô tả chỉ tiêu",
    ("award_title", "name"): "Tên danh hiệu",
    ("award_title", "issuer"): "Cấp tặng danh hiệu",
    ("rule_value", "description"): "Mô tả quy định",
    ("rule_value", "basis"): "Căn cứ quy định",
    ("union_group", "name"): "Tên tổ công đoàn",
    ("union_group", "leader_name"): "Tổ trưởng",
    ("person", "family_middle"): "Họ đệm",
    ("person", "given_name"): "Tên",
    ("person", "ethnicity"): "Dân tộc",
    ("person", "position"): "Chức vụ",
    ("person", "department"): "Phòng ban",
    ("person", "education"): "Trình độ",
    ("person", "phone"): "Điện thoại",
    ("person", "email"): "Email",
    ("person", "note"): "Ghi chú",
    ("collective_registration", "signature_content"): "Nội dung thi đua đặc thù",
    ("collective_registration", "commitments"): "Cam kết khác",
    ("indicator_registration", "note"): "Ghi chú chỉ tiêu đăng ký",
    ("individual_registration", "planned_initiative"): "Sáng kiến dự kiến",
    ("individual_registration", "position_snapshot"): "Chức vụ khi đăng ký",
    ("individual_registration", "group_snapshot"): "Tổ công đoàn khi đăng ký",
    ("individual_registration", "note"): "Ghi chú đăng ký",
    ("initiative", "title"): "Tên sáng kiến",
    ("initiative", "field"): "Lĩnh vực áp dụng",
    ("initiative", "investor"): "Chủ đầu tư tạo ra sáng kiến",
    ("initiative", "description"): "Mô tả sáng kiến",
    ("initiative", "conditions"): "Điều kiện áp dụng",
    ("initiative", "social_benefit"): "Lợi ích xã hội",
    ("initiative", "refusal_reason"): "Lý do không công nhận",
    ("initiative", "decision_number"): "Số quyết định",
    ("initiative", "decision_issuer"): "Cơ quan ra quyết định",
    ("initiative_author", "outside_name"): "Họ tên tác giả",
    ("initiative_author", "outside_workplace"): "Nơi công tác",
    ("attachment", "filename"): "Tên tệp đính kèm",
    ("attachment", "media_type"): "Loại tệp đính kèm",
    ("indicator_result", "note"): "Ghi chú kết quả",
    ("indicator_result", "evidence_number"): "Số văn bản minh chứng",
    ("report", "title"): "Tên báo cáo",
    ("report", "document_code"): "Số, ký hiệu báo cáo",
    ("report", "returned_comment"): "Ý kiến của cấp trên",
    ("review_meeting", "place"): "Địa điểm họp",
    ("review_meeting", "chair"): "Chủ trì cuộc họp",
    ("review_meeting", "secretary"): "Thư ký cuộc họp",
    ("review_meeting", "notes"): "Ghi chép cuộc họp",
    ("review_result", "note"): "Ghi chú bình xét",
    ("proposal", "collective_name"): "Tên tập thể đề nghị",
    ("proposal", "summary"): "Tóm tắt thành tích",
    ("proposal", "decision_number"): "Số quyết định khen thưởng",
    ("outgoing_document", "subject"): "Trích yếu văn bản",
    ("outbox_message", "subject"): "Tiêu đề thư",
    ("imported_rule_set", "name"): "Tên bộ quy định",
    ("subordinate_unit", "code"): "Mã đơn vị cấp dưới",
    ("subordinate_unit", "name"): "Tên đơn vị cấp dưới",
    ("subordinate_unit", "email"): "Email đơn vị cấp dưới",
    ("subordinate_unit", "note"): "Ghi chú đơn vị cấp dưới",
}


def label(table: str, column: str) -> str:
    return LABELS.get((table, column)) or f"Trường văn bản '{column}'"


def limit(table: str, column_obj) -> int | None:
    """The maximum length of a column (None: no maximum)."""
    key = (table, column_obj.key)
    if key in _NO_LIMIT or key in _AS_IS or table in _NO_LIMIT_TABLES:
        return None
    col_type = column_obj.type
    if isinstance(col_type, String) and not isinstance(col_type, Text) and col_type.length:
        return col_type.length
    if isinstance(col_type, Text):
        return TITLE_MAX if key in _TITLES else NOTE_MAX
    return None


def too_long_message(field: str, length: int, maximum: int) -> str:
    return (
        f"{field} dài {vntext.format_number(length)} ký tự, quá mức tối đa "
        f"{vntext.format_number(maximum)} ký tự. Hãy rút gọn; chưa có gì được ghi."
    )


def check_length(table: str, column: str, value: str, maximum: int | None) -> None:
    if maximum is not None and len(value) > maximum:
        raise ValidationError(too_long_message(label(table, column), len(value), maximum))


def _is_multiline(column_obj) -> bool:
    return isinstance(column_obj.type, Text)


def _clean_json(value, changed: list[bool]):
    if isinstance(value, str):
        cleaned = cleantext.clean(value, multiline=True)
        if cleaned != value:
            changed[0] = True
        return cleaned
    if isinstance(value, list):
        return [_clean_json(v, changed) for v in value]
    if isinstance(value, dict):
        return {
            (_clean_json(k, changed) if isinstance(k, str) else k): _clean_json(v, changed) for k, v in value.items()
        }
    return value


def _string_lengths(value):
    if isinstance(value, str):
        yield len(value)
    elif isinstance(value, list):
        for v in value:
            yield from _string_lengths(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _string_lengths(v)


def clean_record(obj, *, new: bool) -> None:
    """Clean the text columns of ``obj`` about to be written (all of them when ``new``, else the
    ones that changed) and refuse a value longer than its field allows."""
    table = obj.__tablename__
    state = inspect(obj)
    for column in obj.__table__.columns:
        key = column.key
        if not new and not state.attrs[key].history.has_changes():
            continue
        value = getattr(obj, key, None)
        if isinstance(value, str):
            if (table, key) in _AS_IS:
                cleaned = unicodedata.normalize("NFC", value)
            else:
                cleaned = cleantext.clean(value, multiline=_is_multiline(column))
            if cleaned != value:
                setattr(obj, key, cleaned)
            check_length(table, key, cleaned, limit(table, column))
        elif isinstance(value, (list, dict)) and isinstance(column.type, JSON):
            changed = [False]
            cleaned_json = _clean_json(value, changed)
            if changed[0]:
                setattr(obj, key, cleaned_json)
            leaf = _JSON_LEAF_MAX.get((table, key))
            if leaf is not None:
                longest = max(_string_lengths(cleaned_json), default=0)
                if longest > leaf[0]:
                    raise ValidationError(too_long_message(leaf[1], longest, leaf[0]))


def field_limit(table: str, column: str) -> int | None:
    """The maximum length of ``table.column`` (for importers checking a row before the store does)."""
    from thidua_desktop.store.models import Base

    tbl = Base.metadata.tables[table]
    return limit(table, tbl.columns[column])


def _text_columns(table: str) -> dict[str, tuple[bool, bool, int | None]]:
    """Column key → (kept as is but NFC, multi-line, maximum) for the text columns of ``table``."""
    from thidua_desktop.store.models import Base

    cached = _TEXT_COLUMNS.get(table)
    if cached is None:
        cached = _TEXT_COLUMNS[table] = {
            c.key: ((table, c.key) in _AS_IS, _is_multiline(c), limit(table, c))
            for c in Base.metadata.tables[table].columns
            if isinstance(c.type, String)
        }
    return cached


_TEXT_COLUMNS: dict[str, dict[str, tuple[bool, bool, int | None]]] = {}


def clean_values(table: str, rows: list[dict]) -> list[dict]:
    """:func:`clean_record` for a bulk write (Core ``insert``/``update`` executemany, which the
    ``before_flush`` hook never sees): every text value of each row (column key → value) cleaned in
    place, and a value longer than its field allows refused. JSON values are cleaned as
    :func:`clean_record` cleans them. Returns ``rows``."""
    from thidua_desktop.store.models import Base

    columns = _text_columns(table)
    json_columns = {c.key for c in Base.metadata.tables[table].columns if isinstance(c.type, JSON)}
    seen: dict[tuple[str, bool, bool], str] = {}  # a roster repeats its positions, groups, departments
    for row in rows:
        for key, value in row.items():
            if isinstance(value, str):
                rule = columns.get(key)
                if rule is None:
                    continue
                as_is, multiline, maximum = rule
                cleaned = seen.get((value, as_is, multiline))
                if cleaned is None:
                    cleaned = (
                        unicodedata.normalize("NFC", value) if as_is else cleantext.clean(value, multiline=multiline)
                    )
                    seen[(value, as_is, multiline)] = cleaned
                if cleaned != value:
                    row[key] = cleaned
                if maximum is not None and len(cleaned) > maximum:
                    raise ValidationError(too_long_message(label(table, key), len(cleaned), maximum))
            elif key in json_columns and isinstance(value, (list, dict)):
                changed = [False]
                cleaned_json = _clean_json(value, changed)
                if changed[0]:
                    row[key] = cleaned_json
                leaf = _JSON_LEAF_MAX.get((table, key))
                if leaf is not None:
                    longest = max(_string_lengths(cleaned_json), default=0)
                    if longest > leaf[0]:
                        raise ValidationError(too_long_message(leaf[1], longest, leaf[0]))
    return rows
