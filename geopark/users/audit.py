"""Change history: every change to the records the apps declare (GeoparkApp.audited_models) is kept
by django-auditlog with who made it, when, and each field before and after.

The actor is known only while a request that may write runs (ActorMiddleware) or inside
`acting_as(user)` (background jobs, commands run for a person). Reading requests (GET, HEAD,
OPTIONS) are passed straight through: the public pages, most of them served from the page cache,
pay nothing for the history, and no request's address is ever kept (AUDITLOG_DISABLE_REMOTE_ADDR)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from auditlog.context import set_actor
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponse

from geopark.core.plugins import geopark_apps, load

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Never kept, even masked: the password hash and the bookkeeping Django updates on every sign-in.
USER_EXCLUDED = ["password", "last_login"]


def _users_models() -> list[dict[str, Any]]:
    from .models import Invitation

    return [
        {"model": get_user_model(), "exclude": USER_EXCLUDED, "m2m": ["groups", "user_permissions"]},
        {"model": Group, "exclude": [], "m2m": ["permissions"]},
        {"model": Invitation, "exclude": [], "m2m": ["roles"]},
    ]


# The users app's own declaration (GeoparkApp.audited_models): accounts, roles and invitations.
AUDITED = _users_models


def declared() -> Iterator[dict[str, Any]]:
    """Every {"model", "exclude", "m2m"} the installed apps declare."""
    for config in geopark_apps():
        if not config.audited_models:
            continue
        entries = load(config.audited_models)
        yield from (entries() if callable(entries) else entries)


def register_declared() -> list[type]:
    """Register every declared model with auditlog (once: auditlog keeps the first registration)."""
    registered = []
    for entry in declared():
        model = entry["model"]
        if auditlog.contains(model):
            continue
        auditlog.register(
            model,
            exclude_fields=list(entry.get("exclude", ())),
            m2m_fields=set(entry.get("m2m", ())),
        )
        registered.append(model)
    return registered


def acting_as(user) -> AbstractContextManager:
    """Changes made inside are recorded as made by `user` (a background job run for a person)."""
    return set_actor(user)


class ActorMiddleware:
    """Names the signed-in person as the author of what a writing request changes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        with set_actor(actor):
            return self.get_response(request)
