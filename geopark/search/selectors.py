"""Ranked, diacritic-insensitive search over the token index.

How a query is answered, in three statements whatever the size of the index:

1. **Words.** Each query word becomes the indexed words it matches, per weight (title, body): a
   word of MIN_PREFIX letters or more matches the words it begins ("temple" finds "temples"), a
   shorter one only itself (Vietnamese syllables: "le" must not find "leo"); a Chinese character is
   a word of its own. The query's phrase tokens (models.phrase_tokens: its start, and each pair of
   neighbouring words) are looked up the same way. Each is counted up to a cap, to know which are
   rare.
2. **Candidates**, read from the lookup index (lang, weight, word, title length, document), where
   a token's postings come shortest title first: the order in which results of equal score are
   shown. Each scan starts at one token ("anchor"), keeps a document only when the others are there
   too (one index probe each), and stops after a fixed number of documents. Tiers of scans, each
   read only while the earlier ones found less than a page:
   - the title starts with the query, then holds it anywhere (its phrase tokens: documents found
     however long their titles, because only they are read);
   - every word in the title, the words apart: reading all of it when no title holds the phrase
     tokens, else only as part of the next tier's first scan;
   - a word in the title and the others anywhere (anchored at each word in turn, at most SCAN_ROWS
     postings each). The commonest word's scan comes in a tier of its own, read only while fewer
     than a page of the documents found so far hold two words or more in the title: a title holding
     two holds one of the other words, so what that scan alone adds holds one word in the title;
   - every word in the body only (anchored at the word rarest in bodies).
   When no document holds every word, the scans look for documents missing one word instead
   (anchored at the two rarest words, which such a document must hold one of).
3. **Documents**: of the candidates, those the page can show (see `_rank`), scored and ordered.

Score: 10 per word found in the title, 1 per word found only in the body, 20 more when the whole
folded query stands in the title, and 5 more when the title starts with it. Documents with every
word in the title come first; then those whose text holds the query's words together and in order
("dong dang": the places in Đồng Đăng before a cave named "Động …" that says "đăng" elsewhere); then
the rest by score. Ties go to the shorter title, then alphabetically. A record's names in the other
languages are indexed with it (their words as body words, their pairs as phrase tokens), so a name
typed whole in another language finds it as if its title held every word. The scans stop early, so where thousands of documents tie on the words
they hold, the shortest titles among them are the ones ranked, and documents with the words apart
are looked for among the shortest titles only; below those numbers (every query on a geopark's real
data) the ranking is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection
from rapidfuzz import fuzz, process

from geopark.core.i18n import current_lang
from geopark.core.text import fold, index_words, terms, word_sequence

from .models import BODY_WEIGHT, PAIR, START, START_PAIR, TITLE_LENGTH_MAX, TITLE_WEIGHT, SearchDocument

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
MIN_PREFIX = 4
MAX_LOOKUPS = 12
# Indexed words one query word may stand for, per weight (the first ones in alphabetical order).
MAX_EXPANSION = 8
# Documents a scan for those missing a word keeps; how many query words scans may start from (the
# rarest in titles); how many postings of its word a bounded scan reads at most.
SCAN_LIMIT = 200
MAX_ANCHORS = 6
SCAN_ROWS = 200
# Postings counted per word and weight: enough to tell a rare word from a common one (between
# common ones, a longer word is taken as the rarer). Counting to 1,000 instead chose the same
# anchors for every benchmark query and cost a third more on the large synthetic data.
COUNT_CAP = 250
WEIGHTS = (TITLE_WEIGHT, BODY_WEIGHT)
PHRASE_BONUS = 20
START_BONUS = 5
# Candidates below the page whose text is tested for the query's words together (see _rank).
PHRASE_PROBE = 200

TOKENS = "sitesearch_searchtoken"
LOOKUP = "sitesearch_token_lookup"
BY_DOCUMENT = "sitesearch_token_by_document"
# Words never hold control characters (fold turns them into spaces), so word + "\x01" sorts after
# the word and before every longer word: [word, word + "\x01") is the word alone. "\U0010ffff"
# sorts after every character: [word, word + TOP) is every word it begins.
_NEXT = "\x01"
_TOP = "\U0010ffff"


@dataclass(frozen=True)
class Result:
    """One found document, as the search page and the API show it."""

    pk: int
    kind: str
    title: str
    summary: str
    url: str
    score: int
    other_titles: tuple[str, ...] = ()  # the record's names in the other languages


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    folded: str
    results: list[Result]
    problem: str = ""  # "empty", "too_long", "no_words" — a helpful page explains it

    @property
    def words(self) -> list[str]:
        """The query's words as the index sees them (what a results page marks)."""
        return index_words(self.folded)[:MAX_LOOKUPS]


