"""The Lang Son dataset that ships with the platform loads cleanly and says what it knows."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from geopark.heritage import selectors
from geopark.heritage.models import Precision, RouteStatus, Site
from geopark.routes.models import Route
from geopark.territory.selectors import current_geopark

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    out, err = StringIO(), StringIO()
    call_command(
        "load_geopark", data=settings.BASE_DIR / "data" / "langson", no_progress=True, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


def test_the_shipped_dataset_loads_without_errors_or_warnings(loaded):
    out, err = loaded
    assert err == ""
    assert "warning" not in out
    assert "site: 40 created" in out


def test_the_inventory_is_as_complete_as_the_research_and_says_so(loaded):
    geopark = current_geopark()
    c = selectors.inventory_completeness(geopark)
    assert (c.documented_route_points, c.official_route_points) == (13, 38)
    assert (c.pinned_sites, c.total_sites) == (7, 40)
    assert c.pinned_sites + c.commune_only_sites + c.unknown_position_sites == 40
    assert Site.objects.filter(route_status=RouteStatus.NEARBY).count() == 3
    # Nothing is placed at an invented point: only published coordinates carry lat/lon.
    assert Site.objects.filter(lat__isnull=False).count() == 7
    assert not Site.objects.filter(precision=Precision.SURVEYED).exists()


def test_every_site_has_vietnamese_english_and_chinese_names_and_keeps_both_unit_names(loaded):
    for site in Site.objects.select_related("commune", "former_commune"):
        assert site.name_vi
        assert site.name_en
        assert site.name_zh
        if site.former_commune:
            assert site.commune is not None, site.code


def test_the_four_routes_are_there_with_their_confirmed_stops(loaded):
    routes = {r.number: r for r in Route.objects.prefetch_related("stops")}
    assert sorted(routes) == [1, 2, 3, 4]
    assert routes[1].stops.count() == 7
    assert routes[1].official_points == 8
    assert sum(r.stops.count() for r in routes.values()) == 13
    first = routes[1].stops.order_by("sort_order").select_related("site").first()
    assert first.site.code == "LSG-R1-01"
    assert first.order_confirmed
