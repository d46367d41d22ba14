from __future__ import annotations

import factory

from geopark.routes.models import Route, RouteStop
from geopark.territory.tests.factories import GeoparkFactory


class RouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Route
        django_get_or_create = ("number",)

    geopark = factory.SubFactory(GeoparkFactory)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.LazyAttribute(lambda o: f"route-{o.number}")
    name_vi = factory.LazyAttribute(lambda o: f"Tuyến {o.number}")
    name_en = factory.LazyAttribute(lambda o: f"Route {o.number}")
    name_zh = factory.LazyAttribute(lambda o: f"线路{o.number}")
    theme_vi = "Thượng ngàn"
    theme_en = "Mountains and forests"


class RouteStopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RouteStop

    route = factory.SubFactory(RouteFactory)
    site = None
    sort_order = factory.Sequence(lambda n: n)
