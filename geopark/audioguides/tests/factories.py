from __future__ import annotations

import factory
from django.core.files.base import ContentFile

from geopark.audioguides.models import AudioGuide
from geopark.heritage.tests.factories import SiteFactory

from . import recordings


class AudioGuideFactory(factory.django.DjangoModelFactory):
    """A published guide with a real 3-second MP3."""

    class Meta:
        model = AudioGuide

    site = factory.SubFactory(SiteFactory)
    language = "vi"
    audio = factory.LazyFunction(lambda: ContentFile(recordings.mp3(3), name="guide.mp3"))
    transcript = "Chào mừng đến hang đá."
    narrator = "Nguyễn Thị Lan"
    licence = "CC BY 4.0"
    duration_seconds = 3
    size_bytes = factory.LazyAttribute(lambda guide: guide.audio.size)
    live = True
