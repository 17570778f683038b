"""Tests for thidua_desktop.core.vntext (Vietnamese text, collation, dates, numbers)."""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from thidua_desktop.core.vntext import (
    format_date,
    format_date_long,
    format_number,
    format_percent,
    format_vnd,
    initials,
    join_name,
    matches,
    money_in_words,
    nfc,
    parse_date,
    parse_number,
    person_sort_key,
    place_date_line,
    search_key,
    sort_key,
    split_full_name,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------------------
# Independent reference data for the Vietnamese alphabet (hand-written rows, no NFD)
# ---------------------------------------------------------------------------

# Each row: the letter with tones ngang, huyền, hỏi, ngã, sắc, nặng.
TONE_ROWS = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ưừửữứự",
    "y": "yỳỷỹýỵ",
}
CONSONANTS = "bcdđghklmnpqrstvxfjwz"
ALPHABET_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
ASCII_BASE = {
    "ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d",
}  # fmt: skip

# lower-case char -> (letter, tone index)
REF_LETTER: dict[str, tuple[str, int]] = {}
for _letter, _row in TONE_ROWS.items():
    for _tone, _ch in enumerate(_row):
        REF_LETTER[_ch] = (_letter, _tone)
for _ch in CONSONANTS:
    REF_LETTER[_ch] = (_ch, 0)

VN_LOWER = "".join(REF_LETTER)
VN_CHARS = VN_LOWER + VN_LOWER.upper()
assert all(len(unicodedata.normalize("NFC", c)) == 1 for c in VN_CHARS)


def ref_strip(text: str) -> str:
    """Accent-stripped lower-case form using only the hand-written tables."""
    out = []
    for ch in " ".join(text.split()):
        if ch == " ":
            out.append(" ")
            continue
        letter, _ = REF_LETTER[ch.lower()]
        out.append(ASCII_BASE.get(letter, letter))
    return "".join(out)


def ref_sort_tuple(text: str) -> tuple:
    """Reference collation for letters+spaces: (letters, tones, case, text)."""
    text = " ".join(text.split())
    prim, sec, ter = [], [], []
    for ch in text:
        if ch == " ":
            prim.append(-1)
            sec.append(0)
            ter.append(0)
            continue
        letter, tone = REF_LETTER[ch.lower()]
        prim.append(ALPHABET_ORDER.index(letter))
        sec.append(tone)
        ter.append(1 if ch.isupper() else 0)
    return (tuple(prim), tuple(sec), tuple(ter), text)


vn_word = st.text(alphabet=VN_CHARS, min_size=1, max_size=7)
vn_name = st.lists(vn_word, min_size=1, max_size=4).map(" ".join)
maybe_nfd_name = st.tuples(vn_name, st.booleans()).map(lambda t: nfd(t[0]) if t[1] else t[0])


# ---------------------------------------------------------------------------
# nfc
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        (nfd("Nguyễn Văn An"), "Nguyễn Văn An"),
        ("  Trần   Thị\tBình \n", "Trần Thị Bình"),
        (nfd("  Đặng  Quỳnh   Như "), "Đặng Quỳnh Như"),
        ("Lê\u00a0Ưng", "Lê Ưng"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_nfc(raw: str, expected: str) -> None:
    assert nfc(raw) == expected
    assert unicodedata.is_normalized("NFC", nfc(raw))


@given(st.text())
def test_nfc_idempotent(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)
    assert "  " not in nfc(text)


# ---------------------------------------------------------------------------
# search_key / matches / initials
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("Đặng", "dang"),
        ("đặng", "dang"),
        ("ĐỖ THỊ HẰNG", "do thi hang"),
        ("Phạm Ngọc Ánh", "pham ngoc anh"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Bùi Thị Thu Hường", "bui thi thu huong"),
        ("Lương Thế Vinh", "luong the vinh"),
        ("Võ Nguyên Giáp", "vo nguyen giap"),
        ("Huỳnh Tấn Phát", "huynh tan phat"),
        ("Kiều Ỷ Lan", "kieu y lan"),
        ("  Trịnh   Công \t Sơn  ", "trinh cong son"),
        (nfd("Nguyễn Thị Ánh Tuyết"), "nguyen thi anh tuyet"),
        (nfd("Đoàn Thị Điểm"), "doan thi diem"),
        ("Tổ 3 – Khối Văn phòng", "to 3 – khoi van phong"),
        ("", ""),
    ],
)
def test_search_key(raw: str, expected: str) -> None:
    assert search_key(raw) == expected


