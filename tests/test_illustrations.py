"""Issue 18, point 1: every card and page has a picture (a photo, else a drawn illustration that
differs from record to record), a photo carries its credit and licence, and every public page has an
Open Graph image that answers as a real image."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg

from geopark.content.tests import factories as pages
from geopark.events.tests.factories import EventFactory
from geopark.heritage.models import SitePhoto, SiteType
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

CARD = re.compile(r'<article class="(site|route|event|news)-card.*?</article>', re.S)
OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)"')


@pytest.fixture
def world(home_pages, uncached):
    route = RouteFactory(number=1)
    site = SiteFactory(site_type=SiteType.CULTURAL, name_vi="Đền Thử", name_en="Test Temple")
    RouteStopFactory(route=route, site=site)
    event = EventFactory(start_date=timezone.localdate() + dt.timedelta(days=30))
    index = pages.news_index("vi")
    article = pages.article(index)
    return {"route": route, "site": site, "event": event, "article": article}


def _pages(world) -> dict[str, str]:
    return {
        "home": "/vi/",
        "site list": "/vi/sites/",
        "site": world["site"].get_absolute_url(),
        "route list": "/vi/routes/",
        "route": world["route"].get_absolute_url(),
        "events": "/vi/events/",
        "event": world["event"].get_absolute_url(),
        "news list": "/vi/news/",
        "news article": world["article"].url,
    }


def test_no_public_page_shows_a_photo_to_come_box(client, world):
    for name, url in _pages(world).items():
        html = client.get(url).content.decode()
        assert "Ảnh sẽ được bổ sung" not in html, name
        assert "photo-placeholder" not in html, name


@pytest.mark.parametrize("url", ["/vi/sites/", "/vi/routes/", "/vi/events/", "/vi/news/"])
def test_every_card_on_a_list_has_an_image(client, world, url):
    html = client.get(url).content.decode()
    cards = [m.group(0) for m in CARD.finditer(html)]
    assert cards, url
    for card in cards:
        assert "<img" in card or "<picture" in card, card[:200]


def test_illustrations_differ_from_site_to_site_on_the_site_list(client, home_pages, uncached):
    SiteFactory.create_batch(24)
    html = client.get("/vi/sites/").content.decode()
    srcs = re.findall(r'<div class="card-art card-art--drawn"[^>]*><img src="([^"]+)"', html)
    assert len(srcs) == 24
    bodies = set()
    for src in srcs:
        response = client.get(src)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        bodies.add(response.content)
    assert len(bodies) == 24


def test_a_photo_leads_the_site_page_with_its_credit_and_licence(client, world):
    from geopark.operations.models import ImageRights

    image = get_image_model().objects.create(title="Đền", file=get_test_image_file_jpeg("den.jpg"))
    ImageRights.objects.create(image=image, credit="Nguyễn Văn Ảnh", licence="CC BY 4.0")
    SitePhoto.objects.create(site=world["site"], image=image, sort_order=0)
    html = client.get(world["site"].get_absolute_url()).content.decode()
    assert "Nguyễn Văn Ảnh" in html
    assert "CC BY 4.0" in html
    assert "srcset=" in html
    assert "site-figure" not in html  # the photo leads, no illustration


def test_every_public_page_type_has_an_og_image_that_answers_as_an_image(client, world):
    for name, url in _pages(world).items():
        html = client.get(url).content.decode()
        found = OG_IMAGE.search(html)
        assert found, name
        assert 'property="og:image:width" content="1200"' in html, name
        assert 'property="og:image:height" content="630"' in html, name
        response = client.get(urlsplit(found.group(1)).path)
        assert response.status_code == 200, name
        assert response["Content-Type"].startswith("image/"), name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        Image.open(io.BytesIO(body)).verify()


def test_an_editor_fills_in_an_images_credit_and_licence_on_its_admin_form(client, admin_user):
    from wagtail.models import Collection

    from geopark.operations.models import ImageRights

    image = get_image_model().objects.create(title="Hang", file=get_test_image_file_jpeg("hang.jpg"))
    client.force_login(admin_user)
    edit = f"/admin/images/{image.pk}/"
    assert 'name="credit"' in client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "title": "Hang",
            "collection": Collection.get_first_root_node().pk,
            "credit": "Trần Thị Bình",
            "licence": "CC BY-SA 4.0",
        },
    )
    assert response.status_code == 302
    rights = ImageRights.objects.get(image=image)
    assert (rights.credit, rights.licence) == ("Trần Thị Bình", "CC BY-SA 4.0")
    assert "Trần Thị Bình" in client.get(edit).content.decode()
