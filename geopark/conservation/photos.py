"""Checks a photo a visitor uploads by what it is, not what it is called, and re-encodes it.

Re-encoding drops whatever else the file carried (EXIF with the sender's GPS position and camera,
trailing data, scripts in comments) and caps the size of what we keep."""

from __future__ import annotations

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 2400
ALLOWED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def clean_photo(upload: UploadedFile) -> ContentFile:
    """A re-encoded copy of a JPEG, PNG or WebP photo of at most 5 MB; ValidationError otherwise."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB."), code="too_large")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB."), code="too_large")
    try:
        with warnings.catch_warnings():
            # A "decompression bomb" (a tiny file that unpacks into a huge image) is refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format
                probe.verify()
            if fmt not in ALLOWED:
                raise ValidationError(_("The photo must be a JPEG, PNG or WebP image."), code="format")
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                out = io.BytesIO()
                if fmt == "JPEG":
                    image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
                elif fmt == "PNG":
                    image.save(out, "PNG", optimize=True)
                else:
                    image.save(out, "WEBP", quality=85)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise ValidationError(
            _("The file is not a photo we can read (JPEG, PNG or WebP)."), code="unreadable"
        ) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED[fmt]}")
