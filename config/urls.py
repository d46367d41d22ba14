from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from config.sitemaps import SITEMAPS
from geopark.content import views as content_views
from geopark.core import sitemaps
from geopark.core import views as core_views
from geopark.heritage import views as heritage_views
from geopark.routes import views as route_views
from geopark.search import views as search_views

heritage_patterns = (
    [
        path("", heritage_views.site_list, name="site_list"),
        path("<slug:slug>/", heritage_views.site_detail, name="site_detail"),
        path("<slug:slug>/report/", heritage_views.report_create, name="site_report"),
        path("<slug:slug>/report/thanks/", heritage_views.report_thanks, name="site_report_thanks"),
    ],
    "heritage",
)
route_patterns = (
    [
        path("", route_views.route_list, name="route_list"),
        path("<int:number>/", route_views.route_detail, name="route_detail_short"),
        path("<int:number>-<slug:slug>/", route_views.route_detail, name="route_detail"),
    ],
    "routes",
)

# The database failing outside a view (in a middleware) still answers the friendly 503.
handler500 = "geopark.core.faults.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("s/<str:code>", heritage_views.site_short_link, name="site_short_link"),
    path("healthz", core_views.health, name="health"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # An index of sections, each paged (core.sitemaps.I18nSitemap.limit records a page).
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("", core_views.root_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path("sites/", include(heritage_patterns)),
    path("routes/", include(route_patterns)),
    path("map/", content_views.map_page, name="map"),
    path("search/", search_views.search_page, name="search"),
    path("events/", include("geopark.events.urls")),
    path("education/", include("geopark.education.urls")),
    path("collection/", include("geopark.museum.urls")),
    path("plans/", include("geopark.plans.urls")),  # plans: temporary wiring
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
