"""Two app nodes behind nginx, sharing one PostgreSQL, one Redis and one S3 service, behave as one
site: a login, an edit, a cached page's invalidation and an upload made through one node are seen
through the other on the very next request."""

from __future__ import annotations

import gzip
import io
import json
import re
import time

import pytest
import redis
from django.test import override_settings

from .conftest import (
    ADMIN,
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    Browser,
    Cluster,
    bucket_keys,
    empty_buckets,
    login,
    multipart,
    s3_client,
)

pytestmark = [pytest.mark.services, pytest.mark.postgresql]

SLUG = "dong-tam-thanh"
SITE_PAGE = f"/vi/sites/{SLUG}/"


@pytest.fixture
def world(cluster: Cluster, transactional_db):
    """A geopark with one site and an administrator, committed so the nodes see them. Redis and
    the buckets are emptied first: the previous test's rows were flushed, its cached pages,
    sessions and files must go too."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Collection

    from geopark.content.services import ensure_home_pages
    from geopark.heritage.tests.factories import SiteFactory
    from geopark.territory.tests.factories import GeoparkFactory

    redis.Redis.from_url(cluster.redis_url).flushall()
    empty_buckets(cluster.s3_endpoint)
    if not Collection.objects.exists():
        # Wagtail's migrations create the root collection; a flushed database lacks it.
        Collection.add_root(name="Root")
    geopark = GeoparkFactory()
    # The page tree and its Wagtail site, which the admin's dashboard needs.
    ensure_home_pages(geopark)
    site = SiteFactory(geopark=geopark, slug=SLUG, name_vi="Động Tam Thanh", name_en="Tam Thanh Cave")
    # Hashed as production hashes (the test settings' fast hasher is unknown to the nodes).
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        get_user_model().objects.create_superuser(ADMIN[0], "alice@example.org", ADMIN[1])
    return site


def test_a_login_on_node_a_is_valid_on_node_b(cluster, world):
    browser = Browser()
    assert browser.get(cluster.b.url, "/admin/").status == 302  # not signed in yet
    login(browser, cluster.a.url)
    # The session lives in the shared Redis (written through to the database), not in a node.
    keys = [key.decode() for key in redis.Redis.from_url(cluster.redis_url).keys("*")]
    assert any(key.endswith(browser.cookies["sessionid"]) for key in keys), keys
    dashboard = browser.get(cluster.b.url, "/admin/")
    assert dashboard.status == 200
    assert ADMIN[0] in dashboard.text
    # Signing out on B ends the session on A as well.
    logout = browser.request(
        cluster.b.url,
        "/admin/logout/",
        method="POST",
        body=f"csrfmiddlewaretoken={browser.cookies['csrftoken']}".encode(),
    )
    assert logout.status == 302
    assert browser.get(cluster.a.url, "/admin/").status == 302


def test_an_edit_on_node_a_shows_on_node_b_at_once_even_over_its_cached_page(cluster, world):
    visitor = Browser()
    before = [visitor.get(cluster.b.url, SITE_PAGE) for _ in range(2)]
    assert all(page.status == 200 and "Động Tam Thanh" in page.text for page in before)
    if cluster.page_cache:
        assert before[1].headers.get("x-page-cache") == "hit", "node B did not cache the page"
        generation = redis.Redis.from_url(cluster.redis_url).keys("*pagecache:generation:*")
        assert generation, "the page cache's generation is not in the shared Redis"

    editor = Browser()
    login(editor, cluster.a.url)
    edit = f"/admin/snippets/heritage/site/edit/{world.pk}/"
    saved = editor.submit(
        cluster.a.url, edit, {"name_vi": "Động Tam Thanh mới", "action-publish": "action-publish"}
    )
    assert saved.status == 302, re.sub(r"\s+", " ", saved.text)[:3000]

    after = visitor.get(cluster.b.url, SITE_PAGE)
    assert after.status == 200
    assert "Động Tam Thanh mới" in after.text
    assert after.headers.get("x-page-cache") != "hit"


def test_nginx_spreads_requests_over_both_nodes_and_forwards_https(cluster, world):
    visitor = Browser(ca_file=cluster.ca_file)
    seen_before = {node.name: _count(node, "/robots.txt") for node in (cluster.a, cluster.b)}
    for _ in range(6):
        response = visitor.get(cluster.proxy_url, "/robots.txt")
        assert response.status == 200
    page = visitor.request(cluster.proxy_url, SITE_PAGE, headers={"Accept-Encoding": "gzip"})
    assert page.status == 200
    # Django saw HTTPS through X-Forwarded-Proto, so it sent HSTS; nginx compressed the page and
    # names no version of itself.
    assert "max-age=" in page.headers["strict-transport-security"]
    assert page.headers["server"] == "nginx"
    assert page.headers["content-encoding"] == "gzip"
    assert "Động Tam Thanh" in gzip.decompress(page.body).decode()
    served = {
        node.name: _count(node, "/robots.txt") - seen_before[node.name] for node in (cluster.a, cluster.b)
    }
    assert served["a"] > 0, served
    assert served["b"] > 0, served
    assert served["a"] + served["b"] == 6


def test_each_node_reports_its_database_replica_and_cache_as_healthy(cluster, world):
    visitor = Browser()
    a = visitor.get(cluster.a.url, "/healthz")
    b = visitor.get(cluster.b.url, "/healthz")
    healthy = {"status": "ok", "database": "ok", "writes": "ok", "migrations": "ok", "cache": "ok"}
    assert (a.status, json.loads(a.body)) == (200, healthy)
    assert (b.status, json.loads(b.body)) == (200, {**healthy, "replica": "ok"})


def test_a_document_uploaded_through_node_a_is_streamed_by_node_b_as_a_sandboxed_download(cluster, world):
    editor = Browser()
    login(editor, cluster.a.url)
    content = "Lịch mở cửa hang Tam Thanh\n".encode() * 100
    uploaded = editor.submit(
        cluster.a.url,
        "/admin/documents/add/",
        {"title": "Lịch mở cửa"},
        files={"file": ("lich-mo-cua.txt", content, "text/plain")},
    )
    assert uploaded.status == 302, re.sub(r"\s+", " ", uploaded.text)[:3000]
    from wagtail.documents.models import Document

    document = Document.objects.get(title="Lịch mở cửa")
    key = f"media/{document.file.name}"
    assert bucket_keys(cluster.s3_endpoint, PUBLIC_BUCKET) == [key]
    # The bucket policy publishes images only: a document is never read from the bucket directly,
    # where nothing would make it a download.
    assert Browser().get(cluster.s3_endpoint, f"/{PUBLIC_BUCKET}/{key}").status == 403

    # Node B has no file of its own: it finds the document in the database and streams it from
    # the shared bucket, through nginx, as a download inside a sandbox.
    visitor = Browser(ca_file=cluster.ca_file)
    served = visitor.get(cluster.proxy_url, f"/documents/{document.pk}/{document.filename}")
    assert served.status == 200
    assert served.body == content
    assert served.headers["content-disposition"].startswith("attachment")
    assert served.headers["content-security-policy"] == "sandbox; default-src 'none'"
    assert served.headers["x-content-type-options"] == "nosniff"
    direct = Browser().get(cluster.b.url, f"/documents/{document.pk}/{document.filename}")
    assert direct.status == 200
    assert direct.body == content


def test_an_html_upload_is_refused_through_the_real_admin(cluster, world):
    editor = Browser()
    login(editor, cluster.a.url)
    page = b"<!DOCTYPE html><html><script>fetch('/admin/')</script></html>"
    refused = editor.submit(
        cluster.a.url,
        "/admin/documents/add/",
        {"title": "Trang"},
        files={"file": ("trang.pdf", page, "application/pdf")},
    )
    assert refused.status == 200
    from wagtail.documents.models import Document

    assert not Document.objects.exists()
    assert bucket_keys(cluster.s3_endpoint, PUBLIC_BUCKET) == []


def test_nginx_serves_media_in_a_sandbox_and_never_serves_documents_itself(cluster, world):
    # A host without S3 keeps media on disk and nginx serves them (deploy/nginx.conf).
    (cluster.media_root / "images").mkdir(parents=True, exist_ok=True)
    (cluster.media_root / "documents").mkdir(parents=True, exist_ok=True)
    (cluster.media_root / "images" / "cu.svg").write_bytes(
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    )
    (cluster.media_root / "documents" / "cu.html").write_bytes(b"<script>alert(1)</script>")
    visitor = Browser(ca_file=cluster.ca_file)
    for path, status in [
        ("/media/images/cu.svg", 200),
        ("/media/documents/cu.html", 403),
        ("/media/images/missing.png", 404),
    ]:
        answer = visitor.get(cluster.proxy_url, path)
        assert answer.status == status, path
        assert answer.headers["content-security-policy"] == "sandbox; default-src 'none'", path
        assert answer.headers["x-content-type-options"] == "nosniff", path
    assert b"alert" not in visitor.get(cluster.proxy_url, "/media/documents/cu.html").body


def test_images_in_the_bucket_stay_public(cluster, world):
    s3_client(cluster.s3_endpoint).put_object(
        Bucket=PUBLIC_BUCKET, Key="media/original_images/anh.png", Body=b"\x89PNG\r\n\x1a\n"
    )
    assert Browser().get(cluster.s3_endpoint, f"/{PUBLIC_BUCKET}/media/original_images/anh.png").status == 200


def test_a_visitor_photo_sent_to_node_a_is_kept_private_in_s3_and_shown_to_staff_on_node_b(cluster, world):
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 90, 60)).save(picture, format="JPEG")
    body, content_type = multipart(
        {"kind": "damage", "description": "Graffiti on the cave wall near the entrance."},
        {"photo": ("wall.jpg", picture.getvalue(), "image/jpeg")},
    )
    response = Browser().request(
        cluster.a.url, f"/api/v1/sites/{SLUG}/reports", method="POST", body=body, content_type=content_type
    )
    assert response.status == 201, response.text
    private = bucket_keys(cluster.s3_endpoint, PRIVATE_BUCKET)
    assert len(private) == 1
    assert private[0].startswith("private/")
    assert bucket_keys(cluster.s3_endpoint, PUBLIC_BUCKET) == []
    # Nobody reads it without a signature.
    assert Browser().get(cluster.s3_endpoint, f"/{PRIVATE_BUCKET}/{private[0]}").status == 403

    # A moderator signed in on node B sees it, streamed from the bucket by that node.
    from geopark.conservation.models import VisitorReport

    report = VisitorReport.objects.get()
    moderator = Browser()
    login(moderator, cluster.b.url)
    shown = moderator.get(cluster.b.url, f"/admin/conservation/reports/{report.pk}/photo/")
    assert shown.status == 200
    assert shown.headers["content-type"] == "image/jpeg"
    assert shown.body[:3] == b"\xff\xd8\xff"  # the re-encoded JPEG, not an error page
    assert "no-store" in shown.headers["cache-control"]


def _count(node, path: str) -> int:
    # The nodes write their request log as they answer; give the last line a moment to land.
    time.sleep(0.05)
    return sum(1 for record in node.requests() if record["path"] == path)
