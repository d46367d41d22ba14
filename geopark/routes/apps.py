from django.apps import AppConfig


class RoutesConfig(AppConfig):
    name = "geopark.routes"
    label = "routes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Heritage, below this app, shows the routes a site is on through what this app hands it.
        from geopark.heritage import route_links

        from .selectors import SiteRouteLinks

        route_links.register(SiteRouteLinks())
