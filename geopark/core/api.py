"""Shared pieces of the JSON API: the language parameter and error shapes."""

from __future__ import annotations

from enum import StrEnum

from ninja import Schema


class Lang(StrEnum):
    vi = "vi"
    en = "en"
    zh = "zh"


class Message(Schema):
    detail: str
