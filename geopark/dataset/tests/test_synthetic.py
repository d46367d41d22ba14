"""generate_synthetic adds marked sites, news (straight into Wagtail's tree) and their search entries
on top of a geopark, leaves a sound page tree, and --remove takes away exactly what it added."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Page

from geopark.content.models import NewsPage
from geopark.content.tests import factories as content
from geopark.dataset import synthetic
from geopark.heritage.models import Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.search import selectors
from geopark.search.models import SearchDocument, SearchToken
from geopark.search.services import rebuild_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(home_pages):
    geopark = home_pages
    SiteFactory(geopark=geopark, slug="hang-gio", name_vi="Hang Gió")
    index = content.news_index("vi")
    content.translate(index, "en", {"Tin tức": "News"})
    content.article(index, title="Tin thật", slug="tin-that")
    rebuild_index()
    return geopark


def generate() -> None:
    call_command("generate_synthetic", sites=50, news=200, establishments=5, years=1, no_progress=True)


def test_it_adds_marked_sites_news_and_translations_in_a_sound_page_tree(loaded):
    generate()
    assert Site.objects.filter(code__startswith="syn-").count() == 50
    synthetic_news = NewsPage.objects.filter(slug__startswith="syn-")
    assert synthetic_news.filter(locale__language_code="vi").count() == 200
    assert 0 < synthetic_news.filter(locale__language_code="en").count() < 200
    assert Page.find_problems() == ([], [], [], [], [])
    assert synthetic.tree_problems() == []
    # Every synthetic site in three languages and every synthetic article in its own, with tokens.
    n_news = synthetic_news.count()
    assert SearchDocument.objects.filter(kind="site", key__startswith="syn-").count() == 50 * 3
    assert SearchDocument.objects.filter(kind="news").count() == n_news + 1
    assert not SearchDocument.objects.filter(tokens__isnull=True).exists()


def test_a_synthetic_article_renders_and_opens_in_the_admin(loaded, client, admin_user):
    generate()
    article = NewsPage.objects.filter(slug__startswith="syn-", locale__language_code="vi").first()
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


def test_search_finds_a_synthetic_site_by_its_name_without_diacritics(loaded):
    generate()
    site = Site.objects.filter(code__startswith="syn-").order_by("code").first()
    from geopark.core.text import fold

    found = selectors.search(fold(site.name_vi), lang="vi").results
    assert site.get_absolute_url() in [doc.url for doc in found]


def test_remove_takes_away_everything_it_added_and_nothing_else(loaded):
    before = {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "documents": SearchDocument.objects.count(),
        "tokens": SearchToken.objects.count(),
    }
    generate()
    call_command("generate_synthetic", remove=True, no_progress=True)
    after = {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "documents": SearchDocument.objects.count(),
        "tokens": SearchToken.objects.count(),
    }
    assert after == before
    assert Page.find_problems() == ([], [], [], [], [])
    assert Site.objects.filter(slug="hang-gio").exists()
    assert NewsPage.objects.filter(slug="tin-that").exists()
    from geopark.tourism.models import Establishment

    assert not Establishment.objects.filter(synthetic=True).exists()


def test_running_it_twice_gives_the_same_amount_not_twice_as_much(loaded):
    generate()
    generate()
    assert Site.objects.filter(code__startswith="syn-").count() == 50
    assert NewsPage.objects.filter(slug__startswith="syn-", locale__language_code="vi").count() == 200


def test_generating_leaves_the_connections_sqlite_page_cache_as_it_was(loaded):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")

    def cache_size() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return cursor.fetchone()[0]

    before = cache_size()
    generate()
    assert cache_size() == before
