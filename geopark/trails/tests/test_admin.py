"""Editors upload a trail's GPX track in the admin: a good file sets the track and its figures; a bad
one is refused with its reason in the editor's language and writes nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from geopark.trails import tracks
from geopark.trails.models import Trail

from .factories import TrailFactory, tracked
from .gpx import BILLION_LAUGHS, SMALL, gpx

pytestmark = pytest.mark.django_db


def form_for(trail: Trail, **changes) -> dict:
    data = {
        "slug": trail.slug,
        "kind": trail.kind,
        "commune": "",
        "published": "on",
        "difficulty": "",
        "duration_minutes": "",
        "sort_order": trail.sort_order,
        "sources": "",
        "points": inline_formset([]),
    }
    for field in ("name", "summary", "description", "season", "safety"):
        for lang in ("vi", "en", "zh"):
            data[f"{field}_{lang}"] = getattr(trail, f"{field}_{lang}")
    data.update(changes)
    return nested_form_data(data)


def edit_url(trail: Trail) -> str:
    return reverse(Trail.snippet_viewset.get_url_name("edit"), args=[trail.pk])


def test_an_editor_uploads_a_gpx_and_the_trail_gets_its_track_and_figures(client, editor, geopark):
    trail = TrailFactory()
    client.force_login(editor)
    data = form_for(trail)
    data["track_file"] = SimpleUploadedFile("walk.gpx", SMALL, content_type="application/gpx+xml")
    response = client.post(edit_url(trail), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    trail.refresh_from_db()
    assert trail.track == [[106.75, 21.85, 100.0], [106.75, 21.851, 130.0], [106.75, 21.852, 110.0]]
    assert trail.length_m == pytest.approx(222.4, abs=0.05)
    assert (trail.ascent_m, trail.descent_m) == (30, 20)
    assert trail.track_uploaded_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just text, no xml", "This is not a readable GPX file: the XML is malformed."),
        (b"<kml><Document/></kml>", "This is not a GPX file (its root element is not <gpx>)."),
        (gpx([(21.85, 106.75, 100)]), "The GPX file has no track: it needs at least two track points."),
        (gpx([(21.85, 106.75, 100), (10.77, 106.70, 5)]), "outside the geopark"),
        (
            BILLION_LAUGHS,
            "The file declares a document type or entities, which a GPX file never needs; it was refused.",
        ),
        (b"<gpx>" + b" " * tracks.MAX_GPX_BYTES + b"</gpx>", "The GPX file is larger than 5 MB."),
    ],
    ids=["not-xml", "kml", "no-points", "saigon", "billion-laughs", "oversize"],
)
def test_a_bad_upload_is_refused_in_the_editors_language_and_nothing_is_written(
    client, editor, geopark, data, message
):
    trail = tracked(TrailFactory(name_en="Before"))
    before = (trail.track, trail.length_m, trail.ascent_m, trail.name_en)
    client.force_login(editor)
    body = form_for(trail, name_en="Changed in the same form")
    body["track_file"] = SimpleUploadedFile("walk.gpx", data, content_type="application/gpx+xml")
    response = client.post(edit_url(trail), body)
    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("vi"):  # the admin speaks the editor's language, Vietnamese by default
        if message == "outside the geopark":
            message = "The track has a point at %(lat).5f, %(lon).5f, outside the geopark."
        shown = gettext(message) % {"lat": 10.77, "lon": 106.70} if "%(" in message else gettext(message)
        assert shown != message
        assert escape(shown) in page
    trail.refresh_from_db()
    assert (trail.track, trail.length_m, trail.ascent_m, trail.name_en) == before


def test_an_editor_removes_the_track_and_its_figures_go_with_it(client, editor, geopark):
    trail = tracked(TrailFactory())
    client.force_login(editor)
    response = client.post(edit_url(trail), {**form_for(trail), "clear_track": "on"})
    assert response.status_code == 302
    trail.refresh_from_db()
    assert trail.track is None
    assert trail.length_m is None
    assert trail.ascent_m is None


def test_every_change_to_a_trail_is_kept_with_who_made_it(client, editor, geopark):
    from auditlog.models import LogEntry

    trail = TrailFactory()
    client.force_login(editor)
    data = form_for(trail, name_en="The heart of the lake")
    data["track_file"] = SimpleUploadedFile("walk.gpx", SMALL, content_type="application/gpx+xml")
    assert client.post(edit_url(trail), data).status_code == 302
    entry = LogEntry.objects.get_for_object(trail).filter(actor=editor).latest("timestamp")
    assert "name_en" in entry.changes_dict
    assert "length_m" in entry.changes_dict
    assert "track" not in entry.changes_dict
