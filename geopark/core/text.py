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
