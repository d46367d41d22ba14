"""The project's addresses: what every installed app declares (geopark.core.plugins), mounted here,
plus the admin, the API, the sitemaps and, last, Wagtail's page tree."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from config.sitemaps import SITEMAPS
from geopark.core import sitemaps
from geopark.core.plugins import geopark_apps, load

# The database failing outside a view (in a middleware) still answers the friendly 503.
handler500 = "geopark.operations.faults.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    *(pattern for app in geopark_apps() if app.root_urls for pattern in load(app.root_urls)),
    # An index of sections, each paged (core.sitemaps.I18nSitemap.limit records a page).
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]

# Each app's public pages under its prefix, in every language; Wagtail's pages take what is left.
urlpatterns += i18n_patterns(
    *(path(app.url_prefix, include(app.public_urls)) for app in geopark_apps() if app.public_urls),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
