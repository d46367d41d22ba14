from __future__ import annotations

import factory

from geopark.heritage.tests.factories import SiteFactory
from geopark.passport.models import Audience, Question


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    site = factory.SubFactory(SiteFactory)
    language = "en"
    audience = Audience.EVERYONE
    text = "What animal is carved above the cave's mouth?"
    answers = "Dragon\nA dragon"
