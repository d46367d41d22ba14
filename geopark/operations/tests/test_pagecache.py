"""The public page cache answers repeat visits without touching the database, per language, and
never shows a page older than the last edit, publish, unpublish, translation or import."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from geopark.content.tests import factories as pages
from geopark.heritage.models import Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import pagecache

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def cache_state(response) -> str | None:
    return response.headers.get(pagecache.HEADER)


@pytest.fixture
def site(geopark):
    return SiteFactory(name_vi="Hang Gió", name_en="Wind Cave", slug="hang-gio")


def test_a_repeat_visit_is_answered_from_the_cache_without_a_query(client, site, django_assert_num_queries):
    first = client.get("/vi/sites/hang-gio/")
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    with django_assert_num_queries(0):
        again = client.get("/vi/sites/hang-gio/")
    assert cache_state(again) == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_each_language_has_its_own_cached_page(client, site):
    client.get("/vi/sites/hang-gio/")
    english = client.get("/en/sites/hang-gio/")
    assert cache_state(english) == "miss"
    assert "Wind Cave" in english.content.decode()
    assert "Wind Cave" in client.get("/en/sites/hang-gio/").content.decode()
    vietnamese = client.get("/vi/sites/hang-gio/")
    assert cache_state(vietnamese) == "hit"
    assert "Hang Gió" in vietnamese.content.decode()


def test_an_edit_to_a_site_shows_on_the_next_request(client, site):
    client.get("/vi/sites/hang-gio/")
    client.get("/vi/sites/")
    site.name_vi = "Hang Gió Mới"
    site.save()
    detail = client.get("/vi/sites/hang-gio/")
    assert cache_state(detail) == "miss"
    assert "Hang Gió Mới" in detail.content.decode()
    assert "Hang Gió Mới" in client.get("/vi/sites/").content.decode()


def test_a_deleted_site_is_gone_on_the_next_request(client, site):
    assert client.get("/vi/sites/hang-gio/").status_code == 200
    Site.objects.filter(pk=site.pk).delete()
    assert client.get("/vi/sites/hang-gio/").status_code == 404


def test_an_api_answer_follows_an_edit(client, site):
    url = "/api/v1/sites/hang-gio?lang=en"
    assert client.get(url).json()["name"] == "Wind Cave"
    assert cache_state(client.get(url)) == "hit"
    site.name_en = "Cave of the Wind"
    site.save()
    assert client.get(url).json()["name"] == "Cave of the Wind"


def test_publishing_and_unpublishing_a_news_article_shows_at_once(client, home_pages):
    index = pages.news_index("vi")
    assert "Lễ hội hoa đào" not in client.get("/vi/news/").content.decode()
    article = pages.article(index, title="Lễ hội hoa đào", slug="le-hoi-hoa-dao")
    assert "Lễ hội hoa đào" in client.get("/vi/news/").content.decode()
    assert client.get("/vi/news/le-hoi-hoa-dao/").status_code == 200

    article.title = "Lễ hội hoa đào Lạng Sơn"
    article.save_revision().publish()
    assert "Lễ hội hoa đào Lạng Sơn" in client.get("/vi/news/le-hoi-hoa-dao/").content.decode()

    article.unpublish()
    assert client.get("/vi/news/le-hoi-hoa-dao/").status_code == 404
    assert "Lễ hội hoa đào" not in client.get("/vi/news/").content.decode()


def test_a_draft_does_not_change_the_cached_public_page_but_its_publication_does(client, home_pages):
    index = pages.news_index("vi")
    article = pages.article(index, title="Bản công bố", slug="ban-cong-bo")
    client.get("/vi/news/ban-cong-bo/")
    article.title = "Bản nháp"
    article.save_revision()
    assert "Bản nháp" not in client.get("/vi/news/ban-cong-bo/").content.decode()
    article.get_latest_revision().publish()
    assert "Bản nháp" in client.get("/vi/news/ban-cong-bo/").content.decode()


def test_a_published_translation_replaces_the_fallback_page(client, home_pages):
    index = pages.news_index("vi")
    pages.article(index, title="Đèo Mẫu Sơn", slug="deo-mau-son", lead="Đường lên núi.")
    pages.translate(index, "en", {"Tin tức": "News"})
    fallback = client.get("/en/news/deo-mau-son/")
    assert "Đèo Mẫu Sơn" in fallback.content.decode()
    assert cache_state(client.get("/en/news/deo-mau-son/")) == "hit"

    article = index.get_children().get(slug="deo-mau-son").specific
    pages.translate(
        article, "en", {"Đèo Mẫu Sơn": "Mau Son Pass", "Đường lên núi.": "The road up the mountain."}
    )
    translated = client.get("/en/news/deo-mau-son/")
    assert "Mau Son Pass" in translated.content.decode()


def test_a_bulk_collection_import_shows_on_the_next_request(client, geopark):
    from geopark.museum.services import import_collection

    assert "KT-9001" not in client.get("/vi/collection/").content.decode()
    csv = "catalogue_number,kind,common_name_vi,public\nKT-9001,fossil,Hóa thạch răng,yes\n"
    report = import_collection(handle=io.BytesIO(csv.encode()), filename="c.csv")
    assert not report.errors, report.errors
    assert "KT-9001" in client.get("/vi/collection/").content.decode()


def test_a_browser_that_takes_gzip_gets_the_compressed_copy_and_others_the_plain_one(client, site):
    import gzip

    plain = client.get("/vi/sites/hang-gio/")
    compressed = client.get("/vi/sites/hang-gio/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert cache_state(compressed) == "miss"
    again = client.get("/vi/sites/hang-gio/", HTTP_ACCEPT_ENCODING="gzip")
    assert cache_state(again) == "hit"
    assert gzip.decompress(again.content) == plain.content
    assert "Content-Encoding" not in client.get("/vi/sites/hang-gio/")


def test_a_repeat_visit_with_the_etag_gets_304_from_the_cache(client, site):
    first = client.get("/vi/sites/hang-gio/")
    etag = first["ETag"]
    assert etag
    again = client.get("/vi/sites/hang-gio/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert cache_state(again) == "hit"
    assert again.content == b""


def test_a_signed_in_editor_gets_a_fresh_page_and_leaves_the_cache_alone(client, site, admin_user):
    anonymous = client.get("/vi/sites/hang-gio/")
    client.force_login(admin_user)
    signed_in = client.get("/vi/sites/hang-gio/")
    assert cache_state(signed_in) is None
    client.logout()
    assert cache_state(Client().get("/vi/sites/hang-gio/")) == "hit"
    assert anonymous.content == Client().get("/vi/sites/hang-gio/").content


def test_a_page_with_a_csrf_protected_form_is_never_cached(client, home_pages):
    pages.contact_page("vi")
    url = "/vi/contact/"
    first = client.get(url)
    assert first.status_code == 200
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert cache_state(first) is None
    assert cache_state(Client().get(url)) is None


def test_only_reads_of_public_paths_are_cached(client, site, admin_user):
    client.get("/vi/sites/hang-gio/?" + "x" * (pagecache.MAX_QUERY_LENGTH + 1))
    assert cache_state(client.get("/vi/sites/hang-gio/?" + "x" * (pagecache.MAX_QUERY_LENGTH + 1))) is None
    assert cache_state(client.head("/vi/sites/hang-gio/")) is None
    assert cache_state(client.get("/vi/sites/no-such-site/")) is None
    assert cache_state(client.get("/healthz")) is None


def test_the_cache_can_be_switched_off(client, site, settings):
    settings.GEOPARK_PAGE_CACHE = False
    client.get("/vi/sites/hang-gio/")
    assert cache_state(client.get("/vi/sites/hang-gio/")) is None


@pytest.mark.django_db(transaction=True)
def test_the_generation_moves_again_when_the_transaction_commits():
    """Between a save and its commit, another request may store a page rendered from the old rows
    under the new generation; the refresh at commit makes sure that page is never served."""
    from django.db import transaction

    from geopark.content.models import NewsCategory
    from geopark.content.tests.factories import NewsCategoryFactory

    [tag, *_others] = pagecache.tags_for_model(NewsCategory)
    with transaction.atomic():
        category = NewsCategoryFactory(name_vi="Di sản")
        category.name_vi = "Di sản địa chất"
        category.save()
        before_commit = pagecache.current_generation(tag)
    assert pagecache.current_generation(tag) != before_commit


def test_a_bump_made_by_another_worker_process_is_seen(client, site, tmp_path, settings):
    """Two gunicorn workers with a per-process cache share the generation through a file."""
    stamp = tmp_path / "stamp"
    settings.GEOPARK_PAGE_CACHE_STAMP = str(stamp)
    client.get("/vi/sites/hang-gio/")
    assert cache_state(client.get("/vi/sites/hang-gio/")) == "hit"
    code = "import django; django.setup(); from geopark.operations import pagecache; pagecache.invalidate()"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "GEOPARK_PAGE_CACHE_STAMP": str(stamp),
    }
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=120)
    assert cache_state(client.get("/vi/sites/hang-gio/")) == "miss"


def test_an_unreachable_shared_cache_neither_breaks_pages_nor_saves(client, site, settings):
    # A Redis address where nothing listens: every cache call fails at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/vi/sites/hang-gio/")
    assert response.status_code == 200
    assert cache_state(response) is None
    site.name_vi = "Hang Gió (sửa)"
    site.save()
    assert "Hang Gió (sửa)" in client.get("/vi/sites/hang-gio/").content.decode()


def test_the_middleware_runs_before_sessions_and_url_routing():
    order = settings.MIDDLEWARE
    position = order.index("geopark.operations.pagecache.PageCacheMiddleware")
    assert position < order.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert position < order.index("geopark.operations.middleware.LocaleMiddleware")
