"""Editors upload a surveyed route track in the admin; bad files are refused with a reason. An
editor's change is a draft until the board approves it (tests/… test_site_approval.py)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from geopark.routes.models import Route
from geopark.routes.tests.factories import RouteFactory
from geopark.routes.tests.test_routes import GPX

pytestmark = pytest.mark.django_db


def form_for(route: Route, **changes) -> dict:
    data = {
        "number": route.number,
        "slug": route.slug,
        "geopark": route.geopark_id,
        "official_points": "",
        "official_length_km": "",
        "sources": "",
        "stops": inline_formset([]),
    }
    for field in ("name", "theme", "summary"):
        for lang in ("vi", "en", "zh"):
            data[f"{field}_{lang}"] = getattr(route, f"{field}_{lang}")
    data.update(changes)
    return nested_form_data(data)


def edit_url(route: Route) -> str:
    return reverse(Route.snippet_viewset.get_url_name("edit"), args=[route.pk])


def test_an_editor_uploads_a_gpx_track_into_a_draft_the_public_line_waits(client, editor, geopark):
    route = RouteFactory(number=1, geopark=geopark)
    client.force_login(editor)
    data = form_for(route)
    data["track_file"] = SimpleUploadedFile("route1.gpx", GPX, content_type="application/gpx+xml")
    response = client.post(edit_url(route), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft = Route.objects.get(pk=route.pk).get_latest_revision_as_object()
    assert draft.track == [[106.75, 21.85], [106.8, 21.8], [106.96, 21.7]]
    assert draft.track_uploaded_at is not None
    route.refresh_from_db()
    assert route.track is None  # the live route is unchanged until the board approves
    assert client.get("/api/v1/routes").json()[0]["schematic"] is True


def test_an_administrator_publishes_a_track_and_the_route_becomes_surveyed(client, admin_user, geopark):
    route = RouteFactory(number=1, geopark=geopark)
    client.force_login(admin_user)
    data = form_for(route, **{"action-publish": "action-publish"})
    data["track_file"] = SimpleUploadedFile("route1.gpx", GPX, content_type="application/gpx+xml")
    response = client.post(edit_url(route), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    route.refresh_from_db()
    assert route.track == [[106.75, 21.85], [106.8, 21.8], [106.96, 21.7]]
    api = client.get("/api/v1/routes").json()[0]
    assert api["schematic"] is False
    assert api["is_estimate"] is False


def test_a_bad_track_file_is_refused_and_the_route_keeps_its_line(client, editor, geopark):
    route = RouteFactory(number=1, geopark=geopark, track=[[106.7, 21.8], [106.8, 21.9]])
    client.force_login(editor)
    data = form_for(route)
    data["track_file"] = SimpleUploadedFile("route1.gpx", b"<gpx><oops", content_type="application/gpx+xml")
    response = client.post(edit_url(route), data)
    assert response.status_code == 200
    with translation.override("vi"):  # the admin speaks the editor's language, Vietnamese by default
        assert gettext("This is not a readable GPX file.") in response.content.decode()
    route.refresh_from_db()
    assert route.track == [[106.7, 21.8], [106.8, 21.9]]


def test_an_editor_can_remove_the_surveyed_track(client, editor, geopark):
    route = RouteFactory(number=1, geopark=geopark, track=[[106.7, 21.8], [106.8, 21.9]])
    client.force_login(editor)
    response = client.post(edit_url(route), {**form_for(route), "clear_track": "on"})
    assert response.status_code == 302
    assert Route.objects.get(pk=route.pk).get_latest_revision_as_object().track is None
