"""The dataset loader: idempotent, reports bad rows with file, line and reason, loads the rest."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from geopark.heritage.models import Precision, Site
from geopark.routes.models import Route, RouteStop
from geopark.search.models import SearchDocument
from geopark.territory.models import Commune, FormerCommune

GEOPARK_TOML = """
slug = "mini"
province_code = "20"
area_km2 = 4842.58
population = 627500
established = 2021-12-13
official_route_points = 38
bbox = [106.09538, 21.32515, 107.363976, 22.461466]
[name]
vi = "Công viên địa chất thử"
en = "Test Geopark"
zh = "测试地质公园"
"""

SITE_HEADER = [
    "code",
    "slug",
    "type",
    "name_vi",
    "name_en",
    "name_zh",
    "former_district",
    "former_commune",
    "current_commune",
    "locality_vi",
    "lat",
    "lon",
    "position_precision",
    "uncertainty_m",
    "route_status",
    "summary_vi",
    "summary_en",
    "en_status",
    "zh_status",
    "sources",
]


def site_row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(SITE_HEADER, "")
    row.update(
        code="A-1", slug="hang-a", type="geomorphological", name_vi="Hang A", position_precision="unknown"
    )
    row.update(values)
    return row


def write_dataset(
    folder: Path, sites: list[dict[str, str]], *, routes: str | None = None, stops: str | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "geopark.toml").write_text(GEOPARK_TOML, encoding="utf-8")
    with (folder / "sites.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SITE_HEADER)
        writer.writeheader()
        writer.writerows(sites)
    (folder / "routes.csv").write_text(
        routes
        if routes is not None
        else "number,slug,name_vi,name_en\n1,thuong-ngan,Thượng ngàn,Upper realm\n",
        encoding="utf-8",
    )
    (folder / "route_stops.csv").write_text(
        stops if stops is not None else "route,site_code,order,order_confirmed\n1,A-1,1,yes\n",
        encoding="utf-8",
    )
    return folder


def run_loader(folder: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_geopark", data=folder, no_progress=True, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


GOOD_SITES = [
    site_row(
        code="A-1",
        slug="dong-tam-thanh",
        name_vi="Động Tam Thanh",
        lat="21.85557",
        lon="106.74680",
        position_precision="published",
        uncertainty_m="100",
        route_status="confirmed",
        former_district="Lạng Sơn",
        former_commune="Tam Thanh",
    ),
    site_row(
        code="A-2",
        slug="den-bac-le",
        name_vi="Đền Bắc Lệ",
        type="cultural",
        former_district="Hữu Lũng",
        former_commune="Tân Thành",
        position_precision="commune",
    ),
    site_row(code="A-3", slug="noi-nao-do", name_vi="Nơi chưa rõ", position_precision="unknown"),
]


@pytest.mark.django_db
def test_loading_creates_everything_and_reports_it(tmp_path):
    out, err = run_loader(write_dataset(tmp_path / "d", GOOD_SITES))
    assert "site: 3 created, 0 updated, 0 unchanged" in out
    assert "route: 1 created" in out
    assert "route stop: 1 created" in out
    assert Commune.objects.filter(province_code="20").count() == 65
    assert FormerCommune.objects.filter(province_code="20").count() == 194
    assert err == ""
    assert SearchDocument.objects.filter(kind="site").count() == 3 * 3


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_doubles_nothing(tmp_path):
    folder = write_dataset(tmp_path / "d", GOOD_SITES)
    run_loader(folder)
    counts = (Site.objects.count(), Route.objects.count(), RouteStop.objects.count(), Commune.objects.count())
    out, _ = run_loader(folder)
    assert "site: 0 created, 0 updated, 3 unchanged" in out
    assert "commune: 0 created, 0 updated, 65 unchanged" in out
    assert "former commune: 0 created, 0 updated, 194 unchanged" in out
    assert "route stop: 0 created, 0 updated, 1 unchanged" in out
    assert "search index: unchanged" in out
    assert (
        Site.objects.count(),
        Route.objects.count(),
        RouteStop.objects.count(),
        Commune.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_a_changed_row_updates_its_site_only(tmp_path):
    folder = write_dataset(tmp_path / "d", GOOD_SITES)
    run_loader(folder)
    changed = [dict(r) for r in GOOD_SITES]
    changed[2]["name_en"] = "A place not yet located"
    write_dataset(folder, changed)
    out, _ = run_loader(folder)
    assert "site: 0 created, 1 updated, 2 unchanged" in out
    assert Site.objects.get(code="A-3").name_en == "A place not yet located"


@pytest.mark.django_db
def test_former_commune_is_converted_to_its_2025_unit_and_kept(tmp_path):
    run_loader(write_dataset(tmp_path / "d", GOOD_SITES))
    temple = Site.objects.select_related("former_commune", "commune").get(code="A-2")
    assert temple.former_commune.short_name == "Tân Thành"
    assert temple.former_commune.district_short_name == "Hữu Lũng"
    assert temple.commune is not None
    assert temple.commune.short_name == "Tân Thành"
    assert temple.precision == Precision.COMMUNE
    assert temple.map_position == (temple.commune.lat, temple.commune.lon)
    assert not temple.has_pin


@pytest.mark.django_db
def test_bad_rows_are_reported_with_file_line_and_reason_and_the_rest_loads(tmp_path):
    sites = [
        *GOOD_SITES,
        site_row(code="B-1", slug="bad-lat", lat="95", lon="106.5", position_precision="published"),
        site_row(code="B-2", slug="bad-type", type="volcano"),
        site_row(code="B-3", slug="no-lon", lat="21.5", position_precision="published"),
        site_row(code="A-1", slug="copy-of-a1"),
        site_row(code="B-4", slug="not-a-number", lat="abc", lon="106", position_precision="published"),
        site_row(code="B-5", slug="", name_vi="Không có slug"),
        site_row(
            code="B-6", slug="coords-but-commune", lat="21.5", lon="106.5", position_precision="commune"
        ),
    ]
    _, err = run_loader(write_dataset(tmp_path / "d", sites))
    assert "sites.csv:5: coordinates 95.0, 106.5 are out of range" in err
    assert "sites.csv:6: type 'volcano' is not one of" in err
    assert "sites.csv:7: lat and lon must be given together" in err
    assert "sites.csv:8: code A-1 repeats line 2" in err
    assert "sites.csv:9: lat 'abc' is not a number" in err
    assert "sites.csv:10: slug is empty" in err
    assert "sites.csv:11: a row with coordinates needs position_precision surveyed or published" in err
    assert "7 row(s) skipped; the rest was loaded." in err
    assert sorted(Site.objects.values_list("code", flat=True)) == ["A-1", "A-2", "A-3"]


@pytest.mark.django_db
def test_unknown_commune_is_a_warning_and_the_site_still_loads_without_a_place(tmp_path):
    sites = [
        site_row(
            code="C-1",
            slug="c-1",
            former_district="Hữu Lũng",
            former_commune="Atlantis",
            position_precision="commune",
        )
    ]
    out, _ = run_loader(write_dataset(tmp_path / "d", sites, stops="route,site_code,order\n"))
    assert "warning sites.csv:2: former commune 'Atlantis' (Hữu Lũng) is not in the unit list" in out
    site = Site.objects.get(code="C-1")
    assert site.commune is None
    assert site.precision == Precision.UNKNOWN


@pytest.mark.django_db
def test_a_file_with_missing_columns_is_reported_and_nothing_of_it_is_loaded(tmp_path):
    folder = write_dataset(tmp_path / "d", GOOD_SITES)
    (folder / "sites.csv").write_text("code,name\nX,Y\n", encoding="utf-8")
    _, err = run_loader(folder)
    assert "sites.csv:1: missing columns: slug, type, name_vi, lat, lon, position_precision" in err
    assert Site.objects.count() == 0


@pytest.mark.django_db
def test_stops_pointing_at_unknown_routes_or_sites_are_reported(tmp_path):
    stops = "route,site_code,order\n1,A-1,1\n9,A-2,1\n1,ZZZ,2\n1,A-3,0\n"
    _, err = run_loader(write_dataset(tmp_path / "d", GOOD_SITES, stops=stops))
    assert "route_stops.csv:3: route 9 is not in routes.csv" in err
    assert "route_stops.csv:4: site ZZZ is not in sites.csv" in err
    assert "route_stops.csv:5: order must be 1 or more" in err
    assert RouteStop.objects.count() == 1


@pytest.mark.django_db
def test_a_broken_geopark_file_stops_the_load_with_a_clear_error(tmp_path):
    folder = write_dataset(tmp_path / "d", GOOD_SITES)
    (folder / "geopark.toml").write_text("slug = [unclosed", encoding="utf-8")
    with pytest.raises(CommandError, match="geopark.toml could not be loaded"):
        run_loader(folder)
    assert Site.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_folder_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Dataset folder not found"):
        run_loader(tmp_path / "nowhere")


@pytest.mark.django_db
def test_an_ambiguous_commune_name_is_reported_and_the_full_name_resolves_it(tmp_path):
    sites = [
        site_row(
            code="D-1",
            slug="d-1",
            former_district="Chi Lăng",
            former_commune="Chi Lăng",
            position_precision="commune",
        ),
        site_row(
            code="D-2",
            slug="d-2",
            former_district="Chi Lăng",
            former_commune="Xã Chi Lăng",
            position_precision="commune",
        ),
    ]
    out, _ = run_loader(write_dataset(tmp_path / "d", sites, stops="route,site_code,order\n"))
    assert "former commune 'Chi Lăng' is ambiguous in Chi Lăng: write Thị trấn Chi Lăng or Xã Chi Lăng" in out
    assert Site.objects.get(code="D-1").former_commune is None
    resolved = Site.objects.select_related("former_commune").get(code="D-2")
    assert resolved.former_commune.name == "Xã Chi Lăng"
    assert resolved.precision == Precision.COMMUNE


@pytest.mark.django_db
def test_a_row_the_admin_would_refuse_is_refused_by_the_models_own_rules(tmp_path):
    sites = [
        *GOOD_SITES,
        site_row(code="E-1", slug="Hang A!"),
        site_row(code="E-2", slug="e-2", locality_vi="x" * 201),
        site_row(code="E-3", slug="e-3", position_precision="surveyed"),
    ]
    _, err = run_loader(write_dataset(tmp_path / "d", sites))
    assert "sites.csv:5: slug 'Hang A!' may hold only letters, digits, hyphens and underscores" in err
    assert "sites.csv:6: locality_vi is longer than 200 characters" in err
    assert "sites.csv:7: position_precision 'surveyed' needs lat and lon" in err
    assert sorted(Site.objects.values_list("code", flat=True)) == ["A-1", "A-2", "A-3"]
