"""The pages' part of the query-count world (tests/test_query_counts.py): a news index in two
languages with a category, and articles that bring what a list shows (category, tags, related
site, translation)."""

from wagtail.rich_text import RichText

from . import factories


def seed(world: dict) -> None:
    world["category"] = factories.NewsCategoryFactory(
        slug="recognition", name_vi="Công nhận", name_en="Recognition"
    )
    world["index"] = factories.news_index("vi")
    factories.translate(world["index"], "en", {"Tin tức": "News"})
    factories.article(world["index"], category=world["category"], site_ids=[world["site"].pk])


def grow(world: dict) -> None:
    for i in range(30):  # past a page of news (12)
        article = factories.article(
            world["index"],
            category=world["category"] if i % 2 else None,
            tags=["UNESCO"],
            body=[("paragraph", RichText("<p>Đồng Đăng.</p>"))],
        )
        if i % 5 == 0:
            factories.translate(article, "en", {})