def search(
    query: str | None, *, lang: str | None = None, kind: str = "", limit: int = MAX_RESULTS
) -> SearchOutcome:
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
    groups = [Group(word, WEIGHTS, prefix=len(word) >= MIN_PREFIX) for word in lookups]
    phrase = _phrase_groups(lookups)
    _expand(lang, [*groups, *phrase])
    # A word nobody wrote: every document misses it, so only those missing one word can be found.
    need = len(groups) - sum(1 for g in groups if not g)
    candidates = {}
    if need == len(groups):
        candidates = _candidates(lang, kind, groups, phrase, need, limit)
    if not candidates and len(groups) > 1 and need >= len(groups) - 1:
        candidates = _candidates(lang, kind, groups, [], len(groups) - 1, limit)
    return SearchOutcome(raw, fold(raw), _rank(candidates, folded, len(groups), limit))


class Group:
    """The indexed words one query word (or one of its phrase tokens) matches: per weight, each
    word with its (capped) count. A prefix group matches every word it begins."""

    def __init__(self, query_word: str, weights: tuple[int, ...], *, prefix: bool) -> None:
        self.query_word = query_word
        self.prefix = prefix
        self.words: dict[int, dict[str, int]] = {w: {} for w in weights}

    def count(self, *weights: int) -> int:
        return sum(sum(self.words[w].values()) for w in weights or self.words)

    def rarity(self, *weights: int) -> tuple[int, int]:
        """Sorts the rarest first: fewer postings, then (counts being capped) the longer word."""
        return self.count(*weights), -len(self.query_word)

    def lists_every_word(self, weights: tuple[int, ...]) -> bool:
        """Whether, at these weights, the group holds every indexed word its query word stands for
        (the lookup stops at MAX_EXPANSION words)."""
        return all(len(self.words[w]) < MAX_EXPANSION for w in weights)

    def all_words(self) -> list[str]:
        return sorted({word for words in self.words.values() for word in words})

    def __bool__(self) -> bool:
        return any(self.words.values())


def _phrase_groups(lookups: list[str]) -> list[Group]:
    """The query as phrase tokens (see models.phrase_tokens): its start, then each pair of
    neighbouring words. Only the last word may stand for the words it begins, as in a word group."""
    last_prefix = len(lookups[-1]) >= MIN_PREFIX
    if len(lookups) == 1:
        return [Group(lookups[0], (START,), prefix=last_prefix)]
    pairs = [
        Group(f"{a} {b}", (PAIR,), prefix=last_prefix and i == len(lookups) - 2)
        for i, (a, b) in enumerate(zip(lookups, lookups[1:], strict=False))
    ]
    return [Group(pairs[0].query_word, (START_PAIR,), prefix=pairs[0].prefix), *pairs]


def _collate() -> str:
    """The collation words are compared in on the lookup index: "C" on PostgreSQL (see models)."""
    return ' COLLATE "C"' if connection.vendor == "postgresql" else ""


def _indexed(name: str) -> str:
    # SQLite's planner, given statistics, may pick the other token index for a posting list
    # (seconds instead of milliseconds): name the index. PostgreSQL chooses well on its own.
    return f" INDEXED BY {name}" if connection.vendor == "sqlite" else ""


