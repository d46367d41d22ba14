"""The dataset's optional boundary.geojson: checked, stored on the geopark, never invented."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from geopark.core.loading import LoadReport
from geopark.dataset.tests.test_loader import site_row, write_dataset
from geopark.territory.boundary import BoundaryError, load_boundary, parse_boundary
from geopark.territory.models import Geopark

# A small synthetic square inside the test geopark's bounding box; not any real boundary.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.5, 21.6], [106.9, 21.6], [106.9, 22.0], [106.5, 22.0], [106.5, 21.6]]],
}


def test_a_polygon_a_feature_or_a_collection_becomes_a_feature_collection():
    for doc in (
        SQUARE,
        {"type": "Feature", "geometry": SQUARE, "properties": {"source": "test"}},
        {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": SQUARE}]},
    ):
        parsed = parse_boundary(doc)
        assert parsed["type"] == "FeatureCollection"
        assert parsed["features"][0]["geometry"] == SQUARE


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        ([1, 2], "not a GeoJSON object"),
        ({"type": "Point", "coordinates": [106.5, 21.6]}, "is not a Polygon"),
        ({"type": "FeatureCollection", "features": []}, "no features"),
        (
            {
                "type": "Polygon",
                "coordinates": [[[21.6, 106.5], [21.6, 106.9], [22.0, 106.9], [21.6, 106.5]]],
            },
            "off the Earth",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[106.5, 21.6], [106.9, 22.0], [106.9, 21.6], [106.5, 22.0], [106.5, 21.6]]],
            },
            "not a valid shape",
        ),
        ({"type": "Polygon", "coordinates": "nonsense"}, "malformed"),
    ],
)
def test_a_bad_boundary_is_refused_with_the_reason(doc, fragment):
    with pytest.raises(BoundaryError, match=fragment):
        parse_boundary(doc)


def test_the_loader_stores_the_boundary_and_reports_a_reload_as_unchanged(geopark, tmp_path):
    (tmp_path / "boundary.geojson").write_text(json.dumps(SQUARE), encoding="utf-8")
    first = LoadReport()
    load_boundary(tmp_path, geopark, first)
    assert first.created["boundary"] == 1
    geopark.refresh_from_db()
    assert geopark.boundary["features"][0]["geometry"] == SQUARE
    again = LoadReport()
    load_boundary(tmp_path, geopark, again)
    assert again.unchanged["boundary"] == 1


def test_without_the_file_there_is_no_boundary_and_an_old_one_is_removed(geopark, tmp_path):
    report = LoadReport()
    load_boundary(tmp_path, geopark, report)
    assert geopark.boundary is None
    assert not report.errors
    geopark.boundary = parse_boundary(SQUARE)
    geopark.save()
    load_boundary(tmp_path, geopark, report)
    geopark.refresh_from_db()
    assert geopark.boundary is None
    assert report.updated["boundary"] == 1


def test_a_broken_file_is_reported_and_the_geopark_keeps_what_it_had(geopark, tmp_path):
    geopark.boundary = parse_boundary(SQUARE)
    geopark.save()
    (tmp_path / "boundary.geojson").write_text("{not json", encoding="utf-8")
    report = LoadReport()
    load_boundary(tmp_path, geopark, report)
    assert "not valid JSON" in str(report.errors[0])
    geopark.refresh_from_db()
    assert geopark.boundary is not None


def test_a_boundary_outside_the_bounding_box_loads_with_a_warning(geopark, tmp_path):
    far = {"type": "Polygon", "coordinates": [[[100, 10], [101, 10], [101, 11], [100, 10]]]}
    (tmp_path / "boundary.geojson").write_text(json.dumps(far), encoding="utf-8")
    report = LoadReport()
    load_boundary(tmp_path, geopark, report)
    assert "outside the geopark's bounding box" in str(report.warnings[0])
    assert report.created["boundary"] == 1


@pytest.mark.django_db
def test_load_geopark_reads_an_optional_boundary_file(tmp_path):
    folder = write_dataset(tmp_path / "mini", [site_row()])
    (folder / "boundary.geojson").write_text(json.dumps(SQUARE), encoding="utf-8")
    out = StringIO()
    call_command("load_geopark", data=folder, no_progress=True, stdout=out, stderr=StringIO())
    assert "boundary: 1 created" in out.getvalue()
    assert Geopark.objects.get(slug="mini").boundary["type"] == "FeatureCollection"


def test_the_shipped_lang_son_dataset_has_no_invented_boundary(settings):
    assert not (settings.BASE_DIR / "data" / "langson" / "boundary.geojson").exists()
