from django.urls import path
from django.views.generic import TemplateView

from . import views

# No namespace: the map page is {% url "map" %} (the pages themselves are served by Wagtail).
urlpatterns = [
    path("map/", views.map_page, name="map"),
    # What the portal knows and how sure it is: the public side of the editors' completeness panel.
    path("about-our-data/", TemplateView.as_view(template_name="content/about_data.html"), name="about_data"),
]
