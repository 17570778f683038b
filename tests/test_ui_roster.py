"""The Đoàn viên page: add, edit, leave, union groups, the person's record, export, dropping a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests import sheets
from tests.ui_helpers import (  # noqa: F401 - fixtures
    dialogs,
    make_window,
    today,
    type_text,
    ui_settings,
    vietnamese,
)
from thidua_desktop.services import registration, roster
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.import_dialog import ImportDialog
from thidua_desktop.ui.roster_dialogs import GroupDialog, GroupsDialog, LeaveDialog, PersonDialog


@pytest.fixture
def groups(seeded_db):
    return {name: roster.save_group(seeded_db, GroupInfo(name)).id for name in ("Tổ may 1", "Tổ cắt")}


@pytest.fixture
def window(qtbot, seeded_db, groups, data_paths, dialogs, ui_settings, vietnamese, today):
    roster.save_person(
        seeded_db,
        PersonDetail(
            "Phạm Thị",
            "Hoa",
            birth_date=date(1979, 11, 2),
            gender="F",
            group_id=groups["Tổ may 1"],
            position="Chủ tịch CĐCS",
            employed_since=date(2005, 3, 1),
        ),
    )
    roster.save_person(
        seeded_db,
        PersonDetail("Đặng Quốc", "Hưng", birth_year=1990, gender="M", group_id=groups["Tổ cắt"], is_member=False),
    )
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def names(model) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_add_a_person_through_the_dialog(qtbot, window):
    page = window.show_page(mw.PAGE_ROSTER)
    assert page.count.text() == "Hiển thị 2 / 2 người"
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Thêm người"
    assert [dialog.group.itemText(i) for i in range(dialog.group.count())] == [
        "(không thuộc tổ nào)",
        "Tổ may 1",
        "Tổ cắt",
    ]

    type_text(dialog.family_middle, "Nguyễn Thị")
    dialog.birth.setText("31/02/1987")
    save(dialog)
    assert dialog.isVisible(), "a refused person keeps the dialog open"
    birth = dialog.checks[0]  # said under the field itself (tests/test_ui_input_checks.py)
    assert "31/02/1987" in birth.message.text() and birth.message.text().startswith("Ngày sinh")

    dialog.birth.setText("1987")
    save(dialog)
    assert dialog.isVisible()
    assert "Tên không được để trống" in dialog.error.text(), "the service's own message"

    type_text(dialog.given_name, "Lụa")
    dialog.gender.select_code("F")
    dialog.group.select_code(dialog.group.itemData(1))
    type_text(dialog.position, "Công nhân may")
    dialog.ethnicity.setText("Tày")
    dialog.department.setText("Xưởng may")
    dialog.joined_union_on.setText("01/03/2015")
    dialog.employed_since.setText("15/01/2014")
    dialog.education.setText("12/12")
    dialog.phone.setText("0912 345 678")
    dialog.email.setText("lua@example.vn")
    dialog.note.setPlainText("Ghi chú thử")
    save(dialog)
    assert not dialog.isVisible()

    assert page.count.text() == "Hiển thị 3 / 3 người"
    assert "Nguyễn Thị Lụa" in page.saved.text()
    assert page.current_row().full_name == "Nguyễn Thị Lụa", "the new person is selected"
    stored = roster.get_person(window.ctx.db, page.current_id())
    assert (stored.birth_date, stored.birth_year, stored.gender, stored.ethnicity) == (None, 1987, "F", "Tày")
    assert stored.group_id == dialog.group.itemData(1) and stored.joined_union_on == date(2015, 3, 1)
    assert (stored.employed_since, stored.phone, stored.email, stored.note) == (
        date(2014, 1, 15),
        "0912 345 678",
        "lua@example.vn",
        "Ghi chú thử",
    )
    assert page.panel.name.text() == "Nguyễn Thị Lụa"
    assert page.panel.fields["birth"].text() == "1987"
    assert page.panel.fields["member"].text() == "Có, từ 01/03/2015"


def test_edit_by_double_click_and_the_overview_counts(qtbot, window):
    page = window.show_page(mw.PAGE_ROSTER)
    assert names(page.model) == ["Phạm Thị Hoa", "Đặng Quốc Hưng"]
    index = page.model.index(1, 0)
    page.view.selectRow(1)
    page.view.doubleClicked.emit(index)
    dialog = page.dialog
    assert dialog.windowTitle() == "Sửa thông tin Đặng Quốc Hưng"
    assert dialog.birth.text() == "1990" and not dialog.is_member.isChecked()
    dialog.is_member.setChecked(True)
    dialog.joined_union_on.setText("20/11/2020")
    dialog.email.setText("không có email")
    save(dialog)
    assert dialog.isVisible() and dialog.email_check.message.text() == (
        "“không có email” không phải là địa chỉ email: hãy viết theo dạng ten@tenmien.vn, không có dấu cách."
    )
    dialog.email.clear()
    save(dialog)
    assert not dialog.isVisible()
    assert page.model.data(page.model.index(1, 5)) == "Có"
    assert roster.get_person(window.ctx.db, page.current_id()).joined_union_on == date(2020, 11, 20)
    window.show_page(mw.PAGE_OVERVIEW)
    assert window.overview.tiles["members"].value.text() == "2"


def test_leaving_moves_the_person_to_the_left_list_and_back(qtbot, window):
    page = window.show_page(mw.PAGE_ROSTER)
    assert not page.leave_button.isEnabled(), "nothing selected"
    page.select_person(page.model.row_at(0).id)
    assert page.leave_button.isEnabled()
    page.leave_button.click()
    dialog = page.dialog
    assert isinstance(dialog, LeaveDialog)
    assert dialog.left_on.date().toString("dd/MM/yyyy") == "30/06/2021", "today by default"
    dialog.left_on.setDate(dialog.left_on.date().addDays(-1))
    dialog.ok.click()
    assert not dialog.isVisible()
    assert names(page.model) == ["Đặng Quốc Hưng"]
    assert "Phạm Thị Hoa" in page.saved.text() and "29/06/2021" in page.saved.text()

    page.status.select_code("left")
    assert names(page.model) == ["Phạm Thị Hoa"]
    assert page.model.columns[-1].title == "Ngày nghỉ việc"
    assert page.model.data(page.model.index(0, len(page.model.columns) - 1)) == "29/06/2021"
    assert not page.leave_button.isEnabled(), "someone who left cannot leave again"
    page.select_person(page.model.row_at(0).id)
    assert page.panel.status.text() == "Đã nghỉ việc từ 29/06/2021"
    page.edit_button.click()
    dialog = page.dialog
    assert dialog.left_on.text() == "29/06/2021"
    dialog.left_on.clear()
    save(dialog)
    assert not dialog.isVisible()
    assert names(page.model) == []
    page.status.select_code("active")
    assert names(page.model) == ["Phạm Thị Hoa", "Đặng Quốc Hưng"]


def test_person_record_shows_the_history(qtbot, window):
    db = window.ctx.db
    hoa = next(p for p in roster.list_people(db) if p.given_name == "Hoa")
    registration.register(db, 2021, "LDTT", person_ids=[hoa.id])
    registration.register(db, 2021, "CSTDCS", person_ids=[hoa.id], planned_initiative="Cải tiến gá may túi")
    page = window.show_page(mw.PAGE_ROSTER)
    page.select_person(hoa.id)
    panel = page.panel
    assert panel.name.text() == "Phạm Thị Hoa" and panel.status.text() == "Đang làm việc"
    assert panel.fields["group"].text() == "Tổ may 1" and panel.fields["position"].text() == "Chủ tịch CĐCS"
    rows = [[panel.history.data(panel.history.index(r, c)) for c in range(3)] for r in range(panel.history.rowCount())]
    assert rows == [["2021", "Lao động tiên tiến", "Đã đăng ký"], ["2021", "Chiến sĩ thi đua cơ sở", "Đã đăng ký"]]
    tip = panel.history.data(panel.history.index(1, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Cải tiến gá may túi"
    page.view.clearSelection()
    assert not panel.details.isVisible() and panel.empty.isVisibleTo(panel)


def test_filters_by_group_and_search(qtbot, window):
    page = window.show_page(mw.PAGE_ROSTER)
    combo = page.group_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["Tất cả các tổ", "Tổ cắt", "Tổ may 1"]
    combo.select_code("Tổ cắt")
    assert names(page.model) == ["Đặng Quốc Hưng"] and page.count.text() == "Hiển thị 1 / 2 người"
    type_text(page.search, "hoa")
    assert names(page.model) == []
    combo.setCurrentIndex(0)
    assert names(page.model) == ["Phạm Thị Hoa"]


def test_union_groups_are_managed_in_a_dialog(qtbot, window, dialogs):
    page = window.show_page(mw.PAGE_ROSTER)
    page.groups_button.click()
    dialog = page.dialog
    assert isinstance(dialog, GroupsDialog)
    assert [g.name for g in dialog.model.rows()] == ["Tổ may 1", "Tổ cắt"]
    assert dialog.model.data(dialog.model.index(0, 2)) == "1"

    dialog.add_button.click()
    editor = dialog.edit_dialog
    assert isinstance(editor, GroupDialog)
    type_text(editor.name, "Tổ cắt")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.isVisible() and "Đã có tổ công đoàn tên 'Tổ cắt'" in editor.error.text()
    editor.name.clear()
    type_text(editor.name, "Tổ hoàn thiện")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not editor.isVisible()
    assert [g.name for g in dialog.model.rows()] == ["Tổ may 1", "Tổ cắt", "Tổ hoàn thiện"]

    dialog.select("Tổ may 1")
    dialog.edit_button.click()
    editor = dialog.edit_dialog
    assert [editor.leader.itemText(i) for i in range(editor.leader.count())] == ["Phạm Thị Hoa"]
    editor.leader.setCurrentIndex(0)
    editor.name.setText("Tổ may số 1")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not editor.isVisible()
    renamed = next(g for g in roster.list_groups(window.ctx.db) if g.id == dialog.current().id)
    assert (renamed.name, renamed.leader_name) == ("Tổ may số 1", "Phạm Thị Hoa")
    assert page.model.data(page.model.index(0, 4)) == "Tổ may số 1", "the roster shows the new name"

    dialog.delete_button.click()
    assert dialogs.last("confirm")["text"] == "Xóa tổ công đoàn “Tổ may số 1”?"
    assert "còn 1 người" in dialog.error.text(), "the service's refusal is shown"
    assert len(roster.list_groups(window.ctx.db)) == 3
    dialog.select("Tổ hoàn thiện")
    dialog.delete_button.click()
    assert dialog.error.text() == "" or not dialog.error.isVisible()
    assert [g.name for g in roster.list_groups(window.ctx.db)] == ["Tổ may số 1", "Tổ cắt"]


def test_export_writes_the_file_and_offers_to_open_it(qtbot, window, dialogs, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_ROSTER)
    out = tmp_path / "danh sách.xlsx"
    monkeypatch.setattr(page, "ask_export_path", lambda: out)
    dialogs.choose_answers.append("close")
    page.export_button.click()
    assert out.is_file()
    assert dialogs.last("progress")["dialog"].closed
    assert dialogs.last("choose")["text"] == "Đã xuất 2 người."
    assert "danh sách.xlsx" in page.saved.text()

    monkeypatch.setattr(page, "ask_export_path", lambda: tmp_path / "khong-co" / "x.xlsx")
    page.export_button.click()
    assert dialogs.last("error")["title"] == "Chưa xuất được danh sách"


def drop(widget, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the page takes the file"
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_dropping_an_excel_file_on_the_page_opens_the_import(qtbot, window, tmp_path):
    path = sheets.write_xlsx(tmp_path / "ds.xlsx", sheets.simple_roster())
    page = window.show_page(mw.PAGE_ROSTER)
    drop(page, path)
    dialog = page.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert dialog.file_label.text() == "ds.xlsx"
    # Phạm Thị Hoa, born the same day, is on the roster in another union group: the officer decides
    assert not dialog.import_button.isEnabled() and dialog.duplicates.count() == 1
    assert "Dòng 9 và người đã có trong danh sách: Phạm Thị Hoa" in dialog.duplicates.item(0).text()
    dialog.duplicates.setCurrentRow(0)
    dialog.merge_one.click()
    assert dialog.import_button.isEnabled()
    dialog.reject()
