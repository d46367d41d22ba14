from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class SignboardsConfig(plugins.GeoparkApp):
    """The signboards at the sites: a printable board per site (A4 and A3) and per route, whose QR
    code leads to the site's permanent short address, and how often each board is used, per day,
    with nothing about who used it."""

    name = "geopark.signboards"
    label = "signboards"
    verbose_name = _("Signboards")

    roles = "geopark.signboards.roles:ROLE_PERMISSIONS"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 (connects the short-link counter)
