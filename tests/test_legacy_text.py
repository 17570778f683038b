"""TCVN3 (ABC) and VNI-Windows → Unicode conversion, font names, and the encoding guess."""

from __future__ import annotations

import unicodedata

import pytest

from tests.sheets import to_tcvn3, to_tcvn3_upper, to_vni, vietnamese_letters
from thidua_desktop.core.legacy_text import (
    font_encoding,
    guess_encoding,
    is_unicode_vietnamese,
    reads_better,
    syllable_score,
    to_unicode,
)

LETTERS = vietnamese_letters()
LOWER = LETTERS[:67]
UPPER = LETTERS[67:]
UNTONED_CAPITALS = "ĂÂÊÔƠƯĐ"  # the capitals the lower-case TCVN3 font has


def test_there_are_134_letters():
    assert len(LETTERS) == 134 == len(set(LETTERS))
    assert "đ" in LOWER and "Đ" in UPPER and "ỹ" in LOWER and "Ỵ" in UPPER


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnArial Narrow", "tcvn3"),
        (".VnTimeH", "tcvn3_upper"),
        (".VnArialH", "tcvn3_upper"),
        (".VnArial NarrowH", "tcvn3_upper"),
        ("VNI-Times", "vni"),
        ("VNI-Helve", "vni"),
        ("VNI Times", "vni"),
        ("Times New Roman", None),
        ("Arial", None),
        ("Calibri", None),
        ("VNIX", None),
        ("", None),
        (None, None),
    ],
)
def test_font_encoding(font, expected):
    assert font_encoding(font) == expected


@pytest.mark.parametrize("letter", LOWER + list(UNTONED_CAPITALS))
def test_tcvn3_round_trip_every_letter(letter):
    legacy = to_tcvn3(letter)
    assert len(legacy) == 1 and ord(legacy) < 256
    assert to_unicode(legacy, "tcvn3") == letter


@pytest.mark.parametrize("letter", UPPER)
def test_tcvn3_upper_round_trip_every_capital(letter):
    legacy = to_tcvn3_upper(letter)
    assert to_unicode(legacy, "tcvn3_upper") == letter
    # The H font draws the lower-case codes as capitals: ASCII letters too.
    assert to_unicode(to_tcvn3_upper("Nguyễn " + letter), "tcvn3_upper") == "NGUYỄN " + letter


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_every_letter(letter):
    legacy = to_vni(letter)
    assert legacy.isascii() or all(ord(c) < 256 for c in legacy)
    assert to_unicode(legacy, "vni") == letter


def test_all_letters_in_one_string_round_trip():
    text = " ".join(LETTERS)
    assert to_unicode(to_vni(text), "vni") == text
    assert to_unicode(to_tcvn3(" ".join(LOWER)), "tcvn3") == " ".join(LOWER)
    assert to_unicode(to_tcvn3_upper(" ".join(UPPER)), "tcvn3_upper") == " ".join(UPPER)


@pytest.mark.parametrize(
    ("legacy", "encoding", "expected"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("NguyÔn V¨n An", "tcvn3", "Nguyễn Văn An"),
        ("Tæ c«ng ®oµn sè 1", "tcvn3", "Tổ công đoàn số 1"),
        ("danh s¸ch c¸n bé", "tcvn3_upper", "DANH SÁCH CÁN BỘ"),
        ("NGUYÔN V¡N AN", "tcvn3_upper", "NGUYỄN VĂN AN"),
        ("Nguyeãn Vaên An", "vni", "Nguyễn Văn An"),
        ("Ñinh Vaên Tuøng", "vni", "Đinh Văn Tùng"),
        ("ngöôøi lao ñoäng", "vni", "người lao động"),
        ("Coâng ñoaøn cô sôû", "vni", "Công đoàn cơ sở"),
        ("thuôû", "vni", "thuở"),
        ("NGUYEÃN THÒ HÖÔNG", "vni", "NGUYỄN THỊ HƯƠNG"),
        ("Hoaøng Thò Myõ, Kyø, Lyù, Hyû", "vni", "Hoàng Thị Mỹ, Kỳ, Lý, Hỷ"),
        ("Nguyeân Vaên Ñöôïc", "vni", "Nguyên Văn Được"),
        ("AÙnh", "vni", "Ánh"),
        ("Aùnh", "vni", "Ánh"),  # mark byte of the other case: accepted
    ],
)
def test_known_strings(legacy, encoding, expected):
    assert to_unicode(legacy, encoding) == expected


