"""Backups, restore and damaged data through the GUI paths (dialogs answered by the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.ui_helpers import dialogs, make_window, today, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.services import data_folder
from thidua_desktop.services import year as year_service
from thidua_desktop.ui import dialogs as ui_dialogs
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def window(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, today):
    seeded_db.close()  # the window opens the data itself
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def _answer_restore_dialog(monkeypatch, choose):
    """Make RestoreDialog.exec pick with ``choose(dialog)`` and report what it offered."""
    seen = {}

    def exec_(dialog):
        seen["rows"] = [dialog.model.row_at(n).path for n in range(dialog.model.shown_count)]
        choose(dialog)
        return dialog.result() if dialog.chosen is not None else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ui_dialogs.RestoreDialog, "exec", exec_)
    return seen


def test_backup_now_then_restore_puts_the_old_data_back(qtbot, window, dialogs, monkeypatch, data_paths):
    # The automatic backup taken on opening has the same second in its name as the one taken
    # below, and thinning keeps one per second (reported to the store's owner): start clean.
    for old in data_paths.backups.iterdir():
        old.unlink()
    window.backup_action.trigger()
    backup_file = Path(dialogs.last("info")["informative"].split(": ", 1)[1])
    assert dialogs.last("info")["text"] == "Đã sao lưu dữ liệu."
    assert backup_file.is_file() and backup_file.parent == data_paths.backups

    page = window.show_page(mw.PAGE_UNIT)
    page.form.name.setText("Tên đã đổi sau khi sao lưu")
    page.save()
    assert year_service.get_unit(window.ctx.db).name == "Tên đã đổi sau khi sao lưu"

    seen = _answer_restore_dialog(monkeypatch, lambda d: (d.select(backup_file), d._accept_selected()))
    window.restore_action.trigger()
    assert backup_file in seen["rows"]
    assert dialogs.last("confirm")["text"] == "Thay dữ liệu hiện tại bằng bản sao này?"
    done = dialogs.last("info")
    assert done["text"] == "Đã khôi phục dữ liệu."
    saved = Path(done["informative"].split(" tại ", 1)[1].rstrip("."))
    assert saved.is_file() and saved.name.startswith("truoc-khoi-phuc-"), "the replaced data is kept"

    assert window.ctx.db is not None
    assert year_service.get_unit(window.ctx.db).name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"
    assert page.form.name.text() == "Công đoàn cơ sở Công ty TNHH May Hoa Lư", "pages reload"


def test_restore_from_another_file_and_cancel(qtbot, window, dialogs, monkeypatch, tmp_path):
    elsewhere = tmp_path / "usb" / "thidua-copy.sqlite"
    data_folder.backup_now(window.ctx.paths, elsewhere)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(elsewhere), "")))
    _answer_restore_dialog(monkeypatch, lambda d: d.choose_file())
    dialogs.confirm_answer = False
    window.restore_action.trigger()
    assert dialogs.kinds()[-1] == "confirm" and str(elsewhere) in dialogs.last("confirm")["informative"]
    assert window.ctx.db is not None, "cancelled: the data stays open"

    dialogs.confirm_answer = True
    window.restore_action.trigger()
    assert dialogs.last("info")["text"] == "Đã khôi phục dữ liệu."
    assert year_service.get_unit(window.ctx.db) is not None


def test_a_refused_restore_keeps_the_current_data(qtbot, window, dialogs, monkeypatch, tmp_path):
    junk = tmp_path / "khong-phai.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(junk), "")))
    _answer_restore_dialog(monkeypatch, lambda d: d.choose_file())
    window.restore_action.trigger()
    error = dialogs.last("error")
    assert "không dùng để khôi phục được" in error["text"]
    assert window.ctx.db is not None
    assert year_service.get_unit(window.ctx.db).name == "Công đoàn cơ sở Công ty TNHH May Hoa Lư"


def test_a_damaged_database_is_never_overwritten(qtbot, data_paths, dialogs, ui_settings, vietnamese):
    data_paths.database.write_bytes(b"\x00garbage, not SQLite\xff" * 200)
    before = data_paths.database.read_bytes()
    window = make_window(qtbot, data_paths, open_data=False)
    dialogs.choose_answers = ["quit"]
    with qtbot.waitSignal(window.quit_requested, timeout=2000):
        window.open_data()
    choice = dialogs.last("choose")
    assert choice["choices"] == ["other", "quit"], "no backup exists, so none is offered"
    assert str(data_paths.database) in choice["text"]
    assert "giữ nguyên" in choice["informative"]
    assert data_paths.database.read_bytes() == before
    assert window.ctx.db is None
    window.close()
    assert data_paths.database.read_bytes() == before


def test_a_damaged_database_is_replaced_by_the_latest_backup(
    qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese
):
    backup = data_folder.backup_now(data_paths)
    seeded_db.close()
    for sidecar in ("-wal", "-shm"):
        Path(str(data_paths.database) + sidecar).unlink(missing_ok=True)
    data_paths.database.write_bytes(b"\x00garbage\xff" * 300)
    damaged = data_paths.database.read_bytes()
    window = make_window(qtbot, data_paths, open_data=False)
    dialogs.choose_answers = ["latest"]
    window.open_data()
    assert dialogs.last("choose")["choices"] == ["latest", "other", "quit"]
    assert backup.name in dialogs.last("choose")["informative"]
    assert dialogs.last("info")["text"] == "Đã khôi phục dữ liệu."
    kept = [p for p in data_paths.backups.iterdir() if p.name.startswith("hong-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged, "the damaged file is kept byte for byte"
    assert window.ctx.year == 2021
    assert window.overview.title.text() == "Năm thi đua 2021"
    window.close()


def test_a_database_from_a_newer_version_is_refused(qtbot, seeded_db, data_paths, dialogs, ui_settings):
    with seeded_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    seeded_db.close()
    before = data_paths.database.read_bytes()
    window = make_window(qtbot, data_paths, open_data=False)
    with qtbot.waitSignal(window.quit_requested, timeout=2000):
        window.open_data()
    assert "phiên bản mới hơn" in dialogs.last("error")["text"]
    assert data_paths.database.read_bytes() == before
    window.close()


def test_other_store_errors_are_told_and_the_window_stays(
    qtbot, data_paths, dialogs, ui_settings, vietnamese, monkeypatch
):
    from thidua_desktop.store.database import Database
    from thidua_desktop.store.errors import StoreError

    def refuse(paths, **_kwargs):
        raise StoreError(f"Không ghi được vào thư mục dữ liệu {paths.root}.")

    monkeypatch.setattr(Database, "open", refuse)  # the data-folder service says why, as for a damaged file
    window = make_window(qtbot, data_paths, open_data=False)
    quits = []
    window.quit_requested.connect(lambda: quits.append(1))
    window.open_data()
    assert dialogs.last("error")["text"] == f"Không ghi được vào thư mục dữ liệu {data_paths.root}."
    assert quits == [] and window.isVisible()
    assert "Không ghi được" in window.overview.empty.text() and window.overview.empty.isVisibleTo(window)
    assert window.restore_action.isEnabled(), "a backup can still be put back"
    window.close()
