"""Invitations: how a person gets an account. The board invites by e-mail with the roles the work
needs; the invited person chooses a password through the link, so no one else ever knows it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    affects_public_pages = False  # the admin's; the welcome page it leads to is never cached

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitation",
        verbose_name=_("account"),
    )
    email = models.EmailField(_("e-mail"))
    roles = models.ManyToManyField(Group, blank=True, related_name="+", verbose_name=_("roles"))
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="vi",
        help_text=_("The language of the invitation e-mail and of the person's admin."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    times_sent = models.PositiveIntegerField(_("times sent"), default=0)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None
