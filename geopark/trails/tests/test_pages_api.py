"""The trails' pages and API in the three languages: a surveyed trail shows its map, profile,
figures and files; one not yet surveyed says so in one sentence, with no chart and no file."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory

from .factories import TrailFactory, TrailPointFactory, tracked

pytestmark = pytest.mark.django_db

UNSURVEYED = "The track of this trail has not been surveyed yet."


@pytest.fixture
def trails(geopark):
    site = SiteFactory(
        geopark=geopark, slug="nui-mau-son", name_vi="Núi Mẫu Sơn", name_en="Mẫu Sơn", name_zh="母山"
    )
    walked = tracked(TrailFactory(slug="walked", name_vi="Đường mòn A", name_en="Trail A", name_zh="步道A"))
    TrailPointFactory(trail=walked, site=site)
    TrailPointFactory(
        trail=walked, name_vi="Mỏ nước", name_en="Spring", name_zh="泉水", lat=21.853, lon=106.75
    )
    plain = TrailFactory(slug="plain", name_vi="Đường mòn B", name_en="Trail B", name_zh="步道B")
    TrailPointFactory(trail=plain, site=site)
    return {"walked": walked, "plain": plain, "site": site}


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_list_shows_each_trail_with_its_figures_when_known(client, trails, lang):
    page = client.get(f"/{lang}/trails/").content.decode()
    name = {"vi": "Đường mòn A", "en": "Trail A", "zh": "步道A"}[lang]
    assert name in page
    assert "/illustrations/" in page  # a drawn picture on each card
    with translation.override(lang):
        assert gettext("Track not yet surveyed") in page  # trail B
        assert gettext("Easy") in page  # trail A: 1.1 km and 100 m up is easy by the rule
    assert "1,1 km" in page or "1.1 km" in page or "1,11 km" in page or "1.11 km" in page


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_a_surveyed_trail_page_has_map_profile_figures_and_downloads(client, trails, lang):
    page = client.get(f"/{lang}/trails/walked/").content.decode()
    assert 'data-map="points"' in page
    assert f"/api/v1/trails/walked.gpx?lang={lang}" in page
    assert f"/api/v1/trails/walked.kml?lang={lang}" in page
    assert "<svg" in page
    assert "profile-line" in page
    with translation.override(lang):
        assert gettext("Elevation profile") in page
        assert gettext("The profile as a table") in page
        assert gettext("Ascent") in page
        assert gettext(UNSURVEYED) not in page
    assert trails["site"].get_absolute_url() in page


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_an_unsurveyed_trail_says_so_once_with_no_chart_map_or_file(client, trails, lang):
    page = client.get(f"/{lang}/trails/plain/").content.decode()
    with translation.override(lang):
        sentence = gettext(UNSURVEYED)
        assert sentence != UNSURVEYED or lang == "en"
        assert page.count(sentence) == 1
        assert gettext("Elevation profile") not in page
    assert "profile-line" not in page
    assert "data-map=" not in page
    assert ".gpx" not in page
    assert "Mẫu Sơn" in page or "母山" in page


def test_the_profile_chart_draws_every_sampled_point(trails):
    from geopark.trails import charts, tracks

    profile = tracks.profile(trails["walked"].points3d)
    chart = str(charts.elevation_profile(profile, name="A"))
    line = chart.split('<polyline points="', 1)[1].split('"', 1)[0]
    assert len(line.split()) == len(profile) == 11
    assert "<title>" in chart
    assert "<desc>" in chart
    assert 'role="img"' in chart
    # The highest point (400 m) is drawn at the top of the plot, the lowest at the bottom.
    ys = [float(pair.split(",")[1]) for pair in line.split()]
    assert ys == sorted(ys, reverse=True)


def test_the_menu_shows_trails_only_when_one_is_published(client, home_pages):
    assert "/vi/trails/" not in client.get("/vi/routes/").content.decode()
    TrailFactory(slug="x")
    assert "/vi/trails/" in client.get("/vi/routes/").content.decode()


def test_an_unpublished_trail_is_not_shown(client, trails):
    trails["plain"].published = False
    trails["plain"].save()
    assert client.get("/vi/trails/plain/").status_code == 404
    assert "Đường mòn B" not in client.get("/vi/trails/").content.decode()
    assert client.get("/api/v1/trails/plain").status_code == 404


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_api_lists_trails_with_figures_in_the_request_language(client, trails, lang):
    listed = {t["slug"]: t for t in client.get("/api/v1/trails", HTTP_ACCEPT_LANGUAGE=lang).json()}
    walked, plain = listed["walked"], listed["plain"]
    assert walked["name"] == {"vi": "Đường mòn A", "en": "Trail A", "zh": "步道A"}[lang]
    assert walked["surveyed"] is True
    assert walked["length_km"] == pytest.approx(1.11, abs=0.01)
    assert walked["ascent_m"] == 100
    assert walked["descent_m"] == 0
    assert walked["difficulty"] == "easy"
    assert walked["duration_by_rule"] is True
    assert walked["gpx"].endswith(f"/api/v1/trails/walked.gpx?lang={lang}")
    assert plain["surveyed"] is False
    assert plain["length_km"] is None
    assert plain["gpx"] is None
    assert client.get(f"/api/v1/trails?lang={lang}").json() == list(listed.values())


def test_the_api_detail_has_points_and_profile(client, trails):
    detail = client.get("/api/v1/trails/walked?lang=en").json()
    assert [p["name"] for p in detail["points"]] == ["Mẫu Sơn", "Spring"]
    assert detail["points"][0]["site"] == "nui-mau-son"
    assert detail["points"][1]["lat"] == 21.853
    assert detail["profile"][0] == [0.0, 300.0]
    assert detail["profile"][-1][1] == 400.0


def test_the_gpx_and_kml_carry_the_track_with_elevations_and_the_points(client, trails):
    gpx = client.get("/api/v1/trails/walked.gpx?lang=en")
    assert gpx.status_code == 200
    assert gpx["Content-Type"].startswith("application/gpx+xml")
    body = gpx.content.decode()
    assert body.count("<trkpt") == 11
    assert "<ele>400.0</ele>" in body or "<ele>400</ele>" in body
    assert "<name>Spring</name>" in body
    kml = client.get("/api/v1/trails/walked.kml?lang=zh")
    assert kml.status_code == 200
    assert "106.750000,21.850000,300.0" in kml.content.decode()
    assert "泉水" in kml.content.decode()


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
@pytest.mark.parametrize("kind", ["gpx", "kml"])
def test_an_unsurveyed_trails_file_is_a_404_with_its_reason_in_the_request_language(
    client, trails, lang, kind
):
    response = client.get(f"/api/v1/trails/plain.{kind}", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 404
    with translation.override(lang):
        expected = gettext(
            "The track of this trail has not been surveyed yet, so there is no file to download."
        )
    assert response.json()["detail"] == expected
    unknown = client.get(f"/api/v1/trails/nowhere.{kind}?lang={lang}")
    assert unknown.status_code == 404
    with translation.override(lang):
        assert unknown.json()["detail"] == gettext("No trail “%(slug)s”.") % {"slug": "nowhere"}
