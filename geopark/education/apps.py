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
    sitemap_views = ("education:education",)
    roles = "geopark.education.roles:ROLE_PERMISSIONS"
    query_count_world = "geopark.education.tests.world"
    query_count_urls = ("/vi/education/", "/en/education/?audience=primary")
