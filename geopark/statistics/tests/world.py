"""The statistics' part of the query-count world (tests/test_query_counts.py): the tourism world
already reports 14 months; growing adds a commune of its own, so the open-data page has more
communes' rows to show, and the 2026 plan's targets (the plans' world) stay what they are."""

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.tests.world import report_tourism


def seed(world: dict) -> None:
    """Nothing of its own: the page reads what tourism's world has."""


def grow(world: dict) -> None:
    report_tourism(CommuneFactory(code="QC-2", short_name="Bắc Sơn", name="Xã Bắc Sơn"), establishments=8)
