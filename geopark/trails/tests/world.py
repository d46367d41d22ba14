"""The trails' part of the query-count world (tests/test_query_counts.py): a trail with a track and
points of interest; grown, more trails and more points, and a longer track."""

from .factories import TrailFactory, TrailPointFactory, climbing_track, tracked


def seed(world: dict) -> None:
    world["trail"] = tracked(TrailFactory(slug="world-trail"))
    TrailPointFactory(trail=world["trail"], site=world["site"])
    TrailPointFactory(trail=world["trail"], name_vi="Điểm ngắm cảnh", lat=21.851, lon=106.75)


def grow(world: dict) -> None:
    tracked(world["trail"], climbing_track(400))
    for site in world["grown_sites"]:
        TrailPointFactory(trail=world["trail"], site=site)
    for i in range(15):
        tracked(TrailFactory(slug=f"grown-trail-{i}"))
