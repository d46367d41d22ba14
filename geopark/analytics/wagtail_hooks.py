"""The reach of the portal in the admin menu (for those who may see it) and its URLs."""

from __future__ import annotations

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class ReachMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_view(request.user)


@hooks.register("register_admin_menu_item")
def reach_menu_item():
    return ReachMenuItem(
        gettext_lazy("Reach of the portal"),
        reverse("analytics_admin:reach"),
        icon_name="view",
        name="analytics-reach",
        order=240,
    )


@hooks.register("register_admin_urls")
def analytics_urls():
    patterns = [
        path("", admin_views.reach, name="reach"),
        re_path(r"^export\.(?P<kind>csv|xlsx)$", admin_views.export, name="export"),
    ]
    return [path("reach/", include((patterns, "analytics_admin"), namespace="analytics_admin"))]
