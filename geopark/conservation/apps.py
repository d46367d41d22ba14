from django.utils.translation import gettext_lazy as _

from geopark.core.plugins import GeoparkApp


class ConservationConfig(GeoparkApp):
    """Brilha assessments, inspections and their follow-up actions, visitor reports, the staff pages
    and the PDF dossier: what is done to keep the inventory's sites (heritage, below) intact."""

    # GeoparkApp, imported here, is an app config too: without this Django would pick neither.
    default = True
    name = "geopark.conservation"
    label = "conservation"
    verbose_name = _("Conservation")

    # The report form lives under its site's address: /<lang>/sites/<slug>/report/.
    public_urls = "geopark.conservation.urls"
    url_prefix = "sites/"
    api_router = "geopark.conservation.api:router"

    def ready(self) -> None:
        # Heritage, below this app, shows a site's assessment and report form through what this
        # app hands it.
        from geopark.heritage import conservation_links

        from .links import SiteConservationLinks

        conservation_links.register(SiteConservationLinks())
