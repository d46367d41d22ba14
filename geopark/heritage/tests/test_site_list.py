"""The site list page at size: its facet counts and its pages."""

from __future__ import annotations

import pytest

from geopark.heritage import selectors
from geopark.heritage.models import Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_communes(geopark):
    a = CommuneFactory(short_name="An", name="Xã An")
    b = CommuneFactory(short_name="Bình", name="Xã Bình")
    CommuneFactory(short_name="Cao", name="Xã Cao")  # no site: not offered as a filter
    for i in range(3):
        SiteFactory(geopark=geopark, commune=a, site_type="cultural", code=f"A-{i}")
    SiteFactory(geopark=geopark, commune=b, site_type="museum", code="B-0")
    SiteFactory(geopark=geopark, commune=b, site_type="museum", code="B-1", live=False)
    SiteFactory(geopark=geopark, site_type="museum", code="N-0", unknown_position=True)  # no commune
    return a, b


def test_commune_filter_lists_communes_with_public_sites_and_their_counts(two_communes):
    assert [(c.short_name, c.n_sites) for c in selectors.communes_with_sites()] == [("An", 3), ("Bình", 1)]


def test_type_filter_counts_public_sites_per_type(two_communes):
    counts = {value: n for value, _label, n in selectors.type_choices_with_counts()}
    assert counts["cultural"] == 3
    assert counts["museum"] == 2
    assert counts["geological"] == 0


def test_every_page_of_the_list_holds_the_next_sites_in_code_order(client, geopark):
    Site.objects.bulk_create(
        [
            Site(
                geopark=geopark,
                code=f"P-{i:03d}",
                slug=f"p-{i}",
                name_vi=f"Điểm {i}",
                site_type="geological",
                precision="unknown",
                live=True,
            )
            for i in range(50)
        ]
    )
    seen = []
    for number in (1, 2, 3):
        response = client.get(f"/vi/sites/?page={number}")
        assert response.status_code == 200
        seen += [site.code for site in response.context["sites"]]
    assert seen == [f"P-{i:03d}" for i in range(50)]
    assert [s.code for s in client.get("/vi/sites/?page=99").context["sites"]] == seen[48:], (
        "past the end: last page"
    )
