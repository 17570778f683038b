"""Issue 14, hostile text: control characters, escapes, bidi and zero-width characters refused at the
store and the importers and never printed raw; long cells in every document; no credentials in the
errors of an SMTP server that echoes the AUTH exchange (a real server on loopback)."""

from __future__ import annotations

import base64
import re
import shutil
import sqlite3
import subprocess
import unicodedata
import uuid
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from thidua_desktop.core import cleantext
from thidua_desktop.documents import pdf
from thidua_desktop.documents.layout import Column, Document, Header, Paragraph, Signature, Table
from thidua_desktop.store.errors import ValidationError
from thidua_desktop.store.models import OutboxMessage, Person
from tests.test_cli import SETUP, thidua
from tests.test_signing_fixtures import free_port

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

HOSTILE_NAME = "Nguyễn\x1b[31m Văn\u202e An\u200b\x07"


# --- the cleaning function ------------------------------------------------------------------------


def test_clean_removes_escapes_controls_bidi_and_zero_width_and_keeps_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert cleantext.clean(nfd) == "Nguyễn Thị Ánh" and unicodedata.is_normalized("NFC", cleantext.clean(nfd))
    assert cleantext.clean(HOSTILE_NAME) == "Nguyễn Văn An"
    assert cleantext.clean("a\x1b]0;tiêu đề\x07b\x1b(Bc\x9b2Jd") == "abcd"  # OSC, charset, 8-bit CSI
    for cp in [
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200E,
        0x200F,
        0x061C,
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        0x00,
        0x1F,
        0x7F,
        0x85,
        0x9F,
    ]:
        assert cleantext.clean(f"x{chr(cp)}y") in ("xy", "x y"), hex(cp)
    assert cleantext.clean("dòng 1\r\ndòng 2\tcột", multiline=True) == "dòng 1\ndòng 2\tcột"
    assert cleantext.clean("dòng 1\ndòng 2\tcột") == "dòng 1 dòng 2 cột"  # a single-line field
    text, kinds = cleantext.clean_report(HOSTILE_NAME)
    assert kinds == {"escape", "bidi", "zero_width", "control"}
    assert cleantext.describe(kinds) == (
        "chuỗi điều khiển màn hình (ESC), ký tự điều khiển, ký tự đảo chiều văn bản, ký tự không hiển thị"
    )
    assert cleantext.clean("Ông Đỗ Thị Ngọc Ánh — 95,5% (“x”)") == "Ông Đỗ Thị Ngọc Ánh — 95,5% (“x”)"


def test_terminal_safe_escapes_what_is_left_from_an_older_database():
    shown = cleantext.terminal_safe("An\x1b[31m\u202eB\u200bC\nD\tE")
    assert shown == "An\\x1b[31m\\u202eB\\u200bC\nD\tE" and "\x1b" not in shown
    assert cleantext.terminal_safe("Nguyễn Văn An") == "Nguyễn Văn An"


# --- the store --------------------------------------------------------------------------------------


def test_store_cleans_every_text_column_on_write(seeded_db):
    from thidua_desktop.services import roster
    from thidua_desktop.services.roster import PersonDetail

    person = roster.save_person(
        seeded_db,
        PersonDetail(
            "Nguyễn\x1b[31m Văn\u202e", "An\u200b", gender="M", position="Công\tnhân\nmay", note="dòng 1\x07\ndòng 2"
        ),
    )
    with seeded_db.reading() as session:
        row = session.get(Person, uuid.UUID(str(person.id)))
        assert (row.family_middle, row.given_name) == ("Nguyễn Văn", "An")
        assert row.position == "Công nhân may" and row.note == "dòng 1\ndòng 2"
    with seeded_db.transaction("sửa") as session:  # any path, not only the services
        session.get(Person, uuid.UUID(str(person.id))).department = "Phòng\u2066 Kế\u00a0toán\u2069\ufeff"
    with seeded_db.reading() as session:
        assert session.get(Person, uuid.UUID(str(person.id))).department == "Phòng Kế\u00a0toán"


