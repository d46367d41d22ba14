from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("month/", views.event_month, name="event_month"),
    path("past/", views.event_past, name="event_past"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
]
