import math

import pytest

from geopark.core import geo


def test_one_degree_of_latitude_is_about_111_km():
    assert geo.haversine_m((21.0, 106.0), (22.0, 106.0)) == pytest.approx(111_195, rel=1e-3)


def test_distance_between_tam_thanh_and_na_duong_matches_a_hand_computation():
    # By hand (flat-earth approximation, fine at this scale): 0.16363° of latitude is 18.20 km;
    # 0.21987° of longitude times cos(21.77°) is 22.71 km; the hypotenuse is 29.10 km.
    d = geo.haversine_m((21.85557, 106.74680), (21.69194, 106.96667)) / 1000
    assert d == pytest.approx(29.10, abs=0.05)


def test_distance_to_self_is_zero_and_symmetric():
    a, b = (21.9, 106.7), (21.7, 106.3)
    assert geo.haversine_m(a, a) == 0
    assert geo.haversine_m(a, b) == pytest.approx(geo.haversine_m(b, a))


def test_path_length_adds_segments():
    pts = [(21.0, 106.0), (22.0, 106.0), (22.0, 106.0)]
    assert geo.path_length_m(pts) == pytest.approx(geo.haversine_m(pts[0], pts[1]))
    assert geo.path_length_m(pts[:1]) == 0


def test_road_estimate_and_driving_time():
    assert geo.estimated_road_km(10_000) == pytest.approx(13.0)
    assert geo.driving_minutes(40.0) == 60
    assert geo.driving_minutes(20.0, speed_kmh=60) == 20


def test_radius_for_area_gives_back_the_area():
    r = geo.radius_for_area_m(50.0)
    assert math.pi * r * r / 1_000_000 == pytest.approx(50.0)
    assert geo.radius_for_area_m(-3) == 0


def test_bbox_parse_accepts_a_valid_box_and_tests_containment():
    box = geo.BBox.parse("106.0, 21.3, 107.4, 22.5")
    assert box.contains(21.85, 106.75)
    assert not box.contains(10.8, 106.7)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1,2,3", "four numbers"),
        ("a,b,c,d", "must be numbers"),
        ("106,21,nan,22", "finite"),
        ("-200,21,107,22", "longitudes"),
        ("106,-95,107,22", "latitudes"),
        ("107,21,106,22", "must not exceed"),
        ("", "four numbers"),
    ],
)
def test_bbox_parse_explains_what_is_wrong(text, reason):
    with pytest.raises(ValueError, match=reason):
        geo.BBox.parse(text)


@pytest.mark.parametrize(
    ("lat", "lon"), [(91, 0), (-91, 0), (0, 181), (0, -181), (None, 1), (float("inf"), 0)]
)
def test_validate_lat_lon_refuses_impossible_points(lat, lon):
    with pytest.raises(ValueError, match="latitude|longitude|finite"):
        geo.validate_lat_lon(lat, lon)


def test_centroid_of_nothing_is_none():
    assert geo.centroid([]) is None
    assert geo.centroid([(1, 2), (3, 4)]) == (2, 3)
