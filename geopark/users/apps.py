from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class UsersConfig(plugins.GeoparkApp):
    name = "geopark.users"
    label = "users"
    verbose_name = _("Accounts")

    roles = "geopark.users.roles:ROLE_PERMISSIONS"
    audited_models = "geopark.users.audit:AUDITED"
    # The page where an invited person chooses a password (outside the language prefix: the
    # invitation says which language it speaks).
    root_urls = "geopark.users.urls:root_urls"

    def ready(self) -> None:
        from . import audit

        # Every app's models are loaded by now, and every AppConfig is known.
        audit.register_declared()
