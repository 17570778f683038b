"""The official documents the unit issues: their kinds, names, type abbreviations and who signs.

Plain constants, no database: the command line builds its parser from them without importing the
document service (``services.documents`` re-uses them).
"""

from __future__ import annotations

# Document kinds and their type abbreviation (NĐ 30/2020 Phụ lục III; "ĐK" for the registration).
TYPE_CODES = {
    "plan": "KH",
    "registration": "ĐK",
    "initiatives": "BC",
    "midyear-report": "BC",
    "year-report": "BC",
    "proposals": "TTr",
    "review-minutes": "BB",
    "award-decision": "QĐ",
}
KINDS = tuple(TYPE_CODES)
KIND_NAMES = {
    "plan": "Kế hoạch phát động thi đua",
    "registration": "Bản đăng ký thi đua",
    "initiatives": "Danh sách sáng kiến",
    "midyear-report": "Báo cáo sơ kết đợt",
    "year-report": "Báo cáo tổng kết năm",
    "proposals": "Tờ trình đề nghị khen thưởng",
    "review-minutes": "Biên bản họp bình xét",
    "award-decision": "Quyết định tặng Giấy khen",
}
FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}
SIGNERS = ("chair", "deputy")  # the chair signs, or a deputy signs on the chair's behalf (KT.)
