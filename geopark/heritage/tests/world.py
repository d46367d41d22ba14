"""The inventory's part of the query-count world (tests/test_query_counts.py)."""

from .factories import HazardNoticeFactory, SiteFactory


def seed(world: dict) -> None:
    world["site"] = SiteFactory(
        geopark=world["geopark"],
        slug="tam-thanh",
        name_vi="Chùa Tam Thanh",
        commune=world["commune"],
        site_type="cultural",
        featured=True,
    )
    HazardNoticeFactory(site=world["site"])
    SiteFactory(geopark=world["geopark"], commune=world["commune"], commune_only=True)


def grow(world: dict) -> None:
    """Past a page of sites (24), each bringing its commune and, for some, a hazard notice; the
    routes app puts every other one on a route."""
    world["grown_sites"] = []
    for i in range(60):
        site = SiteFactory(
            geopark=world["geopark"],
            commune=world["commune"],
            site_type="cultural" if i % 2 else "geological",
            commune_only=(i % 3 == 0),
            featured=(i % 10 == 0),
            lat=21.85 + i / 1000,
        )
        world["grown_sites"].append(site)
        if i % 4 == 0:
            HazardNoticeFactory(site=site)
