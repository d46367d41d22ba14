from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.version import get_main_version


@hooks.register("insert_global_admin_css")
def chart_css() -> str:
    # Every admin page that shows a chart (conservation, plans, cooperation) lets it fit the screen.
    return format_html('<link rel="stylesheet" href="{}">', static("core/charts.css"))


# The admin's menu names each entry once (geopark/core/tests/test_admin_languages.py). Wagtail's
# own entries that read like ours, or like each other, get a name of their own:
# - its "Sites" setting holds the web addresses the portal answers on, not the geopark's sites;
# - its "Workflows" and "Workflow tasks" reports share their names with the settings that define them.
SETTINGS_LABELS = {"sites": gettext_lazy("Web addresses")}
REPORTS_LABELS = {
    "workflows": gettext_lazy("Workflow progress"),
    "workflow-tasks": gettext_lazy("Workflow task progress"),
}


@hooks.register("construct_settings_menu")
def name_settings_apart(request, menu_items) -> None:
    for item in menu_items:
        item.label = SETTINGS_LABELS.get(item.name, item.label)


@hooks.register("construct_reports_menu")
def name_reports_apart(request, menu_items) -> None:
    translations_report = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        item.label = REPORTS_LABELS.get(item.name, item.label)
        if item.url == translations_report:
            # wagtail-localize names it once, at start-up, in the language then active.
            item.label = gettext("Translations")


@hooks.register("construct_help_menu")
def name_help_in_the_admins_language(request, menu_items) -> None:
    # Wagtail words this entry once, at start-up, in the language then active.
    for item in menu_items:
        if item.name.startswith("whats-new-in-wagtail-"):
            item.label = gettext("What's new in Wagtail %(version)s") % {
                "version": get_main_version(include_patch=False)
            }


def _snippet_breadcrumbs(self) -> list[dict]:
    # Wagtail 8 builds a snippet list's first breadcrumbs with `gettext`, once, when the admin's URLs
    # load: they then stay in the language of the first request (an English admin read "Trang chủ").
    # The same items, translated at each request.
    items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]
    if getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False) or not self.get_menu_item_is_registered():
        items.append({"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy("Snippets")})
    return items


SnippetViewSet.breadcrumbs_items = property(_snippet_breadcrumbs)
