"""The contact form, with the spam checks that need no third-party service: a honeypot field, a
minimum time to fill the form (a signed, single-use timestamp), and limits on every length."""

from __future__ import annotations

import secrets
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from geopark.operations import ratelimit

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
_SALT = "geopark.content.contact"


def issue_token(now: float | None = None) -> str:
    """A signed timestamp (when the form was shown) and a random nonce. Signed so a bot cannot
    backdate it; the nonce makes each token single-use (see ContactForm.clean): one page shown
    cannot be replayed to send many messages."""
    shown_at = int(now if now is not None else time.time())
    return signing.dumps({"t": shown_at, "n": secrets.token_urlsafe(12)}, salt=_SALT)


def _read_token(token: str) -> tuple[int, str] | None:
    try:
        value = signing.loads(token, salt=_SALT, max_age=MAX_FORM_AGE_SECONDS)
    except (signing.BadSignature, TypeError):
        return None
    # A token of the former shape (a bare timestamp, no nonce) cannot be made single-use.
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("t"), int)
        or not isinstance(value.get("n"), str)
    ):
        return None
    return value["t"], value["n"]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your email address"), max_length=254, help_text=_("We reply to this address.")
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 5,000 characters."),
    )
    # Hidden from people (and from screen readers); bots that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    token = forms.CharField(widget=forms.HiddenInput, max_length=200)

    error_messages = {
        "honeypot": _("This message looks automated and was not sent. Please leave the last field empty."),
        "too_fast": _(
            "That was quicker than a person can type. Please wait a few seconds and send the form again."
        ),
        "expired": _("This form is too old or was changed. Please send it again."),
        "subject_lines": _("The subject must fit on one line."),
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

    def clean_subject(self) -> str:
        # The subject becomes an email header when the message is answered ("Re: …"); a line break
        # there would end the header (BadHeaderError) or, in a looser mailer, start a new one.
        subject = self.cleaned_data["subject"]
        if "\r" in subject or "\n" in subject:
            raise forms.ValidationError(self.error_messages["subject_lines"], code="subject_lines")
        return subject

    def clean(self) -> dict:
        cleaned = super().clean()
        token = _read_token(self.data.get("token", ""))
        if token is None:
            raise forms.ValidationError(self.error_messages["expired"], code="expired")
        shown_at, nonce = token
        age = self.now - shown_at
        if age > MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(self.error_messages["expired"], code="expired")
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(self.error_messages["too_fast"], code="too_fast")
        # Used up only by a message that is otherwise accepted: a person correcting a typo sends
        # the same form again. Remembered where every worker sees it, for as long as it is valid.
        if not self.errors and not ratelimit.once(
            "contact-token", nonce, window_seconds=MAX_FORM_AGE_SECONDS
        ):
            raise forms.ValidationError(self.error_messages["expired"], code="expired")
        return cleaned

    @property
    def only_typos(self) -> bool:
        """Bound and invalid for reasons a person makes (no trap field filled, no bad token)."""
        bot_signs = {"honeypot", "too_fast", "expired"}
        return not any(
            error.code in bot_signs for errors in self.errors.as_data().values() for error in errors
        )

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