def _expand(lang: str, groups: list[Group]) -> None:
    """Statement 1: per group and weight, the indexed words it matches with their counts.

    Each word range is walked one distinct word at a time (a recursive query seeking the next word
    in the index), so a prefix costs a few index seeks however many postings its words have."""
    collate = _collate()
    ctes: list[str] = []
    selects: list[str] = []
    params: list[str | int] = []
    select_params: list[int] = []
    for i, group in enumerate(groups):
        word = group.query_word
        upper = word + (_TOP if group.prefix else _NEXT)
        for weight in group.words:
            name = f"e{i}_{weight}"  # a name made of two integers
            seek = (
                f"SELECT MIN(t.word{collate}) FROM {TOKENS} t{_indexed(LOOKUP)} "  # noqa: S608 (table, index and collation are code constants; values bound)
                f"WHERE t.lang = %s AND t.weight = %s AND t.word{collate} {{op}} {{low}} "
                f"AND t.word{collate} < %s"
            )
            ctes.append(
                f"{name}(n, word) AS (SELECT 1, ({seek.format(op='>=', low='%s')}) "  # noqa: S608 (a CTE name made of integers; values bound)
                f"UNION ALL SELECT e.n + 1, ({seek.format(op='>', low='e.word')}) FROM {name} e "
                f"WHERE e.word IS NOT NULL AND e.n < %s)"
            )
            params += [lang, weight, word, upper, lang, weight, upper, MAX_EXPANSION]
            selects.append(f"SELECT %s AS i, %s AS weight, word FROM {name} WHERE word IS NOT NULL")  # noqa: S608 (a CTE name made of integers; values bound)
            select_params += [i, weight]
    sql = (
        f"WITH RECURSIVE {', '.join(ctes)} "  # noqa: S608 (CTEs built above from code constants; values bound)
        f"SELECT x.i, x.weight, x.word, (SELECT COUNT(*) FROM (SELECT 1 FROM {TOKENS} c{_indexed(LOOKUP)} "
        f"WHERE c.lang = %s AND c.weight = x.weight AND c.word{collate} = x.word LIMIT %s) k) "
        f"FROM ({' UNION ALL '.join(selects)}) x"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, lang, COUNT_CAP, *select_params])
        for i, weight, word, count in cursor.fetchall():
            groups[i].words[weight][word] = count


@dataclass(frozen=True)
class Scan:
    """Postings of one anchor word at one weight, shortest title first, kept when at least
    `need_others` of the other groups are found in the document with one of their weights."""

    anchor: int
    word: str
    weight: int
    others: tuple[tuple[int, tuple[int, ...]], ...]  # (group, allowed weights)
    need_others: int
    limit: int | None  # documents kept at most; None: all within `rows`
    rows: int | None  # postings of the anchor word read at most (the shortest titles); None: all
    tier: int = 0  # scans of a later tier run only when the earlier tiers found less than a page
    # Every document of the tier scores the same, so of several scans' documents (a prefix's words)
    # the tier keeps the shortest titles only, `limit` of them.
    alike: bool = False
    # The tier runs only while the earlier tiers found less than a page of documents with two query
    # words or more in the title (what only it finds holds one).
    after_strong: bool = False


def _plan(groups: list[Group], phrase: list[Group], need: int, limit: int) -> list[Scan]:
    """The scans, tier by tier. Group numbers count the word groups, then the phrase groups."""
    plan = _Planner(groups, phrase, limit)
    if need < len(groups):
        plan.some_words(need)
        return plan.scans
    pairs_found = plan.phrase_tiers()
    plan.title_tiers(pairs_found)
    plan.body_tier()
    return plan.scans