def test_store_refuses_a_value_longer_than_its_field_naming_it(seeded_db):
    from thidua_desktop.services import roster
    from thidua_desktop.services.roster import PersonDetail

    with pytest.raises(ValidationError) as info:
        roster.save_person(seeded_db, PersonDetail("Nguyễn " * 100, "An"))
    assert info.value.message.startswith("Họ đệm dài 699 ký tự, quá mức tối đa 200 ký tự")
    with pytest.raises(ValidationError) as info:
        roster.save_person(seeded_db, PersonDetail("Nguyễn Văn", "An", note="x" * 10_001))
    assert "Ghi chú dài 10.001 ký tự, quá mức tối đa 10.000 ký tự" in info.value.message
    with seeded_db.reading() as session:
        assert session.query(Person).count() == 0  # nothing written


def test_an_older_long_value_does_not_block_other_edits(seeded_db, data_paths):
    from thidua_desktop.services import roster
    from thidua_desktop.services.roster import PersonDetail

    person = roster.save_person(seeded_db, PersonDetail("Nguyễn Văn", "An"))
    with sqlite3.connect(data_paths.database) as con:  # written by an older version
        con.execute(
            "UPDATE person SET family_middle = ? WHERE id = ?", ("Nguyễn " * 300, uuid.UUID(str(person.id)).hex)
        )
    with seeded_db.transaction("sửa") as session:
        session.get(Person, uuid.UUID(str(person.id))).phone = "0912 345 678"
    with seeded_db.reading() as session:
        assert session.get(Person, uuid.UUID(str(person.id))).phone == "0912 345 678"


# --- the importers ----------------------------------------------------------------------------------


