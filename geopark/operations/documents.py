"""What editors may upload as a Wagtail document, and how documents are handed out.

A document lives on the site's own origin (`/documents/<id>/<name>`). A web page or an SVG kept
there would run its script with the visitor's cookies and the editors' admin session, so:

- only the types listed in WAGTAILDOCS_EXTENSIONS (each with its check in `DOCUMENT_TYPES`) are
  accepted, and a file's content must be what its extension says (`check_document`): an HTML
  page renamed `.pdf` is refused like one called `.html`;
- every document answer, even for one stored before these checks, is a download inside a
  sandbox (`harden_download`, applied by operations.middleware.SecurityHeadersMiddleware).

The checks read the first bytes of a file (text files whole, in chunks, to check their encoding)
and, for the zip-based formats, the archive's table of contents; they decompress nothing, so a
crafted archive cannot exhaust memory.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Callable
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponseBase
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

SNIFF_BYTES = 8192
TEXT_CHUNK = 64 * 1024

# How a download is sent whatever it holds: never shown inside the site's origin, never guessed
# as another type, and even when opened, in a sandbox with nothing allowed (no script, no
# same-origin access, no loads).
DOWNLOAD_CSP = "sandbox; default-src 'none'"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
PILLOW_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# What the MIME sniffing standard treats as a web page at the start of a file, plus SVG and XML
# (an XML document may carry XHTML or SVG).
MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|object|embed|style|title|meta|link|a\s|img|div|"
    rb"\?xml|!--)",
    re.IGNORECASE,
)


def _head(file: IO[bytes], size: int = SNIFF_BYTES) -> bytes:
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data


def _pdf(file: IO[bytes], extension: str) -> bool:
    return _head(file, 5) == b"%PDF-"


def _ole2(file: IO[bytes], extension: str) -> bool:
    # The container of Word 97-2003, Excel and PowerPoint files; which of the three it holds lies
    # deep inside, and none of them is something a browser runs.
    return _head(file, 8) == OLE2


def _zip_names(file: IO[bytes]) -> list[str] | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None
    finally:
        file.seek(0)


def _zip(file: IO[bytes], extension: str) -> bool:
    return _head(file, 2) == b"PK" and _zip_names(file) is not None


def _ooxml(file: IO[bytes], extension: str) -> bool:
    names = _zip_names(file) if _head(file, 2) == b"PK" else None
    return bool(names) and "[Content_Types].xml" in names and OOXML_PARTS[extension] in names


def _odf(file: IO[bytes], extension: str) -> bool:
    # An OpenDocument file starts with its MIME type, stored uncompressed, as its first entry:
    # a local file header (30 bytes, then the name and an extra field), then the content.
    head = _head(file, 1024)
    if head[:4] != b"PK\x03\x04" or _zip_names(file) is None:
        return False
    name_length = int.from_bytes(head[26:28], "little")
    extra_length = int.from_bytes(head[28:30], "little")
    if head[30 : 30 + name_length] != b"mimetype":
        return False
    return head[30 + name_length + extra_length :].startswith(ODF_TYPES[extension].encode())


def _seven_zip(file: IO[bytes], extension: str) -> bool:
    return _head(file, 6) == b"7z\xbc\xaf\x27\x1c"


def _image(file: IO[bytes], extension: str) -> bool:
    from PIL import Image

    try:
        file.seek(0)
        with Image.open(file) as picture:
            found = picture.format
            picture.verify()
    except Exception:  # Pillow raises many kinds of error for a file that is not an image.
        return False
    finally:
        file.seek(0)
    return found == PILLOW_FORMATS[extension]


def _mp3(file: IO[bytes], extension: str) -> bool:
    head = _head(file, 3)
    # An ID3 tag, or straight away an MPEG audio frame (11 bits of frame sync).
    return head[:3] == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _ogg(file: IO[bytes], extension: str) -> bool:
    return _head(file, 4) == b"OggS"


def _wav(file: IO[bytes], extension: str) -> bool:
    head = _head(file, 12)
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def _m4a(file: IO[bytes], extension: str) -> bool:
    # An ISO base media file: its first box is "ftyp".
    return _head(file, 8)[4:8] == b"ftyp"


def _text(file: IO[bytes], extension: str) -> bool:
    """UTF-8 (a byte-order mark allowed, as Excel writes "CSV UTF-8"), no NUL, no markup."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    file.seek(0)
    try:
        first = True
        while chunk := file.read(TEXT_CHUNK):
            if b"\x00" in chunk:
                return False
            if first:
                start = chunk.removeprefix(codecs.BOM_UTF8).lstrip()
                if start.startswith(b"<") or MARKUP.search(chunk[:SNIFF_BYTES]):
                    raise _LooksLikeMarkup
                first = False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _NotUtf8 from None
    finally:
        file.seek(0)
    return True


