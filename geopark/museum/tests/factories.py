from __future__ import annotations

import factory

from geopark.museum.models import CollectionItem, Excavation, ItemKind, Period


class ExcavationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Excavation

    code = factory.Sequence(lambda n: f"EXC-{n:03d}")
    year = 2019
    team = "Provincial Museum and Institute of Archaeology"
    partners = "Institute of Archaeology\nUniversity of Wollongong"


class CollectionItemFactory(factory.django.DjangoModelFactory):
    """A public fossil tooth with names in three languages; `find_site` is left empty."""

    class Meta:
        model = CollectionItem

    catalogue_number = factory.Sequence(lambda n: f"LS-{n:05d}")
    slug = factory.LazyAttribute(lambda o: CollectionItem.slug_for(o.catalogue_number))
    kind = ItemKind.FOSSIL
    taxon = "Pongo"
    common_name_vi = factory.Sequence(lambda n: f"Răng đười ươi {n}")
    common_name_en = factory.Sequence(lambda n: f"Orangutan tooth {n}")
    common_name_zh = factory.Sequence(lambda n: f"猩猩牙齿{n}")
    period = Period.PLEISTOCENE
    notes_vi = "Răng hàm trên."
    notes_en = "An upper molar."
    notes_zh = "上臼齿。"
    public = True
    storage_place = "Kho B, tủ 3"
    internal_notes = "Cần gia cố."
