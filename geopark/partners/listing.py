"""A partner keeps its own listing up to date: it proposes, someone else on the board approves, and
only then does the public listing change. Partners see and propose for their own listing only."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ChangeStatus, ListingChange, Partner, PartnerAccount

# What a partner may change itself: how it presents itself and how to reach it. Its kind, place,
# labels, link to the statistics and publication stay with the board.
EDITABLE = (
    "description_vi",
    "description_en",
    "description_zh",
    "season_vi",
    "season_en",
    "season_zh",
    "phone",
    "email",
    "website",
    "languages",
    "price_band",
)


class ListingChangeError(Exception):
    """Why a proposal or a review cannot be taken, in words for the person."""


class ListingForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = EDITABLE
        widgets = {f"description_{code}": forms.Textarea(attrs={"rows": 4}) for code in ("vi", "en", "zh")}


def partner_of(user) -> Partner | None:
    """The partner this person speaks for, if any."""
    if not user.is_authenticated:
        return None
    account = PartnerAccount.objects.select_related("partner").filter(user=user).first()
    return account.partner if account else None


def pending(partner: Partner) -> ListingChange | None:
    return partner.changes.filter(status=ChangeStatus.PENDING).first()


def _values(partner: Partner) -> dict[str, str]:
    return {name: getattr(partner, name) or "" for name in EDITABLE}


@transaction.atomic
def propose(user, data) -> ListingChange:
    """Record what the partner's person proposes; the listing itself does not change. A proposal
    replaces the one still waiting, if any."""
    partner = partner_of(user)
    if partner is None:
        raise PermissionDenied
    form = ListingForm(data, instance=Partner.objects.get(pk=partner.pk))
    if not form.is_valid():
        raise forms.ValidationError(form.errors)
    proposed = {name: form.cleaned_data[name] or "" for name in EDITABLE}
    if proposed == _values(partner):
        raise ListingChangeError(_("Nothing was changed: the listing already reads like this."))
    change = pending(partner) or ListingChange(partner=partner)
    change.proposed, change.submitted_by = proposed, user
    change.save()
    return change


@dataclass(frozen=True)
class FieldDiff:
    field: str
    current: str
    proposed: str


def differences(change: ListingChange) -> list[FieldDiff]:
    current = _values(change.partner)
    labels = {name: str(Partner._meta.get_field(name).verbose_name) for name in EDITABLE}
    return [
        FieldDiff(labels[name], current[name], change.proposed.get(name, ""))
        for name in EDITABLE
        if change.proposed.get(name, "") != current[name]
    ]


def _reviewable(change: ListingChange, reviewer) -> None:
    if change.status != ChangeStatus.PENDING:
        raise ListingChangeError(_("This change has already been reviewed."))
    if change.submitted_by_id == reviewer.pk:
        raise ListingChangeError(
            _("No one approves their own change: another member of the board reviews it.")
        )


@transaction.atomic
def approve(change: ListingChange, reviewer) -> Partner:
    """Publish the proposal on the listing (the listing's own rules checked again)."""
    change = ListingChange.objects.select_for_update().select_related("partner").get(pk=change.pk)
    _reviewable(change, reviewer)
    form = ListingForm(change.proposed, instance=change.partner)
    if not form.is_valid():
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
        raise ListingChangeError(
            _("The proposal no longer fits the listing's rules: %(problems)s") % {"problems": problems}
        )
    partner = form.save()
    change.status, change.reviewed_by, change.reviewed_at = ChangeStatus.APPROVED, reviewer, timezone.now()
    change.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return partner


@transaction.atomic
def reject(change: ListingChange, reviewer, reason: str) -> None:
    change = ListingChange.objects.select_for_update().get(pk=change.pk)
    _reviewable(change, reviewer)
    if not reason.strip():
        raise ListingChangeError(_("Say why the change is not accepted: the partner reads it."))
    change.status, change.reviewed_by, change.reviewed_at = ChangeStatus.REJECTED, reviewer, timezone.now()
    change.reason = reason.strip()
    change.save(update_fields=["status", "reviewed_by", "reviewed_at", "reason"])
