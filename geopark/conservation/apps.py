from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class ConservationConfig(plugins.GeoparkApp):
    """Brilha assessments, inspections and their follow-up actions, visitor reports, the staff pages
    and the PDF dossier: what is done to keep the inventory's sites (heritage, below) intact."""

    name = "geopark.conservation"
    label = "conservation"
    verbose_name = _("Conservation")

    # The report form lives under its site's address: /<lang>/sites/<slug>/report/.
    public_urls = "geopark.conservation.urls"
    url_prefix = "sites/"
    api_router = "geopark.conservation.api:router"
    # Where conservation records appear (operations/pagecache.py): a site's current Brilha
    # assessment is in the assessments API and in the site's API answer (not on the site page, which
    # shows only the report form; the form pages are listed in case they ever show it). Inspections,
    # their photos and follow-up actions stay in the staff pages; visitor reports are never
    # published (VisitorReport.affects_public_pages).
    shown_on = {
        "conservation.Assessment": ("api-v1:list_assessments", "api-v1:get_site", "conservation:*"),
        "conservation.Inspection": (),
        "conservation.InspectionPhoto": (),
        "conservation.FollowUpAction": (),
    }
    roles = "geopark.conservation.roles:ROLE_PERMISSIONS"
    sitemap_exempt = {
        "conservation:site_report": "a form, one per site",
        "conservation:site_report_thanks": "the form's thank-you page",
    }
    query_count_urls = ("/api/v1/assessments",)
    query_count_exempt = {
        "conservation:site_report": "a form about one site, no list",
        "conservation:site_report_thanks": "a fixed thank-you page",
    }

    def ready(self) -> None:
        # Heritage, below this app, shows a site's assessment and report form through what this
        # app hands it.
        from geopark.heritage import conservation_links

        from .links import SiteConservationLinks

        conservation_links.register(SiteConservationLinks())
