from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Pure helpers every app may use (text folding, geo maths, languages, formatting, API shapes).
    What runs the site (middleware, page cache, health, backups, rate limits) is `operations`."""

    name = "geopark.core"
    label = "core"
