"""The geopark's tagline (its theme, under the name on the home page and in every page's
description) reads as a sentence of each language, not a word-for-word rendering."""

from __future__ import annotations

import tomllib

from django.conf import settings

GEOPARK = settings.BASE_DIR / "data" / "langson" / "geopark.toml"


def test_the_shipped_taglines_read_naturally_in_each_language():
    theme = tomllib.loads(GEOPARK.read_text(encoding="utf-8"))["theme"]
    assert theme["vi"] == "Dòng chảy sự sống nơi miền đất thiêng"
    # The geopark's own English pages say "Life Evolution in the Sacred Realms": Title Case
    # headline English that no visitor would say; this is the Vietnamese theme's meaning.
    assert theme["en"] == "The flow of life in a sacred land"
    assert theme["zh"] == "神圣大地上的生命之流"
