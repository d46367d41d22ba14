"""Issue 18, points 2 and 3: public pages say what helps a visitor, the inventory's bookkeeping lives
on the editors' dashboard, a route's headline is its official figures, and no page is an empty room."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from geopark.events.tests.factories import EventFactory
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.search.services import rebuild_index
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("geopark.events.views._today", lambda: TODAY)


@pytest.fixture
def inventory(home_pages):
    """Route 1 with its official figures (8 points, about 120 km) and two of them documented, one
    known only to its commune and in an order no source confirms; route 2 with nothing official."""
    geopark = home_pages
    commune = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên", lat=21.68, lon=106.35)
    one = RouteFactory(
        number=1, geopark=geopark, slug="thuong-ngan", official_points=8, official_length_km=Decimal("120")
    )
    two = RouteFactory(number=2, geopark=geopark, slug="thien-gioi")
    pinned = SiteFactory(
        geopark=geopark,
        slug="den-bac-le",
        name_vi="Đền Bắc Lệ",
        name_en="Bac Le Temple",
        name_zh="北丽庙",
        route_status="confirmed",
        position_source="https://example.org/bac-le",
        sources="https://example.org/source-one",
        lat=21.60,
        lon=106.30,
    )
    area = SiteFactory(
        geopark=geopark, slug="dong-lam", commune_only=True, commune=commune, name_vi="Đồng Lâm"
    )
    unknown = SiteFactory(geopark=geopark, slug="ung-roac", unknown_position=True, name_vi="Ùng Roặc")
    RouteStopFactory(route=one, site=pinned, sort_order=0, order_confirmed=True)
    RouteStopFactory(route=one, site=area, sort_order=1, order_confirmed=False)
    RouteStopFactory(route=two, site=pinned, sort_order=0, order_confirmed=True)
    RouteStopFactory(route=two, site=area, sort_order=1, order_confirmed=False)
    EventFactory(slug="hoi-dated", title_en="Dated fair", start_date=dt.date(2026, 12, 5))
    EventFactory(slug="hoi-month", title_en="December climb", month_only=True)
    EventFactory(slug="hoi-year", title_en="Some time race", year_only=True)
    rebuild_index()
    return {"geopark": geopark, "route": one, "pinned": pinned, "area": area, "unknown": unknown}


def bookkeeping_phrases(lang: str) -> list[str]:
    """The inventory's internal flags, as each language writes them (one gettext per phrase)."""
    with translation.override(lang):
        return [
            gettext("Commune area only"),
            gettext("Position unknown"),
            gettext("order not confirmed"),
            gettext("Stops documented"),
            gettext("Position source:"),
            gettext("Known only to its commune"),
            gettext("Part of the geopark, route not confirmed"),
            gettext("Confirmed point of an official route"),
            ngettext("%(counter)s stop documented", "%(counter)s stops documented", 2) % {"counter": 2},
            gettext("official: %(n)s") % {"n": 8},
            ngettext(
                "The official route has %(counter)s point; the others are still being documented.",
                "The official route has %(counter)s points; the others are still being documented.",
                8,
            )
            % {"counter": 8},
            gettext(
                "“Pinned” sites have a surveyed or published coordinate; “commune area” sites are known "
                "only to their commune; the position of the others is not yet known."
            ),
            gettext("%(documented)s of %(official)s route points documented")
            % {"documented": 2, "official": 8},
        ]


PUBLIC_PAGES = [
    "/{lang}/sites/",
    "/{lang}/sites/den-bac-le/",
    "/{lang}/sites/dong-lam/",
    "/{lang}/sites/ung-roac/",
    "/{lang}/routes/",
    "/{lang}/routes/1-thuong-ngan/",
    "/{lang}/routes/2-thien-gioi/",
    "/{lang}/events/",
    "/{lang}/events/month/?month=2026-12",
    "/{lang}/events/month/?month=2027-02",
    "/{lang}/search/?q=bac+le",
    "/{lang}/partners/",
    "/{lang}/collection/",
    "/{lang}/education/",
    "/{lang}/about-our-data/",
]


def visible_text(html: str) -> str:
    """The page as read: text and attribute values (titles and map labels are read too)."""
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_show_no_inventory_bookkeeping(client, inventory, lang):
    phrases = bookkeeping_phrases(lang)
    shown = {}
    for page in PUBLIC_PAGES:
        response = client.get(page.format(lang=lang))
        assert response.status_code == 200, page
        html = visible_text(response.content.decode())
        shown[page] = [phrase for phrase in phrases if phrase in html]
    assert {page: found for page, found in shown.items() if found} == {}


def test_site_page_keeps_its_sources_in_a_collapsed_section(client, inventory):
    lang = "zh"
    html = client.get(f"/{lang}/sites/den-bac-le/").content.decode()
    with translation.override(lang):
        heading = gettext("Sources")
    match = re.search(r"<details[^>]*class=\"sources-box\"[^>]*>\s*<summary[^>]*>(.*?)</summary>", html, re.S)
    assert match
    assert heading in match.group(1)
    assert "open" not in html[match.start() : html.index(">", match.start())]
    assert "https://example.org/source-one" in html


