from django.urls import path

from . import views

app_name = "heritage"
urlpatterns = [
    path("", views.site_list, name="site_list"),
    path("<slug:slug>/", views.site_detail, name="site_detail"),
]

# The permanent short address printed on signboards (/s/<code>), outside the language prefix: it
# opens the site's page in the phone's language.
short_links = [path("s/<str:code>", views.site_short_link, name="site_short_link")]
