from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class PassportConfig(plugins.GeoparkApp):
    """The geo-passport: a visitor collects a stamp at a site (by scanning its signboard or by being
    there, from the phone's location), answers the site's question, and earns a route's badge once
    all its sites are stamped. Stamps live on the phone; the board sees anonymous counts per day."""

    name = "geopark.passport"
    label = "passport"
    verbose_name = _("Geo-passport")

    public_urls = "geopark.passport.urls"
    url_prefix = "passport/"
    api_router = "geopark.passport.api:router"
    roles = "geopark.passport.roles:ROLE_PERMISSIONS"
    sitemap_views = ("passport:passport",)
    query_count_urls = ("/en/passport/", "/en/sites/tam-thanh/")
    query_count_world = "geopark.passport.tests.world"
    shown_on = {
        # A question is shown on its site's page (the stamp panel) and in the passport.
        "passport.Question": ("passport:*", "heritage:site_detail"),
        "passport.StampDay": (),
        "passport.BadgeDay": (),
    }

    def ready(self) -> None:
        from geopark.heritage import passport_links

        from .links import PassportLinks

        passport_links.register(PassportLinks())
