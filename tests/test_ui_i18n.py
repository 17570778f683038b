"""Every string of the interface has a finished Vietnamese translation; the .qm files are current."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.ui_helpers import vietnamese  # noqa: F401 - fixture
from thidua_desktop.core import plan, timeline
from thidua_desktop.ui import labels

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


def _tools():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def _finished(translation: ET.Element | None) -> bool:
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "obsolete", "vanished")
        and bool((translation.text or "").strip())
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code today, in a fresh .ts."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh_vi.ts"
    _tools().lupdate(fresh)
    return _messages(fresh)


def test_lupdate_finds_the_interface(extracted):
    assert len(extracted) > 250
    assert ("MainWindow", "Overview") in extracted
    assert ("Labels", "Count") in extracted, "QT_TRANSLATE_NOOP tables are extracted too"


def test_every_string_has_a_finished_vietnamese_translation(extracted):
    committed = _messages(TRANSLATIONS / "thidua_vi.ts")
    missing = [key for key in extracted if not _finished(committed.get(key))]
    assert missing == [], "run `uv run python tools/i18n.py` and translate: " + repr(missing[:10])


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\d")


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for (context, source), translation in _messages(TRANSLATIONS / "thidua_vi.ts").items():
        text = translation.text or ""
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
            problems.append((context, source, text))
        if re.search(r"&[^&\s]", source.replace("&&", "")) and not re.search(r"&[^&\s]", text.replace("&&", "")):
            problems.append((context, source, text))
    assert problems == []


def test_no_vietnamese_text_left_untranslated_in_english_sources():
    """Sources are English: Vietnamese words belong in the .ts (examples of data excepted)."""
    allowed = ("e.g. ", "Bằng Lao động sáng tạo", "Gia Viễn", "Số: 05/BC-CĐCS")
    offenders = [
        source
        for (_c, source) in _messages(TRANSLATIONS / "thidua_vi.ts")
        if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", source.lower())
        and not any(a in source for a in allowed)
    ]
    assert offenders == []


def _lrelease(ts_file: Path, out: Path) -> bytes:
    _tools().lrelease(ts_file, out)
    return out.read_bytes()


@pytest.mark.parametrize("name", ["thidua_vi", "qtbase_vi"])
def test_committed_qm_files_are_up_to_date(tmp_path, name):
    ts_file = TRANSLATIONS / f"{name}.ts"
    copy = tmp_path / ts_file.name
    shutil.copy(ts_file, copy)
    first = _lrelease(copy, tmp_path / "a.qm")
    second = _lrelease(copy, tmp_path / "b.qm")
    assert first == second, "lrelease must be deterministic for this check to mean anything"
    assert (TRANSLATIONS / f"{name}.qm").read_bytes() == first, "run `uv run python tools/i18n.py`"


def test_qt_own_buttons_and_menus_are_vietnamese(vietnamese):
    tr = QCoreApplication.translate
    assert tr("QPlatformTheme", "Cancel") == "Hủy"
    assert tr("QPlatformTheme", "&Yes") == "&Có"
    assert tr("QWizard", "&Next >") == "&Tiếp theo >"
    assert tr("QWizard", "< &Back") == "< &Quay lại"
    assert tr("QWizard", "&Finish") == "&Hoàn tất"
    assert tr("QLineEdit", "&Paste") == "&Dán"
    assert tr("QWidgetTextControl", "Select All") == "Chọn tất cả"
    assert tr("QMessageBox", "Show Details...") == "Xem chi tiết…"
    assert tr("MainWindow", "Overview") == "Tổng quan"


def _qm_pairs(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a compiled .qm (Qt's binary catalogue format)."""
    data = path.read_bytes()
    pos, messages = 16, b""
    while pos < len(data):  # sections: tag byte, 4-byte length, payload; 0x69 holds the messages
        tag, length = data[pos], int.from_bytes(data[pos + 1 : pos + 5], "big")
        if tag == 0x69:
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    pairs, current, p = set(), {}, 0
    while p < len(messages):
        tag = messages[p]
        p += 1
        if tag == 1:  # end of a message
            pairs.add((current.get(7, ""), current.get(6, "")))
            current = {}
        elif tag in (3, 6, 7, 8):  # translation (UTF-16), source, context, comment (UTF-8)
            length = int.from_bytes(messages[p : p + 4], "big")
            p += 4
            if length != 0xFFFFFFFF:
                if tag != 3:
                    current[tag] = messages[p : p + length].decode("utf-8")
                p += length
        elif tag != 2:
            raise ValueError(f"unknown tag {tag} in {path}")
    return pairs


def test_qtbase_sources_are_strings_qt_really_uses():
    """Our qtbase_vi.ts only translates (context, source) pairs found in Qt's own catalogues."""
    from PySide6.QtCore import QLibraryInfo

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogues = sorted(qt_dir.glob("qtbase_*.qm"))
    if not catalogues:
        pytest.skip("this Qt build ships no qtbase catalogues to compare with")
    known = set().union(*(_qm_pairs(c) for c in catalogues))
    assert ("QPlatformTheme", "Cancel") in known
    unknown = [pair for pair in _messages(TRANSLATIONS / "qtbase_vi.ts") if pair not in known]
    assert unknown == []


def test_vietnamese_timeline_words_match_the_core(vietnamese):
    for days in (-3, -1, 0, 1, 5, 120):
        assert labels.translated_days_left(days) == timeline.describe_days_left(days)
        assert labels.days_left(days) == timeline.describe_days_left(days)
    template = plan.seed_template()
    phases = [timeline.PhaseInput(p.number, p.name, p.start, p.end, p.report_due, p.lock_date) for p in template.phases]
    last = phases[-1].number
    for event in timeline.build_timeline(template.year, phases, template.registration_due):
        name = next((p.name for p in phases if p.number == event.phase_number), None)
        assert (
            labels.translated_event_label(event, name, template.year, last_phase=event.phase_number == last)
            == event.label
        )


def test_labels_read_in_english_without_translations(qapp):
    from thidua_desktop.ui import i18n

    i18n.install("en")
    try:
        assert labels.days_left(5) == "5 days left"
        assert labels.gender("F") == "Female"
        event = timeline.TimelineEvent(date(2021, 2, 20), "registration_due", "Hạn gửi đăng ký thi đua")
        assert labels.event_label(event, None, 2021) == "Registration due"
    finally:
        i18n.remove()
