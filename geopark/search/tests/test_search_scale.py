"""Search over an index much larger than a page of results: the right documents are still found
first, the work is bounded (a fixed number of statements, scans that stop early), and prefixes
stand for the words they begin."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.core.text import fold
from geopark.search import selectors
from geopark.search.models import SearchDocument, SearchToken
from geopark.search.services import bulk_index

pytestmark = pytest.mark.django_db


def add(*docs: tuple[str, str], lang: str = "vi", kind: str = "news") -> None:
    """(title, body) documents, written the way the synthetic data and the importers write them."""
    start = SearchDocument.objects.count()
    bulk_index([
        SearchDocument(lang=lang, kind=kind, key=f"{kind}-{start + i}", title=title, summary="", url=f"/{start + i}/",
                       title_folded=fold(title), body_folded=fold(body))
        for i, (title, body) in enumerate(docs)
    ])


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


def test_documents_with_every_word_in_the_title_come_first_even_among_thousands_of_partial_matches():
    # 600 short titles hold one of the words, many more bodies hold both: the two titles holding
    # both words are long, so a scan reading only the shortest titles would miss them.
    add(*[(f"Hang số {i}", "gió mùa") for i in range(300)])
    add(*[(f"Gió {i}", "trong hang") for i in range(300)])
    add(*[(f"Tin {i}", "hang và gió") for i in range(300)])
    add(("Đoàn khảo sát đo lường luồng gió trong Hang Gió ở Bắc Sơn, mùa đông năm nay", ""),
        ("Một bài rất dài về hang và về gió, và về những điều khác nữa ở vùng núi đá vôi", ""))
    found = titles("hang gio")
    assert found[:2] == ["Đoàn khảo sát đo lường luồng gió trong Hang Gió ở Bắc Sơn, mùa đông năm nay",
                         "Một bài rất dài về hang và về gió, và về những điều khác nữa ở vùng núi đá vôi"]
    # Then the titles holding one word (shortest first), never a body-only match before them.
    assert all(t.startswith(("Hang số", "Gió")) for t in found[2:])
    assert len(found) == selectors.MAX_RESULTS


def test_the_whole_phrase_in_the_title_outranks_the_same_words_apart():
    add(("Gió thổi qua hang đá", ""), ("Lễ hội Hang Gió", ""), ("Hang Gió", ""))
    assert titles("hang gio") == ["Hang Gió", "Lễ hội Hang Gió", "Gió thổi qua hang đá"]


def test_body_only_matches_fill_the_page_after_title_matches_shortest_title_first():
    add(("Hang Một", ""), *[(f"Bản tin số {i:03}", "về hang") for i in range(120)])
    found = titles("hang")
    assert found[0] == "Hang Một"
    assert found[1:4] == ["Bản tin số 000", "Bản tin số 001", "Bản tin số 002"]
    assert len(found) == selectors.MAX_RESULTS


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

    add(("Hang Gió", "công viên địa chất"), ("Chùa Bắc Lệ", "hang"), *[(f"Tin {i}", "hang gió") for i in range(8)])
    few = statements()
    add(*[(f"Hang {i}", "gió công viên địa chất Bắc Lệ chùa") for i in range(1000)])
    assert statements() == few <= 6


def test_a_scan_reads_a_bounded_number_of_postings(monkeypatch):
    # With scans reading 20 postings, documents whose only match lies beyond are not looked at:
    # the bound is what keeps a query on common words fast. Unbounded, the page would be full.
    monkeypatch.setattr(selectors, "SCAN_ROWS", 20)
    add(*[("Bản tin " + "a" * i, "hang gió") for i in range(1, 100)])
    found = titles("hang gio")
    assert found == ["Bản tin " + "a" * i for i in range(1, len(found) + 1)]
    assert len(found) in (20, 21)  # up to the title length of the 20th posting