class _Planner:
    """The scans of one query, added tier by tier by the steps `_plan` calls in order."""

    def __init__(self, groups: list[Group], phrase: list[Group], limit: int) -> None:
        self.groups, self.phrase, self.limit = groups, phrase, limit
        self.n = len(groups)
        self.present = [i for i in range(self.n) if groups[i]]
        self.scans: list[Scan] = []
        self.tier = 0

    def add(
        self,
        anchor: int,
        weight: int,
        other_weights: tuple[int, ...],
        need_others: int,
        scan_limit: int | None,
        rows: int | None,
        *,
        alike: bool = True,
        after_strong: bool = False,
    ) -> None:
        # Probe first the words likeliest to be missing, so that a document lacking one is dropped at
        # its first probe: the rarest, except that a query neighbour of the anchor goes by how many
        # titles hold the two side by side (a name's words: most titles with "tam" go on "tam thanh").
        def likely_missing_first(j: int) -> tuple[int, tuple[int, int]]:
            return self.together(anchor, j), self.groups[j].rarity(*other_weights)

        others = tuple(
            (j, other_weights) for j in sorted(self.present, key=likely_missing_first) if j != anchor
        )
        for word in self.groups[anchor].words[weight]:
            self.scans.append(
                Scan(
                    anchor,
                    word,
                    weight,
                    others,
                    need_others,
                    scan_limit,
                    rows,
                    self.tier,
                    alike,
                    after_strong,
                )
            )

    def together(self, i: int, j: int) -> int:
        # phrase[1 + k] is the pair of query words k and k + 1 (see _phrase_groups).
        return self.phrase[1 + min(i, j)].count() if abs(i - j) == 1 and len(self.phrase) > 1 else 0

    def add_phrase(self, anchor: int, others: list[int]) -> None:
        # A phrase token is in the title: finding every one of the query's means every word is there.
        phrase = self.phrase
        ordered = tuple(
            (self.n + j, tuple(phrase[j].words)) for j in sorted(others, key=lambda j: phrase[j].rarity())
        )
        for weight, words in phrase[anchor].words.items():
            for word in words:
                self.scans.append(
                    Scan(
                        self.n + anchor,
                        word,
                        weight,
                        ordered,
                        len(ordered),
                        self.limit,
                        None,
                        self.tier,
                        True,
                    )
                )

    def some_words(self, need: int) -> None:
        """Documents holding `need` of the n words: each holds one of the n - need + 1 rarest."""
        groups = self.groups
        for anchor in sorted(self.present, key=lambda i: groups[i].rarity())[: self.n - need + 1]:
            for weight in WEIGHTS:
                self.add(anchor, weight, WEIGHTS, need - 1, SCAN_LIMIT, SCAN_ROWS, alike=False)

    def phrase_tiers(self) -> bool:
        """The title starts with the query, then holds it anywhere. They run when some title holds
        each pair of the query's neighbouring words, and find their documents however long the
        titles. Returns whether every pair is found."""
        phrase = self.phrase
        pairs = list(range(1, len(phrase)))
        pairs_found = bool(pairs) and all(phrase[j] for j in pairs)
        if phrase and phrase[0] and (self.n == 1 or pairs_found):
            self.add_phrase(0, pairs[1:])  # the start token covers the first pair
            self.tier += 1
        if pairs_found:
            rarest = sorted(pairs, key=lambda j: phrase[j].rarity())
            self.add_phrase(rarest[0], rarest[1:])
            self.tier += 1
        return pairs_found

    def title_tiers(self, pairs_found: bool) -> None:
        """Every word in the title. Without the phrase tiers this tier is the best there is, and all
        of it is read. After them its documents have the words apart, and reading the shortest titles
        will do: the next tier's first scan reads those and keeps all it finds, these among them."""
        n, groups, limit = self.n, self.groups, self.limit
        by_title = sorted(self.present, key=lambda i: groups[i].rarity(TITLE_WEIGHT))
        if not pairs_found:
            self.add(by_title[0], TITLE_WEIGHT, (TITLE_WEIGHT,), n - 1, limit, None)
            self.tier += 1
        if n > 1:  # a word in the title, the others anywhere
            for k, anchor in enumerate(by_title[:MAX_ANCHORS]):
                keep_all = pairs_found and k == 0
                # A title holding two of the words holds one of any n - 1 of them: the scans from the
                # others find it. So the commonest word's own scan, which at scale mostly finds titles
                # holding that word alone, waits in a tier of its own until those cannot fill the page.
                commonest = k == n - 1 and k > 0
                if commonest:
                    self.tier += 1
                self.add(
                    anchor,
                    TITLE_WEIGHT,
                    WEIGHTS,
                    n - 1,
                    None if keep_all else limit,
                    SCAN_ROWS,
                    alike=False,
                    after_strong=commonest,
                )
            self.tier += 1

    def body_tier(self) -> None:
        """Every word in the body only."""
        groups = self.groups
        by_body = min(self.present, key=lambda i: groups[i].rarity(BODY_WEIGHT))
        self.add(by_body, BODY_WEIGHT, (BODY_WEIGHT,), self.n - 1, 2 * self.limit, SCAN_ROWS)


