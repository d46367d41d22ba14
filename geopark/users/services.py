"""Roles: named groups with the least permissions their work needs."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission, User
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from geopark.core.plugins import geopark_apps, load
from geopark.core.roles import APPROVERS, EDITORS, KEEPERS, MODERATORS, SCIENTISTS
from geopark.core.scopes import account_scopes

from .models import Invitation

__all__ = [
    "APPROVERS",
    "EDITORS",
    "KEEPERS",
    "MODERATORS",
    "SCIENTISTS",
    "accept",
    "ensure_roles",
    "invite",
    "resend",
    "role_permissions",
]

# What each role holds of Wagtail itself; what it holds of each app is declared by that app
# (GeoparkApp.roles) and added by role_permissions(). Every role reaches the admin.
LIBRARY_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
    },
    # Approvers (the board members who sign off pages, sites and routes) approve or reject what is
    # submitted to the "Board approval" workflow; the approval itself publishes
    # (content.workflow.publish_approved), so they hold no publish right: their own edits are
    # submitted like anyone's and go to another approver.
    APPROVERS: {("wagtailadmin", "access_admin")},
    # Scientists attach inspection photos.
    SCIENTISTS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    },
    MODERATORS: {("wagtailadmin", "access_admin")},
    KEEPERS: {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    },
}
# Image and document rights in Wagtail are granted per collection. Learning resources are Wagtail
# documents; scientists and keepers attach photos.
COLLECTION_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    EDITORS: {
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    },
    SCIENTISTS: {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")},
    KEEPERS: {("wagtailimages", "add_image"), ("wagtailimages", "choose_image")},
}
# Page rights over the whole page tree (every language): editors write and submit pages for
# approval; they cannot publish, so every page passes the "Board approval" workflow. Approvers
# review. Moderators hold none (Wagtail's first migration gives its "Moderators" group more).
PAGE_PERMISSIONS: dict[str, set[str]] = {
    EDITORS: {"add_page", "change_page"},
    APPROVERS: {"change_page"},
    MODERATORS: set(),
}


def role_permissions() -> dict[str, set[tuple[str, str]]]:
    """Every role's (app_label, codename) permissions: Wagtail's, then what each installed app grants."""
    roles = {name: set(pairs) for name, pairs in LIBRARY_PERMISSIONS.items()}
    for app in geopark_apps():
        if app.roles:
            for name, pairs in load(app.roles).items():
                roles.setdefault(name, {("wagtailadmin", "access_admin")}).update(pairs)
    return roles


def _permissions(pairs: set[tuple[str, str]]) -> list[Permission]:
    wanted = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is not None:
            wanted.append(perm)
    return wanted


@transaction.atomic
def ensure_roles() -> None:
    """Each role a group with exactly the permissions its work needs (safe to run again)."""
    for name, pairs in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(pairs))
    for name, pairs in COLLECTION_PERMISSIONS.items():
        _ensure_collection_permissions(name, pairs)
    # The "Moderators" group Wagtail creates may manage images and documents; ours only moderates.
    _drop_collection_permissions(MODERATORS)
    for name, codenames in PAGE_PERMISSIONS.items():
        _ensure_page_permissions(name, codenames)


def _ensure_page_permissions(group_name: str, codenames: set[str]) -> None:
    """Exactly these page rights on the tree's root (so every language's tree), no others."""
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=group_name)
    wanted = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    GroupPagePermission.objects.filter(group=group).exclude(page=root, permission__in=wanted).delete()
    for perm in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)


def _drop_collection_permissions(group_name: str) -> None:
    from wagtail.models import GroupCollectionPermission

    GroupCollectionPermission.objects.filter(group__name=group_name).delete()


def _ensure_collection_permissions(group_name: str, pairs: set[tuple[str, str]]) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=group_name)
    for perm in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


# --- Invitations ---------------------------------------------------------------------------------


class InvitationError(Exception):
    """Why an invitation cannot be made or sent, in words for the person inviting; `field` is the
    form field it is about (None: the whole invitation)."""

    def __init__(self, message: str, field: str | None = "email") -> None:
        super().__init__(message)
        self.field = field


class InvitationTokens(PasswordResetTokenGenerator):
    """The invitation link's token: its own salt, so a password-reset link never works as an
    invitation and back. Like a reset link it dies when the password is chosen, and after
    PASSWORD_RESET_TIMEOUT."""

    key_salt = "geopark.users.invitation"


invitation_tokens = InvitationTokens()


def invitation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("users_welcome", kwargs={"uidb64": uid, "token": invitation_tokens.make_token(user)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(invitation: Invitation) -> None:
    """The invitation e-mail, in the language the board chose for the person."""
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    with translation.override(invitation.language):
        subject = _("Your account on the %(site)s platform") % {"site": settings.WAGTAIL_SITE_NAME}
        body = render_to_string(
            "users/invitation_email.txt",
            {
                "invitation": invitation,
                "link": invitation_link(invitation.user),
                "hours": hours,
                "site": settings.WAGTAIL_SITE_NAME,
                "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.get_username()
                if invitation.invited_by
                else "",
            },
        )
    send_mail(subject, body, None, [invitation.email])
    invitation.sent_at = timezone.now()
    invitation.times_sent += 1
    invitation.save(update_fields=["sent_at", "times_sent"])


@transaction.atomic
def invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    roles: list[Group],
    language: str,
    invited_by: User,
    scopes: dict[str, str] | None = None,
) -> Invitation:
    """An account that cannot sign in until its owner chooses a password through the link sent
    to `email`, holding `roles` and their `scopes` ({AccountScope.key: chosen value}) from the
    start. Nothing is kept when a scope cannot be given."""
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    if User.objects.filter(models.Q(email__iexact=email) | models.Q(username__iexact=email)).exists():
        raise InvitationError(
            _("An account with the e-mail address %(email)s already exists.") % {"email": email}
        )
    user = User(
        username=email.lower(), email=email, first_name=first_name, last_name=last_name, is_active=True
    )
    user.set_unusable_password()
    user.save()
    user.groups.set(roles)
    by_key = {scope.key: scope for scope in account_scopes()}
    for key, value in (scopes or {}).items():
        if key not in by_key:
            raise InvitationError(_("There is no scope called “%(key)s”.") % {"key": key}, field=None)
        try:
            by_key[key].assign(user, str(value))
        except ValidationError as error:
            raise InvitationError(" ".join(error.messages), field=f"scope_{key}") from error
    invitation = Invitation.objects.create(user=user, email=email, language=language, invited_by=invited_by)
    invitation.roles.set(roles)
    _set_admin_language(user, language)
    # The e-mail goes out only once the account exists for sure.
    transaction.on_commit(lambda: _send(invitation))
    return invitation


def resend(invitation: Invitation) -> None:
    if not invitation.is_pending:
        raise InvitationError(
            _("%(email)s has already accepted the invitation.") % {"email": invitation.email}
        )
    _send(invitation)


@transaction.atomic
def accept(user: User) -> None:
    """The invited person has chosen a password (Django's SetPasswordForm saved it)."""
    Invitation.objects.filter(user=user, accepted_at__isnull=True).update(accepted_at=timezone.now())


def _set_admin_language(user: User, language: str) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
