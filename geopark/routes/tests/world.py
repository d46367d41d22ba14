"""The routes' part of the query-count world (tests/test_query_counts.py)."""

from .factories import RouteFactory, RouteStopFactory


def seed(world: dict) -> None:
    world["route"] = RouteFactory(number=1, geopark=world["geopark"], slug="thuong-ngan")
    RouteStopFactory(route=world["route"], site=world["site"], sort_order=0)


def grow(world: dict) -> None:
    for i, site in enumerate(world["grown_sites"]):
        if i % 2:
            RouteStopFactory(route=world["route"], site=site, sort_order=1 + i)