def _probe(alias: str, group: Group, weights: tuple[int, ...], lang: str) -> tuple[str, list]:
    """Whether a document holds one of the group's words with one of `weights`: a seek in the
    (document, word) index. For one word and one weight PostgreSQL probes the lookup index by its
    whole key instead: that posting list is in the anchor's order, so it can merge the two lists
    instead of seeking (ten times faster when few documents hold both)."""
    words = group.all_words()
    if connection.vendor == "postgresql" and len(words) == len(weights) == 1:
        return (
            f'{alias}.lang = %s AND {alias}.weight = %s AND {alias}.word COLLATE "C" = %s '
            f"AND {alias}.title_length = a.title_length AND {alias}.document_id = a.document_id",
            [lang, weights[0], *words],
        )
    if len(words) > 1 and group.lists_every_word(weights) and connection.vendor == "sqlite":
        # Every word the prefix begins: one range of the index instead of a seek per word. (On
        # PostgreSQL that index compares words in the database's collation, where a prefix need not
        # be one range.) Phrase tokens begin with the word too: the weights keep them out.
        return (
            f"{alias}.document_id = a.document_id AND {alias}.word >= %s AND {alias}.word < %s "
            f"AND {alias}.weight IN ({_placeholders(weights)})",
            [group.query_word, group.query_word + _TOP, *weights],
        )
    # Both scored weights: one range of the index instead of a seek per weight (see models.START).
    if set(weights) == set(WEIGHTS):
        weight, weight_params = ">= %s", [BODY_WEIGHT]
    else:
        weight, weight_params = f"IN ({_placeholders(weights)})", list(weights)
    return (
        f"{alias}.document_id = a.document_id AND {alias}.word IN ({_placeholders(words)}) "
        f"AND {alias}.weight {weight}",
        [*words, *weight_params],
    )


def _placeholders(values: Sequence[object]) -> str:
    """One bound parameter per value, for an `IN (...)` list."""
    return ", ".join(["%s"] * len(values))


