"""Facts about one item: its period from a catalogue's wording, its address, its taxon's group."""

from __future__ import annotations

import pytest

from geopark.museum.models import CollectionItem, Period
from geopark.museum.tests.factories import CollectionItemFactory


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Pleistocene", "pleistocene"),
        ("pleistocene", "pleistocene"),
        ("Late Pleistocene, about 150,000 years", "pleistocene"),
        ("Pleistocen muộn", "pleistocene"),
        ("Thế Holocen", "holocene"),
        ("更新世晚期", "pleistocene"),
        ("Lower Devonian", "devonian"),
        ("Kỷ Phấn Trắng", "cretaceous"),
        ("Eocene to early Miocene", "paleogene"),
        ("Miocene", "neogene"),
        ("Cambrian, about 500 Ma", "cambrian"),
        ("Mesozoic", None),
        ("", None),
        ("Carbonate rock", None),
        ("Kỷ Than Đá", "carboniferous"),
    ],
)
def test_a_catalogues_wording_gives_its_period(text, period):
    assert Period.from_text(text) == period


def test_a_stem_inside_another_word_is_not_a_period():
    assert Period.from_text("Nonpleistocene") is None


@pytest.mark.parametrize(
    ("number", "slug"),
    [
        ("SAMPLE-001", "sample-001"),
        ("LS 12/3", "ls-12-3"),
        ("BT.2019.4", "bt-2019-4"),
        ("Đá-01", "da-01"),
        ("///", ""),
    ],
)
def test_the_address_of_a_catalogue_number(number, slug):
    assert CollectionItem.slug_for(number) == slug


@pytest.mark.django_db
def test_a_genus_finds_its_species_but_not_a_longer_name():
    CollectionItemFactory(taxon="Pongo")
    CollectionItemFactory(taxon="Pongo pygmaeus")
    CollectionItemFactory(taxon="Pongolia")
    assert CollectionItem.objects.of_taxon("pongo").count() == 2
    assert CollectionItem.objects.of_taxon("Pongo pygmaeus").count() == 1
