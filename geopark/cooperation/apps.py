from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class CooperationConfig(plugins.GeoparkApp):
    name = "geopark.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    # No public pages: the log is the board's; the province's figures go out through the API.
    api_router = "geopark.cooperation.api:router"
    # Where the log appears (operations/pagecache.py): only the summary API counts delegations,
    # network activities and the opening balances; agreements are in no public answer.
    _SUMMARY = ("api-v1:cooperation_summary",)
    shown_on = {
        "cooperation.Delegation": _SUMMARY,
        "cooperation.NetworkActivity": _SUMMARY,
        "cooperation.OpeningBalance": _SUMMARY,
        "cooperation.Agreement": (),
    }
    roles = "geopark.cooperation.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.cooperation.dataset:load",)
    query_count_urls = ("/api/v1/cooperation/summary", "/api/v1/cooperation/summary?year=2025")
    query_count_world = "geopark.cooperation.tests.world"