def _scan_sql(
    number: int, scan: Scan, groups: list[Group], lang: str, kind: str, gate: str, width: int
) -> tuple[str, list]:
    """One scan as a subquery. Its rows: scan number, document, title length, then per other group
    the weight found (NULL: not in the document; all NULL after the scan's groups, up to `width`
    columns, so that every scan's rows have the same shape). SQLite runs the joins in the order written (CROSS
    JOIN), so the anchor's postings are read in index order and the scan stops at its limit;
    PostgreSQL plans them itself."""
    collate = _collate()
    required = scan.need_others == len(scan.others)
    joins, join_params, conditions, condition_params, found = [], [], [], [], []
    for j, weights in scan.others:
        probe, probe_params = _probe(f"o{j}", groups[j], weights, lang)
        if required:
            joins.append(f"CROSS JOIN {TOKENS} o{j}{_indexed(BY_DOCUMENT)}")
            conditions.append(probe)
            condition_params += probe_params
        else:
            joins.append(f"LEFT JOIN {TOKENS} o{j}{_indexed(BY_DOCUMENT)} ON {probe}")
            join_params += probe_params
            found.append(f"CASE WHEN o{j}.document_id IS NULL THEN 0 ELSE 1 END")
    if found:
        conditions.append(f"{' + '.join(found)} >= %s")
        condition_params.append(scan.need_others)
    # Read at most `rows` postings: those up to the title length of the rows-th one. A bound on the
    # length, unlike a subquery with a LIMIT, keeps the scan in index order, so it still stops as
    # soon as it has found enough documents.
    if scan.rows is not None:
        bound = (
            f"(SELECT b.title_length FROM {TOKENS} b{_indexed(LOOKUP)} WHERE b.lang = %s "  # noqa: S608 (table and index are code constants; values bound)
            f"AND b.weight = %s AND b.word{collate} = %s "
            f"ORDER BY b.title_length LIMIT 1 OFFSET %s)"
        )
        conditions.insert(0, f"a.title_length <= COALESCE({bound}, %s)")
        condition_params[:0] = [lang, scan.weight, scan.word, scan.rows, TITLE_LENGTH_MAX]
    if kind:
        joins.append("CROSS JOIN sitesearch_searchdocument d")
        conditions.append("d.id = a.document_id AND d.kind = %s")
        condition_params.append(kind)
    found_weights = [f"o{j}.weight" for j, _ in scan.others]
    weight_columns = "".join(
        f", {column} AS w{i}"
        for i, column in enumerate(  # column names and aliases only
            found_weights + ["CAST(NULL AS SMALLINT)"] * (width - len(found_weights))
        )
    )
    if gate:
        conditions.insert(0, gate)
    sql = (
        f"SELECT * FROM (SELECT %s AS scan, a.document_id, a.title_length{weight_columns} "  # noqa: S608 (table, index, aliases and joins from code constants; values bound)
        f"FROM {TOKENS} a{_indexed(LOOKUP)} {' '.join(joins)} "
        f"WHERE a.lang = %s AND a.weight = %s AND a.word{collate} = %s"
        f"{''.join(' AND ' + c for c in conditions)} "
        f"ORDER BY a.title_length, a.document_id{'' if scan.limit is None else ' LIMIT %s'}) s{number}"
    )
    limit_params = [] if scan.limit is None else [scan.limit]
    return sql, [number, *join_params, lang, scan.weight, scan.word, *condition_params, *limit_params]


@dataclass
class Candidate:
    title_length: int
    weights: dict[int, int] = field(default_factory=dict)  # group -> best weight found

    @property
    def score(self) -> int:
        return sum(self.weights.values())


