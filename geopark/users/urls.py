from django.urls import path

from . import views

# Outside the language prefix: the invitation says which language the page speaks.
root_urls = [
    path("accounts/welcome/<uidb64>/<token>/", views.WelcomeView.as_view(), name="users_welcome"),
]
