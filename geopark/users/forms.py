"""The admin's invitation form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class RoleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Group) -> str:
        return gettext(obj.name)  # role names are marked in core.roles and the apps' roles.py


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    roles = RoleChoiceField(
        label=_("Roles"),
        queryset=Group.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Give only what the person's work needs. Scopes (an agency, a commune, a listing) are set afterwards."
        ),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="vi")
