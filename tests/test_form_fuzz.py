"""Every public form and filter fed random and hostile input.

Very long strings, control characters, mixed scripts, HTML and SQL fragments, numbers where text is
expected and text where numbers are, lists where one value is expected, empty values. Whatever comes
in, the answer is never a server error; a refused form says why in words a person can read and saves
nothing; HTML sent in never comes back as markup."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# Markup that must never come back unescaped: each holds a "<", which escaping turns into "&lt;".
MARKUP = [
    "<script>fuzz()</script>",
    '"><img src=x onerror=fuzz()>',
    "<svg onload=fuzz()>",
    "</textarea><script>fuzz()</script>",
    "<a href='javascript:fuzz()'>x</a>",
]
LIVE_MARKUP = ["<script>fuzz()", "<img src=x onerror", "<svg onload", "<a href='javascript:fuzz()'"]
SQL = [
    "' OR '1'='1",
    "1; DROP TABLE heritage_site; --",
    '" OR 1=1 --',
    "%' UNION SELECT NULL, NULL--",
    "\\",
    "%",
    "_%_",
]
SCRIPTS = [
    "Đồng Đăng – Lạng Sơn, ngày 10/3",
    "谅山世界地质公园",
    "مرحبا بالعالم",
    "\u202eevil\u202c txt",
    "🏔️🦴🇻🇳",
    "e\u0301\u0323",
    "\u200b\ufeff",
    "Hang Gió 风洞 كهف",
]
NUMBERS = [
    "-1",
    "0",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "99999999999999999999999999",
    "0x10",
    "1.5",
    " 2 ",
    "２",
    "1,5",
]

characters = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot travel in UTF-8
controls = st.text(
    st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u2028\u2029"), min_size=1, max_size=20
)
very_long = st.text(characters, min_size=1, max_size=6).map(lambda s: (s * 100_000)[:100_000])
hostile = st.one_of(
    st.sampled_from(MARKUP + SQL + SCRIPTS + NUMBERS + [""]),
    controls,
    st.text(characters, max_size=200),
    very_long,
    st.tuples(st.sampled_from(SCRIPTS + MARKUP), st.sampled_from(SQL + NUMBERS), controls).map("".join),
)
# A list stands for a parameter sent several times (`?type=a&type=b`): a wrong type for a single value.
value = st.one_of(hostile, st.lists(hostile, min_size=2, max_size=3))


def or_valid(*valid: str) -> st.SearchStrategy:
    """A valid value half of the time, so that one bad parameter is not always hidden behind another."""
    return st.one_of(st.sampled_from(valid), value)


LANG = or_valid("vi", "en", "zh")


def assert_no_live_markup(body: str) -> None:
    for fragment in LIVE_MARKUP:
        assert fragment not in body, f"unescaped {fragment!r} in the page"


def answer(response) -> str:
    assert response.status_code < 500, response.content[:500]
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def public_data(geopark):
    """A site on a route with a hazard, a commune, two events and a museum item."""
    from geopark.events.tests.factories import EventFactory
    from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
    from geopark.museum.tests.factories import CollectionItemFactory
    from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
    from geopark.territory.tests.factories import CommuneFactory

    commune = CommuneFactory(code="06970")
    site = SiteFactory(
        geopark=geopark, slug="hang-gio", code="LSG-X-01", commune=commune, name_en="Wind Cave"
    )
    route = RouteFactory(number=1, geopark=geopark)
    RouteStopFactory(route=route, site=site, sort_order=0)
    HazardNoticeFactory(site=site)
    EventFactory(start_date=timezone.localdate() + dt.timedelta(days=20))
    EventFactory(start_date=dt.date(2020, 5, 1), slug="old-fair")
    CollectionItemFactory(catalogue_number="LS-001", find_site=site)
    return site


@pytest.fixture
def browser():
    # A fresh rate-limit window per example comes from fresh_limits(), not from this client.
    return Client(raise_request_exception=False)


# --- Filters and search ------------------------------------------------------------------------


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["type", "route", "commune", "page"]), value, max_size=4))
def test_the_site_list_filters_take_any_input_without_failing(browser, public_data, params):
    cache.clear()
    body = answer(browser.get("/vi/sites/", params))
    assert_no_live_markup(body)


@FUZZ
@given(
    path=st.sampled_from(["/vi/search/", "/en/search/"]),
    params=st.dictionaries(st.sampled_from(["q", "kind"]), value, max_size=2),
)
def test_the_search_page_takes_any_query_without_failing(browser, public_data, path, params):
    cache.clear()
    response = browser.get(path, params)
    body = answer(response)
    assert response.status_code == 200
    assert_no_live_markup(body)


@FUZZ
@given(
    params=st.fixed_dictionaries(
        {}, optional={"q": value, "lang": LANG, "type": or_valid("", "site", "event")}
    )
)
def test_the_search_api_answers_json_for_any_query(browser, public_data, params):
    cache.clear()
    response = browser.get("/api/v1/search", params)
    answer(response)
    assert response["Content-Type"].startswith("application/json")
    if response.status_code >= 400:
        assert response.json()["detail"].strip()


@FUZZ
@given(month=value, page=value)
def test_the_events_calendar_says_what_is_wrong_with_a_bad_month(browser, public_data, month, page):
    cache.clear()
    response = browser.get("/en/events/month/", {"month": month})
    body = answer(response)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        with translation.override("en"):
            problems = [
                gettext("Write the month as year-month, for example 2026-03."),
                gettext("A month is a number from 01 to 12."),
                gettext("The calendar covers the years 1900 to 2200."),
            ]
        assert any(p in body for p in problems)
    assert_no_live_markup(body)
    assert_no_live_markup(answer(browser.get("/en/events/past/", {"page": page})))


@FUZZ
@given(
    params=st.fixed_dictionaries(
        {},
        optional={
            "taxon": or_valid("Pongo"),
            "period": or_valid("pleistocene", "holocene"),
            "site": or_valid("LSG-X-01"),
            "page": or_valid("1", "2"),
        },
    )
)
def test_the_collection_filters_take_any_input_without_failing(browser, public_data, params):
    cache.clear()
    assert_no_live_markup(answer(browser.get("/vi/collection/", params)))
    response = browser.get("/api/v1/collection", params)
    answer(response)
    if response.status_code >= 400:
        assert response.json()["detail"].strip()


@FUZZ
@given(
    number=st.one_of(st.integers(min_value=0, max_value=10**40), st.sampled_from([0, 1, 2**31, 2**63])),
    slug=st.one_of(st.just(""), st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True)),
)
def test_route_addresses_with_any_number_answer_a_page_or_a_404(browser, public_data, number, slug):
    cache.clear()
    suffix = f"-{slug}" if slug else ""
    assert browser.get(f"/vi/routes/{number}{suffix}/").status_code in (200, 301, 404)
    response = browser.get(f"/api/v1/routes/{number}.geojson")
    assert response.status_code in (200, 404)
    assert response.json()


@FUZZ
@given(
    params=st.fixed_dictionaries(
        {},
        optional={
            "lang": LANG,
            "type": or_valid("geological", "cultural"),
            "route": or_valid("1", "2"),
            "commune": or_valid("06970"),
            "bbox": or_valid("106,21,107,22", "107,22,106,21"),
        },
    )
)
def test_the_sites_api_answers_json_for_any_filter(browser, public_data, params):
    cache.clear()
    for path in ("/api/v1/sites", "/api/v1/sites.geojson"):
        response = browser.get(path, params)
        answer(response)
        assert response["Content-Type"].startswith("application/json")
        if response.status_code >= 400:
            assert response.json()["detail"].strip()


# --- The contact form --------------------------------------------------------------------------


def fresh_limits() -> None:
    """Every example starts with no use of the hourly limits (kept in the database: operations/ratelimit.py)."""
    from geopark.operations.models import RateCounter

    cache.clear()
    RateCounter.objects.all().delete()


CONTACT_FIELDS = ["name", "email", "subject", "message", "website"]


def contact_form(**changes) -> dict:
    from geopark.content.forms import issue_token

    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.org",
        "subject": "Giờ mở cửa",
        "message": "Động Tam Thanh mở cửa lúc mấy giờ?",
        "website": "",
        "token": issue_token(time.time() - 10),
    }  # shown ten seconds ago, as a person would
    data.update(changes)
    return data


@pytest.fixture
def contact(home_pages):
    from geopark.content.tests import factories

    return factories.contact_page("vi")


@FUZZ
@given(changes=st.dictionaries(st.sampled_from([*CONTACT_FIELDS, "token"]), value, min_size=1, max_size=4))
def test_the_contact_form_refuses_bad_input_in_words_and_saves_nothing(browser, contact, changes):
    from geopark.content.models import ContactMessage

    fresh_limits()
    before = ContactMessage.objects.count()
    response = browser.post("/vi/contact/", contact_form(**changes))
    body = answer(response)
    assert_no_live_markup(body)
    if response.status_code == 302:
        assert ContactMessage.objects.count() == before + 1
        return
    assert response.status_code in (400, 413)
    assert ContactMessage.objects.count() == before
    if response.status_code == 400:
        with translation.override("vi"):
            assert gettext("The message was not sent") in body
        assert 'role="alert"' in body


# --- Visitor reports: the form on the site page and the API ------------------------------------

REPORT_FIELDS = ["kind", "description", "lat", "lon", "contact", "website"]
report_value = st.one_of(value, st.sampled_from(["damage", "litter", "21.85", "106.75", "an@example.org"]))


def report_form(**changes) -> dict:
    data = {
        "kind": "damage",
        "description": "Graffiti sprayed on the wall near the entrance.",
        "lat": "",
        "lon": "",
        "contact": "",
        "website": "",
    }
    data.update(changes)
    return data


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(REPORT_FIELDS), report_value, min_size=1, max_size=4))
def test_the_report_form_refuses_bad_input_in_words_and_saves_nothing(browser, public_data, changes):
    from geopark.conservation.models import VisitorReport

    fresh_limits()
    before = VisitorReport.objects.count()
    response = browser.post("/en/sites/hang-gio/report/", report_form(**changes))
    body = answer(response)
    assert_no_live_markup(body)
    if response.status_code == 302:
        assert VisitorReport.objects.count() == before + 1
        return
    assert response.status_code in (400, 413)
    assert VisitorReport.objects.count() == before
    if response.status_code == 400:
        with translation.override("en"):
            assert (
                gettext("The report was not sent. Please correct what is marked below.") in body
                or gettext("The report was not sent") in body
            )


@FUZZ
@given(
    changes=st.dictionaries(st.sampled_from(REPORT_FIELDS), report_value, min_size=1, max_size=4),
    lang=st.one_of(st.sampled_from(["vi", "en", "zh"]), hostile),
)
def test_the_report_api_refuses_bad_input_with_reasons_and_saves_nothing(browser, public_data, changes, lang):
    from geopark.conservation.models import VisitorReport

    fresh_limits()
    before = VisitorReport.objects.count()
    response = browser.post(f"/api/v1/sites/hang-gio/reports?{_query(lang=lang)}", report_form(**changes))
    answer(response)
    assert response["Content-Type"].startswith("application/json")
    if response.status_code == 201:
        assert VisitorReport.objects.count() == before + 1
        assert response.json()["reference"]
        return
    assert response.status_code in (400, 413, 422)
    assert VisitorReport.objects.count() == before
    assert response.json()["detail"].strip()


def _query(**params: str) -> str:
    from urllib.parse import urlencode

    return urlencode(params)
