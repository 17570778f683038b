"""Issue 18, a first hour (continued): a locked phase's dialog opens read-only and says why; Qt's
own dialogs speak Vietnamese; file dialogs start in Documents or the last folder used, with file
names valid on Windows; a restore checks the chosen file before asking to replace the data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui_helpers import dialogs, make_window, ui_settings, vietnamese  # noqa: F401 - fixtures
from thidua_desktop.ui import main_window as mw


@pytest.fixture
def late(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    """A set-up unit and year 2021 seen on 30/12/2021: phase 1's figures are past their lock date."""
    monkeypatch.setenv("THIDUA_TODAY", "2021-12-30")
    window = make_window(qtbot, data_paths, size=(1400, 900))
    yield window
    window.close()


def test_a_locked_phase_opens_its_result_dialog_read_only_saying_why(qtbot, late):
    page = late.show_page(mw.PAGE_PHASES)
    row = next(r for r in page.results.model.rows() if r.source == "entered")
    assert row.phase1.locked and not row.year.locked
    dialog = page.enter_result(row, 1)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert not ok.isVisibleTo(dialog), "no OK that would only refuse"
    assert close.text() == "Đóng" and close.isVisibleTo(dialog)
    fields = [
        dialog.value,
        dialog.numerator,
        dialog.denominator,
        dialog.note,
        dialog.evidence_number,
        dialog.evidence_date,
    ]
    assert all(f.isReadOnly() for f in fields)
    assert dialog.lock_line.isVisibleTo(dialog)
    assert row.phase1.lock_reason in dialog.lock_line.text()
    assert "khóa" in dialog.lock_line.text() and dialog.lock_line.text().startswith("Chỉ xem")
    # the year's phase is still open: the same dialog becomes editable again
    dialog.phase.setCurrentIndex(dialog.phase.findData(row.year.phase_number))
    assert ok.isVisibleTo(dialog) and not dialog.lock_line.isVisibleTo(dialog)
    assert not any(f.isReadOnly() for f in fields)
    assert close.text() != "Đóng"
    dialog.phase.setCurrentIndex(dialog.phase.findData(row.phase1.phase_number))
    close.click()
    assert not dialog.isVisible()


# --- a restore checks the chosen file first ---------------------------------------------------


@pytest.fixture
def opened(qtbot, seeded_db, data_paths, dialogs, ui_settings, vietnamese, monkeypatch):
    monkeypatch.setenv("THIDUA_TODAY", "2021-06-30")
    seeded_db.close()  # the window opens the data itself
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def _bad_copies(window, tmp_path):
    """Files a user might pick by mistake, each with the words the refusal must contain."""
    import sqlite3

    from thidua_desktop.services import data_folder

    junk = tmp_path / "khong-phai.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    foreign = tmp_path / "cua-chuong-trinh-khac.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, noi_dung TEXT)")
    con.commit()
    con.close()
    half = tmp_path / "nang-cap-do-dang.sqlite"
    data_folder.backup_now(window.ctx.paths, half)
    con = sqlite3.connect(half)
    con.execute("CREATE TABLE bang_moi (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    return [
        (junk, "không phải cơ sở dữ liệu SQLite"),
        (foreign, "không phải bản sao lưu của chương trình"),
        (half, "các bảng không khớp"),
        (tmp_path / "khong-co.sqlite", "Không tìm thấy"),
    ]


def test_check_backup_reads_a_candidate_without_touching_the_data(opened, tmp_path):
    from thidua_desktop.services import data_folder

    paths = opened.ctx.paths
    good = tmp_path / "tot.sqlite"
    data_folder.backup_now(paths, good)
    before = paths.database.read_bytes()
    assert data_folder.check_backup(good).ok and data_folder.check_backup(good).problem is None
    for path, words in _bad_copies(opened, tmp_path):
        found = data_folder.check_backup(path)
        assert not found.ok and words in found.problem, (path.name, found.problem)
        assert "Dữ liệu hiện tại không bị thay đổi" in found.problem or words == "Không tìm thấy"
    assert paths.database.read_bytes() == before


