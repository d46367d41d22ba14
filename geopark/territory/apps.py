from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "geopark.territory"
    label = "territory"
    default_auto_field = "django.db.models.BigAutoField"
