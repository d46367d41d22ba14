"""Ranked, diacritic-insensitive search over the token index.

How a query is answered, in four statements whatever the size of the index:

1. **Words.** Each query word becomes the indexed words it matches, per weight (title, body): a
   word of MIN_PREFIX letters or more matches the words it begins ("temple" finds "temples"), a
   shorter one only itself (Vietnamese syllables: "le" must not find "leo"); a Chinese character is
   a word of its own. Each of those words' postings are counted up to a cap, to know which are rare.
2. **Candidates**, read from the lookup index (lang, weight, word, title length, document), where
   a word's postings come shortest title first: the order in which results of equal score are
   shown. Each scan starts at one query word ("anchor"), keeps a document only when the other words
   are there too (one index probe per word), and stops after a fixed number of documents:
   - every word in the title (anchored at the word rarest in titles);
   - a word in the title and the others anywhere (anchored at each word in turn);
   - every word in the body only (anchored at the word rarest in bodies).
   When no document holds every word, the scans look for documents missing one word instead
   (anchored at the two rarest words, which such a document must hold one of).
3. **Titles** of the candidates, to score them (below) and order them.
4. **Documents** of the page of results.

Score: 10 per word found in the title, 1 per word found only in the body, 20 more when the whole
folded query stands in the title, and 5 more when the title starts with it; ties go to the shorter
title, then alphabetically. The scans stop early, so where thousands of documents tie on the words
they hold, the shortest titles among them are the ones ranked; below those numbers (every query on
a geopark's real data) the ranking is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from geopark.core.i18n import current_lang
from geopark.core.text import fold, index_words, terms

from .models import BODY_WEIGHT, TITLE_LENGTH_MAX, TITLE_WEIGHT, SearchDocument

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
MIN_PREFIX = 4
MAX_LOOKUPS = 12
# Indexed words one query word may stand for, per weight (the first ones in alphabetical order).
MAX_EXPANSION = 8
# Documents one scan keeps; how many query words scans may start from (the rarest in titles); how
# many postings of its word a scan reads at most. The scan for documents holding every word in the
# title, which outrank all others, reads all of its word's title postings.
SCAN_LIMIT = 200
MAX_ANCHORS = 6
SCAN_ROWS = 500
# Postings counted per word and weight: enough to tell a rare word from a common one (between
# common ones, a longer word is taken as the rarer).
COUNT_CAP = 5000
WEIGHTS = (TITLE_WEIGHT, BODY_WEIGHT)
PHRASE_BONUS = 20
START_BONUS = 5

TOKENS = "sitesearch_searchtoken"
LOOKUP = "sitesearch_token_lookup"
BY_DOCUMENT = "sitesearch_token_by_document"
# Words never hold control characters (fold turns them into spaces), so word + "\x01" sorts after
# the word and before every longer word: [word, word + "\x01") is the word alone. "\U0010ffff"
# sorts after every character: [word, word + TOP) is every word it begins.
_NEXT = "\x01"
_TOP = "\U0010ffff"


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    folded: str
    results: list[SearchDocument]
    problem: str = ""  # "empty", "too_long", "no_words" — a helpful page explains it


def search(query: str | None, *, lang: str | None = None, kind: str = "", limit: int = MAX_RESULTS) -> SearchOutcome:
    """Every word of the query must occur (folded) in the title or body; title hits rank first.
    When no document has every word, documents missing one word are accepted (people say
    "chùa Bắc Lệ" for the temple Đền Bắc Lệ). See the module's docstring for how and in what order."""
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
    groups = _expand(lang, lookups)
    # A word nobody wrote: every document misses it, so only those missing one word can be found.
    need = len(groups) - sum(1 for g in groups if not g)
    candidates = {}
    if need == len(groups):
        candidates = _candidates(lang, kind, groups, need, limit)
    if not candidates and len(groups) > 1 and need >= len(groups) - 1:
        candidates = _candidates(lang, kind, groups, len(groups) - 1, limit)
    return SearchOutcome(raw, fold(raw), _rank(candidates, folded, len(groups), limit))


