"""Uploaded documents never run script on the site's origin: only a list of document types is
accepted, each file's content must be what its extension says, and every document, even one stored
before these checks, is sent as a download inside a sandbox."""

from __future__ import annotations

import io
import sys
import wave
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, memory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _zip(entries: dict[str, bytes], *, stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first), entries[stored_first])
        for name, content in entries.items():
            if name != stored_first:
                archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b"<Relationships/>",
            "word/document.xml": b"<w:document/>",
        }
    )


def xlsx() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "Động Tam Thanh"
    book.save(out)
    return out.getvalue()


def odt() -> bytes:
    return _zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"},
        stored_first="mimetype",
    )


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 6), (120, 90, 60)).save(out, format=fmt)
    return out.getvalue()


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024

VALID = [
    ("lich-mo-cua.pdf", PDF),
    ("phieu-hoc-tap.docx", docx()),
    ("so-lieu.xlsx", xlsx()),
    ("bai-giang.odt", odt()),
    ("ban-cu.doc", OLE2),
    ("ban-do.png", image("PNG")),
    ("anh.jpg", image("JPEG")),
    ("anh.webp", image("WEBP")),
    ("anh.gif", image("GIF")),
    ("thuyet-minh.wav", wav()),
    ("thuyet-minh.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64),
    ("thuyet-minh.ogg", b"OggS\x00\x02" + b"\x00" * 64),
    ("tai-lieu.zip", _zip({"a.txt": b"hello"})),
    ("tai-lieu.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 64),
    ("diem.csv", "mã,tên\nLSG-01,Động Tam Thanh\n".encode()),
    ("doc-truoc.txt", "Lịch mở cửa hang Tam Thanh\n".encode()),
    ("excel.csv", "\ufeffmã,tên\n".encode()),
]


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_for(name: str, content: bytes):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": "Tài liệu", "collection": Collection.get_first_root_node().pk},
        files={"file": upload(name, content)},
    )


# --- What the upload form accepts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("trang.html", HTML),
        ("trang.htm", HTML),
        ("hinh.svg", SVG),
        ("hinh.svgz", SVG),
        ("script.js", b"alert(1)"),
        ("trang.xhtml", HTML),
        ("khong-duoi", PDF),
    ],
)
def test_the_document_form_refuses_web_pages_svg_and_any_type_not_listed(name, content):
    form = form_for(name, content)
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["file"]] in (
        ["extension_not_allowed"],
        ["no_extension"],
    )
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("lich.pdf", HTML),  # a web page renamed .pdf
        ("hinh.png", SVG),
        ("hinh.jpg", image("PNG")),  # a real image, but not the type its name says
        ("bai.docx", _zip({"a.txt": b"not a word document"})),
        ("bai.docx", xlsx()),
        ("bai.xlsx", docx()),
        (
            "bai.odt",
            _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, stored_first="mimetype"),
        ),
        ("bai.doc", PDF),
        ("am-thanh.mp3", HTML),
        ("am-thanh.wav", b"RIFF\x00\x00\x00\x00AVI LIST"),
        ("tai-lieu.zip", b"PK\x03\x04 this is not really a zip"),
        ("ghi-chu.txt", HTML),
        ("ghi-chu.txt", b"  \n<svg onload=alert(1)>"),
        ("bang.csv", b"a,b\n<script>alert(1)</script>\n"),
        ("bang.csv", "Đăng,Lạng Sơn\n".encode("cp1258", "ignore")),
        ("ghi-chu.txt", b"text\x00with a NUL"),
        ("rong.pdf", b""),
    ],
)
def test_a_file_whose_content_is_not_what_its_extension_says_is_refused(name, content):
    form = form_for(name, content)
    assert not form.is_valid()
    assert len(form.errors["file"]) == 1, form.errors  # one reason, said once
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(("name", "content"), VALID, ids=[name for name, _content in VALID])
def test_real_documents_of_every_listed_type_are_accepted(name, content):
    form = form_for(name, content)
    assert form.is_valid(), form.errors
    document = form.save()
    assert document.file.read() == content


def test_the_refusal_is_said_in_the_editors_language():
    messages = {}
    for lang in ("en", "vi", "zh"):
        with translation.override(lang):
            form = form_for("trang.html", HTML)
            assert not form.is_valid()
            messages[lang] = form.errors["file"][0]
    assert messages["en"].startswith("Files of type “.html” cannot be uploaded")
    assert len(set(messages.values())) == 3, messages


