"""Issue 18, a first hour: no menu action or toolbar button crashes, every dialog fits a 1366×768
and a 1024×768 screen, Enter in a search field does that field's job."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from tests.ui_helpers import (  # noqa: F401 - fixtures
    SCREENS,
    demo_folder,
    dialogs,
    make_window,
    misfits,
    play_screen,
    today,
    ui_settings,
    vietnamese,
)
from thidua_desktop.ui import excepthook


def demo_window(qtbot, demo_folder, tmp_path, monkeypatch, **kwargs):
    """The main window on a copy of the demo data, on its year's last days."""
    from thidua_desktop import paths as app_paths

    source, year = demo_folder
    shutil.copytree(source.root, tmp_path / "data")
    monkeypatch.setenv("THIDUA_TODAY", f"{year}-12-30")
    return make_window(qtbot, app_paths.DataPaths(tmp_path / "data"), **kwargs)


@pytest.fixture
def crashes(monkeypatch):
    """Every unexpected error (what the user sees as "Lỗi ngoài dự kiến") is kept here."""
    seen: list[str] = []
    monkeypatch.setattr(excepthook, "report", lambda t, e, tb: seen.append(f"{t.__name__}: {e}"))
    return seen


@pytest.fixture
def no_blocking(monkeypatch):
    """Modal loops and the outside world answer at once: dialogs run with exec() are cancelled."""
    opened: list[str] = []

    def exec_(dialog, *args):
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return opened


def _actions(menu_or_bar) -> list[QAction]:
    found = []
    for action in menu_or_bar.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _actions(action.menu())
        else:
            found.append(action)
    return found


def window_actions(window) -> list[QAction]:
    """Every action of the menus (sub-menus included) and of the tool bars; Quit last."""
    from PySide6.QtWidgets import QToolBar

    actions = _actions(window.menuBar())
    for bar in window.findChildren(QToolBar):
        actions += [a for a in bar.actions() if not a.isSeparator()]
    quits = [a for a in actions if a is window.quit_action]
    return [a for a in actions if a is not window.quit_action] + quits


def _new_dialogs(before: list) -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and not any(w is b for b in before)
    ]


def trigger_all(qtbot, window, crashes, dialogs, opened) -> list[str]:
    """Trigger every action; return what each did (the dialog it opened or the message it showed)."""
    done = []
    for action in window_actions(window):
        before = QApplication.topLevelWidgets()  # kept: the wrappers stay the same objects
        shown = len(dialogs.calls), len(opened)
        action.trigger()
        qtbot.wait(10)
        assert not crashes, f"{action.text()!r} crashed: {crashes}"
        new = _new_dialogs(before)
        what = [type(d).__name__ for d in new] + [k for k, _ in dialogs.calls[shown[0] :]] + opened[shown[1] :]
        for dialog in new:
            dialog.reject()
            dialog.close()
        name = action.text().replace("&", "") or type(getattr(action, "defaultWidget", lambda: None)()).__name__
        done.append(f"{name}: {', '.join(what) or 'done'}")
    return done


def test_every_menu_action_works_on_the_demo_data(
    qtbot, demo_folder, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch, crashes, no_blocking
):
    dialogs.confirm_answer = False  # "copy this year to the next?" no
    window = demo_window(qtbot, demo_folder, tmp_path, monkeypatch)
    assert window.ctx.year == demo_folder[1]
    done = trigger_all(qtbot, window, crashes, dialogs, no_blocking)
    text = "\n".join(done)
    for expected in (
        "Nhập gói kế hoạch…: PlanPackageDialog",
        "Sửa kế hoạch năm…: PlanEditorDialog",
        "Năm mới…: NewYearDialog",
        "Giới thiệu: AboutDialog",
        "Sao lưu ngay: info",
        "Khôi phục từ bản sao lưu…: RestoreDialog",
        "Kiểm tra dữ liệu: info",
        "Sao chép năm này sang năm sau: confirm",
        "Xuất gói kế hoạch gửi các đơn vị…: PlanExportDialog",
        "English: choose",
    ):
        assert expected in text, text
    assert not window.isVisible()  # Thoát, last


