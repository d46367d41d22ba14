"""The partner network's part of the query-count world: partners near the world's site (10, then
200), each with a label, a route and a licence for some; guides with routes."""

from __future__ import annotations

import datetime as dt

from geopark.partners.models import Guide, Label, LabelKind, LogoLicence, Partner, PartnerKind

KINDS = (PartnerKind.HOMESTAY, PartnerKind.RESTAURANT, PartnerKind.PRODUCER, PartnerKind.ACCOMMODATION)


def build(world: dict, start: int, size: int) -> None:
    partners = Partner.objects.bulk_create(
        Partner(
            slug=f"world-partner-{i}",
            name_vi=f"Đối tác {i}",
            name_en=f"Partner {i}",
            kind=KINDS[i % len(KINDS)],
            commune=world["commune"],
            lat=21.85 + (i % 20) * 0.001,
            lon=106.76 + (i // 20) * 0.001,
            precision="surveyed",
            languages="vi en" if i % 2 else "vi zh",
            live=True,
        )
        for i in range(start, start + size)
    )
    Label.objects.bulk_create(
        Label(
            partner=p,
            kind=LabelKind.OCOP if i % 2 else LabelKind.GEOPARK_PARTNER,
            stars=3 if i % 2 else None,
            valid_from=dt.date(2025, 1, 1),
        )
        for i, p in enumerate(partners)
    )
    route = world.get("route")
    if route is not None:
        Partner.routes.through.objects.bulk_create(
            Partner.routes.through(partner=p, route=route) for p in partners
        )
    LogoLicence.objects.bulk_create(
        LogoLicence(
            code=f"WORLD-{start + i}",
            partner=p,
            product_vi="Hoa hồi",
            scope="100 g",
            valid_from=dt.date(2025, 1, 1),
            valid_until=dt.date(2099, 1, 1),
        )
        for i, p in enumerate(partners[:5])
    )
    guides = Guide.objects.bulk_create(
        Guide(
            slug=f"world-guide-{i}",
            name=f"Hướng dẫn viên {i}",
            languages="vi en",
            certificate_number=f"WG-{i}",
            certified_on=dt.date(2025, 1, 1),
            valid_until=dt.date(2099, 1, 1),
            live=True,
        )
        for i in range(start, start + size)
    )
    if route is not None:
        Guide.routes.through.objects.bulk_create(Guide.routes.through(guide=g, route=route) for g in guides)


def seed(world: dict) -> None:
    build(world, 1, 10)


def grow(world: dict) -> None:
    build(world, 11, 190)
