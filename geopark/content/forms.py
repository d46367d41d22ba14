"""The contact form, with the spam checks that need no third-party service: a honeypot field, a
minimum time to fill the form (a signed timestamp), and limits on every length."""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
_SALT = "geopark.content.contact"


def issue_token(now: float | None = None) -> str:
    """A signed timestamp: when the form was shown. Signed so a bot cannot backdate it."""
    return signing.dumps(int(now if now is not None else time.time()), salt=_SALT)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your email address"), max_length=254,
                             help_text=_("We reply to this address."))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), max_length=5000, min_length=10,
                              widget=forms.Textarea(attrs={"rows": 8}),
                              help_text=_("Up to 5,000 characters."))
    # Hidden from people (and from screen readers); bots that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    token = forms.CharField(widget=forms.HiddenInput, max_length=200)

    error_messages = {
        "honeypot": _("This message looks automated and was not sent. Please leave the last field empty."),
        "too_fast": _("That was quicker than a person can type. Please wait a few seconds and send the "
                      "form again."),
        "expired": _("This form is too old or was changed. Please send it again."),
    }

    def __init__(self, *args, now: float | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.now = now if now is not None else time.time()
        if not self.is_bound:
            self.initial["token"] = issue_token(self.now)
        for name in ("name", "email", "subject", "message"):
            self.fields[name].widget.attrs["maxlength"] = self.fields[name].max_length
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(self.error_messages["honeypot"], code="honeypot")
        return ""

    def clean(self) -> dict:
        cleaned = super().clean()
        try:
            shown_at = signing.loads(self.data.get("token", ""), salt=_SALT, max_age=MAX_FORM_AGE_SECONDS)
        except (signing.BadSignature, TypeError):
            raise forms.ValidationError(self.error_messages["expired"], code="expired") from None
        age = self.now - int(shown_at)
        if age > MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(self.error_messages["expired"], code="expired")
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(self.error_messages["too_fast"], code="too_fast")
        return cleaned

    def describe_fields(self) -> ContactForm:
        """Tie each input to its help text and error (aria-describedby) so screen readers read them."""
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"id_{name}-help")
            if name in self.errors:
                ids.append(f"id_{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self
