"""The passport's part of the query-count world: a question at the heritage world's site (in English,
for everyone and for children); growing gives every grown site a question, so the passport page and
a site's stamp panel read them all in constant queries."""

from __future__ import annotations

from geopark.passport.models import Audience
from geopark.passport.tests.factories import QuestionFactory


def seed(world: dict) -> None:
    QuestionFactory(site=world["site"])
    QuestionFactory(
        site=world["site"], audience=Audience.KIDS, text="What colour is the roof?", answers="red"
    )


def grow(world: dict) -> None:
    for site in world["grown_sites"]:
        QuestionFactory(site=site)
