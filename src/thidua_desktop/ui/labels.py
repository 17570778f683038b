"""Words shown for stored codes (kinds, levels, sectors, backup kinds, timeline events).

The store keeps short English codes; the user reads these translated words. Dates and
numbers are written the Vietnamese way by ``core.vntext`` whatever the language.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from thidua_desktop.core import timeline, vntext
from thidua_desktop.ui import i18n

_CTX = "Labels"

_INDICATOR_KINDS = {
    "count": QT_TRANSLATE_NOOP("Labels", "Count"),
    "percent": QT_TRANSLATE_NOOP("Labels", "Rate (%)"),
    "yesno": QT_TRANSLATE_NOOP("Labels", "Done or not"),
    "money": QT_TRANSLATE_NOOP("Labels", "Amount of money"),
}
_INDICATOR_SOURCES = {
    "computed": QT_TRANSLATE_NOOP("Labels", "Computed from the records"),
    "entered": QT_TRANSLATE_NOOP("Labels", "Entered by the union"),
}
_LEVELS = {
    "cdcs": QT_TRANSLATE_NOOP("Labels", "Grassroots"),
    "upper": QT_TRANSLATE_NOOP("Labels", "Upper level"),
}
_SECTORS = {
    "state": QT_TRANSLATE_NOOP("Labels", "State sector"),
    "non_state": QT_TRANSLATE_NOOP("Labels", "Non-state sector"),
}
_GENDERS = {
    "M": QT_TRANSLATE_NOOP("Labels", "Male"),
    "F": QT_TRANSLATE_NOOP("Labels", "Female"),
}
_SUBJECTS = {
    "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
    "collective": QT_TRANSLATE_NOOP("Labels", "Collective"),
}
_CATEGORIES = {
    "title": QT_TRANSLATE_NOOP("Labels", "Emulation title"),
    "award": QT_TRANSLATE_NOOP("Labels", "Commendation"),
}
_SYSTEMS = {
    "state": QT_TRANSLATE_NOOP("Labels", "State"),
    "union": QT_TRANSLATE_NOOP("Labels", "Trade union"),
}
_BACKUP_KINDS = {
    "auto": QT_TRANSLATE_NOOP("Labels", "Backup"),
    "pre-migration": QT_TRANSLATE_NOOP("Labels", "Before an upgrade"),
    "pre-restore": QT_TRANSLATE_NOOP("Labels", "Data replaced by a restore"),
    "corrupt": QT_TRANSLATE_NOOP("Labels", "Damaged file kept aside"),
}
_HISTORY_KINDS = {
    "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "achieved": QT_TRANSLATE_NOOP("Labels", "Achieved"),
    "award": QT_TRANSLATE_NOOP("Labels", "Awarded"),
}
_INITIATIVE_STATUSES = {
    "registered": QT_TRANSLATE_NOOP("InitiativeLabels", "Registered"),
    "applying": QT_TRANSLATE_NOOP("InitiativeLabels", "Being applied"),
    "recognised": QT_TRANSLATE_NOOP("InitiativeLabels", "Recognised"),
    "refused": QT_TRANSLATE_NOOP("InitiativeLabels", "Not recognised"),
}
_RECOGNITION_LEVELS = {
    "co_so": QT_TRANSLATE_NOOP("InitiativeLabels", "Organisation"),
    "nganh": QT_TRANSLATE_NOOP("InitiativeLabels", "Sector"),
    "tinh": QT_TRANSLATE_NOOP("InitiativeLabels", "Province"),
    "toan_quoc": QT_TRANSLATE_NOOP("InitiativeLabels", "National"),
}
_AUTHOR_CATEGORIES = {
    "worker": QT_TRANSLATE_NOOP("InitiativeLabels", "Worker (college level or below)"),
    "university": QT_TRANSLATE_NOOP("InitiativeLabels", "University level or above"),
    "manager": QT_TRANSLATE_NOOP("InitiativeLabels", "Manager (head or deputy of a unit or above)"),
}
_AUTHOR_CATEGORIES_SHORT = {
    "worker": QT_TRANSLATE_NOOP("InitiativeLabels", "Worker"),
    "university": QT_TRANSLATE_NOOP("InitiativeLabels", "University level"),
    "manager": QT_TRANSLATE_NOOP("InitiativeLabels", "Manager"),
}
_ENCODINGS = {
    "tcvn3": QT_TRANSLATE_NOOP("Labels", "TCVN3 (.VnTime)"),
    "tcvn3_upper": QT_TRANSLATE_NOOP("Labels", "TCVN3 capitals (.VnTimeH)"),
    "vni": QT_TRANSLATE_NOOP("Labels", "VNI (VNI-Times)"),
}
_EVENT_LABELS = {
    "registration_due": QT_TRANSLATE_NOOP("Labels", "Registration due"),
    "phase_start": QT_TRANSLATE_NOOP("Labels", "Start of {phase}"),
    "phase_end": QT_TRANSLATE_NOOP("Labels", "End of {phase}"),
    "phase_report_due": QT_TRANSLATE_NOOP("Labels", "Review report of {phase} due"),
    "year_report_due": QT_TRANSLATE_NOOP("Labels", "Year-end report due"),
    "lock": QT_TRANSLATE_NOOP("Labels", "Figures of {phase} locked"),
    "year_start": QT_TRANSLATE_NOOP("Labels", "Start of emulation year {year}"),
    "year_end": QT_TRANSLATE_NOOP("Labels", "End of emulation year {year}"),
}


def _lookup(table: dict[str, str], code: str) -> str:
    text = table.get(code)
    return QCoreApplication.translate(_CTX, text) if text else code


def indicator_kind(code: str) -> str:
    return _lookup(_INDICATOR_KINDS, code)


def indicator_source(code: str) -> str:
    return _lookup(_INDICATOR_SOURCES, code)


def level(code: str) -> str:
    return _lookup(_LEVELS, code)


def levels(codes) -> str:
    return ", ".join(level(c) for c in codes)


def sector(code: str) -> str:
    return _lookup(_SECTORS, code)


def gender(code: str) -> str:
    return _lookup(_GENDERS, code) if code else ""


def title_subject(code: str) -> str:
    return _lookup(_SUBJECTS, code)


def title_category(code: str) -> str:
    return _lookup(_CATEGORIES, code)


def title_system(code: str) -> str:
    return _lookup(_SYSTEMS, code)


def backup_kind(code: str) -> str:
    return _lookup(_BACKUP_KINDS, code)


def history_kind(code: str) -> str:
    return _lookup(_HISTORY_KINDS, code)


def _initiative_lookup(table: dict[str, str], code: str | None) -> str:
    text = table.get(code or "")
    return QCoreApplication.translate("InitiativeLabels", text) if text else (code or "")


def initiative_status(code: str) -> str:
    """ "recognised" → "Được công nhận" (the words of ``core.initiatives.STATUSES``)."""
    return _initiative_lookup(_INITIATIVE_STATUSES, code)


def recognition_level(code: str | None) -> str:
    return _initiative_lookup(_RECOGNITION_LEVELS, code)


def author_category(code: str, *, short: bool = False) -> str:
    """The LĐST category of an author: in full (as the rule says), or short for a narrow cell."""
    return _initiative_lookup(_AUTHOR_CATEGORIES_SHORT if short else _AUTHOR_CATEGORIES, code)


def legacy_encoding(code: str) -> str:
    return _lookup(_ENCODINGS, code)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("Labels", "Yes")
    return QCoreApplication.translate("Labels", "No")


def event_label(event, phase_name: str | None, year: int, *, last_phase: bool = False) -> str:
    """The words for a ``core.timeline.TimelineEvent``: the core's own Vietnamese label, or
    the translation of the same words in another language."""
    if i18n.current() == "vi":
        return event.label
    return translated_event_label(event, phase_name, year, last_phase=last_phase)


def translated_event_label(event, phase_name: str | None, year: int, *, last_phase: bool = False) -> str:
    """The event's words through the translation files (Vietnamese ones equal the core's)."""
    kind = event.kind
    if kind == "report_due":
        key = "year_report_due" if last_phase else "phase_report_due"
    else:
        key = kind
    text = _EVENT_LABELS.get(key)
    if text is None:
        return kind
    return QCoreApplication.translate(_CTX, text).format(phase=phase_name or "", year=year)


def days_left(days: int) -> str:
    """ "Còn 5 ngày" / "Hôm nay" / "Quá hạn 3 ngày": ``core.timeline.describe_days_left`` in
    Vietnamese, its translation otherwise."""
    if i18n.current() == "vi":
        return timeline.describe_days_left(days)
    return translated_days_left(days)


def translated_days_left(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("Labels", "Today")
    if days > 0:
        return QCoreApplication.translate("Labels", "{days} days left").format(days=days)
    return QCoreApplication.translate("Labels", "{days} days overdue").format(days=-days)


def date_text(value: date | None) -> str:
    return vntext.format_date(value) if value else ""
