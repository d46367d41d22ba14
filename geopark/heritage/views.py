from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core.i18n import is_fallback
from geopark.core.plugins import geopark_apps, load
from geopark.operations.pagecache import remembered, tags_for_group

from . import selectors
from .conservation_links import conservation_links
from .models import SiteType
from .partner_links import partner_links
from .passport_links import passport_links
from .route_links import route_links
from .seo import site_image_url, site_structured_data
from .signals import short_link_used

PAGE_SIZE = 24


class SitePaginator(Paginator):
    """Reads a page through `selectors.page_rows`, so the last page costs what the first does."""

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(selectors.page_rows(self.object_list, bottom, top), number, self)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def site_list(request: HttpRequest) -> HttpResponse:
    site_type = request.GET.get("type", "")
    if site_type not in SiteType.values:
        site_type = ""
    filters = selectors.SiteFilters(
        site_type=site_type,
        route=_int_or_none(request.GET.get("route")),
        commune=request.GET.get("commune", "")[:10],
    )
    number = request.GET.get("page")

    def read_page() -> Page:
        page = SitePaginator(selectors.site_list(filters), PAGE_SIZE).get_page(number)
        # Read now, as it is shared between requests: the rows and the count.
        page.object_list = list(page.object_list)
        page.paginator.count  # noqa: B018 (a cached property, computed here)
        return page

    # The same for every visitor asking this filter and page: read once per process until a site,
    # route, commune or notice changes (what they read moves "*"), or the day turns (notices).
    page = remembered("heritage.site_list.page", (), read_page, vary=(filters, number, timezone.localdate()))
    return render(
        request,
        "heritage/site_list.html",
        {
            "page_obj": page,
            "sites": page.object_list,
            "filters": filters,
            # The filters' choices and counts are the same for every visitor: read once per process
            # until a site, commune or route changes (operations.pagecache.remembered).
            "type_choices": remembered("heritage.site_list.types", (), selectors.type_choices_with_counts),
            "communes": remembered("heritage.site_list.communes", (), selectors.communes_with_sites),
            "routes": remembered("heritage.site_list.routes", (), lambda: list(route_links().choices())),
        },
    )


def site_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Read once per process until a write moves "*" (sites, their photos, routes and notices are
    # undeclared), or the day turns (notices): operations.pagecache.remembered.
    site = remembered(
        "heritage.site_detail.site",
        (),
        lambda: selectors.site_by_slug(slug),
        vary=(slug, timezone.localdate()),
    )
    if site is None:
        raise Http404(_("No site with this address."))
    return render_site(request, site, published=True)


def render_site(request: HttpRequest, site, *, published: bool = False) -> HttpResponse:
    """The public page of `site`: a live one, or a draft shown in the admin's preview (`Site.serve_preview`)."""
    image_url = site_image_url(site)
    parts = {
        "stops": lambda: route_links().stops(site),
        "nearby": lambda: selectors.nearby_sites(site),
        "partners_section": lambda: partner_links().nearby_section(request, site),
        # The empty form, the same for every visitor of this site and language.
        "report_section": lambda: conservation_links().report_section(request, site),
        # What the apps above add (GeoparkApp.site_sections: the audio guide), without heritage
        # naming them.
        "app_sections": lambda: [
            section
            for app in geopark_apps()
            for path in app.site_sections.values()
            if (section := load(path)(request, site))
        ],
    }
    if not published:
        # As Wagtail marks its previews: the fragments of the public pages stay out of a draft's.
        request.is_preview = True
    if published:
        # What the published page shows of other records, kept per worker until a write moves a
        # generation the site page depends on (operations.pagecache.remembered). Never for a draft.
        tags = tags_for_group("heritage:site_detail")
        key = (site.pk, request.LANGUAGE_CODE, timezone.localdate())
        parts = {
            name: (
                lambda name=name, compute=compute: remembered(
                    f"heritage.site.{name}", tags, compute, vary=key
                )
            )
            for name, compute in parts.items()
        }
    return render(
        request,
        "heritage/site_detail.html",
        {
            "site": site,
            "structured_data": site_structured_data(site, request, image_url=image_url),
            "og_image": image_url,
            "stops": parts["stops"](),
            "nearby": parts["nearby"](),
            "description_is_fallback": is_fallback(site, "description"),
            "translation_status": site.translation_status(request.LANGUAGE_CODE),
            "report_section": parts["report_section"](),
            "partners_section": parts["partners_section"](),
            "app_sections": parts["app_sections"](),
            "passport_section": passport_links().stamp_section(request, site) if published else "",
        },
    )


def site_short_link(request: HttpRequest, code: str) -> HttpResponse:
    """The address printed on signboards and QR codes: /s/<code>, forever."""
    site = selectors.site_by_code(code)
    if site is None:
        raise Http404(_("No site with this code."))
    short_link_used.send(sender=type(site), site=site, request=request)
    # "#stamp" (never sent back to the server, so the cached page is the same) tells the page it was
    # reached from the signboard: the geo-passport's stamp panel reads it.
    return HttpResponseRedirect(reverse("heritage:site_detail", kwargs={"slug": site.slug}) + "#stamp")
