from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class PlansConfig(plugins.GeoparkApp):
    name = "geopark.plans"
    label = "plans"
    verbose_name = _("Plans")
    # Where plans appear (operations/pagecache.py): their own pages, the plans API and (the plans
    # themselves) the sitemap. No other public page, the menu or the home page shows them, so an
    # agency's progress report no longer drops the whole portal's cache. Targets reach the
    # statistics dashboard only (admin), not the open-data page.
    _PLAN_PAGES = ("plans:*", "api-v1:list_plans", "api-v1:plan_detail", "api-v1:plan_tasks")
    shown_on = {
        "plans.Plan": (*_PLAN_PAGES, "sitemap", "sitemap_section"),
        "plans.PlanSection": _PLAN_PAGES,
        "plans.Task": _PLAN_PAGES,
        "plans.Target": _PLAN_PAGES,
        "plans.ProgressReport": _PLAN_PAGES,
        # A task's lead and cooperating agencies are named on the plan page and in the tasks API.
        "plans.Agency": _PLAN_PAGES,
        # Who works for which agency: the admin's scoping only.
        "plans.AgencyMembership": (),
    }

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
