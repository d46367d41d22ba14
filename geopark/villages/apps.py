from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class VillagesConfig(plugins.GeoparkApp):
    name = "geopark.villages"
    label = "villages"
    verbose_name = _("Model villages")

    public_urls = "geopark.villages.urls"
    url_prefix = "model-villages/"
    api_router = "geopark.villages.api:router"
    sitemap_views = ("villages:results",)
    roles = "geopark.villages.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.villages.dataset:load",)
    query_count_urls = ("/vi/model-villages/", "/api/v1/model-villages")
    query_count_world = "geopark.villages.tests.world"
