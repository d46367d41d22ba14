from django.urls import path

from . import views

# Outside the language prefix: the load balancer's health check, robots.txt, and the bare domain,
# which sends a visitor to their language.
root_urls = [
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", views.root_redirect, name="root"),
]
