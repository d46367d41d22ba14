"""Pages and news are loaded from data/<geopark>/pages/ and news/: the Vietnamese text becomes the
original page, the other languages its wagtail-localize translations. Safe to run again."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from geopark.content.dataset import load_news, load_pages
from geopark.content.models import ContactPage, NewsCategory, NewsPage, StandardPage
from geopark.content.selectors import Status, translation_pages, translation_status
from geopark.core.loading import LoadReport
from geopark.search.models import SearchDocument

pytestmark = pytest.mark.django_db

SHIPPED = settings.BASE_DIR / "data" / "langson"


@pytest.fixture
def shipped(tmp_path):
    folder = tmp_path / "langson"
    shutil.copytree(SHIPPED, folder)
    return folder


@pytest.fixture
def small(tmp_path):
    """The news index, the categories and one article: enough to check how files are read."""
    folder = tmp_path / "small"
    (folder / "pages").mkdir(parents=True)
    (folder / "news").mkdir()
    shutil.copy(SHIPPED / "pages" / "news.toml", folder / "pages")
    shutil.copy(SHIPPED / "news" / "categories.toml", folder / "news")
    shutil.copy(SHIPPED / "news" / "2025-06-02-certificate-in-paris.toml", folder / "news")
    return folder


def load(folder) -> LoadReport:
    report = LoadReport()
    load_pages(folder / "pages", report)
    load_news(folder / "news", report)
    return report


def test_the_shipped_pages_and_news_load_in_every_language(home_pages, shipped):
    report = load(shipped)
    assert report.errors == []
    assert report.created["page"] == 4  # about, contact, the management board, the news index
    assert report.created["news article"] >= 12
    vi, en, zh = (Locale.objects.get(language_code=c) for c in ("vi", "en", "zh"))
    articles = NewsPage.objects.filter(locale=vi)
    assert (
        NewsPage.objects.filter(locale=en, live=True).count() == articles.count()
    )  # every article in English
    assert NewsPage.objects.filter(locale=zh, live=True).count() >= 4
    assert StandardPage.objects.filter(locale=zh, live=True).count() == 2  # about, the management board
    assert ContactPage.objects.filter(live=True).count() == 3
    assert NewsCategory.objects.count() == 4
    # Everything that was translated is complete: no string left in Vietnamese.
    for row in translation_status(translation_pages()):
        assert Status.IN_PROGRESS not in row.statuses.values(), row.page.title
        assert Status.OUT_OF_DATE not in row.statuses.values(), row.page.title


def test_loading_again_changes_nothing(home_pages, shipped):
    load(shipped)
    again = load(shipped)
    assert sum(again.created.values()) == 0
    assert sum(again.updated.values()) == 0
    assert again.unchanged["news article"] >= 12


def test_an_edited_file_updates_its_page_and_translation(home_pages, small):
    shipped = small
    load(shipped)
    path = shipped / "news" / "2025-06-02-certificate-in-paris.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("handed to Viet Nam's representative.", "handed to Viet Nam's ambassador."),
        encoding="utf-8",
    )
    report = load(shipped)
    assert report.updated["news article"] == 1
    assert report.updated["news translation"] == 2
    en = NewsPage.objects.get(locale__language_code="en", slug="certificate-presented-in-paris")
    assert en.lead.endswith("handed to Viet Nam's ambassador.")
    assert en.live
    assert not en.has_unpublished_changes


def test_an_admin_edit_survives_a_reload_of_an_unchanged_file(home_pages, small):
    shipped = small
    load(shipped)
    page = NewsPage.objects.get(locale__language_code="vi", slug="certificate-presented-in-paris")
    page.title = "Sửa trong trang quản trị"
    page.save_revision().publish()
    load(shipped)
    page.refresh_from_db()
    assert page.title == "Sửa trong trang quản trị"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('slug = "x"\n[title\nvi = "a"\n', "not valid TOML"),
        ('slug = "Bad Slug"\n[title]\nvi = "A"\n', "slug must be"),
        ('slug = "no-vi"\n[title]\nen = "Only English"\n', "[title] needs the original text (vi)"),
        ('slug = "lang"\n[title]\nvi = "A"\nfr = "B"\n', "unknown language(s) in [title]: fr"),
        (
            'slug = "cat"\ndate = 2025-01-01\ncategory = "nope"\n[title]\nvi = "A"\n[lead]\nvi = "B"\n',
            "unknown category “nope”",
        ),
        ('slug = "nodate"\ndate = "soon"\n[title]\nvi = "A"\n[lead]\nvi = "B"\n', "date must be a date"),
        ('slug = "nolead"\ndate = 2025-01-01\n[title]\nvi = "A"\n', "[lead] needs the original text"),
        (
            'slug = "paras"\ndate = 2025-01-01\n[title]\nvi = "A"\nen = "A"\n[lead]\nvi = "B"\n'
            '[[body]]\ntype = "paragraph"\nvi = "Một.\\n\\nHai."\nen = "One."\n',
            "the en text has 1 paragraphs",
        ),
        (
            'slug = "kind"\ndate = 2025-01-01\n[title]\nvi = "A"\n[lead]\nvi = "B"\n[[body]]\ntype = "video"\n',
            "type must be one of",
        ),
    ],
)
def test_a_bad_news_file_is_reported_and_the_rest_loads(home_pages, small, text, reason):
    (small / "news" / "zz-bad.toml").write_text(text, encoding="utf-8")
    report = load(small)
    problems = [str(p) for p in report.errors]
    assert len(problems) == 1, problems
    assert problems[0].startswith("news/zz-bad.toml:")
    assert reason in problems[0]
    assert report.created["news article"] == 1


def test_a_link_to_an_unknown_site_is_a_warning_and_the_article_loads(home_pages, small):
    (small / "news" / "zz-site.toml").write_text(
        'slug = "site"\ndate = 2025-01-01\nsites = ["NOPE-1"]\n[title]\nvi = "A"\n[lead]\nvi = "B"\n',
        encoding="utf-8",
    )
    report = load(small)
    assert any("no site with code NOPE-1" in str(w) for w in report.warnings)
    assert NewsPage.objects.filter(slug="site").exists()


def test_the_load_command_reports_pages_news_and_the_workflow_and_indexes_them(shipped):
    out = StringIO()
    call_command("load_geopark", data=shipped, no_progress=True, stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert f"news article: {len(list((SHIPPED / 'news').glob('20*.toml')))} created" in text
    assert "page: 4 created" in text
    assert "approval workflow: 1 created" in text
    assert (
        SearchDocument.objects.filter(kind="news", lang="en").count()
        == NewsPage.objects.filter(locale__language_code="en").count()
    )
    again = StringIO()
    call_command("load_geopark", data=shipped, no_progress=True, stdout=again, stderr=StringIO())
    assert "approval workflow: 0 created, 0 updated, 1 unchanged" in again.getvalue()
    assert "news translation: 0 created, 0 updated" in again.getvalue()


@pytest.mark.parametrize(
    ("lang", "shown", "not_shown"),
    [("vi", "công nhận", "recognition"), ("en", "recognition", "công nhận"), ("zh", "认定", "recognition")],
)
def test_news_tags_read_in_the_readers_language(client, home_pages, small, lang, shown, not_shown):
    shutil.copy(SHIPPED / "news" / "tags.toml", small / "news")
    report = load(small)
    assert report.errors == []
    assert report.warnings == []
    page = NewsPage.objects.get(slug="certificate-presented-in-paris", locale__language_code=lang)
    html = client.get(page.url).content.decode()
    tags = html.split('class="article__tags"', 1)[1].split("</p>", 1)[0]
    assert f'<span class="tag">{shown}</span>' in tags
    assert not_shown not in tags


def test_a_tag_without_names_is_a_warning_and_shows_as_written(home_pages, small):
    (small / "news" / "tags.toml").write_text('[[tag]]\ntag = "UNESCO"\nvi = "UNESCO"\n', encoding="utf-8")
    report = load(small)
    assert any("tag “recognition” has no names in tags.toml" in str(w) for w in report.warnings)
