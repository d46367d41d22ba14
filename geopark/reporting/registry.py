"""The reports the platform can generate, registered by the apps that build them.

An app above reporting (plans) registers a `Source` in its `reports` module, which ReportingConfig
imports at start-up; reporting itself never imports the apps it serves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .document import OfficialDocument

# progress(percent, step text) tells the person waiting how far the build has come.
Progress = Callable[[int, str], None]


class UnknownSubject(LookupError):
    """The subject (e.g. a plan number) names nothing; the message says so to a person."""


@dataclass(frozen=True)
class Source:
    name: str  # e.g. "plan"
    label: str  # shown in the admin
    periods: Sequence[tuple[str, str]]  # (value, label), e.g. ("h1", "6 tháng đầu năm")
    # [(key, label)] of what a report can be about, for the admin's form.
    subjects: Callable[[], list[tuple[str, str]]]
    # build(key, period, year, progress) -> OfficialDocument; raises UnknownSubject.
    build: Callable[[str, str, int, Progress], OfficialDocument]


_sources: dict[str, Source] = {}


def register(source: Source) -> Source:
    _sources[source.name] = source
    return source


def get(name: str) -> Source:
    try:
        return _sources[name]
    except KeyError:
        raise UnknownSubject(name) from None


def sources() -> list[Source]:
    return list(_sources.values())
