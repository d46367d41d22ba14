"""The conservation app's public pages, under a site's address (/<lang>/sites/<slug>/report/)."""

from django.urls import path

from . import views

app_name = "conservation"

urlpatterns = [
    path("<slug:slug>/report/", views.report_create, name="site_report"),
    path("<slug:slug>/report/thanks/", views.report_thanks, name="site_report_thanks"),
]
