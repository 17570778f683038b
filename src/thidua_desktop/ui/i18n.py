"""Translations: English source text in the code, Vietnamese (the default) from Qt .qm files.

- ``translations/thidua_vi.qm`` holds the application's own strings (``self.tr`` /
  ``QCoreApplication.translate`` in this package, extracted by ``tools/i18n.py``);
- Qt's own widgets (standard buttons, the wizard's buttons, context menus) are translated by
  ``qtbase_vi.qm``: Qt ships none for Vietnamese, so ``translations/qtbase_vi.ts`` is ours.
  A Qt build that does ship one (``QLibraryInfo`` translations folder) is preferred.

The language is chosen at start-up (``--lang`` or the stored choice) and changed from the
menu, which applies it on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from thidua_desktop import paths as app_paths

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    return app_paths.translations_dir()


def _qt_translation(name: str) -> Path | None:
    """Qt's own ``name.qm`` when the Qt build ships it, else ours."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for candidate in (qt_dir / f"{name}.qm", translations_dir() / f"{name}.qm"):
        if candidate.is_file():
            return candidate
    return None


def install(language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); return the language used."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    remove()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        for path in (_qt_translation("qtbase_vi"), translations_dir() / "thidua_vi.qm"):
            if path is None or not path.is_file():
                continue
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _current = language
    return language


def remove() -> None:
    global _current
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    _current = "en"


def current() -> str:
    return _current


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
