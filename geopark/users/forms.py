"""The admin's invitation form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geopark.core.scopes import AccountScope, account_scopes


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
            "Give only what the person's work needs. A role that reaches only part of the platform (a "
            "commune, an agency, a listing) needs its scope below."
        ),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="vi")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One optional choice per scope the installed apps declare (core.scopes).
        self.scopes: list[AccountScope] = account_scopes()
        for scope in self.scopes:
            self.fields[f"scope_{scope.key}"] = forms.ChoiceField(
                label=scope.label,
                help_text=scope.help_text,
                choices=[("", "—"), *((str(value), label) for value, label in scope.choices())],
                required=False,
            )

    def clean(self) -> dict:
        """Least privilege: a scope goes with a role that it narrows, and a role that some scope
        narrows is given only with one of its scopes (a partner with no listing, or a commune
        officer with no commune, would see nothing, or worse, be widened by a later change)."""
        data = super().clean()
        chosen = {group.name for group in data.get("roles") or []}
        for scope in self.scopes:
            if data.get(f"scope_{scope.key}") and not chosen.intersection(scope.roles):
                self.add_error(
                    f"scope_{scope.key}",
                    gettext("This goes with the role %(roles)s: choose it too, or leave this empty.")
                    % {"roles": " / ".join(f"“{gettext(name)}”" for name in scope.roles)},
                )
        for role in sorted(chosen):
            narrowing = [scope for scope in self.scopes if role in scope.roles]
            if narrowing and not any(data.get(f"scope_{scope.key}") for scope in narrowing):
                self.add_error(
                    "roles",
                    gettext("The role “%(role)s” needs its scope: choose %(scopes)s.")
                    % {
                        "role": gettext(role),
                        "scopes": gettext(" or ").join(f"“{scope.label}”" for scope in narrowing),
                    },
                )
        data["scopes"] = {
            scope.key: data.pop(f"scope_{scope.key}")
            for scope in self.scopes
            if data.get(f"scope_{scope.key}")
        }
        for scope in self.scopes:
            data.pop(f"scope_{scope.key}", None)
        return data