def test_a_bad_file_is_refused_with_the_reason_before_the_replace_question(opened, dialogs, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from thidua_desktop.services import year as year_service
    from thidua_desktop.ui import dialogs as ui_dialogs

    window = opened
    name = year_service.get_unit(window.ctx.db).name
    kept = sorted(window.ctx.paths.backups.iterdir())
    chosen: list = []

    def exec_(dialog):
        dialog.chosen = chosen[0]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ui_dialogs.RestoreDialog, "exec", exec_)
    for path, words in _bad_copies(window, tmp_path):
        chosen[:] = [path]
        dialogs.calls.clear()
        window.restore_action.trigger()
        print(path.name, "→", dialogs.calls)
        assert dialogs.kinds() == ["error"], "refused, and never asked whether to replace the data"
        assert (
            words in dialogs.last("error")["text"] and dialogs.last("error")["title"] == "Không khôi phục được tệp này"
        )
        assert window.ctx.db is not None and year_service.get_unit(window.ctx.db).name == name
    assert sorted(window.ctx.paths.backups.iterdir()) == kept, "nothing was copied aside: the data was never touched"
    # a good copy still reaches the question
    good = tmp_path / "tot.sqlite"
    from thidua_desktop.services import data_folder

    data_folder.backup_now(window.ctx.paths, good)
    chosen[:] = [good]
    dialogs.calls.clear()
    dialogs.confirm_answer = False
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    window.restore_action.trigger()
    assert dialogs.kinds() == ["confirm"]


# --- where file dialogs open ------------------------------------------------------------------


class FileDialogs:
    """Stands in for Qt's file dialogs: records the folder each opened on, answers as told."""

    def __init__(self, monkeypatch) -> None:
        from PySide6.QtWidgets import QFileDialog

        self.starts: list[str] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._one))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._one))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(self._many))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def _one(self, parent, title, start, *rest):
        self.starts.append(start)
        return self.answer, ""

    def _many(self, parent, title, start, *rest):
        self.starts.append(start)
        return ([self.answer] if self.answer else []), ""

    def _folder(self, parent, title, start, *rest):
        self.starts.append(start)
        return self.answer

    @property
    def last(self):
        from pathlib import Path

        return Path(self.starts[-1])


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's Documents folder (QStandardPaths.DocumentsLocation) is this folder."""
    from PySide6.QtCore import QStandardPaths

    folder = tmp_path / "Tài liệu"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind):
        return str(folder) if kind == QStandardPaths.StandardLocation.DocumentsLocation else real(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(location))
    return folder


def test_file_dialogs_open_in_documents_or_the_last_folder_never_in_the_data_folder(
    qtbot, opened, documents, monkeypatch, tmp_path
):
    from thidua_desktop.ui import dialogs as ui_dialogs
    from thidua_desktop.ui import file_dialogs
    from thidua_desktop.ui.import_dialog import ImportDialog
    from thidua_desktop.ui.pages import documents as documents_page
    from thidua_desktop.ui.pages import upper as upper_page
    from thidua_desktop.ui.plan_package_dialog import PlanPackageDialog

    window, fake = opened, FileDialogs(monkeypatch)
    data = window.ctx.paths
    restore = ui_dialogs.RestoreDialog([], data.backups, window)
    qtbot.addWidget(restore)
    restore.choose_file()
    assert fake.last == documents, "another copy of the data is looked for in Documents, not in backups/"

    # the folder a copy was last taken from is where the next one is looked for; not once it is gone
    usb = tmp_path / "usb"
    usb.mkdir()
    fake.answer = str(usb / "thidua.sqlite")
    restore.choose_file()
    fake.answer = ""
    restore.choose_file()
    assert fake.last == usb
    usb.rmdir()
    restore.choose_file()
    assert fake.last == documents, "a folder that no longer exists is never offered"

    # each kind of file has its own last folder
    package = PlanPackageDialog(window.ctx, window)
    qtbot.addWidget(package)
    package.choose_file()
    assert fake.last == documents
    roster = ImportDialog(window.ctx, parent=window)
    qtbot.addWidget(roster)
    roster.choose_file()
    assert fake.last == documents

    # the Documents page offers its file in Documents, not beside the last produced document
    page = window.show_page(mw.PAGE_DOCUMENTS)
    page.kind.setCurrentIndex(page.kind.findData("registration"))
    page.format.setCurrentIndex(page.format.findData(".pdf"))
    page.export_button.click()
    assert fake.last == documents / "dang-ky-thi-dua-2021.pdf"
    # a start inside the data folder (its backups, its logs, itself) is never used
    for inside in (data.backups / "x.pdf", data.logs, data.root / "bao-cao.pdf"):
        documents_page.ask_save_path(window, "t", str(inside), "PDF (*.pdf)")
        assert fake.last.parent == documents or fake.last == documents, (inside, fake.last)
    # a bare name (the upper union's exports) lands in Documents, not in the program's working folder
    upper_page.ask_save_path(window, "t", "Excel (*.xlsx)", "tinh-hinh-nop-2021.xlsx")
    assert fake.last == documents / "tinh-hinh-nop-2021.xlsx"
    upper_page.ask_folder(window, "t")
    assert fake.last == documents
    # Documents missing: the home folder, which exists
    documents.rename(tmp_path / "gone")
    assert file_dialogs.start_folder(file_dialogs.EXPORT).is_dir()
    print("file dialogs opened on:", *fake.starts, sep="\n  ")