@dataclass
class Group:
    """The indexed words one query word matches: per weight, each word with its (capped) count."""

    query_word: str
    words: dict[int, dict[str, int]] = field(default_factory=lambda: {w: {} for w in WEIGHTS})

    def count(self, *weights: int) -> int:
        return sum(sum(self.words[w].values()) for w in weights or WEIGHTS)

    def rarity(self, *weights: int) -> tuple[int, int]:
        """Sorts the rarest first: fewer postings, then (counts being capped) the longer word."""
        return self.count(*weights), -len(self.query_word)

    def all_words(self) -> list[str]:
        return sorted({word for w in WEIGHTS for word in self.words[w]})

    def __bool__(self) -> bool:
        return any(self.words[w] for w in WEIGHTS)


def _collate() -> str:
    """The collation words are compared in on the lookup index: "C" on PostgreSQL (see models)."""
    return ' COLLATE "C"' if connection.vendor == "postgresql" else ""


def _indexed(name: str) -> str:
    # SQLite's planner, given statistics, may pick the other token index for a posting list
    # (seconds instead of milliseconds): name the index. PostgreSQL chooses well on its own.
    return f" INDEXED BY {name}" if connection.vendor == "sqlite" else ""


def _expand(lang: str, lookups: list[str]) -> list[Group]:
    """Statement 1: per query word and weight, the indexed words it matches with their counts.

    Each word range is walked one distinct word at a time (a recursive query seeking the next word
    in the index), so a prefix costs a few index seeks however many postings its words have."""
    collate = _collate()
    ctes, selects, params = [], [], []
    for i, word in enumerate(lookups):
        upper = word + (_TOP if len(word) >= MIN_PREFIX else _NEXT)
        for weight in WEIGHTS:
            name = f"e{i}_{weight}"
            seek = (f"SELECT MIN(t.word{collate}) FROM {TOKENS} t{_indexed(LOOKUP)} "
                    f"WHERE t.lang = %s AND t.weight = {weight} AND t.word{collate} {{op}} {{low}} "
                    f"AND t.word{collate} < %s")
            ctes.append(
                f"{name}(n, word) AS (SELECT 1, ({seek.format(op='>=', low='%s')}) "
                f"UNION ALL SELECT e.n + 1, ({seek.format(op='>', low='e.word')}) FROM {name} e "
                f"WHERE e.word IS NOT NULL AND e.n < {MAX_EXPANSION})"
            )
            params += [lang, word, upper, lang, upper]
            selects.append(f"SELECT {i} AS i, {weight} AS weight, word FROM {name} WHERE word IS NOT NULL")
    sql = (
        f"WITH RECURSIVE {', '.join(ctes)} "
        f"SELECT x.i, x.weight, x.word, (SELECT COUNT(*) FROM (SELECT 1 FROM {TOKENS} c{_indexed(LOOKUP)} "
        f"WHERE c.lang = %s AND c.weight = x.weight AND c.word{collate} = x.word LIMIT {COUNT_CAP}) k) "
        f"FROM ({' UNION ALL '.join(selects)}) x"
    )
    groups = [Group(lookups[i]) for i in range(len(lookups))]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, lang])
        for i, weight, word, count in cursor.fetchall():
            groups[i].words[weight][word] = count
    return groups


@dataclass(frozen=True)
class Scan:
    """Postings of one anchor word at one weight, shortest title first, kept when at least
    `need_others` of the other groups are found in the document with one of their weights."""

    anchor: int
    word: str
    weight: int
    others: tuple[tuple[int, tuple[int, ...]], ...]  # (group, allowed weights)
    need_others: int
    limit: int
    rows: int | None  # postings of the anchor word read at most (the shortest titles); None: all
    tier: int = 0  # scans of a later tier run only when the earlier tiers found less than a page


