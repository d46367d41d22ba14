"""Reads of the accounts app: the change history as people read it, and pending invitations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from geopark.core.scopes import account_scopes

from .models import Invitation


def scopes_held(user_ids: list[int]) -> dict[int, list[str]]:
    """What part of the platform each of these people's roles reaches, in words ("Partner spoken
    for: Homestay Quỳnh Sơn"): a query per declared scope, whatever the number of people."""
    held: dict[int, list[str]] = {}
    if not user_ids:
        return held
    for scope in account_scopes():
        for user_id, names in scope.describe(user_ids).items():
            held.setdefault(user_id, []).extend(f"{scope.label}: {name}" for name in names)
    return held


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


def kind(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model else content_type.model


def audited_content_types() -> list[tuple[int, str]]:
    """(id, name) of the kinds of record whose history is kept, for the history page's filter."""
    types = ContentType.objects.get_for_models(*auditlog.get_models()).values()
    return sorted(((ct.pk, kind(ct)) for ct in types), key=lambda pair: pair[1].lower())


def history(
    *,
    content_type: int | None = None,
    object_pk: str = "",
    actor: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[LogEntry]:
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if content_type:
        entries = entries.filter(content_type_id=content_type)
    if object_pk:
        entries = entries.filter(object_pk=object_pk)
    if actor:
        entries = entries.filter(actor_id=actor)
    if since:
        entries = entries.filter(timestamp__date__gte=since)
    if until:
        entries = entries.filter(timestamp__date__lte=until)
    return entries


def _field(model: Any, name: str) -> Any:
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _label(field: Any, name: str) -> str:
    return str(getattr(field, "verbose_name", name))


def _text(field: Any, value: Any) -> str:
    """A stored value as the admin shows it: dates and times in the reader's format and zone."""
    if value is None or value == "None":
        return "—"
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    if value in choices:
        return str(choices[value])
    kind = field.get_internal_type() if field is not None and hasattr(field, "get_internal_type") else ""
    try:
        if kind == "DateTimeField":
            moment = dt.datetime.fromisoformat(str(value))
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, dt.UTC)
            return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
        if kind == "DateField":
            return formats.date_format(dt.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")
    except ValueError:
        pass
    return str(value)


def changes(entry: LogEntry) -> list[FieldChange]:
    """Each changed field with its value before and after, as stored when the change was made
    (so no query: foreign keys are kept as their text, AUDITLOG_USE_FK_STRING_REPRESENTATION)."""
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes or {}).items():
        field = _field(model, name)
        if field is not None and getattr(field, "primary_key", False):
            continue  # the record's number is in the entry's heading
        if isinstance(values, dict):  # a many-to-many field: what was added or removed
            objects = ", ".join(str(o) for o in values.get("objects", []))
            if values.get("operation") == "add":
                after = _("added: %(objects)s") % {"objects": objects}
            elif values.get("operation") == "delete":
                after = _("removed: %(objects)s") % {"objects": objects}
            else:
                after = _("all removed")
            rows.append(FieldChange(_label(field, name), "", after))
            continue
        before, after = (list(values) + [None, None])[:2]
        rows.append(FieldChange(_label(field, name), _text(field, before), _text(field, after)))
    return rows


def pending_invitations() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("invited_by", "user").prefetch_related("roles")