# --- Through the admin, as an editor ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("trang.html", HTML, "text/html"),
        ("hinh.svg", SVG, "image/svg+xml"),
        ("lich.pdf", HTML, "application/pdf"),
    ],
)
def test_an_editor_uploading_a_web_page_or_svg_in_the_admin_is_told_why_and_nothing_is_kept(
    client, editor, name, content, content_type
):
    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Trang độc",
            "collection": Collection.get_first_root_node().pk,
            "file": upload(name, content, content_type),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be uploaded" in html or "does not match" in html
    assert not get_document_model().objects.exists()


def test_an_editor_uploading_several_files_at_once_gets_the_same_checks(client, editor):
    client.force_login(editor)
    refused = client.post(
        "/admin/documents/multiple/add/",
        {
            "title": "hinh.svg",
            "collection": Collection.get_first_root_node().pk,
            "files[]": upload("hinh.svg", SVG, "image/svg+xml"),
        },
    )
    assert refused.status_code == 200
    assert refused.json()["success"] is False
    accepted = client.post(
        "/admin/documents/multiple/add/",
        {
            "title": "lich.pdf",
            "collection": Collection.get_first_root_node().pk,
            "files[]": upload("lich.pdf", PDF, "application/pdf"),
        },
    )
    assert accepted.json()["success"] is True
    assert [d.filename for d in get_document_model().objects.all()] == ["lich.pdf"]


def test_an_editor_uploads_a_real_pdf_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Lịch mở cửa",
            "collection": Collection.get_first_root_node().pk,
            "file": upload("lich-mo-cua.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Lịch mở cửa"


# --- How documents are served -------------------------------------------------------------------


class BucketStorage(InMemoryStorage):
    """Like S3: files have a URL but no path on this machine. Django's in-memory storage offers
    one (it uses it inside); to the outside it now has none, as a bucket."""

    def path(self, name):
        if sys._getframe(1).f_code.co_filename != memory.__file__:
            raise NotImplementedError("a bucket has no local path")
        return super().path(name)


@pytest.fixture
def bucket(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.BucketStorage"}}


@pytest.fixture(params=["bucket", "disk"])
def storage(request, settings, tmp_path):
    """Wagtail streams a file on disk through sendfile and one in a bucket through a FileResponse;
    both must carry the same headers."""
    if request.param == "disk":
        settings.MEDIA_ROOT = tmp_path
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
    else:
        request.getfixturevalue("bucket")
    return request.param


def stored(name: str, content: bytes):
    """A document saved straight into the database, as one uploaded before the checks was."""
    document = get_document_model()(title=name, file=ContentFile(content, name=name))
    document.save()
    return document


def assert_sandboxed_download(response, filename: str) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert filename in response["Content-Disposition"]
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("name", "content"), [("cu.html", HTML), ("cu.svg", SVG), ("cu.htm", HTML)])
def test_an_old_web_page_or_svg_document_is_sent_as_a_sandboxed_download_never_as_a_page(
    client, storage, name, content
):
    document = stored(name, content)
    response = client.get(document.url)
    assert_sandboxed_download(response, name)
    # Never a type the browser would render, whatever it guessed from the name.
    assert response["Content-Type"].split(";")[0] == "application/octet-stream"
    assert b"".join(response.streaming_content) == content


def test_a_pdf_is_downloaded_too_not_shown_inside_the_sites_origin(client, storage):
    document = stored("lich.pdf", PDF)
    response = client.get(document.url)
    assert_sandboxed_download(response, "lich.pdf")
    assert response["Content-Type"] == "application/pdf"


def test_documents_in_a_bucket_are_streamed_by_the_site_not_redirected_to_the_bucket(client, bucket):
    document = stored("lich.pdf", PDF)
    response = client.get(document.url)
    # Wagtail's default for a storage with a URL but no path is a redirect, out of reach of
    # these headers and onto an origin that may send none.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_every_listed_document_type_has_a_content_check_and_none_a_browser_runs(settings):
    from geopark.operations.documents import DOCUMENT_TYPES

    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(DOCUMENT_TYPES)
    assert not {"html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mjs"} & set(
        settings.WAGTAILDOCS_EXTENSIONS
    )
