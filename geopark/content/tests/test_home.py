"""The home page invites a visitor: the place, what to do, what's on, how to plan the visit; the
geopark's vision, mission and commitment are on About; no internal count is shown; a section with
nothing in it (events, news, education, the collection, partners) has no menu entry and no block."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from geopark.content import sections
from geopark.content.models import VisitFact
from geopark.content.tests.factories import VisitFactFactory, article, news_index, standard_page
from geopark.education.tests.factories import LearningResourceFactory
from geopark.events.tests.factories import EventFactory
from geopark.heritage.tests.factories import SiteFactory
from geopark.museum.tests.factories import CollectionItemFactory
from geopark.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def _soon() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=30)


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_page_leads_with_the_place_then_what_to_do_whats_on_and_plan_your_visit(client, home_pages):
    VisitFactFactory(
        kind=VisitFact.Kind.LEAD, title_vi="", title_en="", text_en="Limestone peaks and 200 caves."
    )
    VisitFactFactory(title_en="From the capital", text_en="About 170 km by road.")
    VisitFactFactory(kind=VisitFact.Kind.INFO_CENTRE, text_en="Three information centres.")
    VisitFactFactory(kind=VisitFact.Kind.SEASON, title_en="Spring", text_en="Peach blossom festival.")
    VisitFactFactory(kind=VisitFact.Kind.SAFETY, title_en="Caves and rain", text_en="Never after heavy rain.")
    EventFactory(start_date=_soon(), title_en="Peach Blossom Festival")
    article(news_index(), title="Tin mới")

    html = _html(client, "/en/")

    order = [
        html.index(f'id="{anchor}"')
        for anchor in ("hero-title", "todo-title", "whats-on-title", "plan-title")
    ]
    assert order == sorted(order)
    for text in (
        "Limestone peaks and 200 caves.",
        "From the capital",
        "About 170 km by road.",
        "Three information centres.",
        "Peach blossom festival.",
        "Never after heavy rain.",
        "Peach Blossom Festival",
    ):
        assert text in html
    assert 'href="/en/about/"' in html
    assert 'href="/en/contact/"' in html


def test_a_visitor_fact_the_data_lacks_is_simply_not_shown(client, home_pages):
    VisitFactFactory(title_en="From the capital")

    html = _html(client, "/en/")

    assert "From the capital" in html
    for heading in ("Information centres", "Seasons and weather", ">Safety<"):
        assert heading not in html


def test_vision_mission_and_commitment_are_on_about_and_not_on_the_home_page(client, home_pages):
    geopark = home_pages
    geopark.vision_vi = "Giữ gìn di sản"
    geopark.mission_vi = "Bảo vệ di sản địa chất"
    geopark.commitment_vi = "Phát triển bền vững"
    geopark.save()
    standard_page(
        slug="about",
        title="Giới thiệu",
        body=[
            ("geopark_text", {"text": name, "show_heading": True})
            for name in ("vision", "mission", "commitment")
        ],
    )

    home, about = _html(client, "/vi/"), _html(client, "/vi/about/")

    for text in ("Giữ gìn di sản", "Bảo vệ di sản địa chất", "Phát triển bền vững"):
        assert text in about
        assert text not in home


def test_the_home_page_shows_no_internal_counts(client, home_pages):
    SiteFactory(geopark=home_pages, featured=True)
    SiteFactory(geopark=home_pages, commune_only=True)
    SiteFactory(geopark=home_pages, unknown_position=True)

    html = _html(client, "/en/")

    for bookkeeping in (
        "route points documented",
        "located precisely",
        "known only to their commune",
        "position is unknown",
    ):
        assert bookkeeping not in html
    assert not re.search(r"\b\d+ of \d+\b", html)


# Each section: what gives it content, and the address its menu entry leads to.
SECTIONS = {
    "events": (lambda: EventFactory(start_date=_soon()), "/en/events/"),
    "news": (lambda: article(news_index()), "/en/news/"),
    "education": (LearningResourceFactory, "/en/education/"),
    "collection": (CollectionItemFactory, "/en/collection/"),
    "partners": (PartnerFactory, "/en/partners/"),
}


def test_sections_with_nothing_to_show_have_no_menu_entry_and_no_home_block(client, home_pages):
    html = _html(client, "/en/")

    for _make, url in SECTIONS.values():
        assert f'href="{url}"' not in html, url
    assert 'id="whats-on-title"' not in html
    # The menu still leads to About and Contact.
    assert 'href="/en/about/"' in html
    assert 'href="/en/contact/"' in html


@pytest.mark.parametrize("section", list(SECTIONS))
def test_a_section_with_content_is_in_the_menu(client, home_pages, section):
    make, url = SECTIONS[section]
    make()

    html = _html(client, "/en/sites/")

    header = html[html.index("<header") : html.index("</header>")]
    assert f'href="{url}"' in header


def test_which_sections_have_content_costs_one_query_and_then_none_until_a_write(
    home_pages, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert sections.compute_presence() == {
            "news": False,
            "events": False,
            "education": False,
            "collection": False,
            "partners": False,
            "trails": False,
        }
    sections.section_presence()
    with django_assert_num_queries(0):
        assert sections.section_presence()["events"] is False

    EventFactory(start_date=_soon())

    assert sections.section_presence()["events"] is True


@pytest.mark.parametrize(
    ("lang", "heading"), [("vi", "Hộ chiếu địa chất"), ("en", "Geo-passport"), ("zh", "地质护照")]
)
def test_plan_your_visit_and_the_footer_lead_to_the_planner_and_the_geo_passport(
    client, home_pages, lang, heading
):
    VisitFactFactory(title_en="From the capital")

    html = _html(client, f"/{lang}/")

    plan = html[html.index('id="plan-title"') :]
    assert f'href="/{lang}/passport/"' in plan.split("</section>")[0]
    assert heading in plan.split("</section>")[0]
    footer = html[html.index('class="site-footer"') :]
    assert f'href="/{lang}/passport/"' in footer
    assert f'href="/{lang}/plan/"' in footer
