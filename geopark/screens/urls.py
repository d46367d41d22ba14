from django.urls import include, path

from . import views

patterns = [
    path("<str:token>/", views.screen, name="screen"),
    path("<str:token>/data.json", views.data, name="data"),
]

# Outside the language prefix (GeoparkApp.root_urls), named screens:screen and screens:data.
root_urls = [path("screens/", include((patterns, "screens"), namespace="screens"))]