def _candidates(
    lang: str, kind: str, groups: list[Group], phrase: list[Group], need: int, limit: int
) -> dict[int, Candidate]:
    """Statement 2: every scan of the plan, tier by tier; the documents holding `need` words."""
    n = len(groups)
    scans = _plan(groups, phrase, need, limit)
    if not scans:
        return {}
    # A tier's documents outrank every later tier's: a later tier's scans run only while the
    # documents found so far do not fill the page. Each tier's gate is counted once (g<tier>), and
    # its scans test it as a condition without columns, which both databases test once before
    # scanning (outside the scans SQLite would fill the tier first).
    tiers: dict[int, list[str]] = {}
    tier_params: dict[int, list] = {}
    gates: dict[int, tuple[str, list]] = {}
    first: dict[int, Scan] = {}  # each tier's first scan
    width = max(len(scan.others) for scan in scans)
    for number, scan in enumerate(scans):
        if tiers and scan.tier not in tiers:  # scans come tier by tier: every tier so far is earlier
            gates[scan.tier] = _gate_sql(tiers, first, width, limit, strong=scan.after_strong)
        gate = f"(SELECT go FROM g{scan.tier})" if scan.tier in gates else ""  # noqa: S608 (a CTE name made of an integer)
        sql, scan_params = _scan_sql(number, scan, [*groups, *phrase], lang, kind, gate, width)
        tiers.setdefault(scan.tier, []).append(sql)
        tier_params.setdefault(scan.tier, []).extend(scan_params)
        first.setdefault(scan.tier, scan)
    # The statement's parameters in the order of its text: per tier, its gate, then its scans.
    ctes, params = [], []
    for tier, parts in tiers.items():
        union = " UNION ALL ".join(parts)
        if tier in gates:
            gate_sql, gate_params = gates[tier]
            ctes.append(f"g{tier} AS MATERIALIZED ({gate_sql})")
            params += gate_params
        params += tier_params[tier]
        if first[tier].alike and len(parts) > 1:
            union = f"SELECT * FROM ({union}) k{tier} ORDER BY title_length, document_id LIMIT %s"  # noqa: S608 (a subquery built here and an alias made of an integer; the limit bound)
            params.append(first[tier].limit)
        ctes.append(f"t{tier} AS MATERIALIZED ({union})")
    with connection.cursor() as cursor:
        # Only names made of integers (t<tier>, g<tier>) are formatted in; every value is bound.
        cursor.execute(
            f"WITH {', '.join(ctes)} {' UNION ALL '.join(f'SELECT * FROM t{t}' for t in tiers)}",  # noqa: S608
            params,
        )
        rows = cursor.fetchall()
    candidates: dict[int, Candidate] = {}
    for number, document_id, title_length, *found in rows:
        scan = scans[number]
        weights = candidates.setdefault(document_id, Candidate(title_length)).weights
        if scan.anchor >= n:  # found by its phrase tokens
            weights.update(dict.fromkeys(range(n), TITLE_WEIGHT))
            continue
        _keep_best(weights, scan.anchor, scan.weight)
        for (j, _), weight in zip(scan.others, found, strict=False):
            if weight is not None:
                _keep_best(weights, j, weight)
    return {pk: c for pk, c in candidates.items() if len(c.weights) >= need}


def _gate_sql(
    tiers: dict[int, list[str]], first: dict[int, Scan], width: int, limit: int, *, strong: bool
) -> tuple[str, list]:
    """Whether the tiers so far found less than a page of documents (of those with two query words
    or more in the title when `strong`): a later tier runs only then."""
    earlier, params = [], []
    for t in tiers:
        rows, rows_params = _strong_rows(first[t], width) if strong else ("", [])
        earlier.append(f"SELECT document_id FROM t{t}{rows}")  # noqa: S608 (a CTE name made of an integer; values bound)
        params += rows_params
    return f"SELECT COUNT(*) < %s AS go FROM ({' UNION '.join(earlier)}) f", [limit, *params]  # noqa: S608 (subqueries built here; the limit bound)


def _strong_rows(first: Scan, width: int) -> tuple[str, list]:
    """Of the rows of the tier whose first scan is `first`, those of documents with two query words
    or more in the title: all of a phrase tier's, else those where a word besides the anchor (which
    is in the title) is."""
    if first.weight not in WEIGHTS:
        return "", []
    return " WHERE " + " OR ".join(f"w{i} = %s" for i in range(width)), [TITLE_WEIGHT] * width


def _keep_best(weights: dict[int, int], group: int, weight: int) -> None:
    if weight > weights.get(group, 0):
        weights[group] = weight


