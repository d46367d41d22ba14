"""The collection's part of the query-count world (tests/test_query_counts.py)."""

from .factories import CollectionItemFactory


def seed(world: dict) -> None:
    CollectionItemFactory(period="devonian", taxon="Tentaculites")  # filtered lists are not empty


def grow(world: dict) -> None:
    for _ in range(60):  # past a page (50)
        CollectionItemFactory(period="devonian", taxon="Tentaculites")
