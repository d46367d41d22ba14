from django.urls import path

from . import views

# No namespace: the map page is {% url "map" %} (the pages themselves are served by Wagtail).
urlpatterns = [path("map/", views.map_page, name="map")]
