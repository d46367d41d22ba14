from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class TourismConfig(plugins.GeoparkApp):
    name = "geopark.tourism"
    label = "tourism"
    bench_urls = "geopark.tourism.bench:urls"
    # Monthly figures reach the public only as aggregates: the open-data page and files, the plans'
    # indicators and the API (operations/pagecache.py). Establishments show elsewhere too: not listed.
    _FIGURE_PAGES = ("statistics:*", "plans:*", "api-v1:*")
    shown_on = {"tourism.MonthlyFigure": _FIGURE_PAGES, "tourism.MonthTotal": _FIGURE_PAGES}
    verbose_name = _("Tourism statistics")

    api_router = "geopark.tourism.api:router"
    audited_models = "geopark.tourism.audit:AUDITED"
    roles = "geopark.tourism.roles:ROLE_PERMISSIONS"
    account_scopes = "geopark.tourism.scopes:SCOPES"
    query_count_world = "geopark.tourism.tests.world"
    query_count_urls = (
        "/api/v1/tourism/monthly",
        "/api/v1/tourism/monthly?from=2021-01&to=2030-12",
        "/api/v1/tourism/monthly?commune=QC-1&kind=homestay",
        "/api/v1/tourism/year-to-date",
        "/api/v1/tourism/year-to-date?commune=QC-1",
        "/api/v1/tourism/establishments",
        "/api/v1/tourism/establishments?lang=en&commune=QC-1&kind=homestay",
    )
