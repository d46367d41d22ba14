from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class AudioGuidesConfig(plugins.GeoparkApp):
    """Audio guides: a recording per site and language, with its transcript, narrator and licence,
    uploaded by editors, published once another member of the board approves it, played on the
    site's page and carried in a route's offline pack when small enough."""

    name = "geopark.audioguides"
    label = "audioguides"
    verbose_name = _("Audio guides")

    roles = "geopark.audioguides.roles:ROLE_PERMISSIONS"
    dataset_steps = ("geopark.audioguides.dataset:ensure_review",)
    site_sections = {"audio": "geopark.audioguides.sections:player"}
    offline_pack = "geopark.audioguides.offline:route_recordings"
    query_count_world = "geopark.audioguides.tests.world"
    shown_on = {
        # The player on the site page (through GeoparkApp.site_sections), and the recordings in a
        # route's offline pack (GeoparkApp.offline_pack); the API does not list guides.
        "audioguides.AudioGuide": ("heritage:site_detail", "api-v1:route_offline_pack"),
    }
