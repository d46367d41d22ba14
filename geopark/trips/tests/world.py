"""The planner's part of the query-count world (GeoparkApp.query_count_world): one stored plan,
"worldplan01", on the heritage world's site; growing gives the grown sites opening hours (the form
lists every site in its "add a site" choice, in one query whatever their number)."""

from __future__ import annotations

from geopark.trips.tests.factories import OpeningHoursFactory, stored_plan


def seed(world: dict) -> None:
    stored_plan("worldplan01", slug=world["site"].slug)
    OpeningHoursFactory(site=world["site"])  # the admin's opening-hours list has rows in the small world too


def grow(world: dict) -> None:
    for site in world["grown_sites"]:
        OpeningHoursFactory(site=site)
