"""The geo-passport in a real browser: a stamp by location is refused outside the site's circle and
collected inside it (Playwright grants and sets the position), its question is answered, a
signboard scan stamps the route's other site and earns the route's badge, the passport shows the
stamps and the badge after a reload, and the beacons were counted, with no answer in the page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SITE_A = (21.8500, 106.7500)


@pytest.fixture
def route(transactional_db):
    from geopark.heritage.tests.factories import SiteFactory
    from geopark.passport.tests.factories import QuestionFactory
    from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
    from geopark.territory.tests.factories import GeoparkFactory

    geopark = GeoparkFactory()
    route = RouteFactory(geopark=geopark, number=1, name_en="Mountains route")
    a = SiteFactory(
        geopark=geopark, code="LSG-A", slug="cave-a", lat=SITE_A[0], lon=SITE_A[1], uncertainty_m=50
    )
    b = SiteFactory(geopark=geopark, code="LSG-B", slug="temple-b", lat=21.90, lon=106.80)
    RouteStopFactory(route=route, site=a, sort_order=0)
    RouteStopFactory(route=route, site=b, sort_order=1)
    QuestionFactory(site=a, language="en", text="What animal is carved above the door?", answers="Dragon")
    return route


def _wait_until_sent(page) -> None:
    """Wait in the browser until the page has no beacon left to send, then read the database.

    Polling the database meanwhile would share the live server's one in-memory SQLite connection
    with its requests, and make them fail."""
    # page.wait_for_function would evaluate a string, which the site's CSP forbids; evaluate() does not.
    for _ in range(300):
        if (
            page.evaluate("JSON.parse(localStorage.getItem('geopark.passport.v1') || '{}').pending?.length")
            == 0
        ):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page still holds beacons after 30 s")


def test_a_visitor_collects_stamps_by_location_and_scan_answers_and_earns_the_badge(
    browser, live_server, route
):
    from geopark.passport.models import BadgeDay, StampDay

    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        locale="en-GB",
        permissions=["geolocation"],
        geolocation={
            "latitude": SITE_A[0] + 0.02,
            "longitude": SITE_A[1],
            "accuracy": 20,
        },  # about 2.2 km north
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/sites/cave-a/")
    card = page.locator('[data-stamp-site="LSG-A"]')
    assert "Dragon" not in page.content()

    # Outside the circle (150 m + the position's 50 m): refused, with how far.
    card.get_by_role("button", name="I am here: collect the stamp").click()
    assert card.get_by_text(
        "it is not sent to anyone", exact=False
    ).is_visible()  # the consent, before asking
    card.get_by_role("button", name="Check my location").click()
    expect(card.locator('[data-role="message"]')).to_contain_text("away")
    assert "2.2 km" in card.locator('[data-role="message"]').text_content()
    assert "No stamp yet." in card.locator('[data-role="status"]').text_content()

    # Within it: collected; the question appears; a wrong answer is refused, the right one in other letters marks it.
    context.set_geolocation(
        {"latitude": SITE_A[0] + 0.0012, "longitude": SITE_A[1], "accuracy": 20}
    )  # ~130 m
    card.get_by_role("button", name="I am here: collect the stamp").click()
    card.get_by_role("button", name="Check my location").click()
    question = card.locator('[data-role="question"]')
    question.wait_for(state="visible")
    assert "What animal is carved above the door?" in question.text_content()
    question.locator("input").fill("a cat")
    question.get_by_role("button", name="Check").click()
    expect(card.locator('[data-role="message"]')).to_contain_text("Not quite")
    question.locator("input").fill("  DRAGON ")
    question.get_by_role("button", name="Check").click()
    expect(card.locator('[data-role="status"]')).to_contain_text("Question answered")
    _wait_until_sent(page)
    assert StampDay.objects.filter(site__code="LSG-A", by_location=1, answered=1).exists()

    # The other site by its signboard: the short address leads to its page, which stamps it.
    page.goto(f"{live_server.url}/s/LSG-B")
    assert page.url.endswith("/en/sites/temple-b/")  # the mark is taken off the address
    message = page.locator('[data-stamp-site="LSG-B"] [data-role="message"]')
    assert "Stamp collected!" in message.text_content()
    assert "Route complete: you earned the badge of “Mountains route”!" in message.text_content()
    _wait_until_sent(page)
    assert StampDay.objects.filter(site__code="LSG-B", by_scan=1, answered=0).exists()
    assert BadgeDay.objects.filter(route=route, badges=1).exists()

    # The passport, after a reload: both stamps, the route's progress and its badge earned.
    page.goto(f"{live_server.url}/en/passport/")
    page.reload()
    assert page.locator('[data-route-progress="1"]').text_content() == "2 / 2"
    assert "is-earned" in page.locator('[data-badge="1"]').get_attribute("class")
    assert page.locator(".stamp-card.is-collected").count() == 2
    assert page.locator(".stamp-card.is-answered").count() == 1
    assert "2 of 2 stamps · 1 of 1 badges" in page.locator("[data-summary]").text_content()
    # GeoKids mode: simpler words and bigger buttons, kept on the phone.
    page.get_by_role("button", name="GeoKids mode").click()
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('passport-kids')")
    assert (
        page.locator('[data-stamp-site="LSG-A"] [data-role="status"]')
        .text_content()
        .startswith("You have this stamp!")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # No new count from reloading, and nothing was left waiting to be sent.
    assert StampDay.objects.get(site__code="LSG-B").by_scan == 1
    assert BadgeDay.objects.get().badges == 1
    assert page.evaluate("JSON.parse(localStorage.getItem('geopark.passport.v1')).pending.length") == 0
    context.close()


def test_a_beacon_the_server_could_not_count_is_sent_again_while_the_page_stays_open(
    browser, live_server, route
):
    """A 503 (the database busy, a node restarting) must not lose the count: the page tries again
    on its own, one beacon at a time, and the stamp is counted once."""
    from geopark.passport.models import StampDay

    # The service worker would take the beacon out of the page's hands (and out of page.route).
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-GB", service_workers="block"
    )
    page = context.new_page()
    answers: list[int] = []

    def first_refused(route_, request):
        if not answers:
            answers.append(503)
            route_.fulfill(status=503, body="busy")
        else:
            answers.append(200)
            route_.continue_()

    page.route(re.compile(r"/api/v1/passport/stamps(\?|$)"), first_refused)
    page.goto(f"{live_server.url}/s/LSG-B")
    assert (
        "Stamp collected!" in page.locator('[data-stamp-site="LSG-B"] [data-role="message"]').text_content()
    )
    _wait_until_sent(page)
    assert answers == [503, 200]
    assert StampDay.objects.get(site__code="LSG-B").by_scan == 1
    context.close()
