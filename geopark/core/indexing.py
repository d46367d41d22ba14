"""What an app gives to search, without importing the search app (which sits above every app it
indexes). An app declares `IndexSource` objects (GeoparkApp.search_sources); the search app writes
their entries into its index, rebuilds from `records()` and keeps the index in step on the signal the
source names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from django.utils import translation

from .i18n import LANG_CODES

# When a record enters or leaves the index: on Wagtail's publish/unpublish of a snippet
# ("publish"), of a page ("page"), or on every save and delete ("save") for records without
# publishing, where saving is publishing.
Trigger = Literal["publish", "page", "save"]


@dataclass(frozen=True)
class IndexEntry:
    """A record as one language's search result: what the result shows and the words it is found by."""

    lang: str
    title: str
    summary: str
    url: str
    body: Sequence[str] = field(default_factory=tuple)


class IndexSource:
    """One kind of search result ("site", "news", ...). Subclasses name the models and say how a
    record reads in each language; `entries` returns nothing for a record that must not (or no
    longer) be found."""

    kind: ClassVar[str]
    models: ClassVar[tuple[type, ...]]
    trigger: ClassVar[Trigger] = "publish"

    def records(self) -> Iterable[Any]:
        """Everything of this kind to index on a full rebuild."""
        raise NotImplementedError

    def refresh(self, record: Any) -> Any:
        """The record as `entries` needs it (related rows loaded), read again after a change."""
        return record

    def key(self, record: Any) -> str:
        return str(record.pk)

    def entries(self, record: Any) -> list[IndexEntry]:
        raise NotImplementedError


def in_each_language(entry: Callable[[str], IndexEntry]) -> list[IndexEntry]:
    """A record's entry in every language, each built with that language active (so choices'
    labels and URLs come out in it)."""
    entries = []
    for lang in LANG_CODES:
        with translation.override(lang):
            entries.append(entry(lang))
    return entries
