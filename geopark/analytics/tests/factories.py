"""Daily rows as the middleware would leave them."""

from __future__ import annotations

import datetime as dt

import factory

from geopark.analytics.models import DailyViews, Device


class DailyViewsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyViews

    day = dt.date(2026, 3, 10)
    path = "/vi/"
    language = "vi"
    country = "VN"
    referrer = ""
    device = Device.MOBILE
    views = 1
