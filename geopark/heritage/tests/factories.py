from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from geopark.heritage.models import HazardKind, HazardNotice, Precision, RouteStatus, Severity, Site, SiteType
from geopark.territory.tests.factories import CommuneFactory, GeoparkFactory


class SiteFactory(factory.django.DjangoModelFactory):
    """A published site with its own coordinate; use the traits for the other kinds of position."""

    class Meta:
        model = Site

    geopark = factory.SubFactory(GeoparkFactory)
    code = factory.Sequence(lambda n: f"T-{n:05d}")
    slug = factory.Sequence(lambda n: f"site-{n}")
    site_type = SiteType.GEOMORPHOLOGICAL
    route_status = RouteStatus.UNCONFIRMED
    name_vi = factory.Sequence(lambda n: f"Hang Đá {n}")
    name_en = factory.Sequence(lambda n: f"Stone Cave {n}")
    name_zh = factory.Sequence(lambda n: f"石洞{n}")
    summary_vi = "Một hang động đá vôi."
    summary_en = "A limestone cave."
    description_vi = "Hang nằm trong khối đá vôi cổ."
    description_en = "The cave lies in old limestone."
    lat = 21.85
    lon = 106.75
    precision = Precision.PUBLISHED
    uncertainty_m = 100
    live = True
    commune = factory.SubFactory(CommuneFactory)
    en_status = "reviewed"
    zh_status = "draft"

    class Params:
        commune_only = factory.Trait(lat=None, lon=None, precision=Precision.COMMUNE, uncertainty_m=None)
        unknown_position = factory.Trait(
            lat=None, lon=None, precision=Precision.UNKNOWN, uncertainty_m=None, commune=None
        )


class HazardNoticeFactory(factory.django.DjangoModelFactory):
    """A caution valid from a week ago with no end: active today."""

    class Meta:
        model = HazardNotice

    site = factory.SubFactory(SiteFactory)
    kind = HazardKind.SLIPPERY_PATH
    severity = Severity.CAUTION
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    valid_until = None
    text_vi = "Đường trơn sau mưa."
    text_en = "The path is slippery after rain."
    text_zh = "雨后道路湿滑。"
    active = True
