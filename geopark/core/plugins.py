"""What each app contributes to the project, declared in its own `apps.py`, collected here.

An app of the platform subclasses `GeoparkApp` and names, as dotted paths (imported only when the
project asks, so declaring costs nothing at start-up and cannot make an import cycle), what it adds:
its public pages, API router, sitemap sections, search sources, roles, dataset files and the URLs the
query-count test and the scale benchmark fetch. `config/urls.py`, `config/api.py`, `config/sitemaps.py`,
the search index, `ensure_roles`, `load_geopark`, `tests/test_query_counts.py` and `bench/scale.py`
read them from here, so adding an app is its own folder plus one line in `INSTALLED_APPS`.

A dotted path is "package.module:attribute" (or "package.module" for a whole URLconf module).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.apps import AppConfig, apps


class GeoparkApp(AppConfig):
    """An app of the platform. Every attribute below is optional; leave out what the app lacks.

    Subclass it as `plugins.GeoparkApp` (import the module, not the class): Django takes an app's
    config from its apps.py only when that module holds exactly one AppConfig subclass."""

    default_auto_field = "django.db.models.BigAutoField"

    # Public pages, in every language, at /<lang>/<url_prefix>: a URLconf module with `app_name`
    # (its namespace) and `urlpatterns`. url_prefix "" mounts the patterns at the language's root.
    public_urls: str = ""
    url_prefix: str = ""
    # Pages outside the language prefix (short links, health, files): a URLconf module's urlpatterns.
    root_urls: str = ""
    # The app's ninja Router, "module:attribute", mounted at /api/v1/.
    api_router: str = ""
    # Sitemap sections, {section name: "module:SitemapClass"}, and the URL names of the app's list
    # pages without records of their own, which the "views" section lists in every language.
    sitemaps: Mapping[str, str] = {}
    sitemap_views: Sequence[str] = ()
    # Public URL names no sitemap lists, each with the reason (a form, a calendar file): {name: reason}.
    sitemap_exempt: Mapping[str, str] = {}
    # What the app gives to search: "module:attribute" of core.indexing.IndexSource objects.
    search_sources: Sequence[str] = ()
    # "module:attribute" of a {role name: {(app_label, permission codename), ...}} mapping: the
    # permissions this app grants to each role (role names in core.roles, or the app's own roles).
    roles: str = ""
    # Dataset steps, "module:function", run by load_geopark after geopark.toml and the roles, in the
    # order of INSTALLED_APPS, then of this list (so an app's rows may refer to what the apps
    # before it loaded: communes, sites, routes, events). A step is called as step(folder, report, geopark=..., progress=...) with the
    # dataset folder (a Path), the load report (core.loading.LoadReport), the loaded Geopark and
    # a progress wrapper progress(iterable, description); it must be safe to run again.
    dataset_steps: Sequence[str] = ()
    # Query counts: the URLs of this app's pages and endpoints that tests/test_query_counts.py
    # fetches in a small and then a grown world, and the module building the app's part of that
    # world: seed(world: dict) makes the named records the URLs ask for, grow(world: dict) adds more
    # than a page of each thing the pages list (world is shared: "geopark", "commune", then what the
    # apps before put there, e.g. "site", "route").
    query_count_urls: Sequence[str] = ()
    query_count_world: str = ""
    # Public URL names that need no query-count coverage, each with the reason (a form's thank-you
    # page, a redirect): {url name: reason}.
    query_count_exempt: Mapping[str, str] = {}
    # The scale benchmark (bench/scale.py): "module:function" returning {label: url} of pages to
    # time in the large generated database.
    bench_urls: str = ""
    # Records whose every change is kept with who, when, and each field before and after
    # (django-auditlog, registered by the users app, shown in the admin's "Change history"):
    # "module:attribute" of a sequence of {"model": Model, "exclude": [field names not kept, such as
    # a password], "m2m": [many-to-many fields whose additions and removals are kept]}.
    audited_models: str = ""
    # "module:attribute" of a sequence of core.scopes.AccountScope: the records (an agency, a
    # commune, a partner) a role of this app is narrowed to, offered when a person is invited.
    account_scopes: str = ""
    # The public page cache (operations/pagecache.py): on which public pages this app's records
    # appear, {model label: page groups}. A page group is a URL name ("heritage:site_detail", "map",
    # "search:search", "api-v1:partners_list"), a Wagtail page model ("content.NewsPage"), or a
    # pattern of them ("partners:*", "api-v1:*"); "*" alone is every page. Saving or deleting a
    # record of a listed model drops only the cached pages of its groups (and the fragments keyed
    # by them); a public model of the app left out drops every cached page, which is always correct.
    # List every page that shows the records, or any part of them: a page forgotten here shows
    # the old record until GEOPARK_PAGE_CACHE_SECONDS runs out.
    shown_on: Mapping[str, Sequence[str]] = {}
    # Public sections that can be empty, {section key: "module:function"}: function() returns the
    # QuerySet (or a list of QuerySets) of the section's public records. The menu and the home page
    # leave out a section with none (content.sections asks them all in one query, kept until a write).
    public_sections: Mapping[str, str] = {}
    # What the home page shows of the app, {key: "module:function"}: function(limit) returns up to
    # `limit` records, soonest or newest first (events: "What's on"); the home page includes the
    # template "<app label>/includes/home_<key>.html" with them as `items`.
    home_items: Mapping[str, str] = {}
    # What the app adds to a route's offline pack (geopark/offline, "Save for offline" on a route's
    # page): "module:function", called as function(route, lang) with the public route (its stops and
    # their sites already fetched: `route.stops.all()`, `stop.site`) and a language code, returning
    # the same-origin addresses to store (pages, files, API answers) in that language. It must ask
    # a constant number of queries whatever the number of stops.
    offline_pack: str = ""
    # Sections the app adds to a heritage site's public page, {key: "module:function"}:
    # function(request, site) returns the section's HTML ("" for none), placed after the site's
    # summary in the order of INSTALLED_APPS. Heritage keeps what it returns per worker for the
    # site, language and day until a write to a model shown on "heritage:site_detail" (shown_on),
    # so it must not depend on who asks.
    site_sections: Mapping[str, str] = {}


def geopark_apps() -> Iterator[GeoparkApp]:
    """The installed platform apps, in the order of INSTALLED_APPS."""
    for config in apps.get_app_configs():
        if isinstance(config, GeoparkApp):
            yield config


def load(path: str) -> Any:
    """The object a declaration names: "module:attribute" or a whole module ("module")."""
    module, _, attribute = path.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded
