"""The Sáng kiến page (journey step 4): the register with its filters and search, the initiative
dialog (authors and shares, benefit in words, recognition, attachments), the Bằng Lao động
sáng tạo candidates, the person's initiatives, the link from a CSTĐCS registration, Excel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.sheets import write_xlsx
from tests.ui_helpers import (  # noqa: F401 - fixtures
    dialogs,
    make_window,
    today,
    type_text,
    ui_settings,
    vietnamese,
)
from thidua_desktop.core.initiatives import AuthorDraft, InitiativeDraft
from thidua_desktop.services import initiatives, registration, roster
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.ui import initiative_dialog
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.initiative_dialog import InitiativeDialog
from thidua_desktop.ui.initiatives_import import InitiativesImportDialog

TODAY = date(2021, 6, 30)
COUNCIL = "Hội đồng sáng kiến Công ty TNHH May Hoa Lư"


@pytest.fixture
def people(seeded_db):
    group = roster.save_group(seeded_db, GroupInfo("Tổ may 1"))
    made = {}
    for key, fm, given, position, education in [
        ("hoa", "Phạm Thị", "Hoa", "Tổ trưởng", ""),
        ("tung", "Đinh Văn", "Tùng", "Kỹ thuật viên", "Kỹ sư cơ khí"),
        ("lan", "Lê Thị", "Lan", "Công nhân may", ""),
    ]:
        made[key] = roster.save_person(
            seeded_db, PersonDetail(fm, given, gender="F", group_id=group.id, position=position, education=education)
        ).id
    return made


def draft(title, authors, *, year=2021, benefit=None, status="registered", field="Công nghệ may", **extra):
    recognised = status == "recognised"
    return InitiativeDraft(
        title=title,
        year=year,
        phase_number=1,
        field=field,
        economic_benefit=Decimal(benefit) if benefit else None,
        first_applied_on=date(year, 3, 1) if status != "registered" else None,
        status=status,
        recognition_level="co_so" if recognised else None,
        decision_number="05/QĐ-HL" if recognised else "",
        decision_date=date(year, 5, 20) if recognised else None,
        decision_issuer=COUNCIL if recognised else "",
        refusal_reason="Chưa có tính mới." if status == "refused" else "",
        authors=[AuthorDraft(Decimal(s), person_id=p) for p, s in authors],
        **extra,
    )


@pytest.fixture
def register(seeded_db, people):
    hoa, tung, lan = people["hoa"], people["tung"], people["lan"]
    ids = {}
    for key, d in {
        "ga": draft(
            "Cải tiến gá may túi",
            [(hoa, 60), (tung, 40)],
            benefit=84_000_000,
            status="recognised",
            tags=["Chương trình 1 triệu sáng kiến"],
        ),
        "kanban": draft(
            "Bảng Kanban cho tổ hoàn thiện", [(lan, 100)], benefit=6_000_000, status="refused", field="Quản lý sản xuất"
        ),
        "cat": draft(
            "Máy cắt vòng thay dao nhanh", [(tung, 100)], year=2020, benefit=31_000_000, status="applying", field="Cắt"
        ),
    }.items():
        ids[key] = initiatives.save_initiative(seeded_db, d, today=TODAY).id
    return ids


@pytest.fixture
def window(qtbot, seeded_db, people, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def column(model, n: int) -> list[str]:
    return [model.data(model.index(r, n)) for r in range(model.rowCount())]


def titles(page) -> list[str]:
    return [r.title for r in page.model.shown_rows()]


def open_initiative(page, title: str) -> InitiativeDialog:
    page.clear_filters()
    assert page.select_initiative(next(r.id for r in page.model.shown_rows() if r.title == title))
    page.view.doubleClicked.emit(page.model.index(page.view.currentIndex().row(), 0))
    dialog = page.dialog
    assert isinstance(dialog, InitiativeDialog) and dialog.isVisible()
    return dialog


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def pick(dialog: InitiativeDialog, query: str) -> None:
    type_text(dialog.picker.search, query)
    assert dialog.picker.results.count() >= 1, f"nobody found for {query!r}"
    dialog.add_person_button.click()


# --- the register ---------------------------------------------------------------------------


def test_register_lists_filters_searches_and_totals(qtbot, window, register, people):
    page = window.show_page(mw.PAGE_INITIATIVES)
    assert page.title.text() == "Sáng kiến năm 2021"
    assert page.tabs.tabText(0) == "Sổ sáng kiến"
    assert page.year_filter.currentText() == "2021", "the year of the window is shown first"
    assert titles(page) == ["Cải tiến gá may túi", "Bảng Kanban cho tổ hoàn thiện"]
    assert page.count.text() == "Hiển thị 2 / 3 sáng kiến"
    headers = [page.model.headerData(n, Qt.Orientation.Horizontal) for n in range(page.model.columnCount())]
    assert headers == [
        "Năm",
        "Đợt",
        "Tên sáng kiến",
        "Tác giả",
        "Lĩnh vực",
        "Giá trị làm lợi (đồng)",
        "Trạng thái",
        "Cấp",
        "Quyết định",
        "Chương trình",
    ]
    first = [page.model.data(page.model.index(0, n)) for n in range(page.model.columnCount())]
    assert first == [
        "2021",
        "1",
        "Cải tiến gá may túi",
        "Phạm Thị Hoa, Đinh Văn Tùng",
        "Công nghệ may",
        "84.000.000",
        "Được công nhận",
        "Cơ sở",
        "05/QĐ-HL ngày 20/05/2021",
        "Chương trình 1 triệu sáng kiến",
    ]
    totals = page.totals.text()
    assert "<b>2</b> sáng kiến" in totals and "Được công nhận: <b>1</b> (Cơ sở 1)" in totals
    assert "Không công nhận: <b>1</b>" in totals
    assert "Tổng giá trị làm lợi: <b>90.000.000 đồng</b>" in totals
    assert "của sáng kiến được công nhận: <b>84.000.000 đồng</b>" in totals

    page.year_filter.select_code(None)
    assert len(titles(page)) == 3 and page.count.text() == "Hiển thị 3 / 3 sáng kiến"
    type_text(page.search, "ga may")
    assert titles(page) == ["Cải tiến gá may túi"], "no accents needed"
    page.search.clear()
    type_text(page.search, "Tùng")
    assert set(titles(page)) == {"Cải tiến gá may túi", "Máy cắt vòng thay dao nhanh"}, "authors are searched"
    page.search.clear()
    assert [page.author_filter.itemText(n) for n in range(page.author_filter.count())] == [
        "Mọi tác giả",
        "Phạm Thị Hoa",
        "Lê Thị Lan",
        "Đinh Văn Tùng",
    ], "Vietnamese order: tên, then họ đệm"
    page.author_filter.select_code(people["lan"])
    assert titles(page) == ["Bảng Kanban cho tổ hoàn thiện"]
    page.clear_filters()
    page.status_filter.select_code("applying")
    assert (
        titles(page) == ["Máy cắt vòng thay dao nhanh"]
        and "Tổng giá trị làm lợi: <b>31.000.000 đồng</b>" in page.totals.text()
    )
    page.clear_filters()
    page.level_filter.select_code("co_so")
    assert titles(page) == ["Cải tiến gá may túi"]
    page.clear_filters()
    page.field_filter.select_code("Cắt")
    assert titles(page) == ["Máy cắt vòng thay dao nhanh"]
    page.clear_filters()
    page.tag_filter.select_code("Chương trình 1 triệu sáng kiến")
    assert titles(page) == ["Cải tiến gá may túi"]
    type_text(page.search, "kanban")
    assert titles(page) == [] and page.totals.text() == "Không có sáng kiến nào được hiển thị."
    page.clear_filters()
    page.phase_filter.select_code(1)
    assert len(titles(page)) == 3
    page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert column(page.model, 5) == ["84.000.000", "31.000.000", "6.000.000"], "money sorts as numbers"


def test_search_keeps_rows_in_memory(qtbot, window, register, monkeypatch):
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.year_filter.select_code(None)
    calls = []
    monkeypatch.setattr(initiatives, "list_initiatives", lambda *a, **k: calls.append(a) or [])
    type_text(page.search, "cai tien")
    assert titles(page) == ["Cải tiến gá may túi"]
    assert calls == [], "typing never reads the database"


# --- the dialog -----------------------------------------------------------------------------


def test_add_an_initiative_with_two_authors_and_its_benefit(qtbot, window, people):
    page = window.show_page(mw.PAGE_INITIATIVES)
    assert page.empty.isVisibleTo(page)
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, InitiativeDialog) and dialog.windowTitle() == "Thêm sáng kiến"
    assert dialog.year.value() == 2021
    assert dialog.phase.itemText(0) == "—" and dialog.phase.code() is None, "no phase unless chosen"
    type_text(dialog.title_edit, "Cải tiến gá may túi")
    type_text(dialog.field_edit, "Công nghệ may")
    dialog.phase.setCurrentIndex(1)
    dialog.first_applied.setText("15/03/2021")

    pick(dialog, "pham thi hoa")
    assert [line.display_name for line in dialog.author_lines] == ["Phạm Thị Hoa"]
    assert dialog.author_lines[0].share.value() == 100, "the first author starts with everything"
    assert dialog.total.text() == "Tổng: 100%" and dialog.share_total_ok()
    pick(dialog, "dinh van tung")
    tung = dialog.author_lines[1]
    assert tung.category.code() == "university", "Kỹ sư: the category the roster suggests"
    assert dialog.author_lines[0].category.code() == "worker"

    dialog.author_lines[0].share.setValue(50)
    tung.share.setValue(30)
    assert dialog.total.text() == "Tổng: 80% — tổng tỷ lệ phải bằng 100%"
    assert "#a61b1b" in dialog.total.styleSheet(), "a wrong total is red"
    assert not dialog.share_total_ok()
    save(dialog)
    assert dialog.isVisible(), "a refused initiative keeps the dialog open"
    assert "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 80%)" in dialog.error.text()
    assert initiatives.list_initiatives(window.ctx.db) == [], "nothing saved"

    dialog.author_lines[0].share.setValue(60)
    tung.share.setValue(40)
    assert dialog.total.text() == "Tổng: 100%" and "#1e6b3a" in dialog.total.styleSheet()
    dialog.tabs.setCurrentIndex(1)
    type_text(dialog.benefit, "84000000")
    assert dialog.benefit_words.text() == "Bằng chữ: Tám mươi tư triệu đồng"
    dialog.benefit.editingFinished.emit()
    assert dialog.benefit.text() == "84.000.000"
    dialog.benefit.setText("84 triệu")
    assert "không phải là số tiền" in dialog.benefit_words.text()
    dialog.benefit.setText("84.000.000")
    type_text(dialog.social_benefit, "Giảm thao tác thừa")
    save(dialog)
    assert not dialog.isVisible()

    [row] = initiatives.list_initiatives(window.ctx.db)
    stored = initiatives.get_initiative(window.ctx.db, row.id)
    assert (stored.title, stored.field, stored.phase_number, stored.first_applied_on) == (
        "Cải tiến gá may túi",
        "Công nghệ may",
        1,
        date(2021, 3, 15),
    )
    assert stored.economic_benefit == 84_000_000 and stored.social_benefit == "Giảm thao tác thừa"
    assert [(a.person_name, a.share, a.category) for a in stored.authors] == [
        ("Phạm Thị Hoa", 60, "worker"),
        ("Đinh Văn Tùng", 40, "university"),
    ]
    assert titles(page) == ["Cải tiến gá may túi"] and page.current_id() == row.id, "shown and selected"
    assert "Cải tiến gá may túi" in page.saved.text()


def test_an_outsider_author_and_a_person_twice(qtbot, window, people):
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.add_button.click()
    dialog = page.dialog
    type_text(dialog.title_edit, "Đèn LED cho khu vực may")
    pick(dialog, "hoa")
    pick(dialog, "pham thi hoa")
    assert len(dialog.author_lines) == 1 and "đã là tác giả" in dialog.error.text()
    dialog.author_lines[0].share.setValue(70)
    dialog.add_outsider_button.click()
    outsider = dialog.author_lines[1]
    assert outsider.share.value() == 30, "the share left over"
    save(dialog)
    assert dialog.isVisible() and "Tác giả ngoài đơn vị phải có họ tên" in dialog.error.text()
    type_text(outsider.name, "Vũ Đức Thịnh")
    type_text(outsider.workplace, "Công ty TNHH Điện lạnh Tam Điệp")
    dialog.author_lines[0].remove.click()
    assert [line.display_name for line in dialog.author_lines] == ["Vũ Đức Thịnh"]
    assert dialog.total.text() == "Tổng: 30% — tổng tỷ lệ phải bằng 100%"
    outsider.share.setValue(100)
    save(dialog)
    assert not dialog.isVisible()
    stored = initiatives.get_initiative(window.ctx.db, initiatives.list_initiatives(window.ctx.db)[0].id)
    assert [(a.outside_name, a.outside_workplace, a.share) for a in stored.authors] == [
        ("Vũ Đức Thịnh", "Công ty TNHH Điện lạnh Tam Điệp", 100)
    ]


def test_recognise_with_a_decision(qtbot, window, register):
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.year_filter.select_code(None)
    dialog = open_initiative(page, "Máy cắt vòng thay dao nhanh")
    assert dialog.windowTitle() == "Sáng kiến: Máy cắt vòng thay dao nhanh"
    assert dialog.status.code() == "applying"
    assert not dialog.decision_number.isVisibleTo(dialog) and not dialog.refusal_reason.isVisibleTo(dialog)
    dialog.tabs.setCurrentIndex(2)
    dialog.status.select_code("recognised")
    assert dialog.decision_number.isVisibleTo(dialog) and dialog.level.isVisibleTo(dialog)
    save(dialog)
    assert dialog.isVisible()
    for expected in (
        "phải có cấp công nhận",
        "phải có số quyết định",
        "phải có ngày quyết định",
        "cơ quan, đơn vị ra quyết định",
    ):
        assert expected in dialog.error.text()
    dialog.level.select_code("nganh")
    type_text(dialog.decision_number, "215/QĐ-SCT")
    dialog.decision_date.setText("31/02/2021")
    type_text(dialog.decision_issuer, "Sở Công Thương tỉnh Ninh Bình")
    save(dialog)
    assert dialog.isVisible() and "31/02/2021" in dialog.error.text(), "a date that does not exist"
    dialog.decision_date.setText("28/05/2021")
    save(dialog)
    assert not dialog.isVisible()
    row = next(r for r in page.model.shown_rows() if r.title == "Máy cắt vòng thay dao nhanh")
    n = page.model.view_row_of(lambda r: r.id == row.id)
    assert [page.model.data(page.model.index(n, c)) for c in (6, 7, 8)] == [
        "Được công nhận",
        "Ngành",
        "215/QĐ-SCT ngày 28/05/2021",
    ]

    dialog = open_initiative(page, "Máy cắt vòng thay dao nhanh")
    dialog.status.select_code("refused")
    save(dialog)
    assert dialog.isVisible() and "phải ghi lý do" in dialog.error.text()
    dialog.reject()
    assert initiatives.get_initiative(window.ctx.db, row.id).status == "recognised", "nothing changed"


def test_attachments_add_refuse_export_open_remove(qtbot, window, register, dialogs, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_INITIATIVES)
    dialog = open_initiative(page, "Cải tiến gá may túi")
    assert dialog.tabs.tabText(3) == "Tệp đính kèm"
    assert not dialog.remove_button.isEnabled(), "nothing chosen"
    scan = tmp_path / "quyết định.pdf"
    scan.write_bytes(b"%PDF-1.4 scan " * 200)
    monkeypatch.setattr(dialog, "ask_attachment_files", lambda: [scan])
    dialog.attach_button.click()
    assert dialog.attachments.total_count == 1 and dialog.tabs.tabText(3) == "Tệp đính kèm (1)"
    assert column(dialog.attachments, 0) == ["quyết định.pdf"] and column(dialog.attachments, 1) == ["2 KB"]
    stored = window.ctx.paths.attachments / dialog.attachments.row_at(0).id
    assert stored.read_bytes() == scan.read_bytes()

    monkeypatch.setattr(initiatives, "MAX_ATTACHMENT_BYTES", 1000)
    big = tmp_path / "ban-quet-lon.pdf"
    big.write_bytes(b"x" * 2000)
    monkeypatch.setattr(dialog, "ask_attachment_files", lambda: [big])
    dialog.attach_button.click()
    assert "vượt giới hạn" in dialog.error.text() and "ban-quet-lon.pdf" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog) and dialog.attachments.total_count == 1

    dialog.attachments_view.selectRow(0)
    out = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(dialog, "ask_export_path", lambda _name: out)
    dialog.export_button.click()
    assert out.read_bytes() == scan.read_bytes()
    opened = []
    monkeypatch.setattr(initiative_dialog, "open_url", lambda url: opened.append(url.toLocalFile()))
    dialog.open_button.click()
    assert len(opened) == 1 and opened[0].endswith("quyết định.pdf") and opened[0] != str(stored), "a copy opens"

    dialog.remove_button.click()
    assert dialogs.last("confirm")["text"] == "Gỡ tệp đính kèm “quyết định.pdf”?"
    assert dialog.attachments.total_count == 0 and not stored.exists()
    assert initiatives.list_attachments(window.ctx.db, window.ctx.paths, register["ga"]) == []


def test_a_new_initiative_is_saved_before_its_first_attachment(qtbot, window, people, dialogs, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.add_button.click()
    dialog = page.dialog
    scan = tmp_path / "don.pdf"
    scan.write_bytes(b"%PDF-1.4 don " * 10)
    monkeypatch.setattr(dialog, "ask_attachment_files", lambda: [scan])
    dialog.attach_button.click()
    assert dialogs.last("confirm")["text"] == "Lưu sáng kiến trước?"
    assert "Tên sáng kiến không được để trống" in dialog.error.text(), "refused: no file asked for"
    assert dialog.attachments.total_count == 0
    type_text(dialog.title_edit, "Cữ gấp nẹp")
    pick(dialog, "lan")
    dialog.attach_button.click()
    assert dialog.isVisible(), "the dialog stays open to attach"
    assert dialog.windowTitle() == "Sáng kiến: Cữ gấp nẹp" and dialog.attachments.total_count == 1
    assert titles(page) == ["Cữ gấp nẹp"], "the register shows it already"
    dialog.reject()


# --- candidates, person, link ---------------------------------------------------------------


def test_candidates_tab_lists_ldst_candidates(qtbot, window, people):
    initiatives.save_initiative(
        window.ctx.db,
        draft("Hút bụi bàn cắt", [(people["hoa"], 100)], benefit=150_000_000, status="recognised"),
        today=TODAY,
    )
    page = window.show_page(mw.PAGE_INITIATIVES)
    assert page.candidates.total_count == 0, "read only when the tab is opened"
    page.tabs.setCurrentIndex(1)
    assert page.candidates_caption.text() == "Tác giả có thể đề nghị Bằng Lao động sáng tạo năm 2021"
    assert [page.candidates.data(page.candidates.index(0, n)) for n in range(5)] == [
        "Phạm Thị Hoa",
        "Công nhân, lao động",
        "150.000.000",
        "150.000.000",
        "80.000.000",
    ]
    assert (
        page.candidates.data(page.candidates.index(0, 5))
        == "giá trị làm lợi năm 2021 theo tỷ lệ đóng góp 150.000.000 đồng ≥ 80.000.000 đồng"
    )
    assert page.candidates.data(page.candidates.index(0, 5), Qt.ItemDataRole.ToolTipRole).startswith(
        "Công nhân, lao động (trình độ cao đẳng trở xuống): "
    )
    assert page.candidates.data(page.candidates.index(0, 6)) == "Hút bụi bàn cắt"
    assert not page.no_candidates.isVisibleTo(page)

    page.tabs.setCurrentIndex(2)
    rules = page.thresholds
    rules.model.setData(rules.model.index(rules.row_of("ldst_threshold_worker_one_year"), 1), "200.000.000")
    page.tabs.setCurrentIndex(1)
    assert page.candidates.data(page.candidates.index(0, 4)) == "120.000.000", "the new threshold applies"
    assert page.candidates.data(page.candidates.index(0, 5)).startswith("tổng giá trị làm lợi 2019–2021")
    page.tabs.setCurrentIndex(2)
    rules.model.setData(rules.model.index(rules.row_of("ldst_threshold_worker_three_years"), 1), "200.000.000")
    page.tabs.setCurrentIndex(1)
    assert page.candidates.total_count == 0 and page.no_candidates.isVisibleTo(page)


def test_person_panel_lists_their_initiatives(qtbot, window, register, people):
    page = window.show_page(mw.PAGE_ROSTER)
    page.select_person(people["tung"])
    panel = page.panel
    assert panel.initiatives_caption.text() == "Sáng kiến (2)"
    assert {
        tuple(panel.initiatives.data(panel.initiatives.index(r, c)) for c in range(3))
        for r in range(panel.initiatives.rowCount())
    } == {("2021", "Cải tiến gá may túi", "Được công nhận"), ("2020", "Máy cắt vòng thay dao nhanh", "Đang áp dụng")}
    tip = panel.initiatives.data(panel.initiatives.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Tác giả: " in tip
    page.select_person(people["lan"])
    assert panel.initiatives.rowCount() == 1
    initiatives.delete_initiative(window.ctx.db, register["kanban"])
    page.select_person(people["hoa"])
    page.select_person(people["lan"])
    assert panel.initiatives.rowCount() == 0 and panel.no_initiatives.isVisibleTo(panel)


def test_link_a_cstdcs_registration_to_an_initiative(qtbot, window, register, people):
    db = window.ctx.db
    registration.register(db, 2021, "LDTT", person_ids=[people["hoa"], people["lan"]])
    registration.register(db, 2021, "CSTDCS", person_ids=[people["hoa"]])
    page = window.show_page(mw.PAGE_REGISTRATION)
    panel = page.individuals
    page.tabs.setCurrentWidget(panel)
    assert not panel.link_button.isEnabled(), "nobody chosen"
    panel.select_people([people["tung"]])
    assert not panel.link_button.isEnabled(), "no title registered"
    panel.select_people([people["hoa"]])
    assert panel.link_button.isEnabled()
    panel.link_button.click()
    actions = panel.link_menu.actions()
    assert [a.text() for a in actions] == ["2021 — Cải tiến gá may túi (Được công nhận)"]
    actions[0].trigger()
    assert "đã gắn với sáng kiến “Cải tiến gá may túi”" in panel.success.text()
    row = next(r for r in registration.list_individuals(db, 2021) if r.person_id == people["hoa"])
    assert row.planned_initiative == "Cải tiến gá may túi"
    assert registration_ops.linked_initiatives(db, 2021)[people["hoa"]].id == register["ga"]
    model = panel.model
    n = model.view_row_of(lambda r: r.person_id == people["hoa"])
    linked_column = model.initiative_column - 1
    assert model.data(model.index(n, linked_column)) == "Cải tiến gá may túi"
    assert "Được công nhận" in model.data(model.index(n, linked_column), Qt.ItemDataRole.ToolTipRole)

    panel.select_people([people["hoa"]])
    panel.open_link_menu()
    actions = panel.link_menu.actions()
    assert actions[0].isChecked() and actions[-1].text() == "Bỏ gắn sáng kiến"
    actions[-1].trigger()
    assert registration_ops.linked_initiatives(db, 2021) == {}

    panel.select_people([people["lan"]])
    panel.open_link_menu()
    assert [a.text() for a in panel.link_menu.actions()] == ["2021 — Bảng Kanban cho tổ hoàn thiện (Không công nhận)"]
    initiatives.delete_initiative(db, register["kanban"])
    panel.open_link_menu()
    [only] = panel.link_menu.actions()
    assert only.text() == "Lê Thị Lan chưa là tác giả sáng kiến nào trong sổ" and not only.isEnabled()
    panel.select_people([people["tung"]])
    panel.open_link_menu()  # the context menu's way: the button is disabled for him
    [only] = panel.link_menu.actions()
    assert only.text() == "Đinh Văn Tùng chưa đăng ký danh hiệu nào trong năm" and not only.isEnabled()


# --- Excel ----------------------------------------------------------------------------------

HEADER = [
    "STT",
    "Tên sáng kiến",
    "Lĩnh vực",
    "Năm",
    "Đợt",
    "Tác giả",
    "Ngày áp dụng lần đầu",
    "Giá trị làm lợi (đồng)",
    "Trạng thái",
    "Cấp công nhận",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
]


def register_file(path, *, bad: bool):
    rows = [
        [
            1,
            "Cữ gấp nẹp áo tự động",
            "Công nghệ may",
            2021,
            1,
            "Phạm Thị Hoa 50%, Lê Thị Lan 50%",
            date(2021, 3, 1),
            36_000_000,
            "Được công nhận",
            "Cơ sở",
            "07/QĐ-HL",
            date(2021, 5, 20),
            COUNCIL,
        ],
        [
            2,
            "Đèn LED cho khu vực may",
            "Cơ điện",
            2021,
            1,
            "Nguyễn Văn Không Có 100%" if bad else "Đinh Văn Tùng 100%",
            date(2021, 4, 1),
            18_000_000,
            "Đang áp dụng",
            "",
            "",
            "",
            "",
        ],
    ]
    return write_xlsx(path, [["SỔ THEO DÕI SÁNG KIẾN NĂM 2021"], [], HEADER, *rows], title="Sáng kiến")


def test_import_preview_with_an_error_blocks_then_a_clean_file_imports(
    qtbot, window, people, dialogs, tmp_path, monkeypatch
):
    page = window.show_page(mw.PAGE_INITIATIVES)
    monkeypatch.setattr(InitiativesImportDialog, "choose_file", lambda self: None)
    page.import_button.click()
    dialog = page.dialog
    assert isinstance(dialog, InitiativesImportDialog) and not dialog.import_button.isEnabled()
    path = register_file(tmp_path / "so-sang-kien.xlsx", bad=True)
    dialog.read(path)
    assert not dialog.import_button.isEnabled(), "an error blocks Nhập"
    lines = [dialog.problems.item(n).text() for n in range(dialog.problems.count())]
    assert any(line.startswith("dòng 5, cột F (Tác giả): không có 'Nguyễn Văn Không Có'") for line in lines), lines
    assert "chưa nhập gì cho đến khi tệp được sửa" in dialog.error.text()
    assert dialog.problems_caption.text() == "Lỗi và cảnh báo (1 lỗi, 0 cảnh báo)"
    assert column(dialog.preview, 1) == ["Mới", "Lỗi"]
    dialog.problems.setCurrentRow(0)
    dialog._problem_clicked(dialog.problems.currentItem())
    assert [dialog.preview.row_at(i.row()).source_row for i in dialog.preview_view.selectionModel().selectedRows()] == [
        5
    ]
    dialog.commit()
    assert initiatives.list_initiatives(window.ctx.db) == [], "nothing written"

    register_file(path, bad=False)
    dialog.reread_button.click()
    assert dialog.import_button.isEnabled() and not dialog.error.isVisibleTo(dialog)
    assert dialog.ready.text() == "Sẵn sàng nhập: 2 sáng kiến mới, 0 cập nhật."
    assert dialog.counts.text().startswith("Đọc được 2 sáng kiến · 2 mới")
    dialog.import_button.click()
    assert not dialog.isVisible()
    assert dialogs.last("info")["text"] == "Đã nhập sổ sáng kiến."
    assert dialogs.last("info")["informative"] == "Đã thêm 2 sáng kiến, cập nhật 0, 0 không thay đổi."
    assert sorted(titles(page)) == ["Cữ gấp nẹp áo tự động", "Đèn LED cho khu vực may"]
    assert page.count.text() == "Hiển thị 2 / 2 sáng kiến"


def test_a_dropped_file_that_is_not_a_spreadsheet_is_refused(qtbot, window, tmp_path):
    from tests.test_ui_roster import drop

    page = window.show_page(mw.PAGE_INITIATIVES)
    bad = tmp_path / "so.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a workbook")
    drop(page, bad)
    dialog = page.dialog
    assert isinstance(dialog, InitiativesImportDialog) and dialog.file_label.text() == "so.xlsx"
    assert "so.xlsx" in dialog.error.text() and not dialog.import_button.isEnabled()
    dialog.reject()


def test_export_writes_the_register_and_offers_to_open_it(qtbot, window, register, dialogs, tmp_path, monkeypatch):
    page = window.show_page(mw.PAGE_INITIATIVES)
    out = tmp_path / "sổ sáng kiến.xlsx"
    monkeypatch.setattr(page, "ask_export_path", lambda: out)
    dialogs.choose_answers.append("close")
    page.export_button.click()
    assert out.is_file() and dialogs.last("progress")["dialog"].closed
    assert dialogs.last("choose")["text"] == "Đã xuất 2 sáng kiến.", "the year chosen in the filter"
    from thidua_desktop.services import initiatives_io

    back = initiatives_io.preview_file(window.ctx.db, out, today=TODAY)
    assert back.errors == [] and back.unchanged == 2, "the file imports back unchanged"

    monkeypatch.setattr(page, "ask_export_path", lambda: tmp_path / "khong-co" / "x.xlsx")
    page.export_button.click()
    assert dialogs.last("error")["title"] == "Chưa xuất được sổ sáng kiến"


def test_delete_asks_then_deletes(qtbot, window, register, dialogs):
    page = window.show_page(mw.PAGE_INITIATIVES)
    page.select_initiative(register["kanban"])
    dialogs.confirm_answer = False
    page.delete_button.click()
    assert dialogs.last("confirm")["text"] == "Xóa sáng kiến “Bảng Kanban cho tổ hoàn thiện”?"
    assert len(initiatives.list_initiatives(window.ctx.db)) == 3
    dialogs.confirm_answer = True
    page.delete_button.click()
    assert titles(page) == ["Cải tiến gá may túi"] and "Đã xóa" in page.saved.text()
    assert not page.delete_button.isEnabled(), "nothing chosen any more"
