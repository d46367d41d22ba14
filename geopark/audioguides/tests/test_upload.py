"""Editors upload a guide in the admin: the recording is checked by its content, its duration and
size read from it, one guide per site and language; anything refused says why and stores nothing."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from geopark.audioguides.audio import MAX_BYTES
from geopark.audioguides.models import AudioGuide
from geopark.heritage.tests.factories import SiteFactory

from . import recordings
from .factories import AudioGuideFactory

pytestmark = pytest.mark.django_db


def add_url() -> str:
    return reverse(AudioGuide.snippet_viewset.get_url_name("add"))


def upload(client, site, content: bytes, name: str = "guide.mp3", content_type="audio/mpeg", **fields):
    data = {
        "site": site.pk,
        "language": "vi",
        "transcript": "Chào mừng đến hang đá.",
        "narrator": "Nguyễn Thị Lan",
        "licence": "CC BY 4.0",
        "audio": SimpleUploadedFile(name, content, content_type=content_type),
        **fields,
    }
    return client.post(add_url(), data, HTTP_ACCEPT_LANGUAGE="en")


def stored_recordings() -> list[str]:
    try:
        return default_storage.listdir("audioguides")[1]
    except FileNotFoundError:
        return []


def test_an_editor_uploads_an_mp3_and_its_duration_and_size_come_from_the_file(client, editor):
    site = SiteFactory()
    client.force_login(editor)
    content = recordings.mp3(4)
    response = upload(client, site, content, name="anything.bin", content_type="application/octet-stream")
    assert response.status_code == 302, response.content.decode()[:2000]
    guide = AudioGuide.objects.get()
    assert (guide.duration_seconds, guide.size_bytes) == (4, len(content))
    assert guide.audio.name.startswith(f"audioguides/{site.code.lower()}-vi-")
    assert guide.audio.name.endswith(".mp3")
    assert guide.mime_type == "audio/mpeg"
    # An editor's guide waits for the board: a draft nobody hears yet.
    assert not guide.live
    assert guide.audio.read() == content


def test_an_ogg_opus_recording_is_accepted_and_stored_as_ogg(client, editor):
    client.force_login(editor)
    response = upload(client, SiteFactory(), recordings.opus(2), name="guide.mp3")
    assert response.status_code == 302
    guide = AudioGuide.objects.get()
    assert guide.audio.name.endswith(".ogg")
    assert guide.mime_type == "audio/ogg"
    assert guide.duration_seconds == 2


def test_a_text_file_named_mp3_is_refused_with_a_message_and_nothing_is_written(client, editor):
    client.force_login(editor)
    response = upload(client, SiteFactory(), b"This is not a recording.\n" * 200, name="guide.mp3")
    assert response.status_code == 200
    assert "This file is not a recording we can play" in response.content.decode()
    assert not AudioGuide.objects.exists()
    assert stored_recordings() == []


def test_a_recording_over_the_size_limit_is_refused_and_nothing_is_written(client, editor):
    client.force_login(editor)
    content = recordings.mp3(MAX_BYTES / 16_000 + 2)  # 128 kbit/s: 16,000 bytes a second
    assert len(content) > MAX_BYTES
    response = upload(client, SiteFactory(), content)
    assert response.status_code == 200
    assert "an audio guide may be at most 10.0\xa0MB" in response.content.decode()
    assert not AudioGuide.objects.exists()
    assert stored_recordings() == []


def test_a_second_guide_in_the_same_language_is_refused(client, editor):
    existing = AudioGuideFactory(language="vi")
    before = stored_recordings()
    client.force_login(editor)
    response = upload(client, existing.site, recordings.mp3(2))
    assert response.status_code == 200
    assert "already has an audio guide in this language" in response.content.decode()
    assert AudioGuide.objects.count() == 1
    assert stored_recordings() == before


def test_a_guide_without_a_transcript_is_refused_even_as_a_draft(client, editor):
    client.force_login(editor)
    response = upload(client, SiteFactory(), recordings.mp3(2), transcript="")
    assert response.status_code == 200
    assert not AudioGuide.objects.exists()
    assert stored_recordings() == []
