"""What search engines and social networks read: sitemap with language alternates, robots.txt,
canonical and hreflang links, Open Graph / Twitter cards and schema.org JSON-LD on every page type."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db.models.signals import post_init
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from geopark.events.models import Event
from geopark.events.tests.factories import EventFactory
from geopark.heritage.models import Site, SitePhoto
from geopark.heritage.tests.factories import SiteFactory
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]
BASE = "http://testserver"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def world(home_pages):
    geopark = home_pages
    commune = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35)
    pinned = SiteFactory(
        geopark=geopark,
        slug="chua-tam-thanh",
        name_vi="Chùa Tam Thanh",
        name_en="Tam Thanh Pagoda",
        lat=21.85557,
        lon=106.7468,
        commune=commune,
        fee_en="",
    )
    area = SiteFactory(
        geopark=geopark, slug="dong-lam", commune_only=True, commune=commune, name_en="Dong Lam Valley"
    )
    hidden = SiteFactory(geopark=geopark, slug="an-di", live=False)
    route = RouteFactory(number=1, geopark=geopark, slug="thuong-ngan", name_en="Upper Realm")
    RouteStopFactory(route=route, site=area, sort_order=0)
    RouteStopFactory(route=route, site=pinned, sort_order=1)
    event = EventFactory(
        slug="ky-cung",
        title_en="Kỳ Cùng festival",
        start_date=dt.date(2026, 3, 10),
        end_date=dt.date(2026, 3, 15),
        site=pinned,
        organiser_vi="Sở Văn hóa",
        organiser_en="Culture Department",
    )
    draft = EventFactory(slug="nhap", published=False)
    item = CollectionItemFactory()
    return {
        "pinned": pinned,
        "area": area,
        "hidden": hidden,
        "route": route,
        "event": event,
        "draft": draft,
        "item": item,
    }


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def head_links(html: str, rel: str) -> list[tuple[str, str]]:
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)">', html)


def meta(html: str, key: str) -> list[str]:
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)


# --- sitemap.xml -------------------------------------------------------------------------------


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """Every <url> of every section the index /sitemap.xml lists: location → {hreflang: href}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for section in ET.fromstring(response.content).findall("s:sitemap", NS):
        page = client.get(section.find("s:loc", NS).text.removeprefix(BASE))
        assert page.status_code == 200
        for url in ET.fromstring(page.content).findall("s:url", NS):
            loc = url.find("s:loc", NS).text
            entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return entries


def test_sitemap_lists_every_public_page_in_every_language_with_its_alternates(client, world):
    entries = sitemap_entries(client)
    for path in [
        "/",
        "/sites/",
        "/sites/chua-tam-thanh/",
        "/sites/dong-lam/",
        "/routes/",
        "/routes/1-thuong-ngan/",
        "/map/",
        "/events/",
        "/events/month/",
        "/events/past/",
        "/events/ky-cung/",
        "/education/",
        "/collection/",
        f"/collection/{world['item'].slug}/",
    ]:
        for lang in LANGS:
            loc = f"{BASE}/{lang}{path}"
            assert loc in entries, loc
            alternates = entries[loc]
            assert alternates == {
                "vi": f"{BASE}/vi{path}",
                "en": f"{BASE}/en{path}",
                "zh": f"{BASE}/zh{path}",
                "x-default": f"{BASE}/vi{path}",
            }
    listed = " ".join(entries)
    assert "/sites/an-di/" not in listed
    assert "/events/nhap/" not in listed
    assert "/search/" not in listed
    # Every entry, whatever its kind, names itself among its alternates.
    for loc, alternates in entries.items():
        assert loc in alternates.values()
        assert "x-default" in alternates


def test_sitemap_sections_of_sites_and_events_read_rows_and_date_each_entry_by_its_last_change(client, world):
    # Building the records as model instances (a site is a modelcluster model) was a quarter of a
    # large section's time: the sections read rows of the few fields they need.
    built = []

    def count(sender, **kwargs):
        built.append(sender)

    for model in (Site, Event):
        post_init.connect(count, sender=model)
    try:
        sections = [client.get("/sitemap-sites.xml"), client.get("/sitemap-events.xml")]
    finally:
        for model in (Site, Event):
            post_init.disconnect(count, sender=model)
    assert built == []
    lastmod = {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS).text
        for response in sections
        for url in ET.fromstring(response.content).findall("s:url", NS)
    }
    for lang in LANGS:
        assert lastmod[f"{BASE}/{lang}/sites/chua-tam-thanh/"] == f"{world['pinned'].updated_at:%Y-%m-%d}"
        assert lastmod[f"{BASE}/{lang}/events/ky-cung/"] == f"{world['event'].updated_at:%Y-%m-%d}"