@given(st.text())
def test_search_key_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


@given(st.text())
def test_search_key_ignores_normalisation_form(text: str) -> None:
    assert search_key(nfd(text)) == search_key(text)
    assert search_key(unicodedata.normalize("NFC", text)) == search_key(text)


@given(maybe_nfd_name)
def test_search_key_vietnamese_is_ascii(name: str) -> None:
    key = search_key(name)
    assert key.isascii()
    assert key == ref_strip(unicodedata.normalize("NFC", name))
    assert search_key(key) == key


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", True),
        ("   ", True),
        ("nguyen", True),
        ("van an", True),
        ("an nguyen", True),
        ("AN  VAN", True),
        ("Nguyễn", True),
        (nfd("Văn An"), True),
        ("guy", True),
        ("binh", False),
        ("an binh", False),
        ("nguyenvan", False),
    ],
)
def test_matches(query: str, expected: bool) -> None:
    key = search_key("Nguyễn Văn An")
    assert matches(query, key) is expected


@given(vn_name, st.data())
def test_matches_any_subset_of_words(name: str, data: st.DataObject) -> None:
    words = name.split()
    chosen = data.draw(st.lists(st.sampled_from(words), max_size=len(words)))
    query = nfd(" ".join(chosen)).upper()
    assert matches(query, search_key(name))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn An", "nva"),
        ("Đặng Thị Ánh", "dta"),
        ("  Lê   Ưng ", "lu"),
        ("Ông Ích Khiêm", "oik"),
        (nfd("Đỗ Mười"), "dm"),
        ("An", "a"),
        ("", ""),
    ],
)
def test_initials(raw: str, expected: str) -> None:
    assert initials(raw) == expected


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Nguyễn Thị Ánh Tuyết", ("Nguyễn Thị Ánh", "Tuyết")),
        ("Trần Văn An", ("Trần Văn", "An")),
        ("Lê An", ("Lê", "An")),
        ("Tuyết", ("", "Tuyết")),
        ("", ("", "")),
        ("   ", ("", "")),
        ("  Phạm   Ngọc  Ánh ", ("Phạm Ngọc", "Ánh")),
        (nfd("Đặng Thị Hằng"), ("Đặng Thị", "Hằng")),
        ("Tôn Nữ Thị Ninh", ("Tôn Nữ Thị", "Ninh")),
    ],
)
def test_split_full_name(full: str, expected: tuple[str, str]) -> None:
    assert split_full_name(full) == expected


@pytest.mark.parametrize(
    ("family", "given_name", "expected"),
    [
        ("Nguyễn Thị Ánh", "Tuyết", "Nguyễn Thị Ánh Tuyết"),
        ("", "An", "An"),
        ("Lê", "", "Lê"),
        ("", "", ""),
        (" Nguyễn  Văn ", " An ", "Nguyễn Văn An"),
        (nfd("Đặng"), nfd("Hằng"), "Đặng Hằng"),
    ],
)
def test_join_name(family: str, given_name: str, expected: str) -> None:
    assert join_name(family, given_name) == expected


@given(vn_name)
def test_split_join_round_trip(name: str) -> None:
    assert join_name(*split_full_name(name)) == nfc(name)


# ---------------------------------------------------------------------------
# sort_key
# ---------------------------------------------------------------------------

# A hand-checked list in Vietnamese dictionary order.
ORDERED_WORDS = [
    "1",
    "10",
    "2",
    "a",
    "A",
    "à",
    "ả",
    "ã",
    "á",
    "ạ",
    "ác",
    "ai",
    "an",
    "An",
    "AN",
    "Anh",
    "Ánh",
    "Ăn",
    "Ân",
    "Bảo",
    "Bình",
    "Cường",
    "Dũng",
    "Duy",
    "Đại",
    "Đức",
    "Em",
    "Êm",
    "Fan",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiền",
    "Huy",
    "Ích",
    "Jan",
    "Khánh",
    "Lan",
    "Linh",
    "Minh",
    "Nga",
    "Ngà",
    "Ngân",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Ôn",
    "Ơn",
    "Phúc",
    "Quang",
    "Quyên",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Uyên",
    "Ưng",
    "Văn",
    "Vy",
    "Wendy",
    "Xuân",
    "Yến",
    "Zoe",
    "Zoe!",
    "!",
]

