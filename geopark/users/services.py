"""Roles: named groups with the least permissions their work needs."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITORS = "Editors"
SCIENTISTS = "Scientists"
MODERATORS = "Moderators"
KEEPERS = "Collection keepers"
APPROVERS = "Approvers"

# Editors keep the inventory and routes; they do not manage users or settings. They cannot publish
# a site or a route: a change goes live once the board approves it (the "Board approval" workflow).
EDITOR_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("heritage", "add_site"),
    ("heritage", "change_site"),
    ("heritage", "view_site"),
    ("routes", "add_route"),
    ("routes", "change_route"),
    ("routes", "view_route"),
    ("territory", "change_geopark"),
    ("territory", "view_geopark"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    # Hazard notices warn visitors; editors write and withdraw them.
    ("heritage", "add_hazardnotice"),
    ("heritage", "change_hazardnotice"),
    ("heritage", "view_hazardnotice"),
    # Pages (news, standard pages): news categories, answering the contact form, and sending a
    # page for translation (wagtail-localize). Page rights themselves are EDITOR_PAGE_PERMISSIONS.
    ("content", "add_newscategory"),
    ("content", "change_newscategory"),
    ("content", "view_newscategory"),
    ("content", "change_contactmessage"),
    ("content", "view_contactmessage"),
    ("wagtail_localize", "submit_translation"),
    # Events and the education section. No delete: a past event stays as a record and anything
    # withdrawn is unpublished, so only an administrator removes records.
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_event"),
    ("education", "add_learningresource"),
    ("education", "change_learningresource"),
    ("education", "view_learningresource"),
    ("education", "add_geoparkcorner"),
    ("education", "change_geoparkcorner"),
    ("education", "view_geoparkcorner"),
    ("education", "add_programme"),
    ("education", "change_programme"),
    ("education", "view_programme"),
}
# Learning resources are Wagtail documents, whose rights are granted per collection.
EDITOR_COLLECTION_PERMISSIONS = {
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
}
# Page rights over the whole page tree (every language): editors write and submit pages for
# approval; they cannot publish, so every page passes the "Board approval" workflow.
EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page"}

# Approvers (the board members who sign off pages, sites and routes) see the admin and approve or
# reject what is submitted to the "Board approval" workflow; the approval itself publishes
# (content.workflow.publish_approved), so they hold no publish right: their own edits are
# submitted like anyone's and go to another approver. They read sites and routes to review them.
APPROVER_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("heritage", "view_site"),
    ("routes", "view_route"),
}
APPROVER_PAGE_PERMISSIONS = {"change_page"}

# Scientists (the board's geoscientists) assess sites, inspect them and follow up; they cannot
# change the inventory or overwrite a signed assessment or inspection (no change permission).
SCIENTIST_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("heritage", "view_site"),
    ("conservation", "add_assessment"),
    ("conservation", "view_assessment"),
    ("conservation", "add_inspection"),
    ("conservation", "view_inspection"),
    ("conservation", "add_followupaction"),
    ("conservation", "change_followupaction"),
    ("conservation", "view_followupaction"),
    ("heritage", "add_hazardnotice"),
    ("heritage", "change_hazardnotice"),
    ("heritage", "view_hazardnotice"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
}
# Image permissions in Wagtail are granted per collection; scientists attach inspection photos.
SCIENTIST_COLLECTION_PERMISSIONS = {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")}

# Moderators read what visitors report and decide on it; nothing a visitor sends is published.
MODERATOR_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("conservation", "view_visitorreport"),
    ("conservation", "moderate_visitorreport"),
}

# Collection keepers catalogue the museum's items and excavations and import spreadsheets; they
# read the inventory (to name find sites) but do not change it, and do not delete items.
KEEPER_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("museum", "add_collectionitem"),
    ("museum", "change_collectionitem"),
    ("museum", "view_collectionitem"),
    ("museum", "add_excavation"),
    ("museum", "change_excavation"),
    ("museum", "view_excavation"),
    ("heritage", "view_site"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
}
KEEPER_COLLECTION_PERMISSIONS = {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")}


def _permissions(pairs: set[tuple[str, str]]) -> list[Permission]:
    wanted = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is not None:
            wanted.append(perm)
    return wanted


@transaction.atomic
def ensure_roles() -> None:
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(_permissions(EDITOR_PERMISSIONS))
    _ensure_collection_permissions(EDITORS, EDITOR_COLLECTION_PERMISSIONS)
    for name, pairs in ((SCIENTISTS, SCIENTIST_PERMISSIONS), (MODERATORS, MODERATOR_PERMISSIONS)):
        role, _ = Group.objects.get_or_create(name=name)
        role.permissions.set(_permissions(pairs))
    _ensure_collection_permissions(SCIENTISTS, SCIENTIST_COLLECTION_PERMISSIONS)
    # Wagtail's first migration creates a "Moderators" group that may publish pages and manage
    # images and documents; ours only moderates visitor reports, so those rights are removed.
    _ensure_page_permissions(MODERATORS, set())
    _drop_collection_permissions(MODERATORS)
    keepers, _ = Group.objects.get_or_create(name=KEEPERS)
    keepers.permissions.set(_permissions(KEEPER_PERMISSIONS))
    _ensure_collection_permissions(KEEPERS, KEEPER_COLLECTION_PERMISSIONS)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.set(_permissions(APPROVER_PERMISSIONS))
    _ensure_page_permissions(EDITORS, EDITOR_PAGE_PERMISSIONS)
    _ensure_page_permissions(APPROVERS, APPROVER_PAGE_PERMISSIONS)


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
