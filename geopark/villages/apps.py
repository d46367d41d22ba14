from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class VillagesConfig(plugins.GeoparkApp):
    name = "geopark.villages"
    label = "villages"
    verbose_name = _("Model villages")
    # Where model villages appear (operations/pagecache.py): the results page and its API answer,
    # which show the published sets' confirmed rankings (sets, criteria, candidates, assessments
    # and their scores). Nothing else, not the menu: a board's score drops these two only.
    _RESULT_PAGES = ("villages:*", "api-v1:results")
    shown_on = {
        "villages.CriteriaSet": _RESULT_PAGES,
        "villages.Criterion": _RESULT_PAGES,
        "villages.Candidate": _RESULT_PAGES,
        "villages.Assessment": _RESULT_PAGES,
        "villages.Score": _RESULT_PAGES,
        # The history of the board's changes (who, why) stays in the admin.
        "villages.ScoreChange": (),
    }

    public_urls = "geopark.villages.urls"
    url_prefix = "model-villages/"
    api_router = "geopark.villages.api:router"
    sitemap_views = ("villages:results",)
    roles = "geopark.villages.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.villages.dataset:load",)
    query_count_urls = ("/vi/model-villages/", "/api/v1/model-villages")
    query_count_world = "geopark.villages.tests.world"