def _plan(groups: list[Group], need: int, limit: int) -> list[Scan]:
    n = len(groups)
    present = [i for i in range(n) if groups[i]]
    scans: list[Scan] = []

    def add(anchor: int, weight: int, other_weights: tuple[int, ...], need_others: int, scan_limit: int,
            rows: int | None, tier: int = 0) -> None:
        # Probe the rarest words first: a document that lacks one is dropped at its first probe.
        others = tuple((j, other_weights) for j in sorted(present, key=lambda i: groups[i].rarity(*other_weights))
                       if j != anchor)
        for word in groups[anchor].words[weight]:
            scans.append(Scan(anchor, word, weight, others, need_others, scan_limit, rows, tier))

    if need == n:
        by_title = sorted(present, key=lambda i: groups[i].rarity(TITLE_WEIGHT))
        by_body = min(present, key=lambda i: groups[i].rarity(BODY_WEIGHT))
        add(by_title[0], TITLE_WEIGHT, (TITLE_WEIGHT,), n - 1, SCAN_LIMIT, None, 0)  # all in the title
        if n > 1:  # a word in the title, the others anywhere
            for anchor in by_title[:MAX_ANCHORS]:
                add(anchor, TITLE_WEIGHT, WEIGHTS, n - 1, limit, SCAN_ROWS, 1)
        add(by_body, BODY_WEIGHT, (BODY_WEIGHT,), n - 1, 2 * limit, SCAN_ROWS, 2)  # all in the body only
    else:
        # A document holding `need` of the n words holds one of the n - need + 1 rarest.
        for anchor in sorted(present, key=lambda i: groups[i].rarity())[: n - need + 1]:
            for weight in WEIGHTS:
                add(anchor, weight, WEIGHTS, need - 1, SCAN_LIMIT, SCAN_ROWS)
    return scans


def _probe(alias: str, words: list[str], weights: tuple[int, ...], lang: str) -> tuple[str, list]:
    """Whether a document holds one of `words` with one of `weights`: a seek in the (document, word)
    index. For one word and one weight PostgreSQL probes the lookup index by its whole key instead:
    that posting list is in the anchor's order, so it can merge the two lists instead of seeking
    (ten times faster when few documents hold both)."""
    if connection.vendor == "postgresql" and len(words) == len(weights) == 1:
        return (f'{alias}.lang = %s AND {alias}.weight = {weights[0]} AND {alias}.word COLLATE "C" = %s '
                f"AND {alias}.title_length = a.title_length AND {alias}.document_id = a.document_id", [lang, *words])
    return (f"{alias}.document_id = a.document_id AND {alias}.word IN ({', '.join(['%s'] * len(words))}) "
            f"AND {alias}.weight IN ({', '.join(map(str, weights))})", words)


def _scan_sql(number: int, scan: Scan, groups: list[Group], lang: str, kind: str) -> tuple[str, list]:
    """One scan as a subquery. Its rows: scan number, document, title length, then per other group
    the weight found (NULL: not in the document). SQLite runs the joins in the order written (CROSS
    JOIN), so the anchor's postings are read in index order and the scan stops at its limit;
    PostgreSQL plans them itself."""
    collate = _collate()
    required = scan.need_others == len(scan.others)
    joins, join_params, conditions, condition_params, found = [], [], [], [], []
    for j, weights in scan.others:
        words = groups[j].all_words()
        probe, probe_params = _probe(f"o{j}", words, weights, lang)
        if required:
            joins.append(f"CROSS JOIN {TOKENS} o{j}{_indexed(BY_DOCUMENT)}")
            conditions.append(probe)
            condition_params += probe_params
        else:
            joins.append(f"LEFT JOIN {TOKENS} o{j}{_indexed(BY_DOCUMENT)} ON {probe}")
            join_params += probe_params
            found.append(f"CASE WHEN o{j}.document_id IS NULL THEN 0 ELSE 1 END")
    if found:
        conditions.append(f"{' + '.join(found)} >= {scan.need_others}")
    # Read at most `rows` postings: those up to the title length of the rows-th one. A bound on the
    # length, unlike a subquery with a LIMIT, keeps the scan in index order, so it still stops as
    # soon as it has found enough documents.
    if scan.rows is not None:
        bound = (f"(SELECT b.title_length FROM {TOKENS} b{_indexed(LOOKUP)} WHERE b.lang = %s "
                 f"AND b.weight = {scan.weight} AND b.word{collate} = %s "
                 f"ORDER BY b.title_length LIMIT 1 OFFSET {scan.rows})")
        conditions.insert(0, f"a.title_length <= COALESCE({bound}, {TITLE_LENGTH_MAX})")
        condition_params[:0] = [lang, scan.word]
    if kind:
        joins.append("CROSS JOIN sitesearch_searchdocument d")
        conditions.append("d.id = a.document_id AND d.kind = %s")
        condition_params.append(kind)
    weights = "".join(f", o{j}.weight AS w{j}" for j, _ in scan.others)
    sql = (
        f"SELECT * FROM (SELECT {number} AS scan, a.document_id, a.title_length{weights} "
        f"FROM {TOKENS} a{_indexed(LOOKUP)} {' '.join(joins)} "
        f"WHERE a.lang = %s AND a.weight = {scan.weight} AND a.word{collate} = %s"
        f"{''.join(' AND ' + c for c in conditions)} "
        f"ORDER BY a.title_length, a.document_id LIMIT {scan.limit}) s{number}"
    )
    return sql, [*join_params, lang, scan.word, *condition_params]


