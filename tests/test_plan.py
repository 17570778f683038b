"""The seed plan (Kế hoạch 02/KH-LĐLĐ Ninh Bình 2021) as data, and the plan loader's checks."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_desktop import paths
from thidua_desktop.core.plan import (
    COMPUTED_SOURCES,
    LEVELS,
    SEED_KEY,
    PhaseSpec,
    PlanError,
    PlanTemplate,
    builtin_template,
    builtin_templates,
    format_target,
    load_plan_template,
    seed_template,
    shift_template_year,
)

SEED_FILE = paths.plans_dir() / f"{SEED_KEY}.toml"


@pytest.fixture(scope="module")
def seed() -> PlanTemplate:
    return seed_template()


# --------------------------------------------------------------------------------------------
# The seed plan
# --------------------------------------------------------------------------------------------


def test_seed_header(seed: PlanTemplate) -> None:
    assert seed.key == SEED_KEY == SEED_FILE.stem
    assert seed.year == 2021
    assert seed.document_number == "02/KH-LĐLĐ"
    assert seed.issuer == "Liên đoàn Lao động tỉnh Ninh Bình"
    assert seed.issued_on == date(2021, 1, 20)
    assert seed.place == "Ninh Bình"
    assert seed.theme == "Tận dụng cơ hội, vượt mọi khó khăn, nỗ lực phấn đấu, đưa nghị quyết của Đảng vào cuộc sống"
    assert "năm 2021" in seed.title
    assert "1689" in seed.rule_set and "91/2017" in seed.rule_set
    assert seed.registration_due == date(2021, 2, 20)
    assert seed.report_due_days == 5
    assert seed.signer == "Trần Kim Long"
    assert seed.signer_title == "Phó Chủ tịch"


def test_seed_phases(seed: PlanTemplate) -> None:
    assert [p.number for p in seed.phases] == [1, 2]
    one, two = seed.phases
    assert (one.name, one.start, one.end, one.report_due) == (
        "Đợt 1",
        date(2021, 1, 1),
        date(2021, 6, 30),
        date(2021, 7, 5),
    )
    assert (two.name, two.start, two.end, two.report_due) == (
        "Đợt 2",
        date(2021, 7, 1),
        date(2021, 12, 31),
        date(2022, 1, 5),
    )
    # The lock date is the app's default, report_due + 10 days.
    assert one.lock_date == date(2021, 7, 15)
    assert two.lock_date == date(2022, 1, 15)
    assert "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII" in one.description
    assert "75 năm ngày thành lập Công đoàn Ninh Bình" in two.description


# (name fragment, launched_by) for every movement and campaign of KH mục II.2.2 and II.2.3.
EXPECTED_MOVEMENTS = [
    ("Lao động giỏi, Lao động sáng tạo", "Tổng Liên đoàn"),
    ("Giỏi việc nước, đảm việc nhà", "Tổng Liên đoàn"),
    ("Xanh, Sạch, Đẹp, Bảo đảm an toàn vệ sinh lao động", "Tổng Liên đoàn"),
    ("Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn", "Tổng Liên đoàn"),
    ("Tham mưu giỏi, phục vụ tốt", "Tổng Liên đoàn"),
    ("Cán bộ, công chức, viên chức nói không với tiêu cực", "Tổng Liên đoàn"),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Bộ Chính trị"),
    ("Cả nước chung sức xây dựng nông thôn mới", "Thủ tướng Chính phủ"),
    ("Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau", "Thủ tướng Chính phủ"),
    ("Doanh nghiệp Việt Nam hội nhập và phát triển", "Thủ tướng Chính phủ"),
    ("Cán bộ, công chức, viên chức thi đua thực hiện văn hoá công sở", "Thủ tướng Chính phủ"),
    (
        "Đẩy mạnh cải cách thủ tục hành chính và nâng cao chất lượng thực thi công vụ trong cán bộ, công chức, viên chức",
        "LĐLĐ tỉnh và Sở Nội vụ",
    ),
]


def test_seed_movements(seed: PlanTemplate) -> None:
    assert [(m.name, m.launched_by) for m in seed.movements] == EXPECTED_MOVEMENTS


# Every numeric target of KH mục III, written by hand from the seed markdown:
# (code, group, target, unit, kind, source, computed_from, levels, words from the plan in the name)
C, U = ("cdcs", "upper"), ("upper",)
EXPECTED_INDICATORS = [
    # III.1 gạch 1
    ("CT01", "III.1", "20", "CĐCS", "count", "entered", None, U, "25 CNLĐ"),
    ("CT02", "III.1", "8000", "đoàn viên", "count", "computed", "members_admitted", C, "Kết nạp mới"),
    ("CT03", "III.1", "85", "%", "percent", "entered", None, U, "cấp trên cơ sở"),
    ("CT04", "III.1", "85", "%", "percent", "entered", None, U, "khu vực nhà nước"),
    ("CT05", "III.1", "55", "%", "percent", "entered", None, U, "ngoài nhà nước"),
    ("CT06", "III.1", None, "CĐCS", "yesno", "entered", None, C, "đổi thẻ đoàn viên"),
    # III.1 gạch 2
    ("CT07", "III.1", "100", "%", "percent", "entered", None, U, "chuyên trách"),
    ("CT08", "III.1", "85", "%", "percent", "computed", "officers_trained", C, "Cán bộ CĐCS"),
    ("CT09", "III.1", "100", "%", "percent", "entered", None, C, "bình đẳng giới"),
    ("CT10", "III.1", "85", "%", "percent", "computed", "women_gvn_dvn", C, "Giỏi việc nước"),
    ("CT11", "III.1", "23", "Ban Nữ công", "yesno", "entered", None, C, "Ban Nữ công quần chúng"),
    # III.1 gạch 3
    ("CT12", "III.1", "100", "%", "percent", "entered", None, U, "Tết sum vầy"),
    ("CT13", "III.1", "190", "CĐCS", "yesno", "entered", None, C, "Tết sum vầy"),
    ("CT14", "III.1", "100", "%", "percent", "entered", None, U, "Tháng Công nhân"),
    ("CT15", "III.1", "190", "CĐCS", "yesno", "entered", None, C, "Tháng hành động về ATVSLĐ"),
    # III.1 gạch 4
    ("CT16", "III.1", "100", "%", "percent", "entered", None, C, "hành chính sự nghiệp"),
    ("CT17", "III.1", "95", "%", "percent", "entered", None, C, "sản xuất kinh doanh"),
    # III.1 gạch 5
    ("CT18", "III.1", "100", "%", "percent", "entered", None, C, "kiểm tra đồng cấp"),
    ("CT19", "III.1", "25", "%", "percent", "entered", None, U, "UBKT LĐLĐ tỉnh"),
    ("CT20", "III.1", "30", "%", "percent", "entered", None, U, "UBKT LĐLĐ huyện"),
    # III.2
    ("CT21", "III.2", "90", "%", "percent", "entered", None, C, "quán triệt"),
    ("CT22", "III.2", "100", "%", "percent", "entered", None, C, "hội nghị cán bộ, công chức, viên chức"),
    ("CT23", "III.2", "190", "doanh nghiệp", "yesno", "entered", None, C, "hội nghị người lao động"),
    ("CT24", "III.2", "20", "doanh nghiệp", "yesno", "entered", None, C, "thỏa ước lao động tập thể"),
    ("CT25", "III.2", "20", "doanh nghiệp", "yesno", "entered", None, C, "15.000 đồng"),
    ("CT26", "III.2", "5", "doanh nghiệp", "yesno", "entered", None, C, "doanh nghiệp nhà nước"),
    ("CT27", "III.2", "190", "doanh nghiệp", "yesno", "entered", None, C, "ngoài khu vực nhà nước"),
    ("CT28", "III.2", "1070", "đoàn viên", "count", "computed", "members_introduced_to_party", C, "Đảng"),
    ("CT29", "III.2", "1200", "sáng kiến", "count", "computed", "initiatives_recognised", C, "Sáng kiến"),
    ("CT30", "III.2", "18", "tác giả", "count", "computed", "ldst_authors", C, "Bằng Lao động sáng tạo"),
]


def test_seed_indicators_match_section_iii(seed: PlanTemplate) -> None:
    assert [i.code for i in seed.indicators] == [row[0] for row in EXPECTED_INDICATORS]
    for (code, group, target, unit, kind, source, computed_from, levels, words), spec in zip(
        EXPECTED_INDICATORS, seed.indicators
    ):
        got = (spec.group, spec.target_value, spec.unit, spec.kind, spec.source, spec.computed_from, spec.levels)
        want = (group, Decimal(target) if target is not None else None, unit, kind, source, computed_from, levels)
        assert got == want, code
        assert words in spec.name, code
        assert spec.target_text, code


def test_seed_numeric_targets_in_plan_order(seed: PlanTemplate) -> None:
    # The figures of section III, in the order the plan states them.
    figures = [
        20,
        8000,
        85,
        85,
        55,
        100,
        85,
        100,
        85,
        23,
        100,
        190,
        100,
        190,
        100,
        95,
        100,
        25,
        30,
        90,
        100,
        190,
        20,
        20,
        5,
        190,
        1070,
        1200,
        18,
    ]
    assert [i.target_value for i in seed.indicators if i.target_value is not None] == [Decimal(f) for f in figures]


def test_seed_target_texts_keep_the_plan_wording(seed: PlanTemplate) -> None:
    texts = {i.code: i.target_text for i in seed.indicators}
    assert texts["CT02"] == "trên 8.000"
    assert texts["CT03"] == "85% trở lên"
    assert texts["CT17"] == "đạt trên 95%"
    assert texts["CT21"] == "90% trở lên"
    assert texts["CT28"] == "1.070"
    assert texts["CT29"] == "từ 1.200"
    assert texts["CT30"] == "18 trở lên"


def test_seed_indicator_links(seed: PlanTemplate) -> None:
    links = {i.code: i.movement_code for i in seed.indicators if i.movement_code}
    assert links == {
        "CT10": "GVN_DVN",
        "CT14": "XSD_ATVSLD",
        "CT15": "XSD_ATVSLD",
        "CT29": "LDG_LDST",
        "CT30": "LDG_LDST",
    }
    assert seed.movement("LDG_LDST").name == "Lao động giỏi, Lao động sáng tạo"
    assert seed.movement("GVN_DVN").name == "Giỏi việc nước, đảm việc nhà"
    assert seed.movement("XSD_ATVSLD").name.startswith("Xanh, Sạch, Đẹp")


def test_seed_levels(seed: PlanTemplate) -> None:
    cdcs = {i.code for i in seed.indicators_for("cdcs")}
    upper = {i.code for i in seed.indicators_for("upper")}
    assert upper == {i.code for i in seed.indicators}
    assert not cdcs & {"CT01", "CT03", "CT04", "CT05", "CT07", "CT12", "CT14", "CT19", "CT20"}
    assert {"CT02", "CT10", "CT23", "CT29", "CT30"} <= cdcs
    for spec in seed.indicators:
        assert spec.levels and set(spec.levels) <= set(LEVELS)
        if spec.source == "computed":
            assert spec.computed_from in COMPUTED_SOURCES
        else:
            assert spec.computed_from is None
        if spec.kind == "percent":
            assert spec.unit == "%"


EXPECTED_TITLES = {
    # code: (subject, category, system)
    "LDTT": ("individual", "title", "state"),
    "CSTDCS": ("individual", "title", "state"),
    "CSTD_TINH": ("individual", "title", "state"),
    "CSTD_TQ": ("individual", "title", "state"),
    "TTLDTT": ("collective", "title", "state"),
    "TTLDXS": ("collective", "title", "state"),
    "CO_UBND_TINH": ("collective", "title", "state"),
    "DVCD_XS": ("individual", "title", "union"),
    "GVN_DVN": ("individual", "title", "union"),
    "CDCS_VM": ("collective", "title", "union"),
    "CDCS_HTXSNV": ("collective", "title", "union"),
    "CDCS_HTTNV": ("collective", "title", "union"),
    "TO_CD_VM": ("collective", "title", "union"),
    "CO_LDLD_TINH": ("collective", "title", "union"),
    "CO_TLD": ("collective", "title", "union"),
    "GK_CDCS": ("individual", "award", "union"),
    "GK_CDCS_TT": ("collective", "award", "union"),
    "GK_CTTCS": ("individual", "award", "union"),
    "GK_CTTCS_TT": ("collective", "award", "union"),
    "BK_LDLD": ("individual", "award", "union"),
    "BK_LDLD_TT": ("collective", "award", "union"),
    "BK_TLD": ("individual", "award", "union"),
    "BK_TLD_TT": ("collective", "award", "union"),
    "BANG_LDST": ("individual", "award", "union"),
    "KNC_VSN_CD": ("individual", "award", "union"),
    "GT_NDC": ("individual", "award", "union"),
}


def test_seed_titles(seed: PlanTemplate) -> None:
    assert {t.code: (t.subject, t.category, t.system) for t in seed.titles} == EXPECTED_TITLES
    assert seed.title_spec("LDTT").name == "Lao động tiên tiến"
    assert seed.title_spec("CSTDCS").name == "Chiến sĩ thi đua cơ sở"
    assert seed.title_spec("DVCD_XS").name == "Đoàn viên công đoàn xuất sắc"
    assert seed.title_spec("GVN_DVN").name == "Giỏi việc nước, đảm việc nhà"
    assert seed.title_spec("BANG_LDST").name == "Bằng Lao động sáng tạo của Tổng Liên đoàn"
    assert {t.code for t in seed.titles if t.women_only} == {"GVN_DVN"}
    assert {t.code for t in seed.titles if t.requires_initiative} == {"CSTDCS", "BANG_LDST"}
    assert all(t.issuer for t in seed.titles)


def test_seed_rules(seed: PlanTemplate) -> None:
    values = {r.key: (r.value, r.unit) for r in seed.rules}
    assert values == {
        "cstdcs_cap_percent_of_ldtt": (Decimal(15), "%"),
        "ldtt_min_months_worked": (Decimal(10), "tháng"),
        "ldtt_exclude_days_off_from": (Decimal(40), "ngày làm việc"),
        "ldst_threshold_worker_one_year": (Decimal(80_000_000), "đồng"),
        "ldst_threshold_worker_three_years": (Decimal(120_000_000), "đồng"),
        "ldst_threshold_university": (Decimal(150_000_000), "đồng"),
        "ldst_threshold_manager": (Decimal(200_000_000), "đồng"),
        "ldst_window_years": (Decimal(3), "năm"),
        "bk_tld_thematic_cap_per_province": (Decimal(4), "bằng khen"),
        "bk_tld_thematic_cap_national": (Decimal(300), "bằng khen"),
    }
    cap = seed.rule("cstdcs_cap_percent_of_ldtt")
    assert "91/2017" in cap.basis
    assert "Chưa đối chiếu" in cap.description
    assert all(r.basis for r in seed.rules)


def test_seed_codes_unique(seed: PlanTemplate) -> None:
    for codes in (
        [m.code for m in seed.movements],
        [i.code for i in seed.indicators],
        [t.code for t in seed.titles],
        [r.key for r in seed.rules],
    ):
        assert len(codes) == len(set(codes))


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)


def test_seed_text_is_nfc(seed: PlanTemplate) -> None:
    raw = SEED_FILE.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    strings = list(_strings(seed))
    assert len(strings) > 300
    assert all(unicodedata.is_normalized("NFC", s) for s in strings)


def test_builtin_templates(seed: PlanTemplate) -> None:
    templates = builtin_templates()
    assert SEED_KEY in [t.key for t in templates]
    assert [t.year for t in templates] == sorted(t.year for t in templates)
    assert builtin_template(SEED_KEY) == seed
    with pytest.raises(PlanError, match="Không có kế hoạch mẫu"):
        builtin_template("khong-co")


def test_lookup_helpers(seed: PlanTemplate) -> None:
    assert seed.indicator("CT02").computed_from == "members_admitted"
    assert seed.phase(2).end == date(2021, 12, 31)
    with pytest.raises(KeyError):
        seed.indicator("CT99")


def test_format_target() -> None:
    assert format_target(Decimal(8000), "count") == "8.000"
    assert format_target(Decimal(85), "percent") == "85%"
    assert format_target(Decimal("12.5"), "percent") == "12,5%"
    assert format_target(Decimal(200_000_000), "money") == "200.000.000"


# --------------------------------------------------------------------------------------------
# Bad files
# --------------------------------------------------------------------------------------------

GOOD = """\
key = "thu"
year = 2022
document_number = "01/KH-LĐLĐ"
issuer = "Liên đoàn Lao động tỉnh Thử"
issued_on = 2022-01-10
place = "Thử"
title = "Kế hoạch thử"
theme = "Chủ đề"
rule_set = "QĐ 1689/QĐ-TLĐ"
registration_due = 2022-02-20
report_due_days = 5
signer = "Nguyễn Văn An"
signer_title = "Chủ tịch"

