"""The province's totals are records plus a documented opening balance: records dated after the
balance's date are added, those on or before it (and undated ones) are already in it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.cooperation import selectors
from geopark.cooperation.models import Direction, RecordKind
from geopark.cooperation.tests import world
from geopark.cooperation.tests.factories import (
    DelegationFactory,
    NetworkActivityFactory,
    OpeningBalanceFactory,
)

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2024, 9, 20)


@pytest.fixture
def balances():
    OpeningBalanceFactory(count=51, as_of=AS_OF)
    OpeningBalanceFactory(count=29, country="CN", as_of=AS_OF)
    OpeningBalanceFactory(direction=Direction.SENT, count=69, as_of=AS_OF)
    OpeningBalanceFactory(
        record_kind=RecordKind.ACTIVITY, direction="", since_year=2021, count=50, more_than=True, as_of=AS_OF
    )


def test_records_after_the_balance_date_add_to_it_and_those_before_are_not_counted_twice(balances):
    DelegationFactory(countries="CN", start_date=AS_OF)  # the balance's own day: already in it
    DelegationFactory(countries="CN", start_date=dt.date(2023, 5, 1))  # before: already in it
    DelegationFactory(countries="CN", start_date=None)  # undated: cannot be placed after it
    DelegationFactory(countries="CN FR", start_date=dt.date(2024, 9, 21))
    DelegationFactory(countries="KR", start_date=dt.date(2025, 4, 2))
    DelegationFactory(direction=Direction.SENT, countries="CN", start_date=dt.date(2025, 6, 1))
    DelegationFactory(direction=Direction.SENT, countries="VN", start_date=dt.date(2025, 6, 1))  # domestic
    NetworkActivityFactory(start_date=dt.date(2024, 1, 1))
    NetworkActivityFactory(start_date=dt.date(2025, 9, 1))
    OpeningBalanceFactory(
        record_kind=RecordKind.ACTIVITY, direction="", network="apgn", count=12, as_of=AS_OF
    )

    summary = selectors.summary()

    assert (summary.received.balance, summary.received.records, summary.received.total) == (51, 2, 53)
    assert (summary.sent.total, summary.activities.total) == (70, 51)
    assert summary.activities.more_than
    assert summary.domestic[Direction.SENT] == 1
    assert summary.undated == 1
    countries = {row.code: row for row in summary.by_country}
    assert (countries["CN"].received.balance, countries["CN"].received.records) == (29, 1)
    assert countries[""].received.balance == 51 - 29  # what the source does not break down
    assert countries["KR"].received.total == 1
    assert countries["CN"].sent.total == 1
    assert [(y.year, y.received, y.sent, y.activities) for y in summary.by_year] == [
        (2024, 1, 0, 0),
        (2025, 1, 1, 1),
    ]
    kinds = {(k.group, k.key): k for k in summary.by_kind}
    assert kinds[("direction", "received")].total == 53
    assert (kinds[("network", "apgn")].records, kinds[("network", "apgn")].balance) == (1, 12)
    assert kinds[("network", "")].balance == 50


def test_without_a_balance_every_record_counts_and_a_year_counts_only_its_records(balances):
    DelegationFactory(countries="JP", start_date=dt.date(2025, 2, 1))
    DelegationFactory(countries="JP", start_date=dt.date(2026, 2, 1))
    summary = selectors.summary(year=2025)
    assert (summary.received.balance, summary.received.total) == (0, 1)
    assert summary.balances == []


def test_the_summary_api_separates_records_and_balance(client, balances):
    DelegationFactory(countries="CN", start_date=dt.date(2025, 3, 1))
    body = client.get("/api/v1/cooperation/summary").json()
    assert body["delegations_received"] == {
        "records": 1,
        "balance": 51,
        "total": 52,
        "more_than": False,
        "balance_as_of": "2024-09-20",
    }
    assert body["network_activities"]["more_than"] is True
    assert {b["count"] for b in body["balances"]} == {51, 29, 69, 50}
    china = next(c for c in body["by_country"] if c["country"] == "CN")
    assert (china["name"], china["received"]["total"]) == ("Trung Quốc", 30)
    year = client.get("/api/v1/cooperation/summary?year=2025&lang=en").json()
    assert year["by_year"] == [{"year": 2025, "received": 1, "sent": 0, "activities": 0}]


@pytest.mark.parametrize("query", ["year=abc", "year=20255", "lang=fr"])
def test_bad_input_to_the_summary_api_is_a_4xx_in_json(client, query):
    response = client.get(f"/api/v1/cooperation/summary?{query}")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_the_summary_api_asks_as_many_queries_for_100_records_as_for_10(client, uncached):
    world.build(10)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/api/v1/cooperation/summary").status_code == 200
    world.build(90)
    with CaptureQueriesContext(connection) as large:
        assert client.get("/api/v1/cooperation/summary").status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
