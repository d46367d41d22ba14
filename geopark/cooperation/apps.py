from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class CooperationConfig(plugins.GeoparkApp):
    name = "geopark.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    # No public pages: the log is the board's; the province's figures go out through the API.
    api_router = "geopark.cooperation.api:router"
    roles = "geopark.cooperation.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.cooperation.dataset:load",)
    query_count_urls = ("/api/v1/cooperation/summary", "/api/v1/cooperation/summary?year=2025")
    query_count_world = "geopark.cooperation.tests.world"
