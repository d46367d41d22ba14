from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from geopark.core.menus import GatedMenuItem

from . import admin_views


@hooks.register("register_admin_menu_item")
def signboards_menu_item():
    return GatedMenuItem(
        gettext_lazy("Signboards"),
        reverse("signboards_admin:index"),
        icon_name="doc-full",
        name="signboards",
        order=245,
        permissions=admin_views.PERMISSION,
    )


@hooks.register("register_admin_urls")
def signboards_urls():
    patterns = [
        path("", admin_views.index, name="index"),
        path("sites/<str:code>.pdf", admin_views.site_board, name="site"),
        path("routes/<int:number>.pdf", admin_views.route_boards, name="route"),
    ]
    return [path("signboards/", include((patterns, "signboards_admin"), namespace="signboards_admin"))]
