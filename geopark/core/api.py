"""Shared pieces of the JSON API: the language parameter and error shapes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from ninja import Schema


class Lang(StrEnum):
    vi = "vi"
    en = "en"
    zh = "zh"


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
