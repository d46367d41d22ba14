"""Keeping the index in step with what is published, for every source the apps declare: on
Wagtail's publish signals for snippets and pages (so every way of publishing, admin or scheduled,
is covered), on save and delete for records whose saving is publishing."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, published, unpublished

from . import services


def _reindex(sender: type, instance: Any, **kwargs: Any) -> None:
    source = services.source_for(instance)
    if source is not None:
        services.index(source.refresh(instance))


def _unindex(sender: type, instance: Any, **kwargs: Any) -> None:
    services.unindex(instance)


# Wagtail unpublishes a page it deletes, so page_unpublished covers deletion too.
_SIGNALS = {
    "publish": ((published, _reindex), (unpublished, _reindex)),
    "page": ((page_published, _reindex), (page_unpublished, _unindex)),
    "save": ((post_save, _reindex), (post_delete, _unindex)),
}


def connect() -> None:
    for source in services.sources():
        for model in source.models:
            for signal, handler in _SIGNALS[source.trigger]:
                signal.connect(handler, sender=model, dispatch_uid=f"search:{model._meta.label}")
