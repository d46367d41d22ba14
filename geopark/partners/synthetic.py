"""Synthetic partners and guides, to measure the platform at scale. Never shown publicly
(`synthetic=True`, left out by every public query) and removed by `remove()`, which touches nothing
else. Made by `manage.py partners_synthetic`."""

from __future__ import annotations

import random

from django.db import transaction

from geopark.operations import pagecache
from geopark.territory.models import Commune, Geopark

from .models import Guide, Label, LabelKind, Partner, PartnerKind

PREFIX = "syn-"


@transaction.atomic
def generate(partners: int = 400, seed: int = 1) -> int:
    remove()
    rng = random.Random(seed)
    geopark = Geopark.objects.first()
    communes = list(Commune.objects.of_province(geopark.province_code)) if geopark else []
    box = geopark.bbox if geopark else None
    kinds = PartnerKind.values
    made = Partner.objects.bulk_create(
        Partner(
            slug=f"{PREFIX}{i:05d}",
            name_vi=f"[syn] Đối tác {i:05d}",
            kind=kinds[i % len(kinds)],
            commune=rng.choice(communes) if communes else None,
            lat=rng.uniform(box.min_lat, box.max_lat) if box else None,
            lon=rng.uniform(box.min_lon, box.max_lon) if box else None,
            precision="published" if box else "unknown",
            languages="vi en" if i % 2 else "vi zh",
            live=True,
            synthetic=True,
        )
        for i in range(partners)
    )
    Label.objects.bulk_create(
        Label(partner=p, kind=LabelKind.GEOPARK_PARTNER, valid_from="2025-01-01") for p in made
    )
    Guide.objects.bulk_create(
        Guide(
            slug=f"{PREFIX}guide-{i:05d}",
            name=f"[syn] Hướng dẫn viên {i:05d}",
            languages="vi en",
            certificate_number=f"SYN-{i:05d}",
            certified_on="2025-01-01",
            valid_until="2030-12-31",
            live=True,
            synthetic=True,
        )
        for i in range(partners // 10)
    )
    pagecache.invalidate()
    return len(made)


@transaction.atomic
def remove() -> int:
    partners = Partner.objects.filter(synthetic=True)
    count = partners.count()
    Label.objects.filter(partner__synthetic=True).delete()
    Guide.objects.filter(synthetic=True).delete()
    partners.delete()
    if count:
        pagecache.invalidate()
    return count
