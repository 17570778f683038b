"""Help › About: version, data folder with its button, Python/Qt, the licences of fonts and libraries."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import QUrl, qVersion

from tests.ui_helpers import english, vietnamese  # noqa: F401 - fixtures
from thidua_desktop import __version__, about
from thidua_desktop.ui import about_dialog
from thidua_desktop.ui.about_dialog import AboutDialog


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(about_dialog, "_open_url", lambda url: urls.append(url) or True)
    return urls


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str, str, str]]:
    return {row[0]: row for row in dialog.model.rows()}


def _table_text(dialog: AboutDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_about_shows_version_folder_python_and_qt(qtbot, tmp_path, english, opened):
    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = " ".join(w.text() for w in dialog.findChildren(about_dialog.QLabel))
    assert f"Emulation manager {__version__}" in labels
    assert dialog.folder_label.text() == str(tmp_path)
    assert about.python_version() in dialog.versions_label.text()
    assert qVersion() in dialog.versions_label.text()

    dialog.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_every_library_is_listed_with_version_and_licence_from_metadata(qtbot, tmp_path, english):
    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    for name in about.LIBRARIES:
        shown = rows[name]
        assert shown[1] == metadata.version(name), name
        assert shown[2] not in ("", "?"), name
        assert shown[3], f"{name} has no 'used for'"
    assert "LGPL-3.0" in rows["PySide6-Essentials"][2]
    assert rows["SQLAlchemy"][2] == "MIT"
    assert rows["cryptography"][2] == "Apache-2.0 OR BSD-3-Clause"
    assert rows["Python"][2] == "PSF-2.0"
    # the fonts, from the licence files vendored beside them
    assert rows["Liberation Serif"][2] == "SIL Open Font License 1.1"
    assert rows["Noto Serif"][2] == "SIL Open Font License 1.1"
    # what the table shows is what the rows hold
    assert ["Liberation Serif", "", "SIL Open Font License 1.1", "font of the documents and signatures"] in _table_text(
        dialog
    )


def test_licence_texts_button_only_when_the_file_is_beside_the_program(qtbot, tmp_path, monkeypatch, english, opened):
    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    assert dialog.licences_button.isHidden()  # running from source: no bundle file

    (tmp_path / about.THIRD_PARTY_FILE).write_text("licences", encoding="utf-8")
    monkeypatch.setattr(about, "program_dir", lambda: tmp_path)
    dialog = AboutDialog(tmp_path / "data", None)
    qtbot.addWidget(dialog)
    assert not dialog.licences_button.isHidden()
    dialog.licences_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / about.THIRD_PARTY_FILE))]


def test_about_is_in_vietnamese_by_default(qtbot, tmp_path, vietnamese):
    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Giới thiệu"
    assert dialog.folder_button.text() == "Mở thư mục"
    assert _rows(dialog)["reportlab"][3] == "văn bản PDF"


def test_licence_of_reads_expression_short_field_or_classifiers():
    class Meta(dict):
        def get_all(self, key):
            value = self.get(key)
            return value if isinstance(value, list) else None

    assert about.licence_of(Meta({"License-Expression": "MIT", "License": "whatever"})) == "MIT"
    assert about.licence_of(Meta({"License": "BSD"})) == "BSD"
    long_text = "BSD license (see license.txt for details), Copyright (c) 2000-2024, ReportLab Inc."
    assert (
        about.licence_of(Meta({"License": long_text, "Classifier": ["License :: OSI Approved :: BSD License"]}))
        == "BSD"
    )
    assert (
        about.licence_of(Meta({"Classifier": ["License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)"]}))
        == "Mozilla Public License 2.0 (MPL 2.0)"
    )
    assert about.licence_of(Meta({})) == "?"


def test_about_shows_the_licence_text_whole_and_the_component_licences(qtbot, tmp_path, monkeypatch, vietnamese):
    from pathlib import Path

    licence = (Path(__file__).resolve().parent.parent / "LICENSE").read_text(encoding="utf-8")
    dialog = AboutDialog(tmp_path, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Phông chữ và thư viện đi kèm",
        "Giấy phép của chương trình",
    ]
    assert dialog.licence_text.toPlainText() == licence  # whole, not a summary
    assert dialog.licence_text.isReadOnly()
    dialog.licence_button.click()
    assert dialog.tabs.currentWidget() is dialog.licence_text
    assert dialog.licence_text.verticalScrollBar() is not None
    assert dialog.third_party_text is None  # running from source: no THIRD-PARTY-LICENSES.txt

    notices = "thidua-desktop — components\n" + "GNU LESSER GENERAL PUBLIC LICENSE\n" * 400
    (tmp_path / about.THIRD_PARTY_FILE).write_text(notices, encoding="utf-8")
    monkeypatch.setattr(about, "program_dir", lambda: tmp_path)
    dialog = AboutDialog(tmp_path / "data", None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.tabs.count() == 3
    assert dialog.tabs.tabText(2) == "Giấy phép của các thành phần"
    assert dialog.third_party_text.toPlainText() == notices
    dialog.tabs.setCurrentWidget(dialog.third_party_text)
    assert dialog.third_party_text.verticalScrollBar().maximum() > 0  # long: it scrolls
