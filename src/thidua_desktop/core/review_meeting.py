"""The review meeting (họp bình xét) as its minutes record it, checked from plain values.

Standard library only.
"""

from __future__ import annotations

from datetime import date

from thidua_desktop.core import vntext


def check_meeting(
    year: int,
    held_on: date | None,
    chair: str | None,
    secretary: str | None,
    attendance_total: object,
    attendance_present: object,
    today: date,
) -> list[str]:
    """What is wrong with the meeting of the review of ``year`` (empty: it can be recorded): held
    by ``today``, in the year or early the next, more than half of those called present, a chair
    and a secretary."""
    problems = []
    if held_on is None:
        problems.append("Hãy ghi ngày họp bình xét.")
    elif held_on > today:
        problems.append(f"Ngày họp {vntext.format_date(held_on)} ở tương lai: chỉ ghi cuộc họp đã diễn ra.")
    elif held_on.year not in (year, year + 1):
        problems.append(f"Ngày họp {vntext.format_date(held_on)} không thuộc năm {year} (hoặc đầu năm {year + 1}).")
    for what, value in (("Tổng số người được triệu tập", attendance_total), ("Số người có mặt", attendance_present)):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{what} phải là số nguyên.")
        elif value < 0:
            problems.append(f"{what} không được âm.")
    if not problems:
        if attendance_total == 0:
            problems.append("Tổng số người được triệu tập phải lớn hơn 0.")
        elif attendance_present > attendance_total:
            problems.append(
                f"Số người có mặt ({attendance_present}) lớn hơn tổng số người được triệu tập ({attendance_total})."
            )
        elif attendance_present * 2 <= attendance_total:
            problems.append(
                f"Chỉ {attendance_present}/{attendance_total} người có mặt, chưa quá nửa: cuộc họp "
                "không đủ điều kiện bình xét."
            )
    if not vntext.nfc(chair or ""):
        problems.append("Hãy ghi người chủ trì cuộc họp.")
    if not vntext.nfc(secretary or ""):
        problems.append("Hãy ghi thư ký cuộc họp.")
    return problems
