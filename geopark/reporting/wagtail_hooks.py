from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from geopark.core.menus import GatedMenuItem

from . import admin_views


@hooks.register("register_admin_menu_item")
def reports_menu():
    return GatedMenuItem(
        gettext_lazy("Periodic reports"),
        reverse("reporting_admin:index"),
        icon_name="doc-full",
        name="reports",
        order=220,
        permissions=admin_views.VIEW,
    )


@hooks.register("register_admin_urls")
def reports_urls():
    patterns = [
        path("", admin_views.index, name="index"),
        path("status.json", admin_views.status, name="status"),
        path("<int:pk>/download/", admin_views.download, name="download"),
        path("letterhead/", admin_views.letterhead, name="letterhead"),
    ]
    return [path("reports/", include((patterns, "reporting_admin"), namespace="reporting_admin"))]