def _roster_file(path: Path, names: list[str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Ghi chú"])
    for i, name in enumerate(names, 1):
        # Excel keeps control characters as _xHHHH_ escapes; calamine reads them back as the characters
        ws.append([i, name.replace("\x1b", "_x001B_").replace("\x07", "_x0007_"), "Nam", "ghi\u200bchú"])
    wb.save(path)
    return path


def test_roster_import_strips_and_reports_per_row(db, seeded_db, tmp_path):
    from thidua_desktop.services import roster_io

    path = _roster_file(tmp_path / "ds.xlsx", [HOSTILE_NAME, "Trần Thị Bình", "Lê " * 600 + "Văn Cường"])
    preview = roster_io.preview_file(seeded_db, path, today=date(2021, 3, 1))
    drafts = preview.preview.drafts
    assert drafts[0].full_name == "Nguyễn Văn An" and drafts[0].note == "ghichú"
    cleaned = [(p.row, p.message_vi) for p in preview.problems if p.message_vi.startswith("đã bỏ")]
    assert (
        2,
        "đã bỏ chuỗi điều khiển màn hình (ESC), ký tự điều khiển, ký tự đảo chiều văn bản, ký tự không "
        "hiển thị khỏi ô này",
    ) in cleaned
    assert {row for row, _ in cleaned} == {2, 3, 4}  # every row: the note column has a zero-width space
    assert preview.preview.counts["cleaned_rows"] == 3
    too_long = [p for p in preview.problems if p.severity == "error"]
    assert [(p.row, p.message_vi) for p in too_long] == [(4, "họ đệm dài 1.803 ký tự, quá mức tối đa 200 ký tự")]
    assert not preview.can_commit


def test_roster_import_cli_says_what_was_stripped(tmp_path):
    folder = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(folder), *SETUP).returncode == 0
    path = _roster_file(tmp_path / "ds.xlsx", [HOSTILE_NAME, "Trần Thị Bình"])
    done = thidua("--data-dir", str(folder), "members", "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "Lưu ý:" in done.stdout and "đã bỏ chuỗi điều khiển màn hình (ESC)" in done.stdout
    assert "Đã bỏ ký tự điều khiển, đảo chiều hoặc không hiển thị ở 2 dòng" in done.stdout
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    listed = thidua("--data-dir", str(folder), "members", "list").stdout
    assert "Nguyễn Văn An" in listed


def test_initiatives_import_strips_and_reports(seeded_db, tmp_path):
    from thidua_desktop.services import initiatives_io

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sáng kiến", "Tác giả", "Năm"])
    ws.append([1, "Cải tiến_x001B_[2J gá\u202e may", "Phạm Thị Hoa (100%)", 2021])
    ws.append([2, "Gá " * 1100, "Phạm Thị Hoa (100%)", 2021])
    wb.save(tmp_path / "sk.xlsx")
    preview = initiatives_io.preview_file(seeded_db, tmp_path / "sk.xlsx", default_year=2021)
    messages = [(p.row, p.severity, p.message_vi) for p in preview.problems]
    assert (2, "warning", "đã bỏ chuỗi điều khiển màn hình (ESC), ký tự đảo chiều văn bản khỏi ô này") in messages
    assert (3, "error", "dài 3.299 ký tự, quá mức tối đa 3.000 ký tự") in messages


# --- the command line -------------------------------------------------------------------------------


def test_cli_never_prints_stored_escapes_raw(tmp_path):
    folder = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(folder), *SETUP).returncode == 0
    assert thidua("--data-dir", str(folder), "members", "add", "Nguyễn Văn An").returncode == 0
    with sqlite3.connect(folder / "thidua.sqlite") as con:  # a value from before the cleaning existed
        con.execute("UPDATE person SET family_middle = ?", ("Nguyễn\x1b]0;bị chiếm\x07\x1b[31m Văn\u202e",))
    listed = thidua("--data-dir", str(folder), "members", "list")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout and "\u202e" not in listed.stdout
    assert "Nguyễn\\x1b]0;bị chiếm\\x07\\x1b[31m Văn\\u202e An" in listed.stdout


# --- long cells in the documents --------------------------------------------------------------------

_A = "Thảo Minh Châu Ngọc Bảo Hoàng Phương Trâm Quỳnh Đức Lâm Tùng Khánh Hải Yến Nhung Vân Sơn Tâm Hà".split()
_B = "an bê ca du en gi hô ia ke lu mơ nu ơi pa qu rô su tê uy vi".split()


def tokens(n_chars: int, seed: int) -> list[str]:
    """Distinct words of 4 to 10 letters, as many as make ``n_chars`` characters with their spaces."""
    out: list[str] = []
    i = seed * 8000
    while len(" ".join(out)) < n_chars:
        out.append(_A[i % 20] + _B[(i // 20) % 20] + _B[(i // 400) % 20])
        i += 1
    while len(" ".join(out)) > n_chars:
        out[-1] = out[-1][:-1]
    return out


def in_order(words: list[str], text: str) -> bool:
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFC", text))
    at = 0
    for word in words:
        found = flat.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return True


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


NAME = tokens(1500 - 5, 1)  # with the given name "Thảo": 1,500 characters
TITLE = tokens(3000, 2)
NOTE = tokens(10_000, 3)
SUMMARY = tokens(10_000, 4)
SECTION = tokens(10_000, 5)
ISSUED = date(2021, 12, 30)


@pytest.fixture(scope="module")
def long_documents(tmp_path_factory) -> dict[str, Path]:
    from thidua_desktop import paths as app_paths
    from thidua_desktop.services import demo, documents
    from thidua_desktop.store.database import Database

    root = tmp_path_factory.mktemp("long")
    data = app_paths.DataPaths(root / "data").ensure()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("THIDUA_TODAY", ISSUED.isoformat())
        demo.build_demo(data, current_cycle=False)
    with sqlite3.connect(data.database) as con:  # as an older version accepted them (no maximum)
        year_id = con.execute("SELECT id FROM emulation_year WHERE year = 2021").fetchone()[0]
        for level in ("upper", "own"):
            (pid,) = con.execute(
                "SELECT person_id FROM proposal WHERE year_id = ? AND level = ? AND person_id "
                "IS NOT NULL ORDER BY ordinal LIMIT 1",
                (year_id, level),
            ).fetchone()
            con.execute("UPDATE person SET family_middle = ?, given_name = 'Thảo' WHERE id = ?", (" ".join(NAME), pid))
            con.execute("UPDATE proposal SET summary = ? WHERE person_id = ?", (" ".join(SUMMARY), pid))
        con.execute(
            "UPDATE initiative SET title = ?, description = ? WHERE id = (SELECT id FROM initiative WHERE "
            "year = 2021 ORDER BY created_at LIMIT 1)",
            (" ".join(TITLE), " ".join(NOTE)),
        )
        con.execute("UPDATE review_meeting SET notes = ? WHERE year_id = ?", (" ".join(NOTE), year_id))
        con.execute(
            "UPDATE collective_registration SET signature_content = ? WHERE year_id = ?", (" ".join(NOTE), year_id)
        )
        con.execute("UPDATE individual_registration SET note = ? WHERE year_id = ?", ("", year_id))
        import json

        for rid, sections in con.execute("SELECT id, sections FROM report WHERE year_id = ?", (year_id,)).fetchall():
            parts = json.loads(sections)
            if parts:
                parts[0]["text"] = " ".join(SECTION)
            con.execute("UPDATE report SET sections = ? WHERE id = ?", (json.dumps(parts, ensure_ascii=False), rid))
    db = Database.open(data, actor="kiemthu")
    out = {}
    try:
        for kind in documents.KINDS:
            target = root / f"{kind}.pdf"
            documents.produce(db, data, kind, 2021, target, phase=1 if kind == "midyear-report" else None, on=ISSUED)
            out[kind] = target
            twin = target.with_suffix(".xlsx")  # and the Excel twin
            documents.produce(db, data, kind, 2021, twin, phase=1 if kind == "midyear-report" else None, on=ISSUED)
            out[f"{kind}.xlsx"] = twin
    finally:
        db.close()
    return out


@needs_poppler
def test_every_document_builds_with_a_long_name_title_and_note(long_documents):
    from thidua_desktop.services import documents

    assert {k for k in long_documents if not k.endswith(".xlsx")} == set(documents.KINDS)
    for kind in documents.KINDS:
        path = long_documents[kind]
        text = pdftext(path)
        assert text.count("\f") >= 2, kind  # read back, several pages
    for kind in ("registration", "proposals", "award-decision"):
        assert in_order([*NAME, "Thảo"], pdftext(long_documents[kind])), kind  # the whole name, in order
    assert in_order(TITLE, pdftext(long_documents["initiatives"]))
    assert in_order(SUMMARY, pdftext(long_documents["proposals"]))
    assert in_order(NOTE, pdftext(long_documents["registration"]))


@needs_poppler
def test_long_cells_stay_inside_the_page(long_documents):
    import pdfplumber

    for kind in ("registration", "proposals", "award-decision", "initiatives"):
        with pdfplumber.open(long_documents[kind]) as doc:
            for page in doc.pages:
                for ch in page.chars:
                    assert 0 <= ch["x0"] and ch["x1"] <= page.width + 0.5, (kind, page.page_number)
                    assert 0 <= ch["top"] and ch["bottom"] <= page.height + 0.5, (kind, page.page_number)


def _table_document(rows: list[list], *, kinds=None) -> Document:
    return Document(
        kind="test",
        header=Header(
            upper="LĐLĐ huyện Gia Viễn",
            issuer="CĐCS Công ty TNHH May Hoa Lư",
            number="Số: 01/BC-CĐCS",
            place_date="Gia Viễn, ngày 30 tháng 12 năm 2021",
        ),
        type_name="BÁO CÁO",
        subject="Danh sách kiểm thử",
        body=[
            Paragraph("Mở đầu."),
            Table(
                columns=[
                    Column("STT", 0.6, align="center", kind="number"),
                    Column("Họ và tên", 3),
                    Column("Ghi chú", 1.2),
                ],
                rows=rows,
                row_kinds=kinds,
                sheet="Danh sách",
            ),
            Paragraph("Kết thúc."),
        ],
        signatures=[Signature(("TM. BAN CHẤP HÀNH", "CHỦ TỊCH"), "Phạm Thị Hoa")],
        recipients=["- Như trên;", "- Lưu: VT."],
    )


@needs_poppler
def test_a_cell_longer_than_a_page_is_split_over_pages(tmp_path):
    note = tokens(10_000, 6)
    rows = [[1, "Nguyễn Văn An", "ngắn"], [2, " ".join(NAME) + " Thảo", " ".join(note)], [3, "Lê Thị Bình", "x"]]
    target = tmp_path / "dai.pdf"
    pdf.write_pdf(_table_document(rows), target)
    text = pdftext(target)
    assert text.count("\f") >= 5
    assert in_order(["NguyễnVănAn", *NAME, "Thảo", "LêThịBình", "Kếtthúc.", "PhạmThịHoa"], text)
    assert in_order(note, text)
    one_word = "X" * 20_000  # no space to break at: cut inside the word
    pdf.write_pdf(_table_document([[1, one_word, ""]]), target)
    assert re.sub(r"\s", "", pdftext(target)).count("X") >= 20_000


def test_a_long_group_row_is_split_too(tmp_path):
    group = " ".join(tokens(8000, 7))
    doc = _table_document([[group], [1, "Nguyễn Văn An", ""]], kinds=["group", "normal"])
    pdf.write_pdf(doc, tmp_path / "nhom.pdf")
    assert (tmp_path / "nhom.pdf").stat().st_size > 0


def test_short_tables_are_laid_out_as_before():
    """Rows shorter than half a page are never cut (the golden pages stay as they are)."""
    from thidua_desktop.documents.pdf import _PagedTable, _Styles, _TableLayout

    width, _ = pdf.frame_widths()
    layout = _TableLayout(
        Table(columns=[Column("Họ và tên", 3), Column("Ghi chú", 1)], rows=[["Nguyễn Văn An", "dòng " * 60]] * 40),
        width,
        _Styles(),
    )
    table = _PagedTable(layout)
    stop, _used = table._fitting(300)
    assert len(layout.rows) == 40 and not layout.continued and 0 < stop < 40


# --- the echoing SMTP server --------------------------------------------------------------------------

USER = "cdcs.maylhoalu@example.vn"
PASSWORD = "Mật-khẩu-Bí-mật-2021"
ASCII_PASSWORD = "S3cret-Passw0rd!"


class EchoingServer:
    """aiosmtpd on loopback whose AUTH refusal echoes what the client sent (as some servers do)."""

    def __init__(self, mechanisms: tuple[str, ...]) -> None:
        self.port = free_port()
        self.mechanisms = mechanisms
        self._controller = None

    def start(self) -> "EchoingServer":
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        class Handler:
            async def auth_PLAIN(self, server, args):  # noqa: N802 - the name aiosmtpd looks for
                blob = args[1] if len(args) > 1 else ""
                try:
                    plain = base64.b64decode(blob).replace(b"\0", b" ").decode("utf-8", "replace")
                except ValueError:
                    plain = ""
                await server.push(f"535 5.7.8 Authentication failed: AUTH PLAIN {blob} ({plain.strip()})")
                return AuthResult(success=False, handled=True)

            async def auth_LOGIN(self, server, args):  # noqa: N802 - the name aiosmtpd looks for
                login = (
                    args[1] if len(args) > 1 else base64.b64encode(await server.challenge_auth("Username:")).decode()
                )
                password = await server.challenge_auth("Password:")
                echoed = base64.b64encode(password).decode()
                await server.push(
                    f"535 5.7.8 Bad credentials: AUTH LOGIN {login} {echoed} "
                    f"user={base64.b64decode(login).decode()} pass={password.decode()}"
                )
                return AuthResult(success=False, handled=True)

        exclude = [m for m in ("PLAIN", "LOGIN") if m not in self.mechanisms]
        self._controller = Controller(
            Handler(), hostname="127.0.0.1", port=self.port, auth_require_tls=False, auth_exclude_mechanism=exclude
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()

    def settings(self, password: str):
        from thidua_desktop.sending.smtp import SmtpSettings

        return SmtpSettings(
            host="127.0.0.1", port=self.port, user=USER, security="plain", from_addr=USER, timeout=5
        ).with_password(password)


def _forms(password: str) -> list[str]:
    u, p = USER.encode(), password.encode()
    b64 = [base64.b64encode(x).decode() for x in (b"\0" + u + b"\0" + p, u, p)]
    return [USER, password, *b64, *(f.rstrip("=") for f in b64)]


def _queued(db, data_paths, tmp_path):
    from thidua_desktop.services import outbox_queue as outbox

    attachment = tmp_path / "bao-cao.pdf"
    attachment.write_bytes(b"%PDF-1.4\n")
    return outbox.queue_message(db, data_paths, "ldld.giavien@example.vn", "Báo cáo", "Kính gửi", [attachment])


@pytest.mark.parametrize(
    ("mechanisms", "password"),
    [
        (("PLAIN",), PASSWORD),
        (("PLAIN",), ASCII_PASSWORD),
        (("LOGIN",), ASCII_PASSWORD),
        (("PLAIN", "LOGIN"), ASCII_PASSWORD),
    ],
)
def test_an_echoing_server_leaks_no_credentials(db, data_paths, tmp_path, mechanisms, password):
    from thidua_desktop.services import outbox_queue as outbox

    server = EchoingServer(mechanisms).start()
    try:
        msg_id = _queued(db, data_paths, tmp_path).id
        report = outbox.send_pending(db, data_paths, server.settings(password), force=True)
    finally:
        server.stop()
    with db.reading() as session:
        stored = session.get(OutboxMessage, msg_id).last_error
    shown = [e.last_error for e in outbox.list_messages(db)] + report.errors
    assert "từ chối đăng nhập" in stored and "535" in stored and "***" in stored
    for text in [stored, *shown]:
        for form in _forms(password):
            assert form not in text, (form, text)
    for log in data_paths.logs.glob("*"):
        content = log.read_text(encoding="utf-8", errors="replace")
        assert not any(form in content for form in _forms(password))


def test_errors_stored_by_an_older_version_are_scrubbed_at_the_next_sending(db, data_paths, tmp_path):
    from thidua_desktop.services import outbox_queue as outbox

    msg_id = _queued(db, data_paths, tmp_path).id
    leak = base64.b64encode(b"\0" + USER.encode() + b"\0" + ASCII_PASSWORD.encode()).decode()
    with db.transaction("cũ") as session:
        session.get(OutboxMessage, msg_id).last_error = f"535 AUTH PLAIN {leak}"
    server = EchoingServer(("PLAIN",)).start()
    try:
        outbox.send_pending(db, data_paths, server.settings(ASCII_PASSWORD), force=True)
    finally:
        server.stop()
    with db.reading() as session:
        assert leak not in session.get(OutboxMessage, msg_id).last_error


def test_scrub_credentials_every_form():
    from thidua_desktop.sending.smtp import scrub_credentials, scrub_known

    u, p = USER.encode(), PASSWORD.encode()
    texts = [
        PASSWORD,
        USER,
        base64.b64encode(b"\0" + u + b"\0" + p).decode(),
        base64.b64encode(u + b"\0" + u + b"\0" + p).decode(),
        base64.b64encode(p).decode(),
        base64.b64encode(u).decode().rstrip("="),
        base64.b64encode(b"\0" + u + b"\0" + p).decode()[:-4],
    ]
    for text in texts:
        cleaned = scrub_credentials(f"535 lỗi {text} hết", USER, PASSWORD)
        assert cleaned == "535 lỗi *** hết", (text, cleaned)
    assert scrub_credentials("535 sai mật khẩu ab", "", "ab") == "535 sai mật khẩu ***"
    assert scrub_credentials("abc tab", "", "ab") == "abc tab"  # a short secret only as a whole word
    from thidua_desktop.sending.smtp import remember

    remember(USER, PASSWORD)
    assert scrub_known(f"Traceback … {PASSWORD} {texts[2]}") == "Traceback … *** ***"


def test_crash_log_holds_no_credentials(tmp_path):
    from thidua_desktop.sending.smtp import remember
    from thidua_desktop.ui import excepthook

    remember(USER, ASCII_PASSWORD)
    blob = base64.b64encode(b"\0" + USER.encode() + b"\0" + ASCII_PASSWORD.encode()).decode()
    log = tmp_path / "logs" / "crash.log"
    try:
        raise RuntimeError(f"smtp said 535 {blob} for {ASCII_PASSWORD}")
    except RuntimeError as exc:
        excepthook.write_log(excepthook.format_report(type(exc), exc, exc.__traceback__), log)
    content = log.read_text(encoding="utf-8")
    assert blob not in content and ASCII_PASSWORD not in content and "smtp said 535 ***" in content


@needs_poppler
def test_long_heading_subject_signer_recipients_and_annex_title_never_stop_a_document(tmp_path):
    from thidua_desktop.documents.layout import Annex

    name = " ".join(NAME) + " Thảo"
    subject = tokens(3000, 8)
    doc = Document(
        kind="test",
        header=Header(
            upper=name, issuer=name, number="Số: 01/BC-CĐCS", place_date="Gia Viễn, ngày 30 tháng 12 năm 2021"
        ),
        type_name="BÁO CÁO",
        subject=" ".join(subject),
        recipient=name,
        body=[Paragraph(" ".join(NOTE))],
        signatures=[Signature(("TM. BAN CHẤP HÀNH", name), name), Signature(("NGƯỜI LẬP",), name)],
        recipients=[name] * 40,
        annexes=[Annex(title=" ".join(TITLE), blocks=[Paragraph("Phụ lục.")])],
    )
    target = tmp_path / "dai.pdf"
    pdf.write_pdf(doc, target)
    text = pdftext(target)
    assert in_order(subject, text) and in_order(TITLE, text) and in_order(NOTE, text)  # whole, over pages
    first = text.split("\f")[0]
    assert "…" in first  # the heading is shortened to four lines a part
    assert text.count("Phụlục.") or "Phụ lục." in text


def test_hostile_characters_from_an_older_database_never_reach_a_document(tmp_path):
    import zipfile

    from thidua_desktop.documents import workbook

    rows = [[1, "Nguyễn\x1b[31m Văn\u202e An\u200b", "ghi\x07chú\ndòng 2"]]
    doc = _table_document(rows)
    pdf.write_pdf(doc, tmp_path / "a.pdf")
    workbook.write_workbook(doc, None, tmp_path / "a.xlsx")
    if shutil.which("pdftotext"):
        text = pdftext(tmp_path / "a.pdf")
        assert "Nguyễn Văn An" in text and "\x1b" not in text and "\u202e" not in text
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert "Nguyễn Văn An" in strings and "_x001B_" not in strings and "\u202e" not in strings


def test_an_echoed_auth_exchange_is_hidden_without_knowing_the_credentials():
    from thidua_desktop.sending.smtp import scrub_auth_echo

    blob = base64.b64encode(b"\0ai.do@example.vn\0mat-khau-khac").decode()
    assert scrub_auth_echo(f"535 5.7.8 AUTH PLAIN {blob} rejected") == "535 5.7.8 AUTH PLAIN *** rejected"
    assert scrub_auth_echo(f"535 failed for {blob}.") == "535 failed for ***."
    login = base64.b64encode(b"ai.do@example.vn").decode()
    assert scrub_auth_echo(f"535 AUTH LOGIN {login} bWF0LWtoYXU=") == "535 AUTH LOGIN ***"
    assert scrub_auth_echo("550 5.1.1 Không có hộp thư ldld@example.vn") == "550 5.1.1 Không có hộp thư ldld@example.vn"


def test_a_subject_or_sender_name_with_line_breaks_and_escapes_makes_one_clean_header():
    from thidua_desktop.sending.message import build_message

    msg = build_message(
        from_addr=USER,
        from_name="CĐCS\x1b[31m May\nHoa Lư",
        to=["ldld@example.vn"],
        subject="Báo cáo\r\nBcc: ke-gian@example.vn\u202e",
        body="Kính gửi",
        attachments=[],
    )
    assert msg["Subject"] == "Báo cáo Bcc: ke-gian@example.vn" and msg["Bcc"] is None
    assert "CĐCS May Hoa Lư" in str(msg["From"])


def test_report_sections_are_cleaned_and_have_a_maximum(seeded_db):
    from thidua_desktop.services import reports
    from thidua_desktop.store.models import Report

    info = reports.draft_report(seeded_db, 2021, "midyear", today=date(2021, 7, 1))
    key = info.sections[0].key if hasattr(info.sections[0], "key") else info.sections[0]["key"]
    reports.update_section(seeded_db, info.id, key, "Kết quả\x1b[2J đạt\u202e tốt\n\ndòng hai\u200b")
    with seeded_db.reading() as session:
        text = next(s["text"] for s in session.get(Report, uuid.UUID(str(info.id))).sections if s["key"] == key)
    assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text and "Kết quả đạt tốt" in text
    with pytest.raises(ValidationError) as refused, seeded_db.transaction("sửa") as session:
        report = session.get(Report, uuid.UUID(str(info.id)))  # any path: the store refuses it too
        sections = [dict(s) for s in report.sections]
        sections[0]["text"] = "x" * 100_001
        report.sections = sections
    assert "Nội dung một mục của báo cáo dài 100.001 ký tự, quá mức tối đa 100.000 ký tự" in refused.value.message
    with seeded_db.reading() as session:
        kept = session.get(Report, uuid.UUID(str(info.id))).sections[0]["text"]
    assert len(kept) < 100_001


def test_cli_refuses_a_too_long_name_in_vietnamese(tmp_path):
    folder = tmp_path / "du-lieu"
    assert thidua("--data-dir", str(folder), *SETUP).returncode == 0
    refused = thidua("--data-dir", str(folder), "members", "add", "Nguyễn " * 250 + "An")
    assert refused.returncode == 1, refused.stderr
    assert "Họ đệm dài 1.749 ký tự, quá mức tối đa 200 ký tự" in refused.stderr and "Traceback" not in refused.stderr


def test_every_excel_twin_keeps_the_long_values_whole(long_documents):
    from thidua_desktop.services import documents

    wanted = {"registration": " ".join(NAME) + " Thảo", "initiatives": " ".join(TITLE), "proposals": " ".join(SUMMARY)}
    for kind in documents.KINDS:
        book = openpyxl.load_workbook(long_documents[f"{kind}.xlsx"], read_only=True)
        cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
        book.close()
        assert cells, kind
        if kind in wanted:
            assert any(wanted[kind] in c for c in cells), kind
