"""Wagtail's page lookup, remembered per path (issue 18, point 9).

To find the page of `/vi/news/<slug>/` Wagtail walks the tree: the language's home page, then one
child per path segment, each fetched twice (the page, then its specific kind). On a page-cache miss
that walk is a third of the news article's time. This middleware remembers, per site, language and
path, where the walk ended (the page's kind and id, the arguments of a routable page's view and
what the routing left on the request), and sets it as the request's route before Wagtail's serve
view runs, which then uses it instead of walking. One query fetches the page itself.

Never stale:
- it is remembered with `pagecache.remembered` under the tags of every page kind, so any page
  saved, published, unpublished, moved or deleted, a view restriction, a site or a locale (all of
  which move "*" or a page kind's tags) drops every remembered route;
- the page is fetched again on every request, and only if it is still live at the same URL path,
  else Wagtail walks as usual. So a page gone in a way no signal tells (a bulk update) is not served;
- only a path that led to a page is remembered: a 404 is not, so random addresses fill nothing.

View restrictions, drafts and previews are untouched: Wagtail's `before_serve_page` hooks still run
on the page, and a preview does not go through the serve view.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from . import pagecache

ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


@functools.cache
def _page_tags() -> tuple[str, ...]:
    """What a write to any page kind moves (the declarations do not change while running)."""
    tags: set[str] = set()
    for model in apps.get_models():
        if issubclass(model, Page):
            tags.update(pagecache.tags_for_model(model))
    return tuple(sorted(tags))


class _NotKept(Exception):
    """The walk found no page: nothing to remember (the request has Wagtail's own answer)."""


def _walk(request: HttpRequest, path: str) -> tuple[str, int, str, tuple, dict, dict[str, Any]]:
    """Wagtail's own routing for this request; what to remember of where it ended."""
    before = set(vars(request))
    result = Page.route_for_request(request, path)
    if result is None:
        raise _NotKept
    page = result.page
    # What the routing left on the request (a routable page's resolver match, the home page's
    # fallback to the Vietnamese tree) is set again on a request that takes the remembered route.
    left = {
        name: value for name, value in vars(request).items() if name not in before and name != ROUTE_ATTRIBUTE
    }
    return (
        page._meta.label,
        page.pk,
        page.url_path,
        tuple(result.args),
        dict(result.kwargs),
        left,
    )


def remembered_route(request: HttpRequest, path: str) -> None:
    """Set the request's route from memory, or walk and remember. Leaves the request alone when
    there is nothing to say (no site, no page): Wagtail's serve view then answers as it would."""
    site = Site.find_for_request(request)
    if site is None:
        return
    vary = (site.pk, translation.get_language(), path)
    try:
        label, pk, url_path, args, kwargs, left = pagecache.remembered(
            "wagtail-route", _page_tags(), lambda: _walk(request, path), vary=vary
        )
    except _NotKept:
        return
    if hasattr(request, ROUTE_ATTRIBUTE):
        return  # walked just now: the request has the route already
    model = apps.get_model(label)
    # With what every page reads of itself (its locale: the language links, structured data) and
    # what its kind names in `route_related` (a news article's category), in the same query.
    related = ("locale", *getattr(model, "route_related", ()))
    found = list(
        model._default_manager.select_related(*related).filter(pk=pk, live=True, url_path=url_path)[:1]
    )
    if not found:
        return
    page = found[0]
    for name, value in left.items():
        setattr(request, name, value)
    setattr(request, ROUTE_ATTRIBUTE, RouteResult(page, args=args, kwargs=dict(kwargs)))


class RememberedRouteMiddleware:
    """Runs `remembered_route` just before Wagtail's serve view, for GET and HEAD."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> None:
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or match is None or match.url_name != "wagtail_serve":
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        remembered_route(request, path)
        return None
