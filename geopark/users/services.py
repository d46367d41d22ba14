"""Roles: named groups with the least permissions their work needs."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITORS = "Editors"

# Editors keep the inventory and routes and publish them; they do not manage users or settings.
EDITOR_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("heritage", "add_site"),
    ("heritage", "change_site"),
    ("heritage", "publish_site"),
    ("heritage", "view_site"),
    ("routes", "add_route"),
    ("routes", "change_route"),
    ("routes", "view_route"),
    ("territory", "change_geopark"),
    ("territory", "view_geopark"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
}


@transaction.atomic
def ensure_roles() -> None:
    group, _ = Group.objects.get_or_create(name=EDITORS)
    wanted = []
    for app_label, codename in EDITOR_PERMISSIONS:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is not None:
            wanted.append(perm)
    group.permissions.set(wanted)