ORDERED_FULL_NAMES = [
    "Lê An",
    "Lê An Bình",
    "Lê Anh",
    "Lê Ánh",
    "Lê Ánh Dương",
    "Lê Bá An",
    "Lê Ba Anh",
    "Lê Bà Anh",
    "Nguyễn An",
    "Nguyễn Ân",
    "Nguyễn Thị Ánh Tuyết",
    "Nguyễn Văn An",
    "Trần An",
]


@pytest.mark.parametrize("ordered", [ORDERED_WORDS, ORDERED_FULL_NAMES])
def test_sort_key_known_order(ordered: list[str]) -> None:
    for seed in range(20):
        shuffled = ordered[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == ordered
    keys = [sort_key(x) for x in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@given(st.permutations(ORDERED_WORDS + ORDERED_FULL_NAMES))
def test_sort_key_sorts_shuffled_names(shuffled: list[str]) -> None:
    result = sorted(shuffled, key=sort_key)
    assert [x for x in result if x in ORDERED_WORDS] == ORDERED_WORDS
    assert [x for x in result if x in ORDERED_FULL_NAMES] == ORDERED_FULL_NAMES


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("Anh", "Ánh"),  # tone is secondary
        ("ang", "anh"),  # letters decide first
        ("ang", "Ánh"),
        ("Àng", "anh"),
        ("Dũng", "Đại"),  # d before đ whatever follows
        ("Dzung", "Đa"),
        ("Ôn", "Ơn"),
        ("Oanh", "Ôn"),
        ("Uyên", "Ưng"),
        ("Hà", "Hải"),  # shorter primary first
        ("Hải", "Hạnh"),  # i < n
        ("Hà", "Hạnh"),
        ("Bá An", "Ba Anh"),  # letters of the whole string first
        ("Ba Ánh", "Bà Anh"),  # then tones left to right
        ("a", "à"),
        ("à", "ả"),
        ("ả", "ã"),
        ("ã", "á"),
        ("á", "ạ"),
        ("an", "An"),  # case is tertiary, lower first
        ("aN", "An"),
        ("An", "Án"),  # tone beats case
        ("Ạn", "Anh"),  # letters beat tone
        ("Tổ 1", "Tổ A"),  # digits before letters
        ("Tổ 9", "Tổ A"),
        ("Lê An Bình", "Lê Anh"),  # space before letters
        ("Êm", "Fan"),  # f after ê
        ("Ịt", "Jan"),  # j after i
        ("Jan", "Khánh"),
        ("Vỹ", "Wendy"),  # w after v
        ("Wendy", "Xuân"),
        ("Ỹ", "Zoe"),  # z after y
        ("Zoe", "Zoe-An"),
        ("Zzz", "(An)"),  # other characters after letters
    ],
)
def test_sort_key_pairs(smaller: str, larger: str) -> None:
    assert sort_key(smaller) < sort_key(larger)
    assert sort_key(nfd(smaller)) < sort_key(nfd(larger))


def test_sort_key_normalises_input() -> None:
    assert sort_key(nfd("Nguyễn Thị Ánh")) == sort_key("Nguyễn Thị Ánh")
    assert sort_key("  Nguyễn   Thị Ánh ") == sort_key("Nguyễn Thị Ánh")
    assert sort_key("") < sort_key("a") < sort_key("Ánh")
    assert sort_key("") < sort_key("0")


def test_sort_key_odd_characters_do_not_crash() -> None:
    # a combining mark NFC cannot compose, a lone mark, control characters, emoji
    for text in ["q\u0301", "\u0301a", "a\x00b", "\x01", "😀 An", "Ǖ", "ß", "İ", "Ａ"]:
        key = sort_key(text)
        assert isinstance(key, str)
        assert "\x00" not in key and "\x01" not in key
    assert sort_key("a\x00b") == sort_key("ab")


@given(vn_name, vn_name)
def test_sort_key_matches_reference(a: str, b: str) -> None:
    ka, kb = sort_key(a), sort_key(b)
    ra, rb = ref_sort_tuple(a), ref_sort_tuple(b)
    assert (ka < kb) == (ra < rb)
    assert (ka == kb) == (ra == rb)


