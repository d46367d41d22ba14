"""The offline pack's recordings: a route's sites' published guides in one language, small enough."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geopark.audioguides.selectors import offline_urls
from geopark.heritage.tests.factories import SiteFactory

from .factories import AudioGuideFactory

pytestmark = pytest.mark.django_db


def test_offline_urls_lists_the_small_enough_published_guides_in_the_language_in_one_query():
    first, second, third, elsewhere = SiteFactory.create_batch(4)
    small = AudioGuideFactory(site=first, language="en", size_bytes=1000)
    limit = AudioGuideFactory(site=second, language="en", size_bytes=5000)
    AudioGuideFactory(site=third, language="en", size_bytes=5001)  # too large for the pack
    AudioGuideFactory(site=first, language="vi", size_bytes=10)  # another language
    AudioGuideFactory(site=second, language="zh", size_bytes=10, live=False)  # a draft
    AudioGuideFactory(site=elsewhere, language="en", size_bytes=10)  # not on the route
    hidden = SiteFactory(live=False)
    AudioGuideFactory(site=hidden, language="en", size_bytes=10)  # a site not published
    with CaptureQueriesContext(connection) as queries:
        urls = offline_urls([first.pk, second.pk, third.pk, hidden.pk], "en", max_bytes=5000)
    assert urls == [small.audio.url, limit.audio.url]
    assert all(url.startswith("/media/audioguides/") for url in urls)
    assert len(queries) == 1
