from __future__ import annotations

import datetime as dt

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from geopark.education.models import (
    Audience,
    GeoparkCorner,
    LearningResource,
    Programme,
    SchoolLevel,
    Subject,
)
from geopark.territory.tests.factories import CommuneFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Worksheet {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 worksheet", name="worksheet.pdf"))


class LearningResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningResource

    title_vi = factory.Sequence(lambda n: f"Phiếu học tập {n}")
    title_en = factory.Sequence(lambda n: f"Worksheet {n}")
    description_vi = "Tìm hiểu đá vôi."
    description_en = "Learning about limestone."
    audience = Audience.PRIMARY
    subject = Subject.GEOLOGY
    document = factory.SubFactory(DocumentFactory)
    published = True


class GeoparkCornerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GeoparkCorner

    school_name = factory.Sequence(lambda n: f"Trường Tiểu học số {n}")
    level = SchoolLevel.PRIMARY
    commune = factory.SubFactory(CommuneFactory)
    opened_on = dt.date(2026, 9, 5)
    published = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title_vi = factory.Sequence(lambda n: f"Nhà địa chất nhí {n}")
    title_en = factory.Sequence(lambda n: f"Young geologists {n}")
    age_min = 8
    age_max = 12
    published = True
