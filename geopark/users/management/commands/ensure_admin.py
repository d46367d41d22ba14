"""Make sure someone can log into the admin, without ever using a fixed default password.

With GEOPARK_ADMIN_USERNAME and GEOPARK_ADMIN_PASSWORD set, that account is created (or its password
set). Otherwise, when no superuser exists yet, one named "admin" is created with a random password
that is printed once. When a superuser exists nothing changes."""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the first administrator account (from environment variables or with a random password)."

    def handle(self, *args, **options) -> None:
        User = get_user_model()
        username = os.environ.get("GEOPARK_ADMIN_USERNAME", "").strip()
        password = os.environ.get("GEOPARK_ADMIN_PASSWORD", "")
        if username and password:
            user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            verb = "created" if created else "updated"
            self.stdout.write(f"Administrator '{username}' {verb} from GEOPARK_ADMIN_USERNAME/PASSWORD.")
            return
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(f"Administrator account exists: log in as '{existing.username}' with its password.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username="admin", email="", password=password)
        self.stdout.write(
            "Created administrator 'admin' with password: "
            f"{password}\n(shown only this once; set GEOPARK_ADMIN_USERNAME and GEOPARK_ADMIN_PASSWORD to choose your own)"
        )
