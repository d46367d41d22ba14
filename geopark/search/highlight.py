"""Marking the query's words in a result's text, as the search found them: diacritics ignored
(đ included), a word of MIN_PREFIX letters or more also marking the words it begins, each Chinese
character a word. Everything else is escaped."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from geopark.core.text import fold

from .selectors import MIN_PREFIX

# A Chinese, Japanese or Korean character: a word of its own, as in core.text.word_sequence.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of `text`, positions in `text` itself: each character
    is folded on its own, so a folded word maps back to the characters it came from."""
    spans: list[tuple[int, int, str]] = []
    start, folded = -1, ""
    for i, char in enumerate(text):
        piece = fold(char)
        if _CJK.match(char):
            if start >= 0:
                spans.append((start, i, folded))
            spans.append((i, i + 1, piece))
            start, folded = -1, ""
        elif piece:
            if start < 0:
                start = i
            folded += piece
        elif start >= 0 and not _combining(char):
            spans.append((start, i, folded))
            start, folded = -1, ""
    if start >= 0:
        spans.append((start, len(text), folded))
    return spans


def _combining(char: str) -> bool:
    # A mark written after its letter (decomposed text) belongs to the word.
    return bool(unicodedata.combining(char))


def _matches(word: str, query_words: list[str]) -> bool:
    return any(word == q or (len(q) >= MIN_PREFIX and word.startswith(q)) for q in query_words)


def highlight(text: str | None, query_words: list[str]) -> SafeString:
    """`text` escaped, with each word the query found in it wrapped in <mark>."""
    text = text or ""
    out: list[str] = []
    last = 0
    for start, end, word in _words(text):
        if _matches(word, query_words):
            out.append(escape(text[last:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            last = end
    out.append(escape(text[last:]))
    # Every piece of the text is escaped above; only the marks are markup.
    return mark_safe("".join(out))


def has_match(text: str | None, query_words: list[str]) -> bool:
    return any(_matches(word, query_words) for _, _, word in _words(text or ""))


def shown(result, query_words: list[str]) -> dict:
    """A result as the page shows it: title and summary marked, and the record's names in other
    languages that hold a query word (a visitor who typed one sees why the result came)."""
    return {
        "result": result,
        "title": highlight(result.title, query_words),
        "summary": highlight(result.summary, query_words),
        "also": [highlight(name, query_words) for name in result.other_titles if has_match(name, query_words)]
        if not has_match(result.title, query_words)
        else [],
    }
