from __future__ import annotations

import factory

from geopark.trails import services
from geopark.trails.models import Trail, TrailPoint


class TrailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trail
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"trail-{n}")
    name_vi = factory.Sequence(lambda n: f"Đường mòn {n}")
    name_en = factory.Sequence(lambda n: f"Trail {n}")
    name_zh = factory.Sequence(lambda n: f"步道{n}")
    summary_vi = "Đường mòn địa chất qua núi đá vôi."
    summary_en = "A geological trail through limestone hills."
    summary_zh = "穿过石灰岩山丘的地质步道。"


class TrailPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrailPoint

    trail = factory.SubFactory(TrailFactory)
    site = None
    sort_order = factory.Sequence(lambda n: n)


def climbing_track(n: int = 11, lat0: float = 21.85, lon: float = 106.75) -> list[tuple[float, float, float]]:
    """A straight track due north, 0.001° of latitude (about 111.2 m) a step, climbing 10 m a step."""
    return [(lat0 + i * 0.001, lon, 300.0 + 10 * i) for i in range(n)]


def tracked(trail: Trail, points=None) -> Trail:
    services.apply_track(trail, points or climbing_track())
    trail.save()
    return trail
