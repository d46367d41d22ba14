"""The estimate's road factor: calibrated on the routes whose official length is known and whose
every official point is placed; a route with points missing says nothing of the roads' winding
(its stops' path is shorter than the route), which is the case of the shipped data today."""

from __future__ import annotations

import pytest

from geopark.trips.travel import ROAD_FACTOR, EstimateProvider, calibrate

# Four points 10 km apart along a meridian (0.0899° of latitude ≈ 10 km).
LINE = [(21.5 + i * 0.089932, 106.5) for i in range(4)]


def test_the_factor_is_the_official_length_over_the_stops_great_circle_path():
    factor, found = calibrate([(1, 45.0, 4, LINE)])
    assert found[0].path_km == pytest.approx(30.0, rel=1e-3)
    assert factor == pytest.approx(1.5, rel=1e-3)


def test_a_route_with_points_missing_or_an_implausible_ratio_is_left_out():
    factor, found = calibrate([(1, 120.0, 8, LINE[:3]), (2, 200.0, 4, LINE), (3, None, 4, LINE)])
    assert factor == ROAD_FACTOR
    assert [(c.number, c.usable) for c in found] == [(1, False), (2, False)]


def test_a_route_with_a_plausible_ratio_but_points_missing_is_left_out():
    # As route 1 of the shipped data: ~120 km and 8 official points, only some of them placed.
    factor, found = calibrate([(1, 45.0, 8, LINE)])
    assert 1.2 <= found[0].ratio <= 1.8
    assert not found[0].usable
    assert factor == ROAD_FACTOR


def test_the_estimate_uses_the_trunk_road_speed_on_long_legs():
    estimate = EstimateProvider(road_factor=1.5)
    short_minutes, short_km = estimate.leg(LINE[0], LINE[1], "car")  # 10 km × 1.5 at 40 km/h
    long_minutes, long_km = estimate.leg(LINE[0], (22.4, 106.5), "car")  # 100 km × 1.5 at 60 km/h
    assert (round(short_km), round(short_minutes)) == (15, 22)
    assert round(long_minutes) == round(long_km / 60 * 60)
