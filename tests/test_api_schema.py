"""Schemathesis over the whole open API: every operation and parameter, generated valid and invalid input.

Each answer must be no server error, carry a documented status code and content type, and match the
schema documented for that status. The app runs in-process (WSGI) against a database holding a small
but realistic geopark, so the list endpoints return data, not only empty lists."""

from __future__ import annotations

import datetime as dt

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

# `positive_data_acceptance` is left out on purpose: a well-formed request can still be refused for what
# it means (an unknown find site, a page past the last, an empty search), and that 400 is documented.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]

# A synthetic square, not any real boundary.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.5, 21.6], [106.9, 21.6], [106.9, 22.0], [106.5, 22.0], [106.5, 21.6]]],
}


@pytest.fixture
def geopark_data(geopark, scientist):
    """Sites of every kind of position, two routes with stops, hazards, an assessment, a museum
    collection with a find site and an excavation, events and the boundary."""
    from geopark.conservation import assessment as brilha
    from geopark.conservation import services
    from geopark.events.tests.factories import EventFactory
    from geopark.heritage.models import Severity, SiteType
    from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
    from geopark.museum.models import Period
    from geopark.museum.tests.factories import CollectionItemFactory, ExcavationFactory
    from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
    from geopark.territory.tests.factories import CommuneFactory, FormerCommuneFactory

    commune = CommuneFactory(code="06970")
    former = FormerCommuneFactory(current=commune)
    cave = SiteFactory(
        geopark=geopark,
        slug="hang-gio",
        code="LSG-X-01",
        commune=commune,
        former_commune=former,
        name_en="Wind Cave",
        sources="Sở Văn hoá 2024\nhttps://example.org/source",
    )
    peak = SiteFactory(
        geopark=geopark,
        slug="nui-mau-son",
        site_type=SiteType.GEOMORPHOLOGICAL,
        lat=21.86,
        lon=106.95,
        uncertainty_m=None,
        precision="surveyed",
        duration_minutes=90,
    )
    village = SiteFactory(geopark=geopark, slug="lang-co", commune=commune, commune_only=True)
    SiteFactory(geopark=geopark, slug="chua-ro", unknown_position=True)
    SiteFactory(geopark=geopark, slug="draft-site", live=False)
    one = RouteFactory(number=1, geopark=geopark, official_points=10)
    two = RouteFactory(number=2, geopark=geopark)
    for order, site in enumerate([cave, village, peak]):
        RouteStopFactory(route=one, site=site, sort_order=order)
    RouteStopFactory(route=two, site=peak, sort_order=0)
    HazardNoticeFactory(site=cave)
    HazardNoticeFactory(
        site=peak, severity=Severity.DANGER, valid_until=timezone.localdate() + dt.timedelta(days=30)
    )
    services.assessment_record(
        site=cave,
        by=scientist,
        scores=dict.fromkeys(brilha.CRITERIA_BY_KEY, 3),
        assessed_on=dt.date(2026, 1, 2),
    )
    dig = ExcavationFactory(code="TK-2019")
    CollectionItemFactory(
        catalogue_number="LS-001",
        find_site=cave,
        excavation=dig,
        found_on=dt.date(2019, 5, 1),
        publications="Bacon et al. 2015",
    )
    CollectionItemFactory(catalogue_number="ND-001", taxon="Anthracotheriidae", period=Period.PALEOGENE)
    CollectionItemFactory(catalogue_number="HIDDEN-1", public=False)
    EventFactory()
    EventFactory(month_only=True)
    geopark.boundary = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": SQUARE, "properties": {}}],
    }
    geopark.save()
    return geopark


@pytest.fixture
def wsgi_app(db):
    """The project's WSGI application, inside the test's transaction.

    Django closes the database connection at the end of every request; inside a test that would
    end the transaction holding the data, so (like Django's test client) the closing is switched off."""
    from config.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def load_schema() -> schemathesis.schemas.BaseSchema:
    # Loaded at collection, not from a fixture: schemathesis' fixture-based (lazy) loader touches a
    # pytest internal that pytest 9 removed. Serving the schema needs no database.
    from config.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


schema = load_schema()

# Random slugs and numbers almost never name a record; half the cases use one the data holds, so that
# the detail endpoints and the report form are exercised beyond their 404.
KNOWN_PATH_VALUES = {
    "/sites/{slug}": {"slug": ["hang-gio", "nui-mau-son", "lang-co", "chua-ro", "draft-site"]},
    "/sites/{slug}/reports": {"slug": ["hang-gio", "lang-co"]},
    "/collection/{slug}": {"slug": ["ls-001", "nd-001", "hidden-1"]},
    "/routes/{number}.geojson": {"number": [1, 2]},
}


@schema.hook
def flatmap_path_parameters(context: schemathesis.HookContext, path_parameters: dict) -> st.SearchStrategy:
    path = context.operation.path.removeprefix("/api/v1")
    known = KNOWN_PATH_VALUES.get(path)
    if not known:
        return st.just(path_parameters)
    name, values = next(iter(known.items()))
    return st.one_of(
        st.just(path_parameters), st.sampled_from(values).map(lambda v: {**path_parameters, name: v})
    )


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_without_server_errors_and_as_documented(case, wsgi_app, geopark_data):
    # Schemathesis sends requests' default `Accept-Encoding: gzip`, but its WSGI transport does not
    # inflate the answer as an HTTP client would; asking for plain bodies keeps them readable.
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
