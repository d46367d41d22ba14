from django.apps import AppConfig


class DatasetConfig(AppConfig):
    name = "geopark.dataset"
    label = "dataset"
