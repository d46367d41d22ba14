from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "geopark.search"
    label = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Keeping the index in step with what is published is bookkeeping, not domain logic: it is
        # wired to Wagtail's publish signals so every way of publishing (admin, scheduled) is covered.
        from . import receivers  # noqa: F401
