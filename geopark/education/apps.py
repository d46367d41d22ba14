from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "geopark.education"
    label = "education"
    verbose_name = _("Education")
    default_auto_field = "django.db.models.BigAutoField"
