from django.urls import path

from . import views

app_name = "trips"

urlpatterns = [
    path("", views.plan_form, name="plan_form"),
    path("<str:plan_id>/", views.plan_detail, name="plan_detail"),
    path("<str:plan_id>/plan.gpx", views.plan_gpx, name="plan_gpx"),
    path("<str:plan_id>/plan.kml", views.plan_kml, name="plan_kml"),
    path("<str:plan_id>/plan.geojson", views.plan_geojson, name="plan_geojson"),
]
