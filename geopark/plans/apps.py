from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class PlansConfig(plugins.GeoparkApp):
    name = "geopark.plans"
    label = "plans"
    verbose_name = _("Plans")

    public_urls = "geopark.plans.urls"
    url_prefix = "plans/"
    api_router = "geopark.plans.api:router"
    sitemaps = {"plans": "geopark.plans.sitemaps:PlanSitemap"}
    sitemap_views = ("plans:plan_list",)
    roles = "geopark.plans.roles:ROLE_PERMISSIONS"
    account_scopes = "geopark.plans.scopes:SCOPES"
    audited_models = "geopark.plans.audit:AUDITED"
    dataset_steps = ("geopark.plans.dataset:load_plans",)
    query_count_urls = (
        "/vi/plans/",
        "/vi/plans/ke-hoach-2026/",
        "/api/v1/plans",
        "/api/v1/plans/ke-hoach-2026",
        "/api/v1/plans/ke-hoach-2026/tasks",
    )
    query_count_world = "geopark.plans.tests.world"
    bench_urls = "geopark.plans.selectors:bench_urls"
