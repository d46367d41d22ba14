from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class AnalyticsConfig(plugins.GeoparkApp):
    name = "geopark.analytics"
    label = "analytics"
    verbose_name = _("Reach of the portal")

    # No public page and no API: the counts are the board's, shown in the admin and in the reports.
    roles = "geopark.analytics.roles:ROLE_PERMISSIONS"

    def ready(self) -> None:
        # Views counted in this process's memory are written when it stops (gunicorn ends a worker
        # with sys.exit, which runs atexit), so a restart loses none.
        import atexit

        from . import buffer

        atexit.register(buffer.flush_at_exit)
