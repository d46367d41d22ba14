"""A NUL byte in an address, a filter or a form never reaches the database (PostgreSQL refuses it)."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/vi/sites/?commune=%00",
        "/vi/sites/?type=%00&route=%00",
        "/en/search/?q=tam%00thanh",
        "/api/v1/sites?commune=ab%00cd",
        "/api/v1/search?q=%00abc",
        "/vi/sites/?commune%00=1",
    ],
)
def test_nul_in_query_values_is_dropped_and_the_page_answers(client, geopark, url):
    SiteFactory(geopark=geopark)
    assert client.get(url).status_code == 200


def test_nul_in_a_path_is_a_400(client, db):
    assert client.get("/s/LSG%00R1").status_code == 400


def test_nul_in_an_api_path_is_a_json_400(client, db):
    response = client.get("/api/v1/sites/a%00b")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_nul_in_a_posted_form_is_dropped_before_the_view_reads_it(client, geopark):
    site = SiteFactory(geopark=geopark, slug="hang-a")
    response = client.post(
        f"/api/v1/sites/{site.slug}/reports",
        {"kind": "litter", "description": "Rác\x00 ở cửa hang, khoảng ba bao tải."},
    )
    assert response.status_code == 201, response.content
    from geopark.conservation.models import VisitorReport

    assert "\x00" not in VisitorReport.objects.get().description
