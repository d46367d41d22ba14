from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "geopark.core"
    label = "core"
