from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from geopark.territory.models import Commune, FormerCommune, Geopark


class GeoparkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Geopark
        django_get_or_create = ("slug",)

    slug = "test-geopark"
    province_code = "20"
    area_km2 = Decimal("4842.58")
    population = 627500
    established = dt.date(2021, 12, 13)
    unesco_council_vote = dt.date(2024, 9, 8)
    official_route_points = 38
    min_lon, min_lat, max_lon, max_lat = 106.09538, 21.32515, 107.363976, 22.461466
    name_vi = "Công viên địa chất toàn cầu UNESCO Lạng Sơn"
    name_en = "Lang Son UNESCO Global Geopark"
    name_zh = "谅山世界地质公园"
    summary_vi = "Vùng đất đá vôi rộng 4.842,58 km²."
    summary_en = "A limestone land of 4,842.58 km²."
    summary_zh = "面积4842.58平方公里的石灰岩之地。"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    code = factory.Sequence(lambda n: f"9{n:04d}")
    province_code = "20"
    short_name = factory.Sequence(lambda n: f"Xuân {n}")
    name = factory.LazyAttribute(lambda o: f"Xã {o.short_name}")
    kind = "Xã"
    lat = 21.6
    lon = 106.4
    area_km2 = 50.0


class FormerCommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormerCommune

    code = factory.Sequence(lambda n: f"8{n:04d}")
    province_code = "20"
    short_name = factory.Sequence(lambda n: f"Cũ {n}")
    name = factory.LazyAttribute(lambda o: f"Xã {o.short_name}")
    district_short_name = "Hữu Lũng"
    district_name = "Huyện Hữu Lũng"
    lat = 21.6
    lon = 106.4
    current = factory.SubFactory(CommuneFactory)
