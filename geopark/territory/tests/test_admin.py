"""The territory's facts are edited in the admin where they always were (Inventory → Geopark facts),
from the territory's own admin hooks."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.admin.menu import admin_menu

pytestmark = pytest.mark.django_db


def test_the_geopark_facts_are_an_entry_of_the_inventory_menu(admin_user):
    from geopark.territory.wagtail_hooks import GeoparkViewSet

    request = RequestFactory().get("/admin/")
    request.user = admin_user
    with translation.override("en"):
        inventory = next(i for i in admin_menu.menu_items_for_request(request) if i.label == "Inventory")
        entries = {str(i.label): i.url for i in inventory.menu.menu_items_for_request(request)}
    assert list(entries) == ["Sites", "Geopark facts", "Hazard notices"]
    assert entries["Geopark facts"] == "/admin/snippets/territory/geopark/"
    assert GeoparkViewSet.model._meta.label == "territory.Geopark"


def test_an_administrator_lists_and_edits_the_geopark_facts(client, admin_user, geopark):
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/territory/geopark/")
    assert listing.status_code == 200
    assert geopark.name_vi in listing.content.decode()
    assert client.get(f"/admin/snippets/territory/geopark/edit/{geopark.pk}/").status_code == 200
