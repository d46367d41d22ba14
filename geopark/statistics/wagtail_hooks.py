from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from geopark.core.menus import GatedMenuItem

from . import admin_views


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return GatedMenuItem(
        gettext_lazy("Statistics dashboard"),
        reverse("statistics_admin:dashboard"),
        icon_name="table",
        name="statistics-dashboard",
        order=230,
        permissions=admin_views.PERMISSION,
    )


@hooks.register("register_admin_urls")
def statistics_urls():
    patterns = [
        path("", admin_views.dashboard, name="dashboard"),
        path("export.<str:fmt>", admin_views.export, name="export"),
    ]
    return [path("statistics/", include((patterns, "statistics_admin"), namespace="statistics_admin"))]