def test_output_is_nfc_and_none_only_normalises():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn An")
    assert to_unicode(nfd, None) == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", to_unicode("NguyÔn", "tcvn3"))


def test_ascii_and_punctuation_are_untouched():
    text = "Nguyen Van An 0912-345-678 (abc@example.vn) 100%"
    for enc in ("tcvn3", "tcvn3_upper", "vni"):
        expected = text.upper() if enc == "tcvn3_upper" else text
        assert to_unicode(text, enc) == expected


def test_is_unicode_vietnamese():
    assert is_unicode_vietnamese("Nguyễn")
    assert is_unicode_vietnamese(unicodedata.normalize("NFD", "Công"))
    assert not is_unicode_vietnamese("Công nhân")  # only Latin-1 letters
    assert not is_unicode_vietnamese("NguyÔn V¨n")


def test_syllable_score():
    assert syllable_score("Nguyễn Văn An") == 2  # ASCII "An" does not count
    assert syllable_score("NguyÔn V¨n An") == -2
    assert syllable_score("quyền người giữ khoẻ") == 4


# --- guessing --------------------------------------------------------------------------

NAMES = ["Nguyễn Văn An", "Phạm Thị Hoa", "Đinh Văn Tùng", "Trần Thị Hương", "Lê Quang Vũ",
         "Hoàng Thị Lan", "Bùi Đức Thắng", "Võ Thị Ánh", "Ngô Minh Tuấn", "Công nhân may"]  # fmt: skip


def test_guess_tcvn3():
    assert guess_encoding([to_tcvn3(n) for n in NAMES if not any(c in n for c in "ĐÁ")]) == "tcvn3"
    assert guess_encoding(["C«ng nh©n may", "Tæ tr­ëng", "Chñ tÞch C§CS"]) == "tcvn3"


def test_guess_tcvn3_upper():
    assert guess_encoding([to_tcvn3_upper(n).upper() for n in NAMES]) == "tcvn3_upper"


def test_guess_vni():
    assert guess_encoding([to_vni(n) for n in NAMES]) == "vni"
    assert guess_encoding(["Coâng nhaân", "Toå tröôûng"]) == "vni"


@pytest.mark.parametrize(
    "texts",
    [
        NAMES,
        [unicodedata.normalize("NFD", n) for n in NAMES],
        ["Công nhân", "Kế toán", "Lái xe", "Công nhân may"],  # Latin-1-only Unicode words included
        ["Công nhân"],
        ["Hello world", "Café crème brûlée", "Müller", "São Paulo", "naïve résumé"],
        ["Nguyen Van An", "Pham Thi Hoa", "abc@example.com"],
        [],
        [1, 2.5, None],
    ],
)
def test_guess_does_not_flag_unicode_english_or_ascii(texts):
    assert guess_encoding(texts) is None


def test_mixed_column_still_guesses_and_cells_are_guarded():
    legacy = [to_tcvn3(n) for n in ("Nguyễn Văn An", "Phạm Thị Hoa", "Trần Thị Hương")]
    column = legacy + NAMES
    assert guess_encoding(column) == "tcvn3"
    assert all(reads_better(t, "tcvn3") for t in legacy)
    assert not any(reads_better(t, "tcvn3") for t in NAMES)
    assert not reads_better("Công nhân", "tcvn3")  # a tie keeps the text as it is
