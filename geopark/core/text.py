"""Vietnamese-aware text folding: the one function used both to index text and to read a query."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ is a letter of its own in Unicode, not d plus a mark, so NFD leaves it alone; fold it by hand.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss"})
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (đ → d included), turn punctuation into spaces, squeeze spaces.

    `fold("Chùa Bắc Lệ – Đồng Đăng!")` is `"chua bac le dong dang"`. Chinese characters pass through.
    """
    if not text:
        return ""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.lower().translate(_SPECIAL)
    stripped = _NOT_WORD.sub(" ", stripped)
    return _SPACES.sub(" ", stripped).strip()


def terms(query: str | None, *, max_terms: int = 8) -> list[str]:
    """The distinct folded words of a query, in order, at most `max_terms` of them."""
    seen: list[str] = []
    for word in fold(query).split(" "):
        if word and word not in seen:
            seen.append(word)
    return seen[:max_terms]


# Chinese, Japanese and Korean text is not written with spaces between words, so each of its
# characters is a word of its own for the search index (a query's characters are split the same way).
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")
MAX_WORD_LENGTH = 100


def word_sequence(folded: str) -> list[str]:
    """The words of already folded text as the search index sees them, in order and repeated:
    words split on spaces, each CJK character a word, nothing longer than MAX_WORD_LENGTH."""
    return [
        part
        for word in folded.split(" ")
        for part in _CJK.split(word)
        if part and len(part) <= MAX_WORD_LENGTH
    ]


def index_words(folded: str) -> list[str]:
    """The distinct words of `word_sequence`, in order of first appearance."""
    return list(dict.fromkeys(word_sequence(folded)))
