from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from geopark.heritage import selectors as heritage
from geopark.heritage.models import SiteType
from geopark.routes import selectors as routes

from . import selectors, services
from .forms import ContactForm, issue_token

if TYPE_CHECKING:
    from .models import ContactPage, NewsIndexPage

# Messages one address may post to the contact form per hour; the rest get a 429 page.
CONTACT_POSTS_PER_HOUR = 10


def map_page(request: HttpRequest) -> HttpResponse:
    """The full map. Its data comes from the API; the page itself carries the filters and the
    tile settings, and a plain list of sites for people without JavaScript."""
    return render(
        request,
        "content/map.html",
        {
            "geopark": heritage.current_geopark(),
            "routes": routes.route_list(),
            "type_choices": SiteType.choices,
            "tile_url": settings.GEOPARK_TILE_URL,
            "tile_attribution": settings.GEOPARK_TILE_ATTRIBUTION,
        },
    )


def news_index(request: HttpRequest, index: NewsIndexPage, *, category_slug: str = "") -> HttpResponse:
    """/<lang>/news/ (filter: ?category=<slug>) and /<lang>/news/category/<slug>/."""
    slug = category_slug or request.GET.get("category", "")
    category = selectors.category_by_slug(slug)
    if category_slug and category is None:
        raise Http404(_("No news category with this address."))
    page_obj = Paginator(selectors.news_list(index, category=category), index.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return index.render(
        request,
        context_overrides={
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "category": category,
            "unknown_category": bool(slug) and category is None,
            "categories": selectors.categories_with_news(index),
        },
    )


def _client_address(request: HttpRequest) -> str:
    # The direct peer only: a forwarded-for header is whatever the client says it is.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _over_rate_limit(request: HttpRequest) -> bool:
    key = f"contact-posts:{_client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > CONTACT_POSTS_PER_HOUR


def contact(request: HttpRequest, page: ContactPage) -> HttpResponse:
    """GET shows the form; POST stores the message and redirects (so a reload sends nothing twice),
    or shows the form again, with everything typed kept, and says what to fix (400), or asks to
    wait (429)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST)
        if _over_rate_limit(request):
            status = 429
        elif form.is_valid():
            services.receive_contact_message(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                lang=translation.get_language() or settings.LANGUAGE_CODE,
            )
            return HttpResponseRedirect(f"{request.path}?sent=1")
        else:
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
