"""Shared pieces of the JSON API: the language parameter, error shapes and pages of a list."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Schema


class Lang(StrEnum):
    vi = "vi"
    en = "en"
    zh = "zh"


# A tuple, not the enum's mapping: a hostile body's "lang" may be an unhashable list or object.
LANG_CODES = tuple(code.value for code in Lang)


def request_language(request: HttpRequest, body: Any = None) -> str:
    """The language of an API answer without a `lang` parameter in its signature: the JSON body's
    "lang", else ?lang=, else the browser's Accept-Language, else Vietnamese."""
    if isinstance(body, dict) and body.get("lang") in LANG_CODES:
        return body["lang"]
    if request.GET.get("lang") in LANG_CODES:
        return request.GET["lang"]
    found = translation.get_language_from_request(request)
    return found if found in LANG_CODES else Lang.vi.value


class Message(Schema):
    detail: str


class Problem(Schema):
    where: str
    problem: str


class ProblemsOut(Message):
    """A 422: `detail` sums the problems up, `errors` lists each with where it is."""

    errors: list[Problem] = []


class Geometry(Schema):
    type: str
    coordinates: list[Any]


class Feature(Schema):
    type: Literal["Feature"] = "Feature"
    geometry: Geometry | None
    properties: dict[str, Any]


class FeatureCollection(Schema):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]


class PageOut(Schema):
    """One page of a list; a list endpoint's schema adds `items`."""

    count: int
    page: int
    pages: int
    page_size: int


@dataclass(frozen=True)
class PageWindow:
    count: int
    page: int
    pages: int
    page_size: int

    @property
    def start(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def stop(self) -> int:
        return self.start + self.page_size

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def as_dict(self) -> dict[str, int]:
        return {"count": self.count, "page": self.page, "pages": self.pages, "page_size": self.page_size}


class PastLastPage(ValueError):
    def __init__(self, page: int, pages: int) -> None:
        super().__init__(f"page: {page} is past the last page ({pages}).")
        self.page = page
        self.pages = pages


def page_window(count: int, page: int, page_size: int) -> PageWindow:
    """Where page `page` of `count` records lies; an empty list still has one (empty) page.

    Raises PastLastPage (its message names the last page) for a page after the last."""
    pages = max(1, math.ceil(count / page_size))
    if page > pages:
        raise PastLastPage(page, pages)
    return PageWindow(count=count, page=page, pages=pages, page_size=page_size)
