"""/api/v1/tourism/…: sums over establishments as open data, never one establishment's figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import EstablishmentKind
from geopark.tourism.services import rebuild_totals

from .factories import EstablishmentFactory, MonthlyFigureFactory

pytestmark = pytest.mark.django_db

MONTHLY = "/api/v1/tourism/monthly"
YTD = "/api/v1/tourism/year-to-date"
ESTABLISHMENTS = "/api/v1/tourism/establishments"


def test_monthly_totals_sum_every_establishment_that_reported(client, reporting):
    body = client.get(MONTHLY, {"from": "2025-01", "to": "2025-03"}).json()
    assert (body["start"], body["end"]) == ("2025-01", "2025-03")
    assert [m["month"] for m in body["months"]] == ["2025-01", "2025-02", "2025-03"]
    march = body["months"][2]
    # Six establishments, each 2 × 100 × 3 visitors, 20 international, 100 overnight, 2 million VND.
    assert march == {
        "month": "2025-03",
        "establishments": 6,
        "withheld": False,
        "visitors": 3600,
        "international_visitors": 120,
        "overnight_guests": 600,
        "revenue_vnd": 12_000_000,
    }


def test_months_nobody_reported_for_are_listed_as_such(client, reporting):
    months = client.get(MONTHLY, {"from": "2024-12", "to": "2025-01"}).json()["months"]
    assert months[0] == {
        "month": "2024-12",
        "establishments": 0,
        "withheld": True,
        "visitors": None,
        "international_visitors": None,
        "overnight_guests": None,
        "revenue_vnd": None,
    }
    assert months[1]["establishments"] == 6


def test_totals_filter_by_commune_and_kind(client, reporting):
    # Two more restaurants, so that the hotels' total and the commune's no longer differ by one
    # establishment (which would withhold one of the two: test_disclosure.py).
    for name in ("Quán Mai", "Quán Đào"):
        restaurant = EstablishmentFactory(
            name=name, kind=EstablishmentKind.RESTAURANT, commune=reporting["huu_lien"], rooms=None
        )
        MonthlyFigureFactory(
            establishment=restaurant,
            month=dt.date(2025, 1, 1),
            visitors=10,
            international_visitors=0,
            overnight_guests=0,
        )
    rebuild_totals()
    hotels = client.get(
        MONTHLY, {"from": "2025-01", "to": "2025-01", "commune": "06001", "kind": "accommodation"}
    )
    assert hotels.json()["months"][0]["establishments"] == 4
    assert hotels.json()["months"][0]["visitors"] == 800
    assert (hotels.json()["commune"], hotels.json()["kind"]) == ("06001", "accommodation")


def test_a_total_of_fewer_than_three_establishments_is_withheld(client, reporting):
    """Bắc Sơn has one lodge: its commune's total would be that lodge's own revenue."""
    lone = client.get(MONTHLY, {"from": "2025-01", "to": "2025-01", "commune": "06002"}).json()["months"][0]
    assert lone["establishments"] == 1
    assert lone["withheld"] is True
    assert lone["visitors"] is None
    assert lone["revenue_vnd"] is None
    restaurant = client.get(MONTHLY, {"from": "2025-01", "to": "2025-01", "kind": "restaurant"}).json()
    assert restaurant["months"][0]["revenue_vnd"] is None


def test_the_default_period_is_the_last_twelve_complete_months(client, db):
    months = client.get(MONTHLY).json()["months"]
    today = timezone.localdate()
    last = dt.date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    assert len(months) == 12
    assert months[-1]["month"] == f"{last:%Y-%m}"


def test_year_to_date_compares_with_the_same_months_a_year_before(client, reporting):
    body = client.get(YTD, {"month": "2025-02"}).json()
    assert body["month"] == "2025-02"
    assert body["current"]["establishments"] == 6
    assert body["current"]["visitors"] == 6 * (200 + 400)
    assert body["previous"]["visitors"] == 6 * (100 + 200)
    assert body["previous"]["revenue_vnd"] == 6 * 2 * 1_000_000
    lone = client.get(YTD, {"month": "2025-02", "commune": "06002"}).json()
    assert lone["current"]["withheld"]
    assert lone["current"]["revenue_vnd"] is None


@pytest.mark.parametrize(
    ("url", "params", "status", "says"),
    [
        (MONTHLY, {"from": "2025-03", "to": "2025-01"}, 400, "nằm sau to: 2025-01"),
        (MONTHLY, {"from": "2010-01", "to": "2025-01"}, 400, "120"),
        (MONTHLY, {"from": "2025-13"}, 422, "from"),
        (MONTHLY, {"to": "2025-1"}, 422, "to"),
        (MONTHLY, {"from": "March 2025"}, 422, "from"),
        (MONTHLY, {"commune": "99999"}, 400, "99999"),
        (MONTHLY, {"kind": "casino"}, 422, "kind"),
        (MONTHLY, {"commune": "x" * 11}, 422, "commune"),
        (YTD, {"month": "2025-00"}, 422, "month"),
        (YTD, {"commune": "nowhere"}, 400, "nowhere"),
        (ESTABLISHMENTS, {"page": "0"}, 422, "page"),
        (ESTABLISHMENTS, {"page": "2"}, 400, "vượt quá trang cuối"),
        (ESTABLISHMENTS, {"lang": "fr"}, 422, "lang"),
        (ESTABLISHMENTS, {"kind": "hotel"}, 422, "kind"),
    ],
)
def test_bad_parameters_are_answered_with_what_is_wrong(client, db, url, params, status, says):
    response = client.get(url, params)
    assert response.status_code == status
    assert says in response.json()["detail"]


def test_establishments_show_public_fields_only(client, reporting):
    body = client.get(ESTABLISHMENTS, {"lang": "en", "kind": "restaurant"}).json()
    assert body["count"] == 1
    assert body["items"] == [
        {
            "id": reporting["restaurant"].pk,
            "name": "Quán Hữu Liên",
            "kind": "restaurant",
            "kind_label": "Restaurant",
            "commune": {"code": "06001", "name": "Xã Hữu Liên"},
            "address": "Đường Kỳ Lừa, Lạng Sơn",
            "rooms": None,
        }
    ]


@pytest.mark.parametrize(("lang", "label"), [("vi", "Nhà hàng"), ("en", "Restaurant"), ("zh", "餐馆")])
def test_an_establishments_kind_is_labelled_in_the_language_asked_for(client, reporting, lang, label):
    items = client.get(ESTABLISHMENTS, {"lang": lang, "kind": "restaurant"}).json()["items"]
    assert [item["kind_label"] for item in items] == [label]


def test_closed_establishments_are_not_listed(client, reporting):
    lonely = reporting["lonely"]
    lonely.active = False
    lonely.save()
    names = [e["name"] for e in client.get(ESTABLISHMENTS).json()["items"]]
    assert len(names) == 5
    assert "Bắc Sơn Lodge" not in names
    # Its past figures still count in the totals.
    assert (
        client.get(MONTHLY, {"from": "2025-01", "to": "2025-01"}).json()["months"][0]["establishments"] == 6
    )


def test_establishments_come_fifty_a_page(client, db):
    commune = CommuneFactory()
    EstablishmentFactory.create_batch(51, commune=commune)
    first = client.get(ESTABLISHMENTS).json()
    second = client.get(ESTABLISHMENTS, {"page": 2}).json()
    assert (first["count"], first["pages"], len(first["items"])) == (51, 2, 50)
    assert len(second["items"]) == 1
    assert second["items"][0]["id"] not in {e["id"] for e in first["items"]}


def _queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def _add_data(communes: int, per_commune: int, months: int) -> None:
    for _ in range(communes):
        commune = CommuneFactory()
        for e in EstablishmentFactory.create_batch(
            per_commune, commune=commune, kind=EstablishmentKind.HOMESTAY
        ):
            for m in range(1, months + 1):
                MonthlyFigureFactory(establishment=e, month=dt.date(2025, m, 1))
    rebuild_totals()


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (MONTHLY, {"from": "2025-01", "to": "2025-12"}),
        (MONTHLY, {"from": "2025-01", "to": "2025-12", "commune": "06001", "kind": "accommodation"}),
        (YTD, {"month": "2025-06", "commune": "06001"}),
        (ESTABLISHMENTS, {}),
        (ESTABLISHMENTS, {"commune": "06001"}),
    ],
)
def test_queries_do_not_grow_with_the_data(client, reporting, url, params):
    before = _queries(client, url, params)
    _add_data(communes=3, per_commune=4, months=6)
    EstablishmentFactory.create_batch(5, commune=reporting["huu_lien"])
    assert _queries(client, url, params) == before


def test_the_schema_declares_every_answer(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/tourism/monthly", "/api/v1/tourism/year-to-date", "/api/v1/tourism/establishments"):
        assert set(paths[path]["get"]["responses"]) >= {"200", "400", "422"}
    params = {p["name"] for p in paths["/api/v1/tourism/monthly"]["get"]["parameters"]}
    assert {"from", "to", "commune", "kind"} <= params
