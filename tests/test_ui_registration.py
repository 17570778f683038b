"""The Đăng ký thi đua page (journey step 3) and the registration card of Tổng quan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

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
from thidua_desktop.ui.operations import registration as registration_ops
from thidua_desktop.ui import main_window as mw
from thidua_desktop.ui.widgets.collective import FiguresModel


@pytest.fixture
def people(seeded_db):
    g1 = roster.save_group(seeded_db, GroupInfo("Tổ may 1"))
    g2 = roster.save_group(seeded_db, GroupInfo("Tổ cơ điện"))
    made = {}
    for key, fm, given, gender, group, member, since in [
        ("hoa", "Phạm Thị", "Hoa", "F", g1, True, date(2012, 1, 1)),
        ("lan", "Lê Thị", "Lan", "F", g1, True, date(2016, 6, 1)),
        ("nam", "Trần Văn", "Nam", "M", g2, True, date(2011, 9, 1)),
        ("tuan", "Ngô Anh", "Tuấn", "M", g2, False, date(2015, 5, 3)),
    ]:
        made[key] = roster.save_person(
            seeded_db, PersonDetail(fm, given, gender=gender, group_id=group.id, is_member=member, employed_since=since)
        ).id
    return made


@pytest.fixture
def window(qtbot, seeded_db, people, data_paths, dialogs, ui_settings, vietnamese, today):
    window = make_window(qtbot, data_paths)
    yield window
    window.close()


def figure_index(model: FiguresModel, code: str):
    return model.index(model.row_of(code), FiguresModel.VALUE)


def registered(db, code: str) -> set[str]:
    return {r.full_name for r in registration.list_individuals(db, 2021) if code in r.title_codes}


def test_collective_refused_without_signature_content_then_saved(qtbot, window):
    page = window.show_page(mw.PAGE_REGISTRATION)
    form = page.collective
    assert page.tabs.currentWidget() is form, "the registration is the main content"
    assert form.state.text() == "Đăng ký tập thể chưa được lưu."
    assert "tập thể: chưa lưu" in page.progress.text() and "hạn 20/02/2021 — Quá hạn 130 ngày" in page.progress.text()
    titles = [form.titles.item(n).text() for n in range(form.titles.count())]
    assert "Công đoàn cơ sở vững mạnh" in titles and "Lao động tiên tiến" not in titles, "collective titles only"
    figures = form.figures
    ct10 = figure_index(figures, "CT10")
    assert figures.data(ct10) == "85"
    assert figures.data(ct10, Qt.ItemDataRole.FontRole).italic(), "a suggested figure is italic"
    assert figures.data(ct10, Qt.ItemDataRole.ForegroundRole).color().name() == "#7a808a"
    ct06 = figure_index(figures, "CT06")
    assert figures.flags(ct06) & Qt.ItemFlag.ItemIsUserCheckable, "a yes/no indicator is a check box"
    assert figures.data(ct06, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    form.movements.set_checked(form.movements.item(0).data(Qt.ItemDataRole.UserRole))
    form.titles.set_checked("CDCS_VM")
    assert form.state.text() == "Có thay đổi chưa lưu."
    form.save_button.click()
    assert "nội dung thi đua đặc thù" in form.error.text() and form.error.isVisibleTo(page)
    assert not registration.get_collective(window.ctx.db, 2021).saved, "nothing saved"

    type_text(form.signature, "Mỗi tổ một sáng kiến an toàn")
    assert not figures.setData(figure_index(figures, "CT02"), "hai mươi lăm")
    assert "CT02" in form.error.text()
    assert figures.setData(figure_index(figures, "CT02"), "25")
    assert figures.setData(ct06, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert figures.data(ct06) == "Không"
    form.save_button.click()
    assert form.success.text() == "Đã lưu đăng ký thi đua tập thể năm 2021."
    assert not form.error.isVisibleTo(page)

    saved = registration.get_collective(window.ctx.db, 2021)
    assert saved.saved and saved.signature_content == "Mỗi tổ một sáng kiến an toàn"
    assert saved.title_codes == ["CDCS_VM"] and len(saved.movement_codes) == 1
    values = {f.indicator.code: f for f in saved.figures}
    assert values["CT02"].value == 25 and values["CT06"].value == 0
    assert values["CT10"].value == 85 and not values["CT10"].is_default, "the suggestion is registered on Save"
    assert figures.data(figure_index(figures, "CT10"), Qt.ItemDataRole.FontRole) is None
    progress = registration.progress(window.ctx.db, 2021)
    assert f"{progress.figures_registered}/{progress.figures_total} chỉ tiêu" in page.progress.text()
    assert "tập thể: đã lưu" in page.progress.text()
    assert form.state.text().startswith("Đã lưu; ngày đăng ký 30/06/2021")


def test_register_a_group_everyone_and_the_selection(qtbot, window, dialogs):
    db = window.ctx.db
    page = window.show_page(mw.PAGE_REGISTRATION)
    panel = page.individuals
    page.tabs.setCurrentWidget(panel)
    model = panel.model
    assert model.rowCount() == 4
    assert [model.columns[c].title for c in range(4, 10)] == ["LĐTT", "CSTĐCS", "CSTĐCT", "CSTĐTQ", "ĐVCĐXS", "GVNĐVN"]
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Lao động tiên tiến"
    assert panel.title.code() == "LDTT"
    assert not panel.register_selected.isEnabled(), "nothing selected"

    [tomay1] = [a for a in panel.group_menu.actions() if a.text().startswith("Tổ may 1")]
    assert tomay1.text() == "Tổ may 1 (2 người)"
    tomay1.trigger()
    assert dialogs.last("confirm")["text"] == "Đăng ký Lao động tiên tiến cho 2 người của Tổ may 1?"
    assert registered(db, "LDTT") == {"Phạm Thị Hoa", "Lê Thị Lan"}
    assert panel.success.text() == "Đã đăng ký Lao động tiên tiến thêm cho 2 người của tổ."
    ldtt = model.title_column("LDTT")
    marks = {model.row_at(r).full_name: model.data(model.index(r, ldtt)) for r in range(model.rowCount())}
    assert marks == {"Phạm Thị Hoa": "✓", "Lê Thị Lan": "✓", "Trần Văn Nam": "", "Ngô Anh Tuấn": ""}
    assert "Đã đăng ký 2/4 người" in page.progress.text()

    panel.members_action.trigger()
    assert dialogs.last("confirm")["text"] == "Đăng ký Lao động tiên tiến cho tất cả 3 đoàn viên?"
    assert registered(db, "LDTT") == {"Phạm Thị Hoa", "Lê Thị Lan", "Trần Văn Nam"}, "members only"
    assert page.data.progress == registration.progress(db, 2021), "the page's progress is the service's"

    type_text(panel.search, "tuan")
    assert [model.row_at(r).full_name for r in range(model.rowCount())] == ["Ngô Anh Tuấn"]
    panel.view.selectRow(0)
    panel.title.select_code("DVCD_XS")
    panel.register_selected.click()
    assert registered(db, "DVCD_XS") == {"Ngô Anh Tuấn"}
    assert panel.success.text() == "Đã đăng ký Đoàn viên công đoàn xuất sắc cho 1 trong 1 người đã chọn."
    assert [model.row_at(i.row()).full_name for i in panel.view.selectionModel().selectedRows()] == ["Ngô Anh Tuấn"]
    panel.unregister_selected.click()
    assert registered(db, "DVCD_XS") == set()

    panel.search.clear()
    panel.group_filter.select_code("Tổ cơ điện")
    assert {model.row_at(r).full_name for r in range(model.rowCount())} == {"Trần Văn Nam", "Ngô Anh Tuấn"}
    panel.status_filter.select_code("none")
    assert [model.row_at(r).full_name for r in range(model.rowCount())] == ["Ngô Anh Tuấn"]

    dialogs.confirm_answer = False
    panel.everyone_action.trigger()
    assert "Ngô Anh Tuấn" not in registered(db, "LDTT"), "a refused confirmation registers nobody"


def test_planned_initiative_and_the_checks(qtbot, window, people):
    db = window.ctx.db
    registration.register(db, 2021, "LDTT", person_ids=[people["nam"], people["hoa"]])
    registration.register(db, 2021, "CSTDCS", person_ids=[people["nam"]])
    registration.register(db, 2021, "GVN_DVN", person_ids=[people["nam"]])
    page = window.show_page(mw.PAGE_REGISTRATION)
    panel = page.individuals
    page.tabs.setCurrentWidget(panel)
    items = [panel.findings.item(n) for n in range(panel.findings.count())]
    texts = [i.text() for i in items]
    assert panel.findings_caption.text().startswith("Kiểm tra: 1 lỗi")
    assert texts[0] == "Trần Văn Nam — Giỏi việc nước, đảm việc nhà: danh hiệu chỉ dành cho nữ."
    assert items[0].foreground().color().name() == "#a61b1b", "errors red, first"
    warning = next(i for i in items if "chưa ghi tên sáng kiến dự kiến" in i.text())
    assert warning.foreground().color().name() == "#b26a00", "warnings orange"

    panel.search.setText("hoa")
    panel._finding_clicked(warning)
    assert panel.search.text() == "", "the filter that hid the person is cleared"
    chosen = [panel.model.row_at(i.row()).full_name for i in panel.view.selectionModel().selectedRows()]
    assert chosen == ["Trần Văn Nam"]

    model = panel.model
    nam = model.view_row_of(lambda r: r.full_name == "Trần Văn Nam")
    index = model.index(nam, model.initiative_column)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    model.setData(index, "Cải tiến gá may túi")
    assert panel.success.text() == "Đã lưu sáng kiến dự kiến của Trần Văn Nam."
    row = next(r for r in registration.list_individuals(db, 2021) if r.full_name == "Trần Văn Nam")
    assert row.planned_initiative == "Cải tiến gá may túi"
    assert not any("chưa ghi tên sáng kiến" in panel.findings.item(n).text() for n in range(panel.findings.count()))
    assert (
        model.data(model.index(model.view_row_of(lambda r: r.full_name == "Trần Văn Nam"), model.initiative_column))
        == "Cải tiến gá may túi"
    )

    tuan = model.view_row_of(lambda r: r.full_name == "Ngô Anh Tuấn")
    model.setData(model.index(tuan, model.initiative_column), "Sáng kiến khác")
    assert "chưa đăng ký danh hiệu nào" in panel.error.text()


def test_overview_card_shows_the_progress_and_opens_the_page(qtbot, window, people):
    overview = window.overview
    card = overview.registration
    assert card.isVisibleTo(overview)
    assert card.due.text() == "Hạn 20/02/2021 — Quá hạn 130 ngày, chưa gửi"
    assert "Người đã đăng ký: 0 / 4" in card.lines.text()
    assert "Đăng ký tập thể: chưa lưu" in card.lines.text()
    start = registration.progress(window.ctx.db, 2021).percent
    assert card.bar.value() == start

    registration.register(window.ctx.db, 2021, "LDTT", group="Tổ may 1")
    registration.register(window.ctx.db, 2021, "GVN_DVN", person_ids=[people["tuan"]])
    window.ctx.changed("registration")  # what a change made on the Đăng ký page announces
    progress = registration.progress(window.ctx.db, 2021)
    assert registration_ops.registration_progress(window.ctx.db, 2021) == progress, (
        "the card counts in SQL, the same way"
    )
    assert progress.percent > start and card.bar.value() == progress.percent
    assert "Người đã đăng ký: 3 / 4" in card.lines.text()
    assert '<span style="color:#a61b1b">Kiểm tra: 1 lỗi, 1 cảnh báo</span>' in card.lines.text()
    card.button.click()
    assert window.stack.currentWidget() is window.page(mw.PAGE_REGISTRATION)
    assert window.sidebar.currentRow() == mw.PAGE_REGISTRATION


def test_registration_changes_reach_the_overview(qtbot, window, dialogs):
    page = window.show_page(mw.PAGE_REGISTRATION)
    panel = page.individuals
    panel.everyone_action.trigger()
    assert len(registered(window.ctx.db, "LDTT")) == 4
    window.show_page(mw.PAGE_OVERVIEW)
    assert "Người đã đăng ký: 4 / 4" in window.overview.registration.lines.text()
    assert Decimal(window.overview.registration.bar.value()) > 0


def test_a_made_registration_says_when_it_was_made_not_a_growing_count(qtbot, vietnamese):
    from thidua_desktop.services.registration import Progress
    from thidua_desktop.ui.pages.registration import progress_text

    progress = Progress(
        year=2026,
        registration_due=date(2026, 2, 28),
        collective_saved=True,
        movements_joined=5,
        movements_total=5,
        figures_registered=11,
        figures_total=11,
        people_registered=287,
        people_total=312,
        errors=0,
        warnings=0,
    )
    text, color = progress_text(progress, date(2026, 12, 4), date(2026, 2, 12))
    assert text.endswith("hạn 28/02/2026 — lập ngày 12/02/2026, đúng hạn") and color is None
    text, _ = progress_text(progress, date(2030, 1, 1), date(2026, 3, 3))
    assert text.endswith("lập ngày 03/03/2026, trễ 3 ngày")
    unsaved = Progress(**{**progress.__dict__, "collective_saved": False})
    text, color = progress_text(unsaved, date(2026, 3, 10))
    assert "Quá hạn 10 ngày" in text and color is not None