@given(maybe_nfd_name, maybe_nfd_name, maybe_nfd_name)
def test_sort_key_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = sort_key(a), sort_key(b), sort_key(c)
    # keys identify the normalised text exactly, so the order is strict on names
    assert (ka == kb) == (nfc(a) == nfc(b))
    # sort_key is a string, so transitivity follows; check it is not vacuous
    if ka <= kb <= kc:
        assert ka <= kc
    assert sort_key(nfd(a)) == ka


@given(st.lists(st.text(), max_size=20))
def test_sort_key_agrees_with_sqlite_binary(texts: list[str]) -> None:
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE TABLE t (k TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(sort_key(t),) for t in texts])
        from_db = [row[0] for row in conn.execute("SELECT k FROM t ORDER BY k")]
    conn.close()
    assert from_db == sorted(sort_key(t) for t in texts)


# ---------------------------------------------------------------------------
# person_sort_key
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        (("Trần Văn", "An"), ("Nguyễn Thị", "Bình")),  # tên decides first
        (("Lê", "An"), ("Nguyễn", "An")),  # same tên: họ đệm decides
        (("Nguyễn Văn", "An"), ("Lê", "Anh")),
        (("Vũ", "Anh"), ("Lê", "Ánh")),
        (("Phạm Thị", "Dung"), ("Đặng", "Dũng")),
        (("Đỗ", "Dũng"), ("An", "Đại")),
        (("Trần", "Hà"), ("Trần", "Hải")),
        (("", "An"), ("Lê", "An")),
        (("Nguyễn Thị Ánh", "Tuyến"), ("Nguyễn Thị Ánh", "Tuyết")),  # n < t
    ],
)
def test_person_sort_key_pairs(smaller: tuple[str, str], larger: tuple[str, str]) -> None:
    assert person_sort_key(*smaller) < person_sort_key(*larger)


def test_person_sort_key_roster() -> None:
    roster = [
        ("Lê", "An"),
        ("Nguyễn", "An"),
        ("Trần Văn", "An"),
        ("Hoàng Thị", "Ánh"),
        ("Nguyễn Thị", "Bình"),
        ("Võ", "Dũng"),
        ("Bùi", "Đạt"),
        ("Phạm Ngọc", "Hà"),
        ("Lý Thị", "Hải"),
        ("Đinh", "Hạnh"),
        ("Ngô", "Uyên"),
        ("Kiều", "Ưng"),
    ]
    shuffled = roster[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=lambda p: person_sort_key(*p)) == roster


@given(maybe_nfd_name, vn_word, maybe_nfd_name, vn_word)
def test_person_sort_key_matches_pair_order(f1: str, g1: str, f2: str, g2: str) -> None:
    k1, k2 = person_sort_key(f1, g1), person_sort_key(f2, g2)
    p1 = (sort_key(g1), sort_key(f1))
    p2 = (sort_key(g2), sort_key(f2))
    assert (k1 < k2) == (p1 < p2)
    assert (k1 == k2) == (p1 == p2)


@given(st.text(), st.text(), st.text(), st.text())
def test_person_sort_key_matches_pair_order_any_text(f1: str, g1: str, f2: str, g2: str) -> None:
    k1, k2 = person_sort_key(f1, g1), person_sort_key(f2, g2)
    p1 = (sort_key(g1), sort_key(f1))
    p2 = (sort_key(g2), sort_key(f2))
    assert (k1 < k2) == (p1 < p2)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 1, 20), "20/01/2021"),
        (date(2021, 12, 5), "05/12/2021"),
        (date(1987, 2, 28), "28/02/1987"),
        (date(2000, 10, 10), "10/10/2000"),
        (date(999, 1, 1), "01/01/0999"),
    ],
)
def test_format_date(d: date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 1, 20), "ngày 20 tháng 01 năm 2021"),
        (date(2021, 7, 4), "ngày 04 tháng 7 năm 2021"),
        (date(2021, 12, 5), "ngày 05 tháng 12 năm 2021"),
        (date(2021, 2, 1), "ngày 01 tháng 02 năm 2021"),
        (date(2021, 3, 9), "ngày 09 tháng 3 năm 2021"),
        (date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
        (date(2024, 11, 30), "ngày 30 tháng 11 năm 2024"),
    ],
)
def test_format_date_long(d: date, expected: str) -> None:
    assert format_date_long(d) == expected


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Ninh Bình", date(2021, 1, 20), "Ninh Bình, ngày 20 tháng 01 năm 2021"),
        ("Hà Nội", date(2021, 7, 4), "Hà Nội, ngày 04 tháng 7 năm 2021"),
        (nfd(" Thành phố  Hồ Chí Minh "), date(2021, 12, 5),
         "Thành phố Hồ Chí Minh, ngày 05 tháng 12 năm 2021"),
        ("", date(2021, 1, 20), "Ngày 20 tháng 01 năm 2021"),
    ],
)  # fmt: skip
def test_place_date_line(place: str, d: date, expected: str) -> None:
    assert place_date_line(place, d) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/01/2021", date(2021, 1, 20)),
        ("20-01-2021", date(2021, 1, 20)),
        ("20.01.2021", date(2021, 1, 20)),
        ("2021-01-20", date(2021, 1, 20)),
        ("20/1/2021", date(2021, 1, 20)),
        ("1/2/2021", date(2021, 2, 1)),
        (" 05/12/2021 ", date(2021, 12, 5)),
        ("29/02/2020", date(2020, 2, 29)),
        ("2021-1-5", date(2021, 1, 5)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/1987",
        "29/02/2021",
        "32/01/2021",
        "00/01/2021",
        "20/13/2021",
        "2021-13-01",
        "2021/01/20",
        "20/01-2021",
        "20/01/21",
        "20012021",
        "ngày 20 tháng 01 năm 2021",
        "abc",
        "",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="^Ngày không hợp lệ: "):
        parse_date(text)


