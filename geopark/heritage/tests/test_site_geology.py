"""A site's page says which rock formation it lies in, how old it is and in which village, each in
the visitor's language, when that is known."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

GEOLOGY = {
    "formation_vi": "Hệ tầng Na Dương",
    "formation_en": "Na Dương Formation",
    "formation_zh": "那阳组",
    "age_vi": "Eocen – Miocen",
    "age_en": "Eocene – Miocene",
    "age_zh": "始新世至中新世",
    "locality_vi": "thôn Bắc Lệ",
    "locality_en": "Bắc Lệ village",
    "locality_zh": "北丽村",
}


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_site_page_shows_rock_formation_age_and_village_in_the_visitors_language(client, geopark, lang):
    SiteFactory(geopark=geopark, slug="trung-na-duong", **GEOLOGY)
    html = client.get(f"/{lang}/sites/trung-na-duong/").content.decode()
    with translation.override(lang):
        assert gettext("Rock formation") in html
        assert gettext("Age") in html
    for base in ("formation", "age", "locality"):
        assert GEOLOGY[f"{base}_{lang}"] in html
        for other in {"vi", "en", "zh"} - {lang}:
            assert GEOLOGY[f"{base}_{other}"] not in html


def test_an_untranslated_geology_text_falls_back_to_the_vietnamese_one(client, geopark):
    SiteFactory(geopark=geopark, slug="trung-na-duong", formation_vi="Hệ tầng Na Dương", age_vi="")
    html = client.get("/zh/sites/trung-na-duong/").content.decode()
    assert "Hệ tầng Na Dương" in html


def test_without_formation_or_age_the_geology_section_is_left_out(client, geopark):
    SiteFactory(geopark=geopark, slug="den-bac-le")
    html = client.get("/en/sites/den-bac-le/").content.decode()
    assert 'id="geology-title"' not in html
