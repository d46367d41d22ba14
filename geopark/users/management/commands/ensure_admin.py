"""Make sure someone can log into the admin, without ever using a fixed default password.

With GEOPARK_ADMIN_USERNAME and GEOPARK_ADMIN_PASSWORD set, that account is created as a superuser
when it does not exist, with a password that passes AUTH_PASSWORD_VALIDATORS. An existing account
is never changed silently: its password is set only with --reset-password (validated the same
way), and an account that is not a superuser is not promoted (the command stops). Otherwise, when
no superuser exists yet, one named "admin" is created with a random password that is printed once.
When a superuser exists nothing changes.

`make run` and the compose file's migrate job run this on every start, so an operator who changed
the administrator's password in the admin keeps it even though the environment still holds the
first one."""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction


class Command(BaseCommand):
    help = "Create the first administrator account (from environment variables or with a random password)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Set the password of the existing GEOPARK_ADMIN_USERNAME account to GEOPARK_ADMIN_PASSWORD.",
        )

    # The validators' messages in the language of the rest of the command's output, not in
    # LANGUAGE_CODE (Vietnamese), which a command without a request would otherwise speak.
    @no_translations
    def handle(self, *args, reset_password: bool = False, **options) -> None:
        User = get_user_model()
        username = os.environ.get("GEOPARK_ADMIN_USERNAME", "").strip()
        password = os.environ.get("GEOPARK_ADMIN_PASSWORD", "")
        if reset_password and not (username and password):
            raise CommandError("--reset-password needs GEOPARK_ADMIN_USERNAME and GEOPARK_ADMIN_PASSWORD.")
        if username and password:
            with transaction.atomic():
                user = User.objects.select_for_update().filter(username=username).first()
                if user is None:
                    user = User(username=username, is_staff=True, is_superuser=True)
                    self._set_password(user, password)
                    user.save()
                    self.stdout.write(
                        f"Administrator '{username}' created from GEOPARK_ADMIN_USERNAME/PASSWORD."
                    )
                    return
                if not user.is_superuser:
                    raise CommandError(
                        f"The account '{username}' exists but is not an administrator; nothing was changed. "
                        "Choose another GEOPARK_ADMIN_USERNAME, or give that account its rights in the admin."
                    )
                if not reset_password:
                    self.stdout.write(
                        f"Administrator '{username}' exists: its password left unchanged (GEOPARK_ADMIN_PASSWORD "
                        "only sets the first one; run `manage.py ensure_admin --reset-password` to set it again)."
                    )
                    return
                self._set_password(user, password)
                user.save(update_fields=["password"])
                self.stdout.write(f"Administrator '{username}': password reset from GEOPARK_ADMIN_PASSWORD.")
                return
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(
                f"Administrator account exists: log in as '{existing.username}' with its password."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username="admin", email="", password=password)
        self.stdout.write(
            "Created administrator 'admin' with password: "
            f"{password}\n(shown only this once; set GEOPARK_ADMIN_USERNAME and GEOPARK_ADMIN_PASSWORD to choose your own)"
        )

    @staticmethod
    def _set_password(user, password: str) -> None:
        """The same validators as the admin's password forms; nothing is saved when one refuses."""
        try:
            validate_password(password, user=user)
        except ValidationError as error:
            raise CommandError("GEOPARK_ADMIN_PASSWORD refused: " + " ".join(error.messages)) from error
        user.set_password(password)