def test_default_file_names_are_valid_on_windows(qtbot, opened, documents, monkeypatch):
    from thidua_desktop.ui import file_dialogs
    from thidua_desktop.ui.pages import documents as documents_page

    fake = FileDialogs(monkeypatch)
    forbidden = set('<>:"/\\|?*')
    for name in ("Báo cáo 10:30 ngày 30/06.pdf", 'Danh sách "mới" <2021>?.xlsx', "CON.xlsx", "nhật ký|a*b.eml"):
        file_dialogs.save_file(opened, "t", "", kind=file_dialogs.EXPORT, name=name)
        offered = fake.last
        assert offered.parent == documents and not forbidden & set(offered.name), offered
        assert offered.stem.upper() != "CON"
    documents_page.ask_save_path(opened, "t", str(documents / "Biên bản 14:00.pdf"), "PDF (*.pdf)")
    assert fake.last == documents / "Biên bản 14_00.pdf"
    # the roster's export name carries a date: no ':' nor '/'
    page = opened.show_page(mw.PAGE_ROSTER)
    page.ask_export_path()
    assert fake.last.parent == documents and not forbidden & set(fake.last.name), fake.last


# --- Qt's own dialogs in Vietnamese ---------------------------------------------------------

# English words the brief names, which must never be left on a Vietnamese screen
NEVER = {
    "Print",
    "Cancel",
    "Options",
    "Properties",
    "Look in:",
    "File name:",
    "Basic colors",
    "Save",
    "Open",
    "Close",
    "Yes",
    "No",
    "Apply",
    "Reset",
    "Help",
    "Printer",
    "Copies",
    "Page Setup",
    "Select Color",
}
# texts made only of ASCII letters that are Vietnamese, names, units or numbers
ASCII_OK = {
    "OK",
    "In",
    "Cao",
    "Ngang",
    "Trang",
    "Lam",
    "HTML",
    "x",
    "Didot (DD)",
    "Cicero (CC)",
    "Point (pt)",
    "Pica (P̸)",
    "mm",
    "pt",
}


def _clean(text: str) -> str:
    text = text.split("\t")[0].replace("&", "")
    return text.strip().rstrip(":").removesuffix(">>").removesuffix("<<").strip().rstrip(":…. ")