@given(st.dates())
def test_parse_format_date_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1200, None, "1.200"),
        (8000, None, "8.000"),
        (1234567, None, "1.234.567"),
        (95.5, None, "95,5"),
        (-1200.25, None, "-1.200,25"),
        (0, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (-1000, None, "-1.000"),
        (100000, None, "100.000"),
        (8000.0, None, "8.000"),
        (Decimal("95.50"), None, "95,5"),
        (Decimal("1E+3"), None, "1.000"),
        (Decimal("1.005"), None, "1,01"),  # half-up, not banker's
        (1 / 3, None, "0,33"),
        (2 / 3, None, "0,67"),
        (-0.001, None, "0"),  # no "-0"
        (1.999, None, "2"),
        (12345678.9, None, "12.345.678,9"),
        (1200, 2, "1.200,00"),
        (95.5, 0, "96"),
        (94.5, 0, "95"),
        (95.45, 1, "95,5"),
        (Decimal("-0.004"), 2, "0,00"),
        (1234.5, 3, "1.234,500"),
        (-1234567.891, 2, "-1.234.567,89"),
    ],
)
def test_format_number(value: float | Decimal, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN")])
def test_format_number_rejects_non_finite(bad: float | Decimal) -> None:
    with pytest.raises(ValueError):
        format_number(bad)


def test_format_number_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError):
        format_number(1, -1)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (95.5, 1, "95,5%"),
        (85, 1, "85%"),
        (85.0, 1, "85%"),
        (100, 1, "100%"),
        (33.333, 1, "33,3%"),
        (66.66, 1, "66,7%"),
        (0, 1, "0%"),
        (1234.5, 1, "1.234,5%"),
        (33.333, 2, "33,33%"),
        (85.5, 2, "85,5%"),
        (12.5, 0, "13%"),
        (Decimal("99.95"), 1, "100%"),
    ],
)
def test_format_percent(value: float | Decimal, decimals: int, expected: str) -> None:
    assert format_percent(value, decimals) == expected


def test_format_percent_default_decimals() -> None:
    assert format_percent(95.55) == "95,6%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.200", Decimal(1200)),
        ("8.000", Decimal(8000)),
        ("95,5", Decimal("95.5")),
        ("1.234.567,8", Decimal("1234567.8")),
        ("1.234.567", Decimal(1234567)),
        ("  1 200 ", Decimal(1200)),
        ("95,5 %", Decimal("95.5")),
        ("95,5%", Decimal("95.5")),
        ("84.000.000 đồng", Decimal(84_000_000)),
        (nfd("84.000.000 đồng"), Decimal(84_000_000)),
        ("84.000.000đ", Decimal(84_000_000)),
        ("84.000.000 VNĐ", Decimal(84_000_000)),
        ("-1.200,25", Decimal("-1200.25")),
        ("\u22125", Decimal(-5)),
        ("+7", Decimal(7)),
        ("0", Decimal(0)),
        ("-0", Decimal(0)),
        ("0,05", Decimal("0.05")),
        ("1200", Decimal(1200)),
        ("1\u00a0200", Decimal(1200)),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert isinstance(result, Decimal)
    assert result == expected


