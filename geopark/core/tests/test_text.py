import pytest

from geopark.core.text import fold, terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tam Thanh", "tam thanh"),
        ("Đồng Đăng", "dong dang"),
        ("đền Bắc Lệ", "den bac le"),
        ("ĐỒNG ĐĂNG", "dong dang"),
        ("Chùa Tam Thanh (động Tam Thanh)", "chua tam thanh dong tam thanh"),
        ("Thế giới đầm hồ – Trũng Na Dương", "the gioi dam ho trung na duong"),
        ("Hữu Lũng", "huu lung"),
        ("  many   spaces\tand\nlines ", "many spaces and lines"),
        ("谅山地质公园", "谅山地质公园"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_strips_vietnamese_diacritics_including_d_with_stroke(text, folded):
    assert fold(text) == folded


def test_fold_of_decomposed_and_composed_forms_is_the_same():
    import unicodedata

    word = "Lạng Sơn"
    assert fold(unicodedata.normalize("NFD", word)) == fold(unicodedata.normalize("NFC", word)) == "lang son"


def test_terms_deduplicates_and_caps_the_number_of_words():
    assert terms("Tam tam THANH") == ["tam", "thanh"]
    assert len(terms(" ".join(f"w{i}" for i in range(30)))) == 8
    assert terms("!!! ???") == []
