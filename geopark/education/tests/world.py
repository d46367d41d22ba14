"""The education section's part of the query-count world (tests/test_query_counts.py)."""

from geopark.territory.tests.factories import CommuneFactory

from . import factories


def seed(world: dict) -> None:
    factories.LearningResourceFactory()
    factories.GeoparkCornerFactory(commune=world["commune"])
    factories.ProgrammeFactory()


def grow(world: dict) -> None:
    for i in range(12):
        factories.LearningResourceFactory()
        factories.GeoparkCornerFactory(commune=world["commune"] if i % 2 else CommuneFactory())
        factories.ProgrammeFactory()
