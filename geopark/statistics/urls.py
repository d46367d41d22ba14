from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("tourism/", views.open_data, name="open_data"),
    path("tourism/tourism.<str:fmt>", views.download, name="download"),
]
