"""The pieces of counting: the country of an address (iptocc's shipped data), the referring host,
the device class and robots; the batch written as daily rows, exact when several processes write at
once, kept when the database is away; and the retention command."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from geopark.analytics import buffer, classify, services
from geopark.analytics.models import DailyViews

from .factories import DailyViewsFactory


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("8.8.8.8", "US"),  # Google's public DNS, ARIN
        ("14.160.0.1", "VN"),  # VNPT's 14.160.0.0/11, APNIC
        ("1.0.16.1", "JP"),  # APNIC's documented example
        ("2001:ee0::1", "VN"),  # VNPT's IPv6 block
        ("127.0.0.1", ""),
        ("192.168.1.20", ""),
        ("", ""),
        ("not an address", ""),
    ],
)
def test_the_country_comes_from_the_address_block_and_is_empty_when_it_has_none(address, country):
    assert classify.country(address) == country


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("https://www.google.com.vn/search?q=geopark", "google.com.vn"),
        ("https://geopark.langson.gov.vn/vi/sites/", "internal"),
        ("android-app://com.facebook.katana/", "com.facebook.katana"),
        ("", ""),
        ("not a url", ""),
        ("http://[::1", ""),
    ],
)
def test_a_referrer_is_reduced_to_its_host_and_the_site_itself_is_internal(header, host):
    assert classify.referrer(header, frozenset({"geopark.langson.gov.vn"})) == host


@pytest.mark.parametrize(
    ("user_agent", "device"),
    [
        (
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
            "mobile",
        ),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1", "tablet"),
        ("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "tablet"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
            "desktop",
        ),
    ],
)
def test_the_device_class_comes_from_the_user_agent(user_agent, device):
    assert not classify.is_bot(user_agent)
    assert classify.device(user_agent) == device


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_robots_and_scripts_are_recognised(user_agent):
    assert classify.is_bot(user_agent)


def key(path="/vi/", day="2026-03-10", country="VN"):
    return buffer.Key(day, path, "vi", country, "", "mobile")


@pytest.mark.django_db
def test_a_flush_adds_to_the_day_row_rather_than_replacing_it():
    DailyViewsFactory(views=5)
    services.flush(Counter({key(): 3, key(path="/en/"): 2}))
    assert DailyViews.objects.get(path="/vi/").views == 8
    assert DailyViews.objects.get(path="/en/").views == 2


def test_a_batch_the_database_refuses_is_kept_for_the_next_one():
    # No database access is allowed in this test: the write fails as it would with the database away.
    own = buffer.Buffer()
    own.add(key())
    own.add(key())
    assert own.flush() == 0
    assert own.pending() == 2


@pytest.mark.django_db
def test_workers_flushing_in_turn_add_to_each_others_rows_and_lose_no_view():
    """Two workers (each with its own buffer, as two gunicorn processes have) count the same pages
    and write in small batches, their writes interleaved: each write adds to the rows the other
    wrote (the upsert's increment; the database makes each one atomic). Run in the test's
    transaction: a test that commits (threads, each with its own connection) would leave the
    shared test database changed for the tests after it."""
    per_worker, keys = 400, [key(), key(path="/en/"), key(country="CN")]
    workers = [buffer.Buffer(flush_views=25, flush_seconds=10**9) for _ in range(2)]
    for index in range(per_worker):
        for own in workers:
            if own.add(keys[index % len(keys)]):
                own.flush()
    for own in workers:
        own.flush()
        assert own.pending() == 0
    expected = Counter(keys[index % len(keys)] for index in range(per_worker))
    written = {(row.path, row.country): row.views for row in DailyViews.objects.all()}
    assert written == {(k.path, k.country): 2 * views for k, views in expected.items()}


@pytest.mark.django_db
def test_the_prune_command_deletes_only_the_days_before_the_cut_off():
    DailyViewsFactory(day=dt.date(2024, 12, 31))
    DailyViewsFactory(day=dt.date(2025, 1, 1))
    call_command("analytics_prune", "--before", "2025-01-01")
    assert list(DailyViews.objects.values_list("day", flat=True)) == [dt.date(2025, 1, 1)]
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("analytics_prune", "--before", "31/12/2024")
