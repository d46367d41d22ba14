"""Search over an index much larger than a page of results: the right documents are still found
first, the work is bounded (a fixed number of statements, scans that stop early), and prefixes
stand for the words they begin."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.core.text import fold
from geopark.search import selectors
from geopark.search.models import PAIR, START, START_PAIR, SearchDocument, SearchToken, phrase_tokens
from geopark.search.services import bulk_index

pytestmark = pytest.mark.django_db


def add(*docs: tuple[str, str], lang: str = "vi", kind: str = "news") -> None:
    """(title, body) documents, written the way the synthetic data and the importers write them."""
    start = SearchDocument.objects.count()
    bulk_index(
        [
            SearchDocument(
                lang=lang,
                kind=kind,
                key=f"{kind}-{start + i}",
                title=title,
                summary="",
                url=f"/{start + i}/",
                title_folded=fold(title),
                body_folded=fold(body),
            )
            for i, (title, body) in enumerate(docs)
        ]
    )


def titles(query: str, **kwargs) -> list[str]:
    return [doc.title for doc in selectors.search(query, **kwargs).results]


def test_every_token_carries_its_documents_title_length():
    add(("Hang Gió", "Một hang động lớn."))
    doc = SearchDocument.objects.get()
    assert set(SearchToken.objects.values_list("title_length", flat=True)) == {len("Hang Gió")}
    doc.title = "Hang Gió Bắc Sơn"
    doc.save()
    assert set(doc.tokens.values_list("title_length", flat=True)) == {len("Hang Gió Bắc Sơn")}


def test_a_long_word_finds_the_words_it_begins_and_a_short_one_only_itself():
    add(("Bac Le Temple", ""), ("Two temples of Lang Son", ""), ("Leo climbing", ""), lang="en")
    assert set(titles("temple", lang="en")) == {"Bac Le Temple", "Two temples of Lang Son"}
    assert titles("le", lang="en") == ["Bac Le Temple"]


def test_the_phrase_in_a_long_title_comes_first_even_among_thousands_of_partial_matches():
    # 600 short titles hold one of the words, many more bodies hold both: the title holding the
    # phrase is long, so a scan reading only the shortest titles would miss it.
    add(*[(f"Hang số {i}", "gió mùa") for i in range(300)])
    add(*[(f"Gió {i}", "trong hang") for i in range(300)])
    add(*[(f"Tin {i}", "hang và gió") for i in range(300)])
    add(
        ("Đoàn khảo sát đo lường luồng gió trong Hang Gió ở Bắc Sơn, mùa đông năm nay", ""),
        ("Gió ở hang", ""),
    )
    found = titles("hang gio")
    # Then the words apart (among the shortest titles, where they are looked for at this scale),
    # then titles holding one word, shortest first; never a body-only match before them.
    assert found[:2] == [
        "Đoàn khảo sát đo lường luồng gió trong Hang Gió ở Bắc Sơn, mùa đông năm nay",
        "Gió ở hang",
    ]
    assert found[2:5] == ["Gió 0", "Gió 1", "Gió 2"]
    assert all(t.startswith(("Hang số", "Gió")) for t in found[2:])
    assert len(found) == selectors.MAX_RESULTS


def test_titles_starting_with_the_query_come_first_even_when_many_shorter_ones_hold_it_later():
    add(*[(f"Về Hang Gió {i}", "") for i in range(300)])
    add(("Hang Gió, hang động có luồng gió thổi quanh năm ở huyện Bắc Sơn cũ", ""))
    found = titles("hang gio")
    assert found[0] == "Hang Gió, hang động có luồng gió thổi quanh năm ở huyện Bắc Sơn cũ"
    assert found[1:3] == ["Về Hang Gió 0", "Về Hang Gió 1"]
    # A single word too, and its prefix: the long title beginning with "temples" leads.
    add(*[(f"Old temple {i}", "") for i in range(300)], lang="en")
    add(("Temples of the limestone valleys around the old Bac Son district", ""), lang="en")
    assert (
        titles("temple", lang="en")[0] == "Temples of the limestone valleys around the old Bac Son district"
    )


def test_a_chinese_phrase_is_found_by_its_neighbouring_characters():
    add(*[(f"山{i}谅", "") for i in range(300)], lang="zh")
    add(("关于保护和开发利用地质遗产的会议在谅山举行", ""), lang="zh")
    assert titles("谅山", lang="zh")[0] == "关于保护和开发利用地质遗产的会议在谅山举行"


def test_a_title_has_a_token_for_each_pair_of_neighbouring_words_and_for_its_start():
    assert phrase_tokens("dong dang le dong dang") == [
        ("dong dang", PAIR),
        ("dang le", PAIR),
        ("le dong", PAIR),
        ("dong", START),
        ("dong dang", START_PAIR),
    ]
    assert phrase_tokens("谅山 lang son") == [
        ("谅 山", PAIR),
        ("山 lang", PAIR),
        ("lang son", PAIR),
        ("谅", START),
        ("谅 山", START_PAIR),
    ]
    assert phrase_tokens("hang") == [("hang", START)]
    assert phrase_tokens("") == []


def test_the_migration_gives_documents_indexed_before_it_the_tokens_a_new_document_gets():
    add(("Đền Mẫu Đồng Đăng", "lễ hội"), ("Chùa Tam Thanh (động Tam Thanh)", ""))
    expected = set(SearchToken.objects.values_list("document_id", "word", "weight", "title_length"))
    SearchToken.objects.filter(weight__in=[START, PAIR, START_PAIR]).delete()
    migration = importlib.import_module("geopark.search.migrations.0005_phrase_tokens")
    migration.add_phrase_tokens(django_apps, _Editor())
    assert set(SearchToken.objects.values_list("document_id", "word", "weight", "title_length")) == expected
    assert titles("dong dang") == ["Đền Mẫu Đồng Đăng"]


class _Editor:
    """What the migration uses of a schema editor: its connection, and running SQL."""

    connection = connection

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


def test_the_whole_phrase_in_the_title_outranks_the_same_words_apart():
    add(("Gió thổi qua hang đá", ""), ("Lễ hội Hang Gió", ""), ("Hang Gió", ""))
    assert titles("hang gio") == ["Hang Gió", "Lễ hội Hang Gió", "Gió thổi qua hang đá"]


def test_body_only_matches_fill_the_page_after_title_matches_shortest_title_first():
    add(("Hang Một", ""), *[(f"Bản tin số {i:03}", "về hang") for i in range(120)])
    found = titles("hang")
    assert found[0] == "Hang Một"
    assert found[1:4] == ["Bản tin số 000", "Bản tin số 001", "Bản tin số 002"]
    assert len(found) == selectors.MAX_RESULTS


def test_results_tied_on_score_and_title_length_are_ordered_by_title_across_the_end_of_the_page():
    # Written in reverse order, so that the index (which orders ties by document) disagrees.
    names = [f"Tin {a}{b}" for a in "abc" for b in "abcdefghijklmnopqrst"]
    add(*[(name, "hang") for name in reversed(names)])
    assert titles("hang") == names[: selectors.MAX_RESULTS]


def test_a_type_filter_is_applied_while_scanning_so_other_types_do_not_crowd_out_the_page():
    add(*[(f"Hang {i}", "") for i in range(400)], kind="news")
    add(("Hang Gió", ""), ("Hang Tiên", ""), kind="site")
    assert titles("hang", kind="site") == ["Hang Gió", "Hang Tiên"]


def test_when_no_document_holds_every_word_those_missing_one_word_are_found_at_scale():
    add(*[(f"Chùa {i}", "") for i in range(300)])
    add(("Đền Bắc Lệ", "thờ Mẫu"))
    assert titles("chua bac le")[0] == "Đền Bắc Lệ"


@pytest.mark.parametrize("query", ["hang", "hang gio", "cong vien dia chat", "xyzzy hang", "chua bac le"])
def test_a_query_costs_the_same_statements_with_ten_or_a_thousand_documents(query):
    def statements() -> int:
        with CaptureQueriesContext(connection) as ctx:
            selectors.search(query, lang="vi")
        return len(ctx.captured_queries)

    add(
        ("Hang Gió", "công viên địa chất"),
        ("Chùa Bắc Lệ", "hang"),
        *[(f"Tin {i}", "hang gió") for i in range(8)],
    )
    few = statements()
    add(*[(f"Hang {i}", "gió công viên địa chất Bắc Lệ chùa") for i in range(1000)])
    assert statements() == few <= 4  # words; candidates (again without one word); documents


def test_a_scan_reads_a_bounded_number_of_postings(monkeypatch):
    # With scans reading 20 postings, documents whose only match lies beyond are not looked at:
    # the bound is what keeps a query on common words fast. Unbounded, the page would be full.
    monkeypatch.setattr(selectors, "SCAN_ROWS", 20)
    add(*[("Bản tin " + "a" * i, "hang gió") for i in range(1, 100)])
    found = titles("hang gio")
    assert found == ["Bản tin " + "a" * i for i in range(1, len(found) + 1)]
    assert len(found) in (20, 21)  # up to the title length of the 20th posting


def test_a_scan_probes_first_the_query_neighbour_that_less_often_stands_beside_its_anchor():
    # "chua" is the commoner word, but most titles holding "tam" go on "tam thanh" and few say
    # "chua tam": a title with "tam" most likely lacks "chua", so that probe comes first and drops
    # it there, where rarity alone would probe "thanh" first.
    add(
        *[(f"Chùa số {i}", "") for i in range(60)],
        *[(f"Tam Thanh {i}", "") for i in range(40)],
        ("Chùa Tam Thanh", ""),
        ("Chùa Tam Giáo", ""),
    )
    lookups = ["chua", "tam", "thanh"]
    groups = [selectors.Group(w, selectors.WEIGHTS, prefix=len(w) >= selectors.MIN_PREFIX) for w in lookups]
    phrase = selectors._phrase_groups(lookups)
    selectors._expand("vi", [*groups, *phrase])
    assert groups[0].count(selectors.TITLE_WEIGHT) > groups[2].count(selectors.TITLE_WEIGHT)
    scans = selectors._plan(groups, phrase, len(lookups), selectors.MAX_RESULTS)
    tam = next(scan for scan in scans if scan.word == "tam" and scan.weight == selectors.TITLE_WEIGHT)
    assert [lookups[j] for j, _ in tam.others] == ["chua", "thanh"]
    assert titles("chua tam thanh")[0] == "Chùa Tam Thanh"


def _candidate_titles(query: str) -> set[str]:
    lookups = query.split()
    groups = [selectors.Group(w, selectors.WEIGHTS, prefix=len(w) >= selectors.MIN_PREFIX) for w in lookups]
    phrase = selectors._phrase_groups(lookups)
    selectors._expand("vi", [*groups, *phrase])
    found = selectors._candidates("vi", "", groups, phrase, len(lookups), selectors.MAX_RESULTS)
    return set(SearchDocument.objects.filter(pk__in=found).values_list("title", flat=True))


def test_the_commonest_words_scan_is_skipped_once_titles_with_two_words_fill_the_page():
    # 60 titles hold "tam" and "thanh" (and "chua" in the body): they fill the page and outrank any
    # title holding "chua" alone, so the scan from "chua", the commonest title word, is not read.
    add(
        *[(f"Tam Thanh {i}", "chùa") for i in range(60)],
        *[(f"Chùa {i}", "") for i in range(100)],
        *[(f"Chùa ở xa {i}", "tam thanh") for i in range(3)],
    )
    assert not {f"Chùa ở xa {i}" for i in range(3)} & _candidate_titles("chua tam thanh")
    assert len(titles("chua tam thanh")) == selectors.MAX_RESULTS


def test_the_commonest_words_scan_counts_only_titles_with_two_words_as_filling_the_page():
    # 70 documents are found before the scan from "chua": 30 with two words in the title, 40 with
    # "tam" alone and long titles. The short titles holding "chua" alone tie with those 40 and come
    # first, so the scan must be read although more than a page was found.
    add(
        *[(f"Tam Thanh {i}", "chùa") for i in range(30)],
        *[(f"Tam và những chuyện rất dài số {i}", "chùa thanh") for i in range(40)],
        *[(f"Chùa số {i}", "") for i in range(100)],
        *[(f"Chùa {i}", "tam thanh") for i in range(5)],
    )
    found = titles("chua tam thanh")
    assert found[:30] == sorted((f"Tam Thanh {i}" for i in range(30)), key=lambda t: (len(t), t))
    assert found[30:35] == [f"Chùa {i}" for i in range(5)]
    assert len(found) == selectors.MAX_RESULTS


def test_a_long_word_probed_beside_another_finds_each_word_it_begins():
    # "temple" stands for "temple", "temples" and "templeton", probed from the scan of "wind" (on
    # SQLite as one range of the index, which also holds the phrase token "temple road").
    add(
        ("Wind cave", "two temples nearby"),
        ("Wind gap", "a temple"),
        ("Wind rock", "templeton hill"),
        ("Wind hill", "no shrine"),
        ("Temple road", "wind"),
        lang="en",
    )
    with CaptureQueriesContext(connection) as ctx:
        found = selectors.search("wind temple", lang="en").results
    assert [(r.title, r.score) for r in found] == [
        ("Wind gap", 11),
        ("Wind cave", 11),
        ("Wind rock", 11),
        ("Temple road", 11),
    ]
    if connection.vendor == "sqlite":  # the probe of another word (o<group>), not the word lookup
        assert any(re.search(r"\bo\d+\.word >= ", q["sql"]) for q in ctx.captured_queries)


def test_a_long_word_standing_for_more_words_than_are_looked_up_finds_only_those_looked_up():
    # "temple" stands for its first MAX_EXPANSION words in alphabetical order ("templea" …); a body
    # holding only a later one is not found, whether "temple" is the scan's anchor or its probe.
    letters = "abcdefghij"[: selectors.MAX_EXPANSION + 1]
    add(*[(f"Wind {c}", f"temple{c}") for c in letters], lang="en")
    assert titles("wind temple", lang="en") == [f"Wind {c}" for c in letters[:-1]]
