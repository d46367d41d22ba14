"""A GPX upload is read, checked and measured: length, ascent and descent against a track computed
by hand, GPS noise below the threshold not counted as climbing, and every bad file refused."""

from __future__ import annotations

import pytest
from django.utils import translation

from geopark.core.geo import BBox
from geopark.trails import tracks
from geopark.trails.models import Difficulty, naismith_minutes, rule_difficulty
from geopark.trails.tracks import TrackError, climb, measure, read_gpx

from .gpx import BILLION_LAUGHS, SMALL, SMALL_LENGTH_M, gpx

LANG_SON = BBox(106.09538, 21.32515, 107.363976, 22.461466)


def test_a_small_gpx_track_measures_what_was_computed_by_hand():
    points = read_gpx(SMALL, LANG_SON)
    assert points == [(21.85, 106.75, 100.0), (21.851, 106.75, 130.0), (21.852, 106.75, 110.0)]
    figures = measure(points)
    assert figures.length_m == pytest.approx(SMALL_LENGTH_M, abs=0.01)
    assert figures.length_m == pytest.approx(222.39, abs=0.01)
    assert figures.ascent_m == 30
    assert figures.descent_m == 20
    assert (figures.min_elevation_m, figures.max_elevation_m) == (100, 130)


def test_gps_jitter_below_the_threshold_is_not_counted_as_climbing():
    # A flat walk whose elevations wobble by up to 4 m around 200 m: a plain sum of the rises gives 15 m.
    flat = [200, 203, 199, 202, 198, 201, 199, 203, 200, 202, 200]
    ascent, descent = climb(flat)
    assert sum(max(0, b - a) for a, b in zip(flat, flat[1:], strict=False)) == 15
    assert ascent < tracks.ELEVATION_THRESHOLD_M
    assert ascent - descent == pytest.approx(flat[-1] - flat[0])


def test_a_real_climb_with_jitter_is_counted_in_full():
    # 100 m up in steps of 10 m, each reading off by ±3 m.
    readings = [100 + 10 * i + (3 if i % 2 else -3) for i in range(11)]
    ascent, descent = climb(readings)
    assert ascent - descent == pytest.approx(readings[-1] - readings[0])
    assert 100 <= ascent <= 110
    assert descent <= 6


def test_a_track_without_elevations_has_no_ascent_rather_than_zero():
    figures = measure(read_gpx(gpx([(21.85, 106.75, None), (21.86, 106.75, None)]), LANG_SON))
    assert figures.length_m > 1000
    assert figures.ascent_m is None
    assert figures.descent_m is None


def test_a_gpx_route_is_read_when_the_file_has_no_track():
    assert len(read_gpx(gpx([(21.85, 106.75, 10), (21.86, 106.75, 20)], route=True), LANG_SON)) == 2


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"name,lat,lon\nA,21.8,106.7\n", "malformed"),
        (b"<gpx><trk><trkseg><trkpt lat='21.85'", "malformed"),
        (b"<html><body>not a track</body></html>", "not a GPX file"),
        (gpx([]), "no track"),
        (gpx([(21.85, 106.75, 100)]), "no track"),
        (gpx([(21.85, 106.75, 100), (48.85, 2.35, 35)]), "outside the geopark"),
        (gpx([(21.85, 106.75, 100), (121.85, 106.75, 100)]), "impossible coordinates"),
        (gpx([(21.85, 106.75, 100), (21.86, 106.75, 99999)]), "impossible elevation"),
        (BILLION_LAUGHS, "entities"),
        (b"<gpx>" + b" " * tracks.MAX_GPX_BYTES + b"</gpx>", "larger than 5 MB"),
    ],
    ids=[
        "csv",
        "broken-xml",
        "html",
        "empty",
        "one-point",
        "paris",
        "lat-121",
        "ele-99999",
        "billion-laughs",
        "oversize",
    ],
)
def test_a_file_that_cannot_be_a_trail_track_is_refused_with_its_reason(data, reason):
    with translation.override("en"), pytest.raises(TrackError) as refused:
        read_gpx(data, LANG_SON)
    assert reason in str(refused.value)


def test_difficulty_and_walking_time_follow_the_documented_rules():
    # Effort-km = km + ascent/100: 5 km and 200 m make 7 (easy), 8 km and 600 m make 14 (moderate).
    assert rule_difficulty(5000, 200) == Difficulty.EASY
    assert rule_difficulty(8000, 600) == Difficulty.MODERATE
    assert rule_difficulty(12000, 900) == Difficulty.HARD
    # Naismith: 10 km at 5 km/h is 2 h, 600 m of ascent one more hour.
    assert naismith_minutes(10_000, 600) == 180
    assert naismith_minutes(1000, None) == 15  # 12 minutes, rounded up to 5
