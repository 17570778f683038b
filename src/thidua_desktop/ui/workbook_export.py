"""Export a page's list to an Excel workbook: ask where, write it on the worker, offer to open it.

The roster and the register of initiatives go the same way: a save dialog in the documents folder
(``.xlsx`` added when the name lacks it), a busy dialog while the worker writes, then the page's
saved line and a question whether to open the file; a refusal (``UserError``) or a file that could
not be written is said in Vietnamese under the page's title, anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from thidua_desktop.core import vntext
from thidua_desktop.ui import file_dialogs, messages


def ask_xlsx_path(parent: QWidget, title: str, suggested_name: str) -> Path | None:
    """Where to save the workbook (None: cancelled); offered in Documents or the folder last used."""
    chosen = file_dialogs.save_file(
        parent,
        title,
        QCoreApplication.translate("WorkbookExport", "Excel workbooks (*.xlsx)"),
        kind=file_dialogs.EXPORT,
        name=suggested_name,
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def export_workbook(
    page, path: Path, job: Callable[..., int], *args: Any, saved: str, question: str, failed_title: str
) -> None:
    """Run ``job(*args)`` (it writes ``path`` and returns how many rows) on the page's worker.

    ``saved`` (with ``{count}`` and ``{file}``) goes on ``page.saved``, ``question`` (with ``{count}``)
    asks whether to open the file; ``failed_title`` heads the error message.
    """
    progress = messages.progress(
        page, QCoreApplication.translate("WorkbookExport", "Writing {file}…").format(file=path.name)
    )

    def done(count: int) -> None:
        progress.close()
        number = vntext.format_number(count)
        page.saved.show_message(saved.format(count=number, file=path))
        choice = messages.choose(
            page,
            question.format(count=number),
            [
                ("open", QCoreApplication.translate("WorkbookExport", "Open the file")),
                ("close", QCoreApplication.translate("WorkbookExport", "Close")),
            ],
            informative=str(path),
        )
        if choice == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(exc: BaseException) -> None:
        from thidua_desktop.errors import UserError

        progress.close()
        if isinstance(exc, UserError):
            messages.error(page, exc.message, title=failed_title)
        elif isinstance(exc, OSError):
            messages.error(
                page,
                QCoreApplication.translate("WorkbookExport", "The file {file} could not be written: {reason}").format(
                    file=path, reason=exc.strerror or str(exc)
                ),
                title=failed_title,
            )
        else:
            raise exc

    page.ctx.tasks.run(job, *args, on_done=done, on_error=failed, owner=page)
