from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class ScreensConfig(plugins.GeoparkApp):
    """Screens in public places: touch kiosks at the information centres and LED displays in the
    city and at the border gate, each at its own unguessable address, rotating the featured sites,
    the events and the active safety notices in the languages the board chose for it."""

    name = "geopark.screens"
    label = "screens"
    verbose_name = _("Screens")

    # /screens/<token>/ outside the language prefix: a screen's languages are its own, and the
    # page cache (which keeps /<lang>/ and /api/v1/ pages) never holds its data.
    root_urls = "geopark.screens.urls:root_urls"
    roles = "geopark.screens.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.screens.dataset:load",)
    query_count_urls = ("/screens/world-screen-token/data.json",)
    query_count_world = "geopark.screens.tests.world"
