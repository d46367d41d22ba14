from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class PartnersConfig(plugins.GeoparkApp):
    """The partner network: the public directory with labels, partnership agreements, logo licences
    anyone can check, and the register of certified guides."""

    name = "geopark.partners"
    label = "partners"
    verbose_name = _("Partner network")

    # /<lang>/partners/…, /<lang>/guides/…, /<lang>/labels/<code>/
    public_urls = "geopark.partners.urls"
    url_prefix = ""
    public_sections = {"partners": "geopark.partners.selectors:partner_list"}
    api_router = "geopark.partners.api:router"
    sitemaps = {"partners": "geopark.partners.sitemaps:PartnerSitemap"}
    sitemap_views = ("partners:partner_list", "partners:guide_list", "partners:label_lookup")
    sitemap_exempt = {
        "partners:label_check": "one page per licence code, reached from the product's label",
        "partners:licence_print": "the board's printable licence",
        "partners:certificate_check": "one page per certificate number, reached from the certificate",
    }
    search_sources = ("geopark.partners.indexing:SOURCES",)
    roles = "geopark.partners.roles:ROLE_PERMISSIONS"
    account_scopes = "geopark.partners.scopes:SCOPES"
    audited_models = "geopark.partners.audit:AUDITED"
    query_count_world = "geopark.partners.tests.world"
    query_count_urls = (
        "/vi/partners/",
        "/en/partners/?kind=homestay&language=en",
        "/zh/partners/?label=ocop",
        "/vi/partners/world-partner-1/",
        "/vi/guides/",
        "/en/guides/?language=en",
        "/vi/labels/WORLD-1/",
        "/vi/sites/tam-thanh/",
        "/api/v1/partners",
        "/api/v1/partners?near=21.85,106.76&kind=homestay",
        "/api/v1/partners.geojson",
        "/api/v1/labels/WORLD-1",
        "/api/v1/guides",
    )
    query_count_exempt = {
        "partners:licence_print": "one licence, no list",
        "partners:certificate_check": "one certificate, no list",
        "partners:label_lookup": "a fixed form without records",
    }
    bench_urls = "geopark.partners.bench:urls"
    # Where a partner's listing, photos, labels, licences and guides appear (operations/pagecache.py):
    # a partner editing its listing drops these cached pages, not the whole portal's.
    _PARTNER_PAGES = (
        "partners:*",
        "heritage:site_detail",  # "Stay nearby", through heritage.partner_links
        "search",
        "api-v1:list_partners",
        "api-v1:partners_geojson",
        "api-v1:check_label",
        "api-v1:list_guides",
        "api-v1:check_certificate",
        "api-v1:search",
        "sitemap",
        "sitemap_section",
    )
    shown_on = {
        "partners.Partner": _PARTNER_PAGES,
        "partners.PartnerPhoto": _PARTNER_PAGES,
        "partners.Label": _PARTNER_PAGES,
        "partners.LogoLicence": _PARTNER_PAGES,
        "partners.Guide": _PARTNER_PAGES,
        # Accounts and proposed changes stay in the admin; an approved change is saved on Partner.
        "partners.PartnerAccount": (),
        "partners.ListingChange": (),
    }

    def ready(self) -> None:
        # Heritage, below this app, shows the partners near a site through what this app hands it.
        from geopark.heritage import partner_links

        from .links import SitePartnerLinks

        partner_links.register(SitePartnerLinks())
