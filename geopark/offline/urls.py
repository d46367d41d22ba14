from django.urls import path

from . import views

app_name = "offline"
urlpatterns = [
    path("offline/", views.offline_page, name="offline"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]

# The service worker must be served from the site's root: its scope is then every page of the site.
root = [path("sw.js", views.service_worker, name="service_worker")]
