"""Ranked, diacritic-insensitive search over the index."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from geopark.core.i18n import current_lang
from geopark.core.text import fold, index_words, terms

from .models import BODY_WEIGHT, TITLE_WEIGHT, SearchDocument

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    folded: str
    results: list[SearchDocument]
    problem: str = ""  # "empty", "too_long", "no_words" — a helpful page explains it


def search(query: str | None, *, lang: str | None = None, kind: str = "", limit: int = MAX_RESULTS) -> SearchOutcome:
    """Every word of the query must occur (folded) in the title or body; title hits rank first.
    When no document has every word, documents missing one word are accepted.

    Score: 10 per word found in the title, 1 per word found only in the body, 20 more when the
    whole folded query stands in the title, and 5 more when the title starts with it.

    Words are looked up in the token index (`SearchToken`), not by scanning texts: a query word of
    MIN_PREFIX letters or more matches the indexed words it begins ("temple" finds "temples"), a
    shorter one only itself (Vietnamese syllables: "le" must not find "leo"); a Chinese character is
    a word of its own."""
    raw = (query or "").strip()
    if not raw:
        return SearchOutcome(raw, "", [], problem="empty")
    if len(raw) > MAX_QUERY_LENGTH:
        return SearchOutcome(raw[:MAX_QUERY_LENGTH], "", [], problem="too_long")
    words = terms(raw)
    if not words:
        return SearchOutcome(raw, "", [], problem="no_words")
    folded = " ".join(words)
    lookups = index_words(folded)[:MAX_LOOKUPS]
    lang = current_lang(lang)
    results = _ranked(lang, kind, lookups, folded, need=len(lookups), limit=limit)
    if not results and len(lookups) > 1:
        # Nobody wrote every word (people say "chùa Bắc Lệ" for the temple Đền Bắc Lệ): accept
        # documents missing one word, still ranked by how much of the query their title holds.
        results = _ranked(lang, kind, lookups, folded, need=len(lookups) - 1, limit=limit)
    return SearchOutcome(raw, fold(raw), results)


MIN_PREFIX = 4
MAX_LOOKUPS = 12
# Above every code point: `word < prefix + _TOP` closes the range of words that begin with prefix.
_TOP = "\U0010ffff"


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _match(word: str, collate: str) -> tuple[str, list[str]]:
    if len(word) >= MIN_PREFIX:
        return f"t.word{collate} >= %s AND t.word{collate} < %s", [word, word + _TOP]
    return "t.word = %s", [word]


def _ranked(lang: str, kind: str, lookups: list[str], folded: str, *, need: int, limit: int) -> list[SearchDocument]:
    """The best `limit` documents holding at least `need` of the words, in two tiers.

    A document with a query word in its title scores at least 10 and outranks every document that
    has them only in its body (at most 1 per word), so the title tier is ranked first, exactly: its
    candidates are the documents a word's title postings name (few: titles are short). The body
    tier is read only when the title tier does not fill the page; its candidates come from the
    rarest words' postings. Either tier ranks at most its newest TITLE_CANDIDATES / BODY_CANDIDATES
    candidates, so a query of very common words costs a bounded number of index probes; below those
    numbers (every query on a geopark's real data) the ranking is exact."""
    collate = ' COLLATE "C"' if connection.vendor == "postgresql" else ""
    matches = [_match(word, collate) for word in lookups]
    counts = _posting_counts(lang, matches)
    # A ranked document holds one of the len - need + 1 rarest words (it misses at most len - need).
    rarest = sorted(range(len(matches)), key=lambda i: counts[i]["any"])[: len(matches) - need + 1]
    # Title tier: the documents with a query word in their title, or (fewer, when one word is rare)
    # those holding a rarest word anywhere; the tier condition below keeps the right ones.
    by_title = sum(c["title"] for c in counts) <= sum(counts[i]["any"] for i in rarest)
    title_candidates, title_params = _candidates(
        lang, matches, range(len(matches)) if by_title else rarest, [TITLE_WEIGHT] if by_title else None,
        TITLE_CANDIDATES)
    ranked = _score(lang, kind, matches, folded, need=need, limit=limit,
                    candidates=title_candidates, candidate_params=title_params, title_tier=True)
    if len(ranked) >= limit:
        return _documents(ranked)
    body_candidates, body_params = _candidates(lang, matches, rarest, [BODY_WEIGHT], BODY_CANDIDATES)
    ranked += _score(lang, kind, matches, folded, need=need, limit=limit - len(ranked), candidates=body_candidates,
                     candidate_params=body_params, title_tier=False)
    return _documents(ranked)


def _candidates(lang: str, matches: list[tuple[str, list[str]]], words, weights: list[int] | None,
                cap: int) -> tuple[str, list]:
    """SQL naming the newest `cap` documents that hold one of `words` (with one of `weights`)."""
    sources, params = [], []
    weight_filter = f"AND t.weight IN ({', '.join(map(str, weights))})" if weights else ""
    for i in words:
        sql, match_params = matches[i]
        sources.append(f"SELECT t.document_id FROM sitesearch_searchtoken t{_by('sitesearch_token_lookup')} "
                       f"WHERE t.lang = %s {weight_filter} AND {sql}")
        params += [lang, *match_params]
    return f"SELECT document_id FROM ({' UNION '.join(sources)}) c ORDER BY document_id DESC LIMIT {cap}", params


TITLE_CANDIDATES = 5000
BODY_CANDIDATES = 5000


def _by(index: str) -> str:
    # SQLite's planner, given statistics, may skip-scan the other token index for a posting list
    # (seconds instead of milliseconds); name the index. PostgreSQL chooses well on its own.
    return f" INDEXED BY {index}" if connection.vendor == "sqlite" else ""


def _posting_counts(lang: str, matches: list[tuple[str, list[str]]]) -> list[dict[str, int]]:
    """Per word, how many documents hold it in their title and anywhere, counted up to a cap."""
    parts, params = [], []
    cap = max(TITLE_CANDIDATES, BODY_CANDIDATES) + 1
    for sql, match_params in matches:
        for weights in (f"= {TITLE_WEIGHT}", f"IN ({TITLE_WEIGHT}, {BODY_WEIGHT})"):
            parts.append(f"(SELECT COUNT(*) FROM (SELECT 1 FROM sitesearch_searchtoken t{_by('sitesearch_token_lookup')} "
                         f"WHERE t.lang = %s AND t.weight {weights} AND {sql} LIMIT {cap}) c)")
            params += [lang, *match_params]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return [{"title": row[2 * i], "any": row[2 * i + 1]} for i in range(len(matches))]


def _score(lang: str, kind: str, matches: list[tuple[str, list[str]]], folded: str, *, need: int, limit: int,
           candidates: str, candidate_params: list, title_tier: bool) -> list[tuple[int, int]]:
    """(document id, score) of the best `limit` candidates: per candidate and word, its best weight
    (one probe of the (document, word) index each: correlated subqueries leave the database no
    plan that reads whole posting lists); summed; at least `need` words; bonuses; ordered."""
    columns, params = [], []
    for i, (sql, match_params) in enumerate(matches):
        columns.append(f"(SELECT MAX(t.weight) FROM sitesearch_searchtoken t{_by('sitesearch_token_by_document')} "
                       f"WHERE t.document_id = cand.document_id AND {sql}) AS w{i}")
        params += match_params
    score = " + ".join(f"COALESCE(w{i}, 0)" for i in range(len(matches)))
    matched = " + ".join(f"CASE WHEN w{i} IS NULL THEN 0 ELSE 1 END" for i in range(len(matches)))
    all_in_title = TITLE_WEIGHT * len(matches)
    tier = f"AND h.score >= {TITLE_WEIGHT}" if title_tier else f"AND h.score < {TITLE_WEIGHT}"
    kind_filter = "AND d.kind = %s" if kind else ""
    sql = f"""
        WITH cand AS MATERIALIZED ({candidates})
        SELECT d.id, h.score
            + CASE WHEN h.score = %s AND d.title_folded LIKE %s ESCAPE '\\' THEN 20 ELSE 0 END
            + CASE WHEN h.score = %s AND d.title_folded LIKE %s ESCAPE '\\' THEN 5 ELSE 0 END AS ranking
        FROM (
            SELECT document_id, {score} AS score, {matched} AS matched
            FROM (SELECT cand.document_id, {", ".join(columns)} FROM cand) per_word
        ) h
        JOIN sitesearch_searchdocument d ON d.id = h.document_id
        WHERE h.matched >= %s AND d.lang = %s {tier} {kind_filter}
        ORDER BY ranking DESC, LENGTH(d.title), d.title
        LIMIT %s
    """
    literal = _like_literal(folded)
    params = [*candidate_params, all_in_title, f"%{literal}%", all_in_title, f"{literal}%", *params, need, lang]
    if kind:
        params.append(kind)
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, score) for pk, score in cursor.fetchall()]


def _documents(ranked: list[tuple[int, int]]) -> list[SearchDocument]:
    documents = SearchDocument.objects.in_bulk([pk for pk, _score in ranked])
    results = []
    for pk, score in ranked:
        doc = documents[pk]
        doc.score = score
        results.append(doc)
    return results
