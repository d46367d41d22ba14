"""What part of the platform a person's role reaches: an agency, a commune, an establishment, a
partner. Each app that scopes a role declares its scopes (`GeoparkApp.account_scopes`); the users
app's invitation form offers them beside the roles and sets them in the same transaction as the
account, so an invited partner or commune officer can work the day they accept, and can reach no
one else's records.

Declared here, below every app, so that the users app reads the scopes of apps it may not import
(tourism, partners, plans) through the plug-in registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.utils.functional import Promise


@dataclass(frozen=True)
class AccountScope:
    key: str  # a form field's name: letters, digits and underscores
    label: str | Promise
    help_text: str | Promise
    # The roles (group names) this scope narrows. A scope is refused without one of them, and a
    # person given one of them needs at least one of the scopes that narrow it.
    roles: Sequence[str]
    # (value, label) of every record one may choose, in the order shown.
    choices: Callable[[], Iterable[tuple[Any, str]]]
    # Give `user` the record whose value was chosen; ValidationError, in words, when it cannot.
    assign: Callable[[User, str], None]
    # What each of these users holds of this scope, in words: {user pk: [labels]}. One query.
    describe: Callable[[Sequence[int]], Mapping[int, list[str]]]


def account_scopes() -> list[AccountScope]:
    """Every installed app's scopes, in the order of INSTALLED_APPS."""
    from .plugins import geopark_apps, load

    scopes: list[AccountScope] = []
    for app in geopark_apps():
        if app.account_scopes:
            scopes.extend(load(app.account_scopes))
    return scopes
