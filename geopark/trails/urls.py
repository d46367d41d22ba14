from django.urls import path

from . import views

app_name = "trails"
urlpatterns = [
    path("", views.trail_list, name="trail_list"),
    path("<slug:slug>/", views.trail_detail, name="trail_detail"),
]
