from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class ReportingConfig(plugins.GeoparkApp):
    name = "geopark.reporting"
    label = "reporting"
    verbose_name = _("Reports")
    roles = "geopark.reporting.roles:ROLE_PERMISSIONS"

    def ready(self) -> None:
        # Each app's `reports` module registers the reports it can build (registry.register), the
        # way Django's admin finds `admin` modules: reporting stays below the apps it serves.
        autodiscover_modules("reports")
