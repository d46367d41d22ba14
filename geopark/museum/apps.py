from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumConfig(AppConfig):
    name = "geopark.museum"
    label = "museum"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Museum collection")
