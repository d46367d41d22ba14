from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/<slug:slug>/", views.partner_detail, name="partner_detail"),
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/check/", views.certificate_check, name="certificate_check"),
    path("labels/", views.label_lookup, name="label_lookup"),
    path("labels/<str:code>/", views.label_check, name="label_check"),
    path("labels/<str:code>/licence/", views.licence_print, name="licence_print"),
]