@pytest.mark.parametrize(
    "text",
    ["", "  ", "abc", "1.5", "1,2,3", "1.20", "12.0000", "1..000", ",5", "1,", "--1",
     "%", "đồng", "1.200.00", "1e5", "12a", "1.200,5.0"],
)  # fmt: skip
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="^Số không hợp lệ: "):
        parse_number(text)


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_number_round_trip_int(n: int) -> None:
    assert parse_number(format_number(n)) == n
    assert parse_number(format_vnd(n)) == n


@given(
    st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_number_round_trip_two_decimals(d: Decimal) -> None:
    assert parse_number(format_number(d)) == d
    assert parse_number(format_number(d, 2)) == d
    assert parse_number(format_percent(d, 2)) == d


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (84_000_000, "84.000.000 đồng"),
        (0, "0 đồng"),
        (500, "500 đồng"),
        (1_500_000, "1.500.000 đồng"),
        (-1200, "-1.200 đồng"),
    ],
)
def test_format_vnd(amount: int, expected: str) -> None:
    assert format_vnd(amount) == expected


# ---------------------------------------------------------------------------
# money_in_words
# ---------------------------------------------------------------------------

# Hand-written readings of numbers below 1000 (no currency, lower case).
SMALL_READINGS = {
    1: "một",
    2: "hai",
    3: "ba",
    4: "bốn",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
    11: "mười một",
    12: "mười hai",
    14: "mười bốn",
    15: "mười lăm",
    19: "mười chín",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi tư",
    25: "hai mươi lăm",
    30: "ba mươi",
    31: "ba mươi mốt",
    35: "ba mươi lăm",
    44: "bốn mươi tư",
    45: "bốn mươi lăm",
    50: "năm mươi",
    55: "năm mươi lăm",
    71: "bảy mươi mốt",
    84: "tám mươi tư",
    91: "chín mươi mốt",
    99: "chín mươi chín",
    100: "một trăm",
    101: "một trăm linh một",
    104: "một trăm linh bốn",
    105: "một trăm linh năm",
    110: "một trăm mười",
    111: "một trăm mười một",
    114: "một trăm mười bốn",
    115: "một trăm mười lăm",
    120: "một trăm hai mươi",
    121: "một trăm hai mươi mốt",
    124: "một trăm hai mươi tư",
    125: "một trăm hai mươi lăm",
    200: "hai trăm",
    201: "hai trăm linh một",
    211: "hai trăm mười một",
    221: "hai trăm hai mươi mốt",
    305: "ba trăm linh năm",
    450: "bốn trăm năm mươi",
    500: "năm trăm",
    555: "năm trăm năm mươi lăm",
    707: "bảy trăm linh bảy",
    810: "tám trăm mười",
    999: "chín trăm chín mươi chín",
}

