from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "geopark.heritage"
    label = "heritage"
    default_auto_field = "django.db.models.BigAutoField"
