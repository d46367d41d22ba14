"""Events are found by the site search and the search API, diacritics ignored."""

from __future__ import annotations

import pytest

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_an_event_is_found_by_its_title_without_accents_and_filtered_by_kind(client, home_pages):
    EventFactory(slug="ky-cung", title_vi="Lễ hội đền Kỳ Cùng", title_en="Kỳ Cùng Temple Festival")
    html = client.get("/vi/search/?q=le+hoi+ky+cung").content.decode()
    assert "/vi/events/ky-cung/" in html
    assert "/vi/events/ky-cung/" in client.get("/vi/search/?q=ky+cung&kind=event").content.decode()
    assert "/vi/events/ky-cung/" not in client.get("/vi/search/?q=ky+cung&kind=site").content.decode()
    results = client.get("/api/v1/search?q=ky+cung&lang=en&type=event").json()["results"]
    assert [(r["type"], r["url"]) for r in results] == [("event", "/en/events/ky-cung/")]


def test_an_unpublished_event_is_not_found(client, home_pages):
    EventFactory(slug="nhap", title_vi="Hội thảo bí mật", published=False)
    assert "/vi/events/nhap/" not in client.get("/vi/search/?q=hoi+thao+bi+mat").content.decode()