ALLOWED_WORDS = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
    "mười", "mươi", "mốt", "tư", "lăm", "linh", "trăm", "nghìn", "triệu", "tỷ",
    "đồng", "âm",
}  # fmt: skip


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (10, "Mười đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (1000, "Một nghìn đồng"),
        (1005, "Một nghìn không trăm linh năm đồng"),
        (1015, "Một nghìn không trăm mười lăm đồng"),
        (1050, "Một nghìn không trăm năm mươi đồng"),
        (1100, "Một nghìn một trăm đồng"),
        (14_000, "Mười bốn nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (100_005, "Một trăm nghìn không trăm linh năm đồng"),
        (1_000_000, "Một triệu đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (1_010_000, "Một triệu không trăm mười nghìn đồng"),
        (1_100_000, "Một triệu một trăm nghìn đồng"),
        (2_500_000, "Hai triệu năm trăm nghìn đồng"),
        (10_000_000, "Mười triệu đồng"),
        (15_000_000, "Mười lăm triệu đồng"),
        (84_000_000, "Tám mươi tư triệu đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_001, "Một tỷ không trăm linh một đồng"),
        (1_005_000_000, "Một tỷ không trăm linh năm triệu đồng"),
        (1_000_005_000, "Một tỷ không trăm linh năm nghìn đồng"),
        (2_345_678_901, ("Hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn "
                         "chín trăm linh một đồng")),
        (999_000_000_000, "Chín trăm chín mươi chín tỷ đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (1_001_000_000_000, "Một nghìn không trăm linh một tỷ đồng"),
        (1_250_000_000_000, "Một nghìn hai trăm năm mươi tỷ đồng"),
        (5_000_000_000_000, "Năm nghìn tỷ đồng"),
        (10**15, "Một triệu tỷ đồng"),
        (10**18, "Một tỷ tỷ đồng"),
        (-1200, "Âm một nghìn hai trăm đồng"),
        (-84_000_000, "Âm tám mươi tư triệu đồng"),
    ],
)  # fmt: skip
def test_money_in_words(amount: int, expected: str) -> None:
    assert money_in_words(amount) == expected


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        (1000, {"thousand": "ngàn"}, "Một ngàn đồng"),
        (1_005_000, {"thousand": "ngàn"}, "Một triệu không trăm linh năm ngàn đồng"),
        (24, {"four": "bốn"}, "Hai mươi bốn đồng"),
        (24, {}, "Hai mươi tư đồng"),
        (14, {"four": "tư"}, "Mười bốn đồng"),
        (105, {"zero_tens": "lẻ"}, "Một trăm lẻ năm đồng"),
        (105, {"currency": ""}, "Một trăm linh năm"),
        (84, {"currency": "USD"}, "Tám mươi tư USD"),
        (84_000_000, {"exact_suffix": True}, "Tám mươi tư triệu đồng chẵn"),
        (84_000_000, {"exact_suffix": True, "currency": ""}, "Tám mươi tư triệu chẵn"),
        (0, {"exact_suffix": True}, "Không đồng"),
        (0, {"currency": ""}, "Không"),
        (-5, {"exact_suffix": True}, "Âm năm đồng chẵn"),
        (1_024_105, {"thousand": "ngàn", "four": "bốn", "zero_tens": "lẻ"},
         "Một triệu không trăm hai mươi bốn ngàn một trăm lẻ năm đồng"),
    ],
)  # fmt: skip
def test_money_in_words_options(amount: int, kwargs: dict, expected: str) -> None:
    assert money_in_words(amount, **kwargs) == expected


def test_money_in_words_accepts_integral_decimal() -> None:
    assert money_in_words(Decimal(84_000_000)) == "Tám mươi tư triệu đồng"  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        money_in_words(Decimal("1.5"))  # type: ignore[arg-type]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@given(st.sampled_from(sorted(SMALL_READINGS)))
def test_money_in_words_small_reference(n: int) -> None:
    assert lower_first(money_in_words(n, currency="")) == SMALL_READINGS[n]
    assert money_in_words(n) == (SMALL_READINGS[n] + " đồng").capitalize()


def inner_reading(n: int) -> str:
    """Reading of a 0 < n < 1000 group after a higher group (with "không trăm")."""
    if n >= 100:
        return SMALL_READINGS[n]
    if n >= 10:
        return "không trăm " + SMALL_READINGS[n]
    return "không trăm linh " + SMALL_READINGS[n]


@given(
    st.sampled_from(sorted(SMALL_READINGS)),
    st.sampled_from(sorted(SMALL_READINGS)),
    st.sampled_from(sorted(SMALL_READINGS)),
)
def test_money_in_words_composes_groups(a: int, b: int, c: int) -> None:
    assert lower_first(money_in_words(a * 1000 + b, currency="")) == (f"{SMALL_READINGS[a]} nghìn {inner_reading(b)}")
    assert lower_first(money_in_words(a * 1_000_000 + c, currency="")) == (
        f"{SMALL_READINGS[a]} triệu {inner_reading(c)}"
    )
    assert lower_first(money_in_words(a * 10**9 + b * 1000, currency="")) == (
        f"{SMALL_READINGS[a]} tỷ {inner_reading(b)} nghìn"
    )


@given(st.integers(min_value=-(10**21), max_value=10**21))
def test_money_in_words_shape(n: int) -> None:
    text = money_in_words(n)
    assert "  " not in text
    assert text == text.strip()
    assert text[0].isupper()
    assert text[1:] == text[1:].lower()
    assert text.endswith(" đồng")
    assert set(text.lower().split()) <= ALLOWED_WORDS
    if n < 0:
        assert text == "Âm " + lower_first(money_in_words(-n))
    if n > 0:
        assert "âm" not in text.lower().split()
    # the currency and suffix options only add words at the end
    assert money_in_words(n, exact_suffix=True) == text + " chẵn" or n == 0
    bare = money_in_words(n, currency="")
    assert text == bare + " đồng"