def _visible_texts(dialog) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QTreeView,
        QWidget,
    )

    found = [("title", dialog.windowTitle())]
    for w in [dialog, *dialog.findChildren(QWidget)]:
        if w is not dialog and not w.isVisibleTo(dialog):
            continue
        if isinstance(w, QLabel):
            found.append(("label", w.text()))
        if isinstance(w, QAbstractButton):
            found.append(("button", w.text()))
        if isinstance(w, QGroupBox):
            found.append(("group", w.title()))
        if isinstance(w, QComboBox):
            found += [("combo", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            found += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QLineEdit) and w.placeholderText():
            found.append(("placeholder", w.placeholderText()))
        if isinstance(w, QTreeView) and w.model() is not None:
            found += [
                ("header", str(w.model().headerData(i, Qt.Orientation.Horizontal)))
                for i in range(w.model().columnCount())
            ]
        if w.toolTip():
            found.append(("tooltip", w.toolTip()))
    return [(k, t) for k, t in found if t]


def _english(texts, page_sizes) -> list[tuple[str, str]]:
    import re

    left = []
    for kind, text in texts:
        clean = _clean(text)
        if clean in NEVER or text in NEVER:
            left.append((kind, text))
        elif (
            re.search("[A-Za-z]{2,}", clean)
            and clean.isascii()
            and clean not in ASCII_OK
            and clean not in page_sizes
            and "/" not in clean
            and "\\" not in clean
        ):
            left.append((kind, text))
    return left


@pytest.fixture
def english_page_sizes(qapp):
    """Paper size names (A4, Letter / ANSI A, JIS B5…): names, not English to translate."""
    from PySide6.QtGui import QPageSize

    from thidua_desktop.ui import i18n

    language = i18n.current()
    i18n.remove()
    names = {QPageSize(QPageSize.PageSizeId(n)).name() for n in range(QPageSize.PageSizeId.LastPageSize.value + 1)}
    i18n.install(language)
    return names - {"Custom", "Postcard", "Double Postcard"} - {n for n in names if n.startswith("Envelope")}


def test_qt_own_dialogs_speak_vietnamese(qtbot, vietnamese, english_page_sizes):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
    from PySide6.QtWidgets import (
        QApplication,
        QCalendarWidget,
        QColorDialog,
        QDialogButtonBox,
        QFileDialog,
        QInputDialog,
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QProgressDialog,
        QPushButton,
        QTextEdit,
        QToolButton,
    )

    seen: dict[str, list[tuple[str, str]]] = {}

    def look(name, dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        seen[name] = _visible_texts(dialog)
        return dialog

    printer = QPrinter()
    printing = look("QPrintDialog", QPrintDialog(printer))
    options = next(b for b in printing.findChildren(QPushButton) if ">>" in b.text())
    options.click()
    look("QPrintDialog (options)", printing)

    def properties_shown():
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not printing:
            seen["QPrintPropertiesDialog"] = _visible_texts(modal)
            modal.reject()

    properties = printing.findChild(QPushButton, "properties")
    QTimer.singleShot(50, properties_shown)
    properties.click()
    look("QPageSetupDialog", QPageSetupDialog(printer))
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        files = QFileDialog(None, "x")
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        files.setAcceptMode(mode)
        look(f"QFileDialog ({mode.name})", files)
    colours = QColorDialog()
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    look("QColorDialog", colours)
    every = QDialogButtonBox.StandardButton.NoButton
    for button in QDialogButtonBox.StandardButton:
        every |= button
    box = QMessageBox()
    box.setText("x")
    box.setDetailedText("x")
    box.setStandardButtons(QMessageBox.StandardButton(every.value))
    look("QMessageBox", box)
    look("QDialogButtonBox", QDialogButtonBox(every))
    look("QInputDialog", QInputDialog())
    progress = QProgressDialog()
    progress.setLabelText("x")
    look("QProgressDialog", progress)
    calendar = look("QCalendarWidget", QCalendarWidget())
    seen["QCalendarWidget"] += [
        ("month", a.text()) for b in calendar.findChildren(QToolButton) if b.menu() for a in b.menu().actions()
    ]
    for editor in (QLineEdit, QTextEdit, QPlainTextEdit):
        field = editor()
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        seen[f"{editor.__name__} menu"] = [("menu", a.text()) for a in menu.actions() if a.text()]

    left = {name: _english(texts, english_page_sizes) for name, texts in seen.items()}
    left = {name: found for name, found in left.items() if found}
    for name, found in left.items():
        print(f"still English in {name}:", *found, sep="\n  ")
    assert "QPrintPropertiesDialog" in seen, "the printer properties were looked at"
    assert not left
    # the words of the brief, where they were
    texts = {name: {_clean(t) for _k, t in found} for name, found in seen.items()}
    assert {"In", "Hủy", "Tùy chọn"} <= texts["QPrintDialog"] | texts["QPrintDialog (options)"]
    assert {"Thuộc tính", "Máy in"} <= texts["QPrintDialog"]
    assert {"Tìm trong", "Tên tệp"} <= texts["QFileDialog (AcceptOpen)"]
    assert {"Chọn màu", "Màu cơ bản"} <= texts["QColorDialog"]
    assert {"Thiết lập trang", "Dọc", "Ngang", "Lề"} <= texts["QPageSetupDialog"]
    assert "Phong bì DL" in texts["QPageSetupDialog"] and "Tùy chỉnh" in texts["QPageSetupDialog"]
    assert {"Thuộc tính máy in", "Tùy chọn lệnh in"} <= texts["QPrintPropertiesDialog"]
