from django.urls import path

from . import views

# No namespace: the search page is {% url "search" %}.
urlpatterns = [path("search/", views.search_page, name="search")]
