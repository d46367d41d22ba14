"""Forms of conservation: the Brilha score sheet, the visitor's report, moderation, and the admin
forms of inspections and follow-up actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

# --- Brilha assessment -----------------------------------------------------------------------


class AssessmentForm(forms.Form):
    """One required score (0–4) per criterion, each level explained; an incomplete form never saves."""

    assessed_on = forms.DateField(
        label=_("Date of assessment"), widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sources, what was seen on site, anything the next assessor should know."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from . import assessment as brilha

        for criterion in brilha.CRITERIA:
            self.fields[self.field_name(criterion.key)] = forms.TypedChoiceField(
                label=criterion.label,
                choices=[(str(level), text) for level, text in enumerate(criterion.levels)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose a score for “%(criterion)s”.") % {"criterion": criterion.label},
                },
            )

    @staticmethod
    def field_name(key: str) -> str:
        return f"c_{key}"

    def scores(self) -> dict[str, int]:
        from . import assessment as brilha

        return {c.key: self.cleaned_data[self.field_name(c.key)] for c in brilha.CRITERIA}

    def groups(self) -> list[dict]:
        """The criteria by form section, each with its bound field, weights and level texts."""
        from . import assessment as brilha

        sections = []
        for key, title, intro in brilha.GROUPS:
            rows = []
            for criterion in brilha.CRITERIA:
                if criterion.group != key:
                    continue
                rows.append(
                    {
                        "criterion": criterion,
                        "field": self[self.field_name(criterion.key)],
                        "weights": [
                            (brilha.VALUE_ABBREVIATIONS[v], brilha.VALUE_LABELS[v], w)
                            for v, w in criterion.weights.items()
                        ],
                    }
                )
            sections.append({"key": key, "title": title, "intro": intro, "rows": rows})
        return sections


# --- Visitor reports -------------------------------------------------------------------------

PHONE_RE = r"^\+?[0-9][0-9 ().-]{5,19}$"


class VisitorReportForm(forms.Form):
    """What a visitor may send from a site page or the API; shared so both check the same things."""

    kind = forms.ChoiceField(label=_("What are you reporting?"), widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("What did you see, and where exactly?"),
        min_length=10,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lat = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    contact = forms.CharField(
        label=_("Email or phone (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only the geopark staff see it, in case they need to ask you something."),
    )
    # A field people never see; software filling in every field fills this one too.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from .models import ReportKind

        self.fields["kind"].choices = ReportKind.choices

    @property
    def is_spam(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    def clean_photo(self):
        from .photos import clean_photo

        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return clean_photo(upload)

    def clean_contact(self) -> str:
        import re

        from django.core.validators import validate_email

        value = (self.cleaned_data.get("contact") or "").strip()
        if not value:
            return ""
        if "@" in value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(_("Enter a valid email address or phone number.")) from None
            return value
        if not re.match(PHONE_RE, value):
            raise forms.ValidationError(_("Enter a valid email address or phone number."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."), code="position")
        return data


# --- Moderation ------------------------------------------------------------------------------


class ModerateReportForm(forms.Form):
    state = forms.ChoiceField(label=_("Decision"))
    note = forms.CharField(
        label=_("Note (staff only)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from .models import ReportState

        self.fields["state"].choices = [
            (s.value, s.label) for s in (ReportState.ACCEPTED, ReportState.REJECTED, ReportState.NEW)
        ]


class ReportToInspectionForm(forms.Form):
    condition = forms.ChoiceField(label=_("Condition"))
    threats = forms.MultipleChoiceField(
        label=_("Threats observed"), required=False, widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Empty: the visitor's description is used."),
    )
    # The scientist signs the inspection, as an assessment is signed: it is recorded as theirs.
    sign = forms.BooleanField(required=True)

    def __init__(self, *args, signer: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from .models import Condition, Threat

        self.fields["condition"].choices = Condition.choices
        self.fields["threats"].choices = Threat.choices
        self.fields["sign"].label = _("I inspected this and sign it as %(name)s") % {"name": signer}
        self.fields["sign"].error_messages["required"] = _("An inspection must be signed.")


class FollowUpFields(forms.Form):
    description = forms.CharField(label=_("What needs doing"), widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    owner = forms.ModelChoiceField(label=_("Owner (account)"), queryset=None, required=False)
    owner_name = forms.CharField(label=_("Owner (name)"), required=False, max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["owner"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("owner") and not (data.get("owner_name") or "").strip():
            raise forms.ValidationError(_("Give the owner: an account or a name."))
        return data


# --- Snippet forms ---------------------------------------------------------------------------


class InspectionAdminForm(WagtailAdminModelForm):
    """Threats as tick boxes (stored as a list), and no date in the future."""

    threats = forms.MultipleChoiceField(
        label=_("Threats observed"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from .models import Threat

        self.fields["threats"].choices = Threat.choices
        if "inspector" in self.fields:
            from django.contrib.auth import get_user_model
            from django.db.models import Q

            # Whoever may record an inspection (the Scientists role grants it, see `users`): asked
            # of the permission, not of the role's name, which belongs to the app above this one.
            self.fields["inspector"].queryset = (
                get_user_model()
                .objects.filter(
                    Q(is_superuser=True)
                    | Q(
                        groups__permissions__codename="add_inspection",
                        groups__permissions__content_type__app_label="conservation",
                    )
                    | Q(
                        user_permissions__codename="add_inspection",
                        user_permissions__content_type__app_label="conservation",
                    )
                )
                .distinct()
            )


class FollowUpAdminForm(WagtailAdminModelForm):
    """Keeps `done_at` in step with the status an editor picks."""

    def clean(self):
        from django.utils import timezone

        from .models import FollowUpStatus

        data = super().clean()
        if data.get("status") == FollowUpStatus.DONE and not self.instance.done_at:
            self.instance.done_at = timezone.now()
        elif data.get("status") == FollowUpStatus.OPEN:
            self.instance.done_at = None
        return data
