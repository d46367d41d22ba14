"""What pages compute alike is remembered per process (operations.pagecache.remembered) and never
shown stale: the writes that drop the cached pages showing those records drop it too. The pages
are fetched with the page cache off, as a miss is rendered."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.operations import pagecache
from geopark.partners.models import Partner
from geopark.routes.tests.factories import RouteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached_pages(settings, tmp_path):
    settings.GEOPARK_PAGE_CACHE = False
    settings.GEOPARK_PAGE_CACHE_STAMP = str(tmp_path / "stamp")


def test_a_value_is_computed_again_only_when_one_of_its_tags_moves(uncached_pages):
    calls: list[str] = []

    def compute() -> str:
        calls.append("computed")
        return f"value {len(calls)}"

    news_tags = ("content.NewsPage",)
    assert pagecache.remembered("test.value", news_tags, compute) == "value 1"
    assert pagecache.remembered("test.value", news_tags, compute) == "value 1"
    # A partner's write moves other tags.
    pagecache.invalidate(pagecache.tags_for_model(Partner))
    assert pagecache.remembered("test.value", news_tags, compute) == "value 1"
    pagecache.invalidate(news_tags)
    assert pagecache.remembered("test.value", news_tags, compute) == "value 2"
    # A write nobody declared moves "*", on which every value depends.
    pagecache.invalidate()
    assert pagecache.remembered("test.value", news_tags, compute) == "value 3"
    assert len(calls) == 3


def test_the_home_page_shows_a_renamed_route_and_a_new_featured_site_at_once(
    client, home_pages, uncached_pages
):
    route = RouteFactory(geopark=home_pages, name_vi="Tuyến Thượng Ngàn")
    assert "Tuyến Thượng Ngàn" in client.get("/vi/").content.decode()
    route.name_vi = "Tuyến Non Nước"
    route.save()
    assert "Tuyến Non Nước" in client.get("/vi/").content.decode()

    SiteFactory(geopark=home_pages, name_vi="Động Nhị Thanh", featured=True)
    assert "Động Nhị Thanh" in client.get("/vi/").content.decode()


def test_the_site_list_counts_a_new_site_and_its_commune_at_once(client, geopark, uncached_pages):
    from geopark.territory.tests.factories import CommuneFactory

    SiteFactory(geopark=geopark)
    client.get("/vi/sites/")
    commune = CommuneFactory(short_name="Mai Pha")
    SiteFactory(geopark=geopark, commune=commune)
    # The commune filter lists it with its count (a card would name it anyway).
    assert "Xã Mai Pha (1)" in client.get("/vi/sites/").content.decode()


def test_the_header_shows_the_renamed_geopark_at_once(client, home_pages, uncached_pages):
    client.get("/vi/")
    home_pages.name_vi = "Công viên địa chất Lạng Sơn mới"
    home_pages.short_name_vi = "Công viên địa chất Lạng Sơn mới"
    home_pages.save()
    assert "Công viên địa chất Lạng Sơn mới" in client.get("/vi/").content.decode()


def test_the_site_page_shows_a_renamed_partner_and_a_new_neighbour_at_once(client, geopark, uncached_pages):
    from geopark.partners.tests.factories import PartnerFactory

    SiteFactory(geopark=geopark, slug="hang-gio", lat=21.85, lon=106.75)
    partner = PartnerFactory(name_vi="Homestay Kim", lat=21.851, lon=106.751)
    assert "Homestay Kim" in client.get("/vi/sites/hang-gio/").content.decode()
    partner.name_vi = "Homestay Kim Đồng"
    partner.save()
    assert "Homestay Kim Đồng" in client.get("/vi/sites/hang-gio/").content.decode()

    SiteFactory(geopark=geopark, name_vi="Động Nhị Thanh", lat=21.852, lon=106.752)
    assert "Động Nhị Thanh" in client.get("/vi/sites/hang-gio/").content.decode()


def test_a_draft_preview_never_uses_or_leaves_a_remembered_part(client, geopark, uncached_pages, admin_user):
    from django.test import RequestFactory

    from geopark.heritage.views import render_site

    site = SiteFactory(geopark=geopark, slug="hang-gio", lat=21.85, lon=106.75)
    client.get("/vi/sites/hang-gio/")
    before = dict(pagecache._remembered)
    request = RequestFactory().get("/vi/sites/hang-gio/")
    request.LANGUAGE_CODE = "vi"
    request.user = admin_user
    render_site(request, site)
    assert pagecache._remembered == before
