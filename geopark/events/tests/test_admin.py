"""Editors keep the calendar in the Wagtail admin; past events are never deleted by them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from geopark.events.models import Event
from geopark.search.models import SearchDocument

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def url(action: str, *args) -> str:
    return reverse(Event.snippet_viewset.get_url_name(action), args=args)


def form(**changes) -> dict:
    data = {
        "slug": "le-hoi-moi",
        "category": "festival",
        "status": "scheduled",
        "published": "on",
        "date_precision": "day",
        "start_date": "2026-12-12",
        "end_date": "",
        "start_time": "",
        "end_time": "",
        "site": "",
        "commune": "",
        "sources": "",
    }
    for field in ("title", "summary", "description", "organiser", "venue", "lunar_note"):
        for lang in ("vi", "en", "zh"):
            data[f"{field}_{lang}"] = ""
    data.update(title_vi="Lễ hội mới", title_en="New festival")
    data.update(changes)
    return data


def test_an_editor_adds_an_event_and_it_becomes_searchable(client, editor):
    client.force_login(editor)
    response = client.post(url("add"), form())
    assert response.status_code == 302, response.content[:1500]
    event = Event.objects.get(slug="le-hoi-moi")
    assert event.title_en == "New festival"
    assert SearchDocument.objects.filter(
        kind="event", key=str(event.pk), lang="en", title="New festival"
    ).exists()
    assert client.get(url("list")).status_code == 200


@pytest.mark.parametrize(
    "changes",
    [
        {"start_date": "2026-12-12", "end_date": "2026-12-01"},
        {"date_precision": "month", "start_date": "2026-12-12"},
        {"date_precision": "year", "start_date": "2026-01-01", "start_time": "09:00"},
        {"slug": "calendar"},
        {"start_date": "not a date"},
        {"category": "party"},
        {"title_vi": ""},
    ],
)
def test_contradictory_or_bad_input_is_refused_and_nothing_is_saved(client, editor, changes):
    client.force_login(editor)
    response = client.post(url("add"), form(**changes))
    assert response.status_code == 200  # the form again, with its messages
    assert not Event.objects.exists()


def test_unpublishing_an_event_takes_it_out_of_search(client, editor):
    event = EventFactory()
    assert SearchDocument.objects.filter(kind="event", key=str(event.pk)).count() == 3
    event.published = False
    event.save()
    assert not SearchDocument.objects.filter(kind="event", key=str(event.pk)).exists()


def test_an_editor_cannot_delete_an_event_but_an_administrator_can(client, editor, admin_user):
    event = EventFactory()
    client.force_login(editor)
    client.post(url("delete", event.pk))
    assert Event.objects.filter(pk=event.pk).exists()
    client.force_login(admin_user)
    client.post(url("delete", event.pk))
    assert not Event.objects.filter(pk=event.pk).exists()
    assert not SearchDocument.objects.filter(kind="event", key=str(event.pk)).exists()


def test_an_account_without_a_role_cannot_open_the_events_admin(client, visitor):
    client.force_login(visitor)
    response = client.get(url("list"))
    assert response.status_code in (302, 403)
