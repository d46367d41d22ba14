from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from geopark.heritage import selectors as heritage
from geopark.heritage.models import SiteType
from geopark.operations import ratelimit
from geopark.operations.csrf import from_elsewhere, refused
from geopark.operations.pagecache import remembered, tags_for_group
from geopark.routes import selectors as routes
from geopark.territory.selectors import current_geopark

from . import selectors, services
from .forms import ContactForm, issue_token

if TYPE_CHECKING:
    from .models import ContactPage, NewsIndexPage

# Messages one address may post to the contact form per hour; the rest get a 429 page. Sent
# messages and posts with signs of software (trap field, bad token) count; a person's typos do not.
CONTACT_POSTS_PER_HOUR = 10
CONTACT_LIMIT = ratelimit.Limit("contact-posts", CONTACT_POSTS_PER_HOUR, 3600)


def map_page(request: HttpRequest) -> HttpResponse:
    """The full map. Its data comes from the API; the page itself carries the filters and the
    tile settings, and a plain list of sites for people without JavaScript."""
    # The legend says of each route whether it is drawn (its stops are prefetched: no query more).
    # What it reads is the same for every visitor: kept per process until a site, route or commune
    # changes (they move "*"; operations.pagecache.remembered).
    route_rows = remembered(
        "content.map.routes",
        (),
        lambda: [(route, routes.geometry(route).geojson_line() is not None) for route in routes.route_list()],
    )
    return render(
        request,
        "content/map.html",
        {
            "geopark": current_geopark(),
            "routes": route_rows,
            "type_choices": SiteType.choices,
            # Their labels are translated when read.
            "kinds": remembered(
                "content.map.kinds", (), heritage.kinds_on_map, vary=translation.get_language()
            ),
            "communes": remembered("heritage.site_list.communes", (), heritage.communes_with_sites),
            "tile_url": settings.GEOPARK_TILE_URL,
            "tile_attribution": settings.GEOPARK_TILE_ATTRIBUTION,
        },
    )


def news_index(request: HttpRequest, index: NewsIndexPage, *, category_slug: str = "") -> HttpResponse:
    """/<lang>/news/ (filter: ?category=<slug>) and /<lang>/news/category/<slug>/, read newest first
    from a place in the list (`?before=` / `?after=` an article, see selectors.Cursor). A former
    numbered link (`?page=N`) is sent to where those articles are now."""
    slug = category_slug or request.GET.get("category", "")
    # What the list reads is the same for every visitor of this place in it: kept per process until
    # a write moves a tag the news list depends on (news, categories, "*"; operations.pagecache).
    tags = tags_for_group("content.NewsIndexPage")
    category = remembered(
        "content.news_index.category", tags, lambda: selectors.category_by_slug(slug), vary=slug
    )
    if category_slug and category is None:
        raise Http404(_("No news category with this address."))
    before = selectors.Cursor.parse(request.GET.get("before"))
    after = None if before else selectors.Cursor.parse(request.GET.get("after"))
    if before is None and after is None and "page" in request.GET:
        number = request.GET["page"]
        start = selectors.numbered_page_start(
            index, category=category, number=int(number) if number.isascii() and number.isdigit() else 1
        )
        if start is not None:
            return HttpResponseRedirect(_news_url(request, before=start))

    def read_window() -> tuple[selectors.NewsWindow, list, list]:
        window = selectors.news_window(index, category=category, before=before, after=after)
        return window, selectors.mark_fallbacks(window.articles, index), selectors.categories_with_news(index)

    window, articles, categories = remembered(
        "content.news_index.window",
        tags,
        read_window,
        vary=(index.pk, category.pk if category else None, str(before), str(after)),
    )
    older_url = _news_url(request, before=window.older) if window.older else ""
    newer_url = (
        (_news_url(request, after=window.newer) if window.newer else _news_url(request))
        if window.has_newer
        else ""
    )
    context = {
        "window": window,
        "articles": articles,
        "older_url": older_url,
        "newer_url": newer_url,
        "category": category,
        "unknown_category": bool(slug) and category is None,
        "categories": categories,
    }
    if not window.first and not getattr(request, "content_fallback", ""):
        # A later page is a page of its own for search engines, not a copy of the first.
        context["canonical_url"] = request.build_absolute_uri(_news_url(request, before=before, after=after))
    return index.render(request, context_overrides=context)


def _news_url(request: HttpRequest, *, before: object = None, after: object = None) -> str:
    """This list's address (its category kept) starting before or after a place, or at the top."""
    params = {"category": request.GET["category"]} if request.GET.get("category") else {}
    if before:
        params["before"] = str(before)
    elif after:
        params["after"] = str(after)
    return f"{request.path}?{urlencode(params)}" if params else request.path


def contact(request: HttpRequest, page: ContactPage) -> HttpResponse:
    """GET shows the form; POST stores the message and redirects (so a reload sends nothing twice),
    or shows the form again, with everything typed kept, and says what to fix (400), or asks to
    wait (429)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    status = 200
    if request.method == "POST":
        if from_elsewhere(request):
            return refused(request)
        form = ContactForm(request.POST)
        use = ratelimit.take(CONTACT_LIMIT, ratelimit.client_address(request))
        if not use:
            status = 429
        elif form.is_valid():
            try:
                services.receive_contact_message(
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    subject=form.cleaned_data["subject"],
                    message=form.cleaned_data["message"],
                    lang=translation.get_language() or settings.LANGUAGE_CODE,
                )
            except BaseException:
                use.give_back()
                raise
            return HttpResponseRedirect(f"{request.path}?sent=1")
        else:
            if form.only_typos:
                use.give_back()
            status = 400
    else:
        form = ContactForm()
    context = page.get_context(request)
    context.update(
        form=form.describe_fields(),
        token=issue_token(),
        sent=request.GET.get("sent") == "1" and request.method != "POST",
        rate_limited=status == 429,
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)
