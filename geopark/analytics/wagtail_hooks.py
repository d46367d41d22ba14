"""The reach of the portal in the admin menu (for those who may see it) and its URLs."""

from __future__ import annotations

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from geopark.core.menus import GatedMenuItem

from . import admin_views


@hooks.register("register_admin_menu_item")
def reach_menu_item():
    return GatedMenuItem(
        gettext_lazy("Reach of the portal"),
        reverse("analytics_admin:reach"),
        icon_name="view",
        name="analytics-reach",
        order=240,
        shown=admin_views.may_view,
    )


@hooks.register("register_admin_urls")
def analytics_urls():
    patterns = [
        path("", admin_views.reach, name="reach"),
        re_path(r"^export\.(?P<kind>csv|xlsx)$", admin_views.export, name="export"),
    ]
    return [path("reach/", include((patterns, "analytics_admin"), namespace="analytics_admin"))]
