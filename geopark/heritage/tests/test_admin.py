"""Editors in the Wagtail admin: edit and publish a site, position checks, completeness, roles."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from geopark.heritage.models import Precision, Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.search.models import SearchDocument

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "action-publish"}


def edit_url(site: Site) -> str:
    return reverse(Site.snippet_viewset.get_url_name("edit"), args=[site.pk])


def form_for(site: Site, **changes) -> dict:
    data = {
        "code": site.code,
        "slug": site.slug,
        "site_type": site.site_type,
        "route_status": site.route_status,
        "geopark": site.geopark_id,
        "precision": site.precision,
        "sources": "",
        "lat": "" if site.lat is None else site.lat,
        "lon": "" if site.lon is None else site.lon,
        "uncertainty_m": site.uncertainty_m or "",
        "position_source": "",
        "commune": site.commune_id or "",
        "former_commune": "",
        "former_district": "",
        "duration_minutes": "",
        "en_status": site.en_status,
        "zh_status": site.zh_status,
        "photos": inline_formset([]),
    }
    for field in (
        "name",
        "summary",
        "description",
        "significance",
        "opening_hours",
        "fee",
        "access",
        "safety",
        "position_note",
        "formation",
        "age",
        "locality",
    ):
        for lang in ("vi", "en", "zh"):
            data[f"{field}_{lang}"] = getattr(site, f"{field}_{lang}")
    data.update(changes)
    return nested_form_data(data)


def test_an_administrator_edits_a_site_in_english_and_publishes_it(client, admin_user, geopark):
    # Editors submit to the board instead (test_site_approval.py); an administrator publishes.
    site = SiteFactory(geopark=geopark, name_en="Old name")
    client.force_login(admin_user)
    response = client.post(edit_url(site), form_for(site, name_en="Tam Thanh Pagoda and Cave", **PUBLISH))
    assert response.status_code == 302, response.content[:2000]
    site.refresh_from_db()
    assert site.name_en == "Tam Thanh Pagoda and Cave"
    assert site.live
    # Publishing kept a revision and refreshed the search index.
    assert site.revisions.count() == 1
    assert (
        SearchDocument.objects.get(lang="en", kind="site", key=site.code).title == "Tam Thanh Pagoda and Cave"
    )


@pytest.mark.parametrize(("lat", "lon"), [("95", "106.7"), ("21.8", "190"), ("21.8", "")])
def test_coordinates_out_of_range_are_refused_with_a_message(client, admin_user, geopark, lat, lon):
    site = SiteFactory(geopark=geopark)
    client.force_login(admin_user)
    response = client.post(edit_url(site), form_for(site, lat=lat, lon=lon, **PUBLISH))
    assert response.status_code == 200
    with translation.override("vi"):
        message = gettext(
            "Latitude must be between -90 and 90 and longitude between -180 and 180, both given."
        )
    assert message in response.content.decode()
    site.refresh_from_db()
    assert site.lat == 21.85


def test_coordinates_outside_the_geopark_are_saved_with_a_warning(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(admin_user)
    response = client.post(edit_url(site), form_for(site, lat="10.77", lon="106.70", **PUBLISH), follow=True)
    with translation.override("vi"):
        warning = gettext(
            "The position of “%(name)s” lies outside the geopark's bounding box. Please check the coordinates."
        ) % {"name": site.name_vi}
    assert warning.replace("'", "&#x27;") in response.content.decode()
    site.refresh_from_db()
    assert site.lat == 10.77


def test_the_map_picker_is_on_the_edit_form(client, editor, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(editor)
    html = client.get(edit_url(site)).content.decode()
    assert 'class="geopark-map-picker"' in html
    assert "js/admin-map-picker.js" in html


def test_sites_with_unknown_position_are_listed_as_such_in_the_admin(client, editor, geopark):
    SiteFactory(geopark=geopark, unknown_position=True, name_vi="Ùng Roặc")
    client.force_login(editor)
    url = reverse(Site.snippet_viewset.get_url_name("list")) + "?precision=unknown"
    html = client.get(url).content.decode()
    assert "Ùng Roặc" in html
    with translation.override("vi"):
        assert str(Precision.UNKNOWN.label) in html


def test_the_dashboard_shows_how_complete_the_inventory_is(client, editor, geopark):
    SiteFactory.create_batch(2, geopark=geopark, route_status="confirmed")
    SiteFactory(geopark=geopark, unknown_position=True)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    with translation.override("vi"):
        documented = gettext("%(documented)s of %(official)s route points documented") % {
            "documented": 2,
            "official": 38,
        }
        located = gettext("%(pinned)s of %(total)s places located precisely") % {"pinned": 2, "total": 3}
    assert documented in html
    assert located in html


def test_a_visitor_without_a_role_cannot_open_the_admin(client, visitor, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(visitor)
    response = client.get(edit_url(site))
    assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)


def test_login_is_rate_limited_after_repeated_failures(client, editor):
    for _ in range(5):
        client.post(reverse("wagtailadmin_login"), {"username": "eve", "password": "wrong"})
    response = client.post(reverse("wagtailadmin_login"), {"username": "eve", "password": "eve-secret-pw"})
    assert response.status_code == 429
