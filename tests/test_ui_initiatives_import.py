"""Issue 17 in the window: the initiatives import dialog reads an office's usual list, says what it
filled in, lets the officer choose the year rule and what each column holds, and remembers that
choice for the next file with the same headers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.test_initiatives_real_lists import (  # noqa: F401 - fixtures
    ODD_HEADER,
    ODD_MAPPING,
    authors,
    odd_rows,
    usual_rows,
    write,
)
from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import initiatives
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.initiatives_import import InitiativesImportDialog, remembered_mappings


@pytest.fixture
def window(qtbot, seeded_db, authors, data_paths, dialogs, ui_settings, vietnamese, today):
    return make_window(qtbot, data_paths)


def open_dialog(window, path) -> InitiativesImportDialog:
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.open_import(path)
    dialog = page.dialog
    assert isinstance(dialog, InitiativesImportDialog)
    return dialog


def column(model, index: int) -> list[str]:
    return [model.data(model.index(r, index)) for r in range(model.rowCount())]


def header_index(model, title: str) -> int:
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == title)


def test_the_usual_list_and_what_was_filled_in(qtbot, window, tmp_path):
    dialog = open_dialog(window, write(tmp_path, usual_rows()))
    assert dialog.year() == 2021 and dialog.import_button.isEnabled(), dialog.error.text()
    filled = column(dialog.preview, header_index(dialog.preview, "Đã điền thay"))
    assert filled[0] == (
        "năm 2021: năm đã chọn khi nhập (bảng không có cột Năm); cơ quan quyết định: Công ty TNHH "
        "May Hoa Lư (đơn vị sử dụng lao động, theo cấp cơ sở; tệp không có cột này)"
    )
    assert column(dialog.preview, header_index(dialog.preview, "Cơ quan quyết định"))[:3] == [
        "Công ty TNHH May Hoa Lư",
        "LĐLĐ huyện Gia Viễn",
        "LĐLĐ tỉnh Ninh Bình",
    ]
    assert "4 dòng có thông tin được điền thay" in dialog.counts.text()

    dialog.year_choice.setCurrentIndex(dialog.year_choice.findData(None))  # each row's first application date
    assert dialog.year() is None and dialog.reading.preview.default_year is None
    assert [i.draft.year for i in dialog.reading.preview.items] == [2021, 2020, 2021, 2021]
    assert (
        "năm 2020: theo ngày áp dụng lần đầu 02/04/2020"
        in column(dialog.preview, header_index(dialog.preview, "Đã điền thay"))[1]
    )
    dialog.import_button.click()
    assert not dialog.isVisible()
    years = {r.title: r.year for r in initiatives.list_initiatives(window.ctx.db)}
    assert years["Hệ thống hút bụi chuyền cắt"] == 2020 and len(years) == 4


def test_the_column_choice_is_remembered_for_the_same_headers(qtbot, window, tmp_path, ui_settings):
    dialog = open_dialog(window, write(tmp_path, odd_rows(), header=ODD_HEADER, name="lan-1"))
    assert not dialog.import_button.isEnabled() and "Không tìm thấy dòng tiêu đề" in dialog.problems.item(0).text()
    assert [c.currentText() for c in dialog.column_mapping.combos] == [
        "STT",
        "— không nhập —",
        "— không nhập —",
        "Tỷ lệ đóng góp (%)",
        *["— không nhập —"] * 5,
    ]  # what was known
    for key, col in ODD_MAPPING.items():
        dialog.set_field(col, key)
    assert dialog.mapping() == ODD_MAPPING
    assert dialog.import_button.isEnabled(), [dialog.problems.item(n).text() for n in range(dialog.problems.count())]
    assert dialog.reading.preview.mapping_source == "chosen"
    assert dialog.mapping_note.text().startswith("Các cột theo lựa chọn của bạn")
    assert list(remembered_mappings().values()) == [ODD_MAPPING]
    dialog.reject()

    rows = odd_rows()
    rows[0][1] = "Cải tiến gá may túi áo khoác"  # another file, the same headers
    rows[1][4] = dt.date(2020, 5, 4)
    again = open_dialog(window, write(tmp_path, rows, header=ODD_HEADER, name="lan-2"))
    assert again.reading.preview.mapping_source == "remembered" and again.mapping() == ODD_MAPPING
    assert again.mapping_note.text().startswith("Các cột theo lựa chọn trước đây")
    assert again.import_button.isEnabled(), [again.problems.item(n).text() for n in range(again.problems.count())]
    # A column given to another field takes it from the column that had it.
    again.set_field(0, "title")
    assert again.mapping()["title"] == 0 and 1 not in again.mapping().values()
    assert remembered_mappings()[again.reading.preview.signature]["title"] == 0
    again.reject()

    other = open_dialog(window, write(tmp_path, usual_rows(), name="khac"))  # other headers: guessed, not remembered
    assert other.reading.preview.mapping_source == "guessed" and other.mapping_note.text() == ""
    assert other.mapping()["shares"] == 4 and other.import_button.isEnabled()
    other.reject()
