"""The public collection browser: list with filters and pages, detail, three languages, public fields only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from geopark.museum.tests.factories import CollectionItemFactory
from geopark.operations import pagecache

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


@pytest.mark.parametrize(
    ("lang", "name"), [("vi", "Răng đười ươi"), ("en", "Orangutan tooth"), ("zh", "猩猩牙齿")]
)
def test_the_list_shows_public_items_in_each_language(client, collection, lang, name):
    response = client.get(f"/{lang}/collection/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(lang):
        assert gettext("Museum collection") in html
    assert name in html
    assert f"/{lang}/collection/ls-001/" in html
    assert "Mẫu chưa công bố" not in html
    assert "ls-999" not in html


@pytest.mark.parametrize(
    ("query", "shown", "not_shown"),
    [
        ("taxon=Pongo", {"ls-001"}, {"ls-002", "nd-001"}),
        ("taxon=pongo", {"ls-001"}, {"ls-002"}),
        ("period=paleogene", {"nd-001"}, {"ls-001", "ls-002"}),
        ("site=LSG-X-01", {"ls-001", "ls-002"}, {"nd-001"}),
        ("site=LSG-X-01&taxon=Stegodon", {"ls-002"}, {"ls-001", "nd-001"}),
        ("period=cretaceous-park&page=abc", {"ls-001", "ls-002", "nd-001"}, set()),  # bad values are ignored
    ],
)
def test_the_list_filters_by_taxon_period_and_find_site_without_javascript(
    client, collection, query, shown, not_shown
):
    response = client.get(f"/en/collection/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in shown:
        assert f"/en/collection/{slug}/" in html
    for slug in not_shown:
        assert f"/en/collection/{slug}/" not in html
    assert 'method="get"' in html  # a plain form: works without JavaScript


def test_the_filters_offer_genera_periods_and_find_sites_with_counts(client, collection):
    html = client.get("/en/collection/").content.decode()
    assert '<option value="Pongo">Pongo (1)</option>' in html
    assert '<option value="pleistocene">Pleistocene (2)</option>' in html
    assert '<option value="LSG-X-01">Tham Khuyen Cave (2)</option>' in html


def test_the_list_is_paginated(client, collection):
    for _ in range(30):
        CollectionItemFactory()
    first = client.get("/en/collection/").content.decode()
    assert 'rel="next"' in first
    second = client.get("/en/collection/?page=2").content.decode()
    assert "Page 2 of 2" in second


def test_an_empty_result_says_so_and_offers_the_whole_collection(client, collection):
    html = client.get("/en/collection/?taxon=Homo").content.decode()
    with translation.override("en"):
        assert gettext("No item matches these filters.") in html


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["/vi/collection/", "/en/collection/?site=LSG-X-01", "/zh/collection/?period=pleistocene"]
)
def test_the_list_costs_the_same_queries_for_few_or_many_items(client, collection, url):
    few = _queries(client, url)
    for i in range(40):
        CollectionItemFactory(
            find_site=collection["cave"],
            excavation=collection["tooth"].excavation,
            taxon=f"Genus{i % 7} species",
        )
    # Both measured cold: the items move only the collection's pages (MuseumConfig.shown_on), so
    # what the header remembers (the geopark) would otherwise be free the second time.
    pagecache.forget_remembered()
    many = _queries(client, url)
    assert few == many


@pytest.mark.parametrize("lang", LANGS)
def test_the_detail_page_shows_the_public_record_and_never_the_storage_place(client, collection, lang):
    response = client.get(f"/{lang}/collection/ls-001/")
    assert response.status_code == 200
    html = response.content.decode()
    assert {"vi": "Răng đười ươi", "en": "Orangutan tooth", "zh": "猩猩牙齿"}[lang] in html
    assert '<i lang="la">Pongo pygmaeus</i>' in html
    assert "Late Pleistocene" in html
    assert "Lớp 3" in html
    assert f'href="/{lang}/sites/hang-tham-khuyen/"' in html
    assert "University of Wollongong" in html
    assert "Bacon et al. 2015" in html
    with translation.override(lang):
        assert gettext("Excavation of %(year)s") % {"year": 2019} in html
    assert "Kho B" not in html
    assert "Cần gia cố" not in html


def test_a_missing_translation_falls_back_to_vietnamese_and_says_so(client, collection):
    html = client.get("/zh/collection/ls-002/").content.decode()
    assert "Răng voi răng kiếm" in html
    with translation.override("zh"):
        assert gettext("This text is not yet translated; shown in Vietnamese.") in html


@pytest.mark.parametrize("path", ["/en/collection/ls-999/", "/en/collection/no-such-item/"])
def test_unpublished_or_unknown_items_are_404(client, collection, path):
    assert client.get(path).status_code == 404


def test_the_footer_links_to_the_collection_on_every_page(client, collection):
    html = client.get("/en/sites/").content.decode()
    assert 'href="/en/collection/"' in html


def test_the_language_switcher_keeps_the_visitor_on_the_item(client, collection):
    html = client.get("/en/collection/ls-001/").content.decode()
    for lang in LANGS:
        assert f'href="/{lang}/collection/ls-001/"' in html
