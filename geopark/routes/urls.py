from django.urls import path

from . import views

app_name = "routes"
urlpatterns = [
    path("", views.route_list, name="route_list"),
    path("<int:number>/", views.route_detail, name="route_detail_short"),
    path("<int:number>-<slug:slug>/", views.route_detail, name="route_detail"),
]