def _rank(candidates: dict[int, Candidate], folded: str, n: int, limit: int) -> list[Result]:
    """Statement 3: score and order the candidates, reading only the documents the page can show.

    A document with every word in its title outranks all others and may earn the phrase bonuses,
    which its title decides: all of those are read. The others' order is known from the index
    (score, then title length) except for one thing only their text tells: whether it holds the
    query's words together and in order, which puts a document above the others. So as many as the
    page has room for are read, with those tied with the last one (ties go alphabetically, by title),
    and of the next PHRASE_PROBE only those whose text holds the phrase (the database tests it; their
    rows are the only extra ones sent)."""
    if not candidates:
        return []
    all_in_title = TITLE_WEIGHT * n
    read = [pk for pk, c in candidates.items() if c.score == all_in_title]
    rest = sorted((-c.score, c.title_length, pk) for pk, c in candidates.items() if c.score < all_in_title)
    room = min(limit - len(read), len(rest))
    if room > 0:
        last = rest[room - 1][:2]
        read += [pk for score, length, pk in rest if (score, length) <= last]
    chosen = set(read)
    probe = [pk for _, _, pk in rest[:PHRASE_PROBE] if pk not in chosen] if n > 1 else []
    ranked = []
    # A plain statement: the ORM took twice as long as the database to build this one and convert
    # its 50 rows. The phrase is looked for between spaces: whole words, in order.
    table = SearchDocument._meta.db_table
    escaped = folded.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    # Chinese is written without spaces: there the characters in order are the phrase.
    spaced = len(word_sequence(folded)) == len(folded.split(" "))
    pattern = f"% {escaped} %" if spaced else f"%{escaped}%"
    together = "(' ' || body_folded || ' ') LIKE %s ESCAPE '!'"
    where = f"id IN ({_placeholders(read)})" if read else "1 = 0"
    params: list[str | int] = [pattern, *read]
    if probe:
        where += f" OR (id IN ({_placeholders(probe)}) AND {together})"
        params += [*probe, pattern]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, kind, title, title_folded, summary, url, other_titles, "  # noqa: S608 (the table's name comes from the model; values bound)
            f"CASE WHEN {together} THEN 1 ELSE 0 END FROM {table} WHERE {where}",
            params,
        )
        rows = cursor.fetchall()
    phrase_in_text = {}
    for pk, kind, title, title_folded, summary, url, others, in_text in rows:
        score = candidates[pk].score
        if score == all_in_title and folded in title_folded:
            score += PHRASE_BONUS + (START_BONUS if title_folded.startswith(folded) else 0)
        phrase_in_text[pk] = n > 1 and bool(in_text)
        names = tuple(name for name in others.splitlines() if name)
        ranked.append(Result(pk, kind, title, summary, url, score, names))
    ranked.sort(
        key=lambda r: (
            r.score < all_in_title,
            not phrase_in_text[r.pk],
            -r.score,
            len(r.title),
            r.title,
            r.pk,
        )
    )
    return ranked[:limit]


# Names a zero-result page compares the query with: the places and routes, which is what a visitor
# misspells (a small set: read whole, up to a bound for a very large inventory).
SUGGESTION_KINDS = ("site", "route")
SUGGESTION_NAMES = 2000
SUGGESTION_CUTOFF = 75
MAX_SUGGESTIONS = 5


def suggestions(query: str | None, *, lang: str | None = None, limit: int = MAX_SUGGESTIONS) -> list[Result]:
    """The names closest to a query that found nothing, in any of the record's languages, diacritics
    ignored (đ included): rapidfuzz's weighted ratio, which also scores a name holding the query or
    the query's words in another order, over the folded names; each record once, best first."""
    words = terms(query)
    if not words:
        return []
    folded = " ".join(words)
    rows = list(
        SearchDocument.objects.filter(lang=current_lang(lang), kind__in=SUGGESTION_KINDS)
        .order_by("pk")
        .values_list("pk", "kind", "title", "summary", "url", "title_folded", "other_titles")[
            :SUGGESTION_NAMES
        ]
    )
    names: list[str] = []
    owners: list[int] = []
    for i, row in enumerate(rows):
        for name in [row[5], *(fold(other) for other in row[6].splitlines() if other)]:
            # Spaces are not evidence: "tamthanh" is "tam thanh" typed in a hurry.
            names += [name, name.replace(" ", "")]
            owners += [i, i]
    best: dict[int, float] = {}
    for _, score, index in process.extract(
        folded, names, scorer=fuzz.WRatio, limit=None, score_cutoff=SUGGESTION_CUTOFF
    ):
        owner = owners[index]
        best[owner] = max(best.get(owner, 0), score)
    order = sorted(best, key=lambda i: (-best[i], len(rows[i][2]), rows[i][0]))[:limit]
    return [
        Result(pk, kind, title, summary, url, round(best[i]), tuple(o for o in others.splitlines() if o))
        for i in order
        for pk, kind, title, summary, url, _, others in [rows[i]]
    ]