@dataclass
class Candidate:
    weights: dict[int, int] = field(default_factory=dict)  # group -> best weight found

    @property
    def score(self) -> int:
        return sum(self.weights.values())


def _candidates(lang: str, kind: str, groups: list[Group], need: int, limit: int) -> dict[int, Candidate]:
    """Statement 2: every scan of the plan, tier by tier; the documents holding `need` words."""
    scans = _plan(groups, need, limit)
    if not scans:
        return {}
    tiers: dict[int, list[str]] = {}
    params = []
    for number, scan in enumerate(scans):
        sql, scan_params = _scan_sql(number, scan, groups, lang, kind)
        tiers.setdefault(scan.tier, []).append(sql)
        params += scan_params
    # A tier's documents outrank every later tier's: a later tier is read only while the documents
    # found so far do not fill the page (a condition both databases test once, before scanning).
    ctes, selects, found_so_far = [], [], []
    for tier, parts in sorted(tiers.items()):
        ctes.append(f"t{tier} AS MATERIALIZED ({' UNION ALL '.join(parts)})")
        condition = ""
        if found_so_far:
            earlier = " UNION ".join(f"SELECT document_id FROM t{t}" for t in found_so_far)
            condition = f" WHERE (SELECT COUNT(*) FROM ({earlier}) f) < {limit}"
        selects.append(f"SELECT * FROM t{tier}{condition}")
        found_so_far.append(tier)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}", params)
        rows = cursor.fetchall()
    candidates: dict[int, Candidate] = {}
    for number, document_id, _title_length, *found in rows:
        scan = scans[number]
        weights = candidates.setdefault(document_id, Candidate()).weights
        _keep_best(weights, scan.anchor, scan.weight)
        for (j, _), weight in zip(scan.others, found, strict=True):
            if weight is not None:
                _keep_best(weights, j, weight)
    return {pk: c for pk, c in candidates.items() if len(c.weights) >= need}


def _keep_best(weights: dict[int, int], group: int, weight: int) -> None:
    if weight > weights.get(group, 0):
        weights[group] = weight


def _rank(candidates: dict[int, Candidate], folded: str, n: int, limit: int) -> list[SearchDocument]:
    """Statements 3 and 4: score the candidates with their titles, then fetch the page's documents."""
    if not candidates:
        return []
    all_in_title = TITLE_WEIGHT * n
    ranked = []
    for pk, title, title_folded in SearchDocument.objects.filter(pk__in=list(candidates)).values_list(
        "pk", "title", "title_folded"
    ):
        score = candidates[pk].score
        if score == all_in_title and folded in title_folded:
            score += PHRASE_BONUS + (START_BONUS if title_folded.startswith(folded) else 0)
        ranked.append((-score, len(title), title, pk))
    ranked.sort()
    top = ranked[:limit]
    documents = SearchDocument.objects.defer("body_folded").in_bulk([pk for *_, pk in top])
    results = []
    for negative_score, *_, pk in top:
        doc = documents.get(pk)
        if doc is None:
            continue  # deleted since statement 3 (an unpublish between two reads): not a result
        doc.score = -negative_score
        results.append(doc)
    return results
