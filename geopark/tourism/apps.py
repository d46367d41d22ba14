from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class TourismConfig(plugins.GeoparkApp):
    name = "geopark.tourism"
    label = "tourism"
    bench_urls = "geopark.tourism.bench:urls"
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