class _NotUtf8(Exception):
    pass


class _LooksLikeMarkup(Exception):
    pass


Check = Callable[[IO[bytes], str], bool]
DOCUMENT_TYPES: dict[str, Check] = {
    "pdf": _pdf,
    "doc": _ole2,
    "xls": _ole2,
    "ppt": _ole2,
    "docx": _ooxml,
    "xlsx": _ooxml,
    "pptx": _ooxml,
    "odt": _odf,
    "ods": _odf,
    "odp": _odf,
    "csv": _text,
    "txt": _text,
    "jpg": _image,
    "jpeg": _image,
    "png": _image,
    "webp": _image,
    "gif": _image,
    "zip": _zip,
    "7z": _seven_zip,
    "mp3": _mp3,
    "ogg": _ogg,
    "wav": _wav,
    "m4a": _m4a,
}


def extension_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def check_document(file: IO[bytes], name: str) -> None:
    """Raise a ValidationError that tells an editor what is wrong with this upload, or nothing."""
    extension = extension_of(name)
    allowed_list = [ext for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in DOCUMENT_TYPES]
    allowed = ", ".join(allowed_list)
    if not extension:
        raise ValidationError(
            _("The file name has no extension, so its type is unknown. Allowed types: %(allowed)s."),
            code="no_extension",
            params={"allowed": allowed},
        )
    check = DOCUMENT_TYPES.get(extension)
    if check is None or extension not in allowed_list:
        raise ValidationError(
            _("Files of type “.%(extension)s” cannot be uploaded as documents. Allowed types: %(allowed)s."),
            code="extension_not_allowed",
            params={"extension": extension, "allowed": allowed},
        )
    try:
        matches = check(file, extension)
    except _NotUtf8:
        raise ValidationError(
            _("This text file is not in UTF-8. Save it again as UTF-8 (in Excel: “CSV UTF-8”)."),
            code="not_utf8",
        ) from None
    except _LooksLikeMarkup:
        raise ValidationError(
            _("This file holds web-page markup (HTML or SVG), which cannot be published as a document."),
            code="markup",
        ) from None
    if not matches:
        raise ValidationError(
            _(
                "This file’s content does not match its “.%(extension)s” extension. Save it again in that "
                "format, or give it the extension of what it really is."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (single upload, multiple upload, the chooser's upload) with the
    type and content checks (settings: WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a new upload: the file already stored comes back here when the title is edited.
        if isinstance(file, UploadedFile):
            check_document(file, file.name)
        return file

    def _post_clean(self) -> None:
        super()._post_clean()
        # Wagtail's model check of the extension runs on the file still in the instance when the
        # upload was refused (none, for a new document): its "extension “” is not allowed" would
        # only confuse the clear reason already given.
        errors = self.errors.get("file")
        if errors and len(errors) > 1:
            del errors[1:]


# --- Serving ---------------------------------------------------------------------------------------

# Types a browser renders or runs; a document claiming one is sent as plain bytes.
ACTIVE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "text/xsl",
)


def harden_download(response: HttpResponseBase) -> HttpResponseBase:
    """Make a document answer a sandboxed download, whatever its file holds: an attachment (never
    shown in the site's origin), no type sniffing, a sandbox CSP, and never a type a browser
    would run."""
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["X-Content-Type-Options"] = "nosniff"
    if response.status_code in (200, 206, 304):
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            response["Content-Disposition"] = "attachment" + disposition.removeprefix("inline")
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type in ACTIVE_TYPES:
            response["Content-Type"] = "application/octet-stream"
    return response
