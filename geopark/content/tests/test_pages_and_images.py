"""Standard pages show the geopark's own texts without copying them; images are served as responsive
renditions (WebP with a JPEG fallback) and cannot be published without alt text."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.rich_text import RichText

from geopark.content.blocks import ALT_TEXT_MISSING, ImageBlock
from geopark.content.models import NewsIndexPage, NewsPage, StandardPage

from . import factories

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "zh"]


@pytest.fixture
def image(db):
    from wagtail.images.models import Image

    return Image.objects.create(title="Hang Keng Tao", file=get_test_image_file(size=(1600, 1000)))


@pytest.fixture
def pages(home_pages):
    geopark = home_pages
    geopark.vision_vi, geopark.vision_en, geopark.vision_zh = (
        "Tầm nhìn bảo tồn",
        "A vision of care",
        "保护愿景",
    )
    geopark.save()
    about = factories.standard_page(
        "vi",
        title="Giới thiệu",
        slug="about",
        intro="Về công viên.",
        body=[
            ("geopark_facts", None),
            ("heading", "Không có hàng rào"),
            ("paragraph", RichText("<p>Người dân vẫn sống trong công viên.</p>")),
        ],
    )
    vision = factories.standard_page(
        "vi",
        parent=about,
        title="Tầm nhìn",
        slug="vision",
        body=[("geopark_text", {"text": "vision", "show_heading": True})],
    )
    for lang, words in (
        (
            "en",
            {
                "Giới thiệu": "About",
                "Không có hàng rào": "No fences",
                "Tầm nhìn": "Vision",
                "Về công viên.": "About the park.",
                "Người dân vẫn sống trong công viên.": "People live in the park.",
            },
        ),
        ("zh", {"Giới thiệu": "关于", "Tầm nhìn": "愿景"}),
    ):
        factories.translate(about, lang, words)
        factories.translate(vision, lang, words)
    factories.news_index("vi")
    factories.contact_page("vi")
    return {"about": about, "vision": vision}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path", ["/{lang}/about/", "/{lang}/about/vision/", "/{lang}/news/", "/{lang}/contact/"]
)
def test_every_new_page_renders_in_every_language(client, pages, lang, path):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert "<h1" in html
    assert '<meta name="description" content="' in html


@pytest.mark.parametrize(
    ("lang", "vision", "heading"),
    [
        ("vi", "Tầm nhìn bảo tồn", "Tầm nhìn"),
        ("en", "A vision of care", "Vision"),
        ("zh", "保护愿景", "愿景"),
    ],
)
def test_the_vision_page_shows_the_geoparks_own_text_in_each_language(client, pages, lang, vision, heading):
    html = client.get(f"/{lang}/about/vision/").content.decode()
    assert vision in html
    assert f"<h1>{heading}</h1>" in html


def test_the_about_page_shows_the_geopark_figures_and_its_subpages(client, pages):
    html = client.get("/en/about/").content.decode()
    assert "4,842.58 km²" in html
    assert "People live in the park." in html
    assert "/en/about/vision/" in html


def test_a_subpage_leads_back_to_its_parent_and_a_top_page_has_no_breadcrumb(client, pages):
    vision = client.get("/en/about/vision/").content.decode()
    crumb = vision.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/en/about/"' in crumb
    assert 'class="breadcrumb"' not in client.get("/en/about/").content.decode()


def test_the_header_and_footer_link_to_news_about_and_contact(client, pages):
    # News is in the menu once there is an article (content.sections leaves an empty section out).
    factories.article(NewsIndexPage.objects.get(locale__language_code="vi"))
    html = client.get("/en/about/").content.decode()
    for path in ("/en/news/", "/en/about/", "/en/contact/"):
        assert f'href="{path}"' in html
    news = client.get("/en/news/").content.decode()
    assert 'href="/en/news/" aria-current="page"' in news


def test_an_image_block_without_alt_text_cannot_be_published(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt": "  ", "caption": "Hang", "credit": ""}))
    assert ALT_TEXT_MISSING in caught.value.block_errors["alt"].messages
    # A draft may wait for it.
    block.defer_required_validation()
    block.clean(block.to_python({"image": image.pk, "alt": "", "caption": "", "credit": ""}))


def test_an_article_without_alt_text_for_its_main_image_is_refused(home_pages, image):
    index = factories.news_index("vi")
    page = NewsPage(
        title="Ảnh", slug="anh", lead="Tin có ảnh.", image=image, image_alt="", locale=index.locale
    )
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert ALT_TEXT_MISSING in caught.value.message_dict["image_alt"]


def test_the_editor_is_told_to_add_alt_text_when_publishing(client, admin_user, home_pages, image):
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    index = factories.news_index("vi")
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Tin có ảnh",
            "slug": "tin-co-anh",
            "lead": "Có ảnh.",
            "date": "2025-06-28",
            "category": "",
            "tags": "",
            "image": "",
            "image_alt": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "related_sites": inline_formset([]),
            "comments": inline_formset([]),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Ảnh dưới đây.</p>")),
                    ("image", {"image": image.pk, "alt": "", "caption": "Cửa hang", "credit": ""}),
                ]
            ),
            "action-publish": "1",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:add", args=["content", "newspage", index.pk]), data)
    assert response.status_code == 200
    with translation.override("vi"):
        message = str(ALT_TEXT_MISSING)
    html = response.content.decode()
    # StreamField errors travel as JSON inside the page, where non-ASCII letters are escaped.
    assert message.replace("'", "&#x27;") in html or json.dumps(message)[1:-1] in html
    assert not NewsPage.objects.filter(slug="tin-co-anh").exists()


def test_images_are_served_as_webp_with_a_jpeg_fallback_in_several_widths(client, home_pages, image):
    index = factories.news_index("vi")
    factories.article(
        index,
        slug="co-anh",
        image=image,
        image_alt="Cửa hang Keng Tao",
        body=[("image", {"image": image, "alt": "Lối vào hang", "caption": "Lối vào", "credit": ""})],
    )
    html = client.get("/vi/news/co-anh/").content.decode()
    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert ".webp 400w" in html
    assert ".webp 800w" in html
    assert ".webp 1200w" in html
    assert 'alt="Lối vào hang"' in html
    assert 'alt="Cửa hang Keng Tao"' in html
    assert ".jpg 400w" in html or ".jpeg 400w" in html or ".png 400w" in html
    factories.article(index, slug="co-anh-nua", image=image, image_alt="Cửa hang")
    listing = client.get("/vi/news/").content.decode()
    assert 'type="image/webp"' in listing
    assert 'loading="lazy"' in listing  # the second card's; the first loads at once


def test_the_news_list_with_images_costs_the_same_queries_for_few_or_many(
    client, home_pages, image, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = factories.news_index("vi")
    factories.article(index, image=image, image_alt="Ảnh")
    client.get("/vi/news/")  # the renditions are made on the first view

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/vi/news/")
        return len(ctx.captured_queries)

    few = count()
    for _ in range(8):
        factories.article(index, image=image, image_alt="Ảnh")
    client.get("/vi/news/")
    assert count() == few


def test_a_stream_value_can_be_read_for_search(pages):
    page = StandardPage.objects.get(pk=pages["vision"].pk, locale=Locale.objects.get(language_code="vi"))
    assert isinstance(page.body, StreamValue)
    with translation.override("en"):
        assert "A vision of care" in page.body.stream_block.get_searchable_content(page.body)
