"""The registration: collective part, individual part, rule-table warnings, progress."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from thidua_desktop.core import registration as rules
from thidua_desktop.services import registration, roster, year
from thidua_desktop.services.roster import GroupInfo, PersonDetail
from thidua_desktop.store.errors import ValidationError


@pytest.fixture
def people(seeded_db):
    g1 = roster.save_group(seeded_db, GroupInfo("Tổ may 1"))
    g2 = roster.save_group(seeded_db, GroupInfo("Tổ cơ điện"))
    made = {}
    for key, fm, given, gender, group, member, since in [
        ("hoa", "Phạm Thị", "Hoa", "F", g1, True, date(2012, 1, 1)),
        ("lan", "Lê Thị", "Lan", "F", g1, True, date(2016, 6, 1)),
        ("nam", "Trần Văn", "Nam", "M", g2, True, date(2011, 9, 1)),
        ("tuan", "Ngô Anh", "Tuấn", "M", g2, False, date(2021, 5, 3)),
    ]:
        made[key] = roster.save_person(
            seeded_db, PersonDetail(fm, given, gender=gender, group_id=group.id, is_member=member, employed_since=since)
        ).id
    return made


def test_collective_defaults_then_save(seeded_db):
    info = registration.get_collective(seeded_db, 2021)
    assert not info.saved
    by_code = {f.indicator.code: f for f in info.figures}
    assert "CT01" not in by_code  # upper-level only
    assert by_code["CT10"].value == Decimal(85) and by_code["CT10"].is_default
    assert by_code["CT13"].value == 1
    assert by_code["CT02"].value is None
    info.movement_codes = [m.code for m in year.get_year(seeded_db, 2021).movements[:3]]
    info.title_codes = ["CDCS_VM"]
    info.signature_content = "Mỗi tổ một sáng kiến an toàn"
    by_code["CT02"].value = Decimal(25)
    saved = registration.save_collective(seeded_db, info)
    assert saved.saved and saved.title_codes == ["CDCS_VM"] and len(saved.movement_codes) == 3
    figures = {f.indicator.code: f for f in saved.figures}
    assert figures["CT02"].value == 25 and not figures["CT02"].is_default


def test_collective_refuses_bad_input_and_keeps_nothing(seeded_db):
    info = registration.get_collective(seeded_db, 2021)
    info.title_codes = ["LDTT"]
    info.signature_content = ""
    next(f for f in info.figures if f.indicator.kind == "percent").value = Decimal(120)
    with pytest.raises(ValidationError) as err:
        registration.save_collective(seeded_db, info)
    for expected in ("dành cho cá nhân", "nội dung thi đua đặc thù", "không được vượt 100%"):
        assert expected in err.value.message
    assert not registration.get_collective(seeded_db, 2021).saved


def test_bulk_register_group_and_everyone(seeded_db, people):
    assert registration.register(seeded_db, 2021, "LDTT", everyone=True) == 4
    assert registration.register(seeded_db, 2021, "LDTT", everyone=True) == 0
    assert registration.register(seeded_db, 2021, "DVCD_XS", group="Tổ may 1") == 2
    rows = {r.full_name: r for r in registration.list_individuals(seeded_db, 2021)}
    assert rows["Phạm Thị Hoa"].title_codes == ("LDTT", "DVCD_XS")
    assert rows["Trần Văn Nam"].title_codes == ("LDTT",)
    assert registration.unregister(seeded_db, 2021, "LDTT", [people["tuan"]]) == 1
    with pytest.raises(ValidationError, match="tập thể"):
        registration.register(seeded_db, 2021, "CDCS_VM", everyone=True)


def test_rule_table_warnings(seeded_db, people):
    registration.register(seeded_db, 2021, "LDTT", person_ids=[people["hoa"], people["lan"], people["tuan"]])
    registration.register(seeded_db, 2021, "CSTDCS", person_ids=[people["hoa"], people["nam"]])
    registration.register(seeded_db, 2021, "GVN_DVN", person_ids=[people["nam"]])
    registration.register(seeded_db, 2021, "DVCD_XS", person_ids=[people["tuan"]])
    messages = [f.message for f in registration.check(seeded_db, 2021)]
    text = "\n".join(messages)
    assert "Trần Văn Nam — Giỏi việc nước, đảm việc nhà: danh hiệu chỉ dành cho nữ." in text
    assert "Phạm Thị Hoa — Chiến sĩ thi đua cơ sở: cần có sáng kiến" in text
    assert "Trần Văn Nam — Chiến sĩ thi đua cơ sở: Chiến sĩ thi đua cơ sở phải đạt Lao động tiên tiến" in text
    assert "Ngô Anh Tuấn — Đoàn viên công đoàn xuất sắc: danh hiệu của tổ chức Công đoàn chỉ xét cho đoàn viên" in text
    assert "Ngô Anh Tuấn — Lao động tiên tiến: mới làm việc 7 tháng trong năm 2021, dưới 10 tháng" in text
    assert "Số đăng ký Chiến sĩ thi đua cơ sở (2) vượt 15% số đăng ký Lao động tiên tiến (3): tối đa 0 người." in text
    registration.set_planned_initiative(seeded_db, 2021, people["hoa"], "Cải tiến gá may túi")
    year.set_rule(seeded_db, 2021, "cstdcs_cap_percent_of_ldtt", 70)
    text = "\n".join(f.message for f in registration.check(seeded_db, 2021))
    assert "Phạm Thị Hoa — Chiến sĩ thi đua cơ sở: cần có sáng kiến" not in text
    assert "vượt" not in text


def test_progress_counts(seeded_db, people):
    registration.register(seeded_db, 2021, "LDTT", everyone=True, members_only=True)
    p = registration.progress(seeded_db, 2021)
    assert p.registration_due == date(2021, 2, 20)
    assert (p.people_registered, p.people_total) == (3, 4)
    assert not p.collective_saved and p.figures_registered == 0
    assert 0 < p.percent < 100


def test_months_worked():
    assert rules.months_worked(date(2020, 5, 1), 2021) == 12
    assert rules.months_worked(date(2021, 3, 1), 2021) == 10
    assert rules.months_worked(date(2021, 3, 2), 2021) == 9
    assert rules.months_worked(date(2022, 1, 1), 2021) == 0
