"""The one reader of a machine sheet's "[section]" rows (documents.machine.read_sections), as the
workbook reader and the plan package use it."""

from __future__ import annotations

import pytest

from thidua_desktop.documents import machine
from thidua_desktop.exchange import plan_package
from thidua_desktop.exchange.plan_package import PackageError

ROWS = [
    ["[meta]"],
    ["schema", machine.SCHEMA],
    ["year", 2026.0],
    ["empty", ""],
    ["year", 2027.0],  # a later key wins
    [None, None],
    ["[indicators]", None, None],
    ["record_id", "code", "value"],
    ["a", "CT01", 1.5],
    ["b", "CT02"],  # padded to the header
    [],
    ["[people]"],
    ["record_id", None],
    ["p", "x"],
]


def test_meta_sections_and_padding():
    cut = machine.read_sections(ROWS)
    assert cut.meta == {"schema": (2, machine.SCHEMA), "year": (5, 2027), "empty": (4, None)}
    assert [(s.name, s.header_row, s.header) for s in cut.sections] == [
        ("indicators", 8, ["record_id", "code", "value"]),
        ("people", 13, ["record_id"]),
    ]
    assert cut.sections[0].rows == [(9, ["a", "CT01", 1.5]), (10, ["b", "CT02", None])]
    assert cut.sections[1].rows == [(14, ["p", "x"])]
    assert cut.stray_rows == []


def test_a_section_twice_and_stray_rows_are_reported_not_judged():
    rows = [["stray"], ["[t]"], ["c"], ["1"], [None], ["[t]"], ["c"], ["2"], [""], ["also stray", 1]]
    cut = machine.read_sections(rows)
    assert [(s.name, s.header_row, s.rows) for s in cut.sections] == [("t", 3, [(4, ["1"])]), ("t", 7, [(8, ["2"])])]
    assert cut.stray_rows == [1, 10]


def test_a_section_header_with_nothing_under_it_makes_no_section():
    assert machine.read_sections([["[empty]"], [], ["[t]"], ["c"]]).sections[0].name == "t"
    assert len(machine.read_sections([["[empty]"], [], ["[t]"], ["c"]]).sections) == 1


def test_the_cell_conversion_is_the_callers():
    rows = [["[meta]"], ["  key  ", "  value  "]]
    assert machine.read_sections(rows).meta == {"  key  ": (2, "  value  ")}
    assert machine.read_sections(rows, lambda v: v.strip() if isinstance(v, str) else v).meta == {"key": (2, "value")}


def test_the_plan_package_refuses_the_first_bad_row():
    twice = [["[meta]"], ["schema", "x"], [], ["[phases]"], ["c"], [], ["[phases]"], ["c"]]
    with pytest.raises(PackageError) as err:
        plan_package._sections(twice, "ke-hoach.xlsx")
    assert err.value.message == "Tệp ke-hoach.xlsx: trang _du_lieu, dòng 8: mục [phases] xuất hiện hai lần."
    stray = [*twice[:6], ["loose"], *twice[6:]]
    with pytest.raises(PackageError) as err:
        plan_package._sections(stray, "ke-hoach.xlsx")
    assert err.value.message == (
        "Tệp ke-hoach.xlsx: trang _du_lieu, dòng 7: dữ liệu nằm ngoài mục nào (trang dữ liệu bị sửa tay?)."
    )
    meta, sections = plan_package._sections(twice[:5] + [[None], ["  "], ["[x]"], ["a", None], [" 1 "]], "f")
    assert meta == {"schema": (2, "x")} and sections["phases"].header == ["c"]
    assert sections["x"].header == ["a"] and sections["x"].rows == [(10, ["1"])]
