from django.urls import path, re_path

from . import illustration_views, views

# Outside the language prefix: the load balancer's health check, robots.txt, and the bare domain,
# which sends a visitor to their language.
root_urls = [
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", views.root_redirect, name="root"),
    # Drawn pictures standing in for photographs (core.illustrations).
    re_path(
        r"^illustrations/(?P<version>[0-9]+)/(?P<motif>[a-z]+)/(?P<seed>[A-Za-z0-9_-]{1,80})\.(?P<ext>svg|png)$",
        illustration_views.illustration,
        name="illustration",
    ),
]
