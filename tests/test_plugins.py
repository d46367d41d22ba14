"""The apps plug in: what each declares on its config (core.plugins.GeoparkApp) names real things,
and the project mounts all of it, so adding an app is its folder plus one INSTALLED_APPS line."""

from __future__ import annotations

import pytest
from django.urls import reverse

from config.api import api
from config.sitemaps import SITEMAPS
from geopark.core.indexing import IndexSource
from geopark.core.plugins import GeoparkApp, geopark_apps, load
from geopark.search.services import sources
from geopark.users.services import role_permissions

APPS = list(geopark_apps())


def test_every_platform_app_is_a_geopark_app_and_core_is_only_helpers():
    labels = {app.label for app in APPS}
    assert {"heritage", "routes", "events", "content", "sitesearch", "tourism", "territory"} <= labels
    assert "core" not in labels


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.label)
def test_everything_an_app_declares_can_be_loaded(app: GeoparkApp):
    paths = [app.public_urls, app.root_urls, app.api_router, app.roles, app.query_count_world, app.bench_urls]
    paths += [*app.sitemaps.values(), *app.search_sources, *app.dataset_steps]
    for path in filter(None, paths):
        assert load(path) is not None, path
    for path in app.dataset_steps:
        assert callable(load(path)), path
    if app.query_count_world:
        world = load(app.query_count_world)
        assert callable(world.seed)
        assert callable(world.grow)
    if app.public_urls:
        assert app.query_count_urls, f"{app.label} has public pages but asks no query count"


@pytest.mark.parametrize("app", [a for a in APPS if a.public_urls], ids=lambda app: app.label)
def test_each_apps_public_pages_are_mounted_in_every_language(app: GeoparkApp):
    from django.utils import translation

    module = load(app.public_urls)
    namespace = getattr(module, "app_name", "")
    pattern = module.urlpatterns[0]
    name = f"{namespace}:{pattern.name}" if namespace else pattern.name
    # Any value its converters accept: the test asks where the page is mounted, not which record.
    kwargs = dict.fromkeys(pattern.pattern.converters, "1")
    for lang in ("vi", "en", "zh"):
        with translation.override(lang):
            assert reverse(name, kwargs=kwargs).startswith(f"/{lang}/{app.url_prefix}")


def test_each_apps_router_is_mounted_in_the_api():
    mounted = {id(router) for _, router in api._routers}
    for app in APPS:
        if app.api_router:
            assert id(load(app.api_router)) in mounted, app.label


def test_each_apps_sitemap_sections_and_list_pages_are_in_the_sitemap():
    for app in APPS:
        for section in app.sitemaps:
            assert section in SITEMAPS, (app.label, section)
        for name in app.sitemap_views:
            assert name in SITEMAPS["views"].names, (app.label, name)


def test_each_apps_search_sources_are_indexed_and_each_kind_is_one_source():
    declared = [source for app in APPS for path in app.search_sources for source in load(path)]
    assert list(sources()) == declared
    assert all(isinstance(source, IndexSource) for source in declared)
    kinds = [source.kind for source in declared]
    assert len(kinds) == len(set(kinds))
    assert {"site", "route", "event", "news", "page"} <= set(kinds)


def test_roles_hold_what_each_app_grants_them():
    roles = role_permissions()
    for app in APPS:
        if app.roles:
            for name, pairs in load(app.roles).items():
                assert pairs <= roles[name], (app.label, name)
    # Wagtail's own rights stay with the users app: every role reaches the admin.
    assert all(("wagtailadmin", "access_admin") in pairs for pairs in roles.values())