def test_every_menu_action_works_on_a_new_unit_and_without_data(
    qtbot, seeded_db, data_paths, tmp_path, dialogs, ui_settings, vietnamese, crashes, no_blocking
):
    window = make_window(qtbot, data_paths)
    done = "\n".join(trigger_all(qtbot, window, crashes, dialogs, no_blocking))
    assert "Giới thiệu: AboutDialog" in done and "Sao lưu ngay: info" in done, done
    assert not crashes and not window.isVisible()  # every action ran, Thoát last
    # and a window whose data is not open (the data could not be opened)
    from thidua_desktop import paths as app_paths

    empty = make_window(qtbot, app_paths.resolve(tmp_path / "nothing").ensure(), open_data=False)
    done = trigger_all(qtbot, empty, crashes, dialogs, no_blocking)
    assert len(done) >= 10 and any(line.startswith("Giới thiệu: AboutDialog") for line in done), done
    assert not crashes and not empty.isVisible()


def test_the_plan_package_menu_opens_the_dialog_without_a_file(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, crashes
):
    window = make_window(qtbot, data_paths)
    window.plan_package_action.trigger()
    dialog = window.plan_package_dialog
    assert dialog.isVisible() and dialog.file.text() == ""
    assert not crashes
    dialog.reject()


# --- every dialog fits 1366×768 and 1024×768 ------------------------------------------------------


def _open_dialogs_of(window) -> list:
    """What opens each dialog from the window (the menus and the pages' buttons)."""
    from thidua_desktop.ui import main_window as mw

    def page_button(number, name):
        return lambda: (window.show_page(number), getattr(window.page(number), name).click())

    def preview():
        page = window.show_page(mw.PAGE_DOCUMENTS)
        page.kind.setCurrentIndex(page.kind.findData("registration"))
        page.preview_button.click()

    return [
        ("new year", window.new_year_action.trigger),
        ("plan package", window.plan_package_action.trigger),
        ("plan package refused", lambda: window.import_plan_package(_bad_package(window))),
        ("plan editor", window.edit_plan_action.trigger),
        ("about", window.about_action.trigger),
        ("restore", lambda: _restore_dialog(window)),
        ("wizard", window.run_wizard),
        ("person", page_button(mw.PAGE_ROSTER, "add_button")),
        ("groups", page_button(mw.PAGE_ROSTER, "groups_button")),
        ("roster import", page_button(mw.PAGE_ROSTER, "import_button")),
        ("initiative", page_button(mw.PAGE_INITIATIVES, "add_button")),
        ("initiatives import", page_button(mw.PAGE_INITIATIVES, "import_button")),
        ("phase dates", lambda: window.show_page(mw.PAGE_PHASES).edit_phase(1)),
        ("returned report", page_button(mw.PAGE_PHASES, "return_button")),
        ("print preview", preview),
        ("trust", page_button(mw.PAGE_DOCUMENTS, "trust_button")),
        ("smtp", page_button(mw.PAGE_DOCUMENTS, "smtp_button")),
    ]


def _bad_package(window):
    path = window.ctx.paths.root / "goi-ke-hoach.xlsx"
    path.write_bytes(b"not a workbook")
    return path


def _restore_dialog(window):
    from thidua_desktop.ui.dialogs import RestoreDialog

    dialog = RestoreDialog([], window.ctx.paths.backups, window)
    dialog.open()
    window._restore_dialog = dialog


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_dialog_fits_the_screen(
    qtbot, demo_folder, tmp_path, dialogs, ui_settings, vietnamese, monkeypatch, crashes, no_blocking, screen
):
    area = play_screen(monkeypatch, *SCREENS[screen])
    window = demo_window(qtbot, demo_folder, tmp_path, monkeypatch, size=None)
    assert window.isMaximized()  # the window starts maximised on a small screen
    window.setGeometry(area.adjusted(0, 30, 0, 0))  # as maximised there (the offscreen screen is another size)
    problems, seen = [], []
    for name, open_it in _open_dialogs_of(window):
        before = QApplication.topLevelWidgets()
        open_it()
        qtbot.wait(20)
        assert not crashes, f"{name}: {crashes}"
        new = _new_dialogs(before)
        assert new, f"{name}: no dialog opened"
        for dialog in new:
            seen.append(type(dialog).__name__)
            if os.environ.get("THIDUA_SCREENSHOTS"):  # to look at: THIDUA_SCREENSHOTS=folder pytest …
                folder = Path(os.environ["THIDUA_SCREENSHOTS"]) / screen
                folder.mkdir(parents=True, exist_ok=True)
                dialog.grab().save(str(folder / f"{name.replace(' ', '-')}.png"))
            problems += [f"{name} ({type(dialog).__name__}): {p}" for p in misfits(dialog, area)]
            dialog.reject()
            dialog.close()
        qtbot.wait(5)
    assert not problems, "\n".join(problems)
    if os.environ.get("THIDUA_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["THIDUA_SCREENSHOTS"]) / screen / "window.png"))
    assert {"PreviewDialog", "PlanPackageDialog", "InitiativeDialog", "FirstRunWizard"} <= set(seen)


# --- Enter in a search field ------------------------------------------------------------------------


def press_enter(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_enter_in_the_author_search_adds_the_author_and_keeps_the_dialog(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today
):
    from tests.ui_helpers import add_people, type_text
    from thidua_desktop.ui import main_window as mw

    add_people(seeded_db, [("Phạm Thị", "Hoa"), ("Đinh Văn", "Tùng")])
    window = make_window(qtbot, data_paths)
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.add_button.click()
    dialog = page.dialog
    type_text(dialog.title_edit, "Cải tiến gá may túi")
    type_text(dialog.picker.search, "pham thi hoa")
    press_enter(qtbot, dialog.picker.search)
    assert dialog.isVisible(), "Enter in the search saved and closed the dialog"
    assert [line.display_name for line in dialog.author_lines] == ["Phạm Thị Hoa"]
    type_text(dialog.picker.search, "tung")
    dialog.picker.results.setCurrentRow(0)
    press_enter(qtbot, dialog.picker.results)  # Enter on the list of matches
    assert dialog.isVisible()
    assert [line.display_name for line in dialog.author_lines] == ["Phạm Thị Hoa", "Đinh Văn Tùng"]
    type_text(dialog.new_tag, "Phong trào Xanh")
    press_enter(qtbot, dialog.new_tag)
    assert dialog.isVisible() and dialog.new_tag.text() == ""
    dialog.reject()


def test_each_import_dialog_gives_every_hook_the_shared_dialog_asks_for():
    """ui.import_common's hooks that raise NotImplementedError are overridden by both import dialogs."""
    import inspect

    from thidua_desktop.ui.import_common import SpreadsheetImportDialog
    from thidua_desktop.ui.import_dialog import ImportDialog
    from thidua_desktop.ui.initiatives_import import InitiativesImportDialog

    required = [
        name
        for name, fn in vars(SpreadsheetImportDialog).items()
        if inspect.isfunction(fn) and "raise NotImplementedError" in inspect.getsource(fn)
    ]
    assert {"_reader", "_committer", "_can_commit", "_sheets", "_show_reading", "_nothing_found"} <= set(required)
    for dialog in (ImportDialog, InitiativesImportDialog):
        missing = [n for n in required if getattr(dialog, n) is getattr(SpreadsheetImportDialog, n)]
        assert missing == [], (dialog.__name__, missing)
