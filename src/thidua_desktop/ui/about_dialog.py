"""Help › About: the version, the data folder (with a button that opens it), the Python and Qt
versions, the licences of the bundled fonts and libraries (read from the packages' metadata by
:mod:`thidua_desktop.about`), and, in tabs of their own, the program's licence text whole
(``LICENSE``) and the bundle's third-party licence texts (``THIRD-PARTY-LICENSES.txt``) when they
are beside the program."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from thidua_desktop import __version__, about
from thidua_desktop.ui.widgets import screen_fit
from thidua_desktop.ui.widgets.table import STORED_ORDER, Column, RowsModel, make_table


def _open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (file manager, text viewer); tests replace it."""
    return QDesktopServices.openUrl(url)


def _text_view(text: str) -> QPlainTextEdit:
    """A licence text, whole, read-only, scrolling."""
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return view


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.data_folder = data_folder

        heading = QLabel(self.tr("Emulation manager {version}").format(version=__version__))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = _selectable(
            self.tr(
                "Runs the yearly emulation movement of a grassroots trade union: plan, roster, registration, "
                "initiatives, reports."
            )
        )

        self.folder_label = _selectable(str(data_folder))
        self.folder_button = QPushButton(self.tr("Open the folder"))
        self.folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        self.versions_label = _selectable(
            self.tr("Python {python}, Qt {qt} (PySide6 {pyside})").format(
                python=about.python_version(), qt=qVersion(), pyside=pyside_version
            )
        )
        self.licence_label = _selectable(
            self.tr("{licence} — free to use, copy and change. {copyright}").format(
                licence=about.PROGRAM_LICENCE, copyright=about.copyright_line()
            )
        )
        self.licence_button = QPushButton(self.tr("Read the licence"))
        self.licence_button.clicked.connect(self.show_own_licence)
        licence_row = QHBoxLayout()
        licence_row.addWidget(self.licence_label, 1)
        licence_row.addWidget(self.licence_button)
        form = QFormLayout()
        form.addRow(self.tr("Data folder:"), folder_row)
        form.addRow(self.tr("Runs on:"), self.versions_label)
        form.addRow(self.tr("Licence:"), licence_row)

        self.rows = self._components()
        self.model = RowsModel(
            [
                Column(self.tr("Component"), lambda r: r[0], sort_key=STORED_ORDER, width=190),
                Column(self.tr("Version"), lambda r: r[1], width=80),
                Column(self.tr("Licence"), lambda r: r[2], width=260),
                Column(self.tr("Used for"), lambda r: r[3]),
            ],
            self,
        )
        self.model.set_rows(self.rows)
        self.table = make_table(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        self.table.setMinimumSize(760, 300)

        self.licence_text = _text_view(about.own_licence_text())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Bundled fonts and libraries"))
        self.tabs.addTab(self.licence_text, self.tr("Licence of the program"))
        self.third_party_text: QPlainTextEdit | None = None

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.licences_file = about.third_party_file()
        self.licences_button = self.buttons.addButton(self.tr("Licence texts"), QDialogButtonBox.ButtonRole.ActionRole)
        self.licences_button.clicked.connect(self.open_licence_texts)
        self.licences_button.setVisible(self.licences_file is not None)
        if self.licences_file is not None:
            self.third_party_text = _text_view(self.licences_file.read_text(encoding="utf-8", errors="replace"))
            self.tabs.addTab(self.third_party_text, self.tr("Licences of the components"))

        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Bundled fonts and libraries, with their licences:")))
        box.addWidget(self.tabs, 1)
        box.addWidget(self.buttons)
        screen_fit.fit_dialog(self)

    def _roles(self) -> dict[str, str]:
        return {
            "PySide6-Essentials": self.tr("Qt 6 user interface"),
            "SQLAlchemy": self.tr("database"),
            "alembic": self.tr("database upgrades"),
            "openpyxl": self.tr("reading fonts and hidden rows of Excel files"),
            "reportlab": self.tr("PDF documents"),
            "platformdirs": self.tr("the per-user data folder"),
            "python-calamine": self.tr("reading spreadsheets"),
            "xlrd": self.tr("reading old .xls files"),
            "XlsxWriter": self.tr("writing Excel workbooks"),
            "pyHanko": self.tr("PDF digital signatures"),
            "python-pkcs11": self.tr("USB tokens (PKCS#11)"),
            "cryptography": self.tr("keys and certificates"),
            "rl-accel": self.tr("faster PDF writing"),
            "pypdfium2": self.tr("print preview"),
        }

    def _components(self) -> list[tuple[str, str, str, str]]:
        roles = self._roles()
        rows = [("Python", about.python_version(), "PSF-2.0", self.tr("the programming language"))]
        rows += [(c.name, c.version, c.licence, roles.get(c.name, "")) for c in about.libraries()]
        rows += [(c.name, "", c.licence, self.tr("font of the documents and signatures")) for c, _path in about.fonts()]
        return rows

    def open_data_folder(self) -> None:
        _open_url(QUrl.fromLocalFile(str(self.data_folder)))

    def show_own_licence(self) -> None:
        """The tab holding the program's licence text (LICENSE, MIT) whole."""
        self.tabs.setCurrentWidget(self.licence_text)

    def open_licence_texts(self) -> None:
        if self.licences_file is not None:
            _open_url(QUrl.fromLocalFile(str(self.licences_file)))