[[phases]]
number = 1
name = "Đợt 1"
start = 2022-01-01
end = 2022-06-30

[[phases]]
number = 2
name = "Đợt 2"
start = 2022-07-01
end = 2022-12-31

[[movements]]
code = "LDG"
name = "Lao động giỏi"
launched_by = "Tổng Liên đoàn"

[[indicators]]
code = "CT01"
name = "Kết nạp đoàn viên"
unit = "đoàn viên"
kind = "count"
source = "computed"
computed_from = "members_admitted"
group = "III.1"
levels = ["upper", "cdcs"]
target_value = 100
movement_code = "LDG"

[[indicators]]
code = "CT02"
name = "Tỷ lệ"
unit = "%"
kind = "percent"
source = "entered"
group = "III.1"
levels = ["upper"]
target_value = 12.5

[[titles]]
code = "LDTT"
name = "Lao động tiên tiến"
subject = "individual"
category = "title"
system = "state"
issuer = "Thủ trưởng"

[[rules]]
key = "cap"
value = "15"
unit = "%"
basis = "NĐ 91/2017/NĐ-CP"
"""


def write(tmp_path: Path, text: str, name: str = "thu.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_defaults(tmp_path: Path) -> None:
    t = load_plan_template(write(tmp_path, GOOD))
    assert t.phases[0].report_due == date(2022, 7, 5)
    assert t.phases[0].lock_date == date(2022, 7, 15)
    assert t.phases[1].report_due == date(2023, 1, 5)
    assert t.indicators[0].levels == ("cdcs", "upper")
    assert t.indicators[0].target_text == "100"
    assert t.indicators[1].target_value == Decimal("12.5")
    assert t.indicators[1].target_text == "12,5%"
    assert t.indicators[1].movement_code is None
    assert t.rules[0].value == Decimal(15)
    assert t.rules[0].description == ""
    assert t.titles[0].women_only is False


def test_explicit_report_due_and_dmy_dates(tmp_path: Path) -> None:
    text = GOOD.replace("end = 2022-06-30", 'end = "30/06/2022"\nreport_due = "10/7/2022"\nlock_date = 2022-07-10')
    t = load_plan_template(write(tmp_path, text))
    assert t.phases[0].end == date(2022, 6, 30)
    assert t.phases[0].report_due == date(2022, 7, 10)
    assert t.phases[0].lock_date == date(2022, 7, 10)


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", GOOD)
    assert decomposed != GOOD
    path = tmp_path / "nfd.toml"
    path.write_bytes(("\ufeff" + decomposed).encode("utf-8"))  # with a BOM, as Notepad writes
    t = load_plan_template(path)
    assert t.issuer == "Liên đoàn Lao động tỉnh Thử"
    assert t.indicators[0].unit == "đoàn viên"


BAD_CASES = [
    # (replace this, with that, words expected in the message)
    ('unit = "đoàn viên"\n', "", ["chỉ tiêu 'CT01'", "thiếu 'unit'"]),
    ("year = 2022\n", "", ["thiếu 'year'"]),
    ("year = 2022", 'year = "2022"', ["'year' phải là số nguyên"]),
    ("issued_on = 2022-01-10", 'issued_on = "31/02/2022"', ["'issued_on'", "không phải là ngày hợp lệ"]),
    ("issued_on = 2022-01-10", "issued_on = 2022-01-10T08:00:00", ["'issued_on' phải là ngày"]),
    ('kind = "count"', 'kind = "number"', ["chỉ tiêu 'CT01'", "'kind' = 'number' không hợp lệ"]),
    ('source = "entered"', 'source = "manual"', ["chỉ tiêu 'CT02'", "'source'"]),
    ('levels = ["upper"]', 'levels = ["tinh"]', ["chỉ tiêu 'CT02'", "'levels'", "'tinh'"]),
    ('levels = ["upper"]', "levels = []", ["chỉ tiêu 'CT02'", "'levels'"]),
    ('levels = ["upper"]', 'levels = ["upper", "upper"]', ["chỉ tiêu 'CT02'", "bị lặp"]),
    ('computed_from = "members_admitted"\n', "", ["chỉ tiêu 'CT01'", "phải có 'computed_from'"]),
    ('computed_from = "members_admitted"', 'computed_from = "doan_vien"', ["chỉ tiêu 'CT01'", "'doan_vien'"]),
    ('source = "entered"', 'source = "entered"\ncomputed_from = "ldst_authors"', ["chỉ tiêu 'CT02'", "nhập tay"]),
    ('movement_code = "LDG"', 'movement_code = "XYZ"', ["chỉ tiêu 'CT01'", "'XYZ'"]),
    ('code = "CT02"', 'code = "CT01"', ["chỉ tiêu 'CT01'", "trùng"]),
    ('code = "LDTT"', 'code = "LDTT"\ncolour = "đỏ"', ["danh hiệu 'LDTT'", "khóa lạ 'colour'"]),
    ('subject = "individual"', 'subject = "person"', ["danh hiệu 'LDTT'", "'subject'"]),
    ('system = "state"', 'system = "state"\nwomen_only = "có"', ["danh hiệu 'LDTT'", "true hoặc false"]),
    ('value = "15"', 'value = "mười lăm"', ["quy định 'cap'", "không phải là số"]),
    ('basis = "NĐ 91/2017/NĐ-CP"\n', "", ["quy định 'cap'", "thiếu 'basis'"]),
    ("target_value = 100", "target_value = -1", ["chỉ tiêu 'CT01'", "không được âm"]),
    ('name = "Lao động giỏi"', 'name = ""', ["phong trào 'LDG'", "không được để trống"]),
    ("start = 2022-07-01", "start = 2022-07-02", ["đợt 2", "01/07/2022", "02/07/2022"]),
    ("start = 2022-07-01", "start = 2022-06-30", ["đợt 2 phải bắt đầu ngay sau"]),
    ("end = 2022-12-31", "end = 2023-01-31", ["đợt 2", "không nằm trong năm 2022"]),
    ("end = 2022-06-30", "end = 2021-12-31", ["đợt 1", "sau ngày kết thúc"]),
    ("end = 2022-06-30", "end = 2022-06-30\nreport_due = 2022-06-01", ["đợt 1", "'report_due'"]),
    ("end = 2022-06-30", "end = 2022-06-30\nlock_date = 2022-07-01", ["đợt 1", "'lock_date'", "05/07/2022"]),
    ("number = 2", "number = 3", ["đánh số 1, 2, 3"]),
    ("registration_due = 2022-02-20", "registration_due = 2025-02-20", ["registration_due", "2022"]),
    ("report_due_days = 5", "report_due_days = -1", ["'report_due_days'"]),
    ('title = "Kế hoạch thử"', 'title = "Kế hoạch thử"\nnote = "x"', ["khóa lạ 'note'"]),
    ('signer = "Nguyễn Văn An"', "signer = [1]", ["'signer' phải là chuỗi"]),
    ("target_value = 12.5", 'target_value = "8.000,5"', ["chỉ tiêu 'CT02'", "không phải là số"]),
]


@pytest.mark.parametrize(("old", "new", "words"), BAD_CASES)
def test_bad_file_names_file_and_entry(tmp_path: Path, old: str, new: str, words: list[str]) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1), "ke-hoach-hong.toml")
    with pytest.raises(PlanError) as caught:
        load_plan_template(path)
    message = str(caught.value)
    assert message.startswith("Tệp ke-hoach-hong.toml: ")
    for word in words:
        assert word in message


def test_entry_without_code_is_named_by_position(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('code = "CT02"\n', "", 1))
    with pytest.raises(PlanError, match=r"Tệp thu\.toml: chỉ tiêu thứ 2: thiếu 'code'"):
        load_plan_template(path)


def test_missing_phases(tmp_path: Path) -> None:
    head = GOOD.split("[[phases]]")[0]
    with pytest.raises(PlanError, match="thiếu 'phases'"):
        load_plan_template(write(tmp_path, head))
    with pytest.raises(PlanError, match="ít nhất một đợt"):
        load_plan_template(write(tmp_path, head + "phases = []\n" + GOOD[GOOD.index("[[movements]]") :]))


def test_syntax_error_encoding_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match=r"Tệp cu-phap\.toml: sai cú pháp TOML"):
        load_plan_template(write(tmp_path, GOOD + "\nkey = \n", "cu-phap.toml"))
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.encode("cp1258", errors="replace"))
    with pytest.raises(PlanError, match=r"Tệp latin\.toml: không phải văn bản UTF-8"):
        load_plan_template(latin)
    with pytest.raises(PlanError, match=r"Tệp khong-co\.toml: không tìm thấy"):
        load_plan_template(tmp_path / "khong-co.toml")


def test_edited_file_is_reread(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert load_plan_template(path).place == "Thử"
    path.write_text(GOOD.replace('place = "Thử"', 'place = "Hà Nội, thủ đô"'), encoding="utf-8")
    assert load_plan_template(path).place == "Hà Nội, thủ đô"


# --------------------------------------------------------------------------------------------
# Copying a plan to another year
# --------------------------------------------------------------------------------------------


def test_shift_seed_forward(seed: PlanTemplate) -> None:
    t = shift_template_year(seed, 2022)
    assert t.year == 2022
    assert t.issued_on == date(2022, 1, 20)
    assert t.registration_due == date(2022, 2, 20)
    assert [(p.start, p.end, p.report_due, p.lock_date) for p in t.phases] == [
        (date(2022, 1, 1), date(2022, 6, 30), date(2022, 7, 5), date(2022, 7, 15)),
        (date(2022, 7, 1), date(2022, 12, 31), date(2023, 1, 5), date(2023, 1, 15)),
    ]
    # Everything that is not a date stays as it was.
    assert (t.key, t.indicators, t.movements, t.titles, t.rules) == (
        seed.key,
        seed.indicators,
        seed.movements,
        seed.titles,
        seed.rules,
    )
    assert shift_template_year(seed, 2021) is seed
    assert shift_template_year(t, 2021) == seed


def _phase(number: int, start: date, end: date, report_due: date | None = None) -> PhaseSpec:
    due = report_due or end
    return PhaseSpec(number, f"Đợt {number}", start, end, due, due, "")


def test_shift_over_29_february(seed: PlanTemplate) -> None:
    leap = dataclasses.replace(
        seed,
        year=2024,
        issued_on=date(2024, 2, 29),
        registration_due=date(2024, 2, 29),
        phases=(
            _phase(1, date(2024, 1, 1), date(2024, 2, 28), report_due=date(2024, 2, 29)),
            _phase(2, date(2024, 2, 29), date(2024, 12, 31)),
        ),
    )
    t = shift_template_year(leap, 2025)
    assert t.issued_on == date(2025, 2, 28)
    assert t.registration_due == date(2025, 2, 28)
    one, two = t.phases
    assert (one.start, one.end, one.report_due) == (date(2025, 1, 1), date(2025, 2, 28), date(2025, 2, 28))
    # Phase 2 still starts the day after phase 1 ends.
    assert two.start == date(2025, 3, 1)
    assert two.end == date(2025, 12, 31)

    # Into a leap year: the day after 28/2 is now 29/2, so phase 2 starts there.
    plain = dataclasses.replace(
        leap,
        year=2023,
        issued_on=date(2023, 1, 10),
        registration_due=date(2023, 2, 20),
        phases=(_phase(1, date(2023, 1, 1), date(2023, 2, 28)), _phase(2, date(2023, 3, 1), date(2023, 12, 31))),
    )
    t = shift_template_year(plain, 2024)
    assert [(p.start, p.end) for p in t.phases] == [
        (date(2024, 1, 1), date(2024, 2, 28)),
        (date(2024, 2, 29), date(2024, 12, 31)),
    ]


def test_shift_first_phase_on_29_february(seed: PlanTemplate) -> None:
    leap = dataclasses.replace(
        seed,
        year=2024,
        registration_due=date(2024, 2, 29),
        phases=(_phase(1, date(2024, 2, 29), date(2024, 12, 31)),),
    )
    assert shift_template_year(leap, 2027).phases[0].start == date(2027, 2, 28)


def test_shift_backwards_and_bad_year(seed: PlanTemplate) -> None:
    t = shift_template_year(seed, 2019)
    assert t.phases[1].report_due == date(2020, 1, 5)
    with pytest.raises(PlanError):
        shift_template_year(seed, 0)
