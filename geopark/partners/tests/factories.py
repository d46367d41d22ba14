from __future__ import annotations

import datetime as dt

import factory

from geopark.partners.models import Agreement, Guide, Label, LabelKind, LogoLicence, Partner, PartnerKind
from geopark.territory.tests.factories import CommuneFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    """A published homestay with a surveyed pin near Kỳ Lừa."""

    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"homestay-{n}")
    name_vi = factory.Sequence(lambda n: f"Homestay Mẫu Sơn {n}")
    name_en = factory.Sequence(lambda n: f"Mau Son homestay {n}")
    kind = PartnerKind.HOMESTAY
    commune = factory.SubFactory(CommuneFactory)
    lat = 21.86
    lon = 106.76
    precision = "surveyed"
    languages = "vi en"
    live = True


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label

    partner = factory.SubFactory(PartnerFactory)
    kind = LabelKind.GEOPARK_PARTNER
    valid_from = dt.date(2025, 1, 1)
    valid_until = None


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    partner = factory.SubFactory(PartnerFactory)
    reference = factory.Sequence(lambda n: f"HD-{n}/2025")
    signed_on = dt.date(2025, 1, 10)
    valid_from = dt.date(2025, 1, 10)
    valid_until = dt.date(2027, 1, 10)
    commitments = "Giới thiệu giá trị công viên địa chất cho du khách."


class LogoLicenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogoLicence

    code = factory.Sequence(lambda n: f"LSG-{n:04d}")
    partner = factory.SubFactory(PartnerFactory, kind=PartnerKind.PRODUCER)
    product_vi = "Hoa hồi Lạng Sơn"
    product_en = "Lang Son star anise"
    scope = "Gói 100 g và 500 g"
    valid_from = dt.date(2025, 1, 1)
    valid_until = dt.date(2099, 12, 31)


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide

    slug = factory.Sequence(lambda n: f"guide-{n}")
    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    languages = "vi en"
    certificate_number = factory.Sequence(lambda n: f"HDV-{n:04d}")
    certified_on = dt.date(2025, 1, 1)
    valid_until = dt.date(2099, 12, 31)
    live = True