def test_route_headline_is_its_official_length_and_points(client, inventory):
    for lang in LANGS:
        html = client.get(f"/{lang}/routes/1-thuong-ngan/").content.decode()
        with translation.override(lang):
            points = ngettext("%(counter)s point", "%(counter)s points", 8) % {"counter": 8}
            about = gettext("about %(km)s") % {"km": "120 km"}
            estimate = gettext("estimate")
        facts = html[
            html.index('class="route-facts"') : html.index("</dl>", html.index('class="route-facts"'))
        ]
        assert points in facts
        assert about in facts
        assert estimate not in facts
        listing = client.get(f"/{lang}/routes/").content.decode()
        card = listing[listing.index("/routes/1-thuong-ngan/") : listing.index("/routes/2-thien-gioi/")]
        assert points in card
        assert about in card
        assert estimate not in card


def test_a_route_without_official_figures_shows_an_estimate_labelled_as_such(client, inventory):
    html = client.get("/en/routes/2-thien-gioi/").content.decode()
    facts = html[html.index('class="route-facts"') : html.index("</dl>", html.index('class="route-facts"'))]
    assert "estimate" in facts
    assert "2 stops" in facts
    # Its stops come in the order known, with no flag on the one no source confirms.
    assert html.index("/en/sites/den-bac-le/") < html.index("/en/sites/dong-lam/")
    assert "unconfirmed" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_events_without_a_day_are_in_a_coming_in_year_list_not_in_the_month_grid(client, inventory, lang):
    html = client.get(f"/{lang}/events/").content.decode()
    with translation.override(lang):
        coming = gettext("Coming in %(year)s") % {"year": 2026}
    assert coming in html
    coming_part = html[html.index(coming) :]
    dated_part = html[: html.index(coming)]
    for slug in ("hoi-month", "hoi-year"):
        assert f"/events/{slug}/" in coming_part
        assert f"/events/{slug}/" not in dated_part
    assert "/events/hoi-dated/" in dated_part

    month = client.get(f"/{lang}/events/month/?month=2026-12").content.decode()
    grid = month[month.index('<table class="cal"') : month.index("</table>")]
    assert "/events/hoi-dated/" in grid
    assert "/events/hoi-month/" not in grid

    # A month with no dated event shows no grid of empty days, but leads to what is coming.
    empty = client.get(f"/{lang}/events/month/?month=2027-02").content.decode()
    assert '<table class="cal"' not in empty
    assert f'href="/{lang}/events/"' in empty


ABOUT_HEADINGS = {"vi": "Về dữ liệu của chúng tôi", "en": "About our data", "zh": "关于我们的数据"}


def test_about_our_data_page_in_each_language_is_linked_from_the_footer(client, inventory):
    for lang, heading in ABOUT_HEADINGS.items():
        response = client.get(f"/{lang}/about-our-data/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{heading}</h1>" in html
        assert f'href="/{lang}/contact/"' in html  # how to send a correction
        with translation.override(lang):
            assert gettext("What is still approximate") in html
        sites = client.get(f"/{lang}/sites/").content.decode()
        footer = sites[sites.index('<footer class="site-footer"') :]
        assert f'href="/{lang}/about-our-data/"' in footer


def _cells(html: str, testid: str) -> list[str]:
    """The numbers (and dashes) of one element of the panel, in order."""
    row = re.search(rf'data-testid="{testid}">(.*?)</(?:li|tr)>', html, re.S).group(1)
    row = re.sub(r"<th .*?</th>", " ", row, flags=re.S)  # a route's name is not a count
    return re.findall(r"\d+(?:[.,]\d+)?|—", re.sub(r"<[^>]+>", " ", row))


def test_admin_dashboard_shows_every_count_taken_off_the_public_pages(client, inventory, admin_user):
    geopark = inventory["geopark"]
    geopark.official_route_points = 38
    geopark.save()
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    panel = html[html.index("inventory-completeness-heading") :]
    assert _cells(panel, "route-points") == ["1", "38"]  # sites whose route status is confirmed
    assert _cells(panel, "located") == ["1", "3"]
    assert _cells(panel, "commune-only") == ["1"]
    assert _cells(panel, "unknown") == ["1"]
    # Route 1: 2 stops documented of 8 official points, 2 with a position, 1 in an unconfirmed order,
    # 120 km official, then the schematic line's length.
    one = _cells(panel, "route-1")
    assert one[:5] == ["2", "8", "2", "1", "120"]
    assert len(one) == 6
    assert one[5] != "—"
    two = _cells(panel, "route-2")
    assert two[:5] == ["2", "—", "2", "1", "—"]
