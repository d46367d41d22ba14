from django.utils.translation import gettext_lazy as _

from geopark.core import plugins


class EducationConfig(plugins.GeoparkApp):
    name = "geopark.education"
    label = "education"
    bench_urls = "geopark.education.bench:urls"
    verbose_name = _("Education")

    public_urls = "geopark.education.urls"
    url_prefix = "education/"
    public_sections = {"education": "geopark.education.selectors:public_content"}
    # Its records appear on its one page only (operations/pagecache.py); the menu's entry follows
    # the first or last public record by itself (content.sections.check_transition).
    shown_on = {
        "education.LearningResource": ("education:*",),
        "education.GeoparkCorner": ("education:*",),
        "education.Programme": ("education:*",),
    }
    sitemap_views = ("education:education",)
    roles = "geopark.education.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.education.tests.world"
    query_count_urls = ("/vi/education/", "/en/education/?audience=primary")