def test_robots_txt_opens_public_pages_closes_the_admin_and_points_to_the_sitemap(client, world):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)
    assert not any("/search/" in line for line in lines)


def test_a_search_result_page_names_the_bare_search_page_as_canonical(client, world):
    html = client.get("/en/search/?q=tam+thanh").content.decode()
    assert head_links(html, "canonical") == [("", f"{BASE}/en/search/")]
    assert 'name="robots"' not in html


# --- canonical and hreflang on every page type ---------------------------------------------------

PAGES = [
    "/{lang}/",
    "/{lang}/sites/",
    "/{lang}/sites/chua-tam-thanh/",
    "/{lang}/routes/",
    "/{lang}/routes/1-thuong-ngan/",
    "/{lang}/map/",
    "/{lang}/search/",
    "/{lang}/events/",
    "/{lang}/events/month/?month=2026-03",
    "/{lang}/events/past/",
    "/{lang}/events/ky-cung/",
    "/{lang}/education/",
    "/{lang}/collection/",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_has_one_canonical_and_absolute_language_alternates(client, world, path, lang):
    url = path.format(lang=lang)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    canonical = head_links(html, "canonical")
    assert canonical == [("", BASE + url)]
    alternates = dict(head_links(html, "alternate"))
    assert set(alternates) >= {"vi", "en", "zh", "x-default"}
    assert alternates["x-default"] == alternates["vi"]
    for code in LANGS:
        assert alternates[code].startswith(f"{BASE}/{code}/")
    assert meta(html, "og:url") == [BASE + url]
    assert meta(html, "og:title")
    assert meta(html, "og:type")
    assert meta(html, "twitter:card")
    for block in json_ld(html):
        assert block["@context"] == "https://schema.org"


def test_the_canonical_drops_filters_but_keeps_the_page_number(client, world):
    html = client.get("/en/sites/?type=cultural&utm_source=x&page=1").content.decode()
    assert head_links(html, "canonical") == [("", f"{BASE}/en/sites/")]
    html = client.get("/en/events/month/?month=2026-03&foo=bar").content.decode()
    assert head_links(html, "canonical") == [("", f"{BASE}/en/events/month/?month=2026-03")]


def test_a_missing_page_asks_not_to_be_indexed_and_claims_no_canonical(client, world):
    response = client.get("/en/sites/no-such-place/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert head_links(html, "canonical") == []


@pytest.mark.parametrize(
    ("lang", "locale", "others"),
    [
        ("vi", "vi_VN", {"en_GB", "zh_CN"}),
        ("en", "en_GB", {"vi_VN", "zh_CN"}),
        ("zh", "zh_CN", {"vi_VN", "en_GB"}),
    ],
)
def test_open_graph_names_the_language_and_its_alternates(client, world, lang, locale, others):
    html = client.get(f"/{lang}/sites/chua-tam-thanh/").content.decode()
    assert meta(html, "og:locale") == [locale]
    assert set(meta(html, "og:locale:alternate")) == others


# --- JSON-LD per page type ------------------------------------------------------------------------


def test_home_page_describes_the_geopark_as_an_organization(client, world):
    blocks = {b["@type"]: b for b in json_ld(client.get("/en/").content.decode())}
    org = blocks["Organization"]
    assert org["name"] == "Lang Son UNESCO Global Geopark"
    assert org["url"] == f"{BASE}/en/"
    website = blocks["WebSite"]
    assert website["potentialAction"]["target"] == f"{BASE}/en/search/?q={{search_term_string}}"
    assert meta(client.get("/en/").content.decode(), "og:type") == ["website"]


def test_a_pinned_site_is_a_tourist_attraction_with_its_position_and_commune(client, world):
    (block,) = json_ld(client.get("/en/sites/chua-tam-thanh/").content.decode())
    assert block["@type"] == "TouristAttraction"
    assert block["name"] == "Tam Thanh Pagoda"
    assert block["url"] == f"{BASE}/en/sites/chua-tam-thanh/"
    assert block["geo"] == {"@type": "GeoCoordinates", "latitude": 21.85557, "longitude": 106.7468}
    assert block["address"]["addressLocality"] == "Xã Hữu Liên"
    assert "isAccessibleForFree" not in block  # the fee is not known: say nothing


def test_a_site_known_only_to_its_commune_gets_no_invented_coordinates(client, world):
    (block,) = json_ld(client.get("/en/sites/dong-lam/").content.decode())
    assert block["@type"] == "TouristAttraction"
    assert "geo" not in block
    assert block["address"]["addressLocality"] == "Xã Hữu Liên"


def test_a_site_with_a_photo_shares_it_as_og_image(client, world):
    image = get_image_model().objects.create(title="Tam Thanh", file=get_test_image_file(size=(1600, 900)))
    SitePhoto.objects.create(site=world["pinned"], image=image, sort_order=0)
    html = client.get("/en/sites/chua-tam-thanh/").content.decode()
    (og_image,) = meta(html, "og:image")
    assert og_image.startswith(BASE + "/")
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert json_ld(html)[0]["image"] == og_image


def test_a_route_is_a_tourist_trip_with_its_stops_in_order(client, world):
    (block,) = json_ld(client.get("/en/routes/1-thuong-ngan/").content.decode())
    assert block["@type"] == "TouristTrip"
    assert block["name"] == "Upper Realm"
    itinerary = block["itinerary"]
    assert itinerary["@type"] == "ItemList"
    assert [(i["position"], i["item"]["name"]) for i in itinerary["itemListElement"]] == [
        (1, "Dong Lam Valley"),
        (2, "Tam Thanh Pagoda"),
    ]
    assert itinerary["itemListElement"][1]["item"]["url"] == f"{BASE}/en/sites/chua-tam-thanh/"


def test_an_event_has_dates_place_status_and_organiser(client, world):
    (block,) = json_ld(client.get("/en/events/ky-cung/").content.decode())
    assert block["@type"] == "Event"
    for prop in ("name", "startDate", "endDate", "location", "eventStatus", "organizer", "url"):
        assert prop in block, prop
    assert (block["startDate"], block["endDate"]) == ("2026-03-10", "2026-03-15")
    assert block["eventStatus"] == "https://schema.org/EventScheduled"
    assert block["location"]["@type"] == "Place"
    assert block["location"]["geo"]["latitude"] == 21.85557
    assert block["organizer"] == {"@type": "Organization", "name": "Culture Department"}


def test_an_event_whose_day_is_not_announced_says_only_what_is_known(client, world):
    EventFactory(slug="giai-chay", year_only=True, venue_vi="", venue_en="", organiser_en="")
    (block,) = json_ld(client.get("/en/events/giai-chay/").content.decode())
    assert block["startDate"] == "2026"
    assert "endDate" not in block
    assert "location" not in block
    assert "organizer" not in block


def test_text_in_json_ld_cannot_close_the_script_element(client, world):
    world["event"].title_en = "Fireworks </script><script>alert(1)</script> & more"
    world["event"].save()
    html = client.get("/en/events/ky-cung/").content.decode()
    assert "<script>alert(1)</script>" not in html
    (block,) = json_ld(html)
    assert block["name"] == "Fireworks </script><script>alert(1)</script> & more"


def test_a_news_article_is_a_news_article(client, world):
    from geopark.content.tests import factories as pages

    index = pages.news_index("vi")
    article = pages.article(
        index, title="Lạng Sơn đón bằng UNESCO", lead="Buổi lễ tại Paris.", date=dt.date(2025, 6, 2)
    )
    html = client.get(article.url).content.decode()
    blocks = [b for b in json_ld(html) if b["@type"] == "NewsArticle"]
    assert len(blocks) == 1
    block = blocks[0]
    assert block["headline"] == "Lạng Sơn đón bằng UNESCO"
    assert block["description"] == "Buổi lễ tại Paris."
    assert block["datePublished"].startswith("2025-06-02")
    assert block["inLanguage"] == "vi"
    assert block["url"] == BASE + article.url
    assert block["publisher"]["name"]
    assert meta(html, "og:type") == ["article"]
    assert head_links(html, "canonical") == [("", BASE + article.url)]
