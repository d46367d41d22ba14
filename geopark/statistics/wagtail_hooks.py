from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class DashboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return DashboardMenuItem(
        gettext_lazy("Statistics dashboard"),
        reverse("statistics_admin:dashboard"),
        icon_name="table",
        name="statistics-dashboard",
        order=230,
    )


@hooks.register("register_admin_urls")
def statistics_urls():
    patterns = [
        path("", admin_views.dashboard, name="dashboard"),
        path("export.<str:fmt>", admin_views.export, name="export"),
    ]
    return [path("statistics/", include((patterns, "statistics_admin"), namespace="statistics_admin"))]
