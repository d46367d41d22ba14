"""A site's page says which rock formation it lies in and how old it is, when that is known."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_site_page_shows_rock_formation_and_age(client, geopark, lang):
    SiteFactory(
        geopark=geopark, slug="trung-na-duong", formation="Na Dương Formation", age="Eocene – Miocene"
    )
    html = client.get(f"/{lang}/sites/trung-na-duong/").content.decode()
    with translation.override(lang):
        assert gettext("Rock formation") in html
        assert gettext("Age") in html
    assert "Na Dương Formation" in html
    assert "Eocene – Miocene" in html


def test_without_formation_or_age_the_geology_section_is_left_out(client, geopark):
    SiteFactory(geopark=geopark, slug="den-bac-le", formation="", age="")
    html = client.get("/en/sites/den-bac-le/").content.decode()
    assert 'id="geology-title"' not in html
