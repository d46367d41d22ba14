"""What an uploaded recording is, read from its content (mutagen parses the container's header and
frames), never from its name or the type the browser declared. Accepted: MP3, M4A/AAC (MP4 audio)
and Ogg (Opus or Vorbis), the formats phones' browsers play; WAV and FLAC are refused, being several
times larger for a spoken guide, too heavy for a phone on a weak signal and for the offline pack."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from mutagen import MutagenError
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

MAX_BYTES = 10 * 1024 * 1024  # under the request limit (GEOPARK_MAX_REQUEST_BYTES, 12 MB)
MAX_SECONDS = 60 * 60

# Tried in this order: MP3 last, as its reader hunts for a frame anywhere in the file.
FORMATS = (
    (OggOpus, "ogg", "audio/ogg"),
    (OggVorbis, "ogg", "audio/ogg"),
    (MP4, "m4a", "audio/mp4"),
    (MP3, "mp3", "audio/mpeg"),
)
MIME_TYPES = {extension: mime for _reader, extension, mime in FORMATS}


@dataclass(frozen=True)
class Recording:
    extension: str  # the stored file's extension: the web server names the type from it
    duration_seconds: int
    size_bytes: int


def read_recording(upload: IO[bytes], size: int) -> Recording:
    """The recording in `upload`, or a ValidationError saying, in the reader's language, why not."""
    if size > MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; an audio guide may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    for reader, extension, _mime in FORMATS:
        upload.seek(0)
        try:
            # A file object without a name: the reader judges the bytes alone.
            info = reader(upload).info
        except (MutagenError, ValueError, EOFError, IndexError, OverflowError):
            continue
        length = getattr(info, "length", 0) or 0
        if not 0 < length <= MAX_SECONDS or not math.isfinite(length):
            continue
        upload.seek(0)
        return Recording(extension=extension, duration_seconds=max(1, round(length)), size_bytes=size)
    upload.seek(0)
    raise ValidationError(
        _("This file is not a recording we can play: upload an MP3, M4A (AAC) or Ogg (Opus or Vorbis) file."),
        code="not_audio",
    )
