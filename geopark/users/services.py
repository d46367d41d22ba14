"""Roles: named groups with the least permissions their work needs."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from geopark.core.plugins import geopark_apps, load
from geopark.core.roles import APPROVERS, EDITORS, KEEPERS, MODERATORS, SCIENTISTS

__all__ = ["APPROVERS", "EDITORS", "KEEPERS", "MODERATORS", "SCIENTISTS", "ensure_roles", "role_permissions"]

# What each role holds of Wagtail itself; what it holds of each app is declared by that app
# (GeoparkApp.roles) and added by role_permissions(). Every role reaches the admin.
LIBRARY_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
    },
    # Approvers (the board members who sign off pages, sites and routes) approve or reject what is
    # submitted to the "Board approval" workflow; the approval itself publishes
    # (content.workflow.publish_approved), so they hold no publish right: their own edits are
    # submitted like anyone's and go to another approver.
    APPROVERS: {("wagtailadmin", "access_admin")},
    # Scientists attach inspection photos.
    SCIENTISTS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    },
    MODERATORS: {("wagtailadmin", "access_admin")},
    KEEPERS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    },
}
# Image and document rights in Wagtail are granted per collection. Learning resources are Wagtail
# documents; scientists and keepers attach photos.
COLLECTION_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    },
    SCIENTISTS: {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")},
    KEEPERS: {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")},
}
# Page rights over the whole page tree (every language): editors write and submit pages for
# approval; they cannot publish, so every page passes the "Board approval" workflow. Approvers
# review. Moderators hold none (Wagtail's first migration gives its "Moderators" group more).
PAGE_PERMISSIONS: dict[str, set[str]] = {
    EDITORS: {"add_page", "change_page"},
    APPROVERS: {"change_page"},
    MODERATORS: set(),
}


def role_permissions() -> dict[str, set[tuple[str, str]]]:
    """Every role's (app_label, codename) permissions: Wagtail's, then what each installed app grants."""
    roles = {name: set(pairs) for name, pairs in LIBRARY_PERMISSIONS.items()}
    for app in geopark_apps():
        if app.roles:
            for name, pairs in load(app.roles).items():
                roles.setdefault(name, {("wagtailadmin", "access_admin")}).update(pairs)
    return roles


def _permissions(pairs: set[tuple[str, str]]) -> list[Permission]:
    wanted = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is not None:
            wanted.append(perm)
    return wanted


@transaction.atomic
def ensure_roles() -> None:
    """Each role a group with exactly the permissions its work needs (safe to run again)."""
    for name, pairs in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(pairs))
    for name, pairs in COLLECTION_PERMISSIONS.items():
        _ensure_collection_permissions(name, pairs)
    # The "Moderators" group Wagtail creates may manage images and documents; ours only moderates.
    _drop_collection_permissions(MODERATORS)
    for name, codenames in PAGE_PERMISSIONS.items():
        _ensure_page_permissions(name, codenames)


def _ensure_page_permissions(group_name: str, codenames: set[str]) -> None:
    """Exactly these page rights on the tree's root (so every language's tree), no others."""
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=group_name)
    wanted = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    GroupPagePermission.objects.filter(group=group).exclude(page=root, permission__in=wanted).delete()
    for perm in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)


def _drop_collection_permissions(group_name: str) -> None:
    from wagtail.models import GroupCollectionPermission

    GroupCollectionPermission.objects.filter(group__name=group_name).delete()


def _ensure_collection_permissions(group_name: str, pairs: set[tuple[str, str]]) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=group_name)
    for perm in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)
