"""The site page plays the guide in the visitor's language, offers another language's guide marked
as such, shows nothing without a guide, and costs the same queries however many guides there are."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.heritage.tests.factories import SiteFactory

from .factories import AudioGuideFactory

pytestmark = pytest.mark.django_db


def page(client, site, lang: str) -> BeautifulSoup:
    response = client.get(f"/{lang}/sites/{site.slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_player_plays_the_guide_in_the_page_language_with_duration_credit_and_transcript(
    client, home_pages
):
    site = SiteFactory(geopark=home_pages)
    AudioGuideFactory(site=site, language="vi", transcript="Tiếng Việt: chào mừng.")
    guide = AudioGuideFactory(
        site=site, language="en", transcript="Welcome to the cave.", duration_seconds=185, narrator="Lan"
    )
    section = page(client, site, "en").select_one("section.audio-guide")
    audio = section.select_one("audio")
    assert audio.has_attr("controls")
    assert audio["preload"] == "none"
    # Named for screen readers by its visible label, which says the site and the duration.
    label = section.select_one(f"#{audio['aria-labelledby']}").get_text(" ", strip=True)
    assert site.name_en in label
    assert "3:05" in label
    assert section.select_one("audio source")["src"] == guide.audio.url
    assert section.select_one("audio source")["type"] == "audio/mpeg"
    transcript = section.select_one("details")
    assert transcript.summary.get_text(strip=True) == "Transcript"
    assert "Welcome to the cave." in transcript.get_text()
    assert "Tiếng Việt" not in section.get_text()  # only the page's language when it has one
    assert "Lan" in section.get_text()
    assert "CC BY 4.0" in section.get_text()


def test_a_guide_in_another_language_is_offered_marked_with_its_language(client, home_pages):
    site = SiteFactory(geopark=home_pages)
    AudioGuideFactory(site=site, language="vi", transcript="Chào mừng đến hang đá.")
    soup = page(client, site, "zh")
    section = soup.select_one("section.audio-guide")
    assert section.select_one("audio")["lang"] == "vi"
    assert section.select_one("details .prose")["lang"] == "vi"
    assert section.select_one("summary span[lang=vi]").get_text() == "Tiếng Việt"
    assert "Chào mừng đến hang đá." in section.get_text()


def test_a_site_without_a_published_guide_has_no_audio_section(client, home_pages):
    site = SiteFactory(geopark=home_pages)
    AudioGuideFactory(site=site, language="vi", live=False)  # a draft waiting for the board
    AudioGuideFactory(language="vi")  # another site's
    soup = page(client, site, "vi")
    assert soup.select("section.audio-guide") == []
    assert soup.select("audio") == []


def test_the_site_page_costs_the_same_queries_with_one_guide_as_with_every_language(
    client, home_pages, uncached
):
    site = SiteFactory(geopark=home_pages)
    others = SiteFactory.create_batch(3, geopark=home_pages, commune=site.commune)
    AudioGuideFactory(site=site, language="en")

    def count() -> int:
        page(client, site, "en")  # what every page reads once until a write (the menu's sections)
        with CaptureQueriesContext(connection) as queries:
            page(client, site, "en")
        return len(queries)

    one = count()
    for language in ("vi", "zh"):
        AudioGuideFactory(site=site, language=language)
    for other in others:
        AudioGuideFactory(site=other, language="en")
    assert count() == one
