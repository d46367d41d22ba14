"""The cooperation log in the admin: its four kinds of record as snippets, and the summary page."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.menus import GatedMenuItem

from . import admin_views
from .models import Agreement, Delegation, NetworkActivity, OpeningBalance

MENU_HOOK = "register_cooperation_menu_item"

# No column of these lists shows a foreign key (countries are codes, sites are not listed), so the
# listings need no JoinedRows: each asks one query whatever its length.


class DelegationViewSet(SnippetViewSet):
    model = Delegation
    icon = "group"
    menu_label = gettext_lazy("Delegations")
    list_display = ["title_vi", "direction", "countries", "start_date", "size"]
    list_filter = ["direction"]
    search_fields = ["title_vi", "organisations", "countries"]


class NetworkActivityViewSet(SnippetViewSet):
    model = NetworkActivity
    icon = "site"
    menu_label = gettext_lazy("Network activities")
    list_display = ["title_vi", "network", "kind", "start_date", "online"]
    list_filter = ["network", "kind"]
    search_fields = ["title_vi", "place"]


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = gettext_lazy("Agreements")
    list_display = ["partner", "kind", "country", "signed_on", "status"]
    list_filter = ["kind", "status"]


class OpeningBalanceViewSet(SnippetViewSet):
    model = OpeningBalance
    icon = "form"
    menu_label = gettext_lazy("Opening balances")
    list_display = ["record_kind", "direction", "network", "country", "count", "as_of"]


VIEWSETS = (DelegationViewSet, NetworkActivityViewSet, AgreementViewSet, OpeningBalanceViewSet)
for viewset in VIEWSETS:
    register_snippet(viewset)


@hooks.register(MENU_HOOK)
def summary_menu_item():
    return GatedMenuItem(
        gettext_lazy("Cooperation summary"),
        reverse("cooperation_admin:summary"),
        icon_name="table",
        order=1,
        name="cooperation-summary",
        shown=admin_views.may_view,
    )


def _snippet_item(viewset: type[SnippetViewSet], order: int):
    model = viewset.model
    meta = model._meta

    class Item(MenuItem):
        def is_shown(self, request) -> bool:
            return request.user.has_perm(f"{meta.app_label}.view_{meta.model_name}")

    return Item(
        viewset.menu_label,
        reverse(model.snippet_viewset.get_url_name("list")),
        icon_name=viewset.icon,
        order=order,
        name=f"cooperation-{meta.model_name}",
    )


for _order, _viewset in enumerate(VIEWSETS, start=2):
    hooks.register(MENU_HOOK, lambda v=_viewset, o=_order: _snippet_item(v, o))


@hooks.register("register_admin_menu_item")
def cooperation_menu():
    return SubmenuMenuItem(
        gettext_lazy("Cooperation"),
        Menu(register_hook_name=MENU_HOOK),
        icon_name="globe",
        name="cooperation",
        order=230,
    )


@hooks.register("register_admin_urls")
def cooperation_urls():
    patterns = [path("", admin_views.summary, name="summary")]
    return [path("cooperation/", include((patterns, "cooperation_admin"), namespace="cooperation_admin"))]
