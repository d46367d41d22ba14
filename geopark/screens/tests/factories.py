from __future__ import annotations

import factory

from geopark.screens.models import Mode, Screen


class ScreenFactory(factory.django.DjangoModelFactory):
    """An LED display at the border gate, Chinese first."""

    class Meta:
        model = Screen

    name = factory.Sequence(lambda n: f"LED {n}")
    place = "Cửa khẩu quốc tế Hữu Nghị"
    mode = Mode.DISPLAY
    language_1 = "zh"
    language_2 = "vi"
    language_3 = "en"
    rotation_seconds = 10
