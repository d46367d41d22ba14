"""The page where an invited person chooses a password, in the language of the invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _

from . import services
from .models import Invitation


class WelcomeView(auth_views.PasswordResetConfirmView):
    """Django's password-reset confirmation with the invitation's token: a link works once and
    dies with the chosen password; the token leaves the address bar before the form is shown."""

    token_generator = services.invitation_tokens
    template_name = "users/welcome.html"
    success_url = reverse_lazy("wagtailadmin_login")
    post_reset_login = False

    def dispatch(self, *args, **kwargs):
        user = self.get_user(kwargs["uidb64"])
        invitation = Invitation.objects.filter(user=user).first() if user else None
        language = invitation.language if invitation else translation.get_language()
        with translation.override(language):
            response = super().dispatch(*args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            return response

    def form_valid(self, form):
        response = super().form_valid(form)
        services.accept(form.user)
        messages.success(self.request, _("Your password is set. You can sign in now."))
        return response
