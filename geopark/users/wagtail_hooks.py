"""The accounts pages in the admin: invitations under Settings, the change history under Reports."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from geopark.core.menus import GatedMenuItem

from . import admin_views


@hooks.register("register_settings_menu_item")
def invitations_menu_item():
    return GatedMenuItem(
        gettext_lazy("Invitations"),
        reverse("users_admin:invitations"),
        icon_name="mail",
        order=610,
        name="invitations",
        permissions=admin_views.INVITE,
    )


@hooks.register("register_reports_menu_item")
def history_menu_item():
    return GatedMenuItem(
        gettext_lazy("Change history"),
        reverse("users_admin:history"),
        icon_name="history",
        order=900,
        name="change-history",
        permissions=admin_views.VIEW_HISTORY,
    )


@hooks.register("register_admin_urls")
def users_admin_urls():
    patterns = [
        path("invitations/", admin_views.invitations, name="invitations"),
        path("invitations/<int:pk>/resend/", admin_views.resend, name="resend"),
        path("history/", admin_views.history, name="history"),
    ]
    return [path("accounts/", include((patterns, "users_admin"), namespace="users_admin"))]
